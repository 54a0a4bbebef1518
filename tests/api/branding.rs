//! `[apps.branding]`: a branded app's pages carry its logo, colours, favicon, stylesheet and
//! links, served by authgate under content-hashed addresses; every other app's pages look as
//! before; the CSP is the same on both; bad values stop start-up naming the key.

use crate::support::app::{Authorize, TestApp, alert_text, browser, spawn_app_with};
use authgate::config::Settings;
use authgate::startup::Application;
use reqwest::StatusCode;
use tempfile::TempDir;

/// The pages' one CSP, branded or not: no nonce, no inline style, nothing from elsewhere.
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
                   frame-ancestors 'none'; base-uri 'none'";

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0b6e4f"/></svg>"##;

/// Logo, favicon and extra stylesheet files for the branded app.
fn brand_files() -> TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("logo.svg"), LOGO).expect("logo");
    std::fs::write(
        dir.path().join("favicon.png"),
        b"\x89PNG\r\n\x1a\nnot really a picture",
    )
    .expect("favicon");
    std::fs::write(
        dir.path().join("extra.css"),
        "h1 { letter-spacing: .01em }\n",
    )
    .expect("css");
    dir
}

/// A third app, `acme` (`acme://cb`), branded with the files in `dir`; `more` is added to its
/// `[[apps]]` table.
fn branded_app(dir: &TempDir, more: &str) -> String {
    let path = |name: &str| dir.path().join(name).display().to_string();
    format!(
        r##"
[[apps]]
client_id = "acme"
name = "Acme Notes"
redirect_uris = ["acme://cb", "http://127.0.0.1/cb"]
logout_uris = []
providers = ["local"]
scopes = ["openid"]
{more}

[apps.branding]
logo = "{logo}"
favicon = "{favicon}"
stylesheet = "{css}"
terms_url = "https://acme.example/terms"
privacy_url = "https://acme.example/privacy"

[apps.branding.light]
primary = "#0b6e4f"
background = "#eef5f1"
text = "#10231c"

[apps.branding.dark]
primary = "#5fd3a8"
background = "#0c1512"
text = "#e3f1ea"
"##,
        logo = path("logo.svg"),
        favicon = path("favicon.png"),
        css = path("extra.css"),
    )
}

fn acme() -> Authorize {
    Authorize {
        client_id: "acme".into(),
        redirect_uri: "acme://cb".into(),
        ..Authorize::native()
    }
}

/// The value of the first `attr="…"` after `after` in `html`.
fn attr_after(html: &str, after: &str, attr: &str) -> Option<String> {
    let rest = &html[html.find(after)?..];
    let needle = format!("{attr}=\"");
    let value = &rest[rest.find(&needle)? + needle.len()..];
    Some(value[..value.find('"')?].to_string())
}

async fn get_ok(app: &TestApp, path: &str) -> reqwest::Response {
    let response = app.get(&app.browser, path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response
}

#[tokio::test]
async fn a_branded_apps_sign_in_page_wears_its_logo_colours_favicon_and_links() {
    // Arrange
    let files = brand_files();
    let app = spawn_app_with(&branded_app(&files, "")).await;

    // Act
    let (page_url, html) = app.open_sign_in(&app.browser, &acme()).await;
    let page = app.get(&app.browser, &page_url).await;

    // Assert: the page links authgate's stylesheet, then the app's; its logo, named by the app;
    // its favicon; its terms and privacy links.
    assert_eq!(page.headers()["content-security-policy"], CSP);
    let base = html
        .find(r#"href="/static/authgate.css""#)
        .expect("base css");
    let branded_css = html[base..]
        .split("<link rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the app's stylesheet after authgate's")
        .to_string();
    assert!(
        branded_css.starts_with("/branding/") && branded_css.ends_with(".css"),
        "{html}"
    );
    let logo = attr_after(&html, r#"<img class="logo""#, "src").expect("a logo");
    assert!(
        logo.starts_with("/branding/") && logo.ends_with(".svg"),
        "{logo}"
    );
    assert_eq!(
        attr_after(&html, r#"<img class="logo""#, "alt").as_deref(),
        Some("Acme Notes")
    );
    let favicon = attr_after(&html, r#"<link rel="icon""#, "href").expect("favicon");
    assert!(
        favicon.starts_with("/branding/") && favicon.ends_with(".png"),
        "{favicon}"
    );
    assert_eq!(
        attr_after(&html, r#"<link rel="icon""#, "type").as_deref(),
        Some("image/png")
    );
    assert!(
        html.contains(r#"<a href="https://acme.example/terms">Terms of use</a>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<a href="https://acme.example/privacy">Privacy policy</a>"#),
        "{html}"
    );
    assert!(
        !html.contains("<style") && !html.contains(" style="),
        "no inline style: {html}"
    );

    // The stylesheet: the colours for light and for dark, then the extra CSS; cached for good.
    let response = get_ok(&app, &branded_css).await;
    assert_eq!(
        response.headers()["content-type"],
        "text/css; charset=utf-8"
    );
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.headers()["content-security-policy"], CSP);
    let sheet = response.text().await.expect("css");
    let (light, dark) = sheet
        .split_once("@media (prefers-color-scheme: dark)")
        .expect("a dark block");
    assert!(light.contains("--ag-primary: #0b6e4f;"), "{sheet}");
    assert!(light.contains("--ag-background: #eef5f1;"), "{sheet}");
    assert!(dark.contains("--ag-primary: #5fd3a8;"), "{sheet}");
    assert!(dark.contains("--ag-text: #e3f1ea;"), "{sheet}");
    assert!(dark.ends_with("h1 { letter-spacing: .01em }\n"), "{sheet}");

    // The logo and favicon, as they were on disk.
    let response = get_ok(&app, &logo).await;
    assert_eq!(response.headers()["content-type"], "image/svg+xml");
    assert_eq!(response.text().await.expect("svg"), LOGO);
    let response = get_ok(&app, &favicon).await;
    assert_eq!(response.headers()["content-type"], "image/png");

    // Anything else under /branding/ is the usual 404 page.
    let missing = app
        .get(&app.browser, "/branding/0000000000000000.svg")
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn another_apps_pages_keep_the_default_look_and_the_same_csp() {
    // Arrange: the branded app exists, but the sign-in is for the demo app.
    let files = brand_files();
    let app = spawn_app_with(&branded_app(&files, "")).await;

    // Act
    let (page_url, html) = app.open_sign_in(&app.browser, &Authorize::native()).await;
    let page = app.get(&app.browser, &page_url).await;

    // Assert
    assert_eq!(page.headers()["content-security-policy"], CSP);
    assert!(!html.contains("/branding/"), "{html}");
    assert!(!html.contains(r#"class="logo""#), "{html}");
    assert!(!html.contains("acme.example"), "{html}");
    assert!(html.contains(r#"<link rel="icon" href="/favicon.svg" type="image/svg+xml">"#));
    // An error page with no app: the default look too.
    let error = app.get(&app.browser, "/no/such/page").await;
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert!(!error.text().await.expect("html").contains("/branding/"));
}

#[tokio::test]
async fn the_apps_refusals_and_its_signed_out_page_wear_its_branding() {
    // Arrange
    let files = brand_files();
    let app = spawn_app_with(&branded_app(&files, "")).await;

    // Act: an authorize request of the app with a redirect URI it did not register (a page,
    // not a redirect), and its logout without a registered logout URI.
    let refused = app
        .authorize(
            &app.browser,
            &Authorize {
                redirect_uri: "acme://elsewhere".into(),
                ..acme()
            },
        )
        .await;
    let signed_out = app.get(&app.browser, "/logout?client_id=acme").await;

    // Assert
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let html = refused.text().await.expect("html");
    assert!(
        html.contains(r#"<img class="logo" src="/branding/"#),
        "{html}"
    );
    assert_eq!(signed_out.status(), StatusCode::OK);
    let html = signed_out.text().await.expect("html");
    assert!(
        html.contains(r#"<img class="logo" src="/branding/"#),
        "{html}"
    );
    assert!(html.contains("Acme Notes"), "{html}");
    assert!(html.contains("https://acme.example/privacy"), "{html}");
}

/// Settings for one branded app whose logo is `logo`, on a free port.
fn with_logo(logo: &str) -> (TempDir, String) {
    let dir = tempfile::tempdir().expect("tmp");
    let config = format!(
        r#"listen = "127.0.0.1:0"
issuer = "http://127.0.0.1:9"
data_dir = "{data}"
[[providers]]
id = "local"
kind = "local"
[[apps]]
client_id = "acme"
name = "Acme Notes"
redirect_uris = ["acme://cb"]
providers = ["local"]
scopes = ["openid"]
[apps.branding]
logo = "{logo}"
"#,
        data = dir.path().join("data").display()
    );
    (dir, config)
}

fn load(config: &str) -> Result<Settings, authgate::config::ConfigError> {
    Settings::load(
        config,
        std::iter::empty(),
        &authgate::connectors::PROVIDER_KINDS,
    )
}

#[tokio::test]
async fn a_logo_url_that_is_not_https_is_refused_at_start() {
    let (_dir, config) = with_logo("http://cdn.example.com/acme.svg");
    let problems = load(&config).expect_err("refused").to_string();
    assert!(
        problems.contains("apps[0].branding.logo: `http://cdn.example.com/acme.svg` must be https"),
        "{problems}"
    );
}

/// A loopback server with one picture at `/logo.png` (and nothing else).
async fn picture_server() -> String {
    let router = axum::Router::new().route(
        "/logo.png",
        axum::routing::get(|| async { b"\x89PNG\r\n\x1a\na picture".to_vec() }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, router).await });
    address
}

#[tokio::test]
async fn a_logo_url_is_fetched_once_at_start_and_served_by_authgate() {
    // Arrange
    let pictures = picture_server().await;
    let files = brand_files();
    let config = branded_app(&files, "").replace(
        &files.path().join("logo.svg").display().to_string(),
        &format!("{pictures}/logo.png"),
    );

    // Act
    let app = spawn_app_with(&config).await;
    let (_, html) = app.open_sign_in(&app.browser, &acme()).await;

    // Assert: the page names authgate's copy, never the other host.
    assert!(!html.contains(&pictures), "{html}");
    let logo = attr_after(&html, r#"<img class="logo""#, "src").expect("a logo");
    assert!(
        logo.starts_with("/branding/") && logo.ends_with(".png"),
        "{logo}"
    );
    let response = get_ok(&app, &logo).await;
    assert_eq!(
        response.bytes().await.expect("png").as_ref(),
        b"\x89PNG\r\n\x1a\na picture"
    );
}

#[tokio::test]
async fn a_logo_url_that_cannot_be_fetched_stops_start_up_naming_the_key() {
    let pictures = picture_server().await;
    let (_dir, config) = with_logo(&format!("{pictures}/missing.png"));
    let settings = load(&config).expect("the address itself is fine");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let error = Application::build_with_listener(settings, listener)
        .await
        .err()
        .expect("start-up refused")
        .to_string();
    assert!(
        error.contains("apps[0].branding.logo: cannot fetch"),
        "{error}"
    );
    assert!(error.contains("404"), "{error}");
}

#[tokio::test]
async fn an_apps_own_words_are_said_on_its_pages_only() {
    // Arrange: acme's own heading in English, from its locales_dir.
    let files = brand_files();
    let words = files.path().join("words");
    std::fs::create_dir_all(words.join("en")).expect("dir");
    std::fs::write(
        words.join("en/acme.ftl"),
        "sign-in-to-app = Welcome back to { $app }\n",
    )
    .expect("ftl");
    let config = branded_app(&files, "").replace(
        "[apps.branding]\n",
        &format!("[apps.branding]\nlocales_dir = \"{}\"\n", words.display()),
    );
    let app = spawn_app_with(&config).await;

    // Act
    let (_, acme_page) = app.open_sign_in(&app.browser, &acme()).await;
    let (_, demo_page) = app.open_sign_in(&app.browser, &Authorize::native()).await;

    // Assert
    assert!(
        acme_page.contains("<h1>Welcome back to Acme Notes</h1>"),
        "{acme_page}"
    );
    assert!(
        demo_page.contains("<h1>Sign in to Demo app</h1>"),
        "{demo_page}"
    );
}

#[tokio::test]
async fn an_apps_own_sentence_for_an_error_is_said_on_its_error_pages_only() {
    // Arrange: acme words the expired-form error its own way.
    let files = brand_files();
    let words = files.path().join("words");
    std::fs::create_dir_all(words.join("en")).expect("dir");
    std::fs::write(
        words.join("en/acme.ftl"),
        "msg-form-expired = This Acme form timed out. Open Acme Notes and sign in again.\n",
    )
    .expect("ftl");
    let config = branded_app(&files, "").replace(
        "[apps.branding]\n",
        &format!("[apps.branding]\nlocales_dir = \"{}\"\n", words.display()),
    );
    let app = spawn_app_with(&config).await;

    // Act: each app's password form posted with a CSRF token that is not its own.
    let mut said = Vec::new();
    for request in [acme(), Authorize::native()] {
        let client = browser();
        let (page_url, _) = app.open_sign_in(&client, &request).await;
        let response = app
            .post_password(&client, &page_url, Some("not-the-token"), "alice", "pw")
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        said.push(alert_text(&response.text().await.expect("html")));
    }

    // Assert
    assert_eq!(
        said,
        [
            "This Acme form timed out. Open Acme Notes and sign in again.",
            "This form has expired. Go back to the app and start again.",
        ]
    );
}

#[tokio::test]
async fn an_apps_words_that_do_not_parse_are_refused_naming_the_key() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("fr")).expect("dir");
    std::fs::write(dir.path().join("fr/acme.ftl"), "button-sign-in = { $oops\n").expect("ftl");
    let (_data, config) = with_logo("https://cdn.example.com/acme.svg");
    let config = config.replace(
        "logo = \"https://cdn.example.com/acme.svg\"",
        &format!("locales_dir = \"{}\"", dir.path().display()),
    );
    let problems = load(&config).expect_err("refused").to_string();
    assert!(
        problems.contains("apps[0].branding.locales_dir: ")
            && problems.contains("acme.ftl: does not parse"),
        "{problems}"
    );
}
