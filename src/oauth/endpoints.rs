//! HTTP handlers for the OAuth 2.0 / OIDC endpoints (Cognito's URL contract). Each one extracts,
//! calls the protocol logic, and maps the outcome to a response; nothing else.
//!
//! ```text
//! GET       /oauth2/authorize            authorize_get   → 302 code | 303 sign-in page | 400 page
//! POST      /oauth2/token                token_post      → JSON tokens | RFC 6749 §5.2 error
//! GET|POST  /oauth2/userInfo             userinfo        → JSON claims | 401 invalid_token
//! POST      /oauth2/revoke               revoke_post     → 200 | RFC 7009 error
//! GET       /logout                      logout_get      → 302 registered URI | signed-out page
//!                                                          | 302 upstream logout (OIDC, SAML SLO)
//! GET       /.well-known/openid-configuration, /.well-known/jwks.json
//! ```

use crate::flow::begin::{self, Shortcut};
use crate::flow::finish::{self, Origin};
use crate::flow::{Mode, Next};
use crate::hosted_ui::finish::{Arrived, respond};
use crate::hosted_ui::pages;
use crate::oauth::authorize::{self, AuthorizeError, Prompt};
use crate::oauth::error::OAuthError;
use crate::oauth::grants::{self, FormParams};
use crate::redirect_uri::with_query;
use crate::security::storage_hash;
use crate::state::AppState;
use crate::telemetry::audit;
use crate::web::branding;
use crate::web::browser::BrowserSession;
use crate::web::client::RequestOrigin;
use crate::web::page::Msg;
use crate::web::respond::{authorization, found, json_document, no_store, see_other};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tower_sessions::Session;

#[tracing::instrument(name = "authorize", skip_all)]
pub async fn authorize_get(
    State(state): State<AppState>,
    session: Session,
    RequestOrigin(came_from): RequestOrigin,
    RawQuery(query): RawQuery,
) -> Response {
    let query = query.unwrap_or_default();
    // A registered app's pages wear its branding, its refusals included.
    branding::follow(
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(name, _)| name == "client_id")
            .and_then(|(_, id)| state.branding.for_app(&id)),
    );
    let request = match authorize::validate(&query, &state.apps) {
        Ok(request) => request,
        Err(AuthorizeError::Page(message)) => {
            // Not `message`: that is the event's own, and JSON logs would hold the key twice.
            tracing::info!(reason = %message, "authorize request refused with a page");
            return pages::error(StatusCode::BAD_REQUEST, Msg::AuthorizeRefused(message));
        }
        Err(AuthorizeError::Redirect {
            redirect_uri,
            state: app_state,
            code,
            description,
        }) => {
            tracing::info!(error = %code, "authorize request refused with a redirect");
            return found(&authorize::error_redirect(
                &state.settings.issuer,
                &redirect_uri,
                app_state.as_deref(),
                code,
                &description,
            ));
        }
    };
    let browser = BrowserSession::new(session);
    // The SSO session matters unless the app insists on a fresh sign-in.
    let sso = match request.prompt {
        Prompt::Login => None,
        _ => match browser.sso_session(&*state.store).await {
            Ok(sso) => sso,
            Err(e) => return pages::unavailable(&e),
        },
    };
    let next = match begin::shortcut(&state, &request, sso) {
        Shortcut::LoginRequired(next) => next,
        Shortcut::Signed(sso) => {
            let binding = match browser.binding().await {
                Ok(binding) => binding,
                Err(e) => return pages::unavailable(&e),
            };
            let mode = match request.prompt {
                Prompt::None => Mode::Silent,
                _ => Mode::Interactive,
            };
            let origin = Origin::Sso {
                binding_hash: storage_hash(&binding),
            };
            let mut request = request.into_auth_request(String::new());
            request.origin = Some(came_from.clone());
            // The code, and the family it becomes, remember the sign-in (for /logout).
            request.sso_session = match browser.sso_session_id().await {
                Ok(id) => id,
                Err(e) => return pages::unavailable(&e),
            };
            finish::complete(&state, origin, request, sso.identity, sso.auth_time, mode).await
        }
        shortcut @ (Shortcut::SignIn | Shortcut::Passive) => {
            let binding = match browser.binding().await {
                Ok(binding) => binding,
                Err(e) => return pages::unavailable(&e),
            };
            let request = match shortcut {
                Shortcut::Passive => begin::passive(request),
                _ => request,
            };
            match begin::store(&state, request, storage_hash(&binding), Some(came_from)).await {
                Ok(next) => next,
                Err(e) => return pages::unavailable(&e),
            }
        }
    };
    // A code or an error goes to the app with a 302 (RFC 6749 §4.1.2); a sign-in page with a
    // 303, as before.
    match next {
        Next::ToPage(location) => see_other(&location),
        next => respond(next, Arrived::ByGet),
    }
}

/// The form body of a token or revocation request (RFC 6749 §3.2: form-encoded, no repeats).
fn form_params(headers: &HeaderMap, body: &[u8]) -> Result<FormParams, OAuthError> {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(OAuthError::invalid_request(
            "Content-Type must be application/x-www-form-urlencoded",
        ));
    }
    FormParams::parse(body)
}

#[tracing::instrument(name = "token", skip_all)]
pub async fn token_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let result = match form_params(&headers, &body) {
        Ok(params) => grants::token(state.oauth(), authorization(&headers), &params).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(tokens) => no_store(Json(tokens).into_response()),
        Err(e) => {
            tracing::info!(error = %e.code, description = %e.description, "token request refused");
            e.into_response()
        }
    }
}

#[tracing::instrument(name = "userinfo", skip_all)]
pub async fn userinfo(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match grants::userinfo(state.oauth(), authorization(&headers)).await {
        Ok(claims) => no_store(Json(claims).into_response()),
        Err(e) => e.into_response(),
    }
}

#[tracing::instrument(name = "revoke", skip_all)]
pub async fn revoke_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let result = match form_params(&headers, &body) {
        Ok(params) => grants::revoke(state.oauth(), authorization(&headers), &params).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => no_store(StatusCode::OK.into_response()),
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
pub struct LogoutParams {
    client_id: Option<String>,
    logout_uri: Option<String>,
    redirect_uri: Option<String>,
    response_type: Option<String>,
    state: Option<String>,
    scope: Option<String>,
    id_token_hint: Option<String>,
    post_logout_redirect_uri: Option<String>,
}

#[derive(Deserialize)]
struct HintClaims {
    aud: String,
}

pub use crate::hosted_ui::logout::LogoutOutcome;

/// Where the app asked to go, if that place is registered for it (no open redirect).
fn logout_outcome(state: &AppState, params: &LogoutParams) -> LogoutOutcome {
    // OIDC RP-initiated logout: the hint names the app, even when it has expired.
    if let Some(target) = params.post_logout_redirect_uri.as_deref() {
        let from_hint = params
            .id_token_hint
            .as_deref()
            .and_then(|hint| state.keys.verify::<HintClaims>(hint, true).ok())
            .map(|claims| claims.aud);
        let client_id = match (from_hint, params.client_id.as_deref()) {
            (Some(aud), Some(id)) if aud != id => None,
            (Some(aud), _) => Some(aud),
            (None, Some(id)) if params.id_token_hint.is_none() => Some(id.to_string()),
            (None, _) => None,
        };
        let app = client_id.as_deref().and_then(|id| state.apps.get(id));
        if app.is_some_and(|app| app.logout_uris.allows(target)) {
            return LogoutOutcome::Redirect(match params.state.as_deref() {
                Some(s) => with_query(target, &[("state", s)]),
                None => target.to_string(),
            });
        }
        return LogoutOutcome::SignedOut(None);
    }

    let Some(app) = params
        .client_id
        .as_deref()
        .and_then(|id| state.apps.get(id))
    else {
        return LogoutOutcome::SignedOut(None);
    };
    // Cognito: `client_id` + registered `logout_uri`.
    if let Some(target) = params.logout_uri.as_deref() {
        if app.logout_uris.allows(target) {
            return LogoutOutcome::Redirect(target.to_string());
        }
        return LogoutOutcome::SignedOut(Some(app.client_id.clone()));
    }
    // Cognito: `client_id` + `redirect_uri` + `response_type` signs in again (as someone else);
    // the authorize endpoint validates the redirect URI like any other request.
    if let (Some(redirect_uri), Some(response_type)) = (&params.redirect_uri, &params.response_type)
    {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.append_pair("client_id", &app.client_id);
        query.append_pair("redirect_uri", redirect_uri);
        query.append_pair("response_type", response_type);
        if let Some(s) = &params.state {
            query.append_pair("state", s);
        }
        if let Some(s) = &params.scope {
            query.append_pair("scope", s);
        }
        return LogoutOutcome::Reauthorize(format!("/oauth2/authorize?{}", query.finish()));
    }
    LogoutOutcome::SignedOut(Some(app.client_id.clone()))
}

/// Ends the single sign-on session, then goes where the app asked only if that place is
/// registered for it; otherwise it shows the signed-out page (no open redirect). When the user
/// signed in upstream at a provider with federated logout, the browser visits that provider's
/// logout first and comes back to `/logout/done`, which finishes the same way.
#[tracing::instrument(name = "logout", skip_all)]
pub async fn logout_get(
    State(state): State<AppState>,
    session: Session,
    axum::extract::Query(params): axum::extract::Query<LogoutParams>,
) -> Response {
    let outcome = logout_outcome(&state, &params);
    let browser = BrowserSession::new(session);
    let sso = match browser.sso_session(&*state.store).await {
        Ok(sso) => sso,
        Err(e) => return pages::unavailable(&e),
    };
    if let Err(e) = end_sign_in_tokens(&state, &browser).await {
        return pages::unavailable(&e);
    }
    if let Err(e) = browser.sign_out(&*state.store).await {
        return pages::unavailable(&e);
    }
    if let Some(sso) = &sso {
        // The app only when the request named a registered one.
        let app = params
            .client_id
            .as_deref()
            .and_then(|id| state.apps.get(id))
            .map(|app| app.client_id.as_str());
        audit::logout(app, &sso.identity);
    }
    // A SAML IdP with single logout gets a signed LogoutRequest; the answer finishes at
    // `outcome` (hosted_ui::saml_logout).
    #[cfg(feature = "saml")]
    if let Some(sso) = &sso
        && let Some(response) =
            crate::hosted_ui::saml_logout::send_to_idp(&state, &browser, &sso.identity, &outcome)
                .await
    {
        return response;
    }
    let provider = sso.map(|s| s.identity.provider);
    let return_to = format!("{}/logout/done", state.settings.issuer);
    let upstream = match provider.as_deref().and_then(|p| state.providers.get(p)) {
        Some(provider) => provider.logout_url(&return_to).await,
        None => None,
    };
    let Some(upstream) = upstream else {
        return outcome.respond(&state);
    };
    if let Err(e) = browser.inner().insert(AFTER_LOGOUT, &outcome).await {
        return pages::unavailable(&e);
    }
    found(&upstream)
}

const AFTER_LOGOUT: &str = "after_logout";

/// Signing out ends what it says: the refresh families issued through this browser's sign-in
/// (and so their access tokens) end with it, for every app with `logout_revokes_tokens`.
/// Cognito's `/logout` leaves them alive.
async fn end_sign_in_tokens(
    state: &AppState,
    browser: &BrowserSession,
) -> Result<(), crate::web::browser::SessionError> {
    let Some(sso_session) = browser.sso_session_id().await? else {
        return Ok(());
    };
    let keep: Vec<String> = state
        .apps
        .iter()
        .filter(|app| !app.logout_revokes_tokens)
        .map(|app| app.client_id.clone())
        .collect();
    let revoked = state
        .store
        .revoke_sso_session_families(&sso_session, &keep, time::OffsetDateTime::now_utc())
        .await?;
    if revoked > 0 {
        tracing::info!(families = revoked, "signed out; refresh tokens revoked");
    }
    Ok(())
}

/// The return from an upstream provider's logout: finish where `/logout` decided.
pub async fn logout_done_get(State(state): State<AppState>, session: Session) -> Response {
    match session.remove::<LogoutOutcome>(AFTER_LOGOUT).await {
        Ok(Some(outcome)) => outcome.respond(&state),
        _ => pages::signed_out(None),
    }
}

pub async fn discovery_get(State(state): State<AppState>) -> Response {
    json_document(state.discovery.clone())
}

pub async fn jwks_get(State(state): State<AppState>) -> Response {
    json_document(state.keys.jwks())
}
