//! The pages' languages: chosen from `lang`, the picker's cookie, `ui_locales` and
//! `Accept-Language`, with `<html lang dir>` to match, and English when nothing matches.

use crate::support::app::*;
use reqwest::StatusCode;

/// The sign-in page for `request`, fetched with `accept_language` if any.
async fn sign_in_page(app: &TestApp, request: &Authorize, accept_language: Option<&str>) -> String {
    let response = app.authorize(&app.browser, request).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let mut get = app.browser.get(app.url(&location(&response)));
    if let Some(value) = accept_language {
        get = get.header("accept-language", value);
    }
    let page = get.send().await.expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    page.text().await.expect("html")
}

#[tokio::test]
async fn lang_ja_shows_the_sign_in_page_in_japanese() {
    let app = spawn_app().await;

    let html = sign_in_page(&app, &Authorize::native().with("lang", "ja"), None).await;

    assert!(html.contains(r#"<html lang="ja" dir="ltr">"#), "{html}");
    assert!(html.contains("ユーザー名"), "{html}");
    assert!(html.contains("パスワード"), "{html}");
    assert!(!html.contains(">Username<"), "{html}");
}

#[tokio::test]
async fn lang_ar_is_right_to_left() {
    let app = spawn_app().await;

    let html = sign_in_page(&app, &Authorize::native().with("lang", "ar"), None).await;

    assert!(html.contains(r#"<html lang="ar" dir="rtl">"#), "{html}");
    assert!(html.contains("اسم المستخدم"), "{html}");
}

#[tokio::test]
async fn accept_language_picks_french_by_its_primary_subtag() {
    let app = spawn_app().await;

    for header in ["fr-CA,fr;q=0.9", "fr-CA", "xx, en;q=0.1, fr-BE;q=0.8"] {
        let html = sign_in_page(&app, &Authorize::native(), Some(header)).await;

        assert!(
            html.contains(r#"<html lang="fr" dir="ltr">"#),
            "{header}: {html}"
        );
        assert!(html.contains("Nom d’utilisateur"), "{header}: {html}");
    }
}

#[tokio::test]
async fn ui_locales_chooses_the_language_of_the_authorize_requests_own_page() {
    let app = spawn_app().await;
    let mut request = Authorize::native().with("ui_locales", "xx ja");
    request.client_id = "unknown".into();

    let response = app.authorize(&app.browser, &request).await;

    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let html = response.text().await.expect("html");
    assert!(html.contains(r#"<html lang="ja" dir="ltr">"#), "{html}");
}

#[tokio::test]
async fn the_picker_sets_a_cookie_and_the_page_follows_it() {
    let app = spawn_app().await;
    let response = app.authorize(&app.browser, &Authorize::native()).await;
    let page_url = location(&response);
    let html = app
        .get(&app.browser, &page_url)
        .await
        .text()
        .await
        .expect("html");
    assert!(html.contains(r#"<html lang="en" dir="ltr">"#), "{html}");
    let link = format!(
        "/language/ja?back={}",
        url::form_urlencoded::byte_serialize(page_url.as_bytes()).collect::<String>()
    );
    assert!(
        html.contains(&link.replace('&', "&amp;")),
        "no picker link {link}: {html}"
    );

    let chosen = app.get(&app.browser, &link).await;

    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&chosen), page_url);
    let cookie = chosen.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(cookie.starts_with("authgate-lang=ja;"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http issuer: {cookie}");
    let html = app
        .get(&app.browser, &page_url)
        .await
        .text()
        .await
        .expect("html");
    assert!(html.contains(r#"<html lang="ja" dir="ltr">"#), "{html}");
    assert!(html.contains("ユーザー名"), "{html}");
    // The cookie outranks Accept-Language, and lang outranks the cookie.
    let html = sign_in_page(&app, &Authorize::native(), Some("ar")).await;
    assert!(html.contains(r#"<html lang="ja""#), "{html}");
    let html = sign_in_page(&app, &Authorize::native().with("lang", "ar"), None).await;
    assert!(html.contains(r#"<html lang="ar""#), "{html}");
}

#[tokio::test]
async fn the_picker_goes_back_only_to_this_host_and_ignores_unknown_languages() {
    let app = spawn_app().await;

    let away = app
        .get(&app.browser, "/language/ja?back=//evil.example/")
        .await;
    let unknown = app.get(&app.browser, "/language/xx?back=/signin/x").await;

    assert_eq!(away.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&away), "/");
    assert_eq!(unknown.status(), StatusCode::SEE_OTHER);
    assert!(unknown.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn an_unknown_lang_gives_english_without_an_error() {
    let app = spawn_app().await;

    let html = sign_in_page(&app, &Authorize::native().with("lang", "xx"), None).await;

    assert!(html.contains(r#"<html lang="en" dir="ltr">"#), "{html}");
    assert!(html.contains(">Username<"), "{html}");
}

#[tokio::test]
async fn an_error_page_is_in_the_requested_language() {
    let app = spawn_app().await;
    let mut request = Authorize::native().with("lang", "ja");
    request.client_id = "unknown".into();

    let response = app.authorize(&app.browser, &request).await;

    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let html = response.text().await.expect("html");
    assert!(html.contains(r#"<html lang="ja" dir="ltr">"#), "{html}");
    assert!(html.contains("サインインの問題"), "{html}");
    assert!(
        html.contains("移動元のアプリは登録されていません。"),
        "{html}"
    );
    assert!(!html.contains("not registered"), "{html}");
}

#[tokio::test]
async fn ui_locales_is_kept_with_the_sign_in_ahead_of_the_cookie_and_accept_language() {
    let app = spawn_app().await;
    // A cookie for Arabic from an earlier choice.
    let chosen = app.get(&app.browser, "/language/ar?back=/").await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);

    let html = sign_in_page(
        &app,
        &Authorize::native().with("ui_locales", "xx-YY ja-JP de"),
        Some("fr"),
    )
    .await;

    assert!(html.contains(r#"<html lang="ja" dir="ltr">"#), "{html}");
    assert!(html.contains("ユーザー名"), "{html}");
    // The app fixed the language: no picker whose cookie could not change it.
    assert!(!html.contains("/language/"), "{html}");
    // `lang` still outranks it.
    let html = sign_in_page(
        &app,
        &Authorize::native()
            .with("ui_locales", "ja")
            .with("lang", "de"),
        None,
    )
    .await;
    assert!(html.contains(r#"<html lang="de" dir="ltr">"#), "{html}");
}

#[tokio::test]
async fn a_hostile_ui_locales_falls_back_cleanly() {
    let app = spawn_app().await;
    let long = "x".repeat(4000);
    let many = format!("{}ja", "qq ".repeat(40));
    let garbage = "\u{0}<script>alert(1)</script> ;; \u{202e}ar--";
    for value in [long.as_str(), many.as_str(), garbage, "", "*"] {
        // Never an error: the sign-in goes on, in the browser's language.
        let html = sign_in_page(
            &app,
            &Authorize::native().with("ui_locales", value),
            Some("fr"),
        )
        .await;

        assert!(
            html.contains(r#"<html lang="fr" dir="ltr">"#),
            "{value:?}: {html}"
        );
        assert!(!html.contains("<script>alert"), "{value:?}");
    }
    // Without any other preference: English.
    let html = sign_in_page(&app, &Authorize::native().with("ui_locales", &long), None).await;
    assert!(html.contains(r#"<html lang="en" dir="ltr">"#), "{html}");
}

/// `authgate serve` with `[ui] locales_dir` holding `files` (language, text of `fix.ftl`);
/// the process's output when it must not start.
pub(crate) fn serve_with_overrides(
    dir: &tempfile::TempDir,
    files: &[(&str, &str)],
) -> (std::path::PathBuf, String) {
    let locales = dir.path().join("locales");
    for (lang, text) in files {
        std::fs::create_dir_all(locales.join(lang)).expect("mkdir");
        std::fs::write(locales.join(lang).join("fix.ftl"), text).expect("write");
    }
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("probe");
        probe.local_addr().expect("addr").port()
    };
    let extra = format!("\n[ui]\nlocales_dir = \"{}\"\n", locales.display());
    let config = dir.path().join("authgate.toml");
    std::fs::write(&config, format!("{}{extra}", test_config(dir, port, ""))).expect("config");
    (config, locales.display().to_string())
}

#[tokio::test]
async fn an_operators_override_changes_a_word_without_a_build() {
    let dir = tempfile::tempdir().expect("tmp");
    let (config, _) = serve_with_overrides(&dir, &[("ja", "button-sign-in = ログインする\n")]);
    let server = crate::support::binary::start(&config);
    let app = TestApp::remote(&server.address);

    let html = sign_in_page(&app, &Authorize::native().with("lang", "ja"), None).await;

    assert!(html.contains("ログインする"), "{html}");
    assert!(html.contains("ユーザー名"), "the rest as shipped: {html}");
    let english = sign_in_page(&app, &Authorize::native(), None).await;
    assert!(english.contains(">Sign in<"), "{english}");
}
