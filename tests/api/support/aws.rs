//! authgate federated into a moto identity pool through the recording stand-in, with one app
//! per way of federating:
//!
//! | app        | provider   | Logins                        | on failure   |
//! |------------|------------|-------------------------------|--------------|
//! | `awsapp`   | `local`    | developer (local's default)   | `fail_login` |
//! | `awsomit`  | `local`    | developer                     | `omit`       |
//! | `selfapp`  | `selfpool` | `self` (authgate's ID token)  | `fail_login` |
//! | `selfomit` | `selfpool` | `self`                        | `omit`       |
//! | `guestapp` | `local`    | developer, guests allowed     | `fail_login` |
//!
//! `selfpool` is a second local provider holding the demo user, federated with `logins = "self"`
//! so that the GetId path can be driven without an upstream provider.

use crate::support::app::*;
use crate::support::aws_proxy::AwsProxy;
use crate::support::moto::{DEVELOPER_PROVIDER, create_identity_pool};
use crate::support::upstream_stub::StubOp;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::LazyLock;

/// authgate's own AWS credentials for the signed developer call, as a shared credentials file
/// (moto checks no signature; the stand-in checks there is one).
pub static CREDENTIALS_FILE: LazyLock<PathBuf> = LazyLock::new(|| {
    let file = tempfile::NamedTempFile::new().expect("tmp");
    std::fs::write(
        file.path(),
        "[default]\naws_access_key_id = AKIDAUTHGATETEST\naws_secret_access_key = authgate-test-secret\n",
    )
    .expect("write");
    file.into_temp_path().keep().expect("keep")
});

pub struct AwsApp {
    pub app: TestApp,
    pub proxy: AwsProxy,
    pub pool_id: String,
}

/// The demo user's password hash, from the embedded config.
pub fn demo_hash() -> String {
    authgate::config::DEFAULT_CONFIG
        .lines()
        .find_map(|l| l.strip_prefix("password_hash = "))
        .expect("demo hash")
        .trim_matches('"')
        .to_string()
}

/// The `[aws.identity_pool]` section and the apps above, reaching AWS at `endpoint`;
/// `pool_extra` adds keys to the pool section, `extra` adds tables at the end.
pub fn aws_config(pool_id: &str, endpoint: &str, pool_extra: &str, extra: &str) -> String {
    let app = |client_id: &str, provider: &str, more: &str| {
        format!(
            r#"
[[apps]]
client_id = "{client_id}"
name = "App {client_id}"
redirect_uris = ["{client_id}://cb"]
providers = ["{provider}"]
scopes = ["openid", "email", "profile"]
aws_credentials = true
{more}
"#
        )
    };
    format!(
        r#"
[aws.identity_pool]
id = "{pool_id}"
endpoint_url = "{endpoint}"
sts_endpoint_url = "{endpoint}"
developer_provider_name = "{DEVELOPER_PROVIDER}"
allow_guest = true
credentials_file = "{credentials}"
{pool_extra}

[[providers]]
id = "selfpool"
kind = "local"
name = "authgate account (self)"
logins = "self"

[[providers.users]]
username = "{USER}"
password_hash = "{hash}"
email = "demo@example.com"
email_verified = true
{awsapp}{awsomit}{selfapp}{selfomit}{guestapp}
{extra}
"#,
        credentials = CREDENTIALS_FILE.display(),
        hash = demo_hash(),
        awsapp = app("awsapp", "local", ""),
        awsomit = app("awsomit", "local", r#"aws_failure = "omit""#),
        selfapp = app("selfapp", "selfpool", ""),
        selfomit = app("selfomit", "selfpool", r#"aws_failure = "omit""#),
        guestapp = app("guestapp", "local", "allow_guest = true"),
    )
}

/// A fresh identity pool in moto, the stand-in in front of it, and authgate using both.
pub async fn aws_app(pool_extra: &str, extra: &str) -> AwsApp {
    let pool_id = create_identity_pool().await;
    let proxy = AwsProxy::start().await;
    let app = spawn_app_with(&aws_config(&pool_id, &proxy.endpoint, pool_extra, extra)).await;
    AwsApp {
        app,
        proxy,
        pool_id,
    }
}

/// [`aws_app`] on a listener the caller bound (a peer must know authgate's port first: the
/// SAML IdP posts to authgate's ACS).
#[cfg(feature = "saml")]
pub async fn aws_app_on(listener: tokio::net::TcpListener, extra: &str) -> AwsApp {
    let pool_id = create_identity_pool().await;
    let proxy = AwsProxy::start().await;
    let config = aws_config(&pool_id, &proxy.endpoint, "", extra);
    let app = spawn_app_on(listener, &config, |c| c).await;
    AwsApp {
        app,
        proxy,
        pool_id,
    }
}

/// The response to the password form of `request`'s sign-in in a fresh browser: the redirect
/// with the code, or whatever page ended the sign-in.
pub async fn sign_in_response(app: &TestApp, request: &Authorize) -> reqwest::Response {
    let client = browser();
    let (page_url, html) = app.open_sign_in(&client, request).await;
    let csrf = input_value(&html, "csrf").expect("csrf");
    app.post_password(&client, &page_url, Some(&csrf), USER, PASSWORD)
        .await
}

/// A native app's authorize request for one of the apps above.
pub fn request(client_id: &str) -> Authorize {
    let mut request = Authorize::native();
    request.client_id = client_id.into();
    request.redirect_uri = format!("{client_id}://cb");
    request
}

/// A whole password login in a fresh browser: the token response.
pub async fn login(app: &TestApp, client_id: &str) -> Value {
    app.login(&browser(), &request(client_id)).await
}

/// The `aws_credentials` of an answer, checked for shape.
pub fn credentials_of(body: &Value) -> &Value {
    let credentials = &body["aws_credentials"];
    for field in [
        "access_key_id",
        "secret_access_key",
        "session_token",
        "expiration",
    ] {
        assert!(
            credentials[field].as_str().is_some_and(|v| !v.is_empty()),
            "aws_credentials.{field} in {body}"
        );
    }
    let expiration = credentials["expiration"].as_str().expect("expiration");
    let shape = expiration.len() == 20
        && expiration.ends_with('Z')
        && expiration.as_bytes()[4] == b'-'
        && expiration.as_bytes()[10] == b'T';
    assert!(shape, "expiration is RFC 3339 (UTC): {expiration}");
    credentials
}

pub struct Upstream {
    pub aws: AwsApp,
    pub op: StubOp,
}

/// authgate with an OpenID provider (the stand-in) whose ID token is federated.
pub async fn with_upstream() -> Upstream {
    let op = StubOp::start().await;
    let extra = format!(
        r#"
[[providers]]
id = "op"
kind = "oidc"
issuer = "{issuer}"
client_id = "authgate"
timeout = "2s"

[[apps]]
client_id = "opapp"
name = "OP app"
redirect_uris = ["opapp://cb"]
providers = ["op"]
scopes = ["openid", "email"]
aws_credentials = true
"#,
        issuer = op.issuer
    );
    Upstream {
        aws: aws_app("", &extra).await,
        op,
    }
}

/// A login through the provider, which answers with `refresh_token` (or none): the token
/// response, and the ID token the provider issued.
pub async fn login_upstream(up: &Upstream, refresh_token: Option<&str>) -> (Value, String) {
    let app = &up.aws.app;
    let client = browser();
    let request = request("opapp");
    let response = app.authorize(&client, &request).await;
    let response = app.get(&client, &location(&response)).await;
    let upstream = url::Url::parse(&location(&response)).expect("upstream");
    let param = |name: &str| {
        upstream
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .expect(name)
    };
    let token = up.op.sign(&up.op.claims("authgate", &param("nonce")));
    up.op.answer_with_tokens(&token, refresh_token);
    let callback = app.url(&format!(
        "/oauth2/idpresponse/op?code=c&state={}&iss={}",
        param("state"),
        up.op.issuer
    ));
    let code = query_param(&location(&app.get(&client, &callback).await), "code").expect("code");
    let tokens = app
        .exchange(&request, &code)
        .await
        .json()
        .await
        .expect("json");
    (tokens, token)
}
