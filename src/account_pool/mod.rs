//! A Cognito user-pool user's own account: profile attributes and their verification, password,
//! authenticator-app MFA and MFA preference, remembered devices, sign-out everywhere and account
//! deletion, as plain async functions over the pool's app client and the user's own pool
//! access token. Whoever calls them (the user-pool API at `POST /`, later the account pages) has
//! already decided whose token it is; these functions only talk to the pool.
//!
//! The pool's answers keep Cognito's own error types ([`AccountError`]), so that an SDK calling
//! authgate sees what it would have seen from Cognito (`NotAuthorizedException` for a wrong
//! current password, `InvalidPasswordException`, `CodeMismatchException`, ...), but never a
//! message carrying what was sent (a token, password or code) nor a type outside the list the
//! operations document: anything else is an `InternalErrorException`, logged here.

pub mod attempts;
mod attributes;
mod devices;
mod error;
mod mfa;
mod user;

pub use attributes::{
    CodeDelivery, get_user_attribute_verification_code, update_user_attributes,
    verify_user_attribute,
};
pub use devices::{Device, forget_device, get_device, list_devices, update_device_status};
pub use error::AccountError;
pub use mfa::{
    MfaSetting, MfaSettings, MfaStatus, associate_software_token, mfa_status, set_mfa_preference,
    verify_software_token,
};
pub use user::{change_password, delete_user, global_sign_out};

use aws_sdk_cognitoidentityprovider::error::{ProvideErrorMetadata, SdkError};

/// Sends one call, records it in `authgate_aws_request_duration_seconds`, and turns a failure
/// into the pool's error as an [`AccountError`]. `sent` are the secrets the request carries
/// (token, passwords, codes): a pool message quoting one of them is replaced.
async fn send<T, E, R>(
    operation: &'static str,
    sent: &[&str],
    request: impl std::future::Future<Output = Result<T, SdkError<E, R>>>,
) -> Result<T, AccountError>
where
    E: ProvideErrorMetadata,
{
    let started = std::time::Instant::now();
    let result = request
        .await
        .map_err(|e| error::from_sdk(operation, &e, sent));
    let outcome = match &result {
        Ok(_) => "ok",
        Err(e) => e.outcome(),
    };
    crate::telemetry::meter::aws_call("cognito-idp", operation, outcome, started.elapsed());
    result
}
