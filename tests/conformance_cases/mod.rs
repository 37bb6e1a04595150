//! What `conformance_openstack.rs` and `conformance_apiwg_problem.rs` share: loading a case
//! file, the model of a case (typed values, the links and further errors added in code, the
//! request's context), comparing a body as the case's source compares it (bytes, JSON value,
//! or XML element tree), checking the headers a case expects, reading a body back and holding
//! every fact to the model, and the bookkeeping of known failures: a listed case must still
//! fail, every other case must pass, and each file's case count is asserted.

// Each of the two test crates uses its part of these helpers.
#![allow(dead_code, unused_imports)]

mod headers;
mod read_back;
mod xml;

pub use headers::{check_headers, header_map, header_values};
pub use read_back::{Adjust, Input, Read, check_parse};
pub use xml::{Tree, compare, tree};

use bytes::Bytes;
use fault_core::http::{Method, Response, StatusCode};
use fault_core::{ApiFault, Context, Fault, Format, FromFault, Link, Microversion, RetryAfter};
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Which half of a case failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Rendering the typed value and comparing with the case.
    Render,
    /// Reading the body back with `Fault::parse`, then `FromFault`.
    Parse,
}

/// A case expected to fail on one side: its id, the side, and why.
pub type Known = (&'static str, Side, &'static str);

/// A case file: its cases and its top-level fields.
pub fn load(name: &str) -> Json {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

// ---- the model of a case ----

/// A typed error value: what a service renders and what a client reads back.
pub trait Typed: fmt::Debug {
    /// `ApiFault::response`.
    fn response(&self, cx: &Context<'_>) -> Response<Bytes>;
    /// `ApiFault::fault`.
    fn fault(&self) -> Fault<'_>;
    /// `ApiFault::default_format`.
    fn format(&self) -> Format;
    /// Whether `FromFault` turns `fault` back into this very value.
    fn reads_back(&self, fault: &Fault<'_>) -> Result<(), String>;
}

impl<T: ApiFault + FromFault + PartialEq + fmt::Debug> Typed for T {
    fn response(&self, cx: &Context<'_>) -> Response<Bytes> {
        ApiFault::response(self, cx)
    }
    fn fault(&self) -> Fault<'_> {
        ApiFault::fault(self)
    }
    fn format(&self) -> Format {
        self.default_format()
    }
    fn reads_back(&self, fault: &Fault<'_>) -> Result<(), String> {
        match T::from_fault(fault) {
            Some(back) if back == *self => Ok(()),
            other => Err(format!("FromFault gives {other:?}, not {self:?}")),
        }
    }
}

/// What of the request reaches the response, as a service's middleware reads it.
#[derive(Clone, Debug, Default)]
pub struct Setup {
    pub accept: Option<String>,
    pub request_id: Option<String>,
    pub microversion: Option<Microversion>,
    pub method: Option<Method>,
    pub instance: Option<String>,
}

impl Setup {
    pub fn context(&self) -> Context<'_> {
        let mut cx = Context::new();
        if let Some(accept) = &self.accept {
            cx = cx.with_accept(accept.as_str());
        }
        if let Some(id) = &self.request_id {
            cx = cx.with_request_id(id.as_str());
        }
        if let Some(version) = self.microversion {
            cx = cx.with_microversion(version);
        }
        if let Some(method) = &self.method {
            cx = cx.with_method(method.clone());
        }
        if let Some(instance) = &self.instance {
            cx = cx.with_instance(instance.as_str());
        }
        cx
    }
}

/// One error of a case: the typed value, the links added to it in code, and, where the wire
/// cannot tell the value from another variant (one title and one status), the value
/// `FromFault` must give instead: the `parse_target`'s.
#[derive(Debug)]
pub struct Error {
    pub value: Box<dyn Typed>,
    pub links: Vec<Link<'static>>,
    pub reads_as: Option<Box<dyn Typed>>,
}

impl Error {
    pub fn new(value: impl Typed + 'static) -> Self {
        Error::boxed(Box::new(value))
    }

    pub fn boxed(value: Box<dyn Typed>) -> Self {
        Error {
            value,
            links: Vec::new(),
            reads_as: None,
        }
    }

    #[must_use]
    pub fn with_link(mut self, rel: &str, href: &str) -> Self {
        self.links.push(Link::new(rel.to_owned(), href.to_owned()));
        self
    }

    fn fault(&self) -> Fault<'_> {
        self.links.iter().fold(self.value.fault(), |fault, link| {
            fault.with_link(link.clone())
        })
    }
}

/// A case's fault as a service builds it: one typed value per error (API-WG bodies list
/// several, added with `Fault::with_error`), each with the links added with
/// `Fault::with_link`, and the request's setup.
#[derive(Debug)]
pub struct Model {
    pub errors: Vec<Error>,
    pub setup: Setup,
}

impl Model {
    pub fn one(error: Error, setup: Setup) -> Self {
        Model {
            errors: vec![error],
            setup,
        }
    }

    /// The fault in code: the first error, its links, the further errors with theirs.
    pub fn fault(&self) -> Fault<'_> {
        let mut errors = self.errors.iter();
        let first = errors.next().expect("a model has an error").fault();
        errors.fold(first, |fault, more| fault.with_error(more.fault()))
    }

    /// The response: `ApiFault::response` for a lone value, the fault built in code rendered in
    /// the value's format when links or further errors are added.
    pub fn response(&self) -> Response<Bytes> {
        let cx = self.setup.context();
        match self.errors.as_slice() {
            [one] if one.links.is_empty() => one.value.response(&cx),
            _ => self.fault().render(self.format(), &cx),
        }
    }

    /// The format the first value declares.
    pub fn format(&self) -> Format {
        self.errors[0].value.format()
    }
}
// ---- the run ----

/// The outcome of one case: each side's result.
pub struct Outcome {
    pub render: Result<(), String>,
    pub parse: Result<Read, String>,
}

/// A case's group in the report: its service and its source repository at its commit.
fn group(case: &Json) -> String {
    let service = case["service"].as_str().unwrap_or("?");
    let source = case["source"].as_str().unwrap_or("?");
    let (path, rest) = source.split_once('@').unwrap_or((source, ""));
    let repo: Vec<&str> = path.split('/').take(2).collect();
    let commit: String = rest.chars().take(8).collect();
    format!("{service} {}@{commit}", repo.join("/"))
}

#[derive(Default)]
struct Counts {
    cases: usize,
    rendered: usize,
    render_listed: usize,
    parsed: usize,
    parsed_ours: usize,
    parse_listed: usize,
}

/// Runs `check` on every case, holds each side to `known`, prints per group how many
/// render and parse, asserts the count, and fails with every unexpected outcome at once.
pub fn run(file: &str, expected_count: usize, known: &[Known], check: impl Fn(&Json) -> Outcome) {
    let doc = load(file);
    let cases = doc["cases"].as_array().expect("a list of cases");
    let mut problems = Vec::new();
    let mut groups: BTreeMap<String, Counts> = BTreeMap::new();
    let ids: Vec<&str> = cases.iter().map(|c| c["id"].as_str().unwrap()).collect();
    for (i, (id, side, _)) in known.iter().enumerate() {
        if !ids.contains(id) {
            problems.push(format!("{id}: listed in KNOWN_FAILURES but no such case"));
        }
        if known[..i].iter().any(|(k, s, _)| k == id && s == side) {
            problems.push(format!("{id}: listed twice for {side:?}"));
        }
    }
    let mut ran = 0;
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let outcome = catch_unwind(AssertUnwindSafe(|| check(case))).unwrap_or_else(|panic| {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            Outcome {
                render: Err(format!("panicked: {why}")),
                parse: Err(format!("panicked: {why}")),
            }
        });
        ran += 1;
        let counts = groups.entry(group(case)).or_default();
        counts.cases += 1;
        let listed = |side: Side| known.iter().find(|(k, s, _)| *k == id && *s == side);
        let parse = outcome.parse.as_ref().map(|_| ()).map_err(Clone::clone);
        for (side, result) in [(Side::Render, &outcome.render), (Side::Parse, &parse)] {
            match (result, listed(side)) {
                (Ok(()), None) => match side {
                    Side::Render => counts.rendered += 1,
                    Side::Parse if outcome.parse == Ok(Read::Ours) => counts.parsed_ours += 1,
                    Side::Parse => counts.parsed += 1,
                },
                (Err(e), Some(_)) => {
                    // `CONFORMANCE_SHOW=1` prints how each listed case fails, to check its reason.
                    if std::env::var_os("CONFORMANCE_SHOW").is_some() {
                        println!("listed: {id} ({side:?}): {e}");
                    }
                    match side {
                        Side::Render => counts.render_listed += 1,
                        Side::Parse => counts.parse_listed += 1,
                    }
                }
                (Ok(()), Some((_, _, why))) => problems.push(format!(
                    "{id} ({side:?}) passes now: take it off KNOWN_FAILURES (listed: {why})"
                )),
                (Err(e), None) => problems.push(format!("{id} ({side:?}): {e}")),
            }
        }
    }
    let width = groups.keys().map(String::len).max().unwrap_or(0);
    println!("{file}: {ran} cases (render: rendered / listed; parse: case body / ours / listed)");
    println!(
        "{:<width$} {:>5} {:>8} {:>7} {:>7} {:>5} {:>7}",
        "service source", "cases", "rendered", "listed", "parsed", "ours", "listed"
    );
    for (name, c) in &groups {
        println!(
            "{name:<width$} {:>5} {:>8} {:>7} {:>7} {:>5} {:>7}",
            c.cases, c.rendered, c.render_listed, c.parsed, c.parsed_ours, c.parse_listed
        );
    }
    assert_eq!(ran, cases.len());
    assert_eq!(
        cases.len(),
        expected_count,
        "{file} holds {} cases, not {expected_count}",
        cases.len()
    );
    assert!(
        problems.is_empty(),
        "{} unexpected outcomes in {file}:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
// ---- small readers of case data ----

/// A case's request header (names compared without case).
pub fn request_header<'c>(case: &'c Json, name: &str) -> Option<&'c str> {
    case["request_headers"]
        .as_object()?
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.as_str())
}

/// A case's expected response header (names compared without case), as text.
pub fn expect_header(case: &Json, name: &str) -> Option<String> {
    case["expect_headers"]
        .as_object()?
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| header_values(v).join(", "))
}

/// The case's status, if it has one.
pub fn status(case: &Json) -> Option<StatusCode> {
    case["status"]
        .as_u64()
        .map(|s| StatusCode::from_u16(u16::try_from(s).unwrap()).unwrap())
}

/// Seconds or a date, as `retryAfter`, `retryAt` or `Retry-After` hold them.
pub fn retry_after(value: &Json) -> Option<RetryAfter> {
    match value {
        Json::Number(n) => n.as_u64().map(RetryAfter::Seconds),
        Json::String(s) => s
            .parse()
            .ok()
            .map(RetryAfter::Seconds)
            .or_else(|| iso8601(s).map(RetryAfter::At)),
        _ => None,
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`.
pub fn iso8601(text: &str) -> Option<std::time::SystemTime> {
    let b = text.as_bytes();
    if b.len() != 20 || b[4] != b'-' || b[10] != b'T' || b[19] != b'Z' {
        return None;
    }
    let n = |r: std::ops::Range<usize>| text.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (n(0..4)?, n(5..7)?, n(8..10)?);
    let (hh, mm, ss) = (n(11..13)?, n(14..16)?, n(17..19)?);
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = u64::try_from(days * 86_400 + hh * 3600 + mm * 60 + ss).ok()?;
    Some(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs))
}

/// The method of a case's request.
pub fn method(case: &Json) -> Option<Method> {
    case["request"]["method"]
        .as_str()
        .map(|m| m.parse().expect("a method"))
}

/// `Fault::parse`'s input for a case's own body: its status, the headers it was sent with.
pub fn case_body(case: &Json) -> Option<Input> {
    Some(Input::Body {
        status: status(case)?,
        headers: header_map(&case["expect_headers"]),
        body: case["body"].as_str()?.to_owned(),
    })
}
