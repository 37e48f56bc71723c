//! The isolate's memory ([`crate::memo`]) put to work: a version's languages, the version a hash
//! pins, the latest version number (for the freshness window) and rendered pages, each read from
//! D1 or rendered only when this isolate does not hold it yet. A page served from here costs no D1
//! query and no Cache API read.

use std::cell::RefCell;

use worker::{Env, Result};

use seloste_schema::api::NoticeId;

use crate::cache::Rendered;
use crate::memo::{self, Bounded, Timed};
use crate::storage::{Head, Store};

thread_local! {
    static LATEST: RefCell<Bounded<NoticeId, Timed<Head>>> =
        RefCell::new(Bounded::new(memo::FACTS, |_| 1));
    static HEADS: RefCell<Bounded<(NoticeId, u32), Head>> =
        RefCell::new(Bounded::new(memo::FACTS, |_| 1));
    static PINS: RefCell<Bounded<(NoticeId, String), u32>> =
        RefCell::new(Bounded::new(memo::FACTS, |_| 1));
    static PAGES: RefCell<Bounded<String, Rendered>> =
        RefCell::new(Bounded::new(memo::PAGE_BYTES, |r: &Rendered| r.body.len()));
}

fn now_ms() -> u64 {
    crate::clock::now_ms()
}

fn ttl_ms(env: &Env) -> u64 {
    let var = env.var(memo::LATEST_TTL_VAR).ok().map(|v| v.to_string());
    memo::ttl_ms(var.as_deref())
}

/// The latest version's head: from memory while fresh, else from D1 (and then remembered).
pub async fn latest_head(env: &Env, id: &NoticeId) -> Result<Option<Head>> {
    let ttl = ttl_ms(env);
    let now = now_ms();
    let held = LATEST.with(|m| {
        m.borrow()
            .get(id)
            .filter(|t| t.fresh(now, ttl))
            .map(|t| t.value.clone())
    });
    if held.is_some() {
        return Ok(held);
    }
    let head = Store::open(env)?.latest_head(id).await?;
    if let Some(h) = &head {
        remember_latest(id, h.clone(), now);
    }
    Ok(head)
}

fn remember_latest(id: &NoticeId, head: Head, at_ms: u64) {
    HEADS.with(|m| {
        m.borrow_mut()
            .insert((id.clone(), head.number), head.clone())
    });
    LATEST.with(|m| {
        let mut m = m.borrow_mut();
        // Never go back to an older number than this isolate has seen (a slow D1 read that
        // started before a publish through this isolate must not hide it).
        if m.get(id)
            .is_some_and(|t| t.value.number > head.number && t.fresh(at_ms, u64::MAX))
        {
            return;
        }
        m.insert(id.clone(), Timed { value: head, at_ms });
    });
}

/// A version published through this isolate: its latest page and fragment show it at once (the
/// entry's copies of that page and of every fragment of the notice are forgotten too,
/// [`crate::fast`]).
pub fn published(id: &NoticeId, head: Head) {
    remember_latest(id, head, now_ms());
    crate::fast::forget(&id.path());
    crate::fast::forget(&crate::fast::fragment_path(id));
}

/// Until when (milliseconds) this isolate holds `n` as the latest version of `id`: `None` when it
/// holds another number (a publish overtook the read that rendered `n`) or nothing fresh.
pub fn latest_held_until(env: &Env, id: &NoticeId, n: u32) -> Option<(u64, u64)> {
    let ttl = ttl_ms(env);
    let now = now_ms();
    LATEST.with(|m| {
        m.borrow()
            .get(id)
            .filter(|t| t.value.number == n && t.fresh(now, ttl))
            .map(|t| (t.at_ms, t.at_ms.saturating_add(ttl)))
    })
}

/// From and until when (milliseconds) the Worker's entry may answer a rendering of version `n`
/// itself ([`crate::fast`]): a pinned version for as long as the isolate has room (`None` as the
/// end), the latest only while this isolate holds `n` as the latest number; `None`: not at all.
pub fn fast_window(env: &Env, id: &NoticeId, n: u32, latest: bool) -> Option<(u64, Option<u64>)> {
    if latest {
        latest_held_until(env, id, n).map(|(at, until)| (at, Some(until)))
    } else {
        Some((0, None))
    }
}

/// Version `n`'s head (a published version never changes, so it is held without expiry).
pub async fn version_head(env: &Env, id: &NoticeId, n: u32) -> Result<Option<Head>> {
    let key = (id.clone(), n);
    if let Some(h) = HEADS.with(|m| m.borrow().get(&key).cloned()) {
        return Ok(Some(h));
    }
    let head = Store::open(env)?.version_head(id, n).await?;
    if let Some(h) = &head {
        HEADS.with(|m| m.borrow_mut().insert(key, h.clone()));
    }
    Ok(head)
}

/// The number of the version `hash` pins (held without expiry: a pin never changes). A hash
/// that pins nothing is not remembered: asking again asks D1 again.
pub async fn number_of_hash(env: &Env, id: &NoticeId, hash: &str) -> Result<Option<u32>> {
    let key = (id.clone(), hash.to_owned());
    if let Some(n) = PINS.with(|m| m.borrow().get(&key).copied()) {
        return Ok(Some(n));
    }
    let n = Store::open(env)?.number_of_hash(id, hash).await?;
    if let Some(n) = n {
        PINS.with(|m| m.borrow_mut().insert(key, n));
    }
    Ok(n)
}

/// A rendered page this isolate holds under a cache key.
pub fn page(key: &str) -> Option<Rendered> {
    PAGES.with(|m| m.borrow().get(&key.to_owned()).cloned())
}

/// Keeps a rendered page (keys name an exact version, so it never needs forgetting but for room).
pub fn keep_page(key: &str, page: &Rendered) {
    PAGES.with(|m| m.borrow_mut().insert(key.to_owned(), page.clone()));
}
