//! A Cognito user pool signed into from authgate's own pages (`kind = "cognito"`): the
//! sign-in state machine over `InitiateAuth` / `RespondToAuthChallenge`. Proofs the browser
//! never needs to see (SRP, device SRP) are answered here; every other challenge comes back as
//! a [`PendingChallenge`] for a page to ask about. [`pool_api`] is the pool's API through the
//! AWS SDK; [`srp`] is Cognito's SRP-6a.

pub mod challenge;
pub mod pool_api;
pub mod settings;
pub mod srp;

use crate::identity::{Identity, UpstreamTokens};
use crate::security::{Sealed, Sealer};
use pool_api::{AuthStep, Challenge, PoolError, PoolTokens, UserPoolClient};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use settings::{CognitoAuthFlow, CognitoSettings};
use srp::SrpSession;
use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

/// A device a browser asked the pool to remember, kept (sealed) in that browser.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct RememberedDevice {
    /// The name the user typed, lower-cased: the device is offered only to the same user.
    pub username: String,
    pub device_key: String,
    pub device_group_key: String,
    /// The random device password whose verifier the pool holds.
    pub password: String,
}

impl fmt::Debug for RememberedDevice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RememberedDevice")
            .field("device_key", &self.device_key)
            .finish_non_exhaustive()
    }
}

/// A sign-in waiting for the user to answer a challenge on a page. Kept server-side.
#[derive(Clone, Serialize, Deserialize)]
pub struct PendingChallenge {
    pub challenge: Challenge,
    pub attempt: Attempt,
    /// The TOTP secret shown during `MFA_SETUP`, once associated.
    pub totp_secret: Option<String>,
}

impl fmt::Debug for PendingChallenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingChallenge")
            .field("challenge", &self.challenge)
            .finish_non_exhaustive()
    }
}

/// Where a sign-in step left the user.
#[derive(Debug)]
pub enum Outcome {
    Challenge(Box<PendingChallenge>),
    SignedIn {
        identity: Box<Identity>,
        /// A device newly remembered by this sign-in, for the browser to keep.
        remembered: Option<RememberedDevice>,
    },
}

/// The context a sign-in carries from step to step, and from page to page.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct Attempt {
    /// `USERNAME` as the pool wants it in challenge responses.
    pub username: String,
    /// The name the user typed, lower-cased (for the device cookie).
    pub typed_username: String,
    pub remember_device: bool,
    pub device: Option<RememberedDevice>,
    /// The second factor the user asked to always use (`SELECT_MFA_TYPE` "always use this"),
    /// saved with `SetUserMFAPreference` once signed in.
    pub prefer_mfa: Option<String>,
}

pub struct CognitoConnector {
    pub provider_id: String,
    pub display_name: String,
    pub pool: UserPoolClient,
    pub auth_flow: CognitoAuthFlow,
    pub sign_up: bool,
    pub sign_up_attributes: Vec<String>,
    pub remember_device_for: Duration,
    issuer: String,
}

impl CognitoConnector {
    pub fn new(
        provider_id: &str,
        display_name: &str,
        settings: &CognitoSettings,
    ) -> Result<Self, String> {
        let secret = settings
            .client_secret()
            .map_err(|e| format!("provider {provider_id}: {e}"))?;
        Ok(Self {
            provider_id: provider_id.to_string(),
            display_name: display_name.to_string(),
            pool: UserPoolClient::new(
                &settings.region,
                settings.endpoint_url.as_deref(),
                settings.timeout,
                &settings.user_pool_id,
                &settings.client_id,
                secret,
                settings.refresh_token_rotation,
            ),
            auth_flow: settings.auth_flow,
            sign_up: settings.sign_up,
            sign_up_attributes: settings.sign_up_attributes.clone(),
            remember_device_for: settings.remember_device_for,
            issuer: settings.issuer(),
        })
    }

    /// Whether the sign-in page asks for a password (custom auth leaves that to the pool's
    /// challenges).
    pub fn asks_password(&self) -> bool {
        self.auth_flow != CognitoAuthFlow::CustomAuth
    }

    /// Starts a sign-in. `device` is the device this browser remembered for this user.
    pub async fn sign_in(
        &self,
        username: &str,
        password: &str,
        device: Option<RememberedDevice>,
        remember_device: bool,
        sealer: &Sealer,
    ) -> Result<Outcome, PoolError> {
        let mut attempt = Attempt {
            username: username.to_string(),
            typed_username: username.to_lowercase(),
            remember_device,
            device,
            prefer_mfa: None,
        };
        let mut params = HashMap::from([("USERNAME".to_string(), username.to_string())]);
        if let Some(device) = &attempt.device {
            params.insert("DEVICE_KEY".into(), device.device_key.clone());
        }
        let step = match self.auth_flow {
            CognitoAuthFlow::UserSrpAuth => {
                let srp = off_runtime(SrpSession::new).await?;
                params.insert("SRP_A".into(), srp.srp_a());
                let step = self
                    .pool
                    .initiate("USER_SRP_AUTH", username, params)
                    .await?;
                match step {
                    AuthStep::Challenge(c) if c.name == "PASSWORD_VERIFIER" => {
                        self.password_verifier(srp, c, password, &mut attempt)
                            .await?
                    }
                    other => other,
                }
            }
            CognitoAuthFlow::UserPasswordAuth => {
                params.insert("PASSWORD".into(), password.to_string());
                self.pool
                    .initiate("USER_PASSWORD_AUTH", username, params)
                    .await?
            }
            CognitoAuthFlow::CustomAuth => {
                self.pool.initiate("CUSTOM_AUTH", username, params).await?
            }
            CognitoAuthFlow::UserAuth => {
                params.insert("PREFERRED_CHALLENGE".into(), "PASSWORD".into());
                params.insert("PASSWORD".into(), password.to_string());
                let step = self.pool.initiate("USER_AUTH", username, params).await?;
                match step {
                    // The pool wants the choice made explicitly.
                    AuthStep::Challenge(c) if c.name == "SELECT_CHALLENGE" => {
                        let responses = HashMap::from([
                            ("USERNAME".to_string(), attempt.username.clone()),
                            ("ANSWER".to_string(), "PASSWORD".to_string()),
                            ("PASSWORD".to_string(), password.to_string()),
                        ]);
                        self.pool
                            .respond(&c.name, c.session.as_deref(), responses)
                            .await?
                    }
                    other => other,
                }
            }
        };
        self.advance(step, attempt, sealer).await
    }

    /// Answers the challenge a page asked about ([`PendingChallenge::ask`]).
    pub async fn answer_with(
        &self,
        pending: PendingChallenge,
        answer: challenge::Answer,
        sealer: &Sealer,
    ) -> Result<Outcome, PoolError> {
        let responses = pending.responses(answer);
        self.answer(pending, responses, sealer).await
    }

    /// Answers the pending challenge with its own responses (`SMS_MFA_CODE`, `NEW_PASSWORD`,
    /// `ANSWER`, ...); USERNAME and SECRET_HASH are added.
    async fn answer(
        &self,
        pending: PendingChallenge,
        answers: HashMap<String, String>,
        sealer: &Sealer,
    ) -> Result<Outcome, PoolError> {
        let mut responses = answers;
        responses.insert("USERNAME".into(), pending.attempt.username.clone());
        if let Some(device) = &pending.attempt.device {
            responses.insert("DEVICE_KEY".into(), device.device_key.clone());
        }
        let step = self
            .pool
            .respond(
                &pending.challenge.name,
                pending.challenge.session.as_deref(),
                responses,
            )
            .await?;
        self.advance(step, pending.attempt, sealer).await
    }

    /// `MFA_SETUP` with TOTP: associates a new secret (shown on the page as a QR code and
    /// as text) and moves the session on.
    pub async fn start_totp_setup(
        &self,
        mut pending: PendingChallenge,
    ) -> Result<PendingChallenge, PoolError> {
        let (secret, session) = self
            .pool
            .associate_software_token(setup_session(&pending)?)
            .await?;
        if session.is_some() {
            pending.challenge.session = session;
        }
        pending.totp_secret = Some(secret);
        Ok(pending)
    }

    /// `MFA_SETUP` with TOTP: verifies the first code, then completes the challenge.
    pub async fn finish_totp_setup(
        &self,
        pending: PendingChallenge,
        code: &str,
        sealer: &Sealer,
    ) -> Result<Outcome, PoolError> {
        let session = self
            .pool
            .verify_software_token(setup_session(&pending)?, code)
            .await?;
        let mut pending = pending;
        if session.is_some() {
            pending.challenge.session = session;
        }
        self.answer(pending, HashMap::new(), sealer).await
    }

    /// `PASSWORD_VERIFIER`: proves the password without sending it.
    async fn password_verifier(
        &self,
        srp: SrpSession,
        challenge: Challenge,
        password: &str,
        attempt: &mut Attempt,
    ) -> Result<AuthStep, PoolError> {
        let p = &challenge.parameters;
        let param = |name: &str| {
            p.get(name)
                .cloned()
                .ok_or_else(|| PoolError::BadAnswer(format!("PASSWORD_VERIFIER without {name}")))
        };
        let user_id = param("USER_ID_FOR_SRP")?;
        let secret_block = param("SECRET_BLOCK")?;
        let timestamp = srp::timestamp(time::OffsetDateTime::now_utc());
        let (pool_id, user, password) = (
            self.pool.user_pool_id().to_string(),
            user_id.clone(),
            password.to_string(),
        );
        let (srp_b, salt, block, at) = (
            param("SRP_B")?,
            param("SALT")?,
            secret_block.clone(),
            timestamp.clone(),
        );
        let signature = off_runtime(move || {
            srp.password_claim(&pool_id, &user, &password, &srp_b, &salt, &block, &at)
        })
        .await?
        .map_err(|e| PoolError::BadAnswer(e.to_string()))?;
        // Later answers name the user as the pool does (it may differ from what was typed:
        // an email alias, say).
        attempt.username = p.get("USERNAME").cloned().unwrap_or(user_id);
        let mut responses = HashMap::from([
            ("USERNAME".to_string(), attempt.username.clone()),
            ("PASSWORD_CLAIM_SECRET_BLOCK".to_string(), secret_block),
            ("PASSWORD_CLAIM_SIGNATURE".to_string(), signature),
            ("TIMESTAMP".to_string(), timestamp),
        ]);
        if let Some(device) = &attempt.device {
            responses.insert("DEVICE_KEY".into(), device.device_key.clone());
        }
        self.pool
            .respond("PASSWORD_VERIFIER", challenge.session.as_deref(), responses)
            .await
    }

    /// `DEVICE_SRP_AUTH` then `DEVICE_PASSWORD_VERIFIER`: the remembered device proves itself,
    /// which is what lets the pool skip MFA.
    async fn device_srp(
        &self,
        challenge: Challenge,
        attempt: &Attempt,
    ) -> Result<AuthStep, PoolError> {
        let Some(device) = &attempt.device else {
            return Err(PoolError::BadAnswer(
                "DEVICE_SRP_AUTH without a remembered device".into(),
            ));
        };
        let srp = off_runtime(SrpSession::new).await?;
        let responses = HashMap::from([
            ("USERNAME".to_string(), attempt.username.clone()),
            ("DEVICE_KEY".to_string(), device.device_key.clone()),
            ("SRP_A".to_string(), srp.srp_a()),
        ]);
        let step = self
            .pool
            .respond("DEVICE_SRP_AUTH", challenge.session.as_deref(), responses)
            .await?;
        let AuthStep::Challenge(verifier) = step else {
            return Ok(step);
        };
        if verifier.name != "DEVICE_PASSWORD_VERIFIER" {
            return Ok(AuthStep::Challenge(verifier));
        }
        let p = &verifier.parameters;
        let param = |name: &str| {
            p.get(name).cloned().ok_or_else(|| {
                PoolError::BadAnswer(format!("DEVICE_PASSWORD_VERIFIER without {name}"))
            })
        };
        let secret_block = param("SECRET_BLOCK")?;
        let timestamp = srp::timestamp(time::OffsetDateTime::now_utc());
        let known = device.clone();
        let (srp_b, salt, block, at) = (
            param("SRP_B")?,
            param("SALT")?,
            secret_block.clone(),
            timestamp.clone(),
        );
        let signature = off_runtime(move || {
            srp.device_claim(
                &known.device_group_key,
                &known.device_key,
                &known.password,
                &srp_b,
                &salt,
                &block,
                &at,
            )
        })
        .await?
        .map_err(|e| PoolError::BadAnswer(e.to_string()))?;
        let responses = HashMap::from([
            ("USERNAME".to_string(), attempt.username.clone()),
            ("DEVICE_KEY".to_string(), device.device_key.clone()),
            ("PASSWORD_CLAIM_SECRET_BLOCK".to_string(), secret_block),
            ("PASSWORD_CLAIM_SIGNATURE".to_string(), signature),
            ("TIMESTAMP".to_string(), timestamp),
        ]);
        self.pool
            .respond(
                "DEVICE_PASSWORD_VERIFIER",
                verifier.session.as_deref(),
                responses,
            )
            .await
    }

    /// Runs the steps that need no page, and stops at the first that does or at tokens.
    async fn advance(
        &self,
        mut step: AuthStep,
        mut attempt: Attempt,
        sealer: &Sealer,
    ) -> Result<Outcome, PoolError> {
        loop {
            match step {
                AuthStep::SignedIn(tokens) => return self.signed_in(tokens, attempt, sealer).await,
                AuthStep::Challenge(c) if c.name == "DEVICE_SRP_AUTH" => {
                    step = self.device_srp(c, &attempt).await?;
                }
                AuthStep::Challenge(c) => {
                    if let Some(username) = c.parameters.get("USERNAME") {
                        attempt.username = username.clone();
                    }
                    return Ok(Outcome::Challenge(Box::new(PendingChallenge {
                        challenge: c,
                        attempt,
                        totp_secret: None,
                    })));
                }
            }
        }
    }

    async fn signed_in(
        &self,
        tokens: PoolTokens,
        attempt: Attempt,
        sealer: &Sealer,
    ) -> Result<Outcome, PoolError> {
        let mut remembered = None;
        if let (true, Some(new_device)) = (attempt.remember_device, &tokens.new_device) {
            let (group, key) = (
                new_device.device_group_key.clone(),
                new_device.device_key.clone(),
            );
            let verifier = off_runtime(move || srp::new_device_verifier(&group, &key)).await?;
            match self
                .pool
                .remember_device(
                    &tokens.access_token,
                    &new_device.device_key,
                    &verifier,
                    "authgate browser",
                )
                .await
            {
                Ok(()) => {
                    remembered = Some(RememberedDevice {
                        username: attempt.typed_username.clone(),
                        device_key: new_device.device_key.clone(),
                        device_group_key: new_device.device_group_key.clone(),
                        password: verifier.password,
                    });
                }
                // The sign-in itself succeeded; not remembering the device only means MFA
                // is asked again next time.
                Err(e) => {
                    tracing::warn!(provider = %self.provider_id, error = %e, "could not remember the device")
                }
            }
        }
        if let Some(kind) = &attempt.prefer_mfa {
            // Like the device: the sign-in stands even if the preference is not saved.
            if let Err(e) = self
                .pool
                .set_mfa_preference(&tokens.access_token, kind)
                .await
            {
                tracing::warn!(provider = %self.provider_id, error = %e, "could not save the MFA preference");
            }
        }
        let identity = self.identity(&tokens, sealer)?;
        Ok(Outcome::SignedIn {
            identity: Box::new(identity),
            remembered,
        })
    }

    /// The pool's issuer (`iss` of its tokens).
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// The identity the pool's ID token describes. The token came straight from the pool over
    /// TLS, in answer to our own call, so its signature adds nothing (OIDC Core §3.1.3.7 (6));
    /// issuer, audience, use and expiry are still checked.
    pub fn identity(&self, tokens: &PoolTokens, sealer: &Sealer) -> Result<Identity, PoolError> {
        let claims = self.id_token_claims(&tokens.id_token)?;
        let sub = claims
            .get("sub")
            .and_then(Value::as_str)
            .ok_or_else(|| PoolError::BadAnswer("ID token without sub".into()))?
            .to_string();
        let username = claims
            .get("cognito:username")
            .and_then(Value::as_str)
            .unwrap_or(&sub)
            .to_string();
        let upstream_tokens = UpstreamTokens {
            id_token: Some(tokens.id_token.clone()),
            access_token: Some(tokens.access_token.clone()),
        }
        .seal(&self.provider_id, sealer)
        .map_err(PoolError::BadAnswer)?;
        let upstream_refresh = match &tokens.refresh_token {
            Some(refresh) => Some(self.seal_refresh(refresh, sealer)?),
            None => None,
        };
        Ok(Identity {
            provider: self.provider_id.clone(),
            upstream_subject: sub.clone(),
            username,
            claims: released_claims(&claims),
            upstream_refresh,
            upstream_tokens: Some(upstream_tokens),
            published_sub: Some(sub),
            upstream_session: None,
        })
    }

    fn id_token_claims(&self, id_token: &str) -> Result<Map<String, Value>, PoolError> {
        let bad = |why: &str| PoolError::BadAnswer(format!("ID token {why}"));
        let claims = crate::security::unverified_claims(id_token)
            .ok_or_else(|| bad("is not a JWT with a JSON payload"))?;
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let str_claim = |name: &str| claims.get(name).and_then(Value::as_str);
        if str_claim("iss") != Some(self.issuer.as_str()) {
            return Err(bad("is from another pool"));
        }
        if str_claim("aud") != Some(self.pool.client_id()) {
            return Err(bad("is for another app client"));
        }
        if str_claim("token_use") != Some("id") {
            return Err(bad("is not an ID token"));
        }
        if claims.get("exp").and_then(Value::as_i64).unwrap_or(0) <= now {
            return Err(bad("has expired"));
        }
        Ok(claims)
    }

    fn purpose(&self) -> String {
        format!("cognito-refresh:{}", self.provider_id)
    }

    fn seal_refresh(&self, token: &str, sealer: &Sealer) -> Result<Sealed, PoolError> {
        sealer
            .seal(&self.purpose(), token)
            .map_err(PoolError::BadAnswer)
    }

    /// The pool's refresh token kept with an identity.
    pub fn open_refresh(&self, identity: &Identity, sealer: &Sealer) -> Option<String> {
        sealer
            .open(&self.purpose(), identity.upstream_refresh.as_ref()?)
            .ok()
    }

    /// `REFRESH_TOKEN_AUTH` for a signed-in identity: fresh pool tokens (the refresh token
    /// stays unless the pool rotated it).
    pub async fn refresh(
        &self,
        identity: &Identity,
        sealer: &Sealer,
    ) -> Result<Identity, PoolError> {
        let refresh = self
            .open_refresh(identity, sealer)
            .ok_or(PoolError::NotAuthorized)?;
        let mut tokens = self.pool.refresh(&refresh, &identity.username).await?;
        if tokens.refresh_token.is_none() {
            tokens.refresh_token = Some(refresh);
        }
        self.identity(&tokens, sealer)
    }
}

/// The Session `MFA_SETUP` is set up under: TOTP association cannot work without one.
fn setup_session(pending: &PendingChallenge) -> Result<&str, PoolError> {
    pending
        .challenge
        .session
        .as_deref()
        .ok_or_else(|| PoolError::BadAnswer("MFA_SETUP without a Session".into()))
}

/// Runs SRP arithmetic on the blocking pool: each 3072-bit modular exponentiation takes
/// milliseconds, which on an async worker would stall every request sharing it.
async fn off_runtime<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PoolError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| PoolError::BadAnswer(format!("SRP task failed: {e}")))
}

/// The claims the pool vouches for and apps may see: attributes only when verified, groups.
fn released_claims(claims: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    let verified = |flag: &str| {
        matches!(claims.get(flag), Some(Value::Bool(true)))
            || matches!(claims.get(flag), Some(Value::String(s)) if s == "true")
    };
    if verified("email_verified")
        && let Some(email) = claims.get("email")
    {
        out.insert("email".into(), email.clone());
        out.insert("email_verified".into(), Value::Bool(true));
    }
    if verified("phone_number_verified")
        && let Some(phone) = claims.get("phone_number")
    {
        out.insert("phone_number".into(), phone.clone());
        out.insert("phone_number_verified".into(), Value::Bool(true));
    }
    for name in [
        "name",
        "given_name",
        "family_name",
        "middle_name",
        "nickname",
        "preferred_username",
        "picture",
        "locale",
        "zoneinfo",
        "cognito:groups",
    ] {
        if let Some(value) = claims.get(name) {
            out.insert(name.into(), value.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unverified_attributes_are_not_released() {
        let claims = json!({
            "email": "a@example.com", "email_verified": false,
            "phone_number": "+15550100", "phone_number_verified": "true",
            "cognito:groups": ["admins"], "custom:tier": "gold"
        });
        let out = released_claims(claims.as_object().unwrap());
        assert!(!out.contains_key("email"));
        assert_eq!(out["phone_number"], json!("+15550100"));
        assert_eq!(out["cognito:groups"], json!(["admins"]));
        assert!(!out.contains_key("custom:tier"));
    }
}
