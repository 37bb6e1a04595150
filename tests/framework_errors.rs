//! Framework errors in the service's dialect: what axum and actix-web answer by themselves (no
//! route, a wrong method, a body or query they cannot read, a body too large, a bare status)
//! leaves as the family's standard fault, with the request ids, or as the service's own
//! variant where it puts one in their place.

use actix_web::test::{TestRequest, call_service, init_service, read_body};
use actix_web::{App, HttpResponse, web};
use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{DefaultBodyLimit, Form, Json, Path, Query};
use axum::http::{Request, StatusCode};
use axum::routing::get;
use fault_core::integrations::Verbatim;
use fault_core::integrations::{actix::FaultMiddleware, axum::FaultLayer};
use fault_core::{ApiFault, Fault, Format, FrameworkError, ServiceProfile};
use std::collections::HashMap;
use tower::ServiceExt as _;

/// What came back: status, headers, body, and the body read back as a client would.
struct Answer {
    status: u16,
    headers: fault_core::http::HeaderMap,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    fn fault(&self) -> Fault<'static> {
        Fault::parse(
            fault_core::http::StatusCode::from_u16(self.status).unwrap(),
            &self.headers,
            self.body.as_bytes(),
        )
    }

    /// Status, title and message, as the client reads them.
    fn read(&self) -> (u16, String, String) {
        let fault = self.fault();
        (
            self.status,
            fault.title().to_owned(),
            fault.message().to_string(),
        )
    }
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Volume {
    size: u32,
}

async fn create(Json(volume): Json<Volume>) -> String {
    volume.size.to_string()
}

async fn create_form(Form(volume): Form<Volume>) -> String {
    volume.size.to_string()
}

async fn show(Path(id): Path<u32>) -> String {
    id.to_string()
}

async fn search(Query(query): Query<HashMap<String, u32>>) -> String {
    query.len().to_string()
}

async fn teapot() -> StatusCode {
    StatusCode::FORBIDDEN
}

async fn verbatim() -> axum::response::Response {
    let mut response = axum::response::IntoResponse::into_response((StatusCode::NOT_FOUND, "gone"));
    response.extensions_mut().insert(Verbatim);
    response
}

fn axum_app(profile: ServiceProfile) -> Router {
    Router::new()
        .route("/volumes", get(search).post(create))
        .route("/volumes/{id}", get(show))
        .route("/forms", axum::routing::post(create_form))
        .route("/forbidden", get(teapot))
        .route("/verbatim", get(verbatim))
        .layer(DefaultBodyLimit::max(64))
        .layer(FaultLayer::new(profile))
}

async fn via_axum(profile: ServiceProfile, request: Request<Body>) -> Answer {
    let response = axum_app(profile).oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8(body.to_vec()).unwrap(),
    }
}

fn get_(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

fn post(path: &str, content_type: &str, body: &str) -> Request<Body> {
    Request::post(path)
        .header("content-type", content_type)
        .body(Body::from(body.to_owned()))
        .unwrap()
}

/// The requests every family answers, by what axum makes of them.
fn axum_cases() -> Vec<(FrameworkError, Request<Body>)> {
    vec![
        (FrameworkError::NotFound, get_("/nowhere/at/all")),
        (
            FrameworkError::MethodNotAllowed,
            Request::delete("/volumes").body(Body::empty()).unwrap(),
        ),
        (
            FrameworkError::BadRequest,
            post("/volumes", "application/json", "{"),
        ),
        (
            FrameworkError::UnsupportedMediaType,
            post("/volumes", "text/plain", r#"{"size": 1}"#),
        ),
        (
            FrameworkError::PayloadTooLarge,
            post(
                "/volumes",
                "application/json",
                &format!(r#"{{"size": 1, "pad": "{}"}}"#, "x".repeat(100)),
            ),
        ),
        (
            FrameworkError::BadRequest,
            post("/forms", "application/x-www-form-urlencoded", "size=big"),
        ),
        (
            FrameworkError::UnsupportedMediaType,
            post("/forms", "text/plain", "size=1"),
        ),
        (
            FrameworkError::PayloadTooLarge,
            post(
                "/forms",
                "application/x-www-form-urlencoded",
                &format!("size=1&pad={}", "x".repeat(100)),
            ),
        ),
        (FrameworkError::BadRequest, get_("/volumes/not-a-number")),
        (FrameworkError::BadRequest, get_("/volumes?size=big")),
        (
            FrameworkError::Status(fault_core::http::StatusCode::FORBIDDEN),
            get_("/forbidden"),
        ),
    ]
}

#[tokio::test]
async fn every_framework_error_of_axum_is_the_family_fault_in_every_format() {
    for format in Format::ALL {
        let profile = ServiceProfile::new(format);
        for (error, request) in axum_cases() {
            let path = request.uri().to_string();
            let cx = profile.read(&request);
            let expected = profile.framework_fault(error, &cx);
            let answer = via_axum(profile.clone(), request).await;
            let what = format!("{format:?} {path} ({error:?})");
            assert_eq!(
                answer.status,
                expected.status().as_u16(),
                "{what}: {}",
                answer.body
            );
            let read = answer.fault();
            assert_eq!(read.format(), Some(format), "{what}: {}", answer.body);
            assert_eq!(read.title(), expected.title(), "{what}");
            assert_eq!(
                read.message().to_string(),
                expected.message().to_string(),
                "{what}"
            );
            // The response's own request id is in the body where the format has one.
            if let Some(id) = read.request_id() {
                assert!(fault_core::is_valid_request_id(&id.to_string()), "{what}");
            }
            assert!(
                !answer.body.contains("Failed to"),
                "{what}: axum's own text leaked"
            );
        }
    }
}

#[tokio::test]
async fn s3_answers_as_s3_does() {
    let s3 = ServiceProfile::new(Format::S3).with_host_id(|| "host-1".to_owned());
    let put = Request::put("/photos/cat.jpg").body(Body::empty()).unwrap();
    let answer = via_axum(s3.clone(), put).await;
    assert_eq!(answer.status, 404);
    let id = answer.header("x-amz-request-id").unwrap().to_owned();
    assert_eq!(answer.header("x-amz-id-2"), Some("host-1"));
    assert_eq!(
        answer.body,
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucket</Code>\
             <Message>The specified bucket does not exist</Message><BucketName>photos</BucketName>\
             <RequestId>{id}</RequestId><HostId>host-1</HostId></Error>"
        )
    );

    let delete = Request::delete("/volumes").body(Body::empty()).unwrap();
    let answer = via_axum(s3.clone(), delete).await;
    assert_eq!(answer.status, 405);
    assert_eq!(answer.header("allow"), Some("GET,HEAD,POST"));
    let id = answer.header("x-amz-request-id").unwrap().to_owned();
    assert_eq!(
        answer.body,
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>MethodNotAllowed</Code>\
             <Message>The specified method is not allowed against this resource.</Message>\
             <Method>DELETE</Method><ResourceType>BUCKET</ResourceType>\
             <RequestId>{id}</RequestId><HostId>host-1</HostId></Error>"
        )
    );

    let too_large = post("/volumes", "application/json", &"x".repeat(100));
    assert_eq!(
        via_axum(s3, too_large).await.read(),
        (
            400,
            "EntityTooLarge".to_owned(),
            "Your proposed upload exceeds the maximum allowed object size.".to_owned()
        )
    );
}

#[tokio::test]
async fn each_family_has_its_own_words() {
    let read = |format, request| async move {
        via_axum(ServiceProfile::new(format), request).await.read()
    };
    assert_eq!(
        read(Format::AwsQuery, get_("/nowhere")).await,
        (
            400,
            "InvalidAction".to_owned(),
            "The action or operation requested is invalid. Verify that the action is typed correctly.".to_owned()
        )
    );
    assert_eq!(
        read(Format::AwsQuery, get_("/volumes?size=big")).await,
        (
            404,
            "MalformedQueryString".to_owned(),
            "The query string contains a syntax error.".to_owned()
        )
    );
    assert_eq!(
        read(Format::Heat, get_("/nowhere")).await,
        (
            400,
            "InvalidAction".to_owned(),
            "The action or operation requested is invalid".to_owned()
        )
    );
    assert_eq!(
        read(Format::AwsJson10, get_("/nowhere")).await,
        (400, "UnknownOperationException".to_owned(), String::new())
    );
    assert_eq!(
        read(Format::AwsJson11, post("/volumes", "application/json", "{")).await,
        (400, "SerializationException".to_owned(), String::new())
    );
    assert_eq!(
        read(Format::AwsRestJson, get_("/nowhere")).await,
        (404, "UnknownOperationException".to_owned(), String::new())
    );
    assert_eq!(
        read(Format::AwsRestJson, post("/volumes", "text/plain", "{}")).await,
        (
            415,
            "UnsupportedMediaTypeException".to_owned(),
            String::new()
        )
    );
    assert_eq!(
        read(Format::OpenStack, get_("/nowhere")).await,
        (
            404,
            "itemNotFound".to_owned(),
            "The resource could not be found.".to_owned()
        )
    );
    assert_eq!(
        read(Format::OpenStack, post("/volumes", "application/json", "{")).await,
        (
            400,
            "badRequest".to_owned(),
            "Malformed request body".to_owned()
        )
    );
    assert_eq!(
        read(Format::OpenStack, post("/volumes", "text/plain", "{}")).await,
        (
            415,
            "badMediaType".to_owned(),
            "Unsupported Content-Type".to_owned()
        )
    );
    assert_eq!(
        read(
            Format::Keystone,
            Request::delete("/volumes").body(Body::empty()).unwrap()
        )
        .await,
        (
            405,
            "Method Not Allowed".to_owned(),
            "The method is not allowed for the requested URL.".to_owned()
        )
    );
    assert_eq!(
        read(Format::Neutron, get_("/nowhere")).await,
        (
            404,
            "HTTPNotFound".to_owned(),
            "The resource could not be found.".to_owned()
        )
    );
    assert_eq!(
        read(Format::Problem, get_("/nowhere")).await,
        (404, "Not Found".to_owned(), String::new())
    );
}

#[tokio::test]
async fn placement_words_its_details_as_webob_does() {
    let placement = ServiceProfile::new(Format::Placement).with_service_type("placement");
    let request = |r: axum::http::request::Builder, body: &str| {
        r.header("openstack-api-version", "placement 1.23")
            .header("accept", "application/json")
            .body(Body::from(body.to_owned()))
            .unwrap()
    };
    let detail = |answer: &Answer| {
        let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        (
            json["errors"][0]["title"].as_str().unwrap().to_owned(),
            json["errors"][0]["detail"].as_str().unwrap().to_owned(),
            json["errors"][0]["code"].as_str().unwrap().to_owned(),
        )
    };
    let missing = via_axum(placement.clone(), request(Request::get("/nowhere"), "")).await;
    assert_eq!(
        detail(&missing),
        (
            "Not Found".to_owned(),
            "The resource could not be found.\n\n   ".to_owned(),
            "placement.undefined_code".to_owned()
        )
    );
    let patch = via_axum(placement.clone(), request(Request::patch("/volumes"), "")).await;
    assert_eq!(patch.status, 405);
    assert_eq!(
        detail(&patch).1,
        "The method PATCH is not allowed for this resource. \n\n The method specified is not allowed for this resource."
    );
    let text = via_axum(
        placement,
        request(
            Request::post("/volumes").header("content-type", "text/plain"),
            "{}",
        ),
    )
    .await;
    assert_eq!(text.status, 415);
    assert_eq!(
        detail(&text).1,
        "The request media type text/plain is not supported by this server. \n\n The media type text/plain is not supported, use application/json"
    );
    assert_eq!(
        text.fault().message().to_string(),
        "The media type text/plain is not supported, use application/json"
    );
}

#[tokio::test]
async fn a_service_puts_its_own_variants_in_place_of_the_built_in_faults() {
    #[derive(Debug, ApiFault)]
    #[fault(format = "s3")]
    enum S3Error {
        #[fault(code = 404, message = "The specified key does not exist.")]
        NoSuchKey,
    }
    let profile = ServiceProfile::new(Format::S3).with_framework_faults(|error, _| match error {
        FrameworkError::NotFound => Some(S3Error::NoSuchKey.fault().into_owned()),
        _ => None,
    });
    let answer = via_axum(profile.clone(), get_("/photos/cat.jpg")).await;
    assert_eq!(
        answer.read(),
        (
            404,
            "NoSuchKey".to_owned(),
            "The specified key does not exist.".to_owned()
        )
    );
    assert!(answer.header("x-amz-request-id").is_some());
    // The others stay built in.
    let delete = Request::delete("/volumes").body(Body::empty()).unwrap();
    assert_eq!(via_axum(profile, delete).await.read().1, "MethodNotAllowed");
}

#[tokio::test]
async fn a_response_marked_verbatim_is_sent_as_it_is_with_the_ids() {
    let answer = via_axum(ServiceProfile::new(Format::OpenStack), get_("/verbatim")).await;
    assert_eq!((answer.status, answer.body.as_str()), (404, "gone"));
    assert!(answer.header("x-openstack-request-id").is_some());
}

async fn actix_show(id: web::Path<u32>) -> String {
    id.to_string()
}

async fn actix_create(volume: web::Json<Volume>) -> String {
    volume.size.to_string()
}

async fn actix_create_form(volume: web::Form<Volume>) -> String {
    volume.size.to_string()
}

async fn actix_search(query: web::Query<HashMap<String, u32>>) -> String {
    query.len().to_string()
}

async fn via_actix(profile: ServiceProfile, request: TestRequest) -> Answer {
    let app = init_service(
        App::new()
            .wrap(FaultMiddleware::new(profile))
            .app_data(web::JsonConfig::default().limit(64))
            .app_data(web::FormConfig::default().limit(64))
            .service(
                web::resource("/volumes")
                    .route(web::get().to(actix_search))
                    .route(web::post().to(actix_create)),
            )
            .route("/volumes/{id}", web::get().to(actix_show))
            .route("/forms", web::post().to(actix_create_form))
            .route("/ok", web::get().to(HttpResponse::Ok)),
    )
    .await;
    let response = call_service(&app, request.to_request()).await;
    let status = response.status().as_u16();
    let mut headers = fault_core::http::HeaderMap::new();
    for (name, value) in response.headers() {
        headers.append(
            fault_core::http::HeaderName::from_bytes(name.as_str().as_bytes()).unwrap(),
            fault_core::http::HeaderValue::from_bytes(value.as_bytes()).unwrap(),
        );
    }
    let body = read_body(response).await;
    Answer {
        status,
        headers,
        body: String::from_utf8(body.to_vec()).unwrap(),
    }
}

/// The requests actix-web answers by itself: its `default_service`, a resource's 405, and the
/// `JsonConfig`, `FormConfig`, `PathConfig` and `QueryConfig` errors.
fn actix_cases() -> Vec<(&'static str, TestRequest, FrameworkError)> {
    let json = |body: &str| {
        TestRequest::post()
            .uri("/volumes")
            .insert_header(("content-type", "application/json"))
            .set_payload(body.to_owned())
    };
    let form = |content_type: &str, body: &str| {
        TestRequest::post()
            .uri("/forms")
            .insert_header(("content-type", content_type.to_owned()))
            .set_payload(body.to_owned())
    };
    vec![
        (
            "no route (default_service)",
            TestRequest::get().uri("/nowhere"),
            FrameworkError::NotFound,
        ),
        (
            "wrong method",
            TestRequest::delete().uri("/volumes"),
            FrameworkError::MethodNotAllowed,
        ),
        (
            "JsonConfig: bad JSON",
            json("{"),
            FrameworkError::BadRequest,
        ),
        (
            "JsonConfig: content type",
            TestRequest::post()
                .uri("/volumes")
                .insert_header(("content-type", "text/plain"))
                .set_payload("{}"),
            FrameworkError::UnsupportedMediaType,
        ),
        (
            "JsonConfig: too large",
            json(&format!(r#"{{"size": 1, "pad": "{}"}}"#, "x".repeat(100))),
            FrameworkError::PayloadTooLarge,
        ),
        (
            "FormConfig: bad form",
            form("application/x-www-form-urlencoded", "size=big"),
            FrameworkError::BadRequest,
        ),
        (
            "FormConfig: content type",
            form("text/plain", "size=1"),
            FrameworkError::UnsupportedMediaType,
        ),
        (
            "FormConfig: too large",
            form(
                "application/x-www-form-urlencoded",
                &format!("size=1&pad={}", "x".repeat(100)),
            ),
            FrameworkError::PayloadTooLarge,
        ),
        // actix-web answers a path it cannot read with 404.
        (
            "PathConfig",
            TestRequest::get().uri("/volumes/abc"),
            FrameworkError::NotFound,
        ),
        (
            "QueryConfig",
            TestRequest::get().uri("/volumes?size=big"),
            FrameworkError::BadRequest,
        ),
    ]
}

#[test]
fn every_framework_error_of_actix_is_the_family_fault_in_every_format() {
    actix_web::rt::System::new().block_on(async {
        for format in Format::ALL {
            let profile = ServiceProfile::new(format);
            for (what, request, error) in actix_cases() {
                let answer = via_actix(profile.clone(), request).await;
                // Placement names the request's content type in a 415.
                let mut cx = fault_core::Context::new();
                if error == FrameworkError::UnsupportedMediaType {
                    cx = cx.with_content_type("text/plain");
                }
                let expected = profile.framework_fault(error, &cx);
                let what = format!("{format:?} {what}");
                assert_eq!(
                    answer.status,
                    expected.status().as_u16(),
                    "{what}: {}",
                    answer.body
                );
                let read = answer.fault();
                assert_eq!(read.format(), Some(format), "{what}: {}", answer.body);
                assert_eq!(read.title(), expected.title(), "{what}");
                assert_eq!(
                    read.message().to_string(),
                    expected.message().to_string(),
                    "{what}"
                );
            }
        }
    });
}

#[test]
fn actix_adds_the_ids_to_a_success_and_keeps_a_405_in_the_dialect() {
    actix_web::rt::System::new().block_on(async {
        let ok = via_actix(
            ServiceProfile::new(Format::AwsJson11),
            TestRequest::get().uri("/ok"),
        )
        .await;
        assert_eq!(ok.status, 200);
        let id = ok.header("x-amzn-requestid").unwrap();
        assert!(id.len() == 36 && !id.starts_with("req-"), "{id}");
    });
}

#[test]
fn the_profile_dialect_names_what_nova_and_cinder_name_differently() {
    let too_many = FrameworkError::Status(fault_core::http::StatusCode::TOO_MANY_REQUESTS);
    let cx = fault_core::Context::new();
    let nova = ServiceProfile::new(Format::OpenStack);
    assert_eq!(nova.framework_fault(too_many, &cx).title(), "overLimit");
    // cinder's `_fault_names` has no 429.
    let cinder = ServiceProfile::new(Format::OpenStack).with_dialect(fault_core::Dialect::Cinder);
    assert_eq!(
        cinder.framework_fault(too_many, &cx).title(),
        "computeFault"
    );
}

/// The formats whose model server refuses an `Accept` that admits nothing it sends.
const ACCEPT_CHECKED: [Format; 7] = [
    Format::AwsJson10,
    Format::AwsJson11,
    Format::AwsRestJson,
    Format::AwsRestXml,
    Format::AwsRestXmlUnwrapped,
    Format::ApiWg,
    Format::Placement,
];

/// What a service of each format answers to `GET /volumes` with `Accept: text/html`: the
/// family's 406 fault where its model server checks, else the handler's 200.
fn check_unacceptable(format: Format, answer: &Answer, profile: &ServiceProfile) {
    let what = format!("{format:?}: {}", answer.body);
    if ACCEPT_CHECKED.contains(&format) {
        let expected = profile.framework_fault(FrameworkError::NotAcceptable, &Default::default());
        assert_eq!(answer.status, expected.status().as_u16(), "{what}");
        let read = answer.fault();
        assert_eq!(read.format(), Some(format), "{what}");
        assert_eq!(read.title(), expected.title(), "{what}");
    } else {
        assert_eq!((answer.status, answer.body.as_str()), (200, "0"), "{what}");
    }
    // Problem details have no request-id header.
    assert!(
        format == Format::Problem
            || answer.headers.contains_key("x-amzn-requestid")
            || answer.headers.contains_key("x-amz-request-id")
            || answer.headers.contains_key("x-openstack-request-id"),
        "{what}"
    );
}

fn html(request: Request<Body>) -> Request<Body> {
    let (mut parts, body) = request.into_parts();
    parts.headers.insert("accept", "text/html".parse().unwrap());
    Request::from_parts(parts, body)
}

#[tokio::test]
async fn an_unacceptable_accept_is_refused_where_the_family_refuses_it() {
    for format in Format::ALL {
        let profile = ServiceProfile::new(format);
        assert_eq!(
            profile.refuses_accept(Some("text/html")),
            ACCEPT_CHECKED.contains(&format),
            "{format:?}"
        );
        let answer = via_axum(profile.clone(), html(get_("/volumes"))).await;
        check_unacceptable(format, &answer, &profile);
        // A range that admits the family's media type is served.
        let mut request = get_("/volumes");
        request
            .headers_mut()
            .insert("accept", "text/html, */*;q=0.1".parse().unwrap());
        assert_eq!(
            via_axum(profile.clone(), request).await.status,
            200,
            "{format:?}"
        );
        // And the check can be turned off.
        let off = profile.with_accept_checked(false);
        assert_eq!(
            via_axum(off, html(get_("/volumes"))).await.status,
            200,
            "{format:?}"
        );
    }
    // Placement's own words, and the 406 the smithy-rs server sends for restJson.
    let answer = via_axum(
        ServiceProfile::new(Format::Placement),
        html(get_("/volumes")),
    )
    .await;
    assert_eq!(answer.status, 406);
    assert!(
        answer.body.contains("Only application/json is provided"),
        "{}",
        answer.body
    );
    let answer = via_axum(
        ServiceProfile::new(Format::AwsRestJson),
        html(get_("/volumes")),
    )
    .await;
    assert_eq!(
        (answer.status, answer.header("x-amzn-errortype")),
        (406, Some("NotAcceptableException"))
    );
    // awsJson's one media type is its own: plain JSON is refused, as smithy-rs refuses it.
    let mut request = get_("/volumes");
    request
        .headers_mut()
        .insert("accept", "application/json".parse().unwrap());
    let answer = via_axum(ServiceProfile::new(Format::AwsJson10), request).await;
    assert_eq!(answer.read().1, "SerializationException");
}

#[test]
fn actix_refuses_an_unacceptable_accept_where_the_family_refuses_it() {
    actix_web::rt::System::new().block_on(async {
        for format in Format::ALL {
            let profile = ServiceProfile::new(format);
            let request = TestRequest::get()
                .uri("/volumes")
                .insert_header(("accept", "text/html"));
            let answer = via_actix(profile.clone(), request).await;
            check_unacceptable(format, &answer, &profile);
            let off = profile.with_accept_checked(false);
            let request = TestRequest::get()
                .uri("/volumes")
                .insert_header(("accept", "text/html"));
            assert_eq!(via_actix(off, request).await.status, 200, "{format:?}");
        }
    });
}
