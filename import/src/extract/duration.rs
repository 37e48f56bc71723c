//! Retention periods in words as ISO 8601 durations: "viisi vuotta" → `P5Y`, "36 kk" → `P36M`,
//! "tio år" → `P10Y`, "kaksi (2) vuotta" → `P2Y`, "1 päivä - 36 kk" → from `P1D` to `P36M`.

/// Number words of the three languages.
const NUMBERS: &[(&str, u32)] = &[
    ("yksi", 1),
    ("yhden", 1),
    ("kaksi", 2),
    ("kahden", 2),
    ("kolme", 3),
    ("kolmen", 3),
    ("neljä", 4),
    ("neljän", 4),
    ("viisi", 5),
    ("viiden", 5),
    ("kuusi", 6),
    ("kuuden", 6),
    ("seitsemän", 7),
    ("kahdeksan", 8),
    ("yhdeksän", 9),
    ("kymmenen", 10),
    ("kaksitoista", 12),
    ("kahdentoista", 12),
    ("kaksikymmentäneljä", 24),
    // The illative of "for N years" ("kolmeen vuoteen") and the like.
    ("yhteen", 1),
    ("kahteen", 2),
    ("kolmeen", 3),
    ("neljään", 4),
    ("viiteen", 5),
    ("kuuteen", 6),
    ("kymmeneen", 10),
    ("ett", 1),
    ("en", 1),
    ("två", 2),
    ("tre", 3),
    ("fyra", 4),
    ("fem", 5),
    ("sex", 6),
    ("sju", 7),
    ("åtta", 8),
    ("nio", 9),
    ("tio", 10),
    ("tolv", 12),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("twelve", 12),
];

/// Unit words (by prefix) and their ISO 8601 letter.
const UNITS: &[(&str, char)] = &[
    ("vuo", 'Y'),
    ("v.", 'Y'),
    ("år", 'Y'),
    ("year", 'Y'),
    ("yr", 'Y'),
    ("kuukau", 'M'),
    ("kk", 'M'),
    ("mån", 'M'),
    ("month", 'M'),
    ("viik", 'W'),
    ("veck", 'W'),
    ("week", 'W'),
    ("päiv", 'D'),
    ("vrk", 'D'),
    ("dag", 'D'),
    ("day", 'D'),
];

/// One duration found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub amount: u32,
    pub unit: char,
}

impl Found {
    pub fn iso(self) -> String {
        format!("P{}{}", self.amount, self.unit)
    }

    /// Days, roughly, to compare durations of different units.
    fn days(self) -> u32 {
        self.amount
            * match self.unit {
                'Y' => 365,
                'M' => 30,
                'W' => 7,
                _ => 1,
            }
    }
}

/// Every "number unit" in `text`, in order.
pub fn find_all(text: &str) -> Vec<Found> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '–')
        .map(|w| w.trim_matches(|c: char| ",;:()".contains(c)).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let amount = w
            .parse::<u32>()
            .ok()
            .or_else(|| NUMBERS.iter().find(|(n, _)| n == w).map(|(_, v)| *v));
        let Some(amount) = amount else { continue };
        // "kaksi (2) vuotta": the digits in brackets repeat the number.
        let mut j = i + 1;
        if words.get(j).is_some_and(|n| n.parse::<u32>() == Ok(amount)) {
            j += 1;
        }
        let Some(unit_word) = words.get(j) else {
            continue;
        };
        if let Some((_, unit)) = UNITS.iter().find(|(u, _)| unit_word.starts_with(u)) {
            if amount > 0 && amount <= 100 {
                out.push(Found {
                    amount,
                    unit: *unit,
                });
            }
        }
    }
    out
}

/// The shortest and longest period a text states: a range gives both, one period only the longest.
pub fn range(text: &str) -> (Option<String>, Option<String>) {
    let found = find_all(text);
    match found.len() {
        0 => (None, None),
        1 => (None, Some(found[0].iso())),
        _ => {
            let min = found.iter().min_by_key(|f| f.days()).copied();
            let max = found.iter().max_by_key(|f| f.days()).copied();
            let is_range = [
                "-",
                "–",
                " to ",
                " till ",
                " – ",
                "välillä",
                "mellan",
                "between",
            ]
            .iter()
            .any(|r| text.contains(r));
            if is_range {
                (min.map(Found::iso), max.map(Found::iso))
            } else {
                (None, max.map(Found::iso))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_in_three_languages() {
        assert_eq!(
            range("johon lisätään viisi vuotta."),
            (None, Some("P5Y".into()))
        );
        assert_eq!(
            range("säilytetään kaksi (2) vuotta"),
            (None, Some("P2Y".into()))
        );
        assert_eq!(range("enintään 24 kuukautta"), (None, Some("P24M".into())));
        assert_eq!(range("sparas i tio år"), (None, Some("P10Y".into())));
        assert_eq!(range("kept for 6 months"), (None, Some("P6M".into())));
        assert_eq!(
            range("vapaasti aikavälillä 1 päivä - 36 kk."),
            (Some("P1D".into()), Some("P36M".into()))
        );
        assert_eq!(
            range("ei ole käynyt kolmeen vuoteen"),
            (None, Some("P3Y".into()))
        );
        assert_eq!(range("asiakassuhteen ajan"), (None, None));
    }
}
