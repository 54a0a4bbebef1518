//! The typed records the store keeps. Stored as JSON; never logged (their `Debug` hides secrets).

use crate::connectors::Identity;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An authorization request between `GET /oauth2/authorize` and the code being issued.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct AuthRequest {
    pub client_id: String,
    pub redirect_uri: String,
    pub scopes: Vec<String>,
    pub state: Option<String>,
    pub nonce: Option<String>,
    /// S256 challenge (the method is always S256; `plain` is refused at the door).
    pub code_challenge: Option<String>,
    pub identity_provider: Option<String>,
    pub login_hint: Option<String>,
    pub lang: Option<String>,
    /// The app's `prompt` (`login`, `select_account`, `consent`), passed on to upstreams.
    #[serde(default)]
    pub prompt: Option<String>,
    /// SHA-256 (hex) of the binding secret held in the browser session that started the request.
    pub browser_binding: String,
    /// Set once the browser has been sent to an upstream provider.
    #[serde(default)]
    pub upstream: Option<UpstreamFlow>,
    /// The app's `identity_provider` / `idp_identifier` when they name an IdP of a Cognito
    /// user pool rather than one of ours: forwarded to the pool's hosted UI.
    #[serde(default)]
    pub idp_hint: Option<IdpHint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdpHint {
    pub identity_provider: Option<String>,
    pub idp_identifier: Option<String>,
}

/// What a flow sent upstream must find again on its return (RFC 9700 §4.4, §4.7).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct UpstreamFlow {
    /// The provider the browser was sent to; the callback must arrive on its path.
    pub provider: String,
    pub pkce_verifier: String,
    pub nonce: String,
}

impl fmt::Debug for UpstreamFlow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpstreamFlow")
            .field("provider", &self.provider)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for AuthRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthRequest")
            .field("client_id", &self.client_id)
            .field("redirect_uri", &self.redirect_uri)
            .field("scopes", &self.scopes)
            .field("identity_provider", &self.identity_provider)
            .finish_non_exhaustive()
    }
}

/// What an authorization code stands for, until the token endpoint redeems it.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct CodeGrant {
    pub client_id: String,
    pub redirect_uri: String,
    pub scopes: Vec<String>,
    pub nonce: Option<String>,
    pub code_challenge: Option<String>,
    pub identity: Identity,
    /// Unix seconds of the sign-in that produced this code.
    pub auth_time: i64,
    /// The refresh family the redemption will create; named up front so reuse can revoke it.
    pub family_id: String,
}

impl fmt::Debug for CodeGrant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CodeGrant")
            .field("client_id", &self.client_id)
            .field("redirect_uri", &self.redirect_uri)
            .field("family_id", &self.family_id)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum CodeTake {
    /// First (and only) redemption.
    Taken(Box<CodeGrant>),
    /// The code was redeemed before; `family_id` names what that redemption issued.
    AlreadyUsed { family_id: String },
    /// Unknown or expired.
    Missing,
}

/// What a refresh token stands for: the sign-in it continues and what the app may do with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefreshFamily {
    pub client_id: String,
    pub scopes: Vec<String>,
    pub identity: Identity,
    pub auth_time: i64,
}

#[derive(Debug, Clone, PartialEq)]
// One is built per refresh and moved once; boxing the family would buy nothing measurable.
#[allow(clippy::large_enum_variant)]
pub enum RefreshRotation {
    /// The token was the family's active one; `new_hash` is now active.
    Rotated {
        family_id: String,
        family: RefreshFamily,
    },
    /// The token had already been rotated away; the family is now revoked.
    Reused { family_id: String },
    /// The family was revoked (logout, revoke endpoint, earlier reuse).
    Revoked { family_id: String },
    /// Unknown or expired.
    Missing,
}

/// A browser's signed-in state, shared by every app allowed to use the provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SsoSession {
    pub identity: Identity,
    pub auth_time: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyState {
    /// Published in JWKS, not yet signing: relying parties cache it before first use.
    Next,
    /// The one key that signs.
    Current,
    /// No longer signs; published until tokens it signed have expired.
    Retired,
}

/// A token signing key, private part included (PKCS#8 DER).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct SigningKeyRecord {
    pub kid: String,
    /// `RS256` or `ES256`.
    pub alg: String,
    pub state: KeyState,
    #[serde(with = "base64_bytes")]
    pub pkcs8_der: Vec<u8>,
    /// Unix seconds when the key entered its current state.
    pub state_since: i64,
}

impl fmt::Debug for SigningKeyRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKeyRecord")
            .field("kid", &self.kid)
            .field("alg", &self.alg)
            .field("state", &self.state)
            .field("state_since", &self.state_since)
            .field("pkcs8_der", &"<redacted>")
            .finish()
    }
}

mod base64_bytes {
    use base64::{Engine, engine::general_purpose::STANDARD};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD.decode(text).map_err(serde::de::Error::custom)
    }
}
