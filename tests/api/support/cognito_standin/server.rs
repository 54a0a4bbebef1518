//! The stand-in's wire protocol and sign-in state machine: one `POST /` that dispatches on
//! `X-Amz-Target`, Cognito's JSON 1.1 errors, and the flows USER_SRP_AUTH (with device SRP and
//! MFA) and CUSTOM_AUTH.
//!
//! Every sign-in in progress is a `Flow`, reached through opaque handles: the `Session` for most
//! challenges, the `SECRET_BLOCK` for PASSWORD_VERIFIER (Cognito sends no Session with that
//! challenge and finds the exchange by its secret block; pycognito, which signs in against real
//! Cognito, sends none back). Handles are single use: each answer retires them.

use super::srp_server::{Exchange, Verifier, random_bytes};
use super::{CustomRound, DeviceRecord, Mfa, RESET_CODE, Recorded, UserOptions};
use axum::body::Bytes;
use axum::extract::State as AxumState;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::{Engine, engine::general_purpose::STANDARD};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use time::{Date, Month, OffsetDateTime};

mod account;
mod profile;
mod sign_in;
mod tokens;

pub type Shared = Arc<Mutex<State>>;

const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService.";
const JSON_1_1: &str = "application/x-amz-json-1.1";
/// Cognito's default "authentication flow session duration".
const FLOW_LIFETIME: Duration = Duration::from_secs(180);
/// How far TIMESTAMP may be from the stand-in's clock. Cognito says "a few seconds"; five
/// minutes keeps slow test machines from flaking while still catching a stale or wrong clock.
const TIMESTAMP_TOLERANCE: time::Duration = time::Duration::minutes(5);
const WRONG_CUSTOM_ANSWERS_ALLOWED: u32 = 3;
const TOKEN_LIFETIME_SECONDS: i64 = 3600;
const INCORRECT: &str = "Incorrect username or password.";

pub struct State {
    pub pool_id: String,
    pub region: String,
    /// App client ID → its secret, if it has one.
    pub clients: HashMap<String, Option<String>>,
    pub users: Vec<User>,
    pub devices: HashMap<String, Device>,
    pub requests: Vec<Recorded>,
    /// Every Session handed out, so tests can look for them where they must not be.
    pub issued_sessions: Vec<String>,
    pub faults: Vec<(String, String)>,
    pub last_confirm_device: Option<Value>,
    /// "Remember devices: user opt-in": ConfirmDevice says UserConfirmationNecessary and the
    /// device is remembered only after UpdateDeviceStatus(remembered).
    pub device_opt_in: bool,
    /// How long every answer takes (a pool far away); requests are recorded on arrival.
    pub latency: Duration,
    /// How long the access and ID tokens issued from now on live, in seconds.
    pub token_lifetime: i64,
    flows: HashMap<u64, Flow>,
    handles: HashMap<String, u64>,
    next_flow: u64,
    access_tokens: HashMap<String, AccessGrant>,
    /// Refresh token → its grant; GetTokensFromRefreshToken rotates them (one use each).
    refresh_tokens: HashMap<String, RefreshGrant>,
}

struct RefreshGrant {
    user: String,
    client_id: String,
    used: bool,
}

pub struct User {
    pub login: String,
    /// The internal username: `sub`, `cognito:username` and USER_ID_FOR_SRP.
    pub id: String,
    pub verifier: Verifier,
    /// Kept for the flows that send the password itself (USER_AUTH with PASSWORD).
    pub password: String,
    pub options: UserOptions,
    pub device_group_key: String,
    /// Cleared by an email change (UpdateUserAttributes), set again by VerifyUserAttribute.
    pub email_verified: bool,
    /// Attributes other than `sub` and `email` set with UpdateUserAttributes.
    pub attributes: Vec<(String, String)>,
}

pub struct Device {
    pub record: DeviceRecord,
    pub group_key: String,
    pub verifier: Option<Verifier>,
}

struct AccessGrant {
    user: String,
    expires_at: OffsetDateTime,
}

struct Flow {
    user: String,
    client_id: String,
    expires: Instant,
    /// DEVICE_KEY from InitiateAuth (or the PASSWORD_VERIFIER answer).
    device_key: Option<String>,
    step: Step,
    handles: Vec<String>,
}

enum Step {
    PasswordVerifier {
        exchange: Exchange,
        secret_block: Vec<u8>,
    },
    DeviceSrpAuth,
    DevicePasswordVerifier {
        exchange: Exchange,
        secret_block: Vec<u8>,
    },
    SoftwareTokenMfa,
    SmsMfa,
    EmailOtp,
    SelectMfa,
    NewPassword,
    Custom {
        round: usize,
        wrong_answers: u32,
    },
}

impl Step {
    fn challenge_name(&self) -> &'static str {
        match self {
            Step::PasswordVerifier { .. } => "PASSWORD_VERIFIER",
            Step::DeviceSrpAuth => "DEVICE_SRP_AUTH",
            Step::DevicePasswordVerifier { .. } => "DEVICE_PASSWORD_VERIFIER",
            Step::SoftwareTokenMfa => "SOFTWARE_TOKEN_MFA",
            Step::SmsMfa => "SMS_MFA",
            Step::EmailOtp => "EMAIL_OTP",
            Step::SelectMfa => "SELECT_MFA_TYPE",
            Step::NewPassword => "NEW_PASSWORD_REQUIRED",
            Step::Custom { .. } => "CUSTOM_CHALLENGE",
        }
    }
}

/// A Cognito error as the SDK parses it: `__type`, `message`, `x-amzn-ErrorType`.
#[derive(Debug)]
pub struct CognitoError {
    kind: String,
    message: String,
}

impl CognitoError {
    fn new(kind: &str, message: impl Into<String>) -> Self {
        Self {
            kind: kind.to_owned(),
            message: message.into(),
        }
    }

    fn not_authorized(message: &str) -> Self {
        Self::new("NotAuthorizedException", message)
    }

    fn incorrect() -> Self {
        Self::not_authorized(INCORRECT)
    }

    fn invalid_session() -> Self {
        Self::not_authorized("Invalid session for the user.")
    }

    fn missing(name: &str) -> Self {
        Self::new(
            "InvalidParameterException",
            format!("Missing required parameter {name}"),
        )
    }
}

impl IntoResponse for CognitoError {
    fn into_response(self) -> Response {
        // Cognito's server-side faults are 5xx (the SDK retries those); the rest are 400.
        let status = match self.kind.as_str() {
            "InternalErrorException" | "ServiceUnavailableException" => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
            _ => StatusCode::BAD_REQUEST,
        };
        let body = json!({"__type": self.kind, "message": self.message}).to_string();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(JSON_1_1));
        if let Ok(kind) = HeaderValue::from_str(&self.kind) {
            headers.insert("x-amzn-ErrorType", kind);
        }
        response
    }
}

type Outcome = Result<Value, CognitoError>;

/// Where a challenge answer leads.
enum Transition {
    /// Another challenge: the flow continues under fresh handles.
    Challenge(Value),
    /// Authenticated: tokens.
    Done,
    /// A wrong answer that may be retried under the same handles (an MFA code).
    Retry(CognitoError),
    /// A wrong answer that ends the sign-in.
    Fail(CognitoError),
}

pub fn router(state: Shared) -> axum::Router {
    axum::Router::new()
        .route("/", axum::routing::post(handle))
        .with_state(state)
}

async fn handle(AxumState(shared): AxumState<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(operation) = headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix(TARGET_PREFIX))
        .map(str::to_owned)
    else {
        return CognitoError::new("UnknownOperationException", "No X-Amz-Target").into_response();
    };
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return CognitoError::new("SerializationException", "Body is not JSON").into_response();
    };
    // The guard lives in this block only: the answer may wait (`latency`) without it.
    let (result, latency) = {
        let mut state = shared.lock().expect("stand-in state");
        state.requests.push(Recorded {
            operation: operation.clone(),
            body: body.clone(),
        });
        let result = match state.take_fault(&operation) {
            Some(kind) => Err(CognitoError::new(&kind, "Injected by the test (fail_next)")),
            None => state.dispatch(&operation, &body),
        };
        (result, state.latency)
    };
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    match result {
        Ok(value) => {
            let mut response = (StatusCode::OK, value.to_string()).into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(JSON_1_1));
            if let Ok(id) = HeaderValue::from_str(&uuid::Uuid::new_v4().to_string()) {
                headers.insert("x-amzn-RequestId", id);
            }
            response
        }
        Err(error) => error.into_response(),
    }
}

impl State {
    pub fn new(pool_id: String, region: String, clients: HashMap<String, Option<String>>) -> Self {
        Self {
            pool_id,
            region,
            clients,
            users: Vec::new(),
            devices: HashMap::new(),
            requests: Vec::new(),
            issued_sessions: Vec::new(),
            faults: Vec::new(),
            last_confirm_device: None,
            device_opt_in: false,
            latency: Duration::ZERO,
            token_lifetime: TOKEN_LIFETIME_SECONDS,
            flows: HashMap::new(),
            handles: HashMap::new(),
            next_flow: 0,
            access_tokens: HashMap::new(),
            refresh_tokens: HashMap::new(),
        }
    }

    pub fn pool_name(&self) -> &str {
        self.pool_id
            .split_once('_')
            .map_or(self.pool_id.as_str(), |(_, name)| name)
    }

    pub fn issuer(&self) -> String {
        format!(
            "https://cognito-idp.{}.amazonaws.com/{}",
            self.region, self.pool_id
        )
    }

    pub fn expire_flows(&mut self) {
        let past = Instant::now() - Duration::from_secs(1);
        for flow in self.flows.values_mut() {
            flow.expires = past;
        }
    }

    fn take_fault(&mut self, operation: &str) -> Option<String> {
        let index = self.faults.iter().position(|(op, _)| op == operation)?;
        Some(self.faults.remove(index).1)
    }

    fn dispatch(&mut self, operation: &str, body: &Value) -> Outcome {
        match operation {
            "InitiateAuth" => self.initiate_auth(body),
            "RespondToAuthChallenge" => self.respond_to_auth_challenge(body),
            "ConfirmDevice" => self.confirm_device(body),
            "UpdateDeviceStatus" => self.update_device_status(body),
            "ForgetDevice" => self.forget_device(body),
            "GetUser" => self.get_user(body),
            "AssociateSoftwareToken" => self.associate_software_token(body),
            "ForgotPassword" => self.forgot_password(body),
            "ConfirmForgotPassword" => self.confirm_forgot_password(body),
            "ResendConfirmationCode" => self.forgot_password(body),
            "SetUserMFAPreference" => self.set_mfa_preference(body),
            "UpdateUserAttributes" => self.update_user_attributes(body),
            "GetUserAttributeVerificationCode" => self.get_user_attribute_verification_code(body),
            "VerifyUserAttribute" => self.verify_user_attribute(body),
            "ListDevices" => self.list_devices(body),
            "DeleteUser" => self.delete_user(body),
            "ChangePassword" => self.change_password(body),
            "GlobalSignOut" => self.global_sign_out(body),
            "GetTokensFromRefreshToken" => self.get_tokens_from_refresh_token(body),
            other => Err(CognitoError::new(
                "UnknownOperationException",
                format!("The stand-in does not implement {other}"),
            )),
        }
    }
}

/// PASSWORD_CLAIM_SIGNATURE and TIMESTAMP of a (device) password verifier answer.
fn check_claim(
    exchange: &Exchange,
    realm: &str,
    user: &str,
    secret_block: &[u8],
    responses: &HashMap<String, String>,
) -> Result<(), CognitoError> {
    let signature = param(responses, "PASSWORD_CLAIM_SIGNATURE")?;
    let timestamp = param(responses, "TIMESTAMP")?;
    if !timestamp_is_valid(timestamp, OffsetDateTime::now_utc()) {
        return Err(CognitoError::incorrect());
    }
    let given = STANDARD
        .decode(signature)
        .map_err(|_| CognitoError::incorrect())?;
    let expected = exchange
        .expected_claim(realm, user, secret_block, timestamp)
        .ok_or_else(CognitoError::incorrect)?;
    if authgate::security::constant_time_eq(&given, &expected) {
        Ok(())
    } else {
        Err(CognitoError::incorrect())
    }
}

/// SECRET_HASH, when the app client has a secret: over exactly the USERNAME sent alongside.
fn check_secret_hash(
    secret: Option<&str>,
    client_id: &str,
    username: &str,
    params: &HashMap<String, String>,
) -> Result<(), CognitoError> {
    use hmac::{Hmac, Mac};
    let Some(secret) = secret else {
        return Ok(());
    };
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(username.as_bytes());
    mac.update(client_id.as_bytes());
    let expected = STANDARD.encode(mac.finalize().into_bytes());
    match params.get("SECRET_HASH") {
        Some(given)
            if authgate::security::constant_time_eq(given.as_bytes(), expected.as_bytes()) =>
        {
            Ok(())
        }
        _ => Err(CognitoError::not_authorized(&format!(
            "Unable to verify secret hash for client {client_id}"
        ))),
    }
}

/// Cognito's TIMESTAMP: the exact format (English names, the day not padded) for a moment
/// within the tolerance of now. Checked by re-formatting what was parsed, so a padded day or a
/// weekday that does not match the date fails.
pub fn timestamp_is_valid(timestamp: &str, now: OffsetDateTime) -> bool {
    let Some(moment) = parse_timestamp(timestamp) else {
        return false;
    };
    format_timestamp(moment) == timestamp && (now - moment).abs() <= TIMESTAMP_TOLERANCE
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn parse_timestamp(timestamp: &str) -> Option<OffsetDateTime> {
    let parts: Vec<&str> = timestamp.split(' ').collect();
    let [_, month, day, clock, "UTC", year] = parts.as_slice() else {
        return None;
    };
    let month = MONTHS.iter().position(|m| m == month)?;
    let clock: Vec<u8> = clock
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [hour, minute, second] = clock.as_slice() else {
        return None;
    };
    let date = Date::from_calendar_date(
        year.parse().ok()?,
        Month::try_from(month as u8 + 1).ok()?,
        day.parse().ok()?,
    )
    .ok()?;
    Some(date.with_hms(*hour, *minute, *second).ok()?.assume_utc())
}

fn format_timestamp(moment: OffsetDateTime) -> String {
    format!(
        "{} {} {} {:02}:{:02}:{:02} UTC {}",
        WEEKDAYS[moment.weekday().number_days_from_monday() as usize],
        MONTHS[moment.month() as usize - 1],
        moment.day(),
        moment.hour(),
        moment.minute(),
        moment.second(),
        moment.year()
    )
}

/// `+15555550123` → `+*******0123`, as Cognito shows the SMS destination.
fn mask_phone(phone: &str) -> String {
    let keep = phone.len().saturating_sub(4);
    format!("+*******{}", &phone[keep..])
}

/// `alice@example.com` → `a***@e***`, as Cognito shows an email destination.
fn mask_email(email: &str) -> String {
    let (local, domain) = email.split_once('@').unwrap_or((email, ""));
    let first = |s: &str| s.chars().next().map(String::from).unwrap_or_default();
    format!("{}***@{}***", first(local), first(domain))
}

/// `SecretHash` as a top-level member (the non-auth operations), checked like SECRET_HASH.
fn check_body_secret_hash(
    secret: Option<&str>,
    client_id: &str,
    username: &str,
    body: &Value,
) -> Result<(), CognitoError> {
    let mut params = HashMap::new();
    if let Some(hash) = body.get("SecretHash").and_then(Value::as_str) {
        params.insert("SECRET_HASH".to_owned(), hash.to_owned());
    }
    check_secret_hash(secret, client_id, username, &params)
}

fn default_email(login: &str) -> String {
    if login.contains('@') {
        login.to_owned()
    } else {
        format!("{login}@example.com")
    }
}

fn custom_parameters(round: &CustomRound, user_id: &str) -> Value {
    let mut parameters: Map<String, Value> = round
        .parameters
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    parameters.insert("USERNAME".to_owned(), Value::String(user_id.to_owned()));
    Value::Object(parameters)
}

fn required<'a>(body: &'a Value, name: &str) -> Result<&'a str, CognitoError> {
    body.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| CognitoError::missing(name))
}

fn param<'a>(params: &'a HashMap<String, String>, name: &str) -> Result<&'a str, CognitoError> {
    params
        .get(name)
        .map(String::as_str)
        .ok_or_else(|| CognitoError::missing(name))
}

fn string_map(body: &Value, name: &str) -> HashMap<String, String> {
    body.get(name)
        .and_then(Value::as_object)
        .map(|map| {
            map.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default()
}
