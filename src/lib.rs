//! authgate: a login front door for apps on AWS. A hosted UI, an OAuth 2.0 / OpenID Connect
//! provider with Cognito's URL contract, upstream connectors and AWS federation. Start with
//! `docs/architecture.md`, then [`flow`]: the login as a state machine.

pub mod account;
pub mod account_pool;
pub mod apps;
pub mod aws;
pub mod cognito_api;
pub mod config;
pub mod connectors;
pub mod flow;
pub mod forms;
pub mod hosted_ui;
pub mod identity;
pub mod import;
pub mod keys;
pub mod oauth;
pub mod password;
pub mod pkce;
pub mod redirect_uri;
pub mod security;
pub mod sessions;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod web;
