//! [`Value`] and [`Member`]: the typed members a fault carries beside its message, as a
//! service's model declares them.

use crate::Text;
use std::borrow::Cow;
use std::time::SystemTime;

mod convert;
#[cfg(feature = "serde")]
mod serde_bridge;

pub use convert::{FromValue, ToValue};
#[cfg(feature = "serde")]
pub(crate) use serde_bridge::{from_value_via_serde, to_value_via_serde};

/// A member's value: a string, a number, a boolean, null, a timestamp, a list, a structure or
/// a map, written as each wire format writes that type.
///
/// JSON formats write it as the JSON type (a timestamp as epoch seconds in the AWS protocols,
/// as an ISO 8601 string elsewhere); XML formats write nested elements, lists as the protocol
/// says (`<member>` items in the AWS query and restXml shapes unless the member is
/// [flattened](Member::flattened)). Parsing gives back strings, numbers, booleans, nulls,
/// lists and structures; a timestamp reads back as the number or string it was written as.
///
/// ```
/// use fault_core::{Member, Value};
///
/// let reasons = Value::list([
///     Value::structure([Member::new("Code", "ConditionalCheckFailed")]),
///     Value::structure([Member::new("Code", "None")]),
/// ]);
/// assert_eq!(reasons.as_list().unwrap().len(), 2);
/// assert_eq!(Value::from(30u32), Value::Integer(30));
/// assert_eq!(Value::from("gone").as_str(), Some("gone"));
/// ```
#[derive(Clone, Debug, Default)]
pub enum Value<'a> {
    /// JSON `null`; nothing in XML.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer. A JSON number outside `i64` reads back as a [`Value::Float`].
    Integer(i64),
    /// A floating-point number; NaN and the infinities are written as the strings `"NaN"`,
    /// `"Infinity"` and `"-Infinity"`, as Smithy's protocols write them.
    Float(f64),
    /// Text, borrowed, owned or formatted when written. (Named `Str`, not `String`, so that
    /// compiler messages about `String` in a crate using this one keep their short name.)
    Str(Text<'a>),
    /// A moment: epoch seconds in the AWS JSON protocols, an ISO 8601 date-time elsewhere.
    Timestamp(SystemTime),
    /// A list of values.
    List(Vec<Value<'a>>),
    /// A structure: named members, each with its own wire names.
    Structure(Vec<Member<'a>>),
    /// A map from string keys; in XML, `<entry><key/><value/></entry>` items.
    Map(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// One named member of a fault (or of a structure inside one): its name in the service's
/// model, the names it has on the wire where they differ (Smithy's `@jsonName`, `@xmlName`),
/// where it is sent (the body, an XML attribute, or a response header: Smithy's
/// `@httpHeader`), and its value.
///
/// ```
/// use fault_core::{Member, Value};
///
/// let nested = Member::new("Nested", Value::structure([
///     Member::new("Foo", "bar").with_json_name("Fooooo"),
/// ]));
/// assert_eq!(nested.name(), "Nested");
/// let Value::Structure(members) = nested.value() else { unreachable!() };
/// assert_eq!((members[0].json_name(), members[0].xml_name()), ("Fooooo", "Foo"));
///
/// let header = Member::new("Header", "Header").in_header("X-Header");
/// assert_eq!(header.header(), Some("X-Header"));
/// ```
#[derive(Clone, Debug)]
pub struct Member<'a> {
    pub(crate) name: Cow<'a, str>,
    pub(crate) value: Value<'a>,
    pub(crate) json_name: Option<Cow<'a, str>>,
    pub(crate) xml_name: Option<Cow<'a, str>>,
    /// The element name of a wrapped list's items (`@xmlName` on the list's member).
    pub(crate) xml_item_name: Option<Cow<'a, str>>,
    pub(crate) header: Option<Cow<'a, str>>,
    pub(crate) xml_attribute: bool,
    pub(crate) flattened: bool,
}

impl<'a> Member<'a> {
    /// A member named `name` (the model's name, used on the wire unless a format has a name
    /// of its own for it).
    pub fn new(name: impl Into<Cow<'a, str>>, value: impl Into<Value<'a>>) -> Self {
        Member {
            name: name.into(),
            value: value.into(),
            json_name: None,
            xml_name: None,
            xml_item_name: None,
            header: None,
            xml_attribute: false,
            flattened: false,
        }
    }

    /// The name JSON bodies use (Smithy's `@jsonName`): honoured by every JSON format but the
    /// AWS JSON protocols (`awsJson1_0`, `awsJson1_1`), which Smithy defines without it.
    #[must_use]
    pub fn with_json_name(mut self, name: impl Into<Cow<'a, str>>) -> Self {
        self.json_name = Some(name.into());
        self
    }

    /// The name XML bodies use (Smithy's `@xmlName`).
    #[must_use]
    pub fn with_xml_name(mut self, name: impl Into<Cow<'a, str>>) -> Self {
        self.xml_name = Some(name.into());
        self
    }

    /// The element name of a wrapped list member's items in XML, where the protocol's own
    /// would be `<member>` (Smithy's `@xmlName` on the list's member: Route 53's
    /// `<Messages><Message>…</Message></Messages>`); JSON and flattened lists are unaffected.
    #[must_use]
    pub fn with_xml_item_name(mut self, name: impl Into<Cow<'a, str>>) -> Self {
        self.xml_item_name = Some(name.into());
        self
    }

    /// Sends the member in the response header `name` (Smithy's `@httpHeader`) in the
    /// formats that bind members to headers (every format but the AWS RPC protocols, whose
    /// bodies carry it as any other member).
    #[must_use]
    pub fn in_header(mut self, name: impl Into<Cow<'a, str>>) -> Self {
        self.header = Some(name.into());
        self
    }

    /// Writes the member as an attribute of its XML element rather than a child (Smithy's
    /// `@xmlAttribute`); JSON formats are unaffected.
    #[must_use]
    pub fn as_xml_attribute(mut self) -> Self {
        self.xml_attribute = true;
        self
    }

    /// Writes a list or map member's items directly in the parent XML element, each under the
    /// member's name, rather than wrapped (Smithy's `@xmlFlattened`); JSON is unaffected.
    #[must_use]
    pub fn flattened(mut self) -> Self {
        self.flattened = true;
        self
    }

    /// The model's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The name in JSON bodies that honour `@jsonName`: that name, else the model's.
    #[must_use]
    pub fn json_name(&self) -> &str {
        self.json_name.as_deref().unwrap_or(&self.name)
    }

    /// The name in XML bodies: the `@xmlName`, else the model's.
    #[must_use]
    pub fn xml_name(&self) -> &str {
        self.xml_name.as_deref().unwrap_or(&self.name)
    }

    /// The element name of a wrapped list's items in XML, when the model gives one.
    #[must_use]
    pub fn xml_item_name(&self) -> Option<&str> {
        self.xml_item_name.as_deref()
    }

    /// The response header the member is bound to, if any.
    #[must_use]
    pub fn header(&self) -> Option<&str> {
        self.header.as_deref()
    }

    /// Whether the member is an XML attribute.
    #[must_use]
    pub fn is_xml_attribute(&self) -> bool {
        self.xml_attribute
    }

    /// Whether a list or map member is flattened in XML.
    #[must_use]
    pub fn is_flattened(&self) -> bool {
        self.flattened
    }

    /// The value.
    #[must_use]
    pub fn value(&self) -> &Value<'a> {
        &self.value
    }

    /// A member owning all its text.
    #[must_use]
    pub fn into_owned(self) -> Member<'static> {
        let own = |name: Option<Cow<'a, str>>| name.map(|n| Cow::Owned(n.into_owned()));
        Member {
            name: Cow::Owned(self.name.into_owned()),
            value: self.value.into_owned(),
            json_name: own(self.json_name),
            xml_name: own(self.xml_name),
            xml_item_name: own(self.xml_item_name),
            header: own(self.header),
            xml_attribute: self.xml_attribute,
            flattened: self.flattened,
        }
    }
}

/// Two members are equal when their names, places and values are.
impl PartialEq for Member<'_> {
    fn eq(&self, other: &Member<'_>) -> bool {
        self.name == other.name
            && self.json_name() == other.json_name()
            && self.xml_name() == other.xml_name()
            && self.xml_item_name == other.xml_item_name
            && self.header == other.header
            && self.xml_attribute == other.xml_attribute
            && self.flattened == other.flattened
            && self.value == other.value
    }
}

impl<'a> Value<'a> {
    /// A list of values.
    pub fn list<V: Into<Value<'a>>>(items: impl IntoIterator<Item = V>) -> Self {
        Value::List(items.into_iter().map(Into::into).collect())
    }

    /// A structure of members, in order.
    pub fn structure(members: impl IntoIterator<Item = Member<'a>>) -> Self {
        Value::Structure(members.into_iter().collect())
    }

    /// A map, in the order given.
    pub fn map<K: Into<Cow<'a, str>>, V: Into<Value<'a>>>(
        entries: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }

    /// The text, if the value is a string held as one (not formatted on demand).
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(text) => text.as_str(),
            _ => None,
        }
    }

    /// The text, if the value is a string.
    #[must_use]
    pub fn as_text(&self) -> Option<&Text<'a>> {
        match self {
            Value::Str(text) => Some(text),
            _ => None,
        }
    }

    /// The integer, if the value is one (or a float with no fraction that fits).
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Value::Integer(n) => Some(n),
            #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
            Value::Float(f) if f.fract() == 0.0 && f >= i64::MIN as f64 && f < i64::MAX as f64 => {
                Some(f as i64)
            }
            _ => None,
        }
    }

    /// The number as a float, if the value is a number.
    #[must_use]
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            #[allow(clippy::cast_precision_loss)]
            Value::Integer(n) => Some(n as f64),
            Value::Float(f) => Some(f),
            _ => None,
        }
    }

    /// The boolean, if the value is one.
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match *self {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The items, if the value is a list.
    #[must_use]
    pub fn as_list(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    /// The members, if the value is a structure.
    #[must_use]
    pub fn as_structure(&self) -> Option<&[Member<'a>]> {
        match self {
            Value::Structure(members) => Some(members),
            _ => None,
        }
    }

    /// The member or entry named `name` of a structure (by model name, JSON name or XML
    /// name) or a map.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        match self {
            Value::Structure(members) => members
                .iter()
                .find(|m| m.name == name || m.json_name() == name || m.xml_name() == name)
                .map(|m| &m.value),
            Value::Map(entries) => entries.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Whether the value is `Null`.
    #[must_use]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The value written as one line of text, as a header or an XML text node holds it:
    /// strings as they are, numbers in decimal, booleans as `true`/`false`, a timestamp as an
    /// HTTP date, a list as its items joined by `", "`; `None` for null, structures and maps.
    #[must_use]
    pub fn to_text(&self) -> Option<Cow<'_, str>> {
        Some(match self {
            Value::Null | Value::Structure(_) | Value::Map(_) => return None,
            Value::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Value::Integer(n) => Cow::Owned(n.to_string()),
            Value::Float(f) => Cow::Owned(crate::wire::json::float_text(*f).into_owned()),
            Value::Str(text) => text.to_cow(),
            Value::Timestamp(at) => Cow::Owned(crate::wire::dates::format(*at)),
            Value::List(items) => {
                let texts: Vec<Cow<'_, str>> = items.iter().filter_map(Value::to_text).collect();
                Cow::Owned(texts.join(", "))
            }
        })
    }

    /// A value owning all its text.
    #[must_use]
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Integer(n) => Value::Integer(n),
            Value::Float(f) => Value::Float(f),
            Value::Str(text) => Value::Str(text.into_owned()),
            Value::Timestamp(at) => Value::Timestamp(at),
            Value::List(items) => Value::List(items.into_iter().map(Value::into_owned).collect()),
            Value::Structure(members) => {
                Value::Structure(members.into_iter().map(Member::into_owned).collect())
            }
            Value::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            ),
        }
    }

    /// A value borrowing from this one, for handing out without cloning its text.
    #[must_use]
    pub fn reborrow(&self) -> Value<'_> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(*b),
            Value::Integer(n) => Value::Integer(*n),
            Value::Float(f) => Value::Float(*f),
            Value::Str(text) => Value::Str(text.reborrow()),
            Value::Timestamp(at) => Value::Timestamp(*at),
            Value::List(items) => Value::List(items.iter().map(Value::reborrow).collect()),
            Value::Structure(members) => Value::Structure(
                members
                    .iter()
                    .map(|m| Member {
                        name: Cow::Borrowed(&m.name),
                        value: m.value.reborrow(),
                        json_name: m.json_name.as_deref().map(Cow::Borrowed),
                        xml_name: m.xml_name.as_deref().map(Cow::Borrowed),
                        xml_item_name: m.xml_item_name.as_deref().map(Cow::Borrowed),
                        header: m.header.as_deref().map(Cow::Borrowed),
                        xml_attribute: m.xml_attribute,
                        flattened: m.flattened,
                    })
                    .collect(),
            ),
            Value::Map(entries) => Value::Map(
                entries
                    .iter()
                    .map(|(k, v)| (Cow::Borrowed(&**k), v.reborrow()))
                    .collect(),
            ),
        }
    }
}

/// Values are equal when they hold the same data: strings by their text, numbers by value
/// (an integer equals a float of the same value), structures member by member.
impl PartialEq for Value<'_> {
    fn eq(&self, other: &Value<'_>) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Integer(a), Value::Integer(b)) => a == b,
            (Value::Integer(_) | Value::Float(_), Value::Integer(_) | Value::Float(_)) => {
                self.as_f64() == other.as_f64()
            }
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::Timestamp(a), Value::Timestamp(b)) => a == b,
            (Value::List(a), Value::List(b)) => a == b,
            (Value::Structure(a), Value::Structure(b)) => a == b,
            (Value::Map(a), Value::Map(b)) => a == b,
            _ => false,
        }
    }
}

/// A string as its text, a scalar as [`Value::to_text`] writes it, null as nothing, a list,
/// structure or map as compact JSON.
impl core::fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Value::Str(text) => core::fmt::Display::fmt(text, f),
            Value::List(_) | Value::Structure(_) | Value::Map(_) => {
                let mut out = Vec::new();
                crate::wire::json::value(
                    &mut out,
                    self,
                    crate::wire::json::Values {
                        style: crate::wire::json::COMPACT,
                        json_names: false,
                        epoch_seconds: false,
                    },
                );
                f.write_str(&String::from_utf8_lossy(&out))
            }
            scalar => f.write_str(&scalar.to_text().unwrap_or_default()),
        }
    }
}

impl PartialEq<str> for Value<'_> {
    fn eq(&self, other: &str) -> bool {
        matches!(self, Value::Str(text) if text == other)
    }
}

impl PartialEq<&str> for Value<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}
