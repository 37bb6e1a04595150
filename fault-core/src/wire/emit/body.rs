//! The body: the declared JSON or XML walked, each place written from its fact.

use super::Render;
use super::facts::{AttrSink, JsonSink, XmlSink, number, wanted, write_fact};
use crate::Member;
use crate::wire::json::{self, Values};
use crate::wire::shape::{Attr, Fact, Item, Json, Key, Name, When, Xml, XmlValues};
use crate::wire::xml;
use std::borrow::Cow;

/// The fact a JSON value holds, for its `when`.
fn json_fact(node: &Json) -> Option<Fact> {
    match node {
        Json::Text(fact) | Json::Number(fact) | Json::Texts(fact) => Some(*fact),
        _ => None,
    }
}

pub(super) fn json_node(r: &Render<'_>, node: &Json, out: &mut Vec<u8>, how: Values) {
    match node {
        Json::Object { items, sorted } => json_object(r, items, *sorted, out, how),
        Json::Text(fact) => {
            out.push(b'"');
            write_fact(
                r,
                *fact,
                &mut JsonSink {
                    out,
                    ascii: how.style.ascii(),
                },
            );
            out.push(b'"');
        }
        Json::Number(fact) => {
            out.extend_from_slice(itoa::Buffer::new().format(number(r, *fact)).as_bytes());
        }
        Json::Texts(_) => {
            out.push(b'[');
            for (i, error) in r.fault.validation_errors.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(how.style.comma());
                }
                json::string(out, error, how.style.ascii());
            }
            out.push(b']');
        }
        Json::Links => {
            out.push(b'[');
            for (i, link) in r.fault.links.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(how.style.comma());
                }
                let mut object = json::Object::open(out, how.style);
                object.str("rel", &link.rel);
                object.str("href", &link.href);
                object.close();
            }
            out.push(b']');
        }
        Json::Errors(inner) => {
            out.push(b'[');
            json_node(r, inner, out, how);
            for more in &r.fault.more {
                out.extend_from_slice(how.style.comma());
                json_node(&r.of(more), inner, out, how);
            }
            out.push(b']');
        }
    }
}

/// Whether a declared item's value is written.
fn item_wanted(r: &Render<'_>, value: &Json, when: When) -> bool {
    match value {
        Json::Links => !r.fault.links.is_empty(),
        _ => wanted(r, json_fact(value), when),
    }
}

/// The name of a declared member.
fn key_name<'r>(r: &'r Render<'_>, key: Key) -> &'r str {
    match key {
        Key::Lit(name) => name,
        Key::Any(names) => names.first().copied().unwrap_or(""),
        Key::Title => &r.fault.title,
        Key::Message(default) => r.fault.message_member.as_deref().unwrap_or(default),
    }
}

/// Whether a member of the fault would repeat a name the declaration writes in this object
/// (a parsed member never does; `Fault::unsent` reports one set in code).
fn taken(r: &Render<'_>, items: &[Item], name: &str) -> bool {
    crate::wire::shape::json_reserved(items, name, r.fault.message_member.as_deref())
}

fn member_json_name<'m>(member: &'m Member<'_>, how: Values) -> &'m str {
    if how.json_names {
        member.json_name()
    } else {
        member.name()
    }
}

fn json_object(r: &Render<'_>, items: &[Item], sorted: bool, out: &mut Vec<u8>, how: Values) {
    if sorted && !r.fault.members.is_empty() {
        return sorted_object(r, items, out, how);
    }
    let mut object = json::Object::open(out, how.style);
    for item in items {
        match item {
            Item::Pair { key, value, when } => {
                if !item_wanted(r, value, *when) {
                    continue;
                }
                let slot = match key {
                    Key::Lit(name) => object.key(name),
                    other => object.data_key(key_name(r, *other)),
                };
                json_node(r, value, slot, how);
            }
            Item::Members => {
                for member in r.body_members() {
                    let name = member_json_name(member, how);
                    if !taken(r, items, name) {
                        json::value(object.data_key(name), &member.value, how);
                    }
                }
            }
        }
    }
    object.close();
}

/// An object whose members Flask sorts by name: each rendered apart, then written in order.
fn sorted_object(r: &Render<'_>, items: &[Item], out: &mut Vec<u8>, how: Values) {
    let mut entries: Vec<(&str, Vec<u8>)> = Vec::new();
    for item in items {
        match item {
            Item::Pair { key, value, when } => {
                if item_wanted(r, value, *when) {
                    let mut rendered = Vec::new();
                    json_node(r, value, &mut rendered, how);
                    entries.push((key_name(r, *key), rendered));
                }
            }
            Item::Members => {
                for member in r.body_members() {
                    let name = member_json_name(member, how);
                    if !taken(r, items, name) {
                        let mut rendered = Vec::new();
                        json::value(&mut rendered, &member.value, how);
                        entries.push((name, rendered));
                    }
                }
            }
        }
    }
    entries.sort_by(|a, b| a.0.cmp(b.0));
    let mut object = json::Object::open(out, how.style);
    for (name, rendered) in entries {
        object.data_key(name).extend_from_slice(&rendered);
    }
    object.close();
}

/// The name of a declared element.
fn element_name<'r>(r: &'r Render<'_>, name: Name) -> Cow<'r, str> {
    match name {
        Name::Lit(name) => Cow::Borrowed(name),
        Name::Title => xml::element_name(&r.fault.title),
        // A declared name is an XML name already; only one from data is checked.
        Name::Message(default) => match r.fault.message_member.as_deref() {
            Some(name) => xml::element_name(name),
            None => Cow::Borrowed(default),
        },
    }
}

pub(super) fn xml_node(r: &Render<'_>, node: &Xml, out: &mut Vec<u8>, values: XmlValues) {
    match node {
        Xml::Element {
            name,
            attrs,
            children,
        } => {
            let name = element_name(r, *name);
            out.push(b'<');
            out.extend_from_slice(name.as_bytes());
            for attr in *attrs {
                xml_attr(r, attr, out);
            }
            if children.iter().any(|c| matches!(c, Xml::Members)) {
                for member in r.body_members().filter(|m| m.xml_attribute) {
                    xml::attribute_member(out, member);
                }
            }
            out.push(b'>');
            for child in *children {
                if let Xml::Members = child {
                    // A member named as a declared child would repeat it (a parsed member never
                    // is; `Fault::unsent` reports one set in code).
                    for member in r.body_members().filter(|m| !m.xml_attribute) {
                        if !crate::wire::shape::xml_reserved(
                            children,
                            member.xml_name(),
                            r.fault.message_member.as_deref(),
                        ) {
                            xml::member(out, member, values);
                        }
                    }
                } else {
                    xml_node(r, child, out, values);
                }
            }
            out.extend_from_slice(b"</");
            out.extend_from_slice(name.as_bytes());
            out.push(b'>');
        }
        Xml::Leaf { name, fact, when } => {
            if !wanted(r, Some(*fact), *when) {
                return;
            }
            let name = element_name(r, *name);
            out.push(b'<');
            out.extend_from_slice(name.as_bytes());
            out.push(b'>');
            write_fact(r, *fact, &mut XmlSink(out));
            out.extend_from_slice(b"</");
            out.extend_from_slice(name.as_bytes());
            out.push(b'>');
        }
        Xml::List { name, item, .. } => {
            if r.fault.validation_errors.is_empty() {
                return;
            }
            out.push(b'<');
            out.extend_from_slice(name.as_bytes());
            out.push(b'>');
            for error in &r.fault.validation_errors {
                xml::element(out, item, error);
            }
            out.extend_from_slice(b"</");
            out.extend_from_slice(name.as_bytes());
            out.push(b'>');
        }
        // Members are written in the element's loop below, where the declared names are known.
        Xml::Members => {}
    }
}

fn xml_attr(r: &Render<'_>, attr: &Attr, out: &mut Vec<u8>) {
    if !wanted(r, Some(attr.fact), attr.when) {
        return;
    }
    out.push(b' ');
    out.extend_from_slice(attr.name.as_bytes());
    out.extend_from_slice(b"=\"");
    write_fact(r, attr.fact, &mut AttrSink(out));
    out.push(b'"');
}
