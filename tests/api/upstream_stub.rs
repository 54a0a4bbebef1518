//! A stand-in OpenID Provider for fault injection: it serves discovery and JWKS and answers the
//! token endpoint with whatever the test sets (a forged, expired or garbage ID token, an HTTP
//! error, a slow answer). The happy path runs against the real oidc-provider (`peers.rs`); this
//! stand-in exists for what a real provider would never send.

use authgate::keys::KeyManager;
use authgate::store::Store;
use authgate::store::sqlite::SqliteStore;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tempfile::TempDir;

#[derive(Default)]
pub struct StubBehaviour {
    /// Status and body of the next token responses; `None` means 400 invalid_grant.
    pub token_response: Option<(u16, String)>,
    /// How long the token endpoint waits before answering.
    pub token_delay: Option<Duration>,
    /// Whether discovery announces RFC 9207 `iss` in authorization responses.
    pub iss_supported: bool,
    /// Replaces the published JWKS.
    pub jwks: Option<String>,
    /// How many times the JWKS was fetched.
    pub jwks_fetches: u32,
    /// The form bodies of the token requests received, oldest first.
    pub token_requests: Vec<String>,
}

pub struct StubOp {
    pub issuer: String,
    pub behaviour: Arc<Mutex<StubBehaviour>>,
    pub keys: Arc<KeyManager>,
    _dir: TempDir,
}

struct Shared {
    issuer: String,
    behaviour: Arc<Mutex<StubBehaviour>>,
    keys: Arc<KeyManager>,
}

/// A key manager of its own (authgate's, reused as a signer) for `issuer`.
pub async fn signer(issuer: &str, dir: &TempDir) -> KeyManager {
    let store: Arc<dyn Store> = Arc::new(
        SqliteStore::open(&dir.path().join(format!("{}.db", uuid::Uuid::new_v4())))
            .await
            .expect("store"),
    );
    KeyManager::load(
        store,
        "RS256",
        Duration::from_secs(86400),
        Duration::from_secs(86400),
        issuer,
    )
    .await
    .expect("keys")
}

impl StubOp {
    pub async fn start() -> StubOp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let issuer = format!(
            "http://127.0.0.1:{}",
            listener.local_addr().expect("addr").port()
        );
        let dir = tempfile::tempdir().expect("tmp");
        let keys = Arc::new(signer(&issuer, &dir).await);
        let behaviour = Arc::new(Mutex::new(StubBehaviour {
            iss_supported: true,
            ..Default::default()
        }));
        let shared = Arc::new(Shared {
            issuer: issuer.clone(),
            behaviour: Arc::clone(&behaviour),
            keys: Arc::clone(&keys),
        });
        let router = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/token", post(token))
            .with_state(shared);
        tokio::spawn(async move { axum::serve(listener, router).await });
        StubOp {
            issuer,
            behaviour,
            keys,
            _dir: dir,
        }
    }

    pub fn set(&self, change: impl FnOnce(&mut StubBehaviour)) {
        change(&mut self.behaviour.lock().expect("lock"));
    }

    /// The token endpoint answers with this ID token from now on.
    pub fn answer_with_id_token(&self, id_token: &str) {
        self.answer_with_tokens(id_token, None);
    }

    /// The same, with a refresh token.
    pub fn answer_with_tokens(&self, id_token: &str, refresh_token: Option<&str>) {
        let mut body = json!({
            "access_token": "upstream-access-token",
            "token_type": "Bearer",
            "expires_in": 3600,
            "id_token": id_token,
        });
        if let Some(refresh) = refresh_token {
            body["refresh_token"] = json!(refresh);
        }
        self.set(|b| b.token_response = Some((200, body.to_string())));
    }

    /// Standard claims for `client_id` and `nonce`, valid for an hour.
    pub fn claims(&self, client_id: &str, nonce: &str) -> Value {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        json!({
            "iss": self.issuer, "sub": "upstream-user-1", "aud": client_id, "iat": now,
            "exp": now + 3600, "nonce": nonce, "email": "carol@example.com", "email_verified": true,
            "name": "Carol Upstream",
        })
    }

    pub fn sign(&self, claims: &Value) -> String {
        self.keys.sign(claims).expect("sign")
    }
}

async fn discovery(State(s): State<Arc<Shared>>) -> impl IntoResponse {
    let iss_supported = s.behaviour.lock().map(|b| b.iss_supported).unwrap_or(true);
    axum::Json(json!({
        "issuer": s.issuer,
        "authorization_endpoint": format!("{}/authorize", s.issuer),
        "token_endpoint": format!("{}/token", s.issuer),
        "jwks_uri": format!("{}/jwks", s.issuer),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "authorization_response_iss_parameter_supported": iss_supported,
        "end_session_endpoint": format!("{}/session/end", s.issuer),
    }))
}

async fn jwks(State(s): State<Arc<Shared>>) -> impl IntoResponse {
    let published = {
        let mut b = s.behaviour.lock().expect("lock");
        b.jwks_fetches += 1;
        b.jwks.clone()
    };
    let body = published.unwrap_or_else(|| String::from_utf8_lossy(&s.keys.jwks()).into_owned());
    ([("content-type", "application/json")], body)
}

async fn token(State(s): State<Arc<Shared>>, body: String) -> impl IntoResponse {
    let (delay, answer) = {
        let mut b = s.behaviour.lock().expect("lock");
        b.token_requests.push(body);
        (b.token_delay, b.token_response.clone())
    };
    if let Some(delay) = delay {
        // Fault injection: a provider that answers too late.
        tokio::time::sleep(delay).await;
    }
    let (status, body) = answer.unwrap_or((400, json!({"error": "invalid_grant"}).to_string()));
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        [("content-type", "application/json")],
        body,
    )
}
