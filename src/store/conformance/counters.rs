//! Rate-limit and throttle counters: atomic hits and releases within a window.

use super::*;

pub(super) async fn counters_count_hits_within_a_window(store: &dyn Store) {
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

pub(super) async fn counters_restart_after_their_window_and_reset(store: &dyn Store) {
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

pub(super) async fn counters_give_back_hits_but_never_go_below_zero(store: &dyn Store) {
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

pub(super) async fn counters_report_when_their_window_ends(store: &dyn Store) {
    let now = base_time();
    let key = unique("counter");
    let window = Duration::from_secs(60);

    let first = store.hit_counter_window(&key, window, now).await.unwrap();
    assert_eq!(
        (first.count, first.window_ends),
        (1, now + secs(60)),
        "the first hit starts a window that ends one window later"
    );
    let later = store
        .hit_counter_window(&key, Duration::from_secs(5), now + secs(10))
        .await
        .unwrap();
    assert_eq!(
        (later.count, later.window_ends),
        (2, now + secs(60)),
        "a later hit keeps the window's end, whatever window it passes"
    );
    store.release_counter(&key, now + secs(11)).await.unwrap();
    let after_release = store
        .hit_counter_window(&key, window, now + secs(12))
        .await
        .unwrap();
    assert_eq!(
        (after_release.count, after_release.window_ends),
        (2, now + secs(60)),
        "a release does not move the window's end"
    );
    let next = store
        .hit_counter_window(&key, window, now + secs(60))
        .await
        .unwrap();
    assert_eq!(
        (next.count, next.window_ends),
        (1, now + secs(120)),
        "the first hit after the window starts a new one, ending one window after it"
    );

    let short = unique("counter");
    let hit = store
        .hit_counter_window(&short, Duration::from_millis(1500), now)
        .await
        .unwrap();
    assert_eq!(
        hit.window_ends,
        now + secs(2),
        "a window of a second and a half ends two whole seconds later, never sooner"
    );

    let endless = unique("counter");
    let hit = store
        .hit_counter_window(&endless, Duration::MAX, now)
        .await
        .unwrap();
    assert!(
        hit.count == 1 && hit.window_ends > now + secs(100 * 365 * 24 * 3600),
        "a window too long to represent ends at the latest time there is: {hit:?}"
    );
}

pub(super) async fn concurrent_hits_are_all_counted(store: &Arc<dyn Store>) {
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

pub(super) async fn concurrent_hits_and_releases_are_all_counted(store: &Arc<dyn Store>) {
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
