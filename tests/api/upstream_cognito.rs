//! `kind = "cognito-hosted"` against cognito-local (a Cognito user pool emulator with a hosted
//! UI): app → authgate → the pool's sign-in form → authgate → app → tokens.
//!
//! cognito-local does not echo `nonce` in its ID tokens (real Cognito does), so the provider is
//! configured with `require_nonce = false`: the nonce-less token is accepted, a wrong nonce
//! would still not be; PKCE binds the code to this flow. Nonce checking itself is covered
//! against the stand-in (`upstream_oidc.rs`).

use crate::support::app::*;
use crate::support::peers::CognitoLocal;
use reqwest::StatusCode;

const EMAIL: &str = "erin@example.com";
const PASSWORD: &str = "Passw0rd!-erin";

struct Pool {
    app: TestApp,
    cognito: CognitoLocal,
    callback_url: String,
}

/// A pool in cognito-local with a user, and authgate with provider `pool` for it, used by the
/// native app `poolapp` (`poolapp://cb`) and by the confidential web app.
async fn with_pool() -> Pool {
    // authgate's port first: the pool's app client must know the callback URL.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let callback_url = format!("http://127.0.0.1:{port}/oauth2/idpresponse/pool");
    let cognito = CognitoLocal::start().await;
    let (pool_id, client_id) = cognito.pool_with_user(&callback_url, EMAIL, PASSWORD).await;
    let extra = format!(
        r#"
[[providers]]
id = "pool"
kind = "cognito-hosted"
name = "Our user pool"
domain = "{endpoint}"
region = "eu-west-1"
user_pool_id = "{pool_id}"
client_id = "{client_id}"
idp_endpoint = "{endpoint}"
require_nonce = false

[[apps]]
client_id = "poolapp"
name = "Pool app"
redirect_uris = ["poolapp://cb"]
providers = ["local", "pool"]
scopes = ["openid", "email", "profile"]
"#,
        endpoint = cognito.endpoint,
    );
    let app = spawn_app_on(listener, &extra, |config| {
        config.replace(
            "logout_uris = [\"https://app.example.com/signed-out\"]\nproviders = [\"local\"]",
            "logout_uris = [\"https://app.example.com/signed-out\"]\nproviders = [\"local\", \"pool\"]",
        )
    })
    .await;
    Pool {
        app,
        cognito,
        callback_url,
    }
}

fn pool_app_request() -> Authorize {
    let mut request = Authorize::native();
    request.client_id = "poolapp".into();
    request.redirect_uri = "poolapp://cb".into();
    request
}

#[tokio::test]
async fn a_native_app_signs_in_through_a_cognito_hosted_ui() {
    let pool = with_pool().await;
    sign_in_through_pool(
        &pool.app,
        &pool.cognito,
        &pool.callback_url,
        &pool_app_request(),
    )
    .await;
}

/// authgate sends the browser to the pool's hosted UI, the user signs in there, and the app gets
/// authgate's tokens with the pool user's claims.
async fn sign_in_through_pool(
    app: &TestApp,
    cognito: &CognitoLocal,
    callback_url: &str,
    request: &Authorize,
) {
    // Act: authgate sends the browser to the pool's hosted UI; the user signs in there.
    let response = app
        .authorize(
            &app.browser,
            &request.clone_with("identity_provider", "pool"),
        )
        .await;
    let response = app.get(&app.browser, &location(&response)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let hosted = url::Url::parse(&location(&response)).expect("hosted UI URL");
    assert_eq!(
        hosted.as_str().split('?').next(),
        Some(format!("{}/oauth2/authorize", cognito.endpoint).as_str())
    );
    let mut form: Vec<(String, String)> = hosted.query_pairs().into_owned().collect();
    form.push(("username".into(), EMAIL.into()));
    form.push(("password".into(), PASSWORD.into()));
    let signed_in = app
        .browser
        .post(format!("{}/oauth2/authorize", cognito.endpoint))
        .form(&form)
        .send()
        .await
        .expect("post");
    let callback = location(&signed_in);
    assert!(callback.starts_with(callback_url), "{callback}");
    let back = app.get(&app.browser, &callback).await;

    // Assert
    assert_eq!(
        back.status(),
        StatusCode::SEE_OTHER,
        "authgate accepted the pool's answer"
    );
    let to_app = location(&back);
    assert!(
        to_app.starts_with(&format!("{}?code=", request.redirect_uri)),
        "{to_app}"
    );
    let code = query_param(&to_app, "code").expect("code");
    let response = app.exchange(request, &code).await;
    assert_eq!(response.status(), StatusCode::OK);
    let tokens: serde_json::Value = response.json().await.expect("json");
    let id = claims(tokens["id_token"].as_str().expect("id"));
    assert_eq!(id["iss"], app.address.as_str());
    assert_eq!(id["email"], EMAIL);
    assert_eq!(id["nonce"], "nonce-456");
}

#[tokio::test]
async fn a_confidential_web_app_signs_in_through_a_cognito_hosted_ui() {
    let pool = with_pool().await;
    sign_in_through_pool(
        &pool.app,
        &pool.cognito,
        &pool.callback_url,
        &Authorize::web(),
    )
    .await;
}

#[tokio::test]
async fn an_idp_name_the_app_sends_for_its_pool_is_forwarded_to_the_hosted_ui() {
    let pool = with_pool().await;
    for (param, value) in [
        ("identity_provider", "Google"),
        ("idp_identifier", "corp.example.com"),
        // The pool's own sign-in, as Amplify asks for it: the pool's hosted UI decides.
        ("identity_provider", "COGNITO"),
    ] {
        // Act: "Google" is not one of authgate's providers, but an IdP of the app's pool.
        let client = browser();
        let response = pool
            .app
            .authorize(&client, &pool_app_request().clone_with(param, value))
            .await;
        let signin = location(&response);
        assert!(signin.ends_with("/pool"), "straight to the pool: {signin}");
        let response = pool.app.get(&client, &signin).await;

        // Assert
        let hosted = url::Url::parse(&location(&response)).expect("hosted UI URL");
        let forwarded = hosted
            .query_pairs()
            .find(|(k, _)| k == param)
            .map(|(_, v)| v.into_owned());
        assert_eq!(forwarded.as_deref(), Some(value), "{hosted}");
    }
}
