//! Redirect URI rules: exact string matching, except the port of a loopback URI (RFC 8252 §7.3),
//! and building the redirect back to the app without re-parsing (so nothing gets normalised).
//!
//! Matching is done on strings, never on parsed URLs: a parser normalises `..`, percent-encoding
//! and case, and every such normalisation is a chance for the check and the browser to disagree.

use std::fmt;

/// Hosts whose `http` redirect URIs may use any port (RFC 8252 §7.3 and §8.3).
const LOOPBACK_PREFIXES: &[&str] = &["http://127.0.0.1", "http://[::1]", "http://localhost"];

/// Checks a URI from config: absolute, no fragment, plain http only on loopback, no userinfo.
pub fn validate_registered(uri: &str) -> Result<(), String> {
    let parsed = url::Url::parse(uri).map_err(|_| format!("`{uri}` is not an absolute URI"))?;
    if uri.contains('#') {
        return Err(format!("`{uri}` must not have a fragment"));
    }
    if uri.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("`{uri}` contains whitespace"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(format!("`{uri}` must not contain user information"));
    }
    match parsed.scheme() {
        "javascript" | "data" | "file" | "vbscript" | "blob" | "about" => Err(format!(
            "`{uri}`: scheme `{}` is not allowed",
            parsed.scheme()
        )),
        "http" if loopback_remainder(uri).is_none() => Err(format!(
            "`{uri}`: plain http is allowed only for 127.0.0.1, [::1] and localhost"
        )),
        _ => Ok(()),
    }
}

/// For `http://127.0.0.1:5000/cb?x` returns `("http://127.0.0.1", "/cb?x")`: the loopback
/// prefix and whatever follows an optional `:port`. `None` when `uri` is not loopback http.
fn loopback_remainder(uri: &str) -> Option<(&'static str, &str)> {
    for prefix in LOOPBACK_PREFIXES {
        let Some(rest) = uri.strip_prefix(prefix) else {
            continue;
        };
        let rest = match rest.strip_prefix(':') {
            Some(after_colon) => {
                let digits = after_colon.bytes().take_while(u8::is_ascii_digit).count();
                let port = &after_colon[..digits];
                if !(1..=5).contains(&digits) || port.parse::<u16>().map_or(true, |p| p == 0) {
                    return None;
                }
                &after_colon[digits..]
            }
            None => rest,
        };
        // The authority must end here; `http://127.0.0.1.evil.com` or `...@evil` are not loopback.
        if rest.is_empty() || rest.starts_with(['/', '?']) {
            return Some((prefix, rest));
        }
        return None;
    }
    None
}

/// The redirect URIs registered for one app, prepared for matching.
#[derive(Clone)]
pub struct RedirectUris {
    exact: Vec<String>,
    /// Loopback registrations with the port removed: (prefix, remainder).
    loopback: Vec<(&'static str, String)>,
}

impl fmt::Debug for RedirectUris {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(&self.exact).finish()
    }
}

impl RedirectUris {
    pub fn new(registered: &[String]) -> Result<Self, String> {
        let mut exact = Vec::new();
        let mut loopback = Vec::new();
        for uri in registered {
            validate_registered(uri)?;
            match loopback_remainder(uri) {
                Some((prefix, rest)) => loopback.push((prefix, rest.to_string())),
                None => exact.push(uri.clone()),
            }
        }
        Ok(Self { exact, loopback })
    }

    /// True when `requested` is registered, byte for byte, apart from a loopback port.
    pub fn allows(&self, requested: &str) -> bool {
        if self.exact.iter().any(|r| r == requested) {
            return true;
        }
        match loopback_remainder(requested) {
            Some((prefix, rest)) => self.loopback.iter().any(|(p, r)| *p == prefix && r == rest),
            None => false,
        }
    }
}

/// Appends query parameters to a validated redirect URI (which has no fragment).
pub fn with_query(redirect_uri: &str, params: &[(&str, &str)]) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in params {
        query.append_pair(name, value);
    }
    let query = query.finish();
    let separator = if redirect_uri.contains('?') { '&' } else { '?' };
    format!("{redirect_uri}{separator}{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uris() -> RedirectUris {
        RedirectUris::new(&[
            "myapp://callback".to_string(),
            "http://127.0.0.1/callback".to_string(),
            "https://app.example.com/cb".to_string(),
        ])
        .expect("valid")
    }

    #[test]
    fn registered_uris_match_exactly() {
        let u = uris();
        assert!(u.allows("myapp://callback"));
        assert!(u.allows("https://app.example.com/cb"));
        assert!(u.allows("http://127.0.0.1/callback"));
    }

    #[test]
    fn loopback_matches_any_port_and_nothing_else() {
        let u = uris();
        assert!(u.allows("http://127.0.0.1:51234/callback"));
        assert!(u.allows("http://127.0.0.1:1/callback"));
        for bad in [
            "http://127.0.0.1:0/callback",
            "http://127.0.0.1:99999/callback",
            "http://127.0.0.1:/callback",
            "http://127.0.0.1:80@evil.example/callback",
            "http://127.0.0.1.evil.example/callback",
            "http://127.0.0.1:5000/callback/../x",
            "http://127.0.0.1:5000/callbackx",
            "http://127.0.0.1:5000/Callback",
            "http://[::1]:5000/callback",
            "https://127.0.0.1:5000/callback",
        ] {
            assert!(!u.allows(bad), "{bad} must not match");
        }
    }

    #[test]
    fn look_alikes_are_refused() {
        let u = uris();
        for bad in [
            "myapp://callback.evil",
            "myapp://callback/../x",
            "myapp://callback/",
            "myapp://callback%2F..%2Fx",
            "myapp%3A%2F%2Fcallback",
            "MYAPP://callback",
            "myapp://callback?x=1",
            "myapp://callback#x",
            "myapp://evil@callback",
            "https://app.example.com:444/cb",
            "https://app.example.com/cb/",
            "https://app.example.com/cb?next=https://evil",
            "https://app.example.com.evil/cb",
            "https://app.example.com/CB",
            "",
        ] {
            assert!(!u.allows(bad), "{bad} must not match");
        }
    }

    #[test]
    fn registration_rules() {
        assert!(validate_registered("myapp://callback").is_ok());
        assert!(validate_registered("http://localhost:3000/cb").is_ok());
        assert!(validate_registered("http://example.com/cb").is_err());
        assert!(validate_registered("javascript:alert(1)").is_err());
        assert!(validate_registered("https://a.example/cb#f").is_err());
        assert!(validate_registered("https://u:p@a.example/cb").is_err());
        assert!(validate_registered("/relative").is_err());
    }

    #[test]
    fn query_is_appended_without_touching_the_uri() {
        assert_eq!(
            with_query("myapp://callback", &[("code", "a b"), ("state", "x&y")]),
            "myapp://callback?code=a+b&state=x%26y"
        );
        assert_eq!(
            with_query("https://a.example/cb?v=1", &[("code", "c")]),
            "https://a.example/cb?v=1&code=c"
        );
    }
}
