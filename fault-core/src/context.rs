//! [`Context`]: what the request says about how its error response should be written.

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

    /// The request id, as given.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
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
/// The randomness comes from the standard library's per-process hash keys, so no extra
/// dependency is needed; the ids are unique, not secret.
///
/// ```
/// let id = fault_core::new_request_id();
/// assert!(id.starts_with("req-") && id.len() == 40);
/// assert!(fault_core::is_valid_request_id(&id));
/// assert_ne!(id, fault_core::new_request_id());
/// ```
#[must_use]
pub fn new_request_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut bits = [0u8; 16];
    for (i, half) in bits.chunks_mut(8).enumerate() {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        hasher.write_usize(i);
        half.copy_from_slice(&hasher.finish().to_le_bytes());
    }
    bits[6] = (bits[6] & 0x0F) | 0x40;
    bits[8] = (bits[8] & 0x3F) | 0x80;
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    format!(
        "req-{}-{}-{}-{}-{}",
        hex(&bits[0..4]),
        hex(&bits[4..6]),
        hex(&bits[6..8]),
        hex(&bits[8..10]),
        hex(&bits[10..16])
    )
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
