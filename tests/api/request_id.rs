//! Every response names its request: a fresh `X-Request-Id` (never the client's), and error
//! pages show the same id, so a person can quote it and an operator find its log lines.

use crate::support::app::*;
use reqwest::StatusCode;

fn request_id(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .expect("X-Request-Id header")
        .to_string()
}

fn is_request_id(id: &str) -> bool {
    id.len() == 32 && id.chars().all(|c| c.is_ascii_hexdigit())
}

#[tokio::test]
async fn an_error_page_shows_the_request_id_of_its_response() {
    // Arrange
    let app = spawn_app().await;

    // Act: a page error from a handler, and one from the router's fallback.
    let refused = app
        .get(
            &app.browser,
            "/oauth2/authorize?client_id=nobody&response_type=code",
        )
        .await;
    let missing = app.get(&app.browser, "/no/such/page").await;

    // Assert
    for (response, status) in [
        (refused, StatusCode::BAD_REQUEST),
        (missing, StatusCode::NOT_FOUND),
    ] {
        assert_eq!(response.status(), status);
        let id = request_id(&response);
        assert!(is_request_id(&id), "{id}");
        let html = response.text().await.expect("html");
        assert!(
            html.contains(&format!("Request ID: <code>{id}</code>")),
            "the page shows its request id {id}:\n{html}"
        );
    }
}

#[tokio::test]
async fn every_response_gets_a_fresh_id_and_a_client_cannot_choose_it() {
    // Arrange
    let app = spawn_app().await;
    let client = reqwest::Client::new();

    // Act: JSON, a redirect, and a request that brings an id of its own.
    let discovery = app
        .get(&app.browser, "/.well-known/openid-configuration")
        .await;
    let redirect = app.authorize(&app.browser, &Authorize::native()).await;
    let forged = client
        .get(app.url("/healthz"))
        .header("X-Request-Id", "chosen-by-the-client")
        .send()
        .await
        .expect("healthz");

    // Assert
    assert_eq!(discovery.status(), StatusCode::OK);
    assert_eq!(redirect.status(), StatusCode::SEE_OTHER);
    let ids = [
        request_id(&discovery),
        request_id(&redirect),
        request_id(&forged),
    ];
    assert!(ids.iter().all(|id| is_request_id(id)), "{ids:?}");
    assert_ne!(ids[0], ids[1]);
    assert_ne!(ids[2], "chosen-by-the-client");
}
