//! Helpers for `#[derive(FromFault)]`: finding a variant by wire identity and filling its
//! fields from a parsed fault.

use crate::{Fault, FromValue, RetryAfter, Text, Value};
use core::marker::PhantomData;
use std::borrow::Cow;

/// The wire identity of one variant, as the `FromFault` derive writes it into a static table.
pub struct Identity {
    title: &'static str,
    /// The variant's HTTP status, which tells apart variants sharing a title (nova's
    /// `overLimit` at 413 and at 429).
    status: u16,
    /// The variant's API-WG code, its own or the type's default.
    code: Option<&'static str>,
    /// Whether the code is the variant's own (codes identify errors) or the type's default.
    own_code: bool,
    parse_target: bool,
    /// The variant's legacy awsQuery code, which a fault may carry apart from its title or as
    /// its title (an awsQuery body's `Code`).
    query_code: Option<&'static str>,
}

/// One entry of a `FromFault` identity table.
#[must_use]
pub const fn identity(
    title: &'static str,
    status: u16,
    code: Option<&'static str>,
    own_code: bool,
    parse_target: bool,
    query_code: Option<&'static str>,
) -> Identity {
    Identity {
        title,
        status,
        code,
        own_code,
        parse_target,
        query_code,
    }
}

/// The index in `table` of the variant `fault` names, by the rules of the crate docs'
/// "Reading faults back": the variant whose own API-WG code is the fault's, the one whose
/// identity (title, code) is the fault's, the one with the title and no code of its own, or
/// any with the title whose own code does not contradict the fault's, else the one whose
/// legacy query code is the fault's query code or its title. Each step prefers among its
/// matches the one with the fault's status, then the `parse_target`, then the first declared.
#[must_use]
pub fn find_identity(fault: &Fault<'_>, table: &[Identity]) -> Option<usize> {
    let status = fault.status().as_u16();
    let pick = |table: &[Identity], matches: &dyn Fn(&Identity) -> bool| -> Option<usize> {
        let rank = |e: &Identity| (u8::from(e.status == status) << 1) | u8::from(e.parse_target);
        let mut best: Option<(usize, u8)> = None;
        for (index, entry) in table.iter().enumerate() {
            if matches(entry) && best.is_none_or(|(_, top)| rank(entry) > top) {
                best = Some((index, rank(entry)));
            }
        }
        best.map(|(index, _)| index)
    };
    let title = fault.title();
    let code = fault.code();
    if let Some(code) = code {
        let by_code = |e: &Identity| e.own_code && e.code == Some(code);
        let found =
            pick(table, &|e| by_code(e) && e.title == title).or_else(|| pick(table, &by_code));
        if found.is_some() {
            return found;
        }
    }
    let query_code = fault.query_code();
    pick(table, &|e| e.title == title && e.code == code)
        .or_else(|| pick(table, &|e| e.title == title && !e.own_code))
        .or_else(|| pick(table, &|e| e.title == title && code.is_none()))
        .or_else(|| {
            pick(table, &|e| {
                e.query_code
                    .is_some_and(|q| Some(q) == query_code || q == title)
            })
        })
}

/// The types a `FromFault` field filled from fault text may have: the message field and the
/// `details`, `request_id`, `created` and `extra` roles.
#[diagnostic::on_unimplemented(
    message = "`FromFault` cannot fill a `{Self}` field from the fault's text",
    label = "this field is filled from the fault's text",
    note = "use `String`, `Box<str>`, `Cow<'static, str>`, or an `Option` of one"
)]
pub trait FromText: Sized {
    /// The field's value for `text`, or for its absence.
    fn from_text(text: Option<&Text<'_>>) -> Self;
}

impl FromText for String {
    fn from_text(text: Option<&Text<'_>>) -> Self {
        text.map(ToString::to_string).unwrap_or_default()
    }
}

impl FromText for Box<str> {
    fn from_text(text: Option<&Text<'_>>) -> Self {
        String::from_text(text).into_boxed_str()
    }
}

impl FromText for Cow<'static, str> {
    fn from_text(text: Option<&Text<'_>>) -> Self {
        Cow::Owned(String::from_text(text))
    }
}

impl<T: FromText> FromText for Option<T> {
    fn from_text(text: Option<&Text<'_>>) -> Self {
        text.map(|text| T::from_text(Some(text)))
    }
}

/// Fault text from a remote error's detail, for `FromText`.
#[must_use]
pub fn remote_detail(detail: Option<&str>) -> Option<Text<'_>> {
    detail.map(Text::from)
}

/// The types a `FromFault` `retry_after` field may have: seconds as an integer (saturating), a
/// `Duration`, a `SystemTime`, a [`RetryAfter`], or an `Option` of one. Without a
/// `Retry-After`, a field that is not an `Option` gets zero seconds (or `UNIX_EPOCH`).
#[diagnostic::on_unimplemented(
    message = "`FromFault` cannot fill a `{Self}` field from the fault's `retry_after`",
    label = "this field is filled from the fault's `retry_after`",
    note = "use an integer of seconds, `Duration`, `SystemTime`, `RetryAfter`, or an `Option` of one"
)]
pub trait FromRetryAfter: Sized {
    /// The field's value for `retry_after`, or for its absence.
    fn from_retry_after(retry_after: Option<RetryAfter>) -> Self;
}

/// Seconds from now until `retry_after`, rounded up.
fn retry_seconds(retry_after: Option<RetryAfter>) -> u64 {
    match retry_after {
        None => 0,
        Some(RetryAfter::Seconds(seconds)) => seconds,
        Some(RetryAfter::At(at)) => {
            at.duration_since(std::time::SystemTime::now())
                .map_or(0, |wait| {
                    wait.as_secs()
                        .saturating_add(u64::from(wait.subsec_nanos() > 0))
                })
        }
    }
}

macro_rules! from_seconds {
    ($($ty:ty),*) => {$(
        impl FromRetryAfter for $ty {
            fn from_retry_after(retry_after: Option<RetryAfter>) -> Self {
                <$ty>::try_from(retry_seconds(retry_after)).unwrap_or(<$ty>::MAX)
            }
        }
    )*};
}

from_seconds!(u8, u16, u32, u64, usize, i32, i64);

impl FromRetryAfter for std::time::Duration {
    fn from_retry_after(retry_after: Option<RetryAfter>) -> Self {
        std::time::Duration::from_secs(retry_seconds(retry_after))
    }
}

impl FromRetryAfter for std::time::SystemTime {
    fn from_retry_after(retry_after: Option<RetryAfter>) -> Self {
        match retry_after {
            None => std::time::SystemTime::UNIX_EPOCH,
            Some(RetryAfter::At(at)) => at,
            Some(RetryAfter::Seconds(seconds)) => {
                let now = std::time::SystemTime::now();
                now.checked_add(std::time::Duration::from_secs(seconds))
                    .unwrap_or(now)
            }
        }
    }
}

impl FromRetryAfter for RetryAfter {
    fn from_retry_after(retry_after: Option<RetryAfter>) -> Self {
        retry_after.unwrap_or(RetryAfter::Seconds(0))
    }
}

impl<T: FromRetryAfter> FromRetryAfter for Option<T> {
    fn from_retry_after(retry_after: Option<RetryAfter>) -> Self {
        retry_after.map(|r| T::from_retry_after(Some(r)))
    }
}

/// The types a `FromFault` `validation_errors` field may have: a `Vec` of fault text.
#[diagnostic::on_unimplemented(
    message = "`FromFault` cannot fill a `{Self}` field from the fault's `validation_errors`",
    label = "this field is filled from the fault's `validation_errors`",
    note = "use `Vec<String>` (or a `Vec` of `Box<str>` or `Cow<'static, str>`)"
)]
pub trait FromValidationErrors: Sized {
    /// The field's value for these messages.
    fn from_validation_errors(messages: &[Text<'_>]) -> Self;
}

impl<T: FromText> FromValidationErrors for Vec<T> {
    fn from_validation_errors(messages: &[Text<'_>]) -> Self {
        messages.iter().map(|m| T::from_text(Some(m))).collect()
    }
}

/// The types the one field of a `catch_all` variant may have: the whole fault, owned (boxed
/// or not), or its message as a string.
#[diagnostic::on_unimplemented(
    message = "a `catch_all` field cannot be a `{Self}`",
    label = "the `catch_all` variant's field receives the fault",
    note = "use `Fault<'static>` (or `Box<Fault<'static>>`) for the whole fault, or `String` for its message"
)]
pub trait CatchAll: Sized {
    /// The field's value for `fault`.
    fn catch_all(fault: &Fault<'_>) -> Self;
}

impl CatchAll for Fault<'static> {
    fn catch_all(fault: &Fault<'_>) -> Self {
        fault.clone().into_owned()
    }
}

impl CatchAll for Box<Fault<'static>> {
    fn catch_all(fault: &Fault<'_>) -> Self {
        Box::new(fault.clone().into_owned())
    }
}

impl CatchAll for String {
    fn catch_all(fault: &Fault<'_>) -> Self {
        fault.message().to_string()
    }
}

impl CatchAll for Box<str> {
    fn catch_all(fault: &Fault<'_>) -> Self {
        String::catch_all(fault).into_boxed_str()
    }
}

impl CatchAll for Cow<'static, str> {
    fn catch_all(fault: &Fault<'_>) -> Self {
        Cow::Owned(String::catch_all(fault))
    }
}

/// A remote error's name as Heat matches it: without a module path before the last `.`, and
/// without the `_Remote` suffix oslo.messaging gives re-raised exceptions.
#[must_use]
pub fn remote_name(name: &str) -> &str {
    let name = name.rsplit('.').next().unwrap_or(name);
    name.strip_suffix("_Remote").unwrap_or(name)
}

/// A member field's type, for the derive to find how it is filled from a member: through
/// [`FromValue`], else (with the `serde` feature) `serde::Deserialize` and `Default`. The
/// generated code calls `(&&FromProbe::<T>::NEW).fill_member(value)`.
pub struct FromProbe<T>(PhantomData<T>);

impl<T> FromProbe<T> {
    /// The probe of `T`.
    pub const NEW: Self = FromProbe(PhantomData);
}

/// Chosen when the field's type implements [`FromValue`].
pub trait ViaFromValue<T> {
    fn fill_member(&self, value: Option<&Value<'_>>) -> T;
}

impl<T: FromValue> ViaFromValue<T> for &FromProbe<T> {
    #[inline]
    fn fill_member(&self, value: Option<&Value<'_>>) -> T {
        T::from_member(value)
    }
}

/// Chosen otherwise: the field's type through [`MemberFromValue`], asked for by the method
/// so that a type that is neither is reported as that trait's message says.
pub trait ViaOther<T> {
    fn fill_member(&self, value: Option<&Value<'_>>) -> T
    where
        T: MemberFromValue;
}

impl<T> ViaOther<T> for FromProbe<T> {
    #[inline]
    fn fill_member(&self, value: Option<&Value<'_>>) -> T
    where
        T: MemberFromValue,
    {
        T::read_member(value)
    }
}

/// The last way a member field is filled: `serde::Deserialize`, with `Default` for a member
/// that is absent or does not fit.
#[diagnostic::on_unimplemented(
    message = "`FromFault` cannot fill a `{Self}` field from a member",
    label = "this field is filled from a member of the fault",
    note = "implement `fault_core::FromValue` for it, or derive `serde::Deserialize` and implement `Default` (with fault-core's `serde` feature); an `Option` of such a type works too"
)]
pub trait MemberFromValue: Sized {
    fn read_member(value: Option<&Value<'_>>) -> Self;
}

#[cfg(feature = "serde")]
impl<T: serde_core::de::DeserializeOwned + Default> MemberFromValue for T {
    fn read_member(value: Option<&Value<'_>>) -> Self {
        value
            .and_then(|value| crate::value::from_value_via_serde(value))
            .unwrap_or_default()
    }
}
