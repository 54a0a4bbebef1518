//! `authgate import amplify`: the real binary reads a real-shaped Amplify file and prints a
//! config that the real binary then serves the app from, with the client id and redirect URI
//! the app already sends. (Each file kind, and each refusal, is unit-tested in
//! `src/import/amplify/tests.rs`.)

use crate::support::app::{browser, location, pkce_pair};
use std::process::Command;

const GEN2: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/amplify/gen2/amplify_outputs.json"
);

fn import(file: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_authgate"))
        .args(["import", "amplify", file])
        .output()
        .expect("run authgate import")
}

#[tokio::test]
async fn an_imported_amplify_config_serves_the_app_as_it_signs_in_today() {
    // Arrange: the printed config, saved and served.
    let output = import(GEN2);
    assert!(output.status.success(), "{output:?}");
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, &output.stdout).expect("write config");
    let data = dir.path().join("data");
    let server = crate::support::binary::start_with_env(
        &config,
        "warn",
        &[
            ("AUTHGATE_LISTEN", "127.0.0.1:0"),
            ("AUTHGATE_DATA_DIR", data.to_str().expect("utf-8")),
        ],
    );

    // Act: the authorize request Amplify Gen 2 sends (its client id and redirect URI, PKCE).
    let (_, challenge) = pkce_pair();
    let response = browser()
        .get(format!("{}/oauth2/authorize", server.address))
        .query(&[
            ("client_id", "3n4b5urk1ft4fl3mg5e62d9ado"),
            ("redirect_uri", "myapp://callback/"),
            ("response_type", "code"),
            ("scope", "openid email aws.cognito.signin.user.admin"),
            ("state", "amplify-state"),
            ("code_challenge", challenge.as_str()),
            ("code_challenge_method", "S256"),
            ("identity_provider", "COGNITO"),
        ])
        .send()
        .await
        .expect("authorize");

    // Assert: straight to the user pool's sign-in page (its one provider), not an error.
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);
    let to = location(&response);
    assert!(to.contains("/signin/") && to.ends_with("/userpool"), "{to}");
}

#[test]
fn a_file_missing_its_pool_exits_non_zero_naming_the_field_and_prints_no_config() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("amplify_outputs.json");
    let text = std::fs::read_to_string(GEN2).expect("fixture");
    std::fs::write(&file, text.replace("\"user_pool_client_id\"", "\"client\"")).expect("write");

    let output = import(file.to_str().expect("utf-8"));

    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "printed a config anyway");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("amplify_outputs.json")
            && stderr.contains("`auth.user_pool_client_id` is missing"),
        "{stderr}"
    );
    let missing = import("/nonexistent/amplify_outputs.json");
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("reading /nonexistent"));
}
