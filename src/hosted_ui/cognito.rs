//! The hosted pages of a Cognito user pool (`kind = "cognito"`): sign-in, each challenge the
//! pool raises, sign-up and its confirmation, and password reset. Every page lives under
//! `/signin/{request}/{provider}` and belongs to one authorization request of one browser.
//! What a sign-in carries between pages (the pool's `Session`, the user being confirmed) stays
//! server-side, sealed in the browser session: never in a URL or a form field.

use crate::aws::user_pool::{CodeDelivery, PoolError};
use crate::connectors::ProviderKind;
use crate::connectors::cognito::{CognitoConnector, Outcome, PendingChallenge, RememberedDevice};
use crate::hosted_ui::pages::{
    self, AttributeField, CognitoChallengePage, CognitoConfirmPage, CognitoForgotPage,
    CognitoMfaSetupPage, CognitoNewPasswordPage, CognitoSelectMfaPage, CognitoSignInPage,
    CognitoSignUpPage,
};
use crate::hosted_ui::session::BrowserSession;
use crate::hosted_ui::signin::{bound_request, finish_sign_in};
use crate::hosted_ui::throttle::{self, Verdict};
use crate::oauth::clients::RegisteredApp;
use crate::oauth::endpoints::see_other;
use crate::security::Sealed;
use crate::state::AppState;
use crate::store::AuthRequest;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use base64::{Engine, engine::general_purpose::STANDARD};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tower_sessions::Session;

const BAD_CREDENTIALS: &str = "Incorrect username or password.";
const LOCKED: &str = "Too many failed attempts. Wait a few minutes, then try again.";
const TRY_LATER: &str = "Too many attempts for now. Wait a few minutes, then try again.";
const WRONG_CODE: &str = "That code is not right. Check it and try again.";
const EXPIRED_CODE: &str = "That code has expired. Ask for a new one.";
const WRONG_ANSWER: &str = "That answer was not accepted. Try again.";
const SIGN_IN_AGAIN: &str = "That took too long, or the answer was not accepted. Sign in again.";
const FORM_EXPIRED: &str = "This form has expired. Go back to the app and start again.";
const INCOMPLETE: &str = "The form was incomplete. Go back and try again.";
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
    /// A message for the next page shown.
    notice: Option<String>,
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
        let not_here = || {
            pages::error(
                StatusCode::BAD_REQUEST,
                "That sign-in method is not available for this app.",
            )
        };
        let app = state
            .apps
            .get(&request.client_id)
            .filter(|app| app.providers.contains(&provider_id))
            .ok_or_else(not_here)?;
        let Some(ProviderKind::Cognito(connector)) =
            state.providers.get(&provider_id).map(|p| &p.kind)
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
            request,
            app,
            connector,
            base,
            csrf,
        })
    }

    /// A POST's fields, after its CSRF token checked out; `Err` is the page to show.
    async fn form(&self, body: &[u8]) -> Result<HashMap<String, String>, Response> {
        let Ok(mut form) = crate::forms::parse_unique(body) else {
            return Err(pages::error(StatusCode::BAD_REQUEST, INCOMPLETE));
        };
        let csrf = form.remove("csrf").unwrap_or_default();
        if !self.browser.csrf_matches(&csrf).await {
            tracing::warn!("Cognito form posted without a valid CSRF token");
            return Err(pages::error(StatusCode::FORBIDDEN, FORM_EXPIRED));
        }
        Ok(form)
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
                    &format!("{name} did not answer. Try again in a moment."),
                ))
            }
            PoolError::BadAnswer(detail) => {
                tracing::warn!(provider = %self.provider_id, %detail, "user pool answered something unusable");
                Some(pages::error(
                    StatusCode::BAD_GATEWAY,
                    &format!("{name} gave an answer authgate cannot use. Try again later."),
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
        notice: Option<&str>,
        error: Option<&str>,
    ) -> Response {
        pages::render(
            status,
            &CognitoSignInPage {
                app_name: &self.app.name,
                provider_name: &self.connector.display_name,
                request_id: &self.request_id,
                base: &self.base,
                csrf: &self.csrf,
                username,
                asks_password: self.connector.asks_password(),
                sign_up: self.connector.sign_up,
                notice,
                error,
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
                    Some("Your account is ready. Sign in to continue."),
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

// ---------------------------------------------------------------- sign-in

pub async fn signin_get(
    state: &AppState,
    session: Session,
    request_id: String,
    provider_id: String,
) -> Response {
    let page = match Page::load(state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let mut flow = match page.flow().await {
        Ok(flow) => flow,
        Err(response) => return response,
    };
    let notice = flow.notice.take();
    if notice.is_some()
        && let Err(response) = page.save_flow(&flow).await
    {
        return response;
    }
    let username = page.request.login_hint.clone().unwrap_or_default();
    page.sign_in_page(StatusCode::OK, &username, notice.as_deref(), None)
}

pub async fn signin_post(
    state: &AppState,
    session: Session,
    request_id: String,
    provider_id: String,
    address: String,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let page = match Page::load(state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let mut form = match page.form(&body).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let username = form
        .remove("username")
        .unwrap_or_default()
        .trim()
        .to_string();
    let password = form.remove("password").unwrap_or_default();
    let remember = form.remove("remember_device").is_some_and(|v| v == "on");
    let retry = |status, message: &str| page.sign_in_page(status, &username, None, Some(message));
    if username.is_empty() || (page.connector.asks_password() && password.is_empty()) {
        return retry(StatusCode::OK, BAD_CREDENTIALS);
    }

    let keys = throttle::Keys::new(&page.provider_id, &username, &address);
    match throttle::verdict(state, &keys).await {
        Ok(Verdict::Locked) => {
            tracing::warn!("sign-in refused: too many failures");
            return retry(StatusCode::TOO_MANY_REQUESTS, LOCKED);
        }
        Ok(Verdict::Allowed { delay }) if !delay.is_zero() => tokio::time::sleep(delay).await,
        Ok(Verdict::Allowed { .. }) => {}
        Err(e) => return pages::unavailable(&e),
    }

    let device = page.device_for(&headers, &username);
    let result = page
        .connector
        .sign_in(&username, &password, device, remember, &state.sealer)
        .await;
    match result {
        Ok(outcome) => {
            if let Err(e) = throttle::succeeded(state, &keys).await {
                return pages::unavailable(&e);
            }
            page.proceed(outcome, &headers).await
        }
        Err(PoolError::NotAuthorized) => {
            tracing::info!("sign-in failed: the pool refused the credentials");
            if let Err(e) = throttle::failed(state, &keys).await {
                return pages::unavailable(&e);
            }
            retry(StatusCode::OK, BAD_CREDENTIALS)
        }
        Err(PoolError::UserNotConfirmed) => {
            let flow = Flow {
                code_for: Some(CodeFor {
                    username: username.clone(),
                    destination: None,
                }),
                auto_sign_in: Some(password),
                notice: Some("Your account is not confirmed yet. Enter the code we sent when you signed up, or ask for a new one.".into()),
                ..Flow::default()
            };
            match page.save_flow(&flow).await {
                Ok(()) => page.go("/confirm"),
                Err(response) => response,
            }
        }
        Err(PoolError::PasswordResetRequired) => {
            start_reset(
                &page,
                &username,
                "Your password has to be reset before you can sign in.",
            )
            .await
        }
        Err(PoolError::TooManyRequests) => retry(StatusCode::TOO_MANY_REQUESTS, TRY_LATER),
        Err(e) => page
            .outage(&e)
            .unwrap_or_else(|| retry(StatusCode::OK, BAD_CREDENTIALS)),
    }
}

// ---------------------------------------------------------------- challenges

/// How a one-value challenge is asked and answered.
struct CodeChallenge {
    heading: &'static str,
    label: &'static str,
    response: &'static str,
    numeric: bool,
}

fn code_challenge(name: &str) -> Option<CodeChallenge> {
    let code = |heading, response| {
        Some(CodeChallenge {
            heading,
            label: "Code",
            response,
            numeric: true,
        })
    };
    match name {
        "SMS_MFA" => code("Enter the code we texted you", "SMS_MFA_CODE"),
        "SMS_OTP" => code("Enter the code we texted you", "SMS_OTP_CODE"),
        "EMAIL_OTP" => code("Enter the code we emailed you", "EMAIL_OTP_CODE"),
        "EMAIL_MFA" => code("Enter the code we emailed you", "EMAIL_MFA_CODE"),
        "SOFTWARE_TOKEN_MFA" => code(
            "Enter the code from your authenticator app",
            "SOFTWARE_TOKEN_MFA_CODE",
        ),
        "CUSTOM_CHALLENGE" => Some(CodeChallenge {
            heading: "One more step",
            label: "Your answer",
            response: "ANSWER",
            numeric: false,
        }),
        _ => None,
    }
}

/// A list-valued challenge parameter: Cognito sends JSON arrays as strings.
fn list_parameter(pending: &PendingChallenge, name: &str) -> Vec<String> {
    pending
        .challenge
        .parameters
        .get(name)
        .and_then(|v| serde_json::from_str::<Vec<String>>(v).ok())
        .unwrap_or_default()
}

fn mfa_label(kind: &str) -> Option<&'static str> {
    match kind {
        "SMS_MFA" => Some("A text message to your phone"),
        "SOFTWARE_TOKEN_MFA" => Some("An authenticator app"),
        "EMAIL_OTP" | "EMAIL_MFA" => Some("An email"),
        _ => None,
    }
}

/// The attributes a `NEW_PASSWORD_REQUIRED` asks for (`userAttributes.email` → `email`).
fn required_attributes(pending: &PendingChallenge) -> Vec<String> {
    list_parameter(pending, "requiredAttributes")
        .into_iter()
        .map(|a| a.trim_start_matches("userAttributes.").to_string())
        .collect()
}

fn attribute_label(name: &str) -> String {
    match name {
        "email" => "Email".into(),
        "phone_number" => "Phone number (+15555550100)".into(),
        "name" => "Name".into(),
        "given_name" => "First name".into(),
        "family_name" => "Last name".into(),
        "preferred_username" => "Preferred username".into(),
        "birthdate" => "Date of birth (YYYY-MM-DD)".into(),
        other => other.trim_start_matches("custom:").replace('_', " "),
    }
}

fn attribute_fields(names: &[String], values: &HashMap<String, String>) -> Vec<AttributeField> {
    names
        .iter()
        .map(|name| AttributeField {
            name: name.clone(),
            label: attribute_label(name),
            input_type: match name.as_str() {
                "email" => "email",
                "phone_number" => "tel",
                _ => "text",
            },
            value: values.get(name).cloned().unwrap_or_default(),
        })
        .collect()
}

/// The page for the pending challenge.
async fn challenge_page(
    page: &Page<'_>,
    mut pending: PendingChallenge,
    status: StatusCode,
    error: Option<&str>,
) -> Response {
    let name = pending.challenge.name.clone();
    if let Some(c) = code_challenge(&name) {
        let destination = pending
            .challenge
            .parameters
            .get("CODE_DELIVERY_DESTINATION")
            .cloned();
        let intro = match (&*name, destination) {
            ("CUSTOM_CHALLENGE", _) => "Answer the question below to finish signing in.".into(),
            ("SOFTWARE_TOKEN_MFA", _) => {
                "Open your authenticator app and enter the 6-digit code it shows for this account."
                    .into()
            }
            (_, Some(to)) => format!("We sent a code to {to}."),
            (_, None) => "Enter the code we sent you.".into(),
        };
        let mut details: Vec<(String, String)> = if name == "CUSTOM_CHALLENGE" {
            pending
                .challenge
                .parameters
                .iter()
                .filter(|(k, _)| k.as_str() != "USERNAME")
                .map(|(k, v)| (k.replace('_', " "), v.clone()))
                .collect()
        } else {
            Vec::new()
        };
        details.sort();
        return pages::render(
            status,
            &CognitoChallengePage {
                base: &page.base,
                csrf: &page.csrf,
                heading: c.heading,
                intro,
                details,
                label: c.label,
                numeric: c.numeric,
                error,
            },
        );
    }
    match name.as_str() {
        "SELECT_MFA_TYPE" => {
            let options = list_parameter(&pending, "MFAS_CAN_CHOOSE")
                .into_iter()
                .filter_map(|kind| mfa_label(&kind).map(|label| (kind, label)))
                .collect();
            pages::render(
                status,
                &CognitoSelectMfaPage {
                    base: &page.base,
                    csrf: &page.csrf,
                    options,
                    error,
                },
            )
        }
        "MFA_SETUP" => {
            let can = list_parameter(&pending, "MFAS_CAN_SETUP");
            if !can.is_empty() && !can.iter().any(|m| m == "SOFTWARE_TOKEN_MFA") {
                return pages::error(
                    StatusCode::BAD_REQUEST,
                    "Your account needs a phone number or email address for its second sign-in step, and has none yet. Contact the app's support.",
                );
            }
            if pending.totp_secret.is_none() {
                pending = match page.connector.start_totp_setup(pending).await {
                    Ok(pending) => pending,
                    Err(e) => {
                        return page.outage(&e).unwrap_or_else(|| {
                            pages::error(StatusCode::BAD_REQUEST, SIGN_IN_AGAIN)
                        });
                    }
                };
                let flow = Flow {
                    pending: Some(pending.clone()),
                    ..Flow::default()
                };
                if let Err(response) = page.save_flow(&flow).await {
                    return response;
                }
            }
            let secret = pending.totp_secret.clone().unwrap_or_default();
            let uri = otpauth_uri(
                &page.connector.display_name,
                &pending.typed_username,
                &secret,
            );
            pages::render(
                status,
                &CognitoMfaSetupPage {
                    base: &page.base,
                    csrf: &page.csrf,
                    secret: &secret,
                    qr_svg_base64: qr_svg_base64(&uri),
                    error,
                },
            )
        }
        "NEW_PASSWORD_REQUIRED" => {
            let rules = policy_rules(page).await;
            pages::render(
                status,
                &CognitoNewPasswordPage {
                    base: &page.base,
                    action: format!("{}/challenge", page.base),
                    csrf: &page.csrf,
                    intro: "Your account has a temporary password. Choose your own to continue."
                        .into(),
                    asks_code: false,
                    rules,
                    attributes: attribute_fields(&required_attributes(&pending), &HashMap::new()),
                    submit: "Set password and sign in",
                    error,
                },
            )
        }
        other => {
            tracing::warn!(challenge = %other, "challenge authgate has no page for");
            pages::error(
                StatusCode::BAD_REQUEST,
                "This account needs a sign-in step authgate does not offer. Contact the app's support.",
            )
        }
    }
}

/// `otpauth://` as authenticator apps read it (Google's Key Uri Format).
fn otpauth_uri(issuer: &str, account: &str, secret: &str) -> String {
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}",
        enc(issuer),
        enc(account),
        enc(secret),
        enc(issuer)
    )
}

fn qr_svg_base64(data: &str) -> String {
    match qrcode::QrCode::new(data.as_bytes()) {
        Ok(code) => STANDARD.encode(
            code.render::<qrcode::render::svg::Color>()
                .min_dimensions(200, 200)
                .build(),
        ),
        Err(_) => String::new(),
    }
}

async fn policy_rules(page: &Page<'_>) -> Vec<String> {
    page.connector
        .pool
        .password_policy()
        .await
        .map(|p| p.rules())
        .unwrap_or_default()
}

pub async fn challenge_get(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
) -> Response {
    let page = match Page::load(&state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    match page.flow().await {
        Ok(Flow {
            pending: Some(pending),
            ..
        }) => challenge_page(&page, pending, StatusCode::OK, None).await,
        Ok(_) => page.go(""),
        Err(response) => response,
    }
}

pub async fn challenge_post(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let page = match Page::load(&state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let mut form = match page.form(&body).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let pending = match page.flow().await {
        Ok(Flow {
            pending: Some(pending),
            ..
        }) => pending,
        Ok(_) => return page.go(""),
        Err(response) => return response,
    };
    let name = pending.challenge.name.clone();
    let answer = form.remove("answer").unwrap_or_default().trim().to_string();
    let connector = page.connector;
    let sealer = &state.sealer;
    let result = if let Some(c) = code_challenge(&name) {
        if answer.is_empty() {
            return challenge_page(&page, pending, StatusCode::OK, Some(WRONG_CODE)).await;
        }
        let answers = HashMap::from([(c.response.to_string(), answer)]);
        connector.answer(pending.clone(), answers, sealer).await
    } else {
        match name.as_str() {
            "SELECT_MFA_TYPE" => {
                if !list_parameter(&pending, "MFAS_CAN_CHOOSE").contains(&answer) {
                    return challenge_page(
                        &page,
                        pending,
                        StatusCode::OK,
                        Some("Choose one of the options."),
                    )
                    .await;
                }
                let mut pending = pending.clone();
                if form.remove("always").is_some_and(|v| v == "on") {
                    pending.prefer_mfa = Some(answer.clone());
                }
                let answers = HashMap::from([("ANSWER".to_string(), answer)]);
                connector.answer(pending, answers, sealer).await
            }
            "MFA_SETUP" => {
                if pending.totp_secret.is_none() || answer.is_empty() {
                    return challenge_page(&page, pending, StatusCode::OK, Some(WRONG_CODE)).await;
                }
                connector
                    .finish_totp_setup(pending.clone(), &answer, sealer)
                    .await
            }
            "NEW_PASSWORD_REQUIRED" => {
                let new_password = form.remove("new_password").unwrap_or_default();
                let mut answers = HashMap::from([("NEW_PASSWORD".to_string(), new_password)]);
                for attr in required_attributes(&pending) {
                    let value = form
                        .remove(&format!("attr:{attr}"))
                        .unwrap_or_default()
                        .trim()
                        .to_string();
                    answers.insert(format!("userAttributes.{attr}"), value);
                }
                connector.answer(pending.clone(), answers, sealer).await
            }
            _ => return challenge_page(&page, pending, StatusCode::OK, None).await,
        }
    };
    match result {
        // The pool's triggers asked the same question again: the answer was wrong.
        Ok(Outcome::Challenge(next)) if same_question(&pending, &next) => {
            let flow = Flow {
                pending: Some((*next).clone()),
                ..Flow::default()
            };
            if let Err(response) = page.save_flow(&flow).await {
                return response;
            }
            challenge_page(&page, *next, StatusCode::OK, Some(WRONG_ANSWER)).await
        }
        Ok(outcome) => page.proceed(outcome, &headers).await,
        Err(PoolError::CodeMismatch) => {
            challenge_page(&page, pending, StatusCode::OK, Some(WRONG_CODE)).await
        }
        Err(PoolError::InvalidPassword(rule)) => {
            let message = password_message(&rule);
            challenge_page(&page, pending, StatusCode::OK, Some(&message)).await
        }
        Err(PoolError::InvalidParameter(why)) => {
            tracing::info!(%why, "challenge answer refused as invalid");
            challenge_page(
                &page,
                pending,
                StatusCode::OK,
                Some("Check what you entered and try again."),
            )
            .await
        }
        Err(PoolError::TooManyRequests) => {
            challenge_page(
                &page,
                pending,
                StatusCode::TOO_MANY_REQUESTS,
                Some(TRY_LATER),
            )
            .await
        }
        Err(e) => {
            if let Some(response) = page.outage(&e) {
                return response;
            }
            // A wrong custom answer, an expired session: this sign-in is over.
            tracing::info!(error = %e, challenge = %name, "challenge failed; back to sign-in");
            if let Err(response) = page.clear_flow().await {
                return response;
            }
            let message = if matches!(e, PoolError::ExpiredCode) {
                EXPIRED_CODE
            } else {
                SIGN_IN_AGAIN
            };
            page.sign_in_page(StatusCode::OK, &pending.typed_username, None, Some(message))
        }
    }
}

fn same_question(before: &PendingChallenge, after: &PendingChallenge) -> bool {
    before.challenge.name == "CUSTOM_CHALLENGE"
        && after.challenge.name == "CUSTOM_CHALLENGE"
        && before.challenge.parameters == after.challenge.parameters
}

/// The pool's own words for a refused password name the rule ("Password not long enough"),
/// which is what the user needs; its prefix is noise.
fn password_message(rule: &str) -> String {
    let rule = rule
        .trim_start_matches("Password does not conform to policy: ")
        .trim();
    if rule.is_empty() {
        "That password does not meet the requirements.".into()
    } else {
        format!("That password does not meet the requirements: {rule}.")
    }
}

// ---------------------------------------------------------------- sign-up and confirmation

pub async fn signup_get(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
) -> Response {
    let page = match Page::load(&state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    if !page.connector.sign_up {
        return page.go("");
    }
    signup_page(&page, StatusCode::OK, "", &HashMap::new(), None).await
}

async fn signup_page(
    page: &Page<'_>,
    status: StatusCode,
    username: &str,
    values: &HashMap<String, String>,
    error: Option<&str>,
) -> Response {
    let rules = policy_rules(page).await;
    pages::render(
        status,
        &CognitoSignUpPage {
            app_name: &page.app.name,
            provider_name: &page.connector.display_name,
            base: &page.base,
            csrf: &page.csrf,
            username,
            rules,
            attributes: attribute_fields(&page.connector.sign_up_attributes, values),
            error,
        },
    )
}

pub async fn signup_post(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let page = match Page::load(&state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    if !page.connector.sign_up {
        return page.go("");
    }
    let mut form = match page.form(&body).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let username = form
        .remove("username")
        .unwrap_or_default()
        .trim()
        .to_string();
    let password = form.remove("new_password").unwrap_or_default();
    let mut values = HashMap::new();
    let mut attributes = Vec::new();
    for name in &page.connector.sign_up_attributes {
        let value = form
            .remove(&format!("attr:{name}"))
            .unwrap_or_default()
            .trim()
            .to_string();
        values.insert(name.clone(), value.clone());
        attributes.push((name.clone(), value));
    }
    let missing = username.is_empty()
        || password.is_empty()
        || attributes.iter().any(|(_, value)| value.is_empty());
    if missing {
        return signup_page(
            &page,
            StatusCode::OK,
            &username,
            &values,
            Some("Fill in every field."),
        )
        .await;
    }
    let outcome = match page
        .connector
        .pool
        .sign_up(&username, &password, &attributes)
        .await
    {
        Ok(outcome) => outcome,
        Err(e) => {
            if let Some(response) = page.outage(&e) {
                return response;
            }
            let message = match &e {
                PoolError::UsernameExists => {
                    "An account with that username already exists. Sign in instead, or reset its password.".to_string()
                }
                PoolError::InvalidPassword(rule) => password_message(rule),
                PoolError::InvalidParameter(why) => {
                    tracing::info!(%why, "sign-up refused as invalid");
                    "Check what you entered (an email address, a phone number such as +15555550100) and try again.".into()
                }
                PoolError::TooManyRequests => TRY_LATER.into(),
                _ => "The account could not be created. Try again.".into(),
            };
            return signup_page(&page, StatusCode::OK, &username, &values, Some(&message)).await;
        }
    };
    tracing::info!(provider = %page.provider_id, confirmed = outcome.confirmed, "account created");
    if outcome.confirmed {
        return page.sign_in_with(&username, &password, &headers).await;
    }
    let flow = Flow {
        code_for: Some(CodeFor {
            username,
            destination: outcome.delivery.destination,
        }),
        auto_sign_in: Some(password),
        ..Flow::default()
    };
    match page.save_flow(&flow).await {
        Ok(()) => page.go("/confirm"),
        Err(response) => response,
    }
}

pub async fn confirm_get(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
) -> Response {
    let page = match Page::load(&state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let mut flow = match page.flow().await {
        Ok(flow) => flow,
        Err(response) => return response,
    };
    if flow.code_for.is_none() {
        return page.go("");
    }
    let notice = flow.notice.take();
    if notice.is_some()
        && let Err(response) = page.save_flow(&flow).await
    {
        return response;
    }
    confirm_page(&page, &flow, StatusCode::OK, notice.as_deref(), None)
}

fn confirm_page(
    page: &Page<'_>,
    flow: &Flow,
    status: StatusCode,
    notice: Option<&str>,
    error: Option<&str>,
) -> Response {
    pages::render(
        status,
        &CognitoConfirmPage {
            base: &page.base,
            csrf: &page.csrf,
            destination: flow
                .code_for
                .as_ref()
                .and_then(|c| c.destination.as_deref()),
            notice,
            error,
        },
    )
}

pub async fn confirm_post(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let page = match Page::load(&state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let mut form = match page.form(&body).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let mut flow = match page.flow().await {
        Ok(flow) => flow,
        Err(response) => return response,
    };
    let Some(username) = flow.code_for.as_ref().map(|c| c.username.clone()) else {
        return page.go("");
    };
    let code = form.remove("code").unwrap_or_default().trim().to_string();
    if code.is_empty() {
        return confirm_page(&page, &flow, StatusCode::OK, None, Some(WRONG_CODE));
    }
    match page
        .connector
        .pool
        .confirm_sign_up(&username, &code, None)
        .await
    {
        Ok(_) => {
            tracing::info!(provider = %page.provider_id, "account confirmed");
            let password = flow.auto_sign_in.take();
            flow.code_for = None;
            if let Err(response) = page.save_flow(&flow).await {
                return response;
            }
            match password {
                Some(password) => page.sign_in_with(&username, &password, &headers).await,
                None => page.sign_in_page(
                    StatusCode::OK,
                    &username,
                    Some("Your account is confirmed. Sign in to continue."),
                    None,
                ),
            }
        }
        Err(e) => {
            if let Some(response) = page.outage(&e) {
                return response;
            }
            let message = match e {
                PoolError::CodeMismatch => WRONG_CODE,
                PoolError::ExpiredCode => EXPIRED_CODE,
                PoolError::TooManyRequests => TRY_LATER,
                _ => "The account could not be confirmed with that code. Ask for a new one.",
            };
            confirm_page(&page, &flow, StatusCode::OK, None, Some(message))
        }
    }
}

pub async fn resend_post(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let page = match Page::load(&state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    if let Err(response) = page.form(&body).await {
        return response;
    }
    let mut flow = match page.flow().await {
        Ok(flow) => flow,
        Err(response) => return response,
    };
    let Some(username) = flow.code_for.as_ref().map(|c| c.username.clone()) else {
        return page.go("");
    };
    match page
        .connector
        .pool
        .resend_confirmation_code(&username)
        .await
    {
        Ok(CodeDelivery { destination, .. }) => {
            flow.notice = Some(match &destination {
                Some(to) => format!("We sent a new code to {to}."),
                None => "We sent a new code.".into(),
            });
            flow.code_for = Some(CodeFor {
                username,
                destination,
            });
            match page.save_flow(&flow).await {
                Ok(()) => page.go("/confirm"),
                Err(response) => response,
            }
        }
        Err(e) => {
            if let Some(response) = page.outage(&e) {
                return response;
            }
            let message = if matches!(e, PoolError::TooManyRequests) {
                TRY_LATER
            } else {
                "A new code could not be sent. Try again later."
            };
            confirm_page(&page, &flow, StatusCode::OK, None, Some(message))
        }
    }
}

// ---------------------------------------------------------------- password reset

pub async fn forgot_get(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
) -> Response {
    let page = match Page::load(&state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let username = page.request.login_hint.clone().unwrap_or_default();
    forgot_page(&page, StatusCode::OK, &username, None)
}

fn forgot_page(
    page: &Page<'_>,
    status: StatusCode,
    username: &str,
    error: Option<&str>,
) -> Response {
    pages::render(
        status,
        &CognitoForgotPage {
            base: &page.base,
            csrf: &page.csrf,
            username,
            error,
        },
    )
}

pub async fn forgot_post(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let page = match Page::load(&state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let mut form = match page.form(&body).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let username = form
        .remove("username")
        .unwrap_or_default()
        .trim()
        .to_string();
    if username.is_empty() {
        return forgot_page(&page, StatusCode::OK, "", Some("Enter your username."));
    }
    start_reset(&page, &username, "").await
}

/// Asks the pool to send a reset code and moves to the reset page. An unknown user gets the
/// same page as a known one: the reset form must not reveal which accounts exist.
async fn start_reset(page: &Page<'_>, username: &str, why: &str) -> Response {
    let destination = match page.connector.pool.forgot_password(username).await {
        Ok(delivery) => delivery.destination,
        Err(PoolError::NotAuthorized) => None,
        Err(e) => {
            if let Some(response) = page.outage(&e) {
                return response;
            }
            let message = match e {
                PoolError::TooManyRequests => TRY_LATER,
                PoolError::InvalidParameter(_) => {
                    "This account has no verified email address or phone number to send a code to. Contact the app's support."
                }
                _ => "A reset code could not be sent. Try again later.",
            };
            return forgot_page(page, StatusCode::OK, username, Some(message));
        }
    };
    let sent = match &destination {
        Some(to) => format!("If the account exists, we sent a code to {to}."),
        None => "If the account exists, we sent it a code.".into(),
    };
    let flow = Flow {
        code_for: Some(CodeFor {
            username: username.to_string(),
            destination,
        }),
        notice: Some(format!("{why} {sent}").trim().to_string()),
        ..Flow::default()
    };
    match page.save_flow(&flow).await {
        Ok(()) => page.go("/reset"),
        Err(response) => response,
    }
}

async fn reset_page(
    page: &Page<'_>,
    flow: &Flow,
    status: StatusCode,
    notice: Option<String>,
    error: Option<&str>,
) -> Response {
    let rules = policy_rules(page).await;
    let intro = notice.unwrap_or_else(|| {
        match flow
            .code_for
            .as_ref()
            .and_then(|c| c.destination.as_deref())
        {
            Some(to) => format!("Enter the code we sent to {to} and choose a new password."),
            None => "Enter the code we sent you and choose a new password.".into(),
        }
    });
    pages::render(
        status,
        &CognitoNewPasswordPage {
            base: &page.base,
            action: format!("{}/reset", page.base),
            csrf: &page.csrf,
            intro,
            asks_code: true,
            rules,
            attributes: Vec::new(),
            submit: "Reset password",
            error,
        },
    )
}

pub async fn reset_get(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
) -> Response {
    let page = match Page::load(&state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let mut flow = match page.flow().await {
        Ok(flow) => flow,
        Err(response) => return response,
    };
    if flow.code_for.is_none() {
        return page.go("/forgot");
    }
    let notice = flow.notice.take();
    if notice.is_some()
        && let Err(response) = page.save_flow(&flow).await
    {
        return response;
    }
    reset_page(&page, &flow, StatusCode::OK, notice, None).await
}

pub async fn reset_post(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let page = match Page::load(&state, session, request_id, provider_id).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let mut form = match page.form(&body).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let flow = match page.flow().await {
        Ok(flow) => flow,
        Err(response) => return response,
    };
    let Some(username) = flow.code_for.as_ref().map(|c| c.username.clone()) else {
        return page.go("/forgot");
    };
    let code = form.remove("code").unwrap_or_default().trim().to_string();
    let password = form.remove("new_password").unwrap_or_default();
    if code.is_empty() || password.is_empty() {
        return reset_page(
            &page,
            &flow,
            StatusCode::OK,
            None,
            Some("Enter the code and a new password."),
        )
        .await;
    }
    match page
        .connector
        .pool
        .confirm_forgot_password(&username, &code, &password)
        .await
    {
        Ok(()) => {
            tracing::info!(provider = %page.provider_id, "password reset");
            if let Err(response) = page.clear_flow().await {
                return response;
            }
            page.sign_in_with(&username, &password, &headers).await
        }
        Err(e) => {
            if let Some(response) = page.outage(&e) {
                return response;
            }
            let message = match &e {
                PoolError::CodeMismatch => WRONG_CODE.to_string(),
                PoolError::ExpiredCode => "That code has expired. Start the reset again.".into(),
                PoolError::InvalidPassword(rule) => password_message(rule),
                PoolError::TooManyRequests => TRY_LATER.into(),
                _ => {
                    "The password could not be reset with that code. Start the reset again.".into()
                }
            };
            reset_page(&page, &flow, StatusCode::OK, None, Some(&message)).await
        }
    }
}
