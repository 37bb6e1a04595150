//! [`ToValue`] and [`FromValue`]: the Rust types a member can hold, both ways.

use super::{Member, Value};
use crate::Text;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::time::{SystemTime, UNIX_EPOCH};

/// A type whose values can be a fault member: the strings, numbers, booleans, lists and maps
/// of the standard library, [`Value`] itself, and any type of yours that implements it (or,
/// with the `serde` feature, derives `serde::Serialize`).
///
/// A `#[fault(member)]` field of a type implementing it becomes a member; an `Option` that is
/// `None` sends no member at all.
///
/// ```
/// use fault_core::{Member, ToValue, Value};
///
/// struct Reason { code: &'static str }
///
/// impl ToValue for Reason {
///     fn to_value(&self) -> Value<'_> {
///         Value::structure([Member::new("Code", self.code)])
///     }
/// }
///
/// let reasons = vec![Reason { code: "ConditionalCheckFailed" }, Reason { code: "None" }];
/// let value = reasons.to_value();
/// assert_eq!(value.as_list().unwrap()[1].get("Code").unwrap(), "None");
/// ```
pub trait ToValue {
    /// The value, borrowing from `self`.
    fn to_value(&self) -> Value<'_>;

    /// Whether the value is absent (`None`), so that no member is sent.
    fn is_absent(&self) -> bool {
        false
    }
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value<'_> {
        (**self).to_value()
    }
    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
}

impl<T: ToValue + ?Sized> ToValue for Box<T> {
    fn to_value(&self) -> Value<'_> {
        (**self).to_value()
    }
    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
}

impl<T: ToValue + ?Sized> ToValue for std::sync::Arc<T> {
    fn to_value(&self) -> Value<'_> {
        (**self).to_value()
    }
    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value<'_> {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl ToValue for str {
    fn to_value(&self) -> Value<'_> {
        Value::Str(Text::from(self))
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value<'_> {
        Value::Str(Text::from(self.as_str()))
    }
}

impl ToValue for Cow<'_, str> {
    fn to_value(&self) -> Value<'_> {
        Value::Str(Text::from(&**self))
    }
}

impl ToValue for Text<'_> {
    fn to_value(&self) -> Value<'_> {
        Value::Str(self.reborrow())
    }
}

impl ToValue for Value<'_> {
    fn to_value(&self) -> Value<'_> {
        self.reborrow()
    }
    fn is_absent(&self) -> bool {
        self.is_null()
    }
}

impl ToValue for bool {
    fn to_value(&self) -> Value<'_> {
        Value::Bool(*self)
    }
}

impl ToValue for char {
    fn to_value(&self) -> Value<'_> {
        Value::Str(Text::from(self.to_string()))
    }
}

macro_rules! integers {
    ($($ty:ty),*) => {$(
        impl ToValue for $ty {
            fn to_value(&self) -> Value<'_> {
                Value::from(*self)
            }
        }
    )*};
}

integers!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl ToValue for f32 {
    fn to_value(&self) -> Value<'_> {
        Value::Float(f64::from(*self))
    }
}

impl ToValue for f64 {
    fn to_value(&self) -> Value<'_> {
        Value::Float(*self)
    }
}

impl ToValue for SystemTime {
    fn to_value(&self) -> Value<'_> {
        Value::Timestamp(*self)
    }
}

impl<T: ToValue> ToValue for [T] {
    fn to_value(&self) -> Value<'_> {
        Value::List(self.iter().map(ToValue::to_value).collect())
    }
}

impl<T: ToValue, const N: usize> ToValue for [T; N] {
    fn to_value(&self) -> Value<'_> {
        self.as_slice().to_value()
    }
}

impl<T: ToValue> ToValue for Vec<T> {
    fn to_value(&self) -> Value<'_> {
        self.as_slice().to_value()
    }
}

impl<K: AsRef<str>, V: ToValue> ToValue for BTreeMap<K, V> {
    fn to_value(&self) -> Value<'_> {
        Value::Map(
            self.iter()
                .map(|(k, v)| (Cow::Borrowed(k.as_ref()), v.to_value()))
                .collect(),
        )
    }
}

/// Entries sorted by key, so that the same map always writes the same body.
impl<K: AsRef<str>, V: ToValue, S> ToValue for HashMap<K, V, S> {
    fn to_value(&self) -> Value<'_> {
        let mut entries: Vec<(Cow<'_, str>, Value<'_>)> = self
            .iter()
            .map(|(k, v)| (Cow::Borrowed(k.as_ref()), v.to_value()))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        Value::Map(entries)
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::Str(Text::from(s))
    }
}

impl From<String> for Value<'_> {
    fn from(s: String) -> Self {
        Value::Str(Text::from(s))
    }
}

impl<'a> From<Cow<'a, str>> for Value<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Value::Str(Text::from(s))
    }
}

impl<'a> From<Text<'a>> for Value<'a> {
    fn from(text: Text<'a>) -> Self {
        Value::Str(text)
    }
}

impl From<bool> for Value<'_> {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

macro_rules! from_integers {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Value<'_> {
            fn from(n: $ty) -> Self {
                // Integers past `i64` (a `u64` over 2^63) are kept as the nearest float.
                #[allow(clippy::cast_precision_loss)]
                i64::try_from(n).map_or(Value::Float(n as f64), Value::Integer)
            }
        }
    )*};
}

from_integers!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl From<f64> for Value<'_> {
    fn from(f: f64) -> Self {
        Value::Float(f)
    }
}

impl From<f32> for Value<'_> {
    fn from(f: f32) -> Self {
        Value::Float(f64::from(f))
    }
}

impl From<SystemTime> for Value<'_> {
    fn from(at: SystemTime) -> Self {
        Value::Timestamp(at)
    }
}

impl<'a> From<Vec<Value<'a>>> for Value<'a> {
    fn from(items: Vec<Value<'a>>) -> Self {
        Value::List(items)
    }
}

impl<'a> From<Vec<Member<'a>>> for Value<'a> {
    fn from(members: Vec<Member<'a>>) -> Self {
        Value::Structure(members)
    }
}

/// A type a member read back from a response can fill: the inverse of [`ToValue`], for
/// `#[derive(FromFault)]`'s `member` fields (or, with the `serde` feature, any
/// `serde::Deserialize` type that is also `Default`).
///
/// Reading is lenient the way clients are: a number sent as a string of digits reads as the
/// number, a scalar reads as a string. A member that is absent, or that cannot be read as the
/// type, gives [`FromValue::missing`].
///
/// ```
/// use fault_core::{FromValue, Value};
///
/// assert_eq!(u32::from_member(Some(&Value::from("30"))), 30);
/// assert_eq!(Option::<u32>::from_member(None), None);
/// let list = Value::list(["a", "b"]);
/// assert_eq!(Vec::<String>::from_member(Some(&list)), ["a", "b"]);
/// ```
pub trait FromValue: Sized {
    /// The value `value` holds, if it can be read as `Self`.
    fn from_value(value: &Value<'_>) -> Option<Self>;

    /// What a field gets when its member is absent or unreadable: empty, zero, `None`.
    fn missing() -> Self;

    /// The field's value for a member that may be absent.
    fn from_member(value: Option<&Value<'_>>) -> Self {
        value
            .and_then(Self::from_value)
            .unwrap_or_else(Self::missing)
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        if value.is_null() {
            return Some(None);
        }
        T::from_value(value).map(Some)
    }
    fn missing() -> Self {
        None
    }
}

impl<T: FromValue> FromValue for Box<T> {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        T::from_value(value).map(Box::new)
    }
    fn missing() -> Self {
        Box::new(T::missing())
    }
}

impl FromValue for String {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        match value {
            Value::Str(text) => Some(text.to_string()),
            Value::List(_) | Value::Structure(_) | Value::Map(_) | Value::Null => None,
            scalar => scalar.to_text().map(Cow::into_owned),
        }
    }
    fn missing() -> Self {
        String::new()
    }
}

impl FromValue for Box<str> {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        String::from_value(value).map(String::into_boxed_str)
    }
    fn missing() -> Self {
        Box::default()
    }
}

impl FromValue for Cow<'static, str> {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        String::from_value(value).map(Cow::Owned)
    }
    fn missing() -> Self {
        Cow::Borrowed("")
    }
}

impl FromValue for Value<'static> {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        Some(value.clone().into_owned())
    }
    fn missing() -> Self {
        Value::Null
    }
}

impl FromValue for bool {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        match value {
            Value::Bool(b) => Some(*b),
            Value::Str(text) => match text.to_cow().trim() {
                t if t.eq_ignore_ascii_case("true") => Some(true),
                t if t.eq_ignore_ascii_case("false") => Some(false),
                _ => None,
            },
            _ => None,
        }
    }
    fn missing() -> Self {
        false
    }
}

/// An integer from a number or a string of digits.
fn integer(value: &Value<'_>) -> Option<i128> {
    match value {
        Value::Integer(n) => Some(i128::from(*n)),
        Value::Str(text) => text.to_cow().trim().parse().ok(),
        #[allow(clippy::cast_possible_truncation)]
        Value::Float(f) if f.fract() == 0.0 && f.is_finite() => Some(*f as i128),
        _ => None,
    }
}

macro_rules! from_value_integers {
    ($($ty:ty),*) => {$(
        impl FromValue for $ty {
            fn from_value(value: &Value<'_>) -> Option<Self> {
                integer(value).and_then(|n| <$ty>::try_from(n).ok())
            }
            fn missing() -> Self {
                0
            }
        }
    )*};
}

from_value_integers!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl FromValue for f64 {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        match value {
            Value::Str(text) => match text.to_cow().trim() {
                "NaN" => Some(f64::NAN),
                "Infinity" => Some(f64::INFINITY),
                "-Infinity" => Some(f64::NEG_INFINITY),
                t => t.parse().ok(),
            },
            number => number.as_f64(),
        }
    }
    fn missing() -> Self {
        0.0
    }
}

impl FromValue for f32 {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        #[allow(clippy::cast_possible_truncation)]
        f64::from_value(value).map(|f| f as f32)
    }
    fn missing() -> Self {
        0.0
    }
}

/// A timestamp from epoch seconds (a number), an ISO 8601 date-time or an HTTP date.
impl FromValue for SystemTime {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        match value {
            Value::Timestamp(at) => Some(*at),
            Value::Str(text) => crate::wire::dates::parse_any(&text.to_cow()),
            number => crate::wire::dates::from_epoch_seconds(number.as_f64()?),
        }
    }
    fn missing() -> Self {
        UNIX_EPOCH
    }
}

/// A list; or a structure whose members all share one name, which is how a parsed XML list
/// with items named by the model reads when it holds one item (`<Messages><Message>…`).
impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        match value {
            Value::Structure(members)
                if members.first().is_some_and(|first| {
                    members
                        .iter()
                        .all(|m| m.name == first.name && !m.xml_attribute)
                }) =>
            {
                Some(
                    members
                        .iter()
                        .filter_map(|m| T::from_value(&m.value))
                        .collect(),
                )
            }
            _ => value
                .as_list()
                .map(|items| items.iter().filter_map(T::from_value).collect()),
        }
    }
    fn missing() -> Self {
        Vec::new()
    }
}

/// A map from a JSON object (a map or a structure, as parsed bodies give it).
fn entries<'v, 'a>(value: &'v Value<'a>) -> Option<Vec<(&'v str, &'v Value<'a>)>> {
    match value {
        Value::Map(entries) => Some(entries.iter().map(|(k, v)| (&**k, v)).collect()),
        Value::Structure(members) => Some(members.iter().map(|m| (&*m.name, &m.value)).collect()),
        _ => None,
    }
}

/// A map of the entries whose values read as `V` (the others are skipped).
fn map_from<V: FromValue, M: FromIterator<(String, V)>>(value: &Value<'_>) -> Option<M> {
    Some(
        entries(value)?
            .into_iter()
            .filter_map(|(k, v)| Some((k.to_owned(), V::from_value(v)?)))
            .collect(),
    )
}

impl<V: FromValue> FromValue for BTreeMap<String, V> {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        map_from(value)
    }
    fn missing() -> Self {
        BTreeMap::new()
    }
}

impl<V: FromValue, S: std::hash::BuildHasher + Default> FromValue for HashMap<String, V, S> {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        map_from(value)
    }
    fn missing() -> Self {
        HashMap::default()
    }
}
