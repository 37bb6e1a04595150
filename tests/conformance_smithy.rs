//! Every error case of Smithy's AWS protocol test suites (`tests/data/smithy-error-cases.json`:
//! awsQuery, ec2Query, awsJson 1.0 and 1.1, restJson1, restXml and S3's restXml without error
//! wrapping), both ways:
//!
//! - rendered: each service is a typed enum annotated as its model says (`model.rs`), the
//!   case's value built from its `params` and sent with `ApiFault::response`; the status, every
//!   header the case lists and the body (a JSON value, or an XML tree with trimmed text) must
//!   be the case's. Cases that only clients implement (`applies_to: client`) are not rendered.
//! - parsed back: the case's status, headers and body go through `Fault::parse`, then
//!   `FromFault`; the variant found must be the case's shape with its `params` (members,
//!   message, header members), the title the shape's name (the awsQuery `Code` where the
//!   protocol sends that instead), the code and type the case's vendor params expose, and
//!   the format read the service's (for a case with a body: a bare `X-Amzn-Errortype` names
//!   no protocol).
//!
//! Nothing is dropped silently: a case in `KNOWN_FAILURES` must still fail (the test says to
//! take it off when it passes), every other case must pass, and the number of cases run must
//! be the file's.

#[path = "conformance_smithy/compare.rs"]
mod compare;
#[path = "conformance_smithy/model.rs"]
mod model;

use compare::{check_body, check_headers, header_map, request_id};
use fault_core::http::StatusCode;
use fault_core::{Context, Fault};
use model::{
    Ec2Error, Json10Error, Json11Error, Model, Params, QueryCompatibleError, QueryError,
    RestJsonError, RestXmlError, S3Error,
};
use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Which half of a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// Rendering the typed value and comparing with the case.
    Render,
    /// Reading the case's response back with `Fault::parse`, then `FromFault`.
    Parse,
}

/// Cases expected to fail on one side: the case id, the side, and why.
const KNOWN_FAILURES: &[(&str, Side, &str)] = &[(
    "InvalidGreetingError",
    Side::Render,
    "the case's body has <AnotherSetting>setting</AnotherSetting>, which is no member of \
         the model's InvalidGreeting (its one member is Message): a server rendering the model \
         cannot send it. The case is there for clients to skip unknown elements, which its \
         parse side shows",
)];

/// The case file.
fn data() -> Json {
    let path = format!(
        "{}/tests/data/smithy-error-cases.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("the case file")).expect("JSON")
}

/// One case of the file.
struct Case<'a> {
    json: &'a Json,
    id: &'a str,
    protocol: &'a str,
    service: &'a str,
    /// The error shape's name, without its namespace.
    shape: &'a str,
    status: StatusCode,
}

impl<'a> Case<'a> {
    fn new(json: &'a Json) -> Self {
        let text = |key: &str| json[key].as_str().unwrap_or_default();
        let shape = text("error_shape");
        let status = json["status"].as_u64().and_then(|s| u16::try_from(s).ok());
        Case {
            json,
            id: text("id"),
            protocol: text("protocol"),
            service: text("service"),
            shape: shape.rsplit('#').next().unwrap_or(shape),
            status: StatusCode::from_u16(status.unwrap_or(0)).expect("a status"),
        }
    }

    fn client_only(&self) -> bool {
        self.json["applies_to"] == "client"
    }

    fn headers(&self) -> &'a Map<String, Json> {
        self.json["headers"].as_object().expect("headers")
    }

    fn header(&self, name: &str) -> Option<&'a str> {
        self.headers()
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .and_then(|(_, v)| v.as_str())
    }

    fn body(&self) -> Option<&'a str> {
        self.json["body"].as_str()
    }

    fn vendor(&self, key: &str) -> Option<&'a str> {
        self.json.get("vendor_params")?.get(key)?.as_str()
    }

    /// The title a client reads: the shape's name, except in the query protocols, whose
    /// `Code` is the `@awsQueryError` code (what the vendor params expose).
    fn title(&self) -> &'a str {
        match self.protocol {
            "awsQuery" | "ec2Query" => self.vendor("code").unwrap_or(self.shape),
            _ => self.shape,
        }
    }
}

/// The case's value: its shape's variant, filled from its params (every one of them).
fn build<E: Model>(case: &Case<'_>) -> Result<E, String> {
    let params = Params::new(&case.json["params"]);
    let value = E::build(case.shape, &params).ok_or_else(|| {
        format!(
            "{} has no variant for {}",
            std::any::type_name::<E>(),
            case.shape
        )
    })?;
    let unread = params.unread();
    if unread.is_empty() {
        Ok(value)
    } else {
        Err(format!("params the variant does not model: {unread:?}"))
    }
}

fn render<E: Model>(case: &Case<'_>) -> Result<(), String> {
    let value = build::<E>(case)?;
    let mut cx = Context::new();
    if let Some(id) = request_id(case.body()) {
        cx = cx.with_request_id(id);
    }
    let response = value.response(&cx);
    if response.status() != case.status {
        return Err(format!(
            "status: ours {}, the case has {}",
            response.status(),
            case.status
        ));
    }
    check_headers(case.headers(), response.headers())?;
    check_body(
        case.json["body_media_type"].as_str(),
        case.body(),
        response.body(),
    )
}

fn parse<E: Model>(case: &Case<'_>) -> Result<(), String> {
    let headers = header_map(case.headers())?;
    let body = case.body().unwrap_or_default();
    let fault = Fault::parse(case.status, &headers, body.as_bytes());
    let mut wrong = Vec::new();
    if fault.title() != case.title() {
        wrong.push(format!(
            "title {:?}, the case's is {:?}",
            fault.title(),
            case.title()
        ));
    }
    if fault.status() != case.status {
        wrong.push(format!("status {}", fault.status()));
    }
    if let Some(code) = case.vendor("code") {
        let exposed = fault.query_code().unwrap_or(fault.title());
        if exposed != code {
            wrong.push(format!("code exposed {exposed:?}, the case's is {code:?}"));
        }
    }
    if let Some(kind) = case.vendor("type")
        && fault.err_type().as_str() != kind
    {
        wrong.push(format!("type {}, the case's is {kind}", fault.err_type()));
    }
    if let Some(query_error) = case.header("x-amzn-query-error") {
        let code = query_error.split(';').next();
        if fault.query_code() != code {
            wrong.push(format!(
                "query code {:?}, the header's is {code:?}",
                fault.query_code()
            ));
        }
    }
    let expected = build::<E>(case)?;
    // A response without a body names no family: it may be any of the AWS JSON protocols.
    if case.body().is_some() && fault.format() != Some(expected.default_format()) {
        wrong.push(format!(
            "read as {:?}, the service's format is {}",
            fault.format(),
            expected.default_format()
        ));
    }
    let message = expected.fault().message().to_string();
    if fault.message().to_string() != message {
        wrong.push(format!(
            "message {:?}, the case's is {message:?}",
            fault.message().to_string()
        ));
    }
    let back = E::from_fault(&fault);
    if back.as_ref() != Some(&expected) {
        wrong.push(format!("read back as {back:?}, the case's is {expected:?}"));
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(format!("{} (parsed: {fault:?})", wrong.join("; ")))
    }
}

/// What a service's enum does with a case.
struct Service {
    render: fn(&Case<'_>) -> Result<(), String>,
    parse: fn(&Case<'_>) -> Result<(), String>,
    /// The title and status of the case's value.
    facts: fn(&Case<'_>) -> Result<(String, u16), String>,
}

fn service_of<E: Model>() -> Service {
    Service {
        render: render::<E>,
        parse: parse::<E>,
        facts: |case| build::<E>(case).map(|v| (v.title().to_owned(), v.status().as_u16())),
    }
}

/// The enum of each service the cases name.
fn service(name: &str) -> Option<Service> {
    Some(match name {
        "aws.protocoltests.query#AwsQuery" => service_of::<QueryError>(),
        "aws.protocoltests.ec2#AwsEc2" => service_of::<Ec2Error>(),
        "aws.protocoltests.json10#JsonRpc10" => service_of::<Json10Error>(),
        "aws.protocoltests.json10#QueryCompatibleJsonRpc10" => service_of::<QueryCompatibleError>(),
        "aws.protocoltests.json#JsonProtocol" => service_of::<Json11Error>(),
        "aws.protocoltests.restjson#RestJson" => service_of::<RestJsonError>(),
        "aws.protocoltests.restxml#RestXml" => service_of::<RestXmlError>(),
        "com.amazonaws.s3#AmazonS3" => service_of::<S3Error>(),
        _ => return None,
    })
}

/// Runs one side of `case` with its service's enum; a panic is a failure like any other.
fn run(case: &Case<'_>, side: Side) -> Result<(), String> {
    let service = service(case.service).ok_or_else(|| format!("no enum for {}", case.service))?;
    let job = match side {
        Side::Render => service.render,
        Side::Parse => service.parse,
    };
    catch_unwind(AssertUnwindSafe(|| job(case))).unwrap_or_else(|panic| {
        let text = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()));
        Err(format!("panicked: {}", text.unwrap_or_default()))
    })
}

/// What ran per protocol.
#[derive(Default)]
struct Tally {
    cases: usize,
    to_render: usize,
    rendered: usize,
    parsed: usize,
    listed: usize,
}

#[test]
fn every_smithy_error_case_renders_and_parses_back() {
    let data = data();
    let cases = data["cases"].as_array().expect("cases");
    let mut tally: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut listed_used = vec![false; KNOWN_FAILURES.len()];
    for json in cases {
        let case = Case::new(json);
        let counts = tally.entry(case.protocol).or_default();
        counts.cases += 1;
        for side in [Side::Render, Side::Parse] {
            if side == Side::Render && case.client_only() {
                continue;
            }
            counts.to_render += usize::from(side == Side::Render);
            let known = KNOWN_FAILURES
                .iter()
                .position(|(id, s, _)| *id == case.id && *s == side);
            let whence = format!("{}:{}", json["file"].as_str().unwrap_or("?"), json["line"]);
            match (run(&case, side), known) {
                (Ok(()), None) if side == Side::Render => counts.rendered += 1,
                (Ok(()), None) => counts.parsed += 1,
                (Err(_), Some(at)) => {
                    listed_used[at] = true;
                    counts.listed += 1;
                }
                (Ok(()), Some(at)) => {
                    listed_used[at] = true;
                    problems.push(format!(
                        "{} ({side:?}) passes now: take it off KNOWN_FAILURES ({})",
                        case.id, KNOWN_FAILURES[at].2
                    ));
                }
                (Err(why), None) => {
                    problems.push(format!("{} ({side:?}, {whence}): {why}", case.id));
                }
            }
        }
    }
    for (used, (id, side, _)) in listed_used.iter().zip(KNOWN_FAILURES) {
        if !used {
            problems.push(format!(
                "KNOWN_FAILURES lists {id} ({side:?}), which is no case side that ran"
            ));
        }
    }
    println!("protocol      cases  rendered  parsed back  listed failures");
    for (protocol, t) in &tally {
        println!(
            "{protocol:<12} {:>6} {:>6}/{:<3} {:>6}/{:<5} {:>8}",
            t.cases, t.rendered, t.to_render, t.parsed, t.cases, t.listed
        );
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n\n")
    );
    let ran: usize = tally.values().map(|t| t.cases).sum();
    assert_eq!(Some(ran as u64), data["counts"]["total"].as_u64());
    assert_eq!(ran, 52, "the cases run");
    for (protocol, t) in &tally {
        assert_eq!(
            Some(t.cases as u64),
            data["counts"][protocol].as_u64(),
            "{protocol}"
        );
    }
}

/// Each variant is its shape: the title the shape's name, the status its `@httpError`, else
/// Smithy's default for the side at fault (client 400, server 500).
#[test]
fn every_variant_is_its_shape() {
    let data = data();
    for json in data["cases"].as_array().expect("cases") {
        let case = Case::new(json);
        let shape = &data["shapes"][json["error_shape"].as_str().unwrap()]["traits"];
        let status = shape["httpError"]
            .as_u64()
            .unwrap_or(match shape["error"].as_str() {
                Some("client") => 400,
                _ => 500,
            });
        let ours = service(case.service).map(|s| (s.facts)(&case));
        assert_eq!(
            ours,
            Some(Ok((case.shape.to_owned(), u16::try_from(status).unwrap()))),
            "{}",
            case.id
        );
    }
}
