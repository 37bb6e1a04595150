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
    let fault = r.fault;
    let mut object = json::Object::open(&mut out.body, COMPACT);
    match r.namespace() {
        Some(ns) => {
            let value = object.key("type");
            value.push(b'"');
            json::escape(value, ns, false);
            json::escape(value, &fault.title, false);
            value.push(b'"');
        }
        None => object.str("type", "about:blank"),
    }
    object.text("title", &Text::from(&*fault.title));
    object.number("status", u64::from(fault.status.as_u16()));
    object.text("detail", &r.message);
    if let Some(instance) = &r.cx.instance {
        object.str("instance", instance);
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
        object.text(&extra.name, &extra.value);
    }
    object.close();
    out.content_type("application/problem+json");
    out.request_id(r, &["x-request-id"]);
}
