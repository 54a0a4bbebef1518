//! The authorization server and OpenID Provider for registered apps. Protocol logic lives in
//! the submodules, callable without HTTP; `endpoints` is the thin axum layer over it.

pub mod authorize;
pub mod clients;
pub mod discovery;
pub mod endpoints;
pub mod error;
pub mod grants;
pub mod keys;
pub mod passthrough;
pub mod pkce;
pub mod redirect;
pub mod tokens;
