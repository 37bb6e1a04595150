//! Reading a request into a [`Context`]: what servers and their integrations share.

use crate::context::{is_valid_request_id, new_request_id};
use crate::{Context, Microversion};
use std::borrow::Cow;

/// The request-id headers a [`Context`] is read from, in order: OpenStack's, then AWS's.
pub const REQUEST_ID_HEADERS: [&str; 2] = ["x-openstack-request-id", "x-amzn-requestid"];

/// How a server reads each request into a [`Context`]: the `Accept` header, the request id
/// (from [`REQUEST_ID_HEADERS`], or a fresh [`new_request_id`] when absent or unsafe), the
/// `OpenStack-API-Version` microversion, the method and the path (RFC 9457's `instance`).
///
/// The framework integrations (axum's `FaultLayer`, actix-web's `FaultMiddleware`) hold one;
/// other servers call [`read`](ContextReader::read) themselves.
///
/// ```
/// use fault_core::{ContextReader, Microversion};
/// use fault_core::http::Request;
///
/// let request = Request::get("/resource_providers/42")
///     .header("accept", "application/xml")
///     .header("x-openstack-request-id", "req-abc")
///     .header("openstack-api-version", "compute 2.1, placement 1.23")
///     .body(())
///     .unwrap();
/// let cx = ContextReader::new().with_service_type("placement").read(&request);
/// assert_eq!(cx.request_id(), Some("req-abc"));
/// assert_eq!(cx.accept(), Some("application/xml"));
/// assert_eq!(cx.microversion(), Some(Microversion::new(1, 23)));
///
/// // Without an id in the request, a fresh one; without a service type, the first version.
/// let cx = ContextReader::new().read(&Request::get("/").header("openstack-api-version", "compute 2.1").body(()).unwrap());
/// assert!(cx.request_id().unwrap().starts_with("req-"));
/// assert_eq!(cx.microversion(), Some(Microversion::new(2, 1)));
/// ```
#[derive(Clone, Debug, Default)]
pub struct ContextReader {
    service_type: Option<Cow<'static, str>>,
}

impl ContextReader {
    /// A reader that takes the first version of `OpenStack-API-Version`.
    #[must_use]
    pub fn new() -> Self {
        ContextReader::default()
    }

    /// Takes the microversion of this service type (`placement`, `compute`, `volume`) from
    /// `OpenStack-API-Version`, which may name several.
    #[must_use]
    pub fn with_service_type(mut self, service_type: impl Into<Cow<'static, str>>) -> Self {
        self.service_type = Some(service_type.into());
        self
    }

    /// The service type given, if any.
    #[must_use]
    pub fn service_type(&self) -> Option<&str> {
        self.service_type.as_deref()
    }

    /// The context of an `http` request.
    #[must_use]
    pub fn read<B>(&self, request: &http::Request<B>) -> Context<'static> {
        let headers = request.headers();
        self.read_with(request.method().as_str(), request.uri().path(), |name| {
            let mut values = headers.get_all(name).iter().filter_map(|v| v.to_str().ok());
            let first = values.next()?;
            // Several `Accept` headers are one list (RFC 9110 §5.3).
            Some(values.fold(Cow::Borrowed(first), |all, next| {
                Cow::Owned(format!("{all}, {next}"))
            }))
        })
    }

    /// The context of a request from a framework with its own header types (actix-web's):
    /// `method`, `path`, and `header(name)` giving a header's value (names are lowercase).
    #[must_use]
    pub fn read_with<'h>(
        &self,
        method: &str,
        path: &str,
        header: impl Fn(&str) -> Option<Cow<'h, str>>,
    ) -> Context<'static> {
        let request_id = REQUEST_ID_HEADERS
            .iter()
            .filter_map(|name| header(name))
            .find(|id| is_valid_request_id(id))
            .map_or_else(new_request_id, Cow::into_owned);
        let mut cx = Context::new().with_request_id(request_id);
        if let Some(accept) = header("accept") {
            cx = cx.with_accept(accept.into_owned());
        }
        if let Some(version) =
            header("openstack-api-version").and_then(|value| self.microversion(&value))
        {
            cx = cx.with_microversion(version);
        }
        if let Ok(method) = http::Method::from_bytes(method.as_bytes()) {
            cx = cx.with_method(method);
        }
        if !path.is_empty() {
            cx = cx.with_instance(path.to_owned());
        }
        cx
    }

    /// The version for the service type, else the first entry's.
    fn microversion(&self, value: &str) -> Option<Microversion> {
        match &self.service_type {
            Some(service) => Microversion::parse_header(value, service),
            None => {
                let first = value.split(',').next()?;
                let (_, version) = first.trim().split_once(char::is_whitespace)?;
                Microversion::parse(version)
            }
        }
    }
}

impl Context<'static> {
    /// The context of an `http` request, as [`ContextReader::new`] reads it.
    ///
    /// ```
    /// use fault_core::Context;
    /// use fault_core::http::Request;
    ///
    /// let request = Request::get("/v3/p/volumes").header("x-amzn-RequestId", "r-1").body(()).unwrap();
    /// assert_eq!(Context::from_request(&request).request_id(), Some("r-1"));
    /// ```
    #[must_use]
    pub fn from_request<B>(request: &http::Request<B>) -> Self {
        ContextReader::new().read(request)
    }
}
