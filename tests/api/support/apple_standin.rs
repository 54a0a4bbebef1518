//! Sign in with Apple's endpoints, checking what Apple checks. Authorize: the Services ID,
//! `response_type=code`, `response_mode=form_post` (required with the `name`/`email` scopes),
//! a nonce, and a PKCE S256 challenge when sent. Token: the client secret is an ES256 JWT
//! verified with the public key of the `.p8` this stand-in made (`kid`, `iss` team, `sub`
//! Services ID, `aud` Apple, not expired, at most six months), the code once, the same
//! redirect URI, the PKCE verifier. ID tokens are RS256 under the stand-in's JWKS, with
//! Apple's string booleans. The `user` field (name JSON) goes with a user's first answer only.
//!
//! The authorize endpoint answers with the form Apple's page would post (as JSON: where to,
//! which fields), so that a test posts it as the browser would.

use crate::support::upstream_stub::signer;
use authgate::keys::KeyManager;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tempfile::TempDir;

pub const CLIENT_ID: &str = "com.example.authgate.web";
pub const TEAM_ID: &str = "TEAM123456";
pub const KEY_ID: &str = "KEYABC1234";

/// Who signs in at Apple next.
#[derive(Clone)]
pub struct AppleUser {
    pub sub: String,
    pub email: String,
    pub private: bool,
}

/// How the next ID token is spoiled.
#[derive(Clone, Copy, PartialEq)]
pub enum Spoil {
    None,
    /// The payload rewritten (another `sub`) under the original signature.
    ForgedSignature,
    WrongAudience,
    WrongIssuer,
}

struct Grant {
    challenge: Option<String>,
    redirect_uri: String,
    nonce: String,
    user: AppleUser,
}

pub struct Apple {
    codes: HashMap<String, Grant>,
    /// Users who have signed in before: they get no `user` field.
    known: HashSet<String>,
    pub user: AppleUser,
    pub spoil: Spoil,
    /// Every client secret presented at the token endpoint, verified or not.
    pub client_secrets: Vec<String>,
    /// Whether authorize requests carried PKCE.
    pub pkce_seen: bool,
}

struct Shared {
    issuer: String,
    public_pem: String,
    keys: Arc<KeyManager>,
    state: Arc<Mutex<Apple>>,
}

pub struct AppleStandIn {
    pub base: String,
    pub state: Arc<Mutex<Apple>>,
    /// The team's `.p8`, written for authgate to read.
    pub p8_path: PathBuf,
    _dir: TempDir,
}

fn error(status: StatusCode, code: &str) -> Response {
    (status, axum::Json(json!({"error": code}))).into_response()
}

async fn authorize(
    State(s): State<Arc<Shared>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let p = |k: &str| q.get(k).cloned().unwrap_or_default();
    if p("client_id") != CLIENT_ID || p("response_type") != "code" {
        return error(StatusCode::BAD_REQUEST, "invalid_client");
    }
    let scopes: Vec<String> = p("scope").split(' ').map(str::to_string).collect();
    let asks_user_data = scopes.iter().any(|s| s == "name" || s == "email");
    if asks_user_data && p("response_mode") != "form_post" {
        // Apple: "response_mode must be form_post when name or email scope is requested".
        return error(StatusCode::BAD_REQUEST, "invalid_request");
    }
    if p("nonce").is_empty() || p("state").is_empty() {
        return error(StatusCode::BAD_REQUEST, "invalid_request");
    }
    let challenge = q.get("code_challenge").cloned();
    if challenge.is_some() && p("code_challenge_method") != "S256" {
        return error(StatusCode::BAD_REQUEST, "invalid_request");
    }
    let mut apple = s.state.lock().expect("lock");
    apple.pkce_seen |= challenge.is_some();
    let user = apple.user.clone();
    let code = format!("c{}", uuid::Uuid::new_v4().simple());
    let mut fields = json!({"code": code, "state": p("state")});
    if apple.known.insert(user.sub.clone()) && scopes.iter().any(|s| s == "name") {
        fields["user"] = json!(
            json!({"name": {"firstName": "Jane", "lastName": "Appleseed"}, "email": user.email})
                .to_string()
        );
    }
    apple.codes.insert(
        code,
        Grant {
            challenge,
            redirect_uri: p("redirect_uri"),
            nonce: p("nonce"),
            user,
        },
    );
    axum::Json(json!({"action": p("redirect_uri"), "fields": fields})).into_response()
}

/// Apple's check of the client secret.
fn client_secret_ok(secret: &str, public_pem: &str) -> bool {
    let Ok(header) = jsonwebtoken::decode_header(secret) else {
        return false;
    };
    if header.alg != Algorithm::ES256 || header.kid.as_deref() != Some(KEY_ID) {
        return false;
    }
    let mut validation = Validation::new(Algorithm::ES256);
    validation.set_issuer(&[TEAM_ID]);
    validation.set_audience(&["https://appleid.apple.com"]);
    validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
    validation.leeway = 0;
    let Ok(key) = DecodingKey::from_ec_pem(public_pem.as_bytes()) else {
        return false;
    };
    let Ok(data) = jsonwebtoken::decode::<Value>(secret, &key, &validation) else {
        return false;
    };
    let c = data.claims;
    let life = c["exp"].as_i64().unwrap_or(0) - c["iat"].as_i64().unwrap_or(0);
    c["sub"] == CLIENT_ID && life > 0 && life <= 15_777_000
}

async fn token(
    State(s): State<Arc<Shared>>,
    axum::Form(f): axum::Form<HashMap<String, String>>,
) -> Response {
    let p = |k: &str| f.get(k).cloned().unwrap_or_default();
    let mut apple = s.state.lock().expect("lock");
    apple.client_secrets.push(p("client_secret"));
    if p("client_id") != CLIENT_ID || !client_secret_ok(&p("client_secret"), &s.public_pem) {
        return error(StatusCode::BAD_REQUEST, "invalid_client");
    }
    if p("grant_type") != "authorization_code" {
        return error(StatusCode::BAD_REQUEST, "unsupported_grant_type");
    }
    let Some(grant) = apple.codes.remove(&p("code")) else {
        return error(StatusCode::BAD_REQUEST, "invalid_grant");
    };
    if grant.redirect_uri != p("redirect_uri") {
        return error(StatusCode::BAD_REQUEST, "invalid_grant");
    }
    if let Some(challenge) = &grant.challenge
        && authgate::pkce::s256_challenge(&p("code_verifier")) != *challenge
    {
        return error(StatusCode::BAD_REQUEST, "invalid_grant");
    }
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let mut claims = json!({
        "iss": s.issuer, "aud": CLIENT_ID, "exp": now + 600, "iat": now,
        "sub": grant.user.sub, "nonce": grant.nonce, "nonce_supported": true,
        "email": grant.user.email, "email_verified": "true",
        "is_private_email": if grant.user.private { "true" } else { "false" },
        "auth_time": now,
    });
    match apple.spoil {
        Spoil::WrongAudience => claims["aud"] = json!("com.example.another.app"),
        Spoil::WrongIssuer => claims["iss"] = json!("https://appleid.example.net"),
        Spoil::None | Spoil::ForgedSignature => {}
    }
    let mut id_token = s.keys.sign(&claims).expect("sign");
    if apple.spoil == Spoil::ForgedSignature {
        claims["sub"] = json!("000999.victim.0999");
        let parts: Vec<&str> = id_token.split('.').collect();
        use base64::Engine;
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims.to_string());
        id_token = format!("{}.{}.{}", parts[0], payload, parts[2]);
    }
    axum::Json(json!({
        "access_token": format!("a{}", uuid::Uuid::new_v4().simple()),
        "token_type": "Bearer", "expires_in": 3600,
        "refresh_token": format!("r{}", uuid::Uuid::new_v4().simple()),
        "id_token": id_token,
    }))
    .into_response()
}

async fn keys(State(s): State<Arc<Shared>>) -> Response {
    ([("content-type", "application/json")], s.keys.jwks()).into_response()
}

impl AppleStandIn {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!(
            "http://127.0.0.1:{}",
            listener.local_addr().expect("addr").port()
        );
        let dir = tempfile::tempdir().expect("tmp");
        // The team's key, as Apple's developer site hands it out: PKCS #8 PEM of a P-256 key.
        let p8 = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).expect("p8");
        let p8_path = dir.path().join(format!("AuthKey_{KEY_ID}.p8"));
        std::fs::write(&p8_path, p8.serialize_pem()).expect("write p8");
        let state = Arc::new(Mutex::new(Apple {
            codes: HashMap::new(),
            known: HashSet::new(),
            user: AppleUser {
                sub: "001234.5f6e7d8c9b0a.1234".into(),
                email: "x7kq2m9p4r@privaterelay.appleid.com".into(),
                private: true,
            },
            spoil: Spoil::None,
            client_secrets: Vec::new(),
            pkce_seen: false,
        }));
        let shared = Arc::new(Shared {
            issuer: base.clone(),
            public_pem: p8.public_key_pem(),
            keys: Arc::new(signer(&base, &dir).await),
            state: Arc::clone(&state),
        });
        let router = Router::new()
            .route("/auth/authorize", get(authorize))
            .route("/auth/token", post(token))
            .route("/auth/keys", get(keys))
            .with_state(shared);
        tokio::spawn(async move { axum::serve(listener, router).await });
        Self {
            base,
            state,
            p8_path,
            _dir: dir,
        }
    }

    pub fn set(&self, change: impl FnOnce(&mut Apple)) {
        change(&mut self.state.lock().expect("lock"));
    }
}
