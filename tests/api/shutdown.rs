//! Shutdown of the real binary under load: SIGTERM makes `/readyz` fail while requests are
//! still served (`shutdown_delay`, ended here by a second SIGTERM); then the listener closes,
//! the request in flight finishes, the store closes, and the process exits 0. Every request
//! that got an answer got a right one, and no refresh token was lost: after a restart on the
//! same data dir, the last refresh token each client was handed still works. (A request the
//! server had taken but not answered would have rotated that token away.)
//!
//! Nothing sleeps to synchronise: each step waits for an event (the server's address line,
//! a count of answers, `/readyz` turning 503, the port refusing connections, `100 Continue`,
//! the process's exit).

use crate::support::app::*;
use crate::support::binary::{Server, start_with_log_filter};
use reqwest::{Client, StatusCode};
use serde_json::Value;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::watch;

const CLIENTS: usize = 8;

/// What one client saw: its last refresh token, every status it was answered with, and the
/// transport error that ended it (the server stopped taking connections).
struct Seen {
    last_token: String,
    statuses: Vec<StatusCode>,
    ended_by: Option<String>,
}

/// Refreshes in a loop until the connection fails, counting answers in `answered`.
async fn refresh_loop(
    address: String,
    mut token: String,
    answered: watch::Sender<usize>,
    unready: Arc<AtomicBool>,
    after_unready: watch::Sender<usize>,
) -> Seen {
    let client = Client::new();
    let mut statuses = Vec::new();
    loop {
        let sent = client
            .post(format!("{address}/oauth2/token"))
            .form(&[
                ("grant_type", "refresh_token"),
                ("client_id", "demo"),
                ("refresh_token", token.as_str()),
            ])
            .send()
            .await;
        let response = match sent {
            Ok(response) => response,
            Err(e) => {
                return Seen {
                    last_token: token,
                    statuses,
                    ended_by: Some(e.to_string()),
                };
            }
        };
        let status = response.status();
        statuses.push(status);
        if status != StatusCode::OK {
            return Seen {
                last_token: token,
                statuses,
                ended_by: None,
            };
        }
        let body: Value = match response.json().await {
            Ok(body) => body,
            Err(e) => {
                return Seen {
                    last_token: token,
                    statuses,
                    ended_by: Some(format!("an answer cut short: {e}")),
                };
            }
        };
        token = body["refresh_token"].as_str().expect("refresh").to_string();
        answered.send_modify(|n| *n += 1);
        if unready.load(Ordering::SeqCst) {
            after_unready.send_modify(|n| *n += 1);
        }
    }
}

/// A refresh grant whose body is held back: its headers ask `Expect: 100-continue`, and the
/// server's `100 Continue` says it has taken the request and its handler is reading the body.
struct HeldRequest {
    stream: BufReader<TcpStream>,
    body: String,
}

impl HeldRequest {
    async fn start(address: &str, token: &str) -> Self {
        let host = address.trim_start_matches("http://");
        let body = serde_urlencoded::to_string([
            ("grant_type", "refresh_token"),
            ("client_id", "demo"),
            ("refresh_token", token),
        ])
        .expect("form");
        let mut stream = BufReader::new(TcpStream::connect(host).await.expect("connect"));
        let head = format!(
            "POST /oauth2/token HTTP/1.1\r\nHost: {host}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
             Expect: 100-continue\r\nConnection: close\r\n\r\n",
            body.len()
        );
        stream
            .get_mut()
            .write_all(head.as_bytes())
            .await
            .expect("send the head");
        let mut status = String::new();
        stream.read_line(&mut status).await.expect("interim answer");
        assert!(status.starts_with("HTTP/1.1 100"), "{status:?}");
        let mut blank = String::new();
        stream.read_line(&mut blank).await.expect("end of interim");
        Self { stream, body }
    }

    /// Sends the body; the status and the JSON answer.
    async fn finish(mut self) -> (String, Value) {
        self.stream
            .get_mut()
            .write_all(self.body.as_bytes())
            .await
            .expect("send the body");
        let mut answer = String::new();
        self.stream
            .read_to_string(&mut answer)
            .await
            .expect("the answer");
        let (head, body) = answer.split_once("\r\n\r\n").expect("head and body");
        let status = head.lines().next().unwrap_or_default().to_string();
        (
            status,
            serde_json::from_str(body).unwrap_or_else(|_| Value::String(body.to_string())),
        )
    }
}

async fn readyz(address: &str) -> Option<StatusCode> {
    Client::new()
        .get(format!("{address}/readyz"))
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .ok()
        .map(|r| r.status())
}

/// Waits until nothing accepts connections at `address` any more (each probe is a connection
/// the server takes and drops while it still listens).
async fn until_refused(address: &str) {
    let host = address.trim_start_matches("http://").to_string();
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if TcpStream::connect(&host).await.is_err() {
            return;
        }
    }
    panic!("{address} still accepts connections");
}

async fn exit_of(server: Server) -> std::process::ExitStatus {
    let pid = server.pid();
    let waited = tokio::time::timeout(
        Duration::from_secs(60),
        tokio::task::spawn_blocking(move || server.wait_for_exit()),
    )
    .await;
    match waited {
        Ok(status) => status.expect("wait"),
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status();
            panic!("authgate did not exit after SIGTERM");
        }
    }
}

#[tokio::test]
async fn sigterm_under_load_fails_readiness_first_finishes_requests_and_loses_no_token() {
    // Arrange: a fixed port (the issuer must survive the restart), an hour's shutdown_delay
    // (ended by the second signal), and the log at info for the shutdown's steps.
    let dir = tempfile::tempdir().expect("tmp");
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("probe");
        probe.local_addr().expect("addr").port()
    };
    let config = dir.path().join("authgate.toml");
    std::fs::write(
        &config,
        format!("shutdown_delay = \"1h\"\n{}", test_config(&dir, port, "")),
    )
    .expect("config");
    let server = start_with_log_filter(&config, "info");
    let app = TestApp::remote(&server.address);
    let mut tokens = Vec::new();
    for _ in 0..=CLIENTS {
        let login = app.login(&browser(), &Authorize::native()).await;
        tokens.push(
            login["refresh_token"]
                .as_str()
                .expect("refresh")
                .to_string(),
        );
    }
    let held_token = tokens.pop().expect("one for the held request");

    // Act 1: clients refreshing in a loop; once each has had a couple of answers, a request
    // is taken and held in flight.
    let (answered, mut answers) = watch::channel(0usize);
    let (after_unready_tx, mut after_unready) = watch::channel(0usize);
    let unready = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = tokens
        .into_iter()
        .map(|token| {
            tokio::spawn(refresh_loop(
                app.address.clone(),
                token,
                answered.clone(),
                Arc::clone(&unready),
                after_unready_tx.clone(),
            ))
        })
        .collect();
    answers
        .wait_for(|n| *n >= 2 * CLIENTS)
        .await
        .expect("answers");
    let held = HeldRequest::start(&app.address, &held_token).await;

    // Act 2: SIGTERM. Readiness fails, and requests are still served.
    server.signal("TERM");
    let deadline = Instant::now() + Duration::from_secs(30);
    while readyz(&app.address).await != Some(StatusCode::SERVICE_UNAVAILABLE) {
        assert!(Instant::now() < deadline, "/readyz never failed");
    }
    unready.store(true, Ordering::SeqCst);
    after_unready
        .wait_for(|n| *n >= CLIENTS)
        .await
        .expect("served after /readyz failed");

    // Act 3: a second SIGTERM ends the delay: the port closes while a request is in flight.
    server.signal("TERM");
    until_refused(&app.address).await;
    let (held_status, held_body) = held.finish().await;
    let status = exit_of(server).await;
    let mut seen = Vec::new();
    for client in clients {
        seen.push(client.await.expect("client"));
    }

    for (i, s) in seen.iter().enumerate() {
        eprintln!(
            "client {i}: {} answers, ended by {:?}",
            s.statuses.len(),
            s.ended_by
        );
    }

    // Assert: the held request was answered in full, after the listener had closed.
    assert!(
        held_status.starts_with("HTTP/1.1 200"),
        "{held_status} {held_body}"
    );
    let held_next = held_body["refresh_token"]
        .as_str()
        .expect("a refresh token")
        .to_string();
    assert!(status.success(), "exit status {status}");
    // Every answer was a right one; every client ended on a refused connection, not an answer.
    for (i, s) in seen.iter().enumerate() {
        assert!(
            s.statuses.iter().all(|status| *status == StatusCode::OK),
            "client {i} got {:?}",
            s.statuses
        );
        assert!(s.ended_by.is_some(), "client {i} stopped without an error");
    }

    // Assert: after a restart on the same data dir, no refresh token was lost.
    let restarted = start_with_log_filter(&config, "error");
    let app = TestApp::remote(&restarted.address);
    for (i, s) in seen.iter().enumerate() {
        let response = app.refresh("demo", &s.last_token).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "client {i}'s last token (ended by {:?})",
            s.ended_by
        );
    }
    assert_eq!(
        app.refresh("demo", &held_next).await.status(),
        StatusCode::OK,
        "the held request's token"
    );
}
