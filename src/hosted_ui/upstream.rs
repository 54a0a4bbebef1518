//! The upstream leg of a sign-in: sending the browser to an OpenID Provider and taking it back
//! at `/oauth2/idpresponse/{provider}`. The flow record (keyed by the `state` we sent) names the
//! provider it went to and is bound to this browser; it is consumed before the code is redeemed,
//! so a replayed callback finds nothing.

use crate::connectors::{Upstream, UpstreamError};
use crate::hosted_ui::finish::finish_sign_in;
use crate::hosted_ui::pages;
use crate::hosted_ui::signin::bound_request;
use crate::oauth::authorize::error_redirect;
use crate::oauth::error::ErrorCode;
use crate::state::AppState;
use crate::store::{AuthRequest, UpstreamFlow};
use crate::web::browser::BrowserSession;
use crate::web::respond::{found, see_other};
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use time::OffsetDateTime;
use tower_sessions::Session;

/// Records PKCE verifier and nonce on the request, then sends the browser upstream.
pub async fn send_upstream(
    state: &AppState,
    connector: Upstream<'_>,
    provider_id: &str,
    request_id: &str,
    mut request: AuthRequest,
) -> Response {
    let started = match connector
        .start(
            request_id,
            request.login_hint.as_deref(),
            request.prompt.as_deref(),
            request.idp_hint.as_ref(),
        )
        .await
    {
        Ok(started) => started,
        Err(e) => return upstream_failed(&e),
    };
    request.upstream = Some(UpstreamFlow {
        provider: provider_id.to_string(),
        pkce_verifier: started.pkce_verifier,
        nonce: started.nonce,
    });
    let expires_at = OffsetDateTime::now_utc() + state.settings.sessions.auth_request_ttl;
    if let Err(e) = state
        .store
        .put_auth_request(request_id, &request, expires_at)
        .await
    {
        return pages::unavailable(&e);
    }
    see_other(&started.authorize_url)
}

fn upstream_failed(e: &UpstreamError) -> Response {
    match e {
        UpstreamError::Unreachable(_) | UpstreamError::BadAnswer(_) => pages::error(
            StatusCode::BAD_GATEWAY,
            &format!("Signing in failed because {e}. Try again in a few minutes."),
        ),
        UpstreamError::Rejected(_) => pages::error(
            StatusCode::BAD_REQUEST,
            &format!("Signing in failed: {e}. Go back to the app and start again."),
        ),
    }
}

#[tracing::instrument(name = "idpresponse", skip_all, fields(provider = %provider_id))]
pub async fn idpresponse_get(
    State(state): State<AppState>,
    session: Session,
    Path(provider_id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let Ok(params) = crate::forms::parse_unique(query.as_deref().unwrap_or("").as_bytes()) else {
        return pages::error(
            StatusCode::BAD_REQUEST,
            "The sign-in response repeats a parameter.",
        );
    };
    let Some(request_id) = params.get("state") else {
        return pages::error(
            StatusCode::BAD_REQUEST,
            "The sign-in response carried no state.",
        );
    };
    let browser = BrowserSession::new(session);
    let request = match bound_request(&state, &browser, request_id).await {
        Ok(request) => request,
        Err(page) => return page,
    };
    // Mix-up defence, part one: the response must come back on the path of the provider the
    // browser was sent to (RFC 9700 §4.4.2).
    let Some(flow) = request
        .upstream
        .clone()
        .filter(|f| f.provider == provider_id)
    else {
        tracing::warn!("upstream response for a flow sent to another provider, or to none");
        return pages::error(
            StatusCode::BAD_REQUEST,
            "This sign-in response does not belong to the sign-in that was started.",
        );
    };
    let Some(connector) = state
        .providers
        .get(&provider_id)
        .and_then(|p| p.kind.upstream())
    else {
        return pages::error(StatusCode::BAD_REQUEST, "Unknown sign-in provider.");
    };
    // Part two: RFC 9207 `iss` must name that provider.
    if let Err(e) = connector
        .check_response_issuer(params.get("iss").map(String::as_str))
        .await
    {
        tracing::warn!("upstream response with a wrong or missing iss");
        let _ = state.store.delete_auth_request(request_id).await;
        return upstream_failed(&e);
    }
    // One use: consumed before the code is redeemed, so a replay finds nothing.
    if let Err(e) = state.store.delete_auth_request(request_id).await {
        return pages::unavailable(&e);
    }

    if let Some(error) = params.get("error") {
        let code = error_code(error);
        tracing::info!(error = %code, "upstream refused the sign-in");
        let description = format!(
            "sign-in with {} was not completed",
            connector_name(&state, &provider_id)
        );
        return found(&error_redirect(
            &state.settings.issuer,
            &request.redirect_uri,
            request.state.as_deref(),
            code,
            &description,
        ));
    }
    let Some(code) = params.get("code") else {
        return pages::error(
            StatusCode::BAD_REQUEST,
            "The sign-in response carried no code.",
        );
    };
    match connector
        .finish(code, &flow.pkce_verifier, &flow.nonce, &state.sealer)
        .await
    {
        Ok(identity) => finish_sign_in(&state, &browser, request_id, &request, identity).await,
        Err(e) => upstream_failed(&e),
    }
}

fn connector_name(state: &AppState, provider_id: &str) -> String {
    state
        .providers
        .get(provider_id)
        .map_or_else(|| provider_id.to_string(), |p| p.display_name.clone())
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
