//! An app's look on the hosted pages (`[apps.branding]`): logo, favicon, colours and an extra
//! stylesheet, all read (or fetched) once at start and served by authgate itself under
//! content-hashed addresses (`/branding/{hash}.{ext}`), and the terms-of-use and privacy links.
//!
//! Why a separately served stylesheet and not a nonce'd inline `<style>`: the pages have no
//! nonce today and their CSP (`style-src 'self'`, no script at all) stays exactly as it is. The
//! colours become custom properties in a small CSS file generated at start, followed by the
//! operator's extra CSS, linked after the base stylesheet; one more cached request per app.
//! Images come from our own origin too (`img-src 'self'`): a logo given as an https URL is
//! fetched at start and served like a file, so no third party sees a page being shown.
//!
//! The handler that learns which app a page is for says so ([`follow`]); every page rendered
//! after, error pages included, wears that app's branding ([`current`]).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Arc;

/// The largest logo, favicon or extra stylesheet accepted: a sign-in page on a phone should not
/// wait for a big picture.
pub const MAX_ASSET: usize = 256 * 1024;
/// A year: the address changes whenever the content does.
const CACHE_FOREVER: &str = "public, max-age=31536000, immutable";

/// A file authgate serves for an app's branding.
#[derive(Debug, Clone)]
pub struct Asset {
    pub content_type: &'static str,
    pub bytes: bytes::Bytes,
}

/// What a branded page shows beyond the default look; every address is authgate's own
/// (`/branding/…`) or, for the links, the app's https page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Branding {
    /// The app's name: the logo's `alt`.
    pub name: String,
    pub logo: Option<String>,
    /// Address and `type` of the favicon.
    pub favicon: Option<(String, &'static str)>,
    /// Custom properties and the extra CSS, after the base stylesheet.
    pub stylesheet: Option<String>,
    pub terms_url: Option<String>,
    pub privacy_url: Option<String>,
    /// The app's own words for the pages' templates (`locales_dir`).
    pub words: Option<Arc<crate::web::i18n::AppWords>>,
}

impl Branding {
    pub fn has_links(&self) -> bool {
        self.terms_url.is_some() || self.privacy_url.is_some()
    }
}

/// Every app's branding and the files it serves, built once at start.
#[derive(Debug, Default)]
pub struct BrandingSet {
    apps: HashMap<String, Arc<Branding>>,
    assets: HashMap<String, Asset>,
}

impl BrandingSet {
    /// Keeps `asset` and returns its address.
    pub fn add(&mut self, asset: Asset) -> String {
        let hash = Sha256::digest(&asset.bytes);
        let name = format!(
            "{}.{}",
            hash[..8]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>(),
            extension(asset.content_type)
        );
        let address = format!("/branding/{name}");
        self.assets.insert(name, asset);
        address
    }

    /// Gives the app with this client id its branding.
    pub fn insert(&mut self, client_id: &str, branding: Branding) {
        self.apps.insert(client_id.to_string(), Arc::new(branding));
    }

    /// The branding of the app with this client id, if it has any.
    pub fn for_app(&self, client_id: &str) -> Option<Arc<Branding>> {
        self.apps.get(client_id).cloned()
    }
}

fn extension(content_type: &str) -> &'static str {
    match content_type {
        "image/png" => "png",
        "image/svg+xml" => "svg",
        "image/jpeg" => "jpg",
        "image/webp" => "webp",
        "image/x-icon" => "ico",
        _ => "css",
    }
}

/// A logo given as an address rather than a file.
pub fn is_url(logo: &str) -> bool {
    logo.contains("://")
}

/// What kind of image `bytes` is, by its first bytes (not by the file's name): PNG, SVG, JPEG
/// or WebP, and for a favicon also ICO.
pub fn sniff_image(bytes: &[u8], favicon: bool) -> Result<&'static str, String> {
    let text_start = std::str::from_utf8(&bytes[..bytes.len().min(1024)])
        .ok()
        .map(|t| t.trim_start_matches('\u{feff}').trim_start());
    let kind = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        "image/jpeg"
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        "image/webp"
    } else if favicon && bytes.starts_with(&[0, 0, 1, 0]) {
        "image/x-icon"
    } else if text_start.is_some_and(|t| {
        (t.starts_with("<svg") || t.starts_with("<?xml") || t.starts_with("<!--"))
            && std::str::from_utf8(bytes).is_ok_and(|all| all.contains("<svg"))
    }) {
        "image/svg+xml"
    } else if favicon {
        return Err("not a PNG, SVG, JPEG, WebP or ICO image".into());
    } else {
        return Err("not a PNG, SVG, JPEG or WebP image".into());
    };
    Ok(kind)
}

fn check_size(len: usize) -> Result<(), String> {
    if len > MAX_ASSET {
        return Err(format!(
            "{len} bytes is more than the {} KiB allowed",
            MAX_ASSET / 1024
        ));
    }
    if len == 0 {
        return Err("the file is empty".into());
    }
    Ok(())
}

/// Reads an image file for a logo (or, `favicon`, a favicon): it must exist, be no bigger than
/// [`MAX_ASSET`] and be one of the image kinds [`sniff_image`] knows.
pub fn read_image(path: &std::path::Path, favicon: bool) -> Result<Asset, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    check_size(bytes.len()).map_err(|e| format!("{}: {e}", path.display()))?;
    let content_type =
        sniff_image(&bytes, favicon).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Asset {
        content_type,
        bytes: bytes.into(),
    })
}

/// Reads the extra stylesheet: UTF-8, no bigger than [`MAX_ASSET`].
pub fn read_stylesheet(path: &std::path::Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    check_size(bytes.len()).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| format!("{}: is not UTF-8 text", path.display()))
}

/// Fetches a logo given as an https URL (plain http only on loopback, for tests) with `client`
/// (which follows no redirects), once, with the same checks as a file.
pub async fn fetch_logo(client: &reqwest::Client, url: &str) -> Result<Asset, String> {
    let response = client
        .get(url)
        .send()
        .await
        .map_err(|e| format!("cannot fetch {url}: {e}"))?;
    if !response.status().is_success() {
        return Err(format!("cannot fetch {url}: HTTP {}", response.status()));
    }
    if response
        .content_length()
        .is_some_and(|len| len > MAX_ASSET as u64)
    {
        return Err(format!("{url}: more than {} KiB", MAX_ASSET / 1024));
    }
    let bytes = response
        .bytes()
        .await
        .map_err(|e| format!("cannot fetch {url}: {e}"))?;
    check_size(bytes.len()).map_err(|e| format!("{url}: {e}"))?;
    let content_type = sniff_image(&bytes, false).map_err(|e| format!("{url}: {e}"))?;
    Ok(Asset {
        content_type,
        bytes,
    })
}

/// One colour scheme's colours, each `#rgb` or `#rrggbb` when set.
#[derive(Debug, Clone, Copy, Default)]
pub struct Palette<'a> {
    pub primary: Option<&'a str>,
    pub background: Option<&'a str>,
    pub text: Option<&'a str>,
}

/// `#rgb` or `#rrggbb` as red, green, blue; nothing else (no names, no `url()`, no `;`).
pub fn parse_colour(value: &str) -> Result<[u8; 3], String> {
    let refuse = || format!("`{value}` is not a colour: write #rgb or #rrggbb");
    let hex = value.strip_prefix('#').ok_or_else(refuse)?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(refuse());
    }
    let digit = |i: usize, n: usize| u8::from_str_radix(&hex[i..i + n], 16).map_err(|_| refuse());
    match hex.len() {
        3 => Ok([digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17]),
        6 => Ok([digit(0, 2)?, digit(2, 2)?, digit(4, 2)?]),
        _ => Err(refuse()),
    }
}

/// WCAG relative luminance.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn css_hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The custom properties one colour scheme's colours set. The button's text is white or black,
/// whichever reads better on the primary colour; its hover moves away from that text colour, so
/// it never reads worse; links take the primary colour.
fn properties(colours: &Palette<'_>, scheme: &str) -> Result<Vec<String>, String> {
    let mut lines = Vec::new();
    let parse = |name: &str, value: Option<&str>| {
        value
            .map(parse_colour)
            .transpose()
            .map_err(|e| format!("{scheme}.{name}: {e}"))
    };
    if let Some(primary) = parse("primary", colours.primary)? {
        const WHITE: [u8; 3] = [255, 255, 255];
        const BLACK: [u8; 3] = [0, 0, 0];
        let on = if contrast(primary, WHITE) >= contrast(primary, BLACK) {
            WHITE
        } else {
            BLACK
        };
        let away = if on == WHITE { BLACK } else { WHITE };
        let hover: Vec<u8> = (0..3)
            .map(|i| ((f64::from(primary[i]) * 0.8) + (f64::from(away[i]) * 0.2)).round() as u8)
            .collect();
        let hover = [hover[0], hover[1], hover[2]];
        lines.push(format!("--ag-primary: {};", css_hex(primary)));
        lines.push(format!("--ag-primary-hover: {};", css_hex(hover)));
        lines.push(format!("--ag-on-primary: {};", css_hex(on)));
        lines.push(format!("--ag-link: {};", css_hex(primary)));
    }
    if let Some(background) = parse("background", colours.background)? {
        lines.push(format!("--ag-background: {};", css_hex(background)));
    }
    if let Some(text) = parse("text", colours.text)? {
        lines.push(format!("--ag-text: {};", css_hex(text)));
    }
    Ok(lines)
}

/// The app's stylesheet: its colours as custom properties, light ones for every page that is
/// not dark, dark ones for `prefers-color-scheme: dark`, then the operator's extra CSS. `None`
/// when there is neither. `Err` names the colour at fault (`light.primary: …`).
pub fn stylesheet(
    client_id: &str,
    light: &Palette<'_>,
    dark: &Palette<'_>,
    extra: Option<&str>,
) -> Result<Option<String>, String> {
    let light = properties(light, "light")?;
    let dark = properties(dark, "dark")?;
    if light.is_empty() && dark.is_empty() && extra.is_none() {
        return Ok(None);
    }
    let mut css = format!("/* {client_id}: generated by authgate from [apps.branding] */\n");
    // Not a bare `:root`: it would beat the base stylesheet's dark theme for the colours the
    // app sets only for light.
    for (rules, media) in [
        (light, "not (prefers-color-scheme: dark)"),
        (dark, "(prefers-color-scheme: dark)"),
    ] {
        if !rules.is_empty() {
            css.push_str(&format!("@media {media} {{\n  :root {{\n"));
            for rule in rules {
                css.push_str(&format!("    {rule}\n"));
            }
            css.push_str("  }\n}\n");
        }
    }
    if let Some(extra) = extra {
        css.push_str("/* [apps.branding] stylesheet */\n");
        css.push_str(extra);
        if !extra.ends_with('\n') {
            css.push('\n');
        }
    }
    Ok(Some(css))
}

/// Checks one scheme's colours; `Err` names the colour (`light.primary: …`).
pub fn check_palette(colours: &Palette<'_>, scheme: &str) -> Result<(), String> {
    properties(colours, scheme).map(|_| ())
}

/// A logo address: https (plain http only on loopback, where tests serve one).
pub fn check_logo_url(value: &str) -> Result<(), String> {
    let url = url::Url::parse(value).map_err(|_| format!("`{value}` is not an absolute URL"))?;
    let loopback = matches!(url.host_str(), Some("127.0.0.1" | "[::1]" | "localhost"));
    if url.scheme() == "https" || (url.scheme() == "http" && loopback) {
        Ok(())
    } else {
        Err(format!(
            "`{value}` must be https (or a file path); authgate fetches it once at start"
        ))
    }
}

/// A terms-of-use or privacy link: an absolute https URL.
pub fn check_link(value: &str) -> Result<(), String> {
    match url::Url::parse(value) {
        Ok(url) if url.scheme() == "https" && url.host_str().is_some() => Ok(()),
        _ => Err(format!("`{value}` must be an absolute https URL")),
    }
}

tokio::task_local! {
    static CURRENT: std::cell::RefCell<Option<Arc<Branding>>>;
}

/// Middleware: a place for the handler to say which app the request's pages are for.
pub async fn remember(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    CURRENT
        .scope(std::cell::RefCell::new(None), next.run(request))
        .await
}

/// The request being handled is for an app with this branding (`None`: the default look);
/// every page it renders from now on wears it. Outside a request, nothing happens.
pub fn follow(branding: Option<Arc<Branding>>) {
    let _ = CURRENT.try_with(|cell| *cell.borrow_mut() = branding);
}

/// The branding of the request being handled, once its handler knows the app.
pub fn current() -> Option<Arc<Branding>> {
    CURRENT
        .try_with(|cell| cell.borrow().clone())
        .ok()
        .flatten()
}

/// `GET /branding/{name}`: a logo, favicon or stylesheet of an app's branding, cached for a
/// year (its name changes with its content).
pub fn serve(set: &BrandingSet, name: &str) -> Response {
    match set.assets.get(name) {
        Some(asset) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(asset.content_type),
                ),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static(CACHE_FOREVER),
                ),
            ],
            asset.bytes.clone(),
        )
            .into_response(),
        None => crate::web::page::error(StatusCode::NOT_FOUND, crate::web::page::Msg::NoSuchPage),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_hash_and_three_or_six_hex_digits_only() {
        assert_eq!(parse_colour("#fff"), Ok([255, 255, 255]));
        assert_eq!(parse_colour("#0B6e4F"), Ok([11, 110, 79]));
        for bad in [
            "fff",
            "#ffff",
            "#12345g",
            "red",
            "#fff;}body{",
            "",
            "#",
            "url(x)",
            "#ｆｆｆ",
        ] {
            assert!(parse_colour(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn images_are_known_by_their_first_bytes() {
        assert_eq!(
            sniff_image(b"\x89PNG\r\n\x1a\nrest", false),
            Ok("image/png")
        );
        assert_eq!(
            sniff_image(&[0xff, 0xd8, 0xff, 0xe0], false),
            Ok("image/jpeg")
        );
        assert_eq!(
            sniff_image(b"RIFF\0\0\0\0WEBPVP8 ", false),
            Ok("image/webp")
        );
        assert_eq!(
            sniff_image(b"  <?xml version=\"1.0\"?><svg xmlns=\"x\"/>", false),
            Ok("image/svg+xml")
        );
        assert_eq!(sniff_image(&[0, 0, 1, 0, 1], true), Ok("image/x-icon"));
        assert!(sniff_image(&[0, 0, 1, 0, 1], false).is_err());
        assert!(sniff_image(b"GIF89a", false).is_err());
        assert!(sniff_image(b"<html><script>", false).is_err());
    }

    #[test]
    fn the_stylesheet_keeps_light_colours_out_of_dark_mode_and_picks_readable_button_text() {
        let light = Palette {
            primary: Some("#0b6e4f"),
            background: None,
            text: Some("#123"),
        };
        let dark = Palette {
            primary: Some("#5fd3a8"),
            background: Some("#0f1714"),
            text: None,
        };
        let css = stylesheet("acme", &light, &dark, Some("h1 { letter-spacing: 0 }"))
            .unwrap()
            .unwrap();
        let (light, dark) = css
            .split_once("@media (prefers-color-scheme: dark) {")
            .unwrap();
        assert!(
            light.contains("@media not (prefers-color-scheme: dark)"),
            "{css}"
        );
        assert!(light.contains("--ag-primary: #0b6e4f;"), "{css}");
        assert!(light.contains("--ag-on-primary: #ffffff;"), "{css}");
        assert!(light.contains("--ag-text: #112233;"), "{css}");
        assert!(dark.contains("--ag-primary: #5fd3a8;"), "{css}");
        assert!(dark.contains("--ag-on-primary: #000000;"), "{css}");
        assert!(dark.contains("--ag-background: #0f1714;"), "{css}");
        assert!(css.ends_with("h1 { letter-spacing: 0 }\n"), "{css}");
        assert_eq!(
            stylesheet("acme", &Palette::default(), &Palette::default(), None),
            Ok(None)
        );
    }
}
