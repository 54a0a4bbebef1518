//! The signed-in browser's user as the account change pages need them: a Cognito pool user,
//! with the pool access token kept (sealed) with their SSO session. Everyone else keeps the
//! read-only profile; a pool token that is missing or expired is renewed by signing in again.

use super::pages::{SignedIn, signed_in};
use super::signin::send_to_sign_in;
use crate::account_pool::{AccountError, attempts};
use crate::connectors::cognito::CognitoConnector;
use crate::identity::{Identity, UpstreamTokens};
use crate::security::unverified_claims;
use crate::state::AppState;
use crate::telemetry::audit;
use crate::web::browser::BrowserSession;
use crate::web::page::{Msg, PageError};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;
use time::OffsetDateTime;

/// A pool user signed in through this browser.
pub struct PagePoolUser<'a> {
    pub pool: &'a CognitoConnector,
    /// The pool's own access token for the user (never shown, never logged).
    pub access_token: String,
    pub identity: Identity,
    pub auth_time: i64,
}

/// Who the browser's user is, for a change page: a pool user, or the response to answer with
/// (sign in first, sign in again for a fresh pool token, or the "managed elsewhere" page).
pub async fn pool_user<'a>(
    state: &'a AppState,
    browser: &BrowserSession,
    return_to: &str,
) -> Result<PagePoolUser<'a>, Response> {
    let me: SignedIn = match signed_in(state, browser).await {
        Ok(Some(me)) => me,
        Ok(None) => return Err(sign_in(state, browser, return_to, None).await),
        Err(e) => return Err(e.into()),
    };
    let identity = me.sso.identity;
    let Some(pool) = state
        .providers
        .get(&identity.provider)
        .and_then(|p| p.as_cognito())
    else {
        return Err(PageError::new(StatusCode::FORBIDDEN, Msg::AccountManagedElsewhere).into());
    };
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let live = UpstreamTokens::open(&identity, &state.sealer)
        .and_then(|t| t.access_token)
        .filter(|token| expires_at(token) > now);
    let Some(access_token) = live else {
        // The pool token lives an hour at most; a fresh sign-in at the pool brings a new one.
        tracing::info!("no live pool access token with the SSO session: signing in again");
        return Err(sign_in(state, browser, return_to, Some(&identity)).await);
    };
    Ok(PagePoolUser {
        pool,
        access_token,
        auth_time: me.sso.auth_time,
        identity,
    })
}

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
        let key = format!(
            "user:{}",
            audit::pseudonym(&self.identity.provider, &self.identity.upstream_subject)
        );
        let reserved = match attempts::reserve(&*state.store, limit, &key).await {
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
