//! `[[providers]]`: the settings of every provider kind, and their checks. (Each connector will
//! own its settings; until then they live here, below the connectors that read them.)

use super::checks::*;
use super::*;

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

pub(super) fn default_sign_up_attributes() -> Vec<String> {
    vec!["email".into()]
}

pub(super) fn default_device_ttl() -> Duration {
    Duration::from_secs(90 * 24 * 3600)
}

impl CognitoSettings {
    pub fn client_secret(&self) -> Result<Option<Secret>, String> {
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

pub(super) fn default_facebook_scopes() -> Vec<String> {
    vec!["public_profile".into(), "email".into()]
}

pub(super) fn default_graph_version() -> String {
    "v19.0".into()
}

pub(super) fn default_facebook_dialog() -> String {
    "https://www.facebook.com".into()
}

pub(super) fn default_facebook_graph() -> String {
    "https://graph.facebook.com".into()
}

impl FacebookSettings {
    pub fn app_secret(&self) -> Result<Secret, String> {
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

pub(super) fn default_true() -> bool {
    true
}

pub(super) fn default_oidc_scopes() -> Vec<String> {
    vec!["openid".into(), "email".into(), "profile".into()]
}

pub(super) fn default_id_token_algorithms() -> Vec<String> {
    vec!["RS256".into()]
}

pub(super) fn default_upstream_timeout() -> Duration {
    Duration::from_secs(10)
}

impl OidcSettings {
    pub fn client_secret(&self) -> Result<Option<Secret>, String> {
        read_secret(&self.client_secret_env, &self.client_secret_file)
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

impl Settings {
    /// Every `[[providers]]` entry: ids, and each kind's own keys.
    pub(super) fn check_providers(&self, problems: &mut Vec<String>) {
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
                ProviderKind::Oidc(oidc) => validate_oidc(&key, oidc, problems),
                ProviderKind::Facebook(fb) => validate_facebook(&key, fb, problems),
                ProviderKind::CognitoHosted(c) => {
                    validate_upstream_url(&key, "domain", &c.domain, problems);
                    if c.region.is_empty() || c.user_pool_id.is_empty() {
                        problems.push(format!("{key}: region and user_pool_id are required"));
                    }
                    validate_oidc(&key, &c.as_oidc(), problems);
                }
                ProviderKind::Cognito(c) => validate_cognito(&key, c, problems),
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
    }
}

/// Upstream URLs are https; plain http only on loopback, where tests run their peers.
pub(super) fn validate_upstream_url(
    key: &str,
    name: &str,
    value: &str,
    problems: &mut Vec<String>,
) {
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

pub(super) fn validate_cognito(key: &str, c: &CognitoSettings, problems: &mut Vec<String>) {
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

pub(super) fn validate_facebook(key: &str, fb: &FacebookSettings, problems: &mut Vec<String>) {
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

pub(super) fn validate_oidc(key: &str, oidc: &OidcSettings, problems: &mut Vec<String>) {
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

/// Algorithms a provider may be configured to sign ID tokens with.
pub const ALLOWED_ALGORITHMS: &[&str] = &[
    "RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA",
];
