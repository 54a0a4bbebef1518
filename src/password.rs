//! Password verification against argon2 PHC strings, with a bounded hashing arena.
//!
//! An argon2 verification needs `m` KiB of working memory (19 MiB at the default cost). Letting
//! the argon2 crate allocate and free that block per verification (`verify_password`) leaves it
//! to glibc's malloc, which, once it has freed one such block, raises its mmap threshold past
//! 19 MiB and from then on serves the blocks from per-thread arenas that it never returns: the
//! process grew from 16 MiB idle to 305 MiB after 32 password sign-ins, and kept growing.
//!
//! Options measured (BENCHMARKS.md, "Password hashing memory", `examples/argon2_memory.rs`: 128
//! verifications of the default cost, 32 queued at a time, 2 at once, RSS from 3.5 MiB idle):
//! - the crate's own allocation, as before: 627–704 MiB afterwards; 16.2 ms user + 1.9–3.6 ms
//!   system CPU per verification;
//! - glibc with `M_MMAP_THRESHOLD` fixed at 128 KiB (`MALLOC_MMAP_THRESHOLD_` or `mallopt` at
//!   start): back to 4 MiB, but every verification faults its 19 MiB in afresh, 16.3–17.6 ms
//!   user + 8.0 ms system: half as much CPU again, on the path that bounds password logins. It
//!   also needs `unsafe` FFI, changes every large allocation in the process and does nothing on
//!   other C libraries;
//! - an allocator crate (jemalloc, mimalloc): returns memory on a decay timer, not at once, and
//!   adds a C build; not measured here, not taken;
//! - **a pool of block buffers, one per verification slot, reused** (this module): 43 MiB
//!   afterwards, i.e. one 19 MiB buffer per core, whatever the load; 14.7–15.4 ms user +
//!   0.2–0.3 ms system, and safe code. authgate runs at most one verification per core at a
//!   time (`AppState::password_slots`), so the pool never holds more than one buffer per core;
//!   a hash whose cost is above [`POOLED_MAX_KIB`] gets a one-off allocation instead of growing
//!   a pooled buffer for good;
//! - **and the pool given back when sign-ins pause** ([`release_idle`], every
//!   [`IDLE_RELEASE`] from the server): 43 MiB → 4 MiB after each burst, every time, because
//!   each buffer is allocated large enough for glibc to `mmap` it ([`UNMAPPED_ON_FREE`]);
//!   allocated at its 19 MiB size instead, the second burst's buffers came from malloc arenas
//!   that kept them (43 → 4 → 43 → 82 → 121 MiB over four bursts).
//!
//! Semantics are those of `argon2`'s `PasswordVerifier`: the algorithm, version, `m`, `t`, `p`,
//! `keyid`/`data` and output length all come from the PHC string, and the computed output is
//! compared in constant time. Leftover blocks are overwritten by the next verification (argon2's
//! first pass writes every block before reading it), as the crate's own allocation would be
//! freed unzeroed.

use argon2::{Algorithm, Argon2, Block, Params, PasswordHash, Version};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};
use subtle::ConstantTimeEq;

/// The largest cost kept in the pool: the default `[password_hashing]` cost of 19 MiB, with
/// room for a doubled one. Costlier hashes are still verified, with memory of their own.
pub const POOLED_MAX_KIB: u32 = 64 * 1024;

/// Free block buffers. Verifications are bounded by the password slots (one per core), so
/// more than one buffer per core is never needed at once; extra ones (several servers in one
/// test process) are dropped on return rather than kept.
static POOL: Mutex<Vec<Vec<Block>>> = Mutex::new(Vec::new());

/// When a buffer last came back to the pool.
static LAST_USE: Mutex<Option<Instant>> = Mutex::new(None);

/// How long the pool keeps its buffers with no password check: [`release_idle`] drops them
/// after this, so the 19 MiB per core is held through a burst of sign-ins (no page faults per
/// verification) and given back to the system after it. Refilling costs one page-faulted
/// allocation per core at the next burst.
pub const IDLE_RELEASE: Duration = Duration::from_secs(5);

/// Every buffer is allocated with room for at least this many bytes, of which only the cost's
/// blocks are ever touched. glibc serves a request this large with its own `mmap` whatever its
/// dynamic threshold (which never rises past 32 MiB on 64-bit), so dropping the buffer unmaps
/// it and its pages go back to the system at once. A 19 MiB request would, after the first
/// such free, come from a malloc arena that keeps the memory. Untouched capacity costs address
/// space, not resident memory.
const UNMAPPED_ON_FREE: usize = 33 * 1024 * 1024;

/// Read once: `available_parallelism` reads the cgroup's CPU quota from files on Linux, which
/// has no place on every password check.
fn max_pooled() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Checks `password` against an argon2 PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`).
/// Blocking and slow by design: call it on the blocking pool, at most one per core at a time.
/// A malformed hash verifies nothing.
pub fn verify(password: &[u8], phc: &str) -> bool {
    verify_with(password, phc, Memory::Pooled)
}

/// Where the working memory comes from; `Fresh` is the argon2 crate's own allocation, kept for
/// the tests and the measurement example.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Memory {
    Pooled,
    Fresh,
}

/// [`verify`] with a choice of [`Memory`].
pub fn verify_with(password: &[u8], phc: &str, memory: Memory) -> bool {
    let Ok(hash) = PasswordHash::new(phc) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (hash.salt, hash.hash) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(hash.algorithm) else {
        return false;
    };
    let Ok(version) = hash
        .version
        .map_or(Ok(Version::default()), Version::try_from)
    else {
        return false;
    };
    let Ok(params) = Params::try_from(&hash) else {
        return false;
    };
    let mut salt_buf = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buf) else {
        return false;
    };
    let blocks = params.block_count();
    let pooled = memory == Memory::Pooled && params.m_cost() <= POOLED_MAX_KIB;
    let argon2 = Argon2::new(algorithm, version, params);
    let mut out = [0u8; 64];
    let Some(out) = out.get_mut(..expected.len()) else {
        return false;
    };
    let hashed = if pooled {
        let mut buffer = take_buffer(blocks);
        let hashed = argon2.hash_password_into_with_memory(password, salt, out, &mut buffer);
        return_buffer(buffer);
        hashed
    } else {
        argon2.hash_password_into(password, salt, out)
    };
    hashed.is_ok() && bool::from(out.ct_eq(expected.as_bytes()))
}

/// A pooled buffer of at least `blocks` blocks (grown, never shrunk: its size is bounded by
/// [`POOLED_MAX_KIB`]).
fn take_buffer(blocks: usize) -> Vec<Block> {
    let mut buffer = POOL
        .lock()
        .map(|mut pool| pool.pop())
        .ok()
        .flatten()
        .unwrap_or_default();
    if buffer.len() < blocks {
        let floor = UNMAPPED_ON_FREE.div_ceil(std::mem::size_of::<Block>());
        if buffer.capacity() < floor {
            // A fresh buffer, allocated once at the size that keeps it out of malloc's arenas.
            buffer = Vec::with_capacity(blocks.max(floor));
        }
        buffer.resize(blocks, Block::default());
    }
    buffer
}

fn return_buffer(buffer: Vec<Block>) {
    if let Ok(mut last) = LAST_USE.lock() {
        *last = Some(Instant::now());
    }
    if let Ok(mut pool) = POOL.lock()
        && pool.len() < max_pooled()
    {
        pool.push(buffer);
    }
}

/// Drops the pooled buffers when no verification has returned one for `idle`; returns how
/// many KiB were released. Buffers in use are untouched (they come back to the pool and are
/// released at a later call). Cheap when there is nothing to do: call it on a timer.
pub fn release_idle(idle: Duration) -> usize {
    let quiet = LAST_USE
        .lock()
        .map(|last| last.is_none_or(|at| at.elapsed() >= idle))
        .unwrap_or(false);
    if !quiet {
        return 0;
    }
    // Taken out under the lock, dropped (unmapped) after it.
    let released = POOL.lock().map(|mut pool| std::mem::take(&mut *pool));
    released.map_or(0, |buffers| buffers.iter().map(Vec::len).sum())
}

/// Blocks currently pooled, in KiB (a block is 1 KiB); for the tests and the example.
pub fn pooled_kib() -> usize {
    POOL.lock()
        .map(|pool| pool.iter().map(Vec::len).sum())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, SaltString};

    fn hash(password: &str, algorithm: Algorithm, version: Version, params: Params) -> String {
        let salt = SaltString::encode_b64(b"a fixed test salt").expect("salt");
        Argon2::new(algorithm, version, params)
            .hash_password(password.as_bytes(), &salt)
            .expect("hash")
            .to_string()
    }

    /// The pooled path accepts and refuses exactly what the argon2 crate's verifier does, for
    /// the configured cost and for non-default ones (other algorithms, lanes, output length,
    /// version 0x10, associated data, a cost above the pooled maximum).
    #[test]
    fn pooled_verification_matches_the_crates_verifier() {
        use argon2::PasswordVerifier;
        let configured = Params::new(19456, 2, 1, None).expect("params");
        let other = Params::new(8 * 1024 + 12, 3, 3, Some(48)).expect("params");
        let mut with_data = argon2::ParamsBuilder::new();
        with_data
            .m_cost(4096)
            .t_cost(1)
            .p_cost(2)
            .data(argon2::AssociatedData::new(b"authgate").expect("data"));
        let costly = Params::new(POOLED_MAX_KIB + 1024, 1, 1, None).expect("params");
        let (id, v13) = (Algorithm::Argon2id, Version::V0x13);
        let hashes = [
            hash("correct horse", id, v13, configured),
            hash("correct horse", Algorithm::Argon2i, v13, other.clone()),
            hash("correct horse", Algorithm::Argon2d, Version::V0x10, other),
            hash("correct horse", id, v13, with_data.build().expect("params")),
            hash("correct horse", id, v13, costly),
        ];
        for phc in &hashes {
            let parsed = PasswordHash::new(phc).expect("parse");
            for password in ["correct horse", "correct horsf", "", "Correct horse"] {
                let expected = Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok();
                for memory in [Memory::Pooled, Memory::Fresh] {
                    assert_eq!(
                        verify_with(password.as_bytes(), phc, memory),
                        expected,
                        "{memory:?} {phc} {password:?}"
                    );
                }
            }
        }
        // The configured hash verifies, so the comparison is not vacuous.
        assert!(verify(b"correct horse", &hashes[0]));
        assert!(!verify(
            b"correct horse",
            "$argon2id$v=19$m=19456,t=2,p=1$bm90$"
        ));
        assert!(!verify(b"correct horse", "not a hash"));
    }

    /// However many verifications run, the pool holds at most one buffer per core, each of the
    /// largest pooled cost used.
    #[test]
    fn the_pool_stays_bounded() {
        let params = Params::new(1024, 1, 1, None).expect("params");
        let small = hash("pw", Algorithm::Argon2id, Version::V0x13, params);
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let small = small.clone();
                std::thread::spawn(move || {
                    for _ in 0..4 {
                        assert!(verify(b"pw", &small));
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().expect("thread");
        }
        assert!(pooled_kib() <= max_pooled() * POOLED_MAX_KIB as usize);
        let count = POOL.lock().map(|p| p.len()).unwrap_or(usize::MAX);
        assert!(count <= max_pooled(), "{count} buffers pooled");
    }

    /// A pooled buffer is allocated large enough that freeing it unmaps it (see
    /// [`UNMAPPED_ON_FREE`]), and a pool in use is not released.
    #[test]
    fn pooled_buffers_are_given_back_only_when_idle() {
        let buffer = take_buffer(19 * 1024);
        assert!(buffer.len() >= 19 * 1024);
        // Above glibc's largest dynamic mmap threshold (32 MiB on 64-bit).
        assert!(buffer.capacity() * std::mem::size_of::<Block>() > 32 * 1024 * 1024);
        return_buffer(buffer);
        assert_eq!(release_idle(Duration::from_secs(3600)), 0);
        // Idle (a zero period): the pool is emptied, and verification refills it.
        release_idle(Duration::ZERO);
        let params = Params::new(1024, 1, 1, None).expect("params");
        let small = hash("pw", Algorithm::Argon2id, Version::V0x13, params);
        assert!(verify(b"pw", &small));
        assert!(!verify(b"other", &small));
    }
}
