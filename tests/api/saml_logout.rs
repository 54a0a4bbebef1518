//! SAML single logout against a real IdP (simpleSAMLphp, which signs its logout messages and
//! requires ours signed): SP-initiated (`/logout` → signed LogoutRequest → the IdP → its
//! LogoutResponse → where `/logout` decided; the refresh token dead before the browser even
//! leaves; the IdP asks for the password again), IdP-initiated (the IdP's SingleLogoutService
//! sends its LogoutRequest through the browser: that browser's SSO session and families end,
//! another browser's session at another SessionIndex lives), and the messages simpleSAMLphp
//! never sends, written here and signed with its key: unsigned, tampered, wrong issuer or
//! destination, expired, replayed, an answer to another request. Each refusal ends nothing,
//! and the real binary's audit log names refusals and endings without the NameID.

use crate::saml_signin::{Saml, request, with_idp_settings, with_provider_toml};
use crate::support::app::*;
use crate::support::saml_idp::{IdpStep, attribute_after};
use authgate::connectors::saml::SamlProfile;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::StatusCode;
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

const SLO: &str = r#"idp_slo_url = "{idp}/saml2/idp/SingleLogoutService.php""#;

/// Signs in `browser` as alice for `client_id` (IdP password when it asks); the refresh token.
async fn signed_in(s: &Saml, browser: &reqwest::Client, client_id: &str, uri: &str) -> String {
    let req = request(client_id, uri);
    let sso = s
        .app
        .authorize(browser, &req.clone_with("identity_provider", &s.provider))
        .await;
    let code = match query_param(&location(&sso), "code") {
        // Signed in already: the SSO session answers at once.
        Some(code) => code,
        None => {
            let url = s.to_idp(browser, &req).await;
            let form = match s.idp.visit(browser, &url).await.expect("IdP") {
                IdpStep::AsksPassword(state) => {
                    s.idp.type_password(browser, &state).await.expect("IdP")
                }
                IdpStep::Answers(form) => form,
            };
            s.code(browser, &form).await
        }
    };
    let tokens: Value = s
        .app
        .exchange(&req, &code)
        .await
        .json()
        .await
        .expect("json");
    tokens["refresh_token"]
        .as_str()
        .expect("refresh_token")
        .to_string()
}

/// Whether `refresh` still refreshes (a success rotates it: the new one is returned).
async fn refreshes(s: &Saml, client_id: &str, refresh: &str) -> Option<String> {
    let response = s.app.refresh(client_id, refresh).await;
    if response.status() != StatusCode::OK {
        return None;
    }
    let tokens: Value = response.json().await.expect("json");
    Some(
        tokens["refresh_token"]
            .as_str()
            .map_or_else(|| refresh.to_string(), str::to_string),
    )
}

/// Follows one redirect in `browser` (any host).
async fn follow(browser: &reqwest::Client, url: &str) -> reqwest::Response {
    browser.get(url).send().await.expect("request")
}

/// Follows `browser` through the IdP's own redirects (its logout steps) to the first one
/// that leaves it; that response.
async fn through_idp(s: &Saml, browser: &reqwest::Client, url: &str) -> reqwest::Response {
    let mut response = follow(browser, url).await;
    for _ in 0..8 {
        let next = response
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .filter(|l| l.starts_with(&s.idp.base))
            .map(str::to_string);
        let Some(next) = next else { break };
        response = follow(browser, &next).await;
    }
    response
}

fn slo_path(s: &Saml) -> String {
    s.app.url(&format!("/saml2/logout/{}", s.provider))
}

fn slo_at_idp(s: &Saml) -> String {
    format!("{}/saml2/idp/SingleLogoutService.php", s.idp.base)
}

/// The message a Redirect-binding URL carries, inflated.
fn redirect_xml(url: &str, parameter: &str) -> String {
    use std::io::Read;
    let value = query_param(url, parameter).expect(parameter);
    let raw = STANDARD.decode(value).expect("base64");
    let mut xml = String::new();
    flate2::read::DeflateDecoder::new(&raw[..])
        .read_to_string(&mut xml)
        .expect("deflate");
    xml
}

#[tokio::test]
async fn sp_initiated_logout_ends_the_session_here_then_at_the_idp_and_finishes_at_the_app() {
    // Arrange
    let s = with_idp_settings("corp", "urn:test:sp", false, SLO).await;
    let browser = browser();
    let refresh = signed_in(&s, &browser, "sapp", "myapp://callback").await;

    // Act
    let out = s
        .app
        .get(
            &browser,
            "/logout?client_id=sapp&logout_uri=myapp%3A%2F%2Fsignout",
        )
        .await;
    let to_idp = location(&out);
    let refresh_while_away = s.app.refresh("sapp", &refresh).await.status();
    let at_idp = through_idp(&s, &browser, &to_idp).await;
    let back = location(&at_idp);
    let finished = follow(&browser, &back).await;

    // Assert: a signed LogoutRequest naming alice's session, the local session already dead,
    // the IdP's signed answer accepted, the app's logout URI at the end.
    assert_eq!(out.status(), StatusCode::FOUND);
    assert!(to_idp.starts_with(&slo_at_idp(&s)), "{to_idp}");
    assert!(query_param(&to_idp, "Signature").is_some(), "{to_idp}");
    let xml = redirect_xml(&to_idp, "SAMLRequest");
    assert!(xml.contains(">alice</saml:NameID>"), "{xml}");
    assert!(xml.contains("<samlp:SessionIndex>"), "{xml}");
    assert_eq!(refresh_while_away, StatusCode::BAD_REQUEST, "ended before");
    assert_eq!(at_idp.status(), StatusCode::FOUND, "the IdP accepted it");
    assert!(back.starts_with(&slo_path(&s)), "{back}");
    assert!(query_param(&back, "Signature").is_some(), "the IdP signs");
    assert_eq!(finished.status(), StatusCode::FOUND);
    assert_eq!(location(&finished), "myapp://signout");
    // The IdP's own session ended too: it asks for the password again.
    let url = s
        .to_idp(&browser, &request("sapp", "myapp://callback"))
        .await;
    assert!(matches!(
        s.idp.visit(&browser, &url).await.expect("IdP"),
        IdpStep::AsksPassword(_)
    ));
}

#[tokio::test]
async fn idp_initiated_logout_ends_that_browsers_session_and_families_only() {
    // Arrange: browser A signed in to two apps (the second by SSO); browser B has its own
    // IdP session (another SessionIndex).
    let s = with_idp_settings("corp", "urn:test:sp", false, SLO).await;
    let (a, b) = (browser(), browser());
    let a_first = signed_in(&s, &a, "sapp", "myapp://callback").await;
    let a_second = signed_in(&s, &a, "sapp2", "second://cb").await;
    let b_refresh = signed_in(&s, &b, "sapp", "myapp://callback").await;
    let return_to = s.app.url("/after-idp-logout");

    // Act: logout started at the IdP, in browser A.
    let start = through_idp(
        &s,
        &a,
        &format!(
            "{}?ReturnTo={}",
            slo_at_idp(&s),
            url::form_urlencoded::byte_serialize(return_to.as_bytes()).collect::<String>()
        ),
    )
    .await;
    let to_us = location(&start);
    let answered = follow(&a, &to_us).await;
    let to_idp = location(&answered);
    let done = through_idp(&s, &a, &to_idp).await;

    // Assert
    assert!(to_us.starts_with(&slo_path(&s)), "{to_us}");
    assert_eq!(answered.status(), StatusCode::FOUND);
    assert!(to_idp.starts_with(&slo_at_idp(&s)), "{to_idp}");
    let xml = redirect_xml(&to_idp, "SAMLResponse");
    assert!(
        xml.contains("urn:oasis:names:tc:SAML:2.0:status:Success"),
        "{xml}"
    );
    assert_eq!(location(&done), return_to, "the IdP finished its logout");
    assert_eq!(refreshes(&s, "sapp", &a_first).await, None);
    assert_eq!(refreshes(&s, "sapp2", &a_second).await, None);
    assert!(
        refreshes(&s, "sapp", &b_refresh).await.is_some(),
        "another IdP session's family lives"
    );
    let again = s
        .app
        .authorize(
            &a,
            &request("sapp2", "second://cb").with("identity_provider", "corp"),
        )
        .await;
    assert_eq!(query_param(&location(&again), "code"), None, "no SSO left");
}

/// authgate knowing the IdP by its metadata URL alone: the SLO URL and the keys that check
/// the IdP's logout messages come from the fetched copy, nothing of them from config.
async fn by_metadata_url(provider: &str) -> Saml {
    with_provider_toml(provider, false, |idp| {
        format!(
            r#"idp_metadata_url = "{metadata}"
               sp_entity_id = "urn:test:sp"
               sp_private_key_file = "{key}"
               sp_certificate_file = "{cert}"
               attribute_mapping = {{ email = "email" }}"#,
            metadata = idp.entity_id(),
            key = idp.file("sp.pem").display(),
            cert = idp.file("sp.crt").display(),
        )
    })
    .await
}

#[tokio::test]
async fn a_provider_known_by_its_metadata_url_does_single_logout_both_ways() {
    // Arrange: two browsers signed in, each with its own IdP session.
    let s = by_metadata_url("corp-meta").await;
    let (a, b) = (browser(), browser());
    let a_refresh = signed_in(&s, &a, "sapp", "myapp://callback").await;
    let b_refresh = signed_in(&s, &b, "sapp", "myapp://callback").await;
    let return_to = s.app.url("/after-idp-logout");

    // Act: SP-initiated in browser A, IdP-initiated in browser B.
    let out = s
        .app
        .get(
            &a,
            "/logout?client_id=sapp&logout_uri=myapp%3A%2F%2Fsignout",
        )
        .await;
    let to_idp = location(&out);
    let at_idp = through_idp(&s, &a, &to_idp).await;
    let finished = follow(&a, &location(&at_idp)).await;
    let start = through_idp(
        &s,
        &b,
        &format!(
            "{}?ReturnTo={}",
            slo_at_idp(&s),
            url::form_urlencoded::byte_serialize(return_to.as_bytes()).collect::<String>()
        ),
    )
    .await;
    let to_us = location(&start);
    let answered = follow(&b, &to_us).await;
    let done = through_idp(&s, &b, &location(&answered)).await;
    let sp_metadata = s
        .app
        .get(&s.app.browser, "/saml2/metadata/corp-meta")
        .await
        .text()
        .await
        .expect("xml");

    // Assert: A's LogoutRequest went to the metadata's SLO URL and the IdP's signed answer
    // (checked with the metadata's key) finished at the app; B's LogoutRequest from the IdP
    // was checked with that key too, ended B's session and got a Success answer.
    assert!(to_idp.starts_with(&slo_at_idp(&s)), "{to_idp}");
    assert!(location(&at_idp).starts_with(&slo_path(&s)));
    assert_eq!(
        location(&finished),
        "myapp://signout",
        "the IdP's answer accepted"
    );
    assert_eq!(refreshes(&s, "sapp", &a_refresh).await, None);
    assert!(to_us.starts_with(&slo_path(&s)), "{to_us}");
    assert_eq!(
        answered.status(),
        StatusCode::FOUND,
        "the IdP's request accepted"
    );
    let xml = redirect_xml(&location(&answered), "SAMLResponse");
    assert!(
        xml.contains("urn:oasis:names:tc:SAML:2.0:status:Success"),
        "{xml}"
    );
    assert_eq!(location(&done), return_to, "the IdP took our answer");
    assert_eq!(refreshes(&s, "sapp", &b_refresh).await, None);
    assert!(
        sp_metadata.contains(&format!(r#"Location="{}""#, slo_path(&s))),
        "the SP metadata lists the SLO service: {sp_metadata}"
    );
}

#[tokio::test]
async fn a_logout_response_by_post_finishes_without_the_cookie_once() {
    // Arrange: an SP entity whose SLO service at the IdP is HTTP-POST only, so the IdP posts
    // its LogoutResponse (cross-site: the browser sends no authgate cookie with it).
    let s = with_idp_settings("corp-post", "urn:test:sp-slo-post", false, SLO).await;
    let browser = browser();
    let refresh = signed_in(&s, &browser, "sapp", "myapp://callback").await;
    let out = s
        .app
        .get(
            &browser,
            "/logout?client_id=sapp&logout_uri=myapp%3A%2F%2Fsignout",
        )
        .await;

    // Act: the IdP's page auto-submits the form; posted from a cookieless client.
    let at_idp = through_idp(&s, &browser, &location(&out)).await;
    let page = at_idp.text().await.expect("page");
    let action = attribute_after(&page, r#"action=""#).expect("form action");
    let response = attribute_after(&page, r#"name="SAMLResponse" value=""#).expect("form");
    let post = || async {
        crate::support::app::browser()
            .post(&action)
            .header("origin", &s.idp.base)
            .form(&[("SAMLResponse", response.as_str())])
            .send()
            .await
            .expect("post")
    };
    let first = post().await;
    let again = post().await;

    // Assert: the answer, found by its InResponseTo, finished where /logout decided; the
    // same answer again finds nothing (the signed-out page).
    assert_eq!(action, slo_path(&s));
    assert!(
        decode_post(&response).contains("LogoutResponse"),
        "a LogoutResponse by POST"
    );
    assert_eq!(first.status(), StatusCode::FOUND);
    assert_eq!(location(&first), "myapp://signout");
    assert_eq!(again.status(), StatusCode::OK);
    assert!(again.headers().get("location").is_none());
    assert_eq!(refreshes(&s, "sapp", &refresh).await, None);
}

fn decode_post(field: &str) -> String {
    authgate::connectors::saml::verify::decode_post_field(field).expect("base64 XML")
}

/// The IdP's key as a signer of Redirect-binding messages (the profile's SP key slot).
fn idp_signer(s: &Saml) -> SamlProfile {
    let mut signer = s.idp.profile("urn:test:sp", "");
    signer.sp_key =
        Some(openssl::pkey::PKey::private_key_from_pem(s.idp.read("idp.pem").as_bytes()).unwrap());
    signer
}

/// A LogoutRequest as simpleSAMLphp writes one, with the parts a case changes.
struct Forged<'a> {
    id: String,
    issuer: String,
    destination: String,
    issued: OffsetDateTime,
    name_id: &'a str,
}

impl Forged<'_> {
    fn genuine(s: &Saml, name_id: &'static str) -> Forged<'static> {
        Forged {
            id: format!("_{}", uuid::Uuid::new_v4().simple()),
            issuer: s.idp.entity_id(),
            destination: slo_path(s),
            issued: OffsetDateTime::now_utc(),
            name_id,
        }
    }

    fn xml(&self) -> String {
        format!(
            r#"<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{id}" Version="2.0" IssueInstant="{at}" Destination="{dest}"><saml:Issuer>{issuer}</saml:Issuer><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">{name}</saml:NameID></samlp:LogoutRequest>"#,
            id = self.id,
            at = self
                .issued
                .replace_nanosecond(0)
                .unwrap()
                .format(&Rfc3339)
                .unwrap(),
            dest = self.destination,
            issuer = self.issuer,
            name = self.name_id,
        )
    }

    /// Our SLO URL with this request, signed by the IdP's key (or not).
    fn url(&self, s: &Saml, signed: bool) -> String {
        idp_signer(s)
            .redirect_binding_url(&slo_path(s), "SAMLRequest", &self.xml(), Some("rs"), signed)
            .unwrap()
            .to_string()
    }
}

#[tokio::test]
async fn forged_logout_requests_are_refused_for_their_reason_and_end_nothing() {
    // Arrange: alice signed in; each case a LogoutRequest for her.
    let s = with_idp_settings("corp-forged", "urn:test:sp", false, SLO).await;
    let browser = browser();
    let refresh = signed_in(&s, &browser, "sapp", "myapp://callback").await;
    let genuine = |name| Forged::genuine(&s, name);
    let tampered = {
        // Signed for "nobody", then the message swapped for one naming alice.
        let signed = genuine("nobody").url(&s, true);
        let alice = genuine("alice").url(&s, false);
        let swapped = query_param(&alice, "SAMLRequest").unwrap();
        let original = query_param(&signed, "SAMLRequest").unwrap();
        let enc = |v: &str| url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>();
        signed.replace(&enc(&original), &enc(&swapped))
    };
    let cases: Vec<(&str, String)> = vec![
        ("unsigned", genuine("alice").url(&s, false)),
        ("signature_invalid", tampered),
        (
            "issuer",
            Forged {
                issuer: "urn:evil:idp".into(),
                ..genuine("alice")
            }
            .url(&s, true),
        ),
        (
            "destination",
            Forged {
                destination: s.app.url("/saml2/logout/elsewhere"),
                ..genuine("alice")
            }
            .url(&s, true),
        ),
        (
            "issue_instant",
            Forged {
                issued: OffsetDateTime::now_utc() - time::Duration::hours(1),
                ..genuine("alice")
            }
            .url(&s, true),
        ),
    ];

    for (reason, url) in cases {
        let before = s.refusals(reason).await;

        // Act
        let response = follow(&browser, &url).await;

        // Assert
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{reason}");
        assert_eq!(s.refusals(reason).await, before + 1.0, "{reason}");
        // One sentence for a person, naming the IdP, whatever SAML detail was wrong.
        let html = response.text().await.expect("html");
        assert_eq!(
            alert_text(&html),
            "The sign-out message from Corp SSO did not pass verification, so nothing was \
             signed out. Go back to the app.",
            "{reason}"
        );
    }
    // Unsigned in the POST binding too.
    let before = s.refusals("unsigned").await;
    let posted = browser
        .post(slo_path(&s))
        .form(&[("SAMLRequest", STANDARD.encode(genuine("alice").xml()))])
        .send()
        .await
        .expect("post");
    assert_eq!(posted.status(), StatusCode::BAD_REQUEST);
    assert_eq!(s.refusals("unsigned").await, before + 1.0);
    // Signed in the POST binding for "nobody", then rewritten to name alice.
    let nobody = genuine("nobody");
    let signed = authgate::connectors::saml::testing::sign_enveloped(
        &nobody.xml(),
        &nobody.id,
        &s.idp.read("idp.pem"),
    )
    .unwrap();
    let rewritten = signed.replace(">nobody<", ">alice<");
    assert_ne!(rewritten, signed);
    let before = s.refusals("signature_invalid").await;
    let posted = browser
        .post(slo_path(&s))
        .form(&[("SAMLRequest", STANDARD.encode(rewritten))])
        .send()
        .await
        .expect("post");
    assert_eq!(posted.status(), StatusCode::BAD_REQUEST);
    assert_eq!(s.refusals("signature_invalid").await, before + 1.0);
    assert!(
        refreshes(&s, "sapp", &refresh).await.is_some(),
        "nothing was ended"
    );
}

#[tokio::test]
async fn a_replayed_logout_request_is_refused_and_a_posted_signed_one_is_answered() {
    // Arrange
    let s = with_idp_settings("corp-replay", "urn:test:sp", false, SLO).await;
    let browser = browser();
    let refresh = signed_in(&s, &browser, "sapp", "myapp://callback").await;
    let url = Forged::genuine(&s, "nobody").url(&s, true);
    let before = s.refusals("replayed").await;

    // Act
    let first = follow(&browser, &url).await;
    let again = follow(&browser, &url).await;
    let request = Forged::genuine(&s, "alice");
    let signed = authgate::connectors::saml::testing::sign_enveloped(
        &request.xml(),
        &request.id,
        &s.idp.read("idp.pem"),
    )
    .unwrap();
    let posted = browser
        .post(slo_path(&s))
        .form(&[
            ("SAMLRequest", STANDARD.encode(&signed)),
            ("RelayState", "rs".to_string()),
        ])
        .send()
        .await
        .expect("post");

    // Assert: the first (naming nobody) answered Success, its replay refused; the signed
    // POST for alice ended her session and was answered with its RelayState.
    assert_eq!(first.status(), StatusCode::FOUND);
    assert!(location(&first).starts_with(&slo_at_idp(&s)));
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert_eq!(s.refusals("replayed").await, before + 1.0);
    assert_eq!(posted.status(), StatusCode::FOUND);
    let answer = location(&posted);
    assert_eq!(query_param(&answer, "RelayState").as_deref(), Some("rs"));
    let xml = redirect_xml(&answer, "SAMLResponse");
    assert!(
        xml.contains(&format!(r#"InResponseTo="{}""#, request.id)),
        "{xml}"
    );
    assert_eq!(refreshes(&s, "sapp", &refresh).await, None);
}

#[tokio::test]
async fn a_logout_response_to_another_request_does_not_finish_at_the_app() {
    // Arrange: /logout sent a LogoutRequest; a signed answer to another ID comes back.
    let s = with_idp_settings("corp-answer", "urn:test:sp", false, SLO).await;
    let browser = browser();
    let refresh = signed_in(&s, &browser, "sapp", "myapp://callback").await;
    let out = s
        .app
        .get(
            &browser,
            "/logout?client_id=sapp&logout_uri=myapp%3A%2F%2Fsignout",
        )
        .await;
    assert_eq!(out.status(), StatusCode::FOUND);
    let xml = format!(
        r#"<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="{at}" Destination="{dest}" InResponseTo="_not-the-one"><saml:Issuer>{issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>"#,
        at = OffsetDateTime::now_utc()
            .replace_nanosecond(0)
            .unwrap()
            .format(&Rfc3339)
            .unwrap(),
        dest = slo_path(&s),
        issuer = s.idp.entity_id(),
    );
    let url = idp_signer(&s)
        .redirect_binding_url(&slo_path(&s), "SAMLResponse", &xml, None, true)
        .unwrap();
    let before = s.refusals("in_response_to").await;

    // Act
    let back = follow(&browser, url.as_str()).await;

    // Assert: the signed-out page, not the app's logout URI; the session is over anyway.
    assert_eq!(back.status(), StatusCode::OK);
    assert!(back.headers().get("location").is_none());
    assert_eq!(s.refusals("in_response_to").await, before + 1.0);
    assert_eq!(refreshes(&s, "sapp", &refresh).await, None);
}

#[tokio::test]
async fn sp_metadata_lists_the_single_logout_service_in_both_bindings() {
    let s = with_idp_settings("corp", "urn:test:sp", false, SLO).await;

    let xml = s
        .app
        .get(&s.app.browser, "/saml2/metadata/corp")
        .await
        .text()
        .await
        .expect("xml");

    for binding in ["HTTP-Redirect", "HTTP-POST"] {
        assert!(
            xml.contains(&format!(
                r#"<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:{binding}" Location="{}"/>"#,
                slo_path(&s)
            )),
            "{xml}"
        );
    }
}

#[tokio::test]
async fn the_audit_log_names_each_logout_refusal_and_ending_by_pseudonym_only() {
    // Arrange: the real binary with JSON logs, one SAML provider with single logout.
    let dir = tempfile::tempdir().expect("tmp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("probe")
        .port();
    let idp = crate::support::saml_idp::SamlIdp::start_for(&format!(
        "http://127.0.0.1:{port}/saml2/idpresponse/corp"
    ));
    let extra = format!(
        "\n[[providers]]\nid = \"corp\"\nkind = \"saml\"\nname = \"Corp SSO\"\n{}\n",
        idp.settings_toml("urn:test:sp", &SLO.replace("{idp}", &idp.base))
    );
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, test_config(&dir, port, &extra)).expect("config");
    let server =
        crate::support::binary::start_with_env(&config, "info", &[("AUTHGATE_LOG_FORMAT", "json")]);
    let s = Saml {
        app: TestApp::remote(&server.address),
        idp,
        provider: "corp".into(),
    };

    // Act: an unsigned LogoutRequest, then a genuine one, both for alice.
    let unsigned = follow(&s.app.browser, &Forged::genuine(&s, "alice").url(&s, false)).await;
    let genuine = follow(&s.app.browser, &Forged::genuine(&s, "alice").url(&s, true)).await;

    // Assert
    assert_eq!(unsigned.status(), StatusCode::BAD_REQUEST);
    assert_eq!(genuine.status(), StatusCode::FOUND);
    let log = server.stop_and_read_log();
    let events: Vec<Value> = log
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|l| l["event"].is_string())
        .collect();
    let field = |event: &Value, name: &str| event[name].clone();
    let refused: Vec<&Value> = events
        .iter()
        .filter(|e| field(e, "event") == "saml_response_refused")
        .collect();
    assert_eq!(refused.len(), 1, "{log}");
    assert_eq!(field(refused[0], "reason"), "unsigned");
    assert_eq!(field(refused[0], "provider"), "corp");
    let ended: Vec<&Value> = events
        .iter()
        .filter(|e| field(e, "event") == "idp_logout")
        .collect();
    assert_eq!(ended.len(), 1, "{log}");
    assert_eq!(
        field(ended[0], "subject"),
        authgate::telemetry::audit::pseudonym("corp", "alice")
    );
    assert!(!log.contains("alice"), "no NameID in the log: {log}");
}
