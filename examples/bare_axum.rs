//! The HTTP ceiling of `scripts/bench-peers.sh`: axum on tokio (as authgate, with the same
//! runtime defaults) answering discovery and JWKS from bodies built once, with nothing else in
//! the request path: no middleware, no store, no logging.
//!
//! ```sh
//! target/release/examples/bare_axum 18190     # http://127.0.0.1:18190 is the issuer
//! ```
//!
//! The documents have the size and shape of authgate's (one RSA-2048 key: a random modulus,
//! which the driver does not check), so the figures compare serving, not content.

use axum::Router;
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use bytes::Bytes;
use rand::RngCore;
use serde_json::json;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let port: u16 = std::env::args()
        .nth(1)
        .map_or(Ok(18190), |p| p.parse())
        .map_err(|e| anyhow::anyhow!("port: {e}"))?;
    let issuer = format!("http://127.0.0.1:{port}");
    let discovery = json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/oauth2/authorize"),
        "token_endpoint": format!("{issuer}/oauth2/token"),
        "userinfo_endpoint": format!("{issuer}/oauth2/userInfo"),
        "jwks_uri": format!("{issuer}/.well-known/jwks.json"),
        "end_session_endpoint": format!("{issuer}/logout"),
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "email", "profile"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        "code_challenge_methods_supported": ["S256"],
        "claims_supported": ["sub", "email", "email_verified", "name"],
    });
    let mut modulus = [0u8; 256];
    rand::rng().fill_bytes(&mut modulus);
    let jwks = json!({"keys": [{
        "kty": "RSA", "use": "sig", "alg": "RS256", "kid": "bare",
        "n": URL_SAFE_NO_PAD.encode(modulus), "e": "AQAB",
    }]});
    let discovery = Bytes::from(discovery.to_string());
    let jwks = Bytes::from(jwks.to_string());
    let app = Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(move || {
                let body = discovery.clone();
                async move { ([(CONTENT_TYPE, "application/json")], body) }
            }),
        )
        .route(
            "/.well-known/jwks.json",
            get(move || {
                let body = jwks.clone();
                async move { ([(CONTENT_TYPE, "application/json")], body) }
            }),
        )
        .route("/healthz", get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("BARE_READY {issuer}");
    axum::serve(listener, app).await?;
    Ok(())
}
