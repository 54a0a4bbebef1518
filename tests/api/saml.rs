//! SAML 2.0 verification against a real IdP (simpleSAMLphp): every response shape it produces
//! verifies and yields the mapped claims, and the attack corpus of saml.md §1.7, each case made
//! from a genuine signed response of that IdP and then tampered, is refused for its reason.
//! These call the verification core directly; `saml_signin` drives the same IdP through the ACS.

use crate::support::saml_idp::{ACS, SamlIdp};
use authgate::connectors::saml::testing::{decrypt_response_assertion, encrypt_assertion};
use authgate::connectors::saml::verify::{decode_post_field, mark_used};
use authgate::connectors::saml::{Refusal, SamlProfile, SamlSettings, VerifiedAssertion};
use authgate::store::memory::MemoryStore;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::json;
use time::{Duration, OffsetDateTime};

const SHAPES: [&str; 5] = [
    "urn:test:sp",
    "urn:test:sp-assertion-only",
    "urn:test:sp-response-only",
    "urn:test:sp-enc",
    "urn:test:sp-enc-inner-only",
];

/// One corpus case: its name, the profile it runs under, the XML, the expected request ID, and
/// the NameID it must yield or the reason it must be refused for.
type Case<'a> = (
    &'a str,
    &'a SamlProfile,
    String,
    &'a str,
    Result<&'a str, Refusal>,
);

fn verify(
    profile: &SamlProfile,
    xml: &str,
    request_id: &str,
) -> Result<VerifiedAssertion, Refusal> {
    profile.verify_response(&STANDARD.encode(xml), request_id, OffsetDateTime::now_utc())
}

#[tokio::test]
async fn every_response_shape_of_a_real_idp_verifies_with_the_mapped_claims() {
    let idp = SamlIdp::start();
    let mut subjects = Vec::new();
    for shape in SHAPES {
        let profile = idp.profile(shape, "");
        let (request_id, response) = idp.login(&profile).await.unwrap();
        let xml = decode_post_field(&response).unwrap();
        assert_eq!(
            xml.contains("EncryptedAssertion"),
            shape.contains("enc"),
            "{shape}: the IdP sent the shape asked for"
        );
        let verified = profile
            .verify_response(&response, &request_id, OffsetDateTime::now_utc())
            .unwrap_or_else(|e| panic!("{shape}: refused: {}", e.code()));
        assert_eq!(verified.name_id, "alice", "{shape}");
        assert_eq!(
            verified.name_id_format.as_deref(),
            Some("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent")
        );
        assert_eq!(
            verified.claims["email"],
            json!("alice@example.com"),
            "{shape}"
        );
        assert_eq!(verified.claims["email_verified"], json!(true), "{shape}");
        assert_eq!(verified.claims["name"], json!("Alice Example"), "{shape}");
        assert_eq!(
            verified.claims["groups"],
            json!(["staff", "admins"]),
            "{shape}"
        );
        assert!(
            verified.assertion_id.starts_with('_')
                && verified.replay_until > OffsetDateTime::now_utc()
        );
        subjects.push(verified.subject);
    }
    subjects.dedup();
    assert_eq!(
        subjects.len(),
        1,
        "sub is stable per (provider, NameID) across response shapes"
    );
}

#[tokio::test]
async fn an_idp_requiring_signed_authn_requests_accepts_ours_and_refuses_unsigned_ones() {
    let idp = SamlIdp::start();
    let signed = idp.profile("urn:test:sp-signed-requests", "sign_requests = true");
    let (request_id, response) = idp.login(&signed).await.unwrap();
    assert_eq!(
        signed
            .verify_response(&response, &request_id, OffsetDateTime::now_utc())
            .unwrap()
            .name_id,
        "alice"
    );
    let unsigned = idp.profile("urn:test:sp-signed-requests", "");
    assert!(
        idp.login(&unsigned).await.is_err(),
        "the IdP refuses the same request unsigned"
    );
}

#[tokio::test]
async fn sha1_is_refused_unless_the_provider_opts_in() {
    let idp = SamlIdp::start();
    let strict = idp.profile("urn:test:sp-sha1", "");
    let (request_id, xml) = idp.login_xml(&strict).await;
    assert!(xml.contains("xmldsig#rsa-sha1"));
    assert_eq!(
        verify(&strict, &xml, &request_id),
        Err(Refusal::AlgorithmNotAllowed)
    );
    let opted_in = idp.profile("urn:test:sp-sha1", "allow_sha1 = true");
    assert_eq!(
        verify(&opted_in, &xml, &request_id).unwrap().name_id,
        "alice"
    );
}

#[tokio::test]
async fn a_provider_without_signing_certificates_cannot_be_configured() {
    // saml.md 18: bare samael accepts a forged response when it has no certificate.
    let idp = SamlIdp::start();
    let toml_text = idp.settings_toml("urn:test:sp", "").replace(
        &format!(
            "idp_certificate_files = [\"{}\"]",
            idp.file("idp.crt").display()
        ),
        "",
    );
    let settings: SamlSettings = toml::from_str(&toml_text).unwrap();
    let problems = settings.resolve("providers[0]", "corp", ACS).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("at least one IdP signing certificate")),
        "{problems:?}"
    );
}

#[tokio::test]
async fn a_replayed_assertion_is_refused() {
    let idp = SamlIdp::start();
    let profile = idp.profile("urn:test:sp", "");
    let (request_id, xml) = idp.login_xml(&profile).await;
    let store = MemoryStore::new();
    let now = OffsetDateTime::now_utc();
    let first = verify(&profile, &xml, &request_id).unwrap();
    assert_eq!(mark_used(&store, &first, now).await, Ok(()));
    let again = verify(&profile, &xml, &request_id).unwrap();
    assert_eq!(mark_used(&store, &again, now).await, Err(Refusal::Replayed));
}

/// Replaces the first `from` in `xml` (the case fails loudly when the fixture lacks it).
fn swap(xml: &str, from: &str, to: &str) -> String {
    assert!(xml.contains(from), "fixture lacks {from}");
    xml.replacen(from, to, 1)
}

/// The `<saml:Assertion …>…</saml:Assertion>` element of a genuine response.
fn assertion_of(xml: &str) -> String {
    let start = xml.find("<saml:Assertion").unwrap();
    let end = xml.find("</saml:Assertion>").unwrap() + "</saml:Assertion>".len();
    xml[start..end].to_string()
}

/// An unsigned copy of `assertion` that names `admin` (and the given ID).
fn forged(assertion: &str, id: Option<&str>) -> String {
    let mut out = assertion.to_string();
    if let (Some(sig_start), Some(sig_end)) =
        (out.find("<ds:Signature"), out.find("</ds:Signature>"))
    {
        out.replace_range(sig_start..sig_end + "</ds:Signature>".len(), "");
    }
    out = out.replacen(">alice</saml:NameID>", ">admin</saml:NameID>", 1);
    if let Some(id) = id {
        let start = out.find(" ID=\"").unwrap() + 5;
        let end = out[start..].find('"').unwrap() + start;
        out.replace_range(start..end, id);
    }
    out
}

fn id_of(element: &str) -> String {
    let start = element.find(" ID=\"").unwrap() + 5;
    let end = element[start..].find('"').unwrap() + start;
    element[start..end].to_string()
}

#[tokio::test]
async fn the_attack_corpus_is_refused_for_its_reasons() {
    let idp = SamlIdp::start();
    let both = idp.profile("urn:test:sp", "");
    let (rid, r) = idp.login_xml(&both).await; // Response + Assertion signed
    let a_profile = idp.profile("urn:test:sp-assertion-only", "");
    let (aid, a) = idp.login_xml(&a_profile).await; // only the Assertion signed
    let p_profile = idp.profile("urn:test:sp-response-only", "");
    let (pid, p) = idp.login_xml(&p_profile).await; // only the Response signed
    let e_profile = idp.profile("urn:test:sp-enc-inner-only", "");
    let (eid, e) = idp.login_xml(&e_profile).await; // encrypted, inner assertion signed
    let other = idp.profile("urn:test:other-sp", "");
    let (oid, o) = idp.login_xml(&other).await; // another SP's response, same ACS
    let other_acs = idp.profile("urn:test:other-sp-acs", "");
    let (xid, x) = idp.login_xml(&other_acs).await; // another SP's response, its own ACS

    let ra = assertion_of(&r);
    let aa = assertion_of(&a);
    let pa = assertion_of(&p);
    let a_assertion_id = id_of(&aa);
    let now = OffsetDateTime::now_utc();
    let sp_cert = idp.read("sp.crt");
    let sp_key = idp.read("sp.pem");
    // Profiles that differ from the genuine ones in one setting.
    let wrong_key: SamlProfile = {
        let toml_text = idp.settings_toml("urn:test:sp", "").replace(
            &idp.file("idp.crt").display().to_string(),
            &idp.file("sp.crt").display().to_string(),
        );
        toml::from_str::<SamlSettings>(&toml_text)
            .unwrap()
            .resolve("providers[0]", "corp", ACS)
            .unwrap()
    };
    let mut moved = idp.profile("urn:test:sp-assertion-only", "");
    moved.acs_url = format!("{ACS}/moved");
    let mut wrong_issuer = idp.profile("urn:test:sp", "");
    wrong_issuer.idp_entity_id = "https://other-idp.example".into();

    // Each case: (name, profile, xml, request id, expected outcome).
    let mut cases: Vec<Case> = Vec::new();
    let mut case =
        |name, profile, xml: String, id, want| cases.push((name, profile, xml, id, want));

    // --- signature wrapping and scope
    let evil_response = |inner: &str| {
        format!(
            r#"<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_evil" Version="2.0" IssueInstant="{}" Destination="{ACS}" InResponseTo="{rid}"><saml:Issuer>{}</saml:Issuer>{inner}</samlp:Response>"#,
            now.format(&time::format_description::well_known::Rfc3339)
                .unwrap(),
            idp.entity_id()
        )
    };
    let status = r#"<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>"#;
    case(
        "1 XSW1 signed Response moved into Extensions",
        &both,
        evil_response(&format!(
            "<samlp:Extensions>{r}</samlp:Extensions>{status}{}",
            forged(&ra, Some("_forged"))
        )),
        &rid,
        Err(Refusal::AssertionMisplaced),
    );
    case(
        "2 XSW2 signed Response as a detached sibling",
        &both,
        evil_response(&format!("{status}{}{r}", forged(&ra, Some("_forged")))),
        &rid,
        Err(Refusal::AssertionMisplaced),
    );
    case(
        "3 XSW3 forged assertion before the signed one",
        &both,
        swap(
            &r,
            "<saml:Assertion",
            &format!("{}<saml:Assertion", forged(&ra, Some("_forged"))),
        ),
        &rid,
        Err(Refusal::AssertionCount),
    );
    case(
        "4 XSW3b forged assertion after the signed one",
        &both,
        swap(
            &r,
            "</saml:Assertion>",
            &format!("</saml:Assertion>{}", forged(&ra, Some("_forged"))),
        ),
        &rid,
        Err(Refusal::AssertionCount),
    );
    case(
        "5 XSW4 signed assertion nested in the forged one",
        &a_profile,
        swap(
            &a,
            &aa,
            &forged(&aa, Some("_forged")).replacen(
                "</saml:Subject>",
                &format!("</saml:Subject><saml:Advice>{aa}</saml:Advice>"),
                1,
            ),
        ),
        &aid,
        Err(Refusal::AssertionMisplaced),
    );
    {
        // XSW5/6: the forged assertion (same ID) carries the copied signature; the original
        // hides in that signature's ds:Object.
        let signature = &aa[aa.find("<ds:Signature").unwrap()..aa.find("</ds:Signature>").unwrap()];
        let forged_with_sig = forged(&aa, None).replacen(
            "</saml:Issuer>",
            &format!("</saml:Issuer>{signature}<ds:Object>{aa}</ds:Object></ds:Signature>"),
            1,
        );
        case(
            "6 XSW5/6 copied signature, original in its ds:Object",
            &a_profile,
            swap(&a, &aa, &forged_with_sig),
            &aid,
            Err(Refusal::BadId),
        );
    }
    case(
        "7 XSW7 signed assertion in Extensions, forged with the same ID",
        &a_profile,
        swap(&a, &aa, &forged(&aa, None)).replacen(
            "<samlp:Status>",
            &format!("<samlp:Extensions>{aa}</samlp:Extensions><samlp:Status>"),
            1,
        ),
        &aid,
        Err(Refusal::BadId),
    );
    case(
        "8 XSW7b signed assertion in Extensions, forged with a new ID",
        &a_profile,
        swap(&a, &aa, &forged(&aa, Some("_fresh"))).replacen(
            "<samlp:Status>",
            &format!("<samlp:Extensions>{aa}</samlp:Extensions><samlp:Status>"),
            1,
        ),
        &aid,
        Err(Refusal::AssertionMisplaced),
    );
    case("9 XSW8 signed assertion inside a decoy signature's ds:Object", &a_profile,
        swap(&a, &aa, &forged(&aa, Some("_forged")).replacen("</saml:Issuer>", &format!(r#"</saml:Issuer><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:Object>{aa}</ds:Object></ds:Signature>"#), 1)), &aid, Err(Refusal::AssertionMisplaced));
    for (label, uri) in [
        ("10a Reference URI to the Issuer", "#issuer-id"),
        ("10b empty Reference URI", ""),
        ("10c xpointer(/)", "#xpointer(/)"),
        ("10d xpointer(id())", "#xpointer(id('x'))"),
    ] {
        let label: &'static str = label;
        case(
            label,
            &a_profile,
            swap(
                &a,
                &format!("URI=\"#{a_assertion_id}\""),
                &format!("URI=\"{uri}\""),
            ),
            &aid,
            Err(Refusal::SignatureStructure),
        );
    }
    case(
        "11a xml:id on the assertion",
        &a_profile,
        swap(
            &a,
            &format!(" ID=\"{a_assertion_id}\""),
            &format!(" ID=\"{a_assertion_id}\" xml:id=\"x1\""),
        ),
        &aid,
        Err(Refusal::BadId),
    );
    case(
        "11b SAML 1.1 AssertionID",
        &a_profile,
        swap(
            &a,
            &format!(" ID=\"{a_assertion_id}\""),
            &format!(" ID=\"{a_assertion_id}\" AssertionID=\"{a_assertion_id}\""),
        ),
        &aid,
        Err(Refusal::BadId),
    );
    case(
        "11c namespaced foo:ID",
        &a_profile,
        swap(
            &a,
            &format!(" ID=\"{a_assertion_id}\""),
            &format!(" ID=\"{a_assertion_id}\" xmlns:foo=\"urn:foo\" foo:ID=\"_other\""),
        ),
        &aid,
        Err(Refusal::BadId),
    );
    case(
        "11d non-NCName Response ID",
        &a_profile,
        swap(&a, &format!(" ID=\"{}\"", id_of(&a)), " ID=\"1:bad\""),
        &aid,
        Err(Refusal::BadId),
    );
    case(
        "12a saml prefix rebound on the assertion",
        &both,
        swap(
            &r,
            "<saml:Assertion ",
            "<saml:Assertion xmlns:saml=\"urn:evil\" ",
        ),
        &rid,
        Err(Refusal::AssertionMisplaced),
    );
    case(
        "12b Assertion in a foreign namespace",
        &both,
        swap(
            &r,
            "<saml:Assertion",
            "<x:Assertion xmlns:x=\"urn:evil\" ID=\"_x\"/><saml:Assertion",
        ),
        &rid,
        Err(Refusal::AssertionMisplaced),
    );
    case(
        "12c default-namespace Assertion added",
        &both,
        swap(
            &r,
            "<saml:Assertion",
            "<Assertion xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_d\"/><saml:Assertion",
        ),
        &rid,
        Err(Refusal::AssertionCount),
    );
    case(
        "13 error status around a signed assertion",
        &a_profile,
        swap(&a, "status:Success", "status:Requester"),
        &aid,
        Err(Refusal::Status),
    );
    case(
        "14 two assertions from two issuers, one signed",
        &a_profile,
        swap(
            &a,
            "</saml:Assertion>",
            &format!(
                "</saml:Assertion>{}",
                forged(&aa, Some("_i2")).replacen(&idp.entity_id(), "https://evil.example/idp", 2)
            ),
        ),
        &aid,
        Err(Refusal::AssertionCount),
    );
    {
        // 15: an unsigned Response around an EncryptedAssertion holding an unsigned assertion.
        let inner = forged(&aa, Some("_enc")).replacen(
            "<saml:Assertion ",
            "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ",
            1,
        );
        let encrypted = encrypt_assertion(&inner, &sp_cert).unwrap();
        case(
            "15a encrypted unsigned assertion, unsigned Response",
            &e_profile,
            swap(
                &e,
                &e[e.find("<saml:EncryptedAssertion").unwrap()
                    ..e.find("</samlp:Response>").unwrap()],
                &encrypted,
            ),
            &eid,
            Err(Refusal::Unsigned),
        );
        let genuine_inner = decrypt_response_assertion(&e, &sp_key).unwrap();
        let tampered =
            encrypt_assertion(&swap(&genuine_inner, ">alice<", ">admin<"), &sp_cert).unwrap();
        case(
            "15b encrypted signed assertion rewritten",
            &e_profile,
            swap(
                &e,
                &e[e.find("<saml:EncryptedAssertion").unwrap()
                    ..e.find("</samlp:Response>").unwrap()],
                &tampered,
            ),
            &eid,
            Err(Refusal::SignatureInvalid),
        );
    }
    case(
        "16a hmac-sha1 SignatureMethod",
        &a_profile,
        swap(&a, "xmldsig-more#rsa-sha256", "xmldsig#hmac-sha1"),
        &aid,
        Err(Refusal::AlgorithmNotAllowed),
    );
    case(
        "16b md5 digest",
        &a_profile,
        swap(&a, "xmlenc#sha256", "xmldsig-more#md5"),
        &aid,
        Err(Refusal::AlgorithmNotAllowed),
    );
    case(
        "16c XPath transform",
        &a_profile,
        swap(
            &a,
            "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>",
            "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"><ds:XPath>not(ancestor-or-self::saml:NameID)</ds:XPath></ds:Transform>",
        ),
        &aid,
        Err(Refusal::SignatureStructure),
    );
    case(
        "16d base64 transform",
        &a_profile,
        swap(
            &a,
            "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>",
            "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#base64\"/>",
        ),
        &aid,
        Err(Refusal::SignatureStructure),
    );
    case(
        "16e with-comments c14n",
        &a_profile,
        swap(
            &a,
            "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>",
            "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#WithComments\"/>",
        ),
        &aid,
        Err(Refusal::SignatureStructure),
    );
    // 17: a valid signature by a key that is not configured (the IdP's own KeyInfo
    // certificate is in the document and must not be trusted).
    case(
        "17 signature by a key not configured (KeyInfo ignored)",
        &wrong_key,
        r.clone(),
        &rid,
        Err(Refusal::SignatureInvalid),
    );
    case(
        "17b NameID rewritten under a genuine signature",
        &both,
        swap(&r, ">alice</saml:NameID>", ">admin</saml:NameID>"),
        &rid,
        Err(Refusal::SignatureInvalid),
    );
    case(
        "17c signature stripped",
        &a_profile,
        {
            let s = aa.find("<ds:Signature").unwrap();
            let e2 = aa.find("</ds:Signature>").unwrap() + 15;
            swap(&a, &aa, &format!("{}{}", &aa[..s], &aa[e2..]))
        },
        &aid,
        Err(Refusal::Unsigned),
    );

    // --- parsing and differentials
    case(
        "19 comment inside NameID reads the whole signed value",
        &both,
        swap(&r, ">alice<", ">al<!---->ice<"),
        &rid,
        Ok("alice"),
    );
    case(
        "20a character reference in NameID",
        &both,
        swap(&r, ">alice<", ">al&#x69;ce<"),
        &rid,
        Ok("alice"),
    );
    case(
        "20b CDATA split NameID",
        &both,
        swap(&r, ">alice<", "><![CDATA[al]]>ice<"),
        &rid,
        Ok("alice"),
    );
    case(
        "21 XXE external entity",
        &both,
        format!(
            "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{}",
            swap(&r, ">alice<", ">&x;<")
        ),
        &rid,
        Err(Refusal::Dtd),
    );
    case(
        "22 billion laughs",
        &both,
        format!(
            "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>{}",
            swap(&r, ">alice<", ">&c;<")
        ),
        &rid,
        Err(Refusal::Dtd),
    );
    case(
        "23a many attributes on one tag",
        &both,
        swap(
            &r,
            "<saml:NameID ",
            &format!(
                "<saml:NameID {}",
                (0..40).map(|i| format!("a{i}=\"\" ")).collect::<String>()
            ),
        ),
        &rid,
        Err(Refusal::LimitExceeded),
    );
    case(
        "23b namespace-declaration bomb",
        &both,
        swap(
            &r,
            "<saml:NameID ",
            &format!(
                "<saml:NameID {}",
                (0..12)
                    .map(|i| format!("xmlns:n{i}=\"urn:n{i}\" "))
                    .collect::<String>()
            ),
        ),
        &rid,
        Err(Refusal::LimitExceeded),
    );
    case(
        "24a DOCTYPE attribute default",
        &both,
        format!("<!DOCTYPE samlp:Response [<!ATTLIST saml:NameID Format CDATA \"x\">]>{r}"),
        &rid,
        Err(Refusal::Dtd),
    );
    case(
        "24b duplicate attribute",
        &both,
        swap(&r, "<saml:NameID ", "<saml:NameID Format=\"x\" "),
        &rid,
        Err(Refusal::Malformed),
    );
    case(
        "24c UTF-16 declaration",
        &both,
        format!("<?xml version=\"1.0\" encoding=\"UTF-16\"?>{r}"),
        &rid,
        Err(Refusal::Declaration),
    );
    case(
        "24d XML 1.1 declaration",
        &both,
        format!("<?xml version=\"1.1\"?>{r}"),
        &rid,
        Err(Refusal::Declaration),
    );
    case(
        "24e undeclared entity in an attribute",
        &both,
        swap(
            &r,
            "Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\"",
            "Format=\"&e;\"",
        ),
        &rid,
        Err(Refusal::Malformed),
    );
    case(
        "25a two roots",
        &both,
        format!("{r}<x/>"),
        &rid,
        Err(Refusal::Malformed),
    );
    case(
        "25b trailing junk",
        &both,
        format!("{r}junk"),
        &rid,
        Err(Refusal::Malformed),
    );
    case(
        "25c PI after the root",
        &both,
        format!("{r}<?x y?>"),
        &rid,
        Err(Refusal::Declaration),
    );

    // --- protocol checks
    case(
        "28a InResponseTo of another sign-in",
        &both,
        r.clone(),
        "_someone-elses-request",
        Err(Refusal::InResponseTo),
    );
    case(
        "29a response for another SP's ACS (Destination)",
        &other_acs,
        x.clone(),
        &xid,
        Err(Refusal::Destination),
    );
    case(
        "29b Recipient is not our ACS (unsigned Response without Destination)",
        &moved,
        swap(&a, &format!(" Destination=\"{ACS}\""), ""),
        &aid,
        Err(Refusal::Recipient),
    );
    case(
        "30 Audience is another SP",
        &both,
        o.clone(),
        &oid,
        Err(Refusal::Audience),
    );
    case(
        "32 Issuer is not the configured IdP",
        &wrong_issuer,
        r.clone(),
        &rid,
        Err(Refusal::Issuer),
    );
    case(
        "33 SubjectConfirmation method changed",
        &both,
        swap(&r, "cm:bearer", "cm:holder-of-key"),
        &rid,
        Err(Refusal::SignatureInvalid),
    );
    case(
        "33b response-only shape, assertion rewritten",
        &p_profile,
        swap(&p, &pa, &pa.replacen(">alice<", ">admin<", 1)),
        &pid,
        Err(Refusal::SignatureInvalid),
    );

    let mut failures = Vec::new();
    for (name, profile, xml, id, want) in &cases {
        let got = verify(profile, xml, id).map(|v| v.name_id);
        let ok = match (want, &got) {
            (Ok(n), Ok(g)) => n == g,
            (Err(w), Err(g)) => w == g,
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{name}: want {want:?}, got {:?}",
                got.as_ref().map_err(Refusal::code)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn an_unsolicited_idp_initiated_response_is_refused() {
    // 28: IdP-initiated sign-in is off; its response answers no AuthnRequest of ours.
    let idp = SamlIdp::start();
    let profile = idp.profile("urn:test:sp", "");
    let response = idp.login_unsolicited("urn:test:sp").await.unwrap();
    let xml = decode_post_field(&response).unwrap();
    assert!(
        !xml.contains("InResponseTo"),
        "simpleSAMLphp sent an unsolicited response"
    );
    assert!(xml.contains(">alice<"), "and it is a genuine sign-in");
    assert_eq!(
        profile.verify_response(&response, "_any-stored-request", OffsetDateTime::now_utc()),
        Err(Refusal::InResponseTo)
    );
}

#[tokio::test]
async fn time_windows_hold_with_the_configured_skew() {
    let idp = SamlIdp::start();
    let profile = idp.profile("urn:test:sp", "max_issue_delay = \"15m\"");
    let (rid, r) = idp.login_xml(&profile).await;
    let b64 = STANDARD.encode(&r);
    let now = OffsetDateTime::now_utc();
    // simpleSAMLphp: NotOnOrAfter = issue + 5 min; skew 3 min.
    assert!(
        profile
            .verify_response(&b64, &rid, now + Duration::minutes(7))
            .is_ok(),
        "inside the skew after NotOnOrAfter"
    );
    assert_eq!(
        profile.verify_response(&b64, &rid, now + Duration::minutes(9)),
        Err(Refusal::Expired),
        "31 expired"
    );
    assert_eq!(
        profile.verify_response(&b64, &rid, now - Duration::minutes(4)),
        Err(Refusal::IssueInstant),
        "31 issued in the future"
    );
    let strict = idp.profile("urn:test:sp", "max_issue_delay = \"1m\"");
    assert_eq!(
        strict.verify_response(&b64, &rid, now + Duration::minutes(5)),
        Err(Refusal::IssueInstant),
        "31 stale IssueInstant"
    );
    // 26: the POST field itself.
    assert_eq!(
        profile.verify_response(&"A".repeat(300 * 1024), &rid, now),
        Err(Refusal::TooLarge)
    );
    assert_eq!(
        profile.verify_response("not*base64", &rid, now),
        Err(Refusal::BadEncoding)
    );
}

/// xmlsec1 and libxml2 keep global state (samael initialises it once, under a lock) and verify
/// on whichever thread calls them: the ACS runs on every runtime worker at once. Genuine and
/// tampered responses, verified on many threads together, must each get the answer they get
/// alone: no crash, no cross-talk between documents.
#[tokio::test]
async fn verification_on_many_threads_at_once_gives_each_response_its_own_answer() {
    let idp = SamlIdp::start();
    let signed = idp.profile("urn:test:sp", "");
    let (signed_id, signed_xml) = idp.login_xml(&signed).await;
    let encrypted = idp.profile("urn:test:sp-enc", "");
    let (encrypted_id, encrypted_xml) = idp.login_xml(&encrypted).await;
    let tampered_xml = swap(&signed_xml, ">alice<", ">mallory<");
    let cases = [
        (&signed, signed_xml.as_str(), signed_id.as_str()),
        (&encrypted, encrypted_xml.as_str(), encrypted_id.as_str()),
        (&signed, tampered_xml.as_str(), signed_id.as_str()),
    ];
    let answer = |(profile, xml, id): (&SamlProfile, &str, &str)| {
        verify(profile, xml, id).map(|v| (v.name_id, v.claims["email"].clone()))
    };
    let alone: Vec<_> = cases.iter().map(|&(p, x, i)| answer((p, x, i))).collect();
    assert_eq!(alone[0], Ok(("alice".into(), json!("alice@example.com"))));
    assert_eq!(
        alone[0], alone[1],
        "the encrypted shape names the same user"
    );
    assert!(alone[2].is_err(), "the tampered NameID is refused alone");

    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..8)
            .map(|worker| {
                let (cases, alone, answer) = (&cases, &alone, &answer);
                scope.spawn(move || {
                    for round in 0..40 {
                        let which = (worker + round) % cases.len();
                        let (p, x, i) = cases[which];
                        assert_eq!(
                            answer((p, x, i)),
                            alone[which],
                            "worker {worker}, round {round}, case {which}"
                        );
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().expect("a verifying thread panicked");
        }
    });
}
