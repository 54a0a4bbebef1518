//! The PostgreSQL the tests run on: the private cluster `scripts/postgres.sh` starts (it sets
//! `AUTHGATE_TEST_POSTGRES_URL`; `scripts/test.sh` runs the suite through it). Every test gets
//! a database of its own, so tests never see each other's rows, locks or schema versions.
//!
//! Without the variable a PostgreSQL test fails when `CI` is set (CI must not pass by running
//! nothing) and is skipped elsewhere, saying so on stderr.

use authgate::store::postgres::{PostgresOptions, PostgresStore};
use sqlx::{Connection, PgConnection};
use std::io::Write;
use std::net::SocketAddr;
use std::sync::Once;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

pub const URL_VAR: &str = "AUTHGATE_TEST_POSTGRES_URL";
/// The CA that signed the cluster's server certificate, when the script turned TLS on.
pub const CA_VAR: &str = "AUTHGATE_TEST_POSTGRES_CA";

/// A fresh, empty database on the test cluster.
pub struct TestDatabase {
    /// Its URL, password included (what `store.url_env` holds).
    pub url: String,
    /// Its URL without the password (what `store.url` holds).
    pub url_without_password: String,
    pub password: String,
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The cluster's URL, or `None` (after saying why, once) when there is none and this is not CI.
pub fn cluster_url() -> Option<String> {
    match std::env::var(URL_VAR) {
        Ok(url) if !url.is_empty() => Some(url),
        _ if in_ci() => panic!(
            "{URL_VAR} is not set, so the PostgreSQL tests cannot run; in CI they must: \
             scripts/test.sh runs the suite inside scripts/postgres.sh, which starts a private \
             cluster"
        ),
        _ => {
            static SAID: Once = Once::new();
            SAID.call_once(|| {
                // Straight to stderr: the test harness captures `eprintln!` of passing tests.
                let _ = writeln!(
                    std::io::stderr(),
                    "note: the PostgreSQL tests are skipped: {URL_VAR} is not set \
                     (`scripts/postgres.sh run -- cargo test` starts a private cluster for them)"
                );
            });
            None
        }
    }
}

/// A database of this test's own, or `None` when PostgreSQL tests are skipped here.
pub async fn database() -> Option<TestDatabase> {
    Some(database_on(&cluster_url()?).await)
}

/// A fresh database on the cluster `admin` names.
async fn database_on(admin: &str) -> TestDatabase {
    let name = format!("authgate_test_{}", uuid::Uuid::new_v4().simple());
    let mut connection = PgConnection::connect(admin)
        .await
        .expect("connect to the test cluster");
    // The name is ours (letters, digits, underscores), so it needs no quoting.
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut connection)
        .await
        .expect("create the test database");
    connection.close().await.expect("close");

    let mut url = url::Url::parse(admin).expect("cluster URL");
    url.set_path(&name);
    let password = url
        .password()
        .expect("the cluster URL has a password")
        .to_string();
    let with_password = url.to_string();
    url.set_password(None).expect("no password");
    TestDatabase {
        url: with_password,
        url_without_password: url.to_string(),
        password,
    }
}

/// A cluster of one test's own, for a test that stops the server (the shared cluster serves
/// every other test): `scripts/postgres.sh start`, `halt` (as a crash: `pg_ctl -m immediate`),
/// `resume` and, when dropped, `stop`.
pub struct PrivateCluster {
    dir: std::path::PathBuf,
    admin: String,
}

impl PrivateCluster {
    /// Started, or `None` when PostgreSQL tests are skipped here (the shared cluster's
    /// variable decides, as for every PostgreSQL test).
    pub async fn start() -> Option<PrivateCluster> {
        cluster_url()?;
        // Not a tempdir: the script makes the directory itself, for the server's owner.
        let dir =
            std::env::temp_dir().join(format!("authgate-pg-{}", uuid::Uuid::new_v4().simple()));
        let mut cluster = PrivateCluster {
            dir,
            admin: String::new(),
        };
        cluster.script("start").await;
        cluster.admin = std::fs::read_to_string(cluster.dir.join("url"))
            .expect("the script wrote the URL")
            .trim()
            .to_string();
        Some(cluster)
    }

    pub async fn database(&self) -> TestDatabase {
        database_on(&self.admin).await
    }

    /// Stops the server as a crash would; what it committed must survive.
    pub async fn halt(&self) {
        self.script("halt").await;
    }

    /// Starts it again on the same port, after it recovers from its WAL.
    pub async fn resume(&self) {
        self.script("resume").await;
    }

    async fn script(&self, command: &str) {
        let status = tokio::process::Command::new(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/postgres.sh"),
        )
        .arg(command)
        .arg(&self.dir)
        .stdout(std::process::Stdio::null())
        .status()
        .await
        .expect("run scripts/postgres.sh");
        assert!(status.success(), "scripts/postgres.sh {command}");
    }
}

impl Drop for PrivateCluster {
    fn drop(&mut self) {
        let _ = std::process::Command::new(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/postgres.sh"),
        )
        .arg("stop")
        .arg(&self.dir)
        .status();
    }
}

impl TestDatabase {
    /// How a replica reaches it: the URL without password, the password given apart.
    pub fn options(&self) -> PostgresOptions {
        PostgresOptions {
            url: self.url_without_password.clone(),
            password: Some(self.password.clone()),
            pool_size: 10,
            statement_timeout: Duration::from_secs(10),
            connect_timeout: Duration::from_secs(10),
        }
    }

    /// A store (one replica's pool) on this database, migrated.
    pub async fn store(&self) -> PostgresStore {
        PostgresStore::connect(&self.options())
            .await
            .expect("the store connects")
    }

    /// A connection of our own, to look at or tamper with what the store wrote.
    pub async fn connection(&self) -> PgConnection {
        PgConnection::connect(&self.url)
            .await
            .expect("connect to the test database")
    }

    /// The same database reached through `link` (see [`Link`]).
    pub fn url_through(&self, link: &Link) -> String {
        let mut url = url::Url::parse(&self.url_without_password).expect("url");
        url.set_port(Some(link.port)).expect("port");
        url.to_string()
    }

    /// The address of the cluster itself.
    pub fn address(&self) -> SocketAddr {
        let url = url::Url::parse(&self.url).expect("url");
        let host = url.host_str().expect("host");
        format!("{host}:{}", url.port().unwrap_or(5432))
            .parse()
            .expect("the cluster listens on an IP address")
    }
}

/// A TCP link to the database that a test can cut and restore: cut, it closes every
/// connection through it and stops listening (connections are refused, as from a stopped
/// server); restored, it listens again on the same port.
pub struct Link {
    pub port: u16,
    up: watch::Sender<bool>,
}

impl Link {
    pub async fn to(target: SocketAddr) -> Link {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let (up, watcher) = watch::channel(true);
        tokio::spawn(serve(listener, port, target, watcher));
        Link { port, up }
    }

    pub fn cut(&self) {
        self.up.send_replace(false);
    }

    pub fn restore(&self) {
        self.up.send_replace(true);
    }
}

async fn serve(
    mut listener: TcpListener,
    port: u16,
    target: SocketAddr,
    mut up: watch::Receiver<bool>,
) {
    loop {
        loop {
            tokio::select! {
                accepted = listener.accept() => {
                    if let Ok((client, _)) = accepted {
                        tokio::spawn(forward(client, target, up.clone()));
                    }
                }
                changed = up.changed() => {
                    if changed.is_err() {
                        return;
                    }
                    if !*up.borrow() {
                        break;
                    }
                }
            }
        }
        drop(listener);
        // Down: nothing listens on the port until the link is restored.
        loop {
            if up.changed().await.is_err() {
                return;
            }
            if *up.borrow() {
                break;
            }
        }
        listener = loop {
            match TcpListener::bind(("127.0.0.1", port)).await {
                Ok(listener) => break listener,
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        };
    }
}

async fn forward(mut client: TcpStream, target: SocketAddr, mut up: watch::Receiver<bool>) {
    let Ok(mut server) = TcpStream::connect(target).await else {
        return;
    };
    tokio::select! {
        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
        _ = up.wait_for(|up| !*up) => {}
    }
    // Dropping both ends cuts the connection.
}
