//! The model of each API-WG, Placement and RFC 9457 case: its typed errors, the links added
//! in code, and the request as the service's middleware reads it.

use crate::conformance_cases::{
    Error, Model, Setup, expect_header, load, method, request_header, status,
};
use crate::faults::{CatsError, GuidelineError, Param, PlacementError, Pointer, ProblemError};
use fault_core::Microversion;
use serde_json::Value as Json;

pub fn str_of(value: &Json) -> String {
    value.as_str().expect("a string").to_owned()
}

/// The guideline's example errors, in the order the body lists them, with their links.
fn guideline(case: &Json, first: fn(String, String) -> GuidelineError) -> Vec<Error> {
    let body: Json = serde_json::from_str(case["body"].as_str().unwrap()).unwrap();
    let errors = body["errors"].as_array().unwrap();
    let make = |i: usize, value: GuidelineError| {
        let href = str_of(&errors[i]["links"][0]["href"]);
        Error::new(value).with_link("help", &href)
    };
    let (a, b) = (&errors[0], &errors[1]);
    vec![
        make(0, first(str_of(&a["detail"]), str_of(&a["request_id"]))),
        make(
            1,
            GuidelineError::NoValidHost {
                detail: str_of(&b["detail"]),
                request_id: str_of(&b["request_id"]),
            },
        ),
    ]
}

/// The microversion Placement stored for the request: one it accepts (1.0 to 1.39, `latest`
/// being 1.39), else none.
fn placement_version(case: &Json) -> Option<Microversion> {
    let header = request_header(case, "openstack-api-version")?;
    if header.trim().ends_with("latest") {
        return Some(Microversion::new(1, 39));
    }
    Microversion::parse_header(header, "placement")
        .filter(|v| (Microversion::new(1, 0)..=Microversion::new(1, 39)).contains(v))
}

/// Placement's request as its middleware reads it: `Accept` (application/json when absent,
/// as placement's RequestLog sets it), method, request id, microversion.
fn placement_setup(case: &Json) -> Setup {
    Setup {
        accept: Some(
            request_header(case, "accept")
                .unwrap_or("application/json")
                .to_owned(),
        ),
        request_id: expect_header(case, "x-openstack-request-id"),
        microversion: placement_version(case),
        method: method(case),
        instance: None,
    }
}

fn placement(case: &Json, value: PlacementError) -> Model {
    let mut setup = placement_setup(case);
    if let Some(id) = case["built_from"]["environ"]["openstack.request_id"].as_str() {
        setup.request_id = Some(id.to_owned());
    }
    Model::one(Error::new(value), setup)
}

fn not_acceptable(message: &str, max: &str) -> PlacementError {
    PlacementError::NotAcceptable {
        message: message.into(),
        max_version: max.into(),
        min_version: "1.0".into(),
    }
}

fn not_allowed(allow: &str) -> PlacementError {
    PlacementError::MethodNotAllowed {
        message: "The method specified is not allowed for this resource.".into(),
        allow: allow.into(),
    }
}

/// The typed errors and request of an API-WG case.
pub fn apiwg_model(case: &Json) -> Model {
    let id = case["id"].as_str().unwrap();
    let short = id.split_once(':').map_or(id, |(_, rest)| rest);
    let message = || -> String {
        let body: Json = serde_json::from_str(case["body"].as_str().unwrap()).unwrap();
        str_of(&body["message"])
    };
    let guideline_model = |errors| Model {
        errors,
        setup: Setup::default(),
    };
    match id {
        "apiwg:errors-schema" => apiwg_model(&apiwg_case("apiwg:errors-example")),
        "apiwg:errors-example" => guideline_model(guideline(case, |detail, request_id| {
            GuidelineError::CreateFailed { detail, request_id }
        })),
        "apiwg:errors-example@b0e3c5ce" => {
            guideline_model(guideline(case, |detail, request_id| {
                GuidelineError::CreateFailed2015 { detail, request_id }
            }))
        }
        "apiwg:microversion-errors-example" => {
            let body: Json = serde_json::from_str(case["body"].as_str().unwrap()).unwrap();
            let e = &body["errors"][0];
            let value = GuidelineError::MicroversionUnsupported {
                detail: str_of(&e["detail"]),
                request_id: str_of(&e["request_id"]),
                max_version: str_of(&e["max_version"]),
                min_version: str_of(&e["min_version"]),
            };
            let error = Error::new(value).with_link("help", &str_of(&e["links"][0]["href"]));
            let setup = Setup {
                microversion: Microversion::parse_header("compute 5.3", "compute"),
                ..Setup::default()
            };
            Model::one(error, setup)
        }
        "apiwg:links-example" => {
            let body: Json = serde_json::from_str(case["body"].as_str().unwrap()).unwrap();
            let mut model = apiwg_model(&apiwg_case("apiwg:errors-example"));
            model.errors.truncate(1);
            model.errors[0].links = vec![fault_core::Link::new(
                "help",
                str_of(&body["links"][0]["href"]),
            )];
            model
        }
        _ if id.starts_with("placement:") => placement(case, placement_value(short)),
        _ if id.starts_with("microversion-parse:") => {
            let value = match status(case).unwrap().as_u16() {
                400 => CatsError::BadRequest(message()),
                404 => CatsError::NotFound(message()),
                _ => CatsError::NotAcceptable(message()),
            };
            Model::one(
                Error::new(value),
                Setup {
                    accept: request_header(case, "accept").map(str::to_owned),
                    ..Setup::default()
                },
            )
        }
        other => panic!("no model for {other}"),
    }
}

pub fn apiwg_case(id: &str) -> Json {
    load("apiwg-cases.json")["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .cloned()
        .expect("a case")
}

pub fn rfc_case(id: &str) -> Json {
    load("rfc9457-cases.json")["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .cloned()
        .expect("a case")
}

/// The typed problem and request of an RFC case.
pub fn rfc_model(case: &Json) -> Model {
    let id = case["id"].as_str().unwrap();
    let built = &case["built_from"];
    let strings = |v: &Json| -> Vec<String> { v.as_array().unwrap().iter().map(str_of).collect() };
    let accept = request_header(case, "Accept").map(str::to_owned);
    let (value, setup) = match id {
        "rfc9457:section3:out-of-credit" | "rfc9457:appendixB:xml-out-of-credit" => (
            ProblemError::OutOfCredit {
                detail: str_of(&built["detail"]),
                balance: 30,
                accounts: strings(&built["extensions"]["accounts"]),
                instance: str_of(&built["instance"]),
            },
            Setup {
                accept: accept
                    .or(Some("application/problem+xml".into()).filter(|_| id.contains("xml"))),
                ..Setup::default()
            },
        ),
        "rfc9457:section3:validation-error" => (
            ProblemError::ValidationError {
                errors: built["extensions"]["errors"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| Pointer {
                        detail: str_of(&e["detail"]),
                        pointer: str_of(&e["pointer"]),
                    })
                    .collect(),
            },
            Setup {
                accept,
                ..Setup::default()
            },
        ),
        "rfc7807:section3:invalid-params" => (
            ProblemError::InvalidParams {
                invalid_params: built["extensions"]["invalid-params"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| Param {
                        name: str_of(&p["name"]),
                        reason: str_of(&p["reason"]),
                    })
                    .collect(),
            },
            Setup::default(),
        ),
        "rfc9457:section3.1.1:tag-type-uri" => (ProblemError::OutOfLuck, Setup::default()),
        "rfc9457:section3.1.1:relative-type" => (ProblemError::Example, Setup::default()),
        "rfc9457:section3.1.5:relative-instance" => (
            ProblemError::Example,
            Setup {
                instance: Some(str_of(&built["instance"])),
                ..Setup::default()
            },
        ),
        "rfc9457:section4.2.1:about-blank" => (ProblemError::NotFound, Setup::default()),
        "rfc9457:appendixA:json-schema" | "rfc9457:appendixC:html-script" => {
            return rfc_model(&rfc_case("rfc9457:section3:out-of-credit"));
        }
        "rfc9457:appendixB:relax-ng" => {
            let mut model = rfc_model(&rfc_case("rfc9457:appendixB:xml-out-of-credit"));
            model.setup.accept = Some(str_of(&built["media_type"]));
            return model;
        }
        other => panic!("no model for {other}"),
    };
    Model::one(Error::new(value), setup)
}

const BAD_VERSION_STRING: &str = "Invalid microversion: invalid version string: pony.horse; \
    invalid literal for int() with base 10: 'pony'";

const BAD_VERSION_MULTIDOT: &str = "Invalid microversion: invalid version string: 1.2.3; \
    invalid literal for int() with base 10: '2.3'";

const UNACCEPTABLE_0_5: &str = "Invalid microversion: Unacceptable version header: 0.5";

const UNACCEPTABLE_0_9: &str = "Invalid microversion: Unacceptable version header: 0.9";

/// The error each Placement case raises, by its id after `placement:`.
fn placement_value(short: &str) -> PlacementError {
    let gabbi = short.strip_prefix("gabbi:").unwrap_or("");
    let unit = short.strip_prefix("unit:test_util:").unwrap_or("");
    match (gabbi, unit) {
        ("microversion.yaml:unavailable microversion raises 406", _)
        | ("microversion.yaml:other accept header bad version", _) => {
            not_acceptable(UNACCEPTABLE_0_5, "1.39")
        }
        ("microversion.yaml:bad format string raises 400", _) => {
            PlacementError::BadRequest(BAD_VERSION_STRING.into())
        }
        ("microversion.yaml:bad format multidot raises 400", _) => {
            PlacementError::BadRequest(BAD_VERSION_MULTIDOT.into())
        }
        (g, _) if g.starts_with("microversion-bug-1724065.yaml:") => {
            not_acceptable(UNACCEPTABLE_0_9, "1.39")
        }
        ("microversion.yaml:error in application produces microversion headers", _)
        | ("basic-http.yaml:405 on bad method at root", _) => not_allowed("GET"),
        ("basic-http.yaml:405 on bad method on app", _) => not_allowed("GET, POST"),
        (_, "test_strip_body_tags") => PlacementError::BadRequest("Big Error!".into()),
        (_, "test_request_id_presence") => PlacementError::BadRequest(String::new()),
        (_, "test_microversion_406_handling") => not_acceptable("", "1.1"),
        // The 404s: the gabbi tests', the unit test's, and the latest-microversion example's.
        _ => PlacementError::NotFound(String::new()),
    }
}
