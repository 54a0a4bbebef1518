//! A `kind = "cognito"` authgate over a moto or stand-in pool, and a cookie-keeping client that
//! plays the browser through the pool's pages (`Page`), for every Cognito suite.

use crate::support::app::*;
use crate::support::moto::{self, Pool};
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;
pub const PASSWORD: &str = "Correct-horse-1";

/// authgate with provider `pool` for a moto pool, a broker app `poolapp` and a passthrough
/// app `passapp` (both native, PKCE).
pub struct PoolApp {
    pub app: TestApp,
    _secret_file: Option<tempfile::NamedTempFile>,
}

pub async fn spawn_for_pool(pool: Pool, provider_extra: &str) -> PoolApp {
    spawn_for_endpoint(pool, moto::endpoint(), provider_extra).await
}

pub async fn spawn_for_endpoint(pool: Pool, endpoint: &str, provider_extra: &str) -> PoolApp {
    spawn_for_endpoint_edited(pool, endpoint, provider_extra, std::convert::identity).await
}

/// [`spawn_for_endpoint`], with the whole config passed through `edit` (to change a table the
/// base config already has, such as `[account]`).
pub async fn spawn_for_endpoint_edited(
    pool: Pool,
    endpoint: &str,
    provider_extra: &str,
    edit: fn(String) -> String,
) -> PoolApp {
    let secret_file = pool.client_secret.as_ref().map(|secret| {
        let file = tempfile::NamedTempFile::new().expect("secret file");
        std::fs::write(file.path(), secret).expect("write secret");
        file
    });
    let secret_line = secret_file
        .as_ref()
        .map(|f| format!("client_secret_file = {:?}", f.path()))
        .unwrap_or_default();
    let extra = format!(
        r#"
[[providers]]
id = "pool"
kind = "cognito"
name = "Example pool"
region = "{region}"
user_pool_id = "{pool_id}"
client_id = "{client_id}"
endpoint_url = "{endpoint}"
timeout = "3s"
{secret_line}
{provider_extra}

[[apps]]
client_id = "poolapp"
name = "Pool app"
redirect_uris = ["poolapp://cb"]
providers = ["pool"]
scopes = ["openid", "email", "profile"]

[[apps]]
client_id = "passapp"
name = "Passthrough app"
redirect_uris = ["passapp://cb"]
providers = ["pool"]
scopes = ["openid", "email", "profile"]
token_mode = "passthrough"
"#,
        region = moto::REGION,
        pool_id = pool.id,
        client_id = pool.client_id,
    );
    PoolApp {
        app: spawn_app_edited(&extra, edit).await,
        _secret_file: secret_file,
    }
}

impl PoolApp {
    /// The page helpers for an authgate started some other way (pool without a secret).
    pub fn around(app: TestApp) -> PoolApp {
        PoolApp {
            app,
            _secret_file: None,
        }
    }
}

pub fn pool_request(client_id: &str) -> Authorize {
    let mut request = Authorize::native();
    request.redirect_uri = format!("{client_id}://cb");
    request.client_id = client_id.into();
    request
}

/// A page as the browser sees it.
pub struct Page {
    pub url: String,
    pub status: StatusCode,
    pub html: String,
}

impl PoolApp {
    /// authorize → the pool's sign-in page.
    pub async fn open(&self, client: &Client, request: &Authorize) -> Page {
        let (url, html) = self.app.open_sign_in(client, request).await;
        assert!(url.ends_with("/pool"), "{url}");
        Page {
            url,
            status: StatusCode::OK,
            html,
        }
    }

    pub async fn get(&self, client: &Client, path: &str) -> Page {
        let response = self.app.get(client, path).await;
        let status = response.status();
        Page {
            url: path.to_string(),
            status,
            html: response.text().await.expect("html"),
        }
    }

    /// Posts a form of `page` (with its CSRF token) to `action`.
    pub async fn post(
        &self,
        client: &Client,
        page: &Page,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Response {
        let csrf = input_value(&page.html, "csrf").expect("page has a CSRF token");
        let mut form = fields.to_vec();
        form.push(("csrf", &csrf));
        client
            .post(self.app.url(action))
            .form(&form)
            .send()
            .await
            .expect("post")
    }

    /// Follows a 303 to the next page.
    pub async fn follow(&self, client: &Client, response: Response) -> Page {
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "expected a redirect"
        );
        let next = location(&response);
        self.get(client, &next).await
    }

    pub async fn sign_in_form(
        &self,
        client: &Client,
        page: &Page,
        username: &str,
        password: &str,
        remember: bool,
    ) -> Response {
        let mut fields = vec![("username", username), ("password", password)];
        if remember {
            fields.push(("remember_device", "on"));
        }
        self.post(client, page, &page.url.clone(), &fields).await
    }

    /// A whole sign-in without challenges in `client`: the token response.
    pub async fn login(
        &self,
        client: &Client,
        request: &Authorize,
        username: &str,
        password: &str,
    ) -> Value {
        let page = self.open(client, request).await;
        let response = self
            .sign_in_form(client, &page, username, password, false)
            .await;
        self.tokens(request, &self.code_from(request, &response))
            .await
    }

    /// The redirect back to the app after a finished sign-in: its code.
    pub fn code_from(&self, request: &Authorize, response: &Response) -> String {
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let back = location(response);
        assert!(back.starts_with(&request.redirect_uri), "{back}");
        query_param(&back, "code").expect("code")
    }

    pub async fn tokens(&self, request: &Authorize, code: &str) -> Value {
        let response = self.app.exchange(request, code).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.expect("json")
    }
}

pub fn no_code_in(html: &str) {
    assert!(!html.contains("code="), "no redirect with a code");
}

/// Nothing was issued for `request`: no code left the sign-in pages.
pub fn no_code(response: &Response) {
    if response.status() == StatusCode::SEE_OTHER {
        let to = location(response);
        assert!(
            query_param(&to, "code").is_none(),
            "a code was issued: {to}"
        );
    }
}

/// The current RFC 6238 code (SHA-1, 6 digits, 30 s) for a base32 secret, written out here
/// so the test does not share authgate's code.
pub fn totp_code(secret: &str) -> String {
    use aws_lc_rs::hmac;
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut bits, mut value, mut key) = (0u32, 0u32, Vec::new());
    for c in secret.to_uppercase().bytes().filter(|c| *c != b'=') {
        let index = ALPHABET.iter().position(|a| *a == c).expect("base32") as u32;
        value = (value << 5) | index;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            key.push((value >> bits) as u8);
            value &= (1 << bits) - 1;
        }
    }
    let counter = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs()
        / 30;
    let key = hmac::Key::new(hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, &key);
    let mac = hmac::sign(&key, &counter.to_be_bytes());
    let mac = mac.as_ref();
    let offset = usize::from(mac[19] & 0x0f);
    let code = u32::from_be_bytes([
        mac[offset],
        mac[offset + 1],
        mac[offset + 2],
        mac[offset + 3],
    ]) & 0x7fff_ffff;
    format!("{:06}", code % 1_000_000)
}

/// The real binary at `RUST_LOG=trace` in front of a new moto pool with one user (`prefix` and
/// eight hex digits, [`PASSWORD`]), provider `pool` and the apps in `apps_toml`: for the tests
/// that read the whole log for secrets. Its `pages` drive it as [`PoolApp`] does.
pub struct TracedBinary {
    pub server: crate::support::binary::Server,
    pub pages: PoolApp,
    pub username: String,
    /// The config and data: bind it (`dir: _dir`) for as long as the server runs; `..` would
    /// drop it at once.
    pub dir: tempfile::TempDir,
}

pub async fn traced_binary_before_moto(prefix: &str, apps_toml: &str) -> TracedBinary {
    let pool = moto::create_pool(false).await;
    let username = format!(
        "{prefix}{}",
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    );
    moto::create_user(&pool, &username, PASSWORD).await;
    let dir = tempfile::tempdir().expect("tmp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("probe")
        .local_addr()
        .expect("addr")
        .port();
    let extra = format!(
        r#"
[[providers]]
id = "pool"
kind = "cognito"
region = "{region}"
user_pool_id = "{pool_id}"
client_id = "{client_id}"
endpoint_url = "{endpoint}"
{apps_toml}"#,
        region = moto::REGION,
        pool_id = pool.id,
        client_id = pool.client_id,
        endpoint = moto::endpoint(),
    );
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, test_config(&dir, port, &extra)).expect("config");
    let server = crate::support::binary::start_with_env(&config, "trace", &[]);
    let pages = PoolApp::around(TestApp::remote(&server.address));
    TracedBinary {
        server,
        pages,
        username,
        dir,
    }
}

/// Whether `log` (colours removed) has the `account_change` audit event for `operation`
/// ending in `outcome`.
pub fn audited(log: &str, operation: &str, outcome: &str) -> bool {
    log.lines().any(|line| {
        line.contains("event=\"account_change\"")
            && line.contains(&format!("operation=\"{operation}\""))
            && line.contains(&format!("outcome=\"{outcome}\""))
    })
}

/// The app `poolapp` of [`spawn_for_pool`], for [`traced_binary_before_moto`].
pub const POOL_APP: &str = r#"
[[apps]]
client_id = "poolapp"
name = "Pool app"
redirect_uris = ["poolapp://cb"]
providers = ["pool"]
scopes = ["openid", "email"]
"#;
