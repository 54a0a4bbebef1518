//! Measures what argon2 verification leaves in the process's resident memory, the way the
//! server runs it: on tokio's blocking pool, at most one per core at a time, many sign-ins
//! queued at once. Used for the "Password hashing memory" figures in BENCHMARKS.md.
//!
//! ```sh
//! cargo run --release --example argon2_memory -- pooled 4      # or `fresh`; 4 rounds of 32
//! MALLOC_MMAP_THRESHOLD_=131072 target/release/examples/argon2_memory fresh 4
//! ```
//!
//! Prints VmRSS before, after each round, and the mean time of one verification.

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

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let memory = match args.next().as_deref() {
        Some("pooled") | None => Memory::Pooled,
        Some("fresh") => Memory::Fresh,
        Some(other) => anyhow::bail!("unknown strategy {other:?}: pooled or fresh"),
    };
    let rounds: usize = args.next().map_or(Ok(4), |r| r.parse())?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let slots = Arc::new(Semaphore::new(cores));
    println!(
        "strategy={memory:?} cores={cores} MALLOC_MMAP_THRESHOLD_={}",
        std::env::var("MALLOC_MMAP_THRESHOLD_").unwrap_or_else(|_| "unset".into())
    );
    println!("idle: VmRSS {} KiB", rss_kib());
    let mut spent = Duration::ZERO;
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
    }
    let n = u32::try_from(rounds * PER_ROUND)?;
    println!(
        "mean verification: {:.1} ms",
        spent.as_secs_f64() * 1000.0 / f64::from(n)
    );
    Ok(())
}
