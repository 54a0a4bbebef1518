//! `GET /oauth2/authorize` as protocol logic (RFC 6749 §4.1.1, RFC 7636, OIDC Core §3.1.2):
//! which requests are acceptable, which errors may be redirected, and issuing the code.
//!
//! The first two checks decide who gets told about an error: until `client_id` and
//! `redirect_uri` are known to belong together, nothing is redirected anywhere (§4.1.2.1).

use crate::apps::AppRegistry;
use crate::oauth::error::ErrorCode;
use crate::pkce;
use crate::redirect_uri::with_query;
use crate::store::{AuthRequest, IdpHint};
use std::collections::HashMap;

/// The longest value accepted of each parameter that is stored with the request (or forwarded
/// upstream): what is stored is bounded. The app's own values get room; the others are short
/// words or names (a language tag, prompt values, an IdP name), so 256 is already generous.
const MAX_LEN: &[(&str, usize)] = &[
    ("state", 2048),
    ("nonce", 2048),
    ("login_hint", 2048),
    ("lang", 256),
    ("prompt", 256),
    ("identity_provider", 256),
    ("idp_identifier", 256),
    ("max_age", 256),
];

/// Cognito's `identity_provider` / `idp_identifier` for the user pool's own sign-in.
const COGNITO: &str = "COGNITO";

/// The request parameters of RFC 6749, RFC 7636, OIDC and Cognito that we read.
const KNOWN: &[&str] = &[
    "response_type",
    "client_id",
    "redirect_uri",
    "state",
    "scope",
    "nonce",
    "code_challenge",
    "code_challenge_method",
    "identity_provider",
    "idp_identifier",
    "prompt",
    "login_hint",
    "lang",
    "ui_locales",
    "max_age",
    // Read only to be refused: request objects are not supported (OIDC Core §6).
    "request",
    "request_uri",
];

/// A request that passed every check, ready to become an [`AuthRequest`].
#[derive(Debug, Clone)]
pub struct ValidRequest {
    pub client_id: String,
    pub redirect_uri: String,
    pub scopes: Vec<String>,
    pub state: Option<String>,
    pub nonce: Option<String>,
    pub code_challenge: Option<String>,
    pub identity_provider: Option<String>,
    pub idp_hint: Option<IdpHint>,
    pub prompt: Prompt,
    /// The `prompt` value as sent, for upstream providers. Never `none` as validated: that is
    /// set only on a request sent on to a SAML provider, as `IsPassive` ([`Shortcut::Passive`]).
    ///
    /// [`Shortcut::Passive`]: crate::flow::begin::Shortcut::Passive
    pub prompt_value: Option<String>,
    pub login_hint: Option<String>,
    pub lang: Option<String>,
    /// The first language of OIDC `ui_locales` the pages are offered in, as its code: what is
    /// kept is one known tag, whatever the app sent (a long or garbled list gives `None`).
    pub ui_locales: Option<String>,
    /// OIDC `max_age`: the longest time (seconds) since the user last entered credentials for
    /// a single sign-on session to be reused; see [`fresh_enough`].
    pub max_age: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// Reuse a single sign-on session when there is one.
    Default,
    /// Always ask for credentials.
    Login,
    /// Never show a page: a code from the session or `login_required`.
    None,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AuthorizeError {
    /// Client or redirect URI unknown: shown on a page, never redirected.
    Page(String),
    /// Sent back to the (validated) redirect URI as `error`, `error_description`, `state`, `iss`.
    Redirect {
        redirect_uri: String,
        state: Option<String>,
        code: ErrorCode,
        description: String,
    },
}

/// Parses the query string once (no second decoding), refusing repeated parameters.
pub fn parse_query(raw: &str) -> (HashMap<String, String>, Vec<String>) {
    let mut params = HashMap::new();
    let mut repeated = Vec::new();
    for (name, value) in url::form_urlencoded::parse(raw.as_bytes()) {
        if !KNOWN.contains(&name.as_ref()) {
            continue;
        }
        if params
            .insert(name.to_string(), value.into_owned())
            .is_some()
        {
            repeated.push(name.to_string());
        }
    }
    (params, repeated)
}

pub fn validate(raw_query: &str, apps: &AppRegistry) -> Result<ValidRequest, AuthorizeError> {
    let (params, repeated) = parse_query(raw_query);
    let get = |name: &str| {
        params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };

    if repeated
        .iter()
        .any(|p| p == "client_id" || p == "redirect_uri")
    {
        return Err(AuthorizeError::Page(
            "The app's sign-in request names the app or the way back to it twice. Tell the app's support.".into(),
        ));
    }
    let client_id = get("client_id").ok_or_else(|| {
        AuthorizeError::Page(
            "The sign-in request does not say which app it comes from. Tell the app's support."
                .into(),
        )
    })?;
    let app = apps.get(client_id).ok_or_else(|| {
        AuthorizeError::Page("The app that sent you here is not registered.".into())
    })?;
    let redirect_uri = get("redirect_uri")
        .ok_or_else(|| AuthorizeError::Page("The sign-in request does not say where to send you afterwards. Tell the app's support.".into()))?;
    if !app.redirect_uris.allows(redirect_uri) {
        return Err(AuthorizeError::Page(
            "The app asked to send you back to an address it has not registered, so signing in cannot go on. Tell the app's support.".into(),
        ));
    }

    let state = get("state").map(str::to_string);
    let fail = |code: ErrorCode, description: &str| AuthorizeError::Redirect {
        redirect_uri: redirect_uri.to_string(),
        state: state.clone(),
        code,
        description: description.to_string(),
    };

    if let Some(name) = repeated.first() {
        return Err(fail(
            ErrorCode::InvalidRequest,
            &format!("parameter `{name}` is repeated"),
        ));
    }
    // Request objects would carry parameters we would then ignore; nothing is fetched.
    if get("request").is_some() {
        return Err(fail(
            ErrorCode::RequestNotSupported,
            "request objects (`request`) are not supported",
        ));
    }
    if get("request_uri").is_some() {
        return Err(fail(
            ErrorCode::RequestUriNotSupported,
            "`request_uri` is not supported",
        ));
    }
    for (name, max) in MAX_LEN {
        if get(name).is_some_and(|v| v.len() > *max) {
            return Err(fail(
                ErrorCode::InvalidRequest,
                &format!("`{name}` is too long (at most {max} bytes)"),
            ));
        }
    }
    match get("response_type") {
        None => return Err(fail(ErrorCode::InvalidRequest, "response_type is required")),
        Some("code") => {}
        Some(_) => {
            return Err(fail(
                ErrorCode::UnsupportedResponseType,
                "only response_type=code is supported",
            ));
        }
    }

    let challenge = get("code_challenge");
    match (challenge, get("code_challenge_method")) {
        (None, None) if app.is_public() => {
            return Err(fail(
                ErrorCode::InvalidRequest,
                "PKCE with code_challenge_method=S256 is required",
            ));
        }
        (None, None) => {}
        (Some(_), Some("S256")) => {}
        (Some(_), None) | (None, Some(_)) => {
            return Err(fail(
                ErrorCode::InvalidRequest,
                "code_challenge and code_challenge_method=S256 go together",
            ));
        }
        (Some(_), Some(_)) => {
            return Err(fail(
                ErrorCode::InvalidRequest,
                "only code_challenge_method=S256 is supported",
            ));
        }
    }
    if let Some(c) = challenge
        && !pkce::is_valid_s256_challenge(c)
    {
        return Err(fail(
            ErrorCode::InvalidRequest,
            "code_challenge is not a base64url SHA-256",
        ));
    }

    let scopes = app.grant_scopes(get("scope"));
    if scopes.is_empty() {
        return Err(fail(
            ErrorCode::InvalidScope,
            "none of the requested scopes is allowed for this app",
        ));
    }

    // `identity_provider` (or Cognito's `idp_identifier`) names one of the app's providers, or
    // else an IdP of the app's Cognito user pool, to which it is forwarded. `COGNITO` is
    // Cognito's name for "the pool's own sign-in" (Amplify sends it on every plain
    // `signInWithRedirect()`): the app's own sign-in here, unless it has a pool to forward to.
    let named = |p: &str| app.providers.iter().any(|x| x == p);
    let (identity_provider, idp_hint) = match (get("identity_provider"), get("idp_identifier")) {
        (Some(p), _) if named(p) => (Some(p.to_string()), None),
        (None, Some(p)) if named(p) => (Some(p.to_string()), None),
        (None, None) => (None, None),
        (Some(COGNITO), _) | (None, Some(COGNITO)) if app.idp_hint_provider.is_none() => {
            (None, None)
        }
        (ip, idp) => match &app.idp_hint_provider {
            Some(pool) => (
                Some(pool.clone()),
                Some(IdpHint {
                    identity_provider: ip.map(str::to_string),
                    idp_identifier: idp.map(str::to_string),
                }),
            ),
            None => {
                return Err(fail(
                    ErrorCode::InvalidRequest,
                    "identity_provider is not enabled for this app",
                ));
            }
        },
    };

    let max_age = match get("max_age") {
        None => None,
        // Digits only: `u64::from_str` would also take a leading `+`.
        Some(v) => match v.parse::<u64>() {
            Ok(seconds) if v.bytes().all(|b| b.is_ascii_digit()) => Some(seconds),
            _ => {
                return Err(fail(
                    ErrorCode::InvalidRequest,
                    "max_age must be a non-negative integer (seconds)",
                ));
            }
        },
    };

    let prompt = match get("prompt") {
        None => Prompt::Default,
        Some(value) => {
            let values: Vec<&str> = value.split(' ').filter(|v| !v.is_empty()).collect();
            if values.contains(&"none") && values.len() > 1 {
                return Err(fail(
                    ErrorCode::InvalidRequest,
                    "prompt=none cannot be combined",
                ));
            }
            if values.contains(&"none") {
                Prompt::None
            } else if values.contains(&"login") {
                Prompt::Login
            } else {
                // consent / select_account: nothing to consent to or select with local users.
                Prompt::Default
            }
        }
    };

    Ok(ValidRequest {
        client_id: client_id.to_string(),
        redirect_uri: redirect_uri.to_string(),
        scopes,
        state,
        nonce: get("nonce").map(str::to_string),
        code_challenge: challenge.map(str::to_string),
        identity_provider,
        idp_hint,
        prompt,
        prompt_value: get("prompt")
            .filter(|_| prompt != Prompt::None)
            .map(str::to_string),
        login_hint: get("login_hint").map(str::to_string),
        lang: get("lang").map(str::to_string),
        ui_locales: get("ui_locales")
            .and_then(crate::web::language::from_list)
            .map(|language| language.code.to_string()),
        max_age,
    })
}

/// OIDC Core §3.1.2.1: whether a single sign-on session whose credentials were entered at
/// `auth_time` may answer a request with `max_age` at `now` (Unix seconds). More than
/// `max_age` seconds ago is too old, and `max_age=0` always is (it means `prompt=login`).
pub fn fresh_enough(auth_time: i64, max_age: Option<u64>, now: i64) -> bool {
    match max_age {
        None => true,
        Some(0) => false,
        // A sign-in "in the future" (the clock stepped back) is as fresh as can be.
        Some(max_age) => {
            u64::try_from(now.saturating_sub(auth_time)).map_or(true, |elapsed| elapsed <= max_age)
        }
    }
}

impl ValidRequest {
    pub fn into_auth_request(self, browser_binding: String) -> AuthRequest {
        AuthRequest {
            client_id: self.client_id,
            redirect_uri: self.redirect_uri,
            scopes: self.scopes,
            state: self.state,
            nonce: self.nonce,
            code_challenge: self.code_challenge,
            identity_provider: self.identity_provider,
            login_hint: self.login_hint,
            lang: self.lang,
            ui_locales: self.ui_locales,
            prompt: self.prompt_value,
            max_age: self.max_age,
            browser_binding,
            upstream: None,
            idp_hint: self.idp_hint,
            pending_role: None,
            sso_session: None,
            origin: None,
        }
    }
}

/// The error redirect (RFC 6749 §4.1.2.1 plus RFC 9207 `iss`).
pub fn error_redirect(
    issuer: &str,
    redirect_uri: &str,
    state: Option<&str>,
    code: ErrorCode,
    description: &str,
) -> String {
    let mut params = vec![("error", code.as_str()), ("error_description", description)];
    if let Some(state) = state {
        params.push(("state", state));
    }
    params.push(("iss", issuer));
    with_query(redirect_uri, &params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{DEFAULT_CONFIG, Settings};

    fn apps() -> AppRegistry {
        let settings = Settings::load(
            DEFAULT_CONFIG,
            std::iter::empty(),
            &crate::connectors::PROVIDER_KINDS,
        )
        .expect("config");
        AppRegistry::from_settings(&settings).expect("apps")
    }

    const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    fn query(extra: &str) -> String {
        format!(
            "response_type=code&client_id=demo&redirect_uri=myapp%3A%2F%2Fcallback&state=s1&code_challenge={CHALLENGE}&code_challenge_method=S256{extra}"
        )
    }

    fn redirected_code(result: Result<ValidRequest, AuthorizeError>) -> ErrorCode {
        match result {
            Err(AuthorizeError::Redirect { code, state, .. }) => {
                assert_eq!(state.as_deref(), Some("s1"));
                code
            }
            other => panic!("expected a redirected error, got {other:?}"),
        }
    }

    #[test]
    fn a_good_request_is_accepted_with_default_scopes() {
        let valid = validate(&query(""), &apps()).expect("valid");
        assert_eq!(valid.redirect_uri, "myapp://callback");
        assert_eq!(valid.scopes, vec!["openid", "email", "profile"]);
        assert_eq!(valid.prompt, Prompt::Default);
    }

    #[test]
    fn unknown_client_or_redirect_is_a_page() {
        let apps = apps();
        for q in [
            "response_type=code&client_id=nope&redirect_uri=myapp%3A%2F%2Fcallback",
            "response_type=code&client_id=demo&redirect_uri=myapp%3A%2F%2Fcallback.evil",
            "response_type=code&client_id=demo",
            "response_type=code&redirect_uri=myapp%3A%2F%2Fcallback",
            "response_type=code&client_id=demo&client_id=demo&redirect_uri=myapp%3A%2F%2Fcallback",
            // A second decoding would turn this into the registered URI: we never decode twice.
            "response_type=code&client_id=demo&redirect_uri=myapp%253A%252F%252Fcallback",
        ] {
            assert!(
                matches!(validate(q, &apps), Err(AuthorizeError::Page(_))),
                "{q}"
            );
        }
    }

    #[test]
    fn protocol_errors_are_redirected_with_state() {
        let apps = apps();
        let base = "client_id=demo&redirect_uri=myapp%3A%2F%2Fcallback&state=s1";
        assert_eq!(
            redirected_code(validate(base, &apps)),
            ErrorCode::InvalidRequest
        );
        assert_eq!(
            redirected_code(validate(&format!("{base}&response_type=token"), &apps)),
            ErrorCode::UnsupportedResponseType
        );
        assert_eq!(
            redirected_code(validate(&format!("{base}&response_type=code"), &apps)),
            ErrorCode::InvalidRequest,
            "public client without PKCE"
        );
        assert_eq!(
            redirected_code(validate(
                &format!(
                    "{base}&response_type=code&code_challenge={CHALLENGE}&code_challenge_method=plain"
                ),
                &apps
            )),
            ErrorCode::InvalidRequest
        );
        assert_eq!(
            redirected_code(validate(
                &format!("{base}&response_type=code&code_challenge={CHALLENGE}"),
                &apps
            )),
            ErrorCode::InvalidRequest
        );
        assert_eq!(
            redirected_code(validate(&query("&scope=admin"), &apps)),
            ErrorCode::InvalidScope
        );
        assert_eq!(
            redirected_code(validate(&query("&identity_provider=Google"), &apps)),
            ErrorCode::InvalidRequest
        );
        assert_eq!(
            redirected_code(validate(&query("&prompt=none%20login"), &apps)),
            ErrorCode::InvalidRequest
        );
        assert_eq!(
            redirected_code(validate(&query("&nonce=a&nonce=b"), &apps)),
            ErrorCode::InvalidRequest
        );
    }

    #[test]
    fn cognito_names_the_apps_own_sign_in() {
        let apps = apps();
        for extra in [
            "&identity_provider=COGNITO",
            "&idp_identifier=COGNITO",
            "&identity_provider=COGNITO&idp_identifier=corp.example.com",
        ] {
            let valid = validate(&query(extra), &apps).expect(extra);
            assert_eq!(valid.identity_provider, None, "{extra}");
            assert_eq!(valid.idp_hint, None, "{extra}");
        }
        // Only the exact name: Cognito's provider names are case-sensitive.
        assert_eq!(
            redirected_code(validate(&query("&identity_provider=cognito"), &apps)),
            ErrorCode::InvalidRequest
        );
    }

    #[test]
    fn scopes_are_filtered_to_the_app() {
        let valid = validate(&query("&scope=openid%20admin%20email"), &apps()).expect("valid");
        assert_eq!(valid.scopes, vec!["openid", "email"]);
    }

    #[test]
    fn prompt_values() {
        let apps = apps();
        assert_eq!(
            validate(&query("&prompt=login"), &apps).expect("ok").prompt,
            Prompt::Login
        );
        assert_eq!(
            validate(&query("&prompt=none"), &apps).expect("ok").prompt,
            Prompt::None
        );
        assert_eq!(
            validate(&query("&prompt=consent"), &apps)
                .expect("ok")
                .prompt,
            Prompt::Default
        );
    }

    #[test]
    fn max_age_is_a_non_negative_integer() {
        let apps = apps();
        let max_age = |q: &str| validate(&query(q), &apps).map(|v| v.max_age);
        assert_eq!(max_age(""), Ok(None));
        assert_eq!(max_age("&max_age=0"), Ok(Some(0)));
        assert_eq!(max_age("&max_age=3600"), Ok(Some(3600)));
        for bad in [
            "-1",
            "%2B5",
            "1.5",
            "abc",
            "1e3",
            "%205",
            "99999999999999999999",
        ] {
            assert_eq!(
                redirected_code(validate(&query(&format!("&max_age={bad}")), &apps)),
                ErrorCode::InvalidRequest,
                "{bad}"
            );
        }
    }

    #[test]
    fn fresh_enough_follows_max_age() {
        let signed_in = 1_700_000_000;
        assert!(fresh_enough(signed_in, None, signed_in + 86_400));
        assert!(
            !fresh_enough(signed_in, Some(0), signed_in),
            "max_age=0 is prompt=login"
        );
        assert!(fresh_enough(signed_in, Some(60), signed_in + 60));
        assert!(!fresh_enough(signed_in, Some(60), signed_in + 61));
        assert!(
            fresh_enough(signed_in, Some(60), signed_in - 5),
            "clock stepped back"
        );
        assert!(fresh_enough(signed_in, Some(u64::MAX), i64::MAX));
        assert!(!fresh_enough(i64::MIN, Some(60), i64::MAX));
    }

    #[test]
    fn request_objects_are_refused_with_their_own_codes() {
        let apps = apps();
        assert_eq!(
            redirected_code(validate(&query("&request=eyJhbGciOiJub25lIn0.e30."), &apps)),
            ErrorCode::RequestNotSupported
        );
        assert_eq!(
            redirected_code(validate(
                &query("&request_uri=https%3A%2F%2Fapp.example.com%2Fr.jwt"),
                &apps
            )),
            ErrorCode::RequestUriNotSupported
        );
        assert_eq!(
            ErrorCode::RequestNotSupported.as_str(),
            "request_not_supported"
        );
        assert_eq!(
            ErrorCode::RequestUriNotSupported.as_str(),
            "request_uri_not_supported"
        );
    }

    #[test]
    fn every_stored_parameter_is_length_limited() {
        // An app whose unknown `identity_provider` names are forwarded to its pool (and stored).
        let settings = Settings::load(
            r#"
            listen = "127.0.0.1:1"
            issuer = "https://login.example.com"
            data_dir = "d"
            [[providers]]
            id = "pool"
            kind = "cognito-hosted"
            domain = "https://x.auth.eu-west-1.amazoncognito.com"
            region = "eu-west-1"
            user_pool_id = "eu-west-1_Abc"
            client_id = "c"
            [[apps]]
            client_id = "demo"
            name = "Demo"
            redirect_uris = ["myapp://callback"]
            providers = ["pool"]
            scopes = ["openid"]
            "#,
            std::iter::empty(),
            &crate::connectors::PROVIDER_KINDS,
        )
        .expect("config");
        let apps = AppRegistry::from_settings(&settings).expect("apps");
        let with = |name: &str, value: &str| {
            format!(
                "response_type=code&client_id=demo&redirect_uri=myapp%3A%2F%2Fcallback&code_challenge={CHALLENGE}&code_challenge_method=S256&{name}={value}"
            )
        };
        for (name, max) in MAX_LEN {
            let ok = if *name == "max_age" {
                "0".repeat(*max)
            } else {
                "a".repeat(*max)
            };
            let long = "a".repeat(max + 1);
            assert!(
                validate(&with(name, &ok), &apps).is_ok(),
                "{name} of {max} bytes"
            );
            match validate(&with(name, &long), &apps) {
                Err(AuthorizeError::Redirect {
                    code: ErrorCode::InvalidRequest,
                    description,
                    ..
                }) => assert!(description.contains(name), "{description}"),
                other => panic!("{name} of {} bytes: {other:?}", max + 1),
            }
        }
    }

    #[test]
    fn error_redirect_carries_iss() {
        let url = error_redirect(
            "http://127.0.0.1:8080",
            "myapp://callback",
            Some("s"),
            ErrorCode::LoginRequired,
            "no session",
        );
        assert_eq!(
            url,
            "myapp://callback?error=login_required&error_description=no+session&state=s&iss=http%3A%2F%2F127.0.0.1%3A8080"
        );
    }
}
