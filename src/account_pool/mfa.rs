//! Authenticator-app (TOTP) setup and the choice of second factor.

use super::{AccountError, send};
use crate::connectors::cognito::pool_api::UserPoolClient;
use aws_sdk_cognitoidentityprovider::types::{
    EmailMfaSettingsType, SmsMfaSettingsType, SoftwareTokenMfaSettingsType,
    VerifySoftwareTokenResponseType,
};

/// One factor's setting in `SetUserMFAPreference`: absent members are left as they are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MfaSetting {
    pub enabled: Option<bool>,
    pub preferred: Option<bool>,
}

/// The factors a `SetUserMFAPreference` changes (`None`: that factor is left alone).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MfaSettings {
    pub sms: Option<MfaSetting>,
    pub software_token: Option<MfaSetting>,
    pub email: Option<MfaSetting>,
}

/// `AssociateSoftwareToken`: a new TOTP secret (base32) for the user's authenticator app.
/// It is a secret: shown to the user once, never logged.
pub async fn associate_software_token(
    pool: &UserPoolClient,
    access_token: &str,
) -> Result<String, AccountError> {
    let out = send(
        "AssociateSoftwareToken",
        &[access_token],
        pool.sdk()
            .associate_software_token()
            .access_token(access_token)
            .send(),
    )
    .await?;
    out.secret_code.ok_or_else(|| {
        tracing::warn!("AssociateSoftwareToken answered without a SecretCode");
        AccountError::unavailable()
    })
}

/// `VerifySoftwareToken`: the first code from the app proves it is set up. `Ok(true)` is
/// Cognito's `Status: SUCCESS`.
pub async fn verify_software_token(
    pool: &UserPoolClient,
    access_token: &str,
    code: &str,
    friendly_device_name: Option<&str>,
) -> Result<bool, AccountError> {
    let out = send(
        "VerifySoftwareToken",
        &[access_token, code],
        pool.sdk()
            .verify_software_token()
            .access_token(access_token)
            .user_code(code)
            .set_friendly_device_name(friendly_device_name.map(str::to_string))
            .send(),
    )
    .await?;
    Ok(out.status == Some(VerifySoftwareTokenResponseType::Success))
}

/// `SetUserMFAPreference`.
pub async fn set_mfa_preference(
    pool: &UserPoolClient,
    access_token: &str,
    settings: MfaSettings,
) -> Result<(), AccountError> {
    let sms = settings.sms.map(|s| {
        SmsMfaSettingsType::builder()
            .set_enabled(s.enabled)
            .set_preferred_mfa(s.preferred)
            .build()
    });
    let software_token = settings.software_token.map(|s| {
        SoftwareTokenMfaSettingsType::builder()
            .set_enabled(s.enabled)
            .set_preferred_mfa(s.preferred)
            .build()
    });
    let email = settings.email.map(|s| {
        EmailMfaSettingsType::builder()
            .set_enabled(s.enabled)
            .set_preferred_mfa(s.preferred)
            .build()
    });
    send(
        "SetUserMFAPreference",
        &[access_token],
        pool.sdk()
            .set_user_mfa_preference()
            .access_token(access_token)
            .set_sms_mfa_settings(sms)
            .set_software_token_mfa_settings(software_token)
            .set_email_mfa_settings(email)
            .send(),
    )
    .await?;
    Ok(())
}

/// The user's second factors as `GetUser` reports them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MfaStatus {
    /// The factors turned on: `SMS_MFA`, `SOFTWARE_TOKEN_MFA`, `EMAIL_OTP`.
    pub enabled: Vec<String>,
    /// The one asked for first (`None`: the pool's default, or none on).
    pub preferred: Option<String>,
    /// Whether the user has a verified phone number, a verified email: where SMS and email
    /// codes could be sent.
    pub phone_verified: bool,
    pub email_verified: bool,
}

/// `GetUser`, read for its MFA settings.
pub async fn mfa_status(
    pool: &UserPoolClient,
    access_token: &str,
) -> Result<MfaStatus, AccountError> {
    let out = send(
        "GetUser",
        &[access_token],
        pool.sdk().get_user().access_token(access_token).send(),
    )
    .await?;
    let verified = |name: &str| {
        out.user_attributes()
            .iter()
            .any(|a| a.name() == name && a.value() == Some("true"))
    };
    Ok(MfaStatus {
        enabled: out.user_mfa_setting_list().to_vec(),
        // moto answers an empty string for none.
        preferred: out
            .preferred_mfa_setting()
            .filter(|p| !p.is_empty())
            .map(str::to_string),
        phone_verified: verified("phone_number_verified"),
        email_verified: verified("email_verified"),
    })
}
