//! The stores: the shared conformance suite on SQLite and in memory, plus what only a file on
//! disk can show.

// clippy's test allowance covers `#[test]` functions, not the helpers they share.
#![allow(clippy::unwrap_used)]

use authgate::identity::Identity;
use authgate::store::conformance::run_all;
use authgate::store::sqlite::SqliteStore;
use authgate::store::{
    CodeGrant, CodeTake, RefreshFamily, RefreshRotation, SsoSession, Store, StoreError,
};
use serde_json::Map;
use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use std::path::Path;
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

fn identity() -> Identity {
    Identity {
        provider: "local".into(),
        upstream_subject: "alice".into(),
        username: "alice".into(),
        claims: Map::new(),
        upstream_refresh: None,
        upstream_tokens: None,
        published_sub: None,
        upstream_session: None,
    }
}

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(OffsetDateTime::now_utc().unix_timestamp()).unwrap()
}

/// A connection of our own to the store's file, to look at or tamper with what it wrote.
async fn raw_connection(path: &Path) -> SqliteConnection {
    SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(path))
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_store_passes_the_conformance_suite() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("authgate.sqlite"))
        .await
        .unwrap();
    let store: Arc<dyn Store> = Arc::new(store);

    // Act / Assert: twice, because the suite must not depend on a fresh store.
    run_all(Arc::clone(&store)).await;
    run_all(store).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn memory_store_passes_the_conformance_suite() {
    let store: Arc<dyn Store> = Arc::new(authgate::store::memory::MemoryStore::new());
    run_all(Arc::clone(&store)).await;
    run_all(store).await;
}

#[tokio::test]
async fn sqlite_store_keeps_records_across_reopen() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("authgate.sqlite");
    let now = now();
    let family = RefreshFamily {
        client_id: "app".into(),
        scopes: vec!["openid".into()],
        identity: identity(),
        auth_time: 1_700_000_000,
        aws: None,
        sso_session: None,
        origin: None,
    };
    let session = SsoSession {
        identity: identity(),
        auth_time: 1_700_000_000,
        origin: None,
    };
    {
        let store = SqliteStore::open(&path).await.unwrap();
        store
            .create_refresh_family("family-1", &family, "token-1", now + Duration::hours(1))
            .await
            .unwrap();
        store
            .put_sso_session("sso-1", &session, now + Duration::hours(1))
            .await
            .unwrap();
        // Dropped without `close`: what a crash leaves behind must be enough.
    }

    // Act
    let store = SqliteStore::open(&path).await.unwrap();
    let rotation = store
        .rotate_refresh_token("token-1", "token-2", now)
        .await
        .unwrap();
    let read_session = store.get_sso_session("sso-1", now).await.unwrap();

    // Assert
    assert_eq!(
        rotation,
        RefreshRotation::Rotated {
            family_id: "family-1".into(),
            family,
        }
    );
    assert_eq!(read_session, Some(session));
    store.close().await;
}

#[tokio::test]
async fn sqlite_store_keeps_identity_ids_across_reopen() {
    // Arrange: an identity id remembered, then the store closed (authgate restarted).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("authgate.sqlite");
    let now = now();
    {
        let store = SqliteStore::open(&path).await.unwrap();
        store
            .put_identity_id("pool|user", "us-east-1:kept", now + Duration::days(90))
            .await
            .unwrap();
        store.close().await;
    }

    // Act
    let store = SqliteStore::open(&path).await.unwrap();

    // Assert: no second GetId after a restart.
    assert_eq!(
        store
            .get_identity_id("pool|user", now)
            .await
            .unwrap()
            .as_deref(),
        Some("us-east-1:kept")
    );
    store.close().await;
}

#[tokio::test]
async fn sqlite_store_migrates_a_version_2_database_to_hold_identity_ids() {
    // Arrange: a version-2 file, which has no identity_ids table (nor what version 4 added).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("authgate.sqlite");
    SqliteStore::open(&path).await.unwrap().close().await;
    let mut raw = raw_connection(&path).await;
    for statement in [
        "DROP TABLE identity_ids",
        "DROP INDEX refresh_families_sso_session",
        "DROP INDEX refresh_families_user",
        "DROP INDEX sso_sessions_user",
        "ALTER TABLE refresh_families DROP COLUMN sso_session",
        "ALTER TABLE refresh_families DROP COLUMN user_provider",
        "ALTER TABLE refresh_families DROP COLUMN user_subject",
        "ALTER TABLE sso_sessions DROP COLUMN user_provider",
        "ALTER TABLE sso_sessions DROP COLUMN user_subject",
        "ALTER TABLE sso_sessions DROP COLUMN session_index",
        "PRAGMA user_version = 2",
    ] {
        sqlx::query(statement).execute(&mut raw).await.unwrap();
    }
    raw.close().await.unwrap();

    // Act
    let store = SqliteStore::open(&path).await.unwrap();

    // Assert
    store
        .put_identity_id("k", "us-east-1:id", now() + Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(
        store.get_identity_id("k", now()).await.unwrap().as_deref(),
        Some("us-east-1:id")
    );
    store.close().await;
}

#[tokio::test]
async fn sqlite_store_migrates_a_version_3_database_so_its_sessions_can_be_ended_by_user() {
    // Arrange: a version-3 file (families and SSO sessions without user or SSO columns)
    // holding a live family and an SSO session of one user, and a family of another.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("authgate.sqlite");
    let mut raw = SqliteConnection::connect_with(
        &SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true),
    )
    .await
    .unwrap();
    for statement in [
        "PRAGMA journal_mode = WAL",
        "CREATE TABLE refresh_families (id TEXT PRIMARY KEY, record TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0, expires_at INTEGER NOT NULL) STRICT",
        "CREATE TABLE refresh_tokens (hash TEXT PRIMARY KEY,
            family_id TEXT NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
            rotated INTEGER NOT NULL DEFAULT 0, expires_at INTEGER NOT NULL, parent TEXT) STRICT",
        "CREATE TABLE sso_sessions (id TEXT PRIMARY KEY, record TEXT NOT NULL,
            expires_at INTEGER NOT NULL) STRICT",
        "PRAGMA user_version = 3",
    ] {
        sqlx::query(statement).execute(&mut raw).await.unwrap();
    }
    let far = OffsetDateTime::now_utc().unix_timestamp() + 3600;
    let record = |subject: &str| {
        serde_json::json!({
            "client_id": "demo", "scopes": ["openid"], "auth_time": 0,
            "identity": {"provider": "local", "upstream_subject": subject, "username": subject,
                         "claims": {}}
        })
        .to_string()
    };
    for (id, subject) in [("f-alice", "alice"), ("f-bob", "bob")] {
        sqlx::query(
            "INSERT INTO refresh_families (id, record, revoked, expires_at) VALUES (?1, ?2, 0, ?3)",
        )
        .bind(id)
        .bind(record(subject))
        .bind(far)
        .execute(&mut raw)
        .await
        .unwrap();
    }
    sqlx::query("INSERT INTO sso_sessions (id, record, expires_at) VALUES ('sso-alice', ?1, ?2)")
        .bind(
            serde_json::json!({"auth_time": 0, "identity": {"provider": "local",
                "upstream_subject": "alice", "username": "alice", "claims": {}}})
            .to_string(),
        )
        .bind(far)
        .execute(&mut raw)
        .await
        .unwrap();
    raw.close().await.unwrap();

    // Act
    let store = SqliteStore::open(&path).await.unwrap();
    let now = OffsetDateTime::now_utc();
    let ended = store
        .end_user_sessions("local", "alice", now)
        .await
        .unwrap();

    // Assert: the rows written before the upgrade were found by their user.
    assert_eq!((ended.families, ended.sso_sessions), (1, 1));
    assert!(
        store
            .get_active_refresh_family("f-alice", now)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .get_active_refresh_family("f-bob", now)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .get_sso_session("sso-alice", now)
            .await
            .unwrap()
            .is_none()
    );
    store.close().await;
}

#[tokio::test]
async fn sqlite_store_uses_wal_and_stamps_the_schema_version() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("authgate.sqlite");
    let store = SqliteStore::open(&path).await.unwrap();

    // Act
    let mut raw = raw_connection(&path).await;
    let journal_mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut raw)
        .await
        .unwrap();
    let user_version: i64 = sqlx::query_scalar("PRAGMA user_version")
        .fetch_one(&mut raw)
        .await
        .unwrap();

    // Assert
    assert_eq!(journal_mode, "wal");
    assert_eq!(user_version, 7);
    store.ping().await.unwrap();
}

#[tokio::test]
async fn sqlite_store_migrates_a_version_6_database_to_find_sso_sessions_by_session_index() {
    // Arrange: a version-6 file (no session_index column) holding a SAML sign-in's session.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("authgate.sqlite");
    SqliteStore::open(&path).await.unwrap().close().await;
    let mut raw = raw_connection(&path).await;
    let far = OffsetDateTime::now_utc().unix_timestamp() + 3600;
    for statement in [
        "ALTER TABLE sso_sessions DROP COLUMN session_index",
        "PRAGMA user_version = 6",
    ] {
        sqlx::query(statement).execute(&mut raw).await.unwrap();
    }
    for (id, index) in [("sso-1", "_idx-1"), ("sso-2", "_idx-2")] {
        sqlx::query(
            "INSERT INTO sso_sessions (id, record, expires_at, user_provider, user_subject)
             VALUES (?1, ?2, ?3, 'corp', 'alice')",
        )
        .bind(id)
        .bind(
            serde_json::json!({"auth_time": 0, "identity": {"provider": "corp",
                "upstream_subject": "alice", "username": "alice", "claims": {},
                "upstream_session": {"session_index": index}}})
            .to_string(),
        )
        .bind(far)
        .execute(&mut raw)
        .await
        .unwrap();
    }
    raw.close().await.unwrap();

    // Act
    let store = SqliteStore::open(&path).await.unwrap();
    let ended = store
        .end_upstream_sessions("corp", "alice", &["_idx-1".into()], &[], now())
        .await
        .unwrap();

    // Assert: the filled-in column finds the one session of that index.
    assert_eq!(ended.sso_sessions, 1);
    assert!(
        store
            .get_sso_session("sso-1", now())
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .get_sso_session("sso-2", now())
            .await
            .unwrap()
            .is_some()
    );
    store.close().await;
}

#[tokio::test]
async fn sqlite_store_keeps_counters_in_memory_and_drops_the_old_files() {
    // Arrange: a version-4 file, whose counters lived in the store's own file, and the
    // counters' file of versions 5 to 7 beside it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("authgate.sqlite");
    SqliteStore::open(&path).await.unwrap().close().await;
    let mut raw = raw_connection(&path).await;
    for statement in [
        "CREATE TABLE counters (key TEXT PRIMARY KEY, count INTEGER NOT NULL,
            expires_at INTEGER NOT NULL) STRICT",
        "ALTER TABLE sso_sessions DROP COLUMN session_index",
        "PRAGMA user_version = 4",
    ] {
        sqlx::query(statement).execute(&mut raw).await.unwrap();
    }
    raw.close().await.unwrap();
    let old_counters = authgate::store::sqlite::counters_path(&path);
    assert_eq!(old_counters, dir.path().join("authgate-counters.sqlite"));
    std::fs::write(&old_counters, b"old counters").unwrap();
    let window = std::time::Duration::from_secs(60);

    // Act
    let store = SqliteStore::open(&path).await.unwrap();
    store.hit_counter_window("k", window, now()).await.unwrap();
    let hit = store.hit_counter_window("k", window, now()).await.unwrap();

    // Assert: counted; the old table and the old file are gone; nothing on disk holds it, so
    // a reopened store (another process) starts the count again.
    assert_eq!(hit.count, 2);
    assert!(!old_counters.exists(), "the old counters' file was left");
    let mut main = raw_connection(&path).await;
    let old_table: Option<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE name = 'counters'")
            .fetch_optional(&mut main)
            .await
            .unwrap();
    assert_eq!(old_table, None, "the store's own file still has counters");
    store.close().await;
    let reopened = SqliteStore::open(&path).await.unwrap();
    assert_eq!(reopened.counter("k", now()).await.unwrap(), 0);
    reopened.close().await;
}

#[tokio::test]
async fn sqlite_store_creates_missing_parent_directories() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not").join("yet").join("authgate.sqlite");

    // Act
    let store = SqliteStore::open(&path).await.unwrap();

    // Assert
    store.ping().await.unwrap();
    assert!(path.is_file());
}

#[tokio::test]
async fn sqlite_store_refuses_a_database_written_by_a_newer_schema() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("authgate.sqlite");
    SqliteStore::open(&path).await.unwrap().close().await;
    let mut raw = raw_connection(&path).await;
    sqlx::query("PRAGMA user_version = 99")
        .execute(&mut raw)
        .await
        .unwrap();
    raw.close().await.unwrap();

    // Act
    let opened = SqliteStore::open(&path).await;

    // Assert
    match opened {
        Err(StoreError::Backend(message)) => assert!(message.contains("newer"), "{message}"),
        other => panic!("expected a refusal, got {:?}", other.map(|_| ())),
    }
}

#[tokio::test]
async fn sqlite_store_migrates_a_version_1_database_and_keeps_its_tokens() {
    // Arrange: a version-1 file (refresh_tokens without `parent`) holding a live family.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("authgate.sqlite");
    let mut raw = SqliteConnection::connect_with(
        &SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true),
    )
    .await
    .unwrap();
    for statement in [
        "PRAGMA journal_mode = WAL",
        "CREATE TABLE refresh_families (id TEXT PRIMARY KEY, record TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0, expires_at INTEGER NOT NULL) STRICT",
        "CREATE TABLE refresh_tokens (hash TEXT PRIMARY KEY,
            family_id TEXT NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
            rotated INTEGER NOT NULL DEFAULT 0, expires_at INTEGER NOT NULL) STRICT",
        "PRAGMA user_version = 1",
    ] {
        sqlx::query(statement).execute(&mut raw).await.unwrap();
    }
    let family = serde_json::json!({
        "client_id": "demo", "scopes": ["openid"], "auth_time": 0,
        "identity": {"provider": "local", "upstream_subject": "u", "username": "u", "claims": {}}
    });
    let far = OffsetDateTime::now_utc().unix_timestamp() + 3600;
    sqlx::query(
        "INSERT INTO refresh_families (id, record, revoked, expires_at) VALUES ('f1', ?1, 0, ?2)",
    )
    .bind(family.to_string())
    .bind(far)
    .execute(&mut raw)
    .await
    .unwrap();
    sqlx::query("INSERT INTO refresh_tokens (hash, family_id, rotated, expires_at) VALUES ('h1', 'f1', 0, ?1)")
        .bind(far)
        .execute(&mut raw)
        .await
        .unwrap();
    raw.close().await.unwrap();

    // Act
    let store = SqliteStore::open(&path).await.unwrap();
    let now = OffsetDateTime::now_utc();
    let first = store.rotate_refresh_token("h1", "h2", now).await.unwrap();
    let replay = store.rotate_refresh_token("h1", "h3", now).await.unwrap();

    // Assert: the old token rotated once, and its replay was caught.
    assert!(
        matches!(first, RefreshRotation::Rotated { .. }),
        "{first:?}"
    );
    assert!(
        matches!(replay, RefreshRotation::Reused { .. }),
        "{replay:?}"
    );
}

#[tokio::test]
async fn sqlite_store_reports_a_corrupt_record_without_echoing_its_contents() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("authgate.sqlite");
    let store = SqliteStore::open(&path).await.unwrap();
    let now = now();
    let session = SsoSession {
        identity: identity(),
        auth_time: 1_700_000_000,
        origin: None,
    };
    store
        .put_sso_session("sso-1", &session, now + Duration::hours(1))
        .await
        .unwrap();
    let mut raw = raw_connection(&path).await;
    sqlx::query("UPDATE sso_sessions SET record = ?1 WHERE id = 'sso-1'")
        .bind(r#"{"identity": "hunter2-secret", "auth_time": 1}"#)
        .execute(&mut raw)
        .await
        .unwrap();

    // Act
    let read = store.get_sso_session("sso-1", now).await;

    // Assert
    match read {
        Err(StoreError::Corrupt(message)) => {
            assert!(
                !message.contains("hunter2"),
                "error echoes the record: {message}"
            );
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

#[tokio::test]
async fn sqlite_store_refuses_to_put_a_code_twice_so_a_used_code_cannot_be_rearmed() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("authgate.sqlite"))
        .await
        .unwrap();
    let now = now();
    let grant = CodeGrant {
        client_id: "app".into(),
        redirect_uri: "https://app.example.com/callback".into(),
        scopes: vec!["openid".into()],
        nonce: None,
        code_challenge: None,
        identity: identity(),
        auth_time: 1_700_000_000,
        family_id: "family-1".into(),
        aws: None,
        sso_session: None,
        origin: None,
    };
    store
        .put_code("code-1", &grant, now + Duration::minutes(1))
        .await
        .unwrap();
    let first = store
        .take_code("code-1", now, now + Duration::minutes(10))
        .await
        .unwrap();
    assert!(matches!(first, CodeTake::Taken(_)));

    // Act
    let put_again = store
        .put_code("code-1", &grant, now + Duration::minutes(1))
        .await;
    let second = store
        .take_code("code-1", now, now + Duration::minutes(10))
        .await
        .unwrap();

    // Assert
    assert!(put_again.is_err());
    assert_eq!(
        second,
        CodeTake::AlreadyUsed {
            family_id: "family-1".into()
        }
    );
}

/// The most the `-wal` file may reach while refresh tokens rotate under always-busy readers
/// (README, "Storage"): the store restarts the log every few hundred writes, and the file is
/// cut back to `journal_size_limit` after each restart.
const WAL_BOUND: u64 = 16 * 1024 * 1024;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_store_keeps_the_wal_bounded_while_readers_are_always_busy() {
    use std::sync::atomic::{AtomicBool, Ordering};

    // Arrange: one family, and readers that never stop reading it. SQLite's own automatic
    // checkpoint cannot restart a log that some reader is always using, so without a
    // checkpoint of the store's own the log grows with every commit.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("authgate.sqlite");
    let wal = dir.path().join("authgate.sqlite-wal");
    let now = now();
    let family = RefreshFamily {
        client_id: "app".into(),
        scopes: vec!["openid".into()],
        identity: identity(),
        auth_time: 1_700_000_000,
        aws: None,
        sso_session: None,
        origin: None,
    };
    let store = Arc::new(SqliteStore::open(&path).await.unwrap());
    store
        .create_refresh_family("family-1", &family, "token-0", now + Duration::hours(1))
        .await
        .unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let (store, stop) = (Arc::clone(&store), Arc::clone(&stop));
            tokio::spawn(async move {
                let mut reads = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    store.find_refresh_family("token-0", now).await.unwrap();
                    reads += 1;
                }
                reads
            })
        })
        .collect();

    // Act: thousands of rotations, each its own durable commit.
    let mut largest = 0;
    for i in 0..2500 {
        let rotation = store
            .rotate_refresh_token(&format!("token-{i}"), &format!("token-{}", i + 1), now)
            .await
            .unwrap();
        assert!(matches!(rotation, RefreshRotation::Rotated { .. }), "{i}");
        largest = largest.max(std::fs::metadata(&wal).map_or(0, |m| m.len()));
    }
    stop.store(true, Ordering::Relaxed);
    let mut reads = 0;
    for reader in readers {
        reads += reader.await.unwrap();
    }

    // Assert
    println!("largest -wal file: {largest} bytes, {reads} reads");
    assert!(reads > 2500, "the readers were not busy: {reads} reads");
    assert!(
        largest <= WAL_BOUND,
        "the -wal file reached {largest} bytes (bound {WAL_BOUND})"
    );
    store.close().await;
}

fn grant(family_id: &str) -> CodeGrant {
    CodeGrant {
        client_id: "app".into(),
        redirect_uri: "https://app.example.com/callback".into(),
        scopes: vec!["openid".into()],
        nonce: None,
        code_challenge: None,
        identity: identity(),
        auth_time: 1_700_000_000,
        family_id: family_id.into(),
        aws: None,
        sso_session: None,
        origin: None,
    }
}

fn family() -> RefreshFamily {
    RefreshFamily {
        client_id: "app".into(),
        scopes: vec!["openid".into()],
        identity: identity(),
        auth_time: 1_700_000_000,
        aws: None,
        sso_session: None,
        origin: None,
    }
}

/// Holds the store's writer, lets `spawn` queue `expected` writes behind it, releases it, and
/// returns how many commits those writes took with the tasks' results.
async fn queued_behind_a_held_writer<T: Send + 'static>(
    store: &Arc<SqliteStore>,
    expected: usize,
    spawn: impl FnOnce(&mut tokio::task::JoinSet<T>),
) -> (u64, Vec<T>) {
    let release = store.hold_writes().await.unwrap();
    let commits_before = store.write_stats().commits();
    let mut tasks = tokio::task::JoinSet::new();
    spawn(&mut tasks);
    // Not a sleep: the tasks only have to reach the queue, which they do without waiting on
    // anything but the scheduler.
    while store.queued_writes() < expected {
        tokio::task::yield_now().await;
    }
    drop(release);
    let results = tasks.join_all().await;
    (store.write_stats().commits() - commits_before, results)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_store_commits_concurrent_writes_together() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(
        SqliteStore::open(&dir.path().join("a.sqlite"))
            .await
            .unwrap(),
    );
    let now = now();

    // Act: 100 writes queued while the writer is busy.
    let (commits, results) = queued_behind_a_held_writer(&store, 100, |tasks| {
        for i in 0..100 {
            let store = Arc::clone(&store);
            tasks.spawn(async move {
                store
                    .put_code(
                        &format!("code-{i}"),
                        &grant("f"),
                        now + Duration::minutes(1),
                    )
                    .await
            });
        }
    })
    .await;

    // Assert: one commit (one fsync) for all of them, and every one of them durable.
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    assert_eq!(commits, 1);
    for i in 0..100 {
        let take = store
            .take_code(&format!("code-{i}"), now, now + Duration::minutes(5))
            .await
            .unwrap();
        assert!(matches!(take, CodeTake::Taken(_)), "code-{i}: {take:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_store_fails_a_failing_write_alone_within_its_batch() {
    // Arrange: a code and a refresh token that already exist.
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(
        SqliteStore::open(&dir.path().join("a.sqlite"))
            .await
            .unwrap(),
    );
    let now = now();
    let later = now + Duration::hours(1);
    store.put_code("taken", &grant("f"), later).await.unwrap();
    store
        .create_refresh_family("existing", &family(), "token-0", later)
        .await
        .unwrap();

    // Act: one batch holding good writes, a one-statement write that breaks a constraint, and
    // a two-statement write whose second statement does (its family insert must not stay).
    let (commits, results) = queued_behind_a_held_writer(&store, 22, |tasks| {
        for i in 0..10 {
            let store = Arc::clone(&store);
            tasks.spawn(async move {
                (
                    "good",
                    store
                        .put_code(&format!("code-{i}"), &grant("f"), later)
                        .await,
                )
            });
        }
        let clashing = Arc::clone(&store);
        tasks.spawn(async move {
            (
                "clash",
                clashing.put_code("taken", &grant("g"), later).await,
            )
        });
        let half = Arc::clone(&store);
        tasks.spawn(async move {
            let created = half
                .create_refresh_family("half", &family(), "token-0", later)
                .await;
            ("half", created)
        });
        for i in 0..10 {
            let store = Arc::clone(&store);
            tasks.spawn(async move {
                let put = store
                    .put_browser_session(&format!("s-{i}"), b"data", later)
                    .await;
                ("good", put)
            });
        }
    })
    .await;

    // Assert: the two bad writes failed, alone; the other twenty committed in the same batch.
    assert_eq!(commits, 1);
    for (what, result) in &results {
        assert_eq!(result.is_ok(), *what == "good", "{what}: {result:?}");
    }
    for i in 0..10 {
        assert!(matches!(
            store
                .take_code(&format!("code-{i}"), now, later)
                .await
                .unwrap(),
            CodeTake::Taken(_)
        ));
        assert!(
            store
                .get_browser_session(&format!("s-{i}"), now)
                .await
                .unwrap()
                .is_some()
        );
    }
    assert!(
        store
            .get_active_refresh_family("half", now)
            .await
            .unwrap()
            .is_none(),
        "a failed job's first statement stayed"
    );
    // The clash left the existing code as it was: still for family f, still unused.
    match store.take_code("taken", now, later).await.unwrap() {
        CodeTake::Taken(grant) => assert_eq!(grant.family_id, "f"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn sqlite_store_undoes_all_of_a_lone_write_that_fails_part_way() {
    // Arrange: a family whose first token's hash the next family will clash with.
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("a.sqlite"))
        .await
        .unwrap();
    let later = now() + Duration::hours(1);
    store
        .create_refresh_family("existing", &family(), "token-0", later)
        .await
        .unwrap();

    // Act: alone in its batch (no savepoint), the family inserts and its token does not.
    let clash = store
        .create_refresh_family("half", &family(), "token-0", later)
        .await;

    // Assert
    assert!(clash.is_err());
    assert!(
        store
            .get_active_refresh_family("half", now())
            .await
            .unwrap()
            .is_none(),
        "the failed write's first statement was committed"
    );
}
