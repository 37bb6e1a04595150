//! Every case of `tests/data/apiwg-cases.json` (the API-WG errors guideline's examples and
//! JSON Schema, Placement's and microversion-parse's error responses) and of
//! `tests/data/rfc9457-cases.json` (every example of RFC 9457, and RFC 7807's
//! `invalid-params`) is rendered from a typed enum and read back.
//!
//! Rendering: each case's errors are values of an enum declared as the service (or the RFC's
//! fictional API) would declare it (`conformance_apiwg_problem/faults.rs`); links and further
//! errors are added in code (`Fault::with_link`, `Fault::with_error`); the response is written
//! for the request the case shows (its `Accept`, method, microversion, request id) and its body
//! compared as the case says (exact bytes, or equal JSON values, member order ignored), its
//! status and headers held to the case's (the content type exactly, request ids, `Allow`,
//! `Content-Language`, the microversion headers, which must also be absent where the case has
//! none), and `Fault::unsent` must report nothing. A case that is no response is held to
//! what it defines: a JSON Schema validates every body we render for the file's examples (the
//! guideline's links schema, which it references, stood in for from the case's notes); the
//! links example is our links; a type URI, instance or `about:blank` example is the member we
//! send; the RELAX NG schema asks for `application/problem+xml`.
//!
//! Reading back: each case's body, with its headers, goes through `Fault::parse`; status, title,
//! message, details, API-WG code, request id, links, further errors, type, instance, language
//! and members must be the typed values', and `FromFault` must give each value back. A case
//! without a body of its own reads back what we rendered for it.
//!
//! `KNOWN_FAILURES` (one per file) lists what fault-core cannot do yet: a listed case must
//! still fail, every other must pass, and each file's count of cases is asserted.

mod conformance_cases;
#[path = "conformance_apiwg_problem/faults.rs"]
mod faults;
#[path = "conformance_apiwg_problem/known.rs"]
mod known;
#[path = "conformance_apiwg_problem/models.rs"]
mod models;

use conformance_cases::{
    Adjust, Input, Model, Outcome, case_body, check_headers, check_parse, compare, header_map, run,
    status, tree,
};
use fault_core::{Format, Microversion};
use models::{apiwg_case, apiwg_model, rfc_case, rfc_model};
use serde_json::{Value as Json, json};

// ---- the checks ----

fn ours_json(model: &Model) -> Result<Json, String> {
    serde_json::from_slice(model.response().body())
        .map_err(|e| format!("our body is not JSON: {e}"))
}

fn all<I: IntoIterator<Item = Result<(), String>>>(results: I) -> Result<(), String> {
    let problems: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

fn same(what: &str, ours: &Json, theirs: &Json) -> Result<(), String> {
    (ours == theirs)
        .then_some(())
        .ok_or_else(|| format!("{what}: ours {ours}, the case's {theirs}"))
}

/// A response's rendering held to the case: status, body as `compare` says, headers, and
/// nothing of the typed values left unsent.
fn render_response(case: &Json, model: &Model) -> Result<(), String> {
    let response = model.response();
    let body = case["body"].as_str().unwrap_or("");
    let want = status(case).unwrap_or_else(|| model.fault().status());
    let unsent = model.fault().unsent(model.format());
    all([
        (response.status() == want)
            .then_some(())
            .ok_or_else(|| format!("status {}, not {want}", response.status())),
        compare(case["compare"].as_str().unwrap(), response.body(), body),
        check_headers(&case["expect_headers"], body, response.headers()),
        unsent
            .is_empty()
            .then_some(())
            .ok_or_else(|| format!("Fault::unsent reports {unsent:?}")),
    ])
}

/// The draft-04 links schema the guideline's schema references, stood in for from the case's
/// notes (`"required": ["href", "rel"]`, optional title, targetSchema, mediaType, method,
/// encType, schema): the test fetches nothing.
fn draft4_links() -> Json {
    json!({
        "type": "object",
        "required": ["href", "rel"],
        "properties": {
            "href": {"type": "string"},
            "rel": {"type": "string"},
            "title": {"type": "string"},
            "targetSchema": {},
            "mediaType": {"type": "string"},
            "method": {"type": "string"},
            "encType": {"type": "string"},
            "schema": {}
        }
    })
}

/// Every body we render for `examples` validates against `schema`.
fn validates(validator: &jsonschema::Validator, models: &[Model]) -> Result<(), String> {
    all(models.iter().map(|model| {
        let body = ours_json(model)?;
        validator
            .validate(&body)
            .map_err(|e| format!("{body} does not validate: {e}"))
    }))
}

fn apiwg(case: &Json) -> Outcome {
    let id = case["id"].as_str().unwrap();
    let model = apiwg_model(case);
    let render = match id {
        "apiwg:errors-schema" => {
            let schema: Json = serde_json::from_str(case["body"].as_str().unwrap()).unwrap();
            let registry = jsonschema::Registry::new()
                .draft(jsonschema::Draft::Draft4)
                .add("http://json-schema.org/draft-04/links", draft4_links())
                .and_then(jsonschema::RegistryBuilder::prepare)
                .expect("a registry");
            jsonschema::draft4::options()
                .with_registry(&registry)
                .build(&schema)
                .map_err(|e| format!("the schema does not compile: {e}"))
                .and_then(|validator| {
                    let examples = [
                        "apiwg:errors-example",
                        "apiwg:errors-example@b0e3c5ce",
                        "apiwg:microversion-errors-example",
                    ];
                    let models: Vec<Model> = examples.map(|id| apiwg_model(&apiwg_case(id))).into();
                    validates(&validator, &models)
                })
        }
        "apiwg:links-example" => {
            let theirs: Json = serde_json::from_str(case["body"].as_str().unwrap()).unwrap();
            ours_json(&model)
                .and_then(|ours| same("links", &ours["errors"][0]["links"], &theirs["links"]))
        }
        // Not an error: the header spelling of a response at the latest microversion.
        "placement:gabbi:microversion.yaml:latest-microversion" => {
            check_headers(&case["expect_headers"], "", model.response().headers())
        }
        _ => render_response(case, &model),
    };
    let input = case_body(case)
        .or_else(|| {
            // The guideline's chained example has no single status: the first error's.
            let body = case["body"].as_str()?;
            let json: Json = serde_json::from_str(body).ok()?;
            json.get("errors")?;
            Some(Input::Body {
                status: model.fault().status(),
                headers: header_map(&case["expect_headers"]),
                body: body.to_owned(),
            })
        })
        .filter(|_| !matches!(id, "apiwg:errors-schema" | "apiwg:links-example"))
        .unwrap_or(Input::Ours);
    // Placement sends its code only from 1.23 on.
    let adjust = Adjust {
        code: (model.format() == Format::Placement).then(|| {
            model
                .setup
                .microversion
                .filter(|v| *v >= Microversion::new(1, 23))
                .map(|_| "placement.undefined_code".to_owned())
        }),
    };
    Outcome {
        render,
        parse: check_parse(&model, input, &adjust),
    }
}

fn rfc(case: &Json) -> Outcome {
    let id = case["id"].as_str().unwrap();
    let model = rfc_model(case);
    let built = &case["built_from"];
    let member =
        |name: &str, want: &Json| ours_json(&model).and_then(|ours| same(name, &ours[name], want));
    let render = match id {
        "rfc9457:section3.1.1:tag-type-uri" | "rfc9457:section3.1.1:relative-type" => {
            member("type", &built["type"])
        }
        "rfc9457:section3.1.5:relative-instance" => member("instance", &built["instance"]),
        "rfc9457:section4.2.1:about-blank" => all([
            member("type", &built["Type URI"]),
            member("title", &json!(model.fault().status().canonical_reason())),
        ]),
        "rfc9457:appendixA:json-schema" => {
            // The file holds RFC 8792's `\` line continuations: unwrapped, as its notes say.
            let text = case["body"].as_str().unwrap().replace("\\\n", "");
            let schema: Json = serde_json::from_str(&text).expect("the unwrapped schema");
            let unwrapped: Json =
                serde_json::from_str(built["unwrapped_valid_json"].as_str().unwrap()).unwrap();
            let examples = [
                "rfc9457:section3:out-of-credit",
                "rfc9457:section3:validation-error",
                "rfc9457:section3.1.1:tag-type-uri",
                "rfc9457:section3.1.1:relative-type",
                "rfc9457:section3.1.5:relative-instance",
                "rfc9457:section4.2.1:about-blank",
                "rfc7807:section3:invalid-params",
            ];
            let models: Vec<Model> = examples.map(|id| rfc_model(&rfc_case(id))).into();
            same("the unwrapped schema", &schema, &unwrapped).and_then(|()| {
                let validator = jsonschema::draft202012::new(&schema)
                    .map_err(|e| format!("the schema does not compile: {e}"))?;
                validates(&validator, &models)
            })
        }
        "rfc9457:appendixB:relax-ng" => {
            let response = model.response();
            let content_type = response.headers().get("content-type");
            let root = tree(response.body()).map(|t| t.name);
            let want = (Some("urn:ietf:rfc:7807".to_owned()), "problem".to_owned());
            all([
                (content_type.is_some_and(|v| v == built["media_type"].as_str().unwrap()))
                    .then_some(())
                    .ok_or_else(|| format!("content-type {content_type:?}")),
                match root {
                    Ok(name) if name == want => Ok(()),
                    other => Err(format!("root element {other:?}, not {want:?}")),
                },
            ])
        }
        _ => render_response(case, &model),
    };
    let input = match id {
        // The HTML embedding has no status of its own: the problem's.
        "rfc9457:appendixC:html-script" => Input::Body {
            status: model.fault().status(),
            headers: Default::default(),
            body: case["body"].as_str().unwrap().to_owned(),
        },
        "rfc9457:appendixB:relax-ng" | "rfc9457:appendixA:json-schema" => Input::Ours,
        _ => case_body(case).unwrap_or(Input::Ours),
    };
    Outcome {
        render,
        parse: check_parse(&model, input, &Adjust::default()),
    }
}

#[test]
fn every_apiwg_case_renders_and_reads_back() {
    run("apiwg-cases.json", 23, known::APIWG_KNOWN_FAILURES, apiwg);
}

#[test]
fn every_rfc9457_case_renders_and_reads_back() {
    run("rfc9457-cases.json", 11, known::RFC9457_KNOWN_FAILURES, rfc);
}
