//! Any other server: plain hyper 1 with a tower-style `service_fn`, no framework. The two
//! calls every integration makes: read the request into a `Context` and run the handler in
//! its `scope`, then `respond` with the error, an `http::Response<Bytes>` whose reason
//! phrase extension goes to hyper.
//!
//! Run: `cargo run --example hyper` (port: `--port N`, default 8774), then
//! `curl -i -H 'accept: application/xml' http://127.0.0.1:8774/servers/42`; or
//! `cargo run --example hyper -- --self-test` to send that and exit.

use bytes::Bytes;
use fault_core::http::{Request, Response};
use fault_core::integrations::{current_context, respond, scope};
use fault_core::{Context, ReasonPhrase};
use fault_suite::demos::{Try, exchange, status_of};
use fault_suite::seeds::ComputeFault;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::process::ExitCode;

/// The handler: typed errors, `?`-friendly.
async fn show_server(path: &str) -> Result<Response<Bytes>, ComputeFault> {
    let id = path.strip_prefix("/servers/").unwrap_or(path);
    // The request's context is there for handlers too.
    let request_id = current_context().and_then(|cx| cx.request_id().map(str::to_owned));
    Err(ComputeFault::ItemNotFound(format!(
        "Instance {id} could not be found (request {}).",
        request_id.unwrap_or_default()
    )))
}

/// The glue: context in scope, the error rendered for it, the reason phrase handed to hyper.
async fn handle(request: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    let cx = Context::from_request(&request);
    let path = request.uri().path().to_owned();
    let response = scope(cx, async move {
        show_server(&path).await.unwrap_or_else(|err| respond(&err))
    })
    .await;
    let (mut parts, body) = response.into_parts();
    let reason = parts
        .extensions
        .get::<ReasonPhrase>()
        .map(|r| r.as_str().to_owned());
    if let Some(reason) = reason.and_then(|r| hyper::ext::ReasonPhrase::try_from(r).ok()) {
        parts.extensions.insert(reason);
    }
    Ok(Response::from_parts(parts, Full::new(body)))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let self_test = args.iter().any(|a| a == "--self-test");
    let port = match args.iter().position(|a| a == "--port") {
        Some(i) => args.get(i + 1).and_then(|p| p.parse().ok()).unwrap_or(8774),
        None if self_test => 0,
        None => 8774,
    };
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("cannot listen on 127.0.0.1:{port}: {e}; choose another with --port N");
            return ExitCode::FAILURE;
        }
    };
    let addr = listener.local_addr().expect("a bound address");
    let request = Try::get("a server that does not exist, in XML", "/servers/42", 404)
        .header("accept", "application/xml");
    println!("plain hyper on http://{addr}\n  {}", request.curl(addr));
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let connection =
                http1::Builder::new().serve_connection(TokioIo::new(stream), service_fn(handle));
            tokio::spawn(connection);
        }
    });
    if !self_test {
        std::future::pending::<()>().await;
    }
    let answer = tokio::task::spawn_blocking(move || exchange(addr, &request)).await;
    match answer {
        Ok(Ok(response)) if status_of(&response) == Some(404) => {
            println!("{response}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("unexpected: {other:?}");
            ExitCode::FAILURE
        }
    }
}
