//! The `tracing` feature: each fault served is logged, a 5xx at error level with the request
//! id and the internal error chain, a 4xx at debug level, while the client gets the safe body.

mod common;

use common::log::Log;
use fault_core::integrations::{respond, scope};
use fault_core::{ApiFault, Context};
use std::io;

#[derive(Debug, ApiFault)]
#[fault(format = "openstack", rename_all = "camelCase")]
enum VolumeError {
    #[fault(code = 404, message = "Volume {0} could not be found.")]
    ItemNotFound(String),
    #[fault(
        code = 500,
        title = "computeFault",
        message = "backend failure on {host}"
    )]
    Backend {
        host: String,
        #[fault(source)]
        source: io::Error,
    },
}

/// Serves `err` in a scope with request id `req-42`; returns the body and the log lines.
fn serve(err: &VolumeError, max_level: tracing::Level) -> (String, String) {
    let log = Log::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(log.clone())
        .with_max_level(max_level)
        .with_ansi(false)
        .finish();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let cx = Context::new().with_request_id("req-42");
    let response = tracing::subscriber::with_default(subscriber, || {
        runtime.block_on(scope(cx, async { respond(err) }))
    });
    let body = String::from_utf8(response.body().to_vec()).unwrap();
    let lines = log.text();
    (body, lines)
}

fn backend_failure() -> VolumeError {
    let cause = io::Error::new(io::ErrorKind::ConnectionReset, "iscsi 10.0.0.7:3260 reset");
    VolumeError::Backend {
        host: "lvm-1".into(),
        source: io::Error::other(cause),
    }
}

#[test]
fn a_5xx_is_logged_at_error_level_with_the_request_id_and_the_chain() {
    let (body, log) = serve(&backend_failure(), tracing::Level::ERROR);
    assert!(log.contains("ERROR"), "{log}");
    assert!(log.contains(r#"request_id="req-42""#), "{log}");
    assert!(log.contains("status=500"), "{log}");
    assert!(
        log.contains("error=backend failure on lvm-1: iscsi 10.0.0.7:3260 reset"),
        "{log}"
    );
    // The client gets the safe body.
    assert!(
        !body.contains("lvm-1") && !body.contains("10.0.0.7"),
        "{body}"
    );
    assert!(body.contains("Internal Server Error"), "{body}");
}

#[test]
fn a_4xx_is_logged_at_debug_level_only() {
    let err = VolumeError::ItemNotFound("vol-9".into());
    let (_, log) = serve(&err, tracing::Level::INFO);
    assert!(log.is_empty(), "{log}");
    let (_, log) = serve(&err, tracing::Level::DEBUG);
    assert!(log.contains("DEBUG"), "{log}");
    assert!(log.contains(r#"request_id="req-42""#), "{log}");
    assert!(log.contains("status=404"), "{log}");
    assert!(
        log.contains("sent=Volume vol-9 could not be found."),
        "{log}"
    );
}

#[test]
fn the_logged_request_id_is_the_one_sent() {
    // Outside a scope a fresh id is generated: the log and the header agree on it.
    let log = Log::default();
    let subscriber = tracing_subscriber::fmt().with_writer(log.clone()).finish();
    let response = tracing::subscriber::with_default(subscriber, || respond(&backend_failure()));
    let id = response.headers()["x-openstack-request-id"]
        .to_str()
        .unwrap();
    let lines = log.text();
    assert!(lines.contains(&format!(r#"request_id="{id}""#)), "{lines}");
    assert_eq!(
        VolumeError::ItemNotFound(String::new()).status().as_u16(),
        404
    );
}
