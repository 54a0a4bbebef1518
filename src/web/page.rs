//! The pages any face may end on: an error (with its one log line) and the signed-out page, and
//! the one `render` every hosted page goes through.

pub use crate::web::messages::{Advice, Msg};
use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    message: &'a str,
    /// The request's id, for a person to quote to support (it is in the log lines too).
    request_id: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "signed_out.html")]
struct SignedOutPage<'a> {
    app_name: Option<&'a str>,
}

/// What a page is rendered for: its language (with its writing direction) and its look. Every
/// page gets one; `templates/base.html` reads it. English and the one look for now: the
/// language a request asked for (`lang`) is carried here, and falls back to English until the
/// pages learn others; an app's branding will hang off the stylesheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageContext {
    pub lang: &'static str,
    pub dir: &'static str,
    pub stylesheet: &'static str,
}

impl Default for PageContext {
    fn default() -> Self {
        Self {
            lang: "en",
            dir: "ltr",
            stylesheet: "/static/authgate.css",
        }
    }
}

impl PageContext {
    /// For a sign-in that asked for `lang` (ui_locales and Accept-Language will join it).
    pub fn for_lang(_requested: Option<&str>) -> Self {
        Self::default()
    }
}

/// A failure a person sees as a page: the status and the message to show. Handlers return it
/// with `?`; it is the one place a page error is turned into a response, and so the one place
/// the request id is added (and, as pages grow languages, those).
#[derive(Debug)]
pub struct PageError {
    pub status: StatusCode,
    pub msg: Msg,
}

impl PageError {
    pub fn new(status: StatusCode, msg: Msg) -> Self {
        Self { status, msg }
    }

    /// The store or the browser session failed: say so without detail, and log the detail.
    pub fn unavailable(e: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %e, "state backend failure");
        Self::new(StatusCode::SERVICE_UNAVAILABLE, Msg::Unavailable)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let title = if self.status.is_server_error() {
            "Temporarily unavailable"
        } else {
            "Sign-in problem"
        };
        let ctx = PageContext::default();
        let message = self.msg.english();
        let request_id = super::observe::current();
        render(
            &ctx,
            self.status,
            &ErrorPage {
                title,
                message: &message,
                request_id: request_id.as_ref().map(|id| id.as_str()),
            },
        )
    }
}

impl From<PageError> for Response {
    fn from(e: PageError) -> Self {
        e.into_response()
    }
}

/// Renders a page with `status`. A template that fails to render is a bug, not user input, but
/// it still ends in a plain page rather than a panic.
pub fn render(ctx: &PageContext, status: StatusCode, page: &impl Template) -> Response {
    let values: (&str, &dyn std::any::Any) = ("page_context", ctx);
    match page.render_with_values(&values) {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed to render");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/plain; charset=utf-8"),
                )],
                "Something went wrong on our side. Please try again.",
            )
                .into_response()
        }
    }
}

pub fn error(status: StatusCode, msg: Msg) -> Response {
    PageError::new(status, msg).into_response()
}

/// The store (or session) failed: say so without detail, and log the detail.
pub fn unavailable(e: &dyn std::fmt::Display) -> Response {
    PageError::unavailable(e).into_response()
}

pub fn signed_out(app_name: Option<&str>) -> Response {
    render(
        &PageContext::default(),
        StatusCode::OK,
        &SignedOutPage { app_name },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::to_bytes;

    #[tokio::test]
    async fn every_page_carries_its_language_direction_and_stylesheet() {
        let response = error(StatusCode::NOT_FOUND, Msg::NoSuchPage);
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let body = to_bytes(response.into_body(), 1 << 20).await.unwrap();
        let html = String::from_utf8(body.to_vec()).unwrap();
        assert!(html.contains(r#"<html lang="en" dir="ltr">"#), "{html}");
        assert!(html.contains(r#"href="/static/authgate.css""#), "{html}");
        assert!(html.contains("There is no page at this address."), "{html}");
    }

    #[test]
    fn a_request_for_a_language_not_yet_offered_gets_english() {
        assert_eq!(PageContext::for_lang(Some("ja")), PageContext::default());
    }
}
