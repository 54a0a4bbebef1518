//! The last step of a login: a user has proven who they are. For an app with
//! `aws_credentials`, federate into the identity pool first; when the user may act under several
//! roles and nothing fixes one, they choose on the role page; when the pool fails, the app's
//! `aws_failure` decides (a page naming the pool and no code, or a code whose token response
//! carries `aws_error`). Then the single-use code.

use crate::aws::federation::{RoleChoice, seal_credentials};
use crate::config::AwsFailure;
use crate::flow::{Failure, Mode, Next};
use crate::identity::Identity;
use crate::oauth::authorize;
use crate::oauth::error::ErrorCode;
use crate::redirect_uri::with_query;
use crate::security::{random_token, storage_hash};
use crate::state::AppContext;
use crate::store::{AuthRequest, AwsGrant, AwsSession, CodeGrant, PendingRole, StoreError};
use crate::telemetry::audit;
use crate::telemetry::meter::{self, SignInOutcome};
use time::OffsetDateTime;

/// Where the request being finished lives.
pub enum Origin<'a> {
    /// Stored under this id (a sign-in page, or an upstream provider, led here).
    Stored(&'a str),
    /// Not stored: the single sign-on shortcut. A role choice will store it, bound to the
    /// browser whose binding hashes to this.
    Sso { binding_hash: String },
}

/// A user signed in on a page or upstream for the stored request `request_id`: consume the
/// request (one request, one code: a reload cannot mint a second one) and finish.
pub async fn signed_in(
    state: &AppContext,
    request_id: &str,
    request: AuthRequest,
    identity: Identity,
    auth_time: i64,
) -> Next {
    if let Err(e) = state.store.delete_auth_request(request_id).await {
        return unavailable(&e);
    }
    // The sign-in itself is done (whatever federation and the role page then say): count it
    // here, once, for every kind of provider.
    meter::sign_in(
        &identity.provider,
        &request.client_id,
        SignInOutcome::Success,
    );
    audit::sign_in(&request.client_id, &identity, false);
    // A passive SAML sign-in (prompt=none) must not stop on a page either.
    let mode = if crate::flow::begin::is_passive(&request) {
        Mode::Silent
    } else {
        Mode::Interactive
    };
    complete(
        state,
        Origin::Stored(request_id),
        request,
        identity,
        auth_time,
        mode,
    )
    .await
}

/// Federation (when the app asks for AWS), perhaps the role page, then the code.
pub async fn complete(
    state: &AppContext,
    origin: Origin<'_>,
    request: AuthRequest,
    identity: Identity,
    auth_time: i64,
    mode: Mode,
) -> Next {
    if let Origin::Sso { .. } = origin {
        meter::sso_sign_in(&identity.provider, &request.client_id);
        audit::sign_in(&request.client_id, &identity, true);
    }
    let federation = state.federation.as_ref();
    let app = state.apps.get(&request.client_id);
    let (Some(federation), Some(app)) = (federation, app.filter(|a| a.aws.is_some())) else {
        return issue(state, &request, &identity, auth_time, None, mode).await;
    };
    if let RoleChoice::Choose(roles) = federation.role_choice(app, &identity, &state.sealer) {
        if mode == Mode::Silent {
            return error_to_app(
                state,
                &request,
                ErrorCode::InteractionRequired,
                "the user must choose an AWS role",
            );
        }
        return ask_for_role(state, origin, request, identity, auth_time, roles).await;
    }
    federate_and_issue(state, request, identity, auth_time, None, mode).await
}

/// The user chose `role` on the role page for the stored request `request_id`.
pub async fn role_chosen(
    state: &AppContext,
    request_id: &str,
    request: AuthRequest,
    pending: PendingRole,
    role: String,
) -> Next {
    // One request, one code: the role page cannot be posted twice.
    if let Err(e) = state.store.delete_auth_request(request_id).await {
        return unavailable(&e);
    }
    federate_and_issue(
        state,
        request,
        pending.identity,
        pending.auth_time,
        Some(role),
        Mode::Interactive,
    )
    .await
}

/// An error sent back to the app (its redirect URI is already validated): for `prompt=none`,
/// which must never stop on a page.
fn error_to_app(state: &AppContext, request: &AuthRequest, code: ErrorCode, why: &str) -> Next {
    Next::ToApp(authorize::error_redirect(
        &state.settings.issuer,
        &request.redirect_uri,
        request.state.as_deref(),
        code,
        why,
    ))
}

fn unavailable(e: &StoreError) -> Next {
    Next::Failed(Failure::Unavailable(e.to_string()))
}

async fn federate_and_issue(
    state: &AppContext,
    request: AuthRequest,
    identity: Identity,
    auth_time: i64,
    chosen_role: Option<String>,
    mode: Mode,
) -> Next {
    let (Some(federation), Some(app)) = (&state.federation, state.apps.get(&request.client_id))
    else {
        return Next::Failed(Failure::Expired);
    };
    let failure = app.aws.as_ref().map(|a| a.failure).unwrap_or_default();
    let grant = match federation
        .sign_in(state.federation_deps(), app, &identity, chosen_role.clone())
        .await
    {
        Ok((session, credentials)) => AwsGrant {
            session,
            credentials: seal_credentials(&state.sealer, &credentials),
            error: None,
        },
        Err(e) if failure == AwsFailure::FailLogin => {
            tracing::warn!(client_id = %app.client_id, error = %e, "sign-in failed at the identity pool; no code issued");
            if mode == Mode::Silent {
                let code = if e.is_transient() {
                    ErrorCode::TemporarilyUnavailable
                } else {
                    ErrorCode::AccessDenied
                };
                return error_to_app(state, &request, code, &e.to_string());
            }
            return Next::Failed(Failure::Federation {
                app_name: app.name.clone(),
                error: e,
            });
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
    issue(state, &request, &identity, auth_time, Some(grant), mode).await
}

async fn issue(
    state: &AppContext,
    request: &AuthRequest,
    identity: &Identity,
    auth_time: i64,
    aws: Option<AwsGrant>,
    mode: Mode,
) -> Next {
    match issue_code(state, request, identity, auth_time, aws).await {
        Ok(location) => code_to_app(state, request, location, mode),
        Err(e) => unavailable(&e),
    }
}

/// The code goes to the app with a redirect; for an app with `redirect_interstitial` whose
/// redirect URI has a scheme of its own (`myapp://`, `com.example.app:/`), by a page with a
/// link instead. Never under `prompt=none`, which must not stop on a page; https and loopback
/// redirects are followed by every browser, and keep the redirect.
fn code_to_app(state: &AppContext, request: &AuthRequest, location: String, mode: Mode) -> Next {
    let custom_scheme = url::Url::parse(&request.redirect_uri)
        .is_ok_and(|uri| !matches!(uri.scheme(), "http" | "https"));
    match state.apps.get(&request.client_id) {
        Some(app) if app.redirect_interstitial && custom_scheme && mode == Mode::Interactive => {
            Next::ReturnToApp {
                location,
                app_name: app.name.clone(),
            }
        }
        _ => Next::ToApp(location),
    }
}

/// Keeps the finished sign-in with the request and sends the browser to the role page.
async fn ask_for_role(
    state: &AppContext,
    origin: Origin<'_>,
    mut request: AuthRequest,
    identity: Identity,
    auth_time: i64,
    roles: Vec<String>,
) -> Next {
    let id = match origin {
        Origin::Stored(id) => id.to_string(),
        // The single sign-on path stored no request: store one, bound to this browser.
        Origin::Sso { binding_hash } => {
            request.browser_binding = binding_hash;
            random_token()
        }
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
        return unavailable(&e);
    }
    Next::ToPage(format!("/aws/role/{id}"))
}

/// Issues a single-use code for a finished sign-in and returns where to send the browser.
/// `aws` is what identity-pool federation gave, for apps with `aws_credentials`.
pub async fn issue_code(
    state: &AppContext,
    request: &AuthRequest,
    identity: &Identity,
    auth_time: i64,
    aws: Option<AwsGrant>,
) -> Result<String, StoreError> {
    let code = random_token();
    let grant = CodeGrant {
        client_id: request.client_id.clone(),
        redirect_uri: request.redirect_uri.clone(),
        scopes: request.scopes.clone(),
        nonce: request.nonce.clone(),
        code_challenge: request.code_challenge.clone(),
        identity: identity.clone(),
        auth_time,
        family_id: uuid::Uuid::new_v4().to_string(),
        aws,
        sso_session: request.sso_session.clone(),
        origin: request.origin.clone(),
    };
    let expires_at = OffsetDateTime::now_utc() + state.settings.tokens.code_ttl;
    state
        .store
        .put_code(&storage_hash(&code), &grant, expires_at)
        .await?;
    meter::code_issued(&request.client_id);
    let mut params = vec![("code", code.as_str())];
    if let Some(s) = request.state.as_deref() {
        params.push(("state", s));
    }
    params.push(("iss", state.settings.issuer.as_str()));
    Ok(with_query(&request.redirect_uri, &params))
}
