//! The behaviour every [`Store`] backend must show, as one suite each backend's tests run.
//!
//! Checks panic with a message naming the broken rule. Every id is random per run, so the suite
//! can run any number of times against one store; times are explicit (`now` is passed in), so
//! nothing sleeps. Times are whole seconds near the real clock, so a backend that also sets
//! native TTLs from them keeps every record for as long as the suite needs it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod codes;
mod counters;
mod expiry;
mod identity_ids;
mod keys;
mod refresh;
mod requests;
mod sessions;
mod used_assertions;

use super::{
    AuthRequest, AwsErrorNote, AwsGrant, AwsSession, CodeGrant, CodeTake, IssueFamily, KeyState,
    NewFamily, PendingRole, Redemption, RefreshFamily, RefreshRotation, SessionOrigin,
    SigningKeyRecord, SsoSession, Store, UpstreamFlow, UserSessions, UserSessionsEnded,
};
use crate::identity::Identity;
use serde_json::{Map, Value};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use time::OffsetDateTime;
use tokio::sync::Barrier;
use tokio::task::JoinSet;

/// How many callers race in the concurrency checks.
const RACERS: usize = 16;

/// Runs every check against `store`; panics on the first broken rule. Takes an `Arc` because
/// the concurrency checks spawn tasks that must own a handle to the store.
pub async fn run_all(store: Arc<dyn Store>) {
    let s: &dyn Store = &*store;
    requests::ping_answers(s).await;
    requests::auth_requests_are_stored_read_and_deleted(s).await;
    requests::auth_requests_expire_at_their_expiry(s).await;
    codes::codes_are_taken_exactly_once(s).await;
    codes::used_code_tombstones_last_until_keep_used_until(s).await;
    codes::unknown_and_expired_codes_are_missing(s).await;
    codes::concurrent_takes_of_one_code_have_one_winner(&store).await;
    codes::redeeming_a_code_creates_the_family_it_issues(s).await;
    codes::a_refused_grant_spends_its_code_and_issues_nothing(s).await;
    codes::a_family_that_cannot_be_stored_leaves_its_code_unspent(s).await;
    refresh::refresh_tokens_rotate_along_a_chain(s).await;
    refresh::reusing_a_rotated_token_revokes_the_family(s).await;
    refresh::concurrent_rotations_of_one_token_have_one_winner(&store).await;
    refresh::revoked_families_are_inactive_and_refuse_rotation(s).await;
    refresh::families_expire_and_rotation_does_not_extend_them(s).await;
    refresh::unknown_refresh_tokens_and_families_are_missing(s).await;
    refresh::families_are_updated_only_while_alive(s).await;
    sessions::signing_out_of_an_sso_session_revokes_its_families(s).await;
    sessions::ending_a_users_sessions_revokes_their_families_and_sso_sessions(s).await;
    sessions::ending_upstream_sessions_by_index_revokes_only_what_they_issued(s).await;
    sessions::sso_sessions_are_stored_read_deleted_and_expire(s).await;
    sessions::a_users_live_sessions_are_listed_and_nobody_elses(s).await;
    sessions::browser_sessions_are_stored_overwritten_deleted_and_expire(s).await;
    keys::signing_keys_are_upserted_listed_and_deleted(s).await;
    keys::key_sets_are_replaced_only_from_the_version_read(s).await;
    keys::concurrent_key_set_replacements_have_one_winner(&store).await;
    counters::counters_count_hits_within_a_window(s).await;
    counters::counters_restart_after_their_window_and_reset(s).await;
    counters::counters_give_back_hits_but_never_go_below_zero(s).await;
    counters::counters_report_when_their_window_ends(s).await;
    counters::concurrent_hits_are_all_counted(&store).await;
    counters::concurrent_hits_and_releases_are_all_counted(&store).await;
    identity_ids::identity_ids_are_stored_replaced_deleted_and_expire(s).await;
    used_assertions::assertions_are_used_once_until_they_expire(s).await;
    used_assertions::concurrent_marks_of_one_assertion_have_one_winner(&store).await;
    expiry::collect_expired_deletes_expired_records_only(s).await;
}

// ---------------------------------------------------------------------------------------------
// fixtures

/// The current time in whole seconds: sub-second parts would make "at expiry" ambiguous for a
/// backend that stores seconds.
fn base_time() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(OffsetDateTime::now_utc().unix_timestamp()).unwrap()
}

fn secs(n: i64) -> time::Duration {
    time::Duration::seconds(n)
}

fn unique(kind: &str) -> String {
    format!("conformance-{kind}-{}", uuid::Uuid::new_v4())
}

fn identity(username: &str) -> Identity {
    let mut claims = Map::new();
    claims.insert(
        "email".into(),
        Value::String(format!("{username}@example.com")),
    );
    claims.insert("email_verified".into(), Value::Bool(true));
    Identity {
        provider: "local".into(),
        upstream_subject: username.into(),
        username: username.into(),
        claims,
        upstream_refresh: None,
        upstream_tokens: None,
        published_sub: None,
        upstream_session: None,
    }
}

fn auth_request(client_id: &str) -> AuthRequest {
    AuthRequest {
        client_id: client_id.into(),
        redirect_uri: "https://app.example.com/callback".into(),
        scopes: vec!["openid".into(), "email".into()],
        state: Some("state-value".into()),
        nonce: Some("nonce-value".into()),
        code_challenge: Some("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM".into()),
        identity_provider: None,
        login_hint: Some("alice".into()),
        lang: Some("fr".into()),
        ui_locales: Some("ja".into()),
        prompt: Some("login".into()),
        max_age: Some(300),
        browser_binding: "b1nd1ng".into(),
        upstream: Some(UpstreamFlow {
            provider: "op".into(),
            remembered: Some(
                crate::security::Sealer::new(&[7; 32])
                    .unwrap()
                    .seal("connector-data:op", "{\"pkce_verifier\":\"v\"}")
                    .unwrap(),
            ),
            answered: None,
        }),
        idp_hint: None,
        pending_role: Some(PendingRole {
            identity: identity("alice"),
            auth_time: 1_700_000_000,
            roles: vec![
                "arn:aws:iam::123456789012:role/a".into(),
                "arn:aws:iam::123456789012:role/b".into(),
            ],
        }),
        sso_session: Some("sso-of-the-request".into()),
        origin: None,
    }
}

fn aws_session() -> AwsSession {
    AwsSession {
        identity_id: Some("us-east-1:0f3c1d2e-aaaa-bbbb-cccc-0123456789ab".into()),
        role_arn: Some("arn:aws:iam::123456789012:role/a".into()),
    }
}

fn code_grant(family_id: &str) -> CodeGrant {
    CodeGrant {
        client_id: "app".into(),
        redirect_uri: "https://app.example.com/callback".into(),
        scopes: vec!["openid".into()],
        nonce: Some("nonce-value".into()),
        code_challenge: Some("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM".into()),
        identity: identity("alice"),
        auth_time: 1_700_000_000,
        family_id: family_id.into(),
        aws: Some(AwsGrant {
            session: aws_session(),
            credentials: None,
            error: Some(AwsErrorNote {
                error: "unreachable".into(),
                error_description: "the identity pool did not answer".into(),
            }),
        }),
        sso_session: Some("sso-of-the-code".into()),
        origin: None,
    }
}

fn refresh_family(username: &str) -> RefreshFamily {
    RefreshFamily {
        client_id: "app".into(),
        scopes: vec!["openid".into(), "offline_access".into()],
        identity: identity(username),
        auth_time: 1_700_000_000,
        aws: Some(aws_session()),
        sso_session: None,
        origin: Some(SessionOrigin {
            address: Some("192.0.2.7".into()),
            user_agent: Some("Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0".into()),
        }),
    }
}

fn sso_session(username: &str) -> SsoSession {
    SsoSession {
        identity: identity(username),
        auth_time: 1_700_000_000,
        origin: Some(SessionOrigin {
            address: Some("2001:db8::7".into()),
            user_agent: None,
        }),
    }
}

fn signing_key(kid: &str, state: KeyState) -> SigningKeyRecord {
    SigningKeyRecord {
        kid: kid.into(),
        alg: "ES256".into(),
        state,
        pkcs8_der: vec![0x30, 0x81, 0x87, 0x02, 0x01, 0x00, 0xff],
        state_since: 1_700_000_000,
    }
}

/// A fresh family with one active token; returns (family id, family, token hash).
async fn new_family(
    store: &dyn Store,
    expires_at: OffsetDateTime,
) -> (String, RefreshFamily, String) {
    let family_id = unique("family");
    let family = refresh_family("alice");
    let token = unique("refresh");
    store
        .create_refresh_family(&family_id, &family, &token, expires_at)
        .await
        .expect("create_refresh_family");
    (family_id, family, token)
}

/// Whether `get_active_refresh_family` finds the family.
async fn is_active(store: &dyn Store, family_id: &str, now: OffsetDateTime) -> bool {
    store
        .get_active_refresh_family(family_id, now)
        .await
        .expect("get_active_refresh_family")
        .is_some()
}

/// A fresh family of `client_id` for `identity`, issued through `sso_session`; returns (family
/// id, token hash).
async fn family_of(
    store: &dyn Store,
    client_id: &str,
    identity: &Identity,
    sso_session: Option<&str>,
    expires_at: OffsetDateTime,
) -> (String, String) {
    let family_id = unique("family");
    let token = unique("refresh");
    let family = RefreshFamily {
        client_id: client_id.into(),
        identity: identity.clone(),
        sso_session: sso_session.map(str::to_string),
        ..refresh_family("unused")
    };
    store
        .create_refresh_family(&family_id, &family, &token, expires_at)
        .await
        .expect("create_refresh_family");
    (family_id, token)
}
