//! `idp_metadata_url` against simpleSAMLphp's own metadata: served as is, rotated to another
//! key, rolled over (both keys), then garbage, an empty key list and an HTTP error — each
//! refresh either takes the copy or keeps the last good one, as real responses show. And a
//! sign-in end to end with nothing of the IdP in config but its metadata URL.

use crate::support::app::*;
use crate::support::saml_idp::{ACS, IdpStep, SamlIdp};
use authgate::connectors::saml::{Refusal, SamlConnector, SamlSettings};
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode as AxumStatus;
use axum::routing::get;
use reqwest::StatusCode;
use std::sync::{Arc, Mutex};

type Served = Arc<Mutex<(AxumStatus, String)>>;

/// A tiny HTTP server answering `/metadata` with whatever the test puts in `Served`.
async fn metadata_server() -> (String, Served) {
    let served: Served = Arc::new(Mutex::new((AxumStatus::OK, String::new())));
    let router = Router::new()
        .route(
            "/metadata",
            get(|State(s): State<Served>| async move { s.lock().expect("lock").clone() }),
        )
        .with_state(Arc::clone(&served));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/metadata", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, router).await });
    (url, served)
}

fn serve(served: &Served, status: AxumStatus, body: &str) {
    *served.lock().expect("lock") = (status, body.to_string());
}

/// The base64 body of the (only) certificate in a PEM file.
fn pem_body(pem: &str) -> String {
    pem.lines().filter(|l| !l.starts_with("-----")).collect()
}

#[tokio::test]
async fn refreshes_take_rotations_and_rollovers_and_keep_the_last_good_copy() {
    // Arrange: simpleSAMLphp's metadata, and copies with another key instead / beside it.
    let idp = SamlIdp::start();
    let original = reqwest::get(idp.entity_id())
        .await
        .expect("metadata")
        .text()
        .await
        .expect("text");
    let idp_key = pem_body(&idp.read("idp.crt"));
    let other_key = pem_body(&idp.read("sp.crt"));
    assert!(original.contains(&idp_key), "SSP publishes its signing key");
    let rotated = original.replace(&idp_key, &other_key);
    let signing = r#"<md:KeyDescriptor use="signing">"#;
    let start = original.find(signing).expect("signing key");
    let end = original[start..].find("</md:KeyDescriptor>").expect("end") + start + 19;
    let rollover = format!(
        "{}{}{}",
        &original[..start],
        original[start..end].replace(&idp_key, &other_key),
        &original[start..]
    );
    let keyless = original.replace(&original[start..end], "");
    let (url, served) = metadata_server().await;
    let settings: SamlSettings = toml::from_str(&format!(
        r#"idp_metadata_url = "{url}"
           sp_entity_id = "urn:test:sp"
           sp_private_key_file = "{key}"
           attribute_mapping = {{ email = "email" }}"#,
        key = idp.file("sp.pem").display()
    ))
    .expect("settings");
    let profile = settings
        .resolve("providers[0]", "corp", ACS)
        .expect("profile");
    let store: Arc<dyn authgate::store::Store> =
        Arc::new(authgate::store::memory::MemoryStore::new());
    let connector = SamlConnector::new(profile, "Corp", store)
        .with_metadata_url(&url, std::time::Duration::from_secs(3600))
        .expect("connector");
    let live = connector.live_metadata().expect("live");
    // A fresh genuine response, verified with the copy in force.
    let verify = || async {
        let profile = live.last_good().expect("a good copy");
        let (id, response) = idp.login(&profile).await.expect("IdP");
        profile
            .verify_response(&response, &id, time::OffsetDateTime::now_utc())
            .map(|v| v.name_id)
    };

    // Act / Assert, one refresh at a time.
    assert!(live.last_good().is_none(), "nothing before the first fetch");
    serve(&served, AxumStatus::OK, &original);
    assert_eq!(live.refresh().await, Ok(1));
    assert_eq!(verify().await.as_deref(), Ok("alice"));

    serve(&served, AxumStatus::OK, &rotated);
    assert_eq!(live.refresh().await, Ok(1));
    assert_eq!(
        verify().await,
        Err(Refusal::SignatureInvalid),
        "old key gone"
    );

    serve(&served, AxumStatus::OK, &rollover);
    assert_eq!(live.refresh().await, Ok(2));
    assert_eq!(
        verify().await.as_deref(),
        Ok("alice"),
        "either key verifies"
    );

    for (status, body) in [
        (AxumStatus::OK, "<html><body>maintenance</body></html>"),
        (AxumStatus::OK, keyless.as_str()),
        (AxumStatus::OK, ""),
        (AxumStatus::INTERNAL_SERVER_ERROR, original.as_str()),
    ] {
        serve(&served, status, body);
        assert!(live.refresh().await.is_err(), "{status} {body:.40}");
        let kept = live.last_good().expect("kept");
        assert_eq!(kept.idp_certificates.len(), 2, "the rollover copy stays");
    }
    assert_eq!(verify().await.as_deref(), Ok("alice"));
}

#[tokio::test]
async fn a_sign_in_works_with_only_the_idps_metadata_url_in_config() {
    // Arrange: authgate knows the IdP by its metadata URL alone (simpleSAMLphp serves it at
    // its entity id); a metadata refresh failure would show in the metric.
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
idp_metadata_url = "{metadata}"
sp_entity_id = "urn:test:sp"
sp_private_key_file = "{key}"
attribute_mapping = {{ email = "email" }}

[[apps]]
client_id = "sapp"
name = "SAML app"
redirect_uris = ["myapp://callback"]
providers = ["corp"]
scopes = ["openid", "email"]
"#,
        metadata = idp.entity_id(),
        key = idp.file("sp.pem").display(),
    );
    let app = spawn_app_on(listener, &extra, |c| c).await;
    let browser = browser();
    let mut request = Authorize::native();
    request.client_id = "sapp".into();
    request.redirect_uri = "myapp://callback".into();
    let request = request.with("identity_provider", "corp");

    // Act
    let response = app.authorize(&browser, &request).await;
    let response = app.get(&browser, &location(&response)).await;
    let to_idp = location(&response);
    let IdpStep::AsksPassword(state) = idp.visit(&browser, &to_idp).await.expect("IdP") else {
        panic!("the IdP did not ask for a password");
    };
    let form = idp.type_password(&browser, &state).await.expect("IdP");
    let posted = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(&form.action)
        .form(&[
            ("SAMLResponse", form.saml_response.as_str()),
            ("RelayState", form.relay_state.as_str()),
        ])
        .send()
        .await
        .expect("post");
    let back = app.get(&browser, &location(&posted)).await;
    let code = query_param(&location(&back), "code").expect("code");
    let tokens = app.exchange(&request, &code).await;
    let metrics = app
        .get(&app.browser, "/metrics")
        .await
        .text()
        .await
        .expect("metrics");

    // Assert: the SSO URL came from the metadata, and the sign-in verified against its key.
    assert!(
        to_idp.starts_with(&format!("{}/saml2/idp/SSOService.php?", idp.base)),
        "{to_idp}"
    );
    assert_eq!(tokens.status(), StatusCode::OK);
    let tokens: serde_json::Value = tokens.json().await.expect("json");
    let id = claims(tokens["id_token"].as_str().expect("id_token"));
    assert_eq!(id["email"], "alice@example.com");
    assert!(
        metrics
            .lines()
            .any(|l| l.starts_with("authgate_saml_metadata_refreshes_total{")
                && l.contains("outcome=\"ok\"")),
        "the fetch is counted"
    );
}
