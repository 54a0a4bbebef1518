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
