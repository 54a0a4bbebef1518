//! Small response and request helpers every face uses: redirects (302 after a GET, 303 after a
//! form), `no-store`, cached public JSON documents, and reading the `Authorization` header
//! (RFC 6750 Bearer, RFC 6749 §2.3.1 Basic).

use crate::web::page;
use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::{Engine, engine::general_purpose::STANDARD};

/// A 302 to the app (RFC 6749 §4.1.2): the browser follows it with GET and no body.
pub fn found(location: &str) -> Response {
    redirect(StatusCode::FOUND, location)
}

/// A 303, after a form POST: the browser must not re-send the form (RFC 9700 §4.12).
pub fn see_other(location: &str) -> Response {
    redirect(StatusCode::SEE_OTHER, location)
}

fn redirect(status: StatusCode, location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(value) => (status, [(header::LOCATION, value)]).into_response(),
        Err(_) => page::error(StatusCode::BAD_REQUEST, "The redirect URI cannot be used."),
    }
}

/// Marks a response that carries a secret (tokens, credentials) as never to be cached.
pub fn no_store(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}

/// Public documents relying parties cache (discovery, JWKS); short enough to pick up a key
/// rotation's next key.
pub fn json_document(body: Bytes) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=300"),
            ),
            (
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            ),
        ],
        body,
    )
        .into_response()
}

/// The `Authorization` header, when it is present and readable.
pub fn authorization(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
}

/// The token of a `Bearer` authorization (RFC 6750 §2.1; the scheme is case-insensitive).
pub fn bearer(authorization: Option<&str>) -> Option<&str> {
    authorization
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// `Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1).
pub fn basic(value: &str) -> Option<(String, String)> {
    let encoded = value
        .strip_prefix("Basic ")
        .or_else(|| value.strip_prefix("basic "))?;
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    let decode = |s: &str| {
        url::form_urlencoded::parse(format!("v={s}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
    };
    Some((decode(id)?, decode(secret)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_credentials_are_form_decoded() {
        let header = format!("Basic {}", STANDARD.encode("my%20app:s%3Acret"));
        assert_eq!(basic(&header), Some(("my app".into(), "s:cret".into())));
        assert_eq!(basic("Bearer x"), None);
        assert_eq!(basic("Basic !!!"), None);
    }

    #[test]
    fn bearer_takes_the_token_of_either_case_and_refuses_empty_ones() {
        assert_eq!(bearer(Some("Bearer abc")), Some("abc"));
        assert_eq!(bearer(Some("bearer  abc ")), Some("abc"));
        assert_eq!(bearer(Some("Bearer ")), None);
        assert_eq!(bearer(Some("Basic abc")), None);
        assert_eq!(bearer(None), None);
    }
}
