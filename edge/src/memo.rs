//! What an isolate keeps in its own memory between requests, so that a cached page costs no D1
//! query and no Cache API read: the facts that never change (a version's languages, which version
//! a hash pins), the latest version number of each notice for a short freshness window, and the
//! rendered pages themselves, bounded in bytes.
//!
//! An isolate serves many requests one after another (and interleaved at awaits) on one thread, so
//! the memory is a thread-local; it is lost whenever the runtime drops the isolate, which costs
//! only a D1 read and a Cache API hit. Every map is bounded, so a crawler walking every version of
//! every notice cannot grow an isolate without limit: the oldest entries go first.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

/// The latest version number is held this long by default before D1 is asked again: the most a
/// reader of the notice's own URL waits to see a version published through another isolate. A
/// publish through this isolate is visible at once; a version's own URL (`/v/{n}`), at once
/// everywhere. `LATEST_TTL_SECONDS` (a var) overrides it.
pub const LATEST_TTL_MS: u64 = 10_000;

/// The var that sets the freshness window in seconds (the tests set a short one).
pub const LATEST_TTL_VAR: &str = "LATEST_TTL_SECONDS";

/// Rendered pages kept per isolate, in bytes of body (a Workers isolate has 128 MB).
pub const PAGE_BYTES: usize = 16 * 1024 * 1024;

/// Small facts kept per isolate (version heads, pins, latest numbers), in entries.
pub const FACTS: usize = 10_000;

/// A map that holds at most `budget` units (entries, or bytes as `weigh` counts them), forgetting
/// the oldest insertions first. Reads do not reorder: what was rendered first goes first, which
/// for pages keyed by version number is what is least likely to be read again.
pub struct Bounded<K, V> {
    map: HashMap<K, V>,
    order: VecDeque<K>,
    used: usize,
    budget: usize,
    weigh: fn(&V) -> usize,
}

impl<K: Hash + Eq + Clone, V> Bounded<K, V> {
    pub fn new(budget: usize, weigh: fn(&V) -> usize) -> Self {
        Bounded {
            map: HashMap::new(),
            order: VecDeque::new(),
            used: 0,
            budget,
            weigh,
        }
    }

    pub fn get(&self, key: &K) -> Option<&V> {
        self.map.get(key)
    }

    /// Keeps `value` under `key` (replacing an older value), then forgets the oldest entries
    /// until the budget holds. A value heavier than the whole budget is not kept.
    pub fn insert(&mut self, key: K, value: V) {
        let weight = (self.weigh)(&value);
        if weight > self.budget {
            return;
        }
        if let Some(old) = self.map.insert(key.clone(), value) {
            self.used -= (self.weigh)(&old);
        } else {
            self.order.push_back(key);
        }
        self.used += weight;
        while self.used > self.budget {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some(v) = self.map.remove(&oldest) {
                self.used -= (self.weigh)(&v);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The units in use (never above the budget).
    pub fn used(&self) -> usize {
        self.used
    }
}

/// A value read at `at_ms`, fresh for `ttl_ms`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timed<V> {
    pub value: V,
    pub at_ms: u64,
}

impl<V> Timed<V> {
    /// Whether the value may still be used at `now_ms`. A clock that went back counts as stale.
    pub fn fresh(&self, now_ms: u64, ttl_ms: u64) -> bool {
        now_ms >= self.at_ms && now_ms - self.at_ms < ttl_ms
    }
}

/// The freshness window from the var's value (whole seconds, 0 disables holding), else the default.
pub fn ttl_ms(var: Option<&str>) -> u64 {
    var.and_then(|v| v.trim().parse::<u64>().ok())
        .map_or(LATEST_TTL_MS, |s| s.saturating_mul(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_entries_go_first_and_the_budget_holds() {
        let mut m: Bounded<u32, String> = Bounded::new(10, String::len);
        m.insert(1, "aaaa".into());
        m.insert(2, "bbbb".into());
        assert_eq!(m.used(), 8);
        m.insert(3, "cccc".into());
        assert!(m.get(&1).is_none(), "the oldest is forgotten");
        assert_eq!(m.get(&2).map(String::as_str), Some("bbbb"));
        assert_eq!(m.used(), 8);
        m.insert(4, "x".repeat(11));
        assert!(m.get(&4).is_none(), "heavier than the budget: not kept");
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn replacing_a_value_counts_its_new_weight() {
        let mut m: Bounded<&str, String> = Bounded::new(10, String::len);
        m.insert("a", "12345".into());
        m.insert("a", "12".into());
        assert_eq!(m.used(), 2);
        assert_eq!(m.len(), 1);
        m.insert("b", "123456789".into());
        assert!(m.get(&"a").is_none());
        assert_eq!(m.used(), 9);
    }

    #[test]
    fn counting_entries() {
        let mut m: Bounded<u32, u32> = Bounded::new(3, |_| 1);
        for i in 0..10 {
            m.insert(i, i);
        }
        assert_eq!(m.len(), 3);
        assert!(m.get(&6).is_none() && m.get(&7).is_some() && m.get(&9).is_some());
    }

    #[test]
    fn freshness_is_a_window_from_the_read() {
        let t = Timed {
            value: 3,
            at_ms: 1_000,
        };
        assert!(t.fresh(1_000, 500));
        assert!(t.fresh(1_499, 500));
        assert!(!t.fresh(1_500, 500));
        assert!(!t.fresh(999, 500), "a clock that went back");
        assert!(!t.fresh(1_000, 0), "a zero window holds nothing");
        assert_eq!(ttl_ms(None), LATEST_TTL_MS);
        assert_eq!(ttl_ms(Some("2")), 2_000);
        assert_eq!(ttl_ms(Some("0")), 0);
        assert_eq!(ttl_ms(Some("soon")), LATEST_TTL_MS);
    }
}
