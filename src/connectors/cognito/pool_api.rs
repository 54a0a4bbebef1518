//! A Cognito user pool's user-facing API (the operations Amplify calls unsigned), through the
//! official SDK: typed results, SECRET_HASH added wherever the app client has a secret, and
//! every Cognito error folded into the few outcomes a page can explain.

use crate::connectors::cognito::srp;
use aws_sdk_cognitoidentityprovider as idp;
use idp::config::{BehaviorVersion, Region};
use idp::error::{ProvideErrorMetadata, SdkError};
use idp::types::{
    AttributeType, AuthFlowType, ChallengeNameType, DeviceRememberedStatusType,
    DeviceSecretVerifierConfigType,
};
use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

/// Everything that can go wrong, at the granularity the pages need.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PoolError {
    /// Wrong password, unknown user, disabled user, bad or expired session: one message for
    /// all of them, so the page reveals nothing about which accounts exist.
    #[error("not authorized")]
    NotAuthorized,
    #[error("user not confirmed")]
    UserNotConfirmed,
    #[error("password reset required")]
    PasswordResetRequired,
    #[error("code mismatch")]
    CodeMismatch,
    #[error("code expired")]
    ExpiredCode,
    /// The pool's password policy refused the password, for this reason.
    #[error("invalid password: {0:?}")]
    InvalidPassword(PasswordProblem),
    #[error("username exists")]
    UsernameExists,
    /// `LimitExceeded`, `TooManyRequests`, `TooManyFailedAttempts`: try again later.
    #[error("rate limited")]
    TooManyRequests,
    /// A request the pool refused as malformed (an attribute it does not know, say).
    #[error("invalid parameter: {0}")]
    InvalidParameter(String),
    /// No answer within the timeout, or no connection at all.
    #[error("user pool unreachable")]
    Unreachable,
    /// An answer we cannot use: an unexpected error type, or a success without what it must
    /// carry.
    #[error("unexpected answer from the user pool: {0}")]
    BadAnswer(String),
}

/// A challenge the pool raised; `session` is the pool's opaque `Session` for answering it
/// (`PASSWORD_VERIFIER` comes without one: its `SECRET_BLOCK` stands for it).
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct Challenge {
    pub name: String,
    pub session: Option<String>,
    pub parameters: HashMap<String, String>,
}

impl fmt::Debug for Challenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Challenge")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// The pool's tokens after a completed sign-in.
#[derive(Clone)]
pub struct PoolTokens {
    pub id_token: String,
    pub access_token: String,
    pub refresh_token: Option<String>,
    pub expires_in: i32,
    /// Present when the pool tracks devices and this sign-in was not from a remembered one.
    pub new_device: Option<NewDevice>,
}

impl fmt::Debug for PoolTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PoolTokens")
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone)]
pub struct NewDevice {
    pub device_key: String,
    pub device_group_key: String,
}

/// What an `InitiateAuth` or `RespondToAuthChallenge` came back with.
#[derive(Debug)]
pub enum AuthStep {
    Challenge(Challenge),
    SignedIn(PoolTokens),
}

/// Where the pool sent a confirmation code, as Cognito masks it (`a***@e***`).
#[derive(Debug, Clone, Default)]
pub struct CodeDelivery {
    pub destination: Option<String>,
}

#[derive(Debug)]
pub struct SignUpOutcome {
    pub confirmed: bool,
    pub delivery: CodeDelivery,
}

/// Why the pool refused a new password. Cognito says it only in an English message under one
/// error type (`InvalidPasswordException: Password did not conform with policy: Password not
/// long enough`), so that message is read here, once, into a value the pages put in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    NeedsUppercase,
    NeedsLowercase,
    NeedsNumber,
    NeedsSymbol,
    /// `PasswordHistoryPolicyViolationException`: one of the user's recent passwords.
    UsedBefore,
    /// A reason not recognised (or none given).
    Other,
}

impl PasswordProblem {
    /// The rule an `InvalidPasswordException` message names.
    pub(crate) fn from_message(message: &str) -> Self {
        let message = message.to_ascii_lowercase();
        [
            ("long enough", Self::TooShort),
            ("uppercase", Self::NeedsUppercase),
            ("lowercase", Self::NeedsLowercase),
            ("numeric", Self::NeedsNumber),
            ("symbol", Self::NeedsSymbol),
        ]
        .into_iter()
        .find_map(|(words, problem)| message.contains(words).then_some(problem))
        .unwrap_or(Self::Other)
    }
}

/// One rule of a pool's password policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordRule {
    MinimumLength(i32),
    Uppercase,
    Lowercase,
    Number,
    Symbol,
}

/// The pool's password rules, shown on pages that ask for a new password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordPolicy {
    pub minimum_length: i32,
    pub require_uppercase: bool,
    pub require_lowercase: bool,
    pub require_numbers: bool,
    pub require_symbols: bool,
}

impl PasswordPolicy {
    /// Its rules, in the order the pages list them (the pages put them in words).
    pub fn rules(&self) -> Vec<PasswordRule> {
        let mut rules = vec![PasswordRule::MinimumLength(self.minimum_length)];
        for (on, rule) in [
            (self.require_uppercase, PasswordRule::Uppercase),
            (self.require_lowercase, PasswordRule::Lowercase),
            (self.require_numbers, PasswordRule::Number),
            (self.require_symbols, PasswordRule::Symbol),
        ] {
            if on {
                rules.push(rule);
            }
        }
        rules
    }
}

/// One app client of one pool.
pub struct UserPoolClient {
    sdk: idp::Client,
    region: String,
    endpoint_url: Option<String>,
    timeout: Duration,
    user_pool_id: String,
    client_id: String,
    client_secret: Option<crate::config::Secret>,
    /// The app client has refresh-token rotation on (`GetTokensFromRefreshToken`).
    rotates_refresh_tokens: bool,
    /// With authgate's own AWS credentials (DescribeUserPool is signed): kept once read; when
    /// the credentials are missing or lack the permission, the pages show no rules and the
    /// read is tried again after [`POLICY_RETRY`].
    policy: tokio::sync::Mutex<PolicyCache>,
}

/// How long pages go without the password rules after DescribeUserPool failed.
const POLICY_RETRY: Duration = Duration::from_secs(300);

enum PolicyCache {
    Unread,
    Read(PasswordPolicy),
    Failed(std::time::Instant),
}

impl fmt::Debug for UserPoolClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserPoolClient")
            .field("user_pool_id", &self.user_pool_id)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

impl UserPoolClient {
    pub fn new(
        region: &str,
        endpoint_url: Option<&str>,
        timeout: Duration,
        user_pool_id: &str,
        client_id: &str,
        client_secret: Option<crate::config::Secret>,
        rotates_refresh_tokens: bool,
    ) -> Self {
        // No credentials: every operation here is one Cognito serves unsigned, as Amplify
        // calls them. Retries (standard mode: throttling and transient errors, with backoff)
        // stay inside the operation timeout, so a page always answers within it.
        let mut config = idp::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new(region.to_string()))
            .retry_config(aws_config::retry::RetryConfig::standard().with_max_attempts(3))
            .timeout_config(
                aws_config::timeout::TimeoutConfig::builder()
                    .operation_timeout(timeout)
                    .connect_timeout(timeout)
                    .build(),
            );
        if let Some(url) = endpoint_url {
            config = config.endpoint_url(url);
        }
        Self {
            sdk: idp::Client::from_conf(config.build()),
            region: region.to_string(),
            endpoint_url: endpoint_url.map(str::to_string),
            timeout,
            user_pool_id: user_pool_id.to_string(),
            client_id: client_id.to_string(),
            client_secret,
            rotates_refresh_tokens,
            policy: tokio::sync::Mutex::new(PolicyCache::Unread),
        }
    }

    pub fn user_pool_id(&self) -> &str {
        &self.user_pool_id
    }

    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The SDK client itself, for the account operations (`crate::account_pool`), which keep
    /// the pool's own error types rather than this module's folded ones.
    pub(crate) fn sdk(&self) -> &idp::Client {
        &self.sdk
    }

    fn secret_hash(&self, username: &str) -> Option<String> {
        self.client_secret
            .as_ref()
            .map(|secret| srp::secret_hash(secret.expose(), username, &self.client_id))
    }

    /// `InitiateAuth`. `username` is what SECRET_HASH is computed over.
    pub async fn initiate(
        &self,
        flow: &str,
        username: &str,
        mut parameters: HashMap<String, String>,
    ) -> Result<AuthStep, PoolError> {
        if let Some(hash) = self.secret_hash(username) {
            parameters.insert("SECRET_HASH".into(), hash);
        }
        let out = send(
            "InitiateAuth",
            self.sdk
                .initiate_auth()
                .client_id(&self.client_id)
                .auth_flow(AuthFlowType::from(flow))
                .set_auth_parameters(Some(parameters))
                .send(),
        )
        .await?;
        auth_step(
            out.challenge_name,
            out.session,
            out.challenge_parameters,
            out.authentication_result,
        )
    }

    /// `RespondToAuthChallenge`; `responses` must carry `USERNAME` (SECRET_HASH is computed
    /// over it).
    pub async fn respond(
        &self,
        challenge: &str,
        session: Option<&str>,
        mut responses: HashMap<String, String>,
    ) -> Result<AuthStep, PoolError> {
        if let Some(hash) = responses
            .get("USERNAME")
            .and_then(|username| self.secret_hash(username))
        {
            responses.insert("SECRET_HASH".into(), hash);
        }
        let out = send(
            "RespondToAuthChallenge",
            self.sdk
                .respond_to_auth_challenge()
                .client_id(&self.client_id)
                .challenge_name(ChallengeNameType::from(challenge))
                .set_session(session.map(str::to_string))
                .set_challenge_responses(Some(responses))
                .send(),
        )
        .await?;
        auth_step(
            out.challenge_name,
            out.session,
            out.challenge_parameters,
            out.authentication_result,
        )
    }

    /// New tokens for a refresh token: `GetTokensFromRefreshToken` when the app client rotates
    /// refresh tokens (the answer then carries the next one), else `REFRESH_TOKEN_AUTH`, where
    /// `username` (`cognito:username`) is what SECRET_HASH is computed over.
    pub async fn refresh(
        &self,
        refresh_token: &str,
        username: &str,
    ) -> Result<PoolTokens, PoolError> {
        if self.rotates_refresh_tokens {
            let out = send(
                "GetTokensFromRefreshToken",
                self.sdk
                    .get_tokens_from_refresh_token()
                    .client_id(&self.client_id)
                    .refresh_token(refresh_token)
                    .set_client_secret(self.client_secret.as_ref().map(|s| s.expose().to_string()))
                    .send(),
            )
            .await?;
            return match auth_step(None, None, None, out.authentication_result)? {
                AuthStep::SignedIn(tokens) => Ok(tokens),
                AuthStep::Challenge(c) => Err(PoolError::BadAnswer(format!(
                    "challenge {} on refresh",
                    c.name
                ))),
            };
        }
        let parameters = HashMap::from([("REFRESH_TOKEN".to_string(), refresh_token.to_string())]);
        match self
            .initiate("REFRESH_TOKEN_AUTH", username, parameters)
            .await?
        {
            AuthStep::SignedIn(tokens) => Ok(tokens),
            AuthStep::Challenge(c) => Err(PoolError::BadAnswer(format!(
                "challenge {} on refresh",
                c.name
            ))),
        }
    }

    /// `GetUser` for one of the pool's access tokens: the user name and attributes.
    pub async fn get_user(
        &self,
        access_token: &str,
    ) -> Result<(String, Vec<(String, String)>), PoolError> {
        let out = send(
            "GetUser",
            self.sdk.get_user().access_token(access_token).send(),
        )
        .await?;
        let attributes = out
            .user_attributes
            .into_iter()
            .map(|a| (a.name, a.value.unwrap_or_default()))
            .collect();
        Ok((out.username, attributes))
    }

    /// `GlobalSignOut`: the pool ends every refresh token of the access token's user.
    pub async fn global_sign_out(&self, access_token: &str) -> Result<(), PoolError> {
        send(
            "GlobalSignOut",
            self.sdk.global_sign_out().access_token(access_token).send(),
        )
        .await?;
        Ok(())
    }

    /// `RevokeToken` for a refresh token the pool issued to authgate's app client.
    pub async fn revoke_token(&self, refresh_token: &str) -> Result<(), PoolError> {
        send(
            "RevokeToken",
            self.sdk
                .revoke_token()
                .client_id(&self.client_id)
                .token(refresh_token)
                .set_client_secret(self.client_secret.as_ref().map(|s| s.expose().to_string()))
                .send(),
        )
        .await?;
        Ok(())
    }

    pub async fn sign_up(
        &self,
        username: &str,
        password: &str,
        attributes: &[(String, String)],
    ) -> Result<SignUpOutcome, PoolError> {
        let attributes = attributes
            .iter()
            .map(|(name, value)| AttributeType::builder().name(name).value(value).build())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| PoolError::InvalidParameter(e.to_string()))?;
        let out = send(
            "SignUp",
            self.sdk
                .sign_up()
                .client_id(&self.client_id)
                .username(username)
                .password(password)
                .set_secret_hash(self.secret_hash(username))
                .set_user_attributes(Some(attributes))
                .send(),
        )
        .await?;
        Ok(SignUpOutcome {
            confirmed: out.user_confirmed,
            delivery: delivery(out.code_delivery_details),
        })
    }

    pub async fn confirm_sign_up(&self, username: &str, code: &str) -> Result<(), PoolError> {
        send(
            "ConfirmSignUp",
            self.sdk
                .confirm_sign_up()
                .client_id(&self.client_id)
                .username(username)
                .confirmation_code(code)
                .set_secret_hash(self.secret_hash(username))
                .send(),
        )
        .await?;
        Ok(())
    }

    pub async fn resend_confirmation_code(
        &self,
        username: &str,
    ) -> Result<CodeDelivery, PoolError> {
        let out = send(
            "ResendConfirmationCode",
            self.sdk
                .resend_confirmation_code()
                .client_id(&self.client_id)
                .username(username)
                .set_secret_hash(self.secret_hash(username))
                .send(),
        )
        .await?;
        Ok(delivery(out.code_delivery_details))
    }

    pub async fn forgot_password(&self, username: &str) -> Result<CodeDelivery, PoolError> {
        let out = send(
            "ForgotPassword",
            self.sdk
                .forgot_password()
                .client_id(&self.client_id)
                .username(username)
                .set_secret_hash(self.secret_hash(username))
                .send(),
        )
        .await?;
        Ok(delivery(out.code_delivery_details))
    }

    pub async fn confirm_forgot_password(
        &self,
        username: &str,
        code: &str,
        password: &str,
    ) -> Result<(), PoolError> {
        send(
            "ConfirmForgotPassword",
            self.sdk
                .confirm_forgot_password()
                .client_id(&self.client_id)
                .username(username)
                .confirmation_code(code)
                .password(password)
                .set_secret_hash(self.secret_hash(username))
                .send(),
        )
        .await?;
        Ok(())
    }

    /// `AssociateSoftwareToken` during `MFA_SETUP`: the TOTP secret and the next session.
    pub async fn associate_software_token(
        &self,
        session: &str,
    ) -> Result<(String, Option<String>), PoolError> {
        let out = send(
            "AssociateSoftwareToken",
            self.sdk.associate_software_token().session(session).send(),
        )
        .await?;
        let secret = out
            .secret_code
            .ok_or_else(|| PoolError::BadAnswer("no SecretCode".into()))?;
        Ok((secret, out.session))
    }

    /// `VerifySoftwareToken` during `MFA_SETUP`: the session to answer the challenge with.
    pub async fn verify_software_token(
        &self,
        session: &str,
        code: &str,
    ) -> Result<Option<String>, PoolError> {
        let out = send(
            "VerifySoftwareToken",
            self.sdk
                .verify_software_token()
                .session(session)
                .user_code(code)
                .friendly_device_name("authgate")
                .send(),
        )
        .await?;
        match out.status {
            Some(idp::types::VerifySoftwareTokenResponseType::Success) => Ok(out.session),
            _ => Err(PoolError::CodeMismatch),
        }
    }

    /// `ConfirmDevice` (then `UpdateDeviceStatus` to remembered when the pool leaves that to
    /// the user, as "remember this device" on the page already said so).
    pub async fn remember_device(
        &self,
        access_token: &str,
        device_key: &str,
        verifier: &srp::DeviceVerifier,
        device_name: &str,
    ) -> Result<(), PoolError> {
        let config = DeviceSecretVerifierConfigType::builder()
            .password_verifier(&verifier.verifier)
            .salt(&verifier.salt)
            .build();
        let out = send(
            "ConfirmDevice",
            self.sdk
                .confirm_device()
                .access_token(access_token)
                .device_key(device_key)
                .device_secret_verifier_config(config)
                .device_name(device_name)
                .send(),
        )
        .await?;
        if out.user_confirmation_necessary {
            send(
                "UpdateDeviceStatus",
                self.sdk
                    .update_device_status()
                    .access_token(access_token)
                    .device_key(device_key)
                    .device_remembered_status(DeviceRememberedStatusType::Remembered)
                    .send(),
            )
            .await?;
        }
        Ok(())
    }

    /// `SetUserMFAPreference`: makes `kind` (`SMS_MFA`, `SOFTWARE_TOKEN_MFA`, `EMAIL_OTP`)
    /// the user's preferred second factor, so the pool stops asking which one.
    pub async fn set_mfa_preference(
        &self,
        access_token: &str,
        kind: &str,
    ) -> Result<(), PoolError> {
        use idp::types::{EmailMfaSettingsType, SmsMfaSettingsType, SoftwareTokenMfaSettingsType};
        let request = self
            .sdk
            .set_user_mfa_preference()
            .access_token(access_token);
        let request = match kind {
            "SMS_MFA" => request.sms_mfa_settings(
                SmsMfaSettingsType::builder()
                    .enabled(true)
                    .preferred_mfa(true)
                    .build(),
            ),
            "SOFTWARE_TOKEN_MFA" => request.software_token_mfa_settings(
                SoftwareTokenMfaSettingsType::builder()
                    .enabled(true)
                    .preferred_mfa(true)
                    .build(),
            ),
            "EMAIL_OTP" | "EMAIL_MFA" => request.email_mfa_settings(
                EmailMfaSettingsType::builder()
                    .enabled(true)
                    .preferred_mfa(true)
                    .build(),
            ),
            other => return Err(PoolError::InvalidParameter(format!("no MFA kind {other}"))),
        };
        send("SetUserMFAPreference", request.send()).await?;
        Ok(())
    }

    /// The pool's password policy, fetched once (see [`Self::policy`]).
    pub async fn password_policy(&self) -> Option<PasswordPolicy> {
        // Held across the call so that pages opened together ask AWS once.
        let mut cache = self.policy.lock().await;
        match &*cache {
            PolicyCache::Read(policy) => return Some(policy.clone()),
            PolicyCache::Failed(at) if at.elapsed() < POLICY_RETRY => return None,
            _ => {}
        }
        match self.describe_policy().await {
            Ok(policy) => {
                *cache = PolicyCache::Read(policy.clone());
                Some(policy)
            }
            Err(e) => {
                tracing::info!(user_pool_id = %self.user_pool_id, error = %e, "password policy unavailable; pages will not list the rules");
                *cache = PolicyCache::Failed(std::time::Instant::now());
                None
            }
        }
    }

    async fn describe_policy(&self) -> Result<PasswordPolicy, String> {
        // Signed with authgate's own credentials from the standard chain.
        let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new(self.region.clone()))
            .timeout_config(
                aws_config::timeout::TimeoutConfig::builder()
                    .operation_timeout(self.timeout)
                    .build(),
            );
        if let Some(url) = &self.endpoint_url {
            loader = loader.endpoint_url(url);
        }
        let client = idp::Client::new(&loader.load().await);
        let out = send(
            "DescribeUserPool",
            client
                .describe_user_pool()
                .user_pool_id(&self.user_pool_id)
                .send(),
        )
        .await
        .map_err(|e| e.to_string())?;
        let p = out
            .user_pool
            .and_then(|pool| pool.policies)
            .and_then(|policies| policies.password_policy)
            .ok_or("the pool has no password policy")?;
        Ok(PasswordPolicy {
            minimum_length: p.minimum_length.unwrap_or(8),
            require_uppercase: p.require_uppercase,
            require_lowercase: p.require_lowercase,
            require_numbers: p.require_numbers,
            require_symbols: p.require_symbols,
        })
    }
}

fn auth_step(
    challenge_name: Option<ChallengeNameType>,
    session: Option<String>,
    parameters: Option<HashMap<String, String>>,
    result: Option<idp::types::AuthenticationResultType>,
) -> Result<AuthStep, PoolError> {
    if let Some(result) = result {
        let (Some(id_token), Some(access_token)) = (result.id_token, result.access_token) else {
            return Err(PoolError::BadAnswer("tokens missing".into()));
        };
        let new_device = result.new_device_metadata.and_then(|d| {
            Some(NewDevice {
                device_key: d.device_key?,
                device_group_key: d.device_group_key?,
            })
        });
        return Ok(AuthStep::SignedIn(PoolTokens {
            id_token,
            access_token,
            refresh_token: result.refresh_token,
            expires_in: result.expires_in,
            new_device,
        }));
    }
    match challenge_name {
        Some(name) => Ok(AuthStep::Challenge(Challenge {
            name: name.as_str().to_string(),
            session,
            parameters: parameters.unwrap_or_default(),
        })),
        // moto answers an unsupported flow with `{}`: neither tokens nor a challenge.
        None => Err(PoolError::BadAnswer(
            "neither tokens nor a challenge".into(),
        )),
    }
}

fn delivery(details: Option<idp::types::CodeDeliveryDetailsType>) -> CodeDelivery {
    CodeDelivery {
        destination: details.and_then(|d| d.destination),
    }
}

impl PoolError {
    /// The `outcome` label of a failed call.
    pub fn outcome(&self) -> &'static str {
        match self {
            PoolError::NotAuthorized => "not_authorized",
            PoolError::UserNotConfirmed => "user_not_confirmed",
            PoolError::PasswordResetRequired => "password_reset_required",
            PoolError::CodeMismatch => "code_mismatch",
            PoolError::ExpiredCode => "expired_code",
            PoolError::InvalidPassword(_) => "invalid_password",
            PoolError::UsernameExists => "username_exists",
            PoolError::TooManyRequests => "throttled",
            PoolError::InvalidParameter(_) => "invalid_parameter",
            PoolError::Unreachable => "unreachable",
            PoolError::BadAnswer(_) => "bad_answer",
        }
    }
}

/// Sends one user-pool API call (`operation` is its AWS name) and records how long it took and
/// how it ended in `authgate_aws_request_duration_seconds`.
async fn send<T, E, R>(
    operation: &'static str,
    request: impl std::future::Future<Output = Result<T, SdkError<E, R>>>,
) -> Result<T, PoolError>
where
    E: ProvideErrorMetadata,
{
    let started = std::time::Instant::now();
    let result = request.await.map_err(classify);
    let outcome = result.as_ref().map_or_else(PoolError::outcome, |_| "ok");
    crate::telemetry::meter::aws_call("cognito-idp", operation, outcome, started.elapsed());
    result
}

/// Folds an SDK error into a [`PoolError`] by Cognito's error type.
fn classify<E, R>(err: SdkError<E, R>) -> PoolError
where
    E: ProvideErrorMetadata,
{
    match &err {
        SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) => PoolError::Unreachable,
        SdkError::ServiceError(service) => {
            let e = service.err();
            from_code(e.code(), e.message())
        }
        SdkError::ResponseError(_) => PoolError::BadAnswer("unreadable response".into()),
        _ => PoolError::BadAnswer("request could not be built".into()),
    }
}

fn from_code(code: Option<&str>, message: Option<&str>) -> PoolError {
    let message = message.unwrap_or_default().to_string();
    match code.unwrap_or_default() {
        "NotAuthorizedException"
        | "UserNotFoundException"
        | "ResourceNotFoundException"
        | "RefreshTokenReuseException" => PoolError::NotAuthorized,
        "UserNotConfirmedException" => PoolError::UserNotConfirmed,
        "PasswordResetRequiredException" => PoolError::PasswordResetRequired,
        "CodeMismatchException" | "EnableSoftwareTokenMFAException" => PoolError::CodeMismatch,
        "ExpiredCodeException" => PoolError::ExpiredCode,
        "InvalidPasswordException" => {
            PoolError::InvalidPassword(PasswordProblem::from_message(&message))
        }
        "PasswordHistoryPolicyViolationException" => {
            PoolError::InvalidPassword(PasswordProblem::UsedBefore)
        }
        "UsernameExistsException" | "AliasExistsException" => PoolError::UsernameExists,
        "LimitExceededException"
        | "TooManyRequestsException"
        | "TooManyFailedAttemptsException" => PoolError::TooManyRequests,
        "InvalidParameterException" => PoolError::InvalidParameter(without_values(&message)),
        other => PoolError::BadAnswer(if other.is_empty() {
            "an error without a type".to_string()
        } else {
            other.to_string()
        }),
    }
}

/// The pool's message with what it quotes of the request taken out: AWS and moto quote values
/// ("Value 'x' at 'password'...", a refused token), and this message is logged. Quoted runs and
/// long token-like runs (a JWT, a code, a session) become `…`; the sentence around them stays
/// for the operator.
fn without_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut quote: Option<char> = None;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.chars().count() >= 16 {
            out.push('…');
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in message.chars() {
        match quote {
            Some(q) if c == q => {
                out.push(c);
                quote = None;
            }
            Some(_) => {}
            None if c == '\'' || c == '"' => {
                flush(&mut word, &mut out);
                out.push(c);
                out.push('…');
                quote = Some(c);
            }
            None if c.is_alphanumeric() || "-_.=+/".contains(c) => word.push(c),
            None => {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_pool_message_keeps_its_sentence_but_not_the_values_it_quotes() {
        let token = "eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
        for (message, kept) in [
            (
                "1 validation error detected: Value 'hunter2' at 'password' failed",
                "1 validation error detected: Value '…' at '…' failed",
            ),
            (
                &format!("Invalid access token {token} given") as &str,
                "Invalid access token … given",
            ),
            (
                "Attributes did not conform to the schema: email is required",
                "Attributes did not conform to the schema: email is required",
            ),
            ("unterminated \"secret", "unterminated \"…"),
        ] {
            let redacted = super::without_values(message);
            assert_eq!(redacted, kept);
            assert!(!redacted.contains("hunter2") && !redacted.contains(token));
        }
        // The error the pool's answer becomes, which is what gets logged, is the redacted one.
        let logged = super::from_code(
            Some("InvalidParameterException"),
            Some("Value 'hunter2' at 'password' failed"),
        )
        .to_string();
        assert!(!logged.contains("hunter2"), "{logged}");
    }

    use super::*;

    #[test]
    fn errors_fold_without_revealing_accounts() {
        for code in [
            "NotAuthorizedException",
            "UserNotFoundException",
            "ResourceNotFoundException",
        ] {
            assert_eq!(from_code(Some(code), None), PoolError::NotAuthorized);
        }
        assert_eq!(
            from_code(
                Some("InvalidPasswordException"),
                Some("Password not long enough")
            ),
            PoolError::InvalidPassword(PasswordProblem::TooShort)
        );
        assert_eq!(
            from_code(
                Some("InvalidPasswordException"),
                Some("Password did not conform with policy: Password must have symbol characters")
            ),
            PoolError::InvalidPassword(PasswordProblem::NeedsSymbol)
        );
        assert_eq!(
            from_code(
                Some("InvalidPasswordException"),
                Some("Mot de passe refusé")
            ),
            PoolError::InvalidPassword(PasswordProblem::Other)
        );
        assert_eq!(
            from_code(Some("PasswordHistoryPolicyViolationException"), None),
            PoolError::InvalidPassword(PasswordProblem::UsedBefore)
        );
        assert_eq!(
            from_code(Some("TooManyFailedAttemptsException"), None),
            PoolError::TooManyRequests
        );
        assert!(matches!(from_code(None, None), PoolError::BadAnswer(_)));
    }

    #[test]
    fn policy_rules_read_as_a_list() {
        let policy = PasswordPolicy {
            minimum_length: 10,
            require_uppercase: true,
            require_lowercase: false,
            require_numbers: true,
            require_symbols: false,
        };
        assert_eq!(
            policy.rules(),
            vec![
                PasswordRule::MinimumLength(10),
                PasswordRule::Uppercase,
                PasswordRule::Number
            ]
        );
    }
}
