//! Login with Amazon and Sign in with Apple federated into the identity pool (moto behind the
//! recording stand-in): each sign-in through its provider's stand-in ends with AWS
//! credentials, and the pool is sent the provider's own token under the key AWS knows it by —
//! Amazon's access token under `www.amazon.com`, Apple's ID token under `appleid.apple.com`.
//! (moto does not check Logins tokens: what is asserted is what authgate sends.)

use crate::support::amazon_standin::{self, AmazonStandIn};
use crate::support::app::*;
use crate::support::apple_standin::{self, AppleStandIn};
use crate::support::aws::{aws_app, credentials_of};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn app_for(provider: &str) -> String {
    format!(
        r#"
[[apps]]
client_id = "{provider}app"
name = "{provider} app"
redirect_uris = ["{provider}app://cb"]
providers = ["{provider}"]
scopes = ["openid", "email", "profile"]
aws_credentials = true
"#
    )
}

fn request_for(provider: &str) -> Authorize {
    let mut request = Authorize::native();
    request.client_id = format!("{provider}app");
    request.redirect_uri = format!("{provider}app://cb");
    request.with("identity_provider", provider)
}

/// Both Logins calls carry exactly `{key: token}`; the answer carries credentials.
fn assert_federated(aws: &crate::support::aws::AwsApp, tokens: &Value, key: &str, token: &str) {
    credentials_of(tokens);
    let get_id = &aws.proxy.of("GetId")[0];
    let credentials = &aws.proxy.of("GetCredentialsForIdentity")[0];
    assert_eq!(Value::Object(get_id.logins()), json!({ key: token }));
    assert_eq!(credentials.logins(), get_id.logins());
    assert_eq!(credentials.body["IdentityId"], tokens["identity_id"]);
}

#[tokio::test]
async fn an_amazon_sign_in_federates_amazons_access_token_under_www_amazon_com() {
    // Arrange
    let amazon = AmazonStandIn::start().await;
    let secret = tempfile::NamedTempFile::new().expect("tmp");
    std::fs::write(secret.path(), amazon_standin::CLIENT_SECRET).expect("write");
    let (_, secret_path) = secret.keep().expect("keep");
    let extra = format!(
        r#"
[[providers]]
id = "amazon"
kind = "amazon"
name = "Amazon"
client_id = "{client_id}"
client_secret_file = "{secret}"
authorization_endpoint = "{base}/ap/oa"
token_endpoint = "{base}/auth/o2/token"
profile_endpoint = "{base}/user/profile"
timeout = "2s"
{app}"#,
        client_id = amazon_standin::CLIENT_ID,
        secret = secret_path.display(),
        base = amazon.base,
        app = app_for("amazon"),
    );
    let aws = aws_app("", &extra).await;
    let request = request_for("amazon");
    let browser = browser();

    // Act: authgate → Amazon → back with a code → the app's code → tokens.
    let response = aws.app.authorize(&browser, &request).await;
    let response = aws.app.get(&browser, &location(&response)).await;
    let at_amazon = aws.app.get(&browser, &location(&response)).await;
    let back = aws.app.get(&browser, &location(&at_amazon)).await;
    let code = query_param(&location(&back), "code").expect("code");
    let response = aws.app.exchange(&request, &code).await;

    // Assert
    assert_eq!(response.status(), StatusCode::OK);
    let tokens: Value = response.json().await.expect("json");
    let kept = kept_upstream_tokens(&aws.app, tokens["refresh_token"].as_str().expect("rt")).await;
    let access = kept.access_token.expect("Amazon's access token");
    assert!(access.starts_with("Atza|"), "{access}");
    assert_federated(&aws, &tokens, "www.amazon.com", &access);
}

#[tokio::test]
async fn an_apple_sign_in_federates_apples_id_token_under_appleid_apple_com() {
    // Arrange
    let apple = AppleStandIn::start().await;
    let extra = format!(
        r#"
[[providers]]
id = "apple"
kind = "apple"
name = "Apple"
client_id = "{client_id}"
team_id = "{team_id}"
key_id = "{key_id}"
private_key_file = "{p8}"
issuer = "{base}"
authorization_endpoint = "{base}/auth/authorize"
token_endpoint = "{base}/auth/token"
jwks_uri = "{base}/auth/keys"
timeout = "2s"
{app}"#,
        client_id = apple_standin::CLIENT_ID,
        team_id = apple_standin::TEAM_ID,
        key_id = apple_standin::KEY_ID,
        p8 = apple.p8_path.display(),
        base = apple.base,
        app = app_for("apple"),
    );
    let aws = aws_app("", &extra).await;
    let request = request_for("apple");
    let browser = browser();

    // Act: authgate → Apple's page → its form posted cross-site → continue → code → tokens.
    let response = aws.app.authorize(&browser, &request).await;
    let response = aws.app.get(&browser, &location(&response)).await;
    let form: Value = reqwest::get(&location(&response))
        .await
        .expect("Apple")
        .json()
        .await
        .expect("form");
    let fields: Vec<(String, String)> = form["fields"]
        .as_object()
        .expect("fields")
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().expect("string").to_string()))
        .collect();
    let posted = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(aws.app.url("/oauth2/idpresponse/apple"))
        .header("origin", "https://appleid.apple.com")
        .form(&fields)
        .send()
        .await
        .expect("post");
    let back = aws.app.get(&browser, &location(&posted)).await;
    let code = query_param(&location(&back), "code").expect("code");
    let response = aws.app.exchange(&request, &code).await;

    // Assert
    assert_eq!(response.status(), StatusCode::OK);
    let tokens: Value = response.json().await.expect("json");
    let kept = kept_upstream_tokens(&aws.app, tokens["refresh_token"].as_str().expect("rt")).await;
    let id_token = kept.id_token.expect("Apple's ID token");
    assert_eq!(claims(&id_token)["aud"], apple_standin::CLIENT_ID);
    assert_federated(&aws, &tokens, "appleid.apple.com", &id_token);
}
