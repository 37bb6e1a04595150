//! Helpers the derive's generated code reaches through `::fault_core::__private`; not a public
//! API, no stability promised.

use crate::{ApiFault, ErrType, Extra, Fault, FaultSpec, Format, RetryAfter, Text};
use http::StatusCode;
use std::borrow::Cow;
use std::error::Error;

pub use core::fmt;
pub use core::option::Option::{None, Some};
pub use core::result::Result;

/// Builds a variant's spec; `status` is one the derive checked to be in 400..=599.
#[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)]
#[must_use]
pub const fn spec(
    status: u16,
    title: &'static str,
    err_type: ErrType,
    explanation: Option<&'static str>,
    message_is_fixed: bool,
    exposed: bool,
    error_code: Option<&'static str>,
    namespace: Option<&'static str>,
    format: Option<Format>,
) -> FaultSpec {
    FaultSpec {
        status: match StatusCode::from_u16(status) {
            Ok(status) => status,
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
        },
        title,
        err_type,
        explanation,
        message_is_fixed,
        exposed,
        error_code,
        namespace,
        format,
    }
}

/// Where a value's facts live: its variant's static spec, or the inner error of a
/// `transparent` variant. The derive's one `match` per type produces this.
#[derive(Clone, Copy)]
pub enum Entry<'a> {
    /// The variant's own spec.
    Spec(&'static FaultSpec),
    /// The wrapped error that a transparent variant delegates to.
    Transparent(&'a (dyn ApiFault + 'a)),
}

impl<'a> Entry<'a> {
    /// The entry of a transparent variant wrapping `inner`.
    #[inline]
    #[must_use]
    pub fn transparent<T: ApiFault + 'a>(inner: &'a T) -> Self {
        Entry::Transparent(inner)
    }

    #[inline]
    #[must_use]
    pub fn status(self) -> StatusCode {
        match self {
            Entry::Spec(spec) => spec.status,
            Entry::Transparent(inner) => inner.status(),
        }
    }

    #[inline]
    #[must_use]
    pub fn title(self) -> &'a str {
        match self {
            Entry::Spec(spec) => spec.title,
            Entry::Transparent(inner) => inner.title(),
        }
    }

    #[inline]
    #[must_use]
    pub fn err_type(self) -> ErrType {
        match self {
            Entry::Spec(spec) => spec.err_type,
            Entry::Transparent(inner) => inner.err_type(),
        }
    }

    #[inline]
    #[must_use]
    pub fn spec(self) -> Option<&'static FaultSpec> {
        match self {
            Entry::Spec(spec) => Some(spec),
            Entry::Transparent(inner) => inner.spec(),
        }
    }

    /// The fault of `error`, the value this entry was found for.
    #[inline]
    #[must_use]
    pub fn fault(self, error: &'a (dyn Error + 'a)) -> Fault<'a> {
        match self {
            Entry::Spec(spec) => Fault::from_spec(spec, error),
            Entry::Transparent(inner) => inner.fault(),
        }
    }
}

/// Turns a source field into `&dyn Error`, whether it holds a concrete error or a boxed
/// `dyn Error` (which does not itself implement `Error`).
pub trait AsDynError<'a> {
    fn as_dyn_error(&self) -> &(dyn Error + 'a);
}

impl<'a, T: Error + 'a> AsDynError<'a> for T {
    #[inline]
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + 'a {
    #[inline]
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + Send + 'a {
    #[inline]
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + Send + Sync + 'a {
    #[inline]
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

/// A field as fault text, borrowed and formatted on demand.
#[inline]
#[must_use]
pub fn text<'a, T: fmt::Display + 'a>(value: &'a T) -> Option<Text<'a>> {
    Some(Text::display(value))
}

/// An optional field as fault text.
#[inline]
#[must_use]
pub fn opt_text<'a, T: fmt::Display + 'a>(value: &'a Option<T>) -> Option<Text<'a>> {
    value.as_ref().map(|v| Text::display(v))
}

pub fn set_details<'a>(fault: &mut Fault<'a>, value: Option<Text<'a>>) {
    fault.details = value;
}

pub fn set_request_id<'a>(fault: &mut Fault<'a>, value: Option<Text<'a>>) {
    fault.request_id = value;
}

pub fn set_created<'a>(fault: &mut Fault<'a>, value: Option<Text<'a>>) {
    fault.created = value;
}

pub fn set_retry_after(fault: &mut Fault<'_>, value: Option<RetryAfter>) {
    fault.retry_after = value;
}

pub fn set_extra<'a>(fault: &mut Fault<'a>, name: &'static str, value: Option<Text<'a>>) {
    if let Some(value) = value {
        fault.extras.push(Extra {
            name: Cow::Borrowed(name),
            value,
        });
    }
}

/// Each item of a `validation_errors` field (any collection of `Display` items).
pub fn set_validation_errors<'a, I, T>(fault: &mut Fault<'a>, items: I)
where
    I: IntoIterator<Item = &'a T>,
    T: fmt::Display + 'a,
{
    fault
        .validation_errors
        .extend(items.into_iter().map(|item| Text::display(item)));
}

/// The types a `retry_after` field may have: seconds as an integer, a `Duration`, a
/// `SystemTime`, a [`RetryAfter`], or an `Option` of one.
pub trait AsRetryAfter {
    fn as_retry_after(&self) -> Option<RetryAfter>;
}

macro_rules! seconds {
    ($($ty:ty),*) => {$(
        impl AsRetryAfter for $ty {
            #[inline]
            fn as_retry_after(&self) -> Option<RetryAfter> {
                u64::try_from(*self).ok().map(RetryAfter::Seconds)
            }
        }
    )*};
}

seconds!(u8, u16, u32, u64, usize, i32, i64);

impl AsRetryAfter for std::time::Duration {
    fn as_retry_after(&self) -> Option<RetryAfter> {
        Some(RetryAfter::Seconds(self.as_secs()))
    }
}

impl AsRetryAfter for std::time::SystemTime {
    fn as_retry_after(&self) -> Option<RetryAfter> {
        Some(RetryAfter::At(*self))
    }
}

impl AsRetryAfter for RetryAfter {
    fn as_retry_after(&self) -> Option<RetryAfter> {
        Some(*self)
    }
}

impl<T: AsRetryAfter> AsRetryAfter for Option<T> {
    fn as_retry_after(&self) -> Option<RetryAfter> {
        self.as_ref().and_then(AsRetryAfter::as_retry_after)
    }
}
