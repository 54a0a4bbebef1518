//! IdP-initiated sign-in (an unsolicited SAML response: the user starts at the IdP's portal),
//! off unless a provider names the one app and redirect URI it lands on
//! (`[providers.idp_initiated]`).
//!
//! Why it is so narrow: an unsolicited response answers no request of ours, so nothing binds
//! it to a browser or a moment (no InResponseTo, no RelayState, no flow cookie): it is a
//! bearer token for whoever posts it, and every 2026 Keycloak broker CVE in saml.md §1.3 sits
//! in this path. What is left to check is checked hard: the usual profile, *no* InResponseTo
//! anywhere (a response that answers some other request is not unsolicited), a short
//! IssueInstant age (`max_issue_delay`, 2 minutes by default), and the one-time assertion
//! store. The landing is fixed by configuration, never by the response or RelayState.
//!
//! Why only confidential apps: the landing issues a code with no `state` and no PKCE (no app
//! started anything, so there is no challenge to bind it to). For a public client PKCE is what
//! stops a stolen code from being redeemed; without it the code would be a bearer token in a
//! URL, so a public app is refused here (as Keycloak sends IdP-initiated logins only to
//! clients it configures for it, and Auth0's IdP-initiated SSO to OIDC apps relies on the app
//! accepting an unsolicited code). A confidential app still needs its client secret to redeem
//! the code, which is the protection PKCE would have added.

use super::connector::SamlConnector;
use super::{Refusal, SamlProfile, verify};
use crate::config::AppSettings;
use crate::connectors::UpstreamError;
use crate::identity::Identity;
use serde::Deserialize;
use std::time::Duration;
use time::OffsetDateTime;

/// `[providers.idp_initiated]` of a SAML provider.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdpInitiatedSettings {
    /// The app (`client_id`) an unsolicited sign-in lands on.
    pub app: String,
    /// One of that app's registered redirect URIs: where the code goes.
    pub redirect_uri: String,
    /// The scopes granted (space-separated; the app's own scopes when absent).
    #[serde(default)]
    pub scope: Option<String>,
    /// How old an unsolicited response's IssueInstant may be (plus `clock_skew`).
    #[serde(default = "default_max_issue_delay", with = "humantime_serde")]
    pub max_issue_delay: Duration,
}

fn default_max_issue_delay() -> Duration {
    Duration::from_secs(120)
}

impl IdpInitiatedSettings {
    /// The checks that need only this table (`key` names it in messages).
    pub fn check(&self, key: &str, problems: &mut Vec<String>) {
        if self.max_issue_delay.is_zero() || self.max_issue_delay > Duration::from_secs(300) {
            problems.push(format!(
                "{key}.idp_initiated.max_issue_delay: between 1 second and 5 minutes"
            ));
        }
        if self.app.is_empty() {
            problems.push(format!("{key}.idp_initiated.app: must name an app"));
        }
    }

    /// The checks against the apps: the app exists, offers this provider, is confidential
    /// (see the module doc), and registered the redirect URI exactly.
    pub fn check_app(&self, provider_id: &str, apps: &[AppSettings]) -> Result<(), String> {
        let key = format!("provider {provider_id}: idp_initiated");
        let app = apps
            .iter()
            .find(|a| a.client_id == self.app)
            .ok_or_else(|| format!("{key}.app: no app {:?}", self.app))?;
        if !app.providers.iter().any(|p| p == provider_id) {
            return Err(format!(
                "{key}.app: app {:?} does not list provider {provider_id:?}",
                self.app
            ));
        }
        if app.client_secret_env.is_none() && app.client_secret_file.is_none() {
            return Err(format!(
                "{key}.app: app {:?} is a public client; an IdP-initiated sign-in gets a code without PKCE, so only a confidential app (with a client secret) may take one",
                self.app
            ));
        }
        if !app.redirect_uris.iter().any(|u| u == &self.redirect_uri) {
            return Err(format!(
                "{key}.redirect_uri: not one of app {:?}'s redirect_uris",
                self.app
            ));
        }
        Ok(())
    }
}

impl SamlProfile {
    /// Verifies an unsolicited `SAMLResponse` POST field: the whole profile, with no
    /// InResponseTo allowed and the IdP-initiated IssueInstant age. `None` when this provider
    /// takes no IdP-initiated sign-ins.
    pub fn verify_unsolicited(
        &self,
        saml_response: &str,
        now: OffsetDateTime,
    ) -> Option<Result<verify::VerifiedAssertion, Refusal>> {
        let landing = self.idp_initiated.as_ref()?;
        let strict = SamlProfile {
            max_issue_delay: landing.max_issue_delay,
            ..self.clone()
        };
        Some(
            verify::decode_post_field(saml_response)
                .and_then(|xml| strict.verify_xml_answering(&xml, None, now)),
        )
    }
}

impl SamlConnector {
    /// An unsolicited response posted to this provider's ACS: verified, marked used, and
    /// mapped to the identity, or refused (counted and audited as any refusal).
    pub async fn finish_unsolicited(
        &self,
        saml_response: &str,
        sealer: &crate::security::Sealer,
    ) -> Result<Identity, UpstreamError> {
        let now = OffsetDateTime::now_utc();
        let verified = self
            .current_profile()
            .await?
            .verify_unsolicited(saml_response, now)
            .ok_or_else(|| self.refused(Refusal::InResponseTo))?
            .map_err(|r| self.refused(r))?;
        verify::mark_used(self.store(), &verified, now)
            .await
            .map_err(|r| self.refused(r))?;
        self.keep_for_aws(self.identity(verified), saml_response, sealer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(toml_text: &str) -> AppSettings {
        toml::from_str(toml_text).unwrap()
    }

    fn landing() -> IdpInitiatedSettings {
        toml::from_str(
            r#"app = "portal"
redirect_uri = "https://portal.example/cb""#,
        )
        .unwrap()
    }

    const CONFIDENTIAL: &str = r#"client_id = "portal"
name = "Portal"
client_secret_env = "PORTAL_SECRET"
redirect_uris = ["https://portal.example/cb"]
providers = ["corp"]
scopes = ["openid"]"#;

    #[test]
    fn the_default_issue_delay_is_two_minutes_and_unknown_keys_are_refused() {
        assert_eq!(landing().max_issue_delay, Duration::from_secs(120));
        assert!(
            toml::from_str::<IdpInitiatedSettings>(
                "app = \"a\"\nredirect_uri = \"b\"\nallow_in_response_to = true"
            )
            .is_err()
        );
    }

    #[test]
    fn the_landing_app_must_exist_offer_the_provider_be_confidential_and_own_the_uri() {
        let ok = app(CONFIDENTIAL);
        assert_eq!(
            landing().check_app("corp", std::slice::from_ref(&ok)),
            Ok(())
        );

        let unknown = landing().check_app("corp", &[]).unwrap_err();
        assert!(unknown.contains("no app \"portal\""), "{unknown}");
        let other_provider = landing()
            .check_app("other", std::slice::from_ref(&ok))
            .unwrap_err();
        assert!(other_provider.contains("does not list"), "{other_provider}");
        let public = app(&CONFIDENTIAL.replace("client_secret_env = \"PORTAL_SECRET\"\n", ""));
        let public = landing().check_app("corp", &[public]).unwrap_err();
        assert!(public.contains("public client"), "{public}");
        let mut foreign = landing();
        foreign.redirect_uri = "https://evil.example/cb".into();
        let foreign = foreign.check_app("corp", &[ok]).unwrap_err();
        assert!(foreign.contains("redirect_uri"), "{foreign}");
    }

    #[test]
    fn the_issue_delay_is_bounded() {
        let mut problems = Vec::new();
        let mut long = landing();
        long.max_issue_delay = Duration::from_secs(600);
        long.check("providers[0]", &mut problems);
        assert_eq!(problems.len(), 1, "{problems:?}");
    }
}
