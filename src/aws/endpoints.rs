//! HTTP handlers for AWS credentials and session state. Each extracts, calls the federation or
//! the token checks, and maps the outcome to JSON; nothing else.
//!
//! ```text
//! POST /aws/credentials           Bearer access token  → {identity_id, aws_credentials}
//! GET  /aws/guest-credentials     ?client_id[&identity_id] → {identity_id, aws_credentials}
//! POST /aws/container-token       Bearer access token  → {authorization_token, credentials_uri}
//! GET  /aws/container-credentials Authorization: <container token> → ECS credentials JSON
//! GET  /session                   Bearer access token, or the SSO cookie → {state, ...}
//! ```
//!
//! The container endpoint speaks the ECS container-credentials format, so any AWS SDK fetches
//! credentials from it with `AWS_CONTAINER_CREDENTIALS_FULL_URI={issuer}/aws/container-credentials`
//! and `AWS_CONTAINER_AUTHORIZATION_TOKEN={authorization_token}`. The token is a dedicated one,
//! not the access token: an SDK process keeps it for hours while access tokens last one. It is
//! the session's family id and app, sealed (AES-256-GCM) with the store key: it cannot be forged
//! or read, and it dies with the session (logout, revocation, refresh-token reuse, expiry),
//! because every use checks the family is still alive.

use crate::apps::RegisteredApp;
use crate::aws::federation::{FederatedTokens, FederationError};
use crate::aws::identity_pool::{AwsCredentials, PoolError};
use crate::oauth::error::{ErrorCode, OAuthError};
use crate::oauth::grants::verify_access_token;
use crate::oauth::tokens::AccessClaims;
use crate::state::AppState;
use crate::store::RefreshFamily;
use crate::web::browser::BrowserSession;
use crate::web::client::ClientAddr;
use crate::web::respond::{authorization, bearer as bearer_token};
use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::time::Duration;
use time::OffsetDateTime;
use tower_sessions::Session;

/// Purpose the container token is sealed under.
const CONTAINER_PURPOSE: &str = "aws-container-token";

/// Guest requests that would create an identity (no `identity_id`), per client address and
/// minute: `GetId` has a 25-per-second quota for the whole account.
const NEW_GUESTS_PER_MINUTE: u32 = 20;

/// The AWSMobileClient user states `/session` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UserState {
    /// A live session whose AWS federation (if any) can go on.
    SignedIn,
    /// No session, but the app may get guest credentials.
    Guest,
    /// No session.
    SignedOut,
    /// The access token is authgate's, unexpired, but its session has ended (logout,
    /// revocation, refresh-token reuse, expiry): sign in again.
    SignedOutUserPoolsTokensInvalid,
    /// The session lives, but the provider token federation sends has expired and cannot be
    /// renewed: sign in with the provider again to get AWS credentials.
    SignedOutFederatedTokensInvalid,
}

/// An answer of these endpoints that is not a success. `Display`-free on purpose: each
/// variant says what the client may learn.
enum ApiError {
    /// RFC 6750 (401 + `WWW-Authenticate: Bearer`).
    Token(OAuthError),
    /// 400, with an RFC 6749 code.
    Request(ErrorCode, String),
    /// 401 `invalid_client`: an unknown app.
    UnknownClient,
    /// 403 `access_denied`: the app (or token) may not have this.
    Denied(String),
    /// 429: too many new guest identities from one address.
    TooMany,
    Federation(FederationError),
    /// The store failed (logged where it happened).
    Unavailable,
}

impl From<OAuthError> for ApiError {
    fn from(e: OAuthError) -> Self {
        if e.code == ErrorCode::ServerError {
            ApiError::Unavailable
        } else {
            ApiError::Token(e)
        }
    }
}

impl From<FederationError> for ApiError {
    fn from(e: FederationError) -> Self {
        ApiError::Federation(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body, challenge) = match self {
            ApiError::Token(e) => return e.into_response(),
            ApiError::Request(code, description) => (
                StatusCode::BAD_REQUEST,
                json!({"error": code.as_str(), "error_description": description}),
                None,
            ),
            ApiError::UnknownClient => (
                StatusCode::UNAUTHORIZED,
                json!({"error": "invalid_client", "error_description": "unknown client_id"}),
                None,
            ),
            ApiError::Denied(description) => (
                StatusCode::FORBIDDEN,
                json!({"error": "access_denied", "error_description": description}),
                None,
            ),
            ApiError::TooMany => (
                StatusCode::TOO_MANY_REQUESTS,
                json!({"error": "temporarily_unavailable",
                       "error_description": "too many new guest identities; send the identity_id you were given"}),
                None,
            ),
            ApiError::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                json!({"error": "temporarily_unavailable",
                       "error_description": "the server could not complete the request"}),
                None,
            ),
            ApiError::Federation(e) => {
                let description = e.to_string();
                let aws_error = e.note().error;
                match e {
                    FederationError::FederatedTokensInvalid { .. } => (
                        StatusCode::UNAUTHORIZED,
                        json!({"error": "invalid_token", "error_description": description,
                               "state": UserState::SignedOutFederatedTokensInvalid}),
                        Some("Bearer error=\"invalid_token\""),
                    ),
                    FederationError::Pool(p) if p.is_transient() => (
                        StatusCode::SERVICE_UNAVAILABLE,
                        json!({"error": "temporarily_unavailable", "error_description": description,
                               "aws_error": aws_error}),
                        None,
                    ),
                    FederationError::Pool(PoolError::NotAuthorized { .. }) => (
                        StatusCode::FORBIDDEN,
                        json!({"error": "access_denied", "error_description": description,
                               "aws_error": aws_error}),
                        None,
                    ),
                    FederationError::Pool(_) => (
                        StatusCode::BAD_GATEWAY,
                        json!({"error": "aws_error", "error_description": description,
                               "aws_error": aws_error}),
                        None,
                    ),
                    FederationError::Internal | FederationError::ProviderUnavailable { .. } => (
                        StatusCode::SERVICE_UNAVAILABLE,
                        json!({"error": "temporarily_unavailable", "error_description": description}),
                        None,
                    ),
                }
            }
        };
        let mut response = (status, Json(body)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(challenge) = challenge {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        response
    }
}

/// The Bearer token of `Authorization` (RFC 6750 §2.1).
fn bearer(headers: &HeaderMap) -> Result<&str, ApiError> {
    bearer_token(authorization(headers)).ok_or_else(|| {
        ApiError::Token(OAuthError::new(
            ErrorCode::InvalidToken,
            "a Bearer access token is required",
        ))
    })
}

/// A live session of an app that gets AWS credentials.
async fn aws_session<'a>(
    state: &'a AppState,
    headers: &HeaderMap,
) -> Result<(&'a RegisteredApp, AccessClaims, RefreshFamily), ApiError> {
    let (claims, family) = verify_access_token(state.oauth(), bearer(headers)?).await?;
    let app = aws_app(state, &claims.client_id)?;
    Ok((app, claims, family))
}

fn aws_app<'a>(state: &'a AppState, client_id: &str) -> Result<&'a RegisteredApp, ApiError> {
    let app = state.apps.get(client_id).ok_or(ApiError::UnknownClient)?;
    match (&state.federation, &app.aws) {
        (Some(_), Some(_)) => Ok(app),
        _ => Err(ApiError::Denied(format!(
            "app `{client_id}` does not get AWS credentials"
        ))),
    }
}

/// Fresh credentials for the session of `family_id`.
async fn family_credentials(
    state: &AppState,
    app: &RegisteredApp,
    family_id: &str,
    family: RefreshFamily,
) -> Result<(String, AwsCredentials), ApiError> {
    let federation = state.federation.as_ref().ok_or(ApiError::Unavailable)?;
    let (_, federated) = federation
        .for_family(state.federation_deps(), app, family_id, family)
        .await
        .inspect_err(|e| tracing::info!(error = %e, "no AWS credentials for this session"))?;
    Ok((federated.identity_id, federated.credentials))
}

fn credentials_body(identity_id: &str, credentials: &AwsCredentials) -> Response {
    Json(json!({
        "identity_id": identity_id,
        "aws_credentials": credentials.json(),
    }))
    .into_response()
}

/// `POST /aws/credentials`: the session's credentials, renewed when close to expiry.
#[tracing::instrument(name = "aws_credentials", skip_all)]
pub async fn credentials_post(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let result = async {
        let (app, claims, family) = aws_session(&state, &headers).await?;
        family_credentials(&state, app, &claims.origin_jti, family).await
    }
    .await;
    match result {
        Ok((identity_id, credentials)) => credentials_body(&identity_id, &credentials),
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
pub struct GuestParams {
    client_id: Option<String>,
    identity_id: Option<String>,
}

/// `GET /aws/guest-credentials?client_id=...[&identity_id=...]`: unauthenticated credentials
/// for apps with `allow_guest`. The app keeps the `identity_id` it is given and sends it back
/// (as Amplify keeps its guest identity), so a device stays one guest identity.
#[tracing::instrument(name = "aws_guest_credentials", skip_all)]
pub async fn guest_credentials_get(
    State(state): State<AppState>,
    ClientAddr(address): ClientAddr,
    Query(params): Query<GuestParams>,
) -> Response {
    let result = async {
        let client_id = params
            .client_id
            .as_deref()
            .filter(|c| !c.is_empty())
            .ok_or_else(|| {
                ApiError::Request(ErrorCode::InvalidRequest, "client_id is required".into())
            })?;
        let app = aws_app(&state, client_id)?;
        if !app.aws.as_ref().is_some_and(|a| a.allow_guest) {
            return Err(ApiError::Denied(format!(
                "app `{client_id}` does not allow guests"
            )));
        }
        let identity_id = params.identity_id.as_deref().filter(|i| !i.is_empty());
        if let Some(id) = identity_id
            && !is_identity_id(id)
        {
            return Err(ApiError::Request(
                ErrorCode::InvalidRequest,
                "identity_id is not an identity id (region:uuid)".into(),
            ));
        }
        if identity_id.is_none() {
            let key = format!("aws-guest:{address}");
            let hits = state
                .store
                .hit_counter(&key, Duration::from_secs(60), OffsetDateTime::now_utc())
                .await
                .map_err(|e| {
                    tracing::error!(error = %e, "store failure");
                    ApiError::Unavailable
                })?;
            if hits > NEW_GUESTS_PER_MINUTE {
                tracing::warn!("too many new guest identities from one address");
                return Err(ApiError::TooMany);
            }
        }
        let federation = state.federation.as_ref().ok_or(ApiError::Unavailable)?;
        Ok(federation.guest(identity_id).await?)
    }
    .await;
    match result {
        Ok(federated) => credentials_body(&federated.identity_id, &federated.credentials),
        Err(e) => e.into_response(),
    }
}

/// `region:uuid`, nothing else: it is sent to AWS as given.
fn is_identity_id(id: &str) -> bool {
    id.len() <= 64
        && id.split_once(':').is_some_and(|(region, uuid)| {
            !region.is_empty()
                && region
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && uuid.len() == 36
                && uuid.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
        })
}

#[derive(Serialize, Deserialize)]
struct ContainerGrant {
    family_id: String,
    client_id: String,
}

/// `POST /aws/container-token`: a token for the container-credentials endpoint, valid as long
/// as the session of the access token presented.
#[tracing::instrument(name = "aws_container_token", skip_all)]
pub async fn container_token_post(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let result = async {
        let (app, claims, _) = aws_session(&state, &headers).await?;
        let grant = ContainerGrant {
            family_id: claims.origin_jti,
            client_id: app.client_id.clone(),
        };
        let json = serde_json::to_string(&grant).map_err(|_| ApiError::Unavailable)?;
        state
            .sealer
            .seal(CONTAINER_PURPOSE, &json)
            .map_err(|_| ApiError::Unavailable)
    }
    .await;
    match result {
        Ok(sealed) => Json(json!({
            "authorization_token": sealed.as_stored(),
            "credentials_uri": format!("{}/aws/container-credentials", state.settings.issuer),
        }))
        .into_response(),
        Err(e) => e.into_response(),
    }
}

/// `GET /aws/container-credentials`: the ECS format (`AccessKeyId`, `SecretAccessKey`,
/// `Token`, `Expiration`) for the session the container token names.
#[tracing::instrument(name = "aws_container_credentials", skip_all)]
pub async fn container_credentials_get(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Response {
    let refused = || {
        ApiError::Token(OAuthError::new(
            ErrorCode::InvalidToken,
            "the Authorization header must carry a container token from /aws/container-token",
        ))
    };
    let result = async {
        let presented = authorization(&headers)
            .map(|v| v.strip_prefix("Bearer ").unwrap_or(v).trim())
            .filter(|v| !v.is_empty())
            .ok_or_else(refused)?;
        let sealed: crate::security::Sealed =
            serde_json::from_value(Value::String(presented.to_string())).map_err(|_| refused())?;
        let grant: ContainerGrant = state
            .sealer
            .open(CONTAINER_PURPOSE, &sealed)
            .ok()
            .and_then(|json| serde_json::from_str(&json).ok())
            .ok_or_else(refused)?;
        let family = state
            .store
            .get_active_refresh_family(&grant.family_id, OffsetDateTime::now_utc())
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "store failure");
                ApiError::Unavailable
            })?
            .filter(|f| f.client_id == grant.client_id)
            .ok_or_else(|| {
                ApiError::Token(OAuthError::new(
                    ErrorCode::InvalidToken,
                    "the session of this container token has ended",
                ))
            })?;
        let app = aws_app(&state, &grant.client_id)?;
        family_credentials(&state, app, &grant.family_id, family).await
    }
    .await;
    match result {
        Ok((_, credentials)) => Json(credentials.container_json()).into_response(),
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
pub struct SessionParams {
    client_id: Option<String>,
}

/// `GET /session`: the AWSMobileClient user state, for the bearer of an access token (an app)
/// or for this browser's single sign-on session.
#[tracing::instrument(name = "session", skip_all)]
pub async fn session_get(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Query(params): Query<SessionParams>,
) -> Response {
    let result = if headers.contains_key(header::AUTHORIZATION) {
        token_session(&state, &headers).await
    } else {
        browser_session(
            &state,
            BrowserSession::new(session),
            params.client_id.as_deref(),
        )
        .await
    };
    match result {
        Ok(body) => Json(body).into_response(),
        Err(e) => e.into_response(),
    }
}

/// By token: an invalid or expired access token is an RFC 6750 error (refresh it, then ask);
/// an authentic one reports its session's state.
async fn token_session(state: &AppState, headers: &HeaderMap) -> Result<Value, ApiError> {
    let token = bearer(headers)?;
    let claims: AccessClaims = state.keys.verify(token, false).map_err(|_| {
        ApiError::Token(OAuthError::new(
            ErrorCode::InvalidToken,
            "access token is invalid or expired",
        ))
    })?;
    if claims.token_use != "access" {
        return Err(ApiError::Token(OAuthError::new(
            ErrorCode::InvalidToken,
            "not an access token",
        )));
    }
    let family = state
        .store
        .get_active_refresh_family(&claims.origin_jti, OffsetDateTime::now_utc())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "store failure");
            ApiError::Unavailable
        })?;
    let Some(family) = family else {
        return Ok(json!({
            "state": UserState::SignedOutUserPoolsTokensInvalid,
            "client_id": claims.client_id,
            "sub": claims.sub,
        }));
    };
    let federates = state
        .apps
        .get(&family.client_id)
        .is_some_and(|a| a.aws.is_some());
    let mut body = signed_in_body(state, &family.identity, federates).await?;
    let identity_id = family.aws.as_ref().and_then(|a| a.identity_id.clone());
    if let (Some(id), Some(object)) = (identity_id, body.as_object_mut()) {
        object.insert("identity_id".into(), Value::String(id));
    }
    if let Some(object) = body.as_object_mut() {
        object.insert("client_id".into(), Value::String(family.client_id));
    }
    Ok(body)
}

/// By browser: the SSO session. `client_id` (optional) names the app asking, for `GUEST` and
/// for whether federation matters.
async fn browser_session(
    state: &AppState,
    browser: BrowserSession,
    client_id: Option<&str>,
) -> Result<Value, ApiError> {
    let app = match client_id {
        Some(id) => Some(state.apps.get(id).ok_or(ApiError::UnknownClient)?),
        None => None,
    };
    let sso = browser.sso_session(&*state.store).await.map_err(|e| {
        tracing::error!(error = %e, "session failure");
        ApiError::Unavailable
    })?;
    match sso {
        Some(sso) => {
            let federates = state.federation.is_some() && app.is_none_or(|a| a.aws.is_some());
            signed_in_body(state, &sso.identity, federates).await
        }
        None if app.is_some_and(|a| a.aws.as_ref().is_some_and(|aws| aws.allow_guest)) => {
            Ok(json!({"state": UserState::Guest}))
        }
        None => Ok(json!({"state": UserState::SignedOut})),
    }
}

async fn signed_in_body(
    state: &AppState,
    identity: &crate::identity::Identity,
    federates: bool,
) -> Result<Value, ApiError> {
    let federation = state.federation.as_ref().filter(|_| federates);
    let user_state = match federation
        .map(|f| f.federated_tokens(identity, &state.sealer, OffsetDateTime::now_utc()))
    {
        Some(FederatedTokens::Invalid) => UserState::SignedOutFederatedTokensInvalid,
        _ => UserState::SignedIn,
    };
    let mut body = json!({
        "state": user_state,
        "provider": identity.provider,
        "username": identity.username,
        "sub": identity.subject(),
    });
    if let Some(federation) = federation {
        let id = federation
            .known_identity_id(&*state.store, identity)
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "store failure");
                ApiError::Unavailable
            })?;
        if let (Some(id), Some(object)) = (id, body.as_object_mut()) {
            object.insert("identity_id".into(), Value::String(id));
        }
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_ids_are_checked_before_they_reach_aws() {
        assert!(is_identity_id(
            "us-east-1:0f3c1d2e-aaaa-bbbb-cccc-0123456789ab"
        ));
        assert!(!is_identity_id("us-east-1:../../x"));
        assert!(!is_identity_id("0f3c1d2e-aaaa-bbbb-cccc-0123456789ab"));
        assert!(!is_identity_id(
            "US-EAST-1:0f3c1d2e-aaaa-bbbb-cccc-0123456789ab"
        ));
    }

    #[test]
    fn user_states_are_named_as_awsmobileclient_names_them() {
        for (state, name) in [
            (UserState::SignedIn, "SIGNED_IN"),
            (UserState::Guest, "GUEST"),
            (UserState::SignedOut, "SIGNED_OUT"),
            (
                UserState::SignedOutUserPoolsTokensInvalid,
                "SIGNED_OUT_USER_POOLS_TOKENS_INVALID",
            ),
            (
                UserState::SignedOutFederatedTokensInvalid,
                "SIGNED_OUT_FEDERATED_TOKENS_INVALID",
            ),
        ] {
            assert_eq!(json!(state), json!(name));
        }
    }
}
