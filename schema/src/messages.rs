//! Every fixed word and phrase a reader sees, in Finnish, Swedish and English: the widget's and the
//! pages' labels, the diff's and the change log's words, the feed's, the CLI's default summaries.
//!
//! One typed catalogue, so that the page, the diff, the feed and the CLI cannot disagree on a word
//! and a missing translation is a compile error rather than an empty label. Section headings
//! (`headings.rs`) and vocabulary labels (`vocab.rs`) are typed where they are and stay there.
//! Any language other than Finnish and Swedish reads English, like the headings and labels do.

use crate::date::primary_subtag;

crate::catalogue::catalogue! {
    /// A fixed word or phrase of the user interface, in [`Message::get`]'s language.
    Message {
        // The notice page and the widget around it.
        Updated => ["Päivitetty", "Uppdaterad", "Updated"],
        Version => ["Versio", "Version", "Version"],
        Published => ["julkaistu", "publicerad", "published"],
        Effective => ["voimassa alkaen", "gäller från", "in effect from"],
        /// Before the notice's own effective date at the top of the page.
        InEffectFrom => ["Voimassa alkaen", "Gäller från", "In effect from"],
        /// Before a version's pin, its SHA-256 ([`crate::pin`]), on the version's page.
        VersionHash => [
            "Version tiiviste (SHA-256)",
            "Versionens kontrollsumma (SHA-256)",
            "Version hash (SHA-256)",
        ],
        /// After a stated publication date earlier than the receipt: "…; received {day}".
        Received => [
            "päiväys organisaation ilmoittama; vastaanotettu",
            "datum enligt organisationen; mottagen",
            "date as stated by the organisation; received",
        ],
        ChangeLog => ["Muutoshistoria", "Ändringshistorik", "Change log"],
        NewerVersions => ["Uudemmat versiot", "Nyare versioner", "Newer versions"],
        OlderVersions => ["Vanhemmat versiot", "Äldre versioner", "Older versions"],
        BackToNotice => ["Tietosuojaseloste", "Dataskyddsbeskrivning", "Privacy notice"],
        Language => ["Kieli", "Språk", "Language"],
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
        ReadAt => ["Voit lukea sen osoitteessa", "Du kan läsa den på", "You can read it at"],

        // Labels of facts, on the page and in the diff.
        Title => ["Otsikko", "Rubrik", "Title"],
        Heading => ["Otsikko", "Rubrik", "Heading"],
        Languages => ["Kielet", "Språk", "Languages"],
        /// A paragraph, list item or link of the notice's own prose.
        Text => ["Teksti", "Text", "Text"],
        Name => ["Nimi", "Namn", "Name"],
        Description => ["Kuvaus", "Beskrivning", "Description"],
        Details => ["Lisätiedot", "Mer information", "Details"],
        Organisation => ["Organisaatio", "Organisation", "Organisation"],
        /// A contact person without a name or an email address.
        Contact => ["Yhteyshenkilö", "Kontaktperson", "Contact"],
        BusinessId => ["Y-tunnus", "FO-nummer", "Business ID"],
        LegalForm => ["Yritysmuoto", "Företagsform", "Legal form"],
        ReferredToAs => ["Jäljempänä", "Nedan", "Referred to as"],
        PostalAddress => ["Postiosoite", "Postadress", "Postal address"],
        VisitingAddress => ["Käyntiosoite", "Besöksadress", "Visiting address"],
        Phone => ["Puhelin", "Telefon", "Phone"],
        Email => ["Sähköposti", "E-post", "Email"],
        Web => ["Verkkosivu", "Webbplats", "Website"],
        Role => ["Rooli", "Roll", "Role"],
        OnBehalfOf => ["Kenen lukuun", "För vems räkning", "On behalf of"],
        Purpose => ["Tarkoitus", "Ändamål", "Purpose"],
        LegalBasis => ["Oikeusperuste", "Rättslig grund", "Legal basis"],
        LegitimateInterest => ["Oikeutettu etu", "Berättigat intresse", "Legitimate interest"],
        LegitimateInterests => ["Oikeutetut edut", "Berättigade intressen", "Legitimate interests"],
        SpecialCategoryConditions => [
            "Erityisiin henkilötietoryhmiin kuuluvien tietojen käsittelyperuste",
            "Grund för behandling av särskilda kategorier av personuppgifter",
            "Basis for processing special categories of personal data",
        ],
        /// Said of a kind of data, after its name.
        SpecialCategory => [
            "erityinen henkilötietoryhmä",
            "särskild kategori av personuppgifter",
            "special category of personal data",
        ],
        /// Said of a source, after its name.
        PubliclyAccessible => ["julkinen lähde", "offentlig källa", "publicly accessible"],
        Data => ["Tiedot", "Uppgifter", "Data"],
        AllData => ["Kaikki tiedot", "Alla uppgifter", "All data"],
        Location => ["Sijainti", "Plats", "Location"],
        Recipient => ["Vastaanottaja", "Mottagare", "Recipient"],
        Country => ["Maa", "Land", "Country"],
        Safeguard => ["Suojatoimi", "Skyddsåtgärd", "Safeguard"],
        /// The label of the yes/no fact whether data leaves the EU/EEA.
        TransfersOutsideEea => [
            "Siirtoja EU:n/ETA:n ulkopuolelle",
            "Överföringar utanför EU/EES",
            "Transfers outside the EU/EEA",
        ],
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
        RetentionPeriod => ["Säilytysaika", "Lagringstid", "Retention period"],
        /// Before the shortest retention period.
        AtLeast => ["vähintään", "minst", "at least"],
        /// Before the longest retention period.
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
        Right => ["Oikeus", "Rättighet", "Right"],
        HowToExercise => [
            "Oikeuksien käyttäminen",
            "Hur du använder dina rättigheter",
            "How to use your rights",
        ],
        /// The label of the yes/no fact whether automated decisions are made.
        AutomatedDecisions => [
            "Automaattista päätöksentekoa",
            "Automatiserat beslutsfattande",
            "Automated decisions",
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
        /// When the notice also states its profiling apart: the decisions of Art. 22 alone.
        DecisionsNone => [
            "Tietoja ei käytetä automaattiseen päätöksentekoon.",
            "Uppgifterna används inte för automatiserat beslutsfattande.",
            "The data is not used for automated decision-making.",
        ],
        DecisionsExist => [
            "Tietoja käytetään automaattiseen päätöksentekoon.",
            "Uppgifterna används för automatiserat beslutsfattande.",
            "The data is used for automated decision-making.",
        ],
        /// The label of the yes/no fact whether data is used for profiling.
        Profiling => ["Profilointia", "Profilering", "Profiling"],
        ProfilingNone => [
            "Tietoja ei käytetä profilointiin.",
            "Uppgifterna används inte för profilering.",
            "The data is not used for profiling.",
        ],
        ProfilingExists => [
            "Tietoja käytetään profilointiin.",
            "Uppgifterna används för profilering.",
            "The data is used for profiling.",
        ],
        /// The label of whether giving the data is required.
        Requirement => ["Vaatimus", "Krav", "Requirement"],
        /// Said of a data item, after its name.
        Required => ["pakollinen", "obligatorisk", "required"],
        /// Said of a data item, after its name.
        Voluntary => ["vapaaehtoinen", "frivillig", "voluntary"],
        /// The law a legal obligation comes from.
        Law => ["Laki", "Lag", "Law"],
        SpecialCategoryCondition => [
            "Erityisten henkilötietoryhmien käsittelyperuste",
            "Grund för behandling av särskilda kategorier",
            "Condition for special categories",
        ],
        /// Which data a source supplies.
        Supplies => ["Saadut tiedot", "Uppgifter som lämnas", "Data supplied"],
        Safeguards => ["Suojatoimet", "Skyddsåtgärder", "Safeguards"],
        Jurisdiction => ["Peruste", "Grund", "Appointed under"],
        Notes => ["Huomautukset", "Anmärkningar", "Notes"],
        DpoNotAppointed => [
            "Tietosuojavastaavaa ei ole nimetty.",
            "Något dataskyddsombud har inte utsetts.",
            "No data protection officer has been appointed.",
        ],
        Reason => ["Syy", "Skäl", "Reason"],
        /// How far ahead material changes are announced: these words, the number of days, then
        /// [`Message::AdvanceNoticeAfter`]. (Two parts, not a placeholder: filling one would bring
        /// substring search into the widget's bundle.)
        AdvanceNoticeBefore => [
            "Olennaisista muutoksista ilmoitetaan",
            "Väsentliga ändringar meddelas",
            "Material changes are announced",
        ],
        AdvanceNoticeAfter => ["päivää etukäteen.", "dagar i förväg.", "days in advance."],
        /// The label of the advance notice in the diff.
        AdvanceNoticeDays => [
            "Ilmoitusaika (päivää)",
            "Förhandsbesked (dagar)",
            "Advance notice (days)",
        ],
        HowNotified => ["Miten muutoksista kerrotaan", "Hur ändringar meddelas", "How changes are announced"],
        Number => ["Numero", "Nummer", "Number"],
        /// The European Economic Area, which CLDR does not name (it is no region code).
        Eea => [
            "Euroopan talousalue",
            "Europeiska ekonomiska samarbetsområdet",
            "European Economic Area",
        ],
        Region => ["Alue", "Region", "Region"],
        Yes => ["kyllä", "ja", "yes"],
        No => ["ei", "nej", "no"],

        // Durations ("24 kuukautta", "1 year and 6 months").
        Year => ["vuosi", "år", "year"],
        Years => ["vuotta", "år", "years"],
        Month => ["kuukausi", "månad", "month"],
        Months => ["kuukautta", "månader", "months"],
        Week => ["viikko", "vecka", "week"],
        Weeks => ["viikkoa", "veckor", "weeks"],
        Day => ["päivä", "dag", "day"],
        Days => ["päivää", "dagar", "days"],
        /// Joins the parts of a duration.
        And => ["ja", "och", "and"],

        // The change log and the diff.
        /// Said of the first version, which has nothing before it to compare with; also its default
        /// summary when published without one.
        FirstVersion => [
            "Ensimmäinen julkaistu versio.",
            "Den första publicerade versionen.",
            "The first published version.",
        ],
        /// The default summary of a later version published without one.
        UpdatedVersion => ["Päivitetty versio.", "Uppdaterad version.", "Updated version."],
        Added => ["Lisätty", "Tillagt", "Added"],
        Removed => ["Poistettu", "Borttaget", "Removed"],
        Changed => ["Muutettu", "Ändrat", "Changed"],
        NoChanges => [
            "Ei sisällöllisiä muutoksia.",
            "Inga ändringar i innehållet.",
            "No changes to the content.",
        ],
        ShowChanges => [
            "Muutokset edelliseen versioon",
            "Ändringar jämfört med föregående version",
            "Changes from the previous version",
        ],
        ShowVersion => ["Näytä tämä versio", "Visa denna version", "Show this version"],
        DiffPage => [
            "Muutokset omalla sivullaan",
            "Ändringarna på en egen sida",
            "These changes on their own page",
        ],
        Before => ["Ennen", "Före", "Before"],
        After => ["Nyt", "Nu", "Now"],
        ChangesBetween => ["Muutokset", "Ändringar", "Changes"],

        // The Atom feed.
        /// The feed's subtitle when older versions are left out; fill `{shown}` and `{total}`.
        /// The last item of a change-log entry whose diff was cut short (the diff page has it all).
        DiffOmitted => [
            "… ja {count} muuta muutosta: katso versioiden vertailu",
            "… och {count} ändringar till: se jämförelsen av versionerna",
            "… and {count} more changes: see the comparison of the versions",
        ],
        FeedOmitted => [
            "Uusimmat {shown} versiota {total}:stä; kaikki muutokset muutoshistoriassa.",
            "De senaste {shown} av {total} versioner; alla ändringar i ändringshistoriken.",
            "The latest {shown} of {total} versions; every change is in the change log.",
        ],
    }
}

/// `message` in `lang`: the short form the components use.
pub fn t(message: Message, lang: &str) -> &'static str {
    message.get(lang)
}

/// The name of a language in that language, for a language switch; an unknown code as it is.
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

    /// The `{name}` placeholders of a text, in order.
    fn placeholders(text: &str) -> Vec<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_message_has_all_three_languages_with_the_same_placeholders() {
        assert!(Message::ALL.len() > 50, "the catalogue is all there");
        for m in Message::ALL {
            let [fi, sv, en] = m.translations();
            for (lang, text) in [("fi", fi), ("sv", sv), ("en", en)] {
                assert!(!text.trim().is_empty(), "{m:?} has no {lang} text");
                assert_eq!(text, text.trim(), "{m:?} in {lang} has stray spaces");
                assert_eq!(
                    placeholders(text),
                    placeholders(en),
                    "{m:?} in {lang} fills other values than in English"
                );
            }
        }
    }

    #[test]
    fn all_lists_each_message_once() {
        for (i, m) in Message::ALL.iter().enumerate() {
            assert!(!Message::ALL[..i].contains(m), "{m:?} twice");
        }
    }

    #[test]
    fn messages_follow_the_primary_subtag_and_fall_back_to_english() {
        assert_eq!(t(Message::Updated, "fi"), "Päivitetty");
        assert_eq!(t(Message::Updated, "sv-FI"), "Uppdaterad");
        assert_eq!(t(Message::Updated, "de"), "Updated");
        assert_eq!(language_name("sv"), "Svenska");
        assert_eq!(language_name("xx"), "xx");
    }

    #[test]
    fn placeholders_are_filled() {
        let text = Message::FeedOmitted.fill("en", &[("shown", "50"), ("total", "60")]);
        assert_eq!(
            text,
            "The latest 50 of 60 versions; every change is in the change log."
        );
    }
}
