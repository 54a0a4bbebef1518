//! authgate: a login front door for apps on AWS. A hosted UI, an OAuth 2.0 / OpenID Connect
//! provider with Cognito's URL contract, and (as they land) upstream connectors and AWS
//! federation. See DESIGN.md for the flow.

pub mod aws;
pub mod config;
pub mod connectors;
pub mod forms;
pub mod hosted_ui;
pub mod oauth;
pub mod security;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod tls;
