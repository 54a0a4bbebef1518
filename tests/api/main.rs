//! One integration-test binary (so the suite builds once); one module per capability.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod account;
mod account_api;
mod account_mfa;
mod account_pool_pages;
mod amplify;
mod architecture;
mod authorize;
mod aws_amazon_apple;
mod aws_container;
mod aws_credentials;
mod aws_faults;
mod aws_logs;
mod aws_roles;
mod aws_session;
mod branding;
mod browser;
mod browser_journeys;
mod cli;
mod cognito_api;
mod cognito_aws;
mod cognito_flows;
mod cognito_languages;
mod cognito_logs;
mod cognito_pool;
mod cognito_standin_checks;
mod cors;
mod demo;
mod discovery;
mod favicon;
mod import;
mod languages;
mod login;
mod logout;
mod logs;
mod metrics;
mod postgres;
mod proxy;
mod rate_limits;
mod replicas;
mod request_id;
mod restart;
mod return_to_app;
#[cfg(feature = "saml")]
mod saml;
#[cfg(feature = "saml")]
mod saml_aws_passthrough;
#[cfg(feature = "saml")]
mod saml_idp_initiated;
#[cfg(feature = "saml")]
mod saml_logout;
#[cfg(feature = "saml")]
mod saml_metadata_url;
#[cfg(feature = "saml")]
mod saml_passive;
#[cfg(feature = "saml")]
mod saml_signin;
mod shutdown;
mod store;
mod throttle;
mod tls;
mod token;
mod upstream_amazon;
mod upstream_apple;
mod upstream_cognito;
mod upstream_facebook;
mod upstream_oidc;
mod upstream_peer;
mod upstream_post;
