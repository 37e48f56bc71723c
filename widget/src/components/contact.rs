//! Contact cards: an organisation or a person with addresses, `tel:` and `mailto:` links.

use seloste_schema::party::{Address, Contact, Organisation, Phone};
use seloste_schema::sections::ComplaintAuthority;
use yew::prelude::*;

use super::prose::{link, prose, web_link};
use crate::i18n::{t, Message};
use crate::strings::cat;

/// The card of an organisation (controller, processor or representative).
pub fn organisation(o: &Organisation, lang: &str) -> Html {
    html! {
        <address class="card">
            <p class="card-name">{ o.name.clone() }</p>
            <dl>
                { fact(t(Message::BusinessId, lang), o.business_id.as_deref().map(text)) }
                { fact(t(Message::LegalForm, lang), o.legal_form.as_ref().map(|f| text(f.get(lang)))) }
                { fact(t(Message::ReferredToAs, lang), o.referred_to_as.as_ref().map(|r| text(r.get(lang)))) }
                { reach(&o.postal_address, &o.visiting_address, &o.phones, &o.emails, lang) }
                { fact(t(Message::Web, lang), o.web.as_deref().map(web_link)) }
            </dl>
        </address>
    }
}

/// The card of a person to contact (contact person, data protection officer).
pub fn contact(c: &Contact, lang: &str) -> Html {
    html! {
        <address class="card">
            if let Some(name) = &c.name {
                <p class="card-name">{ name.clone() }</p>
            }
            if let Some(title) = &c.title {
                <p>{ title.get(lang).to_owned() }</p>
            }
            if let Some(org) = &c.organisation {
                <p>{ org.clone() }</p>
            }
            <dl>{ reach(&c.postal_address, &c.visiting_address, &c.phones, &c.emails, lang) }</dl>
        </address>
    }
}

/// The card of a supervisory authority a complaint can be lodged with.
pub fn authority(a: &ComplaintAuthority, lang: &str) -> Html {
    html! {
        <>
            <address class="card">
                <p class="card-name">{ a.name.get(lang).to_owned() }</p>
                <dl>
                    { reach(&a.postal_address, &None, &a.phones, &a.emails, lang) }
                    { fact(t(Message::Web, lang), a.web.as_deref().map(web_link)) }
                </dl>
            </address>
            { prose(&a.notes, lang) }
        </>
    }
}

/// Addresses, phones and emails: the parts organisations and people share.
fn reach(
    postal: &Option<Address>,
    visiting: &Option<Address>,
    phones: &[Phone],
    emails: &[String],
    lang: &str,
) -> Html {
    html! {
        <>
            { fact(t(Message::PostalAddress, lang), postal.as_ref().map(address)) }
            { fact(t(Message::VisitingAddress, lang), visiting.as_ref().map(address)) }
            { many(t(Message::Phone, lang), phones.iter().map(|p| phone(p, lang))) }
            { many(t(Message::Email, lang), emails.iter().map(|e| link(&mailto(e), e))) }
        </>
    }
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
    html! {
        <>
            { link(&p.tel_uri(), &p.number) }
            if let Some(label) = &p.label {
                { cat(&[" (", label.get(lang), ")"]) }
            }
        </>
    }
}

fn text(s: &str) -> Html {
    html! { s.to_owned() }
}

/// One `<dt>`/`<dd>` pair, or nothing when the value is absent.
pub fn fact(term: &'static str, value: Option<Html>) -> Html {
    match value {
        Some(v) => html! { <><dt>{ term }</dt><dd>{ v }</dd></> },
        None => Html::default(),
    }
}

/// A term with one `<dd>` per value, or nothing when there are none.
fn many(term: &'static str, values: impl Iterator<Item = Html>) -> Html {
    let values: Vec<Html> = values.collect();
    if values.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <dt>{ term }</dt>
            { for values.into_iter().map(|v| html! { <dd>{ v }</dd> }) }
        </>
    }
}
