//! Cutting the pieces into sections at their headings. A heading is what the format marks as one
//! (`#`, `<h2>`, a Word heading style), a numbered short line ("4. Mistä saamme tietoja?"), or a
//! short line standing alone that reads as a customary heading ("Rekisterin pitäjä"). What comes
//! before the first heading is the preamble: the title, the date of update, an introduction.

use crate::headings::{recognise, strip_number, SectionKey};
use crate::source::Piece;

/// A paragraph (its lines, as the source broke them) or a list (its items).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Para {
    Lines(Vec<String>),
    List(Vec<String>),
}

impl Para {
    /// The paragraph as one line of prose, or the list's items joined.
    pub fn text(&self) -> String {
        match self {
            Para::Lines(l) | Para::List(l) => l.join(" "),
        }
    }
}

/// One section of the source under its own heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// What the heading says the section is about; `None` for a heading of the notice's own.
    pub key: Option<SectionKey>,
    /// The second subject of a combined heading.
    pub also: Option<SectionKey>,
    /// The source's own number, e.g. `4` or `4.0`.
    pub number: Option<String>,
    /// The heading as written (without its number).
    pub heading: String,
    pub paras: Vec<Para>,
}

/// The source cut into sections.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segmented {
    pub title: Option<String>,
    /// The preamble's paragraphs after the title.
    pub preamble: Vec<Para>,
    /// Page furniture before the title (skip links, a lone site name): reported, not imported.
    pub left_out: Vec<String>,
    pub sections: Vec<Section>,
}

/// Skip links and similar page furniture that saved web pages carry.
const FURNITURE: &[&str] = &[
    "siirry sisältöön",
    "siirry pääsisältöön",
    "hyppää sisältöön",
    "hoppa till innehållet",
    "hoppa till huvudinnehållet",
    "gå till innehållet",
    "skip to content",
    "skip to main content",
    "jump to content",
];

/// A line that names the notice: a word only titles use ("seloste", "beskrivning", "privacy
/// notice"), or a title word in a line that is no customary heading ("Asiakasrekisteri" is a
/// title, "Rekisterinpitäjä" a heading).
fn is_title_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    names_the_notice(text)
        || (TITLE_WORDS.iter().any(|w| lower.contains(w)) && recognise(text).is_none())
}

/// A word only a notice's title uses ("Dataskyddsbeskrivning", "Tietosuojaseloste", "Privacy
/// notice"), even where it holds a heading's word ("skydd").
fn names_the_notice(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "seloste",
        "selost",
        "beskrivning",
        "privacy",
        "integritet",
        "notice",
        "policy",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// "Erik Strand, dataskyddsombud": a person's name and title, no heading though it holds a
/// heading's word.
fn is_name_and_title(text: &str) -> bool {
    let Some((name, rest)) = text.split_once(", ") else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && rest.chars().next().is_some_and(char::is_lowercase)
}

/// Words that make a line the notice's title.
const TITLE_WORDS: &[&str] = &[
    "seloste",
    "tietosuoja",
    "rekisteri",
    "dataskydd",
    "integritet",
    "registerbeskrivning",
    "privacy",
    "notice",
    "policy",
];

pub fn segment(pieces: &[Piece], _lang: &str) -> Segmented {
    let mut out = Segmented::default();
    let mut current: Option<Section> = None;
    let mut paras: Vec<Para> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let mut current_level = 0u8;
    let mut title_line_seen = false;

    let end_para = |paras: &mut Vec<Para>, lines: &mut Vec<String>, items: &mut Vec<String>| {
        if !lines.is_empty() {
            paras.push(Para::Lines(std::mem::take(lines)));
        }
        if !items.is_empty() {
            // A "loose" list (blank lines between its items) is still one list.
            match paras.last_mut() {
                Some(Para::List(prev)) => prev.append(items),
                _ => paras.push(Para::List(std::mem::take(items))),
            }
        }
    };

    for (i, piece) in pieces.iter().enumerate() {
        let inline = match piece {
            Piece::Line(t) => inline_heading(t),
            _ => None,
        };
        let starts_para = i == 0 || matches!(pieces[i - 1], Piece::Break | Piece::Heading { .. });
        let ends_para = matches!(
            pieces.get(i + 1),
            None | Some(Piece::Break) | Some(Piece::Heading { .. })
        );
        let heading = match piece {
            Piece::Heading { text, level } => {
                let (number, rest) = strip_number(text);
                let number = number.filter(|n| is_section_number(n));
                let rest = if number.is_some() {
                    rest
                } else {
                    text.as_str()
                };
                let m = recognise(rest);
                let sub_heading = m.is_none()
                    && *level <= 6
                    && current.as_ref().is_some_and(|c| c.key.is_some())
                    && *level > current_level;
                if sub_heading {
                    None
                } else {
                    current_level = *level;
                    Some((number, rest.to_owned(), m))
                }
            }
            // The notice's title line ("Registerbeskrivning och dataskyddsbeskrivning") before
            // any section is the title, whatever heading words it holds.
            Piece::Line(text)
                if current.is_none()
                    && !title_line_seen
                    && out.title.is_none()
                    && strip_number(text).0.is_none()
                    && is_title_line(text) =>
            {
                title_line_seen = true;
                None
            }
            Piece::Line(_) if inline.is_some() => inline
                .as_ref()
                .map(|(heading, m, _)| (None, heading.clone(), Some(*m))),
            Piece::Line(text) if starts_para => {
                // "4. Personal data" right after section 3, its text on the next line: the next
                // section, though its words are no customary heading's.
                let next = current
                    .as_ref()
                    .and_then(|c| c.number.as_deref())
                    .and_then(|n| n.parse::<u32>().ok())
                    .map(|n| (n + 1).to_string());
                let in_sequence =
                    next.is_some_and(|n| strip_number(text).0.as_deref() == Some(n.as_str()));
                line_heading(text, ends_para || in_sequence)
            }
            // "A. Manuaalinen aineisto": a lettered part of the section it is in.
            .filter(|h| {
                !(current.is_some()
                    && h.0
                        .as_ref()
                        .is_some_and(|n| n.chars().all(|c| c.is_ascii_alphabetic())))
            }),
            Piece::Item(text) => {
                let alone = !matches!(pieces.get(i.wrapping_sub(1)), Some(Piece::Item(_)))
                    && !matches!(pieces.get(i + 1), Some(Piece::Item(_)));
                if alone {
                    line_heading(text, true).filter(|h| h.2.is_some_and(|m| m.coverage >= 0.5))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some((number, text, m)) = heading {
            end_para(&mut paras, &mut lines, &mut items);
            // The first marked heading, before any section, naming the notice: its title.
            let is_title = (m.is_none() || names_the_notice(&text))
                && current.is_none()
                && out.title.is_none()
                && matches!(piece, Piece::Heading { .. })
                && TITLE_WORDS.iter().any(|w| text.to_lowercase().contains(w));
            if is_title {
                preamble(&mut out, std::mem::take(&mut paras));
                if out.title.is_none() {
                    out.title = Some(text);
                    continue;
                }
            }
            match current.take() {
                Some(mut s) => {
                    s.paras = std::mem::take(&mut paras);
                    out.sections.push(s);
                }
                None => preamble(&mut out, std::mem::take(&mut paras)),
            }
            current = Some(Section {
                key: m.map(|m| m.key),
                also: m.and_then(|m| m.also),
                number,
                heading: text,
                paras: Vec::new(),
            });
            if !matches!(piece, Piece::Heading { .. }) {
                current_level = 0;
            }
            if let Some((_, _, value)) = inline {
                lines.push(value);
            }
            continue;
        }
        match piece {
            Piece::Heading { text, .. } => {
                // A sub-heading of a known section: kept as a line of its own.
                end_para(&mut paras, &mut lines, &mut items);
                paras.push(Para::Lines(vec![text.clone()]));
            }
            Piece::Line(t) => {
                if !items.is_empty() {
                    end_para(&mut paras, &mut lines, &mut items);
                }
                lines.push(t.clone());
            }
            Piece::Item(t) => {
                if !lines.is_empty() {
                    end_para(&mut paras, &mut lines, &mut items);
                }
                items.push(t.clone());
            }
            Piece::Break => end_para(&mut paras, &mut lines, &mut items),
        }
    }
    end_para(&mut paras, &mut lines, &mut items);
    match current.take() {
        Some(mut s) => {
            s.paras = paras;
            out.sections.push(s);
        }
        None => preamble(&mut out, paras),
    }
    out
}

/// A section number as notices print them: `4`, `4.0`, `12`, `2.1`, a letter or a roman numeral;
/// not a postal code or a year.
fn is_section_number(n: &str) -> bool {
    let first = n.split('.').next().unwrap_or("");
    (first.len() <= 2 && n.len() <= 6) || n.chars().all(|c| c.is_ascii_alphabetic())
}

type Heading = (Option<String>, String, Option<crate::headings::Match>);

/// "Personuppgiftsansvarig: Vasa Vävstuga Ab, …", "Kontaktperson: Anna Berg, …": a party's or the
/// register's heading with its value on the same line. Returns the heading, its match and the
/// value, which becomes the section's first line.
fn inline_heading(text: &str) -> Option<(String, crate::headings::Match, String)> {
    use crate::headings::SectionKey::*;
    let (head, value) = text.split_once(": ")?;
    let head = head.trim();
    let value = value.trim();
    if value.is_empty()
        || head.split_whitespace().count() > 4
        || !head.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    // "Muut yhteystiedot: www…", "Contact details: …": a label within a block, no heading.
    let only_labels = head
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| crate::extract::contact::LABEL_WORDS.contains(&w.to_lowercase().as_str()));
    if only_labels || !value.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let m = recognise(head)?;
    let party = matches!(
        m.key,
        Organisation | Processor | Contact | Dpo | Representative | Register
    );
    (party && m.also.is_none() && m.coverage >= 0.6).then(|| (head.to_owned(), m, value.to_owned()))
}

/// A line that starts a paragraph, read as a heading when it is one.
fn line_heading(text: &str, alone: bool) -> Option<Heading> {
    let words = text.split_whitespace().count();
    let trimmed = text.trim_end();
    if words == 0
        || words > 14
        || trimmed.chars().count() > 130
        || trimmed.ends_with(['.', ',', ';', ':'])
        || trimmed.contains('@')
        || is_name_and_title(trimmed)
    {
        return None;
    }
    let (number, rest) = strip_number(text);
    let number = number.filter(|n| is_section_number(n));
    let rest = if number.is_some() { rest } else { text };
    let m = recognise(rest);
    match (&number, m) {
        (Some(_), Some(_)) => Some((number, rest.to_owned(), m)),
        // A numbered line standing alone, starting with a capital: a heading of the notice's own.
        (Some(_), None) => {
            let capital = rest.chars().next().is_some_and(char::is_uppercase);
            (alone && capital && words <= 10 && !rest.contains(": "))
                .then(|| (number, rest.to_owned(), None))
        }
        // Unnumbered: a short line, standing alone or mostly made of a customary heading's words.
        (None, Some(m)) => {
            let capital = rest.chars().next().is_some_and(char::is_uppercase);
            // A short one ("Ändamålet med behandlingen") may hold more words of its own.
            let covered = m.coverage >= 0.3 || (words <= 4 && m.coverage >= 0.2);
            (words <= 7 && capital && (alone || covered) && !rest.contains(": "))
                .then(|| (None, rest.to_owned(), Some(m)))
        }
        (None, None) => None,
    }
}

/// The preamble: furniture and the title first, then the introduction.
fn preamble(out: &mut Segmented, paras: Vec<Para>) {
    let mut rest = Vec::new();
    for p in paras {
        match p {
            Para::Lines(lines) => {
                let mut kept = Vec::new();
                for l in lines {
                    let lower = l.to_lowercase();
                    if out.title.is_none() && FURNITURE.contains(&lower.trim()) {
                        out.left_out.push(l);
                    } else if out.title.is_none()
                        && l.split_whitespace().count() <= 12
                        && TITLE_WORDS.iter().any(|w| lower.contains(w))
                    {
                        out.left_out.append(&mut kept);
                        out.left_out.extend(rest.drain(..).map(|p: Para| p.text()));
                        out.title = Some(l);
                    } else {
                        kept.push(l);
                    }
                }
                if !kept.is_empty() {
                    rest.push(Para::Lines(kept));
                }
            }
            list => rest.push(list),
        }
    }
    // Only short furniture may be left out before a title; a long text there is kept.
    if out.title.is_some() {
        let (furniture, text): (Vec<String>, Vec<String>) = std::mem::take(&mut out.left_out)
            .into_iter()
            .partition(|l| {
                FURNITURE.contains(&l.to_lowercase().trim()) || l.split_whitespace().count() <= 3
            });
        out.left_out = furniture;
        if !text.is_empty() {
            let mut intro = vec![Para::Lines(text)];
            intro.append(&mut out.preamble);
            out.preamble = intro;
        }
    }
    out.preamble.extend(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Piece::*;

    fn line(s: &str) -> Piece {
        Line(s.into())
    }

    #[test]
    fn numbered_and_customary_lines_start_sections() {
        let pieces = [
            line("Siirry sisältöön"),
            Break,
            line("Asiakasrekisterin tietosuojaseloste"),
            Break,
            line("1. Rekisterinpitäjä"),
            Break,
            line("Kaarea Oy"),
            line("PL 180, 20101 Turku"),
            Break,
            line("Rekisterin nimi"),
            Break,
            line("Asiakasrekisteri"),
            Break,
            line("12 Kehen voit olla yhteydessä?"),
            Break,
            line("Kirjallisesti."),
            Break,
            line("13 Omat asiamme"),
            Break,
            Item("yksi".into()),
        ];
        let s = segment(&pieces, "fi");
        assert_eq!(
            s.title.as_deref(),
            Some("Asiakasrekisterin tietosuojaseloste")
        );
        assert_eq!(s.left_out, ["Siirry sisältöön"]);
        let keys: Vec<_> = s.sections.iter().map(|s| s.key).collect();
        assert_eq!(
            keys,
            [
                Some(SectionKey::Organisation),
                Some(SectionKey::Register),
                Some(SectionKey::Requests),
                None
            ]
        );
        assert_eq!(s.sections[0].number.as_deref(), Some("1"));
        assert_eq!(
            s.sections[0].paras,
            [Para::Lines(vec![
                "Kaarea Oy".into(),
                "PL 180, 20101 Turku".into()
            ])]
        );
        assert_eq!(s.sections[3].heading, "Omat asiamme");
        assert_eq!(s.sections[3].paras, [Para::List(vec!["yksi".into()])]);
    }

    #[test]
    fn a_postal_code_line_is_no_heading() {
        let pieces = [
            line("Rekisterinpitäjä"),
            Break,
            line("Oy Ab"),
            line("02940 Espoo"),
        ];
        let s = segment(&pieces, "fi");
        assert_eq!(s.sections.len(), 1);
    }

    #[test]
    fn the_next_number_starts_a_section_whatever_its_words() {
        let pieces = [
            line("3. Rekisterin nimi"),
            line("Asiakasrekisteri"),
            Piece::Break,
            line("4. Jotain aivan muuta"),
            line("Tekstiä tästä."),
        ];
        let s = segment(&pieces, "fi");
        assert_eq!(s.sections.len(), 2, "{s:?}");
        assert_eq!(s.sections[1].heading, "Jotain aivan muuta");
        // A number out of sequence with its text on the next line stays text.
        let pieces = [
            line("3. Rekisterin nimi"),
            line("Asiakasrekisteri"),
            Piece::Break,
            line("7. Jotain aivan muuta"),
            line("Tekstiä tästä."),
        ];
        assert_eq!(segment(&pieces, "fi").sections.len(), 1);
    }

    #[test]
    fn a_party_heading_with_its_value_on_the_same_line() {
        let pieces = [
            line("Dataskyddsbeskrivning"),
            Piece::Break,
            line("Personuppgiftsansvarig: Vasa Vävstuga Ab, Storgatan 5, 65100 Vasa"),
            line("Kontaktperson: Anna Berg, anna@x.example"),
            line("Muut yhteystiedot: www.x.fi"),
        ];
        let s = segment(&pieces, "sv");
        assert_eq!(s.sections.len(), 2, "{s:?}");
        assert_eq!(s.sections[0].heading, "Personuppgiftsansvarig");
        assert_eq!(
            s.sections[0].paras,
            [Para::Lines(vec![
                "Vasa Vävstuga Ab, Storgatan 5, 65100 Vasa".to_owned()
            ])]
        );
        // A label inside a block ("Muut yhteystiedot: …") starts nothing.
        assert_eq!(s.sections[1].paras[0].text().matches("www.x.fi").count(), 1);
    }
}
