//! Content negotiation: JSON or XML, from an `Accept` header, as nova and WebOb do.

/// A body encoding, for formats that have more than one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// JSON.
    Json,
    /// XML.
    Xml,
}

/// The media types negotiated: `application/json` asks for JSON, `application/xml` and
/// `text/xml` for XML; so does each with a structured syntax suffix (RFC 6839), as
/// `application/problem+json` and `application/problem+xml`.
const MEDIA_TYPES: [(&str, &str); 3] = [
    ("application", "json"),
    ("application", "xml"),
    ("text", "xml"),
];

/// Picks the encoding `accept` prefers among JSON and XML (`application/json`,
/// `application/xml`, `text/xml`, and any `+json` or `+xml` type), `default` on a tie or
/// when it accepts neither (or is absent or unparseable).
///
/// Each media range weighs in with its `q` (1 when absent); for each encoding the most
/// specific range that matches one of its media types decides (`application/json` over
/// `application/*` over `*/*`), as RFC 9110 §12.5.1 says; a `q` of 0 rules it out.
///
/// ```
/// use fault_core::{Encoding, negotiate};
///
/// assert_eq!(negotiate(Some("application/xml"), Encoding::Json), Encoding::Xml);
/// assert_eq!(negotiate(Some("application/json;q=0.5, text/xml"), Encoding::Json), Encoding::Xml);
/// assert_eq!(negotiate(Some("*/*"), Encoding::Xml), Encoding::Xml);
/// assert_eq!(negotiate(Some("application/*;q=0.2, application/json;q=0"), Encoding::Json), Encoding::Xml);
/// assert_eq!(negotiate(Some("text/html"), Encoding::Json), Encoding::Json);
/// assert_eq!(negotiate(Some("application/problem+xml"), Encoding::Json), Encoding::Xml);
/// assert_eq!(negotiate(None, Encoding::Xml), Encoding::Xml);
/// ```
#[must_use]
pub fn negotiate(accept: Option<&str>, default: Encoding) -> Encoding {
    let Some(accept) = accept else {
        return default;
    };
    // The common headers, answered without parsing (the answer is the same either way): as
    // clients send them first, then in any case.
    match accept {
        "application/json" => return Encoding::Json,
        "application/xml" | "text/xml" => return Encoding::Xml,
        _ => {}
    }
    if accept.eq_ignore_ascii_case("application/json") {
        return Encoding::Json;
    }
    if accept.eq_ignore_ascii_case("application/xml") || accept.eq_ignore_ascii_case("text/xml") {
        return Encoding::Xml;
    }
    let (json, xml) = (
        quality(accept, Encoding::Json),
        quality(accept, Encoding::Xml),
    );
    let (preferred, alternative, other) = match default {
        Encoding::Json => (json, xml, Encoding::Xml),
        Encoding::Xml => (xml, json, Encoding::Json),
    };
    if alternative > preferred {
        other
    } else {
        default
    }
}

/// The quality (in thousandths) `accept` gives `encoding`: the best of its media types.
fn quality(accept: &str, encoding: Encoding) -> u16 {
    let [json, application_xml, text_xml] = qualities(accept);
    match encoding {
        Encoding::Json => json,
        Encoding::Xml => application_xml.max(text_xml),
    }
}

/// The quality of each of [`MEDIA_TYPES`], each taking the `q` of the most specific range
/// that matches it, 0 when none does; one pass over `accept`.
fn qualities(accept: &str) -> [u16; 3] {
    let mut best: [Option<(u8, u16)>; 3] = [None; 3];
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim();
        let Some((kind, subtype)) = media.split_once('/') else {
            continue;
        };
        let (kind, subtype) = (kind.trim(), subtype.trim());
        let mut q = None;
        for (slot, (want_kind, want_subtype)) in best.iter_mut().zip(MEDIA_TYPES) {
            let specificity = if kind == "*" && subtype == "*" {
                1
            } else if !kind.eq_ignore_ascii_case(want_kind) {
                continue;
            } else if subtype == "*" {
                2
            } else if subtype.eq_ignore_ascii_case(want_subtype) || suffixed(subtype, want_subtype)
            {
                3
            } else {
                continue;
            };
            let q = *q.get_or_insert_with(|| {
                parts
                    .clone()
                    .filter_map(|p| p.split_once('='))
                    .find(|(name, _)| name.trim().eq_ignore_ascii_case("q"))
                    .map_or(1000, |(_, value)| parse_q(value.trim()))
            });
            match *slot {
                Some((s, previous)) if s > specificity || (s == specificity && previous >= q) => {}
                _ => *slot = Some((specificity, q)),
            }
        }
    }
    best.map(|b| b.map_or(0, |(_, q)| q))
}

/// Whether `accept` admits the media type `kind/subtype`: the most specific of its ranges
/// that matches (`kind/subtype` over `kind/*` over `*/*`) has a `q` above 0, as RFC 9110
/// §12.5.1 and WebOb's `acceptable_offers` read it. An absent header admits everything; so
/// does one with no media range in it, which no client means as a refusal.
pub(crate) fn admits(accept: Option<&str>, kind: &str, subtype: &str) -> bool {
    let Some(accept) = accept else {
        return true;
    };
    let mut best: Option<(u8, u16)> = None;
    let mut ranges = 0usize;
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let Some((range_kind, range_subtype)) = parts.next().unwrap_or("").trim().split_once('/')
        else {
            continue;
        };
        ranges += 1;
        let (range_kind, range_subtype) = (range_kind.trim(), range_subtype.trim());
        let specificity = if range_kind == "*" && range_subtype == "*" {
            1
        } else if !range_kind.eq_ignore_ascii_case(kind) {
            continue;
        } else if range_subtype == "*" {
            2
        } else if range_subtype.eq_ignore_ascii_case(subtype) {
            3
        } else {
            continue;
        };
        let q = parts
            .filter_map(|p| p.split_once('='))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case("q"))
            .map_or(1000, |(_, value)| parse_q(value.trim()));
        match best {
            Some((s, previous)) if s > specificity || (s == specificity && previous >= q) => {}
            _ => best = Some((specificity, q)),
        }
    }
    ranges == 0 || best.is_some_and(|(_, q)| q > 0)
}

/// Whether `subtype` is `<anything>+<syntax>` (`problem+json` for `json`).
fn suffixed(subtype: &str, syntax: &str) -> bool {
    let Some(split) = subtype.len().checked_sub(syntax.len() + 1) else {
        return false;
    };
    split > 0
        && subtype.as_bytes()[split] == b'+'
        && subtype
            .get(split + 1..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(syntax))
}

/// A `q` value in thousandths; anything malformed counts as 0, so it cannot win.
fn parse_q(value: &str) -> u16 {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    let whole: u16 = match whole {
        "0" => 0,
        "1" => 1000,
        _ => return 0,
    };
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return 0;
    }
    let thousandths = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |acc, digit| acc * 10 + u16::from(digit - b'0'));
    (whole + thousandths).min(1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q_values() {
        assert_eq!(parse_q("1"), 1000);
        assert_eq!(parse_q("0.5"), 500);
        assert_eq!(parse_q("0.125"), 125);
        assert_eq!(parse_q("1.0"), 1000);
        assert_eq!(parse_q("0.1234"), 0);
        assert_eq!(parse_q("2"), 0);
        assert_eq!(parse_q("x"), 0);
    }

    #[test]
    fn the_most_specific_range_decides() {
        // `*/*` would give XML 1.0, but `text/xml;q=0` rules text/xml out; application/xml
        // still matches `*/*`.
        assert_eq!(quality("*/*, text/xml;q=0", Encoding::Xml), 1000);
        assert_eq!(
            quality("*/*;q=0.1, application/json;q=0", Encoding::Json),
            0
        );
        assert_eq!(quality("application/*;q=0.3", Encoding::Json), 300);
    }

    #[test]
    fn ties_keep_the_default() {
        assert_eq!(
            negotiate(Some("application/json, application/xml"), Encoding::Xml),
            Encoding::Xml
        );
        assert_eq!(
            negotiate(Some("application/json, application/xml"), Encoding::Json),
            Encoding::Json
        );
    }

    #[test]
    fn admits_reads_the_most_specific_range() {
        let json = |accept| admits(accept, "application", "json");
        assert!(json(None));
        assert!(json(Some("application/json")));
        assert!(json(Some("*/*")));
        assert!(json(Some("application/*")));
        assert!(json(Some("text/html, application/json;q=0.1")));
        assert!(json(Some("")));
        assert!(!json(Some("text/html")));
        assert!(!json(Some("application/xml")));
        assert!(!json(Some("*/*, application/json;q=0")));
        assert!(!json(Some("application/json;q=0")));
        assert!(json(Some("application/json;q=0, application/json")));
        assert!(!json(Some("application/jsonx")));
    }

    #[test]
    fn garbage_keeps_the_default() {
        for accept in ["", ",,,", "json", "application/json;q=abc", "\u{0}"] {
            assert_eq!(
                negotiate(Some(accept), Encoding::Xml),
                Encoding::Xml,
                "{accept:?}"
            );
        }
    }
}
