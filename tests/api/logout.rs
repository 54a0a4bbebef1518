//! `/logout` in Cognito's and OIDC's shapes: the session always ends; the browser goes only to
//! a registered URI, otherwise to the signed-out page.

use crate::support::app::*;
use reqwest::{Client, StatusCode};

async fn signed_in_app() -> (TestApp, serde_json::Value) {
    let app = spawn_app().await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    (app, tokens)
}

async fn assert_session_ended(app: &TestApp) {
    let response = app
        .authorize(&app.browser, &Authorize::native().with("prompt", "none"))
        .await;
    assert_eq!(
        query_param(&location(&response), "error").as_deref(),
        Some("login_required")
    );
}

#[tokio::test]
async fn cognito_logout_redirects_to_a_registered_logout_uri() {
    let (app, _) = signed_in_app().await;
    let response = app
        .get(
            &app.browser,
            "/logout?client_id=demo&logout_uri=myapp%3A%2F%2Fsignout",
        )
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), "myapp://signout");
    assert_session_ended(&app).await;
}

#[tokio::test]
async fn oidc_logout_uses_the_id_token_hint_and_returns_state() {
    let (app, tokens) = signed_in_app().await;
    let hint = tokens["id_token"].as_str().expect("id");
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("id_token_hint", hint)
        .append_pair("post_logout_redirect_uri", "myapp://signout")
        .append_pair("state", "bye")
        .finish();
    let response = app.get(&app.browser, &format!("/logout?{query}")).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), "myapp://signout?state=bye");
    assert_session_ended(&app).await;
}

#[tokio::test]
async fn logout_to_an_unregistered_uri_shows_the_signed_out_page() {
    let (app, tokens) = signed_in_app().await;
    let hint = tokens["id_token"].as_str().expect("id");
    for query in [
        "client_id=demo&logout_uri=https%3A%2F%2Fevil.example%2F".to_string(),
        "client_id=demo&logout_uri=myapp%3A%2F%2Fsignout.evil".to_string(),
        "client_id=nobody&logout_uri=myapp%3A%2F%2Fsignout".to_string(),
        format!("id_token_hint={hint}&post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F"),
        // The hint names the demo app; the client_id claims another: refuse.
        format!(
            "id_token_hint={hint}&client_id=web&post_logout_redirect_uri=https%3A%2F%2Fapp.example.com%2Fsigned-out"
        ),
        "id_token_hint=forged.token.here&post_logout_redirect_uri=myapp%3A%2F%2Fsignout"
            .to_string(),
        "post_logout_redirect_uri=myapp%3A%2F%2Fsignout".to_string(),
    ] {
        let response = app.get(&app.browser, &format!("/logout?{query}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{query}");
        assert!(response.headers().get("location").is_none(), "{query}");
        assert!(
            response
                .text()
                .await
                .expect("html")
                .contains("You are signed out")
        );
    }
    assert_session_ended(&app).await;
}

#[tokio::test]
async fn cognito_logout_with_redirect_uri_signs_in_again() {
    let (app, _) = signed_in_app().await;
    let response = app
        .get(&app.browser, "/logout?client_id=demo&redirect_uri=myapp%3A%2F%2Fcallback&response_type=code&state=again")
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let next = location(&response);
    assert!(next.starts_with("/oauth2/authorize?"), "{next}");
    assert_session_ended(&app).await;
}

/// The token endpoint's refresh: whether the refresh token still works.
async fn refresh_works(app: &TestApp, client_id: &str, tokens: &serde_json::Value) -> bool {
    let refresh = tokens["refresh_token"].as_str().expect("refresh");
    app.refresh(client_id, refresh).await.status() == StatusCode::OK
}

fn other_app() -> Authorize {
    let mut request = Authorize::native();
    request.client_id = "other".into();
    request.redirect_uri = "otherapp://cb".into();
    request
}

#[tokio::test]
async fn logout_revokes_the_refresh_tokens_issued_through_that_browsers_sign_in() {
    // Arrange: two apps through one browser's sign-in; the same user in another browser.
    let app = spawn_app().await;
    let demo = app.login(&app.browser, &Authorize::native()).await;
    let other = app.login(&app.browser, &other_app()).await;
    let elsewhere = app.login(&browser(), &Authorize::native()).await;

    // Act
    let response = app
        .get(
            &app.browser,
            "/logout?client_id=demo&logout_uri=myapp%3A%2F%2Fsignout",
        )
        .await;

    // Assert
    assert_eq!(location(&response), "myapp://signout");
    assert!(!refresh_works(&app, "demo", &demo).await);
    assert!(
        !refresh_works(&app, "other", &other).await,
        "every app of that sign-in"
    );
    let access = demo["access_token"].as_str().expect("access");
    assert_eq!(
        app.userinfo(access).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert!(
        refresh_works(&app, "demo", &elsewhere).await,
        "another browser's sign-in is not this one"
    );
}

#[tokio::test]
async fn an_app_with_logout_revokes_tokens_false_keeps_its_tokens_after_logout() {
    let extra = r#"
[[apps]]
client_id = "keeper"
name = "Keeps its tokens"
redirect_uris = ["keeper://cb"]
providers = ["local"]
scopes = ["openid"]
logout_revokes_tokens = false
"#;
    let app = spawn_app_with(extra).await;
    let mut keeper = Authorize::native();
    keeper.client_id = "keeper".into();
    keeper.redirect_uri = "keeper://cb".into();
    let kept = app.login(&app.browser, &keeper).await;
    let demo = app.login(&app.browser, &Authorize::native()).await;

    app.get(&app.browser, "/logout").await;

    assert!(refresh_works(&app, "keeper", &kept).await);
    assert!(!refresh_works(&app, "demo", &demo).await);
    assert_session_ended(&app).await;
}

#[tokio::test]
async fn logout_removes_the_host_cookie_with_the_attributes_browsers_require() {
    // Arrange: an https issuer (so the cookie is `__Host-authgate`, Secure) served over plain
    // http here; a client without a cookie jar, which sends the cookie back by hand (a jar
    // would not send a Secure cookie over http).
    let app = spawn_app_edited("", |config| {
        config
            .replacen("issuer = \"http://", "issuer = \"https://", 1)
            .replace("enabled = true", "enabled = false")
    })
    .await;
    let client = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let started = app.authorize(&client, &Authorize::native()).await;
    let set = started
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("a session cookie")
        .to_string();
    assert!(set.starts_with("__Host-authgate="), "{set}");
    let cookie = set.split(';').next().expect("name=value").to_string();

    // Act
    let response = client
        .get(app.url("/logout"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("logout");

    // Assert
    let removal = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-authgate="))
        .expect("the cookie is removed")
        .to_string();
    let attributes: Vec<String> = removal
        .split(';')
        .map(|a| a.trim().to_ascii_lowercase())
        .collect();
    for wanted in ["secure", "path=/", "httponly", "samesite=lax", "max-age=0"] {
        assert!(
            attributes.iter().any(|a| a == wanted),
            "`{wanted}` missing from {removal}"
        );
    }
    assert_eq!(
        attributes[0], "__host-authgate=",
        "an empty value: {removal}"
    );
}
