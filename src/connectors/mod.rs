//! Where users actually sign in: local users and Cognito user pools on authgate's own pages,
//! and upstream providers (OIDC, Cognito's hosted UI, Facebook, Amazon, Apple) the browser is
//! sent to.

pub mod amazon;
pub mod apple;
pub mod cognito;
pub mod contract;
pub mod facebook;
pub mod local;
pub(crate) mod oauth2;
pub mod oidc;
#[cfg(feature = "saml")]
pub mod saml;
pub mod settings;

pub use settings::{PROVIDER_KINDS, is_cognito_hosted_ui};

use crate::identity::Identity;

// Compile-time checks that each redirect connector keeps the contract (as dex's `var _`).
const _: fn() = || {
    fn keeps<T: contract::RedirectConnector>() {}
    keeps::<oidc::OidcConnector>();
    keeps::<facebook::FacebookConnector>();
    keeps::<amazon::AmazonConnector>();
    keeps::<apple::AppleConnector>();
    #[cfg(feature = "saml")]
    keeps::<saml::SamlConnector>();
};

/// What went wrong with the upstream. `Display` is English, for logs; a page says it by kind,
/// naming the provider (`crate::hosted_ui::upstream`).
#[derive(Debug, thiserror::Error)]
pub enum UpstreamError {
    /// The provider did not answer in time or could not be reached.
    #[error("{0} did not answer")]
    Unreachable(String),
    /// The provider answered something we cannot use (bad JSON, HTTP error, no ID token).
    #[error("{0} gave an answer that cannot be used")]
    BadAnswer(String),
    /// The answer was well formed but fails verification (signature, issuer, audience, nonce,
    /// expiry, hosted domain): treated as an attack.
    #[error("the sign-in response from {0} did not pass verification")]
    Rejected(String),
    /// The provider sent the browser back saying the user did not sign in; the OAuth error
    /// code it gave (`access_denied`, ...).
    #[error("the provider answered {0}")]
    Declined(String),
    /// The answer lacks what the protocol requires; the sentence for the page.
    #[error("{0}")]
    Incomplete(&'static str),
}

impl UpstreamError {
    /// The `outcome` label of a failed upstream call.
    pub fn outcome(&self) -> &'static str {
        match self {
            UpstreamError::Unreachable(_) => "unreachable",
            UpstreamError::BadAnswer(_) => "bad_answer",
            UpstreamError::Rejected(_) => "rejected",
            UpstreamError::Declined(_) => "declined",
            UpstreamError::Incomplete(_) => "incomplete",
        }
    }
}

/// Runs one call to `provider`'s `endpoint` (a constant: `discovery`, `jwks`, `token`, ...)
/// and records how long it took and how it ended in
/// `authgate_upstream_request_duration_seconds`.
pub(crate) async fn observed<T>(
    provider: &str,
    endpoint: &'static str,
    call: impl std::future::Future<Output = Result<T, UpstreamError>>,
) -> Result<T, UpstreamError> {
    let started = std::time::Instant::now();
    let result = call.await;
    let outcome = result
        .as_ref()
        .map_or_else(UpstreamError::outcome, |_| "ok");
    crate::telemetry::meter::upstream_call(provider, endpoint, outcome, started.elapsed());
    result
}

/// Where a provider returns the browser: one path per provider, so a response can only be
/// accepted for the provider it was meant for (RFC 9700 §4.4.2).
pub fn callback_url(issuer: &str, provider_id: &str) -> String {
    format!("{issuer}/oauth2/idpresponse/{provider_id}")
}

/// Where a SAML IdP posts its responses for `provider_id` (the ACS in authgate's SP
/// metadata): its own path, or Cognito's `/saml2/idpresponse` for an IdP set up for Cognito.
pub fn saml_acs_url(issuer: &str, provider_id: &str, cognito: bool) -> String {
    if cognito {
        format!("{issuer}/saml2/idpresponse")
    } else {
        format!("{issuer}/saml2/idpresponse/{provider_id}")
    }
}

/// Where a SAML IdP sends `provider_id`'s logout messages (authgate's SingleLogoutService).
pub fn saml_slo_url(issuer: &str, provider_id: &str) -> String {
    format!("{issuer}/saml2/logout/{provider_id}")
}

/// The HTTP client a connector talks to its provider with: no redirects (following them from
/// a token endpoint opens SSRF, and nothing here needs them) and the provider's timeout.
pub(crate) fn upstream_http_client(
    timeout: std::time::Duration,
) -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(timeout)
        .connect_timeout(timeout)
        .build()
        .map_err(|e| format!("HTTP client: {e}"))
}

use crate::config::Settings;
use settings::KindSettings;

pub enum ProviderKind {
    Local(local::LocalUsers),
    Oidc(Box<oidc::OidcConnector>),
    Facebook(Box<facebook::FacebookConnector>),
    Amazon(Box<amazon::AmazonConnector>),
    Apple(Box<apple::AppleConnector>),
    Cognito(Box<cognito::CognitoConnector>),
    #[cfg(feature = "saml")]
    Saml(Box<saml::SamlConnector>),
}

impl ProviderKind {
    /// Whether this is a SAML IdP (whose answers arrive at `/saml2/idpresponse`).
    pub fn is_saml(&self) -> bool {
        #[cfg(feature = "saml")]
        if let ProviderKind::Saml(_) = self {
            return true;
        }
        false
    }

    /// CSS hook for the picker button.
    pub fn css_kind(&self) -> &'static str {
        match self {
            ProviderKind::Local(_) => "local",
            ProviderKind::Oidc(_) => "oidc",
            ProviderKind::Facebook(_) => "facebook",
            ProviderKind::Amazon(_) => "amazon",
            ProviderKind::Apple(_) => "apple",
            ProviderKind::Cognito(_) => "cognito",
            #[cfg(feature = "saml")]
            ProviderKind::Saml(_) => "saml",
        }
    }

    /// The upstream leg, for providers that have one.
    /// The redirect leg, for providers the browser is sent to (as opposed to those whose
    /// password page is ours).
    pub fn redirect(&self) -> Option<&dyn contract::RedirectConnector> {
        match self {
            ProviderKind::Local(_) | ProviderKind::Cognito(_) => None,
            ProviderKind::Oidc(c) => Some(&**c),
            ProviderKind::Facebook(c) => Some(&**c),
            ProviderKind::Amazon(c) => Some(&**c),
            ProviderKind::Apple(c) => Some(&**c),
            #[cfg(feature = "saml")]
            ProviderKind::Saml(c) => Some(&**c),
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
    /// `store` is what a SAML provider records one-time assertion ids in.
    #[cfg_attr(not(feature = "saml"), allow(unused_variables))]
    pub fn from_settings(
        settings: &Settings,
        store: &std::sync::Arc<dyn crate::store::Store>,
    ) -> Result<Self, String> {
        let mut providers = Vec::new();
        for p in &settings.providers {
            let display_name = p.name.clone().unwrap_or_else(|| p.id.clone());
            let Some(own) = settings::of(p) else {
                return Err(format!(
                    "provider {}: settings not parsed by its kind",
                    p.id
                ));
            };
            let kind = match own {
                KindSettings::Local(local) => {
                    ProviderKind::Local(local::LocalUsers::new(&p.id, &local.users))
                }
                KindSettings::Oidc(oidc) => ProviderKind::Oidc(Box::new(oidc::OidcConnector::new(
                    &p.id,
                    &display_name,
                    oidc,
                    &settings.issuer,
                )?)),
                KindSettings::CognitoHosted(cognito) => {
                    ProviderKind::Oidc(Box::new(oidc::OidcConnector::new(
                        &p.id,
                        &display_name,
                        &cognito.as_oidc(),
                        &settings.issuer,
                    )?))
                }
                KindSettings::Cognito(cognito) => ProviderKind::Cognito(Box::new(
                    cognito::CognitoConnector::new(&p.id, &display_name, cognito)?,
                )),
                KindSettings::Facebook(fb) => ProviderKind::Facebook(Box::new(
                    facebook::FacebookConnector::new(&p.id, &display_name, fb, &settings.issuer)?,
                )),
                KindSettings::Amazon(amazon) => ProviderKind::Amazon(Box::new(
                    amazon::AmazonConnector::new(&p.id, &display_name, amazon, &settings.issuer)?,
                )),
                KindSettings::Apple(apple) => ProviderKind::Apple(Box::new(
                    apple::AppleConnector::new(&p.id, &display_name, apple, &settings.issuer)?,
                )),
                #[cfg(feature = "saml")]
                KindSettings::Saml(saml) => {
                    let profile = saml
                        .resolve(
                            &format!("provider {}", p.id),
                            &p.id,
                            &saml_acs_url(&settings.issuer, &p.id, saml.cognito_acs),
                        )
                        .map_err(|problems| problems.join("; "))?
                        .with_slo_url(&saml_slo_url(&settings.issuer, &p.id));
                    if let Some(landing) = &profile.idp_initiated {
                        landing.check_app(&p.id, &settings.apps)?;
                    }
                    let mut connector = saml::SamlConnector::new(
                        profile,
                        &display_name,
                        std::sync::Arc::clone(store),
                    );
                    if let Some(url) = &saml.idp_metadata_url {
                        connector = connector.with_metadata_url(url, saml.idp_metadata_refresh)?;
                    }
                    ProviderKind::Saml(Box::new(connector))
                }
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

/// Why a provider did not renew a session's tokens.
#[derive(Debug)]
pub enum RenewRefused {
    /// The provider refused (signed out there, deleted, disabled): the session is over.
    Ended,
    /// The provider could not be reached or answered nonsense: nothing is known either way.
    Unavailable,
}

impl Provider {
    /// The Cognito user pool behind this provider, when it is one signed into on our pages.
    pub fn as_cognito(&self) -> Option<&cognito::CognitoConnector> {
        match &self.kind {
            ProviderKind::Cognito(pool) => Some(pool),
            _ => None,
        }
    }

    /// The SAML connector, when this provider is a SAML IdP.
    #[cfg(feature = "saml")]
    pub fn as_saml(&self) -> Option<&saml::SamlConnector> {
        match &self.kind {
            ProviderKind::Saml(saml) => Some(saml),
            _ => None,
        }
    }

    /// authgate's SP metadata (XML) for this provider, when it is a SAML IdP.
    pub fn saml_metadata(&self) -> Option<String> {
        #[cfg(feature = "saml")]
        if let ProviderKind::Saml(saml) = &self.kind {
            return Some(saml.profile_now().sp_metadata_xml());
        }
        None
    }

    /// The local users, when this provider is the built-in user list.
    pub fn as_local(&self) -> Option<&local::LocalUsers> {
        match &self.kind {
            ProviderKind::Local(users) => Some(users),
            _ => None,
        }
    }

    /// Where to send the browser to sign out at the provider too (federated logout), coming
    /// back to `return_to`; `None` when the provider has no such logout or it is not enabled.
    pub async fn logout_url(&self, return_to: &str) -> Option<String> {
        match &self.kind {
            ProviderKind::Oidc(connector) => connector.logout_url(return_to).await,
            _ => None,
        }
    }

    /// Asks the provider to renew the tokens `identity` holds (its sealed refresh token):
    /// `None` when this kind of provider keeps nothing to renew (local users, Facebook).
    pub async fn renew(
        &self,
        identity: &Identity,
        sealer: &crate::security::Sealer,
    ) -> Option<Result<Identity, RenewRefused>> {
        match &self.kind {
            ProviderKind::Oidc(connector) => {
                Some(match connector.refresh(identity, sealer).await {
                    Ok(refreshed) => {
                        // The new upstream tokens (and a rotated refresh token) replace the old.
                        let mut renewed = identity.clone();
                        renewed.upstream_refresh = Some(refreshed.refresh);
                        renewed.upstream_tokens = Some(refreshed.tokens);
                        Ok(renewed)
                    }
                    Err(UpstreamError::Rejected(_)) => Err(RenewRefused::Ended),
                    Err(e) => {
                        tracing::warn!(provider = %self.id, error = %e, "provider unavailable to renew");
                        Err(RenewRefused::Unavailable)
                    }
                })
            }
            ProviderKind::Cognito(pool) => Some(match pool.refresh(identity, sealer).await {
                Ok(renewed) => Ok(renewed),
                Err(cognito::pool_api::PoolError::NotAuthorized) => Err(RenewRefused::Ended),
                Err(e) => {
                    tracing::warn!(provider = %self.id, error = %e, "user pool unavailable to renew");
                    Err(RenewRefused::Unavailable)
                }
            }),
            ProviderKind::Local(_)
            | ProviderKind::Facebook(_)
            | ProviderKind::Amazon(_)
            | ProviderKind::Apple(_) => None,
            #[cfg(feature = "saml")]
            ProviderKind::Saml(_) => None,
        }
    }
}
