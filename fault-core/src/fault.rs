//! [`Fault`]: the neutral record between a typed error and its wire formats.

use crate::{ErrType, FaultSpec, Format, Text};
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
    pub(crate) err_type: ErrType,
    pub(crate) message: Text<'a>,
    pub(crate) details: Option<Text<'a>>,
    pub(crate) code: Option<Cow<'a, str>>,
    pub(crate) request_id: Option<Text<'a>>,
    pub(crate) retry_after: Option<RetryAfter>,
    pub(crate) validation_errors: Vec<Text<'a>>,
    pub(crate) created: Option<Text<'a>>,
    pub(crate) extras: Vec<Extra<'a>>,
    pub(crate) namespace: Option<Cow<'a, str>>,
    pub(crate) format: Option<Format>,
    pub(crate) error: Option<&'a (dyn Error + 'a)>,
    pub(crate) raw: Option<Box<str>>,
    /// The spec this fault is the fixed fault of, while nothing has changed it: the key to
    /// the cache of finished bodies. Every setter clears it.
    pub(crate) spec: Option<&'static FaultSpec>,
}

/// An extra member of a fault: S3's `BucketName`, an AWS error shape's member, a problem
/// details extension. Rendered as an element or JSON member where the format allows extras.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extra<'a> {
    /// The member's name as written on the wire.
    pub name: Cow<'a, str>,
    /// Its value.
    pub value: Text<'a>,
}

impl<'a> Fault<'a> {
    /// A fault with this status and title, the err_type Heat's rule gives the status, and the
    /// status's reason phrase as its message.
    pub fn new(status: StatusCode, title: impl Into<Cow<'a, str>>) -> Self {
        Fault {
            status,
            title: title.into(),
            err_type: ErrType::for_status(status),
            message: Text::from(status.canonical_reason().unwrap_or("")),
            details: None,
            code: None,
            request_id: None,
            retry_after: None,
            validation_errors: Vec::new(),
            created: None,
            extras: Vec::new(),
            namespace: None,
            format: None,
            error: None,
            raw: None,
            spec: None,
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
            details: None,
            code: spec.error_code.map(Cow::Borrowed),
            request_id: None,
            retry_after: None,
            validation_errors: Vec::new(),
            created: None,
            extras: Vec::new(),
            namespace: spec.namespace.map(Cow::Borrowed),
            format: spec.format,
            error: Some(error),
            raw: None,
            spec: Some(spec),
        }
    }

    /// Sets the HTTP status (keeping the err_type).
    #[must_use]
    pub fn with_status(mut self, status: StatusCode) -> Self {
        self.spec = None;
        self.status = status;
        self
    }

    /// Sets the message sent to the client.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Text<'a>>) -> Self {
        self.spec = None;
        self.message = message.into();
        self
    }

    /// Sets the details (OpenStack `details`; Heat appends them to the message after `:`).
    #[must_use]
    pub fn with_details(mut self, details: impl Into<Text<'a>>) -> Self {
        self.spec = None;
        self.details = Some(details.into());
        self
    }

    /// Sets which side is at fault.
    #[must_use]
    pub fn with_err_type(mut self, err_type: ErrType) -> Self {
        self.spec = None;
        self.err_type = err_type;
        self
    }

    /// Sets the API-WG `code` (`placement.concurrent_update`).
    #[must_use]
    pub fn with_code(mut self, code: impl Into<Cow<'a, str>>) -> Self {
        self.spec = None;
        self.code = Some(code.into());
        self
    }

    /// Adds an extra member in place (the parser's way, without moving the record).
    #[cfg(feature = "parse")]
    pub(crate) fn push_extra(&mut self, name: impl Into<Cow<'a, str>>, value: impl Into<Text<'a>>) {
        self.spec = None;
        self.extras.push(Extra {
            name: name.into(),
            value: value.into(),
        });
    }

    /// Sets the request id. A request id taken from a [`Context`](crate::Context) is used
    /// only when the fault has none of its own.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<Text<'a>>) -> Self {
        self.spec = None;
        self.request_id = Some(request_id.into());
        self
    }

    /// Adds a validation error (the load balancer's `validationErrors`).
    #[must_use]
    pub fn with_validation_error(mut self, message: impl Into<Text<'a>>) -> Self {
        self.spec = None;
        self.validation_errors.push(message.into());
        self
    }

    /// Sets when the fault was created (Compute's `AsyncAPIFault`).
    #[must_use]
    pub fn with_created(mut self, created: impl Into<Text<'a>>) -> Self {
        self.spec = None;
        self.created = Some(created.into());
        self
    }

    /// Adds an extra member (S3's `BucketName`, an AWS error member, a problem extension).
    #[must_use]
    pub fn with_extra(mut self, name: impl Into<Cow<'a, str>>, value: impl Into<Text<'a>>) -> Self {
        self.spec = None;
        self.extras.push(Extra {
            name: name.into(),
            value: value.into(),
        });
        self
    }

    /// Sets when the client may retry.
    #[must_use]
    pub fn with_retry_after(mut self, retry_after: RetryAfter) -> Self {
        self.spec = None;
        self.retry_after = Some(retry_after);
        self
    }

    /// Sets the XML namespace of the fault's element.
    #[must_use]
    pub fn with_namespace(mut self, namespace: impl Into<Cow<'a, str>>) -> Self {
        self.spec = None;
        self.namespace = Some(namespace.into());
        self
    }

    /// Sets the default wire format.
    #[must_use]
    pub fn with_format(mut self, format: Format) -> Self {
        self.spec = None;
        self.format = Some(format);
        self
    }

    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The wire name: AWS `Code`, OpenStack root element, API-WG `title`.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Which side is at fault.
    #[must_use]
    pub fn err_type(&self) -> ErrType {
        self.err_type
    }

    /// The message that is safe to send.
    #[must_use]
    pub fn message(&self) -> &Text<'a> {
        &self.message
    }

    /// The details, if any.
    #[must_use]
    pub fn details(&self) -> Option<&Text<'a>> {
        self.details.as_ref()
    }

    /// The API-WG `code`, if any.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The request id, if any.
    #[must_use]
    pub fn request_id(&self) -> Option<&Text<'a>> {
        self.request_id.as_ref()
    }

    /// The validation errors (the load balancer's `validationErrors`), if any.
    #[must_use]
    pub fn validation_errors(&self) -> &[Text<'a>] {
        &self.validation_errors
    }

    /// When the fault was created, if set.
    #[must_use]
    pub fn created(&self) -> Option<&Text<'a>> {
        self.created.as_ref()
    }

    /// The extra members, in order.
    #[must_use]
    pub fn extras(&self) -> &[Extra<'a>] {
        &self.extras
    }

    /// The value of the extra member `name`, if present.
    #[must_use]
    pub fn extra(&self, name: &str) -> Option<&Text<'a>> {
        self.extras
            .iter()
            .find(|e| e.name == name)
            .map(|e| &e.value)
    }

    /// The body a parsed fault was read from (lossily decoded, capped as the parse limits
    /// say); `None` for a fault built in code.
    #[must_use]
    pub fn raw(&self) -> Option<&str> {
        self.raw.as_deref()
    }

    /// When the client may retry, if set.
    #[must_use]
    pub fn retry_after(&self) -> Option<RetryAfter> {
        self.retry_after
    }

    /// The XML namespace, if set.
    #[must_use]
    pub fn namespace(&self) -> Option<&str> {
        self.namespace.as_deref()
    }

    /// The default wire format, if the type sets one.
    #[must_use]
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// The error this fault was made from, for logs: its `Display` and source chain may hold
    /// internal detail and are never sent unless the variant is `expose`d.
    #[must_use]
    pub fn error(&self) -> Option<&(dyn Error + 'a)> {
        self.error
    }

    /// A fault that owns all its text, formatting an interpolated message once. The internal
    /// error is not kept, since it is borrowed.
    #[must_use]
    pub fn into_owned(self) -> Fault<'static> {
        Fault {
            status: self.status,
            title: Cow::Owned(self.title.into_owned()),
            err_type: self.err_type,
            message: self.message.into_owned(),
            details: self.details.map(Text::into_owned),
            code: self.code.map(|c| Cow::Owned(c.into_owned())),
            request_id: self.request_id.map(Text::into_owned),
            retry_after: self.retry_after,
            validation_errors: self
                .validation_errors
                .into_iter()
                .map(Text::into_owned)
                .collect(),
            created: self.created.map(Text::into_owned),
            extras: self
                .extras
                .into_iter()
                .map(|e| Extra {
                    name: Cow::Owned(e.name.into_owned()),
                    value: e.value.into_owned(),
                })
                .collect(),
            namespace: self.namespace.map(|n| Cow::Owned(n.into_owned())),
            format: self.format,
            error: None,
            raw: self.raw,
            spec: self.spec,
        }
    }
}

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
