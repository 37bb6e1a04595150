//! The vocabulary in which each wire family declares its formats, once.
//!
//! A [`Shape`] says where each fact of a fault goes in a format's JSON or XML body and which
//! headers carry what. Everything else follows from it: `emit.rs` writes bodies and headers
//! by walking it, `read/extract.rs` reads a body back by walking it the other way, the
//! catalogue's JSON Schema is written from it, what of a request reaches a body (which decides
//! whether a finished body can be kept) is computed from it, and so is what a format carries,
//! which the derive's compile-time check and [`Fault::unsent`](crate::Fault::unsent) read.
//! So a new kind of member is a new [`Fact`] handled in those walkers, and a new format is a
//! new declaration.

use crate::{Encoding, Format, Microversion};
use http::{HeaderName, HeaderValue};

/// A header name, built in const context (checking a literal on every response costs).
pub(crate) type NameFn = fn() -> HeaderName;
/// A header value, built in const context.
pub(crate) type ValueFn = fn() -> HeaderValue;

/// A [`NameFn`] for a literal header name.
macro_rules! hn {
    ($name:literal) => {
        || {
            const NAME: ::http::HeaderName = ::http::HeaderName::from_static($name);
            NAME
        }
    };
}

/// A [`ValueFn`] for a literal header value.
macro_rules! hv {
    ($value:literal) => {
        || {
            const VALUE: ::http::HeaderValue = ::http::HeaderValue::from_static($value);
            VALUE
        }
    };
}

/// An object whose members are written in the order declared.
macro_rules! object {
    ($($item:expr),* $(,)?) => {
        $crate::wire::shape::Json::Object {
            items: &[$($item),*],
            sorted: false,
        }
    };
}

/// An element with children and no attributes.
macro_rules! element {
    ($name:literal, [$($child:expr),* $(,)?]) => {
        $crate::wire::shape::Xml::Element {
            name: $crate::wire::shape::Name::Lit($name),
            attrs: &[],
            children: &[$($child),*],
        }
    };
}

pub(crate) use {element, hn, hv, object};

/// A fact of the fault, or of the request, that a place in a body holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fact {
    /// The fault's title: AWS `Code`, OpenStack element, API-WG `title`.
    Title,
    /// The legacy awsQuery code when the fault has one, else the title.
    QueryCode,
    /// AWS JSON's `__type`: `namespace#Title` (awsJson 1.0 with a shape namespace) or `Title`.
    TypeName,
    /// The HTTP status as a number.
    Status,
    /// The status's reason phrase (Placement's `title`).
    ReasonPhrase,
    /// The side at fault; the word a fault that names none sends for a 5xx.
    ErrType(ServerWord),
    /// The message that may be sent.
    Message,
    /// Heat's message: the message, then `:` and the details when there are any.
    HeatMessage,
    /// Placement's detail: WebOb's text around the message (it reads the request).
    WebObDetail,
    /// OpenStack `details`, AWS query `Detail`, problem `details`.
    Details,
    /// The API-WG `code`.
    Code,
    /// Placement's `code`: sent from microversion 1.23, `placement.undefined_code` when unset.
    PlacementCode,
    /// The request id.
    RequestId,
    /// S3's host id, from the request's context.
    HostId,
    /// Seconds until a client may retry (nova's `retryAfter`).
    RetryAfterSeconds,
    /// The moment a client may retry, as an ISO 8601 date-time (the Compute API schema's and
    /// the Rackspace-era `retryAt`).
    RetryAt,
    /// When the fault was created (the Compute API schema's `AsyncAPIFault`).
    Created,
    /// The load balancer's validation errors, a list of strings.
    ValidationErrors,
    /// The XML namespace: the context's override, else the fault's.
    Namespace,
    /// The namespace, else the load balancer API's.
    LoadBalancerNamespace,
    /// A fixed text (RFC 9457's XML namespace, which the fault's namespace cannot change:
    /// there it is the base of the `type` URI).
    Literal(&'static str),
    /// RFC 9457's `type`: the variant's URI, else the namespace and the title, else
    /// `about:blank`.
    ProblemType,
    /// RFC 9457's `instance`: the context's, else the fault's.
    Instance,
}

/// The `<Type>` word of a fault that says none: `Sender` for 4xx and this for 5xx.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ServerWord {
    /// AWS and Smithy: `Receiver`.
    Receiver,
    /// Heat: `Server`.
    Server,
}

/// When a place is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum When {
    /// Always; an absent text is written empty (Neutron's `"detail": ""`).
    Always,
    /// When the fault has the fact.
    Present,
    /// When the message is not known to be empty (AWS error shapes have an optional message).
    NonEmpty,
    /// When the fact is present and the status is 413 or 429 (nova's `retryAfter`).
    OverLimit,
    /// When the fact is present and the status is 413 (cinder's `retryAfter`).
    PayloadTooLarge,
    /// When the fault has this fact (for an object holding it).
    Has(Fact),
    /// When the request's microversion is at least this one.
    Microversion(Microversion),
    /// Never written, but read where another producer writes it (AWS JSON's `Type`,
    /// keystone's `details`).
    ReadOnly,
}

/// A JSON object member's name.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Key {
    /// A fixed name.
    Lit(&'static str),
    /// A fixed name, written as the first and read as any (AWS JSON's code in `__type`,
    /// `code` or `Code`).
    Any(&'static [&'static str]),
    /// The fault's title (OpenStack's `{"itemNotFound": {…}}`).
    Title,
    /// The message member: the fault's `message_member`, else this name.
    Message(&'static str),
}

/// A JSON value in a body.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Json {
    /// An object and its members, in order; `sorted` writes them sorted by name (Flask).
    Object {
        items: &'static [Item],
        sorted: bool,
    },
    /// A fact as a string.
    Text(Fact),
    /// A fact as a number.
    Number(Fact),
    /// A fact that is a list, as an array of strings.
    Texts(Fact),
    /// API-WG `links`: `[{"rel": …, "href": …}, …]`.
    Links,
    /// API-WG's `errors` list: this node for the fault, then for each further error.
    Errors(&'static Json),
}

/// A member of a declared JSON object.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Item {
    /// A named member.
    Pair { key: Key, value: Json, when: When },
    /// The fault's own members, each under its wire name.
    Members,
}

/// An XML element's name.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Name {
    /// A fixed name.
    Lit(&'static str),
    /// The fault's title, repaired into an XML name if it is not one.
    Title,
    /// The message member: the fault's `message_member`, else this name.
    Message(&'static str),
}

/// An XML node in a body.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Xml {
    /// An element with attributes and children.
    Element {
        name: Name,
        attrs: &'static [Attr],
        children: &'static [Xml],
    },
    /// `<name>fact</name>`.
    Leaf { name: Name, fact: Fact, when: When },
    /// `<name><item>…</item>…</name>` from a fact that is a list.
    List {
        name: &'static str,
        item: &'static str,
        fact: Fact,
    },
    /// The fault's own members; attribute members go on the enclosing element.
    Members,
}

/// An attribute of a declared XML element.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attr {
    pub(crate) name: &'static str,
    pub(crate) fact: Fact,
    pub(crate) when: When,
}

/// A response header a format sends.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Header {
    /// The request id under each name.
    RequestId(&'static [NameFn]),
    /// The title (`X-Amzn-Errortype`).
    Title(NameFn),
    /// S3's host id (`x-amz-id-2`), when the context has one.
    HostId(NameFn),
    /// `x-amzn-query-error: Code;Sender` for a query-compatible fault or context.
    QueryError,
    /// A fixed header (`Vary`).
    Fixed(NameFn, ValueFn),
    /// Keystone's `WWW-Authenticate` challenge on a 401.
    Challenge,
    /// `OpenStack-API-Version: <service> X.Y` and its `Vary`, as each service sends them.
    ApiVersion(VersionHeaders),
    /// `Content-Language`, when the fault's language is known.
    ContentLanguage,
}

/// Whose microversion headers a format sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VersionHeaders {
    /// Placement's, lowercase, on every fault: `placement 1.0` when the request named none.
    Placement,
    /// nova's, when the request has a microversion: `compute X.Y`, the legacy
    /// `X-OpenStack-Nova-API-Version: X.Y`, and a `Vary` for each.
    Compute,
    /// cinder's, when the request has a microversion: `volume X.Y` and its `Vary`.
    Volume,
}

/// How a format writes `Retry-After`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RetryForm {
    /// Seconds, or an HTTP date for a fault that holds a date (RFC 9110's two forms).
    SecondsOrDate,
    /// Seconds always, those left until a date: OpenStack's clients, botocore and the AWS
    /// models (72 of 82 `Retry-After` members are integers) read only an integer.
    Seconds,
}

/// How a format writes a member's value in XML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum XmlValues {
    /// Smithy's XML binding: lists as `<member>` items unless flattened, maps as
    /// `<entry><key/><value/></entry>`, booleans `true`/`false`, timestamps ISO 8601.
    Smithy,
    /// nova's `XMLDictSerializer`: a list's items named for its name less a final `s` (else
    /// `item`), a dict's keys as elements, scalars as Python's `str()` (`True`, `None`).
    Nova,
    /// RFC 9457 Appendix B: a list's items as `<i>`, an object's keys as elements, null as an
    /// empty element, booleans `true`/`false`.
    Problem,
}

/// A JSON body: its root, style and content type.
#[derive(Clone, Copy, Debug)]
pub(crate) struct JsonBody {
    pub(crate) root: Json,
    pub(crate) style: super::json::Style,
    pub(crate) content_type: ValueFn,
    /// Flask ends its body with a newline.
    pub(crate) newline: bool,
    /// Timestamps as epoch seconds (the AWS protocols), else ISO 8601 strings.
    pub(crate) epoch_seconds: bool,
}

/// An XML body: its root, what comes before it, its content type and value style.
#[derive(Clone, Copy, Debug)]
pub(crate) struct XmlBody {
    pub(crate) root: Xml,
    /// An XML declaration (S3's), or nothing.
    pub(crate) prelude: &'static str,
    pub(crate) content_type: ValueFn,
    pub(crate) values: XmlValues,
}

/// Everything a format sends, declared once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shape {
    pub(crate) json: Option<JsonBody>,
    pub(crate) xml: Option<XmlBody>,
    /// The encoding when the request's `Accept` prefers neither.
    pub(crate) default: Encoding,
    pub(crate) headers: &'static [Header],
    pub(crate) retry_after: RetryForm,
    /// Whether a member bound to a header is sent in it (the REST protocols and every
    /// non-AWS format); else it is a body member like any other (the AWS RPC protocols).
    pub(crate) header_members: bool,
    /// Whether JSON members go under their `@jsonName` (all JSON formats but awsJson).
    pub(crate) json_names: bool,
    /// Whether the title is the status line's reason phrase (Heat's `400 InvalidAction`).
    pub(crate) title_is_reason: bool,
    /// Whether a `HEAD` gets headers and no body (S3).
    pub(crate) no_body_for_head: bool,
    /// Whether the response's status is the fault's awsQuery status where it has one
    /// (Smithy's `awsQueryError(httpResponseCode)`): the awsQuery protocol's rule.
    pub(crate) query_status: bool,
}

impl Shape {
    /// The encodings, the default first.
    pub(crate) const fn encodings(&self) -> &'static [Encoding] {
        match (self.json.is_some(), self.xml.is_some(), self.default) {
            (true, true, Encoding::Json) => &[Encoding::Json, Encoding::Xml],
            (true, true, Encoding::Xml) => &[Encoding::Xml, Encoding::Json],
            (false, true, _) => &[Encoding::Xml],
            _ => &[Encoding::Json],
        }
    }
}

// Constructors that keep the declarations short.

/// A member written always.
pub(crate) const fn pair(key: &'static str, value: Json) -> Item {
    Item::Pair {
        key: Key::Lit(key),
        value,
        when: When::Always,
    }
}

/// A member written when the fault has its fact.
pub(crate) const fn opt(key: &'static str, value: Json) -> Item {
    Item::Pair {
        key: Key::Lit(key),
        value,
        when: When::Present,
    }
}

/// A member written under `when`.
pub(crate) const fn when(key: &'static str, value: Json, when: When) -> Item {
    Item::Pair {
        key: Key::Lit(key),
        value,
        when,
    }
}

/// `<name>fact</name>`, always.
pub(crate) const fn leaf(name: &'static str, fact: Fact) -> Xml {
    Xml::Leaf {
        name: Name::Lit(name),
        fact,
        when: When::Always,
    }
}

/// `<name>fact</name>` when the fault has the fact.
pub(crate) const fn opt_leaf(name: &'static str, fact: Fact) -> Xml {
    Xml::Leaf {
        name: Name::Lit(name),
        fact,
        when: When::Present,
    }
}

/// An attribute written when the fault has its fact.
pub(crate) const fn attr(name: &'static str, fact: Fact, when: When) -> Attr {
    Attr { name, fact, when }
}

/// The shape of `format` in `dialect` (the dialect matters to the OpenStack formats only).
pub(crate) const fn shape(format: Format, dialect: crate::Dialect) -> &'static Shape {
    match format {
        Format::AwsQuery => &super::aws::QUERY,
        Format::Heat => &super::aws::HEAT,
        Format::Ec2Query => &super::aws::EC2,
        Format::AwsJson10 => &super::aws::JSON10,
        Format::AwsJson11 => &super::aws::JSON11,
        Format::AwsRestJson => &super::aws::REST_JSON,
        Format::AwsRestXml => &super::aws::REST_XML,
        Format::AwsRestXmlUnwrapped => &super::aws::REST_XML_UNWRAPPED,
        Format::S3 => &super::aws::S3,
        Format::OpenStack => super::openstack::compute(dialect),
        Format::LoadBalancer => &super::openstack::LOAD_BALANCER,
        Format::Keystone => &super::openstack::KEYSTONE,
        Format::Neutron => &super::openstack::NEUTRON,
        Format::ApiWg => &super::apiwg::GUIDELINE,
        Format::Placement => &super::apiwg::PLACEMENT,
        Format::Problem => &super::problem::PROBLEM,
    }
}

mod walk;

pub use walk::Carried;
pub(crate) use walk::{
    carries, json_members_container, json_reads, json_reserved, reads, xml_members_container,
    xml_reads, xml_reserved,
};
