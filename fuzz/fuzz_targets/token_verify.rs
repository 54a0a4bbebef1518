//! Access and ID token verification: `keys::KeyManager::verify`, as the userInfo and AWS
//! endpoints (access tokens) and logout (`id_token_hint`, expired allowed) call it, over keys
//! kept in `store::memory::MemoryStore`.
//!
//! The keys are fixed (`fuzz/keys/`, test keys that sign nothing else) so that seeds can be valid
//! tokens. Input: one flag byte, then the rest.
//! - bit 0: `allow_expired`;
//! - bit 1 clear: the rest is a compact token, verified as it is (header, base64, signature);
//! - bit 1 set: the rest is the claims JSON, signed as written by the current ES256 key (bit 2
//!   clear) or RS256 key (bit 2 set) and then verified: what claims pass a valid signature.
#![no_main]

use authgate::keys::KeyManager;
use authgate::oauth::tokens::{AccessClaims, IdClaims};
use authgate::store::memory::MemoryStore;
use authgate::store::{KeyState, SigningKeyRecord, Store};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

/// The embedded default config's issuer, which seeds name as `iss`.
const ISSUER: &str = "http://127.0.0.1:8080";
const ES256_KEY: &[u8] = include_bytes!("../keys/es256.pk8");
const RS256_KEY: &[u8] = include_bytes!("../keys/rs256.pk8");

/// What logout reads from an `id_token_hint` (oauth::endpoints' private HintClaims).
#[derive(Deserialize)]
#[allow(dead_code)]
struct HintClaims {
    aud: String,
}

/// A manager whose current key is `current` (the other published as retired), both fixed.
fn manager(rt: &tokio::runtime::Runtime, current: &str) -> KeyManager {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let record = |kid: &str, alg: &str, der: &[u8]| SigningKeyRecord {
        kid: kid.into(),
        alg: alg.into(),
        state: if alg == current {
            KeyState::Current
        } else {
            KeyState::Retired
        },
        pkcs8_der: der.to_vec(),
        state_since: now,
    };
    rt.block_on(async {
        let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
        for key in [
            record("fuzz-es256", "ES256", ES256_KEY),
            record("fuzz-rs256", "RS256", RS256_KEY),
        ] {
            if let Err(e) = store.put_signing_key(&key).await {
                panic!("memory store: {e}");
            }
        }
        // A rotation of days: nothing rotates while the fuzzer runs.
        let day = Duration::from_secs(86_400);
        match KeyManager::load(store, current, 30 * day, day, ISSUER).await {
            Ok(keys) => keys,
            Err(e) => panic!("keys: {e}"),
        }
    })
}

static KEYS: LazyLock<(KeyManager, KeyManager)> = LazyLock::new(|| {
    let rt = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(rt) => rt,
        Err(e) => panic!("runtime: {e}"),
    };
    (manager(&rt, "ES256"), manager(&rt, "RS256"))
});

fn verify_all(keys: &KeyManager, token: &str, allow_expired: bool) {
    let _ = keys.verify::<AccessClaims>(token, allow_expired);
    let _ = keys.verify::<IdClaims>(token, allow_expired);
    let _ = keys.verify::<HintClaims>(token, allow_expired);
    let _ = keys.verify::<serde_json::Value>(token, allow_expired);
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let (es, rs) = &*KEYS;
    let allow_expired = flags & 1 != 0;
    if flags & 2 == 0 {
        verify_all(es, text, allow_expired);
        return;
    }
    let Ok(claims) = RawValue::from_string(text.to_string()) else {
        return;
    };
    let signer = if flags & 4 == 0 { es } else { rs };
    match signer.sign(&claims) {
        Ok(token) => verify_all(signer, &token, allow_expired),
        Err(e) => panic!("signing failed: {e}"),
    }
});
