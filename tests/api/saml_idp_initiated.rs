//! SAML IdP-initiated sign-in against simpleSAMLphp's own unsolicited flow
//! (`saml2/idp/SSOService.php?spentityid=…`): off by default (the POST is refused, no code),
//! and, for a provider that names its landing app, a code for that app's redirect URI with no
//! state; then the refusals: the same response again, a response that answers an
//! AuthnRequest, a stale one, and a landing app that is not there or is public.

use crate::support::app::*;
use crate::support::saml_idp::SamlIdp;
use reqwest::StatusCode;
use serde_json::{Value, json};

const PORTAL_SECRET: &str = "portal-secret-0123456789";

struct Portal {
    app: TestApp,
    idp: SamlIdp,
}

/// The `[providers.idp_initiated]` table for the confidential `portal` app.
const LANDING: &str = r#"
[providers.idp_initiated]
app = "portal"
redirect_uri = "https://portal.example/cb"
scope = "openid email"
"#;

/// The provider `corp` and its apps; `landing` is the provider's `idp_initiated` table (or
/// nothing: off).
fn config(idp: &SamlIdp, landing: &str, portal_secret: bool) -> String {
    let secret = idp.dir.path().join("portal-secret");
    std::fs::write(&secret, PORTAL_SECRET).expect("secret");
    let secret_line = if portal_secret {
        format!("client_secret_file = {:?}", secret.display().to_string())
    } else {
        String::new()
    };
    format!(
        r#"
[[apps]]
client_id = "portal"
name = "Portal"
{secret_line}
redirect_uris = ["https://portal.example/cb"]
providers = ["corp"]
scopes = ["openid", "email", "profile"]

[[providers]]
id = "corp"
kind = "saml"
name = "Corp SSO"
{settings}
{landing}
"#,
        settings = idp.settings_toml("urn:test:sp", ""),
    )
}

async fn portal(landing: &str) -> Portal {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let idp = SamlIdp::start_for(&format!("http://127.0.0.1:{port}/saml2/idpresponse/corp"));
    let app = spawn_app_on(listener, &config(&idp, landing, true), |c| c).await;
    Portal { app, idp }
}

impl Portal {
    /// The IdP's page posts the unsolicited response: cross-site, no cookie, no RelayState.
    async fn post_acs(&self, saml_response: &str) -> reqwest::Response {
        browser()
            .post(self.app.url("/saml2/idpresponse/corp"))
            .header("origin", &self.idp.base)
            .form(&[("SAMLResponse", saml_response)])
            .send()
            .await
            .expect("post")
    }

    async fn refusals(&self, reason: &str) -> f64 {
        let text = self
            .app
            .get(&self.app.browser, "/metrics")
            .await
            .text()
            .await
            .expect("metrics");
        let reason = format!("reason=\"{reason}\"");
        text.lines()
            .filter(|l| l.starts_with("authgate_saml_refusals_total{"))
            .filter(|l| l.contains("provider=\"corp\"") && l.contains(&reason))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .sum()
    }
}

async fn assert_refused_without_code(response: reqwest::Response) {
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.headers().get("location").is_none(), "no code");
    let page = response.text().await.expect("page");
    assert!(
        !page.contains("alice"),
        "nothing of the response on the page"
    );
}

#[tokio::test]
async fn an_unsolicited_response_lands_a_code_on_the_configured_app_once() {
    // Arrange: alice starts at the IdP's portal.
    let p = portal(LANDING).await;
    let saml_response = p
        .idp
        .login_unsolicited("urn:test:sp")
        .await
        .expect("IdP-initiated");
    let before = p.refusals("replayed").await;
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .user_agent("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
        .build()
        .expect("client");

    // Act: the IdP's page posts to the ACS, the browser follows to the landing.
    let posted = p.post_acs(&saml_response).await;
    let landing = location(&posted);
    let back = p.app.get(&browser, &landing).await;
    let again = p.app.get(&browser, &landing).await;
    let replayed = p.post_acs(&saml_response).await;

    // Assert: a code for the configured redirect URI, no state; redeemed with the secret and
    // no PKCE verifier.
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert!(
        posted.headers().get("set-cookie").is_none(),
        "the ACS POST touches no session"
    );
    assert!(landing.starts_with(&p.app.url("/saml2/idpresponse/corp/landing?flow=")));
    let to_app = location(&back);
    assert!(to_app.starts_with("https://portal.example/cb?"), "{to_app}");
    assert_eq!(query_param(&to_app, "state"), None, "no app sent a state");
    let code = query_param(&to_app, "code").expect("code");
    let tokens = p
        .app
        .token(&[
            ("grant_type", "authorization_code"),
            ("client_id", "portal"),
            ("client_secret", PORTAL_SECRET),
            ("code", &code),
            ("redirect_uri", "https://portal.example/cb"),
        ])
        .await;
    assert_eq!(tokens.status(), StatusCode::OK);
    let tokens: Value = tokens.json().await.expect("json");
    let id = claims(tokens["id_token"].as_str().expect("id_token"));
    assert_eq!(id["email"], json!("alice@example.com"));
    assert_eq!(id["aud"], json!("portal"));
    assert!(id.get("nonce").is_none());
    // The session remembers the landing browser and its address, as an SP-initiated one.
    let sessions: Value = p
        .app
        .api
        .get(p.app.url("/account/api/sessions"))
        .bearer_auth(tokens["access_token"].as_str().expect("access_token"))
        .send()
        .await
        .expect("sessions")
        .json()
        .await
        .expect("json");
    let sessions = sessions["sessions"].as_array().expect("sessions");
    assert!(!sessions.is_empty());
    for session in sessions {
        assert_eq!(session["address"], "127.0.0.1", "{session}");
        assert!(
            session["user_agent"]
                .as_str()
                .is_some_and(|ua| ua.contains("Firefox/133.0")),
            "{session}"
        );
    }
    // The landing is one use, and the response too.
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert_refused_without_code(replayed).await;
    assert_eq!(p.refusals("replayed").await, before + 1.0);
}

#[tokio::test]
async fn without_an_idp_initiated_table_an_unsolicited_response_is_refused() {
    // Arrange
    let p = portal("").await;
    let saml_response = p
        .idp
        .login_unsolicited("urn:test:sp")
        .await
        .expect("IdP-initiated");

    // Act
    let posted = p.post_acs(&saml_response).await;

    // Assert
    assert_refused_without_code(posted).await;
}

#[tokio::test]
async fn a_response_answering_an_authn_request_is_not_taken_as_unsolicited() {
    // Arrange: a genuine SP-initiated response (it carries InResponseTo), posted without its
    // RelayState so that it reaches the unsolicited path.
    let p = portal(LANDING).await;
    let profile = p.idp.profile("urn:test:sp", "");
    let (_, solicited) = p.idp.login(&profile).await.expect("IdP");
    let before = p.refusals("in_response_to").await;

    // Act
    let posted = p.post_acs(&solicited).await;

    // Assert
    assert_refused_without_code(posted).await;
    assert_eq!(p.refusals("in_response_to").await, before + 1.0);
}

#[tokio::test]
async fn an_unsolicited_response_older_than_its_issue_delay_is_refused() {
    // Arrange: the profile with a landing, a 2-minute IssueInstant age and 10 s of skew.
    let idp = SamlIdp::start();
    let landing = r#"clock_skew = "10s"
               idp_initiated = { app = "portal", redirect_uri = "https://portal.example/cb" }"#;
    let profile = idp.profile("urn:test:sp", landing);
    let without = idp.profile("urn:test:sp", "");
    let saml_response = idp
        .login_unsolicited("urn:test:sp")
        .await
        .expect("IdP-initiated");
    let now = time::OffsetDateTime::now_utc();

    // Act
    let fresh = profile.verify_unsolicited(&saml_response, now);
    let stale = profile.verify_unsolicited(&saml_response, now + time::Duration::seconds(150));
    let off = without.verify_unsolicited(&saml_response, now);

    // Assert
    assert_eq!(
        fresh.expect("on").expect("fresh").name_id,
        "alice",
        "the same response verifies while fresh"
    );
    assert_eq!(
        stale.expect("on").unwrap_err(),
        authgate::connectors::saml::Refusal::IssueInstant
    );
    assert!(
        off.is_none(),
        "no landing: no unsolicited verification at all"
    );
}

#[tokio::test]
async fn a_landing_app_that_is_unknown_or_public_stops_the_start() {
    let idp = SamlIdp::start();
    let dir = tempfile::tempdir().expect("tmp");
    for (landing, public, expected) in [
        (
            LANDING.replace("\"portal\"", "\"nope\""),
            false,
            "no app \"nope\"",
        ),
        (LANDING.to_string(), true, "public client"),
    ] {
        // Arrange
        let text = test_config(&dir, 18080, &config(&idp, &landing, !public));
        let settings = authgate::config::Settings::load(
            &text,
            Vec::new(),
            &authgate::connectors::PROVIDER_KINDS,
        )
        .expect("config");

        // Act
        let store: std::sync::Arc<dyn authgate::store::Store> =
            std::sync::Arc::new(authgate::store::memory::MemoryStore::new());
        let built = authgate::connectors::ProviderRegistry::from_settings(&settings, &store);

        // Assert
        let error = built.err().expect("refused");
        assert!(error.contains(expected), "{error}");
    }
}

#[tokio::test]
async fn the_landing_never_takes_an_sp_initiated_flow_and_leaves_it_to_its_browser() {
    // Arrange: an SP-initiated sign-in whose verified answer waits for its browser's continue.
    let p = portal(LANDING).await;
    let owner = browser();
    let mut request = Authorize::native();
    request.client_id = "portal".into();
    request.redirect_uri = "https://portal.example/cb".into();
    let request = request.with("identity_provider", "corp");
    let response = p.app.authorize(&owner, &request).await;
    let response = p.app.get(&owner, &location(&response)).await;
    let crate::support::saml_idp::IdpStep::AsksPassword(state) = p
        .idp
        .visit(&owner, &location(&response))
        .await
        .expect("IdP")
    else {
        panic!("the IdP did not ask for a password");
    };
    let form = p.idp.type_password(&owner, &state).await.expect("IdP");
    let posted = browser()
        .post(&form.action)
        .form(&[
            ("SAMLResponse", form.saml_response.as_str()),
            ("RelayState", form.relay_state.as_str()),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);

    // Act: someone who learnt the flow id tries the landing with it.
    let stolen = p
        .app
        .get(
            &browser(),
            &format!("/saml2/idpresponse/corp/landing?flow={}", form.relay_state),
        )
        .await;
    let continued = p.app.get(&owner, &location(&posted)).await;

    // Assert: refused without a code; the owner's browser still gets its code.
    assert_eq!(stolen.status(), StatusCode::BAD_REQUEST);
    assert!(stolen.headers().get("location").is_none());
    let to_app = location(&continued);
    assert!(query_param(&to_app, "code").is_some(), "{to_app}");
}
