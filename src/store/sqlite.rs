//! The embedded [`Store`]: one SQLite file in WAL mode, one serialised writer, a few readers;
//! the rate-limit and throttle counters in process memory ([`LocalCounters`]): a SQLite file
//! has one authgate process.

use super::local_counters::LocalCounters;
use super::{
    AuthRequest, CodeGrant, CodeTake, CounterHit, IssueFamily, Redemption, RefreshFamily,
    RefreshRotation, SigningKeyRecord, SigningKeySet, SsoSession, Store, StoreError, StoreResult,
    UserSessions, UserSessionsEnded,
};
use async_trait::async_trait;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Params};
use serde::{Serialize, de::DeserializeOwned};
use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use time::OffsetDateTime;
use writer::{Shape, Writer};

mod writer;
pub use writer::WriteStats;

/// The schema this code writes; a file stamped with a later version was written by a newer
/// authgate and is refused rather than misread.
const SCHEMA_VERSION: i64 = 7;

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
const READER_CONNECTIONS: u32 = 4;

/// Writes (jobs, not batches) between two `wal_checkpoint(RESTART)`s. SQLite's automatic
/// checkpoint (PASSIVE, every 1000 pages) copies the log into the database but can only start
/// the log over when no reader holds a snapshot in it, which never happens while readers are
/// always busy: the `-wal` file then grows with every commit (630 MiB after 20 s of refresh
/// rotations). RESTART waits (busy handler) for the readers of old snapshots to finish, so the
/// next commit starts the log over. At a few pages per write this caps the log at a few MiB.
const CHECKPOINT_EVERY: u64 = 256;

/// `journal_size_limit`: what a restarted `-wal` file is cut back to. Without it the file keeps
/// its largest size for good, even when the log in it is short.
const WAL_SIZE_LIMIT: u64 = 4 * 1024 * 1024;

// STRICT so a type slip in a query fails loudly instead of being coerced and stored.
// Tokens share their family's `expires_at`, so collecting expired families never strands
// tokens; the cascade is only a backstop for a family deleted some other way.
const SCHEMA: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS auth_requests (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        expires_at INTEGER NOT NULL
    ) STRICT",
    "CREATE INDEX IF NOT EXISTS auth_requests_expires_at ON auth_requests (expires_at)",
    "CREATE TABLE IF NOT EXISTS codes (
        hash TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        family_id TEXT NOT NULL,
        used INTEGER NOT NULL DEFAULT 0,
        expires_at INTEGER NOT NULL
    ) STRICT",
    "CREATE INDEX IF NOT EXISTS codes_expires_at ON codes (expires_at)",
    // `sso_session`, `user_provider` and `user_subject` repeat what the record holds, so that
    // signing out of a browser or out of everything finds the families without reading them.
    "CREATE TABLE IF NOT EXISTS refresh_families (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0,
        expires_at INTEGER NOT NULL,
        sso_session TEXT,
        user_provider TEXT,
        user_subject TEXT
    ) STRICT",
    "CREATE INDEX IF NOT EXISTS refresh_families_expires_at ON refresh_families (expires_at)",
    "CREATE INDEX IF NOT EXISTS refresh_families_sso_session ON refresh_families (sso_session)",
    "CREATE INDEX IF NOT EXISTS refresh_families_user ON refresh_families (user_subject, user_provider)",
    "CREATE TABLE IF NOT EXISTS refresh_tokens (
        hash TEXT PRIMARY KEY,
        family_id TEXT NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
        rotated INTEGER NOT NULL DEFAULT 0,
        expires_at INTEGER NOT NULL,
        parent TEXT
    ) STRICT",
    "CREATE INDEX IF NOT EXISTS refresh_tokens_family_id ON refresh_tokens (family_id)",
    "CREATE INDEX IF NOT EXISTS refresh_tokens_expires_at ON refresh_tokens (expires_at)",
    // `session_index` repeats the record's upstream (SAML) session index, so that an IdP's
    // logout request finds the sessions it names (version 7).
    "CREATE TABLE IF NOT EXISTS sso_sessions (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        user_provider TEXT,
        user_subject TEXT,
        session_index TEXT
    ) STRICT",
    "CREATE INDEX IF NOT EXISTS sso_sessions_expires_at ON sso_sessions (expires_at)",
    "CREATE INDEX IF NOT EXISTS sso_sessions_user ON sso_sessions (user_subject, user_provider)",
    "CREATE TABLE IF NOT EXISTS browser_sessions (
        id TEXT PRIMARY KEY,
        data BLOB NOT NULL,
        expires_at INTEGER NOT NULL
    ) STRICT",
    "CREATE INDEX IF NOT EXISTS browser_sessions_expires_at ON browser_sessions (expires_at)",
    "CREATE TABLE IF NOT EXISTS signing_keys (
        kid TEXT PRIMARY KEY,
        record TEXT NOT NULL
    ) STRICT",
    // The key set's version, for `replace_signing_keys`' compare-and-set: one row.
    "CREATE TABLE IF NOT EXISTS signing_key_set (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL
    ) STRICT",
    "INSERT OR IGNORE INTO signing_key_set (id, version) VALUES (1, 0)",
    IDENTITY_IDS_TABLE,
    "CREATE INDEX IF NOT EXISTS identity_ids_expires_at ON identity_ids (expires_at)",
    // Version 6: one-time SAML assertion ids (hashed), kept until the assertion expires. New
    // tables need no migration entry: this list is idempotent and runs on every open.
    "CREATE TABLE IF NOT EXISTS used_assertions (
        id_hash TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL
    ) STRICT",
    "CREATE INDEX IF NOT EXISTS used_assertions_expires_at ON used_assertions (expires_at)",
    // Inserting a rotated-to token marks its parent rotated in the same statement, so the
    // rotation's hot path is one statement on the single writer.
    "CREATE TRIGGER IF NOT EXISTS refresh_tokens_rotate_parent AFTER INSERT ON refresh_tokens
     WHEN NEW.parent IS NOT NULL
     BEGIN UPDATE refresh_tokens SET rotated = 1 WHERE hash = NEW.parent; END",
];

/// Identity-pool identity ids per (pool, user): added in schema version 3.
const IDENTITY_IDS_TABLE: &str = "CREATE TABLE IF NOT EXISTS identity_ids (
        key TEXT PRIMARY KEY,
        identity_id TEXT NOT NULL,
        expires_at INTEGER NOT NULL
    ) STRICT";

/// Upgrades from earlier schema versions, run before [`SCHEMA`] (which is idempotent).
const MIGRATIONS: &[(i64, &str)] = &[
    (1, "ALTER TABLE refresh_tokens ADD COLUMN parent TEXT"),
    (2, IDENTITY_IDS_TABLE),
    // Version 4: families know their user and SSO session, SSO sessions their user; existing
    // rows are filled in from their records. (A file too old to have sso_sessions gets the
    // version-3 table first, so the ALTERs have something to alter.)
    (
        3,
        "ALTER TABLE refresh_families ADD COLUMN sso_session TEXT",
    ),
    (
        3,
        "ALTER TABLE refresh_families ADD COLUMN user_provider TEXT",
    ),
    (
        3,
        "ALTER TABLE refresh_families ADD COLUMN user_subject TEXT",
    ),
    (
        3,
        "UPDATE refresh_families SET
            sso_session = json_extract(record, '$.sso_session'),
            user_provider = json_extract(record, '$.identity.provider'),
            user_subject = json_extract(record, '$.identity.upstream_subject')",
    ),
    (
        3,
        "CREATE TABLE IF NOT EXISTS sso_sessions (
            id TEXT PRIMARY KEY,
            record TEXT NOT NULL,
            expires_at INTEGER NOT NULL
        ) STRICT",
    ),
    (3, "ALTER TABLE sso_sessions ADD COLUMN user_provider TEXT"),
    (3, "ALTER TABLE sso_sessions ADD COLUMN user_subject TEXT"),
    (
        3,
        "UPDATE sso_sessions SET
            user_provider = json_extract(record, '$.identity.provider'),
            user_subject = json_extract(record, '$.identity.upstream_subject')",
    ),
    // Version 5 keeps the counters in a file of their own; the old ones lapse with the table.
    (4, "DROP TABLE IF EXISTS counters"),
    // Version 7: SSO sessions know their upstream (SAML) session index, for single logout.
    (6, "ALTER TABLE sso_sessions ADD COLUMN session_index TEXT"),
    (
        6,
        "UPDATE sso_sessions SET
            session_index = json_extract(record, '$.identity.upstream_session.session_index')",
    ),
];

// Children before parents so every deleted row is counted: a cascade would delete tokens
// without them showing up in `rows_affected`.
const EXPIRING_TABLES: &[&str] = &[
    "auth_requests",
    "codes",
    "refresh_tokens",
    "refresh_families",
    "sso_sessions",
    "browser_sessions",
    "identity_ids",
    "used_assertions",
];

/// SQLite-backed [`Store`]. Cloning is cheap and shares the pools.
#[derive(Clone, Debug)]
pub struct SqliteStore {
    /// Exactly one connection, owned by the group-commit thread ([`writer`]): SQLite admits one
    /// writer at a time, and queueing writes here (instead of in SQLite's busy handler) keeps
    /// bursts from turning into SQLITE_BUSY errors and lets one commit serve many of them.
    writer: Writer,
    /// Read-only connections; WAL lets them run alongside the writer.
    reader: SqlitePool,
    /// Rate-limit and throttle counters. Every rate-limited request hits them before its work
    /// (two or three hits per token request): in memory that is no statement, no thread
    /// hand-off and no queueing behind the writer. They need no durability (a restart
    /// forgets them), and one SQLite file serves one process, so nobody else needs to see them.
    counters: Arc<LocalCounters>,
}

/// `dir/authgate.sqlite` → `dir/authgate-counters.sqlite`: where versions 5 to 7 kept the
/// counters; removed when the store opens.
pub fn counters_path(path: &Path) -> std::path::PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "authgate".into(), |s| s.to_string_lossy());
    path.with_file_name(format!("{stem}-counters.sqlite"))
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub async fn open(path: &Path) -> StoreResult<SqliteStore> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            tokio::fs::create_dir_all(parent).await.map_err(|e| {
                StoreError::Backend(format!("cannot create the database directory: {e}"))
            })?;
        }

        let writer_path = path.to_owned();
        let writer = Writer::start(move || open_writer(&writer_path)).await?;

        // No journal_mode here: it is a property of the file (already WAL), and setting it
        // needs a write lock a read-only connection cannot take.
        let reader_options = SqliteConnectOptions::new()
            .filename(path)
            .read_only(true)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        let reader = SqlitePoolOptions::new()
            .max_connections(READER_CONNECTIONS)
            .connect_with(reader_options)
            .await
            .map_err(backend)?;

        remove_counters_file(&counters_path(path)).await;
        Ok(SqliteStore {
            writer,
            reader,
            counters: Arc::new(LocalCounters::new()),
        })
    }

    /// Closes every pool, waiting for queries in flight; for an orderly shutdown. Dropping the
    /// store without calling this loses nothing durable: every write has committed before it
    /// returns (the counters, in memory, are not meant to outlive the process).
    pub async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }

    /// Commits and writes so far on the store's own file: with group commit, fewer commits
    /// than writes under concurrent load.
    pub fn write_stats(&self) -> &WriteStats {
        self.writer.stats()
    }

    /// Test support: stops the writer between two batches until the returned sender is
    /// dropped, so writes queue behind it.
    #[cfg(any(test, feature = "conformance"))]
    pub async fn hold_writes(&self) -> StoreResult<tokio::sync::oneshot::Sender<()>> {
        self.writer.hold().await
    }

    /// Test support: writes waiting for the writer.
    #[cfg(any(test, feature = "conformance"))]
    pub fn queued_writes(&self) -> usize {
        self.writer.queued()
    }
}

/// `wal_checkpoint(RESTART)` on the writer: copies the log into the database (fsynced, as
/// `synchronous=FULL` has it) and makes the next commit start the log over. Readers are never
/// blocked; a checkpoint that cannot finish within the busy timeout is simply retried
/// [`CHECKPOINT_EVERY`] uses later, and the connection is kept either way.
fn checkpoint(conn: &Connection) {
    let outcome = conn.query_row("PRAGMA wal_checkpoint(RESTART)", [], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, i64>(1)?,
            row.get::<_, i64>(2)?,
        ))
    });
    match outcome {
        Ok((0, _, _)) => {}
        Ok((_, log, copied)) => {
            tracing::debug!(log, copied, "WAL checkpoint could not restart the log yet");
        }
        Err(error) => tracing::warn!(%error, "WAL checkpoint failed"),
    }
}

/// The writer's connection (creating the file if needed), its settings, and the schema brought
/// up to date; run on the writer's thread before its first write.
///
/// FULL, not WAL's usual NORMAL: a refresh token is handed out only after its commit returns,
/// and NORMAL may lose the last commits on power loss, which would turn a client's valid token
/// into an unknown one. The connection stays open for the life of the store: while one holds
/// the WAL open, its `-wal`/`-shm` files exist, which read-only connections need.
fn open_writer(path: &Path) -> StoreResult<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(write_failed)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(write_failed)?;
    // `journal_mode` answers with a row, which `pragma_update` has no use for.
    let journal: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
        .map_err(write_failed)?;
    if !journal.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Backend(format!(
            "the SQLite file could not be put in WAL mode (it is in {journal} mode)"
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(write_failed)?;
    conn.pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT as i64)
        .map_err(write_failed)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(write_failed)?;
    // Every statement the writer runs, its own and the store's, stays prepared.
    conn.set_prepared_statement_cache_capacity(64);
    migrate(&mut conn)?;
    Ok(conn)
}

/// Deletes the counters' file an earlier version left (and its `-wal`/`-shm`), best-effort:
/// nothing in it is worth keeping, and what cannot be removed is only disk space.
async fn remove_counters_file(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        match tokio::fs::remove_file(&file).await {
            Ok(()) => {
                tracing::info!(file = %Path::new(&file).display(), "removed the old counters file")
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                tracing::warn!(error = %e, file = %Path::new(&file).display(), "could not remove the old counters file")
            }
        }
    }
}

fn migrate(writer: &mut Connection) -> StoreResult<()> {
    let tx = writer
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(write_failed)?;
    let version: i64 = tx
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(write_failed)?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::Backend(format!(
            "database schema version {version} is newer than this authgate supports \
             ({SCHEMA_VERSION})"
        )));
    }
    if version > 0 {
        for (from, statement) in MIGRATIONS.iter().filter(|(from, _)| *from >= version) {
            tracing::info!(from, "migrating the SQLite schema");
            tx.execute_batch(statement).map_err(write_failed)?;
        }
    }
    for statement in SCHEMA {
        tx.execute_batch(statement).map_err(write_failed)?;
    }
    // PRAGMA takes no bound parameters; the value is a constant of ours.
    tx.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))
        .map_err(write_failed)?;
    tx.commit().map_err(write_failed)
}

/// The tables that hold one JSON record per id with an expiry.
#[derive(Clone, Copy)]
enum Table {
    AuthRequests,
    SsoSessions,
}

impl Table {
    /// Upsert and lookup statements, written out per table: table names cannot be bound.
    fn sql(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Table::AuthRequests => (
                "auth request",
                "INSERT INTO auth_requests (id, record, expires_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET record = excluded.record,
                                                expires_at = excluded.expires_at",
                "SELECT record FROM auth_requests WHERE id = ?1 AND expires_at > ?2",
            ),
            Table::SsoSessions => (
                "sso session",
                "INSERT INTO sso_sessions (id, record, expires_at, user_provider, user_subject,
                                           session_index)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET record = excluded.record,
                                                expires_at = excluded.expires_at,
                                                user_provider = excluded.user_provider,
                                                user_subject = excluded.user_subject,
                                                session_index = excluded.session_index",
                "SELECT record FROM sso_sessions WHERE id = ?1 AND expires_at > ?2",
            ),
        }
    }
}

impl SqliteStore {
    /// For tables whose rows are id, record and expiry only (SSO sessions also bind their
    /// user: see `put_sso_session`).
    async fn put_record<T: Serialize>(
        &self,
        table: Table,
        id: &str,
        value: &T,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        let (what, upsert, _) = table.sql();
        let (id, record, expires_at) = (id.to_owned(), encode(what, value)?, secs(expires_at));
        self.write_one(upsert, (id, record, expires_at))
            .await
            .map(drop)
    }

    /// One statement on the writer whose only parameter is `key`.
    async fn write_by_key(&self, sql: &'static str, key: &str) -> StoreResult<()> {
        self.write_one(sql, [key.to_owned()]).await.map(drop)
    }

    /// One statement on the writer, a job of its own: the rows it changed.
    async fn write_one<P>(&self, sql: &'static str, params: P) -> StoreResult<usize>
    where
        P: Params + Send + 'static,
    {
        self.writer
            .write(Shape::Statement, move |conn| execute(conn, sql, params))
            .await
    }

    async fn get_record<T: DeserializeOwned>(
        &self,
        table: Table,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<T>> {
        let (what, _, select) = table.sql();
        let record: Option<String> = sqlx::query_scalar(select)
            .bind(id)
            .bind(secs(now))
            .fetch_optional(&self.reader)
            .await
            .map_err(backend)?;
        record.map(|r| decode(what, &r)).transpose()
    }
}

/// What a rotation's job found: for a rotation, the family's id and record.
enum Rotation {
    Rotated(String, String),
    Reused(String),
    Revoked(String),
    Missing,
}

fn backend(e: sqlx::Error) -> StoreError {
    StoreError::Backend(e.to_string())
}

/// The writer's errors (rusqlite's): SQLite's message names the constraint or the failure,
/// never a bound value.
fn write_failed(e: rusqlite::Error) -> StoreError {
    StoreError::Backend(e.to_string())
}

/// One of the store's statements on the writer's connection, prepared once: the rows it
/// changed.
fn execute(conn: &Connection, sql: &str, params: impl Params) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?.execute(params)
}

/// The first row of one statement (a `SELECT`, or a write `RETURNING` what it wrote), if any.
/// SQLite makes all of a write's changes on its first step, so one row is enough to read.
fn query_first<T>(
    conn: &Connection,
    sql: &str,
    params: impl Params,
    row: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Option<T>> {
    conn.prepare_cached(sql)?.query_row(params, row).optional()
}

/// A refresh family and its first token as the writer inserts them (owned: a job outlives
/// its caller's borrows).
struct FamilyRow {
    id: String,
    record: String,
    expires_at: i64,
    sso_session: Option<String>,
    provider: String,
    subject: String,
    token_hash: String,
}

impl FamilyRow {
    fn of(
        family_id: &str,
        family: &RefreshFamily,
        token_hash: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<FamilyRow> {
        Ok(FamilyRow {
            id: family_id.to_owned(),
            record: encode("refresh family", family)?,
            expires_at: secs(expires_at),
            sso_session: family.sso_session.clone(),
            provider: family.identity.provider.clone(),
            subject: family.identity.upstream_subject.clone(),
            token_hash: token_hash.to_owned(),
        })
    }

    /// Two statements: run them inside a job of [`Shape::Statements`].
    fn insert(self, conn: &Connection) -> rusqlite::Result<()> {
        execute(
            conn,
            "INSERT INTO refresh_families
                 (id, record, revoked, expires_at, sso_session, user_provider, user_subject)
             VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6)",
            (
                &self.id,
                self.record,
                self.expires_at,
                self.sso_session,
                self.provider,
                self.subject,
            ),
        )?;
        execute(
            conn,
            "INSERT INTO refresh_tokens (hash, family_id, rotated, expires_at)
             VALUES (?1, ?2, 0, ?3)",
            (self.token_hash, self.id, self.expires_at),
        )
        .map(drop)
    }
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

#[async_trait]
impl Store for SqliteStore {
    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.reader)
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
        self.put_record(Table::AuthRequests, id, request, expires_at)
            .await
    }

    async fn get_auth_request(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<AuthRequest>> {
        self.get_record(Table::AuthRequests, id, now).await
    }

    async fn delete_auth_request(&self, id: &str) -> StoreResult<()> {
        self.write_by_key("DELETE FROM auth_requests WHERE id = ?1", id)
            .await
    }

    async fn put_code(
        &self,
        code_hash: &str,
        grant: &CodeGrant,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        let record = encode("code", grant)?;
        let (code_hash, family_id) = (code_hash.to_owned(), grant.family_id.clone());
        let expires_at = secs(expires_at);
        // A plain INSERT, never an upsert: overwriting a used code's tombstone would make it
        // redeemable again.
        self.write_one(
            "INSERT INTO codes (hash, record, family_id, used, expires_at)
             VALUES (?1, ?2, ?3, 0, ?4)",
            (code_hash, record, family_id, expires_at),
        )
        .await
        .map(drop)
    }

    async fn redeem_code(
        &self,
        code_hash: &str,
        now: OffsetDateTime,
        keep_used_until: OffsetDateTime,
        issue: IssueFamily,
    ) -> StoreResult<Redemption> {
        // One job: the take is one statement, so of any number of concurrent callers only one
        // sees `used = 0`; the family it issues commits with it, or the savepoint undoes both.
        let (hash, keep, at) = (code_hash.to_owned(), secs(keep_used_until), secs(now));
        let taken = self
            .writer
            .write(Shape::Statements, move |conn| {
                let record: Option<String> = query_first(
                    conn,
                    "UPDATE codes SET used = 1, expires_at = ?1
                     WHERE hash = ?2 AND used = 0 AND expires_at > ?3
                     RETURNING record",
                    (keep, hash, at),
                    |row| row.get(0),
                )?;
                let Some(record) = record else {
                    return Ok(None);
                };
                let grant = decode::<CodeGrant>("code", &record);
                let issued = grant.as_ref().ok().and_then(issue);
                if let (Ok(grant), Some(new)) = (&grant, &issued) {
                    FamilyRow::of(
                        &grant.family_id,
                        &new.family,
                        &new.token_hash,
                        new.expires_at,
                    )
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?
                    .insert(conn)?;
                }
                Ok(Some((grant, issued)))
            })
            .await?;
        if let Some((grant, issued)) = taken {
            return Ok(Redemption {
                take: CodeTake::Taken(Box::new(grant?)),
                issued,
            });
        }

        // The reader pool is enough: whichever take beat us has already committed (a write is
        // answered only after its batch commits), and every statement outside a transaction
        // reads the latest commit.
        let used_by: Option<String> = sqlx::query_scalar(
            "SELECT family_id FROM codes WHERE hash = ?1 AND used = 1 AND expires_at > ?2",
        )
        .bind(code_hash)
        .bind(secs(now))
        .fetch_optional(&self.reader)
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
        let row = FamilyRow::of(family_id, family, token_hash, expires_at)?;
        // Two statements, one job: the family and its first token commit together or not at all.
        self.writer
            .write(Shape::Statements, move |conn| row.insert(conn))
            .await
    }

    async fn rotate_refresh_token(
        &self,
        old_hash: &str,
        new_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<RefreshRotation> {
        let now = secs(now);
        let (new_hash, old_hash) = (new_hash.to_owned(), old_hash.to_owned());
        // One job whose writes are one statement: the rotation, or else the revocation.
        let outcome = self
            .writer
            .write(Shape::Statement, move |conn| {
                // Hot path, one statement: the new token is inserted only if the old one is
                // active and its family alive; the trigger marks the old one rotated in the
                // same statement. The single writer serialises these, so of two concurrent
                // rotations of one token exactly one inserts. The new token inherits the
                // family's expiry. The family's record comes back with it (RETURNING may hold
                // a subquery, though not a join): a second read, on a reader after the
                // commit, cost another round trip to another connection's thread.
                let rotated = query_first(
                    conn,
                    "INSERT INTO refresh_tokens (hash, family_id, rotated, expires_at, parent)
                     SELECT ?1, t.family_id, 0, f.expires_at, t.hash
                     FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
                     WHERE t.hash = ?2 AND t.rotated = 0 AND t.expires_at > ?3
                       AND f.revoked = 0 AND f.expires_at > ?3
                     RETURNING family_id,
                         (SELECT record FROM refresh_families
                          WHERE id = refresh_tokens.family_id)",
                    (new_hash, &old_hash, now),
                    |row| Ok(Rotation::Rotated(row.get(0)?, row.get(1)?)),
                )?;
                if let Some(rotated) = rotated {
                    return Ok(rotated);
                }
                // Not rotatable. A token rotated away and presented again is a replay: revoke
                // its family (one statement, so it cannot race another rotation).
                let reused = query_first(
                    conn,
                    "UPDATE refresh_families SET revoked = 1
                     WHERE id = (SELECT family_id FROM refresh_tokens
                                 WHERE hash = ?1 AND rotated = 1 AND expires_at > ?2)
                       AND revoked = 0 AND expires_at > ?2
                     RETURNING id",
                    (&old_hash, now),
                    |row| Ok(Rotation::Reused(row.get(0)?)),
                )?;
                if let Some(reused) = reused {
                    return Ok(reused);
                }
                let revoked = query_first(
                    conn,
                    "SELECT t.family_id
                     FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
                     WHERE t.hash = ?1 AND t.expires_at > ?2 AND f.expires_at > ?2
                       AND f.revoked = 1",
                    (&old_hash, now),
                    |row| Ok(Rotation::Revoked(row.get(0)?)),
                )?;
                Ok(revoked.unwrap_or(Rotation::Missing))
            })
            .await?;
        Ok(match outcome {
            Rotation::Rotated(family_id, record) => {
                let family: RefreshFamily = decode("refresh family", &record)?;
                RefreshRotation::Rotated { family_id, family }
            }
            Rotation::Reused(family_id) => RefreshRotation::Reused { family_id },
            Rotation::Revoked(family_id) => RefreshRotation::Revoked { family_id },
            Rotation::Missing => RefreshRotation::Missing,
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
             WHERE t.hash = ?1 AND t.expires_at > ?2 AND f.expires_at > ?2",
        )
        .bind(token_hash)
        .bind(secs(now))
        .fetch_optional(&self.reader)
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
        self.write_by_key(
            "UPDATE refresh_families SET revoked = 1 WHERE id = ?1",
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
        let (record, family_id, now) = (
            encode("refresh family", family)?,
            family_id.to_owned(),
            secs(now),
        );
        let updated = self
            .write_one(
                "UPDATE refresh_families SET record = ?1
                 WHERE id = ?2 AND revoked = 0 AND expires_at > ?3",
                (record, family_id, now),
            )
            .await?;
        Ok(updated == 1)
    }

    async fn get_active_refresh_family(
        &self,
        family_id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<RefreshFamily>> {
        let record: Option<String> = sqlx::query_scalar(
            "SELECT record FROM refresh_families WHERE id = ?1 AND revoked = 0 AND expires_at > ?2",
        )
        .bind(family_id)
        .bind(secs(now))
        .fetch_optional(&self.reader)
        .await
        .map_err(backend)?;
        record.map(|r| decode("refresh family", &r)).transpose()
    }

    async fn revoke_sso_session_families(
        &self,
        sso_session: &str,
        keep_clients: &[String],
        now: OffsetDateTime,
    ) -> StoreResult<u64> {
        let keep = serde_json::to_string(keep_clients)
            .map_err(|_| StoreError::Backend("client list could not be encoded".into()))?;
        let (sso_session, now) = (sso_session.to_owned(), secs(now));
        let revoked = self
            .write_one(
                "UPDATE refresh_families SET revoked = 1
                 WHERE sso_session = ?1 AND revoked = 0 AND expires_at > ?2
                   AND json_extract(record, '$.client_id')
                       NOT IN (SELECT value FROM json_each(?3))",
                (sso_session, now, keep),
            )
            .await?;
        Ok(revoked as u64)
    }

    async fn end_user_sessions(
        &self,
        provider: &str,
        upstream_subject: &str,
        now: OffsetDateTime,
    ) -> StoreResult<UserSessionsEnded> {
        let (provider, subject, now) =
            (provider.to_owned(), upstream_subject.to_owned(), secs(now));
        // One job of two statements: no family or SSO session of the user survives half of it.
        self.writer
            .write(Shape::Statements, move |conn| {
                let families = execute(
                    conn,
                    "UPDATE refresh_families SET revoked = 1
                     WHERE user_subject = ?1 AND user_provider = ?2 AND revoked = 0
                       AND expires_at > ?3",
                    (&subject, &provider, now),
                )?;
                let sso_sessions = execute(
                    conn,
                    "DELETE FROM sso_sessions
                     WHERE user_subject = ?1 AND user_provider = ?2 AND expires_at > ?3",
                    (&subject, &provider, now),
                )?;
                Ok(UserSessionsEnded {
                    families: families as u64,
                    sso_sessions: sso_sessions as u64,
                })
            })
            .await
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
             WHERE user_subject = ?1 AND user_provider = ?2 AND revoked = 0 AND expires_at > ?3
             ORDER BY id",
        )
        .bind(upstream_subject)
        .bind(provider)
        .bind(secs(now))
        .fetch_all(&self.reader)
        .await
        .map_err(backend)?;
        let sso_sessions: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT id, record, expires_at FROM sso_sessions
             WHERE user_subject = ?1 AND user_provider = ?2 AND expires_at > ?3
             ORDER BY id",
        )
        .bind(upstream_subject)
        .bind(provider)
        .bind(secs(now))
        .fetch_all(&self.reader)
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
        let encode_list = |list: &[String]| {
            serde_json::to_string(list)
                .map_err(|_| StoreError::Backend("list could not be encoded".into()))
        };
        let (indexes, keep) = (encode_list(session_indexes)?, encode_list(keep_clients)?);
        let (provider, subject, now) =
            (provider.to_owned(), upstream_subject.to_owned(), secs(now));
        // The sessions' ids, then their families, then the sessions: one job, so no family
        // outlives a session this logout ended.
        self.writer
            .write(Shape::Statements, move |conn| {
                let ids = conn
                    .prepare_cached(
                        "SELECT id, expires_at FROM sso_sessions
                         WHERE user_subject = ?1 AND user_provider = ?2
                           AND (json_array_length(?3) = 0
                                OR session_index IN (SELECT value FROM json_each(?3)))",
                    )?
                    .query_map((&subject, &provider, &indexes), |row| {
                        Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                let mut ended = UserSessionsEnded::default();
                for (id, expires_at) in ids {
                    let families = execute(
                        conn,
                        "UPDATE refresh_families SET revoked = 1
                         WHERE sso_session = ?1 AND revoked = 0 AND expires_at > ?2
                           AND json_extract(record, '$.client_id')
                               NOT IN (SELECT value FROM json_each(?3))",
                        (&id, now, &keep),
                    )?;
                    ended.families += families as u64;
                    execute(conn, "DELETE FROM sso_sessions WHERE id = ?1", [&id])?;
                    if expires_at > now {
                        ended.sso_sessions += 1;
                    }
                }
                Ok(ended)
            })
            .await
    }

    async fn put_sso_session(
        &self,
        id: &str,
        session: &SsoSession,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        let (what, upsert, _) = Table::SsoSessions.sql();
        let (id, record, expires_at) = (id.to_owned(), encode(what, session)?, secs(expires_at));
        let provider = session.identity.provider.clone();
        let subject = session.identity.upstream_subject.clone();
        let session_index = session
            .identity
            .upstream_session
            .as_ref()
            .and_then(|u| u.session_index.clone());
        self.write_one(
            upsert,
            (id, record, expires_at, provider, subject, session_index),
        )
        .await
        .map(drop)
    }

    async fn get_sso_session(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<SsoSession>> {
        self.get_record(Table::SsoSessions, id, now).await
    }

    async fn delete_sso_session(&self, id: &str) -> StoreResult<()> {
        self.write_by_key("DELETE FROM sso_sessions WHERE id = ?1", id)
            .await
    }

    async fn put_browser_session(
        &self,
        id: &str,
        data: &[u8],
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        let (id, data, expires_at) = (id.to_owned(), data.to_vec(), secs(expires_at));
        self.write_one(
            "INSERT INTO browser_sessions (id, data, expires_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET data = excluded.data,
                                            expires_at = excluded.expires_at",
            (id, data, expires_at),
        )
        .await
        .map(drop)
    }

    async fn get_browser_session(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<Vec<u8>>> {
        sqlx::query_scalar("SELECT data FROM browser_sessions WHERE id = ?1 AND expires_at > ?2")
            .bind(id)
            .bind(secs(now))
            .fetch_optional(&self.reader)
            .await
            .map_err(backend)
    }

    async fn delete_browser_session(&self, id: &str) -> StoreResult<()> {
        self.write_by_key("DELETE FROM browser_sessions WHERE id = ?1", id)
            .await
    }

    async fn signing_keys(&self) -> StoreResult<Vec<SigningKeyRecord>> {
        let records: Vec<String> =
            sqlx::query_scalar("SELECT record FROM signing_keys ORDER BY kid")
                .fetch_all(&self.reader)
                .await
                .map_err(backend)?;
        records.iter().map(|r| decode("signing key", r)).collect()
    }

    async fn signing_key_set(&self) -> StoreResult<SigningKeySet> {
        // One statement, so the version and the keys come from one snapshot.
        let rows = sqlx::query(
            "SELECT s.version, k.record FROM signing_key_set s
             LEFT JOIN signing_keys k ON 1 ORDER BY k.kid",
        )
        .fetch_all(&self.reader)
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

    async fn replace_signing_keys(
        &self,
        expected_version: i64,
        keys: &[SigningKeyRecord],
    ) -> StoreResult<bool> {
        let keys = keys
            .iter()
            .map(|key| Ok((key.kid.clone(), encode("signing key", key)?)))
            .collect::<StoreResult<Vec<_>>>()?;
        // One job: the version check, and the set replaced, stand or fall together.
        self.writer
            .write(Shape::Statements, move |conn| {
                let advanced = execute(
                    conn,
                    "UPDATE signing_key_set SET version = version + 1
                     WHERE id = 1 AND version = ?1",
                    [expected_version],
                )?;
                if advanced == 0 {
                    return Ok(false);
                }
                execute(conn, "DELETE FROM signing_keys", [])?;
                for (kid, record) in keys {
                    execute(
                        conn,
                        "INSERT INTO signing_keys (kid, record) VALUES (?1, ?2)",
                        (kid, record),
                    )?;
                }
                Ok(true)
            })
            .await
    }

    async fn put_signing_key(&self, key: &SigningKeyRecord) -> StoreResult<()> {
        let (kid, record) = (key.kid.clone(), encode("signing key", key)?);
        self.write_one(
            "INSERT INTO signing_keys (kid, record) VALUES (?1, ?2)
             ON CONFLICT (kid) DO UPDATE SET record = excluded.record",
            (kid, record),
        )
        .await
        .map(drop)
    }

    async fn delete_signing_key(&self, kid: &str) -> StoreResult<()> {
        self.write_by_key("DELETE FROM signing_keys WHERE kid = ?1", kid)
            .await
    }

    async fn hit_counter_window(
        &self,
        key: &str,
        window: Duration,
        now: OffsetDateTime,
    ) -> StoreResult<CounterHit> {
        Ok(self.counters.hit(key, window, now))
    }

    async fn release_counter(&self, key: &str, now: OffsetDateTime) -> StoreResult<()> {
        self.counters.release(key, now);
        Ok(())
    }

    async fn counter(&self, key: &str, now: OffsetDateTime) -> StoreResult<u32> {
        Ok(self.counters.count(key, now))
    }

    async fn reset_counter(&self, key: &str) -> StoreResult<()> {
        self.counters.reset(key);
        Ok(())
    }

    async fn put_identity_id(
        &self,
        key: &str,
        identity_id: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        let (key, identity_id) = (key.to_owned(), identity_id.to_owned());
        let expires_at = secs(expires_at);
        self.write_one(
            "INSERT INTO identity_ids (key, identity_id, expires_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET identity_id = excluded.identity_id,
                                             expires_at = excluded.expires_at",
            (key, identity_id, expires_at),
        )
        .await
        .map(drop)
    }

    async fn get_identity_id(&self, key: &str, now: OffsetDateTime) -> StoreResult<Option<String>> {
        sqlx::query_scalar(
            "SELECT identity_id FROM identity_ids WHERE key = ?1 AND expires_at > ?2",
        )
        .bind(key)
        .bind(secs(now))
        .fetch_optional(&self.reader)
        .await
        .map_err(backend)
    }

    async fn delete_identity_id(&self, key: &str) -> StoreResult<()> {
        self.write_by_key("DELETE FROM identity_ids WHERE key = ?1", key)
            .await
    }

    async fn mark_assertion_used(
        &self,
        id_hash: &str,
        expires_at: OffsetDateTime,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        // One statement on the single writer: an expired row is replaced, a live one left
        // alone; the row count says which.
        let (id_hash, expires_at, now) = (id_hash.to_owned(), secs(expires_at), secs(now));
        let inserted = self
            .write_one(
                "INSERT INTO used_assertions (id_hash, expires_at) VALUES (?1, ?2)
                 ON CONFLICT (id_hash) DO UPDATE SET expires_at = excluded.expires_at
                 WHERE used_assertions.expires_at <= ?3",
                (id_hash, expires_at, now),
            )
            .await?;
        Ok(inserted == 1)
    }

    async fn close(&self) {
        SqliteStore::close(self).await;
    }

    async fn collect_expired(&self, now: OffsetDateTime) -> StoreResult<u64> {
        let now = secs(now);
        let deleted = self
            .writer
            .write(Shape::Statements, move |conn| {
                let mut deleted = 0u64;
                for table in EXPIRING_TABLES {
                    // Table names come from the constant list above, never from input.
                    let sql = format!("DELETE FROM {table} WHERE expires_at <= ?1");
                    let rows = execute(conn, &sql, [now])?;
                    deleted = deleted.saturating_add(rows as u64);
                }
                Ok(deleted)
            })
            .await?;
        let counters = self.counters.collect_expired(from_secs(now));
        Ok(deleted.saturating_add(counters))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the writer's connection reports for `synchronous` (2 = FULL) and `journal_mode`.
    fn writer_durability(conn: &Connection) -> rusqlite::Result<(i64, String)> {
        let synchronous = conn.pragma_query_value(None, "synchronous", |row| row.get(0))?;
        let journal = conn.pragma_query_value(None, "journal_mode", |row| row.get(0))?;
        Ok((synchronous, journal))
    }

    /// What a reader connection reports for the same.
    async fn durability(conn: &mut sqlx::SqliteConnection) -> sqlx::Result<(i64, String)> {
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await?;
        let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await?;
        Ok((synchronous, journal))
    }

    /// The restart test kills with SIGKILL, which loses nothing even without fsync: only the
    /// connections' own settings show that a commit reaches the disk before it is answered.
    /// The writer is the connection that commits; a reader is asked too, so that a read-only
    /// connection opened with other settings would not go unnoticed.
    #[tokio::test]
    async fn the_running_store_commits_with_synchronous_full_in_wal_mode() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let store = SqliteStore::open(&dir.path().join("authgate.sqlite"))
            .await
            .expect("store opens");

        let writer = store
            .writer
            .write(Shape::Statement, writer_durability)
            .await
            .expect("the writer answers");
        assert_eq!(
            writer,
            (2, "wal".to_string()),
            "writer: (synchronous, journal_mode)"
        );

        let mut conn = store.reader.acquire().await.expect("a reader connection");
        let reader = durability(&mut conn).await.expect("a reader answers");
        assert_eq!(
            reader,
            (2, "wal".to_string()),
            "reader: (synchronous, journal_mode)"
        );
        drop(conn);
        store.close().await;
    }
}
