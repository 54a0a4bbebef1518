//! The pages any face may end on: an error (with its one log line) and the signed-out page, and
//! the one `render` every hosted page goes through.

use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use std::borrow::Cow;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    message: &'a str,
}

#[derive(Template)]
#[template(path = "signed_out.html")]
struct SignedOutPage<'a> {
    app_name: Option<&'a str>,
}

/// A failure a person sees as a page: the status and the sentence to show. Handlers return it
/// with `?`; it is the one place a page error is turned into a response (and, as pages grow
/// languages and request ids, the one place those are added).
#[derive(Debug)]
pub struct PageError {
    pub status: StatusCode,
    pub message: Cow<'static, str>,
}

impl PageError {
    pub fn new(status: StatusCode, message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    /// The store or the browser session failed: say so without detail, and log the detail.
    pub fn unavailable(e: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %e, "state backend failure");
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "Sign-in is temporarily unavailable. Please try again in a moment.",
        )
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let title = if self.status.is_server_error() {
            "Temporarily unavailable"
        } else {
            "Sign-in problem"
        };
        render(
            self.status,
            &ErrorPage {
                title,
                message: &self.message,
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
pub fn render(status: StatusCode, page: &impl Template) -> Response {
    match page.render() {
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

pub fn error(status: StatusCode, message: &str) -> Response {
    PageError::new(status, message.to_string()).into_response()
}

/// The store (or session) failed: say so without detail, and log the detail.
pub fn unavailable(e: &dyn std::fmt::Display) -> Response {
    PageError::unavailable(e).into_response()
}

pub fn signed_out(app_name: Option<&str>) -> Response {
    render(StatusCode::OK, &SignedOutPage { app_name })
}
