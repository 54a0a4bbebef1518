//! Test support (the `conformance` feature, never in a release build): encrypting an assertion
//! for the SP key the way an IdP does, so the attack corpus can build encrypted-assertion
//! injections that no real IdP would send.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use openssl::rsa::Padding;
use openssl::symm::Cipher;

/// `<saml:EncryptedAssertion>` holding `assertion_xml`, encrypted (RSA-OAEP + AES-128-CBC)
/// for the certificate `sp_certificate_pem`.
pub fn encrypt_assertion(assertion_xml: &str, sp_certificate_pem: &str) -> Result<String, String> {
    let cert =
        openssl::x509::X509::from_pem(sp_certificate_pem.as_bytes()).map_err(|e| e.to_string())?;
    let rsa = cert
        .public_key()
        .and_then(|k| k.rsa())
        .map_err(|e| e.to_string())?;
    let key: [u8; 16] = rand::random();
    let iv: [u8; 16] = rand::random();
    let body = openssl::symm::encrypt(
        Cipher::aes_128_cbc(),
        &key,
        Some(&iv),
        assertion_xml.as_bytes(),
    )
    .map_err(|e| e.to_string())?;
    let mut wrapped = vec![0u8; rsa.size() as usize];
    let n = rsa
        .public_encrypt(&key, &mut wrapped, Padding::PKCS1_OAEP)
        .map_err(|e| e.to_string())?;
    wrapped.truncate(n);
    let data = [iv.as_slice(), &body].concat();
    Ok(format!(
        r#"<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" xmlns:dsig="http://www.w3.org/2000/09/xmldsig#" Type="http://www.w3.org/2001/04/xmlenc#Element"><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><dsig:KeyInfo><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/><xenc:CipherData><xenc:CipherValue>{}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></dsig:KeyInfo><xenc:CipherData><xenc:CipherValue>{}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>"#,
        STANDARD.encode(wrapped),
        STANDARD.encode(data)
    ))
}

/// The plaintext of the `EncryptedAssertion` in `response_xml`, decrypted with the SP key.
pub fn decrypt_response_assertion(response_xml: &str, sp_key_pem: &str) -> Result<String, String> {
    let key = openssl::pkey::PKey::private_key_from_pem(sp_key_pem.as_bytes())
        .map_err(|e| e.to_string())?;
    let doc = roxmltree::Document::parse(response_xml).map_err(|e| e.to_string())?;
    let encrypted = doc
        .descendants()
        .find(|n| n.has_tag_name("EncryptedAssertion"))
        .ok_or("no EncryptedAssertion")?;
    super::decrypt::decrypt_assertion(encrypted, &key).map_err(|e| e.to_string())
}

/// `xml` with an enveloped RSA-SHA256 signature over its root (whose `ID` is `id`) by the
/// key `key_pem`, placed after the root's first child (the Issuer), as an IdP signs a
/// message for the POST binding.
pub fn sign_enveloped(xml: &str, id: &str, key_pem: &str) -> Result<String, String> {
    use samael::crypto::{Crypto, CryptoProvider};
    let key =
        openssl::pkey::PKey::private_key_from_pem(key_pem.as_bytes()).map_err(|e| e.to_string())?;
    let der = key.private_key_to_der().map_err(|e| e.to_string())?;
    let template = format!(
        r##"<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#{id}"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue></ds:Signature>"##
    );
    let end_of_issuer =
        xml.find("</saml:Issuer>").ok_or("no saml:Issuer")? + "</saml:Issuer>".len();
    let with_template = format!(
        "{}{template}{}",
        &xml[..end_of_issuer],
        &xml[end_of_issuer..]
    );
    Crypto::sign_xml(with_template, &der).map_err(|e| e.to_string())
}
