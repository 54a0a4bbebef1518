//! The pages of a SAML IdP-initiated sign-in (`flow::idp_initiated`): the unsolicited POST at
//! the provider's ACS (no session: as any posted answer, it must not replace the browser's
//! cookie), then the same-site landing GET that binds it to the browser and finishes it.

use crate::connectors::contract::UpstreamReply;
use crate::flow::idp_initiated;
use crate::flow::upstream::{self, Answered};
use crate::hosted_ui::finish::{Arrived, finish_sign_in, respond};
use crate::hosted_ui::pages;
use crate::hosted_ui::upstream::leg_failed;
use crate::security::storage_hash;
use crate::state::AppState;
use crate::telemetry::meter::{self, SignInOutcome};
use crate::web::browser::BrowserSession;
use crate::web::client::RequestOrigin;
use crate::web::page::Msg;
use crate::web::respond::see_other;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use tower_sessions::Session;

/// The ACS POST when it is unsolicited and the provider takes those (else `None`: the
/// SP-initiated path answers, and refuses a response with no RelayState).
pub async fn unsolicited_post(
    state: &AppState,
    provider_id: &str,
    reply: &UpstreamReply,
) -> Option<Response> {
    if !idp_initiated::is_unsolicited(state, provider_id, reply) {
        return None;
    }
    Some(
        match idp_initiated::accept(state, provider_id, reply).await {
            Ok(flow) => {
                let mut url = format!(
                    "{}/saml2/idpresponse/{provider_id}/landing?",
                    state.settings.issuer
                );
                url.push_str(
                    &url::form_urlencoded::Serializer::new(String::new())
                        .append_pair("flow", &flow)
                        .finish(),
                );
                see_other(&url)
            }
            Err(e) => leg_failed(e),
        },
    )
}

/// The landing: the browser's first same-site request after the IdP's POST.
#[tracing::instrument(name = "saml_idp_initiated_landing", skip_all, fields(provider = %provider_id))]
pub async fn landing_get(
    State(state): State<AppState>,
    session: Session,
    RequestOrigin(came_from): RequestOrigin,
    Path(provider_id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(flow) = super::upstream::flow_param(query.as_deref()) else {
        return pages::error(StatusCode::BAD_REQUEST, Msg::UpstreamNoState);
    };
    let browser = BrowserSession::new(session);
    let binding = match browser.binding().await {
        Ok(binding) => binding,
        Err(e) => return pages::unavailable(&e),
    };
    let mut request =
        match idp_initiated::land(&state, &provider_id, &flow, storage_hash(&binding)).await {
            Ok(request) => request,
            Err(e) => return leg_failed(e),
        };
    // Where the session comes from, as an SP-initiated sign-in records it at authorize: the
    // landing is the first request this browser makes to authgate in this sign-in.
    request.origin = Some(came_from);
    match upstream::resume(&state, &provider_id, &flow, &request).await {
        Ok(Answered::SignedIn(identity)) => {
            finish_sign_in(&state, &browser, &flow, &request, identity).await
        }
        // An unsolicited answer is stored only once verified: it is never a refusal.
        Ok(Answered::Declined(next)) => {
            meter::sign_in(
                &provider_id,
                &request.client_id,
                SignInOutcome::UpstreamDenied,
            );
            respond(next, Arrived::ByGet)
        }
        Err(e) => leg_failed(e),
    }
}
