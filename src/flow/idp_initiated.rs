//! A SAML IdP-initiated sign-in (`connectors::saml::idp_initiated`) as a flow: the
//! unsolicited POST is verified and becomes an authorization request authgate writes itself,
//! for the configured app and redirect URI, already answered; the browser then lands on a
//! same-site GET that binds the request to itself and finishes it like any posted answer.
//!
//! Why the record is born unbound (`UNBOUND`): the POST is cross-site, so authgate's cookie
//! is not there to bind it to; the landing GET is the first moment the browser is known. The
//! marker is no SHA-256 hex, so every other path that checks the binding refuses this record;
//! only [`land`] takes it, once, within [`upstream::ANSWER_TTL`].

use super::upstream::{self, LegFailed};
use crate::connectors::contract::UpstreamReply;
use crate::state::AppContext;
use crate::store::{AuthRequest, StoreError, UpstreamFlow};
use time::OffsetDateTime;

/// The browser binding of a request no browser has landed on yet.
const UNBOUND: &str = "saml-idp-initiated";

/// Whether `provider_id` takes unsolicited responses and this POST is one: the IdP sent no
/// RelayState (a RelayState names a flow of ours, and then the SP-initiated path answers).
pub fn is_unsolicited(state: &AppContext, provider_id: &str, reply: &UpstreamReply) -> bool {
    reply.get("RelayState").is_none_or(str::is_empty)
        && state
            .providers
            .get(provider_id)
            .and_then(|p| p.as_saml())
            .is_some_and(|c| c.profile().idp_initiated.is_some())
}

/// The unsolicited POST: verified (refusals counted by the connector), then stored as an
/// answered request for the configured app; returns its id, for the landing URL.
pub async fn accept(
    state: &AppContext,
    provider_id: &str,
    reply: &UpstreamReply,
) -> Result<String, LegFailed> {
    let connector = state
        .providers
        .get(provider_id)
        .and_then(|p| p.as_saml())
        .ok_or(LegFailed::NotOffered)?;
    let landing = connector
        .profile()
        .idp_initiated
        .as_ref()
        .ok_or(LegFailed::NotOffered)?;
    let app = state.apps.get(&landing.app).ok_or(LegFailed::NotOffered)?;
    let Some(response) = reply.get("SAMLResponse") else {
        return Err(LegFailed::Upstream(
            crate::connectors::UpstreamError::Incomplete(
                "The sign-in response carried no SAMLResponse.",
            ),
        ));
    };
    let identity = connector
        .finish_unsolicited(response, &state.sealer)
        .await
        .map_err(LegFailed::Upstream)?;
    tracing::info!(provider = %provider_id, app = %app.client_id, "IdP-initiated SAML sign-in verified");
    let sealed = upstream::seal_signed_in(state, provider_id, identity)
        .map_err(|e| LegFailed::Store(StoreError::Backend(e)))?;
    let request = AuthRequest {
        client_id: app.client_id.clone(),
        redirect_uri: landing.redirect_uri.clone(),
        scopes: app.grant_scopes(landing.scope.as_deref()),
        // No app started this: nothing to echo, no nonce, no PKCE (confidential apps only).
        state: None,
        nonce: None,
        code_challenge: None,
        identity_provider: Some(provider_id.to_string()),
        login_hint: None,
        lang: None,
        ui_locales: None,
        prompt: None,
        max_age: None,
        browser_binding: UNBOUND.to_string(),
        upstream: Some(UpstreamFlow {
            provider: provider_id.to_string(),
            remembered: None,
            answered: Some(sealed),
        }),
        idp_hint: None,
        pending_role: None,
        sso_session: None,
        // The POST is the IdP page's, cross-site: the landing GET records the browser's.
        origin: None,
    };
    let id = crate::security::random_token();
    let ttl = upstream::ANSWER_TTL.min(state.settings.sessions.auth_request_ttl);
    state
        .store
        .put_auth_request(&id, &request, OffsetDateTime::now_utc() + ttl)
        .await
        .map_err(LegFailed::Store)?;
    Ok(id)
}

/// The landing GET: the unbound, answered request of `provider_id`, now bound to the browser
/// whose binding hash is `binding_hash` (so a role page that follows is this browser's).
pub async fn land(
    state: &AppContext,
    provider_id: &str,
    request_id: &str,
    binding_hash: String,
) -> Result<AuthRequest, LegFailed> {
    let mut request = state
        .store
        .get_auth_request(request_id, OffsetDateTime::now_utc())
        .await
        .map_err(LegFailed::Store)?
        .ok_or(LegFailed::NoFlow)?;
    let ours = request.browser_binding == UNBOUND
        && request
            .upstream
            .as_ref()
            .is_some_and(|f| f.provider == provider_id && f.answered.is_some());
    if !ours {
        tracing::warn!("IdP-initiated landing for a request that is not an unsolicited answer");
        return Err(LegFailed::NotThisFlow);
    }
    request.browser_binding = binding_hash;
    Ok(request)
}
