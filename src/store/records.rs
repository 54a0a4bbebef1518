//! The typed records the store keeps. Stored as JSON; never logged (their `Debug` hides secrets).

use crate::identity::Identity;
use serde::{Deserialize, Serialize};
use std::fmt;
use time::OffsetDateTime;

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
    /// The language code OIDC `ui_locales` chose (see `ValidRequest::ui_locales`); absent from
    /// records stored before it existed, hence the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui_locales: Option<String>,
    /// The app's `prompt` (`login`, `select_account`, `consent`), passed on to upstreams.
    #[serde(default)]
    pub prompt: Option<String>,
    /// OIDC `max_age` (seconds), when the app sent one. Absent from records stored before it
    /// existed, hence the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u64>,
    /// SHA-256 (hex) of the binding secret held in the browser session that started the request.
    pub browser_binding: String,
    /// Set once the browser has been sent to an upstream provider.
    #[serde(default)]
    pub upstream: Option<UpstreamFlow>,
    /// The app's `identity_provider` / `idp_identifier` when they name an IdP of a Cognito
    /// user pool rather than one of ours: forwarded to the pool's hosted UI.
    #[serde(default)]
    pub idp_hint: Option<IdpHint>,
    /// Set when the user has signed in but must choose an AWS role before the code is issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_role: Option<PendingRole>,
    /// The browser's SSO session the sign-in continues, once it has one: the code and then the
    /// refresh family remember it, so that signing out of it ends them too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sso_session: Option<String>,
    /// Where the browser that started the request was: the SSO session, the code and the
    /// family remember it for the account pages' list of sessions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<SessionOrigin>,
}

/// Where a sign-in came from, as the account pages show it: the client's address and its
/// `User-Agent` (cut short). Neither is a secret; both are what the user's own browser sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionOrigin {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
}

/// A finished sign-in waiting on the role page: who signed in, and the roles they may choose.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingRole {
    pub identity: Identity,
    pub auth_time: i64,
    pub roles: Vec<String>,
}

impl fmt::Debug for PendingRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingRole")
            .field("provider", &self.identity.provider)
            .field("roles", &self.roles)
            .finish_non_exhaustive()
    }
}

/// The identity-pool side of a session, kept with its refresh family so that credentials are
/// renewed for the same identity and the same role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwsSession {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_id: Option<String>,
    /// The role chosen for this session (Cognito's `CustomRoleArn`), when one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

/// What a sign-in got from the identity pool, handed over at the code's redemption.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct AwsGrant {
    pub session: AwsSession,
    /// The credentials as JSON, sealed: the code record lives 60 s, but in the store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<crate::security::Sealed>,
    /// Why there are none (the app chose `aws_failure = "omit"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<AwsErrorNote>,
}

impl fmt::Debug for AwsGrant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AwsGrant")
            .field("session", &self.session)
            .field("has_credentials", &self.credentials.is_some())
            .field("error", &self.error)
            .finish()
    }
}

/// The `aws_error` of a token response: an error code and words for developers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwsErrorNote {
    pub error: String,
    pub error_description: String,
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
    /// What the connector asked to remember (PKCE verifier, nonce, SAML request id), sealed:
    /// opaque to everything but that connector. `None` in a request stored by a version that
    /// kept these fields in the clear: such a sign-in is started again.
    #[serde(default)]
    pub remembered: Option<crate::security::Sealed>,
    /// What a posted answer (`response_mode=form_post`, SAML's POST binding) came to, sealed,
    /// once the connector verified it: it waits here for the browser's same-site GET, where
    /// the session cookie, and so the browser binding, can be read (`flow::upstream`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<crate::security::Sealed>,
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
    /// For apps with `aws_credentials`: what the identity pool gave at sign-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws: Option<AwsGrant>,
    /// The SSO session (browser sign-in) the code was issued under, handed to the family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sso_session: Option<String>,
    /// Where the sign-in came from, handed to the family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<SessionOrigin>,
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

/// The refresh family a code's redemption creates, with its first token: what
/// [`Store::redeem_code`](super::Store::redeem_code) stores in the transaction that consumes the
/// code. Its id is the grant's `family_id`, the one the code's tombstone names, so a replayed
/// code revokes exactly this family.
#[derive(Clone, PartialEq)]
pub struct NewFamily {
    pub family: RefreshFamily,
    /// The SHA-256 of the first refresh token.
    pub token_hash: String,
    /// When the family and all its tokens expire.
    pub expires_at: OffsetDateTime,
}

impl fmt::Debug for NewFamily {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewFamily")
            .field("family", &self.family)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// Decides, inside the transaction that consumes a code, which family its grant becomes: `None`
/// when the grant is refused (another client, another redirect, a wrong verifier) or keeps no
/// family here. It must be quick and must not block: it runs while the write is in progress.
pub type IssueFamily = Box<dyn FnOnce(&CodeGrant) -> Option<NewFamily> + Send>;

/// What redeeming a code did: what taking it found, and the family created with it, if any.
#[derive(Debug)]
pub struct Redemption {
    pub take: CodeTake,
    pub issued: Option<NewFamily>,
}

/// What a refresh token stands for: the sign-in it continues and what the app may do with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefreshFamily {
    pub client_id: String,
    pub scopes: Vec<String>,
    pub identity: Identity,
    pub auth_time: i64,
    /// For apps with `aws_credentials`: the identity and role credentials are renewed for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws: Option<AwsSession>,
    /// The SSO session (browser sign-in) the family was issued through: `/logout` of that
    /// browser ends the family too. `None` for families from before this was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sso_session: Option<String>,
    /// Where the sign-in came from (the account pages' list); `None` when unknown (a sign-in
    /// through the user-pool API, or a family from before this was recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<SessionOrigin>,
}

/// What [`Store::end_user_sessions`](super::Store::end_user_sessions) ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UserSessionsEnded {
    /// Live refresh families revoked.
    pub families: u64,
    /// SSO sessions deleted.
    pub sso_sessions: u64,
}

// A one-shot return value, moved once: boxing the family would buy nothing but an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
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
    /// Where the browser signed in from (the account pages' list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<SessionOrigin>,
}

/// One live session of a user, as [`Store::user_sessions`](super::Store::user_sessions) lists
/// it: its id, what it stands for and when it expires.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed<T> {
    pub id: String,
    pub record: T,
    pub expires_at: time::OffsetDateTime,
}

/// Every live session of one user: refresh families (one per app sign-in) and SSO sessions
/// (one per browser), each ordered by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserSessions {
    pub families: Vec<Listed<RefreshFamily>>,
    pub sso_sessions: Vec<Listed<SsoSession>>,
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

/// Every signing key, and the version of the set they form: what
/// [`super::Store::replace_signing_keys`] compares before it writes.
#[derive(Debug, Clone, PartialEq)]
pub struct SigningKeySet {
    /// 0 for a store that never had a set written; one more on every replacement.
    pub version: i64,
    /// Ordered by `kid`.
    pub keys: Vec<SigningKeyRecord>,
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
