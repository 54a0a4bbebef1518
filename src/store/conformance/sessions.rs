//! Single sign-on and browser sessions, and ending them (with the families they issued).

use super::*;

pub(super) async fn sso_sessions_are_stored_read_deleted_and_expire(store: &dyn Store) {
    let now = base_time();
    let id = unique("sso");
    let session = sso_session("alice");
    store
        .put_sso_session(&id, &session, now + secs(600))
        .await
        .unwrap();

    assert_eq!(
        store.get_sso_session(&id, now).await.unwrap(),
        Some(session.clone()),
        "an sso session reads back as it was put"
    );
    assert_eq!(
        store.get_sso_session(&id, now + secs(599)).await.unwrap(),
        Some(session),
        "an sso session is readable until its expiry"
    );
    assert_eq!(
        store.get_sso_session(&id, now + secs(600)).await.unwrap(),
        None,
        "an sso session is gone at its expiry"
    );
    assert_eq!(
        store.get_sso_session(&unique("sso"), now).await.unwrap(),
        None,
        "an unknown sso session reads as None"
    );

    store.delete_sso_session(&id).await.unwrap();
    assert_eq!(
        store.get_sso_session(&id, now).await.unwrap(),
        None,
        "a deleted sso session reads as None"
    );
    store
        .delete_sso_session(&id)
        .await
        .expect("deleting an absent sso session is not an error");
}

pub(super) async fn browser_sessions_are_stored_overwritten_deleted_and_expire(store: &dyn Store) {
    let now = base_time();
    let id = unique("browser");
    // Not UTF-8 and with a NUL: the data is opaque bytes.
    let first: Vec<u8> = vec![0x00, 0xff, 0xfe, b'{', 0x80, b'}'];
    let second: Vec<u8> = b"{\"csrf\":\"second\"}".to_vec();

    store
        .put_browser_session(&id, &first, now + secs(600))
        .await
        .unwrap();
    assert_eq!(
        store.get_browser_session(&id, now).await.unwrap(),
        Some(first),
        "browser session bytes read back exactly"
    );

    store
        .put_browser_session(&id, &second, now + secs(1200))
        .await
        .unwrap();
    assert_eq!(
        store
            .get_browser_session(&id, now + secs(900))
            .await
            .unwrap(),
        Some(second),
        "a second put replaces both the data and the expiry"
    );
    assert_eq!(
        store
            .get_browser_session(&id, now + secs(1200))
            .await
            .unwrap(),
        None,
        "a browser session is gone at its expiry"
    );
    assert_eq!(
        store
            .get_browser_session(&unique("browser"), now)
            .await
            .unwrap(),
        None,
        "an unknown browser session reads as None"
    );

    store.delete_browser_session(&id).await.unwrap();
    assert_eq!(
        store.get_browser_session(&id, now).await.unwrap(),
        None,
        "a deleted browser session reads as None"
    );
    store
        .delete_browser_session(&id)
        .await
        .expect("deleting an absent browser session is not an error");
}

pub(super) async fn signing_out_of_an_sso_session_revokes_its_families(store: &dyn Store) {
    let now = base_time();
    let later = now + secs(600);
    let user = identity(&unique("user"));
    let (signed_out, other_browser) = (unique("sso"), unique("sso"));
    let (app_family, app_token) = family_of(store, "app", &user, Some(&signed_out), later).await;
    let (second_family, _) = family_of(store, "second", &user, Some(&signed_out), later).await;
    let (kept_family, _) = family_of(store, "keeper", &user, Some(&signed_out), later).await;
    let (elsewhere, _) = family_of(store, "app", &user, Some(&other_browser), later).await;
    let (unlinked, _) = family_of(store, "app", &user, None, later).await;
    // Already expired: not counted, whatever it held.
    family_of(store, "app", &user, Some(&signed_out), now).await;

    let revoked = store
        .revoke_sso_session_families(&signed_out, &["keeper".to_string()], now)
        .await
        .unwrap();

    assert_eq!(
        revoked, 2,
        "the two live families of that sign-in, not the kept app's"
    );
    assert!(!is_active(store, &app_family, now).await);
    assert!(!is_active(store, &second_family, now).await);
    assert!(
        is_active(store, &kept_family, now).await,
        "an app in keep_clients keeps its family"
    );
    assert!(
        is_active(store, &elsewhere, now).await,
        "another browser's sign-in is untouched"
    );
    assert!(
        is_active(store, &unlinked, now).await,
        "a family without an SSO session is untouched"
    );
    assert_eq!(
        store
            .rotate_refresh_token(&app_token, &unique("refresh"), now)
            .await
            .unwrap(),
        RefreshRotation::Revoked {
            family_id: app_family
        },
        "a revoked family's token no longer rotates"
    );
    assert_eq!(
        store
            .revoke_sso_session_families(&signed_out, &[], now)
            .await
            .unwrap(),
        1,
        "a second sign-out finds only what the first kept"
    );
    assert!(!is_active(store, &kept_family, now).await);
    assert_eq!(
        store
            .revoke_sso_session_families(&unique("sso"), &[], now)
            .await
            .unwrap(),
        0
    );
}

pub(super) async fn ending_a_users_sessions_revokes_their_families_and_sso_sessions(
    store: &dyn Store,
) {
    let now = base_time();
    let later = now + secs(600);
    let alice = identity(&unique("alice"));
    let bob = identity(&unique("bob"));
    // The same upstream subject at another provider is another user.
    let alice_elsewhere = Identity {
        provider: "other-provider".into(),
        ..alice.clone()
    };
    let (a1, a1_token) = family_of(store, "app", &alice, Some(&unique("sso")), later).await;
    let (a2, _) = family_of(store, "second", &alice, None, later).await;
    let (b1, _) = family_of(store, "app", &bob, None, later).await;
    let (e1, _) = family_of(store, "app", &alice_elsewhere, None, later).await;
    let mut sessions = Vec::new();
    for who in [&alice, &alice, &bob, &alice_elsewhere] {
        let id = unique("sso");
        let session = SsoSession {
            identity: who.clone(),
            auth_time: 1_700_000_000,
            origin: None,
        };
        store.put_sso_session(&id, &session, later).await.unwrap();
        sessions.push(id);
    }

    let ended = store
        .end_user_sessions(&alice.provider, &alice.upstream_subject, now)
        .await
        .unwrap();

    assert_eq!(
        ended,
        UserSessionsEnded {
            families: 2,
            sso_sessions: 2
        }
    );
    assert!(!is_active(store, &a1, now).await);
    assert!(!is_active(store, &a2, now).await);
    assert!(
        is_active(store, &b1, now).await,
        "another user's family lives"
    );
    assert!(
        is_active(store, &e1, now).await,
        "the same subject at another provider is another user"
    );
    for (i, id) in sessions.iter().enumerate() {
        let found = store.get_sso_session(id, now).await.unwrap().is_some();
        assert_eq!(found, i >= 2, "sso session {i}");
    }
    assert!(matches!(
        store
            .rotate_refresh_token(&a1_token, &unique("refresh"), now)
            .await
            .unwrap(),
        RefreshRotation::Revoked { .. }
    ));
    assert_eq!(
        store
            .end_user_sessions(&alice.provider, &alice.upstream_subject, now)
            .await
            .unwrap(),
        UserSessionsEnded::default(),
        "nothing is left to end"
    );
}

pub(super) async fn a_users_live_sessions_are_listed_and_nobody_elses(store: &dyn Store) {
    let now = base_time();
    let later = now + secs(600);
    let alice = identity(&unique("alice"));
    let bob = identity(&unique("bob"));
    let alice_elsewhere = Identity {
        provider: "other-provider".into(),
        ..alice.clone()
    };
    let sso = unique("sso");
    let (a1, _) = family_of(store, "app", &alice, Some(&sso), later).await;
    let (a2, _) = family_of(store, "second", &alice, None, later).await;
    let (revoked, _) = family_of(store, "third", &alice, None, later).await;
    store.revoke_refresh_family(&revoked).await.unwrap();
    let (expired, _) = family_of(store, "fourth", &alice, None, now + secs(5)).await;
    family_of(store, "app", &bob, None, later).await;
    family_of(store, "app", &alice_elsewhere, None, later).await;
    let session = SsoSession {
        identity: alice.clone(),
        ..sso_session("unused")
    };
    store.put_sso_session(&sso, &session, later).await.unwrap();
    let gone = unique("sso");
    store
        .put_sso_session(&gone, &session, now + secs(5))
        .await
        .unwrap();
    for who in [&bob, &alice_elsewhere] {
        let other = SsoSession {
            identity: who.clone(),
            ..sso_session("unused")
        };
        store
            .put_sso_session(&unique("sso"), &other, later)
            .await
            .unwrap();
    }

    let listed = store
        .user_sessions(&alice.provider, &alice.upstream_subject, now + secs(10))
        .await
        .unwrap();

    let mut family_ids: Vec<&str> = listed.families.iter().map(|f| f.id.as_str()).collect();
    let mut expected = vec![a1.as_str(), a2.as_str()];
    expected.sort_unstable();
    assert_eq!(
        family_ids, expected,
        "live families only, ordered by id (not {revoked}, revoked; not {expired}, expired)"
    );
    family_ids.dedup();
    let first = listed.families.iter().find(|f| f.id == a1).unwrap();
    assert_eq!(first.record.client_id, "app");
    assert_eq!(first.record.sso_session.as_deref(), Some(sso.as_str()));
    assert_eq!(first.record.origin, refresh_family("unused").origin);
    assert_eq!(first.expires_at.unix_timestamp(), later.unix_timestamp());
    assert_eq!(
        listed.sso_sessions.len(),
        1,
        "the expired SSO session is not listed"
    );
    assert_eq!(listed.sso_sessions[0].id, sso);
    assert_eq!(listed.sso_sessions[0].record, session);

    let nobody = store
        .user_sessions("local", &unique("nobody"), now)
        .await
        .unwrap();
    assert_eq!(nobody, UserSessions::default());
}

/// An IdP's logout request: the sessions of one user at one provider with the named session
/// index (or all of the user's there), their families except the kept apps', nothing else.
pub(super) async fn ending_upstream_sessions_by_index_revokes_only_what_they_issued(
    store: &dyn Store,
) {
    let now = base_time();
    let later = now + secs(600);
    let subject = unique("name-id");
    let at_index = |index: &str| Identity {
        provider: "idp".into(),
        upstream_session: Some(Box::new(crate::identity::UpstreamSession {
            name_id_format: Some("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent".into()),
            session_index: Some(index.into()),
            ..Default::default()
        })),
        ..identity(&subject)
    };
    let (one, two) = (at_index("_index-1"), at_index("_index-2"));
    let elsewhere = Identity {
        provider: "other-idp".into(),
        ..one.clone()
    };
    let mut sso = Vec::new();
    for who in [&one, &two, &elsewhere] {
        let id = unique("sso");
        let session = SsoSession {
            identity: who.clone(),
            auth_time: 1_700_000_000,
            origin: None,
        };
        store.put_sso_session(&id, &session, later).await.unwrap();
        sso.push(id);
    }
    let (f_one, _) = family_of(store, "app", &one, Some(&sso[0]), later).await;
    let (f_kept, _) = family_of(store, "keeps", &one, Some(&sso[0]), later).await;
    let (f_two, _) = family_of(store, "app", &two, Some(&sso[1]), later).await;
    let (f_else, _) = family_of(store, "app", &elsewhere, Some(&sso[2]), later).await;
    let keep = vec!["keeps".to_string()];

    let ended = store
        .end_upstream_sessions("idp", &subject, &["_index-1".into()], &keep, now)
        .await
        .unwrap();

    assert_eq!(
        ended,
        UserSessionsEnded {
            families: 1,
            sso_sessions: 1
        }
    );
    assert!(store.get_sso_session(&sso[0], now).await.unwrap().is_none());
    assert!(!is_active(store, &f_one, now).await, "its family ends");
    assert!(
        is_active(store, &f_kept, now).await,
        "a kept app's family lives"
    );
    assert!(
        store.get_sso_session(&sso[1], now).await.unwrap().is_some(),
        "another session index of the same user lives"
    );
    assert!(is_active(store, &f_two, now).await);
    assert!(is_active(store, &f_else, now).await, "another provider's");

    // No index: every session of the user at that provider.
    let rest = store
        .end_upstream_sessions("idp", &subject, &[], &keep, now)
        .await
        .unwrap();
    assert_eq!(
        rest,
        UserSessionsEnded {
            families: 1,
            sso_sessions: 1
        }
    );
    assert!(!is_active(store, &f_two, now).await);
    assert!(
        store.get_sso_session(&sso[2], now).await.unwrap().is_some(),
        "the same NameID at another provider is another user"
    );
    assert!(is_active(store, &f_else, now).await);
    assert_eq!(
        store
            .end_upstream_sessions("idp", &subject, &[], &[], now)
            .await
            .unwrap(),
        UserSessionsEnded::default(),
        "nothing is left to end"
    );
}
