//! Plain text and Markdown. Markdown syntax is read in both: notices copied from web pages into
//! text files often keep `## headings`, `**bold**`, `[links](…)` and `- items`.

use super::Piece;

pub fn read(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            out.push(Piece::Break);
            continue;
        }
        if let Some(h) = atx_heading(line) {
            out.push(Piece::Break);
            out.push(Piece::Heading {
                text: inline(h.1),
                level: h.0,
            });
            out.push(Piece::Break);
            continue;
        }
        if let Some(item) = bullet(line) {
            out.push(Piece::Item(inline(item)));
            continue;
        }
        if is_bold_only(line) {
            out.push(Piece::Break);
            out.push(Piece::Heading {
                text: inline(line),
                level: 7,
            });
            out.push(Piece::Break);
            continue;
        }
        if matches!(out.last(), Some(Piece::Item(_))) && raw.starts_with([' ', '\t']) {
            // A continuation line of a list item.
            if let Some(Piece::Item(prev)) = out.last_mut() {
                prev.push(' ');
                prev.push_str(&inline(line));
                continue;
            }
        }
        if matches!(out.last(), Some(Piece::Item(_))) {
            out.push(Piece::Break);
        }
        out.push(Piece::Line(inline(line)));
    }
    out
}

/// `## Heading` → (2, "Heading").
fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with(' ') {
        return None;
    }
    Some((hashes as u8, rest.trim().trim_end_matches('#').trim()))
}

/// The text of a bulleted list item (`-`, `*`, `+`, `•`, `–`, `✓`), if the line is one.
pub fn bullet(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ ", "• ", "· ", "– ", "✓ ", "✔ ", "▪ ", "◦ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            let rest = rest.trim_start();
            // `- ✓ item`: a check mark used as the bullet's picture.
            let rest = rest
                .strip_prefix('✓')
                .or_else(|| rest.strip_prefix('✔'))
                .unwrap_or(rest)
                .trim_start();
            if !rest.is_empty() {
                return Some(rest);
            }
        }
    }
    None
}

fn is_bold_only(line: &str) -> bool {
    let inner = line
        .strip_prefix("**")
        .and_then(|l| l.strip_suffix("**"))
        .or_else(|| line.strip_prefix("__").and_then(|l| l.strip_suffix("__")));
    inner.is_some_and(|i| !i.is_empty() && !i.contains("**") && i.split_whitespace().count() <= 12)
}

/// Markdown inline syntax to plain text: emphasis markers dropped, `[label](target)` → label,
/// images dropped, backslash escapes resolved.
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                if let Some((_, end)) = link_at(&chars, i + 1) {
                    i = end;
                    continue;
                }
            }
            '[' => {
                if let Some((label, end)) = link_at(&chars, i) {
                    out.push_str(&label);
                    i = end;
                    continue;
                }
            }
            '*' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                continue;
            }
            '_' if chars.get(i + 1) == Some(&'_') => {
                i += 2;
                continue;
            }
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    out.trim().to_owned()
}

/// `[label](target)` starting at `start`: the label and the index after the `)`.
fn link_at(chars: &[char], start: usize) -> Option<(String, usize)> {
    let close = (start + 1..chars.len()).find(|&j| chars[j] == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = (close + 2..chars.len()).find(|&j| chars[j] == ')')?;
    let label: String = chars[start + 1..close].iter().collect();
    Some((label.replace("**", ""), end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_is_read_as_structure() {
        let p = read("## Otsikko\n\n- ✓ **eka** asia\n- [Linkki](#)\nTeksti  \njatkuu");
        assert_eq!(
            p,
            vec![
                Piece::Break,
                Piece::Heading {
                    text: "Otsikko".into(),
                    level: 2
                },
                Piece::Break,
                Piece::Break,
                Piece::Item("eka asia".into()),
                Piece::Item("Linkki".into()),
                Piece::Break,
                Piece::Line("Teksti".into()),
                Piece::Line("jatkuu".into()),
            ]
        );
    }

    #[test]
    fn a_bold_line_is_a_heading() {
        let p = read("**Lisätietoja**");
        assert!(matches!(&p[1], Piece::Heading { level: 7, text } if text == "Lisätietoja"));
    }
}
