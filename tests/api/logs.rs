//! Secrets never reach the log: a full login, refresh and logout against the real binary at
//! `RUST_LOG=trace`, then the whole log is searched for every secret that crossed the wire,
//! Cognito's user-pool API at `POST /` included.

use crate::support::app::*;
use crate::support::binary::start_with_log_filter;
use reqwest::StatusCode;

#[tokio::test]
async fn no_code_token_password_or_verifier_is_logged_even_at_trace() {
    // Arrange
    let dir = tempfile::tempdir().expect("tmp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("probe")
        .local_addr()
        .expect("addr")
        .port();
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, test_config(&dir, port, "")).expect("config");
    let server = start_with_log_filter(&config, "trace");
    let app = TestApp::remote(&server.address);

    // Act: every secret-bearing exchange, including failures that get logged.
    let request = Authorize::native();
    let (page_url, html) = app.open_sign_in(&app.browser, &request).await;
    let csrf = input_value(&html, "csrf").expect("csrf");
    let wrong = app
        .post_password(
            &app.browser,
            &page_url,
            Some(&csrf),
            USER,
            "wrong-password-xyz",
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::OK);
    let back = location(
        &app.post_password(&app.browser, &page_url, Some(&csrf), USER, PASSWORD)
            .await,
    );
    let code = query_param(&back, "code").expect("code");
    let tokens: serde_json::Value = app
        .exchange(&request, &code)
        .await
        .json()
        .await
        .expect("json");
    let refresh = tokens["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();
    let rotated: serde_json::Value = app
        .refresh("demo", &refresh)
        .await
        .json()
        .await
        .expect("json");
    // Before the code's replay below, which revokes the family.
    let api = api_tokens(&app, rotated["refresh_token"].as_str().expect("r")).await;
    let replay = app.exchange(&request, &code).await;
    assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
    let cookie_probe = app.get(&app.browser, "/logout").await;
    assert_eq!(cookie_probe.status(), StatusCode::OK);

    // Assert
    let log = server.output.lock().expect("lock").clone();
    assert!(
        log.contains("TRACE") || log.contains("DEBUG"),
        "the log was captured at trace level"
    );
    let verifier = request.verifier.clone().expect("verifier");
    let secrets = [
        ("password", PASSWORD.to_string()),
        ("wrong password", "wrong-password-xyz".to_string()),
        ("csrf token", csrf),
        ("code", code),
        ("code verifier", verifier),
        (
            "access token",
            tokens["access_token"].as_str().expect("a").to_string(),
        ),
        (
            "id token",
            tokens["id_token"].as_str().expect("i").to_string(),
        ),
        ("refresh token", refresh),
        (
            "rotated refresh token",
            rotated["refresh_token"].as_str().expect("r").to_string(),
        ),
        ("nonce", request.nonce.clone()),
    ];
    assert_not_logged(&log, secrets);
    assert_not_logged(&log, api);
}

/// Every operation of the user-pool API with the tokens it takes and gives (successes and
/// refusals, which log more): the tokens that crossed the wire.
async fn api_tokens(app: &TestApp, refresh: &str) -> Vec<(String, String)> {
    use aws_sdk_cognitoidentityprovider::types::AuthFlowType;
    let sdk = crate::cognito_api::sdk(app);
    let mut seen = vec![(
        "refresh token sent to the API".to_string(),
        refresh.to_string(),
    )];
    let mut keep = |what: &str,
                    result: Option<
        &aws_sdk_cognitoidentityprovider::types::AuthenticationResultType,
    >| {
        let result = result.expect("AuthenticationResult");
        for (name, token) in [
            ("access token", result.access_token()),
            ("id token", result.id_token()),
            ("refresh token", result.refresh_token()),
        ] {
            seen.push((format!("{what} {name}"), token.expect(name).to_string()));
        }
        result.refresh_token().expect("refresh").to_string()
    };
    let out = sdk
        .get_tokens_from_refresh_token()
        .client_id("demo")
        .refresh_token(refresh)
        .send()
        .await
        .expect("GetTokensFromRefreshToken");
    let next = keep("GetTokensFromRefreshToken", out.authentication_result());
    let out = sdk
        .initiate_auth()
        .client_id("demo")
        .auth_flow(AuthFlowType::RefreshTokenAuth)
        .auth_parameters("REFRESH_TOKEN", &next)
        .send()
        .await
        .expect("InitiateAuth");
    let last = keep("InitiateAuth", out.authentication_result());
    let access = out
        .authentication_result()
        .and_then(|r| r.access_token())
        .expect("access")
        .to_string();
    // A replay (the family is then revoked), and the operations that take an access token
    // (refused here: the demo app has no aws.cognito.signin.user.admin scope).
    assert!(
        sdk.get_tokens_from_refresh_token()
            .client_id("demo")
            .refresh_token(refresh)
            .send()
            .await
            .is_err()
    );
    assert!(sdk.get_user().access_token(&access).send().await.is_err());
    assert!(
        sdk.global_sign_out()
            .access_token(&access)
            .send()
            .await
            .is_err()
    );
    sdk.revoke_token()
        .client_id("demo")
        .token(&last)
        .send()
        .await
        .expect("RevokeToken");
    seen
}
