//! The apps registered with authgate (OAuth clients), built once from config.

use crate::config::{AppSettings, Settings};
use crate::redirect_uri::RedirectUris;
use crate::security::constant_time_eq;
use crate::web::branding::{self, Branding, BrandingSet};
use std::collections::HashMap;
use std::fmt;

pub struct RegisteredApp {
    pub client_id: String,
    pub name: String,
    /// `None` for a public client (native or single-page app): PKCE is then mandatory.
    secret: Option<crate::config::Secret>,
    pub redirect_uris: RedirectUris,
    pub logout_uris: RedirectUris,
    pub providers: Vec<String>,
    pub scopes: Vec<String>,
    /// The app's one Cognito hosted-UI provider, to which IdP names that are not ours go.
    pub idp_hint_provider: Option<String>,
    pub token_mode: crate::config::TokenMode,
    /// Set when the app gets AWS credentials (`aws_credentials = true`).
    pub aws: Option<AppAws>,
    /// The origins whose pages may call the token, revoke, userinfo and user-pool API
    /// endpoints (CORS).
    pub web_origins: crate::web::cors::WebOrigins,
    /// `/logout` also revokes the refresh families this app got through that browser's sign-in.
    pub logout_revokes_tokens: bool,
    /// A "Return to the app" page instead of a bare redirect to a custom scheme after sign-in.
    pub redirect_interstitial: bool,
}

/// How an app with `aws_credentials` is federated.
#[derive(Debug, Clone)]
pub struct AppAws {
    pub failure: crate::config::AwsFailure,
    pub allow_guest: bool,
    pub custom_role_arn: Option<String>,
}

impl fmt::Debug for RegisteredApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegisteredApp")
            .field("client_id", &self.client_id)
            .field("confidential", &self.secret.is_some())
            .field("redirect_uris", &self.redirect_uris)
            .finish_non_exhaustive()
    }
}

impl RegisteredApp {
    fn from_settings(app: &AppSettings, settings: &Settings) -> Result<Self, String> {
        let pools: Vec<&String> = app
            .providers
            .iter()
            .filter(|id| {
                settings
                    .providers
                    .iter()
                    .any(|p| &p.id == *id && crate::connectors::is_cognito_hosted_ui(p))
            })
            .collect();
        let secret = app.client_secret()?;
        Ok(Self {
            client_id: app.client_id.clone(),
            name: app.name.clone(),
            secret,
            redirect_uris: RedirectUris::new(&app.redirect_uris)?,
            logout_uris: RedirectUris::new(&app.logout_uris)?,
            providers: app.providers.clone(),
            scopes: app.scopes.clone(),
            idp_hint_provider: match pools.as_slice() {
                [only] => Some((*only).clone()),
                _ => None,
            },
            token_mode: app.token_mode,
            aws: app.aws_credentials.then(|| AppAws {
                failure: app.aws_failure,
                allow_guest: app.allow_guest,
                custom_role_arn: app.custom_role_arn.clone(),
            }),
            web_origins: crate::web::cors::WebOrigins::new(
                app.web_origins.as_deref(),
                &app.redirect_uris,
            )?,
            logout_revokes_tokens: app.logout_revokes_tokens,
            redirect_interstitial: app.redirect_interstitial,
        })
    }

    /// The account pages' own app (`[account]`): a public app whose only redirect URI is
    /// `{issuer}/account/callback`, allowed every provider, so that any user can sign in to
    /// see their account. Its codes are never redeemed: the sign-in's SSO session is what the
    /// pages read ([`crate::account`]).
    fn account_pages(settings: &Settings) -> Result<Self, String> {
        let callback = format!("{}/account/callback", settings.issuer);
        let redirect_uris = vec![callback];
        Ok(Self {
            client_id: crate::config::ACCOUNT_CLIENT_ID.into(),
            name: settings.account.name.clone(),
            secret: None,
            redirect_uris: RedirectUris::new(&redirect_uris)
                .map_err(|e| format!("account: {e}"))?,
            logout_uris: RedirectUris::new(&[]).map_err(|e| format!("account: {e}"))?,
            providers: settings.providers.iter().map(|p| p.id.clone()).collect(),
            scopes: vec!["openid".into()],
            idp_hint_provider: None,
            token_mode: crate::config::TokenMode::Broker,
            aws: None,
            web_origins: crate::web::cors::WebOrigins::new(Some(&[]), &redirect_uris)?,
            logout_revokes_tokens: true,
            // Its callback is an https page of authgate's own, never a custom scheme.
            redirect_interstitial: false,
        })
    }

    pub fn is_public(&self) -> bool {
        self.secret.is_none()
    }

    /// Checks a presented client secret in constant time.
    pub fn secret_matches(&self, presented: &str) -> bool {
        match &self.secret {
            Some(secret) => constant_time_eq(secret.expose().as_bytes(), presented.as_bytes()),
            None => false,
        }
    }

    /// Checks Cognito's `SECRET_HASH` (base64 HMAC-SHA256 of `username` followed by the client
    /// id, keyed with the client secret) in constant time.
    pub fn secret_hash_matches(&self, username: &str, presented: &str) -> bool {
        match &self.secret {
            Some(secret) => {
                let expected = crate::connectors::cognito::srp::secret_hash(
                    secret.expose(),
                    username,
                    &self.client_id,
                );
                constant_time_eq(expected.as_bytes(), presented.as_bytes())
            }
            None => false,
        }
    }

    /// The requested scopes this app may have, in the app's order. Cognito's rule: scopes the
    /// app is not allowed are dropped, and no `scope` at all means every scope of the app.
    pub fn grant_scopes(&self, requested: Option<&str>) -> Vec<String> {
        match requested.map(str::trim).filter(|s| !s.is_empty()) {
            None => self.scopes.clone(),
            Some(requested) => {
                let asked: Vec<&str> = requested.split(' ').filter(|s| !s.is_empty()).collect();
                self.scopes
                    .iter()
                    .filter(|s| asked.contains(&s.as_str()))
                    .cloned()
                    .collect()
            }
        }
    }
}

/// Every registered app, by client id.
pub struct AppRegistry {
    apps: HashMap<String, RegisteredApp>,
}

impl AppRegistry {
    pub fn from_settings(settings: &Settings) -> Result<Self, String> {
        let mut apps = HashMap::new();
        for app in &settings.apps {
            apps.insert(
                app.client_id.clone(),
                RegisteredApp::from_settings(app, settings)?,
            );
        }
        if settings.account.enabled {
            let account = RegisteredApp::account_pages(settings)?;
            apps.insert(account.client_id.clone(), account);
        }
        Ok(Self { apps })
    }

    pub fn get(&self, client_id: &str) -> Option<&RegisteredApp> {
        self.apps.get(client_id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &RegisteredApp> {
        self.apps.values()
    }

    /// Every app's web origins, by what a request may name its app by (CORS): its client id,
    /// or for a passthrough app's pool tokens, the pool's issuer and app client.
    pub fn origins(
        &self,
        providers: &crate::connectors::ProviderRegistry,
    ) -> crate::web::cors::AppOrigins {
        let mut origins = crate::web::cors::AppOrigins::default();
        for app in self.apps.values() {
            origins
                .by_client
                .insert(app.client_id.clone(), app.web_origins.clone());
            if app.token_mode != crate::config::TokenMode::Passthrough {
                continue;
            }
            for pool in app
                .providers
                .iter()
                .filter_map(|id| providers.get(id).and_then(|p| p.as_cognito()))
            {
                origins
                    .by_pool_token
                    .entry((pool.issuer().to_string(), pool.pool.client_id().to_string()))
                    .or_default()
                    .push(app.web_origins.clone());
            }
        }
        origins
    }

    pub fn all_scopes(&self) -> Vec<String> {
        let mut scopes: Vec<String> = self.apps.values().flat_map(|a| a.scopes.clone()).collect();
        scopes.sort();
        scopes.dedup();
        scopes
    }
}

/// How long start-up waits for a logo given as a URL.
const LOGO_FETCH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Every app's `[apps.branding]`, read (a logo URL fetched) once at start; `Err` names the key
/// at fault. The configuration checks saw the same files already; they are read again here,
/// since one may have changed in between, and only start-up fetches.
pub async fn load_branding(settings: &Settings) -> Result<BrandingSet, String> {
    let mut set = BrandingSet::default();
    for (i, app) in settings.apps.iter().enumerate() {
        let Some(b) = &app.branding else { continue };
        let key = format!("apps[{i}].branding");
        let logo = match b.logo.as_deref() {
            None => None,
            Some(url) if branding::is_url(url) => {
                let client = crate::connectors::upstream_http_client(LOGO_FETCH_TIMEOUT)
                    .map_err(|e| format!("{key}.logo: {e}"))?;
                let asset = branding::fetch_logo(&client, url)
                    .await
                    .map_err(|e| format!("{key}.logo: {e}"))?;
                Some(set.add(asset))
            }
            Some(path) => Some(
                set.add(
                    branding::read_image(std::path::Path::new(path), false)
                        .map_err(|e| format!("{key}.logo: {e}"))?,
                ),
            ),
        };
        let favicon = match &b.favicon {
            None => None,
            Some(path) => {
                let asset =
                    branding::read_image(path, true).map_err(|e| format!("{key}.favicon: {e}"))?;
                let kind = asset.content_type;
                Some((set.add(asset), kind))
            }
        };
        let extra = match &b.stylesheet {
            None => None,
            Some(path) => Some(
                branding::read_stylesheet(path).map_err(|e| format!("{key}.stylesheet: {e}"))?,
            ),
        };
        let css = branding::stylesheet(
            &app.client_id,
            &b.light.palette(),
            &b.dark.palette(),
            extra.as_deref(),
        )
        .map_err(|e| format!("{key}.{e}"))?;
        let stylesheet = css.map(|css| {
            set.add(branding::Asset {
                content_type: "text/css; charset=utf-8",
                bytes: css.into(),
            })
        });
        let words = match &b.locales_dir {
            None => None,
            Some(dir) => Some(std::sync::Arc::new(
                crate::web::i18n::AppWords::load(dir)
                    .map_err(|e| format!("{key}.locales_dir: {e}"))?,
            )),
        };
        set.insert(
            &app.client_id,
            Branding {
                name: app.name.clone(),
                logo,
                favicon,
                stylesheet,
                terms_url: b.terms_url.clone(),
                privacy_url: b.privacy_url.clone(),
                words,
            },
        );
    }
    Ok(set)
}
