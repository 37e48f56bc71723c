//! Contact cards: an organisation or a person with addresses, `tel:` and `mailto:` links.

use seloste_schema::party::{Address, Contact, Organisation, Phone, Representative};
use seloste_schema::sections::ComplaintAuthority;
use seloste_schema::Text;
use yew::prelude::*;

use super::dom::{each, el, el_class, frag, none, owned, para, text};
use super::prose::{link, prose, web_link};
use crate::i18n::{t, Message};
use crate::strings::cat;

/// What an organisation's card shows, borrowed from an [`Organisation`] or a [`Representative`]
/// (which has the same fields): the card never copies the notice's data.
struct OrganisationCard<'a> {
    name: &'a str,
    business_id: &'a Option<String>,
    legal_form: &'a Option<Text>,
    referred_to_as: &'a Option<Text>,
    postal_address: &'a Option<Address>,
    visiting_address: &'a Option<Address>,
    phones: &'a [Phone],
    emails: &'a [String],
    web: &'a Option<String>,
}

/// Borrows the card's fields from anything with an organisation's fields.
macro_rules! organisation_card {
    ($o:expr) => {
        OrganisationCard {
            name: &$o.name,
            business_id: &$o.business_id,
            legal_form: &$o.legal_form,
            referred_to_as: &$o.referred_to_as,
            postal_address: &$o.postal_address,
            visiting_address: &$o.visiting_address,
            phones: &$o.phones,
            emails: &$o.emails,
            web: &$o.web,
        }
    };
}

/// The card of an organisation (controller or processor).
pub fn organisation(o: &Organisation, lang: &str) -> Html {
    organisation_card(&organisation_card!(o), lang)
}

/// The card of a representative: an organisation's card.
pub fn representative(r: &Representative, lang: &str) -> Html {
    organisation_card(&organisation_card!(r), lang)
}

fn organisation_card(o: &OrganisationCard, lang: &str) -> Html {
    card(
        el_class("p", "card-name", text(o.name)),
        frag(vec![
            fact(
                t(Message::BusinessId, lang),
                o.business_id.as_deref().map(text),
            ),
            text_fact(Message::LegalForm, o.legal_form.as_ref(), lang),
            text_fact(Message::ReferredToAs, o.referred_to_as.as_ref(), lang),
            reach(
                o.postal_address,
                o.visiting_address,
                o.phones,
                o.emails,
                lang,
            ),
            fact(t(Message::Web, lang), o.web.as_deref().map(web_link)),
        ]),
    )
}

/// The card of a person to contact (contact person, data protection officer).
pub fn contact(c: &Contact, lang: &str) -> Html {
    card(
        frag(vec![
            c.name
                .as_deref()
                .map_or_else(none, |name| el_class("p", "card-name", text(name))),
            c.title
                .as_ref()
                .map_or_else(none, |title| para(title.get(lang))),
            c.organisation.as_deref().map_or_else(none, para),
        ]),
        reach(
            &c.postal_address,
            &c.visiting_address,
            &c.phones,
            &c.emails,
            lang,
        ),
    )
}

/// The card of a supervisory authority a complaint can be lodged with.
pub fn authority(a: &ComplaintAuthority, lang: &str) -> Html {
    frag(vec![
        card(
            el_class("p", "card-name", text(a.name.get(lang))),
            frag(vec![
                reach(&a.postal_address, &None, &a.phones, &a.emails, lang),
                fact(t(Message::Web, lang), a.web.as_deref().map(web_link)),
            ]),
        ),
        prose(&a.notes, lang),
    ])
}

/// `<address class="card">`: who, then a `<dl>` of how to reach them.
#[inline(never)]
fn card(who: Html, facts: Html) -> Html {
    el_class("address", "card", frag(vec![who, el("dl", facts)]))
}

/// Addresses, phones and emails: the parts organisations and people share.
fn reach(
    postal: &Option<Address>,
    visiting: &Option<Address>,
    phones: &[Phone],
    emails: &[String],
    lang: &str,
) -> Html {
    frag(vec![
        fact(
            t(Message::PostalAddress, lang),
            postal.as_ref().map(address),
        ),
        fact(
            t(Message::VisitingAddress, lang),
            visiting.as_ref().map(address),
        ),
        many(t(Message::Phone, lang), phones, |p| phone(p, lang)),
        many(t(Message::Email, lang), emails, |e| link(&mailto(e), e)),
    ])
}

/// The `mailto:` link of an address. Every character but letters, digits, `@` and `. _ - ~` is
/// percent-encoded, so the address stays one address even if it reached the renderer unvalidated:
/// `a@b.fi?bcc=c@evil.example` becomes a single (undeliverable) address, never a hidden copy.
pub fn mailto(email: &str) -> String {
    let mut href = String::from("mailto:");
    for b in email.bytes() {
        if b.is_ascii_alphanumeric() || b"@._-~".contains(&b) {
            href.push(char::from(b));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            href.push('%');
            href.push(char::from(HEX[usize::from(b >> 4)]));
            href.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    href
}

fn address(a: &Address) -> Html {
    html! {
        <>
            { a.street.clone() }<br />
            { cat(&[&a.postal_code, " ", &a.city]) }
            if let Some(region) = &a.region {
                <br />{ region.clone() }
            }
            if let Some(country) = &a.country {
                <br />{ country.clone() }
            }
        </>
    }
}

fn phone(p: &Phone, lang: &str) -> Html {
    frag(vec![
        link(&p.tel_uri(), &p.number),
        p.label
            .as_ref()
            .map_or_else(none, |label| owned(cat(&[" (", label.get(lang), ")"]))),
    ])
}

/// One `<dt>`/`<dd>` pair, or nothing when the value is absent.
#[inline(never)]
pub fn fact(term: &'static str, value: Option<Html>) -> Html {
    match value {
        Some(v) => frag(vec![el("dt", text(term)), el("dd", v)]),
        None => none(),
    }
}

/// A term and a text of the notice in `lang`, or nothing when the notice has none.
pub fn text_fact(term: Message, value: Option<&Text>, lang: &str) -> Html {
    fact(t(term, lang), value.map(|v| text(v.get(lang))))
}

/// A term with one `<dd>` per value, or nothing when there are none.
fn many<T>(term: &'static str, values: &[T], value: impl Fn(&T) -> Html) -> Html {
    if values.is_empty() {
        return none();
    }
    frag(vec![
        el("dt", text(term)),
        each(values, |v| el("dd", value(v))),
    ])
}
