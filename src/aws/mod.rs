//! Identity-pool federation: temporary AWS credentials for signed-in users and guests, through
//! Cognito Identity (and STS for the basic flow), and the endpoints that hand them out.

pub mod credentials_cache;
pub mod endpoints;
pub mod federation;
pub mod identity_pool;
