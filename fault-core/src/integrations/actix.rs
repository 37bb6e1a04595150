//! actix-web 4 (feature `actix`): every derived type implements `ResponseError`, and one
//! [`FaultMiddleware`] per app, given the service's [`ServiceProfile`], answers every response
//! of the app in its family's dialect (see the [integrations](super) for all it does):
//! actix-web's `default_service` 404, a resource's 405, and the errors of `JsonConfig`,
//! `FormConfig`, `PathConfig` and `QueryConfig` leave as the family's faults.
//!
//! A handler returns `Result<_, YourError>`; the error goes out in its type's format, with
//! the encoding negotiated from `Accept`, the profile's fresh request id, and the
//! `OpenStack-API-Version` microversion. A panic, or a timeout, has no response of the inner
//! service to go with: the middleware answers it as an error, which actix-web sends as its
//! response (so it is the response the client gets, and what a middleware outside this one
//! sees as an `Err`). A reason phrase the format sets (Heat's `400 InvalidAction`) is sent as the
//! status line's reason when it is the variant's title, since actix-web takes only
//! `&'static str` reasons.
//!
//! ```
//! use actix_web::{App, test, web};
//! use fault_core::{ApiFault, Format, ServiceProfile};
//! use fault_core::integrations::actix::FaultMiddleware;
//!
//! #[derive(Debug, ApiFault)]
//! #[fault(format = "placement", error_code = "placement.undefined_code")]
//! enum PlacementError {
//!     #[fault(code = 404, title = "Not Found", message = "{0}")]
//!     NotFound(String),
//! }
//!
//! async fn show(id: web::Path<String>) -> Result<String, PlacementError> {
//!     Err(PlacementError::NotFound(format!("No resource provider with uuid {id} found")))
//! }
//!
//! # actix_web::rt::System::new().block_on(async {
//! let app = test::init_service(
//!     App::new()
//!         .wrap(FaultMiddleware::new(
//!             ServiceProfile::new(Format::Placement).with_service_type("placement"),
//!         ))
//!         .route("/resource_providers/{id}", web::get().to(show)),
//! )
//! .await;
//! let request = test::TestRequest::get()
//!     .uri("/resource_providers/42")
//!     .insert_header(("openstack-api-version", "placement 1.23"))
//!     .to_request();
//! let response = test::call_service(&app, request).await;
//! assert_eq!(response.status().as_u16(), 404);
//! assert_eq!(response.headers().get("openstack-api-version").unwrap(), "placement 1.23");
//! let id = response.headers().get("x-openstack-request-id").unwrap().to_str().unwrap().to_owned();
//! let body = test::read_body(response).await;
//! assert!(body.starts_with(br#"{"errors": [{"status": 404, "title": "Not Found""#));
//! let end = format!(r#""code": "placement.undefined_code", "request_id": "{id}"}}]}}"#);
//! assert!(body.ends_with(end.as_bytes()));
//!
//! // A path no route serves: Placement's 404, not actix-web's empty one.
//! let request = test::TestRequest::get().uri("/nowhere").insert_header(("accept", "application/json")).to_request();
//! let response = test::call_service(&app, request).await;
//! assert_eq!(response.status().as_u16(), 404);
//! let body = test::read_body(response).await;
//! assert!(body.starts_with(br#"{"errors": [{"status": 404, "title": "Not Found", "detail": "The resource could not be found.\n\n   ""#));
//! # });
//! ```
//!
//! Without the middleware the same handler still answers correctly, with the default
//! context: the type's default encoding and a freshly generated request id.

use super::{
    Outcome, Rendered, Verbatim, add_ids, call_in_scope, context_for, framework_response, guard,
};
use crate::{ApiFault, Context, FrameworkError, ReasonPhrase, ServiceProfile};
use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::{HttpMessage as _, HttpResponse};
use bytes::Bytes;
use std::borrow::Cow;
use std::future::{Future, Ready, ready};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};

/// The middleware (`App::wrap`) that serves every request as its [`ServiceProfile`] says
/// (see the [module docs](self)). Inserts the request's `Context<'static>` into its
/// extensions, for handlers (`web::ReqData<Context<'static>>`).
#[derive(Clone, Debug, Default)]
pub struct FaultMiddleware {
    profile: Arc<ServiceProfile>,
}

impl FaultMiddleware {
    /// A middleware serving as `profile` says.
    #[must_use]
    pub fn new(profile: ServiceProfile) -> Self {
        FaultMiddleware {
            profile: Arc::new(profile),
        }
    }

    /// The profile.
    #[must_use]
    pub fn profile(&self) -> &ServiceProfile {
        &self.profile
    }
}

impl<S, B> Transform<S, ServiceRequest> for FaultMiddleware
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Transform = FaultMiddlewareService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(FaultMiddlewareService {
            service: Rc::new(service),
            profile: Arc::clone(&self.profile),
        }))
    }
}

/// The service [`FaultMiddleware`] wraps around the app.
#[derive(Debug)]
pub struct FaultMiddlewareService<S> {
    service: Rc<S>,
    profile: Arc<ServiceProfile>,
}

/// The future of a [`FaultMiddlewareService`] (actix-web runs each worker on one thread).
pub type FaultFuture<B> =
    Pin<Box<dyn Future<Output = Result<ServiceResponse<EitherBody<B>>, actix_web::Error>>>>;

impl<S, B> Service<ServiceRequest> for FaultMiddlewareService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Future = FaultFuture<B>;

    fn poll_ready(&self, cx: &mut TaskContext<'_>) -> Poll<Result<(), Self::Error>> {
        self.service.poll_ready(cx)
    }

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let profile = Arc::clone(&self.profile);
        let outer = request.extensions().get::<Context<'static>>().cloned();
        let cx = context_for(&profile, outer.as_ref(), || read(&profile, &request));
        if profile.refuses_accept(cx.accept()) {
            let refused = framework_response(&profile, &cx, FrameworkError::NotAcceptable);
            let mut refused = request
                .into_response(to_actix(refused))
                .map_into_right_body();
            with_ids(&profile, &cx, refused.headers_mut());
            return Box::pin(ready(Ok(refused)));
        }
        request.extensions_mut().insert(cx.clone());
        let cx = Arc::new(cx);
        let service = Rc::clone(&self.service);
        let called = catch_unwind(AssertUnwindSafe(|| {
            call_in_scope(&cx, || service.call(request))
        }));
        #[cfg(feature = "tracing")]
        let span = super::span(&cx);
        let served = async move {
            let outcome = match called {
                Ok(future) => guard(future, profile.timeout()).await,
                Err(payload) => Outcome::Panicked(payload),
            };
            // The request went to the inner service (actix-web routes only a request no one
            // else holds), so what has no response of its own to go with is answered as an
            // error, which actix-web turns into its response.
            match outcome {
                Outcome::Done(Ok(response)) => {
                    let mut response = match replaced(&profile, &cx, &response) {
                        Some(fault) => {
                            let request = response.request().clone();
                            ServiceResponse::new(request, fault).map_into_right_body()
                        }
                        None => response.map_into_left_body(),
                    };
                    with_ids(&profile, &cx, response.headers_mut());
                    Ok(response)
                }
                Outcome::Done(Err(error)) => {
                    let answer = error.error_response();
                    match replacement_of(&profile, &cx, &answer) {
                        Some(fault) => Err(Answer::from(fault).into()),
                        None => Err(error),
                    }
                }
                Outcome::Panicked(payload) => {
                    Err(Answer::from(super::panic_response(&profile, &cx, &*payload)).into())
                }
                Outcome::TimedOut => {
                    Err(
                        Answer::from(framework_response(&profile, &cx, FrameworkError::Timeout))
                            .into(),
                    )
                }
            }
        };
        #[cfg(feature = "tracing")]
        let served = tracing::Instrument::instrument(served, span);
        Box::pin(served)
    }
}

/// The context of an actix-web request, as `profile` reads it.
fn read(profile: &ServiceProfile, request: &ServiceRequest) -> Context<'static> {
    let headers = request.headers();
    profile.read_with(request.method().as_str(), request.path(), |name| {
        let mut values = headers.get_all(name).filter_map(|v| v.to_str().ok());
        let first = values.next()?;
        Some(values.fold(Cow::Borrowed(first), |all, next| {
            Cow::Owned(format!("{all}, {next}"))
        }))
    })
}

/// The profile's fault in place of an error response no fault rendered (actix-web's empty
/// 404 and 405, a `JsonConfig` error), or `None` to send the response as it is.
fn replaced<B>(
    profile: &ServiceProfile,
    cx: &Context<'_>,
    response: &ServiceResponse<B>,
) -> Option<HttpResponse<BoxBody>> {
    replacement_of(profile, cx, response.response()).map(to_actix)
}

/// [`replaced`] for a bare response.
fn replacement_of<B>(
    profile: &ServiceProfile,
    cx: &Context<'_>,
    response: &HttpResponse<B>,
) -> Option<http::Response<Bytes>> {
    let marked = {
        let extensions = response.extensions();
        extensions.get::<Rendered>().is_some() || extensions.get::<Verbatim>().is_some()
    };
    let status = http::StatusCode::from_u16(response.status().as_u16())
        .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    let allow = response
        .headers()
        .get(actix_web::http::header::ALLOW)
        .map(HeaderValue::as_bytes);
    super::replacement(profile, cx, status, allow, marked, known_error(response))
}

/// The framework error actix-web's own error in `response` names, where its status alone
/// would not (a `JsonConfig` content-type error is a 400 there, an overflow a 413 or 400).
fn known_error<B>(response: &HttpResponse<B>) -> Option<FrameworkError> {
    use actix_web::error::{JsonPayloadError, UrlencodedError};
    let error = response.error()?;
    if let Some(json) = error.as_error::<JsonPayloadError>() {
        return Some(match json {
            JsonPayloadError::ContentType => FrameworkError::UnsupportedMediaType,
            JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
                FrameworkError::PayloadTooLarge
            }
            _ => FrameworkError::BadRequest,
        });
    }
    if let Some(form) = error.as_error::<UrlencodedError>() {
        return Some(match form {
            UrlencodedError::ContentType => FrameworkError::UnsupportedMediaType,
            UrlencodedError::Overflow { .. } => FrameworkError::PayloadTooLarge,
            _ => FrameworkError::BadRequest,
        });
    }
    None
}

/// A rendered response handed to actix-web as an error, for what the middleware answers
/// without the request (a panic, a timeout, an error the inner service returned): actix-web
/// sends its `error_response`.
struct Answer {
    status: http::StatusCode,
    headers: http::HeaderMap,
    body: Bytes,
    reason: Option<ReasonPhrase>,
}

impl From<http::Response<Bytes>> for Answer {
    fn from(response: http::Response<Bytes>) -> Self {
        let (parts, body) = response.into_parts();
        Answer {
            status: parts.status,
            headers: parts.headers,
            reason: parts.extensions.get::<ReasonPhrase>().cloned(),
            body,
        }
    }
}

impl std::fmt::Debug for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Answer")
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "answered {} by the fault middleware", self.status)
    }
}

impl actix_web::ResponseError for Answer {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        let mut response = http::Response::new(self.body.clone());
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers.clone();
        if let Some(reason) = &self.reason {
            response.extensions_mut().insert(reason.clone());
        }
        to_actix(response)
    }
}

/// Adds the profile's request-id headers to an actix-web header map that lacks them.
fn with_ids(
    profile: &ServiceProfile,
    cx: &Context<'_>,
    headers: &mut actix_web::http::header::HeaderMap,
) {
    let mut ids = http::HeaderMap::new();
    add_ids(profile, cx, &mut ids);
    copy_headers(&ids, headers, false);
}

/// Copies `from` into actix-web's header map (actix-web is on `http` 0.2: the same bytes,
/// other types), appending each, or only the names `to` lacks unless `all`.
fn copy_headers(from: &http::HeaderMap, to: &mut actix_web::http::header::HeaderMap, all: bool) {
    for (name, value) in from {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) && (all || !to.contains_key(&name))
        {
            to.append(name, value);
        }
    }
}

/// The actix-web status of `err`.
pub(crate) fn status(err: &(dyn ApiFault + '_)) -> StatusCode {
    StatusCode::from_u16(err.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The actix-web response for `err`, rendered by [`respond`](super::respond).
pub(crate) fn response(err: &(dyn ApiFault + '_)) -> HttpResponse<BoxBody> {
    let mut response = to_actix(super::respond(err));
    // actix-web wants a `'static` reason: the variant's title is one.
    if let Some(title) = err.spec().map(crate::FaultSpec::title)
        && response
            .extensions()
            .get::<ReasonPhrase>()
            .map(ReasonPhrase::as_str)
            == Some(title)
    {
        response.head_mut().reason = Some(title);
    }
    response
}

/// An actix-web response from a rendered one. A reason phrase is sent when it is one of the framework faults' titles, the
/// `'static` strings actix-web takes; [`response`] sends a variant's own.
fn to_actix(response: http::Response<Bytes>) -> HttpResponse<BoxBody> {
    let (parts, body) = response.into_parts();
    let status =
        StatusCode::from_u16(parts.status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut builder = HttpResponse::build(status);
    if let Some(reason) = parts
        .extensions
        .get::<ReasonPhrase>()
        .and_then(|reason| crate::framework::static_title(reason.as_str()))
    {
        builder.reason(reason);
    }
    let mut response = builder.body(body);
    copy_headers(&parts.headers, response.headers_mut(), true);
    response.extensions_mut().insert(Rendered);
    if let Some(reason) = parts.extensions.get::<ReasonPhrase>() {
        response.extensions_mut().insert(reason.clone());
    }
    response
}
