//! `Fault::parse` reads what real services send: every sample in `tests/data/wire-samples.json`
//! (Smithy protocol tests, botocore, nova, cinder, keystone, neutron, placement, openstacksdk
//! test inputs and captured responses; see each sample's `source`) parses to the fields its
//! `expect` names.

use fault_core::{Fault, RetryAfter, http::HeaderMap, http::StatusCode};
use serde_json::Value;

fn samples() -> Vec<Value> {
    let path = format!(
        "{}/tests/data/wire-samples.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str::<Vec<Value>>(&text).unwrap()
}

fn parse(sample: &Value) -> Fault<'static> {
    let mut headers = HeaderMap::new();
    for (name, value) in sample["headers"].as_object().unwrap() {
        headers.append(
            fault_core::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            value.as_str().unwrap().parse().unwrap(),
        );
    }
    let status =
        StatusCode::from_u16(u16::try_from(sample["status"].as_u64().unwrap()).unwrap()).unwrap();
    Fault::parse(
        status,
        &headers,
        sample["body"].as_str().unwrap().as_bytes(),
    )
}

/// Every mismatch of one sample, so a failing run lists them all.
fn check(sample: &Value) -> Vec<String> {
    let fault = parse(sample);
    let expect = &sample["expect"];
    let id = sample["id"].as_str().unwrap();
    let family = sample["family"].as_str().unwrap();
    let mut wrong = Vec::new();
    let mut same = |what: &str, got: Option<String>, want: &Value| {
        let want = want
            .as_str()
            .map(str::to_owned)
            .or_else(|| want.as_u64().map(|n| n.to_string()));
        if got != want {
            wrong.push(format!("{id}: {what}: got {got:?}, want {want:?}"));
        }
    };
    if matches!(family, "api-wg" | "placement") {
        same("code", fault.code().map(str::to_owned), &expect["code"]);
    } else if !expect["code"].is_null() {
        // The code a client reports: a query-compatible fault's legacy code (botocore's
        // `Code`), else its title.
        let code = fault.query_code().unwrap_or(fault.title());
        same("code", Some(code.to_owned()), &expect["code"]);
    }
    if let Some(title) = expect.get("title").filter(|t| t.is_string()) {
        same("title", Some(fault.title().to_owned()), title);
    }
    let message = fault.message().to_string();
    match &expect["message"] {
        Value::Null => same("message", Some(message), &Value::String(String::new())),
        want => same("message", Some(message), want),
    }
    if let Some(id_want) = expect.get("request_id") {
        same(
            "request_id",
            fault.request_id().map(|r| r.to_string()),
            id_want,
        );
    }
    if let Some(kind) = expect.get("type").filter(|t| t.is_string()) {
        same("type", Some(fault.err_type().as_str().to_owned()), kind);
    }
    if let Some(details) = expect.get("details") {
        same("details", fault.details().map(|d| d.to_string()), details);
    }
    if let Some(seconds) = expect.get("retry_after").filter(|s| !s.is_null()) {
        let got = match fault.retry_after() {
            Some(RetryAfter::Seconds(s)) => Some(s.to_string()),
            other => other.map(|o| format!("{o:?}")),
        };
        same("retry_after", got, seconds);
    }
    if let Some(host_id) = expect.get("host_id").filter(|h| !h.is_null()) {
        same(
            "host_id",
            fault.member("HostId").map(|h| h.to_string()),
            host_id,
        );
    }
    if let Some(Value::Object(extras)) = expect.get("extras") {
        for (name, value) in extras.iter().filter(|(_, v)| v.is_string()) {
            // Problem details' `type` and `instance` are facts of the fault, not members.
            let got = match (fault.format(), name.as_str()) {
                (Some(fault_core::Format::Problem), "type") => {
                    fault.problem_type().map(str::to_owned)
                }
                (Some(fault_core::Format::Problem), "instance") => {
                    fault.instance().map(ToString::to_string)
                }
                _ => fault.member(name).map(|e| e.to_string()),
            };
            same(&format!("extra {name}"), got, value);
        }
    }
    if fault.raw().is_none() {
        wrong.push(format!("{id}: the raw body was lost"));
    }
    wrong
}

#[test]
fn every_collected_sample_parses_to_its_expected_fields() {
    let samples = samples();
    assert!(samples.len() >= 70, "the collected samples are all here");
    let wrong: Vec<String> = samples.iter().flat_map(check).collect();
    assert!(
        wrong.is_empty(),
        "{} mismatches:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn an_empty_body_is_named_for_its_status() {
    let fault = Fault::parse(StatusCode::NOT_FOUND, &HeaderMap::new(), b"");
    assert_eq!(fault.title(), "404");
    assert_eq!(fault.message(), "Not Found");
    assert_eq!(fault.raw(), Some(""));
}

#[test]
fn an_html_page_on_5xx_is_named_for_its_status() {
    let page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let fault = Fault::parse(StatusCode::BAD_GATEWAY, &HeaderMap::new(), page);
    assert_eq!(
        (fault.title(), fault.message().to_string().as_str()),
        ("502", "Bad Gateway")
    );
    assert_eq!(fault.raw(), Some(std::str::from_utf8(page).unwrap()));
}

#[test]
fn unknown_text_becomes_the_message() {
    let fault = Fault::parse(
        StatusCode::SERVICE_UNAVAILABLE,
        &HeaderMap::new(),
        b"upstream connect error or disconnect/reset before headers",
    );
    assert_eq!(
        fault.message(),
        "upstream connect error or disconnect/reset before headers"
    );
    let fault = Fault::parse(
        StatusCode::BAD_REQUEST,
        &HeaderMap::new(),
        br#"{"unexpected": [1, 2]}"#,
    );
    assert_eq!(fault.title(), "400");
    assert_eq!(fault.raw(), Some(r#"{"unexpected": [1, 2]}"#));
}

#[test]
fn headers_fill_what_the_body_lacks() {
    let mut headers = HeaderMap::new();
    headers.insert(
        "x-amzn-query-error",
        "AWS.SimpleQueueService.NonExistentQueue;Sender"
            .parse()
            .unwrap(),
    );
    headers.insert("x-amzn-requestid", "q-1".parse().unwrap());
    headers.insert(
        "retry-after",
        "Sun, 06 Nov 1994 08:49:37 GMT".parse().unwrap(),
    );
    let body = br#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}"#;
    let fault = Fault::parse(StatusCode::BAD_REQUEST, &headers, body);
    // The shape's name is the title, the legacy code kept beside it (botocore's `Code`).
    assert_eq!(fault.title(), "QueueDoesNotExist");
    assert_eq!(
        fault.query_code(),
        Some("AWS.SimpleQueueService.NonExistentQueue")
    );
    assert!(fault.is_query_compatible());
    assert_eq!(fault.request_id().unwrap(), "q-1");
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(784_111_777);
    assert_eq!(fault.retry_after(), Some(RetryAfter::At(at)));
}

#[test]
fn invalid_utf8_is_read_lossily() {
    let fault = Fault::parse(
        StatusCode::BAD_REQUEST,
        &HeaderMap::new(),
        b"{\"itemNotFound\": {\"code\": 404, \"message\": \"caf\xe9\"}}",
    );
    assert_eq!(fault.title(), "itemNotFound");
    assert_eq!(fault.message(), "caf\u{FFFD}");
}
