//! The refresh-token operations: `GetTokensFromRefreshToken`, `InitiateAuth` with
//! `REFRESH_TOKEN_AUTH` / `REFRESH_TOKEN`, and `RevokeToken`. Each is the token endpoint's own
//! code behind Cognito's shapes: [`grants::refresh_grant`] (rotation and reuse detection in one
//! store operation, passthrough apps refreshed with their pool) and
//! [`grants::revoke_refresh_token`].

use super::wire::{ApiError, input, ok, required};
use crate::apps::RegisteredApp;
use crate::oauth::error::ErrorCode;
use crate::oauth::grants::{self, RefreshError};
use crate::oauth::tokens::TokenResponse;
use crate::security::storage_hash;
use crate::state::AppState;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use time::OffsetDateTime;

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct GetTokensFromRefreshTokenInput {
    refresh_token: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct InitiateAuthInput {
    auth_flow: Option<String>,
    client_id: Option<String>,
    #[serde(default)]
    auth_parameters: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct RevokeTokenInput {
    token: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

/// The app a `ClientId` names, as Cognito answers an unknown one.
fn app<'a>(state: &'a AppState, client_id: &Option<String>) -> Result<&'a RegisteredApp, ApiError> {
    let client_id = required(client_id, "ClientId")?;
    state.apps.get(client_id).ok_or_else(|| {
        ApiError::new(
            "ResourceNotFoundException",
            format!("User pool client {client_id} does not exist."),
        )
    })
}

/// `ClientSecret` (GetTokensFromRefreshToken, RevokeToken): required exactly when the app has a
/// secret. `refuse` builds the operation's error.
fn check_client_secret(
    app: &RegisteredApp,
    presented: Option<&str>,
    refuse: fn(String) -> ApiError,
) -> Result<(), ApiError> {
    let id = &app.client_id;
    match (app.is_public(), presented.filter(|s| !s.is_empty())) {
        (true, None) => Ok(()),
        (true, Some(_)) => Err(refuse(format!("Client {id} has no secret")).client_auth_failure()),
        (false, None) => Err(refuse(format!(
            "Client {id} is configured with secret but ClientSecret was not received"
        ))),
        (false, Some(secret)) if app.secret_matches(secret) => Ok(()),
        (false, Some(_)) => {
            Err(refuse(format!("Unable to verify secret for client {id}")).client_auth_failure())
        }
    }
}

/// How a refused refresh reads in Cognito's words. `reuse` is the error a replayed token gets:
/// `RefreshTokenReuseException` where the operation has it (GetTokensFromRefreshToken), else
/// `NotAuthorizedException`.
fn refresh_refused(e: RefreshError, reuse: &'static str) -> ApiError {
    match e {
        // Cognito says this too for a token of another app client.
        RefreshError::Invalid | RefreshError::OtherClient => {
            ApiError::not_authorized("Invalid Refresh Token")
        }
        RefreshError::Revoked => ApiError::not_authorized("Refresh Token has been revoked"),
        RefreshError::Reused => ApiError::new(
            reuse,
            "Refresh Token has been reused; every token of this session is revoked",
        ),
        RefreshError::Refused(e) => match e.code {
            ErrorCode::InvalidGrant => ApiError::not_authorized(e.description),
            ErrorCode::ServerError | ErrorCode::TemporarilyUnavailable => {
                ApiError::new("InternalErrorException", e.description)
            }
            _ => ApiError::invalid_parameter(e.description),
        },
    }
}

/// Cognito's `AuthenticationResult`. authgate rotates every refresh token, so the next one is
/// always there.
fn authentication_result(tokens: &TokenResponse) -> Value {
    let mut result = json!({
        "AccessToken": tokens.access_token,
        "ExpiresIn": tokens.expires_in,
        "TokenType": tokens.token_type,
        "RefreshToken": tokens.refresh_token,
    });
    if let (Some(id_token), Some(map)) = (&tokens.id_token, result.as_object_mut()) {
        map.insert("IdToken".into(), Value::String(id_token.clone()));
    }
    result
}

pub async fn get_tokens_from_refresh_token(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Response, ApiError> {
    let request: GetTokensFromRefreshTokenInput = input(headers, body)?;
    let app = app(state, &request.client_id)?;
    check_client_secret(
        app,
        request.client_secret.as_deref(),
        ApiError::not_authorized,
    )?;
    let token = required(&request.refresh_token, "RefreshToken")?;
    let (tokens, _, _) = grants::refresh_grant(state.oauth(), app, token, None)
        .await
        .map_err(|e| refresh_refused(e, "RefreshTokenReuseException"))?;
    Ok(ok(
        &json!({"AuthenticationResult": authentication_result(&tokens)}),
    ))
}

/// `InitiateAuth`: only the refresh flows. Signing in is the hosted UI's job (Cognito's own
/// native API cannot sign in federated users either).
pub async fn initiate_auth(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Response, ApiError> {
    let request: InitiateAuthInput = input(headers, body)?;
    let flow = required(&request.auth_flow, "AuthFlow")?;
    let app = app(state, &request.client_id)?;
    if !matches!(flow, "REFRESH_TOKEN_AUTH" | "REFRESH_TOKEN") {
        return Err(ApiError::invalid_parameter(format!(
            "AuthFlow {flow} is not supported by authgate: users sign in through its hosted UI \
             (/oauth2/authorize); InitiateAuth supports REFRESH_TOKEN_AUTH and REFRESH_TOKEN"
        )));
    }
    let token = request
        .auth_parameters
        .get("REFRESH_TOKEN")
        .map(String::as_str)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::missing("REFRESH_TOKEN"))?;
    if !app.is_public() {
        check_secret_hash(
            state,
            app,
            token,
            request.auth_parameters.get("SECRET_HASH"),
        )
        .await?;
    }
    let (tokens, _, _) = grants::refresh_grant(state.oauth(), app, token, None)
        .await
        .map_err(|e| refresh_refused(e, "NotAuthorizedException"))?;
    Ok(ok(&json!({
        "AuthenticationResult": authentication_result(&tokens),
        "ChallengeParameters": {},
    })))
}

/// A confidential app's `SECRET_HASH` for a refresh: keyed with its secret, over the user name
/// the tokens carry (`cognito:username`; the `sub` is accepted too, as clients that only kept
/// the ID token compute it over that). Checked before the token is rotated, so a wrong hash
/// costs the caller nothing.
async fn check_secret_hash(
    state: &AppState,
    app: &RegisteredApp,
    token: &str,
    presented: Option<&String>,
) -> Result<(), ApiError> {
    let id = &app.client_id;
    let Some(presented) = presented.filter(|h| !h.is_empty()) else {
        return Err(ApiError::not_authorized(format!(
            "Client {id} is configured for secret but secret was not received"
        )));
    };
    let family = state
        .store
        .find_refresh_family(&storage_hash(token), OffsetDateTime::now_utc())
        .await?;
    let Some((_, family)) = family else {
        return Err(ApiError::not_authorized("Invalid Refresh Token"));
    };
    let identity = &family.identity;
    if app.secret_hash_matches(&identity.username, presented)
        || app.secret_hash_matches(&identity.subject(), presented)
    {
        Ok(())
    } else {
        Err(
            ApiError::not_authorized(format!("Unable to verify secret hash for client {id}"))
                .client_auth_failure(),
        )
    }
}

/// `RevokeToken`: the refresh token's family, as `/oauth2/revoke` revokes it; for passthrough
/// apps the pool is told too.
pub async fn revoke_token(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Response, ApiError> {
    let request: RevokeTokenInput = input(headers, body)?;
    let unauthorized = |m: String| ApiError::new("UnauthorizedException", m);
    let client_id = required(&request.client_id, "ClientId")?;
    let app = state
        .apps
        .get(client_id)
        .ok_or_else(|| unauthorized(format!("User pool client {client_id} does not exist.")))?;
    check_client_secret(app, request.client_secret.as_deref(), |m| {
        ApiError::new("UnauthorizedException", m)
    })?;
    let token = required(&request.token, "Token")?;
    if let Err(e) = grants::revoke_refresh_token(state.oauth(), app, token).await {
        return Err(match e.code {
            ErrorCode::UnsupportedTokenType => ApiError::new(
                "UnsupportedTokenTypeException",
                "Only refresh tokens can be revoked",
            ),
            ErrorCode::UnauthorizedClient => {
                unauthorized("The token was not issued to this client".into())
            }
            _ => ApiError::internal(),
        });
    }
    if app.token_mode == crate::config::TokenMode::Passthrough {
        super::user::revoke_at_pool(state, app, token).await;
    }
    Ok(ok(&json!({})))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::error::OAuthError;

    #[test]
    fn refusals_read_as_cognito_words_them() {
        let kind = |e, reuse| refresh_refused(e, reuse).kind;
        assert_eq!(
            refresh_refused(RefreshError::Invalid, "RefreshTokenReuseException").message,
            "Invalid Refresh Token"
        );
        assert_eq!(
            kind(RefreshError::OtherClient, "RefreshTokenReuseException"),
            "NotAuthorizedException"
        );
        assert_eq!(
            refresh_refused(RefreshError::Revoked, "x").message,
            "Refresh Token has been revoked"
        );
        assert_eq!(
            kind(RefreshError::Reused, "RefreshTokenReuseException"),
            "RefreshTokenReuseException"
        );
        assert_eq!(
            kind(RefreshError::Reused, "NotAuthorizedException"),
            "NotAuthorizedException"
        );
        assert_eq!(
            kind(
                RefreshError::Refused(OAuthError::invalid_grant("the pool ended this session")),
                "x"
            ),
            "NotAuthorizedException"
        );
        assert_eq!(
            kind(RefreshError::Refused(OAuthError::server_error()), "x"),
            "InternalErrorException"
        );
    }
}
