//! The part of Amazon Cognito's user-pool API that apps' SDKs call for the token lifecycle, at
//! `POST /`: what Amplify's `userPoolEndpoint` and AWSMobileClient's
//! `CognitoUserPool.Endpoint` point at. AWS JSON 1.1 (`Content-Type:
//! application/x-amz-json-1.1`, `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`),
//! unsigned as Amplify calls it, Cognito's error shape ([`wire`]).
//!
//! | Operation | Input | What authgate does |
//! |---|---|---|
//! | `GetTokensFromRefreshToken` | `RefreshToken`, `ClientId`, `ClientSecret` | the token endpoint's refresh grant: rotation, reuse detection ([`tokens`]) |
//! | `InitiateAuth` | `AuthFlow` `REFRESH_TOKEN_AUTH` / `REFRESH_TOKEN`, `ClientId`, `AuthParameters` `REFRESH_TOKEN`, `SECRET_HASH` | the same grant; other flows are refused (users sign in on the hosted UI) |
//! | `RevokeToken` | `Token`, `ClientId`, `ClientSecret` | revokes the refresh token's family, as `/oauth2/revoke` |
//! | `GetUser` | `AccessToken` | `Username` and the ID token's claims as `UserAttributes` ([`user`]) |
//! | `GlobalSignOut` | `AccessToken` | ends every session of the user: all refresh families, all SSO sessions (and, for a pool user, at the pool) |
//! | `UpdateUserAttributes`, `GetUserAttributeVerificationCode`, `VerifyUserAttribute`, `ChangePassword`, `AssociateSoftwareToken`, `VerifySoftwareToken`, `SetUserMFAPreference`, `ListDevices`, `GetDevice`, `ForgetDevice`, `UpdateDeviceStatus`, `DeleteUser` | `AccessToken`, the operation's members | a user-pool user's own account, forwarded to the pool ([`account`]); refused for other users |
//! | anything else | | `InvalidParameterException` naming the operation |
//!
//! Tokens are authgate's own (broker apps). For passthrough apps, whose tokens are a user pool's,
//! refresh goes through the same grant (which refreshes with the pool), `RevokeToken` is passed on
//! to the pool as well, and `GetUser` / `GlobalSignOut` with a pool's access token go to that pool.
//! Errors: 400 with `__type` / `x-amzn-ErrorType` `NotAuthorizedException` (a bad, expired,
//! revoked or reused token, a wrong secret), `RefreshTokenReuseException`
//! (`GetTokensFromRefreshToken` with a rotated-away token: the family is then revoked),
//! `ResourceNotFoundException` (unknown `ClientId`), `UnauthorizedException` /
//! `UnsupportedTokenTypeException` (`RevokeToken`), `InvalidParameterException` (a missing
//! member, an unsupported flow or operation), `SerializationException` (a body that is not the
//! JSON the operation takes), `UnknownOperationException` (no Cognito `X-Amz-Target`); for the
//! account operations also the pool's own types, passed on, and `LimitExceededException` (too
//! many wrong passwords or codes); 500 `InternalErrorException` for authgate's own faults and
//! a pool that did not answer. CORS: `crate::web::cors`.

pub mod account;
pub mod tokens;
pub mod user;
pub mod wire;

use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use wire::ApiError;

/// `POST /`: one operation per request, named by `X-Amz-Target`.
#[tracing::instrument(name = "cognito_api", skip_all, fields(operation))]
pub async fn api_post(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let result = match wire::operation(&headers) {
        Ok(operation) => {
            // The name comes from the caller: record it only when it looks like one.
            if operation.len() <= 64 && operation.bytes().all(|b| b.is_ascii_alphanumeric()) {
                tracing::Span::current().record("operation", operation);
            }
            dispatch(&state, operation, &headers, &body).await
        }
        Err(e) => Err(e),
    };
    result.unwrap_or_else(|e| {
        tracing::info!(error = e.kind, "user-pool API request refused");
        e.into_response()
    })
}

async fn dispatch(
    state: &AppState,
    operation: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Response, ApiError> {
    match operation {
        "GetTokensFromRefreshToken" => {
            tokens::get_tokens_from_refresh_token(state, headers, body).await
        }
        "InitiateAuth" => tokens::initiate_auth(state, headers, body).await,
        "RevokeToken" => tokens::revoke_token(state, headers, body).await,
        "GetUser" => user::get_user(state, headers, body).await,
        "GlobalSignOut" => user::global_sign_out(state, headers, body).await,
        other => match account::OPERATIONS.iter().find(|op| **op == other) {
            Some(op) => account::operation(state, op, headers, body).await,
            None => Err(ApiError::invalid_parameter(format!(
                "{} is not supported by authgate, which implements GetTokensFromRefreshToken, \
                 InitiateAuth (refresh), RevokeToken, GetUser, GlobalSignOut and, for user-pool \
                 users, the account operations ({})",
                printable(other),
                account::OPERATIONS.join(", ")
            ))),
        },
    }
}

/// A caller-supplied name, cut short and stripped of anything that is not a name character.
fn printable(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .take(64)
        .collect()
}
