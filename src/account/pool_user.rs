//! The signed-in browser's user as the account change pages (profile, password, MFA, devices,
//! delete) need them: a Cognito pool user, with the pool access token kept (sealed) with their
//! SSO session. A user of any other provider gets the words saying where their account is kept
//! instead; a sign-in too old for a change, or whose pool token is about to expire, signs in
//! again first (which also brings a fresh pool token).

use super::pages::{SignedIn, signed_in};
use super::signin::send_to_sign_in;
use crate::account_pool::{AccountError, attempts};
use crate::connectors::cognito::CognitoConnector;
use crate::identity::{Identity, UpstreamTokens};
use crate::security::unverified_claims;
use crate::state::AppState;
use crate::telemetry::audit;
use crate::web::browser::BrowserSession;
use crate::web::page::{Msg, PageContext, PageError};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;
use time::OffsetDateTime;

/// A kept pool token this close to its expiry is not used: the page signs in again instead
/// (the pages have no refresh family to renew it with).
const FRESH_FOR_SECONDS: i64 = 60;

/// A pool user signed in through this browser.
pub struct PagePoolUser<'a> {
    pub pool: &'a CognitoConnector,
    /// The pool's own access token for the user (never shown, never logged).
    pub access_token: String,
    pub identity: Identity,
    pub auth_time: i64,
}

/// What a change page may do for the browser's user.
pub enum Gate<'a> {
    /// Sign in (again) first: the redirect.
    SignIn(Response),
    /// Not a pool user: where their account is managed, in words.
    Elsewhere(String),
    Pool(PagePoolUser<'a>),
}

/// Decides [`Gate`] for the browser; `sensitive`: the sign-in must be recent enough
/// (`account.reauth_after`), as for signing out everywhere. `return_to` is the account page
/// to come back to after signing in.
pub async fn gate<'a>(
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
    let SignedIn { sso, .. } = me;
    let identity = sso.identity;
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
    let access_token = UpstreamTokens::open(&identity, &state.sealer)
        .and_then(|t| t.access_token)
        .filter(|t| expires_at(t) - now >= FRESH_FOR_SECONDS);
    let Some(access_token) = access_token else {
        // The pool token lives an hour at most; a fresh sign-in at the pool brings a new one.
        tracing::info!(provider = %pool.provider_id, "no fresh pool token with the sign-in; signing in again");
        return send_to_sign_in(state, browser, return_to, Some(&identity))
            .await
            .map(Gate::SignIn);
    };
    if sensitive && !super::pages::recent_enough(state, sso.auth_time) {
        tracing::info!("an account change needs a fresh sign-in first");
        return send_to_sign_in(state, browser, return_to, Some(&identity))
            .await
            .map(Gate::SignIn);
    }
    Ok(Gate::Pool(PagePoolUser {
        pool,
        access_token,
        auth_time: sso.auth_time,
        identity,
    }))
}

/// [`gate`] for the pages that answer anyone but a pool user with the "managed elsewhere"
/// error page: the pool user, or the response to answer with.
pub async fn pool_user<'a>(
    state: &'a AppState,
    browser: &BrowserSession,
    return_to: &str,
) -> Result<PagePoolUser<'a>, Response> {
    match gate(
        state,
        browser,
        &PageContext::for_request(),
        return_to,
        false,
    )
    .await
    {
        Ok(Gate::Pool(user)) => Ok(user),
        Ok(Gate::SignIn(response)) => Err(response),
        Ok(Gate::Elsewhere(_)) => {
            Err(PageError::new(StatusCode::FORBIDDEN, Msg::AccountManagedElsewhere).into())
        }
        Err(e) => Err(e.into()),
    }
}

/// The token's `exp` (0 without one: counted as expired). The pool verifies the token; this
/// only decides whether it is worth sending.
fn expires_at(token: &str) -> i64 {
    unverified_claims(token)
        .and_then(|c| c.get("exp").and_then(Value::as_i64))
        .unwrap_or(0)
}

pub async fn sign_in(
    state: &AppState,
    browser: &BrowserSession,
    return_to: &str,
    again: Option<&Identity>,
) -> Response {
    send_to_sign_in(state, browser, return_to, again)
        .await
        .unwrap_or_else(Into::into)
}

impl PagePoolUser<'_> {
    /// The attempts throttle's key: the same as the user-pool API's for this user, so the
    /// pages and the API share one budget of wrong codes.
    pub fn attempts_key(&self) -> String {
        format!(
            "user:{}",
            audit::pseudonym(&self.identity.provider, &self.identity.upstream_subject)
        )
    }

    /// Writes the `account_change` audit event (the operation and its outcome, no value).
    pub fn audit<T>(&self, operation: &'static str, result: &Result<T, AccountError>) {
        let outcome = match result {
            Ok(_) => "ok",
            Err(e) => e.kind,
        };
        audit::account_change(
            operation,
            &self.identity.provider,
            &self.identity.upstream_subject,
            outcome,
        );
    }

    /// Runs a password or code attempt under the per-account throttle
    /// (`account_attempts_per_user`, shared with the user-pool API).
    pub async fn attempt<T>(
        &self,
        state: &AppState,
        work: impl std::future::Future<Output = Result<T, AccountError>>,
    ) -> Result<Result<T, AccountError>, PageError> {
        let limit = state.settings.rate_limits.account_attempts_per_user;
        let reserved = match attempts::reserve(&*state.store, limit, &self.attempts_key()).await {
            Ok(reserved) => reserved,
            Err(attempts::AttemptError::Limited(e)) => return Ok(Err(e)),
            Err(attempts::AttemptError::Store(e)) => return Err(PageError::unavailable(&e)),
        };
        let result = work.await;
        reserved.settle(&*state.store, &result).await;
        Ok(result)
    }
}

/// How a change page says the pool's refusal: the status and the sentence for the form, or
/// the error page for what the user cannot fix (the pool unreachable).
pub fn refusal(lang: &str, e: &AccountError) -> Result<(StatusCode, String), PageError> {
    use crate::connectors::cognito::pool_api::PasswordProblem;
    use crate::hosted_ui::words::Say;
    let (status, say) = match e.kind {
        "CodeMismatchException" => (StatusCode::BAD_REQUEST, Say::WrongCode),
        "ExpiredCodeException" => (StatusCode::BAD_REQUEST, Say::ExpiredCode),
        "InvalidParameterException" => (StatusCode::BAD_REQUEST, Say::CheckInput),
        "InvalidPasswordException" => (
            StatusCode::BAD_REQUEST,
            Say::Password(PasswordProblem::from_message(&e.message)),
        ),
        "PasswordHistoryPolicyViolationException" => (
            StatusCode::BAD_REQUEST,
            Say::Password(PasswordProblem::UsedBefore),
        ),
        "LimitExceededException"
        | "TooManyRequestsException"
        | "TooManyFailedAttemptsException" => (StatusCode::TOO_MANY_REQUESTS, Say::TryLater),
        "AliasExistsException" => {
            return Ok((
                StatusCode::CONFLICT,
                crate::web::i18n::text(lang, "account-attribute-taken", &[]),
            ));
        }
        _ => {
            tracing::warn!(error_type = e.kind, "the pool refused an account change");
            return Err(PageError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                Msg::Unavailable,
            ));
        }
    };
    Ok((status, say.text(lang)))
}

/// A pool user's attributes as the pool has them now (the claims kept from the sign-in are
/// what they were then: an email changed since is the pool's news); `None` when the kept pool
/// token is gone or the pool does not answer, and the page shows the sign-in's claims.
pub async fn live_attributes(
    state: &AppState,
    identity: &Identity,
) -> Option<Vec<(String, String)>> {
    let pool = state.providers.get(&identity.provider)?.as_cognito()?;
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let token = UpstreamTokens::open(identity, &state.sealer)
        .and_then(|t| t.access_token)
        .filter(|token| expires_at(token) > now)?;
    match pool.pool.get_user(&token).await {
        Ok((_, attributes)) => Some(attributes),
        Err(e) => {
            tracing::info!(error = %e, "the account page shows the sign-in's claims: GetUser failed");
            None
        }
    }
}
