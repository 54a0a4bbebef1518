//! `kind = "saml"` end to end against a real IdP (simpleSAMLphp): a browser-style sign-in
//! (authorize → AuthnRequest → alice types her password at the IdP → its page posts the
//! response to authgate's ACS, cross-site, without authgate's cookie → continue → code →
//! tokens) for every response shape, SSO across apps, `prompt=login` forcing the IdP to ask
//! again, Cognito's `/saml2/idpresponse`, the SP metadata, and refusals of tampered and
//! replayed responses (a page naming the provider, the reason counted, no code).

use crate::support::app::*;
use crate::support::saml_idp::{IdpStep, PostedForm, SamlIdp};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::StatusCode;
use serde_json::{Value, json};

pub(crate) struct Saml {
    pub(crate) app: TestApp,
    pub(crate) idp: SamlIdp,
    pub(crate) provider: String,
}

/// authgate with one SAML provider `provider` for SP entity `sp_entity_id` at a fresh IdP
/// that posts to that provider's ACS (or Cognito's, with `cognito_acs`), and two apps.
async fn with_idp(provider: &str, sp_entity_id: &str, cognito_acs: bool) -> Saml {
    with_idp_settings(provider, sp_entity_id, cognito_acs, "").await
}

/// [`with_idp`] with more keys in the provider's settings (`extra`, which may name the IdP's
/// base URL as `{idp}`).
pub(crate) async fn with_idp_settings(
    provider: &str,
    sp_entity_id: &str,
    cognito_acs: bool,
    extra: &str,
) -> Saml {
    with_provider_toml(provider, cognito_acs, |idp| {
        idp.settings_toml(
            sp_entity_id,
            &format!(
                "{}\n{}",
                if cognito_acs {
                    "cognito_acs = true"
                } else {
                    ""
                },
                extra.replace("{idp}", &idp.base)
            ),
        )
    })
    .await
}

/// authgate with one SAML provider `provider` whose settings `settings` writes for a fresh
/// IdP posting to that provider's ACS (or Cognito's, with `cognito_acs`), and two apps.
pub(crate) async fn with_provider_toml(
    provider: &str,
    cognito_acs: bool,
    settings: impl FnOnce(&SamlIdp) -> String,
) -> Saml {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let acs = if cognito_acs {
        format!("http://127.0.0.1:{port}/saml2/idpresponse")
    } else {
        format!("http://127.0.0.1:{port}/saml2/idpresponse/{provider}")
    };
    let idp = SamlIdp::start_for(&acs);
    let extra = format!(
        r#"
[[providers]]
id = "{provider}"
kind = "saml"
name = "Corp SSO"
{settings}

[[apps]]
client_id = "sapp"
name = "SAML app"
redirect_uris = ["myapp://callback"]
logout_uris = ["myapp://signout"]
providers = ["{provider}"]
scopes = ["openid", "email", "profile"]

[[apps]]
client_id = "sapp2"
name = "Second SAML app"
redirect_uris = ["second://cb"]
providers = ["{provider}"]
scopes = ["openid", "email", "profile"]
"#,
        settings = settings(&idp),
    );
    let app = spawn_app_on(listener, &extra, |c| c).await;
    Saml {
        app,
        idp,
        provider: provider.to_string(),
    }
}

pub(crate) fn request(client_id: &str, redirect_uri: &str) -> Authorize {
    let mut request = Authorize::native();
    request.client_id = client_id.into();
    request.redirect_uri = redirect_uri.into();
    request
}

impl Saml {
    /// authorize in `browser` → the IdP's AuthnRequest URL.
    pub(crate) async fn to_idp(&self, browser: &reqwest::Client, request: &Authorize) -> String {
        let request = request.clone_with("identity_provider", &self.provider);
        let response = self.app.authorize(browser, &request).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = self.app.get(browser, &location(&response)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "sent upstream");
        let url = location(&response);
        assert!(url.starts_with(&self.idp.base), "to the IdP: {url}");
        url
    }

    /// authorize → the IdP → alice's password (asserted to be asked) → the posted form.
    pub(crate) async fn at_idp_with_password(
        &self,
        browser: &reqwest::Client,
        request: &Authorize,
    ) -> PostedForm {
        let url = self.to_idp(browser, request).await;
        match self.idp.visit(browser, &url).await.expect("IdP") {
            IdpStep::AsksPassword(state) => {
                self.idp.type_password(browser, &state).await.expect("IdP")
            }
            IdpStep::Answers(_) => panic!("the IdP did not ask for a password"),
        }
    }

    /// The IdP's page posts the form: cross-site, so without authgate's cookie.
    pub(crate) async fn post_acs(
        &self,
        form: &PostedForm,
        saml_response: &str,
    ) -> reqwest::Response {
        browser()
            .post(&form.action)
            .header("origin", &self.idp.base)
            .form(&[
                ("SAMLResponse", saml_response),
                ("RelayState", form.relay_state.as_str()),
            ])
            .send()
            .await
            .expect("post")
    }

    /// The POST → 303 → continue in the browser → the app's redirect with a code.
    pub(crate) async fn code(&self, browser: &reqwest::Client, form: &PostedForm) -> String {
        let posted = self.post_acs(form, &form.saml_response).await;
        assert_eq!(posted.status(), StatusCode::SEE_OTHER);
        assert!(
            posted.headers().get("set-cookie").is_none(),
            "the ACS POST touches no session"
        );
        let back = self.app.get(browser, &location(&posted)).await;
        assert_eq!(back.status(), StatusCode::SEE_OTHER);
        query_param(&location(&back), "code").expect("a code for the app")
    }

    pub(crate) async fn id_token(&self, request: &Authorize, code: &str) -> Value {
        let response = self.app.exchange(request, code).await;
        assert_eq!(response.status(), StatusCode::OK);
        let tokens: Value = response.json().await.expect("json");
        claims(tokens["id_token"].as_str().expect("id_token"))
    }

    /// How many refusals `/metrics` counts for this provider and `reason`.
    pub(crate) async fn refusals(&self, reason: &str) -> f64 {
        let text = self
            .app
            .get(&self.app.browser, "/metrics")
            .await
            .text()
            .await
            .expect("metrics");
        let provider = format!("provider=\"{}\"", self.provider);
        let reason = format!("reason=\"{reason}\"");
        text.lines()
            .filter(|l| l.starts_with("authgate_saml_refusals_total{"))
            .filter(|l| l.contains(&provider) && l.contains(&reason))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .sum()
    }
}

const SHAPES: [&str; 5] = [
    "urn:test:sp",
    "urn:test:sp-assertion-only",
    "urn:test:sp-response-only",
    "urn:test:sp-enc",
    "urn:test:sp-enc-inner-only",
];

#[tokio::test]
async fn every_response_shape_signs_in_through_the_acs_with_the_mapped_claims() {
    let mut subjects = Vec::new();
    for (i, shape) in SHAPES.iter().enumerate() {
        // Arrange
        let s = with_idp(&format!("corp{i}"), shape, false).await;
        let browser = browser();
        let request = request("sapp", "myapp://callback");

        // Act
        let form = s.at_idp_with_password(&browser, &request).await;
        let code = s.code(&browser, &form).await;
        let id = s.id_token(&request, &code).await;

        // Assert
        assert_eq!(
            form.action,
            s.app.url(&format!("/saml2/idpresponse/{}", s.provider)),
            "{shape}"
        );
        assert_eq!(id["email"], json!("alice@example.com"), "{shape}");
        assert_eq!(id["email_verified"], json!(true), "{shape}");
        assert_eq!(id["name"], json!("Alice Example"), "{shape}");
        assert_eq!(id["aud"], json!("sapp"), "{shape}");
        subjects.push(id["sub"].as_str().expect("sub").to_string());
    }
    // Each shape is its own provider id here, so its own subject: sub is per (provider, NameID).
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects.len(), SHAPES.len());
}

#[tokio::test]
async fn the_subject_is_stable_per_provider_and_name_id_and_sso_serves_a_second_app() {
    // Arrange
    let s = with_idp("corp", "urn:test:sp", false).await;
    let browser = browser();
    let first = request("sapp", "myapp://callback");
    let form = s.at_idp_with_password(&browser, &first).await;
    let code = s.code(&browser, &form).await;
    let first_id = s.id_token(&first, &code).await;

    // Act: a second app in the same browser, then the first again in a new browser (the
    // IdP's password again, the same person).
    let second = request("sapp2", "second://cb");
    let response = s.app.authorize(&browser, &second).await;
    let sso_back = location(&response);
    let sso_code = query_param(&sso_back, "code").expect("a code from the SSO session");
    let second_id = s.id_token(&second, &sso_code).await;
    let other_browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("client");
    let again = request("sapp", "myapp://callback");
    let form = s.at_idp_with_password(&other_browser, &again).await;
    let code = s.code(&other_browser, &form).await;
    let again_id = s.id_token(&again, &code).await;

    // Assert
    assert!(sso_back.starts_with("second://cb"), "{sso_back}");
    assert_eq!(second_id["sub"], first_id["sub"]);
    assert_eq!(second_id["aud"], json!("sapp2"));
    assert_eq!(again_id["sub"], first_id["sub"], "stable per NameID");
}

#[tokio::test]
async fn prompt_login_sends_force_authn_and_the_idp_asks_again() {
    // Arrange: signed in once, then signed out of authgate only: the browser keeps the IdP's
    // own session cookie.
    let s = with_idp("corp", "urn:test:sp", false).await;
    let browser = browser();
    let first = request("sapp", "myapp://callback");
    let form = s.at_idp_with_password(&browser, &first).await;
    s.code(&browser, &form).await;
    let out = s
        .app
        .get(
            &browser,
            "/logout?client_id=sapp&logout_uri=myapp%3A%2F%2Fsignout",
        )
        .await;
    assert_eq!(out.status(), StatusCode::FOUND);

    // Act: without prompt the IdP answers from its session; with prompt=login it asks again.
    let plain = request("sapp", "myapp://callback");
    let plain_url = s.to_idp(&browser, &plain).await;
    let plain_step = s.idp.visit(&browser, &plain_url).await.expect("IdP");
    let IdpStep::Answers(plain_form) = plain_step else {
        panic!("the IdP asked again without ForceAuthn");
    };
    s.code(&browser, &plain_form).await;
    let forced = request("sapp", "myapp://callback").with("prompt", "login");
    let forced_url = s.to_idp(&browser, &forced).await;
    let forced_step = s.idp.visit(&browser, &forced_url).await.expect("IdP");

    // Assert
    assert!(!authn_request_xml(&plain_url).contains("ForceAuthn"));
    let xml = authn_request_xml(&forced_url);
    assert!(xml.contains(r#"ForceAuthn="true""#), "{xml}");
    assert!(!xml.contains("IsPassive"), "{xml}");
    let IdpStep::AsksPassword(state) = forced_step else {
        panic!("the IdP answered from its session despite ForceAuthn");
    };
    let form = s.idp.type_password(&browser, &state).await.expect("IdP");
    let code = s.code(&browser, &form).await;
    assert_eq!(
        s.id_token(&forced, &code).await["email"],
        json!("alice@example.com")
    );
}

/// The AuthnRequest an IdP URL carries (Redirect binding: deflated, base64).
fn authn_request_xml(url: &str) -> String {
    use std::io::Read;
    let request = query_param(url, "SAMLRequest").expect("SAMLRequest");
    let raw = STANDARD.decode(request).expect("base64");
    let mut xml = String::new();
    flate2::read::DeflateDecoder::new(&raw[..])
        .read_to_string(&mut xml)
        .expect("deflate");
    xml
}

#[tokio::test]
async fn cognitos_acs_path_finds_the_idp_from_the_flow() {
    // Arrange: an IdP set up for a Cognito domain posts to /saml2/idpresponse.
    let s = with_idp("corp", "urn:test:sp", true).await;
    let browser = browser();
    let request = request("sapp", "myapp://callback");

    // Act
    let form = s.at_idp_with_password(&browser, &request).await;
    let code = s.code(&browser, &form).await;
    let id = s.id_token(&request, &code).await;

    // Assert
    assert_eq!(form.action, s.app.url("/saml2/idpresponse"));
    assert_eq!(id["email"], json!("alice@example.com"));
}

#[tokio::test]
async fn sp_metadata_names_the_acs_and_an_unknown_provider_has_none() {
    let s = with_idp("corp", "urn:test:sp", false).await;

    let metadata = s.app.get(&s.app.browser, "/saml2/metadata/corp").await;
    let missing = s.app.get(&s.app.browser, "/saml2/metadata/local").await;

    assert_eq!(metadata.status(), StatusCode::OK);
    assert_eq!(
        metadata.headers()["content-type"],
        "application/samlmetadata+xml"
    );
    let xml = metadata.text().await.expect("xml");
    assert!(xml.contains(r#"entityID="urn:test:sp""#), "{xml}");
    assert!(
        xml.contains(&format!(
            r#"Location="{}""#,
            s.app.url("/saml2/idpresponse/corp")
        )),
        "{xml}"
    );
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

/// The refusal page: 400, naming the provider, nothing of the response on it.
async fn assert_refused(response: reqwest::Response) {
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = response.text().await.expect("page");
    assert!(
        page.contains("Corp SSO"),
        "the page names the provider: {page}"
    );
    assert!(
        !page.contains("alice"),
        "nothing of the response on the page"
    );
}

#[tokio::test]
async fn a_tampered_response_posted_to_the_acs_is_refused_with_its_reason_and_no_code() {
    // Arrange
    let s = with_idp("corp-tamper", "urn:test:sp", false).await;
    let browser = browser();
    let request = request("sapp", "myapp://callback");
    let form = s.at_idp_with_password(&browser, &request).await;
    let xml = String::from_utf8(STANDARD.decode(&form.saml_response).expect("b64")).unwrap();
    let tampered = STANDARD.encode(xml.replace(">alice<", ">mallory<"));
    assert_ne!(tampered, form.saml_response, "the NameID was rewritten");
    let before = s.refusals("signature_invalid").await;

    // Act
    let posted = s.post_acs(&form, &tampered).await;
    let continued = s
        .app
        .get(
            &browser,
            &format!(
                "/oauth2/idpresponse/{}/continue?flow={}",
                s.provider, form.relay_state
            ),
        )
        .await;
    // The genuine response, now: the flow was spent by the tampered one.
    let genuine = s.post_acs(&form, &form.saml_response).await;

    // Assert
    assert_refused(posted).await;
    assert_eq!(s.refusals("signature_invalid").await, before + 1.0);
    assert_ne!(continued.status(), StatusCode::SEE_OTHER, "no code");
    assert_eq!(genuine.status(), StatusCode::BAD_REQUEST, "flow spent");
}

/// How a corpus case rewrites a genuine response's XML.
type Tamper = fn(&str) -> String;

#[tokio::test]
async fn corpus_cases_posted_to_the_acs_are_refused_for_their_reason() {
    // Each: (reason, how the genuine response is tampered).
    let cases: [(&str, Tamper); 4] = [
        ("signature_invalid", |x| {
            x.replace("alice@example.com", "mallory@example.com")
        }),
        ("dtd", |x| {
            x.replacen(
                "<samlp:Response",
                "<!DOCTYPE r [<!ENTITY e \"x\">]><samlp:Response",
                1,
            )
        }),
        ("malformed", |x| format!("{x}<trailing/>")),
        ("bad_encoding", |_| "%%%not-base64%%%".to_string()),
    ];
    let s = with_idp("corp-corpus", "urn:test:sp", false).await;
    for (reason, tamper) in cases {
        // Arrange: a fresh genuine response for a fresh flow.
        let browser = browser();
        let request = request("sapp", "myapp://callback");
        let form = s.at_idp_with_password(&browser, &request).await;
        let xml = String::from_utf8(STANDARD.decode(&form.saml_response).expect("b64")).unwrap();
        let tampered = tamper(&xml);
        let body = if reason == "bad_encoding" {
            tampered
        } else {
            STANDARD.encode(tampered)
        };
        let before = s.refusals(reason).await;

        // Act
        let posted = s.post_acs(&form, &body).await;

        // Assert
        assert_refused(posted).await;
        assert_eq!(s.refusals(reason).await, before + 1.0, "{reason}");
    }
}

#[tokio::test]
async fn a_replayed_genuine_response_is_refused() {
    // Arrange: a genuine sign-in completes.
    let s = with_idp("corp-replay", "urn:test:sp", false).await;
    let browser = browser();
    let first = request("sapp", "myapp://callback");
    let form = s.at_idp_with_password(&browser, &first).await;
    s.code(&browser, &form).await;
    let before = s.refusals("in_response_to").await;

    // Act: the same response again for its own (spent) flow, and for a new flow of the
    // same browser (another AuthnRequest).
    let same_flow = s.post_acs(&form, &form.saml_response).await;
    let next = request("sapp", "myapp://callback").with("prompt", "login");
    let url = s.to_idp(&browser, &next).await;
    let relay_state = query_param(&url, "RelayState").expect("RelayState");
    let replay = PostedForm {
        relay_state,
        ..form.clone()
    };
    let new_flow = s.post_acs(&replay, &form.saml_response).await;

    // Assert
    assert_eq!(same_flow.status(), StatusCode::BAD_REQUEST);
    assert_refused(new_flow).await;
    assert_eq!(s.refusals("in_response_to").await, before + 1.0);
}

#[tokio::test]
async fn another_kinds_flow_is_not_answered_at_the_saml_paths() {
    // A local-password flow has no upstream leg; a SAML path for a non-SAML provider is 404.
    let s = with_idp("corp", "urn:test:sp", false).await;

    let own_path = browser()
        .post(s.app.url("/saml2/idpresponse/local"))
        .form(&[("SAMLResponse", "x"), ("RelayState", "y")])
        .send()
        .await
        .expect("post");
    let no_flow = browser()
        .post(s.app.url("/saml2/idpresponse"))
        .form(&[("SAMLResponse", "x"), ("RelayState", "no-such-flow")])
        .send()
        .await
        .expect("post");

    assert_eq!(own_path.status(), StatusCode::NOT_FOUND);
    assert_eq!(no_flow.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_aws_role_attribute_sends_a_two_role_user_to_the_role_page() {
    // Arrange: alice's assertion carries two AWS roles; the app wants AWS credentials, with
    // authgate's own ID token as the Logins (a SAML provider has no token of its own).
    const READER: &str = "arn:aws:iam::123456789012:role/readers";
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let idp = SamlIdp::start_for(&format!("http://127.0.0.1:{port}/saml2/idpresponse/corp"));
    let extra = format!(
        r#"
[[providers]]
id = "corp"
kind = "saml"
name = "Corp SSO"
logins = "self"
{settings}

[[apps]]
client_id = "sapp"
name = "SAML app"
redirect_uris = ["myapp://callback"]
providers = ["corp"]
scopes = ["openid", "email", "profile"]
aws_credentials = true
"#,
        settings = idp.settings_toml("urn:test:sp", ""),
    );
    let aws = crate::support::aws::aws_app_on(listener, &extra).await;
    let s = Saml {
        app: aws.app,
        idp,
        provider: "corp".into(),
    };
    let browser = browser();
    let request = request("sapp", "myapp://callback");

    // Act
    let form = s.at_idp_with_password(&browser, &request).await;
    let posted = s.post_acs(&form, &form.saml_response).await;
    let next = location(&s.app.get(&browser, &location(&posted)).await);
    let page = s.app.get(&browser, &next).await.text().await.expect("page");
    let csrf = input_value(&page, "csrf").expect("csrf");
    let chosen = browser
        .post(s.app.url(&next))
        .form(&[("csrf", csrf.as_str()), ("role", READER)])
        .send()
        .await
        .expect("post");

    // Assert
    assert!(next.starts_with("/aws/role/"), "{next}");
    assert!(
        page.contains("arn:aws:iam::123456789012:role/admins") && page.contains(READER),
        "both roles offered"
    );
    assert!(
        !page.contains("saml-provider"),
        "provider ARNs are not roles"
    );
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    let code = query_param(&location(&chosen), "code").expect("code");
    let tokens = s.app.exchange(&request, &code).await;
    assert_eq!(tokens.status(), StatusCode::OK);
    let calls = aws.proxy.of("GetCredentialsForIdentity");
    assert_eq!(calls[0].body["CustomRoleArn"], READER);
}

#[tokio::test]
async fn an_oidc_flow_answered_at_cognitos_saml_path_is_refused_and_not_spent() {
    // Arrange: an OpenID provider beside the SAML one; a sign-in sent to it.
    let op = crate::support::upstream_stub::StubOp::start().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let extra = format!(
        r#"
[[providers]]
id = "op"
kind = "oidc"
issuer = "{issuer}"
client_id = "authgate"
timeout = "2s"

[[apps]]
client_id = "opapp"
name = "OIDC app"
redirect_uris = ["opapp://cb"]
providers = ["op"]
scopes = ["openid", "email"]
"#,
        issuer = op.issuer
    );
    let app = spawn_app_on(listener, &extra, |c| c).await;
    let browser = browser();
    let request = request("opapp", "opapp://cb");
    let response = app.authorize(&browser, &request).await;
    let response = app.get(&browser, &location(&response)).await;
    let upstream = location(&response);
    let state = query_param(&upstream, "state").expect("state");

    // Act: its state posted as a RelayState to the path that names no provider.
    let posted = crate::support::app::browser()
        .post(app.url("/saml2/idpresponse"))
        .form(&[("SAMLResponse", "PGEvPg=="), ("RelayState", state.as_str())])
        .send()
        .await
        .expect("post");

    // Assert: refused, and the flow is still there for its own provider's answer.
    assert_eq!(posted.status(), StatusCode::BAD_REQUEST);
    assert!(
        app.store()
            .get_auth_request(&state, time::OffsetDateTime::now_utc())
            .await
            .expect("store")
            .is_some(),
        "the OIDC flow was not spent"
    );
}
