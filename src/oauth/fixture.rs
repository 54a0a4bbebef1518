//! Unit-test fixture: the grants' dependencies over the in-memory store, from the embedded
//! default config plus whatever a test adds. No HTTP server, no database file.

use crate::apps::AppRegistry;
use crate::config::{DEFAULT_CONFIG, Settings};
use crate::connectors::ProviderRegistry;
use crate::keys::KeyManager;
use crate::oauth::Deps;
use crate::oauth::tokens::TokenLifetimes;
use crate::security::Sealer;
use crate::store::Store;
use crate::store::memory::MemoryStore;
use std::sync::Arc;
use std::time::Duration;

pub(crate) struct Services {
    pub settings: Settings,
    pub apps: AppRegistry,
    pub providers: ProviderRegistry,
    pub store: Arc<dyn Store>,
    pub keys: Arc<KeyManager>,
    pub lifetimes: TokenLifetimes,
    pub sealer: Sealer,
    pub federation: Option<crate::aws::federation::Federation>,
}

impl Services {
    /// The embedded default config with `extra` appended (more providers or apps). ES256, so
    /// that building keys costs nothing.
    pub async fn new(extra: &str) -> Self {
        // reqwest is built without a default TLS provider (see startup::install_crypto_provider).
        let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
        let text = format!("{DEFAULT_CONFIG}\n{extra}").replace("\"RS256\"", "\"ES256\"");
        let settings = Settings::load(
            &text,
            std::iter::empty(),
            &crate::connectors::PROVIDER_KINDS,
        )
        .expect("test config");
        let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
        let keys = KeyManager::load(
            Arc::clone(&store),
            "ES256",
            Duration::from_secs(86_400),
            Duration::from_secs(3_600),
            &settings.issuer,
        )
        .await
        .expect("keys");
        Self {
            apps: AppRegistry::from_settings(&settings).expect("apps"),
            providers: ProviderRegistry::from_settings(&settings, &store).expect("providers"),
            lifetimes: TokenLifetimes {
                access: settings.tokens.access_token_ttl,
                id: settings.tokens.id_token_ttl,
            },
            sealer: Sealer::new(&Sealer::generate_key()).expect("sealer"),
            settings,
            store,
            keys: Arc::new(keys),
            federation: None,
        }
    }

    pub fn deps(&self) -> Deps<'_> {
        Deps {
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
}
