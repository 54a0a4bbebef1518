//! The upstream leg of a login, for providers the browser is sent to
//! ([`crate::connectors::contract::RedirectConnector`]): start it (what the connector asks to
//! remember is sealed and kept with the request), and finish it when the browser brings the
//! provider's answer back to `/oauth2/idpresponse/{provider}`.
//!
//! A provider that *posts* its answer (Apple's `response_mode=form_post`, later SAML's ACS) is
//! a cross-site POST: the browser does not send authgate's SameSite=Lax session cookie with
//! it, so the browser binding cannot be checked there. Such an answer is taken in two steps:
//!
//! 1. [`accept_posted`] (the POST, no session read or written): the flow record is found from
//!    `state` / `RelayState` and must have been sent to this provider (or, with no provider in
//!    the path, SAML's `/saml2/idpresponse`, the provider is the one the record names, never
//!    one the answer names); it is consumed, the connector verifies the answer against what it
//!    remembered, and the outcome (the identity, or the provider's refusal) is sealed into the
//!    record in place of what was remembered, for [`ANSWER_TTL`] only.
//! 2. [`resume`] (a same-site GET the POST 303s to, `/oauth2/idpresponse/{provider}/continue`):
//!    the cookie is sent, the handler checks the binding as on any return, and the record is
//!    consumed again before the outcome is acted on.
//!
//! So an answer is verified once, for the flow and provider it was meant for; a replayed POST
//! finds a record with nothing left to verify against; and only the browser that started the
//! sign-in can turn the verified outcome into a code. The cost of taking the POST without the
//! binding: whoever knows a flow's id (it travels only to the provider and back) can spend the
//! flow with a bad answer, so that sign-in starts again; they can never finish it. Nothing new is asked of the `Store`: the
//! outcome lives in the authorization request's own record.

use crate::connectors::UpstreamError;
use crate::connectors::contract::{LoginStart, StartContext, UpstreamReply};
use crate::flow::Next;
use crate::identity::Identity;
use crate::oauth::authorize::error_redirect;
use crate::oauth::error::ErrorCode;
use crate::state::AppContext;
use crate::store::{AuthRequest, StoreError, UpstreamFlow};
use serde::{Deserialize, Serialize};
use std::time::Duration;
use time::OffsetDateTime;

/// How long a verified posted answer waits for the browser's continue GET (it follows at once,
/// by redirect).
pub const ANSWER_TTL: Duration = Duration::from_secs(120);

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
    /// The answer arrived for a flow sent elsewhere (or nowhere): RFC 9700 §4.4.2. Also an
    /// answer posted twice, and a continue GET with no verified answer waiting.
    NotThisFlow,
    /// No such flow (never started, finished, or expired).
    NoFlow,
    Upstream(UpstreamError),
    Store(StoreError),
}

fn purpose(provider_id: &str) -> String {
    format!("connector-data:{provider_id}")
}

fn answer_purpose(provider_id: &str) -> String {
    format!("upstream-answer:{provider_id}")
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
        max_age: request.max_age,
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
        answered: None,
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
        .filter(|f| f.provider == provider_id && f.answered.is_none())
    else {
        tracing::warn!("upstream response for a flow sent to another provider, or to none");
        return Err(LegFailed::NotThisFlow);
    };
    let connector = state
        .providers
        .get(provider_id)
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
        Err(UpstreamError::Declined(error)) => Ok(declined(state, provider_id, request, &error)),
        Err(e) => Err(LegFailed::Upstream(e)),
    }
}

/// Back to the app with the provider's refusal.
fn declined(state: &AppContext, provider_id: &str, request: &AuthRequest, error: &str) -> Answered {
    let code = error_code(error);
    tracing::info!(error = %code, "upstream refused the sign-in");
    let name = state
        .providers
        .get(provider_id)
        .map_or(provider_id, |p| p.display_name.as_str());
    Answered::Declined(Next::ToApp(error_redirect(
        &state.settings.issuer,
        &request.redirect_uri,
        request.state.as_deref(),
        code,
        &format!("sign-in with {name} was not completed"),
    )))
}

/// A posted answer's verified outcome, as kept (sealed) with the flow until the continue GET.
#[derive(Serialize, Deserialize)]
enum Outcome {
    SignedIn(Identity),
    /// The provider's OAuth error code.
    Declined(String),
}

/// An identity verified from a posted answer, sealed as [`resume`] opens it: how a SAML
/// IdP-initiated sign-in's record (`flow::idp_initiated`) is born already answered.
#[cfg(feature = "saml")]
pub(crate) fn seal_signed_in(
    state: &AppContext,
    provider_id: &str,
    identity: Identity,
) -> Result<crate::security::Sealed, String> {
    let json = serde_json::to_string(&Outcome::SignedIn(identity)).map_err(|e| e.to_string())?;
    state.sealer.seal(&answer_purpose(provider_id), &json)
}

/// A posted answer taken in: where the browser continues.
pub struct Accepted {
    pub provider_id: String,
    pub request_id: String,
}

/// Why a posted answer was refused; the app is known once the flow was found (for metrics).
pub struct Refused {
    pub client_id: Option<String>,
    /// The provider the flow was sent to, once its connector was asked to verify the answer.
    pub provider_id: Option<String>,
    pub failed: LegFailed,
}

/// Step one of a posted answer (see the module's doc): no browser binding is available here.
/// `provider_id` is the provider of the path the answer arrived on; `None` for a path that
/// names none (SAML's `/saml2/idpresponse`), where the flow record alone says which it is.
pub async fn accept_posted(
    state: &AppContext,
    provider_id: Option<&str>,
    request_id: &str,
    reply: &UpstreamReply,
) -> Result<Accepted, Refused> {
    let refused = |client_id: Option<&str>, failed| Refused {
        client_id: client_id.map(str::to_string),
        provider_id: None,
        failed,
    };
    let provider_id_given = provider_id.is_some();
    let now = OffsetDateTime::now_utc();
    let mut request = match state.store.get_auth_request(request_id, now).await {
        Ok(Some(request)) => request,
        Ok(None) => return Err(refused(None, LegFailed::NoFlow)),
        Err(e) => return Err(refused(None, LegFailed::Store(e))),
    };
    let client = Some(request.client_id.clone());
    let Some(flow) = request
        .upstream
        .take()
        .filter(|f| provider_id.is_none_or(|p| f.provider == p))
        .filter(|f| f.answered.is_none())
    else {
        tracing::warn!("posted upstream answer for a flow sent to another provider, or answered");
        return Err(refused(client.as_deref(), LegFailed::NotThisFlow));
    };
    let provider_id = flow.provider.clone();
    // A path that names no provider is SAML's alone: any other provider's answer there is
    // one sent where it was not meant to go.
    let Some(connector) = state
        .providers
        .get(&provider_id)
        .filter(|p| provider_id_given || p.kind.is_saml())
        .and_then(|p| p.kind.redirect())
    else {
        return Err(refused(client.as_deref(), LegFailed::NotOffered));
    };
    // One use, as on the GET: consumed before the answer is verified.
    if let Err(e) = state.store.delete_auth_request(request_id).await {
        return Err(refused(client.as_deref(), LegFailed::Store(e)));
    }
    let Some(remembered) = flow
        .remembered
        .as_ref()
        .and_then(|sealed| state.sealer.open(&purpose(&provider_id), sealed).ok())
    else {
        return Err(refused(client.as_deref(), LegFailed::NotThisFlow));
    };
    let outcome = match connector.finish(reply, &remembered, &state.sealer).await {
        Ok(identity) => Outcome::SignedIn(identity),
        Err(UpstreamError::Declined(error)) => Outcome::Declined(error),
        Err(e) => {
            return Err(Refused {
                provider_id: Some(provider_id),
                ..refused(client.as_deref(), LegFailed::Upstream(e))
            });
        }
    };
    let sealed = serde_json::to_string(&outcome)
        .map_err(|e| e.to_string())
        .and_then(|json| state.sealer.seal(&answer_purpose(&provider_id), &json))
        .map_err(|e| refused(client.as_deref(), LegFailed::Store(StoreError::Backend(e))))?;
    request.upstream = Some(UpstreamFlow {
        provider: provider_id.clone(),
        remembered: None,
        answered: Some(sealed),
    });
    let ttl = ANSWER_TTL.min(state.settings.sessions.auth_request_ttl);
    state
        .store
        .put_auth_request(request_id, &request, now + ttl)
        .await
        .map_err(|e| refused(client.as_deref(), LegFailed::Store(e)))?;
    Ok(Accepted {
        provider_id,
        request_id: request_id.to_string(),
    })
}

/// Step two of a posted answer, for `request` already checked to be this browser's: the
/// verified outcome waiting on the record, taken once.
pub async fn resume(
    state: &AppContext,
    provider_id: &str,
    request_id: &str,
    request: &AuthRequest,
) -> Result<Answered, LegFailed> {
    let Some(sealed) = request
        .upstream
        .as_ref()
        .filter(|f| f.provider == provider_id)
        .and_then(|f| f.answered.as_ref())
    else {
        tracing::warn!("continue for a flow with no verified answer from this provider");
        return Err(LegFailed::NotThisFlow);
    };
    state
        .store
        .delete_auth_request(request_id)
        .await
        .map_err(LegFailed::Store)?;
    let outcome: Outcome = state
        .sealer
        .open(&answer_purpose(provider_id), sealed)
        .ok()
        .and_then(|json| serde_json::from_str(&json).ok())
        .ok_or(LegFailed::NotThisFlow)?;
    Ok(match outcome {
        Outcome::SignedIn(identity) => Answered::SignedIn(identity),
        Outcome::Declined(error) => declined(state, provider_id, request, &error),
    })
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
