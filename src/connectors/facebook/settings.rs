//! `kind = "facebook"`: Facebook Login's keys, their checks, and Facebook's Logins key.

use crate::config::{Secret, UpstreamLogins, read_secret, validate_upstream_url};
use crate::connectors::oidc::settings::default_upstream_timeout;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

/// Facebook's Logins key (the value is the user's Facebook access token).
pub const FACEBOOK_LOGIN_KEY: &str = "graph.facebook.com";

/// Facebook Login, manual flow (`kind = "facebook"`): plain OAuth 2.0 plus the Graph API.
#[derive(Debug, Clone, Deserialize)]
pub struct FacebookSettings {
    pub app_id: String,
    #[serde(default)]
    pub app_secret_env: Option<String>,
    #[serde(default)]
    pub app_secret_file: Option<PathBuf>,
    #[serde(default = "default_facebook_scopes")]
    pub scopes: Vec<String>,
    #[serde(default = "default_graph_version")]
    pub graph_version: String,
    /// Where the login dialog lives (tests point it at a local stand-in).
    #[serde(default = "default_facebook_dialog")]
    pub dialog_base_url: String,
    #[serde(default = "default_facebook_graph")]
    pub graph_base_url: String,
    #[serde(default = "default_upstream_timeout", with = "humantime_serde")]
    pub timeout: Duration,
}

fn default_facebook_scopes() -> Vec<String> {
    vec!["public_profile".into(), "email".into()]
}

fn default_graph_version() -> String {
    "v19.0".into()
}

fn default_facebook_dialog() -> String {
    "https://www.facebook.com".into()
}

fn default_facebook_graph() -> String {
    "https://graph.facebook.com".into()
}

impl FacebookSettings {
    pub fn app_secret(&self) -> Result<Secret, String> {
        read_secret(&self.app_secret_env, &self.app_secret_file)
            .map_err(|e| e.replace("client_secret", "app_secret"))?
            .ok_or_else(|| "app_secret_env: Facebook needs the app secret".to_string())
    }

    /// Facebook has no ID token: the user's access token goes under Facebook's key.
    pub fn upstream_logins(&self) -> UpstreamLogins {
        UpstreamLogins::AccessToken {
            key: FACEBOOK_LOGIN_KEY.to_string(),
        }
    }

    /// Every key of this provider (`key` is `providers[i]`).
    pub fn check(&self, key: &str, problems: &mut Vec<String>) {
        validate_upstream_url(key, "dialog_base_url", &self.dialog_base_url, problems);
        validate_upstream_url(key, "graph_base_url", &self.graph_base_url, problems);
        if self.app_id.is_empty() || !self.app_id.bytes().all(|b| b.is_ascii_digit()) {
            problems.push(format!("{key}.app_id: must be Facebook's numeric app id"));
        }
        if let Err(e) = self.app_secret() {
            problems.push(format!("{key}.{e}"));
        }
        if !self.graph_version.starts_with('v') || self.graph_version.contains('/') {
            problems.push(format!("{key}.graph_version: like `v19.0`"));
        }
        if self.timeout.is_zero() {
            problems.push(format!("{key}.timeout: must be longer than zero"));
        }
    }
}
