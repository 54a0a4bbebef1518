//! What the plain OAuth 2.0 connectors (no ID token: Facebook, Login with Amazon) share: the
//! authorization URL with PKCE S256, one observed JSON call to the provider with its error
//! logged but never its body, and the identity built from a profile with the access token kept
//! sealed for identity-pool federation. Each kind keeps only what is its own (Facebook's
//! `debug_token` and `appsecret_proof`, Amazon's profile API).

use super::UpstreamError;
use crate::identity::{Identity, UpstreamTokens};
use crate::security::Sealer;
use serde_json::{Map, Value};

/// One provider's HTTP side, named for metrics, logs and pages.
pub(crate) struct OAuth2Client {
    pub provider_id: String,
    pub display_name: String,
    pub http: reqwest::Client,
}

/// The parameters of an authorization request (RFC 6749 §4.1.1 with RFC 7636 S256).
pub(crate) struct AuthorizeRequest<'a> {
    pub endpoint: &'a str,
    pub client_id: &'a str,
    pub redirect_uri: &'a str,
    pub state: &'a str,
    pub scope: &'a str,
    pub pkce_verifier: &'a str,
}

/// What the sign-in established, in claims: `email` is passed on as unverified (neither
/// Facebook nor Amazon says it checked the address, so nothing may be linked on it).
pub(crate) struct Profile {
    pub subject: String,
    pub email: Option<String>,
    pub name: Option<String>,
}

impl OAuth2Client {
    pub fn new(
        provider_id: &str,
        display_name: &str,
        timeout: std::time::Duration,
    ) -> Result<Self, String> {
        Ok(Self {
            provider_id: provider_id.to_string(),
            display_name: display_name.to_string(),
            http: super::upstream_http_client(timeout)?,
        })
    }

    pub fn bad_answer(&self) -> UpstreamError {
        UpstreamError::BadAnswer(self.display_name.clone())
    }

    pub fn authorize_url(&self, r: &AuthorizeRequest<'_>) -> Result<String, UpstreamError> {
        let mut url = url::Url::parse(r.endpoint).map_err(|_| self.bad_answer())?;
        url.query_pairs_mut()
            .append_pair("client_id", r.client_id)
            .append_pair("redirect_uri", r.redirect_uri)
            .append_pair("state", r.state)
            .append_pair("response_type", "code")
            .append_pair("scope", r.scope)
            .append_pair(
                "code_challenge",
                &crate::pkce::s256_challenge(r.pkce_verifier),
            )
            .append_pair("code_challenge_method", "S256");
        Ok(url.into())
    }

    /// Sends `request` and reads its JSON answer; `endpoint` names the call in the upstream
    /// metric. A refusal is logged with the provider's error code (Facebook's `error.type`,
    /// RFC 6749's `error`), never with the body, which may echo a secret.
    pub async fn call<T: serde::de::DeserializeOwned>(
        &self,
        endpoint: &'static str,
        request: reqwest::RequestBuilder,
    ) -> Result<T, UpstreamError> {
        super::observed(&self.provider_id, endpoint, self.send(endpoint, request)).await
    }

    async fn send<T: serde::de::DeserializeOwned>(
        &self,
        endpoint: &'static str,
        request: reqwest::RequestBuilder,
    ) -> Result<T, UpstreamError> {
        let response = request.send().await.map_err(|e| {
            tracing::warn!(provider = %self.provider_id, endpoint, error = %e.without_url(), "provider unreachable");
            UpstreamError::Unreachable(self.display_name.clone())
        })?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|_| UpstreamError::Unreachable(self.display_name.clone()))?;
        if !status.is_success() {
            let error = serde_json::from_slice::<Value>(&body)
                .ok()
                .and_then(|v| match &v["error"] {
                    Value::String(code) => Some(code.clone()),
                    other => other["type"].as_str().map(str::to_string),
                })
                .unwrap_or_default();
            tracing::warn!(provider = %self.provider_id, endpoint, %status, %error, "provider refused a call");
            return Err(self.bad_answer());
        }
        serde_json::from_slice(&body).map_err(|_| {
            tracing::warn!(provider = %self.provider_id, endpoint, "provider answered something that is not the expected JSON");
            self.bad_answer()
        })
    }

    /// The identity a profile stands for; the access token is kept sealed, as the Logins
    /// value Cognito Identity takes for these providers.
    pub fn signed_in(
        &self,
        profile: Profile,
        access_token: String,
        sealer: &Sealer,
    ) -> Result<Identity, UpstreamError> {
        let mut claims = Map::new();
        if let Some(email) = &profile.email {
            claims.insert("email".into(), Value::String(email.clone()));
            claims.insert("email_verified".into(), Value::Bool(false));
        }
        if let Some(name) = &profile.name {
            claims.insert("name".into(), Value::String(name.clone()));
        }
        let tokens = UpstreamTokens {
            id_token: None,
            access_token: Some(access_token),
        };
        let sealed = tokens.seal(&self.provider_id, sealer).map_err(|e| {
            tracing::error!(provider = %self.provider_id, error = %e, "sealing failed");
            self.bad_answer()
        })?;
        Ok(Identity {
            provider: self.provider_id.clone(),
            username: profile.email.unwrap_or_else(|| profile.subject.clone()),
            upstream_subject: profile.subject,
            claims,
            upstream_refresh: None,
            upstream_tokens: Some(sealed),
            published_sub: None,
            upstream_session: None,
        })
    }
}
