//! Reading API-WG `errors` bodies back, Placement's included.
//!
//! Behind the `parse` feature, with the readers it needs (quick-xml, serde_json).

use crate::Fault;
use crate::wire::apiwg::webob_explanation;
use crate::wire::read::Json;
use crate::wire::{Hints, parsed};
use crate::{Format, Member};
use http::StatusCode;

/// `{"errors": [{"status", "title", "detail", "code", "request_id", …}, …]}`: the first
/// error, the most recent by the guideline. Placement's detail has WebOb's text stripped
/// again, so a rendered fault reads back with its own message.
pub(crate) fn from_json(
    status: StatusCode,
    json: &Json<'_>,
    hints: &Hints,
) -> Option<Fault<'static>> {
    let Some(Json::Array(errors)) = json.get("errors") else {
        return None;
    };
    let first = errors
        .first()
        .filter(|e| e.get_any(&["status", "title", "detail"]).is_some())?;
    let title = first.get("title").and_then(Json::text);
    let format = if hints.placement {
        Format::Placement
    } else {
        Format::ApiWg
    };
    let title = title.map_or_else(
        || status.canonical_reason().unwrap_or("").to_owned(),
        Cow::into_owned,
    );
    let mut fault = parsed(status, title, format);
    if let Some(detail) = first.get("detail").and_then(Json::text) {
        fault.message = strip_webob(status, &detail, hints.placement)
            .to_owned()
            .into();
    }
    if let Some(code) = first.get("code").and_then(Json::as_str) {
        fault.code = Some(code.to_owned().into());
    }
    if let Some(id) = first.get("request_id").and_then(Json::text) {
        fault.request_id = Some(id.into_owned().into());
    }
    for (name, value) in first.members() {
        let known = matches!(
            &**name,
            "status" | "title" | "detail" | "code" | "request_id" | "links"
        );
        if !known {
            fault
                .members
                .push(Member::new(name.clone().into_owned(), value.to_value()));
        }
    }
    Some(fault)
}

/// The message inside WebOb's text around it (see `webob_detail`), or `detail` unchanged.
///
/// For a status WebOb has no text for, the text around is only the blank line and spaces:
/// that is taken for WebOb's only from a response that says it is Placement's, since any
/// other API-WG message may well start with a blank line.
fn strip_webob(status: StatusCode, detail: &str, placement: bool) -> &str {
    let Some((head, rest)) = detail.split_once("\n\n ") else {
        return detail;
    };
    let explanation = webob_explanation(status.as_u16())
        .or(status.canonical_reason())
        .unwrap_or("");
    if matches!(status.as_u16(), 405 | 406 | 501) && head.ends_with(". ") {
        // The three that name the request end with the message itself.
        rest
    } else if (placement || !head.is_empty()) && head == explanation {
        rest.strip_suffix("  ").unwrap_or(rest)
    } else {
        detail
    }
}

use std::borrow::Cow;
