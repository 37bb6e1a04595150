//! The OpenStack faults' dialects, chosen once by the type: nova's (the default), cinder's and
//! the Compute API schema's, each as that service wrote its faults; and what a 5xx says of
//! the side at fault in each AWS-style family when the variant names none.

use fault_core::http::StatusCode;
use fault_core::{ApiFault, Context, Dialect, ErrType, Fault, Format, RetryAfter};
use std::time::{Duration, UNIX_EPOCH};

macro_rules! over_limit {
    ($name:ident, $dialect:literal) => {
        #[allow(dead_code)] // each dialect's test sends the variants it needs
        #[derive(Debug, ApiFault)]
        #[fault(
                                            format = "openstack",
                                            dialect = $dialect,
                                            namespace = "http://docs.openstack.org/compute/api/v1.1"
                                        )]
        enum $name {
            #[fault(code = 413, title = "overLimit", message = "sorry")]
            OverLimit {
                #[fault(retry_after)]
                retry: RetryAfter,
            },
            #[fault(code = 429, title = "overLimit", message = "sorry")]
            TooMany {
                #[fault(retry_after)]
                retry: u64,
            },
        }
    };
}

over_limit!(Nova, "nova");
over_limit!(Cinder, "cinder");
over_limit!(Schema, "compute_schema");

fn json() -> Context<'static> {
    Context::new().with_accept("application/json")
}

fn xml() -> Context<'static> {
    Context::new().with_accept("application/xml")
}

fn text(response: &fault_core::http::Response<bytes::Bytes>) -> &str {
    std::str::from_utf8(response.body()).unwrap()
}

#[test]
fn nova_puts_retry_after_in_a_child_element_and_a_charset_on_json() {
    let response = Nova::OverLimit {
        retry: RetryAfter::Seconds(4),
    }
    .response(&json());
    assert_eq!(
        response.headers()["content-type"],
        "application/json; charset=UTF-8"
    );
    assert_eq!(
        text(&response),
        r#"{"overLimit": {"code": 413, "message": "sorry", "retryAfter": "4"}}"#
    );
    assert_eq!(response.headers()["retry-after"], "4");
    let response = Nova::OverLimit {
        retry: RetryAfter::Seconds(4),
    }
    .response(&xml());
    assert_eq!(
        text(&response),
        "<overLimit code=\"413\" xmlns=\"http://docs.openstack.org/compute/api/v1.1\">\
         <message>sorry</message><retryAfter>4</retryAfter></overLimit>"
    );
    // nova names 429 too.
    assert!(text(&Nova::TooMany { retry: 4 }.response(&json())).contains(r#""retryAfter": "4""#));
}

#[test]
fn cinder_sends_json_without_charset_and_retry_after_on_413_only() {
    let response = Cinder::OverLimit {
        retry: RetryAfter::Seconds(4),
    }
    .response(&json());
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        text(&response),
        r#"{"overLimit": {"code": 413, "message": "sorry", "retryAfter": "4"}}"#
    );
    let response = Cinder::TooMany { retry: 4 }.response(&json());
    assert_eq!(
        text(&response),
        r#"{"overLimit": {"code": 429, "message": "sorry"}}"#
    );
    assert_eq!(response.headers()["retry-after"], "4");
    // Both request-id headers, as cinder's Fault and the oslo middleware send them.
    let response = Cinder::TooMany { retry: 4 }.response(&json().with_request_id("req-1"));
    assert_eq!(response.headers()["x-openstack-request-id"], "req-1");
    assert_eq!(response.headers()["x-compute-request-id"], "req-1");
}

#[test]
fn the_compute_schema_puts_retry_at_in_an_attribute() {
    let at = UNIX_EPOCH + Duration::from_secs(1_280_620_800); // 2010-08-01T00:00:00Z
    let response = Schema::OverLimit {
        retry: RetryAfter::At(at),
    }
    .response(&xml());
    assert_eq!(
        text(&response),
        "<overLimit code=\"413\" retryAt=\"2010-08-01T00:00:00Z\" \
         xmlns=\"http://docs.openstack.org/compute/api/v1.1\"><message>sorry</message></overLimit>"
    );
    let response = Schema::OverLimit {
        retry: RetryAfter::At(at),
    }
    .response(&json());
    assert_eq!(
        text(&response),
        r#"{"overLimit": {"code": 413, "message": "sorry", "retryAt": "2010-08-01T00:00:00Z"}}"#
    );
    // Read back as the moment, and as the schema's dialect.
    let back = Fault::from_response(&response);
    assert_eq!(back.retry_after(), Some(RetryAfter::At(at)));
    assert_eq!(back.dialect(), Some(Dialect::ComputeSchema));
}

#[test]
fn a_fault_built_in_code_chooses_its_dialect_too() {
    let fault = Fault::new(StatusCode::NOT_FOUND, "itemNotFound")
        .with_message("gone")
        .with_dialect(Dialect::Cinder);
    let response = fault.render(Format::OpenStack, &json());
    assert_eq!(response.headers()["content-type"], "application/json");
}

#[test]
fn a_5xx_naming_no_side_says_receiver_in_the_aws_shapes_and_server_in_heat() {
    #[derive(Debug, ApiFault)]
    enum Internal {
        #[fault(code = 500, title = "InternalFailure")]
        Unsaid,
        #[fault(code = 500, title = "InternalFailure", err_type = "Server")]
        Server,
    }
    let word = |err: &Internal, format| {
        let back = Fault::from_response(&err.to_response(format, &Context::new()));
        back.err_type()
    };
    for format in [
        Format::AwsQuery,
        Format::AwsRestXml,
        Format::AwsRestXmlUnwrapped,
    ] {
        assert_eq!(
            word(&Internal::Unsaid, format),
            ErrType::Receiver,
            "{format}"
        );
        // A word written in the attribute is kept.
        assert_eq!(word(&Internal::Server, format), ErrType::Server, "{format}");
    }
    assert_eq!(word(&Internal::Unsaid, Format::Heat), ErrType::Server);
    // The value itself keeps Heat's rule; only the AWS bodies send `Receiver`.
    assert_eq!(Internal::Unsaid.err_type(), ErrType::Server);
}

#[test]
fn an_old_nova_retry_after_attribute_is_read_as_seconds_or_a_date() {
    let parse = |body: &str| {
        let mut headers = fault_core::http::HeaderMap::new();
        headers.insert("content-type", "application/xml".parse().unwrap());
        Fault::parse(StatusCode::PAYLOAD_TOO_LARGE, &headers, body.as_bytes())
    };
    let seconds =
        parse(r#"<overLimit code="413" retryAfter="60"><message>slow</message></overLimit>"#);
    assert_eq!(seconds.retry_after(), Some(RetryAfter::Seconds(60)));
    let date = parse(
        r#"<overLimit code="413" retryAfter="2010-08-01T00:00:00Z"><message>slow</message></overLimit>"#,
    );
    let at = UNIX_EPOCH + Duration::from_secs(1_280_620_800);
    assert_eq!(date.retry_after(), Some(RetryAfter::At(at)));
}

#[test]
fn nova_and_cinder_name_the_microversion_they_answered_at() {
    let at = Context::new().with_microversion(fault_core::Microversion::new(2, 1));
    let vary = |response: &fault_core::http::Response<bytes::Bytes>| -> Vec<String> {
        let values = response.headers().get_all("vary").iter();
        values.map(|v| v.to_str().unwrap().to_owned()).collect()
    };
    let nova = Nova::TooMany { retry: 4 }.response(&at);
    assert_eq!(nova.headers()["openstack-api-version"], "compute 2.1");
    assert_eq!(nova.headers()["x-openstack-nova-api-version"], "2.1");
    assert_eq!(
        vary(&nova),
        ["OpenStack-API-Version", "X-OpenStack-Nova-API-Version"]
    );
    let cinder = Cinder::TooMany { retry: 4 }.response(&at);
    assert_eq!(cinder.headers()["openstack-api-version"], "volume 2.1");
    assert!(
        cinder
            .headers()
            .get("x-openstack-nova-api-version")
            .is_none()
    );
    assert_eq!(vary(&cinder), ["OpenStack-API-Version"]);
    // Without a microversion (nova's legacy v2), and in the Compute API schema's era, none.
    let legacy = Nova::TooMany { retry: 4 }.response(&Context::new());
    assert!(legacy.headers().get("openstack-api-version").is_none());
    assert!(vary(&legacy).is_empty());
    let schema = Schema::TooMany { retry: 4 }.response(&at);
    assert!(schema.headers().get("openstack-api-version").is_none());
}
