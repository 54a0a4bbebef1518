//! `kind = "apple"`: Sign in with Apple's keys, their checks, and Apple's Logins key.

use crate::config::{Secret, UpstreamLogins, read_secret, validate_upstream_url};
use crate::connectors::oidc::settings::default_upstream_timeout;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

/// Apple's Logins key in a Cognito identity pool (the value is Apple's ID token).
pub const APPLE_LOGIN_KEY: &str = "appleid.apple.com";

/// Apple's issuer: the ID tokens' `iss`, and the `aud` of the client secrets authgate signs.
pub const APPLE_ISSUER: &str = "https://appleid.apple.com";

/// The longest a client secret may live, by Apple's rule (six months, in seconds).
pub const MAX_CLIENT_SECRET_LIFETIME: Duration = Duration::from_secs(15_777_000);

/// Sign in with Apple on the web (`kind = "apple"`).
#[derive(Debug, Clone, Deserialize)]
pub struct AppleSettings {
    /// The Services ID (e.g. `com.example.web`): the `client_id`, and the client secret's `sub`.
    pub client_id: String,
    /// The Apple developer team id: the client secret's `iss`.
    pub team_id: String,
    /// The id of the Sign in with Apple key (`.p8`): the client secret's `kid`.
    pub key_id: String,
    /// The `.p8` private key (PEM), from a file or an environment variable.
    #[serde(default)]
    pub private_key_file: Option<PathBuf>,
    #[serde(default)]
    pub private_key_env: Option<String>,
    #[serde(default = "default_apple_scopes")]
    pub scopes: Vec<String>,
    /// How long each client secret authgate signs is valid (renewed before it runs out).
    #[serde(default = "default_client_secret_lifetime", with = "humantime_serde")]
    pub client_secret_lifetime: Duration,
    /// Apple's issuer and endpoints (tests point them at a local stand-in).
    #[serde(default = "default_issuer")]
    pub issuer: String,
    #[serde(default = "default_authorization_endpoint")]
    pub authorization_endpoint: String,
    #[serde(default = "default_token_endpoint")]
    pub token_endpoint: String,
    #[serde(default = "default_jwks_uri")]
    pub jwks_uri: String,
    #[serde(default = "default_upstream_timeout", with = "humantime_serde")]
    pub timeout: Duration,
}

fn default_apple_scopes() -> Vec<String> {
    vec!["name".into(), "email".into()]
}

fn default_client_secret_lifetime() -> Duration {
    Duration::from_secs(30 * 86_400)
}

fn default_issuer() -> String {
    APPLE_ISSUER.into()
}

fn default_authorization_endpoint() -> String {
    format!("{APPLE_ISSUER}/auth/authorize")
}

fn default_token_endpoint() -> String {
    format!("{APPLE_ISSUER}/auth/token")
}

fn default_jwks_uri() -> String {
    format!("{APPLE_ISSUER}/auth/keys")
}

impl AppleSettings {
    /// The `.p8` key's PEM. An environment variable may hold it on one line with `\n`s.
    pub fn private_key(&self) -> Result<Secret, String> {
        let pem = read_secret(&self.private_key_env, &self.private_key_file)
            .map_err(|e| e.replace("client_secret", "private_key"))?
            .ok_or_else(|| "private_key_file: Apple needs the team's .p8 key".to_string())?;
        Ok(Secret::new(pem.expose().replace("\\n", "\n")))
    }

    /// Apple's ID token, under Apple's key.
    pub fn upstream_logins(&self) -> UpstreamLogins {
        UpstreamLogins::IdToken {
            key: APPLE_LOGIN_KEY.to_string(),
        }
    }

    /// Every key of this provider (`key` is `providers[i]`).
    pub fn check(&self, key: &str, problems: &mut Vec<String>) {
        for (name, value) in [
            ("issuer", &self.issuer),
            ("authorization_endpoint", &self.authorization_endpoint),
            ("token_endpoint", &self.token_endpoint),
            ("jwks_uri", &self.jwks_uri),
        ] {
            validate_upstream_url(key, name, value, problems);
        }
        for (name, value) in [
            ("client_id", &self.client_id),
            ("team_id", &self.team_id),
            ("key_id", &self.key_id),
        ] {
            if value.is_empty() {
                problems.push(format!("{key}.{name}: must not be empty"));
            }
        }
        match self.private_key() {
            // Parsed here so that a wrong file is a config error, not a failed sign-in; the
            // message never quotes the key.
            Ok(pem) => {
                if super::client_secret::signing_key(&pem).is_err() {
                    problems.push(format!(
                        "{key}.private_key_file: not an ES256 (P-256) private key in PEM (.p8)"
                    ));
                }
            }
            Err(e) => problems.push(format!("{key}.{e}")),
        }
        if self.client_secret_lifetime.is_zero()
            || self.client_secret_lifetime > MAX_CLIENT_SECRET_LIFETIME
        {
            problems.push(format!(
                "{key}.client_secret_lifetime: longer than zero, at most 6 months (Apple's limit)"
            ));
        }
        if self.timeout.is_zero() {
            problems.push(format!("{key}.timeout: must be longer than zero"));
        }
    }
}
