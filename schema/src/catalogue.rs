//! The one shape of a word catalogue: an enum with one variant per fixed word or phrase, its
//! Finnish, Swedish and English text written beside it in one table.
//!
//! [`crate::messages`] (what readers see), [`crate::editor_words`] (the editor's own interface) and
//! [`crate::validate::said`] (what validation says) are catalogues of this shape, kept apart so
//! that the widget's wasm never links the editor's or validation's words; all come from this one
//! macro, so they cannot drift apart in how a word is chosen.

/// Declares the enum `$name`, `$name::ALL` and `translations`, `english`, `get` and `fill` from
/// one table, so that an entry cannot exist without all three languages nor be left out of `ALL`.
macro_rules! catalogue {
    (
        $(#[$enum_doc:meta])*
        $name:ident {
            $($(#[$doc:meta])* $variant:ident => [$fi:expr, $sv:expr, $en:expr $(,)?],)*
        }
    ) => {
        $(#[$enum_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$doc])* $variant,)*
        }

        impl $name {
            /// Every entry, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The Finnish, Swedish and English text.
            pub const fn translations(self) -> [&'static str; 3] {
                match self {
                    $($name::$variant => [$fi, $sv, $en],)*
                }
            }

            /// The English text alone: a build that only ever says English (the edge's validation
            /// messages) then links no other language's table.
            pub const fn english(self) -> &'static str {
                match self {
                    $($name::$variant => $en,)*
                }
            }

            /// The text in `lang` (Finnish, Swedish, else English).
            pub fn get(self, lang: &str) -> &'static str {
                let [fi, sv, en] = self.translations();
                match crate::date::primary_subtag(lang) {
                    "fi" => fi,
                    "sv" => sv,
                    _ => en,
                }
            }

            /// The text in `lang` with each `{name}` placeholder replaced by its value.
            pub fn fill(self, lang: &str, values: &[(&str, &str)]) -> String {
                values
                    .iter()
                    .fold(self.get(lang).to_owned(), |text, (name, value)| {
                        text.replace(&format!("{{{name}}}"), value)
                    })
            }
        }
    };
}

pub(crate) use catalogue;
