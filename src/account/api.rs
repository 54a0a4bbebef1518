//! The account pages' JSON twins, for apps with their own UI: `Authorization: Bearer` with one
//! of authgate's access tokens (verified as `/oauth2/userInfo` verifies it: signature, expiry,
//! a live refresh family, the `openid` scope). Errors are RFC 6750-shaped JSON; CORS is per
//! app, by the token's `client_id` (`web::cors`).

use super::sessions::{self, Current};
use crate::oauth::error::{ErrorCode, OAuthError};
use crate::oauth::grants::verify_access_token;
use crate::oauth::tokens::AccessClaims;
use crate::state::AppState;
use crate::store::RefreshFamily;
use crate::web::respond::{authorization, no_store};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// The token's claims and its live family, or the 401 to answer with.
async fn holder(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<(AccessClaims, String, RefreshFamily), Response> {
    let token = crate::web::respond::bearer(authorization(headers)).ok_or_else(|| {
        OAuthError::new(ErrorCode::InvalidToken, "a Bearer access token is required")
            .into_response()
    })?;
    let (claims, family) = verify_access_token(state.oauth(), token)
        .await
        .map_err(IntoResponse::into_response)?;
    if !claims.scope.split(' ').any(|s| s == "openid") {
        return Err(OAuthError::new(
            ErrorCode::InvalidToken,
            "the access token lacks the openid scope",
        )
        .into_response());
    }
    let family_id = claims.origin_jti.clone();
    Ok((claims, family_id, family))
}

fn unavailable(e: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %e, "state backend failure");
    OAuthError::new(ErrorCode::TemporarilyUnavailable, "try again later").into_response()
}

fn json_error(status: StatusCode, error: &str, description: &str) -> Response {
    no_store(
        (
            status,
            Json(json!({"error": error, "error_description": description})),
        )
            .into_response(),
    )
}

/// `GET /account/api/profile`: who the token's user is, and who keeps their details.
pub async fn profile(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let (claims, _, family) = match holder(&state, &headers).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    let identity = &family.identity;
    let provider = state.providers.get(&identity.provider);
    let managed_by = if provider.is_some_and(|p| p.as_local().is_some()) {
        "configuration"
    } else {
        "provider"
    };
    let attributes: serde_json::Map<String, Value> = identity
        .claims
        .iter()
        .filter(|(name, _)| !name.contains(':'))
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    no_store(
        Json(json!({
            "sub": claims.sub,
            "username": identity.username,
            "provider": identity.provider,
            "provider_name": provider.map_or(identity.provider.as_str(), |p| p.display_name.as_str()),
            "managed_by": managed_by,
            "attributes": attributes,
        }))
        .into_response(),
    )
}

/// `GET /account/api/sessions`: where the token's user is signed in.
pub async fn list(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let (_, family_id, family) = match holder(&state, &headers).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    match sessions::list(&state, &family.identity, Current::Family(&family_id)).await {
        Ok(listed) => no_store(Json(json!({ "sessions": listed })).into_response()),
        Err(e) => unavailable(&e),
    }
}

/// `DELETE /account/api/sessions/{id}`: ends one of the token's user's sessions.
pub async fn end(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let (_, _, family) = match holder(&state, &headers).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    match sessions::end_one(&state, &family.identity, &id).await {
        Ok(Some(ended)) => {
            ended.audit(&family.identity, "api");
            no_store(StatusCode::NO_CONTENT.into_response())
        }
        Ok(None) => json_error(
            StatusCode::NOT_FOUND,
            "not_found",
            "no live session of this user has that id",
        ),
        Err(e) => unavailable(&e),
    }
}

/// `POST /account/api/sign-out-everywhere`: every session of the token's user ends, when the
/// sign-in behind the token is recent enough (`account.reauth_after`); else 403
/// `login_required` with the `max_age` to sign in again with.
pub async fn everywhere(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let (_, _, family) = match holder(&state, &headers).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    if !super::pages::recent_enough(&state, family.auth_time) {
        let max_age = state.settings.account.reauth_after.as_secs();
        return no_store(
            (
                StatusCode::FORBIDDEN,
                Json(json!({
                    "error": "login_required",
                    "error_description": "the sign-in is too old for this: sign in again with max_age",
                    "max_age": max_age,
                })),
            )
                .into_response(),
        );
    }
    match sessions::end_everywhere(&state, &family.identity).await {
        Ok(done) => {
            done.audit(&family.identity, "api");
            no_store(
                Json(json!({
                    "families": done.ended.families,
                    "sso_sessions": done.ended.sso_sessions,
                    "pool_signed_out": done.pool_signed_out,
                }))
                .into_response(),
            )
        }
        Err(e) => unavailable(&e),
    }
}
