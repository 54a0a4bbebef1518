//! CORS on what pages call with `fetch` (the token, revoke and userinfo endpoints and Cognito's
//! API at `POST /`), as a browser would exercise it: a preflight, then the request with its
//! `Origin`. Origins are allowed per app; no response ever allows credentials.

use crate::cognito_api::{login, spawn};
use crate::support::app::*;
use reqwest::header::HeaderMap;
use reqwest::{Client, Method, Response, StatusCode};
use serde_json::json;

const SPA: &str = "https://spa.example.com";
const TWO: &str = "https://two.example.com";
const EVIL: &str = "https://evil.example";
const JSON: &str = "application/x-amz-json-1.1";
const PATHS: &[&str] = &["/oauth2/token", "/oauth2/revoke", "/oauth2/userInfo", "/"];

fn acao(headers: &HeaderMap) -> Option<&str> {
    headers
        .get("access-control-allow-origin")
        .and_then(|v| v.to_str().ok())
}

/// What every response of these endpoints must be: no credentials, varies by Origin.
fn assert_cors_hygiene(headers: &HeaderMap) {
    assert!(
        headers.get("access-control-allow-credentials").is_none(),
        "credentials are never allowed"
    );
    assert!(
        headers
            .get_all("vary")
            .iter()
            .any(|v| v.to_str().is_ok_and(|v| v.contains("Origin"))),
        "Vary: Origin"
    );
}

async fn preflight(app: &TestApp, path: &str, origin: Option<&str>) -> Response {
    let mut request = Client::new()
        .request(Method::OPTIONS, app.url(path))
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type,x-amz-target,x-amz-user-agent,cache-control",
        );
    if let Some(origin) = origin {
        request = request.header("origin", origin);
    }
    request.send().await.expect("preflight")
}

#[tokio::test]
async fn preflights_are_answered_for_an_origin_some_app_allows_and_refused_otherwise() {
    let app = spawn().await;
    for path in PATHS {
        // An app's origin (the second app's: a preflight names no app).
        for origin in [SPA, TWO] {
            let response = preflight(&app, path, Some(origin)).await;
            assert_eq!(response.status(), StatusCode::NO_CONTENT, "{path} {origin}");
            let h = response.headers();
            assert_cors_hygiene(h);
            assert_eq!(acao(h), Some(origin), "{path}");
            let methods = h["access-control-allow-methods"].to_str().expect("methods");
            assert!(methods.contains("POST"), "{path}: {methods}");
            let allowed = h["access-control-allow-headers"]
                .to_str()
                .expect("headers")
                .to_ascii_lowercase();
            for header in [
                "content-type",
                "x-amz-target",
                "x-amz-user-agent",
                "cache-control",
            ] {
                assert!(allowed.contains(header), "{path}: {allowed}");
            }
            assert!(h.get("access-control-max-age").is_some());
        }
        // A stranger's page.
        let response = preflight(&app, path, Some(EVIL)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        assert_eq!(acao(response.headers()), None);
        assert_cors_hygiene(response.headers());
        // Not a preflight at all: what the endpoint takes.
        let response = preflight(&app, path, None).await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT, "{path}");
        assert_eq!(acao(response.headers()), None);
        assert!(response.headers().get("allow").is_some());
    }
    // The userinfo endpoint also takes GET.
    let response = preflight(&app, "/oauth2/userInfo", Some(SPA)).await;
    assert!(
        response.headers()["access-control-allow-methods"]
            .to_str()
            .expect("methods")
            .contains("GET")
    );
}

/// A POST as a page's `fetch` sends it.
async fn fetch_post(
    app: &TestApp,
    path: &str,
    origin: Option<&str>,
    headers: &[(&str, &str)],
    body: String,
) -> Response {
    let mut request = Client::new().post(app.url(path)).body(body);
    if let Some(origin) = origin {
        request = request.header("origin", origin);
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("fetch")
}

fn api(operation: &str) -> [(&'static str, String); 2] {
    [
        ("content-type", JSON.to_string()),
        (
            "x-amz-target",
            format!("AWSCognitoIdentityProviderService.{operation}"),
        ),
    ]
}

async fn api_call(
    app: &TestApp,
    origin: Option<&str>,
    operation: &str,
    body: serde_json::Value,
) -> Response {
    let headers = api(operation);
    let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fetch_post(app, "/", origin, &headers, body.to_string()).await
}

#[tokio::test]
async fn the_answer_allows_only_the_origins_of_the_app_the_request_names() {
    // Arrange: amplify's pages are on SPA; amplify2's on TWO.
    let app = spawn().await;
    let tokens = login(&app, &app.browser, "amplify").await;
    let form = "content-type";
    let form_type = "application/x-www-form-urlencoded";

    for origin in [Some(SPA), Some(TWO), Some(EVIL), None] {
        let expected = (origin == Some(SPA)).then_some(SPA);

        // The token endpoint, answering an error (a code that was never issued).
        let body = serde_urlencoded::to_string([
            ("grant_type", "authorization_code"),
            ("client_id", "amplify"),
            ("code", "never-issued"),
            ("redirect_uri", "https://spa.example.com/callback"),
            ("code_verifier", "v".repeat(43).as_str()),
        ])
        .expect("form");
        let response = fetch_post(&app, "/oauth2/token", origin, &[(form, form_type)], body).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(acao(response.headers()), expected, "token, {origin:?}");
        assert_cors_hygiene(response.headers());

        // The revocation endpoint (an unknown token: a success).
        let body = serde_urlencoded::to_string([("client_id", "amplify"), ("token", "unknown")])
            .expect("form");
        let response = fetch_post(&app, "/oauth2/revoke", origin, &[(form, form_type)], body).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(acao(response.headers()), expected, "revoke, {origin:?}");

        // userInfo: the app is the access token's.
        let mut request = Client::new()
            .get(app.url("/oauth2/userInfo"))
            .bearer_auth(&tokens.access);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let response = request.send().await.expect("userinfo");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(acao(response.headers()), expected, "userinfo, {origin:?}");
        assert_cors_hygiene(response.headers());

        // Cognito's API: by ClientId, and by the AccessToken's app.
        let response = api_call(
            &app,
            origin,
            "GetTokensFromRefreshToken",
            json!({"ClientId": "amplify", "RefreshToken": "never-issued"}),
        )
        .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            acao(response.headers()),
            expected,
            "API refresh, {origin:?}"
        );
        let response = api_call(
            &app,
            origin,
            "GetUser",
            json!({"AccessToken": tokens.access}),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            acao(response.headers()),
            expected,
            "API GetUser, {origin:?}"
        );
        assert_cors_hygiene(response.headers());
        if expected.is_some() {
            let exposed = response.headers()["access-control-expose-headers"]
                .to_str()
                .expect("exposed")
                .to_ascii_lowercase();
            assert!(exposed.contains("x-amzn-errortype"), "{exposed}");
        }
    }

    // GetUser answers about the access token's app, whatever ClientId the body adds.
    let response = api_call(
        &app,
        Some(TWO),
        "GetUser",
        json!({"AccessToken": tokens.access, "ClientId": "amplify2"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(acao(response.headers()), None);

    // A request that names no app we know can only fail: it gets the header for any app's
    // origin, so the page can read why.
    let response = api_call(&app, Some(TWO), "GetTokensFromRefreshToken", json!({})).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(acao(response.headers()), Some(TWO));
    let response = api_call(&app, Some(EVIL), "GetTokensFromRefreshToken", json!({})).await;
    assert_eq!(acao(response.headers()), None);
}

#[tokio::test]
async fn a_whole_refresh_from_a_page_works_and_a_strangers_page_cannot_read_it() {
    // Arrange
    let app = spawn().await;
    let tokens = login(&app, &app.browser, "amplify").await;
    let body = json!({"ClientId": "amplify", "RefreshToken": tokens.refresh});

    // Act: the stranger's page first. Its preflight is refused; a browser would stop there.
    let stranger = preflight(&app, "/", Some(EVIL)).await;
    let own = preflight(&app, "/", Some(SPA)).await;
    let response = api_call(&app, Some(SPA), "GetTokensFromRefreshToken", body).await;

    // Assert
    assert_eq!(stranger.status(), StatusCode::FORBIDDEN);
    assert_eq!(own.status(), StatusCode::NO_CONTENT);
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(acao(response.headers()), Some(SPA));
    let result: serde_json::Value = response.json().await.expect("json");
    assert!(result["AuthenticationResult"]["AccessToken"].is_string());
}

#[tokio::test]
async fn web_origins_replace_the_default_and_star_allows_any_origin() {
    let extra = r#"
[[apps]]
client_id = "configured"
name = "Configured"
redirect_uris = ["https://configured.example.com/callback"]
web_origins = ["https://pages.example.com", "http://localhost:5173"]
providers = ["local"]
scopes = ["openid"]

[[apps]]
client_id = "anyone"
name = "Anyone"
redirect_uris = ["anyone://cb"]
web_origins = ["*"]
providers = ["local"]
scopes = ["openid"]
"#;
    let app = spawn_app_with(extra).await;
    let refresh = |client_id: &'static str, origin: &'static str| {
        let app = &app;
        async move {
            let body = serde_urlencoded::to_string([
                ("grant_type", "refresh_token"),
                ("client_id", client_id),
                ("refresh_token", "unknown"),
            ])
            .expect("form");
            let response = fetch_post(
                app,
                "/oauth2/token",
                Some(origin),
                &[("content-type", "application/x-www-form-urlencoded")],
                body,
            )
            .await;
            acao(response.headers()).map(str::to_string)
        }
    };
    assert_eq!(
        refresh("configured", "https://pages.example.com")
            .await
            .as_deref(),
        Some("https://pages.example.com")
    );
    assert_eq!(
        refresh("configured", "http://localhost:5173")
            .await
            .as_deref(),
        Some("http://localhost:5173")
    );
    assert_eq!(
        refresh("configured", "https://configured.example.com").await,
        None,
        "web_origins replaces the redirect URIs' origins"
    );
    assert_eq!(
        refresh("anyone", EVIL).await.as_deref(),
        Some(EVIL),
        "`*`: any origin, as Cognito allows"
    );
    // The demo app's loopback redirect URI allows its host on any port.
    assert_eq!(
        refresh("demo", "http://127.0.0.1:5173").await.as_deref(),
        Some("http://127.0.0.1:5173")
    );
    assert_eq!(refresh("demo", "http://localhost:5173").await, None);
}

#[tokio::test]
async fn a_malformed_web_origin_stops_start_up_naming_the_key() {
    let dir = tempfile::tempdir().expect("tmp");
    let extra = r#"
[[apps]]
client_id = "bad"
name = "Bad"
redirect_uris = ["bad://cb"]
web_origins = ["https://pages.example.com/app"]
providers = ["local"]
scopes = ["openid"]
"#;
    let err = authgate::config::Settings::load(
        &test_config(&dir, 0, extra),
        std::iter::empty(),
        &authgate::connectors::PROVIDER_KINDS,
    )
    .expect_err("refused");
    let err = err.to_string();
    assert!(err.contains("web_origins[0]"), "{err}");
    assert!(err.contains("not an origin"), "{err}");
}
