//! The authorization server and OpenID Provider for registered apps. Protocol logic lives in
//! the submodules, callable without HTTP; `endpoints` is the thin axum layer over it.

pub mod authorize;
pub mod discovery;
pub mod endpoints;
pub mod error;
pub mod grants;
pub mod passthrough;
pub mod tokens;
