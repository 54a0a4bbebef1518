//! The first step of a login, after the authorize request is validated: take the single
//! sign-on shortcut when the browser's session fits, or store the request and send the browser
//! to sign in.

use crate::flow::Next;
use crate::oauth::authorize::{self, Prompt, ValidRequest};
use crate::oauth::error::ErrorCode;
use crate::state::AppContext;
use crate::store::{SsoSession, StoreError};
use time::OffsetDateTime;

/// What to do with a validated request, given the browser's SSO session.
pub enum Shortcut {
    /// The session fits this app and provider, and is recent enough for `max_age`: finish with
    /// it (see `finish::complete`).
    Signed(SsoSession),
    /// `prompt=none` and nobody usable is signed in: back to the app with `login_required`.
    LoginRequired(Next),
    /// Someone has to sign in.
    SignIn,
}

/// Whether the browser's SSO session can finish this request without a sign-in page.
pub fn shortcut(state: &AppContext, request: &ValidRequest, sso: Option<SsoSession>) -> Shortcut {
    if request.prompt != Prompt::Login
        && let Some(sso) = sso
    {
        let allowed = state
            .apps
            .get(&request.client_id)
            .is_some_and(|app| app.providers.contains(&sso.identity.provider));
        let wanted = request
            .identity_provider
            .as_deref()
            .is_none_or(|p| p == sso.identity.provider);
        let fresh = authorize::fresh_enough(
            sso.auth_time,
            request.max_age,
            OffsetDateTime::now_utc().unix_timestamp(),
        );
        if allowed && wanted && fresh {
            return Shortcut::Signed(sso);
        }
    }
    if request.prompt == Prompt::None {
        return Shortcut::LoginRequired(Next::ToApp(authorize::error_redirect(
            &state.settings.issuer,
            &request.redirect_uri,
            request.state.as_deref(),
            ErrorCode::LoginRequired,
            "no signed-in session",
        )));
    }
    Shortcut::SignIn
}

/// Stores the request under a random id, bound to the browser (`binding_hash`), and sends the
/// browser to the provider the request names (or the app's only one), else to the picker.
pub async fn store(
    state: &AppContext,
    request: ValidRequest,
    binding_hash: String,
    origin: Option<crate::store::SessionOrigin>,
) -> Result<Next, StoreError> {
    let providers = state
        .apps
        .get(&request.client_id)
        .map(|a| a.providers.clone())
        .unwrap_or_default();
    let provider = request
        .identity_provider
        .clone()
        .or_else(|| match providers.as_slice() {
            [only] => Some(only.clone()),
            _ => None,
        });
    let id = crate::security::random_token();
    let expires_at = OffsetDateTime::now_utc() + state.settings.sessions.auth_request_ttl;
    let mut auth_request = request.into_auth_request(binding_hash);
    auth_request.origin = origin;
    state
        .store
        .put_auth_request(&id, &auth_request, expires_at)
        .await?;
    Ok(Next::ToPage(match provider {
        Some(provider) => format!("/signin/{id}/{provider}"),
        None => format!("/signin/{id}"),
    }))
}
