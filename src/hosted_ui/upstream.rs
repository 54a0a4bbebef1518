//! The upstream leg's pages: sending the browser to a provider and taking it back at
//! `/oauth2/idpresponse/{provider}` (a GET, or a cross-site POST and then a same-site GET to
//! `…/continue`: see [`crate::flow::upstream`] for why). The logic is there; this maps its
//! outcomes to redirects, an auto-submitted form, or pages.
//!
//! The POST handler takes no `Session`: the browser sent no cookie with the provider's POST,
//! and a session touched here would answer with a fresh cookie that replaced the one the
//! sign-in is bound to. It needs no CSRF token either (it has no form of ours behind it, and a
//! provider's POST carries the provider's Origin): what protects it is that the answer must
//! verify against the flow's sealed PKCE verifier and nonce, and that its outcome is only
//! acted on in the browser that started the flow.

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
use axum::http::{HeaderMap, StatusCode, header};
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

pub(crate) fn leg_failed(e: LegFailed) -> Response {
    match e {
        LegFailed::NotOffered => pages::error(StatusCode::BAD_REQUEST, Msg::MethodNotAvailable),
        LegFailed::NotThisFlow => pages::error(StatusCode::BAD_REQUEST, Msg::UpstreamNotThisFlow),
        LegFailed::NoFlow => pages::error(StatusCode::BAD_REQUEST, Msg::SignInExpired),
        LegFailed::Upstream(e) => upstream_failed(&e),
        LegFailed::Store(e) => pages::unavailable(&e),
    }
}

/// The page for a provider's failure: its kind and the provider's name, in the page's words
/// (never the error's English `Display`).
fn upstream_failed(e: &UpstreamError) -> Response {
    match e {
        UpstreamError::Unreachable(name) => pages::error(
            StatusCode::BAD_GATEWAY,
            Msg::UpstreamUnreachable {
                provider: name.clone(),
            },
        ),
        UpstreamError::BadAnswer(name) => pages::error(
            StatusCode::BAD_GATEWAY,
            Msg::UpstreamBadAnswer {
                provider: name.clone(),
            },
        ),
        UpstreamError::Rejected(name) => pages::error(
            StatusCode::BAD_REQUEST,
            Msg::UpstreamRejected {
                provider: name.clone(),
            },
        ),
        // Only `access_denied` says something a person can act on (they chose not to allow
        // it); any other code is just "not completed".
        UpstreamError::Declined(code) => pages::error(
            StatusCode::BAD_REQUEST,
            Msg::UpstreamDeclined {
                denied: code == "access_denied",
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

/// Step one of a posted answer (`response_mode=form_post`): verified without the browser's
/// cookie, then on to the same-site continue GET.
#[tracing::instrument(name = "idpresponse_post", skip_all, fields(provider = %provider_id))]
pub async fn idpresponse_post(
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    posted(&state, Some(&provider_id), &headers, &body).await
}

fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| {
            v.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// A posted answer on a path that names its provider (`Some`), or on one that does not
/// (`None`: SAML's `/saml2/idpresponse`, whose IdP the flow record names).
pub async fn posted(
    state: &AppState,
    provider_id: Option<&str>,
    headers: &HeaderMap,
    body: &[u8],
) -> Response {
    if !is_form(headers) {
        return pages::error(StatusCode::UNSUPPORTED_MEDIA_TYPE, Msg::UpstreamNoState);
    }
    let Ok(params) = crate::forms::parse_unique(body) else {
        return pages::error(StatusCode::BAD_REQUEST, Msg::UpstreamRepeats);
    };
    let reply = UpstreamReply::Form(params);
    let Some(request_id) = reply.flow_id().map(str::to_string) else {
        return pages::error(StatusCode::BAD_REQUEST, Msg::UpstreamNoState);
    };
    match upstream::accept_posted(state, provider_id, &request_id, &reply).await {
        Ok(accepted) => {
            let mut url = format!(
                "{}/oauth2/idpresponse/{}/continue?",
                state.settings.issuer, accepted.provider_id
            );
            url.push_str(
                &url::form_urlencoded::Serializer::new(String::new())
                    .append_pair("flow", &accepted.request_id)
                    .finish(),
            );
            see_other(&url)
        }
        Err(refused) => {
            if let (Some(app), LegFailed::Upstream(_), Some(provider)) =
                (&refused.client_id, &refused.failed, &refused.provider_id)
            {
                meter::sign_in(provider, app, SignInOutcome::UpstreamError);
                audit::sign_in_failed(app, provider, SignInOutcome::UpstreamError.as_str(), None);
            }
            leg_failed(refused.failed)
        }
    }
}

/// A SAML IdP's answer at its own ACS, `/saml2/idpresponse/{provider}`: the POST seam, for
/// SAML providers only (an OAuth provider's answer belongs on its own callback path).
#[cfg(feature = "saml")]
#[tracing::instrument(name = "saml_acs", skip_all, fields(provider = %provider_id))]
pub async fn saml_acs_post(
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if !state
        .providers
        .get(&provider_id)
        .is_some_and(|p| p.kind.is_saml())
    {
        return pages::error(StatusCode::NOT_FOUND, Msg::NoSuchPage);
    }
    // An unsolicited response (no RelayState), for a provider that takes them.
    if is_form(&headers)
        && let Ok(params) = crate::forms::parse_unique(&body)
        && let Some(response) = super::saml_idp_initiated::unsolicited_post(
            &state,
            &provider_id,
            &UpstreamReply::Form(params),
        )
        .await
    {
        return response;
    }
    posted(&state, Some(&provider_id), &headers, &body).await
}

/// Cognito's ACS, `/saml2/idpresponse`, for an IdP set up for a Cognito domain: which IdP
/// answered is read from the sign-in's record (by `RelayState`), never from the response.
#[cfg(feature = "saml")]
#[tracing::instrument(name = "saml_acs_cognito", skip_all)]
pub async fn saml_acs_cognito_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    posted(&state, None, &headers, &body).await
}

/// authgate's SP metadata for a SAML provider, for the IdP admin to import.
#[cfg(feature = "saml")]
pub async fn saml_metadata_get(
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
) -> Response {
    use axum::response::IntoResponse;
    match state
        .providers
        .get(&provider_id)
        .and_then(|p| p.saml_metadata())
    {
        Some(xml) => (
            [(header::CONTENT_TYPE, "application/samlmetadata+xml")],
            xml,
        )
            .into_response(),
        None => pages::error(StatusCode::NOT_FOUND, Msg::NoSuchPage),
    }
}

/// The `flow` of a step-two GET (`?flow=…`, once): the sign-in request a posted answer was
/// stored under.
pub(crate) fn flow_param(query: Option<&str>) -> Option<String> {
    crate::forms::parse_unique(query.unwrap_or("").as_bytes())
        .ok()
        .and_then(|mut params| params.remove("flow"))
}

/// Step two of a posted answer: in the browser that started the sign-in (its cookie is sent
/// on this same-site GET), the verified outcome becomes a code or the app's error.
#[tracing::instrument(name = "idpresponse_continue", skip_all, fields(provider = %provider_id))]
pub async fn idpresponse_continue(
    State(state): State<AppState>,
    session: Session,
    Path(provider_id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(flow) = flow_param(query.as_deref()) else {
        return pages::error(StatusCode::BAD_REQUEST, Msg::UpstreamNoState);
    };
    let browser = BrowserSession::new(session);
    let request = match bound_request(&state, &browser, &flow).await {
        Ok(request) => request,
        Err(page) => return page,
    };
    match upstream::resume(&state, &provider_id, &flow, &request).await {
        Ok(Answered::SignedIn(identity)) => {
            finish_sign_in(&state, &browser, &flow, &request, identity).await
        }
        Ok(Answered::Declined(next)) => {
            meter::sign_in(
                &provider_id,
                &request.client_id,
                SignInOutcome::UpstreamDenied,
            );
            audit::sign_in_failed(
                &request.client_id,
                &provider_id,
                SignInOutcome::UpstreamDenied.as_str(),
                None,
            );
            respond(next, Arrived::ByGet)
        }
        Err(e) => leg_failed(e),
    }
}
