//! The sign-in pages between `/oauth2/authorize` and the code: the provider picker and the
//! local password form (a Cognito pool's pages are in [`crate::hosted_ui::cognito`]). Every step re-checks that the authorization request exists and was
//! started by this browser; every POST checks the CSRF token.

use crate::hosted_ui::cognito;
use crate::hosted_ui::finish::finish_sign_in;
use crate::hosted_ui::pages::{
    self, BAD_CREDENTIALS, LOCKED, PasswordPage, PickerPage, ProviderButton,
};
use crate::hosted_ui::throttle;
use crate::state::AppState;
use crate::store::AuthRequest;
use crate::telemetry::audit;
use crate::telemetry::meter::{self, SignInOutcome};
use crate::web::browser::BrowserSession;
use crate::web::client::ClientAddr;
use crate::web::language;
use crate::web::page::{Msg, PageContext};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use time::OffsetDateTime;
use tower_sessions::Session;

/// Loads the request and checks it belongs to this browser; `Err` is the page to show.
pub(crate) async fn bound_request(
    state: &AppState,
    browser: &BrowserSession,
    request_id: &str,
) -> Result<AuthRequest, Response> {
    let request = match state
        .store
        .get_auth_request(request_id, OffsetDateTime::now_utc())
        .await
    {
        Ok(Some(request)) => request,
        Ok(None) => return Err(pages::error(StatusCode::BAD_REQUEST, Msg::SignInExpired)),
        Err(e) => return Err(pages::unavailable(&e)),
    };
    if !browser.is_bound_to(&request.browser_binding).await {
        tracing::warn!("authorization request presented by a browser that did not start it");
        return Err(pages::error(StatusCode::BAD_REQUEST, Msg::OtherBrowser));
    }
    // Every page from here on (an error's too) wears the app's branding and is in the
    // language this sign-in asked for.
    crate::web::branding::follow(state.branding.for_app(&request.client_id));
    language::follow_sign_in(language::Asked::new(
        request.lang.as_deref(),
        request.ui_locales.as_deref(),
    ));
    Ok(request)
}

#[tracing::instrument(name = "signin_picker", skip_all)]
pub async fn picker_get(
    State(state): State<AppState>,
    session: Session,
    Path(request_id): Path<String>,
) -> Response {
    let browser = BrowserSession::new(session);
    let request = match bound_request(&state, &browser, &request_id).await {
        Ok(request) => request,
        Err(page) => return page,
    };
    let Some(app) = state.apps.get(&request.client_id) else {
        return pages::error(StatusCode::BAD_REQUEST, Msg::SignInExpired);
    };
    let providers = app
        .providers
        .iter()
        .filter_map(|id| state.providers.get(id))
        .map(|p| ProviderButton {
            id: &p.id,
            name: &p.display_name,
            kind: p.kind.css_kind(),
        })
        .collect();
    pages::render(
        &PageContext::for_request(),
        StatusCode::OK,
        &PickerPage {
            app_name: &app.name,
            request_id: &request_id,
            providers,
        },
    )
}

#[tracing::instrument(name = "signin_provider", skip_all, fields(provider = %provider_id))]
pub async fn provider_get(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
) -> Response {
    if is_cognito_pool(&state, &provider_id) {
        return cognito::signin_get(&state, session, request_id, provider_id)
            .await
            .unwrap_or_else(|page| page);
    }
    let browser = BrowserSession::new(session);
    let request = match bound_request(&state, &browser, &request_id).await {
        Ok(request) => request,
        Err(page) => return page,
    };
    let goes_upstream = state
        .providers
        .get(&provider_id)
        .is_some_and(|p| p.kind.redirect().is_some());
    if goes_upstream {
        return crate::hosted_ui::upstream::send_upstream(
            &state,
            &provider_id,
            &request_id,
            request,
        )
        .await;
    }
    let csrf = match browser.csrf_token().await {
        Ok(csrf) => csrf,
        Err(e) => return pages::unavailable(&e),
    };
    password_page(
        &state,
        &request,
        &request_id,
        &provider_id,
        &csrf,
        request.login_hint.as_deref().unwrap_or(""),
        None,
        StatusCode::OK,
    )
}

#[allow(clippy::too_many_arguments)]
fn password_page(
    state: &AppState,
    request: &AuthRequest,
    request_id: &str,
    provider_id: &str,
    csrf: &str,
    username: &str,
    refusal: Option<Refusal>,
    status: StatusCode,
) -> Response {
    let app = state.apps.get(&request.client_id);
    let provider = state.providers.get(provider_id);
    let (Some(app), Some(provider)) = (app, provider) else {
        return pages::error(StatusCode::BAD_REQUEST, Msg::SignInExpired);
    };
    if !app.providers.iter().any(|p| p == provider_id) {
        return pages::error(StatusCode::BAD_REQUEST, Msg::MethodNotAvailable);
    }
    let ctx = PageContext::for_request();
    let error = refusal.map(|r| match r {
        Refusal::BadCredentials => ctx.text(BAD_CREDENTIALS),
        Refusal::Locked { minutes } => ctx.say(LOCKED, &[("minutes", minutes.into())]),
    });
    pages::render(
        &ctx,
        status,
        &PasswordPage {
            app_name: &app.name,
            provider_id,
            provider_name: &provider.display_name,
            request_id,
            csrf,
            username,
            error: error.as_deref(),
            locked: matches!(refusal, Some(Refusal::Locked { .. })),
            show_picker_link: app.providers.len() > 1,
        },
    )
}

/// Why the password page is shown again. A lock is not a wrong password: it says for how
/// long, and the form is disabled until then.
#[derive(Clone, Copy)]
enum Refusal {
    BadCredentials,
    Locked { minutes: u64 },
}

/// The password form's fields; `Debug` never shows the password.
struct PasswordForm {
    username: String,
    password: String,
    csrf: String,
}

impl PasswordForm {
    fn parse(body: &[u8]) -> Option<Self> {
        let mut params = crate::forms::parse_unique(body).ok()?;
        Some(Self {
            username: params.remove("username")?.trim().to_string(),
            password: params.remove("password")?,
            csrf: params.remove("csrf")?,
        })
    }
}

#[tracing::instrument(name = "signin_password", skip_all, fields(provider = %provider_id))]
pub async fn password_post(
    State(state): State<AppState>,
    session: Session,
    ClientAddr(address): ClientAddr,
    Path((request_id, provider_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if is_cognito_pool(&state, &provider_id) {
        return cognito::signin_post(
            &state,
            session,
            request_id,
            provider_id,
            address,
            headers,
            body,
        )
        .await
        .unwrap_or_else(|page| page);
    }
    let browser = BrowserSession::new(session);
    let request = match bound_request(&state, &browser, &request_id).await {
        Ok(request) => request,
        Err(page) => return page,
    };
    let Some(form) = PasswordForm::parse(&body) else {
        return pages::error(StatusCode::BAD_REQUEST, Msg::FormIncomplete);
    };
    if !browser.csrf_matches(&form.csrf).await {
        tracing::warn!("sign-in form posted without a valid CSRF token");
        return pages::error(StatusCode::FORBIDDEN, Msg::FormExpired);
    }
    let csrf = form.csrf.as_str();
    let app_allows = state
        .apps
        .get(&request.client_id)
        .is_some_and(|a| a.providers.contains(&provider_id));
    let users = match state.providers.get(&provider_id).and_then(|p| p.as_local()) {
        Some(users) if app_allows => users,
        _ => {
            return pages::error(StatusCode::BAD_REQUEST, Msg::MethodNotAvailable);
        }
    };
    let retry = |refusal: Refusal, status: StatusCode| {
        password_page(
            &state,
            &request,
            &request_id,
            &provider_id,
            csrf,
            &form.username,
            Some(refusal),
            status,
        )
    };
    if form.username.is_empty() || form.password.is_empty() {
        return retry(Refusal::BadCredentials, StatusCode::OK);
    }

    // The provider and app are known ones from here on: fit for metric labels.
    let failed = |outcome: SignInOutcome| {
        meter::sign_in(&provider_id, &request.client_id, outcome);
        audit::sign_in_failed(
            &request.client_id,
            &provider_id,
            outcome.as_str(),
            Some(&form.username),
        );
    };
    let attempt = match throttle::reserve(&state, &provider_id, &form.username, &address).await {
        Ok(attempt) => attempt,
        Err(throttle::Refused::Locked { minutes }) => {
            failed(SignInOutcome::Locked);
            return retry(Refusal::Locked { minutes }, StatusCode::TOO_MANY_REQUESTS);
        }
        Err(throttle::Refused::Store(e)) => return pages::unavailable(&e),
    };
    let Some(identity) = users
        .authenticate(&form.username, &form.password, &state.password_slots)
        .await
    else {
        // The attempt's reservation stays: it is this failure's count.
        attempt.failed();
        failed(SignInOutcome::BadCredentials);
        return retry(Refusal::BadCredentials, StatusCode::OK);
    };
    if let Err(e) = attempt.succeeded().await {
        return pages::unavailable(&e);
    }
    finish_sign_in(&state, &browser, &request_id, &request, identity).await
}

/// A Cognito pool's sign-in has pages of its own ([`crate::hosted_ui::cognito`]).
fn is_cognito_pool(state: &AppState, provider_id: &str) -> bool {
    state
        .providers
        .get(provider_id)
        .is_some_and(|p| p.as_cognito().is_some())
}
