//! A Cognito pool's pages (against moto) in the sign-in's language: the sign-in page, the
//! pool's refusal of a wrong password and the MFA code page, with `<html lang dir>`, in German,
//! Japanese and Arabic, and unchanged in English.

use crate::support::app::*;
use crate::support::moto::{self, Pool};
use crate::support::pool::PASSWORD;
use crate::support::pool::*;
use aws_sdk_cognitoidentityprovider::types::SmsMfaSettingsType;
use reqwest::StatusCode;

/// What each page must say in one language.
struct Expected {
    lang: &'static str,
    html: &'static str,
    remember_device: &'static str,
    bad_credentials: &'static str,
    sms_heading: &'static str,
    code_label: &'static str,
}

const LANGUAGES: &[Expected] = &[
    Expected {
        lang: "en",
        html: r#"<html lang="en" dir="ltr">"#,
        remember_device: "Remember this device",
        bad_credentials: "Incorrect username or password.",
        sms_heading: "Enter the code we texted you",
        code_label: ">Code</label>",
    },
    Expected {
        lang: "de",
        html: r#"<html lang="de" dir="ltr">"#,
        remember_device: "Dieses Gerät merken",
        bad_credentials: "Benutzername oder Passwort ist falsch.",
        sms_heading: "Code aus der SMS eingeben",
        code_label: ">Code</label>",
    },
    Expected {
        lang: "ja",
        html: r#"<html lang="ja" dir="ltr">"#,
        remember_device: "このデバイスを記憶する",
        bad_credentials: "ユーザー名またはパスワードが正しくありません。",
        sms_heading: "SMS で届いたコードを入力",
        code_label: ">コード</label>",
    },
    Expected {
        lang: "ar",
        html: r#"<html lang="ar" dir="rtl">"#,
        remember_device: "تذكّر هذا الجهاز",
        bad_credentials: "اسم المستخدم أو كلمة المرور غير صحيحة.",
        sms_heading: "أدخل الرمز الذي أرسلناه في رسالة نصية",
        code_label: ">الرمز</label>",
    },
];

/// A moto pool with one user whose sign-in asks for a texted code.
async fn sms_mfa_user() -> (Pool, String) {
    let pool = moto::create_pool(false).await;
    let username = format!("user{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    moto::create_user(&pool, &username, PASSWORD).await;
    moto::idp_client()
        .await
        .admin_set_user_mfa_preference()
        .user_pool_id(&pool.id)
        .username(&username)
        .sms_mfa_settings(
            SmsMfaSettingsType::builder()
                .enabled(true)
                .preferred_mfa(true)
                .build(),
        )
        .send()
        .await
        .expect("AdminSetUserMFAPreference");
    (pool, username)
}

#[tokio::test]
async fn sign_in_wrong_password_and_mfa_pages_speak_the_sign_ins_language() {
    let (pool, username) = sms_mfa_user().await;
    let app = spawn_for_pool(pool, r#"auth_flow = "USER_PASSWORD_AUTH""#).await;

    for expected in LANGUAGES {
        let lang = expected.lang;
        let client = browser();
        let request = pool_request("poolapp").with("lang", lang);

        // The sign-in page.
        let page = app.open(&client, &request).await;
        assert!(page.html.contains(expected.html), "{lang}: {}", page.html);
        assert!(
            page.html.contains(expected.remember_device),
            "{lang}: {}",
            page.html
        );

        // The pool refuses a wrong password: the refusal is in the language too.
        let wrong = app
            .sign_in_form(&client, &page, &username, "Wrong-password-1", false)
            .await;
        assert_eq!(wrong.status(), StatusCode::OK, "{lang}");
        let html = wrong.text().await.expect("html");
        assert!(html.contains(expected.html), "{lang}: {html}");
        assert!(html.contains(expected.bad_credentials), "{lang}: {html}");

        // The MFA challenge page.
        let response = app
            .sign_in_form(&client, &page, &username, PASSWORD, false)
            .await;
        let challenge = app.follow(&client, response).await;
        assert_eq!(challenge.status, StatusCode::OK, "{lang}");
        assert!(
            challenge.html.contains(expected.html),
            "{lang}: {}",
            challenge.html
        );
        assert!(
            challenge
                .html
                .contains(&format!("<h1>{}</h1>", expected.sms_heading)),
            "{lang}: {}",
            challenge.html
        );
        assert!(
            challenge.html.contains(expected.code_label),
            "{lang}: {}",
            challenge.html
        );
        if lang != "en" {
            for english in ["texted you", "Incorrect username", "Remember this device"] {
                assert!(
                    !challenge.html.contains(english) && !html.contains(english),
                    "{lang}: English `{english}` left on a page"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_language_not_offered_leaves_the_pool_pages_in_english() {
    let (pool, username) = sms_mfa_user().await;
    let app = spawn_for_pool(pool, r#"auth_flow = "USER_PASSWORD_AUTH""#).await;
    let client = browser();
    let request = pool_request("poolapp").with("lang", "xx-Hostile");

    let page = app.open(&client, &request).await;
    let wrong = app
        .sign_in_form(&client, &page, &username, "Wrong-password-1", false)
        .await;

    assert!(
        page.html.contains(r#"<html lang="en" dir="ltr">"#),
        "{}",
        page.html
    );
    let html = wrong.text().await.expect("html");
    assert!(html.contains("Incorrect username or password."), "{html}");
}

#[tokio::test]
async fn the_apps_ui_locales_carries_through_the_pool_pages_and_their_errors() {
    let (pool, username) = sms_mfa_user().await;
    let app = spawn_for_pool(pool, r#"auth_flow = "USER_PASSWORD_AUTH""#).await;
    let client = browser();
    let request = pool_request("poolapp").with("ui_locales", "xx ko");

    let page = app.open(&client, &request).await;
    let wrong = app
        .sign_in_form(&client, &page, &username, "Wrong-password-1", false)
        .await;
    // A form without its CSRF token: an error page, of this sign-in.
    let expired = client
        .post(app.app.url(&page.url))
        .header("accept-language", "ar")
        .form(&[("username", username.as_str())])
        .send()
        .await
        .expect("post");

    assert!(
        page.html.contains(r#"<html lang="ko" dir="ltr">"#),
        "{}",
        page.html
    );
    let html = wrong.text().await.expect("html");
    assert!(
        html.contains("사용자 이름 또는 비밀번호가 올바르지 않습니다."),
        "{html}"
    );
    assert_eq!(expired.status(), StatusCode::FORBIDDEN);
    let html = expired.text().await.expect("html");
    assert!(html.contains(r#"<html lang="ko" dir="ltr">"#), "{html}");
}
