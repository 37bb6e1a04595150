//! Bodies compared as a case's source compares them: exact bytes, equal JSON values, or
//! equal XML element trees.

use quick_xml::events::{BytesStart, Event};
use serde_json::Value as Json;
use std::collections::BTreeMap;

/// An XML element as compared: its namespace and local name (a default namespace declared
/// on an ancestor applies, as XML says, so an element cut out of a document compares with
/// the same element standing alone), attributes sorted (namespace declarations aside), text
/// trimmed, children in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Tree {
    pub name: (Option<String>, String),
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Tree>,
}

impl Tree {
    /// The first descendant named `local` (depth first), if any.
    pub fn find(&self, local: &str) -> Option<&Tree> {
        self.children
            .iter()
            .find_map(|c| (c.name.1 == local).then_some(c).or_else(|| c.find(local)))
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn child(&self, local: &str) -> Option<&Tree> {
        self.children.iter().find(|c| c.name.1 == local)
    }
}

/// The element tree of `xml`, or why it is not well-formed.
pub fn tree(xml: &[u8]) -> Result<Tree, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    // (element, its prefix bindings, its default namespace)
    let mut stack: Vec<(Tree, Scope)> = Vec::new();
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("not well-formed XML: {e}"))?;
        match event {
            Event::Start(start) => {
                let scope = stack.last().map(|(_, s)| s.clone()).unwrap_or_default();
                stack.push(open(&start, scope));
            }
            Event::Empty(start) => {
                let scope = stack.last().map(|(_, s)| s.clone()).unwrap_or_default();
                let (done, _) = open(&start, scope);
                match stack.last_mut() {
                    Some((parent, _)) => parent.children.push(done),
                    None => return Ok(done),
                }
            }
            Event::End(_) => {
                let (mut done, _) = stack.pop().ok_or("an end tag without a start")?;
                done.text = done.text.trim().to_owned();
                match stack.last_mut() {
                    Some((parent, _)) => parent.children.push(done),
                    None => return Ok(done),
                }
            }
            Event::Text(text) => {
                if let Some((open, _)) = stack.last_mut() {
                    open.text.push_str(&text.xml10_content());
                }
            }
            Event::CData(data) => {
                if let Some((open, _)) = stack.last_mut() {
                    open.text.push_str(&data);
                }
            }
            Event::GeneralRef(reference) => {
                let c = reference
                    .resolve_char_ref()
                    .ok()
                    .flatten()
                    .or(match &*reference {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    })
                    .ok_or_else(|| format!("unknown reference &{};", &*reference))?;
                if let Some((open, _)) = stack.last_mut() {
                    open.text.push(c);
                }
            }
            Event::Eof => return Err("no root element, or one not closed".into()),
            _ => {}
        }
        buf.clear();
    }
}

/// The namespaces in scope: the default one and the prefixes bound.
#[derive(Clone, Debug, Default)]
struct Scope {
    default: Option<String>,
    prefixes: BTreeMap<String, String>,
}

fn open(start: &BytesStart<'_>, mut scope: Scope) -> (Tree, Scope) {
    let mut attrs = Vec::new();
    for attr in start.attributes().flatten() {
        let key = attr.key.as_ref().to_owned();
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_or_else(|_| attr.value.clone().into_owned(), |v| v.into_owned());
        if key == "xmlns" {
            scope.default = Some(value);
        } else if let Some(prefix) = key.strip_prefix("xmlns:") {
            scope.prefixes.insert(prefix.to_owned(), value);
        } else {
            attrs.push((key, value));
        }
    }
    // A prefixed attribute is named by its namespace; an unprefixed one has none.
    let attrs = attrs
        .into_iter()
        .map(|(key, value)| match key.split_once(':') {
            Some((prefix, local)) => match scope.prefixes.get(prefix) {
                Some(ns) => (format!("{{{ns}}}{local}"), value),
                None => (key, value),
            },
            None => (key, value),
        });
    let mut attrs: Vec<(String, String)> = attrs.collect();
    attrs.sort();
    let qname = start.name().as_ref().to_owned();
    let name = match qname.split_once(':') {
        Some((prefix, local)) => (scope.prefixes.get(prefix).cloned(), local.to_owned()),
        None => (scope.default.clone(), qname),
    };
    let tree = Tree {
        name,
        attrs,
        text: String::new(),
        children: Vec::new(),
    };
    (tree, scope)
}

/// Compares our body with the case's as `compare` says.
pub fn compare(how: &str, ours: &[u8], theirs: &str) -> Result<(), String> {
    let show = || {
        format!(
            "\n   ours:   {}\n   theirs: {theirs}",
            String::from_utf8_lossy(ours)
        )
    };
    match how {
        "bytes" => (ours == theirs.as_bytes())
            .then_some(())
            .ok_or_else(|| format!("bytes differ{}", show())),
        "json" => {
            let a: Json = serde_json::from_slice(ours)
                .map_err(|e| format!("our body is not JSON: {e}{}", show()))?;
            let b: Json = serde_json::from_str(theirs).expect("the case's body is JSON");
            (a == b)
                .then_some(())
                .ok_or_else(|| format!("JSON values differ{}", show()))
        }
        "xml" => {
            let a = tree(ours).map_err(|e| format!("ours: {e}{}", show()))?;
            let b = tree(theirs.as_bytes()).expect("the case's body is XML");
            (a == b)
                .then_some(())
                .ok_or_else(|| format!("XML trees differ{}", show()))
        }
        other => panic!("unknown comparison {other}"),
    }
}
