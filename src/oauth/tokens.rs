//! The tokens authgate issues (broker mode): claims, scope-filtered user claims, and the
//! token-endpoint response. Access tokens follow Cognito's shape (`client_id`, `scope`,
//! `token_use`, `origin_jti`) so Cognito-minded consumers can read them.

use crate::identity::Identity;
use crate::keys::{KeyError, KeyManager};
use crate::store::RefreshFamily;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::time::Duration;

/// Claims each scope releases (OIDC Core §5.4).
const EMAIL_CLAIMS: &[&str] = &["email", "email_verified"];
const PHONE_CLAIMS: &[&str] = &["phone_number", "phone_number_verified"];
const PROFILE_CLAIMS: &[&str] = &[
    "name",
    "family_name",
    "given_name",
    "middle_name",
    "nickname",
    "preferred_username",
    "profile",
    "picture",
    "website",
    "gender",
    "birthdate",
    "zoneinfo",
    "locale",
    "updated_at",
];

/// The user claims an app may see for the scopes it was granted.
pub fn scoped_claims(identity: &Identity, scopes: &[String]) -> Map<String, Value> {
    let mut out = Map::new();
    let has = |s: &str| scopes.iter().any(|x| x == s);
    let mut release = |names: &[&str]| {
        for name in names {
            if let Some(v) = identity.claims.get(*name) {
                out.insert((*name).to_string(), v.clone());
            }
        }
    };
    // Cognito puts group membership in every ID token; apps authorise on it.
    release(&["cognito:groups"]);
    if has("email") {
        release(EMAIL_CLAIMS);
    }
    if has("phone") {
        release(PHONE_CLAIMS);
    }
    if has("profile") {
        release(PROFILE_CLAIMS);
    }
    out
}

#[derive(Debug, Serialize, Deserialize)]
pub struct AccessClaims {
    pub iss: String,
    pub sub: String,
    pub client_id: String,
    pub token_use: String,
    pub scope: String,
    pub auth_time: i64,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
    /// The refresh family this token came from: revoking the family revokes the token.
    pub origin_jti: String,
    pub username: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct IdClaims {
    pub iss: String,
    pub sub: String,
    pub aud: String,
    pub exp: i64,
    pub iat: i64,
    pub auth_time: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    pub token_use: String,
    pub jti: String,
    pub origin_jti: String,
    pub preferred_username: String,
    #[serde(rename = "cognito:username")]
    pub cognito_username: String,
    #[serde(flatten)]
    pub claims: Map<String, Value>,
}

/// The token endpoint's success body (RFC 6749 §5.1), plus, for apps with
/// `aws_credentials`, the identity pool's identity and credentials (or why there are none).
#[derive(Serialize)]
pub struct TokenResponse {
    pub access_token: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_token: Option<String>,
    pub refresh_token: String,
    pub token_type: &'static str,
    pub expires_in: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_id: Option<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "credentials_json"
    )]
    pub aws_credentials: Option<crate::aws::identity_pool::AwsCredentials>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aws_error: Option<crate::store::AwsErrorNote>,
}

fn credentials_json<S: serde::Serializer>(
    credentials: &Option<crate::aws::identity_pool::AwsCredentials>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match credentials {
        Some(c) => c.json().serialize(serializer),
        None => serializer.serialize_none(),
    }
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse")
            .field("expires_in", &self.expires_in)
            .field("identity_id", &self.identity_id)
            .field("aws_error", &self.aws_error)
            .finish_non_exhaustive()
    }
}

#[derive(Clone)]
pub struct TokenLifetimes {
    pub access: Duration,
    pub id: Duration,
}

/// Mints the access and ID tokens for one family, now.
pub fn mint(
    keys: &KeyManager,
    issuer: &str,
    lifetimes: &TokenLifetimes,
    family_id: &str,
    family: &RefreshFamily,
    nonce: Option<&str>,
    refresh_token: String,
) -> Result<TokenResponse, KeyError> {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let sub = family.identity.subject();
    let access_ttl = lifetimes.access.as_secs();
    let access = AccessClaims {
        iss: issuer.to_string(),
        sub: sub.clone(),
        client_id: family.client_id.clone(),
        token_use: "access".into(),
        scope: family.scopes.join(" "),
        auth_time: family.auth_time,
        iat: now,
        exp: now + i64::try_from(access_ttl).unwrap_or(i64::MAX / 2),
        jti: uuid::Uuid::new_v4().to_string(),
        origin_jti: family_id.to_string(),
        username: family.identity.username.clone(),
    };
    let access_token = keys.sign(&access)?;
    let id_token = if family.scopes.iter().any(|s| s == "openid") {
        let id = IdClaims {
            iss: issuer.to_string(),
            sub,
            aud: family.client_id.clone(),
            exp: now + i64::try_from(lifetimes.id.as_secs()).unwrap_or(i64::MAX / 2),
            iat: now,
            auth_time: family.auth_time,
            nonce: nonce.map(str::to_string),
            token_use: "id".into(),
            jti: uuid::Uuid::new_v4().to_string(),
            origin_jti: family_id.to_string(),
            preferred_username: family.identity.username.clone(),
            cognito_username: family.identity.username.clone(),
            claims: scoped_claims(&family.identity, &family.scopes),
        };
        Some(keys.sign(&id)?)
    } else {
        None
    };
    Ok(TokenResponse {
        access_token,
        id_token,
        refresh_token,
        token_type: "Bearer",
        expires_in: access_ttl,
        identity_id: None,
        aws_credentials: None,
        aws_error: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn claims_follow_scopes() {
        let mut claims = Map::new();
        claims.insert("email".into(), json!("a@example.com"));
        claims.insert("email_verified".into(), json!(true));
        claims.insert("name".into(), json!("A"));
        claims.insert("phone_number".into(), json!("+1"));
        let identity = Identity {
            provider: "local".into(),
            upstream_subject: "a".into(),
            username: "a".into(),
            claims,
            upstream_refresh: None,
            upstream_tokens: None,
            published_sub: None,
            upstream_session: None,
        };
        let only_openid = scoped_claims(&identity, &["openid".into()]);
        assert!(only_openid.is_empty());
        let email = scoped_claims(&identity, &["openid".into(), "email".into()]);
        assert_eq!(email.len(), 2);
        assert!(email.contains_key("email_verified"));
        let profile = scoped_claims(&identity, &["profile".into()]);
        assert_eq!(profile.keys().collect::<Vec<_>>(), vec!["name"]);
    }
}
