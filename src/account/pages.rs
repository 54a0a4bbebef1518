//! The account pages: the profile and sessions page, ending one session, signing out
//! everywhere (after a recent enough sign-in). Thin handlers over [`super::sessions`].

use super::agent;
use super::sessions::{self, Current, Kind};
use super::signin::send_to_sign_in;
use crate::hosted_ui::words::{Say, StandardAttribute};
use crate::identity::Identity;
use crate::state::AppState;
use crate::store::SsoSession;
use crate::web::browser::BrowserSession;
use crate::web::i18n::filters;
use crate::web::page::{self, Msg, PageContext, PageError};
use crate::web::respond::see_other;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use tower_sessions::Session;

/// Where "back to the app" goes, once validated: kept in the browser session so every
/// account page shows it.
pub(super) const BACK: &str = "account_back";

#[derive(Clone, Serialize, Deserialize)]
pub struct Back {
    pub app: String,
    pub uri: String,
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage<'a> {
    pub csrf: &'a str,
    pub back: Option<Back>,
    pub username: &'a str,
    pub provider_name: &'a str,
    /// Who keeps the details: said in words already.
    pub managed: String,
    /// (label, value)
    pub details: Vec<(String, String)>,
    pub sessions: Vec<SessionRow>,
    pub notice: Option<String>,
    /// A Cognito pool user: the profile, password (and delete) pages are theirs to use.
    pub pool_user: bool,
    pub allow_delete: bool,
}

pub struct SessionRow {
    pub id: String,
    pub title: String,
    pub provider_name: String,
    pub signed_in: String,
    pub address: Option<String>,
    pub browser: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "account_everywhere.html")]
pub struct EverywherePage<'a> {
    pub csrf: &'a str,
    pub back: Option<Back>,
}

/// The browser's signed-in user: its SSO session id and what it holds.
pub(super) struct SignedIn {
    pub(super) sso_id: String,
    pub(super) sso: SsoSession,
}

pub(super) async fn signed_in(
    state: &AppState,
    browser: &BrowserSession,
) -> Result<Option<SignedIn>, PageError> {
    let unavailable = |e: crate::web::browser::SessionError| PageError::unavailable(&e);
    let Some(sso) = browser
        .sso_session(&*state.store)
        .await
        .map_err(unavailable)?
    else {
        return Ok(None);
    };
    let Some(sso_id) = browser.sso_session_id().await.map_err(unavailable)? else {
        return Ok(None);
    };
    Ok(Some(SignedIn { sso_id, sso }))
}

/// Whether a sign-in at `auth_time` is recent enough for a sensitive change.
pub fn recent_enough(state: &AppState, auth_time: i64) -> bool {
    let max = i64::try_from(state.settings.account.reauth_after.as_secs()).unwrap_or(i64::MAX);
    OffsetDateTime::now_utc()
        .unix_timestamp()
        .saturating_sub(auth_time)
        <= max
}

#[derive(Default)]
struct AccountQuery {
    client_id: Option<String>,
    redirect_uri: Option<String>,
    notice: Option<String>,
}

impl AccountQuery {
    /// `None` when a parameter is repeated (which one would count is ambiguous).
    fn parse(raw: &str) -> Option<Self> {
        let mut query = Self::default();
        for (name, value) in url::form_urlencoded::parse(raw.as_bytes()) {
            let slot = match name.as_ref() {
                "client_id" => &mut query.client_id,
                "redirect_uri" => &mut query.redirect_uri,
                "notice" => &mut query.notice,
                _ => continue,
            };
            if slot.replace(value.into_owned()).is_some() {
                return None;
            }
        }
        Some(query)
    }
}

/// The "back to the app" link `/account?client_id=…&redirect_uri=…` asks for, when that
/// redirect URI is registered for that app; else the refusal page (no open redirect).
fn back_asked(state: &AppState, query: &AccountQuery) -> Result<Option<Back>, PageError> {
    let refused = || PageError::new(StatusCode::BAD_REQUEST, Msg::AccountBackNotRegistered);
    match (&query.client_id, &query.redirect_uri) {
        (None, None) => Ok(None),
        (Some(client_id), Some(uri)) => {
            let app = state
                .apps
                .get(client_id)
                .filter(|app| app.client_id != super::ACCOUNT_CLIENT_ID)
                .ok_or_else(refused)?;
            if !app.redirect_uris.allows(uri) {
                tracing::info!(client_id = %app.client_id, "account back link to an unregistered URI refused");
                return Err(refused());
            }
            Ok(Some(Back {
                app: app.name.clone(),
                uri: uri.clone(),
            }))
        }
        _ => Err(refused()),
    }
}

pub async fn account_get(
    State(state): State<AppState>,
    session: Session,
    RawQuery(raw): RawQuery,
) -> Response {
    account(&state, BrowserSession::new(session), raw)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

async fn account(
    state: &AppState,
    browser: BrowserSession,
    raw: Option<String>,
) -> Result<Response, PageError> {
    let raw = raw.unwrap_or_default();
    let Some(query) = AccountQuery::parse(&raw) else {
        return Err(PageError::new(StatusCode::BAD_REQUEST, Msg::FormIncomplete));
    };
    let unavailable = |e: &dyn std::fmt::Display| PageError::unavailable(&e.to_string());
    let back = match back_asked(state, &query)? {
        Some(back) => {
            browser
                .inner()
                .insert(BACK, &back)
                .await
                .map_err(|e| unavailable(&e))?;
            Some(back)
        }
        None => browser.inner().get::<Back>(BACK).await.ok().flatten(),
    };
    let Some(me) = signed_in(state, &browser).await? else {
        let return_to = if raw.is_empty() {
            "/account".to_string()
        } else {
            format!("/account?{raw}")
        };
        return send_to_sign_in(state, &browser, &return_to, None).await;
    };
    let csrf = browser.csrf_token().await.map_err(|e| unavailable(&e))?;
    let listed = sessions::list(state, &me.sso.identity, Current::Browser(&me.sso_id))
        .await
        .map_err(|e| unavailable(&e))?;
    let ctx = PageContext::for_request();
    let identity = &me.sso.identity;
    let provider = state.providers.get(&identity.provider);
    let provider_name = provider.map_or(identity.provider.as_str(), |p| p.display_name.as_str());
    let pool_user = provider.is_some_and(|p| p.as_cognito().is_some());
    let mut shown = identity.clone();
    if pool_user && let Some(live) = super::pool_user::live_attributes(state, identity).await {
        for (name, value) in live {
            let value = match value.as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => Value::String(value),
            };
            shown.claims.insert(name, value);
        }
    }
    let managed = if provider.is_some_and(|p| p.as_local().is_some()) {
        ctx.text("account-managed-in-config")
    } else {
        crate::web::i18n::text(
            ctx.lang,
            "account-managed-at",
            &[("provider", provider_name.into())],
        )
    };
    let notice = match query.notice.as_deref() {
        Some("ended") => Some(ctx.text("account-notice-ended")),
        Some("password") => Some(ctx.text("account-password-changed")),
        _ => None,
    };
    let sessions = listed
        .into_iter()
        .map(|s| SessionRow {
            title: match s.kind {
                Kind::App => s.app.clone().unwrap_or_default(),
                Kind::Browser => ctx.text("account-session-browser-sign-in"),
            },
            signed_in: when(s.signed_in_at),
            browser: browser_words(&ctx, s.user_agent.as_deref()),
            id: s.id,
            provider_name: s.provider_name,
            address: s.address,
            current: s.current,
        })
        .collect();
    Ok(page::render(
        &ctx,
        StatusCode::OK,
        &AccountPage {
            csrf: &csrf,
            back,
            username: &identity.username,
            provider_name,
            managed,
            details: details(&ctx, &shown),
            sessions,
            notice,
            pool_user,
            allow_delete: state.settings.account.allow_delete,
        },
    ))
}

/// A time as the pages show it: UTC to the minute, in digits every language reads.
pub(super) fn when(unix: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(unix) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02} {:02}:{:02} UTC",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute()
        ),
        Err(_) => String::new(),
    }
}

fn browser_words(ctx: &PageContext, user_agent: Option<&str>) -> String {
    let summary = user_agent.map(agent::summarise);
    match summary {
        Some(agent::Summary {
            browser: Some(browser),
            system: Some(system),
        }) => crate::web::i18n::text(
            ctx.lang,
            "account-browser-on",
            &[("browser", browser.into()), ("system", system.into())],
        ),
        Some(agent::Summary {
            browser: Some(name),
            system: None,
        })
        | Some(agent::Summary {
            browser: None,
            system: Some(name),
        }) => name.to_string(),
        _ => ctx.text("account-browser-unknown"),
    }
}

/// The claims a person recognises, labelled in the page's language; other claims under their
/// own names. Objects and lists are left out (addresses, groups).
fn details(ctx: &PageContext, identity: &Identity) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = identity
        .claims
        .iter()
        .filter(|(name, _)| !name.contains(':') && name.as_str() != "sub")
        .filter_map(|(name, value)| {
            let value = match value {
                Value::String(s) => s.clone(),
                Value::Bool(true) => ctx.text("account-yes"),
                Value::Bool(false) => ctx.text("account-no"),
                Value::Number(n) => n.to_string(),
                _ => return None,
            };
            let label = match name.as_str() {
                "email_verified" => ctx.text("account-email-verified"),
                "phone_number_verified" => ctx.text("account-phone-verified"),
                other => StandardAttribute::from_name(other)
                    .map_or_else(|| other.to_string(), |a| Say::Attribute(a).said(ctx)),
            };
            Some((label, value))
        })
        .collect();
    rows.sort();
    rows
}

/// `POST /account/sessions/end`: ends one of the user's sessions (form field `session`).
pub async fn end_post(State(state): State<AppState>, session: Session, body: Bytes) -> Response {
    end(&state, BrowserSession::new(session), &body)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

async fn end(
    state: &AppState,
    browser: BrowserSession,
    body: &[u8],
) -> Result<Response, PageError> {
    let form = browser.checked_form(body).await?;
    let Some(handle) = form.get("session") else {
        return Err(PageError::new(StatusCode::BAD_REQUEST, Msg::FormIncomplete));
    };
    let Some(me) = signed_in(state, &browser).await? else {
        return Ok(see_other("/account"));
    };
    let identity = &me.sso.identity;
    let ended = sessions::end_one(state, identity, handle)
        .await
        .map_err(|e| PageError::unavailable(&e))?;
    let Some(ended) = ended else {
        return Err(PageError::new(
            StatusCode::NOT_FOUND,
            Msg::AccountNoSuchSession,
        ));
    };
    ended.audit(identity, "page");
    // Ending this browser's own sign-in signs it out.
    let still_signed_in = signed_in(state, &browser).await?.is_some();
    if !still_signed_in {
        return signed_out(state, &browser).await;
    }
    Ok(see_other("/account?notice=ended"))
}

/// The signed-out page, naming the app the user came from; the browser session is emptied.
pub(super) async fn signed_out(
    state: &AppState,
    browser: &BrowserSession,
) -> Result<Response, PageError> {
    let back = browser.inner().get::<Back>(BACK).await.ok().flatten();
    browser
        .sign_out(&*state.store)
        .await
        .map_err(|e| PageError::unavailable(&e))?;
    Ok(page::signed_out(back.as_ref().map(|b| b.app.as_str())))
}

/// `GET /account/sign-out-everywhere`: the confirmation (where a fresh sign-in comes back to).
pub async fn everywhere_get(State(state): State<AppState>, session: Session) -> Response {
    let browser = BrowserSession::new(session);
    let result = async {
        let Some(me) = signed_in(&state, &browser).await? else {
            return send_to_sign_in(&state, &browser, EVERYWHERE, None).await;
        };
        let _ = me;
        let csrf = browser
            .csrf_token()
            .await
            .map_err(|e| PageError::unavailable(&e))?;
        let back = browser.inner().get::<Back>(BACK).await.ok().flatten();
        Ok(page::render(
            &PageContext::for_request(),
            StatusCode::OK,
            &EverywherePage { csrf: &csrf, back },
        ))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

const EVERYWHERE: &str = "/account/sign-out-everywhere";

/// `POST /account/sign-out-everywhere`: every session of the user ends, once their sign-in is
/// recent enough (`account.reauth_after`); an older one signs in again first and comes back
/// to the confirmation.
pub async fn everywhere_post(
    State(state): State<AppState>,
    session: Session,
    body: Bytes,
) -> Response {
    let browser = BrowserSession::new(session);
    let result = async {
        browser.checked_form(&body).await?;
        let Some(me) = signed_in(&state, &browser).await? else {
            return send_to_sign_in(&state, &browser, EVERYWHERE, None).await;
        };
        let identity = &me.sso.identity;
        if !recent_enough(&state, me.sso.auth_time) {
            tracing::info!("sign-out everywhere needs a fresh sign-in first");
            return send_to_sign_in(&state, &browser, EVERYWHERE, Some(identity)).await;
        }
        let done = sessions::end_everywhere(&state, identity)
            .await
            .map_err(|e| PageError::unavailable(&e))?;
        done.audit(identity, "page");
        signed_out(&state, &browser).await
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}
