//! The real, unmodified Amplify JS v6 (`aws-amplify`, pinned in tests/amplify/package.json,
//! bundled with esbuild) in headless Debian Chromium, signing in and out through authgate over
//! https: the claim "change the domain in your Amplify app and everything keeps working", shown
//! by the client itself.
//!
//! authgate runs in-process with its TLS listener; `node tests/amplify/driver.mjs` serves the app
//! over https on another loopback port, drives Chromium through the journey and prints one line
//! per step. The first failing step fails this test with the driver's whole report (which
//! requests Amplify made, what authgate answered). Installed by scripts/install-peers.sh.

use crate::support::app::{PASSWORD, TlsFiles, USER, spawn_tls_app_with};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

const CLIENT_ID: &str = "amplify";
/// The picker's second provider, which `signInWithRedirect({ provider: { custom } })` names.
const CUSTOM_PROVIDER: &str = "staff";
const CUSTOM_USER: &str = "alice";
const CUSTOM_PASSWORD: &str = "alice-password";
/// The whole journey, browser start included, takes a few seconds; this bounds a hang.
const JOURNEY_DEADLINE: Duration = Duration::from_secs(240);
const INSTALL_HINT: &str = "run scripts/install-peers.sh (it installs node, tests/amplify's \
                            packages and Debian's chromium)";

fn amplify_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/amplify")
}

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// The app Amplify signs in as: a public client whose redirect and logout URI is the app's https
/// origin, with two providers so that the picker exists.
fn amplify_config(origin: &str, alice_hash: &str) -> String {
    format!(
        r#"
[[apps]]
client_id = "{CLIENT_ID}"
name = "Amplify app"
redirect_uris = ["{origin}/"]
logout_uris = ["{origin}/"]
providers = ["local", "{CUSTOM_PROVIDER}"]
scopes = ["openid", "email", "profile", "aws.cognito.signin.user.admin"]

[[providers]]
id = "{CUSTOM_PROVIDER}"
kind = "local"
name = "staff account"

[[providers.users]]
username = "{CUSTOM_USER}"
password_hash = "{alice_hash}"
email = "alice@example.com"
email_verified = true
"#
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unmodified_amplify_app_signs_in_refreshes_and_signs_out_through_authgate() {
    // Arrange: the driver first (authgate must know the app's origin), then authgate.
    let dir = amplify_dir();
    assert!(
        dir.join("node_modules/aws-amplify/package.json").is_file()
            && dir
                .join("node_modules/playwright-core/package.json")
                .is_file(),
        "{} has no node_modules: {INSTALL_HINT}",
        dir.display()
    );
    assert!(
        chromium().is_file(),
        "no Chromium at {}: {INSTALL_HINT}",
        chromium().display()
    );
    let certs = tempfile::tempdir().expect("tmp");
    let tls = TlsFiles::create(certs.path());
    let mut driver = start_driver(&dir, &tls);
    let origin = driver.app_origin().await;

    let alice_hash = authgate::config::Settings::load(
        authgate::config::DEFAULT_CONFIG,
        std::iter::empty(),
        &authgate::connectors::PROVIDER_KINDS,
    )
    .expect("default config")
    .hash_password(CUSTOM_PASSWORD)
    .expect("hash");
    // The same CA for both servers: the driver trusts it from its start.
    let app = spawn_tls_app_with(&tls, &amplify_config(&origin, &alice_hash), |c| c).await;
    let parameters = serde_json::json!({
        "authgate": app.address,
        "clientId": CLIENT_ID,
        // Amplify wants `region_id`; authgate does not read it.
        "userPoolId": "local_authgate",
        "scopes": ["openid", "email", "profile", "aws.cognito.signin.user.admin"],
        "user": { "username": USER, "password": PASSWORD, "email": "demo@example.com" },
        "custom": {
            "provider": CUSTOM_PROVIDER,
            "username": CUSTOM_USER,
            "password": CUSTOM_PASSWORD,
        },
    });

    // Act
    let report = driver.run(&parameters).await;

    // Assert: every step passed (the report says which did not, and why).
    assert!(
        report.succeeded && report.stdout.lines().any(|l| l == "DONE ok"),
        "the Amplify journey failed ({}):\n{}\n--- driver stderr ---\n{}",
        report.status,
        report.stdout,
        report.stderr
    );
    let steps: Vec<&str> = report
        .stdout
        .lines()
        .filter(|l| l.starts_with("STEP "))
        .collect();
    assert_eq!(steps.len(), 12, "{}", report.stdout);
    assert!(
        steps.iter().all(|l| l.contains(": ok (")),
        "not every step ran (is AMPLIFY_E2E_STEPS set?):\n{}",
        report.stdout
    );
    if std::env::var_os("TEST_LOG").is_some() {
        eprintln!("{}", report.stdout);
    }
}

/// A Cognito pool's user (the stand-in: moto has no ListDevices) manages their own account from
/// the unmodified Amplify app, through authgate: `fetchUserAttributes()`,
/// `updateUserAttributes()`, `updatePassword()` (a wrong current password refused first),
/// `fetchDevices()`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unmodified_amplify_app_manages_a_pool_users_account_through_authgate() {
    use crate::support::cognito_standin::{CognitoStandin, UserOptions};
    // Arrange: the stand-in pool with a user, the driver, then authgate with the pool as the
    // app's only provider.
    let dir = amplify_dir();
    assert!(
        dir.join("node_modules/aws-amplify/package.json").is_file() && chromium().is_file(),
        "{INSTALL_HINT}"
    );
    let standin = CognitoStandin::start().await;
    standin.add_user(
        "paula",
        "Pool-pass-1!",
        UserOptions::default().email("paula@example.com"),
    );
    let certs = tempfile::tempdir().expect("tmp");
    let secret_file = certs.path().join("pool-secret");
    std::fs::write(&secret_file, standin.client_secret()).expect("secret");
    let tls = TlsFiles::create(certs.path());
    let mut driver = start_driver(&dir, &tls);
    let origin = driver.app_origin().await;
    let config = format!(
        r#"
[[apps]]
client_id = "{CLIENT_ID}"
name = "Amplify app"
redirect_uris = ["{origin}/"]
logout_uris = ["{origin}/"]
providers = ["pool"]
scopes = ["openid", "email", "profile", "aws.cognito.signin.user.admin"]

[[providers]]
id = "pool"
kind = "cognito"
name = "Example pool"
region = "{region}"
user_pool_id = "{pool_id}"
client_id = "{client_id}"
client_secret_file = {secret_file:?}
endpoint_url = "{endpoint}"
"#,
        region = standin.region(),
        pool_id = standin.pool_id(),
        client_id = standin.secret_client_id(),
        endpoint = standin.endpoint(),
    );
    let app = spawn_tls_app_with(&tls, &config, |c| c).await;
    let parameters = serde_json::json!({
        "journey": "account",
        "authgate": app.address,
        "clientId": CLIENT_ID,
        "userPoolId": "local_authgate",
        "scopes": ["openid", "email", "profile", "aws.cognito.signin.user.admin"],
        "pool": {
            "provider": "pool",
            "username": "paula",
            "password": "Pool-pass-1!",
            "newPassword": "Pool-pass-2!",
            "email": "paula@example.com",
        },
    });

    // Act
    let report = driver.run(&parameters).await;

    // Assert: every step passed, and the pool saw the calls (with its own token, not authgate's).
    assert!(
        report.succeeded && report.stdout.lines().any(|l| l == "DONE ok"),
        "the Amplify account journey failed ({}):\n{}\n--- driver stderr ---\n{}",
        report.status,
        report.stdout,
        report.stderr
    );
    let steps = report
        .stdout
        .lines()
        .filter(|l| l.starts_with("STEP ") && l.contains(": ok ("))
        .count();
    assert_eq!(steps, 5, "{}", report.stdout);
    assert_eq!(standin.requests_to("ChangePassword").len(), 2);
    assert_eq!(standin.requests_to("UpdateUserAttributes").len(), 1);
    assert_eq!(standin.requests_to("ListDevices").len(), 1);
}

struct Driver {
    child: tokio::process::Child,
    stdout: tokio::io::Lines<BufReader<tokio::process::ChildStdout>>,
    /// Lines read before the parameters were sent.
    early: Vec<String>,
}

struct Report {
    succeeded: bool,
    status: String,
    stdout: String,
    stderr: String,
}

fn start_driver(dir: &Path, tls: &TlsFiles) -> Driver {
    let mut child = tokio::process::Command::new("node")
        .arg(dir.join("driver.mjs"))
        .current_dir(dir)
        .env("APP_CERT", &tls.cert_file)
        .env("APP_KEY", &tls.key_file)
        .env("NODE_EXTRA_CA_CERTS", &tls.ca_file)
        .env("CHROMIUM", chromium())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // The driver also exits when its stdin closes, and Chromium with the driver.
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start `node tests/amplify/driver.mjs` ({e}): {INSTALL_HINT}")
        });
    let stdout = BufReader::new(child.stdout.take().expect("piped stdout")).lines();
    Driver {
        child,
        stdout,
        early: Vec::new(),
    }
}

impl Driver {
    /// Waits for the driver's `APP_ORIGIN https://127.0.0.1:PORT` line.
    async fn app_origin(&mut self) -> String {
        let wait = async {
            while let Some(line) = self.stdout.next_line().await.expect("driver stdout") {
                if let Some(origin) = line.strip_prefix("APP_ORIGIN ") {
                    return Some(origin.to_string());
                }
                self.early.push(line);
            }
            None
        };
        match tokio::time::timeout(Duration::from_secs(60), wait).await {
            Ok(Some(origin)) => origin,
            outcome => {
                let _ = self.child.start_kill();
                let stderr = self.stderr().await;
                panic!(
                    "the Amplify driver printed no APP_ORIGIN ({}): {INSTALL_HINT}\n{}\n{stderr}",
                    if outcome.is_err() {
                        "timed out"
                    } else {
                        "it exited"
                    },
                    self.early.join("\n")
                );
            }
        }
    }

    /// Sends the parameters, then collects the report until the driver exits.
    async fn run(mut self, parameters: &serde_json::Value) -> Report {
        let mut stdin = self.child.stdin.take().expect("piped stdin");
        stdin
            .write_all(format!("{parameters}\n").as_bytes())
            .await
            .expect("driver stdin");
        let mut lines = std::mem::take(&mut self.early);
        let collect = async {
            while let Ok(Some(line)) = self.stdout.next_line().await {
                lines.push(line);
            }
        };
        let finished = tokio::time::timeout(JOURNEY_DEADLINE, collect)
            .await
            .is_ok();
        let status = if finished {
            match tokio::time::timeout(Duration::from_secs(30), self.child.wait()).await {
                Ok(Ok(status)) => Some(status),
                _ => None,
            }
        } else {
            None
        };
        if status.is_none() {
            let _ = self.child.start_kill();
        }
        drop(stdin);
        let stderr = self.stderr().await;
        Report {
            succeeded: status.is_some_and(|s| s.success()),
            status: status.map_or_else(
                || format!("no exit within {JOURNEY_DEADLINE:?}"),
                |s| s.to_string(),
            ),
            stdout: lines.join("\n"),
            stderr,
        }
    }

    async fn stderr(&mut self) -> String {
        let mut text = String::new();
        if let Some(mut stderr) = self.child.stderr.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), stderr.read_to_string(&mut text))
                .await;
        }
        text
    }
}
