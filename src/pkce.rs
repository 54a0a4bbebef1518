//! PKCE (RFC 7636), S256 only: `plain` would put the verifier itself in the browser's URL.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sha2::{Digest, Sha256};

/// A verifier is 43-128 characters of `[A-Z a-z 0-9 - . _ ~]` (RFC 7636 §4.1).
pub fn is_valid_verifier(verifier: &str) -> bool {
    (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

/// An S256 challenge is the base64url (unpadded) SHA-256 of a verifier: exactly 43 characters.
pub fn is_valid_s256_challenge(challenge: &str) -> bool {
    challenge.len() == 43
        && challenge
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub fn s256_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// True when `verifier` is well formed and hashes to `challenge`.
pub fn verify_s256(verifier: &str, challenge: &str) -> bool {
    is_valid_verifier(verifier)
        && crate::security::constant_time_eq(
            s256_challenge(verifier).as_bytes(),
            challenge.as_bytes(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc7636_appendix_b_example() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assert_eq!(s256_challenge(verifier), challenge);
        assert!(verify_s256(verifier, challenge));
        assert!(is_valid_s256_challenge(challenge));
    }

    #[test]
    fn wrong_or_malformed_verifiers_fail() {
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assert!(!verify_s256(
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXj",
            challenge
        ));
        assert!(!verify_s256("short", challenge));
        assert!(!verify_s256(&"a".repeat(129), challenge));
        assert!(!is_valid_verifier(
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX!"
        ));
        assert!(!is_valid_s256_challenge("plain-challenge"));
    }
}
