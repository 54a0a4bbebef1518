//! Temporary AWS credentials at sign-in, on refresh, at `/aws/credentials` and for guests,
//! against moto's Cognito Identity and STS. moto checks no Logins and signs nothing, so every
//! test also asserts on what authgate sent, as the recording stand-in saw it: the exact Logins
//! key and token per provider, a SigV4 signature on the developer call only, no second GetId
//! for a returning user.

use crate::support::app::*;
use crate::support::aws::*;
use crate::support::aws_proxy::AwsProxy;
use crate::support::moto::{DEVELOPER_PROVIDER, create_identity_pool};
use crate::support::peers::CognitoLocal;
use reqwest::StatusCode;
use serde_json::{Value, json};

const DEVELOPER_KEY: &str = "cognito-identity.amazonaws.com";

async fn post_credentials(app: &TestApp, access_token: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.url("/aws/credentials"))
        .bearer_auth(access_token)
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn a_local_user_is_federated_as_a_developer_identity() {
    // Arrange
    let aws = aws_app("", "").await;

    // Act
    let tokens = login(&aws.app, "awsapp").await;

    // Assert: credentials and the identity in the token response.
    let identity_id = tokens["identity_id"].as_str().expect("identity_id");
    assert!(identity_id.starts_with("us-east-1:"), "{identity_id}");
    credentials_of(&tokens);
    assert!(tokens["aws_error"].is_null());
    let sub = claims(tokens["id_token"].as_str().expect("id"))["sub"].clone();

    // Assert: what authgate sent. No GetId: the developer call returns the identity.
    assert_eq!(
        aws.proxy.operations(),
        vec![
            "GetOpenIdTokenForDeveloperIdentity",
            "GetCredentialsForIdentity"
        ]
    );
    let developer = &aws.proxy.of("GetOpenIdTokenForDeveloperIdentity")[0];
    assert!(
        developer.signed(),
        "signed with authgate's credentials: {:?}",
        developer.authorization
    );
    assert!(
        developer
            .authorization
            .as_deref()
            .is_some_and(|a| a.contains("Credential=AKIDAUTHGATETEST/")
                && a.contains("/cognito-identity/aws4_request")),
        "SigV4 for cognito-identity with the configured key: {:?}",
        developer.authorization
    );
    assert_eq!(developer.body["IdentityPoolId"], aws.pool_id.as_str());
    assert_eq!(
        Value::Object(developer.logins()),
        json!({ DEVELOPER_PROVIDER: sub }),
        "the developer provider vouches for the user's authgate sub"
    );
    assert!(developer.body.get("IdentityId").is_none());
    let credentials = &aws.proxy.of("GetCredentialsForIdentity")[0];
    assert!(
        credentials.authorization.is_none(),
        "a public call, unsigned"
    );
    assert_eq!(
        credentials.body["IdentityId"],
        developer.answer["IdentityId"]
    );
    assert_eq!(
        Value::Object(credentials.logins()),
        json!({ DEVELOPER_KEY: developer.answer["Token"] }),
        "the developer token under cognito-identity.amazonaws.com"
    );
    assert_eq!(developer.answer["IdentityId"], identity_id);

    // Act: the same user again, in another browser.
    aws.proxy.clear();
    let again = login(&aws.app, "awsapp").await;

    // Assert: the remembered identity is named, and kept.
    let developer = &aws.proxy.of("GetOpenIdTokenForDeveloperIdentity")[0];
    assert_eq!(developer.body["IdentityId"], identity_id);
    assert_eq!(again["identity_id"], identity_id);
    assert!(aws.proxy.of("GetId").is_empty());
}

#[tokio::test]
async fn authgates_own_id_token_is_sent_under_its_issuer_and_a_returning_user_costs_no_get_id() {
    // Arrange
    let aws = aws_app("", "").await;

    // Act
    let tokens = login(&aws.app, "selfapp").await;

    // Assert
    let identity_id = tokens["identity_id"].as_str().expect("identity_id");
    credentials_of(&tokens);
    assert_eq!(
        aws.proxy.operations(),
        vec!["GetId", "GetCredentialsForIdentity"]
    );
    let get_id = &aws.proxy.of("GetId")[0];
    assert!(get_id.authorization.is_none(), "GetId is unsigned");
    let issuer_key = aws.app.address.trim_start_matches("http://").to_string();
    let logins = get_id.logins();
    assert_eq!(logins.keys().collect::<Vec<_>>(), vec![&issuer_key]);
    let pool_token = claims(logins[&issuer_key].as_str().expect("token"));
    let app_token = claims(tokens["id_token"].as_str().expect("id"));
    assert_eq!(pool_token["iss"], aws.app.address.as_str());
    assert_eq!(pool_token["aud"], "selfapp");
    assert_eq!(pool_token["sub"], app_token["sub"]);
    assert_ne!(
        logins[&issuer_key], tokens["id_token"],
        "a token minted for the pool, not the app's"
    );
    let credentials = &aws.proxy.of("GetCredentialsForIdentity")[0];
    assert!(credentials.authorization.is_none());
    assert_eq!(credentials.logins(), logins, "the same Logins");
    assert_eq!(credentials.body["IdentityId"], identity_id);

    // Act: the same user again, in another browser (moto would hand out a new id on GetId).
    aws.proxy.clear();
    let again = login(&aws.app, "selfapp").await;

    // Assert
    assert_eq!(aws.proxy.operations(), vec!["GetCredentialsForIdentity"]);
    assert_eq!(
        aws.proxy.of("GetCredentialsForIdentity")[0].body["IdentityId"],
        identity_id
    );
    assert_eq!(again["identity_id"], identity_id);
}

#[tokio::test]
async fn a_cognito_user_pools_id_token_is_sent_under_the_pools_key() {
    // Arrange: a pool in cognito-local behind kind = "cognito-hosted", federated upstream.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let callback_url = format!("http://127.0.0.1:{port}/oauth2/idpresponse/pool");
    let cognito = CognitoLocal::start().await;
    let (email, password) = ("erin@example.com", "Passw0rd!-erin");
    let (user_pool, client_id) = cognito.pool_with_user(&callback_url, email, password).await;
    let pool_id = create_identity_pool().await;
    let proxy = AwsProxy::start().await;
    let extra = format!(
        r#"
[[providers]]
id = "pool"
kind = "cognito-hosted"
domain = "{endpoint}"
region = "eu-west-1"
user_pool_id = "{user_pool}"
client_id = "{client_id}"
idp_endpoint = "{endpoint}"
require_nonce = false

[[apps]]
client_id = "poolapp"
name = "Pool app"
redirect_uris = ["poolapp://cb"]
providers = ["pool"]
scopes = ["openid", "email"]
aws_credentials = true
"#,
        endpoint = cognito.endpoint
    );
    let app = spawn_app_on(
        listener,
        &aws_config(&pool_id, &proxy.endpoint, "", &extra),
        |c| c,
    )
    .await;

    // Act: authgate → the pool's hosted UI → authgate → federation → code → tokens.
    let request = request("poolapp");
    let response = app.authorize(&app.browser, &request).await;
    let response = app.get(&app.browser, &location(&response)).await;
    let hosted = url::Url::parse(&location(&response)).expect("hosted UI URL");
    let mut form: Vec<(String, String)> = hosted.query_pairs().into_owned().collect();
    form.push(("username".into(), email.into()));
    form.push(("password".into(), password.into()));
    let signed_in = app
        .browser
        .post(format!("{}/oauth2/authorize", cognito.endpoint))
        .form(&form)
        .send()
        .await
        .expect("post");
    let back = app.get(&app.browser, &location(&signed_in)).await;
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    let code = query_param(&location(&back), "code").expect("code");
    let tokens: Value = app
        .exchange(&request, &code)
        .await
        .json()
        .await
        .expect("json");

    // Assert: the pool's ID token (not its access token) under cognito-idp.{region}...
    credentials_of(&tokens);
    let key = format!("cognito-idp.eu-west-1.amazonaws.com/{user_pool}");
    let get_id = &proxy.of("GetId")[0];
    assert!(get_id.authorization.is_none());
    assert_eq!(get_id.logins().keys().collect::<Vec<_>>(), vec![&key]);
    let sent = claims(get_id.logins()[&key].as_str().expect("token"));
    assert_eq!(sent["token_use"], "id");
    assert_eq!(sent["aud"], client_id.as_str());
    assert_eq!(sent["email"], email);
    assert_eq!(
        sent["iss"],
        format!("{}/{user_pool}", cognito.endpoint).as_str()
    );
    let credentials = &proxy.of("GetCredentialsForIdentity")[0];
    assert!(credentials.authorization.is_none());
    assert_eq!(credentials.logins(), get_id.logins());
    assert_eq!(credentials.body["IdentityId"], tokens["identity_id"]);
}

#[tokio::test]
async fn an_openid_providers_id_token_is_sent_under_its_issuer_host() {
    // Arrange
    let up = with_upstream().await;

    // Act
    let (tokens, id_token) = login_upstream(&up, None).await;

    // Assert: the issuer without its scheme, and the provider's own ID token.
    credentials_of(&tokens);
    let key = up.op.issuer.trim_start_matches("http://").to_string();
    assert_eq!(
        Value::Object(up.aws.proxy.of("GetId")[0].logins()),
        json!({ key: id_token })
    );
}

#[tokio::test]
async fn guests_get_credentials_and_keep_their_identity() {
    // Arrange
    let aws = aws_app("", "").await;
    let client = reqwest::Client::new();

    // Act
    let first: Value = client
        .get(aws.app.url("/aws/guest-credentials?client_id=guestapp"))
        .send()
        .await
        .expect("guest")
        .json()
        .await
        .expect("json");

    // Assert: GetId without Logins, unsigned.
    credentials_of(&first);
    let identity_id = first["identity_id"].as_str().expect("identity").to_string();
    assert_eq!(
        aws.proxy.operations(),
        vec!["GetId", "GetCredentialsForIdentity"]
    );
    for call in aws.proxy.requests() {
        assert!(call.authorization.is_none(), "{call:?}");
        assert!(call.body.get("Logins").is_none(), "guests send no Logins");
    }

    // Act: the app sends back the identity it was given.
    aws.proxy.clear();
    let response = client
        .get(aws.app.url(&format!(
            "/aws/guest-credentials?client_id=guestapp&identity_id={identity_id}"
        )))
        .send()
        .await
        .expect("guest");

    // Assert
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["cache-control"],
        "no-store",
        "credentials are never cached by intermediaries"
    );
    let again: Value = response.json().await.expect("json");
    assert_eq!(again["identity_id"], identity_id.as_str());
    assert_eq!(aws.proxy.operations(), vec!["GetCredentialsForIdentity"]);
}

#[tokio::test]
async fn post_aws_credentials_federates_again_once_they_near_expiry() {
    // Arrange: moto's credentials last 90 s, inside the default 5-minute margin.
    let aws = aws_app("", "").await;
    let tokens = login(&aws.app, "selfapp").await;
    let access = tokens["access_token"].as_str().expect("access");
    aws.proxy.clear();

    // Act
    let response = post_credentials(&aws.app, access).await;

    // Assert
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("json");
    credentials_of(&body);
    assert_eq!(body["identity_id"], tokens["identity_id"]);
    assert_eq!(
        aws.proxy.operations(),
        vec!["GetCredentialsForIdentity"],
        "renewed, for the remembered identity"
    );
    let sent = aws.proxy.of("GetCredentialsForIdentity")[0].logins();
    let token = sent.values().next().and_then(Value::as_str).expect("token");
    assert_eq!(claims(token)["aud"], "selfapp", "a freshly minted token");
}

#[tokio::test]
async fn credentials_are_served_from_cache_until_refresh_before_their_expiry() {
    // Arrange: a 10-second margin, so moto's 90-second credentials are fresh enough.
    let aws = aws_app(r#"refresh_before = "10s""#, "").await;
    let tokens = login(&aws.app, "awsapp").await;
    aws.proxy.clear();

    // Act
    let response = post_credentials(&aws.app, tokens["access_token"].as_str().expect("a")).await;

    // Assert: the sign-in's credentials, no call to the pool.
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["aws_credentials"], tokens["aws_credentials"]);
    assert_eq!(body["identity_id"], tokens["identity_id"]);
    assert!(
        aws.proxy.requests().is_empty(),
        "{:?}",
        aws.proxy.operations()
    );
}

#[tokio::test]
async fn a_token_refresh_renews_aws_credentials_too() {
    // Arrange
    let aws = aws_app("", "").await;
    let tokens = login(&aws.app, "awsapp").await;
    aws.proxy.clear();

    // Act
    let response = aws
        .app
        .refresh("awsapp", tokens["refresh_token"].as_str().expect("refresh"))
        .await;

    // Assert
    assert_eq!(response.status(), StatusCode::OK);
    let refreshed: Value = response.json().await.expect("json");
    credentials_of(&refreshed);
    assert_eq!(refreshed["identity_id"], tokens["identity_id"]);
    assert!(refreshed["access_token"].is_string());
    assert_eq!(
        aws.proxy.of("GetOpenIdTokenForDeveloperIdentity")[0].body["IdentityId"],
        tokens["identity_id"]
    );
}

#[tokio::test]
async fn apps_without_aws_credentials_get_plain_token_responses() {
    // Arrange
    let aws = aws_app("", "").await;

    // Act
    let tokens = aws.app.login(&browser(), &Authorize::native()).await;

    // Assert
    for field in ["identity_id", "aws_credentials", "aws_error"] {
        assert!(tokens.get(field).is_none(), "{field} in {tokens}");
    }
    assert!(aws.proxy.requests().is_empty());
}

#[tokio::test]
async fn the_basic_flow_assumes_the_configured_role_with_the_pools_token() {
    // Arrange
    let role = "arn:aws:iam::123456789012:role/authgate-basic";
    let aws = aws_app(
        &format!(
            "flow = \"basic\"\nrole_arn = \"{role}\"\nguest_role_arn = \"arn:aws:iam::123456789012:role/authgate-guest\""
        ),
        "",
    )
    .await;

    // Act
    let tokens = login(&aws.app, "selfapp").await;

    // Assert: GetId → GetOpenIdToken → STS, the token handed on unchanged.
    credentials_of(&tokens);
    assert_eq!(
        aws.proxy.operations(),
        vec!["GetId", "GetOpenIdToken", "AssumeRoleWithWebIdentity"]
    );
    let open_id = &aws.proxy.of("GetOpenIdToken")[0];
    assert!(open_id.authorization.is_none());
    assert_eq!(open_id.body["IdentityId"], tokens["identity_id"]);
    assert_eq!(open_id.logins(), aws.proxy.of("GetId")[0].logins());
    let assume = &aws.proxy.of("AssumeRoleWithWebIdentity")[0];
    assert!(
        assume.authorization.is_none(),
        "AssumeRoleWithWebIdentity is unsigned"
    );
    assert_eq!(assume.body["RoleArn"], role);
    assert_eq!(assume.body["WebIdentityToken"], open_id.answer["Token"]);
    assert!(
        assume.body["RoleSessionName"]
            .as_str()
            .is_some_and(|n| n.starts_with("authgate-"))
    );

    // Act: a developer identity in the basic flow: its token goes straight to STS.
    aws.proxy.clear();
    let tokens = login(&aws.app, "awsapp").await;

    // Assert
    credentials_of(&tokens);
    assert_eq!(
        aws.proxy.operations(),
        vec![
            "GetOpenIdTokenForDeveloperIdentity",
            "AssumeRoleWithWebIdentity"
        ]
    );
    let developer = &aws.proxy.of("GetOpenIdTokenForDeveloperIdentity")[0];
    assert_eq!(
        aws.proxy.of("AssumeRoleWithWebIdentity")[0].body["WebIdentityToken"],
        developer.answer["Token"]
    );
}
