//! The contract a provider the browser is sent to implements (dex's `CallbackConnector` and
//! `SAMLConnector` in one): `start` says where to send the browser (a redirect, or a form the
//! browser posts, as SAML's POST binding needs) and what to remember; `finish` takes the
//! provider's answer (a query, or a posted form as SAML and Apple's `form_post` send) and what
//! was remembered, and says who signed in. What is remembered is the connector's own business:
//! the flow seals it and keeps it with the authorization request, opaque to everyone else.

use crate::identity::Identity;
use crate::security::Sealer;
use crate::store::IdpHint;
use async_trait::async_trait;
use std::collections::HashMap;

use super::UpstreamError;

/// What the connector may use to shape the request it sends upstream.
pub struct StartContext<'a> {
    /// The authorization request's id: sent as OAuth `state` or SAML `RelayState`, it is how the
    /// answer finds its request again.
    pub flow_id: &'a str,
    pub login_hint: Option<&'a str>,
    /// The app's `prompt` (never `none`: that never leaves authgate).
    pub prompt: Option<&'a str>,
    /// The app's OIDC `max_age` (seconds): a provider that can force a fresh sign-in does.
    pub max_age: Option<u64>,
    /// An IdP of a Cognito user pool the app named, for a pool's hosted UI.
    pub idp_hint: Option<&'a IdpHint>,
}

/// Where to send the browser, and what to remember until it returns.
pub enum LoginStart {
    /// A GET to `url` (OAuth 2.0, OpenID Connect, SAML's Redirect binding).
    Redirect { url: String, remember: String },
    /// A form the browser posts to `action` (SAML's POST binding).
    PostForm {
        action: String,
        fields: Vec<(String, String)>,
        remember: String,
    },
}

/// The provider's answer, as the browser brought it back.
pub enum UpstreamReply {
    /// On the query string of a GET (OAuth 2.0's default response mode).
    Query(HashMap<String, String>),
    /// In a posted form (SAML's POST binding, `response_mode=form_post`).
    Form(HashMap<String, String>),
}

impl UpstreamReply {
    pub fn params(&self) -> &HashMap<String, String> {
        match self {
            UpstreamReply::Query(params) | UpstreamReply::Form(params) => params,
        }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.params().get(name).map(String::as_str)
    }

    /// An OAuth 2.0 authorization response's code (RFC 6749 §4.1.2): the provider's `error`
    /// is the user not signing in ([`UpstreamError::Declined`], for the app to hear of), and
    /// an answer with neither is incomplete.
    pub fn authorization_code(&self) -> Result<&str, UpstreamError> {
        if let Some(error) = self.get("error") {
            return Err(UpstreamError::Declined(error.to_string()));
        }
        self.get("code").ok_or(UpstreamError::Incomplete(
            "The sign-in response carried no code.",
        ))
    }

    /// The authorization request it answers: OAuth's `state`, or SAML's `RelayState`.
    pub fn flow_id(&self) -> Option<&str> {
        self.get("state").or_else(|| self.get("RelayState"))
    }
}

#[async_trait]
pub trait RedirectConnector: Send + Sync {
    async fn start(&self, context: &StartContext<'_>) -> Result<LoginStart, UpstreamError>;

    /// Checks the answer and turns it into an identity. `remembered` is what `start` asked to
    /// remember. An answer the provider sent to say the user did not sign in (OAuth `error`) is
    /// [`UpstreamError::Declined`], so that the app hears of it.
    async fn finish(
        &self,
        reply: &UpstreamReply,
        remembered: &str,
        sealer: &Sealer,
    ) -> Result<Identity, UpstreamError>;
}
