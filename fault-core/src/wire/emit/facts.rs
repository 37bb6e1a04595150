//! The facts a declared place names, read from the fault and the request: whether each is
//! present, whether a place is written, and its text into a JSON string or XML text.

use super::Render;
use crate::wire::shape::{Fact, ServerWord, When};
use crate::wire::{dates, json, xml};
use crate::{ErrType, Fault, RetryAfter, Text};
use std::time::SystemTime;

/// Where a fact's text goes: inside a JSON string, or XML text or an attribute value, each
/// escaped as it must be.
pub(super) trait Sink {
    fn str(&mut self, text: &str);
    fn text(&mut self, text: &Text<'_>);
}

pub(super) struct JsonSink<'o> {
    pub(super) out: &'o mut Vec<u8>,
    pub(super) ascii: bool,
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
pub(super) struct XmlSink<'o>(pub(super) &'o mut Vec<u8>);

impl Sink for XmlSink<'_> {
    fn str(&mut self, text: &str) {
        xml::escape_text(self.0, text);
    }
    fn text(&mut self, text: &Text<'_>) {
        xml::text(self.0, text);
    }
}

/// An XML attribute value's inside.
pub(super) struct AttrSink<'o>(pub(super) &'o mut Vec<u8>);

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
pub(super) fn present(r: &Render<'_>, fact: Fact) -> bool {
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
        | Fact::Literal(_)
        | Fact::ProblemType => true,
    }
}

/// Whether a place holding `fact` is written.
#[inline]
pub(super) fn wanted(r: &Render<'_>, fact: Option<Fact>, when: When) -> bool {
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
pub(super) fn write_fact(r: &Render<'_>, fact: Fact, sink: &mut impl Sink) {
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
        Fact::ReasonPhrase => sink.str(crate::framework::webob_title(f.status).unwrap_or(&f.title)),
        Fact::ErrType(server) => sink.str(err_word(f, server)),
        Fact::Message => sink.text(&r.message),
        Fact::HeatMessage => {
            sink.text(&r.message);
            if let Some(details) = &f.details {
                sink.str(":");
                sink.text(details);
            }
        }
        Fact::WebObDetail => crate::wire::apiwg::webob_detail(r, &mut |piece| match piece {
            crate::wire::apiwg::Piece::Str(text) => sink.str(text),
            crate::wire::apiwg::Piece::Message => sink.text(&r.message),
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
            sink.str(
                f.code
                    .as_deref()
                    .unwrap_or(crate::wire::apiwg::UNDEFINED_CODE),
            );
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
        Fact::Literal(text) => sink.str(text),
        Fact::LoadBalancerNamespace => {
            sink.str(
                r.namespace()
                    .unwrap_or(crate::wire::openstack::LOAD_BALANCER_NS),
            );
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
pub(super) fn number(r: &Render<'_>, fact: Fact) -> u64 {
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
