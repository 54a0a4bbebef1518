//! Measures what argon2 verification leaves in the process's resident memory, the way the
//! server runs it: on tokio's blocking pool, at most one per core at a time, many sign-ins
//! queued at once. Used for the "Password hashing memory" figures in BENCHMARKS.md.
//!
//! ```sh
//! cargo run --release --example argon2_memory -- pooled 4      # or `fresh`; 4 rounds of 32
//! cargo run --release --example argon2_memory -- pooled 4 release   # pool released per round
//! MALLOC_MMAP_THRESHOLD_=131072 target/release/examples/argon2_memory fresh 4
//! ```
//!
//! Prints VmRSS before and after each round, the mean wall time of one verification, and the
//! process's CPU time (user and system, from /proc/self/stat) per verification: on a busy
//! machine the CPU time is the steadier figure, and the system part shows page faults.

use authgate::password::{Memory, verify_with};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// The demo user's hash (config/bench.toml): argon2id, m=19456 KiB, t=2, p=1.
const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$BA8Btnah6WABcjD/NpA6rQ$Vl8uWOvqZeRjCfXuTzcZySBply79GSIZGo/2PMXrxY4";
const PASSWORD: &[u8] = b"demo-password";
/// Sign-ins queued at once per round, as the load driver's 32 users do.
const PER_ROUND: usize = 32;

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// (user, system) CPU seconds of this process so far.
fn cpu_seconds() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Clock ticks are 1/100 s on Linux.
    (ticks(11) / 100.0, ticks(12) / 100.0)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let memory = match args.next().as_deref() {
        Some("pooled") | None => Memory::Pooled,
        Some("fresh") => Memory::Fresh,
        Some(other) => anyhow::bail!("unknown strategy {other:?}: pooled or fresh"),
    };
    let rounds: usize = args.next().map_or(Ok(4), |r| r.parse())?;
    // `release`: give the pool back after every round, as the server does between bursts.
    let release_each = args.next().as_deref() == Some("release");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let slots = Arc::new(Semaphore::new(cores));
    println!(
        "strategy={memory:?} cores={cores} MALLOC_MMAP_THRESHOLD_={}",
        std::env::var("MALLOC_MMAP_THRESHOLD_").unwrap_or_else(|_| "unset".into())
    );
    println!("idle: VmRSS {} KiB", rss_kib());
    let mut spent = Duration::ZERO;
    let (user0, system0) = cpu_seconds();
    for round in 1..=rounds {
        let tasks: Vec<_> = (0..PER_ROUND)
            .map(|_| {
                let slots = slots.clone();
                tokio::spawn(async move {
                    let _permit = slots.acquire_owned().await?;
                    tokio::task::spawn_blocking(move || {
                        let start = Instant::now();
                        anyhow::ensure!(verify_with(PASSWORD, HASH, memory), "refused");
                        Ok(start.elapsed())
                    })
                    .await?
                })
            })
            .collect();
        for task in tasks {
            spent += task.await??;
        }
        println!(
            "after round {round} ({PER_ROUND} verifications): VmRSS {} KiB",
            rss_kib()
        );
        if release_each {
            authgate::password::release_idle(Duration::ZERO);
            println!("  released: VmRSS {} KiB", rss_kib());
        }
    }
    // What the server does once sign-ins pause (password::IDLE_RELEASE).
    let released = authgate::password::release_idle(Duration::ZERO);
    println!(
        "after releasing the idle pool ({released} KiB): VmRSS {} KiB",
        rss_kib()
    );
    let n = u32::try_from(rounds * PER_ROUND)?;
    let (user1, system1) = cpu_seconds();
    let per = |s: f64| s * 1000.0 / f64::from(n);
    println!(
        "mean verification: {:.1} ms wall; CPU {:.1} ms user + {:.1} ms system",
        per(spent.as_secs_f64()),
        per(user1 - user0),
        per(system1 - system0)
    );
    Ok(())
}
