//! Reading any error response back into a [`Fault`]: the headers' hints, the body's family,
//! and the fallbacks when no family claims it.

use super::limits::ParseLimits;
use super::read::{Element, Json};
use super::{apiwg, aws, openstack, problem};
use crate::{ErrType, Fault, Format, RetryAfter};
use http::{HeaderMap, StatusCode};
use std::borrow::Cow;

/// What the headers of a response say about its fault.
#[derive(Default)]
pub(crate) struct Hints {
    /// The content type, lowercased.
    pub(crate) content_type: String,
    /// `X-Amzn-Errortype`, cleaned as a code.
    pub(crate) errortype: Option<String>,
    /// `x-amzn-query-error: Code;Type`, read as botocore does: exactly two parts, a code.
    pub(crate) query_error: Option<(String, String)>,
    pub(crate) request_id: Option<String>,
    pub(crate) host_id: Option<String>,
    pub(crate) retry_after: Option<RetryAfter>,
    /// `OpenStack-API-Version` names placement.
    pub(crate) placement: bool,
}

/// The headers read, as `HeaderName`s built at compile time: looking one up by `&str` would
/// parse and validate the name on every call, the larger part of a parse's time.
mod names {
    use http::HeaderName;

    pub(super) const CONTENT_TYPE: HeaderName = http::header::CONTENT_TYPE;
    pub(super) const ERRORTYPE: HeaderName = HeaderName::from_static("x-amzn-errortype");
    pub(super) const QUERY_ERROR: HeaderName = HeaderName::from_static("x-amzn-query-error");
    pub(super) const REQUEST_IDS: [HeaderName; 5] = [
        HeaderName::from_static("x-amzn-requestid"),
        HeaderName::from_static("x-amz-request-id"),
        HeaderName::from_static("x-openstack-request-id"),
        HeaderName::from_static("x-compute-request-id"),
        HeaderName::from_static("x-request-id"),
    ];
    pub(super) const HOST_ID: HeaderName = HeaderName::from_static("x-amz-id-2");
    pub(super) const RETRY_AFTER: HeaderName = http::header::RETRY_AFTER;
    pub(super) const API_VERSION: HeaderName = HeaderName::from_static("openstack-api-version");
}

impl Hints {
    fn from_headers(headers: &HeaderMap) -> Self {
        let get = |name: &http::HeaderName| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
        };
        Hints {
            content_type: get(&names::CONTENT_TYPE).unwrap_or("").to_ascii_lowercase(),
            errortype: get(&names::ERRORTYPE)
                .map(|code| aws::sanitize_code(code).to_owned())
                .filter(|code| !code.is_empty()),
            query_error: get(&names::QUERY_ERROR).and_then(|value| {
                let mut parts = value.split(';');
                match (parts.next(), parts.next(), parts.next()) {
                    (Some(code), Some(kind), None) if !code.is_empty() => {
                        Some((code.to_owned(), kind.to_owned()))
                    }
                    _ => None,
                }
            }),
            request_id: names::REQUEST_IDS
                .iter()
                .find_map(get)
                .filter(|id| !id.is_empty())
                .map(str::to_owned),
            host_id: get(&names::HOST_ID)
                .filter(|id| !id.is_empty())
                .map(str::to_owned),
            retry_after: get(&names::RETRY_AFTER).and_then(parse_retry_after),
            placement: get(&names::API_VERSION)
                .is_some_and(|v| v.to_ascii_lowercase().contains("placement")),
        }
    }
}

/// `Retry-After`: seconds, or an HTTP date.
fn parse_retry_after(value: &str) -> Option<RetryAfter> {
    value
        .parse::<u64>()
        .ok()
        .map(RetryAfter::Seconds)
        .or_else(|| httpdate::parse_http_date(value).ok().map(RetryAfter::At))
}

/// A parsed fault named `title`, in `format`, with Heat's err_type for its status and an
/// empty message until the body gives one (a body without a message has none, as botocore
/// reads it).
pub(crate) fn parsed(
    status: StatusCode,
    title: impl Into<Cow<'static, str>>,
    format: Format,
) -> Fault<'static> {
    Fault::new(status, title)
        .with_format(format)
        .with_message("")
}

/// Reads any error response into a fault; see [`Fault::parse`].
pub(crate) fn parse(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    limits: &ParseLimits,
) -> Fault<'static> {
    let body = &body[..body.len().min(limits.max_body)];
    let mut text = String::from_utf8_lossy(body);
    // Each invalid byte decodes to a three-byte U+FFFD: cut again, so the text kept (and every
    // message taken from it) stays within the limit too.
    if text.len() > limits.max_body {
        let end = (0..=limits.max_body)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        text.to_mut().truncate(end);
    }
    let hints = Hints::from_headers(headers);
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let found = match start.as_bytes().first() {
        None => None,
        Some(b'{' | b'[') => Json::parse(start).and_then(|json| json_fault(status, &json, &hints)),
        Some(b'<') if is_html(start) => None,
        Some(b'<') => {
            Element::parse(start, limits).and_then(|root| xml_fault(status, &root, &hints))
        }
        Some(_) => None,
    };
    let mut fault = found.unwrap_or_else(|| unrecognised(status, &hints, start));
    // S3 repeats its ids in headers and body; clients read the headers (botocore drops the
    // body's copies), so there the headers win. Elsewhere they fill what the body lacks.
    let headers_win = fault.format == Some(Format::S3);
    if let Some(id) = hints
        .request_id
        .filter(|_| headers_win || fault.request_id.is_none())
    {
        fault.request_id = Some(id.into());
    }
    if fault.retry_after.is_none() {
        fault.retry_after = hints.retry_after;
    }
    if let Some(host_id) = hints.host_id {
        match fault.extras.iter_mut().find(|e| e.name == "HostId") {
            Some(extra) if headers_win => extra.value = host_id.into(),
            Some(_) => {}
            None => fault = fault.with_extra("HostId", host_id),
        }
    }
    fault.raw = Some(text.into());
    fault
}

fn json_fault(status: StatusCode, json: &Json<'_>, hints: &Hints) -> Option<Fault<'static>> {
    if !json.is_object() {
        return None;
    }
    let aws_hint =
        hints.errortype.is_some() || hints.query_error.is_some() || json.get("__type").is_some();
    let aws_code = json.get("title").is_none()
        && json
            .get_any(&["code", "Code"])
            .and_then(Json::as_str)
            .is_some_and(|c| !c.starts_with(|d: char| d.is_ascii_digit()));
    let aws = || {
        if aws_hint || aws_code {
            aws::from_json(status, json, hints)
        } else {
            None
        }
    };
    // `__type` and the AWS headers settle it before any shape does (CloudSearch bodies carry
    // an unrelated `errors` list beside `__type`).
    (if aws_hint { aws() } else { None })
        .or_else(|| apiwg::from_json(status, json, hints))
        .or_else(|| openstack::keystone_from_json(status, json))
        .or_else(|| openstack::neutron_from_json(status, json))
        .or_else(aws)
        .or_else(|| problem::from_json(status, json, hints))
        .or_else(|| openstack::webob_from_json(status, json))
        .or_else(|| openstack::load_balancer_from_json(status, json))
        .or_else(|| openstack::wsme_from_json(status, json))
        .or_else(|| openstack::from_json(status, json))
        .or_else(|| {
            // A bare `{"message": …}` (restJson without its header, flat WebOb): keep the text.
            let message = json.get_any(&["message", "Message"])?.text()?;
            Some(fallback(status, hints).with_message(message.into_owned()))
        })
}

fn xml_fault(status: StatusCode, root: &Element, hints: &Hints) -> Option<Fault<'static>> {
    aws::from_xml(status, root, hints).or_else(|| openstack::from_xml(status, root))
}

/// Whether a body is an HTML page (a proxy's or framework's error page).
fn is_html(text: &str) -> bool {
    let head = text
        .get(..text.len().min(15))
        .unwrap_or("")
        .to_ascii_lowercase();
    head.starts_with("<html") || head.starts_with("<!doctype html")
}

/// A fault with what the headers and status say: the code from `x-amzn-query-error` or
/// `X-Amzn-Errortype` when sent, else the status number (as botocore names it).
fn fallback(status: StatusCode, hints: &Hints) -> Fault<'static> {
    let code = hints
        .query_error
        .as_ref()
        .map(|(code, _)| code.clone())
        .or_else(|| hints.errortype.clone());
    let mut fault = match code {
        Some(code) => Fault::new(status, code),
        None => Fault::new(status, status.as_str().to_owned()),
    };
    if let Some(word) = hints
        .query_error
        .as_ref()
        .and_then(|(_, t)| ErrType::from_word(t))
    {
        fault.err_type = word;
    }
    fault
}

/// A body no family claims: an empty body or an HTML page keeps the reason phrase as its
/// message; any other text becomes the message, so nothing the server said is lost.
fn unrecognised(status: StatusCode, hints: &Hints, text: &str) -> Fault<'static> {
    let fault = fallback(status, hints);
    if !text.trim().is_empty() && !is_html(text) {
        fault.with_message(text.trim_end().to_owned())
    } else if hints.errortype.is_some() || hints.query_error.is_some() {
        // The headers named the error and the body said nothing: there is no message.
        fault.with_message("")
    } else {
        fault
    }
}
