//! The AWS step of a sign-in, between the user proving who they are and the code: for an app
//! with `aws_credentials`, federate into the identity pool first. When the user may act under
//! several roles and nothing fixes one, they choose on the role page (`/aws/role/{request}`,
//! CSRF-protected, bound to the browser that started the sign-in). When the pool fails, the
//! app's `aws_failure` decides: a page naming the pool and no code, or a code whose token
//! response carries `aws_error` instead of credentials.

use crate::aws::federation::{FederationError, RoleChoice, seal_credentials};
use crate::connectors::Identity;
use crate::hosted_ui::pages::{self, RoleOption, RolePage};
use crate::hosted_ui::session::BrowserSession;
use crate::hosted_ui::signin::bound_request;
use crate::oauth::authorize;
use crate::oauth::endpoints::{found, see_other};
use crate::oauth::error::ErrorCode;
use crate::security::{random_token, storage_hash};
use crate::state::AppState;
use crate::store::{AuthRequest, AwsGrant, AwsSession, PendingRole};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use time::OffsetDateTime;
use tower_sessions::Session;

const EXPIRED: &str =
    "This sign-in page has expired. Go back to the app and start signing in again.";

/// How the browser is sent back to the app, and whether a page may be shown on the way.
#[derive(Clone, Copy)]
pub struct Finish {
    /// 302 after a GET, 303 after a form.
    pub redirect: fn(&str) -> Response,
    /// False for `prompt=none`: no role page, no error page; the app gets an error redirect.
    pub interactive: bool,
}

/// Where a finished sign-in goes next: federation (when the app asks for AWS), perhaps the role
/// page, then the code. `request_id` names the stored request when there is one (the SSO path
/// has none).
pub async fn complete_sign_in(
    state: &AppState,
    browser: &BrowserSession,
    request_id: Option<&str>,
    request: AuthRequest,
    identity: Identity,
    auth_time: i64,
    finish: Finish,
) -> Response {
    let redirect = finish.redirect;
    let federation = state.federation.as_ref();
    let app = state.apps.get(&request.client_id);
    let (Some(federation), Some(app)) = (federation, app.filter(|a| a.aws.is_some())) else {
        return issue(state, &request, &identity, auth_time, None, redirect).await;
    };
    if let RoleChoice::Choose(roles) = federation.role_choice(app, &identity, &state.sealer) {
        if !finish.interactive {
            return error_to_app(
                state,
                &request,
                ErrorCode::InteractionRequired,
                "the user must choose an AWS role",
            );
        }
        return ask_for_role(
            state, browser, request_id, request, identity, auth_time, roles,
        )
        .await;
    }
    federate_and_issue(state, request, identity, auth_time, None, finish).await
}

/// An error sent back to the app (its redirect URI is already validated): for `prompt=none`,
/// which must never stop on a page.
fn error_to_app(state: &AppState, request: &AuthRequest, code: ErrorCode, why: &str) -> Response {
    found(&authorize::error_redirect(
        &state.settings.issuer,
        &request.redirect_uri,
        request.state.as_deref(),
        code,
        why,
    ))
}

async fn federate_and_issue(
    state: &AppState,
    request: AuthRequest,
    identity: Identity,
    auth_time: i64,
    chosen_role: Option<String>,
    finish: Finish,
) -> Response {
    let (Some(federation), Some(app)) = (&state.federation, state.apps.get(&request.client_id))
    else {
        return pages::error(StatusCode::BAD_REQUEST, EXPIRED);
    };
    let failure = app.aws.as_ref().map(|a| a.failure).unwrap_or_default();
    let grant = match federation
        .sign_in(state, app, &identity, chosen_role.clone())
        .await
    {
        Ok((session, credentials)) => AwsGrant {
            session,
            credentials: seal_credentials(&state.sealer, &credentials),
            error: None,
        },
        Err(e) if failure == crate::config::AwsFailure::FailLogin => {
            tracing::warn!(client_id = %app.client_id, error = %e, "sign-in failed at the identity pool; no code issued");
            if !finish.interactive {
                let code = if e.is_transient() {
                    ErrorCode::TemporarilyUnavailable
                } else {
                    ErrorCode::AccessDenied
                };
                return error_to_app(state, &request, code, &e.to_string());
            }
            return failed_page(&app.name, &e);
        }
        Err(e) => {
            tracing::warn!(client_id = %app.client_id, error = %e, "signing in without AWS credentials");
            let identity_id = federation
                .known_identity_id(&*state.store, &identity)
                .await
                .ok()
                .flatten();
            AwsGrant {
                session: AwsSession {
                    identity_id,
                    role_arn: chosen_role,
                },
                credentials: None,
                error: Some(e.note()),
            }
        }
    };
    issue(
        state,
        &request,
        &identity,
        auth_time,
        Some(grant),
        finish.redirect,
    )
    .await
}

async fn issue(
    state: &AppState,
    request: &AuthRequest,
    identity: &Identity,
    auth_time: i64,
    aws: Option<AwsGrant>,
    redirect: fn(&str) -> Response,
) -> Response {
    match authorize::issue_code(state, request, identity, auth_time, aws).await {
        Ok(location) => redirect(&location),
        Err(e) => pages::unavailable(&e),
    }
}

/// The page a `fail_login` app's user sees: what failed, naming the identity pool.
fn failed_page(app_name: &str, e: &FederationError) -> Response {
    let (status, advice) = match e {
        e if e.is_transient() => (
            StatusCode::SERVICE_UNAVAILABLE,
            "Try again in a few minutes.",
        ),
        FederationError::FederatedTokensInvalid { .. } => (
            StatusCode::BAD_REQUEST,
            "Go back to the app and sign in again.",
        ),
        _ => (
            StatusCode::BAD_GATEWAY,
            "If it keeps happening, tell the app's support.",
        ),
    };
    pages::error(
        status,
        &format!("You could not be signed in to {app_name} because {e}. {advice}"),
    )
}

/// Keeps the finished sign-in with the request and sends the browser to the role page.
async fn ask_for_role(
    state: &AppState,
    browser: &BrowserSession,
    request_id: Option<&str>,
    mut request: AuthRequest,
    identity: Identity,
    auth_time: i64,
    roles: Vec<String>,
) -> Response {
    let id = match request_id {
        Some(id) => id.to_string(),
        // The single sign-on path stored no request: store one, bound to this browser.
        None => match browser.binding().await {
            Ok(binding) => {
                request.browser_binding = storage_hash(&binding);
                random_token()
            }
            Err(e) => return pages::unavailable(&e),
        },
    };
    request.pending_role = Some(PendingRole {
        identity,
        auth_time,
        roles,
    });
    let expires_at = OffsetDateTime::now_utc() + state.settings.sessions.auth_request_ttl;
    if let Err(e) = state
        .store
        .put_auth_request(&id, &request, expires_at)
        .await
    {
        return pages::unavailable(&e);
    }
    see_other(&format!("/aws/role/{id}"))
}

/// A request waiting on the role page, started by this browser; `Err` is the page to show.
async fn pending(
    state: &AppState,
    browser: &BrowserSession,
    request_id: &str,
) -> Result<(AuthRequest, PendingRole), Response> {
    let mut request = bound_request(state, browser, request_id).await?;
    match request.pending_role.take() {
        Some(pending) => Ok((request, pending)),
        None => Err(pages::error(StatusCode::BAD_REQUEST, EXPIRED)),
    }
}

#[tracing::instrument(name = "aws_role", skip_all)]
pub async fn role_get(
    State(state): State<AppState>,
    session: Session,
    Path(request_id): Path<String>,
) -> Response {
    let browser = BrowserSession::new(session);
    let (request, pending) = match pending(&state, &browser, &request_id).await {
        Ok(found) => found,
        Err(page) => return page,
    };
    let csrf = match browser.csrf_token().await {
        Ok(csrf) => csrf,
        Err(e) => return pages::unavailable(&e),
    };
    let app_name = state
        .apps
        .get(&request.client_id)
        .map_or("the app", |a| a.name.as_str());
    let roles = pending
        .roles
        .iter()
        .map(|arn| RoleOption {
            arn,
            name: arn.rsplit('/').next().unwrap_or(arn),
        })
        .collect();
    pages::render(
        StatusCode::OK,
        &RolePage {
            app_name,
            request_id: &request_id,
            csrf: &csrf,
            roles,
        },
    )
}

#[tracing::instrument(name = "aws_role_post", skip_all)]
pub async fn role_post(
    State(state): State<AppState>,
    session: Session,
    Path(request_id): Path<String>,
    body: Bytes,
) -> Response {
    let browser = BrowserSession::new(session);
    let (request, pending) = match pending(&state, &browser, &request_id).await {
        Ok(found) => found,
        Err(page) => return page,
    };
    let mut form = match browser.checked_form(&body).await {
        Ok(form) => form,
        Err(page) => return page,
    };
    let Some(role) = form
        .remove("role")
        .filter(|role| pending.roles.contains(role))
    else {
        tracing::warn!("role form posted with a role the account may not use");
        return pages::error(
            StatusCode::BAD_REQUEST,
            "That role is not one your account may use. Go back and choose one from the list.",
        );
    };
    // One request, one code: the role page cannot be posted twice.
    if let Err(e) = state.store.delete_auth_request(&request_id).await {
        return pages::unavailable(&e);
    }
    federate_and_issue(
        &state,
        request,
        pending.identity,
        pending.auth_time,
        Some(role),
        Finish {
            redirect: see_other,
            interactive: true,
        },
    )
    .await
}
