//! `/oauth2/authorize` refusals over HTTP: a page for untrusted client/redirect pairs (never a
//! redirect), an error redirect with `state` and `iss` for everything else, nothing stored.

use crate::support::app::*;
use reqwest::StatusCode;

async fn assert_page_not_redirect(app: &TestApp, query: &str) {
    let response = app
        .get(&app.browser, &format!("/oauth2/authorize?{query}"))
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
    assert!(
        response.headers().get("location").is_none(),
        "must not redirect: {query}"
    );
    let html = response.text().await.expect("html");
    assert!(html.contains("<h1>Sign-in problem</h1>"), "{query}");
}

fn with_redirect(redirect_uri: &str) -> String {
    let mut request = Authorize::native();
    request.redirect_uri = redirect_uri.to_string();
    request.query()
}

#[tokio::test]
async fn an_unknown_client_gets_a_page() {
    let app = spawn_app().await;
    let mut request = Authorize::native();
    request.client_id = "unknown".into();
    assert_page_not_redirect(&app, &request.query()).await;
}

#[tokio::test]
async fn unregistered_and_look_alike_redirect_uris_get_a_page() {
    let app = spawn_app().await;
    for uri in [
        "myapp://callback.evil",
        "myapp://callback/../x",
        "myapp://callback/",
        "myapp://callback%2F..%2Fx",
        "myapp%3A%2F%2Fcallback",
        "myapp://callback?next=x",
        "http://127.0.0.1:80@evil.example/callback",
        "http://127.0.0.1.evil.example/callback",
        "http://localhost:5000/callback",
        "https://app.example.com:8443/callback",
        "https://evil.example/callback",
        "javascript:alert(1)",
    ] {
        assert_page_not_redirect(&app, &with_redirect(uri)).await;
    }
    // The web app's URI is not the demo app's.
    assert_page_not_redirect(&app, &with_redirect("https://app.example.com/callback")).await;
    // A double-encoded registered URI is not decoded a second time.
    assert_page_not_redirect(
        &app,
        "response_type=code&client_id=demo&redirect_uri=myapp%253A%252F%252Fcallback",
    )
    .await;
}

async fn assert_redirected_error(app: &TestApp, request: &Authorize, expected: &str) {
    let response = app.authorize(&app.browser, request).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let back = location(&response);
    assert!(back.starts_with("myapp://callback?"), "{back}");
    assert_eq!(
        query_param(&back, "error").as_deref(),
        Some(expected),
        "{back}"
    );
    assert!(query_param(&back, "error_description").is_some());
    assert_eq!(query_param(&back, "state").as_deref(), Some("state-123"));
    assert_eq!(
        query_param(&back, "iss").as_deref(),
        Some(app.address.as_str())
    );
    assert!(query_param(&back, "code").is_none());
}

#[tokio::test]
async fn a_public_client_without_pkce_or_with_plain_pkce_is_refused() {
    let app = spawn_app().await;
    let mut no_pkce = Authorize::native();
    no_pkce.verifier = None;
    assert_redirected_error(&app, &no_pkce, "invalid_request").await;

    let (verifier, _) = pkce_pair();
    let mut plain = Authorize::native();
    plain.verifier = None;
    let plain = plain
        .with("code_challenge", &verifier)
        .with("code_challenge_method", "plain");
    assert_redirected_error(&app, &plain, "invalid_request").await;

    let mut no_method = Authorize::native();
    no_method.verifier = None;
    let (_, challenge) = pkce_pair();
    assert_redirected_error(
        &app,
        &no_method.with("code_challenge", &challenge),
        "invalid_request",
    )
    .await;
}

#[tokio::test]
async fn other_response_types_and_scopes_are_refused_with_a_redirect() {
    let app = spawn_app().await;
    let token = Authorize::native();
    let query = token
        .query()
        .replace("response_type=code", "response_type=token");
    let response = app
        .get(&app.browser, &format!("/oauth2/authorize?{query}"))
        .await;
    assert_eq!(
        query_param(&location(&response), "error").as_deref(),
        Some("unsupported_response_type")
    );

    let query = Authorize::native()
        .query()
        .replace("scope=openid+email+profile", "scope=admin");
    let response = app
        .get(&app.browser, &format!("/oauth2/authorize?{query}"))
        .await;
    assert_eq!(
        query_param(&location(&response), "error").as_deref(),
        Some("invalid_scope")
    );
}

#[tokio::test]
async fn a_refused_request_stores_nothing() {
    let app = spawn_app().await;
    let mut no_pkce = Authorize::native();
    no_pkce.verifier = None;
    app.authorize(&app.browser, &no_pkce).await;
    // Nothing was stored for the browser either: it got no session cookie.
    let response = app.authorize(&browser(), &no_pkce).await;
    assert!(response.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn cognito_login_path_is_an_alias_of_authorize() {
    let app = spawn_app().await;
    let response = app
        .get(
            &app.browser,
            &format!("/login?{}", Authorize::native().query()),
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/signin/"));
}

#[tokio::test]
async fn an_expired_or_unknown_sign_in_request_gets_a_page() {
    let app = spawn_app().await;
    let response = app.get(&app.browser, "/signin/not-a-request/local").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.text().await.expect("html").contains("expired"));
}

// ---------------------------------------------------------------------------------------------
// max_age (OIDC Core §3.1.2.1)

/// The browser's SSO session is reused for `request`: straight back with a code.
async fn reused(app: &TestApp, request: &Authorize) -> bool {
    let response = app.authorize(&app.browser, request).await;
    match response.status() {
        StatusCode::FOUND => query_param(&location(&response), "code").is_some(),
        StatusCode::SEE_OTHER => {
            assert!(location(&response).starts_with("/signin/"));
            false
        }
        other => panic!("unexpected answer {other}"),
    }
}

#[tokio::test]
async fn max_age_zero_always_asks_for_the_password_again() {
    // Arrange: signed in.
    let app = spawn_app().await;
    app.login(&app.browser, &Authorize::native()).await;
    assert!(reused(&app, &Authorize::native()).await);

    // Act / Assert: a fresh sign-in is required, even a moment after signing in.
    assert!(!reused(&app, &Authorize::native().with("max_age", "0")).await);
    assert_redirected_error(
        &app,
        &Authorize::native()
            .with("max_age", "0")
            .with("prompt", "none"),
        "login_required",
    )
    .await;
}

#[tokio::test]
async fn an_sso_session_older_than_max_age_is_not_reused() {
    // Arrange: signed in; auth_time is in whole seconds, so after 2.1 s more than 1 s has passed.
    let app = spawn_app().await;
    let first = app.login(&app.browser, &Authorize::native()).await;
    let signed_in_at = claims(first["id_token"].as_str().expect("id"))["auth_time"]
        .as_i64()
        .expect("auth_time");
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;

    // Act / Assert: too old for max_age=1; young enough for max_age=3600.
    assert!(!reused(&app, &Authorize::native().with("max_age", "1")).await);
    assert_redirected_error(
        &app,
        &Authorize::native()
            .with("max_age", "1")
            .with("prompt", "none"),
        "login_required",
    )
    .await;
    let request = Authorize::native().with("max_age", "3600");
    let code = app.code_for(&app.browser, &request).await;
    let response = app.exchange(&request, &code).await;
    assert_eq!(response.status(), StatusCode::OK);
    let tokens: serde_json::Value = response.json().await.expect("json");
    let id = claims(tokens["id_token"].as_str().expect("id"));
    assert_eq!(
        id["auth_time"].as_i64(),
        Some(signed_in_at),
        "the ID token says when the password was entered"
    );
}

#[tokio::test]
async fn a_fresh_sign_in_for_max_age_carries_its_auth_time() {
    let app = spawn_app().await;
    let before = time::OffsetDateTime::now_utc().unix_timestamp();
    let tokens = app
        .login(&app.browser, &Authorize::native().with("max_age", "0"))
        .await;
    let id = claims(tokens["id_token"].as_str().expect("id"));
    let auth_time = id["auth_time"].as_i64().expect("auth_time");
    assert!(auth_time >= before, "{auth_time} < {before}");
}

#[tokio::test]
async fn a_max_age_that_is_not_a_non_negative_integer_is_refused() {
    let app = spawn_app().await;
    app.login(&app.browser, &Authorize::native()).await;
    for value in [
        "-1",
        "abc",
        "1.5",
        "+5",
        "1e3",
        " 5",
        "99999999999999999999999",
    ] {
        assert_redirected_error(
            &app,
            &Authorize::native().with("max_age", value),
            "invalid_request",
        )
        .await;
    }
}

// ---------------------------------------------------------------------------------------------
// request objects (OIDC Core §6) and the length of what is stored

#[tokio::test]
async fn request_and_request_uri_are_refused_and_nothing_is_fetched() {
    // Arrange: somewhere a request_uri could point to, watching for a visit.
    let app = spawn_app().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let request_uri = format!(
        "http://{}/request.jwt",
        listener.local_addr().expect("addr")
    );

    // Act / Assert
    assert_redirected_error(
        &app,
        &Authorize::native().with("request", "eyJhbGciOiJub25lIn0.e30."),
        "request_not_supported",
    )
    .await;
    assert_redirected_error(
        &app,
        &Authorize::native().with("request_uri", &request_uri),
        "request_uri_not_supported",
    )
    .await;
    let visit =
        tokio::time::timeout(std::time::Duration::from_millis(200), listener.accept()).await;
    assert!(visit.is_err(), "the request_uri was fetched");
    // Nothing was stored for a fresh browser either.
    let response = app
        .authorize(
            &browser(),
            &Authorize::native().with("request_uri", &request_uri),
        )
        .await;
    assert!(response.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn overlong_stored_parameters_are_refused() {
    let app = spawn_app().await;
    let long = "x".repeat(3000);
    for name in ["lang", "prompt", "state", "nonce", "login_hint"] {
        let request = Authorize::native().with(name, &long);
        let response = app.authorize(&browser(), &request).await;
        assert_eq!(response.status(), StatusCode::FOUND, "{name}");
        let back = location(&response);
        assert_eq!(
            query_param(&back, "error").as_deref(),
            Some("invalid_request"),
            "{name}: {back}"
        );
        assert!(
            query_param(&back, "error_description").is_some_and(|d| d.contains(name)),
            "{name}: {back}"
        );
        assert!(response.headers().get("set-cookie").is_none(), "{name}");
    }
    // A plausible language tag or prompt is fine.
    let response = app
        .authorize(
            &browser(),
            &Authorize::native()
                .with("lang", "pt-BR")
                .with("prompt", "login consent"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn identity_provider_cognito_is_the_apps_own_sign_in() {
    // Arrange: the demo app has one provider; `two` has two, so it gets the picker.
    let extra = r#"
[[providers]]
id = "staff"
kind = "local"
name = "Staff directory"

[[apps]]
client_id = "two"
name = "Two providers"
redirect_uris = ["two://cb"]
providers = ["local", "staff"]
scopes = ["openid"]
"#;
    let app = spawn_app_with(extra).await;
    let mut two = Authorize::native();
    two.client_id = "two".into();
    two.redirect_uri = "two://cb".into();

    for (param, value) in [
        ("identity_provider", "COGNITO"),
        ("idp_identifier", "COGNITO"),
    ] {
        // Act
        let only = app
            .authorize(&browser(), &Authorize::native().with(param, value))
            .await;
        let picker = app
            .authorize(&browser(), &two.clone_with(param, value))
            .await;

        // Assert: the only provider, or the picker; never `identity_provider is not enabled`.
        assert_eq!(only.status(), StatusCode::SEE_OTHER, "{param}");
        assert!(location(&only).ends_with("/local"), "{}", location(&only));
        assert_eq!(picker.status(), StatusCode::SEE_OTHER, "{param}");
        assert_eq!(location(&picker).matches('/').count(), 2, "the picker");
    }

    // And the sign-in it starts ends with tokens, as Amplify's plain signInWithRedirect() does.
    let request = Authorize::native().with("identity_provider", "COGNITO");
    let tokens = app.login(&app.browser, &request).await;
    assert!(tokens["refresh_token"].is_string());
}
