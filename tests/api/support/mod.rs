//! The harness, apart from the suites: the app under test, the real binary, real peers, and
//! stand-ins for what has no real peer (each sized to what it proves).

/// Login with Amazon's authorize, token and profile endpoints.
pub mod amazon_standin;
/// `spawn_app()`: authgate in-process on a free port, a browser-like client, flow helpers.
pub mod app;
/// Sign in with Apple's authorize, token and keys endpoints.
pub mod apple_standin;
/// Identity-pool federation set-ups shared by the `aws_*` suites.
pub mod aws;
/// A recording, fault-injecting proxy in front of moto's AWS endpoints.
pub mod aws_proxy;
/// The real `authgate` binary as a child process (restart, logs, CLI).
pub mod binary;
/// A Cognito user pool stand-in for what moto does not check (SRP, devices, custom challenges).
pub mod cognito_standin;
/// moto server: Cognito user pools, Cognito Identity, STS.
pub mod moto;
/// Real peers: panva's oidc-provider, cognito-local.
pub mod peers;
/// A `kind = "cognito"` authgate and a client that walks the pool's pages.
pub mod pool;
/// The private PostgreSQL cluster: a database per test, and a link a test can cut.
pub mod postgres;
/// Two authgate processes on one database, and refresh-token load through them.
pub mod replicas;
/// simpleSAMLphp, a real SAML IdP, and a login through it (the `saml` feature).
#[cfg(feature = "saml")]
pub mod saml_idp;
/// A scriptable OpenID provider and Facebook Graph stand-in.
pub mod upstream_stub;
