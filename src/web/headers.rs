//! The security headers every response is sent with (pages, redirects and JSON alike).

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// No scripts, styles only from us, no framing, no referrer. `form-action` is left out on
/// purpose: browsers apply it to the redirect after a form POST, which would block the
/// redirect to an app's own scheme (`myapp://callback`).
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
                   frame-ancestors 'none'; base-uri 'none'";

/// One year, and every subdomain: browsers that once reached an https issuer never try plain
/// http for it again (RFC 6797).
const HSTS: &str = "max-age=31536000; includeSubDomains";

/// What depends on the deployment: HSTS only when the issuer is https on a real host. Not on
/// plain-http loopback (the browser would refuse it for a year), and not on an https issuer on
/// `localhost` or a loopback address (the development TLS listener): browsers ignore HSTS from
/// an IP address, but would hold it against plain-http `localhost` afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderPolicy {
    pub hsts: bool,
}

impl HeaderPolicy {
    pub fn for_issuer(issuer: &str) -> Self {
        let https_host = url::Url::parse(issuer)
            .ok()
            .filter(|url| url.scheme() == "https")
            .and_then(|url| {
                Some(match url.host()? {
                    url::Host::Domain(name) => !name.eq_ignore_ascii_case("localhost"),
                    url::Host::Ipv4(ip) => !ip.is_loopback(),
                    url::Host::Ipv6(ip) => !ip.is_loopback(),
                })
            });
        Self {
            hsts: https_host.unwrap_or(false),
        }
    }
}

/// Security headers on every response; `no-store` unless the handler chose a cache policy
/// (pages carry CSRF tokens, redirects carry codes, JSON carries tokens).
pub async fn security_headers(
    State(policy): State<HeaderPolicy>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if policy.hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hsts_is_for_https_issuers_on_real_hosts() {
        assert!(HeaderPolicy::for_issuer("https://login.example.com").hsts);
        assert!(HeaderPolicy::for_issuer("https://203.0.113.7").hsts);
        assert!(!HeaderPolicy::for_issuer("http://127.0.0.1:8080").hsts);
        assert!(!HeaderPolicy::for_issuer("https://127.0.0.1:8443").hsts);
        assert!(!HeaderPolicy::for_issuer("https://localhost:8443").hsts);
        assert!(!HeaderPolicy::for_issuer("https://[::1]:8443").hsts);
    }
}
