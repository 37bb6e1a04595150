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

#[cfg(feature = "parse")]
mod parsing;
#[cfg(feature = "parse")]
pub(crate) use parsing::*;
