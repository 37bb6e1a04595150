//! The JSON Schema (OpenAPI 3.1's dialect, with its `xml` keyword) of the body a fault is
//! sent with, written by walking its format's declared [shape](crate::wire::shape): the
//! places the shape always writes are `required`, the places a variant's fields fill are
//! listed when it has such a field, fixed values are one-value `enum`s (not `const`, which
//! utoipa's model does not keep).

use super::{CatalogueFault, CatalogueMember, FieldRole};
use crate::wire::shape::{self, Attr, Fact, Item, Json, Key, Name, ServerWord, Shape, When, Xml};
use crate::{Encoding, ErrType};
use serde_json::{Map, Value, json};

/// The schema of the body `fault` is sent with in `encoding`.
pub(crate) fn body(fault: &CatalogueFault, encoding: Encoding) -> Value {
    let spec = fault.spec();
    let shape = shape::shape(fault.format(), spec.dialect().unwrap_or_default());
    let walk = Walk { fault, shape };
    match (encoding, &shape.json, &shape.xml) {
        (Encoding::Xml, _, Some(xml)) | (Encoding::Json, None, Some(xml)) => {
            walk.xml_element(&xml.root).unwrap_or_else(|| json!({}))
        }
        (_, Some(body), _) => walk.json(&body.root, body.epoch_seconds),
        (_, None, None) => json!({}),
    }
}

struct Walk<'f> {
    fault: &'f CatalogueFault,
    shape: &'static Shape,
}

fn string() -> Value {
    json!({"type": "string"})
}

fn fixed_string(value: &str) -> Value {
    json!({"type": "string", "enum": [value]})
}

fn described(mut schema: Value, description: &str) -> Value {
    schema["description"] = Value::from(description);
    schema
}

/// An XML namespace, for the `xml` object: only an absolute URI is one there.
fn xml_namespace(namespace: Option<&str>) -> Option<&str> {
    namespace.filter(|ns| ns.contains(':'))
}

impl Walk<'_> {
    fn has(&self, role: FieldRole) -> bool {
        self.fault.has_field(role)
    }

    /// The variant's member fields that go in the body.
    fn body_members(&self) -> impl Iterator<Item = (&'static str, &CatalogueMember)> {
        let headers = self.shape.header_members;
        self.fault.entry().fields().iter().filter_map(move |field| {
            let member = field.member()?;
            (!(headers && member.header().is_some())).then_some((field.type_name(), member))
        })
    }

    /// Whether a place holding `fact` can be written for this fault, and whether it always is.
    fn place(&self, fact: Option<Fact>, when: When) -> Option<bool> {
        let status = self.fault.status().as_u16();
        let can = |fact: Fact| match fact {
            Fact::Details => self.has(FieldRole::Details),
            Fact::Code => self.fault.error_code().is_some(),
            Fact::Created => self.has(FieldRole::Created),
            Fact::RetryAfterSeconds | Fact::RetryAt => self.has(FieldRole::RetryAfter),
            Fact::ValidationErrors => self.has(FieldRole::ValidationErrors),
            Fact::Namespace => self.fault.spec().namespace().is_some(),
            _ => true,
        };
        match when {
            When::Always => Some(true),
            When::NonEmpty => Some(false),
            When::Present => fact.is_none_or(can).then_some(false),
            When::Has(fact) => can(fact).then_some(false),
            When::OverLimit => {
                (fact.is_none_or(can) && matches!(status, 413 | 429)).then_some(false)
            }
            When::PayloadTooLarge => (fact.is_none_or(can) && status == 413).then_some(false),
            When::Microversion(_) => Some(false),
            When::ReadOnly => None,
        }
    }

    /// A fact's schema: its fixed value where the variant fixes it.
    fn fact(&self, fact: Fact, epoch_seconds: bool) -> Value {
        let fault = self.fault;
        let spec = fault.spec();
        let title = fault.title();
        match fact {
            Fact::Title => fixed_string(title),
            Fact::QueryCode => fixed_string(spec.query_code().unwrap_or(title)),
            Fact::TypeName => {
                let namespace = spec.namespace().filter(|ns| !ns.contains([':', '/', '#']));
                match namespace {
                    Some(ns) => fixed_string(&format!("{ns}#{title}")),
                    None => fixed_string(title),
                }
            }
            Fact::Status => json!({"type": "integer", "enum": [fault.status().as_u16()]}),
            Fact::ReasonPhrase => {
                fixed_string(crate::framework::webob_title(fault.status()).unwrap_or(title))
            }
            Fact::ErrType(word) => {
                let sent = if spec.err_type_is_set() || fault.status().as_u16() < 500 {
                    fault.err_type()
                } else if word == ServerWord::Receiver {
                    ErrType::Receiver
                } else {
                    ErrType::Server
                };
                fixed_string(sent.as_str())
            }
            Fact::Code => fixed_string(fault.error_code().unwrap_or("")),
            Fact::PlacementCode => described(
                fixed_string(
                    fault
                        .error_code()
                        .unwrap_or(crate::wire::apiwg::UNDEFINED_CODE),
                ),
                "Sent from microversion 1.23 on.",
            ),
            Fact::RetryAfterSeconds => described(string(), "Seconds until the client may retry."),
            Fact::RetryAt => described(
                json!({"type": "string", "format": "date-time"}),
                "When the client may retry.",
            ),
            Fact::ProblemType => match (spec.problem_type(), spec.namespace()) {
                (Some(uri), _) => fixed_string(uri),
                (None, Some(ns)) => fixed_string(&format!("{ns}{title}")),
                (None, None) => fixed_string("about:blank"),
            },
            Fact::Namespace => fixed_string(spec.namespace().unwrap_or("")),
            Fact::LoadBalancerNamespace => fixed_string(
                spec.namespace()
                    .unwrap_or(crate::wire::openstack::LOAD_BALANCER_NS),
            ),
            Fact::Literal(text) => fixed_string(text),
            Fact::ValidationErrors => json!({"type": "array", "items": {"type": "string"}}),
            Fact::Message
            | Fact::HeatMessage
            | Fact::WebObDetail
            | Fact::Details
            | Fact::RequestId
            | Fact::HostId
            | Fact::Created
            | Fact::Instance => {
                let _ = epoch_seconds;
                string()
            }
        }
    }

    fn json(&self, node: &Json, epoch_seconds: bool) -> Value {
        match node {
            Json::Object { items, .. } => self.json_object(items, epoch_seconds),
            Json::Text(fact) | Json::Texts(fact) => self.fact(*fact, epoch_seconds),
            Json::Number(Fact::Status) => self.fact(Fact::Status, epoch_seconds),
            Json::Number(_) => json!({"type": "integer"}),
            Json::Links => json!({
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"rel": {"type": "string"}, "href": {"type": "string"}},
                    "required": ["rel", "href"],
                },
            }),
            Json::Errors(inner) => json!({
                "type": "array",
                "minItems": 1,
                "items": self.json(inner, epoch_seconds),
            }),
        }
    }

    fn key(&self, key: Key) -> String {
        match key {
            Key::Lit(name) => name.to_owned(),
            Key::Any(names) => names.first().copied().unwrap_or("").to_owned(),
            Key::Title => self.fault.title().to_owned(),
            Key::Message(default) => self
                .fault
                .spec()
                .message_member()
                .unwrap_or(default)
                .to_owned(),
        }
    }

    fn json_object(&self, items: &[Item], epoch_seconds: bool) -> Value {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for item in items {
            match item {
                Item::Pair { key, value, when } => {
                    let fact = match value {
                        Json::Text(fact) | Json::Number(fact) | Json::Texts(fact) => Some(*fact),
                        _ => None,
                    };
                    if matches!(value, Json::Links) && self.fault.spec().help_link().is_none() {
                        continue;
                    }
                    let Some(always) = self.place(fact, *when) else {
                        continue;
                    };
                    let name = self.key(*key);
                    if always {
                        required.push(Value::from(name.clone()));
                    }
                    properties.insert(name, self.json(value, epoch_seconds));
                }
                Item::Members => {
                    for (ty, member) in self.body_members() {
                        let name = if self.shape.json_names {
                            member.json_name()
                        } else {
                            member.name()
                        };
                        properties.insert(name.to_owned(), type_schema(ty, epoch_seconds));
                    }
                }
            }
        }
        let mut schema = json!({"type": "object", "properties": properties});
        if !required.is_empty() {
            schema["required"] = Value::Array(required);
        }
        schema
    }

    fn name(&self, name: Name) -> String {
        match name {
            Name::Lit(name) => name.to_owned(),
            Name::Title => self.fault.title().to_owned(),
            Name::Message(default) => self
                .fault
                .spec()
                .message_member()
                .unwrap_or(default)
                .to_owned(),
        }
    }

    /// The schema of an element, `None` for a place this fault never writes.
    fn xml_element(&self, node: &Xml) -> Option<Value> {
        match node {
            Xml::Element {
                name,
                attrs,
                children,
            } => {
                let mut properties = Map::new();
                let mut required = Vec::new();
                let mut namespace = None;
                for attr in *attrs {
                    self.xml_attr(attr, &mut properties, &mut required, &mut namespace);
                }
                for child in *children {
                    match child {
                        Xml::Members => {
                            for (ty, member) in self.body_members() {
                                let mut schema = type_schema(ty, false);
                                if member.is_xml_attribute() {
                                    schema["xml"] = json!({"attribute": true});
                                }
                                properties.insert(member.xml_name().to_owned(), schema);
                            }
                        }
                        Xml::Leaf { name, fact, when } => {
                            let Some(always) = self.place(Some(*fact), *when) else {
                                continue;
                            };
                            let name = self.name(*name);
                            if always {
                                required.push(Value::from(name.clone()));
                            }
                            properties.insert(name, self.fact(*fact, false));
                        }
                        Xml::List { name, item, fact } => {
                            if self.place(Some(*fact), When::Present).is_some() {
                                properties.insert(
                                    (*name).to_owned(),
                                    json!({
                                        "type": "array",
                                        "xml": {"wrapped": true},
                                        "items": {"type": "string", "xml": {"name": item}},
                                    }),
                                );
                            }
                        }
                        Xml::Element { name, .. } => {
                            if let Some(schema) = self.xml_element(child) {
                                let name = self.name(*name);
                                required.push(Value::from(name.clone()));
                                properties.insert(name, schema);
                            }
                        }
                    }
                }
                let mut schema = json!({"type": "object", "properties": properties});
                if !required.is_empty() {
                    schema["required"] = Value::Array(required);
                }
                schema["xml"] = json!({"name": self.name(*name)});
                if let Some(ns) = xml_namespace(namespace) {
                    schema["xml"]["namespace"] = Value::from(ns);
                }
                Some(schema)
            }
            _ => None,
        }
    }

    fn xml_attr<'n>(
        &'n self,
        attr: &Attr,
        properties: &mut Map<String, Value>,
        required: &mut Vec<Value>,
        namespace: &mut Option<&'n str>,
    ) {
        if attr.name == "xmlns" {
            *namespace = match attr.fact {
                Fact::Literal(ns) => Some(ns),
                Fact::LoadBalancerNamespace => Some(
                    self.fault
                        .spec()
                        .namespace()
                        .unwrap_or(crate::wire::openstack::LOAD_BALANCER_NS),
                ),
                _ => self.fault.spec().namespace(),
            };
            return;
        }
        let Some(always) = self.place(Some(attr.fact), attr.when) else {
            return;
        };
        let mut schema = match attr.fact {
            Fact::RetryAfterSeconds => json!({"type": "integer"}),
            fact => self.fact(fact, false),
        };
        schema["xml"] = json!({"attribute": true});
        if always {
            required.push(Value::from(attr.name));
        }
        properties.insert(attr.name.to_owned(), schema);
    }
}

/// The schema of a member from its Rust type as written: the standard library's strings,
/// numbers, booleans, lists and maps have one; any other type is left open.
fn type_schema(ty: &str, epoch_seconds: bool) -> Value {
    let ty = ty.trim();
    let inner = |prefix: &str| {
        ty.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix('>'))
            .map(str::trim)
    };
    if let Some(inner) = inner("Option<").or_else(|| inner("Box<")) {
        return type_schema(inner, epoch_seconds);
    }
    if let Some(item) = inner("Vec<") {
        return json!({"type": "array", "items": type_schema(item, epoch_seconds)});
    }
    if let Some(entries) = inner("BTreeMap<").or_else(|| inner("HashMap<")) {
        let value = entries.split_once(',').map_or("", |(_, v)| v);
        return json!({"type": "object", "additionalProperties": type_schema(value, epoch_seconds)});
    }
    let last = ty.rsplit("::").next().unwrap_or(ty);
    match last {
        "String" | "str" | "&str" | "&'static str" | "Text" | "char" => string(),
        "bool" => json!({"type": "boolean"}),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            json!({"type": "integer"})
        }
        "f32" | "f64" => json!({"type": "number"}),
        "SystemTime" if epoch_seconds => json!({"type": "number"}),
        "SystemTime" => json!({"type": "string", "format": "date-time"}),
        _ if last.starts_with("Cow<") => string(),
        _ => json!({}),
    }
}
