//! A place in the draft, written the way `schema::validate` writes a problem's path
//! (`controller.emails[0]`), so a control's id and a problem's path are the same string.

use std::fmt;

/// One step: a property or an index in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path from the notice's root; empty is the whole notice.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// This path and then property `key`.
    pub fn key(&self, key: &str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Key(key.to_owned()));
        p
    }

    /// This path and then list index `i`.
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The first property name, which says which section of the notice the path is in.
    pub fn first_key(&self) -> Option<&str> {
        match self.0.first() {
            Some(Seg::Key(k)) => Some(k),
            _ => None,
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => f.write_str(k)?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Whether the problem path `path` is `at` itself or lies inside it (`a.b[0]` is inside `a.b`,
/// `a.bc` is not).
pub fn within(path: &str, at: &str) -> bool {
    if at == "." {
        return true;
    }
    match path.strip_prefix(at) {
        Some("") => true,
        Some(rest) => rest.starts_with('.') || rest.starts_with('['),
        None => false,
    }
}

/// The first property of a problem path: `purposes` of `purposes[0].name`.
pub fn first_key_of(path: &str) -> &str {
    if path == "." {
        return path;
    }
    let end = path.find(['.', '[']).unwrap_or(path.len());
    &path[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_the_schemas_problem_paths() {
        let p = Path::root().key("controller").key("emails").index(0);
        assert_eq!(p.to_string(), "controller.emails[0]");
        assert_eq!(
            Path::root().key("title").key("sv-FI").to_string(),
            "title.sv-FI"
        );
        assert_eq!(Path::root().to_string(), ".");
        assert_eq!(p.first_key(), Some("controller"));
    }

    #[test]
    fn within_respects_segment_boundaries() {
        assert!(within("a.b[0].c", "a.b"));
        assert!(within("a.b", "a.b"));
        assert!(!within("a.bc", "a.b"));
        assert!(within("anything", "."));
        assert_eq!(first_key_of("purposes[0].name"), "purposes");
        assert_eq!(first_key_of("title.fi"), "title");
        assert_eq!(first_key_of("."), ".");
    }
}
