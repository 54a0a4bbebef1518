//! Secrets never reach the log: a full login, refresh, reuse and logout against the real
//! binary at `RUST_LOG=trace`, then the whole log (its audit events included) is searched for
//! every secret that crossed the wire, Cognito's user-pool API at `POST /` included. With
//! `log_format = "json"` every line is a JSON object that names its request, and the audit
//! events name a user only by a pseudonym.

use crate::metrics::{PERSON, PERSON_PASSWORD, person};
use crate::support::app::*;
use crate::support::binary::{start_with_env, start_with_log_filter};
use reqwest::StatusCode;
use serde_json::Value;

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
    let reuse = app.refresh("demo", &refresh).await;
    assert_eq!(reuse.status(), StatusCode::BAD_REQUEST);
    let metrics = app.get(&app.browser, "/metrics").await;
    assert_eq!(metrics.status(), StatusCode::OK);
    let cookie_probe = app.get(&app.browser, "/logout").await;
    assert_eq!(cookie_probe.status(), StatusCode::OK);

    // Assert
    let log = server.stop_and_read_log();
    assert!(
        log.contains("TRACE") || log.contains("DEBUG"),
        "the log was captured at trace level"
    );
    // The audit events were written, so the search below covers them too.
    let plain = without_colours(&log);
    for event in [
        "sign_in_failed",
        "sign_in",
        "token_issued",
        "token_reuse",
        "logout",
    ] {
        assert!(
            plain.contains(&format!("event=\"{event}\"")),
            "no {event} audit event in the log"
        );
    }
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

/// The text log without its ANSI colour codes (`ESC [ ... m`).
fn without_colours(log: &str) -> String {
    let mut plain = String::with_capacity(log.len());
    let mut chars = log.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

/// The JSON objects of a server's log (the plain start-up lines for scripts are not log lines).
fn json_lines(log: &str) -> Vec<Value> {
    log.lines()
        .filter(|l| {
            !l.starts_with("authgate listening on ") && !l.starts_with("authgate metrics on ")
        })
        .map(|l| {
            // An event field named like one of the line's own keys would appear twice.
            assert!(l.matches("\"message\":").count() <= 1, "a key twice: {l}");
            serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"))
        })
        .collect()
}

/// The request id of the outermost span a JSON log line was written in.
fn request_id_of(line: &Value) -> Option<&str> {
    line["spans"]
        .as_array()?
        .iter()
        .find_map(|span| span["request_id"].as_str())
}

#[tokio::test]
async fn json_lines_name_their_request_and_audit_events_name_no_one() {
    // Arrange: JSON logs at trace, and a user whose name is no app id.
    let dir = tempfile::tempdir().expect("tmp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("probe")
        .port();
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, test_config(&dir, port, &person())).expect("config");
    let server = start_with_env(&config, "trace", &[("AUTHGATE_LOG_FORMAT", "json")]);
    let app = TestApp::remote(&server.address);

    // Act: a failed and a good sign-in, the code, a refresh, a reuse, a logout, an error page.
    let request = Authorize::native();
    let (page_url, html) = app.open_sign_in(&app.browser, &request).await;
    let csrf = input_value(&html, "csrf").expect("csrf");
    let wrong = app
        .post_password(
            &app.browser,
            &page_url,
            Some(&csrf),
            PERSON,
            "wrong-password-xyz",
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::OK);
    let back = location(
        &app.post_password(
            &app.browser,
            &page_url,
            Some(&csrf),
            PERSON,
            PERSON_PASSWORD,
        )
        .await,
    );
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
    let rotated: Value = app
        .refresh("demo", &refresh)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        app.refresh("demo", &refresh).await.status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        app.get(&app.browser, "/logout").await.status(),
        StatusCode::OK
    );
    let error_page = app
        .get(&app.browser, "/oauth2/authorize?client_id=nobody")
        .await;
    assert_eq!(error_page.status(), StatusCode::BAD_REQUEST);
    let error_id = error_page
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .expect("request id")
        .to_string();
    assert!(error_page.text().await.expect("html").contains(&error_id));
    // Assert: every line is JSON; the error page's id is the request id of its log lines.
    let log = server.stop_and_read_log();
    let lines = json_lines(&log);
    let refusal = lines
        .iter()
        .find(|l| l["message"] == "authorize request refused with a page")
        .expect("the refusal is logged");
    assert_eq!(request_id_of(refusal), Some(error_id.as_str()));

    // The audit events, with app, provider and a pseudonym, never the user's name.
    let audit: Vec<&Value> = lines.iter().filter(|l| l["event"].is_string()).collect();
    let event = |name: &str| -> Vec<&Value> {
        audit
            .iter()
            .copied()
            .filter(|l| l["event"] == name)
            .collect()
    };
    let signed_in = event("sign_in");
    assert_eq!(signed_in.len(), 1, "{signed_in:?}");
    assert_eq!(signed_in[0]["app"], "demo");
    assert_eq!(signed_in[0]["provider"], "local");
    assert_eq!(signed_in[0]["sso"], false);
    let subject = signed_in[0]["subject"].as_str().expect("subject");
    assert!(
        subject.len() == 16 && subject.chars().all(|c| c.is_ascii_hexdigit()),
        "{subject}"
    );
    assert!(request_id_of(signed_in[0]).is_some());
    let failed = event("sign_in_failed");
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["reason"], "bad_credentials");
    assert_eq!(
        failed[0]["user"], subject,
        "the typed name's pseudonym is the subject's"
    );
    let issued = event("token_issued");
    assert_eq!(issued.len(), 2, "{issued:?}");
    assert!(issued.iter().all(|l| l["subject"] == subject));
    assert_eq!(issued[0]["grant_type"], "authorization_code");
    assert_eq!(issued[1]["grant_type"], "refresh_token");
    let reuse = event("token_reuse");
    assert_eq!(reuse.len(), 1, "{reuse:?}");
    assert_eq!(reuse[0]["token_type"], "refresh_token");
    assert_eq!(event("logout").len(), 1);
    assert_eq!(event("logout")[0]["subject"], subject);
    for line in &audit {
        let text = line.to_string();
        assert!(
            !text.contains(PERSON),
            "an audit event names the user: {text}"
        );
    }

    // And no secret anywhere in the JSON log.
    let verifier = request.verifier.clone().expect("verifier");
    assert_not_logged(
        &log,
        [
            ("password", PERSON_PASSWORD.to_string()),
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
        ],
    );
}
