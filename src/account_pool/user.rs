//! The password, and the account as a whole: sign-out everywhere and deletion.

use super::{AccountError, send};
use crate::connectors::cognito::pool_api::UserPoolClient;

/// `ChangePassword`. `previous` may be absent only where the pool allows it (a user signed in
/// without a password).
pub async fn change_password(
    pool: &UserPoolClient,
    access_token: &str,
    previous: Option<&str>,
    proposed: &str,
) -> Result<(), AccountError> {
    send(
        "ChangePassword",
        &[access_token, previous.unwrap_or_default(), proposed],
        pool.sdk()
            .change_password()
            .access_token(access_token)
            .set_previous_password(previous.map(str::to_string))
            .proposed_password(proposed)
            .send(),
    )
    .await?;
    Ok(())
}

/// `GlobalSignOut`: the pool revokes every refresh token of the user (and so the access and ID
/// tokens issued from them).
pub async fn global_sign_out(
    pool: &UserPoolClient,
    access_token: &str,
) -> Result<(), AccountError> {
    send(
        "GlobalSignOut",
        &[access_token],
        pool.sdk()
            .global_sign_out()
            .access_token(access_token)
            .send(),
    )
    .await?;
    Ok(())
}

/// `DeleteUser`: the user is gone from the pool.
pub async fn delete_user(pool: &UserPoolClient, access_token: &str) -> Result<(), AccountError> {
    send(
        "DeleteUser",
        &[access_token],
        pool.sdk().delete_user().access_token(access_token).send(),
    )
    .await?;
    Ok(())
}
