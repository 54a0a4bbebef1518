//! Federation of authgate's sessions into the identity pool: which Logins a user is federated
//! with, which role is asked for, where identity ids and credentials are remembered, and how
//! an expiring provider token is renewed before it is sent.
//!
//! Per provider (config `logins`):
//!
//! | mode        | Logins key                                     | value                          |
//! |-------------|------------------------------------------------|--------------------------------|
//! | `upstream`  | `cognito-idp.{region}.amazonaws.com/{pool}`    | the user pool's ID token       |
//! |             | the OpenID issuer, scheme and last `/` removed | the provider's ID token        |
//! |             | `graph.facebook.com`                           | Facebook's access token        |
//! |             | `www.amazon.com`                               | Amazon's access token          |
//! |             | `appleid.apple.com`                            | Apple's ID token               |
//! |             | the IAM SAML provider ARN (SAML passthrough)    | the base64 SAMLResponse        |
//! | `self`      | authgate's issuer, scheme removed              | an ID token authgate mints     |
//! | `developer` | the pool's developer provider name (signed)    | the user's authgate `sub`      |
//!
//! Role, in this order: the app's `custom_role_arn`, the provider's, the role the user chose on
//! the role page (when the provider's token lists several `cognito:roles` and names no
//! `cognito:preferred_role`); otherwise none is asked for and the pool decides. The basic flow
//! must name a role: it falls back to the token's preferred (or only) role, then the pool's
//! configured `role_arn`.

use super::credentials_cache::{CredentialsCache, Principal};
use super::identity_pool::{AwsCredentials, Federated, IdentityPool, Login, Logins, PoolError};
use crate::apps::RegisteredApp;
use crate::config::{IdentityPoolSettings, LoginsMode, PoolFlow, Settings, UpstreamLogins};
use crate::connectors::oidc::settings::issuer_login_key;
use crate::identity::{Identity, UpstreamTokens};
use crate::keys::KeyManager;
use crate::security::{Sealed, Sealer};
use crate::sessions::{self, Renewal};
use crate::store::{AwsErrorNote, AwsSession, RefreshFamily, Store, StoreError};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use time::OffsetDateTime;

/// A provider token this close to expiry is renewed (or reported invalid) before it is sent:
/// the pool must still find it valid when it checks it.
const TOKEN_MARGIN: time::Duration = time::Duration::seconds(60);

/// Lifetime of the ID token authgate mints for `logins = "self"`: it is sent at once.
const SELF_TOKEN_TTL: i64 = 300;

/// Purpose the credentials carried by a code are sealed under.
const CREDENTIALS_PURPOSE: &str = "aws-credentials";

/// How one provider's users are federated.
#[derive(Debug, Clone, PartialEq, Eq)]
enum How {
    /// The provider's ID token under `key`.
    IdToken { key: String },
    /// The provider's access token under `key` (Facebook).
    AccessToken { key: String },
    // SAML passthrough (`aws_saml_provider_arn`) is an `AccessToken` too: key = the IAM SAML
    // provider ARN, value = the base64 SAMLResponse the connector kept in that slot (enhanced
    // flow only, checked in config).
    /// authgate's own ID token under authgate's issuer host.
    SelfIssued,
    /// `GetOpenIdTokenForDeveloperIdentity` for the user's authgate `sub`.
    Developer,
}

impl How {
    /// `upstream` is what the provider's connector sends under `logins = "upstream"`, or why it
    /// has nothing to send (local users: then they are developer identities).
    fn for_provider(mode: LoginsMode, upstream: Result<UpstreamLogins, &str>) -> How {
        match (mode, upstream) {
            (LoginsMode::Developer, _) | (LoginsMode::Upstream, Err(_)) => How::Developer,
            (LoginsMode::SelfIssued, _) => How::SelfIssued,
            (LoginsMode::Upstream, Ok(UpstreamLogins::IdToken { key })) => How::IdToken { key },
            (LoginsMode::Upstream, Ok(UpstreamLogins::AccessToken { key })) => {
                How::AccessToken { key }
            }
        }
    }
}

#[derive(Debug, Clone)]
struct ProviderFederation {
    how: How,
    custom_role_arn: Option<String>,
}

/// Why a session has no credentials. `Display` is English, for an `error_description`; a page says
/// it by kind (`crate::web::messages::FederationWhy`).
#[derive(Debug, thiserror::Error)]
pub enum FederationError {
    #[error(transparent)]
    Pool(#[from] PoolError),
    /// The provider token the pool would check is missing or expired, and cannot be renewed:
    /// the user must sign in with the provider again (`SIGNED_OUT_FEDERATED_TOKENS_INVALID`).
    #[error("the sign-in with {provider} has expired: sign in again")]
    FederatedTokensInvalid { provider: String },
    /// The provider token has expired and the provider, asked to renew it, did not answer.
    #[error("{provider} did not answer, so the sign-in could not be renewed")]
    ProviderUnavailable { provider: String },
    /// The store or token signing failed (logged where it happened).
    #[error("authgate could not complete the federation")]
    Internal,
}

impl From<StoreError> for FederationError {
    fn from(e: StoreError) -> Self {
        tracing::error!(error = %e, "store failure during federation");
        FederationError::Internal
    }
}

impl FederationError {
    /// Worth trying again later without the user doing anything.
    pub fn is_transient(&self) -> bool {
        match self {
            FederationError::Pool(e) => e.is_transient(),
            FederationError::ProviderUnavailable { .. } | FederationError::Internal => true,
            FederationError::FederatedTokensInvalid { .. } => false,
        }
    }

    /// The `aws_error` an app sees.
    pub fn note(&self) -> AwsErrorNote {
        let error = match self {
            FederationError::Pool(e) => e.code().to_string(),
            FederationError::FederatedTokensInvalid { .. } => "federated_tokens_invalid".into(),
            FederationError::ProviderUnavailable { .. } => "provider_unreachable".into(),
            FederationError::Internal => "server_error".into(),
        };
        AwsErrorNote {
            error,
            error_description: self.to_string(),
        }
    }
}

/// What the role page is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleChoice {
    /// Nothing to ask: config, the token's preferred role or the pool decides.
    Decided,
    /// The user picks one of these before the code is issued.
    Choose(Vec<String>),
}

/// Whether a session can still be federated with its provider's token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FederatedTokens {
    /// Valid now, or not needed (developer and `self` logins).
    Valid,
    /// Expired, but the provider's refresh token can renew it.
    Renewable,
    /// Expired (or missing) and not renewable.
    Invalid,
}

/// What federation needs besides its own AWS clients: the store, the sealer, the providers
/// (to renew a provider token before sending it) and the signing keys (for `logins = "self"`).
#[derive(Clone, Copy)]
pub struct Deps<'a> {
    pub store: &'a dyn crate::store::Store,
    pub sealer: &'a Sealer,
    pub providers: &'a crate::connectors::ProviderRegistry,
    pub keys: &'a Arc<KeyManager>,
}

impl<'a> Deps<'a> {
    fn sessions(&self) -> sessions::Deps<'a> {
        sessions::Deps {
            store: self.store,
            sealer: self.sealer,
            providers: self.providers,
        }
    }
}

/// The identity pool as authgate's sessions use it; built once at start-up.
pub struct Federation {
    pool: IdentityPool,
    refresh_before: Duration,
    identity_id_ttl: Duration,
    issuer: String,
    providers: HashMap<String, ProviderFederation>,
    cache: CredentialsCache,
}

impl Federation {
    pub async fn new(settings: &Settings, pool: &IdentityPoolSettings) -> Federation {
        let providers = settings
            .providers
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    ProviderFederation {
                        how: How::for_provider(p.logins_mode(), p.own.upstream_logins()),
                        custom_role_arn: p.custom_role_arn.clone(),
                    },
                )
            })
            .collect();
        Federation {
            pool: IdentityPool::new(pool).await,
            refresh_before: pool.refresh_before,
            identity_id_ttl: pool.identity_id_ttl,
            issuer: settings.issuer.clone(),
            providers,
            cache: CredentialsCache::default(),
        }
    }

    pub fn pool_id(&self) -> &str {
        self.pool.pool_id()
    }

    fn provider(&self, identity: &Identity) -> Result<&ProviderFederation, FederationError> {
        self.providers.get(&identity.provider).ok_or_else(|| {
            FederationError::FederatedTokensInvalid {
                provider: identity.provider.clone(),
            }
        })
    }

    /// Where the user's identity id is remembered: per pool, way of federating (a developer
    /// identity and an OpenID one are different identities in the pool) and authgate subject.
    fn identity_key(&self, identity: &Identity) -> String {
        let how = match self.provider(identity).map(|p| &p.how) {
            Ok(How::Developer) => "developer",
            Ok(How::SelfIssued) => "self",
            _ => "upstream",
        };
        format!("{}|{how}|{}", self.pool.pool_id(), identity.subject())
    }

    /// Whether the user must pick a role before the code is issued.
    pub fn role_choice(
        &self,
        app: &RegisteredApp,
        identity: &Identity,
        sealer: &Sealer,
    ) -> RoleChoice {
        let Ok(provider) = self.provider(identity) else {
            return RoleChoice::Decided;
        };
        let fixed = app
            .aws
            .as_ref()
            .and_then(|a| a.custom_role_arn.as_ref())
            .or(provider.custom_role_arn.as_ref());
        if fixed.is_some() {
            return RoleChoice::Decided;
        }
        let roles = token_roles(identity, sealer);
        if roles.preferred.is_none() && roles.roles.len() > 1 {
            RoleChoice::Choose(roles.roles)
        } else {
            RoleChoice::Decided
        }
    }

    /// The role asked for on this user's behalf (see the module doc for the order).
    fn role_for(
        &self,
        app: &RegisteredApp,
        identity: &Identity,
        chosen: Option<&str>,
        sealer: &Sealer,
    ) -> Option<String> {
        let provider = self.provider(identity).ok();
        let configured = app
            .aws
            .as_ref()
            .and_then(|a| a.custom_role_arn.clone())
            .or_else(|| provider.and_then(|p| p.custom_role_arn.clone()))
            .or_else(|| chosen.map(str::to_string));
        if configured.is_some() || self.pool.flow() == PoolFlow::Enhanced {
            return configured;
        }
        // The basic flow assumes the role itself, so it needs a name where Cognito would pick.
        let roles = token_roles(identity, sealer);
        roles.preferred.or(match roles.roles.as_slice() {
            [only] => Some(only.clone()),
            _ => None,
        })
    }

    /// At sign-in, before the code: the identity, and credentials for the app's token response.
    pub async fn sign_in(
        &self,
        deps: Deps<'_>,
        app: &RegisteredApp,
        identity: &Identity,
        chosen_role: Option<String>,
    ) -> Result<(AwsSession, AwsCredentials), FederationError> {
        let role = self.role_for(app, identity, chosen_role.as_deref(), deps.sealer);
        let key = self.identity_key(identity);
        let now = OffsetDateTime::now_utc();
        let known = deps.store.get_identity_id(&key, now).await?;
        let federated = match self.cached(known.as_deref(), role.as_deref(), now) {
            Some(credentials) => Federated {
                identity_id: known.clone().unwrap_or_default(),
                credentials,
            },
            None => {
                let login = self.login_for(deps, &app.client_id, identity, now).await?;
                self.obtain(deps.store, &login, &key, known, role.as_deref())
                    .await?
            }
        };
        Ok((
            AwsSession {
                identity_id: Some(federated.identity_id),
                role_arn: chosen_role,
            },
            federated.credentials,
        ))
    }

    /// Fresh credentials for a live session (`/aws/credentials`, a refresh, the container
    /// endpoint): from cache while they last, else federated again, renewing the provider's
    /// token first when it has expired. Returns the family as it now stands.
    pub async fn for_family(
        &self,
        deps: Deps<'_>,
        app: &RegisteredApp,
        family_id: &str,
        family: RefreshFamily,
    ) -> Result<(RefreshFamily, Federated), FederationError> {
        let mut family = family;
        let session = family.aws.clone().unwrap_or_default();
        let role = self.role_for(
            app,
            &family.identity,
            session.role_arn.as_deref(),
            deps.sealer,
        );
        let key = self.identity_key(&family.identity);
        let now = OffsetDateTime::now_utc();
        let known = deps
            .store
            .get_identity_id(&key, now)
            .await?
            .or(session.identity_id.clone());
        if let (Some(id), Some(credentials)) = (
            known.as_deref(),
            self.cached(known.as_deref(), role.as_deref(), now),
        ) {
            let federated = Federated {
                identity_id: id.to_string(),
                credentials,
            };
            return Ok((family, federated));
        }
        if self.federated_tokens(&family.identity, deps.sealer, now) == FederatedTokens::Renewable {
            family = match sessions::renew_upstream(deps.sessions(), family_id, family, now).await?
            {
                Renewal::Renewed(family) => family,
                Renewal::Ended { provider } => {
                    tracing::info!("provider refused to renew its token");
                    return Err(FederationError::FederatedTokensInvalid { provider });
                }
                // An unreachable provider leaves the session as it was: that is no reason to
                // send the user to sign in again.
                Renewal::Unavailable { provider, .. } => {
                    return Err(FederationError::ProviderUnavailable { provider });
                }
            };
        }
        let login = self
            .login_for(deps, &app.client_id, &family.identity, now)
            .await?;
        let federated = self
            .obtain(deps.store, &login, &key, known, role.as_deref())
            .await?;
        if session.identity_id.as_deref() != Some(federated.identity_id.as_str()) {
            family.aws = Some(AwsSession {
                identity_id: Some(federated.identity_id.clone()),
                role_arn: session.role_arn,
            });
            deps.store
                .update_refresh_family(family_id, &family, now)
                .await?;
        }
        Ok((family, federated))
    }

    /// Guest credentials, for the guest identity the app remembers (or a new one).
    pub async fn guest(&self, identity_id: Option<&str>) -> Result<Federated, FederationError> {
        let now = OffsetDateTime::now_utc();
        if let Some(id) = identity_id
            && let Some(credentials) =
                self.cache
                    .get(id, Principal::Guest, now, self.refresh_before)
        {
            return Ok(Federated {
                identity_id: id.to_string(),
                credentials,
            });
        }
        let federated = self.pool.federate(&Login::Guest, identity_id, None).await?;
        if let Some(old) = identity_id.filter(|old| *old != federated.identity_id) {
            self.cache.forget(old);
        }
        self.cache.put(
            &federated.identity_id,
            Principal::Guest,
            &federated.credentials,
            now,
        );
        Ok(federated)
    }

    /// The identity id remembered for a user, if any (no AWS call).
    pub async fn known_identity_id(
        &self,
        store: &dyn Store,
        identity: &Identity,
    ) -> Result<Option<String>, StoreError> {
        store
            .get_identity_id(&self.identity_key(identity), OffsetDateTime::now_utc())
            .await
    }

    /// Whether the provider token federation sends is still good (see [`FederatedTokens`]).
    pub fn federated_tokens(
        &self,
        identity: &Identity,
        sealer: &Sealer,
        now: OffsetDateTime,
    ) -> FederatedTokens {
        match self.provider(identity) {
            Ok(provider) => token_state(&provider.how, identity, sealer, now),
            Err(_) => FederatedTokens::Invalid,
        }
    }

    fn cached(
        &self,
        identity_id: Option<&str>,
        role: Option<&str>,
        now: OffsetDateTime,
    ) -> Option<AwsCredentials> {
        self.cache.get(
            identity_id?,
            Principal::User { role_arn: role },
            now,
            self.refresh_before,
        )
    }

    /// Calls the pool, then remembers the identity id (in the store, which survives restarts)
    /// and the credentials (in memory). A cached id the pool no longer knows is forgotten.
    async fn obtain(
        &self,
        store: &dyn Store,
        login: &Login,
        key: &str,
        known: Option<String>,
        role: Option<&str>,
    ) -> Result<Federated, FederationError> {
        let now = OffsetDateTime::now_utc();
        match self.pool.federate(login, known.as_deref(), role).await {
            Ok(federated) => {
                if let Some(old) = known.as_deref().filter(|old| *old != federated.identity_id) {
                    self.cache.forget(old);
                }
                // Written on every federation: the expiry slides while the user keeps coming.
                store
                    .put_identity_id(key, &federated.identity_id, now + self.identity_id_ttl)
                    .await?;
                self.cache.put(
                    &federated.identity_id,
                    Principal::User { role_arn: role },
                    &federated.credentials,
                    now,
                );
                Ok(federated)
            }
            Err(e) => {
                if matches!(e, PoolError::NotFound { .. }) {
                    store.delete_identity_id(key).await?;
                    if let Some(old) = known.as_deref() {
                        self.cache.forget(old);
                    }
                }
                Err(e.into())
            }
        }
    }

    /// The Logins (or developer user) this identity is federated with, now.
    async fn login_for(
        &self,
        deps: Deps<'_>,
        client_id: &str,
        identity: &Identity,
        now: OffsetDateTime,
    ) -> Result<Login, FederationError> {
        let provider = self.provider(identity)?;
        let invalid = || FederationError::FederatedTokensInvalid {
            provider: provider_name(deps, &identity.provider),
        };
        match &provider.how {
            How::Developer => Ok(Login::Developer {
                user_id: identity.subject(),
            }),
            How::SelfIssued => {
                let token = self.mint_self_token(deps, client_id, identity, now).await?;
                Ok(Login::Tokens(Logins::one(
                    issuer_login_key(&self.issuer),
                    token,
                )))
            }
            How::IdToken { key } => {
                let token = UpstreamTokens::open(identity, deps.sealer)
                    .and_then(|t| t.id_token)
                    .filter(|t| expires_after(t, now))
                    .ok_or_else(invalid)?;
                Ok(Login::Tokens(Logins::one(key.clone(), token)))
            }
            How::AccessToken { key } => {
                let token = UpstreamTokens::open(identity, deps.sealer)
                    .and_then(|t| t.access_token)
                    .ok_or_else(invalid)?;
                Ok(Login::Tokens(Logins::one(key.clone(), token)))
            }
        }
    }

    /// An ID token for the pool (authgate registered as its OpenID provider, the app's client
    /// id as audience); short-lived and never handed to the app.
    async fn mint_self_token(
        &self,
        deps: Deps<'_>,
        client_id: &str,
        identity: &Identity,
        now: OffsetDateTime,
    ) -> Result<String, FederationError> {
        let iat = now.unix_timestamp();
        let claims = serde_json::json!({
            "iss": self.issuer,
            "sub": identity.subject(),
            "aud": client_id,
            "iat": iat,
            "exp": iat + SELF_TOKEN_TTL,
            "token_use": "id",
            "jti": uuid::Uuid::new_v4().to_string(),
            "preferred_username": identity.username,
        });
        // RSA signing is slow enough to belong off the runtime (see grants::mint_for).
        let signed = if deps.keys.signing_is_slow() {
            let keys = Arc::clone(deps.keys);
            tokio::task::spawn_blocking(move || keys.sign(&claims))
                .await
                .map_err(|e| crate::keys::KeyError::Crypto(e.to_string()))
                .and_then(|r| r)
        } else {
            deps.keys.sign(&claims)
        };
        signed.map_err(|e| {
            tracing::error!(error = %e, "signing the identity pool's ID token failed");
            FederationError::Internal
        })
    }
}

fn provider_name(deps: Deps<'_>, provider_id: &str) -> String {
    deps.providers
        .get(provider_id)
        .map_or_else(|| provider_id.to_string(), |p| p.display_name.clone())
}

/// See [`FederatedTokens`].
fn token_state(
    how: &How,
    identity: &Identity,
    sealer: &Sealer,
    now: OffsetDateTime,
) -> FederatedTokens {
    let token = match how {
        How::Developer | How::SelfIssued => return FederatedTokens::Valid,
        // Facebook's long-lived access tokens carry no expiry we can read.
        How::AccessToken { .. } => {
            return match UpstreamTokens::open(identity, sealer).and_then(|t| t.access_token) {
                Some(_) => FederatedTokens::Valid,
                None => FederatedTokens::Invalid,
            };
        }
        How::IdToken { .. } => UpstreamTokens::open(identity, sealer).and_then(|t| t.id_token),
    };
    match token
        .as_deref()
        .map(|t| expires_after(t, now + TOKEN_MARGIN))
    {
        Some(true) => FederatedTokens::Valid,
        _ if identity.upstream_refresh.is_some() => FederatedTokens::Renewable,
        _ => FederatedTokens::Invalid,
    }
}

/// Seals credentials for the code record (redeemed within a minute, but kept in the store).
pub fn seal_credentials(sealer: &Sealer, credentials: &AwsCredentials) -> Option<Sealed> {
    let json = serde_json::to_string(credentials).ok()?;
    sealer.seal(CREDENTIALS_PURPOSE, &json).ok()
}

pub fn open_credentials(sealer: &Sealer, sealed: &Sealed) -> Option<AwsCredentials> {
    let json = sealer.open(CREDENTIALS_PURPOSE, sealed).ok()?;
    serde_json::from_str(&json).ok()
}

/// True when the token's `exp` is after `at` (false when it has none).
fn expires_after(jwt: &str, at: OffsetDateTime) -> bool {
    crate::security::unverified_claims(jwt)
        .and_then(|p| p.get("exp").and_then(Value::as_i64))
        .is_some_and(|exp| exp > at.unix_timestamp())
}

#[derive(Debug, Default, PartialEq, Eq)]
struct TokenRoles {
    roles: Vec<String>,
    preferred: Option<String>,
}

/// `cognito:roles` and `cognito:preferred_role` of the provider's ID token; for a provider
/// that keeps no token (SAML: the roles of its verified assertion's AWS Role attribute), of
/// the identity's claims.
fn token_roles(identity: &Identity, sealer: &Sealer) -> TokenRoles {
    let payload = match identity.upstream_tokens {
        Some(_) => UpstreamTokens::open(identity, sealer)
            .and_then(|t| t.id_token)
            .and_then(|t| crate::security::unverified_claims(&t)),
        None => Some(identity.claims.clone()),
    };
    let Some(payload) = payload else {
        return TokenRoles::default();
    };
    let mut roles: Vec<String> = payload
        .get("cognito:roles")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    roles.dedup();
    TokenRoles {
        roles,
        preferred: payload
            .get("cognito:preferred_role")
            .and_then(Value::as_str)
            .map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
    use serde_json::Map;
    use serde_json::json;

    fn sealer() -> Sealer {
        Sealer::new(&Sealer::generate_key()).expect("key")
    }

    fn jwt(claims: &Value) -> String {
        format!(
            "e30.{}.sig",
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).expect("json"))
        )
    }

    fn identity_with(sealer: &Sealer, id_token: Option<String>, refresh: bool) -> Identity {
        let mut identity = Identity {
            provider: "pool".into(),
            upstream_subject: "u1".into(),
            username: "u1".into(),
            claims: Map::new(),
            upstream_refresh: None,
            upstream_tokens: None,
            published_sub: None,
            upstream_session: None,
        };
        let tokens = UpstreamTokens {
            id_token,
            access_token: Some("access".into()),
        };
        identity.upstream_tokens = Some(tokens.seal("pool", sealer).expect("seal"));
        if refresh {
            identity.upstream_refresh = Some(sealer.seal("x", "rt").expect("seal"));
        }
        identity
    }

    #[test]
    fn logins_follow_the_provider_kind_and_mode() {
        let settings = Settings::load(
            r#"
            listen = "127.0.0.1:1"
            issuer = "https://login.example.com"
            data_dir = "d"
            [[providers]]
            id = "local"
            kind = "local"
            [[providers]]
            id = "auth0"
            kind = "oidc"
            issuer = "https://tenant.auth0.com/"
            client_id = "c"
            [[providers]]
            id = "pool"
            kind = "cognito-hosted"
            domain = "https://x.auth.eu-west-1.amazoncognito.com"
            region = "eu-west-1"
            user_pool_id = "eu-west-1_Abc"
            client_id = "c"
            idp_endpoint = "http://127.0.0.1:9"
            [[providers]]
            id = "fb"
            kind = "facebook"
            app_id = "123"
            app_secret_file = "/dev/null"
            [[providers]]
            id = "lwa"
            kind = "amazon"
            client_id = "amzn1.application-oa2-client.x"
            client_secret_file = "/dev/null"
            token_endpoint = "http://127.0.0.1:9/token"
            [[providers]]
            id = "mine"
            kind = "oidc"
            issuer = "https://accounts.google.com"
            client_id = "c"
            logins = "self"
            "#,
            std::iter::empty(),
            &crate::connectors::PROVIDER_KINDS,
        )
        .expect("config");
        let how: Vec<How> = settings
            .providers
            .iter()
            .map(|p| How::for_provider(p.logins_mode(), p.own.upstream_logins()))
            .collect();
        assert_eq!(
            how,
            vec![
                How::Developer,
                How::IdToken {
                    key: "tenant.auth0.com".into()
                },
                How::IdToken {
                    key: "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc".into()
                },
                How::AccessToken {
                    key: "graph.facebook.com".into()
                },
                How::AccessToken {
                    key: "www.amazon.com".into()
                },
                How::SelfIssued,
            ],
            "the user pool key is the AWS form even when the issuer is an emulator's"
        );
    }

    #[test]
    fn roles_come_from_the_provider_token() {
        let sealer = sealer();
        let token = jwt(&json!({
            "cognito:roles": ["arn:aws:iam::1:role/a", "arn:aws:iam::1:role/b"],
            "cognito:preferred_role": "arn:aws:iam::1:role/b",
        }));
        let roles = token_roles(&identity_with(&sealer, Some(token), false), &sealer);
        assert_eq!(roles.roles.len(), 2);
        assert_eq!(roles.preferred.as_deref(), Some("arn:aws:iam::1:role/b"));
        assert_eq!(
            token_roles(&identity_with(&sealer, None, false), &sealer),
            TokenRoles::default()
        );
        // A provider that keeps no token (SAML): the roles its connector put in the claims.
        let mut saml = identity_with(&sealer, None, false);
        saml.upstream_tokens = None;
        saml.claims.insert(
            "cognito:roles".into(),
            json!(["arn:aws:iam::1:role/a", "arn:aws:iam::1:role/b"]),
        );
        assert_eq!(token_roles(&saml, &sealer).roles.len(), 2);
    }

    #[test]
    fn an_expired_provider_token_is_renewable_only_with_a_refresh_token() {
        let sealer = sealer();
        let now = OffsetDateTime::now_utc();
        let how = How::IdToken { key: "k".into() };
        let live = jwt(&json!({"exp": now.unix_timestamp() + 3600}));
        let dead = jwt(&json!({"exp": now.unix_timestamp() - 10}));
        let state = |token: &str, refresh| {
            token_state(
                &how,
                &identity_with(&sealer, Some(token.to_string()), refresh),
                &sealer,
                now,
            )
        };
        assert_eq!(state(&live, false), FederatedTokens::Valid);
        assert_eq!(state(&dead, true), FederatedTokens::Renewable);
        assert_eq!(state(&dead, false), FederatedTokens::Invalid);
        let no_token = identity_with(&sealer, None, false);
        assert_eq!(
            token_state(&how, &no_token, &sealer, now),
            FederatedTokens::Invalid
        );
        assert_eq!(
            token_state(&How::Developer, &no_token, &sealer, now),
            FederatedTokens::Valid,
            "developer identities need no provider token"
        );
    }

    #[test]
    fn token_expiry_is_read_from_exp() {
        let now = OffsetDateTime::now_utc();
        let live = jwt(&json!({"exp": now.unix_timestamp() + 3600}));
        let dead = jwt(&json!({"exp": now.unix_timestamp() - 1}));
        assert!(expires_after(&live, now));
        assert!(!expires_after(&dead, now));
        assert!(!expires_after("garbage", now));
        assert!(!expires_after(&jwt(&json!({})), now), "no exp, no trust");
    }

    #[test]
    fn sealed_credentials_round_trip() {
        let sealer = sealer();
        let credentials = AwsCredentials {
            access_key_id: "ASIA".into(),
            secret_access_key: "secret".into(),
            session_token: "token".into(),
            expiration: OffsetDateTime::from_unix_timestamp(1_700_000_000).expect("time"),
        };
        let sealed = seal_credentials(&sealer, &credentials).expect("sealed");
        assert!(!sealed.as_stored().contains("secret"));
        assert_eq!(open_credentials(&sealer, &sealed), Some(credentials));
        assert_eq!(open_credentials(&self::sealer(), &sealed), None);
    }
}
