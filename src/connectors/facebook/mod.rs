//! `kind = "facebook"`: Facebook Login's manual flow. Facebook is plain OAuth 2.0 without an ID
//! token, so who signed in is established in three calls: the code exchange (with PKCE), then
//! `debug_token` (is this token valid, and was it issued to *our* app?), then `/me` for the
//! profile, signed with `appsecret_proof`. A token issued to another app is refused: without
//! that check, any app's token would sign anyone in (the "token substitution" attack).

pub mod settings;

use super::UpstreamError;
use super::contract::{LoginStart, RedirectConnector, StartContext, UpstreamReply};
use super::oauth2::{AuthorizeRequest, OAuth2Client, Profile};
use crate::identity::Identity;
use aws_lc_rs::hmac;
use serde::Deserialize;
use settings::FacebookSettings;

pub struct FacebookConnector {
    client: OAuth2Client,
    settings: FacebookSettings,
    app_secret: crate::config::Secret,
    callback_url: String,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
}

#[derive(Deserialize)]
struct DebugAnswer {
    data: DebugData,
}

#[derive(Deserialize)]
struct DebugData {
    #[serde(default)]
    app_id: String,
    #[serde(default)]
    is_valid: bool,
    #[serde(default)]
    user_id: String,
}

#[derive(Deserialize)]
struct FacebookProfile {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    email: Option<String>,
}

impl FacebookConnector {
    pub fn new(
        provider_id: &str,
        display_name: &str,
        settings: &FacebookSettings,
        issuer: &str,
    ) -> Result<Self, String> {
        Ok(Self {
            client: OAuth2Client::new(provider_id, display_name, settings.timeout)?,
            app_secret: settings.app_secret()?,
            settings: settings.clone(),
            callback_url: super::callback_url(issuer, provider_id),
        })
    }

    fn graph(&self, path: &str) -> String {
        format!(
            "{}/{}{path}",
            self.settings.graph_base_url.trim_end_matches('/'),
            self.settings.graph_version
        )
    }

    fn dialog_url(&self, state: &str, verifier: &str) -> Result<String, UpstreamError> {
        let endpoint = format!(
            "{}/{}/dialog/oauth",
            self.settings.dialog_base_url.trim_end_matches('/'),
            self.settings.graph_version
        );
        self.client.authorize_url(&AuthorizeRequest {
            endpoint: &endpoint,
            client_id: &self.settings.app_id,
            redirect_uri: &self.callback_url,
            state,
            scope: &self.settings.scopes.join(","),
            pkce_verifier: verifier,
        })
    }

    /// One Graph API call (all GETs); `endpoint` names it in the upstream metric.
    async fn get<T: serde::de::DeserializeOwned>(
        &self,
        endpoint: &'static str,
        url: &str,
        query: &[(&str, &str)],
    ) -> Result<T, UpstreamError> {
        self.client
            .call(endpoint, self.client.http.get(url).query(query))
            .await
    }

    async fn redeem(
        &self,
        code: &str,
        pkce_verifier: &str,
        sealer: &crate::security::Sealer,
    ) -> Result<Identity, UpstreamError> {
        let token: TokenAnswer = self
            .get(
                "token",
                &self.graph("/oauth/access_token"),
                &[
                    ("client_id", self.settings.app_id.as_str()),
                    ("client_secret", self.app_secret.expose()),
                    ("redirect_uri", self.callback_url.as_str()),
                    ("code", code),
                    ("code_verifier", pkce_verifier),
                ],
            )
            .await?;
        let app_token = format!("{}|{}", self.settings.app_id, self.app_secret.expose());
        let answer: DebugAnswer = self
            .get(
                "debug_token",
                &format!(
                    "{}/debug_token",
                    self.settings.graph_base_url.trim_end_matches('/')
                ),
                &[
                    ("input_token", token.access_token.as_str()),
                    ("access_token", app_token.as_str()),
                ],
            )
            .await?;
        let provider = &self.client.provider_id;
        if !answer.data.is_valid || answer.data.app_id != self.settings.app_id {
            tracing::warn!(%provider, valid = answer.data.is_valid, "Facebook token not valid for this app");
            return Err(UpstreamError::Rejected(self.client.display_name.clone()));
        }
        let proof = appsecret_proof(self.app_secret.expose(), &token.access_token);
        let profile: FacebookProfile = self
            .get(
                "me",
                &self.graph("/me"),
                &[
                    ("fields", "id,name,email"),
                    ("access_token", token.access_token.as_str()),
                    ("appsecret_proof", proof.as_str()),
                ],
            )
            .await?;
        if profile.id != answer.data.user_id {
            tracing::warn!(%provider, "Facebook profile is not the token's user");
            return Err(UpstreamError::Rejected(self.client.display_name.clone()));
        }
        // Facebook does not state whether the address was verified (see `oauth2::Profile`);
        // the access token is what Cognito Identity takes as Facebook's login.
        self.client.signed_in(
            Profile {
                subject: profile.id,
                email: profile.email,
                name: profile.name,
            },
            token.access_token,
            sealer,
        )
    }
}

/// `appsecret_proof`: hex HMAC-SHA256 of the access token keyed with the app secret, which
/// Facebook requires when "Require App Secret" is on (and accepts always).
pub fn appsecret_proof(app_secret: &str, access_token: &str) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, app_secret.as_bytes());
    hmac::sign(&key, access_token.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[async_trait::async_trait]
impl RedirectConnector for FacebookConnector {
    /// Facebook's manual flow has no ID token to carry a nonce: only the PKCE verifier is kept.
    async fn start(&self, context: &StartContext<'_>) -> Result<LoginStart, UpstreamError> {
        let verifier = crate::security::random_token();
        let url = self.dialog_url(context.flow_id, &verifier)?;
        Ok(LoginStart::Redirect {
            url,
            remember: verifier,
        })
    }

    async fn finish(
        &self,
        reply: &UpstreamReply,
        remembered: &str,
        sealer: &crate::security::Sealer,
    ) -> Result<Identity, UpstreamError> {
        let code = reply.authorization_code()?;
        self.redeem(code, remembered, sealer).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appsecret_proof_is_hex_hmac_sha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assert_eq!(
            appsecret_proof("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
