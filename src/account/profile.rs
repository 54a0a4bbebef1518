//! A pool user's profile: the editable attributes (`[account] editable_attributes`) in a form,
//! saved with `UpdateUserAttributes`; a changed email or phone number then goes to the code
//! page (`VerifyUserAttribute`, a new code with `GetUserAttributeVerificationCode`), and the
//! pool keeps it unverified until the code comes back. Wrong codes count against the account's
//! attempts (`account_attempts_per_user`).
//!
//! ```text
//! GET  /account/profile          profile_get  → the form | 303 sign-in
//! POST /account/profile          profile_post → 303 /account/verify?attribute=… | /account/profile?notice=saved | the form, refused
//! GET  /account/verify           verify_get   → the code form
//! POST /account/verify           verify_post  → 303 /account/profile?notice=verified | the form, refused
//! POST /account/verify/resend    resend_post  → 303 /account/verify?attribute=…&notice=sent
//! ```

use super::pages::{BACK, Back};
use super::pool_user::{PagePoolUser, pool_user, refusal, sign_in};
use crate::account_pool::{self, AccountError};
use crate::hosted_ui::words::{Say, StandardAttribute};
use crate::state::AppState;
use crate::web::browser::BrowserSession;
use crate::web::i18n::filters;
use crate::web::page::{self, Msg, PageContext, PageError};
use crate::web::respond::see_other;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use tower_sessions::Session;

const PROFILE: &str = "/account/profile";

/// The attributes verified by a code.
const VERIFIED_BY_CODE: &[&str] = &["email", "phone_number"];

#[derive(Template)]
#[template(path = "account_profile.html")]
pub struct ProfilePage<'a> {
    pub csrf: &'a str,
    pub back: Option<Back>,
    pub fields: Vec<Field>,
    pub error: Option<String>,
    pub notice: Option<String>,
}

pub struct Field {
    pub name: String,
    pub label: String,
    pub input_type: &'static str,
    pub value: String,
    /// For an email or phone number: whether the pool counts it verified.
    pub verified: Option<bool>,
}

#[derive(Template)]
#[template(path = "account_profile_verify.html")]
pub struct VerifyPage<'a> {
    pub csrf: &'a str,
    pub back: Option<Back>,
    pub attribute: &'a str,
    pub lead: String,
    pub error: Option<String>,
    pub notice: Option<String>,
}

/// A page's one query parameter (`notice`, `attribute`), refused when repeated.
fn query_param(raw: Option<&str>, wanted: &str) -> Result<Option<String>, PageError> {
    let mut found = None;
    for (name, value) in url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        if name == wanted && found.replace(value.into_owned()).is_some() {
            return Err(PageError::new(StatusCode::BAD_REQUEST, Msg::FormIncomplete));
        }
    }
    Ok(found)
}

fn label(lang: &str, name: &str) -> String {
    match StandardAttribute::from_name(name) {
        Some(attribute) => Say::Attribute(attribute).text(lang),
        None => name.trim_start_matches("custom:").replace('_', " "),
    }
}

async fn csrf_and_back(browser: &BrowserSession) -> Result<(String, Option<Back>), PageError> {
    let csrf = browser
        .csrf_token()
        .await
        .map_err(|e| PageError::unavailable(&e))?;
    let back = browser.inner().get::<Back>(BACK).await.ok().flatten();
    Ok((csrf, back))
}

/// The user's attributes as the pool has them now, or the response for a token the pool no
/// longer takes (signed in again).
async fn current_attributes(
    state: &AppState,
    browser: &BrowserSession,
    user: &PagePoolUser<'_>,
    return_to: &str,
) -> Result<HashMap<String, String>, Response> {
    match user.pool.pool.get_user(&user.access_token).await {
        Ok((_, attributes)) => Ok(attributes.into_iter().collect()),
        Err(crate::connectors::cognito::pool_api::PoolError::NotAuthorized) => {
            Err(sign_in(state, browser, return_to, Some(&user.identity)).await)
        }
        Err(e) => {
            tracing::warn!(error = %e, "GetUser for the profile page failed");
            Err(PageError::new(StatusCode::SERVICE_UNAVAILABLE, Msg::Unavailable).into())
        }
    }
}

fn fields(state: &AppState, lang: &str, attributes: &HashMap<String, String>) -> Vec<Field> {
    state
        .settings
        .account
        .editable_attributes
        .iter()
        .map(|name| Field {
            name: name.clone(),
            label: label(lang, name),
            input_type: match name.as_str() {
                "email" => "email",
                "phone_number" => "tel",
                _ => "text",
            },
            value: attributes.get(name).cloned().unwrap_or_default(),
            verified: VERIFIED_BY_CODE
                .contains(&name.as_str())
                .then(|| {
                    attributes
                        .get(&format!("{name}_verified"))
                        .map(String::as_str)
                        == Some("true")
                })
                .filter(|_| attributes.contains_key(name)),
        })
        .collect()
}

/// `GET /account/profile`
pub async fn profile_get(
    State(state): State<AppState>,
    session: Session,
    RawQuery(raw): RawQuery,
) -> Response {
    let browser = BrowserSession::new(session);
    let result: Result<Response, PageError> = async {
        let notice = query_param(raw.as_deref(), "notice")?;
        let user = match pool_user(&state, &browser, PROFILE).await {
            Ok(user) => user,
            Err(response) => return Ok(response),
        };
        let attributes = match current_attributes(&state, &browser, &user, PROFILE).await {
            Ok(found) => found,
            Err(response) => return Ok(response),
        };
        let ctx = PageContext::for_request();
        let notice = match notice.as_deref() {
            Some("saved") => Some(ctx.text("account-profile-saved")),
            Some("unchanged") => Some(ctx.text("account-profile-unchanged")),
            Some("verified") => Some(ctx.text("account-verified")),
            _ => None,
        };
        let (csrf, back) = csrf_and_back(&browser).await?;
        Ok::<_, PageError>(page::render(
            &ctx,
            StatusCode::OK,
            &ProfilePage {
                csrf: &csrf,
                back,
                fields: fields(&state, ctx.lang, &attributes),
                error: None,
                notice,
            },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// `POST /account/profile`: the changed editable attributes go to the pool; an empty field
/// leaves its attribute as it is.
pub async fn profile_post(
    State(state): State<AppState>,
    session: Session,
    body: Bytes,
) -> Response {
    let browser = BrowserSession::new(session);
    let result: Result<Response, PageError> = async {
        let form = browser.checked_form(&body).await?;
        let user = match pool_user(&state, &browser, PROFILE).await {
            Ok(user) => user,
            Err(response) => return Ok(response),
        };
        let attributes = match current_attributes(&state, &browser, &user, PROFILE).await {
            Ok(found) => found,
            Err(response) => return Ok(response),
        };
        let changed: Vec<(String, String)> = state
            .settings
            .account
            .editable_attributes
            .iter()
            .filter_map(|name| {
                let value = form.get(name)?.trim();
                let unchanged = attributes.get(name).map(String::as_str) == Some(value);
                (!value.is_empty() && !unchanged).then(|| (name.clone(), value.to_string()))
            })
            .collect();
        if changed.is_empty() {
            return Ok(see_other("/account/profile?notice=unchanged"));
        }
        let result = account_pool::update_user_attributes(
            &user.pool.pool,
            &user.access_token,
            &changed,
            None,
        )
        .await;
        user.audit("UpdateUserAttributes", &result);
        let ctx = PageContext::for_request();
        if let Err(e) = result {
            let (status, error) = refusal(ctx.lang, &e)?;
            // The form again, with what the user typed.
            let mut shown = attributes;
            shown.extend(changed);
            let (csrf, back) = csrf_and_back(&browser).await?;
            return Ok(page::render(
                &ctx,
                status,
                &ProfilePage {
                    csrf: &csrf,
                    back,
                    fields: fields(&state, ctx.lang, &shown),
                    error: Some(error),
                    notice: None,
                },
            ));
        }
        let to_verify = changed
            .iter()
            .find(|(name, _)| VERIFIED_BY_CODE.contains(&name.as_str()));
        Ok(match to_verify {
            Some((name, _)) => see_other(&format!("/account/verify?attribute={name}")),
            None => see_other("/account/profile?notice=saved"),
        })
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// The attribute a code page is for: `email` or `phone_number` only.
fn attribute_asked(value: Option<&str>) -> Result<&'static str, PageError> {
    value
        .and_then(|v| VERIFIED_BY_CODE.iter().copied().find(|a| *a == v))
        .ok_or_else(|| PageError::new(StatusCode::BAD_REQUEST, Msg::FormIncomplete))
}

async fn verify_page(
    browser: &BrowserSession,
    status: StatusCode,
    attribute: &str,
    error: Option<String>,
    notice: Option<String>,
) -> Result<Response, PageError> {
    let ctx = PageContext::for_request();
    let lead = ctx.text(if attribute == "email" {
        "account-verify-lead-email"
    } else {
        "account-verify-lead-phone"
    });
    let (csrf, back) = csrf_and_back(browser).await?;
    Ok(page::render(
        &ctx,
        status,
        &VerifyPage {
            csrf: &csrf,
            back,
            attribute,
            lead,
            error,
            notice,
        },
    ))
}

fn verify_path(attribute: &str) -> String {
    format!("/account/verify?attribute={attribute}")
}

/// `GET /account/verify?attribute=email`
pub async fn verify_get(
    State(state): State<AppState>,
    session: Session,
    RawQuery(raw): RawQuery,
) -> Response {
    let browser = BrowserSession::new(session);
    let result: Result<Response, PageError> = async {
        let attribute = attribute_asked(query_param(raw.as_deref(), "attribute")?.as_deref())?;
        let notice = query_param(raw.as_deref(), "notice")?;
        if let Err(response) = pool_user(&state, &browser, &verify_path(attribute)).await {
            return Ok(response);
        }
        let notice = (notice.as_deref() == Some("sent"))
            .then(|| PageContext::for_request().text("account-code-resent"));
        verify_page(&browser, StatusCode::OK, attribute, None, notice).await
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// The pool user and the attribute a verification form (code or resend) acts for, once its
/// CSRF token checks out, with the whole form; or the response instead (sign in first).
async fn verification_form<'a>(
    state: &'a AppState,
    browser: &BrowserSession,
    body: &[u8],
) -> Result<Result<(PagePoolUser<'a>, &'static str, HashMap<String, String>), Response>, PageError>
{
    let form = browser.checked_form(body).await?;
    let attribute = attribute_asked(form.get("attribute").map(String::as_str))?;
    Ok(pool_user(state, browser, &verify_path(attribute))
        .await
        .map(|user| (user, attribute, form)))
}

/// The verification page again, saying why the pool refused.
async fn verify_refused(
    browser: &BrowserSession,
    attribute: &str,
    e: &AccountError,
) -> Result<Response, PageError> {
    let (status, error) = refusal(PageContext::for_request().lang, e)?;
    verify_page(browser, status, attribute, Some(error), None).await
}

/// `POST /account/verify`: the code proves the attribute.
pub async fn verify_post(State(state): State<AppState>, session: Session, body: Bytes) -> Response {
    let browser = BrowserSession::new(session);
    let result: Result<Response, PageError> = async {
        let (user, attribute, form) = match verification_form(&state, &browser, &body).await? {
            Ok(found) => found,
            Err(response) => return Ok(response),
        };
        let code = form.get("code").map(|c| c.trim()).unwrap_or_default();
        if code.is_empty() {
            let ctx = PageContext::for_request();
            let error = Say::FillEveryField.said(&ctx);
            return verify_page(
                &browser,
                StatusCode::BAD_REQUEST,
                attribute,
                Some(error),
                None,
            )
            .await;
        }
        let result = user
            .attempt(
                &state,
                account_pool::verify_user_attribute(
                    &user.pool.pool,
                    &user.access_token,
                    attribute,
                    code,
                ),
            )
            .await?;
        user.audit("VerifyUserAttribute", &result);
        match result {
            Ok(()) => Ok(see_other("/account/profile?notice=verified")),
            Err(e) => verify_refused(&browser, attribute, &e).await,
        }
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// `POST /account/verify/resend`: the pool sends a new code.
pub async fn resend_post(State(state): State<AppState>, session: Session, body: Bytes) -> Response {
    let browser = BrowserSession::new(session);
    let result: Result<Response, PageError> = async {
        let (user, attribute, _) = match verification_form(&state, &browser, &body).await? {
            Ok(found) => found,
            Err(response) => return Ok(response),
        };
        let result = account_pool::get_user_attribute_verification_code(
            &user.pool.pool,
            &user.access_token,
            attribute,
            None,
        )
        .await;
        user.audit("GetUserAttributeVerificationCode", &result);
        match result {
            Ok(_) => Ok(see_other(&format!(
                "{}&notice=sent",
                verify_path(attribute)
            ))),
            Err(e) => verify_refused(&browser, attribute, &e).await,
        }
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}
