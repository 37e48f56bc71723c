//! How a [`DataItem`] is written in a file: as plain [`Text`] when the notice does not say whether
//! it is required (every format 1 file), else as `{"name": Text, "required": bool}`. Hand-written
//! so that both shapes are read from objects only (an untagged enum would buffer the value and
//! lose `Strict`), and a plain item is written back exactly as it was read.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::sections::DataItem;
use crate::text::Text;

impl Serialize for DataItem {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.required {
            None => self.name.serialize(s),
            Some(required) => {
                let mut st = s.serialize_struct("DataItem", 2)?;
                st.serialize_field("name", &self.name)?;
                st.serialize_field("required", &required)?;
                st.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for DataItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ItemVisitor)
    }
}

struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = DataItem;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "translations such as {\"fi\": \"…\"}, or {\"name\": {\"fi\": \"…\"}, \"required\": true}",
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DataItem, A::Error> {
        let mut translations = BTreeMap::new();
        let mut name: Option<Text> = None;
        let mut required: Option<bool> = None;
        while let Some(key) = map.next_key::<String>()? {
            let structured = name.is_some() || required.is_some();
            match key.as_str() {
                "name" | "required" if !translations.is_empty() => {
                    return Err(de::Error::custom(format!(
                        "`{key}` among translations: write either {{\"fi\": \"…\"}} or {{\"name\": {{\"fi\": \"…\"}}, \"required\": true}}"
                    )));
                }
                "name" if name.is_some() => return Err(de::Error::duplicate_field("name")),
                "required" if required.is_some() => {
                    return Err(de::Error::duplicate_field("required"))
                }
                "name" => name = Some(map.next_value()?),
                "required" => required = Some(map.next_value()?),
                _ if structured => {
                    return Err(de::Error::unknown_field(&key, &["name", "required"]))
                }
                _ => {
                    let text: String = map.next_value()?;
                    if translations.contains_key(&key) {
                        return Err(de::Error::custom(format!(
                            "the `{key}` translation is given twice"
                        )));
                    }
                    translations.insert(key, text);
                }
            }
        }
        match name {
            Some(name) => Ok(DataItem { name, required }),
            None if required.is_some() => Err(de::Error::missing_field("name")),
            None => Ok(DataItem {
                name: Text(translations),
                required: None,
            }),
        }
    }
}

#[cfg(feature = "json-schema")]
impl schemars::JsonSchema for DataItem {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DataItem".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "One piece of personal data: its name as translations, or, where the notice says whether it must be given, the name and `required` (true: required, false: voluntary).",
            "oneOf": [
                g.subschema_for::<Text>(),
                {
                    "type": "object",
                    "properties": {
                        "name": g.subschema_for::<Text>(),
                        "required": {
                            "type": "boolean",
                            "description": "true: the data subject must give it; false: giving it is voluntary."
                        }
                    },
                    "required": ["name"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_structured_items_read_and_write_back_as_they_were() {
        for json in [
            r#"{"fi":"nimi","sv":"namn"}"#,
            r#"{"name":{"fi":"nimi"},"required":true}"#,
            r#"{"name":{"fi":"puhelin"},"required":false}"#,
        ] {
            let item: DataItem = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&item).unwrap(), json);
        }
        let plain: DataItem = serde_json::from_str(r#"{"fi":"nimi"}"#).unwrap();
        assert_eq!(plain.required, None);
    }

    #[test]
    fn mixed_or_broken_items_are_errors() {
        for json in [
            r#"{"fi":"nimi","required":true}"#,
            r#"{"name":{"fi":"nimi"},"fi":"nimi"}"#,
            r#"{"required":true}"#,
            r#"{"fi":"a","fi":"b"}"#,
            r#"{"name":{"fi":"a"},"required":"yes"}"#,
            r#"["nimi"]"#,
        ] {
            assert!(serde_json::from_str::<DataItem>(json).is_err(), "{json}");
        }
    }
}
