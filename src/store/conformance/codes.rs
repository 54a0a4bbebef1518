//! Authorization codes: taken exactly once, even by racing callers; tombstones name the family.

use super::*;

pub(super) async fn codes_are_taken_exactly_once(store: &dyn Store) {
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

pub(super) async fn used_code_tombstones_last_until_keep_used_until(store: &dyn Store) {
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

pub(super) async fn unknown_and_expired_codes_are_missing(store: &dyn Store) {
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

pub(super) async fn concurrent_takes_of_one_code_have_one_winner(store: &Arc<dyn Store>) {
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
