//! [`Context`]: what the request says about how its error response should be written.

use crate::Format;
use std::borrow::Cow;
use std::fmt;

/// Per-request options for rendering a fault: the request id, the microversion, the
/// `Accept` header, and a few format-specific settings. `Context::default()` renders a valid
/// response for every format.
///
/// ```
/// use fault_core::{Context, Microversion};
///
/// let cx = Context::new()
///     .with_request_id("req-2f3e4e8e-0bb5-4d2a-9a3c-1e6c5b7d8f90")
///     .with_accept("application/xml;q=0.9, application/json;q=0.5")
///     .with_microversion(Microversion::new(1, 23));
/// assert_eq!(cx.request_id(), Some("req-2f3e4e8e-0bb5-4d2a-9a3c-1e6c5b7d8f90"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Context<'a> {
    pub(crate) request_id: Option<Cow<'a, str>>,
    pub(crate) microversion: Option<Microversion>,
    pub(crate) accept: Option<Cow<'a, str>>,
    pub(crate) expose_internal: bool,
    pub(crate) namespace: Option<Cow<'a, str>>,
    pub(crate) method: Option<http::Method>,
    pub(crate) host_id: Option<Cow<'a, str>>,
    pub(crate) query_compatible: bool,
    pub(crate) auth_uri: Option<Cow<'a, str>>,
    pub(crate) instance: Option<Cow<'a, str>>,
    pub(crate) global_request_id: Option<Cow<'a, str>>,
    pub(crate) trace_parent: Option<TraceParent>,
    pub(crate) format: Option<Format>,
    pub(crate) content_type: Option<Cow<'a, str>>,
}

impl<'a> Context<'a> {
    /// The default context.
    #[must_use]
    pub fn new() -> Self {
        Context::default()
    }

    /// The request id, as taken from the request or generated for it. An id that is not a
    /// safe header value (see [`is_valid_request_id`]) is replaced by a fresh one when the
    /// response is written, never copied.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<Cow<'a, str>>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// The microversion the request asked for (`OpenStack-API-Version`). Placement sends an
    /// error's `code` only from 1.23 on.
    #[must_use]
    pub fn with_microversion(mut self, microversion: Microversion) -> Self {
        self.microversion = Some(microversion);
        self
    }

    /// The request's `Accept` header, which picks JSON or XML for formats that have both.
    #[must_use]
    pub fn with_accept(mut self, accept: impl Into<Cow<'a, str>>) -> Self {
        self.accept = Some(accept.into());
        self
    }

    /// Sends the internal `Display` of every fault, 5xx included, as its message: for a
    /// development server only, never in production.
    #[must_use]
    pub fn with_internal_detail_exposed(mut self, expose: bool) -> Self {
        self.expose_internal = expose;
        self
    }

    /// Overrides the namespace: the XML namespace of XML formats, the shape namespace of
    /// `AwsJson10`'s `__type`.
    #[must_use]
    pub fn with_namespace(mut self, namespace: impl Into<Cow<'a, str>>) -> Self {
        self.namespace = Some(namespace.into());
        self
    }

    /// The request's method: S3 sends no body for `HEAD`, and Placement names the method in
    /// the detail of a 405 or 501.
    #[must_use]
    pub fn with_method(mut self, method: http::Method) -> Self {
        self.method = Some(method);
        self
    }

    /// S3's host id: the `x-amz-id-2` header and the `<HostId>` element.
    #[must_use]
    pub fn with_host_id(mut self, host_id: impl Into<Cow<'a, str>>) -> Self {
        self.host_id = Some(host_id.into());
        self
    }

    /// For AWS JSON services that are query-compatible: adds `x-amzn-query-error: Code;Type`.
    #[must_use]
    pub fn with_query_compatible(mut self, query_compatible: bool) -> Self {
        self.query_compatible = query_compatible;
        self
    }

    /// Keystone's identity endpoint, sent as `WWW-Authenticate: Keystone uri="..."` on 401.
    #[must_use]
    pub fn with_auth_uri(mut self, auth_uri: impl Into<Cow<'a, str>>) -> Self {
        self.auth_uri = Some(auth_uri.into());
        self
    }

    /// RFC 9457's `instance`: a URI reference identifying this occurrence (the request path).
    #[must_use]
    pub fn with_instance(mut self, instance: impl Into<Cow<'a, str>>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// The format a fault is written in when its type names none (a
    /// [`ServiceProfile`](crate::ServiceProfile)'s format); without one, RFC 9457 problem
    /// details.
    #[must_use]
    pub fn with_default_format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// The request's `Content-Type`: Placement names it in the detail of a 415.
    #[must_use]
    pub fn with_content_type(mut self, content_type: impl Into<Cow<'a, str>>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// The request id, as given.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The global request id: a well-formed `X-OpenStack-Request-ID` the request carried
    /// (`req-<uuid>`), kept beside the service's own id as oslo.middleware keeps it, for logs.
    #[must_use]
    pub fn global_request_id(&self) -> Option<&str> {
        self.global_request_id.as_deref()
    }

    /// The request's W3C `traceparent`, when well-formed.
    #[must_use]
    pub fn trace_parent(&self) -> Option<&TraceParent> {
        self.trace_parent.as_ref()
    }

    /// The format for a fault whose type names none, if set.
    #[must_use]
    pub fn default_format(&self) -> Option<Format> {
        self.format
    }

    /// S3's host id, if set.
    #[must_use]
    pub fn host_id(&self) -> Option<&str> {
        self.host_id.as_deref()
    }

    /// The microversion, if given.
    #[must_use]
    pub fn microversion(&self) -> Option<Microversion> {
        self.microversion
    }

    /// The `Accept` header, if given.
    #[must_use]
    pub fn accept(&self) -> Option<&str> {
        self.accept.as_deref()
    }

    /// Whether the request was a `HEAD`.
    #[must_use]
    pub fn is_head(&self) -> bool {
        self.method == Some(http::Method::HEAD)
    }

    /// Whether internal detail is sent.
    #[must_use]
    pub fn internal_detail_exposed(&self) -> bool {
        self.expose_internal
    }
}

/// An OpenStack microversion, `major.minor`, ordered as numbers (1.23 > 1.9).
///
/// ```
/// use fault_core::Microversion;
///
/// let v = Microversion::parse_header("placement 1.23", "placement").unwrap();
/// assert_eq!(v, Microversion::new(1, 23));
/// assert!(v >= Microversion::new(1, 23) && v > Microversion::new(1, 9));
/// assert_eq!(v.to_string(), "1.23");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Microversion {
    /// The major version.
    pub major: u16,
    /// The minor version.
    pub minor: u16,
}

impl Microversion {
    /// `major.minor`.
    #[must_use]
    pub const fn new(major: u16, minor: u16) -> Self {
        Microversion { major, minor }
    }

    /// Reads `1.23`.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let (major, minor) = text.trim().split_once('.')?;
        Some(Microversion::new(major.parse().ok()?, minor.parse().ok()?))
    }

    /// Reads the version for `service` from an `OpenStack-API-Version` header value, which
    /// may list several services (`compute 2.1, placement 1.23`).
    #[must_use]
    pub fn parse_header(value: &str, service: &str) -> Option<Self> {
        value.split(',').find_map(|entry| {
            let (name, version) = entry.trim().split_once(char::is_whitespace)?;
            if name.eq_ignore_ascii_case(service) {
                Microversion::parse(version)
            } else {
                None
            }
        })
    }
}

impl fmt::Display for Microversion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// Whether `id` may be sent as a request id: 1 to 128 characters of visible ASCII other than
/// `"`, `<`, `>`, `&` and `\`, so it is a valid header value and needs no escaping in any
/// body. Request ids from the request are checked with this before they are sent back.
///
/// ```
/// use fault_core::is_valid_request_id;
///
/// assert!(is_valid_request_id("req-2f3e4e8e-0bb5-4d2a-9a3c-1e6c5b7d8f90"));
/// assert!(!is_valid_request_id("req-1\r\nSet-Cookie: a=b"));
/// assert!(!is_valid_request_id(""));
/// ```
#[must_use]
pub fn is_valid_request_id(id: &str) -> bool {
    // Every response checks its id: a fold without early exit over range tests, which the
    // compiler turns into sixteen bytes at a time.
    let allowed =
        |b: u8| (0x21..=0x7E).contains(&b) & !matches!(b, b'"' | b'<' | b'>' | b'&' | b'\\');
    (1..=128).contains(&id.len()) && id.bytes().fold(true, |ok, b| ok & allowed(b))
}

/// A fresh request id in OpenStack's form, `req-` and a random (version 4) UUID.
///
/// ```
/// let id = fault_core::new_request_id();
/// assert!(id.starts_with("req-") && id.len() == 40);
/// assert!(fault_core::is_valid_request_id(&id));
/// assert_ne!(id, fault_core::new_request_id());
/// ```
#[must_use]
pub fn new_request_id() -> String {
    crate::ids::new_id(crate::ids::IdStyle::OpenStack)
}

/// A W3C Trace Context `traceparent` (`00-<trace id>-<parent id>-<flags>`), read from a request
/// so that its trace joins the request's tracing span.
///
/// ```
/// use fault_core::TraceParent;
///
/// let parent = TraceParent::parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").unwrap();
/// assert_eq!(parent.trace_id(), "4bf92f3577b34da6a3ce929d0e0e4736");
/// assert_eq!(parent.parent_id(), "00f067aa0ba902b7");
/// assert!(parent.sampled());
/// // All-zero ids and version ff are invalid.
/// assert!(TraceParent::parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01").is_none());
/// assert!(TraceParent::parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TraceParent {
    /// `version-traceid-parentid-flags`, lowercase hex, checked.
    text: [u8; 55],
}

impl TraceParent {
    /// Reads a `traceparent` header value as the W3C recommendation says: version 00 is read
    /// exactly, a later version by its first 55 characters; `None` for anything malformed.
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim().as_bytes();
        let head = value.get(..55)?;
        let hex = |part: &[u8]| {
            part.iter()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
        };
        let zero = |part: &[u8]| part.iter().all(|&b| b == b'0');
        let (version, trace, parent, flags) =
            (&head[..2], &head[3..35], &head[36..52], &head[53..55]);
        let dashes = head[2] == b'-' && head[35] == b'-' && head[52] == b'-';
        let well_formed = dashes
            && hex(version)
            && version != b"ff"
            && hex(trace)
            && !zero(trace)
            && hex(parent)
            && !zero(parent)
            && hex(flags)
            && (if version == b"00" {
                value.len() == 55
            } else {
                value.len() == 55 || value[55] == b'-'
            });
        if !well_formed {
            return None;
        }
        Some(TraceParent {
            text: head.try_into().ok()?,
        })
    }

    fn part(&self, range: std::ops::Range<usize>) -> &str {
        // Checked ASCII hex when parsed.
        std::str::from_utf8(&self.text[range]).unwrap_or_default()
    }

    /// The 32 hex digits of the trace id.
    #[must_use]
    pub fn trace_id(&self) -> &str {
        self.part(3..35)
    }

    /// The 16 hex digits of the caller's span id.
    #[must_use]
    pub fn parent_id(&self) -> &str {
        self.part(36..52)
    }

    /// Whether the caller sampled the trace (flag 01).
    #[must_use]
    pub fn sampled(&self) -> bool {
        u8::from_str_radix(self.part(53..55), 16).is_ok_and(|flags| flags & 1 == 1)
    }
}

impl fmt::Debug for TraceParent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("TraceParent")
            .field(&self.part(0..55))
            .finish()
    }
}

impl fmt::Display for TraceParent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.part(0..55))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The vectorised check agrees with the rule for every byte, in every position of ids
    /// of lengths on and off the vector width.
    #[test]
    fn the_fast_check_is_the_table() {
        for len in [1, 7, 15, 16, 17, 33] {
            for pos in 0..len {
                for b in 0..=255u8 {
                    let mut id = vec![b'a'; len];
                    id[pos] = b;
                    // Visible ASCII except what would need escaping in a body.
                    let expected =
                        b.is_ascii_graphic() && !matches!(b, b'"' | b'<' | b'>' | b'&' | b'\\');
                    if let Ok(id) = std::str::from_utf8(&id) {
                        assert_eq!(
                            is_valid_request_id(id),
                            expected,
                            "{b:#x} at {pos} of {len}"
                        );
                    }
                }
            }
        }
        assert!(is_valid_request_id(&"a".repeat(128)));
        assert!(!is_valid_request_id(&"a".repeat(129)));
        assert!(!is_valid_request_id("req-é"));
    }
}
