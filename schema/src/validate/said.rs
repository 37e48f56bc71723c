//! What validation says, in Finnish, Swedish and English: one entry per kind of problem, with
//! `{placeholders}` for the parts that vary (a value from the file, a count, a code).
//!
//! A [`super::Problem`] carries its entry (`code`) and the values of the placeholders beside its
//! English `message`, so the editor shows it in its interface language while the CLI and the API
//! keep their English text. A third catalogue beside [`crate::messages`] and
//! [`crate::editor_words`]: readers never see these words, and the widget, which does not
//! validate, does not link them.
//!
//! Where English builds a phrase from parts ("this text" or "3 texts", a hint after an email
//! address, one of six rights), each variant is an entry of its own, so that Finnish and Swedish
//! are whole sentences rather than English grammar with translated words.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::IntoDeserializer;
use serde::{Deserialize, Deserializer, Serialize};

crate::catalogue::catalogue! {
    /// A kind of problem validation reports. Serialized as a stable snake_case `code`.
    #[derive(Serialize, Deserialize, PartialOrd, Ord)]
    #[serde(rename_all = "snake_case")]
    Said {
        // ---- texts and their languages ----------------------------------------------------
        /// Fill `{used}`, `{lang}`, `{fixed}` (the corrected list of languages, quoted).
        TagMismatchOne => [
            "tämä teksti on kirjoitettu kielitunnisteella `{used}`, mutta selosteen kielissä on `{lang}`: käytä samaa tunnistetta molemmissa, esimerkiksi \"languages\": [{fixed}]",
            "den här texten är skriven under `{used}`, men beskrivningens språk anger `{lang}`: använd samma tagg i båda, t.ex. \"languages\": [{fixed}]",
            "this text written under `{used}`, but the notice's languages say `{lang}`: use one tag in both, e.g. \"languages\": [{fixed}]",
        ],
        /// Fill `{count}`, `{used}`, `{lang}`, `{fixed}`.
        TagMismatchMany => [
            "{count} tekstiä (ensimmäinen tässä) on kirjoitettu kielitunnisteella `{used}`, mutta selosteen kielissä on `{lang}`: käytä samaa tunnistetta molemmissa, esimerkiksi \"languages\": [{fixed}]",
            "{count} texter (den första här) är skrivna under `{used}`, men beskrivningens språk anger `{lang}`: använd samma tagg i båda, t.ex. \"languages\": [{fixed}]",
            "{count} texts, the first here, written under `{used}`, but the notice's languages say `{lang}`: use one tag in both, e.g. \"languages\": [{fixed}]",
        ],
        Empty => ["ei saa olla tyhjä", "får inte lämnas tomt", "must not be empty"],
        /// Fill `{lang}`.
        MissingTranslation => [
            "`{lang}`-käännös puuttuu",
            "översättningen till `{lang}` saknas",
            "missing the `{lang}` translation",
        ],
        /// Fill `{lang}`, `{languages}` (the notice's, comma-separated).
        ForeignLanguage => [
            "`{lang}` ei ole selosteen kieli (selosteen kielet: {languages})",
            "`{lang}` är inte ett av beskrivningens språk ({languages})",
            "`{lang}` is not one of the notice's languages ({languages})",
        ],
        SummaryMissing => [
            "kerro, mikä muuttui, ainakin selosteen pääkielellä",
            "berätta vad som har ändrats, åtminstone på beskrivningens huvudspråk",
            "say what changed, at least in the notice's main language",
        ],
        EmptyList => [
            "luettelossa on oltava vähintään yksi kohta",
            "en lista behöver minst en punkt",
            "a list needs at least one item",
        ],
        EmptyLinks => [
            "linkkiluettelossa on oltava vähintään yksi linkki",
            "en länklista behöver minst en länk",
            "a list of links needs at least one link",
        ],
        SectionEmpty => ["osiossa on oltava sisältöä", "ett avsnitt behöver innehåll", "a section needs some content"],
        /// Fill `{code}` (hexadecimal, e.g. `000B`).
        ControlCharacter => [
            "sisältää merkin U+{code}, joka on ohjausmerkki (vain sarkain ja rivinvaihto ovat sallittuja; Wordin vaihto+enter lisää merkin U+000B)",
            "innehåller U+{code}, ett styrtecken (endast tabb och radbrytning är tillåtna; Words Skift+Retur infogar U+000B)",
            "contains U+{code}, a control character (only tab and line feed are allowed; Word's Shift+Enter inserts U+000B)",
        ],
        /// Fill `{code}`.
        BidiControl => [
            "sisältää merkin U+{code}, joka on tekstin suunnan ohjausmerkki: sen jälkeinen teksti voi näyttää sanovan muuta kuin se sanoo",
            "innehåller U+{code}, ett styrtecken för textriktning, som kan få texten efter det att se ut att säga något annat än den gör",
            "contains U+{code}, a bidirectional control, which can make the text after it read differently from what it says",
        ],
        /// Fill `{code}`.
        Noncharacter => [
            "sisältää merkin U+{code}, joka on Unicoden ei-merkki (noncharacter)",
            "innehåller U+{code}, ett Unicode-icketecken (noncharacter)",
            "contains U+{code}, a Unicode noncharacter",
        ],

        // ---- dates -------------------------------------------------------------------------
        /// Fill `{date}`, `{from}`, `{to}` (years).
        DateImplausible => [
            "{date} ei ole uskottava päivämäärä selosteelle: vuoden on oltava välillä {from}–{to}",
            "{date} är inte ett rimligt datum för en beskrivning: året ska vara mellan {from} och {to}",
            "{date} is not a plausible date for a notice: the year must be between {from} and {to}",
        ],
        /// Fill `{effective}`, `{published}`.
        EffectiveBeforePublished => [
            "voimaantulopäivä {effective} on ennen julkaisupäivää {published}",
            "ikraftträdandedagen {effective} är före publiceringsdagen {published}",
            "the effective date {effective} is before the publication date {published}",
        ],

        // ---- contact details -----------------------------------------------------------------
        /// Fill `{number}`, `{digits}`.
        PhoneTooFewDigits => [
            "`{number}` sisältää liian vähän numeroita ({digits}); puhelinnumerossa on vähintään 5 numeroa",
            "`{number}` har för få siffror ({digits}); ett telefonnummer har minst 5 siffror",
            "`{number}` has {digits} digit(s); a phone number has at least 5",
        ],
        /// Fill `{number}`.
        NotPhone => [
            "`{number}` ei ole puhelinnumero (vain numeroita, välilyöntejä ja merkkejä + - ( ), plusmerkki vain alussa)",
            "`{number}` är inget telefonnummer (endast siffror, mellanslag och + - ( ), plustecken bara först)",
            "`{number}` is not a phone number (digits, spaces, + - ( ) only, a + only first)",
        ],
        ContactUnreachable => [
            "yhteystiedoissa on oltava nimi tai jokin yhteydenottotapa",
            "en kontakt behöver ett namn eller ett sätt att nå den",
            "a contact needs a name or a way to reach them",
        ],
        /// Fill `{email}`.
        NotEmail => [
            "`{email}` ei ole sähköpostiosoite",
            "`{email}` är ingen e-postadress",
            "`{email}` is not an email address",
        ],
        /// Fill `{email}`.
        NotEmailMailto => [
            "`{email}` ei ole sähköpostiosoite (kirjoita pelkkä osoite ilman `mailto:`-alkua)",
            "`{email}` är ingen e-postadress (skriv bara adressen, utan `mailto:`)",
            "`{email}` is not an email address (write the address only, without `mailto:`)",
        ],
        /// Fill `{email}`.
        NotEmailParameters => [
            "`{email}` ei ole sähköpostiosoite (osoitteessa ei voi olla parametreja, kuten ?cc= tai ?bcc=)",
            "`{email}` är ingen e-postadress (en adress kan inte ha parametrar som ?cc= eller ?bcc=)",
            "`{email}` is not an email address (an address cannot carry parameters such as ?cc= or ?bcc=)",
        ],
        /// Fill `{email}`.
        NotEmailSpace => [
            "`{email}` ei ole sähköpostiosoite (siinä on välilyöntejä)",
            "`{email}` är ingen e-postadress (den innehåller blanksteg)",
            "`{email}` is not an email address (it contains white space)",
        ],

        // ---- links ---------------------------------------------------------------------------
        /// Fill `{href}`.
        HrefInvisible => [
            "`{href}` sisältää välilyöntejä, ohjausmerkkejä tai näkymättömiä muotoilumerkkejä",
            "`{href}` innehåller blanksteg, styrtecken eller osynliga formateringstecken",
            "`{href}` contains white space, control or invisible formatting characters",
        ],
        /// Fill `{href}`.
        HrefNotAbsolute => [
            "`{href}` ei ole täydellinen linkki (alkuun tarvitaan esimerkiksi https://)",
            "`{href}` är ingen absolut länk (den behöver t.ex. https://)",
            "`{href}` is not an absolute link (it needs e.g. https://)",
        ],
        /// Fill `{schemes}` (comma-separated), `{scheme}`.
        HrefScheme => [
            "linkeissä saa käyttää vain muotoja {schemes} (nyt `{scheme}:`)",
            "länkar får bara använda {schemes} (hittade `{scheme}:`)",
            "links may only use {schemes} (found `{scheme}:`)",
        ],
        /// Fill `{href}`.
        HrefNoHost => [
            "linkistä `{href}` puuttuu palvelimen nimi",
            "`{href}` saknar värdnamn",
            "`{href}` has no host",
        ],
        /// Fill `{href}`.
        HrefNotTel => [
            "`{href}` ei ole tel:-linkki puhelinnumeroon",
            "`{href}` är ingen tel:-länk till ett telefonnummer",
            "`{href}` is not a tel: link to a phone number",
        ],
        /// Fill `{href}`.
        MailtoNotEmail => [
            "`{href}` ei ole mailto:-linkki sähköpostiosoitteeseen",
            "`{href}` är ingen mailto:-länk till en e-postadress",
            "`{href}` is not a mailto: link to an email address",
        ],
        /// Fill `{href}`, `{found}` (the refused parameter).
        MailtoHidden => [
            "`{href}`: mailto:-linkissä saa antaa vain aiheen (subject) ja viestin (body), ei muuta (nyt `{found}`)",
            "`{href}`: en mailto:-länk får bara ange ämne (subject) och meddelande (body), inget annat (hittade `{found}`)",
            "`{href}`: a mailto: link may give a subject and a body, nothing else (found `{found}`)",
        ],

        // ---- codes and ids ---------------------------------------------------------------------
        BusinessIdUnprintable => [
            "Y-tunnus saa sisältää vain tulostettavia merkkejä, eikä se saa olla tyhjä",
            "FO-numret får bara innehålla utskrivbara tecken och får inte vara tomt",
            "must be a printable business ID",
        ],
        /// Fill `{id}`.
        BusinessIdImpossible => [
            "`{id}` ei voi olla Y-tunnus: sille ei ole kelvollista tarkistusnumeroa",
            "`{id}` kan inte vara ett finskt FO-nummer (Y-tunnus): det finns ingen giltig kontrollsiffra",
            "`{id}` cannot be a Finnish business ID (Y-tunnus): no valid check digit exists",
        ],
        /// Fill `{id}`, `{expected}`.
        BusinessIdCheckDigit => [
            "`{id}` ei ole kelvollinen Y-tunnus: tarkistusnumeron pitäisi olla {expected}",
            "`{id}` är inget giltigt finskt FO-nummer (Y-tunnus): kontrollsiffran ska vara {expected}",
            "`{id}` is not a valid Finnish business ID (Y-tunnus): the check digit should be {expected}",
        ],
        /// Fill `{code}`, `{meant}`.
        LocationMeant => [
            "`{code}` ei ole maakoodi (ISO 3166-1 alpha-2): kirjoita `{meant}`",
            "`{code}` är ingen landskod (ISO 3166-1 alpha-2): skriv `{meant}`",
            "`{code}` is not a country code (ISO 3166-1 alpha-2): write `{meant}`",
        ],
        /// Fill `{code}`.
        NotLocation => [
            "`{code}` ei ole maakoodi (ISO 3166-1 alpha-2, esim. FI, US) eikä EU / EEA",
            "`{code}` är varken en landskod (ISO 3166-1 alpha-2, t.ex. FI, US) eller EU / EEA",
            "`{code}` is not a country code (ISO 3166-1 alpha-2, e.g. FI, US) or EU / EEA",
        ],
        /// Fill `{duration}`.
        NotDuration => [
            "`{duration}` ei ole ISO 8601 -kesto, kuten P24M, P5Y tai P1Y6M",
            "`{duration}` är ingen ISO 8601-varaktighet som P24M, P5Y eller P1Y6M",
            "`{duration}` is not an ISO 8601 duration such as P24M, P5Y or P1Y6M",
        ],
        /// Fill `{found}`, `{known}`.
        UnsupportedFormat => [
            "tiedostomuotoa {found} ei tueta (tämä ohjelma tuntee muodon {known})",
            "formatet {found} stöds inte (den här läsaren känner till format {known})",
            "unsupported format {found} (this reader knows format {known})",
        ],
        /// Fill `{id}`.
        BadId => [
            "`{id}` ei ole muotoa organisaatio/seloste (pieniä kirjaimia a–z, numeroita ja viivoja, esim. kaarea/asiakasrekisteri)",
            "`{id}` är inget id av formen organisation/beskrivning (små bokstäver a–z, siffror och bindestreck, t.ex. kaarea/asiakasrekisteri)",
            "`{id}` is not an id of the form organisation/notice (lower-case letters, digits and dashes, e.g. kaarea/asiakasrekisteri)",
        ],
        NoLanguages => [
            "selosteella on oltava vähintään yksi kieli",
            "en beskrivning behöver minst ett språk",
            "a notice needs at least one language",
        ],
        /// Fill `{lang}`.
        BadLanguage => [
            "`{lang}` ei ole kielikoodi, kuten fi, sv tai en",
            "`{lang}` är ingen språkkod som fi, sv eller en",
            "`{lang}` is not a language code such as fi, sv or en",
        ],
        /// Fill `{value}` (as the file writes it, quoted).
        ListedTwice => ["{value} on mainittu kahdesti", "{value} finns två gånger", "{value} is listed twice"],

        // ---- statements that contradict each other or say nothing ------------------------------
        DpoContradiction => [
            "seloste nimeää tietosuojavastaavan (`dpo`) ja sanoo myös, ettei tietosuojavastaavaa ole nimitetty: säilytä vain toinen",
            "beskrivningen anger ett dataskyddsombud (`dpo`) och säger också att inget har utsetts: behåll bara det ena",
            "names a data protection officer in `dpo` and says none is appointed: keep one of them",
        ],
        GroupWithoutData => [
            "rekisteröityjen ryhmälle on annettava vähintään yksi tietoryhmä",
            "en grupp av registrerade behöver minst en kategori av uppgifter",
            "a group of data subjects needs at least one kind of data",
        ],
        SourcesEmpty => [
            "kerro, mistä tiedot saadaan, tai jätä osio pois",
            "ange varifrån uppgifterna kommer, eller utelämna avsnittet",
            "say where the data comes from, or leave the section out",
        ],
        RecipientsEmpty => [
            "nimeä vastaanottajat tai kerro, ettei niitä ole, tai jätä osio pois",
            "ange mottagarna eller att det inte finns några, eller utelämna avsnittet",
            "name the recipients or say that there are none, or leave the section out",
        ],
        TransfersNotOutside => [
            "siirrot on lueteltu, vaikka kohdan `outside_eea` mukaan tietoja ei siirretä EU:n/ETA:n ulkopuolelle: muuta se tai poista siirrot",
            "överföringar listas fast `outside_eea` säger att inga uppgifter överförs utanför EU/EES: ändra det eller ta bort överföringarna",
            "lists transfers although `outside_eea` is false: set it to true or remove the items",
        ],
        NoSafeguard => [
            "nimeä suojatoimi, johon siirto perustuu (13 artiklan 1 kohdan f alakohta)",
            "ange den skyddsåtgärd som överföringen grundar sig på (artikel 13.1 f)",
            "name the safeguard the transfer rests on (Art. 13(1)(f))",
        ],
        /// Fill `{country}`.
        TransferInsideEea => [
            "`{country}` on EU:n/ETA:n sisällä: kyse ei ole siirrosta kolmanteen maahan",
            "`{country}` ligger inom EU/EES: detta är ingen överföring till ett tredjeland",
            "`{country}` is inside the EU/EEA: this is not a transfer to a third country",
        ],
        RetentionEmpty => [
            "ilmoita säilytysaika tai sen määrittämisperusteet, tai jätä osio pois",
            "ange en lagringstid eller kriterierna för den, eller utelämna avsnittet",
            "state a retention period or its criteria, or leave the section out",
        ],
        ChangesEmpty => [
            "kerro, miten muutoksista ilmoitetaan, tai jätä osio pois",
            "berätta hur ändringar meddelas, eller utelämna avsnittet",
            "say how changes are made known, or leave the section out",
        ],

        // ---- completeness findings (GDPR Art. 13 and 14) -------------------------------------
        NoControllerContact => [
            "selosteessa ei ole rekisterinpitäjän yhteystietoja",
            "beskrivningen anger inga kontaktuppgifter till den personuppgiftsansvarige",
            "the notice gives no contact details of the controller",
        ],
        /// Fill `{country}` (a code).
        NoRepresentative => [
            "rekisterinpitäjä on sijoittautunut EU:n/ETA:n ulkopuolelle ({country}), mutta seloste ei nimeä sen edustajaa unionissa (27 artikla)",
            "den personuppgiftsansvarige är etablerad i {country}, utanför EU/EES, men beskrivningen anger ingen företrädare i unionen (artikel 27)",
            "the controller is established in {country}, outside the EU/EEA, but the notice names no representative in the Union (Art. 27)",
        ],
        NoPurposes => [
            "seloste ei kerro käsittelyn tarkoituksia",
            "beskrivningen anger inte ändamålen med behandlingen",
            "the notice does not state the purposes of the processing",
        ],
        NoLegalBasis => [
            "seloste ei kerro käsittelyn oikeusperustetta",
            "beskrivningen anger inte den rättsliga grunden för behandlingen",
            "the notice does not state the legal basis for the processing",
        ],
        /// Fill `{purpose}` (its name in the notice's main language).
        NoPurposeLegalBasis => [
            "seloste ei kerro käyttötarkoituksen ”{purpose}” oikeusperustetta",
            "beskrivningen anger inte den rättsliga grunden för ändamålet ”{purpose}”",
            "the notice does not state the legal basis of the purpose “{purpose}”",
        ],
        NoLegitimateInterests => [
            "käsittely perustuu oikeutettuun etuun, mutta seloste ei kerro, mikä tuo etu on",
            "behandlingen grundar sig på berättigade intressen, men beskrivningen anger inte vilka dessa intressen är",
            "the processing relies on legitimate interests, but the notice does not say what those interests are",
        ],
        /// Fill `{purpose}`.
        NoPurposeLegitimateInterest => [
            "käyttötarkoitus ”{purpose}” perustuu oikeutettuun etuun, mutta seloste ei kerro, mikä tuo etu on",
            "ändamålet ”{purpose}” grundar sig på berättigat intresse, men beskrivningen anger inte vilket intresset är",
            "the purpose “{purpose}” relies on legitimate interests, but the notice does not say what the interest is",
        ],
        NoSpecialCategoryCondition => [
            "seloste luettelee erityisiä henkilötietoryhmiä mutta ei 9 artiklan 2 kohdan mukaista edellytystä, joka sallii niiden käsittelyn",
            "beskrivningen listar särskilda kategorier av personuppgifter men inget villkor i artikel 9.2 som tillåter att de behandlas",
            "the notice lists special categories of personal data but no condition of Art. 9(2) that allows processing them",
        ],
        NoRecipients => [
            "seloste ei kerro, kuka henkilötietoja vastaanottaa, eikä sitä, ettei niitä luovuteta kenellekään",
            "beskrivningen anger inte vem som tar emot personuppgifterna, eller att ingen gör det",
            "the notice does not say who receives the personal data, or that no one does",
        ],
        NoTransfers => [
            "seloste ei kerro, siirretäänkö henkilötietoja EU:n/ETA:n ulkopuolelle",
            "beskrivningen anger inte om personuppgifter överförs utanför EU/EES",
            "the notice does not say whether personal data is transferred outside the EU/EEA",
        ],
        TransfersNowhere => [
            "selosteen mukaan tietoja siirretään EU:n/ETA:n ulkopuolelle, mutta se ei kerro, minne tai millä suojatoimilla",
            "enligt beskrivningen överförs uppgifter utanför EU/EES, men inte vart eller med vilka skyddsåtgärder",
            "the notice says data is transferred outside the EU/EEA but not where to or under which safeguards",
        ],
        /// Fill `{name}` (the recipient's, in the notice's main language), `{location}` (a code).
        RecipientOutsideNoTransfer => [
            "vastaanottaja ”{name}” sijaitsee EU:n/ETA:n ulkopuolella ({location}), mutta seloste ei ilmoita siirrosta kolmanteen maahan",
            "mottagaren ”{name}” finns i {location}, utanför EU/EES, men beskrivningen anger ingen överföring till ett tredjeland",
            "the recipient “{name}” is located in {location}, outside the EU/EEA, but the notice declares no transfer to a third country",
        ],
        /// Fill `{name}`, `{location}`.
        RecipientOutsideNotNamed => [
            "vastaanottaja ”{name}” sijaitsee EU:n/ETA:n ulkopuolella ({location}), mutta mikään siirto ei mainitse sitä",
            "mottagaren ”{name}” finns i {location}, utanför EU/EES, men ingen överföring nämner den",
            "the recipient “{name}” is located in {location}, outside the EU/EEA, but no transfer names it",
        ],
        /// Fill `{recipient}`.
        TransferNotRecipient => [
            "tietoja siirretään vastaanottajalle ”{recipient}”, mutta seloste ei mainitse sitä vastaanottajien joukossa",
            "uppgifter överförs till ”{recipient}”, men beskrivningen tar inte upp den bland mottagarna",
            "data is transferred to “{recipient}”, but the notice does not list it among the recipients",
        ],
        NoRetention => [
            "seloste ei kerro, kuinka kauan henkilötietoja säilytetään, eikä perusteita, joilla säilytysaika määritetään",
            "beskrivningen anger inte hur länge personuppgifterna lagras eller de kriterier som avgör det",
            "the notice does not say how long personal data is kept, or the criteria that determine it",
        ],
        NoRightOfAccess => [
            "seloste ei kerro rekisteröidylle oikeudesta saada pääsy omiin tietoihinsa (15 artikla)",
            "beskrivningen informerar inte den registrerade om rätten till tillgång till sina uppgifter (artikel 15)",
            "the notice does not tell the data subject of the right of access to their data (Art. 15)",
        ],
        NoRightToRectification => [
            "seloste ei kerro rekisteröidylle oikeudesta saada virheelliset tiedot oikaistuiksi (16 artikla)",
            "beskrivningen informerar inte den registrerade om rätten att få felaktiga uppgifter rättade (artikel 16)",
            "the notice does not tell the data subject of the right to have inaccurate data rectified (Art. 16)",
        ],
        NoRightToErasure => [
            "seloste ei kerro rekisteröidylle oikeudesta tietojen poistamiseen (17 artikla)",
            "beskrivningen informerar inte den registrerade om rätten till radering (artikel 17)",
            "the notice does not tell the data subject of the right to erasure (Art. 17)",
        ],
        NoRightToRestriction => [
            "seloste ei kerro rekisteröidylle oikeudesta käsittelyn rajoittamiseen (18 artikla)",
            "beskrivningen informerar inte den registrerade om rätten till begränsning av behandling (artikel 18)",
            "the notice does not tell the data subject of the right to restriction of processing (Art. 18)",
        ],
        NoRightToObject => [
            "seloste ei kerro rekisteröidylle oikeudesta vastustaa käsittelyä (21 artikla)",
            "beskrivningen informerar inte den registrerade om rätten att invända mot behandling (artikel 21)",
            "the notice does not tell the data subject of the right to object to processing (Art. 21)",
        ],
        NoRightToPortability => [
            "seloste ei kerro rekisteröidylle oikeudesta siirtää tiedot järjestelmästä toiseen (20 artikla)",
            "beskrivningen informerar inte den registrerade om rätten till dataportabilitet (artikel 20)",
            "the notice does not tell the data subject of the right to data portability (Art. 20)",
        ],
        NoConsentWithdrawal => [
            "käsittely perustuu suostumukseen, mutta seloste ei kerro oikeudesta peruuttaa suostumus milloin tahansa",
            "behandlingen grundar sig på samtycke, men beskrivningen informerar inte om rätten att när som helst återkalla det",
            "the processing relies on consent, but the notice does not tell of the right to withdraw it at any time",
        ],
        NoComplaint => [
            "seloste ei kerro rekisteröidylle oikeudesta tehdä valitus valvontaviranomaiselle",
            "beskrivningen informerar inte den registrerade om rätten att lämna in klagomål till en tillsynsmyndighet",
            "the notice does not tell the data subject of the right to lodge a complaint with a supervisory authority",
        ],
        NoRequirement => [
            "seloste ei kerro, perustuuko henkilötietojen antaminen lakiin tai sopimukseen ja mitä seuraa, jos tietoja ei anneta",
            "beskrivningen anger inte om det är ett lagstadgat eller avtalsenligt krav att lämna personuppgifterna och vad som händer om de inte lämnas",
            "the notice does not say whether giving the personal data is a statutory or contractual requirement, and what follows if it is not given",
        ],
        NoAutomatedDecisions => [
            "seloste ei kerro, tehdäänkö automaattisia päätöksiä, profilointi mukaan lukien",
            "beskrivningen anger inte om automatiserat beslutsfattande, inklusive profilering, förekommer",
            "the notice does not say whether automated decision-making, including profiling, takes place",
        ],
        AutomatedUndescribed => [
            "selosteen mukaan automaattisia päätöksiä tehdään, mutta se ei kerro niiden logiikkaa, merkitystä eikä seurauksia",
            "enligt beskrivningen fattas automatiserade beslut, men den anger inte logiken bakom dem, deras betydelse eller följder",
            "the notice says automated decisions are made but not the logic involved, their significance or consequences",
        ],
        NoDataCategories => [
            "seloste ei luettele käsiteltäviä henkilötietoryhmiä",
            "beskrivningen listar inte de kategorier av personuppgifter som berörs",
            "the notice does not list the categories of personal data concerned",
        ],
        NoSources => [
            "seloste ei kerro, mistä henkilötiedot saadaan",
            "beskrivningen anger inte varifrån personuppgifterna kommer",
            "the notice does not say where the personal data comes from",
        ],

        // ---- histories -------------------------------------------------------------------------
        NoVersions => [
            "historiassa on oltava vähintään yksi julkaistu versio",
            "en historik behöver minst en publicerad version",
            "a history needs at least one published version",
        ],
        /// Fill `{count}`.
        NewestFirst => [
            "versiot on lueteltu uusin ensin ({count} … 1); historiassa ne luetellaan vanhin ensin, versio 1 ensimmäisenä, ja jokainen uusi versio lisätään loppuun",
            "versionerna är listade med den nyaste först ({count} … 1); en historik listar dem med den äldsta först, version 1 först, och varje ny version läggs till sist",
            "the versions are listed newest first ({count} … 1); a history lists them oldest first, version 1 first, each new version appended at the end",
        ],
        /// Fill `{expected}`, `{found}`.
        VersionGap => [
            "versionumerot juoksevat 1, 2, 3, … ilman aukkoja: odotettiin {expected}, löytyi {found}",
            "versionsnumren löper 1, 2, 3, … utan luckor: väntade {expected}, hittade {found}",
            "version numbers run 1, 2, 3, … without gaps: expected {expected}, found {found}",
        ],
        /// Fill `{number}`, `{published}`, `{previous}`, `{previous_published}`.
        DateGoesBack => [
            "julkaisupäivät eivät voi mennä taaksepäin: version {number} päiväys on {published}, mutta versio {previous} julkaistiin {previous_published}",
            "publiceringsdatum går aldrig bakåt: version {number} är daterad {published} men version {previous} publicerades {previous_published}",
            "publication dates never go back: version {number} is dated {published} but version {previous} was published {previous_published}",
        ],
        /// Fill `{expected}`, `{found}` (ids).
        OtherNotice => [
            "kaikki versiot kuuluvat samaan selosteeseen: odotettiin tunnusta `{expected}`, löytyi `{found}`",
            "alla versioner hör till samma beskrivning: väntade id:t `{expected}`, hittade `{found}`",
            "every version belongs to the same notice: expected id `{expected}`, found `{found}`",
        ],

        // ---- a publish request -----------------------------------------------------------------
        /// Fill `{id}` (the notice's), `{url}` (the URL's).
        IdNotInUrl => [
            "selosteen tunnus `{id}` ei ole sama kuin osoitteen tunnus `{url}`",
            "beskrivningens id `{id}` är inte samma som id:t i adressen, `{url}`",
            "the notice's id `{id}` is not the id in the URL, `{url}`",
        ],
        /// Fill `{date}`, `{today}`.
        PublishedInFuture => [
            "julkaisupäivä {date} on tulevaisuudessa (tänään on {today} UTC)",
            "publiceringsdagen {date} ligger i framtiden (i dag är det {today} UTC)",
            "{date} is in the future (today is {today} UTC)",
        ],
        /// Fill `{date}`, `{year}`.
        PublishedTooEarly => [
            "julkaisupäivä {date} on ennen vuotta {year}, jolloin EU:n tietosuojalainsäädäntö alkoi",
            "publiceringsdagen {date} är före {year}, då EU:s dataskyddslagstiftning började gälla",
            "{date} is before {year}, when EU data protection law began",
        ],
        /// Fill `{org}`.
        ReservedOrg => [
            "`{org}` on varattu palvelun omille osoitteille",
            "`{org}` är reserverat för tjänstens egna adresser",
            "`{org}` is reserved for the edge's own URLs",
        ],
        /// Fill `{date}`, `{today}`.
        BackdatedByKey => [
            "julkaisupäivä {date} on ennen tätä päivää ({today} UTC): organisaation avaimella voi antaa aiemman päivän vain tuotaessa historiaa selosteeseen, jolla ei ole voimassa olevia versioita",
            "publiceringsdagen {date} är före i dag ({today} UTC): med organisationens nyckel kan ett tidigare datum bara anges vid import av historik till en beskrivning utan aktuella versioner",
            "{date} is before today ({today} UTC): a key backdates only when importing into a notice without current versions",
        ],
        /// Fill `{date}`, `{latest}`.
        BeforeLatest => [
            "julkaisupäivä {date} on ennen viimeisimmän version julkaisupäivää {latest}",
            "publiceringsdagen {date} är före den senaste versionens publiceringsdag {latest}",
            "{date} is before the latest version's publication date {latest}",
        ],

        // ---- reading the file ------------------------------------------------------------------
        /// Fill `{detail}` (the parser's own words, English), `{line}`, `{column}`.
        Unreadable => [
            "tiedostoa ei voi lukea (rivi {line}, sarake {column}): {detail}",
            "filen kan inte läsas (rad {line}, kolumn {column}): {detail}",
            "{detail} (line {line}, column {column})",
        ],
        /// Fill `{detail}` (the parser's own words, English): a draft whose shape is wrong.
        Misshapen => [
            "luonnosta ei voi lukea: {detail}",
            "utkastet kan inte läsas: {detail}",
            "{detail}",
        ],
    }
}

/// One thing validation says: its entry and the values of the entry's placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saying {
    pub said: Said,
    pub values: BTreeMap<String, String>,
}

impl Said {
    /// This entry with the values of its placeholders.
    pub fn with(self, values: &[(&str, &str)]) -> Saying {
        Saying {
            said: self,
            values: (values.iter())
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    /// The stable name this entry is serialized as (`not_email`).
    pub fn code(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => String::new(),
        }
    }
}

impl From<Said> for Saying {
    fn from(said: Said) -> Saying {
        said.with(&[])
    }
}

impl Saying {
    /// The text in `lang` (Finnish, Swedish, else English).
    pub fn in_lang(&self, lang: &str) -> String {
        fill(self.said.get(lang), &self.values)
    }
}

/// English, as the CLI and the API say it: through [`Said::english`], so that a build that only
/// ever says English (the edge) links no Finnish or Swedish text.
impl fmt::Display for Saying {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&fill(self.said.english(), &self.values))
    }
}

/// `template` with each `{name}` replaced by its value, in one pass: a value that itself holds
/// braces (an address someone typed) is copied as it is, never filled again. A placeholder
/// without a value stays as written.
pub fn fill(template: &str, values: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let name = &after[..close];
            values.get(name).map(|v| (v, close))
        }) {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of the `{placeholders}` of `template`, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_')
}

/// Reads a `code` leniently: one this version does not know (from a newer edge) is read as
/// none, so the problem still shows, in its English `message`.
pub(super) fn lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Said>, D::Error> {
    let code: Option<String> = Option::deserialize(d)?;
    Ok(code.and_then(|c| {
        let d: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            c.as_str().into_deserializer();
        Said::deserialize(d).ok()
    }))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_entry_is_written_in_three_languages_with_the_same_placeholders() {
        for said in Said::ALL {
            let [fi, sv, en] = said.translations();
            for (lang, text) in [("fi", fi), ("sv", sv), ("en", en)] {
                assert!(!text.trim().is_empty(), "{said:?} has no {lang} text");
            }
            let names = |t| placeholders(t).into_iter().collect::<BTreeSet<_>>();
            assert_eq!(names(fi), names(en), "{said:?}: fi and en differ");
            assert_eq!(names(sv), names(en), "{said:?}: sv and en differ");
            assert_ne!(fi, en, "{said:?}: fi is English");
            assert_ne!(sv, en, "{said:?}: sv is English");
            assert_ne!(fi, sv, "{said:?}: fi and sv are the same");
        }
    }

    /// Words only one of the two languages has: every Finnish text holds one of its own and none
    /// of Swedish, and the other way round, so a translation written in the other's slot fails.
    const FINNISH: &[&str] = &[
        "ei",
        "on",
        "tai",
        "ja",
        "mutta",
        "eikä",
        "puuttuu",
        "saa",
        "sisältää",
        "kirjoita",
        "kerro",
        "nimeä",
        "ilmoita",
        "säilytä",
        "ilman",
        "löytyi",
    ];
    const SWEDISH: &[&str] = &[
        "och", "är", "inte", "eller", "men", "ett", "till", "får", "ska", "inget", "ingen", "har",
        "saknas", "saknar", "kan", "skriv", "ange", "berätta", "behåll", "finns", "utan",
        "behöver", "minst",
    ];

    /// The words of `text` outside `code` and `{placeholders}`, in lower case.
    fn words(text: &str) -> BTreeSet<String> {
        let mut plain = String::new();
        let mut skip = None;
        for c in text.chars() {
            match (skip, c) {
                (None, '`') => skip = Some('`'),
                (None, '{') => skip = Some('}'),
                (Some(end), c) if c == end => skip = None,
                (None, c) => plain.push(c),
                (Some(_), _) => {}
            }
        }
        (plain.split(|c: char| !c.is_alphabetic()))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    #[test]
    fn finnish_is_in_the_finnish_slot_and_swedish_in_the_swedish() {
        let has = |words: &BTreeSet<String>, list: &[&str]| list.iter().any(|w| words.contains(*w));
        for said in Said::ALL {
            let [fi, sv, _] = said.translations();
            let (fi, sv) = (words(fi), words(sv));
            assert!(
                has(&fi, FINNISH) && !has(&fi, SWEDISH),
                "{said:?}: not Finnish: {fi:?}"
            );
            assert!(
                has(&sv, SWEDISH) && !has(&sv, FINNISH),
                "{said:?}: not Swedish: {sv:?}"
            );
        }
    }

    #[test]
    fn codes_are_snake_case_and_read_back() {
        let codes: BTreeSet<String> = Said::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(codes.len(), Said::ALL.len());
        assert_eq!(Said::NotEmail.code(), "not_email");
        assert_eq!(Said::NoRightToObject.code(), "no_right_to_object");
        for said in Said::ALL {
            let json = serde_json::to_string(said).unwrap();
            assert_eq!(serde_json::from_str::<Said>(&json).unwrap(), *said);
        }
    }

    #[test]
    fn filling_is_one_pass_and_leaves_unknown_names() {
        let values: BTreeMap<String, String> = [("a", "{b}"), ("b", "B")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        assert_eq!(fill("{a} {b} {c} {", &values), "{b} B {c} {");
        assert_eq!(placeholders("x {a} {not a name} {b_c}"), ["a", "b_c"]);
        let s = Said::NotEmail.with(&[("email", "x")]);
        assert_eq!(s.to_string(), "`x` is not an email address");
        assert_eq!(s.in_lang("fi-FI"), "`x` ei ole sähköpostiosoite");
        assert_eq!(s.in_lang("sv"), "`x` är ingen e-postadress");
    }
}
