//! A Cognito user pool on authgate's pages (`kind = "cognito"`), federated into an identity
//! pool: the pool's own ID token goes under `cognito-idp.{region}.amazonaws.com/{pool}`, for
//! broker apps and for passthrough apps (whose token response is the pool's tokens plus the
//! AWS credentials). moto serves both pools; the recording stand-in shows what was sent.

use crate::support::app::*;
use crate::support::aws::{aws_config, credentials_of};
use crate::support::aws_proxy::AwsProxy;
use crate::support::moto::{self, create_identity_pool};
use crate::support::pool::{PASSWORD, PoolApp, pool_request};
use serde_json::{Value, json};

async fn federated_pool_app() -> (PoolApp, AwsProxy, moto::Pool, String) {
    let pool = moto::create_pool(false).await;
    let username = format!("fed{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    moto::create_user(&pool, &username, PASSWORD).await;
    let identity_pool = create_identity_pool().await;
    let proxy = AwsProxy::start().await;
    let extra = format!(
        r#"
[[providers]]
id = "pool"
kind = "cognito"
name = "Example pool"
region = "{region}"
user_pool_id = "{pool_id}"
client_id = "{client_id}"
endpoint_url = "{endpoint}"

[[apps]]
client_id = "poolapp"
name = "Pool app"
redirect_uris = ["poolapp://cb"]
providers = ["pool"]
scopes = ["openid", "email"]
aws_credentials = true

[[apps]]
client_id = "passapp"
name = "Passthrough app"
redirect_uris = ["passapp://cb"]
providers = ["pool"]
scopes = ["openid", "email"]
token_mode = "passthrough"
aws_credentials = true
"#,
        region = moto::REGION,
        pool_id = pool.id,
        client_id = pool.client_id,
        endpoint = moto::endpoint(),
    );
    let config = aws_config(&identity_pool, &proxy.endpoint, "", &extra);
    let app = PoolApp::around(spawn_app_with(&config).await);
    (app, proxy, pool, username)
}

#[tokio::test]
async fn a_pool_users_id_token_is_sent_under_the_pools_key() {
    let (app, proxy, pool, username) = federated_pool_app().await;

    let tokens = app
        .login(&browser(), &pool_request("poolapp"), &username, PASSWORD)
        .await;

    credentials_of(&tokens);
    let key = format!("cognito-idp.{}.amazonaws.com/{}", moto::REGION, pool.id);
    let kept = kept_upstream_tokens(&app.app, tokens["refresh_token"].as_str().expect("rt")).await;
    let get_id = &proxy.of("GetId")[0];
    assert_eq!(
        Value::Object(get_id.logins()),
        json!({ key.clone(): kept.id_token.expect("pool id token") })
    );
    assert!(get_id.authorization.is_none(), "GetId is unsigned");
    assert_eq!(tokens["identity_id"], get_id.answer["IdentityId"]);
}

#[tokio::test]
async fn a_passthrough_app_gets_the_pools_tokens_and_credentials_for_them() {
    let (app, proxy, pool, username) = federated_pool_app().await;

    let tokens = app
        .login(&browser(), &pool_request("passapp"), &username, PASSWORD)
        .await;

    // The pool's own ID token, the very one the identity pool was given.
    let id_token = tokens["id_token"].as_str().expect("id_token");
    assert_eq!(claims(id_token)["iss"], pool.issuer().as_str());
    credentials_of(&tokens);
    let key = format!("cognito-idp.{}.amazonaws.com/{}", moto::REGION, pool.id);
    assert_eq!(
        Value::Object(proxy.of("GetId")[0].logins()),
        json!({ key: id_token })
    );

    // A refresh through authgate renews both the pool tokens and the credentials.
    let refreshed = app
        .app
        .refresh("passapp", tokens["refresh_token"].as_str().expect("rt"))
        .await;
    assert_eq!(refreshed.status(), reqwest::StatusCode::OK);
    let refreshed: Value = refreshed.json().await.expect("json");
    credentials_of(&refreshed);
    assert_eq!(refreshed["identity_id"], tokens["identity_id"]);
    assert_eq!(
        proxy.of("GetId").len(),
        1,
        "a returning identity costs no second GetId"
    );
}
