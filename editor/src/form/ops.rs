//! The edit operations, as pure functions over the draft's JSON: set a value at a path (which also
//! adds an optional property or switches a value's shape), remove one, insert into a list, move
//! within a list. The draft may be anything, valid notice or not: an operation that cannot apply
//! leaves it unchanged and says so, and nothing the author has not touched is rewritten.

use serde_json::{Map, Value};

use super::path::{Path, Seg};

/// One edit of the draft.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Sets the value at a path, creating the objects on the way (adds an optional property;
    /// switches a value's shape).
    Set(Path, Value),
    /// Removes a property or a list item.
    Remove(Path),
    /// Inserts an item into the list at a path (creating the list when absent) at an index.
    Insert(Path, usize, Value),
    /// Moves a list item from one index to another.
    Move(Path, usize, usize),
}

/// The value at `path`, if there is one.
pub fn get<'a>(root: &'a Value, path: &Path) -> Option<&'a Value> {
    path.0.iter().try_fold(root, |v, seg| match seg {
        Seg::Key(k) => v.get(k.as_str()),
        Seg::Index(i) => v.get(*i),
    })
}

/// Whether [`make`] can reach `path` without inventing a list item: every index on the way
/// exists (objects, unlike items, are created where missing).
fn reachable(root: &Value, path: &[Seg]) -> bool {
    let mut v = Some(root);
    for seg in path {
        v = match (seg, v) {
            (Seg::Key(k), Some(Value::Object(map))) => map.get(k),
            (Seg::Key(_), _) => None,
            (Seg::Index(i), Some(Value::Array(items))) => match items.get(*i) {
                Some(item) => Some(item),
                None => return false,
            },
            (Seg::Index(_), _) => return false,
        };
    }
    true
}

/// The value at `path`, created as an object where a property is missing or is not an
/// object (a `null` optional section being filled in). Changes nothing when it fails.
fn make<'a>(root: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    if !reachable(root, path) {
        return None;
    }
    let mut v = root;
    for seg in path {
        v = match seg {
            Seg::Key(k) => {
                if !v.is_object() {
                    *v = Value::Object(Map::new());
                }
                v.as_object_mut()?.entry(k.clone()).or_insert(Value::Null)
            }
            Seg::Index(i) => v.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(v)
}

/// Sets `path` to `new`. False when the path runs through a list item that does not exist.
pub fn set(root: &mut Value, path: &Path, new: Value) -> bool {
    match make(root, &path.0) {
        Some(slot) => {
            *slot = new;
            true
        }
        None => false,
    }
}

/// Adds the optional property `key` of the object at `object` with `value`, unless present.
pub fn add_property(root: &mut Value, object: &Path, key: &str, value: Value) -> bool {
    let at = object.key(key);
    match get(root, &at) {
        Some(v) if !v.is_null() => false,
        _ => set(root, &at, value),
    }
}

/// Removes the property or list item at `path`, returning it.
pub fn remove(root: &mut Value, path: &Path) -> Option<Value> {
    let (last, parent) = path.0.split_last()?;
    let container = get_mut(root, parent)?;
    match (last, container) {
        (Seg::Key(k), Value::Object(map)) => map.remove(k),
        (Seg::Index(i), Value::Array(items)) if *i < items.len() => Some(items.remove(*i)),
        _ => None,
    }
}

fn get_mut<'a>(root: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    path.iter().try_fold(root, |v, seg| match seg {
        Seg::Key(k) => v.get_mut(k.as_str()),
        Seg::Index(i) => v.get_mut(*i),
    })
}

/// Inserts `item` into the list at `list` at index `at` (at most its length), creating the list
/// when it is absent or `null`.
pub fn insert(root: &mut Value, list: &Path, at: usize, item: Value) -> bool {
    let Some(slot) = make(root, &list.0) else {
        return false;
    };
    if slot.is_null() {
        *slot = Value::Array(Vec::new());
    }
    match slot.as_array_mut() {
        Some(items) if at <= items.len() => {
            items.insert(at, item);
            true
        }
        _ => false,
    }
}

/// Moves the item at `from` of the list at `list` to index `to`.
pub fn move_item(root: &mut Value, list: &Path, from: usize, to: usize) -> bool {
    match get_mut(root, &list.0).and_then(Value::as_array_mut) {
        Some(items) if from < items.len() && to < items.len() => {
            let item = items.remove(from);
            items.insert(to, item);
            true
        }
        _ => false,
    }
}

/// Applies `op` to `root`; false (and `root` unchanged) when it does not apply.
pub fn apply(root: &mut Value, op: &Op) -> bool {
    match op {
        Op::Set(path, v) => set(root, path, v.clone()),
        Op::Remove(path) => remove(root, path).is_some(),
        Op::Insert(list, at, item) => insert(root, list, *at, item.clone()),
        Op::Move(list, from, to) => move_item(root, list, *from, *to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn p(keys: &[&str]) -> Path {
        let mut path = Path::root();
        for k in keys {
            path = match k.parse::<usize>() {
                Ok(i) => path.index(i),
                Err(_) => path.key(k),
            };
        }
        path
    }

    fn draft() -> Value {
        json!({
            "title": {"fi": "Seloste"},
            "organisation": {"name": "Acme Oy", "emails": ["a@x.fi", "b@x.fi", "c@x.fi"]},
            "contact": null
        })
    }

    #[test]
    fn set_then_get_reads_back_the_value() {
        let mut v = draft();
        assert!(set(&mut v, &p(&["title", "sv"]), json!("Beskrivning")));
        assert_eq!(get(&v, &p(&["title", "sv"])), Some(&json!("Beskrivning")));
        assert_eq!(get(&v, &p(&["title", "fi"])), Some(&json!("Seloste")));
        assert!(set(
            &mut v,
            &p(&["organisation", "emails", "1"]),
            json!("z@x.fi")
        ));
        assert_eq!(
            v["organisation"]["emails"],
            json!(["a@x.fi", "z@x.fi", "c@x.fi"])
        );
    }

    #[test]
    fn set_creates_the_objects_on_its_way_but_never_list_items() {
        let mut v = draft();
        assert!(set(&mut v, &p(&["contact", "name"]), json!("Maija")));
        assert_eq!(v["contact"], json!({"name": "Maija"}));
        assert!(set(&mut v, &p(&["rights", "notes"]), json!([])));
        assert_eq!(v["rights"], json!({"notes": []}));
        let before = v.clone();
        assert!(!set(
            &mut v,
            &p(&["organisation", "emails", "7"]),
            json!("x")
        ));
        assert!(!set(&mut v, &p(&["dpo", "emails", "0"]), json!("x")));
        assert_eq!(
            v, before,
            "a missing list item is not invented, nor its parents"
        );
    }

    #[test]
    fn add_property_adds_only_what_is_absent() {
        let mut v = draft();
        assert!(add_property(&mut v, &Path::root(), "contact", json!({})));
        assert_eq!(v["contact"], json!({}));
        assert!(!add_property(&mut v, &Path::root(), "title", json!({})));
        assert_eq!(v["title"], json!({"fi": "Seloste"}));
    }

    #[test]
    fn remove_takes_out_a_property_or_an_item() {
        let mut v = draft();
        assert_eq!(remove(&mut v, &p(&["contact"])), Some(Value::Null));
        assert!(v.get("contact").is_none());
        assert_eq!(
            remove(&mut v, &p(&["organisation", "emails", "0"])),
            Some(json!("a@x.fi"))
        );
        assert_eq!(v["organisation"]["emails"], json!(["b@x.fi", "c@x.fi"]));
        assert_eq!(remove(&mut v, &p(&["organisation", "emails", "5"])), None);
        assert_eq!(remove(&mut v, &p(&["nothing", "here"])), None);
    }

    #[test]
    fn insert_then_remove_restores_the_list() {
        let original = draft();
        let mut v = original.clone();
        let emails = p(&["organisation", "emails"]);
        assert!(insert(&mut v, &emails, 1, json!("new@x.fi")));
        assert_eq!(
            v["organisation"]["emails"],
            json!(["a@x.fi", "new@x.fi", "b@x.fi", "c@x.fi"])
        );
        assert_eq!(remove(&mut v, &emails.index(1)), Some(json!("new@x.fi")));
        assert_eq!(v, original);
        assert!(!insert(&mut v, &emails, 9, json!("x")), "past the end");
        assert!(insert(&mut v, &p(&["purposes"]), 0, json!({"name": {}})));
        assert_eq!(v["purposes"], json!([{"name": {}}]));
    }

    #[test]
    fn moves_reorder_and_a_move_back_restores() {
        let original = draft();
        let mut v = original.clone();
        let emails = p(&["organisation", "emails"]);
        assert!(move_item(&mut v, &emails, 0, 2));
        assert_eq!(
            v["organisation"]["emails"],
            json!(["b@x.fi", "c@x.fi", "a@x.fi"])
        );
        assert!(move_item(&mut v, &emails, 2, 0));
        assert_eq!(v, original);
        assert!(move_item(&mut v, &emails, 1, 0));
        assert_eq!(
            v["organisation"]["emails"],
            json!(["b@x.fi", "a@x.fi", "c@x.fi"])
        );
        assert!(!move_item(&mut v, &emails, 0, 3));
    }

    #[test]
    fn an_op_that_cannot_apply_leaves_the_draft_as_it_was() {
        let original = draft();
        let mut v = original.clone();
        for op in [
            Op::Remove(p(&["organisation", "phones", "0"])),
            Op::Move(p(&["title"]), 0, 1),
            Op::Insert(p(&["title", "fi"]), 0, json!("x")),
        ] {
            assert!(!apply(&mut v, &op), "{op:?}");
            assert_eq!(v, original, "{op:?}");
        }
        assert!(apply(&mut v, &Op::Set(p(&["id"]), json!("acme/x"))));
        assert_eq!(v["id"], "acme/x");
    }
}
