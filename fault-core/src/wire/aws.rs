//! The AWS family: the query protocol and Heat's dialect of it, EC2, restXml, S3, and the
//! JSON protocols (awsJson 1.0 and 1.1, restJson1).
//!
//! Bytes follow the Smithy protocol tests and the services they describe: no XML declaration
//! and no whitespace for the query shapes, the declaration for S3, compact UTF-8 JSON.

use super::json::{self, COMPACT};
use super::{Out, Render, xml};
use crate::{ErrType, Format, Text};

pub(crate) fn render(format: Format, r: &Render<'_>, out: &mut Out) {
    match format {
        Format::AwsQuery => {
            if out.body_wanted {
                query_shape(r, &mut out.body, true, true);
            }
            out.content_type(header_value!("text/xml"));
            out.request_id(r, &[header_name!("x-amzn-requestid")]);
        }
        Format::AwsRestXml => {
            if out.body_wanted {
                query_shape(r, &mut out.body, true, true);
            }
            out.content_type(header_value!("application/xml"));
            out.request_id(r, &[header_name!("x-amzn-requestid")]);
        }
        Format::Heat => heat(r, out),
        Format::Ec2Query => {
            if out.body_wanted {
                ec2(r, &mut out.body);
            }
            out.content_type(header_value!("text/xml;charset=UTF-8"));
            out.request_id(r, &[header_name!("x-amzn-requestid")]);
        }
        Format::S3 => s3(r, out),
        Format::AwsJson10 | Format::AwsJson11 => aws_json(format, r, out),
        _ => rest_json(r, out),
    }
}

/// `<ErrorResponse [xmlns]><Error><Type/><Code/><Message/>[<Detail/>]…extras</Error>
/// [<RequestId/>]</ErrorResponse>`: awsQuery, restXml, and (without namespace and request id)
/// Heat.
fn query_shape(r: &Render<'_>, body: &mut Vec<u8>, namespace: bool, request_id: bool) {
    body.extend_from_slice(b"<ErrorResponse");
    if let Some(ns) = r.namespace().filter(|_| namespace) {
        body.extend_from_slice(b" xmlns=\"");
        xml::escape_attr(body, ns);
        body.push(b'"');
    }
    body.extend_from_slice(b"><Error>");
    xml::element_str(body, "Type", r.fault.err_type.as_str());
    xml::element(body, "Code", &Text::from(&*r.fault.title));
    message_element(r, body);
    if let Some(details) = &r.fault.details {
        xml::element(body, "Detail", details);
    }
    extras(r, body);
    body.extend_from_slice(b"</Error>");
    if let Some(id) = r.request_id_text().filter(|_| request_id) {
        xml::element(body, "RequestId", &id);
    }
    body.extend_from_slice(b"</ErrorResponse>");
}

/// `<Message>`, left out when the message is known to be empty: AWS error shapes have an
/// optional message, and a fault read from a body without one writes it back without one.
fn message_element(r: &Render<'_>, body: &mut Vec<u8>) {
    if r.message.as_str() != Some("") {
        xml::element(body, "Message", &r.message);
    }
}

/// Each extra member as an element, in order.
fn extras(r: &Render<'_>, body: &mut Vec<u8>) {
    for extra in &r.fault.extras {
        xml::element(body, &xml::element_name(&extra.name), &extra.value);
    }
}

/// Heat's `get_unserialized_body`: the query shape without declaration, namespace or request
/// id; `Message` is the explanation, or explanation + `:` + detail; the reason phrase is the
/// title (`400 InvalidAction`).
fn heat(r: &Render<'_>, out: &mut Out) {
    if out.body_wanted {
        heat_body(r, &mut out.body);
    }
    out.content_type(header_value!("application/xml; charset=UTF-8"));
    out.request_id(r, &[header_name!("x-openstack-request-id")]);
    if out.wants_headers() && is_reason_phrase(&r.fault.title) {
        out.reason = Some(r.fault.title.as_ref().into());
    }
}

fn heat_body(r: &Render<'_>, body: &mut Vec<u8>) {
    body.extend_from_slice(b"<ErrorResponse><Error>");
    xml::element_str(body, "Type", r.fault.err_type.as_str());
    xml::element(body, "Code", &Text::from(&*r.fault.title));
    body.extend_from_slice(b"<Message>");
    xml::text(body, &r.message);
    if let Some(details) = &r.fault.details {
        body.push(b':');
        xml::text(body, details);
    }
    body.extend_from_slice(b"</Message></Error></ErrorResponse>");
}

/// Whether `text` may stand in a status line: visible ASCII and spaces.
fn is_reason_phrase(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b == b' ' || b == b'\t' || b.is_ascii_graphic())
}

/// `<Response><Errors><Error><Code/><Message/>…extras</Error></Errors><RequestID/></Response>`.
fn ec2(r: &Render<'_>, body: &mut Vec<u8>) {
    body.extend_from_slice(b"<Response><Errors><Error>");
    xml::element(body, "Code", &Text::from(&*r.fault.title));
    message_element(r, body);
    extras(r, body);
    body.extend_from_slice(b"</Error></Errors>");
    if let Some(id) = r.request_id_text() {
        xml::element(body, "RequestID", &id);
    }
    body.extend_from_slice(b"</Response>");
}

/// S3's `<Error>` root, never namespaced (botocore compares the tag literally), with the
/// request id and host id in the body and in `x-amz-request-id` / `x-amz-id-2`. A `HEAD`
/// gets the headers and no body.
fn s3(r: &Render<'_>, out: &mut Out) {
    out.content_type(header_value!("application/xml"));
    out.request_id(r, &[header_name!("x-amz-request-id")]);
    if let Some(host_id) = &r.cx.host_id {
        out.header(header_name!("x-amz-id-2"), host_id);
    }
    if r.cx.is_head() || !out.body_wanted {
        return;
    }
    let body = &mut out.body;
    body.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>");
    xml::element(body, "Code", &Text::from(&*r.fault.title));
    message_element(r, body);
    extras(r, body);
    if let Some(id) = r.request_id_text() {
        xml::element(body, "RequestId", &id);
    }
    if let Some(host_id) = &r.cx.host_id {
        xml::element(body, "HostId", &Text::from(&**host_id));
    }
    body.extend_from_slice(b"</Error>");
}

/// `{"__type": "ns#Name" (1.0) or "Name" (1.1), "message": …, …extras}`.
fn aws_json(format: Format, r: &Render<'_>, out: &mut Out) {
    if out.body_wanted {
        aws_json_body(format, r, &mut out.body);
    }
    out.content_type(if format == Format::AwsJson10 {
        header_value!("application/x-amz-json-1.0")
    } else {
        header_value!("application/x-amz-json-1.1")
    });
    out.request_id(r, &[header_name!("x-amzn-requestid")]);
    if r.cx.query_compatible && out.wants_headers() {
        let fault_word = if r.fault.err_type.is_server_side() {
            ErrType::Receiver
        } else {
            ErrType::Sender
        };
        let value = format!("{};{}", r.fault.title, fault_word.as_str());
        out.header(header_name!("x-amzn-query-error"), &value);
    }
}

fn aws_json_body(format: Format, r: &Render<'_>, body: &mut Vec<u8>) {
    let mut object = json::Object::open(body, COMPACT);
    let type_key = object.key("__type");
    type_key.push(b'"');
    // Only a Smithy shape namespace (`aws.protocoltests.json10`) prefixes the name; an XML
    // namespace URI would be cut at its first `:` by every client.
    let shape_namespace = r.namespace().filter(|ns| !ns.contains([':', '/', '#']));
    if let (Format::AwsJson10, Some(ns)) = (format, shape_namespace) {
        json::escape(type_key, ns, false);
        type_key.push(b'#');
    }
    json::escape(type_key, &r.fault.title, false);
    type_key.push(b'"');
    members(r, &mut object);
    object.close();
}

/// restJson1: the error's members as the body, its name in `X-Amzn-Errortype`.
fn rest_json(r: &Render<'_>, out: &mut Out) {
    if out.body_wanted {
        let mut object = json::Object::open(&mut out.body, COMPACT);
        members(r, &mut object);
        object.close();
    }
    out.content_type(header_value!("application/json"));
    out.header(header_name!("x-amzn-errortype"), &r.fault.title);
    out.request_id(r, &[header_name!("x-amzn-requestid")]);
}

/// The members of an AWS JSON error: `message` (unless known to be empty), then each extra.
fn members(r: &Render<'_>, object: &mut json::Object<'_>) {
    if r.message.as_str() != Some("") {
        object.text("message", &r.message);
    }
    for extra in &r.fault.extras {
        object.data_text(&extra.name, &extra.value);
    }
}

#[cfg(feature = "parse")]
mod parsing;
#[cfg(feature = "parse")]
pub(crate) use parsing::*;
