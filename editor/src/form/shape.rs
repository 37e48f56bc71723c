//! The notice's JSON Schema (`schema/notice.schema.json`), read once into the shapes the form
//! draws: objects, lists, multilingual texts, closed sets, dates, durations, countries, choices of
//! shape. The form is built from this, never field by field, so every element of the schema has a
//! control and a field added to the schema gets one without hand-work.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::{Map, Value};

/// The committed schema, generated from the Rust types (`schema/tests/json_schema.rs` keeps it so).
const SCHEMA: &str = include_str!("../../../schema/notice.schema.json");

/// What a value is, as the form edits it.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A `$defs` type, by name (resolved with [`Schema::resolve`]).
    Ref(String),
    Object(Object),
    /// A list of items of one shape.
    Array(Box<Node>),
    /// One text in every language of the notice (`{"fi": "…", "en": "…"}`).
    Text,
    Str(StrKind),
    Int {
        min: Option<i64>,
    },
    Bool,
    /// A closed set, `def` naming it for its labels (`LegalBasis`).
    Enum {
        def: String,
        values: Vec<String>,
    },
    /// A value that may take one of several shapes (a data item is a text or a name with
    /// `required`; a block is a paragraph, a list or links).
    Choice {
        def: String,
        variants: Vec<Node>,
    },
    /// A construct this reader does not know (kept as written, shown as JSON).
    Unknown,
}

/// Kinds of plain strings with a control of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrKind {
    Plain,
    /// `format: date`.
    Date,
    /// An ISO 8601 duration (`P6M`), as the schema's description says.
    Duration,
    /// An ISO 3166-1 alpha-2 code, with `EU` / `EEA` where the description allows them.
    Country {
        areas: bool,
    },
}

/// An object: its `$defs` name (`Notice` for the notice itself; labels are looked up by it) and
/// its properties, the required ones first in the schema's own order.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    pub def: String,
    pub props: Vec<Prop>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prop {
    pub name: String,
    pub node: Node,
    pub required: bool,
    /// An old spelling still read (`safeguard`): shown only where a draft has it.
    pub deprecated: bool,
}

impl Object {
    pub fn prop(&self, name: &str) -> Option<&Prop> {
        self.props.iter().find(|p| p.name == name)
    }
}

/// The whole schema: the notice and its `$defs`.
#[derive(Debug)]
pub struct Schema {
    pub root: Node,
    defs: BTreeMap<String, Node>,
}

/// The notice's schema, read on first use.
pub fn schema() -> &'static Schema {
    static ONCE: OnceLock<Schema> = OnceLock::new();
    ONCE.get_or_init(|| {
        let json: Value = serde_json::from_str(SCHEMA).expect("the committed schema is JSON");
        Schema::compile(&json)
    })
}

impl Schema {
    pub fn compile(json: &Value) -> Schema {
        let defs = json
            .get("$defs")
            .and_then(Value::as_object)
            .map(|defs| {
                defs.iter()
                    .map(|(name, def)| (name.clone(), compile(def, name)))
                    .collect()
            })
            .unwrap_or_default();
        Schema {
            root: compile(json, "Notice"),
            defs,
        }
    }

    /// `node`, or the type it names.
    pub fn resolve<'a>(&'a self, node: &'a Node) -> &'a Node {
        let mut n = node;
        // A `$ref` to a `$ref` is followed; a cycle of them stops at Unknown.
        for _ in 0..8 {
            match n {
                Node::Ref(name) => n = self.defs.get(name).unwrap_or(&Node::Unknown),
                other => return other,
            }
        }
        &Node::Unknown
    }

    /// Every node of the schema, for checks that the form knows each one.
    pub fn nodes(&self) -> Vec<&Node> {
        fn walk<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
            out.push(n);
            match n {
                Node::Object(o) => o.props.iter().for_each(|p| walk(&p.node, out)),
                Node::Array(item) => walk(item, out),
                Node::Choice { variants, .. } => variants.iter().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(&self.root, &mut out);
        self.defs.values().for_each(|d| walk(d, &mut out));
        out
    }

    /// Whether `value` has the shape of `node` (which variant of a choice a value is).
    pub fn fits(&self, node: &Node, value: &Value) -> bool {
        match (self.resolve(node), value) {
            (Node::Object(o), Value::Object(map)) => {
                o.props
                    .iter()
                    .filter(|p| p.required)
                    .all(|p| map.contains_key(&p.name))
                    && map.keys().all(|k| o.prop(k).is_some())
            }
            (Node::Text, Value::Object(map)) => map.values().all(Value::is_string),
            (Node::Array(_), Value::Array(_)) => true,
            (Node::Str(_), Value::String(_)) => true,
            (Node::Int { .. }, Value::Number(_)) => true,
            (Node::Bool, Value::Bool(_)) => true,
            (Node::Enum { values, .. }, Value::String(s)) => values.contains(s),
            (Node::Choice { variants, .. }, v) => variants.iter().any(|n| self.fits(n, v)),
            (Node::Unknown, _) => true,
            _ => false,
        }
    }

    /// The index of the variant `value` is; else the one sharing most of its properties.
    pub fn variant_of(&self, variants: &[Node], value: Option<&Value>) -> usize {
        let Some(value) = value else { return 0 };
        if let Some(i) = variants.iter().position(|n| self.fits(n, value)) {
            return i;
        }
        let shared = |n: &Node| match (self.resolve(n), value) {
            (Node::Object(o), Value::Object(map)) => {
                map.keys().filter(|k| o.prop(k).is_some()).count()
            }
            _ => 0,
        };
        (0..variants.len())
            .max_by_key(|i| (shared(&variants[*i]), usize::MAX - i))
            .unwrap_or(0)
    }

    /// A new value of `node`: what an added item or property starts as. Objects get their
    /// required properties only, so a new value is as small as the schema allows.
    pub fn default_value(&self, node: &Node) -> Value {
        match self.resolve(node) {
            Node::Object(o) => Value::Object(
                o.props
                    .iter()
                    .filter(|p| p.required)
                    .map(|p| (p.name.clone(), self.default_value(&p.node)))
                    .collect(),
            ),
            Node::Array(_) => Value::Array(Vec::new()),
            Node::Text => Value::Object(Map::new()),
            Node::Str(_) | Node::Unknown => Value::String(String::new()),
            Node::Int { min } => Value::from(min.unwrap_or(0)),
            Node::Bool => Value::Bool(false),
            Node::Enum { values, .. } => Value::String(values.first().cloned().unwrap_or_default()),
            Node::Choice { variants, .. } => variants
                .first()
                .map(|v| self.default_value(v))
                .unwrap_or(Value::Null),
            Node::Ref(_) => Value::Null,
        }
    }

    /// `value` switched to the shape `to`, carrying over what fits: a text becomes the name of
    /// a `{name, required}` item and back; a paragraph's text becomes a list's first item.
    pub fn convert(&self, value: &Value, to: &Node) -> Value {
        if self.fits(to, value) {
            return value.clone();
        }
        let mut new = self.default_value(to);
        match (self.resolve(to), value) {
            (Node::Object(o), _) => {
                let slot = new
                    .as_object_mut()
                    .expect("an object's default is an object");
                // The whole old value into the first property it fits…
                if let Some(p) = o.props.iter().find(|p| self.fits(&p.node, value)) {
                    slot.insert(p.name.clone(), value.clone());
                    return new;
                }
                // …or the old value's parts into the properties they fit, one level down into
                // lists (a paragraph's text into a list of texts).
                for part in parts(value) {
                    for p in &o.props {
                        if slot
                            .get(&p.name)
                            .is_some_and(|v| self.fits(&p.node, v) && !is_empty(v))
                        {
                            continue;
                        }
                        if self.fits(&p.node, part) {
                            slot.insert(p.name.clone(), part.clone());
                            break;
                        }
                        if let Node::Array(item) = self.resolve(&p.node) {
                            if self.fits(item, part) {
                                slot.insert(p.name.clone(), Value::Array(vec![part.clone()]));
                                break;
                            }
                        }
                    }
                }
                new
            }
            (_, _) => parts(value)
                .into_iter()
                .find(|part| self.fits(to, part))
                .cloned()
                .unwrap_or(new),
        }
    }
}

/// The values inside an object, and the items of the lists among them.
fn parts(value: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    if let Value::Object(map) = value {
        for v in map.values() {
            out.push(v);
            if let Value::Array(items) = v {
                out.extend(items.iter());
            }
        }
    }
    out
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::String(s) => s.is_empty(),
        Value::Null => true,
        _ => false,
    }
}

/// Reads one schema node; `def` is the `$defs` type it belongs to.
fn compile(node: &Value, def: &str) -> Node {
    if let Some(r) = node.get("$ref").and_then(Value::as_str) {
        return match r.strip_prefix("#/$defs/") {
            Some(name) => Node::Ref(name.to_owned()),
            None => Node::Unknown,
        };
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(variants) = node.get(key).and_then(Value::as_array) {
            let shapes: Vec<&Value> = variants.iter().filter(|v| !is_null_type(v)).collect();
            return match shapes.as_slice() {
                // `X or null`: an optional X.
                [one] => compile_with(one, node, def),
                _ => Node::Choice {
                    def: def.to_owned(),
                    variants: shapes.iter().map(|v| compile(v, def)).collect(),
                },
            };
        }
    }
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        return Node::Enum {
            def: def.to_owned(),
            values: values
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
        };
    }
    match type_of(node) {
        Some("object") => match node.get("properties").and_then(Value::as_object) {
            Some(props) => Node::Object(object(node, props, def)),
            None if node
                .get("additionalProperties")
                .and_then(type_of)
                .is_some_and(|t| t == "string") =>
            {
                Node::Text
            }
            None => Node::Unknown,
        },
        Some("array") => Node::Array(Box::new(
            node.get("items")
                .map(|i| compile(i, def))
                .unwrap_or(Node::Unknown),
        )),
        Some("string") => Node::Str(string_kind(node)),
        Some("integer") => Node::Int {
            min: node.get("minimum").and_then(Value::as_i64),
        },
        Some("boolean") => Node::Bool,
        _ => Node::Unknown,
    }
}

/// A variant compiled with the description of the property around it (where the hints are).
fn compile_with(variant: &Value, outer: &Value, def: &str) -> Node {
    match compile(variant, def) {
        Node::Str(StrKind::Plain) => Node::Str(string_kind(outer)),
        other => other,
    }
}

fn is_null_type(v: &Value) -> bool {
    v.get("type").and_then(Value::as_str) == Some("null")
}

/// The node's type, leaving out `null` (`["string", "null"]` is an optional string).
fn type_of(node: &Value) -> Option<&str> {
    match node.get("type")? {
        Value::String(t) => Some(t),
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null"),
        _ => None,
    }
}

/// Dates by their format; durations and country codes by what the schema's description says of
/// them (the Rust types document them so, and a test pins each one to its control).
fn string_kind(node: &Value) -> StrKind {
    let format = node.get("format").and_then(Value::as_str).unwrap_or("");
    let about = node
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or("");
    if format == "date" {
        StrKind::Date
    } else if format == "duration" || about.contains("ISO 8601 duration") {
        StrKind::Duration
    } else if about.contains("ISO 3166-1 alpha-2") {
        StrKind::Country {
            areas: about.contains("EEA"),
        }
    } else {
        StrKind::Plain
    }
}

fn object(node: &Value, props: &Map<String, Value>, def: &str) -> Object {
    let required: Vec<&str> = node
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let prop = |name: &str, schema: &Value| Prop {
        name: name.to_owned(),
        node: compile(schema, def),
        required: required.contains(&name),
        deprecated: schema.get("deprecated").and_then(Value::as_bool) == Some(true),
    };
    let mut out: Vec<Prop> = required
        .iter()
        .filter_map(|name| props.get(*name).map(|s| prop(name, s)))
        .collect();
    out.extend(
        props
            .iter()
            .filter(|(name, _)| !required.contains(&name.as_str()))
            .map(|(name, s)| prop(name, s)),
    );
    Object {
        def: def.to_owned(),
        props: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn root() -> &'static Object {
        match &schema().root {
            Node::Object(o) => o,
            other => panic!("the notice is an object, not {other:?}"),
        }
    }

    fn def(name: &str) -> &'static Node {
        schema().resolve(Box::leak(Box::new(Node::Ref(name.to_owned()))))
    }

    #[test]
    fn every_node_of_the_schema_is_one_the_form_knows() {
        let unknown: Vec<_> = schema()
            .nodes()
            .into_iter()
            .filter(|n| matches!(n, Node::Unknown))
            .collect();
        assert!(unknown.is_empty(), "{unknown:?}");
        assert!(schema().nodes().len() > 200);
    }

    #[test]
    fn the_notice_reads_as_objects_texts_lists_and_closed_sets() {
        let r = root();
        assert_eq!(r.def, "Notice");
        assert_eq!(r.prop("title").unwrap().node, Node::Ref("Text".into()));
        assert_eq!(*def("Text"), Node::Text);
        assert!(r.prop("title").unwrap().required);
        assert!(!r.prop("contact").unwrap().required);
        assert!(r.prop("complaint_authority").unwrap().deprecated);
        assert!(matches!(def("LegalBasis"), Node::Enum { values, .. } if values.len() == 6));
        assert_eq!(*def("Date"), Node::Str(StrKind::Date));
        let Node::Object(rule) = def("RetentionRule") else {
            panic!()
        };
        assert_eq!(
            rule.prop("max_duration").unwrap().node,
            Node::Str(StrKind::Duration)
        );
        assert_eq!(rule.props[0].name, "period", "required first");
        let Node::Object(t) = def("Transfer") else {
            panic!()
        };
        assert_eq!(
            t.prop("country").unwrap().node,
            Node::Str(StrKind::Country { areas: false })
        );
        let Node::Object(rec) = def("Recipient") else {
            panic!()
        };
        assert_eq!(
            rec.prop("location").unwrap().node,
            Node::Str(StrKind::Country { areas: true })
        );
        let Node::Object(addr) = def("Address") else {
            panic!()
        };
        assert_eq!(
            addr.prop("country").unwrap().node,
            Node::Str(StrKind::Plain)
        );
        let names: Vec<&str> = addr.props.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(&names[..3], ["street", "postal_code", "city"]);
        assert!(matches!(def("Block"), Node::Choice { variants, .. } if variants.len() == 3));
        assert!(matches!(def("DataItem"), Node::Choice { variants, .. } if variants.len() == 2));
    }

    #[test]
    fn a_value_is_told_by_its_shape() {
        let s = schema();
        let Node::Choice { variants, .. } = def("DataItem") else {
            panic!()
        };
        assert_eq!(s.variant_of(variants, Some(&json!({"fi": "Nimi"}))), 0);
        assert_eq!(
            s.variant_of(
                variants,
                Some(&json!({"name": {"fi": "Nimi"}, "required": true}))
            ),
            1
        );
        let Node::Choice { variants, .. } = def("Block") else {
            panic!()
        };
        assert_eq!(s.variant_of(variants, Some(&json!({"links": []}))), 2);
        assert_eq!(
            s.variant_of(variants, Some(&json!({"list": [], "x": 1}))),
            1
        );
    }

    #[test]
    fn switching_shape_carries_the_text_over_and_back() {
        let s = schema();
        let Node::Choice { variants, .. } = def("DataItem") else {
            panic!()
        };
        let text = json!({"fi": "Nimi", "en": "Name"});
        let named = s.convert(&text, &variants[1]);
        assert_eq!(named, json!({"name": {"fi": "Nimi", "en": "Name"}}));
        assert_eq!(s.convert(&named, &variants[0]), text);
        let Node::Choice { variants, .. } = def("Block") else {
            panic!()
        };
        let para = json!({"paragraph": {"fi": "Teksti"}});
        let list = s.convert(&para, &variants[1]);
        assert_eq!(list, json!({"list": [{"fi": "Teksti"}]}));
        assert_eq!(s.convert(&list, &variants[0]), para);
        assert_eq!(
            s.convert(&para, &variants[0]),
            para,
            "same shape: unchanged"
        );
    }

    #[test]
    fn new_values_hold_just_what_is_required() {
        let s = schema();
        assert_eq!(
            s.default_value(&Node::Ref("Purpose".into())),
            json!({"name": {}})
        );
        assert_eq!(
            s.default_value(&Node::Ref("Recipient".into())),
            json!({"name": {}, "role": "processor"})
        );
        assert_eq!(
            s.default_value(&Node::Ref("Block".into())),
            json!({"paragraph": {}})
        );
    }
}
