//! Password throttling, per username and per client address: after `slow_after` failures each
//! attempt waits (doubling up to `max_delay`), after `lock_after` it is refused until the window
//! ends. Counters live in the store, so every replica sees the same counts.
//!
//! **An attempt reserves its place before its password is verified.** [`reserve`] adds one to
//! both counters first, atomically in the store ([`Store::hit_counter`]), and refuses or delays
//! from the count it got back; only then is the password checked. Reading the counters and
//! recording the failure afterwards (check-then-act) lets every attempt that arrives before the
//! first failures are written through unchecked: a burst of guesses sent at once was all
//! verified, and the right password inside it got a code. With reservations, attempts in flight
//! count like failures, so at most `lock_after` passwords per username (and
//! `lock_after_per_address` per address) are ever verified in a window, on any number of
//! replicas sharing a store.
//!
//! The reservation is then settled by what the verification said:
//! - a wrong password: nothing to do, the reservation is the failure's count;
//! - the right password: [`Reservation::succeeded`] clears the username's count and gives the
//!   address its hit back, so that many users behind one NAT signing in correctly do not lock
//!   their address (the address's failures stay: one good account must not launder an address
//!   that is guessing others' passwords);
//! - no verdict on the password (the pool was unreachable, or wants the account confirmed or
//!   its password reset): [`Reservation::give_back`] returns both hits.
//!
//! A refused attempt gives its hits back too: it verified nothing, and must not push a locked
//! address's users towards their own lock.
//!
//! Refusals and delays are counted in `authgate_sign_in_throttle_total`; the failure that
//! engages a lock (its reserved count is the limit) in `authgate_sign_in_locks_total` and a
//! `lockout` audit event, which [`Reservation::failed`] writes.
//!
//! [`Store::hit_counter`]: crate::store::Store::hit_counter

use crate::state::AppState;
use crate::store::StoreError;
use crate::telemetry::{audit, meter};
use std::time::Duration;
use time::OffsetDateTime;

/// Why an attempt may not go ahead.
#[derive(Debug)]
pub enum Refused {
    /// Too many attempts for this username or address: refused until the window ends, in
    /// `minutes` (rounded up, at least 1) as the person is told.
    Locked { minutes: u64 },
    /// The store failed: nothing can be counted, so nothing is verified.
    Store(StoreError),
}

impl From<StoreError> for Refused {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

struct Keys {
    user: String,
    address: String,
}

impl Keys {
    fn new(provider: &str, username: &str, address: &str) -> Self {
        Self {
            user: format!("login:user:{provider}:{}", username.to_lowercase()),
            address: format!("login:addr:{address}"),
        }
    }
}

/// One password attempt's place in both counters, taken before the password is verified.
/// Dropping it leaves it counted: that is how a wrong password is recorded.
#[must_use = "a reservation is settled by `succeeded`, `give_back`, or (a wrong password) kept"]
pub struct Reservation<'a> {
    state: &'a AppState,
    keys: Keys,
    /// The counts this attempt reserved, and for whom (to name a lock it engages).
    user_count: u32,
    address_count: u32,
    provider: String,
    username: String,
}

/// Reserves a place for one attempt to sign in as `username` at `provider` from `address`,
/// then waits out its delay. `Err(Refused::Locked)` when the reserved count is past a limit:
/// the password must then not be verified.
pub async fn reserve<'a>(
    state: &'a AppState,
    provider: &str,
    username: &str,
    address: &str,
) -> Result<Reservation<'a>, Refused> {
    let t = &state.settings.login_throttle;
    let keys = Keys::new(provider, username, address);
    let now = OffsetDateTime::now_utc();
    let user = state
        .store
        .hit_counter_window(&keys.user, t.window, now)
        .await?;
    if user.count > t.lock_after {
        state.store.release_counter(&keys.user, now).await?;
        tracing::warn!("sign-in refused: too many failures for this username");
        meter::throttle("refused", "user");
        return Err(locked_until(user.window_ends, now));
    }
    let address = state
        .store
        .hit_counter_window(&keys.address, t.window, now)
        .await?;
    if address.count > t.lock_after_per_address {
        state.store.release_counter(&keys.address, now).await?;
        state.store.release_counter(&keys.user, now).await?;
        tracing::warn!("sign-in refused: too many failures from this address");
        meter::throttle("refused", "address");
        return Err(locked_until(address.window_ends, now));
    }
    let (user, address) = (user.count, address.count);
    // Delayed by the attempts before this one, those still in flight included.
    let delay = delay_for(user.saturating_sub(1), t.slow_after, t.delay, t.max_delay);
    if !delay.is_zero() {
        meter::throttle("delayed", "user");
        tokio::time::sleep(delay).await;
    }
    Ok(Reservation {
        state,
        keys,
        user_count: user,
        address_count: address,
        provider: provider.to_string(),
        username: username.to_string(),
    })
}

impl Reservation<'_> {
    /// The password was wrong. The reservation stays counted (it is the failure's count), so
    /// there is nothing to store; this names the lock when this failure is the one that
    /// engages it.
    pub fn failed(self) {
        let t = &self.state.settings.login_throttle;
        if self.user_count == t.lock_after {
            meter::lock("user");
            audit::lockout(&self.provider, "user", &self.username);
        }
        if self.address_count == t.lock_after_per_address {
            meter::lock("address");
            audit::lockout(&self.provider, "address", &self.username);
        }
    }

    /// The password was right: the username's count starts over, and this attempt's hit on
    /// the address is given back.
    pub async fn succeeded(self) -> Result<(), StoreError> {
        let now = OffsetDateTime::now_utc();
        self.state.store.reset_counter(&self.keys.user).await?;
        self.state
            .store
            .release_counter(&self.keys.address, now)
            .await
    }

    /// The attempt ended without a verdict on the password: both hits are given back.
    pub async fn give_back(self) -> Result<(), StoreError> {
        let now = OffsetDateTime::now_utc();
        self.state
            .store
            .release_counter(&self.keys.user, now)
            .await?;
        self.state
            .store
            .release_counter(&self.keys.address, now)
            .await
    }
}

/// A lock that ends with the counter's window: the person is told the real wait, in whole
/// minutes rounded up (a lock never reads as "0 minutes").
fn locked_until(window_ends: OffsetDateTime, now: OffsetDateTime) -> Refused {
    let seconds = u64::try_from((window_ends - now).whole_seconds()).unwrap_or(0);
    Refused::Locked {
        minutes: seconds.div_ceil(60).max(1),
    }
}

/// `base`, doubled for every failure past `slow_after`, capped at `max`.
pub fn delay_for(failures: u32, slow_after: u32, base: Duration, max: Duration) -> Duration {
    if failures < slow_after {
        return Duration::ZERO;
    }
    let doublings = (failures - slow_after).min(20);
    base.saturating_mul(1u32 << doublings).min(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delay_doubles_from_slow_after_and_is_capped() {
        let base = Duration::from_millis(500);
        let max = Duration::from_secs(8);
        assert_eq!(delay_for(0, 3, base, max), Duration::ZERO);
        assert_eq!(delay_for(2, 3, base, max), Duration::ZERO);
        assert_eq!(delay_for(3, 3, base, max), base);
        assert_eq!(delay_for(4, 3, base, max), Duration::from_secs(1));
        assert_eq!(delay_for(9, 3, base, max), max);
        assert_eq!(delay_for(u32::MAX, 0, base, max), max);
    }

    #[test]
    fn a_lock_is_told_in_whole_minutes_rounded_up_never_zero() {
        let now = OffsetDateTime::UNIX_EPOCH;
        let minutes = |secs: i64| match locked_until(now + time::Duration::seconds(secs), now) {
            Refused::Locked { minutes } => minutes,
            Refused::Store(_) => unreachable!(),
        };
        assert_eq!(minutes(15 * 60), 15);
        assert_eq!(minutes(14 * 60 + 1), 15);
        assert_eq!(minutes(61), 2);
        assert_eq!(minutes(1), 1);
        assert_eq!(minutes(-5), 1, "a window just ended still says a minute");
    }
}
