//! Decrypting an `EncryptedAssertion` with the SP's key: RSA-OAEP key transport (never
//! RSA PKCS#1 v1.5: Bleichenbacher), then AES-GCM or AES-CBC.
//!
//! Why not samael's decryption: it accepts rsa-1_5, supports AES-128 only, and slices its
//! input without length checks (a short ciphertext panics). Every failure here is the same
//! [`Refusal::DecryptionFailed`], so a CBC padding oracle learns nothing from the answer.

use super::{Refusal, ns};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use openssl::pkey::{PKey, Private};
use openssl::rsa::Padding;
use openssl::symm::Cipher;
use roxmltree::Node;

const RSA_OAEP_MGF1P: &str = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
const RSA_OAEP: &str = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
const SHA1: &str = "http://www.w3.org/2000/09/xmldsig#sha1";
const MGF1_SHA1: &str = "http://www.w3.org/2009/xmlenc11#mgf1sha1";

/// The content ciphers accepted, by URI.
fn content_cipher(uri: &str) -> Option<(Cipher, bool)> {
    Some(match uri {
        "http://www.w3.org/2009/xmlenc11#aes128-gcm" => (Cipher::aes_128_gcm(), true),
        "http://www.w3.org/2009/xmlenc11#aes192-gcm" => (Cipher::aes_192_gcm(), true),
        "http://www.w3.org/2009/xmlenc11#aes256-gcm" => (Cipher::aes_256_gcm(), true),
        "http://www.w3.org/2001/04/xmlenc#aes128-cbc" => (Cipher::aes_128_cbc(), false),
        "http://www.w3.org/2001/04/xmlenc#aes192-cbc" => (Cipher::aes_192_cbc(), false),
        "http://www.w3.org/2001/04/xmlenc#aes256-cbc" => (Cipher::aes_256_cbc(), false),
        _ => return None,
    })
}

fn child<'a, 'i>(node: Node<'a, 'i>, namespace: &str, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| super::profile::is(c, namespace, name))
}

fn cipher_value(node: Node) -> Result<Vec<u8>, Refusal> {
    let text: String = child(node, ns::XENC, "CipherData")
        .and_then(|d| child(d, ns::XENC, "CipherValue"))
        .and_then(|v| v.text())
        .ok_or(Refusal::DecryptionFailed)?
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    STANDARD.decode(text).map_err(|_| Refusal::DecryptionFailed)
}

/// Decrypts `encrypted_assertion` (a `saml:EncryptedAssertion` element) and returns the
/// plaintext XML of the assertion inside.
pub fn decrypt_assertion(
    encrypted_assertion: Node,
    key: &PKey<Private>,
) -> Result<String, Refusal> {
    let data =
        child(encrypted_assertion, ns::XENC, "EncryptedData").ok_or(Refusal::DecryptionFailed)?;
    let data_method = child(data, ns::XENC, "EncryptionMethod")
        .and_then(|m| m.attribute("Algorithm"))
        .ok_or(Refusal::DecryptionFailed)?;
    let (cipher, aead) =
        content_cipher(data_method).ok_or(Refusal::EncryptionAlgorithmNotAllowed)?;
    // The EncryptedKey sits in EncryptedData's KeyInfo or next to EncryptedData.
    let encrypted_key = child(data, ns::DSIG, "KeyInfo")
        .and_then(|k| child(k, ns::XENC, "EncryptedKey"))
        .or_else(|| child(encrypted_assertion, ns::XENC, "EncryptedKey"))
        .ok_or(Refusal::DecryptionFailed)?;
    let key_method =
        child(encrypted_key, ns::XENC, "EncryptionMethod").ok_or(Refusal::DecryptionFailed)?;
    let transport = key_method.attribute("Algorithm").unwrap_or_default();
    if transport != RSA_OAEP_MGF1P && transport != RSA_OAEP {
        return Err(Refusal::EncryptionAlgorithmNotAllowed);
    }
    // OpenSSL's OAEP padding is SHA-1 with MGF1-SHA-1: the default of both URIs. Anything
    // else named inside is refused rather than decrypted wrongly.
    for parameter in key_method.children().filter(Node::is_element) {
        let algorithm = parameter.attribute("Algorithm");
        let fine = match parameter.tag_name().name() {
            "DigestMethod" => algorithm == Some(SHA1),
            "MGF" => algorithm == Some(MGF1_SHA1),
            _ => false,
        };
        if !fine {
            return Err(Refusal::EncryptionAlgorithmNotAllowed);
        }
    }
    let wrapped = cipher_value(encrypted_key)?;
    let ciphertext = cipher_value(data)?;
    let plaintext = unwrap_and_decrypt(key, &wrapped, cipher, aead, &ciphertext)
        .ok_or(Refusal::DecryptionFailed)?;
    String::from_utf8(plaintext).map_err(|_| Refusal::DecryptionFailed)
}

fn unwrap_and_decrypt(
    key: &PKey<Private>,
    wrapped: &[u8],
    cipher: Cipher,
    aead: bool,
    data: &[u8],
) -> Option<Vec<u8>> {
    let rsa = key.rsa().ok()?;
    let mut content_key = vec![0u8; rsa.size() as usize];
    let n = rsa
        .private_decrypt(wrapped, &mut content_key, Padding::PKCS1_OAEP)
        .ok()?;
    content_key.truncate(n);
    if content_key.len() != cipher.key_len() {
        return None;
    }
    if aead {
        // IV (12 bytes) || ciphertext || tag (16 bytes).
        const IV: usize = 12;
        const TAG: usize = 16;
        if data.len() < IV + TAG {
            return None;
        }
        let (iv, rest) = data.split_at(IV);
        let (body, tag) = rest.split_at(rest.len() - TAG);
        openssl::symm::decrypt_aead(cipher, &content_key, Some(iv), &[], body, tag).ok()
    } else {
        // IV (16 bytes) || ciphertext, padded to the block (XML Encryption's padding: the
        // last byte says how many bytes to drop).
        const BLOCK: usize = 16;
        if data.len() < 2 * BLOCK || !data.len().is_multiple_of(BLOCK) {
            return None;
        }
        let (iv, body) = data.split_at(BLOCK);
        let mut crypter = openssl::symm::Crypter::new(
            cipher,
            openssl::symm::Mode::Decrypt,
            &content_key,
            Some(iv),
        )
        .ok()?;
        crypter.pad(false);
        let mut out = vec![0u8; body.len() + BLOCK];
        let mut n = crypter.update(body, &mut out).ok()?;
        n += crypter.finalize(&mut out[n..]).ok()?;
        out.truncate(n);
        let pad = usize::from(*out.last()?);
        if pad == 0 || pad > BLOCK || pad > out.len() {
            return None;
        }
        out.truncate(out.len() - pad);
        Some(out)
    }
}
