//! The IdP's answer to an `IsPassive` AuthnRequest (sent for `prompt=none`) when it cannot
//! sign the user in without asking: a Response with no assertion and the status `NoPassive`
//! (top-level or, as simpleSAMLphp, Entra and Keycloak send it, second-level under
//! `Responder`). It becomes `login_required` at the app.
//!
//! Why it is read with fewer checks than a sign-in: the answer grants nothing (no identity,
//! no code, only an error at the app), so an IdP that does not sign its error responses is
//! still understood. What is read must still be this IdP's answer to this AuthnRequest: the
//! `InResponseTo` (the stored request ID, required), the `Issuer` and the `Destination` when
//! present, a fresh `IssueInstant`; and a Response that carries a signature is read only from
//! its signed bytes, under the same pinned shape as a sign-in's.

use super::profile::{self, is};
use super::verify::{self, SUCCESS, child, instant};
use super::{Refusal, SamlProfile, ns, prescan};
use roxmltree::Node;
use time::OffsetDateTime;

pub const NO_PASSIVE: &str = "urn:oasis:names:tc:SAML:2.0:status:NoPassive";

impl SamlProfile {
    /// `Ok` when `saml_response` (the POST field) is this IdP's `NoPassive` answer to the
    /// AuthnRequest `expected_request_id`; otherwise why not.
    pub fn check_no_passive(
        &self,
        saml_response: &str,
        expected_request_id: &str,
        now: OffsetDateTime,
    ) -> Result<(), Refusal> {
        let xml = verify::decode_post_field(saml_response)?;
        prescan::check(&xml)?;
        let doc = profile::parse(&xml)?;
        let root = doc.root_element();
        if !is(&root, ns::PROTOCOL, "Response") {
            return Err(Refusal::NotAResponse);
        }
        profile::check_ids(&doc)?;
        let assertion = |n: &Node| {
            n.is_element() && matches!(n.tag_name().name(), "Assertion" | "EncryptedAssertion")
        };
        if root.descendants().any(|n| assertion(&n)) {
            return Err(Refusal::AssertionCount);
        }
        let id = root.attribute("ID").ok_or(Refusal::BadId)?;
        let mut signatures = doc
            .descendants()
            .filter(|n| n.is_element() && n.tag_name().name() == "Signature");
        match (signatures.next(), signatures.next()) {
            (None, _) => self.check_no_passive_envelope(root, false, expected_request_id, now),
            (Some(signature), None) => {
                if signature.parent() != Some(root)
                    || signature.tag_name().namespace() != Some(ns::DSIG)
                {
                    return Err(Refusal::SignatureMisplaced);
                }
                profile::check_signature(signature, id, self.algorithms)?;
                let signed = verify::signed_bytes(self, &xml)?;
                let signed_doc =
                    profile::parse(&signed).map_err(|_| Refusal::SignedElementMismatch)?;
                let signed_root = signed_doc.root_element();
                if !is(&signed_root, ns::PROTOCOL, "Response")
                    || signed_root.attribute("ID") != Some(id)
                {
                    return Err(Refusal::SignedElementMismatch);
                }
                self.check_no_passive_envelope(signed_root, true, expected_request_id, now)
            }
            (Some(_), Some(_)) => Err(Refusal::SignatureMisplaced),
        }
    }

    fn check_no_passive_envelope(
        &self,
        response: Node,
        signed: bool,
        expected_request_id: &str,
        now: OffsetDateTime,
    ) -> Result<(), Refusal> {
        if response.attribute("Version") != Some("2.0") {
            return Err(Refusal::Incomplete);
        }
        match response.attribute("Destination") {
            Some(destination) if destination == self.acs_url => {}
            None if !signed => {}
            _ => return Err(Refusal::Destination),
        }
        if let Some(issuer) = child(response, ns::ASSERTION, "Issuer") {
            self.check_issuer(issuer)?;
        }
        match response.attribute("InResponseTo") {
            Some(got)
                if crate::security::constant_time_eq(
                    got.as_bytes(),
                    expected_request_id.as_bytes(),
                ) => {}
            _ => return Err(Refusal::InResponseTo),
        }
        self.check_time_window(instant(response.attribute("IssueInstant"))?, now)?;
        let top = child(response, ns::PROTOCOL, "Status")
            .and_then(|s| child(s, ns::PROTOCOL, "StatusCode"))
            .ok_or(Refusal::Status)?;
        let second = child(top, ns::PROTOCOL, "StatusCode").and_then(|c| c.attribute("Value"));
        let top = top.attribute("Value");
        if top == Some(SUCCESS) || !(top == Some(NO_PASSIVE) || second == Some(NO_PASSIVE)) {
            return Err(Refusal::Status);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connectors::saml::SamlSettings;
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use time::format_description::well_known::Rfc3339;

    const ACS: &str = "https://a.example/saml2/idpresponse/corp";

    fn profile() -> SamlProfile {
        let settings: SamlSettings = toml::from_str(
            "idp_entity_id = \"urn:idp\"\nidp_sso_url = \"https://idp.example/sso\"\nidp_metadata_url = \"https://idp.example/metadata\"\nsp_entity_id = \"urn:sp\"",
        )
        .unwrap();
        settings.resolve("providers[0]", "corp", ACS).unwrap()
    }

    fn response(in_response_to: &str, status: &str, extra: &str) -> String {
        let at = OffsetDateTime::now_utc()
            .replace_nanosecond(0)
            .unwrap()
            .format(&Rfc3339)
            .unwrap();
        STANDARD.encode(format!(
            r#"<samlp:Response xmlns:samlp="{p}" xmlns:saml="{a}" ID="_r" Version="2.0" IssueInstant="{at}" Destination="{ACS}" InResponseTo="{in_response_to}"><saml:Issuer>urn:idp</saml:Issuer><samlp:Status>{status}</samlp:Status>{extra}</samlp:Response>"#,
            p = ns::PROTOCOL,
            a = ns::ASSERTION,
        ))
    }

    fn code(value: &str, inner: &str) -> String {
        format!(r#"<samlp:StatusCode Value="{value}">{inner}</samlp:StatusCode>"#)
    }

    #[test]
    fn no_passive_at_either_level_for_this_request_is_recognised() {
        let p = profile();
        let now = OffsetDateTime::now_utc();
        let responder = "urn:oasis:names:tc:SAML:2.0:status:Responder";
        let second = code(responder, &code(NO_PASSIVE, ""));
        assert_eq!(
            p.check_no_passive(&response("_q", &second, ""), "_q", now),
            Ok(())
        );
        assert_eq!(
            p.check_no_passive(&response("_q", &code(NO_PASSIVE, ""), ""), "_q", now),
            Ok(())
        );
        // Another request's answer, another status, a success, an assertion: not NoPassive.
        assert_eq!(
            p.check_no_passive(&response("_other", &second, ""), "_q", now),
            Err(Refusal::InResponseTo)
        );
        assert_eq!(
            p.check_no_passive(&response("_q", &code(responder, ""), ""), "_q", now),
            Err(Refusal::Status)
        );
        assert_eq!(
            p.check_no_passive(
                &response("_q", &code(SUCCESS, &code(NO_PASSIVE, "")), ""),
                "_q",
                now
            ),
            Err(Refusal::Status)
        );
        let assertion = format!(
            r#"<saml:Assertion xmlns:saml="{}" ID="_a"/>"#,
            ns::ASSERTION
        );
        assert_eq!(
            p.check_no_passive(&response("_q", &second, &assertion), "_q", now),
            Err(Refusal::AssertionCount)
        );
        // A signature that does not verify is not read past.
        let signature = format!(r#"<ds:Signature xmlns:ds="{}"/>"#, ns::DSIG);
        assert!(
            p.check_no_passive(&response("_q", &second, &signature), "_q", now)
                .is_err()
        );
    }
}
