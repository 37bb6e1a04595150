//! Every case of `tests/data/openstack-fault-cases.json` (nova's and cinder's fault tests of
//! today, of icehouse and of mitaka; the Compute API schema's and Rackspace's documentation
//! samples) is rendered from a typed enum and read back.
//!
//! Rendering: each case's fault is raised as the service of that release would raise it, a
//! variant of an enum declared with the release's dialect and XML namespace
//! (`conformance_openstack/faults.rs`), rendered with `ApiFault::response` for the request the
//! case shows (JSON or XML by its `Accept`, else its path's extension, as nova's did), and its
//! body compared as the case's source compared it (`compare`: exact bytes, equal JSON values
//! (member order ignored, as `jsonutils.loads` equality ignores it), or equal XML element
//! trees), its status and the headers it expects held to the case's (the content type
//! exactly, `Retry-After`, request ids, the microversion headers, which must also be absent
//! where the case has none; `Content-Length` is the HTTP server's), and `Fault::unsent` must
//! report nothing. A case without a body (the source checks `status_int` only) is held to its
//! status; an asynchronous fault embedded in a server or image document is compared with the
//! `fault` it embeds.
//!
//! Reading back: each case's body, with the headers it was sent with, goes through
//! `Fault::parse`; status, title, message, details, retry-after, created, request id and
//! members must be the typed value's, and `FromFault` must give the typed value back, or, for a
//! variant no reader can tell from another (one title, one status), the `parse_target` with
//! the text sent. A case without a body reads back what we rendered for it; an embedded fault
//! is read from its own text, with its code as the status.
//!
//! `KNOWN_FAILURES` lists what fault-core cannot do yet, case by case and side by side: a
//! listed case must still fail, every other one must pass, and the count of cases is the
//! file's.

mod conformance_cases;
#[path = "conformance_openstack/faults.rs"]
mod faults;
#[path = "conformance_openstack/known.rs"]
mod known;

use conformance_cases::{
    Error, Input, Model, Outcome, Setup, Tree, Typed, case_body, check_headers, check_parse,
    compare, expect_header, header_map, request_header, run, tree,
};
use fault_core::Microversion;
use faults::{
    CinderIcehouse, CinderMaster, CinderMitakaV1, CinderMitakaV2, CloudServersV10, ComputeApiV11,
    Extra, Facts, NovaIcehouse, NovaMaster, NovaShapes,
};
use serde_json::Value as Json;

/// The name nova's `Fault` gives a status, for the cases whose source renders no body.
fn nova_name(status: u16) -> &'static str {
    match status {
        400 => "badRequest",
        403 => "forbidden",
        404 => "itemNotFound",
        413 | 429 => "overLimit",
        415 => "badMediaType",
        _ => "computeFault",
    }
}

/// Where a case's fault is: the whole body, or the `fault` a 200 document embeds.
enum Body {
    None,
    Json(Json),
    Xml(Tree),
}

fn body_of(case: &Json) -> Body {
    let Some(text) = case["body"].as_str() else {
        return Body::None;
    };
    if text.trim_start().starts_with('<') {
        let root = tree(text.as_bytes()).expect("the case's XML");
        match root.name.1.as_str() {
            "server" | "image" => Body::Xml(root.find("fault").expect("an embedded fault").clone()),
            _ => Body::Xml(root),
        }
    } else {
        let json: Json = serde_json::from_str(text).expect("the case's JSON");
        let (name, inner) = json.as_object().unwrap().iter().next().unwrap();
        match name.as_str() {
            "server" | "image" => Body::Json(serde_json::json!({"fault": inner["fault"]})),
            _ => Body::Json(json),
        }
    }
}

/// Whether the case's fault is embedded in a (200) resource document.
fn embedded(case: &Json) -> bool {
    case["status"] == 200
}

/// The fault the case shows.
fn facts(case: &Json, body: &Body) -> Facts {
    let status = u16::try_from(case["status"].as_u64().unwrap()).unwrap();
    let facts = match body {
        Body::None => Facts {
            status,
            title: nova_name(status).to_owned(),
            message: case["built_from"]["explanation"]
                .as_str()
                .expect("an explanation")
                .to_owned(),
            ..Facts::default()
        },
        Body::Json(json) => {
            let (title, inner) = json.as_object().unwrap().iter().next().unwrap();
            let code = inner["code"].as_u64().map_or(status, |c| c as u16);
            Facts::from_json(code, title, inner)
        }
        Body::Xml(root) => {
            let code = root.attr("code").map_or(status, |c| c.parse().unwrap());
            Facts::from_xml(code, root)
        }
    };
    facts.with_header(case)
}

/// What of the request reaches the response: the encoding by `Accept`, else by the path's
/// extension (`/.xml`), else (a serializer-level test) by the body; the request id; the
/// microversion the service stored, where the case shows one.
fn setup(case: &Json) -> Setup {
    let path = case["request"]["path"].as_str().unwrap_or("");
    let body = case["body"].as_str().unwrap_or("");
    let accept = request_header(case, "Accept")
        .map(str::to_owned)
        .or_else(|| {
            if path.ends_with(".xml") || (path.is_empty() && body.starts_with('<')) {
                Some("application/xml".to_owned())
            } else if path.ends_with(".json") {
                Some("application/json".to_owned())
            } else {
                None
            }
        });
    let request_id = expect_header(case, "x-compute-request-id")
        .or_else(|| expect_header(case, "x-openstack-request-id"));
    let microversion = expect_header(case, "OpenStack-API-Version").and_then(|v| {
        Microversion::parse_header(&v, "compute").or(Microversion::parse_header(&v, "volume"))
    });
    Setup {
        accept,
        request_id,
        microversion,
        ..Setup::default()
    }
}

/// The error of a typed value, and the value it reads back as where the wire cannot tell.
fn error<T: Typed + 'static>(value: Option<(T, Option<T>)>) -> Option<Error> {
    let (value, reads_as) = value?;
    let mut error = Error::new(value);
    error.reads_as = reads_as.map(|v| Box::new(v) as Box<dyn Typed>);
    Some(error)
}

/// The typed value the case's service raises.
fn typed(id: &str, f: &Facts) -> Option<Error> {
    let release = id.split(':').take(2).collect::<Vec<_>>().join(":");
    match release.as_str() {
        "nova:2014.1" if id.contains("XMLDictSerializer-shapes") => {
            Some(Error::new(NovaShapes::Compute {
                message: f.message.clone(),
                extra: Extra { x: true, y: None },
                deleted: false,
                items: vec![1, 2],
                details: vec!["a".into(), "b".into()],
            }))
        }
        "nova:master" => error(NovaMaster::from_facts(f)),
        "nova:2014.1" => error(NovaIcehouse::from_facts(f)),
        "cinder:master" => error(CinderMaster::from_facts(f)),
        "cinder:mitaka" if id.contains("TestV11") => error(CinderMitakaV1::from_facts(f)),
        "cinder:mitaka" => error(CinderMitakaV2::from_facts(f)),
        "cinder:2014.1" => error(CinderIcehouse::from_facts(f)),
        _ if id.starts_with("compute-api:v1.0/") => error(CloudServersV10::from_facts(f)),
        _ if id.starts_with("compute-api") => error(ComputeApiV11::from_facts(f)),
        _ => None,
    }
}

fn render(case: &Json, body: &Body, model: &Model) -> Result<(), String> {
    let response = model.response();
    let mut problems = Vec::new();
    let unsent = model.fault().unsent(model.format());
    if !unsent.is_empty() {
        problems.push(format!("Fault::unsent reports {unsent:?}"));
    }
    let want = if embedded(case) {
        match body {
            Body::Json(json) => json["fault"]["code"].as_u64(),
            Body::Xml(root) => root.attr("code").and_then(|c| c.parse().ok()),
            Body::None => None,
        }
    } else {
        case["status"].as_u64()
    };
    if want != Some(u64::from(response.status().as_u16())) {
        problems.push(format!("status {}, not {want:?}", response.status()));
    }
    // The source checks the status only.
    if !matches!(body, Body::None) {
        let text = case["body"].as_str().unwrap();
        let compared = match body {
            Body::Json(json) if embedded(case) => {
                compare("json", response.body(), &json.to_string())
            }
            Body::Xml(root) if embedded(case) => tree(response.body()).and_then(|ours| {
                (ours == *root)
                    .then_some(())
                    .ok_or_else(|| format!("XML trees differ: ours {ours:?}, theirs {root:?}"))
            }),
            _ => compare(case["compare"].as_str().unwrap(), response.body(), text),
        };
        problems.extend(compared.err());
        problems.extend(check_headers(&case["expect_headers"], text, response.headers()).err());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// `Fault::parse`'s input: the case's body; an embedded fault's own text, with its code as
/// the status (the document around it is a 200); ours for a case without a body.
fn parse_input(case: &Json, body: &Body) -> Input {
    let text = case["body"].as_str().unwrap_or("");
    match body {
        Body::None => Input::Ours,
        Body::Json(json) if embedded(case) => Input::Body {
            status: code_of(&json["fault"]["code"].to_string()),
            headers: header_map(&case["expect_headers"]),
            body: json.to_string(),
        },
        Body::Xml(root) if embedded(case) => {
            let start = text.find("<fault").unwrap();
            let end = text.find("</fault>").unwrap() + "</fault>".len();
            Input::Body {
                status: code_of(root.attr("code").unwrap()),
                headers: header_map(&case["expect_headers"]),
                body: text[start..end].to_owned(),
            }
        }
        _ => case_body(case).expect("a status and a body"),
    }
}

fn code_of(code: &str) -> fault_core::http::StatusCode {
    fault_core::http::StatusCode::from_bytes(code.as_bytes()).expect("a status code")
}

fn check(case: &Json) -> Outcome {
    let id = case["id"].as_str().unwrap();
    let body = body_of(case);
    let facts = facts(case, &body);
    let Some(value) = typed(id, &facts) else {
        let none = format!("no variant for {facts:?}");
        return Outcome {
            render: Err(none.clone()),
            parse: Err(none),
        };
    };
    if !facts.extra.is_empty() && !id.contains("XMLDictSerializer-shapes") {
        let extra = format!("members the enums do not declare: {:?}", facts.extra);
        return Outcome {
            render: Err(extra.clone()),
            parse: Err(extra),
        };
    }
    let model = Model::one(value, setup(case));
    Outcome {
        render: render(case, &body, &model),
        parse: check_parse(&model, parse_input(case, &body), &Default::default()),
    }
}

#[test]
fn every_openstack_fault_case_renders_and_reads_back() {
    run(
        "openstack-fault-cases.json",
        119,
        known::KNOWN_FAILURES,
        check,
    );
}
