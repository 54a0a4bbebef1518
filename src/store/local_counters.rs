//! Rate-limit and throttle counters in this process's memory, for a store that only one process
//! uses (SQLite): the same fixed windows as the shared stores' counters, without a round trip.
//!
//! Every rate-limited request hits a counter before its work, two or three times for a token
//! request. In SQLite each hit was a statement on a connection that sqlx runs on its own thread,
//! so a hit cost two thread hand-offs (a profile of the refresh grant put hand-offs at 30 % of
//! the server's time). Counters need no durability (a restart forgets them, as a crash of the
//! old counters' file without fsync could) and a SQLite file has one authgate process, so memory
//! is enough. Replicas on PostgreSQL keep sharing theirs in the database.
//!
//! The map is bounded ([`CAPACITY`] keys): a client inventing keys (addresses, user names)
//! cannot grow it without end. When it is full, an expired counter makes room if there is one;
//! otherwise the live counter with the **lowest count** (the soonest-ending among equals). Not
//! simply the soonest-ending: a throttle's counter for a user under attack is the oldest, and
//! dropping it first would let anyone who sprays enough other user names reset that user's
//! lock. A sprayed key has a count of one; the attacked user's has the attempts made on it.

use super::CounterHit;
use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;
use time::OffsetDateTime;

/// Counters kept at most: about 200 bytes each with a key of tens of bytes, so 64 Ki keys are
/// ~13 MiB at worst; a deployment's legitimate keys (one per client address, app and user
/// with a recent attempt) fit many times over.
pub const CAPACITY: usize = 65_536;

/// Counters keyed by name, with their count and window end (whole seconds, as SQLite and
/// PostgreSQL keep them).
#[derive(Debug)]
pub struct LocalCounters {
    table: Mutex<Table>,
    capacity: usize,
    /// Whether a live counter has had to make room yet: warned about once per process.
    evicted_live: AtomicBool,
}

#[derive(Debug, Default)]
struct Table {
    counts: HashMap<Arc<str>, (u32, i64)>,
    /// The same counters ordered by window end: what expires first.
    by_end: BTreeSet<(i64, Arc<str>)>,
    /// And by count, then window end: which live counter makes room when the map is full.
    by_count: BTreeSet<(u32, i64, Arc<str>)>,
}

impl Table {
    fn insert(&mut self, name: Arc<str>, count: u32, end: i64) {
        self.by_end.insert((end, Arc::clone(&name)));
        self.by_count.insert((count, end, Arc::clone(&name)));
        self.counts.insert(name, (count, end));
    }

    fn remove(&mut self, key: &str) -> Option<(Arc<str>, u32, i64)> {
        let (name, (count, end)) = self.counts.remove_entry(key)?;
        self.by_end.remove(&(end, Arc::clone(&name)));
        self.by_count.remove(&(count, end, Arc::clone(&name)));
        Some((name, count, end))
    }

    /// Sets a live counter's count, keeping `by_count` in step; its new count.
    fn set_count(
        &mut self,
        key: &str,
        now: i64,
        change: impl Fn(u32) -> u32,
    ) -> Option<(u32, i64)> {
        let (name, (count, end)) = self
            .counts
            .get_key_value(key)
            .map(|(n, v)| (Arc::clone(n), *v))?;
        if end <= now {
            return None;
        }
        let new = change(count);
        self.by_count.remove(&(count, end, Arc::clone(&name)));
        self.by_count.insert((new, end, Arc::clone(&name)));
        self.counts.insert(name, (new, end));
        Some((new, end))
    }

    /// The counter to drop for room: an expired one, else the lowest count, soonest-ending.
    fn victim(&self, now: i64) -> Option<(Arc<str>, bool)> {
        match self.by_end.first() {
            Some((end, name)) if *end <= now => Some((Arc::clone(name), false)),
            _ => self
                .by_count
                .first()
                .map(|(_, _, name)| (Arc::clone(name), true)),
        }
    }
}

impl Default for LocalCounters {
    fn default() -> Self {
        Self::with_capacity(CAPACITY)
    }
}

impl LocalCounters {
    pub fn new() -> Self {
        Self::default()
    }

    /// A map of at most `capacity` counters (at least one).
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            table: Mutex::default(),
            capacity: capacity.max(1),
            evicted_live: AtomicBool::new(false),
        }
    }

    // A panic while holding the lock leaves the table consistent (every change below is
    // finished before anything that could panic), so a poisoned lock is still usable.
    fn table(&self) -> MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// [`crate::store::Store::hit_counter_window`].
    pub fn hit(&self, key: &str, window: Duration, now: OffsetDateTime) -> CounterHit {
        let now = now.unix_timestamp();
        let window_end = now.saturating_add(window_secs(window));
        let mut t = self.table();
        if let Some((count, end)) = t.set_count(key, now, |c| c.saturating_add(1)) {
            return CounterHit {
                count,
                window_ends: from_secs(end),
            };
        }
        // Absent, or its window has passed: this hit starts a new window at 1.
        let name: Arc<str> = match t.remove(key) {
            Some((name, _, _)) => name,
            None => {
                while t.counts.len() >= self.capacity {
                    let Some((victim, live)) = t.victim(now) else {
                        break;
                    };
                    t.remove(&victim);
                    if live && !self.evicted_live.swap(true, Ordering::Relaxed) {
                        tracing::warn!(
                            capacity = self.capacity,
                            "rate-limit counters full: live counters are being dropped, \
                             lowest count first"
                        );
                    }
                }
                Arc::from(key)
            }
        };
        t.insert(name, 1, window_end);
        CounterHit {
            count: 1,
            window_ends: from_secs(window_end),
        }
    }

    /// [`crate::store::Store::release_counter`].
    pub fn release(&self, key: &str, now: OffsetDateTime) {
        let now = now.unix_timestamp();
        self.table().set_count(key, now, |c| c.saturating_sub(1));
    }

    /// [`crate::store::Store::counter`].
    pub fn count(&self, key: &str, now: OffsetDateTime) -> u32 {
        let now = now.unix_timestamp();
        self.table()
            .counts
            .get(key)
            .filter(|(_, end)| *end > now)
            .map_or(0, |(count, _)| *count)
    }

    /// [`crate::store::Store::reset_counter`].
    pub fn reset(&self, key: &str) {
        self.table().remove(key);
    }

    /// Forgets every counter whose window ended at or before `now`; returns how many.
    pub fn collect_expired(&self, now: OffsetDateTime) -> u64 {
        let now = now.unix_timestamp();
        let mut t = self.table();
        let mut deleted = 0u64;
        while let Some((end, name)) = t.by_end.first().map(|(e, n)| (*e, Arc::clone(n))) {
            if end > now {
                break;
            }
            t.remove(&name);
            deleted += 1;
        }
        deleted
    }

    /// Counters held now, expired ones not yet collected included.
    pub fn len(&self) -> usize {
        self.table().counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Whole seconds, a sub-second remainder rounded up so it never shortens the window (as the
/// database stores keep them).
fn window_secs(window: Duration) -> i64 {
    let secs = window
        .as_secs()
        .saturating_add(u64::from(window.subsec_nanos() > 0));
    i64::try_from(secs).unwrap_or(i64::MAX)
}

/// A window end back as a time; one past what `time` can represent reads as the latest it can.
fn from_secs(secs: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(secs).unwrap_or(if secs < 0 {
        time::PrimitiveDateTime::MIN.assume_utc()
    } else {
        time::PrimitiveDateTime::MAX.assume_utc()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_800_000_000 + secs).unwrap()
    }

    const MINUTE: Duration = Duration::from_secs(60);

    #[test]
    fn a_full_map_drops_the_lowest_count_soonest_ending_first() {
        // Arrange: a map of three; "early" ends first, "late" and "later" have one hit each.
        let counters = LocalCounters::with_capacity(3);
        counters.hit("early", MINUTE, at(0));
        counters.hit("early", MINUTE, at(1));
        counters.hit("late", MINUTE, at(10));
        counters.hit("later", MINUTE, at(11));

        // Act: a fourth key needs room.
        counters.hit("new", MINUTE, at(20));

        // Assert: the bound holds; of the counts of one, the soonest-ending went.
        assert_eq!(counters.len(), 3);
        assert_eq!(counters.count("early", at(21)), 2);
        assert_eq!(counters.count("late", at(21)), 0);
        assert_eq!(counters.count("later", at(21)), 1);
        assert_eq!(counters.count("new", at(21)), 1);
    }

    #[test]
    fn spraying_new_keys_does_not_reset_a_counter_under_attack() {
        // Arrange: a user's failures counted (the oldest counter, ending first), then a map
        // filled with other keys.
        let counters = LocalCounters::with_capacity(16);
        for i in 0..4 {
            counters.hit("user:victim", Duration::from_secs(900), at(i));
        }

        // Act: a thousand invented keys, each hit once, within the victim's window.
        for i in 0..1000 {
            counters.hit(
                &format!("user:spray{i}"),
                Duration::from_secs(900),
                at(10 + i / 2),
            );
        }

        // Assert: the victim's count survives; the bound holds.
        assert_eq!(counters.count("user:victim", at(600)), 4);
        assert_eq!(counters.len(), 16);
    }

    #[test]
    fn a_released_count_reorders_the_eviction() {
        let counters = LocalCounters::with_capacity(2);
        counters.hit("a", MINUTE, at(0));
        counters.hit("a", MINUTE, at(1));
        counters.hit("b", MINUTE, at(2));
        counters.hit("b", MINUTE, at(3));
        counters.hit("b", MINUTE, at(4));
        counters.release("b", at(5));
        counters.release("b", at(5));

        counters.hit("new", MINUTE, at(6));

        assert_eq!(counters.count("a", at(7)), 2, "kept: two against b's one");
        assert_eq!(counters.count("b", at(7)), 0);
        assert_eq!(counters.count("new", at(7)), 1);
    }

    #[test]
    fn expired_counters_make_room_before_live_ones() {
        let counters = LocalCounters::with_capacity(2);
        counters.hit("live", Duration::from_secs(600), at(0));
        counters.hit("expired", Duration::from_secs(5), at(1));

        counters.hit("new", MINUTE, at(100));

        assert_eq!(counters.count("live", at(100)), 1);
        assert_eq!(counters.count("new", at(100)), 1);
        assert_eq!(counters.len(), 2);
    }

    #[test]
    fn a_restarted_window_is_reindexed_so_collection_keeps_it() {
        // Arrange: a counter whose first window ends at 60, restarted at 70 (ends at 130).
        let counters = LocalCounters::new();
        counters.hit("k", MINUTE, at(0));
        counters.hit("k", MINUTE, at(70));

        // Act: collect at 100, past the first window, inside the second.
        let deleted = counters.collect_expired(at(100));

        // Assert
        assert_eq!(deleted, 0);
        assert_eq!(counters.count("k", at(100)), 1);
        assert_eq!(counters.collect_expired(at(130)), 1);
        assert!(counters.is_empty());
    }

    #[test]
    fn reset_forgets_the_key_in_both_indexes() {
        let counters = LocalCounters::with_capacity(1);
        counters.hit("a", MINUTE, at(0));
        counters.reset("a");
        assert!(counters.is_empty());
        assert_eq!(counters.collect_expired(at(1000)), 0);
        counters.hit("b", MINUTE, at(0));
        assert_eq!(counters.count("b", at(1)), 1);
    }
}
