//! The tokens a finished sign-in gets (HS256 JWTs), new devices, and refresh-token rotation.
use super::*;

impl State {
    /// AuthenticationResult; NewDeviceMetadata unless the sign-in used a known device.
    pub(super) fn tokens(&mut self, flow: &Flow) -> Value {
        let known_device = flow
            .device_key
            .as_ref()
            .filter(|key| {
                self.devices
                    .get(key.as_str())
                    .is_some_and(|d| d.record.owner == flow.user && d.record.confirmed)
            })
            .cloned();
        let (device_key, new_device) = match known_device {
            Some(key) => (key, None),
            None => {
                let (key, group) = self.new_device(&flow.user);
                (
                    key.clone(),
                    Some(json!({"DeviceKey": key, "DeviceGroupKey": group})),
                )
            }
        };
        let now = OffsetDateTime::now_utc();
        let access_token = self.jwt(&self.access_claims(flow, &device_key, now));
        self.access_tokens.insert(
            access_token.clone(),
            AccessGrant {
                user: flow.user.clone(),
                expires_at: now + time::Duration::seconds(self.token_lifetime),
            },
        );
        let refresh_token = format!(
            "{}.{}",
            authgate::security::random_token(),
            authgate::security::random_token()
        );
        self.refresh_tokens.insert(
            refresh_token.clone(),
            RefreshGrant {
                user: flow.user.clone(),
                client_id: flow.client_id.clone(),
                used: false,
            },
        );
        let mut result = json!({
            "AccessToken": access_token,
            "IdToken": self.jwt(&self.id_claims(flow, now)),
            "RefreshToken": refresh_token,
            "ExpiresIn": self.token_lifetime,
            "TokenType": "Bearer",
        });
        if let Some(metadata) = new_device {
            result["NewDeviceMetadata"] = metadata;
        }
        result
    }

    pub(super) fn new_device(&mut self, user_id: &str) -> (String, String) {
        let key = format!("{}_{}", self.region, uuid::Uuid::new_v4());
        let group = self.user(user_id).device_group_key.clone();
        self.devices.insert(
            key.clone(),
            Device {
                record: DeviceRecord {
                    key: key.clone(),
                    owner: user_id.to_owned(),
                    name: None,
                    confirmed: false,
                    remembered: false,
                },
                group_key: group.clone(),
                verifier: None,
            },
        );
        (key, group)
    }

    pub(super) fn id_claims(&self, flow: &Flow, now: OffsetDateTime) -> Value {
        let user = self.user(&flow.user);
        let mut claims = json!({
            "sub": user.id,
            "iss": self.issuer(),
            "aud": flow.client_id,
            "token_use": "id",
            "cognito:username": user.id,
            "email": user.options.email.clone().unwrap_or_else(|| default_email(&user.login)),
            "email_verified": user.email_verified,
            "auth_time": now.unix_timestamp(),
            "iat": now.unix_timestamp(),
            "exp": now.unix_timestamp() + self.token_lifetime,
            "jti": uuid::Uuid::new_v4().to_string(),
            "origin_jti": uuid::Uuid::new_v4().to_string(),
            "event_id": uuid::Uuid::new_v4().to_string(),
        });
        if !user.options.groups.is_empty() {
            claims["cognito:groups"] = json!(user.options.groups);
        }
        claims
    }

    pub(super) fn access_claims(
        &self,
        flow: &Flow,
        device_key: &str,
        now: OffsetDateTime,
    ) -> Value {
        let user = self.user(&flow.user);
        let mut claims = json!({
            "sub": user.id,
            "iss": self.issuer(),
            "client_id": flow.client_id,
            "token_use": "access",
            "scope": "aws.cognito.signin.user.admin",
            "username": user.id,
            "device_key": device_key,
            "auth_time": now.unix_timestamp(),
            "iat": now.unix_timestamp(),
            "exp": now.unix_timestamp() + self.token_lifetime,
            "jti": uuid::Uuid::new_v4().to_string(),
            "origin_jti": uuid::Uuid::new_v4().to_string(),
            "event_id": uuid::Uuid::new_v4().to_string(),
        });
        if !user.options.groups.is_empty() {
            claims["cognito:groups"] = json!(user.options.groups);
        }
        claims
    }

    pub(super) fn jwt(&self, claims: &Value) -> String {
        let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
        header.kid = Some("standin".to_owned());
        jsonwebtoken::encode(
            &header,
            claims,
            &jsonwebtoken::EncodingKey::from_secret(super::super::TOKEN_SECRET),
        )
        .expect("HS256 signing")
    }

    /// GetTokensFromRefreshToken with refresh-token rotation: each refresh token works once and
    /// the answer carries the next; the client secret is sent as is (no SECRET_HASH).
    pub(super) fn get_tokens_from_refresh_token(&mut self, body: &Value) -> Outcome {
        let client_id = required(body, "ClientId")?.to_owned();
        let secret = self.client_secret(&client_id)?;
        let given = body.get("ClientSecret").and_then(Value::as_str);
        match (secret.as_deref(), given) {
            (None, None) => {}
            (Some(expected), Some(given))
                if authgate::security::constant_time_eq(expected.as_bytes(), given.as_bytes()) => {}
            _ => {
                return Err(CognitoError::not_authorized(
                    "Unable to verify secret hash for client",
                ));
            }
        }
        let token = required(body, "RefreshToken")?;
        let grant = self
            .refresh_tokens
            .get_mut(token)
            .filter(|g| g.client_id == client_id)
            .ok_or_else(|| CognitoError::not_authorized("Invalid Refresh Token"))?;
        if grant.used {
            return Err(CognitoError::new(
                "RefreshTokenReuseException",
                "Refresh token has already been used",
            ));
        }
        grant.used = true;
        let flow = Flow {
            user: grant.user.clone(),
            client_id,
            expires: Instant::now() + FLOW_LIFETIME,
            device_key: None,
            step: Step::SoftwareTokenMfa,
            handles: Vec::new(),
        };
        let mut result = self.tokens(&flow);
        if let Some(result) = result.as_object_mut() {
            result.remove("NewDeviceMetadata");
        }
        Ok(json!({"AuthenticationResult": result}))
    }
}
