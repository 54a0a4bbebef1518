//! The hosted pages of a Cognito user pool (`kind = "cognito"`): sign-in, each challenge the
//! pool raises, sign-up and its confirmation, and password reset. Every page lives under
//! `/signin/{request}/{provider}` and belongs to one authorization request of one browser.
//! What a sign-in carries between pages (the pool's `Session`, the user being confirmed) stays
//! server-side, sealed in the browser session: never in a URL or a form field.

use crate::apps::RegisteredApp;
use crate::connectors::cognito::pool_api::{CodeDelivery, PoolError};
use crate::connectors::cognito::{CognitoConnector, Outcome, PendingChallenge, RememberedDevice};
use crate::hosted_ui::finish::finish_sign_in;
use crate::hosted_ui::pages::{
    self, AttributeField, CognitoChallengePage, CognitoConfirmPage, CognitoForgotPage,
    CognitoMfaSetupPage, CognitoNewPasswordPage, CognitoSelectMfaPage, CognitoSignInPage,
    CognitoSignUpPage,
};
use crate::hosted_ui::signin::bound_request;
use crate::hosted_ui::throttle;
use crate::hosted_ui::words::{Notice, Say, StandardAttribute};
use crate::security::Sealed;
use crate::state::AppState;
use crate::store::AuthRequest;
use crate::telemetry::audit;
use crate::telemetry::meter::{self, SignInOutcome};
use crate::web::browser::BrowserSession;
use crate::web::page::{Msg, PageContext};
use crate::web::respond::see_other;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tower_sessions::Session;

mod challenge;
mod reset;
mod signin;
mod signup;

pub use challenge::{challenge_get, challenge_post};
pub use reset::{forgot_get, forgot_post, reset_get, reset_post};
pub use signin::{signin_get, signin_post};
pub use signup::{confirm_get, confirm_post, resend_post, signup_get, signup_post};

/// A page handler's result: `Err` is a page too (an expired request, a CSRF failure, a store
/// outage), so `?` can end a handler early with the page that explains why.
pub type PageResult = Result<Response, Response>;

/// Devices kept per browser and pool: enough for a shared family computer.
const MAX_DEVICES: usize = 5;

/// What one authorization request's Cognito pages remember between them.
#[derive(Default, Serialize, Deserialize)]
struct Flow {
    pending: Option<PendingChallenge>,
    /// The user a confirmation or reset code went to, and where (as the pool masked it).
    code_for: Option<CodeFor>,
    /// The password chosen at sign-up (or typed by an unconfirmed user), to sign in right after
    /// the code is confirmed; dropped as soon as it has been used.
    auto_sign_in: Option<String>,
    /// A message for the next page shown (a value: that page says it in its language).
    notice: Option<Notice>,
}

#[derive(Serialize, Deserialize)]
struct CodeFor {
    username: String,
    destination: Option<String>,
}

/// One Cognito page's request: the authorization request it belongs to, checked.
struct Page<'a> {
    state: &'a AppState,
    browser: BrowserSession,
    request_id: String,
    provider_id: String,
    request: AuthRequest,
    app: &'a RegisteredApp,
    connector: &'a CognitoConnector,
    base: String,
    csrf: String,
    /// The language and look every page of this sign-in is rendered with.
    ctx: PageContext,
}

impl<'a> Page<'a> {
    async fn load(
        state: &'a AppState,
        session: Session,
        request_id: String,
        provider_id: String,
    ) -> Result<Page<'a>, Response> {
        let browser = BrowserSession::new(session);
        let request = bound_request(state, &browser, &request_id).await?;
        let not_here = || pages::error(StatusCode::BAD_REQUEST, Msg::MethodNotAvailable);
        let app = state
            .apps
            .get(&request.client_id)
            .filter(|app| app.providers.contains(&provider_id))
            .ok_or_else(not_here)?;
        let Some(connector) = state
            .providers
            .get(&provider_id)
            .and_then(|p| p.as_cognito())
        else {
            return Err(not_here());
        };
        let csrf = browser
            .csrf_token()
            .await
            .map_err(|e| pages::unavailable(&e))?;
        let base = format!("/signin/{request_id}/{provider_id}");
        Ok(Page {
            state,
            browser,
            request_id,
            provider_id,
            ctx: PageContext::for_request(),
            request,
            app,
            connector,
            base,
            csrf,
        })
    }

    /// A POST's fields, after its CSRF token checked out; `Err` is the page to show.
    async fn form(&self, body: &[u8]) -> Result<HashMap<String, String>, Response> {
        self.browser
            .checked_form(body)
            .await
            .map_err(Response::from)
    }

    fn flow_key(&self) -> String {
        format!("cognito:{}", self.request_id)
    }

    fn flow_purpose(&self) -> String {
        format!("cognito-flow:{}:{}", self.provider_id, self.request_id)
    }

    async fn flow(&self) -> Result<Flow, Response> {
        let stored = self
            .browser
            .inner()
            .get::<Sealed>(&self.flow_key())
            .await
            .map_err(|e| pages::unavailable(&e))?;
        let Some(sealed) = stored else {
            return Ok(Flow::default());
        };
        // A flow that does not open (the key changed) is as good as none.
        Ok(self
            .state
            .sealer
            .open(&self.flow_purpose(), &sealed)
            .ok()
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    /// The words for `say`, in this sign-in's language (the app's own when it gave them).
    fn say(&self, say: &Say) -> String {
        say.said(&self.ctx)
    }

    /// The flow, with its notice taken out: a notice is shown once, on the next page.
    async fn flow_and_notice(&self) -> Result<(Flow, Option<Notice>), Response> {
        let mut flow = self.flow().await?;
        let notice = flow.notice.take();
        if notice.is_some() {
            self.save_flow(&flow).await?;
        }
        Ok((flow, notice))
    }

    async fn save_flow(&self, flow: &Flow) -> Result<(), Response> {
        let json = serde_json::to_string(flow).map_err(|e| pages::unavailable(&e))?;
        let sealed = self
            .state
            .sealer
            .seal(&self.flow_purpose(), &json)
            .map_err(|e| pages::unavailable(&e))?;
        self.browser
            .inner()
            .insert(&self.flow_key(), sealed)
            .await
            .map_err(|e| pages::unavailable(&e))
    }

    async fn clear_flow(&self) -> Result<(), Response> {
        self.browser
            .inner()
            .remove::<Sealed>(&self.flow_key())
            .await
            .map(|_| ())
            .map_err(|e| pages::unavailable(&e))
    }

    /// A sign-in on this page failed (the provider and app are known ones: fit for labels).
    fn sign_in_failed(&self, outcome: SignInOutcome, username: Option<&str>) {
        meter::sign_in(&self.provider_id, &self.request.client_id, outcome);
        audit::sign_in_failed(
            &self.request.client_id,
            &self.provider_id,
            outcome.as_str(),
            username,
        );
    }

    fn go(&self, page: &str) -> Response {
        see_other(&format!("{}{page}", self.base))
    }

    /// The pool is down or answered nonsense: a page that names it.
    fn outage(&self, e: &PoolError) -> Option<Response> {
        let name = &self.connector.display_name;
        match e {
            PoolError::Unreachable => {
                tracing::warn!(provider = %self.provider_id, "user pool did not answer");
                Some(pages::error(
                    StatusCode::SERVICE_UNAVAILABLE,
                    Msg::PoolUnreachable { pool: name.clone() },
                ))
            }
            PoolError::BadAnswer(detail) => {
                tracing::warn!(provider = %self.provider_id, %detail, "user pool answered something unusable");
                Some(pages::error(
                    StatusCode::BAD_GATEWAY,
                    Msg::PoolBadAnswer { pool: name.clone() },
                ))
            }
            _ => None,
        }
    }

    /// After a sign-in step: tokens end the sign-in; a challenge goes to its page.
    async fn proceed(&self, outcome: Outcome, headers: &HeaderMap) -> Response {
        match outcome {
            Outcome::Challenge(pending) => {
                let flow = Flow {
                    pending: Some(*pending),
                    ..Flow::default()
                };
                if let Err(page) = self.save_flow(&flow).await {
                    return page;
                }
                self.go("/challenge")
            }
            Outcome::SignedIn {
                identity,
                remembered,
            } => {
                if let Err(page) = self.clear_flow().await {
                    return page;
                }
                let mut response = finish_sign_in(
                    self.state,
                    &self.browser,
                    &self.request_id,
                    &self.request,
                    *identity,
                )
                .await;
                if let Some(device) = remembered
                    && let Some(cookie) = self.device_cookie(headers, device)
                {
                    response.headers_mut().append(header::SET_COOKIE, cookie);
                }
                response
            }
        }
    }

    fn device_cookie_name(&self) -> String {
        let prefix = if self.state.settings.secure_cookies() {
            "__Host-"
        } else {
            ""
        };
        format!("{prefix}authgate-device-{}", self.provider_id)
    }

    fn device_purpose(&self) -> String {
        format!("cognito-devices:{}", self.provider_id)
    }

    /// The devices this browser remembered for this pool.
    fn remembered_devices(&self, headers: &HeaderMap) -> Vec<RememberedDevice> {
        let name = self.device_cookie_name();
        let value = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string());
        value
            .and_then(|v| {
                self.state
                    .sealer
                    .open(&self.device_purpose(), &Sealed::from_stored(v))
                    .ok()
            })
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default()
    }

    /// The cookie that keeps `device` (and up to [`MAX_DEVICES`] others) in this browser.
    fn device_cookie(&self, headers: &HeaderMap, device: RememberedDevice) -> Option<HeaderValue> {
        let mut devices = self.remembered_devices(headers);
        devices.retain(|d| d.username != device.username);
        devices.insert(0, device);
        devices.truncate(MAX_DEVICES);
        let json = serde_json::to_string(&devices).ok()?;
        let sealed = self.state.sealer.seal(&self.device_purpose(), &json).ok()?;
        let secure = if self.state.settings.secure_cookies() {
            "; Secure"
        } else {
            ""
        };
        HeaderValue::from_str(&format!(
            "{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{secure}",
            self.device_cookie_name(),
            sealed.as_stored(),
            self.connector.remember_device_for.as_secs()
        ))
        .ok()
    }

    fn sign_in_page(
        &self,
        status: StatusCode,
        username: &str,
        notice: Option<Say>,
        error: Option<Say>,
    ) -> Response {
        let notice = notice.map(|n| self.say(&n));
        let locked = matches!(error, Some(Say::Locked { .. }));
        let error = error.map(|e| self.say(&e));
        pages::render(
            &self.ctx,
            status,
            &CognitoSignInPage {
                locked,
                app_name: &self.app.name,
                provider_name: &self.connector.display_name,
                request_id: &self.request_id,
                base: &self.base,
                csrf: &self.csrf,
                username,
                asks_password: self.connector.asks_password(),
                sign_up: self.connector.sign_up,
                notice: notice.as_deref(),
                error: error.as_deref(),
                show_picker_link: self.app.providers.len() > 1,
            },
        )
    }

    /// Signs in with a password the user just set (after sign-up, confirmation or reset);
    /// when the pool refuses, the sign-in page says the account is ready.
    async fn sign_in_with(&self, username: &str, password: &str, headers: &HeaderMap) -> Response {
        let device = self.device_for(headers, username);
        match self
            .connector
            .sign_in(username, password, device, false, &self.state.sealer)
            .await
        {
            Ok(outcome) => self.proceed(outcome, headers).await,
            Err(e) => {
                if let Some(page) = self.outage(&e) {
                    return page;
                }
                tracing::info!(error = %e, "automatic sign-in refused");
                self.sign_in_page(
                    StatusCode::OK,
                    username,
                    Some(Notice::AccountReady.into()),
                    None,
                )
            }
        }
    }

    fn device_for(&self, headers: &HeaderMap, username: &str) -> Option<RememberedDevice> {
        let username = username.to_lowercase();
        self.remembered_devices(headers)
            .into_iter()
            .find(|d| d.username == username)
    }
}

/// A standard attribute's label in `lang`; a custom one is shown by its name (the operator's
/// word, in whatever language the pool was set up in).
fn attribute_label(lang: &str, name: &str) -> String {
    match StandardAttribute::from_name(name) {
        Some(attribute) => Say::Attribute(attribute).text(lang),
        None => name.trim_start_matches("custom:").replace('_', " "),
    }
}

fn attribute_fields(
    page: &Page<'_>,
    names: &[String],
    values: &HashMap<String, String>,
) -> Vec<AttributeField> {
    names
        .iter()
        .map(|name| AttributeField {
            name: name.clone(),
            label: attribute_label(page.ctx.lang, name),
            input_type: match name.as_str() {
                "email" => "email",
                "phone_number" => "tel",
                _ => "text",
            },
            value: values.get(name).cloned().unwrap_or_default(),
        })
        .collect()
}

/// The pool's password rules, in the sign-in's language.
async fn policy_rules(page: &Page<'_>) -> Vec<String> {
    page.connector
        .pool
        .password_policy()
        .await
        .map(|p| p.rules())
        .unwrap_or_default()
        .into_iter()
        .map(|rule| page.say(&Say::Rule(rule)))
        .collect()
}
