//! `/account/mfa` and `/account/devices` for a Cognito pool user, through the pages as a
//! browser posts them: authenticator-app setup with a real RFC 6238 code, the preferred factor
//! and MFA off against moto; remembered devices and forgetting one against the Cognito
//! stand-in (moto has no devices). And the refusals: a wrong or malformed code, too many wrong
//! codes, a form without its CSRF token, an old sign-in, an unknown device, a local user.

use crate::support::app::*;
use crate::support::cognito_standin::{CognitoStandin, UserOptions};
use crate::support::moto::{self, Pool};
use crate::support::pool::{
    PASSWORD, POOL_APP, PoolApp, TracedBinary, audited, pool_request, spawn_for_endpoint,
    spawn_for_pool, totp_code, traced_binary_before_moto,
};
use reqwest::{Client, StatusCode};

/// A moto pool with one user, authgate in front of it (`extra`: more config), and a browser
/// signed in as that user.
async fn moto_signed_in(extra: &str) -> (PoolApp, Pool, String, Client) {
    let pool = moto::create_pool(false).await;
    let username = format!("mfa{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    moto::create_user(&pool, &username, PASSWORD).await;
    let app = spawn_for_pool(pool.clone(), extra).await;
    let client = browser();
    app.login(&client, &pool_request("poolapp"), &username, PASSWORD)
        .await;
    (app, pool, username, client)
}

async fn moto_user(
    pool: &Pool,
    username: &str,
) -> aws_sdk_cognitoidentityprovider::operation::admin_get_user::AdminGetUserOutput {
    moto::idp_client()
        .await
        .admin_get_user()
        .user_pool_id(&pool.id)
        .username(username)
        .send()
        .await
        .expect("AdminGetUser")
}

/// The text of `<dd class="secret">…</dd>`: the key the setup page shows.
fn shown_secret(html: &str) -> String {
    let start = html
        .find(r#"<dd class="secret">"#)
        .expect("a key on the page")
        + 19;
    html[start..start + html[start..].find('<').expect("end")].to_string()
}

async fn post_form(
    app: &PoolApp,
    client: &Client,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.app.url(path))
        .form(form)
        .send()
        .await
        .expect("post")
}

#[tokio::test]
async fn an_authenticator_app_is_set_up_on_the_page_with_a_real_code_after_a_wrong_one() {
    // Arrange
    let (app, pool, username, client) = moto_signed_in("").await;
    let page = app.get(&client, "/account/mfa").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    assert!(page.html.contains(r#"data-factor="totp""#), "{}", page.html);
    assert!(page.html.contains(r#"action="/account/mfa/setup""#));

    // Act: the secret, a wrong code, a form without its CSRF token, then the right code.
    let setup = app.post(&client, &page, "/account/mfa/setup", &[]).await;
    assert_eq!(setup.status(), StatusCode::OK);
    let setup_html = setup.text().await.unwrap();
    let secret = shown_secret(&setup_html);
    assert!(
        setup_html.contains("data:image/svg+xml;base64,"),
        "a QR code"
    );
    let csrf = input_value(&setup_html, "csrf").unwrap();
    let wrong = post_form(
        &app,
        &client,
        "/account/mfa/verify",
        &[("csrf", &csrf), ("code", "000000")],
    )
    .await;
    let wrong_status = wrong.status();
    let wrong_html = wrong.text().await.unwrap();
    let forged = post_form(
        &app,
        &client,
        "/account/mfa/verify",
        &[("code", &totp_code(&secret))],
    )
    .await;
    let forged_status = forged.status();
    let after_refusals = moto_user(&pool, &username).await;
    let right = post_form(
        &app,
        &client,
        "/account/mfa/verify",
        &[("csrf", &csrf), ("code", &totp_code(&secret))],
    )
    .await;

    // Assert
    assert_eq!(wrong_status, StatusCode::BAD_REQUEST);
    assert!(
        wrong_html.contains("That code is not right"),
        "{wrong_html}"
    );
    assert!(wrong_html.contains(r#"aria-invalid="true""#));
    assert_eq!(
        shown_secret(&wrong_html),
        secret,
        "the same key to try again with"
    );
    assert_eq!(
        forged_status,
        StatusCode::FORBIDDEN,
        "no CSRF token, no change"
    );
    assert!(after_refusals.user_mfa_setting_list().is_empty());
    assert_eq!(right.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&right), "/account/mfa?notice=on");
    let user = moto_user(&pool, &username).await;
    assert_eq!(user.preferred_mfa_setting(), Some("SOFTWARE_TOKEN_MFA"));
    assert_eq!(user.user_mfa_setting_list(), ["SOFTWARE_TOKEN_MFA"]);
    let page = app.get(&client, "/account/mfa?notice=on").await;
    assert!(
        page.html.contains("Your authenticator app is set up"),
        "{}",
        page.html
    );
    assert!(page.html.contains("Asked first"));
    assert!(
        !page.html.contains(r#"action="/account/mfa/setup""#),
        "set up already"
    );

    // Text messages asked first instead (moto keeps no phone to refuse it for), the app
    // staying on; a factor the page does not offer changes nothing.
    let sms = app
        .post(
            &client,
            &page,
            "/account/mfa/preference",
            &[("factor", "sms")],
        )
        .await;
    assert_eq!(location(&sms), "/account/mfa?notice=preferred");
    let bogus = app
        .post(
            &client,
            &page,
            "/account/mfa/preference",
            &[("factor", "carrier-pigeon")],
        )
        .await;
    assert_eq!(bogus.status(), StatusCode::BAD_REQUEST);
    let user = moto_user(&pool, &username).await;
    assert_eq!(user.preferred_mfa_setting(), Some("SMS_MFA"));
    let mut on = user.user_mfa_setting_list().to_vec();
    on.sort();
    assert_eq!(on, ["SMS_MFA", "SOFTWARE_TOKEN_MFA"]);

    // And off again, where the pool allows it (moto's optional-MFA pool does).
    let off = app.post(&client, &page, "/account/mfa/off", &[]).await;
    assert_eq!(location(&off), "/account/mfa?notice=off");
    assert!(
        moto_user(&pool, &username)
            .await
            .user_mfa_setting_list()
            .is_empty()
    );
}

#[tokio::test]
async fn wrong_codes_on_the_page_are_throttled_with_the_accounts_other_attempts() {
    // Arrange: two wrong codes allowed per account.
    let (app, pool, username, client) =
        moto_signed_in("[rate_limits]\naccount_attempts_per_user = \"2/15m\"").await;
    let page = app.get(&client, "/account/mfa").await;
    let setup = app.post(&client, &page, "/account/mfa/setup", &[]).await;
    let html = setup.text().await.unwrap();
    let (secret, csrf) = (shown_secret(&html), input_value(&html, "csrf").unwrap());
    let verify = |code: String| {
        let (app, client, csrf) = (&app, &client, csrf.clone());
        async move {
            post_form(
                app,
                client,
                "/account/mfa/verify",
                &[("csrf", &csrf), ("code", &code)],
            )
            .await
        }
    };

    // Act: something that is no code (not counted), two wrong ones, then the right one.
    let not_a_code = verify("12ab".into()).await.status();
    let first = verify("000000".into()).await.status();
    let second = verify("111111".into()).await.status();
    let throttled = verify(totp_code(&secret)).await;

    // Assert
    assert_eq!(not_a_code, StatusCode::BAD_REQUEST);
    assert_eq!(
        (first, second),
        (StatusCode::BAD_REQUEST, StatusCode::BAD_REQUEST)
    );
    assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(
        throttled
            .text()
            .await
            .unwrap()
            .contains("Too many wrong codes")
    );
    assert!(
        moto_user(&pool, &username)
            .await
            .user_mfa_setting_list()
            .is_empty(),
        "the throttled code never reached the pool"
    );
}

#[tokio::test]
async fn an_old_sign_in_signs_in_again_before_an_mfa_change() {
    // Arrange: a sign-in an hour old.
    let (app, pool, username, client) = moto_signed_in("").await;
    edit_sso_sessions(&app, &pool, &username, |sso| sso.auth_time -= 3600).await;
    let page = app.get(&client, "/account/mfa").await;
    assert_eq!(
        page.status,
        StatusCode::OK,
        "looking needs no fresh sign-in"
    );

    // Act
    let response = app.post(&client, &page, "/account/mfa/setup", &[]).await;

    // Assert
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let authorize = location(&response);
    assert!(authorize.starts_with("/oauth2/authorize?"), "{authorize}");
    assert_eq!(query_param(&authorize, "prompt").as_deref(), Some("login"));
    assert_eq!(
        query_param(&authorize, "login_hint").as_deref(),
        Some(username.as_str())
    );
}

/// The browser's SSO sessions of the moto `username`, changed by `edit` and stored back.
async fn edit_sso_sessions(
    app: &PoolApp,
    pool: &Pool,
    username: &str,
    edit: impl Fn(&mut authgate::store::SsoSession),
) {
    let user = moto_user(pool, username).await;
    let sub = user
        .user_attributes()
        .iter()
        .find(|a| a.name() == "sub")
        .and_then(|a| a.value())
        .expect("sub")
        .to_string();
    let now = time::OffsetDateTime::now_utc();
    let found = app
        .app
        .store()
        .user_sessions("pool", &sub, now)
        .await
        .unwrap();
    assert_eq!(found.sso_sessions.len(), 1);
    for sso in found.sso_sessions {
        let mut record = sso.record;
        edit(&mut record);
        app.app
            .store()
            .put_sso_session(&sso.id, &record, sso.expires_at)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn without_a_usable_pool_token_the_pages_sign_in_again_first() {
    // Arrange: a sign-in whose kept pool token is gone (as one past its expiry would be).
    let (app, pool, username, client) = moto_signed_in("").await;
    edit_sso_sessions(&app, &pool, &username, |sso| {
        sso.identity.upstream_tokens = None;
    })
    .await;

    // Act
    let mfa = app.app.get(&client, "/account/mfa").await;
    let devices = app.app.get(&client, "/account/devices").await;

    // Assert
    for response in [mfa, devices] {
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let authorize = location(&response);
        assert!(authorize.starts_with("/oauth2/authorize?"), "{authorize}");
        assert_eq!(query_param(&authorize, "prompt").as_deref(), Some("login"));
    }
}

#[tokio::test]
async fn a_local_user_is_told_where_the_account_is_kept_and_nothing_is_changed() {
    // Arrange
    let app = spawn_app().await;
    app.login(&app.browser, &Authorize::native()).await;

    // Act
    let mfa = app.get(&app.browser, "/account/mfa").await;
    let mfa_status = mfa.status();
    let mfa_html = mfa.text().await.unwrap();
    let devices = app.get(&app.browser, "/account/devices").await;
    let devices_status = devices.status();
    let devices_html = devices.text().await.unwrap();
    // The account page's token: the MFA page has no form to take one from.
    let account = app
        .get(&app.browser, "/account")
        .await
        .text()
        .await
        .unwrap();
    // Only a pool user's /account links the change pages; a local user's says where the
    // account is kept instead (the pages still answer it, above).
    assert!(
        !account.contains(r#"href="/account/mfa""#),
        "no link to a page with nothing to change"
    );
    let csrf = input_value(&account, "csrf").unwrap();
    let posted = app
        .browser
        .post(app.url("/account/mfa/setup"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    let posted_status = posted.status();
    let posted_html = posted.text().await.unwrap();

    // Assert
    for (status, html) in [
        (mfa_status, &mfa_html),
        (devices_status, &devices_html),
        (posted_status, &posted_html),
    ] {
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("managed for you by the service"), "{html}");
        assert!(!html.contains("/account/mfa/setup\""), "no setup form");
        assert!(!html.contains("data-device="));
    }
}

// ----------------------------------------------------------------------- the Cognito stand-in

#[tokio::test]
async fn a_remembered_device_is_listed_and_forgotten_on_the_page_and_asked_for_mfa_again() {
    // Arrange: a sign-in that remembers this browser's device (MFA answered once).
    let standin = CognitoStandin::start().await;
    standin.add_user("dana", PASSWORD, UserOptions::default().totp("424242"));
    let pool = Pool {
        id: standin.pool_id().to_string(),
        client_id: standin.secret_client_id().to_string(),
        client_secret: Some(standin.client_secret().to_string()),
    };
    let app = spawn_for_endpoint(pool, standin.endpoint(), "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;
    let response = app
        .sign_in_form(&client, &page, "dana", PASSWORD, true)
        .await;
    let mfa = app.follow(&client, response).await;
    let response = app
        .post(
            &client,
            &mfa,
            &format!("{}/challenge", page.url),
            &[("answer", "424242")],
        )
        .await;
    app.code_from(&request, &response);

    // Act
    let listed = app.get(&client, "/account/devices").await;
    let key = {
        let start = listed.html.find(r#"data-device=""#).expect("a device") + 13;
        listed.html[start..start + listed.html[start..].find('"').unwrap()].to_string()
    };
    let no_csrf = post_form(
        &app,
        &client,
        "/account/devices/forget",
        &[("device", &key)],
    )
    .await
    .status();
    let unknown = app
        .post(
            &client,
            &listed,
            "/account/devices/forget",
            &[("device", "us-east-1_not-a-device")],
        )
        .await;
    let unknown_status = unknown.status();
    let unknown_html = unknown.text().await.unwrap();
    let still_there = standin.device(&key).is_some();
    let forgotten = app
        .post(
            &client,
            &listed,
            "/account/devices/forget",
            &[("device", &key)],
        )
        .await;

    // Assert
    assert_eq!(listed.status, StatusCode::OK);
    assert!(listed.html.contains("Last used"), "{}", listed.html);
    assert_eq!(no_csrf, StatusCode::FORBIDDEN);
    assert_eq!(unknown_status, StatusCode::NOT_FOUND);
    assert!(
        unknown_html.contains("That device is not one of yours"),
        "{unknown_html}"
    );
    assert!(still_there, "the refusals forgot nothing");
    assert_eq!(location(&forgotten), "/account/devices?notice=forgotten");
    assert!(standin.device(&key).is_none(), "the pool forgot it");
    let after = app.get(&client, "/account/devices?notice=forgotten").await;
    assert!(
        after.html.contains("No device is remembered"),
        "{}",
        after.html
    );
    assert!(after.html.contains("The device is forgotten"));
    // The same browser signs in again: its device no longer spares it the code.
    let again = pool_request("poolapp").with("prompt", "login");
    let page = app.open(&client, &again).await;
    let response = app
        .sign_in_form(&client, &page, "dana", PASSWORD, false)
        .await;
    let next = app.follow(&client, response).await;
    assert!(
        next.url.ends_with("/challenge"),
        "asked for MFA again: {}",
        next.url
    );
}

#[tokio::test]
async fn the_pages_mfa_changes_are_audited_and_no_secret_or_token_is_logged_even_at_trace() {
    use crate::account_api::without_colours;
    // Arrange: the real binary at RUST_LOG=trace, in front of moto.
    let TracedBinary {
        server,
        pages,
        username,
        dir: _dir,
    } = traced_binary_before_moto("log", POOL_APP).await;
    let client = browser();
    let tokens = pages
        .login(&client, &pool_request("poolapp"), &username, PASSWORD)
        .await;

    // Act: the setup, a wrong code, the right one.
    let page = pages.get(&client, "/account/mfa").await;
    let setup = pages.post(&client, &page, "/account/mfa/setup", &[]).await;
    let html = setup.text().await.unwrap();
    let (secret, csrf) = (shown_secret(&html), input_value(&html, "csrf").unwrap());
    let verify = |code: String| {
        let (pages, client, csrf) = (&pages, &client, csrf.clone());
        async move {
            post_form(
                pages,
                client,
                "/account/mfa/verify",
                &[("csrf", &csrf), ("code", &code)],
            )
            .await
            .status()
        }
    };
    assert_eq!(verify("000000".into()).await, StatusCode::BAD_REQUEST);
    assert_eq!(verify(totp_code(&secret)).await, StatusCode::SEE_OTHER);

    // Assert
    let log = without_colours(&server.stop_and_read_log());
    let audited = |operation: &str, outcome: &str| audited(&log, operation, outcome);
    assert!(audited("AssociateSoftwareToken", "ok"));
    assert!(audited("VerifySoftwareToken", "CodeMismatchException"));
    assert!(audited("VerifySoftwareToken", "ok"));
    assert!(audited("SetUserMFAPreference", "ok"));
    assert_not_logged(
        &log,
        [
            ("password", PASSWORD.to_string()),
            ("TOTP secret", secret),
            (
                "access token",
                tokens["access_token"].as_str().unwrap().to_string(),
            ),
            (
                "refresh token",
                tokens["refresh_token"].as_str().unwrap().to_string(),
            ),
        ],
    );
}
