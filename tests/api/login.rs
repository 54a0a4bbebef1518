//! Whole logins through the hosted UI: native (custom scheme), loopback, confidential web app,
//! single sign-on, and every way the browser leg can be wrong.

use crate::support::app::*;
use reqwest::StatusCode;

#[tokio::test]
async fn a_native_app_logs_in_with_pkce_and_a_custom_scheme() {
    // Arrange
    let app = spawn_app().await;
    let request = Authorize::native();

    // Act
    let tokens = app.login(&app.browser, &request).await;

    // Assert
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 3600);
    let id = claims(tokens["id_token"].as_str().expect("id_token"));
    assert_eq!(id["iss"], app.address.as_str());
    assert_eq!(id["aud"], "demo");
    assert_eq!(id["nonce"], "nonce-456");
    assert_eq!(id["email"], "demo@example.com");
    assert_eq!(id["email_verified"], true);
    assert_eq!(id["name"], "Demo User");
    let access = claims(tokens["access_token"].as_str().expect("access_token"));
    assert_eq!(access["client_id"], "demo");
    assert_eq!(access["scope"], "openid email profile");
    assert_eq!(access["sub"], id["sub"]);
    assert!(
        tokens["refresh_token"]
            .as_str()
            .is_some_and(|t| t.len() >= 43)
    );
}

#[tokio::test]
async fn a_loopback_app_on_a_random_port_logs_in() {
    let app = spawn_app().await;
    let port = 40000 + (rand::random::<u16>() % 20000);
    let mut request = Authorize::native();
    request.redirect_uri = format!("http://127.0.0.1:{port}/callback");

    let tokens = app.login(&app.browser, &request).await;

    assert!(tokens["access_token"].is_string());
}

#[tokio::test]
async fn a_confidential_web_app_logs_in_with_basic_and_post_authentication() {
    let app = spawn_app().await;

    // client_secret_post (through the helper), no PKCE: allowed for a confidential client.
    let tokens = app.login(&app.browser, &Authorize::web()).await;
    assert!(tokens["id_token"].is_string());

    // client_secret_basic with a fresh code.
    let request = Authorize::web();
    let code = app.code_for(&app.browser, &request).await;
    let response = reqwest::Client::new()
        .post(app.url("/oauth2/token"))
        .basic_auth("web", Some(WEB_SECRET))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("redirect_uri", request.redirect_uri.as_str()),
        ])
        .send()
        .await
        .expect("token");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn the_sub_is_stable_across_logins_and_apps() {
    let app = spawn_app().await;
    let first = app.login(&app.browser, &Authorize::native()).await;
    let second = app.login(&browser(), &Authorize::web()).await;
    assert_eq!(
        claims(first["id_token"].as_str().expect("id"))["sub"],
        claims(second["id_token"].as_str().expect("id"))["sub"]
    );
}

#[tokio::test]
async fn a_second_authorize_from_the_same_browser_skips_the_password_page() {
    // Arrange: signed in once for the native app.
    let app = spawn_app().await;
    app.login(&app.browser, &Authorize::native()).await;

    // Act: another app, same browser.
    let mut other = Authorize::native();
    other.client_id = "other".into();
    other.redirect_uri = "otherapp://cb".into();
    let response = app.authorize(&app.browser, &other).await;

    // Assert: straight back with a code that works.
    assert_eq!(response.status(), StatusCode::FOUND);
    let back = location(&response);
    assert!(back.starts_with("otherapp://cb?code="), "{back}");
    let code = query_param(&back, "code").expect("code");
    assert_eq!(app.exchange(&other, &code).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn prompt_login_forces_the_password_page_even_with_a_session() {
    let app = spawn_app().await;
    app.login(&app.browser, &Authorize::native()).await;

    let response = app
        .authorize(&app.browser, &Authorize::native().with("prompt", "login"))
        .await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/signin/"));
}

#[tokio::test]
async fn prompt_none_without_a_session_is_login_required_and_with_one_is_a_code() {
    let app = spawn_app().await;
    let response = app
        .authorize(&app.browser, &Authorize::native().with("prompt", "none"))
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let back = location(&response);
    assert_eq!(
        query_param(&back, "error").as_deref(),
        Some("login_required")
    );
    assert_eq!(query_param(&back, "state").as_deref(), Some("state-123"));
    assert_eq!(
        query_param(&back, "iss").as_deref(),
        Some(app.address.as_str())
    );
    assert!(query_param(&back, "code").is_none());

    app.login(&app.browser, &Authorize::native()).await;
    let response = app
        .authorize(&app.browser, &Authorize::native().with("prompt", "none"))
        .await;
    assert!(query_param(&location(&response), "code").is_some());
}

#[tokio::test]
async fn login_hint_prefills_the_username() {
    let app = spawn_app().await;
    let (_, html) = app
        .open_sign_in(
            &app.browser,
            &Authorize::native().with("login_hint", "someone"),
        )
        .await;
    assert!(html.contains(r#"value="someone""#));
}

#[tokio::test]
async fn a_wrong_password_shows_one_generic_message_and_issues_nothing() {
    let app = spawn_app().await;
    let (page_url, html) = app.open_sign_in(&app.browser, &Authorize::native()).await;
    let csrf = input_value(&html, "csrf").expect("csrf");

    for (user, password) in [(USER, "wrong"), ("nobody", "wrong")] {
        let response = app
            .post_password(&app.browser, &page_url, Some(&csrf), user, password)
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers().get("location").is_none());
        let body = response.text().await.expect("html");
        assert!(
            body.contains("Incorrect username or password."),
            "same message for unknown users"
        );
        assert!(!body.contains("wrong"), "the password is never echoed");
    }
}

#[tokio::test]
async fn a_form_post_without_the_csrf_token_is_refused() {
    let app = spawn_app().await;
    let (page_url, _) = app.open_sign_in(&app.browser, &Authorize::native()).await;

    let missing = app
        .post_password(&app.browser, &page_url, None, USER, PASSWORD)
        .await;
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
    let forged = app
        .post_password(&app.browser, &page_url, Some("forged"), USER, PASSWORD)
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert!(forged.headers().get("location").is_none());
}

#[tokio::test]
async fn a_sign_in_page_opened_in_another_browser_is_refused() {
    let app = spawn_app().await;
    let (page_url, html) = app.open_sign_in(&app.browser, &Authorize::native()).await;
    let csrf = input_value(&html, "csrf").expect("csrf");

    // The attacker's browser has its own session; the victim's request id is not bound to it.
    let attacker = browser();
    let page = app.get(&attacker, &page_url).await;
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    let post = app
        .post_password(&attacker, &page_url, Some(&csrf), USER, PASSWORD)
        .await;
    assert_eq!(post.status(), StatusCode::BAD_REQUEST);
    assert!(post.headers().get("location").is_none());
}

#[tokio::test]
async fn a_sign_in_request_yields_one_code_only() {
    let app = spawn_app().await;
    let (page_url, html) = app.open_sign_in(&app.browser, &Authorize::native()).await;
    let csrf = input_value(&html, "csrf").expect("csrf");
    let first = app
        .post_password(&app.browser, &page_url, Some(&csrf), USER, PASSWORD)
        .await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);

    // Re-posting the same form (back button, double click) finds the request used up.
    let again = app
        .post_password(&app.browser, &page_url, Some(&csrf), USER, PASSWORD)
        .await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn repeated_failures_are_slowed_then_refused_even_with_the_right_password() {
    let app = spawn_app().await;
    let (page_url, html) = app.open_sign_in(&app.browser, &Authorize::native()).await;
    let csrf = input_value(&html, "csrf").expect("csrf");

    // The test config locks after 4 failures.
    for _ in 0..4 {
        let r = app
            .post_password(&app.browser, &page_url, Some(&csrf), USER, "wrong")
            .await;
        assert_eq!(r.status(), StatusCode::OK);
    }
    let locked = app
        .post_password(&app.browser, &page_url, Some(&csrf), USER, PASSWORD)
        .await;
    assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.headers().get("location").is_none());
    assert!(
        locked
            .text()
            .await
            .expect("html")
            .contains("Signing in is locked")
    );

    // Another user from another address is unaffected by this username's lock.
    let counter = app
        .store()
        .counter("login:user:local:demo", time::OffsetDateTime::now_utc())
        .await
        .expect("counter");
    assert_eq!(counter, 4);
}

#[tokio::test]
async fn identity_provider_skips_the_picker_and_unknown_ones_are_refused() {
    let app = spawn_app().await;
    let response = app
        .authorize(
            &app.browser,
            &Authorize::native().with("identity_provider", "local"),
        )
        .await;
    assert!(location(&response).ends_with("/local"));

    let response = app
        .authorize(
            &app.browser,
            &Authorize::native().with("identity_provider", "Google"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(
        query_param(&location(&response), "error").as_deref(),
        Some("invalid_request")
    );
}

#[tokio::test]
async fn the_picker_lists_only_the_apps_providers() {
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
    let mut request = Authorize::native();
    request.client_id = "two".into();
    request.redirect_uri = "two://cb".into();
    let response = app.authorize(&app.browser, &request).await;
    let picker_url = location(&response);
    assert_eq!(
        picker_url.matches('/').count(),
        2,
        "the picker, not a provider: {picker_url}"
    );
    let html = app
        .get(&app.browser, &picker_url)
        .await
        .text()
        .await
        .expect("html");
    assert!(html.contains("Continue with Demo app account"));
    assert!(html.contains("Continue with Staff directory"));
    assert!(
        html.contains("provider provider-local"),
        "each button names its kind for its icon"
    );
    let icon = app
        .get(&app.browser, "/static/img/provider-local.svg")
        .await;
    assert_eq!(icon.status(), StatusCode::OK);

    // The demo app, with one provider, goes straight to it: no picker.
    let response = app.authorize(&app.browser, &Authorize::native()).await;
    assert!(location(&response).ends_with("/local"));
}

/// The password page's answer to one attempt, in `lang` (the browser's Accept-Language).
async fn attempt_in(
    app: &TestApp,
    page_url: &str,
    csrf: &str,
    password: &str,
    lang: &str,
) -> (StatusCode, String) {
    let response = app
        .browser
        .post(app.url(page_url))
        .header("accept-language", lang)
        .form(&[("username", USER), ("password", password), ("csrf", csrf)])
        .send()
        .await
        .expect("post");
    let status = response.status();
    (status, response.text().await.expect("html"))
}

#[tokio::test]
async fn a_lock_says_for_how_long_in_the_users_language_and_disables_the_form_unlike_a_wrong_password()
 {
    // Arrange: the test config locks a username after 4 failures in a 15-minute window.
    let app = spawn_app().await;
    let (page_url, html) = app.open_sign_in(&app.browser, &Authorize::native()).await;
    let csrf = input_value(&html, "csrf").expect("csrf");
    let mut wrong = Vec::new();
    for lang in ["en", "ja", "en", "ja"] {
        wrong.push(attempt_in(&app, &page_url, &csrf, "wrong", lang).await);
    }

    // Act
    let (en_status, en) = attempt_in(&app, &page_url, &csrf, PASSWORD, "en").await;
    let (ja_status, ja) = attempt_in(&app, &page_url, &csrf, PASSWORD, "ja").await;

    // Assert: a wrong password marks the fields and keeps the form usable ...
    let (status, wrong_en) = &wrong[0];
    assert_eq!(*status, StatusCode::OK);
    assert!(wrong_en.contains("Incorrect username or password."));
    assert!(wrong_en.contains(r#"class="error""#));
    assert!(wrong_en.contains(r#"aria-invalid="true""#));
    assert!(!wrong_en.contains("disabled"), "{wrong_en}");
    // ... a lock says so and for how long (the window just started: 15 minutes, not "a few"),
    // in the person's language, and disables the form instead of marking the fields wrong.
    assert_eq!(en_status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        en.contains(
            "Signing in is locked after too many failed attempts. You can try again in 15 minutes."
        ),
        "{en}"
    );
    assert!(!en.contains("Incorrect username or password."));
    assert!(
        !en.contains(r#"class="error""#),
        "not styled as a wrong password"
    );
    assert!(en.contains(r#"<fieldset class="fields" disabled"#), "{en}");
    assert!(
        !en.contains("aria-invalid"),
        "the fields are not what is wrong"
    );
    assert!(!en.contains("autofocus"));
    assert_eq!(ja_status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        ja.contains("サインインはロックされています。15 分後に"),
        "{ja}"
    );
    assert!(
        wrong[1].1.contains("ユーザー名またはパスワード"),
        "{}",
        wrong[1].1
    );
    assert!(!ja.contains("ユーザー名またはパスワードが正しくありません"));
}
