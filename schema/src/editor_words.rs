//! The editor's own words (its buttons, labels, steps and announcements) in Finnish, Swedish and
//! English: one typed catalogue like [`crate::messages`], so that a missing translation is a
//! compile error and no component carries a string of its own.
//!
//! Kept apart from [`crate::messages`] because readers never see these: the widget's wasm does not
//! link them (nothing it calls names them).

crate::catalogue::catalogue! {
    /// A fixed word or phrase of the editor's interface.
    Word {
        // The frame.
        AppTitle => ["Tietosuojaselosteen muokkain", "Redigerare för dataskyddsbeskrivningar", "Privacy notice editor"],
        /// The host page's `<noscript>`.
        NoScript => [
            "Editori tarvitsee JavaScriptin ja WebAssemblyn: salli ne tälle sivulle. Julkaistut selosteet voi lukea ilman niitä.",
            "Redigeraren behöver JavaScript och WebAssembly: tillåt dem för den här sidan. Publicerade beskrivningar kan läsas utan dem.",
            "The editor needs JavaScript and WebAssembly: allow them for this page. Published notices can be read without them.",
        ],
        InterfaceLanguage => ["Käyttöliittymän kieli", "Gränssnittets språk", "Interface language"],
        Loading => ["Ladataan…", "Laddar…", "Loading…"],
        /// Fill `{why}`.
        NetworkError => [
            "Yhteys palvelimeen ei onnistunut: {why}",
            "Anslutningen till servern misslyckades: {why}",
            "Could not reach the server: {why}",
        ],

        // The chooser (`/edit`).
        ChooseTitle => ["Valitse tai aloita seloste", "Välj eller börja en beskrivning", "Choose or start a notice"],
        OrgId => ["Organisaation tunnus", "Organisationens id", "Organisation id"],
        NoticeId => ["Selosteen tunnus", "Beskrivningens id", "Notice id"],
        IdHint => [
            "Pieniä kirjaimia a–z, numeroita ja viivoja, esimerkiksi acme ja asiakkaat.",
            "Små bokstäver a–z, siffror och bindestreck, till exempel acme och kunder.",
            "Lower-case letters a–z, digits and dashes, for example acme and customers.",
        ],
        BadId => [
            "Tunnus ei kelpaa: käytä pieniä kirjaimia a–z, numeroita ja viivoja.",
            "Id:t duger inte: använd små bokstäver a–z, siffror och bindestreck.",
            "That id will not do: use lower-case letters a–z, digits and dashes.",
        ],
        Open => ["Avaa", "Öppna", "Open"],

        // Starting a draft.
        StartTitle => ["Aloita luonnos", "Börja ett utkast", "Start a draft"],
        /// Fill `{id}`.
        NewNotice => [
            "Tunnuksella {id} ei ole vielä julkaistua selostetta.",
            "Det finns ännu ingen publicerad beskrivning med id:t {id}.",
            "There is no published notice with the id {id} yet.",
        ],
        /// Fill `{n}`.
        StartLatest => [
            "Muokkaa uusinta julkaistua versiota ({n})",
            "Redigera den senaste publicerade versionen ({n})",
            "Edit the latest published version ({n})",
        ],
        BlankTitle => ["Tyhjä pohja", "Tom mall", "Blank template"],
        NoticeLanguages => ["Selosteen kielet", "Beskrivningens språk", "The notice's languages"],
        ChooseALanguage => [
            "Valitse vähintään yksi kieli.",
            "Välj minst ett språk.",
            "Choose at least one language.",
        ],
        StartBlank => ["Aloita tyhjästä pohjasta", "Börja från en tom mall", "Start from the blank template"],
        ImportTitle => ["Tuo olemassa oleva seloste", "Importera en befintlig beskrivning", "Import an existing notice"],
        PasteText => ["Selosteen teksti", "Beskrivningens text", "The notice's text"],
        PasteHint => [
            "Liitä teksti tähän tai valitse tiedosto (.docx, .html, .md, .txt).",
            "Klistra in texten här eller välj en fil (.docx, .html, .md, .txt).",
            "Paste the text here or choose a file (.docx, .html, .md, .txt).",
        ],
        ImportFile => ["Tiedosto tuotavaksi", "Fil att importera", "File to import"],
        Import => ["Tuo", "Importera", "Import"],
        /// Fill `{why}`.
        ImportFailed => ["Tuonti ei onnistunut: {why}", "Importen misslyckades: {why}", "The import failed: {why}"],
        OpenJson => ["Avaa JSON-tiedosto", "Öppna en JSON-fil", "Open a JSON file"],
        /// Fill `{why}`.
        NotJson => [
            "Tiedosto ei ole JSON-muotoinen seloste: {why}",
            "Filen är inte en beskrivning i JSON: {why}",
            "The file is not a notice in JSON: {why}",
        ],

        // The import report.
        ImportReport => ["Tuonnin raportti", "Importrapport", "Import report"],
        /// Fill `{format}` and `{lang}`.
        ImportedAs => [
            "Muoto {format}, kieli {lang}.",
            "Format {format}, språk {lang}.",
            "Format {format}, language {lang}.",
        ],
        WentWhere => ["Mihin mikin osio meni", "Vart varje avsnitt gick", "Where each section went"],
        Guesses => ["Arvattua: tarkista nämä", "Gissat: kontrollera dessa", "Guessed: check these"],
        KeptAsProse => ["Jäi vapaaksi tekstiksi", "Blev kvar som fri text", "Kept as free text"],
        LeftOut => ["Jätettiin pois", "Utelämnat", "Left out"],
        CloseReport => ["Sulje raportti", "Stäng rapporten", "Close the report"],

        // Editing.
        DraftRestored => [
            "Keskeneräinen luonnos palautettiin tämän selaimen muistista.",
            "Ett påbörjat utkast återställdes från den här webbläsarens minne.",
            "An unfinished draft was restored from this browser's storage.",
        ],
        /// `{n}`: the latest version, newer than the one the restored draft began from.
        DraftBehind => [
            "Luonnoksen aloittamisen jälkeen on julkaistu versio {n}. Kun julkaiset, näet ensin sen muutokset, ja luonnoksesi yhdistetään niiden päälle.",
            "Version {n} har publicerats sedan utkastet påbörjades. När du publicerar ser du först dess ändringar, och ditt utkast slås samman ovanpå dem.",
            "Version {n} has been published since this draft began. When you publish, you will first see its changes, and your draft will be merged on top of them.",
        ],
        DiscardDraft => ["Hylkää luonnos", "Släng utkastet", "Discard the draft"],
        Download => ["Lataa JSON-tiedostona", "Ladda ner som JSON-fil", "Download as a JSON file"],
        Upload => ["Avaa JSON-tiedosto luonnokseksi", "Öppna en JSON-fil som utkast", "Open a JSON file as the draft"],
        /// In the preview, for a title not written yet.
        Untitled => ["(otsikko puuttuu)", "(rubrik saknas)", "(no title yet)"],
        Preview => ["Esikatselu", "Förhandsvisning", "Preview"],
        PreviewLanguage => ["Esikatselun kieli", "Förhandsvisningens språk", "Preview language"],
        NoPreview => [
            "Esikatselu näkyy, kun luonnos on selosteen muotoinen: katso virheet.",
            "Förhandsvisningen visas när utkastet har en beskrivnings form: se felen.",
            "The preview shows once the draft has a notice's shape: see the errors.",
        ],
        Problems => ["Virheet ja puutteet", "Fel och brister", "Errors and findings"],
        NoProblems => ["Ei virheitä eikä puutteita.", "Inga fel och inga brister.", "No errors and no findings."],
        /// The polite announcement after each change; fill `{errors}` and `{findings}`.
        ProblemCounts => [
            "Virheitä {errors}, puutteita {findings}.",
            "Fel {errors}, brister {findings}.",
            "Errors {errors}, findings {findings}.",
        ],
        Error => ["Virhe", "Fel", "Error"],
        Finding => ["Puute", "Brist", "Finding"],
        /// Before a finding's article, e.g. "GDPR 13(2)(d)".
        Article => ["GDPR art.", "GDPR art.", "GDPR Art."],
        WholeNotice => ["koko seloste", "hela beskrivningen", "the whole notice"],

        // Local mode.
        Save => ["Tallenna tiedostoon", "Spara i filen", "Save to the file"],
        Saved => ["Tallennettu.", "Sparat.", "Saved."],
        Unchanged => ["Ei muutoksia tallennettavaksi.", "Inga ändringar att spara.", "No changes to save."],
        /// Fill `{why}`.
        SaveFailed => ["Tallennus ei onnistunut: {why}", "Det gick inte att spara: {why}", "Saving failed: {why}"],

        // Publishing.
        Publish => ["Julkaise…", "Publicera…", "Publish…"],
        FixErrorsFirst => [
            "Korjaa virheet ennen julkaisua.",
            "Rätta felen innan du publicerar.",
            "Fix the errors before publishing.",
        ],
        StepChanges => ["1. Mitä lukijalle muuttuu", "1. Vad som ändras för läsaren", "1. What changes for readers"],
        StepSummary => ["2. Muutosten kuvaus ja voimaantulo", "2. Beskrivning av ändringarna och ikraftträdande", "2. Summary of the changes and effective date"],
        StepKey => ["3. Julkaise", "3. Publicera", "3. Publish"],
        FirstVersion => [
            "Tämä on selosteen ensimmäinen versio: aiempaa versiota ei ole verrattavaksi.",
            "Det här är beskrivningens första version: det finns ingen tidigare version att jämföra med.",
            "This is the notice's first version: there is no earlier version to compare with.",
        ],
        /// A summary field's label; fill `{lang}` with the language's name.
        SummaryIn => ["Mitä muuttui ({lang})", "Vad som ändrades ({lang})", "What changed ({lang})"],
        EffectiveDate => [
            "Voimaantulopäivä (valinnainen, jos myöhemmin kuin julkaisu)",
            "Ikraftträdandedag (valfri, om senare än publiceringen)",
            "Effective date (optional, when later than publication)",
        ],
        PublishKey => ["Organisaation julkaisuavain", "Organisationens publiceringsnyckel", "The organisation's publishing key"],
        KeyHint => [
            "Avain on vain tämän välilehden muistissa: sitä ei tallenneta minnekään.",
            "Nyckeln finns bara i den här flikens minne: den sparas ingenstans.",
            "The key is held in this tab's memory only: it is never stored.",
        ],
        Next => ["Seuraava", "Nästa", "Next"],
        Back => ["Takaisin", "Tillbaka", "Back"],
        BackToEditing => ["Takaisin muokkaamaan", "Tillbaka till redigeringen", "Back to editing"],
        PublishNow => ["Julkaise nyt", "Publicera nu", "Publish now"],
        Publishing => ["Julkaistaan…", "Publicerar…", "Publishing…"],
        /// Fill `{n}`.
        Outdated => [
            "Joku muu julkaisi sillä välin version {n}. Alla sen muutokset; voit julkaista omasi sen päälle.",
            "Någon annan publicerade version {n} under tiden. Nedan dess ändringar; du kan publicera din ovanpå den.",
            "Someone else published version {n} meanwhile. Their change is below; you can publish yours on top of it.",
        ],
        /// Fill `{from}` and `{to}`.
        TheirChange => [
            "Muutokset versiosta {from} versioon {to}",
            "Ändringar från version {from} till version {to}",
            "Changes from version {from} to version {to}",
        ],
        /// Fill `{n}`.
        PublishOnTop => ["Julkaise version {n} päälle", "Publicera ovanpå version {n}", "Publish on top of version {n}"],
        Rejected => [
            "Julkaisu hylättiin: korjaa alla luetellut kohdat.",
            "Publiceringen avvisades: rätta punkterna nedan.",
            "The version was refused: fix the points listed below.",
        ],
        BadKey => [
            "Avain ei kelpaa tälle organisaatiolle.",
            "Nyckeln gäller inte för den här organisationen.",
            "The key is not valid for this organisation.",
        ],
        /// Fill `{why}`.
        PublishFailed => ["Julkaisu ei onnistunut: {why}", "Publiceringen misslyckades: {why}", "Publishing failed: {why}"],
        /// Fill `{n}`.
        PublishedVersion => [
            "Julkaistu: versio {n}. Luonnos poistettiin tämän selaimen muistista.",
            "Publicerad: version {n}. Utkastet togs bort från den här webbläsarens minne.",
            "Published: version {n}. The draft was removed from this browser's storage.",
        ],
        ShowNewVersion => ["Näytä uusi versio", "Visa den nya versionen", "Show the new version"],
        ShowChangeLog => ["Näytä muutoshistoria", "Visa ändringshistoriken", "Show the change log"],
        EditAgain => ["Muokkaa uudelleen", "Redigera igen", "Edit again"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_three_translations_with_the_same_placeholders() {
        for w in Word::ALL {
            let [fi, sv, en] = w.translations();
            assert!(!fi.is_empty() && !sv.is_empty() && !en.is_empty(), "{w:?}");
            // Placeholders are the same in every language, so `fill` fills them all.
            let holes = |s: &str| {
                let mut h: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_owned()))
                    .collect();
                h.sort();
                h
            };
            assert_eq!(holes(fi), holes(en), "{w:?}");
            assert_eq!(holes(sv), holes(en), "{w:?}");
        }
    }

    #[test]
    fn fill_and_language_fallback() {
        assert_eq!(
            Word::PublishedVersion.fill("fi", &[("n", "2")]),
            "Julkaistu: versio 2. Luonnos poistettiin tämän selaimen muistista."
        );
        assert_eq!(Word::Open.get("sv-FI"), "Öppna");
        assert_eq!(Word::Open.get("de"), "Open");
    }
}
