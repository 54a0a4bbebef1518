//! A Cognito pool user's own account through authgate's user-pool API (`POST /`), driven by
//! the real AWS SDK for Rust as an app calls it (unsigned, `endpoint_url` at authgate), with
//! authgate's own access tokens (the pool token kept with the session is what reaches the pool)
//! and, where said, a passthrough app's pool tokens.
//!
//! Against moto: password change, TOTP setup with a real RFC 6238 code, attribute change,
//! GlobalSignOut. Against the Cognito stand-in (`support/cognito_standin`), for what moto does
//! not implement (VerifyUserAttribute, GetUserAttributeVerificationCode, ListDevices,
//! DeleteUser, and moto's UpdateUserAttributes sends no code): the verified email change,
//! devices, account deletion, and that refused tokens reach no pool.

use crate::cognito_api::sdk;
use crate::support::app::*;
use crate::support::cognito_standin::{ATTRIBUTE_CODE, CognitoStandin, UserOptions};
use crate::support::moto::{self, Pool};
use crate::support::pool::{
    PASSWORD, PoolApp, TracedBinary, audited, pool_request, spawn_for_endpoint, spawn_for_pool,
    totp_code, traced_binary_before_moto,
};
use aws_sdk_cognitoidentityprovider as idp;
use idp::error::ProvideErrorMetadata;
use idp::types::AttributeType;
use reqwest::StatusCode;
use serde_json::Value;

/// A broker app whose users may manage their account (Cognito's admin scope).
const ACCOUNT_APP: &str = r#"
[[apps]]
client_id = "accountapp"
name = "Account app"
redirect_uris = ["accountapp://cb"]
providers = ["pool"]
scopes = ["openid", "email", "profile", "aws.cognito.signin.user.admin"]
"#;

const SCOPE: &str = "openid email aws.cognito.signin.user.admin";

fn request() -> Authorize {
    pool_request("accountapp").with("scope", SCOPE)
}

/// authgate's tokens for a fresh sign-in of `username` in a new browser.
async fn sign_in(app: &PoolApp, username: &str, password: &str) -> Value {
    app.login(&browser(), &request(), username, password).await
}

fn field<'a>(tokens: &'a Value, name: &str) -> &'a str {
    tokens[name].as_str().expect(name)
}

fn attr(name: &str, value: &str) -> AttributeType {
    moto::attr(name, value)
}

/// A moto pool with one user, and authgate in front of it.
async fn moto_app() -> (PoolApp, Pool, String) {
    let pool = moto::create_pool(false).await;
    let username = format!("user{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    moto::create_user(&pool, &username, PASSWORD).await;
    let app = spawn_for_pool(pool.clone(), ACCOUNT_APP).await;
    (app, pool, username)
}

/// Signs in at moto directly (USER_PASSWORD_AUTH): whether the password is the user's.
async fn moto_accepts(pool: &Pool, username: &str, password: &str) -> bool {
    moto::idp_client()
        .await
        .initiate_auth()
        .client_id(&pool.client_id)
        .auth_flow(idp::types::AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", username)
        .auth_parameters("PASSWORD", password)
        .send()
        .await
        .is_ok()
}

async fn userinfo_status(app: &TestApp, access: &str) -> StatusCode {
    app.userinfo(access).await.status()
}

async fn refresh_status(app: &TestApp, client_id: &str, refresh: &str) -> StatusCode {
    app.refresh(client_id, refresh).await.status()
}

// ------------------------------------------------------------------------------------ moto

/// Each of these sign-ins' access tokens is refused at userInfo and its refresh token at the
/// token endpoint.
async fn assert_dead(app: &TestApp, sign_ins: &[&Value]) {
    for tokens in sign_ins {
        assert_eq!(
            userinfo_status(app, field(tokens, "access_token")).await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            refresh_status(app, "accountapp", field(tokens, "refresh_token")).await,
            StatusCode::BAD_REQUEST
        );
    }
}

#[tokio::test]
async fn a_password_change_refuses_a_wrong_current_password_and_a_weak_one_then_takes() {
    // Arrange
    let (app, pool, username) = moto_app().await;
    let tokens = sign_in(&app, &username, PASSWORD).await;
    let access = field(&tokens, "access_token");
    let sdk = sdk(&app.app);
    let change = |previous: &'static str, proposed: &'static str| {
        let sdk = sdk.clone();
        let access = access.to_string();
        async move {
            sdk.change_password()
                .access_token(access)
                .previous_password(previous)
                .proposed_password(proposed)
                .send()
                .await
                .map_err(|e| e.into_service_error())
        }
    };

    // Act / Assert: a wrong current password.
    let e = change("Wrong-horse-1", "Another-horse-2")
        .await
        .expect_err("wrong current password");
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert!(
        !e.message().unwrap_or_default().contains(access),
        "the pool's message quoting the token is not passed on"
    );
    // A new password the pool's policy refuses.
    let e = change(PASSWORD, "short").await.expect_err("too weak");
    assert!(e.is_invalid_password_exception(), "{e:?}");
    assert!(
        e.message()
            .unwrap_or_default()
            .starts_with("Password did not conform with policy"),
        "{e:?}"
    );
    assert!(
        moto_accepts(&pool, &username, PASSWORD).await,
        "unchanged so far"
    );
    // Then the right one.
    change(PASSWORD, "Another-horse-2")
        .await
        .expect("ChangePassword through authgate");
    assert!(moto_accepts(&pool, &username, "Another-horse-2").await);
    assert!(!moto_accepts(&pool, &username, PASSWORD).await);
}

#[tokio::test]
async fn an_authenticator_app_is_set_up_with_a_real_code() {
    // Arrange
    let (app, pool, username) = moto_app().await;
    let tokens = sign_in(&app, &username, PASSWORD).await;
    let access = field(&tokens, "access_token");
    let sdk = sdk(&app.app);

    // Act
    let secret = sdk
        .associate_software_token()
        .access_token(access)
        .send()
        .await
        .expect("AssociateSoftwareToken")
        .secret_code
        .expect("a secret");
    let wrong = sdk
        .verify_software_token()
        .access_token(access)
        .user_code("000000")
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("a wrong code");
    let verified = sdk
        .verify_software_token()
        .access_token(access)
        .user_code(totp_code(&secret))
        .friendly_device_name("phone")
        .send()
        .await
        .expect("VerifySoftwareToken");
    sdk.set_user_mfa_preference()
        .access_token(access)
        .software_token_mfa_settings(
            idp::types::SoftwareTokenMfaSettingsType::builder()
                .enabled(true)
                .preferred_mfa(true)
                .build(),
        )
        .send()
        .await
        .expect("SetUserMFAPreference");

    // Assert
    assert!(wrong.is_code_mismatch_exception(), "{wrong:?}");
    assert_eq!(
        verified.status(),
        Some(&idp::types::VerifySoftwareTokenResponseType::Success)
    );
    let user = moto::idp_client()
        .await
        .admin_get_user()
        .user_pool_id(&pool.id)
        .username(&username)
        .send()
        .await
        .expect("AdminGetUser");
    assert_eq!(user.preferred_mfa_setting(), Some("SOFTWARE_TOKEN_MFA"));
}

#[tokio::test]
async fn attributes_changed_through_authgate_are_the_pools_and_get_user_reads_them_back() {
    // Arrange
    let (app, pool, username) = moto_app().await;
    let tokens = sign_in(&app, &username, PASSWORD).await;
    let access = field(&tokens, "access_token");
    let sdk = sdk(&app.app);

    // Act
    sdk.update_user_attributes()
        .access_token(access)
        .user_attributes(attr("name", "Dana Example"))
        .send()
        .await
        .expect("UpdateUserAttributes");

    // Assert: at the pool, and through GetUser (the pool's answer, not the sign-in's claims).
    let at_pool = moto::idp_client()
        .await
        .admin_get_user()
        .user_pool_id(&pool.id)
        .username(&username)
        .send()
        .await
        .expect("AdminGetUser");
    let name = |attributes: &[AttributeType]| {
        attributes
            .iter()
            .find(|a| a.name() == "name")
            .and_then(|a| a.value().map(str::to_string))
    };
    assert_eq!(
        name(at_pool.user_attributes()).as_deref(),
        Some("Dana Example")
    );
    let user = sdk
        .get_user()
        .access_token(access)
        .send()
        .await
        .expect("GetUser");
    assert_eq!(
        name(user.user_attributes()).as_deref(),
        Some("Dana Example")
    );
}

#[tokio::test]
async fn global_sign_out_ends_every_token_of_the_user_here_and_at_the_pool() {
    // Arrange: two sessions of authgate's app, and one of a passthrough app holding the pool's
    // own tokens.
    let (app, pool, username) = moto_app().await;
    let first = sign_in(&app, &username, PASSWORD).await;
    let second = sign_in(&app, &username, PASSWORD).await;
    let passthrough = app
        .login(&browser(), &pool_request("passapp"), &username, PASSWORD)
        .await;
    let sdk = sdk(&app.app);

    // Act
    sdk.global_sign_out()
        .access_token(field(&first, "access_token"))
        .send()
        .await
        .expect("GlobalSignOut");

    // Assert: every authgate token of the user is dead at userInfo and refresh...
    assert_dead(&app.app, &[&first, &second]).await;
    assert_eq!(
        refresh_status(&app.app, "passapp", field(&passthrough, "refresh_token")).await,
        StatusCode::BAD_REQUEST
    );
    // ...and the pool signed the user out: its own access token no longer works there.
    let e = moto::idp_client()
        .await
        .get_user()
        .access_token(field(&passthrough, "access_token"))
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("the pool's token is revoked");
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert!(
        moto_accepts(&pool, &username, PASSWORD).await,
        "the account stays"
    );
}

#[tokio::test]
async fn a_passthrough_apps_pool_token_is_forwarded_as_it_is() {
    // Arrange
    let (app, _pool, username) = moto_app().await;
    let tokens = app
        .login(&browser(), &pool_request("passapp"), &username, PASSWORD)
        .await;
    let sdk = sdk(&app.app);

    // Act
    let e = sdk
        .change_password()
        .access_token(field(&tokens, "access_token"))
        .previous_password("Wrong-horse-1")
        .proposed_password("Another-horse-2")
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("wrong current password");
    sdk.update_user_attributes()
        .access_token(field(&tokens, "access_token"))
        .user_attributes(attr("name", "Pat"))
        .send()
        .await
        .expect("UpdateUserAttributes with the pool's token");

    // Assert
    assert!(e.is_not_authorized_exception(), "{e:?}");
}

// ----------------------------------------------------------------------- the Cognito stand-in

async fn standin_app(standin: &CognitoStandin) -> PoolApp {
    standin_app_with(standin, "").await
}

/// `provider_extra`: more settings of the pool provider.
async fn standin_app_with(standin: &CognitoStandin, provider_extra: &str) -> PoolApp {
    let pool = Pool {
        id: standin.pool_id().to_string(),
        client_id: standin.secret_client_id().to_string(),
        client_secret: Some(standin.client_secret().to_string()),
    };
    spawn_for_endpoint(
        pool,
        standin.endpoint(),
        &format!("{provider_extra}\n{ACCOUNT_APP}"),
    )
    .await
}

fn attribute(user: &idp::operation::get_user::GetUserOutput, name: &str) -> Option<String> {
    user.user_attributes()
        .iter()
        .find(|a| a.name() == name)
        .and_then(|a| a.value().map(str::to_string))
}

#[tokio::test]
async fn a_changed_email_counts_once_verified_by_its_code() {
    // Arrange
    let standin = CognitoStandin::start().await;
    standin.add_user(
        "erin",
        PASSWORD,
        UserOptions::default().email("erin@example.com"),
    );
    let app = standin_app(&standin).await;
    let tokens = sign_in(&app, "erin", PASSWORD).await;
    let access = field(&tokens, "access_token");
    let sdk = sdk(&app.app);
    let get_user = || async {
        sdk.get_user()
            .access_token(access)
            .send()
            .await
            .expect("GetUser")
    };

    // Act: the new email, sent a code.
    let out = sdk
        .update_user_attributes()
        .access_token(access)
        .user_attributes(attr("email", "erin.new@example.org"))
        .send()
        .await
        .expect("UpdateUserAttributes");

    // Assert: unverified until the code comes back.
    let delivery = &out.code_delivery_details_list()[0];
    assert_eq!(delivery.attribute_name(), Some("email"));
    assert_eq!(delivery.destination(), Some("e***@e***"));
    let user = get_user().await;
    assert_eq!(
        attribute(&user, "email").as_deref(),
        Some("erin.new@example.org")
    );
    assert_eq!(attribute(&user, "email_verified").as_deref(), Some("false"));
    let resent = sdk
        .get_user_attribute_verification_code()
        .access_token(access)
        .attribute_name("email")
        .send()
        .await
        .expect("GetUserAttributeVerificationCode");
    assert_eq!(
        resent
            .code_delivery_details()
            .and_then(|d| d.delivery_medium()),
        Some(&idp::types::DeliveryMediumType::Email)
    );
    let e = sdk
        .verify_user_attribute()
        .access_token(access)
        .attribute_name("email")
        .code("000000")
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("a wrong code");
    assert!(e.is_code_mismatch_exception(), "{e:?}");
    assert_eq!(
        attribute(&get_user().await, "email_verified").as_deref(),
        Some("false")
    );
    sdk.verify_user_attribute()
        .access_token(access)
        .attribute_name("email")
        .code(ATTRIBUTE_CODE)
        .send()
        .await
        .expect("VerifyUserAttribute");
    assert_eq!(
        attribute(&get_user().await, "email_verified").as_deref(),
        Some("true")
    );
    // The pool got the user's own pool token, never authgate's.
    for body in standin.requests_to("VerifyUserAttribute") {
        assert_ne!(body["AccessToken"], access);
    }
}

#[tokio::test]
async fn remembered_devices_are_listed_and_a_forgotten_one_is_asked_for_mfa_again() {
    // Arrange: a sign-in that remembers this browser's device (MFA answered once).
    let standin = CognitoStandin::start().await;
    standin.add_user("dana", PASSWORD, UserOptions::default().totp("424242"));
    let app = standin_app(&standin).await;
    let client = browser();
    let first = request();
    let page = app.open(&client, &first).await;
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
    let tokens = app.tokens(&first, &app.code_from(&first, &response)).await;
    let access = field(&tokens, "access_token");
    let sdk = sdk(&app.app);

    // Act
    let listed = sdk
        .list_devices()
        .access_token(access)
        .send()
        .await
        .expect("ListDevices");
    let key = listed.devices()[0].device_key().expect("key").to_string();
    sdk.forget_device()
        .access_token(access)
        .device_key(&key)
        .send()
        .await
        .expect("ForgetDevice");

    // Assert
    assert_eq!(listed.devices().len(), 1);
    assert!(standin.device(&key).is_none(), "the pool forgot it");
    let after = sdk
        .list_devices()
        .access_token(access)
        .send()
        .await
        .expect("ListDevices");
    assert!(after.devices().is_empty());
    let e = sdk
        .forget_device()
        .access_token(access)
        .device_key(&key)
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("already forgotten");
    assert!(e.is_resource_not_found_exception(), "{e:?}");
    // The same browser signs in again: its device cookie no longer spares it the code.
    let again = request().with("prompt", "login");
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
async fn a_deleted_account_leaves_no_token_alive() {
    // Arrange
    let standin = CognitoStandin::start().await;
    standin.add_user("fred", PASSWORD, UserOptions::default());
    let app = standin_app(&standin).await;
    let first = sign_in(&app, "fred", PASSWORD).await;
    let second = sign_in(&app, "fred", PASSWORD).await;
    let sdk = sdk(&app.app);

    // Act
    sdk.delete_user()
        .access_token(field(&first, "access_token"))
        .send()
        .await
        .expect("DeleteUser");

    // Assert
    assert_dead(&app.app, &[&first, &second]).await;
    let e = sdk
        .get_user()
        .access_token(field(&second, "access_token"))
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("gone");
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert_eq!(standin.requests_to("DeleteUser").len(), 1);
}

#[tokio::test]
async fn a_kept_pool_token_about_to_expire_is_renewed_first_and_a_refused_renewal_ends_the_session()
{
    // Arrange: the pool's tokens live 30 s, less than the minute authgate keeps in hand.
    let standin = CognitoStandin::start().await;
    standin.add_user("ivan", PASSWORD, UserOptions::default());
    standin.token_lifetime(30);
    let app = standin_app_with(&standin, "refresh_token_rotation = true").await;
    let tokens = sign_in(&app, "ivan", PASSWORD).await;
    let access = field(&tokens, "access_token");
    let sdk = sdk(&app.app);

    // Act: renewed, then used.
    sdk.update_user_attributes()
        .access_token(access)
        .user_attributes(attr("nickname", "iv"))
        .send()
        .await
        .expect("UpdateUserAttributes with a renewed pool token");

    // Assert
    let operations: Vec<String> = standin
        .requests()
        .into_iter()
        .map(|r| r.operation)
        .filter(|op| op != "InitiateAuth" && op != "RespondToAuthChallenge")
        .collect();
    assert_eq!(
        operations,
        ["GetTokensFromRefreshToken", "UpdateUserAttributes"],
        "renewed before use"
    );

    // Act: the pool refuses the next renewal (the user was signed out there).
    standin.fail_next("GetTokensFromRefreshToken", "NotAuthorizedException");
    let e = sdk
        .update_user_attributes()
        .access_token(access)
        .user_attributes(attr("nickname", "ivo"))
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("the pool ended the session");

    // Assert: refused, nothing changed at the pool, and authgate's session is over too.
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert_eq!(standin.requests_to("UpdateUserAttributes").len(), 1);
    assert_eq!(
        userinfo_status(&app.app, access).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn global_sign_out_ends_authgates_sessions_even_when_the_pool_fails_and_says_so() {
    // Arrange: the pool fails every try of authgate's SDK (which retries 5xx).
    let standin = CognitoStandin::start().await;
    standin.add_user("jo", PASSWORD, UserOptions::default());
    let app = standin_app(&standin).await;
    let first = sign_in(&app, "jo", PASSWORD).await;
    let second = sign_in(&app, "jo", PASSWORD).await;
    for _ in 0..3 {
        standin.fail_next("GlobalSignOut", "InternalErrorException");
    }

    // Act
    let e = sdk(&app.app)
        .global_sign_out()
        .access_token(field(&first, "access_token"))
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("the pool failed");

    // Assert: the caller learns the pool did not sign out; authgate's sessions are over anyway.
    assert_eq!(e.meta().code(), Some("InternalErrorException"), "{e:?}");
    assert_dead(&app.app, &[&first, &second]).await;
    let sent = standin.requests_to("GlobalSignOut");
    assert_eq!(sent.len(), 3, "asked, and retried");
    for body in sent {
        assert_ne!(
            body["AccessToken"],
            field(&first, "access_token"),
            "the pool's own token"
        );
    }
}

#[tokio::test]
async fn refused_tokens_reach_no_pool() {
    // Arrange: an unscoped token, an ID token, a revoked session's token, garbage.
    let standin = CognitoStandin::start().await;
    standin.add_user("gail", PASSWORD, UserOptions::default());
    let app = standin_app(&standin).await;
    let unscoped = app
        .login(
            &browser(),
            &pool_request("accountapp").with("scope", "openid email"),
            "gail",
            PASSWORD,
        )
        .await;
    let revoked = sign_in(&app, "gail", PASSWORD).await;
    let response = app
        .app
        .api
        .post(app.app.url("/oauth2/revoke"))
        .form(&[
            ("token", field(&revoked, "refresh_token")),
            ("client_id", "accountapp"),
        ])
        .send()
        .await
        .expect("revoke");
    assert_eq!(response.status(), StatusCode::OK);
    let sdk = sdk(&app.app);
    let before = standin.requests().len();

    // Act / Assert
    for (token, why) in [
        (field(&unscoped, "access_token"), "no admin scope"),
        (field(&revoked, "id_token"), "an ID token"),
        (field(&revoked, "access_token"), "revoked"),
        ("not.a.token", "garbage"),
    ] {
        let e = sdk
            .change_password()
            .access_token(token)
            .previous_password(PASSWORD)
            .proposed_password("Another-horse-2")
            .send()
            .await
            .map_err(|e| e.into_service_error())
            .expect_err(why);
        assert!(e.is_not_authorized_exception(), "{why}: {e:?}");
        let e = sdk
            .delete_user()
            .access_token(token)
            .send()
            .await
            .map_err(|e| e.into_service_error())
            .expect_err(why);
        assert!(e.is_not_authorized_exception(), "{why}: {e:?}");
    }
    assert_eq!(standin.requests().len(), before, "nothing was forwarded");
}

#[tokio::test]
async fn wrong_codes_are_throttled_per_account_before_the_pool_is_asked() {
    // Arrange: three wrong codes allowed per account.
    let standin = CognitoStandin::start().await;
    standin.add_user("hana", PASSWORD, UserOptions::default());
    let app = standin_app_with(
        &standin,
        "[rate_limits]\naccount_attempts_per_user = \"3/15m\"",
    )
    .await;
    let tokens = sign_in(&app, "hana", PASSWORD).await;
    let other = sign_in(&app, "hana", PASSWORD).await;
    let sdk = sdk(&app.app);
    let verify = |access: &str, code: &'static str| {
        sdk.verify_user_attribute()
            .access_token(access)
            .attribute_name("email")
            .code(code)
            .send()
    };
    // A right code gives its place back: it does not count.
    verify(field(&tokens, "access_token"), ATTRIBUTE_CODE)
        .await
        .expect("a right code");

    // Act: the limit's worth of wrong codes, then one more (even a right one, and from the
    // user's other session: the account is counted, not the token).
    for _ in 0..3 {
        let e = verify(field(&tokens, "access_token"), "000000")
            .await
            .map_err(|e| e.into_service_error())
            .expect_err("wrong");
        assert!(e.is_code_mismatch_exception(), "{e:?}");
    }
    let e = verify(field(&other, "access_token"), ATTRIBUTE_CODE)
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("throttled");

    // Assert
    assert!(e.is_limit_exceeded_exception(), "{e:?}");
    assert_eq!(
        standin.requests_to("VerifyUserAttribute").len(),
        4,
        "the throttled attempt never reached the pool"
    );
}

// ----------------------------------------------------------------------- other providers

#[tokio::test]
async fn a_local_users_account_is_managed_elsewhere() {
    // Arrange
    let app = crate::cognito_api::spawn().await;
    let tokens = crate::cognito_api::login(&app, &app.browser, "amplify").await;
    let sdk = sdk(&app);

    // Act / Assert: refused in Cognito's shape (never a 500), the session untouched.
    let change = sdk
        .change_password()
        .access_token(&tokens.access)
        .previous_password("x")
        .proposed_password("Another-horse-2")
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("local user");
    assert!(change.is_not_authorized_exception(), "{change:?}");
    assert!(
        change.message().unwrap_or_default().contains("local users"),
        "{change:?}"
    );
    let delete = sdk
        .delete_user()
        .access_token(&tokens.access)
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("local user");
    assert!(delete.is_not_authorized_exception(), "{delete:?}");
    let devices = sdk
        .list_devices()
        .access_token(&tokens.access)
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("local user");
    assert!(devices.is_not_authorized_exception(), "{devices:?}");
    assert_eq!(userinfo_status(&app, &tokens.access).await, StatusCode::OK);
}

// ------------------------------------------------------------------------------- the log

#[tokio::test]
async fn account_changes_are_audited_and_no_password_or_secret_is_logged_even_at_trace() {
    // Arrange: the real binary at RUST_LOG=trace, in front of moto.
    let TracedBinary {
        server,
        pages,
        username,
        dir: _dir,
    } = traced_binary_before_moto("user", ACCOUNT_APP).await;
    let tokens = sign_in(&pages, &username, PASSWORD).await;
    let access = field(&tokens, "access_token");
    let sdk = sdk(&pages.app);

    // Act: a refused and an accepted password change, an authenticator app set up.
    sdk.change_password()
        .access_token(access)
        .previous_password("Wrong-horse-1")
        .proposed_password("Another-horse-2")
        .send()
        .await
        .expect_err("wrong current password");
    sdk.change_password()
        .access_token(access)
        .previous_password(PASSWORD)
        .proposed_password("Another-horse-2")
        .send()
        .await
        .expect("ChangePassword");
    let secret = sdk
        .associate_software_token()
        .access_token(access)
        .send()
        .await
        .expect("AssociateSoftwareToken")
        .secret_code
        .expect("secret");
    sdk.verify_software_token()
        .access_token(access)
        .user_code(totp_code(&secret))
        .send()
        .await
        .expect("VerifySoftwareToken");

    // Assert
    let log = without_colours(&server.stop_and_read_log());
    let audited = |operation: &str, outcome: &str| audited(&log, operation, outcome);
    assert!(
        audited("ChangePassword", "NotAuthorizedException"),
        "the refused change is audited:\n{}",
        log.lines()
            .filter(|l| l.contains("account_change"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(audited("ChangePassword", "ok"));
    assert!(audited("AssociateSoftwareToken", "ok"));
    assert!(audited("VerifySoftwareToken", "ok"));
    assert_not_logged(
        &log,
        [
            ("password", PASSWORD.to_string()),
            ("wrong password", "Wrong-horse-1".to_string()),
            ("new password", "Another-horse-2".to_string()),
            ("TOTP secret", secret),
            ("access token", access.to_string()),
            ("refresh token", field(&tokens, "refresh_token").to_string()),
        ],
    );
}

/// The log without its terminal colour codes (`ESC [ ... m`).
pub(crate) fn without_colours(log: &str) -> String {
    let mut out = String::with_capacity(log.len());
    let mut chars = log.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[tokio::test]
async fn an_upstream_openid_users_account_is_managed_by_that_provider() {
    use crate::support::upstream_stub::StubOp;
    // Arrange: an app whose users sign in with an upstream OpenID provider.
    let op = StubOp::start().await;
    let secret = tempfile::NamedTempFile::new().expect("tmp");
    std::fs::write(secret.path(), "upstream-client-secret-0123456789").expect("write");
    let app = spawn_app_with(&format!(
        r#"
[[providers]]
id = "op"
kind = "oidc"
name = "Example Corp"
issuer = "{issuer}"
client_id = "authgate"
client_secret_file = {secret:?}

[[apps]]
client_id = "oidcapp"
name = "OIDC app"
redirect_uris = ["oidcapp://cb"]
providers = ["op"]
scopes = ["openid", "email", "aws.cognito.signin.user.admin"]
"#,
        issuer = op.issuer,
        secret = secret.path(),
    ))
    .await;
    let mut request = Authorize::native().with("scope", SCOPE);
    request.client_id = "oidcapp".into();
    request.redirect_uri = "oidcapp://cb".into();
    let response = app.authorize(&app.browser, &request).await;
    let response = app.get(&app.browser, &location(&response)).await;
    let upstream = url::Url::parse(&location(&response)).expect("upstream URL");
    let param = |name: &str| {
        upstream
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .expect(name)
    };
    op.answer_with_id_token(&op.sign(&op.claims("authgate", &param("nonce"))));
    let callback = format!(
        "/oauth2/idpresponse/op?{}",
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("code", "c1")
            .append_pair("state", &param("state"))
            .append_pair("iss", &op.issuer)
            .finish()
    );
    let back = app.get(&app.browser, &callback).await;
    let code = query_param(&location(&back), "code").expect("code");
    let tokens: Value = app
        .exchange(&request, &code)
        .await
        .json()
        .await
        .expect("json");
    let access = field(&tokens, "access_token");
    let sdk = sdk(&app);

    // Act
    let e = sdk
        .update_user_attributes()
        .access_token(access)
        .user_attributes(attr("name", "X"))
        .send()
        .await
        .map_err(|e| e.into_service_error())
        .expect_err("not a pool user");

    // Assert: Cognito's shape, naming who manages the account; the session stands.
    assert!(e.is_not_authorized_exception(), "{e:?}");
    assert!(
        e.message().unwrap_or_default().contains("Example Corp"),
        "{e:?}"
    );
    assert_eq!(userinfo_status(&app, access).await, StatusCode::OK);
}
