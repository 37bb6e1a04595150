//! Safe by default through the server integrations (DESIGN.md §5): for every format, served
//! by axum and by actix-web, a 5xx wrapping a source whose `Display` holds a secret sends the
//! secret in no header and no byte of the body; an `expose`d 4xx sends its message; and a
//! request id that is not a safe header value is replaced, never echoed.

use actix_web::test::{TestRequest, call_service, init_service, read_body};
use actix_web::{App, web};
use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::Request;
use fault_core::integrations::{actix::FaultMiddleware, axum::FaultLayer};
use fault_core::{RequestIdPolicy, ServiceProfile};
use tower::ServiceExt as _;

/// A profile that echoes the client's request id when it is safe, so that unsafe ones are
/// seen to be replaced.
fn echo() -> ServiceProfile {
    ServiceProfile::default().with_request_ids(RequestIdPolicy::Echo)
}

const SECRET: &str = "hunter2@db.internal";

/// The source a 5xx wraps: its `Display` holds the secret.
#[derive(Debug)]
struct Leaky;

impl std::fmt::Display for Leaky {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "connect to {SECRET} refused")
    }
}

impl std::error::Error for Leaky {}

/// One error type per format, each with a hidden 5xx and an exposed 4xx, and their handlers.
macro_rules! per_format {
    ($($module:ident => $format:literal),* $(,)?) => {
        $(
            mod $module {
                use fault_core::ApiFault;

                #[derive(Debug, ApiFault)]
                #[fault(format = $format)]
                pub enum Error {
                    #[fault(code = 500, title = "InternalFailure", message = "backend: {0}")]
                    Hidden(#[fault(source)] super::Leaky),
                    #[fault(code = 409, title = "Conflict", message = "stack {0} is busy", expose)]
                    Shown(String),
                }

                pub async fn hidden() -> Result<&'static str, Error> {
                    Err(Error::Hidden(super::Leaky))
                }

                pub async fn shown() -> Result<&'static str, Error> {
                    Err(Error::Shown("web-7".into()))
                }
            }
        )*

        const FORMATS: &[&str] = &[$($format),*];

        fn axum_app() -> Router {
            Router::new()
                $(
                    .route(concat!("/", $format, "/hidden"), axum::routing::get($module::hidden))
                    .route(concat!("/", $format, "/shown"), axum::routing::get($module::shown))
                )*
                .layer(FaultLayer::new(echo()))
        }

        fn actix_routes(app: &mut web::ServiceConfig) {
            $(
                app.route(concat!("/", $format, "/hidden"), web::get().to($module::hidden));
                app.route(concat!("/", $format, "/shown"), web::get().to($module::shown));
            )*
        }
    };
}

per_format! {
    aws_query => "aws_query",
    heat => "heat",
    ec2_query => "ec2_query",
    aws_json10 => "aws_json10",
    aws_json11 => "aws_json11",
    aws_rest_json => "aws_rest_json",
    aws_rest_xml => "aws_rest_xml",
    s3 => "s3",
    openstack => "openstack",
    load_balancer => "load_balancer",
    keystone => "keystone",
    neutron => "neutron",
    api_wg => "api_wg",
    placement => "placement",
    problem => "problem",
}

/// Everything a response sent: header names and values, then the body.
struct Sent {
    status: u16,
    bytes: Vec<u8>,
    request_id: Option<String>,
}

impl Sent {
    fn contains(&self, text: &str) -> bool {
        self.bytes.windows(text.len()).any(|w| w == text.as_bytes())
    }
}

async fn via_axum(path: &str, headers: &[(&str, &[u8])]) -> Sent {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = axum_app()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    let mut bytes = Vec::new();
    let mut request_id = None;
    for (name, value) in response.headers() {
        bytes.extend_from_slice(name.as_str().as_bytes());
        bytes.extend_from_slice(value.as_bytes());
        if name.as_str().ends_with("request-id") || name == "x-amzn-requestid" {
            request_id = Some(String::from_utf8_lossy(value.as_bytes()).into_owned());
        }
    }
    bytes.extend_from_slice(&to_bytes(response.into_body(), usize::MAX).await.unwrap());
    Sent {
        status,
        bytes,
        request_id,
    }
}

async fn via_actix(path: &str, headers: &[(&str, &[u8])]) -> Sent {
    let app = init_service(
        App::new()
            .wrap(FaultMiddleware::new(echo()))
            .configure(actix_routes),
    )
    .await;
    let mut request = TestRequest::get().uri(path);
    for (name, value) in headers {
        request = request.insert_header((
            *name,
            actix_web::http::header::HeaderValue::from_bytes(value).unwrap(),
        ));
    }
    let response = call_service(&app, request.to_request()).await;
    let status = response.status().as_u16();
    let mut bytes = Vec::new();
    let mut request_id = None;
    for (name, value) in response.headers() {
        bytes.extend_from_slice(name.as_str().as_bytes());
        bytes.extend_from_slice(value.as_bytes());
        if name.as_str().ends_with("request-id") || name == "x-amzn-requestid" {
            request_id = Some(String::from_utf8_lossy(value.as_bytes()).into_owned());
        }
    }
    bytes.extend_from_slice(&read_body(response).await);
    Sent {
        status,
        bytes,
        request_id,
    }
}

fn check(server: &str, format: &str, hidden: &Sent, shown: &Sent) {
    assert_eq!(hidden.status, 500, "{server} {format}");
    assert!(
        !hidden.contains("hunter2"),
        "{server} {format}: the 5xx leaks its source"
    );
    assert!(
        !hidden.contains("db.internal"),
        "{server} {format}: the 5xx leaks its source"
    );
    assert_eq!(shown.status, 409, "{server} {format}");
    assert!(
        shown.contains("stack web-7 is busy"),
        "{server} {format}: the exposed message is sent"
    );
}

#[tokio::test]
async fn no_format_leaks_a_5xx_source_through_axum() {
    for format in FORMATS {
        let hidden = via_axum(&format!("/{format}/hidden"), &[]).await;
        let shown = via_axum(&format!("/{format}/shown"), &[]).await;
        check("axum", format, &hidden, &shown);
    }
}

#[test]
fn no_format_leaks_a_5xx_source_through_actix() {
    actix_web::rt::System::new().block_on(async {
        for format in FORMATS {
            let hidden = via_actix(&format!("/{format}/hidden"), &[]).await;
            let shown = via_actix(&format!("/{format}/shown"), &[]).await;
            check("actix-web", format, &hidden, &shown);
        }
    });
}

/// Request ids a client may send that must not be echoed: each is a value the `http` crate
/// accepts in a request, but not a safe id (quotes, markup, tabs, obs-text, too long, empty).
fn unsafe_ids() -> Vec<Vec<u8>> {
    vec![
        b"a\"b".to_vec(),
        b"<script>alert(1)</script>".to_vec(),
        b"id&amp;more".to_vec(),
        b"tab\there".to_vec(),
        b"obs-text \xff\xfe".to_vec(),
        b"x".repeat(200),
        b"back\\slash".to_vec(),
        Vec::new(),
    ]
}

fn assert_replaced(server: &str, sent: &Sent, id: &[u8]) {
    let echoed = sent.request_id.as_deref().expect("a request id header");
    assert!(
        echoed.starts_with("req-") && echoed.len() == 40,
        "{server}: {:?} came back as {echoed:?}",
        String::from_utf8_lossy(id)
    );
    assert!(fault_core::is_valid_request_id(echoed));
    if !id.is_empty() {
        assert!(
            !sent.bytes.windows(id.len()).any(|w| w == id),
            "{server}: the unsafe id went out somewhere"
        );
    }
}

#[tokio::test]
async fn unsafe_request_ids_are_replaced_through_axum() {
    for id in unsafe_ids() {
        for header in ["x-openstack-request-id", "x-amzn-requestid"] {
            for format in ["openstack", "aws_query", "placement"] {
                let sent = via_axum(&format!("/{format}/shown"), &[(header, &id)]).await;
                assert_replaced("axum", &sent, &id);
            }
        }
    }
}

#[test]
fn unsafe_request_ids_are_replaced_through_actix() {
    actix_web::rt::System::new().block_on(async {
        for id in unsafe_ids() {
            for format in ["openstack", "aws_query", "placement"] {
                let sent = via_actix(
                    &format!("/{format}/shown"),
                    &[("x-openstack-request-id", &id)],
                )
                .await;
                assert_replaced("actix-web", &sent, &id);
            }
        }
    });
}
