//! CORS for the endpoints a web app calls with `fetch` from the page: `/oauth2/token`,
//! `/oauth2/revoke`, `/oauth2/userInfo`, the account API (`/account/api/...`) and Cognito's
//! user-pool API at `POST /`. Amplify exchanges the code, refreshes and revokes from the
//! browser, with headers (`x-amz-user-agent`, `x-amz-target`, `cache-control`) that make every
//! call preflighted.
//!
//! Which origins: each app's `web_origins` (an origin `scheme://host[:port]`, or `"*"` for any,
//! as Cognito answers every origin), by default the origins of its http(s) redirect URIs (a
//! loopback redirect URI, which matches any port, allows its host on any port). So a stranger's
//! page cannot drive an app's token endpoint from a browser.
//!
//! Which app: a preflight carries no body, so it cannot name one. A preflight is answered (204,
//! the methods, the requested headers, `Access-Control-Max-Age`) for an origin allowed for ANY
//! app, and refused (403, no CORS headers) otherwise. The actual request then names its app,
//! and only an origin allowed for THAT app gets `Access-Control-Allow-Origin` (the exact
//! origin, with `Vary: Origin`), on every response, errors included:
//!
//! | Endpoint | The app |
//! |---|---|
//! | `/oauth2/token`, `/oauth2/revoke` | `Authorization: Basic` client id, else the form's `client_id` |
//! | `/oauth2/userInfo`, `/account/api/...` | the access token's `client_id` |
//! | `POST /` | the `AccessToken`'s `client_id` (a passthrough pool's token: the apps of that pool), else `ClientId` |
//!
//! A request that names no known app gets the header when the origin is allowed for any app:
//! its answer is an error, so nothing is revealed, and the developer sees why it failed. Token
//! claims are read unverified for this choice only; the endpoint verifies the token, and a
//! forged one gets an error whatever its claims say. Credentials are never allowed
//! (`Access-Control-Allow-Credentials` is never sent): these endpoints use no cookies.
//!
//! The apps' origins come from above as data ([`AppOrigins`], built by `apps`), so this module
//! knows no app registry.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// How long a browser may reuse a preflight answer.
const MAX_AGE_SECS: &str = "600";

/// Allowed when the preflight asks for no headers (what Amplify and the AWS SDKs send).
const DEFAULT_ALLOWED_HEADERS: &str = "content-type, authorization, x-amz-target, \
     x-amz-user-agent, x-amz-date, x-amz-content-sha256, x-amz-security-token, \
     amz-sdk-invocation-id, amz-sdk-request, cache-control";

/// Response headers a page may read (the AWS SDKs read the request id and the error type).
const EXPOSED_HEADERS: &str =
    "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date, WWW-Authenticate";

/// Hosts whose http origins count as one origin whatever the port, when they come from a
/// loopback redirect URI (which matches any port, RFC 8252 §7.3).
const LOOPBACK: &[&str] = &["http://127.0.0.1", "http://[::1]", "http://localhost"];

/// The origins one app's pages may call from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebOrigins {
    any: bool,
    exact: Vec<String>,
    /// Loopback `scheme://host` prefixes allowed on any port.
    loopback: Vec<&'static str>,
}

impl WebOrigins {
    /// `configured` (the app's `web_origins`) when set, else the origins of the app's http(s)
    /// redirect URIs.
    pub fn new(configured: Option<&[String]>, redirect_uris: &[String]) -> Result<Self, String> {
        let mut origins = WebOrigins::default();
        match configured {
            Some(list) => {
                for entry in list {
                    match parse_origin(entry)? {
                        None => origins.any = true,
                        Some(origin) => origins.exact.push(origin),
                    }
                }
            }
            None => {
                for uri in redirect_uris {
                    let Ok(url) = url::Url::parse(uri) else {
                        continue;
                    };
                    if !matches!(url.scheme(), "http" | "https") {
                        continue;
                    }
                    let origin = url.origin().ascii_serialization();
                    match LOOPBACK.iter().find(|p| same_host_any_port(&origin, p)) {
                        Some(prefix) if url.scheme() == "http" => origins.loopback.push(prefix),
                        _ => origins.exact.push(origin),
                    }
                }
            }
        }
        Ok(origins)
    }

    /// True when a page of `origin` (an `Origin` header, as browsers serialise it) may call.
    pub fn allows(&self, origin: &str) -> bool {
        self.any
            || self.exact.iter().any(|o| o == origin)
            || self.loopback.iter().any(|p| same_host_any_port(origin, p))
    }
}

fn same_host_any_port(origin: &str, prefix: &str) -> bool {
    match origin.strip_prefix(prefix) {
        Some("") => true,
        Some(rest) => rest
            .strip_prefix(':')
            .is_some_and(|port| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())),
        None => false,
    }
}

/// Checks one `web_origins` entry: `None` for `"*"`, else the origin as browsers serialise it
/// (lower case, no default port). `Err` says what is wrong.
pub fn parse_origin(entry: &str) -> Result<Option<String>, String> {
    if entry == "*" {
        return Ok(None);
    }
    let bad = |why: &str| Err(format!("`{entry}` is not an origin: {why}"));
    let Ok(url) = url::Url::parse(entry) else {
        return bad("expected scheme://host[:port]");
    };
    let Some(host) = url.host_str().filter(|h| !h.is_empty()) else {
        return bad("it has no host");
    };
    if !url.username().is_empty() || url.password().is_some() {
        return bad("it has user information");
    }
    if url.query().is_some() || url.fragment().is_some() || entry.ends_with('/') {
        return bad("an origin has no path, query or fragment (and no trailing `/`)");
    }
    if !matches!(url.path(), "" | "/") {
        return bad("an origin has no path");
    }
    Ok(Some(match url.scheme() {
        "http" | "https" => url.origin().ascii_serialization(),
        // Capacitor and Ionic pages (`capacitor://localhost`): an opaque origin to the URL
        // standard, but browsers send it as written.
        scheme => match url.port() {
            Some(port) => format!("{scheme}://{}:{port}", host.to_ascii_lowercase()),
            None => format!("{scheme}://{}", host.to_ascii_lowercase()),
        },
    }))
}

/// Every app's origins, by what a request may name it by.
#[derive(Debug, Default)]
pub struct AppOrigins {
    /// By client id.
    pub by_client: HashMap<String, WebOrigins>,
    /// A user pool's own tokens (passthrough apps), by the token's `iss` and `client_id`: the
    /// origins of every passthrough app of that pool.
    pub by_pool_token: HashMap<(String, String), Vec<WebOrigins>>,
}

impl AppOrigins {
    fn allowed_for_any(&self, origin: &str) -> bool {
        self.by_client.values().any(|o| o.allows(origin))
    }

    /// The origins of the app an access token was issued to.
    fn of_token(&self, token: &str) -> Vec<&WebOrigins> {
        let Some(claims) = crate::security::unverified_claims(token) else {
            return Vec::new();
        };
        let claim = |name: &str| claims.get(name).and_then(Value::as_str).unwrap_or_default();
        if let Some(origins) = self.by_client.get(claim("client_id")) {
            return vec![origins];
        }
        self.by_pool_token
            .get(&(claim("iss").to_string(), claim("client_id").to_string()))
            .map(|list| list.iter().collect())
            .unwrap_or_default()
    }
}

/// The origins of the apps a request names (empty when it names none we know).
fn named_apps<'a>(
    apps: &'a AppOrigins,
    path: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Vec<&'a WebOrigins> {
    let by_id = |id: &str| apps.by_client.get(id).into_iter().collect::<Vec<_>>();
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    match path {
        "/oauth2/token" | "/oauth2/revoke" => {
            if let Some((id, _)) = authorization.and_then(crate::web::respond::basic) {
                return by_id(&id);
            }
            url::form_urlencoded::parse(body)
                .find(|(name, _)| name == "client_id")
                .map(|(_, id)| by_id(&id))
                .unwrap_or_default()
        }
        p if p == "/oauth2/userInfo" || p.starts_with("/account/api/") => authorization
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(|token| apps.of_token(token.trim()))
            .unwrap_or_default(),
        "/" => {
            let Ok(json) = serde_json::from_slice::<Value>(body) else {
                return Vec::new();
            };
            // The operations that take an access token answer about its app, whatever else
            // the body says.
            if let Some(token) = json.get("AccessToken").and_then(Value::as_str) {
                return apps.of_token(token);
            }
            json.get("ClientId")
                .and_then(Value::as_str)
                .map(by_id)
                .unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

fn methods(path: &str) -> &'static str {
    match path {
        "/oauth2/userInfo" => "GET, POST",
        "/account/api/sessions" | "/account/api/profile" => "GET",
        p if p.starts_with("/account/api/sessions/") => "DELETE",
        _ => "POST",
    }
}

/// The middleware, on the routes above.
pub async fn cors(State(apps): State<Arc<AppOrigins>>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let origin = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);

    if request.method() == Method::OPTIONS {
        let mut response = preflight(&apps, &path, origin.as_deref(), request.headers());
        vary_origin(&mut response);
        return response;
    }
    let Some(origin) = origin else {
        let mut response = next.run(request).await;
        vary_origin(&mut response);
        return response;
    };

    // The body names the app: read it (the body limit outside still applies) and pass it on.
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let named = named_apps(&apps, &path, &parts.headers, &bytes);
    let allowed = if named.is_empty() {
        apps.allowed_for_any(&origin)
    } else {
        named.iter().any(|origins| origins.allows(&origin))
    };
    let mut response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    vary_origin(&mut response);
    if allowed && let Ok(value) = HeaderValue::from_str(&origin) {
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
        headers.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static(EXPOSED_HEADERS),
        );
    }
    response
}

fn preflight(
    apps: &AppOrigins,
    path: &str,
    origin: Option<&str>,
    request_headers: &HeaderMap,
) -> Response {
    let is_preflight = request_headers.contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let Some(origin) = origin.filter(|_| is_preflight) else {
        // A plain OPTIONS: say what the endpoint takes.
        let allow = format!("{}, OPTIONS", methods(path));
        return (
            StatusCode::NO_CONTENT,
            [(
                header::ALLOW,
                HeaderValue::from_str(&allow).unwrap_or(HeaderValue::from_static("OPTIONS")),
            )],
        )
            .into_response();
    };
    let Ok(allow_origin) = HeaderValue::from_str(origin) else {
        return StatusCode::FORBIDDEN.into_response();
    };
    if !apps.allowed_for_any(origin) {
        return (StatusCode::FORBIDDEN, "origin not allowed").into_response();
    }
    // Whatever headers the page asks for (a request without credentials can only send what
    // its own script has), provided they are header names.
    let allow_headers = request_headers
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b',' | b' '))
        })
        .filter(|v| !v.trim().is_empty())
        .and_then(|v| HeaderValue::from_str(v).ok())
        .unwrap_or(HeaderValue::from_static(DEFAULT_ALLOWED_HEADERS));
    (
        StatusCode::NO_CONTENT,
        [
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, allow_origin),
            (
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static(methods(path)),
            ),
            (header::ACCESS_CONTROL_ALLOW_HEADERS, allow_headers),
            (
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static(MAX_AGE_SECS),
            ),
        ],
    )
        .into_response()
}

/// The answer depends on `Origin`, so caches must key on it.
fn vary_origin(response: &mut Response) {
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("Origin"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_checked_and_normalised() {
        assert_eq!(parse_origin("*"), Ok(None));
        assert_eq!(
            parse_origin("https://App.Example.com:443"),
            Ok(Some("https://app.example.com".into()))
        );
        assert_eq!(
            parse_origin("http://localhost:5173"),
            Ok(Some("http://localhost:5173".into()))
        );
        assert_eq!(
            parse_origin("capacitor://localhost"),
            Ok(Some("capacitor://localhost".into()))
        );
        for bad in [
            "https://app.example.com/",
            "https://app.example.com/path",
            "https://app.example.com?x",
            "https://user@app.example.com",
            "app.example.com",
            "https://",
            "",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn default_origins_come_from_http_redirect_uris() {
        let origins = WebOrigins::new(
            None,
            &[
                "myapp://callback".into(),
                "https://app.example.com/callback".into(),
                "http://127.0.0.1/callback".into(),
            ],
        )
        .expect("valid");
        assert!(origins.allows("https://app.example.com"));
        assert!(
            origins.allows("http://127.0.0.1:5173"),
            "loopback: any port"
        );
        assert!(origins.allows("http://127.0.0.1"));
        assert!(!origins.allows("http://127.0.0.1.evil.example"));
        assert!(!origins.allows("http://127.0.0.1:"));
        assert!(!origins.allows("http://localhost:5173"), "another host");
        assert!(!origins.allows("https://evil.example"));
        assert!(!origins.allows("null"));
        assert!(!origins.allows("myapp://callback"));
    }

    #[test]
    fn configured_origins_replace_the_default() {
        let origins = WebOrigins::new(
            Some(&["https://spa.example.com".into()]),
            &["https://app.example.com/callback".into()],
        )
        .expect("valid");
        assert!(origins.allows("https://spa.example.com"));
        assert!(!origins.allows("https://app.example.com"));
        let any = WebOrigins::new(Some(&["*".into()]), &[]).expect("valid");
        assert!(any.allows("https://anything.example"));
        let none =
            WebOrigins::new(Some(&[]), &["https://app.example.com/cb".into()]).expect("valid");
        assert!(
            !none.allows("https://app.example.com"),
            "an empty list allows nothing"
        );
    }
}
