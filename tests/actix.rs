//! actix-web: a derived type is a `ResponseError`, and `FaultMiddleware` gives its responses
//! the request's context (format by `Accept`, request id, microversion).

use actix_web::body::MessageBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::HeaderMap;
use actix_web::test::{TestRequest, call_service, init_service, read_body};
use actix_web::{App, HttpResponse, ResponseError, web};
use fault_core::integrations::actix::FaultMiddleware;
use fault_core::{ApiFault, Context, Format, RequestIdPolicy, ServiceProfile};

/// Placement's profile, echoing the request's id (what these tests look for).
/// The app mixes families (its volume faults negotiate XML), so Placement's check that a
/// request accepts JSON is off.
fn profile() -> ServiceProfile {
    ServiceProfile::new(Format::Placement)
        .with_service_type("placement")
        .with_request_ids(RequestIdPolicy::Echo)
        .with_accept_checked(false)
}

#[derive(Debug, ApiFault)]
#[fault(format = "openstack", rename_all = "camelCase")]
enum VolumeError {
    #[fault(code = 404, message = "Volume {0} could not be found.")]
    ItemNotFound(String),
    #[fault(code = 503, title = "serviceUnavailable", message = "pool {0} offline")]
    Unavailable(String),
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
    #[fault(code = 404, title = "Not Found", message = "{0}")]
    NotFound(String),
}

async fn missing() -> Result<HttpResponse, VolumeError> {
    Err(VolumeError::ItemNotFound("vol-9".into()))
}

async fn unavailable() -> Result<HttpResponse, VolumeError> {
    Err(VolumeError::Unavailable("ceph-3".into()))
}

async fn invalid() -> Result<HttpResponse, HeatError> {
    Err(HeatError::InvalidAction)
}

async fn not_found() -> Result<HttpResponse, PlacementError> {
    Err(PlacementError::NotFound(
        "No resource provider with uuid 42 found".into(),
    ))
}

/// Answers with the request id the middleware read.
async fn echo_id(cx: web::ReqData<Context<'static>>) -> String {
    cx.request_id().unwrap_or_default().to_owned()
}

fn run<F: std::future::Future>(future: F) -> F::Output {
    actix_web::rt::System::new().block_on(future)
}

/// What came back: status, reason, headers, body.
struct Answer {
    status: StatusCode,
    reason: String,
    headers: HeaderMap,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }
}

macro_rules! routes {
    ($app:expr) => {
        $app.route("/missing", web::get().to(missing))
            .route("/unavailable", web::get().to(unavailable))
            .route("/invalid", web::get().to(invalid))
            .route("/not-found", web::get().to(not_found))
            .route("/id", web::get().to(echo_id))
    };
}

async fn answer(response: ServiceResponse<impl MessageBody>) -> Answer {
    Answer {
        status: response.status(),
        reason: response.response().head().reason().to_owned(),
        headers: response.headers().clone(),
        body: String::from_utf8(read_body(response).await.to_vec()).unwrap(),
    }
}

async fn get(wrap: bool, path: &str, headers: &[(&'static str, &'static str)]) -> Answer {
    let mut request = TestRequest::get().uri(path);
    for header in headers {
        request = request.insert_header(*header);
    }
    if wrap {
        let middleware = FaultMiddleware::new(profile());
        let app = init_service(routes!(App::new().wrap(middleware))).await;
        answer(call_service(&app, request.to_request()).await).await
    } else {
        let app = init_service(routes!(App::new())).await;
        answer(call_service(&app, request.to_request()).await).await
    }
}

#[test]
fn the_format_follows_accept_and_the_request_id_the_request() {
    run(async {
        let a = get(true, "/missing", &[("x-openstack-request-id", "req-1")]).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        assert_eq!(a.header("x-openstack-request-id"), Some("req-1"));
        assert_eq!(a.header("x-compute-request-id"), Some("req-1"));
        assert_eq!(
            a.body,
            r#"{"itemNotFound": {"code": 404, "message": "Volume vol-9 could not be found."}}"#
        );

        let a = get(true, "/missing", &[("accept", "application/xml")]).await;
        assert_eq!(
            a.header("content-type"),
            Some("application/xml; charset=UTF-8")
        );
        assert!(
            a.header("x-openstack-request-id")
                .unwrap()
                .starts_with("req-")
        );
        assert!(
            a.body.starts_with("<itemNotFound code=\"404\">"),
            "{}",
            a.body
        );

        let a = get(true, "/id", &[("x-amzn-requestid", "aws-7")]).await;
        assert_eq!(a.body, "aws-7");
    });
}

#[test]
fn a_5xx_sends_the_safe_message() {
    run(async {
        let a = get(true, "/unavailable", &[]).await;
        assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(!a.body.contains("ceph-3"), "{}", a.body);
        assert!(
            a.body.contains(r#""message": "Service Unavailable""#),
            "{}",
            a.body
        );
    });
}

#[test]
fn the_microversion_gates_the_placement_code() {
    run(async {
        let a = get(
            true,
            "/not-found",
            &[("openstack-api-version", "placement 1.23")],
        )
        .await;
        assert_eq!(a.header("openstack-api-version"), Some("placement 1.23"));
        assert!(
            a.body.contains(r#""code": "placement.undefined_code""#),
            "{}",
            a.body
        );
        let a = get(
            true,
            "/not-found",
            &[("openstack-api-version", "placement 1.1")],
        )
        .await;
        assert!(!a.body.contains(r#""code""#), "{}", a.body);
    });
}

#[test]
fn the_reason_phrase_is_the_title() {
    run(async {
        let a = get(true, "/invalid", &[]).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST);
        assert_eq!(a.reason, "InvalidAction");
        assert!(a.body.contains("<Code>InvalidAction</Code>"), "{}", a.body);
    });
}

#[test]
fn without_the_middleware_the_response_is_still_correct() {
    run(async {
        let a = get(false, "/missing", &[("accept", "application/xml")]).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        assert_eq!(
            a.header("content-type"),
            Some("application/json; charset=UTF-8")
        );
        assert!(
            a.header("x-openstack-request-id")
                .unwrap()
                .starts_with("req-")
        );
        assert!(a.body.starts_with(r#"{"itemNotFound""#), "{}", a.body);
    });
}

#[test]
fn status_code_is_the_fault_status() {
    assert_eq!(
        VolumeError::ItemNotFound(String::new()).status_code(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        HeatError::InvalidAction.error_response().status(),
        StatusCode::BAD_REQUEST
    );
}
