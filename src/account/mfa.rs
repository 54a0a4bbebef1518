//! The multi-factor page of a Cognito pool user: which second factors are on and which is
//! preferred, setting up an authenticator app (QR code and key, then the first code), choosing
//! the preferred factor and turning MFA off. Every change needs a recent sign-in
//! (`account.reauth_after`) and goes to the pool with the user's own pool token; the pool
//! decides what its MFA configuration allows, and its refusal is shown as such. Users of other
//! providers are told where their account is managed.
//!
//! ```text
//! GET  /account/mfa             mfa_get         → the page | 303 sign-in
//! POST /account/mfa/setup       setup_post      → the QR code, the key and a field for the code
//! POST /account/mfa/verify      verify_post     → 303 /account/mfa?notice=on | 400/429 setup page
//! POST /account/mfa/preference  preference_post → 303 /account/mfa?notice=preferred | 400 page
//! POST /account/mfa/off         off_post        → 303 /account/mfa?notice=off | 400 page
//! ```

use super::pool_user::{Gate, PagePoolUser as PoolUser, gate};
use crate::account_pool::{self, AccountError, MfaSetting, MfaSettings, MfaStatus};
use crate::state::AppState;
use crate::web::browser::BrowserSession;
use crate::web::i18n::filters;
use crate::web::otpauth::{otpauth_uri, qr_svg_base64};
use crate::web::page::{self, PageContext, PageError};
use crate::web::respond::see_other;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::collections::HashMap;
use tower_sessions::Session;

const PAGE: &str = "/account/mfa";
/// The secret `AssociateSoftwareToken` gave, sealed, until its first code is verified.
const PENDING_SECRET: &str = "account_totp_secret";

#[derive(Template)]
#[template(path = "account_mfa.html")]
pub struct MfaPage<'a> {
    pub csrf: &'a str,
    /// Not a pool user: where the account is managed; nothing else is shown.
    pub elsewhere: Option<String>,
    pub factors: Vec<FactorRow>,
    pub any_on: bool,
    pub notice: Option<String>,
    pub error: Option<String>,
}

pub struct FactorRow {
    /// The form's name for it: `totp`, `sms`, `email`.
    pub id: &'static str,
    pub name: String,
    pub on: bool,
    pub preferred: bool,
}

#[derive(Template)]
#[template(path = "account_mfa_setup.html")]
pub struct SetupPage<'a> {
    pub csrf: &'a str,
    pub secret: &'a str,
    pub qr_svg_base64: String,
    pub error: Option<String>,
}

/// A factor as the form names it, the pool names it, and the page says it.
const FACTORS: [(&str, &str, &str); 3] = [
    ("totp", "SOFTWARE_TOKEN_MFA", "cognito-mfa-app"),
    ("sms", "SMS_MFA", "cognito-mfa-sms"),
    ("email", "EMAIL_OTP", "cognito-mfa-email"),
];

fn pool_name(id: &str) -> Option<&'static str> {
    FACTORS.iter().find(|f| f.0 == id).map(|f| f.1)
}

/// The settings that set `on` factors (pool names) with `preferred` the one asked first.
fn settings(on: &[&str], preferred: Option<&str>) -> MfaSettings {
    let setting = |name: &str| {
        on.contains(&name).then_some(MfaSetting {
            enabled: Some(true),
            preferred: Some(preferred == Some(name)),
        })
    };
    MfaSettings {
        sms: setting("SMS_MFA"),
        software_token: setting("SOFTWARE_TOKEN_MFA"),
        email: setting("EMAIL_OTP"),
    }
}

/// Every factor in `status` turned off.
fn all_off(status: &MfaStatus) -> MfaSettings {
    let off = |name: &str| {
        status
            .enabled
            .iter()
            .any(|e| e == name)
            .then_some(MfaSetting {
                enabled: Some(false),
                preferred: Some(false),
            })
    };
    MfaSettings {
        sms: off("SMS_MFA"),
        software_token: off("SOFTWARE_TOKEN_MFA"),
        email: off("EMAIL_OTP"),
    }
}

/// The words for a refusal of the pool's, and the status the page is sent with.
fn refusal(ctx: &PageContext, e: &AccountError) -> Result<(StatusCode, String), PageError> {
    let (status, id) = match e.kind {
        "CodeMismatchException" | "EnableSoftwareTokenMFAException" | "ExpiredCodeException" => {
            (StatusCode::BAD_REQUEST, "account-mfa-wrong-code")
        }
        "LimitExceededException"
        | "TooManyRequestsException"
        | "TooManyFailedAttemptsException" => {
            (StatusCode::TOO_MANY_REQUESTS, "account-mfa-throttled")
        }
        "InternalErrorException" => return Err(PageError::unavailable(&e.message)),
        _ => (StatusCode::BAD_REQUEST, "account-mfa-refused"),
    };
    Ok((status, ctx.text(id)))
}

#[derive(Deserialize)]
pub struct Notice {
    notice: Option<String>,
}

pub async fn mfa_get(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<Notice>,
) -> Response {
    let browser = BrowserSession::new(session);
    let ctx = PageContext::for_request();
    let result = async {
        let user = match gate(&state, &browser, &ctx, PAGE, false).await? {
            Gate::Pool(user) => user,
            Gate::SignIn(response) => return Ok(response),
            Gate::Elsewhere(words) => return elsewhere(&browser, &ctx, words).await,
        };
        let notice = match query.notice.as_deref() {
            Some("on") => Some(ctx.text("account-mfa-notice-on")),
            Some("preferred") => Some(ctx.text("account-mfa-notice-preferred")),
            Some("off") => Some(ctx.text("account-mfa-notice-off")),
            _ => None,
        };
        page_of(&browser, &ctx, &user, StatusCode::OK, notice, None).await
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// The page saying where a non-pool user's account is managed (and nothing else).
async fn elsewhere(
    browser: &BrowserSession,
    ctx: &PageContext,
    words: String,
) -> Result<Response, PageError> {
    let csrf = csrf(browser).await?;
    Ok(page::render(
        ctx,
        StatusCode::OK,
        &MfaPage {
            csrf: &csrf,
            elsewhere: Some(words),
            factors: Vec::new(),
            any_on: false,
            notice: None,
            error: None,
        },
    ))
}

async fn csrf(browser: &BrowserSession) -> Result<String, PageError> {
    browser
        .csrf_token()
        .await
        .map_err(|e| PageError::unavailable(&e))
}

/// The page with the pool's current settings.
async fn page_of(
    browser: &BrowserSession,
    ctx: &PageContext,
    user: &PoolUser<'_>,
    status: StatusCode,
    notice: Option<String>,
    error: Option<String>,
) -> Result<Response, PageError> {
    let mfa = account_pool::mfa_status(&user.pool.pool, &user.access_token)
        .await
        .map_err(|e| PageError::unavailable(&e.message))?;
    let factors = FACTORS
        .iter()
        .filter_map(|&(id, name, words)| {
            let on = mfa.enabled.iter().any(|e| e == name);
            let reachable = match id {
                "sms" => mfa.phone_verified,
                "email" => mfa.email_verified,
                _ => true,
            };
            (on || reachable).then(|| FactorRow {
                id,
                name: ctx.text(words),
                on,
                preferred: mfa.preferred.as_deref() == Some(name),
            })
        })
        .collect::<Vec<_>>();
    let csrf = csrf(browser).await?;
    Ok(page::render(
        ctx,
        status,
        &MfaPage {
            csrf: &csrf,
            elsewhere: None,
            any_on: factors.iter().any(|f| f.on),
            factors,
            notice,
            error,
        },
    ))
}

/// The pool user a POST acts for, once its CSRF token checks out, or the response instead.
async fn poster<'a>(
    state: &'a AppState,
    browser: &BrowserSession,
    ctx: &PageContext,
    body: &[u8],
) -> Result<Result<(PoolUser<'a>, HashMap<String, String>), Response>, PageError> {
    let form = browser.checked_form(body).await?;
    match gate(state, browser, ctx, PAGE, true).await? {
        Gate::Pool(user) => Ok(Ok((user, form))),
        Gate::SignIn(response) => Ok(Err(response)),
        Gate::Elsewhere(words) => elsewhere(browser, ctx, words).await.map(Err),
    }
}

fn secret_purpose(user: &PoolUser<'_>) -> String {
    format!("account-totp:{}", user.attempts_key())
}

/// `POST /account/mfa/setup`: a new secret from the pool, shown once as a QR code and a key.
pub async fn setup_post(State(state): State<AppState>, session: Session, body: Bytes) -> Response {
    let browser = BrowserSession::new(session);
    let ctx = PageContext::for_request();
    let result = async {
        let user = match poster(&state, &browser, &ctx, &body).await? {
            Ok((user, _)) => user,
            Err(response) => return Ok(response),
        };
        let associated =
            account_pool::associate_software_token(&user.pool.pool, &user.access_token).await;
        user.audit("AssociateSoftwareToken", &associated);
        let secret = match associated {
            Ok(secret) => secret,
            Err(e) => {
                let (status, words) = refusal(&ctx, &e)?;
                return page_of(&browser, &ctx, &user, status, None, Some(words)).await;
            }
        };
        let sealed = state
            .sealer
            .seal(&secret_purpose(&user), &secret)
            .map_err(|e| PageError::unavailable(&e))?;
        browser
            .inner()
            .insert(PENDING_SECRET, &sealed)
            .await
            .map_err(|e| PageError::unavailable(&e))?;
        setup_page(&browser, &ctx, &user, &secret, StatusCode::OK, None).await
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn setup_page(
    browser: &BrowserSession,
    ctx: &PageContext,
    user: &PoolUser<'_>,
    secret: &str,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, PageError> {
    let uri = otpauth_uri(&user.pool.display_name, &user.identity.username, secret);
    let csrf = csrf(browser).await?;
    Ok(page::render(
        ctx,
        status,
        &SetupPage {
            csrf: &csrf,
            secret,
            qr_svg_base64: qr_svg_base64(&uri),
            error,
        },
    ))
}

/// `POST /account/mfa/verify` (field `code`): the app's first code; once the pool accepts it,
/// the app becomes the preferred factor. Each wrong code counts against
/// `account_attempts_per_user`, shared with the user-pool API.
pub async fn verify_post(State(state): State<AppState>, session: Session, body: Bytes) -> Response {
    let browser = BrowserSession::new(session);
    let ctx = PageContext::for_request();
    let result = async {
        let (user, form) = match poster(&state, &browser, &ctx, &body).await? {
            Ok(found) => found,
            Err(response) => return Ok(response),
        };
        let sealed: Option<crate::security::Sealed> =
            browser.inner().get(PENDING_SECRET).await.ok().flatten();
        let Some(secret) = sealed.and_then(|s| state.sealer.open(&secret_purpose(&user), &s).ok())
        else {
            // No setup under way (or another user's): start again from the page.
            return Ok(see_other(PAGE));
        };
        let code = form.get("code").map(|c| c.trim()).unwrap_or_default();
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            // Not a code at all: nothing is tried, so nothing is counted.
            let words = ctx.text("account-mfa-wrong-code");
            return setup_page(
                &browser,
                &ctx,
                &user,
                &secret,
                StatusCode::BAD_REQUEST,
                Some(words),
            )
            .await;
        }
        let verified = user
            .attempt(&state, async {
                account_pool::verify_software_token(
                    &user.pool.pool,
                    &user.access_token,
                    code,
                    Some("authgate"),
                )
                .await
                .and_then(|ok| {
                    ok.then_some(()).ok_or_else(|| {
                        // The pool's own `Status`, for developers.
                        AccountError::new("CodeMismatchException", "Status: ERROR")
                    })
                })
            })
            .await?;
        user.audit("VerifySoftwareToken", &verified);
        if let Err(e) = verified {
            let (status, words) = refusal(&ctx, &e)?;
            return setup_page(&browser, &ctx, &user, &secret, status, Some(words)).await;
        }
        let _ = browser
            .inner()
            .remove::<crate::security::Sealed>(PENDING_SECRET)
            .await;
        prefer(&browser, &ctx, &user, "SOFTWARE_TOKEN_MFA", "on").await
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// Turns `factor` (a pool name) on and makes it the one asked first, keeping the others that
/// are on; then back to the page with `notice`, or the page with the pool's refusal.
async fn prefer(
    browser: &BrowserSession,
    ctx: &PageContext,
    user: &PoolUser<'_>,
    factor: &str,
    notice: &str,
) -> Result<Response, PageError> {
    let status = account_pool::mfa_status(&user.pool.pool, &user.access_token)
        .await
        .map_err(|e| PageError::unavailable(&e.message))?;
    let mut on: Vec<&str> = status.enabled.iter().map(String::as_str).collect();
    on.push(factor);
    let result = account_pool::set_mfa_preference(
        &user.pool.pool,
        &user.access_token,
        settings(&on, Some(factor)),
    )
    .await;
    user.audit("SetUserMFAPreference", &result);
    match result {
        Ok(()) => Ok(see_other(&format!("{PAGE}?notice={notice}"))),
        Err(e) => {
            let (status, words) = refusal(ctx, &e)?;
            page_of(browser, ctx, user, status, None, Some(words)).await
        }
    }
}

/// `POST /account/mfa/preference` (field `factor`: `totp`, `sms` or `email`): that factor on
/// and asked first; the others that are on stay on.
pub async fn preference_post(
    State(state): State<AppState>,
    session: Session,
    body: Bytes,
) -> Response {
    let browser = BrowserSession::new(session);
    let ctx = PageContext::for_request();
    let result = async {
        let (user, form) = match poster(&state, &browser, &ctx, &body).await? {
            Ok(found) => found,
            Err(response) => return Ok(response),
        };
        let Some(chosen) = form.get("factor").and_then(|f| pool_name(f)) else {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                crate::web::page::Msg::FormIncomplete,
            ));
        };
        prefer(&browser, &ctx, &user, chosen, "preferred").await
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// `POST /account/mfa/off`: every factor off, where the pool's configuration allows it (a pool
/// that requires MFA refuses, and the page says so).
pub async fn off_post(State(state): State<AppState>, session: Session, body: Bytes) -> Response {
    let browser = BrowserSession::new(session);
    let ctx = PageContext::for_request();
    let result = async {
        let user = match poster(&state, &browser, &ctx, &body).await? {
            Ok((user, _)) => user,
            Err(response) => return Ok(response),
        };
        let status = account_pool::mfa_status(&user.pool.pool, &user.access_token)
            .await
            .map_err(|e| PageError::unavailable(&e.message))?;
        let result =
            account_pool::set_mfa_preference(&user.pool.pool, &user.access_token, all_off(&status))
                .await;
        user.audit("SetUserMFAPreference", &result);
        match result {
            Ok(()) => Ok(see_other("/account/mfa?notice=off")),
            Err(e) => {
                let (status, words) = refusal(&ctx, &e)?;
                page_of(&browser, &ctx, &user, status, None, Some(words)).await
            }
        }
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}
