//! The closed sets of the model: legal bases, special-category conditions, rights, transfer
//! safeguards, recipient roles. Each term carries its W3C Data Privacy Vocabulary (DPV) identifier
//! and the GDPR article it comes from, so a notice means the same thing to other tools, and its
//! customary name in Finnish, Swedish and English, so every renderer words it the same way.

use serde::{Deserialize, Serialize};

use crate::date::primary_subtag;

/// The namespace of DPV's GDPR extension.
pub const DPV_GDPR: &str = "https://w3id.org/dpv/legal/eu/gdpr#";
/// The namespace of DPV's core vocabulary.
pub const DPV: &str = "https://w3id.org/dpv#";

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident in $base:literal {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $json:literal, $term:literal, $article:literal,
                fi $fi:literal, sv $sv:literal, en $en:literal;
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $json)] $variant, )*
        }

        impl $name {
            /// Every term, in the order a notice customarily lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The identifier used in notice files.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $json),* }
            }

            /// The term's W3C Data Privacy Vocabulary IRI.
            pub fn dpv_iri(self) -> &'static str {
                match self { $($name::$variant => concat!($base, $term)),* }
            }

            /// The GDPR article the term comes from, e.g. `6(1)(b)`.
            pub fn article(self) -> &'static str {
                match self { $($name::$variant => $article),* }
            }

            /// The term's customary name in `lang` (Finnish, Swedish or English; English otherwise).
            pub fn label(self, lang: &str) -> &'static str {
                match (self, primary_subtag(lang)) {
                    $(
                        ($name::$variant, "fi") => $fi,
                        ($name::$variant, "sv") => $sv,
                        ($name::$variant, _) => $en,
                    )*
                }
            }
        }
    };
}

vocabulary! {
    /// A lawful basis for processing, GDPR Art. 6(1)(a)–(f).
    LegalBasis in "https://w3id.org/dpv/legal/eu/gdpr#" {
        Consent = "consent", "A6-1-a", "6(1)(a)",
            fi "Suostumus", sv "Samtycke", en "Consent";
        Contract = "contract", "A6-1-b", "6(1)(b)",
            fi "Sopimus", sv "Avtal", en "Contract";
        LegalObligation = "legal_obligation", "A6-1-c", "6(1)(c)",
            fi "Lakisääteinen velvoite", sv "Rättslig förpliktelse", en "Legal obligation";
        VitalInterests = "vital_interests", "A6-1-d", "6(1)(d)",
            fi "Elintärkeiden etujen suojaaminen", sv "Grundläggande intressen", en "Vital interests";
        PublicTask = "public_task", "A6-1-e", "6(1)(e)",
            fi "Yleisen edun mukainen tehtävä tai julkisen vallan käyttö",
            sv "Uppgift av allmänt intresse eller myndighetsutövning", en "Public task";
        LegitimateInterests = "legitimate_interests", "A6-1-f", "6(1)(f)",
            fi "Oikeutettu etu", sv "Berättigat intresse", en "Legitimate interests";
    }
}

vocabulary! {
    /// A condition that lifts the ban on processing special categories of data, GDPR Art. 9(2).
    SpecialCategoryCondition in "https://w3id.org/dpv/legal/eu/gdpr#" {
        ExplicitConsent = "explicit_consent", "A9-2-a", "9(2)(a)",
            fi "Nimenomainen suostumus", sv "Uttryckligt samtycke", en "Explicit consent";
        EmploymentAndSocialSecurity = "employment_and_social_security", "A9-2-b", "9(2)(b)",
            fi "Työoikeus ja sosiaaliturva", sv "Arbetsrätt och social trygghet",
            en "Employment and social security law";
        VitalInterests = "vital_interests", "A9-2-c", "9(2)(c)",
            fi "Elintärkeät edut", sv "Grundläggande intressen", en "Vital interests";
        NotForProfitBody = "not_for_profit_body", "A9-2-d", "9(2)(d)",
            fi "Voittoa tavoittelematon yhteisö", sv "Ideell organisation", en "Not-for-profit body";
        MadePublicBySubject = "made_public_by_subject", "A9-2-e", "9(2)(e)",
            fi "Rekisteröidyn julkiseksi saattamat tiedot", sv "Offentliggjorda av den registrerade",
            en "Made public by the data subject";
        LegalClaims = "legal_claims", "A9-2-f", "9(2)(f)",
            fi "Oikeusvaateet", sv "Rättsliga anspråk", en "Legal claims";
        SubstantialPublicInterest = "substantial_public_interest", "A9-2-g", "9(2)(g)",
            fi "Tärkeä yleinen etu", sv "Viktigt allmänt intresse", en "Substantial public interest";
        HealthOrSocialCare = "health_or_social_care", "A9-2-h", "9(2)(h)",
            fi "Terveydenhuolto ja sosiaalihuolto", sv "Hälso- och sjukvård eller social omsorg",
            en "Health or social care";
        PublicHealth = "public_health", "A9-2-i", "9(2)(i)",
            fi "Kansanterveys", sv "Folkhälsa", en "Public health";
        ArchivingOrResearch = "archiving_or_research", "A9-2-j", "9(2)(j)",
            fi "Arkistointi, tutkimus tai tilastointi", sv "Arkivering, forskning eller statistik",
            en "Archiving, research or statistics";
    }
}

vocabulary! {
    /// A right of the data subject, GDPR Chapter III and Art. 7(3), 77.
    Right in "https://w3id.org/dpv/legal/eu/gdpr#" {
        Access = "access", "A15", "15",
            fi "Oikeus saada pääsy tietoihin", sv "Rätt till tillgång", en "Right of access";
        Rectification = "rectification", "A16", "16",
            fi "Oikeus tietojen oikaisemiseen", sv "Rätt till rättelse", en "Right to rectification";
        Erasure = "erasure", "A17", "17",
            fi "Oikeus tietojen poistamiseen", sv "Rätt till radering", en "Right to erasure";
        Restriction = "restriction", "A18", "18",
            fi "Oikeus käsittelyn rajoittamiseen", sv "Rätt till begränsning av behandling",
            en "Right to restriction of processing";
        Portability = "portability", "A20", "20",
            fi "Oikeus siirtää tiedot järjestelmästä toiseen", sv "Rätt till dataportabilitet",
            en "Right to data portability";
        Object = "object", "A21", "21",
            fi "Oikeus vastustaa käsittelyä", sv "Rätt att göra invändningar",
            en "Right to object";
        WithdrawConsent = "withdraw_consent", "A7-3", "7(3)",
            fi "Oikeus peruuttaa suostumus", sv "Rätt att återkalla samtycke",
            en "Right to withdraw consent";
        AutomatedDecisions = "automated_decisions", "A22", "22",
            fi "Oikeus olla joutumatta automaattisen päätöksenteon kohteeksi",
            sv "Rätt att inte bli föremål för automatiserat beslutsfattande",
            en "Right not to be subject to automated decision-making";
        Complaint = "complaint", "A77", "77",
            fi "Oikeus tehdä valitus valvontaviranomaiselle",
            sv "Rätt att lämna klagomål till en tillsynsmyndighet",
            en "Right to lodge a complaint with a supervisory authority";
    }
}

vocabulary! {
    /// The safeguard for a transfer outside the EU/EEA, GDPR Art. 45–49.
    Safeguard in "https://w3id.org/dpv/legal/eu/gdpr#" {
        AdequacyDecision = "adequacy_decision", "A45-3", "45(3)",
            fi "Komission tietosuojan riittävyyttä koskeva päätös", sv "Kommissionens beslut om adekvat skyddsnivå",
            en "Adequacy decision";
        DataPrivacyFramework = "eu_us_data_privacy_framework", "A45-3", "45(3)",
            fi "EU:n ja Yhdysvaltojen välinen tietosuojakehys (komission päätös 10.7.2023)",
            sv "Dataskyddsramen mellan EU och USA (kommissionens beslut 10.7.2023)",
            en "EU–US Data Privacy Framework (Commission decision of 10 July 2023)";
        LegallyBindingInstrument = "legally_binding_instrument", "A46-2-a", "46(2)(a)",
            fi "Viranomaisten välinen oikeudellisesti sitova asiakirja",
            sv "Rättsligt bindande instrument mellan myndigheter",
            en "Legally binding instrument between public authorities";
        BindingCorporateRules = "binding_corporate_rules", "A46-2-b", "46(2)(b)",
            fi "Yritystä koskevat sitovat säännöt", sv "Bindande företagsbestämmelser",
            en "Binding corporate rules";
        StandardContractualClauses = "standard_contractual_clauses", "A46-2-c", "46(2)(c)",
            fi "Komission vakiosopimuslausekkeet", sv "Kommissionens standardavtalsklausuler",
            en "Standard contractual clauses";
        CodeOfConduct = "code_of_conduct", "A46-2-e", "46(2)(e)",
            fi "Hyväksytyt käytännesäännöt", sv "Godkänd uppförandekod", en "Approved code of conduct";
        Certification = "certification", "A46-2-f", "46(2)(f)",
            fi "Hyväksytty sertifiointimekanismi", sv "Godkänd certifieringsmekanism",
            en "Approved certification mechanism";
        AdHocContractualClauses = "ad_hoc_contractual_clauses", "A46-3-a", "46(3)(a)",
            fi "Valvontaviranomaisen hyväksymät sopimuslausekkeet", sv "Avtalsklausuler godkända av tillsynsmyndigheten",
            en "Contractual clauses authorised by a supervisory authority";
        ExplicitConsentDerogation = "explicit_consent_derogation", "A49-1-a", "49(1)(a)",
            fi "Rekisteröidyn nimenomainen suostumus", sv "Den registrerades uttryckliga samtycke",
            en "Explicit consent of the data subject";
        ContractDerogation = "contract_derogation", "A49-1-b", "49(1)(b)",
            fi "Sopimuksen täytäntöönpano", sv "Fullgörande av ett avtal", en "Performance of a contract";
    }
}

impl Safeguard {
    /// The legal act a safeguard rests on, where it is one act: the EU–US Data Privacy Framework
    /// is the Commission's Implementing Decision (EU) 2023/1795 of 10 July 2023, an adequacy
    /// decision of Art. 45(3) (its DPV term, [`Safeguard::dpv_iri`]) for one country.
    pub fn legal_iri(self) -> Option<&'static str> {
        match self {
            Safeguard::DataPrivacyFramework => Some(DATA_PRIVACY_FRAMEWORK),
            _ => None,
        }
    }
}

/// The European Legislation Identifier of the EU–US Data Privacy Framework's adequacy decision.
pub const DATA_PRIVACY_FRAMEWORK: &str = "http://data.europa.eu/eli/dec_impl/2023/1795/oj";

vocabulary! {
    /// The part a recipient of personal data plays.
    RecipientRole in "https://w3id.org/dpv#" {
        Processor = "processor", "DataProcessor", "28",
            fi "Henkilötietojen käsittelijä", sv "Personuppgiftsbiträde", en "Processor";
        Controller = "controller", "DataController", "4(7)",
            fi "Itsenäinen rekisterinpitäjä", sv "Självständig personuppgiftsansvarig", en "Independent controller";
        JointController = "joint_controller", "JointDataControllers", "26",
            fi "Yhteisrekisterinpitäjä", sv "Gemensamt personuppgiftsansvarig", en "Joint controller";
        Authority = "authority", "Authority", "4(9)",
            fi "Viranomainen", sv "Myndighet", en "Public authority";
        Recipient = "recipient", "Recipient", "4(9)",
            fi "Vastaanottaja", sv "Mottagare", en "Recipient";
    }
}

vocabulary! {
    /// Whether the notice's organisation is the controller of the data it describes, or a processor
    /// describing the systems it runs on its clients' behalf.
    RoleKind in "https://w3id.org/dpv#" {
        Controller = "controller", "DataController", "4(7)",
            fi "Rekisterinpitäjä", sv "Personuppgiftsansvarig", en "Controller";
        Processor = "processor", "DataProcessor", "4(8)",
            fi "Henkilötietojen käsittelijä", sv "Personuppgiftsbiträde", en "Processor";
    }
}

vocabulary! {
    /// Whether giving the data is required, GDPR Art. 13(2)(e).
    RequirementKind in "https://w3id.org/dpv#" {
        Statutory = "statutory", "LegalObligation", "13(2)(e)",
            fi "Lakisääteinen vaatimus", sv "Lagstadgat krav", en "Statutory requirement";
        Contractual = "contractual", "Contract", "13(2)(e)",
            fi "Sopimukseen perustuva vaatimus", sv "Avtalsenligt krav", en "Contractual requirement";
        ContractPrerequisite = "contract_prerequisite", "ContractPerformance", "13(2)(e)",
            fi "Edellytys sopimuksen tekemiselle", sv "Krav för att ingå avtal",
            en "Requirement necessary to enter into a contract";
        Voluntary = "voluntary", "Consent", "13(2)(e)",
            fi "Vapaaehtoista", sv "Frivilligt", en "Voluntary";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_carry_their_dpv_identifiers() {
        assert_eq!(
            LegalBasis::Contract.dpv_iri(),
            "https://w3id.org/dpv/legal/eu/gdpr#A6-1-b"
        );
        assert_eq!(
            Right::Complaint.dpv_iri(),
            "https://w3id.org/dpv/legal/eu/gdpr#A77"
        );
        assert_eq!(
            Safeguard::StandardContractualClauses.dpv_iri(),
            "https://w3id.org/dpv/legal/eu/gdpr#A46-2-c"
        );
        assert_eq!(
            RecipientRole::Processor.dpv_iri(),
            "https://w3id.org/dpv#DataProcessor"
        );
        for b in LegalBasis::ALL {
            assert!(b.dpv_iri().starts_with(DPV_GDPR));
        }
    }

    #[test]
    fn terms_round_trip_through_their_json_ids() {
        for r in Right::ALL {
            let json = serde_json::to_string(r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.id()));
            assert_eq!(serde_json::from_str::<Right>(&json).unwrap(), *r);
        }
        assert!(serde_json::from_str::<LegalBasis>("\"friendship\"").is_err());
    }

    #[test]
    fn labels_follow_the_primary_language_and_fall_back_to_english() {
        assert_eq!(LegalBasis::Contract.label("fi"), "Sopimus");
        assert_eq!(LegalBasis::Contract.label("sv-FI"), "Avtal");
        assert_eq!(LegalBasis::Contract.label("de"), "Contract");
        assert_eq!(Right::Access.article(), "15");
    }
}
