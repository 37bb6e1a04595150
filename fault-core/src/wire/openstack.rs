//! The OpenStack family: compute and block-storage faults (nova's and cinder's `Fault`, and
//! the Compute API schema's), the load balancer's faults, keystone's and neutron's errors,
//! declared once each.
//!
//! JSON is laid out as the Python services write it (`json.dumps`: `", "`, `": "`, non-ASCII
//! escaped; keystone through Flask: sorted and compact with a final newline); the XML as the
//! legacy services wrote it (`minidom`'s `toxml`: no declaration, no whitespace, `code`
//! before `xmlns`, members as nova's `XMLDictSerializer` wrote a dict).

use super::emit::{Out, Render};
use super::json::{COMPACT, FLASK, PYTHON};
use super::shape::{
    Fact, Header, Item, Json, JsonBody, Key, Name, RetryForm, Shape, VersionHeaders, When, Xml,
    XmlBody, XmlValues, attr, hn, hv, object, opt, opt_leaf, pair, when,
};
use crate::{Dialect, Encoding};
use http::StatusCode;

/// The load balancer API's namespace, used when the fault names none.
pub(crate) const LOAD_BALANCER_NS: &str = "http://docs.openstack.org/loadbalancers/api/v1.0";

const OPENSTACK_REQUEST_ID: Header = Header::RequestId(&[hn!("x-openstack-request-id")]);

/// What the family shares.
const OPENSTACK: Shape = Shape {
    json: None,
    xml: None,
    default: Encoding::Json,
    headers: &[OPENSTACK_REQUEST_ID],
    retry_after: RetryForm::Seconds,
    header_members: true,
    json_names: true,
    title_is_reason: false,
    no_body_for_head: false,
    query_status: false,
};

/// nova and cinder send both request-id headers (novaclient reads only the second).
const BOTH_REQUEST_IDS: Header =
    Header::RequestId(&[hn!("x-openstack-request-id"), hn!("x-compute-request-id")]);

/// `<message/>`, always.
const MESSAGE: Xml = Xml::Leaf {
    name: Name::Lit("message"),
    fact: Fact::Message,
    when: When::Always,
};

/// nova's faults: `{"name": {"code": 404, "message": …, "details"?, "retryAfter"?: "30",
/// "created"?, …members}}` in `application/json; charset=UTF-8`, `retryAfter` (the seconds
/// of `Retry-After`, as a string) on 413 and 429; the XML as nova's `XMLDictSerializer` wrote
/// it, `<name code="404" xmlns="…"><message/>[<details/>][<retryAfter/>]…</name>`, only `code`
/// being an attribute.
pub(crate) const NOVA: Shape = Shape {
    json: Some(JsonBody {
        root: object!(Item::Pair {
            key: Key::Title,
            value: object!(
                pair("code", Json::Number(Fact::Status)),
                pair("message", Json::Text(Fact::Message)),
                opt("details", Json::Text(Fact::Details)),
                when(
                    "retryAfter",
                    Json::Text(Fact::RetryAfterSeconds),
                    When::OverLimit
                ),
                opt("created", Json::Text(Fact::Created)),
                Item::Members,
            ),
            when: When::Always,
        }),
        style: PYTHON,
        content_type: hv!("application/json; charset=UTF-8"),
        newline: false,
        epoch_seconds: false,
    }),
    xml: Some(XmlBody {
        root: Xml::Element {
            name: Name::Title,
            attrs: &[
                attr("code", Fact::Status, When::Always),
                attr("created", Fact::Created, When::Present),
                attr("xmlns", Fact::Namespace, When::Present),
            ],
            children: &[
                MESSAGE,
                opt_leaf("details", Fact::Details),
                Xml::Leaf {
                    name: Name::Lit("retryAfter"),
                    fact: Fact::RetryAfterSeconds,
                    when: When::OverLimit,
                },
                Xml::Members,
            ],
        },
        prelude: "",
        content_type: hv!("application/xml; charset=UTF-8"),
        values: XmlValues::Nova,
    }),
    headers: &[
        BOTH_REQUEST_IDS,
        Header::ApiVersion(VersionHeaders::Compute),
    ],
    ..OPENSTACK
};

/// cinder's: nova's, with `retryAfter` on 413 only (cinder names no 429) and JSON in
/// `application/json` without a charset (cinder sets the body, never the charset, and WebOb
/// 1.7 on adds none).
pub(crate) const CINDER: Shape = Shape {
    json: Some(JsonBody {
        root: object!(Item::Pair {
            key: Key::Title,
            value: object!(
                pair("code", Json::Number(Fact::Status)),
                pair("message", Json::Text(Fact::Message)),
                opt("details", Json::Text(Fact::Details)),
                when(
                    "retryAfter",
                    Json::Text(Fact::RetryAfterSeconds),
                    When::PayloadTooLarge
                ),
                opt("created", Json::Text(Fact::Created)),
                Item::Members,
            ),
            when: When::Always,
        }),
        style: PYTHON,
        content_type: hv!("application/json"),
        newline: false,
        epoch_seconds: false,
    }),
    xml: Some(XmlBody {
        root: Xml::Element {
            name: Name::Title,
            attrs: &[
                attr("code", Fact::Status, When::Always),
                attr("created", Fact::Created, When::Present),
                attr("xmlns", Fact::Namespace, When::Present),
            ],
            children: &[
                MESSAGE,
                opt_leaf("details", Fact::Details),
                Xml::Leaf {
                    name: Name::Lit("retryAfter"),
                    fact: Fact::RetryAfterSeconds,
                    when: When::PayloadTooLarge,
                },
                Xml::Members,
            ],
        },
        prelude: "",
        content_type: hv!("application/xml; charset=UTF-8"),
        values: XmlValues::Nova,
    }),
    headers: &[BOTH_REQUEST_IDS, Header::ApiVersion(VersionHeaders::Volume)],
    ..OPENSTACK
};

/// The Compute API v1.1 schema (`faults.xsd`) and the Rackspace-era JSON that follows it:
/// `retryAt`, a date-time, on 413 and 429 (an attribute in XML, as is `created`), and
/// `details`.
pub(crate) const COMPUTE_SCHEMA: Shape = Shape {
    json: Some(JsonBody {
        root: object!(Item::Pair {
            key: Key::Title,
            value: object!(
                pair("code", Json::Number(Fact::Status)),
                pair("message", Json::Text(Fact::Message)),
                opt("details", Json::Text(Fact::Details)),
                when("retryAt", Json::Text(Fact::RetryAt), When::OverLimit),
                opt("created", Json::Text(Fact::Created)),
                Item::Members,
            ),
            when: When::Always,
        }),
        style: PYTHON,
        content_type: hv!("application/json"),
        newline: false,
        epoch_seconds: false,
    }),
    xml: Some(XmlBody {
        root: Xml::Element {
            name: Name::Title,
            attrs: &[
                attr("code", Fact::Status, When::Always),
                attr("retryAt", Fact::RetryAt, When::OverLimit),
                attr("created", Fact::Created, When::Present),
                attr("xmlns", Fact::Namespace, When::Present),
            ],
            children: &[MESSAGE, opt_leaf("details", Fact::Details), Xml::Members],
        },
        prelude: "",
        content_type: hv!("application/xml"),
        values: XmlValues::Nova,
    }),
    headers: &[BOTH_REQUEST_IDS],
    ..OPENSTACK
};

/// The compute shape of `dialect`.
pub(crate) const fn compute(dialect: Dialect) -> &'static Shape {
    match dialect {
        Dialect::Nova => &NOVA,
        Dialect::Cinder => &CINDER,
        Dialect::ComputeSchema => &COMPUTE_SCHEMA,
    }
}

/// The load balancer: XML as the compute faults of its time (namespaced by default,
/// `retryAfter` an attribute) plus `<validationErrors><message/>…</validationErrors>`; JSON
/// unwrapped, `{"validationErrors":{"messages":[…]},"message":…,"code":400,"details":…}`.
pub(crate) const LOAD_BALANCER: Shape = Shape {
    json: Some(JsonBody {
        root: object!(
            when(
                "validationErrors",
                object!(pair("messages", Json::Texts(Fact::ValidationErrors))),
                When::Has(Fact::ValidationErrors),
            ),
            pair("message", Json::Text(Fact::Message)),
            pair("code", Json::Number(Fact::Status)),
            opt("details", Json::Text(Fact::Details)),
            Item::Members,
        ),
        style: COMPACT,
        content_type: hv!("application/json"),
        newline: false,
        epoch_seconds: false,
    }),
    xml: Some(XmlBody {
        root: Xml::Element {
            name: Name::Title,
            attrs: &[
                attr("code", Fact::Status, When::Always),
                attr("retryAfter", Fact::RetryAfterSeconds, When::OverLimit),
                attr("created", Fact::Created, When::Present),
                attr("xmlns", Fact::LoadBalancerNamespace, When::Always),
            ],
            children: &[
                MESSAGE,
                opt_leaf("details", Fact::Details),
                Xml::List {
                    name: "validationErrors",
                    item: "message",
                    fact: Fact::ValidationErrors,
                },
                Xml::Members,
            ],
        },
        prelude: "",
        content_type: hv!("application/xml"),
        values: XmlValues::Nova,
    }),
    default: Encoding::Xml,
    ..OPENSTACK
};

/// Keystone through Flask's `jsonify`: `{"error":{"code":401,"message":…,"title":…}}` and a
/// newline, keys sorted (members among them); `WWW-Authenticate: Keystone uri="…"` on 401 and
/// `Vary: X-Auth-Token`.
pub(crate) const KEYSTONE: Shape = Shape {
    json: Some(JsonBody {
        root: object!(Item::Pair {
            key: Key::Lit("error"),
            value: Json::Object {
                items: &[
                    pair("code", Json::Number(Fact::Status)),
                    pair("message", Json::Text(Fact::Message)),
                    pair("title", Json::Text(Fact::Title)),
                    when("details", Json::Text(Fact::Details), When::ReadOnly),
                    Item::Members,
                ],
                sorted: true,
            },
            when: When::Always,
        }),
        style: FLASK,
        content_type: hv!("application/json"),
        newline: true,
        epoch_seconds: false,
    }),
    headers: &[
        Header::Fixed(hn!("vary"), hv!("X-Auth-Token")),
        Header::Challenge,
        OPENSTACK_REQUEST_ID,
    ],
    ..OPENSTACK
};

/// Neutron: `{"NeutronError": {"type": …, "message": …, "detail": …, …members}}`, `detail`
/// empty when unset.
pub(crate) const NEUTRON: Shape = Shape {
    json: Some(JsonBody {
        root: object!(Item::Pair {
            key: Key::Any(&["NeutronError", "NotImplementedError"]),
            value: object!(
                pair("type", Json::Text(Fact::Title)),
                pair("message", Json::Text(Fact::Message)),
                pair("detail", Json::Text(Fact::Details)),
                Item::Members,
            ),
            when: When::Always,
        }),
        style: PYTHON,
        content_type: hv!("application/json"),
        newline: false,
        epoch_seconds: false,
    }),
    ..OPENSTACK
};

/// WebOb's own JSON for errors raised before the service formats them, read back only:
/// `{"message", "code": "404 Not Found", "title"}`.
#[cfg(feature = "parse")]
pub(crate) const WEBOB_JSON: Json = object!(
    pair("title", Json::Text(Fact::Title)),
    pair("message", Json::Text(Fact::Message)),
    pair("code", Json::Text(Fact::Status)),
);

/// WSME's faults (Ironic, Octavia…), read back only: `{"faultstring", "faultcode",
/// "debuginfo"}`.
#[cfg(feature = "parse")]
pub(crate) const WSME_JSON: Json = object!(
    pair("faultstring", Json::Text(Fact::Message)),
    pair(
        "faultcode",
        Json::Text(Fact::ErrType(super::shape::ServerWord::Server))
    ),
    pair("debuginfo", Json::Text(Fact::Details)),
);

/// Keystone's challenge: a 401 must carry one (RFC 9110 §11.6.1); a URI that cannot stand in
/// a quoted header value is left out, not allowed to drop the whole header.
pub(crate) fn challenge(r: &Render<'_>, out: &mut Out) {
    if r.fault.status != StatusCode::UNAUTHORIZED {
        return;
    }
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
