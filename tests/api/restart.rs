//! Durability: the real binary is killed (SIGKILL, no shutdown) right after issuing tokens, or
//! while many refreshes are in flight (group commit), started again on the same data dir, and
//! every refresh token it handed out still works. Whether a request cut off by the kill had
//! its rotation committed is a race, so the in-flight test also holds half of its chains just
//! before the kill: their tokens must all work, whatever the race did to the others.

use crate::support::app::*;
use crate::support::binary::start;
use crate::support::replicas::{Chain, Load, churn, eventually, issue, try_refresh};
use reqwest::StatusCode;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::task::JoinSet;

#[tokio::test]
async fn a_refresh_token_survives_a_crash_and_restart() {
    // Arrange: a fixed port (the issuer must not change across the restart).
    let dir = tempfile::tempdir().expect("tmp");
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("probe");
        probe.local_addr().expect("addr").port()
    };
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, test_config(&dir, port, "")).expect("config");
    let server = start(&config);
    let app = TestApp::remote(&server.address);
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let refresh = tokens["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();

    // Act: kill -9, then start again on the same data dir.
    drop(server);
    let server = start(&config);
    // A new client: the old one's pooled connections died with the process.
    let app = TestApp::remote(&server.address);

    // Assert
    let response = app.refresh("demo", &refresh).await;
    assert_eq!(response.status(), StatusCode::OK);
    let rotated: serde_json::Value = response.json().await.expect("json");
    // And the key that signed before the crash still verifies after it.
    let old_access = tokens["access_token"].as_str().expect("access");
    assert_eq!(app.userinfo(old_access).await.status(), StatusCode::OK);
    assert!(rotated["access_token"].is_string());
}

/// Whether the SQLite store in `data` has `token` rotated away (spent): what tells a chain whose
/// last request died with the server from a lost token.
async fn rotated_in(data: &std::path::Path, token: &str) -> bool {
    use sqlx::Connection;
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(data.join("authgate.sqlite"))
        .read_only(true);
    let mut connection = sqlx::SqliteConnection::connect_with(&options)
        .await
        .expect("store file");
    sqlx::query_scalar::<_, i64>("SELECT rotated FROM refresh_tokens WHERE hash = ?1")
        .bind(authgate::security::storage_hash(token))
        .fetch_optional(&mut connection)
        .await
        .expect("query")
        .is_some_and(|rotated| rotated == 1)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn refresh_tokens_handed_out_while_many_refreshes_are_in_flight_survive_a_crash() {
    // Arrange: 24 refresh-token chains, each refreshing as fast as it can, so the writer
    // commits their rotations in batches. Half of them ("held") stop just before the kill,
    // each keeping the token its last 200 handed out; the other half run into the kill.
    const CHAINS: usize = 24;
    let dir = tempfile::tempdir().expect("tmp");
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("probe");
        probe.local_addr().expect("addr").port()
    };
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, test_config(&dir, port, "")).expect("config");
    let server = start(&config);
    let app = TestApp::remote(&server.address);
    let first = app.login(&app.browser, &Authorize::native()).await;
    let mut tokens = vec![
        first["refresh_token"]
            .as_str()
            .expect("refresh")
            .to_string(),
    ];
    while tokens.len() < CHAINS {
        tokens.push(issue(&app).await.expect("a refresh token"));
    }
    let (held, running) = (Arc::new(Load::default()), Arc::new(Load::default()));
    let (mut held_chains, mut chains) = (JoinSet::new(), JoinSet::new());
    for (i, token) in tokens.into_iter().enumerate() {
        let (set, load) = if i % 2 == 0 {
            (&mut held_chains, &held)
        } else {
            (&mut chains, &running)
        };
        set.spawn(churn(
            TestApp::remote(&server.address),
            token,
            Arc::clone(load),
            None,
        ));
    }
    eventually("refreshes under way", Duration::from_secs(60), || async {
        held.refreshed.load(Ordering::Relaxed) >= 10 * CHAINS / 2
            && running.refreshed.load(Ordering::Relaxed) >= 10 * CHAINS / 2
    })
    .await;
    // The held chains finish the refresh they have in flight (committed and answered, in a
    // batch beside the running chains' writes) and keep what it handed out.
    held.stop.store(true, Ordering::Relaxed);
    let mut kept: Vec<Chain> = Vec::new();
    while let Some(chain) = held_chains.join_next().await {
        kept.push(chain.expect("held chain task"));
    }

    // Act: SIGKILL with every running chain's next refresh in flight or about to be.
    server.signal("KILL");
    tokio::task::spawn_blocking(move || server.wait_for_exit())
        .await
        .expect("join");
    let mut ended: Vec<Chain> = Vec::new();
    while let Some(chain) = chains.join_next().await {
        ended.push(chain.expect("chain task"));
    }
    for load in [&held, &running] {
        let unexpected = load.unexpected.lock().expect("lock");
        assert!(unexpected.is_empty(), "{unexpected:?}");
    }
    let server = start(&config);
    let app = TestApp::remote(&server.address);

    // Assert: every held token refreshes after the restart; so does every running chain's
    // last token, unless the request that died with the server had already spent it
    // (committed, answer lost).
    assert_eq!(kept.len(), CHAINS / 2);
    for chain in &kept {
        assert!(!chain.in_doubt, "a held chain ended in doubt: {chain:?}");
        let answer = try_refresh(&app, &chain.token).await;
        assert!(
            matches!(answer, Ok((StatusCode::OK, _))),
            "a refresh token handed out just before the crash was lost: {answer:?}"
        );
    }
    let data = dir.path().join("data");
    for chain in &ended {
        assert!(chain.in_doubt, "a chain ended before the kill: {chain:?}");
        if rotated_in(&data, &chain.token).await {
            continue;
        }
        let answer = try_refresh(&app, &chain.token).await;
        assert!(
            matches!(answer, Ok((StatusCode::OK, _))),
            "a refresh token handed out before the crash was lost: {answer:?}"
        );
    }
}
