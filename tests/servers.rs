//! The demo services, each started in-process on an ephemeral loopback port and called with
//! a real HTTP client (reqwest): statuses, headers and bodies in JSON and XML, as the seed
//! systems send them.

use fault_core::{Fault, FromFault};
use fault_suite::demos::placement::{COMPUTE_1, NUMA_0, Placement};
use fault_suite::demos::{
    Service, Throttle, Try, axum_serve, exchange, heat::Heat, volumes::Volumes,
};
use fault_suite::seeds::HeatError;
use reqwest::header::HeaderMap;
use std::net::{SocketAddr, TcpListener};
use std::time::Duration;

fn listener() -> (TcpListener, SocketAddr) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    (listener, addr)
}

fn start_axum(app: axum::Router) -> SocketAddr {
    let (listener, addr) = listener();
    tokio::spawn(axum_serve(listener, app));
    addr
}

fn start_placement() -> SocketAddr {
    let (listener, addr) = listener();
    tokio::spawn(Placement::new().server(listener).unwrap());
    addr
}

/// A response, read whole.
struct Answer {
    status: u16,
    headers: HeaderMap,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    /// The fault, read back as a client would.
    fn fault(&self) -> Fault<'static> {
        let status = fault_core::http::StatusCode::from_u16(self.status).unwrap();
        let mut headers = fault_core::http::HeaderMap::new();
        for (name, value) in &self.headers {
            headers.append(
                name.as_str()
                    .parse::<fault_core::http::HeaderName>()
                    .unwrap(),
                value.as_bytes().try_into().unwrap(),
            );
        }
        Fault::parse(status, &headers, self.body.as_bytes())
    }
}

async fn send(addr: SocketAddr, request: &Try) -> Answer {
    let client = reqwest::Client::new();
    let method = reqwest::Method::from_bytes(request.method.as_bytes()).unwrap();
    let mut builder = client.request(method, format!("http://{addr}{}", request.path));
    for (name, value) in &request.headers {
        builder = builder.header(*name, value);
    }
    if let Some(body) = &request.body {
        builder = builder.body(body.clone());
    }
    let response = builder.send().await.unwrap();
    Answer {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.text().await.unwrap(),
    }
}

async fn get(addr: SocketAddr, path: &str) -> Answer {
    send(addr, &Try::get("", path, 0)).await
}

#[tokio::test]
async fn every_suggested_request_gets_its_status() {
    for service in Service::ALL {
        let (listener, addr) = listener();
        tokio::spawn(service.serve(listener));
        for request in service.tries() {
            let answer = send(addr, &request).await;
            assert_eq!(
                answer.status, request.status,
                "{service:?} {}: {}",
                request.what, answer.body
            );
        }
    }
}

#[tokio::test]
async fn heat_answers_with_its_aws_errors() {
    let addr = start_axum(Heat::new().router());
    let ok = get(addr, "/v1/?Action=DescribeStacks&StackName=web").await;
    assert_eq!(ok.status, 200);
    assert!(
        ok.body
            .contains("<StackName>web</StackName><StackId>arn:openstack:heat::demo:stacks/web/"),
        "{}",
        ok.body
    );

    let missing = get(addr, "/v1/?StackName=web").await;
    assert_eq!(missing.status, 400);
    assert_eq!(
        missing.header("content-type"),
        Some("application/xml; charset=UTF-8")
    );
    assert_eq!(
        missing.body,
        "<ErrorResponse><Error><Type>Sender</Type><Code>MissingAction</Code>\
         <Message>The request is missing an action or operation parameter</Message></Error></ErrorResponse>"
    );
    let cases = [
        ("/v1/?Action=DeleteEverything", HeatError::InvalidAction),
        (
            "/v1/?Action=CreateStack&TemplateBody=x",
            HeatError::MissingParameter,
        ),
        (
            "/v1/?Action=CreateStack&StackName=app",
            HeatError::MissingParameter,
        ),
        (
            "/v1/?Action=DescribeStacks&StackName=nope",
            HeatError::InvalidParameterValue,
        ),
        (
            "/v1/?Action=DeleteStack&StackName=nope",
            HeatError::InvalidParameterValue,
        ),
        (
            "/v1/?Action=CreateStack&StackName=db&TemplateBody=x",
            HeatError::AlreadyExists,
        ),
    ];
    for (path, expected) in cases {
        let answer = get(addr, path).await;
        assert_eq!(answer.status, 400, "{path}");
        assert_eq!(
            HeatError::from_fault(&answer.fault()),
            Some(expected),
            "{path}: {}",
            answer.body
        );
    }
}

#[tokio::test]
async fn heat_reads_a_form_body_and_sends_the_title_as_reason_phrase() {
    let addr = start_axum(Heat::new().router());
    let form = Try::get("", "/v1/", 0)
        .method("POST")
        .header("content-type", "application/x-www-form-urlencoded");
    let create = Try {
        body: Some("Action=CreateStack&StackName=app&TemplateBody=%7B%7D".into()),
        ..form.clone()
    };
    assert_eq!(send(addr, &create).await.status, 200);
    let again = tokio::task::spawn_blocking(move || exchange(addr, &create))
        .await
        .unwrap()
        .unwrap();
    assert!(again.starts_with("HTTP/1.1 400 AlreadyExists\n"), "{again}");
}

#[tokio::test]
async fn heat_throttles_with_a_400_throttling() {
    let addr =
        start_axum(Heat::with_throttle(Throttle::new(2, Duration::from_secs(3600))).router());
    for _ in 0..2 {
        assert_eq!(get(addr, "/v1/?Action=ListStacks").await.status, 200);
    }
    let throttled = get(addr, "/v1/?Action=ListStacks").await;
    assert_eq!(throttled.status, 400);
    assert_eq!(
        HeatError::from_fault(&throttled.fault()),
        Some(HeatError::Throttling)
    );
}

const NS: &str = "http://docs.openstack.org/openstack-block-storage/2.0/content";

#[tokio::test]
async fn volumes_answer_in_json_or_xml_by_accept() {
    let addr = start_axum(Volumes::new().router());
    let list = get(addr, "/v3/demo/volumes").await;
    assert_eq!(list.status, 200);
    assert!(
        list.header("x-openstack-request-id")
            .unwrap()
            .starts_with("req-")
    );

    let request =
        Try::get("", "/v3/demo/volumes/vol-9", 404).header("x-openstack-request-id", "req-abc");
    let json = send(addr, &request).await;
    assert_eq!(json.status, 404);
    assert_eq!(
        json.header("content-type"),
        Some("application/json; charset=UTF-8")
    );
    assert_eq!(json.header("x-openstack-request-id"), Some("req-abc"));
    assert_eq!(json.header("x-compute-request-id"), Some("req-abc"));
    assert_eq!(
        json.body,
        r#"{"itemNotFound": {"code": 404, "message": "Volume vol-9 could not be found."}}"#
    );

    let xml = send(addr, &request.clone().header("accept", "application/xml")).await;
    assert_eq!(xml.header("content-type"), Some("application/xml"));
    assert_eq!(
        xml.body,
        format!(
            "<itemNotFound code=\"404\" xmlns=\"{NS}\"><message>Volume vol-9 could not be found.</message></itemNotFound>"
        )
    );
    assert_eq!(xml.fault().title(), "itemNotFound");
    assert_eq!(xml.fault().request_id().unwrap(), "req-abc");
}

#[tokio::test]
async fn volumes_refuse_bad_requests_with_their_faults() {
    let addr = start_axum(Volumes::new().router());
    let create = |body: &str| {
        Try::get("", "/v3/demo/volumes", 0)
            .method("POST")
            .json(body)
    };
    let cases = [
        (
            create(r#"{"volume": {"size": -1}}"#),
            400,
            "badRequest",
            "Volume 'size' needs to be a positive integer value, -1 cannot be accepted.",
        ),
        (
            create(r#"{"volume": {"size": "big"}}"#),
            400,
            "badRequest",
            "Volume 'size' needs to be a positive integer value, \"big\" cannot be accepted.",
        ),
        (create("{"), 400, "badRequest", "Malformed request body"),
        (
            create(r#"{"size": 1}"#),
            400,
            "badRequest",
            "Missing required element 'volume' in request body.",
        ),
        (
            Try::get("", "/v3/demo/volumes", 0).method("POST"),
            415,
            "badMediaType",
            "Unsupported Content-Type",
        ),
        (
            Try::get("", "/v3/demo/volumes/vol-1", 0).method("PUT"),
            405,
            "badMethod",
            "The request method is not allowed for this resource.",
        ),
        (
            Try::get("", "/v2/anything", 0),
            404,
            "itemNotFound",
            "The resource could not be found.",
        ),
    ];
    for (request, status, title, message) in cases {
        let answer = send(addr, &request).await;
        assert_eq!(answer.status, status, "{}", answer.body);
        let fault = answer.fault();
        assert_eq!(
            (fault.title(), fault.message().to_string().as_str()),
            (title, message)
        );
    }
}

#[tokio::test]
async fn volumes_send_a_5xx_without_its_cause() {
    let addr = start_axum(Volumes::new().router());
    let request = Try::get("", "/v3/demo/volumes", 0)
        .method("POST")
        .json(r#"{"volume": {"size": 1, "name": "fail-2"}}"#);
    let answer = send(addr, &request).await;
    assert_eq!(answer.status, 500);
    assert_eq!(
        answer.body,
        r#"{"instanceFault": {"code": 500, "message": "The server has either erred or is incapable of performing the requested operation."}}"#
    );
}

#[tokio::test]
async fn volumes_rate_limit_with_retry_after_and_the_quota_without() {
    let addr =
        start_axum(Volumes::with_throttle(Throttle::new(1, Duration::from_secs(60))).router());
    let create = Try::get("", "/v3/demo/volumes", 0)
        .method("POST")
        .json(r#"{"volume": {"size": 1}}"#);
    assert_eq!(send(addr, &create).await.status, 202);
    let limited = send(addr, &create).await;
    assert_eq!(limited.status, 413);
    assert_eq!(limited.header("retry-after"), Some("60"));
    assert_eq!(
        limited.body,
        r#"{"overLimit": {"code": 413, "message": "This request was rate-limited.", "retryAfter": "60"}}"#
    );

    let addr =
        start_axum(Volumes::with_throttle(Throttle::new(100, Duration::from_secs(1))).router());
    for _ in 1..fault_suite::demos::volumes::QUOTA {
        assert_eq!(send(addr, &create).await.status, 202);
    }
    let over = send(addr, &create).await;
    assert_eq!(over.status, 413);
    assert_eq!(over.header("retry-after"), None);
    assert!(
        over.body
            .contains("Maximum number of volumes allowed (10) exceeded"),
        "{}",
        over.body
    );
}

fn placement(path: impl Into<String>, version: &str) -> Try {
    Try::get("", path, 0).header("openstack-api-version", format!("placement {version}"))
}

fn error_of(answer: &Answer) -> serde_json::Value {
    let body: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    body["errors"][0].clone()
}

#[tokio::test]
async fn placement_sends_codes_from_microversion_1_23() {
    let addr = start_placement();
    let new = send(
        addr,
        &placement("/resource_providers/42", "1.23").header("x-openstack-request-id", "req-9"),
    )
    .await;
    assert_eq!(new.status, 404);
    assert_eq!(new.header("content-type"), Some("application/json"));
    assert_eq!(new.header("openstack-api-version"), Some("placement 1.23"));
    assert_eq!(new.header("x-openstack-request-id"), Some("req-9"));
    assert_eq!(
        new.body,
        "{\"errors\": [{\"status\": 404, \"title\": \"Not Found\", \"detail\": \"The resource could not be found.\\n\\n \
         No resource provider with uuid 42 found  \", \"code\": \"placement.undefined_code\", \"request_id\": \"req-9\"}]}"
    );
    let old = send(addr, &placement("/resource_providers/42", "1.22")).await;
    assert_eq!(error_of(&old)["code"], serde_json::Value::Null);
    assert_eq!(
        error_of(&old)["request_id"].as_str(),
        old.header("x-openstack-request-id")
    );
}

#[tokio::test]
async fn placement_conflicts_carry_their_codes() {
    let addr = start_placement();
    let inventories = |generation: u64| {
        placement(
            format!("/resource_providers/{COMPUTE_1}/inventories"),
            "1.23",
        )
        .method("PUT")
        .json(format!(
            r#"{{"resource_provider_generation": {generation}, "inventories": {{}}}}"#
        ))
    };
    let cases = [
        (inventories(1), 409, "placement.concurrent_update"),
        (
            placement(format!("/resource_providers/{COMPUTE_1}"), "1.23").method("DELETE"),
            409,
            "placement.resource_provider.cannot_delete_parent",
        ),
        (
            placement(format!("/resource_providers/{NUMA_0}"), "1.23").method("DELETE"),
            409,
            "placement.resource_provider.inuse",
        ),
        (
            placement("/resource_providers", "1.23")
                .method("POST")
                .json(r#"{"name": "compute-1"}"#),
            409,
            "placement.duplicate_name",
        ),
        (
            placement("/resource_providers", "1.23")
                .method("POST")
                .json("{"),
            400,
            "placement.undefined_code",
        ),
        (
            placement("/nothing/here", "1.23"),
            404,
            "placement.undefined_code",
        ),
    ];
    for (request, status, code) in cases {
        let answer = send(addr, &request).await;
        assert_eq!(answer.status, status, "{}", answer.body);
        assert_eq!(error_of(&answer)["code"], code);
        assert_eq!(answer.fault().code(), Some(code));
    }
    assert_eq!(send(addr, &inventories(3)).await.status, 200);
    assert_eq!(send(addr, &inventories(3)).await.status, 409);
}
