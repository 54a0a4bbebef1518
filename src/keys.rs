//! Token signing keys: created on first start, kept in the store, rotated without downtime.
//!
//! Each key moves Next → Current → Retired. A Next key is published in JWKS one whole rotation
//! period before it signs anything, so relying parties that cache JWKS already know it when the
//! first token signed with it arrives; a Retired key stays published until every token it signed
//! has expired, then it is deleted.
//!
//! Signing uses aws-lc-rs key pairs parsed once and kept in memory. jsonwebtoken's `encode`
//! would re-parse (and re-validate) the private key for every token, which costs more than the
//! signature itself at the refresh rates we aim for; verification goes through jsonwebtoken.

use crate::store::{KeyState, SigningKeyRecord, Store, StoreError};
use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::KeySize;
use aws_lc_rs::signature::{
    ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair as _, RSA_PKCS1_SHA256, RsaKeyPair,
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::json;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use time::OffsetDateTime;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("key material rejected: {0}")]
    Crypto(String),
    #[error("no signing key")]
    NoSigningKey,
    #[error("signing keys kept changing under us; trying again at the next refresh")]
    Contended,
}

/// Why a presented token was not accepted.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error("token is malformed")]
    Malformed,
    #[error("token was not signed by a key we publish")]
    UnknownKey,
    #[error("token is invalid: {0:?}")]
    Invalid(jsonwebtoken::errors::ErrorKind),
}

enum Signer {
    Rsa(RsaKeyPair),
    Ec(EcdsaKeyPair),
}

struct ActiveKey {
    /// base64url of the JOSE header, computed once per key.
    encoded_header: String,
    signer: Signer,
    /// Unix seconds since which it signs.
    since: i64,
}

/// What requests use: the one signing key, every published verification key, and the JWKS body.
struct KeySet {
    signing: ActiveKey,
    verifiers: HashMap<String, (Algorithm, DecodingKey)>,
    jwks: bytes::Bytes,
}

pub struct KeyManager {
    store: Arc<dyn Store>,
    algorithm: String,
    rotation: Duration,
    /// How long a retired key stays published: the longest token lifetime plus clock skew.
    keep_retired: Duration,
    issuer: String,
    current: RwLock<Arc<KeySet>>,
    /// Told when a token names a kid we do not publish: another replica may have written keys
    /// we have not read yet (see [`KeyManager::unknown_kid_seen`]).
    unknown_kid: tokio::sync::Notify,
}

impl KeyManager {
    pub async fn load(
        store: Arc<dyn Store>,
        algorithm: &str,
        rotation: Duration,
        keep_retired: Duration,
        issuer: &str,
    ) -> Result<Self, KeyError> {
        let now = OffsetDateTime::now_utc();
        let records = Self::reconcile(&*store, algorithm, rotation, keep_retired, now).await?;
        let set = build_key_set(&records)?;
        Ok(Self {
            store,
            algorithm: algorithm.to_string(),
            rotation,
            keep_retired,
            issuer: issuer.to_string(),
            current: RwLock::new(Arc::new(set)),
            unknown_kid: tokio::sync::Notify::new(),
        })
    }

    /// Rotates when due and re-reads the keys (another replica may have rotated them).
    pub async fn refresh(&self, now: OffsetDateTime) -> Result<(), KeyError> {
        let records = Self::reconcile(
            &*self.store,
            &self.algorithm,
            self.rotation,
            self.keep_retired,
            now,
        )
        .await?;
        let set = build_key_set(&records)?;
        if let Ok(mut guard) = self.current.write() {
            *guard = Arc::new(set);
        }
        Ok(())
    }

    /// Returns once a token named a kid we do not publish (at once when one did since the
    /// last call): the maintenance task then re-reads the keys without waiting for its tick.
    pub async fn unknown_kid_seen(&self) {
        self.unknown_kid.notified().await;
    }

    fn snapshot(&self) -> Result<Arc<KeySet>, KeyError> {
        self.current
            .read()
            .map(|g| Arc::clone(&g))
            .map_err(|_| KeyError::NoSigningKey)
    }

    /// True when signing is expensive enough (RSA: ~0.3 ms) to be worth moving off the runtime.
    pub fn signing_is_slow(&self) -> bool {
        self.algorithm == "RS256"
    }

    /// Sets `authgate_signing_key_age_seconds`: how long the current key has been signing.
    pub fn record_age(&self, now: OffsetDateTime) {
        let Ok(set) = self.snapshot() else {
            return;
        };
        let algorithm = match &set.signing.signer {
            Signer::Rsa(_) => "RS256",
            Signer::Ec(_) => "ES256",
        };
        let age = now
            .unix_timestamp()
            .saturating_sub(set.signing.since)
            .max(0);
        crate::telemetry::meter::signing_key_age(
            algorithm,
            Duration::from_secs(u64::try_from(age).unwrap_or(0)),
        );
    }

    /// The JWKS document (`/.well-known/jwks.json`).
    pub fn jwks(&self) -> bytes::Bytes {
        self.snapshot().map(|s| s.jwks.clone()).unwrap_or_default()
    }

    /// Signs `claims` as a compact JWS with the current key.
    pub fn sign<T: Serialize>(&self, claims: &T) -> Result<String, KeyError> {
        let set = self.snapshot()?;
        let payload = serde_json::to_vec(claims).map_err(|e| KeyError::Crypto(e.to_string()))?;
        let mut token =
            String::with_capacity(set.signing.encoded_header.len() + payload.len() * 2 + 400);
        token.push_str(&set.signing.encoded_header);
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(&payload, &mut token);
        let signature = match &set.signing.signer {
            Signer::Rsa(pair) => {
                let mut sig = vec![0u8; pair.public_modulus_len()];
                pair.sign(
                    &RSA_PKCS1_SHA256,
                    &SystemRandom::new(),
                    token.as_bytes(),
                    &mut sig,
                )
                .map_err(|_| KeyError::Crypto("RSA signing failed".into()))?;
                sig
            }
            Signer::Ec(pair) => pair
                .sign(&SystemRandom::new(), token.as_bytes())
                .map_err(|_| KeyError::Crypto("ECDSA signing failed".into()))?
                .as_ref()
                .to_vec(),
        };
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(&signature, &mut token);
        Ok(token)
    }

    /// Verifies a token we issued: signature by a published key (its own algorithm only), `iss`,
    /// and `exp` unless `allow_expired` (logout hints may be old).
    pub fn verify<T: DeserializeOwned>(
        &self,
        token: &str,
        allow_expired: bool,
    ) -> Result<T, VerifyError> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| VerifyError::Malformed)?;
        let kid = header.kid.ok_or(VerifyError::UnknownKey)?;
        let set = self.snapshot().map_err(|_| VerifyError::UnknownKey)?;
        let Some((alg, key)) = set.verifiers.get(&kid) else {
            self.unknown_kid.notify_one();
            return Err(VerifyError::UnknownKey);
        };
        let mut validation = Validation::new(*alg);
        validation.set_issuer(&[&self.issuer]);
        validation.validate_aud = false;
        validation.leeway = 0;
        if allow_expired {
            validation.validate_exp = false;
            validation.required_spec_claims.remove("exp");
        }
        jsonwebtoken::decode::<T>(token, key, &validation)
            .map(|data| data.claims)
            .map_err(|e| VerifyError::Invalid(e.into_kind()))
    }

    /// Brings the stored keys to the state `now` asks for and returns them. Replicas do this
    /// on their own timers, so the change is a compare-and-set of the whole set: of replicas
    /// that read the same set and each planned a change (the first keys, a rotation), one
    /// writes; the others read again, find the change made, and adopt its keys.
    async fn reconcile(
        store: &dyn Store,
        algorithm: &str,
        rotation: Duration,
        keep_retired: Duration,
        now: OffsetDateTime,
    ) -> Result<Vec<SigningKeyRecord>, KeyError> {
        for _ in 0..CAS_ATTEMPTS {
            let read = store.signing_key_set().await?;
            let plan = plan(read.keys, algorithm, rotation, keep_retired, now)?;
            if plan.changed == 0 && plan.deleted == 0 {
                return Ok(plan.keys);
            }
            if store.replace_signing_keys(read.version, &plan.keys).await? {
                tracing::info!(
                    rotated = plan.changed,
                    deleted = plan.deleted,
                    "signing keys updated"
                );
                return Ok(plan.keys);
            }
            tracing::debug!("another replica changed the signing keys first; reading them again");
        }
        Err(KeyError::Contended)
    }
}

/// Compare-and-set attempts before a refresh gives up (until the next one): each failed one
/// means another replica just wrote a set, after which there is rarely anything left to do.
const CAS_ATTEMPTS: usize = 5;

/// The key set `now` asks for, and how many keys that adds or changes and deletes.
struct Plan {
    keys: Vec<SigningKeyRecord>,
    changed: usize,
    deleted: usize,
}

fn plan(
    mut keys: Vec<SigningKeyRecord>,
    algorithm: &str,
    rotation: Duration,
    keep_retired: Duration,
    now: OffsetDateTime,
) -> Result<Plan, KeyError> {
    let now_s = now.unix_timestamp();
    let mut changed = 0;

    // A change of algorithm in config retires the keys of the old one.
    for key in keys.iter_mut() {
        if key.alg != algorithm && key.state != KeyState::Retired {
            key.state = KeyState::Retired;
            key.state_since = now_s;
            changed += 1;
        }
    }

    let rotation_s = i64::try_from(rotation.as_secs()).unwrap_or(i64::MAX);
    let current_due = keys
        .iter()
        .find(|k| k.state == KeyState::Current)
        .map(|k| k.state_since.saturating_add(rotation_s) <= now_s);
    if current_due != Some(false) {
        // No current key, or its time is up: the next key (or a new one) takes over.
        for key in keys.iter_mut().filter(|k| k.state == KeyState::Current) {
            key.state = KeyState::Retired;
            key.state_since = now_s;
            changed += 1;
        }
        match keys.iter_mut().find(|k| k.state == KeyState::Next) {
            Some(next) => {
                next.state = KeyState::Current;
                next.state_since = now_s;
            }
            None => keys.push(generate(algorithm, KeyState::Current, now_s)?),
        }
        changed += 1;
    }
    if !keys.iter().any(|k| k.state == KeyState::Next) {
        keys.push(generate(algorithm, KeyState::Next, now_s)?);
        changed += 1;
    }

    let keep_s = i64::try_from(keep_retired.as_secs()).unwrap_or(i64::MAX);
    // In the store's order, so that the replica that wrote the set and those that read it
    // publish byte-identical JWKS.
    keys.sort_by(|a, b| a.kid.cmp(&b.kid));
    let before = keys.len();
    keys.retain(|k| {
        !(k.state == KeyState::Retired && k.state_since.saturating_add(keep_s) <= now_s)
    });
    Ok(Plan {
        deleted: before - keys.len(),
        keys,
        changed,
    })
}

fn generate(algorithm: &str, state: KeyState, now_s: i64) -> Result<SigningKeyRecord, KeyError> {
    let pkcs8_der = match algorithm {
        "RS256" => RsaKeyPair::generate(KeySize::Rsa2048)
            .and_then(|pair| pair.as_der())
            .map(|der| der.as_ref().to_vec())
            .map_err(|_| KeyError::Crypto("RSA key generation failed".into()))?,
        "ES256" => EcdsaKeyPair::generate(&ECDSA_P256_SHA256_FIXED_SIGNING)
            .and_then(|pair| pair.to_pkcs8v1())
            .map(|doc| doc.as_ref().to_vec())
            .map_err(|_| KeyError::Crypto("EC key generation failed".into()))?,
        other => return Err(KeyError::Crypto(format!("unsupported algorithm {other}"))),
    };
    Ok(SigningKeyRecord {
        kid: crate::security::random_token()[..16].to_string(),
        alg: algorithm.to_string(),
        state,
        pkcs8_der,
        state_since: now_s,
    })
}

fn build_key_set(records: &[SigningKeyRecord]) -> Result<KeySet, KeyError> {
    let mut signing = None;
    let mut verifiers = HashMap::new();
    let mut jwks = Vec::new();
    for record in records {
        let (jwk, alg, key, signer) = match record.alg.as_str() {
            "RS256" => {
                let pair = RsaKeyPair::from_pkcs8(&record.pkcs8_der)
                    .map_err(|e| KeyError::Crypto(e.to_string()))?;
                let public = pair.public_key();
                let n = public.modulus().big_endian_without_leading_zero().to_vec();
                let e = public.exponent().big_endian_without_leading_zero().to_vec();
                let jwk = json!({
                    "kty": "RSA", "use": "sig", "alg": "RS256", "kid": record.kid,
                    "n": URL_SAFE_NO_PAD.encode(&n), "e": URL_SAFE_NO_PAD.encode(&e),
                });
                let key = DecodingKey::from_rsa_raw_components(&n, &e);
                (jwk, Algorithm::RS256, key, Signer::Rsa(pair))
            }
            "ES256" => {
                let pair =
                    EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &record.pkcs8_der)
                        .map_err(|e| KeyError::Crypto(e.to_string()))?;
                // Uncompressed point: 0x04 || x (32 bytes) || y (32 bytes).
                let point = pair.public_key().as_ref().to_vec();
                if point.len() != 65 {
                    return Err(KeyError::Crypto("unexpected EC public key length".into()));
                }
                let x = URL_SAFE_NO_PAD.encode(&point[1..33]);
                let y = URL_SAFE_NO_PAD.encode(&point[33..]);
                let key = DecodingKey::from_ec_components(&x, &y)
                    .map_err(|e| KeyError::Crypto(e.to_string()))?;
                let jwk = json!({
                    "kty": "EC", "use": "sig", "alg": "ES256", "kid": record.kid,
                    "crv": "P-256", "x": x, "y": y,
                });
                (jwk, Algorithm::ES256, key, Signer::Ec(pair))
            }
            other => return Err(KeyError::Crypto(format!("unsupported algorithm {other}"))),
        };
        jwks.push(jwk);
        verifiers.insert(record.kid.clone(), (alg, key));
        if record.state == KeyState::Current {
            let header = json!({ "alg": record.alg, "typ": "JWT", "kid": record.kid });
            let encoded_header = URL_SAFE_NO_PAD.encode(header.to_string());
            signing = Some(ActiveKey {
                encoded_header,
                signer,
                since: record.state_since,
            });
        }
    }
    let jwks = serde_json::to_vec(&json!({ "keys": jwks }))
        .map_err(|e| KeyError::Crypto(e.to_string()))?;
    Ok(KeySet {
        signing: signing.ok_or(KeyError::NoSigningKey)?,
        verifiers,
        jwks: bytes::Bytes::from(jwks),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::sqlite::SqliteStore;
    use serde::Deserialize;

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Claims {
        iss: String,
        sub: String,
        exp: i64,
    }

    async fn manager(dir: &tempfile::TempDir, alg: &str) -> (KeyManager, Arc<dyn Store>) {
        let store: Arc<dyn Store> = Arc::new(
            SqliteStore::open(&dir.path().join("s.db"))
                .await
                .expect("store"),
        );
        let m = KeyManager::load(
            Arc::clone(&store),
            alg,
            Duration::from_secs(100),
            Duration::from_secs(50),
            "https://issuer.example",
        )
        .await
        .expect("keys");
        (m, store)
    }

    fn claims(exp_in: i64) -> Claims {
        Claims {
            iss: "https://issuer.example".into(),
            sub: "s".into(),
            exp: OffsetDateTime::now_utc().unix_timestamp() + exp_in,
        }
    }

    fn kids(m: &KeyManager) -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(&m.jwks()).expect("json");
        v["keys"]
            .as_array()
            .expect("keys")
            .iter()
            .map(|k| k["kid"].as_str().unwrap_or("").to_string())
            .collect()
    }

    #[tokio::test]
    async fn signs_and_verifies_with_both_algorithms() {
        for alg in ["RS256", "ES256"] {
            let dir = tempfile::tempdir().expect("tmp");
            let (m, _) = manager(&dir, alg).await;
            let token = m.sign(&claims(60)).expect("sign");
            let back: Claims = m.verify(&token, false).expect("verify");
            assert_eq!(back.sub, "s");
            // Current + next are both published.
            assert_eq!(kids(&m).len(), 2, "{alg}");
        }
    }

    #[tokio::test]
    async fn tampered_expired_and_foreign_tokens_fail() {
        let dir = tempfile::tempdir().expect("tmp");
        let (m, _) = manager(&dir, "RS256").await;
        let token = m.sign(&claims(60)).expect("sign");
        let mut parts: Vec<&str> = token.split('.').collect();
        let forged = URL_SAFE_NO_PAD
            .encode(br#"{"iss":"https://issuer.example","sub":"admin","exp":9999999999}"#);
        parts[1] = &forged;
        assert!(m.verify::<Claims>(&parts.join("."), false).is_err());

        let expired = m.sign(&claims(-10)).expect("sign");
        assert!(m.verify::<Claims>(&expired, false).is_err());
        assert!(m.verify::<Claims>(&expired, true).is_ok());

        let mut wrong_iss = claims(60);
        wrong_iss.iss = "https://evil.example".into();
        assert!(
            m.verify::<Claims>(&m.sign(&wrong_iss).expect("sign"), false)
                .is_err()
        );

        let other_dir = tempfile::tempdir().expect("tmp");
        let (other, _) = manager(&other_dir, "RS256").await;
        assert!(matches!(
            m.verify::<Claims>(&other.sign(&claims(60)).expect("sign"), false),
            Err(VerifyError::UnknownKey)
        ));

        // alg=none with a known kid is refused.
        let kid = kids(&m)[0].clone();
        let header = URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"none","kid":"{kid}"}}"#));
        let body = URL_SAFE_NO_PAD
            .encode(br#"{"iss":"https://issuer.example","sub":"x","exp":9999999999}"#);
        assert!(
            m.verify::<Claims>(&format!("{header}.{body}."), false)
                .is_err()
        );
    }

    #[tokio::test]
    async fn rotation_promotes_the_prepublished_key_and_keeps_old_tokens_valid() {
        let dir = tempfile::tempdir().expect("tmp");
        let (m, store) = manager(&dir, "RS256").await;
        let before = kids(&m);
        let old_token = m.sign(&claims(3600)).expect("sign");

        let later = OffsetDateTime::now_utc() + time::Duration::seconds(101);
        m.refresh(later).await.expect("rotate");
        let after = kids(&m);
        // The key that was "next" now signs, and was published before it did.
        let new_token = m.sign(&claims(3600)).expect("sign");
        let new_kid = jsonwebtoken::decode_header(&new_token)
            .expect("header")
            .kid
            .expect("kid");
        assert!(
            before.contains(&new_kid),
            "signing key was not pre-published"
        );
        assert_eq!(after.len(), 3, "retired + current + new next");
        assert!(
            m.verify::<Claims>(&old_token, false).is_ok(),
            "old tokens still verify"
        );

        // Once the retired key's keep period is over it disappears.
        let much_later = later + time::Duration::seconds(51);
        m.refresh(much_later).await.expect("gc");
        assert_eq!(kids(&m).len(), 2);
        assert!(m.verify::<Claims>(&old_token, false).is_err());
        assert_eq!(store.signing_keys().await.expect("keys").len(), 2);
    }

    #[tokio::test]
    async fn keys_survive_a_restart() {
        let dir = tempfile::tempdir().expect("tmp");
        let token = {
            let (m, _) = manager(&dir, "ES256").await;
            m.sign(&claims(60)).expect("sign")
        };
        let (again, _) = manager(&dir, "ES256").await;
        assert!(again.verify::<Claims>(&token, false).is_ok());
    }
}
