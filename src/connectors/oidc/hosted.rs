//! `kind = "cognito-hosted"`: a Cognito user pool through its own hosted UI. A preset of
//! [`OidcSettings`] (the endpoints live on the pool's domain, the issuer is `cognito-idp`), so
//! it is opened as an OIDC connector; what differs is its checks and its Logins key (the pool's,
//! as for `kind = "cognito"`).

use super::settings::{
    FederatedLogout, OidcSettings, default_oidc_scopes, default_true, default_upstream_timeout,
};
use crate::config::{UpstreamLogins, validate_upstream_url};
use crate::connectors::cognito::settings::user_pool_login_key;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

/// A Cognito user pool through its own hosted UI (`kind = "cognito-hosted"`): an OpenID
/// provider whose endpoints live on the pool's domain and whose issuer is `cognito-idp`.
#[derive(Debug, Clone, Deserialize)]
pub struct CognitoHostedSettings {
    /// The hosted UI's base URL, e.g. `https://myapp.auth.eu-west-1.amazoncognito.com`.
    pub domain: String,
    pub region: String,
    pub user_pool_id: String,
    pub client_id: String,
    #[serde(default)]
    pub client_secret_env: Option<String>,
    #[serde(default)]
    pub client_secret_file: Option<PathBuf>,
    #[serde(default = "default_oidc_scopes")]
    pub scopes: Vec<String>,
    /// A federated IdP of the pool to go to directly (Cognito's `identity_provider`).
    #[serde(default)]
    pub identity_provider: Option<String>,
    /// Where the pool's issuer lives: `https://cognito-idp.{region}.amazonaws.com` unless set
    /// (tests point it at an emulator).
    #[serde(default)]
    pub idp_endpoint: Option<String>,
    #[serde(default = "default_true")]
    pub require_nonce: bool,
    #[serde(default = "default_upstream_timeout", with = "humantime_serde")]
    pub timeout: Duration,
}

impl CognitoHostedSettings {
    /// The OpenID settings this preset stands for.
    pub fn as_oidc(&self) -> OidcSettings {
        let idp = self
            .idp_endpoint
            .clone()
            .unwrap_or_else(|| format!("https://cognito-idp.{}.amazonaws.com", self.region));
        let issuer = format!("{}/{}", idp.trim_end_matches('/'), self.user_pool_id);
        let domain = self.domain.trim_end_matches('/');
        let mut extra = BTreeMap::new();
        if let Some(idp) = &self.identity_provider {
            extra.insert("identity_provider".to_string(), idp.clone());
        }
        OidcSettings {
            jwks_uri: Some(format!("{issuer}/.well-known/jwks.json")),
            issuer,
            discovery_url: None,
            authorization_endpoint: Some(format!("{domain}/oauth2/authorize")),
            token_endpoint: Some(format!("{domain}/oauth2/token")),
            require_nonce: self.require_nonce,
            federated_logout: Some(FederatedLogout::Cognito),
            logout_endpoint: Some(format!("{domain}/logout")),
            client_id: self.client_id.clone(),
            client_secret_env: self.client_secret_env.clone(),
            client_secret_file: self.client_secret_file.clone(),
            scopes: self.scopes.clone(),
            extra_authorize_params: extra,
            hosted_domain: None,
            claim_mapping: BTreeMap::new(),
            id_token_algorithms: vec!["RS256".into()],
            timeout: self.timeout,
        }
    }

    /// The pool's ID token under the pool's key: the AWS form even when the issuer is an
    /// emulator's (`idp_endpoint`).
    pub fn upstream_logins(&self) -> UpstreamLogins {
        UpstreamLogins::IdToken {
            key: user_pool_login_key(&self.region, &self.user_pool_id),
        }
    }

    /// Its own keys, then the OpenID settings they stand for.
    pub fn check(&self, key: &str, problems: &mut Vec<String>) {
        validate_upstream_url(key, "domain", &self.domain, problems);
        if self.region.is_empty() || self.user_pool_id.is_empty() {
            problems.push(format!("{key}: region and user_pool_id are required"));
        }
        self.as_oidc().check(key, problems);
    }
}
