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
#[cfg(feature = "tracing")]
mod trace;

use crate::{ApiFault, Context, new_request_id};
use bytes::Bytes;
use http::Response;
use std::future::Future;
use std::sync::Arc;
use tokio::task::futures::TaskLocalFuture;

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
pub(crate) fn call_in_scope<F: Future>(cx: Context<'static>, f: impl FnOnce() -> F) -> Scope<F> {
    let cx = Arc::new(cx);
    let future = CONTEXT.sync_scope(Arc::clone(&cx), f);
    CONTEXT.scope(cx, future)
}

/// The context of the request being served, if inside a [`scope`].
#[must_use]
pub fn current_context() -> Option<Context<'static>> {
    CONTEXT.try_with(|cx| Context::clone(cx)).ok()
}

/// The response for `err` in its type's format, for the request in [`scope`] (or, outside
/// any, for a default context with a fresh request id), logged with the `tracing` feature.
/// What the axum and actix-web impls the derive emits call.
#[must_use]
pub fn respond(err: &(dyn ApiFault + '_)) -> Response<Bytes> {
    let render = |cx: &Context<'_>| {
        let response = err.response(cx);
        #[cfg(feature = "tracing")]
        trace::record(err, cx);
        response
    };
    CONTEXT
        .try_with(|cx| render(cx))
        .unwrap_or_else(|_| render(&Context::new().with_request_id(new_request_id())))
}
