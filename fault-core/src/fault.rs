//! [`Fault`]: the neutral record between a typed error and its wire formats.

use crate::{Dialect, ErrType, FaultSpec, Format, Member, Text};
use core::fmt;
use http::StatusCode;
use std::borrow::Cow;
use std::error::Error;
use std::time::SystemTime;

/// When a client may retry: the `Retry-After` header's two forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryAfter {
    /// A number of seconds to wait.
    Seconds(u64),
    /// A moment in time (an HTTP date on the wire).
    At(SystemTime),
}

/// The neutral record of one fault: everything a wire format writes, in no format.
///
/// A derived type makes one with [`ApiFault::fault`](crate::ApiFault::fault), borrowing from
/// the value; a client builds one from a response. The message it carries is the one that
/// is safe to send: for a 5xx variant that is not marked `expose`, the fixed explanation,
/// while the full error stays reachable through [`Fault::error`] for logs.
///
/// ```
/// use fault_core::{ApiFault, ErrType};
///
/// #[derive(Debug, ApiFault)]
/// enum CfnError {
///     #[fault(code = 400, title = "InvalidParameterValue", message = "bad value for {0}")]
///     InvalidParameterValue(String),
///     #[fault(code = 500, title = "InternalFailure", message = "database said: {0}")]
///     Internal(String),
/// }
///
/// let bad = CfnError::InvalidParameterValue("StackName".into());
/// let fault = bad.fault();
/// assert_eq!(fault.status().as_u16(), 400);
/// assert_eq!(fault.title(), "InvalidParameterValue");
/// assert_eq!(fault.err_type(), ErrType::Sender);
/// assert_eq!(fault.message(), "bad value for StackName");
///
/// // A 5xx keeps its Display for logs and sends the fixed explanation.
/// let internal = CfnError::Internal("password=hunter2".into());
/// assert_eq!(internal.fault().message(), "Internal Server Error");
/// assert_eq!(internal.to_string(), "database said: password=hunter2");
/// ```
#[derive(Clone, Debug)]
pub struct Fault<'a> {
    pub(crate) status: StatusCode,
    pub(crate) title: Cow<'a, str>,
    /// The side at fault, when said; else each family's word for the status.
    pub(crate) err_type: Option<ErrType>,
    pub(crate) message: Text<'a>,
    /// The name of the message member in the AWS shapes, when the model spells it other than
    /// `message` (JSON) and `Message` (XML).
    pub(crate) message_member: Option<Cow<'a, str>>,
    pub(crate) details: Option<Text<'a>>,
    pub(crate) code: Option<Cow<'a, str>>,
    pub(crate) query_code: Option<Cow<'a, str>>,
    pub(crate) query_status: Option<StatusCode>,
    pub(crate) query_compatible: bool,
    pub(crate) request_id: Option<Text<'a>>,
    pub(crate) retry_after: Option<RetryAfter>,
    pub(crate) validation_errors: Vec<Text<'a>>,
    pub(crate) created: Option<Text<'a>>,
    pub(crate) members: Vec<Member<'a>>,
    pub(crate) links: Vec<Link<'a>>,
    pub(crate) more: Vec<Fault<'a>>,
    pub(crate) namespace: Option<Cow<'a, str>>,
    pub(crate) problem_type: Option<Cow<'a, str>>,
    pub(crate) instance: Option<Text<'a>>,
    pub(crate) language: Option<Cow<'a, str>>,
    pub(crate) format: Option<Format>,
    pub(crate) dialect: Option<Dialect>,
    pub(crate) error: Option<&'a (dyn Error + 'a)>,
    pub(crate) raw: Option<Box<str>>,
}

/// A link of an API-WG error (`{"rel": "help", "href": "…"}`): where to read more.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link<'a> {
    /// The relation, as `help`.
    pub rel: Cow<'a, str>,
    /// The target URI.
    pub href: Cow<'a, str>,
}

impl<'a> Link<'a> {
    /// A link with this relation and target.
    pub fn new(rel: impl Into<Cow<'a, str>>, href: impl Into<Cow<'a, str>>) -> Self {
        Link {
            rel: rel.into(),
            href: href.into(),
        }
    }

    /// A link owning its text.
    #[must_use]
    pub fn into_owned(self) -> Link<'static> {
        Link {
            rel: Cow::Owned(self.rel.into_owned()),
            href: Cow::Owned(self.href.into_owned()),
        }
    }
}

impl<'a> Fault<'a> {
    /// A fault with this status and title, the status's reason phrase as its message, and
    /// nothing else.
    pub fn new(status: StatusCode, title: impl Into<Cow<'a, str>>) -> Self {
        Fault {
            status,
            title: title.into(),
            err_type: None,
            message: Text::from(status.canonical_reason().unwrap_or("")),
            message_member: None,
            details: None,
            code: None,
            query_code: None,
            query_status: None,
            query_compatible: false,
            request_id: None,
            retry_after: None,
            validation_errors: Vec::new(),
            created: None,
            members: Vec::new(),
            links: Vec::new(),
            more: Vec::new(),
            namespace: None,
            problem_type: None,
            instance: None,
            language: None,
            format: None,
            dialect: None,
            error: None,
            raw: None,
        }
    }

    /// The fault of a derived value: its variant's `spec`, with `error` (the value itself)
    /// as the source of an interpolated message and as the internal error for logs.
    pub fn from_spec(spec: &'static FaultSpec, error: &'a (dyn Error + 'a)) -> Self {
        Fault {
            status: spec.status,
            title: Cow::Borrowed(spec.title),
            err_type: spec.err_type,
            message: if spec.message_is_fixed {
                Text::from(spec.explanation())
            } else {
                Text::display(error)
            },
            message_member: spec.message_member.map(Cow::Borrowed),
            details: None,
            code: spec.error_code.map(Cow::Borrowed),
            query_code: spec.query_code.map(Cow::Borrowed),
            query_status: spec.query_status,
            query_compatible: spec.query_compatible,
            request_id: None,
            retry_after: None,
            validation_errors: Vec::new(),
            created: None,
            members: Vec::new(),
            links: match spec.help_link {
                Some(href) => vec![Link::new("help", href)],
                None => Vec::new(),
            },
            more: Vec::new(),
            namespace: spec.namespace.map(Cow::Borrowed),
            problem_type: spec.problem_type.map(Cow::Borrowed),
            instance: None,
            language: spec.language.map(Cow::Borrowed),
            format: spec.format,
            dialect: spec.dialect,
            error: Some(error),
            raw: None,
        }
    }

    /// The fault of a variant whose fields give nothing: its spec's facts and fixed text.
    #[cfg(feature = "openapi")]
    pub(crate) fn of_spec(spec: &'static FaultSpec) -> Fault<'static> {
        Fault {
            message: Text::from(spec.explanation()),
            error: None,
            ..Fault::from_spec(spec, &NoError)
        }
    }

    /// Sets the HTTP status (keeping the err_type).
    #[must_use]
    pub fn with_status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// Sets the message sent to the client.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Text<'a>>) -> Self {
        self.message = message.into();
        self
    }

    /// Names the message member as the service's model does (`Message`, `errorMessage`), for
    /// the AWS formats, whose shapes otherwise write `message` in JSON and `Message` in XML.
    #[must_use]
    pub fn with_message_member(mut self, name: impl Into<Cow<'a, str>>) -> Self {
        self.message_member = Some(name.into());
        self
    }

    /// Sets the details (OpenStack `details`; Heat appends them to the message after `:`).
    #[must_use]
    pub fn with_details(mut self, details: impl Into<Text<'a>>) -> Self {
        self.details = Some(details.into());
        self
    }

    /// Sets which side is at fault. Without it, each family writes its own word for the
    /// status: `Sender` for a 4xx, and for a 5xx `Receiver` in the AWS query and restXml
    /// shapes (as AWS and Smithy do) and `Server` in Heat's.
    #[must_use]
    pub fn with_err_type(mut self, err_type: ErrType) -> Self {
        self.err_type = Some(err_type);
        self
    }

    /// Sets the API-WG `code` (`placement.concurrent_update`).
    #[must_use]
    pub fn with_code(mut self, code: impl Into<Cow<'a, str>>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Sets the legacy awsQuery code, sent apart from the title where the protocol says:
    /// `<Code>` of [`Format::AwsQuery`] and `x-amzn-query-error` of a query-compatible AWS
    /// JSON fault. SQS's `QueueDoesNotExist` has `AWS.SimpleQueueService.NonExistentQueue`.
    #[must_use]
    pub fn with_query_code(mut self, code: impl Into<Cow<'a, str>>) -> Self {
        self.query_code = Some(code.into());
        self
    }

    /// Sets the status the awsQuery protocol sends, where it differs from the fault's
    /// (Smithy's `awsQueryError(httpResponseCode)`).
    #[must_use]
    pub fn with_query_status(mut self, status: StatusCode) -> Self {
        self.query_status = Some(status);
        self
    }

    /// Marks the fault as a query-compatible AWS JSON service's (Smithy's
    /// `@awsQueryCompatible`): its JSON responses carry `x-amzn-query-error: Code;Sender`.
    #[must_use]
    pub fn with_query_compatible(mut self, query_compatible: bool) -> Self {
        self.query_compatible = query_compatible;
        self
    }

    /// Adds a member (S3's `BucketName`, an AWS error shape's member, a problem extension).
    #[must_use]
    pub fn with_member(mut self, member: Member<'a>) -> Self {
        self.members.push(member);
        self
    }

    /// Sets the request id. A request id taken from a [`Context`](crate::Context) is used
    /// only when the fault has none of its own.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<Text<'a>>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// Adds a validation error (the load balancer's `validationErrors`).
    #[must_use]
    pub fn with_validation_error(mut self, message: impl Into<Text<'a>>) -> Self {
        self.validation_errors.push(message.into());
        self
    }

    /// Sets when the fault was created (Compute's `AsyncAPIFault`).
    #[must_use]
    pub fn with_created(mut self, created: impl Into<Text<'a>>) -> Self {
        self.created = Some(created.into());
        self
    }

    /// Adds an API-WG link.
    #[must_use]
    pub fn with_link(mut self, link: Link<'a>) -> Self {
        self.links.push(link);
        self
    }

    /// Adds a further error to the same response: API-WG bodies list them all, most recent
    /// first; the other formats send one error and report the rest as
    /// [unsent](Fault::unsent).
    #[must_use]
    pub fn with_error(mut self, error: Fault<'a>) -> Self {
        self.more.push(error);
        self
    }

    /// Sets when the client may retry.
    #[must_use]
    pub fn with_retry_after(mut self, retry_after: RetryAfter) -> Self {
        self.retry_after = Some(retry_after);
        self
    }

    /// Sets the XML namespace of the fault's element.
    #[must_use]
    pub fn with_namespace(mut self, namespace: impl Into<Cow<'a, str>>) -> Self {
        self.namespace = Some(namespace.into());
        self
    }

    /// Sets RFC 9457's `type`, a URI reference naming the kind of problem.
    #[must_use]
    pub fn with_problem_type(mut self, uri: impl Into<Cow<'a, str>>) -> Self {
        self.problem_type = Some(uri.into());
        self
    }

    /// Sets RFC 9457's `instance`, the occurrence (the request's context, when it has one,
    /// wins).
    #[must_use]
    pub fn with_instance(mut self, instance: impl Into<Text<'a>>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// Sets the language of the message (`en`, `de-CH`): problem details then send it in
    /// `Content-Language`.
    #[must_use]
    pub fn with_language(mut self, language: impl Into<Cow<'a, str>>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// Sets the default wire format.
    #[must_use]
    pub fn with_format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// Sets the dialect its family's formats follow ([`Dialect`]).
    #[must_use]
    pub fn with_dialect(mut self, dialect: Dialect) -> Self {
        self.dialect = Some(dialect);
        self
    }

    /// A fault that owns all its text, formatting an interpolated message once. The internal
    /// error is not kept, since it is borrowed.
    #[must_use]
    pub fn into_owned(self) -> Fault<'static> {
        let own = |s: Option<Cow<'a, str>>| s.map(|s| Cow::Owned(s.into_owned()));
        Fault {
            status: self.status,
            title: Cow::Owned(self.title.into_owned()),
            err_type: self.err_type,
            message: self.message.into_owned(),
            message_member: own(self.message_member),
            details: self.details.map(Text::into_owned),
            code: own(self.code),
            query_code: own(self.query_code),
            query_status: self.query_status,
            query_compatible: self.query_compatible,
            request_id: self.request_id.map(Text::into_owned),
            retry_after: self.retry_after,
            validation_errors: self
                .validation_errors
                .into_iter()
                .map(Text::into_owned)
                .collect(),
            created: self.created.map(Text::into_owned),
            members: self.members.into_iter().map(Member::into_owned).collect(),
            links: self.links.into_iter().map(Link::into_owned).collect(),
            more: self.more.into_iter().map(Fault::into_owned).collect(),
            namespace: own(self.namespace),
            problem_type: own(self.problem_type),
            instance: self.instance.map(Text::into_owned),
            language: own(self.language),
            format: self.format,
            dialect: self.dialect,
            error: None,
            raw: self.raw,
        }
    }
}

/// The error of a fault made from a spec alone (never shown: its message is the fixed text).
#[cfg(feature = "openapi")]
#[derive(Debug)]
struct NoError;

#[cfg(feature = "openapi")]
impl fmt::Display for NoError {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

#[cfg(feature = "openapi")]
impl Error for NoError {}

mod access;

impl fmt::Display for Fault<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {}",
            self.title,
            self.status.as_u16(),
            self.message
        )
    }
}

impl Error for Fault<'_> {}
