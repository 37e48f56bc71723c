//! Reads the edge's JSON, already parsed by the browser (`JSON.parse`, `Response.json`), into the
//! schema's types: a serde `Deserializer` over `JsValue`, in place of serde-wasm-bindgen's.
//!
//! Why our own: the widget only ever reads what the edge wrote and checked, and throws every error
//! away (it shows its fallback link instead). serde-wasm-bindgen formats each error message (its
//! `f64` and `Debug` formatting alone are 17 KB of wasm), reads JS `Map`s and iterables besides
//! arrays (a second copy of every list and map visitor), and caches field names in a hash map.
//! Here errors carry no message, a struct reads only an object and a list only an array, so each
//! type's visitor is instantiated once: measured, 16 KB brotli less (128.0 → 111.5 KB).
//!
//! What it accepts is serde-wasm-bindgen's reading of the same JSON: a struct's fields are looked
//! up by name (others are ignored; an `undefined` field is absent; see [`Fields`]), `null` is
//! `None`, enums are `"variant"` or `{"variant": payload}`, integers are safe JS integers.

use std::fmt;

use js_sys::{Array, Object, Reflect};
use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// `v` read as a `T`, or `Invalid` when it is not one.
pub fn from_value<T: DeserializeOwned>(v: JsValue) -> Result<T, Invalid> {
    T::deserialize(Js(v))
}

/// The value was not of the expected shape; why is of no use to a reader, so it is not kept.
#[derive(Debug)]
pub struct Invalid;

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid")
    }
}

impl std::error::Error for Invalid {}

impl de::Error for Invalid {
    /// The message is dropped unformatted, so no formatting code is linked for it.
    fn custom<T: fmt::Display>(_: T) -> Self {
        Invalid
    }
}

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

struct Js(JsValue);

impl Js {
    fn is_nullish(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    /// The value as an integer, when it is a number without a fraction in the safe range.
    fn integer(&self) -> Result<f64, Invalid> {
        match self.0.as_f64() {
            Some(n) if n.fract() == 0.0 && n.abs() <= MAX_SAFE => Ok(n),
            _ => Err(Invalid),
        }
    }

    fn array(self) -> Result<Seq, Invalid> {
        if Array::is_array(&self.0) {
            Ok(Seq {
                items: self.0.unchecked_into(),
                next: 0,
            })
        } else {
            Err(Invalid)
        }
    }

    fn object(&self) -> Result<&Object, Invalid> {
        if self.0.is_object() && !Array::is_array(&self.0) {
            Ok(self.0.unchecked_ref())
        } else {
            Err(Invalid)
        }
    }
}

macro_rules! unsigned {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
            let n = self.integer()?;
            if n < 0.0 {
                return Err(Invalid);
            }
            v.visit_u64(n as u64)
        }
    )*};
}

macro_rules! signed {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
            v.visit_i64(self.integer()? as i64)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Js {
    type Error = Invalid;

    /// For the schema's own visitors that take several shapes (`one_or_many`).
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        if self.is_nullish() {
            v.visit_unit()
        } else if let Some(b) = self.0.as_bool() {
            v.visit_bool(b)
        } else if let Some(s) = self.0.as_string() {
            v.visit_string(s)
        } else if self.0.as_f64().is_some() {
            match self.integer() {
                Ok(n) if n < 0.0 => v.visit_i64(n as i64),
                Ok(n) => v.visit_u64(n as u64),
                Err(_) => Err(Invalid),
            }
        } else if Array::is_array(&self.0) {
            v.visit_seq(self.array()?)
        } else {
            self.deserialize_map(v)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        v.visit_bool(self.0.as_bool().ok_or(Invalid)?)
    }

    unsigned! { deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 }
    signed! { deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 }

    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        self.deserialize_f64(v)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        v.visit_f64(self.0.as_f64().ok_or(Invalid)?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        self.deserialize_string(v)
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        self.deserialize_string(v)
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        v.visit_string(self.0.as_string().ok_or(Invalid)?)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Invalid> {
        Err(Invalid)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Invalid> {
        Err(Invalid)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        if self.is_nullish() {
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        if self.is_nullish() {
            v.visit_unit()
        } else {
            Err(Invalid)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Invalid> {
        self.deserialize_unit(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Invalid> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        v.visit_seq(self.array()?)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Invalid> {
        self.deserialize_seq(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        v: V,
    ) -> Result<V::Value, Invalid> {
        self.deserialize_seq(v)
    }

    /// Every own property of an object, in order.
    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        let entries = Object::entries(self.object()?);
        v.visit_map(Entries {
            entries,
            next: 0,
            value: JsValue::UNDEFINED,
        })
    }

    /// The struct's own fields, looked up by name and handed to the derive's `visit_seq` in the
    /// struct's order (see [`Fields`]).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Invalid> {
        let object = self.object()?.clone();
        v.visit_seq(Fields { object, fields })
    }

    /// `"variant"` or `{"variant": payload}`; the variant is handed to the derive as its position
    /// in `variants` (see [`Index`]).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Invalid> {
        let (tag, payload) = if self.0.is_string() {
            (self.0, JsValue::UNDEFINED)
        } else {
            let entries = Object::entries(self.object()?);
            if entries.length() != 1 {
                return Err(Invalid);
            }
            let pair: Array = entries.get(0).unchecked_into();
            (pair.get(0), pair.get(1))
        };
        v.visit_enum(Variant {
            index: position(&tag, variants)?,
            payload,
        })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        self.deserialize_string(v)
    }

    /// Anything at all, unread.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        v.visit_unit()
    }
}

/// The items of a JS array.
struct Seq {
    items: Array,
    next: u32,
}

impl<'de> de::SeqAccess<'de> for Seq {
    type Error = Invalid;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Invalid> {
        if self.next >= self.items.length() {
            return Ok(None);
        }
        let item = self.items.get(self.next);
        self.next += 1;
        seed.deserialize(Js(item)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.items.length() - self.next) as usize)
    }
}

/// An object's `[key, value]` pairs (`Object.entries`).
struct Entries {
    entries: Array,
    next: u32,
    value: JsValue,
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = Invalid;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Invalid> {
        if self.next >= self.entries.length() {
            return Ok(None);
        }
        let pair: Array = self.entries.get(self.next).unchecked_into();
        self.next += 1;
        self.value = pair.get(1);
        seed.deserialize(Js(pair.get(0))).map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Invalid> {
        seed.deserialize(Js(std::mem::take(&mut self.value)))
    }
}

/// A struct's fields, read from an object by name in the order of the struct's `FIELDS`, as the
/// sequence the derive's `visit_seq` reads. Why a sequence: the derive's `visit_map` matches each
/// key, refuses duplicates and reports each missing field by name, once per struct; `visit_seq`
/// only takes the next value, so every struct's visitor is about half the code (the map visitors
/// are then never called and not linked). A field that is `undefined` is the end of the sequence
/// for that one element (`None`): the derive then takes its `#[serde(default)]`, or refuses the
/// struct when the field is required, as `visit_map` would. Sound because `FIELDS` lists the
/// fields in the derive's order when no field is skipped or aliased (the schema's aliases are
/// behind `old-spellings`, which the widget's wasm never enables).
struct Fields {
    object: Object,
    fields: &'static [&'static str],
}

impl<'de> de::SeqAccess<'de> for Fields {
    type Error = Invalid;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Invalid> {
        let Some((&name, rest)) = self.fields.split_first() else {
            return Ok(None);
        };
        self.fields = rest;
        let value = Reflect::get(&self.object, &JsValue::from_str(name)).map_err(|_| Invalid)?;
        if value.is_undefined() {
            Ok(None)
        } else {
            seed.deserialize(Js(value)).map(Some)
        }
    }
}

/// An enum's variant (its position in the enum's `VARIANTS`) and its payload (`undefined` for a
/// unit variant).
struct Variant {
    index: u64,
    payload: JsValue,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = Invalid;
    type Variant = Js;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Js), Invalid> {
        Ok((seed.deserialize(Index(self.index))?, Js(self.payload)))
    }
}

/// Where the string `tag` is among `names`. Not generic, so it is linked once for every enum.
fn position(tag: &JsValue, names: &[&str]) -> Result<u64, Invalid> {
    let tag = tag.as_string().ok_or(Invalid)?;
    names
        .iter()
        .position(|name| *name == tag)
        .map(|i| i as u64)
        .ok_or(Invalid)
}

impl<'de> de::VariantAccess<'de> for Js {
    type Error = Invalid;

    fn unit_variant(self) -> Result<(), Invalid> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Invalid> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, Invalid> {
        de::Deserializer::deserialize_tuple(self, len, v)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Invalid> {
        de::Deserializer::deserialize_struct(self, "", fields, v)
    }
}

/// An enum's variant given to serde's variant visitor as its position in `VARIANTS` (the derive's
/// `visit_u64`), so no enum compares its variant names itself: one loop ([`position`]) serves
/// every enum, and each derived `visit_str` is never called and not linked. Sound because the
/// position in `VARIANTS` is the variant's number when no variant is skipped, aliased or
/// `#[serde(other)]`, which holds for every enum the widget reads.
struct Index(u64);

impl<'de> de::Deserializer<'de> for Index {
    type Error = Invalid;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Invalid> {
        v.visit_u64(self.0)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}
