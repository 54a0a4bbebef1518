//! The upstream leg of a login, for providers the browser is sent to
//! ([`crate::connectors::contract::RedirectConnector`]): start it (what the connector asks to
//! remember is sealed and kept with the request), and finish it when the browser brings the
//! provider's answer back to `/oauth2/idpresponse/{provider}`.

use crate::connectors::UpstreamError;
use crate::connectors::contract::{LoginStart, StartContext, UpstreamReply};
use crate::flow::Next;
use crate::identity::Identity;
use crate::oauth::authorize::error_redirect;
use crate::oauth::error::ErrorCode;
use crate::state::AppContext;
use crate::store::{AuthRequest, StoreError, UpstreamFlow};
use time::OffsetDateTime;

/// Where the browser goes to sign in upstream.
pub enum Upstream {
    Redirect(String),
    PostForm {
        action: String,
        fields: Vec<(String, String)>,
    },
}

/// Why the upstream leg could not go on.
#[derive(Debug)]
pub enum LegFailed {
    /// The provider is unknown, not a redirect provider, or not this app's.
    NotOffered,
    /// The answer arrived for a flow sent elsewhere (or nowhere): RFC 9700 §4.4.2.
    NotThisFlow,
    Upstream(UpstreamError),
    Store(StoreError),
}

fn purpose(provider_id: &str) -> String {
    format!("connector-data:{provider_id}")
}

/// Starts the leg: asks the connector where to send the browser and records what it must
/// remember (sealed) on the request, under the request's id.
pub async fn start(
    state: &AppContext,
    provider_id: &str,
    request_id: &str,
    mut request: AuthRequest,
) -> Result<Upstream, LegFailed> {
    let allowed = state
        .apps
        .get(&request.client_id)
        .is_some_and(|a| a.providers.iter().any(|p| p == provider_id));
    let connector = state
        .providers
        .get(provider_id)
        .and_then(|p| p.kind.redirect())
        .filter(|_| allowed)
        .ok_or(LegFailed::NotOffered)?;
    let context = StartContext {
        flow_id: request_id,
        login_hint: request.login_hint.as_deref(),
        prompt: request.prompt.as_deref(),
        idp_hint: request.idp_hint.as_ref(),
    };
    let start = connector
        .start(&context)
        .await
        .map_err(LegFailed::Upstream)?;
    let (upstream, remember) = match start {
        LoginStart::Redirect { url, remember } => (Upstream::Redirect(url), remember),
        LoginStart::PostForm {
            action,
            fields,
            remember,
        } => (Upstream::PostForm { action, fields }, remember),
    };
    let sealed = state
        .sealer
        .seal(&purpose(provider_id), &remember)
        .map_err(|e| LegFailed::Store(StoreError::Backend(e)))?;
    request.upstream = Some(UpstreamFlow {
        provider: provider_id.to_string(),
        remembered: Some(sealed),
    });
    let expires_at = OffsetDateTime::now_utc() + state.settings.sessions.auth_request_ttl;
    state
        .store
        .put_auth_request(request_id, &request, expires_at)
        .await
        .map_err(LegFailed::Store)?;
    Ok(upstream)
}

/// What the provider's answer came to.
pub enum Answered {
    SignedIn(Identity),
    /// The provider said the user did not sign in: back to the app with an error.
    Declined(Next),
}

/// Finishes the leg for `request` (already checked to be this browser's): the answer must
/// come back on the path of the provider the browser was sent to; the request is consumed
/// before anything else, so a replayed answer finds nothing; then the connector checks the
/// answer against what it remembered.
pub async fn finish(
    state: &AppContext,
    provider_id: &str,
    request_id: &str,
    request: &AuthRequest,
    reply: &UpstreamReply,
) -> Result<Answered, LegFailed> {
    let Some(flow) = request
        .upstream
        .as_ref()
        .filter(|f| f.provider == provider_id)
    else {
        tracing::warn!("upstream response for a flow sent to another provider, or to none");
        return Err(LegFailed::NotThisFlow);
    };
    let provider = state.providers.get(provider_id);
    let connector = provider
        .and_then(|p| p.kind.redirect())
        .ok_or(LegFailed::NotOffered)?;
    // One use: consumed before the code is redeemed, so a replay finds nothing.
    state
        .store
        .delete_auth_request(request_id)
        .await
        .map_err(LegFailed::Store)?;
    let remembered = flow
        .remembered
        .as_ref()
        .and_then(|sealed| state.sealer.open(&purpose(provider_id), sealed).ok())
        .ok_or(LegFailed::NotThisFlow)?;
    match connector.finish(reply, &remembered, &state.sealer).await {
        Ok(identity) => Ok(Answered::SignedIn(identity)),
        Err(UpstreamError::Declined(error)) => {
            let code = error_code(&error);
            tracing::info!(error = %code, "upstream refused the sign-in");
            let name = provider.map_or(provider_id, |p| p.display_name.as_str());
            Ok(Answered::Declined(Next::ToApp(error_redirect(
                &state.settings.issuer,
                &request.redirect_uri,
                request.state.as_deref(),
                code,
                &format!("sign-in with {name} was not completed"),
            ))))
        }
        Err(e) => Err(LegFailed::Upstream(e)),
    }
}

/// Upstream error codes passed on to the app (RFC 6749 §4.1.2.1); anything else, including
/// codes only the upstream understands, becomes `access_denied`.
fn error_code(code: &str) -> ErrorCode {
    match code {
        "invalid_scope" => ErrorCode::InvalidScope,
        "temporarily_unavailable" => ErrorCode::TemporarilyUnavailable,
        "login_required" => ErrorCode::LoginRequired,
        _ => ErrorCode::AccessDenied,
    }
}
