//! Where users actually sign in. Today: the built-in local user list. Upstream providers
//! (OIDC, Cognito, Facebook, SAML) join [`ProviderKind`] as they land.

mod identity;
pub mod local;
pub mod oidc;

pub use identity::Identity;

use crate::config::{ProviderKind as ProviderSettingsKind, Settings};

pub enum ProviderKind {
    Local(local::LocalUsers),
    Oidc(Box<oidc::OidcConnector>),
}

impl ProviderKind {
    /// CSS hook for the picker button.
    pub fn css_kind(&self) -> &'static str {
        match self {
            ProviderKind::Local(_) => "local",
            ProviderKind::Oidc(_) => "oidc",
        }
    }
}

pub struct Provider {
    pub id: String,
    pub display_name: String,
    pub kind: ProviderKind,
}

/// Every configured provider, in config order.
pub struct ProviderRegistry {
    providers: Vec<Provider>,
}

impl ProviderRegistry {
    pub fn from_settings(settings: &Settings) -> Result<Self, String> {
        let mut providers = Vec::new();
        for p in &settings.providers {
            let display_name = p.name.clone().unwrap_or_else(|| p.id.clone());
            let kind = match &p.kind {
                ProviderSettingsKind::Local { users } => {
                    ProviderKind::Local(local::LocalUsers::new(&p.id, users))
                }
                ProviderSettingsKind::Oidc(oidc) => ProviderKind::Oidc(Box::new(
                    oidc::OidcConnector::new(&p.id, &display_name, oidc, &settings.issuer)?,
                )),
            };
            providers.push(Provider {
                id: p.id.clone(),
                display_name,
                kind,
            });
        }
        Ok(Self { providers })
    }

    pub fn get(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Provider> {
        self.providers.iter()
    }
}
