//! Behind a load balancer (`trusted_proxies`): the client's address is read from the forwarding
//! headers only when the socket's peer is a trusted proxy. Shown with the password throttle's
//! per-address lock (set to 3 failures here): without trusted proxies a spoofed
//! `X-Forwarded-For` changes nothing; with them, two clients behind one proxy are locked
//! separately, and an entry the client wrote itself (leftmost) is never believed.

use crate::support::app::*;
use reqwest::{Client, StatusCode};
use time::OffsetDateTime;

const LOCK_AFTER_PER_ADDRESS: u32 = 3;

/// The test config with the per-address lock at 3 (the per-username lock stays at 4: every
/// attempt below uses a username of its own).
fn lock_per_address_at_3(config: String) -> String {
    config.replace(
        "lock_after_per_address = 50",
        &format!("lock_after_per_address = {LOCK_AFTER_PER_ADDRESS}"),
    )
}

/// How a wrong password was answered: verified (`Wrong`) or refused before (`Locked`).
#[derive(Debug, PartialEq)]
enum Answer {
    Wrong,
    Locked,
    Other(StatusCode),
}

/// Posts a wrong password for `username` on the sign-in page, with `headers`.
async fn wrong_password(
    app: &TestApp,
    client: &Client,
    page: &(String, String),
    username: &str,
    headers: &[(&str, &str)],
) -> Answer {
    let csrf = input_value(&page.1, "csrf").expect("csrf");
    let mut post = client.post(app.url(&page.0)).form(&[
        ("username", username),
        ("password", "not-the-password"),
        ("csrf", csrf.as_str()),
    ]);
    for (name, value) in headers {
        post = post.header(*name, *value);
    }
    let response = post.send().await.expect("post");
    let status = response.status();
    let html = response.text().await.expect("html");
    match status {
        StatusCode::OK if html.contains("Incorrect username or password.") => Answer::Wrong,
        StatusCode::TOO_MANY_REQUESTS if html.contains("Signing in is locked") => Answer::Locked,
        other => Answer::Other(other),
    }
}

async fn counted(app: &TestApp, address: &str) -> u32 {
    app.store()
        .counter(&format!("login:addr:{address}"), OffsetDateTime::now_utc())
        .await
        .expect("counter")
}

#[tokio::test]
async fn without_trusted_proxies_a_spoofed_forwarded_for_does_not_move_the_throttle() {
    // Arrange
    let app = spawn_app_edited("", lock_per_address_at_3).await;
    let page = app.open_sign_in(&app.browser, &Authorize::native()).await;
    let spoofs: [&[(&str, &str)]; 4] = [
        &[("x-forwarded-for", "203.0.113.1")],
        &[("x-forwarded-for", "203.0.113.2, 203.0.113.3")],
        &[("forwarded", "for=203.0.113.4")],
        &[
            ("x-forwarded-for", "203.0.113.5"),
            ("forwarded", "for=\"[2001:db8::5]:80\""),
        ],
    ];

    // Act: four wrong passwords, each claiming another address.
    let mut answers = Vec::new();
    for (i, headers) in spoofs.iter().enumerate() {
        answers.push(wrong_password(&app, &app.browser, &page, &format!("user{i}"), headers).await);
    }

    // Assert: all four counted under the socket's address, so the fourth is refused.
    assert_eq!(
        answers,
        [Answer::Wrong, Answer::Wrong, Answer::Wrong, Answer::Locked]
    );
    assert_eq!(counted(&app, "127.0.0.1").await, LOCK_AFTER_PER_ADDRESS);
    for spoofed in ["203.0.113.1", "203.0.113.3", "203.0.113.4", "203.0.113.5"] {
        assert_eq!(counted(&app, spoofed).await, 0, "{spoofed} counted");
    }
}

#[tokio::test]
async fn behind_a_trusted_proxy_two_clients_are_throttled_separately() {
    // Arrange: the test client plays the proxy (127.0.0.1); A and B are the clients it forwards.
    let app = spawn_app_edited("", |config| {
        format!(
            "trusted_proxies = [\"127.0.0.0/8\"]\n{}",
            lock_per_address_at_3(config)
        )
    })
    .await;
    let page = app.open_sign_in(&app.browser, &Authorize::native()).await;
    let a: &[(&str, &str)] = &[("x-forwarded-for", "198.51.100.1")];
    let b: &[(&str, &str)] = &[("x-forwarded-for", "198.51.100.2")];

    // Act: A fails three times and is locked.
    let mut from_a = Vec::new();
    for i in 0..4 {
        from_a.push(wrong_password(&app, &app.browser, &page, &format!("a{i}"), a).await);
    }
    let from_b = wrong_password(&app, &app.browser, &page, "b0", b).await;
    // A writes B's address first; the proxy appends A's own.
    let a_spoofing_b = wrong_password(
        &app,
        &app.browser,
        &page,
        "a-as-b",
        &[("x-forwarded-for", "198.51.100.2, 198.51.100.1")],
    )
    .await;
    // Through a second trusted hop (a CDN in front of the balancer), B is still B.
    let b_via_cdn = wrong_password(
        &app,
        &app.browser,
        &page,
        "b1",
        &[("forwarded", "for=198.51.100.2, for=127.0.0.9;proto=https")],
    )
    .await;

    // Assert
    assert_eq!(
        from_a,
        [Answer::Wrong, Answer::Wrong, Answer::Wrong, Answer::Locked]
    );
    assert_eq!(from_b, Answer::Wrong, "B is not locked by A's failures");
    assert_eq!(a_spoofing_b, Answer::Locked, "A's own entry was believed");
    assert_eq!(b_via_cdn, Answer::Wrong);
    assert_eq!(counted(&app, "198.51.100.1").await, LOCK_AFTER_PER_ADDRESS);
    assert_eq!(counted(&app, "198.51.100.2").await, 2);
    assert_eq!(
        counted(&app, "127.0.0.1").await,
        0,
        "the proxy's own address counts nothing"
    );
}
