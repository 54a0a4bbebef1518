//! Two authgate processes on one PostgreSQL database, and apps driving refresh-token load
//! through them: what the multi-replica tests share.
//!
//! A refresh whose answer never arrived (the replica was killed, the database cut) may still
//! have rotated the token before it failed; a client holding such a token is *in doubt*, and
//! its token is spent or not depending on that commit. So load tasks stop at the first
//! failure they cannot rule that out for, and the check afterwards asks the database whether
//! the in-doubt token was rotated: a token a 200 handed out must be redeemable unless it was
//! spent by the very request that failed.

use super::app::{Authorize, TestApp, location, query_param};
use super::binary::{self, Server};
use super::postgres::TestDatabase;
use reqwest::StatusCode;
use serde_json::Value;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// One replica: the process and the config dir it runs from.
pub struct Replica {
    pub server: Server,
    pub app: TestApp,
    _dir: TempDir,
}

/// A store key for replicas that must share one.
pub fn store_key() -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(authgate::security::Sealer::generate_key())
}

/// Starts one replica whose `[store]` is `store` (see `postgres::replica_config`), with
/// `env` added to its environment.
pub fn start(store: &str, env: &[(&str, &str)]) -> Replica {
    let dir = tempfile::tempdir().unwrap();
    let config = crate::postgres::replica_config(&dir, store);
    let mut env = env.to_vec();
    // The demo page would need its own URL under the shared issuer: not what is tested here.
    env.extend([
        ("AUTHGATE_ISSUER", ISSUER),
        ("AUTHGATE_DEMO__ENABLED", "false"),
    ]);
    let server = binary::start_with_env(&config, "error", &env);
    let app = TestApp::remote(&server.address);
    Replica {
        server,
        app,
        _dir: dir,
    }
}

/// Two replicas on `db` sharing a store key. With `together`, both processes are spawned
/// at the same instant (threads released by one barrier), as an orchestrator starting a
/// deployment would.
pub fn start_two(db: &TestDatabase, env: &[(&str, &str)], together: bool) -> (Replica, Replica) {
    let key = store_key();
    let mut all: Vec<(&str, &str)> = vec![
        ("AUTHGATE_TEST_STORE_KEY", &key),
        ("AUTHGATE_TEST_DATABASE_URL", &db.url),
    ];
    all.extend_from_slice(env);
    let store = "url_env = \"AUTHGATE_TEST_DATABASE_URL\"";
    if !together {
        return (start(store, &all), start(store, &all));
    }
    let barrier = std::sync::Barrier::new(2);
    std::thread::scope(|scope| {
        let spawn = || {
            scope.spawn(|| {
                barrier.wait();
                start(store, &all)
            })
        };
        let (a, b) = (spawn(), spawn());
        (a.join().unwrap(), b.join().unwrap())
    })
}

/// Polls `condition` until it holds, failing after `within`.
pub async fn eventually<F, Fut>(what: &str, within: Duration, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + within;
    while !condition().await {
        assert!(Instant::now() < deadline, "not within {within:?}: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A fresh refresh token for `app`'s browser, which is already signed in (single sign-on:
/// no password), or `None` when the replica did not answer as it should.
pub async fn issue(app: &TestApp) -> Option<String> {
    let request = Authorize::native();
    let response = app
        .browser
        .get(app.url(&format!("/oauth2/authorize?{}", request.query())))
        .send()
        .await
        .ok()?;
    if response.status() != StatusCode::FOUND {
        return None;
    }
    let code = query_param(&location(&response), "code")?;
    let verifier = request.verifier.clone().unwrap_or_default();
    let response = app
        .api
        .post(app.url("/oauth2/token"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("client_id", &request.client_id),
            ("code", &code),
            ("redirect_uri", &request.redirect_uri),
            ("code_verifier", &verifier),
        ])
        .send()
        .await
        .ok()?;
    if response.status() != StatusCode::OK {
        return None;
    }
    let body: Value = response.json().await.ok()?;
    body["refresh_token"].as_str().map(str::to_string)
}

/// One refresh: the status and body, or `Err` when no answer came (connection lost).
pub async fn try_refresh(app: &TestApp, token: &str) -> Result<(StatusCode, Value), String> {
    let response = app
        .api
        .post(app.url("/oauth2/token"))
        .form(&[
            ("grant_type", "refresh_token"),
            ("client_id", "demo"),
            ("refresh_token", token),
        ])
        .timeout(Duration::from_secs(20))
        .send()
        .await
        .map_err(|e| format!("no answer: {e}"))?;
    let status = response.status();
    let body = response.json().await.unwrap_or(Value::Null);
    Ok((status, body))
}

/// True for a 503 `temporarily_unavailable`: the database is away, keep the token and retry.
pub fn unavailable(answer: &(StatusCode, Value)) -> bool {
    answer.0 == StatusCode::SERVICE_UNAVAILABLE && answer.1["error"] == "temporarily_unavailable"
}

/// What load tasks share: counts, the stop signal, and since when the outage is confirmed
/// (a request started after that cannot have committed anything, so its 503 leaves the
/// token as it was).
#[derive(Default)]
pub struct Load {
    pub refreshed: AtomicUsize,
    pub unavailable: AtomicUsize,
    pub stop: AtomicBool,
    pub down_since: OnceLock<Instant>,
    pub up_since: OnceLock<Instant>,
    /// Answers no client should get (anything but 200, or a 503 while the database is away).
    pub unexpected: Mutex<Vec<String>>,
}

impl Load {
    fn can_have_committed(&self, started: Instant) -> bool {
        match (self.down_since.get(), self.up_since.get()) {
            (Some(down), None) => started < *down,
            (Some(down), Some(up)) => started < *down || started >= *up,
            _ => true,
        }
    }
}

/// Where one refresh-token chain ended: the last token a 200 handed out, and whether the
/// request that presented it next failed in a way that may have spent it.
#[derive(Debug)]
pub struct Chain {
    pub token: String,
    pub in_doubt: bool,
}

/// Refreshes `token` on `app` again and again until told to stop. A 503 that cannot have
/// committed is retried with the same token; any other failure leaves the chain in doubt.
/// With `oracle` (the database's URL), a chain in doubt waits for the database to be back,
/// asks it whether the failed request spent the token, and goes on when it did not (the load
/// continues after an outage); without, or when it did, the chain ends there.
pub async fn churn(
    app: TestApp,
    mut token: String,
    load: Arc<Load>,
    oracle: Option<String>,
) -> Chain {
    while !load.stop.load(Ordering::Relaxed) {
        let started = Instant::now();
        let answer = try_refresh(&app, &token).await;
        match answer {
            Ok((StatusCode::OK, body)) => {
                token = body["refresh_token"]
                    .as_str()
                    .expect("refresh token")
                    .into();
                load.refreshed.fetch_add(1, Ordering::Relaxed);
                continue;
            }
            Ok(ref answer) if unavailable(answer) && !load.can_have_committed(started) => {
                load.unavailable.fetch_add(1, Ordering::Relaxed);
                // Back off a little rather than spin on a refused connection.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
            Ok(ref answer) if unavailable(answer) => {}
            Ok((status, body)) => {
                load.unexpected
                    .lock()
                    .unwrap()
                    .push(format!("{status} {body}"));
            }
            Err(_) => {}
        }
        let in_doubt = Chain {
            token: token.clone(),
            in_doubt: true,
        };
        let Some(url) = &oracle else {
            return in_doubt;
        };
        while load.up_since.get().is_none() {
            if load.stop.load(Ordering::Relaxed) {
                return in_doubt;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        if rotated(url, &token).await {
            return in_doubt;
        }
    }
    Chain {
        token,
        in_doubt: false,
    }
}

/// Whether the store has `token` rotated away (spent), asked of the database at `url`.
pub async fn rotated(url: &str, token: &str) -> bool {
    use sqlx::Connection;
    let mut connection = sqlx::PgConnection::connect(url).await.unwrap();
    sqlx::query_scalar::<_, bool>("SELECT rotated FROM refresh_tokens WHERE hash = $1")
        .bind(authgate::security::storage_hash(token))
        .fetch_optional(&mut connection)
        .await
        .unwrap()
        .unwrap_or(false)
}

/// A whole sign-in through `app` with `browser` (a password the first time, single sign-on
/// after): the token response. Unlike `TestApp::login` it does not expect `iss` to be the
/// replica's own address: replicas share the issuer, the load balancer's URL.
pub async fn sign_in(app: &TestApp, browser: &reqwest::Client) -> Value {
    let request = Authorize::native();
    let back = app.sign_in(browser, &request).await;
    let code = query_param(&back, "code").expect("code");
    let response = app.exchange(&request, &code).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// The issuer replicas share (their load balancer; plain http is allowed on localhost only).
pub const ISSUER: &str = "http://localhost:8000";

/// Every chain's last token must refresh on `on`, unless it is in doubt and the database has
/// it spent. Returns how many were redeemed.
pub async fn assert_redeemable(db: &TestDatabase, on: &TestApp, chains: &[Chain]) -> usize {
    let mut redeemed = 0;
    for chain in chains {
        if chain.in_doubt && rotated(&db.url, &chain.token).await {
            continue;
        }
        let answer = try_refresh(on, &chain.token).await;
        assert!(
            matches!(answer, Ok((StatusCode::OK, _))),
            "an acknowledged refresh token was lost (in doubt: {}): {answer:?}",
            chain.in_doubt
        );
        redeemed += 1;
    }
    redeemed
}
