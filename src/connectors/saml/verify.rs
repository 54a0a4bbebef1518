//! The verification pipeline: a `SAMLResponse` POST field in, a [`VerifiedAssertion`] or a
//! typed [`Refusal`] out. Identity is read only from the bytes samael's `PreDigest` mode
//! returns (what was hashed and signed), never from the document that was posted.

use super::decrypt::decrypt_assertion;
use super::profile::{self, is};
use super::{Refusal, SamlProfile, ns, prescan};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use roxmltree::Node;
use samael::crypto::{AllowedSignatureAlgorithm, Crypto, CryptoProvider, ReduceMode};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Largest `SAMLResponse` form field accepted (base64, before decoding).
pub const MAX_POST_FIELD: usize = 256 * 1024;

pub const SUCCESS: &str = "urn:oasis:names:tc:SAML:2.0:status:Success";
const BEARER: &str = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
const TRANSIENT: &str = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
const ENTITY: &str = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";

/// The algorithms handed to samael as a second gate (the profile's own list is the first).
const SAMAEL_ALGORITHMS: [AllowedSignatureAlgorithm; 5] = [
    AllowedSignatureAlgorithm::RsaSha256,
    AllowedSignatureAlgorithm::RsaSha384,
    AllowedSignatureAlgorithm::RsaSha512,
    AllowedSignatureAlgorithm::EcdsaSha256,
    AllowedSignatureAlgorithm::EcdsaSha384,
];

/// Who signed in at the IdP, as far as the signed assertion says.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedAssertion {
    pub provider: String,
    /// Stable per (provider, NameID): `saml-` + hex SHA-256 of both.
    pub subject: String,
    pub name_id: String,
    pub name_id_format: Option<String>,
    /// The NameID's `NameQualifier` and `SPNameQualifier`, as sent (single logout repeats them).
    pub name_qualifier: Option<String>,
    pub sp_name_qualifier: Option<String>,
    pub session_index: Option<String>,
    /// Every attribute of the assertion by `Name`, values in order.
    pub attributes: BTreeMap<String, Vec<String>>,
    /// The claims `attribute_mapping` names (`email_verified` when the provider vouches).
    pub claims: Map<String, Value>,
    pub assertion_id: String,
    pub response_id: String,
    /// Until when the assertion ID must be remembered (its NotOnOrAfter + the skew).
    pub replay_until: OffsetDateTime,
    /// The IdP's cap on the SSO session (`SessionNotOnOrAfter`).
    pub session_not_on_or_after: Option<OffsetDateTime>,
}

impl VerifiedAssertion {
    /// What the store remembers to refuse a replay: SHA-256 of (provider, assertion ID), so
    /// the store never holds the IdP's identifiers.
    pub fn replay_key(&self) -> String {
        hash_parts(&[&self.provider, &self.assertion_id])
    }
}

pub(super) fn hash_parts(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Decodes the POST field: a size limit first, then strict base64 (whitespace dropped,
/// nothing else tolerated), then UTF-8.
pub fn decode_post_field(field: &str) -> Result<String, Refusal> {
    if field.len() > MAX_POST_FIELD {
        return Err(Refusal::TooLarge);
    }
    let compact: String = field
        .chars()
        .filter(|c| !matches!(c, ' ' | '\t' | '\r' | '\n'))
        .collect();
    let bytes = STANDARD.decode(compact).map_err(|_| Refusal::BadEncoding)?;
    String::from_utf8(bytes).map_err(|_| Refusal::BadEncoding)
}

/// Runs samael over `xml` with the provider's certificates and returns the pre-digest bytes
/// of the one element the signatures cover (the Response when both are signed).
pub(super) fn signed_bytes(profile: &SamlProfile, xml: &str) -> Result<String, Refusal> {
    if profile.idp_certificates.is_empty() {
        // Unreachable through `resolve`; kept so this function can never verify nothing.
        return Err(Refusal::SignatureInvalid);
    }
    let allowed = (!profile.algorithms.allow_sha1).then_some(&SAMAEL_ALGORITHMS[..]);
    Crypto::reduce_xml_to_signed_with_allowed_algorithms(
        xml,
        &profile.idp_certificates,
        ReduceMode::PreDigest,
        allowed,
    )
    .map_err(|_| Refusal::SignatureInvalid)
}

pub(super) fn child<'a, 'i>(
    node: Node<'a, 'i>,
    namespace: &str,
    name: &str,
) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(c, namespace, name))
}

pub(super) fn children<'a, 'i>(
    node: Node<'a, 'i>,
    namespace: &'static str,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |c| is(c, namespace, name))
}

pub(super) fn instant(value: Option<&str>) -> Result<Option<OffsetDateTime>, Refusal> {
    value
        .map(|v| OffsetDateTime::parse(v, &Rfc3339).map_err(|_| Refusal::Malformed))
        .transpose()
}

/// The whole text of an element (several text nodes when a comment or CDATA split it in the
/// posted document; exclusive c14n has already dropped comments from signed bytes).
pub(super) fn text(node: Node) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|t| t.text())
        .collect()
}

impl SamlProfile {
    /// Verifies a `SAMLResponse` POST field for the AuthnRequest `expected_request_id` (the
    /// one stored with this browser's sign-in) at `now`.
    pub fn verify_response(
        &self,
        saml_response: &str,
        expected_request_id: &str,
        now: OffsetDateTime,
    ) -> Result<VerifiedAssertion, Refusal> {
        let xml = decode_post_field(saml_response)?;
        self.verify_xml(&xml, expected_request_id, now)
    }

    /// [`Self::verify_response`] on the decoded XML.
    pub fn verify_xml(
        &self,
        xml: &str,
        expected_request_id: &str,
        now: OffsetDateTime,
    ) -> Result<VerifiedAssertion, Refusal> {
        self.verify_xml_answering(xml, Some(expected_request_id), now)
    }

    /// The whole pipeline; `expected_request_id` is `None` for an unsolicited (IdP-initiated)
    /// response, which must then carry no InResponseTo at all (see `unsolicited`).
    pub(super) fn verify_xml_answering(
        &self,
        xml: &str,
        expected_request_id: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<VerifiedAssertion, Refusal> {
        prescan::check(xml)?;
        let posted = profile::parse(xml)?;
        let shape = profile::response_shape(&posted, self.algorithms)?;

        // The Response as signed (when it is), else the posted envelope: only its Status,
        // Destination, Issuer and InResponseTo are read from it.
        let response_bytes = if shape.response_signed {
            Some(signed_bytes(self, xml)?)
        } else {
            None
        };
        let signed_response = match &response_bytes {
            Some(bytes) => Some(profile::parse(bytes).map_err(|_| Refusal::SignedElementMismatch)?),
            None => None,
        };
        let envelope = match &signed_response {
            Some(doc) => {
                let root = doc.root_element();
                if !is(&root, ns::PROTOCOL, "Response")
                    || root.attribute("ID") != Some(&shape.response_id)
                {
                    return Err(Refusal::SignedElementMismatch);
                }
                root
            }
            None => posted.root_element(),
        };

        // The assertion: inside the signed Response, or signed itself, or decrypted (and then
        // signed inside, or covered by the Response signature over its ciphertext).
        let (assertion_source, expected_assertion_id, inside_response) = if shape.encrypted {
            let key = self.sp_key.as_ref().ok_or(Refusal::DecryptionFailed)?;
            let encrypted = child(envelope, ns::ASSERTION, "EncryptedAssertion")
                .ok_or(Refusal::AssertionCount)?;
            let plaintext = decrypt_assertion(encrypted, key)?;
            prescan::check(&plaintext)?;
            let inner = profile::assertion_shape(&profile::parse(&plaintext)?, self.algorithms)?;
            if inner.signed {
                (signed_bytes(self, &plaintext)?, inner.assertion_id, false)
            } else if shape.response_signed {
                (plaintext, inner.assertion_id, false)
            } else {
                // An unsigned Response around an unsigned assertion (Keycloak CVE-2026-2092).
                return Err(Refusal::Unsigned);
            }
        } else if shape.response_signed {
            let bytes = response_bytes.clone().unwrap_or_default();
            (bytes, shape.assertion_id.clone().unwrap_or_default(), true)
        } else {
            (
                signed_bytes(self, xml)?,
                shape.assertion_id.clone().unwrap_or_default(),
                false,
            )
        };
        let assertion_doc =
            profile::parse(&assertion_source).map_err(|_| Refusal::SignedElementMismatch)?;
        let assertion = if inside_response {
            let mut inside = children(assertion_doc.root_element(), ns::ASSERTION, "Assertion");
            let (Some(one), None) = (inside.next(), inside.next()) else {
                return Err(Refusal::AssertionCount);
            };
            one
        } else {
            assertion_doc.root_element()
        };
        if !is(&assertion, ns::ASSERTION, "Assertion")
            || assertion.attribute("ID") != Some(&expected_assertion_id)
        {
            return Err(Refusal::SignedElementMismatch);
        }
        self.check_envelope(envelope, shape.response_signed, expected_request_id, now)?;
        self.check_assertion(assertion, expected_request_id, now, &shape.response_id)
    }

    pub(super) fn check_time_window(
        &self,
        issued: Option<OffsetDateTime>,
        now: OffsetDateTime,
    ) -> Result<(), Refusal> {
        let issued = issued.ok_or(Refusal::Incomplete)?;
        let skew = self.clock_skew;
        if issued > now + skew || issued < now - self.max_issue_delay - skew {
            return Err(Refusal::IssueInstant);
        }
        Ok(())
    }

    fn check_envelope(
        &self,
        response: Node,
        signed: bool,
        expected_request_id: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<(), Refusal> {
        if response.attribute("Version") != Some("2.0") {
            return Err(Refusal::Incomplete);
        }
        let status = child(response, ns::PROTOCOL, "Status")
            .and_then(|s| child(s, ns::PROTOCOL, "StatusCode"))
            .and_then(|c| c.attribute("Value"));
        if status != Some(SUCCESS) {
            return Err(Refusal::Status);
        }
        match response.attribute("Destination") {
            Some(destination) if destination == self.acs_url => {}
            None if !signed => {}
            _ => return Err(Refusal::Destination),
        }
        if let Some(issuer) = child(response, ns::ASSERTION, "Issuer") {
            self.check_issuer(issuer)?;
        }
        // Optional on the Response when answering a request; never there when unsolicited.
        if let Some(in_response_to) = response.attribute("InResponseTo")
            && Some(in_response_to) != expected_request_id
        {
            return Err(Refusal::InResponseTo);
        }
        self.check_time_window(instant(response.attribute("IssueInstant"))?, now)
    }

    pub(super) fn check_issuer(&self, issuer: Node) -> Result<(), Refusal> {
        let format_ok = issuer.attribute("Format").is_none_or(|f| f == ENTITY);
        if !format_ok || text(issuer) != self.idp_entity_id {
            return Err(Refusal::Issuer);
        }
        Ok(())
    }

    fn check_assertion(
        &self,
        assertion: Node,
        expected_request_id: Option<&str>,
        now: OffsetDateTime,
        response_id: &str,
    ) -> Result<VerifiedAssertion, Refusal> {
        let skew = self.clock_skew;
        if assertion.attribute("Version") != Some("2.0") {
            return Err(Refusal::Incomplete);
        }
        self.check_issuer(child(assertion, ns::ASSERTION, "Issuer").ok_or(Refusal::Issuer)?)?;
        self.check_time_window(instant(assertion.attribute("IssueInstant"))?, now)?;

        // Subject: one NameID and exactly one bearer confirmation for this ACS and request.
        let subject = child(assertion, ns::ASSERTION, "Subject").ok_or(Refusal::NameId)?;
        let name_id = child(subject, ns::ASSERTION, "NameID").ok_or(Refusal::NameId)?;
        let name_id_value = text(name_id);
        let name_id_format = name_id.attribute("Format").map(str::to_string);
        if name_id_value.trim().is_empty() {
            return Err(Refusal::NameId);
        }
        if name_id_format.as_deref() == Some(TRANSIENT) && !self.allow_transient_name_id {
            return Err(Refusal::NameId);
        }
        let mut confirmations = children(subject, ns::ASSERTION, "SubjectConfirmation");
        let (Some(confirmation), None) = (confirmations.next(), confirmations.next()) else {
            return Err(Refusal::SubjectConfirmation);
        };
        if confirmation.attribute("Method") != Some(BEARER) {
            return Err(Refusal::SubjectConfirmation);
        }
        let data = child(confirmation, ns::ASSERTION, "SubjectConfirmationData")
            .ok_or(Refusal::SubjectConfirmation)?;
        if data.attribute("Recipient") != Some(self.acs_url.as_str()) {
            return Err(Refusal::Recipient);
        }
        if data.attribute("InResponseTo") != expected_request_id {
            return Err(Refusal::InResponseTo);
        }
        let confirmation_end =
            instant(data.attribute("NotOnOrAfter"))?.ok_or(Refusal::SubjectConfirmation)?;
        if now >= confirmation_end + skew {
            return Err(Refusal::Expired);
        }
        if let Some(not_before) = instant(data.attribute("NotBefore"))?
            && now + skew < not_before
        {
            return Err(Refusal::NotYetValid);
        }

        // Conditions: the window, and every AudienceRestriction naming this SP.
        let conditions =
            child(assertion, ns::ASSERTION, "Conditions").ok_or(Refusal::Incomplete)?;
        if let Some(not_before) = instant(conditions.attribute("NotBefore"))?
            && now + skew < not_before
        {
            return Err(Refusal::NotYetValid);
        }
        let conditions_end = instant(conditions.attribute("NotOnOrAfter"))?;
        if let Some(end) = conditions_end
            && now >= end + skew
        {
            return Err(Refusal::Expired);
        }
        let restrictions: Vec<_> =
            children(conditions, ns::ASSERTION, "AudienceRestriction").collect();
        let for_us = |r: &Node| {
            children(*r, ns::ASSERTION, "Audience").any(|a| text(a) == self.sp_entity_id)
        };
        if restrictions.is_empty() || !restrictions.iter().all(for_us) {
            return Err(Refusal::Audience);
        }

        // The authentication itself and the IdP session's end.
        let authn = child(assertion, ns::ASSERTION, "AuthnStatement").ok_or(Refusal::Incomplete)?;
        let session_not_on_or_after = instant(authn.attribute("SessionNotOnOrAfter"))?;
        if let Some(end) = session_not_on_or_after
            && now >= end + skew
        {
            return Err(Refusal::SessionExpired);
        }

        let mut attributes: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for statement in children(assertion, ns::ASSERTION, "AttributeStatement") {
            for attribute in children(statement, ns::ASSERTION, "Attribute") {
                let Some(name) = attribute.attribute("Name") else {
                    continue;
                };
                let values = attributes.entry(name.to_string()).or_default();
                values.extend(children(attribute, ns::ASSERTION, "AttributeValue").map(text));
            }
        }
        let mut claims = Map::new();
        for (claim, attribute) in &self.attribute_mapping {
            if let Some(values) = attributes.get(attribute) {
                let value = match &values[..] {
                    [one] if claim != "groups" => Value::String(one.clone()),
                    many => Value::Array(many.iter().cloned().map(Value::String).collect()),
                };
                claims.insert(claim.clone(), value);
            }
        }
        if claims.contains_key("email") {
            claims.insert("email_verified".into(), Value::Bool(self.email_verified));
        }

        let replay_until =
            conditions_end.map_or(confirmation_end, |c| c.min(confirmation_end)) + skew;
        Ok(VerifiedAssertion {
            provider: self.provider.clone(),
            subject: format!("saml-{}", hash_parts(&[&self.provider, &name_id_value])),
            name_id: name_id_value,
            name_id_format,
            name_qualifier: name_id.attribute("NameQualifier").map(str::to_string),
            sp_name_qualifier: name_id.attribute("SPNameQualifier").map(str::to_string),
            session_index: authn.attribute("SessionIndex").map(str::to_string),
            attributes,
            claims,
            assertion_id: assertion.attribute("ID").unwrap_or_default().to_string(),
            response_id: response_id.to_string(),
            replay_until,
            session_not_on_or_after,
        })
    }
}

/// Remembers the assertion as used; a second use of the same assertion is
/// [`Refusal::Replayed`]. Call after [`SamlProfile::verify_response`] succeeded.
pub async fn mark_used(
    store: &dyn crate::store::Store,
    verified: &VerifiedAssertion,
    now: OffsetDateTime,
) -> Result<(), Refusal> {
    match store
        .mark_assertion_used(&verified.replay_key(), verified.replay_until, now)
        .await
    {
        Ok(true) => Ok(()),
        // A store failure must not let a replay through: refuse as a replay would be.
        Ok(false) | Err(_) => Err(Refusal::Replayed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_field_is_strict_base64() {
        assert_eq!(decode_post_field("PGEvPg==").as_deref(), Ok("<a/>"));
        assert_eq!(decode_post_field("PGEv\r\nPg==").as_deref(), Ok("<a/>"));
        assert_eq!(decode_post_field("PGEv*Pg=="), Err(Refusal::BadEncoding));
        assert_eq!(
            decode_post_field(&"A".repeat(MAX_POST_FIELD + 1)),
            Err(Refusal::TooLarge)
        );
        assert_eq!(decode_post_field("//79"), Err(Refusal::BadEncoding));
    }

    #[test]
    fn replay_keys_separate_providers() {
        assert_ne!(hash_parts(&["a", "bc"]), hash_parts(&["ab", "c"]));
    }
}
