//! The widget's own words (labels, buttons, messages) in Finnish, Swedish and English.
//!
//! Section headings and vocabulary labels belong to the notice's meaning and live in
//! `seloste-schema`; only the words of the user interface around them are kept here. Any other
//! language falls back to English, like the schema's labels do.

use seloste_schema::date::primary_subtag;

/// One word or phrase of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    Updated,
    Version,
    Published,
    Effective,
    ChangeLog,
    NewerVersions,
    OlderVersions,
    BackToNotice,
    Language,
    LegalBasis,
    LegitimateInterest,
    LegitimateInterests,
    SpecialCategoryConditions,
    SpecialCategory,
    PubliclyAccessible,
    Role,
    OnBehalfOf,
    Purpose,
    Location,
    Web,
    BusinessId,
    LegalForm,
    ReferredToAs,
    PostalAddress,
    VisitingAddress,
    Phone,
    Email,
    NoTransfers,
    TransfersOutside,
    Country,
    Safeguard,
    Data,
    AllData,
    AtLeast,
    AtMost,
    TechnicalSecurity,
    OrganisationalSecurity,
    PaperRecords,
    HowToExercise,
    AutomatedNone,
    AutomatedExists,
    FirstVersion,
    ShowChanges,
    ShowVersion,
    DiffPage,
    Before,
    After,
    ChangesBetween,
    Loading,
    Unavailable,
    ReadAt,
}

/// `word` in `lang` (Finnish, Swedish, else English).
pub fn t(word: Word, lang: &str) -> &'static str {
    use Word::*;
    let [fi, sv, en] = match word {
        Updated => ["Päivitetty", "Uppdaterad", "Updated"],
        Version => ["Versio", "Version", "Version"],
        Published => ["julkaistu", "publicerad", "published"],
        Effective => ["voimassa alkaen", "gäller från", "in effect from"],
        ChangeLog => ["Muutoshistoria", "Ändringshistorik", "Change log"],
        NewerVersions => ["Uudemmat versiot", "Nyare versioner", "Newer versions"],
        OlderVersions => ["Vanhemmat versiot", "Äldre versioner", "Older versions"],
        BackToNotice => [
            "Tietosuojaseloste",
            "Dataskyddsbeskrivning",
            "Privacy notice",
        ],
        Language => ["Kieli", "Språk", "Language"],
        LegalBasis => ["Oikeusperuste", "Rättslig grund", "Legal basis"],
        LegitimateInterest => [
            "Oikeutettu etu",
            "Berättigat intresse",
            "Legitimate interest",
        ],
        LegitimateInterests => [
            "Oikeutetut edut",
            "Berättigade intressen",
            "Legitimate interests",
        ],
        SpecialCategoryConditions => [
            "Erityisiin henkilötietoryhmiin kuuluvien tietojen käsittelyperuste",
            "Grund för behandling av särskilda kategorier av personuppgifter",
            "Basis for processing special categories of personal data",
        ],
        SpecialCategory => [
            "erityinen henkilötietoryhmä",
            "särskild kategori av personuppgifter",
            "special category of personal data",
        ],
        PubliclyAccessible => ["julkinen lähde", "offentlig källa", "publicly accessible"],
        Role => ["Rooli", "Roll", "Role"],
        OnBehalfOf => ["Kenen lukuun", "För vems räkning", "On behalf of"],
        Purpose => ["Tarkoitus", "Ändamål", "Purpose"],
        Location => ["Sijainti", "Plats", "Location"],
        Web => ["Verkkosivu", "Webbplats", "Website"],
        BusinessId => ["Y-tunnus", "FO-nummer", "Business ID"],
        LegalForm => ["Yritysmuoto", "Bolagsform", "Legal form"],
        ReferredToAs => ["Jäljempänä", "Nedan", "Referred to as"],
        PostalAddress => ["Postiosoite", "Postadress", "Postal address"],
        VisitingAddress => ["Käyntiosoite", "Besöksadress", "Visiting address"],
        Phone => ["Puhelin", "Telefon", "Phone"],
        Email => ["Sähköposti", "E-post", "Email"],
        NoTransfers => [
            "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.",
            "Uppgifter överförs inte till länder utanför EU eller EES.",
            "Personal data is not transferred outside the EU or EEA.",
        ],
        TransfersOutside => [
            "Tietoja siirretään EU:n tai ETA:n ulkopuolelle.",
            "Uppgifter överförs till länder utanför EU eller EES.",
            "Personal data is transferred outside the EU or EEA.",
        ],
        Country => ["Maa", "Land", "Country"],
        Safeguard => ["Suojatoimi", "Skyddsåtgärd", "Safeguard"],
        Data => ["Tiedot", "Uppgifter", "Data"],
        AllData => ["Kaikki tiedot", "Alla uppgifter", "All data"],
        AtLeast => ["vähintään", "minst", "at least"],
        AtMost => ["enintään", "högst", "at most"],
        TechnicalSecurity => [
            "Tekniset suojaustoimet",
            "Tekniska skyddsåtgärder",
            "Technical measures",
        ],
        OrganisationalSecurity => [
            "Organisatoriset suojaustoimet",
            "Organisatoriska skyddsåtgärder",
            "Organisational measures",
        ],
        PaperRecords => ["Manuaalinen aineisto", "Manuellt material", "Paper records"],
        HowToExercise => [
            "Oikeuksien käyttäminen",
            "Hur du använder dina rättigheter",
            "How to use your rights",
        ],
        AutomatedNone => [
            "Tietoja ei käytetä automaattiseen päätöksentekoon eikä profilointiin.",
            "Uppgifterna används inte för automatiserat beslutsfattande eller profilering.",
            "The data is not used for automated decision-making or profiling.",
        ],
        AutomatedExists => [
            "Tietoja käytetään automaattiseen päätöksentekoon tai profilointiin.",
            "Uppgifterna används för automatiserat beslutsfattande eller profilering.",
            "The data is used for automated decision-making or profiling.",
        ],
        FirstVersion => [
            "Ensimmäinen julkaistu versio.",
            "Den första publicerade versionen.",
            "The first published version.",
        ],
        ShowChanges => [
            "Muutokset edelliseen versioon",
            "Ändringar jämfört med föregående version",
            "Changes from the previous version",
        ],
        ShowVersion => [
            "Näytä tämä versio",
            "Visa denna version",
            "Show this version",
        ],
        DiffPage => [
            "Muutokset omalla sivullaan",
            "Ändringarna på en egen sida",
            "These changes on their own page",
        ],
        Before => ["Ennen", "Före", "Before"],
        After => ["Nyt", "Nu", "Now"],
        ChangesBetween => ["Muutokset", "Ändringar", "Changes"],
        Loading => [
            "Ladataan tietosuojaselostetta…",
            "Dataskyddsbeskrivningen laddas…",
            "Loading the privacy notice…",
        ],
        Unavailable => [
            "Tietosuojaselostetta ei juuri nyt voitu näyttää tässä.",
            "Dataskyddsbeskrivningen kunde inte visas här just nu.",
            "The privacy notice could not be shown here just now.",
        ],
        ReadAt => [
            "Voit lukea sen osoitteessa",
            "Du kan läsa den på",
            "You can read it at",
        ],
    };
    match primary_subtag(lang) {
        "fi" => fi,
        "sv" => sv,
        _ => en,
    }
}

/// The name of a language in that language, for the language switch.
pub fn language_name(lang: &str) -> &str {
    match primary_subtag(lang) {
        "fi" => "Suomi",
        "sv" => "Svenska",
        "en" => "English",
        "se" => "Davvisámegiella",
        "de" => "Deutsch",
        "et" => "Eesti",
        "ru" => "Русский",
        _ => lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_follow_the_primary_subtag_and_fall_back_to_english() {
        assert_eq!(t(Word::Updated, "fi"), "Päivitetty");
        assert_eq!(t(Word::Updated, "sv-FI"), "Uppdaterad");
        assert_eq!(t(Word::Updated, "de"), "Updated");
        assert_eq!(language_name("sv"), "Svenska");
        assert_eq!(language_name("xx"), "xx");
    }
}
