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

mod server;
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

// ---- The stand-in's own tests: the SDK as transport, authgate's SrpSession as the client ----

use authgate::connectors::cognito::srp::{self, SrpSession};
use idp::error::ProvideErrorMetadata;
use idp::operation::respond_to_auth_challenge::RespondToAuthChallengeOutput;
use idp::types::{AuthFlowType, ChallengeNameType, DeviceRememberedStatusType};
use std::collections::BTreeMap;

const PASSWORD: &str = "Correct-horse-1";
const TOTP: &str = "123456";

/// A service error's code and message.
type Failure = (String, String);
type Answers = BTreeMap<String, String>;

fn failure<E: ProvideErrorMetadata>(error: E) -> Failure {
    (
        error.code().unwrap_or("<no code>").to_owned(),
        error.message().unwrap_or_default().to_owned(),
    )
}

fn is_incorrect(result: &Result<impl std::fmt::Debug, Failure>) -> bool {
    matches!(result, Err((code, message))
        if code == "NotAuthorizedException" && message == "Incorrect username or password.")
}

/// A device the browser would remember after ConfirmDevice.
struct Remembered {
    key: String,
    group_key: String,
    password: String,
}

/// One app client of the stand-in, signing in the way authgate's connector will.
struct App<'a> {
    s: &'a CognitoStandin,
    client: idp::Client,
    client_id: String,
    secret: Option<String>,
}

impl<'a> App<'a> {
    fn public(s: &'a CognitoStandin) -> Self {
        Self {
            s,
            client: s.sdk_client(),
            client_id: s.client_id().to_owned(),
            secret: None,
        }
    }

    fn confidential(s: &'a CognitoStandin) -> Self {
        Self {
            s,
            client: s.sdk_client(),
            client_id: s.secret_client_id().to_owned(),
            secret: Some(s.client_secret().to_owned()),
        }
    }

    fn hash(&self, username: &str) -> Option<String> {
        let secret = self.secret.as_deref()?;
        Some(srp::secret_hash(secret, username, &self.client_id))
    }

    /// InitiateAuth USER_SRP_AUTH: the PASSWORD_VERIFIER challenge's parameters and Session.
    async fn initiate_srp(
        &self,
        username: &str,
        session: &SrpSession,
        device_key: Option<&str>,
    ) -> Result<(HashMap<String, String>, Option<String>), Failure> {
        let mut request = self
            .client
            .initiate_auth()
            .client_id(&self.client_id)
            .auth_flow(AuthFlowType::UserSrpAuth)
            .auth_parameters("USERNAME", username)
            .auth_parameters("SRP_A", session.srp_a());
        if let Some(hash) = self.hash(username) {
            request = request.auth_parameters("SECRET_HASH", hash);
        }
        if let Some(key) = device_key {
            request = request.auth_parameters("DEVICE_KEY", key);
        }
        let out = request.send().await.map_err(failure)?;
        assert_eq!(
            out.challenge_name(),
            Some(&ChallengeNameType::PasswordVerifier)
        );
        let params = out.challenge_parameters().cloned().unwrap_or_default();
        Ok((params, out.session().map(str::to_owned)))
    }

    /// Amplify's PASSWORD_VERIFIER answer: USERNAME and SECRET_HASH over USER_ID_FOR_SRP.
    fn password_answer(
        &self,
        params: &HashMap<String, String>,
        password: &str,
        session: &SrpSession,
        device_key: Option<&str>,
    ) -> Answers {
        let user_id = &params["USER_ID_FOR_SRP"];
        let timestamp = srp::timestamp(time::OffsetDateTime::now_utc());
        let claim = session
            .password_claim(
                self.s.pool_id(),
                user_id,
                password,
                &params["SRP_B"],
                &params["SALT"],
                &params["SECRET_BLOCK"],
                &timestamp,
            )
            .expect("password claim");
        let mut answers = Answers::from([
            ("USERNAME".to_owned(), user_id.clone()),
            ("PASSWORD_CLAIM_SIGNATURE".to_owned(), claim),
            (
                "PASSWORD_CLAIM_SECRET_BLOCK".to_owned(),
                params["SECRET_BLOCK"].clone(),
            ),
            ("TIMESTAMP".to_owned(), timestamp),
        ]);
        self.add_common(&mut answers, user_id, device_key);
        answers
    }

    fn add_common(&self, answers: &mut Answers, username: &str, device_key: Option<&str>) {
        if let Some(hash) = self.hash(username) {
            answers.insert("SECRET_HASH".to_owned(), hash);
        }
        if let Some(key) = device_key {
            answers.insert("DEVICE_KEY".to_owned(), key.to_owned());
        }
    }

    async fn respond(
        &self,
        challenge: ChallengeNameType,
        session: Option<&str>,
        answers: &Answers,
    ) -> Result<RespondToAuthChallengeOutput, Failure> {
        let responses: HashMap<String, String> = answers.clone().into_iter().collect();
        self.client
            .respond_to_auth_challenge()
            .client_id(&self.client_id)
            .challenge_name(challenge)
            .set_session(session.map(str::to_owned))
            .set_challenge_responses(Some(responses))
            .send()
            .await
            .map_err(failure)
    }

    /// USER_SRP_AUTH through PASSWORD_VERIFIER, then device SRP if the pool asks for it:
    /// the last answer's output (tokens, or the next challenge).
    async fn sign_in(
        &self,
        username: &str,
        password: &str,
        device: Option<&Remembered>,
    ) -> Result<RespondToAuthChallengeOutput, Failure> {
        let session = SrpSession::new();
        let device_key = device.map(|d| d.key.as_str());
        let (params, srp_session) = self.initiate_srp(username, &session, device_key).await?;
        let answers = self.password_answer(&params, password, &session, device_key);
        let out = self
            .respond(
                ChallengeNameType::PasswordVerifier,
                srp_session.as_deref(),
                &answers,
            )
            .await?;
        match (out.challenge_name(), device) {
            (Some(ChallengeNameType::DeviceSrpAuth), Some(device)) => {
                self.device_sign_in(&params["USER_ID_FOR_SRP"], device, out.session())
                    .await
            }
            _ => Ok(out),
        }
    }

    /// DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER, with a fresh `a` as Amplify does.
    async fn device_sign_in(
        &self,
        user_id: &str,
        device: &Remembered,
        session: Option<&str>,
    ) -> Result<RespondToAuthChallengeOutput, Failure> {
        let srp = SrpSession::new();
        let mut answers = Answers::from([
            ("USERNAME".to_owned(), user_id.to_owned()),
            ("SRP_A".to_owned(), srp.srp_a()),
        ]);
        self.add_common(&mut answers, user_id, Some(&device.key));
        let out = self
            .respond(ChallengeNameType::DeviceSrpAuth, session, &answers)
            .await?;
        assert_eq!(
            out.challenge_name(),
            Some(&ChallengeNameType::DevicePasswordVerifier)
        );
        let params = out.challenge_parameters().cloned().unwrap_or_default();
        let timestamp = srp::timestamp(time::OffsetDateTime::now_utc());
        let claim = srp
            .device_claim(
                &device.group_key,
                &device.key,
                &device.password,
                &params["SRP_B"],
                &params["SALT"],
                &params["SECRET_BLOCK"],
                &timestamp,
            )
            .expect("device claim");
        let mut answers = Answers::from([
            ("USERNAME".to_owned(), params["USERNAME"].clone()),
            ("PASSWORD_CLAIM_SIGNATURE".to_owned(), claim),
            (
                "PASSWORD_CLAIM_SECRET_BLOCK".to_owned(),
                params["SECRET_BLOCK"].clone(),
            ),
            ("TIMESTAMP".to_owned(), timestamp),
        ]);
        self.add_common(&mut answers, &params["USERNAME"], Some(&device.key));
        self.respond(
            ChallengeNameType::DevicePasswordVerifier,
            out.session(),
            &answers,
        )
        .await
    }

    async fn answer_totp(
        &self,
        challenge: &RespondToAuthChallengeOutput,
        code: &str,
    ) -> Result<RespondToAuthChallengeOutput, Failure> {
        let params = challenge
            .challenge_parameters()
            .cloned()
            .unwrap_or_default();
        let username = &params["USERNAME"];
        let mut answers = Answers::from([
            ("USERNAME".to_owned(), username.clone()),
            ("SOFTWARE_TOKEN_MFA_CODE".to_owned(), code.to_owned()),
        ]);
        self.add_common(&mut answers, username, None);
        self.respond(
            ChallengeNameType::SoftwareTokenMfa,
            challenge.session(),
            &answers,
        )
        .await
    }

    /// Signs in (password, TOTP) and confirms the device the pool handed out, as the
    /// connector does after "remember this device".
    async fn sign_in_and_remember(&self, username: &str) -> Remembered {
        let challenge = self
            .sign_in(username, PASSWORD, None)
            .await
            .expect("password");
        let tokens = self.answer_totp(&challenge, TOTP).await.expect("TOTP");
        let result = tokens.authentication_result().expect("tokens");
        let metadata = result.new_device_metadata().expect("NewDeviceMetadata");
        let key = metadata.device_key().expect("device key").to_owned();
        let group_key = metadata.device_group_key().expect("group key").to_owned();
        let verifier = srp::new_device_verifier(&group_key, &key);
        self.client
            .confirm_device()
            .access_token(result.access_token().expect("access token"))
            .device_key(&key)
            .device_name("Firefox on Linux")
            .device_secret_verifier_config(
                idp::types::DeviceSecretVerifierConfigType::builder()
                    .password_verifier(&verifier.verifier)
                    .salt(&verifier.salt)
                    .build(),
            )
            .send()
            .await
            .expect("ConfirmDevice");
        Remembered {
            key,
            group_key,
            password: verifier.password,
        }
    }
}

fn claims(token: &str, audience: Option<&str>) -> Value {
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    match audience {
        Some(aud) => validation.set_audience(&[aud]),
        None => validation.validate_aud = false,
    }
    jsonwebtoken::decode::<Value>(
        token,
        &jsonwebtoken::DecodingKey::from_secret(TOKEN_SECRET),
        &validation,
    )
    .expect("a stand-in token")
    .claims
}

#[tokio::test]
async fn correct_password_signs_in_with_srp() {
    let s = CognitoStandin::start().await;
    let sub = s.add_user(
        "alice@example.com",
        PASSWORD,
        UserOptions::default()
            .groups(&["admins"])
            .email("alice.work@example.com"),
    );
    let app = App::public(&s);

    let session = SrpSession::new();
    let (params, srp_session) = app
        .initiate_srp("alice@example.com", &session, None)
        .await
        .expect("InitiateAuth");
    // Cognito's shape: a UUID as USER_ID_FOR_SRP, and no Session with PASSWORD_VERIFIER.
    assert_eq!(params["USER_ID_FOR_SRP"], sub);
    assert_ne!(params["USER_ID_FOR_SRP"], "alice@example.com");
    assert!(srp_session.is_none());
    let answers = app.password_answer(&params, PASSWORD, &session, None);
    let out = app
        .respond(ChallengeNameType::PasswordVerifier, None, &answers)
        .await
        .expect("PASSWORD_VERIFIER");

    let result = out.authentication_result().expect("tokens");
    assert_eq!(result.token_type(), Some("Bearer"));
    assert_eq!(result.expires_in(), 3600);
    assert!(result.refresh_token().is_some());
    let id = claims(result.id_token().expect("id token"), Some(s.client_id()));
    assert_eq!(id["iss"], s.issuer());
    assert_eq!(id["sub"], sub);
    assert_eq!(id["cognito:username"], sub);
    assert_eq!(id["email"], "alice.work@example.com");
    assert_eq!(id["token_use"], "id");
    assert_eq!(id["cognito:groups"], serde_json::json!(["admins"]));
    let access = claims(result.access_token().expect("access token"), None);
    assert_eq!(access["client_id"], s.client_id());
    assert_eq!(access["token_use"], "access");
    let device = result.new_device_metadata().expect("NewDeviceMetadata");
    assert!(device.device_key().expect("key").starts_with("us-east-1_"));
    assert!(device.device_group_key().is_some());
}

#[tokio::test]
async fn wrong_password_is_refused() {
    let s = CognitoStandin::start().await;
    s.add_user("bob", PASSWORD, UserOptions::default());
    let result = App::public(&s).sign_in("bob", "Wrong-horse-1", None).await;
    assert!(is_incorrect(&result), "{result:?}");
}

#[tokio::test]
async fn secret_hash_is_checked_on_every_call() {
    let s = CognitoStandin::start().await;
    s.add_user("carol@example.com", PASSWORD, UserOptions::default());
    let app = App::confidential(&s);
    let session = SrpSession::new();

    // None at all, then one for the wrong name.
    let mut public = App::public(&s);
    public.client_id = s.secret_client_id().to_owned();
    let none = public
        .initiate_srp("carol@example.com", &session, None)
        .await;
    assert_eq!(none.expect_err("no hash").0, "NotAuthorizedException");
    let mut wrong = App::confidential(&s);
    wrong.secret = Some("not-the-secret".to_owned());
    let bad = wrong
        .initiate_srp("carol@example.com", &session, None)
        .await;
    assert_eq!(bad.expect_err("wrong hash").0, "NotAuthorizedException");

    // The answer's hash must be over USER_ID_FOR_SRP, not over the sign-in name.
    let (params, _) = app
        .initiate_srp("carol@example.com", &session, None)
        .await
        .expect("InitiateAuth");
    let mut answers = app.password_answer(&params, PASSWORD, &session, None);
    answers.insert(
        "SECRET_HASH".to_owned(),
        app.hash("carol@example.com").expect("hash"),
    );
    let result = app
        .respond(ChallengeNameType::PasswordVerifier, None, &answers)
        .await;
    assert_eq!(result.expect_err("alias hash").0, "NotAuthorizedException");

    let ok = app.sign_in("carol@example.com", PASSWORD, None).await;
    assert!(ok.expect("signed in").authentication_result().is_some());
}

#[tokio::test]
async fn timestamp_must_be_cognito_formatted_and_recent() {
    let s = CognitoStandin::start().await;
    s.add_user("dave", PASSWORD, UserOptions::default());
    let app = App::public(&s);
    let now = time::OffsetDateTime::now_utc();
    let wrong_weekday = {
        let good = srp::timestamp(now);
        let (day, rest) = good.split_at(3);
        let other = if day == "Mon" { "Tue" } else { "Mon" };
        format!("{other}{rest}")
    };
    let padded_hour_dropped = srp::timestamp(now).replacen(" 0", " ", 2);
    for timestamp in [
        srp::timestamp(now - time::Duration::minutes(10)),
        wrong_weekday,
        now.to_string(),
        padded_hour_dropped,
    ] {
        let session = SrpSession::new();
        let (params, _) = app
            .initiate_srp("dave", &session, None)
            .await
            .expect("initiate");
        let user_id = &params["USER_ID_FOR_SRP"];
        let claim = session
            .password_claim(
                s.pool_id(),
                user_id,
                PASSWORD,
                &params["SRP_B"],
                &params["SALT"],
                &params["SECRET_BLOCK"],
                &timestamp,
            )
            .expect("claim");
        let mut answers = app.password_answer(&params, PASSWORD, &session, None);
        answers.insert("TIMESTAMP".to_owned(), timestamp.clone());
        answers.insert("PASSWORD_CLAIM_SIGNATURE".to_owned(), claim);
        let result = app
            .respond(ChallengeNameType::PasswordVerifier, None, &answers)
            .await;
        // The hour-less variant equals the real one when no field has a leading zero.
        if timestamp != srp::timestamp(now) {
            assert!(is_incorrect(&result), "{timestamp}: {result:?}");
        }
    }
}

/// Cognito refuses "Aug 04": the day is never padded, everything else is.
#[test]
fn the_standin_checks_timestamps_to_the_character() {
    let now = time::Date::from_calendar_date(2026, time::Month::August, 4)
        .and_then(|d| d.with_hms(5, 8, 9))
        .expect("moment")
        .assume_utc();
    assert!(server::timestamp_is_valid(
        "Tue Aug 4 05:08:09 UTC 2026",
        now
    ));
    assert!(!server::timestamp_is_valid(
        "Tue Aug 04 05:08:09 UTC 2026",
        now
    ));
    assert!(!server::timestamp_is_valid(
        "Tue Aug 4 5:08:09 UTC 2026",
        now
    ));
    assert!(!server::timestamp_is_valid(
        "Wed Aug 4 05:08:09 UTC 2026",
        now
    ));
    assert!(!server::timestamp_is_valid(
        "Tue Aug 4 05:08:09 GMT 2026",
        now
    ));
    assert!(!server::timestamp_is_valid(
        "Tue Aug  4 05:08:09 UTC 2026",
        now
    ));
    assert!(server::timestamp_is_valid(
        "Tue Aug 4 05:12:09 UTC 2026",
        now
    ));
    assert!(!server::timestamp_is_valid(
        "Tue Aug 4 05:18:09 UTC 2026",
        now
    ));
}

#[tokio::test]
async fn a_remembered_device_skips_mfa_through_device_srp() {
    let s = CognitoStandin::start().await;
    let sub = s.add_user("erin", PASSWORD, UserOptions::default().totp(TOTP));
    // The confidential client: SECRET_HASH on every device step too.
    let app = App::confidential(&s);
    let device = app.sign_in_and_remember("erin").await;

    let confirm = s.last_confirm_device().expect("ConfirmDevice recorded");
    assert_eq!(confirm["DeviceKey"], device.key.as_str());
    assert_eq!(confirm["DeviceName"], "Firefox on Linux");
    assert!(confirm["DeviceSecretVerifierConfig"]["PasswordVerifier"].is_string());
    let record = s.device(&device.key).expect("device");
    assert!(record.confirmed && record.remembered);
    assert_eq!(record.owner, sub);

    let out = app
        .sign_in("erin", PASSWORD, Some(&device))
        .await
        .expect("device sign-in");
    let result = out.authentication_result().expect("tokens, no MFA");
    assert!(result.new_device_metadata().is_none());
    let access = claims(result.access_token().expect("access token"), None);
    assert_eq!(access["device_key"], device.key.as_str());
    let challenges: Vec<String> = s
        .requests_to("RespondToAuthChallenge")
        .iter()
        .map(|body| {
            body["ChallengeName"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_eq!(
        challenges[challenges.len() - 3..],
        [
            "PASSWORD_VERIFIER",
            "DEVICE_SRP_AUTH",
            "DEVICE_PASSWORD_VERIFIER"
        ]
    );
}

#[tokio::test]
async fn a_wrong_device_password_is_refused() {
    let s = CognitoStandin::start().await;
    s.add_user("frank", PASSWORD, UserOptions::default().totp(TOTP));
    let app = App::public(&s);
    let mut device = app.sign_in_and_remember("frank").await;
    device.password = srp::new_device_verifier(&device.group_key, &device.key).password;
    let result = app.sign_in("frank", PASSWORD, Some(&device)).await;
    assert!(is_incorrect(&result), "{result:?}");
}

#[tokio::test]
async fn forgotten_and_unremembered_devices_fall_back_to_mfa() {
    let s = CognitoStandin::start().await;
    s.add_user("gina", PASSWORD, UserOptions::default().totp(TOTP));
    let app = App::public(&s);
    let device = app.sign_in_and_remember("gina").await;

    // Not remembered any more: MFA again, and no new device (the key is still known).
    let tokens = app
        .sign_in("gina", PASSWORD, Some(&device))
        .await
        .expect("device sign-in");
    let access_token = tokens
        .authentication_result()
        .and_then(|r| r.access_token())
        .expect("access token")
        .to_owned();
    app.client
        .update_device_status()
        .access_token(&access_token)
        .device_key(&device.key)
        .device_remembered_status(DeviceRememberedStatusType::NotRemembered)
        .send()
        .await
        .expect("UpdateDeviceStatus");
    let out = app
        .sign_in("gina", PASSWORD, Some(&device))
        .await
        .expect("password");
    assert_eq!(
        out.challenge_name(),
        Some(&ChallengeNameType::SoftwareTokenMfa)
    );
    let tokens = app.answer_totp(&out, TOTP).await.expect("TOTP");
    assert!(
        tokens
            .authentication_result()
            .expect("tokens")
            .new_device_metadata()
            .is_none()
    );

    // Forgotten: MFA, and a new device is handed out.
    app.client
        .forget_device()
        .access_token(&access_token)
        .device_key(&device.key)
        .send()
        .await
        .expect("ForgetDevice");
    assert!(s.device(&device.key).is_none());
    let out = app
        .sign_in("gina", PASSWORD, Some(&device))
        .await
        .expect("password");
    let tokens = app.answer_totp(&out, TOTP).await.expect("TOTP");
    let result = tokens.authentication_result().expect("tokens");
    assert_ne!(
        result.new_device_metadata().and_then(|d| d.device_key()),
        Some(device.key.as_str())
    );
}

#[tokio::test]
async fn opt_in_devices_are_remembered_only_when_asked() {
    let s = CognitoStandin::start().await;
    s.require_device_opt_in();
    s.add_user("hal", PASSWORD, UserOptions::default());
    let app = App::public(&s);
    let out = app.sign_in("hal", PASSWORD, None).await.expect("sign-in");
    let result = out.authentication_result().expect("tokens");
    let metadata = result.new_device_metadata().expect("metadata");
    let (key, group) = (
        metadata.device_key().expect("key"),
        metadata.device_group_key().expect("group"),
    );
    let verifier = srp::new_device_verifier(group, key);
    let confirmed = app
        .client
        .confirm_device()
        .access_token(result.access_token().expect("access token"))
        .device_key(key)
        .device_secret_verifier_config(
            idp::types::DeviceSecretVerifierConfigType::builder()
                .password_verifier(&verifier.verifier)
                .salt(&verifier.salt)
                .build(),
        )
        .send()
        .await
        .expect("ConfirmDevice");
    assert!(confirmed.user_confirmation_necessary());
    assert!(!s.device(key).expect("device").remembered);
    app.client
        .update_device_status()
        .access_token(result.access_token().expect("access token"))
        .device_key(key)
        .device_remembered_status(DeviceRememberedStatusType::Remembered)
        .send()
        .await
        .expect("UpdateDeviceStatus");
    assert!(s.device(key).expect("device").remembered);
}

#[tokio::test]
async fn mfa_codes_are_checked() {
    let s = CognitoStandin::start().await;
    s.add_user(
        "ivan",
        PASSWORD,
        UserOptions::default().sms("654321", "+15555550123"),
    );
    s.add_user("judy", PASSWORD, UserOptions::default().totp(TOTP));
    let app = App::confidential(&s);

    let sms = app.sign_in("ivan", PASSWORD, None).await.expect("password");
    assert_eq!(sms.challenge_name(), Some(&ChallengeNameType::SmsMfa));
    let params = sms.challenge_parameters().cloned().unwrap_or_default();
    assert_eq!(params["CODE_DELIVERY_DESTINATION"], "+*******0123");
    assert_eq!(params["CODE_DELIVERY_DELIVERY_MEDIUM"], "SMS");
    let answer = |code: &str| {
        let mut answers = Answers::from([
            ("USERNAME".to_owned(), "ivan".to_owned()),
            ("SMS_MFA_CODE".to_owned(), code.to_owned()),
        ]);
        app.add_common(&mut answers, "ivan", None);
        answers
    };
    let wrong = app
        .respond(ChallengeNameType::SmsMfa, sms.session(), &answer("000000"))
        .await;
    assert_eq!(wrong.expect_err("wrong code").0, "CodeMismatchException");
    // The same Session may try again.
    let right = app
        .respond(ChallengeNameType::SmsMfa, sms.session(), &answer("654321"))
        .await
        .expect("right code");
    assert!(right.authentication_result().is_some());

    let totp = app.sign_in("judy", PASSWORD, None).await.expect("password");
    let wrong = app.answer_totp(&totp, "999999").await;
    assert_eq!(wrong.expect_err("wrong code").0, "CodeMismatchException");
    assert!(app.answer_totp(&totp, TOTP).await.is_ok());
}

fn custom_user(s: &CognitoStandin) -> String {
    s.add_user(
        "kim@example.com",
        PASSWORD,
        UserOptions::default().custom(vec![
            CustomRound::new(&[("question", "2 + 2?")], "4"),
            CustomRound::new(
                &[("question", "capital of France?"), ("hint", "Paris")],
                "Paris",
            ),
        ]),
    )
}

async fn start_custom(
    app: &App<'_>,
    username: &str,
) -> Result<(HashMap<String, String>, String), Failure> {
    let mut request = app
        .client
        .initiate_auth()
        .client_id(&app.client_id)
        .auth_flow(AuthFlowType::CustomAuth)
        .auth_parameters("USERNAME", username);
    if let Some(hash) = app.hash(username) {
        request = request.auth_parameters("SECRET_HASH", hash);
    }
    let out = request.send().await.map_err(failure)?;
    assert_eq!(
        out.challenge_name(),
        Some(&ChallengeNameType::CustomChallenge)
    );
    Ok((
        out.challenge_parameters().cloned().unwrap_or_default(),
        out.session().expect("Session").to_owned(),
    ))
}

async fn answer_custom(
    app: &App<'_>,
    session: &str,
    answer: &str,
) -> Result<RespondToAuthChallengeOutput, Failure> {
    let mut answers = Answers::from([
        ("USERNAME".to_owned(), "kim@example.com".to_owned()),
        ("ANSWER".to_owned(), answer.to_owned()),
    ]);
    app.add_common(&mut answers, "kim@example.com", None);
    app.respond(ChallengeNameType::CustomChallenge, Some(session), &answers)
        .await
}

#[tokio::test]
async fn custom_challenge_rounds_succeed() {
    let s = CognitoStandin::start().await;
    let sub = custom_user(&s);
    let app = App::confidential(&s);
    let (params, session) = start_custom(&app, "kim@example.com")
        .await
        .expect("CUSTOM_AUTH");
    assert_eq!(params["question"], "2 + 2?");
    assert_eq!(params["USERNAME"], sub);
    let second = answer_custom(&app, &session, "4").await.expect("round 1");
    let params = second.challenge_parameters().cloned().unwrap_or_default();
    assert_eq!(params["question"], "capital of France?");
    assert_eq!(params["hint"], "Paris");
    let done = answer_custom(&app, second.session().expect("Session"), "Paris")
        .await
        .expect("round 2");
    assert!(
        done.authentication_result()
            .and_then(|r| r.id_token())
            .is_some()
    );
}

#[tokio::test]
async fn wrong_custom_answers_are_retried_then_refused() {
    let s = CognitoStandin::start().await;
    custom_user(&s);
    let app = App::public(&s);
    let (_, mut session) = start_custom(&app, "kim@example.com")
        .await
        .expect("CUSTOM_AUTH");
    for _ in 0..2 {
        let again = answer_custom(&app, &session, "5")
            .await
            .expect("same challenge again");
        assert_eq!(
            again.challenge_name(),
            Some(&ChallengeNameType::CustomChallenge)
        );
        assert_eq!(
            again.challenge_parameters().expect("params")["question"],
            "2 + 2?"
        );
        let fresh = again.session().expect("fresh Session").to_owned();
        assert_ne!(fresh, session);
        // The old Session is spent.
        let stale = answer_custom(&app, &session, "4").await;
        assert_eq!(
            stale.expect_err("spent Session").1,
            "Invalid session for the user."
        );
        session = fresh;
    }
    let third = answer_custom(&app, &session, "5").await;
    assert!(is_incorrect(&third), "{third:?}");

    let without_trigger = {
        s.add_user("leo", PASSWORD, UserOptions::default());
        start_custom(&app, "leo").await
    };
    assert_eq!(
        without_trigger.expect_err("no rounds").0,
        "NotAuthorizedException"
    );
}

#[tokio::test]
async fn sessions_are_opaque_single_use_and_expire() {
    let s = CognitoStandin::start().await;
    s.add_user("mia", PASSWORD, UserOptions::default().totp(TOTP));
    let app = App::public(&s);
    let challenge = app.sign_in("mia", PASSWORD, None).await.expect("password");
    let session = challenge.session().expect("Session").to_owned();
    assert!(session.len() >= 20, "{session}");

    let mut forged = challenge.clone();
    forged.session = Some(format!("{session}x"));
    let result = app.answer_totp(&forged, TOTP).await;
    assert_eq!(
        result.expect_err("unknown Session"),
        (
            "NotAuthorizedException".to_owned(),
            "Invalid session for the user.".to_owned()
        )
    );

    s.expire_sessions();
    let result = app.answer_totp(&challenge, TOTP).await;
    assert_eq!(
        result.expect_err("expired Session").0,
        "NotAuthorizedException"
    );

    let challenge = app.sign_in("mia", PASSWORD, None).await.expect("password");
    assert!(app.answer_totp(&challenge, TOTP).await.is_ok());
    let again = app.answer_totp(&challenge, TOTP).await;
    assert_eq!(
        again.expect_err("spent Session").0,
        "NotAuthorizedException"
    );

    // PASSWORD_VERIFIER has no Session, so a replayed secret block is the spent handle there.
    let srp = SrpSession::new();
    let (params, _) = app.initiate_srp("mia", &srp, None).await.expect("initiate");
    let answers = app.password_answer(&params, PASSWORD, &srp, None);
    app.respond(ChallengeNameType::PasswordVerifier, None, &answers)
        .await
        .expect("first answer");
    let replay = app
        .respond(ChallengeNameType::PasswordVerifier, None, &answers)
        .await;
    assert!(is_incorrect(&replay), "{replay:?}");
}

#[tokio::test]
async fn unknown_users_and_clients_are_refused() {
    let s = CognitoStandin::start().await;
    let app = App::public(&s);
    let srp = SrpSession::new();
    let nobody = app.initiate_srp("nobody", &srp, None).await;
    assert_eq!(nobody.expect_err("no user").0, "UserNotFoundException");
    let mut stranger = App::public(&s);
    stranger.client_id = "unknownclient".to_owned();
    let result = stranger.initiate_srp("nobody", &srp, None).await;
    assert_eq!(
        result.expect_err("no client").0,
        "ResourceNotFoundException"
    );
}

#[tokio::test]
async fn faults_are_injected_and_requests_recorded() {
    let s = CognitoStandin::start().await;
    s.add_user("nina", PASSWORD, UserOptions::default());
    let mut app = App::public(&s);
    app.client = s.sdk_client_with(idp::config::retry::RetryConfig::disabled());

    s.fail_next("InitiateAuth", "TooManyRequestsException");
    let srp = SrpSession::new();
    let throttled = app.initiate_srp("nina", &srp, None).await;
    assert_eq!(
        throttled.expect_err("injected").0,
        "TooManyRequestsException"
    );
    assert!(app.sign_in("nina", PASSWORD, None).await.is_ok());

    // With the SDK's standard retries, one injected throttle is absorbed by a second attempt.
    s.fail_next("InitiateAuth", "TooManyRequestsException");
    assert!(
        App::public(&s)
            .sign_in("nina", PASSWORD, None)
            .await
            .is_ok()
    );

    let log = s.requests();
    let operations: Vec<&str> = log.iter().map(|r| r.operation.as_str()).collect();
    assert_eq!(
        operations,
        [
            "InitiateAuth",
            "InitiateAuth",
            "RespondToAuthChallenge",
            "InitiateAuth",
            "InitiateAuth",
            "RespondToAuthChallenge"
        ]
    );
    assert_eq!(log[0].body["AuthFlow"], "USER_SRP_AUTH");
    assert_eq!(log[0].body["AuthParameters"]["USERNAME"], "nina");
    assert_eq!(s.requests_to("RespondToAuthChallenge").len(), 2);
}
