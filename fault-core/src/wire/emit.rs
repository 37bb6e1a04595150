//! Writing a fault by walking its format's [`Shape`]: the body, then the headers.
//!
//! What every format shares is resolved once per render ([`Render::new`]: the message that
//! may be sent, the request id checked as a header value, the negotiated encoding); the walk
//! then writes each declared place from the fact it names.

use super::json::{self, Values};
use super::shape::{
    Attr, Fact, Header, Item, Json, Key, Name, RetryForm, ServerWord, Shape, When, Xml, XmlValues,
};
use super::{dates, xml};
use crate::context::{is_valid_request_id, new_request_id};
use crate::{Context, Encoding, ErrType, Fault, Member, RetryAfter, Text};
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue, RETRY_AFTER};
use http::{HeaderMap, StatusCode};
use std::borrow::Cow;
use std::time::SystemTime;

/// What a renderer reads: the fault, the request's context, the format's shape, and what was
/// resolved for them.
pub(crate) struct Render<'f> {
    pub(crate) fault: &'f Fault<'f>,
    pub(crate) cx: &'f Context<'f>,
    pub(crate) shape: &'static Shape,
    /// The message that may be sent: the fault's, or its internal `Display` when the
    /// context exposes internal detail.
    pub(crate) message: Text<'f>,
    /// The fault's own request id, else the context's, replaced by a fresh one when it is
    /// not a safe header value.
    pub(crate) request_id: Option<Cow<'f, str>>,
    pub(crate) encoding: Encoding,
}

impl<'f> Render<'f> {
    /// Resolves what every format reads, once per render.
    pub(crate) fn new(
        fault: &'f Fault<'f>,
        shape: &'static Shape,
        encoding: Encoding,
        cx: &'f Context<'f>,
    ) -> Self {
        Render {
            fault,
            cx,
            shape,
            message: message(fault, cx),
            request_id: request_id(fault.request_id.as_ref(), cx),
            encoding,
        }
    }

    /// The render of a further error of the same response: its own request id, else this
    /// one's.
    fn of<'g>(&'g self, fault: &'g Fault<'g>) -> Render<'g> {
        let own = request_id(fault.request_id.as_ref(), self.cx);
        Render {
            fault,
            cx: self.cx,
            shape: self.shape,
            message: message(fault, self.cx),
            request_id: own.or_else(|| self.request_id.as_deref().map(Cow::Borrowed)),
            encoding: self.encoding,
        }
    }

    /// The namespace: the context's override, else the fault's.
    pub(crate) fn namespace(&self) -> Option<&str> {
        self.cx
            .namespace
            .as_deref()
            .or(self.fault.namespace.as_deref())
    }

    /// The fault's members that go in the body: all but those bound to a header, in a format
    /// that sends those in headers.
    fn body_members(&self) -> impl Iterator<Item = &Member<'_>> {
        let headers = self.shape.header_members;
        self.fault
            .members
            .iter()
            .filter(move |m| !(headers && m.header.is_some()))
    }
}

/// The message that may be sent.
pub(crate) fn message<'f>(fault: &'f Fault<'_>, cx: &Context<'_>) -> Text<'f> {
    match fault.error {
        Some(error) if cx.expose_internal => Text::display(error),
        _ => fault.message.reborrow(),
    }
}

/// The fault's own request id, else the context's; one that is not a safe header value is
/// replaced by a fresh one.
pub(crate) fn request_id<'f>(
    own: Option<&'f Text<'_>>,
    cx: &'f Context<'_>,
) -> Option<Cow<'f, str>> {
    let given = match own {
        Some(own) => own.to_cow(),
        None => Cow::Borrowed(cx.request_id.as_deref()?),
    };
    if is_valid_request_id(&given) {
        Some(given)
    } else {
        Some(Cow::Owned(new_request_id()))
    }
}

/// What a renderer writes: the body, and the headers and reason phrase unless only the body
/// is asked for, when building them would be wasted work.
pub(crate) struct Out {
    pub(crate) body: Vec<u8>,
    pub(crate) headers: HeaderMap,
    pub(crate) reason: Option<Box<str>>,
    pub(crate) headers_wanted: bool,
    /// Whether the body is written (not when it comes from the kept bodies).
    pub(crate) body_wanted: bool,
}

impl Out {
    /// Adds a header whose value comes from data. Only visible ASCII, spaces and tabs are
    /// sent (no control characters, no obs-text a client cannot read as text); any other value
    /// is dropped rather than sent half-formed. The body still carries it, escaped.
    pub(crate) fn header(&mut self, name: HeaderName, value: &str) {
        let printable = value
            .bytes()
            .all(|b| b == b' ' || b == b'\t' || b.is_ascii_graphic());
        if let (true, Ok(value)) = (printable, HeaderValue::from_str(value)) {
            self.headers.append(name, value);
        }
    }

    /// Adds the request id under each of `names`.
    fn request_id(&mut self, r: &Render<'_>, names: &[super::shape::NameFn]) {
        // The id is a safe header value (`request_id` replaced it otherwise): checked once.
        let Some(Ok(value)) = r.request_id.as_deref().map(HeaderValue::from_str) else {
            return;
        };
        if let Some((last, rest)) = names.split_last() {
            for name in rest {
                self.headers.append(name(), value.clone());
            }
            self.headers.append(last(), value);
        }
    }
}

/// Writes the body and, when wanted, the headers of `r`.
pub(crate) fn emit(r: &Render<'_>, out: &mut Out) {
    let shape = r.shape;
    let head_only = shape.no_body_for_head && r.cx.is_head();
    if out.body_wanted && !head_only {
        body(r, &mut out.body);
    }
    if out.headers_wanted {
        headers(r, out);
    }
}

/// Appends the body of `r` (the `HEAD` rule aside).
pub(crate) fn body(r: &Render<'_>, out: &mut Vec<u8>) {
    match (r.encoding, &r.shape.json, &r.shape.xml) {
        (Encoding::Xml, _, Some(xml)) | (Encoding::Json, None, Some(xml)) => {
            out.extend_from_slice(xml.prelude.as_bytes());
            xml_node(r, &xml.root, out, xml.values);
        }
        (_, Some(body), _) => {
            let values = Values {
                style: body.style,
                json_names: r.shape.json_names,
                epoch_seconds: body.epoch_seconds,
            };
            json_node(r, &body.root, out, values);
            if body.newline {
                out.push(b'\n');
            }
        }
        (_, None, None) => {}
    }
}

// ---- facts ----

/// Where a fact's text goes: inside a JSON string, or XML text or an attribute value, each
/// escaped as it must be.
trait Sink {
    fn str(&mut self, text: &str);
    fn text(&mut self, text: &Text<'_>);
}

struct JsonSink<'o> {
    out: &'o mut Vec<u8>,
    ascii: bool,
}

impl Sink for JsonSink<'_> {
    fn str(&mut self, text: &str) {
        json::escape(self.out, text, self.ascii);
    }
    fn text(&mut self, text: &Text<'_>) {
        json::text(self.out, text, self.ascii);
    }
}

/// XML character data.
struct XmlSink<'o>(&'o mut Vec<u8>);

impl Sink for XmlSink<'_> {
    fn str(&mut self, text: &str) {
        xml::escape_text(self.0, text);
    }
    fn text(&mut self, text: &Text<'_>) {
        xml::text(self.0, text);
    }
}

/// An XML attribute value's inside.
struct AttrSink<'o>(&'o mut Vec<u8>);

impl Sink for AttrSink<'_> {
    fn str(&mut self, text: &str) {
        xml::escape_attr(self.0, text);
    }
    fn text(&mut self, text: &Text<'_>) {
        xml::attr(self.0, text);
    }
}

/// Whether the fault (or request) has the fact.
#[inline]
fn present(r: &Render<'_>, fact: Fact) -> bool {
    let f = r.fault;
    match fact {
        Fact::Details => f.details.is_some(),
        Fact::Code => f.code.is_some(),
        Fact::RequestId => r.request_id.is_some(),
        Fact::HostId => r.cx.host_id.is_some(),
        Fact::RetryAfterSeconds | Fact::RetryAt => f.retry_after.is_some(),
        Fact::Created => f.created.is_some(),
        Fact::ValidationErrors => !f.validation_errors.is_empty(),
        Fact::Namespace => r.namespace().is_some(),
        Fact::Instance => r.cx.instance.is_some() || f.instance.is_some(),
        Fact::Title
        | Fact::QueryCode
        | Fact::TypeName
        | Fact::Status
        | Fact::ReasonPhrase
        | Fact::ErrType(_)
        | Fact::Message
        | Fact::HeatMessage
        | Fact::WebObDetail
        | Fact::PlacementCode
        | Fact::LoadBalancerNamespace
        | Fact::ProblemType => true,
    }
}

/// Whether a place holding `fact` is written.
#[inline]
fn wanted(r: &Render<'_>, fact: Option<Fact>, when: When) -> bool {
    let present = || fact.is_none_or(|fact| present(r, fact));
    match when {
        When::Always => true,
        When::Present => present(),
        When::NonEmpty => r.message.as_str() != Some(""),
        When::OverLimit => present() && matches!(r.fault.status.as_u16(), 413 | 429),
        When::PayloadTooLarge => present() && r.fault.status.as_u16() == 413,
        When::Has(fact) => self::present(r, fact),
        When::ReadOnly => false,
        When::Microversion(at_least) => r.cx.microversion.is_some_and(|v| v >= at_least),
    }
}

/// The `<Type>` word.
fn err_word(fault: &Fault<'_>, server: ServerWord) -> &'static str {
    match fault.err_type {
        Some(word) => word.as_str(),
        None if fault.status.as_u16() >= 500 => match server {
            ServerWord::Receiver => ErrType::Receiver.as_str(),
            ServerWord::Server => ErrType::Server.as_str(),
        },
        None => ErrType::Sender.as_str(),
    }
}

/// Writes a fact as text into `sink`; an absent fact writes nothing.
fn write_fact(r: &Render<'_>, fact: Fact, sink: &mut impl Sink) {
    let f = r.fault;
    match fact {
        Fact::Title => sink.str(&f.title),
        Fact::QueryCode => sink.str(f.query_code.as_deref().unwrap_or(&f.title)),
        Fact::TypeName => {
            // Only a Smithy shape namespace (`aws.protocoltests.json10`) prefixes the name; an
            // XML namespace URI would be cut at its first `:` by every client.
            if let Some(ns) = r.namespace().filter(|ns| !ns.contains([':', '/', '#'])) {
                sink.str(ns);
                sink.str("#");
            }
            sink.str(&f.title);
        }
        Fact::Status => sink.str(itoa::Buffer::new().format(f.status.as_u16())),
        Fact::ReasonPhrase => sink.str(f.status.canonical_reason().unwrap_or(&f.title)),
        Fact::ErrType(server) => sink.str(err_word(f, server)),
        Fact::Message => sink.text(&r.message),
        Fact::HeatMessage => {
            sink.text(&r.message);
            if let Some(details) = &f.details {
                sink.str(":");
                sink.text(details);
            }
        }
        Fact::WebObDetail => super::apiwg::webob_detail(r, &mut |piece| match piece {
            super::apiwg::Piece::Str(text) => sink.str(text),
            super::apiwg::Piece::Message => sink.text(&r.message),
        }),
        Fact::Details => {
            if let Some(details) = &f.details {
                sink.text(details);
            }
        }
        Fact::Code => {
            if let Some(code) = &f.code {
                sink.str(code);
            }
        }
        Fact::PlacementCode => {
            sink.str(f.code.as_deref().unwrap_or(super::apiwg::UNDEFINED_CODE));
        }
        Fact::RequestId => {
            if let Some(id) = &r.request_id {
                sink.str(id);
            }
        }
        Fact::HostId => {
            if let Some(host_id) = &r.cx.host_id {
                sink.str(host_id);
            }
        }
        Fact::RetryAfterSeconds => {
            if let Some(retry_after) = f.retry_after {
                sink.str(itoa::Buffer::new().format(retry_after_seconds(retry_after)));
            }
        }
        Fact::RetryAt => {
            if let Some(retry_after) = f.retry_after {
                sink.str(&dates::iso8601(retry_at(retry_after)));
            }
        }
        Fact::Created => {
            if let Some(created) = &f.created {
                sink.text(created);
            }
        }
        Fact::ValidationErrors => {}
        Fact::Namespace => {
            if let Some(ns) = r.namespace() {
                sink.str(ns);
            }
        }
        Fact::LoadBalancerNamespace => {
            sink.str(r.namespace().unwrap_or(super::openstack::LOAD_BALANCER_NS));
        }
        Fact::ProblemType => match (&f.problem_type, r.namespace()) {
            (Some(uri), _) => sink.str(uri),
            (None, Some(ns)) => {
                sink.str(ns);
                sink.str(&f.title);
            }
            (None, None) => sink.str("about:blank"),
        },
        Fact::Instance => match (&r.cx.instance, &f.instance) {
            (Some(instance), _) => sink.str(instance),
            (None, Some(instance)) => sink.text(instance),
            (None, None) => {}
        },
    }
}

/// A fact that is a number.
fn number(r: &Render<'_>, fact: Fact) -> u64 {
    match fact {
        Fact::RetryAfterSeconds => r.fault.retry_after.map_or(0, retry_after_seconds),
        _ => u64::from(r.fault.status.as_u16()),
    }
}

/// Seconds until a client may retry, for bodies and headers that carry a number.
pub(crate) fn retry_after_seconds(retry_after: RetryAfter) -> u64 {
    match retry_after {
        RetryAfter::Seconds(seconds) => seconds,
        RetryAfter::At(at) => at
            .duration_since(SystemTime::now())
            .map_or(0, |wait| wait.as_secs()),
    }
}

/// The moment a client may retry.
fn retry_at(retry_after: RetryAfter) -> SystemTime {
    match retry_after {
        RetryAfter::At(at) => at,
        RetryAfter::Seconds(seconds) => {
            let now = SystemTime::now();
            now.checked_add(std::time::Duration::from_secs(seconds))
                .unwrap_or(now)
        }
    }
}

// ---- JSON ----

/// The fact a JSON value holds, for its `when`.
fn json_fact(node: &Json) -> Option<Fact> {
    match node {
        Json::Text(fact) | Json::Number(fact) | Json::Texts(fact) => Some(*fact),
        _ => None,
    }
}

fn json_node(r: &Render<'_>, node: &Json, out: &mut Vec<u8>, how: Values) {
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
    super::shape::json_reserved(items, name, r.fault.message_member.as_deref())
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

// ---- XML ----

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

fn xml_node(r: &Render<'_>, node: &Xml, out: &mut Vec<u8>, values: XmlValues) {
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
                        if !super::shape::xml_reserved(
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

// ---- headers ----

fn headers(r: &Render<'_>, out: &mut Out) {
    let shape = r.shape;
    let content_type = match (r.encoding, &shape.json, &shape.xml) {
        (Encoding::Xml, _, Some(xml)) | (Encoding::Json, None, Some(xml)) => Some(xml.content_type),
        (_, Some(json), _) => Some(json.content_type),
        (_, None, None) => None,
    };
    if let Some(content_type) = content_type {
        out.headers.insert(CONTENT_TYPE, content_type());
    }
    let fault = r.fault;
    for header in shape.headers {
        match header {
            Header::RequestId(names) => out.request_id(r, names),
            Header::Title(name) => out.header(name(), &fault.title),
            Header::HostId(name) => {
                if let Some(host_id) = &r.cx.host_id {
                    out.header(name(), host_id);
                }
            }
            Header::QueryError => {
                if fault.query_compatible || r.cx.query_compatible {
                    let side = if fault.err_type().is_server_side() {
                        ErrType::Receiver
                    } else {
                        ErrType::Sender
                    };
                    let code = fault.query_code.as_deref().unwrap_or(&fault.title);
                    out.header(
                        (super::shape::hn!("x-amzn-query-error"))(),
                        &format!("{code};{}", side.as_str()),
                    );
                }
            }
            Header::Fixed(name, value) => {
                out.headers.append(name(), value());
            }
            Header::Challenge => super::openstack::challenge(r, out),
            Header::ApiVersion => super::apiwg::api_version(r, out),
            Header::ContentLanguage => {
                if let Some(language) = &fault.language {
                    out.header(http::header::CONTENT_LANGUAGE, language);
                }
            }
        }
    }
    if let Some(retry_after) = fault.retry_after {
        let value = match (shape.retry_after, retry_after) {
            (RetryForm::SecondsOrDate, RetryAfter::At(at)) => dates::format(at),
            (_, retry_after) => retry_after_seconds(retry_after).to_string(),
        };
        out.header(RETRY_AFTER, &value);
    }
    if shape.header_members {
        for member in &fault.members {
            let (Some(name), Some(value)) = (&member.header, header_text(&member.value)) else {
                continue;
            };
            if let Ok(name) = HeaderName::from_bytes(name.as_bytes()) {
                out.header(name, &value);
            }
        }
    }
    if shape.title_is_reason && is_reason_phrase(&fault.title) {
        out.reason = Some(fault.title.as_ref().into());
    }
}

/// A member's value as a header carries it (Smithy's HTTP bindings): a timestamp as an HTTP
/// date, a list as its items joined by `, `.
fn header_text<'v>(value: &'v crate::Value<'_>) -> Option<Cow<'v, str>> {
    value.to_text()
}

/// Whether `text` may stand in a status line: visible ASCII and spaces.
fn is_reason_phrase(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b == b' ' || b == b'\t' || b.is_ascii_graphic())
}

/// The status a response in this shape is sent with: the awsQuery status where the fault has
/// one of its own and the format is awsQuery, else the fault's.
pub(crate) fn status(fault: &Fault<'_>, shape: &Shape) -> StatusCode {
    match fault.query_status {
        Some(status) if shape.query_status => status,
        _ => fault.status,
    }
}
