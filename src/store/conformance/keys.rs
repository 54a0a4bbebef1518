//! Token signing keys.

use super::*;

pub(super) async fn signing_keys_are_upserted_listed_and_deleted(store: &dyn Store) {
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

pub(super) async fn key_sets_are_replaced_only_from_the_version_read(store: &dyn Store) {
    // Whatever set is there (other runs' keys), we start from it and put it back at the end.
    let before = store.signing_key_set().await.unwrap();
    let mine = signing_key(&unique("kid"), KeyState::Current);
    let mut with_mine = before.keys.clone();
    with_mine.push(mine.clone());

    assert!(
        store
            .replace_signing_keys(before.version, &with_mine)
            .await
            .unwrap(),
        "a replacement from the version read succeeds"
    );
    let after = store.signing_key_set().await.unwrap();
    assert_eq!(
        after.version,
        before.version + 1,
        "and advances the version"
    );
    assert!(
        after.keys.contains(&mine),
        "the new set is what was written"
    );
    assert_eq!(after.keys.len(), with_mine.len());

    let stale = vec![signing_key(&unique("kid"), KeyState::Current)];
    assert!(
        !store
            .replace_signing_keys(before.version, &stale)
            .await
            .unwrap(),
        "a replacement from a version already advanced is refused"
    );
    assert_eq!(
        store.signing_key_set().await.unwrap(),
        after,
        "and changes nothing"
    );

    // A key left out of a replacement is deleted.
    assert!(
        store
            .replace_signing_keys(after.version, &before.keys)
            .await
            .unwrap()
    );
    let restored = store.signing_key_set().await.unwrap();
    assert!(!restored.keys.contains(&mine), "a key left out is deleted");
    assert_eq!(restored.keys.len(), before.keys.len());
    assert_eq!(restored.version, before.version + 2);
}

pub(super) async fn concurrent_key_set_replacements_have_one_winner(store: &Arc<dyn Store>) {
    // Every racer read the same version and wants its own set (two replicas creating the
    // first keys at once).
    let before = store.signing_key_set().await.unwrap();
    let barrier = Arc::new(Barrier::new(RACERS));
    let mut racers = JoinSet::new();
    for _ in 0..RACERS {
        let store = Arc::clone(store);
        let barrier = Arc::clone(&barrier);
        let mut keys = before.keys.clone();
        keys.push(signing_key(&unique("kid"), KeyState::Next));
        racers.spawn(async move {
            barrier.wait().await;
            let won = store
                .replace_signing_keys(before.version, &keys)
                .await
                .expect("replace_signing_keys under contention");
            (won, keys)
        });
    }
    let outcomes = racers.join_all().await;

    let winners: Vec<&Vec<SigningKeyRecord>> = outcomes
        .iter()
        .filter(|(won, _)| *won)
        .map(|(_, keys)| keys)
        .collect();
    assert_eq!(
        winners.len(),
        1,
        "exactly one of {RACERS} replacements wins"
    );
    let after = store.signing_key_set().await.unwrap();
    assert_eq!(
        after.version,
        before.version + 1,
        "one replacement, one step"
    );
    let mut expected = winners[0].clone();
    expected.sort_by(|a, b| a.kid.cmp(&b.kid));
    assert_eq!(
        after.keys, expected,
        "the winner's set, and only it, is stored"
    );

    assert!(
        store
            .replace_signing_keys(after.version, &before.keys)
            .await
            .unwrap()
    );
}
