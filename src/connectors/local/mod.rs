//! The built-in local user list (`kind = "local"`): usernames and argon2id hashes from config.

pub mod settings;

use crate::identity::Identity;
use serde_json::{Map, Value};
use settings::LocalUserSettings;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// The hash of a random password nobody knows, verified when the username is unknown so that
/// "no such user" takes as long as "wrong password" (no user enumeration by timing).
const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$bm90LWEtcmVhbC11c2Vy$M6xP8tAhhj2u3Kx1AUiSTjXh4CEXCvf5ZlzI3JhTo0M";

struct LocalUser {
    username: String,
    password_hash: String,
    claims: Map<String, Value>,
}

pub struct LocalUsers {
    provider_id: String,
    /// Keyed by lower-cased username: sign-in is case-insensitive on the name, as Cognito's is.
    users: HashMap<String, Arc<LocalUser>>,
}

impl LocalUsers {
    pub fn new(provider_id: &str, users: &[LocalUserSettings]) -> Self {
        let users = users
            .iter()
            .map(|u| {
                let mut claims: Map<String, Value> = u
                    .claims
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                if let Some(email) = &u.email {
                    claims.insert("email".into(), Value::String(email.clone()));
                    claims.insert("email_verified".into(), Value::Bool(u.email_verified));
                }
                let user = LocalUser {
                    username: u.username.clone(),
                    password_hash: u.password_hash.clone(),
                    claims,
                };
                (u.username.to_lowercase(), Arc::new(user))
            })
            .collect();
        Self {
            provider_id: provider_id.to_string(),
            users,
        }
    }

    /// Checks a password. argon2 is deliberately slow, so it runs on the blocking pool, at most
    /// `slots` at a time (a burst of logins must not starve every other request).
    pub async fn authenticate(
        &self,
        username: &str,
        password: &str,
        slots: &Semaphore,
    ) -> Option<Identity> {
        let user = self.users.get(&username.to_lowercase()).cloned();
        let hash = user
            .as_ref()
            .map_or(DECOY_HASH.to_string(), |u| u.password_hash.clone());
        let password = password.to_string();
        let _permit = slots.acquire().await.ok()?;
        // The pooled arena (crate::password) keeps argon2's working memory bounded.
        let verified = tokio::task::spawn_blocking(move || {
            crate::password::verify(password.as_bytes(), &hash)
        })
        .await
        .unwrap_or(false);
        let user = user.filter(|_| verified)?;
        Some(Identity {
            provider: self.provider_id.clone(),
            upstream_subject: user.username.clone(),
            username: user.username.clone(),
            claims: user.claims.clone(),
            upstream_refresh: None,
            upstream_tokens: None,
            published_sub: None,
            upstream_session: None,
        })
    }
}
