//! Reading a list that format 1 files may also give as one value: `"safeguard": "…"` and
//! `"complaint_authority": {…}` were single values before a transfer could rest on several
//! safeguards and a notice could name several authorities. Old files keep their meaning; new files
//! are written as lists.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, StrDeserializer, StringDeserializer};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// `T`, or a list of `T`. A single string or object is a one-item list; structs are still read
/// from objects only (the map is handed on as it came, so `Strict` stays in force).
pub fn deserialize<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_any(OneOrMany(PhantomData))
}

struct OneOrMany<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for OneOrMany<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list (`[…]`) or a single value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element()? {
            out.push(item);
        }
        Ok(out)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Vec<T>, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(|t| vec![t])
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<T>, E> {
        T::deserialize(StrDeserializer::<E>::new(v)).map(|t| vec![t])
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Vec<T>, E> {
        T::deserialize(StringDeserializer::<E>::new(v)).map(|t| vec![t])
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Holder {
        #[serde(deserialize_with = "super::deserialize")]
        xs: Vec<String>,
    }

    #[test]
    fn one_value_is_a_one_item_list() {
        let one: Holder = serde_json::from_str(r#"{"xs":"a"}"#).unwrap();
        let many: Holder = serde_json::from_str(r#"{"xs":["a","b"]}"#).unwrap();
        assert_eq!(one.xs, ["a"]);
        assert_eq!(many.xs, ["a", "b"]);
        assert!(serde_json::from_str::<Holder>(r#"{"xs":1}"#).is_err());
    }
}
