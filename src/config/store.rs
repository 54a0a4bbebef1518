//! `[store]`: the embedded SQLite file, or a PostgreSQL database several replicas share.

use super::*;

/// `[store]`: where state lives. With neither `url` nor `url_env`, the embedded SQLite file in
/// `data_dir`; with one of them, a PostgreSQL database every replica shares.
#[derive(Clone, Deserialize)]
#[serde(default)]
pub struct StoreSettings {
    /// `postgres://user@host:port/database?sslmode=verify-full`, without a password (it
    /// belongs in `password_env` or `password_file`).
    pub url: Option<String>,
    /// Environment variable holding the whole URL, password included (`DATABASE_URL` style).
    pub url_env: Option<String>,
    /// Environment variable holding the database password.
    pub password_env: Option<String>,
    /// File holding the database password (a mounted secret); trailing newline ignored.
    pub password_file: Option<PathBuf>,
    /// Connections each replica keeps open at most.
    pub pool_size: u32,
    /// Longest a statement may run before PostgreSQL cancels it.
    #[serde(with = "humantime_serde")]
    pub statement_timeout: Duration,
    /// Longest a request waits for a connection before the store counts as unavailable (503);
    /// also how long start-up tries to reach the database.
    #[serde(with = "humantime_serde")]
    pub connect_timeout: Duration,
}

impl Default for StoreSettings {
    fn default() -> Self {
        Self {
            url: None,
            url_env: None,
            password_env: None,
            password_file: None,
            pool_size: 10,
            statement_timeout: Duration::from_secs(5),
            connect_timeout: Duration::from_secs(5),
        }
    }
}

// By hand: a URL that (against the rules) carries a password must not be printed with it.
impl std::fmt::Debug for StoreSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreSettings")
            .field(
                "url",
                &self
                    .url
                    .as_deref()
                    .map(crate::store::postgres::redacted_url),
            )
            .field("url_env", &self.url_env)
            .field("password_env", &self.password_env)
            .field("password_file", &self.password_file)
            .field("pool_size", &self.pool_size)
            .field("statement_timeout", &self.statement_timeout)
            .field("connect_timeout", &self.connect_timeout)
            .finish()
    }
}

impl StoreSettings {
    /// How to reach PostgreSQL, with the URL and password read from where the keys say;
    /// `None` for the embedded SQLite store. `Err` names the key at fault, never a secret.
    pub fn postgres(&self) -> Result<Option<crate::store::postgres::PostgresOptions>, String> {
        use crate::store::postgres::{PostgresOptions, check_url, url_has_password};
        let url = match (&self.url, &self.url_env) {
            (None, None) => {
                if self.password_env.is_some() || self.password_file.is_some() {
                    return Err(
                        "store.password_env: a password needs store.url or store.url_env".into(),
                    );
                }
                return Ok(None);
            }
            (Some(_), Some(_)) => {
                return Err("store.url: set either store.url or store.url_env".into());
            }
            (Some(url), None) => {
                check_url(url).map_err(|e| format!("store.url: {e}"))?;
                if url_has_password(url) {
                    return Err(
                        "store.url: holds a password; put it in store.password_env or \
                                store.password_file (or the whole URL in store.url_env)"
                            .into(),
                    );
                }
                url.clone()
            }
            (None, Some(var)) => {
                let url = std::env::var(var).map_err(|_| {
                    format!("store.url_env: environment variable ${var} is not set")
                })?;
                check_url(&url).map_err(|e| format!("store.url_env: ${var}: {e}"))?;
                url
            }
        };
        let password = match (&self.password_env, &self.password_file) {
            (Some(_), Some(_)) => {
                return Err(
                    "store.password_env: set either store.password_env or store.password_file"
                        .into(),
                );
            }
            (Some(var), None) => Some(std::env::var(var).map_err(|_| {
                format!("store.password_env: environment variable ${var} is not set")
            })?),
            (None, Some(path)) => Some(
                std::fs::read_to_string(path)
                    .map(|s| s.trim_end_matches(['\r', '\n']).to_string())
                    .map_err(|e| {
                        format!("store.password_file: cannot read {}: {e}", path.display())
                    })?,
            ),
            (None, None) => None,
        };
        Ok(Some(PostgresOptions {
            url,
            password,
            pool_size: self.pool_size,
            statement_timeout: self.statement_timeout,
            connect_timeout: self.connect_timeout,
        }))
    }
}

impl Settings {
    pub(super) fn check_store(&self, problems: &mut Vec<String>) {
        if let Err(e) = self.store.postgres() {
            problems.push(e);
        }
        if self.store.pool_size == 0 {
            problems.push("store.pool_size: must be at least 1".into());
        }
    }
}
