//! `kind = "cognito"` against moto's user pools: authgate's own pages drive the pool's API
//! through sign-up, sign-in (SRP and password), each challenge moto raises, password reset,
//! and the pool's own tokens for passthrough apps. A cookie-keeping client plays the browser.
//!
//! moto does not check SRP proofs, devices, custom challenges or confirmation codes at sign-up;
//! those are covered against the stand-in (`cognito_standin.rs`) and the SRP known-answer tests.

use crate::support::app::*;
use crate::support::moto::{self, Pool};
use crate::support::pool::PASSWORD;
use crate::support::pool::*;
use aws_sdk_cognitoidentityprovider::types::{
    SmsMfaSettingsType, SoftwareTokenMfaConfigType, UserPoolMfaType,
};
use reqwest::{Client, StatusCode};
use serde_json::Value;

async fn pool_user(with_secret: bool) -> (Pool, String) {
    let pool = moto::create_pool(with_secret).await;
    let username = format!("user{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    moto::create_user(&pool, &username, PASSWORD).await;
    (pool, username)
}

async fn moto_sub(pool: &Pool, username: &str) -> String {
    let user = moto::idp_client()
        .await
        .admin_get_user()
        .user_pool_id(&pool.id)
        .username(username)
        .send()
        .await
        .expect("AdminGetUser");
    user.user_attributes()
        .iter()
        .find(|a| a.name() == "sub")
        .and_then(|a| a.value())
        .expect("sub")
        .to_string()
}

// ------------------------------------------------------------------ sign-in

#[tokio::test]
async fn srp_sign_in_gives_the_app_tokens_about_the_pool_user() {
    // Arrange
    let (pool, username) = pool_user(true).await;
    let sub = moto_sub(&pool, &username).await;
    let app = spawn_for_pool(pool, "").await;
    let client = browser();
    let request = pool_request("poolapp");

    // Act
    let page = app.open(&client, &request).await;
    assert!(page.html.contains("Remember this device"));
    let response = app
        .sign_in_form(&client, &page, &username, PASSWORD, false)
        .await;
    let code = app.code_from(&request, &response);
    let tokens = app.tokens(&request, &code).await;

    // Assert: authgate's tokens, with the pool user's sub, username and verified email.
    let id = claims(tokens["id_token"].as_str().expect("id_token"));
    assert_eq!(id["iss"], app.app.address.as_str());
    assert_eq!(id["sub"], sub.as_str());
    assert_eq!(id["cognito:username"], username.as_str());
    assert_eq!(id["email"], format!("{username}@example.com").as_str());
    assert_eq!(id["email_verified"], true);
    let access = claims(tokens["access_token"].as_str().expect("access"));
    assert_eq!(access["sub"], sub.as_str());
    assert_eq!(access["username"], username.as_str());
}

#[tokio::test]
async fn password_auth_signs_in_and_refresh_goes_through_the_pool() {
    let (pool, username) = pool_user(false).await;
    let app = spawn_for_pool(pool, r#"auth_flow = "USER_PASSWORD_AUTH""#).await;
    let client = browser();
    let request = pool_request("poolapp");

    let tokens = app.login(&client, &request, &username, PASSWORD).await;

    // The refresh asks the pool (REFRESH_TOKEN_AUTH) and succeeds while the user is signed in...
    let refresh = tokens["refresh_token"].as_str().expect("refresh");
    let refreshed = app.app.refresh("poolapp", refresh).await;
    assert_eq!(refreshed.status(), StatusCode::OK);
    let refreshed: Value = refreshed.json().await.expect("json");

    // ...and a global sign-out at the pool ends the session here too.
    let kept = kept_upstream_tokens(&app.app, refreshed["refresh_token"].as_str().unwrap()).await;
    moto::idp_client()
        .await
        .global_sign_out()
        .access_token(kept.access_token.expect("pool access token"))
        .send()
        .await
        .expect("GlobalSignOut");
    let after = app
        .app
        .refresh("poolapp", refreshed["refresh_token"].as_str().unwrap())
        .await;
    assert_eq!(error_code(after).await.1, "invalid_grant");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_answer_and_no_code() {
    let (pool, username) = pool_user(false).await;
    let app = spawn_for_pool(pool, r#"auth_flow = "USER_PASSWORD_AUTH""#).await;
    let client = browser();
    let page = app.open(&client, &pool_request("poolapp")).await;

    let wrong = app
        .sign_in_form(&client, &page, &username, "Wrong-password-1", false)
        .await;
    assert_eq!(wrong.status(), StatusCode::OK);
    let wrong_html = wrong.text().await.expect("html");
    let unknown = app
        .sign_in_form(&client, &page, "nobody-here", "Wrong-password-1", false)
        .await;
    assert_eq!(unknown.status(), StatusCode::OK);
    let unknown_html = unknown.text().await.expect("html");

    assert!(wrong_html.contains("Incorrect username or password."));
    assert!(unknown_html.contains("Incorrect username or password."));
    assert!(
        !wrong_html.contains("Wrong-password-1"),
        "the password is not echoed"
    );
}

#[tokio::test]
async fn an_unreachable_pool_gets_a_page_naming_it_within_the_timeout() {
    let (pool, username) = pool_user(false).await;
    // A pool that takes the connection and never answers (the kernel completes the handshake
    // into the backlog; nobody accepts). Held for the whole test: a port closed after probing
    // could be taken by another test's server and answer.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("probe");
    let endpoint = format!("http://{}", silent.local_addr().expect("addr"));
    let app = spawn_for_endpoint(pool, &endpoint, "").await;
    let client = browser();
    let page = app.open(&client, &pool_request("poolapp")).await;

    let started = std::time::Instant::now();
    let response = app
        .sign_in_form(&client, &page, &username, PASSWORD, false)
        .await;

    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    // The page waited for the pool's 3 s timeout (not for a refused connection), and no longer
    // than that with room for a loaded machine.
    let waited = started.elapsed();
    assert!(
        waited >= std::time::Duration::from_millis(2900),
        "{waited:?}"
    );
    assert!(waited < std::time::Duration::from_secs(10), "{waited:?}");
    no_code(&response);
    let html = response.text().await.expect("html");
    assert!(html.contains("Example pool did not answer"), "{html}");
    drop(silent);
}

// ------------------------------------------------------------------ sign-up

#[tokio::test]
async fn sign_up_then_confirm_signs_the_user_in() {
    let pool = moto::create_pool(true).await;
    let app = spawn_for_pool(pool.clone(), "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;
    assert!(page.html.contains("/signup\">Create one"));

    // (The password rules on this page come from DescribeUserPool, which needs AWS
    // credentials: `cognito_logs.rs` runs the binary with some and checks them.)
    let signup = app.get(&client, &format!("{}/signup", page.url)).await;
    assert_eq!(signup.status, StatusCode::OK);
    let response = app
        .post(
            &client,
            &signup,
            &format!("{}/signup", page.url),
            &[
                ("username", "newbie"),
                ("new_password", PASSWORD),
                ("attr:email", "newbie@example.com"),
            ],
        )
        .await;
    let confirm = app.follow(&client, response).await;
    assert!(confirm.html.contains("Confirm your account"));
    assert!(
        confirm.html.contains("We sent a code to"),
        "where the code went, as the pool masked it: {}",
        confirm.html
    );
    assert!(
        !confirm.html.contains(PASSWORD),
        "the password is not kept in the page"
    );

    // moto accepts any confirmation code.
    let response = app
        .post(
            &client,
            &confirm,
            &format!("{}/confirm", page.url),
            &[("code", "123456")],
        )
        .await;
    let code = app.code_from(&request, &response);
    let tokens = app.tokens(&request, &code).await;
    let id = claims(tokens["id_token"].as_str().expect("id"));
    assert_eq!(id["cognito:username"], "newbie");

    // The user exists and is confirmed in the pool.
    let user = moto::idp_client()
        .await
        .admin_get_user()
        .user_pool_id(&pool.id)
        .username("newbie")
        .send()
        .await
        .expect("user");
    assert_eq!(user.user_status().map(|s| s.as_str()), Some("CONFIRMED"));
}

#[tokio::test]
async fn sign_up_refusals_say_why_on_the_sign_up_page() {
    let (pool, existing) = pool_user(false).await;
    let app = spawn_for_pool(pool, "").await;
    let client = browser();
    let page = app.open(&client, &pool_request("poolapp")).await;
    let action = format!("{}/signup", page.url);
    let signup = app.get(&client, &action).await;

    let weak = app
        .post(
            &client,
            &signup,
            &action,
            &[
                ("username", "weakling"),
                ("new_password", "short"),
                ("attr:email", "w@example.com"),
            ],
        )
        .await;
    assert_eq!(weak.status(), StatusCode::OK);
    let html = weak.text().await.expect("html");
    assert!(html.contains("does not meet the requirements"), "{html}");

    let taken = app
        .post(
            &client,
            &signup,
            &action,
            &[
                ("username", existing.as_str()),
                ("new_password", PASSWORD),
                ("attr:email", "x@example.com"),
            ],
        )
        .await;
    let html = taken.text().await.expect("html");
    assert!(html.contains("already exists"), "{html}");

    let missing = app
        .post(
            &client,
            &signup,
            &action,
            &[("username", "someone"), ("new_password", PASSWORD)],
        )
        .await;
    let html = missing.text().await.expect("html");
    assert!(html.contains("Fill in every field"), "{html}");
}

#[tokio::test]
async fn an_unconfirmed_user_is_sent_to_confirm_and_then_signed_in() {
    let pool = moto::create_pool(false).await;
    moto::idp_client()
        .await
        .sign_up()
        .client_id(&pool.client_id)
        .username("pending")
        .password(PASSWORD)
        .user_attributes(moto::attr("email", "pending@example.com"))
        .send()
        .await
        .expect("SignUp");
    let app = spawn_for_pool(pool, r#"auth_flow = "USER_PASSWORD_AUTH""#).await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;

    let response = app
        .sign_in_form(&client, &page, "pending", PASSWORD, false)
        .await;
    let confirm = app.follow(&client, response).await;
    assert!(confirm.url.ends_with("/confirm"));
    assert!(
        confirm.html.contains("not confirmed yet"),
        "{}",
        confirm.html
    );

    let response = app
        .post(
            &client,
            &confirm,
            &format!("{}/confirm", page.url),
            &[("code", "123456")],
        )
        .await;
    app.code_from(&request, &response);
}

// ------------------------------------------------------------------ challenges

#[tokio::test]
async fn new_password_required_for_an_admin_created_user() {
    let pool = moto::create_pool(false).await;
    moto::idp_client()
        .await
        .admin_create_user()
        .user_pool_id(&pool.id)
        .username("invited")
        .temporary_password("Temporary-pass-1")
        .message_action(aws_sdk_cognitoidentityprovider::types::MessageActionType::Suppress)
        .send()
        .await
        .expect("AdminCreateUser");
    let app = spawn_for_pool(pool, "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;

    let response = app
        .sign_in_form(&client, &page, "invited", "Temporary-pass-1", false)
        .await;
    let challenge = app.follow(&client, response).await;
    assert!(
        challenge.html.contains("Choose a new password"),
        "{}",
        challenge.html
    );

    // A password the policy refuses stays on the page with the reason...
    let action = format!("{}/challenge", page.url);
    let weak = app
        .post(&client, &challenge, &action, &[("new_password", "weak")])
        .await;
    assert_eq!(weak.status(), StatusCode::OK);
    let html = weak.text().await.expect("html");
    assert!(html.contains("does not meet the requirements"), "{html}");

    // ...a good one signs in.
    let response = app
        .post(
            &client,
            &challenge,
            &action,
            &[("new_password", "Brand-new-pass-2")],
        )
        .await;
    app.code_from(&request, &response);
}

async fn enable_totp(pool: &Pool) {
    moto::idp_client()
        .await
        .set_user_pool_mfa_config()
        .user_pool_id(&pool.id)
        .software_token_mfa_configuration(
            SoftwareTokenMfaConfigType::builder().enabled(true).build(),
        )
        .mfa_configuration(UserPoolMfaType::On)
        .send()
        .await
        .expect("SetUserPoolMfaConfig");
}

#[tokio::test]
async fn totp_setup_then_totp_sign_in_with_real_codes() {
    let (pool, username) = pool_user(false).await;
    enable_totp(&pool).await;
    let app = spawn_for_pool(pool, "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;

    // First sign-in: the pool wants an authenticator set up.
    let response = app
        .sign_in_form(&client, &page, &username, PASSWORD, false)
        .await;
    let setup = app.follow(&client, response).await;
    assert!(
        setup.html.contains("Set up an authenticator app"),
        "{}",
        setup.html
    );
    assert!(
        setup.html.contains("data:image/svg+xml;base64,"),
        "a QR code"
    );
    let secret = setup
        .html
        .split("class=\"secret\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the key is shown")
        .to_string();
    let action = format!("{}/challenge", page.url);
    let wrong = app
        .post(&client, &setup, &action, &[("answer", "000000")])
        .await;
    let html = wrong.text().await.expect("html");
    assert!(html.contains("That code is not right"), "{html}");
    let response = app
        .post(&client, &setup, &action, &[("answer", &totp_code(&secret))])
        .await;
    app.code_from(&request, &response);

    // Second sign-in, another browser: the code from the app is asked for and checked.
    let client = browser();
    let page = app.open(&client, &request).await;
    let response = app
        .sign_in_form(&client, &page, &username, PASSWORD, false)
        .await;
    let challenge = app.follow(&client, response).await;
    assert!(
        challenge.html.contains("authenticator app"),
        "{}",
        challenge.html
    );
    let action = format!("{}/challenge", page.url);
    let wrong = app
        .post(&client, &challenge, &action, &[("answer", "000000")])
        .await;
    no_code(&wrong);
    let html = wrong.text().await.expect("html");
    assert!(html.contains("That code is not right"), "{html}");
    let response = app
        .post(
            &client,
            &challenge,
            &action,
            &[("answer", &totp_code(&secret))],
        )
        .await;
    let tokens = app
        .tokens(&request, &app.code_from(&request, &response))
        .await;
    assert!(tokens["id_token"].is_string());
}

#[tokio::test]
async fn sms_mfa_asks_for_the_texted_code() {
    let (pool, username) = pool_user(false).await;
    moto::idp_client()
        .await
        .admin_set_user_mfa_preference()
        .user_pool_id(&pool.id)
        .username(&username)
        .sms_mfa_settings(
            SmsMfaSettingsType::builder()
                .enabled(true)
                .preferred_mfa(true)
                .build(),
        )
        .send()
        .await
        .expect("AdminSetUserMFAPreference");
    let app = spawn_for_pool(pool, "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;

    let response = app
        .sign_in_form(&client, &page, &username, PASSWORD, false)
        .await;
    let challenge = app.follow(&client, response).await;
    assert!(challenge.html.contains("texted you"), "{}", challenge.html);
    let response = app
        .post(
            &client,
            &challenge,
            &format!("{}/challenge", page.url),
            &[("answer", "123456")],
        )
        .await;
    app.code_from(&request, &response);
}

#[tokio::test]
async fn the_challenge_page_without_a_pending_challenge_goes_back_to_sign_in() {
    let (pool, _) = pool_user(false).await;
    let app = spawn_for_pool(pool, "").await;
    let client = browser();
    let page = app.open(&client, &pool_request("poolapp")).await;
    let response = app
        .app
        .get(&client, &format!("{}/challenge", page.url))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), page.url);
}

// ------------------------------------------------------------------ password reset

/// What moto generated for the last ForgotPassword of `username`: it only tells the caller,
/// in a response header, so the test asks again itself and takes that (newest) code.
async fn moto_reset_code(pool: &Pool, username: &str) -> String {
    let response = Client::new()
        .post(moto::endpoint())
        .header("Content-Type", "application/x-amz-json-1.1")
        .header(
            "X-Amz-Target",
            "AWSCognitoIdentityProviderService.ForgotPassword",
        )
        .body(serde_json::json!({"ClientId": pool.client_id, "Username": username}).to_string())
        .send()
        .await
        .expect("ForgotPassword");
    response
        .headers()
        .get("x-moto-forgot-password-confirmation-code")
        .and_then(|v| v.to_str().ok())
        .expect("moto's code header")
        .to_string()
}

#[tokio::test]
async fn forgot_password_with_the_emailed_code_signs_in_with_the_new_password() {
    let (pool, username) = pool_user(false).await;
    let app = spawn_for_pool(pool.clone(), "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;
    assert!(page.html.contains("Forgot your password?"));

    let forgot = app.get(&client, &format!("{}/forgot", page.url)).await;
    let response = app
        .post(
            &client,
            &forgot,
            &format!("{}/forgot", page.url),
            &[("username", &username)],
        )
        .await;
    let reset = app.follow(&client, response).await;
    assert!(reset.html.contains("we sent a code"), "{}", reset.html);
    let moto_code = moto_reset_code(&pool, &username).await;
    let action = format!("{}/reset", page.url);

    // A wrong code (in moto's format, so moto checks it) stays on the page.
    let wrong = app
        .post(
            &client,
            &reset,
            &action,
            &[
                ("code", "moto-confirmation-code:000000"),
                ("new_password", "Another-pass-3"),
            ],
        )
        .await;
    let html = wrong.text().await.expect("html");
    // moto calls a wrong reset code expired (Cognito says CodeMismatch: see the stand-in tests).
    assert!(html.contains("That code has expired"), "{html}");
    no_code_in(&html);

    let response = app
        .post(
            &client,
            &reset,
            &action,
            &[("code", &moto_code), ("new_password", "Another-pass-3")],
        )
        .await;
    app.code_from(&request, &response);
}

#[tokio::test]
async fn forgot_password_for_an_unknown_user_looks_the_same() {
    let (pool, _) = pool_user(false).await;
    let app = spawn_for_pool(pool, "").await;
    let client = browser();
    let page = app.open(&client, &pool_request("poolapp")).await;
    let forgot = app.get(&client, &format!("{}/forgot", page.url)).await;
    let response = app
        .post(
            &client,
            &forgot,
            &format!("{}/forgot", page.url),
            &[("username", "nobody-at-all")],
        )
        .await;
    let reset = app.follow(&client, response).await;
    assert!(
        reset.html.contains("If the account exists"),
        "{}",
        reset.html
    );
}

// ------------------------------------------------------------------ passthrough

#[tokio::test]
async fn passthrough_apps_get_the_pools_own_tokens_that_the_pool_accepts() {
    let (pool, username) = pool_user(true).await;
    let app = spawn_for_pool(pool.clone(), "").await;
    let client = browser();
    let request = pool_request("passapp");
    let tokens = app.login(&client, &request, &username, PASSWORD).await;

    // The pool's own tokens: its issuer, its client id.
    let id = claims(tokens["id_token"].as_str().expect("id"));
    assert_eq!(id["iss"], pool.issuer().as_str());
    assert_eq!(id["aud"], pool.client_id.as_str());
    assert!(tokens["expires_in"].as_u64().expect("expires_in") > 0);

    // GetUser accepts the access token: it is a real pool token.
    let access = tokens["access_token"].as_str().expect("access");
    let user = moto::idp_client()
        .await
        .get_user()
        .access_token(access)
        .send()
        .await
        .expect("GetUser accepts the passthrough access token");
    assert_eq!(user.username(), username);

    // Refreshed through authgate (REFRESH_TOKEN_AUTH with SECRET_HASH): new pool tokens.
    let refresh = tokens["refresh_token"].as_str().expect("refresh");
    let refreshed = app.app.refresh("passapp", refresh).await;
    assert_eq!(refreshed.status(), StatusCode::OK);
    let refreshed: Value = refreshed.json().await.expect("json");
    let new_access = refreshed["access_token"].as_str().expect("access");
    assert_ne!(new_access, access);
    moto::idp_client()
        .await
        .get_user()
        .access_token(new_access)
        .send()
        .await
        .expect("GetUser accepts the refreshed token");

    // Another app cannot use it, and revocation ends it.
    let stolen = app.app.refresh("poolapp", refresh).await;
    assert_eq!(error_code(stolen).await.1, "invalid_grant");
    let after = app.app.refresh("passapp", refresh).await;
    assert_eq!(
        error_code(after).await.1,
        "invalid_grant",
        "a token presented by the wrong app is revoked for everyone"
    );
}

#[tokio::test]
async fn a_passthrough_refresh_token_can_be_revoked() {
    let (pool, username) = pool_user(false).await;
    let app = spawn_for_pool(pool, "").await;
    let client = browser();
    let request = pool_request("passapp");
    let tokens = app.login(&client, &request, &username, PASSWORD).await;
    let refresh = tokens["refresh_token"].as_str().expect("refresh");

    let revoked = Client::new()
        .post(app.app.url("/oauth2/revoke"))
        .form(&[("client_id", "passapp"), ("token", refresh)])
        .send()
        .await
        .expect("revoke");
    assert_eq!(revoked.status(), StatusCode::OK);
    let after = app.app.refresh("passapp", refresh).await;
    assert_eq!(error_code(after).await.1, "invalid_grant");
}

#[tokio::test]
async fn a_passthrough_app_with_a_non_pool_provider_is_refused_at_start_up() {
    let extra = r#"
[[apps]]
client_id = "badpass"
name = "Bad"
redirect_uris = ["badpass://cb"]
providers = ["local"]
scopes = ["openid"]
token_mode = "passthrough"
"#;
    let dir = tempfile::tempdir().expect("tmp");
    let config = test_config(&dir, 0, extra);
    let err = authgate::config::Settings::load(
        &config,
        std::iter::empty(),
        &authgate::connectors::PROVIDER_KINDS,
    )
    .expect_err("refused");
    assert!(err.to_string().contains("token_mode"), "{err}");
}
