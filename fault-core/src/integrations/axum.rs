//! axum 0.8 (feature `axum`): every derived type implements `IntoResponse`, and one
//! [`FaultLayer`] per router, given the service's [`ServiceProfile`], answers every response
//! of the router in its family's dialect (see the [integrations](super) for all it does).
//!
//! A handler returns `Result<_, YourError>`; the error goes out in its type's format, with
//! the encoding negotiated from the request's `Accept`, the profile's fresh request id, and
//! the `OpenStack-API-Version` microversion. A reason phrase a format sets (Heat's
//! `400 InvalidAction`) becomes hyper's `ext::ReasonPhrase`, which hyper writes on HTTP/1.
//!
//! An S3-style service: the host id per request, request ids on a success, and S3's own
//! `MethodNotAllowed` for a method no route serves.
//!
//! ```
//! use axum::{Router, routing::get, extract::Path};
//! use fault_core::{ApiFault, Format, ServiceProfile};
//! use fault_core::integrations::axum::FaultLayer;
//! use tower::ServiceExt as _;
//!
//! #[derive(Debug, ApiFault)]
//! #[fault(format = "s3")]
//! enum S3Error {
//!     #[fault(code = 404, message = "The specified key does not exist.")]
//!     NoSuchKey {
//!         #[fault(member, rename = "Key")]
//!         key: String,
//!     },
//! }
//!
//! async fn get_object(Path((_bucket, key)): Path<(String, String)>) -> Result<String, S3Error> {
//!     if key == "cat.jpg" { Ok("meow".into()) } else { Err(S3Error::NoSuchKey { key }) }
//! }
//!
//! let profile = ServiceProfile::new(Format::S3).with_host_id(|| "host-1".to_owned());
//! let app = Router::new()
//!     .route("/{bucket}/{*key}", get(get_object))
//!     .layer(FaultLayer::new(profile));
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let get = |path: &str| axum::http::Request::get(path).body(axum::body::Body::empty()).unwrap();
//! // A success carries S3's request id and host id.
//! let ok = app.clone().oneshot(get("/photos/cat.jpg")).await.unwrap();
//! assert_eq!(ok.status(), 200);
//! assert_eq!(ok.headers()["x-amz-request-id"].len(), 16);
//! assert_eq!(ok.headers()["x-amz-id-2"], "host-1");
//!
//! // The enum's fault, with the same ids in its body.
//! let missing = app.clone().oneshot(get("/photos/dog.jpg")).await.unwrap();
//! assert_eq!(missing.status(), 404);
//! let id = missing.headers()["x-amz-request-id"].to_str().unwrap().to_owned();
//! let body = axum::body::to_bytes(missing.into_body(), usize::MAX).await.unwrap();
//! assert_eq!(
//!     std::str::from_utf8(&body).unwrap(),
//!     format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>\
//!              <Message>The specified key does not exist.</Message><Key>dog.jpg</Key>\
//!              <RequestId>{id}</RequestId><HostId>host-1</HostId></Error>")
//! );
//!
//! // A method no route serves: S3's `MethodNotAllowed`, not axum's empty 405.
//! let put = axum::http::Request::put("/photos/cat.jpg").body(axum::body::Body::empty()).unwrap();
//! let refused = app.oneshot(put).await.unwrap();
//! assert_eq!(refused.status(), 405);
//! assert_eq!(refused.headers()["allow"], "GET,HEAD");
//! let body = axum::body::to_bytes(refused.into_body(), usize::MAX).await.unwrap();
//! let body = std::str::from_utf8(&body).unwrap();
//! assert!(body.contains("<Code>MethodNotAllowed</Code><Message>The specified method is not allowed against this resource.</Message><Method>PUT</Method><ResourceType>OBJECT</ResourceType>"));
//! # });
//! ```
//!
//! Without the layer the same handler still answers correctly, with the default context: the
//! type's default encoding and a freshly generated request id.

use super::{Outcome, add_ids, call_in_scope, context_for, framework_response, guard};
use crate::{Context, FrameworkError, ReasonPhrase, ServiceProfile};
use axum_core::body::Body;
use bytes::Bytes;
use http::Response;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};

/// The tower layer that serves every request as its [`ServiceProfile`] says (see the
/// [module docs](self)). Inserts the request's `Context<'static>` into its extensions, for
/// handlers (`Extension<Context<'static>>`).
#[derive(Clone, Debug, Default)]
pub struct FaultLayer {
    profile: Arc<ServiceProfile>,
}

impl FaultLayer {
    /// A layer serving as `profile` says.
    #[must_use]
    pub fn new(profile: ServiceProfile) -> Self {
        FaultLayer {
            profile: Arc::new(profile),
        }
    }

    /// The profile.
    #[must_use]
    pub fn profile(&self) -> &ServiceProfile {
        &self.profile
    }
}

impl<S> tower_layer::Layer<S> for FaultLayer {
    type Service = FaultService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        FaultService {
            inner,
            profile: Arc::clone(&self.profile),
        }
    }
}

/// The service [`FaultLayer`] wraps around each route.
#[derive(Clone, Debug)]
pub struct FaultService<S> {
    inner: S,
    profile: Arc<ServiceProfile>,
}

/// The future of a [`FaultService`].
pub type FaultFuture<E> =
    Pin<Box<dyn Future<Output = Result<axum_core::response::Response, E>> + Send>>;

impl<S, B, ResBody> tower_service::Service<http::Request<B>> for FaultService<S>
where
    S: tower_service::Service<http::Request<B>, Response = Response<ResBody>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    ResBody: http_body::Body<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Response = axum_core::response::Response;
    type Error = S::Error;
    type Future = FaultFuture<S::Error>;

    fn poll_ready(&mut self, cx: &mut TaskContext<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<B>) -> Self::Future {
        let profile = Arc::clone(&self.profile);
        let cx = context_for(
            &profile,
            request.extensions().get::<Context<'static>>(),
            || profile.read(&request),
        );
        if profile.refuses_accept(cx.accept()) {
            let refused = framework_response(&profile, &cx, FrameworkError::NotAcceptable);
            let refused = with_ids(&profile, &cx, into_axum(refused));
            return Box::pin(std::future::ready(Ok(refused)));
        }
        request.extensions_mut().insert(cx.clone());
        let cx = Arc::new(cx);
        // A handler may run code in `call` itself: a panic there is caught too.
        let called = catch_unwind(AssertUnwindSafe(|| {
            call_in_scope(&cx, || self.inner.call(request))
        }));
        #[cfg(feature = "tracing")]
        let span = super::span(&cx);
        let served = async move {
            let outcome = match called {
                Ok(future) => guard(future, profile.timeout()).await,
                Err(payload) => Outcome::Panicked(payload),
            };
            let response = match outcome {
                Outcome::Done(Ok(response)) => finish(&profile, &cx, response.map(Body::new)),
                Outcome::Done(Err(error)) => return Err(error),
                Outcome::Panicked(payload) => {
                    into_axum(super::panic_response(&profile, &cx, &*payload))
                }
                Outcome::TimedOut => {
                    into_axum(framework_response(&profile, &cx, FrameworkError::Timeout))
                }
            };
            Ok(with_ids(&profile, &cx, response))
        };
        #[cfg(feature = "tracing")]
        let served = tracing::Instrument::instrument(served, span);
        Box::pin(served)
    }
}

/// A handler's or the framework's response, replaced by the profile's fault when it is an
/// error response no fault rendered.
fn finish(
    profile: &ServiceProfile,
    cx: &Context<'_>,
    response: axum_core::response::Response,
) -> axum_core::response::Response {
    let allow = response.headers().get(http::header::ALLOW);
    let marked = super::is_marked(response.extensions());
    match super::replacement(
        profile,
        cx,
        response.status(),
        allow.map(http::HeaderValue::as_bytes),
        marked,
        None,
    ) {
        Some(fault) => into_axum(fault),
        None => response,
    }
}

/// `response` with the profile's request-id headers where it has none.
fn with_ids(
    profile: &ServiceProfile,
    cx: &Context<'_>,
    mut response: axum_core::response::Response,
) -> axum_core::response::Response {
    add_ids(profile, cx, response.headers_mut());
    response
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
