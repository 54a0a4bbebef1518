//! Where users actually sign in. Today: the built-in local user list. Upstream providers
//! (OIDC, Cognito, Facebook, SAML) join [`ProviderKind`] as they land.

mod identity;
pub mod local;

pub use identity::Identity;

use crate::config::{ProviderKind as ProviderSettingsKind, Settings};

pub enum ProviderKind {
    Local(local::LocalUsers),
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
    pub fn from_settings(settings: &Settings) -> Self {
        let providers = settings
            .providers
            .iter()
            .map(|p| Provider {
                id: p.id.clone(),
                display_name: p.name.clone().unwrap_or_else(|| p.id.clone()),
                kind: match &p.kind {
                    ProviderSettingsKind::Local { users } => {
                        ProviderKind::Local(local::LocalUsers::new(&p.id, users))
                    }
                },
            })
            .collect();
        Self { providers }
    }

    pub fn get(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Provider> {
        self.providers.iter()
    }
}
