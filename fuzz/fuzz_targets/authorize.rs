//! `GET /oauth2/authorize`: the query string as the browser sent it, through
//! `oauth::authorize::validate` with the embedded default config's apps, then what a valid
//! request becomes (the stored sign-in request) and what a refusal becomes (the error redirect).
#![no_main]

use authgate::apps::AppRegistry;
use authgate::config::{DEFAULT_CONFIG, Settings};
use authgate::oauth::authorize::{self, AuthorizeError};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static APPS: LazyLock<(AppRegistry, String)> = LazyLock::new(|| {
    let settings = match Settings::load(
        DEFAULT_CONFIG,
        std::iter::empty(),
        &authgate::connectors::PROVIDER_KINDS,
    ) {
        Ok(settings) => settings,
        Err(e) => panic!("the embedded default config does not load: {e}"),
    };
    match AppRegistry::from_settings(&settings) {
        Ok(apps) => (apps, settings.issuer.clone()),
        Err(e) => panic!("the embedded default's apps: {e}"),
    }
});

fuzz_target!(|data: &[u8]| {
    // The query reaches the handler as a &str (axum's Uri), so only UTF-8 gets this far.
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let (apps, issuer) = &*APPS;
    match authorize::validate(query, apps) {
        Ok(valid) => {
            let max_age = valid.max_age;
            let request = valid.into_auth_request("binding".into());
            assert!(!request.scopes.is_empty());
            authorize::fresh_enough(i64::MIN, max_age, i64::MAX);
            authorize::fresh_enough(i64::MAX, max_age, i64::MIN);
        }
        Err(AuthorizeError::Redirect {
            redirect_uri,
            state,
            code,
            description,
        }) => {
            authorize::error_redirect(issuer, &redirect_uri, state.as_deref(), code, &description);
        }
        Err(AuthorizeError::Page(_)) => {}
    }
});
