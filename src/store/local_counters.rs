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
//! cannot grow it without end. When it is full, the counter whose window ends first makes room
//! (an expired one if there is one; otherwise the one closest to starting over by itself).

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
    /// The same counters ordered by window end: what expires (or is evicted) first.
    by_end: BTreeSet<(i64, Arc<str>)>,
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
        if let Some(entry) = t.counts.get_mut(key).filter(|(_, end)| *end > now) {
            entry.0 = entry.0.saturating_add(1);
            return CounterHit {
                count: entry.0,
                window_ends: from_secs(entry.1),
            };
        }
        // Absent, or its window has passed: this hit starts a new window at 1.
        let name: Arc<str> = match t.counts.remove_entry(key) {
            Some((name, (_, end))) => {
                t.by_end.remove(&(end, Arc::clone(&name)));
                name
            }
            None => {
                while t.counts.len() >= self.capacity {
                    let Some((end, evicted)) = t.by_end.pop_first() else {
                        break;
                    };
                    t.counts.remove(&evicted);
                    if end > now && !self.evicted_live.swap(true, Ordering::Relaxed) {
                        tracing::warn!(
                            capacity = self.capacity,
                            "rate-limit counters full: live counters are being dropped, \
                             soonest-ending first"
                        );
                    }
                }
                Arc::from(key)
            }
        };
        t.by_end.insert((window_end, Arc::clone(&name)));
        t.counts.insert(name, (1, window_end));
        CounterHit {
            count: 1,
            window_ends: from_secs(window_end),
        }
    }

    /// [`crate::store::Store::release_counter`].
    pub fn release(&self, key: &str, now: OffsetDateTime) {
        let now = now.unix_timestamp();
        if let Some(entry) = self
            .table()
            .counts
            .get_mut(key)
            .filter(|(_, end)| *end > now)
        {
            entry.0 = entry.0.saturating_sub(1);
        }
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
        let mut t = self.table();
        if let Some((name, (_, end))) = t.counts.remove_entry(key) {
            t.by_end.remove(&(end, name));
        }
    }

    /// Forgets every counter whose window ended at or before `now`; returns how many.
    pub fn collect_expired(&self, now: OffsetDateTime) -> u64 {
        let now = now.unix_timestamp();
        let mut t = self.table();
        let mut deleted = 0u64;
        while t.by_end.first().is_some_and(|(end, _)| *end <= now) {
            if let Some((_, name)) = t.by_end.pop_first() {
                t.counts.remove(&name);
                deleted += 1;
            }
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
    fn a_full_map_drops_the_counter_whose_window_ends_first() {
        // Arrange: two live counters in a map of two, "early" ending first.
        let counters = LocalCounters::with_capacity(2);
        counters.hit("early", MINUTE, at(0));
        counters.hit("late", MINUTE, at(10));
        counters.hit("late", MINUTE, at(11));

        // Act: a third key needs room.
        counters.hit("new", MINUTE, at(20));

        // Assert: the bound holds; the soonest-ending counter went, the others kept counting.
        assert_eq!(counters.len(), 2);
        assert_eq!(counters.count("early", at(21)), 0);
        assert_eq!(counters.count("late", at(21)), 2);
        assert_eq!(counters.count("new", at(21)), 1);
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
