//! What several behaviour tests share: which facts each wire format carries, how text reads
//! back from XML, and the well-formedness checks every rendered body must pass.

#![allow(dead_code)] // each test file uses its own part of this module

pub mod log;

use fault_core::{Encoding, Format};
use quick_xml::events::Event;

/// What a format writes of a fault, so what can come back.
pub struct Carries {
    /// The title: every format but Placement (its title is the reason phrase) and the load
    /// balancer's JSON (unnamed; read back as nova's name for the status).
    pub title: bool,
    /// `Type`: only the AWS XML shapes; elsewhere the err_type reads back as the status says.
    pub err_type: bool,
    /// Details as their own field (Heat joins them into the message after `:`).
    pub details: bool,
    /// Extra members, in order: the AWS shapes but Heat's, and problem details.
    pub extras: bool,
    /// `created`: the compute fault, and the load balancer's XML.
    pub created: bool,
}

/// The facts `format` carries in `encoding`.
pub fn carries(format: Format, encoding: Encoding) -> Carries {
    let xml = encoding == Encoding::Xml;
    Carries {
        title: format != Format::Placement && (format != Format::LoadBalancer || xml),
        err_type: matches!(
            format,
            Format::AwsQuery | Format::AwsRestXml | Format::AwsRestXmlUnwrapped | Format::Heat
        ),
        details: matches!(
            format,
            Format::AwsQuery
                | Format::AwsRestXml
                | Format::AwsRestXmlUnwrapped
                | Format::OpenStack
                | Format::LoadBalancer
                | Format::Neutron
                | Format::Problem
        ),
        extras: matches!(
            format,
            Format::AwsQuery
                | Format::AwsRestXml
                | Format::AwsRestXmlUnwrapped
                | Format::Ec2Query
                | Format::S3
                | Format::AwsJson10
                | Format::AwsJson11
                | Format::AwsRestJson
                | Format::Problem
        ),
        created: format == Format::OpenStack || (format == Format::LoadBalancer && xml),
    }
}

/// The side at fault `format` sends for `sent`: its own when said, else the family's word for
/// the status (`Receiver` for a 5xx in the AWS query shapes, `Server` in Heat's).
pub fn err_type_sent(format: Format, sent: &fault_core::Fault<'_>) -> fault_core::ErrType {
    use fault_core::ErrType;
    if sent.err_type_is_set() || sent.status().as_u16() < 500 || format == Format::Heat {
        sent.err_type()
    } else {
        ErrType::Receiver
    }
}

/// Whether XML 1.0 has no spelling for `c`, not even as a character reference: C0 controls
/// but tab, LF and CR, and U+FFFE, U+FFFF. The XML writer sends each as U+FFFD.
pub fn forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// `text` as it reads back from a body in `encoding`: unchanged from JSON, and from XML with
/// each character XML 1.0 forbids replaced by U+FFFD (the one documented change).
pub fn read_back(text: &str, encoding: Encoding) -> String {
    match encoding {
        Encoding::Json => text.to_owned(),
        Encoding::Xml => text
            .chars()
            .map(|c| if forbidden_in_xml(c) { '\u{FFFD}' } else { c })
            .collect(),
    }
}

/// Panics unless `body` is well-formed XML (quick-xml's strict reader, end names checked)
/// with exactly one root element and no character XML 1.0 forbids.
pub fn assert_well_formed_xml(body: &[u8], what: &str) {
    let text = std::str::from_utf8(body).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    assert!(
        !text.chars().any(forbidden_in_xml),
        "{what}: a character XML 1.0 forbids"
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
            Err(e) => panic!("{what}: malformed XML at {}: {e}", reader.buffer_position()),
        }
    }
    assert_eq!((roots, depth), (1, 0), "{what}: one closed root element");
}

/// Panics unless `body` is one JSON value, as serde_json reads it.
pub fn assert_well_formed_json(body: &[u8], what: &str) {
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(body) {
        panic!("{what}: invalid JSON: {e}");
    }
}

/// Panics unless every header value is visible ASCII, spaces and tabs: no CR, LF, NUL or
/// other byte a client could misread.
pub fn assert_clean_headers(headers: &fault_core::http::HeaderMap, what: &str) {
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
