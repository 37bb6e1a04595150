//! The catalogue as OpenAPI 3.1: each fault's response (status, headers, body schema per
//! encoding) with an example the real renderer wrote, as a `components` fragment and as the
//! status-keyed `responses` of an operation.

use super::{Catalogue, CatalogueFault, CatalogueMember, FieldRole, schema};
use crate::{Context, Encoding, Fault, Member, Microversion, RetryAfter};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The request id the examples are rendered with.
pub const EXAMPLE_REQUEST_ID: &str = "req-2f3e4e8e-0bb5-4d2a-9a3c-1e6c5b7d8f90";

/// The microversion the examples are rendered at: the first whose Placement errors carry a
/// `code`.
const EXAMPLE_MICROVERSION: Microversion = Microversion::new(1, 23);

impl Catalogue {
    /// The `components` fragment of an OpenAPI 3.1 document: under `responses`, one response
    /// per fault, keyed `Type.Variant` (`Type` for a struct); under `schemas`, the body schema
    /// of each fault in each encoding its format has, keyed `Type.Variant.json` or `.xml`.
    ///
    /// A response's `content` has one media type per encoding, named by the content type the
    /// renderer sends, with its schema and an `example` that [`Fault::render`] wrote (request
    /// id [`EXAMPLE_REQUEST_ID`], microversion 1.23, each role field given a sample value);
    /// its `headers` are those the example was sent with; its `x-fault` extension holds the
    /// status, title, err_type, API-WG code, format and variant. Merge it into your document's
    /// `components`, and reference its responses from your operations, or use
    /// [`openapi_responses`](Catalogue::openapi_responses).
    ///
    /// ```
    /// use fault_core::{ApiFault, Catalogue};
    ///
    /// #[derive(Debug, ApiFault)]
    /// #[fault(format = "openstack", rename_all = "camelCase")]
    /// enum VolumeFault {
    ///     /// The back-end services did not find anything matching the Request-URI.
    ///     #[fault(code = 404, message = "The resource could not be found.")]
    ///     ItemNotFound,
    /// }
    ///
    /// let components = Catalogue::of::<VolumeFault>().openapi();
    /// let response = &components["responses"]["VolumeFault.ItemNotFound"];
    /// assert_eq!(response["x-fault"]["status"], 404);
    /// let json = &response["content"]["application/json; charset=UTF-8"];
    /// assert_eq!(json["schema"]["$ref"], "#/components/schemas/VolumeFault.ItemNotFound.json");
    /// assert_eq!(json["example"]["itemNotFound"]["message"], "The resource could not be found.");
    /// let xml = &response["content"]["application/xml; charset=UTF-8"];
    /// assert!(xml["example"].as_str().unwrap().starts_with("<itemNotFound code=\"404\">"));
    /// assert_eq!(
    ///     components["schemas"]["VolumeFault.ItemNotFound.json"]["required"][0],
    ///     "itemNotFound"
    /// );
    /// ```
    #[must_use]
    pub fn openapi(&self) -> Value {
        let mut responses = Map::new();
        let mut schemas = Map::new();
        for (fault, key) in self.iter().zip(self.component_keys()) {
            let bodies = bodies(fault, &key);
            for body in &bodies {
                schemas.insert(body.schema_key.clone(), body.schema.clone());
            }
            let response = response(&[(fault, key.as_str(), bodies)], Refs::Yes);
            responses.insert(key, response);
        }
        json!({"responses": responses, "schemas": schemas})
    }

    /// The `responses` of an operation that may fail with any of the faults, keyed by status,
    /// pointing into the [`openapi`](Catalogue::openapi) fragment: a `$ref` to the fault's
    /// response where one fault has the status, else one response whose schema is `anyOf`
    /// theirs, with a named example of each.
    #[must_use]
    pub fn openapi_responses(&self) -> Value {
        self.by_status(Refs::Yes)
    }

    /// [`openapi_responses`](Catalogue::openapi_responses), self-contained: the schemas are
    /// written in place, so the map drops into a document that lacks the fragment (what the
    /// `utoipa` feature's `IntoResponses` returns).
    #[must_use]
    pub fn openapi_responses_inline(&self) -> Value {
        self.by_status(Refs::No)
    }

    fn by_status(&self, refs: Refs) -> Value {
        let mut groups: BTreeMap<u16, Vec<(&CatalogueFault, String)>> = BTreeMap::new();
        for (fault, key) in self.iter().zip(self.component_keys()) {
            groups
                .entry(fault.status().as_u16())
                .or_default()
                .push((fault, key));
        }
        let mut out = Map::new();
        for (status, faults) in groups {
            let value = match (&faults[..], refs) {
                ([(_, key)], Refs::Yes) => {
                    json!({"$ref": format!("#/components/responses/{key}")})
                }
                _ => {
                    let rendered: Vec<_> = faults
                        .iter()
                        .map(|(f, key)| (*f, key.as_str(), bodies(f, key)))
                        .collect();
                    response(&rendered, refs)
                }
            };
            out.insert(status.to_string(), value);
        }
        Value::Object(out)
    }
}

impl Catalogue {
    /// Each fault's key in `components`: `Type.Variant` in the characters OpenAPI allows,
    /// with `.2`, `.3`… after a key already taken (two wrapped types of one name).
    fn component_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = Vec::with_capacity(self.len());
        for fault in self {
            let base = component_key(fault);
            let mut key = base.clone();
            let mut n = 1;
            while keys.contains(&key) {
                n += 1;
                key = format!("{base}.{n}");
            }
            keys.push(key);
        }
        keys
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Refs {
    Yes,
    No,
}

/// A fault's body in one encoding: its schema, and what the renderer sent.
struct Body {
    media_type: String,
    schema_key: String,
    schema: Value,
    example: Value,
    headers: Vec<(String, String)>,
}

/// The key of a fault in `components`: `Type.Variant`, in the characters OpenAPI allows.
fn component_key(fault: &CatalogueFault) -> String {
    let entry = fault.entry();
    let key = match entry.variant() {
        Some(variant) => format!("{}.{variant}", entry.type_name()),
        None => entry.type_name().to_owned(),
    };
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The fault a catalogue entry stands for, with its fixed text as the message and a sample
/// value in each member a role field fills.
fn example_fault(fault: &CatalogueFault) -> Fault<'static> {
    let mut example = Fault::of_spec(fault.spec()).with_format(fault.format());
    for field in fault.entry().fields() {
        for role in field.roles() {
            example = match *role {
                FieldRole::Details => example.with_details("Details of the fault."),
                FieldRole::RetryAfter => example.with_retry_after(RetryAfter::Seconds(30)),
                FieldRole::ValidationErrors => {
                    example.with_validation_error("A message for each invalid field.")
                }
                FieldRole::Created => example.with_created("2011-11-29T00:33:48Z"),
                FieldRole::Instance => example.with_instance("/example/instance"),
                FieldRole::Member(_) => match field.member() {
                    Some(member) => example.with_member(sample_member(field.type_name(), member)),
                    None => example,
                },
                _ => example,
            };
        }
    }
    example
}

/// A member with a sample value of its type.
fn sample_member(ty: &str, names: &CatalogueMember) -> Member<'static> {
    let last = ty
        .rsplit("::")
        .next()
        .unwrap_or(ty)
        .trim_start_matches("Option<");
    let value = if last.starts_with("Vec<") {
        crate::Value::list(["example"])
    } else {
        match last.trim_end_matches('>') {
            "bool" => crate::Value::Bool(true),
            "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
                crate::Value::Integer(1)
            }
            "f32" | "f64" => crate::Value::Float(1.5),
            _ => crate::Value::from("example"),
        }
    };
    let mut member = Member::new(names.name(), value);
    if names.json_name() != names.name() {
        member = member.with_json_name(names.json_name());
    }
    if names.xml_name() != names.name() {
        member = member.with_xml_name(names.xml_name());
    }
    if let Some(item) = names.xml_item_name() {
        member = member.with_xml_item_name(item);
    }
    if let Some(header) = names.header() {
        member = member.in_header(header);
    }
    if names.is_xml_attribute() {
        member = member.as_xml_attribute();
    }
    if names.is_flattened() {
        member = member.flattened();
    }
    member
}

/// The fault rendered in each encoding of its format.
fn bodies(fault: &CatalogueFault, key: &str) -> Vec<Body> {
    let example = example_fault(fault);
    fault
        .encodings()
        .iter()
        .map(|&encoding| {
            let accept = match encoding {
                Encoding::Json => "application/json",
                Encoding::Xml => "application/xml",
            };
            let cx = Context::new()
                .with_request_id(EXAMPLE_REQUEST_ID)
                .with_microversion(EXAMPLE_MICROVERSION)
                .with_accept(accept);
            let response = example.render(fault.format(), &cx);
            let text = String::from_utf8_lossy(response.body()).into_owned();
            let example = match encoding {
                Encoding::Json => serde_json::from_str(&text).unwrap_or(Value::String(text)),
                Encoding::Xml => Value::String(text),
            };
            let headers = response.headers();
            Body {
                media_type: headers
                    .get(http::header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or(accept)
                    .to_owned(),
                schema_key: format!(
                    "{key}.{}",
                    if encoding == Encoding::Json {
                        "json"
                    } else {
                        "xml"
                    }
                ),
                schema: schema::body(fault, encoding),
                example,
                headers: headers
                    .iter()
                    .filter(|(name, _)| **name != http::header::CONTENT_TYPE)
                    .map(|(name, value)| {
                        (
                            name.as_str().to_owned(),
                            value.to_str().unwrap_or_default().to_owned(),
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

/// One response for `faults` (all of one status): their content per media type, their
/// headers, and, for a single fault, its `x-fault` facts.
fn response(faults: &[(&CatalogueFault, &str, Vec<Body>)], refs: Refs) -> Value {
    let mut content: Map<String, Value> = Map::new();
    let mut headers: Map<String, Value> = Map::new();
    for (fault, key, bodies) in faults {
        for body in bodies {
            let schema = match refs {
                Refs::Yes => json!({"$ref": format!("#/components/schemas/{}", body.schema_key)}),
                Refs::No => body.schema.clone(),
            };
            let media = content
                .entry(body.media_type.clone())
                .or_insert_with(|| json!({"schema": {"anyOf": []}, "examples": {}}));
            if let Some(any_of) = media["schema"]["anyOf"].as_array_mut() {
                any_of.push(schema);
            }
            media["examples"][*key] = json!({
                "summary": format!("{} ({})", fault.title(), fault.entry().path()),
                "value": body.example,
            });
            for (name, value) in &body.headers {
                headers
                    .entry(name.clone())
                    .or_insert_with(|| header_object(name, value));
            }
        }
    }
    // One schema and one example need no `anyOf` or names.
    for media in content.values_mut() {
        if let Some([only]) = media["schema"]["anyOf"].as_array().map(Vec::as_slice) {
            media["schema"] = only.clone();
        }
        if let Some(examples) = media["examples"].as_object()
            && examples.len() == 1
            && let Some(example) = examples.values().next()
        {
            let example = example["value"].clone();
            if let Some(media) = media.as_object_mut() {
                media.remove("examples");
                media.insert("example".into(), example);
            }
        }
    }
    let mut out = json!({"description": description(faults)});
    if !headers.is_empty() {
        out["headers"] = Value::Object(headers);
    }
    out["content"] = Value::Object(content);
    if let [(fault, _, _)] = faults {
        out["x-fault"] = facts(fault);
    }
    out
}

/// The response's description: the fault's, or a Markdown list of the faults sharing it.
fn description(faults: &[(&CatalogueFault, &str, Vec<Body>)]) -> String {
    match faults {
        [(fault, _, _)] => fault.description().into_owned(),
        _ => faults
            .iter()
            .map(|(fault, _, _)| format!("- `{}`: {}", fault.title(), fault.description()))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn header_object(name: &str, example: &str) -> Value {
    let description = match name {
        "retry-after" => Some("When the client may retry: seconds, or an HTTP date."),
        "x-openstack-request-id"
        | "x-compute-request-id"
        | "x-amzn-requestid"
        | "x-amz-request-id"
        | "x-request-id" => Some("The request's id."),
        "openstack-api-version" => Some("The microversion of the response."),
        "x-amzn-errortype" => Some("The error's name."),
        "www-authenticate" => Some("How to authenticate."),
        _ => None,
    };
    let mut header = json!({"schema": {"type": "string"}, "example": example});
    if let Some(description) = description {
        header["description"] = Value::from(description);
    }
    header
}

/// The `x-fault` extension: the facts a generator or a test reads back.
fn facts(fault: &CatalogueFault) -> Value {
    json!({
        "status": fault.status().as_u16(),
        "title": fault.title(),
        "err_type": fault.err_type().as_str(),
        "code": fault.error_code(),
        "format": fault.format().name(),
        "variant": fault.entry().path(),
    })
}
