//! What a signed-in user (or one resetting a password) does: devices, MFA preference, forgotten
//! passwords, GetUser, and the lookups they share.
use super::*;

impl State {
    // ---- Devices and users ---------------------------------------------------------------

    pub(super) fn confirm_device(&mut self, body: &Value) -> Outcome {
        let user = self.access_token_user(body)?;
        let device_key = required(body, "DeviceKey")?;
        let config = body
            .get("DeviceSecretVerifierConfig")
            .ok_or_else(|| CognitoError::missing("DeviceSecretVerifierConfig"))?;
        let verifier = Verifier::from_device_config(
            required(config, "Salt")?,
            required(config, "PasswordVerifier")?,
        )
        .ok_or_else(|| {
            CognitoError::new(
                "InvalidParameterException",
                "DeviceSecretVerifierConfig is not valid base64",
            )
        })?;
        let opt_in = self.device_opt_in;
        let device = self.own_device(&user, device_key)?;
        if device.record.confirmed {
            return Err(CognitoError::new(
                "DeviceKeyExistsException",
                "Device key already exists",
            ));
        }
        device.verifier = Some(verifier);
        device.record.confirmed = true;
        device.record.remembered = !opt_in;
        device.record.name = body
            .get("DeviceName")
            .and_then(Value::as_str)
            .map(str::to_owned);
        self.last_confirm_device = Some(body.clone());
        Ok(json!({"UserConfirmationNecessary": opt_in}))
    }

    pub(super) fn update_device_status(&mut self, body: &Value) -> Outcome {
        let user = self.access_token_user(body)?;
        let remembered = match body.get("DeviceRememberedStatus").and_then(Value::as_str) {
            Some("remembered") => true,
            Some("not_remembered") => false,
            _ => {
                return Err(CognitoError::new(
                    "InvalidParameterException",
                    "DeviceRememberedStatus must be remembered or not_remembered",
                ));
            }
        };
        let device = self.own_device(&user, required(body, "DeviceKey")?)?;
        device.record.remembered = remembered;
        Ok(json!({}))
    }

    pub(super) fn forget_device(&mut self, body: &Value) -> Outcome {
        let user = self.access_token_user(body)?;
        let key = required(body, "DeviceKey")?;
        self.own_device(&user, key)?;
        self.devices.remove(key);
        Ok(json!({}))
    }

    /// SetUserMFAPreference: a user offered a choice keeps only the preferred factor.
    pub(super) fn set_mfa_preference(&mut self, body: &Value) -> Outcome {
        let id = self.access_token_user(body)?;
        let preferred = |name: &str| body[name]["PreferredMfa"].as_bool() == Some(true);
        let Some(user) = self.users.iter_mut().find(|u| u.id == id) else {
            return Err(CognitoError::not_authorized("Invalid Access Token"));
        };
        if let Mfa::Choice { totp, sms, phone } = user.options.mfa.clone() {
            if preferred("SoftwareTokenMfaSettings") {
                user.options.mfa = Mfa::SoftwareToken { code: totp };
            } else if preferred("SMSMfaSettings") {
                user.options.mfa = Mfa::Sms { code: sms, phone };
            }
        }
        Ok(json!({}))
    }

    /// ForgotPassword: "sends" [`RESET_CODE`] to the user's email.
    pub(super) fn forgot_password(&mut self, body: &Value) -> Outcome {
        let client_id = required(body, "ClientId")?;
        let secret = self.client_secret(client_id)?;
        let username = required(body, "Username")?;
        check_body_secret_hash(secret.as_deref(), client_id, username, body)?;
        let user = self.user_by_name(username)?;
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

    /// ConfirmForgotPassword: [`RESET_CODE`] sets the new password (a new SRP verifier).
    pub(super) fn confirm_forgot_password(&mut self, body: &Value) -> Outcome {
        let client_id = required(body, "ClientId")?;
        let secret = self.client_secret(client_id)?;
        let username = required(body, "Username")?;
        check_body_secret_hash(secret.as_deref(), client_id, username, body)?;
        if required(body, "ConfirmationCode")? != RESET_CODE {
            return Err(CognitoError::new(
                "CodeMismatchException",
                "Invalid verification code provided, please try again.",
            ));
        }
        let password = required(body, "Password")?.to_owned();
        let id = self.user_by_name(username)?.id.clone();
        let realm = self.pool_name().to_owned();
        if let Some(user) = self.users.iter_mut().find(|u| u.id == id) {
            user.verifier = Verifier::new(&realm, &id, &password);
            user.password = password;
        }
        Ok(json!({}))
    }

    /// AssociateSoftwareToken: a fixed secret, for pages that show one (the stand-in verifies
    /// no code for it: TOTP setup is tested against moto, which does).
    pub(super) fn associate_software_token(&mut self, body: &Value) -> Outcome {
        self.access_token_user(body)?;
        Ok(json!({"SecretCode": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"}))
    }

    pub(super) fn get_user(&mut self, body: &Value) -> Outcome {
        let user = self.user(&self.access_token_user(body)?);
        let email = user
            .options
            .email
            .clone()
            .unwrap_or_else(|| default_email(&user.login));
        let mut attributes = vec![
            json!({"Name": "sub", "Value": user.id}),
            json!({"Name": "email", "Value": email}),
            json!({"Name": "email_verified", "Value": user.email_verified.to_string()}),
        ];
        for (name, value) in &user.attributes {
            attributes.push(json!({"Name": name, "Value": value}));
        }
        Ok(json!({"Username": user.id, "UserAttributes": attributes}))
    }

    pub(super) fn access_token_user(&self, body: &Value) -> Result<String, CognitoError> {
        let token = required(body, "AccessToken")?;
        match self.access_tokens.get(token) {
            Some(grant) if grant.expires_at > OffsetDateTime::now_utc() => Ok(grant.user.clone()),
            Some(_) => Err(CognitoError::not_authorized("Access Token has expired")),
            None => Err(CognitoError::not_authorized("Invalid Access Token")),
        }
    }

    pub(super) fn own_device(
        &mut self,
        user: &str,
        key: &str,
    ) -> Result<&mut Device, CognitoError> {
        self.devices
            .get_mut(key)
            .filter(|d| d.record.owner == user)
            .ok_or_else(|| CognitoError::new("ResourceNotFoundException", "Device does not exist."))
    }

    pub(super) fn client_secret(&self, client_id: &str) -> Result<Option<String>, CognitoError> {
        self.clients.get(client_id).cloned().ok_or_else(|| {
            CognitoError::new(
                "ResourceNotFoundException",
                format!("User pool client {client_id} does not exist."),
            )
        })
    }

    /// By sign-in name or internal username, as Cognito resolves aliases.
    pub(super) fn user_by_name(&self, name: &str) -> Result<&User, CognitoError> {
        self.users
            .iter()
            .find(|u| u.login == name || u.id == name)
            .ok_or_else(|| CognitoError::new("UserNotFoundException", "User does not exist."))
    }

    pub(super) fn user(&self, id: &str) -> &User {
        self.users
            .iter()
            .find(|u| u.id == id)
            .expect("flows only name existing users")
    }
}
