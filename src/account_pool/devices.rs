//! The devices the pool remembers for the user (those that skip MFA), and forgetting one (its
//! next sign-in is asked for MFA again).

use super::{AccountError, send};
use crate::connectors::cognito::pool_api::UserPoolClient;
use aws_sdk_cognitoidentityprovider::types::{DeviceRememberedStatusType, DeviceType};

/// One device, as the pool describes it. Times are seconds since the epoch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Device {
    pub key: String,
    /// `device_name`, `device_status`, `last_ip_used`, ...
    pub attributes: Vec<(String, String)>,
    pub created: Option<f64>,
    pub last_modified: Option<f64>,
    pub last_authenticated: Option<f64>,
}

impl Device {
    fn from_sdk(d: DeviceType) -> Option<Self> {
        Some(Self {
            key: d.device_key?,
            attributes: d
                .device_attributes
                .unwrap_or_default()
                .into_iter()
                .map(|a| (a.name, a.value.unwrap_or_default()))
                .collect(),
            created: d.device_create_date.map(|t| t.as_secs_f64()),
            last_modified: d.device_last_modified_date.map(|t| t.as_secs_f64()),
            last_authenticated: d.device_last_authenticated_date.map(|t| t.as_secs_f64()),
        })
    }
}

/// `ListDevices`: one page of devices and the token for the next.
pub async fn list_devices(
    pool: &UserPoolClient,
    access_token: &str,
    limit: Option<i32>,
    pagination_token: Option<&str>,
) -> Result<(Vec<Device>, Option<String>), AccountError> {
    let out = send(
        "ListDevices",
        &[access_token],
        pool.sdk()
            .list_devices()
            .access_token(access_token)
            .set_limit(limit)
            .set_pagination_token(pagination_token.map(str::to_string))
            .send(),
    )
    .await?;
    let devices = out
        .devices
        .unwrap_or_default()
        .into_iter()
        .filter_map(Device::from_sdk)
        .collect();
    Ok((devices, out.pagination_token))
}

/// `GetDevice`.
pub async fn get_device(
    pool: &UserPoolClient,
    access_token: &str,
    device_key: &str,
) -> Result<Device, AccountError> {
    let out = send(
        "GetDevice",
        &[access_token],
        pool.sdk()
            .get_device()
            .access_token(access_token)
            .device_key(device_key)
            .send(),
    )
    .await?;
    out.device.and_then(Device::from_sdk).ok_or_else(|| {
        tracing::warn!("GetDevice answered without a device");
        AccountError::unavailable()
    })
}

/// `ForgetDevice`.
pub async fn forget_device(
    pool: &UserPoolClient,
    access_token: &str,
    device_key: &str,
) -> Result<(), AccountError> {
    send(
        "ForgetDevice",
        &[access_token],
        pool.sdk()
            .forget_device()
            .access_token(access_token)
            .device_key(device_key)
            .send(),
    )
    .await?;
    Ok(())
}

/// `UpdateDeviceStatus`: remembered or not.
pub async fn update_device_status(
    pool: &UserPoolClient,
    access_token: &str,
    device_key: &str,
    remembered: bool,
) -> Result<(), AccountError> {
    let status = if remembered {
        DeviceRememberedStatusType::Remembered
    } else {
        DeviceRememberedStatusType::NotRemembered
    };
    send(
        "UpdateDeviceStatus",
        &[access_token],
        pool.sdk()
            .update_device_status()
            .access_token(access_token)
            .device_key(device_key)
            .device_remembered_status(status)
            .send(),
    )
    .await?;
    Ok(())
}
