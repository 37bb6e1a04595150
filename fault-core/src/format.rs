//! [`Format`]: the wire formats a fault can be written in and read from.

use crate::Encoding;
use core::fmt;

/// A wire format: the shape of the status line, headers and body an API family sends.
///
/// The derive's container key `format = "..."` takes the [`Format::name`] of one of these and
/// makes it the type's default.
///
/// Every format sends the title, the status, the message, the request id and `Retry-After`.
/// Beyond those, each carries what this table says, and nothing else: what a fault holds that
/// its format has no place for is a compile error at the field for a derived type with that
/// `format`, and [`Fault::unsent`](crate::Fault::unsent) names it for a format chosen at run
/// time (`tests/unsent.rs` holds this table to both, and to what reads back).
///
/// | Format | Carries |
/// | --- | --- |
/// | `aws_query` | details, members, header members (in the body) |
/// | `heat` | details (after the message) |
/// | `ec2_query` | members, header members (in the body) |
/// | `aws_json10` | members, header members (in the body) |
/// | `aws_json11` | members, header members (in the body) |
/// | `aws_rest_json` | members, header members |
/// | `aws_rest_xml` | details, members, header members |
/// | `aws_rest_xml_unwrapped` | details, members, header members |
/// | `s3` | members, header members |
/// | `openstack` | details, created, members, header members |
/// | `load_balancer` | details, validation_errors, members, header members |
/// | `keystone` | members, header members |
/// | `neutron` | details, members, header members |
/// | `api_wg` | error_code, links, further errors, members, header members |
/// | `placement` | error_code (from microversion 1.23), further errors, members, header members |
/// | `problem` | details, error_code, instance, members, header members |
///
/// ```
/// use fault_core::Format;
///
/// assert_eq!(Format::from_name("aws_query"), Some(Format::AwsQuery));
/// assert_eq!(Format::OpenStack.name(), "openstack");
/// assert_eq!(Format::ALL.len(), 16);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// AWS query protocol: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`.
    AwsQuery,
    /// OpenStack Heat's AWS-compatible API: the query shape without declaration, namespace or
    /// request id, with the title as the reason phrase.
    Heat,
    /// EC2 query protocol: `<Response><Errors><Error>…</Error></Errors><RequestID/>`.
    Ec2Query,
    /// AWS JSON 1.0: `{"__type": "namespace#Name", "message": …}`.
    AwsJson10,
    /// AWS JSON 1.1: `{"__type": "Name", "message": …}`.
    AwsJson11,
    /// AWS restJson1: the error's members, the name in `X-Amzn-Errortype`.
    AwsRestJson,
    /// AWS restXml: the query shape.
    AwsRestXml,
    /// AWS restXml with Smithy's `noErrorWrapping`: `<Error><Type/><Code/>…</Error>` as the
    /// root, without `ErrorResponse` (S3's own shape, [`Format::S3`], has no `Type`).
    AwsRestXmlUnwrapped,
    /// Amazon S3: `<Error><Code/><Message/>…<RequestId/><HostId/></Error>`.
    S3,
    /// OpenStack compute and block storage faults, JSON `{"name": {"code", "message"}}` or XML.
    OpenStack,
    /// The OpenStack load balancer faults, with validation errors.
    LoadBalancer,
    /// Keystone: `{"error": {"code", "title", "message"}}`.
    Keystone,
    /// Neutron: `{"NeutronError": {"type", "message", "detail"}}`.
    Neutron,
    /// The OpenStack API working group errors guideline: `{"errors": [{…}]}`, each error
    /// with `request_id`, `code`, `status`, `title`, `detail` and `links`. `code` and `links`
    /// are written when the fault has them; the guideline's schema requires both, so give the
    /// type or each variant an `error_code` and each variant a `help_link`.
    ApiWg,
    /// The API-WG shape as Placement sends it, with microversion-gated codes.
    Placement,
    /// RFC 9457 problem details: `application/problem+json`, or `application/problem+xml`
    /// (its Appendix B) when the request asks for XML.
    Problem,
}

impl Format {
    /// Every format, in declaration order.
    pub const ALL: [Format; 16] = [
        Format::AwsQuery,
        Format::Heat,
        Format::Ec2Query,
        Format::AwsJson10,
        Format::AwsJson11,
        Format::AwsRestJson,
        Format::AwsRestXml,
        Format::AwsRestXmlUnwrapped,
        Format::S3,
        Format::OpenStack,
        Format::LoadBalancer,
        Format::Keystone,
        Format::Neutron,
        Format::ApiWg,
        Format::Placement,
        Format::Problem,
    ];

    /// The name the derive's `format = "..."` key takes.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Format::AwsQuery => "aws_query",
            Format::Heat => "heat",
            Format::Ec2Query => "ec2_query",
            Format::AwsJson10 => "aws_json10",
            Format::AwsJson11 => "aws_json11",
            Format::AwsRestJson => "aws_rest_json",
            Format::AwsRestXml => "aws_rest_xml",
            Format::AwsRestXmlUnwrapped => "aws_rest_xml_unwrapped",
            Format::S3 => "s3",
            Format::OpenStack => "openstack",
            Format::LoadBalancer => "load_balancer",
            Format::Keystone => "keystone",
            Format::Neutron => "neutron",
            Format::ApiWg => "api_wg",
            Format::Placement => "placement",
            Format::Problem => "problem",
        }
    }

    /// The encodings this format is written in, the one it uses when the request's `Accept`
    /// prefers none first: JSON and XML for the OpenStack and load balancer faults, one for
    /// the others.
    ///
    /// ```
    /// use fault_core::{Encoding, Format};
    ///
    /// assert_eq!(Format::OpenStack.encodings(), [Encoding::Json, Encoding::Xml]);
    /// assert_eq!(Format::LoadBalancer.encodings(), [Encoding::Xml, Encoding::Json]);
    /// assert_eq!(Format::Heat.encodings(), [Encoding::Xml]);
    /// ```
    #[must_use]
    pub const fn encodings(self) -> &'static [Encoding] {
        ENCODINGS[self as usize]
    }

    /// The format with this [`name`](Format::name), if any.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Which service's variant of a family a type's faults follow, where services of one family
/// differ: chosen once, with the derive's `dialect = "..."` (or [`Fault::with_dialect`]).
///
/// Only the [`Format::OpenStack`] faults have dialects today:
///
/// | Dialect | JSON | XML | Headers |
/// | --- | --- | --- | --- |
/// | `Nova` (the default) | `application/json; charset=UTF-8`; `retryAfter` as a string of seconds on 413 and 429 | `retryAfter` as a child element | `x-compute-request-id` beside `x-openstack-request-id`; with the [`Context`](crate::Context)'s microversion, `OpenStack-API-Version: compute X.Y`, `X-OpenStack-Nova-API-Version: X.Y` and a `Vary` for each |
/// | `Cinder` | `application/json`, no charset; `retryAfter` on 413 only | as nova's | nova's request ids; with a microversion, `OpenStack-API-Version: volume X.Y` and its `Vary` |
/// | `ComputeSchema` | the Rackspace-era contract: `retryAt`, a date-time | the Compute API schema: `retryAt` and `created` attributes | nova's request ids; no microversions (the era had none) |
///
/// [`Fault::with_dialect`]: crate::Fault::with_dialect
///
/// ```
/// use fault_core::Dialect;
///
/// assert_eq!("cinder".parse::<Dialect>(), Ok(Dialect::Cinder));
/// assert_eq!(Dialect::default(), Dialect::Nova);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dialect {
    /// nova's faults, the default.
    #[default]
    Nova,
    /// cinder's: as nova's, with a JSON content type without charset and one request-id
    /// header.
    Cinder,
    /// The Compute API v1.1 schema (and the Rackspace-era JSON that follows it).
    ComputeSchema,
}

impl Dialect {
    /// Every dialect.
    pub const ALL: [Dialect; 3] = [Dialect::Nova, Dialect::Cinder, Dialect::ComputeSchema];

    /// The name the derive's `dialect = "..."` key takes.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Dialect::Nova => "nova",
            Dialect::Cinder => "cinder",
            Dialect::ComputeSchema => "compute_schema",
        }
    }
}

/// A dialect name no dialect has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownDialect;

impl fmt::Display for UnknownDialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown dialect: expected nova, cinder or compute_schema")
    }
}

impl std::error::Error for UnknownDialect {}

impl core::str::FromStr for Dialect {
    type Err = UnknownDialect;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Dialect::ALL
            .into_iter()
            .find(|d| d.name() == name)
            .ok_or(UnknownDialect)
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// Each format's encodings, read from its declared shape once, at compile time (every render
/// asks).
const ENCODINGS: [&[Encoding]; Format::ALL.len()] = {
    let mut table: [&[Encoding]; Format::ALL.len()] = [&[]; Format::ALL.len()];
    let mut i = 0;
    while i < Format::ALL.len() {
        table[i] = crate::wire::shape::shape(Format::ALL[i], Dialect::Nova).encodings();
        i += 1;
    }
    table
};

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}
