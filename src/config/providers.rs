//! `[[providers]]`: what every provider has (id, name, how its users are federated), and the
//! rest of its table, which belongs to its kind's connector.
//!
//! Config sits below the connectors, so it cannot name their settings types. Instead
//! [`Settings::load`] is handed a [`ProviderKinds`] catalogue (`connectors::PROVIDER_KINDS`)
//! that parses the rest of each table into an opaque [`KindSettings`]: config calls it to check
//! the kind's keys and to ask the few things its own checks need (Logins, passthrough), and the
//! connectors downcast it when they open. Parsing happens while the table is deserialized, as
//! when config held every kind's struct, so type errors keep their key and their precedence.

use super::checks::*;
use super::*;
use serde::de::Error as _;
use std::cell::Cell;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct ProviderSettings {
    pub id: String,
    /// Shown on the picker button; defaults to the id.
    pub name: Option<String>,
    /// What identity-pool federation sends as Logins for users of this provider; defaults to
    /// [`ProviderSettings::logins_mode`].
    pub logins: Option<LoginsMode>,
    /// The role asked for (Cognito's `CustomRoleArn`) for users of this provider.
    pub custom_role_arn: Option<String>,
    /// `kind = "…"`: which connector reads the rest of the table.
    pub kind: &'static str,
    /// The rest of the table, as the kind's connector parsed it.
    pub own: Arc<dyn KindSettings>,
}

/// A kind's own settings, opaque to config: implemented by the connectors.
pub trait KindSettings: std::any::Any + std::fmt::Debug + Send + Sync {
    /// The `kind` it was parsed for.
    fn kind(&self) -> &'static str;
    /// Checks the kind's own keys, each problem named under `key` (`providers[i]`).
    fn check(&self, key: &str, problems: &mut Vec<String>);
    /// What identity-pool federation sends for its users with `logins = "upstream"`; `Err`
    /// says why it cannot (then `developer` is the default).
    fn upstream_logins(&self) -> Result<UpstreamLogins, &'static str>;
    /// A user pool whose own tokens a `passthrough` app hands out.
    fn hands_out_pool_tokens(&self) -> bool;
    /// For the connectors, to get their own type back.
    fn as_any(&self) -> &dyn std::any::Any;
}

/// Every provider kind, as the connectors parse them (config is handed it; it names none).
pub trait ProviderKinds: Sync {
    /// Parses the table of one provider (its `kind` included, the common keys taken out).
    /// `Err` is the message of a type error, reported under `providers[i]`.
    fn parse(&self, table: toml::Table) -> Result<Arc<dyn KindSettings>, String>;
}

thread_local! {
    /// The catalogue of the `Settings::load` running on this thread. serde's derive cannot pass
    /// context down to a nested field, so `load` lends it here for the deserialization only.
    static KINDS: Cell<Option<&'static dyn ProviderKinds>> = const { Cell::new(None) };
}

/// Lends `kinds` to the deserialization of providers until dropped.
pub(super) struct LentKinds(Option<&'static dyn ProviderKinds>);

impl LentKinds {
    pub(super) fn new(kinds: &'static dyn ProviderKinds) -> Self {
        Self(KINDS.with(|k| k.replace(Some(kinds))))
    }
}

impl Drop for LentKinds {
    fn drop(&mut self) {
        KINDS.with(|k| k.set(self.0));
    }
}

/// The table as written: the common keys, and the rest (the kind's, `kind` included).
#[derive(Deserialize)]
struct RawProvider {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    logins: Option<LoginsMode>,
    #[serde(default)]
    custom_role_arn: Option<String>,
    #[serde(flatten)]
    own: toml::Table,
}

impl<'de> Deserialize<'de> for ProviderSettings {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawProvider::deserialize(deserializer)?;
        let kinds = KINDS
            .with(Cell::get)
            .ok_or_else(|| D::Error::custom("provider kinds are parsed by Settings::load"))?;
        let own = kinds.parse(raw.own).map_err(D::Error::custom)?;
        Ok(ProviderSettings {
            id: raw.id,
            name: raw.name,
            logins: raw.logins,
            custom_role_arn: raw.custom_role_arn,
            kind: own.kind(),
            own,
        })
    }
}

impl ProviderSettings {
    /// The Logins this provider's users are federated with: their provider's token when it
    /// has one an identity pool could check, `developer` otherwise (local users).
    pub fn logins_mode(&self) -> LoginsMode {
        match (&self.logins, self.own.upstream_logins()) {
            (Some(mode), _) => *mode,
            (None, Ok(_)) => LoginsMode::Upstream,
            (None, Err(_)) => LoginsMode::Developer,
        }
    }
}

impl Settings {
    /// Every `[[providers]]` entry: ids, and each kind's own keys.
    pub(super) fn check_providers(&self, problems: &mut Vec<String>) {
        let mut provider_ids = HashSet::new();
        for (i, provider) in self.providers.iter().enumerate() {
            let key = format!("providers[{i}]");
            if !is_token_safe(&provider.id) {
                problems.push(format!(
                    "{key}.id: `{}` must be 1-64 characters of A-Z a-z 0-9 _ -",
                    provider.id
                ));
            }
            if !provider_ids.insert(provider.id.as_str()) {
                problems.push(format!("{key}.id: `{}` is used twice", provider.id));
            }
            provider.own.check(&key, problems);
        }
    }
}
