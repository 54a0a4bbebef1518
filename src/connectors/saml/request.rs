//! What authgate sends to an IdP, as pure functions: the AuthnRequest for the HTTP-Redirect
//! binding (raw DEFLATE + base64, optionally signed with RSA-SHA256 over the query string as
//! SAML bindings §3.4.4.1 specifies) and authgate's SP metadata for the IdP admin to import.

use super::{SamlProfile, ns};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use flate2::Compression;
use flate2::write::DeflateEncoder;
use std::io::Write;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use url::Url;

pub(super) const RSA_SHA256: &str = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
pub(super) const POST_BINDING: &str = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
pub(super) const REDIRECT_BINDING: &str = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

/// Escapes text for an XML attribute value or element content.
pub(super) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// One AuthnRequest's variable parts.
#[derive(Debug, Clone)]
pub struct AuthnRequestParams<'a> {
    /// The request ID (an NCName; stored with the sign-in and matched against InResponseTo).
    pub id: &'a str,
    pub issue_instant: OffsetDateTime,
    /// Force a fresh IdP sign-in (`prompt=login`, `max_age`).
    pub force_authn: bool,
    /// No IdP interaction allowed (`prompt=none`).
    pub is_passive: bool,
}

/// A fresh request ID: `_` + 32 hex digits (an NCName, unguessable).
pub fn new_request_id() -> String {
    let bytes: [u8; 16] = rand::random();
    format!(
        "_{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    )
}

impl SamlProfile {
    /// The AuthnRequest XML.
    pub fn authn_request_xml(&self, params: &AuthnRequestParams) -> String {
        let instant = params
            .issue_instant
            .replace_nanosecond(0)
            .unwrap_or(params.issue_instant)
            .format(&Rfc3339)
            .unwrap_or_default();
        let mut flags = String::new();
        if params.force_authn {
            flags.push_str(r#" ForceAuthn="true""#);
        }
        if params.is_passive {
            flags.push_str(r#" IsPassive="true""#);
        }
        format!(
            r#"<samlp:AuthnRequest xmlns:samlp="{protocol}" xmlns:saml="{assertion}" ID="{id}" Version="2.0" IssueInstant="{instant}" Destination="{destination}" AssertionConsumerServiceURL="{acs}" ProtocolBinding="{POST_BINDING}"{flags}><saml:Issuer>{issuer}</saml:Issuer><samlp:NameIDPolicy Format="{format}" AllowCreate="true"/></samlp:AuthnRequest>"#,
            protocol = ns::PROTOCOL,
            assertion = ns::ASSERTION,
            id = escape(params.id),
            destination = escape(&self.idp_sso_url),
            acs = escape(&self.acs_url),
            issuer = escape(&self.sp_entity_id),
            format = escape(&self.name_id_format),
        )
    }

    /// The IdP URL the browser is sent to: `SAMLRequest` (deflated, base64) and `RelayState`,
    /// plus `SigAlg` and `Signature` when this provider signs its requests.
    pub fn authn_request_url(
        &self,
        params: &AuthnRequestParams,
        relay_state: &str,
    ) -> Result<Url, String> {
        let xml = self.authn_request_xml(params);
        self.redirect_binding_url(
            &self.idp_sso_url,
            "SAMLRequest",
            &xml,
            Some(relay_state),
            self.sign_requests,
        )
    }

    /// `destination` with a message in the HTTP-Redirect binding (SAML bindings §3.4.4):
    /// `parameter` (`SAMLRequest` / `SAMLResponse`) = the deflated, base64 XML, then
    /// `RelayState`, then, when `sign`, `SigAlg` and the RSA-SHA256 `Signature` over exactly
    /// those bytes. Query parameters the destination already has are kept in front.
    pub fn redirect_binding_url(
        &self,
        destination: &str,
        parameter: &str,
        xml: &str,
        relay_state: Option<&str>,
        sign: bool,
    ) -> Result<Url, String> {
        let mut deflater = DeflateEncoder::new(Vec::new(), Compression::default());
        deflater
            .write_all(xml.as_bytes())
            .map_err(|e| e.to_string())?;
        let deflated = deflater.finish().map_err(|e| e.to_string())?;
        // The signature covers the query exactly as sent, so build it by hand in the order
        // the binding fixes (message, RelayState, SigAlg).
        let enc = |v: &str| url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>();
        let mut query = format!("{parameter}={}", enc(&STANDARD.encode(deflated)));
        if let Some(relay_state) = relay_state {
            query.push_str(&format!("&RelayState={}", enc(relay_state)));
        }
        if sign {
            let key = self.sp_key.as_ref().ok_or("signing without an SP key")?;
            query.push_str(&format!("&SigAlg={}", enc(RSA_SHA256)));
            let mut signer =
                openssl::sign::Signer::new(openssl::hash::MessageDigest::sha256(), key)
                    .map_err(|e| e.to_string())?;
            signer.update(query.as_bytes()).map_err(|e| e.to_string())?;
            let signature = signer.sign_to_vec().map_err(|e| e.to_string())?;
            query.push_str(&format!("&Signature={}", enc(&STANDARD.encode(signature))));
        }
        let mut url = Url::parse(destination).map_err(|e| e.to_string())?;
        let full = match url.query() {
            Some(existing) if !existing.is_empty() => format!("{existing}&{query}"),
            _ => query,
        };
        url.set_query(Some(&full));
        Ok(url)
    }

    /// authgate's SP metadata for this provider (entity id, ACS, certificates, NameID format).
    pub fn sp_metadata_xml(&self) -> String {
        let key_descriptors = self
            .sp_certificate
            .as_ref()
            .map(|der| {
                let cert = STANDARD.encode(der);
                ["signing", "encryption"]
                    .iter()
                    .map(|usage| {
                        format!(r#"<md:KeyDescriptor use="{usage}"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"#)
                    })
                    .collect::<String>()
            })
            .unwrap_or_default();
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="{md}" xmlns:ds="{ds}" entityID="{entity}"><md:SPSSODescriptor AuthnRequestsSigned="{signed}" WantAssertionsSigned="true" protocolSupportEnumeration="{protocol}">{key_descriptors}{slo}<md:NameIDFormat>{format}</md:NameIDFormat><md:AssertionConsumerService Binding="{POST_BINDING}" Location="{acs}" index="0" isDefault="true"/></md:SPSSODescriptor></md:EntityDescriptor>"#,
            md = ns::METADATA,
            ds = ns::DSIG,
            entity = escape(&self.sp_entity_id),
            signed = self.sign_requests,
            protocol = ns::PROTOCOL,
            format = escape(&self.name_id_format),
            acs = escape(&self.acs_url),
            slo = self.single_logout_services(),
        )
    }

    /// authgate's SingleLogoutService for this provider, in both bindings (Redirect first:
    /// the one whose LogoutResponse comes back with the browser's session cookie), when
    /// single logout is on.
    fn single_logout_services(&self) -> String {
        let Some(slo) = self.slo() else {
            return String::new();
        };
        [REDIRECT_BINDING, POST_BINDING]
            .iter()
            .map(|binding| {
                format!(
                    r#"<md:SingleLogoutService Binding="{binding}" Location="{}"/>"#,
                    escape(slo.sp_url)
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connectors::saml::SamlSettings;
    use flate2::read::DeflateDecoder;
    use std::io::Read;

    fn profile(sign: bool) -> (SamlProfile, openssl::pkey::PKey<openssl::pkey::Private>) {
        let key =
            openssl::pkey::PKey::from_rsa(openssl::rsa::Rsa::generate(2048).unwrap()).unwrap();
        let pem = String::from_utf8(key.private_key_to_pem_pkcs8().unwrap()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("sp.pem");
        std::fs::write(&key_file, pem).unwrap();
        let settings: SamlSettings = toml::from_str(&format!(
            r#"sp_entity_id = "urn:authgate:sp"
               idp_entity_id = "urn:idp"
               idp_sso_url = "https://idp.example/sso?tenant=a"
               idp_certificates = ["""{}"""]
               sp_private_key_file = "{}"
               sign_requests = {sign}"#,
            test_certificate(&key),
            key_file.display()
        ))
        .unwrap();
        (
            settings
                .resolve(
                    "providers[0]",
                    "corp",
                    "https://auth.example/saml2/idpresponse/corp",
                )
                .unwrap(),
            key,
        )
    }

    fn test_certificate(key: &openssl::pkey::PKey<openssl::pkey::Private>) -> String {
        let mut name = openssl::x509::X509NameBuilder::new().unwrap();
        name.append_entry_by_text("CN", "test").unwrap();
        let name = name.build();
        let mut b = openssl::x509::X509Builder::new().unwrap();
        b.set_subject_name(&name).unwrap();
        b.set_issuer_name(&name).unwrap();
        b.set_pubkey(key).unwrap();
        b.set_not_before(&openssl::asn1::Asn1Time::days_from_now(0).unwrap())
            .unwrap();
        b.set_not_after(&openssl::asn1::Asn1Time::days_from_now(1).unwrap())
            .unwrap();
        b.sign(key, openssl::hash::MessageDigest::sha256()).unwrap();
        String::from_utf8(b.build().to_pem().unwrap()).unwrap()
    }

    fn params() -> AuthnRequestParams<'static> {
        AuthnRequestParams {
            id: "_abc",
            issue_instant: OffsetDateTime::UNIX_EPOCH,
            force_authn: true,
            is_passive: false,
        }
    }

    #[test]
    fn redirect_url_carries_the_deflated_request_and_keeps_the_idp_query() {
        let (p, _) = profile(false);
        let url = p.authn_request_url(&params(), "req-1").unwrap();
        let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        assert_eq!(pairs[0], ("tenant".into(), "a".into()));
        assert_eq!(pairs[2], ("RelayState".into(), "req-1".into()));
        assert!(!pairs.iter().any(|(k, _)| k == "Signature"));
        let raw = STANDARD.decode(&pairs[1].1).unwrap();
        let mut xml = String::new();
        DeflateDecoder::new(&raw[..])
            .read_to_string(&mut xml)
            .unwrap();
        assert!(
            xml.contains(r#"ID="_abc""#)
                && xml.contains(r#"ForceAuthn="true""#)
                && !xml.contains("IsPassive"),
            "{xml}"
        );
        assert!(xml.contains("<saml:Issuer>urn:authgate:sp</saml:Issuer>"));
        assert!(xml.contains(
            r#"AssertionConsumerServiceURL="https://auth.example/saml2/idpresponse/corp""#
        ));
        assert!(roxmltree::Document::parse(&xml).is_ok());
    }

    #[test]
    fn signed_redirect_verifies_over_the_exact_query() {
        let (p, key) = profile(true);
        let url = p
            .authn_request_url(
                &AuthnRequestParams {
                    is_passive: true,
                    ..params()
                },
                "r&s",
            )
            .unwrap();
        let query = url.query().unwrap();
        let (signed, signature) = query.split_once("&Signature=").unwrap();
        let signed = signed.strip_prefix("tenant=a&").unwrap();
        assert!(
            signed.ends_with(
                "&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256"
            )
        );
        let signature: String = url::form_urlencoded::parse(format!("s={signature}").as_bytes())
            .next()
            .unwrap()
            .1
            .into_owned();
        let signature = STANDARD.decode(signature).unwrap();
        let mut verifier =
            openssl::sign::Verifier::new(openssl::hash::MessageDigest::sha256(), &key).unwrap();
        verifier.update(signed.as_bytes()).unwrap();
        assert!(verifier.verify(&signature).unwrap());
        let mut tampered =
            openssl::sign::Verifier::new(openssl::hash::MessageDigest::sha256(), &key).unwrap();
        tampered
            .update(
                signed
                    .replace("RelayState=r%26s", "RelayState=x")
                    .as_bytes(),
            )
            .unwrap();
        assert!(!tampered.verify(&signature).unwrap());
    }

    #[test]
    fn sp_metadata_names_the_acs_and_escapes() {
        let (mut p, _) = profile(false);
        p.sp_entity_id = "urn:a&b".into();
        let xml = p.sp_metadata_xml();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        assert_eq!(doc.root_element().attribute("entityID"), Some("urn:a&b"));
        let acs = doc
            .descendants()
            .find(|n| n.has_tag_name("AssertionConsumerService"))
            .unwrap();
        assert_eq!(
            acs.attribute("Location"),
            Some("https://auth.example/saml2/idpresponse/corp")
        );
        assert_eq!(acs.attribute("Binding"), Some(POST_BINDING));
    }
}
