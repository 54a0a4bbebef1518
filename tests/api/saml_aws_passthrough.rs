//! SAML passthrough to the identity pool (`aws_saml_provider_arn`, opt-in): a sign-in through
//! simpleSAMLphp federates with the verified SAMLResponse itself under the IAM SAML provider
//! ARN, not an ID token. moto's cognito-identity takes any Logins without checking them
//! (test-peers.md), so this asserts what authgate sends; that AWS would accept the assertion
//! depends on the IdP addressing it to AWS (docs/configuration.md), which no test IdP here does.

use crate::support::app::*;
use crate::support::aws::{aws_app_on, credentials_of};
use crate::support::saml_idp::{IdpStep, SamlIdp};
use reqwest::StatusCode;
use serde_json::{Value, json};

const ARN: &str = "arn:aws:iam::123456789012:saml-provider/corp";
const READER: &str = "arn:aws:iam::123456789012:role/readers";

#[tokio::test]
async fn the_saml_response_goes_to_the_pool_under_the_saml_provider_arn() {
    // Arrange: a provider with passthrough (and one role fixed, so no role page).
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let idp = SamlIdp::start_for(&format!("http://127.0.0.1:{port}/saml2/idpresponse/corp"));
    let extra = format!(
        r#"
[[providers]]
id = "corp"
kind = "saml"
name = "Corp SSO"
custom_role_arn = "{READER}"
aws_saml_provider_arn = "{ARN}"
{settings}

[[apps]]
client_id = "sapp"
name = "SAML app"
redirect_uris = ["myapp://callback"]
providers = ["corp"]
scopes = ["openid", "email", "profile"]
aws_credentials = true
"#,
        settings = idp.settings_toml("urn:test:sp", ""),
    );
    let aws = aws_app_on(listener, &extra).await;
    let browser = browser();
    let mut request = Authorize::native();
    request.client_id = "sapp".into();
    request.redirect_uri = "myapp://callback".into();
    let request = request.with("identity_provider", "corp");

    // Act: authorize → IdP → password → the POST (cross-site) → continue → code → tokens.
    let response = aws.app.authorize(&browser, &request).await;
    let response = aws.app.get(&browser, &location(&response)).await;
    let IdpStep::AsksPassword(state) = idp
        .visit(&browser, &location(&response))
        .await
        .expect("IdP")
    else {
        panic!("the IdP did not ask for a password");
    };
    let form = idp.type_password(&browser, &state).await.expect("IdP");
    let posted = crate::support::app::browser()
        .post(&form.action)
        .form(&[
            ("SAMLResponse", form.saml_response.as_str()),
            ("RelayState", form.relay_state.as_str()),
        ])
        .send()
        .await
        .expect("post");
    let back = aws.app.get(&browser, &location(&posted)).await;
    let code = query_param(&location(&back), "code").expect("code");
    let response = aws.app.exchange(&request, &code).await;

    // Assert: credentials, and both pool calls carry exactly {ARN: the SAMLResponse}.
    assert_eq!(response.status(), StatusCode::OK);
    let tokens: Value = response.json().await.expect("json");
    credentials_of(&tokens);
    let get_id = &aws.proxy.of("GetId")[0];
    let credentials = &aws.proxy.of("GetCredentialsForIdentity")[0];
    assert_eq!(
        Value::Object(get_id.logins()),
        json!({ ARN: form.saml_response })
    );
    assert_eq!(credentials.logins(), get_id.logins());
    assert_eq!(credentials.body["CustomRoleArn"], READER);
}

#[tokio::test]
async fn passthrough_needs_an_arn_and_the_enhanced_flow() {
    let idp = SamlIdp::start();
    let dir = tempfile::tempdir().expect("tmp");
    let pool = "[aws.identity_pool]\nid = \"us-east-1:00000000-0000-0000-0000-000000000000\"\nrole_arn = \"arn:aws:iam::123456789012:role/r\"\ndeveloper_provider_name = \"login.authgate\"";
    for (extra, pool_extra, expected) in [
        // Upstream Logins without the ARN: nothing to send.
        ("logins = \"upstream\"", "", "without aws_saml_provider_arn"),
        (
            "aws_saml_provider_arn = \"arn:aws:iam::123456789012:role/corp\"",
            "",
            "not an IAM SAML provider ARN",
        ),
        (
            &format!("aws_saml_provider_arn = \"{ARN}\"") as &str,
            "flow = \"basic\"",
            "enhanced",
        ),
    ] {
        // Arrange
        let config = format!(
            "{pool}\n{pool_extra}\n\n[[providers]]\nid = \"corp\"\nkind = \"saml\"\n{extra}\n{settings}\n\n[[apps]]\nclient_id = \"sapp\"\nname = \"S\"\nredirect_uris = [\"myapp://callback\"]\nproviders = [\"corp\"]\nscopes = [\"openid\"]\naws_credentials = true\n",
            settings = idp.settings_toml("urn:test:sp", ""),
        );
        let text = test_config(&dir, 18081, &config);

        // Act
        let loaded = authgate::config::Settings::load(
            &text,
            Vec::new(),
            &authgate::connectors::PROVIDER_KINDS,
        );

        // Assert
        let Err(error) = loaded else {
            panic!("{expected}: accepted");
        };
        let error = format!("{error:?}");
        assert!(error.contains(expected), "{expected}: {error}");
    }
}
