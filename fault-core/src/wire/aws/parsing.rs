//! Reading AWS error bodies back (query XML, JSON, REST-XML, S3).
//!
//! Behind the `parse` feature, with the readers it needs (quick-xml, serde_json).

use crate::Fault;
use crate::wire::read::{Element, Json};
use crate::wire::{Hints, parsed};
use crate::{ErrType, Format, Member};
use http::StatusCode;

/// An AWS error code as clients read it: cut at the first `:` (`Name:http://…`), then what
/// follows the last `#` (`namespace#Name`).
pub(crate) fn sanitize_code(code: &str) -> &str {
    // Byte searches: both separators are ASCII, so the cuts fall on char boundaries.
    let bytes = code.as_bytes();
    let end = bytes.iter().position(|&b| b == b':').unwrap_or(bytes.len());
    let start = bytes[..end]
        .iter()
        .rposition(|&b| b == b'#')
        .map_or(0, |i| i + 1);
    code[start..end].trim()
}

/// The JSON protocols: the code from `x-amzn-query-error`, `X-Amzn-Errortype`, a `code` field
/// or `__type` (in that order), the message from `message`, `Message` or `errorMessage`, and
/// every other string member as an extra.
pub(crate) fn from_json(
    status: StatusCode,
    json: &Json<'_>,
    hints: &Hints,
) -> Option<Fault<'static>> {
    let type_field = json.get("__type").and_then(Json::as_str);
    let code_field = json.get_any(&["code", "Code"]).and_then(Json::as_str);
    let code = hints
        .query_error
        .map(|(code, _)| code)
        .or(hints.errortype)
        .or_else(|| code_field.map(sanitize_code))
        .or_else(|| type_field.map(sanitize_code))
        .filter(|c| !c.is_empty())?
        .to_owned();
    let format = if hints.errortype.is_some() && type_field.is_none() {
        Format::AwsRestJson
    } else if hints.content_type.contains("1.0") || type_field.is_some_and(|t| t.contains('#')) {
        Format::AwsJson10
    } else {
        Format::AwsJson11
    };
    let mut fault = parsed(status, code, format);
    if let Some(namespace) = type_field.and_then(|t| t.split(':').next()?.rsplit_once('#')) {
        fault.namespace = Some(namespace.0.to_owned().into());
    }
    if let Some(message) = json
        .get_any(&["message", "Message", "errorMessage"])
        .and_then(Json::text)
    {
        fault.message = message.into_owned().into();
    }
    if let Some(word) = hints
        .query_error
        .as_ref()
        .and_then(|(_, t)| ErrType::from_word(t))
    {
        fault.err_type = Some(word);
    } else if let Some(word) = json
        .get_any(&["Type", "type"])
        .and_then(Json::as_str)
        .and_then(ErrType::from_word)
    {
        fault.err_type = Some(word);
    }
    for (name, value) in json.members() {
        let known = matches!(
            &**name,
            "__type" | "code" | "Code" | "message" | "Message" | "errorMessage" | "Type" | "type"
        );
        if !known {
            fault
                .members
                .push(Member::new(name.clone().into_owned(), value.to_value()));
        }
    }
    Some(fault)
}

/// `ErrorResponse/Error` (awsQuery, restXml, Heat), `Response/Errors/Error` (EC2), or any
/// root wrapping `Errors/Error`; and S3's bare `<Error>`.
pub(crate) fn from_xml(
    status: StatusCode,
    root: &Element,
    hints: &Hints,
) -> Option<Fault<'static>> {
    let (error, format) = match root.name.as_str() {
        // restXml without error wrapping keeps `Type`; S3's bare `<Error>` has none.
        "Error" if root.child("Type").is_some() => (root, Format::AwsRestXmlUnwrapped),
        "Error" => (root, Format::S3),
        "ErrorResponse" => {
            let error = root
                .child("Error")
                .or_else(|| root.child("Errors")?.child("Error"))?;
            let format = if root.child_any(&["RequestId", "RequestID"]).is_none()
                && root.namespace.is_none()
            {
                Format::Heat
            } else if hints.content_type_is("text/xml") {
                Format::AwsQuery
            } else {
                Format::AwsRestXml
            };
            (error, format)
        }
        "Response" => (root.child("Errors")?.child("Error")?, Format::Ec2Query),
        _ => (root.child("Errors")?.child("Error")?, Format::AwsQuery),
    };
    let code = hints
        .query_error
        .map(|(code, _)| code)
        .or_else(|| error.child_text("Code").map(sanitize_code))
        .filter(|c| !c.is_empty())?
        .to_owned();
    let mut fault = parsed(status, code, format);
    fault.namespace = root.namespace.clone().map(Into::into);
    if let Some(message) = error.child_text("Message") {
        fault.message = message.to_owned().into();
    }
    if let Some(word) = error
        .child_text("Type")
        .and_then(|t| ErrType::from_word(t.trim()))
    {
        fault.err_type = Some(word);
    }
    if let Some(detail) = error.child_text("Detail").filter(|d| !d.trim().is_empty()) {
        fault.details = Some(detail.to_owned().into());
    }
    let request_id = root
        .child_any(&["RequestId", "RequestID"])
        .or_else(|| error.child_any(&["RequestId", "RequestID"]))
        .map(|e| e.text.clone());
    fault.request_id = request_id.filter(|id| !id.is_empty()).map(Into::into);
    for child in &error.children {
        let known = matches!(
            child.name.as_str(),
            "Code" | "Message" | "Type" | "Detail" | "RequestId" | "RequestID"
        );
        if !known && child.children.is_empty() {
            fault
                .members
                .push(Member::new(child.name.clone(), child.to_value()));
        }
    }
    Some(fault)
}
