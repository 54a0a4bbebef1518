//! One askama struct per page in `templates/`: the complete list of what the hosted UI renders.

use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

#[derive(Template)]
#[template(path = "picker.html")]
pub struct PickerPage<'a> {
    pub app_name: &'a str,
    pub request_id: &'a str,
    pub providers: Vec<ProviderButton<'a>>,
}

pub struct ProviderButton<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// CSS hook for the provider's icon and colours.
    pub kind: &'static str,
}

#[derive(Template)]
#[template(path = "password.html")]
pub struct PasswordPage<'a> {
    pub app_name: &'a str,
    pub provider_id: &'a str,
    pub provider_name: &'a str,
    pub request_id: &'a str,
    pub csrf: &'a str,
    pub username: &'a str,
    pub error: Option<&'a str>,
    pub show_picker_link: bool,
}

/// The AWS role choice, between sign-in and the code.
#[derive(Template)]
#[template(path = "aws_role.html")]
pub struct RolePage<'a> {
    pub app_name: &'a str,
    pub request_id: &'a str,
    pub csrf: &'a str,
    pub roles: Vec<RoleOption<'a>>,
}

pub struct RoleOption<'a> {
    pub arn: &'a str,
    /// The role's name (after `role/`), shown first.
    pub name: &'a str,
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub title: &'a str,
    pub message: &'a str,
}

#[derive(Template)]
#[template(path = "signed_out.html")]
pub struct SignedOutPage<'a> {
    pub app_name: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "demo.html")]
pub struct DemoPage<'a> {
    pub client_id: &'a str,
    pub csrf: &'a str,
}

#[derive(Template)]
#[template(path = "demo_result.html")]
pub struct DemoResultPage<'a> {
    pub headline: &'a str,
    pub client_id: &'a str,
    pub error: Option<&'a str>,
    pub parts: Vec<DemoPart>,
}

pub struct DemoPart {
    pub name: String,
    pub json: String,
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
    let title = if status.is_server_error() {
        "Temporarily unavailable"
    } else {
        "Sign-in problem"
    };
    render(status, &ErrorPage { title, message })
}

/// The store (or session) failed: say so without detail, and log the detail.
pub fn unavailable(e: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %e, "state backend failure");
    error(
        StatusCode::SERVICE_UNAVAILABLE,
        "Sign-in is temporarily unavailable. Please try again in a moment.",
    )
}

pub fn signed_out(app_name: Option<&str>) -> Response {
    render(StatusCode::OK, &SignedOutPage { app_name })
}
