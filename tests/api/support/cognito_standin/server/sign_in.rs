//! The sign-in flows: InitiateAuth (USER_SRP_AUTH, USER_AUTH, CUSTOM_AUTH), every
//! RespondToAuthChallenge answer (password and device verifiers, MFA, new password, MFA choice,
//! custom rounds) and the flow bookkeeping between them.
use super::*;

impl State {
    // ---- InitiateAuth ------------------------------------------------------------------

    pub(super) fn initiate_auth(&mut self, body: &Value) -> Outcome {
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

    pub(super) fn start_srp(
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
    pub(super) fn start_user_auth(
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

    pub(super) fn start_custom(
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

    pub(super) fn respond_to_auth_challenge(&mut self, body: &Value) -> Outcome {
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
    pub(super) fn locate_flow(
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

    pub(super) fn answer(
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

    pub(super) fn check_answer_username(
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

    pub(super) fn verify_password(
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
    pub(super) fn remembered_device(&self, flow: &Flow) -> Option<&Device> {
        let device = self.devices.get(flow.device_key.as_deref()?)?;
        let usable = device.record.owner == flow.user
            && device.record.remembered
            && device.verifier.is_some();
        usable.then_some(device)
    }

    /// After the password: a forced new password, then MFA if the user has it, else done.
    pub(super) fn second_factor(&self, flow: &mut Flow) -> Transition {
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

    pub(super) fn start_device_srp(
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

    pub(super) fn verify_device(
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

    pub(super) fn check_mfa(
        &mut self,
        flow: &mut Flow,
        responses: &HashMap<String, String>,
    ) -> Transition {
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
    pub(super) fn new_password(
        &mut self,
        flow: &mut Flow,
        responses: &HashMap<String, String>,
    ) -> Transition {
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
    pub(super) fn select_mfa(
        &mut self,
        flow: &mut Flow,
        responses: &HashMap<String, String>,
    ) -> Transition {
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

    pub(super) fn check_custom(
        &mut self,
        flow: &mut Flow,
        responses: &HashMap<String, String>,
    ) -> Transition {
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
    pub(super) fn conclude(&mut self, mut flow: Flow, transition: Transition) -> Outcome {
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

    pub(super) fn insert_flow(&mut self, mut flow: Flow, handles: Vec<String>) {
        let id = self.next_flow;
        self.next_flow += 1;
        for handle in &handles {
            self.handles.insert(handle.clone(), id);
        }
        flow.handles = handles;
        self.flows.insert(id, flow);
    }

    pub(super) fn take_flow(&mut self, id: u64) -> Option<Flow> {
        let flow = self.flows.remove(&id)?;
        for handle in &flow.handles {
            self.handles.remove(handle);
        }
        Some(flow)
    }

    // ---- Tokens ------------------------------------------------------------------------
}
