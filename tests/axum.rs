//! axum: a derived type is an `IntoResponse`, and `FaultLayer` gives its responses the
//! request's context (format by `Accept`, request id, microversion) with no code per handler.

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::Extension;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use fault_core::integrations::axum::FaultLayer;
use fault_core::{ApiFault, Context, Format, RequestIdPolicy, ServiceProfile};

/// Placement's profile, echoing the request's id (what these tests look for).
fn profile() -> ServiceProfile {
    ServiceProfile::new(Format::Placement)
        .with_service_type("placement")
        .with_request_ids(RequestIdPolicy::Echo)
}
use tower::ServiceExt as _;

#[derive(Debug, ApiFault)]
#[fault(format = "openstack", rename_all = "camelCase")]
enum VolumeError {
    #[fault(code = 404, message = "Volume {0} could not be found.")]
    ItemNotFound(String),
    #[fault(code = 500, title = "computeFault", message = "disk {0} on fire")]
    Internal(String),
}

#[derive(Debug, ApiFault)]
#[fault(format = "heat")]
enum HeatError {
    #[fault(
        code = 400,
        title = "InvalidAction",
        message = "The action or operation requested is invalid"
    )]
    InvalidAction,
}

#[derive(Debug, ApiFault)]
#[fault(format = "placement", error_code = "placement.undefined_code")]
enum PlacementError {
    #[fault(
        code = 409,
        title = "Conflict",
        error_code = "placement.concurrent_update",
        message = "{0}"
    )]
    ConcurrentUpdate(String),
}

/// A generic type gets the impl too, where it is an `ApiFault`.
#[derive(Debug, ApiFault)]
#[fault(format = "openstack")]
enum Wrapper<E: ApiFault + Send + 'static> {
    #[fault(transparent)]
    Inner(E),
}

async fn missing() -> Result<&'static str, VolumeError> {
    Err(VolumeError::ItemNotFound("vol-9".into()))
}

async fn broken() -> Result<&'static str, VolumeError> {
    Err(VolumeError::Internal("/dev/sdb1".into()))
}

async fn invalid() -> Result<&'static str, HeatError> {
    Err(HeatError::InvalidAction)
}

async fn conflict() -> Result<&'static str, PlacementError> {
    Err(PlacementError::ConcurrentUpdate(
        "generation conflict".into(),
    ))
}

async fn wrapped() -> Result<&'static str, Wrapper<VolumeError>> {
    Err(Wrapper::Inner(VolumeError::ItemNotFound("vol-7".into())))
}

/// Answers with the request id the layer read, for handlers' own responses.
async fn echo_id(Extension(cx): Extension<Context<'static>>) -> String {
    cx.request_id().unwrap_or_default().to_owned()
}

fn app() -> Router {
    Router::new()
        .route("/missing", get(missing))
        .route("/broken", get(broken))
        .route("/invalid", get(invalid))
        .route("/conflict", get(conflict))
        .route("/wrapped", get(wrapped))
        .route("/id", get(echo_id))
        .layer(FaultLayer::new(profile()))
}

async fn call(app: Router, path: &str, headers: &[(&str, &str)]) -> (Response, String) {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = app
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let body = to_bytes(body, usize::MAX).await.unwrap();
    (
        Response::from_parts(parts, Body::empty()),
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

fn header<'r>(response: &'r Response, name: &str) -> Option<&'r str> {
    response.headers().get(name).map(|v| v.to_str().unwrap())
}

#[tokio::test]
async fn the_format_follows_accept_and_the_request_id_the_request() {
    let (response, body) = call(app(), "/missing", &[("x-openstack-request-id", "req-1")]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/json; charset=UTF-8")
    );
    assert_eq!(header(&response, "x-openstack-request-id"), Some("req-1"));
    assert_eq!(
        body,
        r#"{"itemNotFound": {"code": 404, "message": "Volume vol-9 could not be found."}}"#
    );

    let accept = [
        ("accept", "application/xml;q=0.9, application/json;q=0.5"),
        ("x-amzn-RequestId", "aws-2"),
    ];
    let (response, body) = call(app(), "/missing", &accept).await;
    assert_eq!(
        header(&response, "content-type"),
        Some("application/xml; charset=UTF-8")
    );
    assert_eq!(header(&response, "x-openstack-request-id"), Some("aws-2"));
    assert_eq!(
        body,
        "<itemNotFound code=\"404\"><message>Volume vol-9 could not be found.</message></itemNotFound>"
    );
}

#[tokio::test]
async fn a_request_without_an_id_gets_a_fresh_one_the_handler_sees_too() {
    let (response, body) = call(app(), "/missing", &[]).await;
    let id = header(&response, "x-openstack-request-id").unwrap();
    assert!(id.starts_with("req-") && id.len() == 40, "{id}");
    assert!(!body.contains("req-"));

    // An id that is not a safe header value is never echoed.
    let (response, _) = call(app(), "/missing", &[("x-openstack-request-id", "a\"b")]).await;
    assert!(
        header(&response, "x-openstack-request-id")
            .unwrap()
            .starts_with("req-")
    );

    let (_, body) = call(app(), "/id", &[("x-openstack-request-id", "req-mine")]).await;
    assert_eq!(body, "req-mine");
}

#[tokio::test]
async fn a_5xx_sends_the_safe_message() {
    let (response, body) = call(app(), "/broken", &[]).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!body.contains("sdb1"), "{body}");
    assert!(
        body.contains(r#""message": "Internal Server Error""#),
        "{body}"
    );
}

#[tokio::test]
async fn the_microversion_gates_the_placement_code() {
    let new = [("openstack-api-version", "compute 2.1, placement 1.23")];
    let (response, body) = call(app(), "/conflict", &new).await;
    assert_eq!(
        header(&response, "openstack-api-version"),
        Some("placement 1.23")
    );
    assert!(
        body.contains(r#""code": "placement.concurrent_update""#),
        "{body}"
    );

    let old = [("openstack-api-version", "placement 1.22")];
    let (_, body) = call(app(), "/conflict", &old).await;
    assert!(!body.contains(r#""code""#), "{body}");
}

#[tokio::test]
async fn the_reason_phrase_is_handed_to_hyper() {
    let (response, body) = call(app(), "/invalid", &[]).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let reason = response
        .extensions()
        .get::<hyper::ext::ReasonPhrase>()
        .unwrap();
    assert_eq!(reason.as_bytes(), b"InvalidAction");
    assert!(
        body.starts_with("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>")
    );
}

#[tokio::test]
async fn a_generic_type_answers_as_its_inner_fault() {
    let (response, body) = call(app(), "/wrapped", &[]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(body.contains("vol-7"), "{body}");
}

#[tokio::test]
async fn without_the_layer_the_response_is_still_correct() {
    let app = Router::new().route("/missing", get(missing));
    let (response, body) = call(app, "/missing", &[("accept", "application/xml")]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // The default context: the type's JSON, and a fresh request id.
    assert_eq!(
        header(&response, "content-type"),
        Some("application/json; charset=UTF-8")
    );
    assert!(
        header(&response, "x-openstack-request-id")
            .unwrap()
            .starts_with("req-")
    );
    assert!(body.starts_with(r#"{"itemNotFound""#));
}

#[test]
fn into_response_outside_any_runtime() {
    let response = HeatError::InvalidAction.into_response();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        response
            .extensions()
            .get::<hyper::ext::ReasonPhrase>()
            .is_some()
    );
}
