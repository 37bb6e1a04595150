//! The OpenStack family: compute and block-storage faults (nova's `Fault`), the load
//! balancer's faults, keystone's and neutron's errors.
//!
//! JSON is laid out as the Python services write it (`json.dumps`: `", "`, `": "`, non-ASCII
//! escaped; keystone through Flask: sorted and compact with a final newline); the XML as the
//! legacy services wrote it (`minidom`'s `toxml`: no declaration, no whitespace, `code`
//! before `xmlns`).

use super::json::{self, FLASK, PYTHON};
use super::{Out, Render, retry_after_seconds, xml};
use crate::{Encoding, Format, Text};
use http::StatusCode;

/// The load balancer API's namespace, used when the fault names none.
const LOAD_BALANCER_NS: &str = "http://docs.openstack.org/loadbalancers/api/v1.0";

pub(crate) fn render(format: Format, r: &Render<'_>, out: &mut Out) {
    match (format, r.encoding) {
        (Format::OpenStack, Encoding::Json) => {
            if out.body_wanted {
                compute_json(r, &mut out.body);
            }
            out.content_type(header_value!("application/json; charset=UTF-8"));
        }
        (Format::OpenStack, Encoding::Xml) => {
            if out.body_wanted {
                fault_xml(r, &mut out.body, r.namespace());
            }
            out.content_type(header_value!("application/xml"));
        }
        (Format::LoadBalancer, Encoding::Json) => {
            if out.body_wanted {
                load_balancer_json(r, &mut out.body);
            }
            out.content_type(header_value!("application/json"));
        }
        (Format::LoadBalancer, Encoding::Xml) => {
            if out.body_wanted {
                let namespace = r.namespace().unwrap_or(LOAD_BALANCER_NS);
                fault_xml(r, &mut out.body, Some(namespace));
            }
            out.content_type(header_value!("application/xml"));
        }
        (Format::Keystone, _) => keystone(r, out),
        _ => {
            if out.body_wanted {
                neutron(r, &mut out.body);
            }
            out.content_type(header_value!("application/json"));
        }
    }
    if format == Format::OpenStack {
        out.request_id(
            r,
            &[
                header_name!("x-openstack-request-id"),
                header_name!("x-compute-request-id"),
            ],
        );
    } else {
        out.request_id(r, &[header_name!("x-openstack-request-id")]);
    }
}

/// Nova sends `retryAfter` in the body only for over-limit faults.
fn over_limit(status: StatusCode) -> bool {
    matches!(status.as_u16(), 413 | 429)
}

/// `{"name": {"code": 404, "message": …[, "details": …][, "retryAfter": "30"][, "created": …]}}`.
fn compute_json(r: &Render<'_>, body: &mut Vec<u8>) {
    let fault = r.fault;
    let mut outer = json::Object::open(body, PYTHON);
    let mut inner = outer.data_object(&fault.title);
    inner.number("code", u64::from(fault.status.as_u16()));
    inner.text("message", &r.message);
    if let Some(details) = &fault.details {
        inner.text("details", details);
    }
    if let Some(retry_after) = fault.retry_after.filter(|_| over_limit(fault.status)) {
        inner.str(
            "retryAfter",
            itoa::Buffer::new().format(retry_after_seconds(retry_after)),
        );
    }
    if let Some(created) = &fault.created {
        inner.text("created", created);
    }
    inner.close();
    outer.close();
}

/// `<name code="404" [retryAfter="30"] [created="…"] [xmlns="…"]><message/>[<details/>]
/// [<validationErrors><message/>…</validationErrors>]</name>`.
fn fault_xml(r: &Render<'_>, body: &mut Vec<u8>, namespace: Option<&str>) {
    let fault = r.fault;
    let name = xml::element_name(&fault.title);
    body.push(b'<');
    body.extend_from_slice(name.as_bytes());
    body.extend_from_slice(b" code=\"");
    body.extend_from_slice(itoa::Buffer::new().format(fault.status.as_u16()).as_bytes());
    body.push(b'"');
    if let Some(retry_after) = fault.retry_after.filter(|_| over_limit(fault.status)) {
        body.extend_from_slice(b" retryAfter=\"");
        body.extend_from_slice(
            itoa::Buffer::new()
                .format(retry_after_seconds(retry_after))
                .as_bytes(),
        );
        body.push(b'"');
    }
    if let Some(created) = &fault.created {
        body.extend_from_slice(b" created=\"");
        xml::attr(body, created);
        body.push(b'"');
    }
    if let Some(ns) = namespace {
        body.extend_from_slice(b" xmlns=\"");
        xml::escape_attr(body, ns);
        body.push(b'"');
    }
    body.push(b'>');
    xml::element(body, "message", &r.message);
    if let Some(details) = &fault.details {
        xml::element(body, "details", details);
    }
    if !fault.validation_errors.is_empty() {
        body.extend_from_slice(b"<validationErrors>");
        for error in &fault.validation_errors {
            xml::element(body, "message", error);
        }
        body.extend_from_slice(b"</validationErrors>");
    }
    body.extend_from_slice(b"</");
    body.extend_from_slice(name.as_bytes());
    body.push(b'>');
}

/// The load balancer's JSON, unwrapped:
/// `{"validationErrors":{"messages":[…]},"message":…,"code":400,"details":…}`.
fn load_balancer_json(r: &Render<'_>, body: &mut Vec<u8>) {
    let fault = r.fault;
    let mut object = json::Object::open(body, json::COMPACT);
    if !fault.validation_errors.is_empty() {
        let mut errors = object.object("validationErrors");
        errors.strings("messages", &fault.validation_errors);
        errors.close();
    }
    object.text("message", &r.message);
    object.number("code", u64::from(fault.status.as_u16()));
    if let Some(details) = &fault.details {
        object.text("details", details);
    }
    object.close();
}

/// Keystone through Flask's `jsonify`: `{"error":{"code":401,"message":…,"title":…}}` and a
/// newline, keys sorted; `WWW-Authenticate: Keystone uri="…"` on 401 and
/// `Vary: X-Auth-Token`.
fn keystone(r: &Render<'_>, out: &mut Out) {
    let fault = r.fault;
    if out.body_wanted {
        let mut outer = json::Object::open(&mut out.body, FLASK);
        let mut inner = outer.object("error");
        inner.number("code", u64::from(fault.status.as_u16()));
        inner.text("message", &r.message);
        inner.text("title", &Text::from(&*fault.title));
        inner.close();
        outer.close();
        out.body.push(b'\n');
    }
    out.content_type(header_value!("application/json"));
    out.header(http::header::VARY, "X-Auth-Token");
    if fault.status == StatusCode::UNAUTHORIZED && out.wants_headers() {
        // A 401 must carry a challenge (RFC 9110 §11.6.1): a URI that cannot stand in a
        // quoted header value is left out, not allowed to drop the whole header.
        let quotable = |uri: &str| {
            uri.bytes()
                .all(|b| b == b' ' || (b.is_ascii_graphic() && b != b'"' && b != b'\\'))
        };
        let challenge = match &r.cx.auth_uri {
            Some(uri) if quotable(uri) => format!("Keystone uri=\"{uri}\""),
            _ => "Keystone".to_owned(),
        };
        out.header(http::header::WWW_AUTHENTICATE, &challenge);
    }
}

/// `{"NeutronError": {"type": …, "message": …, "detail": …}}`, `detail` empty when unset.
fn neutron(r: &Render<'_>, body: &mut Vec<u8>) {
    let fault = r.fault;
    let mut outer = json::Object::open(body, PYTHON);
    let mut inner = outer.object("NeutronError");
    inner.text("type", &Text::from(&*fault.title));
    inner.text("message", &r.message);
    match &fault.details {
        Some(details) => inner.text("detail", details),
        None => inner.str("detail", ""),
    }
    inner.close();
    outer.close();
}

#[cfg(feature = "parse")]
mod parsing;
#[cfg(feature = "parse")]
pub(crate) use parsing::*;
