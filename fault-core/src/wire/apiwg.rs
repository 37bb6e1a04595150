//! The OpenStack API working group's errors guideline, and Placement's dialect of it,
//! declared once each.
//!
//! `{"errors": [{…}, …]}` written as Python's `json.dumps` does. The guideline's member order is
//! request_id, code, status, title, detail, links; Placement's is status, title, detail, code,
//! request_id, with the reason phrase as title, WebOb's text around the detail, and the code
//! only from microversion 1.23. Members (Placement's `max_version` and `min_version`) follow.

use super::emit::{Out, Render};
use super::json::PYTHON;
use super::shape::{
    Fact, Header, Item, Json, JsonBody, RetryForm, Shape, VersionHeaders, When, hn, hv, object,
    opt, pair, when,
};
use crate::{Encoding, Microversion};

/// The first microversion whose errors carry a `code`.
const CODE_MICROVERSION: Microversion = Microversion::new(1, 23);

/// Placement's code for an error that has none of its own.
pub(crate) const UNDEFINED_CODE: &str = "placement.undefined_code";

/// The guideline's error: request_id, code, status, title, detail, links, then members.
const GUIDELINE_ERROR: Json = object!(
    opt("request_id", Json::Text(Fact::RequestId)),
    opt("code", Json::Text(Fact::Code)),
    pair("status", Json::Number(Fact::Status)),
    pair("title", Json::Text(Fact::Title)),
    pair("detail", Json::Text(Fact::Message)),
    opt("links", Json::Links),
    Item::Members,
);

/// Placement's error: status, the reason phrase as title, WebOb's detail, the code from 1.23,
/// request_id, then members (`max_version`, `min_version`).
const PLACEMENT_ERROR: Json = object!(
    pair("status", Json::Number(Fact::Status)),
    pair("title", Json::Text(Fact::ReasonPhrase)),
    pair("detail", Json::Text(Fact::WebObDetail)),
    when(
        "code",
        Json::Text(Fact::PlacementCode),
        When::Microversion(CODE_MICROVERSION),
    ),
    opt("request_id", Json::Text(Fact::RequestId)),
    Item::Members,
);

/// The API-WG errors guideline: `{"errors": [{…}, …]}`, one object per error.
pub(crate) const GUIDELINE: Shape = Shape {
    json: Some(JsonBody {
        root: object!(pair("errors", Json::Errors(&GUIDELINE_ERROR))),
        style: PYTHON,
        content_type: hv!("application/json"),
        newline: false,
        epoch_seconds: false,
    }),
    xml: None,
    default: Encoding::Json,
    headers: &[Header::RequestId(&[hn!("x-openstack-request-id")])],
    retry_after: RetryForm::Seconds,
    header_members: true,
    json_names: true,
    title_is_reason: false,
    no_body_for_head: false,
    query_status: false,
};

/// Placement, with `OpenStack-API-Version` and `Vary`.
pub(crate) const PLACEMENT: Shape = Shape {
    json: Some(JsonBody {
        root: object!(pair("errors", Json::Errors(&PLACEMENT_ERROR))),
        style: PYTHON,
        content_type: hv!("application/json"),
        newline: false,
        epoch_seconds: false,
    }),
    headers: &[
        Header::ApiVersion(VersionHeaders::Placement),
        Header::RequestId(&[hn!("x-openstack-request-id")]),
    ],
    ..GUIDELINE
};

/// `OpenStack-API-Version: <service> X.Y` and its `Vary`, as `service` sends them.
pub(crate) fn api_version(r: &Render<'_>, service: VersionHeaders, out: &mut Out) {
    let name = (hn!("openstack-api-version"))();
    match (service, r.cx.microversion) {
        (VersionHeaders::Placement, version) => {
            let version = version.unwrap_or(Microversion::new(1, 0));
            out.header(name, &format!("placement {version}"));
            out.header(http::header::VARY, "openstack-api-version");
        }
        (VersionHeaders::Compute, Some(version)) => {
            out.header(name, &format!("compute {version}"));
            out.header(
                (hn!("x-openstack-nova-api-version"))(),
                &version.to_string(),
            );
            out.headers
                .append(http::header::VARY, hv!("OpenStack-API-Version")());
            out.headers
                .append(http::header::VARY, hv!("X-OpenStack-Nova-API-Version")());
        }
        (VersionHeaders::Volume, Some(version)) => {
            out.header(name, &format!("volume {version}"));
            out.headers
                .append(http::header::VARY, hv!("OpenStack-API-Version")());
        }
        (VersionHeaders::Compute | VersionHeaders::Volume, None) => {}
    }
}

/// A piece of Placement's detail: fixed text, or the message.
pub(crate) enum Piece<'p> {
    Str(&'p str),
    Message,
}

/// WebOb's plain body around the message, which Placement sends as `detail` after stripping
/// its tags: `explanation`, a blank line, a space, the message and two spaces. 405, 406, 415 and
/// 501 fill in the request instead. (WebOb also strips tags from the message; the message is sent
/// as written here.)
pub(crate) fn webob_detail(r: &Render<'_>, write: &mut dyn FnMut(Piece<'_>)) {
    let status = r.fault.status.as_u16();
    let method = crate::framework::method(r.cx);
    match status {
        405 => {
            write(Piece::Str(&format!(
                "The method {method} is not allowed for this resource. \n\n "
            )));
            write(Piece::Message);
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
            write(Piece::Str(&format!(
                "The resource could not be generated that was acceptable to your browser (content of type {accept}. \n\n "
            )));
            write(Piece::Message);
        }
        415 => {
            // WebOb writes Python's `None` when the request has no content type.
            let content_type = r.cx.content_type.as_deref().unwrap_or("None");
            write(Piece::Str(&format!(
                "The request media type {content_type} is not supported by this server. \n\n "
            )));
            write(Piece::Message);
        }
        501 => {
            write(Piece::Str(&format!(
                " The request method {method} is not implemented for this server. \n\n "
            )));
            write(Piece::Message);
        }
        _ => {
            let explanation = webob_explanation(status)
                .or(r.fault.status.canonical_reason())
                .unwrap_or("");
            write(Piece::Str(explanation));
            write(Piece::Str("\n\n "));
            write(Piece::Message);
            write(Piece::Str("  "));
        }
    }
}

/// The `explanation` of WebOb's exception class for `status` (WebOb 1.8).
pub(crate) fn webob_explanation(status: u16) -> Option<&'static str> {
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

/// The message inside WebOb's text around it (see [`webob_detail`]), or `detail` unchanged.
///
/// For a status WebOb has no text for, the text around is only the blank line and spaces:
/// that is taken for WebOb's only from a response that says it is Placement's, since any
/// other API-WG message may well start with a blank line.
#[cfg(feature = "parse")]
pub(crate) fn strip_webob(status: http::StatusCode, detail: &str, placement: bool) -> &str {
    let Some((head, rest)) = detail.split_once("\n\n ") else {
        return detail;
    };
    let explanation = webob_explanation(status.as_u16())
        .or(status.canonical_reason())
        .unwrap_or("");
    if matches!(status.as_u16(), 405 | 406 | 415 | 501) && head.ends_with(". ") {
        // The four that name the request end with the message itself.
        rest
    } else if (placement || !head.is_empty()) && head == explanation {
        rest.strip_suffix("  ").unwrap_or(rest)
    } else {
        detail
    }
}
