//! Helpers for field roles: putting a field of the value into the fault record.

use crate::{Fault, Member, RetryAfter, Text, ToValue, Value};
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
    fault.details = value;
}

pub fn set_request_id<'a>(fault: &mut Fault<'a>, value: Option<Text<'a>>) {
    fault.request_id = value;
}

pub fn set_created<'a>(fault: &mut Fault<'a>, value: Option<Text<'a>>) {
    fault.created = value;
}

pub fn set_instance<'a>(fault: &mut Fault<'a>, value: Option<Text<'a>>) {
    fault.instance = value;
}

pub fn set_retry_after(fault: &mut Fault<'_>, value: Option<RetryAfter>) {
    fault.retry_after = value;
}

/// The wire names and place of a member field, as the derive writes them.
pub struct MemberNames {
    pub name: &'static str,
    pub json_name: Option<&'static str>,
    pub xml_name: Option<&'static str>,
    pub xml_item_name: Option<&'static str>,
    pub header: Option<&'static str>,
    pub xml_attribute: bool,
    pub flattened: bool,
}

/// Adds a member field's value (none when the field is an absent `Option`).
pub fn push_member<'a>(fault: &mut Fault<'a>, names: &MemberNames, value: Option<Value<'a>>) {
    let Some(value) = value else {
        return;
    };
    fault.members.push(Member {
        name: Cow::Borrowed(names.name),
        value,
        json_name: names.json_name.map(Cow::Borrowed),
        xml_name: names.xml_name.map(Cow::Borrowed),
        xml_item_name: names.xml_item_name.map(Cow::Borrowed),
        header: names.header.map(Cow::Borrowed),
        xml_attribute: names.xml_attribute,
        flattened: names.flattened,
    });
}

/// A member field, for the derive to find how its type becomes a [`Value`]: through
/// [`ToValue`], else (with the `serde` feature) `serde::Serialize`, else `Display` as a
/// string. The generated code calls `(&&&ValueProbe(field)).member_value()`, and method
/// resolution picks the first that applies.
pub struct ValueProbe<'a, T: ?Sized>(pub &'a T);

/// Chosen when the field's type implements [`ToValue`].
pub trait ViaToValue<'a> {
    fn member_value(&self) -> Option<Value<'a>>;
}

impl<'a, T: ToValue + ?Sized> ViaToValue<'a> for &&ValueProbe<'a, T> {
    #[inline]
    fn member_value(&self) -> Option<Value<'a>> {
        let field: &'a T = self.0;
        (!field.is_absent()).then(|| field.to_value())
    }
}

/// Chosen when the field's type is `serde::Serialize` (with the `serde` feature).
pub trait ViaSerialize<'a> {
    fn member_value(&self) -> Option<Value<'a>>;
}

#[cfg(feature = "serde")]
impl<'a, T: serde_core::Serialize + ?Sized> ViaSerialize<'a> for &ValueProbe<'a, T> {
    fn member_value(&self) -> Option<Value<'a>> {
        let value = crate::value::to_value_via_serde(self.0);
        (!value.is_null()).then_some(value)
    }
}

/// Chosen otherwise: the field's `Display`, as a string member. The impl always applies and
/// the method asks for [`MemberDisplay`], so a type that is none of the three is reported as
/// that trait's message says.
pub trait ViaDisplay<'a, T: ?Sized> {
    fn member_value(&self) -> Option<Value<'a>>
    where
        T: MemberDisplay;
}

impl<'a, T: ?Sized> ViaDisplay<'a, T> for ValueProbe<'a, T> {
    #[inline]
    fn member_value(&self) -> Option<Value<'a>>
    where
        T: MemberDisplay,
    {
        Some(Value::Str(Text::display(self.0.as_display())))
    }
}

/// The last way a field's type can be a member: as its `Display`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a fault member",
    label = "this field is a member of the fault",
    note = "implement `fault_core::ToValue` for it, derive `serde::Serialize` (with fault-core's `serde` feature), or implement `Display` to send it as a string"
)]
pub trait MemberDisplay {
    fn as_display(&self) -> &dyn fmt::Display;
}

impl<T: fmt::Display> MemberDisplay for T {
    #[inline]
    fn as_display(&self) -> &dyn fmt::Display {
        self
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
