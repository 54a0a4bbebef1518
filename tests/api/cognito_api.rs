//! Cognito's user-pool API at `POST /`, driven by a real client: the AWS SDK for Rust's
//! `aws-sdk-cognitoidentityprovider` with `endpoint_url` pointed at authgate and no
//! credentials (as Amplify calls these operations: unsigned). The tokens come from ordinary
//! hosted-UI sign-ins; what the API issues is checked where apps use it (`/oauth2/userInfo`,
//! `/oauth2/token`).

use crate::support::app::*;
use aws_sdk_cognitoidentityprovider as idp;
use idp::config::{BehaviorVersion, Region};
use idp::types::AuthFlowType;
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

const ADMIN: &str = "aws.cognito.signin.user.admin";
const SCOPE: &str = "openid email profile aws.cognito.signin.user.admin";

/// Two public single-page apps with Cognito's admin scope, and a second local user.
const APPS: &str = r#"
[[apps]]
client_id = "amplify"
name = "Amplify app"
redirect_uris = ["https://spa.example.com/callback"]
providers = ["local"]
scopes = ["openid", "email", "profile", "aws.cognito.signin.user.admin"]

[[apps]]
client_id = "amplify2"
name = "Second Amplify app"
redirect_uris = ["https://two.example.com/callback"]
providers = ["local"]
scopes = ["openid", "email", "profile", "aws.cognito.signin.user.admin"]

[[providers.users]]
username = "alice"
password_hash = "$argon2id$v=19$m=19456,t=2,p=1$BA8Btnah6WABcjD/NpA6rQ$Vl8uWOvqZeRjCfXuTzcZySBply79GSIZGo/2PMXrxY4"
email = "alice@example.com"
email_verified = true
"#;

pub async fn spawn() -> TestApp {
    spawn_app_with(APPS).await
}

/// The SDK as an app uses it: region, authgate's address, no credentials, no retries (so a
/// refusal is seen once, as the server gave it).
pub fn sdk(app: &TestApp) -> idp::Client {
    let config = idp::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .endpoint_url(&app.address)
        .retry_config(aws_config::retry::RetryConfig::disabled())
        .build();
    idp::Client::from_conf(config)
}

/// The tokens of one sign-in.
#[derive(Debug, Clone)]
pub struct Tokens {
    pub access: String,
    pub id: String,
    pub refresh: String,
}

impl Tokens {
    fn from_json(json: &Value) -> Self {
        let field = |name: &str| json[name].as_str().expect(name).to_string();
        Self {
            access: field("access_token"),
            id: field("id_token"),
            refresh: field("refresh_token"),
        }
    }
}

/// Where each app sends its users back.
fn redirect_uri(client_id: &str) -> &'static str {
    match client_id {
        "amplify" => "https://spa.example.com/callback",
        "amplify2" => "https://two.example.com/callback",
        "web" => "https://app.example.com/callback",
        "demo" => "myapp://callback",
        other => panic!("no redirect URI for {other}"),
    }
}

/// A sign-in to `client_id` in `browser` (single sign-on when it is signed in already), as
/// `user`, asking for `scope`, and the code's exchange.
pub async fn login_as(
    app: &TestApp,
    browser: &Client,
    client_id: &str,
    scope: &str,
    user: &str,
) -> Tokens {
    let (verifier, challenge) = pkce_pair();
    let redirect_uri = redirect_uri(client_id);
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("response_type", "code")
        .append_pair("client_id", client_id)
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("state", "s")
        .append_pair("scope", scope)
        .append_pair("identity_provider", "COGNITO")
        .append_pair("code_challenge", &challenge)
        .append_pair("code_challenge_method", "S256")
        .finish();
    let response = app
        .get(browser, &format!("/oauth2/authorize?{query}"))
        .await;
    let back = if response.status() == StatusCode::FOUND {
        location(&response)
    } else {
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page_url = location(&response);
        let html = app
            .get(browser, &page_url)
            .await
            .text()
            .await
            .expect("html");
        let csrf = input_value(&html, "csrf").expect("csrf");
        location(
            &app.post_password(browser, &page_url, Some(&csrf), user, PASSWORD)
                .await,
        )
    };
    assert!(back.starts_with(redirect_uri), "{back}");
    let code = query_param(&back, "code").expect("code");
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("client_id", client_id),
        ("code", code.as_str()),
        ("redirect_uri", redirect_uri),
        ("code_verifier", verifier.as_str()),
    ];
    if client_id == "web" {
        form.push(("client_secret", WEB_SECRET));
    }
    let response = app.token(&form).await;
    assert_eq!(response.status(), StatusCode::OK);
    Tokens::from_json(&response.json().await.expect("json"))
}

pub async fn login(app: &TestApp, browser: &Client, client_id: &str) -> Tokens {
    login_as(app, browser, client_id, SCOPE, USER).await
}

/// `GetTokensFromRefreshToken` for a public app.
async fn get_tokens(
    sdk: &idp::Client,
    client_id: &str,
    refresh: &str,
) -> Result<
    idp::operation::get_tokens_from_refresh_token::GetTokensFromRefreshTokenOutput,
    idp::operation::get_tokens_from_refresh_token::GetTokensFromRefreshTokenError,
> {
    sdk.get_tokens_from_refresh_token()
        .client_id(client_id)
        .refresh_token(refresh)
        .send()
        .await
        .map_err(|e| e.into_service_error())
}

async fn initiate_refresh(
    sdk: &idp::Client,
    client_id: &str,
    flow: AuthFlowType,
    refresh: &str,
    secret_hash: Option<&str>,
) -> Result<
    idp::operation::initiate_auth::InitiateAuthOutput,
    idp::operation::initiate_auth::InitiateAuthError,
> {
    let mut call = sdk
        .initiate_auth()
        .client_id(client_id)
        .auth_flow(flow)
        .auth_parameters("REFRESH_TOKEN", refresh);
    if let Some(hash) = secret_hash {
        call = call.auth_parameters("SECRET_HASH", hash);
    }
    call.send().await.map_err(|e| e.into_service_error())
}

/// The error's message, for asserting Cognito's wording.
fn message<E: idp::error::ProvideErrorMetadata>(e: &E) -> String {
    e.message().unwrap_or_default().to_string()
}

/// The token endpoint's refresh for a public app: (status, JSON).
async fn token_refresh(app: &TestApp, client_id: &str, refresh: &str) -> (StatusCode, Value) {
    let response = app.refresh(client_id, refresh).await;
    (response.status(), response.json().await.expect("json"))
}

async fn userinfo_status(app: &TestApp, access: &str) -> StatusCode {
    app.userinfo(access).await.status()
}

/// A raw call of `POST /`, for what the SDK cannot send.
async fn raw_call(
    app: &TestApp,
    target: Option<&str>,
    content_type: &str,
    body: &str,
) -> reqwest::Response {
    let mut request = Client::new()
        .post(app.url("/"))
        .header("content-type", content_type)
        .body(body.to_string());
    if let Some(target) = target {
        request = request.header("x-amz-target", target);
    }
    request.send().await.expect("POST /")
}

// ------------------------------------------------------------------------------------ refresh

#[tokio::test]
async fn get_tokens_from_refresh_token_rotates_and_its_tokens_work() {
    // Arrange
    let app = spawn().await;
    let sdk = sdk(&app);
    let first = login(&app, &app.browser, "amplify").await;

    // Act
    let out = get_tokens(&sdk, "amplify", &first.refresh)
        .await
        .expect("GetTokensFromRefreshToken");

    // Assert: Cognito's AuthenticationResult, with the next refresh token (authgate rotates).
    let result = out.authentication_result().expect("AuthenticationResult");
    let access = result.access_token().expect("AccessToken");
    let next = result
        .refresh_token()
        .expect("RefreshToken: always rotated");
    assert_ne!(next, first.refresh);
    assert_eq!(result.token_type(), Some("Bearer"));
    assert_eq!(result.expires_in(), 3600);
    let id = claims(result.id_token().expect("IdToken"));
    assert_eq!(id["aud"], "amplify");
    assert_eq!(id["cognito:username"], USER);
    let userinfo = app.userinfo(access).await;
    assert_eq!(userinfo.status(), StatusCode::OK);
    let userinfo: Value = userinfo.json().await.expect("json");
    assert_eq!(userinfo["email"], "demo@example.com");
    // The rotated token is the one that works next, through either door.
    let (status, _) = token_refresh(&app, "amplify", next).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn initiate_auth_refresh_flows_rotate_too() {
    let app = spawn().await;
    let sdk = sdk(&app);
    let mut refresh = login(&app, &app.browser, "amplify").await.refresh;
    for flow in [AuthFlowType::RefreshTokenAuth, AuthFlowType::RefreshToken] {
        // Act
        let out = initiate_refresh(&sdk, "amplify", flow.clone(), &refresh, None)
            .await
            .unwrap_or_else(|e| panic!("InitiateAuth {flow:?}: {e:?}"));

        // Assert
        assert!(out.challenge_name().is_none());
        let result = out.authentication_result().expect("AuthenticationResult");
        let access = result.access_token().expect("AccessToken");
        assert_eq!(userinfo_status(&app, access).await, StatusCode::OK);
        let next = result.refresh_token().expect("RefreshToken").to_string();
        assert_ne!(next, refresh);
        refresh = next;
    }
}

#[tokio::test]
async fn a_token_rotated_through_the_api_and_replayed_at_the_token_endpoint_revokes_the_family() {
    // Arrange: rotated once through the API.
    let app = spawn().await;
    let sdk = sdk(&app);
    let first = login(&app, &app.browser, "amplify").await;
    let out = get_tokens(&sdk, "amplify", &first.refresh)
        .await
        .expect("rotates");
    let result = out.authentication_result().expect("result");
    let (access, next) = (
        result.access_token().expect("a").to_string(),
        result.refresh_token().expect("r").to_string(),
    );

    // Act: the old token replayed at the other door.
    let (status, body) = token_refresh(&app, "amplify", &first.refresh).await;

    // Assert: the whole family is dead, whichever door is tried next.
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_grant");
    assert!(body.get("access_token").is_none());
    let e = get_tokens(&sdk, "amplify", &next)
        .await
        .expect_err("revoked");
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert_eq!(message(&e), "Refresh Token has been revoked");
    assert_eq!(
        userinfo_status(&app, &access).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        userinfo_status(&app, &first.access).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_token_rotated_at_the_token_endpoint_and_replayed_through_the_api_revokes_the_family() {
    // Arrange: rotated once at the token endpoint.
    let app = spawn().await;
    let sdk = sdk(&app);
    let first = login(&app, &app.browser, "amplify").await;
    let (status, rotated) = token_refresh(&app, "amplify", &first.refresh).await;
    assert_eq!(status, StatusCode::OK);
    let next = rotated["refresh_token"].as_str().expect("next").to_string();

    // Act: the old token replayed through both refresh operations of the API.
    let reuse = get_tokens(&sdk, "amplify", &first.refresh)
        .await
        .expect_err("reuse");
    let again = initiate_refresh(
        &sdk,
        "amplify",
        AuthFlowType::RefreshTokenAuth,
        &first.refresh,
        None,
    )
    .await
    .expect_err("reuse");

    // Assert: Cognito's RefreshTokenReuseException, then the family is revoked everywhere.
    assert!(e_is_reuse(&reuse), "{reuse:?}");
    assert!(again.is_not_authorized_exception(), "{again:?}");
    let (status, body) = token_refresh(&app, "amplify", &next).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_grant");
    let access = rotated["access_token"].as_str().expect("access");
    assert_eq!(
        userinfo_status(&app, access).await,
        StatusCode::UNAUTHORIZED
    );
}

fn e_is_reuse(
    e: &idp::operation::get_tokens_from_refresh_token::GetTokensFromRefreshTokenError,
) -> bool {
    e.is_refresh_token_reuse_exception()
}

#[tokio::test]
async fn refresh_refusals_have_cognitos_error_types_and_issue_nothing() {
    // Arrange
    let app = spawn().await;
    let sdk = sdk(&app);
    let tokens = login(&app, &app.browser, "amplify").await;

    // Act / Assert: an unknown client, as Cognito answers it.
    let e = get_tokens(&sdk, "nobody", &tokens.refresh)
        .await
        .expect_err("unknown client");
    assert!(e.is_resource_not_found_exception(), "{e:?}");
    assert_eq!(message(&e), "User pool client nobody does not exist.");
    let e = initiate_refresh(
        &sdk,
        "nobody",
        AuthFlowType::RefreshTokenAuth,
        &tokens.refresh,
        None,
    )
    .await
    .expect_err("unknown client");
    assert!(e.is_resource_not_found_exception(), "{e:?}");

    // A token never issued, and another app's token: Cognito's "Invalid Refresh Token" (and
    // the other app's token, having leaked, is dead for its own app too, as at /oauth2/token).
    let e = get_tokens(&sdk, "amplify", "never-issued")
        .await
        .expect_err("unknown");
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert_eq!(message(&e), "Invalid Refresh Token");
    let leaked = login(&app, &browser(), "amplify").await;
    let e = get_tokens(&sdk, "amplify2", &leaked.refresh)
        .await
        .expect_err("another app's");
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert_eq!(message(&e), "Invalid Refresh Token");
    let (status, _) = token_refresh(&app, "amplify", &leaked.refresh).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // A sign-in flow InitiateAuth does not run here: refused, naming it.
    let e = sdk
        .initiate_auth()
        .client_id("amplify")
        .auth_flow(AuthFlowType::UserSrpAuth)
        .auth_parameters("USERNAME", USER)
        .auth_parameters("SRP_A", "abcd")
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("not supported");
    assert!(e.is_invalid_parameter_exception(), "{e:?}");
    assert!(message(&e).contains("USER_SRP_AUTH"), "{}", message(&e));

    // None of that used the token up: it rotates once, now.
    let (status, _) = token_refresh(&app, "amplify", &tokens.refresh).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn an_expired_refresh_token_is_cognitos_invalid_refresh_token() {
    // Arrange: families that live 2 s (a test of its own, so that nothing else has to fit in
    // them on a busy machine).
    let app = spawn_app_edited(APPS, |c| {
        c.replace("refresh_token_ttl = \"30d\"", "refresh_token_ttl = \"2s\"")
    })
    .await;
    let sdk = sdk(&app);
    let fresh = login(&app, &app.browser, "amplify").await;

    // Act: the family's 2 s pass (waiting for the clock, not for another task).
    tokio::time::sleep(std::time::Duration::from_millis(2200)).await;
    let e = get_tokens(&sdk, "amplify", &fresh.refresh)
        .await
        .expect_err("expired");

    // Assert
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert_eq!(message(&e), "Invalid Refresh Token");
}

#[tokio::test]
async fn a_confidential_app_must_prove_its_secret() {
    // Arrange
    let app = spawn().await;
    let sdk = sdk(&app);
    let tokens = login(&app, &app.browser, "web").await;
    let good_hash = secret_hash(WEB_SECRET, USER, "web");

    // Act / Assert: GetTokensFromRefreshToken takes the secret itself.
    for secret in [None, Some("wrong-secret-0123456789")] {
        let e = sdk
            .get_tokens_from_refresh_token()
            .client_id("web")
            .refresh_token(&tokens.refresh)
            .set_client_secret(secret.map(str::to_string))
            .send()
            .await
            .map_err(|e| e.into_service_error())
            .expect_err("no or wrong secret");
        assert!(e.is_not_authorized_exception(), "{secret:?}: {e:?}");
    }
    // InitiateAuth takes SECRET_HASH over the user name and client id.
    for hash in [
        None,
        Some(secret_hash("wrong-secret-0123456789", USER, "web")),
    ] {
        let e = initiate_refresh(
            &sdk,
            "web",
            AuthFlowType::RefreshTokenAuth,
            &tokens.refresh,
            hash.as_deref(),
        )
        .await
        .expect_err("no or wrong SECRET_HASH");
        assert!(e.is_not_authorized_exception(), "{hash:?}: {e:?}");
    }

    // With the right proofs both work, and rotate.
    let out = initiate_refresh(
        &sdk,
        "web",
        AuthFlowType::RefreshTokenAuth,
        &tokens.refresh,
        Some(&good_hash),
    )
    .await
    .expect("right SECRET_HASH");
    let next = out
        .authentication_result()
        .and_then(|r| r.refresh_token())
        .expect("next");
    sdk.get_tokens_from_refresh_token()
        .client_id("web")
        .refresh_token(next)
        .client_secret(WEB_SECRET)
        .send()
        .await
        .expect("right ClientSecret");
}

/// Cognito's SECRET_HASH, computed apart from authgate's own code.
fn secret_hash(secret: &str, username: &str, client_id: &str) -> String {
    use base64::Engine;
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(username.as_bytes());
    mac.update(client_id.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

// ------------------------------------------------------------------------------------- revoke

#[tokio::test]
async fn revoke_token_ends_the_family_and_its_access_tokens() {
    // Arrange
    let app = spawn().await;
    let sdk = sdk(&app);
    let tokens = login(&app, &app.browser, "amplify").await;

    // Act
    sdk.revoke_token()
        .client_id("amplify")
        .token(&tokens.refresh)
        .send()
        .await
        .expect("RevokeToken");

    // Assert
    let e = get_tokens(&sdk, "amplify", &tokens.refresh)
        .await
        .expect_err("revoked");
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert_eq!(message(&e), "Refresh Token has been revoked");
    let (status, _) = token_refresh(&app, "amplify", &tokens.refresh).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        userinfo_status(&app, &tokens.access).await,
        StatusCode::UNAUTHORIZED
    );
    let e = sdk
        .get_user()
        .access_token(&tokens.access)
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("revoked access token");
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert_eq!(message(&e), "Access Token has been revoked");
}

#[tokio::test]
async fn revoke_token_refusals() {
    let app = spawn().await;
    let sdk = sdk(&app);
    let tokens = login(&app, &app.browser, "amplify").await;
    let revoke = |client_id: &'static str, token: String| {
        let sdk = sdk.clone();
        async move {
            sdk.revoke_token()
                .client_id(client_id)
                .token(token)
                .send()
                .await
                .map_err(|e| e.into_service_error())
        }
    };

    // An unknown token is a silent success (RFC 7009), as at /oauth2/revoke.
    revoke("amplify", "never-issued".into())
        .await
        .expect("unknown token");
    // An access token is not what RevokeToken takes.
    let e = revoke("amplify", tokens.access.clone())
        .await
        .expect_err("access token");
    assert!(e.is_unsupported_token_type_exception(), "{e:?}");
    // Another app cannot revoke this app's token; an unknown app nothing.
    let e = revoke("amplify2", tokens.refresh.clone())
        .await
        .expect_err("other app");
    assert!(e.is_unauthorized_exception(), "{e:?}");
    let e = revoke("nobody", tokens.refresh.clone())
        .await
        .expect_err("unknown app");
    assert!(e.is_unauthorized_exception(), "{e:?}");

    // The token survived all of it.
    let (status, _) = token_refresh(&app, "amplify", &tokens.refresh).await;
    assert_eq!(status, StatusCode::OK);
}

// ----------------------------------------------------------------------------------- GetUser

#[tokio::test]
async fn get_user_returns_the_id_tokens_claims_as_attributes() {
    // Arrange
    let app = spawn().await;
    let tokens = login(&app, &app.browser, "amplify").await;

    // Act
    let user = sdk(&app)
        .get_user()
        .access_token(&tokens.access)
        .send()
        .await
        .expect("GetUser");

    // Assert
    assert_eq!(user.username(), USER);
    let attribute = |name: &str| {
        user.user_attributes()
            .iter()
            .find(|a| a.name() == name)
            .and_then(|a| a.value())
            .map(str::to_string)
    };
    let id = claims(&tokens.id);
    assert_eq!(attribute("sub").as_deref(), id["sub"].as_str());
    assert_eq!(attribute("email").as_deref(), Some("demo@example.com"));
    assert_eq!(attribute("email_verified").as_deref(), Some("true"));
    assert_eq!(attribute("name").as_deref(), Some("Demo User"));
    assert_eq!(attribute("given_name").as_deref(), Some("Demo"));
    assert!(attribute("cognito:groups").is_none());
}

#[tokio::test]
async fn get_user_refuses_bad_expired_and_unscoped_access_tokens() {
    // Arrange: access tokens live one second.
    let app = spawn_app_edited(APPS, |c| {
        c.replace("access_token_ttl = \"1h\"", "access_token_ttl = \"1s\"")
    })
    .await;
    let sdk = sdk(&app);
    let get_user = |token: String| {
        let sdk = sdk.clone();
        async move {
            sdk.get_user()
                .access_token(token)
                .send()
                .await
                .map_err(|e| e.into_service_error())
        }
    };
    let unscoped = login_as(&app, &app.browser, "amplify", "openid email", USER).await;
    let scoped = login(&app, &browser(), "amplify").await;

    // Act / Assert
    let e = get_user(unscoped.access).await.expect_err("no admin scope");
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert_eq!(message(&e), "Access Token does not have required scopes");
    let e = get_user("not.a.token".into()).await.expect_err("garbage");
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert_eq!(message(&e), "Invalid Access Token");
    let e = get_user(scoped.id.clone()).await.expect_err("an ID token");
    assert!(e.is_not_authorized_exception(), "{e:?}");
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let e = get_user(scoped.access).await.expect_err("expired");
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert_eq!(message(&e), "Access Token has expired");
}

// ------------------------------------------------------------------------------ GlobalSignOut

/// Whether `browser` still has a signed-in session (`prompt=none` gets a code).
async fn still_signed_in(app: &TestApp, browser: &Client, client_id: &str) -> bool {
    let (_, challenge) = pkce_pair();
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("response_type", "code")
        .append_pair("client_id", client_id)
        .append_pair("redirect_uri", redirect_uri(client_id))
        .append_pair("prompt", "none")
        .append_pair("code_challenge", &challenge)
        .append_pair("code_challenge_method", "S256")
        .finish();
    let response = app
        .get(browser, &format!("/oauth2/authorize?{query}"))
        .await;
    query_param(&location(&response), "code").is_some()
}

#[tokio::test]
async fn global_sign_out_ends_every_session_of_that_user_and_no_one_elses() {
    // Arrange: demo in two browsers and three apps; alice in a third browser.
    let app = spawn().await;
    let sdk = sdk(&app);
    let (browser_a, browser_b, alices) = (browser(), browser(), browser());
    let demo_a = login(&app, &browser_a, "amplify").await;
    let demo_a2 = login(&app, &browser_a, "amplify2").await;
    let demo_b = login(&app, &browser_b, "web").await;
    let alice = login_as(&app, &alices, "amplify", SCOPE, "alice").await;
    assert_eq!(claims(&alice.id)["cognito:username"], "alice");
    assert!(still_signed_in(&app, &browser_b, "amplify").await);

    // Act
    sdk.global_sign_out()
        .access_token(&demo_a.access)
        .send()
        .await
        .expect("GlobalSignOut");

    // Assert: every family of demo, in every app, and both of demo's browsers, are signed out.
    for (client_id, tokens) in [("amplify", &demo_a), ("amplify2", &demo_a2)] {
        let (status, _) = token_refresh(&app, client_id, &tokens.refresh).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{client_id}");
        assert_eq!(
            userinfo_status(&app, &tokens.access).await,
            StatusCode::UNAUTHORIZED
        );
    }
    let web = app
        .token(&[
            ("grant_type", "refresh_token"),
            ("client_id", "web"),
            ("client_secret", WEB_SECRET),
            ("refresh_token", &demo_b.refresh),
        ])
        .await;
    assert_eq!(
        web.status(),
        StatusCode::BAD_REQUEST,
        "the other browser's app"
    );
    assert!(!still_signed_in(&app, &browser_a, "amplify").await);
    assert!(!still_signed_in(&app, &browser_b, "amplify").await);
    // alice is untouched.
    assert!(still_signed_in(&app, &alices, "amplify").await);
    let (status, _) = token_refresh(&app, "amplify", &alice.refresh).await;
    assert_eq!(status, StatusCode::OK);
    // The signed-out token cannot sign anyone out again.
    let e = sdk
        .global_sign_out()
        .access_token(&demo_a.access)
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("revoked");
    assert!(e.is_not_authorized_exception(), "{e:?}");
}

// ------------------------------------------------------------------------ the wire, the route

#[tokio::test]
async fn unknown_operations_and_malformed_requests_get_cognitos_refusals() {
    let app = spawn().await;

    // An operation authgate does not implement, through the SDK: named in the refusal.
    let e = sdk(&app)
        .sign_up()
        .client_id("amplify")
        .username("someone")
        .password("Whatever-1")
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("not supported");
    assert!(e.is_invalid_parameter_exception(), "{e:?}");
    assert!(
        message(&e).contains("SignUp is not supported"),
        "{}",
        message(&e)
    );

    const JSON: &str = "application/x-amz-json-1.1";
    let target = Some("AWSCognitoIdentityProviderService.GetTokensFromRefreshToken");
    for (target, content_type, body, expected) in [
        (target, JSON, "{not json", "SerializationException"),
        (target, JSON, r#"{"ClientId": 7}"#, "SerializationException"),
        (target, "text/plain", "{}", "SerializationException"),
        (
            target,
            JSON,
            r#"{"ClientId": "amplify"}"#,
            "InvalidParameterException",
        ),
        (None, JSON, "{}", "UnknownOperationException"),
        (
            Some("AWSCognitoIdentityService.GetId"),
            JSON,
            "{}",
            "UnknownOperationException",
        ),
    ] {
        let response = raw_call(&app, target, content_type, body).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(
            response
                .headers()
                .get("x-amzn-ErrorType")
                .and_then(|v| v.to_str().ok()),
            Some(expected),
            "{target:?} {body}"
        );
        assert_eq!(
            response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some(JSON)
        );
        let body: Value = response.json().await.expect("json error");
        assert_eq!(body["__type"], expected);
        assert!(body["message"].is_string());
    }
}

#[tokio::test]
async fn post_slash_is_the_api_and_get_slash_is_still_the_404_page() {
    let app = spawn().await;

    let get = app.get(&app.browser, "/").await;
    assert_eq!(get.status(), StatusCode::NOT_FOUND);
    assert!(
        get.text()
            .await
            .expect("html")
            .contains("There is no page at this address.")
    );

    // The same body limit as every other endpoint.
    let huge = json!({"ClientId": "amplify", "RefreshToken": "x".repeat(100 * 1024)}).to_string();
    let response = raw_call(
        &app,
        Some("AWSCognitoIdentityProviderService.GetTokensFromRefreshToken"),
        "application/x-amz-json-1.1",
        &huge,
    )
    .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_token_without_the_admin_scope_still_refreshes_but_cannot_read_the_user() {
    // Cognito's rule: the user operations need aws.cognito.signin.user.admin; refresh does not.
    let app = spawn().await;
    let sdk = sdk(&app);
    let tokens = login_as(&app, &app.browser, "amplify", "openid", USER).await;
    let out = get_tokens(&sdk, "amplify", &tokens.refresh)
        .await
        .expect("refresh");
    let access = out
        .authentication_result()
        .and_then(|r| r.access_token())
        .expect("access");
    assert!(
        !claims(access)["scope"]
            .as_str()
            .unwrap_or_default()
            .contains(ADMIN)
    );
    for op in ["GetUser", "GlobalSignOut"] {
        let e = match op {
            "GetUser" => sdk
                .get_user()
                .access_token(access)
                .send()
                .await
                .map(|_| ())
                .map_err(|e| message(&e.into_service_error())),
            _ => sdk
                .global_sign_out()
                .access_token(access)
                .send()
                .await
                .map(|_| ())
                .map_err(|e| message(&e.into_service_error())),
        };
        assert_eq!(
            e,
            Err("Access Token does not have required scopes".to_string()),
            "{op}"
        );
    }
    // And nothing was signed out.
    let (status, _) = token_refresh(
        &app,
        "amplify",
        out.authentication_result()
            .and_then(|r| r.refresh_token())
            .expect("next"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

// ------------------------------------------------------------------------------- passthrough

/// A passthrough app's tokens are the pool's own: GetUser and GlobalSignOut go to the pool
/// (moto here), and authgate ends its own sessions of that user too.
#[tokio::test]
async fn passthrough_pool_tokens_are_answered_by_their_pool() {
    use crate::support::pool::{PASSWORD as POOL_PASSWORD, pool_request, spawn_for_pool};
    // Arrange
    let pool = crate::support::moto::create_pool(false).await;
    let username = format!("user{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    crate::support::moto::create_user(&pool, &username, POOL_PASSWORD).await;
    let app = spawn_for_pool(pool, "").await;
    let client = browser();
    let request = pool_request("passapp");
    let tokens = app.login(&client, &request, &username, POOL_PASSWORD).await;
    let access = tokens["access_token"].as_str().expect("access");
    let refresh = tokens["refresh_token"].as_str().expect("refresh");
    let sdk = sdk(&app.app);

    // Act / Assert: GetUser, answered by the pool.
    let user = sdk
        .get_user()
        .access_token(access)
        .send()
        .await
        .expect("GetUser through authgate");
    assert_eq!(user.username(), username);
    // Refresh through the API: the same grant, which refreshes with the pool.
    let out = sdk
        .get_tokens_from_refresh_token()
        .client_id("passapp")
        .refresh_token(refresh)
        .send()
        .await
        .expect("refresh");
    let refreshed = out.authentication_result().expect("result");
    assert_ne!(refreshed.access_token(), Some(access));

    // RevokeToken for a passthrough app: authgate's family ends (and the pool is told).
    let other = app
        .login(&browser(), &request, &username, POOL_PASSWORD)
        .await;
    let other_refresh = other["refresh_token"].as_str().expect("refresh");
    sdk.revoke_token()
        .client_id("passapp")
        .token(other_refresh)
        .send()
        .await
        .expect("RevokeToken through authgate");
    let (status, _) = token_refresh(&app.app, "passapp", other_refresh).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // GlobalSignOut: the pool signs the user out, and so does authgate.
    sdk.global_sign_out()
        .access_token(access)
        .send()
        .await
        .expect("GlobalSignOut through authgate");
    let (status, _) = token_refresh(&app.app, "passapp", refresh).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let response = app
        .app
        .authorize(&client, &request.clone_with("prompt", "none"))
        .await;
    assert_eq!(
        query_param(&location(&response), "error").as_deref(),
        Some("login_required"),
        "the browser's sign-in ended too"
    );
    let e = sdk
        .get_user()
        .access_token(access)
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("the pool ended the token");
    assert!(e.is_not_authorized_exception(), "{e:?}");
}
