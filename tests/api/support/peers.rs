//! Test peers: real third-party servers started on loopback for the integration suite.
//!
//! `start_oidc_provider()` runs panva's `oidc-provider` (a certified OpenID Provider) from
//! `tests/peers/op.mjs` on a free 127.0.0.1 port, as the upstream IdP for authgate's OIDC
//! connector; `upstream_login()` drives its development login and consent pages the way a
//! browser would. The npm packages are installed by `scripts/install-peers.sh`.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use rand::RngCore;
use reqwest::Client;
use reqwest::redirect::Policy;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use url::Url;

/// The confidential client registered at the OP (`client_secret_basic`).
pub const OP_CLIENT_ID: &str = "authgate";
pub const OP_CLIENT_SECRET: &str = "authgate-upstream-secret";
/// The public client registered at the OP (`token_endpoint_auth_method: none`, PKCE only).
pub const OP_PUBLIC_CLIENT_ID: &str = "authgate-public";

const READY_PREFIX: &str = "OP_READY ";
const START_DEADLINE: Duration = Duration::from_secs(30);
const INSTALL_HINT: &str = "run scripts/install-peers.sh (needs node and npm)";

/// A running oidc-provider; killed when dropped.
pub struct OidcPeer {
    /// `http://127.0.0.1:PORT`, exactly as the OP puts it in `iss`.
    pub issuer: String,
    child: Child,
    /// Held open: the OP exits when it sees EOF, so it dies with the test binary even when
    /// the binary is killed before `Drop` runs.
    _stdin: Option<ChildStdin>,
}

impl OidcPeer {
    /// The OP's discovery document.
    pub async fn discovery(&self) -> Value {
        install_crypto_provider();
        let url = format!("{}/.well-known/openid-configuration", self.issuer);
        let res = reqwest::get(&url).await.expect("OP discovery request");
        assert!(res.status().is_success(), "OP discovery: {}", res.status());
        res.json().await.expect("OP discovery JSON")
    }
}

impl Drop for OidcPeer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// authgate's reqwest uses rustls without a built-in crypto provider, so a `reqwest::Client`
/// built before any authgate server has started (the peer self-test, or a test that builds its
/// clients first) fails with "No provider set" unless the process default is installed. Idempotent.
pub fn install_crypto_provider() {
    authgate::startup::install_crypto_provider();
}

fn peers_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/peers")
}

/// Starts `node tests/peers/op.mjs` with both clients registered for `redirect_uri` (one URL,
/// or several separated by commas) and waits for its `OP_READY` line (no sleeps).
pub async fn start_oidc_provider(redirect_uri: &str) -> OidcPeer {
    install_crypto_provider();
    let dir = peers_dir();
    assert!(
        dir.join("node_modules/oidc-provider/package.json")
            .is_file(),
        "{} has no node_modules/oidc-provider: {INSTALL_HINT}",
        dir.display()
    );
    let mut child = Command::new("node")
        .arg(dir.join("op.mjs"))
        .current_dir(&dir)
        .env("OP_REDIRECT_URI", redirect_uri)
        .env("OP_WATCH_STDIN", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start `node tests/peers/op.mjs` ({e}): {INSTALL_HINT}"));
    let stdin = child.stdin.take();
    let stdout = child.stdout.take().expect("piped stdout");
    let stderr = child.stderr.take().expect("piped stderr");

    // stderr: kept (bounded) for the panic message, echoed when TEST_LOG is set.
    let log = Arc::new(Mutex::new(String::new()));
    let echo = std::env::var_os("TEST_LOG").is_some();
    {
        let log = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if echo {
                    eprintln!("[oidc-provider] {line}");
                }
                if let Ok(mut log) = log.lock()
                    && log.len() < 64 * 1024
                {
                    log.push_str(&line);
                    log.push('\n');
                }
            }
        });
    }

    // stdout: the readiness line, then drained until the OP exits.
    let (ready_tx, ready_rx) = tokio::sync::oneshot::channel::<String>();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut ready_tx = Some(ready_tx);
        let mut line = String::new();
        loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    if let Some(issuer) = line.trim_end().strip_prefix(READY_PREFIX)
                        && let Some(tx) = ready_tx.take()
                    {
                        let _ = tx.send(issuer.to_owned());
                        // Nothing else is expected on stdout; keep the pipe drained anyway.
                        let _ = std::io::copy(&mut reader, &mut std::io::sink());
                        break;
                    }
                }
            }
        }
    });

    let outcome = tokio::time::timeout(START_DEADLINE, ready_rx).await;
    let issuer = match outcome {
        Ok(Ok(issuer)) => issuer,
        Ok(Err(_)) => {
            // stdout closed without the line: the OP exited. Let stderr finish draining.
            tokio::time::sleep(Duration::from_millis(200)).await;
            let status = child.try_wait().ok().flatten();
            let log = log.lock().map(|l| l.clone()).unwrap_or_default();
            panic!(
                "oidc-provider (node tests/peers/op.mjs) exited before OP_READY ({status:?}); \
                 if modules are missing, {INSTALL_HINT}. stderr:\n{log}"
            );
        }
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            let log = log.lock().map(|l| l.clone()).unwrap_or_default();
            panic!(
                "oidc-provider printed no OP_READY line within {START_DEADLINE:?}; \
                 if modules are missing, {INSTALL_HINT}. stderr:\n{log}"
            );
        }
    };
    OidcPeer {
        issuer,
        child,
        _stdin: stdin,
    }
}

/// Drives the OP from `authorize_url` (the upstream authorization URL authgate redirected the
/// browser to) through devInteractions' login form (as `login`, any password) and consent form,
/// following redirects by hand with `client` (which must keep cookies and not follow
/// redirects), until a redirect leaves the OP for the authorization request's `redirect_uri`.
/// Returns that full `Location` (`...?code=...&state=...&iss=...`, or an error response).
pub async fn upstream_login(client: &Client, authorize_url: &str, login: &str) -> String {
    let start = Url::parse(authorize_url).expect("authorize URL");
    let redirect_uri = start
        .query_pairs()
        .find(|(k, _)| k == "redirect_uri")
        // Normalised the way `Url` serialises the Location it is compared with.
        .map(|(_, v)| Url::parse(&v).map_or_else(|_| v.into_owned(), String::from));
    let leaves_op = |next: &Url| match &redirect_uri {
        Some(ru) => next.as_str().starts_with(ru.as_str()),
        None => next.origin() != start.origin(),
    };

    let mut url = start.clone();
    let mut form: Option<Vec<(String, String)>> = None;
    let mut trail = Vec::new();
    for _ in 0..12 {
        trail.push(format!(
            "{} {url}",
            if form.is_some() { "POST" } else { "GET" }
        ));
        let res = match form.take() {
            Some(fields) => client.post(url.clone()).form(&fields).send().await,
            None => client.get(url.clone()).send().await,
        }
        .unwrap_or_else(|e| panic!("upstream request to {url}: {e}"));
        let status = res.status();
        if status.is_redirection() {
            let location = res
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_else(|| panic!("{status} without Location from {url}"));
            let next = url
                .join(location)
                .unwrap_or_else(|e| panic!("bad Location {location:?} from {url}: {e}"));
            if leaves_op(&next) {
                return next.into();
            }
            url = next;
            continue;
        }
        let body = res.text().await.unwrap_or_default();
        assert!(
            status.is_success(),
            "upstream {status} at {url}\ntrail: {trail:#?}\n{body}"
        );
        let page = HtmlForm::parse(&body)
            .unwrap_or_else(|| panic!("no form on the OP page at {url}\n{body}"));
        let prompt = page.prompt();
        let mut fields = page.fields;
        match prompt.as_deref() {
            Some("login") => {
                set_field(&mut fields, "login", login);
                set_field(&mut fields, "password", "any-password");
            }
            Some("consent") => {}
            other => panic!("unexpected OP form (prompt {other:?}) at {url}\n{body}"),
        }
        url = url
            .join(&page.action)
            .unwrap_or_else(|e| panic!("bad form action {:?}: {e}", page.action));
        form = Some(fields);
    }
    panic!("no redirect to the client after 12 steps; trail: {trail:#?}");
}

fn set_field(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    fields.retain(|(n, _)| n != name);
    fields.push((name.to_owned(), value.to_owned()));
}

/// The first `<form>` of a page: its action and its named `<input>`s (with their values).
struct HtmlForm {
    action: String,
    fields: Vec<(String, String)>,
}

impl HtmlForm {
    fn parse(html: &str) -> Option<Self> {
        let start = html.find("<form")?;
        let rest = &html[start..];
        let tag_end = rest.find('>')?;
        let action = attr(&rest[..tag_end], "action").unwrap_or_default();
        let inner_end = rest.find("</form>").unwrap_or(rest.len());
        let inner = &rest[tag_end..inner_end];
        let mut fields = Vec::new();
        for chunk in inner.split("<input").skip(1) {
            let tag = &chunk[..chunk.find('>').unwrap_or(chunk.len())];
            if let Some(name) = attr(tag, "name") {
                fields.push((name, attr(tag, "value").unwrap_or_default()));
            }
        }
        Some(Self { action, fields })
    }

    fn prompt(&self) -> Option<String> {
        self.fields
            .iter()
            .find(|(n, _)| n == "prompt")
            .map(|(_, v)| v.clone())
    }
}

/// The HTML-unescaped value of a double-quoted attribute inside one tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let at = tag.find(&needle)? + needle.len();
    let len = tag[at..].find('"')?;
    Some(html_unescape(&tag[at..at + len]))
}

fn html_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The claims of a JWT, unverified (for assertions only).
pub fn jwt_claims(jwt: &str) -> Value {
    let payload = jwt.split('.').nth(1).expect("JWT payload");
    let bytes = URL_SAFE_NO_PAD.decode(payload).expect("JWT base64");
    serde_json::from_slice(&bytes).expect("JWT JSON")
}

/// A browser-like client: keeps cookies, does not follow redirects.
fn browser() -> Client {
    install_crypto_provider();
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .expect("client")
}

fn pkce_pair() -> (String, String) {
    let mut raw = [0u8; 32];
    rand::rng().fill_bytes(&mut raw);
    let verifier = URL_SAFE_NO_PAD.encode(raw);
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

fn query(url: &Url, key: &str) -> Option<String> {
    url.query_pairs()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

/// One code flow against the peer: authorize (via `upstream_login`), then the token exchange.
async fn code_flow(
    peer: &OidcPeer,
    discovery: &Value,
    redirect_uri: &str,
    client_id: &str,
    secret: Option<&str>,
    login: &str,
) -> Value {
    let (verifier, challenge) = pkce_pair();
    let state = format!("state-{login}");
    let nonce = format!("nonce-{login}");
    let mut authorize = Url::parse(
        discovery["authorization_endpoint"]
            .as_str()
            .expect("authz ep"),
    )
    .unwrap();
    authorize
        .query_pairs_mut()
        .append_pair("client_id", client_id)
        .append_pair("response_type", "code")
        .append_pair("scope", "openid email")
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("state", &state)
        .append_pair("nonce", &nonce)
        .append_pair("code_challenge", &challenge)
        .append_pair("code_challenge_method", "S256");

    let callback = upstream_login(&browser(), authorize.as_str(), login).await;
    assert!(callback.starts_with(redirect_uri), "{callback}");
    let callback = Url::parse(&callback).unwrap();
    assert_eq!(query(&callback, "state").as_deref(), Some(state.as_str()));
    assert_eq!(
        query(&callback, "iss").as_deref(),
        Some(peer.issuer.as_str())
    );
    let code = query(&callback, "code").unwrap_or_else(|| panic!("no code in {callback}"));

    let token_endpoint = discovery["token_endpoint"].as_str().expect("token ep");
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", redirect_uri),
        ("code_verifier", verifier.as_str()),
    ];
    let request = reqwest::Client::new().post(token_endpoint);
    let request = match secret {
        Some(secret) => request.basic_auth(client_id, Some(secret)),
        None => {
            form.push(("client_id", client_id));
            request
        }
    };
    let res = request.form(&form).send().await.unwrap();
    let status = res.status();
    let tokens: Value = res.json().await.unwrap();
    assert!(status.is_success(), "token endpoint {status}: {tokens}");
    let id_token = tokens["id_token"].as_str().expect("id_token");
    let claims = jwt_claims(id_token);
    assert_eq!(claims["iss"], peer.issuer.as_str());
    assert_eq!(claims["aud"], client_id);
    assert_eq!(claims["sub"], login);
    assert_eq!(claims["nonce"], nonce.as_str());
    claims
}

#[tokio::test]
async fn oidc_provider_peer_logs_in_and_issues_a_code() {
    // Nothing listens there: the flow stops at the redirect and never follows it.
    let redirect_uri = "http://127.0.0.1:9/cb";
    let peer = start_oidc_provider(redirect_uri).await;
    assert!(
        peer.issuer.starts_with("http://127.0.0.1:"),
        "{}",
        peer.issuer
    );
    let discovery = peer.discovery().await;
    assert_eq!(discovery["issuer"], peer.issuer.as_str());

    // Public client, PKCE only.
    let alice = code_flow(
        &peer,
        &discovery,
        redirect_uri,
        OP_PUBLIC_CLIENT_ID,
        None,
        "alice",
    )
    .await;
    assert_eq!(alice["email"], "alice@example.com");
    assert_eq!(alice["email_verified"], true);

    // Confidential client, client_secret_basic (what the connector uses).
    let bob = code_flow(
        &peer,
        &discovery,
        redirect_uri,
        OP_CLIENT_ID,
        Some(OP_CLIENT_SECRET),
        "bob",
    )
    .await;
    assert_eq!(bob["email"], "bob@example.com");
    assert_eq!(bob["email_verified"], false);
}

#[test]
fn html_form_parsing_and_unescaping() {
    let page = r#"<p>x</p><form autocomplete="off" action="http://127.0.0.1:1/interaction/a&amp;b" method="post">
  <input type="hidden" name="prompt" value="login"/>
  <input required type="text" name="login" placeholder="Enter any login"  value="x&quot;y&#x27;z&#39;" >
  <input required type="password" name="password" placeholder="and password">
  <button type="submit">Sign-in</button></form><form action="/other"></form>"#;
    let form = HtmlForm::parse(page).unwrap();
    assert_eq!(form.action, "http://127.0.0.1:1/interaction/a&b");
    assert_eq!(form.prompt().as_deref(), Some("login"));
    assert_eq!(
        form.fields,
        vec![
            ("prompt".to_owned(), "login".to_owned()),
            ("login".to_owned(), "x\"y'z'".to_owned()),
            ("password".to_owned(), String::new()),
        ]
    );
    assert_eq!(html_unescape("a & b &bogus; &amp"), "a & b &bogus; &amp");
}

/// cognito-local (npm), a Cognito user pool emulator with a minimal hosted UI, on its own port
/// with its own state directory.
pub struct CognitoLocal {
    /// `http://127.0.0.1:PORT`: the JSON API, the hosted UI and the pools' issuer base.
    pub endpoint: String,
    child: std::process::Child,
    _state: tempfile::TempDir,
}

impl Drop for CognitoLocal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl CognitoLocal {
    pub async fn start() -> CognitoLocal {
        install_crypto_provider();
        let script = peers_dir().join("node_modules/cognito-local/lib/bin/start.js");
        assert!(
            script.is_file(),
            "no cognito-local in tests/peers: {INSTALL_HINT}"
        );
        let state = tempfile::tempdir().expect("state dir");
        // cognito-local stamps its own address into token issuers, so it must be told its port.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let mut child = Command::new("node")
            .arg(&script)
            .current_dir(state.path())
            .env("HOST", "127.0.0.1")
            .env("PORT", port.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start cognito-local ({e}): {INSTALL_HINT}"));
        let stdout = child.stdout.take().expect("stdout");
        let (ready_tx, ready_rx) = tokio::sync::oneshot::channel::<()>();
        std::thread::spawn(move || {
            let mut ready_tx = Some(ready_tx);
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // Its readiness signal: "Cognito Local running on http://127.0.0.1:PORT".
                if line.contains("Cognito Local running on")
                    && let Some(tx) = ready_tx.take()
                {
                    let _ = tx.send(());
                }
            }
        });
        match tokio::time::timeout(START_DEADLINE, ready_rx).await {
            Ok(Ok(())) => {}
            _ => panic!("cognito-local did not start within {START_DEADLINE:?}"),
        }
        CognitoLocal {
            endpoint: format!("http://127.0.0.1:{port}"),
            child,
            _state: state,
        }
    }

    /// One call of the Cognito user pools JSON API (unsigned, as the public operations are).
    pub async fn call(&self, operation: &str, body: Value) -> Value {
        let response = Client::new()
            .post(&self.endpoint)
            .header("content-type", "application/x-amz-json-1.1")
            .header(
                "x-amz-target",
                format!("AWSCognitoIdentityProviderService.{operation}"),
            )
            .body(body.to_string())
            .send()
            .await
            .expect("cognito-local answers");
        let status = response.status();
        let value: Value = response.json().await.unwrap_or(Value::Null);
        assert!(status.is_success(), "{operation} failed: {status} {value}");
        value
    }

    /// A pool, a public app client allowed to send the browser back to `callback_url`, and a
    /// user; returns (pool id, client id).
    pub async fn pool_with_user(
        &self,
        callback_url: &str,
        email: &str,
        password: &str,
    ) -> (String, String) {
        let pool = self
            .call(
                "CreateUserPool",
                serde_json::json!({"PoolName": "authgate-test"}),
            )
            .await;
        let pool_id = pool["UserPool"]["Id"]
            .as_str()
            .expect("pool id")
            .to_string();
        let client = self
            .call(
                "CreateUserPoolClient",
                serde_json::json!({
                    "UserPoolId": pool_id, "ClientName": "authgate",
                    "CallbackURLs": [callback_url], "AllowedOAuthFlows": ["code"],
                    "AllowedOAuthScopes": ["openid", "email", "profile"],
                    "AllowedOAuthFlowsUserPoolClient": true, "SupportedIdentityProviders": ["COGNITO"],
                }),
            )
            .await;
        let client_id = client["UserPoolClient"]["ClientId"]
            .as_str()
            .expect("client id")
            .to_string();
        self.call(
            "AdminCreateUser",
            serde_json::json!({
                "UserPoolId": pool_id, "Username": email, "TemporaryPassword": password,
                "MessageAction": "SUPPRESS",
                "UserAttributes": [{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}],
            }),
        )
        .await;
        (pool_id, client_id)
    }
}
