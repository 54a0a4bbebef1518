//! The authorization server and OpenID Provider for registered apps. Protocol logic lives in
//! the submodules, callable without HTTP; `endpoints` is the thin axum layer over it.

use crate::apps::AppRegistry;
use crate::aws::federation::Federation;
use crate::config::Settings;
use crate::connectors::ProviderRegistry;
use crate::keys::KeyManager;
use crate::oauth::tokens::TokenLifetimes;
use crate::security::Sealer;
use crate::store::Store;
use std::sync::Arc;

pub mod authorize;
pub mod discovery;
pub mod endpoints;
pub mod error;
pub mod grants;
pub mod passthrough;
pub mod tokens;

/// What the grants need (the store, keys, apps, providers for renewal, federation for AWS
/// credentials) and nothing of the HTTP server, so they run against any store in a unit test.
#[derive(Clone, Copy)]
pub struct Deps<'a> {
    pub settings: &'a Settings,
    pub apps: &'a AppRegistry,
    pub providers: &'a ProviderRegistry,
    pub store: &'a dyn Store,
    pub keys: &'a Arc<KeyManager>,
    pub lifetimes: &'a TokenLifetimes,
    pub sealer: &'a Sealer,
    pub federation: &'a Option<Federation>,
}

impl<'a> Deps<'a> {
    pub fn sessions(&self) -> crate::sessions::Deps<'a> {
        crate::sessions::Deps {
            store: self.store,
            sealer: self.sealer,
            providers: self.providers,
        }
    }

    pub fn federation_deps(&self) -> crate::aws::federation::Deps<'a> {
        crate::aws::federation::Deps {
            store: self.store,
            sealer: self.sealer,
            providers: self.providers,
            keys: self.keys,
        }
    }
}

#[cfg(test)]
pub(crate) mod fixture;
