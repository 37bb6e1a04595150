//! The OpenStack family's faults for framework errors.
//!
//! Sources: nova's and cinder's `api/openstack/wsgi.py` (`Fault._fault_names`, the messages
//! of `Resource`), WebOb's `exc.py` (each status's `explanation`), keystone's `exception.py`
//! and Flask's texts, neutron's `api_common.py` and pecan hooks, Placement's `handler.py` and
//! `util.py`. nova and cinder answer an unrouted path with WebOb's own plain 404 and a wrong
//! method with a 404 (routes match on the method); these send the fault the service sends
//! for the same status from a controller, which every client of it reads.

use super::{FrameworkError as E, fault, webob_explanation, webob_title};
use crate::{Context, Dialect, Fault, Format};
use http::StatusCode;

/// The fault of `format` for `error`.
pub(super) fn for_error(format: Format, dialect: Dialect, error: E) -> Fault<'static> {
    match format {
        Format::Keystone => keystone(error),
        Format::Neutron => neutron(error),
        Format::LoadBalancer => load_balancer(error),
        _ => compute(error, dialect),
    }
}

/// nova's and cinder's `Fault`: the name its table gives the status, WebOb's explanation or
/// the `Resource`'s own message.
fn compute(error: E, dialect: Dialect) -> Fault<'static> {
    let status = match error {
        // The only ones the table renames: a body nova cannot read, a type it does not take.
        E::BadRequest => return fault(400, "badRequest", "Malformed request body"),
        E::UnsupportedMediaType => return fault(415, "badMediaType", "Unsupported Content-Type"),
        E::MissingAction | E::InvalidAction => StatusCode::BAD_REQUEST,
        other => other.status(),
    };
    Fault::new(status, compute_name(status, dialect)).with_message(webob_explanation(status))
}

/// The name nova's (or cinder's) `Fault._fault_names` gives `status`.
pub(crate) fn compute_name(status: StatusCode, dialect: Dialect) -> &'static str {
    match status.as_u16() {
        400 => "badRequest",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "itemNotFound",
        405 => "badMethod",
        409 => "conflictingRequest",
        413 => "overLimit",
        415 => "badMediaType",
        429 if dialect != Dialect::Cinder => "overLimit",
        501 => "notImplemented",
        503 => "serviceUnavailable",
        _ => "computeFault",
    }
}

/// Keystone's `{"error": {"code", "title", "message"}}` with its own messages (a type other
/// than JSON is a 400 `ValidationError` there), Flask's for a wrong method.
fn keystone(error: E) -> Fault<'static> {
    const INVALID: &str = "The server could not comply with the request since it is either \
        malformed or otherwise incorrect. The client is assumed to be in error.";
    let message = match error {
        E::BadRequest | E::MissingAction | E::InvalidAction => {
            return Fault::new(StatusCode::BAD_REQUEST, "Bad Request").with_message(format!(
                "Expecting to find valid JSON in request body. {INVALID}"
            ));
        }
        E::UnsupportedMediaType => {
            return Fault::new(StatusCode::BAD_REQUEST, "Bad Request").with_message(format!(
                "Expecting to find application/json in Content-Type header. {INVALID}"
            ));
        }
        E::MethodNotAllowed => "The method is not allowed for the requested URL.",
        E::Internal => "An unexpected error prevented the server from fulfilling your request.",
        E::Status(status) => match status.as_u16() {
            401 => "The request you have made requires authentication.",
            403 => "You are not authorized to perform the requested action.",
            501 => "The action you have requested has not been implemented.",
            _ => webob_explanation(status),
        },
        other => webob_explanation(other.status()),
    };
    let status = error.status();
    Fault::new(status, webob_title(status).unwrap_or("Unknown Error")).with_message(message)
}

/// Neutron's `NeutronError`: `type` is WebOb's class name, `message` its text (a 405 carries
/// 400's explanation, as `pecan.abort(405)` does).
fn neutron(error: E) -> Fault<'static> {
    let status = match error {
        E::MissingAction | E::InvalidAction => StatusCode::BAD_REQUEST,
        other => other.status(),
    };
    let message = match error {
        E::BadRequest | E::MissingAction | E::InvalidAction => "Body contains invalid data",
        E::Internal => "Request Failed: internal server error while processing your request.",
        _ => webob_explanation(status),
    };
    let class: String = webob_title(status)
        .unwrap_or("Error")
        .split([' ', '-'])
        .collect();
    Fault::new(status, format!("HTTP{class}"))
        .with_message(message)
        .with_details("")
}

/// The load balancer API's faults, as its seed names them; a status it has no fault for
/// takes nova's name.
fn load_balancer(error: E) -> Fault<'static> {
    match error {
        E::BadRequest | E::MissingAction | E::InvalidAction => {
            fault(400, "badRequest", "Validation fault")
        }
        E::NotFound => fault(404, "itemNotFound", "Object not Found"),
        E::Internal => Fault::new(StatusCode::INTERNAL_SERVER_ERROR, "loadBalancerFault")
            .with_message(webob_explanation(StatusCode::INTERNAL_SERVER_ERROR)),
        other => {
            let status = other.status();
            Fault::new(status, compute_name(status, Dialect::Nova))
                .with_message(webob_explanation(status))
        }
    }
}

/// Placement's (and the API-WG guideline's) error: the reason phrase and WebOb's text are the
/// format's; the message is what Placement's handlers put after it.
pub(super) fn api_wg(error: E, cx: &Context<'_>) -> Fault<'static> {
    let status = match error {
        E::MissingAction | E::InvalidAction => StatusCode::BAD_REQUEST,
        other => other.status(),
    };
    let message = match error {
        E::MethodNotAllowed => "The method specified is not allowed for this resource.".into(),
        E::NotAcceptable => "Only application/json is provided".into(),
        E::UnsupportedMediaType => format!(
            "The media type {} is not supported, use application/json",
            cx.content_type.as_deref().unwrap_or("None")
        ),
        // WebOb's explanation alone, as a bare `HTTPNotFound()` and a 500 (whose exception
        // text is never sent) give.
        _ => String::new(),
    };
    Fault::new(status, webob_title(status).unwrap_or("Unknown Error")).with_message(message)
}
