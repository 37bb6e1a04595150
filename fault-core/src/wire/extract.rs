//! Reading a body back by walking its format's [`Shape`] the other way: each declared place is
//! looked up in the parsed tree and its fact set on the fault, and what the declaration does
//! not name becomes the fault's members, with their JSON types or XML structure.
//!
//! Detection (`parse.rs`) has already chosen the format and checked that the body has the
//! format's form; this walk never fails, it only fills what it finds.

use super::dates;
use super::read::{Element, Json as Tree};
use super::shape::{Fact, Item, Json, Key, Name, Xml};
use crate::{ErrType, Fault, Link, Member, RetryAfter, Text};
use std::borrow::Cow;

/// The names the message member is read under, the declared one first.
const MESSAGE_NAMES: [&str; 3] = ["message", "Message", "errorMessage"];

/// Fills `fault` from the JSON `tree` by the declared `node`.
pub(crate) fn json(node: &Json, tree: &Tree<'_>, fault: &mut Fault<'static>) {
    match node {
        Json::Object { items, .. } => object(items, tree, fault),
        // The status is the response's; a number written as text is read as seconds.
        Json::Number(Fact::Status) | Json::Text(Fact::Status) => {}
        Json::Number(fact) => {
            if let Some(seconds) = tree.as_u64() {
                set(fault, *fact, itoa::Buffer::new().format(seconds));
            }
        }
        Json::Text(fact) => {
            if let Some(text) = tree.text() {
                set(fault, *fact, &text);
            }
        }
        Json::Texts(_) => {
            if let Tree::Array(items) = tree {
                fault.validation_errors = items
                    .iter()
                    .filter_map(Tree::text)
                    .map(|t| Text::from(t.into_owned()))
                    .collect();
            }
        }
        Json::Links => {
            if let Tree::Array(items) = tree {
                fault.links = items
                    .iter()
                    .filter_map(|link| {
                        let rel = link.get("rel")?.text()?.into_owned();
                        let href = link.get("href")?.text()?.into_owned();
                        Some(Link::new(rel, href))
                    })
                    .collect();
            }
        }
        Json::Errors(inner) => {
            let Tree::Array(errors) = tree else { return };
            let mut errors = errors.iter();
            if let Some(first) = errors.next() {
                json(inner, first, fault);
            }
            for error in errors {
                // A further error has its own status, else the response's.
                let status = error
                    .get("status")
                    .and_then(Tree::as_u64)
                    .and_then(|s| u16::try_from(s).ok())
                    .and_then(|s| http::StatusCode::from_u16(s).ok())
                    .unwrap_or(fault.status);
                let title = status.canonical_reason().unwrap_or("");
                let mut more =
                    super::parsed(status, title, fault.format.unwrap_or(crate::Format::ApiWg));
                json(inner, error, &mut more);
                fault.more.push(more);
            }
        }
    }
}

/// Whether a member name is the one a declared key reads.
#[inline]
fn reads(key: Key, name: &str) -> bool {
    match key {
        Key::Lit(lit) => lit == name,
        Key::Any(names) => names.contains(&name),
        Key::Message(default) => default == name || MESSAGE_NAMES.contains(&name),
        Key::Title => false,
    }
}

/// One pass over the object's members, each given to the declared place that reads it (the
/// first declared), else kept as a member when the declaration has a place for members.
fn object(items: &[Item], tree: &Tree<'_>, fault: &mut Fault<'static>) {
    let members = tree.members();
    // OpenStack's `{"itemNotFound": {…}}`: the title is the one member's name.
    if let Some(Item::Pair { value, .. }) = items.iter().find(|item| {
        matches!(
            item,
            Item::Pair {
                key: Key::Title,
                ..
            }
        )
    }) && let [(name, inner)] = members
    {
        fault.title = Cow::Owned(name.clone().into_owned());
        json(value, inner, fault);
        return;
    }
    let keeps_members = items.iter().any(|item| matches!(item, Item::Members));
    let mut message_seen = false;
    for (name, value) in members {
        let declared = items.iter().find_map(|item| match item {
            Item::Pair { key, value, .. } if reads(*key, name) => Some((*key, value)),
            _ => None,
        });
        match declared {
            // The first message member read wins, spelled as the body spells it.
            Some((Key::Message(default), place)) if !message_seen => {
                message_seen = true;
                if name != default {
                    fault.message_member = Some(Cow::Owned(name.clone().into_owned()));
                }
                json(place, value, fault);
            }
            Some((Key::Message(_), _)) => {}
            Some((_, place)) => json(place, value, fault),
            None if keeps_members => fault
                .members
                .push(Member::new(name.clone().into_owned(), value.to_value())),
            None => {}
        }
    }
}

/// Fills `fault` from the XML `element` by the declared `node`, the element matching it.
pub(crate) fn xml(node: &Xml, element: &Element, fault: &mut Fault<'static>) {
    let Xml::Element {
        name,
        attrs,
        children,
    } = node
    else {
        return;
    };
    if let Name::Title = name {
        fault.title = Cow::Owned(element.name.clone());
    }
    for attr in *attrs {
        if let Fact::Literal(_) = attr.fact {
            // A fixed namespace (RFC 9457's) says nothing of this fault.
        } else if attr.name == "xmlns" {
            if let Some(ns) = &element.namespace {
                fault.namespace = Some(Cow::Owned(ns.clone()));
            }
        } else if let Some(value) = element.attr(attr.name) {
            set(fault, attr.fact, value);
        }
    }
    for child in *children {
        match child {
            Xml::Element { name, .. } => {
                let found = match name {
                    Name::Lit(name) => element.child(name),
                    _ => None,
                };
                if let Some(found) = found {
                    xml(child, found, fault);
                }
            }
            Xml::Leaf { name, fact, .. } => {
                let found = match name {
                    Name::Lit(name) => element.child(name),
                    Name::Message(default) => {
                        let found = std::iter::once(*default)
                            .chain(["Message", "message"])
                            .find_map(|name| element.child(name));
                        if let Some(found) = found.filter(|f| f.name != *default) {
                            fault.message_member = Some(Cow::Owned(found.name.clone()));
                        }
                        found
                    }
                    Name::Title => None,
                };
                if let Some(found) = found {
                    set(fault, *fact, &found.text);
                }
            }
            Xml::List { name, item, .. } => {
                if let Some(list) = element.child(name) {
                    fault.validation_errors = list
                        .children
                        .iter()
                        .filter(|c| c.name == *item)
                        .map(|c| Text::from(c.text.clone()))
                        .collect();
                }
            }
            Xml::Members => {
                let known = |child_name: &str| {
                    children.iter().any(|declared| match declared {
                        Xml::Element {
                            name: Name::Lit(n), ..
                        }
                        | Xml::Leaf {
                            name: Name::Lit(n), ..
                        }
                        | Xml::List { name: n, .. } => *n == child_name,
                        Xml::Leaf {
                            name: Name::Message(default),
                            ..
                        } => *default == child_name || child_name == "Message",
                        _ => false,
                    })
                };
                for child in &element.children {
                    if !known(&child.name) {
                        fault
                            .members
                            .push(Member::new(child.name.clone(), child.to_value()));
                    }
                }
                for (attr_name, value) in &element.attrs {
                    if !attrs.iter().any(|a| a.name == attr_name) {
                        fault
                            .members
                            .push(Member::new(attr_name.clone(), value.clone()).as_xml_attribute());
                    }
                }
            }
        }
    }
}

/// Sets the fact a place holds from its text.
pub(crate) fn set(fault: &mut Fault<'static>, fact: Fact, text: &str) {
    let owned = || Cow::Owned(text.to_owned());
    match fact {
        Fact::Title | Fact::ReasonPhrase => fault.title = owned(),
        Fact::QueryCode => fault.title = owned(),
        Fact::TypeName => {
            let (namespace, code) = super::parse::split_type(text);
            if fault.title != code {
                fault.title = Cow::Owned(code.to_owned());
            }
            if let Some(namespace) = namespace {
                fault.namespace = Some(Cow::Owned(namespace.to_owned()));
            }
        }
        Fact::ErrType(_) => {
            if let Some(word) = ErrType::from_word(text.trim()) {
                fault.err_type = Some(word);
            }
        }
        Fact::Message | Fact::HeatMessage | Fact::WebObDetail => {
            fault.message = Text::from(text.to_owned());
        }
        Fact::Details => fault.details = Some(Text::from(text.to_owned())),
        Fact::Code | Fact::PlacementCode => fault.code = Some(owned()),
        Fact::RequestId => {
            if !text.is_empty() {
                fault.request_id = Some(Text::from(text.to_owned()));
            }
        }
        Fact::HostId => {
            if !text.is_empty() {
                fault.members.push(Member::new("HostId", text.to_owned()));
            }
        }
        Fact::RetryAfterSeconds => {
            if let Some(retry) = retry_after_text(text) {
                fault.retry_after = Some(retry);
            }
        }
        Fact::RetryAt => {
            if let Some(at) = dates::parse_any(text) {
                fault.retry_after = Some(RetryAfter::At(at));
            }
        }
        Fact::Created => fault.created = Some(Text::from(text.to_owned())),
        Fact::Namespace | Fact::LoadBalancerNamespace => fault.namespace = Some(owned()),
        Fact::ProblemType => {
            if text != "about:blank" {
                fault.problem_type = Some(owned());
            }
        }
        Fact::Instance => fault.instance = Some(Text::from(text.to_owned())),
        Fact::Status | Fact::ValidationErrors | Fact::Literal(_) => {}
    }
}

/// A `retryAfter` as OpenStack's eras wrote it: seconds, else a date (nova's old
/// `RateLimitFault`, Rackspace's limits).
pub(crate) fn retry_after_text(text: &str) -> Option<RetryAfter> {
    let text = text.trim();
    match text.parse() {
        Ok(seconds) => Some(RetryAfter::Seconds(seconds)),
        Err(_) => dates::parse_any(text).map(RetryAfter::At),
    }
}
