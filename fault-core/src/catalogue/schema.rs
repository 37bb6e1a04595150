//! The JSON Schema (OpenAPI 3.1's dialect, with its `xml` keyword) of the body each wire
//! format writes for a fault, mirroring the renderers in `wire/`: what they always write is
//! `required`, what the variant's field roles add is listed, fixed values are one-value
//! `enum`s (not `const`, which utoipa's model does not keep).

use super::{CatalogueFault, FieldRole};
use crate::{Encoding, Format};
use serde_json::{Map, Value, json};

/// The load balancer's namespace, written when the fault names none (as `wire/openstack.rs`).
const LOAD_BALANCER_NS: &str = "http://docs.openstack.org/loadbalancers/api/v1.0";

/// The schema of the body `fault` is sent with in `encoding`.
pub(crate) fn body(fault: &CatalogueFault, encoding: Encoding) -> Value {
    let f = Facts::of(fault);
    match (fault.format(), encoding) {
        (Format::OpenStack, Encoding::Xml) => openstack_xml(&f, f.namespace, false),
        (Format::LoadBalancer, Encoding::Xml) => {
            openstack_xml(&f, f.namespace.or(Some(LOAD_BALANCER_NS)), true)
        }
        (Format::OpenStack, _) => openstack_json(&f),
        (Format::LoadBalancer, _) => load_balancer_json(&f),
        (Format::Keystone, _) => keystone(&f),
        (Format::Neutron, _) => neutron(&f),
        (Format::ApiWg, _) => api_wg(&f, false),
        (Format::Placement, _) => api_wg(&f, true),
        (Format::Problem, _) => problem(&f),
        (Format::AwsJson10 | Format::AwsJson11, _) => aws_json(&f, fault.format()),
        (Format::AwsRestJson, _) => object(aws_members(&f), &[]),
        (Format::AwsQuery | Format::AwsRestXml, _) => query(&f, true),
        (Format::Heat, _) => query(&f, false),
        (Format::Ec2Query, _) => ec2(&f),
        (Format::S3, _) => s3(&f),
    }
}

/// What the schemas read of a fault.
struct Facts<'f> {
    fault: &'f CatalogueFault,
    title: &'static str,
    status: u16,
    namespace: Option<&'static str>,
}

impl<'f> Facts<'f> {
    fn of(fault: &'f CatalogueFault) -> Self {
        Facts {
            fault,
            title: fault.title(),
            status: fault.status().as_u16(),
            namespace: fault.spec().namespace(),
        }
    }

    fn has(&self, role: FieldRole) -> bool {
        self.fault.has_field(role)
    }

    /// The names of the variant's `extra` members.
    fn extras(&self) -> impl Iterator<Item = &'static str> {
        self.fault
            .entry()
            .fields()
            .iter()
            .flat_map(|f| f.roles())
            .filter_map(|role| match role {
                FieldRole::Extra(name) => Some(*name),
                _ => None,
            })
    }
}

fn string() -> Value {
    json!({"type": "string"})
}

fn fixed_string(value: &str) -> Value {
    json!({"type": "string", "enum": [value]})
}

fn fixed_integer(value: u16) -> Value {
    json!({"type": "integer", "enum": [value]})
}

fn described(mut schema: Value, description: &str) -> Value {
    schema["description"] = Value::from(description);
    schema
}

/// `{"type": "object", "properties": …, "required": …}`.
fn object(properties: Map<String, Value>, required: &[&str]) -> Value {
    let mut schema = json!({"type": "object", "properties": properties});
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema
}

fn props<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// An XML namespace, for the `xml` object: only an absolute URI is one there.
fn xml_namespace(namespace: Option<&str>) -> Option<&str> {
    namespace.filter(|ns| ns.contains(':'))
}

/// `{"name": {"code", "message", "details"?, "retryAfter"?, "created"?}}`.
fn openstack_json(f: &Facts<'_>) -> Value {
    let mut inner = props([("code", fixed_integer(f.status)), ("message", string())]);
    if f.has(FieldRole::Details) {
        inner.insert("details".into(), string());
    }
    if f.has(FieldRole::RetryAfter) && matches!(f.status, 413 | 429) {
        let seconds = described(string(), "Seconds until the client may retry.");
        inner.insert("retryAfter".into(), seconds);
    }
    if f.has(FieldRole::Created) {
        inner.insert("created".into(), string());
    }
    object(
        props([(f.title, object(inner, &["code", "message"]))]),
        &[f.title],
    )
}

/// `<name code="404" [retryAfter] [created] xmlns="…"><message/>[<details/>]
/// [<validationErrors><message/>…</validationErrors>]</name>`.
fn openstack_xml(f: &Facts<'_>, namespace: Option<&str>, load_balancer: bool) -> Value {
    let attribute = |schema: Value| {
        let mut schema = schema;
        schema["xml"] = json!({"attribute": true});
        schema
    };
    let mut properties = props([
        ("code", attribute(fixed_integer(f.status))),
        ("message", string()),
    ]);
    if f.has(FieldRole::RetryAfter) && matches!(f.status, 413 | 429) {
        properties.insert("retryAfter".into(), attribute(json!({"type": "integer"})));
    }
    if f.has(FieldRole::Created) {
        properties.insert("created".into(), attribute(string()));
    }
    if f.has(FieldRole::Details) {
        properties.insert("details".into(), string());
    }
    if load_balancer && f.has(FieldRole::ValidationErrors) {
        let errors = json!({
            "type": "array",
            "xml": {"wrapped": true},
            "items": {"type": "string", "xml": {"name": "message"}},
        });
        properties.insert("validationErrors".into(), errors);
    }
    let mut schema = object(properties, &["code", "message"]);
    schema["xml"] = json!({"name": f.title});
    if let Some(ns) = xml_namespace(namespace) {
        schema["xml"]["namespace"] = Value::from(ns);
    }
    schema
}

/// `{"validationErrors"?: {"messages": […]}, "message", "code", "details"?}`.
fn load_balancer_json(f: &Facts<'_>) -> Value {
    let mut properties = props([("message", string()), ("code", fixed_integer(f.status))]);
    if f.has(FieldRole::ValidationErrors) {
        let messages = json!({"type": "array", "items": {"type": "string"}});
        let errors = object(props([("messages", messages)]), &["messages"]);
        properties.insert("validationErrors".into(), errors);
    }
    if f.has(FieldRole::Details) {
        properties.insert("details".into(), string());
    }
    object(properties, &["message", "code"])
}

/// `{"error": {"code", "message", "title"}}`.
fn keystone(f: &Facts<'_>) -> Value {
    let inner = object(
        props([
            ("code", fixed_integer(f.status)),
            ("message", string()),
            ("title", fixed_string(f.title)),
        ]),
        &["code", "message", "title"],
    );
    object(props([("error", inner)]), &["error"])
}

/// `{"NeutronError": {"type", "message", "detail"}}`.
fn neutron(f: &Facts<'_>) -> Value {
    let inner = object(
        props([
            ("type", fixed_string(f.title)),
            ("message", string()),
            ("detail", string()),
        ]),
        &["type", "message", "detail"],
    );
    object(props([("NeutronError", inner)]), &["NeutronError"])
}

/// `{"errors": [{"request_id"?, "code"?, "status", "title", "detail"}]}`; Placement's title is
/// the reason phrase and its code is sent from microversion 1.23, its default when unset.
fn api_wg(f: &Facts<'_>, placement: bool) -> Value {
    let title = if placement {
        f.fault.status().canonical_reason().unwrap_or(f.title)
    } else {
        f.title
    };
    let mut properties = props([
        ("status", fixed_integer(f.status)),
        ("title", fixed_string(title)),
        ("detail", string()),
        ("request_id", string()),
    ]);
    let code = match (f.fault.error_code(), placement) {
        (Some(code), false) => Some(fixed_string(code)),
        (code, true) => {
            let code = fixed_string(code.unwrap_or("placement.undefined_code"));
            Some(described(code, "Sent from microversion 1.23 on."))
        }
        (None, false) => None,
    };
    if let Some(code) = code {
        properties.insert("code".into(), code);
    }
    let error = object(properties, &["status", "title", "detail"]);
    let errors = json!({"type": "array", "minItems": 1, "items": error});
    object(props([("errors", errors)]), &["errors"])
}

/// RFC 9457: `type`, `title`, `status`, `detail`, `instance`, and the extensions this crate
/// writes.
fn problem(f: &Facts<'_>) -> Value {
    let kind = match f.namespace {
        Some(ns) => format!("{ns}{}", f.title),
        None => "about:blank".to_owned(),
    };
    let mut properties = props([
        ("type", fixed_string(&kind)),
        ("title", fixed_string(f.title)),
        ("status", fixed_integer(f.status)),
        ("detail", string()),
        ("instance", string()),
        ("request_id", string()),
    ]);
    if let Some(code) = f.fault.error_code() {
        properties.insert("code".into(), fixed_string(code));
    }
    if f.has(FieldRole::Details) {
        properties.insert("details".into(), string());
    }
    for name in f.extras() {
        properties.insert(name.into(), string());
    }
    object(properties, &["type", "title", "status", "detail"])
}

/// The members of an AWS JSON error: `message` and each extra.
fn aws_members(f: &Facts<'_>) -> Map<String, Value> {
    let mut properties = props([("message", string())]);
    for name in f.extras() {
        properties.insert(name.into(), string());
    }
    properties
}

/// `{"__type": "ns#Name" (1.0, with a Smithy shape namespace) or "Name", "message"}`.
fn aws_json(f: &Facts<'_>, format: Format) -> Value {
    let shape_namespace = f.namespace.filter(|ns| !ns.contains([':', '/', '#']));
    let name = match (format, shape_namespace) {
        (Format::AwsJson10, Some(ns)) => format!("{ns}#{}", f.title),
        _ => f.title.to_owned(),
    };
    let mut properties = aws_members(f);
    properties.insert("__type".into(), fixed_string(&name));
    object(properties, &["__type"])
}

/// The `<Error>` of the query shapes: `Type`, `Code`, `Message`, `Detail`?, extras.
fn query_error(f: &Facts<'_>, with_type: bool, with_detail: bool) -> Value {
    let mut properties = Map::new();
    if with_type {
        properties.insert("Type".into(), fixed_string(f.fault.err_type().as_str()));
    }
    properties.insert("Code".into(), fixed_string(f.title));
    properties.insert("Message".into(), string());
    if with_detail && f.has(FieldRole::Details) {
        properties.insert("Detail".into(), string());
    }
    for name in f.extras() {
        properties.insert(name.into(), string());
    }
    let required: &[&str] = if with_type {
        &["Type", "Code"]
    } else {
        &["Code"]
    };
    object(properties, required)
}

/// `<ErrorResponse [xmlns]><Error>…</Error>[<RequestId/>]</ErrorResponse>`; Heat's has no
/// namespace and no request id, and always a message.
fn query(f: &Facts<'_>, aws: bool) -> Value {
    // Heat appends the details to the message instead.
    let mut error = query_error(f, true, aws);
    let mut properties = Map::new();
    if !aws {
        error["required"] = json!(["Type", "Code", "Message"]);
    }
    properties.insert("Error".into(), error);
    if aws {
        properties.insert("RequestId".into(), string());
    }
    let mut schema = object(properties, &["Error"]);
    schema["xml"] = json!({"name": "ErrorResponse"});
    if let Some(ns) = xml_namespace(f.namespace).filter(|_| aws) {
        schema["xml"]["namespace"] = Value::from(ns);
    }
    schema
}

/// `<Response><Errors><Error><Code/><Message/>…</Error></Errors><RequestID/></Response>`.
fn ec2(f: &Facts<'_>) -> Value {
    let errors = object(props([("Error", query_error(f, false, false))]), &["Error"]);
    let mut schema = object(
        props([("Errors", errors), ("RequestID", string())]),
        &["Errors"],
    );
    schema["xml"] = json!({"name": "Response"});
    schema
}

/// `<Error><Code/><Message/>…<RequestId/><HostId/></Error>`.
fn s3(f: &Facts<'_>) -> Value {
    let mut schema = query_error(f, false, false);
    if let Some(properties) = schema["properties"].as_object_mut() {
        properties.insert("RequestId".into(), string());
        properties.insert("HostId".into(), string());
    }
    schema["xml"] = json!({"name": "Error"});
    schema
}
