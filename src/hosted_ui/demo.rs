//! `/demo`: a tiny relying party built into authgate, so a newcomer can watch a real login.
//! It is an ordinary public app (`demo.client_id`): PKCE, state and nonce, its redirect URI
//! `{issuer}/callback`, and the same token-endpoint logic every other app goes through.

use crate::hosted_ui::pages::{self, DemoPage, DemoPart, DemoResultPage};
use crate::hosted_ui::words::Say;
use crate::oauth::grants::{self, FormParams};
use crate::pkce;
use crate::security::{constant_time_eq, random_token};
use crate::state::AppState;
use crate::web::browser::BrowserSession;
use crate::web::page::{Msg, PageContext};
use crate::web::respond::see_other;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde::Deserialize;
use tower_sessions::Session;

const PENDING: &str = "demo_pending";

#[derive(serde::Serialize, Deserialize)]
struct Pending {
    state: String,
    nonce: String,
    verifier: String,
}

pub async fn demo_get(State(state): State<AppState>, session: Session) -> Response {
    let browser = BrowserSession::new(session);
    match browser.csrf_token().await {
        Ok(csrf) => pages::render(
            &PageContext::for_request(),
            StatusCode::OK,
            &DemoPage {
                client_id: &state.settings.demo.client_id,
                csrf: &csrf,
            },
        ),
        Err(e) => pages::unavailable(&e),
    }
}

pub async fn demo_start(State(state): State<AppState>, session: Session, body: Bytes) -> Response {
    let browser = BrowserSession::new(session);
    let csrf = url::form_urlencoded::parse(&body)
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.into_owned());
    if !browser.csrf_matches(csrf.as_deref().unwrap_or("")).await {
        return pages::error(StatusCode::FORBIDDEN, Msg::DemoFormExpired);
    }
    let pending = Pending {
        state: random_token(),
        nonce: random_token(),
        verifier: random_token(),
    };
    if let Err(e) = browser.inner().insert(PENDING, &pending).await {
        return pages::unavailable(&e);
    }
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query
        .append_pair("response_type", "code")
        .append_pair("client_id", &state.settings.demo.client_id)
        .append_pair("redirect_uri", &callback_uri(&state))
        .append_pair("scope", "openid email profile")
        .append_pair("state", &pending.state)
        .append_pair("nonce", &pending.nonce)
        .append_pair("code_challenge", &pkce::s256_challenge(&pending.verifier))
        .append_pair("code_challenge_method", "S256");
    see_other(&format!("/oauth2/authorize?{}", query.finish()))
}

fn callback_uri(state: &AppState) -> String {
    format!("{}/callback", state.settings.issuer)
}

#[derive(Deserialize)]
pub struct CallbackParams {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

pub async fn demo_callback(
    State(state): State<AppState>,
    session: Session,
    Query(params): Query<CallbackParams>,
) -> Response {
    let client_id = state.settings.demo.client_id.clone();
    let ctx = PageContext::for_request();
    let say = |words: Say| words.said(&ctx);
    let failed = |message: Say| {
        pages::render(
            &ctx,
            StatusCode::BAD_REQUEST,
            &DemoResultPage {
                headline: &say(Say::DemoFailed),
                client_id: &client_id,
                error: Some(&say(message)),
                parts: vec![],
            },
        )
    };
    let browser = BrowserSession::new(session);
    let pending: Option<Pending> = browser.inner().remove(PENDING).await.ok().flatten();
    let Some(pending) = pending else {
        return failed(Say::DemoNotStarted);
    };
    let state_ok = params
        .state
        .as_deref()
        .is_some_and(|s| constant_time_eq(s.as_bytes(), pending.state.as_bytes()));
    if !state_ok {
        return failed(Say::DemoStateMismatch);
    }
    if let Some(error) = params.error {
        let description = params.error_description.unwrap_or_default();
        return failed(Say::DemoServerError { error, description });
    }
    let Some(code) = params.code else {
        return failed(Say::DemoNoCode);
    };

    let body = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("grant_type", "authorization_code")
        .append_pair("client_id", &client_id)
        .append_pair("code", &code)
        .append_pair("redirect_uri", &callback_uri(&state))
        .append_pair("code_verifier", &pending.verifier)
        .finish();
    let tokens = match FormParams::parse(body.as_bytes()) {
        Ok(params) => grants::token(state.oauth(), None, &params).await,
        Err(e) => Err(e),
    };
    let tokens = match tokens {
        Ok(tokens) => tokens,
        Err(e) => {
            return failed(Say::DemoTokenFailed {
                error: e.code.to_string(),
                description: e.description.to_string(),
            });
        }
    };

    let opaque = say(Say::DemoOpaque {
        characters: tokens.refresh_token.len(),
    });
    let mut parts = vec![DemoPart {
        name: say(Say::DemoTokenResponse),
        json: serde_json::to_string_pretty(&serde_json::json!({
            "token_type": tokens.token_type,
            "expires_in": tokens.expires_in,
            "refresh_token": format!("<{opaque}>"),
        }))
        .unwrap_or_default(),
    }];
    if let Some(id_token) = &tokens.id_token {
        let names = [Say::DemoIdTokenHeader, Say::DemoIdTokenClaims].map(say);
        parts.extend(decode_parts(&names, &say(Say::DemoNotJson), id_token));
    }
    let names = [Say::DemoAccessTokenHeader, Say::DemoAccessTokenClaims].map(say);
    parts.extend(decode_parts(
        &names,
        &say(Say::DemoNotJson),
        &tokens.access_token,
    ));
    let nonce_ok = tokens
        .id_token
        .as_deref()
        .and_then(|t| claim(t, "nonce"))
        .as_deref()
        == Some(pending.nonce.as_str());
    let headline = say(if nonce_ok {
        Say::DemoSignedIn
    } else {
        Say::DemoNonceMismatch
    });
    pages::render(
        &ctx,
        StatusCode::OK,
        &DemoResultPage {
            headline: &headline,
            client_id: &client_id,
            error: None,
            parts,
        },
    )
}

/// Header and claims of a JWT, pretty-printed under `names` (display only: the app verified
/// nothing here because it received the tokens straight from the token endpoint over a trusted
/// channel); a part that is not JSON shows `not_json`.
fn decode_parts(names: &[String; 2], not_json: &str, jwt: &str) -> Vec<DemoPart> {
    jwt.split('.')
        .take(2)
        .zip(names)
        .map(|(segment, name)| {
            let json = URL_SAFE_NO_PAD
                .decode(segment)
                .ok()
                .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
                .and_then(|v| serde_json::to_string_pretty(&v).ok())
                .unwrap_or_else(|| not_json.to_string());
            DemoPart {
                name: name.clone(),
                json,
            }
        })
        .collect()
}

fn claim(jwt: &str, name: &str) -> Option<String> {
    crate::security::unverified_claims(jwt)?
        .get(name)?
        .as_str()
        .map(str::to_string)
}
