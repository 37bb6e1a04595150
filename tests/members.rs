//! Members: a field (or a `Fault` built in code) carries a member whose value is a string,
//! number, boolean, null, timestamp, list, structure or map; every format with a place for
//! members writes it with its type, under the name the model gives it in that format, and
//! `Fault::parse` and `FromFault` read it back with its type.

use fault_core::http::{HeaderMap, StatusCode};
use fault_core::{ApiFault, Context, Fault, Format, FromFault, FromValue, Member, ToValue, Value};
use std::collections::BTreeMap;
use std::time::{Duration, UNIX_EPOCH};

/// DynamoDB's cancellation reason, with a value trait of its own.
#[derive(Debug, Clone, PartialEq, Default)]
struct Reason {
    code: String,
    message: Option<String>,
}

impl ToValue for Reason {
    fn to_value(&self) -> Value<'_> {
        let mut members = vec![Member::new("Code", self.code.as_str())];
        if let Some(message) = &self.message {
            members.push(Member::new("Message", message.as_str()));
        }
        Value::Structure(members)
    }
}

impl FromValue for Reason {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        Some(Reason {
            code: String::from_member(value.get("Code")),
            message: Option::from_member(value.get("Message")),
        })
    }
    fn missing() -> Self {
        Reason::default()
    }
}

#[derive(Debug, ApiFault, FromFault)]
#[fault(format = "aws_json10", namespace = "com.amazonaws.dynamodb.v20120810")]
enum DynamoError {
    #[fault(
        code = 400,
        title = "TransactionCanceledException",
        message = "{message}"
    )]
    TransactionCanceled {
        message: String,
        #[fault(member, rename = "CancellationReasons")]
        reasons: Vec<Reason>,
    },
    #[fault(code = 400, title = "ProvisionedThroughputExceededException")]
    Throughput {
        #[fault(member, rename = "RetryAfterSeconds")]
        retry: Option<u32>,
    },
}

fn reasons() -> Vec<Reason> {
    vec![
        Reason {
            code: "ConditionalCheckFailed".into(),
            message: Some("The conditional request failed".into()),
        },
        Reason {
            code: "None".into(),
            message: None,
        },
    ]
}

#[test]
fn a_list_of_structures_is_a_json_list() {
    let err = DynamoError::TransactionCanceled {
        message: "Transaction cancelled".into(),
        reasons: reasons(),
    };
    let response = err.response(&Context::new());
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","message":"Transaction cancelled","CancellationReasons":[{"Code":"ConditionalCheckFailed","Message":"The conditional request failed"},{"Code":"None"}]}"#
    );
    let fault = Fault::from_response(&response);
    let list = fault
        .member("CancellationReasons")
        .unwrap()
        .as_list()
        .unwrap();
    assert_eq!(list[0].get("Code").unwrap(), "ConditionalCheckFailed");
    let Some(DynamoError::TransactionCanceled { reasons: back, .. }) =
        DynamoError::from_fault(&fault)
    else {
        panic!("expected TransactionCanceled");
    };
    assert_eq!(back, reasons());
}

#[test]
fn an_absent_option_sends_no_member_and_reads_back_as_none() {
    let response = DynamoError::Throughput { retry: None }.response(&Context::new());
    assert!(
        !std::str::from_utf8(response.body())
            .unwrap()
            .contains("Retry")
    );
    let fault = Fault::from_response(&response);
    assert!(matches!(
        DynamoError::from_fault(&fault),
        Some(DynamoError::Throughput { retry: None })
    ));
    let response = DynamoError::Throughput { retry: Some(3) }.response(&Context::new());
    assert!(
        std::str::from_utf8(response.body())
            .unwrap()
            .contains(r#""RetryAfterSeconds":3"#)
    );
    let fault = Fault::from_response(&response);
    assert!(matches!(
        DynamoError::from_fault(&fault),
        Some(DynamoError::Throughput { retry: Some(3) })
    ));
}

/// Every value type, in code, in every format that carries members.
fn every_type() -> Fault<'static> {
    let mut map = BTreeMap::new();
    map.insert("a".to_owned(), 1);
    Fault::new(StatusCode::BAD_REQUEST, "Invalid")
        .with_message("bad")
        .with_member(Member::new("Text", "t"))
        .with_member(Member::new("Count", 7))
        .with_member(Member::new("Ratio", 0.5))
        .with_member(Member::new("Flag", true))
        .with_member(Member::new("Nothing", Value::Null))
        .with_member(Member::new(
            "When",
            UNIX_EPOCH + Duration::from_secs(1_398_796_238),
        ))
        .with_member(Member::new("Items", Value::list(["x", "y"])))
        .with_member(Member::new("Flat", Value::list(["p", "q"])).flattened())
        .with_member(Member::new(
            "Nested",
            Value::structure([Member::new("Foo", "bar").with_json_name("Fooooo")]),
        ))
        .with_member(Member::new("Map", map.to_value().into_owned()))
}

fn body(format: Format, accept: &str) -> String {
    let response = every_type().render(format, &Context::new().with_accept(accept));
    String::from_utf8(response.body().to_vec()).unwrap()
}

#[test]
fn json_formats_write_each_member_with_its_json_type() {
    // awsJson keeps the model's names (Smithy defines it without `@jsonName`) and sends
    // timestamps as epoch seconds.
    assert_eq!(
        body(Format::AwsJson11, "*/*"),
        r#"{"__type":"Invalid","message":"bad","Text":"t","Count":7,"Ratio":0.5,"Flag":true,"Nothing":null,"When":1398796238,"Items":["x","y"],"Flat":["p","q"],"Nested":{"Foo":"bar"},"Map":{"a":1}}"#
    );
    // restJson honours `@jsonName`, nested too.
    assert!(body(Format::AwsRestJson, "*/*").contains(r#""Nested":{"Fooooo":"bar"}"#));
    // The OpenStack faults carry members inside the fault object, as Python writes them,
    // timestamps as ISO 8601.
    assert_eq!(
        body(Format::OpenStack, "application/json"),
        r#"{"Invalid": {"code": 400, "message": "bad", "Text": "t", "Count": 7, "Ratio": 0.5, "Flag": true, "Nothing": null, "When": "2014-04-29T18:30:38Z", "Items": ["x", "y"], "Flat": ["p", "q"], "Nested": {"Fooooo": "bar"}, "Map": {"a": 1}}}"#
    );
    assert!(body(Format::Problem, "*/*").contains(r#""Count":7,"Ratio":0.5,"Flag":true"#));
}

#[test]
fn xml_formats_nest_structures_and_wrap_lists_as_the_protocol_says() {
    // Smithy's XML binding: `<member>` items unless flattened, `<entry><key/><value/>` for a
    // map, nothing for null, date-times for timestamps.
    assert_eq!(
        body(Format::AwsQuery, "*/*"),
        "<ErrorResponse><Error><Type>Sender</Type><Code>Invalid</Code><Message>bad</Message>\
         <Text>t</Text><Count>7</Count><Ratio>0.5</Ratio><Flag>true</Flag>\
         <When>2014-04-29T18:30:38Z</When><Items><member>x</member><member>y</member></Items>\
         <Flat>p</Flat><Flat>q</Flat><Nested><Foo>bar</Foo></Nested>\
         <Map><entry><key>a</key><value>1</value></entry></Map></Error></ErrorResponse>"
    );
    // nova's serializer: a list's items named for it less its `s`, else `item`; Python's
    // words for booleans and None.
    let nova = body(Format::OpenStack, "application/xml");
    assert!(
        nova.contains("<Flag>True</Flag><Nothing>None</Nothing>"),
        "{nova}"
    );
    assert!(
        nova.contains("<Items><Item>x</Item><Item>y</Item></Items>"),
        "{nova}"
    );
}

#[test]
fn members_read_back_with_their_types_in_every_format_that_carries_them() {
    for format in Format::ALL {
        if !every_type().unsent(format).is_empty() {
            continue;
        }
        for accept in ["application/json", "application/xml"] {
            let sent = every_type();
            let response = sent.render(format, &Context::new().with_accept(accept));
            let back = Fault::from_response(&response);
            let what = format!("{format} ({accept})");
            let json = response.headers()["content-type"]
                .to_str()
                .unwrap()
                .contains("json");
            assert_eq!(back.member("Text").unwrap(), "t", "{what}");
            // XML has no types: a number reads back as its text, and `FromValue` reads it
            // as the number.
            let count = back.member("Count").unwrap();
            assert_eq!(u32::from_member(Some(count)), 7, "{what}");
            assert_eq!(f64::from_member(back.member("Ratio")), 0.5, "{what}");
            assert!(bool::from_member(back.member("Flag")), "{what}");
            assert_eq!(
                Vec::<String>::from_member(back.member("Items")),
                ["x", "y"],
                "{what}"
            );
            if json {
                assert_eq!(count, &Value::Integer(7), "{what}");
                assert!(back.member("Nothing").unwrap().is_null(), "{what}");
            }
            let nested = back.member("Nested").unwrap();
            assert_eq!(
                nested.get("Foo").or_else(|| nested.get("Fooooo")).unwrap(),
                "bar",
                "{what}"
            );
        }
    }
}

#[derive(Debug, ApiFault, FromFault)]
#[fault(format = "aws_rest_json", rename_all_fields = "PascalCase")]
enum RestError {
    /// A member bound to a header in restJson, as Smithy's `@httpHeader`.
    #[fault(code = 403, title = "ComplexError", message = "Hi")]
    Complex {
        #[fault(header = "X-Header")]
        header: String,
        #[fault(member)]
        top_level: String,
    },
}

#[test]
fn header_members_go_in_headers_in_rest_formats_and_in_the_body_in_rpc_ones() {
    let err = RestError::Complex {
        header: "Header".into(),
        top_level: "Top level".into(),
    };
    let response = err.response(&Context::new());
    assert_eq!(response.headers()["x-header"], "Header");
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"Hi","TopLevel":"Top level"}"#
    );
    let back = Fault::from_response(&response);
    assert_eq!(back.header_member("x-header").unwrap(), "Header");
    let Some(RestError::Complex { header, top_level }) = RestError::from_fault(&back) else {
        panic!("expected Complex");
    };
    assert_eq!(
        (header.as_str(), top_level.as_str()),
        ("Header", "Top level")
    );
    // awsJson has no HTTP bindings: the member is in the body, under its name.
    let json = err.to_response(Format::AwsJson11, &Context::new());
    assert!(json.headers().get("x-header").is_none());
    assert!(
        std::str::from_utf8(json.body())
            .unwrap()
            .contains(r#""Header":"Header""#)
    );
    let back = Fault::from_response(&json);
    assert!(matches!(
        RestError::from_fault(&back),
        Some(RestError::Complex { header, .. }) if header == "Header"
    ));
}

/// HTTP makes `Allow` part of a 405: a header member read back like an `x-` one.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "api_wg")]
enum Routing {
    #[fault(code = 405, title = "Method Not Allowed", message = "use {allow}")]
    MethodNotAllowed {
        #[fault(header = "Allow")]
        allow: String,
    },
}

#[test]
fn allow_is_read_back_as_a_header_member() {
    let err = Routing::MethodNotAllowed {
        allow: "GET, HEAD".into(),
    };
    let response = err.response(&Context::new());
    assert_eq!(response.headers()["allow"], "GET, HEAD");
    let back = Fault::from_response(&response);
    assert_eq!(back.header_member("allow").unwrap(), "GET, HEAD");
    assert_eq!(Routing::from_fault(&back), Some(err));
}

#[derive(Debug, ApiFault)]
#[fault(format = "aws_rest_xml")]
enum XmlError {
    #[fault(code = 400, title = "Invalid")]
    Invalid {
        #[fault(member, rename = "Id", xml_attribute)]
        id: u32,
        #[fault(member, rename = "Tags", xml_name = "Tag", xml_flattened)]
        tags: Vec<String>,
    },
}

#[test]
fn xml_attributes_and_flattened_lists() {
    let err = XmlError::Invalid {
        id: 7,
        tags: vec!["a".into(), "b".into()],
    };
    let body = err.response(&Context::new()).into_body();
    assert_eq!(
        std::str::from_utf8(&body).unwrap(),
        "<ErrorResponse><Error Id=\"7\"><Type>Sender</Type><Code>Invalid</Code>\
         <Message>Bad Request</Message><Tag>a</Tag><Tag>b</Tag></Error></ErrorResponse>"
    );
}

#[test]
fn a_parsed_structure_member_is_a_structure() {
    let body = br#"{"__type":"aws.protocoltests.json#ComplexError","TopLevel":"Top level","Nested":{"Foo":"bar"}}"#;
    let mut headers = HeaderMap::new();
    headers.insert(
        "content-type",
        "application/x-amz-json-1.1".parse().unwrap(),
    );
    let fault = Fault::parse(StatusCode::BAD_REQUEST, &headers, body);
    assert_eq!(fault.title(), "ComplexError");
    let nested = fault.member("Nested").unwrap().as_structure().unwrap();
    assert_eq!(
        (nested[0].name(), nested[0].value()),
        ("Foo", &Value::from("bar"))
    );
}

/// A type of the user's, with serde's derives (fault-core's `serde` feature, on by default).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Quota {
    limit: u64,
    used_by: Vec<String>,
    reset: Option<String>,
}

#[derive(Debug, ApiFault, FromFault)]
#[fault(format = "openstack", rename_all_fields = "camelCase")]
enum QuotaError {
    #[fault(code = 413, title = "overLimit", message = "quota exceeded")]
    OverQuota {
        #[fault(member)]
        quota_usage: Option<Quota>,
        #[fault(member)]
        by_project: BTreeMap<String, u32>,
    },
}

#[test]
fn a_serde_type_is_a_member_both_ways() {
    let quota = Quota {
        limit: 10,
        used_by: vec!["vm-1".into()],
        reset: None,
    };
    let mut by_project = BTreeMap::new();
    by_project.insert("demo".to_owned(), 3);
    let err = QuotaError::OverQuota {
        quota_usage: Some(quota.clone()),
        by_project: by_project.clone(),
    };
    let response = err.response(&Context::new());
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"overLimit": {"code": 413, "message": "quota exceeded", "quotaUsage": {"limit": 10, "usedBy": ["vm-1"], "reset": null}, "byProject": {"demo": 3}}}"#
    );
    let fault = Fault::from_response(&response);
    let Some(QuotaError::OverQuota {
        quota_usage,
        by_project: back,
    }) = QuotaError::from_fault(&fault)
    else {
        panic!("expected OverQuota");
    };
    assert_eq!(quota_usage, Some(quota));
    assert_eq!(back, by_project);
    // Absent, the `Option` reads back as `None`.
    let fault = Fault::new(StatusCode::PAYLOAD_TOO_LARGE, "overLimit");
    assert!(matches!(
        QuotaError::from_fault(&fault),
        Some(QuotaError::OverQuota {
            quota_usage: None,
            ..
        })
    ));
}

/// A header member built in code in a header the format writes itself is not sent there,
/// and `unsent` names it: the request id stays the format's, `Retry-After` the fault's wait.
#[test]
fn a_header_member_never_overwrites_a_header_the_format_writes() {
    let fault = Fault::new(StatusCode::TOO_MANY_REQUESTS, "ThrottlingException")
        .with_member(Member::new("RequestId", "forged").in_header("X-Amzn-RequestId"))
        .with_member(Member::new("ContentType", "text/html").in_header("Content-Type"))
        .with_member(Member::new("RetryAfterSeconds", 1).in_header("Retry-After"))
        .with_retry_after(fault_core::RetryAfter::Seconds(30));
    let response = fault.render(Format::AwsRestJson, &Context::new().with_request_id("ours"));
    let all = |name: &str| -> Vec<&str> {
        let values = response.headers().get_all(name).iter();
        values.map(|v| v.to_str().unwrap()).collect()
    };
    assert_eq!(all("x-amzn-requestid"), ["ours"]);
    assert_eq!(all("content-type"), ["application/json"]);
    assert_eq!(all("retry-after"), ["30"]);
    assert_eq!(
        fault.unsent(Format::AwsRestJson),
        [
            "header member X-Amzn-RequestId",
            "header member Content-Type",
            "header member Retry-After"
        ]
    );
    // Without a wait of the fault's own, `Retry-After` is the member's (Access Analyzer's
    // `retryAfterSeconds`).
    let fault = Fault::new(StatusCode::TOO_MANY_REQUESTS, "ThrottlingException")
        .with_member(Member::new("retryAfterSeconds", 7).in_header("Retry-After"));
    let response = fault.render(Format::AwsRestJson, &Context::new());
    assert_eq!(response.headers()["retry-after"], "7");
    assert!(fault.unsent(Format::AwsRestJson).is_empty());
}

/// `WRITTEN_HEADERS` (which the derive's check repeats) names every header a format writes
/// for a fault that holds everything: a new one cannot slip past the header-member rule.
#[test]
fn every_header_a_format_writes_is_a_written_header() {
    let fault = Fault::new(StatusCode::UNAUTHORIZED, "Unauthorized")
        .with_message("Sign in first")
        .with_retry_after(fault_core::RetryAfter::Seconds(5))
        .with_member(Member::new("Limit", 3).in_header("X-Limit"))
        .with_query_code("AWS.Unauthorized")
        .with_language("en");
    let cx = Context::new()
        .with_request_id("req-1")
        .with_host_id("host")
        .with_query_compatible(true)
        .with_microversion(fault_core::Microversion::new(2, 1));
    let dialects = [
        fault_core::Dialect::Nova,
        fault_core::Dialect::Cinder,
        fault_core::Dialect::ComputeSchema,
    ];
    for (format, dialect) in Format::ALL
        .into_iter()
        .flat_map(|f| dialects.map(|d| (f, d)))
    {
        let response = fault.clone().with_dialect(dialect).render(format, &cx);
        for name in response.headers().keys() {
            let name = name.as_str();
            assert!(
                fault_core::__private::WRITTEN_HEADERS.contains(&name)
                    || ["retry-after", "x-limit", "www-authenticate"].contains(&name),
                "{format} writes {name}, which WRITTEN_HEADERS does not list"
            );
        }
    }
}

/// Route 53's `InvalidChangeBatch`: its `messages` list names its items `Message`
/// (`@xmlName` on the list's member), where Smithy's default is `<member>`.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "aws_rest_xml")]
enum Route53Error {
    #[fault(code = 400, title = "InvalidChangeBatch", message = "{message}")]
    InvalidChangeBatch {
        message: String,
        #[fault(member, rename = "messages", xml_item_name = "Message")]
        messages: Vec<String>,
    },
}

#[test]
fn a_list_member_names_its_xml_items_as_the_model_does() {
    for messages in [
        vec!["Tried to create a record that exists", "And another"],
        vec!["One"],
    ] {
        let err = Route53Error::InvalidChangeBatch {
            message: "bad batch".into(),
            messages: messages.iter().map(|m| (*m).to_owned()).collect(),
        };
        let response = err.response(&Context::new().with_request_id("r"));
        let body = std::str::from_utf8(response.body()).unwrap();
        let items: String = messages
            .iter()
            .map(|m| format!("<Message>{m}</Message>"))
            .collect();
        assert!(
            body.contains(&format!("<messages>{items}</messages>")),
            "{body}"
        );
        let back = Fault::from_response(&response);
        assert_eq!(Route53Error::from_fault(&back), Some(err), "{body}");
    }
    // JSON has no item names: the list is a list.
    let fault = Fault::new(StatusCode::BAD_REQUEST, "InvalidChangeBatch")
        .with_member(Member::new("messages", Value::list(["a"])).with_xml_item_name("Message"));
    let json = fault.render(Format::AwsRestJson, &Context::new());
    assert!(
        std::str::from_utf8(json.body())
            .unwrap()
            .contains(r#""messages":["a"]"#)
    );
}

/// The derive refuses header members with its own copy of `WRITTEN_HEADERS` (a proc-macro
/// crate cannot read fault-core's): the two lists must be the same.
#[test]
fn the_derive_refuses_the_headers_fault_core_writes() {
    let source = include_str!("../fault-derive/src/valid/roles.rs");
    let start = source
        .find("const WRITTEN_HEADERS: &[&str] = &[")
        .expect("the derive's list");
    let list = &source[start..];
    let list = &list[..list.find("];").expect("the list's end")];
    let derive: Vec<&str> = list.split('"').skip(1).step_by(2).collect();
    assert_eq!(derive, fault_core::__private::WRITTEN_HEADERS);
}
