//! Where a page's sign-in ends: record the browser's single sign-on session, let the flow
//! finish ([`crate::flow::finish`]), and turn its [`Next`] into a response.

use crate::aws::federation::FederationError;
use crate::aws::identity_pool::PoolError;
use crate::flow::{Failure, Next, finish};
use crate::hosted_ui::pages;
use crate::identity::Identity;
use crate::state::AppState;
use crate::store::{AuthRequest, SsoSession};
use crate::web::browser::BrowserSession;
use crate::web::page::PageContext;
use crate::web::page::{FederationWhy, Msg, PoolTrouble};
use crate::web::respond::{found, no_store, see_other};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use time::OffsetDateTime;

/// How the browser reached the step that produced `Next`.
#[derive(Clone, Copy)]
pub enum Arrived {
    /// A GET (the authorize endpoint, an upstream callback's redirect): 302.
    ByGet,
    /// A form POST: 303, so the browser does not re-send the form (RFC 9700 §4.12).
    ByForm,
}

/// The response for a step's outcome.
pub fn respond(next: Next, arrived: Arrived) -> Response {
    let redirect = |location: &str| match arrived {
        Arrived::ByGet => found(location),
        Arrived::ByForm => see_other(location),
    };
    match next {
        Next::ToApp(location) | Next::ToPage(location) => redirect(&location),
        Next::ReturnToApp { location, app_name } => return_to_app(&app_name, &location),
        Next::Failed(Failure::Expired) => pages::error(StatusCode::BAD_REQUEST, Msg::SignInExpired),
        Next::Failed(Failure::Unavailable(detail)) => pages::unavailable(&detail),
        Next::Failed(Failure::Federation { app_name, error }) => failed_page(&app_name, &error),
    }
}

/// A user has proven who they are: start their SSO session and send the code to the app.
pub async fn finish_sign_in(
    state: &AppState,
    browser: &BrowserSession,
    request_id: &str,
    request: &AuthRequest,
    identity: Identity,
) -> Response {
    let sso = SsoSession {
        identity,
        auth_time: OffsetDateTime::now_utc().unix_timestamp(),
        origin: request.origin.clone(),
    };
    if let Err(e) = browser
        .signed_in(&*state.store, &sso, state.settings.sessions.sso_ttl)
        .await
    {
        return pages::unavailable(&e);
    }
    // The code, and the family it becomes, remember the sign-in (for /logout).
    let mut request = request.clone();
    request.sso_session = match browser.sso_session_id().await {
        Ok(id) => id,
        Err(e) => return pages::unavailable(&e),
    };
    let next = finish::signed_in(state, request_id, request, sso.identity, sso.auth_time).await;
    respond(next, Arrived::ByForm)
}

/// The "Return to the app" page: one link, to the app's redirect URI with the code. It holds
/// the code, so it is never cached, and it loads nothing from elsewhere and sends no referrer
/// (the security headers say both for every page; they are set here too, so this page never
/// depends on that).
fn return_to_app(app_name: &str, location: &str) -> Response {
    let mut response = pages::render(
        &PageContext::for_request(),
        StatusCode::OK,
        &pages::ReturnToAppPage { app_name, location },
    );
    let headers = response.headers_mut();
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    no_store(response)
}

/// The page a `fail_login` app's user sees: what failed, naming the identity pool, in the
/// page's words (the pool's own code and message go to the log, never to the page).
fn failed_page(app_name: &str, e: &FederationError) -> Response {
    let status = match e {
        e if e.is_transient() => StatusCode::SERVICE_UNAVAILABLE,
        FederationError::FederatedTokensInvalid { .. } => StatusCode::BAD_REQUEST,
        _ => StatusCode::BAD_GATEWAY,
    };
    let why = match e {
        FederationError::Pool(error) => {
            let (pool, trouble) = match error {
                PoolError::Unreachable { pool } => (pool, PoolTrouble::Unreachable),
                PoolError::Throttled { pool } => (pool, PoolTrouble::Throttled),
                PoolError::NotAuthorized { pool, .. } => (pool, PoolTrouble::Refused),
                PoolError::NotFound { pool } => (pool, PoolTrouble::NotFound),
                PoolError::BadAnswer { pool } => (pool, PoolTrouble::BadAnswer),
                // Any other exception the pool named: a generic sentence; its code is logged.
                PoolError::Service { pool, code, .. } => {
                    tracing::warn!(code = %code, "identity pool error shown as a generic page");
                    (pool, PoolTrouble::Failed)
                }
            };
            FederationWhy::Pool {
                pool: pool.clone(),
                trouble,
            }
        }
        FederationError::FederatedTokensInvalid { provider } => FederationWhy::SignInExpired {
            provider: provider.clone(),
        },
        FederationError::ProviderUnavailable { provider } => FederationWhy::ProviderUnreachable {
            provider: provider.clone(),
        },
        FederationError::Internal => FederationWhy::Internal,
    };
    let msg = Msg::FederationFailed {
        app: app_name.to_string(),
        why,
    };
    pages::error(status, msg)
}
