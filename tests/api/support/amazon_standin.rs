//! Login with Amazon's endpoints, checking what Amazon checks: the authorization request's
//! client, redirect URI and S256 challenge; at the token endpoint the client secret, the same
//! redirect URI, the PKCE verifier, and each code once; the profile only for a token it issued.
//! Error answers in Amazon's shape (`{"error", "error_description"}`).

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde_json::json;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const CLIENT_ID: &str = "amzn1.application-oa2-client.0123456789abcdef";
pub const CLIENT_SECRET: &str = "amazon-client-secret-0123456789";
pub const USER_ID: &str = "amzn1.account.AEXAMPLEUSER";

struct Grant {
    challenge: String,
    redirect_uri: String,
}

#[derive(Default)]
pub struct Amazon {
    codes: HashMap<String, Grant>,
    tokens: Vec<String>,
    /// Token requests answered, successful or not.
    pub token_calls: u32,
}

pub struct AmazonStandIn {
    pub base: String,
    pub state: Arc<Mutex<Amazon>>,
}

fn error(status: StatusCode, code: &str, description: &str) -> Response {
    (
        status,
        axum::Json(json!({"error": code, "error_description": description})),
    )
        .into_response()
}

async fn authorize(
    State(s): State<Arc<Mutex<Amazon>>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let p = |k: &str| q.get(k).cloned().unwrap_or_default();
    if p("client_id") != CLIENT_ID || p("response_type") != "code" {
        return error(StatusCode::BAD_REQUEST, "invalid_request", "bad client");
    }
    if p("code_challenge_method") != "S256" || p("code_challenge").len() != 43 {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "PKCE S256 required",
        );
    }
    if !p("scope").split(' ').any(|s| s == "profile") {
        return error(StatusCode::BAD_REQUEST, "invalid_scope", "profile needed");
    }
    let code = format!("ANcode{}", uuid::Uuid::new_v4().simple());
    s.lock().expect("lock").codes.insert(
        code.clone(),
        Grant {
            challenge: p("code_challenge"),
            redirect_uri: p("redirect_uri"),
        },
    );
    let mut back = url::Url::parse(&p("redirect_uri")).expect("redirect_uri");
    back.query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("scope", &p("scope"))
        .append_pair("state", &p("state"));
    Redirect::to(back.as_str()).into_response()
}

async fn token(
    State(s): State<Arc<Mutex<Amazon>>>,
    axum::Form(f): axum::Form<HashMap<String, String>>,
) -> Response {
    let mut s = s.lock().expect("lock");
    s.token_calls += 1;
    let p = |k: &str| f.get(k).cloned().unwrap_or_default();
    if p("client_id") != CLIENT_ID || p("client_secret") != CLIENT_SECRET {
        return error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed",
        );
    }
    if p("grant_type") != "authorization_code" {
        return error(StatusCode::BAD_REQUEST, "unsupported_grant_type", "");
    }
    // Single use: taken whether or not the rest checks out.
    let Some(grant) = s.codes.remove(&p("code")) else {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "The authorization code is invalid",
        );
    };
    if grant.redirect_uri != p("redirect_uri") {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "redirect_uri mismatch",
        );
    }
    if authgate::pkce::s256_challenge(&p("code_verifier")) != grant.challenge {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "code_verifier mismatch",
        );
    }
    let access = format!("Atza|{}", uuid::Uuid::new_v4().simple());
    s.tokens.push(access.clone());
    axum::Json(json!({
        "access_token": access, "refresh_token": "Atzr|refresh", "token_type": "bearer",
        "expires_in": 3600,
    }))
    .into_response()
}

async fn profile(State(s): State<Arc<Mutex<Amazon>>>, headers: HeaderMap) -> Response {
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !s.lock().expect("lock").tokens.iter().any(|t| t == bearer) {
        return error(
            StatusCode::UNAUTHORIZED,
            "invalid_token",
            "The access token is invalid",
        );
    }
    axum::Json(json!({"user_id": USER_ID, "name": "Ada Amazon", "email": "ada@example.com"}))
        .into_response()
}

impl AmazonStandIn {
    pub async fn start() -> Self {
        let state = Arc::new(Mutex::new(Amazon::default()));
        let router = Router::new()
            .route("/ap/oa", get(authorize))
            .route("/auth/o2/token", post(token))
            .route("/user/profile", get(profile))
            .with_state(Arc::clone(&state));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!(
            "http://127.0.0.1:{}",
            listener.local_addr().expect("addr").port()
        );
        tokio::spawn(async move { axum::serve(listener, router).await });
        Self { base, state }
    }
}
