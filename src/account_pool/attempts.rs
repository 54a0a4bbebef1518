//! Throttling of password and code attempts on one account (`ChangePassword`,
//! `VerifyUserAttribute`, `VerifySoftwareToken`): each attempt reserves a place in a per-user
//! window (`[rate_limits] account_attempts_per_user`) before the pool is asked, and gives it
//! back when it was not a wrong answer. So at most that many wrong passwords or codes are ever
//! tried per window, however many are sent at once, on top of the pool's own quotas and the
//! API's per-address limit.

use super::AccountError;
use crate::store::{Store, StoreError};
use crate::web::rate_limit::Limit;
use time::OffsetDateTime;

/// A place reserved for one attempt (none to give back when the limit is off).
#[must_use = "settle the attempt with its outcome"]
pub struct Attempt {
    key: Option<String>,
}

/// Reserves an attempt for `who` (a stable, non-secret key of the account: a pseudonym, or a
/// hash of the token for a token only the pool can vouch for). Past the limit: Cognito's
/// `LimitExceededException`.
pub async fn reserve(
    store: &dyn Store,
    limit: Option<Limit>,
    who: &str,
) -> Result<Attempt, AttemptError> {
    let Some(limit) = limit else {
        return Ok(Attempt { key: None });
    };
    let key = format!("rate:account-attempts:{who}");
    let hit = store
        .hit_counter_window(&key, limit.per, OffsetDateTime::now_utc())
        .await?;
    if hit.count > limit.requests {
        tracing::warn!(
            limit = "account_attempts_per_user",
            "account attempt limit reached"
        );
        return Err(AttemptError::Limited(AccountError::new(
            "LimitExceededException",
            "Attempt limit exceeded, please try after some time.",
        )));
    }
    Ok(Attempt { key: Some(key) })
}

impl Attempt {
    /// Keeps the reservation for a wrong answer; gives it back otherwise.
    pub async fn settle<T>(self, store: &dyn Store, result: &Result<T, AccountError>) {
        let wrong = matches!(result, Err(e) if e.is_wrong_answer());
        if !wrong
            && let Some(key) = &self.key
            && let Err(e) = store.release_counter(key, OffsetDateTime::now_utc()).await
        {
            tracing::error!(error = %e, "could not give back an account attempt");
        }
    }
}

#[derive(Debug)]
pub enum AttemptError {
    Limited(AccountError),
    Store(StoreError),
}

impl From<StoreError> for AttemptError {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}
