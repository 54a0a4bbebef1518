//! An in-memory [`Store`] for unit tests (feature `conformance`, never in the shipped binary):
//! the same contract as SQLite, proven by the same conformance suite, so protocol logic
//! (grants, renewal, the flow) can be tested without a database file or an HTTP server.
//! Expiries are kept in whole seconds, as the SQLite store keeps them.

use crate::store::{
    AuthRequest, CodeGrant, CodeTake, CounterHit, IssueFamily, Redemption, RefreshFamily,
    RefreshRotation, SigningKeyRecord, SigningKeySet, SsoSession, Store, StoreError, StoreResult,
    UserSessions, UserSessionsEnded,
};
use async_trait::async_trait;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use time::OffsetDateTime;

#[derive(Default)]
pub struct MemoryStore {
    // One lock over everything: each operation is atomic, as the trait promises.
    inner: Mutex<Tables>,
}

#[derive(Default)]
struct Tables {
    auth_requests: HashMap<String, (AuthRequest, i64)>,
    codes: HashMap<String, Code>,
    families: HashMap<String, Family>,
    tokens: HashMap<String, Token>,
    sso: HashMap<String, (SsoSession, i64)>,
    browser: HashMap<String, (Vec<u8>, i64)>,
    keys: HashMap<String, SigningKeyRecord>,
    key_set_version: i64,
    counters: HashMap<String, (u32, i64)>,
    identity_ids: HashMap<String, (String, i64)>,
    used_assertions: HashMap<String, i64>,
}

struct Code {
    grant: CodeGrant,
    used: bool,
    expires_at: i64,
}

struct Family {
    family: RefreshFamily,
    revoked: bool,
    expires_at: i64,
}

struct Token {
    family_id: String,
    rotated: bool,
    expires_at: i64,
}

fn secs(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    fn tables(&self) -> StoreResult<std::sync::MutexGuard<'_, Tables>> {
        self.inner
            .lock()
            .map_err(|_| StoreError::Backend("memory store lock poisoned".into()))
    }
}

impl Tables {
    /// A family and its first token; refused, changing nothing, when either exists already.
    fn insert_family(
        &mut self,
        family_id: &str,
        family: &RefreshFamily,
        token_hash: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        if self.families.contains_key(family_id) || self.tokens.contains_key(token_hash) {
            return Err(StoreError::Backend("family or token already exists".into()));
        }
        self.families.insert(
            family_id.into(),
            Family {
                family: family.clone(),
                revoked: false,
                expires_at: secs(expires_at),
            },
        );
        self.tokens.insert(
            token_hash.into(),
            Token {
                family_id: family_id.into(),
                rotated: false,
                expires_at: secs(expires_at),
            },
        );
        Ok(())
    }

    fn live_family(&self, family_id: &str, now: i64) -> Option<&Family> {
        self.families
            .get(family_id)
            .filter(|f| !f.revoked && f.expires_at > now)
    }
}

#[async_trait]
impl Store for MemoryStore {
    async fn ping(&self) -> StoreResult<()> {
        self.tables().map(|_| ())
    }

    async fn put_auth_request(
        &self,
        id: &str,
        request: &AuthRequest,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.tables()?
            .auth_requests
            .insert(id.into(), (request.clone(), secs(expires_at)));
        Ok(())
    }

    async fn get_auth_request(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<AuthRequest>> {
        Ok(self
            .tables()?
            .auth_requests
            .get(id)
            .filter(|(_, exp)| *exp > secs(now))
            .map(|(r, _)| r.clone()))
    }

    async fn delete_auth_request(&self, id: &str) -> StoreResult<()> {
        self.tables()?.auth_requests.remove(id);
        Ok(())
    }

    async fn put_code(
        &self,
        code_hash: &str,
        grant: &CodeGrant,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        let mut t = self.tables()?;
        // Never an upsert: overwriting a used code's tombstone would make it redeemable again.
        if t.codes.contains_key(code_hash) {
            return Err(StoreError::Backend("code already exists".into()));
        }
        t.codes.insert(
            code_hash.into(),
            Code {
                grant: grant.clone(),
                used: false,
                expires_at: secs(expires_at),
            },
        );
        Ok(())
    }

    async fn redeem_code(
        &self,
        code_hash: &str,
        now: OffsetDateTime,
        keep_used_until: OffsetDateTime,
        issue: IssueFamily,
    ) -> StoreResult<Redemption> {
        let mut t = self.tables()?;
        let Some(code) = t.codes.get(code_hash).filter(|c| c.expires_at > secs(now)) else {
            return Ok(Redemption {
                take: CodeTake::Missing,
                issued: None,
            });
        };
        if code.used {
            return Ok(Redemption {
                take: CodeTake::AlreadyUsed {
                    family_id: code.grant.family_id.clone(),
                },
                issued: None,
            });
        }
        let grant = code.grant.clone();
        // Everything is checked before anything changes: a family that cannot be created
        // leaves the code unused.
        let issued = issue(&grant);
        if let Some(new) = &issued {
            t.insert_family(
                &grant.family_id,
                &new.family,
                &new.token_hash,
                new.expires_at,
            )?;
        }
        if let Some(code) = t.codes.get_mut(code_hash) {
            code.used = true;
            code.expires_at = secs(keep_used_until);
        }
        Ok(Redemption {
            take: CodeTake::Taken(Box::new(grant)),
            issued,
        })
    }

    async fn create_refresh_family(
        &self,
        family_id: &str,
        family: &RefreshFamily,
        token_hash: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.tables()?
            .insert_family(family_id, family, token_hash, expires_at)
    }

    async fn rotate_refresh_token(
        &self,
        old_hash: &str,
        new_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<RefreshRotation> {
        let now = secs(now);
        let mut t = self.tables()?;
        let Some(token) = t.tokens.get(old_hash).filter(|tok| tok.expires_at > now) else {
            return Ok(RefreshRotation::Missing);
        };
        let (family_id, rotated) = (token.family_id.clone(), token.rotated);
        let Some(family) = t.families.get(&family_id).filter(|f| f.expires_at > now) else {
            return Ok(RefreshRotation::Missing);
        };
        if family.revoked {
            return Ok(RefreshRotation::Revoked { family_id });
        }
        if rotated {
            if let Some(family) = t.families.get_mut(&family_id) {
                family.revoked = true;
            }
            return Ok(RefreshRotation::Reused { family_id });
        }
        if t.tokens.contains_key(new_hash) {
            return Err(StoreError::Backend("token already exists".into()));
        }
        let (record, expires_at) = (family.family.clone(), family.expires_at);
        if let Some(old) = t.tokens.get_mut(old_hash) {
            old.rotated = true;
        }
        t.tokens.insert(
            new_hash.into(),
            Token {
                family_id: family_id.clone(),
                rotated: false,
                expires_at,
            },
        );
        Ok(RefreshRotation::Rotated {
            family_id,
            family: record,
        })
    }

    async fn find_refresh_family(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<(String, RefreshFamily)>> {
        let now = secs(now);
        let t = self.tables()?;
        Ok(t.tokens
            .get(token_hash)
            .filter(|tok| tok.expires_at > now)
            .and_then(|tok| {
                t.families
                    .get(&tok.family_id)
                    .filter(|f| f.expires_at > now)
                    .map(|f| (tok.family_id.clone(), f.family.clone()))
            }))
    }

    async fn revoke_refresh_family(&self, family_id: &str) -> StoreResult<()> {
        if let Some(family) = self.tables()?.families.get_mut(family_id) {
            family.revoked = true;
        }
        Ok(())
    }

    async fn update_refresh_family(
        &self,
        family_id: &str,
        family: &RefreshFamily,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        let mut t = self.tables()?;
        match t
            .families
            .get_mut(family_id)
            .filter(|f| !f.revoked && f.expires_at > secs(now))
        {
            Some(stored) => {
                stored.family = family.clone();
                Ok(true)
            }
            None => Ok(false),
        }
    }

    async fn get_active_refresh_family(
        &self,
        family_id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<RefreshFamily>> {
        Ok(self
            .tables()?
            .live_family(family_id, secs(now))
            .map(|f| f.family.clone()))
    }

    async fn revoke_sso_session_families(
        &self,
        sso_session: &str,
        keep_clients: &[String],
        now: OffsetDateTime,
    ) -> StoreResult<u64> {
        let now = secs(now);
        let mut revoked = 0;
        for stored in self.tables()?.families.values_mut() {
            if !stored.revoked
                && stored.expires_at > now
                && stored.family.sso_session.as_deref() == Some(sso_session)
                && !keep_clients.contains(&stored.family.client_id)
            {
                stored.revoked = true;
                revoked += 1;
            }
        }
        Ok(revoked)
    }

    async fn end_user_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        now: OffsetDateTime,
    ) -> StoreResult<UserSessionsEnded> {
        let now = secs(now);
        let is_user = |identity: &crate::identity::Identity| {
            identity.provider == provider && identity.upstream_subject == upstream_subject
        };
        let mut t = self.tables()?;
        let mut ended = UserSessionsEnded::default();
        for stored in t.families.values_mut() {
            if !stored.revoked && stored.expires_at > now && is_user(&stored.family.identity) {
                stored.revoked = true;
                ended.families += 1;
            }
        }
        let before = t.sso.len();
        t.sso
            .retain(|_, (session, exp)| !(*exp > now && is_user(&session.identity)));
        ended.sso_sessions = u64::try_from(before - t.sso.len()).unwrap_or(u64::MAX);
        Ok(ended)
    }

    async fn user_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        now: OffsetDateTime,
    ) -> StoreResult<UserSessions> {
        let now_secs = secs(now);
        let is_user = |identity: &crate::identity::Identity| {
            identity.provider == provider && identity.upstream_subject == upstream_subject
        };
        let t = self.tables()?;
        let mut found = UserSessions::default();
        for (id, stored) in &t.families {
            if !stored.revoked && stored.expires_at > now_secs && is_user(&stored.family.identity) {
                found.families.push(crate::store::Listed {
                    id: id.clone(),
                    record: stored.family.clone(),
                    expires_at: OffsetDateTime::from_unix_timestamp(stored.expires_at)
                        .unwrap_or(now),
                });
            }
        }
        for (id, (session, expires_at)) in &t.sso {
            if *expires_at > now_secs && is_user(&session.identity) {
                found.sso_sessions.push(crate::store::Listed {
                    id: id.clone(),
                    record: session.clone(),
                    expires_at: OffsetDateTime::from_unix_timestamp(*expires_at).unwrap_or(now),
                });
            }
        }
        found.families.sort_by(|a, b| a.id.cmp(&b.id));
        found.sso_sessions.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(found)
    }

    async fn end_upstream_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        session_indexes: &[String],
        keep_clients: &[String],
        now: OffsetDateTime,
    ) -> StoreResult<UserSessionsEnded> {
        let now = secs(now);
        let mut t = self.tables()?;
        let ended_ids: Vec<String> = t
            .sso
            .iter()
            .filter(|(_, (session, _))| {
                let identity = &session.identity;
                let index = identity
                    .upstream_session
                    .as_ref()
                    .and_then(|u| u.session_index.as_ref());
                identity.provider == provider
                    && identity.upstream_subject == upstream_subject
                    && (session_indexes.is_empty()
                        || index.is_some_and(|i| session_indexes.contains(i)))
            })
            .map(|(id, _)| id.clone())
            .collect();
        let mut ended = UserSessionsEnded::default();
        for id in &ended_ids {
            if let Some((_, exp)) = t.sso.remove(id)
                && exp > now
            {
                ended.sso_sessions += 1;
            }
        }
        for stored in t.families.values_mut() {
            if !stored.revoked
                && stored.expires_at > now
                && stored
                    .family
                    .sso_session
                    .as_ref()
                    .is_some_and(|s| ended_ids.contains(s))
                && !keep_clients.contains(&stored.family.client_id)
            {
                stored.revoked = true;
                ended.families += 1;
            }
        }
        Ok(ended)
    }

    async fn put_sso_session(
        &self,
        id: &str,
        session: &SsoSession,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.tables()?
            .sso
            .insert(id.into(), (session.clone(), secs(expires_at)));
        Ok(())
    }

    async fn get_sso_session(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<SsoSession>> {
        Ok(self
            .tables()?
            .sso
            .get(id)
            .filter(|(_, exp)| *exp > secs(now))
            .map(|(s, _)| s.clone()))
    }

    async fn delete_sso_session(&self, id: &str) -> StoreResult<()> {
        self.tables()?.sso.remove(id);
        Ok(())
    }

    async fn put_browser_session(
        &self,
        id: &str,
        data: &[u8],
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.tables()?
            .browser
            .insert(id.into(), (data.to_vec(), secs(expires_at)));
        Ok(())
    }

    async fn get_browser_session(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<Vec<u8>>> {
        Ok(self
            .tables()?
            .browser
            .get(id)
            .filter(|(_, exp)| *exp > secs(now))
            .map(|(d, _)| d.clone()))
    }

    async fn delete_browser_session(&self, id: &str) -> StoreResult<()> {
        self.tables()?.browser.remove(id);
        Ok(())
    }

    async fn signing_keys(&self) -> StoreResult<Vec<SigningKeyRecord>> {
        let mut keys: Vec<SigningKeyRecord> = self.tables()?.keys.values().cloned().collect();
        keys.sort_by(|a, b| a.kid.cmp(&b.kid));
        Ok(keys)
    }

    async fn signing_key_set(&self) -> StoreResult<SigningKeySet> {
        let tables = self.tables()?;
        let mut keys: Vec<SigningKeyRecord> = tables.keys.values().cloned().collect();
        keys.sort_by(|a, b| a.kid.cmp(&b.kid));
        Ok(SigningKeySet {
            version: tables.key_set_version,
            keys,
        })
    }

    async fn replace_signing_keys(
        &self,
        expected_version: i64,
        keys: &[SigningKeyRecord],
    ) -> StoreResult<bool> {
        let mut tables = self.tables()?;
        if tables.key_set_version != expected_version {
            return Ok(false);
        }
        tables.key_set_version += 1;
        tables.keys = keys.iter().map(|k| (k.kid.clone(), k.clone())).collect();
        Ok(true)
    }

    async fn put_signing_key(&self, key: &SigningKeyRecord) -> StoreResult<()> {
        self.tables()?.keys.insert(key.kid.clone(), key.clone());
        Ok(())
    }

    async fn delete_signing_key(&self, kid: &str) -> StoreResult<()> {
        self.tables()?.keys.remove(kid);
        Ok(())
    }

    async fn hit_counter_window(
        &self,
        key: &str,
        window: Duration,
        now: OffsetDateTime,
    ) -> StoreResult<CounterHit> {
        let now = secs(now);
        // Whole seconds, a sub-second remainder rounded up (as SQLite keeps them).
        let window_secs = window
            .as_secs()
            .saturating_add(u64::from(window.subsec_nanos() > 0));
        let window_end = now.saturating_add(i64::try_from(window_secs).unwrap_or(i64::MAX));
        let mut t = self.tables()?;
        let entry = t.counters.entry(key.into()).or_insert((0, window_end));
        if entry.1 <= now {
            *entry = (0, window_end);
        }
        entry.0 = entry.0.saturating_add(1);
        Ok(CounterHit {
            count: entry.0,
            window_ends: OffsetDateTime::from_unix_timestamp(entry.1)
                .unwrap_or(time::PrimitiveDateTime::MAX.assume_utc()),
        })
    }

    async fn release_counter(&self, key: &str, now: OffsetDateTime) -> StoreResult<()> {
        if let Some(entry) = self
            .tables()?
            .counters
            .get_mut(key)
            .filter(|(_, exp)| *exp > secs(now))
        {
            entry.0 = entry.0.saturating_sub(1);
        }
        Ok(())
    }

    async fn counter(&self, key: &str, now: OffsetDateTime) -> StoreResult<u32> {
        Ok(self
            .tables()?
            .counters
            .get(key)
            .filter(|(_, exp)| *exp > secs(now))
            .map_or(0, |(count, _)| *count))
    }

    async fn reset_counter(&self, key: &str) -> StoreResult<()> {
        self.tables()?.counters.remove(key);
        Ok(())
    }

    async fn put_identity_id(
        &self,
        key: &str,
        identity_id: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.tables()?
            .identity_ids
            .insert(key.into(), (identity_id.into(), secs(expires_at)));
        Ok(())
    }

    async fn get_identity_id(&self, key: &str, now: OffsetDateTime) -> StoreResult<Option<String>> {
        Ok(self
            .tables()?
            .identity_ids
            .get(key)
            .filter(|(_, exp)| *exp > secs(now))
            .map(|(id, _)| id.clone()))
    }

    async fn delete_identity_id(&self, key: &str) -> StoreResult<()> {
        self.tables()?.identity_ids.remove(key);
        Ok(())
    }

    async fn mark_assertion_used(
        &self,
        id_hash: &str,
        expires_at: OffsetDateTime,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        // Under the tables' lock: check and insert are one step.
        let mut t = self.tables()?;
        let now = secs(now);
        match t.used_assertions.get(id_hash) {
            Some(until) if *until > now => Ok(false),
            _ => {
                t.used_assertions.insert(id_hash.into(), secs(expires_at));
                Ok(true)
            }
        }
    }

    async fn collect_expired(&self, now: OffsetDateTime) -> StoreResult<u64> {
        let now = secs(now);
        let mut t = self.tables()?;
        let mut deleted = 0usize;
        macro_rules! sweep {
            ($map:expr, $exp:expr) => {{
                let before = $map.len();
                $map.retain(|_, v| $exp(v) > now);
                deleted += before - $map.len();
            }};
        }
        sweep!(t.auth_requests, |v: &(AuthRequest, i64)| v.1);
        sweep!(t.codes, |v: &Code| v.expires_at);
        sweep!(t.families, |v: &Family| v.expires_at);
        sweep!(t.tokens, |v: &Token| v.expires_at);
        sweep!(t.sso, |v: &(SsoSession, i64)| v.1);
        sweep!(t.browser, |v: &(Vec<u8>, i64)| v.1);
        sweep!(t.counters, |v: &(u32, i64)| v.1);
        sweep!(t.identity_ids, |v: &(String, i64)| v.1);
        sweep!(t.used_assertions, |v: &i64| *v);
        Ok(u64::try_from(deleted).unwrap_or(u64::MAX))
    }
}
