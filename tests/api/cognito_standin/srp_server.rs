//! The server's half of Cognito SRP-6a, written apart from `authgate::connectors::cognito::srp` on purpose.
//!
//! If both sides shared code, a bug in it would agree with itself and every stand-in login
//! would still pass. So this half follows Amplify's string-level recipe literally (hex strings,
//! `padHex` on strings, then hex → bytes) and uses a different HMAC implementation (the `hmac`
//! crate, not aws-lc-rs), while the client is pinned to pycognito by its known-answer tests.
//!
//! Server side (RFC 5054 with Cognito's choices): the verifier is v = g^x, B = (k·v + g^b) mod N,
//! S = (A·v^u)^b mod N; the key derivation and the claim signature are the client's.

use hmac::{Hmac, Mac};
use num_bigint::BigUint;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

const N_HEX: &str = "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

static N: LazyLock<BigUint> =
    LazyLock::new(|| BigUint::parse_bytes(N_HEX.as_bytes(), 16).expect("N"));
static G: LazyLock<BigUint> = LazyLock::new(|| BigUint::from(2u32));
/// k = H(padHex(N) | padHex(g)), computed on hex strings as Amplify does.
static K: LazyLock<BigUint> = LazyLock::new(|| {
    let hex = format!("{}{}", pad_hex(&N), pad_hex(&G));
    hash_hex_to_int(&hex)
});

/// What a user pool stores instead of a password: the salt and v = g^x.
#[derive(Clone)]
pub struct Verifier {
    pub salt: BigUint,
    pub v: BigUint,
}

impl Verifier {
    /// A fresh random salt (16 bytes, like Cognito's) and the verifier for this password.
    pub fn new(realm: &str, user: &str, password: &str) -> Self {
        let salt = BigUint::from_bytes_be(&random_bytes(16));
        let x = private_key(&salt, realm, user, password);
        Self {
            v: G.modpow(&x, &N),
            salt,
        }
    }

    /// A device's verifier as ConfirmDevice delivers it (both base64 of padHex bytes).
    pub fn from_device_config(salt_b64: &str, verifier_b64: &str) -> Option<Self> {
        use base64::{Engine, engine::general_purpose::STANDARD};
        let salt = STANDARD.decode(salt_b64).ok()?;
        let v = STANDARD.decode(verifier_b64).ok()?;
        if salt.is_empty() || v.is_empty() {
            return None;
        }
        Some(Self {
            salt: BigUint::from_bytes_be(&salt),
            v: BigUint::from_bytes_be(&v),
        })
    }

    /// SALT as the challenge carries it: hex, no superfluous leading zeros.
    pub fn salt_hex(&self) -> String {
        self.salt.to_str_radix(16)
    }
}

/// One server-side exchange: the server's secret b, its B, and the client's A.
pub struct Exchange {
    b: BigUint,
    big_b: BigUint,
    big_a: BigUint,
    verifier: Verifier,
}

impl Exchange {
    /// `None` when SRP_A is not hex or A mod N = 0 (a client could then force S = 0).
    pub fn start(verifier: &Verifier, srp_a: &str) -> Option<Self> {
        if srp_a.is_empty() || !srp_a.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let big_a = BigUint::parse_bytes(srp_a.as_bytes(), 16)?;
        if (&big_a % &*N) == BigUint::ZERO {
            return None;
        }
        loop {
            let b = BigUint::from_bytes_be(&random_bytes(128));
            let big_b = (&*K * &verifier.v + G.modpow(&b, &N)) % &*N;
            if big_b != BigUint::ZERO {
                return Some(Self {
                    b,
                    big_b,
                    big_a,
                    verifier: verifier.clone(),
                });
            }
        }
    }

    pub fn srp_b_hex(&self) -> String {
        self.big_b.to_str_radix(16)
    }

    /// The PASSWORD_CLAIM_SIGNATURE an honest client must send (raw HMAC bytes), or `None`
    /// if u = 0.
    pub fn expected_claim(
        &self,
        realm: &str,
        user: &str,
        secret_block: &[u8],
        timestamp: &str,
    ) -> Option<Vec<u8>> {
        let u = hash_hex_to_int(&format!("{}{}", pad_hex(&self.big_a), pad_hex(&self.big_b)));
        if u == BigUint::ZERO {
            return None;
        }
        let s = (&self.big_a * self.verifier.v.modpow(&u, &N)).modpow(&self.b, &N);
        let prk = hmac(&hex_bytes(&pad_hex(&u)), &[&hex_bytes(&pad_hex(&s))]);
        let okm = hmac(&prk, &[b"Caldera Derived Key", &[1]]);
        Some(hmac(
            &okm[..16],
            &[
                realm.as_bytes(),
                user.as_bytes(),
                secret_block,
                timestamp.as_bytes(),
            ],
        ))
    }
}

/// x = H(padHex(salt) | H(realm | user | ":" | password)), the way Amplify strings it together.
fn private_key(salt: &BigUint, realm: &str, user: &str, password: &str) -> BigUint {
    let identity = Sha256::digest(format!("{realm}{user}:{password}").as_bytes());
    let identity_hex: String = identity.iter().map(|b| format!("{b:02x}")).collect();
    hash_hex_to_int(&format!("{}{identity_hex}", pad_hex(salt)))
}

/// Amplify's `padHex`, on strings: even length, and "00" in front of a leading 8–f.
fn pad_hex(x: &BigUint) -> String {
    let hex = x.to_str_radix(16);
    let hex = if hex.len() % 2 == 1 {
        format!("0{hex}")
    } else {
        hex
    };
    if matches!(hex.as_bytes()[0], b'8'..=b'9' | b'a'..=b'f') {
        format!("00{hex}")
    } else {
        hex
    }
}

fn hash_hex_to_int(hex: &str) -> BigUint {
    BigUint::from_bytes_be(&Sha256::digest(hex_bytes(hex)))
}

fn hex_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("even-length hex"))
        .collect()
}

fn hmac(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().to_vec()
}

pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; n];
    rand::rng().fill_bytes(&mut bytes);
    bytes
}
