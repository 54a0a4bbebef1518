//! Settings of the service itself: tokens, sessions, the password throttle, password hashing,
//! the demo app, TLS.

use super::*;

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

/// The client id of the account pages' own app (`[account]`); no configured app may use it.
pub const ACCOUNT_CLIENT_ID: &str = "authgate-account";

/// `[account]`: `/account`, where a signed-in user sees their profile and where they are
/// signed in, ends one session or all of them; with JSON twins under `/account/api/`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct AccountSettings {
    /// Serve `/account` and `/account/api/...`.
    pub enabled: bool,
    /// A sensitive change (signing out everywhere) needs a sign-in at most this old; an older
    /// one is sent through sign-in again first (like `prompt=login`), then back to the change.
    #[serde(with = "humantime_serde")]
    pub reauth_after: Duration,
    /// What the sign-in pages call the account pages ("Sign in to …").
    pub name: String,
    /// The attributes a Cognito pool user may change on `/account/profile` (a changed
    /// `email` or `phone_number` counts once verified by the code the pool sends).
    pub editable_attributes: Vec<String>,
    /// Whether a Cognito pool user may delete their own account (`/account/delete`).
    pub allow_delete: bool,
}

impl Default for AccountSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            reauth_after: Duration::from_secs(300),
            name: "Your account".into(),
            editable_attributes: ["name", "given_name", "family_name", "email", "phone_number"]
                .map(String::from)
                .to_vec(),
            allow_delete: false,
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

impl Settings {
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

/// `[ui]`: the hosted pages.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct UiSettings {
    /// A directory of the operator's Fluent catalogues, `<dir>/<lang>/*.ftl`, that override or
    /// add messages of that language; read at start, and a file that does not parse (or gives
    /// a message a variable authgate does not pass) stops start-up.
    pub locales_dir: Option<std::path::PathBuf>,
}
