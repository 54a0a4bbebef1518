//! One-time SAML assertion ids: the first mark wins, a replay is refused until the record
//! expires.

use super::*;

pub(super) async fn assertions_are_used_once_until_they_expire(store: &dyn Store) {
    let now = base_time();
    let id = unique("assertion");
    assert!(
        store
            .mark_assertion_used(&id, now + secs(300), now)
            .await
            .unwrap(),
        "the first use of an assertion is accepted"
    );
    assert!(
        !store
            .mark_assertion_used(&id, now + secs(300), now)
            .await
            .unwrap(),
        "a second use of the same assertion is refused"
    );
    assert!(
        !store
            .mark_assertion_used(&id, now + secs(900), now + secs(299))
            .await
            .unwrap(),
        "a replay just before the record expires is refused"
    );
    assert!(
        store
            .mark_assertion_used(&unique("assertion"), now + secs(300), now)
            .await
            .unwrap(),
        "another assertion is independent"
    );
    assert!(
        store
            .mark_assertion_used(&id, now + secs(900), now + secs(300))
            .await
            .unwrap(),
        "at its expiry the record counts as absent (the assertion itself has expired by then)"
    );
    assert!(
        !store
            .mark_assertion_used(&id, now + secs(900), now + secs(301))
            .await
            .unwrap(),
        "the replaced record carries the new expiry"
    );
}

pub(super) async fn concurrent_marks_of_one_assertion_have_one_winner(store: &Arc<dyn Store>) {
    let now = base_time();
    let id = unique("assertion");
    let barrier = Arc::new(Barrier::new(RACERS));
    let mut racers = JoinSet::new();
    for _ in 0..RACERS {
        let store = Arc::clone(store);
        let barrier = Arc::clone(&barrier);
        let id = id.clone();
        racers.spawn(async move {
            barrier.wait().await;
            store.mark_assertion_used(&id, now + secs(300), now).await
        });
    }
    let winners = racers
        .join_all()
        .await
        .into_iter()
        .map(|outcome| outcome.expect("mark_assertion_used under contention"))
        .filter(|first| *first)
        .count();
    assert_eq!(
        winners, 1,
        "exactly one of {RACERS} concurrent marks is the first use"
    );
}
