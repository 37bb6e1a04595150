//! Serving faults: one layer per application, configured with the service's
//! [`ServiceProfile`], answers every response of the service in its family's dialect
//! (feature `server`, which `axum` and `actix` turn on).
//!
//! The layer ([`axum::FaultLayer`], [`actix::FaultMiddleware`]):
//!
//! - reads each request into a [`Context`] as the profile says (a fresh request id in the
//!   family's form, the `Accept`, the microversion, S3's host id, a W3C `traceparent`) and
//!   runs the handler inside a tokio task-local [`scope`] holding it, so that the error a
//!   handler returns renders with it: the impls the derive emits call [`respond`];
//! - puts the `Context<'static>` into the request's extensions, for handlers;
//! - adds the family's request-id headers to every response, success included
//!   (`x-amzn-RequestId`; `x-amz-request-id` and `x-amz-id-2`; `x-openstack-request-id` and
//!   for nova `x-compute-request-id`), the same id a fault carries in its body;
//! - answers every error response that no fault rendered (a router's 404 and 405, an
//!   extractor's rejection, a body too large, a handler's bare `StatusCode`) with the
//!   family's standard fault for it ([`FrameworkError`]), or the
//!   service's own ([`ServiceProfile::with_framework_faults`]); a response a handler marks
//!   [`Verbatim`] is sent as it is;
//! - answers a request whose `Accept` admits none of the family's media types with the
//!   family's 406, before the handler runs, where its model server does
//!   ([`ServiceProfile::with_accept_checked`]);
//! - answers a handler's panic with the family's 500, logging the panic at error level (with
//!   `tracing`), never sending it; and, with [`ServiceProfile::with_timeout`], a handler that
//!   takes too long with the family's timeout fault;
//! - with the `tracing` feature, runs each request in a span holding its request id, the
//!   global request id an OpenStack caller sent and the caller's trace, and logs each fault:
//!   a 5xx at error level with the internal error chain, a 4xx at debug level.
//!
//! **Layer order.** Settings cannot be lost by the order of layers: a second `FaultLayer`
//! (an app's and a nested router's) keeps the request id the outer one made and adds its
//! settings to the outer's, and a middleware outside the layer that puts a `Context` into the
//! request's extensions keeps what it set. What the layer cannot see is a response made
//! outside it: put it outermost among the layers that answer requests themselves (tower-http's
//! `TimeoutLayer` or `CatchPanicLayer` outside it answer in their own shape; the profile's
//! timeout and the layer's own panic handling take their place).
//!
//! Any other server on tokio (hyper, tower) uses [`scope`] and [`respond`]:
//!
//! ```
//! use fault_core::integrations::{current_context, respond, scope};
//! use fault_core::{ApiFault, Format, ServiceProfile};
//!
//! #[derive(Debug, ApiFault)]
//! #[fault(format = "openstack", rename_all = "camelCase")]
//! enum VolumeError {
//!     #[fault(code = 404, message = "Volume {0} could not be found.")]
//!     ItemNotFound(String),
//! }
//!
//! async fn handler() -> Result<&'static str, VolumeError> {
//!     let cx = current_context().expect("inside the scope");
//!     assert!(cx.request_id().unwrap().starts_with("req-"));
//!     Err(VolumeError::ItemNotFound("vol-9".into()))
//! }
//!
//! let request = fault_core::http::Request::get("/v3/p/volumes/vol-9")
//!     .header("accept", "application/xml")
//!     .body(())
//!     .unwrap();
//! let cx = ServiceProfile::new(Format::OpenStack).read(&request);
//! let id = cx.request_id().unwrap().to_owned();
//! let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
//! let response = runtime.block_on(scope(cx, async {
//!     match handler().await {
//!         Ok(_) => unreachable!(),
//!         Err(err) => respond(&err),
//!     }
//! }));
//! assert_eq!(response.status().as_u16(), 404);
//! assert_eq!(response.headers()["x-openstack-request-id"], id.as_str());
//! assert_eq!(
//!     response.body().as_ref(),
//!     b"<itemNotFound code=\"404\"><message>Volume vol-9 could not be found.</message></itemNotFound>"
//! );
//! ```

#[cfg(feature = "actix")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
mod guard;
#[cfg(feature = "tracing")]
mod trace;

use crate::{ApiFault, Context, FrameworkError, ServiceProfile, new_request_id};
use bytes::Bytes;
use http::{Extensions, HeaderMap, Response, StatusCode};
use std::future::Future;
use std::sync::Arc;
use tokio::task::futures::TaskLocalFuture;

pub(crate) use guard::{Outcome, guard};

tokio::task_local! {
    /// The context of the request being served, set by [`scope`].
    pub(crate) static CONTEXT: Arc<Context<'static>>;
}

/// Runs `future` with `cx` as the context of the request it serves: [`respond`] and
/// [`current_context`] inside it see `cx`.
pub fn scope<F: Future>(cx: Context<'static>, future: F) -> Scope<F> {
    CONTEXT.scope(Arc::new(cx), future)
}

/// The future [`scope`] returns: `F` with the request's context in scope while it runs.
pub type Scope<F> = TaskLocalFuture<Arc<Context<'static>>, F>;

/// Runs `f` (a service's synchronous `call`) and wraps the future it returns, both with `cx`
/// in scope: frameworks may run handler code in either.
pub(crate) fn call_in_scope<F: Future>(
    cx: &Arc<Context<'static>>,
    f: impl FnOnce() -> F,
) -> Scope<F> {
    let future = CONTEXT.sync_scope(Arc::clone(cx), f);
    CONTEXT.scope(Arc::clone(cx), future)
}

/// The context of the request being served, if inside a [`scope`].
#[must_use]
pub fn current_context() -> Option<Context<'static>> {
    CONTEXT.try_with(|cx| Context::clone(cx)).ok()
}

/// Marks a response this crate rendered, which the layers send as it is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rendered;

/// Put in a response's extensions by a handler, sends an error response as it is: the layers
/// answer every other 4xx or 5xx response that no fault rendered with the profile's fault for
/// its status ([`FrameworkError::from_status`]). The request-id headers are still added.
///
/// ```
/// use fault_core::integrations::Verbatim;
///
/// let mut response = fault_core::http::Response::new(());
/// *response.status_mut() = fault_core::http::StatusCode::NOT_FOUND;
/// response.extensions_mut().insert(Verbatim);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Verbatim;

/// The response for `err` in its type's format (for a type without one, the profile's), for
/// the request in [`scope`] (or, outside any, for a default context with a fresh request id),
/// logged with the `tracing` feature. What the axum and actix-web impls the derive emits call.
#[must_use]
pub fn respond(err: &(dyn ApiFault + '_)) -> Response<Bytes> {
    let render = |cx: &Context<'_>| {
        let mut response = err.response(cx);
        response.extensions_mut().insert(Rendered);
        #[cfg(feature = "tracing")]
        trace::record(&err.fault(), err, cx);
        response
    };
    CONTEXT
        .try_with(|cx| render(cx))
        .unwrap_or_else(|_| render(&Context::new().with_request_id(new_request_id())))
}

/// The context a layer serves a request with: the one a layer or middleware outside it put in
/// the request's extensions, with this profile's settings added (its request id kept, so a
/// request has one id however many layers it passes), else the profile's reading of it.
pub(crate) fn context_for(
    profile: &ServiceProfile,
    outer: Option<&Context<'static>>,
    read: impl FnOnce() -> Context<'static>,
) -> Context<'static> {
    match outer {
        Some(outer) => profile.apply(outer.clone()),
        None => read(),
    }
}

/// The profile's fault for `error`, rendered for `cx` in its own format (the profile's for a
/// fault of a service's own that names none), marked as rendered and logged.
pub(crate) fn framework_response(
    profile: &ServiceProfile,
    cx: &Context<'_>,
    error: FrameworkError,
) -> Response<Bytes> {
    let fault = profile.framework_fault(error, cx);
    let mut response = fault.render(fault.format().unwrap_or(profile.format()), cx);
    response.extensions_mut().insert(Rendered);
    #[cfg(feature = "tracing")]
    trace::record(&fault, &fault, cx);
    response
}

/// What a layer sends for a response a handler or the framework gave: `None` to send it as
/// it is (after [`add_ids`]), or the fault that replaces an error response no fault rendered
/// (`marked` says whether one did, or the handler asked for it to be sent [`Verbatim`]), for
/// the framework error `known` where the framework says which, else for its status. The
/// replacement keeps the original's `Allow`, which a 405 must carry.
pub(crate) fn replacement(
    profile: &ServiceProfile,
    cx: &Context<'_>,
    status: StatusCode,
    allow: Option<&[u8]>,
    marked: bool,
    known: Option<FrameworkError>,
) -> Option<Response<Bytes>> {
    if marked || !(status.is_client_error() || status.is_server_error()) {
        return None;
    }
    let error = known.unwrap_or_else(|| FrameworkError::from_status(status));
    let mut response = framework_response(profile, cx, error);
    if let Some(allow) = allow.and_then(|allow| http::HeaderValue::from_bytes(allow).ok()) {
        response
            .headers_mut()
            .entry(http::header::ALLOW)
            .or_insert(allow);
    }
    Some(response)
}

/// Whether a response's extensions say it is sent as it is: a fault rendered it, or the
/// handler marked it [`Verbatim`].
pub(crate) fn is_marked(extensions: &Extensions) -> bool {
    extensions.get::<Rendered>().is_some() || extensions.get::<Verbatim>().is_some()
}

/// Adds the profile's request-id headers (and S3's host id) to a response that lacks them.
pub(crate) fn add_ids(profile: &ServiceProfile, cx: &Context<'_>, headers: &mut HeaderMap) {
    crate::wire::add_id_headers(profile.format(), profile.dialect(), cx, headers);
}

/// The response for a handler that panicked: the panic logged at error level (with the
/// `tracing` feature), never sent; the family's internal-error fault sent.
pub(crate) fn panic_response(
    profile: &ServiceProfile,
    cx: &Context<'_>,
    payload: &(dyn std::any::Any + Send),
) -> Response<Bytes> {
    #[cfg(feature = "tracing")]
    trace::record_panic(payload, cx);
    #[cfg(not(feature = "tracing"))]
    let _ = payload;
    framework_response(profile, cx, FrameworkError::Internal)
}

/// The request's span, with its request id, global request id and W3C trace context.
#[cfg(feature = "tracing")]
pub(crate) fn span(cx: &Context<'_>) -> tracing::Span {
    trace::span(cx)
}
