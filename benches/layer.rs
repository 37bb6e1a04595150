//! What the layer adds to a successful response (issue 12): the same axum handler, called
//! through the router without any layer, and through `FaultLayer` with a profile, which makes
//! a fresh request id (and for S3 a host id), puts the context in the request's extensions,
//! runs the handler in its scope with a panic guard, and adds the family's id headers.
//!
//!     cargo bench --bench layer
//!
//! - `bare`: the router alone, no request id at all;
//! - `hand`: the router with the middleware a user writes for a request id on every response
//!   (`axum::middleware::from_fn`, a `uuid` v4 into `x-openstack-request-id`);
//! - `openstack`, `aws_json`, `s3`: the router behind `FaultLayer` with that family's profile;
//! - `request_id_*`: making one id, today's (the `uuid` crate's v4 into a stack buffer) and
//!   the one it replaced (two `RandomState` hashes and a `String` per byte).
//!
//! Before timing, `main` checks that each router answers 200 with the body, and the layered
//! ones with the family's request-id header.

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use axum::middleware::{self, Next};
use axum::routing::get;
use divan::{Bencher, black_box};
use fault_core::integrations::axum::FaultLayer;
use fault_core::{Format, ServiceProfile};
use tower::ServiceExt as _;

async fn handler() -> &'static str {
    "{\"volumes\": []}"
}

fn bare() -> Router {
    Router::new().route("/v3/demo/volumes", get(handler))
}

/// The middleware a user writes for a request id on every response.
async fn request_id(request: axum::extract::Request, next: Next) -> axum::response::Response {
    let mut buf = [0u8; 36];
    let id = uuid::Uuid::new_v4()
        .hyphenated()
        .encode_lower(&mut buf)
        .to_owned();
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .insert("x-openstack-request-id", id.parse().unwrap());
    response
}

fn hand() -> Router {
    bare().layer(middleware::from_fn(request_id))
}

fn layered(format: Format) -> Router {
    bare().layer(FaultLayer::new(ServiceProfile::new(format)))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

fn request() -> Request<Body> {
    Request::get("/v3/demo/volumes")
        .header("accept", "application/json")
        .body(Body::empty())
        .unwrap()
}

fn call(runtime: &tokio::runtime::Runtime, app: &Router) -> axum::response::Response {
    runtime.block_on(app.clone().oneshot(request())).unwrap()
}

fn main() {
    let rt = runtime();
    for (app, header) in [
        (bare(), None),
        (hand(), Some("x-openstack-request-id")),
        (layered(Format::OpenStack), Some("x-compute-request-id")),
        (layered(Format::AwsJson10), Some("x-amzn-requestid")),
        (layered(Format::S3), Some("x-amz-id-2")),
    ] {
        let response = call(&rt, &app);
        assert_eq!(response.status(), 200);
        if let Some(header) = header {
            assert!(response.headers().contains_key(header), "{header}");
        }
    }
    divan::main();
}

fn bench_router(bencher: Bencher, app: Router) {
    let rt = runtime();
    bencher.bench_local(|| black_box(call(&rt, &app)));
}

#[divan::bench]
fn bare_router(bencher: Bencher) {
    bench_router(bencher, bare());
}

#[divan::bench]
fn hand_request_id(bencher: Bencher) {
    bench_router(bencher, hand());
}

#[divan::bench]
fn layer_openstack(bencher: Bencher) {
    bench_router(bencher, layered(Format::OpenStack));
}

#[divan::bench]
fn layer_aws_json(bencher: Bencher) {
    bench_router(bencher, layered(Format::AwsJson10));
}

#[divan::bench]
fn layer_s3(bencher: Bencher) {
    bench_router(bencher, layered(Format::S3));
}

#[divan::bench]
fn request_id_uuid() -> String {
    fault_core::new_request_id()
}

/// The generator `new_request_id` had before: two `RandomState` hashes of a counter, and a
/// `String` per byte of the hex.
#[divan::bench]
fn request_id_before() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut bits = [0u8; 16];
    for (i, half) in bits.chunks_mut(8).enumerate() {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        hasher.write_usize(i);
        half.copy_from_slice(&hasher.finish().to_le_bytes());
    }
    bits[6] = (bits[6] & 0x0F) | 0x40;
    bits[8] = (bits[8] & 0x3F) | 0x80;
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    format!(
        "req-{}-{}-{}-{}-{}",
        hex(&bits[0..4]),
        hex(&bits[4..6]),
        hex(&bits[6..8]),
        hex(&bits[8..10]),
        hex(&bits[10..16])
    )
}
