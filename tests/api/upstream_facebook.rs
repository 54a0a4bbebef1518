//! `kind = "facebook"` against a local stand-in of Facebook's token, `debug_token` and `/me`
//! endpoints (there is no real Facebook here). The stand-in checks what real Facebook checks
//! (app secret, PKCE verifier, `appsecret_proof`) and answers in Facebook's error shape.

use crate::support::app::*;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode as AxumStatus;
use axum::response::IntoResponse;
use axum::routing::get;
use reqwest::StatusCode;
use serde_json::json;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const APP_ID: &str = "1234567890";
const APP_SECRET: &str = "facebook-app-secret-0123456789";
const USER_TOKEN: &str = "EAAB-user-access-token";

#[derive(Default)]
struct Graph {
    /// The PKCE challenge of the flow in progress (the test copies it from the dialog URL).
    challenge: String,
    /// What `debug_token` says about the user token.
    debug_app_id: String,
    debug_valid: bool,
}

fn fb_error(message: &str, code: u32) -> axum::response::Response {
    (
        AxumStatus::BAD_REQUEST,
        axum::Json(json!({"error": {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AbCdEf"}})),
    )
        .into_response()
}

async fn access_token(
    State(g): State<Arc<Mutex<Graph>>>,
    Query(q): Query<HashMap<String, String>>,
) -> axum::response::Response {
    let challenge = g.lock().expect("lock").challenge.clone();
    let verifier_ok = q
        .get("code_verifier")
        .is_some_and(|v| authgate::pkce::s256_challenge(v) == challenge);
    if q.get("client_id").map(String::as_str) != Some(APP_ID)
        || q.get("client_secret").map(String::as_str) != Some(APP_SECRET)
    {
        return fb_error("Error validating client secret.", 1);
    }
    if q.get("code").map(String::as_str) != Some("fb-code") || !verifier_ok {
        return fb_error("Invalid verification code format.", 100);
    }
    axum::Json(json!({"access_token": USER_TOKEN, "token_type": "bearer", "expires_in": 5183944}))
        .into_response()
}

async fn debug_token(
    State(g): State<Arc<Mutex<Graph>>>,
    Query(q): Query<HashMap<String, String>>,
) -> axum::response::Response {
    if q.get("access_token") != Some(&format!("{APP_ID}|{APP_SECRET}")) {
        return fb_error("Invalid OAuth access token.", 190);
    }
    let g = g.lock().expect("lock");
    axum::Json(json!({"data": {
        "app_id": g.debug_app_id, "type": "USER", "application": "Test", "is_valid": g.debug_valid,
        "user_id": "10150000000000001", "scopes": ["public_profile", "email"],
    }}))
    .into_response()
}

async fn me(Query(q): Query<HashMap<String, String>>) -> axum::response::Response {
    let proof = authgate::connectors::facebook::appsecret_proof(APP_SECRET, USER_TOKEN);
    if q.get("access_token").map(String::as_str) != Some(USER_TOKEN) {
        return fb_error("Invalid OAuth access token.", 190);
    }
    if q.get("appsecret_proof") != Some(&proof) {
        return fb_error("Invalid appsecret_proof provided in the API argument", 100);
    }
    axum::Json(
        json!({"id": "10150000000000001", "name": "Dana Facebook", "email": "dana@example.com"}),
    )
    .into_response()
}

struct Fb {
    app: TestApp,
    graph: Arc<Mutex<Graph>>,
}

async fn with_facebook() -> Fb {
    let graph = Arc::new(Mutex::new(Graph {
        debug_app_id: APP_ID.into(),
        debug_valid: true,
        ..Default::default()
    }));
    let router = Router::new()
        .route("/v19.0/oauth/access_token", get(access_token))
        .route("/debug_token", get(debug_token))
        .route("/v19.0/me", get(me))
        .with_state(Arc::clone(&graph));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!(
        "http://127.0.0.1:{}",
        listener.local_addr().expect("addr").port()
    );
    tokio::spawn(async move { axum::serve(listener, router).await });
    let secret = tempfile::NamedTempFile::new().expect("tmp");
    std::fs::write(secret.path(), APP_SECRET).expect("write");
    let (_, secret_path) = secret.keep().expect("keep");
    let extra = format!(
        r#"
[[providers]]
id = "facebook"
kind = "facebook"
name = "Facebook"
app_id = "{APP_ID}"
app_secret_file = "{secret}"
dialog_base_url = "{base}"
graph_base_url = "{base}"
timeout = "2s"

[[apps]]
client_id = "fbapp"
name = "Facebook app"
redirect_uris = ["fbapp://cb"]
providers = ["facebook"]
scopes = ["openid", "email", "profile"]
"#,
        secret = secret_path.display()
    );
    // The confidential web app may use Facebook too.
    let app = spawn_app_edited(&extra, |config| {
        config.replace(
            "logout_uris = [\"https://app.example.com/signed-out\"]\nproviders = [\"local\"]",
            "logout_uris = [\"https://app.example.com/signed-out\"]\nproviders = [\"local\", \"facebook\"]",
        )
    })
    .await;
    Fb { app, graph }
}

fn fb_request() -> Authorize {
    let mut request = Authorize::native();
    request.client_id = "fbapp".into();
    request.redirect_uri = "fbapp://cb".into();
    request
}

/// authorize → Facebook's dialog URL; the stand-in learns the challenge.
async fn to_dialog(fb: &Fb, request: &Authorize) -> url::Url {
    let response = fb
        .app
        .authorize(
            &fb.app.browser,
            &request.clone_with("identity_provider", "facebook"),
        )
        .await;
    let response = fb.app.get(&fb.app.browser, &location(&response)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let dialog = url::Url::parse(&location(&response)).expect("dialog URL");
    let challenge = dialog
        .query_pairs()
        .find(|(k, _)| k == "code_challenge")
        .map(|(_, v)| v.into_owned());
    fb.graph.lock().expect("lock").challenge = challenge.expect("PKCE challenge");
    dialog
}

fn callback(fb: &Fb, dialog: &url::Url, pairs: &[(&str, &str)]) -> String {
    let state = dialog
        .query_pairs()
        .find(|(k, _)| k == "state")
        .map(|(_, v)| v.into_owned())
        .expect("state");
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    q.append_pair("state", &state);
    for (k, v) in pairs {
        q.append_pair(k, v);
    }
    fb.app
        .url(&format!("/oauth2/idpresponse/facebook?{}", q.finish()))
}

#[tokio::test]
async fn a_facebook_login_ends_with_authgate_tokens() {
    // Arrange
    let fb = with_facebook().await;
    let request = fb_request();
    let dialog = to_dialog(&fb, &request).await;
    let pairs: HashMap<String, String> = dialog.query_pairs().into_owned().collect();
    assert!(dialog.path().ends_with("/v19.0/dialog/oauth"));
    assert_eq!(pairs["client_id"], APP_ID);
    assert_eq!(
        pairs["redirect_uri"],
        fb.app.url("/oauth2/idpresponse/facebook")
    );
    assert_eq!(pairs["scope"], "public_profile,email");
    assert_eq!(pairs["code_challenge_method"], "S256");

    // Act
    let back = fb
        .app
        .get(
            &fb.app.browser,
            &callback(&fb, &dialog, &[("code", "fb-code")]),
        )
        .await;

    // Assert
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    let code = query_param(&location(&back), "code").expect("code for the app");
    let tokens: serde_json::Value = fb
        .app
        .exchange(&request, &code)
        .await
        .json()
        .await
        .expect("json");
    let id = claims(tokens["id_token"].as_str().expect("id"));
    assert_eq!(id["email"], "dana@example.com");
    assert_eq!(
        id["email_verified"], false,
        "Facebook does not say it verified the address"
    );
    assert_eq!(id["name"], "Dana Facebook");

    // Facebook's access token is kept, sealed, for AWS federation (Logins: graph.facebook.com).
    let kept = kept_upstream_tokens(&fb.app, tokens["refresh_token"].as_str().expect("r")).await;
    assert_eq!(kept.access_token.as_deref(), Some(USER_TOKEN));
}

async fn assert_no_code(fb: &Fb, url: &str, status: StatusCode) {
    let response = fb.app.get(&fb.app.browser, url).await;
    assert_eq!(response.status(), status, "{url}");
    assert!(
        response.headers().get("location").is_none(),
        "no redirect, no code"
    );
}

#[tokio::test]
async fn a_facebook_token_issued_to_another_app_is_refused() {
    let fb = with_facebook().await;
    fb.graph.lock().expect("lock").debug_app_id = "999999".into();
    let dialog = to_dialog(&fb, &fb_request()).await;
    assert_no_code(
        &fb,
        &callback(&fb, &dialog, &[("code", "fb-code")]),
        StatusCode::BAD_REQUEST,
    )
    .await;
}

#[tokio::test]
async fn an_invalid_facebook_token_is_refused() {
    let fb = with_facebook().await;
    fb.graph.lock().expect("lock").debug_valid = false;
    let dialog = to_dialog(&fb, &fb_request()).await;
    assert_no_code(
        &fb,
        &callback(&fb, &dialog, &[("code", "fb-code")]),
        StatusCode::BAD_REQUEST,
    )
    .await;
}

#[tokio::test]
async fn facebook_errors_become_a_page_naming_facebook() {
    let fb = with_facebook().await;
    // A code Facebook does not accept (its error shape, HTTP 400).
    let dialog = to_dialog(&fb, &fb_request()).await;
    let response = fb
        .app
        .get(
            &fb.app.browser,
            &callback(&fb, &dialog, &[("code", "stale-code")]),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
    assert!(response.headers().get("location").is_none());
    assert!(
        response
            .text()
            .await
            .expect("html")
            .contains("Facebook gave an answer that cannot be used")
    );
}

#[tokio::test]
async fn a_user_who_declines_goes_back_to_the_app_with_access_denied() {
    let fb = with_facebook().await;
    let dialog = to_dialog(&fb, &fb_request()).await;
    let url = callback(
        &fb,
        &dialog,
        &[
            ("error", "access_denied"),
            ("error_code", "200"),
            ("error_reason", "user_denied"),
            ("error_description", "Permissions error"),
        ],
    );
    let response = fb.app.get(&fb.app.browser, &url).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let back = location(&response);
    assert!(back.starts_with("fbapp://cb?"));
    assert_eq!(
        query_param(&back, "error").as_deref(),
        Some("access_denied")
    );
    assert!(query_param(&back, "code").is_none());
}

#[tokio::test]
async fn a_confidential_web_app_signs_in_with_facebook() {
    let fb = with_facebook().await;
    let request = Authorize::web();
    let dialog = to_dialog(&fb, &request).await;
    let back = fb
        .app
        .get(
            &fb.app.browser,
            &callback(&fb, &dialog, &[("code", "fb-code")]),
        )
        .await;
    let to_app = location(&back);
    assert!(
        to_app.starts_with("https://app.example.com/callback?code="),
        "{to_app}"
    );
    let response = fb
        .app
        .exchange(&request, &query_param(&to_app, "code").expect("code"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}
