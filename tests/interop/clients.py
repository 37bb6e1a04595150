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
- openstacksdk: openstack.exceptions.raise_from_response(requests.Response).
- python-novaclient: novaclient.exceptions.from_response(response, body, url, method), the
  body parsed as keystoneauth1's LegacyJsonAdapter (novaclient's base) parses it:
  response.json(), None on ValueError.
- keystoneauth1: keystoneauth1.exceptions.http.from_response(response, method, url).
"""

import json
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
            result = READERS[case["client"]](case)
        except Exception as e:  # a client that cannot read the response at all
            result = {"crash": f"{type(e).__name__}: {e}"}
        result["id"] = case["id"]
        results.append(result)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
