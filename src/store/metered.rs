//! A [`Store`] that measures another: `authgate_store_operation_duration_seconds` by backend,
//! operation and outcome, around every call. The wrapped store does the work; this adds two
//! clock reads and one histogram sample per operation.

use super::{
    AuthRequest, CodeGrant, CounterHit, IssueFamily, Redemption, RefreshFamily, RefreshRotation,
    SigningKeyRecord, SigningKeySet, SsoSession, Store, StoreResult, UserSessions,
    UserSessionsEnded,
};
use crate::telemetry::meter;
use async_trait::async_trait;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};
use time::OffsetDateTime;

pub struct Metered {
    inner: Arc<dyn Store>,
    /// The `backend` label: `sqlite`, `postgres`, `memory`.
    backend: &'static str,
}

impl Metered {
    pub fn new(inner: Arc<dyn Store>, backend: &'static str) -> Self {
        Self { inner, backend }
    }

    async fn timed<T>(
        &self,
        operation: &'static str,
        call: impl Future<Output = StoreResult<T>>,
    ) -> StoreResult<T> {
        let started = Instant::now();
        let result = call.await;
        meter::store_operation(self.backend, operation, result.is_ok(), started.elapsed());
        result
    }
}

#[async_trait]
impl Store for Metered {
    async fn ping(&self) -> StoreResult<()> {
        self.timed("ping", self.inner.ping()).await
    }

    async fn put_auth_request(
        &self,
        id: &str,
        request: &AuthRequest,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.timed(
            "put_auth_request",
            self.inner.put_auth_request(id, request, expires_at),
        )
        .await
    }

    async fn get_auth_request(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<AuthRequest>> {
        self.timed("get_auth_request", self.inner.get_auth_request(id, now))
            .await
    }

    async fn delete_auth_request(&self, id: &str) -> StoreResult<()> {
        self.timed("delete_auth_request", self.inner.delete_auth_request(id))
            .await
    }

    async fn put_code(
        &self,
        code_hash: &str,
        grant: &CodeGrant,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.timed(
            "put_code",
            self.inner.put_code(code_hash, grant, expires_at),
        )
        .await
    }

    async fn redeem_code(
        &self,
        code_hash: &str,
        now: OffsetDateTime,
        keep_used_until: OffsetDateTime,
        issue: IssueFamily,
    ) -> StoreResult<Redemption> {
        self.timed(
            "redeem_code",
            self.inner
                .redeem_code(code_hash, now, keep_used_until, issue),
        )
        .await
    }

    async fn create_refresh_family(
        &self,
        family_id: &str,
        family: &RefreshFamily,
        token_hash: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.timed(
            "create_refresh_family",
            self.inner
                .create_refresh_family(family_id, family, token_hash, expires_at),
        )
        .await
    }

    async fn rotate_refresh_token(
        &self,
        old_hash: &str,
        new_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<RefreshRotation> {
        self.timed(
            "rotate_refresh_token",
            self.inner.rotate_refresh_token(old_hash, new_hash, now),
        )
        .await
    }

    async fn find_refresh_family(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<(String, RefreshFamily)>> {
        self.timed(
            "find_refresh_family",
            self.inner.find_refresh_family(token_hash, now),
        )
        .await
    }

    async fn revoke_refresh_family(&self, family_id: &str) -> StoreResult<()> {
        self.timed(
            "revoke_refresh_family",
            self.inner.revoke_refresh_family(family_id),
        )
        .await
    }

    async fn update_refresh_family(
        &self,
        family_id: &str,
        family: &RefreshFamily,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        self.timed(
            "update_refresh_family",
            self.inner.update_refresh_family(family_id, family, now),
        )
        .await
    }

    async fn get_active_refresh_family(
        &self,
        family_id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<RefreshFamily>> {
        self.timed(
            "get_active_refresh_family",
            self.inner.get_active_refresh_family(family_id, now),
        )
        .await
    }

    async fn revoke_sso_session_families(
        &self,
        sso_session: &str,
        keep_clients: &[String],
        now: OffsetDateTime,
    ) -> StoreResult<u64> {
        self.timed(
            "revoke_sso_session_families",
            self.inner
                .revoke_sso_session_families(sso_session, keep_clients, now),
        )
        .await
    }

    async fn end_user_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        now: OffsetDateTime,
    ) -> StoreResult<UserSessionsEnded> {
        self.timed(
            "end_user_sessions",
            self.inner
                .end_user_sessions(provider, upstream_subject, now),
        )
        .await
    }

    async fn user_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        now: OffsetDateTime,
    ) -> StoreResult<UserSessions> {
        self.timed(
            "user_sessions",
            self.inner.user_sessions(provider, upstream_subject, now),
        )
        .await
    }

    async fn end_upstream_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        session_indexes: &[String],
        keep_clients: &[String],
        now: OffsetDateTime,
    ) -> StoreResult<UserSessionsEnded> {
        self.timed(
            "end_upstream_sessions",
            self.inner.end_upstream_sessions(
                provider,
                upstream_subject,
                session_indexes,
                keep_clients,
                now,
            ),
        )
        .await
    }

    async fn put_sso_session(
        &self,
        id: &str,
        session: &SsoSession,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.timed(
            "put_sso_session",
            self.inner.put_sso_session(id, session, expires_at),
        )
        .await
    }

    async fn get_sso_session(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<SsoSession>> {
        self.timed("get_sso_session", self.inner.get_sso_session(id, now))
            .await
    }

    async fn delete_sso_session(&self, id: &str) -> StoreResult<()> {
        self.timed("delete_sso_session", self.inner.delete_sso_session(id))
            .await
    }

    async fn put_browser_session(
        &self,
        id: &str,
        data: &[u8],
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.timed(
            "put_browser_session",
            self.inner.put_browser_session(id, data, expires_at),
        )
        .await
    }

    async fn get_browser_session(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<Vec<u8>>> {
        self.timed(
            "get_browser_session",
            self.inner.get_browser_session(id, now),
        )
        .await
    }

    async fn delete_browser_session(&self, id: &str) -> StoreResult<()> {
        self.timed(
            "delete_browser_session",
            self.inner.delete_browser_session(id),
        )
        .await
    }

    async fn signing_keys(&self) -> StoreResult<Vec<SigningKeyRecord>> {
        self.timed("signing_keys", self.inner.signing_keys()).await
    }

    async fn signing_key_set(&self) -> StoreResult<SigningKeySet> {
        self.timed("signing_key_set", self.inner.signing_key_set())
            .await
    }

    async fn replace_signing_keys(
        &self,
        expected_version: i64,
        keys: &[SigningKeyRecord],
    ) -> StoreResult<bool> {
        self.timed(
            "replace_signing_keys",
            self.inner.replace_signing_keys(expected_version, keys),
        )
        .await
    }

    async fn put_signing_key(&self, key: &SigningKeyRecord) -> StoreResult<()> {
        self.timed("put_signing_key", self.inner.put_signing_key(key))
            .await
    }

    async fn delete_signing_key(&self, kid: &str) -> StoreResult<()> {
        self.timed("delete_signing_key", self.inner.delete_signing_key(kid))
            .await
    }

    async fn hit_counter_window(
        &self,
        key: &str,
        window: Duration,
        now: OffsetDateTime,
    ) -> StoreResult<CounterHit> {
        // Still `hit_counter` on the dashboards: the same one statement, which now also says
        // when the window ends.
        self.timed(
            "hit_counter",
            self.inner.hit_counter_window(key, window, now),
        )
        .await
    }

    async fn release_counter(&self, key: &str, now: OffsetDateTime) -> StoreResult<()> {
        self.timed("release_counter", self.inner.release_counter(key, now))
            .await
    }

    async fn counter(&self, key: &str, now: OffsetDateTime) -> StoreResult<u32> {
        self.timed("counter", self.inner.counter(key, now)).await
    }

    async fn reset_counter(&self, key: &str) -> StoreResult<()> {
        self.timed("reset_counter", self.inner.reset_counter(key))
            .await
    }

    async fn put_identity_id(
        &self,
        key: &str,
        identity_id: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.timed(
            "put_identity_id",
            self.inner.put_identity_id(key, identity_id, expires_at),
        )
        .await
    }

    async fn get_identity_id(&self, key: &str, now: OffsetDateTime) -> StoreResult<Option<String>> {
        self.timed("get_identity_id", self.inner.get_identity_id(key, now))
            .await
    }

    async fn delete_identity_id(&self, key: &str) -> StoreResult<()> {
        self.timed("delete_identity_id", self.inner.delete_identity_id(key))
            .await
    }

    async fn mark_assertion_used(
        &self,
        id_hash: &str,
        expires_at: OffsetDateTime,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        self.timed(
            "mark_assertion_used",
            self.inner.mark_assertion_used(id_hash, expires_at, now),
        )
        .await
    }

    async fn close(&self) {
        self.inner.close().await;
    }

    async fn collect_expired(&self, now: OffsetDateTime) -> StoreResult<u64> {
        self.timed("collect_expired", self.inner.collect_expired(now))
            .await
    }
}
