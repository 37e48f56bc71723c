//! The sections of a rendered notice, in the fixed order readers meet them, with the headings
//! Finnish, Swedish and English notices customarily use. One list for every renderer and for the
//! diff, so a change is reported under the same heading the reader sees on the page.

use crate::date::primary_subtag;

/// A section of a rendered notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectionId {
    General,
    Organisation,
    Role,
    Representative,
    Contact,
    Dpo,
    Register,
    Purposes,
    Lawfulness,
    DataSubjects,
    Sources,
    Recipients,
    Transfers,
    Retention,
    Security,
    Rights,
    ComplaintAuthority,
    AutomatedDecisions,
    Profiling,
    Requirement,
    Changes,
    Other,
}

impl SectionId {
    /// Every section in reading order.
    pub const ORDER: [SectionId; 22] = [
        SectionId::General,
        SectionId::Organisation,
        SectionId::Role,
        SectionId::Representative,
        SectionId::Contact,
        SectionId::Dpo,
        SectionId::Register,
        SectionId::Purposes,
        SectionId::Lawfulness,
        SectionId::DataSubjects,
        SectionId::Sources,
        SectionId::Recipients,
        SectionId::Transfers,
        SectionId::Retention,
        SectionId::Security,
        SectionId::Rights,
        SectionId::ComplaintAuthority,
        SectionId::AutomatedDecisions,
        SectionId::Profiling,
        SectionId::Requirement,
        SectionId::Changes,
        SectionId::Other,
    ];

    /// A stable identifier, usable as an HTML fragment (`#recipients`).
    pub fn anchor(self) -> &'static str {
        match self {
            SectionId::General => "general",
            SectionId::Organisation => "controller",
            SectionId::Role => "role",
            SectionId::Representative => "representative",
            SectionId::Contact => "contact",
            SectionId::Dpo => "dpo",
            SectionId::Register => "register",
            SectionId::Purposes => "purposes",
            SectionId::Lawfulness => "legal-basis",
            SectionId::DataSubjects => "data",
            SectionId::Sources => "sources",
            SectionId::Recipients => "recipients",
            SectionId::Transfers => "transfers",
            SectionId::Retention => "retention",
            SectionId::Security => "security",
            SectionId::Rights => "rights",
            SectionId::ComplaintAuthority => "complaint",
            SectionId::AutomatedDecisions => "automated-decisions",
            SectionId::Profiling => "profiling",
            SectionId::Requirement => "requirement",
            SectionId::Changes => "changes",
            SectionId::Other => "other",
        }
    }

    /// The customary heading in `lang` (Finnish, Swedish, else English).
    pub fn heading(self, lang: &str) -> &'static str {
        use SectionId::*;
        let [fi, sv, en] = match self {
            General => ["Yleistä", "Allmänt", "General"],
            Organisation => ["Rekisterinpitäjä", "Personuppgiftsansvarig", "Controller"],
            Role => [
                "Rekisterinpitäjän ja käsittelijän roolit",
                "Roller",
                "Roles in processing",
            ],
            Representative => ["Edustaja", "Företrädare", "Representative"],
            Contact => [
                "Yhteyshenkilö rekisteriä koskevissa asioissa",
                "Kontaktperson i ärenden som gäller registret",
                "Contact person for matters concerning the register",
            ],
            Dpo => [
                "Tietosuojavastaava",
                "Dataskyddsombud",
                "Data protection officer",
            ],
            Register => ["Rekisterin nimi", "Registrets namn", "Name of the register"],
            Purposes => [
                "Henkilötietojen käsittelyn tarkoitukset",
                "Ändamålen med behandlingen av personuppgifter",
                "Purposes of processing",
            ],
            Lawfulness => [
                "Käsittelyn oikeusperuste",
                "Rättslig grund för behandlingen",
                "Legal basis for processing",
            ],
            DataSubjects => [
                "Rekisteröidyt ja käsiteltävät henkilötiedot",
                "Registrerade och personuppgifter som behandlas",
                "Data subjects and personal data processed",
            ],
            Sources => [
                "Säännönmukaiset tietolähteet",
                "Regelbundna uppgiftskällor",
                "Sources of personal data",
            ],
            Recipients => [
                "Tietojen vastaanottajat ja säännönmukaiset luovutukset",
                "Mottagare och regelbundna utlämnanden",
                "Recipients of personal data",
            ],
            Transfers => [
                "Tietojen siirto EU:n tai ETA:n ulkopuolelle",
                "Överföring till länder utanför EU eller EES",
                "Transfers outside the EU or EEA",
            ],
            Retention => [
                "Henkilötietojen säilytysaika",
                "Lagringstid",
                "How long personal data is kept",
            ],
            Security => [
                "Rekisterin suojauksen periaatteet",
                "Principer för skydd av registret",
                "How personal data is protected",
            ],
            Rights => [
                "Rekisteröidyn oikeudet",
                "Den registrerades rättigheter",
                "Your rights",
            ],
            ComplaintAuthority => [
                "Oikeus tehdä valitus valvontaviranomaiselle",
                "Rätt att lämna klagomål till tillsynsmyndigheten",
                "Right to lodge a complaint",
            ],
            AutomatedDecisions => [
                "Automaattinen päätöksenteko ja profilointi",
                "Automatiserat beslutsfattande och profilering",
                "Automated decision-making and profiling",
            ],
            Profiling => ["Profilointi", "Profilering", "Profiling"],
            Requirement => [
                "Henkilötietojen antamisen vaatimus",
                "Krav på att lämna personuppgifter",
                "Whether you must give your personal data",
            ],
            Changes => [
                "Tietosuojaselosteen muutokset",
                "Ändringar i dataskyddsbeskrivningen",
                "Changes to this notice",
            ],
            Other => ["Muut tiedot", "Övrig information", "Other information"],
        };
        match primary_subtag(lang) {
            "fi" => fi,
            "sv" => sv,
            _ => en,
        }
    }

    /// The heading of [`SectionId::Organisation`] depends on the organisation's role: a processor's
    /// notice names it "Käsittelijä" (processor), not "Rekisterinpitäjä".
    pub fn processor_heading(lang: &str) -> &'static str {
        match primary_subtag(lang) {
            "fi" => "Henkilötietojen käsittelijä",
            "sv" => "Personuppgiftsbiträde",
            _ => "Processor",
        }
    }
}
