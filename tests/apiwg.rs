//! The API-WG errors guideline in full: each error's `links` (the guideline's schema requires
//! them, with a `help` link), several errors in one response (the body is a list, most recent
//! first), and Placement's microversion errors with `max_version` and `min_version`; each read
//! back whole.

use fault_core::http::StatusCode;
use fault_core::{ApiFault, Context, Fault, Format, FromFault, Link, Microversion};
use serde_json::Value;

#[derive(Debug, ApiFault, FromFault)]
#[fault(format = "api_wg")]
enum StackError {
    /// The guideline's own example.
    #[fault(
        code = 418,
        title = "The Stack could not be created",
        error_code = "orchestration.create-failed",
        help_link = "https://docs.openstack.org/heat/latest/errors.html#create-failed",
        message = "The Stack could not be created because of error(s) in other parts of the system."
    )]
    CreateFailed,
    #[fault(
        code = 418,
        title = "The Server could not be created",
        error_code = "compute.scheduler.no-valid-host-found",
        help_link = "https://docs.openstack.org/nova/latest/errors.html#no-valid-host",
        message = "No valid host was found. There are not enough hosts available."
    )]
    NoValidHost,
}

/// The guideline's schema (tests/data/apiwg-cases.json), its draft-04 link reference written
/// in place (there is no network to fetch it from): a link has a `rel` and an `href`.
fn guideline_schema() -> Value {
    let data: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/apiwg-cases.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let (_, text) = data["schemas"].as_object().unwrap().iter().next().unwrap();
    let mut schema: Value = serde_json::from_str(text.as_str().unwrap()).unwrap();
    schema["properties"]["errors"]["items"]["properties"]["links"]["items"] = serde_json::json!({
        "type": "object",
        "required": ["rel", "href"],
        "properties": {"rel": {"type": "string"}, "href": {"type": "string"}},
    });
    schema
}

fn both() -> Fault<'static> {
    let stack = StackError::CreateFailed
        .fault()
        .into_owned()
        .with_request_id("1dc92f06");
    let server = StackError::NoValidHost
        .fault()
        .into_owned()
        .with_request_id("d413ac65");
    stack.with_error(server)
}

#[test]
fn several_errors_with_links_follow_the_guideline_and_its_schema() {
    let response = both().render(Format::ApiWg, &Context::new());
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    let errors = body["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0]["request_id"], "1dc92f06");
    assert_eq!(errors[0]["code"], "orchestration.create-failed");
    assert_eq!(errors[0]["status"], 418);
    assert_eq!(errors[0]["links"][0]["rel"], "help");
    assert_eq!(errors[1]["code"], "compute.scheduler.no-valid-host-found");
    assert_eq!(errors[1]["request_id"], "d413ac65");
    // The response's own header is the first error's id.
    assert_eq!(response.headers()["x-openstack-request-id"], "1dc92f06");
    let schema = guideline_schema();
    let validator = jsonschema::validator_for(&schema).expect("the guideline's schema");
    let problems: Vec<String> = validator
        .iter_errors(&body)
        .map(|e| e.to_string())
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    // One error without a link or code is not what the schema asks for.
    let bare = Fault::new(StatusCode::CONFLICT, "Conflict").render(Format::ApiWg, &Context::new());
    let bare: Value = serde_json::from_slice(bare.body()).unwrap();
    assert!(!validator.is_valid(&bare));
}

#[test]
fn every_error_and_its_links_read_back() {
    let response = both().render(Format::ApiWg, &Context::new());
    let fault = Fault::from_response(&response);
    assert_eq!(fault.title(), "The Stack could not be created");
    assert_eq!(fault.code(), Some("orchestration.create-failed"));
    assert_eq!(
        fault.links(),
        [Link::new(
            "help",
            "https://docs.openstack.org/heat/latest/errors.html#create-failed"
        )]
    );
    let [second] = fault.errors() else {
        panic!("one further error");
    };
    assert_eq!(second.status().as_u16(), 418);
    assert_eq!(second.code(), Some("compute.scheduler.no-valid-host-found"));
    assert_eq!(second.request_id().unwrap(), "d413ac65");
    assert_eq!(second.links().len(), 1);
    assert!(matches!(
        StackError::from_fault(&fault),
        Some(StackError::CreateFailed)
    ));
    assert!(matches!(
        StackError::from_fault(second),
        Some(StackError::NoValidHost)
    ));
}

#[derive(Debug, ApiFault, FromFault)]
#[fault(format = "placement")]
enum PlacementError {
    /// Placement's 406 for a microversion out of its range, as microversion-parse sends it.
    #[fault(
        code = 406,
        title = "Not Acceptable",
        message = "Unacceptable version header: {requested}"
    )]
    VersionUnavailable {
        requested: String,
        #[fault(member)]
        max_version: String,
        #[fault(member)]
        min_version: String,
    },
}

#[test]
fn microversion_errors_carry_max_and_min_version_as_placement_sends_them() {
    let err = PlacementError::VersionUnavailable {
        requested: "0.5".into(),
        max_version: "1.39".into(),
        min_version: "1.0".into(),
    };
    let response = err.response(
        &Context::new()
            .with_request_id("req-aaaa")
            .with_accept("application/json"),
    );
    let body = std::str::from_utf8(response.body()).unwrap();
    // Placement's order: status, title, detail, request_id, then the versions (no code: the
    // version was never accepted, so it is not 1.23).
    assert_eq!(
        body,
        r#"{"errors": [{"status": 406, "title": "Not Acceptable", "detail": "The resource could not be generated that was acceptable to your browser (content of type application/json. \n\n Unacceptable version header: 0.5", "request_id": "req-aaaa", "max_version": "1.39", "min_version": "1.0"}]}"#
    );
    let fault = Fault::from_response(&response);
    let Some(PlacementError::VersionUnavailable {
        max_version,
        min_version,
        ..
    }) = PlacementError::from_fault(&fault)
    else {
        panic!("expected VersionUnavailable");
    };
    assert_eq!(
        (max_version.as_str(), min_version.as_str()),
        ("1.39", "1.0")
    );
    // From 1.23 the code is sent too, Placement's default when the variant has none.
    let response = err.response(&Context::new().with_microversion(Microversion::new(1, 23)));
    assert!(
        std::str::from_utf8(response.body())
            .unwrap()
            .contains(r#""code": "placement.undefined_code""#)
    );
}
