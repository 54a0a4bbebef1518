//! Each sample file (real-shaped, under tests/fixtures/amplify/) imported, and the printed config
//! loaded by authgate's own config loader; then the ways a file can be wrong.

use super::*;
use crate::config::Settings;

const GEN2: &str = include_str!("../../../tests/fixtures/amplify/gen2/amplify_outputs.json");
const GEN1_JS: &str = include_str!("../../../tests/fixtures/amplify/gen1-web/aws-exports.js");
const GEN1_WEB: &str =
    include_str!("../../../tests/fixtures/amplify/gen1-web/amplifyconfiguration.json");
const GEN1_MOBILE: &str =
    include_str!("../../../tests/fixtures/amplify/gen1-mobile/amplifyconfiguration.json");
const MOBILE_CLIENT: &str =
    include_str!("../../../tests/fixtures/amplify/awsmobileclient/awsconfiguration.json");

/// The printed config, loaded as `authgate serve --config` would (no environment).
fn loaded(text: &str) -> (String, Settings) {
    let config = import(text, DEFAULT_ISSUER).unwrap();
    let settings = Settings::load(
        &config,
        std::iter::empty(),
        &crate::connectors::PROVIDER_KINDS,
    )
    .unwrap_or_else(|e| panic!("the printed config does not load: {e}\n{config}"));
    (config, settings)
}

fn error(text: &str) -> String {
    import(text, DEFAULT_ISSUER).unwrap_err().0
}

#[test]
fn gen2_outputs_become_the_app_its_pool_and_its_identity_pool() {
    let (config, settings) = loaded(GEN2);
    let app = &settings.apps[0];
    assert_eq!(app.client_id, "3n4b5urk1ft4fl3mg5e62d9ado");
    assert_eq!(
        app.redirect_uris,
        [
            "http://localhost:3000/",
            "https://main.d1a2b3c4d5e6f7.amplifyapp.com/",
            "myapp://callback/"
        ]
    );
    assert_eq!(app.logout_uris.len(), 3);
    assert!(
        app.scopes
            .contains(&"aws.cognito.signin.user.admin".to_string())
    );
    assert_eq!(app.providers, ["userpool"]);
    assert!(app.aws_credentials && app.allow_guest);
    assert_eq!(settings.providers[0].id, "userpool");
    let pool = settings.aws.identity_pool.as_ref().unwrap();
    assert_eq!(pool.id, "eu-west-1:6c1f0a3e-2b4d-4c8e-9f10-1a2b3c4d5e6f");
    assert!(config.contains("user_pool_id = \"eu-west-1_Xq7LmN2pK\""));
    assert!(
        config
            .contains("a1b2c3d4e5f6a7b8c9d0.auth.eu-west-1.amazoncognito.com → login.example.com")
    );
    // Google and Apple can be added (their secrets are not in the file): both are said.
    assert!(config.contains("identity provider `GOOGLE`"));
    assert!(config.contains("add it as kind = \"apple\" (config/examples/apple.toml)"));
    assert!(
        config.contains("`auth.password_policy`, `auth.mfa_configuration`, `auth.mfa_methods`")
    );
}

#[test]
fn gen1_aws_exports_splits_its_comma_separated_redirects() {
    let (config, settings) = loaded(GEN1_JS);
    let app = &settings.apps[0];
    assert_eq!(app.client_id, "6f2ubs9v0q3k1a8m4d7n5c2e1r");
    assert_eq!(
        app.redirect_uris,
        ["http://localhost:3000/", "https://photos.example.com/"]
    );
    assert!(app.aws_credentials && !app.allow_guest);
    assert!(config.contains("sign_up_attributes = [\"email\", \"name\"]"));
    assert!(config.contains("identity provider `FACEBOOK`"));
    assert!(config.contains("does not say whether the identity pool allows guests"));
}

#[test]
fn gen1_web_json_with_the_implicit_flow_is_told_to_use_the_code_flow() {
    let (config, settings) = loaded(GEN1_WEB);
    assert_eq!(
        settings.apps[0].redirect_uris,
        ["https://photos.example.com/"]
    );
    assert!(!settings.apps[0].aws_credentials);
    assert!(settings.aws.identity_pool.is_none());
    assert!(config.contains("responseType `token`"));
    assert!(config.contains("lack aws.cognito.signin.user.admin"));
}

#[test]
fn gen1_mobile_plugin_is_read_like_awsmobileclient() {
    let (config, settings) = loaded(GEN1_MOBILE);
    assert_eq!(settings.apps[0].client_id, "7l8ic9j92gteqjckaa2e10emm0");
    assert_eq!(settings.apps[0].redirect_uris, ["myapp://"]);
    assert!(config.contains("auth_flow = \"USER_SRP_AUTH\""));
    assert!(config.contains("region = \"us-west-2\""));
}

#[test]
fn awsmobileclient_keeps_its_two_app_clients_and_never_copies_a_secret() {
    let (config, settings) = loaded(MOBILE_CLIENT);
    // The hosted UI's client is what the app sends to /oauth2/authorize; the pool's is what
    // authgate signs in with.
    assert_eq!(settings.apps[0].client_id, "5t8w1z4c7f0i3l6o9r2u5x8a1d");
    assert!(config.contains("client_id = \"2k5m8p1s4v7y0b3e6h9j2l5n8q\""));
    assert!(!config.contains("1qaz2wsx3edc4rfv"));
    assert!(
        config.contains("`CognitoUserPool.Default.AppClientSecret`: the secret was not copied")
    );
    assert_eq!(settings.apps[0].logout_uris, ["notes://signout"]);
}

#[test]
fn the_issuer_given_is_the_one_printed_and_named_in_the_instructions() {
    let config = import(GEN2, "https://auth.photos.example").unwrap();
    let settings = Settings::load(
        &config,
        std::iter::empty(),
        &crate::connectors::PROVIDER_KINDS,
    )
    .unwrap();
    assert_eq!(settings.issuer, "https://auth.photos.example");
    assert!(config.contains("→ auth.photos.example\n"));
}

#[test]
fn a_redirect_authgate_cannot_register_is_left_out_with_a_note() {
    let text = GEN2.replace("\"myapp://callback/\"", "\"http://app.example.com/cb\"");
    let (config, settings) = loaded(&text);
    assert_eq!(settings.apps[0].redirect_uris.len(), 2);
    assert!(config.contains("sign-in redirect URI left out"));
}

#[test]
fn a_file_without_a_hosted_ui_gets_a_placeholder_redirect_and_says_so() {
    let text = r#"{"version": "1.3", "auth": {"user_pool_id": "eu-west-1_abc",
        "user_pool_client_id": "client1", "aws_region": "eu-west-1"}}"#;
    let (config, settings) = loaded(text);
    assert_eq!(settings.apps[0].redirect_uris, ["myapp://callback"]);
    assert!(config.contains("no hosted-UI (OAuth) section"));
    assert!(config.contains("replace it"));
}

#[test]
fn values_from_the_file_cannot_inject_config() {
    let text = GEN2.replace(
        "\"myapp://signout/\"",
        "\"myapp://x\\\"]\\nlisten = \\\"0.0.0.0:80\\\"\\n#\"",
    );
    let config = import(&text, DEFAULT_ISSUER).unwrap();
    let settings = Settings::load(
        &config,
        std::iter::empty(),
        &crate::connectors::PROVIDER_KINDS,
    );
    // Either refused as a redirect URI (a note) or kept as one string: never a second listen.
    if let Ok(settings) = settings {
        assert_eq!(settings.listen, "127.0.0.1:8080");
    }
    assert_eq!(config.matches("\nlisten = ").count(), 1);
}

#[test]
fn a_missing_pool_is_named_by_its_field() {
    let text = GEN2.replace("\"user_pool_client_id\"", "\"client\"");
    assert_eq!(
        error(&text),
        "`auth.user_pool_client_id` is missing: authgate serves the app from the user pool it names"
    );
    let text = MOBILE_CLIENT.replace("\"CognitoUserPool\"", "\"Other\"");
    assert!(error(&text).starts_with("`CognitoUserPool.Default` is missing"));
    let text = GEN1_MOBILE.replace(
        "\"AppClientId\": \"7l8ic9j92gteqjckaa2e10emm0\",\n                        \"Region\"",
        "\"Region\"",
    );
    assert!(error(&text).starts_with(
        "`auth.plugins.awsCognitoAuthPlugin.CognitoUserPool.Default.AppClientId` is missing"
    ));
}

#[test]
fn a_field_of_the_wrong_type_is_named() {
    let text = GEN2
        .replace("\"scopes\": [", "\"scopes\": {\"x\": [")
        .replace(
            "\"aws.cognito.signin.user.admin\"],",
            "\"aws.cognito.signin.user.admin\"]},",
        );
    assert_eq!(
        error(&text),
        "`auth.oauth.scopes`: expected a list of strings"
    );
    let text = GEN1_JS.replace("\"us-east-1_hG3kQ9wZt\"", "42");
    assert_eq!(error(&text), "`aws_user_pools_id`: expected a string");
}

#[test]
fn files_that_are_not_amplify_configurations_are_refused_clearly() {
    assert!(error("{\"auth\": {}}").starts_with("not an Amplify or AWSMobileClient configuration"));
    assert!(error("[1, 2]").starts_with("the file's top level is not an object"));
    assert!(error("{\"auth\": ").starts_with("the file is not valid JSON"));
    assert!(error("hello").starts_with("the file is neither JSON nor"));
    let hand_edited = GEN1_JS.replace("\"aws_project_region\"", "aws_project_region");
    assert!(error(&hand_edited).starts_with("the object in this JavaScript file is not JSON"));
    let huge = format!("{{\"pad\": \"{}\"}}", "x".repeat(2 * 1024 * 1024));
    assert!(error(&huge).contains("a few KiB"));
    let no_region = GEN2
        .replace("\"aws_region\": \"eu-west-1\",", "")
        .replace("eu-west-1_Xq7LmN2pK", "Xq7LmN2pK");
    assert!(error(&no_region).contains("is not a Cognito pool id"));
}
