//! Typed settings: one TOML file (the embedded default or `--config FILE`), then `AUTHGATE_...`
//! environment overrides, then validation that reports every problem with the key it concerns.

use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The embedded default: local users, the demo app, SQLite under `./data`.
pub const DEFAULT_CONFIG: &str = include_str!("../config/authgate.toml");

/// Prefix of environment overrides: `AUTHGATE_LISTEN`, `AUTHGATE_TOKENS__ALGORITHM`, ...
const ENV_PREFIX: &str = "AUTHGATE_";

/// Top-level keys that environment variables may override. Anything else starting with
/// `AUTHGATE_` (for example a client secret named by `client_secret_env`) is left alone.
const OVERRIDABLE: &[&str] = &[
    "listen",
    "issuer",
    "data_dir",
    "store_key_env",
    "log_format",
    "tokens",
    "sessions",
    "login_throttle",
    "password_hashing",
    "demo",
    "aws",
    "tls",
    "metrics",
];

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// Socket address to bind, e.g. `127.0.0.1:8080` (port 0 picks a free port).
    pub listen: String,
    /// Public base URL; `iss` of every token and the base of every endpoint.
    pub issuer: String,
    /// Where the SQLite store lives.
    pub data_dir: PathBuf,
    /// Environment variable holding the key (32 bytes, base64) that seals secrets in the store.
    /// Without it, a key file `store.key` is created in `data_dir` on first start; replicas
    /// sharing a store must share the key, so set this when running several.
    #[serde(default)]
    pub store_key_env: Option<String>,
    /// `text` (default) or `json`.
    #[serde(default = "default_log_format")]
    pub log_format: String,
    #[serde(default)]
    pub tokens: TokenSettings,
    #[serde(default)]
    pub sessions: SessionSettings,
    #[serde(default)]
    pub login_throttle: ThrottleSettings,
    #[serde(default)]
    pub password_hashing: PasswordHashingSettings,
    #[serde(default)]
    pub demo: DemoSettings,
    #[serde(default)]
    pub metrics: MetricsSettings,
    /// Federation to AWS: temporary credentials from a Cognito identity pool.
    #[serde(default)]
    pub aws: AwsSettings,
    /// Serve https on `listen` from these PEM files; plain http when absent.
    #[serde(default)]
    pub tls: Option<TlsSettings>,
    #[serde(default)]
    pub apps: Vec<AppSettings>,
    #[serde(default)]
    pub providers: Vec<ProviderSettings>,
}

fn default_log_format() -> String {
    "text".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct TokenSettings {
    /// `RS256` (default, what Cognito uses) or `ES256`.
    pub algorithm: String,
    #[serde(with = "humantime_serde")]
    pub access_token_ttl: Duration,
    #[serde(with = "humantime_serde")]
    pub id_token_ttl: Duration,
    #[serde(with = "humantime_serde")]
    pub refresh_token_ttl: Duration,
    #[serde(with = "humantime_serde")]
    pub code_ttl: Duration,
    /// How long a key signs before the pre-published next key takes over.
    #[serde(with = "humantime_serde")]
    pub key_rotation: Duration,
}

impl Default for TokenSettings {
    fn default() -> Self {
        Self {
            algorithm: "RS256".into(),
            access_token_ttl: Duration::from_secs(3600),
            id_token_ttl: Duration::from_secs(3600),
            refresh_token_ttl: Duration::from_secs(30 * 24 * 3600),
            code_ttl: Duration::from_secs(60),
            key_rotation: Duration::from_secs(30 * 24 * 3600),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SessionSettings {
    /// How long a sign-in is reused for other apps (single sign-on) without a password.
    #[serde(with = "humantime_serde")]
    pub sso_ttl: Duration,
    /// How long a user has to finish signing in after `/oauth2/authorize`.
    #[serde(with = "humantime_serde")]
    pub auth_request_ttl: Duration,
    /// How often expired store records are deleted.
    #[serde(with = "humantime_serde")]
    pub gc_interval: Duration,
}

impl Default for SessionSettings {
    fn default() -> Self {
        Self {
            sso_ttl: Duration::from_secs(8 * 3600),
            auth_request_ttl: Duration::from_secs(600),
            gc_interval: Duration::from_secs(60),
        }
    }
}

/// Failed password attempts, counted per username and per client address within `window`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ThrottleSettings {
    #[serde(with = "humantime_serde")]
    pub window: Duration,
    /// Failures after which each further attempt is answered only after a delay.
    pub slow_after: u32,
    /// The first delay; it doubles with every further failure, up to `max_delay`.
    #[serde(with = "humantime_serde")]
    pub delay: Duration,
    #[serde(with = "humantime_serde")]
    pub max_delay: Duration,
    /// Failures after which attempts are refused until the window ends.
    pub lock_after: u32,
    /// The same, per client address (higher: several users can share an address).
    pub lock_after_per_address: u32,
}

impl Default for ThrottleSettings {
    fn default() -> Self {
        Self {
            window: Duration::from_secs(15 * 60),
            slow_after: 3,
            delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
            lock_after: 10,
            lock_after_per_address: 50,
        }
    }
}

/// argon2id parameters used by `authgate hash-password` (verification reads them from the hash).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct PasswordHashingSettings {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for PasswordHashingSettings {
    fn default() -> Self {
        // OWASP's second argon2id option: m=19 MiB, t=2, p=1.
        Self {
            memory_kib: 19 * 1024,
            iterations: 2,
            parallelism: 1,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct DemoSettings {
    /// Serve `/demo`, a page that signs in with the hosted UI and shows the tokens.
    pub enabled: bool,
    /// The public app the demo page signs in as; it must accept `{issuer}/callback`.
    pub client_id: String,
}

impl Default for DemoSettings {
    fn default() -> Self {
        Self {
            enabled: false,
            client_id: "demo".into(),
        }
    }
}

/// `[tls]`: authgate's own TLS listener, for development with clients that only speak https
/// (Amplify) and for containers without a load balancer.
#[derive(Debug, Clone, Deserialize)]
pub struct TlsSettings {
    /// PEM certificate chain, the server's certificate first.
    pub cert_file: PathBuf,
    /// PEM private key of that certificate (PKCS#8, PKCS#1 RSA or SEC1 EC).
    pub key_file: PathBuf,
}

/// `GET /metrics` (Prometheus text format).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct MetricsSettings {
    /// Serve `/metrics` at all.
    pub enabled: bool,
    /// A separate management listener (`host:port`) for `/metrics`; when set, the public
    /// listener does not serve it.
    pub listen: Option<String>,
}

impl Default for MetricsSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            listen: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct AppSettings {
    pub client_id: String,
    pub name: String,
    /// Environment variable holding the client secret; set for a confidential client.
    #[serde(default)]
    pub client_secret_env: Option<String>,
    /// File holding the client secret (e.g. a mounted container secret); trailing newline ignored.
    #[serde(default)]
    pub client_secret_file: Option<PathBuf>,
    pub redirect_uris: Vec<String>,
    #[serde(default)]
    pub logout_uris: Vec<String>,
    /// Provider ids this app may use, in the order the picker shows them.
    pub providers: Vec<String>,
    pub scopes: Vec<String>,
    /// `broker` (default): authgate's own tokens. `passthrough`: the Cognito user pool's own
    /// tokens, for apps whose APIs use Cognito authorizers (every provider must be `cognito`).
    #[serde(default)]
    pub token_mode: TokenMode,
    /// Federate every sign-in into `[aws.identity_pool]`: the token response then carries
    /// `identity_id` and `aws_credentials`, and `/aws/credentials` renews them.
    #[serde(default)]
    pub aws_credentials: bool,
    /// What the app sees when the identity pool fails at sign-in.
    #[serde(default)]
    pub aws_failure: AwsFailure,
    /// Guest (unauthenticated) credentials at `/aws/guest-credentials` for this app; needs
    /// `aws_credentials` and `aws.identity_pool.allow_guest`.
    #[serde(default)]
    pub allow_guest: bool,
    /// The role asked for (Cognito's `CustomRoleArn`) for every user of this app; wins over a
    /// provider's `custom_role_arn`.
    #[serde(default)]
    pub custom_role_arn: Option<String>,
    /// Origins (`scheme://host[:port]`, or `"*"`) whose pages may call the token, revoke,
    /// userinfo and user-pool API endpoints; default: the origins of the http(s) redirect URIs.
    #[serde(default)]
    pub web_origins: Option<Vec<String>>,
    /// `/logout` also revokes the refresh tokens this app got through that browser's sign-in
    /// (Cognito's does not).
    #[serde(default = "default_true")]
    pub logout_revokes_tokens: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenMode {
    #[default]
    Broker,
    Passthrough,
}

/// What a sign-in does when the identity pool fails (unreachable, refuses, throttles past the
/// retries) for an app with `aws_credentials`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AwsFailure {
    /// The sign-in ends on a page naming the identity pool; the app gets no code, no tokens.
    #[default]
    FailLogin,
    /// The sign-in succeeds; the token response has no credentials and says why in `aws_error`.
    Omit,
}

impl AppSettings {
    /// The client secret from `client_secret_env` or `client_secret_file`; `None` for a public
    /// client. `Err` names the key at fault.
    pub fn client_secret(&self) -> Result<Option<String>, String> {
        read_secret(&self.client_secret_env, &self.client_secret_file)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct ProviderSettings {
    pub id: String,
    /// Shown on the picker button; defaults to the id.
    #[serde(default)]
    pub name: Option<String>,
    /// What identity-pool federation sends as Logins for users of this provider; defaults to
    /// [`ProviderSettings::logins_mode`].
    #[serde(default)]
    pub logins: Option<LoginsMode>,
    /// The role asked for (Cognito's `CustomRoleArn`) for users of this provider.
    #[serde(default)]
    pub custom_role_arn: Option<String>,
    #[serde(flatten)]
    pub kind: ProviderKind,
}

impl ProviderSettings {
    /// The Logins this provider's users are federated with: `developer` for local users (they
    /// have no token an identity pool could check), the provider's own token for the others.
    pub fn logins_mode(&self) -> LoginsMode {
        match (&self.logins, &self.kind) {
            (Some(mode), _) => *mode,
            (None, ProviderKind::Local { .. }) => LoginsMode::Developer,
            (None, _) => LoginsMode::Upstream,
        }
    }
}

/// What a sign-in is federated into the identity pool with (the `Logins` map).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LoginsMode {
    /// The provider's own token under its key: a user pool's or an OpenID provider's ID token,
    /// Facebook's access token.
    Upstream,
    /// authgate's own ID token under authgate's issuer host (the pool trusts authgate as an
    /// OpenID provider).
    #[serde(rename = "self")]
    SelfIssued,
    /// Developer-authenticated identities: `GetOpenIdTokenForDeveloperIdentity`, signed with
    /// authgate's own AWS credentials, for the user's authgate `sub`.
    Developer,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AwsSettings {
    pub identity_pool: Option<IdentityPoolSettings>,
}

/// `[aws.identity_pool]`: the Cognito identity pool sign-ins are federated into.
#[derive(Debug, Clone, Deserialize)]
pub struct IdentityPoolSettings {
    /// `region:uuid`, e.g. `eu-west-1:0f3c...`.
    pub id: String,
    /// Defaults to the region the id starts with.
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub flow: PoolFlow,
    /// Basic flow: the role `AssumeRoleWithWebIdentity` assumes for signed-in users (unless
    /// a custom or preferred role says otherwise).
    #[serde(default)]
    pub role_arn: Option<String>,
    /// Basic flow: the role for guests.
    #[serde(default)]
    pub guest_role_arn: Option<String>,
    /// The pool allows unauthenticated identities; apps with `allow_guest` may get guest
    /// credentials.
    #[serde(default)]
    pub allow_guest: bool,
    /// The pool's developer provider name, for `logins = "developer"`.
    #[serde(default)]
    pub developer_provider_name: Option<String>,
    /// Where Cognito Identity is reached instead of `https://cognito-identity.{region}.amazonaws.com`
    /// (tests point it at an emulator).
    #[serde(default)]
    pub endpoint_url: Option<String>,
    /// Where STS is reached (basic flow) instead of its regional endpoint.
    #[serde(default)]
    pub sts_endpoint_url: Option<String>,
    /// How long one attempt of one AWS call may take (connect included).
    #[serde(default = "default_aws_timeout", with = "humantime_serde")]
    pub timeout: Duration,
    /// Attempts per AWS call: throttling and transient errors are retried with backoff.
    #[serde(default = "default_aws_attempts")]
    pub max_attempts: u32,
    /// Credentials are served from cache until this long before they expire.
    #[serde(default = "default_refresh_before", with = "humantime_serde")]
    pub refresh_before: Duration,
    /// How long an identity id is remembered per user (GetId has a low quota).
    #[serde(default = "default_identity_id_ttl", with = "humantime_serde")]
    pub identity_id_ttl: Duration,
    /// An AWS shared credentials file for authgate's own credentials (developer identities);
    /// without it the standard chain is used (environment, `~/.aws`, web identity, ECS, EC2).
    #[serde(default)]
    pub credentials_file: Option<PathBuf>,
    /// The profile of that file (or of `~/.aws`) to use; default `default` or `$AWS_PROFILE`.
    #[serde(default)]
    pub credentials_profile: Option<String>,
}

/// How credentials are obtained from the pool.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PoolFlow {
    /// `GetId` + `GetCredentialsForIdentity`: the pool's roles and role mappings decide.
    #[default]
    Enhanced,
    /// `GetId` + `GetOpenIdToken` + STS `AssumeRoleWithWebIdentity` with a configured role.
    Basic,
}

fn default_aws_timeout() -> Duration {
    Duration::from_secs(5)
}

fn default_aws_attempts() -> u32 {
    3
}

fn default_refresh_before() -> Duration {
    Duration::from_secs(300)
}

fn default_identity_id_ttl() -> Duration {
    Duration::from_secs(90 * 24 * 3600)
}

impl IdentityPoolSettings {
    /// The configured region, else the one the pool id starts with.
    pub fn region(&self) -> String {
        self.region.clone().unwrap_or_else(|| {
            self.id
                .split_once(':')
                .map_or_else(String::new, |(r, _)| r.to_string())
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ProviderKind {
    Local {
        #[serde(default)]
        users: Vec<LocalUserSettings>,
    },
    Oidc(Box<OidcSettings>),
    Facebook(Box<FacebookSettings>),
    CognitoHosted(Box<CognitoHostedSettings>),
    Cognito(Box<CognitoSettings>),
}

/// A Cognito user pool driven through its API from authgate's own pages (`kind = "cognito"`):
/// sign-up, every sign-in challenge, password reset and remembered devices.
#[derive(Debug, Clone, Deserialize)]
pub struct CognitoSettings {
    pub region: String,
    pub user_pool_id: String,
    /// The pool's app client authgate signs users in through.
    pub client_id: String,
    #[serde(default)]
    pub client_secret_env: Option<String>,
    #[serde(default)]
    pub client_secret_file: Option<PathBuf>,
    #[serde(default)]
    pub auth_flow: CognitoAuthFlow,
    /// Whether the sign-in page offers "Create an account".
    #[serde(default = "default_true")]
    pub sign_up: bool,
    /// Attributes the sign-up page asks for (standard names such as `email`, `name`,
    /// `phone_number`, or `custom:...`), each required.
    #[serde(default = "default_sign_up_attributes")]
    pub sign_up_attributes: Vec<String>,
    /// The Cognito API endpoint (tests point it at an emulator); AWS's regional endpoint
    /// unless set.
    #[serde(default)]
    pub endpoint_url: Option<String>,
    /// The app client has Cognito's refresh-token rotation on: refresh with
    /// `GetTokensFromRefreshToken`, which answers with the next refresh token.
    #[serde(default)]
    pub refresh_token_rotation: bool,
    /// How long remembered devices are kept in the browser.
    #[serde(default = "default_device_ttl", with = "humantime_serde")]
    pub remember_device_for: Duration,
    #[serde(default = "default_upstream_timeout", with = "humantime_serde")]
    pub timeout: Duration,
}

/// How the sign-in page proves the password to the pool.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CognitoAuthFlow {
    /// SRP-6a: the password never leaves authgate (Cognito's and Amplify's default).
    #[default]
    UserSrpAuth,
    UserPasswordAuth,
    /// The pool's Lambda triggers define the challenges; the page asks for a username only.
    CustomAuth,
    /// Choice-based sign-in; authgate asks for the password (`PASSWORD` challenge).
    UserAuth,
}

impl CognitoAuthFlow {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::UserSrpAuth => "USER_SRP_AUTH",
            Self::UserPasswordAuth => "USER_PASSWORD_AUTH",
            Self::CustomAuth => "CUSTOM_AUTH",
            Self::UserAuth => "USER_AUTH",
        }
    }
}

fn default_sign_up_attributes() -> Vec<String> {
    vec!["email".into()]
}

fn default_device_ttl() -> Duration {
    Duration::from_secs(90 * 24 * 3600)
}

impl CognitoSettings {
    pub fn client_secret(&self) -> Result<Option<String>, String> {
        read_secret(&self.client_secret_env, &self.client_secret_file)
    }

    /// The pool's issuer (`iss` of its tokens): always AWS's form, even against an emulator.
    pub fn issuer(&self) -> String {
        format!(
            "https://cognito-idp.{}.amazonaws.com/{}",
            self.region, self.user_pool_id
        )
    }
}

/// A Cognito user pool through its own hosted UI (`kind = "cognito-hosted"`): an OpenID
/// provider whose endpoints live on the pool's domain and whose issuer is `cognito-idp`.
#[derive(Debug, Clone, Deserialize)]
pub struct CognitoHostedSettings {
    /// The hosted UI's base URL, e.g. `https://myapp.auth.eu-west-1.amazoncognito.com`.
    pub domain: String,
    pub region: String,
    pub user_pool_id: String,
    pub client_id: String,
    #[serde(default)]
    pub client_secret_env: Option<String>,
    #[serde(default)]
    pub client_secret_file: Option<PathBuf>,
    #[serde(default = "default_oidc_scopes")]
    pub scopes: Vec<String>,
    /// A federated IdP of the pool to go to directly (Cognito's `identity_provider`).
    #[serde(default)]
    pub identity_provider: Option<String>,
    /// Where the pool's issuer lives: `https://cognito-idp.{region}.amazonaws.com` unless set
    /// (tests point it at an emulator).
    #[serde(default)]
    pub idp_endpoint: Option<String>,
    #[serde(default = "default_true")]
    pub require_nonce: bool,
    #[serde(default = "default_upstream_timeout", with = "humantime_serde")]
    pub timeout: Duration,
}

impl CognitoHostedSettings {
    /// The OpenID settings this preset stands for.
    pub fn as_oidc(&self) -> OidcSettings {
        let idp = self
            .idp_endpoint
            .clone()
            .unwrap_or_else(|| format!("https://cognito-idp.{}.amazonaws.com", self.region));
        let issuer = format!("{}/{}", idp.trim_end_matches('/'), self.user_pool_id);
        let domain = self.domain.trim_end_matches('/');
        let mut extra = BTreeMap::new();
        if let Some(idp) = &self.identity_provider {
            extra.insert("identity_provider".to_string(), idp.clone());
        }
        OidcSettings {
            jwks_uri: Some(format!("{issuer}/.well-known/jwks.json")),
            issuer,
            discovery_url: None,
            authorization_endpoint: Some(format!("{domain}/oauth2/authorize")),
            token_endpoint: Some(format!("{domain}/oauth2/token")),
            require_nonce: self.require_nonce,
            federated_logout: Some(FederatedLogout::Cognito),
            logout_endpoint: Some(format!("{domain}/logout")),
            client_id: self.client_id.clone(),
            client_secret_env: self.client_secret_env.clone(),
            client_secret_file: self.client_secret_file.clone(),
            scopes: self.scopes.clone(),
            extra_authorize_params: extra,
            hosted_domain: None,
            claim_mapping: BTreeMap::new(),
            id_token_algorithms: vec!["RS256".into()],
            timeout: self.timeout,
        }
    }
}

/// Facebook Login, manual flow (`kind = "facebook"`): plain OAuth 2.0 plus the Graph API.
#[derive(Debug, Clone, Deserialize)]
pub struct FacebookSettings {
    pub app_id: String,
    #[serde(default)]
    pub app_secret_env: Option<String>,
    #[serde(default)]
    pub app_secret_file: Option<PathBuf>,
    #[serde(default = "default_facebook_scopes")]
    pub scopes: Vec<String>,
    #[serde(default = "default_graph_version")]
    pub graph_version: String,
    /// Where the login dialog lives (tests point it at a local stand-in).
    #[serde(default = "default_facebook_dialog")]
    pub dialog_base_url: String,
    #[serde(default = "default_facebook_graph")]
    pub graph_base_url: String,
    #[serde(default = "default_upstream_timeout", with = "humantime_serde")]
    pub timeout: Duration,
}

fn default_facebook_scopes() -> Vec<String> {
    vec!["public_profile".into(), "email".into()]
}

fn default_graph_version() -> String {
    "v19.0".into()
}

fn default_facebook_dialog() -> String {
    "https://www.facebook.com".into()
}

fn default_facebook_graph() -> String {
    "https://graph.facebook.com".into()
}

impl FacebookSettings {
    pub fn app_secret(&self) -> Result<String, String> {
        read_secret(&self.app_secret_env, &self.app_secret_file)
            .map_err(|e| e.replace("client_secret", "app_secret"))?
            .ok_or_else(|| "app_secret_env: Facebook needs the app secret".to_string())
    }
}

/// An upstream OpenID Provider (`kind = "oidc"`).
#[derive(Debug, Clone, Deserialize)]
pub struct OidcSettings {
    /// The issuer its ID tokens (and RFC 9207 `iss`) must name, exactly (Auth0's ends in `/`).
    pub issuer: String,
    /// Where to read discovery when it is not `{issuer}/.well-known/openid-configuration`.
    #[serde(default)]
    pub discovery_url: Option<String>,
    /// Where to fetch signing keys when not the discovery document's `jwks_uri`.
    #[serde(default)]
    pub jwks_uri: Option<String>,
    /// With `token_endpoint` and `jwks_uri`: endpoints known in advance, no discovery.
    #[serde(default)]
    pub authorization_endpoint: Option<String>,
    #[serde(default)]
    pub token_endpoint: Option<String>,
    /// Require the ID token to echo our nonce (OIDC Core §3.1.3.7). Only for providers (or
    /// emulators) that drop it; PKCE still binds the code to the flow.
    #[serde(default = "default_true")]
    pub require_nonce: bool,
    /// Sign the user out at the provider too when they sign out of authgate.
    #[serde(default)]
    pub federated_logout: Option<FederatedLogout>,
    /// The provider's logout endpoint, when not derived from the style above.
    #[serde(default)]
    pub logout_endpoint: Option<String>,
    pub client_id: String,
    #[serde(default)]
    pub client_secret_env: Option<String>,
    #[serde(default)]
    pub client_secret_file: Option<PathBuf>,
    #[serde(default = "default_oidc_scopes")]
    pub scopes: Vec<String>,
    /// Added to the upstream authorization request (e.g. Auth0's `audience`, `connection`).
    #[serde(default)]
    pub extra_authorize_params: BTreeMap<String, String>,
    /// Google Workspace domain: sent as `hd` and required in the ID token's `hd` claim.
    #[serde(default)]
    pub hosted_domain: Option<String>,
    /// authgate claim (or `username`) ← the provider's ID-token claim it is read from, e.g.
    /// `{ username = "nickname", name = "display_name" }`. `sub` and `email_verified` are not
    /// remappable: what is trusted rests on them.
    #[serde(default)]
    pub claim_mapping: BTreeMap<String, String>,
    /// ID token algorithms accepted (asymmetric only).
    #[serde(default = "default_id_token_algorithms")]
    pub id_token_algorithms: Vec<String>,
    /// How long to wait for the provider before showing a page that names it.
    #[serde(default = "default_upstream_timeout", with = "humantime_serde")]
    pub timeout: Duration,
}

/// How a provider signs users out: where to send the browser, with which parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FederatedLogout {
    /// OIDC RP-initiated logout: discovery's `end_session_endpoint` with `client_id` and
    /// `post_logout_redirect_uri`.
    Oidc,
    /// Auth0: `{issuer}v2/logout` with `client_id` and `returnTo`.
    Auth0,
    /// Cognito: `{domain}/logout` with `client_id` and `logout_uri`.
    Cognito,
}

fn default_true() -> bool {
    true
}

fn default_oidc_scopes() -> Vec<String> {
    vec!["openid".into(), "email".into(), "profile".into()]
}

fn default_id_token_algorithms() -> Vec<String> {
    vec!["RS256".into()]
}

fn default_upstream_timeout() -> Duration {
    Duration::from_secs(10)
}

impl OidcSettings {
    pub fn client_secret(&self) -> Result<Option<String>, String> {
        read_secret(&self.client_secret_env, &self.client_secret_file)
    }
}

/// A secret from the environment variable or file config names; `Err` names the key at fault.
fn read_secret(env: &Option<String>, file: &Option<PathBuf>) -> Result<Option<String>, String> {
    match (env, file) {
        (Some(_), Some(_)) => {
            Err("client_secret_env: set either client_secret_env or client_secret_file".into())
        }
        (Some(var), None) => std::env::var(var)
            .map(Some)
            .map_err(|_| format!("client_secret_env: environment variable ${var} is not set")),
        (None, Some(path)) => std::fs::read_to_string(path)
            .map(|s| Some(s.trim_end_matches(['\r', '\n']).to_string()))
            .map_err(|e| format!("client_secret_file: cannot read {}: {e}", path.display())),
        (None, None) => Ok(None),
    }
}

#[derive(Clone, Deserialize)]
pub struct LocalUserSettings {
    pub username: String,
    /// argon2id PHC string from `authgate hash-password`.
    pub password_hash: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub email_verified: bool,
    /// Extra claims (`name`, `given_name`, `phone_number`, ...), passed into tokens by scope.
    #[serde(default)]
    pub claims: BTreeMap<String, serde_json::Value>,
}

impl std::fmt::Debug for LocalUserSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalUserSettings")
            .field("username", &self.username)
            .field("password_hash", &"<redacted>")
            .finish_non_exhaustive()
    }
}

/// Start-up configuration failed; one entry per problem, each naming its key.
#[derive(Debug)]
pub struct ConfigError(pub Vec<String>);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "invalid configuration ({} problem(s)):", self.0.len())?;
        for problem in &self.0 {
            writeln!(f, "  - {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

impl Settings {
    /// The password hashes of every local user in this config (to recognise the demo user's).
    pub fn local_password_hashes(&self) -> Vec<String> {
        self.providers
            .iter()
            .flat_map(|p| match &p.kind {
                ProviderKind::Local { users } => users
                    .iter()
                    .map(|u| u.password_hash.clone())
                    .collect::<Vec<_>>(),
                _ => Vec::new(),
            })
            .collect()
    }

    /// Parses `text`, applies `env` overrides, and validates the result.
    pub fn load(
        text: &str,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Settings, ConfigError> {
        let mut value: toml::Table =
            toml::from_str(text).map_err(|e| ConfigError(vec![format!("TOML syntax: {e}")]))?;
        apply_env_overrides(&mut value, env)?;

        let mut unknown = Vec::new();
        let mut note_unknown = |path: serde_ignored::Path| {
            unknown.push(format!("{path}: unknown key"));
        };
        let tracked =
            serde_ignored::Deserializer::new(toml::Value::Table(value), &mut note_unknown);
        let settings: Settings = serde_path_to_error::deserialize(tracked)
            .map_err(|e| ConfigError(vec![format!("{}: {}", e.path(), e.inner())]))?;

        let mut problems = unknown;
        problems.extend(settings.validate());
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(ConfigError(problems))
        }
    }

    pub fn listen_addr(&self) -> Result<SocketAddr, String> {
        self.listen
            .parse()
            .map_err(|_| format!("listen: `{}` is not host:port", self.listen))
    }

    /// The management listener's address, when `/metrics` has one of its own.
    pub fn metrics_listen_addr(&self) -> Result<Option<SocketAddr>, String> {
        match (&self.metrics.listen, self.metrics.enabled) {
            (Some(listen), true) => listen
                .parse()
                .map(Some)
                .map_err(|_| format!("metrics.listen: `{listen}` is not host:port")),
            _ => Ok(None),
        }
    }

    /// Secure cookies everywhere except a plain-http issuer on a loopback host.
    pub fn secure_cookies(&self) -> bool {
        !self.issuer.starts_with("http://")
    }

    fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if let Err(e) = self.listen_addr() {
            problems.push(e);
        }
        match (self.metrics_listen_addr(), self.listen_addr()) {
            (Err(e), _) => problems.push(e),
            (Ok(Some(management)), Ok(public))
                if management == public && management.port() != 0 =>
            {
                problems.push(format!(
                    "metrics.listen: `{management}` is the public listener's address"
                ));
            }
            _ => {}
        }
        validate_issuer(&self.issuer, &mut problems);
        if let Some(tls) = &self.tls {
            if let Err(e) = crate::web::tls::server_config(&tls.cert_file, &tls.key_file) {
                problems.push(e);
            }
            if self.issuer.starts_with("http://") {
                problems.push(
                    "issuer: [tls] serves https, so the issuer must start with https://".into(),
                );
            }
        }
        if !matches!(self.log_format.as_str(), "text" | "json") {
            problems.push("log_format: must be `text` or `json`".into());
        }

        let t = &self.tokens;
        if !matches!(t.algorithm.as_str(), "RS256" | "ES256") {
            problems.push(format!(
                "tokens.algorithm: `{}` is not RS256 or ES256",
                t.algorithm
            ));
        }
        for (key, value) in [
            ("tokens.access_token_ttl", t.access_token_ttl),
            ("tokens.id_token_ttl", t.id_token_ttl),
            ("tokens.refresh_token_ttl", t.refresh_token_ttl),
            ("tokens.code_ttl", t.code_ttl),
            ("tokens.key_rotation", t.key_rotation),
            ("sessions.sso_ttl", self.sessions.sso_ttl),
            ("sessions.auth_request_ttl", self.sessions.auth_request_ttl),
            ("sessions.gc_interval", self.sessions.gc_interval),
            ("login_throttle.window", self.login_throttle.window),
        ] {
            if value.is_zero() {
                problems.push(format!("{key}: must be longer than zero"));
            }
        }
        if t.code_ttl > Duration::from_secs(600) {
            problems.push("tokens.code_ttl: at most 10m (RFC 6749 §4.1.2)".into());
        }
        let th = &self.login_throttle;
        if th.lock_after == 0 || th.lock_after_per_address == 0 {
            problems.push("login_throttle.lock_after: must be at least 1".into());
        }
        if th.slow_after > th.lock_after {
            problems.push("login_throttle.slow_after: must not exceed lock_after".into());
        }
        let ph = &self.password_hashing;
        if argon2::Params::new(ph.memory_kib, ph.iterations, ph.parallelism, None).is_err() {
            problems.push("password_hashing: not valid argon2 parameters".into());
        }

        let mut provider_ids = HashSet::new();
        for (i, provider) in self.providers.iter().enumerate() {
            let key = format!("providers[{i}]");
            if !is_token_safe(&provider.id) {
                problems.push(format!(
                    "{key}.id: `{}` must be 1-64 characters of A-Z a-z 0-9 _ -",
                    provider.id
                ));
            }
            if !provider_ids.insert(provider.id.as_str()) {
                problems.push(format!("{key}.id: `{}` is used twice", provider.id));
            }
            match &provider.kind {
                ProviderKind::Oidc(oidc) => validate_oidc(&key, oidc, &mut problems),
                ProviderKind::Facebook(fb) => validate_facebook(&key, fb, &mut problems),
                ProviderKind::CognitoHosted(c) => {
                    validate_upstream_url(&key, "domain", &c.domain, &mut problems);
                    if c.region.is_empty() || c.user_pool_id.is_empty() {
                        problems.push(format!("{key}: region and user_pool_id are required"));
                    }
                    validate_oidc(&key, &c.as_oidc(), &mut problems);
                }
                ProviderKind::Cognito(c) => validate_cognito(&key, c, &mut problems),
                ProviderKind::Local { users } => {
                    let mut names = HashSet::new();
                    for (j, user) in users.iter().enumerate() {
                        let key = format!("{key}.users[{j}]");
                        if user.username.trim().is_empty() {
                            problems.push(format!("{key}.username: must not be empty"));
                        }
                        if !names.insert(user.username.to_lowercase()) {
                            problems
                                .push(format!("{key}.username: `{}` is used twice", user.username));
                        }
                        if argon2::PasswordHash::new(&user.password_hash).is_err() {
                            problems.push(format!(
                                "{key}.password_hash: not a PHC hash string (make one with `authgate hash-password`)"
                            ));
                        }
                    }
                }
            }
        }

        let mut client_ids = HashSet::new();
        for (i, app) in self.apps.iter().enumerate() {
            let key = format!("apps[{i}]");
            if !is_token_safe(&app.client_id) {
                problems.push(format!(
                    "{key}.client_id: `{}` must be 1-64 characters of A-Z a-z 0-9 _ -",
                    app.client_id
                ));
            }
            if !client_ids.insert(app.client_id.as_str()) {
                problems.push(format!(
                    "{key}.client_id: `{}` is used twice",
                    app.client_id
                ));
            }
            match app.client_secret() {
                Ok(Some(secret)) if secret.len() < 16 => problems.push(format!(
                    "{key}.client_secret: the secret is shorter than 16 characters"
                )),
                Ok(_) => {}
                Err(e) => problems.push(format!("{key}.{e}")),
            }
            if app.redirect_uris.is_empty() {
                problems.push(format!("{key}.redirect_uris: at least one is required"));
            }
            for (j, uri) in app.redirect_uris.iter().enumerate() {
                if let Err(e) = crate::redirect_uri::validate_registered(uri) {
                    problems.push(format!("{key}.redirect_uris[{j}]: {e}"));
                }
            }
            for (j, uri) in app.logout_uris.iter().enumerate() {
                if let Err(e) = crate::redirect_uri::validate_registered(uri) {
                    problems.push(format!("{key}.logout_uris[{j}]: {e}"));
                }
            }
            for (j, origin) in app.web_origins.iter().flatten().enumerate() {
                if let Err(e) = crate::web::cors::parse_origin(origin) {
                    problems.push(format!("{key}.web_origins[{j}]: {e}"));
                }
            }
            if app.providers.is_empty() {
                problems.push(format!("{key}.providers: at least one is required"));
            }
            for (j, id) in app.providers.iter().enumerate() {
                if !self.providers.iter().any(|p| &p.id == id) {
                    problems.push(format!("{key}.providers[{j}]: no provider has id `{id}`"));
                }
            }
            if app.token_mode == TokenMode::Passthrough {
                let all_cognito = app.providers.iter().all(|id| {
                    self.providers
                        .iter()
                        .any(|p| &p.id == id && matches!(p.kind, ProviderKind::Cognito(_)))
                });
                if !all_cognito {
                    problems.push(format!(
                        "{key}.token_mode: `passthrough` hands out a user pool's own tokens, so every provider of the app must be `kind = \"cognito\"`"
                    ));
                }
            }
            if app.scopes.is_empty() {
                problems.push(format!(
                    "{key}.scopes: at least one is required (e.g. `openid`)"
                ));
            }
            for (j, scope) in app.scopes.iter().enumerate() {
                if scope.is_empty() || scope.chars().any(|c| c.is_whitespace() || c == '"') {
                    problems.push(format!("{key}.scopes[{j}]: `{scope}` is not a scope token"));
                }
            }
        }

        self.validate_aws(&mut problems);

        if self.demo.enabled {
            match self
                .apps
                .iter()
                .find(|a| a.client_id == self.demo.client_id)
            {
                None => problems.push(format!(
                    "demo.client_id: no app has client_id `{}`",
                    self.demo.client_id
                )),
                Some(app) => {
                    if app.client_secret_env.is_some() || app.client_secret_file.is_some() {
                        problems.push(
                            "demo.client_id: the demo signs in as a public app; this one has a secret"
                                .into(),
                        );
                    }
                    let callback = format!("{}/callback", self.issuer);
                    let allowed = crate::redirect_uri::RedirectUris::new(&app.redirect_uris)
                        .is_ok_and(|uris| uris.allows(&callback));
                    if !allowed {
                        problems.push(format!(
                            "demo.client_id: app `{}` must accept the redirect URI {callback}",
                            app.client_id
                        ));
                    }
                }
            }
        }
        problems
    }

    /// `[aws.identity_pool]` and the per-app and per-provider keys that use it.
    fn validate_aws(&self, problems: &mut Vec<String>) {
        let pool = self.aws.identity_pool.as_ref();
        if let Some(pool) = pool {
            let key = "aws.identity_pool";
            match pool.id.split_once(':') {
                Some((region, uuid))
                    if is_region(region)
                        && uuid.len() == 36
                        && uuid.chars().all(|c| c.is_ascii_hexdigit() || c == '-') => {}
                _ => problems.push(format!(
                    "{key}.id: `{}` is not an identity pool id (region:uuid)",
                    pool.id
                )),
            }
            if !is_region(&pool.region()) {
                problems.push(format!("{key}.region: `{}` is not a region", pool.region()));
            }
            for (name, value) in [
                ("endpoint_url", &pool.endpoint_url),
                ("sts_endpoint_url", &pool.sts_endpoint_url),
            ] {
                if let Some(value) = value {
                    validate_upstream_url(key, name, value, problems);
                }
            }
            if pool.flow == PoolFlow::Basic && pool.role_arn.is_none() {
                problems.push(format!(
                    "{key}.role_arn: the basic flow needs the role AssumeRoleWithWebIdentity assumes"
                ));
            }
            if pool.flow == PoolFlow::Basic && pool.allow_guest && pool.guest_role_arn.is_none() {
                problems.push(format!(
                    "{key}.guest_role_arn: the basic flow with allow_guest needs the guests' role"
                ));
            }
            for (name, value) in [
                ("role_arn", &pool.role_arn),
                ("guest_role_arn", &pool.guest_role_arn),
            ] {
                if let Some(arn) = value {
                    validate_role_arn(&format!("{key}.{name}"), arn, problems);
                }
            }
            if pool
                .developer_provider_name
                .as_deref()
                .is_some_and(|n| n.is_empty() || n.len() > 128)
            {
                problems.push(format!(
                    "{key}.developer_provider_name: 1-128 characters, as set on the pool"
                ));
            }
            if pool.timeout.is_zero() {
                problems.push(format!("{key}.timeout: must be longer than zero"));
            }
            if pool.max_attempts == 0 || pool.max_attempts > 10 {
                problems.push(format!("{key}.max_attempts: between 1 and 10"));
            }
            if pool.identity_id_ttl.is_zero() {
                problems.push(format!("{key}.identity_id_ttl: must be longer than zero"));
            }
            if let Some(path) = &pool.credentials_file
                && !path.is_file()
            {
                problems.push(format!(
                    "{key}.credentials_file: {} is not a file",
                    path.display()
                ));
            }
        }

        // Providers some app federates: is there a way to build their Logins?
        let mut federated = HashSet::new();
        for (i, app) in self.apps.iter().enumerate() {
            let key = format!("apps[{i}]");
            if app.aws_credentials {
                if pool.is_none() {
                    problems.push(format!(
                        "{key}.aws_credentials: needs an [aws.identity_pool] section"
                    ));
                }
                federated.extend(app.providers.iter().map(String::as_str));
            }
            if app.allow_guest {
                if !app.aws_credentials {
                    problems.push(format!("{key}.allow_guest: needs aws_credentials = true"));
                }
                if pool.is_some_and(|p| !p.allow_guest) {
                    problems.push(format!(
                        "{key}.allow_guest: needs aws.identity_pool.allow_guest = true"
                    ));
                }
            }
            if let Some(arn) = &app.custom_role_arn {
                validate_role_arn(&format!("{key}.custom_role_arn"), arn, problems);
            }
        }
        for (i, provider) in self.providers.iter().enumerate() {
            let key = format!("providers[{i}]");
            if let Some(arn) = &provider.custom_role_arn {
                validate_role_arn(&format!("{key}.custom_role_arn"), arn, problems);
            }
            let mode = provider.logins_mode();
            if mode == LoginsMode::Upstream && matches!(provider.kind, ProviderKind::Local { .. }) {
                problems.push(format!(
                    "{key}.logins: local users have no provider token to send; use `developer` or `self`"
                ));
            }
            if mode == LoginsMode::Developer
                && federated.contains(provider.id.as_str())
                && pool.is_some_and(|p| p.developer_provider_name.is_none())
            {
                problems.push(format!(
                    "{key}.logins: `developer` needs aws.identity_pool.developer_provider_name{}",
                    if provider.logins.is_none() {
                        " (the default for local users)"
                    } else {
                        ""
                    }
                ));
            }
        }
    }

    /// The argon2id hash `authgate hash-password` prints for `password`.
    pub fn hash_password(&self, password: &str) -> Result<String, String> {
        use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
        let ph = &self.password_hashing;
        let params = argon2::Params::new(ph.memory_kib, ph.iterations, ph.parallelism, None)
            .map_err(|e| e.to_string())?;
        let argon =
            argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let salt = SaltString::generate(&mut OsRng);
        argon
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| e.to_string())
    }
}

/// Upstream URLs are https; plain http only on loopback, where tests run their peers.
fn validate_upstream_url(key: &str, name: &str, value: &str, problems: &mut Vec<String>) {
    match url::Url::parse(value) {
        Err(_) => problems.push(format!("{key}.{name}: `{value}` is not an absolute URL")),
        Ok(url) => {
            let loopback = matches!(url.host_str(), Some("127.0.0.1" | "[::1]" | "localhost"));
            if url.scheme() != "https" && !(url.scheme() == "http" && loopback) {
                problems.push(format!(
                    "{key}.{name}: must be https (plain http only on loopback, for tests)"
                ));
            }
        }
    }
}

fn validate_cognito(key: &str, c: &CognitoSettings, problems: &mut Vec<String>) {
    let (prefix, name) = c.user_pool_id.split_once('_').unwrap_or(("", ""));
    if prefix.is_empty() || name.is_empty() || prefix != c.region {
        problems.push(format!(
            "{key}.user_pool_id: `{}` is not a pool id of region `{}` (like `{}_AbCdEf123`)",
            c.user_pool_id, c.region, c.region
        ));
    }
    if c.client_id.is_empty()
        || !c
            .client_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+')
    {
        problems.push(format!("{key}.client_id: not a Cognito app client id"));
    }
    if let Err(e) = c.client_secret() {
        problems.push(format!("{key}.{e}"));
    }
    if let Some(url) = &c.endpoint_url {
        validate_upstream_url(key, "endpoint_url", url, problems);
    }
    for (j, attr) in c.sign_up_attributes.iter().enumerate() {
        if attr.is_empty() || attr.len() > 32 || attr.chars().any(|ch| ch.is_whitespace()) {
            problems.push(format!(
                "{key}.sign_up_attributes[{j}]: `{attr}` is not an attribute name"
            ));
        }
    }
    if c.timeout.is_zero() {
        problems.push(format!("{key}.timeout: must be longer than zero"));
    }
}

fn validate_facebook(key: &str, fb: &FacebookSettings, problems: &mut Vec<String>) {
    validate_upstream_url(key, "dialog_base_url", &fb.dialog_base_url, problems);
    validate_upstream_url(key, "graph_base_url", &fb.graph_base_url, problems);
    if fb.app_id.is_empty() || !fb.app_id.bytes().all(|b| b.is_ascii_digit()) {
        problems.push(format!("{key}.app_id: must be Facebook's numeric app id"));
    }
    if let Err(e) = fb.app_secret() {
        problems.push(format!("{key}.{e}"));
    }
    if !fb.graph_version.starts_with('v') || fb.graph_version.contains('/') {
        problems.push(format!("{key}.graph_version: like `v19.0`"));
    }
    if fb.timeout.is_zero() {
        problems.push(format!("{key}.timeout: must be longer than zero"));
    }
}

fn validate_oidc(key: &str, oidc: &OidcSettings, problems: &mut Vec<String>) {
    for (name, value) in [
        ("issuer", Some(&oidc.issuer)),
        ("discovery_url", oidc.discovery_url.as_ref()),
        ("jwks_uri", oidc.jwks_uri.as_ref()),
        (
            "authorization_endpoint",
            oidc.authorization_endpoint.as_ref(),
        ),
        ("token_endpoint", oidc.token_endpoint.as_ref()),
    ] {
        if let Some(value) = value {
            validate_upstream_url(key, name, value, problems);
        }
    }
    if oidc.client_id.is_empty() {
        problems.push(format!("{key}.client_id: must not be empty"));
    }
    if let Err(e) = oidc.client_secret() {
        problems.push(format!("{key}.{e}"));
    }
    if !oidc.scopes.iter().any(|s| s == "openid") {
        problems.push(format!("{key}.scopes: must include `openid`"));
    }
    for ours in oidc.claim_mapping.keys() {
        if matches!(ours.as_str(), "sub" | "email_verified" | "iss" | "aud") {
            problems.push(format!("{key}.claim_mapping.{ours}: cannot be remapped"));
        }
    }
    if oidc.id_token_algorithms.is_empty() {
        problems.push(format!(
            "{key}.id_token_algorithms: at least one is required"
        ));
    }
    for (i, alg) in oidc.id_token_algorithms.iter().enumerate() {
        if !ALLOWED_ALGORITHMS.contains(&alg.as_str()) {
            problems.push(format!(
                "{key}.id_token_algorithms[{i}]: `{alg}` is not an asymmetric JWS algorithm"
            ));
        }
    }
    if oidc.timeout.is_zero() {
        problems.push(format!("{key}.timeout: must be longer than zero"));
    }
}

fn validate_issuer(issuer: &str, problems: &mut Vec<String>) {
    match url::Url::parse(issuer) {
        Err(_) => problems.push(format!("issuer: `{issuer}` is not an absolute URL")),
        Ok(url) => {
            let loopback = matches!(
                url.host_str(),
                Some("127.0.0.1") | Some("[::1]") | Some("localhost")
            );
            match url.scheme() {
                "https" => {}
                "http" if loopback => {}
                _ => problems.push(
                    "issuer: must be https (plain http only for 127.0.0.1, [::1] or localhost)"
                        .into(),
                ),
            }
            if url.query().is_some() || url.fragment().is_some() {
                problems.push("issuer: must not have a query or fragment".into());
            }
            if issuer.ends_with('/') {
                problems.push("issuer: must not end with `/`".into());
            }
        }
    }
}

/// `us-east-1`, `eu-west-2`, `us-gov-west-1`, ...
fn is_region(region: &str) -> bool {
    region.contains('-')
        && region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `arn:{partition}:iam::{account}:role/{path/name}`.
fn validate_role_arn(key: &str, arn: &str, problems: &mut Vec<String>) {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let ok = matches!(parts.as_slice(),
        ["arn", partition, "iam", "", account, resource]
            if partition.starts_with("aws")
                && account.len() == 12
                && account.chars().all(|c| c.is_ascii_digit())
                && resource.strip_prefix("role/").is_some_and(|r| !r.is_empty()));
    if !ok {
        problems.push(format!(
            "{key}: `{arn}` is not an IAM role ARN (arn:aws:iam::123456789012:role/name)"
        ));
    }
}

/// Ids that appear in URLs and cookies: short, and nothing that needs escaping.
fn is_token_safe(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// `AUTHGATE_TOKENS__ALGORITHM=ES256` sets `tokens.algorithm`; values are read as TOML scalars
/// (`5`, `true`) when they parse as one, else as strings.
fn apply_env_overrides(
    table: &mut toml::Table,
    env: impl IntoIterator<Item = (String, String)>,
) -> Result<(), ConfigError> {
    let mut problems = Vec::new();
    for (name, raw) in env {
        let Some(rest) = name.strip_prefix(ENV_PREFIX) else {
            continue;
        };
        let path: Vec<String> = rest.split("__").map(|s| s.to_ascii_lowercase()).collect();
        if !OVERRIDABLE.contains(&path[0].as_str()) {
            continue;
        }
        if let Err(segment) = set_path(table, &path, parse_env_value(&raw)) {
            problems.push(format!("{name}: `{segment}` is not a table"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ConfigError(problems))
    }
}

/// Sets `path` in `table`, creating tables on the way; `Err` names a segment that is a value.
fn set_path(table: &mut toml::Table, path: &[String], value: toml::Value) -> Result<(), String> {
    match path {
        [] => Ok(()),
        [last] => {
            table.insert(last.clone(), value);
            Ok(())
        }
        [first, rest @ ..] => {
            let entry = table
                .entry(first.clone())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            match entry {
                toml::Value::Table(inner) => set_path(inner, rest, value),
                _ => Err(first.clone()),
            }
        }
    }
}

fn parse_env_value(raw: &str) -> toml::Value {
    let probe = format!("v = {raw}");
    match toml::from_str::<toml::Table>(&probe) {
        Ok(mut t) => match t.remove("v") {
            Some(
                v @ (toml::Value::Integer(_) | toml::Value::Boolean(_) | toml::Value::Float(_)),
            ) => v,
            _ => toml::Value::String(raw.to_string()),
        },
        Err(_) => toml::Value::String(raw.to_string()),
    }
}

/// Algorithms a provider may be configured to sign ID tokens with.
pub const ALLOWED_ALGORITHMS: &[&str] = &[
    "RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Settings, ConfigError> {
        Settings::load(text, std::iter::empty())
    }

    #[test]
    fn embedded_default_is_valid() {
        let s = load(DEFAULT_CONFIG).expect("default config");
        assert_eq!(s.listen, "127.0.0.1:8080");
        assert_eq!(s.issuer, "http://127.0.0.1:8080");
        assert!(s.demo.enabled);
        assert!(!s.secure_cookies());
    }

    #[test]
    fn metrics_are_public_by_default_and_may_move_to_a_management_listener() {
        let s = load(DEFAULT_CONFIG).expect("default config");
        assert!(s.metrics.enabled);
        assert_eq!(s.metrics_listen_addr(), Ok(None));

        let env = [(
            "AUTHGATE_METRICS__LISTEN".to_string(),
            "127.0.0.1:9100".to_string(),
        )];
        let s = Settings::load(DEFAULT_CONFIG, env).expect("valid");
        assert_eq!(
            s.metrics_listen_addr(),
            Ok(Some("127.0.0.1:9100".parse().expect("addr")))
        );

        let bad = format!("{DEFAULT_CONFIG}\n[metrics]\nlisten = \"nine\"\n");
        let problems = load(&bad).expect_err("invalid").0;
        assert!(problems.iter().any(|p| p.starts_with("metrics.listen:")));
        let same = format!("{DEFAULT_CONFIG}\n[metrics]\nlisten = \"127.0.0.1:8080\"\n");
        let problems = load(&same).expect_err("invalid").0;
        assert!(
            problems
                .iter()
                .any(|p| p.contains("the public listener's address"))
        );
    }

    #[test]
    fn env_overrides_named_keys_and_nested_keys() {
        let env = [
            ("AUTHGATE_LISTEN".to_string(), "127.0.0.1:0".to_string()),
            ("AUTHGATE_DATA_DIR".to_string(), "/tmp/x".to_string()),
            (
                "AUTHGATE_TOKENS__ALGORITHM".to_string(),
                "ES256".to_string(),
            ),
            (
                "AUTHGATE_LOGIN_THROTTLE__SLOW_AFTER".to_string(),
                "2".to_string(),
            ),
            (
                "AUTHGATE_SOME_APP_SECRET".to_string(),
                "not a config key".to_string(),
            ),
        ];
        let s = Settings::load(DEFAULT_CONFIG, env).expect("valid");
        assert_eq!(s.listen, "127.0.0.1:0");
        assert_eq!(s.data_dir, PathBuf::from("/tmp/x"));
        assert_eq!(s.tokens.algorithm, "ES256");
        assert_eq!(s.login_throttle.slow_after, 2);
    }

    #[test]
    fn every_problem_is_reported_with_its_key() {
        let text = r#"
            listen = "nowhere"
            issuer = "http://auth.example.com/"
            data_dir = "./data"
            bogus = 1
            [tokens]
            algorithm = "HS256"
            [[apps]]
            client_id = "a b"
            name = "x"
            redirect_uris = ["myapp://cb#frag", "http://example.com/cb"]
            providers = ["nope"]
            scopes = []
        "#;
        let problems = load(text).expect_err("invalid").0;
        let joined = problems.join("\n");
        for needle in [
            "bogus: unknown key",
            "listen:",
            "issuer: must be https",
            "issuer: must not end with `/`",
            "tokens.algorithm:",
            "apps[0].client_id:",
            "apps[0].redirect_uris[0]:",
            "apps[0].redirect_uris[1]:",
            "apps[0].providers[0]: no provider has id `nope`",
            "apps[0].scopes:",
        ] {
            assert!(joined.contains(needle), "missing `{needle}` in:\n{joined}");
        }
    }

    #[test]
    fn a_type_error_names_its_key() {
        let text = "listen = \"127.0.0.1:1\"\nissuer = \"http://127.0.0.1:1\"\ndata_dir = \"d\"\n[login_throttle]\nslow_after = \"many\"\n";
        let problems = load(text).expect_err("invalid").0;
        assert!(
            problems[0].starts_with("login_throttle.slow_after"),
            "{problems:?}"
        );
    }

    #[test]
    fn oidc_providers_are_validated() {
        let text = r#"
            listen = "127.0.0.1:1"
            issuer = "http://127.0.0.1:1"
            data_dir = "d"
            [[providers]]
            id = "op"
            kind = "oidc"
            issuer = "http://op.example.com"
            client_id = ""
            scopes = ["email"]
            id_token_algorithms = ["RS256", "HS256", "none"]
            timeout = "0s"
            claim_mapping = { sub = "email" }
        "#;
        let joined = load(text).expect_err("invalid").0.join("\n");
        for needle in [
            "providers[0].issuer: must be https",
            "providers[0].client_id: must not be empty",
            "providers[0].scopes: must include `openid`",
            "providers[0].id_token_algorithms[1]: `HS256`",
            "providers[0].id_token_algorithms[2]: `none`",
            "providers[0].timeout:",
            "providers[0].claim_mapping.sub: cannot be remapped",
        ] {
            assert!(joined.contains(needle), "missing `{needle}` in:\n{joined}");
        }
        let good = text
            .replace("http://op.example.com", "https://op.example.com")
            .replace("client_id = \"\"", "client_id = \"authgate\"")
            .replace("[\"email\"]", "[\"openid\"]")
            .replace(", \"HS256\", \"none\"", "")
            .replace("\"0s\"", "\"5s\"")
            .replace("claim_mapping = { sub = \"email\" }", "");
        let settings = load(&good).expect("valid");
        assert!(
            matches!(&settings.providers[0].kind, ProviderKind::Oidc(o) if o.issuer == "https://op.example.com")
        );
    }

    #[test]
    fn a_missing_client_secret_variable_is_reported() {
        let text = r#"
            listen = "127.0.0.1:1"
            issuer = "http://127.0.0.1:1"
            data_dir = "d"
            [[providers]]
            id = "local"
            kind = "local"
            [[apps]]
            client_id = "web"
            name = "Web"
            client_secret_env = "AUTHGATE_TEST_SECRET_THAT_IS_NOT_SET"
            redirect_uris = ["https://app.example.com/cb"]
            providers = ["local"]
            scopes = ["openid"]
        "#;
        let problems = load(text).expect_err("invalid").0;
        assert!(
            problems
                .iter()
                .any(|p| p.contains("AUTHGATE_TEST_SECRET_THAT_IS_NOT_SET"))
        );
    }

    const POOL_BASE: &str = r#"
        listen = "127.0.0.1:1"
        issuer = "http://127.0.0.1:1"
        data_dir = "d"
        [[providers]]
        id = "local"
        kind = "local"
        [[apps]]
        client_id = "app"
        name = "App"
        redirect_uris = ["myapp://cb"]
        providers = ["local"]
        scopes = ["openid"]
        aws_credentials = true
    "#;

    #[test]
    fn identity_pool_problems_name_their_keys() {
        let text = format!(
            r#"{POOL_BASE}
        allow_guest = true
        custom_role_arn = "not-an-arn"
        [[providers]]
        id = "local2"
        kind = "local"
        logins = "upstream"
        [aws.identity_pool]
        id = "nope"
        flow = "basic"
        allow_guest = false
        endpoint_url = "http://cognito.example.com"
        max_attempts = 0
        "#
        );
        let joined = load(&text).expect_err("invalid").0.join("\n");
        for needle in [
            "aws.identity_pool.id: `nope` is not an identity pool id",
            "aws.identity_pool.role_arn: the basic flow needs",
            "aws.identity_pool.endpoint_url: must be https",
            "aws.identity_pool.max_attempts:",
            "apps[0].allow_guest: needs aws.identity_pool.allow_guest = true",
            "apps[0].custom_role_arn: `not-an-arn` is not an IAM role ARN",
            "providers[1].logins: local users have no provider token",
            "providers[0].logins: `developer` needs aws.identity_pool.developer_provider_name (the default for local users)",
        ] {
            assert!(joined.contains(needle), "missing `{needle}` in:\n{joined}");
        }
    }

    #[test]
    fn aws_credentials_need_a_pool_and_a_good_pool_loads() {
        let joined = load(POOL_BASE).expect_err("no pool").0.join("\n");
        assert!(
            joined.contains("apps[0].aws_credentials: needs an [aws.identity_pool] section"),
            "{joined}"
        );
        let good = format!(
            r#"{POOL_BASE}
        [aws.identity_pool]
        id = "eu-west-1:0f3c1d2e-aaaa-bbbb-cccc-0123456789ab"
        developer_provider_name = "login.example.com"
        "#
        );
        let settings = load(&good).expect("valid");
        let pool = settings.aws.identity_pool.expect("pool");
        assert_eq!(pool.region(), "eu-west-1");
        assert_eq!(pool.flow, PoolFlow::Enhanced);
        assert_eq!(settings.apps[0].aws_failure, AwsFailure::FailLogin);
        assert_eq!(settings.providers[0].logins_mode(), LoginsMode::Developer);
    }

    #[test]
    fn the_identity_pool_can_be_set_from_the_environment() {
        let text = format!("{POOL_BASE}\n[aws.identity_pool]\nid = \"x\"\n");
        let env = [
            (
                "AUTHGATE_AWS__IDENTITY_POOL__ID".to_string(),
                "us-east-1:0f3c1d2e-aaaa-bbbb-cccc-0123456789ab".to_string(),
            ),
            (
                "AUTHGATE_AWS__IDENTITY_POOL__DEVELOPER_PROVIDER_NAME".to_string(),
                "dev".to_string(),
            ),
        ];
        let s = Settings::load(&text, env).expect("valid");
        assert_eq!(
            s.aws.identity_pool.expect("pool").region(),
            "us-east-1",
            "region from the id"
        );
    }

    #[test]
    fn the_identity_pool_example_is_valid() {
        let example = include_str!("../config/examples/identity-pool.toml");
        let text = format!(
            "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n\
             [[providers]]\nid = \"local\"\nkind = \"local\"\n{example}"
        );
        let settings = load(&text).expect("the example loads");
        assert!(settings.apps[0].aws_credentials);
        assert_eq!(
            settings
                .aws
                .identity_pool
                .expect("pool")
                .developer_provider_name
                .as_deref(),
            Some("login.example.com")
        );
    }

    #[test]
    fn the_cognito_example_is_valid() {
        let example = include_str!("../config/examples/cognito.toml");
        let text = format!(
            "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n{example}"
        );
        let settings = load(&text).expect("the example loads");
        let ProviderKind::Cognito(pool) = &settings.providers[0].kind else {
            panic!("a cognito provider");
        };
        assert_eq!(pool.auth_flow, CognitoAuthFlow::UserSrpAuth);
        assert_eq!(
            pool.issuer(),
            "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI"
        );
        assert_eq!(settings.apps[1].token_mode, TokenMode::Passthrough);
    }

    #[test]
    fn cognito_settings_are_checked_with_key_names() {
        let text = "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n\
            [[providers]]\nid = \"pool\"\nkind = \"cognito\"\nregion = \"eu-west-1\"\n\
            user_pool_id = \"us-east-1_Abc\"\nclient_id = \"bad id!\"\nendpoint_url = \"http://example.com\"\n\
            timeout = \"0s\"\n\
            [[apps]]\nclient_id = \"a\"\nname = \"A\"\nredirect_uris = [\"a://cb\"]\nproviders = [\"pool\"]\n\
            scopes = [\"openid\"]\n";
        let err = load(text).expect_err("refused").to_string();
        for key in [
            "providers[0].user_pool_id",
            "providers[0].client_id",
            "providers[0].endpoint_url",
            "providers[0].timeout",
        ] {
            assert!(err.contains(key), "{key} in {err}");
        }
    }

    /// A certificate for 127.0.0.1 and its key, written as PEM files into `dir`.
    fn write_cert(dir: &std::path::Path, name: &str) -> (PathBuf, PathBuf) {
        let certified =
            rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()]).expect("certificate");
        let cert = dir.join(format!("{name}.crt"));
        let key = dir.join(format!("{name}.key"));
        std::fs::write(&cert, certified.cert.pem()).expect("write cert");
        std::fs::write(&key, certified.key_pair.serialize_pem()).expect("write key");
        (cert, key)
    }

    /// The default config on https with a `[tls]` section (a table header after the arrays of
    /// tables is still a top-level table), without the demo page (its app's redirect URI is
    /// the plain-http one).
    fn with_tls(cert: &std::path::Path, key: &std::path::Path) -> String {
        format!(
            "{}\n[tls]\ncert_file = \"{}\"\nkey_file = \"{}\"\n",
            DEFAULT_CONFIG
                .replace("issuer = \"http://", "issuer = \"https://")
                .replace("enabled = true ", "enabled = false "),
            cert.display(),
            key.display()
        )
    }

    #[test]
    fn tls_files_that_parse_and_match_are_accepted() {
        let dir = tempfile::tempdir().expect("tmp");
        let (cert, key) = write_cert(dir.path(), "a");
        let settings = load(&with_tls(&cert, &key)).expect("valid");
        let tls = settings.tls.expect("tls section");
        assert_eq!(tls.cert_file, cert);
        assert!(crate::web::tls::server_config(&tls.cert_file, &tls.key_file).is_ok());
    }

    #[test]
    fn tls_problems_name_their_key() {
        let dir = tempfile::tempdir().expect("tmp");
        let (cert, key) = write_cert(dir.path(), "a");
        let (_, other_key) = write_cert(dir.path(), "b");
        let garbage = dir.path().join("garbage.pem");
        std::fs::write(&garbage, "not PEM at all\n").expect("write");
        let missing = dir.path().join("missing.pem");

        let cases = [
            (&missing, &key, "tls.cert_file: cannot read"),
            (&cert, &missing, "tls.key_file: cannot read"),
            (&garbage, &key, "tls.cert_file:"),
            (&cert, &garbage, "tls.key_file:"),
            // A key is not a certificate, and a certificate is not a key.
            (&key, &key, "tls.cert_file:"),
            (&cert, &cert, "tls.key_file:"),
            (&cert, &other_key, "tls.key_file: the key in"),
        ];
        for (cert_file, key_file, expected) in cases {
            let err = load(&with_tls(cert_file, key_file))
                .expect_err("refused")
                .to_string();
            assert!(
                err.contains(expected),
                "{} + {}: `{expected}` in {err}",
                cert_file.display(),
                key_file.display()
            );
        }
    }

    #[test]
    fn tls_needs_an_https_issuer() {
        let dir = tempfile::tempdir().expect("tmp");
        let (cert, key) = write_cert(dir.path(), "a");
        let text = with_tls(&cert, &key).replace("https://127.0.0.1", "http://127.0.0.1");
        let err = load(&text).expect_err("refused").to_string();
        assert!(err.contains("issuer: [tls] serves https"), "{err}");
    }

    #[test]
    fn tls_files_come_from_the_environment_too() {
        let dir = tempfile::tempdir().expect("tmp");
        let (cert, key) = write_cert(dir.path(), "a");
        let env = [
            (
                "AUTHGATE_ISSUER".to_string(),
                "https://127.0.0.1:8080".to_string(),
            ),
            ("AUTHGATE_DEMO__ENABLED".to_string(), "false".to_string()),
            (
                "AUTHGATE_TLS__CERT_FILE".to_string(),
                cert.display().to_string(),
            ),
            (
                "AUTHGATE_TLS__KEY_FILE".to_string(),
                key.display().to_string(),
            ),
        ];
        let settings = Settings::load(DEFAULT_CONFIG, env).expect("valid");
        let tls = settings.tls.expect("tls from the environment");
        assert_eq!((tls.cert_file, tls.key_file), (cert, key));

        // Half a section is named, not ignored.
        let env = [(
            "AUTHGATE_TLS__CERT_FILE".to_string(),
            "/nowhere.pem".to_string(),
        )];
        let err = Settings::load(DEFAULT_CONFIG, env)
            .expect_err("refused")
            .to_string();
        assert!(err.contains("tls") && err.contains("key_file"), "{err}");
    }
}
