//! The AWS role page (`/aws/role/{request}`): between sign-in and the code, when the user may
//! act under several roles and nothing fixes one. CSRF-protected, bound to the browser that
//! started the sign-in, one post per request.

use crate::flow::finish;
use crate::hosted_ui::finish::{Arrived, respond};
use crate::hosted_ui::pages::{self, RoleOption, RolePage};
use crate::hosted_ui::signin::bound_request;
use crate::state::AppState;
use crate::store::{AuthRequest, PendingRole};
use crate::web::browser::BrowserSession;
use crate::web::page::{Msg, PageContext};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use tower_sessions::Session;

/// A request waiting on the role page, started by this browser; `Err` is the page to show.
async fn pending(
    state: &AppState,
    browser: &BrowserSession,
    request_id: &str,
) -> Result<(AuthRequest, PendingRole), Response> {
    let mut request = bound_request(state, browser, request_id).await?;
    match request.pending_role.take() {
        Some(pending) => Ok((request, pending)),
        None => Err(pages::error(StatusCode::BAD_REQUEST, Msg::SignInExpired)),
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
        &PageContext::for_request(),
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
        Err(page) => return page.into(),
    };
    let Some(role) = form
        .remove("role")
        .filter(|role| pending.roles.contains(role))
    else {
        tracing::warn!("role form posted with a role the account may not use");
        return pages::error(StatusCode::BAD_REQUEST, Msg::RoleNotAllowed);
    };
    let next = finish::role_chosen(&state, &request_id, request, pending, role).await;
    respond(next, Arrived::ByForm)
}
