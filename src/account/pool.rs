//! A Cognito pool user on the MFA and devices pages: their pool and the pool access token
//! kept (sealed) with the browser's SSO session since they signed in. A user of any other
//! provider gets the words saying where their account is kept instead; a sign-in too old for
//! a change, or whose pool token is about to expire, signs in again first (which also brings
//! a fresh pool token).

use super::pages::signed_in;
use super::signin::send_to_sign_in;
use crate::connectors::cognito::CognitoConnector;
use crate::identity::UpstreamTokens;
use crate::security::unverified_claims;
use crate::state::AppState;
use crate::telemetry::audit;
use crate::web::browser::BrowserSession;
use crate::web::page::{PageContext, PageError};
use axum::response::Response;
use serde_json::Value;
use time::OffsetDateTime;

/// A kept pool token this close to its expiry is not used: the page signs in again instead
/// (the pages have no refresh family to renew it with).
const FRESH_FOR_SECONDS: i64 = 60;

/// A pool user, and how to act for them at their pool.
pub(super) struct PoolUser<'a> {
    pub pool: &'a CognitoConnector,
    /// The pool's own access token for the user (a secret: never logged).
    pub access_token: String,
    /// authgate's provider id and the pool's `sub`, for the audit log.
    pub provider: String,
    pub subject: String,
    /// The name the user signed in with (the authenticator app's label).
    pub username: String,
    /// The attempts throttle's key: the same as the user-pool API's for this user, so the
    /// pages and the API share one budget of wrong codes.
    pub attempts_key: String,
}

/// What the page may do for the browser's user.
pub(super) enum Gate<'a> {
    /// Sign in (again) first: the redirect.
    SignIn(Response),
    /// Not a pool user: where their account is managed, in words.
    Elsewhere(String),
    Pool(PoolUser<'a>),
}

/// Decides [`Gate`] for the browser; `sensitive`: the sign-in must be recent enough
/// (`account.reauth_after`), as for signing out everywhere. `return_to` is the account page
/// to come back to after signing in.
pub(super) async fn gate<'a>(
    state: &'a AppState,
    browser: &BrowserSession,
    ctx: &PageContext,
    return_to: &str,
    sensitive: bool,
) -> Result<Gate<'a>, PageError> {
    let Some(me) = signed_in(state, browser).await? else {
        return send_to_sign_in(state, browser, return_to, None)
            .await
            .map(Gate::SignIn);
    };
    let identity = &me.sso.identity;
    let provider = state.providers.get(&identity.provider);
    let Some(pool) = provider.and_then(|p| p.as_cognito()) else {
        let words = match provider {
            Some(p) if p.as_local().is_some() => ctx.text("account-managed-in-config"),
            Some(p) => ctx.say(
                "account-managed-at",
                &[("provider", p.display_name.as_str().into())],
            ),
            None => ctx.say(
                "account-managed-at",
                &[("provider", identity.provider.as_str().into())],
            ),
        };
        return Ok(Gate::Elsewhere(words));
    };
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let access_token = UpstreamTokens::open(identity, &state.sealer)
        .and_then(|t| t.access_token)
        .filter(|t| expires_at(t) - now >= FRESH_FOR_SECONDS);
    let Some(access_token) = access_token else {
        tracing::info!(provider = %pool.provider_id, "no fresh pool token with the sign-in; signing in again");
        return send_to_sign_in(state, browser, return_to, Some(identity))
            .await
            .map(Gate::SignIn);
    };
    if sensitive && !super::pages::recent_enough(state, me.sso.auth_time) {
        tracing::info!("an account change needs a fresh sign-in first");
        return send_to_sign_in(state, browser, return_to, Some(identity))
            .await
            .map(Gate::SignIn);
    }
    let (provider, subject) = (identity.provider.clone(), identity.upstream_subject.clone());
    Ok(Gate::Pool(PoolUser {
        pool,
        access_token,
        attempts_key: format!("user:{}", audit::pseudonym(&provider, &subject)),
        provider,
        subject,
        username: identity.username.clone(),
    }))
}

/// The token's `exp` (0 without one: counted as expired). The pool verifies the token; this
/// only decides whether it is worth sending.
fn expires_at(token: &str) -> i64 {
    unverified_claims(token)
        .and_then(|c| c.get("exp").and_then(Value::as_i64))
        .unwrap_or(0)
}
