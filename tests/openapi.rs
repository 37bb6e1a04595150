//! The catalogue as OpenAPI 3.1 (`Catalogue::openapi`, `openapi_responses`,
//! `openapi_responses_inline`), for the seed systems and for a type in every wire format.
//!
//! How the fragment is validated, with real crates rather than by eye:
//! 1. it is put in a whole document (`openapi: 3.1.0`, one operation answering with
//!    `openapi_responses`, another with the inline map), which `oas3` must read as OpenAPI
//!    3.1, every `$ref` of it resolving;
//! 2. serialized back from `oas3`'s typed model, the document must be what went in, but for
//!    the Schema Objects' `xml` keyword, which `oas3` does not model (checked here against the
//!    3.1 XML Object): any key `oas3` does not know at that place would be lost, and fail it;
//! 3. every body schema must be a valid JSON Schema 2020-12 (`jsonschema`'s meta-schema
//!    check), and every JSON example must validate against its media type's schema;
//! 4. every example, with its media type as content type, must parse back with
//!    `Fault::parse` to its fault's status and title (where the body carries the title).

#![allow(dead_code)] // the types exist for their catalogues, not to be built

use fault_core::catalogue::EXAMPLE_REQUEST_ID;
use fault_core::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header::CONTENT_TYPE};
use fault_core::{ApiFault, Catalogue, Fault, Format};
use fault_suite::seeds::{ComputeFault, HeatError, LoadBalancerFault, PlacementError, VolumeFault};
use serde_json::{Value, json};

/// A type in `format`, with a fault for every field role the format carries (the derive
/// rejects the others at compile time) and one shared status.
macro_rules! in_format {
    ($name:ident, $format:literal, [$($over:tt)*], [$($bad:tt)*]) => {
        #[derive(Debug, ApiFault)]
        #[fault(format = $format, error_code = "svc.undefined_code")]
        enum $name {
            /// Nothing matches the Request-URI.
            #[fault(code = 404, title = "itemNotFound", message = "{0} not found")]
            ItemNotFound(String),
            /// Over the limit; retry later.
            #[fault(
                code = 413,
                title = "overLimit",
                error_code = "svc.over_limit",
                message = "over"
            )]
            OverLimit {
                #[fault(retry_after)]
                retry: u64,
                $($over)*
            },
            /// The request is malformed.
            #[fault(code = 400, title = "badRequest", message = "invalid")]
            BadRequest {
                $($bad)*
            },
            /// Also a 400, to share a status.
            #[fault(code = 400, title = "conflictingRequest")]
            Conflicting,
            /// The service failed.
            #[fault(code = 500, title = "computeFault", err_type = "Receiver")]
            Internal(#[fault(source)] std::io::Error),
        }
    };
}

// Each format with the role fields it carries (the derive rejects the others at compile time).
in_format!(AwsQuery, "aws_query", [#[fault(details)] details: String, #[fault(member, rename = "Resource")] resource: String,], []);
in_format!(Heat, "heat", [#[fault(details)] details: String,], []);
in_format!(Ec2Query, "ec2_query", [#[fault(member, rename = "Resource")] resource: String,], []);
in_format!(AwsJson10, "aws_json10", [#[fault(member, rename = "Resource")] resource: String,], []);
in_format!(AwsJson11, "aws_json11", [#[fault(member, rename = "Resource")] resource: String,], []);
in_format!(AwsRestJson, "aws_rest_json", [#[fault(member, rename = "Resource")] resource: String,], []);
in_format!(AwsRestXml, "aws_rest_xml", [#[fault(details)] details: String, #[fault(member, rename = "Resource")] resource: String,], []);
in_format!(AwsRestXmlUnwrapped, "aws_rest_xml_unwrapped", [#[fault(details)] details: String, #[fault(member, rename = "Resource")] resource: String,], []);
in_format!(S3, "s3", [#[fault(member, rename = "Resource")] resource: String,], []);
in_format!(OpenStack, "openstack", [#[fault(details)] details: String, #[fault(member, rename = "Resource")] resource: String,], [#[fault(created)] created: String,]);
in_format!(LoadBalancer, "load_balancer", [#[fault(details)] details: String, #[fault(member, rename = "Resource")] resource: String,], [#[fault(validation_errors)] errors: Vec<String>,]);
in_format!(Keystone, "keystone", [#[fault(member, rename = "Resource")] resource: String,], []);
in_format!(Neutron, "neutron", [#[fault(details)] details: String, #[fault(member, rename = "Resource")] resource: String,], []);
in_format!(ApiWg, "api_wg", [#[fault(member, rename = "Resource")] resource: String,], []);
in_format!(Placement, "placement", [#[fault(member, rename = "Resource")] resource: String,], []);
in_format!(Problem, "problem", [#[fault(details)] details: String, #[fault(member, rename = "Resource")] resource: String,], []);

fn every_catalogue() -> Vec<Catalogue> {
    vec![
        Catalogue::of::<AwsQuery>(),
        Catalogue::of::<Heat>(),
        Catalogue::of::<Ec2Query>(),
        Catalogue::of::<AwsJson10>(),
        Catalogue::of::<AwsJson11>(),
        Catalogue::of::<AwsRestJson>(),
        Catalogue::of::<AwsRestXml>(),
        Catalogue::of::<AwsRestXmlUnwrapped>(),
        Catalogue::of::<S3>(),
        Catalogue::of::<OpenStack>(),
        Catalogue::of::<LoadBalancer>(),
        Catalogue::of::<Keystone>(),
        Catalogue::of::<Neutron>(),
        Catalogue::of::<ApiWg>(),
        Catalogue::of::<Placement>(),
        Catalogue::of::<Problem>(),
        Catalogue::of::<HeatError>(),
        Catalogue::of::<ComputeFault>(),
        Catalogue::of::<VolumeFault>(),
        Catalogue::of::<LoadBalancerFault>(),
        Catalogue::of::<PlacementError>(),
    ]
}

/// A whole OpenAPI 3.1 document around a catalogue's fragment.
fn document(catalogue: &Catalogue) -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {"title": "faults", "version": "1.0.0"},
        "paths": {
            "/things/{id}": {
                "get": {"responses": catalogue.openapi_responses()},
                "delete": {"responses": catalogue.openapi_responses_inline()},
            }
        },
        "components": catalogue.openapi(),
    })
}

/// `value` without the `xml` keyword of its schemas, each of which must be a 3.1 XML Object.
fn without_xml(value: &Value) -> Value {
    match value {
        Value::Object(map) => map
            .iter()
            .filter(|(key, xml)| *key != "xml" || !check_xml_object(xml))
            .map(|(key, v)| (key.clone(), without_xml(v)))
            .collect(),
        Value::Array(items) => items.iter().map(without_xml).collect(),
        other => other.clone(),
    }
}

/// The XML Object of OpenAPI 3.1: `name`, `namespace` (an absolute URI), `prefix` strings,
/// `attribute`, `wrapped` booleans; nothing else. Returns true when it is one (or panics).
fn check_xml_object(xml: &Value) -> bool {
    let Value::Object(xml) = xml else {
        return false; // not an XML Object: a property named `xml`, kept and compared
    };
    for (key, value) in xml {
        match key.as_str() {
            "name" | "prefix" => assert!(value.is_string(), "xml.{key}: {value}"),
            "namespace" => {
                let ns = value.as_str().expect("a string namespace");
                // An absolute URI has a scheme (RFC 3986 §4.3): `https://…`, `urn:ietf:…`.
                let scheme = ns.split_once(':').map_or("", |(scheme, _)| scheme);
                let absolute = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                    && scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
                assert!(absolute, "xml.namespace is an absolute URI: {ns}");
            }
            "attribute" | "wrapped" => assert!(value.is_boolean(), "xml.{key}: {value}"),
            _ => panic!("xml.{key} is not a key of the XML Object"),
        }
    }
    true
}

#[test]
fn the_fragment_is_openapi_3_1_that_oas3_reads_whole() {
    for catalogue in every_catalogue() {
        let doc = document(&catalogue);
        let text = serde_json::to_string(&doc).expect("JSON");
        let spec = oas3::from_json(&text).unwrap_or_else(|e| panic!("oas3: {e}\n{text}"));
        let version = spec.validate_version().expect("a 3.1 version");
        assert_eq!((version.major, version.minor), (3, 1));

        let components = spec.components.as_ref().expect("components");
        assert_eq!(components.responses.len(), catalogue.len());
        for response in components.responses.values() {
            response.resolve(&spec).expect("a response");
        }
        for (name, schema) in &components.schemas {
            schema
                .resolve(&spec)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let paths = spec.paths.as_ref().expect("paths");
        for operation in paths.values().flat_map(|item| [&item.get, &item.delete]) {
            let responses = operation
                .as_ref()
                .and_then(|o| o.responses.as_ref())
                .expect("responses");
            for (status, response) in responses {
                let response = response
                    .resolve(&spec)
                    .unwrap_or_else(|e| panic!("{status}: {e}"));
                for media in response.content.values() {
                    media
                        .schema
                        .as_ref()
                        .expect("a schema")
                        .resolve(&spec)
                        .expect("resolves");
                }
            }
        }

        let back = serde_json::to_value(&spec).expect("JSON");
        assert_eq!(back, without_xml(&doc), "oas3 kept every key");
    }
}

#[test]
fn the_round_trip_catches_what_is_not_openapi() {
    // A key misplaced or misspelled is dropped by oas3's typed model, so the comparison above
    // would fail on it: the check is not vacuous.
    let mut doc = document(&Catalogue::of::<OpenStack>());
    doc["components"]["responses"]["OpenStack.ItemNotFound"]["contents"] = json!({});
    let spec = oas3::from_json(doc.to_string()).expect("still parses");
    assert_ne!(serde_json::to_value(&spec).unwrap(), without_xml(&doc));
}

/// Each media type of each response with its schema resolved against `components`.
fn media_types(doc: &Value) -> Vec<(String, Value, Value)> {
    let resolve = |schema: &Value| -> Value {
        let expanded = |s: &Value| match s["$ref"].as_str() {
            Some(path) => {
                let key = path.trim_start_matches("#/components/schemas/");
                doc["components"]["schemas"][key].clone()
            }
            None => s.clone(),
        };
        match schema["anyOf"].as_array() {
            Some(any) => json!({"anyOf": any.iter().map(expanded).collect::<Vec<_>>()}),
            None => expanded(schema),
        }
    };
    let mut out = Vec::new();
    let responses = doc["components"]["responses"].as_object().unwrap().values();
    let inline = doc["paths"]["/things/{id}"]["delete"]["responses"]
        .as_object()
        .unwrap()
        .values();
    for response in responses.chain(inline) {
        for (media_type, media) in response["content"].as_object().expect("content") {
            out.push((media_type.clone(), resolve(&media["schema"]), media.clone()));
        }
    }
    out
}

/// The example bodies of a media type object.
fn examples(media: &Value) -> Vec<Value> {
    match media["examples"].as_object() {
        Some(named) => named.values().map(|e| e["value"].clone()).collect(),
        None => vec![media["example"].clone()],
    }
}

#[test]
fn schemas_are_json_schema_2020_12_and_json_examples_validate() {
    for catalogue in every_catalogue() {
        let doc = document(&catalogue);
        for schema in doc["components"]["schemas"].as_object().unwrap().values() {
            jsonschema::draft202012::meta::validate(schema)
                .unwrap_or_else(|e| panic!("not a 2020-12 schema: {e}\n{schema}"));
        }
        for (media_type, schema, media) in media_types(&doc) {
            if !media_type.contains("json") {
                continue;
            }
            let validator = jsonschema::draft202012::new(&schema).expect("a schema");
            for example in examples(&media) {
                if let Err(e) = validator.validate(&example) {
                    panic!(
                        "{media_type} example does not match its schema: {e}\n{example}\n{schema}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_example_parses_back_to_its_fault() {
    let mut checked = 0;
    for catalogue in every_catalogue() {
        let doc = document(&catalogue);
        for response in doc["components"]["responses"].as_object().unwrap().values() {
            let facts = &response["x-fault"];
            let status = u16::try_from(facts["status"].as_u64().unwrap()).unwrap();
            let status = StatusCode::from_u16(status).unwrap();
            let format = Format::from_name(facts["format"].as_str().unwrap()).unwrap();
            for (media_type, media) in response["content"].as_object().unwrap() {
                let body = match &media["example"] {
                    Value::String(text) => text.clone(),
                    json => serde_json::to_string(json).unwrap(),
                };
                // What the client gets: the content type and the response's headers.
                let mut headers = HeaderMap::new();
                headers.insert(CONTENT_TYPE, HeaderValue::from_str(media_type).unwrap());
                for (name, header) in response["headers"].as_object().into_iter().flatten() {
                    let value = header["example"].as_str().unwrap();
                    headers.insert(
                        HeaderName::from_bytes(name.as_bytes()).unwrap(),
                        HeaderValue::from_str(value).unwrap(),
                    );
                }
                let fault = Fault::parse(status, &headers, body.as_bytes());
                assert_eq!(fault.status(), status, "{body}");
                // Placement's title is the reason phrase as WebOb spells it (413's is the old
                // `Request Entity Too Large`), and the load balancer's JSON body
                // carries no name at all: there the title comes from the status.
                let title = facts["title"].as_str().unwrap();
                let expected = match format {
                    Format::Placement if status.as_u16() == 413 => "Request Entity Too Large",
                    Format::Placement => status.canonical_reason().unwrap(),
                    Format::LoadBalancer if media_type.contains("json") => fault.title(),
                    _ => title,
                };
                assert_eq!(fault.title(), expected, "{media_type}: {body}");
                if !matches!(format, Format::Heat | Format::Keystone | Format::Neutron) {
                    let id = fault.request_id().map(ToString::to_string);
                    assert_eq!(
                        id.as_deref(),
                        Some(EXAMPLE_REQUEST_ID),
                        "{media_type}: {body}"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked} examples");
}

#[test]
fn responses_are_keyed_by_status_and_shared_statuses_merge() {
    let catalogue = Catalogue::of::<OpenStack>();
    let responses = catalogue.openapi_responses();
    let keys: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["400", "404", "413", "500"]);
    assert_eq!(
        responses["404"],
        json!({"$ref": "#/components/responses/OpenStack.ItemNotFound"})
    );
    // Two faults answer 400: one response, either schema, an example of each.
    let shared = &responses["400"];
    assert_eq!(
        shared["description"],
        "- `badRequest`: The request is malformed.\n- `conflictingRequest`: Also a 400, to share a status."
    );
    let json = &shared["content"]["application/json; charset=UTF-8"];
    assert_eq!(json["schema"]["anyOf"].as_array().unwrap().len(), 2);
    assert_eq!(json["examples"].as_object().unwrap().len(), 2);
    assert_eq!(
        json["examples"]["OpenStack.Conflicting"]["summary"],
        "conflictingRequest (OpenStack::Conflicting)"
    );
    // Inline: no `$ref` anywhere.
    let inline = catalogue.openapi_responses_inline().to_string();
    assert!(!inline.contains("$ref"));
}

mod v1 {
    /// The first API's errors.
    #[derive(Debug, fault_core::ApiFault)]
    pub enum Error {
        #[fault(code = 404, title = "NotFound")]
        NotFound,
    }
}

mod v2 {
    /// The second API's errors, of the same name.
    #[derive(Debug, fault_core::ApiFault)]
    pub enum Error {
        #[fault(code = 410, title = "Gone")]
        NotFound,
    }
}

/// Both APIs' errors: two wrapped types named `Error`, both with a `NotFound`.
#[derive(Debug, ApiFault)]
enum Both {
    #[fault(transparent)]
    V1(v1::Error),
    #[fault(transparent)]
    V2(v2::Error),
}

#[test]
fn wrapped_types_of_one_name_get_distinct_keys() {
    let catalogue = Catalogue::of::<Both>();
    let components = catalogue.openapi();
    let keys: Vec<&String> = components["responses"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(keys, ["Error.NotFound", "Error.NotFound.2"]);
    assert_eq!(
        components["responses"]["Error.NotFound.2"]["x-fault"]["title"],
        "Gone"
    );
    assert_eq!(
        catalogue.openapi_responses()["410"]["$ref"],
        "#/components/responses/Error.NotFound.2"
    );
    // The stability check tells them apart by order.
    let snapshot = catalogue.snapshot();
    assert_eq!(catalogue.compare(&snapshot), Ok(Vec::new()));
}

#[test]
fn responses_carry_facts_headers_and_role_members() {
    let components = Catalogue::of::<OpenStack>().openapi();
    let over = &components["responses"]["OpenStack.OverLimit"];
    assert_eq!(
        over["x-fault"],
        json!({"status": 413, "title": "overLimit", "err_type": "Sender", "code": "svc.over_limit",
               "format": "openstack", "variant": "OpenStack::OverLimit"})
    );
    assert_eq!(over["headers"]["retry-after"]["example"], "30");
    assert_eq!(
        over["headers"]["x-openstack-request-id"]["example"],
        EXAMPLE_REQUEST_ID
    );
    let body = &over["content"]["application/json; charset=UTF-8"]["example"]["overLimit"];
    assert_eq!(
        (body["retryAfter"].as_str(), body["details"].as_str()),
        (Some("30"), Some("Details of the fault."))
    );
    let schema = &components["schemas"]["OpenStack.OverLimit.json"]["properties"]["overLimit"];
    assert_eq!(schema["required"], json!(["code", "message"]));
    assert_eq!(schema["properties"]["code"]["enum"], json!([413]));

    // A 5xx example sends its fixed text, never a Display.
    let internal = &components["responses"]["OpenStack.Internal"]["content"];
    let message =
        &internal["application/json; charset=UTF-8"]["example"]["computeFault"]["message"];
    assert_eq!(message, "Internal Server Error");

    // The load balancer's XML lists validation errors; S3 writes extras as elements.
    let lb = Catalogue::of::<LoadBalancer>().openapi();
    let xml = &lb["schemas"]["LoadBalancer.BadRequest.xml"];
    assert_eq!(xml["xml"]["name"], "badRequest");
    assert_eq!(
        xml["properties"]["validationErrors"]["xml"],
        json!({"wrapped": true})
    );
    let s3 = Catalogue::of::<S3>().openapi();
    assert!(s3["schemas"]["S3.OverLimit.xml"]["properties"]["Resource"].is_object());
}
