//! actix-web 4 (feature `actix`): every derived type implements `ResponseError`, and one
//! [`FaultMiddleware`] per app gives each error the request's context.
//!
//! A handler returns `Result<_, YourError>`; the error goes out in its type's format, with
//! the encoding negotiated from `Accept`, the request id from `x-openstack-request-id` or
//! `x-amzn-RequestId` (a fresh one when absent), and the `OpenStack-API-Version`
//! microversion. A reason phrase the format sets (Heat's `400 InvalidAction`) is sent as the
//! status line's reason when it is the variant's title, since actix-web takes only
//! `&'static str` reasons.
//!
//! ```
//! use actix_web::{App, test, web};
//! use fault_core::ApiFault;
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
//!         .wrap(FaultMiddleware::new().with_service_type("placement"))
//!         .route("/resource_providers/{id}", web::get().to(show)),
//! )
//! .await;
//! let request = test::TestRequest::get()
//!     .uri("/resource_providers/42")
//!     .insert_header(("openstack-api-version", "placement 1.23"))
//!     .insert_header(("x-openstack-request-id", "req-1"))
//!     .to_request();
//! let response = test::call_service(&app, request).await;
//! assert_eq!(response.status().as_u16(), 404);
//! assert_eq!(response.headers().get("openstack-api-version").unwrap(), "placement 1.23");
//! let body = test::read_body(response).await;
//! assert!(body.starts_with(br#"{"errors": [{"status": 404, "title": "Not Found""#));
//! assert!(body.ends_with(br#""code": "placement.undefined_code", "request_id": "req-1"}]}"#));
//! # });
//! ```
//!
//! Without the middleware the same handler still answers correctly, with the default
//! context: the type's default encoding and a freshly generated request id.

use super::{Scope, call_in_scope};
use crate::{ApiFault, ContextReader, ReasonPhrase};
use actix_web::body::BoxBody;
use actix_web::dev::{Service, ServiceRequest, Transform};
use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::{HttpMessage as _, HttpResponse};
use std::borrow::Cow;
use std::future::{Ready, ready};
use std::task::{Context as TaskContext, Poll};

/// The middleware (`App::wrap`) that reads each request into a [`Context`](crate::Context)
/// for the errors its handlers return (see the [module docs](self)). Also inserts the
/// `Context<'static>` into the request's extensions, for handlers (`web::ReqData`).
#[derive(Clone, Debug, Default)]
pub struct FaultMiddleware {
    reader: ContextReader,
}

impl FaultMiddleware {
    /// A middleware with the default [`ContextReader`].
    #[must_use]
    pub fn new() -> Self {
        FaultMiddleware::default()
    }

    /// Reads the microversion of this service type from `OpenStack-API-Version`.
    #[must_use]
    pub fn with_service_type(mut self, service_type: impl Into<Cow<'static, str>>) -> Self {
        self.reader = self.reader.with_service_type(service_type);
        self
    }
}

impl<S> Transform<S, ServiceRequest> for FaultMiddleware
where
    S: Service<ServiceRequest>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Transform = FaultMiddlewareService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(FaultMiddlewareService {
            service,
            reader: self.reader.clone(),
        }))
    }
}

/// The service [`FaultMiddleware`] wraps around the app.
#[derive(Debug)]
pub struct FaultMiddlewareService<S> {
    service: S,
    reader: ContextReader,
}

impl<S> Service<ServiceRequest> for FaultMiddlewareService<S>
where
    S: Service<ServiceRequest>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Scope<S::Future>;

    fn poll_ready(&self, cx: &mut TaskContext<'_>) -> Poll<Result<(), Self::Error>> {
        self.service.poll_ready(cx)
    }

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let headers = request.headers();
        let cx = self
            .reader
            .read_with(request.method().as_str(), request.path(), |name| {
                let mut values = headers.get_all(name).filter_map(|v| v.to_str().ok());
                let first = values.next()?;
                Some(values.fold(Cow::Borrowed(first), |all, next| {
                    Cow::Owned(format!("{all}, {next}"))
                }))
            });
        request.extensions_mut().insert(cx.clone());
        call_in_scope(cx, || self.service.call(request))
    }
}

/// The actix-web status of `err`.
pub(crate) fn status(err: &(dyn ApiFault + '_)) -> StatusCode {
    StatusCode::from_u16(err.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The actix-web response for `err`, rendered by [`respond`](super::respond).
pub(crate) fn response(err: &(dyn ApiFault + '_)) -> HttpResponse<BoxBody> {
    let (parts, body) = super::respond(err).into_parts();
    let mut builder = HttpResponse::build(status(err));
    // actix-web wants a `'static` reason: the variant's title is one, and the formats that
    // set a reason phrase (Heat) set the title.
    let reason = parts
        .extensions
        .get::<ReasonPhrase>()
        .map(ReasonPhrase::as_str);
    if let Some(title) = err.spec().map(crate::FaultSpec::title)
        && reason == Some(title)
    {
        builder.reason(title);
    }
    let mut response = builder.body(body);
    for (name, value) in &parts.headers {
        // actix-web is on `http` 0.2: the same bytes, other types.
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    response
}
