//! `[aws.identity_pool]` and the per-app and per-provider keys that federate into it.

use super::checks::*;
use super::*;

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

/// What a provider's users are federated with under `logins = "upstream"`: the Logins key
/// and which of the provider's tokens goes under it. Each kind's connector says which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpstreamLogins {
    /// The provider's ID token (an OpenID provider's, a user pool's).
    IdToken { key: String },
    /// The provider's access token (Facebook, which has no ID token).
    AccessToken { key: String },
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

pub(super) fn default_aws_timeout() -> Duration {
    Duration::from_secs(5)
}

pub(super) fn default_aws_attempts() -> u32 {
    3
}

pub(super) fn default_refresh_before() -> Duration {
    Duration::from_secs(300)
}

pub(super) fn default_identity_id_ttl() -> Duration {
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

impl Settings {
    /// `[aws.identity_pool]` and the per-app and per-provider keys that use it.
    pub(super) fn validate_aws(&self, problems: &mut Vec<String>) {
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
            if mode == LoginsMode::Upstream
                && let Err(why) = provider.own.upstream_logins()
            {
                problems.push(format!("{key}.logins: {why}"));
            }
            // AWS takes a SAMLResponse in Logins on the enhanced flow only.
            if mode == LoginsMode::Upstream
                && provider.kind == "saml"
                && provider.own.upstream_logins().is_ok()
                && pool.is_some_and(|p| p.flow == PoolFlow::Basic)
            {
                problems.push(format!(
                    "{key}.logins: a SAMLResponse (aws_saml_provider_arn) federates only with aws.identity_pool.flow = \"enhanced\""
                ));
            }
            if mode == LoginsMode::Developer
                && federated.contains(provider.id.as_str())
                && pool.is_some_and(|p| p.developer_provider_name.is_none())
            {
                problems.push(format!(
                    "{key}.logins: `developer` needs aws.identity_pool.developer_provider_name{}",
                    if provider.logins.is_none() {
                        // Only a kind without a provider token defaults to `developer`.
                        format!(" (the default for {} users)", provider.kind)
                    } else {
                        String::new()
                    }
                ));
            }
        }
    }
}
