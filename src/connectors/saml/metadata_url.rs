//! IdP metadata by URL (`idp_metadata_url`): fetched at start and every
//! `idp_metadata_refresh`, each good copy giving the entity id, SSO/SLO URLs and signing
//! certificates (several at once during a rollover) the verifier runs with.
//!
//! Why "last good copy": a refresh that fails (unreachable, an HTTP error, not an
//! `EntityDescriptor`, another entity, no signing certificate, an unreadable certificate) must
//! never leave the provider with nothing to verify against, nor with an attacker's empty
//! document: the copy before it stays in force, and the failure is logged and counted
//! (`authgate_saml_metadata_refreshes_total{provider,outcome}`). The metadata's own signature
//! is not checked: TLS to the IdP's host is what vouches for it (https is required), and keys
//! set in config (`idp_entity_id`, certificates) still apply, the entity id as a pin.

use super::SamlProfile;
use super::settings::parse_idp_metadata;
use samael::crypto::CertificateDer;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// Largest metadata document read (Entra's, with every role, is well under this).
const MAX_METADATA: usize = 1024 * 1024;
/// One fetch may take this long.
const FETCH_TIMEOUT: Duration = Duration::from_secs(10);
/// After a failed refresh, the next try comes sooner than the interval, but not sooner than this.
const MIN_RETRY: Duration = Duration::from_secs(60);

/// A SAML provider's profile as its metadata URL last gave it.
pub struct LiveMetadata {
    url: String,
    interval: Duration,
    /// Everything from config (the SP side, pinned IdP keys); each copy is merged into it.
    base: Arc<SamlProfile>,
    client: reqwest::Client,
    current: RwLock<Option<Arc<SamlProfile>>>,
    /// One fetch at a time (the start-up one, a refresh, a sign-in finding no copy yet).
    fetching: tokio::sync::Mutex<()>,
}

impl LiveMetadata {
    pub fn new(base: Arc<SamlProfile>, url: &str, interval: Duration) -> Result<Self, String> {
        Ok(Self {
            url: url.to_string(),
            interval,
            base,
            client: crate::connectors::upstream_http_client(FETCH_TIMEOUT)?,
            current: RwLock::new(None),
            fetching: tokio::sync::Mutex::new(()),
        })
    }

    /// The last good copy, if any.
    pub fn last_good(&self) -> Option<Arc<SamlProfile>> {
        self.current.read().ok()?.clone()
    }

    /// The profile to verify with: the last good copy, or a first fetch now when there is
    /// none (the IdP was unreachable at start). `None`: no good copy at all.
    pub async fn profile(&self) -> Option<Arc<SamlProfile>> {
        if let Some(profile) = self.last_good() {
            return Some(profile);
        }
        let _one = self.fetching.lock().await;
        if self.last_good().is_none() {
            let _ = self.fetch_and_apply().await;
        }
        self.last_good()
    }

    /// Fetches the metadata once: `Ok` with the number of signing certificates now in force,
    /// or why this copy was refused (the last good one stays).
    pub async fn refresh(&self) -> Result<usize, String> {
        let _one = self.fetching.lock().await;
        self.fetch_and_apply().await
    }

    async fn fetch_and_apply(&self) -> Result<usize, String> {
        let provider = self.base.provider.as_str();
        let result = match self.fetch().await {
            Ok(xml) => merge(&self.base, &xml),
            Err(e) => Err(e),
        };
        match result {
            Ok(profile) => {
                let count = profile.idp_certificates.len();
                if let Ok(mut current) = self.current.write() {
                    *current = Some(Arc::new(profile));
                }
                crate::telemetry::meter::saml_metadata_refresh(provider, "ok");
                tracing::info!(
                    provider,
                    certificates = count,
                    "SAML IdP metadata refreshed"
                );
                Ok(count)
            }
            Err(reason) => {
                crate::telemetry::meter::saml_metadata_refresh(provider, "failed");
                let kept = self.last_good().is_some();
                tracing::warn!(
                    provider,
                    error = %reason,
                    kept_last_good_copy = kept,
                    "SAML IdP metadata refresh refused"
                );
                Err(reason)
            }
        }
    }

    async fn fetch(&self) -> Result<String, String> {
        let mut response = self
            .client
            .get(&self.url)
            .send()
            .await
            .map_err(|e| format!("fetch: {e}"))?;
        if !response.status().is_success() {
            return Err(format!("fetch: HTTP {}", response.status()));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| format!("fetch: {e}"))? {
            if body.len() + chunk.len() > MAX_METADATA {
                return Err("fetch: larger than 1 MiB".into());
            }
            body.extend_from_slice(&chunk);
        }
        String::from_utf8(body).map_err(|_| "not UTF-8".to_string())
    }

    /// Fetches now and then every interval (sooner after a failure) for as long as the
    /// provider exists.
    pub fn spawn_refresh(self: &Arc<Self>) {
        let weak = Arc::downgrade(self);
        tokio::spawn(async move {
            loop {
                let Some(live) = weak.upgrade() else { break };
                let wait = match live.refresh().await {
                    Ok(_) => live.interval,
                    Err(_) => (live.interval / 4).max(MIN_RETRY),
                };
                drop(live);
                tokio::time::sleep(wait).await;
            }
        });
    }
}

/// `base` with a fetched metadata document's IdP keys: config wins for the entity id and
/// URLs, certificates from both count. Refused: a document that is not an IdP
/// `EntityDescriptor`, names another entity than a configured `idp_entity_id`, has no signing
/// certificate, or has one that is not an X.509 certificate.
pub fn merge(base: &SamlProfile, xml: &str) -> Result<SamlProfile, String> {
    let metadata = parse_idp_metadata(xml)?;
    if metadata.signing_certificates.is_empty() {
        return Err("IdP metadata: no signing certificate".into());
    }
    for der in &metadata.signing_certificates {
        openssl::x509::X509::from_der(der)
            .map_err(|_| "IdP metadata: a signing certificate is not X.509")?;
    }
    let mut profile = base.clone();
    if profile.idp_entity_id.is_empty() {
        profile.idp_entity_id = metadata.entity_id;
    } else if profile.idp_entity_id != metadata.entity_id {
        return Err(format!(
            "IdP metadata: entity {:?}, not the configured idp_entity_id",
            metadata.entity_id
        ));
    }
    if profile.idp_sso_url.is_empty() {
        profile.idp_sso_url = metadata
            .sso_redirect_url
            .ok_or("IdP metadata: no HTTP-Redirect SingleSignOnService")?;
        let mut problems = Vec::new();
        crate::config::validate_upstream_url(
            "IdP metadata",
            "SingleSignOnService",
            &profile.idp_sso_url,
            &mut problems,
        );
        if let Some(problem) = problems.pop() {
            return Err(problem);
        }
    }
    if profile.idp_slo_url.is_none() {
        // Single logout then comes from this copy alone (with the SP key from config).
        profile.idp_slo_response_url = metadata
            .slo_response_url
            .or_else(|| metadata.slo_redirect_url.clone());
        profile.idp_slo_url = metadata.slo_redirect_url;
        let mut problems = Vec::new();
        for (name, url) in [
            ("SingleLogoutService", profile.idp_slo_url.as_deref()),
            ("ResponseLocation", profile.idp_slo_response_url.as_deref()),
        ] {
            if let Some(url) = url {
                crate::config::validate_upstream_url("IdP metadata", name, url, &mut problems);
            }
        }
        if let Some(problem) = problems.pop() {
            return Err(problem);
        }
    }
    let mut certificates: Vec<CertificateDer> = metadata
        .signing_certificates
        .into_iter()
        .map(CertificateDer::from)
        .collect();
    certificates.extend(base.idp_certificates.iter().cloned());
    profile.idp_certificates = certificates;
    Ok(profile)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connectors::saml::SamlSettings;

    fn base(extra: &str) -> SamlProfile {
        let settings: SamlSettings = toml::from_str(&format!(
            "idp_metadata_url = \"https://idp.example/metadata\"\nsp_entity_id = \"urn:sp\"\n{extra}"
        ))
        .unwrap();
        settings
            .resolve("providers[0]", "corp", "https://a.example/acs")
            .unwrap()
    }

    /// A real certificate's base64 DER (any will do: only parsing is checked here).
    fn cert_b64() -> String {
        use base64::Engine;
        let key =
            openssl::pkey::PKey::from_rsa(openssl::rsa::Rsa::generate(2048).unwrap()).unwrap();
        let mut name = openssl::x509::X509NameBuilder::new().unwrap();
        name.append_entry_by_text("CN", "idp").unwrap();
        let name = name.build();
        let mut cert = openssl::x509::X509Builder::new().unwrap();
        cert.set_subject_name(&name).unwrap();
        cert.set_issuer_name(&name).unwrap();
        cert.set_pubkey(&key).unwrap();
        let serial = openssl::bn::BigNum::from_u32(1).unwrap();
        cert.set_serial_number(&serial.to_asn1_integer().unwrap())
            .unwrap();
        cert.set_not_before(&openssl::asn1::Asn1Time::days_from_now(0).unwrap())
            .unwrap();
        cert.set_not_after(&openssl::asn1::Asn1Time::days_from_now(1).unwrap())
            .unwrap();
        cert.sign(&key, openssl::hash::MessageDigest::sha256())
            .unwrap();
        base64::engine::general_purpose::STANDARD.encode(cert.build().to_der().unwrap())
    }

    fn metadata(entity: &str, certs: &[String]) -> String {
        let keys: String = certs
            .iter()
            .map(|c| format!(r#"<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{c}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"#))
            .collect();
        format!(
            r#"<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="{entity}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">{keys}<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>"#
        )
    }

    #[test]
    fn a_good_copy_gives_entity_sso_url_and_every_signing_certificate() {
        let (a, b) = (cert_b64(), cert_b64());
        let merged = merge(&base(""), &metadata("urn:idp", &[a, b])).unwrap();
        assert_eq!(merged.idp_entity_id, "urn:idp");
        assert_eq!(merged.idp_sso_url, "https://idp.example/sso");
        assert_eq!(merged.idp_certificates.len(), 2, "both keys of a rollover");
    }

    #[test]
    fn copies_without_keys_of_another_entity_or_not_metadata_are_refused() {
        let pinned = base("idp_entity_id = \"urn:idp\"");
        let refused = [
            merge(&pinned, &metadata("urn:idp", &[])),
            merge(&pinned, &metadata("urn:other", &[cert_b64()])),
            merge(&pinned, &metadata("urn:idp", &["AQID".into()])),
            merge(&pinned, "<html>maintenance</html>"),
            merge(&pinned, "not xml"),
        ];
        for (i, result) in refused.iter().enumerate() {
            assert!(result.is_err(), "case {i} accepted");
        }
    }

    #[test]
    fn a_metadata_url_is_https_and_not_beside_a_file() {
        let settings: SamlSettings = toml::from_str(
            "idp_metadata_url = \"http://idp.example/metadata\"\nidp_metadata_file = \"/x\"\nsp_entity_id = \"urn:sp\"",
        )
        .unwrap();
        let problems = settings
            .resolve("providers[0]", "corp", "https://a.example/acs")
            .unwrap_err();
        assert!(
            problems.iter().any(|p| p.contains("must be https")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("not both")),
            "{problems:?}"
        );
    }
}
