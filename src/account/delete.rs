//! Deleting a pool user's account, where `[account] allow_delete` offers it: a confirmation
//! page, a sign-in recent enough (`account.reauth_after`), then `DeleteUser` at the pool and
//! every refresh family and SSO session of the user ended; the browser ends on the
//! signed-out page.
//!
//! ```text
//! GET  /account/delete   delete_get  → confirmation | 403 page (not offered, not a pool user)
//! POST /account/delete   delete_post → signed-out page | 303 sign-in again | 403 page
//! ```

use super::pages::{BACK, Back, recent_enough, signed_out};
use super::pool_user::{pool_user, sign_in};
use crate::account_pool;
use crate::state::AppState;
use crate::web::browser::BrowserSession;
use crate::web::i18n::filters;
use crate::web::page::{self, Msg, PageContext, PageError};
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use time::OffsetDateTime;
use tower_sessions::Session;

const DELETE: &str = "/account/delete";

#[derive(Template)]
#[template(path = "account_delete.html")]
pub struct DeletePage<'a> {
    pub csrf: &'a str,
    pub back: Option<Back>,
    pub username: &'a str,
}

fn not_offered() -> PageError {
    PageError::new(StatusCode::FORBIDDEN, Msg::AccountDeleteNotAllowed)
}

/// `GET /account/delete`: the confirmation (where a fresh sign-in comes back to).
pub async fn delete_get(State(state): State<AppState>, session: Session) -> Response {
    if !state.settings.account.allow_delete {
        return not_offered().into_response();
    }
    let browser = BrowserSession::new(session);
    let user = match pool_user(&state, &browser, DELETE).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let result: Result<Response, PageError> = async {
        let csrf = browser
            .csrf_token()
            .await
            .map_err(|e| PageError::unavailable(&e))?;
        let back = browser.inner().get::<Back>(BACK).await.ok().flatten();
        Ok::<_, PageError>(page::render(
            &PageContext::for_request(),
            StatusCode::OK,
            &DeletePage {
                csrf: &csrf,
                back,
                // The pool's user name when it gave one (a pool's `sub`-shaped internal name
                // means nothing to a person).
                username: user
                    .identity
                    .claims
                    .get("cognito:username")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or(&user.identity.username),
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// `POST /account/delete`
pub async fn delete_post(State(state): State<AppState>, session: Session, body: Bytes) -> Response {
    let browser = BrowserSession::new(session);
    let result: Result<Response, PageError> = async {
        browser.checked_form(&body).await?;
        if !state.settings.account.allow_delete {
            return Err(not_offered());
        }
        let user = match pool_user(&state, &browser, DELETE).await {
            Ok(user) => user,
            Err(response) => return Ok(response),
        };
        let identity = &user.identity;
        if !recent_enough(&state, user.auth_time) {
            tracing::info!("deleting the account needs a fresh sign-in first");
            return Ok(sign_in(&state, &browser, DELETE, Some(identity)).await);
        }
        let result = account_pool::delete_user(&user.pool.pool, &user.access_token).await;
        user.audit("DeleteUser", &result);
        match result {
            Ok(()) => {}
            Err(e) if e.kind == "NotAuthorizedException" => {
                // The pool no longer takes the kept token: a fresh sign-in brings one.
                return Ok(sign_in(&state, &browser, DELETE, Some(identity)).await);
            }
            Err(e) => {
                tracing::warn!(
                    error_type = e.kind,
                    "the pool refused to delete the account"
                );
                return Err(PageError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    Msg::Unavailable,
                ));
            }
        }
        // The user is gone: so is every session authgate has of them.
        let ended = state
            .store
            .end_user_sessions(
                &identity.provider,
                &identity.upstream_subject,
                OffsetDateTime::now_utc(),
            )
            .await
            .map_err(|e| PageError::unavailable(&e))?;
        tracing::info!(
            families = ended.families,
            sso_sessions = ended.sso_sessions,
            "account deleted: every session of the user ended"
        );
        signed_out(&state, &browser).await
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}
