//! Everything a request handler needs, built once at start-up and shared (cheap to clone).

use crate::apps::AppRegistry;
use crate::config::Settings;
use crate::connectors::ProviderRegistry;
use crate::keys::KeyManager;
use crate::oauth::tokens::TokenLifetimes;
use crate::store::Store;
use std::ops::Deref;
use std::sync::Arc;
use tokio::sync::Semaphore;

#[derive(Clone)]
pub struct AppState(Arc<AppContext>);

pub struct AppContext {
    pub settings: Settings,
    pub apps: AppRegistry,
    /// Every app's `[apps.branding]`, and the files `/branding/…` serves for it.
    pub branding: crate::web::branding::BrandingSet,
    pub providers: ProviderRegistry,
    pub store: Arc<dyn Store>,
    pub keys: Arc<KeyManager>,
    pub lifetimes: TokenLifetimes,
    /// `/.well-known/openid-configuration`, serialised once.
    pub discovery: bytes::Bytes,
    /// Concurrent argon2 verifications allowed (one per core).
    pub password_slots: Semaphore,
    /// Seals secrets the store keeps (upstream refresh tokens).
    pub sealer: crate::security::Sealer,
    /// The identity pool sign-ins are federated into (`[aws.identity_pool]`), if any.
    pub federation: Option<crate::aws::federation::Federation>,
}

impl AppState {
    pub fn new(context: AppContext) -> Self {
        Self(Arc::new(context))
    }
}

impl AppContext {
    /// What the authorization server's grants need.
    pub fn oauth(&self) -> crate::oauth::Deps<'_> {
        crate::oauth::Deps {
            settings: &self.settings,
            apps: &self.apps,
            providers: &self.providers,
            store: &*self.store,
            keys: &self.keys,
            lifetimes: &self.lifetimes,
            sealer: &self.sealer,
            federation: &self.federation,
        }
    }

    /// What identity-pool federation needs.
    pub fn federation_deps(&self) -> crate::aws::federation::Deps<'_> {
        crate::aws::federation::Deps {
            store: &*self.store,
            sealer: &self.sealer,
            providers: &self.providers,
            keys: &self.keys,
        }
    }

    /// What session renewal needs.
    pub fn sessions(&self) -> crate::sessions::Deps<'_> {
        crate::sessions::Deps {
            store: &*self.store,
            sealer: &self.sealer,
            providers: &self.providers,
        }
    }
}

impl Deref for AppState {
    type Target = AppContext;

    fn deref(&self) -> &AppContext {
        &self.0
    }
}
