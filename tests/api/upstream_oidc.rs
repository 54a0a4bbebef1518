//! `kind = "oidc"` against the stand-in provider: the whole flow, and every way an upstream
//! response can be forged, replayed, misdelivered or broken. Each negative asserts that the
//! app got no code.

use crate::support::app::*;
use crate::support::upstream_stub::{StubOp, signer};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use reqwest::StatusCode;
use serde_json::json;
use std::time::Duration;

const UPSTREAM_SECRET: &str = "upstream-client-secret-0123456789";

struct Fed {
    app: TestApp,
    a: StubOp,
    b: StubOp,
}

/// authgate with two upstream providers (`op-a`, `op-b`), a Google-like one restricted to the
/// `example.com` hosted domain (served by A), and one that points at a closed port.
async fn federated() -> Fed {
    let a = StubOp::start().await;
    let b = StubOp::start().await;
    let secret = tempfile::NamedTempFile::new().expect("tmp");
    std::fs::write(secret.path(), UPSTREAM_SECRET).expect("write");
    let (_, secret_path) = secret.keep().expect("keep");
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let provider = |id: &str, issuer: &str, extra: &str| {
        format!(
            r#"
[[providers]]
id = "{id}"
kind = "oidc"
name = "Provider {id}"
issuer = "{issuer}"
client_id = "authgate"
client_secret_file = "{secret}"
timeout = "1s"
{extra}
"#,
            secret = secret_path.display()
        )
    };
    let extra = format!(
        r#"
{}{}{}{}{}{}{}
[[apps]]
client_id = "fed"
name = "Federated app"
redirect_uris = ["fedapp://cb"]
logout_uris = ["fedapp://signout"]
providers = ["local", "op-a", "op-b", "google", "down", "auth0", "op-b-logout", "mapped"]
scopes = ["openid", "email", "profile"]
"#,
        provider("op-a", &a.issuer, ""),
        provider("op-b", &b.issuer, ""),
        provider("google", &a.issuer, r#"hosted_domain = "example.com""#),
        provider("down", &format!("http://127.0.0.1:{dead}"), ""),
        provider("auth0", &a.issuer, r#"federated_logout = "auth0""#),
        provider(
            "mapped",
            &a.issuer,
            r#"claim_mapping = { username = "nickname", name = "display_name" }"#
        ),
        provider("op-b-logout", &b.issuer, r#"federated_logout = "oidc""#),
    );
    let app = spawn_app_with(&extra).await;
    Fed { app, a, b }
}

fn fed_request() -> Authorize {
    let mut request = Authorize::native();
    request.client_id = "fed".into();
    request.redirect_uri = "fedapp://cb".into();
    request
}

/// Starts a sign-in with `provider` in `client`; returns the upstream authorization URL.
async fn go_upstream(app: &TestApp, client: &reqwest::Client, provider: &str) -> url::Url {
    go_upstream_with(
        app,
        client,
        &fed_request().with("identity_provider", provider),
    )
    .await
}

async fn go_upstream_with(
    app: &TestApp,
    client: &reqwest::Client,
    request: &Authorize,
) -> url::Url {
    let response = app.authorize(client, request).await;
    let signin = location(&response);
    let response = app.get(client, &signin).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "sign-in page should send upstream"
    );
    url::Url::parse(&location(&response)).expect("upstream URL")
}

fn param(url: &url::Url, name: &str) -> String {
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .expect(name)
}

/// authgate's callback URL as the provider would redirect to it.
fn callback(app: &TestApp, provider: &str, pairs: &[(&str, &str)]) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        query.append_pair(k, v);
    }
    app.url(&format!(
        "/oauth2/idpresponse/{provider}?{}",
        query.finish()
    ))
}

/// The callback must end in an error page: no redirect, so no code for the app.
async fn assert_refused(app: &TestApp, client: &reqwest::Client, url: &str, status: StatusCode) {
    let response = app.get(client, url).await;
    assert_eq!(response.status(), status, "{url}");
    assert!(
        response.headers().get("location").is_none(),
        "no redirect, no code"
    );
    let html = response.text().await.expect("html");
    assert!(html.contains("<h1>"), "a page for people");
}

#[tokio::test]
async fn an_upstream_login_ends_with_authgate_tokens_for_the_app() {
    // Arrange
    let fed = federated().await;
    let request = fed_request().with("identity_provider", "op-a");
    let upstream = go_upstream_with(&fed.app, &fed.app.browser, &request).await;
    assert!(
        upstream
            .as_str()
            .starts_with(&format!("{}/authorize", fed.a.issuer))
    );
    assert_eq!(
        param(&upstream, "redirect_uri"),
        fed.app.url("/oauth2/idpresponse/op-a")
    );
    assert_eq!(param(&upstream, "client_id"), "authgate");
    assert_eq!(param(&upstream, "code_challenge_method"), "S256");
    let state = param(&upstream, "state");
    let nonce = param(&upstream, "nonce");
    let mut claims = fed.a.claims("authgate", &nonce);
    claims["email_verified"] = json!(false);
    fed.a.answer_with_id_token(&fed.a.sign(&claims));

    // Act
    let url = callback(
        &fed.app,
        "op-a",
        &[("code", "c1"), ("state", &state), ("iss", &fed.a.issuer)],
    );
    let back = fed.app.get(&fed.app.browser, &url).await;

    // Assert: a code for the app, redeemable with the app's own PKCE verifier.
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    let to_app = location(&back);
    assert!(to_app.starts_with("fedapp://cb?code="), "{to_app}");
    let code = query_param(&to_app, "code").expect("code");
    let response = fed.app.exchange(&request, &code).await;
    assert_eq!(response.status(), StatusCode::OK);
    let tokens: serde_json::Value = response.json().await.expect("json");
    let id = claims_of(tokens["id_token"].as_str().expect("id"));
    assert_eq!(
        id["iss"],
        fed.app.address.as_str(),
        "authgate is the issuer (broker mode)"
    );
    assert_eq!(id["email"], "carol@example.com");
    assert_eq!(
        id["email_verified"], false,
        "passed on as the provider stated it"
    );
    assert_eq!(id["name"], "Carol Upstream");
    assert_eq!(id["preferred_username"], "carol@example.com");
    assert_eq!(
        id["nonce"], "nonce-456",
        "the app's nonce, not the upstream one"
    );

    // The same upstream subject through another provider is another authgate subject.
    let client = browser();
    let request_b = fed_request().with("identity_provider", "op-b");
    let upstream = go_upstream_with(&fed.app, &client, &request_b).await;
    fed.b.answer_with_id_token(
        &fed.b
            .sign(&fed.b.claims("authgate", &param(&upstream, "nonce"))),
    );
    let url = callback(
        &fed.app,
        "op-b",
        &[
            ("code", "c"),
            ("state", &param(&upstream, "state")),
            ("iss", &fed.b.issuer),
        ],
    );
    let code = query_param(&location(&fed.app.get(&client, &url).await), "code").expect("code");
    let other: serde_json::Value = fed
        .app
        .exchange(&request_b, &code)
        .await
        .json()
        .await
        .expect("json");
    assert_ne!(
        claims_of(other["id_token"].as_str().expect("id"))["sub"],
        id["sub"]
    );
}

fn claims_of(jwt: &str) -> serde_json::Value {
    crate::support::app::claims(jwt)
}

/// Sets up a flow with A and returns (upstream URL, state, nonce).
async fn flow(fed: &Fed, client: &reqwest::Client, provider: &str) -> (String, String) {
    let upstream = go_upstream(&fed.app, client, provider).await;
    (param(&upstream, "state"), param(&upstream, "nonce"))
}

/// Starts a flow with `start` in `client`, has `answerer` answer a valid token for its nonce, and
/// returns the callback URL on `path`'s provider carrying `iss`.
async fn answered_callback(
    fed: &Fed,
    client: &reqwest::Client,
    start: &str,
    answerer: &StubOp,
    path: &str,
    iss: &str,
) -> String {
    let (state, nonce) = flow(fed, client, start).await;
    answerer.answer_with_id_token(&answerer.sign(&answerer.claims("authgate", &nonce)));
    callback(
        &fed.app,
        path,
        &[("code", "c"), ("state", &state), ("iss", iss)],
    )
}

#[tokio::test]
async fn a_callback_in_another_browser_is_refused() {
    let fed = federated().await;
    let url = answered_callback(
        &fed,
        &fed.app.browser,
        "op-a",
        &fed.a,
        "op-a",
        &fed.a.issuer,
    )
    .await;
    assert_refused(&fed.app, &browser(), &url, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn a_replayed_callback_is_refused() {
    let fed = federated().await;
    let url = answered_callback(
        &fed,
        &fed.app.browser,
        "op-a",
        &fed.a,
        "op-a",
        &fed.a.issuer,
    )
    .await;
    let first = fed.app.get(&fed.app.browser, &url).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    assert_refused(&fed.app, &fed.app.browser, &url, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn a_callback_for_provider_a_on_provider_bs_path_is_refused() {
    let fed = federated().await;
    let url = answered_callback(
        &fed,
        &fed.app.browser,
        "op-a",
        &fed.b,
        "op-b",
        &fed.b.issuer,
    )
    .await;
    assert_refused(&fed.app, &fed.app.browser, &url, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn a_wrong_or_missing_iss_is_refused() {
    let fed = federated().await;
    let url = answered_callback(
        &fed,
        &fed.app.browser,
        "op-a",
        &fed.a,
        "op-a",
        &fed.b.issuer,
    )
    .await;
    assert_refused(&fed.app, &fed.app.browser, &url, StatusCode::BAD_REQUEST).await;

    // A announces RFC 9207, so a response without `iss` is refused too.
    let (state, _) = flow(&fed, &fed.app.browser, "op-a").await;
    let url = callback(&fed.app, "op-a", &[("code", "c"), ("state", &state)]);
    assert_refused(&fed.app, &fed.app.browser, &url, StatusCode::BAD_REQUEST).await;
}

/// Runs one flow with A answering `id_token`; asserts the callback is refused.
async fn assert_token_refused(fed: &Fed, id_token: impl FnOnce(&str) -> String) {
    let client = browser();
    let (state, nonce) = flow(fed, &client, "op-a").await;
    fed.a.answer_with_id_token(&id_token(&nonce));
    let url = callback(
        &fed.app,
        "op-a",
        &[("code", "c"), ("state", &state), ("iss", &fed.a.issuer)],
    );
    assert_refused(&fed.app, &client, &url, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn forged_id_tokens_are_refused() {
    let fed = federated().await;
    let a = &fed.a;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();

    // Tampered: a valid token whose payload was changed after signing.
    assert_token_refused(&fed, |nonce| {
        let token = a.sign(&a.claims("authgate", nonce));
        let mut parts: Vec<String> = token.split('.').map(str::to_string).collect();
        let mut claims = a.claims("authgate", nonce);
        claims["sub"] = json!("admin");
        parts[1] = URL_SAFE_NO_PAD.encode(claims.to_string());
        parts.join(".")
    })
    .await;
    // Wrong audience, expired, wrong nonce, wrong issuer.
    assert_token_refused(&fed, |nonce| a.sign(&a.claims("someone-else", nonce))).await;
    assert_token_refused(&fed, |nonce| {
        let mut c = a.claims("authgate", nonce);
        c["exp"] = json!(now - 60);
        a.sign(&c)
    })
    .await;
    assert_token_refused(&fed, |_| a.sign(&a.claims("authgate", "another-nonce"))).await;
    assert_token_refused(&fed, |nonce| {
        let mut c = a.claims("authgate", nonce);
        c["iss"] = json!(fed.b.issuer);
        a.sign(&c)
    })
    .await;
    // Several audiences, ours not the authorized party.
    assert_token_refused(&fed, |nonce| {
        let mut c = a.claims("authgate", nonce);
        c["aud"] = json!(["authgate", "other-client"]);
        c["azp"] = json!("other-client");
        a.sign(&c)
    })
    .await;
}

#[tokio::test]
async fn tokens_with_alg_none_hmac_or_an_unknown_key_are_refused() {
    let fed = federated().await;
    let a = &fed.a;
    let kid = serde_json::from_slice::<serde_json::Value>(&a.keys.jwks()).expect("jwks")["keys"][0]
        ["kid"]
        .as_str()
        .expect("kid")
        .to_string();
    let unsigned = |header: serde_json::Value, claims: &serde_json::Value| {
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        )
    };

    // alg: none
    assert_token_refused(&fed, |nonce| {
        format!(
            "{}.",
            unsigned(
                json!({"alg": "none", "kid": kid}),
                &a.claims("authgate", nonce)
            )
        )
    })
    .await;
    // HS256 keyed with the client secret, and with the provider's public JWKS as the secret.
    for secret in [UPSTREAM_SECRET.as_bytes().to_vec(), a.keys.jwks().to_vec()] {
        assert_token_refused(&fed, |nonce| {
            let body = unsigned(
                json!({"alg": "HS256", "kid": kid, "typ": "JWT"}),
                &a.claims("authgate", nonce),
            );
            let key = aws_lc_rs::hmac::Key::new(aws_lc_rs::hmac::HMAC_SHA256, &secret);
            let tag = aws_lc_rs::hmac::sign(&key, body.as_bytes());
            format!("{body}.{}", URL_SAFE_NO_PAD.encode(tag.as_ref()))
        })
        .await;
    }
    // Signed by a key the provider never published (refetching the JWKS does not help).
    let dir = tempfile::tempdir().expect("tmp");
    let stranger = signer(&a.issuer, &dir).await;
    let before = a.behaviour.lock().expect("lock").jwks_fetches;
    assert_token_refused(&fed, |nonce| {
        stranger.sign(&a.claims("authgate", nonce)).expect("sign")
    })
    .await;
    assert!(
        a.behaviour.lock().expect("lock").jwks_fetches > before,
        "an unknown kid refetches the JWKS once"
    );
}

#[tokio::test]
async fn a_provider_that_rotated_its_keys_is_followed() {
    // Arrange: one login caches A's keys; then A starts signing with a new key.
    let fed = federated().await;
    let url = answered_callback(
        &fed,
        &fed.app.browser,
        "op-a",
        &fed.a,
        "op-a",
        &fed.a.issuer,
    )
    .await;
    let first = fed.app.get(&fed.app.browser, &url).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let dir = tempfile::tempdir().expect("tmp");
    let rotated = signer(&fed.a.issuer, &dir).await;
    let jwks = String::from_utf8(rotated.jwks().to_vec()).expect("utf8");
    fed.a.set(|b| b.jwks = Some(jwks));

    // Act
    let client = browser();
    let (state, nonce) = flow(&fed, &client, "op-a").await;
    fed.a.answer_with_id_token(
        &rotated
            .sign(&fed.a.claims("authgate", &nonce))
            .expect("sign"),
    );
    let back = fed
        .app
        .get(
            &client,
            &callback(
                &fed.app,
                "op-a",
                &[("code", "c"), ("state", &state), ("iss", &fed.a.issuer)],
            ),
        )
        .await;

    // Assert
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    assert!(location(&back).starts_with("fedapp://cb?code="));
}

#[tokio::test]
async fn a_google_token_outside_the_hosted_domain_is_refused() {
    let fed = federated().await;
    let client = browser();
    let upstream = go_upstream(&fed.app, &client, "google").await;
    assert_eq!(param(&upstream, "hd"), "example.com");
    let mut claims = fed.a.claims("authgate", &param(&upstream, "nonce"));
    claims["hd"] = json!("elsewhere.com");
    fed.a.answer_with_id_token(&fed.a.sign(&claims));
    let url = callback(
        &fed.app,
        "google",
        &[
            ("code", "c"),
            ("state", &param(&upstream, "state")),
            ("iss", &fed.a.issuer),
        ],
    );
    assert_refused(&fed.app, &client, &url, StatusCode::BAD_REQUEST).await;

    // Inside the domain: signed in.
    let client = browser();
    let upstream = go_upstream(&fed.app, &client, "google").await;
    let mut claims = fed.a.claims("authgate", &param(&upstream, "nonce"));
    claims["hd"] = json!("example.com");
    fed.a.answer_with_id_token(&fed.a.sign(&claims));
    let url = callback(
        &fed.app,
        "google",
        &[
            ("code", "c"),
            ("state", &param(&upstream, "state")),
            ("iss", &fed.a.issuer),
        ],
    );
    assert_eq!(
        fed.app.get(&client, &url).await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn an_upstream_refusal_goes_back_to_the_app_as_an_error() {
    let fed = federated().await;
    let (state, _) = flow(&fed, &fed.app.browser, "op-a").await;
    let url = callback(
        &fed.app,
        "op-a",
        &[
            ("error", "access_denied"),
            ("state", &state),
            ("iss", &fed.a.issuer),
        ],
    );
    let response = fed.app.get(&fed.app.browser, &url).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let back = location(&response);
    assert!(back.starts_with("fedapp://cb?"));
    assert_eq!(
        query_param(&back, "error").as_deref(),
        Some("access_denied")
    );
    assert_eq!(query_param(&back, "state").as_deref(), Some("state-123"));
    assert!(query_param(&back, "code").is_none());
}

#[tokio::test]
async fn login_hint_and_prompt_reach_the_provider() {
    let fed = federated().await;
    let request = fed_request()
        .with("identity_provider", "op-a")
        .with("login_hint", "carol@example.com")
        .with("prompt", "select_account");
    let response = fed.app.authorize(&fed.app.browser, &request).await;
    let response = fed.app.get(&fed.app.browser, &location(&response)).await;
    let upstream = url::Url::parse(&location(&response)).expect("url");
    assert_eq!(param(&upstream, "login_hint"), "carol@example.com");
    assert_eq!(param(&upstream, "prompt"), "select_account");
}

#[tokio::test]
async fn an_unreachable_provider_is_named_in_the_pages_own_language_with_no_english() {
    let fed = federated().await;
    for (lang, dir, sentence) in [
        (
            "ja",
            "ltr",
            "Provider down から応答がなかったため、サインインできませんでした。",
        ),
        ("ar", "rtl", "تعذّر تسجيل الدخول لأن Provider down لم يستجب."),
    ] {
        let response = fed
            .app
            .authorize(
                &fed.app.browser,
                &fed_request()
                    .with("identity_provider", "down")
                    .with("lang", lang),
            )
            .await;
        let page = fed.app.get(&fed.app.browser, &location(&response)).await;
        assert_eq!(page.status(), StatusCode::BAD_GATEWAY, "{lang}");
        let html = page.text().await.expect("html");
        assert!(
            html.contains(&format!(r#"<html lang="{lang}" dir="{dir}">"#)),
            "{html}"
        );
        let said = alert_text(&html);
        assert!(said.starts_with(sentence), "{lang}: {said}");
        assert_no_latin_words(&said, &["Provider down"]);
    }
}

#[tokio::test]
async fn an_unreachable_slow_or_garbled_provider_gets_a_page_naming_it() {
    let fed = federated().await;
    // Unreachable: discovery fails before the browser leaves.
    let response = fed
        .app
        .authorize(
            &fed.app.browser,
            &fed_request().with("identity_provider", "down"),
        )
        .await;
    let page = fed.app.get(&fed.app.browser, &location(&response)).await;
    assert_eq!(page.status(), StatusCode::BAD_GATEWAY);
    assert!(
        page.text()
            .await
            .expect("html")
            .contains("Provider down did not answer")
    );

    // Slow token endpoint: the page comes after the 1 s timeout, not the 5 s delay.
    fed.a.set(|b| b.token_delay = Some(Duration::from_secs(5)));
    let (state, _) = flow(&fed, &fed.app.browser, "op-a").await;
    let started = std::time::Instant::now();
    let url = callback(
        &fed.app,
        "op-a",
        &[("code", "c"), ("state", &state), ("iss", &fed.a.issuer)],
    );
    assert_refused(&fed.app, &fed.app.browser, &url, StatusCode::BAD_GATEWAY).await;
    assert!(started.elapsed() < Duration::from_secs(4));
    fed.a.set(|b| b.token_delay = None);

    // Garbage from the token endpoint.
    for (status, body) in [
        (200, "this is not json"),
        (500, "<html>oops</html>"),
        (200, r#"{"access_token":"x","token_type":"Bearer"}"#),
    ] {
        fed.a
            .set(|b| b.token_response = Some((status, body.to_string())));
        let (state, _) = flow(&fed, &fed.app.browser, "op-a").await;
        let url = callback(
            &fed.app,
            "op-a",
            &[("code", "c"), ("state", &state), ("iss", &fed.a.issuer)],
        );
        assert_refused(&fed.app, &fed.app.browser, &url, StatusCode::BAD_GATEWAY).await;
    }
}

/// A completed login with A that left A's refresh token `upstream-rt-1` with authgate; returns
/// the app's token response.
async fn login_with_upstream_refresh(fed: &Fed) -> serde_json::Value {
    login_through(fed, "op-a", |_| {}, Some("upstream-rt-1")).await
}

/// A whole login through `provider` (served by stand-in A), whose ID token claims `edit` may
/// change; returns the app's token response.
async fn login_through(
    fed: &Fed,
    provider: &str,
    edit: impl FnOnce(&mut serde_json::Value),
    upstream_refresh: Option<&str>,
) -> serde_json::Value {
    let request = fed_request().with("identity_provider", provider);
    let upstream = go_upstream_with(&fed.app, &fed.app.browser, &request).await;
    let mut claims = fed.a.claims("authgate", &param(&upstream, "nonce"));
    edit(&mut claims);
    fed.a
        .answer_with_tokens(&fed.a.sign(&claims), upstream_refresh);
    let state = param(&upstream, "state");
    let url = callback(
        &fed.app,
        provider,
        &[("code", "c"), ("state", &state), ("iss", &fed.a.issuer)],
    );
    let code = query_param(
        &location(&fed.app.get(&fed.app.browser, &url).await),
        "code",
    )
    .expect("code");
    let response = fed.app.exchange(&request, &code).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("json")
}

#[tokio::test]
async fn the_upstream_refresh_token_is_kept_sealed_and_used_on_each_refresh() {
    // Arrange
    let fed = federated().await;
    let tokens = login_with_upstream_refresh(&fed).await;
    let refresh = tokens["refresh_token"].as_str().expect("refresh");

    // Act: the app refreshes; A answers the upstream refresh with a rotated token.
    let id_token = fed.a.sign(&json!({
        "iss": fed.a.issuer, "sub": "upstream-user-1", "aud": "authgate",
        "iat": time::OffsetDateTime::now_utc().unix_timestamp(),
        "exp": time::OffsetDateTime::now_utc().unix_timestamp() + 3600,
    }));
    fed.a.answer_with_tokens(&id_token, Some("upstream-rt-2"));
    let response = fed.app.refresh("fed", refresh).await;

    // Assert: authgate refreshed upstream with the token A gave it, and kept the new one.
    assert_eq!(response.status(), StatusCode::OK);
    let asked = fed
        .a
        .behaviour
        .lock()
        .expect("lock")
        .token_requests
        .last()
        .cloned()
        .unwrap_or_default();
    assert!(asked.contains("grant_type=refresh_token"), "{asked}");
    assert!(asked.contains("refresh_token=upstream-rt-1"), "{asked}");
    let next: serde_json::Value = response.json().await.expect("json");
    fed.a.answer_with_tokens(&id_token, None);
    assert_eq!(
        fed.app
            .refresh("fed", next["refresh_token"].as_str().expect("r"))
            .await
            .status(),
        StatusCode::OK
    );
    let asked = fed
        .a
        .behaviour
        .lock()
        .expect("lock")
        .token_requests
        .last()
        .cloned()
        .unwrap_or_default();
    assert!(
        asked.contains("refresh_token=upstream-rt-2"),
        "the rotated upstream token was kept: {asked}"
    );

    // The provider's own tokens are kept too (for AWS federation), sealed, and opened intact.
    let kept = kept_upstream_tokens(&fed.app, next["refresh_token"].as_str().expect("r")).await;
    assert_eq!(kept.access_token.as_deref(), Some("upstream-access-token"));
    assert_eq!(
        kept.id_token.as_deref(),
        Some(id_token.as_str()),
        "the refreshed ID token replaced the first"
    );

    // And it never reached the store readable: search the database files themselves.
    let data = fed.app._dir.as_ref().expect("dir").path().join("data");
    for entry in std::fs::read_dir(&data).expect("data dir") {
        let bytes = std::fs::read(entry.expect("entry").path()).expect("read");
        for secret in [
            "upstream-rt-1",
            "upstream-rt-2",
            "upstream-access-token",
            id_token.as_str(),
        ] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret} stored readable"
            );
        }
    }
}

#[tokio::test]
async fn an_upstream_refusal_on_refresh_ends_the_family_with_invalid_grant() {
    let fed = federated().await;
    let tokens = login_with_upstream_refresh(&fed).await;
    let refresh = tokens["refresh_token"].as_str().expect("refresh");
    let access = tokens["access_token"].as_str().expect("access");

    fed.a
        .set(|b| b.token_response = Some((400, json!({"error": "invalid_grant"}).to_string())));
    let (status, code) = error_code(fed.app.refresh("fed", refresh).await).await;

    assert_eq!(
        (status, code.as_str()),
        (StatusCode::BAD_REQUEST, "invalid_grant")
    );
    assert_eq!(
        fed.app.userinfo(access).await.status(),
        StatusCode::UNAUTHORIZED,
        "the family is revoked"
    );
}

#[tokio::test]
async fn an_unreachable_upstream_on_refresh_does_not_end_the_session() {
    let fed = federated().await;
    let tokens = login_with_upstream_refresh(&fed).await;
    fed.a.set(|b| b.token_delay = Some(Duration::from_secs(5)));
    let asked_before = fed.a.behaviour.lock().expect("lock").token_requests.len();
    let response = fed
        .app
        .refresh("fed", tokens["refresh_token"].as_str().expect("refresh"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    // The provider was asked (and did not answer in time), not skipped.
    let requests = fed.a.behaviour.lock().expect("lock").token_requests.clone();
    assert_eq!(requests.len(), asked_before + 1);
    assert!(requests[asked_before].contains("grant_type=refresh_token"));
}

/// Signs `client` in through `provider`, answered by `stub`.
async fn signed_in_with(fed: &Fed, client: &reqwest::Client, provider: &str, stub: &StubOp) {
    let url = answered_callback(fed, client, provider, stub, provider, &stub.issuer).await;
    assert_eq!(
        fed.app.get(client, &url).await.status(),
        StatusCode::SEE_OTHER
    );
}

async fn session_ended(fed: &Fed, client: &reqwest::Client) -> bool {
    let response = fed
        .app
        .authorize(client, &fed_request().with("prompt", "none"))
        .await;
    query_param(&location(&response), "error").as_deref() == Some("login_required")
}

#[tokio::test]
async fn logout_signs_out_at_auth0_too_then_returns_to_the_app() {
    // Arrange
    let fed = federated().await;
    let client = browser();
    signed_in_with(&fed, &client, "auth0", &fed.a).await;

    // Act
    let response = fed
        .app
        .get(
            &client,
            "/logout?client_id=fed&logout_uri=fedapp%3A%2F%2Fsignout",
        )
        .await;

    // Assert: first Auth0's /v2/logout, which comes back to /logout/done, then the app.
    assert_eq!(response.status(), StatusCode::FOUND);
    let upstream = url::Url::parse(&location(&response)).expect("url");
    assert!(
        upstream
            .as_str()
            .starts_with(&format!("{}/v2/logout?", fed.a.issuer)),
        "{upstream}"
    );
    assert_eq!(param(&upstream, "client_id"), "authgate");
    assert_eq!(param(&upstream, "returnTo"), fed.app.url("/logout/done"));
    assert!(session_ended(&fed, &client).await);
    let done = fed.app.get(&client, "/logout/done").await;
    assert_eq!(done.status(), StatusCode::FOUND);
    assert_eq!(location(&done), "fedapp://signout");
    // Used once: a second visit just shows the signed-out page.
    let again = fed.app.get(&client, "/logout/done").await;
    assert_eq!(again.status(), StatusCode::OK);
    assert!(again.headers().get("location").is_none());
}

#[tokio::test]
async fn logout_uses_the_providers_end_session_endpoint_when_asked() {
    let fed = federated().await;
    let client = browser();
    signed_in_with(&fed, &client, "op-b-logout", &fed.b).await;
    let response = fed.app.get(&client, "/logout?client_id=fed").await;
    let upstream = url::Url::parse(&location(&response)).expect("url");
    assert!(
        upstream
            .as_str()
            .starts_with(&format!("{}/session/end?", fed.b.issuer)),
        "{upstream}"
    );
    assert_eq!(
        param(&upstream, "post_logout_redirect_uri"),
        fed.app.url("/logout/done")
    );
    let done = fed.app.get(&client, "/logout/done").await;
    assert_eq!(
        done.status(),
        StatusCode::OK,
        "no registered target: the signed-out page"
    );
}

#[tokio::test]
async fn logout_without_federated_logout_goes_straight_back() {
    let fed = federated().await;
    let client = browser();
    signed_in_with(&fed, &client, "op-a", &fed.a).await;
    let response = fed
        .app
        .get(
            &client,
            "/logout?client_id=fed&logout_uri=fedapp%3A%2F%2Fsignout",
        )
        .await;
    assert_eq!(location(&response), "fedapp://signout");
    assert!(session_ended(&fed, &client).await);
}

#[tokio::test]
async fn logout_done_without_a_pending_logout_redirects_nowhere() {
    let fed = federated().await;
    let response = fed
        .app
        .get(&browser(), "/logout/done?to=https%3A%2F%2Fevil.example")
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get("location").is_none());
}

#[tokio::test]
async fn claims_are_mapped_from_the_providers_names() {
    let fed = federated().await;
    let tokens = login_through(
        &fed,
        "mapped",
        |claims| {
            claims["nickname"] = json!("carol-nick");
            claims["display_name"] = json!("Carol D.");
        },
        None,
    )
    .await;
    let id = claims_of(tokens["id_token"].as_str().expect("id"));
    assert_eq!(id["preferred_username"], "carol-nick");
    assert_eq!(id["name"], "Carol D.");
    assert_eq!(
        id["email_verified"], true,
        "standard claims still come from the standard names"
    );
}

#[tokio::test]
async fn what_the_connector_remembers_is_stored_sealed() {
    // Arrange: a sign-in sent upstream.
    let fed = federated().await;
    let upstream = go_upstream(&fed.app, &fed.app.browser, "op-a").await;
    let state = param(&upstream, "state");
    let nonce = param(&upstream, "nonce");

    // Act: the stored request, as the store keeps it.
    let stored = fed
        .app
        .state
        .as_ref()
        .unwrap()
        .store
        .get_auth_request(&state, time::OffsetDateTime::now_utc())
        .await
        .unwrap()
        .expect("stored");

    // Assert: it names the provider; the nonce and PKCE verifier are only inside the seal.
    let flow = stored.upstream.expect("sent upstream");
    assert_eq!(flow.provider, "op-a");
    let sealed = serde_json::to_string(&flow.remembered.expect("remembered")).unwrap();
    assert!(
        !sealed.contains(&nonce),
        "the nonce is not stored in the clear"
    );
    assert!(!sealed.contains("pkce_verifier"));
}

#[tokio::test]
async fn the_apps_ui_locales_holds_after_the_upstream_round_trip() {
    let fed = federated().await;
    let client = browser();
    let request = fed_request()
        .with("identity_provider", "op-a")
        .with("ui_locales", "xx ja");
    let upstream = go_upstream_with(&fed.app, &client, &request).await;
    let state = param(&upstream, "state");

    // The provider answers without the `iss` it announced: a refusal page, after the round
    // trip, in the sign-in's language rather than the browser's.
    let url = callback(&fed.app, "op-a", &[("code", "c"), ("state", &state)]);
    let response = client
        .get(&url)
        .header("accept-language", "ar")
        .send()
        .await
        .expect("callback");

    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let html = response.text().await.expect("html");
    assert!(html.contains(r#"<html lang="ja" dir="ltr">"#), "{html}");
    assert!(html.contains("サインインの問題"), "{html}");
}
