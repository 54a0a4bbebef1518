//! Identity-pool identity ids, per pool and user.

use super::*;

pub(super) async fn identity_ids_are_stored_replaced_deleted_and_expire(store: &dyn Store) {
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
