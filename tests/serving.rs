//! The whole service behind one layer: request ids on every response (success included) in
//! the family's headers, the same id in the body and for handlers; layers that compose in
//! either order; a panic or a timeout answered in the dialect, the panic logged and never
//! sent; the request's span with its ids and W3C trace context.

mod common;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Extension, Request as AxumRequest};
use axum::http::Request;
use axum::middleware::{self, Next};
use axum::routing::get;
use common::log::Log;
use fault_core::integrations::axum::FaultLayer;
use fault_core::{ApiFault, Context, Fault, Format, ServiceProfile};
use std::io;
use std::time::Duration;
use tower::ServiceExt as _;

#[derive(Debug, ApiFault)]
#[fault(format = "aws_query")]
enum QueueError {
    #[fault(code = 400, message = "The specified queue does not exist.")]
    QueueDoesNotExist,
    #[fault(code = 500, title = "InternalFailure", message = "backend down: {0}")]
    Backend(#[fault(source)] io::Error),
}

/// Answers with the request id it was given.
async fn whoami(Extension(cx): Extension<Context<'static>>) -> String {
    cx.request_id().unwrap().to_owned()
}

async fn missing() -> Result<String, QueueError> {
    Err(QueueError::QueueDoesNotExist)
}

async fn broken() -> Result<String, QueueError> {
    Err(QueueError::Backend(io::Error::other(
        "disk at 10.0.0.7 gone",
    )))
}

async fn panics() -> String {
    panic!("the secret is hunter2");
}

async fn slow() -> String {
    tokio::time::sleep(Duration::from_secs(5)).await;
    "late".to_owned()
}

fn routes() -> Router {
    Router::new()
        .route("/whoami", get(whoami))
        .route("/missing", get(missing))
        .route("/broken", get(broken))
        .route("/panics", get(panics))
        .route("/slow", get(slow))
}

struct Answer {
    status: u16,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    fn count(&self, name: &str) -> usize {
        self.headers.get_all(name).iter().count()
    }

    fn fault(&self) -> Fault<'static> {
        Fault::parse(
            axum::http::StatusCode::from_u16(self.status).unwrap(),
            &self.headers,
            self.body.as_bytes(),
        )
    }
}

async fn call(app: Router, path: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = app
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8(body.to_vec()).unwrap(),
    }
}

#[tokio::test]
async fn a_success_carries_the_family_ids_and_the_handler_sees_the_same() {
    let cases: [(Format, &[&str]); 6] = [
        (
            Format::OpenStack,
            &["x-openstack-request-id", "x-compute-request-id"],
        ),
        (Format::Placement, &["x-openstack-request-id"]),
        (Format::S3, &["x-amz-request-id"]),
        (Format::AwsJson10, &["x-amzn-requestid"]),
        (Format::AwsQuery, &["x-amzn-requestid"]),
        (Format::Problem, &["x-request-id"]),
    ];
    for (format, names) in cases {
        let app = routes().layer(FaultLayer::new(ServiceProfile::new(format)));
        let answer = call(app, "/whoami", &[("x-amzn-requestid", "client-1")]).await;
        assert_eq!(answer.status, 200, "{format:?}");
        for name in names {
            assert_eq!(
                answer.header(name),
                Some(answer.body.as_str()),
                "{format:?} {name}"
            );
            assert_eq!(answer.count(name), 1, "{format:?} {name}");
        }
        assert_ne!(
            answer.body, "client-1",
            "{format:?} adopted the client's id"
        );
    }
    // S3 also sends its host id, a fresh one per request.
    let s3 = || routes().layer(FaultLayer::new(ServiceProfile::new(Format::S3)));
    let a = call(s3(), "/whoami", &[]).await;
    let b = call(s3(), "/whoami", &[]).await;
    assert_eq!(a.header("x-amz-id-2").unwrap().len(), 64);
    assert_ne!(a.header("x-amz-id-2"), b.header("x-amz-id-2"));
}

#[tokio::test]
async fn a_fault_carries_one_id_in_its_headers_and_its_body() {
    let app = routes().layer(FaultLayer::new(ServiceProfile::new(Format::AwsQuery)));
    let answer = call(app, "/missing", &[]).await;
    assert_eq!(answer.status, 400);
    let id = answer.header("x-amzn-requestid").unwrap();
    assert_eq!(answer.count("x-amzn-requestid"), 1);
    assert_eq!(answer.fault().request_id().unwrap().to_string(), id);
}

/// Two layers, in either order: one id per request, and the settings of both.
#[tokio::test]
async fn two_layers_compose_in_either_order() {
    let namespaced =
        || ServiceProfile::new(Format::AwsQuery).with_namespace("https://queue.example/doc/");
    let exposed = || ServiceProfile::new(Format::AwsQuery).with_internal_detail_exposed(true);
    let orders = [
        routes()
            .layer(FaultLayer::new(namespaced()))
            .layer(FaultLayer::new(exposed())),
        routes()
            .layer(FaultLayer::new(exposed()))
            .layer(FaultLayer::new(namespaced())),
    ];
    for (i, app) in orders.into_iter().enumerate() {
        let answer = call(app.clone(), "/broken", &[]).await;
        assert_eq!(answer.status, 500, "order {i}");
        assert!(
            answer
                .body
                .contains(r#"<ErrorResponse xmlns="https://queue.example/doc/">"#),
            "order {i}: {}",
            answer.body
        );
        assert!(
            answer.body.contains("disk at 10.0.0.7 gone"),
            "order {i}: {}",
            answer.body
        );
        assert_eq!(answer.count("x-amzn-requestid"), 1, "order {i}");
        let id = answer.header("x-amzn-requestid").unwrap();
        assert_eq!(
            answer.fault().request_id().unwrap().to_string(),
            id,
            "order {i}"
        );

        let answer = call(app, "/whoami", &[]).await;
        assert_eq!(
            answer.header("x-amzn-requestid"),
            Some(answer.body.as_str()),
            "order {i}"
        );
        assert_eq!(answer.count("x-amzn-requestid"), 1, "order {i}");
    }
}

/// A gateway middleware outside the layer that sets the context keeps what it set; one
/// inside reads the layer's.
#[tokio::test]
async fn a_middleware_outside_the_layer_keeps_its_context_and_one_inside_reads_it() {
    async fn gateway(mut request: AxumRequest, next: Next) -> axum::response::Response {
        let cx = Context::new()
            .with_request_id("gw-7")
            .with_host_id("edge-3");
        request.extensions_mut().insert(cx);
        next.run(request).await
    }
    async fn audit(request: AxumRequest, next: Next) -> axum::response::Response {
        let seen = request
            .extensions()
            .get::<Context<'static>>()
            .and_then(|cx| cx.request_id().map(str::to_owned))
            .unwrap_or_default();
        let mut response = next.run(request).await;
        response
            .headers_mut()
            .insert("x-audit", seen.parse().unwrap());
        response
    }
    let app = routes()
        .layer(middleware::from_fn(audit))
        .layer(FaultLayer::new(ServiceProfile::new(Format::S3)))
        .layer(middleware::from_fn(gateway));
    let answer = call(app, "/whoami", &[]).await;
    assert_eq!(answer.body, "gw-7");
    assert_eq!(answer.header("x-amz-request-id"), Some("gw-7"));
    assert_eq!(answer.header("x-amz-id-2"), Some("edge-3"));
    assert_eq!(answer.header("x-audit"), Some("gw-7"));
}

/// Runs `future` on a fresh runtime with a subscriber writing to the log it returns.
fn logged<T>(future: impl std::future::Future<Output = T>) -> (T, String) {
    let log = Log::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(log.clone())
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .finish();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let out = tracing::subscriber::with_default(subscriber, || runtime.block_on(future));
    (out, log.text())
}

#[test]
fn a_panic_is_a_500_in_the_dialect_logged_and_never_sent() {
    for format in [
        Format::S3,
        Format::AwsJson11,
        Format::OpenStack,
        Format::Placement,
        Format::Problem,
    ] {
        let app = routes().layer(FaultLayer::new(ServiceProfile::new(format)));
        let (answer, log) = logged(call(app, "/panics", &[]));
        assert_eq!(answer.status, 500, "{format:?}");
        let fault = answer.fault();
        assert_eq!(fault.format(), Some(format), "{format:?}: {}", answer.body);
        let expected = ServiceProfile::new(format)
            .framework_fault(fault_core::FrameworkError::Internal, &Context::new());
        assert_eq!(fault.title(), expected.title(), "{format:?}");
        assert!(
            !answer.body.contains("hunter2"),
            "{format:?}: the panic was sent"
        );
        let id = fault
            .request_id()
            .map(|id| id.to_string())
            .or_else(|| {
                answer
                    .headers
                    .iter()
                    .find(|(n, _)| {
                        n.as_str().contains("request-id") || n.as_str() == "x-amzn-requestid"
                    })
                    .map(|(_, v)| v.to_str().unwrap().to_owned())
            })
            .unwrap();
        let line = log
            .lines()
            .find(|l| l.contains("handler panicked"))
            .unwrap_or_else(|| panic!("{format:?}: {log}"));
        assert!(
            line.contains("ERROR") && line.contains("the secret is hunter2") && line.contains(&id),
            "{line}"
        );
    }
}

#[tokio::test]
async fn a_handler_past_the_timeout_gets_the_family_timeout_fault() {
    let s3 = ServiceProfile::new(Format::S3).with_timeout(Duration::from_millis(20));
    let answer = call(routes().layer(FaultLayer::new(s3)), "/slow", &[]).await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.fault().title(), "RequestTimeout");
    let nova = ServiceProfile::new(Format::OpenStack).with_timeout(Duration::from_millis(20));
    let answer = call(routes().layer(FaultLayer::new(nova)), "/slow", &[]).await;
    assert_eq!(
        answer.body,
        r#"{"computeFault": {"code": 408, "message": "The server has waited too long for the request to be sent by the client."}}"#
    );
    // A fast handler is not affected.
    let quick = ServiceProfile::new(Format::S3).with_timeout(Duration::from_secs(5));
    assert_eq!(
        call(routes().layer(FaultLayer::new(quick)), "/whoami", &[])
            .await
            .status,
        200
    );
}

#[test]
fn the_span_carries_the_ids_and_the_trace_context() {
    let global = "req-2f3e4e8e-0bb5-4d2a-9a3c-1e6c5b7d8f90";
    let parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    let app = routes().layer(FaultLayer::new(ServiceProfile::new(Format::OpenStack)));
    let (answer, log) = logged(call(
        app,
        "/broken",
        &[("x-openstack-request-id", global), ("traceparent", parent)],
    ));
    let id = answer.header("x-openstack-request-id").unwrap();
    let line = log
        .lines()
        .find(|l| l.contains("request failed"))
        .unwrap_or_else(|| panic!("{log}"));
    for field in [
        format!("request_id=\"{id}\""),
        format!("global_request_id=\"{global}\""),
        "trace_id=\"4bf92f3577b34da6a3ce929d0e0e4736\"".to_owned(),
        "parent_id=\"00f067aa0ba902b7\"".to_owned(),
    ] {
        assert!(line.contains(&field), "{field} not in {line}");
    }
}

mod actix {
    //! The same through actix-web's middleware, over a real connection: a panic there has no
    //! response to go with, and is answered through actix-web's error path.

    use actix_web::{App, HttpServer, web};
    use fault_core::integrations::actix::FaultMiddleware;
    use fault_core::{Format, ServiceProfile};
    use std::net::TcpListener;

    async fn panics() -> String {
        panic!("the secret is hunter2");
    }

    async fn ok() -> &'static str {
        "ok"
    }

    #[tokio::test]
    async fn a_panic_and_a_success_through_actix() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let server = HttpServer::new(|| {
            App::new()
                .wrap(FaultMiddleware::new(ServiceProfile::new(Format::AwsJson10)))
                .route("/panics", web::get().to(panics))
                .route("/ok", web::get().to(ok))
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run();
        let handle = server.handle();
        tokio::spawn(server);
        let client = reqwest::Client::new();
        let panicked = client
            .get(format!("http://{addr}/panics"))
            .send()
            .await
            .unwrap();
        assert_eq!(panicked.status().as_u16(), 500);
        assert!(panicked.headers().get("x-amzn-requestid").is_some());
        assert_eq!(
            panicked.headers()["content-type"],
            "application/x-amz-json-1.0"
        );
        let body = panicked.text().await.unwrap();
        assert!(
            body.contains("InternalFailure") && !body.contains("hunter2"),
            "{body}"
        );
        // The worker survives its handler's panic.
        let ok = client
            .get(format!("http://{addr}/ok"))
            .send()
            .await
            .unwrap();
        assert_eq!(ok.status().as_u16(), 200);
        let id = ok.headers()["x-amzn-requestid"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(id.len() == 36, "{id}");
        handle.stop(true).await;
    }
}
