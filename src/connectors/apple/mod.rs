//! `kind = "apple"`: Sign in with Apple, OpenID Connect with Apple's specifics. The client
//! secret is an ES256 JWT authgate signs with the team's `.p8` key ([`client_secret`]). With
//! the `name` or `email` scope Apple answers with `response_mode=form_post`, a cross-site POST
//! taken through the flow's POST seam (`flow::upstream::accept_posted`). The user's name comes
//! only in the first answer for that user, in the `user` form field (JSON, not signed: it is
//! used for the name claims and nothing else, and Apple never sends it again, so a later
//! sign-in simply has no name). The ID token (RS256, Apple's keys) carries `sub`, `email`
//! (a private-relay address when the user hid theirs: it is a working, verified address and is
//! passed on as such), and `email_verified` / `is_private_email` as booleans or as the strings
//! `"true"` / `"false"`.

pub mod client_secret;
pub mod settings;

use super::UpstreamError;
use super::contract::{LoginStart, RedirectConnector, StartContext, UpstreamReply};
use super::oauth2::OAuth2Client;
use crate::identity::{Identity, UpstreamTokens};
use crate::security::Sealer;
use client_secret::ClientSecrets;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use settings::AppleSettings;
use std::sync::RwLock;
use std::time::{Duration, Instant};

/// How long Apple's keys are trusted before being fetched again (and once more for a `kid`
/// not seen yet: Apple rotates).
const KEYS_TTL: Duration = Duration::from_secs(3600);

pub struct AppleConnector {
    client: OAuth2Client,
    settings: AppleSettings,
    secrets: ClientSecrets,
    callback_url: String,
    keys: RwLock<Option<(JwkSet, Instant)>>,
}

/// What a sign-in remembers between start and finish.
#[derive(Serialize, Deserialize)]
struct Remembered {
    pkce_verifier: String,
    nonce: String,
}

#[derive(Deserialize)]
struct TokenAnswer {
    #[serde(default)]
    access_token: Option<String>,
    #[serde(default)]
    id_token: Option<String>,
}

/// The `user` form field of a first sign-in.
#[derive(Deserialize, Default)]
struct FirstUser {
    #[serde(default)]
    name: Option<FirstName>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct FirstName {
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
}

/// Apple's boolean claims: `true`, or `"true"` (older tokens, and some still).
pub fn apple_bool(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true",
        _ => false,
    }
}

impl AppleConnector {
    pub fn new(
        provider_id: &str,
        display_name: &str,
        settings: &AppleSettings,
        issuer: &str,
    ) -> Result<Self, String> {
        let key = client_secret::signing_key(&settings.private_key()?)?;
        Ok(Self {
            client: OAuth2Client::new(provider_id, display_name, settings.timeout)?,
            secrets: ClientSecrets::new(
                key,
                &settings.key_id,
                &settings.team_id,
                &settings.client_id,
                settings.client_secret_lifetime,
            ),
            settings: settings.clone(),
            callback_url: super::callback_url(issuer, provider_id),
            keys: RwLock::new(None),
        })
    }

    fn rejected(&self) -> UpstreamError {
        UpstreamError::Rejected(self.client.display_name.clone())
    }

    fn authorize_url(&self, state: &str, r: &Remembered) -> Result<String, UpstreamError> {
        let mut url = url::Url::parse(&self.settings.authorization_endpoint)
            .map_err(|_| self.client.bad_answer())?;
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("response_mode", "form_post")
            .append_pair("client_id", &self.settings.client_id)
            .append_pair("redirect_uri", &self.callback_url)
            .append_pair("scope", &self.settings.scopes.join(" "))
            .append_pair("state", state)
            .append_pair("nonce", &r.nonce)
            .append_pair(
                "code_challenge",
                &crate::pkce::s256_challenge(&r.pkce_verifier),
            )
            .append_pair("code_challenge_method", "S256");
        Ok(url.into())
    }

    /// Apple's keys, from cache unless stale or `refresh`.
    async fn keys(&self, refresh: bool) -> Result<JwkSet, UpstreamError> {
        if !refresh
            && let Some((keys, at)) = self.keys.read().ok().and_then(|k| k.clone())
            && at.elapsed() < KEYS_TTL
        {
            return Ok(keys);
        }
        let keys: JwkSet = self
            .client
            .call("jwks", self.client.http.get(&self.settings.jwks_uri))
            .await?;
        if let Ok(mut slot) = self.keys.write() {
            *slot = Some((keys.clone(), Instant::now()));
        }
        Ok(keys)
    }

    /// Verifies the ID token: RS256 by one of Apple's keys, `iss` Apple, `aud` our Services
    /// ID, not expired, and our nonce.
    async fn verify(
        &self,
        id_token: &str,
        nonce: &str,
    ) -> Result<Map<String, Value>, UpstreamError> {
        let provider = &self.client.provider_id;
        let header = jsonwebtoken::decode_header(id_token).map_err(|_| self.rejected())?;
        if header.alg != Algorithm::RS256 {
            tracing::warn!(%provider, alg = ?header.alg, "Apple ID token not RS256");
            return Err(self.rejected());
        }
        let kid = header.kid.ok_or_else(|| self.rejected())?;
        let mut keys = self.keys(false).await?;
        if keys.find(&kid).is_none() {
            keys = self.keys(true).await?;
        }
        let jwk = keys.find(&kid).ok_or_else(|| {
            tracing::warn!(%provider, "Apple ID token signed by an unknown key");
            self.rejected()
        })?;
        let key = DecodingKey::from_jwk(jwk).map_err(|_| self.client.bad_answer())?;
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_issuer(&[&self.settings.issuer]);
        validation.set_audience(&[&self.settings.client_id]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 60;
        let claims = jsonwebtoken::decode::<Map<String, Value>>(id_token, &key, &validation)
            .map_err(|e| {
                tracing::warn!(%provider, error = %e, "Apple ID token rejected");
                self.rejected()
            })?
            .claims;
        let nonce_ok = claims
            .get("nonce")
            .and_then(Value::as_str)
            .is_some_and(|n| crate::security::constant_time_eq(n.as_bytes(), nonce.as_bytes()));
        if !nonce_ok {
            tracing::warn!(%provider, "Apple ID token without our nonce");
            return Err(self.rejected());
        }
        Ok(claims)
    }

    async fn redeem(
        &self,
        code: &str,
        remembered: &Remembered,
        user: Option<&str>,
        sealer: &Sealer,
    ) -> Result<Identity, UpstreamError> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let secret = self.secrets.at(now).map_err(|e| {
            tracing::error!(provider = %self.client.provider_id, error = %e, "no client secret");
            self.client.bad_answer()
        })?;
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", self.callback_url.as_str()),
            ("client_id", self.settings.client_id.as_str()),
            ("client_secret", secret.as_str()),
            ("code_verifier", remembered.pkce_verifier.as_str()),
        ];
        let token: TokenAnswer = self
            .client
            .call(
                "token",
                self.client
                    .http
                    .post(&self.settings.token_endpoint)
                    .form(&form),
            )
            .await?;
        let id_token = token.id_token.ok_or_else(|| self.client.bad_answer())?;
        let claims = self.verify(&id_token, &remembered.nonce).await?;
        let subject = claims
            .get("sub")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| self.rejected())?
            .to_string();
        let mut out = Map::new();
        let email = claims.get("email").and_then(Value::as_str);
        if let Some(email) = email {
            out.insert("email".into(), Value::String(email.to_string()));
            out.insert(
                "email_verified".into(),
                Value::Bool(apple_bool(claims.get("email_verified"))),
            );
        }
        // Only on the user's first sign-in, and not signed: names, nothing else, come from it.
        let first: FirstUser = user
            .and_then(|u| serde_json::from_str(u).ok())
            .unwrap_or_default();
        let name = first.name.unwrap_or_default();
        let given = name.first_name.filter(|n| !n.trim().is_empty());
        let family = name.last_name.filter(|n| !n.trim().is_empty());
        let full = [given.as_deref(), family.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(given) = given.clone() {
            out.insert("given_name".into(), Value::String(given));
        }
        if let Some(family) = family.clone() {
            out.insert("family_name".into(), Value::String(family));
        }
        if !full.is_empty() {
            out.insert("name".into(), Value::String(full));
        }
        let tokens = UpstreamTokens {
            id_token: Some(id_token),
            access_token: token.access_token,
        };
        let sealed = tokens
            .seal(&self.client.provider_id, sealer)
            .map_err(|_| self.client.bad_answer())?;
        Ok(Identity {
            provider: self.client.provider_id.clone(),
            username: email.map_or_else(|| subject.clone(), str::to_string),
            upstream_subject: subject,
            claims: out,
            upstream_refresh: None,
            upstream_tokens: Some(sealed),
            published_sub: None,
            upstream_session: None,
        })
    }
}

#[async_trait::async_trait]
impl RedirectConnector for AppleConnector {
    async fn start(&self, context: &StartContext<'_>) -> Result<LoginStart, UpstreamError> {
        let remembered = Remembered {
            pkce_verifier: crate::security::random_token(),
            nonce: crate::security::random_token(),
        };
        let url = self.authorize_url(context.flow_id, &remembered)?;
        let remember = serde_json::to_string(&remembered).map_err(|_| self.client.bad_answer())?;
        Ok(LoginStart::Redirect { url, remember })
    }

    async fn finish(
        &self,
        reply: &UpstreamReply,
        remembered: &str,
        sealer: &Sealer,
    ) -> Result<Identity, UpstreamError> {
        // Apple answers by form_post only: an answer on a query string is not Apple's.
        if !matches!(reply, UpstreamReply::Form(_)) {
            tracing::warn!(provider = %self.client.provider_id, "Apple answer on a query string");
            return Err(self.rejected());
        }
        // Apple's `error` is `user_cancelled_authorize` when the user closes its page.
        let code = reply.authorization_code()?;
        let remembered: Remembered =
            serde_json::from_str(remembered).map_err(|_| self.rejected())?;
        self.redeem(code, &remembered, reply.get("user"), sealer)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apples_booleans_come_as_booleans_or_strings() {
        assert!(apple_bool(Some(&Value::Bool(true))));
        assert!(apple_bool(Some(&Value::String("true".into()))));
        assert!(!apple_bool(Some(&Value::String("false".into()))));
        assert!(!apple_bool(Some(&Value::Bool(false))));
        assert!(!apple_bool(Some(&Value::String("TRUE-ish".into()))));
        assert!(!apple_bool(None));
    }
}
