//! The wire formats: one module per family, each holding its renderer (and its parser).
//!
//! Rendering resolves what every format shares once (the message that may be sent, the
//! request id checked as a header value, the negotiated encoding), then the family writes its
//! body into one pre-sized buffer and names its headers.

/// A `HeaderValue` from a literal, checked at compile time rather than on every response.
macro_rules! header_value {
    ($value:literal) => {{
        const VALUE: ::http::HeaderValue = ::http::HeaderValue::from_static($value);
        VALUE
    }};
}

/// A `HeaderName` from a literal, checked at compile time rather than on every response.
macro_rules! header_name {
    ($name:literal) => {{
        const NAME: ::http::HeaderName = ::http::HeaderName::from_static($name);
        NAME
    }};
}

pub(crate) mod apiwg;
pub(crate) mod aws;
pub(crate) mod cache;
pub(crate) mod http_date;
pub(crate) mod json;
#[cfg(feature = "parse")]
pub(crate) mod limits;
pub(crate) mod openstack;
#[cfg(feature = "parse")]
mod parse;
pub(crate) mod problem;
#[cfg(feature = "parse")]
pub(crate) mod read;
mod swar;
pub(crate) mod xml;

use crate::context::{is_valid_request_id, new_request_id};
use crate::{Context, Encoding, Fault, FaultSpec, Format, RetryAfter, Text, negotiate};
use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue, RETRY_AFTER};
use http::{HeaderMap, Response};
use std::borrow::Cow;
use std::time::SystemTime;

/// What a renderer reads: the fault, the request's context, and what was resolved for both.
pub(crate) struct Render<'f> {
    pub(crate) fault: &'f Fault<'f>,
    pub(crate) cx: &'f Context<'f>,
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
    fn new(fault: &'f Fault<'f>, format: Format, cx: &'f Context<'f>) -> Self {
        Render {
            fault,
            cx,
            message: message(fault, cx),
            request_id: request_id(fault.request_id.as_ref(), cx),
            encoding: encoding(format, cx),
        }
    }

    /// Where a kept body of this fault would be (see `cache`), if it can have one.
    fn slot(&self, format: Format) -> Option<cache::Slot<'_>> {
        let spec = self.fault.spec?;
        let reach = cache::reach(format, self.cx);
        cache::slot(
            spec,
            format,
            self.encoding,
            reach,
            self.request_id.as_deref(),
        )
    }
}

impl Render<'_> {
    /// The namespace: the context's override, else the fault's.
    pub(crate) fn namespace(&self) -> Option<&str> {
        self.cx
            .namespace
            .as_deref()
            .or(self.fault.namespace.as_deref())
    }

    /// The request id as a [`Text`].
    pub(crate) fn request_id_text(&self) -> Option<Text<'_>> {
        self.request_id.as_deref().map(Text::from)
    }
}

/// Appends what it is given as it is: a displayed value's pieces, which the JSON and XML
/// writers then scan once and escape only if they must.
pub(crate) struct RawWriter<'o>(pub(crate) &'o mut Vec<u8>);

impl core::fmt::Write for RawWriter<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// What a renderer writes: the body, and the headers and reason phrase unless only the body
/// is asked for ([`write_body`]), when building them would be wasted work.
pub(crate) struct Out {
    pub(crate) body: Vec<u8>,
    pub(crate) headers: HeaderMap,
    pub(crate) reason: Option<Box<str>>,
    headers_wanted: bool,
    /// Whether the body is written (not when it comes from the cache of fixed bodies).
    pub(crate) body_wanted: bool,
}

impl Out {
    /// Whether headers are wanted: a renderer checks before formatting a header value.
    pub(crate) fn wants_headers(&self) -> bool {
        self.headers_wanted
    }

    pub(crate) fn content_type(&mut self, value: HeaderValue) {
        if self.headers_wanted {
            self.headers.insert(CONTENT_TYPE, value);
        }
    }

    /// Adds a header whose value comes from data. Only visible ASCII, spaces and tabs are
    /// sent (no control characters, no obs-text a client cannot read as text); any other value
    /// is dropped rather than sent half-formed. The body still carries it, escaped.
    pub(crate) fn header(&mut self, name: HeaderName, value: &str) {
        if !self.headers_wanted {
            return;
        }
        let printable = value
            .bytes()
            .all(|b| b == b' ' || b == b'\t' || b.is_ascii_graphic());
        if let (true, Ok(value)) = (printable, HeaderValue::from_str(value)) {
            self.headers.append(name, value);
        }
    }

    /// Adds the request id under each of `names`.
    pub(crate) fn request_id(&mut self, r: &Render<'_>, names: &[HeaderName]) {
        if !self.headers_wanted {
            return;
        }
        // The id is a safe header value (`request_id` replaced it otherwise): checked once.
        let Some(Ok(value)) = r.request_id.as_deref().map(HeaderValue::from_str) else {
            return;
        };
        if let Some((last, rest)) = names.split_last() {
            for name in rest {
                self.headers.append(name.clone(), value.clone());
            }
            self.headers.append(last.clone(), value);
        }
    }
}

/// The encoding `format` is written in for this context: negotiated between JSON and XML for
/// the formats that have both, fixed for the rest.
pub(crate) fn encoding(format: Format, cx: &Context<'_>) -> Encoding {
    match *format.encodings() {
        [default, _, ..] => negotiate(cx.accept.as_deref(), default),
        [only, ..] => only,
        [] => Encoding::Json,
    }
}

/// Writes `fault` as `format` for the request `cx` describes.
pub(crate) fn render(fault: &Fault<'_>, format: Format, cx: &Context<'_>) -> Response<Bytes> {
    // Reborrowing with one lifetime keeps the renderers' signatures simple.
    let (fault, cx): (&Fault<'_>, &Context<'_>) = (fault, cx);
    let r = Render::new(fault, format, cx);
    let cached = r
        .slot(format)
        .and_then(|slot| slot.body(cx, |cx| fixed_body(fault, format, cx)));
    let mut out = Out {
        body: Vec::new(),
        headers: HeaderMap::new(),
        reason: None,
        headers_wanted: true,
        body_wanted: cached.is_none(),
    };
    render_into(&r, format, &mut out);
    if let Some(retry_after) = fault.retry_after {
        out.header(RETRY_AFTER, &retry_after_header(format, retry_after));
    }
    let body = cached.unwrap_or_else(|| Bytes::from(out.body));
    let mut response = Response::new(body);
    *response.status_mut() = fault.status;
    *response.headers_mut() = out.headers;
    if let Some(reason) = out.reason {
        response
            .extensions_mut()
            .insert(crate::ReasonPhrase(reason));
    }
    response
}

/// Appends the body `format` sends for `fault` to `buf`, and nothing else: no headers are
/// built. A fixed fault's body is copied from the cache.
pub(crate) fn write_body(fault: &Fault<'_>, format: Format, cx: &Context<'_>, buf: &mut Vec<u8>) {
    let (fault, cx): (&Fault<'_>, &Context<'_>) = (fault, cx);
    let r = Render::new(fault, format, cx);
    let kept = r
        .slot(format)
        .is_some_and(|slot| slot.append_body(cx, buf, |cx| fixed_body(fault, format, cx)));
    if !kept {
        write_resolved(&r, format, buf);
    }
}

/// [`write_body`] for a value whose variant's fault is fixed (`spec.plain`, a fixed message):
/// from the cache without building the fault, which `fault` builds only on a miss.
pub(crate) fn write_fixed_body<'f>(
    spec: &'static FaultSpec,
    fault: impl Fn() -> Fault<'f>,
    format: Format,
    cx: &Context<'_>,
    buf: &mut Vec<u8>,
) {
    // The fault of a fixed variant carries no request id of its own, and no header is built:
    // only a format whose body shows the context's id needs it resolved.
    let encoding = encoding(format, cx);
    let reach = cache::reach(format, cx);
    let request_id = match reach {
        cache::Reach::Nothing => None,
        cache::Reach::RequestId | cache::Reach::More => request_id(None, cx),
    };
    let kept = cache::slot(spec, format, encoding, reach, request_id.as_deref())
        .is_some_and(|slot| slot.append_body(cx, buf, |cx| fixed_body(&fault(), format, cx)));
    if !kept {
        let (fault, cx): (&Fault<'_>, &Context<'_>) = (&fault(), cx);
        let r = Render {
            fault,
            cx,
            message: message(fault, cx),
            request_id,
            encoding,
        };
        write_resolved(&r, format, buf);
    }
}

/// Appends the body of what `r` resolved, without the cache and without headers.
fn write_resolved(r: &Render<'_>, format: Format, buf: &mut Vec<u8>) {
    let mut out = Out {
        body: core::mem::take(buf),
        headers: HeaderMap::new(),
        reason: None,
        headers_wanted: false,
        body_wanted: true,
    };
    render_into(r, format, &mut out);
    *buf = out.body;
}

/// The body of a fixed fault, rendered for the cache: exactly what the uncached path writes.
fn fixed_body(fault: &Fault<'_>, format: Format, cx: &Context<'_>) -> Vec<u8> {
    let (fault, cx): (&Fault<'_>, &Context<'_>) = (fault, cx);
    let mut body = Vec::new();
    write_resolved(&Render::new(fault, format, cx), format, &mut body);
    body
}

/// The shared part of [`render`] and [`write_body`]: sizes the buffer once and hands over to
/// the format's family.
fn render_into(r: &Render<'_>, format: Format, out: &mut Out) {
    // A fresh (or full) buffer is sized once; a caller's buffer with room is used as it is.
    if out.body_wanted && out.body.capacity() == out.body.len() {
        out.body.reserve(size_hint(r));
    }
    let out = &mut *out;
    match format {
        Format::AwsQuery
        | Format::Heat
        | Format::Ec2Query
        | Format::AwsJson10
        | Format::AwsJson11
        | Format::AwsRestJson
        | Format::AwsRestXml
        | Format::S3 => aws::render(format, r, out),
        Format::OpenStack | Format::LoadBalancer | Format::Keystone | Format::Neutron => {
            openstack::render(format, r, out);
        }
        Format::ApiWg | Format::Placement => apiwg::render(format, r, out),
        Format::Problem => problem::render(r, out),
    }
}

/// Room for a body: the fixed markup of the largest format (Placement's WebOb text), the
/// strings the fault holds, and slack for escapes. A displayed message is guessed at, and the
/// buffer grows if it writes more.
fn size_hint(r: &Render<'_>) -> usize {
    let text = |t: &Text<'_>| t.as_str().map_or(64, str::len);
    let fault = r.fault;
    320 + 2 * fault.title.len()
        + text(&r.message)
        + fault.details.as_ref().map_or(0, text)
        + r.request_id.as_deref().map_or(0, str::len)
        + r.namespace().map_or(0, str::len)
        + fault.code.as_deref().map_or(0, str::len)
        + fault.created.as_ref().map_or(0, text)
        + fault
            .validation_errors
            .iter()
            .map(|e| text(e) + 24)
            .sum::<usize>()
        + fault
            .extras
            .iter()
            .map(|e| 2 * e.name.len() + text(&e.value) + 8)
            .sum::<usize>()
}

fn message<'f>(fault: &'f Fault<'_>, cx: &Context<'_>) -> Text<'f> {
    match fault.error {
        Some(error) if cx.expose_internal => Text::display(error),
        _ => fault.message.reborrow(),
    }
}

/// The fault's own request id, else the context's; one that is not a safe header value is
/// replaced by a fresh one.
fn request_id<'f>(own: Option<&'f Text<'_>>, cx: &'f Context<'_>) -> Option<Cow<'f, str>> {
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

/// `Retry-After`: seconds, or an IMF-fixdate. OpenStack's clients read only seconds
/// (novaclient and keystoneauth1 do `int(value)` and take 0 otherwise), so its formats send
/// the seconds left even for a date, as nova and cinder do.
fn retry_after_header(format: Format, retry_after: RetryAfter) -> String {
    let openstack = matches!(
        format,
        Format::OpenStack
            | Format::LoadBalancer
            | Format::Keystone
            | Format::Neutron
            | Format::ApiWg
            | Format::Placement
    );
    match retry_after {
        RetryAfter::Seconds(seconds) => seconds.to_string(),
        RetryAfter::At(_) if openstack => retry_after_seconds(retry_after).to_string(),
        RetryAfter::At(at) => http_date::format(at),
    }
}

/// Seconds until a client may retry, for bodies that carry a number.
pub(crate) fn retry_after_seconds(retry_after: RetryAfter) -> u64 {
    match retry_after {
        RetryAfter::Seconds(seconds) => seconds,
        RetryAfter::At(at) => at
            .duration_since(SystemTime::now())
            .map_or(0, |wait| wait.as_secs()),
    }
}

#[cfg(feature = "parse")]
pub(crate) use parse::{Hints, parse, parsed};
