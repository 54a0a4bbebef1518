//! The signed-in user's own account operations (`UpdateUserAttributes`, `ChangePassword`,
//! `ListDevices`, `SetUserMFAPreference`, `DeleteUser`, ...), for users of a Cognito user pool:
//! forwarded to the pool by [`crate::account_pool`].
//!
//! Whose token decides how: a passthrough app's pool token goes to its pool as it is (the pool
//! verifies it); authgate's own access token (verified here: signature, expiry, live family,
//! `aws.cognito.signin.user.admin`) is exchanged for the pool access token kept sealed with
//! its refresh family, renewed with the pool's refresh token when it is about to expire. Local
//! and upstream OIDC, SAML and social users have no pool to change anything at:
//! `NotAuthorizedException` naming where their account is managed. Nothing is sent anywhere
//! for a token refused here.

use super::user::{Holder, holder, pool_refused};
use super::wire::{ApiError, input, ok, required};
use crate::account_pool::{self, AccountError, attempts};
use crate::connectors::cognito::CognitoConnector;
use crate::identity::UpstreamTokens;
use crate::security::{storage_hash, unverified_claims};
use crate::sessions::{Renewal, renew_upstream};
use crate::state::AppState;
use crate::telemetry::audit;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use time::OffsetDateTime;

/// A kept pool access token this close to its expiry is renewed before it is used.
const RENEW_BEFORE_SECONDS: i64 = 60;

/// The operations this module answers.
pub const OPERATIONS: &[&str] = &[
    "UpdateUserAttributes",
    "GetUserAttributeVerificationCode",
    "VerifyUserAttribute",
    "ChangePassword",
    "ListDevices",
    "GetDevice",
    "ForgetDevice",
    "UpdateDeviceStatus",
    "SetUserMFAPreference",
    "AssociateSoftwareToken",
    "VerifySoftwareToken",
    "DeleteUser",
];

/// A pool user, and how to act for them at their pool.
pub(super) struct PoolUser<'a> {
    pub pool: &'a CognitoConnector,
    /// The pool's own access token for the user.
    pub access_token: String,
    /// authgate's provider id and the pool's `sub`: whose sessions end with the account.
    pub provider: String,
    pub subject: String,
    /// Counts password and code attempts: the user when authgate vouches for them, else the
    /// token (a pool token's `sub` is not ours to trust before the pool has accepted it).
    pub attempts_key: String,
}

/// The pool user `token` stands for, or why it is refused (before anything is sent).
pub(super) async fn pool_user<'a>(
    state: &'a AppState,
    token: &str,
) -> Result<PoolUser<'a>, ApiError> {
    match holder(state, token).await? {
        Holder::Pool(pool, claims) => Ok(PoolUser {
            pool,
            access_token: token.to_string(),
            provider: pool.provider_id.clone(),
            subject: claims
                .get("sub")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            attempts_key: format!("token:{}", storage_hash(token)),
        }),
        Holder::Ours(claims, family) => {
            let provider = state
                .providers
                .get(&family.identity.provider)
                .ok_or_else(|| managed_elsewhere(None))?;
            let Some(pool) = provider.as_cognito() else {
                return Err(managed_elsewhere(Some(provider)));
            };
            let family_id = claims.origin_jti;
            let identity = &family.identity;
            let (provider_id, subject) =
                (identity.provider.clone(), identity.upstream_subject.clone());
            let attempts_key = format!("user:{}", audit::pseudonym(&provider_id, &subject));
            let access_token = kept_pool_token(state, pool, &family_id, family).await?;
            Ok(PoolUser {
                pool,
                access_token,
                provider: provider_id,
                subject,
                attempts_key,
            })
        }
    }
}

/// The refusal for a user whose account no user pool keeps.
fn managed_elsewhere(provider: Option<&crate::connectors::Provider>) -> ApiError {
    ApiError::not_authorized(match provider {
        Some(p) if p.as_local().is_some() => {
            "This user is one of authgate's configured local users: the account cannot be \
             changed through the user-pool API"
                .to_string()
        }
        Some(p) => format!(
            "This user signed in with {}, which manages the account: change it there",
            p.display_name
        ),
        None => "This user's provider is no longer configured".to_string(),
    })
}

/// The pool access token kept (sealed) with the family, renewed first when it is about to
/// expire. A pool that refuses to renew has ended the session: the family is revoked.
pub(super) async fn kept_pool_token(
    state: &AppState,
    pool: &CognitoConnector,
    family_id: &str,
    family: crate::store::RefreshFamily,
) -> Result<String, ApiError> {
    let now = OffsetDateTime::now_utc();
    let open = |family: &crate::store::RefreshFamily| {
        UpstreamTokens::open(&family.identity, &state.sealer).and_then(|t| t.access_token)
    };
    if let Some(token) = open(&family).filter(|t| lives_for(t, now) >= RENEW_BEFORE_SECONDS) {
        return Ok(token);
    }
    let family = match renew_upstream(state.sessions(), family_id, family, now).await? {
        Renewal::Renewed(family) => family,
        Renewal::Ended { .. } => {
            return Err(ApiError::not_authorized("Access Token has been revoked"));
        }
        Renewal::Unavailable { .. } => {
            return Err(pool_refused(
                pool,
                &crate::connectors::cognito::pool_api::PoolError::Unreachable,
            ));
        }
    };
    // A pool whose tokens live less than the margin still gets its fresh token used.
    open(&family)
        .filter(|t| lives_for(t, now) > 0)
        .ok_or_else(|| {
            tracing::warn!(provider = %pool.provider_id, "no usable pool access token kept with the session");
            ApiError::not_authorized("Access Token has been revoked")
        })
}

/// Seconds until the token's `exp` (negative once past; a token without one counts as expired).
fn lives_for(token: &str, now: OffsetDateTime) -> i64 {
    let exp = unverified_claims(token)
        .and_then(|c| c.get("exp").and_then(Value::as_i64))
        .unwrap_or(0);
    exp - now.unix_timestamp()
}

impl From<AccountError> for ApiError {
    fn from(e: AccountError) -> Self {
        ApiError::new(e.kind, e.message)
    }
}

/// Records a change in the audit log and passes its result on.
fn audited<T>(
    operation: &'static str,
    user: &PoolUser<'_>,
    result: Result<T, AccountError>,
) -> Result<T, ApiError> {
    let outcome = match &result {
        Ok(_) => "ok",
        Err(e) => e.kind,
    };
    audit::account_change(operation, &user.provider, &user.subject, outcome);
    result.map_err(ApiError::from)
}

/// Runs a password or code attempt under the per-account throttle.
async fn attempt<T>(
    state: &AppState,
    user: &PoolUser<'_>,
    work: impl std::future::Future<Output = Result<T, AccountError>>,
) -> Result<Result<T, AccountError>, ApiError> {
    let limit = state.settings.rate_limits.account_attempts_per_user;
    let reserved = match attempts::reserve(&*state.store, limit, &user.attempts_key).await {
        Ok(reserved) => reserved,
        Err(attempts::AttemptError::Limited(e)) => return Ok(Err(e)),
        Err(attempts::AttemptError::Store(e)) => return Err(e.into()),
    };
    let result = work.await;
    reserved.settle(&*state.store, &result).await;
    Ok(result)
}

#[derive(Deserialize)]
struct NameValue {
    #[serde(rename = "Name")]
    name: Option<String>,
    #[serde(rename = "Value")]
    value: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase")]
struct Input {
    access_token: Option<String>,
    session: Option<String>,
    user_attributes: Option<Vec<NameValue>>,
    client_metadata: Option<HashMap<String, String>>,
    attribute_name: Option<String>,
    code: Option<String>,
    previous_password: Option<String>,
    proposed_password: Option<String>,
    limit: Option<i32>,
    pagination_token: Option<String>,
    device_key: Option<String>,
    device_remembered_status: Option<String>,
    user_code: Option<String>,
    friendly_device_name: Option<String>,
    #[serde(rename = "SMSMfaSettings")]
    sms_mfa_settings: Option<MfaSettingInput>,
    software_token_mfa_settings: Option<MfaSettingInput>,
    email_mfa_settings: Option<MfaSettingInput>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "PascalCase")]
struct MfaSettingInput {
    enabled: Option<bool>,
    preferred_mfa: Option<bool>,
}

impl From<MfaSettingInput> for account_pool::MfaSetting {
    fn from(s: MfaSettingInput) -> Self {
        Self {
            enabled: s.enabled,
            preferred: s.preferred_mfa,
        }
    }
}

fn delivery_json(d: &account_pool::CodeDelivery) -> Value {
    let mut out = serde_json::Map::new();
    for (name, value) in [
        ("Destination", &d.destination),
        ("DeliveryMedium", &d.delivery_medium),
        ("AttributeName", &d.attribute_name),
    ] {
        if let Some(value) = value {
            out.insert(name.into(), json!(value));
        }
    }
    Value::Object(out)
}

fn device_json(d: &account_pool::Device) -> Value {
    let attributes: Vec<Value> = d
        .attributes
        .iter()
        .map(|(name, value)| json!({"Name": name, "Value": value}))
        .collect();
    let mut out = json!({"DeviceKey": d.key, "DeviceAttributes": attributes});
    for (name, value) in [
        ("DeviceCreateDate", d.created),
        ("DeviceLastModifiedDate", d.last_modified),
        ("DeviceLastAuthenticatedDate", d.last_authenticated),
    ] {
        if let Some(value) = value {
            out[name] = json!(value);
        }
    }
    out
}

/// One of [`OPERATIONS`].
pub async fn operation(
    state: &AppState,
    operation: &'static str,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Response, ApiError> {
    let request: Input = input(headers, body)?;
    if operation == "AssociateSoftwareToken"
        && request.access_token.is_none()
        && request.session.is_some()
    {
        return Err(ApiError::invalid_parameter(
            "authgate signs users in on its hosted UI, where authenticator apps are set up \
             during sign-in: AssociateSoftwareToken takes an AccessToken here, not a Session",
        ));
    }
    let token = required(&request.access_token, "AccessToken")?;
    // Members are checked before the token is resolved: a malformed call costs no pool call.
    let member = |value: &Option<String>, name: &str| required(value, name).map(str::to_string);
    match operation {
        "UpdateUserAttributes" => {
            let attributes = request
                .user_attributes
                .as_deref()
                .ok_or_else(|| ApiError::missing("UserAttributes"))?
                .iter()
                .map(|a| {
                    Ok((
                        member(&a.name, "UserAttributes.Name")?,
                        a.value.clone().unwrap_or_default(),
                    ))
                })
                .collect::<Result<Vec<_>, ApiError>>()?;
            let user = pool_user(state, token).await?;
            let result = account_pool::update_user_attributes(
                &user.pool.pool,
                &user.access_token,
                &attributes,
                request.client_metadata,
            )
            .await;
            let deliveries = audited(operation, &user, result)?;
            let list: Vec<Value> = deliveries.iter().map(delivery_json).collect();
            return Ok(ok(&json!({"CodeDeliveryDetailsList": list})));
        }
        "GetUserAttributeVerificationCode" => {
            let name = member(&request.attribute_name, "AttributeName")?;
            let user = pool_user(state, token).await?;
            let result = account_pool::get_user_attribute_verification_code(
                &user.pool.pool,
                &user.access_token,
                &name,
                request.client_metadata,
            )
            .await;
            let delivery = audited(operation, &user, result)?;
            return Ok(ok(
                &json!({"CodeDeliveryDetails": delivery_json(&delivery)}),
            ));
        }
        "VerifyUserAttribute" => {
            let name = member(&request.attribute_name, "AttributeName")?;
            let code = member(&request.code, "Code")?;
            let user = pool_user(state, token).await?;
            let result = attempt(
                state,
                &user,
                account_pool::verify_user_attribute(
                    &user.pool.pool,
                    &user.access_token,
                    &name,
                    &code,
                ),
            )
            .await?;
            audited(operation, &user, result)?;
        }
        "ChangePassword" => {
            let proposed = member(&request.proposed_password, "ProposedPassword")?;
            let previous = request.previous_password.filter(|p| !p.is_empty());
            let user = pool_user(state, token).await?;
            let result = attempt(
                state,
                &user,
                account_pool::change_password(
                    &user.pool.pool,
                    &user.access_token,
                    previous.as_deref(),
                    &proposed,
                ),
            )
            .await?;
            audited(operation, &user, result)?;
        }
        "ListDevices" => {
            let user = pool_user(state, token).await?;
            let (devices, next) = account_pool::list_devices(
                &user.pool.pool,
                &user.access_token,
                request.limit,
                request.pagination_token.as_deref(),
            )
            .await?;
            let devices: Vec<Value> = devices.iter().map(device_json).collect();
            let mut out = json!({"Devices": devices});
            if let Some(next) = next {
                out["PaginationToken"] = json!(next);
            }
            return Ok(ok(&out));
        }
        "GetDevice" => {
            let key = member(&request.device_key, "DeviceKey")?;
            let user = pool_user(state, token).await?;
            let device =
                account_pool::get_device(&user.pool.pool, &user.access_token, &key).await?;
            return Ok(ok(&json!({"Device": device_json(&device)})));
        }
        "ForgetDevice" => {
            let key = member(&request.device_key, "DeviceKey")?;
            let user = pool_user(state, token).await?;
            let result =
                account_pool::forget_device(&user.pool.pool, &user.access_token, &key).await;
            audited(operation, &user, result)?;
        }
        "UpdateDeviceStatus" => {
            let key = member(&request.device_key, "DeviceKey")?;
            let remembered = match request.device_remembered_status.as_deref() {
                Some("remembered") => true,
                Some("not_remembered") => false,
                _ => {
                    return Err(ApiError::invalid_parameter(
                        "DeviceRememberedStatus must be remembered or not_remembered",
                    ));
                }
            };
            let user = pool_user(state, token).await?;
            let result = account_pool::update_device_status(
                &user.pool.pool,
                &user.access_token,
                &key,
                remembered,
            )
            .await;
            audited(operation, &user, result)?;
        }
        "SetUserMFAPreference" => {
            let settings = account_pool::MfaSettings {
                sms: request.sms_mfa_settings.map(Into::into),
                software_token: request.software_token_mfa_settings.map(Into::into),
                email: request.email_mfa_settings.map(Into::into),
            };
            let user = pool_user(state, token).await?;
            let result =
                account_pool::set_mfa_preference(&user.pool.pool, &user.access_token, settings)
                    .await;
            audited(operation, &user, result)?;
        }
        "AssociateSoftwareToken" => {
            let user = pool_user(state, token).await?;
            let result =
                account_pool::associate_software_token(&user.pool.pool, &user.access_token).await;
            let secret = audited(operation, &user, result)?;
            return Ok(ok(&json!({"SecretCode": secret})));
        }
        "VerifySoftwareToken" => {
            let code = member(&request.user_code, "UserCode")?;
            let user = pool_user(state, token).await?;
            let result = attempt(
                state,
                &user,
                account_pool::verify_software_token(
                    &user.pool.pool,
                    &user.access_token,
                    &code,
                    request.friendly_device_name.as_deref(),
                ),
            )
            .await?;
            let verified = audited(operation, &user, result)?;
            let status = if verified { "SUCCESS" } else { "ERROR" };
            return Ok(ok(&json!({"Status": status})));
        }
        "DeleteUser" => {
            let user = pool_user(state, token).await?;
            let result = account_pool::delete_user(&user.pool.pool, &user.access_token).await;
            audited(operation, &user, result)?;
            // The user is gone: so is every session authgate has of them.
            end_sessions(state, &user).await?;
        }
        other => {
            return Err(ApiError::invalid_parameter(format!(
                "{other} is not an account operation"
            )));
        }
    }
    Ok(ok(&json!({})))
}

/// Ends every session authgate keeps of the user: all refresh families (so their access
/// tokens too) and SSO sessions.
pub(super) async fn end_sessions(state: &AppState, user: &PoolUser<'_>) -> Result<(), ApiError> {
    let ended = state
        .store
        .end_user_sessions(&user.provider, &user.subject, OffsetDateTime::now_utc())
        .await?;
    tracing::info!(
        provider = %user.provider,
        families = ended.families,
        sso_sessions = ended.sso_sessions,
        "every session of the user ended"
    );
    Ok(())
}
