//! Talking to AWS: the Cognito user pool API (through the official SDK), Cognito's SRP-6a
//! variant, and identity-pool federation (temporary AWS credentials for signed-in users and
//! guests).

pub mod credentials_cache;
pub mod endpoints;
pub mod federation;
pub mod identity_pool;
pub mod srp;
pub mod user_pool;
