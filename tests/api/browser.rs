//! An error page and the demo sign-in walked in headless Debian Chromium as a person would, in English, Japanese
//! and Arabic at phone and desktop sizes and in dark mode, with axe-core on every page reached
//! (0 serious or critical violations), then once with JavaScript off at 360 px; and a branded
//! app (config/examples/branded.toml) to its "Return to the app" page, in light and dark.
//!
//! authgate runs in-process; `node tests/browser/journey.mjs` (playwright-core and axe-core,
//! pinned in tests/browser/package.json, installed by scripts/install-peers.sh) drives the
//! browser and prints one line per page; a failing page fails this test with that report,
//! which names the axe rule ids and the elements they hit.

use crate::support::app::{PASSWORD, USER, spawn_app_edited};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::AsyncReadExt;

/// Ten journeys of seven pages and two of two; a few seconds each on a loaded machine. This
/// bounds a hang.
const DEADLINE: Duration = Duration::from_secs(240);
pub const INSTALL_HINT: &str = "run scripts/install-peers.sh (it installs node, tests/browser's \
                            packages and Debian's chromium)";

fn browser_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// The default config's demo app with a second provider, so that the picker is on the way; and
/// throttling that a few deliberate wrong passwords for one user never reach.
fn with_picker_and_no_lockout(config: String) -> String {
    let demo_hash = authgate::config::DEFAULT_CONFIG
        .lines()
        .find_map(|l| l.strip_prefix("password_hash = "))
        .expect("the default config's demo user");
    config
        .replacen(
            r#"providers = ["local"]"#,
            r#"providers = ["local", "staff"]"#,
            1,
        )
        .replace("slow_after = 2 ", "slow_after = 100 ")
        .replace("lock_after = 4 ", "lock_after = 100 ")
        + &format!(
            r#"
[[providers]]
id = "staff"
kind = "local"
name = "Staff account"

[[providers.users]]
username = "staff"
password_hash = {demo_hash}
"#
        )
}

/// The branded example app, its files found from the crate's root whatever the directory.
fn branded_example() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    include_str!("../../config/examples/branded.toml")
        .replace("\"config/examples/", &format!("\"{root}/config/examples/"))
}

/// What the driver is told of the branded app: its primary colours as a browser computes them.
const BRANDED: &str = r#"{"client_id": "acme-notes", "redirect_uri": "acmenotes://callback",
  "primary": {"light": "rgb(11, 110, 79)", "dark": "rgb(95, 211, 168)"}}"#;

/// Pages: seven per journey (six languages-and-sizes, three dark, one without JavaScript), and
/// two per branded journey (light, dark).
const PAGES: usize = 7 * (6 + 3 + 1) + 2 * 2;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_sign_in_passes_axe_in_three_languages_at_two_sizes_and_works_without_javascript()
{
    // Arrange
    assert_installed();
    let app = spawn_app_edited(&branded_example(), with_picker_and_no_lockout).await;
    // scripts/screenshots.sh names docs/screenshots; by default they go to a temporary dir.
    let temporary = tempfile::tempdir().expect("tmp");
    let shots = screenshots_dir(&temporary);

    // Act
    let stdout = drive(
        &app.address,
        &[
            ("JOURNEYS", "demo"),
            ("USERNAME", USER),
            ("PASSWORD", PASSWORD),
            ("PROVIDER", "local"),
            ("BRANDED", BRANDED),
        ],
        &shots,
        DEADLINE,
    )
    .await;

    // Assert: every page reached, none with a serious or critical violation (`drive`), and
    // a screenshot of each.
    let pages = stdout.lines().filter(|l| l.starts_with("PAGE ")).count();
    assert_eq!(pages, PAGES, "not every page was reached:\n{stdout}");
    assert_eq!(missing_screenshots(&stdout, &shots), Vec::<String>::new());
}

/// The screenshots' directory: `AUTHGATE_SCREENSHOTS` (scripts/screenshots.sh names
/// docs/screenshots), else `temporary`.
pub fn screenshots_dir(temporary: &tempfile::TempDir) -> PathBuf {
    std::env::var_os("AUTHGATE_SCREENSHOTS")
        .map_or_else(|| temporary.path().to_path_buf(), PathBuf::from)
}

/// Checks that node's packages and Chromium are there, naming the script that installs them.
pub fn assert_installed() {
    let dir = browser_dir();
    assert!(
        dir.join("node_modules/axe-core/axe.min.js").is_file()
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
}

/// Runs `node tests/browser/journey.mjs` against `address` with `env`, screenshots into
/// `shots`; fails the test unless it ends `DONE ok` within `deadline`. Its report.
pub async fn drive(
    address: &str,
    env: &[(&str, &str)],
    shots: &std::path::Path,
    deadline: Duration,
) -> String {
    let dir = browser_dir();
    let mut child = tokio::process::Command::new("node")
        .arg(dir.join("journey.mjs"))
        .current_dir(&dir)
        .env("AUTHGATE", address)
        .env("SCREENSHOTS", shots)
        .env("CHROMIUM", chromium())
        .envs(env.iter().copied())
        // The driver exits when its stdin closes, and Chromium with the driver.
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start `node tests/browser/journey.mjs` ({e}): {INSTALL_HINT}")
        });
    let _stdin = child.stdin.take();
    let (mut stdout, mut stderr) = (String::new(), String::new());
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let run = async {
        let (o, e) = tokio::join!(
            out.read_to_string(&mut stdout),
            err.read_to_string(&mut stderr)
        );
        o.and(e).expect("driver output");
        child.wait().await.expect("driver exit")
    };
    let status = tokio::time::timeout(deadline, run).await;
    let status = status.unwrap_or_else(|_| panic!("no end within {deadline:?}:\n{stdout}"));
    assert!(
        status.success() && stdout.lines().last() == Some("DONE ok"),
        "the browser journey failed ({status}):\n{stdout}\n--- driver stderr ---\n{stderr}"
    );
    if std::env::var_os("TEST_LOG").is_some() {
        eprintln!("{stdout}");
    }
    stdout
}

/// The pages of the driver's report (`PAGE <label> <name>: ...`) whose screenshot
/// (`<label>-<name>.png`, spaces as dashes) is not in `dir`; `dir` may hold another test's too.
pub fn missing_screenshots(stdout: &str, dir: &std::path::Path) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("PAGE "))
        .filter_map(|l| l.split_once(':'))
        .map(|(page, _)| format!("{}.png", page.replace(' ', "-")))
        .filter(|file| !dir.join(file).is_file())
        .collect()
}

/// Pages of the account journey: seven per language and size, and per language on a phone in
/// dark mode.
const ACCOUNT_PAGES: usize = 7 * (2 * 2 + 2);

/// A Cognito pool user (the Cognito stand-in: moto has no devices) walks the account pages in English and Arabic at phone and
/// desktop sizes: signed in through the picker and the pool's page, `/account` with its
/// sessions, the multi-factor page, the authenticator-app setup, the devices page, then signing
/// out everywhere; axe-core on every page (0 serious or critical violations).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_account_pages_of_a_pool_user_pass_axe_in_english_and_arabic() {
    use crate::support::cognito_standin::{CognitoStandin, UserOptions};
    use crate::support::moto::Pool;
    use crate::support::pool::{PASSWORD as POOL_PASSWORD, spawn_for_endpoint};
    // Arrange
    let dir = browser_dir();
    assert!(
        dir.join("node_modules/axe-core/axe.min.js").is_file() && chromium().is_file(),
        "no browser peers: {INSTALL_HINT}"
    );
    let standin = CognitoStandin::start().await;
    let username = "jo";
    standin.add_user(username, POOL_PASSWORD, UserOptions::default());
    let pool = Pool {
        id: standin.pool_id().to_string(),
        client_id: standin.secret_client_id().to_string(),
        client_secret: Some(standin.client_secret().to_string()),
    };
    let app = spawn_for_endpoint(pool, standin.endpoint(), "").await;
    let temporary = tempfile::tempdir().expect("tmp");
    let shots = std::env::var_os("AUTHGATE_SCREENSHOTS")
        .map_or_else(|| temporary.path().to_path_buf(), PathBuf::from);

    // Act
    let stdout = drive(
        &app.app.address,
        &[
            ("JOURNEYS", "account"),
            ("LANGS", "en ar"),
            ("USERNAME", username),
            ("PASSWORD", POOL_PASSWORD),
            ("PROVIDER", "pool"),
        ],
        &shots,
        DEADLINE,
    )
    .await;

    // Assert
    let pages = stdout.lines().filter(|l| l.starts_with("PAGE ")).count();
    assert_eq!(
        pages, ACCOUNT_PAGES,
        "not every page was reached:\n{stdout}"
    );
    let missing = missing_screenshots(&stdout, &shots);
    assert!(
        missing.is_empty(),
        "no screenshot of {missing:?}:\n{stdout}"
    );
}
