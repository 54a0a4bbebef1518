//! `kind = "apple"` against a stand-in of Sign in with Apple (`support::apple_standin`), which
//! verifies the ES256 client secret with the public key of the `.p8` it made, PKCE, the
//! redirect URI and single-use codes, and sends the `user` field on a user's first sign-in
//! only. Apple answers by `form_post`: the test posts the answer from a client without
//! authgate's cookie (as a browser does cross-site), then follows the 303 in the browser.

use crate::support::app::*;
use crate::support::apple_standin::{AppleStandIn, CLIENT_ID, KEY_ID, Spoil, TEAM_ID};
use reqwest::StatusCode;
use serde_json::Value;

struct Siwa {
    app: TestApp,
    apple: AppleStandIn,
}

async fn with_apple() -> Siwa {
    with_apple_keyed(KEY_ID).await
}

/// authgate with two Apple providers on one stand-in (`apple`, and `apple-b` for answers
/// delivered on the wrong path); `key_id` is what authgate puts in its client secrets.
async fn with_apple_keyed(key_id: &str) -> Siwa {
    let apple = AppleStandIn::start().await;
    let provider = |id: &str| {
        format!(
            r#"
[[providers]]
id = "{id}"
kind = "apple"
name = "Apple"
client_id = "{CLIENT_ID}"
team_id = "{TEAM_ID}"
key_id = "{key_id}"
private_key_file = "{p8}"
issuer = "{base}"
authorization_endpoint = "{base}/auth/authorize"
token_endpoint = "{base}/auth/token"
jwks_uri = "{base}/auth/keys"
timeout = "2s"
"#,
            p8 = apple.p8_path.display(),
            base = apple.base,
        )
    };
    let extra = format!(
        r#"
{}{}
[[apps]]
client_id = "ios"
name = "iOS app"
redirect_uris = ["iosapp://cb"]
providers = ["apple", "apple-b"]
scopes = ["openid", "email", "profile"]
"#,
        provider("apple"),
        provider("apple-b"),
    );
    Siwa {
        app: spawn_app_with(&extra).await,
        apple,
    }
}

fn ios_request() -> Authorize {
    let mut request = Authorize::native();
    request.client_id = "ios".into();
    request.redirect_uri = "iosapp://cb".into();
    request.with("identity_provider", "apple")
}

/// authorize in `client` → Apple's authorize URL → the form Apple's page posts back.
async fn at_apple(s: &Siwa, client: &reqwest::Client, request: &Authorize) -> (String, Value) {
    let response = s.app.authorize(client, request).await;
    let response = s.app.get(client, &location(&response)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let authorize = location(&response);
    let page = reqwest::get(&authorize).await.expect("Apple");
    assert_eq!(
        page.status(),
        StatusCode::OK,
        "the stand-in took the request"
    );
    let form: Value = page.json().await.expect("form");
    (authorize, form)
}

/// Apple's page posts the form (cross-site: no authgate cookie, Apple's Origin).
async fn post_form(s: &Siwa, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    browser()
        .post(s.app.url(path))
        .header("origin", "https://appleid.apple.com")
        .form(fields)
        .send()
        .await
        .expect("post")
}

fn fields(form: &Value) -> Vec<(String, String)> {
    form["fields"]
        .as_object()
        .expect("fields")
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().expect("string").to_string()))
        .collect()
}

/// The whole sign-in in `client`: the token response.
async fn signed_in(s: &Siwa, client: &reqwest::Client) -> (Value, Value) {
    let request = ios_request();
    let (_, form) = at_apple(s, client, &request).await;
    let pairs = fields(&form);
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let posted = post_form(s, "/oauth2/idpresponse/apple", &pairs).await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    let back = s.app.get(client, &location(&posted)).await;
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    let code = query_param(&location(&back), "code").expect("code for the app");
    let response = s.app.exchange(&request, &code).await;
    assert_eq!(response.status(), StatusCode::OK);
    (response.json().await.expect("json"), form)
}

#[tokio::test]
async fn an_apple_login_ends_with_tokens_and_the_first_answers_name() {
    // Arrange
    let s = with_apple().await;

    // Act: first sign-in (Apple sends `user`), then a second in another browser (it does not).
    let (first, first_form) = signed_in(&s, &s.app.browser).await;
    let (second, second_form) = signed_in(&s, &browser()).await;

    // Assert
    assert!(
        first_form["fields"]["user"].is_string(),
        "first answer has user"
    );
    assert!(
        second_form["fields"].get("user").is_none(),
        "later ones do not"
    );
    let id = claims(first["id_token"].as_str().expect("id"));
    assert_eq!(id["name"], "Jane Appleseed");
    assert_eq!(id["given_name"], "Jane");
    assert_eq!(id["family_name"], "Appleseed");
    assert_eq!(id["email"], "x7kq2m9p4r@privaterelay.appleid.com");
    assert_eq!(
        id["email_verified"], true,
        "Apple's \"true\" string is a verified address"
    );
    let again = claims(second["id_token"].as_str().expect("id"));
    assert_eq!(
        again["sub"], id["sub"],
        "the same Apple user, the same subject"
    );
    assert!(again.get("name").is_none(), "no name without `user`");
    assert_eq!(again["email"], id["email"]);
    // Apple's ID token is kept, sealed, for AWS federation (Logins: appleid.apple.com).
    let kept = kept_upstream_tokens(&s.app, first["refresh_token"].as_str().expect("r")).await;
    assert_eq!(
        claims(&kept.id_token.expect("Apple's ID token"))["aud"],
        CLIENT_ID
    );
    // What authgate sent Apple: PKCE, and one cached client secret, verified by the stand-in
    // with the .p8's public key (or no code would have been issued).
    let apple = s.apple.state.lock().expect("lock");
    assert!(apple.pkce_seen);
    assert_eq!(apple.client_secrets.len(), 2);
    assert_eq!(apple.client_secrets[0], apple.client_secrets[1], "cached");
    let secret = claims(&apple.client_secrets[0]);
    assert_eq!(secret["iss"], TEAM_ID);
    assert_eq!(secret["sub"], CLIENT_ID);
    assert_eq!(secret["aud"], "https://appleid.apple.com");
}

#[tokio::test]
async fn the_authorize_request_asks_for_form_post_with_name_and_email() {
    let s = with_apple().await;
    let (authorize, _) = at_apple(&s, &s.app.browser, &ios_request()).await;
    assert_eq!(
        query_param(&authorize, "response_mode").as_deref(),
        Some("form_post")
    );
    assert_eq!(
        query_param(&authorize, "scope").as_deref(),
        Some("name email")
    );
    assert_eq!(
        query_param(&authorize, "client_id").as_deref(),
        Some(CLIENT_ID)
    );
    assert_eq!(
        query_param(&authorize, "redirect_uri"),
        Some(s.app.url("/oauth2/idpresponse/apple"))
    );
    assert_eq!(
        query_param(&authorize, "code_challenge_method").as_deref(),
        Some("S256")
    );
}

/// A posted answer authgate must refuse: a page, no redirect, and no code at the continue link.
async fn assert_refused(s: &Siwa, response: reqwest::Response, state: &str) {
    assert!(response.status().is_client_error() || response.status().is_server_error());
    assert!(response.headers().get("location").is_none(), "no code");
    assert!(response.text().await.expect("html").contains("<h1>"));
    let after = s
        .app
        .get(
            &s.app.browser,
            &format!("/oauth2/idpresponse/apple/continue?flow={state}"),
        )
        .await;
    assert!(after.headers().get("location").is_none(), "nothing waits");
    assert_eq!(after.status(), StatusCode::BAD_REQUEST);
}

/// Starts a sign-in and returns Apple's answer as posted fields, after `spoil` is applied.
async fn answer(s: &Siwa, spoil: Spoil) -> Vec<(String, String)> {
    s.apple.set(|a| a.spoil = spoil);
    let (_, form) = at_apple(s, &s.app.browser, &ios_request()).await;
    fields(&form)
}

fn get<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .expect(name)
}

fn as_refs(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

#[tokio::test]
async fn a_forged_id_token_signature_is_refused() {
    let s = with_apple().await;
    let pairs = answer(&s, Spoil::ForgedSignature).await;
    let response = post_form(&s, "/oauth2/idpresponse/apple", &as_refs(&pairs)).await;
    assert_refused(&s, response, get(&pairs, "state")).await;
}

#[tokio::test]
async fn an_id_token_for_another_audience_is_refused() {
    let s = with_apple().await;
    let pairs = answer(&s, Spoil::WrongAudience).await;
    let response = post_form(&s, "/oauth2/idpresponse/apple", &as_refs(&pairs)).await;
    assert_refused(&s, response, get(&pairs, "state")).await;
}

#[tokio::test]
async fn an_id_token_from_another_issuer_is_refused() {
    let s = with_apple().await;
    let pairs = answer(&s, Spoil::WrongIssuer).await;
    let response = post_form(&s, "/oauth2/idpresponse/apple", &as_refs(&pairs)).await;
    assert_refused(&s, response, get(&pairs, "state")).await;
}

#[tokio::test]
async fn an_answer_for_a_state_never_issued_is_refused() {
    let s = with_apple().await;
    let pairs = answer(&s, Spoil::None).await;
    let response = post_form(
        &s,
        "/oauth2/idpresponse/apple",
        &[("code", get(&pairs, "code")), ("state", "forged-state")],
    )
    .await;
    assert_refused(&s, response, "forged-state").await;
}

#[tokio::test]
async fn a_replayed_answer_is_refused() {
    let s = with_apple().await;
    let pairs = answer(&s, Spoil::None).await;
    let first = post_form(&s, "/oauth2/idpresponse/apple", &as_refs(&pairs)).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let replay = post_form(&s, "/oauth2/idpresponse/apple", &as_refs(&pairs)).await;
    assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
    assert!(replay.headers().get("location").is_none());
}

#[tokio::test]
async fn an_answer_on_another_providers_path_is_refused() {
    let s = with_apple().await;
    let pairs = answer(&s, Spoil::None).await;
    let response = post_form(&s, "/oauth2/idpresponse/apple-b", &as_refs(&pairs)).await;
    assert_refused(&s, response, get(&pairs, "state")).await;
}

#[tokio::test]
async fn an_answer_without_a_code_is_refused() {
    let s = with_apple().await;
    let pairs = answer(&s, Spoil::None).await;
    let response = post_form(
        &s,
        "/oauth2/idpresponse/apple",
        &[("state", get(&pairs, "state"))],
    )
    .await;
    assert_refused(&s, response, get(&pairs, "state")).await;
}

#[tokio::test]
async fn an_answer_on_a_query_string_is_not_apples() {
    let s = with_apple().await;
    let pairs = answer(&s, Spoil::None).await;
    let url = format!(
        "/oauth2/idpresponse/apple?code={}&state={}",
        get(&pairs, "code"),
        get(&pairs, "state")
    );
    let response = s.app.get(&s.app.browser, &url).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.headers().get("location").is_none());
}

#[tokio::test]
async fn a_user_who_cancels_goes_back_to_the_app_with_access_denied() {
    let s = with_apple().await;
    let pairs = answer(&s, Spoil::None).await;
    let posted = post_form(
        &s,
        "/oauth2/idpresponse/apple",
        &[
            ("error", "user_cancelled_authorize"),
            ("state", get(&pairs, "state")),
        ],
    )
    .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    let back = location(&s.app.get(&s.app.browser, &location(&posted)).await);
    assert!(back.starts_with("iosapp://cb?"), "{back}");
    assert_eq!(
        query_param(&back, "error").as_deref(),
        Some("access_denied")
    );
    assert!(query_param(&back, "code").is_none());
}

#[tokio::test]
async fn a_client_secret_apple_cannot_verify_gets_a_page() {
    // authgate signs with the right key but names another key id: Apple refuses the secret.
    let s = with_apple_keyed("OTHERKEY99").await;
    let pairs = answer(&s, Spoil::None).await;
    let response = post_form(&s, "/oauth2/idpresponse/apple", &as_refs(&pairs)).await;
    assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
    assert!(response.headers().get("location").is_none());
}
