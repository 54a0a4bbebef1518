//! `authgate import amplify <file>`: an Amplify or AWSMobileClient app's configuration →
//! the authgate config that serves that app once its domain (and user-pool endpoint) point at
//! authgate.
//!
//! Four files are read, recognised by their content rather than their name (apps rename them):
//! - Gen 2's `amplify_outputs.json` (`auth.user_pool_id`, `auth.oauth.*`);
//! - Gen 1's `aws-exports.js`, and the web `amplifyconfiguration.json` that holds the same
//!   object as JSON (`aws_user_pools_id`, `oauth.*`);
//! - Gen 1's mobile `amplifyconfiguration.json` (`auth.plugins.awsCognitoAuthPlugin`), whose
//!   plugin object is an AWSMobileClient configuration;
//! - AWSMobileClient's `awsconfiguration.json` (`CognitoUserPool`, `Auth.Default.OAuth`,
//!   `CredentialsProvider`).
//!
//! What they carry becomes: an `[[apps]]` entry whose `client_id` is the one the app already
//! sends (so the app's code does not change), a `kind = "cognito"` provider for its user pool
//! (authgate's own pages, signing in through the pool's API), and `[aws.identity_pool]` with
//! credentials for the app when the file names an identity pool. What cannot be carried (a
//! secret, which these files should not hold; social and SAML providers, whose secrets live in
//! the Cognito console; pool settings the pool itself enforces) becomes a note at the top of the
//! printed config, one per value.

mod read;
mod render;

pub use read::Format;

/// What an Amplify file says about authentication, in authgate's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmplifyAuth {
    pub format: Format,
    /// The user pool (`us-east-1_AbCdEf123`) and its region.
    pub user_pool_id: String,
    pub region: String,
    /// The app client the pool is signed into through its API (SRP).
    pub pool_client_id: String,
    /// The client id the app sends to `/oauth2/authorize` (AWSMobileClient may name a second
    /// app client for the hosted UI; everywhere else it is the pool's client).
    pub app_client_id: String,
    pub auth_flow: Option<String>,
    /// Attributes the pool requires at sign-up, as Cognito names them (`email`, `phone_number`).
    pub sign_up_attributes: Vec<String>,
    pub identity_pool_id: Option<String>,
    /// The identity pool allows guests (only Gen 2 records it).
    pub allow_guest: Option<bool>,
    pub oauth: Option<HostedUi>,
    /// One line per value that could not be carried over.
    pub notes: Vec<String>,
}

/// The hosted-UI half: what the app opens in the browser.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostedUi {
    /// The Cognito domain the app names today: the one value the user changes in the app.
    pub domain: Option<String>,
    pub redirect_sign_in: Vec<String>,
    pub redirect_sign_out: Vec<String>,
    pub scopes: Vec<String>,
    /// Social and SAML providers the pool federates (`GOOGLE`, `SIGN_IN_WITH_APPLE`, names).
    pub identity_providers: Vec<String>,
    pub response_type: Option<String>,
}

/// Why a file could not be imported, naming the file's field (`auth.user_pool_id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError(pub String);

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ImportError {}

/// Where authgate will be reached: the printed config's `issuer`.
pub const DEFAULT_ISSUER: &str = "https://login.example.com";

/// Reads `text` (any of the four files) and prints the authgate config for it, `issuer` being
/// authgate's public URL.
pub fn import(text: &str, issuer: &str) -> Result<String, ImportError> {
    let auth = read::read(text)?;
    Ok(render::render(&auth, issuer))
}

pub use read::read;

#[cfg(test)]
mod tests;
