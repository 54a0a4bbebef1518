//! `kind = "amazon"`: Login with Amazon's keys, their checks, and Amazon's Logins key.

use crate::config::{Secret, UpstreamLogins, read_secret, validate_upstream_url};
use crate::connectors::oidc::settings::default_upstream_timeout;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

/// Amazon's Logins key in a Cognito identity pool (the value is the user's access token).
pub const AMAZON_LOGIN_KEY: &str = "www.amazon.com";

/// Login with Amazon (`kind = "amazon"`): OAuth 2.0 with PKCE, then the profile API.
#[derive(Debug, Clone, Deserialize)]
pub struct AmazonSettings {
    /// The security profile's client id (`amzn1.application-oa2-client.…`).
    pub client_id: String,
    #[serde(default)]
    pub client_secret_env: Option<String>,
    #[serde(default)]
    pub client_secret_file: Option<PathBuf>,
    #[serde(default = "default_amazon_scopes")]
    pub scopes: Vec<String>,
    /// Amazon's endpoints (tests point them at a local stand-in).
    #[serde(default = "default_authorization_endpoint")]
    pub authorization_endpoint: String,
    #[serde(default = "default_token_endpoint")]
    pub token_endpoint: String,
    #[serde(default = "default_profile_endpoint")]
    pub profile_endpoint: String,
    #[serde(default = "default_upstream_timeout", with = "humantime_serde")]
    pub timeout: Duration,
}

fn default_amazon_scopes() -> Vec<String> {
    vec!["profile".into()]
}

fn default_authorization_endpoint() -> String {
    "https://www.amazon.com/ap/oa".into()
}

fn default_token_endpoint() -> String {
    "https://api.amazon.com/auth/o2/token".into()
}

fn default_profile_endpoint() -> String {
    "https://api.amazon.com/user/profile".into()
}

impl AmazonSettings {
    pub fn client_secret(&self) -> Result<Secret, String> {
        read_secret(&self.client_secret_env, &self.client_secret_file)?
            .ok_or_else(|| "client_secret_env: Amazon needs the client secret".to_string())
    }

    /// Amazon has no ID token: the user's access token goes under Amazon's key.
    pub fn upstream_logins(&self) -> UpstreamLogins {
        UpstreamLogins::AccessToken {
            key: AMAZON_LOGIN_KEY.to_string(),
        }
    }

    /// Every key of this provider (`key` is `providers[i]`).
    pub fn check(&self, key: &str, problems: &mut Vec<String>) {
        for (name, value) in [
            ("authorization_endpoint", &self.authorization_endpoint),
            ("token_endpoint", &self.token_endpoint),
            ("profile_endpoint", &self.profile_endpoint),
        ] {
            validate_upstream_url(key, name, value, problems);
        }
        if self.client_id.is_empty() {
            problems.push(format!("{key}.client_id: must not be empty"));
        }
        if let Err(e) = self.client_secret() {
            problems.push(format!("{key}.{e}"));
        }
        if self.scopes.is_empty() {
            problems.push(format!("{key}.scopes: at least `profile` is needed"));
        }
        if self.timeout.is_zero() {
            problems.push(format!("{key}.timeout: must be longer than zero"));
        }
    }
}
