//! Writing a fault by walking its format's [`Shape`]: the body (`emit/body.rs`, from the
//! facts `emit/facts.rs` reads), then the headers.
//!
//! What every format shares is resolved once per render ([`Render::new`]: the message that
//! may be sent, the request id checked as a header value, the negotiated encoding); the walk
//! then writes each declared place from the fact it names.

use super::dates;
use super::json::Values;
use super::shape::{Header, RetryForm, Shape};
use crate::context::{is_valid_request_id, new_request_id};
use crate::{Context, Encoding, ErrType, Fault, Member, RetryAfter, Text};
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue, RETRY_AFTER};
use http::{HeaderMap, StatusCode};
use std::borrow::Cow;

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
            body::xml_node(r, &xml.root, out, xml.values);
        }
        (_, Some(body), _) => {
            let values = Values {
                style: body.style,
                json_names: r.shape.json_names,
                epoch_seconds: body.epoch_seconds,
            };
            body::json_node(r, &body.root, out, values);
            if body.newline {
                out.push(b'\n');
            }
        }
        (_, None, None) => {}
    }
}

mod body;
mod facts;

pub(crate) use facts::retry_after_seconds;

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
            Header::ApiVersion(service) => super::apiwg::api_version(r, *service, out),
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
            // A header the format wrote above stays the format's (`unsent` reports the member).
            if let Ok(name) = HeaderName::from_bytes(name.as_bytes())
                && !out.headers.contains_key(&name)
                && !is_written_header(name.as_str())
            {
                out.header(name, &value);
            }
        }
    }
    if shape.title_is_reason && is_reason_phrase(&fault.title) {
        out.reason = Some(fault.title.as_ref().into());
    }
}

/// The headers this crate writes itself in some format; a header member is never sent in
/// one (the derive refuses such a member with the same list, in `valid/roles.rs`).
pub const WRITTEN_HEADERS: &[&str] = &[
    "content-type",
    "content-length",
    "transfer-encoding",
    "content-language",
    "vary",
    "x-amzn-requestid",
    "x-amz-request-id",
    "x-amz-id-2",
    "x-amzn-errortype",
    "x-amzn-query-error",
    "x-openstack-request-id",
    "x-compute-request-id",
    "x-request-id",
    "openstack-api-version",
    "x-openstack-nova-api-version",
];

/// Whether `name` (lowercase, as `HeaderName` keeps it) is one of [`WRITTEN_HEADERS`].
pub(crate) fn is_written_header(name: &str) -> bool {
    WRITTEN_HEADERS.iter().any(|h| h.eq_ignore_ascii_case(name))
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
