//! Prometheus metrics: the one catalogue of what authgate measures, and the recorder behind
//! `GET /metrics`. Every metric is recorded through a function here, so the names, types and
//! label sets live in one place (the README's table lists the same).
//!
//! **Labels are bounded.** A label value is a constant from this module, a status code, a
//! route template, or an app or provider id taken from the configuration (never the id a
//! client sent before it was looked up). No user name, subject, token, secret, raw path or
//! other client-supplied string ever becomes a label: each would make a series per value.

use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Duration;

pub const HTTP_REQUEST_DURATION: &str = "http_server_request_duration_seconds";
pub const SIGN_INS: &str = "authgate_sign_ins_total";
pub const SSO_SIGN_INS: &str = "authgate_sso_sign_ins_total";
pub const CODES_ISSUED: &str = "authgate_codes_issued_total";
pub const TOKENS_ISSUED: &str = "authgate_tokens_issued_total";
pub const TOKEN_ERRORS: &str = "authgate_token_errors_total";
pub const TOKEN_REUSE: &str = "authgate_token_reuse_total";
pub const THROTTLE: &str = "authgate_sign_in_throttle_total";
pub const LOCKS: &str = "authgate_sign_in_locks_total";
pub const SAML_REFUSALS: &str = "authgate_saml_refusals_total";
pub const SAML_METADATA_REFRESHES: &str = "authgate_saml_metadata_refreshes_total";
pub const UPSTREAM_DURATION: &str = "authgate_upstream_request_duration_seconds";
pub const AWS_DURATION: &str = "authgate_aws_request_duration_seconds";
pub const STORE_DURATION: &str = "authgate_store_operation_duration_seconds";
pub const SIGNING_KEY_AGE: &str = "authgate_signing_key_age_seconds";
pub const BUILD_INFO: &str = "authgate_build_info";

/// OpenTelemetry's advisory buckets for `http.server.request.duration` (seconds); also used for
/// upstream and AWS calls, which live in the same range.
const REQUEST_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0,
];
/// Store operations are sub-millisecond when healthy: finer buckets at the bottom.
const STORE_BUCKETS: &[f64] = &[
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0,
];
/// How often histogram samples are folded into their buckets between scrapes (without it they
/// pile up until the next scrape, or forever when nobody scrapes).
const UPKEEP_INTERVAL: Duration = Duration::from_secs(5);

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the process-wide recorder (once: tests build many apps in one process) and starts
/// its upkeep thread. Metrics recorded before this are dropped. `None` when another recorder was
/// installed first.
pub fn install() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets(REQUEST_BUCKETS)
                .and_then(|b| {
                    b.set_buckets_for_metric(Matcher::Full(STORE_DURATION.into()), STORE_BUCKETS)
                })
                .map(PrometheusBuilder::build_recorder);
            let recorder = match recorder {
                Ok(recorder) => recorder,
                Err(e) => {
                    tracing::error!(error = %e, "metrics recorder not built; /metrics will be empty");
                    return None;
                }
            };
            let handle = recorder.handle();
            if let Err(e) = metrics::set_global_recorder(recorder) {
                tracing::error!(error = %e, "another metrics recorder is installed; /metrics will be empty");
                return None;
            }
            let upkeep = handle.clone();
            let spawned = std::thread::Builder::new()
                .name("metrics-upkeep".into())
                .spawn(move || {
                    loop {
                        std::thread::sleep(UPKEEP_INTERVAL);
                        upkeep.run_upkeep();
                    }
                });
            if let Err(e) = spawned {
                tracing::warn!(error = %e, "no metrics upkeep thread; histograms fold at scrape time");
            }
            describe();
            gauge!(BUILD_INFO, "version" => env!("CARGO_PKG_VERSION")).set(1.0);
            Some(handle)
        })
        .as_ref()
}

/// The Prometheus text exposition of every metric recorded so far.
pub fn render() -> String {
    install().map(PrometheusHandle::render).unwrap_or_default()
}

fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    describe_histogram!(
        HTTP_REQUEST_DURATION,
        Unit::Seconds,
        "HTTP requests served, by method, route template and status code, and how long they took"
    );
    describe_counter!(
        SIGN_INS,
        "Interactive sign-ins (password pages and upstream providers), by provider, app and outcome"
    );
    describe_counter!(
        SSO_SIGN_INS,
        "Sign-ins answered from an existing single sign-on session, by provider and app"
    );
    describe_counter!(CODES_ISSUED, "Authorization codes issued, by app");
    describe_counter!(
        TOKENS_ISSUED,
        "Tokens issued by the token endpoint or the user-pool API, by grant type and app"
    );
    describe_counter!(
        TOKEN_ERRORS,
        "Token requests refused, by grant type and RFC 6749 error code"
    );
    describe_counter!(
        TOKEN_REUSE,
        "Reuse of a spent authorization code or rotated refresh token (the session is revoked), by token type and app"
    );
    describe_counter!(
        THROTTLE,
        "Password attempts delayed or refused by the sign-in throttle, by action and scope"
    );
    describe_counter!(
        LOCKS,
        "Sign-in locks engaged (a failure reached the lock limit), by scope"
    );
    describe_counter!(
        SAML_REFUSALS,
        "SAML responses refused, by provider and the check that failed (`replayed` for a replay)"
    );
    describe_counter!(
        SAML_METADATA_REFRESHES,
        "Fetches of a SAML IdP's metadata URL, by provider and outcome (`failed` keeps the last good copy)"
    );
    describe_histogram!(
        UPSTREAM_DURATION,
        Unit::Seconds,
        "Calls to upstream identity providers, by provider, endpoint and outcome"
    );
    describe_histogram!(
        AWS_DURATION,
        Unit::Seconds,
        "AWS API calls (after the SDK's retries), by service, operation and outcome"
    );
    describe_histogram!(
        STORE_DURATION,
        Unit::Seconds,
        "Store operations, by backend, operation and outcome"
    );
    describe_gauge!(
        SIGNING_KEY_AGE,
        Unit::Seconds,
        "How long the current token signing key has been signing, by algorithm"
    );
    describe_gauge!(BUILD_INFO, "Always 1; the version that is running");
}

/// `http.request.method`: the known methods, anything else as `_OTHER` (OpenTelemetry).
pub fn method_label(method: &str) -> &'static str {
    match method {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "CONNECT" => "CONNECT",
        "OPTIONS" => "OPTIONS",
        "TRACE" => "TRACE",
        "PATCH" => "PATCH",
        _ => "_OTHER",
    }
}

/// One HTTP request served. `route` is the matched route template (`/signin/{request_id}`),
/// never the path; requests that matched no route are `unmatched`.
pub fn http_request(method: &'static str, route: Option<&str>, status: u16, elapsed: Duration) {
    let route = route.map_or(metrics::SharedString::const_str("unmatched"), |r| {
        r.to_string().into()
    });
    histogram!(
        HTTP_REQUEST_DURATION,
        "http_request_method" => method,
        "http_route" => route,
        "http_response_status_code" => status.to_string(),
    )
    .record(elapsed.as_secs_f64());
}

/// How an interactive sign-in ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInOutcome {
    Success,
    /// Wrong username or password (a local user, or the pool's `NotAuthorized`).
    BadCredentials,
    /// Refused by the throttle before the password was checked.
    Locked,
    /// A pool's challenge (MFA, custom) failed and the sign-in starts over.
    ChallengeFailed,
    /// The upstream provider sent the user back with an error (cancelled, refused).
    UpstreamDenied,
    /// The upstream provider failed: unreachable, an unusable answer, a response that failed
    /// verification.
    UpstreamError,
}

impl SignInOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Success => "success",
            Self::BadCredentials => "bad_credentials",
            Self::Locked => "locked",
            Self::ChallengeFailed => "challenge_failed",
            Self::UpstreamDenied => "upstream_denied",
            Self::UpstreamError => "upstream_error",
        }
    }
}

/// `provider` and `app` are ids from the configuration.
pub fn sign_in(provider: &str, app: &str, outcome: SignInOutcome) {
    counter!(
        SIGN_INS,
        "provider" => provider.to_string(),
        "app" => app.to_string(),
        "outcome" => outcome.as_str(),
    )
    .increment(1);
}

pub fn sso_sign_in(provider: &str, app: &str) {
    counter!(SSO_SIGN_INS, "provider" => provider.to_string(), "app" => app.to_string())
        .increment(1);
}

pub fn code_issued(app: &str) {
    counter!(CODES_ISSUED, "app" => app.to_string()).increment(1);
}

/// The grant types the token endpoint knows; anything a client sends otherwise is `other`.
pub fn grant_label(grant_type: Option<&str>) -> &'static str {
    match grant_type {
        Some("authorization_code") => "authorization_code",
        Some("refresh_token") => "refresh_token",
        _ => "other",
    }
}

pub fn tokens_issued(grant_type: &'static str, app: &str) {
    counter!(TOKENS_ISSUED, "grant_type" => grant_type, "app" => app.to_string()).increment(1);
}

/// `error` is an RFC 6749 error code (a fixed set). No app: the client may not be authenticated.
pub fn token_error(grant_type: &'static str, error: &'static str) {
    counter!(TOKEN_ERRORS, "grant_type" => grant_type, "error" => error).increment(1);
}

/// `token_type`: `authorization_code` or `refresh_token`.
pub fn token_reuse(token_type: &'static str, app: &str) {
    counter!(TOKEN_REUSE, "token_type" => token_type, "app" => app.to_string()).increment(1);
}

/// `action`: `delayed` or `refused`; `scope`: `user` or `address`.
pub fn throttle(action: &'static str, scope: &'static str) {
    counter!(THROTTLE, "action" => action, "scope" => scope).increment(1);
}

/// A SAML response refused; `reason` is `saml::Refusal::code` (a fixed set).
pub fn saml_refusal(provider: &str, reason: &'static str) {
    counter!(SAML_REFUSALS, "provider" => provider.to_string(), "reason" => reason).increment(1);
}

/// A fetch of a SAML IdP's metadata URL; `outcome` is `ok` or `failed`.
pub fn saml_metadata_refresh(provider: &str, outcome: &'static str) {
    counter!(SAML_METADATA_REFRESHES, "provider" => provider.to_string(), "outcome" => outcome)
        .increment(1);
}

pub fn lock(scope: &'static str) {
    counter!(LOCKS, "scope" => scope).increment(1);
}

/// One call to an upstream provider. `endpoint` and `outcome` are constants of the connector.
pub fn upstream_call(provider: &str, endpoint: &'static str, outcome: &'static str, d: Duration) {
    histogram!(
        UPSTREAM_DURATION,
        "provider" => provider.to_string(),
        "endpoint" => endpoint,
        "outcome" => outcome,
    )
    .record(d.as_secs_f64());
}

/// One AWS API call (`service`: `cognito-identity`, `sts`, `cognito-idp`).
pub fn aws_call(
    service: &'static str,
    operation: &'static str,
    outcome: &'static str,
    d: Duration,
) {
    histogram!(
        AWS_DURATION,
        "service" => service,
        "operation" => operation,
        "outcome" => outcome,
    )
    .record(d.as_secs_f64());
}

pub fn store_operation(backend: &'static str, operation: &'static str, ok: bool, d: Duration) {
    histogram!(
        STORE_DURATION,
        "backend" => backend,
        "operation" => operation,
        "outcome" => if ok { "ok" } else { "error" },
    )
    .record(d.as_secs_f64());
}

/// `algorithm`: `RS256` or `ES256`.
pub fn signing_key_age(algorithm: &'static str, age: Duration) {
    gauge!(SIGNING_KEY_AGE, "algorithm" => algorithm).set(age.as_secs_f64());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_outside_the_known_set_are_other() {
        assert_eq!(method_label("GET"), "GET");
        assert_eq!(method_label("PROPFIND"), "_OTHER");
        assert_eq!(method_label("get"), "_OTHER");
    }

    #[test]
    fn client_supplied_grant_types_fold_into_other() {
        assert_eq!(grant_label(Some("refresh_token")), "refresh_token");
        assert_eq!(grant_label(Some("password")), "other");
        assert_eq!(grant_label(Some("x".repeat(5000).as_str())), "other");
        assert_eq!(grant_label(None), "other");
    }
}
