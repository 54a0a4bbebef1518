//! Collecting expired records.

use super::*;

pub(super) async fn collect_expired_deletes_expired_records_only(store: &dyn Store) {
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

    let (dead_assertion, live_assertion) = (unique("assertion"), unique("assertion"));
    assert!(
        store
            .mark_assertion_used(&dead_assertion, soon, now)
            .await
            .unwrap()
    );
    assert!(
        store
            .mark_assertion_used(&live_assertion, later, now)
            .await
            .unwrap()
    );

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
        deleted >= 9,
        "collect_expired reports at least the 9 expired records this check made, got {deleted}"
    );
    assert!(
        store
            .mark_assertion_used(&dead_assertion, later, now)
            .await
            .unwrap(),
        "an expired used-assertion record is deleted (marking it again at a time it was still live succeeds)"
    );
    assert!(
        !store
            .mark_assertion_used(&live_assertion, later, collect_at)
            .await
            .unwrap(),
        "an unexpired used-assertion record survives collection"
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
