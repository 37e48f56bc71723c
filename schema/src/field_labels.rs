//! The words of the notice editor's form: a label in Finnish, Swedish and English for every field
//! of the notice file (by its JSON property name, and where one name means different things, the
//! `$defs` type it belongs to), for the closed sets' values (from [`crate::vocab`]'s own labels) and
//! for the form's few controls (add, remove, move).
//!
//! The editor builds its form from `notice.schema.json`, so a field added to the schema gets a
//! control without hand-work; this table is what it still needs, and `tests/field_labels.rs` walks
//! the schema and fails when a property has no label here, so no field reaches authors unlabeled.

use crate::date::primary_subtag;
use crate::headings::SectionId;
use crate::messages::Message;
use crate::party::Jurisdiction;
use crate::sections::Headings;
use crate::vocab::{
    LegalBasis, RecipientRole, RequirementKind, Right, RoleKind, Safeguard,
    SpecialCategoryCondition,
};

/// `[fi, sv, en]`.
pub type Words = [&'static str; 3];

/// Picks the word of `lang` (Finnish, Swedish, else English) from `[fi, sv, en]`.
pub fn pick(words: Words, lang: &str) -> &'static str {
    match primary_subtag(lang) {
        "fi" => words[0],
        "sv" => words[1],
        _ => words[2],
    }
}

/// The label of the property `name` of `parent` (a `$defs` name of the JSON Schema, `Notice` for
/// the notice itself) in fi/sv/en; `None` for a property this table does not know.
pub fn field_label(parent: &str, name: &str) -> Option<Words> {
    // The notice's own headings are keyed by the section's field name: label them by the
    // section's heading.
    if parent == "Headings" {
        let (_, section) = Headings::KEYS.iter().find(|(k, _)| *k == name)?;
        return Some(section_words(*section));
    }
    if let Some(words) = specific(parent, name) {
        return Some(words);
    }
    if parent == "Notice" {
        if let Some(section) = notice_section(name) {
            return Some(section_words(section));
        }
    }
    general(name)
}

/// [`field_label`] in `lang`.
pub fn label(parent: &str, name: &str, lang: &str) -> Option<&'static str> {
    field_label(parent, name).map(|w| pick(w, lang))
}

fn section_words(s: SectionId) -> Words {
    [s.heading("fi"), s.heading("sv"), s.heading("en")]
}

fn m(message: Message) -> Words {
    message.translations()
}

/// The notice's top-level fields that hold a whole section, labelled by its heading.
fn notice_section(name: &str) -> Option<SectionId> {
    match name {
        "dpo_not_appointed" => None,
        "complaint_authority" => Some(SectionId::ComplaintAuthority),
        "other_sections" => Some(SectionId::Other),
        _ => Headings::KEYS
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, s)| *s),
    }
}

/// Names that mean something else under one parent than elsewhere.
fn specific(parent: &str, name: &str) -> Option<Words> {
    Some(match (parent, name) {
        ("Notice", "title") => m(Message::Title),
        ("Notice", "organisation") => m(Message::Organisation),
        ("Notice", "role") => m(Message::Role),
        ("Contact", "title") => ["Tehtävänimike", "Titel", "Title or role"],
        ("Contact", "organisation") => m(Message::Organisation),
        ("SubjectGroup", "data") => ["Henkilötiedot", "Personuppgifter", "Personal data"],
        ("RetentionRule", "data") => [
            "Tiedot, joita sääntö koskee",
            "Uppgifter som regeln gäller",
            "Data the rule covers",
        ],
        ("Transfer", "country") => ["Kohdemaa", "Mottagarland", "Destination country"],
        ("DataCategory", "items") => ["Tietosisältö", "Uppgifter", "Data items"],
        ("Recipients", "items") => ["Vastaanottajat", "Mottagare", "Recipients"],
        ("Sources", "items") => ["Tietolähteet", "Uppgiftskällor", "Sources"],
        ("Transfers", "items") => ["Siirrot", "Överföringar", "Transfers"],
        ("Phone", "number") => ["Puhelinnumero", "Telefonnummer", "Phone number"],
        ("Phone", "label") => [
            "Selite (esim. vaihde)",
            "Beskrivning (t.ex. växel)",
            "Label (e.g. switchboard)",
        ],
        ("Link", "label") => ["Linkin teksti", "Länktext", "Link text"],
        ("Rights", "rights") => ["Oikeudet", "Rättigheter", "Rights"],
        ("Recipient", "role") => m(Message::Role),
        ("AutomatedDecisions", "exists") => [
            "Automaattisia päätöksiä tehdään",
            "Automatiserade beslut fattas",
            "Automated decisions are made",
        ],
        ("Profiling", "exists") => [
            "Profilointia tehdään",
            "Profilering förekommer",
            "Profiling takes place",
        ],
        _ => return None,
    })
}

/// Names that mean the same wherever they appear.
fn general(name: &str) -> Option<Words> {
    Some(match name {
        "$schema" => ["JSON Schema", "JSON Schema", "JSON Schema"],
        "format" => [
            "Tiedostomuodon versio",
            "Filformatets version",
            "File format version",
        ],
        "id" => ["Tunniste", "Identifierare", "Identifier"],
        "languages" => m(Message::Languages),
        "updated" => m(Message::Updated),
        "effective" => m(Message::InEffectFrom),
        "headings" => [
            "Selosteen omat otsikot",
            "Beskrivningens egna rubriker",
            "The notice's own headings",
        ],
        "introduction" => ["Johdanto", "Inledning", "Introduction"],
        "dpo_not_appointed" => m(Message::DpoNotAppointed),
        "name" => m(Message::Name),
        "business_id" => m(Message::BusinessId),
        "legal_form" => m(Message::LegalForm),
        "referred_to_as" => m(Message::ReferredToAs),
        "postal_address" => m(Message::PostalAddress),
        "visiting_address" => m(Message::VisitingAddress),
        "phones" => ["Puhelinnumerot", "Telefonnummer", "Phone numbers"],
        "emails" => ["Sähköpostiosoitteet", "E-postadresser", "Email addresses"],
        "web" => m(Message::Web),
        "street" => ["Katuosoite", "Gatuadress", "Street address"],
        "postal_code" => ["Postinumero", "Postnummer", "Postal code"],
        "city" => ["Postitoimipaikka", "Postort", "City"],
        "region" => m(Message::Region),
        "country" => m(Message::Country),
        "acts_as" => m(Message::Role),
        "on_behalf_of" => m(Message::OnBehalfOf),
        "explanation" => ["Selitys", "Förklaring", "Explanation"],
        "jurisdiction" => m(Message::Jurisdiction),
        "notes" => m(Message::Notes),
        "reason" => m(Message::Reason),
        "description" => m(Message::Description),
        "details" => m(Message::Details),
        "legal_bases" => ["Oikeusperusteet", "Rättsliga grunder", "Legal bases"],
        "legitimate_interest" => m(Message::LegitimateInterest),
        "legitimate_interests" => m(Message::LegitimateInterests),
        "special_category_condition" => m(Message::SpecialCategoryCondition),
        "special_category_conditions" => m(Message::SpecialCategoryConditions),
        "law" => m(Message::Law),
        "special_category" => [
            "Erityinen henkilötietoryhmä",
            "Särskild kategori av personuppgifter",
            "Special category of personal data",
        ],
        "required" => ["Pakollinen", "Obligatorisk", "Required"],
        "publicly_accessible" => ["Julkinen lähde", "Offentlig källa", "Publicly accessible"],
        "supplies" => m(Message::Supplies),
        "location" => m(Message::Location),
        "purpose" => m(Message::Purpose),
        "recipient" => m(Message::Recipient),
        "safeguard" => m(Message::Safeguard),
        "safeguards" => m(Message::Safeguards),
        "outside_eea" => m(Message::TransfersOutsideEea),
        "rules" => ["Säilytyssäännöt", "Lagringsregler", "Retention rules"],
        "period" => m(Message::RetentionPeriod),
        "min_duration" => ["Vähimmäisaika", "Minsta tid", "Shortest period"],
        "max_duration" => ["Enimmäisaika", "Längsta tid", "Longest period"],
        "general" => ["Yleistä", "Allmänt", "General"],
        "technical" => m(Message::TechnicalSecurity),
        "organisational" => m(Message::OrganisationalSecurity),
        "paper_records" => m(Message::PaperRecords),
        "how_to_exercise" => m(Message::HowToExercise),
        "kind" => m(Message::Requirement),
        "consequences" => [
            "Seuraukset, jos tietoja ei anneta",
            "Följder om uppgifterna inte lämnas",
            "Consequences of not giving the data",
        ],
        "advance_notice_days" => m(Message::AdvanceNoticeDays),
        "how_notified" => m(Message::HowNotified),
        "heading" => m(Message::Heading),
        "body" => m(Message::Text),
        "number" => m(Message::Number),
        "text" => m(Message::Text),
        "href" => [
            "Osoite (https:, mailto: tai tel:)",
            "Adress (https:, mailto: eller tel:)",
            "Address (https:, mailto: or tel:)",
        ],
        "label" => ["Selite", "Beskrivning", "Label"],
        "paragraph" => ["Kappale", "Stycke", "Paragraph"],
        "list" => ["Luettelo", "Lista", "List"],
        "links" => ["Linkit", "Länkar", "Links"],
        "data" => m(Message::Data),
        "items" => ["Kohdat", "Poster", "Items"],
        "rights" => ["Oikeudet", "Rättigheter", "Rights"],
        "role" => m(Message::Role),
        _ => return None,
    })
}

/// The label of a `$defs` type where the form names the type itself: a shape a value may take
/// (a data item is either a text or a name with `required`).
pub fn type_label(def: &str) -> Option<Words> {
    Some(match def {
        "Text" => m(Message::Text),
        "Address" => m(Message::PostalAddress),
        _ => return None,
    })
}

/// One value of a closed set: its label and, where it has one, its GDPR article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub label: &'static str,
    pub article: Option<&'static str>,
}

/// The label (in `lang`) and article of `value` of the closed set `def` (a `$defs` name such as
/// `LegalBasis`), from the vocabulary's own labels; `None` for an unknown set or value.
pub fn term(def: &str, value: &str, lang: &str) -> Option<Term> {
    macro_rules! find {
        ($t:ty) => {
            <$t>::ALL.iter().find(|v| v.id() == value).map(|v| Term {
                label: v.label(lang),
                article: Some(v.article()),
            })
        };
    }
    match def {
        "LegalBasis" => find!(LegalBasis),
        "SpecialCategoryCondition" => find!(SpecialCategoryCondition),
        "Right" => find!(Right),
        "Safeguard" => find!(Safeguard),
        "RecipientRole" => find!(RecipientRole),
        "RoleKind" => find!(RoleKind),
        "RequirementKind" => find!(RequirementKind),
        "Jurisdiction" => find!(Jurisdiction),
        _ => None,
    }
}

crate::catalogue::catalogue! {
    /// The form's own words: its controls and marks.
    FormWord {
        Add => ["Lisää", "Lägg till", "Add"],
        Remove => ["Poista", "Ta bort", "Remove"],
        MoveUp => ["Siirrä ylös", "Flytta upp", "Move up"],
        MoveDown => ["Siirrä alas", "Flytta ned", "Move down"],
        /// Marks a translation the notice lacks.
        MissingTranslation => ["käännös puuttuu", "översättning saknas", "translation missing"],
        /// Marks a translation in a language the notice does not have.
        NotANoticeLanguage => [
            "ei selosteen kieli",
            "inte ett av beskrivningens språk",
            "not a language of the notice",
        ],
        /// The control that picks the shape of a value that may take several.
        Shape => ["Muoto", "Form", "Form"],
        /// The unit of a duration.
        Unit => ["Yksikkö", "Enhet", "Unit"],
        /// Marks a value the form's controls cannot express, kept as it is.
        KeptAsWritten => ["säilytetty sellaisenaan", "bevarat som det är skrivet", "kept as written"],
        /// A field the schema does not know (the draft is not a valid notice).
        UnknownField => ["Tuntematon kenttä", "Okänt fält", "Unknown field"],
        Error => ["Virhe", "Fel", "Error"],
        Finding => ["Puute", "Brist", "Finding"],
        /// Before a GDPR article: "Art." (`art.`, `artikla`).
        Article => ["Art.", "Art.", "Art."],
        /// The empty choice of a select.
        NoneChosen => ["(ei valittu)", "(inget valt)", "(none chosen)"],
        /// Says what the asterisk after a label means (a value the notice cannot be without).
        RequiredNote => [
            "Tähdellä (*) merkityt kohdat ovat pakollisia.",
            "Fält som är märkta med en asterisk (*) är obligatoriska.",
            "Fields marked with an asterisk (*) are required.",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_differ_by_parent_are_told_apart() {
        assert_eq!(label("Notice", "title", "en"), Some("Title"));
        assert_eq!(label("Contact", "title", "en"), Some("Title or role"));
        assert_ne!(
            label("SubjectGroup", "data", "fi"),
            label("RetentionRule", "data", "fi")
        );
        assert_eq!(
            label("Headings", "purposes", "sv"),
            label("Notice", "purposes", "sv")
        );
        assert_eq!(label("Notice", "nonexistent", "fi"), None);
    }

    #[test]
    fn terms_come_from_the_vocabulary() {
        let t = term("LegalBasis", "contract", "fi").unwrap();
        assert_eq!(t.label, "Sopimus");
        assert_eq!(t.article, Some("6(1)(b)"));
        assert!(term("LegalBasis", "friendship", "fi").is_none());
        assert!(term("Jurisdiction", "uk_art27", "sv").is_some());
    }

    #[test]
    fn form_words_have_three_languages() {
        for w in FormWord::ALL {
            for word in w.translations() {
                assert!(!word.trim().is_empty(), "{w:?}");
            }
        }
    }
}
