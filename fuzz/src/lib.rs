//! What the fuzz targets share: how a parse input is laid out, and the checks every rendered
//! response must pass (well-formed body, clean headers, the message reading back).

use fault_core::http::{HeaderMap, HeaderName, HeaderValue, Response, StatusCode};
use fault_core::{Encoding, Fault, Format};
use quick_xml::events::Event;

/// Splits a parse input into status, headers and body. The layout is text, so the seeds made
/// from the conformance samples stay readable: a first line holding the status, then
/// `name: value` header lines, a blank line, and the body.
///
/// ```text
/// 404
/// content-type: application/json
///
/// {"itemNotFound": {"code": 404, "message": "gone"}}
/// ```
///
/// Anything goes: a status that is no number becomes 400 + its bytes' sum (so every byte
/// still steers it), lines that are no valid header are skipped, and without a blank line the
/// whole input after the status line is the body.
pub fn split_response(data: &[u8]) -> (StatusCode, HeaderMap, &[u8]) {
    let (status_line, rest) = split_line(data);
    let status = std::str::from_utf8(status_line)
        .ok()
        .and_then(|s| s.trim().parse::<u16>().ok())
        .and_then(|n| StatusCode::from_u16(n).ok())
        .unwrap_or_else(|| {
            let sum = status_line
                .iter()
                .fold(0u16, |sum, &b| sum.wrapping_add(b.into()));
            StatusCode::from_u16(400 + sum % 200).unwrap_or(StatusCode::BAD_REQUEST)
        });
    let (head, body) = match find(rest, b"\n\n") {
        Some(at) => (&rest[..at], &rest[at + 2..]),
        None => (&[][..], rest),
    };
    let mut headers = HeaderMap::new();
    for line in head.split(|&b| b == b'\n') {
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            continue;
        };
        let name = HeaderName::from_bytes(line[..colon].trim_ascii());
        let value = HeaderValue::from_bytes(line[colon + 1..].trim_ascii());
        if let (Ok(name), Ok(value)) = (name, value) {
            headers.append(name, value);
        }
    }
    (status, headers, body)
}

fn split_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[]),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Panics unless `body` is one well-formed XML element (quick-xml's strict reader, end names
/// checked), with no character XML 1.0 forbids.
pub fn assert_well_formed_xml(body: &[u8], what: &str) {
    let text = std::str::from_utf8(body).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    assert!(
        !text.chars().any(forbidden_in_xml),
        "{what}: a character XML 1.0 forbids: {text:?}"
    );
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let (mut depth, mut roots) = (0usize, 0usize);
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => {
                roots += usize::from(depth == 0);
                depth += 1;
            }
            Ok(Event::Empty(_)) => roots += usize::from(depth == 0),
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Text(t)) if depth == 0 => {
                assert!(t.trim_ascii().is_empty(), "{what}: text outside the root");
            }
            Ok(Event::CData(_)) if depth == 0 => panic!("{what}: CDATA outside the root"),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{what}: malformed XML: {e}: {text:?}"),
        }
    }
    assert_eq!((roots, depth), (1, 0), "{what}: one closed root: {text:?}");
}

/// Panics unless `body` is one JSON value.
pub fn assert_well_formed_json(body: &[u8], what: &str) {
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(body) {
        panic!(
            "{what}: invalid JSON: {e}: {:?}",
            String::from_utf8_lossy(body)
        );
    }
}

/// Panics unless every header value is visible ASCII, spaces and tabs: no CR, LF, NUL or
/// obs-text a client could misread.
pub fn assert_clean_headers(headers: &HeaderMap, what: &str) {
    for (name, value) in headers {
        assert!(
            value
                .as_bytes()
                .iter()
                .all(|&b| b == b' ' || b == b'\t' || b.is_ascii_graphic()),
            "{what}: header {name} = {value:?}"
        );
    }
}

/// Checks one rendered response: the body is well-formed in `encoding` (an S3 `HEAD` has
/// none), the headers are clean, and parsing it back never panics.
pub fn check_response<B: AsRef<[u8]>>(response: &Response<B>, encoding: Encoding, what: &str) {
    assert_clean_headers(response.headers(), what);
    let body = response.body().as_ref();
    if !body.is_empty() {
        match encoding {
            Encoding::Xml => assert_well_formed_xml(body, what),
            Encoding::Json => assert_well_formed_json(body, what),
        }
    }
    let _ = Fault::from_response(response);
}

/// Whether XML 1.0 has no spelling for `c`, not even a character reference.
pub fn forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// `text` as it reads back from a body in `encoding`: unchanged from JSON; from XML with
/// each character XML 1.0 forbids replaced by U+FFFD, as `fault_core`'s XML writer documents.
pub fn as_read_back(text: &str, encoding: Encoding) -> String {
    match encoding {
        Encoding::Json => text.to_owned(),
        Encoding::Xml => text
            .chars()
            .map(|c| if forbidden_in_xml(c) { '\u{FFFD}' } else { c })
            .collect(),
    }
}

/// The message `format` sends for a fault with this message and details, as it reads back:
/// Heat joins the details to the message after `:`.
pub fn expected_message(
    format: Format,
    encoding: Encoding,
    message: &str,
    details: Option<&str>,
) -> String {
    let sent = match (format, details) {
        (Format::Heat, Some(details)) => format!("{message}:{details}"),
        _ => message.to_owned(),
    };
    as_read_back(&sent, encoding)
}

/// Names some parser gives a meaning to: a title or extra with one of them is ambiguous by
/// construction (an AWS extra named `Message`), so the targets check the read-back message
/// only for faults whose names are not among them.
const MEANINGFUL: &[&str] = &[
    "__type",
    "code",
    "Code",
    "created",
    "debuginfo",
    "detail",
    "Detail",
    "details",
    "error",
    "Error",
    "error_message",
    "errorMessage",
    "errors",
    "Errors",
    "faultcode",
    "faultstring",
    "HostId",
    "instance",
    "links",
    "message",
    "Message",
    "NeutronError",
    "NotImplementedError",
    "request_id",
    "RequestId",
    "RequestID",
    "retryAfter",
    "status",
    "title",
    "type",
    "Type",
    "validationErrors",
];

/// Whether `name` is one a derived type could give a title or extra (an XML name, as the
/// derive checks) and no parser reads as something else.
pub fn is_plain_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && !MEANINGFUL.contains(&name)
}
