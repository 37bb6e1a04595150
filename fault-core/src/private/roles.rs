//! Helpers for field roles: putting a field of the value into the fault record.

use crate::{Extra, Fault, RetryAfter, Text};
use core::fmt;
use std::borrow::Cow;

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
    fault.spec = None;
    fault.details = value;
}

pub fn set_request_id<'a>(fault: &mut Fault<'a>, value: Option<Text<'a>>) {
    fault.spec = None;
    fault.request_id = value;
}

pub fn set_created<'a>(fault: &mut Fault<'a>, value: Option<Text<'a>>) {
    fault.spec = None;
    fault.created = value;
}

pub fn set_retry_after(fault: &mut Fault<'_>, value: Option<RetryAfter>) {
    fault.spec = None;
    fault.retry_after = value;
}

pub fn set_extra<'a>(fault: &mut Fault<'a>, name: &'static str, value: Option<Text<'a>>) {
    fault.spec = None;
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
    fault.spec = None;
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
