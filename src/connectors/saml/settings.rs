//! `kind = "saml"`: a SAML 2.0 IdP's keys and authgate's SP keys, their checks, and the
//! resolved [`SamlProfile`] the verifier runs with.
//!
//! Why a resolved profile: certificates, metadata and the SP key are read once, and a
//! provider without a single IdP signing certificate cannot be built at all (samael verifies
//! nothing when it has none: the fail-open every SAML review finds).

use super::ns;
use super::profile::{self, Algorithms};
use crate::config::{Secret, read_secret};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use openssl::pkey::{PKey, Private};
use samael::crypto::CertificateDer;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

/// The settings of one SAML IdP (`[[providers]]` with `kind = "saml"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SamlSettings {
    /// The IdP's metadata (an `EntityDescriptor` file): entity id, SSO/SLO URLs and signing
    /// certificates. Keys set below override it; certificates add to it.
    #[serde(default)]
    pub idp_metadata_file: Option<PathBuf>,
    /// The IdP's metadata by URL (https): fetched at start and every `idp_metadata_refresh`,
    /// the last good copy kept when a fetch fails (see `metadata_url`). Not with the file.
    #[serde(default)]
    pub idp_metadata_url: Option<String>,
    #[serde(default = "default_metadata_refresh", with = "humantime_serde")]
    pub idp_metadata_refresh: Duration,
    #[serde(default)]
    pub idp_entity_id: Option<String>,
    #[serde(default)]
    pub idp_sso_url: Option<String>,
    /// The IdP's SingleLogoutService (HTTP-Redirect binding): with it and an SP key, `/logout`
    /// sends a signed LogoutRequest there and the IdP's own logout requests are taken at
    /// `/saml2/logout/{provider}`.
    #[serde(default)]
    pub idp_slo_url: Option<String>,
    /// The IdP's signing certificates, PEM, inline or as files; several at once during a
    /// rollover (a signature by any of them verifies).
    #[serde(default)]
    pub idp_certificates: Vec<String>,
    #[serde(default)]
    pub idp_certificate_files: Vec<PathBuf>,
    /// authgate's entity id at this IdP (the Audience it must put in assertions).
    pub sp_entity_id: String,
    /// authgate's SP key (PEM, PKCS#8 or PKCS#1 RSA), from an environment variable or a file:
    /// it decrypts encrypted assertions and signs AuthnRequests.
    #[serde(default)]
    pub sp_private_key_env: Option<String>,
    #[serde(default)]
    pub sp_private_key_file: Option<PathBuf>,
    /// authgate's SP certificate (PEM file), published in its SP metadata.
    #[serde(default)]
    pub sp_certificate_file: Option<PathBuf>,
    /// Sign AuthnRequests (HTTP-Redirect binding, RSA-SHA256); needs the SP key.
    #[serde(default)]
    pub sign_requests: bool,
    /// Claim ← SAML attribute `Name` (Cognito's attribute mapping): `email = "mail"`.
    #[serde(default)]
    pub attribute_mapping: BTreeMap<String, String>,
    /// The IdP vouches for the mapped `email`: `email_verified = true` in the tokens.
    #[serde(default)]
    pub email_verified: bool,
    /// The NameID format requested (persistent by default).
    #[serde(default = "default_name_id_format")]
    pub name_id_format: String,
    /// Accept transient NameIDs (a new subject at every sign-in): off by default.
    #[serde(default)]
    pub allow_transient_name_id: bool,
    /// Accept RSA-SHA1 / SHA-1 signatures from this IdP (legacy ADFS): off by default.
    #[serde(default)]
    pub allow_sha1: bool,
    /// Clock difference tolerated on NotBefore / NotOnOrAfter / IssueInstant (≤ 5 min).
    #[serde(default = "default_clock_skew", with = "humantime_serde")]
    pub clock_skew: Duration,
    /// How old a response's IssueInstant may be.
    #[serde(default = "default_max_issue_delay", with = "humantime_serde")]
    pub max_issue_delay: Duration,
    /// The IdP was set up for a Cognito domain and posts to Cognito's ACS,
    /// `/saml2/idpresponse` (no provider in the path): that URL is then this provider's ACS
    /// (AuthnRequest, SP metadata, Destination and Recipient checks), so only the domain
    /// changes at the IdP. The IdP is found from the sign-in's record, never the response.
    #[serde(default)]
    pub cognito_acs: bool,
    /// Identity-pool passthrough (opt-in): the IAM SAML provider ARN the pool knows this IdP
    /// by. With it, `logins = "upstream"` (then the default) sends the SAMLResponse itself
    /// under this ARN instead of an ID token; see docs/configuration.md for why the IdP must
    /// address the assertion to AWS for the pool to take it.
    #[serde(default)]
    pub aws_saml_provider_arn: Option<String>,
    /// IdP-initiated sign-in (unsolicited responses): off unless set; see `idp_initiated`.
    #[serde(default)]
    pub idp_initiated: Option<super::idp_initiated::IdpInitiatedSettings>,
}

fn default_name_id_format() -> String {
    "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent".into()
}
fn default_metadata_refresh() -> Duration {
    Duration::from_secs(3600)
}
fn default_clock_skew() -> Duration {
    Duration::from_secs(180)
}
fn default_max_issue_delay() -> Duration {
    Duration::from_secs(300)
}

/// Everything the verifier and the request builder need, read and checked.
#[derive(Clone)]
pub struct SamlProfile {
    /// The provider id (`[[providers]] id`): part of every `sub`.
    pub provider: String,
    pub idp_entity_id: String,
    pub idp_sso_url: String,
    pub idp_slo_url: Option<String>,
    /// Where LogoutResponses to the IdP go (its metadata's `ResponseLocation`, else
    /// `idp_slo_url`).
    pub idp_slo_response_url: Option<String>,
    /// authgate's SingleLogoutService for this provider (`/saml2/logout/{provider}`), set by
    /// [`SamlProfile::with_slo_url`]; `None` leaves single logout off.
    pub sp_slo_url: Option<String>,
    /// Never empty (see [`SamlSettings::resolve`]).
    pub idp_certificates: Vec<CertificateDer>,
    pub sp_entity_id: String,
    /// This provider's ACS URL (`/saml2/idpresponse/{provider}` under the public URL).
    pub acs_url: String,
    pub sp_key: Option<PKey<Private>>,
    /// DER of the SP certificate, for the SP metadata.
    pub sp_certificate: Option<Vec<u8>>,
    pub sign_requests: bool,
    pub attribute_mapping: BTreeMap<String, String>,
    pub email_verified: bool,
    pub name_id_format: String,
    pub allow_transient_name_id: bool,
    pub algorithms: Algorithms,
    pub clock_skew: Duration,
    pub max_issue_delay: Duration,
    /// Keep the SAMLResponse (sealed, with the identity) for the identity pool's Logins.
    pub keep_response_for_aws: bool,
    /// Where an unsolicited response lands; `None`: unsolicited responses are refused.
    pub idp_initiated: Option<super::idp_initiated::IdpInitiatedSettings>,
}

impl std::fmt::Debug for SamlProfile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SamlProfile")
            .field("provider", &self.provider)
            .field("idp_entity_id", &self.idp_entity_id)
            .field("certificates", &self.idp_certificates.len())
            .field("sp_key", &self.sp_key.as_ref().map(|_| "<redacted>"))
            .finish_non_exhaustive()
    }
}

/// Where single logout messages go, when it is on for a provider.
#[derive(Debug, Clone, Copy)]
pub struct SloEndpoints<'a> {
    /// The IdP's SingleLogoutService (our LogoutRequests).
    pub idp_url: &'a str,
    /// Where our LogoutResponses go.
    pub idp_response_url: &'a str,
    /// authgate's own (`/saml2/logout/{provider}`): the Destination the IdP's messages name.
    pub sp_url: &'a str,
}

impl SamlProfile {
    /// This profile with single logout answered at `sp_slo_url`.
    pub fn with_slo_url(mut self, sp_slo_url: &str) -> Self {
        self.sp_slo_url = Some(sp_slo_url.to_string());
        self
    }

    /// The endpoints of single logout, when it is on: the IdP has an SLO URL, authgate has
    /// its own and an SP key to sign with (unsigned logout messages are never sent).
    pub fn slo(&self) -> Option<SloEndpoints<'_>> {
        self.sp_key.as_ref()?;
        let idp_url = self.idp_slo_url.as_deref()?;
        Some(SloEndpoints {
            idp_url,
            idp_response_url: self.idp_slo_response_url.as_deref().unwrap_or(idp_url),
            sp_url: self.sp_slo_url.as_deref()?,
        })
    }
}

/// What an IdP's metadata file gave.
#[derive(Debug, Default, PartialEq)]
pub struct IdpMetadata {
    pub entity_id: String,
    pub sso_redirect_url: Option<String>,
    pub slo_redirect_url: Option<String>,
    /// The Redirect SingleLogoutService's `ResponseLocation`, when it has one.
    pub slo_response_url: Option<String>,
    /// DER of every signing certificate (KeyDescriptor `use="signing"` or without `use`).
    pub signing_certificates: Vec<Vec<u8>>,
}

const REDIRECT_BINDING: &str = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

/// Reads an IdP `EntityDescriptor` (a file an admin downloaded; not its signature: pin the
/// file, or the certificates).
pub fn parse_idp_metadata(xml: &str) -> Result<IdpMetadata, String> {
    let doc = profile::parse(xml).map_err(|e| format!("IdP metadata: {e}"))?;
    let root = doc.root_element();
    if !profile::is(&root, ns::METADATA, "EntityDescriptor") {
        return Err("IdP metadata: not an EntityDescriptor".into());
    }
    let entity_id = root
        .attribute("entityID")
        .ok_or("IdP metadata: no entityID")?
        .to_string();
    let idp = root
        .children()
        .find(|c| profile::is(c, ns::METADATA, "IDPSSODescriptor"))
        .ok_or("IdP metadata: no IDPSSODescriptor")?;
    let mut out = IdpMetadata {
        entity_id,
        ..IdpMetadata::default()
    };
    for node in idp.children().filter(roxmltree::Node::is_element) {
        let redirect = node.attribute("Binding") == Some(REDIRECT_BINDING);
        let location = node.attribute("Location").map(str::to_string);
        if profile::is(&node, ns::METADATA, "SingleSignOnService")
            && redirect
            && out.sso_redirect_url.is_none()
        {
            out.sso_redirect_url = location;
        } else if profile::is(&node, ns::METADATA, "SingleLogoutService")
            && redirect
            && out.slo_redirect_url.is_none()
        {
            out.slo_response_url = node.attribute("ResponseLocation").map(str::to_string);
            out.slo_redirect_url = location;
        } else if profile::is(&node, ns::METADATA, "KeyDescriptor")
            && node.attribute("use").is_none_or(|u| u == "signing")
        {
            for cert in node
                .descendants()
                .filter(|n| profile::is(n, ns::DSIG, "X509Certificate"))
            {
                let text: String = cert
                    .text()
                    .unwrap_or_default()
                    .split_ascii_whitespace()
                    .collect();
                out.signing_certificates.push(
                    STANDARD
                        .decode(text)
                        .map_err(|_| "IdP metadata: an X509Certificate is not base64")?,
                );
            }
        }
    }
    Ok(out)
}

/// `arn:{partition}:iam::{account}:saml-provider/{name}`.
fn is_saml_provider_arn(arn: &str) -> bool {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    matches!(parts.as_slice(),
        ["arn", partition, "iam", "", account, resource]
            if partition.starts_with("aws")
                && account.len() == 12
                && account.chars().all(|c| c.is_ascii_digit())
                && resource.strip_prefix("saml-provider/").is_some_and(|r| !r.is_empty()))
}

/// The DER of every certificate in a PEM text.
fn pem_certificates(pem: &str) -> Result<Vec<Vec<u8>>, String> {
    let certs = openssl::x509::X509::stack_from_pem(pem.as_bytes())
        .map_err(|_| "not a PEM certificate".to_string())?;
    if certs.is_empty() {
        return Err("no certificate in the PEM text".into());
    }
    certs
        .iter()
        .map(|c| c.to_der().map_err(|_| "unreadable certificate".to_string()))
        .collect()
}

impl SamlSettings {
    fn sp_key(&self) -> Result<Option<PKey<Private>>, String> {
        let secret: Option<Secret> =
            read_secret(&self.sp_private_key_env, &self.sp_private_key_file)
                .map_err(|e| e.replace("client_secret", "sp_private_key"))?;
        secret
            .map(|pem| {
                PKey::private_key_from_pem(pem.expose().as_bytes())
                    .ok()
                    .filter(|k| k.rsa().is_ok())
                    .ok_or_else(|| "sp_private_key: not an RSA private key in PEM".to_string())
            })
            .transpose()
    }

    /// Reads every file and key and builds the provider's profile; each problem names its key
    /// under `key` (`providers[i]`). `acs_url` is where this provider's responses arrive.
    pub fn resolve(
        &self,
        key: &str,
        provider: &str,
        acs_url: &str,
    ) -> Result<SamlProfile, Vec<String>> {
        let mut problems = Vec::new();
        let mut metadata = IdpMetadata::default();
        if let Some(path) = &self.idp_metadata_file {
            match std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
                .and_then(|x| parse_idp_metadata(&x))
            {
                Ok(m) => metadata = m,
                Err(e) => problems.push(format!("{key}.idp_metadata_file: {e}")),
            }
        }
        let mut certificates: Vec<CertificateDer> = metadata
            .signing_certificates
            .drain(..)
            .map(CertificateDer::from)
            .collect();
        for (i, pem) in self.idp_certificates.iter().enumerate() {
            match pem_certificates(pem) {
                Ok(ders) => certificates.extend(ders.into_iter().map(CertificateDer::from)),
                Err(e) => problems.push(format!("{key}.idp_certificates[{i}]: {e}")),
            }
        }
        for path in &self.idp_certificate_files {
            match std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
                .and_then(|p| pem_certificates(&p))
            {
                Ok(ders) => certificates.extend(ders.into_iter().map(CertificateDer::from)),
                Err(e) => problems.push(format!("{key}.idp_certificate_files: {e}")),
            }
        }
        // With a metadata URL, the certificates, entity id and SSO URL may all come from each
        // fetched copy, which is refused unless it has them (`metadata_url`).
        let live = self.idp_metadata_url.is_some();
        if let Some(url) = &self.idp_metadata_url {
            crate::config::validate_upstream_url(key, "idp_metadata_url", url, &mut problems);
            if self.idp_metadata_file.is_some() {
                problems.push(format!(
                    "{key}.idp_metadata_url: give the metadata as a file or by URL, not both"
                ));
            }
            if self.idp_metadata_refresh < Duration::from_secs(60) {
                problems.push(format!("{key}.idp_metadata_refresh: at least 1 minute"));
            }
        }
        if certificates.is_empty() && problems.is_empty() && !live {
            problems.push(format!(
                "{key}: a SAML provider needs at least one IdP signing certificate (idp_certificates, idp_certificate_files or idp_metadata_file); authgate never accepts unverified responses"
            ));
        }
        let idp_entity_id = self.idp_entity_id.clone().unwrap_or(metadata.entity_id);
        if idp_entity_id.is_empty() && !live {
            problems.push(format!(
                "{key}.idp_entity_id: needed (or idp_metadata_file)"
            ));
        }
        let idp_sso_url = self
            .idp_sso_url
            .clone()
            .or(metadata.sso_redirect_url)
            .unwrap_or_default();
        for (name, value) in [
            (
                "idp_sso_url",
                Some(&idp_sso_url).filter(|u| !(live && u.is_empty())),
            ),
            ("idp_slo_url", self.idp_slo_url.as_ref()),
        ] {
            if let Some(value) = value {
                crate::config::validate_upstream_url(key, name, value, &mut problems);
            }
        }
        if self.sp_entity_id.is_empty() {
            problems.push(format!("{key}.sp_entity_id: must not be empty"));
        }
        let sp_key = self.sp_key().unwrap_or_else(|e| {
            problems.push(format!("{key}.{e}"));
            None
        });
        if self.idp_slo_url.is_some() && sp_key.is_none() {
            problems.push(format!(
                "{key}.idp_slo_url: single logout signs its messages: needs sp_private_key_env or sp_private_key_file"
            ));
        }
        if self.sign_requests && sp_key.is_none() {
            problems.push(format!(
                "{key}.sign_requests: needs sp_private_key_env or sp_private_key_file"
            ));
        }
        let sp_certificate = self.sp_certificate_file.as_ref().and_then(|path| {
            match std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
                .and_then(|p| pem_certificates(&p))
            {
                Ok(mut ders) => Some(ders.remove(0)),
                Err(e) => {
                    problems.push(format!("{key}.sp_certificate_file: {e}"));
                    None
                }
            }
        });
        if self.clock_skew > Duration::from_secs(300) {
            problems.push(format!("{key}.clock_skew: at most 5 minutes"));
        }
        if self.max_issue_delay.is_zero() || self.max_issue_delay > Duration::from_secs(900) {
            problems.push(format!(
                "{key}.max_issue_delay: between 1 second and 15 minutes"
            ));
        }
        if let Some(landing) = &self.idp_initiated {
            landing.check(key, &mut problems);
        }
        if let Some(arn) = &self.aws_saml_provider_arn
            && !is_saml_provider_arn(arn)
        {
            problems.push(format!(
                "{key}.aws_saml_provider_arn: `{arn}` is not an IAM SAML provider ARN (arn:aws:iam::123456789012:saml-provider/name)"
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(SamlProfile {
            provider: provider.to_string(),
            idp_entity_id,
            idp_sso_url,
            idp_slo_response_url: self
                .idp_slo_url
                .is_none()
                .then_some(metadata.slo_response_url)
                .flatten()
                .or_else(|| self.idp_slo_url.clone())
                .or_else(|| metadata.slo_redirect_url.clone()),
            idp_slo_url: self.idp_slo_url.clone().or(metadata.slo_redirect_url),
            sp_slo_url: None,
            idp_certificates: certificates,
            sp_entity_id: self.sp_entity_id.clone(),
            acs_url: acs_url.to_string(),
            sp_key,
            sp_certificate,
            sign_requests: self.sign_requests,
            attribute_mapping: self.attribute_mapping.clone(),
            email_verified: self.email_verified,
            name_id_format: self.name_id_format.clone(),
            allow_transient_name_id: self.allow_transient_name_id,
            algorithms: Algorithms {
                allow_sha1: self.allow_sha1,
            },
            clock_skew: self.clock_skew,
            max_issue_delay: self.max_issue_delay,
            keep_response_for_aws: self.aws_saml_provider_arn.is_some(),
            idp_initiated: self.idp_initiated.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(toml_text: &str) -> SamlSettings {
        toml::from_str(toml_text).unwrap()
    }

    #[test]
    fn a_provider_without_certificates_is_refused() {
        let s = settings(
            r#"sp_entity_id = "urn:authgate"
               idp_entity_id = "urn:idp"
               idp_sso_url = "https://idp.example/sso""#,
        );
        let problems = s
            .resolve(
                "providers[0]",
                "corp",
                "https://a.example/saml2/idpresponse/corp",
            )
            .unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.contains("at least one IdP signing certificate")),
            "{problems:?}"
        );
    }

    #[test]
    fn metadata_gives_entity_urls_and_signing_certificates_only() {
        let xml = r#"<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="urn:idp">
          <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>AQID</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
            <md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>BAUG</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
            <md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>BwgJ</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example/post"/>
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/sso"/>
          </md:IDPSSODescriptor></md:EntityDescriptor>"#;
        let m = parse_idp_metadata(xml).unwrap();
        assert_eq!(m.entity_id, "urn:idp");
        assert_eq!(
            m.sso_redirect_url.as_deref(),
            Some("https://idp.example/sso")
        );
        assert_eq!(m.signing_certificates, vec![vec![1, 2, 3], vec![7, 8, 9]]);
    }

    #[test]
    fn single_logout_without_an_sp_key_is_refused() {
        let s = settings(
            r#"sp_entity_id = "urn:authgate"
               idp_entity_id = "urn:idp"
               idp_sso_url = "https://idp.example/sso"
               idp_slo_url = "https://idp.example/slo"
               idp_certificates = ["not a pem"]"#,
        );
        let problems = s
            .resolve("providers[0]", "corp", "https://a.example/acs")
            .unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("providers[0].idp_slo_url: single logout signs")),
            "{problems:?}"
        );
    }

    #[test]
    fn metadata_gives_the_slo_url_and_its_response_location() {
        let xml = r#"<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:idp">
          <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example/slo-post"/>
            <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/slo" ResponseLocation="https://idp.example/slo-done"/>
          </md:IDPSSODescriptor></md:EntityDescriptor>"#;
        let m = parse_idp_metadata(xml).unwrap();
        assert_eq!(
            m.slo_redirect_url.as_deref(),
            Some("https://idp.example/slo")
        );
        assert_eq!(
            m.slo_response_url.as_deref(),
            Some("https://idp.example/slo-done")
        );
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(
            toml::from_str::<SamlSettings>("sp_entity_id = \"x\"\nallow_unsigned = true").is_err()
        );
    }
}
