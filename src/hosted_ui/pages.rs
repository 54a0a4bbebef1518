//! One askama struct per page in `templates/`: the complete list of what the hosted UI renders.

use crate::web::i18n::filters;
use askama::Template;

pub use crate::web::page::{PageError, error, render, signed_out, unavailable};

/// Words more than one sign-in page uses, so they say the same thing everywhere: catalogue
/// ids, said in the page's language ([`crate::web::page::PageContext::text`]).
pub const BAD_CREDENTIALS: &str = "signin-bad-credentials";
pub const LOCKED: &str = "signin-locked";
pub use crate::web::browser::{FORM_EXPIRED, INCOMPLETE};

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
    /// The throttle locked the sign-in: the message says until when, the form is disabled.
    pub locked: bool,
    pub show_picker_link: bool,
}

/// The Cognito sign-in form. `base` is `/signin/{request}/{provider}`, which every Cognito page
/// hangs off.
#[derive(Template)]
#[template(path = "cognito_signin.html")]
pub struct CognitoSignInPage<'a> {
    pub app_name: &'a str,
    pub provider_name: &'a str,
    pub request_id: &'a str,
    pub base: &'a str,
    pub csrf: &'a str,
    pub username: &'a str,
    pub asks_password: bool,
    pub sign_up: bool,
    pub notice: Option<&'a str>,
    pub error: Option<&'a str>,
    /// The throttle locked the sign-in: the message says until when, the form is disabled.
    pub locked: bool,
    pub show_picker_link: bool,
}

/// A challenge answered with one value: an MFA or OTP code, or a custom challenge's answer.
#[derive(Template)]
#[template(path = "cognito_challenge.html")]
pub struct CognitoChallengePage<'a> {
    pub base: &'a str,
    pub csrf: &'a str,
    pub heading: &'a str,
    pub intro: String,
    /// What a custom challenge's trigger sent to show the user, as (name, value).
    pub details: Vec<(String, String)>,
    pub label: &'a str,
    pub numeric: bool,
    pub error: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "cognito_select_mfa.html")]
pub struct CognitoSelectMfaPage<'a> {
    pub base: &'a str,
    pub csrf: &'a str,
    /// (challenge answer, label)
    pub options: Vec<(String, String)>,
    pub error: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "cognito_mfa_setup.html")]
pub struct CognitoMfaSetupPage<'a> {
    pub base: &'a str,
    pub csrf: &'a str,
    pub secret: &'a str,
    pub qr_svg_base64: String,
    pub error: Option<&'a str>,
}

/// A field asking for a user attribute (sign-up, or a new password's required attributes).
pub struct AttributeField {
    pub name: String,
    pub label: String,
    pub input_type: &'static str,
    pub value: String,
}

/// A new password: after `NEW_PASSWORD_REQUIRED` (with the attributes the pool still needs),
/// or to finish a reset (with the emailed code).
#[derive(Template)]
#[template(path = "cognito_new_password.html")]
pub struct CognitoNewPasswordPage<'a> {
    pub base: &'a str,
    pub action: String,
    pub csrf: &'a str,
    pub intro: String,
    pub asks_code: bool,
    pub rules: Vec<String>,
    pub attributes: Vec<AttributeField>,
    pub submit: &'a str,
    pub error: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "cognito_signup.html")]
pub struct CognitoSignUpPage<'a> {
    pub app_name: &'a str,
    pub provider_name: &'a str,
    pub base: &'a str,
    pub csrf: &'a str,
    pub username: &'a str,
    pub rules: Vec<String>,
    pub attributes: Vec<AttributeField>,
    pub error: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "cognito_confirm.html")]
pub struct CognitoConfirmPage<'a> {
    pub base: &'a str,
    pub csrf: &'a str,
    pub destination: Option<&'a str>,
    pub notice: Option<&'a str>,
    pub error: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "cognito_forgot.html")]
pub struct CognitoForgotPage<'a> {
    pub base: &'a str,
    pub csrf: &'a str,
    pub username: &'a str,
    pub error: Option<&'a str>,
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

/// After a sign-in, for an app with `redirect_interstitial`: the way back to it, by a link.
#[derive(Template)]
#[template(path = "return_to_app.html")]
pub struct ReturnToAppPage<'a> {
    pub app_name: &'a str,
    /// The redirect URI with the code, `state` and `iss`.
    pub location: &'a str,
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
