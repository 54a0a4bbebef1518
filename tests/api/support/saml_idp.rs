//! simpleSAMLphp, a real SAML 2.0 IdP, on a free loopback port (scripts/saml-idp.sh serve),
//! and a browser-like login through it that returns the IdP's genuine `SAMLResponse`.

use authgate::connectors::saml::request::{AuthnRequestParams, new_request_id};
use authgate::connectors::saml::{SamlProfile, SamlSettings};
use reqwest::Client;
use reqwest::redirect::Policy;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;
use time::OffsetDateTime;

/// The ACS every SP entity of the test IdP posts to.
pub const ACS: &str = "http://127.0.0.1:8080/saml2/idpresponse/corp";
const INSTALL_HINT: &str = "run scripts/saml-idp.sh install (or scripts/install-peers.sh)";

/// A running simpleSAMLphp; killed when dropped.
pub struct SamlIdp {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// Keys: `cert/idp.{pem,crt}` (the IdP's signing key), `cert/sp.{pem,crt}` (the SP's).
    pub dir: tempfile::TempDir,
    child: Child,
}

impl Drop for SamlIdp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl SamlIdp {
    /// Starts the IdP and waits for php's "started" line (no sleeps).
    pub fn start() -> SamlIdp {
        Self::start_for(ACS)
    }

    /// [`Self::start`] with every SP entity posting to `acs` (an authgate's real ACS).
    pub fn start_for(acs: &str) -> SamlIdp {
        super::peers::install_crypto_provider();
        assert!(
            std::path::Path::new("/usr/share/simplesamlphp/www/index.php").is_file(),
            "simpleSAMLphp missing: {INSTALL_HINT}"
        );
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/saml-idp.sh");
        let mut child = Command::new(script)
            .args([
                "serve",
                dir.path().to_str().unwrap(),
                &port.to_string(),
                acs,
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("scripts/saml-idp.sh serve");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        // Keeps draining php's request log so it never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if line.contains("Development Server") && line.contains("started") {
                    let _ = tx.send(());
                }
            }
        });
        rx.recv_timeout(Duration::from_secs(30))
            .expect("simpleSAMLphp did not start");
        SamlIdp {
            base: format!("http://127.0.0.1:{port}"),
            dir,
            child,
        }
    }

    pub fn entity_id(&self) -> String {
        format!("{}/saml2/idp/metadata.php", self.base)
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join("cert").join(name)
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.file(name)).unwrap()
    }

    /// The TOML of a provider for SP entity `sp_entity_id` at this IdP (extra keys appended).
    pub fn settings_toml(&self, sp_entity_id: &str, extra: &str) -> String {
        format!(
            r#"idp_entity_id = "{entity}"
               idp_sso_url = "{base}/saml2/idp/SSOService.php"
               idp_certificate_files = ["{idp_cert}"]
               sp_entity_id = "{sp_entity_id}"
               sp_private_key_file = "{sp_key}"
               sp_certificate_file = "{sp_cert}"
               attribute_mapping = {{ email = "email", name = "displayName", groups = "groups" }}
               email_verified = true
               {extra}"#,
            entity = self.entity_id(),
            base = self.base,
            idp_cert = self.file("idp.crt").display(),
            sp_key = self.file("sp.pem").display(),
            sp_cert = self.file("sp.crt").display(),
        )
    }

    /// The resolved profile of provider `corp` for `sp_entity_id`.
    pub fn profile(&self, sp_entity_id: &str, extra: &str) -> SamlProfile {
        let settings: SamlSettings =
            toml::from_str(&self.settings_toml(sp_entity_id, extra)).unwrap();
        settings.resolve("providers[0]", "corp", ACS).unwrap()
    }

    /// Signs in as alice through `profile`'s AuthnRequest (our builder, as the IdP reads it);
    /// returns the request ID and the base64 `SAMLResponse` the IdP posts to the ACS.
    pub async fn login(&self, profile: &SamlProfile) -> Result<(String, String), String> {
        let client = Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .unwrap();
        let id = new_request_id();
        let params = AuthnRequestParams {
            id: &id,
            issue_instant: OffsetDateTime::now_utc(),
            force_authn: false,
            is_passive: false,
        };
        let url = profile.authn_request_url(&params, "relay-1")?;
        Ok((id, self.sign_in_from(&client, url.as_str()).await?))
    }

    /// IdP-initiated sign-in (unsolicited: no AuthnRequest) for SP entity `sp_entity_id`;
    /// returns the base64 `SAMLResponse`.
    pub async fn login_unsolicited(&self, sp_entity_id: &str) -> Result<String, String> {
        let client = Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .unwrap();
        let url = format!(
            "{}/saml2/idp/SSOService.php?spentityid={sp_entity_id}",
            self.base
        );
        self.sign_in_from(&client, &url).await
    }

    /// From the IdP URL that starts a sign-in to the `SAMLResponse` it posts.
    async fn sign_in_from(&self, client: &Client, url: &str) -> Result<String, String> {
        let res = client.get(url).send().await.map_err(|e| e.to_string())?;
        let location = res
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .ok_or_else(|| format!("IdP answered {} without a login redirect", res.status()))?
            .to_string();
        let location = url::Url::parse(&location).map_err(|e| e.to_string())?;
        let auth_state = location
            .query_pairs()
            .find(|(k, _)| k == "AuthState")
            .map(|(_, v)| v.into_owned())
            .ok_or("no AuthState")?;
        let page = client
            .post(format!("{}/module.php/core/loginuserpass.php", self.base))
            .form(&[
                ("AuthState", auth_state.as_str()),
                ("username", "alice"),
                ("password", "alicepass"),
            ])
            .send()
            .await
            .map_err(|e| e.to_string())?
            .text()
            .await
            .map_err(|e| e.to_string())?;
        let marker = r#"name="SAMLResponse" value=""#;
        let start = page
            .find(marker)
            .ok_or("no SAMLResponse in the IdP's page")?
            + marker.len();
        let end = page[start..].find('"').ok_or("unterminated SAMLResponse")? + start;
        Ok(page[start..end]
            .replace("&#x2B;", "+")
            .replace("&#x3D;", "=")
            .replace("&#x2F;", "/"))
    }

    /// A browser at the IdP: GETs `url` (an AuthnRequest URL) in `client` (which keeps the
    /// IdP's cookies) and says whether the IdP asks for a password or, with a session of its
    /// own, answers at once with the form its page auto-submits.
    pub async fn visit(&self, client: &Client, url: &str) -> Result<IdpStep, String> {
        let res = client.get(url).send().await.map_err(|e| e.to_string())?;
        if let Some(location) = res.headers().get("location").and_then(|l| l.to_str().ok()) {
            let location = url::Url::parse(location).map_err(|e| e.to_string())?;
            return location
                .query_pairs()
                .find(|(k, _)| k == "AuthState")
                .map(|(_, v)| IdpStep::AsksPassword(v.into_owned()))
                .ok_or_else(|| format!("IdP redirected elsewhere: {location}"));
        }
        let page = res.text().await.map_err(|e| e.to_string())?;
        posted_form(&page).map(IdpStep::Answers)
    }

    /// Types alice's password at the IdP's form; returns the form its page auto-submits.
    pub async fn type_password(
        &self,
        client: &Client,
        auth_state: &str,
    ) -> Result<PostedForm, String> {
        let page = client
            .post(format!("{}/module.php/core/loginuserpass.php", self.base))
            .form(&[
                ("AuthState", auth_state),
                ("username", "alice"),
                ("password", "alicepass"),
            ])
            .send()
            .await
            .map_err(|e| e.to_string())?
            .text()
            .await
            .map_err(|e| e.to_string())?;
        posted_form(&page)
    }

    /// [`Self::login`], decoded to the response XML.
    pub async fn login_xml(&self, profile: &SamlProfile) -> (String, String) {
        let (id, b64) = self.login(profile).await.unwrap();
        (
            id,
            authgate::connectors::saml::verify::decode_post_field(&b64).unwrap(),
        )
    }
}

/// What the IdP did with a browser sent to it.
pub enum IdpStep {
    /// Its login form (the `AuthState` it carries).
    AsksPassword(String),
    /// The auto-submitted form, at once (the IdP's own session).
    Answers(PostedForm),
}

/// The form an IdP page auto-submits to the ACS.
#[derive(Debug, Clone)]
pub struct PostedForm {
    pub action: String,
    pub saml_response: String,
    pub relay_state: String,
}

fn unescape(value: &str) -> String {
    value
        .replace("&#x2B;", "+")
        .replace("&#x3D;", "=")
        .replace("&#x2F;", "/")
        .replace("&#x3A;", ":")
        .replace("&#x2D;", "-")
        .replace("&#x5F;", "_")
        .replace("&amp;", "&")
}

/// The (unescaped) value after `marker` in an IdP page, up to the next quote.
pub fn attribute_after(page: &str, marker: &str) -> Option<String> {
    let start = page.find(marker)? + marker.len();
    let end = page[start..].find('"')? + start;
    Some(unescape(&page[start..end]))
}

fn posted_form(page: &str) -> Result<PostedForm, String> {
    Ok(PostedForm {
        action: attribute_after(page, r#"action=""#).ok_or("no form action")?,
        saml_response: attribute_after(page, r#"name="SAMLResponse" value=""#)
            .ok_or("no SAMLResponse in the IdP's page")?,
        relay_state: attribute_after(page, r#"name="RelayState" value=""#)
            .ok_or("no RelayState in the IdP's page")?,
    })
}
