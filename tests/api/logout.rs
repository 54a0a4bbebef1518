//! `/logout` in Cognito's and OIDC's shapes: the session always ends; the browser goes only to
//! a registered URI, otherwise to the signed-out page.

use crate::support::app::*;
use reqwest::StatusCode;

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
