//! Every piece of state authgate keeps, behind one `Store` trait with typed operations and expiry.
//!
//! Implementations: [`sqlite::SqliteStore`] (the embedded default, one process; its rate-limit
//! counters in that process's memory, [`local_counters`]), [`postgres::PostgresStore`]
//! (one database shared by several replicas, counters included) and, for tests only (feature `conformance`),
//! `memory::MemoryStore`. Every implementation must pass
//! [`conformance::run_all`]. Callers pass `now` explicitly so expiry is testable without waiting;
//! an expired record is invisible to reads even before [`Store::collect_expired`] deletes it.

// Test support, never in the shipped binary: the suite every backend must pass, and the
// in-memory backend unit tests run protocol logic against.
#[cfg(any(test, feature = "conformance"))]
pub mod conformance;
pub mod local_counters;
#[cfg(any(test, feature = "conformance"))]
pub mod memory;
pub mod metered;
pub mod postgres;
mod records;
pub mod sessions;
pub mod sqlite;

pub use records::{
    AuthRequest, AwsErrorNote, AwsGrant, AwsSession, CodeGrant, CodeTake, IdpHint, IssueFamily,
    KeyState, Listed, NewFamily, PendingRole, Redemption, RefreshFamily, RefreshRotation,
    SessionOrigin, SigningKeyRecord, SigningKeySet, SsoSession, UpstreamFlow, UserSessions,
    UserSessionsEnded,
};

use async_trait::async_trait;
use std::time::Duration;
use time::OffsetDateTime;

/// A failure of the storage backend itself (I/O, corruption), never "not found".
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store backend failed: {0}")]
    Backend(String),
    #[error("stored record could not be decoded: {0}")]
    Corrupt(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A counter just after a hit: its count, and when its window ends (whole seconds), which is
/// what a refusal's `Retry-After` is counted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CounterHit {
    pub count: u32,
    pub window_ends: OffsetDateTime,
}

#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Cheap round trip for `/readyz`.
    async fn ping(&self) -> StoreResult<()>;

    // --- authorization requests in flight (keyed by a random id that travels as upstream state)
    async fn put_auth_request(
        &self,
        id: &str,
        request: &AuthRequest,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()>;
    async fn get_auth_request(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<AuthRequest>>;
    async fn delete_auth_request(&self, id: &str) -> StoreResult<()>;

    // --- authorization codes (keyed by the SHA-256 of the code, never the code itself)
    async fn put_code(
        &self,
        code_hash: &str,
        grant: &CodeGrant,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()>;
    /// Atomically consumes a code: exactly one caller ever gets `Taken`. The used record is kept
    /// (as a tombstone naming the grant's refresh family) until `keep_used_until`, so that a
    /// second use is reported as `AlreadyUsed` and the caller can revoke what the first use
    /// issued. When it is taken, `issue` sees the grant, and the family it returns (under the
    /// grant's `family_id`) is created in the same transaction: the code's consumption and the
    /// family commit together or not at all, with one commit where a take and a create were two.
    async fn redeem_code(
        &self,
        code_hash: &str,
        now: OffsetDateTime,
        keep_used_until: OffsetDateTime,
        issue: IssueFamily,
    ) -> StoreResult<Redemption>;
    /// [`Store::redeem_code`] issuing nothing.
    async fn take_code(
        &self,
        code_hash: &str,
        now: OffsetDateTime,
        keep_used_until: OffsetDateTime,
    ) -> StoreResult<CodeTake> {
        let nothing: IssueFamily = Box::new(|_| None);
        Ok(self
            .redeem_code(code_hash, now, keep_used_until, nothing)
            .await?
            .take)
    }

    // --- refresh-token families (tokens keyed by their SHA-256)
    /// Creates a family whose first token is `token_hash`. The family and all its tokens expire
    /// at `expires_at`: rotation never extends a family's lifetime.
    async fn create_refresh_family(
        &self,
        family_id: &str,
        family: &RefreshFamily,
        token_hash: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()>;
    /// Atomically replaces the active token `old_hash` with `new_hash`. Presenting a token that
    /// was already rotated away revokes the whole family and reports `Reused`.
    async fn rotate_refresh_token(
        &self,
        old_hash: &str,
        new_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<RefreshRotation>;
    /// The family a refresh token (active or rotated) belongs to, if it is unexpired.
    async fn find_refresh_family(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<(String, RefreshFamily)>>;
    async fn revoke_refresh_family(&self, family_id: &str) -> StoreResult<()>;
    /// Replaces what an unexpired, unrevoked family stands for (its upstream token rotated);
    /// its tokens and expiry are unchanged. Returns false when there was no such family.
    async fn update_refresh_family(
        &self,
        family_id: &str,
        family: &RefreshFamily,
        now: OffsetDateTime,
    ) -> StoreResult<bool>;
    /// The family when it exists, is unexpired and not revoked, else `None`. Access tokens
    /// carry their family id, so this is also how a revoked session's access tokens die.
    async fn get_active_refresh_family(
        &self,
        family_id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<RefreshFamily>>;

    /// Revokes every live family issued through the SSO session `sso_session` (recorded in
    /// [`RefreshFamily::sso_session`]), except those of the apps in `keep_clients`: what
    /// signing out of that browser ends. Returns how many families were revoked.
    async fn revoke_sso_session_families(
        &self,
        sso_session: &str,
        keep_clients: &[String],
        now: OffsetDateTime,
    ) -> StoreResult<u64>;
    /// Ends every session of one user (the identity's `provider` and `upstream_subject`), in
    /// one step: revokes all their live refresh families, whatever app or browser they came
    /// from, and deletes all their SSO sessions. Another user's sessions (the same subject at
    /// another provider included) are untouched.
    async fn end_user_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        now: OffsetDateTime,
    ) -> StoreResult<UserSessionsEnded>;
    /// Every live session of one user (the identity's `provider` and `upstream_subject`): their
    /// unrevoked, unexpired refresh families and unexpired SSO sessions, each ordered by id.
    /// What the account pages list; another user's sessions never appear.
    async fn user_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        now: OffsetDateTime,
    ) -> StoreResult<UserSessions>;

    /// Ends the SSO sessions of one user at one provider that an IdP's logout request names:
    /// those whose upstream session index (`Identity::upstream_session`) is one of
    /// `session_indexes`, or every one of the user's there when the list is empty. Deletes
    /// them and revokes the live refresh families issued through them, except those of the
    /// apps in `keep_clients` (as `revoke_sso_session_families`), in one step. Another user's
    /// sessions, and the same user's sessions at another index, are untouched.
    async fn end_upstream_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        session_indexes: &[String],
        keep_clients: &[String],
        now: OffsetDateTime,
    ) -> StoreResult<UserSessionsEnded>;

    // --- single sign-on sessions
    async fn put_sso_session(
        &self,
        id: &str,
        session: &SsoSession,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()>;
    async fn get_sso_session(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<SsoSession>>;
    async fn delete_sso_session(&self, id: &str) -> StoreResult<()>;

    // --- browser sessions (the tower-sessions record, serialised by the caller)
    async fn put_browser_session(
        &self,
        id: &str,
        data: &[u8],
        expires_at: OffsetDateTime,
    ) -> StoreResult<()>;
    async fn get_browser_session(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<Vec<u8>>>;
    async fn delete_browser_session(&self, id: &str) -> StoreResult<()>;

    // --- token signing keys (never expire by themselves: the key manager retires and deletes them)
    async fn signing_keys(&self) -> StoreResult<Vec<SigningKeyRecord>>;
    /// Every key with the version of the set, read together (one consistent snapshot).
    async fn signing_key_set(&self) -> StoreResult<SigningKeySet>;
    /// Compare-and-set of the whole key set, atomically: when the set is still at
    /// `expected_version`, makes `keys` the set (a stored key whose `kid` is not among them is
    /// deleted) and advances the version by one, returning true; when another writer advanced
    /// it first, changes nothing and returns false. Of several replicas creating or rotating
    /// keys from one reading, exactly one succeeds; the others read again and find its keys.
    async fn replace_signing_keys(
        &self,
        expected_version: i64,
        keys: &[SigningKeyRecord],
    ) -> StoreResult<bool>;
    /// Inserts or replaces the key with the same `kid`, without advancing the set's version:
    /// for tools and tests (the key manager only replaces whole sets).
    async fn put_signing_key(&self, key: &SigningKeyRecord) -> StoreResult<()>;
    /// Deletes one key, without advancing the set's version (as [`Store::put_signing_key`]).
    async fn delete_signing_key(&self, kid: &str) -> StoreResult<()>;

    // --- rate-limit counters (fixed window per key)
    /// Adds one to the counter for `key` and returns the new count with the end of its window,
    /// atomically. A counter starts a window of length `window` at its first hit; once that
    /// window has passed the next hit starts at 1 (and a new window). Later hits in a window
    /// never move its end, whatever `window` they pass.
    async fn hit_counter_window(
        &self,
        key: &str,
        window: Duration,
        now: OffsetDateTime,
    ) -> StoreResult<CounterHit>;
    /// [`Store::hit_counter_window`]'s count alone.
    async fn hit_counter(
        &self,
        key: &str,
        window: Duration,
        now: OffsetDateTime,
    ) -> StoreResult<u32> {
        Ok(self.hit_counter_window(key, window, now).await?.count)
    }
    /// Takes one hit back from a live counter (never below 0), atomically: an attempt that
    /// reserved its place with `hit_counter` and turned out not to count. An absent or expired
    /// counter is left alone (no window is started).
    async fn release_counter(&self, key: &str, now: OffsetDateTime) -> StoreResult<()>;
    /// The current count for `key` (0 when absent or its window has passed).
    async fn counter(&self, key: &str, now: OffsetDateTime) -> StoreResult<u32>;
    async fn reset_counter(&self, key: &str) -> StoreResult<()>;

    // --- identity-pool identity ids, per pool and user (GetId has a low quota: 25 calls/s)
    /// Remembers `identity_id` under `key` until `expires_at` (replacing what was there).
    async fn put_identity_id(
        &self,
        key: &str,
        identity_id: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()>;
    async fn get_identity_id(&self, key: &str, now: OffsetDateTime) -> StoreResult<Option<String>>;
    /// Forgets it (the pool no longer knows the identity).
    async fn delete_identity_id(&self, key: &str) -> StoreResult<()>;

    // --- one-time SAML assertions (and IdP LogoutRequests, under their own hash label)
    /// Records `id_hash` (a hash of provider and assertion ID) as used until `expires_at`,
    /// atomically: `true` the first time, `false` if it is already recorded and unexpired at
    /// `now`,
    /// however many callers race (exactly one of them gets `true`). An expired record counts
    /// as absent and is replaced. Expired records go with [`Store::collect_expired`].
    async fn mark_assertion_used(
        &self,
        id_hash: &str,
        expires_at: OffsetDateTime,
        now: OffsetDateTime,
    ) -> StoreResult<bool>;

    /// Closes the backend's connections, waiting for queries in flight: the last step of an
    /// orderly shutdown. Nothing is lost without it (every write has committed when it
    /// returns); a store without connections has nothing to do.
    async fn close(&self) {}

    /// Deletes every record whose expiry is at or before `now`; returns how many were deleted.
    async fn collect_expired(&self, now: OffsetDateTime) -> StoreResult<u64>;
}
