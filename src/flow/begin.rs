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
    /// `prompt=none`, nobody usable is signed in here, and the request goes to a SAML
    /// provider: it is asked with `IsPassive` whether its own session answers (its
    /// `NoPassive` comes back to the app as `login_required`). Store the request with
    /// [`passive`] applied.
    Passive,
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
        if asks_passively(state, request) {
            return Shortcut::Passive;
        }
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

/// Whether a `prompt=none` request no SSO session here answers goes to its provider with
/// `IsPassive`: the provider it names (or the app's only one) is one of the app's and a SAML
/// IdP, and there is no `max_age` (the IdP's session age is not known here, and a passive
/// request cannot force a fresh sign-in).
fn asks_passively(state: &AppContext, request: &ValidRequest) -> bool {
    let Some(app) = state.apps.get(&request.client_id) else {
        return false;
    };
    let provider = match (&request.identity_provider, app.providers.as_slice()) {
        (Some(named), _) => named,
        (None, [only]) => only,
        (None, _) => return false,
    };
    request.max_age.is_none()
        && app.providers.contains(provider)
        && state
            .providers
            .get(provider)
            .is_some_and(|p| p.kind.is_saml())
}

/// The request of [`Shortcut::Passive`], as it is stored: `prompt=none` kept for the
/// connector (which sends `IsPassive`) and for the finish (which then never stops on a page).
pub fn passive(mut request: ValidRequest) -> ValidRequest {
    request.prompt_value = Some("none".into());
    request
}

/// Whether a stored request is a passive one ([`passive`]).
pub fn is_passive(request: &crate::store::AuthRequest) -> bool {
    request.prompt.as_deref() == Some("none")
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
