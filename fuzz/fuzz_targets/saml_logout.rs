//! The SAML single-logout parsers: `SamlProfile::read_redirect` (the HTTP-Redirect binding's
//! raw query: repeated parameters, the query signature, base64, DEFLATE with its size cap, the
//! pre-scan), `read_posted` (the HTTP-POST binding: base64, pre-scan, the pinned enveloped
//! signature, samael's verification) for a LogoutRequest and a LogoutResponse, and the checks
//! on what verified (`check_logout_request`, `check_logout_response`, `logout::in_response_to`),
//! which must refuse with a typed reason and never panic.
//!
//! The keys are the saml_response target's (`fuzz/keys/`), the clock is fixed, and the
//! checks also run on the input as XML directly (mode 3), so the fuzzer reaches them without
//! forging a signature. Input: one mode byte (its low two bits: 0 a Redirect query, 1 a posted
//! LogoutRequest field, 2 a posted LogoutResponse field, 3 verified XML), then the rest.
#![no_main]

use authgate::connectors::saml::logout::{self, Kind};
use authgate::connectors::saml::{SamlProfile, SamlSettings};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use time::OffsetDateTime;

const IDP_CERT: &str = include_str!("../keys/saml-idp.crt");
const SP_KEY: &str = include_str!("../keys/saml-sp.pem");

static PROFILE: LazyLock<SamlProfile> = LazyLock::new(|| {
    // SamlSettings reads the SP key (which signs logout messages) from a file.
    let dir = std::env::temp_dir().join(format!("authgate-fuzz-slo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("sp.pem");
    std::fs::write(&key, SP_KEY).unwrap();
    let settings: SamlSettings = toml::from_str(&format!(
        r#"idp_entity_id = "http://127.0.0.1:18090/saml2/idp/metadata.php"
           idp_sso_url = "http://127.0.0.1:18090/saml2/idp/SSOService.php"
           idp_slo_url = "http://127.0.0.1:18090/saml2/idp/SingleLogoutService.php"
           idp_certificates = ["""{IDP_CERT}"""]
           sp_entity_id = "urn:test:sp"
           sp_private_key_file = "{}""#,
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
        .with_slo_url("http://127.0.0.1:8080/saml2/logout/corp")
});

/// A fixed clock (the checks' windows are relative to it).
fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_796_167_170).unwrap()
}

/// The checks a verified message goes through.
fn check(xml: &str, kind: Kind) {
    match kind {
        Kind::Request => {
            let _ = PROFILE.check_logout_request(xml, now());
        }
        Kind::Response => {
            let expected = logout::in_response_to(xml);
            let _ = PROFILE.check_logout_response(xml, expected.as_deref(), now());
            let _ = PROFILE.check_logout_response(xml, Some("_pending"), now());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match mode & 3 {
        0 => {
            if let Ok(incoming) = PROFILE.read_redirect(text) {
                check(&incoming.xml, incoming.kind);
            }
        }
        1 | 2 => {
            let parameter = if mode & 3 == 1 {
                "SAMLRequest"
            } else {
                "SAMLResponse"
            };
            if let Ok(incoming) = PROFILE.read_posted(parameter, text, Some("relay")) {
                check(&incoming.xml, incoming.kind);
            }
        }
        _ => {
            check(text, Kind::Request);
            check(text, Kind::Response);
        }
    }
});
