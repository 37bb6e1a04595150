//! RFC 9457 problem details, declared once: `application/problem+json`.
//!
//! `type` is the variant's URI, else the namespace and the title, else `about:blank`; `title`
//! the fault's title; `status`; `detail` (the message); `instance` (the request's path, else
//! the fault's); the API-WG code, the details and the request id; then each member with its
//! JSON type, as the RFC's extension members. `Content-Language` when the message's language
//! is known.

use super::json::COMPACT;
use super::shape::{
    Fact, Header, Item, Json, JsonBody, RetryForm, Shape, hn, hv, object, opt, pair,
};
use crate::Encoding;

/// RFC 9457's object.
pub(crate) const PROBLEM: Shape = Shape {
    json: Some(JsonBody {
        root: object!(
            pair("type", Json::Text(Fact::ProblemType)),
            pair("title", Json::Text(Fact::Title)),
            pair("status", Json::Number(Fact::Status)),
            pair("detail", Json::Text(Fact::Message)),
            opt("instance", Json::Text(Fact::Instance)),
            opt("code", Json::Text(Fact::Code)),
            opt("details", Json::Text(Fact::Details)),
            opt("request_id", Json::Text(Fact::RequestId)),
            Item::Members,
        ),
        style: COMPACT,
        content_type: hv!("application/problem+json"),
        newline: false,
        epoch_seconds: false,
    }),
    xml: None,
    default: Encoding::Json,
    headers: &[
        Header::RequestId(&[hn!("x-request-id")]),
        Header::ContentLanguage,
    ],
    retry_after: RetryForm::SecondsOrDate,
    header_members: true,
    json_names: true,
    title_is_reason: false,
    no_body_for_head: false,
    query_status: false,
};
