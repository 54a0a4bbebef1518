//! Talking to AWS: the Cognito user pool API (through the official SDK), Cognito's SRP-6a
//! variant, and (as it lands) identity-pool federation.

pub mod srp;
pub mod user_pool;
