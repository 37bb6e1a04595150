//! What the render and parse benchmarks share: the error type, its two variants, and the
//! hand-written code a user writes today for each family's body, with serde_json or `format!`.
//!
//! Every hand-written body is checked against ours, byte for byte, before anything is timed
//! (`check`), so the comparison is of two ways to send the same response.

#![allow(dead_code)] // each bench binary uses its part

use bytes::Bytes;
use fault_core::http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use fault_core::http::{Response, StatusCode};
use fault_core::{ApiFault, Context, Format, FromFault};
use serde::Serialize;
use serde::ser::SerializeMap;
use std::borrow::Cow;
use std::fmt;
use std::io;

/// A request id as servers make them: `req-` and a UUID.
pub const REQUEST_ID: &str = "req-7b1c0a52-2f4e-4c1e-9a57-2d5b9c4e8f10";

/// The benchmarked error: one variant with an interpolated message, one with a fixed one.
#[derive(Debug, ApiFault, FromFault)]
pub enum BenchError {
    #[fault(
        code = 404,
        title = "itemNotFound",
        message = "Volume {0} could not be found."
    )]
    NotFound(String),
    #[fault(
        code = 403,
        title = "AccessDenied",
        message = "User is not authorized to perform this action."
    )]
    Denied,
}

/// Which variant a benchmark renders.
#[derive(Clone, Copy, Debug)]
pub enum Variant {
    Interpolated,
    Static,
}

impl fmt::Display for Variant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Variant::Interpolated => "interpolated",
            Variant::Static => "static",
        })
    }
}

pub const VARIANTS: &[Variant] = &[Variant::Interpolated, Variant::Static];

impl Variant {
    pub fn error(self) -> BenchError {
        match self {
            Variant::Interpolated => {
                BenchError::NotFound("vol-0f3a9c2e-1d44-4b7a-8e21-5c9d7f6b3a10".into())
            }
            Variant::Static => BenchError::Denied,
        }
    }
}

/// The facts a user writes by hand without the derive: one `match` per fact.
pub fn hand_facts(err: &BenchError) -> (StatusCode, &'static str, &'static str) {
    match err {
        BenchError::NotFound(_) => (StatusCode::NOT_FOUND, "itemNotFound", "Sender"),
        BenchError::Denied => (StatusCode::FORBIDDEN, "AccessDenied", "Sender"),
    }
}

/// One wire family as benchmarked: our format and context, and the hand-written body with its
/// content type and request-id headers.
pub struct Family {
    pub format: Format,
    pub accept: Option<&'static str>,
    pub hand_body: fn(&BenchError, &str) -> Vec<u8>,
    pub content_type: &'static str,
    pub id_headers: &'static [&'static str],
}

impl Family {
    pub fn context(&self) -> Context<'static> {
        let cx = Context::new().with_request_id(REQUEST_ID);
        match self.accept {
            Some(accept) => cx.with_accept(accept),
            None => cx,
        }
    }

    /// The response a user builds around the hand-written body.
    pub fn hand_response(&self, err: &BenchError, request_id: &str) -> Response<Bytes> {
        let (status, _, _) = hand_facts(err);
        let mut response = Response::new(Bytes::from((self.hand_body)(err, request_id)));
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(self.content_type));
        for name in self.id_headers {
            if let Ok(value) = HeaderValue::from_str(request_id) {
                headers.insert(HeaderName::from_static(name), value);
            }
        }
        response
    }

    /// Panics unless both ways give the same status, headers and body for every variant.
    pub fn check(&self, name: &str) {
        let cx = self.context();
        for variant in VARIANTS {
            let err = variant.error();
            let ours = err.to_response(self.format, &cx);
            let hand = self.hand_response(&err, REQUEST_ID);
            assert_eq!(
                String::from_utf8_lossy(ours.body()),
                String::from_utf8_lossy(hand.body()),
                "{name} {variant}: bodies differ"
            );
            assert_eq!(ours.status(), hand.status(), "{name} {variant}");
            assert_eq!(ours.headers(), hand.headers(), "{name} {variant}");
            let mut buf = Vec::new();
            err.write_body(self.format, &cx, &mut buf);
            assert_eq!(buf, ours.body().as_ref(), "{name} {variant}: write_body");
        }
    }
}

/// The families of issue 5, by name.
pub const FAMILIES: &[(&str, Family)] = &[
    (
        "aws_query",
        Family {
            format: Format::AwsQuery,
            accept: None,
            hand_body: aws_query,
            content_type: "text/xml",
            id_headers: &["x-amzn-requestid"],
        },
    ),
    (
        "aws_json",
        Family {
            format: Format::AwsJson11,
            accept: None,
            hand_body: aws_json,
            content_type: "application/x-amz-json-1.1",
            id_headers: &["x-amzn-requestid"],
        },
    ),
    (
        "openstack_json",
        Family {
            format: Format::OpenStack,
            accept: None,
            hand_body: openstack_json,
            content_type: "application/json; charset=UTF-8",
            id_headers: &["x-openstack-request-id", "x-compute-request-id"],
        },
    ),
    (
        "openstack_xml",
        Family {
            format: Format::OpenStack,
            accept: Some("application/xml"),
            hand_body: openstack_xml,
            content_type: "application/xml; charset=UTF-8",
            id_headers: &["x-openstack-request-id", "x-compute-request-id"],
        },
    ),
    (
        "api_wg",
        Family {
            format: Format::ApiWg,
            accept: None,
            hand_body: api_wg,
            content_type: "application/json",
            id_headers: &["x-openstack-request-id"],
        },
    ),
    (
        "problem",
        Family {
            format: Format::Problem,
            accept: None,
            hand_body: problem,
            content_type: "application/problem+json",
            id_headers: &["x-request-id"],
        },
    ),
];

pub fn family(name: &str) -> &'static Family {
    &FAMILIES
        .iter()
        .find(|(n, _)| *n == name)
        .expect("a known family")
        .1
}

// ---------------------------------------------------------------------------------------
// The hand-written bodies.

/// XML text escaped by hand, borrowing when nothing needs escaping.
fn xml_escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn aws_query(err: &BenchError, request_id: &str) -> Vec<u8> {
    let (_, title, err_type) = hand_facts(err);
    let message = err.to_string();
    format!(
        "<ErrorResponse><Error><Type>{err_type}</Type><Code>{}</Code><Message>{}</Message></Error><RequestId>{}</RequestId></ErrorResponse>",
        xml_escape(title),
        xml_escape(&message),
        xml_escape(request_id)
    )
    .into_bytes()
}

fn openstack_xml(err: &BenchError, _: &str) -> Vec<u8> {
    let (status, title, _) = hand_facts(err);
    let message = err.to_string();
    format!(
        "<{title} code=\"{}\"><message>{}</message></{title}>",
        status.as_u16(),
        xml_escape(&message)
    )
    .into_bytes()
}

#[derive(Serialize)]
struct AwsJsonBody<'a> {
    #[serde(rename = "__type")]
    kind: &'a str,
    message: String,
}

fn aws_json(err: &BenchError, _: &str) -> Vec<u8> {
    let (_, title, _) = hand_facts(err);
    let body = AwsJsonBody {
        kind: title,
        message: err.to_string(),
    };
    serde_json::to_vec(&body).unwrap_or_default()
}

/// Python's `json.dumps` separators (`", "`, `": "`), as OpenStack services write JSON.
struct PythonFormatter;

impl serde_json::ser::Formatter for PythonFormatter {
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
}

fn to_python_json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(128);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, PythonFormatter);
    value.serialize(&mut ser).unwrap_or_default();
    out
}

/// `{name: inner}`: the one-member object OpenStack wraps a fault in.
struct Named<'a, T>(&'a str, T);

impl<T: Serialize> Serialize for Named<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.0, &self.1)?;
        map.end()
    }
}

#[derive(Serialize)]
struct ComputeFault {
    code: u16,
    message: String,
}

fn openstack_json(err: &BenchError, _: &str) -> Vec<u8> {
    let (status, title, _) = hand_facts(err);
    to_python_json(&Named(
        title,
        ComputeFault {
            code: status.as_u16(),
            message: err.to_string(),
        },
    ))
}

#[derive(Serialize)]
struct ApiWgError<'a> {
    request_id: &'a str,
    status: u16,
    title: &'a str,
    detail: String,
}

#[derive(Serialize)]
struct ApiWgBody<'a> {
    errors: [ApiWgError<'a>; 1],
}

fn api_wg(err: &BenchError, request_id: &str) -> Vec<u8> {
    let (status, title, _) = hand_facts(err);
    to_python_json(&ApiWgBody {
        errors: [ApiWgError {
            request_id,
            status: status.as_u16(),
            title,
            detail: err.to_string(),
        }],
    })
}

#[derive(Serialize)]
struct ProblemBody<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    title: &'a str,
    status: u16,
    detail: String,
    request_id: &'a str,
}

fn problem(err: &BenchError, request_id: &str) -> Vec<u8> {
    let (status, title, _) = hand_facts(err);
    serde_json::to_vec(&ProblemBody {
        kind: "about:blank",
        title,
        status: status.as_u16(),
        detail: err.to_string(),
        request_id,
    })
    .unwrap_or_default()
}
