//! axum 0.8 (feature `axum`): every derived type implements `IntoResponse`, and one
//! [`FaultLayer`] per router gives each error the request's context.
//!
//! A handler returns `Result<_, YourError>`; the error goes out in its type's format, with
//! the encoding negotiated from the request's `Accept`, the request id from
//! `x-openstack-request-id` or `x-amzn-RequestId` (a fresh one when absent), and the
//! `OpenStack-API-Version` microversion. A reason phrase a format sets (Heat's
//! `400 InvalidAction`) becomes hyper's `ext::ReasonPhrase`, which hyper writes on HTTP/1.
//!
//! ```
//! use axum::{Router, routing::get, extract::Path};
//! use fault_core::ApiFault;
//! use fault_core::integrations::axum::FaultLayer;
//! use tower::ServiceExt as _;
//!
//! #[derive(Debug, ApiFault)]
//! #[fault(format = "openstack", rename_all = "camelCase")]
//! enum VolumeError {
//!     #[fault(code = 404, message = "Volume {0} could not be found.")]
//!     ItemNotFound(String),
//! }
//!
//! async fn show(Path((_project, id)): Path<(String, String)>) -> Result<String, VolumeError> {
//!     Err(VolumeError::ItemNotFound(id))
//! }
//!
//! let app = Router::new()
//!     .route("/v3/{project}/volumes/{id}", get(show))
//!     .layer(FaultLayer::new());
//!
//! let request = axum::http::Request::get("/v3/demo/volumes/vol-9")
//!     .header("accept", "application/xml")
//!     .header("x-openstack-request-id", "req-1")
//!     .body(axum::body::Body::empty())
//!     .unwrap();
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let response = app.oneshot(request).await.unwrap();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-type"], "application/xml; charset=UTF-8");
//! assert_eq!(response.headers()["x-openstack-request-id"], "req-1");
//! let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
//! assert_eq!(
//!     &body[..],
//!     b"<itemNotFound code=\"404\"><message>Volume vol-9 could not be found.</message></itemNotFound>"
//! );
//! # });
//! ```
//!
//! Without the layer the same handler still answers correctly, with the default context: the
//! type's default encoding and a freshly generated request id.

use super::{Scope, call_in_scope};
use crate::{ContextReader, ReasonPhrase};
use axum_core::body::Body;
use bytes::Bytes;
use http::Response;
use std::borrow::Cow;
use std::task::{Context as TaskContext, Poll};

/// The tower layer that reads each request into a [`Context`](crate::Context) for the errors
/// its handlers return (see the [module docs](self)). Also inserts the `Context<'static>`
/// into the request's extensions, for handlers (`Extension<Context<'static>>`).
#[derive(Clone, Debug, Default)]
pub struct FaultLayer {
    reader: ContextReader,
}

impl FaultLayer {
    /// A layer with the default [`ContextReader`].
    #[must_use]
    pub fn new() -> Self {
        FaultLayer::default()
    }

    /// Reads the microversion of this service type from `OpenStack-API-Version`.
    #[must_use]
    pub fn with_service_type(mut self, service_type: impl Into<Cow<'static, str>>) -> Self {
        self.reader = self.reader.with_service_type(service_type);
        self
    }
}

impl<S> tower_layer::Layer<S> for FaultLayer {
    type Service = FaultService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        FaultService {
            inner,
            reader: self.reader.clone(),
        }
    }
}

/// The service [`FaultLayer`] wraps around each route.
#[derive(Clone, Debug)]
pub struct FaultService<S> {
    inner: S,
    reader: ContextReader,
}

impl<S, B> tower_service::Service<http::Request<B>> for FaultService<S>
where
    S: tower_service::Service<http::Request<B>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Scope<S::Future>;

    fn poll_ready(&mut self, cx: &mut TaskContext<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<B>) -> Self::Future {
        let cx = self.reader.read(&request);
        request.extensions_mut().insert(cx.clone());
        call_in_scope(cx, || self.inner.call(request))
    }
}

/// An axum response from a rendered one, its reason phrase handed to hyper.
pub(crate) fn into_axum(response: Response<Bytes>) -> axum_core::response::Response {
    let (mut parts, body) = response.into_parts();
    let reason = parts
        .extensions
        .get::<ReasonPhrase>()
        .and_then(|reason| hyper::ext::ReasonPhrase::try_from(reason.as_str().as_bytes()).ok());
    if let Some(reason) = reason {
        parts.extensions.insert(reason);
    }
    Response::from_parts(parts, Body::from(body))
}
