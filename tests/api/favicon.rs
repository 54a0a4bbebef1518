//! Browsers ask for `/favicon.ico` on every page: an icon, not the HTML 404 page.

use crate::support::app::*;
use reqwest::StatusCode;

#[tokio::test]
async fn the_favicon_is_an_image() {
    let app = spawn_app().await;
    for (path, media) in [
        ("/favicon.ico", "image/x-icon"),
        ("/favicon.svg", "image/svg+xml"),
    ] {
        let response = app.get(&app.browser, path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let content_type = response.headers()["content-type"].to_str().expect("type");
        assert_eq!(content_type, media, "{path}");
        assert!(
            response.headers()["cache-control"]
                .to_str()
                .expect("cache")
                .contains("max-age"),
            "{path} may be cached"
        );
        assert!(!response.bytes().await.expect("body").is_empty());
    }
    // The pages point at it.
    let (_, html) = app.open_sign_in(&app.browser, &Authorize::native()).await;
    assert!(html.contains(r#"rel="icon" href="/favicon.svg""#));
}
