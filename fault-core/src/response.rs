//! The `http::Response` glue: rendering on `Fault`, and the reason phrase some formats set.

#[cfg(feature = "parse")]
use crate::ParseLimits;
use crate::{Context, Encoding, Fault, Format};
use bytes::Bytes;
use http::Response;
#[cfg(feature = "parse")]
use http::{HeaderMap, StatusCode};

/// A custom reason phrase for the status line (Heat sends `400 InvalidAction`), carried in the
/// response's extensions; server integrations hand it to their HTTP layer (hyper's
/// `ext::ReasonPhrase`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReasonPhrase(pub(crate) Box<str>);

impl ReasonPhrase {
    /// The phrase: visible ASCII and spaces only.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Fault<'_> {
    /// The response `format` sends for this fault, for the request `cx` describes: status,
    /// headers and body, and a [`ReasonPhrase`] extension where the format sets one.
    ///
    /// ```
    /// use fault_core::{ApiFault, Context, Format};
    ///
    /// #[derive(Debug, ApiFault)]
    /// #[fault(rename_all = "camelCase")]
    /// enum VolumeError {
    ///     #[fault(code = 404, message = "The resource could not be found.")]
    ///     ItemNotFound,
    /// }
    ///
    /// let response = VolumeError::ItemNotFound
    ///     .fault()
    ///     .render(Format::OpenStack, &Context::new().with_request_id("req-1"));
    /// assert_eq!(response.status().as_u16(), 404);
    /// assert_eq!(response.headers()["content-type"], "application/json; charset=UTF-8");
    /// assert_eq!(response.headers()["x-openstack-request-id"], "req-1");
    /// assert_eq!(
    ///     response.body().as_ref(),
    ///     br#"{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}"#
    /// );
    /// ```
    #[must_use]
    pub fn render(&self, format: Format, cx: &Context<'_>) -> Response<Bytes> {
        crate::wire::render(self, format, cx)
    }

    /// Appends the body `format` sends for this fault to `buf`, exactly the bytes of
    /// [`render`](Fault::render)'s body, without building headers: for a server that writes
    /// its own response, or reuses one buffer across responses. `buf` grows at most once for
    /// a fault whose texts are strings (a displayed message may grow it again).
    ///
    /// ```
    /// use fault_core::{ApiFault, Context, Format};
    ///
    /// #[derive(Debug, ApiFault)]
    /// #[fault(rename_all = "camelCase")]
    /// enum VolumeError {
    ///     #[fault(code = 404, message = "The resource could not be found.")]
    ///     ItemNotFound,
    /// }
    ///
    /// let mut buf = Vec::new();
    /// VolumeError::ItemNotFound.fault().write_body(Format::OpenStack, &Context::new(), &mut buf);
    /// assert_eq!(buf, br#"{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}"#);
    /// ```
    pub fn write_body(&self, format: Format, cx: &Context<'_>, buf: &mut Vec<u8>) {
        crate::wire::write_body(self, format, cx, buf);
    }

    /// The encoding `format` is written in for `cx`: negotiated from `Accept` for the formats
    /// that have JSON and XML, fixed for the others.
    #[must_use]
    pub fn encoding(format: Format, cx: &Context<'_>) -> Encoding {
        crate::wire::encoding(format, cx)
    }

    /// Reads an error response (status, headers, body) from any service this crate knows,
    /// detecting its family from the content type and the shape of the body, as botocore and
    /// openstacksdk do. Never panics and never fails: a body no family claims becomes a fault
    /// whose message is the body's text, titled with the status number, and every parsed fault
    /// keeps the body in [`raw`](Fault::raw). Reads at most 1 MiB ([`ParseLimits`]). Each `x-`
    /// header it does not read itself, and `Allow` and `WWW-Authenticate`, becomes a header
    /// [`Member`](crate::Member) named as the header in lowercase.
    ///
    /// ```
    /// use fault_core::{Fault, Format, http::{HeaderMap, StatusCode}};
    ///
    /// let body = br#"{"itemNotFound": {"code": 404, "message": "Instance 42 could not be found."}}"#;
    /// let mut headers = HeaderMap::new();
    /// headers.insert("x-compute-request-id", "req-7".parse().unwrap());
    /// let fault = Fault::parse(StatusCode::NOT_FOUND, &headers, body);
    /// assert_eq!(fault.title(), "itemNotFound");
    /// assert_eq!(fault.message(), "Instance 42 could not be found.");
    /// assert_eq!(fault.request_id().unwrap(), "req-7");
    /// assert_eq!(fault.format(), Some(Format::OpenStack));
    ///
    /// let xml = b"<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>\
    ///             <Message>Rate exceeded</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
    /// let fault = Fault::parse(StatusCode::BAD_REQUEST, &HeaderMap::new(), xml);
    /// assert_eq!((fault.title(), fault.request_id().unwrap().to_string().as_str()), ("Throttling", "r-1"));
    /// ```
    #[cfg(feature = "parse")]
    #[must_use]
    pub fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Fault<'static> {
        Fault::parse_with(status, headers, body, &ParseLimits::default())
    }

    /// [`Fault::parse`] within the given limits.
    #[cfg(feature = "parse")]
    #[must_use]
    pub fn parse_with(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
        limits: &ParseLimits,
    ) -> Fault<'static> {
        crate::wire::parse(status, headers, body, limits)
    }

    /// Reads a whole `http::Response`, as [`Fault::parse`] does.
    #[cfg(feature = "parse")]
    #[must_use]
    pub fn from_response<B: AsRef<[u8]>>(response: &Response<B>) -> Fault<'static> {
        Fault::parse(
            response.status(),
            response.headers(),
            response.body().as_ref(),
        )
    }

    /// What this fault holds that `format` has no place for, so it would not be sent: named
    /// `details`, `validation_errors`, `created`, `error_code`, `links`, `further errors`,
    /// `member Name` and `header member X-Name`. Each [`Format`]'s documentation lists what it
    /// carries; the derive reports, at compile time, a field its type's own format cannot
    /// carry, and this is the same check for a format chosen at run time.
    ///
    /// ```
    /// use fault_core::{Fault, Format, Member, http::StatusCode};
    ///
    /// let fault = Fault::new(StatusCode::NOT_FOUND, "NoSuchKey")
    ///     .with_member(Member::new("Key", "photos/cat.jpg"))
    ///     .with_details("tried twice");
    /// assert_eq!(fault.unsent(Format::S3), ["details"]);
    /// assert_eq!(fault.unsent(Format::Heat), ["member Key"]);
    /// assert!(fault.unsent(Format::Problem).is_empty());
    /// ```
    #[must_use]
    pub fn unsent(&self, format: Format) -> Vec<String> {
        crate::wire::unsent(self, format)
    }

    /// The format to write this fault in when the caller names none: the type's `format`,
    /// else RFC 9457 problem details.
    #[must_use]
    pub fn default_format(&self) -> Format {
        self.format.unwrap_or(Format::Problem)
    }
}
