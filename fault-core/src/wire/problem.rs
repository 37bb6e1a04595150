//! RFC 9457 problem details, declared once: `application/problem+json`, and
//! `application/problem+xml` as its Appendix B writes it (`<problem xmlns="urn:ietf:rfc:7807">`
//! with the same members as elements, a list's items as `<i>`).
//!
//! `type` is the variant's URI, else the namespace and the title, else `about:blank`; `title`
//! the fault's title; `status`; `detail` (the message; none when it is empty, as the RFC's own
//! examples have none); `instance` (the request's path, else the fault's); the API-WG
//! code, the details and the request id; then each member with its JSON type, as the RFC's
//! extension members. `Content-Language` when the message's language is known.

use super::json::COMPACT;
use super::shape::{
    Fact, Header, Item, Json, JsonBody, Name, RetryForm, Shape, When, Xml, XmlBody, XmlValues,
    attr, hn, hv, leaf, object, opt, opt_leaf, pair, when,
};
use crate::Encoding;

/// RFC 9457's XML namespace (Appendix B), the one RFC 7807 registered.
pub(crate) const PROBLEM_NS: &str = "urn:ietf:rfc:7807";

/// RFC 9457's object, and its XML form (Appendix B).
pub(crate) const PROBLEM: Shape = Shape {
    json: Some(JsonBody {
        root: object!(
            pair("type", Json::Text(Fact::ProblemType)),
            pair("title", Json::Text(Fact::Title)),
            pair("status", Json::Number(Fact::Status)),
            // Optional in the RFC: a fault with no message sends none (its examples).
            when("detail", Json::Text(Fact::Message), When::NonEmpty),
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
    xml: Some(XmlBody {
        root: Xml::Element {
            name: Name::Lit("problem"),
            attrs: &[attr("xmlns", Fact::Literal(PROBLEM_NS), When::Always)],
            children: &[
                leaf("type", Fact::ProblemType),
                leaf("title", Fact::Title),
                leaf("status", Fact::Status),
                Xml::Leaf {
                    name: Name::Lit("detail"),
                    fact: Fact::Message,
                    when: When::NonEmpty,
                },
                opt_leaf("instance", Fact::Instance),
                opt_leaf("code", Fact::Code),
                opt_leaf("details", Fact::Details),
                opt_leaf("request_id", Fact::RequestId),
                Xml::Members,
            ],
        },
        prelude: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        content_type: hv!("application/problem+xml"),
        values: XmlValues::Problem,
    }),
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
