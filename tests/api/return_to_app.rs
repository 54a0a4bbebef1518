//! `redirect_interstitial`: after a sign-in to an app's own scheme, a "Return to the app" page
//! whose one link carries the code, instead of a redirect an in-app browser may swallow; every
//! other way back (https, loopback, no flag, `prompt=none`) keeps the redirect.

use crate::support::app::{
    Authorize, PASSWORD, TestApp, USER, browser, input_value, location, query_param, spawn_app_with,
};
use reqwest::StatusCode;

/// A public app `native` with the page, and its twin `plain` without it.
const APPS: &str = r#"
[[apps]]
client_id = "native"
name = "Notes"
redirect_uris = ["notes://cb", "com.example.notes:/cb", "http://127.0.0.1/cb", "https://notes.example.com/cb"]
providers = ["local"]
scopes = ["openid"]
redirect_interstitial = true

[[apps]]
client_id = "plain"
name = "Plain"
redirect_uris = ["plain://cb"]
providers = ["local"]
scopes = ["openid"]
"#;

fn request(client_id: &str, redirect_uri: &str) -> Authorize {
    Authorize {
        client_id: client_id.into(),
        redirect_uri: redirect_uri.into(),
        ..Authorize::native()
    }
}

/// Signs in on the password page in `app`'s browser; the response to the form.
async fn sign_in(app: &TestApp, request: &Authorize) -> reqwest::Response {
    sign_in_with(app, &app.browser, request).await
}

/// The same in `client`, a browser of its own (no single sign-on from another test step).
async fn sign_in_with(
    app: &TestApp,
    client: &reqwest::Client,
    request: &Authorize,
) -> reqwest::Response {
    let (page_url, html) = app.open_sign_in(client, request).await;
    let csrf = input_value(&html, "csrf").expect("csrf");
    app.post_password(client, &page_url, Some(&csrf), USER, PASSWORD)
        .await
}

/// The `href` of the page's button, unescaped.
fn button_href(html: &str) -> String {
    let at = html
        .find(r#"<a class="button" href=""#)
        .expect("a button link");
    let rest = &html[at + r#"<a class="button" href=""#.len()..];
    rest[..rest.find('"').expect("end")]
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn a_custom_scheme_sign_in_ends_on_a_page_whose_link_carries_a_working_code() {
    // Arrange
    let app = spawn_app_with(APPS).await;
    let request = request("native", "notes://cb");

    // Act
    let response = sign_in(&app, &request).await;

    // Assert: a page, not a redirect; it is never cached and sends no referrer.
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get("location").is_none());
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(response.headers()["referrer-policy"], "no-referrer");
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .expect("csp")
        .to_string();
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    let html = response.text().await.expect("html");
    assert!(html.contains("You are signed in"), "{html}");
    assert!(html.contains("Go back to Notes to continue."), "{html}");
    assert!(html.contains(">Return to the app</a>"), "{html}");
    // Nothing on the page loads from another host: every src and stylesheet is authgate's.
    for attribute in [
        " src=\"",
        "<link rel=\"stylesheet\" href=\"",
        "<link rel=\"icon\" href=\"",
    ] {
        for (i, _) in html.match_indices(attribute) {
            let value = &html[i + attribute.len()..];
            assert!(
                value.starts_with('/'),
                "{attribute}{}",
                &value[..40.min(value.len())]
            );
        }
    }
    // The link is the redirect the app would have got, and its code works once.
    let back = button_href(&html);
    assert!(back.starts_with("notes://cb?code="), "{back}");
    assert_eq!(query_param(&back, "state").as_deref(), Some("state-123"));
    assert_eq!(
        query_param(&back, "iss").as_deref(),
        Some(app.address.as_str())
    );
    let code = query_param(&back, "code").expect("code");
    assert_eq!(app.exchange(&request, &code).await.status(), StatusCode::OK);
    assert_eq!(
        app.exchange(&request, &code).await.status(),
        StatusCode::BAD_REQUEST,
        "single use"
    );
}

#[tokio::test]
async fn a_reverse_domain_scheme_gets_the_page_too_and_single_sign_on_does_as_well() {
    // Arrange
    let app = spawn_app_with(APPS).await;
    let first = request("native", "notes://cb");
    assert_eq!(sign_in(&app, &first).await.status(), StatusCode::OK);

    // Act: the same browser again, now signed in (the authorize endpoint answers at once).
    let again = app
        .authorize(&app.browser, &request("native", "com.example.notes:/cb"))
        .await;

    // Assert
    assert_eq!(again.status(), StatusCode::OK);
    let html = again.text().await.expect("html");
    assert!(
        button_href(&html).starts_with("com.example.notes:/cb?code="),
        "{html}"
    );
}

#[tokio::test]
async fn loopback_and_https_redirects_other_apps_and_prompt_none_keep_the_redirect() {
    let app = spawn_app_with(APPS).await;

    // The same app to a loopback URI: the 303 as before.
    let signed_in = browser();
    let loopback = sign_in_with(
        &app,
        &signed_in,
        &request("native", "http://127.0.0.1:5000/cb"),
    )
    .await;
    assert_eq!(loopback.status(), StatusCode::SEE_OTHER);
    assert!(location(&loopback).starts_with("http://127.0.0.1:5000/cb?code="));

    // The same app to an https URI (an app link): the redirect too.
    let https = sign_in_with(
        &app,
        &browser(),
        &request("native", "https://notes.example.com/cb"),
    )
    .await;
    assert_eq!(https.status(), StatusCode::SEE_OTHER);
    assert!(location(&https).starts_with("https://notes.example.com/cb?code="));

    // An app without the flag, to its own scheme: the redirect.
    let plain = sign_in_with(&app, &browser(), &request("plain", "plain://cb")).await;
    assert_eq!(plain.status(), StatusCode::SEE_OTHER);
    assert!(location(&plain).starts_with("plain://cb?code="));

    // prompt=none never stops on a page, even for the app with the flag.
    let silent = app
        .authorize(
            &signed_in,
            &request("native", "notes://cb").with("prompt", "none"),
        )
        .await;
    assert_eq!(silent.status(), StatusCode::FOUND);
    assert!(location(&silent).starts_with("notes://cb?code="));
}

#[tokio::test]
async fn an_error_for_the_app_keeps_the_redirect() {
    let app = spawn_app_with(APPS).await;
    // prompt=none without a session: login_required goes back to the app, never by the page.
    let response = app
        .authorize(
            &browser(),
            &request("native", "notes://cb").with("prompt", "none"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert!(
        location(&response).starts_with("notes://cb?error="),
        "{}",
        location(&response)
    );
}
