//! Reading any error response back into a [`Fault`]: the headers' hints, the body's family
//! (`detect.rs`, as botocore and openstacksdk tell them apart), the format's declared shape
//! walked back (`extract.rs`), and the fallbacks when no family claims the body.

use super::detect::{json_fault, xml_fault};
use super::limits::ParseLimits;
use super::read::{Element, Json};
use crate::{ErrType, Fault, Format, Member, RetryAfter, Text};
use http::{HeaderMap, StatusCode};
use std::borrow::Cow;

/// What the headers of a response say about its fault, borrowed from the headers: a string
/// is copied only when it goes into the fault.
#[derive(Default)]
pub(crate) struct Hints<'h> {
    /// The content type as sent.
    pub(crate) content_type: &'h str,
    /// The media type among those detection asks about, read from it once.
    pub(crate) media: Media,
    /// `X-Amzn-Errortype`, cleaned as a code.
    pub(crate) errortype: Option<&'h str>,
    /// `x-amzn-query-error: Code;Type`, read as botocore does: exactly two parts, a code.
    pub(crate) query_error: Option<(&'h str, &'h str)>,
    pub(crate) request_id: Option<&'h str>,
    pub(crate) host_id: Option<&'h str>,
    pub(crate) retry_after: Option<RetryAfter>,
    pub(crate) language: Option<&'h str>,
    /// `OpenStack-API-Version` names placement.
    pub(crate) placement: bool,
}

/// The media types that tell families apart, each matched as a prefix of the content type
/// (ASCII case ignored), as clients match them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Media {
    AmzJson10,
    AmzJson11,
    Json,
    ProblemJson,
    ProblemXml,
    TextXml,
    #[default]
    Other,
}

impl Media {
    fn of(content_type: &str) -> Media {
        const KNOWN: [(&str, Media); 6] = [
            ("application/x-amz-json-1.0", Media::AmzJson10),
            ("application/x-amz-json-1.1", Media::AmzJson11),
            ("application/json", Media::Json),
            ("application/problem+json", Media::ProblemJson),
            ("application/problem+xml", Media::ProblemXml),
            ("text/xml", Media::TextXml),
        ];
        let bytes = content_type.as_bytes();
        KNOWN
            .iter()
            .find(|(prefix, _)| {
                bytes
                    .get(..prefix.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
            })
            .map_or(Media::Other, |(_, media)| *media)
    }
}

/// The `x-` headers this crate reads itself; every other `x-` header of a response is kept as
/// a header member (Smithy's `@httpHeader` members, `X-Header` in its tests), and so are
/// `Allow` and `WWW-Authenticate`.
const READ_HEADERS: &[&str] = &[
    "x-amzn-errortype",
    "x-amzn-query-error",
    "x-amzn-requestid",
    "x-amz-request-id",
    "x-amz-id-2",
    "x-openstack-request-id",
    "x-compute-request-id",
    "x-request-id",
];

impl<'h> Hints<'h> {
    /// Reads the headers in one pass: a response carries a handful, and matching each name
    /// once costs less than looking up every name the parser knows.
    fn from_headers(headers: &'h HeaderMap, members: &mut Vec<Member<'static>>) -> Self {
        let mut hints = Hints::default();
        // The request id headers in order of preference; the first present wins.
        let mut request_id: [Option<&'h str>; 5] = [None; 5];
        for (name, value) in headers {
            let Ok(value) = value.to_str() else { continue };
            // Header values are visible ASCII: an ASCII trim is the whole trim.
            let value = value.trim_ascii();
            match name.as_str() {
                "content-type" => {
                    hints.content_type = value;
                    hints.media = Media::of(value);
                }
                "x-amzn-errortype" => {
                    hints.errortype = Some(sanitize_code(value)).filter(|c| !c.is_empty());
                }
                "x-amzn-query-error" => {
                    let mut parts = value.split(';');
                    if let (Some(code), Some(kind), None) =
                        (parts.next(), parts.next(), parts.next())
                        && !code.is_empty()
                    {
                        hints.query_error = Some((code, kind));
                    }
                }
                "x-amzn-requestid" => request_id[0] = Some(value),
                "x-amz-request-id" => request_id[1] = Some(value),
                "x-openstack-request-id" => request_id[2] = Some(value),
                "x-compute-request-id" => request_id[3] = Some(value),
                "x-request-id" => request_id[4] = Some(value),
                "x-amz-id-2" => hints.host_id = Some(value).filter(|id| !id.is_empty()),
                "retry-after" => hints.retry_after = parse_retry_after(value),
                "content-language" => hints.language = Some(value).filter(|l| !l.is_empty()),
                "openstack-api-version" => {
                    hints.placement = value
                        .as_bytes()
                        .windows(9)
                        .any(|w| w.eq_ignore_ascii_case(b"placement"));
                }
                // The two headers HTTP makes part of an error (a 405's methods, a 401's
                // challenge) are the error's members too, as a custom `x-` header is.
                other @ ("allow" | "www-authenticate") => {
                    members.push(
                        Member::new(other.to_owned(), value.to_owned()).in_header(other.to_owned()),
                    );
                }
                other if other.starts_with("x-") && !READ_HEADERS.contains(&other) => {
                    members.push(
                        Member::new(other.to_owned(), value.to_owned()).in_header(other.to_owned()),
                    );
                }
                _ => {}
            }
        }
        hints.request_id = request_id.into_iter().flatten().find(|id| !id.is_empty());
        hints
    }
}

/// An AWS error code as clients read it: cut at the first `:` (`Name:http://…`), then what
/// follows the last `#` (`namespace#Name`).
pub(crate) fn sanitize_code(code: &str) -> &str {
    split_type(code).1
}

/// A `__type` split as clients read it: the namespace before the last `#` of the part before
/// the first `:`, if any, and the code after it, trimmed. One pass over the bytes: both
/// separators are ASCII, so the cuts fall on char boundaries.
pub(crate) fn split_type(text: &str) -> (Option<&str>, &str) {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    let mut hash = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b':' => {
                end = i;
                break;
            }
            b'#' => hash = Some(i),
            _ => {}
        }
    }
    let (namespace, code) = match hash {
        Some(hash) => (Some(&text[..hash]), &text[hash + 1..end]),
        None => (None, &text[..end]),
    };
    // Most codes have nothing to trim: their ends are visible ASCII.
    let code = match (code.as_bytes().first(), code.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => code,
        _ => code.trim(),
    };
    (namespace, code)
}

/// `Retry-After`: seconds, or an HTTP date.
fn parse_retry_after(value: &str) -> Option<RetryAfter> {
    value
        .parse::<u64>()
        .ok()
        .map(RetryAfter::Seconds)
        .or_else(|| super::dates::parse(value).map(RetryAfter::At))
}

/// A parsed fault named `title`, in `format`, with no side at fault said and an empty
/// message until the body gives one (a body without a message has none, as botocore reads
/// it).
pub(crate) fn parsed(
    status: StatusCode,
    title: impl Into<Cow<'static, str>>,
    format: Format,
) -> Fault<'static> {
    let mut fault = Fault::new(status, title);
    fault.format = Some(format);
    fault.message = Text::from("");
    fault
}

/// Reads any error response into a fault; see [`Fault::parse`].
pub(crate) fn parse(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    limits: &ParseLimits,
) -> Fault<'static> {
    let body = &body[..body.len().min(limits.max_body)];
    // Valid UTF-8 (the common case) is checked by the fast validator and borrowed.
    let mut text = match std::str::from_utf8(body) {
        Ok(valid) => Cow::Borrowed(valid),
        Err(_) => String::from_utf8_lossy(body),
    };
    // Each invalid byte decodes to a three-byte U+FFFD: cut again, so the text kept (and every
    // message taken from it) stays within the limit too.
    if text.len() > limits.max_body {
        let end = (0..=limits.max_body)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        text.to_mut().truncate(end);
    }
    let mut header_members = Vec::new();
    let hints = Hints::from_headers(headers, &mut header_members);
    // A body that starts with its first bracket (as every renderer writes it) needs no trim.
    let start = match text.as_bytes().first() {
        Some(b'{' | b'<' | b'[') => &*text,
        _ => text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}'),
    };
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
        fault.request_id = Some(id.to_owned().into());
    }
    if fault.retry_after.is_none() {
        fault.retry_after = hints.retry_after;
    }
    if let Some(language) = hints.language {
        fault.language = Some(Cow::Owned(language.to_owned()));
    }
    if let Some(host_id) = hints.host_id {
        match fault.members.iter_mut().find(|m| m.name == "HostId") {
            Some(member) if headers_win => member.value = host_id.to_owned().into(),
            Some(_) => {}
            None => fault
                .members
                .push(Member::new("HostId", host_id.to_owned())),
        }
    }
    fault.members.append(&mut header_members);
    fault.raw = Some(text.into());
    fault
}

/// Whether a body is an HTML page (a proxy's or framework's error page).
pub(crate) fn is_html(text: &str) -> bool {
    let head = text
        .get(..text.len().min(15))
        .unwrap_or("")
        .to_ascii_lowercase();
    head.starts_with("<html") || head.starts_with("<!doctype html")
}

/// A fault with what the headers and status say: the code from `x-amzn-query-error` or
/// `X-Amzn-Errortype` when sent, else the status number (as botocore names it).
pub(crate) fn fallback(status: StatusCode, hints: &Hints) -> Fault<'static> {
    let query_code = hints.query_error.map(|(code, _)| code);
    let code = hints.errortype.or(query_code);
    let mut fault = match code {
        Some(code) => Fault::new(status, code.to_owned()),
        None => Fault::new(status, status.as_str().to_owned()),
    };
    fault.query_code = query_code.map(|code| Cow::Owned(code.to_owned()));
    if let Some(word) = hints
        .query_error
        .as_ref()
        .and_then(|(_, t)| ErrType::from_word(t))
    {
        fault.err_type = Some(word);
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
