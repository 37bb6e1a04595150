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

// ---------------------------------------------------------------------------------------
// Parsing

use super::parsed;
use super::read::{Element, Json};
use crate::{ErrType, Fault, RetryAfter};

/// The name nova gives a status when it builds a fault (`nova.api.openstack.wsgi.Fault`):
/// used for bodies that carry no name of their own.
pub(crate) fn name_for_status(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "badRequest",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "itemNotFound",
        405 => "badMethod",
        409 => "conflictingRequest",
        413 | 429 => "overLimit",
        415 => "badMediaType",
        501 => "notImplemented",
        503 => "serviceUnavailable",
        _ => "computeFault",
    }
}

/// `{"name": {"code", "message", "details"?, "retryAfter"?, "created"?}}`: nova, cinder.
pub(crate) fn from_json(status: StatusCode, json: &Json<'_>) -> Option<Fault<'static>> {
    let [(name, inner)] = json.members() else {
        return None;
    };
    if !inner.is_object() || inner.get_any(&["message", "code"]).is_none() {
        return None;
    }
    let mut fault = parsed(status, name.clone().into_owned(), Format::OpenStack);
    fill_from_object(&mut fault, inner);
    Some(fault)
}

/// The members an OpenStack fault object may hold.
fn fill_from_object(fault: &mut Fault<'static>, object: &Json<'_>) {
    if let Some(message) = object.get("message").and_then(Json::text) {
        fault.message = message.into_owned().into();
    }
    if let Some(details) = object.get("details").and_then(Json::text) {
        fault.details = Some(details.into_owned().into());
    }
    if let Some(seconds) = object.get("retryAfter").and_then(Json::as_u64) {
        fault.retry_after = Some(RetryAfter::Seconds(seconds));
    }
    if let Some(created) = object.get("created").and_then(Json::text) {
        fault.created = Some(created.into_owned().into());
    }
}

/// The load balancer's unwrapped JSON: `{"validationErrors"?, "message", "code", "details"?}`,
/// named for its status since it carries no name.
pub(crate) fn load_balancer_from_json(
    status: StatusCode,
    json: &Json<'_>,
) -> Option<Fault<'static>> {
    let has_shape = json.get("validationErrors").is_some()
        || (json.get("message").is_some() && matches!(json.get("code"), Some(Json::Number(..))));
    if !has_shape {
        return None;
    }
    let mut fault = parsed(status, name_for_status(status), Format::LoadBalancer);
    fill_from_object(&mut fault, json);
    if let Some(Json::Array(messages)) =
        json.get("validationErrors").and_then(|v| v.get("messages"))
    {
        fault.validation_errors = messages
            .iter()
            .filter_map(Json::text)
            .map(|m| m.into_owned().into())
            .collect();
    }
    Some(fault)
}

/// WebOb's own JSON for errors raised before the service formats them:
/// `{"message", "code": "404 Not Found", "title"}`.
pub(crate) fn webob_from_json(status: StatusCode, json: &Json<'_>) -> Option<Fault<'static>> {
    let code = json.get("code")?.as_str()?;
    let title = json.get("title")?.as_str()?;
    if !code.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut fault = parsed(status, title.to_owned(), Format::OpenStack);
    if let Some(message) = json.get("message").and_then(Json::text) {
        fault.message = message.into_owned().into();
    }
    Some(fault)
}

/// Keystone: `{"error": {"code", "title", "message"}}`.
pub(crate) fn keystone_from_json(status: StatusCode, json: &Json<'_>) -> Option<Fault<'static>> {
    let error = json.get("error").filter(|e| e.is_object())?;
    let title = error.get("title").and_then(Json::as_str)?;
    let mut fault = parsed(status, title.to_owned(), Format::Keystone);
    if let Some(message) = error.get("message").and_then(Json::text) {
        fault.message = message.into_owned().into();
    }
    if let Some(details) = error.get("details").and_then(Json::text) {
        fault.details = Some(details.into_owned().into());
    }
    Some(fault)
}

/// Neutron: `{"NeutronError": {"type", "message", "detail"}}` (or `NotImplementedError`).
pub(crate) fn neutron_from_json(status: StatusCode, json: &Json<'_>) -> Option<Fault<'static>> {
    let (wrapper, error) = json
        .members()
        .iter()
        .find(|(k, v)| matches!(&**k, "NeutronError" | "NotImplementedError") && v.is_object())?;
    let title = error
        .get("type")
        .and_then(Json::as_str)
        .unwrap_or(wrapper)
        .to_owned();
    let mut fault = parsed(status, title, Format::Neutron);
    if let Some(message) = error.get("message").and_then(Json::text) {
        fault.message = message.into_owned().into();
    }
    if let Some(detail) = error
        .get("detail")
        .and_then(Json::text)
        .filter(|d| !d.is_empty())
    {
        fault.details = Some(detail.into_owned().into());
    }
    Some(fault)
}

/// WSME and Ironic: `{"faultstring", "faultcode", "debuginfo"}`, possibly inside
/// `error_message`, itself possibly a JSON string (Ironic before Stein).
pub(crate) fn wsme_from_json(status: StatusCode, json: &Json<'_>) -> Option<Fault<'static>> {
    let object = match json.get("error_message") {
        Some(Json::Str(inner)) => {
            let inner = Json::parse(inner)?;
            return wsme_from_json(status, &inner);
        }
        Some(inner) if inner.is_object() => inner,
        _ => json,
    };
    let message = object.get("faultstring").and_then(Json::text)?;
    let mut fault = parsed(status, name_for_status(status), Format::OpenStack);
    fault.message = message.into_owned().into();
    if let Some(word) = object
        .get("faultcode")
        .and_then(Json::as_str)
        .and_then(ErrType::from_word)
    {
        fault.err_type = word;
    }
    if let Some(debug) = object
        .get("debuginfo")
        .and_then(Json::text)
        .filter(|d| !d.is_empty())
    {
        fault.details = Some(debug.into_owned().into());
    }
    Some(fault)
}

/// Legacy XML: a root named for the fault with a `code` attribute and a `message` child;
/// the load balancer's adds `validationErrors`.
pub(crate) fn from_xml(status: StatusCode, root: &Element) -> Option<Fault<'static>> {
    if root.attr("code").is_none() && root.child("message").is_none() {
        return None;
    }
    let format = if root.child("validationErrors").is_some()
        || root
            .namespace
            .as_deref()
            .is_some_and(|ns| ns.contains("loadbalancers"))
    {
        Format::LoadBalancer
    } else {
        Format::OpenStack
    };
    let mut fault = parsed(status, root.name.clone(), format);
    fault.namespace = root.namespace.clone().map(Into::into);
    if let Some(message) = root.child_text("message") {
        fault.message = message.to_owned().into();
    }
    if let Some(details) = root.child_text("details") {
        fault.details = Some(details.to_owned().into());
    }
    let retry = root
        .attr("retryAfter")
        .or_else(|| root.child_text("retryAfter"));
    if let Some(seconds) = retry.and_then(|r| r.trim().parse().ok()) {
        fault.retry_after = Some(RetryAfter::Seconds(seconds));
    }
    if let Some(created) = root.attr("created").or_else(|| root.child_text("created")) {
        fault.created = Some(created.to_owned().into());
    }
    if let Some(errors) = root.child("validationErrors") {
        fault.validation_errors = errors
            .children
            .iter()
            .filter(|c| c.name == "message")
            .map(|c| c.text.clone().into())
            .collect();
    }
    Some(fault)
}
