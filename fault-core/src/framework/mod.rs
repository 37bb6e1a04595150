//! [`FrameworkError`]: what a framework, not a handler, answers (no route, a wrong method, a
//! body it cannot read, a panic), and each family's standard fault for it.

mod aws;
mod openstack;

#[cfg(feature = "parse")]
pub(crate) use openstack::compute_name;

use crate::{Context, Dialect, Fault, Format};
use http::StatusCode;

/// An error the framework or the layer answers before or instead of a handler. Each family
/// has a standard fault for each (its own code, status and message, as its real services
/// send them), which [`ServiceProfile::framework_fault`](crate::ServiceProfile::framework_fault)
/// gives, and which a service can replace with its own
/// ([`ServiceProfile::with_framework_faults`](crate::ServiceProfile::with_framework_faults)).
///
/// The layers find them by status: a 4xx or 5xx response that no fault rendered (an axum
/// rejection, a router's empty 404 or 405, actix-web's `JsonConfig` errors, a bare
/// `StatusCode` from a handler) is answered with the fault for
/// [`FrameworkError::from_status`].
///
/// ```
/// use fault_core::{Context, Format, FrameworkError, http::StatusCode};
///
/// let error = FrameworkError::from_status(StatusCode::METHOD_NOT_ALLOWED);
/// assert_eq!(error, FrameworkError::MethodNotAllowed);
/// let cx = Context::new().with_method(fault_core::http::Method::PUT);
/// let fault = error.fault(Format::S3, Default::default(), &cx);
/// assert_eq!((fault.status().as_u16(), fault.title()), (405, "MethodNotAllowed"));
/// assert_eq!(fault.message(), "The specified method is not allowed against this resource.");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FrameworkError {
    /// No route matches the path (404).
    NotFound,
    /// The path has routes, but not for this method (405).
    MethodNotAllowed,
    /// The request's body, query or path cannot be read into what the handler takes (400,
    /// 422).
    BadRequest,
    /// The request's `Content-Type` is not one the handler reads (415).
    UnsupportedMediaType,
    /// Nothing the service can send satisfies the request's `Accept` (406).
    NotAcceptable,
    /// The request's body is larger than the service takes (413).
    PayloadTooLarge,
    /// The handler took longer than the profile's timeout (408).
    Timeout,
    /// The handler panicked, or the framework failed (500).
    Internal,
    /// A query-protocol request without an `Action`. Never found by status: a handler
    /// returns it.
    MissingAction,
    /// A query-protocol request whose `Action` the service does not have. Never found by
    /// status: a handler returns it.
    InvalidAction,
    /// Any other error status answered without a fault (a handler's bare `StatusCode`).
    Status(StatusCode),
}

impl FrameworkError {
    /// The framework error a status stands for, when no fault was rendered for it.
    #[must_use]
    pub fn from_status(status: StatusCode) -> Self {
        match status.as_u16() {
            400 | 422 => FrameworkError::BadRequest,
            404 => FrameworkError::NotFound,
            405 => FrameworkError::MethodNotAllowed,
            406 => FrameworkError::NotAcceptable,
            408 => FrameworkError::Timeout,
            413 => FrameworkError::PayloadTooLarge,
            415 => FrameworkError::UnsupportedMediaType,
            500 => FrameworkError::Internal,
            _ => FrameworkError::Status(status),
        }
    }

    /// The HTTP status this error stands for, before a family changes it (S3 answers a too
    /// large body with 400 `EntityTooLarge`).
    #[must_use]
    pub fn status(self) -> StatusCode {
        match self {
            FrameworkError::NotFound => StatusCode::NOT_FOUND,
            FrameworkError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            FrameworkError::BadRequest
            | FrameworkError::MissingAction
            | FrameworkError::InvalidAction => StatusCode::BAD_REQUEST,
            FrameworkError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            FrameworkError::NotAcceptable => StatusCode::NOT_ACCEPTABLE,
            FrameworkError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            FrameworkError::Timeout => StatusCode::REQUEST_TIMEOUT,
            FrameworkError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            FrameworkError::Status(status) => status,
        }
    }

    /// The standard fault of `format`'s family for this error, for the request `cx`
    /// describes (S3's `MethodNotAllowed` names the method, Placement's 405 detail too). Its
    /// format and dialect are set, so it renders as the family's own.
    #[must_use]
    pub fn fault(self, format: Format, dialect: Dialect, cx: &Context<'_>) -> Fault<'static> {
        let fault = match format {
            Format::AwsQuery
            | Format::Heat
            | Format::Ec2Query
            | Format::AwsJson10
            | Format::AwsJson11
            | Format::AwsRestJson
            | Format::AwsRestXml
            | Format::AwsRestXmlUnwrapped
            | Format::S3 => aws::for_error(format, self, cx),
            Format::OpenStack | Format::LoadBalancer | Format::Keystone | Format::Neutron => {
                openstack::for_error(format, dialect, self)
            }
            Format::ApiWg | Format::Placement => openstack::api_wg(self, cx),
            Format::Problem => problem(self),
        };
        fault.with_format(format).with_dialect(dialect)
    }
}

/// RFC 9457's generic answer: `about:blank` (the fault has no `problem_type`), the status's
/// reason phrase as the title, and no `detail`.
fn problem(error: FrameworkError) -> Fault<'static> {
    let status = error.status();
    Fault::new(status, status.canonical_reason().unwrap_or("Unknown Error")).with_message("")
}

/// A fault of `status` (a valid code, from the tables), titled `title`, with `message`.
fn fault(status: u16, title: &'static str, message: &'static str) -> Fault<'static> {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    Fault::new(status, title).with_message(message)
}

/// `title` as a `'static` string, when it is the title of a framework fault that is sent as
/// the reason phrase (Heat's).
#[cfg(feature = "actix")]
pub(crate) fn static_title(title: &str) -> Option<&'static str> {
    aws::HEAT_TITLES
        .iter()
        .copied()
        .find(|known| *known == title)
}

/// The one media type a family's model server answers in and checks a request's `Accept`
/// against, answering 406 when it admits none: the smithy-rs server for the AWS JSON and REST
/// protocols, Placement (`util.check_accept`) for API-WG. The others send their default
/// encoding whatever the `Accept`, as their real services do (S3, the query protocols, nova's
/// and cinder's `best_match_content_type`, Keystone, Neutron, problem details).
pub(crate) fn checked_media_type(format: Format) -> Option<(&'static str, &'static str)> {
    match format {
        Format::AwsJson10 => Some(("application", "x-amz-json-1.0")),
        Format::AwsJson11 => Some(("application", "x-amz-json-1.1")),
        Format::AwsRestJson | Format::ApiWg | Format::Placement => Some(("application", "json")),
        Format::AwsRestXml | Format::AwsRestXmlUnwrapped => Some(("application", "xml")),
        Format::AwsQuery
        | Format::Heat
        | Format::Ec2Query
        | Format::S3
        | Format::OpenStack
        | Format::LoadBalancer
        | Format::Keystone
        | Format::Neutron
        | Format::Problem => None,
    }
}

/// The method of the request, for the messages that name it.
pub(crate) fn method<'c>(cx: &'c Context<'_>) -> &'c str {
    cx.method.as_ref().map_or("GET", http::Method::as_str)
}

/// WebOb's explanation of a status, which nova, cinder, neutron and Placement send as the
/// message of a fault raised without one. 405, 406 and 415 have none of their own and inherit
/// 400's; a 5xx without one inherits 500's.
pub(crate) fn webob_explanation(status: StatusCode) -> &'static str {
    let inherited = if status.is_server_error() { 500 } else { 400 };
    crate::wire::apiwg::webob_explanation(status.as_u16())
        .or_else(|| crate::wire::apiwg::webob_explanation(inherited))
        .unwrap_or_default()
}

/// WebOb's title of a status (its reason phrase as WebOb spells it, which Placement sends:
/// `Request Entity Too Large` where RFC 9110 now says `Content Too Large`).
pub(crate) fn webob_title(status: StatusCode) -> Option<&'static str> {
    match status.as_u16() {
        413 => Some("Request Entity Too Large"),
        414 => Some("Request-URI Too Long"),
        416 => Some("Request Range Not Satisfiable"),
        422 => Some("Unprocessable Entity"),
        _ => status.canonical_reason(),
    }
}

/// A status's reason phrase as one word (`Not Acceptable` → `NotAcceptable`): the code an
/// AWS family gives a status it has no code of its own for.
pub(crate) fn status_code_word(status: StatusCode) -> String {
    status
        .canonical_reason()
        .unwrap_or("Unknown")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .collect()
}
