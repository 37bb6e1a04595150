//! The headers a case expects, held to ours; and a case's headers as a `HeaderMap`.

use fault_core::http::{HeaderMap, HeaderName, HeaderValue};
use serde_json::Value as Json;

/// A header value as a case writes it: a string, a number, or (sent more than once) a list.
pub fn header_values(value: &Json) -> Vec<String> {
    match value {
        Json::String(s) => vec![s.clone()],
        Json::Number(n) => vec![n.to_string()],
        Json::Array(items) => items.iter().flat_map(header_values).collect(),
        other => panic!("a header value {other}"),
    }
}

/// The headers a case's response carried, as a `HeaderMap` (to parse the case's body with).
pub fn header_map(expect: &Json) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for (name, value) in expect.as_object().into_iter().flatten() {
        let name = HeaderName::from_bytes(name.as_bytes()).expect("a header name");
        for value in header_values(value) {
            headers.append(
                &name,
                HeaderValue::from_str(&value).expect("a header value"),
            );
        }
    }
    headers
}

const REQUEST_ID_HEADERS: [&str; 2] = ["x-openstack-request-id", "x-compute-request-id"];

/// Headers whose absence the cases' notes assert: the microversion headers a service adds
/// (or does not) around its faults.
const VERSION_HEADERS: [&str; 3] = [
    "openstack-api-version",
    "x-openstack-nova-api-version",
    "vary",
];

/// Every header the case expects is sent, with its value (all of them, in order, for a header
/// sent more than once). `Content-Length` is the HTTP server's, not the renderer's, so it is
/// not held to. A microversion header the case does not send must not be sent either; a
/// request-id header the case does not show may be sent with a request id the case shows, in
/// a header or its body (the request-id middleware adds both names around the fault; an
/// API-WG body's `request_id` must match the header).
pub fn check_headers(expect: &Json, body: &str, ours: &HeaderMap) -> Result<(), String> {
    let mut problems = Vec::new();
    let expected: Vec<(String, Vec<String>)> = expect
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, value)| (name.to_ascii_lowercase(), header_values(value)))
        .collect();
    let sent = |name: &str| -> Vec<String> {
        ours.get_all(name)
            .iter()
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .collect()
    };
    for (name, values) in &expected {
        if name == "content-length" {
            continue;
        }
        let got = sent(name);
        if &got != values {
            problems.push(format!("{name}: we send {got:?}, the case {values:?}"));
        }
    }
    let has = |name: &str| expected.iter().any(|(n, _)| n == name);
    for name in VERSION_HEADERS {
        if !has(name) && ours.contains_key(name) {
            problems.push(format!("{name}: we send {:?}, the case none", sent(name)));
        }
    }
    let ids: Vec<&String> = expected
        .iter()
        .filter(|(n, _)| REQUEST_ID_HEADERS.contains(&n.as_str()))
        .flat_map(|(_, v)| v)
        .collect();
    for name in REQUEST_ID_HEADERS {
        let shown = |id: &String| ids.contains(&id) || body.contains(id.as_str());
        if !has(name) && ours.contains_key(name) && !sent(name).iter().all(shown) {
            problems.push(format!(
                "{name}: we send {:?}, the case no such id",
                sent(name)
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}
