//! Parsing, ours against what a client writes by hand for one known family (issue 5).
//!
//!     cargo bench --bench parse
//!
//! Per family, the body our renderer writes for the interpolated variant, with its headers:
//! - `parse_ours`: `Fault::parse`, which also detects the family, keeps the raw text and
//!   reads every member;
//! - `from_fault_ours`: `Fault::parse` then `FromFault::from_fault` into the enum;
//! - `hand`: serde_json's `from_slice` (quick-xml's serde deserializer for XML) into a
//!   hand-written struct for that one family, then a `match` on the code into the enum.
//!
//! Before timing, `main` checks that every way finds the same variant.

mod common;

use common::{BenchError, FAMILIES, Variant, family};
use divan::{Bencher, black_box};
use fault_core::http::{HeaderMap, StatusCode};
use fault_core::{ApiFault, Fault, FromFault};
use serde::Deserialize;

/// A rendered response of `family`: status, headers and body, as a client receives it.
fn response(name: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
    let family = family(name);
    let response = Variant::Interpolated
        .error()
        .to_response(family.format, &family.context());
    let (parts, body) = response.into_parts();
    (parts.status, parts.headers, body.to_vec())
}

fn main() {
    for (name, _) in FAMILIES {
        let (status, headers, body) = response(name);
        let ours = BenchError::from_fault(&Fault::parse(status, &headers, &body));
        assert!(
            matches!(ours, Some(BenchError::NotFound(_))),
            "{name}: ours"
        );
        let hand = hand(name)(&body);
        assert!(
            matches!(hand, Some(BenchError::NotFound(m)) if !m.is_empty()),
            "{name}: hand"
        );
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

fn hand(name: &str) -> fn(&[u8]) -> Option<BenchError> {
    match name {
        "aws_query" => aws_query,
        "aws_json" => aws_json,
        "openstack_json" => openstack_json,
        "openstack_xml" => openstack_xml,
        "api_wg" => api_wg,
        _ => problem,
    }
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

            #[divan::bench]
            fn from_fault_ours(bencher: Bencher) {
                let (status, headers, body) = response(stringify!($name));
                bencher.bench_local(|| {
                    BenchError::from_fault(&Fault::parse(status, &headers, black_box(&body)))
                });
            }

            #[divan::bench]
            fn hand(bencher: Bencher) {
                let (_, _, body) = response(stringify!($name));
                let parse = super::hand(stringify!($name));
                bencher.bench_local(|| parse(black_box(&body)));
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
