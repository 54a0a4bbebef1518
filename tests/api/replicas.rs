//! The multi-replica suite: two authgate processes on one PostgreSQL database, driven as apps
//! and browsers would, through what replicas must get through together: starting at once on
//! an empty database, a key rotation, a password throttle reached through both, one replica
//! killed under load, the database going away under load (cut off, or crashed and restarted
//! on a cluster of the test's own), and both collecting expired records at once. (A code issued by one and redeemed on the other, single sign-on across
//! them and refresh-token reuse across them are
//! `postgres::two_replicas_on_one_database_behave_as_one_service`.)

use crate::support::app::*;
use crate::support::postgres::{Link, PrivateCluster, TestDatabase, database};
use crate::support::replicas::*;
use authgate::store::Store;
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::task::JoinSet;

/// The test config locks a username after this many wrong passwords (`lock_after = 4`).
const LOCK_AFTER: usize = 4;

async fn kids(app: &TestApp) -> BTreeSet<String> {
    let jwks: Value = app
        .get(&app.api, "/.well-known/jwks.json")
        .await
        .json()
        .await
        .unwrap();
    jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_string())
        .collect()
}

fn kid_of(jwt: &str) -> String {
    jsonwebtoken::decode_header(jwt).unwrap().kid.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_starting_together_on_an_empty_database_make_one_key_set() {
    // Arrange / Act: two first starts at the same instant on an empty database.
    let Some(db) = database().await else { return };
    let (a, b) = start_two(&db, &[], true);
    let (a, b) = (&a.app, &b.app);

    // Assert: one key set (current and next) in the store, published by both...
    let stored = db.store().await.signing_key_set().await.unwrap();
    assert_eq!(stored.keys.len(), 2, "{stored:?}");
    let published = kids(a).await;
    assert_eq!(published, kids(b).await, "both publish the same JWKS");
    assert_eq!(
        published,
        stored.keys.iter().map(|k| k.kid.clone()).collect(),
        "and it is the stored set"
    );
    // ...so each accepts the tokens the other signs.
    for (signer, verifier) in [(a, b), (b, a)] {
        let tokens = sign_in(signer, &signer.browser).await;
        let access = tokens["access_token"].as_str().unwrap();
        assert_eq!(
            verifier.userinfo(access).await.status(),
            StatusCode::OK,
            "a token signed by one replica is accepted by the other"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_rotation_on_one_replica_is_honoured_by_the_other() {
    // Arrange: keys that rotate every 2 s, re-read every 200 ms (`sessions.gc_interval`).
    let Some(db) = database().await else { return };
    let env = [
        ("AUTHGATE_TOKENS__KEY_ROTATION", "2s"),
        ("AUTHGATE_SESSIONS__GC_INTERVAL", "200ms"),
    ];
    let (a, b) = start_two(&db, &env, false);
    let (a_app, b_app) = (&a.app, &b.app);
    let tokens = sign_in(a_app, &a_app.browser).await;
    let first_kid = kid_of(tokens["access_token"].as_str().unwrap());
    let mut refresh = tokens["refresh_token"].as_str().unwrap().to_string();

    // Act: A refreshes until it signs with a key it did not sign with before.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let rotated = loop {
        let tokens: Value = a_app.refresh("demo", &refresh).await.json().await.unwrap();
        refresh = tokens["refresh_token"].as_str().unwrap().to_string();
        let access = tokens["access_token"].as_str().unwrap().to_string();
        if kid_of(&access) != first_kid {
            break access;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "A still signs with its first key after 20 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    // Assert: B accepts the token signed with the new key, and publishes the keys A does
    // (the new next key included) within a reload interval or so.
    assert_eq!(b_app.userinfo(&rotated).await.status(), StatusCode::OK);
    eventually(
        "B publishes the key set A does",
        Duration::from_secs(10),
        || async { kids(a_app).await == kids(b_app).await && kids(b_app).await.len() >= 3 },
    )
    .await;
    // Rotating and collecting every 200 ms on both, neither replica tripped over the other.
    for replica in [&a, &b] {
        let log = replica.server.output.lock().unwrap().clone();
        for failure in ["key rotation failed", "garbage collection failed"] {
            assert!(!log.contains(failure), "{log}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_signed_with_a_key_a_replica_has_not_read_yet_is_accepted_within_seconds() {
    // Arrange: B re-reads the keys by itself only every minute (the default gc_interval).
    let Some(db) = database().await else { return };
    let (a, b) = start_two(&db, &[], false);
    let tokens = sign_in(&a.app, &a.app.browser).await;
    let access = tokens["access_token"].as_str().unwrap();
    // Another replica, configured for ES256, writes a key set B has not read and signs with
    // its new key at once (a change of algorithm has no pre-published key to move to).
    let other = authgate::keys::KeyManager::load(
        Arc::new(db.store().await),
        "ES256",
        Duration::from_secs(30 * 24 * 3600),
        Duration::from_secs(3600),
        ISSUER,
    )
    .await
    .unwrap();
    let claims: Value = {
        use base64::Engine;
        let payload = access.split('.').nth(1).unwrap();
        serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(payload)
                .unwrap(),
        )
        .unwrap()
    };
    let token = other.sign(&claims).unwrap();

    // Act / Assert: B refuses it while the kid is unknown, which makes B re-read the keys
    // without waiting for its minute; then it accepts it.
    assert_eq!(
        b.app.userinfo(&token).await.status(),
        StatusCode::UNAUTHORIZED
    );
    eventually("B accepts the new key", Duration::from_secs(5), || async {
        b.app.userinfo(&token).await.status() == StatusCode::OK
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_passwords_sent_to_both_replicas_lock_after_the_count_in_total() {
    // Arrange: one browser, one sign-in page, two replicas.
    let Some(db) = database().await else { return };
    let (a, b) = start_two(&db, &[], false);
    let (a, b) = (&a.app, &b.app);
    let browser = browser();
    let (page, html) = a.open_sign_in(&browser, &Authorize::native()).await;
    let csrf = input_value(&html, "csrf").unwrap();

    // Act: wrong passwords, alternately to A and B, as many as the lock allows in total.
    for attempt in 0..LOCK_AFTER {
        let replica = [a, b][attempt % 2];
        let response = replica
            .post_password(&browser, &page, Some(&csrf), USER, "wrong-password")
            .await;
        assert_eq!(response.status(), StatusCode::OK, "attempt {attempt}");
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Incorrect username or password.")
        );
    }

    // Assert: the user is locked on both, the right password included.
    for replica in [a, b] {
        let response = replica
            .post_password(&browser, &page, Some(&csrf), USER, PASSWORD)
            .await;
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Signing in is locked")
        );
    }
}

/// `count` fresh refresh tokens from `app` (its browser signs in once).
async fn tokens_from(app: &TestApp, count: usize) -> Vec<String> {
    sign_in(app, &app.browser).await;
    let mut tokens = Vec::new();
    for _ in 0..count {
        tokens.push(issue(app).await.expect("a refresh token"));
    }
    tokens
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killing_one_replica_under_load_loses_no_refresh_token_it_handed_out() {
    // Arrange: refresh-token chains on both replicas, and A also signing apps in.
    let Some(db) = database().await else { return };
    let (a, b) = start_two(&db, &[], false);
    let load = Arc::new(Load::default());
    let mut chains = JoinSet::new();
    let mut on_a = Vec::new();
    for (replica, side) in [(&a, "a"), (&b, "b")] {
        for token in tokens_from(&replica.app, 3).await {
            let task = chains.spawn(churn(
                TestApp::remote(&replica.server.address),
                token,
                Arc::clone(&load),
                None,
            ));
            if side == "a" {
                on_a.push(task.id());
            }
        }
    }
    let issued = Arc::new(std::sync::Mutex::new(Vec::new()));
    let issuer = {
        let (app, issued, load) = (
            TestApp::remote(&a.server.address),
            Arc::clone(&issued),
            Arc::clone(&load),
        );
        tokio::spawn(async move {
            sign_in(&app, &app.browser).await;
            while !load.stop.load(Ordering::Relaxed) {
                match issue(&app).await {
                    Some(token) => issued.lock().unwrap().push(token),
                    None => break,
                }
            }
        })
    };
    eventually("load on both", Duration::from_secs(30), || async {
        load.refreshed.load(Ordering::Relaxed) >= 30 && issued.lock().unwrap().len() >= 5
    })
    .await;

    // Act: SIGKILL A in the middle of it.
    a.server.signal("KILL");
    let at_kill = load.refreshed.load(Ordering::Relaxed);
    let (a_server, b_app) = (a.server, b.app);
    tokio::task::spawn_blocking(move || a_server.wait_for_exit())
        .await
        .unwrap();

    // Assert: B keeps serving...
    eventually("B keeps refreshing", Duration::from_secs(30), || async {
        load.refreshed.load(Ordering::Relaxed) >= at_kill + 30
    })
    .await;
    load.stop.store(true, Ordering::Relaxed);
    issuer.await.unwrap();
    let mut ended = Vec::new();
    while let Some(result) = chains.join_next_with_id().await {
        let (id, chain) = result.unwrap();
        assert!(
            on_a.contains(&id) || !chain.in_doubt,
            "a chain on B failed: {chain:?}"
        );
        ended.push(chain);
    }
    assert!(
        load.unexpected.lock().unwrap().is_empty(),
        "{:?}",
        load.unexpected.lock().unwrap()
    );
    assert_eq!(
        b_app.get(&b_app.api, "/readyz").await.status(),
        StatusCode::OK
    );
    // ...and every refresh token a 200 handed out, by A before its death or by B, is
    // redeemable on B (unless the request in flight at the kill spent it).
    let issued: Vec<Chain> = std::mem::take(&mut *issued.lock().unwrap())
        .into_iter()
        .map(|token| Chain {
            token,
            in_doubt: false,
        })
        .collect();
    assert!(issued.len() >= 5);
    assert_redeemable(&db, &b_app, &issued).await;
    assert!(assert_redeemable(&db, &b_app, &ended).await >= 3);
}

/// How the database goes away, and comes back.
enum Outage {
    /// The network: open connections cut, new ones refused; the server itself runs on.
    Link(Link),
    /// The server crashes (`pg_ctl stop -m immediate`) and is started again.
    Crash(PrivateCluster),
}

impl Outage {
    async fn begin(&self) {
        match self {
            Outage::Link(link) => link.cut(),
            Outage::Crash(cluster) => cluster.halt().await,
        }
    }

    async fn end(&self) {
        match self {
            Outage::Link(link) => link.restore(),
            Outage::Crash(cluster) => cluster.resume().await,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn while_the_database_is_away_under_load_answers_are_503_and_no_token_is_lost() {
    // Arrange: two replicas reaching the database through a link we can cut.
    let Some(db) = database().await else { return };
    let link = Link::to(db.address()).await;
    let secrets = tempfile::tempdir().unwrap();
    let password_file = secrets.path().join("db-password");
    std::fs::write(&password_file, &db.password).unwrap();
    let store = format!(
        "url = \"{}\"\npassword_file = \"{}\"\nconnect_timeout = \"1s\"",
        db.url_through(&link),
        password_file.display()
    );
    let key = store_key();
    let env = [("AUTHGATE_TEST_STORE_KEY", key.as_str())];

    // Act / Assert
    outage_under_load(&db, &store, &env, Outage::Link(link)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_crashing_and_restarting_under_load_loses_no_acknowledged_token() {
    // Arrange: two replicas on a cluster of this test's own (stopping the shared one would
    // stop every other test's database too).
    let Some(cluster) = PrivateCluster::start().await else {
        return;
    };
    let db = cluster.database().await;
    let key = store_key();
    let env = [
        ("AUTHGATE_TEST_STORE_KEY", key.as_str()),
        ("AUTHGATE_TEST_DATABASE_URL", db.url.as_str()),
    ];
    let store = "url_env = \"AUTHGATE_TEST_DATABASE_URL\"\nconnect_timeout = \"1s\"";

    // Act / Assert: what a 200 handed out was committed to the WAL first, so the crash
    // recovery brings it back.
    outage_under_load(&db, store, &env, Outage::Crash(cluster)).await;
}

/// Refresh-token chains churning on two replicas on `store`, and on each a token held back;
/// then `outage`: while it lasts, answers are 503 `temporarily_unavailable` (the held-back
/// tokens presented at once on both replicas included) and spend nothing; after it, both are
/// ready again by themselves, serve the load, and every token a 200 handed out still refreshes.
async fn outage_under_load(db: &TestDatabase, store: &str, env: &[(&str, &str)], outage: Outage) {
    let (a, b) = (start(store, env), start(store, env));
    let load = Arc::new(Load::default());
    let mut chains = JoinSet::new();
    let mut held = Vec::new();
    for replica in [&a, &b] {
        let mut tokens = tokens_from(&replica.app, 4).await;
        held.push(tokens.pop().unwrap());
        for token in tokens {
            chains.spawn(churn(
                TestApp::remote(&replica.server.address),
                token,
                Arc::clone(&load),
                Some(db.url.clone()),
            ));
        }
    }
    eventually("load on both", Duration::from_secs(30), || async {
        load.refreshed.load(Ordering::Relaxed) >= 30
    })
    .await;

    // The database goes away.
    outage.begin().await;
    let replicas = [&a.app, &b.app];
    eventually(
        "both replicas not ready",
        Duration::from_secs(10),
        || async {
            for app in replicas {
                if app.get(&app.api, "/readyz").await.status() != StatusCode::SERVICE_UNAVAILABLE {
                    return false;
                }
            }
            true
        },
    )
    .await;
    load.down_since.set(std::time::Instant::now()).unwrap();

    // While it is away, refreshes are 503 `temporarily_unavailable`, the held-back
    // tokens presented at once on both replicas included, and they spend nothing.
    let mut burst = JoinSet::new();
    for token in held.iter().cycle().take(8) {
        for app in replicas {
            let (app, token) = (TestApp::remote(&app.address), token.clone());
            burst.spawn(async move { try_refresh(&app, &token).await });
        }
    }
    for answer in burst.join_all().await {
        let answer = answer.unwrap();
        assert!(unavailable(&answer), "{answer:?}");
    }

    // It comes back.
    outage.end().await;
    eventually(
        "both replicas ready again",
        Duration::from_secs(20),
        || async {
            for app in replicas {
                if app.get(&app.api, "/readyz").await.status() != StatusCode::OK {
                    return false;
                }
            }
            true
        },
    )
    .await;
    load.up_since.set(std::time::Instant::now()).unwrap();
    let before = load.refreshed.load(Ordering::Relaxed);
    eventually("load served again", Duration::from_secs(20), || async {
        load.refreshed.load(Ordering::Relaxed) >= before + 10
    })
    .await;
    load.stop.store(true, Ordering::Relaxed);
    let ended = chains.join_all().await;

    // Nothing a 200 handed out was lost: every chain's last token and every held-back
    // token still refreshes (on the other replica, for good measure).
    assert!(
        load.unexpected.lock().unwrap().is_empty(),
        "{:?}",
        load.unexpected.lock().unwrap()
    );
    let held: Vec<Chain> = held
        .into_iter()
        .map(|token| Chain {
            token,
            in_doubt: false,
        })
        .collect();
    assert_eq!(assert_redeemable(db, &b.app, &held).await, 2);
    assert!(assert_redeemable(db, &a.app, &ended).await >= 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replicas_collecting_expired_records_at_once_delete_each_once_without_errors() {
    // Arrange: two replicas' stores, and expired records of several kinds with one live one.
    let Some(db) = database().await else { return };
    let replicas: [Arc<dyn Store>; 2] = [Arc::new(db.store().await), Arc::new(db.store().await)];
    let now = time::OffsetDateTime::now_utc();
    let past = now - time::Duration::seconds(10);
    let mut expired = 0u64;
    for i in 0..200 {
        replicas[i % 2]
            .put_identity_id(&format!("expired-{i}"), "id", past)
            .await
            .unwrap();
        replicas[i % 2]
            .put_browser_session(&format!("expired-{i}"), b"data", past)
            .await
            .unwrap();
        expired += 2;
    }
    replicas[0]
        .put_identity_id("live", "id", now + time::Duration::hours(1))
        .await
        .unwrap();

    // Act: every racer on both replicas collects at the same moment.
    let barrier = Arc::new(tokio::sync::Barrier::new(16));
    let mut racers = JoinSet::new();
    for i in 0..16 {
        let (store, barrier) = (Arc::clone(&replicas[i % 2]), Arc::clone(&barrier));
        racers.spawn(async move {
            store.ping().await.unwrap();
            barrier.wait().await;
            store.collect_expired(now).await
        });
    }
    let outcomes = racers.join_all().await;

    // Assert: no collector failed, each expired record was deleted once, the live one kept.
    let deleted: u64 = outcomes
        .iter()
        .map(|o| *o.as_ref().expect("collecting alongside another replica"))
        .sum();
    assert_eq!(deleted, expired, "{outcomes:?}");
    assert_eq!(replicas[1].collect_expired(now).await.unwrap(), 0);
    assert_eq!(
        replicas[1].get_identity_id("live", now).await.unwrap(),
        Some("id".into())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn key_managers_of_replicas_starting_together_adopt_one_key_set() {
    // Arrange: four replicas' stores on one empty database, each connected (a replica's
    // process start is not what this races).
    let Some(db) = database().await else { return };
    let mut stores: Vec<Arc<dyn Store>> = Vec::new();
    for _ in 0..4 {
        stores.push(Arc::new(db.store().await));
    }

    // Act: each loads its key manager at the same moment, so each finds no keys and makes
    // a set of its own.
    let barrier = Arc::new(tokio::sync::Barrier::new(stores.len()));
    let mut starts = JoinSet::new();
    for store in &stores {
        let (store, barrier) = (Arc::clone(store), Arc::clone(&barrier));
        starts.spawn(async move {
            barrier.wait().await;
            authgate::keys::KeyManager::load(
                store,
                "ES256",
                Duration::from_secs(3600),
                Duration::from_secs(3600),
                ISSUER,
            )
            .await
            .expect("every replica starts")
        });
    }
    let managers = starts.join_all().await;

    // Assert: one set was stored (current and next), and every replica publishes it and
    // verifies what any other signs.
    let stored = stores[0].signing_key_set().await.unwrap();
    assert_eq!(stored.keys.len(), 2, "{stored:?}");
    assert_eq!(stored.version, 1, "written once");
    let jwks = managers[0].jwks();
    let claims = serde_json::json!({ "iss": ISSUER, "sub": "x", "exp": 4_000_000_000i64 });
    for manager in &managers {
        assert_eq!(manager.jwks(), jwks, "every replica publishes one set");
        let token = manager.sign(&claims).unwrap();
        for other in &managers {
            other
                .verify::<Value>(&token, false)
                .expect("verified by every replica");
        }
    }
}
