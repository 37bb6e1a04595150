//! Reading bodies for [`Fault::parse`](crate::Fault::parse): a JSON tree that borrows from
//! the body, and a bounded XML element tree that survives malformed input.
//!
//! Neither reader expands entities from a DOCTYPE (quick-xml never does; unknown references
//! are kept as written), and both work within the limits of [`ParseLimits`].

use super::limits::ParseLimits;
use crate::{Member, Value};
use quick_xml::events::Event;
use serde_core::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// A JSON value, strings and keys borrowed from the body where they need no unescaping.
#[derive(Debug)]
pub(crate) enum Json<'d> {
    Null,
    Bool(bool),
    Number(f64, Option<u64>),
    Str(Cow<'d, str>),
    Array(Vec<Json<'d>>),
    Object(Vec<(Cow<'d, str>, Json<'d>)>),
}

impl<'d> Json<'d> {
    pub(crate) fn parse(text: &'d str) -> Option<Json<'d>> {
        serde_json::from_str(text).ok()
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Json<'d>> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The first of `keys` that is present.
    pub(crate) fn get_any(&self, keys: &[&str]) -> Option<&Json<'d>> {
        keys.iter().find_map(|key| self.get(key))
    }

    pub(crate) fn members(&self) -> &[(Cow<'d, str>, Json<'d>)] {
        match self {
            Json::Object(members) => members,
            _ => &[],
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A string, or a number written as text: what a field holding "text" may carry.
    pub(crate) fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Json::Str(s) => Some(Cow::Borrowed(s)),
            Json::Number(_, Some(n)) => Some(Cow::Owned(n.to_string())),
            Json::Number(f, None) => Some(Cow::Owned(f.to_string())),
            Json::Bool(b) => Some(Cow::Owned(b.to_string())),
            _ => None,
        }
    }

    /// An unsigned integer, from a number or a string of digits (nova's `"retryAfter": "4"`,
    /// WebOb's `"code": "404 Not Found"`).
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(_, n) => *n,
            Json::Str(s) => {
                let digits = s.trim_start();
                let end = digits
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(digits.len());
                digits[..end].parse().ok()
            }
            _ => None,
        }
    }

    pub(crate) fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// The value as a member's value, with its JSON type: an object is a structure.
    pub(crate) fn to_value(&self) -> Value<'static> {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(_, Some(n)) => {
                i64::try_from(*n).map_or(Value::Float(*n as f64), Value::Integer)
            }
            Json::Number(f, None) if f.fract() == 0.0 && *f < 0.0 && *f >= i64::MIN as f64 => {
                Value::Integer(*f as i64)
            }
            Json::Number(f, None) => Value::Float(*f),
            Json::Str(s) => Value::from(s.clone().into_owned()),
            Json::Array(items) => Value::List(items.iter().map(Json::to_value).collect()),
            Json::Object(members) => Value::Structure(
                members
                    .iter()
                    .map(|(k, v)| Member::new(k.clone().into_owned(), v.to_value()))
                    .collect(),
            ),
        }
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Json::Bool(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        #[allow(clippy::cast_precision_loss)]
        Ok(Json::Number(v as f64, Some(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        #[allow(clippy::cast_precision_loss)]
        Ok(Json::Number(v as f64, u64::try_from(v).ok()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Json::Number(v, None))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Json::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Json::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Json::Str(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // An error object has a handful of members: one allocation for the first four, made
        // directly rather than through `push`'s growth path.
        let Some(first) = map.next_key::<Key<'de>>()? else {
            return Ok(Json::Object(Vec::new()));
        };
        let mut members = Vec::with_capacity(4);
        members.push((first.0, map.next_value()?));
        while let Some(key) = map.next_key::<Key<'de>>()? {
            members.push((key.0, map.next_value()?));
        }
        Ok(Json::Object(members))
    }
}

/// An object key, borrowed when it needs no unescaping.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// An XML element: its local name, attributes by local name, its own text, its children.
#[derive(Debug, Default)]
pub(crate) struct Element {
    pub(crate) name: String,
    /// The namespace declared on it (`xmlns`), if any.
    pub(crate) namespace: Option<String>,
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) text: String,
    pub(crate) children: Vec<Element>,
}

impl Element {
    /// Reads the root element of `text`. A document that turns malformed partway keeps what
    /// was read before the fault, with every open element closed there: a lenient reader
    /// recovers a fault from a body whose closing tag is misspelt.
    pub(crate) fn parse(text: &str, limits: &ParseLimits) -> Option<Element> {
        let mut reader = quick_xml::Reader::from_str(text);
        let config = reader.config_mut();
        config.check_comments = false;
        config.trim_text(false);
        let mut stack: Vec<Element> = Vec::new();
        let mut root: Option<Element> = None;
        let mut kept = 0usize;
        // Nesting inside a subtree skipped for being too deep or one element too many.
        let mut skipped = 0usize;
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            match event {
                Event::Start(start) => {
                    if skipped > 0 || stack.len() >= limits.max_depth || kept >= limits.max_elements
                    {
                        skipped += 1;
                        continue;
                    }
                    kept += 1;
                    stack.push(element_from(&start));
                }
                Event::Empty(start)
                    if skipped == 0
                        && stack.len() < limits.max_depth
                        && kept < limits.max_elements =>
                {
                    kept += 1;
                    close(&mut stack, &mut root, element_from(&start));
                }
                Event::End(_) if skipped > 0 => skipped -= 1,
                Event::End(_) => {
                    if let Some(element) = stack.pop() {
                        close(&mut stack, &mut root, element);
                    }
                }
                Event::Text(t) if skipped == 0 => {
                    if let Some(open) = stack.last_mut() {
                        open.text.push_str(&t.xml10_content());
                    }
                }
                Event::CData(c) if skipped == 0 => {
                    if let Some(open) = stack.last_mut() {
                        open.text.push_str(&c);
                    }
                }
                Event::GeneralRef(r) if skipped == 0 => {
                    if let Some(open) = stack.last_mut() {
                        push_reference(&mut open.text, &r);
                    }
                }
                _ => {}
            }
            if root.is_some() && stack.is_empty() {
                break;
            }
        }
        // A body cut short or malformed: close what is open where the reading stopped.
        while let Some(element) = stack.pop() {
            close(&mut stack, &mut root, element);
        }
        root
    }

    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The first of `names` present as a child.
    pub(crate) fn child_any(&self, names: &[&str]) -> Option<&Element> {
        names.iter().find_map(|name| self.child(name))
    }

    pub(crate) fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name).map(|c| c.text.as_str())
    }

    /// The element as a member's value: its text when it has no children; a list when its
    /// children are `<member>` items (Smithy's binding), `<i>` items (RFC 9457's) or all
    /// share one name; a map of
    /// `<entry><key/><value/></entry>` items; else a structure of its children; attributes
    /// are members of a structure.
    pub(crate) fn to_value(&self) -> Value<'static> {
        if self.children.is_empty() && self.attrs.is_empty() {
            return Value::from(self.text.clone());
        }
        let first = self.children.first().map(|c| c.name.as_str());
        let same =
            self.children.len() > 1 && self.children.iter().all(|c| Some(c.name.as_str()) == first);
        let item = matches!(first, Some("member" | "i"));
        if self.attrs.is_empty() && (item || same) && first != Some("entry") {
            return Value::List(self.children.iter().map(Element::to_value).collect());
        }
        if self.attrs.is_empty()
            && first == Some("entry")
            && self.children.iter().all(|c| c.name == "entry")
        {
            return Value::Map(
                self.children
                    .iter()
                    .map(|entry| {
                        let key = entry.child_text("key").unwrap_or("").to_owned();
                        let value = entry.child("value").map_or(Value::Null, Element::to_value);
                        (Cow::Owned(key), value)
                    })
                    .collect(),
            );
        }
        let mut members: Vec<Member<'static>> = self
            .attrs
            .iter()
            .map(|(k, v)| Member::new(k.clone(), v.clone()).as_xml_attribute())
            .collect();
        members.extend(
            self.children
                .iter()
                .map(|c| Member::new(c.name.clone(), c.to_value())),
        );
        Value::Structure(members)
    }

    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn close(stack: &mut [Element], root: &mut Option<Element>, element: Element) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(element),
        None => {
            if root.is_none() {
                *root = Some(element);
            }
        }
    }
}

fn element_from(start: &quick_xml::events::BytesStart<'_>) -> Element {
    let name = start.local_name().as_ref().to_owned();
    let mut element = Element {
        name,
        ..Element::default()
    };
    for attr in start.attributes().with_checks(false).flatten() {
        let key = attr.key;
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_or_else(|_| attr.value.clone().into_owned(), Cow::into_owned);
        if key.as_ref() == "xmlns" {
            element.namespace = Some(value);
        } else if key.as_namespace_binding().is_none() {
            let local = key.local_name().as_ref().to_owned();
            element.attrs.push((local, value));
        }
    }
    element
}

/// Resolves a reference in text: character references and the five predefined entities;
/// any other entity (one a DOCTYPE might define) is kept as written, never expanded.
fn push_reference(out: &mut String, reference: &quick_xml::events::BytesRef<'_>) {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        out.push(c);
        return;
    }
    match &**reference {
        "amp" => out.push('&'),
        "lt" => out.push('<'),
        "gt" => out.push('>'),
        "quot" => out.push('"'),
        "apos" => out.push('\''),
        other => {
            out.push('&');
            out.push_str(other);
            out.push(';');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_borrows_plain_strings() {
        let json =
            Json::parse(r#"{"a": "plain", "b\n": "esc\"aped", "n": 404, "s": "4"}"#).unwrap();
        assert!(matches!(
            json.get("a"),
            Some(Json::Str(Cow::Borrowed("plain")))
        ));
        assert_eq!(json.get("b\n").and_then(Json::as_str), Some("esc\"aped"));
        assert_eq!(json.get("n").and_then(Json::as_u64), Some(404));
        assert_eq!(json.get("s").and_then(Json::as_u64), Some(4));
    }

    #[test]
    fn xml_tree_with_namespaces_cdata_and_references() {
        let root = Element::parse(
            r#"<?xml version="1.0"?><e:Root xmlns="urn:x" xmlns:e="urn:e" e:code="4"><m><![CDATA[a<b]]> &amp; &#65;&custom;</m><empty/></e:Root>"#,
            &ParseLimits::default(),
        )
        .unwrap();
        assert_eq!(root.name, "Root");
        assert_eq!(root.namespace.as_deref(), Some("urn:x"));
        assert_eq!(root.attr("code"), Some("4"));
        assert_eq!(root.child_text("m"), Some("a<b & A&custom;"));
        assert!(root.child("empty").is_some());
    }

    #[test]
    fn a_misspelt_closing_tag_keeps_what_was_read() {
        let root = Element::parse(
            "<outOfVirtualIps code=\"500\"><message>Out</message></outOfVirtualips>",
            &ParseLimits::default(),
        )
        .unwrap();
        assert_eq!(root.name, "outOfVirtualIps");
        assert_eq!(root.child_text("message"), Some("Out"));
    }

    #[test]
    fn deep_documents_are_cut_at_the_limit() {
        let deep = "<a>".repeat(10_000) + &"</a>".repeat(10_000);
        let root = Element::parse(&deep, &ParseLimits::default()).unwrap();
        let mut depth = 1;
        let mut node = &root;
        while let Some(child) = node.children.first() {
            node = child;
            depth += 1;
        }
        assert_eq!(depth, 32);
    }
}
