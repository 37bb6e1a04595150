//! Reading RFC 9457 problem details back.
//!
//! Behind the `parse` feature, with the readers it needs (quick-xml, serde_json).

use crate::wire::read::Json;
use crate::wire::{Hints, parsed};
use crate::{Fault, Format, Member};
use http::StatusCode;

/// RFC 9457: `title` (the fault's name, as this crate writes it), `detail`, the extensions
/// as extras (the request id and API-WG code where this crate writes them; a `type` URI and
/// the `instance` too, so nothing is lost). A `status` that is not a number is ignored, as
/// the RFC asks.
pub(crate) fn from_json(
    status: StatusCode,
    json: &Json<'_>,
    hints: &Hints,
) -> Option<Fault<'static>> {
    let titled = json.get("title").is_some() || json.get("type").is_some();
    let looks_like = hints.content_type_is("application/problem+json")
        || (titled
            && matches!(json.get("status"), Some(Json::Number(..)))
            && json.get("message").is_none());
    if !looks_like {
        return None;
    }
    let title = json.get("title").and_then(Json::text).map_or_else(
        || status.canonical_reason().unwrap_or("").to_owned(),
        |t| t.into_owned(),
    );
    let mut fault = parsed(status, title, Format::Problem);
    if let Some(detail) = json.get("detail").and_then(Json::text) {
        fault.message = detail.into_owned().into();
    }
    if let Some(code) = json.get("code").and_then(Json::as_str) {
        fault.code = Some(code.to_owned().into());
    }
    if let Some(details) = json.get("details").and_then(Json::text) {
        fault.details = Some(details.into_owned().into());
    }
    if let Some(id) = json.get("request_id").and_then(Json::text) {
        fault.request_id = Some(id.into_owned().into());
    }
    if let Some(kind) = json
        .get("type")
        .and_then(Json::as_str)
        .filter(|t| *t != "about:blank")
    {
        fault.problem_type = Some(kind.to_owned().into());
    }
    if let Some(instance) = json.get("instance").and_then(Json::text) {
        fault.instance = Some(instance.into_owned().into());
    }
    for (name, value) in json.members() {
        let known = matches!(
            &**name,
            "type" | "title" | "status" | "detail" | "instance" | "code" | "details" | "request_id"
        );
        if !known {
            fault
                .members
                .push(Member::new(name.clone().into_owned(), value.to_value()));
        }
    }
    Some(fault)
}
