//! Each kind's settings, parsed from the raw rest of its `[[providers]]` table (dex's
//! `Config.Open`): the catalogue config is handed, because config sits below the connectors
//! and cannot name their settings types.
//!
//! Why this shape: config keeps what every provider has (id, name, `logins`, role) and the
//! rest of the table raw; [`PROVIDER_KINDS`] turns that rest into [`KindSettings`], checks it
//! and answers the few questions config and federation ask of a kind (its Logins, whether a
//! passthrough app may use it). It runs inside `config::Settings::load`, in the same pass as
//! every other key, so a type error here is reported exactly as before (`providers[i]: …`,
//! first error only) and the problems keep their order. The serde-tagged enum below is the one
//! place that lists every kind; `ProviderRegistry::from_settings` opens each from it.

use super::amazon::settings::AmazonSettings;
use super::apple::settings::AppleSettings;
use super::cognito::settings::CognitoSettings;
use super::facebook::settings::FacebookSettings;
use super::local::settings::{LocalSettings, NO_UPSTREAM_LOGINS};
use super::oidc::hosted::CognitoHostedSettings;
use super::oidc::settings::OidcSettings;
#[cfg(feature = "saml")]
use super::saml::SamlSettings;
use crate::config::{self, ProviderSettings, UpstreamLogins};
use serde::Deserialize;
use std::sync::Arc;

/// The settings of one provider, by kind (`kind = "…"` in its table).
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum KindSettings {
    Local(LocalSettings),
    Oidc(Box<OidcSettings>),
    Facebook(Box<FacebookSettings>),
    Amazon(Box<AmazonSettings>),
    Apple(Box<AppleSettings>),
    CognitoHosted(Box<CognitoHostedSettings>),
    Cognito(Box<CognitoSettings>),
    #[cfg(feature = "saml")]
    Saml(Box<SamlSettings>),
}

/// Why `kind = "saml"` is refused by a build without SAML support.
pub const SAML_NOT_BUILT: &str = "kind = \"saml\" needs authgate built with the `saml` cargo feature (cargo build --release --features saml; it needs libxmlsec1, see scripts/install-peers.sh)";

/// A SAML provider has no token of its own an identity pool takes unless it opts in to
/// passthrough (which needs the IdP to address the assertion to AWS); federate authgate's own
/// ID token.
#[cfg(feature = "saml")]
const SAML_NO_UPSTREAM_LOGINS: &str = "a SAML provider has no provider token to send without aws_saml_provider_arn (passthrough); use `self` (or `developer`)";

impl KindSettings {
    pub fn as_local(&self) -> Option<&LocalSettings> {
        match self {
            KindSettings::Local(local) => Some(local),
            _ => None,
        }
    }

    pub fn as_cognito(&self) -> Option<&CognitoSettings> {
        match self {
            KindSettings::Cognito(pool) => Some(pool),
            _ => None,
        }
    }
}

impl config::KindSettings for KindSettings {
    fn kind(&self) -> &'static str {
        match self {
            KindSettings::Local(_) => "local",
            KindSettings::Oidc(_) => "oidc",
            KindSettings::Facebook(_) => "facebook",
            KindSettings::Amazon(_) => "amazon",
            KindSettings::Apple(_) => "apple",
            KindSettings::CognitoHosted(_) => "cognito-hosted",
            KindSettings::Cognito(_) => "cognito",
            #[cfg(feature = "saml")]
            KindSettings::Saml(_) => "saml",
        }
    }

    fn check(&self, key: &str, problems: &mut Vec<String>) {
        match self {
            KindSettings::Local(local) => local.check(key, problems),
            KindSettings::Oidc(oidc) => oidc.check(key, problems),
            KindSettings::Facebook(fb) => fb.check(key, problems),
            KindSettings::Amazon(amazon) => amazon.check(key, problems),
            KindSettings::Apple(apple) => apple.check(key, problems),
            KindSettings::CognitoHosted(pool) => pool.check(key, problems),
            KindSettings::Cognito(pool) => pool.check(key, problems),
            #[cfg(feature = "saml")]
            KindSettings::Saml(saml) => {
                // The ACS depends on the issuer, which the registry knows; every other key,
                // file and certificate is read and checked here, with the rest of the config.
                if let Err(found) = saml.resolve(key, "check", "https://check.invalid/acs") {
                    problems.extend(found);
                }
            }
        }
    }

    fn upstream_logins(&self) -> Result<UpstreamLogins, &'static str> {
        match self {
            KindSettings::Local(_) => Err(NO_UPSTREAM_LOGINS),
            KindSettings::Oidc(oidc) => Ok(oidc.upstream_logins()),
            KindSettings::Facebook(fb) => Ok(fb.upstream_logins()),
            KindSettings::Amazon(amazon) => Ok(amazon.upstream_logins()),
            KindSettings::Apple(apple) => Ok(apple.upstream_logins()),
            KindSettings::CognitoHosted(pool) => Ok(pool.upstream_logins()),
            KindSettings::Cognito(pool) => Ok(pool.upstream_logins()),
            #[cfg(feature = "saml")]
            // Passthrough, when the provider names its IAM SAML provider: the SAMLResponse,
            // kept by the connector as the provider's access token, under that ARN.
            KindSettings::Saml(saml) => saml
                .aws_saml_provider_arn
                .clone()
                .map(|key| UpstreamLogins::AccessToken { key })
                .ok_or(SAML_NO_UPSTREAM_LOGINS),
        }
    }

    fn hands_out_pool_tokens(&self) -> bool {
        matches!(self, KindSettings::Cognito(_))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The catalogue of kinds `config::Settings::load` is handed.
pub struct Kinds;

/// Every provider kind authgate knows; what `Settings::load` parses `[[providers]]` with.
pub static PROVIDER_KINDS: Kinds = Kinds;

impl config::ProviderKinds for Kinds {
    fn parse(&self, table: toml::Table) -> Result<Arc<dyn config::KindSettings>, String> {
        if cfg!(not(feature = "saml"))
            && table.get("kind").and_then(toml::Value::as_str) == Some("saml")
        {
            return Err(SAML_NOT_BUILT.to_string());
        }
        // Through the same serde machinery as when config held this enum, so that every
        // message (unknown kind, missing field, bad type) reads as it did.
        let settings: KindSettings = toml::Value::Table(table)
            .try_into()
            .map_err(|e: toml::de::Error| e.message().to_string())?;
        Ok(Arc::new(settings))
    }
}

/// The kind settings a provider was loaded with (`None` only for settings not made by
/// [`PROVIDER_KINDS`], which `Settings::load` never produces).
pub fn of(provider: &ProviderSettings) -> Option<&KindSettings> {
    provider.own.as_any().downcast_ref::<KindSettings>()
}

/// Whether the provider is a Cognito hosted UI: the one an app sends IdP names that are not
/// ours to (Cognito's `identity_provider`).
pub fn is_cognito_hosted_ui(provider: &ProviderSettings) -> bool {
    matches!(of(provider), Some(KindSettings::CognitoHosted(_)))
}
