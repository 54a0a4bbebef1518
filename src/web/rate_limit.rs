//! Rate limits: one middleware, put in front of each endpoint that costs (a signature, a
//! password, an AWS or Cognito call) or can be sprayed (`[rate_limits]`).
//!
//! A request is counted in the store *before* the work it asks for ([`Store::hit_counter_window`],
//! atomic), and refused from the count it got: a burst cannot outrun the count, and replicas
//! sharing a store share it. Refused requests answer 429 with `Retry-After` (the seconds until
//! the window ends): programs get an RFC 6749-style JSON error, people the error page.
//!
//! The JSON error is `temporarily_unavailable`, not `slow_down`: RFC 6749 §4.1.2.1 defines
//! `temporarily_unavailable` for a server that cannot handle a request now because of load,
//! which is what this is, and every OAuth client knows it. `slow_down` belongs to the device
//! grant's polling (RFC 8628 §3.5: "add 5 seconds to the polling interval") and means nothing to
//! a client on any other endpoint.
//!
//! Token, revocation and user-pool API requests (`POST /`, Cognito's JSON API: a second door to
//! the same refresh grant) are also counted by the client credentials they carry:
//! - `token_per_client`: every token request of one registered app, and every user-pool API
//!   call naming it, from anywhere (counted only once the address's count admits the request,
//!   so one address's refused flood does not spend an app's budget);
//! - `client_auth_failures_per_address`: a request that presents a client secret (or a
//!   `SECRET_HASH`) reserves a place among the address's failures before the secret is checked,
//!   and gives it back unless the answer says the credentials were refused
//!   ([`ClientAuthFailed`]): at most that many secrets are ever checked and found wrong per
//!   window, however many are sent at once.
//!
//! The user-pool API's refusals keep Cognito's shape (`TooManyRequestsException`, which the AWS
//! SDKs retry with backoff), with the same 429 and `Retry-After`.
//!
//! [`Store::hit_counter_window`]: crate::store::Store::hit_counter_window

use crate::store::{Store, StoreError};
use crate::web::client::{client_ip, counted_as};
use crate::web::messages::Msg;
use crate::web::page;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;
use time::OffsetDateTime;

/// Token and revocation bodies are forms of a few hundred bytes; the router refuses anything
/// past 64 KiB before it gets here.
const FORM_LIMIT: usize = 64 * 1024;

/// One rate limit: at most `requests` in a fixed window of `per`, written `"600/1m"`, or
/// `"off"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub requests: u32,
    pub per: Duration,
}

impl Limit {
    const fn new(requests: u32, secs: u64) -> Option<Self> {
        Some(Self {
            requests,
            per: Duration::from_secs(secs),
        })
    }

    fn parse(text: &str) -> Result<Option<Self>, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("off") {
            return Ok(None);
        }
        let wrong = || format!("`{text}` is not REQUESTS/WINDOW (like `600/1m`) or `off`");
        let (requests, per) = text.split_once('/').ok_or_else(wrong)?;
        let requests: u32 = requests.trim().parse().map_err(|_| wrong())?;
        let per = humantime::parse_duration(per.trim()).map_err(|_| wrong())?;
        if requests == 0 || per.is_zero() {
            return Err(format!(
                "`{text}` allows nothing: write at least 1 request per a window longer than zero, or `off`"
            ));
        }
        Ok(Some(Self { requests, per }))
    }
}

/// A rate limit's setting: a [`Limit`] or `off` (`None`).
fn limit<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Limit>, D::Error> {
    let text = String::deserialize(d)?;
    Limit::parse(&text).map_err(serde::de::Error::custom)
}

/// `[rate_limits]`: requests counted in the store before the work they ask for is done, per
/// client address (per /64 for IPv6) unless named otherwise; past a limit the answer is 429
/// with `Retry-After` until the window ends. Read with the rest of the settings (`config`
/// names it), defined here, with the limiter that reads it.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RateLimitSettings {
    /// `GET /oauth2/authorize` and `/login`.
    #[serde(deserialize_with = "limit")]
    pub authorize_per_address: Option<Limit>,
    /// `POST /oauth2/token`, from one address.
    #[serde(deserialize_with = "limit")]
    pub token_per_address: Option<Limit>,
    /// `POST /oauth2/token` and the user-pool API's calls naming the app (`ClientId`), for one
    /// registered app from everywhere.
    #[serde(deserialize_with = "limit")]
    pub token_per_client: Option<Limit>,
    /// Token, revocation and user-pool API requests that present a client secret, each counted
    /// before the secret is checked and given back when it was right: failed client
    /// authentications.
    #[serde(deserialize_with = "limit")]
    pub client_auth_failures_per_address: Option<Limit>,
    /// `POST /oauth2/revoke`.
    #[serde(deserialize_with = "limit")]
    pub revoke_per_address: Option<Limit>,
    /// `GET`/`POST /oauth2/userInfo`.
    #[serde(deserialize_with = "limit")]
    pub userinfo_per_address: Option<Limit>,
    /// `POST /`, Cognito's user-pool API (refresh, revoke, GetUser, GlobalSignOut, a pool
    /// user's account operations).
    #[serde(deserialize_with = "limit")]
    pub user_pool_api_per_address: Option<Limit>,
    /// Every `/aws/...` endpoint, and the role choice's POST (each may call AWS).
    #[serde(deserialize_with = "limit")]
    pub aws_per_address: Option<Limit>,
    /// POSTs of a Cognito pool's sign-up, confirmation, resend, forgotten-password and reset
    /// pages (each calls the pool; several send an email or SMS).
    #[serde(deserialize_with = "limit")]
    pub account_pages_per_address: Option<Limit>,
    /// `/account`: the POSTs of its forms (ending a session, signing out everywhere) and
    /// every `/account/api/...` call.
    #[serde(deserialize_with = "limit")]
    pub account_per_address: Option<Limit>,
    /// Wrong passwords and codes on one account through the user-pool API (`ChangePassword`,
    /// `VerifyUserAttribute`, `VerifySoftwareToken`), counted per user before the pool is asked
    /// (`crate::account_pool::attempts`).
    #[serde(deserialize_with = "limit")]
    pub account_attempts_per_user: Option<Limit>,
}

impl Default for RateLimitSettings {
    /// Generous: a benchmark of 32 clients on one address must not meet them. They stop
    /// floods, not users; set lower ones for a deployment you know.
    fn default() -> Self {
        Self {
            authorize_per_address: Limit::new(30_000, 60),
            token_per_address: Limit::new(120_000, 60),
            token_per_client: Limit::new(600_000, 60),
            client_auth_failures_per_address: Limit::new(20, 300),
            revoke_per_address: Limit::new(6_000, 60),
            userinfo_per_address: Limit::new(30_000, 60),
            user_pool_api_per_address: Limit::new(120_000, 60),
            aws_per_address: Limit::new(3_000, 60),
            account_pages_per_address: Limit::new(300, 600),
            account_per_address: Limit::new(600, 600),
            account_attempts_per_user: Limit::new(10, 900),
        }
    }
}

/// Put in a response's extensions by the token and revocation endpoints when the client's
/// authentication failed (`invalid_client`): the failure's reservation is then kept.
#[derive(Debug, Clone, Copy)]
pub struct ClientAuthFailed;

/// What an endpoint is limited as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    Authorize,
    Token,
    Revoke,
    UserInfo,
    /// `/aws/...`: programs.
    Aws,
    /// The AWS role choice: a page.
    AwsPage,
    /// A Cognito pool's sign-up, confirmation, resend, forgot and reset pages.
    AccountPages,
    /// `POST /`: Cognito's user-pool API.
    UserPoolApi,
    /// `/account`'s forms: pages.
    Account,
    /// `/account/api/...`: programs.
    AccountApi,
}

impl Guard {
    fn name(self) -> &'static str {
        match self {
            Self::Authorize => "authorize",
            Self::Token => "token",
            Self::Revoke => "revoke",
            Self::UserInfo => "userinfo",
            Self::Aws | Self::AwsPage => "aws",
            Self::AccountPages => "account",
            Self::UserPoolApi => "user-pool-api",
            Self::Account | Self::AccountApi => "account-self",
        }
    }

    /// People see pages; programs get JSON.
    fn for_people(self) -> bool {
        matches!(
            self,
            Self::Authorize | Self::AwsPage | Self::AccountPages | Self::Account
        )
    }

    /// Pages are counted when they are submitted; showing a form costs nothing.
    fn counts(self, method: &Method) -> bool {
        match self {
            Self::AwsPage | Self::AccountPages | Self::UserPoolApi | Self::Account => {
                method == Method::POST
            }
            _ => true,
        }
    }

    /// The `[rate_limits]` key of its per-address limit.
    fn setting(self) -> &'static str {
        match self {
            Self::Authorize => "authorize_per_address",
            Self::Token => "token_per_address",
            Self::Revoke => "revoke_per_address",
            Self::UserInfo => "userinfo_per_address",
            Self::Aws | Self::AwsPage => "aws_per_address",
            Self::AccountPages => "account_pages_per_address",
            Self::UserPoolApi => "user_pool_api_per_address",
            Self::Account | Self::AccountApi => "account_per_address",
        }
    }

    fn per_address(self, limits: &RateLimitSettings) -> Option<Limit> {
        match self {
            Self::Authorize => limits.authorize_per_address,
            Self::Token => limits.token_per_address,
            Self::Revoke => limits.revoke_per_address,
            Self::UserInfo => limits.userinfo_per_address,
            Self::Aws | Self::AwsPage => limits.aws_per_address,
            Self::AccountPages => limits.account_pages_per_address,
            Self::UserPoolApi => limits.user_pool_api_per_address,
            Self::Account | Self::AccountApi => limits.account_per_address,
        }
    }
}

/// The limits, the store that counts, and the registered apps (only their ids are counted per
/// client: an unknown id would be a new counter per guess).
#[derive(Clone)]
pub struct RateLimiter {
    store: Arc<dyn Store>,
    limits: Arc<RateLimitSettings>,
    clients: Arc<HashSet<String>>,
}

/// A [`RateLimiter`] for one kind of endpoint: the state of [`enforce`].
#[derive(Clone)]
pub struct Limited {
    limiter: RateLimiter,
    guard: Guard,
}

impl RateLimiter {
    /// `clients`: the registered apps' ids.
    pub fn new(
        store: Arc<dyn Store>,
        limits: RateLimitSettings,
        clients: impl IntoIterator<Item = String>,
    ) -> Self {
        Self {
            store,
            limits: Arc::new(limits),
            clients: Arc::new(clients.into_iter().collect()),
        }
    }

    pub fn guard(&self, guard: Guard) -> Limited {
        Limited {
            limiter: self.clone(),
            guard,
        }
    }

    /// Counts one request under `key`; a refusal when it is past `limit` (the setting named
    /// `setting`).
    async fn hit(
        &self,
        key: &str,
        setting: &'static str,
        limit: Limit,
        now: OffsetDateTime,
    ) -> Result<Option<Refusal>, StoreError> {
        let hit = self.store.hit_counter_window(key, limit.per, now).await?;
        if hit.count <= limit.requests {
            return Ok(None);
        }
        let wait = hit.window_ends - now;
        // Whole seconds, rounded up, at least one: never "retry now" while still refused.
        let secs = wait.whole_seconds() + i64::from(wait.subsec_nanoseconds() > 0);
        let wait = u64::try_from(secs).unwrap_or(0).max(1);
        // One warning per key and window, not one per refused request of a flood.
        if hit.count == limit.requests.saturating_add(1) {
            tracing::warn!(
                limit = setting,
                retry_after = wait,
                "rate limit reached; refusing until its window ends"
            );
        } else {
            tracing::debug!(limit = setting, retry_after = wait, "rate limited");
        }
        Ok(Some(Refusal { wait }))
    }

    async fn release(&self, key: &str) {
        if let Err(e) = self
            .store
            .release_counter(key, OffsetDateTime::now_utc())
            .await
        {
            tracing::error!(error = %e, "could not give back a rate-limit reservation");
        }
    }
}

/// A request past a limit: the seconds until the window ends.
struct Refusal {
    wait: u64,
}

/// The middleware: counts, refuses past a limit, and otherwise lets the request through.
pub async fn enforce(State(limited): State<Limited>, request: Request, next: Next) -> Response {
    let Limited { limiter, guard } = limited;
    if !guard.counts(request.method()) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let address = client_ip(&parts).map_or_else(|| "unknown".to_string(), counted_as);
    let now = OffsetDateTime::now_utc();

    if let Some(limit) = guard.per_address(&limiter.limits) {
        let key = format!("rate:{}:addr:{address}", guard.name());
        match limiter.hit(&key, guard.setting(), limit, now).await {
            Ok(None) => {}
            Ok(Some(refusal)) => return too_many(guard, &refusal, "from your address"),
            Err(e) => return unavailable(guard, &e),
        }
    }
    if !matches!(guard, Guard::Token | Guard::Revoke | Guard::UserPoolApi) {
        return next.run(Request::from_parts(parts, body)).await;
    }

    // The client's credentials are in the Authorization header or the form.
    let Ok(bytes) = axum::body::to_bytes(body, FORM_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let credentials = if guard == Guard::UserPoolApi {
        Credentials::of_user_pool_call(&bytes)
    } else {
        Credentials::of(&parts.headers, &bytes)
    };
    let mut failure_key = None;
    if credentials.secret_presented
        && let Some(limit) = limiter.limits.client_auth_failures_per_address
    {
        let key = format!("rate:client-auth-failures:addr:{address}");
        match limiter
            .hit(&key, "client_auth_failures_per_address", limit, now)
            .await
        {
            Ok(None) => failure_key = Some(key),
            Ok(Some(refusal)) => {
                return too_many(
                    guard,
                    &refusal,
                    "with wrong client credentials from your address",
                );
            }
            Err(e) => return unavailable(guard, &e),
        }
    }
    if matches!(guard, Guard::Token | Guard::UserPoolApi)
        && let Some(limit) = limiter.limits.token_per_client
        && let Some(client_id) = credentials
            .client_id
            .filter(|id| limiter.clients.contains(id))
    {
        let key = format!("rate:token:client:{client_id}");
        let refused = match limiter.hit(&key, "token_per_client", limit, now).await {
            Ok(None) => None,
            Ok(Some(refusal)) => Some(too_many(guard, &refusal, "for this app")),
            Err(e) => Some(unavailable(guard, &e)),
        };
        if let Some(refused) = refused {
            if let Some(key) = &failure_key {
                limiter.release(key).await;
            }
            return refused;
        }
    }

    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    if let Some(key) = failure_key
        && response.extensions().get::<ClientAuthFailed>().is_none()
    {
        limiter.release(&key).await;
    }
    response
}

/// Who a token or revocation request says it is, read only to count it (the endpoint
/// authenticates it).
struct Credentials {
    client_id: Option<String>,
    secret_presented: bool,
}

impl Credentials {
    fn of(headers: &axum::http::HeaderMap, body: &[u8]) -> Self {
        let form = || url::form_urlencoded::parse(body);
        let field = |name: &str| {
            form()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
                .filter(|v| !v.is_empty())
        };
        match headers.get(header::AUTHORIZATION) {
            // Any Authorization header is an attempt at client authentication (a malformed one
            // fails it).
            Some(value) => Self {
                client_id: value
                    .to_str()
                    .ok()
                    .and_then(crate::web::respond::basic)
                    .map(|(id, _)| id)
                    .or_else(|| field("client_id")),
                secret_presented: true,
            },
            None => Self {
                client_id: field("client_id"),
                secret_presented: field("client_secret").is_some(),
            },
        }
    }

    /// A user-pool API call's `ClientId`, and whether it carries `ClientSecret` or
    /// `AuthParameters.SECRET_HASH`. A body that is not JSON names no one.
    fn of_user_pool_call(body: &[u8]) -> Self {
        let json: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
        let text = |v: &serde_json::Value| v.as_str().filter(|s| !s.is_empty()).map(str::to_string);
        Self {
            client_id: text(&json["ClientId"]),
            secret_presented: text(&json["ClientSecret"]).is_some()
                || text(&json["AuthParameters"]["SECRET_HASH"]).is_some(),
        }
    }
}

fn too_many(guard: Guard, refusal: &Refusal, whom: &str) -> Response {
    let wait = refusal.wait;
    let mut response = if guard == Guard::UserPoolApi {
        user_pool_error(
            StatusCode::TOO_MANY_REQUESTS,
            "TooManyRequestsException",
            &format!("Too many requests {whom}; retry after {wait} seconds"),
        )
    } else if guard.for_people() {
        page::error(
            StatusCode::TOO_MANY_REQUESTS,
            Msg::TooManyRequests { wait_secs: wait },
        )
    } else {
        json_error(
            StatusCode::TOO_MANY_REQUESTS,
            &format!("too many requests {whom}; retry after {wait} seconds"),
        )
    };
    if let Ok(value) = HeaderValue::from_str(&wait.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// The store could not count: nothing is done uncounted.
fn unavailable(guard: Guard, e: &StoreError) -> Response {
    if guard == Guard::UserPoolApi {
        tracing::error!(error = %e, "store failure while counting a request");
        user_pool_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalErrorException",
            "authgate could not complete the request",
        )
    } else if guard.for_people() {
        page::unavailable(e)
    } else {
        tracing::error!(error = %e, "store failure while counting a request");
        json_error(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server could not complete the request",
        )
    }
}

fn json_error(status: StatusCode, description: &str) -> Response {
    let body = serde_json::json!({
        "error": "temporarily_unavailable",
        "error_description": description,
    });
    let mut response = (status, axum::Json(body)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}

/// An error in Cognito's shape (what `cognito_api` answers; written here, below it).
fn user_pool_error(status: StatusCode, kind: &'static str, message: &str) -> Response {
    let body = serde_json::json!({"__type": kind, "message": message});
    let mut response = (status, body.to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-amz-json-1.1"),
    );
    headers.insert("x-amzn-ErrorType", HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_read_from_basic_or_the_form() {
        use base64::Engine;
        let mut headers = axum::http::HeaderMap::new();
        let public = Credentials::of(&headers, b"grant_type=refresh_token&client_id=demo");
        assert_eq!(public.client_id.as_deref(), Some("demo"));
        assert!(!public.secret_presented);

        let post = Credentials::of(&headers, b"client_id=web&client_secret=s3cret");
        assert_eq!(post.client_id.as_deref(), Some("web"));
        assert!(post.secret_presented);

        let basic = base64::engine::general_purpose::STANDARD.encode("web:s3cret");
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(&format!("Basic {basic}")).unwrap(),
        );
        let via_basic = Credentials::of(&headers, b"grant_type=refresh_token");
        assert_eq!(via_basic.client_id.as_deref(), Some("web"));
        assert!(via_basic.secret_presented);

        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic !!"));
        let garbage = Credentials::of(&headers, b"client_id=web");
        assert_eq!(garbage.client_id.as_deref(), Some("web"));
        assert!(
            garbage.secret_presented,
            "a malformed header is an attempt too"
        );
    }

    #[test]
    fn user_pool_calls_name_their_app_and_secret() {
        let refresh = Credentials::of_user_pool_call(
            br#"{"ClientId":"web","ClientSecret":"s3cret","RefreshToken":"t"}"#,
        );
        assert_eq!(refresh.client_id.as_deref(), Some("web"));
        assert!(refresh.secret_presented);
        let hashed = Credentials::of_user_pool_call(
            br#"{"AuthFlow":"REFRESH_TOKEN_AUTH","ClientId":"web","AuthParameters":{"REFRESH_TOKEN":"t","SECRET_HASH":"h"}}"#,
        );
        assert!(hashed.secret_presented);
        let public = Credentials::of_user_pool_call(br#"{"ClientId":"demo","ClientSecret":""}"#);
        assert!(!public.secret_presented);
        let garbage = Credentials::of_user_pool_call(b"not json");
        assert_eq!(garbage.client_id, None);
        assert!(!garbage.secret_presented);
    }
}
