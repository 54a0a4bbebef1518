//! The journeys past the demo's own password page, walked in headless Chromium in English,
//! Japanese and Arabic at 390×844 and 1280×800, and at 390×844 in dark mode, with axe-core on
//! every authgate page reached (`tests/browser/journey.mjs`, run as in `browser.rs`): the picker
//! (a button of every provider icon shipped, each of which must show) → a real OpenID provider
//! (oidc-provider) → back; a Cognito pool sign-in with a TOTP code and sign-out (the stand-in);
//! forgot password (the stand-in's reset code); sign-up with a confirmation code (moto, which
//! takes any code); and the AWS role page (a provider token listing two `cognito:roles`) to the
//! "Return to the app" page; and wrong passwords until the throttle's lock, whose page must not
//! read like a wrong password.

use crate::browser::{assert_installed, drive, missing_screenshots, screenshots_dir};
use crate::support::app::spawn_app_on;
use crate::support::aws::CREDENTIALS_FILE;
use crate::support::cognito_standin::{CognitoStandin, RESET_CODE, UserOptions};
use crate::support::moto::{self, DEVELOPER_PROVIDER, create_identity_pool};
use crate::support::peers::{OP_CLIENT_ID, OP_CLIENT_SECRET, start_oidc_provider};
use std::io::Write;

const PASSWORD: &str = "Str0ng-enough!";
/// The stand-in takes this fixed code as the TOTP user's second step.
const TOTP: &str = "343434";
/// oidc-provider's account whose ID token lists two roles (tests/peers/op.mjs).
const ROLE_LOGIN: &str = "carol";

/// A file holding `secret`, kept for the test's life.
fn secret_file(secret: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("tmp");
    file.write_all(secret.as_bytes()).expect("write");
    file
}

/// authgate pages per language and size: upstream 2 (picker, result), MFA 4 (sign-in, code,
/// result, signed out), forgot 3 (username, code and new password, result), sign-up 3 (form,
/// confirmation code, result), roles 2 (role, return to the app), lockout 1 (the locked page).
/// The provider's own pages are screenshotted too but not judged (`SHOT` lines).
const PAGES_PER_RUN: usize = 2 + 4 + 3 + 3 + 2 + 1;
/// The test config locks a username after 4 failures: the fifth attempt meets the lock.
const ATTEMPTS_TO_LOCK: usize = 5;
/// Nine runs of six journeys: 4.3 minutes measured alone on two cores loaded by other builds
/// (2.5 minutes for six runs before dark mode joined). This bounds a hang.
const DEADLINE: std::time::Duration = std::time::Duration::from_secs(600);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_upstream_mfa_sign_up_forgot_role_and_logout_journeys_pass_axe_in_three_languages() {
    // Arrange
    assert_installed();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let op = start_oidc_provider(&format!("http://127.0.0.1:{port}/oauth2/idpresponse/op")).await;
    let standin = CognitoStandin::start().await;
    standin.add_user("mia", PASSWORD, UserOptions::default().totp(TOTP));
    standin.add_user("rita", PASSWORD, UserOptions::default());
    let signup_pool = moto::create_pool(true).await;
    let identity_pool = create_identity_pool().await;
    let op_secret = secret_file(OP_CLIENT_SECRET);
    let standin_secret = secret_file(standin.client_secret());
    let signup_secret = secret_file(signup_pool.client_secret.as_deref().expect("secret"));
    let extra = format!(
        r#"
[aws.identity_pool]
id = "{identity_pool}"
endpoint_url = "{moto}"
sts_endpoint_url = "{moto}"
developer_provider_name = "{DEVELOPER_PROVIDER}"
credentials_file = "{credentials}"

[[providers]]
id = "op"
kind = "oidc"
name = "Example OP"
issuer = "{issuer}"
client_id = "{OP_CLIENT_ID}"
client_secret_file = "{op_secret}"

[[providers]]
id = "pool"
kind = "cognito"
name = "Example pool"
region = "{region}"
user_pool_id = "{standin_pool}"
client_id = "{standin_client}"
client_secret_file = "{standin_secret}"
endpoint_url = "{standin_endpoint}"
timeout = "3s"

[[providers]]
id = "signup"
kind = "cognito"
name = "New accounts"
region = "{region}"
user_pool_id = "{signup_pool}"
client_id = "{signup_client}"
client_secret_file = "{signup_secret}"
endpoint_url = "{moto}"
timeout = "3s"

# Never chosen: here so the picker shows every provider icon shipped (local, the generic mark
# oidc, amazon, apple and saml share, cognito, facebook), judged light and dark.
[[providers]]
id = "fb"
kind = "facebook"
name = "Facebook"
app_id = "1234567890123456"
app_secret_file = "{op_secret}"

[[apps]]
client_id = "roleapp"
name = "Role app"
redirect_uris = ["roleapp://cb"]
providers = ["op"]
scopes = ["openid", "email", "profile"]
aws_credentials = true
redirect_interstitial = true
"#,
        moto = moto::endpoint(),
        credentials = CREDENTIALS_FILE.display(),
        issuer = op.issuer,
        op_secret = op_secret.path().display(),
        region = moto::REGION,
        standin_pool = standin.pool_id(),
        standin_client = standin.secret_client_id(),
        standin_secret = standin_secret.path().display(),
        standin_endpoint = standin.endpoint(),
        signup_pool = signup_pool.id,
        signup_client = signup_pool.client_id,
        signup_secret = signup_secret.path().display(),
    );
    let app = spawn_app_on(listener, &extra, |config| {
        config.replacen(
            r#"providers = ["local"]"#,
            r#"providers = ["local", "op", "pool", "signup", "fb"]"#,
            1,
        )
    })
    .await;
    let temporary = tempfile::tempdir().expect("tmp");
    let shots = screenshots_dir(&temporary);
    let people = serde_json::json!({
        "upstream": { "provider": "op", "login": "alice" },
        "mfa": { "provider": "pool", "username": "mia", "password": PASSWORD, "totp": TOTP },
        "forgot": { "provider": "pool", "username": "rita", "code": RESET_CODE,
                    "new_password": PASSWORD },
        "signup": { "provider": "signup", "password": PASSWORD, "code": "123456" },
        "roles": { "client_id": "roleapp", "redirect_uri": "roleapp://cb", "login": ROLE_LOGIN },
        "lockout": { "provider": "local", "attempts": ATTEMPTS_TO_LOCK },
    })
    .to_string();

    // Act
    let stdout = drive(
        &app.address,
        &[
            ("JOURNEYS", "upstream mfa forgot signup roles lockout"),
            ("PEOPLE", &people),
        ],
        &shots,
        DEADLINE,
    )
    .await;

    // Assert: every page reached in every language and size, none with a serious or critical
    // violation (`drive`), a screenshot of each.
    let pages = stdout.lines().filter(|l| l.starts_with("PAGE ")).count();
    assert_eq!(
        pages,
        // en, ja, ar × two sizes, and × a phone in dark mode.
        9 * PAGES_PER_RUN,
        "not every page was reached:\n{stdout}"
    );
    assert_eq!(missing_screenshots(&stdout, &shots), Vec::<String>::new());
    drop(op);
}
