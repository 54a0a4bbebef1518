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
            "ForgotPassword" => self.forgot_password(body),
            "ConfirmForgotPassword" => self.confirm_forgot_password(body),
            "ResendConfirmationCode" => self.forgot_password(body),
            "SetUserMFAPreference" => self.set_mfa_preference(body),
            "GetTokensFromRefreshToken" => self.get_tokens_from_refresh_token(body),
            other => Err(CognitoError::new(
                "UnknownOperationException",
                format!("The stand-in does not implement {other}"),
            )),
        }
    }

    // ---- InitiateAuth ------------------------------------------------------------------

    fn initiate_auth(&mut self, body: &Value) -> Outcome {
        let client_id = required(body, "ClientId")?;
        let secret = self.client_secret(client_id)?;
        let params = string_map(body, "AuthParameters");
        match required(body, "AuthFlow")? {
            "USER_SRP_AUTH" => self.start_srp(client_id, secret.as_deref(), &params),
            "CUSTOM_AUTH" => self.start_custom(client_id, secret.as_deref(), &params),
            "USER_AUTH" => self.start_user_auth(client_id, secret.as_deref(), &params),
            other => Err(CognitoError::new(
                "InvalidParameterException",
                format!("The stand-in does not implement the {other} flow"),
            )),
        }
    }

    fn start_srp(
        &mut self,
        client_id: &str,
        secret: Option<&str>,
        params: &HashMap<String, String>,
    ) -> Outcome {
        let username = param(params, "USERNAME")?;
        let srp_a = param(params, "SRP_A")?;
        check_secret_hash(secret, client_id, username, params)?;
        let user = self.user_by_name(username)?;
        let exchange = Exchange::start(&user.verifier, srp_a).ok_or_else(|| {
            CognitoError::new("InvalidParameterException", "SRP_A is not a valid value")
        })?;
        let (user_id, salt) = (user.id.clone(), user.verifier.salt_hex());
        let secret_block = random_bytes(96);
        let secret_block_b64 = STANDARD.encode(&secret_block);
        let parameters = json!({
            "SALT": salt,
            "SRP_B": exchange.srp_b_hex(),
            "SECRET_BLOCK": secret_block_b64,
            "USER_ID_FOR_SRP": user_id,
            "USERNAME": user_id,
        });
        let flow = Flow {
            user: user_id,
            client_id: client_id.to_owned(),
            expires: Instant::now() + FLOW_LIFETIME,
            device_key: params.get("DEVICE_KEY").cloned(),
            step: Step::PasswordVerifier {
                exchange,
                secret_block,
            },
            handles: Vec::new(),
        };
        // No Session: the secret block is this challenge's handle.
        self.insert_flow(flow, vec![secret_block_b64]);
        Ok(json!({"ChallengeName": "PASSWORD_VERIFIER", "ChallengeParameters": parameters}))
    }

    /// USER_AUTH answered up front with PREFERRED_CHALLENGE=PASSWORD and the password.
    fn start_user_auth(
        &mut self,
        client_id: &str,
        secret: Option<&str>,
        params: &HashMap<String, String>,
    ) -> Outcome {
        let username = param(params, "USERNAME")?;
        check_secret_hash(secret, client_id, username, params)?;
        if params.get("PREFERRED_CHALLENGE").map(String::as_str) != Some("PASSWORD") {
            return Err(CognitoError::new(
                "InvalidParameterException",
                "The stand-in implements USER_AUTH with PREFERRED_CHALLENGE=PASSWORD only",
            ));
        }
        let given = param(params, "PASSWORD")?;
        let user = self.user_by_name(username)?;
        if !authgate::security::constant_time_eq(given.as_bytes(), user.password.as_bytes()) {
            return Err(CognitoError::incorrect());
        }
        let mut flow = Flow {
            user: user.id.clone(),
            client_id: client_id.to_owned(),
            expires: Instant::now() + FLOW_LIFETIME,
            device_key: params.get("DEVICE_KEY").cloned(),
            step: Step::SoftwareTokenMfa,
            handles: Vec::new(),
        };
        let transition = self.second_factor(&mut flow);
        self.conclude(flow, transition)
    }

    fn start_custom(
        &mut self,
        client_id: &str,
        secret: Option<&str>,
        params: &HashMap<String, String>,
    ) -> Outcome {
        let username = param(params, "USERNAME")?;
        check_secret_hash(secret, client_id, username, params)?;
        if params.contains_key("SRP_A") || params.contains_key("CHALLENGE_NAME") {
            return Err(CognitoError::new(
                "InvalidParameterException",
                "The stand-in does not implement SRP inside CUSTOM_AUTH",
            ));
        }
        let user = self.user_by_name(username)?;
        let Some(first) = user.options.custom_challenges.first() else {
            return Err(CognitoError::not_authorized(
                "Custom auth lambda trigger is not configured for the user pool.",
            ));
        };
        let parameters = custom_parameters(first, &user.id);
        let flow = Flow {
            user: user.id.clone(),
            client_id: client_id.to_owned(),
            expires: Instant::now() + FLOW_LIFETIME,
            device_key: params.get("DEVICE_KEY").cloned(),
            step: Step::Custom {
                round: 0,
                wrong_answers: 0,
            },
            handles: Vec::new(),
        };
        let session = authgate::security::random_token();
        self.issued_sessions.push(session.clone());
        self.insert_flow(flow, vec![session.clone()]);
        Ok(json!({
            "ChallengeName": "CUSTOM_CHALLENGE",
            "ChallengeParameters": parameters,
            "Session": session,
        }))
    }

    // ---- RespondToAuthChallenge --------------------------------------------------------

    fn respond_to_auth_challenge(&mut self, body: &Value) -> Outcome {
        let client_id = required(body, "ClientId")?;
        let secret = self.client_secret(client_id)?;
        let challenge = required(body, "ChallengeName")?;
        let responses = string_map(body, "ChallengeResponses");
        let session = body.get("Session").and_then(Value::as_str);
        let id = self.locate_flow(challenge, session, &responses)?;
        let mut flow = self
            .take_flow(id)
            .ok_or_else(CognitoError::invalid_session)?;
        if flow.expires < Instant::now() {
            return Err(CognitoError::not_authorized(
                "Invalid session for the user, session is expired.",
            ));
        }
        if flow.client_id != client_id || flow.step.challenge_name() != challenge {
            return Err(CognitoError::invalid_session());
        }
        let transition = self.answer(&mut flow, secret.as_deref(), &responses);
        self.conclude(flow, transition)
    }

    /// Finds the flow an answer belongs to: by Session, and for the verifier challenges also
    /// by PASSWORD_CLAIM_SECRET_BLOCK (both must agree when both are sent).
    fn locate_flow(
        &self,
        challenge: &str,
        session: Option<&str>,
        responses: &HashMap<String, String>,
    ) -> Result<u64, CognitoError> {
        let by_session = match session {
            Some(s) => Some(
                *self
                    .handles
                    .get(s)
                    .ok_or_else(CognitoError::invalid_session)?,
            ),
            None => None,
        };
        let is_verifier = matches!(challenge, "PASSWORD_VERIFIER" | "DEVICE_PASSWORD_VERIFIER");
        let by_block = if is_verifier {
            let block = param(responses, "PASSWORD_CLAIM_SECRET_BLOCK")?;
            Some(
                *self
                    .handles
                    .get(block)
                    .ok_or_else(CognitoError::incorrect)?,
            )
        } else {
            None
        };
        match (by_session, by_block) {
            (Some(a), Some(b)) if a != b => Err(CognitoError::incorrect()),
            (Some(id), _) | (None, Some(id)) => Ok(id),
            (None, None) => Err(CognitoError::missing("Session")),
        }
    }

    fn answer(
        &mut self,
        flow: &mut Flow,
        secret: Option<&str>,
        responses: &HashMap<String, String>,
    ) -> Transition {
        // Every answer names the user; SRP verifier answers must use USER_ID_FOR_SRP (as
        // Amplify and pycognito do), later ones may use the sign-in alias too.
        let strict = matches!(flow.step, Step::PasswordVerifier { .. });
        if let Err(error) = self.check_answer_username(flow, secret, responses, strict) {
            return Transition::Fail(error);
        }
        match flow.step {
            Step::PasswordVerifier { .. } => self.verify_password(flow, responses),
            Step::DeviceSrpAuth => self.start_device_srp(flow, responses),
            Step::DevicePasswordVerifier { .. } => self.verify_device(flow, responses),
            Step::SoftwareTokenMfa | Step::SmsMfa | Step::EmailOtp => {
                self.check_mfa(flow, responses)
            }
            Step::SelectMfa => self.select_mfa(flow, responses),
            Step::NewPassword => self.new_password(flow, responses),
            Step::Custom { .. } => self.check_custom(flow, responses),
        }
    }

    fn check_answer_username(
        &self,
        flow: &Flow,
        secret: Option<&str>,
        responses: &HashMap<String, String>,
        strict: bool,
    ) -> Result<(), CognitoError> {
        let username = param(responses, "USERNAME")?;
        let user = self.user(&flow.user);
        let names_user = username == user.id || (!strict && username == user.login);
        if !names_user {
            return Err(CognitoError::incorrect());
        }
        check_secret_hash(secret, &flow.client_id, username, responses)
    }

    fn verify_password(
        &mut self,
        flow: &mut Flow,
        responses: &HashMap<String, String>,
    ) -> Transition {
        let Step::PasswordVerifier {
            exchange,
            secret_block,
        } = &flow.step
        else {
            return Transition::Fail(CognitoError::invalid_session());
        };
        let realm = self.pool_name().to_owned();
        if let Err(error) = check_claim(exchange, &realm, &flow.user, secret_block, responses) {
            return Transition::Fail(error);
        }
        if let Some(key) = responses.get("DEVICE_KEY") {
            flow.device_key = Some(key.clone());
        }
        if self.remembered_device(flow).is_some() {
            flow.step = Step::DeviceSrpAuth;
            return Transition::Challenge(json!({
                "ChallengeName": "DEVICE_SRP_AUTH",
                "ChallengeParameters": {"USERNAME": flow.user},
            }));
        }
        self.second_factor(flow)
    }

    /// The device this flow named, if it is this user's, confirmed and remembered.
    fn remembered_device(&self, flow: &Flow) -> Option<&Device> {
        let device = self.devices.get(flow.device_key.as_deref()?)?;
        let usable = device.record.owner == flow.user
            && device.record.remembered
            && device.verifier.is_some();
        usable.then_some(device)
    }

    /// After the password: a forced new password, then MFA if the user has it, else done.
    fn second_factor(&self, flow: &mut Flow) -> Transition {
        let user = self.user(&flow.user);
        if let Some(attributes) = &user.options.new_password_required {
            flow.step = Step::NewPassword;
            let required: Vec<String> = attributes
                .iter()
                .map(|a| format!("userAttributes.{a}"))
                .collect();
            return Transition::Challenge(json!({
                "ChallengeName": "NEW_PASSWORD_REQUIRED",
                "ChallengeParameters": {
                    "USERNAME": user.id,
                    "requiredAttributes": serde_json::to_string(&required).expect("json"),
                    "userAttributes": "{}",
                },
            }));
        }
        match &user.options.mfa {
            Mfa::None => Transition::Done,
            Mfa::SoftwareToken { .. } => {
                flow.step = Step::SoftwareTokenMfa;
                Transition::Challenge(json!({
                    "ChallengeName": "SOFTWARE_TOKEN_MFA",
                    "ChallengeParameters": {"USERNAME": user.id, "USER_ID_FOR_SRP": user.id},
                }))
            }
            Mfa::Email { .. } => {
                flow.step = Step::EmailOtp;
                let email = user
                    .options
                    .email
                    .clone()
                    .unwrap_or_else(|| default_email(&user.login));
                Transition::Challenge(json!({
                    "ChallengeName": "EMAIL_OTP",
                    "ChallengeParameters": {
                        "USERNAME": user.id,
                        "CODE_DELIVERY_DELIVERY_MEDIUM": "EMAIL",
                        "CODE_DELIVERY_DESTINATION": mask_email(&email),
                    },
                }))
            }
            Mfa::Choice { .. } => {
                flow.step = Step::SelectMfa;
                Transition::Challenge(json!({
                    "ChallengeName": "SELECT_MFA_TYPE",
                    "ChallengeParameters": {
                        "USERNAME": user.id,
                        "MFAS_CAN_CHOOSE": "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]",
                    },
                }))
            }
            Mfa::Sms { phone, .. } => {
                flow.step = Step::SmsMfa;
                Transition::Challenge(json!({
                    "ChallengeName": "SMS_MFA",
                    "ChallengeParameters": {
                        "USERNAME": user.id,
                        "USER_ID_FOR_SRP": user.id,
                        "CODE_DELIVERY_DELIVERY_MEDIUM": "SMS",
                        "CODE_DELIVERY_DESTINATION": mask_phone(phone),
                    },
                }))
            }
        }
    }

    fn start_device_srp(
        &mut self,
        flow: &mut Flow,
        responses: &HashMap<String, String>,
    ) -> Transition {
        let (device_key, srp_a) = match (param(responses, "DEVICE_KEY"), param(responses, "SRP_A"))
        {
            (Ok(key), Ok(a)) => (key, a),
            (Err(error), _) | (_, Err(error)) => return Transition::Fail(error),
        };
        if flow.device_key.as_deref() != Some(device_key) {
            return Transition::Fail(CognitoError::incorrect());
        }
        let Some(device) = self.remembered_device(flow) else {
            return Transition::Fail(CognitoError::incorrect());
        };
        let Some(verifier) = &device.verifier else {
            return Transition::Fail(CognitoError::incorrect());
        };
        let Some(exchange) = Exchange::start(verifier, srp_a) else {
            return Transition::Fail(CognitoError::new(
                "InvalidParameterException",
                "SRP_A is not a valid value",
            ));
        };
        let secret_block = random_bytes(96);
        let parameters = json!({
            "USERNAME": flow.user,
            "SRP_B": exchange.srp_b_hex(),
            "SALT": verifier.salt_hex(),
            "SECRET_BLOCK": STANDARD.encode(&secret_block),
        });
        flow.step = Step::DevicePasswordVerifier {
            exchange,
            secret_block,
        };
        Transition::Challenge(json!({
            "ChallengeName": "DEVICE_PASSWORD_VERIFIER",
            "ChallengeParameters": parameters,
        }))
    }

    fn verify_device(
        &mut self,
        flow: &mut Flow,
        responses: &HashMap<String, String>,
    ) -> Transition {
        let Step::DevicePasswordVerifier {
            exchange,
            secret_block,
        } = &flow.step
        else {
            return Transition::Fail(CognitoError::invalid_session());
        };
        let device_key = match param(responses, "DEVICE_KEY") {
            Ok(key) if flow.device_key.as_deref() == Some(key) => key,
            Ok(_) => return Transition::Fail(CognitoError::incorrect()),
            Err(error) => return Transition::Fail(error),
        };
        let Some(device) = self.remembered_device(flow) else {
            return Transition::Fail(CognitoError::incorrect());
        };
        let group_key = device.group_key.clone();
        if let Err(error) = check_claim(exchange, &group_key, device_key, secret_block, responses) {
            return Transition::Fail(error);
        }
        // A remembered device stands in for the second factor: no MFA after it.
        Transition::Done
    }

    fn check_mfa(&mut self, flow: &mut Flow, responses: &HashMap<String, String>) -> Transition {
        let user = self.user(&flow.user);
        let (field, expected) = match (&flow.step, &user.options.mfa) {
            (Step::SoftwareTokenMfa, Mfa::SoftwareToken { code }) => {
                ("SOFTWARE_TOKEN_MFA_CODE", code)
            }
            (Step::SmsMfa, Mfa::Sms { code, .. }) => ("SMS_MFA_CODE", code),
            (Step::EmailOtp, Mfa::Email { code }) => ("EMAIL_OTP_CODE", code),
            (Step::SoftwareTokenMfa, Mfa::Choice { totp, .. }) => ("SOFTWARE_TOKEN_MFA_CODE", totp),
            (Step::SmsMfa, Mfa::Choice { sms, .. }) => ("SMS_MFA_CODE", sms),
            _ => return Transition::Fail(CognitoError::invalid_session()),
        };
        match param(responses, field) {
            Ok(given)
                if authgate::security::constant_time_eq(given.as_bytes(), expected.as_bytes()) =>
            {
                Transition::Done
            }
            Ok(_) => Transition::Retry(CognitoError::new(
                "CodeMismatchException",
                "Invalid code received for user",
            )),
            Err(error) => Transition::Retry(error),
        }
    }

    /// NEW_PASSWORD_REQUIRED: a new password (a new verifier) and every required attribute.
    fn new_password(&mut self, flow: &mut Flow, responses: &HashMap<String, String>) -> Transition {
        let Ok(password) = param(responses, "NEW_PASSWORD") else {
            return Transition::Retry(CognitoError::missing("NEW_PASSWORD"));
        };
        if password.len() < 8 {
            return Transition::Retry(CognitoError::new(
                "InvalidPasswordException",
                "Password does not conform to policy: Password not long enough",
            ));
        }
        let user = self.user(&flow.user);
        let missing = user
            .options
            .new_password_required
            .iter()
            .flatten()
            .find(|a| {
                responses
                    .get(&format!("userAttributes.{a}"))
                    .is_none_or(|v| v.is_empty())
            })
            .cloned();
        if let Some(attribute) = missing {
            return Transition::Retry(CognitoError::new(
                "InvalidParameterException",
                format!("Missing required attribute {attribute}"),
            ));
        }
        let (id, realm, password) = (
            flow.user.clone(),
            self.pool_name().to_owned(),
            password.to_owned(),
        );
        if let Some(user) = self.users.iter_mut().find(|u| u.id == id) {
            user.verifier = Verifier::new(&realm, &id, &password);
            user.password = password;
            user.options.new_password_required = None;
        }
        self.second_factor(flow)
    }

    /// SELECT_MFA_TYPE: the ANSWER picks the challenge that follows.
    fn select_mfa(&mut self, flow: &mut Flow, responses: &HashMap<String, String>) -> Transition {
        let user = self.user(&flow.user);
        let Mfa::Choice { phone, .. } = &user.options.mfa else {
            return Transition::Fail(CognitoError::invalid_session());
        };
        match responses.get("ANSWER").map(String::as_str) {
            Some("SOFTWARE_TOKEN_MFA") => {
                flow.step = Step::SoftwareTokenMfa;
                Transition::Challenge(json!({
                    "ChallengeName": "SOFTWARE_TOKEN_MFA",
                    "ChallengeParameters": {"USERNAME": user.id},
                }))
            }
            Some("SMS_MFA") => {
                let destination = mask_phone(phone);
                flow.step = Step::SmsMfa;
                Transition::Challenge(json!({
                    "ChallengeName": "SMS_MFA",
                    "ChallengeParameters": {
                        "USERNAME": user.id,
                        "CODE_DELIVERY_DELIVERY_MEDIUM": "SMS",
                        "CODE_DELIVERY_DESTINATION": destination,
                    },
                }))
            }
            _ => Transition::Retry(CognitoError::new(
                "InvalidParameterException",
                "ANSWER must be one of MFAS_CAN_CHOOSE",
            )),
        }
    }

    fn check_custom(&mut self, flow: &mut Flow, responses: &HashMap<String, String>) -> Transition {
        let Step::Custom {
            round,
            wrong_answers,
        } = flow.step
        else {
            return Transition::Fail(CognitoError::invalid_session());
        };
        let answer = match param(responses, "ANSWER") {
            Ok(answer) => answer,
            Err(error) => return Transition::Fail(error),
        };
        let user = self.user(&flow.user);
        let rounds = &user.options.custom_challenges;
        let Some(current) = rounds.get(round) else {
            return Transition::Fail(CognitoError::invalid_session());
        };
        let (round, wrong_answers) =
            if authgate::security::constant_time_eq(answer.as_bytes(), current.answer.as_bytes()) {
                (round + 1, wrong_answers)
            } else if wrong_answers + 1 >= WRONG_CUSTOM_ANSWERS_ALLOWED {
                return Transition::Fail(CognitoError::incorrect());
            } else {
                // Like a define-auth-challenge trigger that allows retries: the same
                // challenge again, under a fresh Session.
                (round, wrong_answers + 1)
            };
        let Some(next) = rounds.get(round) else {
            return Transition::Done;
        };
        let parameters = custom_parameters(next, &user.id);
        flow.step = Step::Custom {
            round,
            wrong_answers,
        };
        Transition::Challenge(json!({
            "ChallengeName": "CUSTOM_CHALLENGE",
            "ChallengeParameters": parameters,
        }))
    }

    /// Applies a transition: re-files the flow under new handles, keeps it, or ends it.
    fn conclude(&mut self, mut flow: Flow, transition: Transition) -> Outcome {
        match transition {
            Transition::Challenge(mut response) => {
                let session = authgate::security::random_token();
                self.issued_sessions.push(session.clone());
                let mut handles = vec![session.clone()];
                if let Some(block) = response["ChallengeParameters"]["SECRET_BLOCK"].as_str() {
                    handles.push(block.to_owned());
                }
                response["Session"] = Value::String(session);
                flow.handles.clear();
                self.insert_flow(flow, handles);
                Ok(response)
            }
            Transition::Retry(error) => {
                let handles = std::mem::take(&mut flow.handles);
                self.insert_flow(flow, handles);
                Err(error)
            }
            Transition::Fail(error) => Err(error),
            Transition::Done => {
                Ok(json!({"ChallengeParameters": {}, "AuthenticationResult": self.tokens(&flow)}))
            }
        }
    }

    fn insert_flow(&mut self, mut flow: Flow, handles: Vec<String>) {
        let id = self.next_flow;
        self.next_flow += 1;
        for handle in &handles {
            self.handles.insert(handle.clone(), id);
        }
        flow.handles = handles;
        self.flows.insert(id, flow);
    }

    fn take_flow(&mut self, id: u64) -> Option<Flow> {
        let flow = self.flows.remove(&id)?;
        for handle in &flow.handles {
            self.handles.remove(handle);
        }
        Some(flow)
    }

    // ---- Tokens ------------------------------------------------------------------------

    /// AuthenticationResult; NewDeviceMetadata unless the sign-in used a known device.
    fn tokens(&mut self, flow: &Flow) -> Value {
        let known_device = flow
            .device_key
            .as_ref()
            .filter(|key| {
                self.devices
                    .get(key.as_str())
                    .is_some_and(|d| d.record.owner == flow.user && d.record.confirmed)
            })
            .cloned();
        let (device_key, new_device) = match known_device {
            Some(key) => (key, None),
            None => {
                let (key, group) = self.new_device(&flow.user);
                (
                    key.clone(),
                    Some(json!({"DeviceKey": key, "DeviceGroupKey": group})),
                )
            }
        };
        let now = OffsetDateTime::now_utc();
        let access_token = self.jwt(&self.access_claims(flow, &device_key, now));
        self.access_tokens.insert(
            access_token.clone(),
            AccessGrant {
                user: flow.user.clone(),
                expires_at: now + time::Duration::seconds(TOKEN_LIFETIME_SECONDS),
            },
        );
        let refresh_token = format!(
            "{}.{}",
            authgate::security::random_token(),
            authgate::security::random_token()
        );
        self.refresh_tokens.insert(
            refresh_token.clone(),
            RefreshGrant {
                user: flow.user.clone(),
                client_id: flow.client_id.clone(),
                used: false,
            },
        );
        let mut result = json!({
            "AccessToken": access_token,
            "IdToken": self.jwt(&self.id_claims(flow, now)),
            "RefreshToken": refresh_token,
            "ExpiresIn": TOKEN_LIFETIME_SECONDS,
            "TokenType": "Bearer",
        });
        if let Some(metadata) = new_device {
            result["NewDeviceMetadata"] = metadata;
        }
        result
    }

    fn new_device(&mut self, user_id: &str) -> (String, String) {
        let key = format!("{}_{}", self.region, uuid::Uuid::new_v4());
        let group = self.user(user_id).device_group_key.clone();
        self.devices.insert(
            key.clone(),
            Device {
                record: DeviceRecord {
                    key: key.clone(),
                    owner: user_id.to_owned(),
                    name: None,
                    confirmed: false,
                    remembered: false,
                },
                group_key: group.clone(),
                verifier: None,
            },
        );
        (key, group)
    }

    fn id_claims(&self, flow: &Flow, now: OffsetDateTime) -> Value {
        let user = self.user(&flow.user);
        let mut claims = json!({
            "sub": user.id,
            "iss": self.issuer(),
            "aud": flow.client_id,
            "token_use": "id",
            "cognito:username": user.id,
            "email": user.options.email.clone().unwrap_or_else(|| default_email(&user.login)),
            "email_verified": true,
            "auth_time": now.unix_timestamp(),
            "iat": now.unix_timestamp(),
            "exp": now.unix_timestamp() + TOKEN_LIFETIME_SECONDS,
            "jti": uuid::Uuid::new_v4().to_string(),
            "origin_jti": uuid::Uuid::new_v4().to_string(),
            "event_id": uuid::Uuid::new_v4().to_string(),
        });
        if !user.options.groups.is_empty() {
            claims["cognito:groups"] = json!(user.options.groups);
        }
        claims
    }

    fn access_claims(&self, flow: &Flow, device_key: &str, now: OffsetDateTime) -> Value {
        let user = self.user(&flow.user);
        let mut claims = json!({
            "sub": user.id,
            "iss": self.issuer(),
            "client_id": flow.client_id,
            "token_use": "access",
            "scope": "aws.cognito.signin.user.admin",
            "username": user.id,
            "device_key": device_key,
            "auth_time": now.unix_timestamp(),
            "iat": now.unix_timestamp(),
            "exp": now.unix_timestamp() + TOKEN_LIFETIME_SECONDS,
            "jti": uuid::Uuid::new_v4().to_string(),
            "origin_jti": uuid::Uuid::new_v4().to_string(),
            "event_id": uuid::Uuid::new_v4().to_string(),
        });
        if !user.options.groups.is_empty() {
            claims["cognito:groups"] = json!(user.options.groups);
        }
        claims
    }

    fn jwt(&self, claims: &Value) -> String {
        let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
        header.kid = Some("standin".to_owned());
        jsonwebtoken::encode(
            &header,
            claims,
            &jsonwebtoken::EncodingKey::from_secret(super::TOKEN_SECRET),
        )
        .expect("HS256 signing")
    }

    // ---- Devices and users ---------------------------------------------------------------

    fn confirm_device(&mut self, body: &Value) -> Outcome {
        let user = self.access_token_user(body)?;
        let device_key = required(body, "DeviceKey")?;
        let config = body
            .get("DeviceSecretVerifierConfig")
            .ok_or_else(|| CognitoError::missing("DeviceSecretVerifierConfig"))?;
        let verifier = Verifier::from_device_config(
            required(config, "Salt")?,
            required(config, "PasswordVerifier")?,
        )
        .ok_or_else(|| {
            CognitoError::new(
                "InvalidParameterException",
                "DeviceSecretVerifierConfig is not valid base64",
            )
        })?;
        let opt_in = self.device_opt_in;
        let device = self.own_device(&user, device_key)?;
        if device.record.confirmed {
            return Err(CognitoError::new(
                "DeviceKeyExistsException",
                "Device key already exists",
            ));
        }
        device.verifier = Some(verifier);
        device.record.confirmed = true;
        device.record.remembered = !opt_in;
        device.record.name = body
            .get("DeviceName")
            .and_then(Value::as_str)
            .map(str::to_owned);
        self.last_confirm_device = Some(body.clone());
        Ok(json!({"UserConfirmationNecessary": opt_in}))
    }

    fn update_device_status(&mut self, body: &Value) -> Outcome {
        let user = self.access_token_user(body)?;
        let remembered = match body.get("DeviceRememberedStatus").and_then(Value::as_str) {
            Some("remembered") => true,
            Some("not_remembered") => false,
            _ => {
                return Err(CognitoError::new(
                    "InvalidParameterException",
                    "DeviceRememberedStatus must be remembered or not_remembered",
                ));
            }
        };
        let device = self.own_device(&user, required(body, "DeviceKey")?)?;
        device.record.remembered = remembered;
        Ok(json!({}))
    }

    fn forget_device(&mut self, body: &Value) -> Outcome {
        let user = self.access_token_user(body)?;
        let key = required(body, "DeviceKey")?;
        self.own_device(&user, key)?;
        self.devices.remove(key);
        Ok(json!({}))
    }

    /// GetTokensFromRefreshToken with refresh-token rotation: each refresh token works once and
    /// the answer carries the next; the client secret is sent as is (no SECRET_HASH).
    fn get_tokens_from_refresh_token(&mut self, body: &Value) -> Outcome {
        let client_id = required(body, "ClientId")?.to_owned();
        let secret = self.client_secret(&client_id)?;
        let given = body.get("ClientSecret").and_then(Value::as_str);
        match (secret.as_deref(), given) {
            (None, None) => {}
            (Some(expected), Some(given))
                if authgate::security::constant_time_eq(expected.as_bytes(), given.as_bytes()) => {}
            _ => {
                return Err(CognitoError::not_authorized(
                    "Unable to verify secret hash for client",
                ));
            }
        }
        let token = required(body, "RefreshToken")?;
        let grant = self
            .refresh_tokens
            .get_mut(token)
            .filter(|g| g.client_id == client_id)
            .ok_or_else(|| CognitoError::not_authorized("Invalid Refresh Token"))?;
        if grant.used {
            return Err(CognitoError::new(
                "RefreshTokenReuseException",
                "Refresh token has already been used",
            ));
        }
        grant.used = true;
        let flow = Flow {
            user: grant.user.clone(),
            client_id,
            expires: Instant::now() + FLOW_LIFETIME,
            device_key: None,
            step: Step::SoftwareTokenMfa,
            handles: Vec::new(),
        };
        let mut result = self.tokens(&flow);
        if let Some(result) = result.as_object_mut() {
            result.remove("NewDeviceMetadata");
        }
        Ok(json!({"AuthenticationResult": result}))
    }

    /// SetUserMFAPreference: a user offered a choice keeps only the preferred factor.
    fn set_mfa_preference(&mut self, body: &Value) -> Outcome {
        let id = self.access_token_user(body)?;
        let preferred = |name: &str| body[name]["PreferredMfa"].as_bool() == Some(true);
        let Some(user) = self.users.iter_mut().find(|u| u.id == id) else {
            return Err(CognitoError::not_authorized("Invalid Access Token"));
        };
        if let Mfa::Choice { totp, sms, phone } = user.options.mfa.clone() {
            if preferred("SoftwareTokenMfaSettings") {
                user.options.mfa = Mfa::SoftwareToken { code: totp };
            } else if preferred("SMSMfaSettings") {
                user.options.mfa = Mfa::Sms { code: sms, phone };
            }
        }
        Ok(json!({}))
    }

    /// ForgotPassword: "sends" [`RESET_CODE`] to the user's email.
    fn forgot_password(&mut self, body: &Value) -> Outcome {
        let client_id = required(body, "ClientId")?;
        let secret = self.client_secret(client_id)?;
        let username = required(body, "Username")?;
        check_body_secret_hash(secret.as_deref(), client_id, username, body)?;
        let user = self.user_by_name(username)?;
        let email = user
            .options
            .email
            .clone()
            .unwrap_or_else(|| default_email(&user.login));
        Ok(json!({"CodeDeliveryDetails": {
            "Destination": mask_email(&email),
            "DeliveryMedium": "EMAIL",
            "AttributeName": "email",
        }}))
    }

    /// ConfirmForgotPassword: [`RESET_CODE`] sets the new password (a new SRP verifier).
    fn confirm_forgot_password(&mut self, body: &Value) -> Outcome {
        let client_id = required(body, "ClientId")?;
        let secret = self.client_secret(client_id)?;
        let username = required(body, "Username")?;
        check_body_secret_hash(secret.as_deref(), client_id, username, body)?;
        if required(body, "ConfirmationCode")? != RESET_CODE {
            return Err(CognitoError::new(
                "CodeMismatchException",
                "Invalid verification code provided, please try again.",
            ));
        }
        let password = required(body, "Password")?.to_owned();
        let id = self.user_by_name(username)?.id.clone();
        let realm = self.pool_name().to_owned();
        if let Some(user) = self.users.iter_mut().find(|u| u.id == id) {
            user.verifier = Verifier::new(&realm, &id, &password);
            user.password = password;
        }
        Ok(json!({}))
    }

    fn get_user(&mut self, body: &Value) -> Outcome {
        let user = self.user(&self.access_token_user(body)?);
        let email = user
            .options
            .email
            .clone()
            .unwrap_or_else(|| default_email(&user.login));
        Ok(json!({
            "Username": user.id,
            "UserAttributes": [
                {"Name": "sub", "Value": user.id},
                {"Name": "email", "Value": email},
                {"Name": "email_verified", "Value": "true"},
            ],
        }))
    }

    fn access_token_user(&self, body: &Value) -> Result<String, CognitoError> {
        let token = required(body, "AccessToken")?;
        match self.access_tokens.get(token) {
            Some(grant) if grant.expires_at > OffsetDateTime::now_utc() => Ok(grant.user.clone()),
            Some(_) => Err(CognitoError::not_authorized("Access Token has expired")),
            None => Err(CognitoError::not_authorized("Invalid Access Token")),
        }
    }

    fn own_device(&mut self, user: &str, key: &str) -> Result<&mut Device, CognitoError> {
        self.devices
            .get_mut(key)
            .filter(|d| d.record.owner == user)
            .ok_or_else(|| CognitoError::new("ResourceNotFoundException", "Device does not exist."))
    }

    fn client_secret(&self, client_id: &str) -> Result<Option<String>, CognitoError> {
        self.clients.get(client_id).cloned().ok_or_else(|| {
            CognitoError::new(
                "ResourceNotFoundException",
                format!("User pool client {client_id} does not exist."),
            )
        })
    }

    /// By sign-in name or internal username, as Cognito resolves aliases.
    fn user_by_name(&self, name: &str) -> Result<&User, CognitoError> {
        self.users
            .iter()
            .find(|u| u.login == name || u.id == name)
            .ok_or_else(|| CognitoError::new("UserNotFoundException", "User does not exist."))
    }

    fn user(&self, id: &str) -> &User {
        self.users
            .iter()
            .find(|u| u.id == id)
            .expect("flows only name existing users")
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
