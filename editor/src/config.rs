//! Where the editor runs, as the host page says it (data attributes of `#seloste-editor`).

/// Where drafts come from and go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// At the edge: the latest published version of `org/notice` from the JSON API, publishing
    /// with the organisation's key. Empty `org`/`notice`: the page that chooses or starts one.
    Edge { org: String, notice: String },
    /// `seloste edit FILE`: the file from `GET /file`, saved back with `PUT /file`.
    Local,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub mode: Mode,
    /// The editor's own interface language: `fi`, `sv` or `en`.
    pub lang: String,
}

impl Config {
    /// Reads `data-mode` (`edge` | `local`), `data-org`, `data-notice` and `data-lang`; anything
    /// missing or unknown falls back to the edge's chooser in English.
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> Config {
        let lang = match get("data-lang").as_deref() {
            Some(l @ ("fi" | "sv" | "en")) => l.to_owned(),
            _ => "en".to_owned(),
        };
        let mode = match get("data-mode").as_deref() {
            Some("local") => Mode::Local,
            _ => Mode::Edge {
                org: get("data-org").unwrap_or_default(),
                notice: get("data-notice").unwrap_or_default(),
            },
        };
        Config { mode, lang }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn reads_the_host_pages_attributes() {
        let c = Config::from_attributes(attrs(&[
            ("data-mode", "edge"),
            ("data-org", "acme"),
            ("data-notice", "customers"),
            ("data-lang", "sv"),
        ]));
        assert_eq!(
            c,
            Config {
                mode: Mode::Edge {
                    org: "acme".into(),
                    notice: "customers".into()
                },
                lang: "sv".into()
            }
        );
        let local = Config::from_attributes(attrs(&[("data-mode", "local"), ("data-lang", "xx")]));
        assert_eq!(local.mode, Mode::Local);
        assert_eq!(local.lang, "en");
    }
}
