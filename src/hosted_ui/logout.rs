//! Where a logout ends, as `/logout` decided it: kept across a visit to an upstream provider's
//! own logout (OIDC's end-session, SAML's single logout) and acted on when the browser is back.

use crate::state::AppState;
use crate::web::branding;
use crate::web::page::signed_out;
use crate::web::respond::{found, see_other};
use axum::response::Response;

/// Where a logout ends: every variant was validated against the app's registration.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum LogoutOutcome {
    /// A registered logout URI of the app (with `state` for OIDC).
    Redirect(String),
    /// Cognito's "sign in again": back to the authorize endpoint.
    Reauthorize(String),
    /// The signed-out page, naming the app (by client id) when known, in its branding.
    SignedOut(Option<String>),
}

impl LogoutOutcome {
    pub fn respond(self, state: &AppState) -> Response {
        match self {
            LogoutOutcome::Redirect(location) => found(&location),
            LogoutOutcome::Reauthorize(location) => see_other(&location),
            LogoutOutcome::SignedOut(client_id) => {
                let app = client_id.as_deref().and_then(|id| state.apps.get(id));
                branding::follow(app.and_then(|app| state.branding.for_app(&app.client_id)));
                signed_out(app.map(|app| app.name.as_str()))
            }
        }
    }
}
