//! The demo services, each started in-process on an ephemeral loopback port and called with
//! a real HTTP client (reqwest): statuses, headers and bodies in JSON and XML, as the seed
//! systems send them.

mod heat;
mod placement;
mod volumes;

use fault_core::Fault;
use fault_suite::demos::placement::Placement;
use fault_suite::demos::{Service, Try, axum_serve};
use reqwest::header::HeaderMap;
use std::net::{SocketAddr, TcpListener};

fn listener() -> (TcpListener, SocketAddr) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    (listener, addr)
}

pub fn start_axum(app: axum::Router) -> SocketAddr {
    let (listener, addr) = listener();
    tokio::spawn(axum_serve(listener, app));
    addr
}

pub fn start_placement() -> SocketAddr {
    let (listener, addr) = listener();
    tokio::spawn(Placement::new().server(listener).unwrap());
    addr
}

/// A response, read whole.
pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    /// The fault, read back as a client would.
    pub fn fault(&self) -> Fault<'static> {
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

pub async fn send(addr: SocketAddr, request: &Try) -> Answer {
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

pub async fn get(addr: SocketAddr, path: &str) -> Answer {
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
