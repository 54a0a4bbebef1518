//! The identity pool failing at sign-in: unreachable, refusing (`NotAuthorizedException`),
//! forgetting an identity (`ResourceNotFoundException`), throttling. Each with both app
//! choices: `fail_login` ends on a page naming the pool and issues nothing (no redirect, so no
//! code, so no tokens); `omit` issues the code, and the token response has tokens, no
//! credentials, and `aws_error`.

use crate::support::app::*;
use crate::support::aws::*;
use crate::support::aws_proxy::dead_endpoint;
use crate::support::moto::create_identity_pool;
use reqwest::StatusCode;
use serde_json::Value;
use std::time::{Duration, Instant};

/// A `fail_login` sign-in ended on a page naming the pool: no redirect, so no code.
async fn assert_failed_page(response: reqwest::Response, pool_id: &str, status: StatusCode) {
    assert_eq!(response.status(), status);
    assert!(
        response.headers().get("location").is_none(),
        "no redirect, so no code"
    );
    assert!(
        response.headers().get("content-security-policy").is_some(),
        "a hosted-UI page with its security headers"
    );
    let html = response.text().await.expect("html");
    assert!(html.contains(pool_id), "the page names the pool: {html}");
    // The pool's own words (its exception name, its message) never reach the page.
    assert!(
        !html.contains("Exception") && !html.contains("injected"),
        "AWS's words on the page: {html}"
    );
}

/// An `omit` sign-in: tokens, no credentials, `aws_error.error == code`.
async fn assert_omitted(app: &TestApp, client_id: &str, code: &str) -> Value {
    let request = request(client_id);
    let response = sign_in_response(app, &request).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "the sign-in goes on"
    );
    let code_param = query_param(&location(&response), "code").expect("code");
    let response = app.exchange(&request, &code_param).await;
    assert_eq!(response.status(), StatusCode::OK);
    let tokens: Value = response.json().await.expect("json");
    for field in ["access_token", "id_token", "refresh_token"] {
        assert!(tokens[field].is_string(), "{field} issued");
    }
    assert!(tokens.get("aws_credentials").is_none(), "{tokens}");
    assert_eq!(tokens["aws_error"]["error"], code, "{tokens}");
    assert!(
        tokens["aws_error"]["error_description"]
            .as_str()
            .is_some_and(|d| d.contains("identity pool")),
        "{tokens}"
    );
    tokens
}

#[tokio::test]
async fn an_unreachable_pool_fails_the_sign_in_in_bounded_time_or_is_omitted() {
    // Arrange: nothing listens where the pool should be; two short attempts.
    let pool_id = create_identity_pool().await;
    let config = aws_config(
        &pool_id,
        &dead_endpoint(),
        "timeout = \"500ms\"\nmax_attempts = 2",
        "",
    );
    let app = spawn_app_with(&config).await;

    // Act
    let started = Instant::now();
    let response = sign_in_response(&app, &request("selfapp")).await;

    // Assert
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "bounded: {:?}",
        started.elapsed()
    );
    assert_failed_page(response, &pool_id, StatusCode::SERVICE_UNAVAILABLE).await;
    let tokens = assert_omitted(&app, "selfomit", "unreachable").await;
    assert!(
        tokens.get("identity_id").is_none(),
        "no identity was ever known"
    );

    // The developer call, signed, fails the same way.
    let response = sign_in_response(&app, &request("awsapp")).await;
    assert_failed_page(response, &pool_id, StatusCode::SERVICE_UNAVAILABLE).await;
    assert_omitted(&app, "awsomit", "unreachable").await;
}

#[tokio::test]
async fn a_pool_that_refuses_the_sign_in_fails_it_or_is_omitted() {
    // Arrange
    let aws = aws_app("", "").await;
    aws.proxy.fail(
        "GetCredentialsForIdentity",
        100,
        400,
        "NotAuthorizedException",
    );

    // Act / Assert: fail_login.
    let response = sign_in_response(&aws.app, &request("selfapp")).await;
    assert_failed_page(response, &aws.pool_id, StatusCode::BAD_GATEWAY).await;
    assert_eq!(
        aws.proxy.of("GetCredentialsForIdentity").len(),
        1,
        "a refusal is not retried"
    );

    // Act / Assert: omit.
    assert_omitted(&aws.app, "selfomit", "NotAuthorizedException").await;
}

#[tokio::test]
async fn an_unknown_pool_error_is_one_generic_sentence_in_the_pages_language() {
    // Arrange: an exception authgate has no sentence of its own for.
    let aws = aws_app("", "").await;
    aws.proxy.fail(
        "GetCredentialsForIdentity",
        100,
        400,
        "InvalidIdentityPoolConfigurationException",
    );

    // Act / Assert: English, the generic sentence naming the pool.
    let response = sign_in_response(&aws.app, &request("selfapp")).await;
    let html = response.text().await.expect("html");
    assert_eq!(
        alert_text(&html),
        format!(
            "You could not be signed in to App selfapp because the identity pool {} answered \
             with an error. If it keeps happening, tell the app&#39;s support.",
            aws.pool_id
        )
    );

    // Act / Assert: Japanese and Arabic, with no English (nor AWS's words) in them.
    for lang in ["ja", "ar"] {
        let response = sign_in_response(&aws.app, &request("selfapp").with("lang", lang)).await;
        let status = response.status();
        let html = response.text().await.expect("html");
        assert_eq!(status, StatusCode::BAD_GATEWAY, "{html}");
        assert!(html.contains(&format!(r#"<html lang="{lang}""#)), "{html}");
        let said = alert_text(&html);
        assert!(said.contains(&aws.pool_id), "{said}");
        assert_no_latin_words(&said, &[&aws.pool_id, "App selfapp"]);
    }
}

#[tokio::test]
async fn a_forgotten_identity_is_dropped_and_asked_for_again_once() {
    // Arrange: a user whose identity is remembered...
    let aws = aws_app("", "").await;
    let first = login(&aws.app, "selfapp").await;
    let old = first["identity_id"].as_str().expect("identity").to_string();
    // ...which the pool then no longer knows.
    aws.proxy.clear();
    aws.proxy.fail(
        "GetCredentialsForIdentity",
        1,
        400,
        "ResourceNotFoundException",
    );

    // Act
    let second = login(&aws.app, "selfapp").await;

    // Assert: one more GetId, and the new identity is the one remembered from now on.
    credentials_of(&second);
    assert_eq!(
        aws.proxy.operations(),
        vec![
            "GetCredentialsForIdentity",
            "GetId",
            "GetCredentialsForIdentity"
        ]
    );
    assert_eq!(
        aws.proxy.of("GetCredentialsForIdentity")[0].body["IdentityId"],
        old.as_str()
    );
    let new = second["identity_id"]
        .as_str()
        .expect("identity")
        .to_string();
    assert_ne!(new, old);
    aws.proxy.clear();
    let third = login(&aws.app, "selfapp").await;
    assert_eq!(third["identity_id"], new.as_str());
    assert_eq!(aws.proxy.operations(), vec!["GetCredentialsForIdentity"]);
}

#[tokio::test]
async fn a_pool_that_knows_no_identity_at_all_fails_the_sign_in_or_is_omitted() {
    // Arrange: the pool is gone (every call: ResourceNotFoundException).
    let aws = aws_app("", "").await;
    let first = login(&aws.app, "selfapp").await;
    aws.proxy.clear();
    for operation in ["GetId", "GetCredentialsForIdentity"] {
        aws.proxy
            .fail(operation, 100, 400, "ResourceNotFoundException");
    }

    // Act / Assert: the cached id is tried, then GetId once; nothing is issued.
    let response = sign_in_response(&aws.app, &request("selfapp")).await;
    assert_failed_page(response, &aws.pool_id, StatusCode::BAD_GATEWAY).await;
    assert_eq!(
        aws.proxy.operations(),
        vec!["GetCredentialsForIdentity", "GetId"]
    );

    // Act / Assert: omit; and the dead identity id is no longer remembered.
    aws.proxy.clear();
    let tokens = assert_omitted(&aws.app, "selfomit", "ResourceNotFoundException").await;
    assert_eq!(
        aws.proxy.operations(),
        vec!["GetId"],
        "no cached id any more"
    );
    assert!(tokens.get("identity_id").is_none());
    assert!(first["identity_id"].is_string());
}

#[tokio::test]
async fn throttling_is_retried_with_backoff_until_it_passes() {
    // Arrange: GetId is throttled twice, then answers.
    let aws = aws_app("max_attempts = 3", "").await;
    aws.proxy.fail("GetId", 2, 400, "TooManyRequestsException");

    // Act
    let tokens = login(&aws.app, "selfapp").await;

    // Assert
    credentials_of(&tokens);
    assert_eq!(
        aws.proxy.operations(),
        vec!["GetId", "GetId", "GetId", "GetCredentialsForIdentity"]
    );
    let faulted: Vec<bool> = aws.proxy.requests().iter().map(|r| r.faulted).collect();
    assert_eq!(faulted, vec![true, true, false, false]);
}

#[tokio::test]
async fn persistent_throttling_fails_the_sign_in_or_is_omitted() {
    // Arrange
    let aws = aws_app("max_attempts = 3", "").await;
    aws.proxy
        .fail("GetId", 100, 400, "TooManyRequestsException");

    // Act / Assert: fail_login, after exactly max_attempts calls.
    let response = sign_in_response(&aws.app, &request("selfapp")).await;
    assert_failed_page(response, &aws.pool_id, StatusCode::SERVICE_UNAVAILABLE).await;
    assert_eq!(aws.proxy.of("GetId").len(), 3);

    // Act / Assert: omit.
    assert_omitted(&aws.app, "selfomit", "TooManyRequestsException").await;
}

#[tokio::test]
async fn prompt_none_is_told_of_the_failure_instead_of_stopping_on_a_page() {
    // Arrange: a browser signed in (single sign-on), then the pool refuses.
    let aws = aws_app("", "").await;
    let client = browser();
    aws.app.login(&client, &request("selfapp")).await;
    aws.proxy.fail(
        "GetCredentialsForIdentity",
        100,
        400,
        "NotAuthorizedException",
    );

    // Act
    let silent = request("selfapp").with("prompt", "none");
    let response = aws.app.authorize(&client, &silent).await;

    // Assert: an error for the app, no code.
    assert_eq!(response.status(), StatusCode::FOUND);
    let back = location(&response);
    assert!(back.starts_with("selfapp://cb?"), "{back}");
    assert_eq!(
        query_param(&back, "error").as_deref(),
        Some("access_denied")
    );
    assert!(
        query_param(&back, "error_description").is_some_and(|d| d.contains(&aws.pool_id)),
        "{back}"
    );
    assert!(query_param(&back, "code").is_none());
}
