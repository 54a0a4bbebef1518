//! No AWS secret reaches the log: sign-ins federated every way, renewal, guests and the
//! container endpoint against the real binary at `RUST_LOG=trace` (the AWS SDK's own tracing
//! included), then the whole log is searched for every secret that crossed the wire.

use crate::support::app::*;
use crate::support::aws::*;
use crate::support::aws_proxy::AwsProxy;
use crate::support::binary::start_with_log_filter;
use crate::support::moto::create_identity_pool;
use reqwest::Client;
use serde_json::Value;

#[tokio::test]
async fn no_aws_secret_or_logins_token_is_logged_even_at_trace() {
    // Arrange
    let pool_id = create_identity_pool().await;
    let proxy = AwsProxy::start().await;
    let dir = tempfile::tempdir().expect("tmp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("probe")
        .port();
    let config = dir.path().join("authgate.toml");
    let aws = aws_config(&pool_id, &proxy.endpoint, "", "");
    std::fs::write(&config, test_config(&dir, port, &aws)).expect("config");
    let server = start_with_log_filter(&config, "trace");
    let app = TestApp::remote(&server.address);

    // Act: every exchange that carries an AWS secret.
    let developer = login(&app, "awsapp").await;
    let own = login(&app, "selfapp").await;
    let renewed: Value = Client::new()
        .post(app.url("/aws/credentials"))
        .bearer_auth(own["access_token"].as_str().expect("a"))
        .send()
        .await
        .expect("renew")
        .json()
        .await
        .expect("json");
    let guest: Value = Client::new()
        .get(app.url("/aws/guest-credentials?client_id=guestapp"))
        .send()
        .await
        .expect("guest")
        .json()
        .await
        .expect("json");
    let container: Value = Client::new()
        .post(app.url("/aws/container-token"))
        .bearer_auth(developer["access_token"].as_str().expect("a"))
        .send()
        .await
        .expect("container token")
        .json()
        .await
        .expect("json");
    let container_token = container["authorization_token"].as_str().expect("token");
    let ecs: Value = Client::new()
        .get(app.url("/aws/container-credentials"))
        .header("authorization", container_token)
        .send()
        .await
        .expect("ecs")
        .json()
        .await
        .expect("json");

    // Assert
    let log = server.stop_and_read_log();
    assert!(log.contains("TRACE"), "the log was captured at trace level");
    let mut secrets: Vec<(String, String)> = Vec::new();
    for (what, body) in [
        ("developer", &developer),
        ("self", &own),
        ("renewed", &renewed),
        ("guest", &guest),
    ] {
        for field in ["secret_access_key", "session_token"] {
            let value = body["aws_credentials"][field].as_str().expect(field);
            secrets.push((format!("{what} {field}"), value.to_string()));
        }
    }
    secrets.push((
        "ECS secret".into(),
        ecs["SecretAccessKey"].as_str().expect("ecs").to_string(),
    ));
    secrets.push(("container token".into(), container_token.to_string()));
    secrets.push((
        "authgate's own secret key".into(),
        "authgate-test-secret".into(),
    ));
    for call in proxy.requests() {
        for token in call.logins().values().filter_map(Value::as_str) {
            secrets.push((format!("Logins token of {}", call.operation), token.into()));
        }
        if let Some(token) = call.answer["Token"].as_str() {
            secrets.push((format!("token from {}", call.operation), token.into()));
        }
    }
    assert!(secrets.len() > 12, "{secrets:?}");
    assert_not_logged(&log, secrets);
}
