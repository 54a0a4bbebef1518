//! Group commit: one thread owns the store's writer connection and commits every write that
//! queued while its last commit was in flight as one transaction, so one `fsync` serves them all.
//!
//! With `synchronous=FULL` every commit waits for the disk (0.2 ms on an idle virtio disk, 1.6
//! ms on a busy one), and one writer connection committing one write at a time made that wait
//! the ceiling of refresh and SSO throughput. Here a caller's write becomes a job on a bounded
//! queue (a full queue makes callers wait: backpressure, and memory stays bounded); the writer
//! takes whatever has queued, up to [`MAX_BATCH`], runs it inside one `BEGIN IMMEDIATE …
//! COMMIT`, and answers every caller only after `COMMIT` returned. Durability is unchanged: no
//! caller hears of a write before the commit holding it is on disk.
//!
//! One job's failure is its own: a job whose writes are one statement ([`Shape::Statement`])
//! relies on SQLite undoing a failed statement by itself, which it guarantees for constraint
//! violations (the transaction stays open); a job of several statements runs inside a
//! `SAVEPOINT` that is rolled back when it fails. Any other failure (I/O, a full disk) may have
//! ended the transaction, so the whole batch is rolled back and every caller in it told so.
//!
//! The writer calls SQLite directly (rusqlite) on a thread of its own, with no runtime: sqlx
//! runs each SQLite connection on a worker thread, so every statement of a batch (the `BEGIN`,
//! each job's savepoint and statements, the `COMMIT`) was a round trip between two threads,
//! and that ping-pong, not SQLite, was most of the writer's serial work (BENCHMARKS.md). Readers
//! stay on sqlx's pool: a read is one statement, and their waits overlap. No crate does group
//! commit for either binding: sqlx's pool hands one connection to one caller at a time, and
//! the caller commits.

use super::{CHECKPOINT_EVERY, checkpoint};
use crate::store::{StoreError, StoreResult};
use rusqlite::Connection;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::{mpsc, oneshot};

/// Jobs committed together at most: the writer holds its transaction for this many jobs,
/// and readers see none of them until it commits.
pub(super) const MAX_BATCH: usize = 128;

/// Jobs waiting at most; a caller beyond it waits for room.
const QUEUE: usize = 1024;

/// How a job's writes can be undone alone when it fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    /// At most one of its statements writes: a failed statement undoes itself.
    Statement,
    /// Several statements that must stand or fall together: run inside a savepoint.
    Statements,
}

/// What a job left for the writer: whether it failed (and how), and how to answer its caller
/// once the batch's fate is known.
struct Ran {
    failure: Option<Failure>,
    reply: Box<dyn FnOnce(StoreResult<()>) + Send>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// A constraint violation: SQLite undid the statement and the transaction is intact.
    Contained,
    /// Anything else: the transaction may be gone.
    Fatal,
}

type RunJob = Box<dyn FnOnce(&Connection) -> Ran + Send>;

struct Job {
    shape: Shape,
    run: RunJob,
}

enum Message {
    Job(Job),
    /// Test support: holds the writer (between batches) until the sender is dropped or fires.
    #[cfg(any(test, feature = "conformance"))]
    Hold {
        started: oneshot::Sender<()>,
        release: oneshot::Receiver<()>,
    },
    Close(oneshot::Sender<()>),
}

/// Commits and jobs so far, for tests and measurements.
#[derive(Debug, Default)]
pub struct WriteStats {
    commits: AtomicU64,
    jobs: AtomicU64,
    /// Test support: jobs whose `send` has returned, and jobs the writer has taken. The
    /// channel's own capacity is no count of queued jobs: a sender holds its permit a moment
    /// before its job is in the queue, and a batch taken in that moment misses it.
    #[cfg(any(test, feature = "conformance"))]
    sent: AtomicU64,
    #[cfg(any(test, feature = "conformance"))]
    taken: AtomicU64,
}

impl WriteStats {
    /// Transactions committed (one `fsync` each, with `synchronous=FULL`).
    pub fn commits(&self) -> u64 {
        self.commits.load(Ordering::Relaxed)
    }
    /// Jobs in committed transactions (a failed job in a committed batch counts too).
    pub fn jobs(&self) -> u64 {
        self.jobs.load(Ordering::Relaxed)
    }
}

/// The handle callers write through; cloning shares the queue.
#[derive(Clone, Debug)]
pub(super) struct Writer {
    queue: mpsc::Sender<Message>,
    stats: Arc<WriteStats>,
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Message")
    }
}

impl Writer {
    /// Starts the writer thread, which opens its connection with `connect` (and migrates it:
    /// whatever must happen before the first write) and then serves the queue; returns once
    /// the connection is open, or with `connect`'s error. The thread calls SQLite with no
    /// runtime, so a batch never waits behind request handlers (an RSA signature does not
    /// yield); it ends when the last handle is dropped or [`Writer::close`] is called.
    pub(super) async fn start<C>(connect: C) -> StoreResult<Writer>
    where
        C: FnOnce() -> StoreResult<Connection> + Send + 'static,
    {
        let (queue, receiver) = mpsc::channel(QUEUE);
        let stats = Arc::new(WriteStats::default());
        let (opened, opening) = oneshot::channel();
        let thread_stats = Arc::clone(&stats);
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || match connect() {
                Ok(conn) => {
                    let _ = opened.send(Ok(()));
                    serve(conn, receiver, &thread_stats);
                }
                Err(error) => {
                    let _ = opened.send(Err(error));
                }
            })
            .map_err(|e| StoreError::Backend(format!("cannot start the SQLite writer: {e}")))?;
        opening.await.map_err(|_| closed())??;
        Ok(Writer { queue, stats })
    }

    pub(super) fn stats(&self) -> &WriteStats {
        &self.stats
    }

    /// Runs `job` in the writer's next batch and returns its result once that batch has
    /// committed (or its error, or the batch's).
    pub(super) async fn write<T, F>(&self, shape: Shape, job: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel::<StoreResult<T>>();
        let run: RunJob = Box::new(move |conn| {
            let result = job(conn);
            let failure = result.as_ref().err().map(classify);
            Ran {
                failure,
                reply: Box::new(move |batch: StoreResult<()>| {
                    let _ = answer.send(batch.and(result.map_err(super::write_failed)));
                }),
            }
        });
        self.queue
            .send(Message::Job(Job { shape, run }))
            .await
            .map_err(|_| closed())?;
        #[cfg(any(test, feature = "conformance"))]
        self.stats.sent.fetch_add(1, Ordering::SeqCst);
        answered.await.map_err(|_| abandoned())?
    }

    /// Waits for the jobs queued before it, then closes the connection; later writes fail.
    pub(super) async fn close(&self) {
        let (done, closed) = oneshot::channel();
        if self.queue.send(Message::Close(done)).await.is_ok() {
            let _ = closed.await;
        }
    }

    /// Test support: stops the writer between batches until the returned sender is dropped
    /// (or sent on), so that a test can queue writes behind it and watch them commit as one.
    #[cfg(any(test, feature = "conformance"))]
    pub(super) async fn hold(&self) -> StoreResult<oneshot::Sender<()>> {
        let (started, has_started) = oneshot::channel();
        let (release, released) = oneshot::channel();
        self.queue
            .send(Message::Hold {
                started,
                release: released,
            })
            .await
            .map_err(|_| closed())?;
        has_started.await.map_err(|_| closed())?;
        Ok(release)
    }

    /// Test support: jobs waiting in the queue.
    #[cfg(any(test, feature = "conformance"))]
    pub(super) fn queued(&self) -> usize {
        let sent = self.stats.sent.load(Ordering::SeqCst);
        let taken = self.stats.taken.load(Ordering::SeqCst);
        usize::try_from(sent.saturating_sub(taken)).unwrap_or(usize::MAX)
    }
}

fn closed() -> StoreError {
    StoreError::Backend("the store is closed".into())
}

fn abandoned() -> StoreError {
    StoreError::Backend("the write was rolled back with its batch".into())
}

/// `SQLITE_CONSTRAINT`, whatever its extended code: the one failure after which SQLite
/// guarantees the statement undone and the transaction still open.
fn classify(error: &rusqlite::Error) -> Failure {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => Failure::Contained,
        _ => Failure::Fatal,
    }
}

/// One statement of the writer's own (`BEGIN`, `SAVEPOINT`, …), from the connection's cache.
fn exec(conn: &Connection, sql: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(sql)?.execute([]).map(drop)
}

fn serve(conn: Connection, mut queue: mpsc::Receiver<Message>, stats: &WriteStats) {
    let mut since_checkpoint = 0u64;
    let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = queue.blocking_recv() {
        let mut next = Some(first);
        let mut close = None;
        // Everything already queued, up to the cap: what arrived while the last commit was
        // waiting for the disk.
        while let Some(message) = next.take() {
            match message {
                Message::Job(job) => {
                    #[cfg(any(test, feature = "conformance"))]
                    stats.taken.fetch_add(1, Ordering::SeqCst);
                    batch.push(job);
                }
                #[cfg(any(test, feature = "conformance"))]
                Message::Hold { started, release } => {
                    run_batch(&conn, &mut batch, stats);
                    let _ = started.send(());
                    let _ = release.blocking_recv();
                }
                Message::Close(done) => {
                    close = Some(done);
                    break;
                }
            }
            if batch.len() < MAX_BATCH {
                next = queue.try_recv().ok();
            }
        }
        let jobs = batch.len() as u64;
        run_batch(&conn, &mut batch, stats);
        since_checkpoint += jobs;
        if since_checkpoint >= CHECKPOINT_EVERY {
            since_checkpoint = 0;
            checkpoint(&conn);
        }
        if let Some(done) = close {
            queue.close();
            if let Err((_, error)) = conn.close() {
                tracing::warn!(%error, "SQLite writer connection did not close cleanly");
            }
            let _ = done.send(());
            return;
        }
    }
}

/// Runs and commits `batch` (leaving it empty), answering every job's caller afterwards.
fn run_batch(conn: &Connection, batch: &mut Vec<Job>, stats: &WriteStats) {
    let jobs = batch.len() as u64;
    match batch.len() {
        0 => return,
        // Alone and one statement: SQLite's own autocommit is the transaction.
        1 if batch[0].shape == Shape::Statement => {
            if let Some(job) = batch.pop() {
                let ran = (job.run)(conn);
                if ran.failure.is_none() {
                    stats.commits.fetch_add(1, Ordering::Relaxed);
                    stats.jobs.fetch_add(1, Ordering::Relaxed);
                }
                (ran.reply)(Ok(()));
            }
            return;
        }
        _ => {}
    }
    let savepoints = batch.len() > 1;
    if let Err(error) = exec(conn, "BEGIN IMMEDIATE") {
        tracing::warn!(%error, "SQLite write batch could not begin");
        batch.clear(); // every caller hears `abandoned`
        return;
    }
    let mut replies = Vec::with_capacity(batch.len());
    let mut fatal = false;
    // A job of several statements alone in its batch has no savepoint: the transaction is its
    // own, and its failure undoes all of it (a constraint violation undoes only the failing
    // statement, and committing would keep the ones before it).
    let mut undo_alone = false;
    for job in batch.drain(..) {
        if fatal {
            continue; // dropped: its caller hears `abandoned`
        }
        let shape = job.shape;
        let savepoint = savepoints && shape == Shape::Statements;
        if savepoint && exec(conn, "SAVEPOINT job").is_err() {
            fatal = true;
            continue;
        }
        let ran = (job.run)(conn);
        match (ran.failure, savepoint) {
            (None, true) => fatal |= exec(conn, "RELEASE job").is_err(),
            (Some(_), true) => {
                fatal |=
                    exec(conn, "ROLLBACK TO job").is_err() || exec(conn, "RELEASE job").is_err();
            }
            (Some(_), false) if shape == Shape::Statements => undo_alone = true,
            (Some(Failure::Fatal), false) => fatal = true,
            (None | Some(Failure::Contained), false) => {}
        }
        replies.push(ran.reply);
    }
    if undo_alone && !fatal {
        // Its caller hears its own error, as it would from a savepoint's rollback.
        let _ = exec(conn, "ROLLBACK");
        for reply in replies {
            reply(Ok(()));
        }
        return;
    }
    let committed = if fatal {
        Err(abandoned())
    } else {
        exec(conn, "COMMIT").map_err(|error| {
            tracing::warn!(%error, "SQLite write batch could not commit");
            abandoned()
        })
    };
    if committed.is_ok() {
        stats.commits.fetch_add(1, Ordering::Relaxed);
        stats.jobs.fetch_add(jobs, Ordering::Relaxed);
    } else {
        // Whatever is left of the transaction; an error here means it is already gone.
        let _ = exec(conn, "ROLLBACK");
    }
    for reply in replies {
        reply(match &committed {
            Ok(()) => Ok(()),
            Err(_) => Err(abandoned()),
        });
    }
}
