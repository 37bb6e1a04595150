//! RFC 9457 problem details: `application/problem+json`.
//!
//! `type` is `about:blank` unless the fault has a namespace, which then is the base of a type
//! URI (`namespace` + title); `title` is the fault's title; `status`, `detail` (the message),
//! `instance` (from the context); the request id, the API-WG code, the details and each extra
//! are extension members.

use super::json::{self, COMPACT};
use super::{Out, Render};
use crate::Text;

pub(crate) fn render(r: &Render<'_>, out: &mut Out) {
    if out.body_wanted {
        body(r, &mut out.body);
    }
    out.content_type(header_value!("application/problem+json"));
    out.request_id(r, &[header_name!("x-request-id")]);
}

fn body(r: &Render<'_>, out: &mut Vec<u8>) {
    let fault = r.fault;
    let mut object = json::Object::open(out, COMPACT);
    match (r.namespace(), fault.extra("type")) {
        (Some(ns), _) => {
            let value = object.key("type");
            value.push(b'"');
            json::escape(value, ns, false);
            json::escape(value, &fault.title, false);
            value.push(b'"');
        }
        // A problem read from another service keeps its type URI.
        (None, Some(kind)) => object.text("type", kind),
        (None, None) => object.str("type", "about:blank"),
    }
    object.text("title", &Text::from(&*fault.title));
    object.number("status", u64::from(fault.status.as_u16()));
    object.text("detail", &r.message);
    if let Some(instance) = &r.cx.instance {
        object.str("instance", instance);
    } else if let Some(instance) = fault.extra("instance") {
        object.text("instance", instance);
    }
    if let Some(code) = &fault.code {
        object.str("code", code);
    }
    if let Some(details) = &fault.details {
        object.text("details", details);
    }
    if let Some(id) = r.request_id_text() {
        object.text("request_id", &id);
    }
    for extra in &fault.extras {
        // Members the RFC defines are written above; an extra of the same name (read from
        // another body) would duplicate the key.
        if !matches!(
            &*extra.name,
            "type" | "title" | "status" | "detail" | "instance"
        ) {
            object.data_text(&extra.name, &extra.value);
        }
    }
    object.close();
}

// ---------------------------------------------------------------------------------------
// Parsing

use super::read::Json;
use super::{Hints, parsed};
use crate::{Fault, Format};
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
    for (name, value) in json.members() {
        // The type URI and the instance are kept as extras so that nothing is lost.
        let known = matches!(
            &**name,
            "title" | "status" | "detail" | "code" | "details" | "request_id"
        ) || (name == "type" && value.as_str() == Some("about:blank"));
        if let (false, Some(text)) = (known, value.text()) {
            fault.push_extra(name.clone().into_owned(), text.into_owned());
        }
    }
    Some(fault)
}
