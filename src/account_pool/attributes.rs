//! Profile attributes: changing them, and verifying a changed email or phone number by code
//! (until then the pool keeps `email_verified` / `phone_number_verified` false, or the old
//! value, as the pool is configured).

use super::{AccountError, send};
use crate::connectors::cognito::pool_api::UserPoolClient;
use aws_sdk_cognitoidentityprovider::types::{AttributeType, CodeDeliveryDetailsType};
use std::collections::HashMap;

/// Where the pool sent a verification code (`a***@e***`, `EMAIL`, `email`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeDelivery {
    pub destination: Option<String>,
    pub delivery_medium: Option<String>,
    pub attribute_name: Option<String>,
}

impl From<CodeDeliveryDetailsType> for CodeDelivery {
    fn from(d: CodeDeliveryDetailsType) -> Self {
        Self {
            destination: d.destination,
            delivery_medium: d.delivery_medium.map(|m| m.as_str().to_string()),
            attribute_name: d.attribute_name,
        }
    }
}

/// `UpdateUserAttributes`: the codes the pool sent for attributes that need verifying.
pub async fn update_user_attributes(
    pool: &UserPoolClient,
    access_token: &str,
    attributes: &[(String, String)],
    client_metadata: Option<HashMap<String, String>>,
) -> Result<Vec<CodeDelivery>, AccountError> {
    let attributes = attributes
        .iter()
        .map(|(name, value)| AttributeType::builder().name(name).value(value).build())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| {
            AccountError::new("InvalidParameterException", "every attribute needs a Name")
        })?;
    let out = send(
        "UpdateUserAttributes",
        &[access_token],
        pool.sdk()
            .update_user_attributes()
            .access_token(access_token)
            .set_user_attributes(Some(attributes))
            .set_client_metadata(client_metadata)
            .send(),
    )
    .await?;
    Ok(out
        .code_delivery_details_list
        .unwrap_or_default()
        .into_iter()
        .map(CodeDelivery::from)
        .collect())
}

/// `GetUserAttributeVerificationCode`: sends a (new) code for `attribute_name`.
pub async fn get_user_attribute_verification_code(
    pool: &UserPoolClient,
    access_token: &str,
    attribute_name: &str,
    client_metadata: Option<HashMap<String, String>>,
) -> Result<CodeDelivery, AccountError> {
    let out = send(
        "GetUserAttributeVerificationCode",
        &[access_token],
        pool.sdk()
            .get_user_attribute_verification_code()
            .access_token(access_token)
            .attribute_name(attribute_name)
            .set_client_metadata(client_metadata)
            .send(),
    )
    .await?;
    Ok(out
        .code_delivery_details
        .map(CodeDelivery::from)
        .unwrap_or_default())
}

/// `VerifyUserAttribute`: the code the user received proves the attribute.
pub async fn verify_user_attribute(
    pool: &UserPoolClient,
    access_token: &str,
    attribute_name: &str,
    code: &str,
) -> Result<(), AccountError> {
    send(
        "VerifyUserAttribute",
        &[access_token, code],
        pool.sdk()
            .verify_user_attribute()
            .access_token(access_token)
            .attribute_name(attribute_name)
            .code(code)
            .send(),
    )
    .await?;
    Ok(())
}
