//! The token endpoint's request: its `application/x-www-form-urlencoded` body through
//! `forms::parse_unique` and `oauth::grants::FormParams::parse` (the parameters it reads), and
//! the same bytes as a Basic authorization header (`web::respond::basic`, client credentials).
#![no_main]

use authgate::oauth::grants::FormParams;
use libfuzzer_sys::fuzz_target;

/// Every parameter the token and revocation endpoints read.
const READ: &[&str] = &[
    "grant_type",
    "code",
    "redirect_uri",
    "code_verifier",
    "refresh_token",
    "client_id",
    "client_secret",
    "scope",
    "token",
    "token_type_hint",
];

fuzz_target!(|data: &[u8]| {
    let unique = authgate::forms::parse_unique(data);
    let params = FormParams::parse(data);
    // The two agree: FormParams is parse_unique with the OAuth error.
    assert_eq!(unique.is_ok(), params.is_ok());
    if let Ok(params) = params {
        for name in READ {
            if let Some(value) = params.get(name) {
                assert!(!value.is_empty());
            }
        }
    }
    if let Ok(header) = std::str::from_utf8(data) {
        authgate::web::respond::basic(header);
    }
});
