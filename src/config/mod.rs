//! Typed settings: one TOML file (the embedded default or `--config FILE`), then `AUTHGATE_...`
//! environment overrides, then validation that reports every problem with the key it concerns.

mod apps;
mod aws;
mod checks;
mod operations;
mod providers;
mod server;
mod store;

pub use crate::web::rate_limit::{Limit, RateLimitSettings};
pub use apps::*;
pub use aws::*;
pub use checks::{Secret, read_secret, validate_upstream_url};
pub use providers::*;
pub use server::*;
pub use store::*;

use checks::*;
use operations::{default_shutdown_grace, list_or_commas};
use serde::Deserialize;
use std::collections::HashSet;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The embedded default: local users, the demo app, SQLite under `./data`.
pub const DEFAULT_CONFIG: &str = include_str!("../../config/authgate.toml");

/// Prefix of environment overrides: `AUTHGATE_LISTEN`, `AUTHGATE_TOKENS__ALGORITHM`, ...
const ENV_PREFIX: &str = "AUTHGATE_";

/// Top-level keys that environment variables may override. Anything else starting with
/// `AUTHGATE_` (for example a client secret named by `client_secret_env`) is left alone.
const OVERRIDABLE: &[&str] = &[
    "listen",
    "issuer",
    "data_dir",
    "store_key_env",
    "store",
    "log_format",
    "tokens",
    "sessions",
    "login_throttle",
    "password_hashing",
    "demo",
    "account",
    "aws",
    "tls",
    "metrics",
    "trusted_proxies",
    "rate_limits",
    "shutdown_grace",
    "shutdown_delay",
    "allow_published_demo_password",
    "ui",
];

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// Socket address to bind, e.g. `127.0.0.1:8080` (port 0 picks a free port).
    pub listen: String,
    /// Public base URL; `iss` of every token and the base of every endpoint.
    pub issuer: String,
    /// Where the SQLite store lives (and, with PostgreSQL, only the store key file when
    /// `store_key_env` is unset).
    pub data_dir: PathBuf,
    /// `[store]`: PostgreSQL shared by several replicas; absent, the SQLite file in `data_dir`.
    #[serde(default)]
    pub store: StoreSettings,
    /// Environment variable holding the key (32 bytes, base64) that seals secrets in the store.
    /// Without it, a key file `store.key` is created in `data_dir` on first start; replicas
    /// sharing a store must share the key, so set this when running several.
    #[serde(default)]
    pub store_key_env: Option<String>,
    /// `text` (default) or `json`.
    #[serde(default = "default_log_format")]
    pub log_format: String,
    #[serde(default)]
    pub tokens: TokenSettings,
    #[serde(default)]
    pub sessions: SessionSettings,
    #[serde(default)]
    pub login_throttle: ThrottleSettings,
    #[serde(default)]
    pub password_hashing: PasswordHashingSettings,
    #[serde(default)]
    pub demo: DemoSettings,
    /// `[account]`: the signed-in user's own pages (`/account`) and their JSON twins.
    #[serde(default)]
    pub account: AccountSettings,
    #[serde(default)]
    pub metrics: MetricsSettings,
    /// `[ui]`: the hosted pages' look and words.
    #[serde(default)]
    pub ui: UiSettings,
    /// Proxies (CIDR blocks or addresses) whose `X-Forwarded-For` / `Forwarded` name the
    /// client; without any, the client is always the socket's peer. A list, or (from the
    /// environment) one comma-separated string.
    #[serde(default, deserialize_with = "list_or_commas")]
    pub trusted_proxies: Vec<String>,
    #[serde(default)]
    pub rate_limits: RateLimitSettings,
    /// On SIGTERM: how long requests in flight may take to finish before they are cut off.
    #[serde(default = "default_shutdown_grace", with = "humantime_serde")]
    pub shutdown_grace: Duration,
    /// On SIGTERM: how long to go on serving with `/readyz` failing before new connections are
    /// refused, so a load balancer notices first. A second signal ends it at once.
    #[serde(default, with = "humantime_serde")]
    pub shutdown_delay: Duration,
    /// Start even though a local user's password is the published demo one and the server is
    /// reachable from elsewhere (a non-loopback listener, or an issuer on another host). For a
    /// throwaway demo only: anyone who has read the README can sign in.
    #[serde(default)]
    pub allow_published_demo_password: bool,
    /// Federation to AWS: temporary credentials from a Cognito identity pool.
    #[serde(default)]
    pub aws: AwsSettings,
    /// Serve https on `listen` from these PEM files; plain http when absent.
    #[serde(default)]
    pub tls: Option<TlsSettings>,
    #[serde(default)]
    pub apps: Vec<AppSettings>,
    #[serde(default)]
    pub providers: Vec<ProviderSettings>,
}

fn default_log_format() -> String {
    "text".into()
}

/// Start-up configuration failed; one entry per problem, each naming its key.
#[derive(Debug)]
pub struct ConfigError(pub Vec<String>);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "invalid configuration ({} problem(s)):", self.0.len())?;
        for problem in &self.0 {
            writeln!(f, "  - {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

impl Settings {
    /// Parses `text`, applies `env` overrides, and validates the result. Each provider's own
    /// keys are parsed and checked by `kinds` (`connectors::PROVIDER_KINDS`; see
    /// [`ProviderKinds`] for why config is handed them).
    pub fn load(
        text: &str,
        env: impl IntoIterator<Item = (String, String)>,
        kinds: &'static dyn ProviderKinds,
    ) -> Result<Settings, ConfigError> {
        let mut value: toml::Table =
            toml::from_str(text).map_err(|e| ConfigError(vec![format!("TOML syntax: {e}")]))?;
        apply_env_overrides(&mut value, env)?;

        let mut unknown = Vec::new();
        let mut note_unknown = |path: serde_ignored::Path| {
            unknown.push(format!("{path}: unknown key"));
        };
        let tracked =
            serde_ignored::Deserializer::new(toml::Value::Table(value), &mut note_unknown);
        let lent = providers::LentKinds::new(kinds);
        let settings: Result<Settings, _> = serde_path_to_error::deserialize(tracked);
        drop(lent);
        let settings =
            settings.map_err(|e| ConfigError(vec![format!("{}: {}", e.path(), e.inner())]))?;

        let mut problems = unknown;
        problems.extend(settings.validate());
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(ConfigError(problems))
        }
    }

    pub fn listen_addr(&self) -> Result<SocketAddr, String> {
        self.listen
            .parse()
            .map_err(|_| format!("listen: `{}` is not host:port", self.listen))
    }

    /// The management listener's address, when `/metrics` has one of its own.
    pub fn metrics_listen_addr(&self) -> Result<Option<SocketAddr>, String> {
        match (&self.metrics.listen, self.metrics.enabled) {
            (Some(listen), true) => listen
                .parse()
                .map(Some)
                .map_err(|_| format!("metrics.listen: `{listen}` is not host:port")),
            _ => Ok(None),
        }
    }

    /// Secure cookies everywhere except a plain-http issuer on a loopback host.
    pub fn secure_cookies(&self) -> bool {
        !self.issuer.starts_with("http://")
    }

    fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if let Err(e) = self.listen_addr() {
            problems.push(e);
        }
        match (self.metrics_listen_addr(), self.listen_addr()) {
            (Err(e), _) => problems.push(e),
            (Ok(Some(management)), Ok(public))
                if management == public && management.port() != 0 =>
            {
                problems.push(format!(
                    "metrics.listen: `{management}` is the public listener's address"
                ));
            }
            _ => {}
        }
        validate_issuer(&self.issuer, &mut problems);
        self.check_operations(&mut problems);
        if let Some(tls) = &self.tls {
            if let Err(e) = crate::web::tls::server_config(&tls.cert_file, &tls.key_file) {
                problems.push(e);
            }
            if self.issuer.starts_with("http://") {
                problems.push(
                    "issuer: [tls] serves https, so the issuer must start with https://".into(),
                );
            }
        }
        if !matches!(self.log_format.as_str(), "text" | "json") {
            problems.push("log_format: must be `text` or `json`".into());
        }

        let t = &self.tokens;
        if !matches!(t.algorithm.as_str(), "RS256" | "ES256") {
            problems.push(format!(
                "tokens.algorithm: `{}` is not RS256 or ES256",
                t.algorithm
            ));
        }
        for (key, value) in [
            ("tokens.access_token_ttl", t.access_token_ttl),
            ("tokens.id_token_ttl", t.id_token_ttl),
            ("tokens.refresh_token_ttl", t.refresh_token_ttl),
            ("tokens.code_ttl", t.code_ttl),
            ("tokens.key_rotation", t.key_rotation),
            ("sessions.sso_ttl", self.sessions.sso_ttl),
            ("sessions.auth_request_ttl", self.sessions.auth_request_ttl),
            ("sessions.gc_interval", self.sessions.gc_interval),
            ("login_throttle.window", self.login_throttle.window),
            ("store.statement_timeout", self.store.statement_timeout),
            ("store.connect_timeout", self.store.connect_timeout),
        ] {
            if value.is_zero() {
                problems.push(format!("{key}: must be longer than zero"));
            }
        }
        if t.code_ttl > Duration::from_secs(600) {
            problems.push("tokens.code_ttl: at most 10m (RFC 6749 §4.1.2)".into());
        }
        let th = &self.login_throttle;
        if th.lock_after == 0 || th.lock_after_per_address == 0 {
            problems.push("login_throttle.lock_after: must be at least 1".into());
        }
        if th.slow_after > th.lock_after {
            problems.push("login_throttle.slow_after: must not exceed lock_after".into());
        }
        let ph = &self.password_hashing;
        if argon2::Params::new(ph.memory_kib, ph.iterations, ph.parallelism, None).is_err() {
            problems.push("password_hashing: not valid argon2 parameters".into());
        }

        self.check_store(&mut problems);
        self.check_providers(&mut problems);
        self.check_apps(&mut problems);
        if self.account.enabled {
            if self.apps.iter().any(|a| a.client_id == ACCOUNT_CLIENT_ID) {
                problems.push(format!(
                    "apps: client_id `{}` is the account pages' own; choose another \
                     (or set account.enabled = false)",
                    ACCOUNT_CLIENT_ID
                ));
            }
            if self.account.reauth_after.is_zero() {
                problems.push("account.reauth_after: must be longer than zero".into());
            }
            // What the pool decides by itself is not the user's to edit.
            for name in &self.account.editable_attributes {
                let pools_own = name == "sub"
                    || name.ends_with("_verified")
                    || name == "identities"
                    || name.starts_with("cognito:")
                    || name.is_empty();
                if pools_own {
                    problems.push(format!(
                        "account.editable_attributes: `{name}` is not an attribute a user can change"
                    ));
                }
            }
        }
        if self.demo.enabled {
            match self
                .apps
                .iter()
                .find(|a| a.client_id == self.demo.client_id)
            {
                None => problems.push(format!(
                    "demo.client_id: no app has client_id `{}`",
                    self.demo.client_id
                )),
                Some(app) => {
                    if app.client_secret_env.is_some() || app.client_secret_file.is_some() {
                        problems.push(
                            "demo.client_id: the demo signs in as a public app; this one has a secret"
                                .into(),
                        );
                    }
                    let callback = format!("{}/callback", self.issuer);
                    let allowed = crate::redirect_uri::RedirectUris::new(&app.redirect_uris)
                        .is_ok_and(|uris| uris.allows(&callback));
                    if !allowed {
                        problems.push(format!(
                            "demo.client_id: app `{}` must accept the redirect URI {callback}",
                            app.client_id
                        ));
                    }
                }
            }
        }
        problems
    }
}

/// `AUTHGATE_TOKENS__ALGORITHM=ES256` sets `tokens.algorithm`; values are read as TOML scalars
/// (`5`, `true`) when they parse as one, else as strings.
fn apply_env_overrides(
    table: &mut toml::Table,
    env: impl IntoIterator<Item = (String, String)>,
) -> Result<(), ConfigError> {
    let mut problems = Vec::new();
    for (name, raw) in env {
        let Some(rest) = name.strip_prefix(ENV_PREFIX) else {
            continue;
        };
        let path: Vec<String> = rest.split("__").map(|s| s.to_ascii_lowercase()).collect();
        if !OVERRIDABLE.contains(&path[0].as_str()) {
            continue;
        }
        if let Err(segment) = set_path(table, &path, parse_env_value(&raw)) {
            problems.push(format!("{name}: `{segment}` is not a table"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ConfigError(problems))
    }
}

/// Sets `path` in `table`, creating tables on the way; `Err` names a segment that is a value.
fn set_path(table: &mut toml::Table, path: &[String], value: toml::Value) -> Result<(), String> {
    match path {
        [] => Ok(()),
        [last] => {
            table.insert(last.clone(), value);
            Ok(())
        }
        [first, rest @ ..] => {
            let entry = table
                .entry(first.clone())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            match entry {
                toml::Value::Table(inner) => set_path(inner, rest, value),
                _ => Err(first.clone()),
            }
        }
    }
}

fn parse_env_value(raw: &str) -> toml::Value {
    let probe = format!("v = {raw}");
    match toml::from_str::<toml::Table>(&probe) {
        Ok(mut t) => match t.remove("v") {
            Some(
                v @ (toml::Value::Integer(_) | toml::Value::Boolean(_) | toml::Value::Float(_)),
            ) => v,
            _ => toml::Value::String(raw.to_string()),
        },
        Err(_) => toml::Value::String(raw.to_string()),
    }
}

#[cfg(test)]
mod tests;
