//! The behaviour every [`Store`] backend must show, as one suite each backend's tests run.
//!
//! Checks panic with a message naming the broken rule. Every id is random per run, so the suite
//! can run any number of times against one store; times are explicit (`now` is passed in), so
//! nothing sleeps. Times are whole seconds near the real clock, so a backend that also sets
//! native TTLs from them keeps every record for as long as the suite needs it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::{
    AuthRequest, AwsErrorNote, AwsGrant, AwsSession, CodeGrant, CodeTake, KeyState, PendingRole,
    RefreshFamily, RefreshRotation, SigningKeyRecord, SsoSession, Store, UpstreamFlow,
    UserSessionsEnded,
};
use crate::identity::Identity;
use serde_json::{Map, Value};
use std::sync::Arc;
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
    ping_answers(s).await;
    auth_requests_are_stored_read_and_deleted(s).await;
    auth_requests_expire_at_their_expiry(s).await;
    codes_are_taken_exactly_once(s).await;
    used_code_tombstones_last_until_keep_used_until(s).await;
    unknown_and_expired_codes_are_missing(s).await;
    concurrent_takes_of_one_code_have_one_winner(&store).await;
    refresh_tokens_rotate_along_a_chain(s).await;
    reusing_a_rotated_token_revokes_the_family(s).await;
    concurrent_rotations_of_one_token_have_one_winner(&store).await;
    revoked_families_are_inactive_and_refuse_rotation(s).await;
    families_expire_and_rotation_does_not_extend_them(s).await;
    unknown_refresh_tokens_and_families_are_missing(s).await;
    families_are_updated_only_while_alive(s).await;
    signing_out_of_an_sso_session_revokes_its_families(s).await;
    ending_a_users_sessions_revokes_their_families_and_sso_sessions(s).await;
    sso_sessions_are_stored_read_deleted_and_expire(s).await;
    browser_sessions_are_stored_overwritten_deleted_and_expire(s).await;
    signing_keys_are_upserted_listed_and_deleted(s).await;
    counters_count_hits_within_a_window(s).await;
    counters_restart_after_their_window_and_reset(s).await;
    counters_give_back_hits_but_never_go_below_zero(s).await;
    concurrent_hits_are_all_counted(&store).await;
    concurrent_hits_and_releases_are_all_counted(&store).await;
    identity_ids_are_stored_replaced_deleted_and_expire(s).await;
    collect_expired_deletes_expired_records_only(s).await;
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
    }
}

fn sso_session(username: &str) -> SsoSession {
    SsoSession {
        identity: identity(username),
        auth_time: 1_700_000_000,
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

// ---------------------------------------------------------------------------------------------
// checks

async fn signing_out_of_an_sso_session_revokes_its_families(store: &dyn Store) {
    let now = base_time();
    let later = now + secs(600);
    let user = identity(&unique("user"));
    let (signed_out, other_browser) = (unique("sso"), unique("sso"));
    let (app_family, app_token) = family_of(store, "app", &user, Some(&signed_out), later).await;
    let (second_family, _) = family_of(store, "second", &user, Some(&signed_out), later).await;
    let (kept_family, _) = family_of(store, "keeper", &user, Some(&signed_out), later).await;
    let (elsewhere, _) = family_of(store, "app", &user, Some(&other_browser), later).await;
    let (unlinked, _) = family_of(store, "app", &user, None, later).await;
    // Already expired: not counted, whatever it held.
    family_of(store, "app", &user, Some(&signed_out), now).await;

    let revoked = store
        .revoke_sso_session_families(&signed_out, &["keeper".to_string()], now)
        .await
        .unwrap();

    assert_eq!(
        revoked, 2,
        "the two live families of that sign-in, not the kept app's"
    );
    assert!(!is_active(store, &app_family, now).await);
    assert!(!is_active(store, &second_family, now).await);
    assert!(
        is_active(store, &kept_family, now).await,
        "an app in keep_clients keeps its family"
    );
    assert!(
        is_active(store, &elsewhere, now).await,
        "another browser's sign-in is untouched"
    );
    assert!(
        is_active(store, &unlinked, now).await,
        "a family without an SSO session is untouched"
    );
    assert_eq!(
        store
            .rotate_refresh_token(&app_token, &unique("refresh"), now)
            .await
            .unwrap(),
        RefreshRotation::Revoked {
            family_id: app_family
        },
        "a revoked family's token no longer rotates"
    );
    assert_eq!(
        store
            .revoke_sso_session_families(&signed_out, &[], now)
            .await
            .unwrap(),
        1,
        "a second sign-out finds only what the first kept"
    );
    assert!(!is_active(store, &kept_family, now).await);
    assert_eq!(
        store
            .revoke_sso_session_families(&unique("sso"), &[], now)
            .await
            .unwrap(),
        0
    );
}

async fn ending_a_users_sessions_revokes_their_families_and_sso_sessions(store: &dyn Store) {
    let now = base_time();
    let later = now + secs(600);
    let alice = identity(&unique("alice"));
    let bob = identity(&unique("bob"));
    // The same upstream subject at another provider is another user.
    let alice_elsewhere = Identity {
        provider: "other-provider".into(),
        ..alice.clone()
    };
    let (a1, a1_token) = family_of(store, "app", &alice, Some(&unique("sso")), later).await;
    let (a2, _) = family_of(store, "second", &alice, None, later).await;
    let (b1, _) = family_of(store, "app", &bob, None, later).await;
    let (e1, _) = family_of(store, "app", &alice_elsewhere, None, later).await;
    let mut sessions = Vec::new();
    for who in [&alice, &alice, &bob, &alice_elsewhere] {
        let id = unique("sso");
        let session = SsoSession {
            identity: who.clone(),
            auth_time: 1_700_000_000,
        };
        store.put_sso_session(&id, &session, later).await.unwrap();
        sessions.push(id);
    }

    let ended = store
        .end_user_sessions(&alice.provider, &alice.upstream_subject, now)
        .await
        .unwrap();

    assert_eq!(
        ended,
        UserSessionsEnded {
            families: 2,
            sso_sessions: 2
        }
    );
    assert!(!is_active(store, &a1, now).await);
    assert!(!is_active(store, &a2, now).await);
    assert!(
        is_active(store, &b1, now).await,
        "another user's family lives"
    );
    assert!(
        is_active(store, &e1, now).await,
        "the same subject at another provider is another user"
    );
    for (i, id) in sessions.iter().enumerate() {
        let found = store.get_sso_session(id, now).await.unwrap().is_some();
        assert_eq!(found, i >= 2, "sso session {i}");
    }
    assert!(matches!(
        store
            .rotate_refresh_token(&a1_token, &unique("refresh"), now)
            .await
            .unwrap(),
        RefreshRotation::Revoked { .. }
    ));
    assert_eq!(
        store
            .end_user_sessions(&alice.provider, &alice.upstream_subject, now)
            .await
            .unwrap(),
        UserSessionsEnded::default(),
        "nothing is left to end"
    );
}

async fn families_are_updated_only_while_alive(store: &dyn Store) {
    let now = base_time();
    let (family_id, mut family, token) = new_family(store, now + secs(60)).await;
    family.scopes = vec!["openid".into(), "changed".into()];
    assert!(
        store
            .update_refresh_family(&family_id, &family, now)
            .await
            .unwrap(),
        "a live family is updated"
    );
    let read = store
        .get_active_refresh_family(&family_id, now)
        .await
        .unwrap();
    assert_eq!(
        read.as_ref(),
        Some(&family),
        "the update is what is read back"
    );
    // Rotation still works and carries the update.
    let next = unique("refresh");
    match store
        .rotate_refresh_token(&token, &next, now)
        .await
        .unwrap()
    {
        RefreshRotation::Rotated {
            family: rotated, ..
        } => assert_eq!(rotated, family),
        other => panic!("expected Rotated, got {other:?}"),
    }
    // Not after expiry, not after revocation, not for an unknown family.
    assert!(
        !store
            .update_refresh_family(&family_id, &family, now + secs(60))
            .await
            .unwrap()
    );
    store.revoke_refresh_family(&family_id).await.unwrap();
    assert!(
        !store
            .update_refresh_family(&family_id, &family, now)
            .await
            .unwrap()
    );
    assert!(
        !store
            .update_refresh_family(&unique("family"), &family, now)
            .await
            .unwrap()
    );
}

async fn ping_answers(store: &dyn Store) {
    store
        .ping()
        .await
        .expect("ping must succeed on a healthy store");
}

async fn auth_requests_are_stored_read_and_deleted(store: &dyn Store) {
    let now = base_time();
    let id = unique("auth-request");
    let request = auth_request("app");

    store
        .put_auth_request(&id, &request, now + secs(600))
        .await
        .unwrap();

    assert_eq!(
        store.get_auth_request(&id, now).await.unwrap(),
        Some(request.clone()),
        "an auth request reads back as it was put"
    );
    assert_eq!(
        store
            .get_auth_request(&unique("auth-request"), now)
            .await
            .unwrap(),
        None,
        "an unknown auth request id reads as None"
    );
    store.delete_auth_request(&id).await.unwrap();
    assert_eq!(
        store.get_auth_request(&id, now).await.unwrap(),
        None,
        "a deleted auth request reads as None"
    );
    store
        .delete_auth_request(&id)
        .await
        .expect("deleting an absent auth request is not an error");
}

async fn auth_requests_expire_at_their_expiry(store: &dyn Store) {
    let now = base_time();
    let id = unique("auth-request");
    store
        .put_auth_request(&id, &auth_request("app"), now + secs(600))
        .await
        .unwrap();

    assert!(
        store
            .get_auth_request(&id, now + secs(599))
            .await
            .unwrap()
            .is_some(),
        "an auth request is readable until its expiry"
    );
    assert_eq!(
        store.get_auth_request(&id, now + secs(600)).await.unwrap(),
        None,
        "an auth request is gone at its expiry"
    );
    assert_eq!(
        store.get_auth_request(&id, now + secs(601)).await.unwrap(),
        None,
        "an auth request stays gone after its expiry"
    );
}

async fn codes_are_taken_exactly_once(store: &dyn Store) {
    let now = base_time();
    let hash = unique("code");
    let family_id = unique("family");
    let grant = code_grant(&family_id);
    store.put_code(&hash, &grant, now + secs(60)).await.unwrap();

    assert_eq!(
        store.take_code(&hash, now, now + secs(600)).await.unwrap(),
        CodeTake::Taken(Box::new(grant)),
        "the first take returns the grant as it was put"
    );
    assert_eq!(
        store
            .take_code(&hash, now + secs(1), now + secs(600))
            .await
            .unwrap(),
        CodeTake::AlreadyUsed {
            family_id: family_id.clone()
        },
        "a second take reports AlreadyUsed naming the grant's family"
    );
}

async fn used_code_tombstones_last_until_keep_used_until(store: &dyn Store) {
    let now = base_time();
    let hash = unique("code");
    let family_id = unique("family");
    store
        .put_code(&hash, &code_grant(&family_id), now + secs(60))
        .await
        .unwrap();
    let taken = store.take_code(&hash, now, now + secs(600)).await.unwrap();
    assert!(matches!(taken, CodeTake::Taken(_)), "the first take wins");

    assert_eq!(
        store
            .take_code(&hash, now + secs(300), now + secs(900))
            .await
            .unwrap(),
        CodeTake::AlreadyUsed {
            family_id: family_id.clone()
        },
        "the tombstone outlives the code's own expiry, up to keep_used_until"
    );
    assert_eq!(
        store
            .take_code(&hash, now + secs(599), now + secs(900))
            .await
            .unwrap(),
        CodeTake::AlreadyUsed { family_id },
        "the tombstone is there just before keep_used_until, and a failed take does not move it"
    );
    assert_eq!(
        store
            .take_code(&hash, now + secs(600), now + secs(900))
            .await
            .unwrap(),
        CodeTake::Missing,
        "the tombstone is gone at keep_used_until"
    );
}

async fn unknown_and_expired_codes_are_missing(store: &dyn Store) {
    let now = base_time();
    assert_eq!(
        store
            .take_code(&unique("code"), now, now + secs(600))
            .await
            .unwrap(),
        CodeTake::Missing,
        "an unknown code is Missing"
    );

    let hash = unique("code");
    store
        .put_code(&hash, &code_grant(&unique("family")), now + secs(60))
        .await
        .unwrap();
    assert_eq!(
        store
            .take_code(&hash, now + secs(60), now + secs(600))
            .await
            .unwrap(),
        CodeTake::Missing,
        "a code taken at its expiry is Missing"
    );
    assert_eq!(
        store
            .take_code(&hash, now + secs(61), now + secs(600))
            .await
            .unwrap(),
        CodeTake::Missing,
        "a failed take of an expired code leaves no tombstone behind"
    );
}

async fn concurrent_takes_of_one_code_have_one_winner(store: &Arc<dyn Store>) {
    let now = base_time();
    let hash = unique("code");
    let family_id = unique("family");
    let grant = code_grant(&family_id);
    store.put_code(&hash, &grant, now + secs(60)).await.unwrap();

    let barrier = Arc::new(Barrier::new(RACERS));
    let mut racers = JoinSet::new();
    for _ in 0..RACERS {
        let store = Arc::clone(store);
        let barrier = Arc::clone(&barrier);
        let hash = hash.clone();
        racers.spawn(async move {
            barrier.wait().await;
            store.take_code(&hash, now, now + secs(600)).await
        });
    }
    let outcomes: Vec<CodeTake> = racers
        .join_all()
        .await
        .into_iter()
        .map(|outcome| outcome.expect("take_code under contention"))
        .collect();

    let winners = outcomes
        .iter()
        .filter(|o| matches!(o, CodeTake::Taken(_)))
        .count();
    assert_eq!(winners, 1, "exactly one of {RACERS} concurrent takes wins");
    assert!(
        outcomes.contains(&CodeTake::Taken(Box::new(grant))),
        "the winner gets the grant as it was put"
    );
    let already_used = CodeTake::AlreadyUsed { family_id };
    assert_eq!(
        outcomes.iter().filter(|o| **o == already_used).count(),
        RACERS - 1,
        "every losing take sees AlreadyUsed naming the family"
    );
}

async fn refresh_tokens_rotate_along_a_chain(store: &dyn Store) {
    let now = base_time();
    let (family_id, family, first) = new_family(store, now + secs(3600)).await;
    let second = unique("refresh");
    let third = unique("refresh");

    assert_eq!(
        store
            .get_active_refresh_family(&family_id, now)
            .await
            .unwrap(),
        Some(family.clone()),
        "a new family is active and reads back as it was created"
    );
    assert_eq!(
        store.find_refresh_family(&first, now).await.unwrap(),
        Some((family_id.clone(), family.clone())),
        "a family is found from its first token"
    );

    let rotated = RefreshRotation::Rotated {
        family_id: family_id.clone(),
        family: family.clone(),
    };
    assert_eq!(
        store
            .rotate_refresh_token(&first, &second, now)
            .await
            .unwrap(),
        rotated,
        "rotating the active token succeeds"
    );
    assert_eq!(
        store
            .rotate_refresh_token(&second, &third, now + secs(1))
            .await
            .unwrap(),
        rotated,
        "the token a rotation issued can itself be rotated"
    );
    assert_eq!(
        store
            .find_refresh_family(&first, now + secs(2))
            .await
            .unwrap(),
        Some((family_id.clone(), family.clone())),
        "a rotated token still names its family"
    );
    assert_eq!(
        store
            .find_refresh_family(&third, now + secs(2))
            .await
            .unwrap(),
        Some((family_id.clone(), family)),
        "the newest token names its family"
    );
    assert!(
        is_active(store, &family_id, now + secs(2)).await,
        "rotation leaves the family active"
    );
}

async fn reusing_a_rotated_token_revokes_the_family(store: &dyn Store) {
    let now = base_time();
    let (family_id, _, first) = new_family(store, now + secs(3600)).await;
    let second = unique("refresh");
    let stolen = unique("refresh");
    let after_reuse = unique("refresh");
    let rotation = store
        .rotate_refresh_token(&first, &second, now)
        .await
        .unwrap();
    assert!(
        matches!(rotation, RefreshRotation::Rotated { .. }),
        "the first rotation succeeds"
    );

    assert_eq!(
        store
            .rotate_refresh_token(&first, &stolen, now + secs(1))
            .await
            .unwrap(),
        RefreshRotation::Reused {
            family_id: family_id.clone()
        },
        "presenting a rotated-away token reports Reused"
    );
    assert!(
        !is_active(store, &family_id, now + secs(1)).await,
        "reuse revokes the family"
    );
    assert_eq!(
        store
            .rotate_refresh_token(&second, &after_reuse, now + secs(2))
            .await
            .unwrap(),
        RefreshRotation::Revoked {
            family_id: family_id.clone()
        },
        "after reuse, even the family's newest token is refused as Revoked"
    );
    assert_eq!(
        store
            .rotate_refresh_token(&first, &after_reuse, now + secs(3))
            .await
            .unwrap(),
        RefreshRotation::Revoked { family_id },
        "once revoked, presenting the reused token again reports Revoked"
    );
    assert_eq!(
        store
            .find_refresh_family(&stolen, now + secs(3))
            .await
            .unwrap(),
        None,
        "a refused rotation issues no token"
    );
}

async fn concurrent_rotations_of_one_token_have_one_winner(store: &Arc<dyn Store>) {
    let now = base_time();
    let (family_id, family, token) = new_family(&**store, now + secs(3600)).await;

    let barrier = Arc::new(Barrier::new(RACERS));
    let mut racers = JoinSet::new();
    for _ in 0..RACERS {
        let store = Arc::clone(store);
        let barrier = Arc::clone(&barrier);
        let token = token.clone();
        let new_token = unique("refresh");
        racers.spawn(async move {
            barrier.wait().await;
            let outcome = store.rotate_refresh_token(&token, &new_token, now).await;
            (new_token, outcome)
        });
    }
    let outcomes: Vec<(String, RefreshRotation)> = racers
        .join_all()
        .await
        .into_iter()
        .map(|(new_token, outcome)| (new_token, outcome.expect("rotation under contention")))
        .collect();

    let rotated = RefreshRotation::Rotated {
        family_id: family_id.clone(),
        family,
    };
    let winners: Vec<&String> = outcomes
        .iter()
        .filter(|(_, o)| *o == rotated)
        .map(|(new_token, _)| new_token)
        .collect();
    assert_eq!(
        winners.len(),
        1,
        "exactly one of {RACERS} concurrent rotations wins"
    );
    let reused = RefreshRotation::Reused {
        family_id: family_id.clone(),
    };
    let revoked = RefreshRotation::Revoked {
        family_id: family_id.clone(),
    };
    assert!(
        outcomes
            .iter()
            .all(|(_, o)| *o == rotated || *o == reused || *o == revoked),
        "every losing rotation is Reused or Revoked, naming the family"
    );
    assert!(
        outcomes.iter().any(|(_, o)| *o == reused),
        "the first loser sees a rotated-away token and reports Reused"
    );
    assert!(
        !is_active(&**store, &family_id, now).await,
        "a concurrent second use is reuse, which revokes the family"
    );
    assert_eq!(
        store
            .rotate_refresh_token(winners[0], &unique("refresh"), now + secs(1))
            .await
            .unwrap(),
        revoked,
        "the winner's token dies with the family"
    );
}

async fn revoked_families_are_inactive_and_refuse_rotation(store: &dyn Store) {
    let now = base_time();
    let (family_id, family, token) = new_family(store, now + secs(3600)).await;
    let next = unique("refresh");

    store.revoke_refresh_family(&family_id).await.unwrap();

    assert!(
        !is_active(store, &family_id, now).await,
        "a revoked family is inactive"
    );
    assert_eq!(
        store
            .rotate_refresh_token(&token, &next, now)
            .await
            .unwrap(),
        RefreshRotation::Revoked {
            family_id: family_id.clone()
        },
        "the active token of a revoked family is refused as Revoked"
    );
    assert_eq!(
        store.find_refresh_family(&token, now).await.unwrap(),
        Some((family_id.clone(), family)),
        "a revoked but unexpired family is still found from its tokens"
    );
    store
        .revoke_refresh_family(&family_id)
        .await
        .expect("revoking twice is not an error");
    store
        .revoke_refresh_family(&unique("family"))
        .await
        .expect("revoking an unknown family is not an error");
}

async fn families_expire_and_rotation_does_not_extend_them(store: &dyn Store) {
    let now = base_time();
    let expires_at = now + secs(100);
    let (family_id, _, first) = new_family(store, expires_at).await;
    let second = unique("refresh");
    let third = unique("refresh");
    let fourth = unique("refresh");

    let rotation = store
        .rotate_refresh_token(&first, &second, now + secs(50))
        .await
        .unwrap();
    assert!(
        matches!(rotation, RefreshRotation::Rotated { .. }),
        "rotation before expiry succeeds"
    );

    assert!(
        store
            .find_refresh_family(&second, expires_at - secs(1))
            .await
            .unwrap()
            .is_some(),
        "a rotated-in token lives until the family's expiry"
    );
    assert_eq!(
        store
            .find_refresh_family(&second, expires_at)
            .await
            .unwrap(),
        None,
        "a rotated-in token dies at the family's expiry, not later"
    );
    assert_eq!(
        store
            .rotate_refresh_token(&second, &third, expires_at)
            .await
            .unwrap(),
        RefreshRotation::Missing,
        "rotation at the family's expiry is Missing"
    );
    let rotation = store
        .rotate_refresh_token(&second, &third, expires_at - secs(1))
        .await
        .unwrap();
    assert!(
        matches!(rotation, RefreshRotation::Rotated { .. }),
        "a refused rotation at expiry changed nothing: just before expiry it still works"
    );
    assert_eq!(
        store
            .rotate_refresh_token(&third, &fourth, expires_at)
            .await
            .unwrap(),
        RefreshRotation::Missing,
        "a second rotation did not extend the family either"
    );
    assert_eq!(
        store
            .rotate_refresh_token(&first, &fourth, expires_at + secs(1))
            .await
            .unwrap(),
        RefreshRotation::Missing,
        "reuse of a token from an expired family is Missing, not Reused"
    );
    assert!(
        is_active(store, &family_id, expires_at - secs(1)).await,
        "the family is active just before its expiry"
    );
    assert!(
        !is_active(store, &family_id, expires_at).await,
        "the family is inactive at its expiry"
    );
}

async fn unknown_refresh_tokens_and_families_are_missing(store: &dyn Store) {
    let now = base_time();
    assert_eq!(
        store
            .rotate_refresh_token(&unique("refresh"), &unique("refresh"), now)
            .await
            .unwrap(),
        RefreshRotation::Missing,
        "rotating an unknown token is Missing"
    );
    assert_eq!(
        store
            .find_refresh_family(&unique("refresh"), now)
            .await
            .unwrap(),
        None,
        "an unknown token names no family"
    );
    assert!(
        !is_active(store, &unique("family"), now).await,
        "an unknown family is inactive"
    );
}

async fn identity_ids_are_stored_replaced_deleted_and_expire(store: &dyn Store) {
    let now = base_time();
    let key = unique("identity-id");
    store
        .put_identity_id(&key, "us-east-1:first", now + secs(600))
        .await
        .unwrap();
    assert_eq!(
        store.get_identity_id(&key, now).await.unwrap().as_deref(),
        Some("us-east-1:first"),
        "an identity id reads back as it was put"
    );
    store
        .put_identity_id(&key, "us-east-1:second", now + secs(900))
        .await
        .unwrap();
    assert_eq!(
        store
            .get_identity_id(&key, now + secs(899))
            .await
            .unwrap()
            .as_deref(),
        Some("us-east-1:second"),
        "a second put replaces the id and its expiry"
    );
    assert_eq!(
        store.get_identity_id(&key, now + secs(900)).await.unwrap(),
        None,
        "an identity id is gone at its expiry"
    );
    assert_eq!(
        store
            .get_identity_id(&unique("identity-id"), now)
            .await
            .unwrap(),
        None,
        "an unknown key reads as None"
    );
    store.delete_identity_id(&key).await.unwrap();
    assert_eq!(
        store.get_identity_id(&key, now).await.unwrap(),
        None,
        "a deleted identity id reads as None"
    );
    store
        .delete_identity_id(&key)
        .await
        .expect("deleting an absent identity id is not an error");
}

async fn sso_sessions_are_stored_read_deleted_and_expire(store: &dyn Store) {
    let now = base_time();
    let id = unique("sso");
    let session = sso_session("alice");
    store
        .put_sso_session(&id, &session, now + secs(600))
        .await
        .unwrap();

    assert_eq!(
        store.get_sso_session(&id, now).await.unwrap(),
        Some(session.clone()),
        "an sso session reads back as it was put"
    );
    assert_eq!(
        store.get_sso_session(&id, now + secs(599)).await.unwrap(),
        Some(session),
        "an sso session is readable until its expiry"
    );
    assert_eq!(
        store.get_sso_session(&id, now + secs(600)).await.unwrap(),
        None,
        "an sso session is gone at its expiry"
    );
    assert_eq!(
        store.get_sso_session(&unique("sso"), now).await.unwrap(),
        None,
        "an unknown sso session reads as None"
    );

    store.delete_sso_session(&id).await.unwrap();
    assert_eq!(
        store.get_sso_session(&id, now).await.unwrap(),
        None,
        "a deleted sso session reads as None"
    );
    store
        .delete_sso_session(&id)
        .await
        .expect("deleting an absent sso session is not an error");
}

async fn browser_sessions_are_stored_overwritten_deleted_and_expire(store: &dyn Store) {
    let now = base_time();
    let id = unique("browser");
    // Not UTF-8 and with a NUL: the data is opaque bytes.
    let first: Vec<u8> = vec![0x00, 0xff, 0xfe, b'{', 0x80, b'}'];
    let second: Vec<u8> = b"{\"csrf\":\"second\"}".to_vec();

    store
        .put_browser_session(&id, &first, now + secs(600))
        .await
        .unwrap();
    assert_eq!(
        store.get_browser_session(&id, now).await.unwrap(),
        Some(first),
        "browser session bytes read back exactly"
    );

    store
        .put_browser_session(&id, &second, now + secs(1200))
        .await
        .unwrap();
    assert_eq!(
        store
            .get_browser_session(&id, now + secs(900))
            .await
            .unwrap(),
        Some(second),
        "a second put replaces both the data and the expiry"
    );
    assert_eq!(
        store
            .get_browser_session(&id, now + secs(1200))
            .await
            .unwrap(),
        None,
        "a browser session is gone at its expiry"
    );
    assert_eq!(
        store
            .get_browser_session(&unique("browser"), now)
            .await
            .unwrap(),
        None,
        "an unknown browser session reads as None"
    );

    store.delete_browser_session(&id).await.unwrap();
    assert_eq!(
        store.get_browser_session(&id, now).await.unwrap(),
        None,
        "a deleted browser session reads as None"
    );
    store
        .delete_browser_session(&id)
        .await
        .expect("deleting an absent browser session is not an error");
}

async fn signing_keys_are_upserted_listed_and_deleted(store: &dyn Store) {
    // Keys are global, so other runs' keys may be listed too: look only at ours.
    let next_kid = unique("kid");
    let current_kid = unique("kid");
    let ours = |keys: Vec<SigningKeyRecord>| -> Vec<SigningKeyRecord> {
        keys.into_iter()
            .filter(|k| k.kid == next_kid || k.kid == current_kid)
            .collect()
    };

    let next = signing_key(&next_kid, KeyState::Next);
    let current = signing_key(&current_kid, KeyState::Current);
    store.put_signing_key(&next).await.unwrap();
    store.put_signing_key(&current).await.unwrap();
    let listed = ours(store.signing_keys().await.unwrap());
    assert_eq!(listed.len(), 2, "both keys put are listed");
    assert!(
        listed.contains(&next) && listed.contains(&current),
        "keys read back as they were put, private part included"
    );

    let mut promoted = next.clone();
    promoted.state = KeyState::Current;
    promoted.state_since += 3600;
    let mut retired = current.clone();
    retired.state = KeyState::Retired;
    store.put_signing_key(&promoted).await.unwrap();
    store.put_signing_key(&retired).await.unwrap();
    let listed = ours(store.signing_keys().await.unwrap());
    assert_eq!(
        listed.len(),
        2,
        "putting a key with a known kid replaces it rather than adding one"
    );
    assert!(
        listed.contains(&promoted) && listed.contains(&retired),
        "a replaced key reads back in its new state"
    );

    store.delete_signing_key(&current_kid).await.unwrap();
    assert_eq!(
        ours(store.signing_keys().await.unwrap()),
        vec![promoted],
        "a deleted key is no longer listed"
    );
    store.delete_signing_key(&next_kid).await.unwrap();
    assert!(
        ours(store.signing_keys().await.unwrap()).is_empty(),
        "deleting every key of ours leaves none of ours"
    );
    store
        .delete_signing_key(&next_kid)
        .await
        .expect("deleting an absent key is not an error");
}

async fn counters_count_hits_within_a_window(store: &dyn Store) {
    let now = base_time();
    let key = unique("counter");
    let window = Duration::from_secs(60);

    assert_eq!(
        store.counter(&key, now).await.unwrap(),
        0,
        "an unknown counter reads 0"
    );
    assert_eq!(store.hit_counter(&key, window, now).await.unwrap(), 1);
    assert_eq!(
        store
            .hit_counter(&key, window, now + secs(1))
            .await
            .unwrap(),
        2,
        "hits within the window add up"
    );
    assert_eq!(
        store
            .hit_counter(&key, window, now + secs(59))
            .await
            .unwrap(),
        3,
        "the last second of the window still counts"
    );
    assert_eq!(
        store.counter(&key, now + secs(59)).await.unwrap(),
        3,
        "counter reads the count without adding to it"
    );
    assert_eq!(
        store.counter(&key, now + secs(59)).await.unwrap(),
        3,
        "reading twice does not change the count"
    );
    assert_eq!(
        store.counter(&key, now + secs(60)).await.unwrap(),
        0,
        "a counter whose window has passed reads 0"
    );
}

async fn counters_restart_after_their_window_and_reset(store: &dyn Store) {
    let now = base_time();
    let key = unique("counter");
    let window = Duration::from_secs(60);
    for _ in 0..5 {
        store.hit_counter(&key, window, now).await.unwrap();
    }

    assert_eq!(
        store
            .hit_counter(&key, window, now + secs(60))
            .await
            .unwrap(),
        1,
        "the first hit after the window starts a new window at 1"
    );
    assert_eq!(
        store
            .hit_counter(&key, window, now + secs(119))
            .await
            .unwrap(),
        2,
        "the new window runs from its first hit"
    );
    assert_eq!(
        store
            .hit_counter(&key, window, now + secs(120))
            .await
            .unwrap(),
        1,
        "and ends one window after that hit"
    );

    store.reset_counter(&key).await.unwrap();
    assert_eq!(
        store.counter(&key, now + secs(120)).await.unwrap(),
        0,
        "a reset counter reads 0"
    );
    assert_eq!(
        store
            .hit_counter(&key, window, now + secs(121))
            .await
            .unwrap(),
        1,
        "a reset counter starts again at 1"
    );
    store
        .reset_counter(&unique("counter"))
        .await
        .expect("resetting an unknown counter is not an error");
}

async fn counters_give_back_hits_but_never_go_below_zero(store: &dyn Store) {
    let now = base_time();
    let key = unique("counter");
    let window = Duration::from_secs(60);
    for _ in 0..3 {
        store.hit_counter(&key, window, now).await.unwrap();
    }

    store.release_counter(&key, now + secs(1)).await.unwrap();
    assert_eq!(
        store.counter(&key, now + secs(1)).await.unwrap(),
        2,
        "a release takes one hit back"
    );
    assert_eq!(
        store
            .hit_counter(&key, window, now + secs(2))
            .await
            .unwrap(),
        3,
        "hits after a release count on from there"
    );
    for _ in 0..5 {
        store.release_counter(&key, now + secs(3)).await.unwrap();
    }
    assert_eq!(
        store.counter(&key, now + secs(3)).await.unwrap(),
        0,
        "releases never take a counter below 0"
    );
    assert_eq!(
        store
            .hit_counter(&key, window, now + secs(4))
            .await
            .unwrap(),
        1,
        "a counter released to 0 counts from 1 again"
    );
    assert_eq!(
        store.counter(&key, now + secs(60)).await.unwrap(),
        0,
        "releases do not extend the window (it ends 60 s after the first hit)"
    );

    store.release_counter(&key, now + secs(60)).await.unwrap();
    assert_eq!(
        store
            .hit_counter(&key, window, now + secs(61))
            .await
            .unwrap(),
        1,
        "releasing an expired counter leaves it expired: the next hit starts a new window"
    );

    let unknown = unique("counter");
    store
        .release_counter(&unknown, now)
        .await
        .expect("releasing an unknown counter is not an error");
    assert_eq!(store.counter(&unknown, now).await.unwrap(), 0);
    assert_eq!(
        store.hit_counter(&unknown, window, now).await.unwrap(),
        1,
        "releasing an unknown counter creates nothing"
    );
}

async fn concurrent_hits_are_all_counted(store: &Arc<dyn Store>) {
    let now = base_time();
    let key = unique("counter");
    let hits = 2 * RACERS;

    let barrier = Arc::new(Barrier::new(hits));
    let mut racers = JoinSet::new();
    for _ in 0..hits {
        let store = Arc::clone(store);
        let barrier = Arc::clone(&barrier);
        let key = key.clone();
        racers.spawn(async move {
            barrier.wait().await;
            store.hit_counter(&key, Duration::from_secs(60), now).await
        });
    }
    let mut counts: Vec<u32> = racers
        .join_all()
        .await
        .into_iter()
        .map(|count| count.expect("hit_counter under contention"))
        .collect();
    counts.sort_unstable();

    let expected: Vec<u32> = (1..=u32::try_from(hits).unwrap()).collect();
    assert_eq!(
        counts, expected,
        "concurrent hits each see a distinct count: none is lost"
    );
    assert_eq!(
        store.counter(&key, now).await.unwrap(),
        u32::try_from(hits).unwrap()
    );
}

async fn concurrent_hits_and_releases_are_all_counted(store: &Arc<dyn Store>) {
    let now = base_time();
    let key = unique("counter");
    let window = Duration::from_secs(60);
    for _ in 0..RACERS {
        store.hit_counter(&key, window, now).await.unwrap();
    }

    // RACERS more hits race RACERS releases: whatever the order, the count ends where it began.
    let barrier = Arc::new(Barrier::new(2 * RACERS));
    let mut racers = JoinSet::new();
    for i in 0..2 * RACERS {
        let store = Arc::clone(store);
        let barrier = Arc::clone(&barrier);
        let key = key.clone();
        racers.spawn(async move {
            barrier.wait().await;
            if i % 2 == 0 {
                store.hit_counter(&key, window, now).await.map(|_| ())
            } else {
                store.release_counter(&key, now).await
            }
        });
    }
    for outcome in racers.join_all().await {
        outcome.expect("hit or release under contention");
    }

    assert_eq!(
        store.counter(&key, now).await.unwrap(),
        u32::try_from(RACERS).unwrap(),
        "concurrent hits and releases are none of them lost"
    );
}

async fn collect_expired_deletes_expired_records_only(store: &dyn Store) {
    let now = base_time();
    let soon = now + secs(10);
    let later = now + secs(1000);
    let collect_at = now + secs(100);
    let window_soon = Duration::from_secs(10);
    let window_later = Duration::from_secs(1000);

    // Arrange: one expired and one live record of every kind that expires.
    let (dead_request, live_request) = (unique("auth-request"), unique("auth-request"));
    store
        .put_auth_request(&dead_request, &auth_request("app"), soon)
        .await
        .unwrap();
    store
        .put_auth_request(&live_request, &auth_request("app"), later)
        .await
        .unwrap();

    let (dead_code, live_code, dead_tombstone) = (unique("code"), unique("code"), unique("code"));
    let live_grant = code_grant(&unique("family"));
    store
        .put_code(&dead_code, &code_grant(&unique("family")), soon)
        .await
        .unwrap();
    store
        .put_code(&live_code, &live_grant, later)
        .await
        .unwrap();
    store
        .put_code(&dead_tombstone, &code_grant(&unique("family")), later)
        .await
        .unwrap();
    let taken = store.take_code(&dead_tombstone, now, soon).await.unwrap();
    assert!(matches!(taken, CodeTake::Taken(_)));

    let (dead_family, _, dead_token) = new_family(store, soon).await;
    let (live_family, live_family_record, live_token) = new_family(store, later).await;

    let (dead_sso, live_sso) = (unique("sso"), unique("sso"));
    store
        .put_sso_session(&dead_sso, &sso_session("alice"), soon)
        .await
        .unwrap();
    store
        .put_sso_session(&live_sso, &sso_session("bob"), later)
        .await
        .unwrap();

    let (dead_browser, live_browser) = (unique("browser"), unique("browser"));
    store
        .put_browser_session(&dead_browser, b"dead", soon)
        .await
        .unwrap();
    store
        .put_browser_session(&live_browser, b"live", later)
        .await
        .unwrap();

    let (dead_counter, live_counter) = (unique("counter"), unique("counter"));
    store
        .hit_counter(&dead_counter, window_soon, now)
        .await
        .unwrap();
    store
        .hit_counter(&live_counter, window_later, now)
        .await
        .unwrap();

    let (dead_identity, live_identity) = (unique("identity-id"), unique("identity-id"));
    store
        .put_identity_id(&dead_identity, "us-east-1:dead", soon)
        .await
        .unwrap();
    store
        .put_identity_id(&live_identity, "us-east-1:live", later)
        .await
        .unwrap();

    let kid = unique("kid");
    store
        .put_signing_key(&signing_key(&kid, KeyState::Retired))
        .await
        .unwrap();

    // Act
    let deleted = store.collect_expired(collect_at).await.unwrap();

    // Assert: expired records are gone even when read at a time they would still be valid,
    // which tells deletion apart from read-time filtering.
    assert!(
        deleted >= 8,
        "collect_expired reports at least the 8 expired records this check made, got {deleted}"
    );
    assert_eq!(
        store.get_identity_id(&dead_identity, now).await.unwrap(),
        None,
        "an expired identity id is deleted"
    );
    assert_eq!(
        store
            .get_identity_id(&live_identity, collect_at)
            .await
            .unwrap()
            .as_deref(),
        Some("us-east-1:live"),
        "a live identity id survives collection"
    );
    assert_eq!(
        store.get_auth_request(&dead_request, now).await.unwrap(),
        None,
        "an expired auth request is deleted"
    );
    assert_eq!(
        store.take_code(&dead_code, now, later).await.unwrap(),
        CodeTake::Missing,
        "an expired code is deleted"
    );
    assert_eq!(
        store.take_code(&dead_tombstone, now, later).await.unwrap(),
        CodeTake::Missing,
        "an expired tombstone is deleted"
    );
    assert_eq!(
        store.find_refresh_family(&dead_token, now).await.unwrap(),
        None,
        "an expired family's tokens are deleted"
    );
    assert!(
        !is_active(store, &dead_family, now).await,
        "an expired family is deleted"
    );
    assert_eq!(
        store.get_sso_session(&dead_sso, now).await.unwrap(),
        None,
        "an expired sso session is deleted"
    );
    assert_eq!(
        store.get_browser_session(&dead_browser, now).await.unwrap(),
        None,
        "an expired browser session is deleted"
    );
    assert_eq!(
        store.counter(&dead_counter, now).await.unwrap(),
        0,
        "an expired counter is deleted"
    );

    assert!(
        store
            .get_auth_request(&live_request, collect_at)
            .await
            .unwrap()
            .is_some(),
        "a live auth request survives collection"
    );
    assert_eq!(
        store
            .take_code(&live_code, collect_at, later)
            .await
            .unwrap(),
        CodeTake::Taken(Box::new(live_grant)),
        "a live code survives collection"
    );
    assert_eq!(
        store
            .find_refresh_family(&live_token, collect_at)
            .await
            .unwrap(),
        Some((live_family.clone(), live_family_record)),
        "a live family and its token survive collection"
    );
    assert!(
        is_active(store, &live_family, collect_at).await,
        "a live family stays active"
    );
    assert!(
        store
            .get_sso_session(&live_sso, collect_at)
            .await
            .unwrap()
            .is_some(),
        "a live sso session survives collection"
    );
    assert_eq!(
        store
            .get_browser_session(&live_browser, collect_at)
            .await
            .unwrap(),
        Some(b"live".to_vec()),
        "a live browser session survives collection"
    );
    assert_eq!(
        store.counter(&live_counter, collect_at).await.unwrap(),
        1,
        "a live counter survives collection"
    );
    assert!(
        store
            .signing_keys()
            .await
            .unwrap()
            .iter()
            .any(|k| k.kid == kid),
        "signing keys never expire, so collection leaves them"
    );
    store.delete_signing_key(&kid).await.unwrap();
}
