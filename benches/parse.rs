//! Parsing, ours against what a client writes by hand for one known family (issue 5).
//!
//!     cargo bench --bench parse
//!
//! Per family, the body our renderer writes for the interpolated variant, with its headers:
//! - `parse_ours`: `Fault::parse`, which also detects the family, keeps the raw text and
//!   reads every member;
//! - `from_fault_ours`: `Fault::parse` then `FromFault::from_fault` into the enum;
//! - `hand`: serde_json's `from_slice` (quick-xml's serde deserializer for XML) into a
//!   hand-written struct for that one family, then a `match` on the code into the enum;
//! - `smithy` (the AWS JSON protocols): the way the AWS SDK for Rust reads an error, its
//!   generated `json_errors` module written out from `aws-smithy-json`'s public token
//!   iterator: the code from `X-Amzn-Errortype`, else `code`, else `__type`, cleaned; the
//!   message from `message`, `Message` or `errorMessage`; both owned, as its
//!   `ErrorMetadata` builder keeps them; then the same `match`.
//!
//! The families of `benches/render.rs` (their hand-written bodies are checked there), and the
//! JSON families only parsed here: awsJson 1.0, restJson1, Keystone, Neutron, Placement.
//!
//! Before timing, `main` checks that every way finds the same variant.

mod common;

use common::{BenchError, FAMILIES, REQUEST_ID, Variant, family};
use divan::{Bencher, black_box};
use fault_core::http::{HeaderMap, StatusCode};
use fault_core::{ApiFault, Context, Fault, Format, FromFault};
use serde::Deserialize;

/// The JSON families only parsed here, with the format each is rendered in.
const PARSED_ONLY: &[(&str, Format)] = &[
    ("aws_json10", Format::AwsJson10),
    ("rest_json", Format::AwsRestJson),
    ("keystone", Format::Keystone),
    ("neutron", Format::Neutron),
    ("placement", Format::Placement),
];

/// A rendered response of `family`: status, headers and body, as a client receives it.
fn response(name: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
    let (format, cx) = match PARSED_ONLY.iter().find(|(n, _)| *n == name) {
        Some((_, format)) => (*format, Context::new().with_request_id(REQUEST_ID)),
        None => (family(name).format, family(name).context()),
    };
    let response = Variant::Interpolated.error().to_response(format, &cx);
    let (parts, body) = response.into_parts();
    (parts.status, parts.headers, body.to_vec())
}

fn main() {
    let names = FAMILIES
        .iter()
        .map(|(name, _)| *name)
        .chain(PARSED_ONLY.iter().map(|(name, _)| *name));
    for name in names {
        let (status, headers, body) = response(name);
        let ours = BenchError::from_fault(&Fault::parse(status, &headers, &body));
        // Placement's title is the reason phrase and this error sets no `code`, so nothing in
        // the body names the variant: `from_fault` rightly finds none, and only the parse is
        // benchmarked (the hand-written reader picks by status).
        if name == "placement" {
            assert!(ours.is_none(), "{name}: ours");
        } else {
            assert!(
                matches!(ours, Some(BenchError::NotFound(_))),
                "{name}: ours"
            );
        }
        let hand = hand(name)(&headers, &body);
        assert!(
            matches!(hand, Some(BenchError::NotFound(m)) if !m.is_empty()),
            "{name}: hand"
        );
        if SMITHY.contains(&name) {
            let smithy = smithy(&headers, &body);
            assert!(
                matches!(smithy, Some(BenchError::NotFound(m)) if !m.is_empty()),
                "{name}: smithy"
            );
        }
    }
    divan::main();
}

/// The variant a client's `match` on the wire code picks.
fn by_code(code: &str, message: String) -> Option<BenchError> {
    match code {
        "itemNotFound" => Some(BenchError::NotFound(message)),
        "AccessDenied" => Some(BenchError::Denied),
        _ => None,
    }
}

/// A hand-written reader: the headers are there for the one family that needs them
/// (restJson1's code is in `X-Amzn-Errortype`).
type Hand = fn(&HeaderMap, &[u8]) -> Option<BenchError>;

fn hand(name: &str) -> Hand {
    match name {
        "aws_query" => |_, body| aws_query(body),
        "aws_json" | "aws_json10" => |_, body| aws_json(body),
        "rest_json" => rest_json,
        "openstack_json" => |_, body| openstack_json(body),
        "openstack_xml" => |_, body| openstack_xml(body),
        "api_wg" => |_, body| api_wg(body),
        "keystone" => |_, body| keystone(body),
        "neutron" => |_, body| neutron(body),
        "placement" => |_, body| placement(body),
        _ => |_, body| problem(body),
    }
}

/// The families the AWS SDK's reader is a baseline for.
const SMITHY: &[&str] = &["aws_json", "aws_json10", "rest_json"];

/// What the AWS SDK for Rust's generated `json_errors::parse_error_metadata` does, on
/// `aws-smithy-json`'s tokens: the top-level object's `code`, `__type` and message members
/// (each value string unescaped), every other value skipped.
fn smithy(headers: &HeaderMap, body: &[u8]) -> Option<BenchError> {
    use aws_smithy_json::deserialize::token::skip_value;
    use aws_smithy_json::deserialize::{Token, json_token_iter};
    let mut tokens = json_token_iter(body).peekable();
    let (mut kind, mut code, mut message) = (None, None, None);
    if let Some(Token::StartObject { .. }) = tokens.next().transpose().ok()? {
        loop {
            match tokens.next().transpose().ok()? {
                Some(Token::EndObject { .. }) => break,
                Some(Token::ObjectKey { key, .. }) => {
                    if let Some(Ok(Token::ValueString { value, .. })) = tokens.peek() {
                        match key.as_escaped_str() {
                            "code" => code = Some(value.to_unescaped().ok()?),
                            "__type" => kind = Some(value.to_unescaped().ok()?),
                            "message" | "Message" | "errorMessage" => {
                                message = Some(value.to_unescaped().ok()?);
                            }
                            _ => {}
                        }
                    }
                    skip_value(&mut tokens).ok()?;
                }
                _ => return None,
            }
        }
        if tokens.next().is_some() {
            return None;
        }
    }
    let header = headers
        .get("x-amzn-errortype")
        .and_then(|value| value.to_str().ok());
    let code: String = sanitize_error_code(header.or(code.as_deref()).or(kind.as_deref())?).into();
    let message: String = message
        .map(std::borrow::Cow::into_owned)
        .unwrap_or_default();
    by_code(&code, message)
}

/// The SDK's `sanitize_error_code`: cut at the first `:`, then after the first `#`.
fn sanitize_error_code(code: &str) -> &str {
    let code = code.split(':').next().unwrap_or(code);
    code.split_once('#').map_or(code, |(_, name)| name)
}

#[derive(Deserialize)]
struct AwsJsonBody {
    #[serde(rename = "__type")]
    kind: String,
    message: String,
}

fn aws_json(body: &[u8]) -> Option<BenchError> {
    let body: AwsJsonBody = serde_json::from_slice(body).ok()?;
    by_code(&body.kind, body.message)
}

#[derive(Deserialize)]
struct RestJsonBody {
    message: String,
}

fn rest_json(headers: &HeaderMap, body: &[u8]) -> Option<BenchError> {
    let code = headers.get("x-amzn-errortype")?.to_str().ok()?;
    let body: RestJsonBody = serde_json::from_slice(body).ok()?;
    by_code(code, body.message)
}

#[derive(Deserialize)]
struct KeystoneError {
    title: String,
    message: String,
}

#[derive(Deserialize)]
struct KeystoneBody {
    error: KeystoneError,
}

fn keystone(body: &[u8]) -> Option<BenchError> {
    let body: KeystoneBody = serde_json::from_slice(body).ok()?;
    by_code(&body.error.title, body.error.message)
}

#[derive(Deserialize)]
struct NeutronError {
    #[serde(rename = "type")]
    kind: String,
    message: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct NeutronBody {
    neutron_error: NeutronError,
}

fn neutron(body: &[u8]) -> Option<BenchError> {
    let body: NeutronBody = serde_json::from_slice(body).ok()?;
    by_code(&body.neutron_error.kind, body.neutron_error.message)
}

#[derive(Deserialize)]
struct PlacementError {
    status: u16,
    detail: String,
}

#[derive(Deserialize)]
struct PlacementBody {
    errors: Vec<PlacementError>,
}

/// Placement's title is the reason phrase and its code is optional: a client tells its
/// errors apart by status.
fn placement(body: &[u8]) -> Option<BenchError> {
    let body: PlacementBody = serde_json::from_slice(body).ok()?;
    let error = body.errors.into_iter().next()?;
    match error.status {
        404 => Some(BenchError::NotFound(error.detail)),
        403 => Some(BenchError::Denied),
        _ => None,
    }
}

#[derive(Deserialize)]
struct ComputeFault {
    #[allow(dead_code)]
    code: u16,
    message: String,
}

fn openstack_json(body: &[u8]) -> Option<BenchError> {
    let body: std::collections::HashMap<String, ComputeFault> =
        serde_json::from_slice(body).ok()?;
    let (name, fault) = body.into_iter().next()?;
    by_code(&name, fault.message)
}

#[derive(Deserialize)]
struct ApiWgError {
    title: String,
    detail: String,
}

#[derive(Deserialize)]
struct ApiWgBody {
    errors: Vec<ApiWgError>,
}

fn api_wg(body: &[u8]) -> Option<BenchError> {
    let body: ApiWgBody = serde_json::from_slice(body).ok()?;
    let error = body.errors.into_iter().next()?;
    by_code(&error.title, error.detail)
}

#[derive(Deserialize)]
struct ProblemBody {
    title: String,
    detail: String,
}

fn problem(body: &[u8]) -> Option<BenchError> {
    let body: ProblemBody = serde_json::from_slice(body).ok()?;
    by_code(&body.title, body.detail)
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct QueryError {
    code: String,
    message: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct QueryBody {
    error: QueryError,
}

fn aws_query(body: &[u8]) -> Option<BenchError> {
    let body: QueryBody = quick_xml::de::from_str(std::str::from_utf8(body).ok()?).ok()?;
    by_code(&body.error.code, body.error.message)
}

/// The root's name is the fault's, but serde does not see it: a client matches on `code`.
#[derive(Deserialize)]
struct LegacyXml {
    #[serde(rename = "@code")]
    code: u16,
    message: String,
}

fn openstack_xml(body: &[u8]) -> Option<BenchError> {
    let body: LegacyXml = quick_xml::de::from_str(std::str::from_utf8(body).ok()?).ok()?;
    match body.code {
        404 => Some(BenchError::NotFound(body.message)),
        403 => Some(BenchError::Denied),
        _ => None,
    }
}

macro_rules! family {
    ($name:ident) => {
        mod $name {
            use super::*;

            #[divan::bench]
            fn parse_ours(bencher: Bencher) {
                let (status, headers, body) = response(stringify!($name));
                bencher.bench_local(|| Fault::parse(status, &headers, black_box(&body)));
            }

            #[divan::bench(ignore = stringify!($name) == "placement")]
            fn from_fault_ours(bencher: Bencher) {
                let (status, headers, body) = response(stringify!($name));
                bencher.bench_local(|| {
                    BenchError::from_fault(&Fault::parse(status, &headers, black_box(&body)))
                });
            }

            #[divan::bench]
            fn hand(bencher: Bencher) {
                let (_, headers, body) = response(stringify!($name));
                let parse = super::hand(stringify!($name));
                bencher.bench_local(|| parse(&headers, black_box(&body)));
            }
        }
    };
}

family!(aws_query);
family!(aws_json);
family!(openstack_json);
family!(openstack_xml);
family!(api_wg);
family!(problem);
family!(aws_json10);
family!(rest_json);
family!(keystone);
family!(neutron);
family!(placement);

/// The AWS SDK's reader, per family: `smithy::<family>`.
mod smithy {
    use super::*;

    macro_rules! smithy {
        ($name:ident) => {
            #[divan::bench]
            fn $name(bencher: Bencher) {
                let (_, headers, body) = response(stringify!($name));
                bencher.bench_local(|| super::smithy(&headers, black_box(&body)));
            }
        };
    }

    smithy!(aws_json);
    smithy!(aws_json10);
    smithy!(rest_json);
}
