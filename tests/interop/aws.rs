//! botocore's parsers read our AWS-family responses into `Error.Code`, `Error.Message` and
//! the request id, as `botocore.client` then raises them.

use crate::harness::{Case, case, check};
use fault_core::{ApiFault, Context, Format};
use fault_suite::seeds::HeatError;
use http::Method;
use serde_json::{Value, json};

#[derive(Debug, ApiFault)]
#[fault(
    format = "aws_query",
    namespace = "https://iam.amazonaws.com/doc/2010-05-08/"
)]
enum IamError {
    #[fault(
        code = 404,
        title = "NoSuchEntity",
        message = "The user with name {0} cannot be found."
    )]
    NoSuchEntity(String),
    #[fault(
        code = 500,
        title = "ServiceFailure",
        err_type = "Receiver",
        message = "db: {0}"
    )]
    ServiceFailure(String),
}

/// A Heat fault with a detail, which Heat appends after a colon.
#[derive(Debug, ApiFault)]
#[fault(format = "heat")]
enum HeatDetail {
    #[fault(
        code = 400,
        title = "InvalidParameterValue",
        message = "A bad or out-of-range value was supplied"
    )]
    InvalidParameterValue(#[fault(details)] String),
}

#[derive(Debug, ApiFault)]
#[fault(format = "ec2_query")]
enum Ec2Error {
    #[fault(
        code = 400,
        title = "InvalidInstanceID.NotFound",
        message = "The instance ID '{0}' does not exist"
    )]
    InstanceNotFound(String),
}

#[derive(Debug, ApiFault)]
#[fault(format = "aws_json11", namespace = "com.amazonaws.dynamodb.v20120810")]
enum JsonError {
    #[fault(
        code = 400,
        title = "ResourceNotFoundException",
        message = "Requested resource not found: Table: {0} not found"
    )]
    ResourceNotFound(String),
    #[fault(code = 400, title = "ComplexError", message = "Hi")]
    Complex {
        #[fault(member, rename = "TopLevel")]
        top_level: String,
    },
    #[fault(code = 503, title = "ServiceUnavailable", message = "try later: {0}")]
    Unavailable(String),
}

#[derive(Debug, ApiFault)]
#[fault(format = "s3")]
enum S3Error {
    #[fault(
        code = 404,
        title = "NoSuchKey",
        message = "The specified key does not exist."
    )]
    NoSuchKey {
        #[fault(member, rename = "Key")]
        key: String,
    },
}

fn cx(id: &'static str) -> Context<'static> {
    Context::new().with_request_id(id)
}

fn client(format: Format) -> &'static str {
    match format {
        Format::AwsQuery | Format::Heat => "botocore-query",
        Format::Ec2Query => "botocore-ec2",
        Format::AwsJson10 | Format::AwsJson11 => "botocore-json",
        Format::AwsRestJson => "botocore-rest-json",
        _ => "botocore-rest-xml",
    }
}

fn aws(
    id: &'static str,
    err: &dyn ApiFault,
    format: Format,
    cx: &Context<'_>,
    expect: Value,
) -> Case {
    case(id, client(format), err.to_response(format, cx), expect)
}

fn cases() -> Vec<Case> {
    let bob = IamError::NoSuchEntity("bob & <alice> é".into());
    let table = JsonError::ResourceNotFound("Music \"2024\" é".into());
    let query_compatible = Context::new()
        .with_request_id("r-qc")
        .with_query_compatible(true);
    let s3 = S3Error::NoSuchKey {
        key: "photos/2006/February/sample.jpg".into(),
    };
    let s3_cx = cx("4442587FB7D0A2F9").with_host_id("ef8yU9AS1ed4OpIszj7UDNEHGran");
    vec![
        aws(
            "query",
            &bob,
            Format::AwsQuery,
            &cx("r-query"),
            json!({
                "code": "NoSuchEntity", "message": "The user with name bob & <alice> é cannot be found.",
                "type": "Sender", "request_id": "r-query",
            }),
        ),
        aws(
            "query 5xx",
            &IamError::ServiceFailure("10.0.0.7 down".into()),
            Format::AwsQuery,
            &cx("r-5xx"),
            json!({
                "code": "ServiceFailure", "message": "Internal Server Error", "type": "Receiver", "request_id": "r-5xx",
            }),
        ),
        aws(
            "heat",
            &HeatError::InvalidAction,
            Format::Heat,
            &cx("r-heat"),
            json!({
                "code": "InvalidAction", "message": "The action or operation requested is invalid",
                "type": "Sender", "request_id": null,
            }),
        ),
        aws(
            "heat detail",
            &HeatDetail::InvalidParameterValue("StackName".into()),
            Format::Heat,
            &cx("r"),
            json!({
                "code": "InvalidParameterValue", "message": "A bad or out-of-range value was supplied:StackName",
            }),
        ),
        aws(
            "heat 5xx",
            &HeatError::InternalFailure,
            Format::Heat,
            &cx("r"),
            json!({
                "code": "InternalFailure", "type": "Server",
                "message": "The request processing has failed due to an internal error",
            }),
        ),
        aws(
            "ec2",
            &Ec2Error::InstanceNotFound("i-1a2b3c4d".into()),
            Format::Ec2Query,
            &cx("r-ec2"),
            json!({
                "code": "InvalidInstanceID.NotFound", "message": "The instance ID 'i-1a2b3c4d' does not exist",
                "request_id": "r-ec2",
            }),
        ),
        aws(
            "json 1.1",
            &table,
            Format::AwsJson11,
            &cx("r-json"),
            json!({
                "code": "ResourceNotFoundException", "request_id": "r-json",
                "message": "Requested resource not found: Table: Music \"2024\" é not found",
            }),
        ),
        aws(
            "json 1.0",
            &table,
            Format::AwsJson10,
            &cx("r-json10"),
            json!({
                "code": "ResourceNotFoundException", "request_id": "r-json10",
            }),
        ),
        aws(
            "json query-compatible",
            &table,
            Format::AwsJson10,
            &query_compatible,
            json!({
                "code": "ResourceNotFoundException", "type": "Sender", "extra.QueryErrorCode": "ResourceNotFoundException",
            }),
        ),
        aws(
            "json 5xx",
            &JsonError::Unavailable("shard 7".into()),
            Format::AwsJson11,
            &cx("r-503"),
            json!({
                "code": "ServiceUnavailable", "message": "Service Unavailable", "request_id": "r-503",
            }),
        ),
        aws(
            "rest-json",
            &JsonError::Complex {
                top_level: "Top level".into(),
            },
            Format::AwsRestJson,
            &cx("r-rj"),
            json!({
                "code": "ComplexError", "message": "Hi", "request_id": "r-rj",
            }),
        ),
        aws(
            "rest-xml",
            &bob,
            Format::AwsRestXml,
            &cx("r-rx"),
            json!({
                "code": "NoSuchEntity", "message": "The user with name bob & <alice> é cannot be found.",
                "type": "Sender", "request_id": "r-rx",
            }),
        ),
        aws(
            "s3",
            &s3,
            Format::S3,
            &s3_cx,
            json!({
                "code": "NoSuchKey", "message": "The specified key does not exist.",
                "request_id": "4442587FB7D0A2F9", "host_id": "ef8yU9AS1ed4OpIszj7UDNEHGran",
                "extra.Key": "photos/2006/February/sample.jpg",
            }),
        ),
        aws(
            "s3 HEAD",
            &s3,
            Format::S3,
            &s3_cx.clone().with_method(Method::HEAD),
            json!({
                "code": "404", "message": "Not Found", "request_id": "4442587FB7D0A2F9",
            }),
        ),
    ]
}

#[test]
fn botocore_reads_code_message_and_request_id() {
    check(&cases());
}
