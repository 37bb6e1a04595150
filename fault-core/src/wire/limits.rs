//! [`ParseLimits`]: how much of a body parsing reads and keeps.

/// How much of a body [`Fault::parse_with`](crate::Fault::parse_with) reads.
///
/// Within these limits parsing takes time and memory linear in `max_body`, whatever the body
/// holds: a body is cut at `max_body` bytes before it is decoded (invalid UTF-8 becoming
/// U+FFFD), JSON nested past serde_json's limit of 128 is read as plain text, XML past
/// `max_depth` or `max_elements` is skipped, and an entity a DOCTYPE defines is never expanded
/// (`&name;` stays as written; no external entity is ever fetched or read).
///
/// ```
/// use fault_core::{Fault, ParseLimits, http::{HeaderMap, StatusCode}};
///
/// let limits = ParseLimits::default();
/// assert_eq!(limits.max_body, 1 << 20);
/// let strict = ParseLimits { max_body: 16, ..ParseLimits::default() };
/// let body = br#"{"itemNotFound": {"code": 404, "message": "gone"}}"#;
/// let fault = Fault::parse_with(StatusCode::NOT_FOUND, &HeaderMap::new(), body, &strict);
/// assert_eq!(fault.raw(), Some(r#"{"itemNotFound":"#));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseLimits {
    /// Bytes of the body read; the rest is ignored (default 1 MiB). An error body larger than
    /// this is not an error body any client needs whole. The text kept in
    /// [`Fault::raw`](crate::Fault::raw), decoded lossily, is cut to as many bytes.
    pub max_body: usize,
    /// Nesting depth of XML elements kept; deeper elements are skipped (default 32). JSON
    /// nesting is bounded by serde_json's limit of 128.
    pub max_depth: usize,
    /// XML elements kept in all (default 4096).
    pub max_elements: usize,
}

impl Default for ParseLimits {
    fn default() -> Self {
        ParseLimits {
            max_body: 1 << 20,
            max_depth: 32,
            max_elements: 4096,
        }
    }
}
