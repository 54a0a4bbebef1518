//! The pages any face may end on: an error (with its one log line) and the signed-out page, and
//! the one `render` every hosted page goes through.

use crate::web::branding::{self, Branding};
use crate::web::i18n::{self, filters};
use crate::web::language;
pub use crate::web::messages::{FederationWhy, Msg, PoolTrouble};
use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use std::sync::Arc;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    /// A catalogue id.
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

/// What a page is rendered for: its language (with its writing direction), the language
/// picker's way back, and its look. Every page gets one; `templates/base.html` reads it, and
/// the `t` filters ([`i18n::filters`]) take the language from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageContext {
    pub lang: &'static str,
    pub dir: &'static str,
    pub stylesheet: &'static str,
    /// The app's branding (logo, favicon, its stylesheet after ours, footer links), when the
    /// page is for an app that has one ([`branding::follow`]).
    pub brand: Option<Arc<Branding>>,
    /// The page's own address, form-encoded for the picker's links; `None`: no picker.
    back: Option<String>,
}

/// One language of the picker.
pub struct PickerLink {
    pub code: &'static str,
    pub name: &'static str,
    /// `None` for the page's own language.
    pub href: Option<String>,
}

impl Default for PageContext {
    /// English, no picker.
    fn default() -> Self {
        Self {
            lang: i18n::ENGLISH.code,
            dir: i18n::ENGLISH.dir,
            stylesheet: "/static/authgate.css",
            brand: None,
            back: None,
        }
    }
}

impl PageContext {
    /// For a page of a sign-in that `asked` for languages, in the order [`language`]
    /// describes, with what the request being handled says.
    pub fn for_sign_in(asked: language::Asked) -> Self {
        let choice = language::current().choose(asked);
        Self {
            lang: choice.language.code,
            dir: choice.language.dir,
            back: choice
                .back
                .map(|back| url::form_urlencoded::byte_serialize(back.as_bytes()).collect()),
            ..Self::default()
        }
    }

    /// For a page of the request being handled: the sign-in it belongs to, once its handler
    /// loaded it ([`language::follow_sign_in`]), the request's own preferences, and the app's
    /// branding once the handler knows the app ([`branding::follow`]).
    pub fn for_request() -> Self {
        Self {
            brand: branding::current(),
            ..Self::for_sign_in(language::sign_in())
        }
    }

    /// The words for `id` in this page's language.
    pub fn text(&self, id: &str) -> String {
        self.say(id, &[])
    }

    /// The words for `id` with `args` in this page's language: the app's own words
    /// (`[apps.branding] locales_dir`) when it gave that message, else everyone's.
    pub fn say(&self, id: &str, args: &i18n::Args<'_>) -> String {
        match self.brand.as_ref().and_then(|b| b.words.as_ref()) {
            Some(words) => words.text(self.lang, id, args),
            None => i18n::text(self.lang, id, args),
        }
    }

    /// The language picker's links: every offered language, in its own name, when the picker
    /// can change this page's language.
    pub fn picker(&self) -> Vec<PickerLink> {
        let Some(back) = &self.back else {
            return Vec::new();
        };
        let offered: Vec<_> = i18n::enabled().collect();
        if offered.len() < 2 {
            return Vec::new();
        }
        offered
            .into_iter()
            .map(|l| PickerLink {
                code: l.code,
                name: l.name,
                href: (l.code != self.lang).then(|| format!("/language/{}?back={back}", l.code)),
            })
            .collect()
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
            "error-title-unavailable"
        } else {
            "error-title-problem"
        };
        let ctx = PageContext::for_request();
        // Said as the page's other words are: the app's own first, when it gave them.
        let message = self.msg.said(&|id, args| ctx.say(id, args));
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
                ctx.text("error-render-failed"),
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
        &PageContext::for_request(),
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
    fn a_request_for_a_language_not_offered_gets_english() {
        let lang = |code| PageContext::for_sign_in(language::Asked::new(Some(code), None));
        assert_eq!(lang("xx"), PageContext::default());
        assert_eq!(lang("ja").lang, "ja");
        assert_eq!(lang("ar").dir, "rtl");
    }
}
