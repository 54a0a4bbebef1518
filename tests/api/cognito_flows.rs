//! The Cognito pages against the stand-in (`cognito_standin.rs`), for what moto does not check:
//! real SRP proofs, remembered devices and device SRP, custom challenges, SELECT_MFA_TYPE,
//! EMAIL_OTP, and the errors Cognito raises that moto cannot be made to raise. authgate uses
//! the stand-in's confidential app client, so SECRET_HASH is checked on every call.
//! Also: every Cognito page renders with its CSRF token and shows no pool Session.

use crate::support::app::*;
use crate::support::cognito_standin::{CognitoStandin, CustomRound, RESET_CODE, UserOptions};
use crate::support::moto::Pool;
use crate::support::pool::{Page, PoolApp, no_code, pool_request, spawn_for_endpoint};
use reqwest::{Client, StatusCode};

const PASSWORD: &str = "Str0ng-enough!";

async fn spawn(standin: &CognitoStandin, provider_extra: &str) -> PoolApp {
    let pool = Pool {
        id: standin.pool_id().to_string(),
        client_id: standin.secret_client_id().to_string(),
        client_secret: Some(standin.client_secret().to_string()),
    };
    spawn_for_endpoint(pool, standin.endpoint(), provider_extra).await
}

fn assert_safe_page(page: &Page, standin: &CognitoStandin) {
    assert!(
        input_value(&page.html, "csrf").is_some(),
        "{} has no CSRF token",
        page.url
    );
    for session in standin.issued_sessions() {
        assert!(
            !page.html.contains(&session),
            "{} shows a Session",
            page.url
        );
        assert!(!page.url.contains(&session), "a Session in a URL");
    }
    assert!(
        !page.html.contains(PASSWORD),
        "{} shows the password",
        page.url
    );
}

/// Opens `request`'s sign-in page and signs in as `username`, expecting a challenge: the sign-in
/// page (whose URL the challenge pages hang off) and the challenge page.
async fn to_challenge(
    app: &PoolApp,
    client: &Client,
    request: &crate::support::app::Authorize,
    username: &str,
) -> (Page, Page) {
    let page = app.open(client, request).await;
    let response = app
        .sign_in_form(client, &page, username, PASSWORD, false)
        .await;
    let next = challenge(app, client, response).await;
    (page, next)
}

async fn challenge(app: &PoolApp, client: &Client, response: reqwest::Response) -> Page {
    let page = app.follow(client, response).await;
    assert!(page.url.ends_with("/challenge"), "{}", page.url);
    page
}

#[tokio::test]
async fn srp_proofs_are_real_a_wrong_password_is_refused() {
    let standin = CognitoStandin::start().await;
    standin.add_user("sam", PASSWORD, UserOptions::default().groups(&["admins"]));
    let app = spawn(&standin, "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;

    let wrong = app
        .sign_in_form(&client, &page, "sam", "Not-the-password-1", false)
        .await;
    no_code(&wrong);
    let html = wrong.text().await.expect("html");
    assert!(html.contains("Incorrect username or password."));

    let response = app
        .sign_in_form(&client, &page, "sam", PASSWORD, false)
        .await;
    let tokens = app
        .tokens(&request, &app.code_from(&request, &response))
        .await;
    let id = claims(tokens["id_token"].as_str().expect("id"));
    assert_eq!(id["cognito:groups"], serde_json::json!(["admins"]));
    // The password itself never went to the pool: SRP only.
    for request in standin.requests() {
        assert!(!request.body.to_string().contains(PASSWORD));
    }
}

#[tokio::test]
async fn user_auth_answers_the_password_choice() {
    let standin = CognitoStandin::start().await;
    standin.add_user("rae", PASSWORD, UserOptions::default().totp("343434"));
    let app = spawn(&standin, r#"auth_flow = "USER_AUTH""#).await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;
    let wrong = app
        .sign_in_form(&client, &page, "rae", "Nope-nope-1", false)
        .await;
    no_code(&wrong);
    assert!(
        wrong
            .text()
            .await
            .expect("html")
            .contains("Incorrect username or password.")
    );
    let response = app
        .sign_in_form(&client, &page, "rae", PASSWORD, false)
        .await;
    let mfa = challenge(&app, &client, response).await;
    let response = app
        .post(
            &client,
            &mfa,
            &format!("{}/challenge", page.url),
            &[("answer", "343434")],
        )
        .await;
    app.code_from(&request, &response);
    let initiate = &standin.requests_to("InitiateAuth")[1];
    assert_eq!(initiate["AuthFlow"], "USER_AUTH");
    assert_eq!(
        initiate["AuthParameters"]["PREFERRED_CHALLENGE"],
        "PASSWORD"
    );
}

#[tokio::test]
async fn a_remembered_device_skips_mfa_on_the_next_sign_in_from_that_browser() {
    let standin = CognitoStandin::start().await;
    standin.add_user("dana", PASSWORD, UserOptions::default().totp("424242"));
    let app = spawn(&standin, "").await;
    let client = browser();
    let request = pool_request("poolapp");

    // First sign-in asks for the code, and remembers the device.
    let page = app.open(&client, &request).await;
    let response = app
        .sign_in_form(&client, &page, "dana", PASSWORD, true)
        .await;
    let mfa = challenge(&app, &client, response).await;
    assert_safe_page(&mfa, &standin);
    let response = app
        .post(
            &client,
            &mfa,
            &format!("{}/challenge", page.url),
            &[("answer", "424242")],
        )
        .await;
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("authgate-device-pool="))
        .expect("a device cookie")
        .to_string();
    assert!(cookie.contains("HttpOnly"));
    assert!(!cookie.contains("dana"), "the cookie is sealed");
    app.code_from(&request, &response);
    let confirm = standin
        .last_confirm_device()
        .expect("ConfirmDevice was called");
    let device_key = confirm["DeviceKey"].as_str().expect("key").to_string();
    assert!(standin.device(&device_key).expect("device").remembered);

    // Same browser, fresh sign-in (prompt=login): device SRP, no MFA page.
    let again = request.clone_with("prompt", "login");
    let page = app.open(&client, &again).await;
    let response = app
        .sign_in_form(&client, &page, "dana", PASSWORD, false)
        .await;
    app.code_from(&again, &response);
    assert_eq!(
        standin
            .requests_to("RespondToAuthChallenge")
            .iter()
            .filter(|b| b["ChallengeName"] == "DEVICE_PASSWORD_VERIFIER")
            .count(),
        1
    );

    // Another browser has no device: MFA again.
    let other = browser();
    let page = app.open(&other, &request).await;
    let response = app
        .sign_in_form(&other, &page, "dana", PASSWORD, false)
        .await;
    challenge(&app, &other, response).await;
}

#[tokio::test]
async fn a_device_cookie_is_only_offered_for_its_own_user() {
    let standin = CognitoStandin::start().await;
    standin.add_user("erin", PASSWORD, UserOptions::default().totp("111111"));
    standin.add_user("finn", PASSWORD, UserOptions::default().totp("222222"));
    let app = spawn(&standin, "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;
    let response = app
        .sign_in_form(&client, &page, "erin", PASSWORD, true)
        .await;
    let mfa = challenge(&app, &client, response).await;
    let response = app
        .post(
            &client,
            &mfa,
            &format!("{}/challenge", page.url),
            &[("answer", "111111")],
        )
        .await;
    app.code_from(&request, &response);

    let again = request.clone_with("prompt", "login");
    let page = app.open(&client, &again).await;
    let response = app
        .sign_in_form(&client, &page, "finn", PASSWORD, false)
        .await;
    challenge(&app, &client, response).await;
    assert!(
        standin
            .requests_to("InitiateAuth")
            .iter()
            .all(|b| b["AuthParameters"]["USERNAME"] != "finn"
                || b["AuthParameters"].get("DEVICE_KEY").is_none()),
        "erin's device was not offered for finn"
    );
}

#[tokio::test]
async fn custom_challenges_show_their_parameters_and_take_answers_round_by_round() {
    let standin = CognitoStandin::start().await;
    standin.add_user(
        "gus",
        PASSWORD,
        UserOptions::default().custom(vec![
            CustomRound::new(&[("question", "What is 2 + 3?")], "5"),
            CustomRound::new(&[("question", "Favourite colour?")], "teal"),
        ]),
    );
    let app = spawn(&standin, r#"auth_flow = "CUSTOM_AUTH""#).await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;
    assert!(
        !page.html.contains("type=\"password\""),
        "custom auth asks no password"
    );

    let response = app
        .post(&client, &page, &page.url.clone(), &[("username", "gus")])
        .await;
    let first = challenge(&app, &client, response).await;
    assert_safe_page(&first, &standin);
    assert!(first.html.contains("What is 2 + 3?"), "{}", first.html);
    let action = format!("{}/challenge", page.url);

    let wrong = app.post(&client, &first, &action, &[("answer", "4")]).await;
    assert_eq!(wrong.status(), StatusCode::OK);
    let html = wrong.text().await.expect("html");
    assert!(html.contains("That answer was not accepted"), "{html}");
    assert!(html.contains("What is 2 + 3?"));

    let response = app.post(&client, &first, &action, &[("answer", "5")]).await;
    let second = challenge(&app, &client, response).await;
    assert!(second.html.contains("Favourite colour?"));
    let response = app
        .post(&client, &second, &action, &[("answer", "teal")])
        .await;
    app.code_from(&request, &response);
    let answers: Vec<String> = standin
        .requests_to("RespondToAuthChallenge")
        .iter()
        .map(|b| {
            b["ChallengeResponses"]["ANSWER"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(answers, ["4", "5", "teal"]);
}

#[tokio::test]
async fn too_many_wrong_custom_answers_end_the_sign_in() {
    let standin = CognitoStandin::start().await;
    standin.add_user(
        "hal",
        PASSWORD,
        UserOptions::default().custom(vec![CustomRound::new(&[("question", "PIN?")], "0000")]),
    );
    let app = spawn(&standin, r#"auth_flow = "CUSTOM_AUTH""#).await;
    let client = browser();
    let page = app.open(&client, &pool_request("poolapp")).await;
    let response = app
        .post(&client, &page, &page.url.clone(), &[("username", "hal")])
        .await;
    let question = challenge(&app, &client, response).await;
    let action = format!("{}/challenge", page.url);
    let mut last = None;
    for guess in ["1", "2", "3"] {
        last = Some(
            app.post(&client, &question, &action, &[("answer", guess)])
                .await,
        );
    }
    let last = last.expect("answered");
    no_code(&last);
    let html = last.text().await.expect("html");
    assert!(html.contains("Sign in again"), "{html}");
}

#[tokio::test]
async fn select_mfa_type_then_the_chosen_code() {
    let standin = CognitoStandin::start().await;
    standin.add_user(
        "ivy",
        PASSWORD,
        UserOptions::default().mfa_choice("313131", "525252", "+15555550123"),
    );
    let app = spawn(&standin, "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let (page, select) = to_challenge(&app, &client, &request, "ivy").await;
    assert_safe_page(&select, &standin);
    assert!(
        select.html.contains("A text message to your phone"),
        "{}",
        select.html
    );
    assert!(select.html.contains("An authenticator app"));
    let action = format!("{}/challenge", page.url);

    let bogus = app
        .post(&client, &select, &action, &[("answer", "WEB_AUTHN")])
        .await;
    assert!(
        bogus
            .text()
            .await
            .expect("html")
            .contains("Choose one of the options")
    );

    let response = app
        .post(&client, &select, &action, &[("answer", "SMS_MFA")])
        .await;
    let sms = challenge(&app, &client, response).await;
    assert!(sms.html.contains("+*******0123"), "{}", sms.html);
    let response = app
        .post(&client, &sms, &action, &[("answer", "525252")])
        .await;
    app.code_from(&request, &response);
}

#[tokio::test]
async fn always_use_this_method_saves_the_mfa_preference() {
    let standin = CognitoStandin::start().await;
    standin.add_user(
        "uma",
        PASSWORD,
        UserOptions::default().mfa_choice("818181", "929292", "+15555550142"),
    );
    let app = spawn(&standin, "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let (page, select) = to_challenge(&app, &client, &request, "uma").await;
    assert!(select.html.contains("Always use this method"));
    let action = format!("{}/challenge", page.url);
    let response = app
        .post(
            &client,
            &select,
            &action,
            &[("answer", "SOFTWARE_TOKEN_MFA"), ("always", "on")],
        )
        .await;
    let totp = challenge(&app, &client, response).await;
    let response = app
        .post(&client, &totp, &action, &[("answer", "818181")])
        .await;
    app.code_from(&request, &response);
    let saved = standin.requests_to("SetUserMFAPreference");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0]["SoftwareTokenMfaSettings"]["PreferredMfa"], true);

    // Next time the pool goes straight to the authenticator app.
    let other = browser();
    let (_, next) = to_challenge(&app, &other, &request, "uma").await;
    assert!(next.html.contains("authenticator app"), "{}", next.html);
    assert!(!next.html.contains("Choose how to verify"));
}

#[tokio::test]
async fn email_otp_shows_where_the_code_went() {
    let standin = CognitoStandin::start().await;
    standin.add_user(
        "jo",
        PASSWORD,
        UserOptions::default()
            .email("jo@example.org")
            .email_otp("909090"),
    );
    let app = spawn(&standin, "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let (page, otp) = to_challenge(&app, &client, &request, "jo").await;
    assert_safe_page(&otp, &standin);
    assert!(otp.html.contains("emailed you"));
    assert!(otp.html.contains("j***@e***"), "{}", otp.html);
    let action = format!("{}/challenge", page.url);
    let wrong = app
        .post(&client, &otp, &action, &[("answer", "000000")])
        .await;
    no_code(&wrong);
    assert!(
        wrong
            .text()
            .await
            .expect("html")
            .contains("That code is not right")
    );
    let response = app
        .post(&client, &otp, &action, &[("answer", "909090")])
        .await;
    app.code_from(&request, &response);
}

#[tokio::test]
async fn an_expired_challenge_session_goes_back_to_sign_in() {
    let standin = CognitoStandin::start().await;
    standin.add_user("kim", PASSWORD, UserOptions::default().totp("123123"));
    let app = spawn(&standin, "").await;
    let client = browser();
    let page = app.open(&client, &pool_request("poolapp")).await;
    let response = app
        .sign_in_form(&client, &page, "kim", PASSWORD, false)
        .await;
    let mfa = challenge(&app, &client, response).await;
    standin.expire_sessions();
    let response = app
        .post(
            &client,
            &mfa,
            &format!("{}/challenge", page.url),
            &[("answer", "123123")],
        )
        .await;
    no_code(&response);
    let html = response.text().await.expect("html");
    assert!(html.contains("Sign in again"), "{html}");
    assert!(
        html.contains("Sign in to Pool app"),
        "back on the sign-in page"
    );
}

// ------------------------------------------------------------------ errors Cognito raises

#[tokio::test]
async fn a_required_password_reset_goes_to_the_reset_page_and_signs_in_after() {
    let standin = CognitoStandin::start().await;
    standin.add_user("lee", PASSWORD, UserOptions::default());
    let app = spawn(&standin, "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;
    standin.fail_next("InitiateAuth", "PasswordResetRequiredException");

    let response = app
        .sign_in_form(&client, &page, "lee", PASSWORD, false)
        .await;
    let reset = app.follow(&client, response).await;
    assert!(reset.url.ends_with("/reset"));
    assert_safe_page(&reset, &standin);
    assert!(reset.html.contains("has to be reset"), "{}", reset.html);
    assert!(reset.html.contains("l***@e***"));
    let action = format!("{}/reset", page.url);

    let wrong = app
        .post(
            &client,
            &reset,
            &action,
            &[("code", "000000"), ("new_password", "Next-pass-42!")],
        )
        .await;
    no_code(&wrong);
    assert!(
        wrong
            .text()
            .await
            .expect("html")
            .contains("That code is not right")
    );
    let response = app
        .post(
            &client,
            &reset,
            &action,
            &[("code", RESET_CODE), ("new_password", "Next-pass-42!")],
        )
        .await;
    // Signed in with the new password, through SRP against the new verifier.
    app.code_from(&request, &response);
}

#[tokio::test]
async fn cognito_rate_limits_and_expired_codes_get_their_own_messages() {
    let standin = CognitoStandin::start().await;
    standin.add_user(
        "max",
        PASSWORD,
        UserOptions::default().sms("777777", "+15555550199"),
    );
    let app = spawn(&standin, "").await;
    let client = browser();
    let page = app.open(&client, &pool_request("poolapp")).await;

    // The SDK retries throttling a few times: persistent throttling reaches the page.
    for _ in 0..3 {
        standin.fail_next("InitiateAuth", "TooManyRequestsException");
    }
    let throttled = app
        .sign_in_form(&client, &page, "max", PASSWORD, false)
        .await;
    assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);
    no_code(&throttled);
    assert!(
        throttled
            .text()
            .await
            .expect("html")
            .contains("Wait a few minutes")
    );

    for _ in 0..3 {
        standin.fail_next("InitiateAuth", "LimitExceededException");
    }
    let limited = app
        .sign_in_form(&client, &page, "max", PASSWORD, false)
        .await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);

    let response = app
        .sign_in_form(&client, &page, "max", PASSWORD, false)
        .await;
    let sms = challenge(&app, &client, response).await;
    standin.fail_next("RespondToAuthChallenge", "ExpiredCodeException");
    let expired = app
        .post(
            &client,
            &sms,
            &format!("{}/challenge", page.url),
            &[("answer", "777777")],
        )
        .await;
    no_code(&expired);
    assert!(
        expired
            .text()
            .await
            .expect("html")
            .contains("That code has expired")
    );
}

#[tokio::test]
async fn an_unconfirmed_user_is_sent_to_the_confirm_page() {
    let standin = CognitoStandin::start().await;
    standin.add_user("ned", PASSWORD, UserOptions::default());
    let app = spawn(&standin, "").await;
    let client = browser();
    let page = app.open(&client, &pool_request("poolapp")).await;
    standin.fail_next("InitiateAuth", "UserNotConfirmedException");
    let response = app
        .sign_in_form(&client, &page, "ned", PASSWORD, false)
        .await;
    let confirm = app.follow(&client, response).await;
    assert!(confirm.url.ends_with("/confirm"));
    assert_safe_page(&confirm, &standin);
    assert!(confirm.html.contains("Send a new code"));

    // A wrong and an expired confirmation code, and a throttled resend, each say so.
    let action = format!("{}/confirm", page.url);
    standin.fail_next("ConfirmSignUp", "CodeMismatchException");
    let wrong = app.post(&client, &confirm, &action, &[("code", "1")]).await;
    assert!(
        wrong
            .text()
            .await
            .expect("html")
            .contains("That code is not right")
    );
    standin.fail_next("ConfirmSignUp", "ExpiredCodeException");
    let expired = app.post(&client, &confirm, &action, &[("code", "1")]).await;
    assert!(
        expired
            .text()
            .await
            .expect("html")
            .contains("That code has expired")
    );
    for _ in 0..3 {
        standin.fail_next("ResendConfirmationCode", "LimitExceededException");
    }
    let resend = app
        .post(&client, &confirm, &format!("{action}/resend"), &[])
        .await;
    assert!(
        resend
            .text()
            .await
            .expect("html")
            .contains("Wait a few minutes")
    );
}

#[tokio::test]
async fn new_password_required_asks_for_the_attributes_the_pool_needs() {
    let standin = CognitoStandin::start().await;
    standin.add_user(
        "quinn",
        "Temporary-1!",
        UserOptions::default().new_password_required(&["name", "phone_number"]),
    );
    let app = spawn(&standin, "").await;
    let client = browser();
    let request = pool_request("poolapp");
    let page = app.open(&client, &request).await;
    let response = app
        .sign_in_form(&client, &page, "quinn", "Temporary-1!", false)
        .await;
    let form = challenge(&app, &client, response).await;
    assert_safe_page(&form, &standin);
    assert!(form.html.contains("name=\"attr:name\""), "{}", form.html);
    assert!(form.html.contains("name=\"attr:phone_number\""));
    let action = format!("{}/challenge", page.url);

    let short = app
        .post(
            &client,
            &form,
            &action,
            &[
                ("new_password", "short"),
                ("attr:name", "Q"),
                ("attr:phone_number", "+15555550100"),
            ],
        )
        .await;
    assert!(
        short
            .text()
            .await
            .expect("html")
            .contains("That password is too short.")
    );
    let response = app
        .post(
            &client,
            &form,
            &action,
            &[
                ("new_password", PASSWORD),
                ("attr:name", "Quinn"),
                ("attr:phone_number", "+15555550100"),
            ],
        )
        .await;
    app.code_from(&request, &response);
    let answer = standin
        .requests_to("RespondToAuthChallenge")
        .into_iter()
        .rfind(|b| b["ChallengeName"] == "NEW_PASSWORD_REQUIRED")
        .expect("answered");
    assert_eq!(answer["ChallengeResponses"]["userAttributes.name"], "Quinn");
    assert_eq!(
        answer["ChallengeResponses"]["userAttributes.phone_number"],
        "+15555550100"
    );
}

#[tokio::test]
async fn rotated_pool_refresh_tokens_are_followed_and_a_replay_ends_the_session() {
    let standin = CognitoStandin::start().await;
    standin.add_user("val", PASSWORD, UserOptions::default());
    let app = spawn(&standin, "refresh_token_rotation = true").await;
    let client = browser();

    // Passthrough: the app holds the pool's refresh token, and each refresh hands it the next.
    let request = pool_request("passapp");
    let tokens = app.login(&client, &request, "val", PASSWORD).await;
    let first = tokens["refresh_token"].as_str().expect("rt").to_string();
    let refreshed: serde_json::Value = app
        .app
        .refresh("passapp", &first)
        .await
        .json()
        .await
        .expect("json");
    let second = refreshed["refresh_token"]
        .as_str()
        .expect("rotated")
        .to_string();
    assert_ne!(first, second, "the pool rotated it");
    let again = app.app.refresh("passapp", &second).await;
    assert_eq!(again.status(), StatusCode::OK, "the rotated token works");
    let third: serde_json::Value = again.json().await.expect("json");
    // Replaying a used one revokes the session: even the newest stops working.
    let replay = app.app.refresh("passapp", &first).await;
    assert_eq!(error_code(replay).await.1, "invalid_grant");
    let newest = app
        .app
        .refresh("passapp", third["refresh_token"].as_str().expect("rt"))
        .await;
    assert_eq!(error_code(newest).await.1, "invalid_grant");

    // Broker: authgate keeps the pool's rotated token, so refreshing twice works.
    let request = pool_request("poolapp");
    let tokens = app.login(&browser(), &request, "val", PASSWORD).await;
    let one: serde_json::Value = app
        .app
        .refresh("poolapp", tokens["refresh_token"].as_str().expect("rt"))
        .await
        .json()
        .await
        .expect("json");
    let two = app
        .app
        .refresh("poolapp", one["refresh_token"].as_str().expect("rt"))
        .await;
    assert_eq!(two.status(), StatusCode::OK);
    assert!(
        standin
            .requests_to("InitiateAuth")
            .iter()
            .all(|b| b["AuthFlow"] != "REFRESH_TOKEN_AUTH")
    );
    for body in standin.requests_to("GetTokensFromRefreshToken") {
        assert_eq!(
            body["ClientSecret"],
            standin.client_secret(),
            "the confidential client's secret"
        );
    }
}

#[tokio::test]
async fn every_cognito_page_refuses_a_post_without_its_csrf_token() {
    let standin = CognitoStandin::start().await;
    standin.add_user("ola", PASSWORD, UserOptions::default());
    let app = spawn(&standin, "").await;
    let client = browser();
    let page = app.open(&client, &pool_request("poolapp")).await;
    for path in [
        "",
        "/challenge",
        "/signup",
        "/confirm",
        "/confirm/resend",
        "/forgot",
        "/reset",
    ] {
        let response = client
            .post(app.app.url(&format!("{}{path}", page.url)))
            .form(&[
                ("username", "ola"),
                ("password", PASSWORD),
                ("answer", "1"),
                ("code", "1"),
            ])
            .send()
            .await
            .expect("post");
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }
    assert!(standin.requests().is_empty(), "nothing reached the pool");
}

#[tokio::test]
async fn the_sign_up_forgot_and_sign_in_pages_carry_csrf_and_no_secret() {
    let standin = CognitoStandin::start().await;
    standin.add_user("pat", PASSWORD, UserOptions::default().totp("606060"));
    let app = spawn(&standin, "").await;
    let client = browser();
    let request = pool_request("poolapp");
    // Mid sign-in: a password typed, a Session issued and kept for the challenge.
    let (sign_in, challenge_page) = to_challenge(&app, &client, &request, "pat").await;
    assert_eq!(standin.issued_sessions().len(), 1);
    assert_safe_page(&challenge_page, &standin);
    let retry = app
        .sign_in_form(&client, &sign_in, "pat", PASSWORD, false)
        .await;
    let retry = app.follow(&client, retry).await;
    assert_safe_page(&retry, &standin);
    for path in ["", "/signup", "/forgot"] {
        let page = app.get(&client, &format!("{}{path}", sign_in.url)).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_safe_page(&page, &standin);
    }
}
