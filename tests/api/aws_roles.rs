//! Choosing an AWS role: a provider token listing several `cognito:roles` and no preferred
//! role sends the user to the role page before any code exists; the choice becomes the
//! `CustomRoleArn` of every credentials call of the session. The page is CSRF-protected, bound
//! to the browser that signed in, single-use, and accepts only the roles listed.

use crate::support::app::*;
use crate::support::aws::*;
use crate::support::upstream_stub::StubOp;
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

const ADMIN: &str = "arn:aws:iam::123456789012:role/admins";
const READER: &str = "arn:aws:iam::123456789012:role/readers";
const APP_ROLE: &str = "arn:aws:iam::123456789012:role/app-fixed";

struct Roles {
    aws: AwsApp,
    op: StubOp,
}

/// authgate with an OpenID provider (the stand-in) federated upstream, for `roleapp` (roles
/// from the token) and `fixedapp` (the app fixes its role).
async fn with_roles() -> Roles {
    let op = StubOp::start().await;
    let app = |client_id: &str, more: &str| {
        format!(
            r#"
[[apps]]
client_id = "{client_id}"
name = "App {client_id}"
redirect_uris = ["{client_id}://cb"]
providers = ["op"]
scopes = ["openid", "email"]
aws_credentials = true
{more}
"#
        )
    };
    let extra = format!(
        r#"
[[providers]]
id = "op"
kind = "oidc"
issuer = "{issuer}"
client_id = "authgate"
timeout = "2s"
{roleapp}{fixedapp}"#,
        issuer = op.issuer,
        roleapp = app("roleapp", ""),
        fixedapp = app("fixedapp", &format!("custom_role_arn = \"{APP_ROLE}\"")),
    );
    Roles {
        aws: aws_app("", &extra).await,
        op,
    }
}

/// Signs in through the provider in `client` with a token carrying `roles` (and `preferred`);
/// returns where authgate sent the browser after the provider's callback.
async fn sign_in_with_roles(
    roles: &Roles,
    client: &Client,
    request: &Authorize,
    preferred: Option<&str>,
) -> String {
    let app = &roles.aws.app;
    let response = app.authorize(client, request).await;
    let response = app.get(client, &location(&response)).await;
    let upstream = url::Url::parse(&location(&response)).expect("upstream");
    let param = |name: &str| {
        upstream
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .expect(name)
    };
    let mut claims = roles.op.claims("authgate", &param("nonce"));
    claims["cognito:roles"] = json!([ADMIN, READER]);
    if let Some(preferred) = preferred {
        claims["cognito:preferred_role"] = json!(preferred);
    }
    roles.op.answer_with_id_token(&roles.op.sign(&claims));
    let callback = app.url(&format!(
        "/oauth2/idpresponse/op?code=c&state={}&iss={}",
        param("state"),
        roles.op.issuer
    ));
    let back = app.get(client, &callback).await;
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    location(&back)
}

async fn post_role(
    app: &TestApp,
    client: &Client,
    page: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(page))
        .form(form)
        .send()
        .await
        .expect("post")
}

#[tokio::test]
async fn a_user_with_several_roles_chooses_one_before_the_code() {
    // Arrange
    let roles = with_roles().await;
    let app = &roles.aws.app;
    let client = browser();
    let request = request("roleapp");

    // Act: the provider's answer lists two roles and prefers none.
    let next = sign_in_with_roles(&roles, &client, &request, None).await;

    // Assert: the role page, not the app; nothing federated yet.
    assert!(next.starts_with("/aws/role/"), "{next}");
    assert!(roles.aws.proxy.requests().is_empty());
    let page = app.get(&client, &next).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        page.headers()["content-security-policy"]
            .to_str()
            .expect("csp")
            .contains("frame-ancestors 'none'")
    );
    assert_eq!(page.headers()["cache-control"], "no-store");
    let html = page.text().await.expect("html");
    assert!(html.contains(ADMIN) && html.contains(READER), "{html}");
    let csrf = input_value(&html, "csrf").expect("csrf field");

    // Act: the user picks the readers' role.
    let response = post_role(app, &client, &next, &[("csrf", &csrf), ("role", READER)]).await;

    // Assert: now the code; the choice is the CustomRoleArn.
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to_app = location(&response);
    assert!(to_app.starts_with("roleapp://cb?code="), "{to_app}");
    let code = query_param(&to_app, "code").expect("code");
    let tokens: Value = app
        .exchange(&request, &code)
        .await
        .json()
        .await
        .expect("json");
    credentials_of(&tokens);
    let calls = roles.aws.proxy.of("GetCredentialsForIdentity");
    assert_eq!(calls[0].body["CustomRoleArn"], READER);

    // Assert: renewals keep the chosen role.
    roles.aws.proxy.clear();
    let response = Client::new()
        .post(app.url("/aws/credentials"))
        .bearer_auth(tokens["access_token"].as_str().expect("access"))
        .send()
        .await
        .expect("credentials");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        roles.aws.proxy.of("GetCredentialsForIdentity")[0].body["CustomRoleArn"],
        READER
    );

    // Assert: the page is single-use.
    let replay = post_role(app, &client, &next, &[("csrf", &csrf), ("role", READER)]).await;
    assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
    assert!(replay.headers().get("location").is_none());
}

#[tokio::test]
async fn the_role_page_refuses_a_post_without_csrf_a_role_not_listed_or_another_browser() {
    // Arrange
    let roles = with_roles().await;
    let app = &roles.aws.app;
    let client = browser();
    let next = sign_in_with_roles(&roles, &client, &request("roleapp"), None).await;
    let html = app.get(&client, &next).await.text().await.expect("html");
    let csrf = input_value(&html, "csrf").expect("csrf");

    // Act / Assert: no CSRF token, a wrong one.
    for form in [
        vec![("role", ADMIN)],
        vec![("csrf", "forged"), ("role", ADMIN)],
    ] {
        let response = post_role(app, &client, &next, &form).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{form:?}");
        assert!(response.headers().get("location").is_none());
    }

    // Act / Assert: a role the token does not list, or none.
    for form in [
        vec![("csrf", csrf.as_str()), ("role", APP_ROLE)],
        vec![("csrf", csrf.as_str())],
    ] {
        let response = post_role(app, &client, &next, &form).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{form:?}");
        assert!(response.headers().get("location").is_none());
    }

    // Act / Assert: another browser with the page's address (and even the form).
    let other = browser();
    assert_eq!(
        app.get(&other, &next).await.status(),
        StatusCode::BAD_REQUEST
    );
    let stolen = post_role(app, &other, &next, &[("csrf", &csrf), ("role", ADMIN)]).await;
    assert_eq!(stolen.status(), StatusCode::BAD_REQUEST);

    // Nothing was federated, no code was issued; the rightful browser can still finish.
    assert!(roles.aws.proxy.requests().is_empty());
    let response = post_role(app, &client, &next, &[("csrf", &csrf), ("role", ADMIN)]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn no_role_page_when_the_token_prefers_a_role_or_the_app_fixes_one() {
    // Arrange
    let roles = with_roles().await;

    // Act: the token names a preferred role: the pool applies it, nothing to ask.
    let next = sign_in_with_roles(&roles, &browser(), &request("roleapp"), Some(ADMIN)).await;

    // Assert
    assert!(next.starts_with("roleapp://cb?code="), "{next}");
    let call = &roles.aws.proxy.of("GetCredentialsForIdentity")[0];
    assert!(call.body.get("CustomRoleArn").is_none(), "{:?}", call.body);

    // Act: the app fixes its role.
    roles.aws.proxy.clear();
    let next = sign_in_with_roles(&roles, &browser(), &request("fixedapp"), None).await;

    // Assert
    assert!(next.starts_with("fixedapp://cb?code="), "{next}");
    assert_eq!(
        roles.aws.proxy.of("GetCredentialsForIdentity")[0].body["CustomRoleArn"],
        APP_ROLE
    );
}

#[tokio::test]
async fn a_signed_in_browser_returning_through_single_sign_on_chooses_again() {
    // Arrange: signed in once, with a choice made.
    let roles = with_roles().await;
    let app = &roles.aws.app;
    let client = browser();
    let next = sign_in_with_roles(&roles, &client, &request("roleapp"), None).await;
    let html = app.get(&client, &next).await.text().await.expect("html");
    let csrf = input_value(&html, "csrf").expect("csrf");
    post_role(app, &client, &next, &[("csrf", &csrf), ("role", ADMIN)]).await;

    // Act: the app signs in again; the SSO session skips the provider.
    let response = app.authorize(&client, &request("roleapp")).await;

    // Assert: the role page again, before any code.
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let again = location(&response);
    assert!(again.starts_with("/aws/role/"), "{again}");
    assert_eq!(app.get(&client, &again).await.status(), StatusCode::OK);

    // Act / Assert: prompt=none may show no page: the app is told, and gets no code.
    let silent = request("roleapp").with("prompt", "none");
    let response = app.authorize(&client, &silent).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let back = location(&response);
    assert!(back.starts_with("roleapp://cb?"), "{back}");
    assert_eq!(
        query_param(&back, "error").as_deref(),
        Some("interaction_required")
    );
    assert_eq!(query_param(&back, "state").as_deref(), Some("state-123"));
    assert!(query_param(&back, "code").is_none());
}
