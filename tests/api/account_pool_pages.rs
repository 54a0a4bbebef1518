//! `/account` pages for a Cognito pool user, signed in through the browser: profile editing
//! with a changed email verified by code, password change, account deletion (where
//! allowed), each after a recent enough sign-in where it must be; and the refusals (wrong
//! code, wrong current password, a policy violation, no CSRF token, a stale sign-in, deletion
//! not offered, a local user). Against moto for what it implements (password, attributes) and
//! the Cognito stand-in for the rest (codes, DeleteUser). Also: signing out everywhere kills
//! the AWS credentials endpoint for the old tokens.

use crate::support::app::*;
use crate::support::cognito_standin::{ATTRIBUTE_CODE, CognitoStandin, UserOptions};
use crate::support::moto::{self, Pool};
use crate::support::pool::{
    PASSWORD, POOL_APP, PoolApp, TracedBinary, audited, pool_request, spawn_for_endpoint_edited,
    spawn_for_pool, traced_binary_before_moto,
};
use reqwest::{Client, StatusCode};
use serde_json::Value;

async fn page(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String) {
    let response = app.get(client, path).await;
    (response.status(), response.text().await.expect("html"))
}

/// The CSRF token of `path`'s form, asserted to render.
async fn csrf_of(app: &TestApp, client: &Client, path: &str) -> String {
    let (status, html) = page(app, client, path).await;
    assert_eq!(status, StatusCode::OK, "{path}: {html}");
    input_value(&html, "csrf").expect("csrf")
}

async fn post(
    app: &TestApp,
    client: &Client,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .expect("post")
}

/// A moto pool with one user (verified email), authgate in front, the user signed in
/// through a fresh browser: (app, pool, username, browser, the app's tokens).
async fn moto_signed_in(extra: &str) -> (PoolApp, Pool, String, Client, Value) {
    let pool = moto::create_pool(false).await;
    let username = format!("user{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    moto::create_user(&pool, &username, PASSWORD).await;
    let app = spawn_for_pool(pool.clone(), extra).await;
    let client = browser();
    let tokens = app
        .login(&client, &pool_request("poolapp"), &username, PASSWORD)
        .await;
    (app, pool, username, client, tokens)
}

async fn moto_accepts(pool: &Pool, username: &str, password: &str) -> bool {
    moto::idp_client()
        .await
        .initiate_auth()
        .client_id(&pool.client_id)
        .auth_flow(aws_sdk_cognitoidentityprovider::types::AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", username)
        .auth_parameters("PASSWORD", password)
        .send()
        .await
        .is_ok()
}

async fn moto_attribute(pool: &Pool, username: &str, name: &str) -> Option<String> {
    moto::idp_client()
        .await
        .admin_get_user()
        .user_pool_id(&pool.id)
        .username(username)
        .send()
        .await
        .expect("AdminGetUser")
        .user_attributes()
        .iter()
        .find(|a| a.name() == name)
        .and_then(|a| a.value().map(str::to_string))
}

/// Makes every SSO session of the pool user `sub` look signed in an hour ago.
async fn age_sign_in(app: &TestApp, sub: &str) {
    let now = time::OffsetDateTime::now_utc();
    let found = app.store().user_sessions("pool", sub, now).await.unwrap();
    assert!(!found.sso_sessions.is_empty(), "no SSO session of {sub}");
    for sso in found.sso_sessions {
        let mut record = sso.record;
        record.auth_time -= 3600;
        app.store()
            .put_sso_session(&sso.id, &record, sso.expires_at)
            .await
            .unwrap();
    }
}

fn assert_sent_to_sign_in_again(response: &reqwest::Response) {
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let authorize = location(response);
    assert!(authorize.starts_with("/oauth2/authorize?"), "{authorize}");
    assert_eq!(query_param(&authorize, "prompt").as_deref(), Some("login"));
    assert_eq!(
        query_param(&authorize, "identity_provider").as_deref(),
        Some("pool")
    );
}

// ------------------------------------------------------------------------------------ moto

#[tokio::test]
async fn a_pool_user_changes_the_password_after_a_wrong_one_a_weak_one_and_a_mismatch() {
    let (app, pool, username, client, _) = moto_signed_in("").await;
    let app_ = &app.app;
    let (status, account) = page(app_, &client, "/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(account.contains(r#"href="/account/password""#), "{account}");
    assert!(account.contains(r#"href="/account/profile""#));
    assert!(account.contains(r#"href="/account/mfa""#));
    assert!(account.contains(r#"href="/account/devices""#));
    assert!(
        !account.contains(r#"href="/account/delete""#),
        "not offered by default"
    );
    let (_, form) = page(app_, &client, "/account/password").await;
    // (The pool's rules need DescribeUserPool with authgate's own AWS credentials, which an
    // in-process test has none of: the rules partial is the sign-up pages', tested there.)
    assert!(
        form.contains(r#"autocomplete="current-password""#),
        "{form}"
    );
    let csrf = input_value(&form, "csrf").unwrap();
    let change = |current: &'static str, new: &'static str, again: &'static str, csrf: String| {
        let client = client.clone();
        async move {
            post(
                app_,
                &client,
                "/account/password",
                &[
                    ("csrf", &csrf),
                    ("current_password", current),
                    ("new_password", new),
                    ("confirm_password", again),
                ],
            )
            .await
        }
    };

    let wrong = change(
        "Wrong-horse-9",
        "Another-horse-2",
        "Another-horse-2",
        csrf.clone(),
    )
    .await;
    let weak = change(PASSWORD, "weakweak", "weakweak", csrf.clone()).await;
    let mismatch = change(PASSWORD, "Another-horse-2", "Another-horse-3", csrf.clone()).await;
    let no_csrf = change(
        PASSWORD,
        "Another-horse-2",
        "Another-horse-2",
        String::new(),
    )
    .await;

    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("Your current password is not right.")
    );
    assert_eq!(weak.status(), StatusCode::BAD_REQUEST);
    let weak = weak.text().await.unwrap();
    assert!(
        weak.contains(r#"role="alert""#) && !weak.contains("weakweak"),
        "{weak}"
    );
    assert_eq!(mismatch.status(), StatusCode::BAD_REQUEST);
    assert!(
        mismatch
            .text()
            .await
            .unwrap()
            .contains("The two new passwords are not the same.")
    );
    assert_eq!(no_csrf.status(), StatusCode::FORBIDDEN);
    assert!(
        moto_accepts(&pool, &username, PASSWORD).await,
        "nothing changed yet"
    );

    let done = change(PASSWORD, "Another-horse-2", "Another-horse-2", csrf).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&done), "/account?notice=password");
    assert!(moto_accepts(&pool, &username, "Another-horse-2").await);
    assert!(!moto_accepts(&pool, &username, PASSWORD).await);
    let (_, account) = page(app_, &client, "/account?notice=password").await;
    assert!(account.contains("Your password is changed."));
}

#[tokio::test]
async fn the_password_page_in_german_says_the_broken_rule_in_german() {
    let (app, _pool, _username, client, _) = moto_signed_in("").await;
    let app_ = &app.app;
    let form = client
        .get(app_.url("/account/password"))
        .header("Accept-Language", "de")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = input_value(&form, "csrf").unwrap();
    let response = client
        .post(app_.url("/account/password"))
        .header("Accept-Language", "de")
        .form(&[
            ("csrf", csrf.as_str()),
            ("current_password", "Wrong-horse-9"),
            ("new_password", "Another-horse-2"),
            ("confirm_password", "Another-horse-2"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("Ihr aktuelles Passwort ist nicht richtig."),
        "{html}"
    );
    assert!(form.contains("Passwort ändern"));
}

#[tokio::test]
async fn a_stale_sign_in_signs_in_again_before_the_password_page() {
    let (app, pool, username, client, _) = moto_signed_in("").await;
    let sub = moto_attribute(&pool, &username, "sub").await.expect("sub");
    let csrf = csrf_of(&app.app, &client, "/account").await;
    age_sign_in(&app.app, &sub).await;

    let get = app.app.get(&client, "/account/password").await;
    let post = post(
        &app.app,
        &client,
        "/account/password",
        &[
            ("csrf", &csrf),
            ("current_password", PASSWORD),
            ("new_password", "Another-horse-2"),
            ("confirm_password", "Another-horse-2"),
        ],
    )
    .await;

    assert_sent_to_sign_in_again(&get);
    assert_sent_to_sign_in_again(&post);
    assert!(moto_accepts(&pool, &username, PASSWORD).await, "unchanged");
}

#[tokio::test]
async fn a_changed_name_is_saved_at_moto_and_a_changed_email_goes_to_the_code_page() {
    let (app, pool, username, client, _) = moto_signed_in("").await;
    let app_ = &app.app;
    let (_, form) = page(app_, &client, "/account/profile").await;
    assert!(
        form.contains(&format!(r#"value="{username}@example.com""#)),
        "{form}"
    );
    assert!(form.contains(r#"data-verified="email""#), "{form}");
    let csrf = input_value(&form, "csrf").unwrap();

    let unchanged = post(app_, &client, "/account/profile", &[("csrf", &csrf)]).await;
    let named = post(
        app_,
        &client,
        "/account/profile",
        &[("csrf", &csrf), ("given_name", "Gia")],
    )
    .await;
    let no_csrf = post(
        app_,
        &client,
        "/account/profile",
        &[("given_name", "Mallory")],
    )
    .await;
    let email = post(
        app_,
        &client,
        "/account/profile",
        &[("csrf", &csrf), ("email", "new@example.org")],
    )
    .await;

    assert_eq!(location(&unchanged), "/account/profile?notice=unchanged");
    assert_eq!(location(&named), "/account/profile?notice=saved");
    assert_eq!(no_csrf.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        moto_attribute(&pool, &username, "given_name")
            .await
            .as_deref(),
        Some("Gia")
    );
    assert_eq!(location(&email), "/account/verify?attribute=email");
    assert_eq!(
        moto_attribute(&pool, &username, "email").await.as_deref(),
        Some("new@example.org")
    );
    let (status, code_page) = page(app_, &client, "/account/verify?attribute=email").await;
    assert_eq!(status, StatusCode::OK);
    assert!(code_page.contains(r#"name="code""#), "{code_page}");
    let (status, _) = page(app_, &client, "/account/verify?attribute=sub").await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "only email and phone_number"
    );
}

// ---------------------------------------------------------------------- the Cognito stand-in

/// The base config's `[account]` table with `allow_delete` set.
fn with_deletion(config: String) -> String {
    let table = "[account]\n";
    assert!(config.contains(table));
    config.replacen(table, "[account]\nallow_delete = true\n", 1)
}

async fn standin_signed_in(
    standin: &CognitoStandin,
    extra: &str,
    allow_delete: bool,
    username: &str,
    options: UserOptions,
) -> (PoolApp, String, Client, Value) {
    let sub = standin.add_user(username, PASSWORD, options);
    let pool = Pool {
        id: standin.pool_id().to_string(),
        client_id: standin.secret_client_id().to_string(),
        client_secret: Some(standin.client_secret().to_string()),
    };
    let edit = if allow_delete {
        with_deletion
    } else {
        std::convert::identity
    };
    let app = spawn_for_endpoint_edited(pool, standin.endpoint(), extra, edit).await;
    let client = browser();
    let tokens = app
        .login(&client, &pool_request("poolapp"), username, PASSWORD)
        .await;
    (app, sub, client, tokens)
}

#[tokio::test]
async fn a_changed_email_counts_once_its_code_is_entered_and_wrong_codes_are_throttled() {
    let standin = CognitoStandin::start().await;
    let (app, _sub, client, _) = standin_signed_in(
        &standin,
        "[rate_limits]\naccount_attempts_per_user = \"2/15m\"",
        false,
        "erin",
        UserOptions::default().email("erin@example.com"),
    )
    .await;
    let app_ = &app.app;
    let csrf = csrf_of(app_, &client, "/account/profile").await;

    let saved = post(
        app_,
        &client,
        "/account/profile",
        &[("csrf", &csrf), ("email", "erin.new@example.org")],
    )
    .await;
    assert_eq!(location(&saved), "/account/verify?attribute=email");
    let (_, form) = page(app_, &client, "/account/profile").await;
    assert!(form.contains(r#"value="erin.new@example.org""#), "{form}");
    assert!(
        form.contains(r#"data-unverified="email""#),
        "unverified until the code: {form}"
    );
    let verify = |code: &'static str, csrf: String| {
        let client = client.clone();
        async move {
            post(
                app_,
                &client,
                "/account/verify",
                &[("csrf", &csrf), ("attribute", "email"), ("code", code)],
            )
            .await
        }
    };
    let no_csrf = verify(ATTRIBUTE_CODE, String::new()).await;
    assert_eq!(no_csrf.status(), StatusCode::FORBIDDEN);
    let resent = post(
        app_,
        &client,
        "/account/verify/resend",
        &[("csrf", &csrf), ("attribute", "email")],
    )
    .await;
    assert_eq!(
        location(&resent),
        "/account/verify?attribute=email&notice=sent"
    );
    assert_eq!(
        standin
            .requests_to("GetUserAttributeVerificationCode")
            .len(),
        1
    );

    let wrong = verify("000000", csrf.clone()).await;
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("That code is not right.")
    );
    let (_, form) = page(app_, &client, "/account/profile").await;
    assert!(form.contains(r#"data-unverified="email""#));
    let right = verify(ATTRIBUTE_CODE, csrf.clone()).await;
    assert_eq!(location(&right), "/account/profile?notice=verified");
    let (_, form) = page(app_, &client, "/account/profile?notice=verified").await;
    assert!(form.contains(r#"data-verified="email""#), "{form}");
    assert!(form.contains("Verified. Thank you."));
    let (_, account) = page(app_, &client, "/account").await;
    assert!(
        account.contains("erin.new@example.org"),
        "the pool's news: {account}"
    );

    // Two wrong codes fill the window; the third attempt never reaches the pool.
    assert_eq!(
        verify("111111", csrf.clone()).await.status(),
        StatusCode::BAD_REQUEST
    );
    let before = standin.requests_to("VerifyUserAttribute").len();
    let limited = verify(ATTRIBUTE_CODE, csrf).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(standin.requests_to("VerifyUserAttribute").len(), before);
}

#[tokio::test]
async fn a_deleted_account_is_gone_at_the_pool_with_every_session_here() {
    let standin = CognitoStandin::start().await;
    let (app, sub, client, tokens) =
        standin_signed_in(&standin, "", true, "fred", UserOptions::default()).await;
    let app_ = &app.app;
    let other = app
        .login(&browser(), &pool_request("poolapp"), "fred", PASSWORD)
        .await;
    let (_, account) = page(app_, &client, "/account").await;
    assert!(account.contains(r#"href="/account/delete""#));
    let (status, confirm) = page(app_, &client, "/account/delete").await;
    assert_eq!(status, StatusCode::OK);
    assert!(confirm.contains("Delete my account"), "{confirm}");
    let csrf = input_value(&confirm, "csrf").unwrap();

    let no_csrf = post(app_, &client, "/account/delete", &[]).await;
    assert_eq!(no_csrf.status(), StatusCode::FORBIDDEN);
    age_sign_in(app_, &sub).await;
    let stale = post(app_, &client, "/account/delete", &[("csrf", &csrf)]).await;
    assert_sent_to_sign_in_again(&stale);
    assert!(
        standin.requests_to("DeleteUser").is_empty(),
        "nothing deleted yet"
    );
    // Signed in afresh (the same user, a new browser): the deletion goes through.
    let fresh = browser();
    app.login(&fresh, &pool_request("poolapp"), "fred", PASSWORD)
        .await;
    let csrf = csrf_of(app_, &fresh, "/account/delete").await;
    let done = post(app_, &fresh, "/account/delete", &[("csrf", &csrf)]).await;

    assert_eq!(done.status(), StatusCode::OK, "the signed-out page");
    assert_eq!(standin.requests_to("DeleteUser").len(), 1);
    for t in [&tokens, &other] {
        let access = t["access_token"].as_str().unwrap();
        assert_eq!(
            app_.userinfo(access).await.status(),
            StatusCode::UNAUTHORIZED
        );
        let refresh = t["refresh_token"].as_str().unwrap();
        assert_eq!(
            app_.refresh("poolapp", refresh).await.status(),
            StatusCode::BAD_REQUEST
        );
    }
    for c in [&client, &fresh] {
        let response = app_.get(c, "/account").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "signed out");
    }
}

#[tokio::test]
async fn deletion_not_offered_is_a_403_page_and_reaches_no_pool() {
    let standin = CognitoStandin::start().await;
    let (app, _sub, client, tokens) =
        standin_signed_in(&standin, "", false, "gil", UserOptions::default()).await;
    let app_ = &app.app;
    let csrf = csrf_of(app_, &client, "/account").await;

    let (status, html) = page(app_, &client, "/account/delete").await;
    let post = post(app_, &client, "/account/delete", &[("csrf", &csrf)]).await;

    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        html.contains("Deleting your account is not offered here."),
        "{html}"
    );
    assert_eq!(post.status(), StatusCode::FORBIDDEN);
    assert!(standin.requests_to("DeleteUser").is_empty());
    let access = tokens["access_token"].as_str().unwrap();
    assert_eq!(app_.userinfo(access).await.status(), StatusCode::OK);
}

// -------------------------------------------------------------------------------- local users

#[tokio::test]
async fn a_local_users_profile_stays_read_only() {
    let app = spawn_app_edited("", with_deletion).await;
    app.login(&app.browser, &Authorize::native()).await;
    let csrf = csrf_of(&app, &app.browser, "/account").await;
    let (_, account) = page(&app, &app.browser, "/account").await;

    assert!(!account.contains(r#"href="/account/profile""#), "{account}");
    assert!(account.contains("managed for you by the service"));
    for path in ["/account/profile", "/account/password", "/account/delete"] {
        let (status, html) = page(&app, &app.browser, path).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        assert!(
            html.contains("This account cannot be changed here"),
            "{html}"
        );
        let response = post(&app, &app.browser, path, &[("csrf", &csrf)]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "POST {path}");
    }
    // Still signed in: nothing was ended.
    assert_eq!(
        app.get(&app.browser, "/account").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn page_changes_are_audited_without_a_password_or_a_new_address_even_at_trace() {
    // Arrange: the real binary at RUST_LOG=trace, in front of moto.
    let TracedBinary {
        server,
        pages,
        username,
        dir: _dir,
    } = traced_binary_before_moto("user", POOL_APP).await;
    let app = &pages.app;
    let client = browser();
    pages
        .login(&client, &pool_request("poolapp"), &username, PASSWORD)
        .await;
    let csrf = csrf_of(app, &client, "/account/password").await;

    // Act: a refused and an accepted password change, a new email.
    for current in ["Wrong-horse-9", PASSWORD] {
        post(
            app,
            &client,
            "/account/password",
            &[
                ("csrf", &csrf),
                ("current_password", current),
                ("new_password", "Another-horse-2"),
                ("confirm_password", "Another-horse-2"),
            ],
        )
        .await;
    }
    let saved = post(
        app,
        &client,
        "/account/profile",
        &[("csrf", &csrf), ("email", "secret.new@example.org")],
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    // Assert
    let log = crate::account_api::without_colours(&server.stop_and_read_log());
    let audited = |operation: &str, outcome: &str| audited(&log, operation, outcome);
    assert!(
        audited("ChangePassword", "NotAuthorizedException"),
        "{}",
        log.lines()
            .filter(|l| l.contains("account_change"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(audited("ChangePassword", "ok"));
    assert!(audited("UpdateUserAttributes", "ok"));
    assert_not_logged(
        &log,
        [
            ("password", PASSWORD.to_string()),
            ("wrong password", "Wrong-horse-9".to_string()),
            ("new password", "Another-horse-2".to_string()),
            ("new email", "secret.new@example.org".to_string()),
        ],
    );
}
