//! The built-in demo page signs in through the hosted UI like any app and shows its tokens.

use crate::support::app::*;
use reqwest::StatusCode;

/// Clicks "Sign in" on the demo page; returns its redirect to the authorize endpoint.
async fn start_demo(app: &TestApp) -> reqwest::Response {
    let html = app
        .get(&app.browser, "/demo")
        .await
        .text()
        .await
        .expect("html");
    let csrf = input_value(&html, "csrf").expect("csrf");
    let start = app
        .browser
        .post(app.url("/demo/start"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("start");
    assert_eq!(start.status(), StatusCode::SEE_OTHER);
    start
}

#[tokio::test]
async fn the_demo_page_completes_a_real_login_and_shows_decoded_tokens() {
    let app = spawn_app().await;
    // Sign in → authorize → sign-in page → password → /callback
    let start = start_demo(&app).await;
    let authorize = app.get(&app.browser, &location(&start)).await;
    let page_url = location(&authorize);
    let page = app
        .get(&app.browser, &page_url)
        .await
        .text()
        .await
        .expect("html");
    let csrf = input_value(&page, "csrf").expect("csrf");
    let signed = app
        .post_password(&app.browser, &page_url, Some(&csrf), USER, PASSWORD)
        .await;
    let callback = location(&signed);
    assert!(
        callback.starts_with(&app.url("/callback?code=")),
        "{callback}"
    );
    let result = app.get(&app.browser, &callback).await;

    assert_eq!(result.status(), StatusCode::OK);
    let html = result.text().await.expect("html");
    assert!(html.contains("<h1>Signed in</h1>"), "{html}");
    assert!(html.contains("ID token claims"));
    assert!(html.contains("demo@example.com"));
}

#[tokio::test]
async fn the_demo_callback_refuses_a_foreign_state() {
    // Without a sign-in started from this browser.
    let app = spawn_app().await;
    let response = app.get(&app.browser, "/callback?code=x&state=y").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        response
            .text()
            .await
            .expect("html")
            .contains("No sign-in was started")
    );

    // With one started, but a state that is not its own.
    start_demo(&app).await;
    let response = app.get(&app.browser, "/callback?code=x&state=forged").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        response
            .text()
            .await
            .expect("html")
            .contains("state parameter did not match")
    );
}
