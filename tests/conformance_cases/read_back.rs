//! Reading a body back with `Fault::parse` and holding every fact to the model, then
//! `FromFault` to each typed value.

use super::Model;
use fault_core::Fault;
use fault_core::http::{HeaderMap, StatusCode};

/// What to read back: the case's own body, or (a case with no body of its own) ours.
pub enum Input {
    Body {
        status: StatusCode,
        headers: HeaderMap,
        body: String,
    },
    Ours,
}

/// Whether the parse side read the case's body or ours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Read {
    CaseBody,
    Ours,
}

/// What the facts read back must be beyond the typed values' own: the request id the
/// response carries and, where the format sends it only sometimes, the API-WG code.
#[derive(Default)]
pub struct Adjust {
    /// The code the body carries, where it is not the fault's (Placement before 1.23).
    pub code: Option<Option<String>>,
}

/// Reads `input` back and holds every fact to the model: status, title, message, details,
/// retry-after, created, API-WG code, request id, links, RFC 9457 type, instance and
/// language, the members by name, each further error likewise; then `FromFault` must give
/// each typed value back.
pub fn check_parse(model: &Model, input: Input, adjust: &Adjust) -> Result<Read, String> {
    let (fault, read) = match input {
        Input::Body {
            status,
            headers,
            body,
        } => (
            Fault::parse(status, &headers, body.as_bytes()),
            Read::CaseBody,
        ),
        Input::Ours => (Fault::from_response(&model.response()), Read::Ours),
    };
    let mut problems = Vec::new();
    let expected = model.fault();
    let setup = &model.setup;
    let request_id = expected
        .request_id()
        .map(|t| t.to_string())
        .or(setup.request_id.clone());
    facts(&fault, &expected, adjust, &mut problems, "");
    if fault.request_id().map(ToString::to_string) != request_id {
        problems.push(format!(
            "request id {:?}, not {request_id:?}",
            fault.request_id().map(ToString::to_string)
        ));
    }
    let instance = expected
        .instance()
        .map(ToString::to_string)
        .or(setup.instance.clone());
    if fault.instance().map(ToString::to_string) != instance {
        problems.push(format!(
            "instance {:?}, not {instance:?}",
            fault.instance().map(ToString::to_string)
        ));
    }
    if fault.errors().len() != expected.errors().len() {
        problems.push(format!(
            "{} further errors, not {}",
            fault.errors().len(),
            expected.errors().len()
        ));
    }
    for (i, (ours, theirs)) in fault.errors().iter().zip(expected.errors()).enumerate() {
        facts(
            ours,
            theirs,
            adjust,
            &mut problems,
            &format!("error {}: ", i + 2),
        );
    }
    let read_back = std::iter::once(&fault).chain(fault.errors());
    for (error, parsed) in model.errors.iter().zip(read_back) {
        let value = error.reads_as.as_ref().unwrap_or(&error.value);
        if let Err(e) = value.reads_back(parsed) {
            problems.push(e);
        }
    }
    if problems.is_empty() {
        Ok(read)
    } else {
        Err(problems.join("; "))
    }
}

fn facts(
    fault: &Fault<'_>,
    expected: &Fault<'_>,
    adjust: &Adjust,
    problems: &mut Vec<String>,
    at: &str,
) {
    let text = |t: Option<&fault_core::Text<'_>>| t.map(ToString::to_string);
    let mut check = |what: &str, ours: String, theirs: String| {
        if ours != theirs {
            problems.push(format!("{at}{what} {ours}, not {theirs}"));
        }
    };
    check(
        "status",
        fault.status().to_string(),
        expected.status().to_string(),
    );
    check(
        "title",
        format!("{:?}", fault.title()),
        format!("{:?}", expected.title()),
    );
    check(
        "message",
        format!("{:?}", fault.message().to_string()),
        format!("{:?}", expected.message().to_string()),
    );
    check(
        "details",
        format!("{:?}", text(fault.details())),
        format!("{:?}", text(expected.details())),
    );
    check(
        "retry-after",
        format!("{:?}", fault.retry_after()),
        format!("{:?}", expected.retry_after()),
    );
    check(
        "created",
        format!("{:?}", text(fault.created())),
        format!("{:?}", text(expected.created())),
    );
    let code = match &adjust.code {
        Some(code) => code.clone(),
        None => expected.code().map(str::to_owned),
    };
    check(
        "code",
        format!("{:?}", fault.code()),
        format!("{:?}", code.as_deref()),
    );
    check(
        "links",
        format!("{:?}", fault.links()),
        format!("{:?}", expected.links()),
    );
    check(
        "type",
        format!("{:?}", fault.problem_type()),
        format!("{:?}", expected.problem_type()),
    );
    check(
        "language",
        format!("{:?}", fault.language()),
        format!("{:?}", expected.language()),
    );
    let names = |f: &Fault<'_>| -> Vec<String> {
        let mut names: Vec<String> = f
            .members()
            .iter()
            .filter(|m| m.header().is_none())
            .map(|m| m.name().to_owned())
            .collect();
        names.sort();
        names
    };
    check(
        "members",
        format!("{:?}", names(fault)),
        format!("{:?}", names(expected)),
    );
    for member in expected.members() {
        if let Some(header) = member.header() {
            let ours = fault.header_member(header).and_then(|v| v.to_text());
            let theirs = member.value().to_text();
            if ours != theirs {
                problems.push(format!(
                    "{at}header member {header} {ours:?}, not {theirs:?}"
                ));
            }
        }
    }
}
