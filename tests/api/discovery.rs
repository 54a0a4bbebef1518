//! Discovery, JWKS, health, security headers, and the pages themselves.

use crate::support::app::*;
use reqwest::{Client, StatusCode};

#[tokio::test]
async fn discovery_describes_the_endpoints_we_serve() {
    let app = spawn_app().await;
    let response = app
        .get(&app.browser, "/.well-known/openid-configuration")
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let doc: serde_json::Value = response.json().await.expect("json");
    assert_eq!(doc["issuer"], app.address.as_str());
    assert_eq!(
        doc["authorization_endpoint"],
        app.url("/oauth2/authorize").as_str()
    );
    assert_eq!(doc["token_endpoint"], app.url("/oauth2/token").as_str());
    assert_eq!(
        doc["userinfo_endpoint"],
        app.url("/oauth2/userInfo").as_str()
    );
    assert_eq!(
        doc["revocation_endpoint"],
        app.url("/oauth2/revoke").as_str()
    );
    assert_eq!(doc["end_session_endpoint"], app.url("/logout").as_str());
    assert_eq!(
        doc["code_challenge_methods_supported"],
        serde_json::json!(["S256"])
    );
    assert_eq!(doc["authorization_response_iss_parameter_supported"], true);
    assert_eq!(
        doc["id_token_signing_alg_values_supported"],
        serde_json::json!(["RS256"])
    );
}

#[tokio::test]
async fn jwks_publishes_the_signing_key_and_the_next_one() {
    let app = spawn_app().await;
    let jwks: serde_json::Value = app
        .get(&app.browser, "/.well-known/jwks.json")
        .await
        .json()
        .await
        .expect("json");
    let keys = jwks["keys"].as_array().expect("keys");
    assert_eq!(keys.len(), 2);
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let header: serde_json::Value = serde_json::from_slice(
        &base64::Engine::decode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            tokens["id_token"]
                .as_str()
                .expect("id")
                .split('.')
                .next()
                .expect("header"),
        )
        .expect("b64"),
    )
    .expect("json");
    assert_eq!(header["alg"], "RS256");
    assert!(
        keys.iter()
            .any(|k| k["kid"] == header["kid"] && k["kty"] == "RSA" && k["n"].is_string())
    );
    // Public keys only.
    assert!(keys.iter().all(|k| k.get("d").is_none()));
}

#[tokio::test]
async fn es256_is_selectable() {
    let app = spawn_app_edited("", |c| {
        c.replace("algorithm = \"RS256\"", "algorithm = \"ES256\"")
    })
    .await;
    let tokens = app.login(&app.browser, &Authorize::native()).await;
    let access = tokens["access_token"].as_str().expect("access");
    assert_eq!(app.userinfo(access).await.status(), StatusCode::OK);
    let jwks: serde_json::Value = app
        .get(&app.browser, "/.well-known/jwks.json")
        .await
        .json()
        .await
        .expect("json");
    assert!(
        jwks["keys"]
            .as_array()
            .expect("keys")
            .iter()
            .all(|k| k["kty"] == "EC" && k["crv"] == "P-256")
    );
}

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = spawn_app().await;
    assert_eq!(
        app.get(&app.browser, "/healthz").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get(&app.browser, "/readyz").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn pages_carry_security_headers_and_no_secrets() {
    let app = spawn_app().await;
    let (page_url, html) = app.open_sign_in(&app.browser, &Authorize::native()).await;
    let page = app.get(&app.browser, &page_url).await;
    let headers = page.headers().clone();
    let csp = headers["content-security-policy"].to_str().expect("csp");
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"));
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert_eq!(headers["cache-control"], "no-store");
    assert!(input_value(&html, "csrf").is_some_and(|c| c.len() == 43));
    assert!(
        html.contains(r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#)
    );
    assert!(!html.contains("<script"), "pages work without JavaScript");
    assert!(!html.contains("argon2"), "no password hash in the page");
    assert!(
        !html.contains("nonce-456") && !html.contains("state-123"),
        "flow secrets stay server-side"
    );

    // The session cookie: HttpOnly, SameSite=Lax; not Secure on plain-http loopback.
    let response = app.authorize(&browser(), &Authorize::native()).await;
    let cookie = response.headers()["set-cookie"].to_str().expect("cookie");
    assert!(cookie.starts_with("authgate="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn every_page_renders() {
    let app = spawn_app().await;
    for (path, status, marker) in [
        ("/demo", StatusCode::OK, "authgate demo"),
        ("/logout", StatusCode::OK, "You are signed out"),
        (
            "/no-such-page",
            StatusCode::NOT_FOUND,
            "There is no page at this address.",
        ),
        (
            "/oauth2/authorize",
            StatusCode::BAD_REQUEST,
            "does not say which app it comes from",
        ),
    ] {
        let response = app.get(&browser(), path).await;
        assert_eq!(response.status(), status, "{path}");
        assert!(
            response.text().await.expect("html").contains(marker),
            "{path}"
        );
    }
    let css = app.get(&app.browser, "/static/authgate.css").await;
    assert_eq!(css.status(), StatusCode::OK);
}

/// Every kind of answer: a redirect, a page, an error page, JSON, a JSON error, a static file.
async fn hsts_of_every_kind_of_answer(app: &TestApp) -> Vec<(String, Option<String>)> {
    let client = browser();
    let mut answers = Vec::new();
    let token_error = Client::new()
        .post(app.url("/oauth2/token"))
        .form(&[("grant_type", "refresh_token"), ("client_id", "demo")])
        .send()
        .await
        .expect("token");
    let mut responses = vec![("POST /oauth2/token".to_string(), token_error)];
    let authorize = format!("/oauth2/authorize?{}", Authorize::native().query());
    for path in [
        authorize.as_str(),
        "/oauth2/authorize",
        "/no-such-page",
        "/.well-known/jwks.json",
        "/healthz",
        "/static/authgate.css",
    ] {
        responses.push((format!("GET {path}"), app.get(&client, path).await));
    }
    for (what, response) in responses {
        let hsts = response
            .headers()
            .get("strict-transport-security")
            .map(|v| v.to_str().expect("ascii").to_string());
        answers.push((what, hsts));
    }
    answers
}

#[tokio::test]
async fn an_https_issuer_sends_hsts_on_every_response() {
    // Arrange: the issuer a proxy in front serves over https (no demo page, no demo password).
    let app = spawn_app_edited("", |config| {
        let config = config
            .lines()
            .map(|l| {
                if l.starts_with("issuer = ") {
                    "issuer = \"https://login.example.com\""
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            .replace("enabled = true", "enabled = false");
        format!("allow_published_demo_password = true\n{config}")
    })
    .await;

    // Act
    let answers = hsts_of_every_kind_of_answer(&app).await;

    // Assert
    for (what, hsts) in answers {
        assert_eq!(
            hsts.as_deref(),
            Some("max-age=31536000; includeSubDomains"),
            "{what}"
        );
    }
}

#[tokio::test]
async fn a_plain_http_loopback_issuer_sends_no_hsts() {
    let app = spawn_app().await;
    for (what, hsts) in hsts_of_every_kind_of_answer(&app).await {
        assert_eq!(hsts, None, "{what}");
    }
}
