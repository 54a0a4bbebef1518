//! Durability: the real binary is killed (SIGKILL, no shutdown) right after issuing tokens,
//! started again on the same data dir, and the refresh token still works.

use crate::support::app::*;
use crate::support::binary::start;
use reqwest::StatusCode;

#[tokio::test]
async fn a_refresh_token_survives_a_crash_and_restart() {
    // Arrange: a fixed port (the issuer must not change across the restart).
    let dir = tempfile::tempdir().expect("tmp");
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("probe");
        probe.local_addr().expect("addr").port()
    };
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, test_config(&dir, port, "")).expect("config");
    let server = start(&config);
    let app = TestApp::remote(&server.address);
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let refresh = tokens["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();

    // Act: kill -9, then start again on the same data dir.
    drop(server);
    let server = start(&config);
    // A new client: the old one's pooled connections died with the process.
    let app = TestApp::remote(&server.address);

    // Assert
    let response = app.refresh("demo", &refresh).await;
    assert_eq!(response.status(), StatusCode::OK);
    let rotated: serde_json::Value = response.json().await.expect("json");
    // And the key that signed before the crash still verifies after it.
    let old_access = tokens["access_token"].as_str().expect("access");
    assert_eq!(app.userinfo(old_access).await.status(), StatusCode::OK);
    assert!(rotated["access_token"].is_string());
}
