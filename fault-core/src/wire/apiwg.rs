//! The OpenStack API working group's errors guideline, and Placement's dialect of it.
//!
//! `{"errors": [{…}]}` written as Python's `json.dumps` does. The guideline's member order is
//! request_id, code, status, title, detail; Placement's is status, title, detail, code,
//! request_id, with the reason phrase as title, WebOb's text around the detail, and the code
//! only from microversion 1.23.

use super::json::{self, PYTHON};
use super::{Out, Render};
use crate::{Format, Microversion, Text};

/// The first microversion whose errors carry a `code`.
const CODE_MICROVERSION: Microversion = Microversion::new(1, 23);

/// Placement's code for an error that has none of its own.
const UNDEFINED_CODE: &str = "placement.undefined_code";

pub(crate) fn render(format: Format, r: &Render<'_>, out: &mut Out) {
    if format == Format::Placement {
        placement(r, out);
    } else if out.body_wanted {
        guideline(r, &mut out.body);
    }
    out.content_type(header_value!("application/json"));
    out.request_id(r, &[header_name!("x-openstack-request-id")]);
}

fn guideline(r: &Render<'_>, body: &mut Vec<u8>) {
    let fault = r.fault;
    body.extend_from_slice(b"{\"errors\": [");
    let mut error = json::Object::open(body, PYTHON);
    if let Some(id) = r.request_id_text() {
        error.text("request_id", &id);
    }
    if let Some(code) = &fault.code {
        error.str("code", code);
    }
    error.number("status", u64::from(fault.status.as_u16()));
    error.text("title", &Text::from(&*fault.title));
    error.text("detail", &r.message);
    error.close();
    body.extend_from_slice(b"]}");
}

fn placement(r: &Render<'_>, out: &mut Out) {
    let fault = r.fault;
    let status = fault.status.as_u16();
    out.body.extend_from_slice(b"{\"errors\": [");
    let mut error = json::Object::open(&mut out.body, PYTHON);
    error.number("status", u64::from(status));
    let title = fault.status.canonical_reason().unwrap_or(&fault.title);
    error.str("title", title);
    let detail = error.key("detail");
    detail.push(b'"');
    webob_detail(r, detail);
    detail.push(b'"');
    if r.cx.microversion.is_some_and(|v| v >= CODE_MICROVERSION) {
        error.str("code", fault.code.as_deref().unwrap_or(UNDEFINED_CODE));
    }
    if let Some(id) = r.request_id_text() {
        error.text("request_id", &id);
    }
    error.close();
    out.body.extend_from_slice(b"]}");
    if out.wants_headers() {
        let version = r.cx.microversion.unwrap_or(Microversion::new(1, 0));
        out.header(
            header_name!("openstack-api-version"),
            &format!("placement {version}"),
        );
        out.header(http::header::VARY, "openstack-api-version");
    }
}

/// WebOb's plain body around the message, which Placement sends as `detail` after stripping
/// its tags: `explanation`, a blank line, a space, the message and two spaces. Four statuses
/// fill in the request instead. (WebOb also strips tags from the message; the message is sent
/// as written here.)
fn webob_detail(r: &Render<'_>, out: &mut Vec<u8>) {
    let status = r.fault.status.as_u16();
    let method = r.cx.method.as_ref().map_or("GET", http::Method::as_str);
    let escape = |out: &mut Vec<u8>, text: &str| json::escape(out, text, true);
    let message = |out: &mut Vec<u8>| {
        let _ = r.message.write_to(&mut AsciiJson(out));
    };
    match status {
        405 => {
            escape(
                out,
                &format!("The method {method} is not allowed for this resource. \n\n "),
            );
            message(out);
        }
        406 => {
            // WebOb writes the header as received, where no control character can be. One in
            // an `Accept` set in code becomes a space, so the detail's first blank line stays
            // the one before the message and the message reads back.
            let accept: String =
                r.cx.accept
                    .as_deref()
                    .unwrap_or("*/*")
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
            escape(
                out,
                &format!(
                    "The resource could not be generated that was acceptable to your browser (content of type {accept}. \n\n "
                ),
            );
            message(out);
        }
        501 => {
            escape(
                out,
                &format!(" The request method {method} is not implemented for this server. \n\n "),
            );
            message(out);
        }
        _ => {
            let explanation = webob_explanation(status)
                .or(r.fault.status.canonical_reason())
                .unwrap_or("");
            escape(out, explanation);
            escape(out, "\n\n ");
            message(out);
            escape(out, "  ");
        }
    }
}

struct AsciiJson<'o>(&'o mut Vec<u8>);

impl core::fmt::Write for AsciiJson<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        json::escape(self.0, s, true);
        Ok(())
    }
}

/// The `explanation` of WebOb's exception class for `status` (WebOb 1.8).
fn webob_explanation(status: u16) -> Option<&'static str> {
    Some(match status {
        400 | 415 => {
            "The server could not comply with the request since it is either malformed or otherwise incorrect."
        }
        401 => {
            "This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required."
        }
        402 => "Access was denied for financial reasons.",
        403 => "Access was denied to this resource.",
        404 => "The resource could not be found.",
        407 => "Authentication with a local proxy is needed.",
        408 => "The server has waited too long for the request to be sent by the client.",
        409 => "There was a conflict when trying to complete your request.",
        410 => "This resource is no longer available. No forwarding address is given.",
        411 => "Content-Length header required.",
        412 => "Request precondition failed.",
        413 => "The body of your request was too large for this server.",
        414 => "The request URI was too long for this server.",
        416 => "The Range requested is not available.",
        417 => "Expectation failed.",
        422 => "Unable to process the contained instructions",
        423 => "The resource is locked",
        424 => {
            "The method could not be performed because the requested action dependended on another action and that action failed"
        }
        428 => "This request is required to be conditional",
        429 => "The client has sent too many requests in a given amount of time",
        431 => "The request header fields were too large",
        451 => "The resource is not available due to legal reasons.",
        500 => "The server has either erred or is incapable of performing the requested operation.",
        502 => "Bad gateway.",
        503 => "The server is currently unavailable. Please try again at a later time.",
        504 => "The gateway has timed out.",
        505 => "The HTTP version is not supported.",
        507 => "There was not enough space to save the resource",
        511 => "Network authentication is required",
        _ => return None,
    })
}

#[cfg(feature = "parse")]
mod parsing;
#[cfg(feature = "parse")]
pub(crate) use parsing::*;
