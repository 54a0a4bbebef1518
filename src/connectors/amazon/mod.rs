//! `kind = "amazon"`: Login with Amazon, a preset over the plain OAuth 2.0 connector code
//! ([`super::oauth2`]): the code is exchanged (with PKCE and the client secret) at Amazon's
//! token endpoint, and who signed in is read from the profile API with the access token
//! (`user_id`, `name`, `email`). The token comes from our own code exchange, authenticated
//! with our secret, so it cannot be another app's (the substitution Facebook's `debug_token`
//! check guards against needs a token handed in from outside).

pub mod settings;

use super::UpstreamError;
use super::contract::{LoginStart, RedirectConnector, StartContext, UpstreamReply};
use super::oauth2::{AuthorizeRequest, OAuth2Client, Profile};
use crate::identity::Identity;
use serde::Deserialize;
use settings::AmazonSettings;

pub struct AmazonConnector {
    client: OAuth2Client,
    settings: AmazonSettings,
    client_secret: crate::config::Secret,
    callback_url: String,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
}

/// Amazon's profile: `user_id` (`amzn1.account.…`) is stable per user and app.
#[derive(Deserialize)]
struct AmazonProfile {
    user_id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    email: Option<String>,
}

impl AmazonConnector {
    pub fn new(
        provider_id: &str,
        display_name: &str,
        settings: &AmazonSettings,
        issuer: &str,
    ) -> Result<Self, String> {
        Ok(Self {
            client: OAuth2Client::new(provider_id, display_name, settings.timeout)?,
            client_secret: settings.client_secret()?,
            settings: settings.clone(),
            callback_url: super::callback_url(issuer, provider_id),
        })
    }

    async fn redeem(
        &self,
        code: &str,
        pkce_verifier: &str,
        sealer: &crate::security::Sealer,
    ) -> Result<Identity, UpstreamError> {
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", self.callback_url.as_str()),
            ("client_id", self.settings.client_id.as_str()),
            ("client_secret", self.client_secret.expose()),
            ("code_verifier", pkce_verifier),
        ];
        let http = &self.client.http;
        let token: TokenAnswer = self
            .client
            .call(
                "token",
                http.post(&self.settings.token_endpoint).form(&form),
            )
            .await?;
        let profile: AmazonProfile = self
            .client
            .call(
                "profile",
                http.get(&self.settings.profile_endpoint)
                    .bearer_auth(&token.access_token),
            )
            .await?;
        if profile.user_id.is_empty() {
            return Err(self.client.bad_answer());
        }
        // Amazon does not say it verified the address: passed on as unverified.
        self.client.signed_in(
            Profile {
                subject: profile.user_id,
                email: profile.email,
                name: profile.name,
            },
            token.access_token,
            sealer,
        )
    }
}

#[async_trait::async_trait]
impl RedirectConnector for AmazonConnector {
    /// No ID token, so no nonce: only the PKCE verifier is kept.
    async fn start(&self, context: &StartContext<'_>) -> Result<LoginStart, UpstreamError> {
        let verifier = crate::security::random_token();
        let url = self.client.authorize_url(&AuthorizeRequest {
            endpoint: &self.settings.authorization_endpoint,
            client_id: &self.settings.client_id,
            redirect_uri: &self.callback_url,
            state: context.flow_id,
            scope: &self.settings.scopes.join(" "),
            pkce_verifier: &verifier,
        })?;
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
