//! The whole upstream flow against a real, certified OpenID Provider (panva's oidc-provider,
//! `tests/peers/op.mjs`): app → authgate → provider login → authgate → app → tokens, for a
//! native app with a custom scheme and for a confidential web app.

use crate::support::app::*;
use crate::support::peers::{
    OP_CLIENT_ID, OP_CLIENT_SECRET, OidcPeer, start_oidc_provider, upstream_login,
};
use reqwest::StatusCode;

/// authgate with provider `op` = a fresh oidc-provider that knows authgate's callback URL.
async fn with_real_provider() -> (TestApp, OidcPeer) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let peer = start_oidc_provider(&format!("http://127.0.0.1:{port}/oauth2/idpresponse/op")).await;
    let secret = tempfile::NamedTempFile::new().expect("tmp");
    std::fs::write(secret.path(), OP_CLIENT_SECRET).expect("write");
    let (_, secret_path) = secret.keep().expect("keep");
    let extra = format!(
        r#"
[[providers]]
id = "op"
kind = "oidc"
name = "Example OP"
issuer = "{issuer}"
client_id = "{OP_CLIENT_ID}"
client_secret_file = "{secret}"

[[apps]]
client_id = "native-fed"
name = "Native app"
redirect_uris = ["nativeapp://callback"]
providers = ["op", "local"]
scopes = ["openid", "email", "profile"]
"#,
        issuer = peer.issuer,
        secret = secret_path.display(),
    );
    let app = spawn_app_on(listener, &extra, |config| {
        // The web app may use the provider too.
        config.replace(
            "redirect_uris = [\"https://app.example.com/callback\"]\nlogout_uris = [\"https://app.example.com/signed-out\"]\nproviders = [\"local\"]",
            "redirect_uris = [\"https://app.example.com/callback\"]\nlogout_uris = [\"https://app.example.com/signed-out\"]\nproviders = [\"local\", \"op\"]",
        )
    })
    .await;
    (app, peer)
}

/// Runs the browser through authgate and the provider; returns authgate's redirect to the app.
async fn sign_in_upstream(app: &TestApp, request: &Authorize, login: &str) -> String {
    let client = &app.browser;
    let response = app
        .authorize(client, &request.clone_with("identity_provider", "op"))
        .await;
    let signin = location(&response);
    let response = app.get(client, &signin).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let upstream = location(&response);
    let callback = upstream_login(client, &upstream, login).await;
    assert!(
        callback.starts_with(&app.url("/oauth2/idpresponse/op?")),
        "{callback}"
    );
    let back = app.get(client, &callback).await;
    assert_eq!(
        back.status(),
        StatusCode::SEE_OTHER,
        "authgate accepted the provider's answer"
    );
    location(&back)
}

#[tokio::test]
async fn a_native_app_signs_in_through_a_real_openid_provider() {
    // Arrange
    let (app, peer) = with_real_provider().await;
    let mut request = Authorize::native();
    request.client_id = "native-fed".into();
    request.redirect_uri = "nativeapp://callback".into();

    // Act
    let back = sign_in_upstream(&app, &request, "alice").await;
    let code = query_param(&back, "code").expect("code");
    let response = app
        .exchange(&request.clone_with("identity_provider", "op"), &code)
        .await;

    // Assert
    assert!(back.starts_with("nativeapp://callback?code="), "{back}");
    assert_eq!(query_param(&back, "state").as_deref(), Some("state-123"));
    assert_eq!(response.status(), StatusCode::OK);
    let tokens: serde_json::Value = response.json().await.expect("json");
    let id = claims(tokens["id_token"].as_str().expect("id"));
    assert_eq!(id["iss"], app.address.as_str());
    assert_eq!(id["email"], "alice@example.com");
    assert_eq!(id["email_verified"], true);
    assert_eq!(id["nonce"], "nonce-456");

    // A refresh by the app refreshes at the provider too (it issued authgate a refresh token).
    let refreshed = app
        .refresh(
            "native-fed",
            tokens["refresh_token"].as_str().expect("refresh"),
        )
        .await;
    assert_eq!(refreshed.status(), StatusCode::OK);
    drop(peer);
}

#[tokio::test]
async fn a_confidential_web_app_signs_in_through_a_real_openid_provider() {
    let (app, _peer) = with_real_provider().await;
    let request = Authorize::web();

    let back = sign_in_upstream(&app, &request, "bob").await;
    let code = query_param(&back, "code").expect("code");
    let response = app.exchange(&request, &code).await;

    assert!(
        back.starts_with("https://app.example.com/callback?code="),
        "{back}"
    );
    assert_eq!(response.status(), StatusCode::OK);
    let tokens: serde_json::Value = response.json().await.expect("json");
    let id = claims(tokens["id_token"].as_str().expect("id"));
    assert_eq!(id["email"], "bob@example.com");
    assert_eq!(
        id["email_verified"], false,
        "bob's provider says his email is unverified"
    );
}
