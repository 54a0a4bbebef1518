//! The Cognito pages on the real binary at `RUST_LOG=trace`, with AWS credentials in its
//! environment as a container would have them: the sign-up page shows the pool's password
//! rules (DescribeUserPool, signed), and no password, code or pool token reaches the log.

use crate::support::app::*;
use crate::support::binary::start_with_env;
use crate::support::moto;
use crate::support::pool::{PASSWORD, Page, PoolApp};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn pool_rules_are_shown_and_no_pool_secret_is_logged_even_at_trace() {
    // Arrange: a pool with a client secret, authgate's binary pointed at it.
    let pool = moto::create_pool(true).await;
    let client_secret = pool.client_secret.clone().expect("secret");
    let dir = tempfile::tempdir().expect("tmp");
    let secret_file = dir.path().join("pool-secret");
    std::fs::write(&secret_file, &client_secret).expect("secret");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("probe")
        .local_addr()
        .expect("addr")
        .port();
    let extra = format!(
        r#"
[[providers]]
id = "pool"
kind = "cognito"
name = "Example pool"
region = "{region}"
user_pool_id = "{pool_id}"
client_id = "{client_id}"
client_secret_file = {secret_file:?}
endpoint_url = "{endpoint}"

[[apps]]
client_id = "passapp"
name = "Passthrough app"
redirect_uris = ["passapp://cb"]
providers = ["pool"]
scopes = ["openid", "email"]
token_mode = "passthrough"
"#,
        region = moto::REGION,
        pool_id = pool.id,
        client_id = pool.client_id,
        endpoint = moto::endpoint(),
    );
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, test_config(&dir, port, &extra)).expect("config");
    let server = start_with_env(
        &config,
        "trace",
        &[
            ("AWS_ACCESS_KEY_ID", "AKIDAUTHGATETEST"),
            ("AWS_SECRET_ACCESS_KEY", "authgate-own-aws-secret-key"),
            ("AWS_REGION", moto::REGION),
        ],
    );
    let pages = PoolApp::around(TestApp::remote(&server.address));
    let app = &pages.app;
    let client = browser();
    let mut request = Authorize::native();
    request.client_id = "passapp".into();
    request.redirect_uri = "passapp://cb".into();

    // Act: sign up, confirm, get the pool's tokens, refresh them; and a wrong password.
    let (url, _) = app.open_sign_in(&client, &request).await;
    let signup = pages.get(&client, &format!("{url}/signup")).await;
    assert_eq!(signup.status, StatusCode::OK);
    assert!(
        signup.html.contains("At least 8 characters"),
        "{}",
        signup.html
    );
    assert!(signup.html.contains("An uppercase letter"));
    assert!(signup.html.contains("A symbol"));
    let response = pages
        .post(
            &client,
            &signup,
            &format!("{url}/signup"),
            &[
                ("username", "tracy"),
                ("new_password", PASSWORD),
                ("attr:email", "tracy@example.com"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let confirm = pages.get(&client, &location(&response)).await;
    let response = pages
        .post(
            &client,
            &confirm,
            &format!("{url}/confirm"),
            &[("code", "864213")],
        )
        .await;
    let back = location(&response);
    let code = query_param(&back, "code").expect("code");
    let tokens: Value = app
        .exchange(&request, &code)
        .await
        .json()
        .await
        .expect("json");
    let refresh = tokens["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();
    let refreshed: Value = app
        .refresh("passapp", &refresh)
        .await
        .json()
        .await
        .expect("json");

    let other = browser();
    let (url, html) = app.open_sign_in(&other, &request).await;
    let sign_in = Page {
        url: url.clone(),
        status: StatusCode::OK,
        html,
    };
    let wrong = pages
        .post(
            &other,
            &sign_in,
            &url,
            &[("username", "tracy"), ("password", "Wrong-pass-9zz")],
        )
        .await;
    // moto checks no SRP proof, so this "signs in"; what matters is that the typed password
    // went nowhere near the log.
    assert!(wrong.status().is_redirection() || wrong.status().is_success());

    // Assert
    let log = server.stop_and_read_log();
    assert!(
        log.contains("TRACE") || log.contains("DEBUG"),
        "captured at trace level"
    );
    let token = |v: &Value, name: &str| v[name].as_str().expect("token").to_string();
    let secrets = [
        ("password", PASSWORD.to_string()),
        ("wrong password", "Wrong-pass-9zz".to_string()),
        ("confirmation code", "864213".to_string()),
        ("pool client secret", client_secret),
        (
            "authgate's AWS secret key",
            "authgate-own-aws-secret-key".to_string(),
        ),
        ("authorization code", code),
        ("pool ID token", token(&tokens, "id_token")),
        ("pool access token", token(&tokens, "access_token")),
        ("pool refresh token", refresh),
        (
            "refreshed pool access token",
            token(&refreshed, "access_token"),
        ),
    ];
    assert_not_logged(&log, secrets);
}

#[tokio::test]
async fn no_session_mfa_code_or_device_secret_is_logged_even_at_trace() {
    use crate::support::cognito_standin::{CognitoStandin, UserOptions};
    // Arrange: the binary against the stand-in, whose requests show every Session it issued.
    let standin = CognitoStandin::start().await;
    standin.add_user("tia", PASSWORD, UserOptions::default().totp("565656"));
    let dir = tempfile::tempdir().expect("tmp");
    let secret_file = dir.path().join("pool-secret");
    std::fs::write(&secret_file, standin.client_secret()).expect("secret");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("probe")
        .local_addr()
        .expect("addr")
        .port();
    let extra = format!(
        r#"
[[providers]]
id = "pool"
kind = "cognito"
region = "{region}"
user_pool_id = "{pool_id}"
client_id = "{client_id}"
client_secret_file = {secret_file:?}
endpoint_url = "{endpoint}"

[[apps]]
client_id = "poolapp"
name = "Pool app"
redirect_uris = ["poolapp://cb"]
providers = ["pool"]
scopes = ["openid"]
"#,
        region = standin.region(),
        pool_id = standin.pool_id(),
        client_id = standin.secret_client_id(),
        endpoint = standin.endpoint(),
    );
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, test_config(&dir, port, &extra)).expect("config");
    let server = start_with_env(&config, "trace", &[]);
    let pages = PoolApp::around(TestApp::remote(&server.address));
    let app = &pages.app;
    let client = browser();
    let mut request = Authorize::native();
    request.client_id = "poolapp".into();
    request.redirect_uri = "poolapp://cb".into();

    // Act: sign in with MFA, remembering the device; sign in again through device SRP.
    let (url, html) = app.open_sign_in(&client, &request).await;
    let sign_in = Page {
        url: url.clone(),
        status: StatusCode::OK,
        html,
    };
    let response = pages
        .post(
            &client,
            &sign_in,
            &url,
            &[
                ("username", "tia"),
                ("password", PASSWORD),
                ("remember_device", "on"),
            ],
        )
        .await;
    let mfa = pages.get(&client, &location(&response)).await;
    let response = pages
        .post(
            &client,
            &mfa,
            &format!("{url}/challenge"),
            &[("answer", "565656")],
        )
        .await;
    let device_cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("authgate-device-pool="))
        .and_then(|v| v.split(';').next())
        .expect("device cookie")
        .to_string();
    let code = query_param(&location(&response), "code").expect("code");
    let again = request.clone_with("prompt", "login");
    let (url, html) = app.open_sign_in(&client, &again).await;
    let sign_in = Page {
        url: url.clone(),
        status: StatusCode::OK,
        html,
    };
    let response = pages
        .post(
            &client,
            &sign_in,
            &url,
            &[("username", "tia"), ("password", PASSWORD)],
        )
        .await;
    assert!(
        query_param(&location(&response), "code").is_some(),
        "device SRP skipped MFA"
    );

    // Assert
    let log = server.stop_and_read_log();
    let mut secrets = vec![
        ("password", PASSWORD.to_string()),
        ("MFA code", "565656".to_string()),
        ("authorization code", code),
        ("device cookie", device_cookie),
        ("pool client secret", standin.client_secret().to_string()),
    ];
    let confirm = standin.last_confirm_device().expect("ConfirmDevice");
    secrets.push((
        "device verifier",
        confirm["DeviceSecretVerifierConfig"]["PasswordVerifier"]
            .as_str()
            .expect("verifier")
            .to_string(),
    ));
    for session in standin.issued_sessions() {
        secrets.push(("pool Session", session));
    }
    for body in standin.requests_to("RespondToAuthChallenge") {
        if let Some(signature) = body["ChallengeResponses"]["PASSWORD_CLAIM_SIGNATURE"].as_str() {
            secrets.push(("SRP signature", signature.to_string()));
        }
    }
    assert!(secrets.iter().any(|(what, _)| *what == "pool Session"));
    assert_not_logged(&log, secrets);
}
