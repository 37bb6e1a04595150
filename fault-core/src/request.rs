//! Reading a request into a [`Context`], as a [`ServiceProfile`] says: what servers and their
//! integrations share.

use crate::context::{TraceParent, is_valid_request_id};
use crate::framework::FrameworkError;
use crate::ids::{self, IdStyle};
use crate::{Context, Dialect, Fault, Format, Microversion};
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// The request-id headers a request's id is read from (only under
/// [`RequestIdPolicy::Echo`]), in order: OpenStack's, then AWS's.
pub const REQUEST_ID_HEADERS: [&str; 2] = ["x-openstack-request-id", "x-amzn-requestid"];

/// Whose request id a response carries.
///
/// Real services answer with an id of their own: AWS never adopts one a client sends, and
/// OpenStack's request-id middleware (oslo.middleware) always makes a fresh `req-<uuid>`,
/// keeping a valid inbound `X-OpenStack-Request-ID` as the *global* request id, which it logs
/// ([`Context::global_request_id`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestIdPolicy {
    /// A fresh id for every request, in the family's form (the default).
    #[default]
    Fresh,
    /// The id the request carries in one of [`REQUEST_ID_HEADERS`], when it is a safe header
    /// value ([`is_valid_request_id`](crate::is_valid_request_id)); else a fresh one. For a
    /// service behind a gateway that assigns the ids.
    Echo,
}

/// Makes S3's host id for each request.
type HostIdFn = dyn Fn() -> String + Send + Sync;

/// Chooses a service's own fault for a framework error, or `None` for the built-in one.
type FrameworkFaultFn =
    dyn Fn(FrameworkError, &Context<'_>) -> Option<Fault<'static>> + Send + Sync;

/// Everything a service's errors need, configured once: the format and dialect of what the
/// layer renders itself (framework errors, panics) and of the request ids on every response,
/// the namespace, query compatibility, S3's host id, the request-id policy, whether internal
/// detail is shown, the microversion's service type, and a timeout.
///
/// The framework integrations take one (`FaultLayer::new(profile)` for axum and tower,
/// `FaultMiddleware::new(profile)` for actix-web); other servers call
/// [`read`](ServiceProfile::read) for each request and render with the context it gives.
///
/// ```
/// use fault_core::{Format, RequestIdPolicy, ServiceProfile};
/// use fault_core::http::Request;
///
/// let profile = ServiceProfile::new(Format::S3).with_host_id(|| "host-1".to_owned());
/// let request = Request::get("/photos/cat.jpg").header("x-amzn-requestid", "client-id").body(()).unwrap();
/// let cx = profile.read(&request);
/// // S3's own form of id, never the client's.
/// let id = cx.request_id().unwrap();
/// assert!(id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()));
/// assert_eq!(cx.host_id(), Some("host-1"));
///
/// // Behind a gateway that assigns ids, echo them.
/// let cx = profile.with_request_ids(RequestIdPolicy::Echo).read(&request);
/// assert_eq!(cx.request_id(), Some("client-id"));
/// ```
#[derive(Clone)]
pub struct ServiceProfile {
    format: Format,
    dialect: Option<Dialect>,
    namespace: Option<Cow<'static, str>>,
    query_compatible: bool,
    host_id: Option<Arc<HostIdFn>>,
    request_ids: RequestIdPolicy,
    expose_internal: bool,
    service_type: Option<Cow<'static, str>>,
    auth_uri: Option<Cow<'static, str>>,
    timeout: Option<Duration>,
    framework_faults: Option<Arc<FrameworkFaultFn>>,
    accept_checked: bool,
}

impl Default for ServiceProfile {
    /// [`ServiceProfile::new`] of RFC 9457 problem details.
    fn default() -> Self {
        ServiceProfile::new(Format::Problem)
    }
}

impl fmt::Debug for ServiceProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceProfile")
            .field("format", &self.format)
            .field("dialect", &self.dialect)
            .field("namespace", &self.namespace)
            .field("query_compatible", &self.query_compatible)
            .field("host_id", &self.host_id.as_ref().map(|_| ".."))
            .field("request_ids", &self.request_ids)
            .field("expose_internal", &self.expose_internal)
            .field("service_type", &self.service_type)
            .field("auth_uri", &self.auth_uri)
            .field("timeout", &self.timeout)
            .field("accept_checked", &self.accept_checked)
            .field(
                "framework_faults",
                &self.framework_faults.as_ref().map(|_| ".."),
            )
            .finish()
    }
}

impl ServiceProfile {
    /// A service whose own faults, framework errors and request ids are `format`'s: fresh
    /// request ids in its family's form, and for [`Format::S3`] a fresh host id per request.
    /// A derived type with a `format` of its own keeps it; one without takes this one.
    #[must_use]
    pub fn new(format: Format) -> Self {
        ServiceProfile {
            format,
            dialect: None,
            namespace: None,
            query_compatible: false,
            host_id: None,
            request_ids: RequestIdPolicy::Fresh,
            expose_internal: false,
            service_type: None,
            auth_uri: None,
            timeout: None,
            framework_faults: None,
            accept_checked: true,
        }
    }

    /// The OpenStack dialect of what the layer renders itself and of its request-id headers
    /// (a derived type keeps its own `dialect`).
    #[must_use]
    pub fn with_dialect(mut self, dialect: Dialect) -> Self {
        self.dialect = Some(dialect);
        self
    }

    /// The namespace of every response: the XML namespace of XML formats, the shape namespace
    /// of `AwsJson10`'s `__type`, and the base of RFC 9457's `type` (the base and the title)
    /// for a fault without a `problem_type` of its own.
    #[must_use]
    pub fn with_namespace(mut self, namespace: impl Into<Cow<'static, str>>) -> Self {
        self.namespace = Some(namespace.into());
        self
    }

    /// An AWS JSON service that is query-compatible (SQS): every fault also sends
    /// `x-amzn-query-error: Code;Type`.
    #[must_use]
    pub fn with_query_compatible(mut self, query_compatible: bool) -> Self {
        self.query_compatible = query_compatible;
        self
    }

    /// Makes S3's host id (`x-amz-id-2`, `<HostId>`) for each request, in place of the random
    /// one an S3 profile makes.
    #[must_use]
    pub fn with_host_id(mut self, make: impl Fn() -> String + Send + Sync + 'static) -> Self {
        self.host_id = Some(Arc::new(make));
        self
    }

    /// Whose request id each response carries (fresh by default).
    #[must_use]
    pub fn with_request_ids(mut self, policy: RequestIdPolicy) -> Self {
        self.request_ids = policy;
        self
    }

    /// Sends the internal `Display` of every fault, 5xx included, as its message: for a
    /// development server only, never in production. A panic's message is never sent.
    #[must_use]
    pub fn with_internal_detail_exposed(mut self, expose: bool) -> Self {
        self.expose_internal = expose;
        self
    }

    /// Reads the microversion of this service type (`placement`, `compute`, `volume`) from
    /// `OpenStack-API-Version`, which may name several; without one, the first entry's.
    #[must_use]
    pub fn with_service_type(mut self, service_type: impl Into<Cow<'static, str>>) -> Self {
        self.service_type = Some(service_type.into());
        self
    }

    /// Keystone's identity endpoint, sent as `WWW-Authenticate: Keystone uri="..."` on 401.
    #[must_use]
    pub fn with_auth_uri(mut self, auth_uri: impl Into<Cow<'static, str>>) -> Self {
        self.auth_uri = Some(auth_uri.into());
        self
    }

    /// Answers a request whose handler takes longer than `timeout` with the family's timeout
    /// fault ([`FrameworkError::Timeout`]), dropping the handler's future.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Whether the layer answers a request whose `Accept` admits nothing the service sends
    /// with the family's 406 ([`FrameworkError::NotAcceptable`]), before its handler runs. By
    /// default it does where the family's model server does: the AWS JSON and REST protocols
    /// (as the smithy-rs server checks for their one media type) and API-WG and Placement (as
    /// Placement's `check_accept` does for `application/json`); the others send their default
    /// encoding whatever the `Accept`, as S3, the query protocols, nova and cinder do, and
    /// `true` does not make them check. `false` turns the check off, for a service that mixes
    /// families or negotiates by itself.
    ///
    /// ```
    /// use fault_core::{Format, ServiceProfile};
    ///
    /// let placement = ServiceProfile::new(Format::Placement);
    /// assert!(placement.refuses_accept(Some("text/html")));
    /// assert!(!placement.refuses_accept(Some("text/html, */*;q=0.1")));
    /// assert!(!placement.with_accept_checked(false).refuses_accept(Some("text/html")));
    /// assert!(!ServiceProfile::new(Format::S3).refuses_accept(Some("text/html")));
    /// ```
    #[must_use]
    pub fn with_accept_checked(mut self, checked: bool) -> Self {
        self.accept_checked = checked;
        self
    }

    /// Whether the layer answers a request with this `Accept` with a 406 (see
    /// [`with_accept_checked`](ServiceProfile::with_accept_checked)): the family checks it
    /// and it admits none of the family's media type's ranges (`*/*`, `application/*` or the
    /// type itself, with a `q` above 0). Several `Accept` headers are given as one list.
    #[must_use]
    pub fn refuses_accept(&self, accept: Option<&str>) -> bool {
        let Some((kind, subtype)) = crate::framework::checked_media_type(self.format) else {
            return false;
        };
        self.accept_checked && !crate::negotiate::admits(accept, kind, subtype)
    }

    /// The service's own fault for a framework error, in place of the built-in one: `choose`
    /// returns `Some(fault)` to take over, `None` to keep the built-in fault.
    ///
    /// ```
    /// use fault_core::{ApiFault, Context, Format, FrameworkError, ServiceProfile};
    ///
    /// #[derive(Debug, ApiFault)]
    /// #[fault(format = "s3")]
    /// enum S3Error {
    ///     #[fault(code = 404, message = "The specified key does not exist.")]
    ///     NoSuchKey,
    /// }
    ///
    /// let profile = ServiceProfile::new(Format::S3).with_framework_faults(|error, _cx| match error {
    ///     FrameworkError::NotFound => Some(S3Error::NoSuchKey.fault().into_owned()),
    ///     _ => None,
    /// });
    /// let cx = Context::new();
    /// assert_eq!(profile.framework_fault(FrameworkError::NotFound, &cx).title(), "NoSuchKey");
    /// assert_eq!(profile.framework_fault(FrameworkError::MethodNotAllowed, &cx).title(), "MethodNotAllowed");
    /// ```
    #[must_use]
    pub fn with_framework_faults(
        mut self,
        choose: impl Fn(FrameworkError, &Context<'_>) -> Option<Fault<'static>> + Send + Sync + 'static,
    ) -> Self {
        self.framework_faults = Some(Arc::new(choose));
        self
    }

    /// The format of what the layer renders itself.
    #[must_use]
    pub fn format(&self) -> Format {
        self.format
    }

    /// The dialect of what the layer renders itself.
    #[must_use]
    pub fn dialect(&self) -> Dialect {
        self.dialect.unwrap_or_default()
    }

    /// The timeout, if one is set.
    #[must_use]
    pub fn timeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// The service type given, if any.
    #[must_use]
    pub fn service_type(&self) -> Option<&str> {
        self.service_type.as_deref()
    }

    /// The fault this service sends for a framework error: its own (from
    /// [`with_framework_faults`](ServiceProfile::with_framework_faults)), else the built-in
    /// fault of its format's family, for the request `cx` describes (its method and path).
    #[must_use]
    pub fn framework_fault(&self, error: FrameworkError, cx: &Context<'_>) -> Fault<'static> {
        self.framework_faults
            .as_ref()
            .and_then(|choose| choose(error, cx))
            .unwrap_or_else(|| error.fault(self.format, self.dialect(), cx))
    }

    /// A fresh request id in the form of this profile's family: `req-<uuid>` for OpenStack's
    /// (and Heat's and problem details'), 16 uppercase hex digits for S3, a bare UUID for the
    /// other AWS formats.
    #[must_use]
    pub fn new_request_id(&self) -> String {
        ids::new_id(IdStyle::of(self.format, self.dialect()))
    }

    /// The context of an `http` request.
    #[must_use]
    pub fn read<B>(&self, request: &http::Request<B>) -> Context<'static> {
        let headers = request.headers();
        self.read_with(request.method().as_str(), request.uri().path(), |name| {
            let mut values = match known_header(name) {
                Some(known) => headers.get_all(known),
                None => headers.get_all(name),
            }
            .iter()
            .filter_map(|v| v.to_str().ok());
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
        let style = IdStyle::of(self.format, self.dialect());
        let inbound = || {
            REQUEST_ID_HEADERS
                .iter()
                .filter_map(|name| header(name))
                .find(|id| is_valid_request_id(id))
        };
        let mut cx = Context::new();
        match self.request_ids {
            RequestIdPolicy::Echo => {
                cx.request_id = Some(
                    inbound()
                        .map_or_else(|| ids::new_id(style), Cow::into_owned)
                        .into(),
                );
            }
            RequestIdPolicy::Fresh => {
                cx.request_id = Some(ids::new_id(style).into());
                // oslo.middleware keeps a well-formed inbound id as the global one.
                cx.global_request_id = header("x-openstack-request-id")
                    .filter(|id| ids::is_openstack_id(id))
                    .map(|id| id.into_owned().into());
            }
        }
        cx.trace_parent = header("traceparent").and_then(|value| TraceParent::parse(&value));
        if let Some(accept) = header("accept") {
            cx = cx.with_accept(accept.into_owned());
        }
        if let Some(content_type) = header("content-type") {
            cx = cx.with_content_type(content_type.into_owned());
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
        self.apply(cx)
    }

    /// `cx` with this profile's settings: what a nested layer adds to the context an outer
    /// one made, so that neither's settings are lost.
    #[must_use]
    pub(crate) fn apply(&self, mut cx: Context<'static>) -> Context<'static> {
        cx.format = Some(self.format);
        if let Some(namespace) = &self.namespace {
            cx.namespace = Some(namespace.clone());
        }
        cx.query_compatible |= self.query_compatible;
        cx.expose_internal |= self.expose_internal;
        if let Some(auth_uri) = &self.auth_uri {
            cx.auth_uri = Some(auth_uri.clone());
        }
        if cx.host_id.is_none() {
            cx.host_id = match &self.host_id {
                Some(make) => Some(make().into()),
                None if self.format == Format::S3 => Some(ids::new_host_id().into()),
                None => None,
            };
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

/// The names `read_with` asks for, as constants: looking a header up by a `&str` parses
/// and checks the name on every request.
fn known_header(name: &str) -> Option<&'static http::HeaderName> {
    use http::header::{ACCEPT, CONTENT_TYPE, HeaderName};
    static OPENSTACK_REQUEST_ID: HeaderName = HeaderName::from_static("x-openstack-request-id");
    static AMZN_REQUEST_ID: HeaderName = HeaderName::from_static("x-amzn-requestid");
    static TRACEPARENT: HeaderName = HeaderName::from_static("traceparent");
    static API_VERSION: HeaderName = HeaderName::from_static("openstack-api-version");
    Some(match name {
        "accept" => &ACCEPT,
        "content-type" => &CONTENT_TYPE,
        "x-openstack-request-id" => &OPENSTACK_REQUEST_ID,
        "x-amzn-requestid" => &AMZN_REQUEST_ID,
        "traceparent" => &TRACEPARENT,
        "openstack-api-version" => &API_VERSION,
        _ => return None,
    })
}

impl Context<'static> {
    /// The context of an `http` request, as the default [`ServiceProfile`] reads it (a fresh
    /// `req-<uuid>` request id).
    ///
    /// ```
    /// use fault_core::Context;
    /// use fault_core::http::Request;
    ///
    /// let request = Request::get("/v3/p/volumes").header("accept", "application/xml").body(()).unwrap();
    /// let cx = Context::from_request(&request);
    /// assert!(cx.request_id().unwrap().starts_with("req-"));
    /// assert_eq!(cx.accept(), Some("application/xml"));
    /// ```
    #[must_use]
    pub fn from_request<B>(request: &http::Request<B>) -> Self {
        ServiceProfile::default().read(request)
    }
}
