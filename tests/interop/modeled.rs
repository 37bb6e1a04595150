//! botocore's real clients read our errors' structured members: each case calls an operation
//! of a real service's client, answered with our response, and checks the exception class
//! it raises and the members botocore's modeled parse (`_add_modeled_error_fields`) filled
//! from the service's model, with the model's types.

use crate::harness::{Case, case, check};
use fault_core::{ApiFault, Context, Format, Member, ToValue, Value};
use serde_json::{Value as Json, json};
use std::collections::BTreeMap;
use std::time::Duration;

/// DynamoDB's `CancellationReason` (its `Item` left out).
#[derive(Debug)]
struct Reason {
    code: &'static str,
    message: Option<&'static str>,
}

impl ToValue for Reason {
    fn to_value(&self) -> Value<'_> {
        let mut members = vec![Member::new("Code", self.code)];
        if let Some(message) = self.message {
            members.push(Member::new("Message", message));
        }
        Value::Structure(members)
    }
}

/// DynamoDB's `AttributeValue`, a union: one member named for the type.
#[derive(Debug)]
enum Attribute {
    S(&'static str),
    N(&'static str),
    B(&'static str),
    Bool(bool),
    L(Vec<Attribute>),
}

impl ToValue for Attribute {
    fn to_value(&self) -> Value<'_> {
        let member = match self {
            Attribute::S(s) => Member::new("S", *s),
            Attribute::N(n) => Member::new("N", *n),
            // A blob is base64 text in JSON.
            Attribute::B(b) => Member::new("B", *b),
            Attribute::Bool(b) => Member::new("BOOL", *b),
            Attribute::L(items) => Member::new("L", items.to_value()),
        };
        Value::structure([member])
    }
}

#[derive(Debug, ApiFault)]
#[fault(format = "aws_json10", namespace = "com.amazonaws.dynamodb.v20120810")]
enum DynamoError {
    /// The model's message member is `Message` here (`message` elsewhere in DynamoDB).
    #[fault(
        code = 400,
        title = "TransactionCanceledException",
        message_member = "Message",
        message = "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]"
    )]
    TransactionCanceled {
        #[fault(member, rename = "CancellationReasons")]
        reasons: Vec<Reason>,
    },
    #[fault(
        code = 400,
        title = "ConditionalCheckFailedException",
        message = "The conditional request failed"
    )]
    ConditionalCheckFailed {
        #[fault(member, rename = "Item")]
        item: BTreeMap<&'static str, Attribute>,
    },
}

#[derive(Debug, ApiFault)]
#[fault(
    format = "aws_json10",
    namespace = "com.amazonaws.sqs",
    query_compatible
)]
enum SqsError {
    #[fault(
        code = 400,
        title = "QueueDoesNotExist",
        query_code = "AWS.SimpleQueueService.NonExistentQueue",
        message = "The specified queue does not exist."
    )]
    QueueDoesNotExist,
}

#[derive(Debug, ApiFault)]
#[fault(format = "aws_rest_json")]
enum AccessAnalyzerError {
    /// The model binds `retryAfterSeconds` (an integer) to `Retry-After`.
    #[fault(code = 429, title = "ThrottlingException", message = "Rate exceeded")]
    Throttling {
        #[fault(header = "Retry-After")]
        retry_after_seconds: u32,
    },
    /// The same header from the `retry_after` role, which sends whole seconds for a
    /// `Duration`.
    #[fault(code = 429, title = "ThrottlingException", message = "Rate exceeded")]
    ThrottlingRole {
        #[fault(retry_after)]
        retry: Duration,
    },
}

#[derive(Debug, ApiFault)]
#[fault(
    format = "aws_rest_json",
    message_member = "Message",
    rename_all_fields = "PascalCase"
)]
enum AppConfigError {
    #[fault(
        code = 413,
        title = "PayloadTooLargeException",
        message = "The configuration size is too large."
    )]
    PayloadTooLarge {
        #[fault(member)]
        measure: &'static str,
        #[fault(member)]
        limit: f32,
        #[fault(member)]
        size: f32,
    },
}

/// Route 53 names its `messages` list's items `Message` (`locationName` on the list's member).
#[derive(Debug, ApiFault)]
#[fault(format = "aws_rest_xml")]
enum Route53Error {
    #[fault(code = 400, title = "InvalidChangeBatch", message = "{message}")]
    InvalidChangeBatch {
        message: &'static str,
        #[fault(member, xml_item_name = "Message")]
        messages: Vec<&'static str>,
    },
}

#[derive(Debug, ApiFault)]
#[fault(format = "s3", rename_all_fields = "PascalCase")]
enum S3Error {
    #[fault(
        code = 403,
        title = "InvalidObjectState",
        message = "The operation is not valid for the object's storage class"
    )]
    InvalidObjectState {
        #[fault(member)]
        storage_class: &'static str,
        #[fault(member)]
        access_tier: &'static str,
    },
}

// Not here: route53's `InvalidChangeBatch`, whose `messages` list names its items `Message`
// (`"member": {"locationName": "Message"}`, Smithy's `@xmlName` on the list's member).
// fault-core writes a list's items as `<member>` in the restXml shape and cannot name them
// otherwise (`xml_name` renames the list's own element), so it cannot send route53's bytes.
// (botocore would read `<member>` items anyway, since it reads a wrapped list's children
// whatever their names; clients that match item names would find no messages.)

fn cx(id: &'static str) -> Context<'static> {
    Context::new().with_request_id(id)
}

fn aws(
    id: &'static str,
    client: &'static str,
    err: &dyn ApiFault,
    format: Format,
    cx: &Context<'_>,
    expect: Json,
) -> Case {
    case(id, client, err.to_response(format, cx), expect)
}

fn cases() -> Vec<Case> {
    let cancelled = DynamoError::TransactionCanceled {
        reasons: vec![
            Reason {
                code: "ConditionalCheckFailed",
                message: Some("The conditional request failed"),
            },
            Reason {
                code: "None",
                message: None,
            },
        ],
    };
    let item = BTreeMap::from([
        ("Artist", Attribute::S("No One You Know")),
        ("Plays", Attribute::N("42")),
        ("Cover", Attribute::B("AAE=")),
        ("Live", Attribute::Bool(true)),
        (
            "Tags",
            Attribute::L(vec![Attribute::S("rock"), Attribute::N("1")]),
        ),
    ]);
    let s3_cx = cx("4442587FB7D0A2F9").with_host_id("ef8yU9AS1ed4OpIszj7UDNEHGran");
    vec![
        aws(
            "dynamodb TransactionCanceledException",
            "botocore-client:dynamodb:TransactWriteItems",
            &cancelled,
            Format::AwsJson10,
            &cx("r-txn"),
            json!({
                "class": "TransactionCanceledException",
                "code": "TransactionCanceledException",
                "message": "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]",
                "request_id": "r-txn",
                "member.Message": "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]",
                "member.CancellationReasons": [
                    {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed"},
                    {"Code": "None"},
                ],
            }),
        ),
        aws(
            "dynamodb ConditionalCheckFailedException",
            "botocore-client:dynamodb:PutItem",
            &DynamoError::ConditionalCheckFailed { item },
            Format::AwsJson10,
            &cx("r-ccf"),
            json!({
                "class": "ConditionalCheckFailedException",
                "code": "ConditionalCheckFailedException",
                "message": "The conditional request failed",
                "request_id": "r-ccf",
                "member.message": "The conditional request failed",
                "member.Item": {
                    "Artist": {"S": "No One You Know"},
                    "Plays": {"N": "42"},
                    "Cover": {"B": "AAE="},
                    "Live": {"BOOL": true},
                    "Tags": {"L": [{"S": "rock"}, {"N": "1"}]},
                },
            }),
        ),
        // botocore finds no shape for the query code, so it fills no modeled member (the
        // shape has only `message`); the class comes from `QueryErrorCode`.
        aws(
            "sqs QueueDoesNotExist query-compatible",
            "botocore-client:sqs:GetQueueUrl",
            &SqsError::QueueDoesNotExist,
            Format::AwsJson10,
            &cx("r-sqs"),
            json!({
                "class": "QueueDoesNotExist",
                "code": "AWS.SimpleQueueService.NonExistentQueue",
                "query_code": "QueueDoesNotExist",
                "type": "Sender",
                "message": "The specified queue does not exist.",
                "request_id": "r-sqs",
            }),
        ),
        aws(
            "accessanalyzer ThrottlingException",
            "botocore-client:accessanalyzer:ListAnalyzers",
            &AccessAnalyzerError::Throttling {
                retry_after_seconds: 30,
            },
            Format::AwsRestJson,
            &cx("r-throttle"),
            json!({
                "class": "ThrottlingException",
                "code": "ThrottlingException",
                "message": "Rate exceeded",
                "request_id": "r-throttle",
                "member.message": "Rate exceeded",
                "member.retryAfterSeconds": 30,
            }),
        ),
        aws(
            "accessanalyzer ThrottlingException, retry_after role",
            "botocore-client:accessanalyzer:ListAnalyzers",
            &AccessAnalyzerError::ThrottlingRole {
                retry: Duration::from_secs(30),
            },
            Format::AwsRestJson,
            &cx("r-throttle"),
            json!({
                "class": "ThrottlingException", "request_id": "r-throttle",
                "member.retryAfterSeconds": 30,
            }),
        ),
        aws(
            "appconfig PayloadTooLargeException",
            "botocore-client:appconfig:CreateHostedConfigurationVersion",
            &AppConfigError::PayloadTooLarge {
                measure: "MEGABYTES",
                limit: 2.0,
                size: 2.5,
            },
            Format::AwsRestJson,
            &cx("r-big"),
            json!({
                "class": "PayloadTooLargeException",
                "code": "PayloadTooLargeException",
                "message": "The configuration size is too large.",
                "request_id": "r-big",
                "member.Message": "The configuration size is too large.",
                "member.Measure": "MEGABYTES",
                "member.Limit": 2.0,
                "member.Size": 2.5,
            }),
        ),
        aws(
            "s3 InvalidObjectState",
            "botocore-client:s3:GetObject",
            &S3Error::InvalidObjectState {
                storage_class: "DEEP_ARCHIVE",
                access_tier: "DEEP_ARCHIVE_ACCESS",
            },
            Format::S3,
            &s3_cx,
            json!({
                "class": "InvalidObjectState",
                "code": "InvalidObjectState",
                "message": "The operation is not valid for the object's storage class",
                "request_id": "4442587FB7D0A2F9",
                "host_id": "ef8yU9AS1ed4OpIszj7UDNEHGran",
                "member.StorageClass": "DEEP_ARCHIVE",
                "member.AccessTier": "DEEP_ARCHIVE_ACCESS",
            }),
        ),
        aws(
            "route53 InvalidChangeBatch",
            "botocore-client:route53:ChangeResourceRecordSets",
            &Route53Error::InvalidChangeBatch {
                message: "Invalid change batch",
                messages: vec![
                    "Tried to create resource record set [name='www.example.com.', type='A'] but it already exists",
                    "A second message",
                ],
            },
            Format::AwsRestXml,
            &cx("r-53"),
            json!({
                "class": "InvalidChangeBatch",
                "code": "InvalidChangeBatch",
                "message": "Invalid change batch",
                "request_id": "r-53",
                // No `member.message`: the model's member is `message`, botocore looks for a
                // `<message>` element, and restXml writes `<Message>` (read as Error.Message).
                "member.messages": [
                    "Tried to create resource record set [name='www.example.com.', type='A'] but it already exists",
                    "A second message",
                ],
            }),
        ),
    ]
}

#[test]
fn botocore_clients_raise_the_modeled_class_with_its_members() {
    check(&cases());
}
