//! `spawn_app()`: a real authgate on a random loopback port with its own temporary data dir,
//! plus a browser-like client (cookies, no automatic redirects) and flow helpers.

use authgate::config::Settings;
use authgate::startup::Application;
use authgate::state::AppState;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use rand::RngCore;
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::LazyLock;
use tempfile::TempDir;

pub const WEB_SECRET: &str = "web-client-secret-0123456789";
pub const USER: &str = "demo";
pub const PASSWORD: &str = "demo-password";

static TRACING: LazyLock<()> = LazyLock::new(|| {
    if std::env::var("TEST_LOG").is_ok() {
        authgate::telemetry::init("text");
    }
});

pub struct TestApp {
    pub address: String,
    /// `None` when the server is a child process (the restart test).
    pub state: Option<AppState>,
    /// A browser: keeps cookies, does not follow redirects.
    pub browser: Client,
    /// For the app's back-channel calls (token, userinfo): trusts the test CA when the app
    /// serves https.
    pub api: Client,
    /// Keeps the data dir alive as long as the app.
    pub _dir: Option<TempDir>,
}

/// The embedded default config plus a confidential web app and a second public app, with
/// throttling figures small enough for tests.
pub fn test_config(dir: &TempDir, port: u16, extra: &str) -> String {
    let secret_file = dir.path().join("web-secret");
    std::fs::write(&secret_file, format!("{WEB_SECRET}\n")).expect("secret file");
    let default = authgate::config::DEFAULT_CONFIG;
    // Replace the three top keys; keep the demo app, provider and user.
    let body: String = default
        .lines()
        .filter(|l| {
            !l.starts_with("listen") && !l.starts_with("issuer") && !l.starts_with("data_dir")
        })
        .collect::<Vec<_>>()
        .join("\n")
        .replace("slow_after = 3 ", "slow_after = 2 ")
        .replace("delay = \"500ms\"", "delay = \"20ms\"")
        .replace("max_delay = \"8s\"", "max_delay = \"40ms\"")
        .replace("lock_after = 10 ", "lock_after = 4 ");
    format!(
        r#"listen = "127.0.0.1:{port}"
issuer = "http://127.0.0.1:{port}"
data_dir = "{data}"
{body}

[[apps]]
client_id = "web"
name = "Web app"
client_secret_file = "{secret}"
redirect_uris = ["https://app.example.com/callback"]
logout_uris = ["https://app.example.com/signed-out"]
providers = ["local"]
scopes = ["openid", "email", "profile"]

[[apps]]
client_id = "other"
name = "Other app"
redirect_uris = ["otherapp://cb"]
logout_uris = []
providers = ["local"]
scopes = ["openid"]
{extra}
"#,
        data = dir.path().join("data").display(),
        secret = secret_file.display(),
    )
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with("").await
}

pub async fn spawn_app_with(extra_config: &str) -> TestApp {
    spawn_app_edited(extra_config, |config| config).await
}

/// Like `spawn_app_with`, with a last edit of the config text.
pub async fn spawn_app_edited(extra_config: &str, edit: impl FnOnce(String) -> String) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    spawn_app_on(listener, extra_config, edit).await
}

/// On a listener the caller bound (when a peer must know authgate's port before it starts).
pub async fn spawn_app_on(
    listener: tokio::net::TcpListener,
    extra_config: &str,
    edit: impl FnOnce(String) -> String,
) -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = listener.local_addr().expect("addr").port();
    let config = edit(test_config(&dir, port, extra_config));
    start_app(dir, listener, &config, (browser(), api_client())).await
}

async fn start_app(
    dir: TempDir,
    listener: tokio::net::TcpListener,
    config: &str,
    (browser, api): (Client, Client),
) -> TestApp {
    LazyLock::force(&TRACING);
    let settings = Settings::load(
        config,
        std::iter::empty(),
        &authgate::connectors::PROVIDER_KINDS,
    )
    .expect("test config is valid");
    let app = Application::build_with_listener(settings, listener)
        .await
        .expect("app builds");
    let address = format!("{}://{}", app.scheme(), app.local_addr().expect("addr"));
    let state = app.state().clone();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        state: Some(state),
        browser,
        api,
        _dir: Some(dir),
    }
}

/// A test certificate authority and a server certificate it issued for 127.0.0.1 and
/// localhost, as PEM files.
pub struct TlsFiles {
    /// The CA certificate (PEM): what a client trusts.
    pub ca_pem: String,
    pub ca_file: std::path::PathBuf,
    pub cert_file: std::path::PathBuf,
    pub key_file: std::path::PathBuf,
}

impl TlsFiles {
    /// Writes `ca.crt`, `server.crt` and `server.key` into `dir`.
    pub fn create(dir: &std::path::Path) -> Self {
        use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};
        let ca_key = KeyPair::generate().expect("CA key");
        let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(DnType::CommonName, "authgate test CA");
        let ca_cert = ca.self_signed(&ca_key).expect("CA certificate");
        let server_key = KeyPair::generate().expect("server key");
        let mut server = CertificateParams::new(vec!["127.0.0.1".into(), "localhost".into()])
            .expect("server params");
        server
            .distinguished_name
            .push(DnType::CommonName, "127.0.0.1");
        let server_cert = server
            .signed_by(&server_key, &ca_cert, &ca_key)
            .expect("server certificate");
        let files = Self {
            ca_pem: ca_cert.pem(),
            ca_file: dir.join("ca.crt"),
            cert_file: dir.join("server.crt"),
            key_file: dir.join("server.key"),
        };
        std::fs::write(&files.ca_file, &files.ca_pem).expect("write CA");
        std::fs::write(&files.cert_file, server_cert.pem()).expect("write certificate");
        std::fs::write(&files.key_file, server_key.serialize_pem()).expect("write key");
        files
    }

    /// A browser-like client (cookies, no redirects) that trusts the test CA.
    pub fn browser(&self) -> Client {
        crate::support::peers::install_crypto_provider();
        Client::builder()
            .redirect(Policy::none())
            .cookie_store(true)
            .add_root_certificate(self.root())
            .build()
            .expect("client")
    }

    /// A plain client (follows redirects, no cookies) that trusts the test CA.
    pub fn client(&self) -> Client {
        crate::support::peers::install_crypto_provider();
        Client::builder()
            .add_root_certificate(self.root())
            .build()
            .expect("client")
    }

    pub fn root(&self) -> reqwest::Certificate {
        reqwest::Certificate::from_pem(self.ca_pem.as_bytes()).expect("CA PEM")
    }
}

/// Like `spawn_app_edited`, serving https with authgate's own TLS listener: the issuer is
/// `https://127.0.0.1:PORT` and `app.browser` trusts the test CA.
pub async fn spawn_tls_app(
    extra_config: &str,
    edit: impl FnOnce(String) -> String,
) -> (TestApp, TlsFiles) {
    let dir = tempfile::tempdir().expect("tempdir");
    let tls = TlsFiles::create(dir.path());
    let app = spawn_tls_app_in(dir, &tls, extra_config, edit).await;
    (app, tls)
}

/// Like `spawn_tls_app`, with a certificate the caller made (when a peer must trust the CA
/// before authgate starts).
pub async fn spawn_tls_app_with(
    tls: &TlsFiles,
    extra_config: &str,
    edit: impl FnOnce(String) -> String,
) -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    spawn_tls_app_in(dir, tls, extra_config, edit).await
}

async fn spawn_tls_app_in(
    dir: TempDir,
    tls: &TlsFiles,
    extra_config: &str,
    edit: impl FnOnce(String) -> String,
) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let config = format!(
        "{}\n[tls]\ncert_file = \"{}\"\nkey_file = \"{}\"\n",
        test_config(&dir, port, extra_config)
            .replace("issuer = \"http://", "issuer = \"https://")
            // The demo page's app only has the plain-http callback.
            .replace("enabled = true ", "enabled = false "),
        tls.cert_file.display(),
        tls.key_file.display(),
    );
    let config = edit(config);
    let clients = (tls.browser(), tls.client());
    start_app(dir, listener, &config, clients).await
}

fn api_client() -> Client {
    crate::support::peers::install_crypto_provider();
    Client::new()
}

pub fn browser() -> Client {
    crate::support::peers::install_crypto_provider();
    Client::builder()
        .redirect(Policy::none())
        .cookie_store(true)
        .build()
        .expect("client")
}

pub fn pkce_pair() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let verifier = URL_SAFE_NO_PAD.encode(bytes);
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

pub fn location(response: &Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no Location header (status {})", response.status()))
        .to_string()
}

pub fn query_param(uri: &str, name: &str) -> Option<String> {
    let query = uri.split_once('?')?.1;
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// The value of `<input ... name="NAME" value="...">` in a page.
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

/// The sentence of an error page (`<p class="error" role="alert">…</p>`).
pub fn alert_text(html: &str) -> String {
    let marker = r#"<p class="error" role="alert">"#;
    let start = html.find(marker).expect("an error sentence") + marker.len();
    let end = html[start..].find("</p>").expect("its end") + start;
    html[start..end].to_string()
}

/// Panics when `sentence`, once the `names` it may carry are taken out, still has a Latin
/// word (two letters or more, not all capitals: `ID` is Japanese too): for a page in a
/// language not written in Latin letters, that is English left in.
pub fn assert_no_latin_words(sentence: &str, names: &[&str]) {
    let mut rest = sentence.to_string();
    for name in names {
        rest = rest.replace(name, " ");
    }
    let latin = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|word| word.len() >= 2 && word.chars().any(|c| c.is_ascii_lowercase()));
    assert!(latin.is_none(), "`{latin:?}` left in: {sentence}");
}

/// A public native app's authorize request.
pub struct Authorize {
    pub client_id: String,
    pub redirect_uri: String,
    pub state: String,
    pub nonce: String,
    pub verifier: Option<String>,
    pub extra: Vec<(String, String)>,
}

impl Authorize {
    pub fn native() -> Self {
        let (verifier, _) = pkce_pair();
        Self {
            client_id: "demo".into(),
            redirect_uri: "myapp://callback".into(),
            state: "state-123".into(),
            nonce: "nonce-456".into(),
            verifier: Some(verifier),
            extra: vec![],
        }
    }

    pub fn web() -> Self {
        Self {
            client_id: "web".into(),
            redirect_uri: "https://app.example.com/callback".into(),
            verifier: None,
            ..Self::native()
        }
    }

    /// A copy with one more parameter (the copy keeps the PKCE verifier).
    pub fn clone_with(&self, name: &str, value: &str) -> Self {
        let mut copy = Self {
            client_id: self.client_id.clone(),
            redirect_uri: self.redirect_uri.clone(),
            state: self.state.clone(),
            nonce: self.nonce.clone(),
            verifier: self.verifier.clone(),
            extra: self.extra.clone(),
        };
        copy.extra.push((name.into(), value.into()));
        copy
    }

    pub fn with(mut self, name: &str, value: &str) -> Self {
        self.extra.push((name.into(), value.into()));
        self
    }

    pub fn query(&self) -> String {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        q.append_pair("response_type", "code")
            .append_pair("client_id", &self.client_id)
            .append_pair("redirect_uri", &self.redirect_uri)
            .append_pair("state", &self.state)
            .append_pair("nonce", &self.nonce);
        // A scope among the extras replaces the default one (a repeated scope is refused).
        if !self.extra.iter().any(|(k, _)| k == "scope") {
            q.append_pair("scope", "openid email profile");
        }
        if let Some(v) = &self.verifier {
            let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(v.as_bytes()));
            q.append_pair("code_challenge", &challenge)
                .append_pair("code_challenge_method", "S256");
        }
        for (k, v) in &self.extra {
            q.append_pair(k, v);
        }
        q.finish()
    }
}

impl TestApp {
    /// A client-side handle on a server started some other way.
    pub fn remote(address: &str) -> Self {
        Self {
            address: address.to_string(),
            state: None,
            browser: browser(),
            api: api_client(),
            _dir: None,
        }
    }

    pub fn store(&self) -> &std::sync::Arc<dyn authgate::store::Store> {
        &self.state.as_ref().expect("in-process app").store
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, client: &Client, path_or_url: &str) -> Response {
        let url = if path_or_url.starts_with("http") {
            path_or_url.to_string()
        } else {
            self.url(path_or_url)
        };
        client.get(url).send().await.expect("request")
    }

    pub async fn authorize(&self, client: &Client, request: &Authorize) -> Response {
        self.get(client, &format!("/oauth2/authorize?{}", request.query()))
            .await
    }

    /// authorize → sign-in page; returns (page URL, page HTML).
    pub async fn open_sign_in(&self, client: &Client, request: &Authorize) -> (String, String) {
        let response = self.authorize(client, request).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "authorize should send to the sign-in page"
        );
        let page_url = location(&response);
        assert!(page_url.starts_with("/signin/"), "{page_url}");
        let page = self.get(client, &page_url).await;
        assert_eq!(page.status(), StatusCode::OK);
        (page_url, page.text().await.expect("html"))
    }

    pub async fn post_password(
        &self,
        client: &Client,
        page_url: &str,
        csrf: Option<&str>,
        username: &str,
        password: &str,
    ) -> Response {
        let mut form = vec![("username", username), ("password", password)];
        if let Some(csrf) = csrf {
            form.push(("csrf", csrf));
        }
        client
            .post(self.url(page_url))
            .form(&form)
            .send()
            .await
            .expect("post")
    }

    /// The whole browser leg: returns the redirect back to the app (its `Location`). A browser
    /// that is already signed in goes straight back (single sign-on).
    pub async fn sign_in(&self, client: &Client, request: &Authorize) -> String {
        let response = self.authorize(client, request).await;
        if response.status() == StatusCode::FOUND {
            return location(&response);
        }
        let (page_url, html) = self.open_sign_in(client, request).await;
        let csrf = input_value(&html, "csrf").expect("csrf field");
        let response = self
            .post_password(client, &page_url, Some(&csrf), USER, PASSWORD)
            .await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "sign-in should redirect"
        );
        location(&response)
    }

    /// Sign in and return the code (asserting state and iss came back).
    pub async fn code_for(&self, client: &Client, request: &Authorize) -> String {
        let back = self.sign_in(client, request).await;
        assert!(back.starts_with(&request.redirect_uri), "{back}");
        assert_eq!(
            query_param(&back, "state").as_deref(),
            Some(request.state.as_str())
        );
        assert_eq!(
            query_param(&back, "iss").as_deref(),
            Some(self.address.as_str())
        );
        query_param(&back, "code").expect("code")
    }

    pub async fn token(&self, form: &[(&str, &str)]) -> Response {
        self.api
            .post(self.url("/oauth2/token"))
            .form(form)
            .send()
            .await
            .expect("token")
    }

    pub async fn exchange(&self, request: &Authorize, code: &str) -> Response {
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("client_id", request.client_id.as_str()),
            ("code", code),
            ("redirect_uri", request.redirect_uri.as_str()),
        ];
        if let Some(v) = &request.verifier {
            form.push(("code_verifier", v));
        }
        if request.client_id == "web" {
            form.push(("client_secret", WEB_SECRET));
        }
        self.token(&form).await
    }

    /// A complete login for `request`: the token response JSON.
    pub async fn login(&self, client: &Client, request: &Authorize) -> Value {
        let code = self.code_for(client, request).await;
        let response = self.exchange(request, &code).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.expect("json")
    }

    pub async fn refresh(&self, client_id: &str, refresh_token: &str) -> Response {
        self.token(&[
            ("grant_type", "refresh_token"),
            ("client_id", client_id),
            ("refresh_token", refresh_token),
        ])
        .await
    }

    pub async fn userinfo(&self, access_token: &str) -> Response {
        self.api
            .get(self.url("/oauth2/userInfo"))
            .bearer_auth(access_token)
            .send()
            .await
            .expect("userinfo")
    }
}

pub async fn error_code(response: Response) -> (StatusCode, String) {
    let status = response.status();
    let body: HashMap<String, Value> = response.json().await.expect("json error body");
    (
        status,
        body.get("error")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
    )
}

/// Claims of a JWT (not verified: the caller is checking what we put in).
pub fn claims(jwt: &str) -> Value {
    let payload = jwt.split('.').nth(1).expect("payload");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64")).expect("json")
}

/// The upstream tokens authgate keeps (sealed) with the family of `refresh_token`, opened.
pub async fn kept_upstream_tokens(
    app: &TestApp,
    refresh_token: &str,
) -> authgate::identity::UpstreamTokens {
    let state = app.state.as_ref().expect("in-process app");
    let (_, family) = state
        .store
        .find_refresh_family(
            &authgate::security::storage_hash(refresh_token),
            time::OffsetDateTime::now_utc(),
        )
        .await
        .expect("store")
        .expect("family");
    authgate::identity::UpstreamTokens::open(&family.identity, &state.sealer).expect("opens")
}

/// Fails with the offending line when any secret (or its first 24 characters: a truncated or
/// partly formatted copy counts) appears in `log`.
pub fn assert_not_logged<W: std::fmt::Display>(
    log: &str,
    secrets: impl IntoIterator<Item = (W, String)>,
) {
    for (what, secret) in secrets {
        let probe = &secret[..secret.len().min(24)];
        if let Some(at) = log.find(probe) {
            let start = log[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = log[at..].find('\n').map_or(log.len(), |i| at + i);
            panic!(
                "the {what} appears in the log:\n{}",
                &log[start..end.min(start + 600)]
            );
        }
    }
}
