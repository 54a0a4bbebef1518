//! The password throttle under concurrent bursts, against the local password page and a Cognito
//! pool's sign-in page (the stand-in, which counts the pool calls). Everything is sent at once,
//! as an attacker would: however many attempts are in flight, no more passwords are verified
//! per window than the limits allow, and the right password inside a locked burst gets no code.
//! The test config locks a username after 4 failures (`lock_after = 4`).

use crate::support::app::*;
use crate::support::cognito_standin::{CognitoStandin, UserOptions};
use crate::support::moto::Pool;
use crate::support::pool::{PoolApp, pool_request, spawn_for_endpoint};
use reqwest::{Client, StatusCode};
use std::time::{Duration, Instant};
use time::OffsetDateTime;
use tokio::task::JoinSet;

const LOCK_AFTER: usize = 4;
const POOL_PASSWORD: &str = "Str0ng-enough!";

/// How one attempt was answered.
#[derive(Debug, Clone, PartialEq)]
enum Answer {
    /// "Incorrect username or password.": the password was verified.
    Wrong,
    /// 429 "Signing in is locked": refused before any verification.
    Locked,
    /// A redirect: where to (a code for the app, or the next sign-in page).
    Redirect(String),
    Other(StatusCode),
}

impl Answer {
    async fn of(response: reqwest::Response) -> Self {
        let status = response.status();
        if status == StatusCode::SEE_OTHER {
            return Self::Redirect(location(&response));
        }
        let html = response.text().await.expect("page");
        match status {
            StatusCode::OK if html.contains("Incorrect username or password.") => Self::Wrong,
            StatusCode::TOO_MANY_REQUESTS if html.contains("Signing in is locked") => Self::Locked,
            other => Self::Other(other),
        }
    }

    fn has_code(&self) -> bool {
        matches!(self, Self::Redirect(to) if query_param(to, "code").is_some())
    }
}

/// The answers of a burst, counted.
#[derive(Debug, Default)]
struct Tally {
    wrong: usize,
    locked: usize,
    codes: usize,
    other: Vec<Answer>,
}

impl Tally {
    fn of(answers: &[Answer]) -> Self {
        let mut tally = Self::default();
        for answer in answers {
            match answer {
                Answer::Wrong => tally.wrong += 1,
                Answer::Locked => tally.locked += 1,
                a if a.has_code() => tally.codes += 1,
                a => tally.other.push(a.clone()),
            }
        }
        eprintln!("burst answers: {tally:?}");
        tally
    }
}

/// Posts every `(username, password)` to `action` at once from `client` (one browser: a sign-in
/// request can be posted again after a wrong password), without waiting for the answers.
fn burst(
    app: &TestApp,
    client: &Client,
    action: &str,
    csrf: &str,
    attempts: impl IntoIterator<Item = (String, String)>,
) -> JoinSet<Answer> {
    let mut set = JoinSet::new();
    for (username, password) in attempts {
        let client = client.clone();
        let url = app.url(action);
        let csrf = csrf.to_string();
        set.spawn(async move {
            let form = [
                ("username", username.as_str()),
                ("password", password.as_str()),
                ("csrf", csrf.as_str()),
            ];
            Answer::of(client.post(url).form(&form).send().await.expect("post")).await
        });
    }
    set
}

fn wrong_passwords(username: &str, n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| (username.to_string(), format!("wrong-password-{i}")))
        .collect()
}

/// Waits until the store has counted `at_least` attempts under `key` (they are in flight), or
/// `limit` has passed.
async fn until_counted(app: &TestApp, key: &str, at_least: u32, limit: Duration) {
    let start = Instant::now();
    while start.elapsed() < limit {
        let count = app
            .store()
            .counter(key, OffsetDateTime::now_utc())
            .await
            .expect("counter");
        if count >= at_least {
            return;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

/// The sign-in request behind a page URL `/signin/{id}/{provider}` is still unused, and the
/// browser has no session: nothing was issued.
async fn nothing_issued(app: &TestApp, client: &Client, page_url: &str, request: &Authorize) {
    let id = page_url.split('/').nth(2).expect("request id");
    let unused = app
        .store()
        .get_auth_request(id, OffsetDateTime::now_utc())
        .await
        .expect("store");
    assert!(unused.is_some(), "the sign-in request was used up");
    let silent = app
        .authorize(client, &request.clone_with("prompt", "none"))
        .await;
    assert_eq!(
        query_param(&location(&silent), "error").as_deref(),
        Some("login_required"),
        "the browser was signed in"
    );
}

#[tokio::test]
async fn a_burst_of_wrong_passwords_is_verified_at_most_lock_after_times() {
    // Arrange
    let app = spawn_app().await;
    let (page_url, html) = app.open_sign_in(&app.browser, &Authorize::native()).await;
    let csrf = input_value(&html, "csrf").expect("csrf");

    // Act: forty wrong passwords at once.
    let answers = burst(
        &app,
        &app.browser,
        &page_url,
        &csrf,
        wrong_passwords(USER, 40),
    )
    .join_all()
    .await;

    // Assert
    let tally = Tally::of(&answers);
    assert!(
        tally.wrong <= LOCK_AFTER,
        "{} wrong passwords were verified",
        tally.wrong
    );
    assert_eq!(tally.wrong + tally.locked, 40, "{tally:?}");
}

/// A second local user whose password takes long to verify (argon2id with t=48, about 0.4 s
/// here), so that a burst stays in flight long enough to send the right password into it.
const SLOW_USER: &str = r#"
[[providers.users]]
username = "slow"
password_hash = "$argon2id$v=19$m=19456,t=48,p=1$qtiUrywagAXjyTx85js7Eg$VjlQSRrsL7w10DMKbCAWkZMNAIHzaJexAfDzvEpN07U"
"#;
const SLOW_PASSWORD: &str = "slow-password";

/// How long to wait for a burst to be counted before sending the right password into it:
/// well under one verification, so without reservations no failure is recorded yet.
const IN_FLIGHT: Duration = Duration::from_millis(250);

#[tokio::test]
async fn the_right_password_inside_a_locked_burst_gets_no_code() {
    // Arrange: the slow user's password works.
    let app = spawn_app_with(SLOW_USER).await;
    let request = Authorize::native();
    let check = browser();
    let (page_url, html) = app.open_sign_in(&check, &request).await;
    let csrf = input_value(&html, "csrf").expect("csrf");
    let response = app
        .post_password(&check, &page_url, Some(&csrf), "slow", SLOW_PASSWORD)
        .await;
    assert!(Answer::of(response).await.has_code());

    // Arrange: a burst of wrong passwords in flight, past the lock.
    let (page_url, html) = app.open_sign_in(&app.browser, &request).await;
    let csrf = input_value(&html, "csrf").expect("csrf");
    let wrong = burst(
        &app,
        &app.browser,
        &page_url,
        &csrf,
        wrong_passwords("slow", 12),
    );
    until_counted(&app, "login:user:local:slow", LOCK_AFTER as u32, IN_FLIGHT).await;

    // Act: the right password while they are in flight.
    let right = burst(
        &app,
        &app.browser,
        &page_url,
        &csrf,
        [("slow".to_string(), SLOW_PASSWORD.to_string())],
    )
    .join_all()
    .await;
    let wrong = wrong.join_all().await;

    // Assert: refused like the rest; nothing was issued.
    let tally = Tally::of(&wrong);
    assert_eq!(right, [Answer::Locked], "the right password");
    assert!(tally.wrong <= LOCK_AFTER, "{tally:?}");
    nothing_issued(&app, &app.browser, &page_url, &request).await;
}

#[tokio::test]
async fn a_burst_across_many_usernames_meets_the_address_lock() {
    // Arrange: an address may fail 10 times; each username only once here.
    let app = spawn_app_edited("", |config| {
        config.replace("lock_after_per_address = 50", "lock_after_per_address = 10")
    })
    .await;
    let (page_url, html) = app.open_sign_in(&app.browser, &Authorize::native()).await;
    let csrf = input_value(&html, "csrf").expect("csrf");
    let attempts = (0..40).map(|i| (format!("user{i}"), format!("guess-{i}")));

    // Act
    let answers = burst(&app, &app.browser, &page_url, &csrf, attempts)
        .join_all()
        .await;

    // Assert
    let tally = Tally::of(&answers);
    assert!(
        tally.wrong <= 10,
        "{} passwords were verified from one address",
        tally.wrong
    );
    assert_eq!(tally.wrong + tally.locked, 40, "{tally:?}");
}

#[tokio::test]
async fn right_passwords_do_not_use_up_the_address() {
    // Arrange: an address may fail 3 times; it has failed twice.
    let app = spawn_app_edited("", |config| {
        config.replace("lock_after_per_address = 50", "lock_after_per_address = 3")
    })
    .await;
    let (page_url, html) = app.open_sign_in(&app.browser, &Authorize::native()).await;
    let csrf = input_value(&html, "csrf").expect("csrf");
    for someone in ["alice", "bob"] {
        let response = app
            .post_password(&app.browser, &page_url, Some(&csrf), someone, "guess")
            .await;
        assert_eq!(Answer::of(response).await, Answer::Wrong);
    }

    // Act / Assert: many correct sign-ins from the same address all go through.
    for _ in 0..6 {
        app.login(&browser(), &Authorize::native()).await;
    }
    let address = app
        .store()
        .counter("login:addr:127.0.0.1", OffsetDateTime::now_utc())
        .await
        .expect("counter");
    assert_eq!(address, 2, "only the failures count against the address");

    // The third failure is still verified; the fourth is refused.
    let third = app
        .post_password(&app.browser, &page_url, Some(&csrf), "carol", "guess")
        .await;
    assert_eq!(Answer::of(third).await, Answer::Wrong);
    let fourth = app
        .post_password(&app.browser, &page_url, Some(&csrf), "dave", "guess")
        .await;
    assert_eq!(Answer::of(fourth).await, Answer::Locked);
}

// ---------------------------------------------------------------------------------------------
// a Cognito user pool's sign-in page

async fn pool_app(standin: &CognitoStandin) -> PoolApp {
    let pool = Pool {
        id: standin.pool_id().to_string(),
        client_id: standin.secret_client_id().to_string(),
        client_secret: Some(standin.client_secret().to_string()),
    };
    spawn_for_endpoint(pool, standin.endpoint(), "").await
}

#[tokio::test]
async fn a_burst_against_a_pool_reaches_the_pool_at_most_lock_after_times() {
    // Arrange
    let standin = CognitoStandin::start().await;
    standin.add_user("sam", POOL_PASSWORD, UserOptions::default());
    let pool = pool_app(&standin).await;
    let client = browser();
    let page = pool.open(&client, &pool_request("poolapp")).await;
    let csrf = input_value(&page.html, "csrf").expect("csrf");

    // Act
    let answers = burst(
        &pool.app,
        &client,
        &page.url,
        &csrf,
        wrong_passwords("sam", 30),
    )
    .join_all()
    .await;

    // Assert: the pool was asked to check at most 4 passwords.
    let tally = Tally::of(&answers);
    let asked = standin.requests_to("InitiateAuth").len();
    eprintln!("InitiateAuth calls at the pool: {asked}");
    assert!(asked <= LOCK_AFTER, "the pool checked {asked} passwords");
    assert!(tally.wrong <= LOCK_AFTER, "{tally:?}");
    assert_eq!(tally.wrong + tally.locked, 30, "{tally:?}");
}

#[tokio::test]
async fn the_right_pool_password_inside_a_locked_burst_gets_no_code() {
    // Arrange: sam's password works; then the pool slows down (each call takes 0.4 s).
    let standin = CognitoStandin::start().await;
    standin.add_user("sam", POOL_PASSWORD, UserOptions::default());
    let pool = pool_app(&standin).await;
    let request = pool_request("poolapp");
    pool.login(&browser(), &request, "sam", POOL_PASSWORD).await;
    let before = standin.requests_to("InitiateAuth").len();
    standin.answer_after(Duration::from_millis(400));

    // Arrange: a burst of wrong passwords in flight, past the lock.
    let client = browser();
    let page = pool.open(&client, &request).await;
    let csrf = input_value(&page.html, "csrf").expect("csrf");
    let wrong = burst(
        &pool.app,
        &client,
        &page.url,
        &csrf,
        wrong_passwords("sam", 12),
    );
    until_counted(
        &pool.app,
        "login:user:pool:sam",
        LOCK_AFTER as u32,
        IN_FLIGHT,
    )
    .await;

    // Act
    let right = burst(
        &pool.app,
        &client,
        &page.url,
        &csrf,
        [("sam".to_string(), POOL_PASSWORD.to_string())],
    )
    .join_all()
    .await;
    let wrong = wrong.join_all().await;

    // Assert
    let tally = Tally::of(&wrong);
    let asked = standin.requests_to("InitiateAuth").len() - before;
    eprintln!("InitiateAuth calls at the pool: {asked}");
    assert_eq!(right, [Answer::Locked], "the right password");
    assert!(tally.wrong <= LOCK_AFTER, "{tally:?}");
    assert!(asked <= LOCK_AFTER, "the pool checked {asked} passwords");
    nothing_issued(&pool.app, &client, &page.url, &request).await;
}
