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
