//! Serving faults: the request's [`Context`] reaches the response of an error that a handler
//! returns, with no code per handler (feature `server`, which `axum` and `actix` turn on).
//!
//! A framework's error-to-response hook (axum's `IntoResponse`, actix-web's
//! `ResponseError`) sees only the error, not the request. So one layer per application
//! ([`axum::FaultLayer`], [`actix::FaultMiddleware`]) reads each request into a `Context`
//! ([`ContextReader`](crate::ContextReader)) and runs the handler inside a tokio task-local
//! [`scope`] holding it. The impls the derive emits call [`respond`], which renders the
//! error in its type's format for the context in scope: the format negotiated from
//! `Accept`, the request id, the microversion. Outside any scope (no layer) the response is
//! still correct: the default context with a freshly generated request id.
//!
//! The layer also puts the `Context<'static>` into the request's extensions, so a handler can
//! read the request id for its successful responses.
//!
//! With the `tracing` feature, [`respond`] logs each fault: a 5xx at error level with the
//! request id and the error chain (the fault's internal error and its `source()`s, which the
//! client never sees), a 4xx at debug level.
//!
//! Any other server on tokio (hyper, tower) uses the same two calls:
//!
//! ```
//! use fault_core::integrations::{current_context, respond, scope};
//! use fault_core::{ApiFault, Context};
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
//!     assert_eq!(cx.request_id(), Some("req-1"));
//!     Err(VolumeError::ItemNotFound("vol-9".into()))
//! }
//!
//! let request = fault_core::http::Request::get("/v3/p/volumes/vol-9")
//!     .header("accept", "application/xml")
//!     .header("x-openstack-request-id", "req-1")
//!     .body(())
//!     .unwrap();
//! let cx = Context::from_request(&request);
//! let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
//! let response = runtime.block_on(scope(cx, async {
//!     match handler().await {
//!         Ok(_) => unreachable!(),
//!         Err(err) => respond(&err),
//!     }
//! }));
//! assert_eq!(response.status().as_u16(), 404);
//! assert_eq!(response.headers()["x-openstack-request-id"], "req-1");
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
