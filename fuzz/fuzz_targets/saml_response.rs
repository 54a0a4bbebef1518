//! The SAML response path: `connectors::saml::SamlProfile::verify_response` (the POST field:
//! size, base64, UTF-8) and `verify_xml` (pre-scan, structure, samael's PreDigest verification,
//! decryption, the protocol checks), which must refuse with a typed reason and never panic.
//!
//! The keys are fixed (`fuzz/keys/saml-idp.crt`, the IdP's signing certificate, and
//! `saml-sp.pem`, the SP key that decrypts; both from a test run of scripts/saml-idp.sh, signing
//! nothing else), and so is the clock, so the seeds (genuine simpleSAMLphp responses, one per
//! shape) verify through every check. The expected request ID is taken from the input's first
//! `InResponseTo` (the binding to a stored request is not what is fuzzed here).
//! Input: one flag byte (bit 0 set: the rest is the base64 POST field; clear: the XML), then
//! the rest.
#![no_main]

use authgate::connectors::saml::{SamlProfile, SamlSettings};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use time::OffsetDateTime;

const IDP_CERT: &str = include_str!("../keys/saml-idp.crt");
const SP_KEY: &str = include_str!("../keys/saml-sp.pem");

static PROFILE: LazyLock<SamlProfile> = LazyLock::new(|| {
    // SamlSettings reads the SP key from an environment variable or a file.
    let dir = std::env::temp_dir().join(format!("authgate-fuzz-saml-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("sp.pem");
    std::fs::write(&key, SP_KEY).unwrap();
    let settings: SamlSettings = toml::from_str(&format!(
        r#"idp_entity_id = "http://127.0.0.1:18090/saml2/idp/metadata.php"
           idp_sso_url = "http://127.0.0.1:18090/saml2/idp/SSOService.php"
           idp_certificates = ["""{IDP_CERT}"""]
           sp_entity_id = "urn:test:sp"
           sp_private_key_file = "{}"
           attribute_mapping = {{ email = "email", groups = "groups" }}"#,
        key.display()
    ))
    .unwrap();
    settings
        .resolve(
            "fuzz",
            "corp",
            "http://127.0.0.1:8080/saml2/idpresponse/corp",
        )
        .unwrap()
});

/// When the seeds were issued (their windows hold then).
fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_796_167_170).unwrap()
}

fn request_id(text: &str) -> &str {
    text.split_once("InResponseTo=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or("_none", |(id, _)| id)
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    if flags & 1 == 1 {
        let id = authgate::connectors::saml::verify::decode_post_field(text)
            .map(|xml| request_id(&xml).to_string())
            .unwrap_or_default();
        let _ = PROFILE.verify_response(text, &id, now());
    } else {
        let _ = PROFILE.verify_xml(text, request_id(text), now());
    }
});
