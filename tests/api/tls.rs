//! authgate's own TLS listener (`[tls]`): https from PEM files, the whole login over it, and
//! the same graceful shutdown as the plain listener.

use crate::support::app::{Authorize, TlsFiles, claims, spawn_tls_app};
use axum::Router;
use axum::routing::get;
use reqwest::StatusCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::test]
async fn a_client_that_trusts_the_certificate_signs_in_over_https() {
    // Arrange
    let (app, tls) = spawn_tls_app("", |c| c).await;
    assert!(
        app.address.starts_with("https://127.0.0.1:"),
        "{}",
        app.address
    );

    // Act
    let discovery = tls
        .client()
        .get(app.url("/.well-known/openid-configuration"))
        .send()
        .await
        .expect("https request");
    let version = discovery.version();
    let discovery: serde_json::Value = discovery.json().await.expect("json");
    let tokens = app.login(&app.browser, &Authorize::native()).await;

    // Assert
    assert_eq!(version, reqwest::Version::HTTP_2, "ALPN offers h2");
    assert_eq!(discovery["issuer"], app.address.as_str());
    let access = tokens["access_token"].as_str().expect("access token");
    assert_eq!(claims(access)["iss"], app.address.as_str());
    let userinfo = app.userinfo(access).await;
    assert_eq!(userinfo.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_client_that_does_not_trust_it_and_plain_http_are_refused() {
    // Arrange
    let (app, _tls) = spawn_tls_app("", |c| c).await;
    crate::support::peers::install_crypto_provider();

    // Act: the public web roots only; then plain http on the https port.
    let untrusted = reqwest::Client::new().get(app.url("/healthz")).send().await;
    let plain = reqwest::Client::new()
        .get(app.url("/healthz").replacen("https://", "http://", 1))
        .send()
        .await;

    // Assert
    let err = untrusted.expect_err("an unknown CA is refused");
    assert!(err.is_connect(), "{err:?}");
    assert!(
        plain.is_err(),
        "plain http got {:?}",
        plain.map(|r| r.status())
    );
}

#[tokio::test]
async fn the_container_health_check_speaks_https() {
    // Arrange
    let (app, _tls) = spawn_tls_app("", |c| c).await;

    // Act
    let probe = tokio::process::Command::new(env!("CARGO_BIN_EXE_authgate"))
        .args(["healthcheck", "--url", &app.url("/healthz")])
        .output();
    let output = tokio::time::timeout(Duration::from_secs(30), probe)
        .await
        .expect("the probe ends in time")
        .expect("runs");

    // Assert
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Shutdown stops accepting, lets the request in flight finish, then returns.
#[tokio::test]
async fn shutdown_waits_for_the_request_in_flight() {
    // Arrange: a route that answers only when told to.
    let dir = tempfile::tempdir().expect("tmp");
    let tls = TlsFiles::create(dir.path());
    let config =
        authgate::web::tls::server_config(&tls.cert_file, &tls.key_file).expect("TLS config");
    let (entered_tx, entered_rx) = tokio::sync::oneshot::channel::<()>();
    let (release_tx, release_rx) = tokio::sync::oneshot::channel::<()>();
    let slow = Arc::new(Mutex::new(Some((entered_tx, release_rx))));
    let events = Arc::new(Mutex::new(Vec::<&str>::new()));
    let router = Router::new().route(
        "/slow",
        get({
            let events = Arc::clone(&events);
            move || async move {
                let (entered, release) = slow.lock().unwrap().take().expect("called once");
                let _ = entered.send(());
                let _ = release.await;
                events.lock().unwrap().push("request finished");
                "done"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let mut server = tokio::spawn({
        let events = Arc::clone(&events);
        async move {
            let result = authgate::web::tls::serve(listener, router, config, async {
                let _ = stop_rx.await;
            })
            .await;
            events.lock().unwrap().push("server returned");
            result
        }
    });
    let client = tls.client();
    let request = tokio::spawn(async move {
        client
            .get(format!("https://127.0.0.1:{}/slow", addr.port()))
            .send()
            .await?
            .text()
            .await
    });
    tokio::time::timeout(Duration::from_secs(10), entered_rx)
        .await
        .expect("the request reaches the handler in time")
        .expect("handler entered");

    // Act
    stop_tx.send(()).expect("server is running");
    let returned_early = tokio::time::timeout(Duration::from_millis(300), &mut server).await;
    release_tx.send(()).expect("handler waiting");

    // Assert
    assert!(
        returned_early.is_err(),
        "the server returned while a request was in flight"
    );
    let body = tokio::time::timeout(Duration::from_secs(10), request)
        .await
        .expect("the response comes in time")
        .expect("task")
        .expect("the request in flight completes");
    assert_eq!(body, "done");
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("the server returns once the request is done")
        .expect("task")
        .expect("serve");
    assert_eq!(
        *events.lock().unwrap(),
        ["request finished", "server returned"]
    );
    let refused = tokio::net::TcpStream::connect(addr).await;
    assert!(refused.is_err(), "the listener is closed");
}
