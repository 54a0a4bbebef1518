//! The devices page of a Cognito pool user: the devices the pool remembers (those spared the
//! MFA step), with their name, when they were last used and the address the pool last saw
//! them from, and forgetting one, after which its next sign-in is asked for MFA again.
//!
//! ```text
//! GET  /account/devices         devices_get  → the page | 303 sign-in
//! POST /account/devices/forget  forget_post  → 303 /account/devices?notice=forgotten | 404 page
//! ```
//!
//! A device is named by the pool's device key; the pool looks it up among the token's user's
//! own devices only, so another user's key is simply not found.

use super::pages::when;
use super::pool_user::{Gate, PagePoolUser as PoolUser, gate};
use crate::account_pool::{self, Device};
use crate::state::AppState;
use crate::web::browser::BrowserSession;
use crate::web::i18n::filters;
use crate::web::page::{self, Msg, PageContext, PageError};
use crate::web::respond::see_other;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tower_sessions::Session;

const PAGE: &str = "/account/devices";
/// One page of the pool's list is all the page shows (Cognito's own maximum).
const LIMIT: i32 = 60;

#[derive(Template)]
#[template(path = "account_devices.html")]
pub struct DevicesPage<'a> {
    pub csrf: &'a str,
    /// Not a pool user: where the account is managed; nothing else is shown.
    pub elsewhere: Option<String>,
    pub devices: Vec<DeviceRow>,
    pub notice: Option<String>,
    pub error: Option<String>,
}

pub struct DeviceRow {
    pub key: String,
    pub name: String,
    pub last_seen: Option<String>,
    /// `last_ip_used`, when the pool keeps it: the hint of where the device was.
    pub address: Option<String>,
}

fn row(ctx: &PageContext, device: Device) -> DeviceRow {
    let attribute = |name: &str| {
        device
            .attributes
            .iter()
            .find(|(n, v)| n == name && !v.is_empty())
            .map(|(_, v)| v.clone())
    };
    let seen = device
        .last_authenticated
        .or(device.last_modified)
        .or(device.created);
    DeviceRow {
        name: attribute("device_name").unwrap_or_else(|| ctx.text("account-device-unnamed")),
        address: attribute("last_ip_used"),
        // Whole seconds are all a page shows.
        #[allow(clippy::cast_possible_truncation)]
        last_seen: seen.map(|t| when(t as i64)),
        key: device.key,
    }
}

#[derive(Deserialize)]
pub struct Notice {
    notice: Option<String>,
}

pub async fn devices_get(
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
        let notice = (query.notice.as_deref() == Some("forgotten"))
            .then(|| ctx.text("account-devices-notice-forgotten"));
        page_of(&browser, &ctx, &user, StatusCode::OK, notice, None).await
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn csrf(browser: &BrowserSession) -> Result<String, PageError> {
    browser
        .csrf_token()
        .await
        .map_err(|e| PageError::unavailable(&e))
}

async fn elsewhere(
    browser: &BrowserSession,
    ctx: &PageContext,
    words: String,
) -> Result<Response, PageError> {
    let csrf = csrf(browser).await?;
    Ok(page::render(
        ctx,
        StatusCode::OK,
        &DevicesPage {
            csrf: &csrf,
            elsewhere: Some(words),
            devices: Vec::new(),
            notice: None,
            error: None,
        },
    ))
}

async fn page_of(
    browser: &BrowserSession,
    ctx: &PageContext,
    user: &PoolUser<'_>,
    status: StatusCode,
    notice: Option<String>,
    error: Option<String>,
) -> Result<Response, PageError> {
    let (devices, _) =
        account_pool::list_devices(&user.pool.pool, &user.access_token, Some(LIMIT), None)
            .await
            .map_err(|e| PageError::unavailable(&e.message))?;
    let csrf = csrf(browser).await?;
    Ok(page::render(
        ctx,
        status,
        &DevicesPage {
            csrf: &csrf,
            elsewhere: None,
            devices: devices.into_iter().map(|d| row(ctx, d)).collect(),
            notice,
            error,
        },
    ))
}

/// `POST /account/devices/forget` (field `device`: the device key).
pub async fn forget_post(State(state): State<AppState>, session: Session, body: Bytes) -> Response {
    let browser = BrowserSession::new(session);
    let ctx = PageContext::for_request();
    let result = async {
        let form = browser.checked_form(&body).await?;
        let Some(key) = form.get("device").filter(|k| !k.is_empty()) else {
            return Err(PageError::new(StatusCode::BAD_REQUEST, Msg::FormIncomplete));
        };
        let user = match gate(&state, &browser, &ctx, PAGE, false).await? {
            Gate::Pool(user) => user,
            Gate::SignIn(response) => return Ok(response),
            Gate::Elsewhere(words) => return elsewhere(&browser, &ctx, words).await,
        };
        let result = account_pool::forget_device(&user.pool.pool, &user.access_token, key).await;
        user.audit("ForgetDevice", &result);
        match result {
            Ok(()) => Ok(see_other("/account/devices?notice=forgotten")),
            Err(e) if e.kind == "InternalErrorException" => Err(PageError::unavailable(&e.message)),
            // Not one of the user's devices (or not a device key at all).
            Err(_) => {
                let words = ctx.text("account-device-not-found");
                page_of(
                    &browser,
                    &ctx,
                    &user,
                    StatusCode::NOT_FOUND,
                    None,
                    Some(words),
                )
                .await
            }
        }
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}
