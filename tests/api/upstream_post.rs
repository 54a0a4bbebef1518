//! The POST callback seam (`POST /oauth2/idpresponse/{provider}`, a provider's
//! `response_mode=form_post`): the provider's POST arrives without authgate's cookie (a fresh
//! client here, as a browser sends none cross-site), is verified against the flow, and 303s
//! to a same-site GET where the browser binding is checked. Run with an OpenID stand-in,
//! whose connector reads a posted answer as it reads a query; Apple's own tests are in
//! `upstream_apple.rs`.

use crate::support::app::*;
use crate::support::upstream_stub::StubOp;
use reqwest::StatusCode;

struct Posting {
    app: TestApp,
    op: StubOp,
}

async fn posting() -> Posting {
    let op = StubOp::start().await;
    let provider = |id: &str| {
        format!(
            r#"
[[providers]]
id = "{id}"
kind = "oidc"
name = "Provider {id}"
issuer = "{issuer}"
client_id = "authgate"
timeout = "1s"
"#,
            issuer = op.issuer
        )
    };
    let extra = format!(
        r#"
{}{}
[[apps]]
client_id = "fed"
name = "Federated app"
redirect_uris = ["fedapp://cb"]
providers = ["op", "op-b"]
scopes = ["openid", "email", "profile"]
"#,
        provider("op"),
        provider("op-b"),
    );
    Posting {
        app: spawn_app_with(&extra).await,
        op,
    }
}

fn request() -> Authorize {
    let mut request = Authorize::native();
    request.client_id = "fed".into();
    request.redirect_uri = "fedapp://cb".into();
    request.with("identity_provider", "op")
}

/// Starts a sign-in in `client` and has the stand-in ready to answer it; returns `state`.
async fn started(p: &Posting, client: &reqwest::Client) -> String {
    started_with(p, client, &request()).await
}

async fn started_with(p: &Posting, client: &reqwest::Client, request: &Authorize) -> String {
    let response = p.app.authorize(client, request).await;
    let response = p.app.get(client, &location(&response)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let upstream = location(&response);
    let nonce = query_param(&upstream, "nonce").expect("nonce");
    p.op.answer_with_id_token(&p.op.sign(&p.op.claims("authgate", &nonce)));
    query_param(&upstream, "state").expect("state")
}

/// The provider's POST: from a client with no cookie, with the provider's Origin (and the
/// RFC 9207 `iss` the stand-in announces).
async fn post(p: &Posting, provider: &str, form: &[(&str, &str)]) -> reqwest::Response {
    let mut form = form.to_vec();
    form.push(("iss", &p.op.issuer));
    browser()
        .post(p.app.url(&format!("/oauth2/idpresponse/{provider}")))
        .header("origin", "https://appleid.apple.com")
        .form(&form)
        .send()
        .await
        .expect("post")
}

async fn assert_page(response: reqwest::Response, status: StatusCode) -> String {
    assert_eq!(response.status(), status);
    assert!(
        response.headers().get("location").is_none(),
        "no redirect, so no code"
    );
    let html = response.text().await.expect("html");
    assert!(html.contains("<h1>"), "a page for people");
    html
}

#[tokio::test]
async fn a_posted_answer_continues_in_the_browser_and_ends_with_tokens() {
    // Arrange
    let p = posting().await;
    let request = request();
    let state = started_with(&p, &p.app.browser, &request).await;

    // Act: the provider's cross-site POST, then the browser follows the 303.
    let posted = post(&p, "op", &[("code", "c"), ("state", &state)]).await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert!(
        posted.headers().get("set-cookie").is_none(),
        "the POST must not replace the browser's session cookie"
    );
    let next = location(&posted);
    assert_eq!(
        next,
        p.app
            .url(&format!("/oauth2/idpresponse/op/continue?flow={state}"))
    );
    let back = p.app.get(&p.app.browser, &next).await;

    // Assert
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    let code = query_param(&location(&back), "code").expect("code for the app");
    let tokens: serde_json::Value = p
        .app
        .exchange(&request, &code)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        claims(tokens["id_token"].as_str().expect("id"))["email"],
        "carol@example.com"
    );
    // The continue link is single use too.
    assert_page(
        p.app.get(&p.app.browser, &next).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
}

#[tokio::test]
async fn a_post_for_a_flow_never_started_is_a_page() {
    let p = posting().await;
    let response = post(&p, "op", &[("code", "c"), ("state", "no-such-flow")]).await;
    assert_page(response, StatusCode::BAD_REQUEST).await;
    let response = post(&p, "op", &[("code", "c")]).await;
    assert_page(response, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn a_replayed_post_is_refused_and_the_first_still_counts_once() {
    let p = posting().await;
    let state = started(&p, &p.app.browser).await;
    let first = post(&p, "op", &[("code", "c"), ("state", &state)]).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let replay = post(&p, "op", &[("code", "c"), ("state", &state)]).await;
    assert_page(replay, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        p.op.behaviour.lock().expect("lock").token_requests.len(),
        1,
        "the replay never reached the provider"
    );
    let back = p.app.get(&p.app.browser, &location(&first)).await;
    assert!(query_param(&location(&back), "code").is_some());
}

#[tokio::test]
async fn a_post_on_another_providers_path_is_refused_and_consumes_nothing() {
    let p = posting().await;
    let state = started(&p, &p.app.browser).await;
    let misdelivered = post(&p, "op-b", &[("code", "c"), ("state", &state)]).await;
    assert_page(misdelivered, StatusCode::BAD_REQUEST).await;
    // The continue link of the other provider has nothing waiting either.
    let response = p
        .app
        .get(
            &p.app.browser,
            &format!("/oauth2/idpresponse/op-b/continue?flow={state}"),
        )
        .await;
    assert_page(response, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn the_continue_link_in_another_browser_issues_nothing() {
    let p = posting().await;
    let state = started(&p, &p.app.browser).await;
    let posted = post(&p, "op", &[("code", "c"), ("state", &state)]).await;
    let next = location(&posted);
    let html = assert_page(p.app.get(&browser(), &next).await, StatusCode::BAD_REQUEST).await;
    assert!(html.contains("browser"), "says why: {html}");
}

#[tokio::test]
async fn a_continue_link_before_any_answer_is_refused() {
    let p = posting().await;
    let state = started(&p, &p.app.browser).await;
    let response = p
        .app
        .get(
            &p.app.browser,
            &format!("/oauth2/idpresponse/op/continue?flow={state}"),
        )
        .await;
    assert_page(response, StatusCode::BAD_REQUEST).await;
    let response = p
        .app
        .get(&p.app.browser, "/oauth2/idpresponse/op/continue")
        .await;
    assert_page(response, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn a_posted_refusal_goes_back_to_the_app_from_the_browser() {
    let p = posting().await;
    let state = started(&p, &p.app.browser).await;
    let posted = post(
        &p,
        "op",
        &[("error", "user_cancelled_authorize"), ("state", &state)],
    )
    .await;
    let back = p.app.get(&p.app.browser, &location(&posted)).await;
    let to_app = location(&back);
    assert!(to_app.starts_with("fedapp://cb?"), "{to_app}");
    assert_eq!(
        query_param(&to_app, "error").as_deref(),
        Some("access_denied")
    );
    assert!(query_param(&to_app, "code").is_none());
}

#[tokio::test]
async fn a_post_that_is_not_a_form_is_a_page() {
    let p = posting().await;
    let state = started(&p, &p.app.browser).await;
    let response = browser()
        .post(p.app.url("/oauth2/idpresponse/op"))
        .json(&serde_json::json!({"code": "c", "state": state}))
        .send()
        .await
        .expect("post");
    assert_page(response, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
}

#[tokio::test]
async fn other_posts_still_need_the_csrf_token_whatever_the_origin() {
    // Only the provider's POST skips the session's CSRF check: the password form does not.
    let p = posting().await;
    let (page_url, _) = p
        .app
        .open_sign_in(&p.app.browser, &Authorize::native())
        .await;
    let response = p
        .app
        .browser
        .post(p.app.url(&page_url))
        .header("origin", "https://appleid.apple.com")
        .form(&[("username", USER), ("password", PASSWORD)])
        .send()
        .await
        .expect("post");
    assert!(response.headers().get("location").is_none());
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}
