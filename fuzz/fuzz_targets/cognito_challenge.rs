//! A Cognito user pool's challenge parameters (`ChallengeParameters`: a map of strings, some of
//! them JSON or hex or base64 inside), read the ways authgate reads them:
//! - `PASSWORD_VERIFIER` / `DEVICE_PASSWORD_VERIFIER`: `SRP_B`, `SALT` and `SECRET_BLOCK` go
//!   through `connectors::cognito::srp` (`password_claim`, `device_claim`), decoded and used in the
//!   SRP-6a math, as `connectors::cognito` answers them;
//! - every other challenge through `connectors::cognito::challenge` (`PendingChallenge::ask`):
//!   what the page asks, from the code destination, the JSON lists (`MFAS_CAN_CHOOSE`,
//!   `MFAS_CAN_SETUP`, `requiredAttributes`) and a custom challenge's public parameters.
//!
//! Input, one item a line: the challenge name, then `NAME=value` per parameter (split at the
//! first `=`), so the seeds stay readable. A value cannot hold a newline here; the pool's JSON
//! strings may, but nothing parsed here treats one specially.
#![no_main]

use authgate::connectors::cognito::challenge::Ask;
use authgate::connectors::cognito::pool_api::Challenge;
use authgate::connectors::cognito::srp::{self, SrpSession};
use authgate::connectors::cognito::{Attempt, PendingChallenge};
use libfuzzer_sys::fuzz_target;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A fixed client secret `a` (the real one is 1024 random bits per sign-in; a 256-bit one keeps
/// each SRP exchange cheap enough for a million runs, and the parsing is the same).
static SRP: LazyLock<SrpSession> = LazyLock::new(|| {
    match SrpSession::with_private_value(
        "8f3a1c5e9b2d4f607182a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8",
    ) {
        Ok(session) => session,
        Err(e) => panic!("fixed SRP value: {e}"),
    }
});

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = input.lines();
    let name = lines.next().unwrap_or_default().to_string();
    let parameters: HashMap<String, String> = lines
        .map(|line| {
            let (k, v) = line.split_once('=').unwrap_or((line, ""));
            (k.to_string(), v.to_string())
        })
        .collect();
    let p = |key: &str| parameters.get(key).map(String::as_str);
    let timestamp = srp::timestamp(time::OffsetDateTime::UNIX_EPOCH);

    match name.as_str() {
        "PASSWORD_VERIFIER" => {
            if let (Some(user), Some(block), Some(b), Some(salt)) = (
                p("USER_ID_FOR_SRP"),
                p("SECRET_BLOCK"),
                p("SRP_B"),
                p("SALT"),
            ) {
                let _ = SRP.password_claim(
                    "eu-west-1_Pool",
                    user,
                    "password",
                    b,
                    salt,
                    block,
                    &timestamp,
                );
            }
        }
        "DEVICE_PASSWORD_VERIFIER" => {
            if let (Some(block), Some(b), Some(salt)) = (p("SECRET_BLOCK"), p("SRP_B"), p("SALT")) {
                let _ = SRP.device_claim(
                    "group-key",
                    "eu-west-1_device",
                    "device-password",
                    b,
                    salt,
                    block,
                    &timestamp,
                );
            }
        }
        _ => {}
    }

    let pending = PendingChallenge {
        challenge: Challenge {
            name,
            session: Some("session".into()),
            parameters,
        },
        attempt: Attempt::default(),
        totp_secret: None,
    };
    match pending.ask() {
        Ask::Custom { details } => assert!(details.iter().all(|(k, _)| k != "USERNAME")),
        Ask::Unsupported(name) => assert_eq!(name, pending.challenge.name),
        _ => {}
    }
    assert!(pending.asked_again(&pending) == (pending.challenge.name == "CUSTOM_CHALLENGE"));
});
