//! The security headers every response is sent with (pages, redirects and JSON alike).

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// No scripts, styles only from us, no framing, no referrer. `form-action` is left out on
/// purpose: browsers apply it to the redirect after a form POST, which would block the
/// redirect to an app's own scheme (`myapp://callback`).
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
                   frame-ancestors 'none'; base-uri 'none'";

/// Security headers on every response; `no-store` unless the handler chose a cache policy
/// (pages carry CSRF tokens, redirects carry codes, JSON carries tokens).
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
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
