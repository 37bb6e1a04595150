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

// ----- `#[derive(FromFault)]` -----------------------------------------------------------------

/// The wire identity of one variant, as the `FromFault` derive writes it into a static table.
pub struct Identity {
    title: &'static str,
    /// The variant's API-WG code, its own or the type's default.
    code: Option<&'static str>,
    /// Whether the code is the variant's own (codes identify errors) or the type's default.
    own_code: bool,
    parse_target: bool,
}

/// One entry of a `FromFault` identity table.
#[must_use]
pub const fn identity(
    title: &'static str,
    code: Option<&'static str>,
    own_code: bool,
    parse_target: bool,
) -> Identity {
    Identity {
        title,
        code,
        own_code,
        parse_target,
    }
}

/// The index in `table` of the variant `fault` names, by the rules of the crate docs'
/// "Reading faults back": the variant whose own API-WG code is the fault's, the one whose
/// identity (title, code) is the fault's, the one with the title and no code of its own, or
/// any with the title whose own code does not contradict the fault's. Each step prefers the
/// `parse_target` among its matches, and else takes the first declared.
#[must_use]
pub fn find_identity(fault: &Fault<'_>, table: &[Identity]) -> Option<usize> {
    fn pick(table: &[Identity], matches: impl Fn(&Identity) -> bool) -> Option<usize> {
        let mut first = None;
        for (index, entry) in table.iter().enumerate() {
            if matches(entry) {
                if entry.parse_target {
                    return Some(index);
                }
                first = first.or(Some(index));
            }
        }
        first
    }
    let title = fault.title();
    let code = fault.code();
    if let Some(code) = code {
        let by_code = |e: &Identity| e.own_code && e.code == Some(code);
        let found =
            pick(table, |e| by_code(e) && e.title == title).or_else(|| pick(table, by_code));
        if found.is_some() {
            return found;
        }
    }
    pick(table, |e| e.title == title && e.code == code)
        .or_else(|| pick(table, |e| e.title == title && !e.own_code))
        .or_else(|| pick(table, |e| e.title == title && code.is_none()))
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
