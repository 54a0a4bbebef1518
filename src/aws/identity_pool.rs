//! Cognito Identity (identity pools) and STS through the official SDK: the calls that turn a
//! sign-in into temporary AWS credentials, in the enhanced or the basic flow, for users,
//! developer-authenticated users and guests.
//!
//! ```text
//! enhanced  GetId(Logins) → GetCredentialsForIdentity(IdentityId, Logins, CustomRoleArn)
//! basic     GetId(Logins) → GetOpenIdToken(IdentityId, Logins) → STS AssumeRoleWithWebIdentity
//! developer GetOpenIdTokenForDeveloperIdentity({developer provider: user}) → token, then as
//!           above with Logins {"cognito-identity.amazonaws.com": token} (no GetId)
//! guest     GetId() → GetCredentialsForIdentity(IdentityId)   (basic: with the guest role)
//! ```
//!
//! `GetId`, `GetCredentialsForIdentity`, `GetOpenIdToken` and `AssumeRoleWithWebIdentity` are
//! public operations and go out unsigned (a client without credentials); only
//! `GetOpenIdTokenForDeveloperIdentity` is SigV4-signed, with authgate's own credentials from
//! the standard chain. Both SDK clients are built once, at start-up. The SDK retries
//! throttling (`TooManyRequestsException`) and transient errors with backoff, `max_attempts`
//! times, each attempt bounded by `timeout`, so an unreachable pool fails in bounded time.
//!
//! A cached identity id the pool no longer knows (`ResourceNotFoundException`) is given up
//! and `GetId` called again, once.

use crate::config::{IdentityPoolSettings, PoolFlow};
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region};
use aws_sdk_cognitoidentity as identity;
use aws_sdk_sts as sts;
use identity::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;
use time::OffsetDateTime;

/// The Logins key developer-authenticated identities present their OpenID token under.
pub const DEVELOPER_TOKEN_KEY: &str = "cognito-identity.amazonaws.com";

/// The first retry waits about this long (with jitter); later ones double, up to
/// [`MAX_BACKOFF`]. Short: a person is waiting on a sign-in page.
const INITIAL_BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(2);

/// The `Logins` map: provider key → token. Its `Debug` names the keys only.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Logins(BTreeMap<String, String>);

impl Logins {
    pub fn one(key: impl Into<String>, token: impl Into<String>) -> Self {
        Self(BTreeMap::from([(key.into(), token.into())]))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    fn map(&self) -> Option<std::collections::HashMap<String, String>> {
        (!self.0.is_empty()).then(|| self.0.clone().into_iter().collect())
    }
}

impl fmt::Debug for Logins {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Logins")
            .field(&self.0.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// Who is federated, and with what.
#[derive(Debug, Clone)]
pub enum Login {
    /// An unauthenticated identity: no Logins at all.
    Guest,
    /// Tokens the pool checks itself (a provider's, or authgate's own).
    Tokens(Logins),
    /// A developer-authenticated identity: authgate vouches for `user_id` with a signed call.
    Developer { user_id: String },
}

/// Temporary AWS credentials. `Debug` shows the key id and expiry, never the secrets.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AwsCredentials {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: String,
    #[serde(with = "time::serde::timestamp")]
    pub expiration: OffsetDateTime,
}

impl fmt::Debug for AwsCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AwsCredentials")
            .field("access_key_id", &self.access_key_id)
            .field("expiration", &self.expiration)
            .finish_non_exhaustive()
    }
}

impl AwsCredentials {
    /// The expiry as RFC 3339 (`2024-05-01T12:00:00Z`), as STS and the container endpoint
    /// write it.
    pub fn expiration_rfc3339(&self) -> String {
        identity::primitives::DateTime::from_secs(self.expiration.unix_timestamp())
            .fmt(identity::primitives::DateTimeFormat::DateTime)
            .unwrap_or_default()
    }

    /// The `aws_credentials` object of authgate's JSON answers.
    pub fn json(&self) -> CredentialsJson<'_> {
        CredentialsJson {
            access_key_id: &self.access_key_id,
            secret_access_key: &self.secret_access_key,
            session_token: &self.session_token,
            expiration: self.expiration_rfc3339(),
        }
    }

    /// The ECS container-credentials document any AWS SDK reads
    /// (`AWS_CONTAINER_CREDENTIALS_FULL_URI`).
    pub fn container_json(&self) -> ContainerCredentialsJson<'_> {
        ContainerCredentialsJson {
            access_key_id: &self.access_key_id,
            secret_access_key: &self.secret_access_key,
            token: &self.session_token,
            expiration: self.expiration_rfc3339(),
        }
    }
}

#[derive(serde::Serialize)]
pub struct CredentialsJson<'a> {
    pub access_key_id: &'a str,
    pub secret_access_key: &'a str,
    pub session_token: &'a str,
    pub expiration: String,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContainerCredentialsJson<'a> {
    pub access_key_id: &'a str,
    pub secret_access_key: &'a str,
    pub token: &'a str,
    pub expiration: String,
}

/// An identity and its credentials.
#[derive(Debug, Clone)]
pub struct Federated {
    pub identity_id: String,
    pub credentials: AwsCredentials,
}

/// Why the pool (or STS) gave no credentials. `Display` names the pool, in English: for logs and
/// an app's `error_description` (a page says it by kind: `crate::web::messages::FederationWhy`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PoolError {
    /// No answer within the attempts and timeouts (connection refused, timed out).
    #[error("the identity pool {pool} did not answer")]
    Unreachable { pool: String },
    /// Still `TooManyRequestsException` after every retry.
    #[error("the identity pool {pool} is refusing calls for now (rate exceeded)")]
    Throttled { pool: String },
    /// The pool refused the sign-in (`NotAuthorizedException`): an unsupported provider, an
    /// expired or invalid token, unauthenticated access not allowed, a role not allowed.
    #[error("the identity pool {pool} refused this sign-in")]
    NotAuthorized { pool: String, message: String },
    /// The pool or the identity does not exist (`ResourceNotFoundException`).
    #[error("the identity pool {pool} does not know this identity")]
    NotFound { pool: String },
    /// Any other error the service named (`InvalidIdentityPoolConfigurationException`, ...).
    #[error("the identity pool {pool} answered with an error ({code})")]
    Service {
        pool: String,
        code: String,
        message: String,
    },
    /// An answer that is not the service's (an HTML error page, missing fields).
    #[error("the identity pool {pool} gave an answer that cannot be used")]
    BadAnswer { pool: String },
}

impl PoolError {
    /// The code apps see in `aws_error.error`: the AWS exception name, or `unreachable` /
    /// `bad_answer` when there was none.
    pub fn code(&self) -> &str {
        match self {
            PoolError::Unreachable { .. } => "unreachable",
            PoolError::Throttled { .. } => "TooManyRequestsException",
            PoolError::NotAuthorized { .. } => "NotAuthorizedException",
            PoolError::NotFound { .. } => "ResourceNotFoundException",
            PoolError::Service { code, .. } => code,
            PoolError::BadAnswer { .. } => "bad_answer",
        }
    }

    /// The `outcome` label of a failed call (a fixed set: never the service's own code).
    pub fn outcome(&self) -> &'static str {
        match self {
            PoolError::Unreachable { .. } => "unreachable",
            PoolError::Throttled { .. } => "throttled",
            PoolError::NotAuthorized { .. } => "not_authorized",
            PoolError::NotFound { .. } => "not_found",
            PoolError::Service { .. } => "service_error",
            PoolError::BadAnswer { .. } => "bad_answer",
        }
    }

    /// Worth trying again later without the user doing anything.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            PoolError::Unreachable { .. } | PoolError::Throttled { .. }
        )
    }
}

/// The identity pool, its flow, and the SDK clients that reach it.
pub struct IdentityPool {
    pool_id: String,
    flow: PoolFlow,
    role_arn: Option<String>,
    guest_role_arn: Option<String>,
    developer_provider_name: Option<String>,
    /// Unsigned operations: built without credentials, so nothing can sign them.
    public: identity::Client,
    /// `GetOpenIdTokenForDeveloperIdentity`, signed with authgate's own credentials; only when
    /// a developer provider name is configured.
    signed: Option<identity::Client>,
    /// Basic flow only.
    sts: Option<sts::Client>,
}

impl fmt::Debug for IdentityPool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IdentityPool")
            .field("pool_id", &self.pool_id)
            .field("flow", &self.flow)
            .finish_non_exhaustive()
    }
}

impl IdentityPool {
    /// Builds the SDK clients (no network traffic: credentials are resolved on first use).
    pub async fn new(settings: &IdentityPoolSettings) -> Self {
        let public = sdk_config(settings, false).await;
        let mut identity_config = identity::config::Builder::from(&public);
        if let Some(url) = &settings.endpoint_url {
            identity_config = identity_config.endpoint_url(url);
        }
        let signed = match &settings.developer_provider_name {
            Some(_) => {
                let signed = sdk_config(settings, true).await;
                let mut config = identity::config::Builder::from(&signed);
                if let Some(url) = &settings.endpoint_url {
                    config = config.endpoint_url(url);
                }
                Some(identity::Client::from_conf(config.build()))
            }
            None => None,
        };
        let sts = (settings.flow == PoolFlow::Basic).then(|| {
            let mut config = sts::config::Builder::from(&public);
            if let Some(url) = &settings.sts_endpoint_url {
                config = config.endpoint_url(url);
            }
            sts::Client::from_conf(config.build())
        });
        Self {
            pool_id: settings.id.clone(),
            flow: settings.flow,
            role_arn: settings.role_arn.clone(),
            guest_role_arn: settings.guest_role_arn.clone(),
            developer_provider_name: settings.developer_provider_name.clone(),
            public: identity::Client::from_conf(identity_config.build()),
            signed,
            sts,
        }
    }

    pub fn pool_id(&self) -> &str {
        &self.pool_id
    }

    pub fn flow(&self) -> PoolFlow {
        self.flow
    }

    /// Credentials for `login`. `cached` is the identity id remembered for this user (skips
    /// `GetId`); `role` is the role to ask for (enhanced: `CustomRoleArn`; basic: the role to
    /// assume, else the configured one).
    pub async fn federate(
        &self,
        login: &Login,
        cached: Option<&str>,
        role: Option<&str>,
    ) -> Result<Federated, PoolError> {
        let first = self.federate_once(login, cached, role).await;
        match (first, cached) {
            // The pool forgot the identity (deleted, merged): give up the cached id, once.
            (Err(PoolError::NotFound { .. }), Some(_)) => {
                tracing::info!(pool = %self.pool_id, "cached identity id unknown to the pool; asking for a new one");
                self.federate_once(login, None, role).await
            }
            (result, _) => result,
        }
    }

    async fn federate_once(
        &self,
        login: &Login,
        cached: Option<&str>,
        role: Option<&str>,
    ) -> Result<Federated, PoolError> {
        match login {
            Login::Developer { user_id } => {
                let (identity_id, token) = self.developer_token(user_id, cached).await?;
                let credentials = match self.flow {
                    PoolFlow::Enhanced => {
                        self.credentials_for_identity(
                            &identity_id,
                            &Logins::one(DEVELOPER_TOKEN_KEY, token),
                            role,
                        )
                        .await?
                    }
                    PoolFlow::Basic => {
                        self.assume_role(&identity_id, &token, role.or(self.role_arn.as_deref()))
                            .await?
                    }
                };
                Ok(Federated {
                    identity_id,
                    credentials,
                })
            }
            Login::Guest | Login::Tokens(_) => {
                let logins = match login {
                    Login::Tokens(logins) => logins.clone(),
                    _ => Logins::default(),
                };
                let identity_id = match cached {
                    Some(id) => id.to_string(),
                    None => self.get_id(&logins).await?,
                };
                let credentials = match self.flow {
                    PoolFlow::Enhanced => {
                        self.credentials_for_identity(&identity_id, &logins, role)
                            .await?
                    }
                    PoolFlow::Basic => {
                        let token = self.open_id_token(&identity_id, &logins).await?;
                        let default_role = match login {
                            Login::Guest => self.guest_role_arn.as_deref(),
                            _ => self.role_arn.as_deref(),
                        };
                        self.assume_role(&identity_id, &token, role.or(default_role))
                            .await?
                    }
                };
                Ok(Federated {
                    identity_id,
                    credentials,
                })
            }
        }
    }

    async fn get_id(&self, logins: &Logins) -> Result<String, PoolError> {
        let out = self
            .send(
                "cognito-identity",
                "GetId",
                self.public
                    .get_id()
                    .identity_pool_id(&self.pool_id)
                    .set_logins(logins.map())
                    .send(),
            )
            .await?;
        out.identity_id.ok_or_else(|| self.bad_answer("GetId"))
    }

    async fn credentials_for_identity(
        &self,
        identity_id: &str,
        logins: &Logins,
        role: Option<&str>,
    ) -> Result<AwsCredentials, PoolError> {
        let out = self
            .send(
                "cognito-identity",
                "GetCredentialsForIdentity",
                self.public
                    .get_credentials_for_identity()
                    .identity_id(identity_id)
                    .set_logins(logins.map())
                    .set_custom_role_arn(role.map(str::to_string))
                    .send(),
            )
            .await?;
        let c = out
            .credentials
            .ok_or_else(|| self.bad_answer("GetCredentialsForIdentity"))?;
        match (c.access_key_id, c.secret_key, c.session_token, c.expiration) {
            (Some(access_key_id), Some(secret_access_key), Some(session_token), Some(exp)) => {
                Ok(AwsCredentials {
                    access_key_id,
                    secret_access_key,
                    session_token,
                    expiration: to_time(&exp)
                        .ok_or_else(|| self.bad_answer("GetCredentialsForIdentity"))?,
                })
            }
            _ => Err(self.bad_answer("GetCredentialsForIdentity")),
        }
    }

    async fn open_id_token(&self, identity_id: &str, logins: &Logins) -> Result<String, PoolError> {
        let out = self
            .send(
                "cognito-identity",
                "GetOpenIdToken",
                self.public
                    .get_open_id_token()
                    .identity_id(identity_id)
                    .set_logins(logins.map())
                    .send(),
            )
            .await?;
        out.token.ok_or_else(|| self.bad_answer("GetOpenIdToken"))
    }

    /// `GetOpenIdTokenForDeveloperIdentity`: (identity id, OpenID token) for `user_id`.
    async fn developer_token(
        &self,
        user_id: &str,
        identity_id: Option<&str>,
    ) -> Result<(String, String), PoolError> {
        let (Some(client), Some(provider)) = (&self.signed, &self.developer_provider_name) else {
            // Validation makes this unreachable: developer logins need a provider name.
            return Err(PoolError::Service {
                pool: self.pool_id.clone(),
                code: "developer_provider_name_missing".into(),
                message: "no developer provider name is configured".into(),
            });
        };
        let out = self
            .send(
                "cognito-identity",
                "GetOpenIdTokenForDeveloperIdentity",
                client
                    .get_open_id_token_for_developer_identity()
                    .identity_pool_id(&self.pool_id)
                    .set_identity_id(identity_id.map(str::to_string))
                    .logins(provider, user_id)
                    .send(),
            )
            .await?;
        match (out.identity_id, out.token) {
            (Some(id), Some(token)) => Ok((id, token)),
            _ => Err(self.bad_answer("GetOpenIdTokenForDeveloperIdentity")),
        }
    }

    async fn assume_role(
        &self,
        identity_id: &str,
        token: &str,
        role: Option<&str>,
    ) -> Result<AwsCredentials, PoolError> {
        let (Some(sts), Some(role)) = (&self.sts, role) else {
            return Err(PoolError::Service {
                pool: self.pool_id.clone(),
                code: "role_missing".into(),
                message: "the basic flow has no role to assume".into(),
            });
        };
        let out = self
            .send(
                "sts",
                "AssumeRoleWithWebIdentity",
                sts.assume_role_with_web_identity()
                    .role_arn(role)
                    .role_session_name(session_name(identity_id))
                    .web_identity_token(token)
                    .send(),
            )
            .await?;
        let c = out
            .credentials
            .ok_or_else(|| self.bad_answer("AssumeRoleWithWebIdentity"))?;
        Ok(AwsCredentials {
            expiration: to_time(&c.expiration)
                .ok_or_else(|| self.bad_answer("AssumeRoleWithWebIdentity"))?,
            access_key_id: c.access_key_id,
            secret_access_key: c.secret_access_key,
            session_token: c.session_token,
        })
    }

    /// Sends one AWS call (`operation` is its AWS name) and records how long it took, the SDK's
    /// retries included, and how it ended in `authgate_aws_request_duration_seconds`.
    async fn send<T, E, R>(
        &self,
        service: &'static str,
        operation: &'static str,
        request: impl std::future::Future<Output = Result<T, SdkError<E, R>>>,
    ) -> Result<T, PoolError>
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
        R: fmt::Debug,
    {
        let started = std::time::Instant::now();
        let result = request.await.map_err(|e| self.classify(operation, e));
        let outcome = result.as_ref().map_or_else(PoolError::outcome, |_| "ok");
        crate::telemetry::meter::aws_call(service, operation, outcome, started.elapsed());
        result
    }

    fn bad_answer(&self, operation: &str) -> PoolError {
        tracing::warn!(pool = %self.pool_id, operation, "identity pool answer lacks fields");
        PoolError::BadAnswer {
            pool: self.pool_id.clone(),
        }
    }

    /// Maps an SDK error (after the SDK's own retries) to what a person or an app is told.
    fn classify<E, R>(&self, operation: &str, error: SdkError<E, R>) -> PoolError
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
        R: fmt::Debug,
    {
        let pool = self.pool_id.clone();
        let failure = match &error {
            SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) => {
                PoolError::Unreachable { pool }
            }
            SdkError::ServiceError(service) => {
                let e = service.err();
                let message = e.message().unwrap_or_default().to_string();
                match e.code() {
                    Some("TooManyRequestsException" | "Throttling" | "ThrottlingException") => {
                        PoolError::Throttled { pool }
                    }
                    Some("NotAuthorizedException") => PoolError::NotAuthorized { pool, message },
                    Some("ResourceNotFoundException") => PoolError::NotFound { pool },
                    Some(code) => PoolError::Service {
                        pool,
                        code: code.to_string(),
                        message,
                    },
                    None => PoolError::BadAnswer { pool },
                }
            }
            _ => PoolError::BadAnswer { pool },
        };
        // The SDK's errors carry codes and AWS's messages, never the request (no Logins).
        tracing::warn!(
            pool = %self.pool_id,
            operation,
            code = failure.code(),
            error = %DisplayErrorContext(&error),
            "identity pool call failed"
        );
        failure
    }
}

/// SDK configuration for the pool's region with explicit retries and timeouts; with
/// authgate's own credentials (the standard chain, or the configured file and profile) or none.
async fn sdk_config(
    settings: &IdentityPoolSettings,
    with_credentials: bool,
) -> aws_config::SdkConfig {
    let attempts = settings.max_attempts.max(1);
    let retry = RetryConfig::standard()
        .with_max_attempts(attempts)
        .with_initial_backoff(INITIAL_BACKOFF)
        .with_max_backoff(MAX_BACKOFF);
    // Every attempt, and the whole call with its backoffs, ends in bounded time.
    let whole = settings.timeout * attempts + MAX_BACKOFF * attempts.saturating_sub(1);
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(settings.timeout)
        .operation_attempt_timeout(settings.timeout)
        .operation_timeout(whole)
        .build();
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(settings.region()))
        .retry_config(retry)
        .timeout_config(timeouts);
    if !with_credentials {
        loader = loader.no_credentials();
    } else {
        if let Some(file) = &settings.credentials_file {
            #[allow(deprecated)]
            let files = aws_config::profile::profile_file::ProfileFiles::builder()
                .with_file(
                    aws_config::profile::profile_file::ProfileFileKind::Credentials,
                    file,
                )
                .build();
            loader = loader.profile_files(files);
        }
        if let Some(profile) = &settings.credentials_profile {
            loader = loader.profile_name(profile);
        }
    }
    loader.load().await
}

fn to_time(t: &identity::primitives::DateTime) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(t.secs()).ok()
}

/// STS's `RoleSessionName` (2-64 of `[\w+=,.@-]`): the identity id's UUID part.
fn session_name(identity_id: &str) -> String {
    let id = identity_id.rsplit(':').next().unwrap_or(identity_id);
    let clean: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "+=,.@-_".contains(*c))
        .take(55)
        .collect();
    format!("authgate-{clean}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_names_fit_sts_rules() {
        let name = session_name("us-east-1:0f3c1d2e-aaaa-bbbb-cccc-0123456789ab");
        assert_eq!(name, "authgate-0f3c1d2e-aaaa-bbbb-cccc-0123456789ab");
        assert!(name.len() <= 64);
        assert!(session_name(&"x:".repeat(100)).len() <= 64);
    }

    #[test]
    fn secrets_stay_out_of_debug() {
        let logins = Logins::one("accounts.google.com", "eyJ-secret-token");
        assert!(!format!("{logins:?}").contains("secret"));
        assert!(format!("{logins:?}").contains("accounts.google.com"));
        let credentials = AwsCredentials {
            access_key_id: "ASIAKEY".into(),
            secret_access_key: "very-secret".into(),
            session_token: "session-secret".into(),
            expiration: OffsetDateTime::UNIX_EPOCH,
        };
        let shown = format!("{credentials:?}");
        assert!(shown.contains("ASIAKEY"));
        assert!(!shown.contains("secret"), "{shown}");
        let login = Login::Tokens(logins);
        assert!(!format!("{login:?}").contains("secret"));
    }

    #[test]
    fn error_codes_are_what_apps_see() {
        let pool = "us-east-1:x".to_string();
        assert_eq!(
            PoolError::Unreachable { pool: pool.clone() }.code(),
            "unreachable"
        );
        assert!(PoolError::Throttled { pool: pool.clone() }.is_transient());
        let refused = PoolError::NotAuthorized {
            pool: pool.clone(),
            message: "Token expired".into(),
        };
        assert_eq!(refused.code(), "NotAuthorizedException");
        assert!(!refused.is_transient());
        assert_eq!(
            refused.to_string(),
            "the identity pool us-east-1:x refused this sign-in"
        );
    }
}
