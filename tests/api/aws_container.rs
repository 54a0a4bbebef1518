//! The ECS container-credentials endpoint, proven with the AWS SDK for Rust itself: its
//! standard credential chain, given only `AWS_CONTAINER_CREDENTIALS_FULL_URI` and
//! `AWS_CONTAINER_AUTHORIZATION_TOKEN`, fetches credentials from authgate and signs an STS
//! call with them (to moto, through the recording stand-in, which sees the signature).
//!
//! The chain reads the process environment, and this test binary's environment is shared by
//! every test in it: so the SDK runs in a child process (this binary again, running only the
//! ignored `sdk_child`), with an environment of its own. Nothing here sets a variable.

use crate::support::app::*;
use crate::support::aws::*;
use reqwest::{Client, StatusCode};
use serde_json::Value;

/// Where the child signs its call (the stand-in's endpoint); set only for the child.
const CHILD_ENDPOINT: &str = "AUTHGATE_TEST_CHILD_STS_ENDPOINT";

/// Variables of the credential chain that must not leak from this machine into the child.
const CHAIN_VARIABLES: &[&str] = &[
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_ROLE_ARN",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
];

async fn container_token(app: &TestApp, access_token: &str) -> reqwest::Response {
    Client::new()
        .post(app.url("/aws/container-token"))
        .bearer_auth(access_token)
        .send()
        .await
        .expect("container token")
}

async fn container_credentials(app: &TestApp, authorization: Option<&str>) -> reqwest::Response {
    let mut request = Client::new().get(app.url("/aws/container-credentials"));
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    request.send().await.expect("container credentials")
}

/// A signed-in `awsapp` session and its container token and URI.
async fn signed_in(aws: &AwsApp) -> (Value, String, String) {
    let tokens = login(&aws.app, "awsapp").await;
    let response = container_token(&aws.app, tokens["access_token"].as_str().expect("a")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("json");
    let token = body["authorization_token"]
        .as_str()
        .expect("token")
        .to_string();
    let uri = body["credentials_uri"].as_str().expect("uri").to_string();
    (tokens, token, uri)
}

#[tokio::test]
async fn an_aws_sdk_fetches_credentials_from_the_container_endpoint_and_signs_with_them() {
    // Arrange
    let aws = aws_app("", "").await;
    let (_, token, uri) = signed_in(&aws).await;
    assert_eq!(uri, aws.app.url("/aws/container-credentials"));
    let empty = tempfile::NamedTempFile::new().expect("tmp");
    aws.proxy.clear();

    // Act: the SDK's default chain in a child process that knows only the URI and the token.
    let mut child = tokio::process::Command::new(std::env::current_exe().expect("exe"));
    child
        .args([
            "aws_container::sdk_child",
            "--exact",
            "--ignored",
            "--nocapture",
        ])
        .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", &uri)
        .env("AWS_CONTAINER_AUTHORIZATION_TOKEN", &token)
        .env("AWS_CONFIG_FILE", empty.path())
        .env("AWS_SHARED_CREDENTIALS_FILE", empty.path())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env(CHILD_ENDPOINT, &aws.proxy.endpoint)
        .kill_on_drop(true);
    for name in CHAIN_VARIABLES {
        child.env_remove(name);
    }
    let output = child.output().await.expect("child runs");

    // Assert: the child passed, and its call was signed with the pool's credentials.
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "child failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let issued = aws.proxy.of("GetCredentialsForIdentity")[0].answer["Credentials"]["AccessKeyId"]
        .as_str()
        .expect("issued key")
        .to_string();
    let calls = aws.proxy.of("GetCallerIdentity");
    assert_eq!(calls.len(), 1, "{:?}", aws.proxy.operations());
    assert!(
        calls[0]
            .authorization
            .as_deref()
            .is_some_and(|a| a.contains(&format!("Credential={issued}/"))),
        "signed with the credentials authgate served: {:?}",
        calls[0].authorization
    );
}

/// The SDK side of the test above; does nothing unless that test started it.
#[tokio::test]
#[ignore = "run by an_aws_sdk_fetches_credentials_..., in a child process with its own environment"]
async fn sdk_child() {
    let Ok(endpoint) = std::env::var(CHILD_ENDPOINT) else {
        return;
    };
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_config::Region::new("us-east-1"))
        .load()
        .await;
    let sts = aws_sdk_sts::Client::from_conf(
        aws_sdk_sts::config::Builder::from(&config)
            .endpoint_url(endpoint)
            .build(),
    );
    let identity = sts.get_caller_identity().send().await;
    assert!(
        identity.is_ok(),
        "GetCallerIdentity with container credentials: {identity:?}"
    );
}

#[tokio::test]
async fn the_container_endpoint_speaks_the_ecs_format() {
    // Arrange
    let aws = aws_app("", "").await;
    let (_, token, _) = signed_in(&aws).await;

    // Act
    let response = container_credentials(&aws.app, Some(&token)).await;

    // Assert
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = response.json().await.expect("json");
    for field in ["AccessKeyId", "SecretAccessKey", "Token", "Expiration"] {
        assert!(
            body[field].as_str().is_some_and(|v| !v.is_empty()),
            "{field}: {body}"
        );
    }
}

#[tokio::test]
async fn the_container_endpoint_refuses_missing_wrong_and_ended_tokens() {
    // Arrange
    let aws = aws_app("", "").await;
    let (tokens, token, _) = signed_in(&aws).await;
    let access = tokens["access_token"].as_str().expect("access");
    let mut tampered = token.clone();
    let last = tampered.pop().expect("char");
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    aws.proxy.clear();

    // Act / Assert: none, garbage, tampered, the access token itself.
    for authorization in [
        None,
        Some("garbage"),
        Some(tampered.as_str()),
        Some(access),
        Some(&format!("Bearer {access}")),
    ] {
        let response = container_credentials(&aws.app, authorization).await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{authorization:?}"
        );
        let body: Value = response.json().await.expect("json");
        assert!(body.get("AccessKeyId").is_none());
    }

    // Act / Assert: the session ends (revocation), and its container token with it.
    let revoked = Client::new()
        .post(aws.app.url("/oauth2/revoke"))
        .form(&[
            ("client_id", "awsapp"),
            ("token", tokens["refresh_token"].as_str().expect("r")),
        ])
        .send()
        .await
        .expect("revoke");
    assert_eq!(revoked.status(), StatusCode::OK);
    let response = container_credentials(&aws.app, Some(&token)).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(
        aws.proxy.requests().is_empty(),
        "{:?}",
        aws.proxy.operations()
    );
}

#[tokio::test]
async fn container_tokens_are_only_for_live_sessions_of_aws_apps() {
    // Arrange
    let aws = aws_app("", "").await;
    let plain = aws.app.login(&browser(), &Authorize::native()).await;

    // Act / Assert
    assert_eq!(
        container_token(&aws.app, "garbage").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let response = container_token(&aws.app, plain["access_token"].as_str().expect("a")).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let body: Value = response.json().await.expect("json");
    assert!(body.get("authorization_token").is_none());
}
