//! What a [`Fault`] holds, read back: one accessor per part of the record.

use super::{Fault, Link};
use crate::{Dialect, ErrType, Format, Member, RetryAfter, Text, Value};
use http::StatusCode;
use std::error::Error;

impl<'a> Fault<'a> {
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

    /// Which side is at fault: the one set, else Heat's rule (`Server` for 5xx, `Sender`
    /// otherwise).
    #[must_use]
    pub fn err_type(&self) -> ErrType {
        self.err_type
            .unwrap_or_else(|| ErrType::for_status(self.status))
    }

    /// Whether the side at fault was said (by the variant, a setter or the body read), rather
    /// than left to each family's word for the status.
    #[must_use]
    pub fn err_type_is_set(&self) -> bool {
        self.err_type.is_some()
    }

    /// The message that is safe to send.
    #[must_use]
    pub fn message(&self) -> &Text<'a> {
        &self.message
    }

    /// The message member's name where the model spells it (see
    /// [`with_message_member`](Fault::with_message_member)).
    #[must_use]
    pub fn message_member(&self) -> Option<&str> {
        self.message_member.as_deref()
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

    /// The legacy awsQuery code, if any.
    #[must_use]
    pub fn query_code(&self) -> Option<&str> {
        self.query_code.as_deref()
    }

    /// The awsQuery status, if it differs from [`status`](Fault::status).
    #[must_use]
    pub fn query_status(&self) -> Option<StatusCode> {
        self.query_status
    }

    /// Whether the fault is a query-compatible service's.
    #[must_use]
    pub fn is_query_compatible(&self) -> bool {
        self.query_compatible
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

    /// The members, in order.
    #[must_use]
    pub fn members(&self) -> &[Member<'a>] {
        &self.members
    }

    /// The value of the member named `name` (its model name, or its JSON or XML name, as a
    /// parsed fault knows it), if present.
    #[must_use]
    pub fn member(&self, name: &str) -> Option<&Value<'a>> {
        self.members
            .iter()
            .find(|m| {
                m.header.is_none()
                    && (m.name == name || m.json_name() == name || m.xml_name() == name)
            })
            .or_else(|| self.members.iter().find(|m| m.name == name))
            .map(|m| &m.value)
    }

    /// The value of the member bound to the response header `name` (ASCII case ignored), if
    /// present.
    #[must_use]
    pub fn header_member(&self, name: &str) -> Option<&Value<'a>> {
        self.members
            .iter()
            .find(|m| {
                m.header
                    .as_deref()
                    .is_some_and(|h| h.eq_ignore_ascii_case(name))
            })
            .map(|m| &m.value)
    }

    /// The API-WG links.
    #[must_use]
    pub fn links(&self) -> &[Link<'a>] {
        &self.links
    }

    /// The further errors of the same response (API-WG).
    #[must_use]
    pub fn errors(&self) -> &[Fault<'a>] {
        &self.more
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

    /// RFC 9457's `type`, if set.
    #[must_use]
    pub fn problem_type(&self) -> Option<&str> {
        self.problem_type.as_deref()
    }

    /// RFC 9457's `instance`, if set on the fault.
    #[must_use]
    pub fn instance(&self) -> Option<&Text<'a>> {
        self.instance.as_ref()
    }

    /// The language of the message, if known.
    #[must_use]
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// The default wire format, if the type sets one.
    #[must_use]
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// The dialect, if the type (or a setter) chose one.
    #[must_use]
    pub fn dialect(&self) -> Option<Dialect> {
        self.dialect
    }

    /// The error this fault was made from, for logs: its `Display` and source chain may hold
    /// internal detail and are never sent unless the variant is `expose`d.
    #[must_use]
    pub fn error(&self) -> Option<&(dyn Error + 'a)> {
        self.error
    }
}
