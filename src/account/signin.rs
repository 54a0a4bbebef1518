//! The account pages' round trip through sign-in: to `/oauth2/authorize` as the account app
//! (with `prompt=login` when a change needs a recent sign-in), and back through
//! `/account/callback` to where the user was going. The SSO session the sign-in leaves in the
//! browser is what the pages read; the code is left to expire unredeemed.

use super::ACCOUNT_CLIENT_ID;
use crate::identity::Identity;
use crate::security::{constant_time_eq, random_token};
use crate::state::AppState;
use crate::web::browser::BrowserSession;
use crate::web::page::{Msg, PageError};
use crate::web::respond::see_other;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

const PENDING: &str = "account_pending";

/// A sign-in under way: its `state`, and the account page to return to.
#[derive(Serialize, Deserialize)]
struct Pending {
    state: String,
    return_to: String,
}

/// Sends the browser to sign in and then back to `return_to` (an `/account` path). `again`:
/// the signed-in user must sign in afresh (`prompt=login`), at the same provider.
pub async fn send_to_sign_in(
    state: &AppState,
    browser: &BrowserSession,
    return_to: &str,
    again: Option<&Identity>,
) -> Result<Response, PageError> {
    let pending = Pending {
        state: random_token(),
        return_to: return_to.to_string(),
    };
    browser
        .inner()
        .insert(PENDING, &pending)
        .await
        .map_err(|e| PageError::unavailable(&e))?;
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query
        .append_pair("response_type", "code")
        .append_pair("client_id", ACCOUNT_CLIENT_ID)
        .append_pair("redirect_uri", &callback_uri(state))
        .append_pair("scope", "openid")
        .append_pair("state", &pending.state)
        // Required of a public app; the code is never redeemed, so the verifier is dropped.
        .append_pair(
            "code_challenge",
            &crate::pkce::s256_challenge(&random_token()),
        )
        .append_pair("code_challenge_method", "S256");
    if let Some(identity) = again {
        query
            .append_pair("prompt", "login")
            .append_pair("identity_provider", &identity.provider)
            .append_pair("login_hint", &identity.username);
    }
    Ok(see_other(&format!("/oauth2/authorize?{}", query.finish())))
}

fn callback_uri(state: &AppState) -> String {
    format!("{}/account/callback", state.settings.issuer)
}

#[derive(Deserialize)]
pub struct CallbackParams {
    state: Option<String>,
    error: Option<String>,
}

/// The end of the round trip: the `state` this browser was given, then back where it began.
pub async fn callback_get(
    State(_state): State<AppState>,
    session: Session,
    Query(params): Query<CallbackParams>,
) -> Response {
    let browser = BrowserSession::new(session);
    let pending: Option<Pending> = browser.inner().remove(PENDING).await.ok().flatten();
    let refused = || PageError::new(StatusCode::BAD_REQUEST, Msg::AccountSignInFailed);
    let Some(pending) = pending else {
        return refused().into_response();
    };
    let state_ok = params
        .state
        .as_deref()
        .is_some_and(|s| constant_time_eq(s.as_bytes(), pending.state.as_bytes()));
    if !state_ok || params.error.is_some() {
        tracing::info!(error = ?params.error, state_ok, "account sign-in did not finish");
        return refused().into_response();
    }
    // Only ever an account page: `return_to` was written by this module, but a path is all a
    // redirect here may be.
    let back = if pending.return_to.starts_with("/account") && !pending.return_to.starts_with("//")
    {
        pending.return_to
    } else {
        "/account".to_string()
    };
    see_other(&back)
}
