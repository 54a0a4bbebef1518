//! The operations on the signed-in user an access token stands for: `GetUser` and
//! `GlobalSignOut`. authgate's own access tokens are verified here (signature, expiry, a live
//! refresh family, Cognito's `aws.cognito.signin.user.admin` scope); a user pool's own token
//! given to a passthrough app is passed to that pool, which verifies it.

use super::account::kept_pool_token;
use super::wire::{ApiError, input, ok, required};
use crate::apps::RegisteredApp;
use crate::config::TokenMode;
use crate::connectors::cognito::CognitoConnector;
use crate::keys::VerifyError;
use crate::oauth::tokens::{AccessClaims, scoped_claims};
use crate::security::storage_hash;
use crate::state::AppState;
use crate::store::RefreshFamily;
use crate::telemetry::audit;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use time::OffsetDateTime;

/// The scope an access token needs for Cognito's user operations (Cognito refuses hosted-UI
/// tokens without it).
pub const ADMIN_SCOPE: &str = "aws.cognito.signin.user.admin";

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct AccessTokenInput {
    access_token: Option<String>,
}

/// Whose session an access token is.
// A one-shot value, moved once: boxing the family would buy nothing but an allocation.
#[allow(clippy::large_enum_variant)]
pub(super) enum Holder<'a> {
    /// One of authgate's tokens, with the live family it came from.
    Ours(AccessClaims, RefreshFamily),
    /// A pool's own token (a passthrough app's): the pool answers for it.
    Pool(&'a CognitoConnector, Map<String, Value>),
}

pub(super) async fn holder<'a>(state: &'a AppState, token: &str) -> Result<Holder<'a>, ApiError> {
    let claims: AccessClaims = match state.keys.verify(token, false) {
        Ok(claims) => claims,
        Err(VerifyError::Invalid(jsonwebtoken::errors::ErrorKind::ExpiredSignature)) => {
            return Err(ApiError::not_authorized("Access Token has expired"));
        }
        Err(_) => {
            return match passthrough_pool(state, token) {
                Some((pool, claims)) => Ok(Holder::Pool(pool, claims)),
                None => Err(ApiError::not_authorized("Invalid Access Token")),
            };
        }
    };
    if claims.token_use != "access" {
        return Err(ApiError::not_authorized("Invalid Access Token"));
    }
    let family = state
        .store
        .get_active_refresh_family(&claims.origin_jti, OffsetDateTime::now_utc())
        .await?
        .ok_or_else(|| ApiError::not_authorized("Access Token has been revoked"))?;
    if !claims.scope.split(' ').any(|s| s == ADMIN_SCOPE) {
        return Err(ApiError::not_authorized(
            "Access Token does not have required scopes",
        ));
    }
    Ok(Holder::Ours(claims, family))
}

/// The pool of a passthrough app whose token this claims to be (its issuer and app client),
/// with the token's claims: unverified here, the pool verifies the token when it is passed on.
fn passthrough_pool<'a>(
    state: &'a AppState,
    token: &str,
) -> Option<(&'a CognitoConnector, Map<String, Value>)> {
    let claims = crate::security::unverified_claims(token)?;
    let claim = |name: &str| claims.get(name).and_then(Value::as_str);
    let pool = pools_of_passthrough_apps(state).find(|pool| {
        claim("iss") == Some(pool.issuer()) && claim("client_id") == Some(pool.pool.client_id())
    })?;
    Some((pool, claims))
}

/// Every user pool some passthrough app hands out tokens of.
pub(crate) fn pools_of_passthrough_apps(
    state: &AppState,
) -> impl Iterator<Item = &CognitoConnector> {
    state
        .apps
        .iter()
        .filter(|app| app.token_mode == TokenMode::Passthrough)
        .flat_map(|app| app.providers.iter())
        .filter_map(|id| state.providers.get(id).and_then(|p| p.as_cognito()))
}

pub(super) fn pool_refused(
    pool: &CognitoConnector,
    e: &crate::connectors::cognito::pool_api::PoolError,
) -> ApiError {
    use crate::connectors::cognito::pool_api::PoolError;
    match e {
        PoolError::NotAuthorized => ApiError::not_authorized("Invalid Access Token"),
        PoolError::TooManyRequests => ApiError::new("TooManyRequestsException", "Rate exceeded"),
        e => {
            tracing::warn!(provider = %pool.provider_id, error = %e, "user pool call failed");
            ApiError::new(
                "InternalErrorException",
                format!("{} did not answer; try again", pool.display_name),
            )
        }
    }
}

/// A claim as Cognito writes an attribute value: a string (`"true"`, `"42"`, JSON for objects).
fn attribute_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub async fn get_user(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Response, ApiError> {
    let request: AccessTokenInput = input(headers, body)?;
    let token = required(&request.access_token, "AccessToken")?;
    let (username, attributes) = match holder(state, token).await? {
        // A pool user's attributes are the pool's (changed by UpdateUserAttributes since the
        // sign-in, perhaps): asked with the pool token kept with the session.
        Holder::Ours(claims, family)
            if let Some(pool) = state
                .providers
                .get(&family.identity.provider)
                .and_then(|p| p.as_cognito()) =>
        {
            let pool_token = kept_pool_token(state, pool, &claims.origin_jti, family).await?;
            pool.pool
                .get_user(&pool_token)
                .await
                .map_err(|e| pool_refused(pool, &e))?
        }
        Holder::Ours(claims, family) => {
            let scopes: Vec<String> = claims.scope.split(' ').map(str::to_string).collect();
            // The claims the ID token carries, as attributes (group membership is not one).
            let mut attributes = vec![("sub".to_string(), claims.sub.clone())];
            attributes.extend(
                scoped_claims(&family.identity, &scopes)
                    .iter()
                    .filter(|(name, _)| !name.starts_with("cognito:"))
                    .map(|(name, value)| (name.clone(), attribute_value(value))),
            );
            (family.identity.username, attributes)
        }
        Holder::Pool(pool, _) => pool
            .pool
            .get_user(token)
            .await
            .map_err(|e| pool_refused(pool, &e))?,
    };
    let attributes: Vec<Value> = attributes
        .into_iter()
        .map(|(name, value)| json!({"Name": name, "Value": value}))
        .collect();
    Ok(ok(
        &json!({"Username": username, "UserAttributes": attributes}),
    ))
}

/// `GlobalSignOut`: every session of the token's user ends, in every app and browser: all
/// their refresh families (and so the access tokens issued from them) and their SSO sessions.
/// A pool user is signed out at the pool as well (for a pool's token, first; for authgate's, with
/// the pool token kept with the session), so the pool's own tokens die too.
pub async fn global_sign_out(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Response, ApiError> {
    let request: AccessTokenInput = input(headers, body)?;
    let token = required(&request.access_token, "AccessToken")?;
    // What the pool could not do: reported once authgate's own sessions have ended anyway.
    let mut pool_failure = None;
    let (provider, subject) = match holder(state, token).await? {
        Holder::Ours(claims, family) => {
            let (provider, subject) = (
                family.identity.provider.clone(),
                family.identity.upstream_subject.clone(),
            );
            if let Some(pool) = state.providers.get(&provider).and_then(|p| p.as_cognito()) {
                let signed_out = match kept_pool_token(state, pool, &claims.origin_jti, family)
                    .await
                {
                    Ok(pool_token) => crate::account_pool::global_sign_out(&pool.pool, &pool_token)
                        .await
                        .map_err(ApiError::from),
                    Err(e) => Err(e),
                };
                // A pool that no longer accepts the token has signed the user out already.
                pool_failure = signed_out
                    .err()
                    .filter(|e| e.kind != "NotAuthorizedException");
            }
            (provider, subject)
        }
        Holder::Pool(pool, claims) => {
            pool.pool
                .global_sign_out(token)
                .await
                .map_err(|e| pool_refused(pool, &e))?;
            // The pool accepted the token, so its `sub` is the pool user's (our upstream subject).
            let sub = claims
                .get("sub")
                .and_then(Value::as_str)
                .unwrap_or_default();
            (pool.provider_id.clone(), sub.to_string())
        }
    };
    let ended = state
        .store
        .end_user_sessions(&provider, &subject, OffsetDateTime::now_utc())
        .await?;
    tracing::info!(
        %provider,
        families = ended.families,
        sso_sessions = ended.sso_sessions,
        "global sign-out"
    );
    let outcome = pool_failure.as_ref().map_or("ok", |e| e.kind);
    audit::account_change("GlobalSignOut", &provider, &subject, outcome);
    match pool_failure {
        Some(e) => Err(e),
        None => Ok(ok(&json!({}))),
    }
}

/// Tells a passthrough app's pool that one of its refresh tokens is revoked (authgate's family
/// is revoked already). Best effort: the family is dead here whatever the pool says.
pub async fn revoke_at_pool(state: &AppState, app: &RegisteredApp, token: &str) {
    let now = OffsetDateTime::now_utc();
    let Ok(Some((_, family))) = state
        .store
        .find_refresh_family(&storage_hash(token), now)
        .await
    else {
        return;
    };
    if let Some(pool) = state
        .providers
        .get(&family.identity.provider)
        .and_then(|p| p.as_cognito())
        && let Err(e) = pool.pool.revoke_token(token).await
    {
        tracing::warn!(client_id = %app.client_id, provider = %pool.provider_id, error = %e, "the user pool did not revoke the token");
    }
}
