//! Single logout (SAML profiles §4.4) as pure functions over the profile: the signed
//! LogoutRequest and LogoutResponse authgate sends (HTTP-Redirect binding, through
//! [`SamlProfile::redirect_binding_url`], the AuthnRequest's signer), and the checks on what
//! the IdP sends to `/saml2/logout/{provider}`.
//!
//! Why by hand and not samael's types or `UrlVerifier`: samael's `LogoutRequest` reads
//! `SessionIndex` as an attribute (it is an element, SAML core §3.7.1), and `UrlVerifier`
//! re-encodes the query from decoded pairs in a map, so a repeated parameter collapses and an
//! IdP that percent-encodes differently fails. The Redirect signature is checked here over the
//! parameters exactly as they arrived (bindings §3.4.4.1), each at most once; a POSTed
//! message goes through the same structure pinning and samael `PreDigest` verification as a
//! Response, and is read only from the signed bytes. Every message must be signed, name this
//! IdP as Issuer and authgate's SLO URL as Destination, and be fresh; a LogoutRequest is
//! one-time (the store's used-id table), a LogoutResponse must answer the LogoutRequest this
//! browser's `/logout` sent (gosaml2 GHSA-pcgw-qcv5-h8ch, samlify#634).

use super::profile::{self, is};
use super::request::escape;
use super::verify::{self, SUCCESS, child, children, instant, text};
use super::{Refusal, SamlProfile, ns, prescan};
use crate::identity::UpstreamSession;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use openssl::hash::MessageDigest;
use std::io::Read;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use url::Url;

/// A status other than Success, for a LogoutRequest authgate refused.
pub const REQUESTER: &str = "urn:oasis:names:tc:SAML:2.0:status:Requester";
/// Largest query string or DEFLATE output accepted in the Redirect binding.
pub const MAX_REDIRECT: usize = 64 * 1024;
/// Longest RelayState authgate carries back to the IdP.
pub const MAX_RELAY_STATE: usize = 1024;

const RSA_SHA1: &str = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
const RSA_SHA384: &str = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
const RSA_SHA512: &str = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";

/// Which message arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Request,
    Response,
}

/// A logout message whose signature verified: its XML (the signed bytes) and RelayState.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub kind: Kind,
    pub xml: String,
    pub relay_state: Option<String>,
}

/// An IdP's LogoutRequest that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct IdpLogoutRequest {
    pub id: String,
    pub name_id: String,
    /// Empty: every session of the NameID.
    pub session_indexes: Vec<String>,
    /// Until when its ID must be remembered (after that its IssueInstant is refused anyway).
    pub replay_until: OffsetDateTime,
}

fn kind_of(parameter: &str) -> Option<Kind> {
    match parameter {
        "SAMLRequest" => Some(Kind::Request),
        "SAMLResponse" => Some(Kind::Response),
        _ => None,
    }
}

fn form_decode(raw: &str) -> String {
    url::form_urlencoded::parse(format!("v={raw}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// Inflates a Redirect-binding message, never past [`MAX_REDIRECT`] bytes.
fn inflate(deflated: &[u8]) -> Result<String, Refusal> {
    let mut xml = Vec::new();
    flate2::read::DeflateDecoder::new(deflated)
        .take(MAX_REDIRECT as u64 + 1)
        .read_to_end(&mut xml)
        .map_err(|_| Refusal::BadEncoding)?;
    if xml.len() > MAX_REDIRECT {
        return Err(Refusal::TooLarge);
    }
    String::from_utf8(xml).map_err(|_| Refusal::BadEncoding)
}

fn escape_opt(name: &str, value: Option<&String>) -> String {
    value.map_or_else(String::new, |v| format!(r#" {name}="{}""#, escape(v)))
}

fn timestamp(now: OffsetDateTime) -> String {
    now.replace_nanosecond(0)
        .unwrap_or(now)
        .format(&Rfc3339)
        .unwrap_or_default()
}

impl SamlProfile {
    /// The LogoutRequest for the user signed in as `name_id` (with the format, qualifiers
    /// and SessionIndex their assertion carried), to the IdP's SLO URL.
    pub fn logout_request_xml(
        &self,
        id: &str,
        now: OffsetDateTime,
        name_id: &str,
        session: Option<&UpstreamSession>,
    ) -> Option<String> {
        let slo = self.slo()?;
        let session = session.cloned().unwrap_or_default();
        let index = session
            .session_index
            .as_ref()
            .map_or_else(String::new, |i| {
                format!("<samlp:SessionIndex>{}</samlp:SessionIndex>", escape(i))
            });
        Some(format!(
            r#"<samlp:LogoutRequest xmlns:samlp="{protocol}" xmlns:saml="{assertion}" ID="{id}" Version="2.0" IssueInstant="{instant}" Destination="{destination}"><saml:Issuer>{issuer}</saml:Issuer><saml:NameID{format}{qualifier}{sp_qualifier}>{name_id}</saml:NameID>{index}</samlp:LogoutRequest>"#,
            protocol = ns::PROTOCOL,
            assertion = ns::ASSERTION,
            id = escape(id),
            instant = timestamp(now),
            destination = escape(slo.idp_url),
            issuer = escape(&self.sp_entity_id),
            format = escape_opt("Format", session.name_id_format.as_ref()),
            qualifier = escape_opt("NameQualifier", session.name_qualifier.as_ref()),
            sp_qualifier = escape_opt("SPNameQualifier", session.sp_name_qualifier.as_ref()),
            name_id = escape(name_id),
        ))
    }

    /// The IdP URL `/logout` sends the browser to: the signed LogoutRequest (and
    /// `RelayState`, when given).
    pub fn logout_request_url(
        &self,
        id: &str,
        now: OffsetDateTime,
        name_id: &str,
        session: Option<&UpstreamSession>,
        relay_state: Option<&str>,
    ) -> Result<Url, String> {
        let slo = self.slo().ok_or("single logout is off")?;
        let xml = self
            .logout_request_xml(id, now, name_id, session)
            .ok_or("single logout is off")?;
        self.redirect_binding_url(slo.idp_url, "SAMLRequest", &xml, relay_state, true)
    }

    /// The signed LogoutResponse to the IdP's LogoutRequest `in_response_to`, with `status`
    /// (Success, or [`REQUESTER`] for a refused request), and its RelayState back.
    pub fn logout_response_url(
        &self,
        now: OffsetDateTime,
        in_response_to: &str,
        status: &str,
        relay_state: Option<&str>,
    ) -> Result<Url, String> {
        let slo = self.slo().ok_or("single logout is off")?;
        let xml = format!(
            r#"<samlp:LogoutResponse xmlns:samlp="{protocol}" xmlns:saml="{assertion}" ID="{id}" Version="2.0" IssueInstant="{instant}" Destination="{destination}" InResponseTo="{in_response_to}"><saml:Issuer>{issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="{status}"/></samlp:Status></samlp:LogoutResponse>"#,
            protocol = ns::PROTOCOL,
            assertion = ns::ASSERTION,
            id = super::request::new_request_id(),
            instant = timestamp(now),
            destination = escape(slo.idp_response_url),
            in_response_to = escape(in_response_to),
            issuer = escape(&self.sp_entity_id),
            status = escape(status),
        );
        self.redirect_binding_url(
            slo.idp_response_url,
            "SAMLResponse",
            &xml,
            relay_state,
            true,
        )
    }

    /// A message in the HTTP-Redirect binding (`raw_query` exactly as received): its
    /// signature checked over the parameters as they arrived, then inflated and pre-scanned.
    pub fn read_redirect(&self, raw_query: &str) -> Result<Incoming, Refusal> {
        if raw_query.len() > MAX_REDIRECT {
            return Err(Refusal::TooLarge);
        }
        let (mut message, mut relay_state, mut sig_alg, mut signature) = (None, None, None, None);
        for segment in raw_query.split('&').filter(|s| !s.is_empty()) {
            let (key, value) = segment.split_once('=').unwrap_or((segment, ""));
            let slot = match key {
                "SAMLRequest" | "SAMLResponse" => &mut message,
                "RelayState" => &mut relay_state,
                "SigAlg" => &mut sig_alg,
                "Signature" => &mut signature,
                _ => continue,
            };
            // A repeated parameter is how a signed query and the query read part ways.
            if slot.replace((key, value)).is_some() {
                return Err(Refusal::Malformed);
            }
        }
        let (parameter, raw_message) = message.ok_or(Refusal::NotALogoutMessage)?;
        let kind = kind_of(parameter).ok_or(Refusal::NotALogoutMessage)?;
        let (Some((_, raw_alg)), Some((_, raw_signature))) = (sig_alg, signature) else {
            return Err(Refusal::Unsigned);
        };
        let digest = match form_decode(raw_alg).as_str() {
            super::request::RSA_SHA256 => MessageDigest::sha256(),
            RSA_SHA384 => MessageDigest::sha384(),
            RSA_SHA512 => MessageDigest::sha512(),
            RSA_SHA1 if self.algorithms.allow_sha1 => MessageDigest::sha1(),
            _ => return Err(Refusal::AlgorithmNotAllowed),
        };
        let mut signed = format!("{parameter}={raw_message}");
        if let Some((_, raw)) = relay_state {
            signed.push_str(&format!("&RelayState={raw}"));
        }
        signed.push_str(&format!("&SigAlg={raw_alg}"));
        let signature = STANDARD
            .decode(form_decode(raw_signature))
            .map_err(|_| Refusal::SignatureInvalid)?;
        if !self.verifies(&signed, &signature, digest) {
            return Err(Refusal::SignatureInvalid);
        }
        let deflated = STANDARD
            .decode(form_decode(raw_message))
            .map_err(|_| Refusal::BadEncoding)?;
        let xml = inflate(&deflated)?;
        prescan::check(&xml)?;
        let doc = profile::parse(&xml)?;
        profile::check_ids(&doc)?;
        // The Redirect binding signs the query; a signature inside the XML is not expected.
        if doc
            .descendants()
            .any(|n| is(&n, ns::DSIG, "Signature") || n.tag_name().name() == "Signature")
        {
            return Err(Refusal::SignatureMisplaced);
        }
        Ok(Incoming {
            kind,
            xml,
            relay_state: relay_state.map(|(_, raw)| form_decode(raw)),
        })
    }

    /// Whether `signature` over `signed` verifies with any of the IdP's certificates.
    fn verifies(&self, signed: &str, signature: &[u8], digest: MessageDigest) -> bool {
        self.idp_certificates.iter().any(|cert| {
            let Ok(key) =
                openssl::x509::X509::from_der(cert.der_data()).and_then(|c| c.public_key())
            else {
                return false;
            };
            if key.rsa().is_err() {
                return false;
            }
            openssl::sign::Verifier::new(digest, &key)
                .and_then(|mut v| {
                    v.update(signed.as_bytes())?;
                    v.verify(signature)
                })
                .unwrap_or(false)
        })
    }

    /// A message in the HTTP-POST binding (`parameter` is the form field it came in): one
    /// enveloped signature of the pinned shape on the root, verified by samael, and only the
    /// signed bytes returned.
    pub fn read_posted(
        &self,
        parameter: &str,
        field: &str,
        relay_state: Option<&str>,
    ) -> Result<Incoming, Refusal> {
        let kind = kind_of(parameter).ok_or(Refusal::NotALogoutMessage)?;
        let xml = verify::decode_post_field(field)?;
        prescan::check(&xml)?;
        let doc = profile::parse(&xml)?;
        let root = doc.root_element();
        let name = match kind {
            Kind::Request => "LogoutRequest",
            Kind::Response => "LogoutResponse",
        };
        if !is(&root, ns::PROTOCOL, name) {
            return Err(Refusal::NotALogoutMessage);
        }
        profile::check_ids(&doc)?;
        let id = root.attribute("ID").ok_or(Refusal::BadId)?;
        let mut signatures = doc
            .descendants()
            .filter(|n| n.is_element() && n.tag_name().name() == "Signature");
        let (Some(signature), None) = (signatures.next(), signatures.next()) else {
            return Err(
                if doc
                    .descendants()
                    .any(|n| n.tag_name().name() == "Signature")
                {
                    Refusal::SignatureMisplaced
                } else {
                    Refusal::Unsigned
                },
            );
        };
        if signature.parent() != Some(root) || signature.tag_name().namespace() != Some(ns::DSIG) {
            return Err(Refusal::SignatureMisplaced);
        }
        profile::check_signature(signature, id, self.algorithms)?;
        let signed = verify::signed_bytes(self, &xml)?;
        let signed_doc = profile::parse(&signed).map_err(|_| Refusal::SignedElementMismatch)?;
        let signed_root = signed_doc.root_element();
        if !is(&signed_root, ns::PROTOCOL, name) || signed_root.attribute("ID") != Some(id) {
            return Err(Refusal::SignedElementMismatch);
        }
        Ok(Incoming {
            kind,
            xml: signed,
            relay_state: relay_state.map(str::to_string),
        })
    }

    /// The checks every logout message shares, on its root: version, Issuer, Destination (our
    /// SLO URL, required: the message is signed), IssueInstant.
    fn check_logout_envelope(
        &self,
        root: roxmltree::Node,
        now: OffsetDateTime,
    ) -> Result<(), Refusal> {
        if root.attribute("Version") != Some("2.0") {
            return Err(Refusal::Incomplete);
        }
        self.check_issuer(child(root, ns::ASSERTION, "Issuer").ok_or(Refusal::Issuer)?)?;
        let ours = self.slo().map(|s| s.sp_url);
        if root.attribute("Destination").is_none() || root.attribute("Destination") != ours {
            return Err(Refusal::Destination);
        }
        self.check_time_window(instant(root.attribute("IssueInstant"))?, now)
    }

    /// Checks an IdP's LogoutRequest (verified bytes from [`Self::read_redirect`] or
    /// [`Self::read_posted`]) at `now`. Whether its ID was seen before is the caller's
    /// (the store's) to say.
    pub fn check_logout_request(
        &self,
        xml: &str,
        now: OffsetDateTime,
    ) -> Result<IdpLogoutRequest, Refusal> {
        let doc = profile::parse(xml)?;
        let root = doc.root_element();
        if !is(&root, ns::PROTOCOL, "LogoutRequest") {
            return Err(Refusal::NotALogoutMessage);
        }
        let id = root.attribute("ID").ok_or(Refusal::BadId)?.to_string();
        self.check_logout_envelope(root, now)?;
        if let Some(end) = instant(root.attribute("NotOnOrAfter"))?
            && now >= end + self.clock_skew
        {
            return Err(Refusal::Expired);
        }
        // An EncryptedID or BaseID names nobody authgate can find.
        let name_id = child(root, ns::ASSERTION, "NameID").ok_or(Refusal::NameId)?;
        let name_id = text(name_id);
        if name_id.trim().is_empty() {
            return Err(Refusal::NameId);
        }
        let session_indexes = children(root, ns::PROTOCOL, "SessionIndex")
            .map(text)
            .collect();
        Ok(IdpLogoutRequest {
            id,
            name_id,
            session_indexes,
            replay_until: now + self.max_issue_delay + self.clock_skew * 2,
        })
    }

    /// Checks the IdP's LogoutResponse to the LogoutRequest `expected_request_id` (the one
    /// this browser's `/logout` sent; `None` when it sent none) at `now`.
    pub fn check_logout_response(
        &self,
        xml: &str,
        expected_request_id: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<(), Refusal> {
        let doc = profile::parse(xml)?;
        let root = doc.root_element();
        if !is(&root, ns::PROTOCOL, "LogoutResponse") {
            return Err(Refusal::NotALogoutMessage);
        }
        self.check_logout_envelope(root, now)?;
        match (root.attribute("InResponseTo"), expected_request_id) {
            (Some(got), Some(expected))
                if crate::security::constant_time_eq(got.as_bytes(), expected.as_bytes()) => {}
            _ => return Err(Refusal::InResponseTo),
        }
        let status = child(root, ns::PROTOCOL, "Status")
            .and_then(|s| child(s, ns::PROTOCOL, "StatusCode"))
            .and_then(|c| c.attribute("Value"));
        if status != Some(SUCCESS) {
            return Err(Refusal::Status);
        }
        Ok(())
    }
}

/// Where the store keeps a LogoutRequest authgate sent, waiting for its LogoutResponse (a
/// hash of the provider and the request's ID, so a POSTed answer, which comes without
/// authgate's cookie, finds it by its `InResponseTo`).
pub fn pending_key(provider: &str, request_id: &str) -> String {
    format!(
        "saml-logout-{}",
        verify::hash_parts(&[provider, "pending-logout", request_id])
    )
}

/// The `InResponseTo` of a LogoutResponse (verified bytes), to find what it answers.
pub fn in_response_to(xml: &str) -> Option<String> {
    let doc = profile::parse(xml).ok()?;
    let root = doc.root_element();
    is(&root, ns::PROTOCOL, "LogoutResponse")
        .then(|| root.attribute("InResponseTo").map(str::to_string))
        .flatten()
}

/// What the store remembers of a LogoutRequest to refuse its replay: a hash of the provider
/// and its ID (apart from assertion IDs by a label).
pub fn request_replay_key(provider: &str, request_id: &str) -> String {
    verify::hash_parts(&[provider, "logout-request", request_id])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connectors::saml::SamlSettings;

    const SP_SLO: &str = "https://auth.example/saml2/logout/corp";

    /// A profile whose IdP signs with the same key as its SP (so tests can play the IdP).
    fn profile() -> SamlProfile {
        let key =
            openssl::pkey::PKey::from_rsa(openssl::rsa::Rsa::generate(2048).unwrap()).unwrap();
        let mut name = openssl::x509::X509NameBuilder::new().unwrap();
        name.append_entry_by_text("CN", "idp").unwrap();
        let name = name.build();
        let mut b = openssl::x509::X509Builder::new().unwrap();
        b.set_subject_name(&name).unwrap();
        b.set_issuer_name(&name).unwrap();
        b.set_pubkey(&key).unwrap();
        b.set_not_before(&openssl::asn1::Asn1Time::days_from_now(0).unwrap())
            .unwrap();
        b.set_not_after(&openssl::asn1::Asn1Time::days_from_now(1).unwrap())
            .unwrap();
        b.sign(&key, MessageDigest::sha256()).unwrap();
        let cert = String::from_utf8(b.build().to_pem().unwrap()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("sp.pem");
        std::fs::write(&key_file, key.private_key_to_pem_pkcs8().unwrap()).unwrap();
        let settings: SamlSettings = toml::from_str(&format!(
            r#"sp_entity_id = "urn:authgate:sp"
               idp_entity_id = "urn:idp"
               idp_sso_url = "https://idp.example/sso"
               idp_slo_url = "https://idp.example/slo"
               idp_certificates = ["""{cert}"""]
               sp_private_key_file = "{}""#,
            key_file.display()
        ))
        .unwrap();
        settings
            .resolve("p", "corp", "https://auth.example/saml2/idpresponse/corp")
            .unwrap()
            .with_slo_url(SP_SLO)
    }

    fn request_xml(destination: &str, issued: OffsetDateTime) -> String {
        format!(
            r#"<samlp:LogoutRequest xmlns:samlp="{}" xmlns:saml="{}" ID="_r1" Version="2.0" IssueInstant="{}" Destination="{destination}"><saml:Issuer>urn:idp</saml:Issuer><saml:NameID>alice</saml:NameID><samlp:SessionIndex>_s1</samlp:SessionIndex><samlp:SessionIndex>_s2</samlp:SessionIndex></samlp:LogoutRequest>"#,
            ns::PROTOCOL,
            ns::ASSERTION,
            timestamp(issued)
        )
    }

    fn signed_query(p: &SamlProfile, xml: &str) -> String {
        p.redirect_binding_url("https://x.example/", "SAMLRequest", xml, Some("r s"), true)
            .unwrap()
            .query()
            .unwrap()
            .to_string()
    }

    #[test]
    fn a_redirect_signature_is_checked_over_the_parameters_as_received() {
        let p = profile();
        let now = OffsetDateTime::now_utc();
        let query = signed_query(&p, &request_xml(SP_SLO, now));

        let read = p.read_redirect(&query).unwrap();
        let checked = p.check_logout_request(&read.xml, now).unwrap();

        assert_eq!(read.kind, Kind::Request);
        assert_eq!(read.relay_state.as_deref(), Some("r s"));
        assert_eq!(checked.name_id, "alice");
        assert_eq!(checked.session_indexes, ["_s1", "_s2"]);
        let (message, _) = query.split_once('&').unwrap();
        let cases = [
            (format!("{message}&{query}"), Refusal::Malformed),
            (
                query.replace("RelayState=r+s", "RelayState=r+t"),
                Refusal::SignatureInvalid,
            ),
            (
                query.split("&Signature=").next().unwrap().to_string(),
                Refusal::Unsigned,
            ),
            (
                query
                    .replace("rsa-sha256", "rsa-sha1")
                    .replace("xmldsig-more%23rsa-sha1", "xmldsig%23rsa-sha1"),
                Refusal::AlgorithmNotAllowed,
            ),
            ("RelayState=x".to_string(), Refusal::NotALogoutMessage),
        ];
        for (query, want) in cases {
            assert_eq!(p.read_redirect(&query).map(|_| ()), Err(want), "{query}");
        }
    }

    #[test]
    fn a_logout_request_must_name_our_slo_url_and_be_fresh() {
        let p = profile();
        let now = OffsetDateTime::now_utc();

        let elsewhere = p.check_logout_request(&request_xml("https://evil.example/slo", now), now);
        let old = p.check_logout_request(&request_xml(SP_SLO, now - time::Duration::hours(1)), now);
        let foreign = p.check_logout_request(
            &request_xml(SP_SLO, now).replace(">urn:idp<", ">urn:other<"),
            now,
        );

        assert_eq!(elsewhere, Err(Refusal::Destination));
        assert_eq!(old, Err(Refusal::IssueInstant));
        assert_eq!(foreign, Err(Refusal::Issuer));
    }

    #[test]
    fn our_logout_request_names_the_session_and_is_signed() {
        let p = profile();
        let session = UpstreamSession {
            name_id_format: Some("urn:f".into()),
            sp_name_qualifier: Some("urn:authgate:sp".into()),
            session_index: Some("_s&1".into()),
            ..UpstreamSession::default()
        };
        let url = p
            .logout_request_url(
                "_id",
                OffsetDateTime::UNIX_EPOCH,
                "a<b",
                Some(&session),
                None,
            )
            .unwrap();

        assert!(
            url.as_str()
                .starts_with("https://idp.example/slo?SAMLRequest=")
        );
        // Read back as the IdP would (its certificate is the SP's key here).
        let read = p.read_redirect(url.query().unwrap()).unwrap();
        assert!(
            read.xml.contains(r#"<saml:NameID Format="urn:f" SPNameQualifier="urn:authgate:sp">a&lt;b</saml:NameID><samlp:SessionIndex>_s&amp;1</samlp:SessionIndex>"#),
            "{}",
            read.xml
        );
        assert!(
            read.xml
                .contains(r#"Destination="https://idp.example/slo""#)
        );
    }

    #[test]
    fn inflate_refuses_a_bomb_and_junk() {
        use flate2::write::DeflateEncoder;
        use std::io::Write;
        let mut deflater = DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        deflater.write_all(&vec![b'a'; MAX_REDIRECT + 1]).unwrap();
        let bomb = deflater.finish().unwrap();
        assert_eq!(inflate(&bomb), Err(Refusal::TooLarge));
        assert_eq!(inflate(b"not deflate at all"), Err(Refusal::BadEncoding));
    }

    #[test]
    fn form_decoding_keeps_base64() {
        assert_eq!(form_decode("a%2Bb%3D"), "a+b=");
        assert_eq!(form_decode("a+b"), "a b");
    }
}
