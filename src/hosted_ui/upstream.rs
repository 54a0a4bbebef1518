//! The upstream leg's pages: sending the browser to a provider and taking it back at
//! `/oauth2/idpresponse/{provider}`. The logic is [`crate::flow::upstream`]; this maps its
//! outcomes to redirects, an auto-submitted form, or pages.

use crate::connectors::UpstreamError;
use crate::connectors::contract::UpstreamReply;
use crate::flow::upstream::{self, Answered, LegFailed, Upstream};
use crate::hosted_ui::finish::{Arrived, finish_sign_in, respond};
use crate::hosted_ui::pages;
use crate::hosted_ui::signin::bound_request;
use crate::state::AppState;
use crate::store::AuthRequest;
use crate::telemetry::audit;
use crate::telemetry::meter::{self, SignInOutcome};
use crate::web::browser::BrowserSession;
use crate::web::page::Msg;
use crate::web::respond::see_other;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use tower_sessions::Session;

/// Sends the browser to the provider (what it must remember is kept with the request).
pub async fn send_upstream(
    state: &AppState,
    provider_id: &str,
    request_id: &str,
    request: AuthRequest,
) -> Response {
    match upstream::start(state, provider_id, request_id, request).await {
        Ok(Upstream::Redirect(url)) => see_other(&url),
        // No connector starts with a posted form yet (SAML's POST binding will); until one does,
        // offering a page for it would be code nobody runs.
        Ok(Upstream::PostForm { .. }) => {
            pages::error(StatusCode::BAD_REQUEST, Msg::MethodNotAvailable)
        }
        Err(e) => leg_failed(e),
    }
}

fn leg_failed(e: LegFailed) -> Response {
    match e {
        LegFailed::NotOffered => pages::error(StatusCode::BAD_REQUEST, Msg::MethodNotAvailable),
        LegFailed::NotThisFlow => pages::error(StatusCode::BAD_REQUEST, Msg::UpstreamNotThisFlow),
        LegFailed::Upstream(e) => upstream_failed(&e),
        LegFailed::Store(e) => pages::unavailable(&e),
    }
}

fn upstream_failed(e: &UpstreamError) -> Response {
    match e {
        UpstreamError::Unreachable(_) | UpstreamError::BadAnswer(_) => pages::error(
            StatusCode::BAD_GATEWAY,
            Msg::UpstreamUnreachable {
                reason: e.to_string(),
            },
        ),
        UpstreamError::Rejected(_) | UpstreamError::Declined(_) => pages::error(
            StatusCode::BAD_REQUEST,
            Msg::UpstreamRejected {
                reason: e.to_string(),
            },
        ),
        UpstreamError::Incomplete(sentence) => {
            pages::error(StatusCode::BAD_REQUEST, Msg::UpstreamIncomplete(sentence))
        }
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
        return pages::error(StatusCode::BAD_REQUEST, Msg::UpstreamRepeats);
    };
    answered(&state, session, &provider_id, UpstreamReply::Query(params)).await
}

/// The provider's answer, however it arrived.
async fn answered(
    state: &AppState,
    session: Session,
    provider_id: &str,
    reply: UpstreamReply,
) -> Response {
    let Some(request_id) = reply.flow_id().map(str::to_string) else {
        return pages::error(StatusCode::BAD_REQUEST, Msg::UpstreamNoState);
    };
    let browser = BrowserSession::new(session);
    let request = match bound_request(state, &browser, &request_id).await {
        Ok(request) => request,
        Err(page) => return page,
    };
    // Counted only once the provider proved to be this flow's, a configured one: fit for a
    // metric label, as the request's app is.
    let failed = |outcome: SignInOutcome| {
        meter::sign_in(provider_id, &request.client_id, outcome);
        audit::sign_in_failed(&request.client_id, provider_id, outcome.as_str(), None);
    };
    match upstream::finish(state, provider_id, &request_id, &request, &reply).await {
        Ok(Answered::SignedIn(identity)) => {
            finish_sign_in(state, &browser, &request_id, &request, identity).await
        }
        Ok(Answered::Declined(next)) => {
            failed(SignInOutcome::UpstreamDenied);
            respond(next, Arrived::ByGet)
        }
        Err(e) => {
            if let LegFailed::Upstream(_) = e {
                failed(SignInOutcome::UpstreamError);
            }
            leg_failed(e)
        }
    }
}
