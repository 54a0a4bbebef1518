//! Secrets in one place: random handles, hashing for storage, constant-time comparison.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// A fresh random handle (codes, tokens, ids): 256 bits, base64url, 43 characters.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What the store keeps instead of a code or refresh token: its SHA-256, hex. The tokens carry
/// 256 random bits, so a fast hash is enough (no salt or stretching needed).
pub fn storage_hash(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    let mut out = String::with_capacity(64);
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// Equality whose timing does not depend on where the inputs differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

/// The claims of a JWT, read without checking its signature: for tokens whose signature was
/// verified when they arrived, or that came straight from their issuer over TLS in answer to
/// our own call (OIDC Core §3.1.3.7 (6)). `None` when it is not a JWT with a JSON payload.
pub fn unverified_claims(jwt: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    let payload = jwt.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// AES-256-GCM for secrets the store keeps but must not keep readable (upstream refresh tokens):
/// a copy of the store (a backup, a shared Redis) without the key reveals nothing. The purpose
/// is bound in as associated data, so a value sealed for one use cannot be replayed as another.
pub struct Sealer(aws_lc_rs::aead::RandomizedNonceKey);

/// A sealed value: base64url of nonce || ciphertext || tag. Its `Debug` shows nothing.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sealed(String);

impl std::fmt::Debug for Sealed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealed(<redacted>)")
    }
}

impl Sealed {
    /// The stored form, for tests that look at what reached the store.
    pub fn as_stored(&self) -> &str {
        &self.0
    }

    /// A value read back from where it was kept outside the store (a cookie).
    pub fn from_stored(stored: String) -> Self {
        Self(stored)
    }
}

impl Sealer {
    pub const KEY_LEN: usize = 32;

    pub fn new(key: &[u8]) -> Result<Self, String> {
        aws_lc_rs::aead::RandomizedNonceKey::new(&aws_lc_rs::aead::AES_256_GCM, key)
            .map(Self)
            .map_err(|_| format!("the store key must be {} bytes", Self::KEY_LEN))
    }

    /// A fresh random key, for the key file created on first start.
    pub fn generate_key() -> [u8; 32] {
        let mut key = [0u8; 32];
        rand::rng().fill_bytes(&mut key);
        key
    }

    pub fn seal(&self, purpose: &str, plaintext: &str) -> Result<Sealed, String> {
        let mut in_out = plaintext.as_bytes().to_vec();
        let nonce = self
            .0
            .seal_in_place_append_tag(aws_lc_rs::aead::Aad::from(purpose.as_bytes()), &mut in_out)
            .map_err(|_| "sealing failed".to_string())?;
        let mut out = nonce.as_ref().to_vec();
        out.extend_from_slice(&in_out);
        Ok(Sealed(URL_SAFE_NO_PAD.encode(out)))
    }

    pub fn open(&self, purpose: &str, sealed: &Sealed) -> Result<String, String> {
        let raw = URL_SAFE_NO_PAD
            .decode(&sealed.0)
            .map_err(|_| "not a sealed value".to_string())?;
        let nonce_len = aws_lc_rs::aead::NONCE_LEN;
        if raw.len() < nonce_len {
            return Err("not a sealed value".into());
        }
        let (nonce, ciphertext) = raw.split_at(nonce_len);
        let nonce = aws_lc_rs::aead::Nonce::try_assume_unique_for_key(nonce)
            .map_err(|_| "not a sealed value".to_string())?;
        let mut in_out = ciphertext.to_vec();
        let plaintext = self
            .0
            .open_in_place(
                nonce,
                aws_lc_rs::aead::Aad::from(purpose.as_bytes()),
                &mut in_out,
            )
            .map_err(|_| "sealed value does not open with this key and purpose".to_string())?;
        String::from_utf8(plaintext.to_vec()).map_err(|_| "sealed value is not text".into())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sealed_values_open_only_with_the_same_key_and_purpose() {
        let sealer = Sealer::new(&Sealer::generate_key()).expect("key");
        let sealed = sealer
            .seal("upstream-refresh:op", "secret-token")
            .expect("seal");
        assert!(!sealed.as_stored().contains("secret-token"));
        assert_ne!(
            sealed,
            sealer
                .seal("upstream-refresh:op", "secret-token")
                .expect("seal"),
            "fresh nonce"
        );
        assert_eq!(
            sealer.open("upstream-refresh:op", &sealed).expect("open"),
            "secret-token"
        );
        assert!(
            sealer.open("upstream-refresh:other", &sealed).is_err(),
            "purpose is bound"
        );
        let other = Sealer::new(&Sealer::generate_key()).expect("key");
        assert!(
            other.open("upstream-refresh:op", &sealed).is_err(),
            "key is bound"
        );
        let mut tampered = sealed.as_stored().to_string();
        tampered.replace_range(20..21, if &tampered[20..21] == "A" { "B" } else { "A" });
        assert!(
            sealer
                .open("upstream-refresh:op", &Sealed(tampered))
                .is_err()
        );
        assert_eq!(format!("{sealed:?}"), "Sealed(<redacted>)");
        assert!(Sealer::new(b"short").is_err());
    }

    use super::*;

    #[test]
    fn tokens_are_unique_and_url_safe() {
        let a = random_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, random_token());
        assert!(
            a.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
    }

    #[test]
    fn storage_hash_is_sha256_hex() {
        assert_eq!(
            storage_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn constant_time_eq_compares_content_and_length() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
