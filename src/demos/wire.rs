//! The requests each demo suggests, as `curl` lines and as bytes on a socket.

use std::fmt::Write as _;
use std::io::{self, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// One request worth trying against a demo, and the status it should get.
#[derive(Clone, Debug)]
pub struct Try {
    /// What the request shows.
    pub what: &'static str,
    /// The method.
    pub method: &'static str,
    /// The path and query.
    pub path: String,
    /// Request headers.
    pub headers: Vec<(&'static str, String)>,
    /// The body, if any.
    pub body: Option<String>,
    /// The status the demo answers with.
    pub status: u16,
}

impl Try {
    /// A `GET` of `path`.
    #[must_use]
    pub fn get(what: &'static str, path: impl Into<String>, status: u16) -> Self {
        Try {
            what,
            method: "GET",
            path: path.into(),
            headers: Vec::new(),
            body: None,
            status,
        }
    }

    /// The same request with another method.
    #[must_use]
    pub fn method(mut self, method: &'static str) -> Self {
        self.method = method;
        self
    }

    /// The same request with a header.
    #[must_use]
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// The same request with a JSON body (and its content type).
    #[must_use]
    pub fn json(self, body: impl Into<String>) -> Self {
        let mut this = self.header("content-type", "application/json");
        this.body = Some(body.into());
        this
    }

    /// The `curl -i` command line that sends this request to `addr`.
    #[must_use]
    pub fn curl(&self, addr: SocketAddr) -> String {
        let mut line = String::from("curl -i");
        if self.method != "GET" {
            let _ = write!(line, " -X {}", self.method);
        }
        for (name, value) in &self.headers {
            let _ = write!(line, " -H '{name}: {value}'");
        }
        if let Some(body) = &self.body {
            let _ = write!(line, " -d '{body}'");
        }
        let _ = write!(line, " 'http://{addr}{}'", self.path);
        line
    }
}

/// Sends `request` to `addr` over a fresh HTTP/1.1 connection and returns the response as
/// it came, status line, headers and body, as `curl -i` prints it: the demos show the
/// bytes, reason phrase included, that no client library would. Gives up after 10 seconds.
///
/// # Errors
///
/// Any I/O error of the connection.
pub fn exchange(addr: SocketAddr, request: &Try) -> io::Result<String> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let body = request.body.as_deref().unwrap_or("");
    let mut head = format!(
        "{} {} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\n",
        request.method, request.path
    );
    for (name, value) in &request.headers {
        let _ = write!(head, "{name}: {value}\r\n");
    }
    if request.body.is_some() || matches!(request.method, "POST" | "PUT") {
        let _ = write!(head, "content-length: {}\r\n", body.len());
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    Ok(String::from_utf8_lossy(&response).replace("\r\n", "\n"))
}

/// The status code of a response [`exchange`] returned.
#[must_use]
pub fn status_of(response: &str) -> Option<u16> {
    response.split(' ').nth(1)?.parse().ok()
}
