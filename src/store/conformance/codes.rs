//! Authorization codes: taken exactly once, even by racing callers; tombstones name the family;
//! the family a redemption issues commits with it or not at all.

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
            let (issue, _) = issuing(&unique("refresh"), now + secs(3600));
            barrier.wait().await;
            store.redeem_code(&hash, now, now + secs(600), issue).await
        });
    }
    let redemptions: Vec<Redemption> = racers
        .join_all()
        .await
        .into_iter()
        .map(|outcome| outcome.expect("redeem_code under contention"))
        .collect();
    assert_eq!(
        redemptions.iter().filter(|r| r.issued.is_some()).count(),
        1,
        "exactly one of {RACERS} concurrent redemptions issues a family"
    );
    assert!(is_active(&**store, &family_id, now).await);
    let outcomes: Vec<CodeTake> = redemptions.into_iter().map(|r| r.take).collect();

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

/// The family a redemption issues: the grant's family id, a token that rotates.
fn issuing(token_hash: &str, expires_at: OffsetDateTime) -> (IssueFamily, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let token_hash = token_hash.to_owned();
    let issue: IssueFamily = Box::new(move |grant: &CodeGrant| {
        counted.fetch_add(1, Ordering::SeqCst);
        Some(NewFamily {
            family: RefreshFamily {
                client_id: grant.client_id.clone(),
                ..refresh_family(&grant.identity.username)
            },
            token_hash,
            expires_at,
        })
    });
    (issue, calls)
}

pub(super) async fn redeeming_a_code_creates_the_family_it_issues(store: &dyn Store) {
    let now = base_time();
    let (hash, family_id, token) = (unique("code"), unique("family"), unique("refresh"));
    let grant = code_grant(&family_id);
    store.put_code(&hash, &grant, now + secs(60)).await.unwrap();

    let (issue, calls) = issuing(&token, now + secs(3600));
    let redeemed = store
        .redeem_code(&hash, now, now + secs(600), issue)
        .await
        .unwrap();
    assert_eq!(redeemed.take, CodeTake::Taken(Box::new(grant.clone())));
    assert_eq!(calls.load(Ordering::SeqCst), 1, "the grant is offered once");
    let issued = redeemed.issued.expect("the family the redemption issued");
    assert_eq!(
        store
            .get_active_refresh_family(&family_id, now)
            .await
            .unwrap(),
        Some(issued.family.clone()),
        "the family is stored under the grant's family id"
    );
    assert!(
        matches!(
            store
                .rotate_refresh_token(&token, &unique("refresh"), now)
                .await
                .unwrap(),
            RefreshRotation::Rotated { family_id: f, .. } if f == family_id
        ),
        "the family's first token is the one issued"
    );

    let (again, calls) = issuing(&unique("refresh"), now + secs(3600));
    let replay = store
        .redeem_code(&hash, now + secs(1), now + secs(600), again)
        .await
        .unwrap();
    assert_eq!(replay.take, CodeTake::AlreadyUsed { family_id });
    assert!(replay.issued.is_none(), "a replay issues nothing");
    assert_eq!(
        calls.load(Ordering::SeqCst),
        0,
        "a replay is offered no grant"
    );
}

pub(super) async fn a_refused_grant_spends_its_code_and_issues_nothing(store: &dyn Store) {
    let now = base_time();
    let (hash, family_id) = (unique("code"), unique("family"));
    store
        .put_code(&hash, &code_grant(&family_id), now + secs(60))
        .await
        .unwrap();

    let refuse: IssueFamily = Box::new(|_: &CodeGrant| None);
    let redeemed = store
        .redeem_code(&hash, now, now + secs(600), refuse)
        .await
        .unwrap();
    assert!(matches!(redeemed.take, CodeTake::Taken(_)));
    assert!(redeemed.issued.is_none());
    assert!(
        !is_active(store, &family_id, now).await,
        "a refused grant has no family"
    );
    assert_eq!(
        store.take_code(&hash, now, now + secs(600)).await.unwrap(),
        CodeTake::AlreadyUsed { family_id },
        "a refused grant's code is spent all the same: it cannot be tried again"
    );
}

pub(super) async fn a_family_that_cannot_be_stored_leaves_its_code_unspent(store: &dyn Store) {
    let now = base_time();
    let later = now + secs(3600);
    // A family id and a token hash that are taken already: either clash refuses the family.
    let (existing_family, _, existing_token) = new_family(store, later).await;
    for (family_id, token) in [
        (existing_family.clone(), unique("refresh")),
        (unique("family"), existing_token.clone()),
    ] {
        let hash = unique("code");
        let grant = code_grant(&family_id);
        store.put_code(&hash, &grant, now + secs(60)).await.unwrap();

        let (issue, _) = issuing(&token, later);
        assert!(
            store
                .redeem_code(&hash, now, now + secs(600), issue)
                .await
                .is_err(),
            "a family that clashes is an error"
        );
        assert_eq!(
            store.take_code(&hash, now, now + secs(600)).await.unwrap(),
            CodeTake::Taken(Box::new(grant)),
            "the failed redemption left its code unspent, so nothing was lost"
        );
    }
}
