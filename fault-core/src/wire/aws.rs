//! The AWS family: the query protocol and Heat's dialect of it, EC2, restXml (wrapped and
//! not), S3, and the JSON protocols (awsJson 1.0 and 1.1, restJson1), declared once each.
//!
//! Bytes follow the Smithy protocol tests and the services they describe: no XML declaration
//! and no whitespace for the query shapes, the declaration for S3, compact UTF-8 JSON. Members
//! follow Smithy's bindings: `@jsonName` in restJson1 only, `@httpHeader` in the REST
//! protocols only (the RPC protocols put such a member in the body), lists as `<member>`
//! items unless flattened, timestamps as epoch seconds in JSON and date-times in XML.

use super::json::COMPACT;
use super::shape::{
    Attr, Fact, Header, Item, Json, JsonBody, Key, Name, RetryForm, ServerWord, Shape, When, Xml,
    XmlBody, XmlValues, attr, element, hn, hv, leaf, object, opt_leaf, pair,
};
use crate::Encoding;

const AMZN_REQUEST_ID: Header = Header::RequestId(&[hn!("x-amzn-requestid")]);

/// `<ErrorResponse [xmlns]>`.
const ERROR_RESPONSE_ATTRS: &[Attr] = &[attr("xmlns", Fact::Namespace, When::Present)];

/// `<Message>`, left out when the message is known to be empty: AWS error shapes have an
/// optional message, and a fault read from a body without one writes it back without one.
const MESSAGE: Xml = Xml::Leaf {
    name: Name::Message("Message"),
    fact: Fact::Message,
    when: When::NonEmpty,
};

/// The `<Type>` of the query shapes: `Receiver` for a 5xx that names none, as Smithy says.
const TYPE: Xml = leaf("Type", Fact::ErrType(ServerWord::Receiver));

/// What the XML formats share; each sets its body, headers and rules.
const XML: Shape = Shape {
    json: None,
    xml: None,
    default: Encoding::Xml,
    headers: &[AMZN_REQUEST_ID],
    retry_after: RetryForm::Seconds,
    header_members: false,
    json_names: false,
    title_is_reason: false,
    no_body_for_head: false,
    query_status: false,
};

/// awsQuery: `<ErrorResponse [xmlns]><Error><Type/><Code/><Message/>[<Detail/>]…</Error>
/// [<RequestId/>]</ErrorResponse>`, the code being the legacy query code where the fault has
/// one, and the status the awsQuery status.
pub(crate) const QUERY: Shape = Shape {
    xml: Some(XmlBody {
        root: Xml::Element {
            name: Name::Lit("ErrorResponse"),
            attrs: ERROR_RESPONSE_ATTRS,
            children: &[
                element!(
                    "Error",
                    [
                        TYPE,
                        leaf("Code", Fact::QueryCode),
                        MESSAGE,
                        opt_leaf("Detail", Fact::Details),
                        Xml::Members,
                    ]
                ),
                opt_leaf("RequestId", Fact::RequestId),
            ],
        },
        prelude: "",
        content_type: hv!("text/xml"),
        values: XmlValues::Smithy,
    }),
    query_status: true,
    ..XML
};

/// restXml: the query shape, in `application/xml`, with members bound to headers sent there.
pub(crate) const REST_XML: Shape = Shape {
    xml: Some(XmlBody {
        root: Xml::Element {
            name: Name::Lit("ErrorResponse"),
            attrs: ERROR_RESPONSE_ATTRS,
            children: &[
                element!(
                    "Error",
                    [
                        TYPE,
                        leaf("Code", Fact::Title),
                        MESSAGE,
                        opt_leaf("Detail", Fact::Details),
                        Xml::Members,
                    ]
                ),
                opt_leaf("RequestId", Fact::RequestId),
            ],
        },
        prelude: "",
        content_type: hv!("application/xml"),
        values: XmlValues::Smithy,
    }),
    header_members: true,
    ..XML
};

/// restXml with `noErrorWrapping`: `<Error>` is the root, and holds the request id.
pub(crate) const REST_XML_UNWRAPPED: Shape = Shape {
    xml: Some(XmlBody {
        root: element!(
            "Error",
            [
                TYPE,
                leaf("Code", Fact::Title),
                MESSAGE,
                opt_leaf("Detail", Fact::Details),
                Xml::Members,
                opt_leaf("RequestId", Fact::RequestId),
            ]
        ),
        prelude: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        content_type: hv!("application/xml"),
        values: XmlValues::Smithy,
    }),
    header_members: true,
    ..XML
};

/// Heat's `get_unserialized_body`: the query shape without declaration, namespace, members or
/// request id; `Message` is the explanation, or explanation + `:` + detail; `Type` is `Server`
/// for a 5xx; the reason phrase is the title (`400 InvalidAction`).
pub(crate) const HEAT: Shape = Shape {
    xml: Some(XmlBody {
        root: element!(
            "ErrorResponse",
            [element!(
                "Error",
                [
                    leaf("Type", Fact::ErrType(ServerWord::Server)),
                    leaf("Code", Fact::Title),
                    leaf("Message", Fact::HeatMessage),
                ]
            )]
        ),
        prelude: "",
        content_type: hv!("application/xml; charset=UTF-8"),
        values: XmlValues::Smithy,
    }),
    headers: &[Header::RequestId(&[hn!("x-openstack-request-id")])],
    title_is_reason: true,
    ..XML
};

/// ec2Query: `<Response><Errors><Error><Code/><Message/>…</Error></Errors><RequestID/>
/// </Response>`, no `Type`.
pub(crate) const EC2: Shape = Shape {
    xml: Some(XmlBody {
        root: element!(
            "Response",
            [
                element!(
                    "Errors",
                    [element!(
                        "Error",
                        [leaf("Code", Fact::Title), MESSAGE, Xml::Members]
                    )]
                ),
                opt_leaf("RequestID", Fact::RequestId),
            ]
        ),
        prelude: "",
        content_type: hv!("text/xml;charset=UTF-8"),
        values: XmlValues::Smithy,
    }),
    ..XML
};

/// S3's `<Error>` root, never namespaced (botocore compares the tag literally), with the
/// request id and host id in the body and in `x-amz-request-id` / `x-amz-id-2`. A `HEAD`
/// gets the headers and no body.
pub(crate) const S3: Shape = Shape {
    xml: Some(XmlBody {
        root: element!(
            "Error",
            [
                leaf("Code", Fact::Title),
                MESSAGE,
                Xml::Members,
                opt_leaf("RequestId", Fact::RequestId),
                opt_leaf("HostId", Fact::HostId),
            ]
        ),
        prelude: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        content_type: hv!("application/xml"),
        values: XmlValues::Smithy,
    }),
    headers: &[
        Header::RequestId(&[hn!("x-amz-request-id")]),
        Header::HostId(hn!("x-amz-id-2")),
    ],
    header_members: true,
    no_body_for_head: true,
    ..XML
};

/// The message member of the JSON protocols.
const JSON_MESSAGE: Item = Item::Pair {
    key: Key::Message("message"),
    value: Json::Text(Fact::Message),
    when: When::NonEmpty,
};

/// Read back, never written: the code where other producers put it (botocore and Smithy
/// accept `code`; `X-Amzn-Errortype` is read from the headers) and Lambda's `Type`.
const READ_CODE: Item = Item::Pair {
    key: Key::Any(&["code", "Code"]),
    value: Json::Text(Fact::TypeName),
    when: When::ReadOnly,
};
const READ_TYPE: Item = Item::Pair {
    key: Key::Any(&["Type", "type"]),
    value: Json::Text(Fact::ErrType(ServerWord::Receiver)),
    when: When::ReadOnly,
};

/// What the JSON protocols share.
const JSON: Shape = Shape {
    json: None,
    xml: None,
    default: Encoding::Json,
    headers: &[AMZN_REQUEST_ID, Header::QueryError],
    retry_after: RetryForm::Seconds,
    header_members: false,
    json_names: false,
    title_is_reason: false,
    no_body_for_head: false,
    query_status: false,
};

/// awsJson 1.0: `{"__type": "namespace#Name", "message": …, …members}`, and
/// `x-amzn-query-error` for a query-compatible fault.
pub(crate) const JSON10: Shape = Shape {
    json: Some(JsonBody {
        root: object!(
            pair("__type", Json::Text(Fact::TypeName)),
            JSON_MESSAGE,
            READ_CODE,
            READ_TYPE,
            Item::Members
        ),
        style: COMPACT,
        content_type: hv!("application/x-amz-json-1.0"),
        newline: false,
        epoch_seconds: true,
    }),
    ..JSON
};

/// awsJson 1.1: `{"__type": "Name", …}`.
pub(crate) const JSON11: Shape = Shape {
    json: Some(JsonBody {
        root: object!(
            pair("__type", Json::Text(Fact::Title)),
            JSON_MESSAGE,
            READ_CODE,
            READ_TYPE,
            Item::Members
        ),
        style: COMPACT,
        content_type: hv!("application/x-amz-json-1.1"),
        newline: false,
        epoch_seconds: true,
    }),
    ..JSON
};

/// restJson1: the error's members as the body (under their `@jsonName`, those bound to
/// headers in them), its name in `X-Amzn-Errortype`.
pub(crate) const REST_JSON: Shape = Shape {
    json: Some(JsonBody {
        root: object!(
            JSON_MESSAGE,
            Item::Pair {
                key: Key::Any(&["__type", "code", "Code"]),
                value: Json::Text(Fact::TypeName),
                when: When::ReadOnly,
            },
            READ_TYPE,
            Item::Members
        ),
        style: COMPACT,
        content_type: hv!("application/json"),
        newline: false,
        epoch_seconds: true,
    }),
    headers: &[Header::Title(hn!("x-amzn-errortype")), AMZN_REQUEST_ID],
    header_members: true,
    json_names: true,
    ..JSON
};
