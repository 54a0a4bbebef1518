//! Rate limits (`[rate_limits]`, set small here): past its limit each limited endpoint answers
//! 429 with `Retry-After` (the seconds until its window ends), JSON for programs and the error
//! page for people, and the work was not done: no sign-in request, no token rotated or issued,
//! no code used, no AWS or Cognito call. Several tests put the test client behind itself as a
//! trusted proxy, so that `X-Forwarded-For` can play several client addresses.

use crate::support::app::*;
use crate::support::aws::{aws_app, login as aws_login};
use crate::support::cognito_standin::{CognitoStandin, UserOptions};
use crate::support::moto::Pool;
use crate::support::pool::{PoolApp, pool_request, spawn_for_endpoint};
use authgate::security::storage_hash;
use authgate::store::{CodeTake, RefreshRotation};
use reqwest::header::HeaderMap;
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;
use time::OffsetDateTime;
use tokio::task::JoinSet;

/// The test config behind a trusted proxy (the test client, on 127.0.0.1), with `limits` as
/// the `[rate_limits]` section.
async fn spawn_limited(limits: &str) -> TestApp {
    spawn_app_edited(&format!("[rate_limits]\n{limits}"), |config| {
        format!("trusted_proxies = [\"127.0.0.1\"]\n{config}")
    })
    .await
}

/// A client the proxy forwards from `address`.
fn from(address: &str) -> Client {
    let mut headers = HeaderMap::new();
    headers.insert("x-forwarded-for", address.parse().expect("header"));
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .default_headers(headers)
        .build()
        .expect("client")
}

/// The refusal: 429 and a `Retry-After` of at least one second and at most `window` seconds.
fn assert_too_many(response: &Response, window: u64) {
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = response
        .headers()
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!(
        (1..=window).contains(&retry_after),
        "Retry-After {retry_after} outside 1..={window}"
    );
}

/// A refusal for a program: 429, `Retry-After`, RFC 6749-style JSON.
async fn assert_json_refusal(response: Response, window: u64) -> String {
    assert_too_many(&response, window);
    assert_eq!(
        response.headers()["cache-control"],
        "no-store",
        "errors of the token endpoint are not cached"
    );
    let body: Value = response.json().await.expect("json error");
    assert_eq!(body["error"], "temporarily_unavailable", "{body}");
    body["error_description"]
        .as_str()
        .expect("description")
        .to_string()
}

/// A refusal for a person: 429, `Retry-After`, the error page.
async fn assert_page_refusal(response: Response, window: u64) {
    assert_too_many(&response, window);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/html")
    );
    let html = response.text().await.expect("html");
    assert!(html.contains("too many requests"), "{html}");
}

async fn refresh_from(app: &TestApp, client: &Client, client_id: &str, token: &str) -> Response {
    client
        .post(app.url("/oauth2/token"))
        .form(&[
            ("grant_type", "refresh_token"),
            ("client_id", client_id),
            ("refresh_token", token),
        ])
        .send()
        .await
        .expect("token")
}

async fn next_refresh_token(response: Response) -> String {
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("json");
    body["refresh_token"].as_str().expect("refresh").to_string()
}

/// `token` is still its family's active refresh token: rotating it now succeeds (a token a
/// refused request had rotated would be reported as reused).
async fn still_active(app: &TestApp, token: &str) {
    let rotation = app
        .store()
        .rotate_refresh_token(
            &storage_hash(token),
            &storage_hash("checked-by-the-test"),
            OffsetDateTime::now_utc(),
        )
        .await
        .expect("store");
    assert!(
        matches!(rotation, RefreshRotation::Rotated { .. }),
        "{rotation:?}"
    );
}

#[tokio::test]
async fn authorize_past_its_limit_gets_a_page_and_no_sign_in_request() {
    // Arrange: two per minute per address; `/login` is the same endpoint.
    let app = spawn_limited("authorize_per_address = \"2/1m\"").await;
    let a = from("198.51.100.1");
    let request = Authorize::native();

    // Act
    let first = app.authorize(&a, &request).await;
    let second = a
        .get(app.url(&format!("/login?{}", request.query())))
        .send()
        .await
        .expect("login");
    let fresh = from("198.51.100.1");
    let third = app.authorize(&fresh, &request).await;
    let elsewhere = app.authorize(&from("198.51.100.2"), &request).await;

    // Assert
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    assert_eq!(second.status(), StatusCode::SEE_OTHER);
    assert!(third.headers().get("location").is_none());
    assert!(
        third.headers().get("set-cookie").is_none(),
        "no browser session was started, no sign-in request bound to it"
    );
    assert_page_refusal(third, 60).await;
    assert_eq!(
        elsewhere.status(),
        StatusCode::SEE_OTHER,
        "another address has its own count"
    );
}

#[tokio::test]
async fn the_token_endpoint_is_limited_per_address_and_a_refused_refresh_rotates_nothing() {
    // Arrange
    let app = spawn_limited("token_per_address = \"2/1m\"").await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let mut token = tokens["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();
    let a = from("198.51.100.1");

    // Act: A refreshes twice, then once too often.
    for _ in 0..2 {
        token = next_refresh_token(refresh_from(&app, &a, "demo", &token).await).await;
    }
    let refused = refresh_from(&app, &a, "demo", &token).await;

    // Assert
    let description = assert_json_refusal(refused, 60).await;
    assert!(description.contains("address"), "{description}");
    // The token A was refused with was not rotated: from another address it still works.
    let b = from("198.51.100.2");
    let rotated = refresh_from(&app, &b, "demo", &token).await;
    assert_eq!(rotated.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_token_endpoint_is_limited_per_app_and_one_address_cannot_spend_the_apps_budget() {
    // Arrange: 2 per address, 4 per app.
    let app = spawn_limited("token_per_address = \"2/1m\"\ntoken_per_client = \"4/1m\"").await;
    let tokens = app.login(&app.browser, &Authorize::native()).await; // demo: 1
    let mut token = tokens["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();
    let a = from("198.51.100.1");
    for _ in 0..2 {
        token = next_refresh_token(refresh_from(&app, &a, "demo", &token).await).await; // 2, 3
    }

    // Act: A floods and is refused by its address's limit, before the app's is counted.
    for _ in 0..3 {
        assert_json_refusal(refresh_from(&app, &a, "demo", &token).await, 60).await;
    }
    let from_b = refresh_from(&app, &from("198.51.100.2"), "demo", &token).await; // 4
    let token = next_refresh_token(from_b).await;
    let from_c = refresh_from(&app, &from("198.51.100.3"), "demo", &token).await; // 5: refused

    // Assert
    let description = assert_json_refusal(from_c, 60).await;
    assert!(description.contains("app"), "{description}");
    still_active(&app, &token).await;
    // Another app has its own budget.
    let mut other = Authorize::native();
    other.client_id = "other".into();
    other.redirect_uri = "otherapp://cb".into();
    let code = app.code_for(&browser(), &other).await;
    assert_eq!(app.exchange(&other, &code).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn failed_client_authentication_is_counted_before_the_secret_is_checked() {
    // Arrange: three failures per address in five minutes.
    let app = spawn_limited("client_auth_failures_per_address = \"3/5m\"").await;
    let client = from("198.51.100.1");
    let token_form = |secret: &'static str| {
        vec![
            ("grant_type", "refresh_token"),
            ("client_id", "web"),
            ("client_secret", secret),
            ("refresh_token", "no-such-token"),
        ]
    };

    // Act 1: the right secret (with a bad grant) fails nothing, however often.
    for _ in 0..4 {
        let response = client
            .post(app.url("/oauth2/token"))
            .form(&token_form(WEB_SECRET))
            .send()
            .await
            .expect("token");
        assert_eq!(error_code(response).await.1, "invalid_grant");
    }
    // Act 2: one wrong secret at the revocation endpoint, then a burst of ten at once.
    let revoke = client
        .post(app.url("/oauth2/revoke"))
        .form(&[
            ("client_id", "web"),
            ("client_secret", "wrong-secret-0000000"),
            ("token", "x"),
        ])
        .send()
        .await
        .expect("revoke");
    assert_eq!(revoke.status(), StatusCode::UNAUTHORIZED);
    let mut burst = JoinSet::new();
    for _ in 0..10 {
        let request = client
            .post(app.url("/oauth2/token"))
            .form(&token_form("wrong-secret-0000000"));
        burst.spawn(async move { request.send().await.expect("token") });
    }
    let mut checked = 0;
    let mut refused = 0;
    for response in burst.join_all().await {
        match response.status() {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                assert_json_refusal(response, 300).await;
                refused += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }

    // Assert: two more secrets were checked (three failures in all), the rest refused unchecked.
    assert_eq!((checked, refused), (2, 8));
    // The right secret is refused too now, and its code is not used.
    let web = Authorize::web();
    let code = app.code_for(&browser(), &web).await;
    let with_right_secret = client
        .post(app.url("/oauth2/token"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("client_id", "web"),
            ("client_secret", WEB_SECRET),
            ("code", code.as_str()),
            ("redirect_uri", web.redirect_uri.as_str()),
        ])
        .send()
        .await
        .expect("token");
    assert_json_refusal(with_right_secret, 300).await;
    let take = app
        .store()
        .take_code(
            &storage_hash(&code),
            OffsetDateTime::now_utc(),
            OffsetDateTime::now_utc(),
        )
        .await
        .expect("store");
    assert!(matches!(take, CodeTake::Taken(_)), "the code was used");
    // A public app presents no secret: its requests are not held by the failures.
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let public = refresh_from(
        &app,
        &client,
        "demo",
        tokens["refresh_token"].as_str().expect("refresh"),
    )
    .await;
    assert_eq!(public.status(), StatusCode::OK);
}

#[tokio::test]
async fn revocation_past_its_limit_revokes_nothing() {
    // Arrange
    let app = spawn_limited("revoke_per_address = \"1/1m\"").await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let token = tokens["refresh_token"].as_str().expect("refresh");
    let revoke = |token: String| {
        Client::new()
            .post(app.url("/oauth2/revoke"))
            .form(&[("client_id", "demo".to_string()), ("token", token)])
            .send()
    };

    // Act
    let first = revoke("unknown-token".into()).await.expect("revoke");
    let second = revoke(token.to_string()).await.expect("revoke");

    // Assert
    assert_eq!(first.status(), StatusCode::OK);
    assert_json_refusal(second, 60).await;
    assert_eq!(app.refresh("demo", token).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn userinfo_past_its_limit_is_refused() {
    let app = spawn_limited("userinfo_per_address = \"1/1m\"").await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let access = tokens["access_token"].as_str().expect("access");

    let first = app.userinfo(access).await;
    let second = app.userinfo(access).await;

    assert_eq!(first.status(), StatusCode::OK);
    assert_json_refusal(second, 60).await;
}

#[tokio::test]
async fn the_aws_endpoints_past_their_limit_call_no_aws() {
    // Arrange: one AWS endpoint request per address and minute.
    let aws = aws_app("", "[rate_limits]\naws_per_address = \"1/1m\"\n").await;
    let tokens = aws_login(&aws.app, "awsapp").await;
    let access = tokens["access_token"].as_str().expect("access");
    let client = Client::new();
    let credentials = client
        .post(aws.app.url("/aws/credentials"))
        .bearer_auth(access)
        .send()
        .await
        .expect("credentials");
    assert_eq!(credentials.status(), StatusCode::OK);
    let calls = aws.proxy.operations().len();

    // Act
    let guest = client
        .get(aws.app.url("/aws/guest-credentials?client_id=guestapp"))
        .send()
        .await
        .expect("guest");
    let container = client
        .post(aws.app.url("/aws/container-token"))
        .bearer_auth(access)
        .send()
        .await
        .expect("container token");
    let again = client
        .post(aws.app.url("/aws/credentials"))
        .bearer_auth(access)
        .send()
        .await
        .expect("credentials");

    // Assert
    for response in [guest, container, again] {
        assert_json_refusal(response, 60).await;
    }
    assert_eq!(
        aws.proxy.operations().len(),
        calls,
        "no AWS call after the limit: {:?}",
        aws.proxy.operations()
    );
}

#[tokio::test]
async fn the_account_pages_past_their_limit_call_no_pool() {
    // Arrange: two submitted account pages per address in ten minutes.
    let standin = CognitoStandin::start().await;
    standin.add_user("ola", "Str0ng-enough!", UserOptions::default());
    let pool = Pool {
        id: standin.pool_id().to_string(),
        client_id: standin.secret_client_id().to_string(),
        client_secret: Some(standin.client_secret().to_string()),
    };
    // The provider's extra keys end its table; `[rate_limits]` starts the next one.
    let app: PoolApp = spawn_for_endpoint(
        pool,
        standin.endpoint(),
        "\n[rate_limits]\naccount_pages_per_address = \"2/10m\"\n",
    )
    .await;
    let client = browser();
    let page = app.open(&client, &pool_request("poolapp")).await;
    let forgot = app.get(&client, &format!("{}/forgot", page.url)).await;

    // Act
    for _ in 0..2 {
        let sent = app
            .post(
                &client,
                &forgot,
                &forgot.url.clone(),
                &[("username", "ola")],
            )
            .await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER, "the code was sent");
    }
    let signup = app.get(&client, &format!("{}/signup", page.url)).await;
    let refused = app
        .post(
            &client,
            &signup,
            &signup.url.clone(),
            &[
                ("username", "newbie"),
                ("new_password", "Str0ng-enough!"),
                ("attr:email", "newbie@example.com"),
            ],
        )
        .await;

    // Assert
    assert_eq!(
        signup.status,
        StatusCode::OK,
        "showing a form is not counted"
    );
    assert_page_refusal(refused, 600).await;
    assert_eq!(standin.requests_to("ForgotPassword").len(), 2);
    assert!(
        standin.requests_to("SignUp").is_empty(),
        "the refused sign-up reached the pool"
    );
}

/// A call of Cognito's user-pool API at `POST /`, as the SDKs send it.
async fn user_pool_call(
    app: &TestApp,
    client: &Client,
    operation: &str,
    body: serde_json::Value,
) -> Response {
    client
        .post(app.url("/"))
        .header(
            "x-amz-target",
            format!("AWSCognitoIdentityProviderService.{operation}"),
        )
        .header("content-type", "application/x-amz-json-1.1")
        .body(body.to_string())
        .send()
        .await
        .expect("user-pool API")
}

/// A refusal in Cognito's words: 429, `Retry-After`, `TooManyRequestsException`.
async fn assert_user_pool_refusal(response: Response, window: u64) {
    assert_too_many(&response, window);
    assert_eq!(
        response.headers()["x-amzn-errortype"],
        "TooManyRequestsException"
    );
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["__type"], "TooManyRequestsException", "{body}");
}

#[tokio::test]
async fn the_user_pool_api_is_limited_like_the_token_endpoint_it_stands_beside() {
    // Arrange: two calls per address; failed client authentication once per five minutes.
    let app = spawn_limited(
        "user_pool_api_per_address = \"2/1m\"\nclient_auth_failures_per_address = \"1/5m\"",
    )
    .await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let token = tokens["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();
    let a = from("198.51.100.1");
    let refresh = |token: &str| serde_json::json!({"ClientId": "demo", "RefreshToken": token});

    // Act 1: A refreshes twice through the API, then once too often.
    let first = user_pool_call(&app, &a, "GetTokensFromRefreshToken", refresh(&token)).await;
    assert_eq!(first.status(), StatusCode::OK);
    let body: Value = first.json().await.expect("json");
    let token = body["AuthenticationResult"]["RefreshToken"]
        .as_str()
        .expect("next refresh token")
        .to_string();
    let other = user_pool_call(&app, &a, "GetUser", serde_json::json!({"AccessToken": "x"})).await;
    assert_eq!(
        other.status(),
        StatusCode::BAD_REQUEST,
        "counted, and answered"
    );
    let refused = user_pool_call(&app, &a, "GetTokensFromRefreshToken", refresh(&token)).await;

    // Assert 1: refused in Cognito's words, and the token not rotated.
    assert_user_pool_refusal(refused, 60).await;
    still_active(&app, &token).await;

    // Act 2: from B, a wrong client secret, then the right one.
    let b = from("198.51.100.2");
    let revoke = |secret: &str| serde_json::json!({"ClientId": "web", "ClientSecret": secret, "Token": "no-such-token"});
    let wrong = user_pool_call(&app, &b, "RevokeToken", revoke("wrong-secret-0000000")).await;
    let right = user_pool_call(&app, &b, "RevokeToken", revoke(WEB_SECRET)).await;

    // Assert 2: the failure counts with the token endpoint's, and holds the right secret too.
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    assert_user_pool_refusal(right, 300).await;
    let at_token_endpoint = b
        .post(app.url("/oauth2/token"))
        .form(&[
            ("grant_type", "refresh_token"),
            ("client_id", "web"),
            ("client_secret", WEB_SECRET),
            ("refresh_token", "no-such-token"),
        ])
        .send()
        .await
        .expect("token");
    assert_json_refusal(at_token_endpoint, 300).await;
}
