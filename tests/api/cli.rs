//! The `authgate` binary's command line: bad config stops start-up with one message per
//! problem, and `hash-password` prints a hash the local connector accepts.

use argon2::{Argon2, PasswordHash, PasswordVerifier};
use std::io::Write;
use std::process::{Command, Stdio};

fn authgate() -> Command {
    Command::new(env!("CARGO_BIN_EXE_authgate"))
}

#[test]
fn bad_config_stops_start_up_naming_every_key() {
    // Arrange
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("bad.toml");
    std::fs::write(
        &config,
        r#"
listen = "not-an-address"
issuer = "http://login.example.com"
data_dir = "./data"
colour = "blue"
[tokens]
algorithm = "none"
[[apps]]
client_id = "app"
name = "App"
redirect_uris = ["http://example.com/cb"]
providers = ["missing"]
scopes = ["openid"]
"#,
    )
    .expect("write");

    // Act
    let mut command = authgate();
    command.args(["serve", "--config"]).arg(&config);
    let output = output_within_deadline(command);

    // Assert
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    for key in [
        "colour: unknown key",
        "listen:",
        "issuer:",
        "tokens.algorithm:",
        "apps[0].redirect_uris[0]:",
        "apps[0].providers[0]:",
    ] {
        assert!(stderr.contains(key), "missing `{key}` in:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Runs the command to completion, killing it if it is still running after 30 s (a server that
/// wrongly started would otherwise hang the suite).
fn output_within_deadline(mut command: Command) -> std::process::Output {
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(std::time::Duration::from_secs(30)) {
        Ok(output) => output.expect("wait"),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("authgate did not exit: it should have refused its config");
        }
    }
}

#[test]
fn an_environment_override_is_validated_too() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut command = authgate();
    command
        .arg("serve")
        .env("AUTHGATE_TOKENS__ALGORITHM", "HS256")
        .env("AUTHGATE_LISTEN", "127.0.0.1:0")
        .env("AUTHGATE_DATA_DIR", dir.path());
    let output = output_within_deadline(command);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("tokens.algorithm"));
}

#[test]
fn hash_password_prints_an_argon2id_hash_of_stdin() {
    let mut child = authgate()
        .arg("hash-password")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"correct horse\n")
        .expect("write");
    let output = child.wait_with_output().expect("wait");
    assert!(output.status.success());
    let hash = String::from_utf8(output.stdout).expect("utf8");
    let hash = hash.trim();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    let parsed = PasswordHash::new(hash).expect("PHC string");
    assert!(
        Argon2::default()
            .verify_password(b"correct horse", &parsed)
            .is_ok()
    );
    assert!(
        Argon2::default()
            .verify_password(b"correct horse\n", &parsed)
            .is_err()
    );
}

/// `authgate serve` on the embedded default with `env`, its data under `dir`; must exit.
fn serve_default(dir: &tempfile::TempDir, env: &[(&str, &str)]) -> std::process::Output {
    let mut command = authgate();
    command
        .arg("serve")
        .env("AUTHGATE_DATA_DIR", dir.path().join("data"))
        .envs(env.iter().copied());
    output_within_deadline(command)
}

fn assert_refused_for_the_demo_password(output: &std::process::Output, dir: &tempfile::TempDir) {
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    for needle in [
        "refusing to start",
        "`demo` (provider `local`)",
        "published in the README",
        "allow_published_demo_password",
    ] {
        assert!(stderr.contains(needle), "missing `{needle}` in:\n{stderr}");
    }
    assert!(
        !dir.path().join("data").exists(),
        "refused before creating the store"
    );
}

#[test]
fn the_published_demo_password_is_refused_on_a_public_listener() {
    let dir = tempfile::tempdir().expect("tmp");
    let output = serve_default(&dir, &[("AUTHGATE_LISTEN", "0.0.0.0:0")]);
    assert_refused_for_the_demo_password(&output, &dir);
}

#[test]
fn the_published_demo_password_is_refused_behind_an_https_issuer() {
    let dir = tempfile::tempdir().expect("tmp");
    let output = serve_default(
        &dir,
        &[
            ("AUTHGATE_LISTEN", "127.0.0.1:0"),
            ("AUTHGATE_ISSUER", "https://login.example.com"),
            // The demo page needs a loopback issuer; what is refused here is the user.
            ("AUTHGATE_DEMO__ENABLED", "false"),
        ],
    );
    assert_refused_for_the_demo_password(&output, &dir);
}

/// The Dockerfile's `ENV` settings and its default command, run as written (the data dir
/// aside): the image must not serve the demo user to the world.
#[test]
fn the_container_image_default_command_refuses_the_demo_user() {
    let dockerfile = include_str!("../../Dockerfile");
    let mut env = Vec::new();
    let mut in_env = false;
    for line in dockerfile.lines() {
        let line = line.trim();
        in_env = in_env || line.starts_with("ENV ");
        if in_env {
            for word in line.trim_start_matches("ENV ").split_whitespace() {
                if let Some((name, value)) = word.split_once('=') {
                    env.push((name.to_string(), value.to_string()));
                }
            }
            in_env = line.ends_with('\\');
        }
    }
    let cmd: Vec<String> = dockerfile
        .lines()
        .find_map(|l| l.strip_prefix("CMD "))
        .map(|json| serde_json::from_str(json).expect("CMD is a JSON array"))
        .expect("a CMD");
    assert!(
        env.iter()
            .any(|(name, value)| name == "AUTHGATE_LISTEN" && value.starts_with("0.0.0.0:")),
        "the image listens on every interface: {env:?}"
    );
    let dir = tempfile::tempdir().expect("tmp");

    let mut command = authgate();
    command
        .args(&cmd)
        .envs(env.iter().map(|(n, v)| (n.as_str(), v.as_str())))
        .env("AUTHGATE_DATA_DIR", dir.path().join("data"));
    let output = output_within_deadline(command);

    assert_refused_for_the_demo_password(&output, &dir);
}

/// Starts the real binary on the embedded default with `env`; its output so far.
fn started_default(
    dir: &tempfile::TempDir,
    env: &[(&str, &str)],
) -> crate::support::binary::Server {
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, authgate::config::DEFAULT_CONFIG).expect("config");
    let data = dir.path().join("data");
    let data = data.to_str().expect("utf-8 path");
    let mut all = vec![("AUTHGATE_DATA_DIR", data)];
    all.extend_from_slice(env);
    crate::support::binary::start_with_env(&config, "warn", &all)
}

#[tokio::test]
async fn the_published_demo_password_is_allowed_on_a_public_listener_only_when_said_loudly() {
    let dir = tempfile::tempdir().expect("tmp");
    let server = started_default(
        &dir,
        &[
            ("AUTHGATE_LISTEN", "0.0.0.0:0"),
            ("AUTHGATE_ALLOW_PUBLISHED_DEMO_PASSWORD", "true"),
        ],
    );
    let port = server.address.rsplit(':').next().expect("port");
    let health = crate::support::app::browser()
        .get(format!("http://127.0.0.1:{port}/healthz"))
        .send()
        .await
        .expect("healthz");
    assert_eq!(health.status(), reqwest::StatusCode::OK);
    let log = server.output.lock().expect("log").clone();
    assert!(
        log.contains("ALLOW_PUBLISHED_DEMO_PASSWORD IS SET"),
        "no loud warning in:\n{log}"
    );
}

#[tokio::test]
async fn the_published_demo_password_is_allowed_on_loopback_with_a_warning() {
    let dir = tempfile::tempdir().expect("tmp");
    let server = started_default(&dir, &[("AUTHGATE_LISTEN", "127.0.0.1:0")]);
    let health = crate::support::app::browser()
        .get(format!("{}/healthz", server.address))
        .send()
        .await
        .expect("healthz");
    assert_eq!(health.status(), reqwest::StatusCode::OK);
    let log = server.output.lock().expect("log").clone();
    assert!(
        log.contains("demo password published in the README"),
        "no warning in:\n{log}"
    );
}

#[test]
fn a_broken_override_stops_start_up_naming_the_key_and_the_file() {
    for (text, fault) in [
        ("button-sign-in = { $oops\n", "does not parse"),
        (
            "sign-in-to-app = Anmelden bei { $application }\n",
            "`sign-in-to-app` uses $application",
        ),
    ] {
        let dir = tempfile::tempdir().expect("tmp");

        let (config, locales) = crate::languages::serve_with_overrides(&dir, &[("de", text)]);
        let mut command = authgate();
        command.args(["serve", "--config"]).arg(&config);
        let output = output_within_deadline(command);

        assert!(!output.status.success(), "{text}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("ui.locales_dir:"), "{stderr}");
        assert!(
            stderr.contains(&format!("{locales}/de/fix.ftl")),
            "{stderr}"
        );
        assert!(stderr.contains(fault), "{stderr}");
    }
}
