//! The wire formats: one module per family, each holding its renderer (and its parser).
//!
//! Rendering resolves what every format shares once (the message that may be sent, the
//! request id checked as a header value, the negotiated encoding), then the family writes its
//! body into one pre-sized buffer and names its headers.

pub(crate) mod apiwg;
pub(crate) mod aws;
pub(crate) mod json;
pub(crate) mod limits;
pub(crate) mod openstack;
mod parse;
pub(crate) mod problem;
pub(crate) mod read;
pub(crate) mod xml;

use crate::context::{is_valid_request_id, new_request_id};
use crate::{Context, Encoding, Fault, Format, RetryAfter, Text, negotiate};
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

/// What a renderer writes besides the body.
pub(crate) struct Out {
    pub(crate) body: Vec<u8>,
    pub(crate) headers: HeaderMap,
    pub(crate) reason: Option<Box<str>>,
}

impl Out {
    pub(crate) fn content_type(&mut self, value: &'static str) {
        self.headers
            .insert(CONTENT_TYPE, HeaderValue::from_static(value));
    }

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
    pub(crate) fn request_id(&mut self, r: &Render<'_>, names: &[&'static str]) {
        if let Some(id) = &r.request_id {
            for name in names {
                self.header(HeaderName::from_static(name), id);
            }
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
    let fault: &Fault<'_> = fault;
    let r = Render {
        fault,
        cx,
        message: message(fault, cx),
        request_id: request_id(fault, cx),
        encoding: encoding(format, cx),
    };
    let mut out = Out {
        body: Vec::with_capacity(256 + r.message.as_str().map_or(64, str::len)),
        headers: HeaderMap::new(),
        reason: None,
    };
    match format {
        Format::AwsQuery
        | Format::Heat
        | Format::Ec2Query
        | Format::AwsJson10
        | Format::AwsJson11
        | Format::AwsRestJson
        | Format::AwsRestXml
        | Format::S3 => aws::render(format, &r, &mut out),
        Format::OpenStack | Format::LoadBalancer | Format::Keystone | Format::Neutron => {
            openstack::render(format, &r, &mut out);
        }
        Format::ApiWg | Format::Placement => apiwg::render(format, &r, &mut out),
        Format::Problem => problem::render(&r, &mut out),
    }
    if let Some(retry_after) = fault.retry_after {
        out.header(RETRY_AFTER, &retry_after_header(format, retry_after));
    }
    let mut response = Response::new(Bytes::from(out.body));
    *response.status_mut() = fault.status;
    *response.headers_mut() = out.headers;
    if let Some(reason) = out.reason {
        response
            .extensions_mut()
            .insert(crate::ReasonPhrase(reason));
    }
    response
}

fn message<'f>(fault: &'f Fault<'_>, cx: &Context<'_>) -> Text<'f> {
    match fault.error {
        Some(error) if cx.expose_internal => Text::display(error),
        _ => fault.message.reborrow(),
    }
}

fn request_id<'f>(fault: &'f Fault<'_>, cx: &'f Context<'_>) -> Option<Cow<'f, str>> {
    let given = match &fault.request_id {
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
        RetryAfter::At(at) => httpdate::fmt_http_date(http_date_range(at)),
    }
}

/// `at` within the years an HTTP date can name (1970 to 9999), where `httpdate` would panic
/// outside them: a moment before 1970 is as past as 1970 (retry now), one after 9999 as far
/// off as the last second of 9999.
fn http_date_range(at: SystemTime) -> SystemTime {
    const LAST: std::time::Duration = std::time::Duration::from_secs(253_402_300_799);
    match at.duration_since(SystemTime::UNIX_EPOCH) {
        Err(_) => SystemTime::UNIX_EPOCH,
        Ok(since) if since > LAST => SystemTime::UNIX_EPOCH + LAST,
        Ok(_) => at,
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

pub(crate) use parse::{Hints, parse, parsed};
