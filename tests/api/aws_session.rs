//! Session state as AWSMobileClient names it (`GET /session`, by Bearer token or by the SSO
//! cookie), renewal of an expiring provider token before federation, and every request
//! `/aws/credentials` and `/aws/guest-credentials` must refuse (without calling AWS).

use crate::aws_helpers::*;
use crate::helpers::*;
use authgate::identity::UpstreamTokens;
use authgate::security::storage_hash;
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use time::OffsetDateTime;

async fn session_by_token(app: &TestApp, token: &str) -> reqwest::Response {
    Client::new()
        .get(app.url("/session"))
        .bearer_auth(token)
        .send()
        .await
        .expect("session")
}

async fn post_credentials(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let mut request = Client::new().post(app.url("/aws/credentials"));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("credentials")
}

async fn revoke(app: &TestApp, client_id: &str, refresh_token: &str) {
    let response = Client::new()
        .post(app.url("/oauth2/revoke"))
        .form(&[("client_id", client_id), ("token", refresh_token)])
        .send()
        .await
        .expect("revoke");
    assert_eq!(response.status(), StatusCode::OK);
}

/// An access token with authgate's keys and a live family, expired a minute ago.
fn expired_access_token(app: &TestApp, live: &str) -> String {
    let mut claims = claims(live);
    let now = OffsetDateTime::now_utc().unix_timestamp();
    claims["iat"] = json!(now - 3660);
    claims["exp"] = json!(now - 60);
    app.state
        .as_ref()
        .expect("in-process")
        .keys
        .sign(&claims)
        .expect("sign")
}

/// A 401 RFC 6750 answer with no credentials in it.
async fn assert_invalid_token(response: reqwest::Response) {
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(
        response.headers()["www-authenticate"]
            .to_str()
            .expect("header")
            .starts_with("Bearer"),
    );
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["error"], "invalid_token", "{body}");
    assert!(body.get("aws_credentials").is_none());
}

#[tokio::test]
async fn the_session_state_of_a_token_follows_its_session() {
    // Arrange
    let aws = aws_app("", "").await;
    let tokens = login(&aws.app, "awsapp").await;
    let access = tokens["access_token"].as_str().expect("access");

    // Act / Assert: signed in.
    let response = session_by_token(&aws.app, access).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["state"], "SIGNED_IN");
    assert_eq!(body["provider"], "local");
    assert_eq!(body["username"], USER);
    assert_eq!(body["client_id"], "awsapp");
    assert_eq!(body["identity_id"], tokens["identity_id"]);
    assert_eq!(
        body["sub"],
        claims(tokens["id_token"].as_str().expect("id"))["sub"]
    );

    // Act / Assert: the session revoked, the (unexpired) access token reports it.
    revoke(
        &aws.app,
        "awsapp",
        tokens["refresh_token"].as_str().expect("r"),
    )
    .await;
    let body: Value = session_by_token(&aws.app, access)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(body["state"], "SIGNED_OUT_USER_POOLS_TOKENS_INVALID");
    assert!(body.get("identity_id").is_none());

    // Act / Assert: tokens that are not (or no longer) good are RFC 6750 errors.
    assert_invalid_token(session_by_token(&aws.app, "not-a-token").await).await;
    let fresh = login(&aws.app, "awsapp").await;
    let expired = expired_access_token(&aws.app, fresh["access_token"].as_str().expect("a"));
    assert_invalid_token(session_by_token(&aws.app, &expired).await).await;
    let id_token = fresh["id_token"].as_str().expect("id");
    assert_invalid_token(session_by_token(&aws.app, id_token).await).await;
}

#[tokio::test]
async fn the_session_state_of_a_browser_follows_its_sso_session() {
    // Arrange
    let aws = aws_app("", "").await;
    let app = &aws.app;
    let client = browser();
    let state_of = |query: &'static str| {
        let client = client.clone();
        let url = app.url(&format!("/session{query}"));
        async move {
            let response = client.get(url).send().await.expect("session");
            let status = response.status();
            (status, response.json::<Value>().await.expect("json"))
        }
    };

    // Act / Assert: no session yet.
    assert_eq!(state_of("").await.1["state"], "SIGNED_OUT");
    assert_eq!(state_of("?client_id=awsapp").await.1["state"], "SIGNED_OUT");
    assert_eq!(state_of("?client_id=guestapp").await.1["state"], "GUEST");
    let (status, body) = state_of("?client_id=nobody").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"], "invalid_client");

    // Act / Assert: signed in (the same browser).
    let tokens = app.login(&client, &request("awsapp")).await;
    let (status, body) = state_of("?client_id=awsapp").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["state"], "SIGNED_IN");
    assert_eq!(body["provider"], "local");
    assert_eq!(body["identity_id"], tokens["identity_id"]);

    // Act / Assert: signed out.
    app.get(&client, "/logout").await;
    assert_eq!(state_of("").await.1["state"], "SIGNED_OUT");
}

/// Replaces the provider ID token kept with the session of `refresh_token` by an expired one
/// (as if an hour had passed).
async fn expire_provider_token(up: &Upstream, refresh_token: &str) {
    let state = up.aws.app.state.as_ref().expect("in-process");
    let now = OffsetDateTime::now_utc();
    let (family_id, mut family) = state
        .store
        .find_refresh_family(&storage_hash(refresh_token), now)
        .await
        .expect("store")
        .expect("family");
    let mut claims = up.op.claims("authgate", "n");
    claims["exp"] = json!(now.unix_timestamp() - 60);
    let tokens = UpstreamTokens {
        id_token: Some(up.op.sign(&claims)),
        access_token: Some("upstream-access-token".into()),
    };
    family.identity.upstream_tokens = Some(tokens.seal("op", &state.sealer).expect("seal"));
    assert!(
        state
            .store
            .update_refresh_family(&family_id, &family, now)
            .await
            .expect("store")
    );
}

#[tokio::test]
async fn an_expired_provider_token_that_cannot_be_renewed_signs_the_session_out_of_aws() {
    // Arrange: a login without an upstream refresh token, whose provider token then expires.
    let up = with_upstream().await;
    let (tokens, _) = login_upstream(&up, None).await;
    credentials_of(&tokens);
    expire_provider_token(&up, tokens["refresh_token"].as_str().expect("r")).await;
    up.aws.proxy.clear();
    let access = tokens["access_token"].as_str().expect("access");

    // Act
    let state: Value = session_by_token(&up.aws.app, access)
        .await
        .json()
        .await
        .expect("json");
    let response = post_credentials(&up.aws.app, Some(access)).await;

    // Assert
    assert_eq!(state["state"], "SIGNED_OUT_FEDERATED_TOKENS_INVALID");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["state"], "SIGNED_OUT_FEDERATED_TOKENS_INVALID");
    assert!(body.get("aws_credentials").is_none());
    assert!(
        up.aws.proxy.requests().is_empty(),
        "an expired token is never sent"
    );
}

#[tokio::test]
async fn an_expired_provider_token_is_renewed_before_it_is_sent() {
    // Arrange: a login that left a refresh token with authgate; its provider token expires.
    let up = with_upstream().await;
    let (tokens, _) = login_upstream(&up, Some("upstream-rt-1")).await;
    expire_provider_token(&up, tokens["refresh_token"].as_str().expect("r")).await;
    let renewed = up.op.sign(&up.op.claims("authgate", "ignored"));
    up.op.answer_with_tokens(&renewed, Some("upstream-rt-2"));
    up.aws.proxy.clear();
    let access = tokens["access_token"].as_str().expect("access");
    let state: Value = session_by_token(&up.aws.app, access)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(state["state"], "SIGNED_IN", "renewable is still signed in");

    // Act
    let response = post_credentials(&up.aws.app, Some(access)).await;

    // Assert: the provider was asked, and its new token is what the pool got.
    assert_eq!(response.status(), StatusCode::OK);
    credentials_of(&response.json().await.expect("json"));
    let asked = up.op.behaviour.lock().expect("lock").token_requests.clone();
    assert!(
        asked
            .last()
            .is_some_and(|b| b.contains("refresh_token=upstream-rt-1")),
        "{asked:?}"
    );
    let sent = up.aws.proxy.of("GetCredentialsForIdentity")[0].logins();
    assert_eq!(sent.values().next(), Some(&json!(renewed)));
}

#[tokio::test]
async fn a_provider_that_cannot_renew_its_token_now_is_a_temporary_failure() {
    // Arrange: a refresh token is kept, the provider token expired, the provider is broken.
    let up = with_upstream().await;
    let (tokens, _) = login_upstream(&up, Some("upstream-rt-1")).await;
    expire_provider_token(&up, tokens["refresh_token"].as_str().expect("r")).await;
    up.op
        .set(|b| b.token_response = Some((500, "<html>down</html>".into())));
    up.aws.proxy.clear();

    // Act
    let response = post_credentials(&up.aws.app, tokens["access_token"].as_str()).await;

    // Assert: try again later, not "sign in again"; nothing expired was sent.
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["error"], "temporarily_unavailable", "{body}");
    assert!(body.get("state").is_none());
    assert!(up.aws.proxy.requests().is_empty());
}

#[tokio::test]
async fn new_guest_identities_are_limited_per_address() {
    // Arrange
    let aws = aws_app("", "").await;
    let url = aws.app.url("/aws/guest-credentials?client_id=guestapp");
    let client = Client::new();
    let mut first = None;
    for _ in 0..20 {
        let response = client.get(&url).send().await.expect("guest");
        assert_eq!(response.status(), StatusCode::OK);
        first.get_or_insert(response.json::<Value>().await.expect("json"));
    }

    // Act
    let refused = client.get(&url).send().await.expect("guest");
    let identity_id = first.expect("one")["identity_id"]
        .as_str()
        .expect("id")
        .to_string();
    let returning = client
        .get(format!("{url}&identity_id={identity_id}"))
        .send()
        .await
        .expect("guest");

    // Assert: no 21st new identity a minute; a returning guest is still served.
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(returning.status(), StatusCode::OK);
}

#[tokio::test]
async fn aws_credentials_are_refused_without_a_good_access_token_or_to_other_apps() {
    // Arrange
    let aws = aws_app("", "").await;
    let tokens = login(&aws.app, "awsapp").await;
    let access = tokens["access_token"].as_str().expect("access").to_string();
    let plain = aws.app.login(&browser(), &Authorize::native()).await;
    aws.proxy.clear();

    // Act / Assert: no token, garbage, an ID token, an expired token.
    assert_invalid_token(post_credentials(&aws.app, None).await).await;
    assert_invalid_token(post_credentials(&aws.app, Some("garbage")).await).await;
    let id_token = tokens["id_token"].as_str().expect("id");
    assert_invalid_token(post_credentials(&aws.app, Some(id_token)).await).await;
    let expired = expired_access_token(&aws.app, &access);
    assert_invalid_token(post_credentials(&aws.app, Some(&expired)).await).await;

    // Act / Assert: the access token of an app without aws_credentials.
    let response = post_credentials(&aws.app, plain["access_token"].as_str()).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["error"], "access_denied");
    assert!(body.get("aws_credentials").is_none());

    // Act / Assert: a revoked session.
    revoke(
        &aws.app,
        "awsapp",
        tokens["refresh_token"].as_str().expect("r"),
    )
    .await;
    assert_invalid_token(post_credentials(&aws.app, Some(&access)).await).await;

    // Nothing reached AWS.
    assert!(
        aws.proxy.requests().is_empty(),
        "{:?}",
        aws.proxy.operations()
    );
}

#[tokio::test]
async fn guest_credentials_are_refused_to_apps_that_do_not_allow_guests() {
    // Arrange
    let aws = aws_app("", "").await;
    let get = |query: &'static str| {
        let url = aws.app.url(&format!("/aws/guest-credentials{query}"));
        async move {
            let response = Client::new().get(url).send().await.expect("guest");
            let status = response.status();
            let body: Value = response.json().await.expect("json");
            assert!(body.get("aws_credentials").is_none(), "{body}");
            (
                status,
                body["error"].as_str().unwrap_or_default().to_string(),
            )
        }
    };

    // Act / Assert
    assert_eq!(
        get("?client_id=awsapp").await,
        (StatusCode::FORBIDDEN, "access_denied".into()),
        "aws_credentials without allow_guest"
    );
    assert_eq!(
        get("?client_id=demo").await,
        (StatusCode::FORBIDDEN, "access_denied".into()),
        "no aws_credentials at all"
    );
    assert_eq!(
        get("?client_id=nobody").await,
        (StatusCode::UNAUTHORIZED, "invalid_client".into())
    );
    assert_eq!(
        get("").await,
        (StatusCode::BAD_REQUEST, "invalid_request".into())
    );
    assert_eq!(
        get("?client_id=guestapp&identity_id=..%2F..%2Fx").await,
        (StatusCode::BAD_REQUEST, "invalid_request".into())
    );
    assert!(aws.proxy.requests().is_empty());
}
