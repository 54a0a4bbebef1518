//! Load driver for a running authgate (release build), for `scripts/bench.sh`, and for the
//! side-by-side comparison of `scripts/bench-peers.sh` (`--flavor oidc-provider` or `bare`).
//!
//! ```text
//! cargo run --release --example load -- --url http://127.0.0.1:18181 \
//!     --scenarios password,sso,refresh,baseline --concurrency 32 --duration 10s
//! ```
//!
//! Scenarios, each with `--concurrency` workers for `--duration` after `--warmup`:
//!
//! - `password`: a full login (authorize → sign-in page → password POST → code exchange) by a
//!   fresh, cookie-less browser per iteration;
//! - `sso`: each worker signs in once (not measured), then loops authorize (302 with a code,
//!   thanks to the SSO cookie) → code exchange;
//! - `refresh`: each worker signs in once, then loops refresh grants, always presenting the
//!   refresh token of the previous response (rotation);
//! - `baseline`: `GET /healthz`, the ceiling of server + driver on this machine;
//! - `discovery`, `jwks`: `GET` of the discovery document (its `issuer` checked) and of the
//!   `jwks_uri` it names (a non-empty key set).
//!
//! Endpoints come from the server's discovery document, so one driver serves every target:
//! `--flavor authgate` (its sign-in page), `oidc-provider` (its devInteractions login and
//! consent pages, answered once per browser) and `bare` (discovery and JWKS only).
//!
//! Only iterations that complete inside the measured window count; any unexpected status is an
//! error. More than 1% errors stops the run with a non-zero exit. The last line of output is a
//! JSON summary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use anyhow::{Context, bail};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use clap::Parser;
use rand::RngCore;
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const USER: &str = "demo";
const PASSWORD: &str = "demo-password";
const STATE: &str = "bench-state";
const NONCE: &str = "bench-nonce";
/// Above this share of failed iterations the run stops.
const MAX_ERROR_RATE: f64 = 0.01;
/// ... but only once this many errors have been seen (one early failure is not 1%).
const MIN_ERRORS_TO_ABORT: u64 = 10;
const ALL: [Scenario; 4] = [
    Scenario::Password,
    Scenario::Sso,
    Scenario::Refresh,
    Scenario::Baseline,
];

#[derive(Parser, Debug)]
#[command(about = "Load driver for a running authgate (loopback only)")]
struct Args {
    /// Base URL of the server; must be a loopback address.
    #[arg(long, default_value = "http://127.0.0.1:18181")]
    url: String,
    /// Comma-separated: password, sso, refresh, baseline (run in that order as given).
    #[arg(
        long,
        default_value = "password,sso,refresh,baseline",
        value_delimiter = ','
    )]
    scenarios: Vec<String>,
    /// Concurrent workers (simulated users) per scenario.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Measured time per scenario (humantime: 10s, 1m).
    #[arg(long, default_value = "10s", value_parser = humantime::parse_duration)]
    duration: Duration,
    /// Unmeasured time per scenario before the measured window.
    #[arg(long, default_value = "2s", value_parser = humantime::parse_duration)]
    warmup: Duration,
    /// Per-request timeout.
    #[arg(long, default_value = "10s", value_parser = humantime::parse_duration)]
    timeout: Duration,
    /// What the server is: authgate, oidc-provider or bare (discovery and JWKS only).
    #[arg(long, default_value = "authgate")]
    flavor: Flavor,
    /// The client to sign in with; default `demo` (authgate) or `bench-rs256` (oidc-provider).
    #[arg(long)]
    client_id: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Flavor {
    Authgate,
    OidcProvider,
    Bare,
}

impl Flavor {
    fn default_client(self) -> &'static str {
        match self {
            Self::OidcProvider => "bench-rs256",
            Self::Authgate | Self::Bare => "demo",
        }
    }

    fn redirect_uri(self) -> &'static str {
        match self {
            Self::OidcProvider => "http://127.0.0.1/callback",
            Self::Authgate | Self::Bare => "myapp://callback",
        }
    }

    /// authgate answers an SSO authorize with 302, oidc-provider with 303.
    fn sso_status(self) -> StatusCode {
        match self {
            Self::OidcProvider => StatusCode::SEE_OTHER,
            Self::Authgate | Self::Bare => StatusCode::FOUND,
        }
    }
}

/// What the discovery document says (read once, before any scenario).
#[derive(Clone, Debug)]
struct Endpoints {
    issuer: String,
    authorize: String,
    token: String,
    jwks: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scenario {
    Password,
    Sso,
    Refresh,
    Baseline,
    Discovery,
    Jwks,
}

impl Scenario {
    fn parse(name: &str) -> anyhow::Result<Self> {
        Ok(match name.trim() {
            "password" => Self::Password,
            "sso" => Self::Sso,
            "refresh" => Self::Refresh,
            "baseline" => Self::Baseline,
            "discovery" => Self::Discovery,
            "jwks" => Self::Jwks,
            other => bail!(
                "unknown scenario `{other}` (password, sso, refresh, baseline, discovery, jwks)"
            ),
        })
    }

    fn name(self) -> &'static str {
        match self {
            Self::Password => "password",
            Self::Sso => "sso",
            Self::Refresh => "refresh",
            Self::Baseline => "baseline",
            Self::Discovery => "discovery",
            Self::Jwks => "jwks",
        }
    }
}

/// Shared by the workers of one scenario.
struct Shared {
    base: String,
    flavor: Flavor,
    client_id: String,
    endpoints: Endpoints,
    timeout: Duration,
    /// Iterations completed, warm-up included (the denominator of the error rate).
    completed: AtomicU64,
    errors: AtomicU64,
    /// Error kind → count, and the first message of each kind.
    error_kinds: Mutex<BTreeMap<String, (u64, String)>>,
    abort: AtomicBool,
    /// Set by the first worker that checked an id_token's shape.
    checked: AtomicBool,
    /// The `alg` of the checked id_token's header.
    alg: Mutex<Option<String>>,
}

/// An unexpected answer: `kind` groups errors for the report, `detail` is the first example.
struct Failure {
    kind: String,
    detail: String,
}

type Step<T> = Result<T, Failure>;

fn fail(kind: impl Into<String>, detail: impl Into<String>) -> Failure {
    Failure {
        kind: kind.into(),
        detail: detail.into(),
    }
}

impl Shared {
    /// `path` against the server's base URL; absolute URLs (from discovery or a Location) as
    /// they are.
    fn url(&self, path: &str) -> String {
        if path.starts_with("http://") {
            path.to_string()
        } else {
            format!("{}{}", self.base, path)
        }
    }

    fn browser(&self) -> Client {
        Client::builder()
            .redirect(Policy::none())
            .cookie_store(true)
            .timeout(self.timeout)
            .build()
            .expect("HTTP client")
    }

    fn record_error(&self, failure: Failure) {
        let errors = self.errors.fetch_add(1, Ordering::Relaxed) + 1;
        {
            let mut kinds = self.error_kinds.lock().expect("error map");
            let entry = kinds.entry(failure.kind).or_insert((0, failure.detail));
            entry.0 += 1;
        }
        let total = errors + self.completed.load(Ordering::Relaxed);
        if errors >= MIN_ERRORS_TO_ABORT && errors as f64 > MAX_ERROR_RATE * total as f64 {
            self.abort.store(true, Ordering::Relaxed);
        }
    }

    /// Checks the shape of one id_token per scenario (three dot-separated, non-empty parts).
    fn check_once(&self, tokens: &Value) -> Step<()> {
        if self.checked.load(Ordering::Relaxed) || self.checked.swap(true, Ordering::Relaxed) {
            return Ok(());
        }
        let id_token = tokens["id_token"].as_str().unwrap_or_default();
        let parts: Vec<&str> = id_token.split('.').collect();
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
            return Err(fail("id_token shape", format!("not a JWS: {id_token:.60}")));
        }
        let alg = URL_SAFE_NO_PAD
            .decode(parts[0])
            .ok()
            .and_then(|h| serde_json::from_slice::<Value>(&h).ok())
            .and_then(|h| h["alg"].as_str().map(str::to_string));
        *self.alg.lock().expect("alg") = alg;
        Ok(())
    }
}

async fn send(what: &str, request: reqwest::RequestBuilder) -> Step<Response> {
    request
        .send()
        .await
        .map_err(|e| fail(format!("{what}: transport"), e.to_string()))
}

/// `Err` unless the status is `want`; the body of an unexpected answer goes into the detail.
async fn expect(what: &str, response: Response, want: StatusCode) -> Step<Response> {
    let status = response.status();
    if status == want {
        return Ok(response);
    }
    let body = response.text().await.unwrap_or_default();
    let error = serde_json::from_str::<Value>(&body)
        .ok()
        .and_then(|v| v["error"].as_str().map(str::to_string));
    let kind = match error {
        Some(e) => format!("{what}: {} {e}", status.as_u16()),
        None => format!("{what}: {}", status.as_u16()),
    };
    Err(fail(kind, format!("{:.200}", body.replace('\n', " "))))
}

fn location(what: &str, response: &Response) -> Step<String> {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .ok_or_else(|| fail(format!("{what}: no Location"), ""))
}

fn query_param(uri: &str, name: &str) -> Option<String> {
    let query = uri.split_once('?')?.1;
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// `<input ... name="NAME" value="...">`
fn input_value(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

/// A PKCE verifier and the authorize URL that carries its S256 challenge.
fn authorize_path(shared: &Shared) -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let verifier = URL_SAFE_NO_PAD.encode(bytes);
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("response_type", "code")
        .append_pair("client_id", &shared.client_id)
        .append_pair("redirect_uri", shared.flavor.redirect_uri())
        .append_pair("state", STATE)
        .append_pair("nonce", NONCE)
        .append_pair("scope", "openid email profile")
        .append_pair("code_challenge", &challenge)
        .append_pair("code_challenge_method", "S256")
        .finish();
    (verifier, format!("{}?{query}", shared.endpoints.authorize))
}

/// The code from a redirect back to the app, checking `state` came back.
fn code_from(shared: &Shared, what: &str, back: &str) -> Step<String> {
    if !back.starts_with(shared.flavor.redirect_uri()) {
        return Err(fail(format!("{what}: wrong redirect"), back));
    }
    if query_param(back, "state").as_deref() != Some(STATE) {
        return Err(fail(format!("{what}: state"), back));
    }
    query_param(back, "code").ok_or_else(|| fail(format!("{what}: no code"), back))
}

/// Steps 1–3 with a browser that has no SSO session: the PKCE verifier and the code.
async fn password_sign_in(shared: &Shared, browser: &Client) -> Step<(String, String)> {
    if shared.flavor == Flavor::OidcProvider {
        return interactions_sign_in(shared, browser).await;
    }
    let (verifier, path) = authorize_path(shared);
    let response = send("authorize", browser.get(shared.url(&path))).await?;
    let response = expect("authorize", response, StatusCode::SEE_OTHER).await?;
    let page_url = location("authorize", &response)?;
    if !page_url.starts_with("/signin/") {
        return Err(fail("authorize: not the sign-in page", page_url));
    }
    let page = send("signin page", browser.get(shared.url(&page_url))).await?;
    let html = expect("signin page", page, StatusCode::OK)
        .await?
        .text()
        .await
        .map_err(|e| fail("signin page: body", e.to_string()))?;
    let csrf = input_value(&html, "csrf").ok_or_else(|| fail("signin page: no csrf field", ""))?;
    let form = [("username", USER), ("password", PASSWORD), ("csrf", &csrf)];
    let response = send(
        "signin post",
        browser.post(shared.url(&page_url)).form(&form),
    )
    .await?;
    let response = expect("signin post", response, StatusCode::SEE_OTHER).await?;
    let back = location("signin post", &response)?;
    let code = code_from(shared, "signin post", &back)?;
    Ok((verifier, code))
}

/// oidc-provider's devInteractions: authorize → login page → POST any login → consent page
/// (first time only) → POST → … → the redirect back with a code. Follows at most 12 steps.
async fn interactions_sign_in(shared: &Shared, browser: &Client) -> Step<(String, String)> {
    let (verifier, path) = authorize_path(shared);
    let response = send("authorize", browser.get(shared.url(&path))).await?;
    let mut next = location("authorize", &response)?;
    for _ in 0..12 {
        if next.starts_with(shared.flavor.redirect_uri()) {
            let code = code_from(shared, "interaction", &next)?;
            return Ok((verifier, code));
        }
        let response = send("interaction", browser.get(shared.url(&next))).await?;
        if response.status().is_redirection() {
            next = location("interaction", &response)?;
            continue;
        }
        let html = expect("interaction page", response, StatusCode::OK)
            .await?
            .text()
            .await
            .map_err(|e| fail("interaction page: body", e.to_string()))?;
        let action = attribute(&html, "action=\"")
            .ok_or_else(|| fail("interaction page: no form", format!("{html:.200}")))?;
        let prompt = input_value(&html, "prompt").unwrap_or_default();
        let form: Vec<(&str, &str)> = if prompt == "login" {
            vec![("prompt", "login"), ("login", USER), ("password", PASSWORD)]
        } else {
            vec![("prompt", prompt.as_str())]
        };
        let response = send(
            "interaction post",
            browser.post(shared.url(&action)).form(&form),
        )
        .await?;
        if !response.status().is_redirection() {
            return Err(fail(
                format!("interaction post: {}", response.status().as_u16()),
                prompt,
            ));
        }
        next = location("interaction post", &response)?;
    }
    Err(fail("interaction: too many steps", next))
}

/// The value after `marker` up to the next `"`.
fn attribute(html: &str, marker: &str) -> Option<String> {
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

/// Step 4: the code exchange; returns the token response.
async fn exchange(shared: &Shared, api: &Client, verifier: &str, code: &str) -> Step<Value> {
    let form = [
        ("grant_type", "authorization_code"),
        ("client_id", &shared.client_id),
        ("code", code),
        ("redirect_uri", shared.flavor.redirect_uri()),
        ("code_verifier", verifier),
    ];
    let response = send("token code", api.post(&shared.endpoints.token).form(&form)).await?;
    tokens("token code", response).await
}

async fn tokens(what: &str, response: Response) -> Step<Value> {
    let body: Value = expect(what, response, StatusCode::OK)
        .await?
        .json()
        .await
        .map_err(|e| fail(format!("{what}: body"), e.to_string()))?;
    for field in ["access_token", "id_token", "refresh_token"] {
        if !body[field].is_string() {
            return Err(fail(format!("{what}: no {field}"), body.to_string()));
        }
    }
    Ok(body)
}

/// A complete password login (steps 1–4) in `browser`: the token response.
async fn login(shared: &Shared, browser: &Client, api: &Client) -> Step<Value> {
    let (verifier, code) = password_sign_in(shared, browser).await?;
    exchange(shared, api, &verifier, &code).await
}

/// What a worker keeps between iterations.
enum WorkerState {
    /// A fresh browser per iteration.
    Password,
    /// A browser holding an SSO session.
    Sso(Client),
    /// The refresh token to present next.
    Refresh(String),
    /// Stateless GETs.
    Get,
}

async fn setup(scenario: Scenario, shared: &Shared, api: &Client) -> Step<WorkerState> {
    Ok(match scenario {
        Scenario::Password => WorkerState::Password,
        Scenario::Baseline | Scenario::Discovery | Scenario::Jwks => WorkerState::Get,
        Scenario::Sso => {
            let browser = shared.browser();
            let tokens = login(shared, &browser, api).await?;
            shared.check_once(&tokens)?;
            WorkerState::Sso(browser)
        }
        Scenario::Refresh => {
            let tokens = login(shared, &shared.browser(), api).await?;
            shared.check_once(&tokens)?;
            let refresh = tokens["refresh_token"].as_str().unwrap_or_default();
            WorkerState::Refresh(refresh.to_string())
        }
    })
}

const DISCOVERY: &str = "/.well-known/openid-configuration";

async fn json_body(what: &str, response: Response) -> Step<Value> {
    expect(what, response, StatusCode::OK)
        .await?
        .json()
        .await
        .map_err(|e| fail(format!("{what}: body"), e.to_string()))
}

/// Reads the endpoints from the discovery document.
async fn discover(api: &Client, base: &str) -> anyhow::Result<Endpoints> {
    let doc: Value = api
        .get(format!("{base}{DISCOVERY}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let field = |name: &str| {
        doc[name]
            .as_str()
            .map(str::to_string)
            .with_context(|| format!("discovery has no {name}"))
    };
    Ok(Endpoints {
        issuer: field("issuer")?,
        authorize: field("authorization_endpoint")?,
        token: field("token_endpoint")?,
        jwks: field("jwks_uri")?,
    })
}

/// One complete iteration.
async fn iteration(
    scenario: Scenario,
    shared: &Shared,
    api: &Client,
    state: &mut WorkerState,
) -> Step<()> {
    match state {
        WorkerState::Password => {
            let tokens = login(shared, &shared.browser(), api).await?;
            shared.check_once(&tokens)?;
        }
        WorkerState::Sso(browser) => {
            let (verifier, path) = authorize_path(shared);
            let response = send("sso authorize", browser.get(shared.url(&path))).await?;
            let response = expect("sso authorize", response, shared.flavor.sso_status()).await?;
            let back = location("sso authorize", &response)?;
            let code = code_from(shared, "sso authorize", &back)?;
            let tokens = exchange(shared, api, &verifier, &code).await?;
            shared.check_once(&tokens)?;
        }
        WorkerState::Refresh(refresh_token) => {
            let form = [
                ("grant_type", "refresh_token"),
                ("client_id", shared.client_id.as_str()),
                ("refresh_token", refresh_token.as_str()),
            ];
            let response = send(
                "token refresh",
                api.post(&shared.endpoints.token).form(&form),
            )
            .await?;
            let tokens = tokens("token refresh", response).await?;
            let next = tokens["refresh_token"].as_str().unwrap_or_default();
            if next == refresh_token.as_str() {
                return Err(fail("token refresh: not rotated", ""));
            }
            *refresh_token = next.to_string();
        }
        WorkerState::Get if scenario == Scenario::Discovery => {
            let response = send("discovery", api.get(shared.url(DISCOVERY))).await?;
            let body = json_body("discovery", response).await?;
            if body["issuer"].as_str() != Some(shared.endpoints.issuer.as_str()) {
                return Err(fail(
                    "discovery: issuer",
                    format!("{:.200}", body.to_string()),
                ));
            }
        }
        WorkerState::Get if scenario == Scenario::Jwks => {
            let response = send("jwks", api.get(&shared.endpoints.jwks)).await?;
            let body = json_body("jwks", response).await?;
            let keys = body["keys"].as_array().map_or(0, Vec::len);
            if keys == 0 || body["keys"][0]["kty"].as_str().is_none() {
                return Err(fail("jwks: no keys", format!("{:.200}", body.to_string())));
            }
        }
        WorkerState::Get => {
            let response = send("healthz", api.get(shared.url("/healthz"))).await?;
            let body = expect("healthz", response, StatusCode::OK)
                .await?
                .text()
                .await
                .map_err(|e| fail("healthz: body", e.to_string()))?;
            if body != "ok" {
                return Err(fail("healthz: body", body));
            }
        }
    }
    Ok(())
}

/// The unmeasured start of one worker; `None` (recorded as an error) when it cannot sign in.
async fn prepare(scenario: Scenario, shared: Arc<Shared>, api: Client) -> Option<WorkerState> {
    match setup(scenario, &shared, &api).await {
        Ok(state) => Some(state),
        Err(failure) => {
            shared.record_error(fail(format!("setup: {}", failure.kind), failure.detail));
            None
        }
    }
}

/// Runs the loop of one worker; returns its latencies (µs) measured inside the window.
async fn worker(
    scenario: Scenario,
    shared: Arc<Shared>,
    api: Client,
    mut state: WorkerState,
    measure_from: Instant,
    until: Instant,
) -> Vec<u64> {
    let mut samples = Vec::new();
    loop {
        let start = Instant::now();
        if start >= until || shared.abort.load(Ordering::Relaxed) {
            break;
        }
        match iteration(scenario, &shared, &api, &mut state).await {
            Ok(()) => {
                let end = Instant::now();
                shared.completed.fetch_add(1, Ordering::Relaxed);
                if end >= measure_from && end <= until {
                    samples.push(u64::try_from((end - start).as_micros()).unwrap_or(u64::MAX));
                }
            }
            Err(failure) => {
                shared.record_error(failure);
                // A refresh worker whose token family is gone cannot go on; sign in again.
                if scenario == Scenario::Refresh
                    && let Ok(fresh) = setup(scenario, &shared, &api).await
                {
                    state = fresh;
                }
            }
        }
    }
    samples
}

struct Outcome {
    scenario: Scenario,
    ok: u64,
    errors: u64,
    rate: f64,
    /// Sorted latencies, µs.
    samples: Vec<u64>,
    error_kinds: BTreeMap<String, (u64, String)>,
    alg: Option<String>,
    aborted: bool,
    window: Duration,
}

impl Outcome {
    fn percentile_ms(&self, p: f64) -> f64 {
        if self.samples.is_empty() {
            return 0.0;
        }
        // Nearest rank.
        let rank = (p / 100.0 * self.samples.len() as f64).ceil() as usize;
        let index = rank.clamp(1, self.samples.len()) - 1;
        self.samples[index] as f64 / 1000.0
    }

    fn mean_ms(&self) -> f64 {
        if self.samples.is_empty() {
            return 0.0;
        }
        self.samples.iter().sum::<u64>() as f64 / self.samples.len() as f64 / 1000.0
    }

    fn line(&self) -> String {
        format!(
            "{:<10} ok={} err={}  rate={:.1}/s  p50={:.1}ms  p90={:.1}ms  p99={:.1}ms  max={:.1}ms{}",
            self.scenario.name(),
            self.ok,
            self.errors,
            self.rate,
            self.percentile_ms(50.0),
            self.percentile_ms(90.0),
            self.percentile_ms(99.0),
            self.percentile_ms(100.0),
            self.alg
                .as_deref()
                .map(|a| format!("  alg={a}"))
                .unwrap_or_default(),
        )
    }

    fn json(&self) -> Value {
        let errors: BTreeMap<&str, u64> = self
            .error_kinds
            .iter()
            .map(|(k, (n, _))| (k.as_str(), *n))
            .collect();
        json!({
            "scenario": self.scenario.name(),
            "ok": self.ok,
            "err": self.errors,
            "rate_per_s": (self.rate * 10.0).round() / 10.0,
            "mean_ms": round2(self.mean_ms()),
            "p50_ms": round2(self.percentile_ms(50.0)),
            "p90_ms": round2(self.percentile_ms(90.0)),
            "p99_ms": round2(self.percentile_ms(99.0)),
            "max_ms": round2(self.percentile_ms(100.0)),
            "window_s": self.window.as_secs_f64(),
            "id_token_alg": self.alg,
            "errors": errors,
            "aborted": self.aborted,
        })
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

async fn run(scenario: Scenario, args: &Args, endpoints: &Endpoints) -> anyhow::Result<Outcome> {
    let shared = Arc::new(Shared {
        base: args.url.trim_end_matches('/').to_string(),
        flavor: args.flavor,
        client_id: args
            .client_id
            .clone()
            .unwrap_or_else(|| args.flavor.default_client().to_string()),
        endpoints: endpoints.clone(),
        timeout: args.timeout,
        completed: AtomicU64::new(0),
        errors: AtomicU64::new(0),
        error_kinds: Mutex::new(BTreeMap::new()),
        abort: AtomicBool::new(false),
        checked: AtomicBool::new(false),
        alg: Mutex::new(None),
    });
    // The app's back end: no cookies, keep-alive connections shared by the workers.
    let api = Client::builder()
        .redirect(Policy::none())
        .timeout(args.timeout)
        .pool_max_idle_per_host(args.concurrency)
        .build()?;
    // Setup (the one sign-in of sso/refresh workers), all at once, before the clock starts.
    let preparing: Vec<_> = (0..args.concurrency)
        .map(|_| tokio::spawn(prepare(scenario, Arc::clone(&shared), api.clone())))
        .collect();
    let mut states = Vec::new();
    for handle in preparing {
        states.extend(handle.await.context("setup panicked")?);
    }
    let measure_from = Instant::now() + args.warmup;
    let until = measure_from + args.duration;
    let handles: Vec<_> = states
        .into_iter()
        .map(|state| {
            tokio::spawn(worker(
                scenario,
                Arc::clone(&shared),
                api.clone(),
                state,
                measure_from,
                until,
            ))
        })
        .collect();
    let mut samples = Vec::new();
    for handle in handles {
        samples.extend(handle.await.context("worker panicked")?);
    }
    samples.sort_unstable();
    let ok = samples.len() as u64;
    let errors = shared.errors.load(Ordering::Relaxed);
    let error_kinds = std::mem::take(&mut *shared.error_kinds.lock().expect("error map"));
    let alg = shared.alg.lock().expect("alg").take();
    let completed = shared.completed.load(Ordering::Relaxed);
    let aborted = shared.abort.load(Ordering::Relaxed)
        || (errors > 0 && errors as f64 > MAX_ERROR_RATE * (errors + completed) as f64);
    Ok(Outcome {
        scenario,
        ok,
        errors,
        rate: ok as f64 / args.duration.as_secs_f64(),
        samples,
        error_kinds,
        alg,
        aborted,
        window: args.duration,
    })
}

fn check_loopback(url: &str) -> anyhow::Result<()> {
    let parsed = url::Url::parse(url).context("--url")?;
    if parsed.scheme() != "http" {
        bail!("--url must be http:// (the driver has no TLS)");
    }
    let loopback = match parsed.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    };
    if !loopback {
        bail!("--url must point at a loopback address (127.0.0.1), not {url}");
    }
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<std::process::ExitCode> {
    // reqwest is built without a rustls provider of its own: use authgate's (aws-lc-rs).
    authgate::startup::install_crypto_provider();
    let args = Args::parse();
    check_loopback(&args.url)?;
    anyhow::ensure!(args.concurrency > 0, "--concurrency must be at least 1");
    anyhow::ensure!(!args.duration.is_zero(), "--duration must be positive");
    let scenarios = args
        .scenarios
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Scenario::parse(s))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let scenarios = if scenarios.is_empty() {
        ALL.to_vec()
    } else {
        scenarios
    };
    println!(
        "# authgate load: url={} concurrency={} warmup={:?} duration={:?} scenarios={}",
        args.url,
        args.concurrency,
        args.warmup,
        args.duration,
        scenarios
            .iter()
            .map(|s| s.name())
            .collect::<Vec<_>>()
            .join(",")
    );

    let discovery_client = Client::builder().timeout(args.timeout).build()?;
    let endpoints = discover(&discovery_client, args.url.trim_end_matches('/')).await?;
    let mut results = Vec::new();
    let mut failed = false;
    for scenario in scenarios {
        let outcome = run(scenario, &args, &endpoints).await?;
        println!("{}", outcome.line());
        for (kind, (count, detail)) in &outcome.error_kinds {
            println!("    error {count:>6} × {kind}   e.g. {detail}");
        }
        failed |= outcome.aborted;
        results.push(outcome);
        if failed {
            println!(
                "# {} failed more than {}% of its iterations: stopping",
                results.last().map_or("?", |o| o.scenario.name()),
                MAX_ERROR_RATE * 100.0
            );
            break;
        }
    }
    let summary = json!({
        "url": args.url,
        "flavor": format!("{:?}", args.flavor),
        "concurrency": args.concurrency,
        "warmup_s": args.warmup.as_secs_f64(),
        "duration_s": args.duration.as_secs_f64(),
        "ok": !failed,
        "results": results.iter().map(Outcome::json).collect::<Vec<_>>(),
    });
    println!("{summary}");
    Ok(if failed {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    })
}
