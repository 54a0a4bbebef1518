//! Credentials already obtained, per (identity id, role), served until `refresh_before` their
//! expiry: an app that asks again within the hour costs no identity-pool call.
//!
//! Kept in memory, not in the store: the store would have to seal them, and a replica that has
//! no copy simply asks the pool once. Entries past their expiry are dropped as new ones arrive.

use super::identity_pool::AwsCredentials;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use time::OffsetDateTime;

/// Above this many entries, a put first drops the expired ones.
const PRUNE_ABOVE: usize = 4096;

/// Guests and users never share entries: a guest naming a user's identity id must not get
/// that user's credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Principal<'a> {
    Guest,
    /// A signed-in user, with the role asked for (if any).
    User {
        role_arn: Option<&'a str>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    identity_id: String,
    /// `None` for guests.
    user_role: Option<Option<String>>,
}

impl Key {
    fn new(identity_id: &str, principal: Principal<'_>) -> Self {
        Self {
            identity_id: identity_id.to_string(),
            user_role: match principal {
                Principal::Guest => None,
                Principal::User { role_arn } => Some(role_arn.map(str::to_string)),
            },
        }
    }
}

#[derive(Debug, Default)]
pub struct CredentialsCache {
    // A std mutex: held for a map operation, never across an await.
    entries: Mutex<HashMap<Key, AwsCredentials>>,
}

impl CredentialsCache {
    /// Credentials for the identity and principal that remain valid for more than
    /// `refresh_before`.
    pub fn get(
        &self,
        identity_id: &str,
        principal: Principal<'_>,
        now: OffsetDateTime,
        refresh_before: Duration,
    ) -> Option<AwsCredentials> {
        let key = Key::new(identity_id, principal);
        let entries = self.entries.lock().ok()?;
        entries
            .get(&key)
            .filter(|c| c.expiration - now > refresh_before)
            .cloned()
    }

    pub fn put(
        &self,
        identity_id: &str,
        principal: Principal<'_>,
        credentials: &AwsCredentials,
        now: OffsetDateTime,
    ) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() > PRUNE_ABOVE {
            entries.retain(|_, c| c.expiration > now);
        }
        entries.insert(Key::new(identity_id, principal), credentials.clone());
    }

    /// Forgets an identity's credentials (the pool no longer knows it).
    pub fn forget(&self, identity_id: &str) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|k, _| k.identity_id != identity_id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credentials(expiration: OffsetDateTime) -> AwsCredentials {
        AwsCredentials {
            access_key_id: "ASIA".into(),
            secret_access_key: "s".into(),
            session_token: "t".into(),
            expiration,
        }
    }

    #[test]
    fn credentials_are_served_until_refresh_before_their_expiry() {
        let cache = CredentialsCache::default();
        let now = OffsetDateTime::UNIX_EPOCH + time::Duration::days(1);
        let margin = Duration::from_secs(300);
        let user = Principal::User { role_arn: None };
        cache.put(
            "id-1",
            user,
            &credentials(now + time::Duration::hours(1)),
            now,
        );
        assert!(cache.get("id-1", user, now, margin).is_some());
        assert!(
            cache
                .get("id-1", user, now + time::Duration::minutes(54), margin)
                .is_some()
        );
        assert!(
            cache
                .get("id-1", user, now + time::Duration::minutes(55), margin)
                .is_none(),
            "5 minutes before expiry they are fetched again"
        );
        let other_role = Principal::User {
            role_arn: Some("arn:role"),
        };
        assert!(
            cache.get("id-1", other_role, now, margin).is_none(),
            "per role"
        );
        assert!(
            cache.get("id-1", Principal::Guest, now, margin).is_none(),
            "a guest never gets a user's credentials"
        );
        assert!(cache.get("id-2", user, now, margin).is_none());
        cache.forget("id-1");
        assert!(cache.get("id-1", user, now, margin).is_none());
    }

    #[test]
    fn expired_entries_are_pruned_as_the_cache_grows() {
        let cache = CredentialsCache::default();
        let now = OffsetDateTime::UNIX_EPOCH + time::Duration::days(1);
        for i in 0..=PRUNE_ABOVE {
            cache.put(
                &format!("old-{i}"),
                Principal::Guest,
                &credentials(now),
                now,
            );
        }
        let later = now + time::Duration::seconds(1);
        cache.put(
            "new",
            Principal::Guest,
            &credentials(later + time::Duration::hours(1)),
            later,
        );
        assert_eq!(cache.entries.lock().expect("lock").len(), 1);
    }
}
