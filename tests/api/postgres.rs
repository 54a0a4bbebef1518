//! PostgreSQL: the conformance suite, what two replicas (two pools on one database) racing
//! each other must show, the schema's migration, and whole authgate processes sharing it.
//! Each test runs on a database of its own (support/postgres.rs); without a cluster they are
//! skipped outside CI and fail in it.

use crate::support::app::*;
use crate::support::binary;
use crate::support::postgres::{CA_VAR, Link, database};
use authgate::identity::Identity;
use authgate::store::conformance::run_all;
use authgate::store::postgres::{PostgresStore, SCHEMA_VERSION};
use authgate::store::{CodeGrant, CodeTake, RefreshFamily, RefreshRotation, Store};
use reqwest::StatusCode;
use serde_json::{Map, Value};
use std::sync::Arc;
use time::{Duration, OffsetDateTime};
use tokio::sync::Barrier;
use tokio::task::JoinSet;

/// Callers racing from each of the two replicas.
const RACERS_PER_REPLICA: usize = 8;

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(OffsetDateTime::now_utc().unix_timestamp()).unwrap()
}

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

fn unique(kind: &str) -> String {
    format!("{kind}-{}", uuid::Uuid::new_v4())
}

/// Every racer gets a connection of its own before the race: without this, racers queue on
/// opening connections (TLS, SCRAM) and arrive one after another, which proves nothing.
async fn warm_up(store: &dyn Store, barrier: &Barrier) {
    barrier.wait().await;
    store.ping().await.expect("ping");
    barrier.wait().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_store_passes_the_conformance_suite() {
    let Some(db) = database().await else { return };
    let store: Arc<dyn Store> = Arc::new(db.store().await);

    // Twice, because the suite must not depend on a fresh store.
    run_all(Arc::clone(&store)).await;
    run_all(store).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_replicas_rotating_one_refresh_token_have_one_winner() {
    // Arrange: two pools on one database are two replicas; the family is made on the first.
    let Some(db) = database().await else { return };
    let replicas: [Arc<dyn Store>; 2] = [Arc::new(db.store().await), Arc::new(db.store().await)];
    let now = now();
    let (family_id, token) = (unique("family"), unique("refresh"));
    replicas[0]
        .create_refresh_family(&family_id, &family(), &token, now + Duration::hours(1))
        .await
        .unwrap();

    // Act: every racer presents the same token, half of them on each replica.
    let barrier = Arc::new(Barrier::new(2 * RACERS_PER_REPLICA));
    let mut racers = JoinSet::new();
    for i in 0..2 * RACERS_PER_REPLICA {
        let store = Arc::clone(&replicas[i % 2]);
        let barrier = Arc::clone(&barrier);
        let token = token.clone();
        racers.spawn(async move {
            let new_token = unique("refresh");
            warm_up(&*store, &barrier).await;
            let outcome = store.rotate_refresh_token(&token, &new_token, now).await;
            (new_token, outcome.expect("rotation under contention"))
        });
    }
    let outcomes = racers.join_all().await;

    // Assert: one rotation, every other caller told of the reuse (or of the revocation it
    // caused), and the family dead on both replicas, the winner's new token with it.
    let winners: Vec<&String> = outcomes
        .iter()
        .filter(
            |(_, o)| matches!(o, RefreshRotation::Rotated { family_id: f, .. } if *f == family_id),
        )
        .map(|(new_token, _)| new_token)
        .collect();
    assert_eq!(winners.len(), 1, "exactly one rotation wins: {outcomes:?}");
    let reused = RefreshRotation::Reused {
        family_id: family_id.clone(),
    };
    let revoked = RefreshRotation::Revoked {
        family_id: family_id.clone(),
    };
    assert!(
        outcomes
            .iter()
            .filter(|(t, _)| t != winners[0])
            .all(|(_, o)| *o == reused || *o == revoked),
        "{outcomes:?}"
    );
    assert!(outcomes.iter().any(|(_, o)| *o == reused), "{outcomes:?}");
    for replica in &replicas {
        assert_eq!(
            replica
                .get_active_refresh_family(&family_id, now)
                .await
                .unwrap(),
            None
        );
        assert_eq!(
            replica
                .rotate_refresh_token(winners[0], &unique("refresh"), now)
                .await
                .unwrap(),
            revoked
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_replicas_taking_one_code_have_one_winner() {
    // Arrange
    let Some(db) = database().await else { return };
    let replicas: [Arc<dyn Store>; 2] = [Arc::new(db.store().await), Arc::new(db.store().await)];
    let now = now();
    let code = unique("code");
    let grant = CodeGrant {
        client_id: "app".into(),
        redirect_uri: "https://app.example.com/callback".into(),
        scopes: vec!["openid".into()],
        nonce: None,
        code_challenge: None,
        identity: identity(),
        auth_time: 1_700_000_000,
        family_id: unique("family"),
        aws: None,
        sso_session: None,
        origin: None,
    };
    replicas[0]
        .put_code(&code, &grant, now + Duration::seconds(60))
        .await
        .unwrap();

    // Act
    let barrier = Arc::new(Barrier::new(2 * RACERS_PER_REPLICA));
    let mut racers = JoinSet::new();
    for i in 0..2 * RACERS_PER_REPLICA {
        let store = Arc::clone(&replicas[i % 2]);
        let barrier = Arc::clone(&barrier);
        let code = code.clone();
        racers.spawn(async move {
            warm_up(&*store, &barrier).await;
            store
                .take_code(&code, now, now + Duration::seconds(60))
                .await
                .expect("take under contention")
        });
    }
    let outcomes = racers.join_all().await;

    // Assert: one redemption; every other one learns which family to revoke.
    let taken = outcomes
        .iter()
        .filter(|o| **o == CodeTake::Taken(Box::new(grant.clone())))
        .count();
    assert_eq!(taken, 1, "{outcomes:?}");
    let used = CodeTake::AlreadyUsed {
        family_id: grant.family_id.clone(),
    };
    assert_eq!(
        outcomes.iter().filter(|o| **o == used).count(),
        2 * RACERS_PER_REPLICA - 1,
        "{outcomes:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replicas_starting_together_migrate_once() {
    // Arrange: an empty database.
    let Some(db) = database().await else { return };
    let options = db.options();

    // Act: four first starts at once.
    let mut starts = JoinSet::new();
    for _ in 0..4 {
        let options = options.clone();
        starts.spawn(async move { PostgresStore::connect(&options).await });
    }
    let stores: Vec<PostgresStore> = starts
        .join_all()
        .await
        .into_iter()
        .map(|s| s.expect("every replica starts"))
        .collect();

    // Assert: each version applied once, and every replica works on the result.
    let mut connection = db.connection().await;
    let versions: Vec<i64> = sqlx::query_scalar("SELECT version FROM schema_version ORDER BY 1")
        .fetch_all(&mut connection)
        .await
        .unwrap();
    assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<_>>());
    for store in &stores {
        store.ping().await.unwrap();
        assert_eq!(store.counter("k", now()).await.unwrap(), 0);
    }
}

#[tokio::test]
async fn a_database_from_a_newer_authgate_is_refused() {
    // Arrange: a database a later version migrated.
    let Some(db) = database().await else { return };
    let store = db.store().await;
    store
        .create_refresh_family("kept", &family(), "kept-token", now() + Duration::hours(1))
        .await
        .unwrap();
    store.close().await;
    let mut connection = db.connection().await;
    sqlx::query("INSERT INTO schema_version (version) VALUES ($1)")
        .bind(SCHEMA_VERSION + 1)
        .execute(&mut connection)
        .await
        .unwrap();

    // Act
    let refused = PostgresStore::connect(&db.options()).await;

    // Assert: refused with a reason, and nothing touched.
    let message = refused.expect_err("a newer schema is refused").to_string();
    assert!(
        message.contains(&format!(
            "schema version {} is newer than this authgate supports ({SCHEMA_VERSION})",
            SCHEMA_VERSION + 1
        )),
        "{message}"
    );
    let families: i64 = sqlx::query_scalar("SELECT count(*) FROM refresh_families")
        .fetch_one(&mut connection)
        .await
        .unwrap();
    assert_eq!(families, 1);
}

#[tokio::test]
async fn the_store_connects_over_verified_tls_and_refuses_an_unknown_server() {
    // Arrange: the cluster's CA, and one the server's certificate does not come from.
    let Some(db) = database().await else { return };
    let ca = std::env::var(CA_VAR).expect("scripts/postgres.sh sets the CA with the URL");
    let dir = tempfile::tempdir().unwrap();
    let other_ca = dir.path().join("other-ca.crt");
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    std::fs::write(&other_ca, params.self_signed(&key).unwrap().pem()).unwrap();
    let with_ca = |ca: &str| {
        let mut options = db.options();
        options.url = format!(
            "{}?sslmode=verify-full&sslrootcert={ca}",
            db.url_without_password
        );
        options.connect_timeout = std::time::Duration::from_secs(2);
        options
    };

    // Act
    let verified = PostgresStore::connect(&with_ca(&ca)).await;
    let unknown = PostgresStore::connect(&with_ca(&other_ca.display().to_string())).await;

    // Assert: the certificate is checked (chain and 127.0.0.1), and a refusal names neither
    // the password nor more than where it tried.
    verified
        .expect("verify-full with the cluster's CA")
        .ping()
        .await
        .unwrap();
    let message = unknown
        .expect_err("a server the CA did not certify is refused")
        .to_string();
    assert!(
        message.contains("cannot connect to PostgreSQL at 127.0.0.1:"),
        "{message}"
    );
    assert!(!message.contains(&db.password), "{message}");
}

/// A replica's config file: the test config, the store key every replica shares, and `store`.
pub(crate) fn replica_config(dir: &tempfile::TempDir, store: &str) -> std::path::PathBuf {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let path = dir.path().join("authgate.toml");
    let text = format!(
        "store_key_env = \"AUTHGATE_TEST_STORE_KEY\"\n{}\n[store]\n{store}\npool_size = 4\n",
        test_config(dir, port, "")
    );
    std::fs::write(&path, text).unwrap();
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_on_one_database_behave_as_one_service() {
    // Arrange: two authgate processes on one database, sharing the store key; A reads the
    // whole URL from the environment, B the URL from its config and the password from a file.
    let Some(db) = database().await else { return };
    let store_key = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(authgate::security::Sealer::generate_key())
    };
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let password_file = dir_b.path().join("db-password");
    std::fs::write(&password_file, format!("{}\n", db.password)).unwrap();
    let config_a = replica_config(&dir_a, "url_env = \"AUTHGATE_TEST_DATABASE_URL\"");
    let config_b = replica_config(
        &dir_b,
        &format!(
            "url = \"{}\"\npassword_file = \"{}\"",
            db.url_without_password,
            password_file.display()
        ),
    );
    let server_a = binary::start_with_env(
        &config_a,
        "debug",
        &[
            ("AUTHGATE_TEST_STORE_KEY", &store_key),
            ("AUTHGATE_TEST_DATABASE_URL", &db.url),
        ],
    );
    let server_b = binary::start_with_env(
        &config_b,
        "debug",
        &[("AUTHGATE_TEST_STORE_KEY", &store_key)],
    );
    let (a, b) = (
        TestApp::remote(&server_a.address),
        TestApp::remote(&server_b.address),
    );

    // Act / Assert: a code issued by A is redeemed on B...
    let request = Authorize::native();
    let code = a.code_for(&a.browser, &request).await;
    let response = b.exchange(&request, &code).await;
    assert_eq!(response.status(), StatusCode::OK, "B redeems A's code");
    let first: Value = response.json().await.unwrap();
    let first_refresh = first["refresh_token"].as_str().unwrap();
    // ...and is then used up on A too, which revokes what B issued for it.
    let (status, error) = error_code(a.exchange(&request, &code).await).await;
    assert_eq!(
        (status, error.as_str()),
        (StatusCode::BAD_REQUEST, "invalid_grant")
    );
    let (status, error) = error_code(a.refresh("demo", first_refresh).await).await;
    assert_eq!(
        (status, error.as_str()),
        (StatusCode::BAD_REQUEST, "invalid_grant")
    );

    // The SSO session made on A is seen by B: the same browser goes straight back.
    let request = Authorize::native();
    let response = b.authorize(&a.browser, &request).await;
    assert_eq!(
        response.status(),
        StatusCode::FOUND,
        "B skips the sign-in page"
    );
    let code = query_param(&location(&response), "code").expect("code");
    let response = a.exchange(&request, &code).await;
    assert_eq!(response.status(), StatusCode::OK);
    let tokens: Value = response.json().await.unwrap();
    let refresh = tokens["refresh_token"].as_str().unwrap();

    // A refresh token rotated on A is refused on B, and that reuse ends the family on both.
    let response = a.refresh("demo", refresh).await;
    assert_eq!(response.status(), StatusCode::OK, "A rotates");
    let rotated: Value = response.json().await.unwrap();
    let rotated = rotated["refresh_token"].as_str().unwrap();
    let (status, error) = error_code(b.refresh("demo", refresh).await).await;
    assert_eq!(
        (status, error.as_str()),
        (StatusCode::BAD_REQUEST, "invalid_grant"),
        "B refuses the token A rotated away"
    );
    let (status, error) = error_code(a.refresh("demo", rotated).await).await;
    assert_eq!(
        (status, error.as_str()),
        (StatusCode::BAD_REQUEST, "invalid_grant"),
        "the reuse on B revoked the family A had rotated"
    );

    // Each replica's store operations are measured under the backend they ran on.
    let metrics = a.get(&a.api, "/metrics").await.text().await.unwrap();
    assert!(
        metrics.lines().any(
            |l| l.starts_with("authgate_store_operation_duration_seconds_count")
                && l.contains("backend=\"postgres\"")
                && l.contains("operation=\"redeem_code\"")
        ),
        "{metrics}"
    );

    // Neither replica logged the database password or the store key, even at debug.
    let log = format!(
        "{}{}",
        server_a.output.lock().unwrap(),
        server_b.output.lock().unwrap()
    );
    assert!(log.contains("store: PostgreSQL"), "{log}");
    assert_not_logged(
        &log,
        [
            ("database password", db.password.clone()),
            ("store key", store_key),
        ],
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn while_the_database_is_away_answers_are_503_and_it_recovers() {
    // Arrange: an app whose every connection to the database goes through a link we can cut.
    let Some(db) = database().await else { return };
    let link = Link::to(db.address()).await;
    let secrets = tempfile::tempdir().unwrap();
    let password_file = secrets.path().join("db-password");
    std::fs::write(&password_file, &db.password).unwrap();
    let app = spawn_app_with(&format!(
        "[store]\nurl = \"{}\"\npassword_file = \"{}\"\nconnect_timeout = \"1s\"\n",
        db.url_through(&link),
        password_file.display()
    ))
    .await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let refresh = tokens["refresh_token"].as_str().unwrap();

    // Act: the database goes away (open connections cut, new ones refused).
    link.cut();

    // Assert: not ready; programs get 503 `temporarily_unavailable` (keep your token, retry),
    // people the 503 page; what needs no database still answers.
    let ready = app.get(&app.api, "/readyz").await;
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    let (status, error) = error_code(app.refresh("demo", refresh).await).await;
    assert_eq!(
        (status, error.as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "temporarily_unavailable")
    );
    let page = app.authorize(&browser(), &Authorize::native()).await;
    assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("Temporarily unavailable")
    );
    for path in ["/healthz", "/.well-known/jwks.json"] {
        assert_eq!(
            app.get(&app.api, path).await.status(),
            StatusCode::OK,
            "{path}"
        );
    }

    // Act: it comes back.
    link.restore();

    // Assert: ready again by itself, and the refresh token handed out before still works.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while app.get(&app.api, "/readyz").await.status() != StatusCode::OK {
        assert!(
            std::time::Instant::now() < deadline,
            "not ready again in 15 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let response = app.refresh("demo", refresh).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(app.login(&browser(), &Authorize::native()).await["refresh_token"].is_string());
}

#[tokio::test]
async fn authgate_migrate_prepares_a_database_and_refuses_a_newer_one() {
    // Arrange: a config naming an empty database.
    let Some(db) = database().await else { return };
    let dir = tempfile::tempdir().unwrap();
    let password_file = dir.path().join("db-password");
    std::fs::write(&password_file, &db.password).unwrap();
    let config = dir.path().join("authgate.toml");
    std::fs::write(
        &config,
        test_config(
            &dir,
            8080,
            &format!(
                "[store]\nurl = \"{}\"\npassword_file = \"{}\"\n",
                db.url_without_password,
                password_file.display()
            ),
        ),
    )
    .unwrap();
    let migrate = || async {
        let output = tokio::time::timeout(
            std::time::Duration::from_secs(60),
            tokio::process::Command::new(env!("CARGO_BIN_EXE_authgate"))
                .args(["migrate", "--config"])
                .arg(&config)
                .output(),
        )
        .await
        .expect("migrate finishes")
        .unwrap();
        (
            output.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ),
        )
    };

    // Act / Assert: migrated, and migrating again changes nothing.
    for _ in 0..2 {
        let (ok, output) = migrate().await;
        assert!(ok, "{output}");
        assert!(output.contains("the store's schema is current"), "{output}");
    }
    let mut connection = db.connection().await;
    let versions: Vec<i64> = sqlx::query_scalar("SELECT version FROM schema_version ORDER BY 1")
        .fetch_all(&mut connection)
        .await
        .unwrap();
    assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<_>>());

    // A database a newer authgate migrated: refused, saying why, without a panic or a secret.
    sqlx::query("INSERT INTO schema_version (version) VALUES ($1)")
        .bind(SCHEMA_VERSION + 1)
        .execute(&mut connection)
        .await
        .unwrap();
    let (ok, output) = migrate().await;
    assert!(!ok, "{output}");
    assert!(
        output.contains("newer than this authgate supports"),
        "{output}"
    );
    assert!(!output.contains("panicked"), "{output}");
    assert!(!output.contains(&db.password), "{output}");
}
