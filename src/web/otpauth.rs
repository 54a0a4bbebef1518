//! The authenticator-app setup picture: the `otpauth://` URI a TOTP secret is handed over in,
//! and its QR code as an inline SVG. Shared by the sign-in's MFA setup step and the account
//! pages' own setup.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// `otpauth://` as authenticator apps read it (Google's Key Uri Format).
pub fn otpauth_uri(issuer: &str, account: &str, secret: &str) -> String {
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}",
        enc(issuer),
        enc(account),
        enc(secret),
        enc(issuer)
    )
}

/// The QR code of `data` as base64 SVG for a `data:` image (empty if it does not fit one).
pub fn qr_svg_base64(data: &str) -> String {
    match qrcode::QrCode::new(data.as_bytes()) {
        Ok(code) => STANDARD.encode(
            code.render::<qrcode::render::svg::Color>()
                .min_dimensions(200, 200)
                .build(),
        ),
        Err(_) => String::new(),
    }
}
