//! Audit events: one structured log line per security-relevant event under the target `audit`
//! (so `RUST_LOG=warn,audit=info` keeps them alone), at INFO (WARN for `lockout` and
//! `token_reuse`), each with an `event` field:
//!
//! | `event` | when | fields |
//! |---|---|---|
//! | `sign_in` | a user finished signing in (or single sign-on answered for them) | `app`, `provider`, `subject`, `sso` |
//! | `sign_in_failed` | a sign-in attempt failed | `app`, `provider`, `reason`, `user` (when one was typed) |
//! | `lockout` | a failure reached the throttle's lock limit | `provider`, `scope`, `user` (scope `user`) |
//! | `token_issued` | the token endpoint issued tokens | `app`, `provider`, `subject`, `grant_type` |
//! | `token_reuse` | a spent code or rotated refresh token came back; its session is revoked | `app`, `token_type` |
//! | `token_revoked` | an app revoked a refresh token | `app` |
//! | `logout` | a browser's single sign-on session ended | `app` (when named), `provider`, `subject` |
//! | `account_session_ended` | a user ended one of their sessions from the account pages or API | `provider`, `subject`, `kind` (`app`/`browser`), `app` (an app's), `families`, `via` (`page`/`api`) |
//! | `account_signed_out_everywhere` | a user ended all their sessions | `provider`, `subject`, `families`, `sso_sessions`, `pool` (`signed_out`/`failed`/`none`), `via` |
//! | `account_change` | a user changed (or tried to change) their own account: profile, password, MFA, devices, sign-out everywhere, deletion | `operation` (Cognito's name), `provider`, `subject`, `outcome` (`ok` or the error type) |
//!
//! `subject` and `user` are pseudonyms: the first 16 hex digits of a SHA-256 over the provider
//! id and the upstream subject (or the user name as typed, lower-cased), never the name or
//! subject itself. The same person at the same provider always gets the same value, so events
//! can be followed; an operator who knows a name can compute its value. No token, code,
//! password or secret is ever a field.

use crate::identity::Identity;
use sha2::{Digest, Sha256};

/// The pseudonym of `subject` at `provider`: 16 hex digits (64 bits) of a SHA-256 with its own
/// prefix, so it is not a piece of the `sub` authgate publishes (also a hash of the pair).
pub fn pseudonym(provider: &str, subject: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"authgate-audit\0");
    hasher.update(provider.as_bytes());
    hasher.update([0u8]);
    hasher.update(subject.as_bytes());
    let digest = hasher.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Who signed in, as the audit log names them.
pub fn subject_of(identity: &Identity) -> String {
    pseudonym(&identity.provider, &identity.upstream_subject)
}

/// Whoever a typed user name would be (for failures, where nobody is known yet).
pub fn typed_user(provider: &str, username: &str) -> String {
    pseudonym(provider, &username.to_lowercase())
}

pub fn sign_in(app: &str, identity: &Identity, sso: bool) {
    tracing::info!(
        target: "audit",
        event = "sign_in",
        app,
        provider = %identity.provider,
        subject = %subject_of(identity),
        sso,
        "signed in"
    );
}

/// A SAML response refused by provider `provider`'s verifier; `reason` is the check that
/// failed (`saml::Refusal::code`). The response itself is never logged: it may carry personal
/// data, and a genuine one is a bearer credential until it expires.
pub fn saml_refused(provider: &str, reason: &'static str) {
    tracing::warn!(
        target: "audit",
        event = "saml_response_refused",
        provider,
        reason,
        "SAML response refused"
    );
}

/// A SAML IdP's LogoutRequest that ended the sessions of `name_id` at `provider` (a
/// pseudonym is logged, never the NameID): how many SSO sessions and refresh families.
pub fn idp_logout(provider: &str, name_id: &str, sso_sessions: u64, families: u64) {
    tracing::info!(
        target: "audit",
        event = "idp_logout",
        provider,
        subject = %pseudonym(provider, name_id),
        sso_sessions,
        families,
        "signed out by the identity provider"
    );
}

/// `reason` is one of `meter::SignInOutcome`'s failure names; `username` what was typed, if
/// anything (it is logged only as a pseudonym).
pub fn sign_in_failed(app: &str, provider: &str, reason: &'static str, username: Option<&str>) {
    match username.filter(|u| !u.is_empty()) {
        Some(username) => tracing::info!(
            target: "audit",
            event = "sign_in_failed",
            app,
            provider,
            reason,
            user = %typed_user(provider, username),
            "sign-in failed"
        ),
        None => tracing::info!(
            target: "audit",
            event = "sign_in_failed",
            app,
            provider,
            reason,
            "sign-in failed"
        ),
    }
}

/// `scope`: `user` (with the typed user's pseudonym) or `address`.
pub fn lockout(provider: &str, scope: &'static str, username: &str) {
    if scope == "user" {
        tracing::warn!(
            target: "audit",
            event = "lockout",
            provider,
            scope,
            user = %typed_user(provider, username),
            "sign-in locked for this user"
        );
    } else {
        tracing::warn!(
            target: "audit",
            event = "lockout",
            provider,
            scope,
            "sign-in locked for this address"
        );
    }
}

pub fn token_issued(app: &str, grant_type: &'static str, identity: &Identity) {
    tracing::info!(
        target: "audit",
        event = "token_issued",
        app,
        grant_type,
        provider = %identity.provider,
        subject = %subject_of(identity),
        "tokens issued"
    );
}

/// `token_type`: `authorization_code` or `refresh_token`.
pub fn token_reuse(app: &str, token_type: &'static str) {
    tracing::warn!(
        target: "audit",
        event = "token_reuse",
        app,
        token_type,
        "spent token presented again; its session is revoked"
    );
}

pub fn token_revoked(app: &str) {
    tracing::info!(target: "audit", event = "token_revoked", app, "refresh token revoked");
}

/// `app` only when the logout named a registered app.
pub fn logout(app: Option<&str>, identity: &Identity) {
    tracing::info!(
        target: "audit",
        event = "logout",
        app = app.unwrap_or(""),
        provider = %identity.provider,
        subject = %subject_of(identity),
        "signed out"
    );
}

/// A user ended one of their own sessions (`/account`): `kind` `app` (with the app's client
/// id) or `browser`; `families` how many refresh families ended with it.
pub fn account_session_ended(
    identity: &Identity,
    kind: &'static str,
    app: Option<&str>,
    families: u64,
    via: &'static str,
) {
    tracing::info!(
        target: "audit",
        event = "account_session_ended",
        provider = %identity.provider,
        subject = %subject_of(identity),
        kind,
        app = app.unwrap_or_default(),
        families,
        via,
        "session ended by its user"
    );
}

/// A user signed out everywhere (`/account`); `pool` is `signed_out`, `failed` or `none`
/// (not a pool user, or no pool token kept).
pub fn account_signed_out_everywhere(
    identity: &Identity,
    families: u64,
    sso_sessions: u64,
    pool: &'static str,
    via: &'static str,
) {
    tracing::info!(
        target: "audit",
        event = "account_signed_out_everywhere",
        provider = %identity.provider,
        subject = %subject_of(identity),
        families,
        sso_sessions,
        pool,
        via,
        "signed out everywhere by the user"
    );
}

/// A user's own account operation (`operation` is Cognito's name: `ChangePassword`, ...);
/// `outcome` is `ok` or the error type it was refused with. What was sent (password, code,
/// attribute values, the TOTP secret) is never a field.
pub fn account_change(operation: &'static str, provider: &str, subject: &str, outcome: &str) {
    tracing::info!(
        target: "audit",
        event = "account_change",
        operation,
        provider,
        subject = %pseudonym(provider, subject),
        outcome,
        "account changed"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_are_short_stable_provider_scoped_and_not_the_name() {
        let a = pseudonym("local", "alice");
        assert_eq!(a.len(), 16);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(a, pseudonym("local", "alice"));
        assert_ne!(a, pseudonym("other", "alice"));
        assert_ne!(pseudonym("ab", "c"), pseudonym("a", "bc"));
        assert!(!a.contains("alice"));
        assert_eq!(typed_user("local", "Alice"), a);
        // What the README tells operators to compute by hand:
        // printf 'authgate-audit\0local\0alice' | sha256sum | cut -c1-16
        assert_eq!(a, "818d4b303a4bd62c");
    }

    #[test]
    fn the_pseudonym_is_not_a_piece_of_the_published_sub() {
        let identity = Identity {
            provider: "local".into(),
            upstream_subject: "alice".into(),
            username: "alice".into(),
            claims: Default::default(),
            upstream_refresh: None,
            upstream_tokens: None,
            published_sub: None,
            upstream_session: None,
        };
        let sub = identity.subject().replace('-', "");
        assert!(!sub.starts_with(&subject_of(&identity)[..8]));
    }
}
