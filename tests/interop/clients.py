"""Feeds error responses rendered by fault-core to the real clients, as they receive them.

tests/interop.rs runs this with the Python of target/interop-venv (scripts/python-env.sh).

stdin: a JSON list of cases, each {"id", "client", "status", "reason", "headers": [[name,
value], ...], "body": text}. stdout: a JSON list of {"id": ..., field: value, ...}, the
fields the client extracted; a client that raises something else than its error types gives
{"id": ..., "crash": "Type: text"}.

Each reader takes the client's own entry point, fed the way the client feeds it:
- botocore: botocore.parsers.create_parser(protocol).parse(response_dict, None), the dict
  shaped as botocore.endpoint.convert_to_response_dict builds it (headers in botocore's
  case-insensitive HeadersDict); what botocore.client raises is chosen by Error.Code.
- botocore-client:<service>:<Operation>: botocore's real client for the service (us-east-1,
  dummy credentials, endpoint http://127.0.0.1:1, total_max_attempts=1, no AWS_* settings
  or config files), its before-send event answering with the case's status, headers and
  body as an AWSResponse (repeated headers joined with ", " as urllib3 joins them), the
  operation called with the minimal valid parameters in MINIMAL_PARAMS. This is the whole
  path: botocore.endpoint's second, modeled parse (_add_modeled_error_fields:
  shape_for_error_code(Error.Code), then parser.parse(response, error_shape), merged into
  the parsed response) and the exception class botocore.client raises (from Error.Code, or
  the error_code_override handlers.py sets from QueryErrorCode). Gives the class, Error's
  Code, Message, QueryErrorCode and Type, the request and host ids, and each other top-level
  key of ClientError.response (the modeled members) as "member.<Name>", bytes as their
  base64 text and datetimes in ISO 8601.
- openstacksdk: openstack.exceptions.raise_from_response(requests.Response).
- python-novaclient: novaclient.exceptions.from_response(response, body, url, method), the
  body parsed as keystoneauth1's LegacyJsonAdapter (novaclient's base) parses it:
  response.json(), None on ValueError.
- keystoneauth1: keystoneauth1.exceptions.http.from_response(response, method, url).
"""

import base64
import datetime
import json
import os
import sys

import requests
from requests.structures import CaseInsensitiveDict

URL = "http://127.0.0.1:8774/v2.1/servers/42"


def requests_response(case):
    """A requests.Response as requests' HTTPAdapter.build_response makes one."""
    response = requests.Response()
    response.status_code = case["status"]
    response.reason = case["reason"]
    headers = CaseInsensitiveDict()
    for name, value in case["headers"]:
        # urllib3 joins repeated headers with ", ", as requests then sees them.
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    response.headers = headers
    response._content = case["body"].encode("utf-8")
    response.encoding = requests.utils.get_encoding_from_headers(headers)
    response.url = URL
    return response


def botocore(protocol):
    def read(case):
        from botocore.awsrequest import HeadersDict
        from botocore.parsers import create_parser

        headers = HeadersDict()
        for name, value in case["headers"]:
            headers[name] = value
        response = {
            "status_code": case["status"],
            "headers": headers,
            "body": case["body"].encode("utf-8"),
            "context": {"operation_name": "Operation"},
        }
        parsed = create_parser(protocol).parse(response, None)
        error = dict(parsed.get("Error", {}))
        metadata = parsed.get("ResponseMetadata", {})
        result = {
            "code": error.pop("Code", None),
            "message": error.pop("Message", None),
            "type": error.pop("Type", None),
            "request_id": metadata.get("RequestId"),
            "host_id": metadata.get("HostId"),
        }
        result.update({f"extra.{name}": value for name, value in error.items()})
        return result

    return read


# The minimal valid parameters of each operation a botocore-client case calls.
MINIMAL_PARAMS = {
    ("dynamodb", "TransactWriteItems"): {
        "TransactItems": [
            {
                "ConditionCheck": {
                    "TableName": "Music",
                    "Key": {"Artist": {"S": "No One You Know"}},
                    "ConditionExpression": "attribute_exists(Artist)",
                }
            }
        ]
    },
    ("dynamodb", "PutItem"): {
        "TableName": "Music",
        "Item": {"Artist": {"S": "No One You Know"}},
    },
    ("sqs", "GetQueueUrl"): {"QueueName": "MyQueue"},
    ("accessanalyzer", "ListAnalyzers"): {},
    ("appconfig", "CreateHostedConfigurationVersion"): {
        "ApplicationId": "abc1234",
        "ConfigurationProfileId": "ur8hx2f",
        "Content": b"{}",
        "ContentType": "application/json",
    },
    ("s3", "GetObject"): {"Bucket": "examplebucket", "Key": "archive.tar"},
    ("route53", "ChangeResourceRecordSets"): {
        "HostedZoneId": "Z1D633PJN98FT9",
        "ChangeBatch": {
            "Changes": [
                {
                    "Action": "CREATE",
                    "ResourceRecordSet": {
                        "Name": "www.example.com",
                        "Type": "A",
                        "TTL": 60,
                        "ResourceRecords": [{"Value": "192.0.2.44"}],
                    },
                }
            ]
        },
    },
}


class RawBody:
    """The urllib3 response body AWSResponse reads: stream() yields the bytes."""

    def __init__(self, data):
        self.data = data

    def stream(self, *args, **kwargs):
        yield self.data


def jsonable(value):
    """A parsed value as JSON: bytes as base64 text, datetimes in ISO 8601."""
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


SESSION = None


def botocore_client(service, operation):
    def read(case):
        global SESSION
        from botocore import xform_name
        from botocore.awsrequest import AWSResponse
        from botocore.config import Config
        from botocore.exceptions import ClientError
        from botocore.session import Session

        if SESSION is None:
            # None of the machine's AWS settings: no AWS_* variables, no config files.
            for name in [name for name in os.environ if name.startswith("AWS_")]:
                del os.environ[name]
            os.environ["AWS_CONFIG_FILE"] = os.devnull
            os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
            SESSION = Session()
        client = SESSION.create_client(
            service,
            region_name="us-east-1",
            endpoint_url="http://127.0.0.1:1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            config=Config(retries={"total_max_attempts": 1}),
        )
        headers = {}
        for name, value in case["headers"]:
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        body = case["body"].encode("utf-8")

        def send(request, **kwargs):
            return AWSResponse(request.url, case["status"], headers, RawBody(body))

        service_id = client.meta.service_model.service_id.hyphenize()
        client.meta.events.register(f"before-send.{service_id}.{operation}", send)
        params = MINIMAL_PARAMS[(service, operation)]
        try:
            getattr(client, xform_name(operation))(**params)
        except ClientError as e:
            response = dict(e.response)
            error = response.pop("Error", {})
            metadata = response.pop("ResponseMetadata", {})
            result = {
                "class": type(e).__name__,
                "code": error.get("Code"),
                "message": error.get("Message"),
                "query_code": error.get("QueryErrorCode"),
                "type": error.get("Type"),
                "request_id": metadata.get("RequestId"),
                "host_id": metadata.get("HostId"),
            }
            for name, value in response.items():
                result[f"member.{name}"] = jsonable(value)
            return result
        return {"class": None}

    return read


def reader(name):
    """The reader a case names: in READERS, or botocore-client:<service>:<Operation>."""
    if name.startswith("botocore-client:"):
        _, service, operation = name.split(":")
        return botocore_client(service, operation)
    return READERS[name]


def openstacksdk(case):
    from openstack import exceptions

    try:
        exceptions.raise_from_response(requests_response(case))
    except exceptions.HttpException as e:
        return {
            "class": type(e).__name__,
            "details": e.details,
            "request_id": e.request_id,
            "status": e.status_code,
        }
    return {"class": None}


def novaclient(case):
    from novaclient import exceptions

    response = requests_response(case)
    try:
        body = response.json()
    except ValueError:
        body = None
    e = exceptions.from_response(response, body, URL, "GET")
    return {
        "class": type(e).__name__,
        "message": e.message,
        "details": e.details,
        "request_id": e.request_id,
        "retry_after": getattr(e, "retry_after", None),
    }


def keystoneauth(case):
    from keystoneauth1.exceptions.http import from_response

    e = from_response(requests_response(case), "GET", URL)
    return {
        "class": type(e).__name__,
        "message": e.message,
        "details": e.details,
        "request_id": e.request_id,
        "retry_after": e.retry_after,
    }


READERS = {
    "botocore-query": botocore("query"),
    "botocore-ec2": botocore("ec2"),
    "botocore-json": botocore("json"),
    "botocore-rest-json": botocore("rest-json"),
    "botocore-rest-xml": botocore("rest-xml"),
    "openstacksdk": openstacksdk,
    "novaclient": novaclient,
    "keystoneauth1": keystoneauth,
}


def main():
    results = []
    for case in json.load(sys.stdin):
        try:
            result = reader(case["client"])(case)
        except Exception as e:  # a client that cannot read the response at all
            result = {"crash": f"{type(e).__name__}: {e}"}
        result["id"] = case["id"]
        results.append(result)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
