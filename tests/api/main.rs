//! One integration-test binary (so the suite builds once); one module per capability.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod authorize;
mod cli;
mod cognito_flows;
mod cognito_logs;
mod cognito_pool;
mod cognito_standin;
mod demo;
mod discovery;
mod helpers;
mod login;
mod logout;
mod logs;
mod moto;
mod peers;
mod restart;
mod store;
mod token;
mod upstream_cognito;
mod upstream_facebook;
mod upstream_oidc;
mod upstream_peer;
mod upstream_stub;
