//! Which language a page is shown in, and the language picker's cookie.
//!
//! The order, first that names an offered language wins:
//! 1. `lang` the app put on the authorize request (kept with the sign-in request), or `lang`
//!    on the page's own address;
//! 2. OIDC `ui_locales` the app put on the authorize request (its first offered language, kept
//!    with the sign-in request);
//! 3. the language cookie the picker sets (plain links to [`choose`], no JavaScript);
//! 4. OIDC `ui_locales` on the page's address (the authorize request's own pages);
//! 5. `Accept-Language`;
//! 6. English.
//!
//! The app's `ui_locales` ranks ahead of the cookie as in Keycloak (`DefaultLocaleSelector
//! Provider`: `kc_locale`, the user's profile, the client's `ui_locales`, then the cookie,
//! then `Accept-Language`); Cognito reads no `ui_locales` (its `lang` fixes the language, and
//! a cookie remembers it). Like `lang`, it hides the picker: a cookie could not change it.
//!
//! A handler that loads a sign-in's request says so ([`follow_sign_in`]), so that every page
//! it renders after, error pages included, follows what that sign-in asked for.
//!
//! Matching is by the whole tag, then Chinese by script or region (`zh-Hant`, `zh-TW`, `zh-HK`
//! → `zh-TW`; other `zh` → `zh-CN`), then by the primary subtag (`fr-CA` → `fr`, `pt` →
//! `pt-BR`). Anything else is ignored, never an error, and every input is length-limited.
//!
//! [`remember`] (middleware) reads what the request says into a task-local, so that a page
//! rendered anywhere, an error page included, is in the language of its request.

use crate::web::i18n::{self, Language};
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// No language tag worth reading is longer (BCP 47 allows more; nobody sends it).
const MAX_TAG: usize = 35;
/// `Accept-Language` and `ui_locales` beyond this are not read (the first ones count most).
const MAX_LIST: usize = 512;
/// At most this many entries of a list are tried.
const MAX_ENTRIES: usize = 16;
/// The picker's way back: a path on this host, no longer than this.
const MAX_BACK: usize = 2048;
/// A year: the choice is a person's, not a session's.
const COOKIE_MAX_AGE: u64 = 365 * 24 * 60 * 60;

/// The cookie's name: `__Host-` (Secure, host-only, `Path=/`) when cookies are Secure, as the
/// session cookie's ([`crate::web::session_cookie::name`]).
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-authgate-lang"
    } else {
        "authgate-lang"
    }
}

/// The offered language `tag` asks for, if any.
pub fn matching(tag: &str) -> Option<&'static Language> {
    let tag = tag.trim();
    if tag.is_empty() || tag.len() > MAX_TAG {
        return None;
    }
    let tag = tag.replace('_', "-").to_ascii_lowercase();
    if let Some(exact) = i18n::enabled().find(|l| l.code.eq_ignore_ascii_case(&tag)) {
        return Some(exact);
    }
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or_default();
    if primary == "zh" {
        let traditional = subtags.any(|s| matches!(s, "hant" | "tw" | "hk" | "mo"));
        return i18n::find(if traditional { "zh-TW" } else { "zh-CN" });
    }
    i18n::enabled().find(|l| {
        l.code
            .split('-')
            .next()
            .is_some_and(|p| p.eq_ignore_ascii_case(primary))
    })
}

/// The first offered language of an `Accept-Language` header, by quality (equal qualities in
/// the order sent; `q=0` means "not this one").
fn from_accept_language(header: &str) -> Option<&'static Language> {
    let header = &header[..header.floor_char_boundary(MAX_LIST)];
    let mut ranked: Vec<(u16, &str)> = header
        .split(',')
        .take(MAX_ENTRIES)
        .filter_map(|entry| {
            let mut parts = entry.split(';');
            let tag = parts.next()?.trim();
            let quality =
                parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1000), |q| {
                        q.trim()
                            .parse::<f32>()
                            .ok()
                            .map(|q| (q.clamp(0.0, 1.0) * 1000.0) as u16)
                    })?;
            (quality > 0).then_some((quality, tag))
        })
        .collect();
    ranked.sort_by_key(|&(quality, _)| std::cmp::Reverse(quality));
    ranked.into_iter().find_map(|(_, tag)| matching(tag))
}

/// The first offered language of a space-separated list (`ui_locales`); the list is read no
/// further than [`MAX_LIST`] bytes and [`MAX_ENTRIES`] tags.
pub fn from_list(list: &str) -> Option<&'static Language> {
    let list = &list[..list.floor_char_boundary(MAX_LIST)];
    list.split_whitespace().take(MAX_ENTRIES).find_map(matching)
}

/// What one request says about its language, read once by [`remember`].
#[derive(Debug, Clone, Default)]
pub struct Preferences {
    /// `lang` on the page's address.
    query_lang: Option<&'static Language>,
    cookie: Option<&'static Language>,
    ui_locales: Option<&'static Language>,
    accept_language: Option<&'static Language>,
    /// The page's own address (path and query), for the picker's way back: GET pages only,
    /// since a form's answer cannot be asked for again by a link.
    back: Option<String>,
}

/// The language chosen for a page, and whether the picker may change it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub language: &'static Language,
    /// The address the picker's links come back to; `None` hides the picker (the app or the
    /// address fixed the language, so a cookie could not change it, or the page answers a form).
    pub back: Option<String>,
}

impl Preferences {
    fn read(request: &Request, secure: bool) -> Self {
        let query = request.uri().query().unwrap_or("");
        let (mut query_lang, mut ui_locales) = (None, None);
        if query.len() <= 8192 {
            for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
                match name.as_ref() {
                    "lang" => query_lang = query_lang.or_else(|| matching(&value)),
                    "ui_locales" => ui_locales = ui_locales.or_else(|| from_list(&value)),
                    _ => {}
                }
            }
        }
        let headers = request.headers();
        let back = (request.method() == Method::GET)
            .then(|| {
                request
                    .uri()
                    .path_and_query()
                    .map(|pq| pq.as_str().to_string())
            })
            .flatten()
            .filter(|back| safe_back(back));
        Self {
            query_lang,
            cookie: cookie(headers, secure),
            ui_locales,
            accept_language: headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(from_accept_language),
            back,
        }
    }

    /// The language for a page of a sign-in that `asked` for languages (none: not a sign-in's
    /// page, or it did not ask).
    pub fn choose(&self, asked: Asked) -> Choice {
        let fixed = asked.lang.or(self.query_lang).or(asked.ui_locales);
        if let Some(language) = fixed {
            return Choice {
                language,
                back: None,
            };
        }
        let language = self
            .cookie
            .or(self.ui_locales)
            .or(self.accept_language)
            .unwrap_or(i18n::ENGLISH);
        Choice {
            language,
            back: self.back.clone(),
        }
    }
}

fn cookie(headers: &HeaderMap, secure: bool) -> Option<&'static Language> {
    let prefix = format!("{}=", cookie_name(secure));
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(prefix.as_str()))
        .and_then(i18n::find)
}

/// A path on this host: not `//host` or `/\host` (browsers read both as another host), no
/// control characters.
fn safe_back(back: &str) -> bool {
    back.len() <= MAX_BACK
        && back.starts_with('/')
        && !back.starts_with("//")
        && !back.starts_with("/\\")
        && !back.chars().any(char::is_control)
}

/// What a sign-in asked for on its authorize request: its `lang`, and its `ui_locales`'
/// first offered language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Asked {
    lang: Option<&'static Language>,
    ui_locales: Option<&'static Language>,
}

impl Asked {
    /// From the stored request's `lang` and `ui_locales` (anything not offered is ignored).
    pub fn new(lang: Option<&str>, ui_locales: Option<&str>) -> Self {
        Self {
            lang: lang.and_then(matching),
            ui_locales: ui_locales.and_then(from_list),
        }
    }
}

tokio::task_local! {
    static CURRENT: Preferences;
    static SIGN_IN: std::cell::Cell<Asked>;
}

/// What the request being handled on this task says (nothing, outside a request).
pub fn current() -> Preferences {
    CURRENT.try_with(Clone::clone).unwrap_or_default()
}

/// The request being handled belongs to a sign-in that asked for `asked`: the pages it renders
/// from now on follow it (outside a request, nothing happens).
pub fn follow_sign_in(asked: Asked) {
    let _ = SIGN_IN.try_with(|cell| cell.set(asked));
}

/// What the sign-in of the request being handled asked for (nothing, before it is known).
pub fn sign_in() -> Asked {
    SIGN_IN.try_with(std::cell::Cell::get).unwrap_or_default()
}

/// Middleware: reads the request's language preferences for the pages it renders. `secure` is
/// whether cookies are Secure (the issuer is https).
pub async fn remember(State(secure): State<bool>, request: Request, next: Next) -> Response {
    let preferences = Preferences::read(&request, secure);
    let sign_in = SIGN_IN.scope(std::cell::Cell::new(Asked::default()), next.run(request));
    CURRENT.scope(preferences, sign_in).await
}

#[derive(Deserialize)]
pub struct Back {
    back: Option<String>,
}

/// `GET /language/{code}?back=/page`: the picker's link. Sets the cookie (for an offered
/// language; anything else is ignored) and goes back to the page, which is then shown in it.
pub fn choose(secure: bool, Path(code): Path<String>, Query(back): Query<Back>) -> Response {
    let back = back
        .back
        .filter(|b| safe_back(b))
        .unwrap_or_else(|| "/".to_string());
    let Ok(location) = HeaderValue::from_str(&back) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response();
    if let Some(language) = i18n::find(&code) {
        let mut cookie = format!(
            "{}={}; Path=/; Max-Age={COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax",
            cookie_name(secure),
            language.code
        );
        if secure {
            cookie.push_str("; Secure");
        }
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(l: Option<&'static Language>) -> Option<&'static str> {
        l.map(|l| l.code)
    }

    #[test]
    fn tags_match_whole_then_by_primary_subtag() {
        assert_eq!(code(matching("ja")), Some("ja"));
        assert_eq!(code(matching("JA-jp")), Some("ja"));
        assert_eq!(code(matching("ar_EG")), Some("ar"));
        assert_eq!(code(matching("pt")), Some("pt-BR"));
        assert_eq!(code(matching("pt-br")), Some("pt-BR"));
        assert_eq!(code(matching("zh-Hant")), Some("zh-TW"));
        assert_eq!(code(matching("zh-Hant-HK")), Some("zh-TW"));
        assert_eq!(code(matching("zh-HK")), Some("zh-TW"));
        assert_eq!(code(matching("zh-Hans")), Some("zh-CN"));
        assert_eq!(code(matching("zh")), Some("zh-CN"));
        assert_eq!(code(matching("zh-SG")), Some("zh-CN"));
        assert_eq!(code(matching("xx")), None);
        assert_eq!(code(matching("")), None);
        assert_eq!(code(matching(&"j".repeat(100))), None);
    }

    #[test]
    fn accept_language_is_read_by_quality() {
        assert_eq!(
            code(from_accept_language("xx, ja;q=0.5, ar;q=0.8")),
            Some("ar")
        );
        assert_eq!(code(from_accept_language("ar;q=0, ja")), Some("ja"));
        assert_eq!(code(from_accept_language("*")), None);
        assert_eq!(code(from_accept_language("ja;q=nonsense")), None);
    }

    #[test]
    fn the_order_is_lang_stored_ui_locales_cookie_ui_locales_accept_language() {
        let ja = i18n::find("ja");
        let ar = i18n::find("ar");
        let everything = Preferences {
            query_lang: None,
            cookie: ar,
            ui_locales: ja,
            accept_language: ja,
            back: Some("/signin/x".into()),
        };
        let lang = |code| Asked::new(Some(code), None);
        assert_eq!(everything.choose(lang("ja")).language.code, "ja");
        assert_eq!(everything.choose(lang("ja")).back, None);
        assert_eq!(everything.choose(lang("xx")).language.code, "ar");
        let none = Asked::default();
        assert_eq!(everything.choose(none).back.as_deref(), Some("/signin/x"));
        // The sign-in's ui_locales: after its lang, ahead of the cookie, and no picker.
        let both = Asked::new(Some("de"), Some("ko ja"));
        assert_eq!(everything.choose(both).language.code, "de");
        let ui = Asked::new(None, Some("xx ko"));
        assert_eq!(everything.choose(ui).language.code, "ko");
        assert_eq!(everything.choose(ui).back, None);
        let no_cookie = Preferences {
            cookie: None,
            ui_locales: ar,
            ..everything.clone()
        };
        assert_eq!(no_cookie.choose(none).language.code, "ar");
        assert_eq!(Preferences::default().choose(none).language.code, "en");
    }

    #[test]
    fn hostile_ui_locales_fall_back_without_an_error() {
        let long = format!("{} ja", "x".repeat(10_000));
        assert_eq!(code(from_list(&long)), None);
        let many = format!("{}ja", "xx ".repeat(MAX_ENTRIES));
        assert_eq!(code(from_list(&many)), None);
        assert_eq!(
            code(from_list(&format!("{}ja", "xx ".repeat(3)))),
            Some("ja")
        );
        for garbage in [
            "\u{0}\u{7f}",
            "ja\nar",
            "<script>",
            "-- ;;",
            "日本語",
            "ja-",
        ] {
            // Never a panic; a tag that is not one of ours is no language.
            let _ = from_list(garbage);
        }
        assert_eq!(code(from_list("<script>")), None);
        assert_eq!(code(from_list("\u{0}\u{7f}")), None);
        // Cut in the middle of a character: no panic.
        let multibyte = "é".repeat(MAX_LIST);
        assert_eq!(code(from_list(&multibyte)), None);
    }

    #[test]
    fn the_cookie_is_secure_and_host_only_with_an_https_issuer() {
        let response = choose(
            true,
            Path("ja".into()),
            Query(Back {
                back: Some("/signin/x".into()),
            }),
        );
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()[header::LOCATION], "/signin/x");
        let cookie = response.headers()[header::SET_COOKIE]
            .to_str()
            .unwrap_or_default();
        assert!(
            cookie.starts_with("__Host-authgate-lang=ja; Path=/;"),
            "{cookie}"
        );
        assert!(
            cookie.ends_with("; HttpOnly; SameSite=Lax; Secure"),
            "{cookie}"
        );
    }

    #[test]
    fn the_way_back_stays_on_this_host() {
        assert!(safe_back("/signin/abc?x=1"));
        assert!(!safe_back("//evil.example/"));
        assert!(!safe_back("/\\evil.example/"));
        assert!(!safe_back("https://evil.example/"));
        assert!(!safe_back("/a\nb"));
    }
}
