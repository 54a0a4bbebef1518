//! `kind = "amazon"` against a stand-in of Login with Amazon (`support::amazon_standin`), which
//! checks the client secret, the redirect URI, the PKCE verifier and that each code is used
//! once. The browser really visits the stand-in's authorize endpoint and comes back from it.

use crate::support::amazon_standin::{AmazonStandIn, CLIENT_ID, CLIENT_SECRET, USER_ID};
use crate::support::app::*;
use reqwest::StatusCode;

struct Lwa {
    app: TestApp,
    amazon: AmazonStandIn,
}

async fn with_amazon() -> Lwa {
    let amazon = AmazonStandIn::start().await;
    let secret = tempfile::NamedTempFile::new().expect("tmp");
    std::fs::write(secret.path(), CLIENT_SECRET).expect("write");
    let (_, secret_path) = secret.keep().expect("keep");
    let extra = format!(
        r#"
[[providers]]
id = "amazon"
kind = "amazon"
name = "Amazon"
client_id = "{CLIENT_ID}"
client_secret_file = "{secret}"
authorization_endpoint = "{base}/ap/oa"
token_endpoint = "{base}/auth/o2/token"
profile_endpoint = "{base}/user/profile"
timeout = "2s"

[[apps]]
client_id = "shop"
name = "Shop"
redirect_uris = ["shop://cb"]
providers = ["amazon"]
scopes = ["openid", "email", "profile"]
"#,
        secret = secret_path.display(),
        base = amazon.base,
    );
    Lwa {
        app: spawn_app_with(&extra).await,
        amazon,
    }
}

fn shop_request() -> Authorize {
    let mut request = Authorize::native();
    request.client_id = "shop".into();
    request.redirect_uri = "shop://cb".into();
    request.with("identity_provider", "amazon")
}

/// authorize → Amazon's authorize URL (not yet visited).
async fn to_amazon(lwa: &Lwa, request: &Authorize) -> url::Url {
    to_amazon_in(lwa, &lwa.app.browser, request).await
}

async fn to_amazon_in(lwa: &Lwa, client: &reqwest::Client, request: &Authorize) -> url::Url {
    let response = lwa.app.authorize(client, request).await;
    let response = lwa.app.get(client, &location(&response)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    url::Url::parse(&location(&response)).expect("Amazon URL")
}

/// The user signs in at Amazon: the stand-in's redirect back to authgate's callback.
async fn at_amazon(lwa: &Lwa, authorize: &url::Url) -> String {
    let response = lwa.app.get(&lwa.app.browser, authorize.as_str()).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "Amazon sends back"
    );
    location(&response)
}

async fn assert_page(response: reqwest::Response, status: StatusCode) {
    assert_eq!(response.status(), status);
    assert!(
        response.headers().get("location").is_none(),
        "no redirect, so no code"
    );
    assert!(response.text().await.expect("html").contains("<h1>"));
}

#[tokio::test]
async fn an_amazon_login_ends_with_authgate_tokens() {
    // Arrange
    let lwa = with_amazon().await;
    let request = shop_request();
    let authorize = to_amazon(&lwa, &request).await;
    let pairs: std::collections::HashMap<String, String> =
        authorize.query_pairs().into_owned().collect();
    assert!(
        authorize
            .as_str()
            .starts_with(&format!("{}/ap/oa?", lwa.amazon.base))
    );
    assert_eq!(pairs["client_id"], CLIENT_ID);
    assert_eq!(pairs["scope"], "profile");
    assert_eq!(pairs["code_challenge_method"], "S256");
    assert_eq!(
        pairs["redirect_uri"],
        lwa.app.url("/oauth2/idpresponse/amazon")
    );

    // Act
    let callback = at_amazon(&lwa, &authorize).await;
    let back = lwa.app.get(&lwa.app.browser, &callback).await;

    // Assert
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    let code = query_param(&location(&back), "code").expect("code for the app");
    let tokens: serde_json::Value = lwa
        .app
        .exchange(&request, &code)
        .await
        .json()
        .await
        .expect("json");
    let id = claims(tokens["id_token"].as_str().expect("id"));
    assert_eq!(id["email"], "ada@example.com");
    assert_eq!(id["email_verified"], false, "Amazon does not say");
    assert_eq!(id["name"], "Ada Amazon");
    // Amazon's access token is kept, sealed, for AWS federation (Logins: www.amazon.com).
    let kept = kept_upstream_tokens(&lwa.app, tokens["refresh_token"].as_str().expect("r")).await;
    assert!(
        kept.access_token
            .expect("access token")
            .starts_with("Atza|")
    );
    // The same Amazon user signs in as the same authgate subject next time.
    let again = shop_request();
    let browser = browser();
    let response = lwa.app.authorize(&browser, &again).await;
    let response = lwa.app.get(&browser, &location(&response)).await;
    let response = lwa.app.get(&browser, &location(&response)).await;
    let back = lwa.app.get(&browser, &location(&response)).await;
    let code = query_param(&location(&back), "code").expect("code");
    let second: serde_json::Value = lwa
        .app
        .exchange(&again, &code)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        claims(second["id_token"].as_str().expect("id"))["sub"],
        id["sub"]
    );
    assert_ne!(
        id["sub"], USER_ID,
        "authgate's own subject, not Amazon's id"
    );
}

#[tokio::test]
async fn a_code_is_redeemed_once() {
    let lwa = with_amazon().await;
    let first = at_amazon(&lwa, &to_amazon(&lwa, &shop_request()).await).await;
    let code = query_param(&first, "code").expect("code");
    let back = lwa.app.get(&lwa.app.browser, &first).await;
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    // A new flow (in a browser not signed in yet), answered with the spent code.
    let other = browser();
    let second = to_amazon_in(&lwa, &other, &shop_request()).await;
    let state = query_param(second.as_str(), "state").expect("state");
    let replay = lwa.app.url(&format!(
        "/oauth2/idpresponse/amazon?code={code}&state={state}"
    ));
    assert_page(lwa.app.get(&other, &replay).await, StatusCode::BAD_GATEWAY).await;
}

#[tokio::test]
async fn a_code_from_another_flow_fails_pkce() {
    let lwa = with_amazon().await;
    // Flow A reaches Amazon; its code is brought back on flow B (B's verifier, A's challenge).
    let a = at_amazon(&lwa, &to_amazon(&lwa, &shop_request()).await).await;
    let b = to_amazon(&lwa, &shop_request()).await;
    let url = lwa.app.url(&format!(
        "/oauth2/idpresponse/amazon?code={}&state={}",
        query_param(&a, "code").expect("code"),
        query_param(b.as_str(), "state").expect("state"),
    ));
    assert_page(
        lwa.app.get(&lwa.app.browser, &url).await,
        StatusCode::BAD_GATEWAY,
    )
    .await;
    assert_eq!(lwa.amazon.state.lock().expect("lock").token_calls, 1);
}

#[tokio::test]
async fn a_callback_without_a_code_is_a_page() {
    let lwa = with_amazon().await;
    let authorize = to_amazon(&lwa, &shop_request()).await;
    let state = query_param(authorize.as_str(), "state").expect("state");
    let url = lwa
        .app
        .url(&format!("/oauth2/idpresponse/amazon?state={state}"));
    assert_page(
        lwa.app.get(&lwa.app.browser, &url).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
}

#[tokio::test]
async fn a_user_who_cancels_at_amazon_goes_back_to_the_app_with_access_denied() {
    let lwa = with_amazon().await;
    let authorize = to_amazon(&lwa, &shop_request()).await;
    let state = query_param(authorize.as_str(), "state").expect("state");
    let url = lwa.app.url(&format!(
        "/oauth2/idpresponse/amazon?error=access_denied&error_description=User+cancelled&state={state}"
    ));
    let response = lwa.app.get(&lwa.app.browser, &url).await;
    let back = location(&response);
    assert!(back.starts_with("shop://cb?"), "{back}");
    assert_eq!(
        query_param(&back, "error").as_deref(),
        Some("access_denied")
    );
    assert!(query_param(&back, "code").is_none());
}
