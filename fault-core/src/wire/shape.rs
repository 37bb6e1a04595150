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
    /// Placement's `OpenStack-API-Version: placement X.Y` and its `Vary`.
    ApiVersion,
    /// `Content-Language`, when the fault's language is known.
    ContentLanguage,
}

/// How a format writes `Retry-After`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RetryForm {
    /// Seconds, or an HTTP date for a fault that holds a date.
    SecondsOrDate,
    /// Seconds always: OpenStack's clients read only an integer.
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

/// What a fault can hold that a format may have no place for: what
/// [`Fault::unsent`](crate::Fault::unsent) and the derive's compile-time check look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[doc(hidden)]
pub enum Carried {
    /// `details`.
    Details,
    /// `validation_errors`.
    ValidationErrors,
    /// `created`.
    Created,
    /// The API-WG `code`.
    Code,
    /// Body members.
    Members,
    /// Members bound to headers.
    HeaderMembers,
    /// API-WG `links`.
    Links,
    /// Errors after the first.
    MoreErrors,
    /// RFC 9457's `instance`.
    Instance,
}

impl Carried {
    /// Every kind, in the order reports list them.
    pub(crate) const ALL: [Carried; 9] = [
        Carried::Details,
        Carried::ValidationErrors,
        Carried::Created,
        Carried::Code,
        Carried::Members,
        Carried::HeaderMembers,
        Carried::Links,
        Carried::MoreErrors,
        Carried::Instance,
    ];

    /// The word reports use.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Carried::Details => "details",
            Carried::ValidationErrors => "validation_errors",
            Carried::Created => "created",
            Carried::Code => "error_code",
            Carried::Members => "member",
            Carried::HeaderMembers => "header member",
            Carried::Links => "links",
            Carried::MoreErrors => "further errors",
            Carried::Instance => "instance",
        }
    }

    /// What the derive's compile-time check says when a type's format has no place for it:
    /// the formats that do (held to [`carries`] by a test).
    pub(crate) const fn unsent_message(self) -> &'static str {
        match self {
            Carried::Details => {
                "this type's `format` has no place for `details`; the formats that carry details are aws_query, heat, aws_rest_xml, aws_rest_xml_unwrapped, openstack, load_balancer, neutron and problem (or make the field a `member`)"
            }
            Carried::ValidationErrors => {
                "this type's `format` has no place for `validation_errors`; the format that carries them is load_balancer (or make the field a `member`)"
            }
            Carried::Created => {
                "this type's `format` has no place for `created`; the format that carries it is openstack (or make the field a `member`)"
            }
            Carried::Members => {
                "this type's `format` has no place for a member; every format carries members but heat"
            }
            Carried::HeaderMembers => {
                "this type's `format` has no place for a header member; every format carries them but heat"
            }
            Carried::Instance => {
                "this type's `format` has no place for `instance`; the format that carries it is problem (or make the field a `member`)"
            }
            Carried::Code | Carried::Links | Carried::MoreErrors => {
                "this type's `format` has no place for this field"
            }
        }
    }
}

/// Whether a body place holding `fact` carries `what`.
const fn fact_carries(what: Carried, fact: Fact) -> bool {
    match what {
        Carried::Details => matches!(fact, Fact::Details | Fact::HeatMessage),
        Carried::ValidationErrors => matches!(fact, Fact::ValidationErrors),
        Carried::Created => matches!(fact, Fact::Created),
        Carried::Code => matches!(fact, Fact::Code | Fact::PlacementCode),
        Carried::Instance => matches!(fact, Fact::Instance),
        _ => false,
    }
}

/// Whether `shape` has a place for `what` in every encoding it writes.
pub(crate) const fn carries(shape: &Shape, what: Carried) -> bool {
    if let Carried::HeaderMembers = what
        && shape.header_members
    {
        return true;
    }
    let in_json = match &shape.json {
        Some(body) => json_carries(&body.root, what),
        None => true,
    };
    let in_xml = match &shape.xml {
        Some(body) => xml_carries(&body.root, what),
        None => true,
    };
    in_json && in_xml
}

const fn json_carries(node: &Json, what: Carried) -> bool {
    match node {
        Json::Object { items, .. } => {
            let mut i = 0;
            while i < items.len() {
                let found = match &items[i] {
                    Item::Members => matches!(what, Carried::Members | Carried::HeaderMembers),
                    // A place only read back is no place to send anything.
                    Item::Pair {
                        when: When::ReadOnly,
                        ..
                    } => false,
                    Item::Pair { value, .. } => json_carries(value, what),
                };
                if found {
                    return true;
                }
                i += 1;
            }
            false
        }
        Json::Text(fact) | Json::Number(fact) | Json::Texts(fact) => fact_carries(what, *fact),
        Json::Links => matches!(what, Carried::Links),
        Json::Errors(inner) => matches!(what, Carried::MoreErrors) || json_carries(inner, what),
    }
}

const fn xml_carries(node: &Xml, what: Carried) -> bool {
    match node {
        Xml::Element {
            attrs, children, ..
        } => {
            let mut i = 0;
            while i < attrs.len() {
                if fact_carries(what, attrs[i].fact) {
                    return true;
                }
                i += 1;
            }
            let mut i = 0;
            while i < children.len() {
                if xml_carries(&children[i], what) {
                    return true;
                }
                i += 1;
            }
            false
        }
        Xml::Leaf { fact, .. } | Xml::List { fact, .. } => fact_carries(what, *fact),
        Xml::Members => matches!(what, Carried::Members | Carried::HeaderMembers),
    }
}

/// What of a request a body reads, as bits (see [`reads`]).
pub(crate) mod reads {
    /// The request id.
    pub(crate) const REQUEST_ID: u16 = 1;
    /// The context's namespace override.
    pub(crate) const NAMESPACE: u16 = 2;
    /// S3's host id.
    pub(crate) const HOST_ID: u16 = 4;
    /// RFC 9457's instance.
    pub(crate) const INSTANCE: u16 = 8;
    /// The microversion, the method or `Accept` (Placement).
    pub(crate) const REQUEST: u16 = 16;
}

/// What of the request a fact reads.
const fn fact_reads(fact: Fact) -> u16 {
    match fact {
        Fact::RequestId => reads::REQUEST_ID,
        Fact::Namespace | Fact::LoadBalancerNamespace | Fact::TypeName | Fact::ProblemType => {
            reads::NAMESPACE
        }
        Fact::HostId => reads::HOST_ID,
        Fact::Instance => reads::INSTANCE,
        Fact::WebObDetail | Fact::PlacementCode => reads::REQUEST,
        _ => 0,
    }
}

const fn when_reads(when: When) -> u16 {
    match when {
        When::Microversion(_) => reads::REQUEST,
        When::Has(fact) => fact_reads(fact),
        _ => 0,
    }
}

/// What of the request a JSON body reads.
pub(crate) const fn json_reads(node: &Json) -> u16 {
    match node {
        Json::Object { items, .. } => {
            let mut bits = 0;
            let mut i = 0;
            while i < items.len() {
                if let Item::Pair { value, when, .. } = &items[i] {
                    bits |= json_reads(value) | when_reads(*when);
                }
                i += 1;
            }
            bits
        }
        Json::Text(fact) | Json::Number(fact) | Json::Texts(fact) => fact_reads(*fact),
        Json::Links => 0,
        Json::Errors(inner) => json_reads(inner),
    }
}

/// What of the request an XML body reads.
pub(crate) const fn xml_reads(node: &Xml) -> u16 {
    match node {
        Xml::Element {
            attrs, children, ..
        } => {
            let mut bits = 0;
            let mut i = 0;
            while i < attrs.len() {
                bits |= fact_reads(attrs[i].fact) | when_reads(attrs[i].when);
                i += 1;
            }
            let mut i = 0;
            while i < children.len() {
                bits |= xml_reads(&children[i]);
                i += 1;
            }
            bits
        }
        Xml::Leaf { fact, when, .. } => fact_reads(*fact) | when_reads(*when),
        Xml::List { fact, .. } => fact_reads(*fact),
        Xml::Members => 0,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The derive's compile-time message names exactly the formats that carry each kind.
    #[test]
    fn each_unsent_message_names_the_formats_that_carry_it() {
        for what in [
            Carried::Details,
            Carried::ValidationErrors,
            Carried::Created,
            Carried::Instance,
        ] {
            let carrying: Vec<&str> = Format::ALL
                .into_iter()
                .filter(|f| carries(shape(*f, crate::Dialect::Nova), what))
                .map(Format::name)
                .collect();
            let message = what.unsent_message();
            let list = message
                .split_once(" are ")
                .or_else(|| message.split_once(" is "))
                .map(|(_, list)| list.split(" (").next().unwrap_or(list))
                .unwrap();
            let named: Vec<&str> = list
                .split([',', ' '])
                .filter(|w| !w.is_empty() && *w != "and")
                .collect();
            assert_eq!(named, carrying, "{what:?}");
        }
        for what in [Carried::Members, Carried::HeaderMembers] {
            let missing: Vec<&str> = Format::ALL
                .into_iter()
                .filter(|f| !carries(shape(*f, crate::Dialect::Nova), what))
                .map(Format::name)
                .collect();
            assert_eq!(missing, ["heat"], "{what:?}");
            assert!(what.unsent_message().ends_with("but heat"));
        }
    }
}

/// Whether a member named `name` would repeat a name the declaration writes beside it in a
/// JSON object (`message_member` the fault's spelling of the message).
pub(crate) fn json_reserved(items: &[Item], name: &str, message_member: Option<&str>) -> bool {
    items.iter().any(|item| match item {
        Item::Pair {
            when: When::ReadOnly,
            ..
        }
        | Item::Members => false,
        Item::Pair { key, .. } => match key {
            Key::Lit(lit) => *lit == name,
            Key::Any(names) => names.first() == Some(&name),
            Key::Message(default) => message_member.unwrap_or(default) == name,
            Key::Title => false,
        },
    })
}

/// Whether a member named `name` would repeat an element the declaration writes beside it.
pub(crate) fn xml_reserved(children: &[Xml], name: &str, message_member: Option<&str>) -> bool {
    children.iter().any(|child| match child {
        Xml::Element {
            name: Name::Lit(lit),
            ..
        }
        | Xml::Leaf {
            name: Name::Lit(lit),
            ..
        }
        | Xml::List { name: lit, .. } => *lit == name,
        Xml::Leaf {
            name: Name::Message(default),
            ..
        } => message_member.unwrap_or(default) == name,
        _ => false,
    })
}

/// The items of the JSON object that holds the fault's members, if the body has one.
pub(crate) fn json_members_container(node: &Json) -> Option<&'static [Item]> {
    match node {
        Json::Object { items, .. } => {
            if items.iter().any(|i| matches!(i, Item::Members)) {
                return Some(items);
            }
            items.iter().find_map(|item| match item {
                Item::Pair { value, .. } => json_members_container(value),
                Item::Members => None,
            })
        }
        Json::Errors(inner) => json_members_container(inner),
        _ => None,
    }
}

/// The children of the XML element that holds the fault's members, if the body has one.
pub(crate) fn xml_members_container(node: &Xml) -> Option<&'static [Xml]> {
    match node {
        Xml::Element { children, .. } => {
            if children.iter().any(|c| matches!(c, Xml::Members)) {
                return Some(children);
            }
            children.iter().find_map(xml_members_container)
        }
        _ => None,
    }
}
