//! `kind = "cognito"`: a user pool's keys, their checks, and the pool's Logins key (which
//! `kind = "cognito-hosted"` shares).

use crate::config::{Secret, UpstreamLogins, read_secret, validate_upstream_url};
use crate::connectors::oidc::settings::{default_true, default_upstream_timeout};
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

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

/// The Logins key of a Cognito user pool.
pub fn user_pool_login_key(region: &str, user_pool_id: &str) -> String {
    format!("cognito-idp.{region}.amazonaws.com/{user_pool_id}")
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

    /// The pool's ID token, under the pool's key.
    pub fn upstream_logins(&self) -> UpstreamLogins {
        UpstreamLogins::IdToken {
            key: user_pool_login_key(&self.region, &self.user_pool_id),
        }
    }

    /// Every key of this provider (`key` is `providers[i]`).
    pub fn check(&self, key: &str, problems: &mut Vec<String>) {
        let (prefix, name) = self.user_pool_id.split_once('_').unwrap_or(("", ""));
        if prefix.is_empty() || name.is_empty() || prefix != self.region {
            problems.push(format!(
                "{key}.user_pool_id: `{}` is not a pool id of region `{}` (like `{}_AbCdEf123`)",
                self.user_pool_id, self.region, self.region
            ));
        }
        if self.client_id.is_empty()
            || !self
                .client_id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+')
        {
            problems.push(format!("{key}.client_id: not a Cognito app client id"));
        }
        if let Err(e) = self.client_secret() {
            problems.push(format!("{key}.{e}"));
        }
        if let Some(url) = &self.endpoint_url {
            validate_upstream_url(key, "endpoint_url", url, problems);
        }
        for (j, attr) in self.sign_up_attributes.iter().enumerate() {
            if attr.is_empty() || attr.len() > 32 || attr.chars().any(|ch| ch.is_whitespace()) {
                problems.push(format!(
                    "{key}.sign_up_attributes[{j}]: `{attr}` is not an attribute name"
                ));
            }
        }
        if self.timeout.is_zero() {
            problems.push(format!("{key}.timeout: must be longer than zero"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_user_pool_key_is_the_aws_form() {
        assert_eq!(
            user_pool_login_key("eu-west-1", "eu-west-1_AbC"),
            "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC"
        );
    }
}
