//! Refresh-token families: rotation, reuse detection, revocation, expiry, updates.

use super::*;

pub(super) async fn refresh_tokens_rotate_along_a_chain(store: &dyn Store) {
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

pub(super) async fn reusing_a_rotated_token_revokes_the_family(store: &dyn Store) {
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

pub(super) async fn concurrent_rotations_of_one_token_have_one_winner(store: &Arc<dyn Store>) {
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

pub(super) async fn revoked_families_are_inactive_and_refuse_rotation(store: &dyn Store) {
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

pub(super) async fn families_expire_and_rotation_does_not_extend_them(store: &dyn Store) {
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

pub(super) async fn unknown_refresh_tokens_and_families_are_missing(store: &dyn Store) {
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

pub(super) async fn families_are_updated_only_while_alive(store: &dyn Store) {
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
