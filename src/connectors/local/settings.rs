//! `kind = "local"`: the user list's keys and their checks. Local users have no provider token
//! an identity pool could check, so they are federated as developer identities by default.

use crate::config::{DEFAULT_CONFIG, ProviderKinds, Settings};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// Why `logins = "upstream"` cannot work for local users, in the words config reports.
pub const NO_UPSTREAM_LOGINS: &str =
    "local users have no provider token to send; use `developer` or `self`";

/// The built-in user list (`kind = "local"`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LocalSettings {
    #[serde(default)]
    pub users: Vec<LocalUserSettings>,
}

#[derive(Clone, Deserialize)]
pub struct LocalUserSettings {
    pub username: String,
    /// argon2id PHC string from `authgate hash-password`.
    pub password_hash: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub email_verified: bool,
    /// Extra claims (`name`, `given_name`, `phone_number`, ...), passed into tokens by scope.
    #[serde(default)]
    pub claims: BTreeMap<String, serde_json::Value>,
}

impl std::fmt::Debug for LocalUserSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalUserSettings")
            .field("username", &self.username)
            .field("password_hash", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl LocalSettings {
    /// Every user: a name, once (names are compared case-insensitively), and a PHC hash.
    pub fn check(&self, key: &str, problems: &mut Vec<String>) {
        let mut names = HashSet::new();
        for (j, user) in self.users.iter().enumerate() {
            let key = format!("{key}.users[{j}]");
            if user.username.trim().is_empty() {
                problems.push(format!("{key}.username: must not be empty"));
            }
            if !names.insert(user.username.to_lowercase()) {
                problems.push(format!("{key}.username: `{}` is used twice", user.username));
            }
            if argon2::PasswordHash::new(&user.password_hash).is_err() {
                problems.push(format!(
                    "{key}.password_hash: not a PHC hash string (make one with `authgate hash-password`)"
                ));
            }
        }
    }
}

/// Every local user of `settings`, with the id of the provider that lists them.
fn local_users(settings: &Settings) -> impl Iterator<Item = (&str, &LocalUserSettings)> {
    settings.providers.iter().flat_map(|p| {
        crate::connectors::settings::of(p)
            .and_then(|s| s.as_local())
            .into_iter()
            .flat_map(move |local| local.users.iter().map(move |u| (p.id.as_str(), u)))
    })
}

/// The password hashes of every local user in this config (to recognise the demo user's).
pub fn password_hashes(settings: &Settings) -> Vec<String> {
    local_users(settings)
        .map(|(_, u)| u.password_hash.clone())
        .collect()
}

/// Local users (provider id, username) whose password is published: their hash is one of
/// the embedded default's (the README gives its password).
pub fn users_with_published_passwords(settings: &Settings) -> Vec<(String, String)> {
    let kinds: &'static dyn ProviderKinds = &crate::connectors::PROVIDER_KINDS;
    let Ok(default) = Settings::load(DEFAULT_CONFIG, std::iter::empty(), kinds) else {
        return Vec::new();
    };
    let published = password_hashes(&default);
    local_users(settings)
        .filter(|(_, u)| published.contains(&u.password_hash))
        .map(|(id, u)| (id.to_string(), u.username.clone()))
        .collect()
}
