//! Failed-password throttling, per username and per client address: after `slow_after`
//! failures each attempt waits (doubling up to `max_delay`), after `lock_after` it is refused
//! until the window ends. Counters live in the store, so every replica sees the same counts.

use crate::state::AppState;
use crate::store::StoreError;
use std::time::Duration;
use time::OffsetDateTime;

#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Go ahead after waiting `delay` (zero while under `slow_after`).
    Allowed { delay: Duration },
    /// Refused until the window ends.
    Locked,
}

pub struct Keys {
    user: String,
    address: String,
}

impl Keys {
    pub fn new(provider: &str, username: &str, address: &str) -> Self {
        Self {
            user: format!("login:user:{provider}:{}", username.to_lowercase()),
            address: format!("login:addr:{address}"),
        }
    }
}

pub async fn verdict(state: &AppState, keys: &Keys) -> Result<Verdict, StoreError> {
    let t = &state.settings.login_throttle;
    let now = OffsetDateTime::now_utc();
    let user = state.store.counter(&keys.user, now).await?;
    let address = state.store.counter(&keys.address, now).await?;
    if user >= t.lock_after || address >= t.lock_after_per_address {
        return Ok(Verdict::Locked);
    }
    Ok(Verdict::Allowed {
        delay: delay_for(user, t.slow_after, t.delay, t.max_delay),
    })
}

/// Whether this attempt may go ahead: waits out its delay first; `false` when locked.
pub async fn admit(state: &AppState, keys: &Keys) -> Result<bool, StoreError> {
    match verdict(state, keys).await? {
        Verdict::Locked => {
            tracing::warn!("sign-in refused: too many failures");
            Ok(false)
        }
        Verdict::Allowed { delay } => {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            Ok(true)
        }
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

pub async fn failed(state: &AppState, keys: &Keys) -> Result<(), StoreError> {
    let window = state.settings.login_throttle.window;
    let now = OffsetDateTime::now_utc();
    state.store.hit_counter(&keys.user, window, now).await?;
    state.store.hit_counter(&keys.address, window, now).await?;
    Ok(())
}

/// A correct password clears the user's count (the address count stays: one good account must
/// not launder an address that is guessing others' passwords).
pub async fn succeeded(state: &AppState, keys: &Keys) -> Result<(), StoreError> {
    state.store.reset_counter(&keys.user).await
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
}
