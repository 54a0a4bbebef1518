//! A pool user's password: current, new and the new one again, with the pool's rules shown;
//! `ChangePassword` at the pool, after a sign-in recent enough (`account.reauth_after`).
//! A wrong current password and a rule broken are said on the form; both count against the
//! account's attempts (`account_attempts_per_user`).
//!
//! ```text
//! GET  /account/password   password_get  → the form | 303 sign-in (again)
//! POST /account/password   password_post → 303 /account?notice=password | the form, refused
//! ```

use super::pages::{BACK, Back, recent_enough};
use super::pool_user::{PagePoolUser, pool_user, refusal, sign_in};
use crate::account_pool;
use crate::hosted_ui::words::Say;
use crate::state::AppState;
use crate::web::browser::BrowserSession;
use crate::web::i18n::filters;
use crate::web::page::{self, PageContext, PageError};
use crate::web::respond::see_other;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

const PASSWORD: &str = "/account/password";

#[derive(Template)]
#[template(path = "account_password.html")]
pub struct PasswordPage<'a> {
    pub csrf: &'a str,
    pub back: Option<Back>,
    /// The pool's password rules, in words (`password_rules.html`).
    pub rules: Vec<String>,
    pub error: Option<String>,
}

async fn form(
    browser: &BrowserSession,
    user: &PagePoolUser<'_>,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, PageError> {
    let ctx = PageContext::for_request();
    let rules = user
        .pool
        .pool
        .password_policy()
        .await
        .map(|p| p.rules())
        .unwrap_or_default()
        .into_iter()
        .map(|rule| Say::Rule(rule).said(&ctx))
        .collect();
    let csrf = browser
        .csrf_token()
        .await
        .map_err(|e| PageError::unavailable(&e))?;
    let back = browser.inner().get::<Back>(BACK).await.ok().flatten();
    Ok(page::render(
        &ctx,
        status,
        &PasswordPage {
            csrf: &csrf,
            back,
            rules,
            error,
        },
    ))
}

/// The pool user, signed in recently enough; else the response sending them through sign-in.
async fn recent_pool_user<'a>(
    state: &'a AppState,
    browser: &BrowserSession,
) -> Result<PagePoolUser<'a>, Response> {
    let user = pool_user(state, browser, PASSWORD).await?;
    if !recent_enough(state, user.auth_time) {
        tracing::info!("a password change needs a fresh sign-in first");
        return Err(sign_in(state, browser, PASSWORD, Some(&user.identity)).await);
    }
    Ok(user)
}

/// `GET /account/password`
pub async fn password_get(State(state): State<AppState>, session: Session) -> Response {
    let browser = BrowserSession::new(session);
    let user = match recent_pool_user(&state, &browser).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    form(&browser, &user, StatusCode::OK, None)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

/// `POST /account/password`
pub async fn password_post(
    State(state): State<AppState>,
    session: Session,
    body: Bytes,
) -> Response {
    let browser = BrowserSession::new(session);
    let result: Result<Response, PageError> = async {
        let fields = browser.checked_form(&body).await?;
        let user = match recent_pool_user(&state, &browser).await {
            Ok(user) => user,
            Err(response) => return Ok(response),
        };
        let lang = PageContext::for_request().lang;
        let field = |name: &str| fields.get(name).map(String::as_str).unwrap_or_default();
        let (current, proposed, again) = (
            field("current_password"),
            field("new_password"),
            field("confirm_password"),
        );
        if current.is_empty() || proposed.is_empty() || again.is_empty() {
            let error = Say::FillEveryField.text(lang);
            return form(&browser, &user, StatusCode::BAD_REQUEST, Some(error)).await;
        }
        if !crate::security::constant_time_eq(proposed.as_bytes(), again.as_bytes()) {
            let error = crate::web::i18n::text(lang, "account-password-mismatch", &[]);
            return form(&browser, &user, StatusCode::BAD_REQUEST, Some(error)).await;
        }
        let result = user
            .attempt(
                &state,
                account_pool::change_password(
                    &user.pool.pool,
                    &user.access_token,
                    Some(current),
                    proposed,
                ),
            )
            .await?;
        user.audit("ChangePassword", &result);
        match result {
            Ok(()) => Ok(see_other("/account?notice=password")),
            // Cognito's answer to a wrong previous password.
            Err(e) if e.kind == "NotAuthorizedException" => {
                let error = crate::web::i18n::text(lang, "account-password-wrong-current", &[]);
                form(&browser, &user, StatusCode::BAD_REQUEST, Some(error)).await
            }
            Err(e) => {
                let (status, error) = refusal(lang, &e)?;
                form(&browser, &user, status, Some(error)).await
            }
        }
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}
