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
//! - `loopback_*`: the same routers served by `axum::serve` on a loopback TCP socket (a
//!   server thread of its own), each sample one request and its whole response over one
//!   kept-alive connection, read by a minimal client that adds as little as it can of its own;
//!   this is where the target (the layer adds at most 5%) is measured;
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
        .header("accept", "*/*")
        .body(Body::empty())
        .unwrap()
}

fn call(runtime: &tokio::runtime::Runtime, app: &Router) -> axum::response::Response {
    runtime.block_on(app.clone().oneshot(request())).unwrap()
}

/// A router served on a loopback port by a thread of its own, and one kept-alive connection
/// to it.
struct Loopback {
    stream: std::net::TcpStream,
    buf: Vec<u8>,
}

impl Loopback {
    fn serve(app: Router) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        listener.set_nonblocking(true).unwrap();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_io()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                axum::serve(listener, app).await.unwrap();
            });
        });
        let stream = std::net::TcpStream::connect(address).unwrap();
        stream.set_nodelay(true).unwrap();
        Self {
            stream,
            buf: Vec::with_capacity(4096),
        }
    }

    /// Sends one request and reads its whole response; returns the status line and head.
    fn round_trip(&mut self) -> &[u8] {
        use std::io::{Read as _, Write as _};
        self.stream
            .write_all(b"GET /v3/demo/volumes HTTP/1.1\r\nhost: localhost\r\naccept: */*\r\n\r\n")
            .unwrap();
        self.buf.clear();
        let mut chunk = [0u8; 4096];
        loop {
            let read = self.stream.read(&mut chunk).unwrap();
            assert!(read > 0, "the server closed the connection");
            self.buf.extend_from_slice(&chunk[..read]);
            if let Some(end) = head_end(&self.buf) {
                let length = content_length(&self.buf[..end]);
                if self.buf.len() >= end + length {
                    return &self.buf[..end];
                }
            }
        }
    }
}

fn head_end(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|at| at + 4)
}

fn content_length(head: &[u8]) -> usize {
    let head = std::str::from_utf8(head).unwrap();
    head.lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().unwrap())
        })
        .expect("a content-length")
}

fn main() {
    let rt = runtime();
    for (app, header) in [
        (bare(), None),
        (hand(), Some("x-openstack-request-id")),
        (layered(Format::OpenStack), Some("x-compute-request-id")),
        (layered(Format::AwsJson10), Some("x-amzn-requestid")),
    ] {
        let mut client = Loopback::serve(app);
        for _ in 0..2 {
            let head = String::from_utf8_lossy(client.round_trip()).to_ascii_lowercase();
            assert!(head.starts_with("http/1.1 200"), "{head}");
            if let Some(header) = header {
                assert!(head.contains(header), "{header}: {head}");
            }
        }
    }
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

fn bench_loopback(bencher: Bencher, app: Router) {
    let mut client = Loopback::serve(app);
    bencher.bench_local(|| black_box(client.round_trip().len()));
}

#[divan::bench(sample_count = 2000)]
fn loopback_bare_router(bencher: Bencher) {
    bench_loopback(bencher, bare());
}

#[divan::bench(sample_count = 2000)]
fn loopback_hand_request_id(bencher: Bencher) {
    bench_loopback(bencher, hand());
}

#[divan::bench(sample_count = 2000)]
fn loopback_layer_openstack(bencher: Bencher) {
    bench_loopback(bencher, layered(Format::OpenStack));
}

#[divan::bench(sample_count = 2000)]
fn loopback_layer_aws_json(bencher: Bencher) {
    bench_loopback(bencher, layered(Format::AwsJson10));
}

#[divan::bench(sample_count = 2000)]
fn loopback_layer_s3(bencher: Bencher) {
    bench_loopback(bencher, layered(Format::S3));
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
