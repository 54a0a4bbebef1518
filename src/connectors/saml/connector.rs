//! `kind = "saml"` as a [`RedirectConnector`]: `start` sends the browser to the IdP with an
//! AuthnRequest (HTTP-Redirect binding, `RelayState` = the flow id) and remembers its ID;
//! `finish` takes the IdP's POST (through the flow's POST seam, `accept_posted`), runs the
//! strict verifier with that ID as the only acceptable InResponseTo, marks the assertion used,
//! and maps the signed attributes to the identity.
//!
//! Why the store is held here: the one-time assertion check is part of verifying the answer,
//! so a connector that skipped it could not be built; the flow never sees SAML at all.
//! Every refusal is [`UpstreamError::Rejected`] (the page names the provider) and an audit line
//! and metric carrying the typed reason code, never the response.

use super::request::{AuthnRequestParams, new_request_id};
use super::{Refusal, SamlProfile, verify};
use crate::connectors::UpstreamError;
use crate::connectors::contract::{LoginStart, RedirectConnector, StartContext, UpstreamReply};
use crate::identity::{Identity, UpstreamSession};
use crate::security::Sealer;
use crate::store::Store;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;
use time::OffsetDateTime;

pub struct SamlConnector {
    /// From config; with a metadata URL, the IdP half comes from `live` instead.
    profile: Arc<SamlProfile>,
    display_name: String,
    store: Arc<dyn Store>,
    live: Option<Arc<super::metadata_url::LiveMetadata>>,
}

/// What a sign-in remembers between the AuthnRequest and the IdP's answer.
#[derive(Serialize, Deserialize)]
struct Remembered {
    /// The AuthnRequest's ID: the only InResponseTo this flow accepts.
    request_id: String,
    /// Sent with `IsPassive` (`prompt=none`): a `NoPassive` answer is `login_required`.
    #[serde(default)]
    passive: bool,
}

/// The attribute AWS reads roles from: each value is `role ARN,SAML provider ARN` (in either
/// order).
pub const AWS_ROLE_ATTRIBUTE: &str = "https://aws.amazon.com/SAML/Attributes/Role";

/// The IAM role ARNs of the AWS Role attribute's values, in order, without repeats: what the
/// role page offers (as `cognito:roles`, the claim federation reads roles from).
pub fn aws_roles(values: &[String]) -> Vec<String> {
    let mut roles: Vec<String> = Vec::new();
    for value in values {
        for part in value.split(',').map(str::trim) {
            let is_role = part.starts_with("arn:aws")
                && part
                    .split(':')
                    .nth(5)
                    .is_some_and(|r| r.starts_with("role/"));
            if is_role && !roles.iter().any(|r| r == part) {
                roles.push(part.to_string());
            }
        }
    }
    roles
}

/// Whether the AuthnRequest must force a fresh sign-in at the IdP: `prompt=login`, or any
/// `max_age` (the IdP's own session age is not known here, so it is asked to authenticate).
pub fn forces_authn(prompt: Option<&str>, max_age: Option<u64>) -> bool {
    prompt.is_some_and(|p| p.split(' ').any(|v| v == "login")) || max_age.is_some()
}

/// Whether the AuthnRequest must be passive: the app sent `prompt=none`.
pub fn is_passive(prompt: Option<&str>) -> bool {
    prompt.is_some_and(|p| p.split(' ').any(|v| v == "none"))
}

impl SamlConnector {
    pub fn new(profile: SamlProfile, display_name: &str, store: Arc<dyn Store>) -> Self {
        Self {
            profile: Arc::new(profile),
            display_name: display_name.to_string(),
            store,
            live: None,
        }
    }

    /// The IdP's keys come from `url` (`idp_metadata_url`), refreshed every `interval`.
    pub fn with_metadata_url(
        mut self,
        url: &str,
        interval: std::time::Duration,
    ) -> Result<Self, String> {
        let live =
            super::metadata_url::LiveMetadata::new(Arc::clone(&self.profile), url, interval)?;
        self.live = Some(Arc::new(live));
        Ok(self)
    }

    /// Starts the metadata URL's fetch-and-refresh task (nothing without a URL).
    pub fn start_metadata_refresh(&self) {
        if let Some(live) = &self.live {
            live.spawn_refresh();
        }
    }

    /// The metadata URL's copies, when the provider has one.
    pub fn live_metadata(&self) -> Option<&super::metadata_url::LiveMetadata> {
        self.live.as_deref()
    }

    /// The configured profile: the SP side, and the IdP keys unless they come from a metadata
    /// URL (then see [`Self::current_profile`]).
    pub fn profile(&self) -> &SamlProfile {
        &self.profile
    }

    /// The profile to start and verify a sign-in or a single logout with: the configured one,
    /// or the metadata URL's last good copy (an error page when there has never been one).
    pub async fn current_profile(&self) -> Result<Arc<SamlProfile>, UpstreamError> {
        match &self.live {
            None => Ok(Arc::clone(&self.profile)),
            Some(live) => live
                .profile()
                .await
                .ok_or_else(|| UpstreamError::Unreachable(self.display_name.clone())),
        }
    }

    /// The profile in force now, without fetching: the metadata URL's last good copy, else the
    /// configured one (for the SP metadata, which lists single logout when a copy turns it on).
    pub fn profile_now(&self) -> Arc<SamlProfile> {
        self.live
            .as_ref()
            .and_then(|live| live.last_good())
            .unwrap_or_else(|| Arc::clone(&self.profile))
    }

    /// What the one-time assertion check writes to.
    pub(super) fn store(&self) -> &dyn Store {
        &*self.store
    }

    pub(super) fn refused(&self, refusal: Refusal) -> UpstreamError {
        let provider = self.profile.provider.as_str();
        crate::telemetry::audit::saml_refused(provider, refusal.code());
        crate::telemetry::meter::saml_refusal(provider, refusal.code());
        UpstreamError::Rejected(self.display_name.clone())
    }

    /// With identity-pool passthrough (`aws_saml_provider_arn`), the verified SAMLResponse
    /// (base64, whitespace dropped) sealed with the identity as its provider token: federation
    /// sends it under the ARN as it sends Facebook's access token under its key.
    pub(super) fn keep_for_aws(
        &self,
        mut identity: Identity,
        response: &str,
        sealer: &Sealer,
    ) -> Result<Identity, UpstreamError> {
        if !self.profile.keep_response_for_aws {
            return Ok(identity);
        }
        let compact: String = response.split_ascii_whitespace().collect();
        let tokens = crate::identity::UpstreamTokens {
            id_token: None,
            access_token: Some(compact),
        };
        identity.upstream_tokens = Some(
            tokens
                .seal(&self.profile.provider, sealer)
                .map_err(|_| UpstreamError::BadAnswer(self.display_name.clone()))?,
        );
        Ok(identity)
    }

    /// The identity an assertion that passed every check stands for: `sub` from the NameID
    /// (stable per provider and NameID), the mapped claims, the username from `email` when
    /// mapped, else the NameID.
    pub(super) fn identity(&self, mut verified: verify::VerifiedAssertion) -> Identity {
        let roles = verified
            .attributes
            .get(AWS_ROLE_ATTRIBUTE)
            .map(|values| aws_roles(values))
            .unwrap_or_default();
        if !roles.is_empty() {
            verified.claims.insert(
                "cognito:roles".into(),
                Value::Array(roles.into_iter().map(Value::String).collect()),
            );
        }
        let username = verified
            .claims
            .get("email")
            .and_then(Value::as_str)
            .map_or_else(|| verified.name_id.clone(), str::to_string);
        let upstream_session = UpstreamSession {
            name_id_format: verified.name_id_format,
            name_qualifier: verified.name_qualifier,
            sp_name_qualifier: verified.sp_name_qualifier,
            session_index: verified.session_index,
        };
        Identity {
            provider: self.profile.provider.clone(),
            upstream_subject: verified.name_id,
            username,
            claims: verified.claims,
            upstream_refresh: None,
            upstream_tokens: None,
            published_sub: None,
            upstream_session: Some(Box::new(upstream_session)),
        }
    }
}

#[async_trait::async_trait]
impl RedirectConnector for SamlConnector {
    async fn start(&self, context: &StartContext<'_>) -> Result<LoginStart, UpstreamError> {
        let request_id = new_request_id();
        // prompt=none reaches a SAML provider only when no SSO session here could answer
        // (flow::begin): the IdP is asked to answer without showing the user anything.
        let passive = is_passive(context.prompt);
        let params = AuthnRequestParams {
            id: &request_id,
            issue_instant: OffsetDateTime::now_utc(),
            force_authn: !passive && forces_authn(context.prompt, context.max_age),
            is_passive: passive,
        };
        let url = self
            .current_profile()
            .await?
            .authn_request_url(&params, context.flow_id)
            .map_err(|e| {
                tracing::error!(provider = %self.profile.provider, error = %e, "AuthnRequest not built");
                UpstreamError::BadAnswer(self.display_name.clone())
            })?;
        let remember = serde_json::to_string(&Remembered {
            request_id,
            passive,
        })
        .map_err(|_| UpstreamError::BadAnswer(self.display_name.clone()))?;
        Ok(LoginStart::Redirect {
            url: url.into(),
            remember,
        })
    }

    async fn finish(
        &self,
        reply: &UpstreamReply,
        remembered: &str,
        sealer: &Sealer,
    ) -> Result<Identity, UpstreamError> {
        // The POST binding only: a SAMLResponse on a query string is not an IdP's answer.
        let UpstreamReply::Form(_) = reply else {
            return Err(self.refused(Refusal::NotAResponse));
        };
        let Some(response) = reply.get("SAMLResponse") else {
            return Err(UpstreamError::Incomplete(
                "The sign-in response carried no SAMLResponse.",
            ));
        };
        let remembered: Remembered = serde_json::from_str(remembered)
            .map_err(|_| UpstreamError::Rejected(self.display_name.clone()))?;
        let now = OffsetDateTime::now_utc();
        let profile = self.current_profile().await?;
        let verified = match profile.verify_response(response, &remembered.request_id, now) {
            Ok(verified) => verified,
            Err(_)
                if remembered.passive
                    && profile
                        .check_no_passive(response, &remembered.request_id, now)
                        .is_ok() =>
            {
                tracing::info!("identity provider has no session for a passive sign-in");
                return Err(UpstreamError::Declined("login_required".into()));
            }
            Err(refusal) => return Err(self.refused(refusal)),
        };
        verify::mark_used(&*self.store, &verified, now)
            .await
            .map_err(|r| self.refused(r))?;
        let identity = self.identity(verified);
        self.keep_for_aws(identity, response, sealer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_aws_role_attribute_gives_role_arns_in_either_order() {
        let values = vec![
            "arn:aws:iam::1:role/Admin,arn:aws:iam::1:saml-provider/Corp".to_string(),
            "arn:aws:iam::1:saml-provider/Corp, arn:aws:iam::1:role/ReadOnly".to_string(),
            "arn:aws:iam::1:role/Admin,arn:aws:iam::1:saml-provider/Corp".to_string(),
            "arn:aws:iam::1:saml-provider/Corp".to_string(),
            "not an arn,role/x".to_string(),
        ];
        assert_eq!(
            aws_roles(&values),
            ["arn:aws:iam::1:role/Admin", "arn:aws:iam::1:role/ReadOnly"]
        );
        assert!(aws_roles(&[]).is_empty());
    }

    #[test]
    fn prompt_login_and_max_age_force_a_fresh_idp_sign_in() {
        assert!(forces_authn(Some("login"), None));
        assert!(forces_authn(Some("consent login"), None));
        assert!(forces_authn(None, Some(0)));
        assert!(!forces_authn(Some("consent"), None));
        assert!(!forces_authn(Some("loginx"), None));
        assert!(!forces_authn(None, None));
    }
}
