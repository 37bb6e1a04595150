//! Hostile bodies: `Fault::parse` returns promptly, keeps at most `ParseLimits::max_body`
//! bytes of text, never expands an entity a DOCTYPE defines, and never panics, whatever a
//! remote server (or something in the middle) sends.
//!
//! The time bound is a generous sanity check, not a benchmark: each parse here takes
//! milliseconds, and 2 s would catch only something quadratic or unbounded.

use fault_core::http::{HeaderMap, HeaderValue, StatusCode};
use fault_core::{Fault, ParseLimits};
use std::time::{Duration, Instant};

const BOUND: Duration = Duration::from_secs(2);

/// Parses `body` within `limits`, checking the time and that no text past the limit is kept.
fn parse_within(content_type: &str, body: &[u8], limits: &ParseLimits) -> Fault<'static> {
    let mut headers = HeaderMap::new();
    headers.insert("content-type", HeaderValue::from_str(content_type).unwrap());
    let start = Instant::now();
    let fault = Fault::parse_with(StatusCode::BAD_REQUEST, &headers, body, limits);
    let took = start.elapsed();
    assert!(took < BOUND, "parsing took {took:?}");
    let raw = fault.raw().expect("the raw text is kept");
    assert!(
        raw.len() <= limits.max_body,
        "raw text of {} bytes",
        raw.len()
    );
    assert!(fault.message().to_string().len() <= limits.max_body);
    fault
}

fn parse(content_type: &str, body: &[u8]) -> Fault<'static> {
    parse_within(content_type, body, &ParseLimits::default())
}

#[test]
fn json_nested_ten_thousand_levels_deep() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let deep = open.repeat(10_000) + "1" + &close.repeat(10_000);
        let fault = parse("application/json", deep.as_bytes());
        // Past serde_json's recursion limit it is no JSON any family claims: kept as text.
        assert_eq!(fault.title(), "400");
        assert_eq!(fault.raw(), Some(deep.as_str()));
        // The same depth inside a fault that would otherwise be read.
        let wrapped =
            format!(r#"{{"itemNotFound": {{"code": 404, "message": "m", "details": {deep}}}}}"#);
        let fault = parse("application/json", wrapped.as_bytes());
        assert_eq!(fault.title(), "400");
    }
}

#[test]
fn xml_nested_ten_thousand_levels_deep() {
    let deep = format!(
        "<ErrorResponse><Error><Code>Deep</Code><Message>m</Message>{}{}</Error></ErrorResponse>",
        "<a>".repeat(10_000),
        "</a>".repeat(10_000)
    );
    let fault = parse("text/xml", deep.as_bytes());
    assert_eq!(
        (fault.title(), fault.message().to_string().as_str()),
        ("Deep", "m")
    );
}

#[test]
fn a_hundred_mebibyte_body_is_read_up_to_the_limit() {
    let limits = ParseLimits::default();
    let huge = 100 << 20;
    let mut json = br#"{"itemNotFound": {"code": 404, "message": ""#.to_vec();
    json.resize(huge, b'x');
    let fault = parse("application/json", &json);
    // Cut at 1 MiB the JSON is unterminated: its text is the message, within the limit.
    assert_eq!(fault.raw().unwrap().len(), limits.max_body);
    let mut xml = b"<ErrorResponse><Error><Code>Big</Code><Message>".to_vec();
    xml.resize(huge, b'x');
    let fault = parse("text/xml", &xml);
    assert_eq!(fault.title(), "Big");
    assert!(fault.message().to_string().starts_with("xxx"));
    let fault = parse("text/plain", &vec![b' '; huge]);
    assert_eq!(fault.message(), "Bad Request");
}

#[test]
fn billion_laughs_entities_are_never_expanded() {
    let mut doc =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for level in 1..=9 {
        let previous = if level == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", level - 1)
        };
        let refs = format!("&{previous};").repeat(10);
        doc.push_str(&format!("<!ENTITY lol{level} \"{refs}\">\n"));
    }
    doc.push_str("]>\n<ErrorResponse><Error><Type>Sender</Type><Code>Laughs</Code>");
    doc.push_str("<Message>&lol9;</Message><Extra>&lol9;&lol9;</Extra></Error>");
    doc.push_str("<RequestId>r-1</RequestId></ErrorResponse>");
    let fault = parse("text/xml", doc.as_bytes());
    assert_eq!(fault.title(), "Laughs");
    // Kept as written: a reference to an entity only a DOCTYPE defines is no text of its own.
    assert_eq!(fault.message(), "&lol9;");
    assert_eq!(fault.member("Extra").unwrap(), "&lol9;&lol9;");
    assert_eq!(fault.raw().unwrap().len(), doc.len());
}

#[test]
fn external_entities_are_never_fetched_or_read() {
    let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\
               <!ENTITY % remote SYSTEM \"http://127.0.0.1:9/x.dtd\"> %remote;]>\n\
               <itemNotFound code=\"404\"><message>&xxe;</message></itemNotFound>";
    let fault = parse("application/xml", doc.as_bytes());
    assert_eq!(fault.title(), "itemNotFound");
    assert_eq!(fault.message(), "&xxe;");
}

#[test]
fn a_doctype_before_a_fault_is_skipped() {
    for doctype in [
        "<!DOCTYPE itemNotFound>",
        "<!DOCTYPE itemNotFound PUBLIC \"-//OpenStack//Fault//EN\" \"fault.dtd\">",
        "<!DOCTYPE x [<!ELEMENT message (#PCDATA)><!ATTLIST itemNotFound code CDATA \"999\">]>",
    ] {
        let doc =
            format!("{doctype}<itemNotFound code=\"404\"><message>gone</message></itemNotFound>");
        let fault = parse("application/xml", doc.as_bytes());
        assert_eq!(
            (fault.title(), fault.message().to_string().as_str()),
            ("itemNotFound", "gone")
        );
    }
}

#[test]
fn invalid_utf8_is_replaced_and_still_capped() {
    // Every invalid byte becomes a three-byte U+FFFD: the text kept stays within the limit
    // (it was three times the limit before the cut).
    let limits = ParseLimits::default();
    let fault = parse("text/plain", &vec![0xFF; limits.max_body]);
    assert!(fault.raw().unwrap().chars().all(|c| c == '\u{FFFD}'));
    let small = ParseLimits {
        max_body: 10,
        ..ParseLimits::default()
    };
    let fault = parse_within("text/plain", b"\xCD\xCD\xCD\xCD\xCD", &small);
    assert_eq!(fault.raw(), Some("\u{FFFD}\u{FFFD}\u{FFFD}"));
    // Invalid bytes inside a fault: the fault is read, the bytes replaced.
    let xml = b"<ErrorResponse><Error><Code>C\xFF</Code><Message>m\xC3(</Message></Error></ErrorResponse>";
    let fault = parse("text/xml", xml);
    assert_eq!(fault.title(), "C\u{FFFD}");
    assert_eq!(fault.message(), "m\u{FFFD}(");
    let fault = parse("application/json", b"\xFE\xFF{\"message\": \"m\"}");
    assert_eq!(fault.title(), "400");
}

#[test]
fn every_prefix_of_every_sample_parses() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/wire-samples.json");
    let samples: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let start = Instant::now();
    for sample in &samples {
        let body = sample["body"].as_str().unwrap().as_bytes();
        let content_type = sample["headers"]["Content-Type"].as_str().unwrap_or("");
        // Every cut, mid-character included: a body truncated by a dropped connection.
        for end in 0..=body.len() {
            let fault = Fault::parse_with(
                StatusCode::BAD_REQUEST,
                &HeaderMap::new(),
                &body[..end],
                &ParseLimits::default(),
            );
            assert!(fault.raw().unwrap().len() <= end + 2, "{}", sample["id"]);
        }
        let _ = parse(content_type, body);
    }
    assert!(
        start.elapsed() < BOUND * 10,
        "all prefixes took {:?}",
        start.elapsed()
    );
}

#[test]
fn limits_are_configurable() {
    let limits = ParseLimits {
        max_body: 64,
        max_depth: 3,
        max_elements: 5,
    };
    let body = format!(
        "<ErrorResponse><Error><Code>Cut</Code><Message>{}</Message></Error></ErrorResponse>",
        "y".repeat(1000)
    );
    let fault = parse_within("text/xml", body.as_bytes(), &limits);
    assert_eq!(fault.title(), "Cut");
    assert_eq!(fault.raw().unwrap().len(), 64);
    // Elements past the count (or the depth) are skipped, not kept.
    let many = format!(
        "<ErrorResponse><Error><Code>Many</Code>{}</Error></ErrorResponse>",
        "<E>e</E>".repeat(10_000)
    );
    let fault = parse_within("text/xml", many.as_bytes(), &ParseLimits::default());
    assert_eq!(
        fault.members().len(),
        ParseLimits::default().max_elements - 3
    );
    let fault = parse_within(
        "text/xml",
        many.as_bytes(),
        &ParseLimits {
            max_elements: 5,
            ..limits
        },
    );
    assert_eq!(fault.title(), "Many");
    assert_eq!(fault.members().len(), 2);
}

#[test]
fn bodies_of_nothing_much() {
    for body in [
        &b""[..],
        b"   \n\t",
        b"\xEF\xBB\xBF",
        b"\0\0\0\0",
        b"<",
        b"{",
        b"<!--",
        b"<![CDATA[",
    ] {
        let fault = parse("application/xml", body);
        assert_eq!(fault.status(), StatusCode::BAD_REQUEST, "{body:?}");
    }
}

/// Found by the parse fuzz target: a wait of 10^25 seconds once overflowed `SystemTime`.
#[test]
fn numbers_past_every_clock_are_dropped() {
    for retry in ["6666666666666666666666666", "1e300", "1.8e19", "-1", "NaN"] {
        let body =
            format!(r#"{{"overLimit": {{"code": 429, "message": "m", "retryAfter": {retry:?}}}}}"#);
        let fault = parse("application/json", body.as_bytes());
        assert_eq!(fault.title(), "overLimit", "{retry}");
        let unquoted = body.replace(&format!("{retry:?}"), retry);
        let _ = parse("application/json", unquoted.as_bytes());
    }
    for huge in [
        fault_core::Value::Float(1e300),
        fault_core::Value::Float(f64::INFINITY),
        fault_core::Value::from("1e300"),
    ] {
        let at: Option<std::time::SystemTime> = fault_core::FromValue::from_value(&huge);
        assert_eq!(at, None, "{huge:?}");
    }
}
