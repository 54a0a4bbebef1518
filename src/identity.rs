//! The identity a connector hands back after a successful upstream (or local) sign-in.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// Who signed in, as authgate will describe them in the tokens it issues.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    /// The provider id from config (`[[providers]] id`).
    pub provider: String,
    /// The subject as the provider knows it (local: the username).
    pub upstream_subject: String,
    /// The user name shown on pages and put in `cognito:username` / `preferred_username`.
    pub username: String,
    /// Standard OIDC claims the provider vouches for (`email`, `email_verified`, `name`, ...).
    pub claims: Map<String, Value>,
    /// The provider's refresh token, sealed (never stored readable), for refreshing upstream
    /// when the app refreshes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_refresh: Option<crate::security::Sealed>,
    /// The provider's own tokens, sealed: what AWS federation sends as Logins (an ID token for
    /// OpenID providers, the access token for Facebook).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_tokens: Option<crate::security::Sealed>,
    /// The `sub` to publish as it is, for providers whose subjects are already opaque UUIDs
    /// (a Cognito user pool's `sub`: apps of a pool keep the identifier they know).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_sub: Option<String>,
    /// The IdP's session this sign-in belongs to (SAML: how it named the user, and its
    /// SessionIndex), kept so that single logout can name it to the IdP and an IdP's logout
    /// request can find it. Not a claim: never in a token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_session: Option<Box<UpstreamSession>>,
}

/// A SAML IdP's session as its assertion named it: the NameID's format and qualifiers (the
/// NameID itself is [`Identity::upstream_subject`]) and the AuthnStatement's SessionIndex.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpstreamSession {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_id_format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_qualifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sp_name_qualifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_index: Option<String>,
}

/// What [`Identity::upstream_tokens`] holds once opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpstreamTokens {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
}

impl UpstreamTokens {
    /// The purpose they are sealed under, bound to the provider.
    pub fn purpose(provider: &str) -> String {
        format!("upstream-tokens:{provider}")
    }

    pub fn seal(
        &self,
        provider: &str,
        sealer: &crate::security::Sealer,
    ) -> Result<crate::security::Sealed, String> {
        let json = serde_json::to_string(self).map_err(|e| e.to_string())?;
        sealer.seal(&Self::purpose(provider), &json)
    }

    pub fn open(identity: &Identity, sealer: &crate::security::Sealer) -> Option<UpstreamTokens> {
        let sealed = identity.upstream_tokens.as_ref()?;
        let json = sealer
            .open(&Self::purpose(&identity.provider), sealed)
            .ok()?;
        serde_json::from_str(&json).ok()
    }
}

impl Identity {
    /// authgate's `sub`: stable for a (provider, upstream subject) pair, opaque, UUID-shaped as
    /// Cognito's is, and different across providers even for equal upstream subjects.
    pub fn subject(&self) -> String {
        if let Some(sub) = &self.published_sub {
            return sub.clone();
        }
        let mut hasher = Sha256::new();
        hasher.update(self.provider.as_bytes());
        hasher.update([0u8]);
        hasher.update(self.upstream_subject.as_bytes());
        let digest = hasher.finalize();
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        // Version 8 (custom) UUID layout, RFC 9562 §5.8.
        bytes[6] = (bytes[6] & 0x0f) | 0x80;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        uuid::Uuid::from_bytes(bytes).hyphenated().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(provider: &str, subject: &str) -> Identity {
        Identity {
            provider: provider.into(),
            upstream_subject: subject.into(),
            username: subject.into(),
            claims: Map::new(),
            upstream_refresh: None,
            upstream_tokens: None,
            published_sub: None,
            upstream_session: None,
        }
    }

    #[test]
    fn subject_is_stable_and_provider_scoped() {
        let a = identity("local", "alice").subject();
        assert_eq!(a, identity("local", "alice").subject());
        assert_ne!(a, identity("other", "alice").subject());
        assert_ne!(a, identity("local", "alice2").subject());
        // No ambiguity between ("ab","c") and ("a","bc").
        assert_ne!(identity("ab", "c").subject(), identity("a", "bc").subject());
        assert_eq!(a.len(), 36);
    }
}
