//! `prompt=none` with a SAML provider against a real IdP (simpleSAMLphp honours `IsPassive`:
//! without a session of its own it answers `NoPassive` at once): no SSO session here, so the
//! AuthnRequest goes out with `IsPassive="true"`; the IdP without a session → the app gets
//! `login_required` with its `state`, and no code; the IdP with a session (alice signed in
//! there before, her session here ended) → a code without any login form. A provider that is
//! not SAML, and `max_age`, keep authgate's own answer.

use crate::saml_signin::{request, with_idp_settings};
use crate::support::app::*;
use crate::support::saml_idp::IdpStep;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::StatusCode;

/// The AuthnRequest a Redirect-binding URL carries, inflated.
fn authn_request_xml(url: &str) -> String {
    use std::io::Read;
    let raw = STANDARD
        .decode(query_param(url, "SAMLRequest").expect("SAMLRequest"))
        .expect("base64");
    let mut xml = String::new();
    flate2::read::DeflateDecoder::new(&raw[..])
        .read_to_string(&mut xml)
        .expect("deflate");
    xml
}

#[tokio::test]
async fn prompt_none_asks_the_idp_passively_and_its_no_passive_is_login_required() {
    // Arrange: nobody signed in, here or at the IdP.
    let s = with_idp_settings("corp", "urn:test:sp", false, "").await;
    let browser = browser();
    let silent = request("sapp", "myapp://callback").with("prompt", "none");
    let before = s.refusals("status").await;

    // Act
    let to_idp = s.to_idp(&browser, &silent).await;
    let step = s.idp.visit(&browser, &to_idp).await.expect("IdP");
    let IdpStep::Answers(form) = step else {
        panic!("the IdP showed its login form to a passive request");
    };
    let posted = s.post_acs(&form, &form.saml_response).await;
    let back = s.app.get(&browser, &location(&posted)).await;

    // Assert: IsPassive sent (and no ForceAuthn); the IdP's NoPassive became login_required
    // at the app's redirect URI with its state, and nothing was issued.
    let xml = authn_request_xml(&to_idp);
    assert!(xml.contains(r#"IsPassive="true""#), "{xml}");
    assert!(!xml.contains(r#"ForceAuthn="true""#), "{xml}");
    let answer =
        authgate::connectors::saml::verify::decode_post_field(&form.saml_response).expect("xml");
    assert!(
        answer.contains("urn:oasis:names:tc:SAML:2.0:status:NoPassive"),
        "{answer}"
    );
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert_eq!(back.status(), StatusCode::FOUND);
    let location = location(&back);
    assert!(location.starts_with("myapp://callback?"), "{location}");
    assert_eq!(
        query_param(&location, "error").as_deref(),
        Some("login_required")
    );
    assert_eq!(
        query_param(&location, "state").as_deref(),
        Some("state-123")
    );
    assert_eq!(query_param(&location, "code"), None);
    assert_eq!(
        s.refusals("status").await,
        before,
        "not counted as a refusal"
    );
}

#[tokio::test]
async fn prompt_none_signs_in_silently_when_the_idp_has_a_session() {
    // Arrange: alice signed in once (the IdP keeps its session in this browser's cookies),
    // then signed out here (no single logout configured: the IdP's session lives on).
    let s = with_idp_settings("corp", "urn:test:sp", false, "").await;
    let browser = browser();
    let first = request("sapp", "myapp://callback");
    let form = s.at_idp_with_password(&browser, &first).await;
    let code = s.code(&browser, &form).await;
    let first_sub = s.id_token(&first, &code).await["sub"].clone();
    let out = s
        .app
        .get(
            &browser,
            "/logout?client_id=sapp&logout_uri=myapp%3A%2F%2Fsignout",
        )
        .await;
    assert_eq!(location(&out), "myapp://signout");
    let silent = request("sapp", "myapp://callback").with("prompt", "none");

    // Act
    let to_idp = s.to_idp(&browser, &silent).await;
    let step = s.idp.visit(&browser, &to_idp).await.expect("IdP");
    let IdpStep::Answers(form) = step else {
        panic!("the IdP asked for a password");
    };
    let code = s.code(&browser, &form).await;

    // Assert: a passive request, answered with a code for alice, no form on the way.
    assert!(authn_request_xml(&to_idp).contains(r#"IsPassive="true""#));
    let claims = s.id_token(&silent, &code).await;
    assert_eq!(claims["sub"], first_sub);
    assert_eq!(claims["email"], "alice@example.com");
}

#[tokio::test]
async fn prompt_none_with_max_age_or_for_a_provider_not_saml_is_answered_here() {
    // Arrange: no SSO session; `max_age` (the IdP's session age is unknown here), and an app
    // whose provider is the local user list, keep authgate's own login_required.
    let s = with_idp_settings("corp", "urn:test:sp", false, "").await;
    let browser = browser();
    let cases = [
        request("sapp", "myapp://callback")
            .with("prompt", "none")
            .with("identity_provider", "corp")
            .with("max_age", "300"),
        request("demo", "myapp://callback").with("prompt", "none"),
    ];

    for case in cases {
        // Act
        let response = s.app.authorize(&browser, &case).await;

        // Assert
        assert_eq!(response.status(), StatusCode::FOUND, "{:?}", case.extra);
        assert_eq!(
            query_param(&location(&response), "error").as_deref(),
            Some("login_required"),
            "{:?}",
            case.extra
        );
    }
}
