//! Recognising the customary headings of privacy notices in Finnish, Swedish and English — the
//! traditional register description ("rekisteriseloste": Rekisterinpitäjä, Rekisterin nimi,
//! Säännönmukaiset tietolähteet, …) and the GDPR-era layout (oikeusperuste, säilytysaika,
//! rekisteröidyn oikeudet, …) — numbered or not, with variants and typos.
//!
//! A heading is compared as one squeezed lower-case string (spaces and punctuation dropped, so
//! "Rekisterin pitäjä" and "Rekisterinpitäjä" are the same) against word stems; a stem matches
//! exactly or, when long enough, within one or two edits (Levenshtein, `strsim`), which absorbs
//! typos such as "käsitelijä" or "tietuoja".

/// What a section of the source is about. Several keys may fill one part of the notice
/// (`Access` and `Rectification` are rights).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKey {
    Introduction,
    Organisation,
    /// "Käsittelijä": the organisation is a processor.
    Processor,
    Role,
    Representative,
    Contact,
    Dpo,
    Register,
    Purposes,
    Lawfulness,
    LegitimateInterests,
    DataSubjects,
    Sources,
    Recipients,
    Transfers,
    Retention,
    Security,
    Rights,
    Requests,
    Complaint,
    AutomatedDecisions,
    Requirement,
    Changes,
}

impl SectionKey {
    /// The notice's field this section fills, as the draft and the report name it.
    pub fn field(self) -> &'static str {
        use SectionKey::*;
        match self {
            Introduction => "introduction",
            Organisation | Processor => "organisation",
            Role => "role",
            Representative => "representative",
            Contact => "contact",
            Dpo => "dpo",
            Register => "register",
            Purposes => "purposes",
            Lawfulness | LegitimateInterests => "lawfulness",
            DataSubjects => "data_subjects",
            Sources => "sources",
            Recipients => "recipients",
            Transfers => "transfers",
            Retention => "retention",
            Security => "security",
            Rights | Requests => "rights",
            Complaint => "complaint_authorities",
            AutomatedDecisions => "automated_decisions",
            Requirement => "requirement",
            Changes => "changes",
        }
    }
}

/// A recognised heading: the main key and, for a combined heading ("Kenelle luovutamme … ja
/// siirrämme EU:n ulkopuolelle?"), a second key whose paragraphs are routed by their content.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    pub key: SectionKey,
    pub also: Option<SectionKey>,
    /// How much of the heading the matched stems cover (0–1): how sure the match is.
    pub coverage: f32,
}

use SectionKey::*;

/// (key, second key, stems that must all match). Earlier rules win: the specific before the
/// general ("oikeutetut edut" before "rekisterinpitäjä", "käsittelijän roolit" before both).
const RULES: &[(SectionKey, Option<SectionKey>, &[&str])] = &[
    // Combined headings first.
    (Purposes, Some(Lawfulness), &["tarkoitu", "oikeusperust"]),
    (Purposes, Some(Lawfulness), &["oikeusperust", "tarkoitu"]),
    (Purposes, Some(Lawfulness), &["ändamål", "rättsliggrund"]),
    (Purposes, Some(Lawfulness), &["purpose", "legalbas"]),
    (Purposes, Some(Lawfulness), &["purpose", "lawfulbas"]),
    (Purposes, Some(Lawfulness), &["purpose", "basis"]),
    (Purposes, Some(Lawfulness), &["whyweuse", "basis"]),
    (Purposes, Some(Lawfulness), &["howweuse", "basis"]),
    (Purposes, Some(Lawfulness), &["whyweprocess", "basis"]),
    (Purposes, Some(Lawfulness), &["käyttötarkoitu", "peruste"]),
    (Purposes, Some(Lawfulness), &["varför", "grund"]),
    (Purposes, Some(Lawfulness), &["mihin", "peruste"]),
    (Purposes, Some(Lawfulness), &["peruste", "tarkoitu"]),
    (Purposes, Some(Lawfulness), &["tarkoitu", "peruste"]),
    (Recipients, Some(Transfers), &["luovut", "ulkopuol"]),
    (Recipients, Some(Transfers), &["mottagare", "utanför"]),
    (Recipients, Some(Transfers), &["utlämna", "utanför"]),
    (Recipients, Some(Transfers), &["recipient", "outside"]),
    (Recipients, Some(Transfers), &["share", "outside"]),
    (Recipients, Some(Transfers), &["disclos", "transfer"]),
    (Security, Some(Retention), &["suoja", "säilyt"]),
    (Security, Some(Retention), &["skydd", "lagra"]),
    (Security, Some(Retention), &["protect", "howlong"]),
    (Security, Some(Retention), &["protect", "keep"]),
    // One subject each.
    (Complaint, None, &["valitu"]),
    (Complaint, None, &["valvontaviranomai"]),
    (Complaint, None, &["klagomål"]),
    (Complaint, None, &["tillsynsmyndighet"]),
    (Complaint, None, &["complaint"]),
    (Complaint, None, &["supervisoryauthorit"]),
    (AutomatedDecisions, None, &["automaattinen"]),
    (AutomatedDecisions, None, &["automaattise"]),
    (AutomatedDecisions, None, &["profiloin"]),
    (AutomatedDecisions, None, &["automatiser"]),
    (AutomatedDecisions, None, &["profilering"]),
    (AutomatedDecisions, None, &["automated"]),
    (AutomatedDecisions, None, &["profiling"]),
    (LegitimateInterests, None, &["oikeutetut"]),
    (LegitimateInterests, None, &["oikeutettu"]),
    (LegitimateInterests, None, &["berättigade"]),
    (LegitimateInterests, None, &["berättigat"]),
    (LegitimateInterests, None, &["legitimateinterest"]),
    (Role, None, &["roolit"]),
    (Role, None, &["asema"]),
    (Role, None, &["rollfördelning"]),
    (Role, None, &["vårroll"]),
    (Role, None, &["ourrole"]),
    (Role, None, &["roles"]),
    (Dpo, None, &["tietosuojavastaava"]),
    (Dpo, None, &["dataskyddsombud"]),
    (Dpo, None, &["dataprotectionofficer"]),
    (Representative, None, &["edustaja"]),
    (Representative, None, &["företrädare"]),
    (Representative, None, &["representative"]),
    (Purposes, None, &["tarkoitu"]),
    (Purposes, None, &["miksikäsittel"]),
    (Purposes, None, &["ändamål"]),
    (Purposes, None, &["varförbehandla"]),
    (Purposes, None, &["purpose"]),
    (Purposes, None, &["whydoweprocess"]),
    (Purposes, None, &["whyweprocess"]),
    (Purposes, None, &["mihinkäytämme"]),
    (Purposes, None, &["howweuse"]),
    (Purposes, None, &["whyweuse"]),
    (Purposes, None, &["whydoweuse"]),
    (Purposes, None, &["howdoweuse"]),
    (Lawfulness, None, &["oikeusperust"]),
    (Lawfulness, None, &["käsittelynperust"]),
    (Lawfulness, None, &["rättsliggrund"]),
    (Lawfulness, None, &["lagligagrund"]),
    (Lawfulness, None, &["legalbas"]),
    (Lawfulness, None, &["lawfulbas"]),
    (Transfers, None, &["kolmansiinmaihin"]),
    (Transfers, None, &["kolmansiinmaih"]),
    (Transfers, None, &["ulkopuol"]),
    (Transfers, None, &["tredjeland"]),
    (Transfers, None, &["utanföreu"]),
    (Transfers, None, &["utanförees"]),
    (Transfers, None, &["thirdcountr"]),
    (Transfers, None, &["outsidetheeu"]),
    (Transfers, None, &["outsidetheeea"]),
    (Transfers, None, &["internationaltransfer"]),
    (Transfers, None, &["transfer"]),
    (Transfers, None, &["överföring"]),
    (Recipients, None, &["luovutuk"]),
    (Recipients, None, &["luovutam"]),
    (Recipients, None, &["luovutet"]),
    (Recipients, None, &["vastaanottaj"]),
    (Recipients, None, &["kenelle"]),
    (Recipients, None, &["mottagare"]),
    (Recipients, None, &["utlämna"]),
    (Recipients, None, &["lämnasut"]),
    (Recipients, None, &["vemdela"]),
    (Recipients, None, &["recipient"]),
    (Recipients, None, &["disclos"]),
    (Recipients, None, &["whowesharewith"]),
    (Recipients, None, &["sharing"]),
    (Recipients, None, &["lämnarviut"]),
    (Recipients, None, &["vemlämnar"]),
    (Recipients, None, &["share"]),
    (Retention, None, &["säilytysai"]),
    (Retention, None, &["säilytysaj"]),
    (Retention, None, &["säilyttämisai"]),
    (Retention, None, &["säilyttämisaj"]),
    (Retention, None, &["säilytetään"]),
    (Retention, None, &["kauansäilyt"]),
    (Retention, None, &["säilytämme"]),
    (Retention, None, &["lagringstid"]),
    (Retention, None, &["hurlänge"]),
    (Retention, None, &["bevarande"]),
    (Retention, None, &["gallring"]),
    (Retention, None, &["retention"]),
    (Retention, None, &["howlong"]),
    (Retention, None, &["storageperiod"]),
    (Security, None, &["suojau"]),
    (Security, None, &["suojaamme"]),
    (Security, None, &["tietoturva"]),
    (Security, None, &["skydd"]),
    (Security, None, &["säkerhet"]),
    (Security, None, &["security"]),
    (Security, None, &["protect"]),
    (Requests, None, &["kehenvoitolla"]),
    (Requests, None, &["yhteydenot"]),
    (Requests, None, &["vemkandukontakta"]),
    (Requests, None, &["kontaktaoss"]),
    (Requests, None, &["contactus"]),
    (Requests, None, &["howtocontact"]),
    (Requests, None, &["exercis"]),
    (Rights, None, &["oikeudet"]),
    (Rights, None, &["oikeutesi"]),
    (Rights, None, &["oikeuksi"]),
    (Rights, None, &["tarkastusoike"]),
    (Rights, None, &["tarkastaa"]),
    (Rights, None, &["oikeus", "korja"]),
    (Rights, None, &["oikeus", "poist"]),
    (Rights, None, &["oikeus", "vastust"]),
    (Rights, None, &["kielto"]),
    (Rights, None, &["rättigheter"]),
    (Rights, None, &["registerutdrag"]),
    (Rights, None, &["rätttill"]),
    (Rights, None, &["rättatt"]),
    (Rights, None, &["rights"]),
    (Rights, None, &["rightto"]),
    (Rights, None, &["rightof"]),
    (Contact, None, &["yhteyshenkilö"]),
    (Contact, None, &["rekisteriasio"]),
    (Contact, None, &["vastaavahenkilö"]),
    (Contact, None, &["kontaktperson"]),
    (Contact, None, &["registerärende"]),
    (Contact, None, &["contactperson"]),
    (Contact, None, &["contactdetails"]),
    (Processor, None, &["käsittelijä"]),
    (Processor, None, &["personuppgiftsbiträde"]),
    (Processor, None, &["dataprocessor"]),
    (Organisation, None, &["rekisterinpitäjä"]),
    (Organisation, None, &["rekisterinylläpitäjä"]),
    (Organisation, None, &["personuppgiftsansvarig"]),
    (Organisation, None, &["registeransvarig"]),
    (Organisation, None, &["registerhållare"]),
    (Organisation, None, &["controller"]),
    (Organisation, None, &["whoweare"]),
    (Organisation, None, &["whoisresponsible"]),
    (Contact, None, &["yhteystiedot"]),
    (Contact, None, &["kontaktuppgift"]),
    (Register, None, &["rekisterinnimi"]),
    (Register, None, &["registretsnamn"]),
    (Register, None, &["registernamn"]),
    (Register, None, &["nameoftheregister"]),
    (Register, None, &["nameofregister"]),
    (Register, None, &["registername"]),
    (Register, None, &["nameofthefilingsystem"]),
    (DataSubjects, None, &["tietosisältö"]),
    (DataSubjects, None, &["mitätietoja"]),
    (DataSubjects, None, &["rekisterinsisältämät"]),
    (DataSubjects, None, &["rekisteröidytjakäsiteltävät"]),
    (DataSubjects, None, &["rekisteröityjenryhm"]),
    (DataSubjects, None, &["henkilötietoryhm"]),
    (DataSubjects, None, &["käsiteltävät"]),
    (DataSubjects, None, &["käsittelemme"]),
    (DataSubjects, None, &["uppgifteriregistr"]),
    (DataSubjects, None, &["registretsinnehåll"]),
    (DataSubjects, None, &["vilkapersonuppgifter"]),
    (DataSubjects, None, &["vilkauppgifter"]),
    (DataSubjects, None, &["personuppgifterbehandla"]),
    (DataSubjects, None, &["uppgiftersombehandla"]),
    (DataSubjects, None, &["kategorierav"]),
    (DataSubjects, None, &["whatdata"]),
    (DataSubjects, None, &["whatwecollect"]),
    (DataSubjects, None, &["whatpersonal"]),
    (DataSubjects, None, &["categoriesof"]),
    (DataSubjects, None, &["datawecollect"]),
    (DataSubjects, None, &["datawe"]),
    (DataSubjects, None, &["informationwecollect"]),
    (DataSubjects, None, &["personaldataprocessed"]),
    (DataSubjects, None, &["datasubjects"]),
    (Sources, None, &["tietolähte"]),
    (Sources, None, &["mistäsaamme"]),
    (Sources, None, &["mistätiedot"]),
    (Sources, None, &["comesfrom"]),
    (Sources, None, &["wherethedata"]),
    (Sources, None, &["lähteet"]),
    (Sources, None, &["uppgiftskäll"]),
    (Sources, None, &["källor"]),
    (Sources, None, &["varifrån"]),
    (Sources, None, &["source"]),
    (Sources, None, &["wheredoweget"]),
    (Sources, None, &["whereweget"]),
    (Sources, None, &["wherewereceive"]),
    (Sources, None, &["wherewegetdata"]),
    (Requirement, None, &["pakollisuus"]),
    (Requirement, None, &["pakollista"]),
    (Requirement, None, &["antamisenvaatimu"]),
    (Requirement, None, &["skyldighetattlämna"]),
    (Requirement, None, &["kravpåattlämna"]),
    (Requirement, None, &["måstedulämna"]),
    (Requirement, None, &["obligedtoprovide"]),
    (Requirement, None, &["mustyouprovide"]),
    (Requirement, None, &["whetheryoumust"]),
    (Requirement, None, &["requirementtoprovide"]),
    (Changes, None, &["muutok"]),
    (Changes, None, &["päivitykset"]),
    (Changes, None, &["ändring"]),
    (Changes, None, &["changes"]),
    (Changes, None, &["updatestothis"]),
    (Introduction, None, &["yleistä"]),
    (Introduction, None, &["johdanto"]),
    (Introduction, None, &["allmänt"]),
    (Introduction, None, &["introduction"]),
    // Last: a heading naming only the data ("Personal data") is about the data processed;
    // "Sources of personal data" and the like matched their own rule above.
    (DataSubjects, None, &["personaldata"]),
];

/// The heading as one lower-case string of letters and digits: "Rekisterin pitäjä:" →
/// "rekisterinpitäjä".
pub fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Splits off a leading section number: "1.", "1)", "4.0", "12", "A.", "II." → ("4.0", rest).
pub fn strip_number(line: &str) -> (Option<String>, &str) {
    let t = line.trim_start();
    let end = t
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ')'))
        .map(|(i, _)| i)
        .unwrap_or(t.len());
    let num = &t[..end];
    if end > 0 && num.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let rest = &t[end..];
        if rest.starts_with(' ') || rest.is_empty() {
            let n = num.trim_end_matches(['.', ')']);
            return (Some(n.to_owned()), rest.trim_start());
        }
    }
    // "A. Manuaalinen aineisto", "IV. Oikeudet"
    let mut parts = t.splitn(2, ' ');
    let first = parts.next().unwrap_or("");
    if let Some(rest) = parts.next() {
        let body = first.trim_end_matches(['.', ')']);
        let roman = !body.is_empty() && body.chars().all(|c| "IVX".contains(c)) && body.len() <= 4;
        let letter = body.len() == 1 && body.chars().all(|c| c.is_ascii_uppercase());
        if (roman || letter) && first.len() > body.len() {
            return (Some(body.to_owned()), rest.trim_start());
        }
    }
    (None, t)
}

/// The key of a heading text (already without its number), if it is a customary one.
pub fn recognise(text: &str) -> Option<Match> {
    let s = squeeze(text);
    // A heading is short; a long "heading" (a paragraph marked up as one) is not compared, which
    // also keeps the fuzzy search's cost bounded on hostile input.
    if s.is_empty() || s.chars().count() > 160 {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    for (key, also, stems) in RULES {
        let mut covered = 0;
        let mut all = true;
        for stem in *stems {
            match find(&chars, stem) {
                Some(len) => covered += len,
                None => {
                    all = false;
                    break;
                }
            }
        }
        if all {
            return Some(Match {
                key: *key,
                also: *also,
                coverage: (covered as f32 / chars.len() as f32).min(1.0),
            });
        }
    }
    None
}

/// Whether `stem` occurs in `hay`, exactly or — for stems of 8 characters or more — within one
/// edit (two from 14), and the matched length.
fn find(hay: &[char], stem: &str) -> Option<usize> {
    let s: String = hay.iter().collect();
    let n = stem.chars().count();
    if s.contains(stem) {
        return Some(n);
    }
    let k = match n {
        0..=7 => return None,
        8..=13 => 1,
        _ => 2,
    };
    for start in 0..hay.len() {
        for len in n.saturating_sub(k)..=n + k {
            if start + len > hay.len() {
                break;
            }
            let window: String = hay[start..start + len].iter().collect();
            if strsim::levenshtein(&window, stem) <= k {
                return Some(n);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Option<SectionKey> {
        recognise(strip_number(s).1).map(|m| m.key)
    }

    #[test]
    fn traditional_finnish_headings() {
        assert_eq!(key("1. Rekisterinpitäjä"), Some(Organisation));
        assert_eq!(key("Rekisterin pitäjä"), Some(Organisation));
        assert_eq!(key("2. Rekisteriasioista vastaava henkilö"), Some(Contact));
        assert_eq!(key("3. Rekisterin nimi"), Some(Register));
        assert_eq!(
            key("4. Henkilötietojen käsittelyn tarkoitus"),
            Some(Purposes)
        );
        assert_eq!(key("5. Rekisterin tietosisältö"), Some(DataSubjects));
        assert_eq!(key("6. Säännönmukaiset tietolähteet"), Some(Sources));
        assert_eq!(
            key("7. Tietojen säännönmukaiset luovutukset"),
            Some(Recipients)
        );
        assert_eq!(
            key("8. Tietojen siirto EU:n tai ETA:n ulkopuolelle"),
            Some(Transfers)
        );
        assert_eq!(key("9. Rekisterin suojauksen periaatteet"), Some(Security));
        assert_eq!(key("10. Tarkastusoikeus"), Some(Rights));
        assert_eq!(key("11. Oikeus vaatia tiedon korjaamista"), Some(Rights));
    }

    #[test]
    fn gdpr_era_headings_and_their_combinations() {
        assert_eq!(key("Käsittelyn oikeusperuste"), Some(Lawfulness));
        assert_eq!(key("Henkilötietojen säilytysaika"), Some(Retention));
        assert_eq!(
            key("Oikeus tehdä valitus valvontaviranomaiselle"),
            Some(Complaint)
        );
        assert_eq!(key("Automaattinen päätöksenteko"), Some(AutomatedDecisions));
        assert_eq!(
            key("Rekisterinpitäjän tai kolmannen osapuolen oikeutetut edut"),
            Some(LegitimateInterests)
        );
        let m = recognise("Henkilötietojen käsittelyn tarkoitukset ja oikeusperuste").unwrap();
        assert_eq!((m.key, m.also), (Purposes, Some(Lawfulness)));
    }

    #[test]
    fn swedish_and_english_headings() {
        assert_eq!(key("Personuppgiftsansvarig"), Some(Organisation));
        assert_eq!(key("Kontaktperson i registerärenden"), Some(Contact));
        assert_eq!(key("Registrets namn"), Some(Register));
        assert_eq!(key("Ändamål med behandlingen"), Some(Purposes));
        assert_eq!(key("Uppgiftskällor"), Some(Sources));
        assert_eq!(key("Mottagare"), Some(Recipients));
        assert_eq!(key("Överföring utanför EU/EES"), Some(Transfers));
        assert_eq!(key("Lagringstid"), Some(Retention));
        assert_eq!(key("Den registrerades rättigheter"), Some(Rights));
        assert_eq!(key("3. Data controller"), Some(Organisation));
        assert_eq!(key("How long do we keep your data?"), Some(Retention));
        assert_eq!(key("Your rights"), Some(Rights));
        assert_eq!(key("Who do we share your data with?"), Some(Recipients));
        assert_eq!(key("How do we use your personal data?"), Some(Purposes));
        assert_eq!(key("Vem lämnar vi ut uppgifter till?"), Some(Recipients));
        assert_eq!(key("Miten voit käyttää oikeuksiasi?"), Some(Rights));
        assert_eq!(key("Rekisterinpitäjän yhteystiedot"), Some(Organisation));
        assert_eq!(key("Yhteystiedot"), Some(Contact));
    }

    #[test]
    fn typos_are_forgiven_but_unrelated_lines_are_not_headings() {
        assert_eq!(key("Rekisterinpitäjän yhteyshenklö"), Some(Contact));
        assert_eq!(key("Säilytysaika"), Some(Retention));
        assert_eq!(key("Rekisterin suojauksen perjaatteet"), Some(Security));
        assert_eq!(key("Säännönmukaset tietolähteet"), Some(Sources));
        assert_eq!(key("Kaarea"), None);
        assert_eq!(key("Riikka Samuli"), None);
    }

    #[test]
    fn numbers_are_split_off() {
        assert_eq!(
            strip_number("4.0 Tarkoitus"),
            (Some("4.0".into()), "Tarkoitus")
        );
        assert_eq!(strip_number("12) Muut"), (Some("12".into()), "Muut"));
        assert_eq!(
            strip_number("B. Sähköiset"),
            (Some("B".into()), "Sähköiset")
        );
        assert_eq!(strip_number("Kaarea Oy"), (None, "Kaarea Oy"));
    }
}
