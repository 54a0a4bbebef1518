//! The hosted UI: server-rendered pages (askama, no JavaScript): the provider picker and
//! password page, a Cognito pool's pages, the AWS role page, throttling of failed passwords and
//! the built-in demo app.

pub mod cognito;
pub mod demo;
pub mod finish;
pub mod logout;
pub mod pages;
pub mod role;
#[cfg(feature = "saml")]
pub mod saml_idp_initiated;
#[cfg(feature = "saml")]
pub mod saml_logout;
pub mod signin;
pub mod throttle;
pub mod upstream;
pub mod words;
