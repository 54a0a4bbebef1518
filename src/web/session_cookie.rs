//! The browser-session cookie: its name, and a removal that browsers honour.
//!
//! tower-sessions 0.15.0 (the latest release) removes its cookie with a bare
//! `Set-Cookie: name=; Max-Age=0; Path=/`, without the attributes it was set with (fixed
//! upstream in its PR #268, unreleased). Browsers ignore a `__Host-` cookie without `Secure`,
//! so the removal of `__Host-authgate` on `/logout` did nothing: the browser kept sending a
//! dead session id, and tower-sessions logged it on every visit. [`fix_removal`] rewrites that
//! removal with the cookie's own attributes; [`unavailable_if_unsaved`] gives a session that
//! could not be saved the page a store failure gets.

use crate::web::messages::Msg;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The cookie's name: `__Host-` (Secure, host-only, `Path=/`) whenever cookies are Secure.
pub fn name(secure: bool) -> &'static str {
    if secure {
        "__Host-authgate"
    } else {
        "authgate"
    }
}

/// The removal, with every attribute the cookie is set with.
fn removal(secure: bool) -> String {
    let mut cookie = format!(
        "{}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax",
        name(secure)
    );
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

/// Response middleware outside the session layer; `secure` is whether cookies are Secure.
pub async fn fix_removal(State(secure): State<bool>, mut response: Response) -> Response {
    let prefix = format!("{}=", name(secure));
    let headers = response.headers_mut();
    let is_removal = |v: &HeaderValue| {
        v.to_str()
            .is_ok_and(|v| v.starts_with(&prefix) && v.to_ascii_lowercase().contains("max-age=0"))
    };
    if !headers.get_all(header::SET_COOKIE).iter().any(is_removal) {
        return response;
    }
    let kept: Vec<HeaderValue> = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter(|v| !is_removal(v))
        .cloned()
        .collect();
    headers.remove(header::SET_COOKIE);
    for value in kept {
        headers.append(header::SET_COOKIE, value);
    }
    if let Ok(value) = HeaderValue::from_str(&removal(secure)) {
        headers.append(header::SET_COOKIE, value);
    }
    response
}

/// tower-sessions answers a request whose session it could not save (the store went away
/// after the handler ran) with a bare, bodiless `500`; this gives it the 503 page every other
/// store failure gets. Response middleware outside the session layer.
pub async fn unavailable_if_unsaved(response: Response) -> Response {
    let bare = response.status() == StatusCode::INTERNAL_SERVER_ERROR
        && !response.headers().contains_key(header::CONTENT_TYPE);
    if bare {
        return crate::web::page::PageError::new(StatusCode::SERVICE_UNAVAILABLE, Msg::Unavailable)
            .into_response();
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_unsaved_session_is_the_unavailable_page() {
        let bare = unavailable_if_unsaved(StatusCode::INTERNAL_SERVER_ERROR.into_response()).await;
        assert_eq!(bare.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(
            bare.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap_or_default()
                .starts_with("text/html")
        );
        // A page that already says what went wrong is left alone.
        let page = crate::web::page::error(StatusCode::INTERNAL_SERVER_ERROR, Msg::NoSuchPage);
        let kept = unavailable_if_unsaved(page).await;
        assert_eq!(kept.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    async fn fixed(secure: bool, set_cookies: &[&'static str]) -> Vec<String> {
        let mut response = ().into_response();
        for c in set_cookies {
            response
                .headers_mut()
                .append(header::SET_COOKIE, HeaderValue::from_static(c));
        }
        fix_removal(State(secure), response)
            .await
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap_or_default().to_string())
            .collect()
    }

    #[tokio::test]
    async fn the_removal_gets_the_cookies_attributes() {
        let cookies = fixed(
            true,
            &[
                "__Host-authgate=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
                "authgate_device=x; Secure; HttpOnly",
            ],
        )
        .await;
        assert_eq!(cookies.len(), 2);
        assert_eq!(cookies[0], "authgate_device=x; Secure; HttpOnly");
        assert_eq!(
            cookies[1],
            "__Host-authgate=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; \
             HttpOnly; SameSite=Lax; Secure"
        );
        let plain = fixed(false, &["authgate=; Max-Age=0; Path=/"]).await;
        assert!(!plain[0].contains("Secure"), "{}", plain[0]);
        assert!(plain[0].contains("HttpOnly"));
    }

    #[tokio::test]
    async fn other_cookies_are_left_alone() {
        let set = "__Host-authgate=abc; HttpOnly; SameSite=Lax; Secure; Path=/; Max-Age=28800";
        assert_eq!(fixed(true, &[set]).await, vec![set.to_string()]);
    }
}
