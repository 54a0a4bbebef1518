//! `/account`: where a user is signed in, ending one session or all of them, re-authentication
//! before signing out everywhere, and the JSON twins, for a local user and an upstream OpenID
//! user. Every refusal asserts that nothing was ended.

use crate::support::app::*;
use crate::support::upstream_stub::StubOp;
use reqwest::{Client, StatusCode};
use serde_json::Value;

/// A second local user (the demo password) and a second app for the same browser.
const EXTRA: &str = r#"
[[providers.users]]
username = "bob"
password_hash = "$argon2id$v=19$m=19456,t=2,p=1$BA8Btnah6WABcjD/NpA6rQ$Vl8uWOvqZeRjCfXuTzcZySBply79GSIZGo/2PMXrxY4"
email = "bob@example.com"
"#;

fn other_app() -> Authorize {
    let mut request = Authorize::native();
    request.client_id = "other".into();
    request.redirect_uri = "otherapp://cb".into();
    request
}

/// The demo app's and the other app's tokens, both signed in through `browser` (the second by
/// single sign-on).
async fn two_apps(app: &TestApp, browser: &Client) -> (Value, Value) {
    let demo = app.login(browser, &Authorize::native()).await;
    let other = app.login(browser, &other_app()).await;
    (demo, other)
}

fn access(tokens: &Value) -> &str {
    tokens["access_token"].as_str().expect("access token")
}

fn refresh_token(tokens: &Value) -> &str {
    tokens["refresh_token"].as_str().expect("refresh token")
}

async fn api_get(app: &TestApp, path: &str, token: &str) -> reqwest::Response {
    app.api
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("request")
}

async fn sessions_of(app: &TestApp, token: &str) -> Vec<Value> {
    let response = api_get(app, "/account/api/sessions", token).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("json");
    body["sessions"].as_array().expect("sessions").clone()
}

fn session_of<'a>(sessions: &'a [Value], client_id: &str) -> &'a Value {
    sessions
        .iter()
        .find(|s| s["client_id"] == client_id)
        .unwrap_or_else(|| panic!("no session of {client_id} in {sessions:?}"))
}

/// Whether the access token is still accepted at `/oauth2/userInfo`.
async fn alive(app: &TestApp, tokens: &Value) -> bool {
    app.userinfo(access(tokens)).await.status() == StatusCode::OK
}

async fn refreshes(app: &TestApp, tokens: &Value, client_id: &str) -> bool {
    app.refresh(client_id, refresh_token(tokens)).await.status() == StatusCode::OK
}

/// The `/account` page of `browser`, asserted to render.
async fn account_page(app: &TestApp, browser: &Client) -> String {
    let response = app.get(browser, "/account").await;
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.expect("html")
}

/// Every `data-session="…"` handle on the page, in order.
fn handles(html: &str) -> Vec<String> {
    html.split("data-session=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').expect("quote")].to_string())
        .collect()
}

async fn post_form(
    app: &TestApp,
    browser: &Client,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    browser
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .expect("post")
}

#[tokio::test]
async fn the_page_lists_both_apps_and_this_browser_and_ends_one_app_session() {
    let app = spawn_app_with(EXTRA).await;
    let (demo, other) = two_apps(&app, &app.browser).await;

    let html = account_page(&app, &app.browser).await;

    assert!(
        html.contains("Demo app") && html.contains("Other app"),
        "{html}"
    );
    assert!(html.contains("Browser sign-in") && html.contains("This browser"));
    assert!(
        html.contains("demo@example.com"),
        "the profile shows the user's email"
    );
    assert!(
        html.contains("cannot be changed here"),
        "a local user's details are read-only"
    );
    assert_eq!(handles(&html).len(), 3, "two apps and one browser");
    // The other app's handle, from the API's view of the same sessions.
    let listed = sessions_of(&app, access(&demo)).await;
    let other_id = session_of(&listed, "other")["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(handles(&html).contains(&other_id));
    let csrf = input_value(&html, "csrf").expect("csrf");

    let response = post_form(
        &app,
        &app.browser,
        "/account/sessions/end",
        &[("csrf", &csrf), ("session", &other_id)],
    )
    .await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/account?notice=ended");
    assert!(!alive(&app, &other).await, "its access token is refused");
    assert!(
        !refreshes(&app, &other, "other").await,
        "its refresh token is refused"
    );
    assert!(alive(&app, &demo).await, "the other session lives");
    assert!(refreshes(&app, &demo, "demo").await);
    let html = app
        .get(&app.browser, "/account?notice=ended")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("The session has ended."));
    assert_eq!(handles(&html).len(), 2);
}

#[tokio::test]
async fn a_form_without_its_csrf_token_or_for_another_users_session_ends_nothing() {
    let app = spawn_app_with(EXTRA).await;
    let (demo, other) = two_apps(&app, &app.browser).await;
    let bob_browser = browser();
    let bob_request = Authorize::native();
    let (page_url, html) = app.open_sign_in(&bob_browser, &bob_request).await;
    let csrf = input_value(&html, "csrf").unwrap();
    let back = app
        .post_password(&bob_browser, &page_url, Some(&csrf), "bob", PASSWORD)
        .await;
    let code = query_param(&location(&back), "code").unwrap();
    let bob: Value = app
        .exchange(&bob_request, &code)
        .await
        .json()
        .await
        .unwrap();
    let bob_sessions = sessions_of(&app, access(&bob)).await;
    let bobs_id = session_of(&bob_sessions, "demo")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let alice_sessions = sessions_of(&app, access(&demo)).await;
    let other_id = session_of(&alice_sessions, "other")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let html = account_page(&app, &app.browser).await;
    let csrf = input_value(&html, "csrf").unwrap();

    // No CSRF token, a wrong one, then a signed-in user naming another user's session.
    let missing = post_form(
        &app,
        &app.browser,
        "/account/sessions/end",
        &[("session", &other_id)],
    )
    .await;
    let wrong = post_form(
        &app,
        &app.browser,
        "/account/sessions/end",
        &[("csrf", "not-the-token"), ("session", &other_id)],
    )
    .await;
    let not_mine = post_form(
        &app,
        &app.browser,
        "/account/sessions/end",
        &[("csrf", &csrf), ("session", &bobs_id)],
    )
    .await;
    let everywhere = post_form(&app, &app.browser, "/account/sign-out-everywhere", &[]).await;
    let api_not_mine = app
        .api
        .delete(app.url(&format!("/account/api/sessions/{bobs_id}")))
        .bearer_auth(access(&demo))
        .send()
        .await
        .unwrap();

    assert_eq!(missing.status(), StatusCode::FORBIDDEN);
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    assert_eq!(everywhere.status(), StatusCode::FORBIDDEN);
    assert_eq!(not_mine.status(), StatusCode::NOT_FOUND);
    assert!(not_mine.text().await.unwrap().contains("not one of yours"));
    assert_eq!(api_not_mine.status(), StatusCode::NOT_FOUND);
    for (tokens, client_id) in [(&demo, "demo"), (&other, "other"), (&bob, "demo")] {
        assert!(alive(&app, tokens).await, "{client_id}: nothing ended");
    }
    assert_eq!(sessions_of(&app, access(&demo)).await.len(), 3);
    assert_eq!(sessions_of(&app, access(&bob)).await.len(), 2);
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_token_and_browser_of_the_user_only() {
    let app = spawn_app_with(EXTRA).await;
    let (demo, other) = two_apps(&app, &app.browser).await;
    let second_browser = browser();
    let web = app.login(&second_browser, &Authorize::web()).await;
    let bob_browser = browser();
    let (page_url, html) = app.open_sign_in(&bob_browser, &other_app()).await;
    let csrf = input_value(&html, "csrf").unwrap();
    app.post_password(&bob_browser, &page_url, Some(&csrf), "bob", PASSWORD)
        .await;
    let html = account_page(&app, &app.browser).await;
    assert_eq!(handles(&html).len(), 5, "three apps, two browsers");
    let csrf = input_value(&html, "csrf").unwrap();

    let response = post_form(
        &app,
        &app.browser,
        "/account/sign-out-everywhere",
        &[("csrf", &csrf)],
    )
    .await;

    assert_eq!(response.status(), StatusCode::OK, "the signed-out page");
    for (tokens, client_id) in [(&demo, "demo"), (&other, "other")] {
        assert!(!alive(&app, tokens).await, "{client_id} userInfo");
        assert!(
            !refreshes(&app, tokens, client_id).await,
            "{client_id} refresh"
        );
    }
    let web_refresh = app
        .token(&[
            ("grant_type", "refresh_token"),
            ("client_id", "web"),
            ("client_secret", WEB_SECRET),
            ("refresh_token", refresh_token(&web)),
        ])
        .await;
    assert_eq!(
        web_refresh.status(),
        StatusCode::BAD_REQUEST,
        "the other browser's app too"
    );
    assert!(!alive(&app, &web).await);
    // The AWSMobileClient state endpoint agrees.
    let state: Value = api_get(&app, "/session", access(&demo))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        state["state"], "SIGNED_OUT_USER_POOLS_TOKENS_INVALID",
        "{state}"
    );
    // Both browsers are signed out: the account page sends them to sign in.
    for client in [&app.browser, &second_browser] {
        let response = app.get(client, "/account").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(
            location(&response).starts_with("/oauth2/authorize?"),
            "{}",
            location(&response)
        );
    }
    // Bob's browser is still signed in.
    let bob_page = app.get(&bob_browser, "/account").await;
    assert_eq!(bob_page.status(), StatusCode::OK);
}

/// Makes every SSO session of the local `user` look signed in an hour ago.
async fn age_sign_in(app: &TestApp, user: &str) {
    let now = time::OffsetDateTime::now_utc();
    let found = app.store().user_sessions("local", user, now).await.unwrap();
    assert!(!found.sso_sessions.is_empty());
    for sso in found.sso_sessions {
        let mut record = sso.record;
        record.auth_time -= 3600;
        app.store()
            .put_sso_session(&sso.id, &record, sso.expires_at)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn an_old_sign_in_signs_in_again_before_signing_out_everywhere() {
    let app = spawn_app_with(EXTRA).await;
    let (demo, _) = two_apps(&app, &app.browser).await;
    age_sign_in(&app, USER).await;
    let html = account_page(&app, &app.browser).await;
    let csrf = input_value(&html, "csrf").unwrap();

    let response = post_form(
        &app,
        &app.browser,
        "/account/sign-out-everywhere",
        &[("csrf", &csrf)],
    )
    .await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let authorize = location(&response);
    assert!(authorize.starts_with("/oauth2/authorize?"), "{authorize}");
    assert_eq!(query_param(&authorize, "prompt").as_deref(), Some("login"));
    assert_eq!(
        query_param(&authorize, "client_id").as_deref(),
        Some("authgate-account")
    );
    assert!(alive(&app, &demo).await, "nothing ended yet");
    // The sign-in page, even though the browser has an SSO session.
    let response = app.get(&app.browser, &authorize).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page_url = location(&response);
    assert!(page_url.starts_with("/signin/"), "{page_url}");
    let html = app.get(&app.browser, &page_url).await.text().await.unwrap();
    let csrf = input_value(&html, "csrf").unwrap();
    let back = app
        .post_password(&app.browser, &page_url, Some(&csrf), USER, PASSWORD)
        .await;
    let callback = location(&back);
    assert!(callback.contains("/account/callback?"), "{callback}");
    let response = app.get(&app.browser, &callback).await;
    assert_eq!(
        location(&response),
        "/account/sign-out-everywhere",
        "back to the action"
    );
    let confirm = app.get(&app.browser, "/account/sign-out-everywhere").await;
    assert_eq!(confirm.status(), StatusCode::OK);
    let csrf = input_value(&confirm.text().await.unwrap(), "csrf").unwrap();
    let done = post_form(
        &app,
        &app.browser,
        "/account/sign-out-everywhere",
        &[("csrf", &csrf)],
    )
    .await;
    assert_eq!(done.status(), StatusCode::OK);
    assert!(!alive(&app, &demo).await, "ended after the fresh sign-in");
}

#[tokio::test]
async fn a_callback_with_the_wrong_state_is_refused() {
    let app = spawn_app().await;
    let response = app.get(&app.browser, "/account").await;
    let authorize = location(&response);
    assert!(authorize.starts_with("/oauth2/authorize?"));

    let forged = app
        .get(&app.browser, "/account/callback?code=x&state=forged")
        .await;

    assert_eq!(forged.status(), StatusCode::BAD_REQUEST);
    assert!(forged.headers().get("location").is_none());
}

#[tokio::test]
async fn without_a_session_the_account_page_signs_in_and_comes_back() {
    let app = spawn_app().await;
    let wanted = "/account?client_id=demo&redirect_uri=myapp%3A%2F%2Fcallback";

    let response = app.get(&app.browser, wanted).await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let authorize = location(&response);
    let response = app.get(&app.browser, &authorize).await;
    let page_url = location(&response);
    let html = app.get(&app.browser, &page_url).await.text().await.unwrap();
    let csrf = input_value(&html, "csrf").unwrap();
    let back = app
        .post_password(&app.browser, &page_url, Some(&csrf), USER, PASSWORD)
        .await;
    let response = app.get(&app.browser, &location(&back)).await;
    assert_eq!(location(&response), wanted);
    let html = account_page(&app, &app.browser).await;
    assert!(html.contains(r#"href="myapp://callback""#), "{html}");
    assert!(html.contains("Back to Demo app"));
    // The account pages' own sign-in is no app session.
    assert_eq!(handles(&html).len(), 1, "only this browser");
}

#[tokio::test]
async fn a_back_link_to_an_unregistered_address_is_refused() {
    let app = spawn_app().await;
    app.login(&app.browser, &Authorize::native()).await;

    for query in [
        "client_id=demo&redirect_uri=https%3A%2F%2Fevil.example%2F",
        "client_id=nobody&redirect_uri=myapp%3A%2F%2Fcallback",
        "client_id=demo",
        "client_id=authgate-account&redirect_uri=http%3A%2F%2F127.0.0.1%2Faccount%2Fcallback",
    ] {
        let response = app.get(&app.browser, &format!("/account?{query}")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        let html = response.text().await.unwrap();
        assert!(html.contains("not one of the app"), "{query}: {html}");
        assert!(
            !html.contains(r#"href="https://evil.example"#),
            "no link there"
        );
    }
}

#[tokio::test]
async fn the_api_refuses_bad_expired_and_revoked_tokens() {
    let app = spawn_app().await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let state = app.state.as_ref().unwrap();
    let mut claims = claims(access(&tokens));
    claims["exp"] = serde_json::json!(time::OffsetDateTime::now_utc().unix_timestamp() - 60);
    let expired = state.keys.sign(&claims).unwrap();
    let id = session_of(&sessions_of(&app, access(&tokens)).await, "demo")["id"]
        .as_str()
        .unwrap()
        .to_string();

    for token in ["not-a-token", expired.as_str()] {
        for path in ["/account/api/profile", "/account/api/sessions"] {
            let response = api_get(&app, path, token).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
            assert!(response.headers().contains_key("www-authenticate"));
        }
        let delete = app
            .api
            .delete(app.url(&format!("/account/api/sessions/{id}")))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(delete.status(), StatusCode::UNAUTHORIZED);
    }
    let none = app
        .api
        .get(app.url("/account/api/sessions"))
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), StatusCode::UNAUTHORIZED);
    assert!(alive(&app, &tokens).await, "nothing ended");

    // Its own session ended through the API: the token dies with it.
    let profile: Value = api_get(&app, "/account/api/profile", access(&tokens))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(profile["username"], USER);
    assert_eq!(profile["managed_by"], "configuration");
    let delete = app
        .api
        .delete(app.url(&format!("/account/api/sessions/{id}")))
        .bearer_auth(access(&tokens))
        .send()
        .await
        .unwrap();
    assert_eq!(delete.status(), StatusCode::NO_CONTENT);
    let revoked = api_get(&app, "/account/api/sessions", access(&tokens)).await;
    assert_eq!(revoked.status(), StatusCode::UNAUTHORIZED);
    let again = app
        .api
        .post(app.url("/account/api/sign-out-everywhere"))
        .bearer_auth(access(&tokens))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_api_signs_out_everywhere_only_after_a_recent_sign_in() {
    let app = spawn_app().await;
    let (demo, other) = two_apps(&app, &app.browser).await;
    // An old sign-in behind the token: its family says so.
    let family_id = claims(access(&demo))["origin_jti"]
        .as_str()
        .unwrap()
        .to_string();
    let now = time::OffsetDateTime::now_utc();
    let found = app.store().user_sessions("local", USER, now).await.unwrap();
    let old = found.families.iter().find(|f| f.id == family_id).unwrap();
    let mut record = old.record.clone();
    record.auth_time -= 3600;
    app.store()
        .update_refresh_family(&family_id, &record, now)
        .await
        .unwrap();

    let refused = app
        .api
        .post(app.url("/account/api/sign-out-everywhere"))
        .bearer_auth(access(&demo))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["error"], "login_required");
    assert_eq!(body["max_age"], 300);
    assert!(alive(&app, &other).await, "nothing ended");

    let done = app
        .api
        .post(app.url("/account/api/sign-out-everywhere"))
        .bearer_auth(access(&other))
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), StatusCode::OK);
    let body: Value = done.json().await.unwrap();
    assert_eq!(body["families"], 2);
    assert_eq!(body["sso_sessions"], 1);
    for (tokens, client_id) in [(&demo, "demo"), (&other, "other")] {
        assert!(!alive(&app, tokens).await);
        assert!(!refreshes(&app, tokens, client_id).await);
    }
}

/// authgate with one OpenID provider, two apps of it.
async fn with_oidc() -> (TestApp, StubOp) {
    let op = StubOp::start().await;
    let extra = format!(
        r#"
[[providers]]
id = "op-a"
kind = "oidc"
name = "Provider A"
issuer = "{issuer}"
client_id = "authgate"
timeout = "2s"

[[apps]]
client_id = "fed"
name = "Federated app"
redirect_uris = ["fedapp://cb"]
providers = ["op-a"]
scopes = ["openid", "email", "profile"]

[[apps]]
client_id = "fed2"
name = "Second federated app"
redirect_uris = ["fedtwo://cb"]
providers = ["op-a"]
scopes = ["openid"]
"#,
        issuer = op.issuer
    );
    (spawn_app_with(&extra).await, op)
}

fn fed(client_id: &str, redirect_uri: &str) -> Authorize {
    let mut request = Authorize::native();
    request.client_id = client_id.into();
    request.redirect_uri = redirect_uri.into();
    request
}

/// Signs in at the stand-in provider through `request`: the app's token response.
async fn upstream_login(app: &TestApp, op: &StubOp, request: &Authorize) -> Value {
    let response = app.authorize(&app.browser, request).await;
    if response.status() == StatusCode::FOUND {
        // Single sign-on.
        let code = query_param(&location(&response), "code").unwrap();
        return app.exchange(request, &code).await.json().await.unwrap();
    }
    let signin = app.get(&app.browser, &location(&response)).await;
    let upstream = url::Url::parse(&location(&signin)).unwrap();
    let pair = |name: &str| {
        upstream
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .unwrap()
    };
    op.answer_with_id_token(&op.sign(&op.claims("authgate", &pair("nonce"))));
    let callback = app.url(&format!(
        "/oauth2/idpresponse/op-a?code=c1&state={}&iss={}",
        pair("state"),
        url::form_urlencoded::byte_serialize(op.issuer.as_bytes()).collect::<String>()
    ));
    let back = app.get(&app.browser, &callback).await;
    let code = query_param(&location(&back), "code").expect("a code for the app");
    app.exchange(request, &code).await.json().await.unwrap()
}

#[tokio::test]
async fn an_upstream_users_sessions_are_listed_ended_and_signed_out_everywhere() {
    let (app, op) = with_oidc().await;
    let first = upstream_login(&app, &op, &fed("fed", "fedapp://cb")).await;
    let second = upstream_login(&app, &op, &fed("fed2", "fedtwo://cb")).await;
    let third = upstream_login(&app, &op, &fed("fed", "fedapp://cb")).await;

    let html = account_page(&app, &app.browser).await;
    assert!(
        html.contains("These details come from Provider A"),
        "{html}"
    );
    assert!(html.contains("carol@example.com"));
    // Read-only: no change pages for an upstream user, and a 403 page when asked anyway.
    assert!(!html.contains(r#"href="/account/profile""#));
    for path in ["/account/profile", "/account/password"] {
        let response = app.get(&app.browser, path).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }
    let csrf = input_value(&html, "csrf").unwrap();
    let refused = post_form(
        &app,
        &app.browser,
        "/account/profile",
        &[("csrf", &csrf), ("email", "mallory@example.com")],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let listed = sessions_of(&app, access(&first)).await;
    assert_eq!(
        listed.len(),
        4,
        "three app sign-ins and the browser: {listed:?}"
    );
    assert!(listed.iter().all(|s| s["provider"] == "op-a"));
    let current: Vec<_> = listed.iter().filter(|s| s["current"] == true).collect();
    assert_eq!(current.len(), 1, "the token's own family");
    assert_eq!(current[0]["client_id"], "fed");
    let profile: Value = api_get(&app, "/account/api/profile", access(&second))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(profile["managed_by"], "provider");
    assert_eq!(profile["provider_name"], "Provider A");

    // End the second app's session through the API.
    let id = session_of(&listed, "fed2")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let delete = app
        .api
        .delete(app.url(&format!("/account/api/sessions/{id}")))
        .bearer_auth(access(&first))
        .send()
        .await
        .unwrap();
    assert_eq!(delete.status(), StatusCode::NO_CONTENT);
    assert!(!alive(&app, &second).await);
    assert!(!refreshes(&app, &second, "fed2").await);
    assert!(alive(&app, &first).await);

    // Then everywhere, from the page.
    let html = account_page(&app, &app.browser).await;
    let csrf = input_value(&html, "csrf").unwrap();
    let response = post_form(
        &app,
        &app.browser,
        "/account/sign-out-everywhere",
        &[("csrf", &csrf)],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    for tokens in [&first, &third] {
        assert!(!alive(&app, tokens).await);
        assert!(!refreshes(&app, tokens, "fed").await);
    }
}

#[tokio::test]
async fn each_session_shows_the_browser_and_address_it_signed_in_from() {
    let app = spawn_app().await;
    crate::support::peers::install_crypto_provider();
    let firefox = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .user_agent("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
        .build()
        .unwrap();
    let tokens = app.login(&firefox, &Authorize::native()).await;

    let html = account_page(&app, &firefox).await;
    let listed = sessions_of(&app, access(&tokens)).await;

    assert!(html.contains("Firefox on Linux"), "{html}");
    assert!(html.contains("127.0.0.1"));
    for session in &listed {
        assert_eq!(session["address"], "127.0.0.1", "{session}");
        assert!(
            session["user_agent"]
                .as_str()
                .unwrap()
                .contains("Firefox/133.0"),
            "{session}"
        );
    }
}

#[tokio::test]
async fn the_api_allows_the_tokens_own_apps_origins_only() {
    let app = spawn_app().await;
    let (demo, other) = two_apps(&app, &app.browser).await;
    // The demo app's loopback redirect URI allows its host on any port; the other app has none.
    let origin = "http://127.0.0.1:5173";
    let ask = |token: String| {
        app.api
            .get(app.url("/account/api/sessions"))
            .bearer_auth(token)
            .header("Origin", origin)
            .send()
    };

    let allowed = ask(access(&demo).to_string()).await.unwrap();
    let refused = ask(access(&other).to_string()).await.unwrap();
    let preflight = app
        .api
        .request(reqwest::Method::OPTIONS, app.url("/account/api/sessions/x"))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "DELETE")
        .send()
        .await
        .unwrap();

    assert_eq!(allowed.status(), StatusCode::OK);
    assert_eq!(allowed.headers()["access-control-allow-origin"], origin);
    assert_eq!(
        refused.status(),
        StatusCode::OK,
        "answered, but not to that page"
    );
    assert!(
        !refused
            .headers()
            .contains_key("access-control-allow-origin")
    );
    assert_eq!(preflight.status(), StatusCode::NO_CONTENT);
    let methods = preflight.headers()["access-control-allow-methods"]
        .to_str()
        .unwrap();
    assert!(methods.contains("DELETE"), "{methods}");
}

#[tokio::test]
async fn the_forms_and_the_api_are_rate_limited_and_a_refused_post_ends_nothing() {
    let app = spawn_app_with("[rate_limits]\naccount_per_address = \"3/1m\"\n").await;
    let (demo, other) = two_apps(&app, &app.browser).await;
    // Showing the page is not counted; two API calls are.
    for _ in 0..3 {
        account_page(&app, &app.browser).await;
    }
    let listed = sessions_of(&app, access(&demo)).await;
    let other_id = session_of(&listed, "other")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let demo_id = session_of(&listed, "demo")["id"]
        .as_str()
        .unwrap()
        .to_string();
    sessions_of(&app, access(&demo)).await;
    let html = account_page(&app, &app.browser).await;
    let csrf = input_value(&html, "csrf").unwrap();
    let end = |id: &str| [("csrf", csrf.clone()), ("session", id.to_string())];

    let third = app
        .browser
        .post(app.url("/account/sessions/end"))
        .form(&end(&other_id))
        .send()
        .await
        .unwrap();
    let fourth = app
        .browser
        .post(app.url("/account/sessions/end"))
        .form(&end(&demo_id))
        .send()
        .await
        .unwrap();
    let api = api_get(&app, "/account/api/sessions", access(&demo)).await;

    assert_eq!(
        third.status(),
        StatusCode::SEE_OTHER,
        "the third request counts"
    );
    assert_eq!(fourth.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(fourth.headers().contains_key("retry-after"));
    assert_eq!(api.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(!alive(&app, &other).await, "ended by the third");
    assert!(alive(&app, &demo).await, "the refused ones ended nothing");
}

#[tokio::test]
async fn every_change_is_an_audit_event_naming_nobody_and_no_secret() {
    let dir = tempfile::tempdir().expect("tmp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("probe")
        .local_addr()
        .expect("addr")
        .port();
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, test_config(&dir, port, "")).expect("config");
    let server =
        crate::support::binary::start_with_env(&config, "info", &[("AUTHGATE_LOG_FORMAT", "json")]);
    let app = TestApp::remote(&server.address);
    let (demo, other) = two_apps(&app, &app.browser).await;
    let listed = sessions_of(&app, access(&demo)).await;
    let other_id = session_of(&listed, "other")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let html = account_page(&app, &app.browser).await;
    let csrf = input_value(&html, "csrf").unwrap();

    let ended = post_form(
        &app,
        &app.browser,
        "/account/sessions/end",
        &[("csrf", &csrf), ("session", &other_id)],
    )
    .await;
    let everywhere = app
        .api
        .post(app.url("/account/api/sign-out-everywhere"))
        .bearer_auth(access(&demo))
        .send()
        .await
        .unwrap();

    assert_eq!(ended.status(), StatusCode::SEE_OTHER);
    assert_eq!(everywhere.status(), StatusCode::OK);
    let log = server.stop_and_read_log();
    let events: Vec<Value> = log
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|line| {
            line["event"]
                .as_str()
                .is_some_and(|e| e.starts_with("account_"))
        })
        .collect();
    let one = events
        .iter()
        .find(|e| e["event"] == "account_session_ended")
        .expect("account_session_ended");
    assert_eq!(one["kind"], "app");
    assert_eq!(one["app"], "other");
    assert_eq!(one["via"], "page");
    let all = events
        .iter()
        .find(|e| e["event"] == "account_signed_out_everywhere")
        .expect("account_signed_out_everywhere");
    assert_eq!(all["via"], "api");
    assert_eq!(all["families"], 1, "the other app's had ended already");
    assert_eq!(all["pool"], "none");
    assert_eq!(one["subject"], all["subject"], "one pseudonym for one user");
    for event in [one, all] {
        assert_ne!(event["subject"], USER, "a pseudonym, not the user name");
    }
    for secret in [
        access(&demo),
        refresh_token(&demo),
        access(&other),
        refresh_token(&other),
        csrf.as_str(),
    ] {
        assert!(!log.contains(secret), "a secret reached the log");
    }
    assert!(!log.contains(&other_id[4..]), "not even a session handle");
}

#[tokio::test]
async fn ending_this_browsers_own_sign_in_signs_it_out_with_its_apps_tokens() {
    let app = spawn_app().await;
    let (demo, other) = two_apps(&app, &app.browser).await;
    let listed = sessions_of(&app, access(&demo)).await;
    let browser_id = listed
        .iter()
        .find(|s| s["kind"] == "browser")
        .expect("the browser's sign-in")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let html = account_page(&app, &app.browser).await;
    let csrf = input_value(&html, "csrf").unwrap();

    let response = post_form(
        &app,
        &app.browser,
        "/account/sessions/end",
        &[("csrf", &csrf), ("session", &browser_id)],
    )
    .await;

    assert_eq!(response.status(), StatusCode::OK, "the signed-out page");
    // As /logout of that browser: the apps' tokens issued through it end too.
    assert!(!alive(&app, &demo).await);
    assert!(!alive(&app, &other).await);
    let again = app.get(&app.browser, "/account").await;
    assert_eq!(
        again.status(),
        StatusCode::SEE_OTHER,
        "signed out: sign in again"
    );
}

/// A Cognito pool user (against the Cognito stand-in): signing out everywhere asks the pool to
/// sign them out too, with the pool access token kept from their sign-in. The stand-in does
/// not implement `GlobalSignOut` (it refuses it): the sessions here end all the same, and the
/// answer says the pool did not.
#[tokio::test]
async fn a_pool_users_sign_out_everywhere_asks_the_pool_with_the_kept_pool_token() {
    use crate::support::cognito_standin::{CognitoStandin, UserOptions};
    use crate::support::moto::Pool;
    use crate::support::pool::{pool_request, spawn_for_endpoint};
    let standin = CognitoStandin::start().await;
    let sub = standin.add_user("pat", "Str0ng-enough!", UserOptions::default());
    let pool = Pool {
        id: standin.pool_id().to_string(),
        client_id: standin.secret_client_id().to_string(),
        client_secret: Some(standin.client_secret().to_string()),
    };
    let app = spawn_for_endpoint(pool, standin.endpoint(), "").await;
    let tokens = app
        .login(
            &app.app.browser,
            &pool_request("poolapp"),
            "pat",
            "Str0ng-enough!",
        )
        .await;
    // The pool refuses: every session here must end all the same.
    standin.fail_next("GlobalSignOut", "NotAuthorizedException");

    let response = app
        .app
        .api
        .post(app.app.url("/account/api/sign-out-everywhere"))
        .bearer_auth(access(&tokens))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["families"], 1);
    assert_eq!(body["sso_sessions"], 1);
    assert_eq!(body["pool_signed_out"], false, "the pool refused it");
    let asked = standin.requests_to("GlobalSignOut");
    assert_eq!(asked.len(), 1, "one GlobalSignOut: {asked:?}");
    let pool_token = asked[0]["AccessToken"].as_str().expect("AccessToken");
    assert_eq!(
        claims(pool_token)["sub"],
        sub.as_str(),
        "the user's own pool token"
    );
    assert_ne!(
        pool_token,
        access(&tokens),
        "the pool's token, not authgate's"
    );
    assert!(!alive(&app.app, &tokens).await);
    assert!(!refreshes(&app.app, &tokens, "poolapp").await);

    // Signed in again, with a pool that answers: the pool signs the user out too.
    let again = app
        .login(
            &app.app.browser,
            &pool_request("poolapp"),
            "pat",
            "Str0ng-enough!",
        )
        .await;
    let response = app
        .app
        .api
        .post(app.app.url("/account/api/sign-out-everywhere"))
        .bearer_auth(access(&again))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body["pool_signed_out"], true,
        "the pool signed the user out"
    );
    assert_eq!(standin.requests_to("GlobalSignOut").len(), 2);
    assert!(!alive(&app.app, &again).await);
}

#[tokio::test]
async fn the_account_page_speaks_the_browsers_language() {
    let app = spawn_app().await;
    app.login(&app.browser, &Authorize::native()).await;

    let page = |lang: &'static str| {
        app.browser
            .get(app.url("/account"))
            .header("Accept-Language", lang)
            .send()
    };
    let ja = page("ja").await.unwrap().text().await.unwrap();
    let ar = page("ar").await.unwrap().text().await.unwrap();

    assert!(ja.contains(r#"<html lang="ja""#), "{ja}");
    assert!(ja.contains("サインインしている場所"));
    assert!(ja.contains("すべての場所からサインアウト"));
    assert!(ar.contains(r#"dir="rtl""#));
    assert!(ar.contains("تسجيل الخروج من كل مكان"));
}

/// After signing out everywhere, the old tokens get no AWS credentials: authgate's
/// `/aws/credentials` refuses the old access token before anything reaches the identity pool
/// (moto's, behind the recording stand-in), and the session endpoint says signed out.
#[tokio::test]
async fn signing_out_everywhere_ends_the_aws_credentials_of_the_old_tokens() {
    use crate::support::aws::{aws_app, request};
    let aws = aws_app("", "").await;
    let client = browser();
    let tokens = aws.app.login(&client, &request("awsapp")).await;
    let credentials = |token: String| {
        let app = &aws.app;
        async move {
            app.api
                .post(app.url("/aws/credentials"))
                .bearer_auth(token)
                .send()
                .await
                .expect("request")
        }
    };
    let before = credentials(access(&tokens).to_string()).await;
    assert_eq!(
        before.status(),
        StatusCode::OK,
        "credentials while signed in"
    );
    let calls = aws.proxy.operations().len();
    let csrf = input_value(&account_page(&aws.app, &client).await, "csrf").unwrap();

    let done = post_form(
        &aws.app,
        &client,
        "/account/sign-out-everywhere",
        &[("csrf", &csrf)],
    )
    .await;

    assert_eq!(done.status(), StatusCode::OK, "the signed-out page");
    let after = credentials(access(&tokens).to_string()).await;
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        aws.proxy.operations().len(),
        calls,
        "nothing reached the identity pool: {:?}",
        aws.proxy.operations()
    );
    let refreshed = aws.app.refresh("awsapp", refresh_token(&tokens)).await;
    assert_eq!(
        refreshed.status(),
        StatusCode::BAD_REQUEST,
        "no refresh for new credentials"
    );
    let state: Value = api_get(&aws.app, "/session", access(&tokens))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        state["state"], "SIGNED_OUT_USER_POOLS_TOKENS_INVALID",
        "{state}"
    );
}
