//! The `http::Response` glue: rendering on `Fault`, and the reason phrase some formats set.

use crate::{Context, Encoding, Fault, Format};
use bytes::Bytes;
use http::Response;

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

    /// The encoding `format` is written in for `cx`: negotiated from `Accept` for the formats
    /// that have JSON and XML, fixed for the others.
    #[must_use]
    pub fn encoding(format: Format, cx: &Context<'_>) -> Encoding {
        crate::wire::encoding(format, cx)
    }

    /// The format to write this fault in when the caller names none: the type's `format`,
    /// else RFC 9457 problem details.
    #[must_use]
    pub fn default_format(&self) -> Format {
        self.format.unwrap_or(Format::Problem)
    }
}
