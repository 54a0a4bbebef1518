//! SAML single logout's pages, at authgate's SingleLogoutService `/saml2/logout/{provider}`
//! and from `/logout`; the message checks are `connectors::saml::logout`'s.
//!
//! - SP-initiated: `/logout` ends the local session first (SSO cookie, families), then sends
//!   the browser to the IdP with a signed LogoutRequest and keeps its ID with where `/logout`
//!   decided to finish, in the fresh browser session and in the store. The IdP's
//!   LogoutResponse must answer that ID, and then the browser goes where `/logout` decided:
//!   by the Redirect binding (a top-level GET: the SameSite=Lax cookie is sent) the browser
//!   session's copy is used; by the POST binding (cross-site: no cookie) the store's, found by
//!   the answer's `InResponseTo` and taken once. A lost or refused answer leaves nothing
//!   alive: it only costs the redirect (the signed-out page instead).
//! - IdP-initiated: a signed LogoutRequest (Redirect or POST) ends the SSO sessions of its
//!   NameID (and SessionIndex) at this provider, with their refresh families per app's
//!   `logout_revokes_tokens`, whichever browser they live in; the IdP gets a signed
//!   LogoutResponse. A refused request ends nothing: an audit line, a counted reason, a page.
//!
//! The POST handler takes no `Session`, as the ACS: a cross-site POST carries no cookie, and
//! a session touched here would answer with a new one.

use crate::connectors::saml::logout::{self, Incoming, Kind};
use crate::connectors::saml::request::new_request_id;
use crate::connectors::saml::{Refusal, SamlProfile};
use crate::hosted_ui::logout::LogoutOutcome;
use crate::hosted_ui::pages;
use crate::identity::Identity;
use crate::state::AppState;
use crate::telemetry::{audit, meter};
use crate::web::browser::BrowserSession;
use crate::web::page::Msg;
use crate::web::respond::found;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use time::OffsetDateTime;
use tower_sessions::Session;

/// The browser-session key of a LogoutRequest waiting for its LogoutResponse.
const PENDING: &str = "saml_logout";
/// How long a sent LogoutRequest waits for its answer.
const PENDING_TTL: time::Duration = time::Duration::minutes(10);

#[derive(Serialize, Deserialize)]
struct Pending {
    provider: String,
    request_id: String,
    outcome: LogoutOutcome,
    /// Unix seconds.
    expires_at: i64,
}

/// The profile in force for `provider_id` (for a provider configured by metadata URL, the
/// last good copy: its SLO URL and keys may come from there alone), when it is a SAML
/// provider with single logout on.
async fn slo_profile(state: &AppState, provider_id: &str) -> Option<Arc<SamlProfile>> {
    let connector = state.providers.get(provider_id)?.as_saml()?;
    let profile = connector.current_profile().await.ok()?;
    profile.slo().is_some().then_some(profile)
}

fn refused(profile: &SamlProfile, refusal: Refusal) {
    audit::saml_refused(&profile.provider, refusal.code());
    meter::saml_refusal(&profile.provider, refusal.code());
}

/// From `/logout`, after the local sign-out: when `identity` signed in at a SAML provider
/// with single logout, the browser goes to its IdP with a signed LogoutRequest, to finish at
/// `outcome` when the answer comes back. `None`: no SAML logout to do.
pub async fn send_to_idp(
    state: &AppState,
    browser: &BrowserSession,
    identity: &Identity,
    outcome: &LogoutOutcome,
) -> Option<Response> {
    let profile = slo_profile(state, &identity.provider).await?;
    let request_id = new_request_id();
    let now = OffsetDateTime::now_utc();
    let url = match profile.logout_request_url(
        &request_id,
        now,
        &identity.upstream_subject,
        identity.upstream_session.as_deref(),
        None,
    ) {
        Ok(url) => url,
        Err(e) => {
            // Signed out here already; the IdP's session is left to its own expiry.
            tracing::error!(provider = %profile.provider, error = %e, "LogoutRequest not built");
            return None;
        }
    };
    let pending = Pending {
        provider: profile.provider.clone(),
        request_id,
        outcome: outcome.clone(),
        expires_at: (now + PENDING_TTL).unix_timestamp(),
    };
    if let Err(e) = browser.inner().insert(PENDING, &pending).await {
        return Some(pages::unavailable(&e));
    }
    // For an answer by the POST binding, which arrives without the cookie.
    let stored = serde_json::to_vec(&pending).map_err(|e| e.to_string());
    let key = logout::pending_key(&pending.provider, &pending.request_id);
    let kept = match stored {
        Ok(bytes) => state
            .store
            .put_browser_session(&key, &bytes, now + PENDING_TTL)
            .await
            .map_err(|e| e.to_string()),
        Err(e) => Err(e),
    };
    if let Err(e) = kept {
        // The Redirect binding still finishes through the browser session.
        tracing::warn!(error = %e, "pending SAML logout not stored");
    }
    Some(found(url.as_str()))
}

/// `GET /saml2/logout/{provider}`: the HTTP-Redirect binding, a LogoutRequest from the IdP
/// or the LogoutResponse to ours.
#[tracing::instrument(name = "saml_logout", skip_all, fields(provider = %provider_id))]
pub async fn saml_logout_get(
    State(state): State<AppState>,
    session: Session,
    Path(provider_id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(profile) = slo_profile(&state, &provider_id).await else {
        return pages::error(StatusCode::NOT_FOUND, Msg::NoSuchPage);
    };
    let query = query.unwrap_or_default();
    let is_response = query.split('&').any(|p| p.starts_with("SAMLResponse="));
    let read = profile.read_redirect(&query);
    if is_response {
        let browser = BrowserSession::new(session);
        let pending = browser
            .inner()
            .remove::<Pending>(PENDING)
            .await
            .ok()
            .flatten();
        if let Some(pending) = &pending {
            // The store's copy (for a POSTed answer) is not needed any more.
            let key = logout::pending_key(&pending.provider, &pending.request_id);
            let _ = state.store.delete_browser_session(&key).await;
        }
        return answered(&state, &profile, read, pending).await;
    }
    idp_logout(&state, &profile, read).await
}

/// `POST /saml2/logout/{provider}`: the HTTP-POST binding.
#[tracing::instrument(name = "saml_logout_post", skip_all, fields(provider = %provider_id))]
pub async fn saml_logout_post(
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let Some(profile) = slo_profile(&state, &provider_id).await else {
        return pages::error(StatusCode::NOT_FOUND, Msg::NoSuchPage);
    };
    let profile = &*profile;
    let Ok(mut form) = crate::forms::parse_unique(&body) else {
        refused(profile, Refusal::Malformed);
        return pages::error(StatusCode::BAD_REQUEST, Msg::UpstreamRepeats);
    };
    let relay_state = form.remove("RelayState");
    match (form.remove("SAMLRequest"), form.remove("SAMLResponse")) {
        (Some(request), None) => {
            let read = profile.read_posted("SAMLRequest", &request, relay_state.as_deref());
            idp_logout(&state, profile, read).await
        }
        // No cookie comes with a cross-site POST: the pending logout is the store's, found
        // by what the (verified) answer says it answers, and taken once.
        (None, Some(response)) => {
            let read = profile.read_posted("SAMLResponse", &response, relay_state.as_deref());
            let pending = match &read {
                Ok(incoming) => take_stored(&state, profile, &incoming.xml).await,
                Err(_) => None,
            };
            answered(&state, profile, read, pending).await
        }
        _ => refuse_request(&state, profile, Refusal::NotALogoutMessage),
    }
}

/// The pending logout a verified LogoutResponse names by its `InResponseTo`, taken from the
/// store (one answer, one redirect); `None` when there is none (or the store failed: the
/// browser, signed out already, gets the signed-out page).
async fn take_stored(state: &AppState, profile: &SamlProfile, xml: &str) -> Option<Pending> {
    let request_id = logout::in_response_to(xml)?;
    let key = logout::pending_key(&profile.provider, &request_id);
    let now = OffsetDateTime::now_utc();
    let bytes = state.store.get_browser_session(&key, now).await.ok()??;
    state.store.delete_browser_session(&key).await.ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The IdP's LogoutResponse: to the LogoutRequest this browser's `/logout` sent, then where
/// `/logout` decided; anything else, the signed-out page (the local session ended before).
async fn answered(
    state: &AppState,
    profile: &SamlProfile,
    read: Result<Incoming, Refusal>,
    pending: Option<Pending>,
) -> Response {
    let now = OffsetDateTime::now_utc();
    let pending =
        pending.filter(|p| p.provider == profile.provider && p.expires_at > now.unix_timestamp());
    let checked = read.and_then(|incoming| match incoming.kind {
        Kind::Response => profile.check_logout_response(
            &incoming.xml,
            pending.as_ref().map(|p| p.request_id.as_str()),
            now,
        ),
        Kind::Request => Err(Refusal::NotALogoutMessage),
    });
    match (checked, pending) {
        (Ok(()), Some(pending)) => {
            tracing::info!("identity provider confirmed the logout");
            pending.outcome.respond(state)
        }
        (Ok(()), None) => pages::signed_out(None),
        (Err(refusal), _) => {
            refused(profile, refusal);
            pages::signed_out(None)
        }
    }
}

/// An IdP's LogoutRequest: checked, one-time, then the sessions it names end and the IdP gets
/// a signed Success; a refusal ends nothing.
async fn idp_logout(
    state: &AppState,
    profile: &SamlProfile,
    read: Result<Incoming, Refusal>,
) -> Response {
    let now = OffsetDateTime::now_utc();
    let checked = read.and_then(|incoming| match incoming.kind {
        Kind::Request => profile
            .check_logout_request(&incoming.xml, now)
            .map(|request| (request, incoming.relay_state)),
        Kind::Response => Err(Refusal::NotALogoutMessage),
    });
    let (request, relay_state) = match checked {
        Ok(checked) => checked,
        Err(refusal) => return refuse_request(state, profile, refusal),
    };
    let key = logout::request_replay_key(&profile.provider, &request.id);
    match state
        .store
        .mark_assertion_used(&key, request.replay_until, now)
        .await
    {
        Ok(true) => {}
        // A store failure must not let a replay through: refused as a replay would be.
        Ok(false) | Err(_) => return refuse_request(state, profile, Refusal::Replayed),
    }
    let keep: Vec<String> = state
        .apps
        .iter()
        .filter(|app| !app.logout_revokes_tokens)
        .map(|app| app.client_id.clone())
        .collect();
    let ended = match state
        .store
        .end_upstream_sessions(
            &profile.provider,
            &request.name_id,
            &request.session_indexes,
            &keep,
            now,
        )
        .await
    {
        Ok(ended) => ended,
        Err(e) => return pages::unavailable(&e),
    };
    audit::idp_logout(
        &profile.provider,
        &request.name_id,
        ended.sso_sessions,
        ended.families,
    );
    let relay_state = relay_state.filter(|r| r.len() <= logout::MAX_RELAY_STATE);
    match profile.logout_response_url(
        now,
        &request.id,
        crate::connectors::saml::verify::SUCCESS,
        relay_state.as_deref(),
    ) {
        Ok(url) => found(url.as_str()),
        Err(e) => {
            tracing::error!(error = %e, "LogoutResponse not built");
            pages::signed_out(None)
        }
    }
}

/// A refused LogoutRequest: audit line, counted reason, a 400 page; nothing signed is sent.
/// The page says one sentence, naming the IdP, whatever the reason: the reasons (logged and
/// counted) are SAML's details, nothing a person can act on.
fn refuse_request(state: &AppState, profile: &SamlProfile, refusal: Refusal) -> Response {
    refused(profile, refusal);
    let provider = state
        .providers
        .get(&profile.provider)
        .map_or_else(|| profile.provider.clone(), |p| p.display_name.clone());
    pages::error(StatusCode::BAD_REQUEST, Msg::SamlLogoutRefused { provider })
}
