//! The [`Store`] for several replicas: one PostgreSQL database shared by every authgate.
//!
//! Every operation the trait calls atomic is one statement (`UPDATE … RETURNING`,
//! `INSERT … ON CONFLICT`, or data-modifying CTEs). Under PostgreSQL's READ COMMITTED, two
//! replicas racing on one row queue on its row lock, and the one that waited re-checks its
//! `WHERE` against the row the winner committed: of two takes of one code, or two rotations of
//! one refresh token, exactly one matches. Every statement is its own transaction and commits
//! (with PostgreSQL's default `synchronous_commit = on`, after the WAL is flushed) before the
//! call returns, so nothing is handed out that a crash could take back.
//!
//! Times are whole unix seconds in `BIGINT` columns and records the same JSON as in
//! [`super::sqlite`], so both backends read `now` and expiries identically. Rate-limit counters
//! live in an `UNLOGGED` table: not written to the WAL, so several times cheaper, and emptied
//! by a database crash (a reset of failure counts, never of anything a client holds).
//!
//! The schema is versioned in `schema_version`; [`PostgresStore::connect`] brings it up to
//! date in one transaction behind an advisory lock, so replicas starting together migrate
//! once, and refuses a database stamped by a newer authgate.

use super::{
    AuthRequest, CodeGrant, CodeTake, CounterHit, IssueFamily, Redemption, RefreshFamily,
    RefreshRotation, SigningKeyRecord, SigningKeySet, SsoSession, Store, StoreError, StoreResult,
    UserSessions, UserSessionsEnded,
};
use async_trait::async_trait;
use serde::{Serialize, de::DeserializeOwned};
use sqlx::Row;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use std::fmt;
use std::str::FromStr;
use std::time::Duration;
use time::OffsetDateTime;

/// The schema this code writes; a database stamped with a later version was migrated by a
/// newer authgate and is refused rather than misread.
pub const SCHEMA_VERSION: i64 = 4;

/// `pg_advisory_xact_lock` keys ("authgate" in ASCII, then + 1): the migration, and garbage
/// collection. Advisory locks are per database, so other databases on the server are not
/// affected.
const MIGRATION_LOCK: i64 = 0x6175_7468_6761_7465;
const COLLECTION_LOCK: i64 = MIGRATION_LOCK + 1;

/// Version 1: what the SQLite store's version 4 holds, in PostgreSQL's types. Tokens share
/// their family's `expires_at`, so collecting expired families never strands tokens; the
/// cascade is a backstop for a family deleted some other way. The family's `client_id`,
/// `sso_session` and user repeat what its record holds, so that signing out finds the families
/// without reading records.
const V1: &[&str] = &[
    "CREATE TABLE auth_requests (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        expires_at BIGINT NOT NULL
    )",
    "CREATE INDEX auth_requests_expires_at ON auth_requests (expires_at)",
    "CREATE TABLE codes (
        hash TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        family_id TEXT NOT NULL,
        used BOOLEAN NOT NULL DEFAULT false,
        expires_at BIGINT NOT NULL
    )",
    "CREATE INDEX codes_expires_at ON codes (expires_at)",
    "CREATE TABLE refresh_families (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        client_id TEXT NOT NULL,
        revoked BOOLEAN NOT NULL DEFAULT false,
        expires_at BIGINT NOT NULL,
        sso_session TEXT,
        user_provider TEXT NOT NULL,
        user_subject TEXT NOT NULL
    )",
    "CREATE INDEX refresh_families_expires_at ON refresh_families (expires_at)",
    "CREATE INDEX refresh_families_sso_session ON refresh_families (sso_session)",
    "CREATE INDEX refresh_families_user ON refresh_families (user_subject, user_provider)",
    "CREATE TABLE refresh_tokens (
        hash TEXT PRIMARY KEY,
        family_id TEXT NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
        rotated BOOLEAN NOT NULL DEFAULT false,
        expires_at BIGINT NOT NULL
    )",
    "CREATE INDEX refresh_tokens_family_id ON refresh_tokens (family_id)",
    "CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at)",
    "CREATE TABLE sso_sessions (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        user_provider TEXT NOT NULL,
        user_subject TEXT NOT NULL
    )",
    "CREATE INDEX sso_sessions_expires_at ON sso_sessions (expires_at)",
    "CREATE INDEX sso_sessions_user ON sso_sessions (user_subject, user_provider)",
    "CREATE TABLE browser_sessions (
        id TEXT PRIMARY KEY,
        data BYTEA NOT NULL,
        expires_at BIGINT NOT NULL
    )",
    "CREATE INDEX browser_sessions_expires_at ON browser_sessions (expires_at)",
    "CREATE TABLE signing_keys (
        kid TEXT PRIMARY KEY,
        record TEXT NOT NULL
    )",
    "CREATE UNLOGGED TABLE counters (
        key TEXT PRIMARY KEY,
        count BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
    )",
    "CREATE INDEX counters_expires_at ON counters (expires_at)",
    "CREATE TABLE identity_ids (
        key TEXT PRIMARY KEY,
        identity_id TEXT NOT NULL,
        expires_at BIGINT NOT NULL
    )",
    "CREATE INDEX identity_ids_expires_at ON identity_ids (expires_at)",
];

/// Version 2: the key set's version, which replicas compare-and-set when they create or
/// rotate signing keys (`replace_signing_keys`), so that keys change once, not per replica.
const V2: &[&str] = &[
    "CREATE TABLE signing_key_set (
        id BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
        version BIGINT NOT NULL
    )",
    "INSERT INTO signing_key_set (id, version) VALUES (true, 0)",
];

/// Version 3: one-time SAML assertion ids (hashed), kept until the assertion expires.
const V3: &[&str] = &[
    "CREATE TABLE used_assertions (
        id_hash TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL
    )",
    "CREATE INDEX used_assertions_expires_at ON used_assertions (expires_at)",
];

/// Version 4: SSO sessions repeat their upstream (SAML) session index, so that an IdP's
/// logout request finds the sessions it names; existing rows are filled in from their records.
const V4: &[&str] = &[
    "ALTER TABLE sso_sessions ADD COLUMN session_index TEXT",
    "UPDATE sso_sessions
        SET session_index = record::jsonb -> 'identity' -> 'upstream_session' ->> 'session_index'",
];

/// Every schema version and the statements that reach it from the one before, oldest first.
/// A change to the schema is a new entry (and [`SCHEMA_VERSION`] raised), never an edit of
/// an old one: databases out there were migrated by the old text.
const MIGRATIONS: &[(i64, &[&str])] = &[(1, V1), (2, V2), (3, V3), (4, V4)];

// Children before parents so every deleted row is counted: a cascade would delete tokens
// without them showing up in `rows_affected`.
const EXPIRING_TABLES: &[&str] = &[
    "auth_requests",
    "codes",
    "refresh_tokens",
    "refresh_families",
    "sso_sessions",
    "browser_sessions",
    "counters",
    "identity_ids",
    "used_assertions",
];

/// Connection parameters authgate passes on to the driver (libpq's names and sqlx's spellings
/// of them). Anything else is refused before the driver sees it: the driver would log an
/// unknown parameter with its value, which may be a mistyped password.
const URL_PARAMETERS: &[&str] = &[
    "sslmode",
    "ssl-mode",
    "sslrootcert",
    "ssl-root-cert",
    "ssl-ca",
    "sslcert",
    "ssl-cert",
    "sslkey",
    "ssl-key",
    "statement-cache-capacity",
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "password",
    "application_name",
    "options",
];

/// How to reach the database: built at start from `[store]` (see docs/configuration.md).
/// Its `Debug` shows neither password.
#[derive(Clone)]
pub struct PostgresOptions {
    /// `postgres://user@host:port/database?sslmode=verify-full`; may carry a password when it
    /// came from the environment (`store.url_env`).
    pub url: String,
    /// From `store.password_env` or `store.password_file`; wins over one in the URL.
    pub password: Option<String>,
    /// Connections this replica keeps open at most.
    pub pool_size: u32,
    /// Longest a statement may run on the server before PostgreSQL cancels it.
    pub statement_timeout: Duration,
    /// Longest a request waits for a connection (a new one included) before the store counts
    /// as unavailable.
    pub connect_timeout: Duration,
}

impl fmt::Debug for PostgresOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PostgresOptions")
            .field("url", &redacted_url(&self.url))
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("pool_size", &self.pool_size)
            .field("statement_timeout", &self.statement_timeout)
            .field("connect_timeout", &self.connect_timeout)
            .finish()
    }
}

/// Checks a connection URL without ever quoting it: a `postgres://` or `postgresql://` URL
/// with a host, whose parameters are ones the driver knows. `Err` says what is wrong.
pub fn check_url(url: &str) -> Result<(), String> {
    let parsed = url::Url::parse(url).map_err(|_| "not a URL".to_string())?;
    if !matches!(parsed.scheme(), "postgres" | "postgresql") {
        return Err("must start with postgres:// or postgresql://".into());
    }
    let host_parameter = parsed.query_pairs().any(|(key, _)| key == "host");
    if parsed.host_str().is_none_or(str::is_empty) && !host_parameter {
        return Err("names no host".into());
    }
    for (key, _) in parsed.query_pairs() {
        let known =
            URL_PARAMETERS.contains(&&*key) || (key.starts_with("options[") && key.ends_with(']'));
        if !known {
            return Err(format!("unknown connection parameter `{key}`"));
        }
    }
    Ok(())
}

/// True when the URL carries a password (in its user info or a `password` parameter).
pub fn url_has_password(url: &str) -> bool {
    url::Url::parse(url)
        .is_ok_and(|u| u.password().is_some() || u.query_pairs().any(|(key, _)| key == "password"))
}

/// The URL with any password replaced, for messages and `Debug`.
pub fn redacted_url(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return "<not a URL>".into();
    };
    if parsed.password().is_some() {
        let _ = parsed.set_password(Some("redacted"));
    }
    if parsed.query_pairs().any(|(key, _)| key == "password") {
        let pairs: Vec<(String, String)> = parsed
            .query_pairs()
            .map(|(k, v)| {
                let v = if k == "password" {
                    "redacted".into()
                } else {
                    v.into_owned()
                };
                (k.into_owned(), v)
            })
            .collect();
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    }
    parsed.to_string()
}

/// PostgreSQL-backed [`Store`]. Cloning is cheap and shares the pool.
#[derive(Clone, Debug)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects, and brings the schema up to date (or refuses a newer one). Fails when the
    /// database cannot be reached within `connect_timeout`.
    pub async fn connect(options: &PostgresOptions) -> StoreResult<PostgresStore> {
        check_url(&options.url).map_err(|e| StoreError::Backend(format!("store URL: {e}")))?;
        // The driver's own parse errors may quote the URL: replace them.
        let mut connect = PgConnectOptions::from_str(&options.url)
            .map_err(|_| StoreError::Backend("store URL: not a PostgreSQL URL".into()))?
            .application_name("authgate")
            .options([(
                "statement_timeout",
                format!("{}ms", options.statement_timeout.as_millis().max(1)),
            )]);
        if let Some(password) = &options.password {
            connect = connect.password(password);
        }
        let target = format!(
            "{}:{}/{}",
            connect.get_host(),
            connect.get_port(),
            connect.get_database().unwrap_or("")
        );
        let pool = PgPoolOptions::new()
            .max_connections(options.pool_size.max(1))
            .min_connections(0)
            .acquire_timeout(options.connect_timeout)
            .connect_with(connect)
            .await
            .map_err(|e| {
                StoreError::Backend(format!("cannot connect to PostgreSQL at {target}: {e}"))
            })?;
        migrate(&pool).await?;
        Ok(PostgresStore { pool })
    }

    /// Closes the pool, waiting for queries in flight; for an orderly shutdown and tests.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// One transaction: take the migration lock (a second replica starting now waits here, then
/// finds the schema current), read the version, apply what is missing, stamp it.
async fn migrate(pool: &PgPool) -> StoreResult<()> {
    let mut tx = pool.begin().await.map_err(backend)?;
    // Waiting for another replica's migration is part of starting: no statement timeout. And
    // no NOTICE ("already exists, skipping") for the driver to log on every start.
    for setting in [
        "SET LOCAL statement_timeout = 0",
        "SET LOCAL client_min_messages = warning",
    ] {
        sqlx::query(setting)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
    }
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(MIGRATION_LOCK)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS schema_version (
            version BIGINT PRIMARY KEY,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )",
    )
    .execute(&mut *tx)
    .await
    .map_err(backend)?;
    let version: Option<i64> = sqlx::query_scalar("SELECT max(version) FROM schema_version")
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
    let version = version.unwrap_or(0);
    if version > SCHEMA_VERSION {
        return Err(StoreError::Backend(format!(
            "database schema version {version} is newer than this authgate supports \
             ({SCHEMA_VERSION}); run the newer authgate, or restore a backup made before it"
        )));
    }
    for (to, statements) in MIGRATIONS.iter().filter(|(to, _)| *to > version) {
        tracing::info!(from = version, to, "migrating the PostgreSQL schema");
        for statement in *statements {
            sqlx::query(statement)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        sqlx::query("INSERT INTO schema_version (version) VALUES ($1)")
            .bind(to)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
    }
    tx.commit().await.map_err(backend)
}

/// A refresh family and its first token in one statement (one round trip; one commit outside a
/// transaction).
async fn insert_family<'e>(
    db: impl sqlx::PgExecutor<'e>,
    family_id: &str,
    family: &RefreshFamily,
    token_hash: &str,
    expires_at: OffsetDateTime,
) -> StoreResult<()> {
    sqlx::query(
        "WITH family AS (
             INSERT INTO refresh_families (id, record, client_id, revoked, expires_at,
                                           sso_session, user_provider, user_subject)
             VALUES ($1, $2, $3, false, $4, $5, $6, $7)
             RETURNING id, expires_at
         )
         INSERT INTO refresh_tokens (hash, family_id, rotated, expires_at)
         SELECT $8, id, false, expires_at FROM family",
    )
    .bind(family_id)
    .bind(encode("refresh family", family)?)
    .bind(&family.client_id)
    .bind(secs(expires_at))
    .bind(family.sso_session.as_deref())
    .bind(&family.identity.provider)
    .bind(&family.identity.upstream_subject)
    .bind(token_hash)
    .execute(db)
    .await
    .map_err(backend)?;
    Ok(())
}

fn backend(e: sqlx::Error) -> StoreError {
    StoreError::Backend(e.to_string())
}

fn encode<T: Serialize>(what: &str, value: &T) -> StoreResult<String> {
    serde_json::to_string(value)
        .map_err(|_| StoreError::Backend(format!("{what} record could not be encoded")))
}

// serde_json's messages quote the offending input, which may be a secret: report only the
// kind of error and where it was.
/// A listed record from its row: id, JSON record, expiry.
fn listed<T: DeserializeOwned>(
    what: &str,
    (id, record, expires_at): (String, String, i64),
) -> StoreResult<crate::store::Listed<T>> {
    Ok(crate::store::Listed {
        id,
        record: decode(what, &record)?,
        expires_at: from_secs(expires_at),
    })
}

fn decode<T: DeserializeOwned>(what: &str, json: &str) -> StoreResult<T> {
    serde_json::from_str(json).map_err(|e| {
        StoreError::Corrupt(format!(
            "{what} record: {:?} error at line {} column {}",
            e.classify(),
            e.line(),
            e.column()
        ))
    })
}

// Whole seconds, rounded down for both stored expiries and `now`: a record may expire up to a
// second early, never late.
fn secs(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}

/// A stored expiry back as a time; one past what `time` can represent (a saturated window) reads
/// as the latest time it can.
fn from_secs(secs: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(secs).unwrap_or(if secs < 0 {
        time::PrimitiveDateTime::MIN.assume_utc()
    } else {
        time::PrimitiveDateTime::MAX.assume_utc()
    })
}

fn window_secs(window: Duration) -> i64 {
    // Rounded up so a sub-second remainder never shortens the window.
    let secs = window
        .as_secs()
        .saturating_add(u64::from(window.subsec_nanos() > 0));
    i64::try_from(secs).unwrap_or(i64::MAX)
}

fn count_u32(count: i64) -> u32 {
    u32::try_from(count.max(0)).unwrap_or(u32::MAX)
}

fn count_u64(count: i64) -> u64 {
    u64::try_from(count).unwrap_or(0)
}

impl PostgresStore {
    async fn get_record<T: DeserializeOwned>(
        &self,
        what: &str,
        select: &str,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<T>> {
        let record: Option<String> = sqlx::query_scalar(select)
            .bind(id)
            .bind(secs(now))
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        record.map(|r| decode(what, &r)).transpose()
    }

    /// A statement whose one parameter is the key it acts on.
    async fn execute_for(&self, statement: &str, key: &str) -> StoreResult<()> {
        sqlx::query(statement)
            .bind(key)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[async_trait]
impl Store for PostgresStore {
    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn put_auth_request(
        &self,
        id: &str,
        request: &AuthRequest,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO auth_requests (id, record, expires_at) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET record = excluded.record,
                                            expires_at = excluded.expires_at",
        )
        .bind(id)
        .bind(encode("auth request", request)?)
        .bind(secs(expires_at))
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn get_auth_request(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<AuthRequest>> {
        self.get_record(
            "auth request",
            "SELECT record FROM auth_requests WHERE id = $1 AND expires_at > $2",
            id,
            now,
        )
        .await
    }

    async fn delete_auth_request(&self, id: &str) -> StoreResult<()> {
        self.execute_for("DELETE FROM auth_requests WHERE id = $1", id)
            .await
    }

    async fn put_code(
        &self,
        code_hash: &str,
        grant: &CodeGrant,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        // A plain INSERT, never an upsert: overwriting a used code's tombstone would make it
        // redeemable again.
        sqlx::query(
            "INSERT INTO codes (hash, record, family_id, used, expires_at)
             VALUES ($1, $2, $3, false, $4)",
        )
        .bind(code_hash)
        .bind(encode("code", grant)?)
        .bind(&grant.family_id)
        .bind(secs(expires_at))
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn redeem_code(
        &self,
        code_hash: &str,
        now: OffsetDateTime,
        keep_used_until: OffsetDateTime,
        issue: IssueFamily,
    ) -> StoreResult<Redemption> {
        // The take is one statement: a concurrent take (on any replica) waits for this row's
        // lock, then re-checks `NOT used` against the committed row and matches nothing. The
        // family it issues is inserted in the same transaction, so both commit or neither.
        let mut tx = self.pool.begin().await.map_err(backend)?;
        let taken: Option<String> = sqlx::query_scalar(
            "UPDATE codes SET used = true, expires_at = $1
             WHERE hash = $2 AND NOT used AND expires_at > $3
             RETURNING record",
        )
        .bind(secs(keep_used_until))
        .bind(code_hash)
        .bind(secs(now))
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?;
        if let Some(record) = taken {
            let grant = decode::<CodeGrant>("code", &record);
            let issued = grant.as_ref().ok().and_then(issue);
            if let (Ok(grant), Some(new)) = (&grant, &issued) {
                insert_family(
                    &mut *tx,
                    &grant.family_id,
                    &new.family,
                    &new.token_hash,
                    new.expires_at,
                )
                .await?;
            }
            tx.commit().await.map_err(backend)?;
            return Ok(Redemption {
                take: CodeTake::Taken(Box::new(grant?)),
                issued,
            });
        }
        tx.rollback().await.map_err(backend)?;
        // A new statement reads the latest commit: whichever take beat us is visible.
        let used_by: Option<String> = sqlx::query_scalar(
            "SELECT family_id FROM codes WHERE hash = $1 AND used AND expires_at > $2",
        )
        .bind(code_hash)
        .bind(secs(now))
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        let take = match used_by {
            Some(family_id) => CodeTake::AlreadyUsed { family_id },
            None => CodeTake::Missing,
        };
        Ok(Redemption { take, issued: None })
    }

    async fn create_refresh_family(
        &self,
        family_id: &str,
        family: &RefreshFamily,
        token_hash: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        insert_family(&self.pool, family_id, family, token_hash, expires_at).await
    }

    async fn rotate_refresh_token(
        &self,
        old_hash: &str,
        new_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<RefreshRotation> {
        let now = secs(now);
        // Hot path, one statement: mark the old token rotated only if it is active and its
        // family alive, and insert the new one (with the family's expiry) only if it was. Two
        // replicas rotating one token queue on its row lock; the second re-checks
        // `NOT rotated` against the first's commit and inserts nothing.
        let rotated = sqlx::query(
            "WITH old AS (
                 UPDATE refresh_tokens t SET rotated = true
                 FROM refresh_families f
                 WHERE t.hash = $2 AND NOT t.rotated AND t.expires_at > $3
                   AND f.id = t.family_id AND NOT f.revoked AND f.expires_at > $3
                 RETURNING t.family_id, f.expires_at, f.record
             ), new AS (
                 INSERT INTO refresh_tokens (hash, family_id, rotated, expires_at)
                 SELECT $1, family_id, false, expires_at FROM old
                 RETURNING family_id
             )
             SELECT new.family_id, old.record FROM new JOIN old ON old.family_id = new.family_id",
        )
        .bind(new_hash)
        .bind(old_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        if let Some(row) = rotated {
            let family_id: String = row.try_get("family_id").map_err(backend)?;
            let record: String = row.try_get("record").map_err(backend)?;
            let family: RefreshFamily = decode("refresh family", &record)?;
            return Ok(RefreshRotation::Rotated { family_id, family });
        }

        // Not rotatable. A token rotated away and presented again is a replay: revoke its
        // family (one statement, so of two replays exactly one reports it).
        let reused: Option<String> = sqlx::query_scalar(
            "UPDATE refresh_families SET revoked = true
             WHERE id = (SELECT family_id FROM refresh_tokens
                         WHERE hash = $1 AND rotated AND expires_at > $2)
               AND NOT revoked AND expires_at > $2
             RETURNING id",
        )
        .bind(old_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        if let Some(family_id) = reused {
            return Ok(RefreshRotation::Reused { family_id });
        }
        let revoked: Option<String> = sqlx::query_scalar(
            "SELECT t.family_id FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
             WHERE t.hash = $1 AND t.expires_at > $2 AND f.expires_at > $2 AND f.revoked",
        )
        .bind(old_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        Ok(match revoked {
            Some(family_id) => RefreshRotation::Revoked { family_id },
            None => RefreshRotation::Missing,
        })
    }

    async fn find_refresh_family(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<(String, RefreshFamily)>> {
        let row = sqlx::query(
            "SELECT f.id, f.record
             FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
             WHERE t.hash = $1 AND t.expires_at > $2 AND f.expires_at > $2",
        )
        .bind(token_hash)
        .bind(secs(now))
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let family_id: String = row.try_get("id").map_err(backend)?;
        let record: String = row.try_get("record").map_err(backend)?;
        Ok(Some((family_id, decode("refresh family", &record)?)))
    }

    async fn revoke_refresh_family(&self, family_id: &str) -> StoreResult<()> {
        self.execute_for(
            "UPDATE refresh_families SET revoked = true WHERE id = $1",
            family_id,
        )
        .await
    }

    async fn update_refresh_family(
        &self,
        family_id: &str,
        family: &RefreshFamily,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        let updated = sqlx::query(
            "UPDATE refresh_families SET record = $1
             WHERE id = $2 AND NOT revoked AND expires_at > $3",
        )
        .bind(encode("refresh family", family)?)
        .bind(family_id)
        .bind(secs(now))
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(updated.rows_affected() == 1)
    }

    async fn get_active_refresh_family(
        &self,
        family_id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<RefreshFamily>> {
        self.get_record(
            "refresh family",
            "SELECT record FROM refresh_families
             WHERE id = $1 AND NOT revoked AND expires_at > $2",
            family_id,
            now,
        )
        .await
    }

    async fn revoke_sso_session_families(
        &self,
        sso_session: &str,
        keep_clients: &[String],
        now: OffsetDateTime,
    ) -> StoreResult<u64> {
        let revoked = sqlx::query(
            "UPDATE refresh_families SET revoked = true
             WHERE sso_session = $1 AND NOT revoked AND expires_at > $2
               AND client_id <> ALL($3)",
        )
        .bind(sso_session)
        .bind(secs(now))
        .bind(keep_clients)
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(revoked.rows_affected())
    }

    async fn end_user_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        now: OffsetDateTime,
    ) -> StoreResult<UserSessionsEnded> {
        // One statement: no family or SSO session of the user survives half of it.
        let row = sqlx::query(
            "WITH families AS (
                 UPDATE refresh_families SET revoked = true
                 WHERE user_subject = $1 AND user_provider = $2 AND NOT revoked
                   AND expires_at > $3
                 RETURNING 1
             ), sessions AS (
                 DELETE FROM sso_sessions
                 WHERE user_subject = $1 AND user_provider = $2 AND expires_at > $3
                 RETURNING 1
             )
             SELECT (SELECT count(*) FROM families) AS families,
                    (SELECT count(*) FROM sessions) AS sso_sessions",
        )
        .bind(upstream_subject)
        .bind(provider)
        .bind(secs(now))
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        Ok(UserSessionsEnded {
            families: count_u64(row.try_get("families").map_err(backend)?),
            sso_sessions: count_u64(row.try_get("sso_sessions").map_err(backend)?),
        })
    }

    async fn user_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        now: OffsetDateTime,
    ) -> StoreResult<UserSessions> {
        // Both through the (user_subject, user_provider) indexes.
        let families: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT id, record, expires_at FROM refresh_families
             WHERE user_subject = $1 AND user_provider = $2 AND NOT revoked AND expires_at > $3
             ORDER BY id",
        )
        .bind(upstream_subject)
        .bind(provider)
        .bind(secs(now))
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let sso_sessions: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT id, record, expires_at FROM sso_sessions
             WHERE user_subject = $1 AND user_provider = $2 AND expires_at > $3
             ORDER BY id",
        )
        .bind(upstream_subject)
        .bind(provider)
        .bind(secs(now))
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        Ok(UserSessions {
            families: families
                .into_iter()
                .map(|row| listed("refresh family", row))
                .collect::<StoreResult<_>>()?,
            sso_sessions: sso_sessions
                .into_iter()
                .map(|row| listed("sso session", row))
                .collect::<StoreResult<_>>()?,
        })
    }

    async fn end_upstream_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        session_indexes: &[String],
        keep_clients: &[String],
        now: OffsetDateTime,
    ) -> StoreResult<UserSessionsEnded> {
        // One statement: the families are found through the sessions it deletes.
        let row = sqlx::query(
            "WITH ended AS (
                 DELETE FROM sso_sessions
                 WHERE user_subject = $1 AND user_provider = $2
                   AND (cardinality($3::text[]) = 0 OR session_index = ANY($3))
                 RETURNING id, expires_at
             ), families AS (
                 UPDATE refresh_families SET revoked = true
                 WHERE sso_session IN (SELECT id FROM ended) AND NOT revoked
                   AND expires_at > $4 AND client_id <> ALL($5)
                 RETURNING 1
             )
             SELECT (SELECT count(*) FROM families) AS families,
                    (SELECT count(*) FROM ended WHERE expires_at > $4) AS sso_sessions",
        )
        .bind(upstream_subject)
        .bind(provider)
        .bind(session_indexes)
        .bind(secs(now))
        .bind(keep_clients)
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        Ok(UserSessionsEnded {
            families: count_u64(row.try_get("families").map_err(backend)?),
            sso_sessions: count_u64(row.try_get("sso_sessions").map_err(backend)?),
        })
    }

    async fn put_sso_session(
        &self,
        id: &str,
        session: &SsoSession,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO sso_sessions (id, record, expires_at, user_provider, user_subject,
                                       session_index)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (id) DO UPDATE SET record = excluded.record,
                                            expires_at = excluded.expires_at,
                                            user_provider = excluded.user_provider,
                                            user_subject = excluded.user_subject,
                                            session_index = excluded.session_index",
        )
        .bind(id)
        .bind(encode("sso session", session)?)
        .bind(secs(expires_at))
        .bind(&session.identity.provider)
        .bind(&session.identity.upstream_subject)
        .bind(
            session
                .identity
                .upstream_session
                .as_ref()
                .and_then(|u| u.session_index.as_deref()),
        )
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn get_sso_session(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<SsoSession>> {
        self.get_record(
            "sso session",
            "SELECT record FROM sso_sessions WHERE id = $1 AND expires_at > $2",
            id,
            now,
        )
        .await
    }

    async fn delete_sso_session(&self, id: &str) -> StoreResult<()> {
        self.execute_for("DELETE FROM sso_sessions WHERE id = $1", id)
            .await
    }

    async fn put_browser_session(
        &self,
        id: &str,
        data: &[u8],
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO browser_sessions (id, data, expires_at) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET data = excluded.data,
                                            expires_at = excluded.expires_at",
        )
        .bind(id)
        .bind(data)
        .bind(secs(expires_at))
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn get_browser_session(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<Vec<u8>>> {
        sqlx::query_scalar("SELECT data FROM browser_sessions WHERE id = $1 AND expires_at > $2")
            .bind(id)
            .bind(secs(now))
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)
    }

    async fn delete_browser_session(&self, id: &str) -> StoreResult<()> {
        self.execute_for("DELETE FROM browser_sessions WHERE id = $1", id)
            .await
    }

    async fn signing_keys(&self) -> StoreResult<Vec<SigningKeyRecord>> {
        let records: Vec<String> =
            sqlx::query_scalar("SELECT record FROM signing_keys ORDER BY kid")
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
        records.iter().map(|r| decode("signing key", r)).collect()
    }

    async fn signing_key_set(&self) -> StoreResult<SigningKeySet> {
        // One statement, so the version and the keys come from one snapshot.
        let rows = sqlx::query(
            "SELECT s.version, k.record FROM signing_key_set s
             LEFT JOIN signing_keys k ON true ORDER BY k.kid",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let mut set = SigningKeySet {
            version: 0,
            keys: Vec::new(),
        };
        for row in rows {
            set.version = row.try_get(0).map_err(backend)?;
            if let Some(record) = row.try_get::<Option<String>, _>(1).map_err(backend)? {
                set.keys.push(decode("signing key", &record)?);
            }
        }
        Ok(set)
    }

    /// The version row's lock orders racing replicas: the one that waited re-checks
    /// `version = expected` against the winner's commit, matches nothing, and rolls back.
    async fn replace_signing_keys(
        &self,
        expected_version: i64,
        keys: &[SigningKeyRecord],
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await.map_err(backend)?;
        let advanced =
            sqlx::query("UPDATE signing_key_set SET version = version + 1 WHERE version = $1")
                .bind(expected_version)
                .execute(&mut *tx)
                .await
                .map_err(backend)?
                .rows_affected();
        if advanced == 0 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM signing_keys")
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        for key in keys {
            sqlx::query("INSERT INTO signing_keys (kid, record) VALUES ($1, $2)")
                .bind(&key.kid)
                .bind(encode("signing key", key)?)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        tx.commit().await.map_err(backend)?;
        Ok(true)
    }

    async fn put_signing_key(&self, key: &SigningKeyRecord) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO signing_keys (kid, record) VALUES ($1, $2)
             ON CONFLICT (kid) DO UPDATE SET record = excluded.record",
        )
        .bind(&key.kid)
        .bind(encode("signing key", key)?)
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn delete_signing_key(&self, kid: &str) -> StoreResult<()> {
        self.execute_for("DELETE FROM signing_keys WHERE kid = $1", kid)
            .await
    }

    async fn hit_counter_window(
        &self,
        key: &str,
        window: Duration,
        now: OffsetDateTime,
    ) -> StoreResult<CounterHit> {
        let now = secs(now);
        let window_end = now.saturating_add(window_secs(window));
        // One upsert, so concurrent hits on a key (from any replica) are never lost to a
        // read-modify-write race. SET expressions see the row as it was, so both CASEs test
        // the old expiry.
        let (count, expires_at): (i64, i64) = sqlx::query_as(
            "INSERT INTO counters (key, count, expires_at) VALUES ($1, 1, $3)
             ON CONFLICT (key) DO UPDATE SET
                 count = CASE WHEN counters.expires_at <= $2 THEN 1
                              ELSE counters.count + 1 END,
                 expires_at = CASE WHEN counters.expires_at <= $2 THEN $3
                                   ELSE counters.expires_at END
             RETURNING count, expires_at",
        )
        .bind(key)
        .bind(now)
        .bind(window_end)
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        Ok(CounterHit {
            count: count_u32(count),
            window_ends: from_secs(expires_at),
        })
    }

    async fn release_counter(&self, key: &str, now: OffsetDateTime) -> StoreResult<()> {
        // One statement, like `hit_counter`: concurrent hits and releases are never lost.
        sqlx::query(
            "UPDATE counters SET count = GREATEST(count - 1, 0)
             WHERE key = $1 AND expires_at > $2",
        )
        .bind(key)
        .bind(secs(now))
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn counter(&self, key: &str, now: OffsetDateTime) -> StoreResult<u32> {
        let count: Option<i64> =
            sqlx::query_scalar("SELECT count FROM counters WHERE key = $1 AND expires_at > $2")
                .bind(key)
                .bind(secs(now))
                .fetch_optional(&self.pool)
                .await
                .map_err(backend)?;
        Ok(count.map_or(0, count_u32))
    }

    async fn reset_counter(&self, key: &str) -> StoreResult<()> {
        self.execute_for("DELETE FROM counters WHERE key = $1", key)
            .await
    }

    async fn put_identity_id(
        &self,
        key: &str,
        identity_id: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO identity_ids (key, identity_id, expires_at) VALUES ($1, $2, $3)
             ON CONFLICT (key) DO UPDATE SET identity_id = excluded.identity_id,
                                             expires_at = excluded.expires_at",
        )
        .bind(key)
        .bind(identity_id)
        .bind(secs(expires_at))
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn get_identity_id(&self, key: &str, now: OffsetDateTime) -> StoreResult<Option<String>> {
        sqlx::query_scalar(
            "SELECT identity_id FROM identity_ids WHERE key = $1 AND expires_at > $2",
        )
        .bind(key)
        .bind(secs(now))
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)
    }

    async fn delete_identity_id(&self, key: &str) -> StoreResult<()> {
        self.execute_for("DELETE FROM identity_ids WHERE key = $1", key)
            .await
    }

    /// Every replica runs this on its own timer; one at a time does the work. A replica that
    /// finds another collecting returns 0 at once rather than queue behind it on the same rows
    /// (what it would have deleted is that replica's work, or the next round's).
    async fn mark_assertion_used(
        &self,
        id_hash: &str,
        expires_at: OffsetDateTime,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        // One statement: the primary key serialises racing replicas; an expired row is
        // replaced, a live one left alone, and the row count says which.
        let result = sqlx::query(
            "INSERT INTO used_assertions (id_hash, expires_at) VALUES ($1, $2)
             ON CONFLICT (id_hash) DO UPDATE SET expires_at = excluded.expires_at
             WHERE used_assertions.expires_at <= $3",
        )
        .bind(id_hash)
        .bind(secs(expires_at))
        .bind(secs(now))
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(result.rows_affected() == 1)
    }

    async fn close(&self) {
        PostgresStore::close(self).await;
    }

    async fn collect_expired(&self, now: OffsetDateTime) -> StoreResult<u64> {
        let now = secs(now);
        let mut tx = self.pool.begin().await.map_err(backend)?;
        let ours: bool = sqlx::query_scalar("SELECT pg_try_advisory_xact_lock($1)")
            .bind(COLLECTION_LOCK)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        if !ours {
            return Ok(0);
        }
        let mut deleted = 0u64;
        for table in EXPIRING_TABLES {
            // Table names come from the constant list above, never from input.
            let result = sqlx::query(&format!("DELETE FROM {table} WHERE expires_at <= $1"))
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
            deleted = deleted.saturating_add(result.rows_affected());
        }
        tx.commit().await.map_err(backend)?;
        Ok(deleted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(url: &str, password: Option<&str>) -> PostgresOptions {
        PostgresOptions {
            url: url.into(),
            password: password.map(str::to_string),
            pool_size: 4,
            statement_timeout: Duration::from_secs(5),
            connect_timeout: Duration::from_secs(5),
        }
    }

    #[test]
    fn debug_shows_no_password() {
        let shown = format!(
            "{:?}",
            options(
                "postgres://authgate:url-secret@db.example.com/authgate?sslmode=require",
                Some("file-secret")
            )
        );
        assert!(!shown.contains("url-secret"), "{shown}");
        assert!(!shown.contains("file-secret"), "{shown}");
        assert!(shown.contains("db.example.com"), "{shown}");
        assert!(shown.contains("sslmode=require"), "{shown}");
    }

    #[test]
    fn redaction_covers_a_password_parameter() {
        let shown =
            redacted_url("postgres://db.example.com/authgate?password=p4ss&sslmode=require");
        assert!(!shown.contains("p4ss"), "{shown}");
        assert!(shown.contains("sslmode=require"), "{shown}");
        assert_eq!(redacted_url("not a url: p4ss"), "<not a URL>");
    }

    #[test]
    fn urls_are_checked_without_being_quoted() {
        assert_eq!(
            check_url("postgresql://u@db.example.com:5432/authgate?sslmode=verify-full"),
            Ok(())
        );
        assert_eq!(
            check_url("postgres://u@db/a?options[search_path]=authgate&application_name=x"),
            Ok(())
        );
        for (url, problem) in [
            ("mysql://db.example.com/a", "postgres://"),
            ("postgres:///a", "host"),
            ("db.example.com:5432", "postgres://"),
            ("postgres://db/a?pasword=s3cret", "`pasword`"),
        ] {
            let err = check_url(url).expect_err(url);
            assert!(err.contains(problem), "{url}: {err}");
            assert!(!err.contains("s3cret"), "{err}");
        }
        assert!(url_has_password("postgres://u:p@db/a"));
        assert!(url_has_password("postgres://u@db/a?password=p"));
        assert!(!url_has_password("postgres://u@db/a?sslmode=require"));
    }
}
