//! A Cognito user pool stand-in that checks what moto does not: SRP password proofs, device
//! verifiers and device SRP, MFA codes, custom-challenge answers, SECRET_HASH and Sessions.
//!
//! It speaks Cognito's wire format (`POST /`, `X-Amz-Target`, JSON 1.1, `__type` errors), so
//! the official SDK talks to it through `endpoint_url`. Its server-side SRP (`srp_server`) is
//! written apart from `authgate::connectors::cognito::srp`, and that client is pinned to pycognito by known
//! answers; so a login that succeeds here shows the two independent halves agree.
//!
//! ```ignore
//! let s = CognitoStandin::start().await;
//! let sub = s.add_user("alice@example.com", "Correct-horse-1", UserOptions::default().totp("123456"));
//! // point the SDK (or authgate's connector) at s.endpoint(), pool s.pool_id(), app s.client_id()
//! s.fail_next("InitiateAuth", "TooManyRequestsException");
//! let sent = s.requests_to("RespondToAuthChallenge");
//! ```
//!
//! Deliberate choices, each as real Cognito does it where known:
//! * USER_ID_FOR_SRP (= `sub` = `cognito:username`) is a UUID, never the sign-in name.
//! * PASSWORD_VERIFIER comes without a Session; the answer is matched through its
//!   PASSWORD_CLAIM_SECRET_BLOCK. Every later challenge has a Session, which is required.
//! * The PASSWORD_VERIFIER answer's USERNAME and SECRET_HASH must use USER_ID_FOR_SRP; later
//!   answers may also use the sign-in name (SECRET_HASH always over the USERNAME sent).
//! * A wrong MFA code may be retried with the same Session (CodeMismatchException); a wrong
//!   SRP proof ends the sign-in.
//! * Tokens are HS256 JWTs signed with [`TOKEN_SECRET`] (not RS256 with a JWKS).
//! * Devices are remembered on ConfirmDevice unless [`CognitoStandin::require_device_opt_in`].

pub mod server;
mod srp_server;

use aws_sdk_cognitoidentityprovider as idp;
use serde_json::Value;
use server::{Device, Shared, State, User};
use srp_server::Verifier;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

pub const REGION: &str = "us-east-1";
/// The HS256 key of the stand-in's ID and access tokens, for tests that verify them.
pub const TOKEN_SECRET: &[u8] = b"cognito-standin-token-key-not-a-secret";

/// A running stand-in: one user pool with two app clients (one public, one with a secret).
/// The server stops when this is dropped.
pub struct CognitoStandin {
    endpoint: String,
    pool_id: String,
    client_id: String,
    secret_client_id: String,
    client_secret: String,
    state: Shared,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for CognitoStandin {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// How a user signs in beyond the password.
#[derive(Clone, Debug, Default)]
pub struct UserOptions {
    pub mfa: Mfa,
    /// CUSTOM_AUTH rounds, in order; empty means CUSTOM_AUTH is refused for this user.
    pub custom_challenges: Vec<CustomRound>,
    /// The `email` claim; defaults to the sign-in name if it has an `@`, else `name@example.com`.
    pub email: Option<String>,
    pub groups: Vec<String>,
    /// An admin-created user with a temporary password: NEW_PASSWORD_REQUIRED after the
    /// password, asking for these attributes (`requiredAttributes`).
    pub new_password_required: Option<Vec<String>>,
}

impl UserOptions {
    /// SOFTWARE_TOKEN_MFA that accepts exactly `code`.
    pub fn totp(mut self, code: &str) -> Self {
        self.mfa = Mfa::SoftwareToken {
            code: code.to_owned(),
        };
        self
    }

    /// SMS_MFA to `phone` (shown masked) that accepts exactly `code`.
    pub fn sms(mut self, code: &str, phone: &str) -> Self {
        self.mfa = Mfa::Sms {
            code: code.to_owned(),
            phone: phone.to_owned(),
        };
        self
    }

    /// EMAIL_OTP to the user's email (shown masked) that accepts exactly `code`.
    pub fn email_otp(mut self, code: &str) -> Self {
        self.mfa = Mfa::Email {
            code: code.to_owned(),
        };
        self
    }

    /// Both SMS and an authenticator app, and no preference: SELECT_MFA_TYPE first.
    pub fn mfa_choice(mut self, totp: &str, sms: &str, phone: &str) -> Self {
        self.mfa = Mfa::Choice {
            totp: totp.to_owned(),
            sms: sms.to_owned(),
            phone: phone.to_owned(),
        };
        self
    }

    pub fn new_password_required(mut self, attributes: &[&str]) -> Self {
        self.new_password_required = Some(attributes.iter().map(|a| (*a).to_owned()).collect());
        self
    }

    pub fn custom(mut self, rounds: Vec<CustomRound>) -> Self {
        self.custom_challenges = rounds;
        self
    }

    pub fn groups(mut self, groups: &[&str]) -> Self {
        self.groups = groups.iter().map(|g| (*g).to_owned()).collect();
        self
    }

    pub fn email(mut self, email: &str) -> Self {
        self.email = Some(email.to_owned());
        self
    }
}

#[derive(Clone, Debug, Default)]
pub enum Mfa {
    #[default]
    None,
    SoftwareToken {
        code: String,
    },
    Sms {
        code: String,
        phone: String,
    },
    Email {
        code: String,
    },
    Choice {
        totp: String,
        sms: String,
        phone: String,
    },
}

/// The code the stand-in "sends" for ForgotPassword.
pub const RESET_CODE: &str = "135790";
/// The code UpdateUserAttributes and GetUserAttributeVerificationCode "send" for an email.
pub const ATTRIBUTE_CODE: &str = "246810";

/// One CUSTOM_CHALLENGE: the public ChallengeParameters sent, and the ANSWER expected.
#[derive(Clone, Debug)]
pub struct CustomRound {
    pub parameters: Vec<(String, String)>,
    pub answer: String,
}

impl CustomRound {
    pub fn new(parameters: &[(&str, &str)], answer: &str) -> Self {
        Self {
            parameters: parameters
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            answer: answer.to_owned(),
        }
    }
}

/// One request as received: the operation (from X-Amz-Target) and the JSON body.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub operation: String,
    pub body: Value,
}

/// What the pool knows about a device (issued in NewDeviceMetadata).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceRecord {
    pub key: String,
    /// The owner's internal username (`sub`).
    pub owner: String,
    pub name: Option<String>,
    /// ConfirmDevice was called (a verifier is stored).
    pub confirmed: bool,
    pub remembered: bool,
}

impl CognitoStandin {
    /// A fresh pool on 127.0.0.1 with a random port, pool ID and client IDs.
    pub async fn start() -> Self {
        let pool_id = format!("{REGION}_{}", alphanumeric(9));
        let client_id = alphanumeric(26).to_lowercase();
        let secret_client_id = alphanumeric(26).to_lowercase();
        let client_secret = alphanumeric(51).to_lowercase();
        let clients = HashMap::from([
            (client_id.clone(), None),
            (secret_client_id.clone(), Some(client_secret.clone())),
        ]);
        let state = Arc::new(Mutex::new(State::new(
            pool_id.clone(),
            REGION.to_owned(),
            clients,
        )));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the stand-in");
        let endpoint = format!("http://{}", listener.local_addr().expect("address"));
        let app = server::router(state.clone());
        let server = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("stand-in server");
        });
        Self {
            endpoint,
            pool_id,
            client_id,
            secret_client_id,
            client_secret,
            state,
            server,
        }
    }

    /// `http://127.0.0.1:PORT`: the SDK's `endpoint_url`.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    pub fn region(&self) -> &str {
        REGION
    }

    pub fn pool_id(&self) -> &str {
        &self.pool_id
    }

    /// `https://cognito-idp.us-east-1.amazonaws.com/{pool}`: the tokens' `iss`.
    pub fn issuer(&self) -> String {
        self.state().issuer()
    }

    /// The public app client (no secret).
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The confidential app client: every InitiateAuth and challenge answer needs SECRET_HASH.
    pub fn secret_client_id(&self) -> &str {
        &self.secret_client_id
    }

    pub fn client_secret(&self) -> &str {
        &self.client_secret
    }

    /// Adds a confirmed user who signs in as `username` (Cognito would say: an alias) and
    /// returns their internal username: `sub`, `cognito:username` and USER_ID_FOR_SRP. Only
    /// the SRP verifier is kept, never the password.
    pub fn add_user(&self, username: &str, password: &str, options: UserOptions) -> String {
        let mut state = self.state();
        let id = uuid::Uuid::new_v4().to_string();
        let verifier = Verifier::new(state.pool_name(), &id, password);
        state.users.push(User {
            login: username.to_owned(),
            id: id.clone(),
            verifier,
            password: password.to_owned(),
            options,
            device_group_key: format!("-{}", alphanumeric(9)),
            email_verified: true,
            attributes: Vec::new(),
        });
        id
    }

    /// Every Session the stand-in has handed out (whether or not it came back).
    pub fn issued_sessions(&self) -> Vec<String> {
        self.state().issued_sessions.clone()
    }

    /// Every request so far, in order (including ones answered with an injected fault).
    pub fn requests(&self) -> Vec<Recorded> {
        self.state().requests.clone()
    }

    /// The bodies of the requests to one operation, in order.
    pub fn requests_to(&self, operation: &str) -> Vec<Value> {
        self.state()
            .requests
            .iter()
            .filter(|r| r.operation == operation)
            .map(|r| r.body.clone())
            .collect()
    }

    /// The body of the last ConfirmDevice that succeeded.
    pub fn last_confirm_device(&self) -> Option<Value> {
        self.state().last_confirm_device.clone()
    }

    /// The next request to `operation` fails with `error_type` (e.g. TooManyRequestsException;
    /// InternalErrorException answers 500, everything else 400). Calls queue up. Note that the
    /// SDK's default retry policy retries throttling and 5xx errors.
    pub fn fail_next(&self, operation: &str, error_type: &str) {
        self.state()
            .faults
            .push((operation.to_owned(), error_type.to_owned()));
    }

    pub fn device(&self, device_key: &str) -> Option<DeviceRecord> {
        self.state()
            .devices
            .get(device_key)
            .map(|d: &Device| d.record.clone())
    }

    /// "Remember devices: user opt-in": ConfirmDevice answers UserConfirmationNecessary and
    /// the device is remembered only after UpdateDeviceStatus(remembered).
    pub fn require_device_opt_in(&self) {
        self.state().device_opt_in = true;
    }

    /// Every answer from now on takes `latency` (each request is still recorded on arrival).
    pub fn answer_after(&self, latency: std::time::Duration) {
        self.state().latency = latency;
    }

    /// The access and ID tokens issued from now on live `seconds` (Cognito's least is 5 min).
    pub fn token_lifetime(&self, seconds: i64) {
        self.state().token_lifetime = seconds;
    }

    /// Every sign-in in progress expires now (Cognito's flow sessions last 3 minutes).
    pub fn expire_sessions(&self) {
        self.state().expire_flows();
    }

    /// An SDK client for this pool (dummy credentials; the calls used here are unsigned).
    pub fn sdk_client(&self) -> idp::Client {
        self.sdk_client_with(idp::config::retry::RetryConfig::standard())
    }

    pub fn sdk_client_with(&self, retry: idp::config::retry::RetryConfig) -> idp::Client {
        let config = idp::Config::builder()
            .behavior_version(idp::config::BehaviorVersion::latest())
            .region(idp::config::Region::new(self.region().to_owned()))
            .endpoint_url(self.endpoint())
            .credentials_provider(idp::config::Credentials::new(
                "AKIDSTANDIN",
                "standin-secret",
                None,
                None,
                "standin",
            ))
            .retry_config(retry)
            .build();
        idp::Client::from_conf(config)
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().expect("stand-in state")
    }
}

fn alphanumeric(n: usize) -> String {
    use rand::Rng;
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    (0..n)
        .map(|_| CHARS[rng.random_range(0..CHARS.len())] as char)
        .collect()
}
