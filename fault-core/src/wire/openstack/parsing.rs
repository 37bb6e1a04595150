//! Reading OpenStack fault bodies back (Compute JSON and XML, load balancer, Keystone, Neutron).
//!
//! Behind the `parse` feature, with the readers it needs (quick-xml, serde_json).

use crate::wire::parsed;
use crate::wire::read::{Element, Json};
use crate::{ErrType, Format};
use crate::{Fault, RetryAfter};
use http::StatusCode;

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
        fault.err_type = Some(word);
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
