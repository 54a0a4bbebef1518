//! `GET /metrics` on the real binary: a failed login, a login, a refresh and a reused refresh
//! token move the counters they should, with the right labels, and no label carries a user
//! name, a password or a token; with `metrics.listen` the metrics move to a management
//! listener and leave the public one.

use crate::support::app::*;
use crate::support::binary::start;
use reqwest::{Client, StatusCode};
use std::collections::BTreeMap;

/// A second local user, so that the user name is not also an app id (`demo` is both).
pub const PERSON: &str = "metrics-person";
/// Its password: the demo user's hash is reused, so it is the demo password.
pub const PERSON_PASSWORD: &str = PASSWORD;

pub fn person() -> String {
    format!(
        r#"
[[providers.users]]
username = "{PERSON}"
password_hash = "{hash}"
email = "person@example.com"
"#,
        hash = crate::support::aws::demo_hash()
    )
}

/// One sample of the text exposition format: `name{label="value",...} value`.
#[derive(Debug, Clone)]
pub struct Sample {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub value: f64,
}

/// A parsed scrape: its samples and the `# TYPE` of each metric family.
#[derive(Debug)]
pub struct Scrape {
    pub samples: Vec<Sample>,
    pub types: BTreeMap<String, String>,
}

impl Scrape {
    /// Parses Prometheus text format 0.0.4, failing on any line it cannot read.
    pub fn parse(text: &str) -> Scrape {
        let mut samples = Vec::new();
        let mut types = BTreeMap::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            if let Some(rest) = line.strip_prefix("# TYPE ") {
                let (name, kind) = rest.split_once(' ').expect("TYPE line");
                types.insert(name.to_string(), kind.to_string());
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            samples.push(parse_sample(line));
        }
        Scrape { samples, types }
    }

    /// The sum of the samples named `name` whose labels include all of `labels`.
    pub fn sum(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        self.matching(name, labels).map(|s| s.value).sum()
    }

    pub fn matching<'a>(
        &'a self,
        name: &'a str,
        labels: &'a [(&'a str, &'a str)],
    ) -> impl Iterator<Item = &'a Sample> + 'a {
        self.samples.iter().filter(move |s| {
            s.name == name
                && labels
                    .iter()
                    .all(|(k, v)| s.labels.get(*k).map(String::as_str) == Some(*v))
        })
    }

    pub fn label_values(&self) -> impl Iterator<Item = (&Sample, &str, &str)> {
        self.samples.iter().flat_map(|s| {
            s.labels
                .iter()
                .map(move |(k, v)| (s, k.as_str(), v.as_str()))
        })
    }
}

fn parse_sample(line: &str) -> Sample {
    let name_end = line
        .find(['{', ' '])
        .unwrap_or_else(|| panic!("sample line: {line}"));
    let name = line[..name_end].to_string();
    let mut labels = BTreeMap::new();
    let mut rest = &line[name_end..];
    if let Some(body) = rest.strip_prefix('{') {
        let mut chars = body.char_indices().peekable();
        let mut end = None;
        loop {
            // key
            let mut key = String::new();
            for (i, c) in chars.by_ref() {
                match c {
                    '=' => break,
                    '}' => {
                        end = Some(i);
                        break;
                    }
                    ',' => {}
                    c => key.push(c),
                }
            }
            if end.is_some() {
                break;
            }
            assert_eq!(
                chars.next().map(|(_, c)| c),
                Some('"'),
                "label value: {line}"
            );
            let mut value = String::new();
            loop {
                match chars
                    .next()
                    .unwrap_or_else(|| panic!("label value: {line}"))
                {
                    (_, '\\') => match chars.next().map(|(_, c)| c) {
                        Some('n') => value.push('\n'),
                        Some(c) => value.push(c),
                        None => panic!("escape: {line}"),
                    },
                    (_, '"') => break,
                    (_, c) => value.push(c),
                }
            }
            labels.insert(key, value);
        }
        rest = &body[end.expect("closing brace") + 1..];
    }
    let value = rest.trim().split(' ').next().expect("value");
    let value = match value {
        "+Inf" => f64::INFINITY,
        "-Inf" => f64::NEG_INFINITY,
        v => v
            .parse()
            .unwrap_or_else(|_| panic!("sample value in: {line}")),
    };
    Sample {
        name,
        labels,
        value,
    }
}

pub async fn scrape(base: &str) -> Scrape {
    let response = browser()
        .get(format!("{base}/metrics"))
        .send()
        .await
        .expect("scrape");
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        content_type.starts_with("text/plain; version=0.0.4"),
        "{content_type}"
    );
    Scrape::parse(&response.text().await.expect("body"))
}

/// Signs `PERSON` in for `request` with `password`; the response to the password form.
async fn post_person(
    app: &TestApp,
    client: &Client,
    request: &Authorize,
    password: &str,
) -> reqwest::Response {
    let (page_url, html) = app.open_sign_in(client, request).await;
    let csrf = input_value(&html, "csrf").expect("csrf");
    app.post_password(client, &page_url, Some(&csrf), PERSON, password)
        .await
}

#[test]
fn the_parser_reads_labels_escapes_and_special_values() {
    let scrape = Scrape::parse(
        "# HELP x_total Things\n# TYPE x_total counter\n\
         x_total{a=\"1\",b=\"q\\\"uote\\\\ and\\nline\"} 3\n\
         y 4.5\n\
         h_bucket{le=\"+Inf\"} 7\n\
         z{le=\"0.5\"} +Inf\n",
    );
    assert_eq!(scrape.types["x_total"], "counter");
    assert_eq!(scrape.sum("x_total", &[("a", "1")]), 3.0);
    assert_eq!(
        scrape.samples[0].labels["b"],
        "q\"uote\\ and\nline".to_string()
    );
    assert_eq!(scrape.sum("y", &[]), 4.5);
    assert_eq!(scrape.sum("h_bucket", &[("le", "+Inf")]), 7.0);
    assert!(scrape.samples[3].value.is_infinite());
}

#[tokio::test]
async fn a_login_a_refresh_a_reuse_and_a_failed_login_move_the_counters_with_bounded_labels() {
    // Arrange: the real binary, with a user whose name is nobody's app or provider id.
    let dir = tempfile::tempdir().expect("tmp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("probe")
        .port();
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, test_config(&dir, port, &person())).expect("config");
    let server = start(&config);
    let app = TestApp::remote(&server.address);
    let before = scrape(&app.address).await;
    assert_eq!(before.sum("authgate_sign_ins_total", &[]), 0.0);

    // Act: a wrong password, then the right one, the code exchanged, one refresh, and the
    // first refresh token presented again (reuse: the family is revoked).
    let request = Authorize::native();
    let wrong = post_person(&app, &app.browser, &request, "wrong-password-xyz").await;
    assert_eq!(wrong.status(), StatusCode::OK);
    let right = post_person(&app, &app.browser, &request, PERSON_PASSWORD).await;
    assert_eq!(right.status(), StatusCode::SEE_OTHER);
    let code = query_param(&location(&right), "code").expect("code");
    let tokens: serde_json::Value = app
        .exchange(&request, &code)
        .await
        .json()
        .await
        .expect("tokens");
    let refresh = tokens["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();
    let refreshed = app.refresh("demo", &refresh).await;
    assert_eq!(refreshed.status(), StatusCode::OK);
    let rotated: serde_json::Value = refreshed.json().await.expect("json");
    let reused = app.refresh("demo", &refresh).await;
    assert_eq!(reused.status(), StatusCode::BAD_REQUEST);
    let after = scrape(&app.address).await;

    // Assert: sign-ins by provider, app and outcome.
    let sign_ins = |outcome| {
        after.sum(
            "authgate_sign_ins_total",
            &[("provider", "local"), ("app", "demo"), ("outcome", outcome)],
        )
    };
    assert_eq!(sign_ins("success"), 1.0);
    assert_eq!(sign_ins("bad_credentials"), 1.0);
    assert_eq!(after.types["authgate_sign_ins_total"], "counter");
    // Codes and tokens by grant and app; the reuse, and the refusal it got.
    assert_eq!(
        after.sum("authgate_codes_issued_total", &[("app", "demo")]),
        1.0
    );
    let issued = |grant| {
        after.sum(
            "authgate_tokens_issued_total",
            &[("grant_type", grant), ("app", "demo")],
        )
    };
    assert_eq!(issued("authorization_code"), 1.0);
    assert_eq!(issued("refresh_token"), 1.0);
    assert_eq!(
        after.sum(
            "authgate_token_reuse_total",
            &[("token_type", "refresh_token"), ("app", "demo")]
        ),
        1.0
    );
    assert_eq!(
        after.sum(
            "authgate_token_errors_total",
            &[("grant_type", "refresh_token"), ("error", "invalid_grant")]
        ),
        1.0
    );
    // HTTP requests by method, route template and status (OpenTelemetry names).
    assert_eq!(
        after.types["http_server_request_duration_seconds"],
        "histogram"
    );
    let http = |method, route, status| {
        after.sum(
            "http_server_request_duration_seconds_count",
            &[
                ("http_request_method", method),
                ("http_route", route),
                ("http_response_status_code", status),
            ],
        )
    };
    assert_eq!(http("POST", "/oauth2/token", "200"), 2.0);
    assert_eq!(http("POST", "/oauth2/token", "400"), 1.0);
    assert_eq!(
        http("POST", "/signin/{request_id}/{provider_id}", "200"),
        1.0
    );
    assert_eq!(
        http("POST", "/signin/{request_id}/{provider_id}", "303"),
        1.0
    );
    assert_eq!(http("GET", "/oauth2/authorize", "303"), 2.0);
    assert!(
        after
            .matching(
                "http_server_request_duration_seconds_bucket",
                &[("le", "+Inf")]
            )
            .count()
            > 0
    );
    // The store, timed per operation; the signing key's age; the build.
    assert!(
        after.sum(
            "authgate_store_operation_duration_seconds_count",
            &[
                ("backend", "sqlite"),
                ("operation", "rotate_refresh_token"),
                ("outcome", "ok")
            ]
        ) >= 2.0
    );
    let age = after.sum(
        "authgate_signing_key_age_seconds",
        &[("algorithm", "RS256")],
    );
    assert!((0.0..600.0).contains(&age), "{age}");
    assert_eq!(after.sum("authgate_build_info", &[]), 1.0);

    // No label carries a user name, a password, a token, a code, or a raw path.
    let secrets = [
        PERSON.to_string(),
        PERSON_PASSWORD.to_string(),
        "wrong-password-xyz".to_string(),
        code.clone(),
        refresh.clone(),
        tokens["access_token"].as_str().expect("a").to_string(),
        tokens["id_token"].as_str().expect("i").to_string(),
        rotated["refresh_token"].as_str().expect("r").to_string(),
    ];
    for (sample, key, value) in after.label_values() {
        for secret in &secrets {
            let probe = &secret[..secret.len().min(24)];
            assert!(
                value != secret && !value.contains(probe),
                "label {key} of {} carries a secret or user name: {value}",
                sample.name
            );
        }
        assert!(
            !value.starts_with("/signin/") || value.contains('{'),
            "a raw path as a label: {value}"
        );
    }
}

#[tokio::test]
async fn a_management_listener_takes_metrics_off_the_public_listener() {
    // Arrange
    let dir = tempfile::tempdir().expect("tmp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("probe")
        .port();
    let config = dir.path().join("authgate.toml");
    let extra = "\n[metrics]\nlisten = \"127.0.0.1:0\"\n";
    std::fs::write(&config, test_config(&dir, port, extra)).expect("config");
    let server = start(&config);
    let printed = server.output.lock().expect("lock").clone();
    let management = printed
        .lines()
        .find_map(|l| l.strip_prefix("authgate metrics on "))
        .expect("the management address is printed")
        .trim_end_matches("/metrics")
        .to_string();
    assert_ne!(management, server.address);

    let client = browser();

    // Act
    let public = client
        .get(format!("{}/metrics", server.address))
        .send()
        .await
        .expect("public");
    let discovery = client
        .get(format!(
            "{}/.well-known/openid-configuration",
            server.address
        ))
        .send()
        .await
        .expect("discovery");
    let stylesheet = client
        .get(format!("{}/static/authgate.css", server.address))
        .send()
        .await
        .expect("stylesheet");
    assert_eq!(stylesheet.status(), StatusCode::OK);
    let scraped = scrape(&management).await;
    let no_api = client
        .get(format!("{management}/.well-known/openid-configuration"))
        .send()
        .await
        .expect("management");

    // Assert: the public listener no longer serves metrics but still counts its requests;
    // the management listener serves metrics only.
    assert_eq!(public.status(), StatusCode::NOT_FOUND);
    assert_eq!(discovery.status(), StatusCode::OK);
    assert_eq!(
        scraped.sum(
            "http_server_request_duration_seconds_count",
            &[
                ("http_route", "/.well-known/openid-configuration"),
                ("http_response_status_code", "200")
            ]
        ),
        1.0
    );
    assert_eq!(
        scraped.sum(
            "http_server_request_duration_seconds_count",
            &[
                ("http_route", "unmatched"),
                ("http_response_status_code", "404")
            ]
        ),
        1.0
    );
    // Static files have no route of axum's; they are not `unmatched` either.
    assert_eq!(
        scraped.sum(
            "http_server_request_duration_seconds_count",
            &[
                ("http_route", "/static/{*path}"),
                ("http_response_status_code", "200")
            ]
        ),
        1.0
    );
    assert_eq!(no_api.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn metrics_can_be_switched_off() {
    let app = spawn_app_with("\n[metrics]\nenabled = false\n").await;

    let response = app.get(&app.browser, "/metrics").await;

    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}
