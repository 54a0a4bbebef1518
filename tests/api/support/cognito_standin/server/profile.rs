//! A signed-in user's account operations moto lacks: attribute changes with email
//! verification by code ([`ATTRIBUTE_CODE`]), ListDevices, DeleteUser, GlobalSignOut and (for the Amplify
//! journey, which needs ListDevices too) ChangePassword.
//!
//! As a pool without "keep original attribute value active" does it: a new email replaces the
//! old at once, unverified (`email_verified` false), until VerifyUserAttribute.
use super::super::ATTRIBUTE_CODE;
use super::*;

impl State {
    pub(super) fn update_user_attributes(&mut self, body: &Value) -> Outcome {
        let id = self.access_token_user(body)?;
        let attributes = body
            .get("UserAttributes")
            .and_then(Value::as_array)
            .ok_or_else(|| CognitoError::missing("UserAttributes"))?
            .clone();
        let user = self.user_mut(&id)?;
        let mut deliveries = Vec::new();
        for attribute in &attributes {
            let name = required(attribute, "Name")?;
            let value = attribute
                .get("Value")
                .and_then(Value::as_str)
                .unwrap_or_default();
            match name {
                "sub" | "email_verified" => {
                    return Err(CognitoError::new(
                        "InvalidParameterException",
                        format!("Cannot modify {name}"),
                    ));
                }
                "email" => {
                    user.options.email = Some(value.to_owned());
                    user.email_verified = false;
                    deliveries.push(json!({
                        "Destination": mask_email(value),
                        "DeliveryMedium": "EMAIL",
                        "AttributeName": "email",
                    }));
                }
                other => {
                    user.attributes.retain(|(n, _)| n != other);
                    user.attributes.push((other.to_owned(), value.to_owned()));
                }
            }
        }
        Ok(json!({"CodeDeliveryDetailsList": deliveries}))
    }

    pub(super) fn get_user_attribute_verification_code(&mut self, body: &Value) -> Outcome {
        let id = self.access_token_user(body)?;
        if required(body, "AttributeName")? != "email" {
            return Err(CognitoError::new(
                "InvalidParameterException",
                "Only email is verified by this pool",
            ));
        }
        let user = self.user(&id);
        let email = user
            .options
            .email
            .clone()
            .unwrap_or_else(|| default_email(&user.login));
        Ok(json!({"CodeDeliveryDetails": {
            "Destination": mask_email(&email),
            "DeliveryMedium": "EMAIL",
            "AttributeName": "email",
        }}))
    }

    pub(super) fn verify_user_attribute(&mut self, body: &Value) -> Outcome {
        let id = self.access_token_user(body)?;
        if required(body, "AttributeName")? != "email" {
            return Err(CognitoError::new(
                "InvalidParameterException",
                "Only email is verified by this pool",
            ));
        }
        if required(body, "Code")? != ATTRIBUTE_CODE {
            return Err(CognitoError::new(
                "CodeMismatchException",
                "Invalid verification code provided, please try again.",
            ));
        }
        self.user_mut(&id)?.email_verified = true;
        Ok(json!({}))
    }

    /// The user's confirmed devices.
    pub(super) fn list_devices(&mut self, body: &Value) -> Outcome {
        let id = self.access_token_user(body)?;
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let devices: Vec<Value> = self
            .devices
            .values()
            .filter(|d| d.record.owner == id && d.record.confirmed)
            .map(|d| {
                let status = if d.record.remembered {
                    "remembered"
                } else {
                    "not_remembered"
                };
                json!({
                    "DeviceKey": d.record.key,
                    "DeviceAttributes": [
                        {"Name": "device_name", "Value": d.record.name.clone().unwrap_or_default()},
                        {"Name": "device_status", "Value": status},
                    ],
                    "DeviceCreateDate": now,
                    "DeviceLastModifiedDate": now,
                    "DeviceLastAuthenticatedDate": now,
                })
            })
            .collect();
        Ok(json!({"Devices": devices}))
    }

    /// Every access and refresh token of the user dies.
    pub(super) fn global_sign_out(&mut self, body: &Value) -> Outcome {
        let id = self.access_token_user(body)?;
        self.access_tokens.retain(|_, grant| grant.user != id);
        self.refresh_tokens.retain(|_, grant| grant.user != id);
        Ok(json!({}))
    }

    /// The user, their tokens and their devices are gone.
    pub(super) fn delete_user(&mut self, body: &Value) -> Outcome {
        let id = self.access_token_user(body)?;
        self.users.retain(|u| u.id != id);
        self.access_tokens.retain(|_, grant| grant.user != id);
        self.refresh_tokens.retain(|_, grant| grant.user != id);
        self.devices.retain(|_, d| d.record.owner != id);
        Ok(json!({}))
    }

    /// ChangePassword: the current password, and a new one of at least 8 characters (the
    /// only rule this pool has).
    pub(super) fn change_password(&mut self, body: &Value) -> Outcome {
        let id = self.access_token_user(body)?;
        let previous = body
            .get("PreviousPassword")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let proposed = required(body, "ProposedPassword")?.to_owned();
        if proposed.len() < 8 {
            return Err(CognitoError::new(
                "InvalidPasswordException",
                "Password did not conform with policy: Password not long enough",
            ));
        }
        let realm = self.pool_name().to_owned();
        let user = self.user_mut(&id)?;
        if !authgate::security::constant_time_eq(previous.as_bytes(), user.password.as_bytes()) {
            return Err(CognitoError::incorrect());
        }
        user.verifier = Verifier::new(&realm, &id, &proposed);
        user.password = proposed;
        Ok(json!({}))
    }

    fn user_mut(&mut self, id: &str) -> Result<&mut User, CognitoError> {
        self.users
            .iter_mut()
            .find(|u| u.id == id)
            .ok_or_else(|| CognitoError::new("UserNotFoundException", "User does not exist."))
    }
}
