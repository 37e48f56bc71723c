//! Contact details in the lines of a controller's, contact person's or DPO's block: the name, a
//! business ID (check digit verified), postal and visiting addresses, phone numbers with their
//! labels, email addresses, the web site, a person's name and title, the legal form and how the
//! notice refers to the organisation later. Each line is either used up by what was taken from it
//! (only labels and punctuation remain) or left for the section's text.

use seloste_schema::validate::rules;

/// Words that only label a value ("puh.", "Sähköpostiosoite:", "Y-tunnus"): a line holding only
/// these besides its values is used up. Tests use the list too: these words need not reappear.
pub const LABEL_WORDS: &[&str] = &[
    "puh",
    "puhelin",
    "puhelinnumero",
    "p",
    "tel",
    "phone",
    "gsm",
    "matkapuhelin",
    "mobile",
    "mob",
    "telefon",
    "vaihde",
    "växel",
    "switchboard",
    "sähköposti",
    "sähköpostiosoite",
    "email",
    "e",
    "mail",
    "s",
    "epost",
    "post",
    "postiosoite",
    "käyntiosoite",
    "osoite",
    "postadress",
    "besöksadress",
    "adress",
    "address",
    "postal",
    "visiting",
    "street",
    "muut",
    "yhteystiedot",
    "other",
    "contact",
    "details",
    "kotisivut",
    "kotisivu",
    "www",
    "verkkosivut",
    "verkkosivu",
    "website",
    "web",
    "webbplats",
    "hemsida",
    "y",
    "tunnus",
    "ytunnus",
    "fo",
    "nummer",
    "business",
    "id",
    "org",
    "nr",
    "nro",
    "nimi",
    "name",
    "namn",
    "tehtävä",
    "titteli",
    "title",
    "titel",
    "befattning",
    "sivut",
    "internet",
    "ja",
    "och",
    "and",
    "tai",
    "eller",
    "or",
    "fax",
    "faksi",
    "telefax",
    "tfn",
    "puhnro",
    // "(jäljempänä …)", "Päivitetty …": words that introduce a value.
    "jäljempänä",
    "myöhemmin",
    "jatkossa",
    "nedan",
    "hädanefter",
    "hereinafter",
    "hereafter",
    "päivitetty",
    "päivitys",
    "laadittu",
    "voimassa",
    "alkaen",
    "effective",
    "upprättad",
    "uppdaterad",
    "updated",
    "last",
    "senast",
    "viimeksi",
];

/// Legal forms printed on their own line.
const LEGAL_FORMS: &[&str] = &[
    "yksityinen elinkeinonharjoittaja",
    "toiminimi",
    "osakeyhtiö",
    "avoin yhtiö",
    "kommandiittiyhtiö",
    "osuuskunta",
    "yhdistys",
    "säätiö",
    "enskild näringsidkare",
    "aktiebolag",
    "handelsbolag",
    "förening",
    "stiftelse",
    "sole trader",
    "limited company",
    "association",
    "foundation",
];

/// Suffixes that make a name a company's.
pub const COMPANY_SUFFIXES: &[&str] = &[
    "oy",
    "oyj",
    "ab",
    "abp",
    "ry",
    "rf",
    "ky",
    "tmi",
    "ltd",
    "inc",
    "llc",
    "gmbh",
    "corp",
    "corporation",
    "plc",
    "as",
    "a/s",
    "bv",
    "sa",
    "ltd.",
    "inc.",
    "oy:n",
    "sarl",
    "s.a.r.l.",
    "srl",
    "ag",
    "nv",
    "llp",
    "limited",
];

/// Titles a contact person may have.
const TITLES: &[&str] = &[
    "toimitusjohtaja",
    "tietosuojavastaava",
    "lakimies",
    "asiakkuuspäällikkö",
    "hallituksen",
    "yrittäjä",
    "johtaja",
    "päällikkö",
    "vd",
    "verkställande",
    "dataskyddsombud",
    "ceo",
    "cto",
    "coo",
    "director",
    "manager",
    "officer",
    "head",
    "owner",
    "omistaja",
    "ägare",
    "jurist",
    "counsel",
    "chief",
    "koordinaattori",
    "assistentti",
    "sihteeri",
];

/// Words that put a reference name after them: "(jäljempänä ”me” tai ”Caracom”)".
const REFERRED: &[&str] = &[
    "jäljempänä",
    "myöhemmin",
    "jatkossa",
    "nedan",
    "hädanefter",
    "hereinafter",
    "hereafter",
];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Phone {
    pub number: String,
    pub label: Option<String>,
}

/// What a block of lines says about one party.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Party {
    /// The organisation's name (or, for a person's block, the person's).
    pub name: Option<String>,
    pub person: Option<String>,
    pub title: Option<String>,
    /// A company named in a person's block: whom the person works for.
    pub organisation: Option<String>,
    pub business_id: Option<String>,
    /// A business ID whose check digit is wrong: left in the text and reported.
    pub bad_business_id: Option<String>,
    pub legal_form: Option<String>,
    pub referred_to_as: Option<String>,
    pub postal: Option<Address>,
    pub visiting: Option<Address>,
    pub phones: Vec<Phone>,
    pub emails: Vec<String>,
    pub web: Option<String>,
    /// For each input line: whether what was taken from it used it up.
    pub used: Vec<bool>,
}

impl Party {
    /// A person's name, an address, a phone number or an email: what a contact needs.
    pub fn names_or_reaches_a_person(&self) -> bool {
        self.person.is_some()
            || self.postal.is_some()
            || self.visiting.is_some()
            || !self.phones.is_empty()
            || !self.emails.is_empty()
    }

    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.person.is_none()
            && self.postal.is_none()
            && self.visiting.is_none()
            && self.phones.is_empty()
            && self.emails.is_empty()
            && self.web.is_none()
    }
}

/// Whether the block describes an organisation (the controller) or a person (contact, DPO).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Organisation,
    Person,
}

pub fn parse(lines: &[String], kind: Kind) -> Party {
    let mut p = Party {
        used: vec![false; lines.len()],
        ..Default::default()
    };
    let mut person_line = None;
    for (i, line) in lines.iter().enumerate() {
        let mut rest = line.clone();
        let lower = line.to_lowercase();
        // How the organisation is referred to later.
        if let Some(k) = REFERRED.iter().find(|k| lower.contains(*k)) {
            let start = super::find_ci(line, k).unwrap_or(0);
            let after = line
                .get(start..)
                .and_then(|a| {
                    a.char_indices()
                        .nth(k.chars().count())
                        .map(|(j, _)| &a[j..])
                })
                .unwrap_or("");
            let value = after
                .trim()
                .trim_start_matches(['(', ':'])
                .trim_end_matches([')', '.'])
                .trim();
            if !value.is_empty() && p.referred_to_as.is_none() {
                p.referred_to_as = Some(value.to_owned());
                p.used[i] = true;
                continue;
            }
        }
        if kind == Kind::Organisation && LEGAL_FORMS.contains(&lower.trim().trim_end_matches('.')) {
            p.legal_form = Some(line.trim().to_owned());
            p.used[i] = true;
            continue;
        }
        take_emails(&mut rest, &mut p.emails);
        if let Some(web) = take_web(&mut rest) {
            p.web.get_or_insert(web);
        }
        take_business_id(&mut rest, &mut p);
        if let Some((addr, visiting, street_from_previous)) =
            take_address(&mut rest).or_else(|| take_uk_address(&mut rest))
        {
            let mut addr = addr;
            if street_from_previous {
                if let Some(prev) = i.checked_sub(1).filter(|&j| !p.used[j]) {
                    if looks_like_street(&lines[prev]) {
                        addr.street = lines[prev].trim().trim_end_matches(',').to_owned();
                        p.used[prev] = true;
                    }
                }
            }
            if !addr.street.is_empty() {
                let is_box = is_po_box(&addr.street);
                if visiting {
                    p.visiting.get_or_insert(addr);
                } else if p.postal.is_none() {
                    p.postal = Some(addr);
                } else if p.visiting.is_none()
                    && p.postal.as_ref().is_some_and(|a| is_po_box(&a.street))
                    && !is_box
                {
                    p.visiting = Some(addr);
                }
            }
        }
        let labelled = has_phone_label(&lower);
        take_phones(&mut rest, labelled, &mut p.phones);
        let mut remainder = strip_labels(&rest);
        if rest.trim() != line.trim() {
            // A value was taken: its label ("Oy, Y-tunnus …", "Ab (FO-nummer …)") goes with it.
            remainder = drop_label_tail(&remainder);
        }
        if remainder.is_empty() {
            p.used[i] = true;
            continue;
        }
        // A line of its own: a name, a person, a title or a company.
        let words = remainder.split_whitespace().count();
        let has_digit = remainder.chars().any(|c| c.is_ascii_digit());
        let company = is_company(&remainder);
        // Lower-case words besides a suffix or a particle: the line is a sentence.
        let in_sentence = kind == Kind::Organisation
            && p.name.is_none()
            && remainder.split_whitespace().any(|w| {
                let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
                bare.chars().next().is_some_and(char::is_lowercase)
                    && !COMPANY_SUFFIXES.contains(&bare)
                    && !["ja", "och", "and", "of", "the", "de", "von", "af", "för"].contains(&bare)
            });
        let named_in_sentence = in_sentence
            .then(|| {
                super::parties::named(&remainder)
                    .into_iter()
                    .map(|n| n.name)
                    .find(|n| is_company(n))
            })
            .flatten();
        if let Some(company) = named_in_sentence {
            // "Personuppgiftsansvarig är Nordljus Ab (…), …": the company; the sentence stays.
            p.name = Some(company);
        } else if kind == Kind::Organisation
            && p.name.is_none()
            && words <= 8
            && (!has_digit || company)
        {
            p.name = Some(remainder);
            p.used[i] = true;
        } else if kind == Kind::Person && p.person.is_none() && is_person_name(&remainder) {
            p.person = Some(remainder);
            p.used[i] = true;
            person_line = Some(i);
        } else if let Some((person, title, whole)) = (kind == Kind::Person && p.person.is_none())
            .then(|| person_and_title(&remainder))
            .flatten()
        {
            // "Matti Meikäläinen, talouspäällikkö" on one line; a sentence saying so stays.
            p.person = Some(person);
            p.title = Some(title);
            p.used[i] = whole;
            person_line = Some(i);
        } else if kind == Kind::Person
            && p.title.is_none()
            && person_line == i.checked_sub(1)
            && person_line.is_some()
            && is_title(&remainder)
        {
            p.title = Some(remainder);
            p.used[i] = true;
        } else if kind == Kind::Person && p.organisation.is_none() && company && words <= 6 {
            p.organisation = Some(remainder);
            p.used[i] = true;
        } else if kind == Kind::Organisation && p.name.is_some() && company && words <= 6 {
            // The same company named again (e.g. above its address): nothing new.
            p.used[i] = p.name.as_deref() == Some(remainder.as_str());
        } else if looks_like_street(&remainder) && !p.used[i] && words <= 5 {
            // Probably the street of an address on the next line: decided there.
        }
    }
    if kind == Kind::Organisation && p.name.is_none() {
        // A controller named in a sentence ("Northwind Analytics Ltd (…), …, is the controller",
        // "Our representative … is DataRep Oy, …"): the first company the block names. The
        // sentence itself stays in the text.
        p.name = lines
            .iter()
            .flat_map(|l| super::parties::named(l))
            .map(|n| n.name)
            .find(|n| is_company(n));
    }
    p
}

/// "Name Surname, title" or "Name Surname (Title)" on one line, or at the end of a sentence
/// ("Yhteyshenkilönä toimii Maija Mallikas, asiakaspalvelupäällikkö"): the person, the title, and
/// whether they were all the line said.
fn person_and_title(s: &str) -> Option<(String, String, bool)> {
    let (name, title) = match s.split_once(" (") {
        Some((name, rest)) if rest.trim_end_matches([',', '.']).ends_with(')') => (
            name,
            rest.trim_end_matches([',', '.']).trim_end_matches(')'),
        ),
        _ => s.split_once(',')?,
    };
    let title = title.trim().trim_end_matches([',', '.']).trim();
    if !is_title(title) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    // The capitalised words at the end of the part before the title.
    let run = words
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count()
        .min(4);
    let whole = run == words.len();
    let before_is_text = words
        .len()
        .checked_sub(run + 1)
        .is_some_and(|i| words[i].chars().next().is_some_and(char::is_lowercase));
    if !(whole || before_is_text) {
        return None;
    }
    let person = words[words.len() - run..].join(" ");
    is_person_name(&person).then(|| (person, title.to_owned(), whole))
}

/// A name without the labels left behind by the values taken after it: "Kotimaan Kalusto Oy,
/// Y-tunnus" → "Kotimaan Kalusto Oy", "Skärgårdsbåtar Ab (FO-nummer )" → "Skärgårdsbåtar Ab".
fn drop_label_tail(s: &str) -> String {
    let only_labels = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| LABEL_WORDS.contains(&w.to_lowercase().as_str()))
    };
    let mut out = s.to_owned();
    // Brackets holding only labels.
    while let Some(open) = out.rfind('(') {
        let close = out[open..].find(')').map_or(out.len(), |c| open + c + 1);
        if !only_labels(&out[open..close]) {
            break;
        }
        out.replace_range(open..close, "");
    }
    loop {
        let t = out
            .trim_end()
            .trim_end_matches([',', ';', ':', '-', '/'])
            .trim_end();
        let (head, last) = t.rsplit_once(' ').unwrap_or(("", t));
        if head.is_empty() || !only_labels(last) {
            return t.to_owned();
        }
        out = head.to_owned();
    }
}

fn is_po_box(street: &str) -> bool {
    let l = street.to_lowercase();
    ["pl ", "pb ", "po box", "p.o. box", "box ", "postilokero"]
        .iter()
        .any(|b| l.starts_with(b))
}

fn looks_like_street(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (1..=6).contains(&words)
        && (t.chars().any(|c| c.is_ascii_digit()) || is_po_box(t))
        && !t.contains('@')
        && t.chars().next().is_some_and(char::is_alphabetic)
}

/// A name with a company's suffix, written with its capital ("Oy", "AS", "Limited": "as" and
/// "limited" are words).
pub fn is_company(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '.');
        COMPANY_SUFFIXES.contains(&w.to_lowercase().as_str())
            && w.chars().next().is_some_and(char::is_uppercase)
    })
}

/// "Riikka Samuli", "Anna-Liisa von Essen": two to four words, capitalised (particles allowed),
/// no digits, not a company.
fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !is_company(s)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                || ["von", "af", "van", "de", "der"].contains(w)
        })
}

fn is_title(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let lower = s.to_lowercase();
    (1..=5).contains(&words)
        && !s.chars().any(|c| c.is_ascii_digit())
        && (s.chars().next().is_some_and(char::is_lowercase)
            || TITLES.iter().any(|t| lower.contains(t)))
}

/// The line after its values were taken, without label words and punctuation; empty when used up.
fn strip_labels(rest: &str) -> String {
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || ",;-:".contains(c))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let meaningful = words
        .iter()
        .any(|w| !LABEL_WORDS.contains(&w.to_lowercase().as_str()));
    if !meaningful {
        return String::new();
    }
    let t = rest.replace("()", "").replace("( )", "");
    // "Nimi: Lahden Liikunta Oy", "Tehtävä: toiminnanjohtaja": the label before the value.
    let t = match t.split_once(':') {
        Some((label, value))
            if !value.trim().is_empty()
                && label.split_whitespace().count() <= 3
                && label
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .all(|w| LABEL_WORDS.contains(&w.to_lowercase().as_str())) =>
        {
            value.to_owned()
        }
        _ => t,
    };
    let t = t
        .trim()
        .trim_matches(|c: char| c == ',' || c == ';' || c == ':' || c == '-' || c == '/')
        .trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn take_emails(rest: &mut String, out: &mut Vec<String>) {
    let tokens: Vec<String> = rest
        .split(|c: char| c.is_whitespace() || ",;<>()[]".contains(c))
        .filter(|t| t.contains('@'))
        .map(str::to_owned)
        .collect();
    for t in tokens {
        let e = t
            .trim_start_matches("mailto:")
            .trim_end_matches(['.', ':'])
            .to_owned();
        if is_email(&e) {
            if !out.contains(&e) {
                out.push(e.clone());
            }
            *rest = rest.replacen(&t, " ", 1);
        }
    }
}

fn take_web(rest: &mut String) -> Option<String> {
    let token = rest
        .split(|c: char| c.is_whitespace() || ",;<>()[]".contains(c))
        .find(|t| {
            let l = t.to_lowercase();
            (l.starts_with("www.") || l.starts_with("https://") || l.starts_with("http://"))
                && !t.contains('@')
                && t.len() > 6
        })?
        .to_owned();
    let clean = token.trim_end_matches(['.', '/', ':']);
    let web = if clean.to_lowercase().starts_with("http") {
        clean.to_owned()
    } else {
        format!("https://{clean}")
    };
    if web.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    *rest = rest.replacen(&token, " ", 1);
    Some(web)
}

/// A Finnish business ID `NNNNNNN-C` with a valid check digit (the schema's own check).
pub fn business_id_ok(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 9
        && b[7] == b'-'
        && b[..7].iter().chain(&b[8..]).all(u8::is_ascii_digit)
        && rules::check_business_id(id).is_ok()
}

fn take_business_id(rest: &mut String, p: &mut Party) {
    let chars: Vec<char> = rest.chars().collect();
    for start in 0..chars.len() {
        if start + 9 > chars.len() {
            break;
        }
        let cand: String = chars[start..start + 9].iter().collect();
        let before_ok = start == 0 || !chars[start - 1].is_ascii_digit();
        let after_ok = chars.get(start + 9).is_none_or(|c| !c.is_ascii_digit());
        let shape = cand.len() == 9
            && cand.as_bytes()[7] == b'-'
            && cand.chars().filter(char::is_ascii_digit).count() == 8;
        if before_ok && after_ok && shape {
            if business_id_ok(&cand) {
                p.business_id.get_or_insert(cand.clone());
                *rest = rest.replacen(&cand, " ", 1);
            } else {
                p.bad_business_id.get_or_insert(cand);
            }
            return;
        }
    }
}

/// An address on one line: `[street,] 20101 Turku[, Finland]`. Returns the address, whether it
/// is labelled as a visiting address, and whether its street must come from the line before.
fn take_address(rest: &mut String) -> Option<(Address, bool, bool)> {
    let words: Vec<&str> = rest.split_whitespace().collect();
    let idx = words.iter().position(|w| {
        let w = w.trim_start_matches("FI-").trim_start_matches("SE-");
        w.len() == 5 && w.chars().all(|c| c.is_ascii_digit())
    });
    // Swedish postal codes: `123 45`.
    let (idx, code, city_at) = match idx {
        Some(i) => (
            i,
            words[i]
                .trim_start_matches("FI-")
                .trim_start_matches("SE-")
                .to_owned(),
            i + 1,
        ),
        None => {
            let i = (0..words.len().saturating_sub(1)).find(|&i| {
                words[i].len() == 3
                    && words[i + 1].len() == 2
                    && words[i].chars().all(|c| c.is_ascii_digit())
                    && words[i + 1].chars().all(|c| c.is_ascii_digit())
            })?;
            (i, format!("{} {}", words[i], words[i + 1]), i + 2)
        }
    };
    let city_word = words.get(city_at)?;
    if !city_word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // The city runs to a comma or to the end (at most three words).
    let mut city = Vec::new();
    let mut end = city_at;
    for w in &words[city_at..] {
        end += 1;
        // A comma, or a full stop ending the sentence ("…, 65100 Vasa. Du når oss …").
        let stop = w.ends_with(',') || w.ends_with('.');
        let w_clean = w.trim_end_matches([',', '.', ';']);
        if has_phone_label(&w_clean.to_lowercase()) || w_clean.starts_with('+') {
            end -= 1;
            break;
        }
        city.push(w_clean);
        if stop || city.len() == 3 {
            break;
        }
    }
    let mut country = None;
    if let Some(next) = words.get(end) {
        let n = next.trim_end_matches([',', '.', ';']);
        if [
            "Finland", "Suomi", "Sverige", "Sweden", "Norway", "Norge", "Denmark", "Estonia",
        ]
        .contains(&n)
        {
            country = Some(n.to_owned());
            end += 1;
        }
    }
    let before = words[..idx].join(" ");
    let lower = before.to_lowercase();
    let visiting = ["käynti", "besök", "visiting", "street address"]
        .iter()
        .any(|k| lower.contains(k));
    let mut street = strip_address_label(&before);
    let mut head = String::new();
    let after_company = street
        .rsplit_once(", ")
        .is_some_and(|(h, last)| is_company(h) && looks_like_street(last));
    if street.split_whitespace().count() > 6 || after_company {
        // An address inside a sentence ("… is DataRep Oy, Mannerheimintie 10, 00100 Helsinki"):
        // the street is the part after the last comma; the sentence before it stays.
        let (h, last) = street.rsplit_once(", ").unwrap_or(("", street.as_str()));
        if looks_like_street(last) && last.split_whitespace().count() <= 5 {
            head = format!("{h},");
            street = last.trim().to_owned();
        } else {
            return None;
        }
    }
    let address = Address {
        street: street.clone(),
        postal_code: code,
        city: city.join(" "),
        country,
    };
    if address.city.is_empty() {
        return None;
    }
    let after = words[end.min(words.len())..].join(" ");
    *rest = format!(
        "{} {}",
        if street.is_empty() {
            before.clone()
        } else {
            head
        },
        after
    );
    Some((address, visiting, street.is_empty()))
}

/// A British postcode's two halves: "LS1" / "SW1A" and "4AB".
fn is_uk_postcode(outward: &str, inward: &str) -> bool {
    let o: Vec<char> = outward.chars().collect();
    let i: Vec<char> = inward.chars().collect();
    let letters = o.iter().take_while(|c| c.is_ascii_uppercase()).count();
    (2..=4).contains(&o.len())
        && (1..=2).contains(&letters)
        && o.get(letters).is_some_and(char::is_ascii_digit)
        && o[letters..]
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        && i.len() == 3
        && i[0].is_ascii_digit()
        && i[1..].iter().all(char::is_ascii_uppercase)
}

/// A British address: `12 Harbour Street, Leeds LS1 4AB[, United Kingdom]`, the city before the
/// postcode. The text around it stays.
fn take_uk_address(rest: &mut String) -> Option<(Address, bool, bool)> {
    let words: Vec<&str> = rest.split_whitespace().collect();
    let clean = |w: &str| w.trim_end_matches([',', '.', ';']).to_owned();
    let at = (1..words.len().saturating_sub(1))
        .find(|&i| !words[i].ends_with(',') && is_uk_postcode(words[i], &clean(words[i + 1])))?;
    // The city: the words before the postcode, back to a comma.
    let mut city_start = at;
    while city_start > 0 && !words[city_start - 1].ends_with(',') && at - city_start < 3 {
        city_start -= 1;
    }
    if city_start == 0 || city_start == at {
        return None;
    }
    let mut street_start = city_start - 1;
    while street_start > 0 && !words[street_start - 1].ends_with(',') {
        street_start -= 1;
    }
    let street = words[street_start..city_start].join(" ");
    let street = street.trim_end_matches(',').to_owned();
    // "12 Harbour Street": the number first, as British streets are written.
    let words_in_street = street.split_whitespace().count();
    if !(2..=6).contains(&words_in_street)
        || !street.chars().any(|c| c.is_ascii_digit())
        || !street.chars().any(char::is_alphabetic)
        || street.contains('@')
    {
        return None;
    }
    let mut end = at + 2;
    let mut country = None;
    for name in [
        "United Kingdom",
        "UK",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
    ] {
        let n = name.split(' ').count();
        if words.len() >= end + n
            && clean(&words[end..end + n].join(" ")) == name
            && words[end - 1].ends_with(',')
        {
            country = Some(name.to_owned());
            end += n;
            break;
        }
    }
    let address = Address {
        street,
        postal_code: format!("{} {}", words[at], clean(words[at + 1])),
        city: words[city_start..at].join(" "),
        country,
    };
    *rest = format!(
        "{} {}",
        words[..street_start].join(" "),
        words[end..].join(" ")
    );
    Some((address, false, false))
}

fn strip_address_label(before: &str) -> String {
    let mut t = before.trim();
    if let Some((label, value)) = t.split_once(':') {
        if label.split_whitespace().count() <= 3 {
            t = value.trim();
        }
    }
    t.trim_end_matches(',').trim().to_owned()
}

fn has_phone_label(lower: &str) -> bool {
    lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
        [
            "puh",
            "puhelin",
            "p",
            "tel",
            "phone",
            "gsm",
            "vaihde",
            "växel",
            "telefon",
            "mob",
            "mobile",
            "matkapuhelin",
            "puhelinnumero",
            "switchboard",
            "telephone",
            "telefonnummer",
            "tfn",
        ]
        .contains(&w)
    })
}

/// Phone numbers: runs of digits, spaces, `+-()` with 6 to 15 digits, starting with `+` or `0`,
/// or any such run on a line labelled as a phone ("puh.", "tel.").
fn take_phones(rest: &mut String, labelled: bool, out: &mut Vec<Phone>) {
    loop {
        let chars: Vec<char> = rest.chars().collect();
        let mut found = None;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let boundary = i == 0 || !chars[i - 1].is_alphanumeric();
            // "company number 09876543", "FO-nummer": a number of another kind.
            let word_before: String = chars[..i]
                .iter()
                .rev()
                .skip_while(|c| !c.is_alphanumeric())
                .take_while(|c| c.is_alphanumeric())
                .collect::<String>()
                .chars()
                .rev()
                .collect::<String>()
                .to_lowercase();
            let other_number =
                ["number", "nummer", "numero", "no", "nr", "nro"].contains(&word_before.as_str());
            if (c == '+' || c.is_ascii_digit() || c == '(') && boundary && !other_number {
                let mut j = i;
                while j < chars.len() && (chars[j].is_ascii_digit() || " -()+".contains(chars[j])) {
                    if chars[j] == '+' && j != i {
                        break;
                    }
                    j += 1;
                }
                let run: String = chars[i..j].iter().collect();
                let run = run.trim_end_matches([' ', '-', '(']).to_owned();
                let digits = run.chars().filter(char::is_ascii_digit).count();
                let starts_ok =
                    run.starts_with('+') || run.starts_with('0') || run.starts_with("(0");
                let next_ok = chars
                    .get(i + run.chars().count())
                    .is_none_or(|c| !c.is_alphanumeric());
                if (6..=15).contains(&digits)
                    && (starts_ok || labelled)
                    && next_ok
                    && is_phone(&run)
                {
                    found = Some(run);
                    break;
                }
                i = j.max(i + 1);
            } else {
                i += 1;
            }
        }
        let Some(number) = found else { return };
        let pos = rest.find(&number).unwrap_or(0);
        let before = rest.get(..pos).unwrap_or("");
        let label = [
            "vaihde",
            "växel",
            "switchboard",
            "gsm",
            "mobile",
            "matkapuhelin",
            "fax",
            "faksi",
        ]
        .iter()
        .filter_map(|l| super::find_ci(before, l).map(|at| (at, *l)))
        .max()
        .and_then(|(at, l)| {
            before[at..]
                .char_indices()
                .nth(l.chars().count())
                .map(|(j, _)| before[at..at + j].to_owned())
                .or_else(|| Some(before[at..].to_owned()))
        });
        *rest = rest.replacen(&number, " ", 1);
        if !out.iter().any(|p| p.number == number) {
            out.push(Phone { number, label });
        }
    }
}

/// The schema's own rules, so that what the importer takes for a phone number or an email address
/// is exactly what the draft's validation accepts.
pub use seloste_schema::validate::rules::{is_email, is_phone};

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(str::to_owned).collect()
    }

    #[test]
    fn an_organisation_block() {
        let p = parse(
            &lines(
                "Kaarea Oy (2925981-7)\nPL 180, 20101 Turku\nMuut yhteystiedot: www.kaarea.fi, puh. vaihde  020 764 9850",
            ),
            Kind::Organisation,
        );
        assert_eq!(p.name.as_deref(), Some("Kaarea Oy"));
        assert_eq!(p.business_id.as_deref(), Some("2925981-7"));
        let a = p.postal.unwrap();
        assert_eq!(
            (a.street.as_str(), a.postal_code.as_str(), a.city.as_str()),
            ("PL 180", "20101", "Turku")
        );
        assert_eq!(p.web.as_deref(), Some("https://www.kaarea.fi"));
        assert_eq!(
            p.phones,
            [Phone {
                number: "020 764 9850".into(),
                label: Some("vaihde".into())
            }]
        );
        assert_eq!(p.used, [true, true, true]);
    }

    #[test]
    fn street_on_its_own_line_and_a_country() {
        let p = parse(
            &lines("Carrata / Anders Nylander\nYksityinen elinkeinonharjoittaja\nPaciuksenmäki 8\n02940 Espoo, Finland\nPuhelin:\n+358 40 3012 300"),
            Kind::Organisation,
        );
        let a = p.postal.unwrap();
        assert_eq!(a.street, "Paciuksenmäki 8");
        assert_eq!(a.country.as_deref(), Some("Finland"));
        assert_eq!(
            p.legal_form.as_deref(),
            Some("Yksityinen elinkeinonharjoittaja")
        );
        assert_eq!(p.phones[0].number, "+358 40 3012 300");
        assert!(p.used.iter().all(|u| *u));
    }

    #[test]
    fn a_person_block() {
        let p = parse(
            &lines("Jonny Kaarlenkaski\ntoimitusjohtaja\nCapricode Systems Oy\nKäyntiosoite: Lemminkäisenkatu 48, 20520 Turku\nAnders Nylander 044 2434 591\njonny@example.fi\nCapricode kerää seuraavia tietoja:"),
            Kind::Person,
        );
        assert_eq!(p.person.as_deref(), Some("Jonny Kaarlenkaski"));
        assert_eq!(p.title.as_deref(), Some("toimitusjohtaja"));
        assert_eq!(p.organisation.as_deref(), Some("Capricode Systems Oy"));
        assert_eq!(p.visiting.unwrap().street, "Lemminkäisenkatu 48");
        assert_eq!(p.phones[0].number, "044 2434 591");
        assert_eq!(p.emails, ["jonny@example.fi"]);
        assert_eq!(p.used, [true, true, true, true, false, true, false]);
    }

    #[test]
    fn business_ids_are_checked() {
        assert!(business_id_ok("2925981-7"));
        assert!(!business_id_ok("2925981-8"));
        let p = parse(&lines("Firma Oy, Y-tunnus 1234567-8"), Kind::Organisation);
        assert_eq!(p.business_id, None);
        assert_eq!(p.bad_business_id.as_deref(), Some("1234567-8"));
    }

    #[test]
    fn a_label_left_behind_by_a_value_is_no_part_of_the_name() {
        let p = parse(
            &lines("Kotimaan Kalusto Oy, Y-tunnus 0112038-9"),
            Kind::Organisation,
        );
        assert_eq!(p.name.as_deref(), Some("Kotimaan Kalusto Oy"));
        let p = parse(
            &lines("Skärgårdsbåtar Ab (FO-nummer 1572860-0)"),
            Kind::Organisation,
        );
        assert_eq!(p.name.as_deref(), Some("Skärgårdsbåtar Ab"));
        // Nothing taken from the line: its words stay as they are.
        let p = parse(&lines("Suomen Posti Oy"), Kind::Organisation);
        assert_eq!(p.name.as_deref(), Some("Suomen Posti Oy"));
    }

    #[test]
    fn a_controller_named_in_a_sentence() {
        let p = parse(
            &lines("Personuppgiftsansvarig är Nordljus Ab (FO-nummer 3027456-3), Strandvägen 3, 65100 Vasa. Du når oss på tfn 06 123 4567."),
            Kind::Organisation,
        );
        assert_eq!(p.name.as_deref(), Some("Nordljus Ab"));
        assert_eq!(p.postal.as_ref().unwrap().street, "Strandvägen 3");
        assert_eq!(p.postal.as_ref().unwrap().city, "Vasa");
        assert_eq!(p.phones[0].number, "06 123 4567");
        // The sentence stays in the text.
        assert_eq!(p.used, [false]);
        // A company number is no phone number.
        let p = parse(
            &lines("Northwind Analytics Ltd (company number 09876543), Leeds, is the controller."),
            Kind::Organisation,
        );
        assert_eq!(p.name.as_deref(), Some("Northwind Analytics Ltd"));
        assert!(p.phones.is_empty());
    }

    #[test]
    fn a_person_and_a_title_on_one_line() {
        let p = parse(&lines("Matti Meikäläinen, talouspäällikkö"), Kind::Person);
        assert_eq!(p.person.as_deref(), Some("Matti Meikäläinen"));
        assert_eq!(p.title.as_deref(), Some("talouspäällikkö"));
        let p = parse(
            &lines("Lena Holm, verkställande direktör, lena.holm@x.ax"),
            Kind::Person,
        );
        assert_eq!(p.person.as_deref(), Some("Lena Holm"));
        assert_eq!(p.title.as_deref(), Some("verkställande direktör"));
        assert_eq!(p.emails, ["lena.holm@x.ax"]);
        assert!(!is_company("as long as needed"));
        assert!(is_company("Fjord Data AS"));
    }

    #[test]
    fn a_person_in_brackets_or_in_a_sentence() {
        let p = parse(
            &lines("Jane Doe (Data Protection Manager), jane@x.example"),
            Kind::Person,
        );
        assert_eq!(p.person.as_deref(), Some("Jane Doe"));
        assert_eq!(p.title.as_deref(), Some("Data Protection Manager"));
        assert_eq!(p.used, [true]);
        let p = parse(
            &lines("Yhteyshenkilönä toimii Maija Mallikas, asiakaspalvelupäällikkö, puh. 040 765 4321."),
            Kind::Person,
        );
        assert_eq!(p.person.as_deref(), Some("Maija Mallikas"));
        assert_eq!(p.title.as_deref(), Some("asiakaspalvelupäällikkö"));
        // The sentence stays in the text.
        assert_eq!(p.used, [false]);
        let p = parse(
            &lines("Rekisterinpitäjänä toimii Esimerkki Oy, Katu 1, 00100 Helsinki."),
            Kind::Organisation,
        );
        assert_eq!(p.name.as_deref(), Some("Esimerkki Oy"));
    }

    #[test]
    fn a_british_address_inside_a_sentence() {
        let p = parse(
            &lines("Northwind Analytics Ltd (company number 09876543), 12 Harbour Street, Leeds LS1 4AB, United Kingdom, is the controller."),
            Kind::Organisation,
        );
        let a = p.postal.unwrap();
        assert_eq!(
            (a.street.as_str(), a.city.as_str(), a.postal_code.as_str()),
            ("12 Harbour Street", "Leeds", "LS1 4AB")
        );
        assert_eq!(a.country.as_deref(), Some("United Kingdom"));
        assert!(!is_uk_postcode("ABC", "4AB"));
        assert!(is_uk_postcode("SW1A", "1AA"));
    }

    #[test]
    fn a_label_before_a_value() {
        let p = parse(
            &lines("Nimi: Lahden Liikunta Oy\nY-tunnus: 2345678-0"),
            Kind::Organisation,
        );
        assert_eq!(p.name.as_deref(), Some("Lahden Liikunta Oy"));
        assert_eq!(p.used, [true, true]);
        let p = parse(
            &lines("Nimi: Pekka Puro\nTehtävä: toiminnanjohtaja"),
            Kind::Person,
        );
        assert_eq!(p.person.as_deref(), Some("Pekka Puro"));
        assert_eq!(p.title.as_deref(), Some("toiminnanjohtaja"));
    }
}
