//! `/oauth2/token`, `/oauth2/userInfo` and `/oauth2/revoke`: every way a program's request can
//! be wrong gets its RFC error, and nothing is issued.

use crate::support::app::*;
use authgate::security::storage_hash;
use authgate::store::CodeGrant;
use reqwest::StatusCode;
use time::OffsetDateTime;

async fn assert_token_error(response: reqwest::Response, status: StatusCode, code: &str) {
    assert_eq!(
        response
            .headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap_or("")),
        Some("no-store")
    );
    let (got_status, got_code) = error_code(response).await;
    assert_eq!((got_status, got_code.as_str()), (status, code));
}

#[tokio::test]
async fn a_wrong_or_missing_code_verifier_is_invalid_grant() {
    let app = spawn_app().await;
    let request = Authorize::native();
    let code = app.code_for(&app.browser, &request).await;
    let (wrong, _) = pkce_pair();
    let response = app
        .token(&[
            ("grant_type", "authorization_code"),
            ("client_id", "demo"),
            ("code", &code),
            ("redirect_uri", "myapp://callback"),
            ("code_verifier", &wrong),
        ])
        .await;
    assert_token_error(response, StatusCode::BAD_REQUEST, "invalid_grant").await;

    let code = app.code_for(&app.browser, &request).await;
    let response = app
        .token(&[
            ("grant_type", "authorization_code"),
            ("client_id", "demo"),
            ("code", &code),
            ("redirect_uri", "myapp://callback"),
        ])
        .await;
    assert_token_error(response, StatusCode::BAD_REQUEST, "invalid_grant").await;
}

#[tokio::test]
async fn a_code_verifier_for_a_code_issued_without_a_challenge_is_refused() {
    let app = spawn_app().await;
    let request = Authorize::web();
    let code = app.code_for(&app.browser, &request).await;
    let (verifier, _) = pkce_pair();
    let response = app
        .token(&[
            ("grant_type", "authorization_code"),
            ("client_id", "web"),
            ("client_secret", WEB_SECRET),
            ("code", &code),
            ("redirect_uri", "https://app.example.com/callback"),
            ("code_verifier", &verifier),
        ])
        .await;
    assert_token_error(response, StatusCode::BAD_REQUEST, "invalid_grant").await;
}

#[tokio::test]
async fn a_reused_code_fails_and_revokes_what_the_first_use_issued() {
    // Arrange: a code redeemed once.
    let app = spawn_app().await;
    let request = Authorize::native();
    let code = app.code_for(&app.browser, &request).await;
    let first = app.exchange(&request, &code).await;
    assert_eq!(first.status(), StatusCode::OK);
    let tokens: serde_json::Value = first.json().await.expect("json");
    let access = tokens["access_token"].as_str().expect("access");
    let refresh = tokens["refresh_token"].as_str().expect("refresh");
    assert_eq!(app.userinfo(access).await.status(), StatusCode::OK);

    // Act: the same code again.
    let second = app.exchange(&request, &code).await;

    // Assert: refused, and the first redemption's tokens are dead.
    assert_token_error(second, StatusCode::BAD_REQUEST, "invalid_grant").await;
    let (_, code) = error_code(app.refresh("demo", refresh).await).await;
    assert_eq!(code, "invalid_grant");
    assert_eq!(
        app.userinfo(access).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_code_for_another_client_or_redirect_uri_is_refused() {
    let app = spawn_app().await;
    let request = Authorize::native();
    let code = app.code_for(&app.browser, &request).await;
    let mut other = Authorize::native();
    other.client_id = "other".into();
    other.redirect_uri = "otherapp://cb".into();
    other.verifier = request.verifier.clone();
    assert_token_error(
        app.exchange(&other, &code).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;

    let code = app.code_for(&app.browser, &request).await;
    let mut moved = Authorize::native();
    moved.redirect_uri = "http://127.0.0.1:9/callback".into();
    moved.verifier = request.verifier.clone();
    assert_token_error(
        app.exchange(&moved, &code).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
}

#[tokio::test]
async fn an_expired_code_is_refused() {
    // Arrange: a code whose 60 s have passed (written straight into the store).
    let app = spawn_app().await;
    let request = Authorize::native();
    let (verifier, challenge) = pkce_pair();
    let grant = CodeGrant {
        client_id: "demo".into(),
        redirect_uri: "myapp://callback".into(),
        scopes: vec!["openid".into()],
        nonce: None,
        code_challenge: Some(challenge),
        identity: authgate::identity::Identity {
            provider: "local".into(),
            upstream_subject: "demo".into(),
            username: "demo".into(),
            claims: Default::default(),
            upstream_refresh: None,
            upstream_tokens: None,
            published_sub: None,
            upstream_session: None,
        },
        auth_time: 0,
        family_id: "expired-family".into(),
        aws: None,
        sso_session: None,
        origin: None,
    };
    let code = "expired-code-0123456789012345678901234567890";
    let past = OffsetDateTime::now_utc() - time::Duration::seconds(1);
    app.store()
        .put_code(&storage_hash(code), &grant, past)
        .await
        .expect("put");

    // Act
    let mut with_verifier = request;
    with_verifier.verifier = Some(verifier);
    let response = app.exchange(&with_verifier, code).await;

    // Assert
    assert_token_error(response, StatusCode::BAD_REQUEST, "invalid_grant").await;
}

#[tokio::test]
async fn refresh_tokens_rotate_and_reuse_revokes_the_family() {
    let app = spawn_app().await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let first = tokens["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();

    let response = app.refresh("demo", &first).await;
    assert_eq!(response.status(), StatusCode::OK);
    let rotated: serde_json::Value = response.json().await.expect("json");
    let second = rotated["refresh_token"]
        .as_str()
        .expect("new refresh")
        .to_string();
    assert_ne!(first, second);
    assert!(rotated["id_token"].is_string());
    let third = app.refresh("demo", &second).await;
    assert_eq!(third.status(), StatusCode::OK);
    let third: serde_json::Value = third.json().await.expect("json");
    let live = third["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();
    let live_access = third["access_token"].as_str().expect("access").to_string();

    // The first token again: reuse. Refused, and the whole family dies with it.
    assert_token_error(
        app.refresh("demo", &first).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
    assert_token_error(
        app.refresh("demo", &live).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
    assert_eq!(
        app.userinfo(&live_access).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_refresh_token_presented_by_another_client_is_refused() {
    let app = spawn_app().await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let refresh = tokens["refresh_token"].as_str().expect("refresh");
    assert_token_error(
        app.refresh("other", refresh).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
}

#[tokio::test]
async fn client_authentication_failures_are_invalid_client() {
    let app = spawn_app().await;
    let code = app.code_for(&app.browser, &Authorize::web()).await;
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", "https://app.example.com/callback"),
    ];
    // Wrong secret via Basic: 401 with a Basic challenge.
    let response = reqwest::Client::new()
        .post(app.url("/oauth2/token"))
        .basic_auth("web", Some("wrong-secret"))
        .form(&form)
        .send()
        .await
        .expect("token");
    assert!(response.headers().get("www-authenticate").is_some());
    assert_token_error(response, StatusCode::UNAUTHORIZED, "invalid_client").await;
    // No secret at all for a confidential client.
    let mut no_secret = form.to_vec();
    no_secret.push(("client_id", "web"));
    assert_token_error(
        app.token(&no_secret).await,
        StatusCode::UNAUTHORIZED,
        "invalid_client",
    )
    .await;
    // Unknown client.
    let mut unknown = form.to_vec();
    unknown.push(("client_id", "ghost"));
    assert_token_error(
        app.token(&unknown).await,
        StatusCode::UNAUTHORIZED,
        "invalid_client",
    )
    .await;
    // The code survived all that: no failed attempt consumed it.
    let tokens = app
        .token(&[
            form[0],
            form[1],
            form[2],
            ("client_id", "web"),
            ("client_secret", WEB_SECRET),
        ])
        .await;
    assert_eq!(tokens.status(), StatusCode::OK);
}

#[tokio::test]
async fn malformed_token_requests_get_rfc_errors() {
    let app = spawn_app().await;
    assert_token_error(
        app.token(&[("client_id", "demo")]).await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    assert_token_error(
        app.token(&[("grant_type", "password"), ("client_id", "demo")])
            .await,
        StatusCode::BAD_REQUEST,
        "unsupported_grant_type",
    )
    .await;
    assert_token_error(
        app.token(&[
            ("grant_type", "authorization_code"),
            ("client_id", "demo"),
            ("code", "x"),
            ("code", "y"),
        ])
        .await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    let json = reqwest::Client::new()
        .post(app.url("/oauth2/token"))
        .json(&serde_json::json!({"grant_type": "authorization_code"}))
        .send()
        .await
        .expect("token");
    assert_token_error(json, StatusCode::BAD_REQUEST, "invalid_request").await;
}

#[tokio::test]
async fn userinfo_returns_scoped_claims_and_refuses_bad_tokens() {
    let app = spawn_app().await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let access = tokens["access_token"].as_str().expect("access");
    let response = app.userinfo(access).await;
    assert_eq!(response.status(), StatusCode::OK);
    let info: serde_json::Value = response.json().await.expect("json");
    assert_eq!(info["email"], "demo@example.com");
    assert_eq!(info["sub"], claims(access)["sub"]);

    // POST works too.
    let post = reqwest::Client::new()
        .post(app.url("/oauth2/userInfo"))
        .bearer_auth(access)
        .send()
        .await
        .expect("post");
    assert_eq!(post.status(), StatusCode::OK);

    // The ID token is not an access token; garbage is garbage; no token is no token.
    let id = tokens["id_token"].as_str().expect("id");
    for bad in [id, "garbage", "a.b.c"] {
        let response = app.userinfo(bad).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(
            response.headers()["www-authenticate"]
                .to_str()
                .unwrap_or("")
                .contains("invalid_token")
        );
    }
    let none = reqwest::Client::new()
        .get(app.url("/oauth2/userInfo"))
        .send()
        .await
        .expect("get");
    assert_eq!(none.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn revoking_a_refresh_token_kills_it_and_its_access_tokens() {
    let app = spawn_app().await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let refresh = tokens["refresh_token"].as_str().expect("refresh");
    let access = tokens["access_token"].as_str().expect("access");

    // Another client cannot revoke it.
    let refused = reqwest::Client::new()
        .post(app.url("/oauth2/revoke"))
        .form(&[("token", refresh), ("client_id", "other")])
        .send()
        .await
        .expect("revoke");
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert_eq!(app.userinfo(access).await.status(), StatusCode::OK);

    // Access tokens are not revocable on their own (Cognito's semantics).
    let access_revoke = reqwest::Client::new()
        .post(app.url("/oauth2/revoke"))
        .form(&[("token", access), ("client_id", "demo")])
        .send()
        .await
        .expect("revoke");
    assert_token_error(
        access_revoke,
        StatusCode::BAD_REQUEST,
        "unsupported_token_type",
    )
    .await;

    let revoked = reqwest::Client::new()
        .post(app.url("/oauth2/revoke"))
        .form(&[("token", refresh), ("client_id", "demo")])
        .send()
        .await
        .expect("revoke");
    assert_eq!(revoked.status(), StatusCode::OK);
    assert_token_error(
        app.refresh("demo", refresh).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
    assert_eq!(
        app.userinfo(access).await.status(),
        StatusCode::UNAUTHORIZED
    );

    // Unknown tokens: success, as RFC 7009 §2.2 says.
    let unknown = reqwest::Client::new()
        .post(app.url("/oauth2/revoke"))
        .form(&[("token", "never-issued"), ("client_id", "demo")])
        .send()
        .await
        .expect("revoke");
    assert_eq!(unknown.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_refresh_token_revoked_with_an_access_token_hint_is_revoked() {
    // Arrange
    let app = spawn_app().await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let refresh = tokens["refresh_token"].as_str().expect("refresh");
    let access = tokens["access_token"].as_str().expect("access");

    // Act: the wrong hint (RFC 7009 §2.1: it only widens the search).
    let revoked = reqwest::Client::new()
        .post(app.url("/oauth2/revoke"))
        .form(&[
            ("token", refresh),
            ("token_type_hint", "access_token"),
            ("client_id", "demo"),
        ])
        .send()
        .await
        .expect("revoke");

    // Assert: revoked, and its access token with it; nothing new can be had from it.
    assert_eq!(revoked.status(), StatusCode::OK);
    assert_token_error(
        app.refresh("demo", refresh).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
    assert_eq!(
        app.userinfo(access).await.status(),
        StatusCode::UNAUTHORIZED
    );

    // An access token is still not revocable on its own, whatever the hint says.
    let tokens = app.login(&browser(), &Authorize::native()).await;
    let access = tokens["access_token"].as_str().expect("access");
    for hint in ["access_token", "refresh_token"] {
        let response = reqwest::Client::new()
            .post(app.url("/oauth2/revoke"))
            .form(&[
                ("token", access),
                ("token_type_hint", hint),
                ("client_id", "demo"),
            ])
            .send()
            .await
            .expect("revoke");
        assert_token_error(response, StatusCode::BAD_REQUEST, "unsupported_token_type").await;
    }
    assert_eq!(app.userinfo(access).await.status(), StatusCode::OK);
}
