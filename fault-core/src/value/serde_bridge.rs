//! `serde` both ways, behind the `serde` feature: any `Serialize` type as a member's value, and
//! a member read back into any `Deserialize` type.
//!
//! Shapes follow serde_json's: a struct is a structure of its (serde-renamed) fields, a map a
//! map with its keys as strings, a sequence or tuple a list, `None` and `()` null, an enum
//! externally tagged (a unit variant is its name).

use super::{Member, Value};
use crate::Text;
use core::fmt;
use serde_core::de::{self, DeserializeOwned, IntoDeserializer as _, Visitor};
use serde_core::ser::{self, Serialize};
use std::borrow::Cow;

/// `value` as a [`Value`]; a value serde cannot write (a map with a non-scalar key) is null.
pub(crate) fn to_value_via_serde<T: Serialize + ?Sized>(value: &T) -> Value<'static> {
    value.serialize(ValueSerializer).unwrap_or(Value::Null)
}

/// `value` read as a `T`, if it fits.
pub(crate) fn from_value_via_serde<T: DeserializeOwned>(value: &Value<'_>) -> Option<T> {
    T::deserialize(ValueDeserializer(value)).ok()
}

/// What went wrong either way; only ever swallowed into `None` or null.
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

struct ValueSerializer;

fn string(text: impl Into<String>) -> Value<'static> {
    Value::Str(Text::from(text.into()))
}

impl ser::Serializer for ValueSerializer {
    type Ok = Value<'static>;
    type Error = Error;
    type SerializeSeq = SeqBuilder;
    type SerializeTuple = SeqBuilder;
    type SerializeTupleStruct = SeqBuilder;
    type SerializeTupleVariant = VariantBuilder<SeqBuilder>;
    type SerializeMap = MapBuilder;
    type SerializeStruct = StructBuilder;
    type SerializeStructVariant = VariantBuilder<StructBuilder>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, Error> {
        Ok(Value::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok, Error> {
        Ok(Value::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok, Error> {
        Ok(Value::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok, Error> {
        Ok(Value::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, Error> {
        Ok(Value::from(v))
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok, Error> {
        #[allow(clippy::cast_precision_loss)]
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Integer))
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok, Error> {
        Ok(Value::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok, Error> {
        Ok(Value::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok, Error> {
        Ok(Value::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, Error> {
        Ok(Value::from(v))
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok, Error> {
        #[allow(clippy::cast_precision_loss)]
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Integer))
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, Error> {
        Ok(Value::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, Error> {
        Ok(Value::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, Error> {
        Ok(string(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok, Error> {
        Ok(string(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, Error> {
        Ok(Value::List(v.iter().map(|b| Value::from(*b)).collect()))
    }
    fn serialize_none(self) -> Result<Self::Ok, Error> {
        Ok(Value::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, Error> {
        Ok(Value::Null)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, Error> {
        Ok(Value::Null)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Error> {
        Ok(string(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Error> {
        Ok(Value::Structure(vec![Member::new(
            variant,
            value.serialize(self)?,
        )]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder, Error> {
        Ok(SeqBuilder(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<SeqBuilder, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Ok(VariantBuilder {
            variant,
            inner: SeqBuilder(Vec::with_capacity(len)),
        })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder, Error> {
        Ok(MapBuilder {
            entries: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<StructBuilder, Error> {
        Ok(StructBuilder(Vec::with_capacity(len)))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Ok(VariantBuilder {
            variant,
            inner: StructBuilder(Vec::with_capacity(len)),
        })
    }
}

pub(crate) struct SeqBuilder(Vec<Value<'static>>);

impl ser::SerializeSeq for SeqBuilder {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.0.push(value.serialize(ValueSerializer)?);
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, Error> {
        Ok(Value::List(self.0))
    }
}

impl ser::SerializeTuple for SeqBuilder {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for SeqBuilder {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        ser::SerializeSeq::end(self)
    }
}

pub(crate) struct StructBuilder(Vec<Member<'static>>);

impl ser::SerializeStruct for StructBuilder {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.0
            .push(Member::new(key, value.serialize(ValueSerializer)?));
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, Error> {
        Ok(Value::Structure(self.0))
    }
}

pub(crate) struct MapBuilder {
    entries: Vec<(Cow<'static, str>, Value<'static>)>,
    key: Option<Cow<'static, str>>,
}

impl ser::SerializeMap for MapBuilder {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let key = match key.serialize(ValueSerializer)? {
            Value::Str(text) => text.to_string(),
            scalar => scalar
                .to_text()
                .map(Cow::into_owned)
                .ok_or_else(|| Error("a map key must be a string or a number".into()))?,
        };
        self.key = Some(Cow::Owned(key));
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error("a map value without a key".into()))?;
        self.entries.push((key, value.serialize(ValueSerializer)?));
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, Error> {
        Ok(Value::Map(self.entries))
    }
}

/// A variant's content, wrapped in a structure named for the variant when done.
pub(crate) struct VariantBuilder<T> {
    variant: &'static str,
    inner: T,
}

impl ser::SerializeTupleVariant for VariantBuilder<SeqBuilder> {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(&mut self.inner, value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        let inner = ser::SerializeSeq::end(self.inner)?;
        Ok(Value::Structure(vec![Member::new(self.variant, inner)]))
    }
}

impl ser::SerializeStructVariant for VariantBuilder<StructBuilder> {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(&mut self.inner, key, value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        let inner = ser::SerializeStruct::end(self.inner)?;
        Ok(Value::Structure(vec![Member::new(self.variant, inner)]))
    }
}

/// Reads a [`Value`] as serde's data model.
struct ValueDeserializer<'v>(&'v Value<'v>);

impl<'de> de::Deserializer<'de> for ValueDeserializer<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Integer(n) => visitor.visit_i64(*n),
            Value::Float(f) => visitor.visit_f64(*f),
            Value::Str(text) => visitor.visit_str(&text.to_cow()),
            Value::Timestamp(at) => visitor.visit_string(crate::wire::dates::iso8601(*at)),
            Value::List(items) => visitor.visit_seq(Seq(items.iter())),
            Value::Structure(members) => visitor.visit_map(Map {
                entries: members
                    .iter()
                    .map(|m| (Cow::Borrowed(m.name()), &m.value))
                    .collect(),
                index: 0,
            }),
            Value::Map(entries) => visitor.visit_map(Map {
                entries: entries
                    .iter()
                    .map(|(k, v)| (Cow::Borrowed(&**k), v))
                    .collect(),
                index: 0,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Str(text) => visitor.visit_enum(text.to_string().into_deserializer()),
            Value::Structure(members) => match members.as_slice() {
                [only] => visitor.visit_enum(Enum(only)),
                _ => Err(de::Error::custom("an enum is a structure of one member")),
            },
            _ => Err(de::Error::custom("expected an enum")),
        }
    }

    serde_core::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct Seq<'v>(std::slice::Iter<'v, Value<'v>>);

impl<'de> de::SeqAccess<'de> for Seq<'_> {
    type Error = Error;
    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0
            .next()
            .map(|item| seed.deserialize(ValueDeserializer(item)))
            .transpose()
    }
}

struct Map<'v> {
    entries: Vec<(Cow<'v, str>, &'v Value<'v>)>,
    index: usize,
}

impl<'de> de::MapAccess<'de> for Map<'_> {
    type Error = Error;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, _)) = self.entries.get(self.index) else {
            return Ok(None);
        };
        seed.deserialize(key.to_string().into_deserializer())
            .map(Some)
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (_, value) = self
            .entries
            .get(self.index)
            .ok_or_else(|| de::Error::custom("a value without a key"))?;
        self.index += 1;
        seed.deserialize(ValueDeserializer(value))
    }
}

struct Enum<'v>(&'v Member<'v>);

impl<'de, 'v> de::EnumAccess<'de> for Enum<'v> {
    type Error = Error;
    type Variant = ValueDeserializer<'v>;
    fn variant_seed<V: de::DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Error> {
        let variant = seed.deserialize(self.0.name().to_owned().into_deserializer())?;
        Ok((variant, ValueDeserializer(&self.0.value)))
    }
}

impl<'de> de::VariantAccess<'de> for ValueDeserializer<'_> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }
    fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn structures_lists_and_maps_both_ways() {
        let mut map = BTreeMap::new();
        map.insert("a".to_owned(), vec![1_u32, 2]);
        let value = to_value_via_serde(&map);
        assert_eq!(value.get("a").unwrap().as_list().unwrap().len(), 2);
        let back: BTreeMap<String, Vec<u32>> = from_value_via_serde(&value).unwrap();
        assert_eq!(back, map);
        let pair = to_value_via_serde(&(Some("x"), None::<u8>, true, 1.5));
        assert_eq!(
            pair,
            Value::list([
                Value::from("x"),
                Value::Null,
                Value::Bool(true),
                Value::Float(1.5)
            ])
        );
        let back: (Option<String>, Option<u8>, bool, f64) = from_value_via_serde(&pair).unwrap();
        assert_eq!(back, (Some("x".to_owned()), None, true, 1.5));
    }
}
