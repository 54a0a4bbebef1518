//! `kind = "oidc"`: an upstream OpenID Provider's keys, their checks, and the Logins key its
//! users are federated under. Parsed from the provider's table by [`crate::connectors::settings`].

use crate::config::{Secret, UpstreamLogins, read_secret, validate_upstream_url};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

/// An upstream OpenID Provider (`kind = "oidc"`).
#[derive(Debug, Clone, Deserialize)]
pub struct OidcSettings {
    /// The issuer its ID tokens (and RFC 9207 `iss`) must name, exactly (Auth0's ends in `/`).
    pub issuer: String,
    /// Where to read discovery when it is not `{issuer}/.well-known/openid-configuration`.
    #[serde(default)]
    pub discovery_url: Option<String>,
    /// Where to fetch signing keys when not the discovery document's `jwks_uri`.
    #[serde(default)]
    pub jwks_uri: Option<String>,
    /// With `token_endpoint` and `jwks_uri`: endpoints known in advance, no discovery.
    #[serde(default)]
    pub authorization_endpoint: Option<String>,
    #[serde(default)]
    pub token_endpoint: Option<String>,
    /// Require the ID token to echo our nonce (OIDC Core §3.1.3.7). Only for providers (or
    /// emulators) that drop it; PKCE still binds the code to the flow.
    #[serde(default = "default_true")]
    pub require_nonce: bool,
    /// Sign the user out at the provider too when they sign out of authgate.
    #[serde(default)]
    pub federated_logout: Option<FederatedLogout>,
    /// The provider's logout endpoint, when not derived from the style above.
    #[serde(default)]
    pub logout_endpoint: Option<String>,
    pub client_id: String,
    #[serde(default)]
    pub client_secret_env: Option<String>,
    #[serde(default)]
    pub client_secret_file: Option<PathBuf>,
    #[serde(default = "default_oidc_scopes")]
    pub scopes: Vec<String>,
    /// Added to the upstream authorization request (e.g. Auth0's `audience`, `connection`).
    #[serde(default)]
    pub extra_authorize_params: BTreeMap<String, String>,
    /// Google Workspace domain: sent as `hd` and required in the ID token's `hd` claim.
    #[serde(default)]
    pub hosted_domain: Option<String>,
    /// authgate claim (or `username`) ← the provider's ID-token claim it is read from, e.g.
    /// `{ username = "nickname", name = "display_name" }`. `sub` and `email_verified` are not
    /// remappable: what is trusted rests on them.
    #[serde(default)]
    pub claim_mapping: BTreeMap<String, String>,
    /// ID token algorithms accepted (asymmetric only).
    #[serde(default = "default_id_token_algorithms")]
    pub id_token_algorithms: Vec<String>,
    /// How long to wait for the provider before showing a page that names it.
    #[serde(default = "default_upstream_timeout", with = "humantime_serde")]
    pub timeout: Duration,
}

/// How a provider signs users out: where to send the browser, with which parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FederatedLogout {
    /// OIDC RP-initiated logout: discovery's `end_session_endpoint` with `client_id` and
    /// `post_logout_redirect_uri`.
    Oidc,
    /// Auth0: `{issuer}v2/logout` with `client_id` and `returnTo`.
    Auth0,
    /// Cognito: `{domain}/logout` with `client_id` and `logout_uri`.
    Cognito,
}

/// Algorithms a provider may be configured to sign ID tokens with.
pub const ALLOWED_ALGORITHMS: &[&str] = &[
    "RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA",
];

pub(crate) fn default_true() -> bool {
    true
}

pub(crate) fn default_oidc_scopes() -> Vec<String> {
    vec!["openid".into(), "email".into(), "profile".into()]
}

fn default_id_token_algorithms() -> Vec<String> {
    vec!["RS256".into()]
}

/// How long any upstream provider is waited for, unless its `timeout` says otherwise.
pub(crate) fn default_upstream_timeout() -> Duration {
    Duration::from_secs(10)
}

/// The Logins key of an OpenID provider: its issuer without the scheme and without a trailing
/// `/` (Auth0's issuers end in one; the pool's provider is registered without it).
pub fn issuer_login_key(issuer: &str) -> String {
    let without_scheme = issuer
        .strip_prefix("https://")
        .or_else(|| issuer.strip_prefix("http://"))
        .unwrap_or(issuer);
    without_scheme.trim_end_matches('/').to_string()
}

impl OidcSettings {
    pub fn client_secret(&self) -> Result<Option<Secret>, String> {
        read_secret(&self.client_secret_env, &self.client_secret_file)
    }

    /// Its users' ID tokens, under the issuer.
    pub fn upstream_logins(&self) -> UpstreamLogins {
        UpstreamLogins::IdToken {
            key: issuer_login_key(&self.issuer),
        }
    }

    /// Every key of this provider (`key` is `providers[i]`).
    pub fn check(&self, key: &str, problems: &mut Vec<String>) {
        for (name, value) in [
            ("issuer", Some(&self.issuer)),
            ("discovery_url", self.discovery_url.as_ref()),
            ("jwks_uri", self.jwks_uri.as_ref()),
            (
                "authorization_endpoint",
                self.authorization_endpoint.as_ref(),
            ),
            ("token_endpoint", self.token_endpoint.as_ref()),
        ] {
            if let Some(value) = value {
                validate_upstream_url(key, name, value, problems);
            }
        }
        if self.client_id.is_empty() {
            problems.push(format!("{key}.client_id: must not be empty"));
        }
        if let Err(e) = self.client_secret() {
            problems.push(format!("{key}.{e}"));
        }
        if !self.scopes.iter().any(|s| s == "openid") {
            problems.push(format!("{key}.scopes: must include `openid`"));
        }
        for ours in self.claim_mapping.keys() {
            if matches!(ours.as_str(), "sub" | "email_verified" | "iss" | "aud") {
                problems.push(format!("{key}.claim_mapping.{ours}: cannot be remapped"));
            }
        }
        if self.id_token_algorithms.is_empty() {
            problems.push(format!(
                "{key}.id_token_algorithms: at least one is required"
            ));
        }
        for (i, alg) in self.id_token_algorithms.iter().enumerate() {
            if !ALLOWED_ALGORITHMS.contains(&alg.as_str()) {
                problems.push(format!(
                    "{key}.id_token_algorithms[{i}]: `{alg}` is not an asymmetric JWS algorithm"
                ));
            }
        }
        if self.timeout.is_zero() {
            problems.push(format!("{key}.timeout: must be longer than zero"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_keys_drop_the_scheme_and_a_trailing_slash() {
        assert_eq!(
            issuer_login_key("https://accounts.google.com"),
            "accounts.google.com"
        );
        assert_eq!(
            issuer_login_key("https://tenant.eu.auth0.com/"),
            "tenant.eu.auth0.com"
        );
        assert_eq!(
            issuer_login_key("https://sso.example.com/realms/staff"),
            "sso.example.com/realms/staff"
        );
        assert_eq!(issuer_login_key("http://127.0.0.1:4000"), "127.0.0.1:4000");
    }
}
