//! Authorization requests in flight, and the round trip `/readyz` makes.

use super::*;

pub(super) async fn ping_answers(store: &dyn Store) {
    store
        .ping()
        .await
        .expect("ping must succeed on a healthy store");
}

pub(super) async fn auth_requests_are_stored_read_and_deleted(store: &dyn Store) {
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

pub(super) async fn auth_requests_expire_at_their_expiry(store: &dyn Store) {
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
