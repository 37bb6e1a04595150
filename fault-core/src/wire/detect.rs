//! Which family a parsed body belongs to, told apart as botocore and openstacksdk tell them,
//! and the format's shape then walked back (`extract.rs`), with what each family's readers
//! accept beyond what it writes.

use super::extract;
use super::parse::{Hints, Media, fallback, parsed, sanitize_code};
use super::read::{Element, Json};
use super::shape::{self, Shape, Xml};
use crate::{Dialect, ErrType, Fault, Format, Text};
use http::StatusCode;
use std::borrow::Cow;

/// The JSON body of `shape`.
fn json_root(shape: &Shape) -> &super::shape::Json {
    match &shape.json {
        Some(body) => &body.root,
        None => &super::shape::Json::Links,
    }
}

/// The XML body of `shape`.
fn xml_root(shape: &Shape) -> &Xml {
    match &shape.xml {
        Some(body) => &body.root,
        None => &Xml::Members,
    }
}

/// A family's reader of a JSON body: its fault, if the body has the family's form.
type Reader = fn(StatusCode, &Json<'_>, &Hints) -> Option<Fault<'static>>;

/// A JSON body's fault, if some family claims it.
pub(crate) fn json_fault(
    status: StatusCode,
    json: &Json<'_>,
    hints: &Hints,
) -> Option<Fault<'static>> {
    if !json.is_object() {
        return None;
    }
    let aws_hint =
        hints.errortype.is_some() || hints.query_error.is_some() || json.get("__type").is_some();
    let aws_code = json.get("title").is_none()
        && json
            .get_any(&["code", "Code"])
            .and_then(Json::as_str)
            .is_some_and(|c| !c.starts_with(|d: char| d.is_ascii_digit()));
    // `__type` and the AWS headers settle it before any shape does (CloudSearch bodies carry
    // an unrelated `errors` list beside `__type`). The families are tried in turn with early
    // returns: chaining `or_else` would move the whole record through every link.
    if aws_hint && let Some(fault) = aws_json(status, json, hints) {
        return Some(fault);
    }
    // A problem's `errors` extension would pass for an API-WG list: its media type decides.
    if hints.media == Media::ProblemJson
        && let Some(fault) = problem(status, json, hints)
    {
        return Some(fault);
    }
    if let Some(fault) = api_wg(status, json, hints) {
        return Some(fault);
    }
    if let Some(fault) = keystone(status, json) {
        return Some(fault);
    }
    if let Some(fault) = neutron(status, json) {
        return Some(fault);
    }
    if !aws_hint
        && aws_code
        && let Some(fault) = aws_json(status, json, hints)
    {
        return Some(fault);
    }
    if let Some(fault) = problem(status, json, hints) {
        return Some(fault);
    }
    let shapes: [Reader; 4] = [webob, load_balancer, wsme, compute];
    for shape in shapes {
        if let Some(fault) = shape(status, json, hints) {
            return Some(fault);
        }
    }
    // A bare `{"message": …}` (restJson without its header, flat WebOb): keep the text.
    let message = json.get_any(&["message", "Message"])?.text()?;
    let mut fault = fallback(status, hints);
    fault.message = message.into_owned().into();
    Some(fault)
}

/// An XML body's fault, if some family claims it.
pub(crate) fn xml_fault(
    status: StatusCode,
    root: &Element,
    hints: &Hints,
) -> Option<Fault<'static>> {
    if let Some(fault) = aws_xml(status, root, hints) {
        return Some(fault);
    }
    if let Some(fault) = problem_xml(status, root, hints) {
        return Some(fault);
    }
    openstack_xml(status, root)
}

/// RFC 9457's XML (Appendix B): `<problem xmlns="urn:ietf:rfc:7807">`, or any `<problem>`
/// sent as `application/problem+xml`.
fn problem_xml(status: StatusCode, root: &Element, hints: &Hints) -> Option<Fault<'static>> {
    let named = root.name == "problem"
        && (root.namespace.as_deref() == Some(super::problem::PROBLEM_NS)
            || hints.media == Media::ProblemXml);
    if !named {
        return None;
    }
    let reason = status.canonical_reason().unwrap_or("");
    let mut fault = parsed(status, reason, Format::Problem);
    extract::xml(xml_root(&super::problem::PROBLEM), root, &mut fault);
    Some(fault)
}

/// The AWS JSON protocols: the code from `X-Amzn-Errortype`, a `code` member or `__type` (in
/// that order, as Smithy's clients read it), the legacy query code and side from
/// `x-amzn-query-error`, the message from `message`, `Message` or `errorMessage`, and every
/// other member with its JSON type.
fn aws_json(status: StatusCode, json: &Json<'_>, hints: &Hints) -> Option<Fault<'static>> {
    let type_field = json.get("__type").and_then(Json::as_str);
    let code_field = json.get_any(&["code", "Code"]).and_then(Json::as_str);
    let query_code = hints.query_error.map(|(code, _)| code);
    let body_code = code_field
        .map(sanitize_code)
        .or_else(|| type_field.map(sanitize_code))
        .filter(|c| !c.is_empty());
    let title = hints.errortype.or(body_code).or(query_code)?;
    // The media type names the protocol where it can (awsJson always sends its own, restJson1
    // plain JSON); the body decides only for a response without one.
    let format = if hints.media == Media::AmzJson10 {
        Format::AwsJson10
    } else if hints.media == Media::AmzJson11 {
        Format::AwsJson11
    } else if hints.media == Media::Json || (hints.errortype.is_some() && type_field.is_none()) {
        Format::AwsRestJson
    } else if type_field.is_some_and(|t| t.contains('#')) {
        Format::AwsJson10
    } else {
        Format::AwsJson11
    };
    let mut fault = parsed(status, "", format);
    // The walk reads `__type`, then `code`, each over the last: the body's code.
    extract::json(
        json_root(shape::shape(format, Dialect::Nova)),
        json,
        &mut fault,
    );
    // The title is the code as clients clean it, whichever protocol's walk read the body.
    if fault.title != title {
        fault.title = Cow::Owned(title.to_owned());
    }
    if let Some((code, word)) = hints.query_error {
        fault.query_code = Some(Cow::Owned(code.to_owned()));
        fault.query_compatible = true;
        if let Some(word) = ErrType::from_word(word) {
            fault.err_type = Some(word);
        }
    }
    Some(fault)
}

/// The element a declaration writes `Code` in: the fault's `<Error>`.
fn error_node(node: &Xml) -> Option<&Xml> {
    let Xml::Element { children, .. } = node else {
        return None;
    };
    let holds_code = children.iter().any(|c| {
        matches!(
            c,
            Xml::Leaf {
                name: shape::Name::Lit("Code"),
                ..
            }
        )
    });
    if holds_code {
        return Some(node);
    }
    children.iter().find_map(error_node)
}

/// `ErrorResponse/Error` (awsQuery, restXml, Heat), `Response/Errors/Error` (EC2), any root
/// wrapping `Errors/Error`, and the bare `<Error>` of S3 and of restXml without wrapping.
fn aws_xml(status: StatusCode, root: &Element, hints: &Hints) -> Option<Fault<'static>> {
    let (error, format) = match root.name.as_str() {
        // restXml without error wrapping keeps `Type`; S3's bare `<Error>` has none.
        "Error" if root.child("Type").is_some() => (root, Format::AwsRestXmlUnwrapped),
        "Error" => (root, Format::S3),
        "ErrorResponse" => {
            let error = root
                .child("Error")
                .or_else(|| root.child("Errors")?.child("Error"))?;
            // Heat writes no request id, namespace, detail or member.
            let heat = root.child_any(&["RequestId", "RequestID"]).is_none()
                && root.namespace.is_none()
                && error
                    .children
                    .iter()
                    .all(|c| matches!(c.name.as_str(), "Type" | "Code" | "Message"));
            let format = if heat {
                Format::Heat
            } else if hints.media == Media::TextXml {
                Format::AwsQuery
            } else {
                Format::AwsRestXml
            };
            (error, format)
        }
        "Response" => (root.child("Errors")?.child("Error")?, Format::Ec2Query),
        _ => (root.child("Errors")?.child("Error")?, Format::AwsQuery),
    };
    let query_code = hints.query_error.map(|(code, _)| code);
    let has_code = error
        .child_text("Code")
        .map(sanitize_code)
        .is_some_and(|c| !c.is_empty());
    if !has_code && query_code.is_none() {
        return None;
    }
    let mut fault = parsed(status, "", format);
    let node = error_node(xml_root(shape::shape(format, Dialect::Nova)))?;
    extract::xml(node, error, &mut fault);
    // The Code as clients read it, cut at `:` and after `#`.
    match (has_code, query_code) {
        (true, _) => {
            let clean = sanitize_code(&fault.title);
            if clean.len() != fault.title.len() {
                fault.title = Cow::Owned(clean.to_owned());
            }
        }
        (false, Some(code)) => fault.title = Cow::Owned(code.to_owned()),
        (false, None) => {}
    }
    fault.query_code = query_code.map(|c| Cow::Owned(c.to_owned()));
    fault.namespace = root.namespace.clone().map(Into::into);
    if fault
        .details
        .as_ref()
        .is_some_and(|d| d.to_cow().trim().is_empty())
    {
        fault.details = None;
    }
    // Some services put the request id in the `<Error>`, and EC2 spells it `RequestID`.
    fault
        .members
        .retain(|m| !matches!(m.name(), "RequestId" | "RequestID"));
    let request_id = root
        .child_any(&["RequestId", "RequestID"])
        .or_else(|| error.child_any(&["RequestId", "RequestID"]))
        .map(|e| e.text.clone());
    fault.request_id = request_id.filter(|id| !id.is_empty()).map(Into::into);
    Some(fault)
}

/// `{"name": {"code", "message", "details"?, "retryAfter"?, "created"?, …}}`: nova, cinder,
/// and the Compute API schema's `retryAt`.
fn compute(status: StatusCode, json: &Json<'_>, hints: &Hints) -> Option<Fault<'static>> {
    let [(_, inner)] = json.members() else {
        return None;
    };
    if !inner.is_object() || inner.get_any(&["message", "code"]).is_none() {
        return None;
    }
    let dialect = if inner.get("retryAt").is_some() {
        Dialect::ComputeSchema
    } else if hints.content_type.eq_ignore_ascii_case("application/json") {
        // cinder sends no charset, nova does.
        Dialect::Cinder
    } else {
        Dialect::Nova
    };
    let mut fault = parsed(status, "", Format::OpenStack);
    extract::json(
        json_root(shape::shape(Format::OpenStack, dialect)),
        json,
        &mut fault,
    );
    // nova's JSON and cinder's are alike; only what sets them apart is kept as a dialect.
    fault.dialect = (dialect != Dialect::Nova).then_some(dialect);
    Some(fault)
}

/// The load balancer's unwrapped JSON: `{"validationErrors"?, "message", "code", "details"?}`,
/// named for its status since it carries no name.
fn load_balancer(status: StatusCode, json: &Json<'_>, _: &Hints) -> Option<Fault<'static>> {
    let has_shape = json.get("validationErrors").is_some()
        || (json.get("message").is_some() && matches!(json.get("code"), Some(Json::Number(..))));
    if !has_shape {
        return None;
    }
    let mut fault = parsed(
        status,
        crate::framework::compute_name(status, crate::Dialect::Nova),
        Format::LoadBalancer,
    );
    extract::json(
        json_root(&super::openstack::LOAD_BALANCER),
        json,
        &mut fault,
    );
    Some(fault)
}

/// WebOb's own JSON for errors raised before the service formats them.
fn webob(status: StatusCode, json: &Json<'_>, _: &Hints) -> Option<Fault<'static>> {
    let code = json.get("code")?.as_str()?;
    json.get("title")?.as_str()?;
    if !code.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut fault = parsed(status, "", Format::OpenStack);
    extract::json(&super::openstack::WEBOB_JSON, json, &mut fault);
    Some(fault)
}

/// Keystone: `{"error": {"code", "title", "message", …}}`.
fn keystone(status: StatusCode, json: &Json<'_>) -> Option<Fault<'static>> {
    let error = json.get("error").filter(|e| e.is_object())?;
    error.get("title").and_then(Json::as_str)?;
    let mut fault = parsed(status, "", Format::Keystone);
    extract::json(json_root(&super::openstack::KEYSTONE), json, &mut fault);
    Some(fault)
}

/// Neutron: `{"NeutronError": {"type", "message", "detail", …}}` (or `NotImplementedError`),
/// `detail` empty when there is none, the wrapper's name when there is no `type`.
fn neutron(status: StatusCode, json: &Json<'_>) -> Option<Fault<'static>> {
    let (wrapper, _) = json
        .members()
        .iter()
        .find(|(k, v)| matches!(&**k, "NeutronError" | "NotImplementedError") && v.is_object())?;
    let mut fault = parsed(status, wrapper.clone().into_owned(), Format::Neutron);
    extract::json(json_root(&super::openstack::NEUTRON), json, &mut fault);
    drop_empty_details(&mut fault);
    Some(fault)
}

/// An empty `details` member is none: Neutron and WSME send `""` for no detail.
fn drop_empty_details(fault: &mut Fault<'_>) {
    if fault
        .details
        .as_ref()
        .is_some_and(|d| d.as_str() == Some(""))
    {
        fault.details = None;
    }
}

/// WSME and Ironic: `{"faultstring", "faultcode", "debuginfo"}`, possibly inside
/// `error_message`, itself possibly a JSON string (Ironic before Stein).
fn wsme(status: StatusCode, json: &Json<'_>, _: &Hints) -> Option<Fault<'static>> {
    let object = match json.get("error_message") {
        Some(Json::Str(inner)) => {
            let inner = Json::parse(inner)?;
            return wsme(status, &inner, &Hints::default());
        }
        Some(inner) if inner.is_object() => inner,
        _ => json,
    };
    object.get("faultstring").and_then(Json::text)?;
    let mut fault = parsed(
        status,
        crate::framework::compute_name(status, crate::Dialect::Nova),
        Format::OpenStack,
    );
    extract::json(&super::openstack::WSME_JSON, object, &mut fault);
    drop_empty_details(&mut fault);
    Some(fault)
}

/// `{"errors": [{"status", "title", "detail", "code", "request_id", "links", …}, …]}`: the
/// first error (the most recent, by the guideline) and the others after it. Placement's detail
/// has WebOb's text stripped again, so a rendered fault reads back with its own message.
fn api_wg(status: StatusCode, json: &Json<'_>, hints: &Hints) -> Option<Fault<'static>> {
    let Some(Json::Array(errors)) = json.get("errors") else {
        return None;
    };
    errors
        .first()
        .filter(|e| e.get_any(&["status", "title", "detail"]).is_some())?;
    let format = if hints.placement {
        Format::Placement
    } else {
        Format::ApiWg
    };
    let reason = status.canonical_reason().unwrap_or("");
    let mut fault = parsed(status, reason, format);
    extract::json(
        json_root(shape::shape(format, Dialect::Nova)),
        json,
        &mut fault,
    );
    strip_webob(&mut fault, hints.placement);
    for more in &mut fault.more {
        strip_webob(more, hints.placement);
    }
    Some(fault)
}

/// Placement's detail without WebOb's text around the message.
fn strip_webob(fault: &mut Fault<'static>, placement: bool) {
    if let Some(message) = fault.message.as_str() {
        let stripped = super::apiwg::strip_webob(fault.status, message, placement);
        if stripped.len() != message.len() {
            fault.message = Text::from(stripped.to_owned());
        }
    }
}

/// RFC 9457: `title` (the fault's name, as this crate writes it), `detail`, `type` and
/// `instance`, and the extensions as members with their JSON types (the request id and API-WG
/// code where this crate writes them). A `status` that is not a number is ignored, as the RFC
/// asks.
fn problem(status: StatusCode, json: &Json<'_>, hints: &Hints) -> Option<Fault<'static>> {
    let titled = json.get("title").is_some() || json.get("type").is_some();
    let looks_like = hints.media == Media::ProblemJson
        || (titled
            && matches!(json.get("status"), Some(Json::Number(..)))
            && json.get("message").is_none());
    if !looks_like {
        return None;
    }
    let reason = status.canonical_reason().unwrap_or("");
    let mut fault = parsed(status, reason, Format::Problem);
    extract::json(json_root(&super::problem::PROBLEM), json, &mut fault);
    Some(fault)
}

/// Legacy XML: a root named for the fault with a `code` attribute and a `message` child; the
/// load balancer's adds `validationErrors`; the Compute API schema's has `retryAt`; nova's
/// `RateLimitFault` put `retryAfter` in an attribute.
fn openstack_xml(status: StatusCode, root: &Element) -> Option<Fault<'static>> {
    if root.attr("code").is_none() && root.child("message").is_none() {
        return None;
    }
    let load_balancer = root.child("validationErrors").is_some()
        || root
            .namespace
            .as_deref()
            .is_some_and(|ns| ns.contains("loadbalancers"));
    let (format, shape, dialect) = if load_balancer {
        (Format::LoadBalancer, &super::openstack::LOAD_BALANCER, None)
    } else if root.attr("retryAt").is_some() {
        (
            Format::OpenStack,
            &super::openstack::COMPUTE_SCHEMA,
            Some(Dialect::ComputeSchema),
        )
    } else {
        (Format::OpenStack, &super::openstack::NOVA, None)
    };
    let mut fault = parsed(status, "", format);
    fault.dialect = dialect;
    extract::xml(xml_root(shape), root, &mut fault);
    // What another era of the family wrote elsewhere: `retryAfter` and `created` as an
    // attribute or a child.
    let mut taken = |name: &str| {
        let at = fault.members.iter().position(|m| m.name() == name)?;
        let member = fault.members.remove(at);
        member.value().as_str().map(str::to_owned)
    };
    let retry = taken("retryAfter");
    let created = taken("created");
    if fault.retry_after.is_none()
        && let Some(retry) = retry.as_deref().and_then(extract::retry_after_text)
    {
        fault.retry_after = Some(retry);
    }
    if fault.created.is_none()
        && let Some(created) = created
    {
        fault.created = Some(created.into());
    }
    Some(fault)
}
