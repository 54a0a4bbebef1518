//! One integration-test binary (so the suite builds once); one module per capability.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod authorize;
mod aws_container;
mod aws_credentials;
mod aws_faults;
mod aws_helpers;
mod aws_proxy;
mod aws_roles;
mod aws_session;
mod cli;
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
