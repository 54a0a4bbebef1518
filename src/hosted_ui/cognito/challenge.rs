//! The page for whichever challenge the pool raised, and its answer.

use super::*;

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
                &pending.attempt.typed_username,
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

pub async fn challenge_get(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
) -> PageResult {
    let page = Page::load(&state, session, request_id, provider_id).await?;
    Ok(match page.flow().await {
        Ok(Flow {
            pending: Some(pending),
            ..
        }) => challenge_page(&page, pending, StatusCode::OK, None).await,
        Ok(_) => page.go(""),
        Err(response) => response,
    })
}

pub async fn challenge_post(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> PageResult {
    let page = Page::load(&state, session, request_id, provider_id).await?;
    let mut form = page.form(&body).await?;
    let pending = match page.flow().await {
        Ok(Flow {
            pending: Some(pending),
            ..
        }) => pending,
        Ok(_) => return Ok(page.go("")),
        Err(response) => return Err(response),
    };
    let name = pending.challenge.name.clone();
    let answer = form.remove("answer").unwrap_or_default().trim().to_string();
    let connector = page.connector;
    let sealer = &state.sealer;
    let result = if let Some(c) = code_challenge(&name) {
        if answer.is_empty() {
            return Ok(challenge_page(&page, pending, StatusCode::OK, Some(WRONG_CODE)).await);
        }
        let answers = HashMap::from([(c.response.to_string(), answer)]);
        connector.answer(pending.clone(), answers, sealer).await
    } else {
        match name.as_str() {
            "SELECT_MFA_TYPE" => {
                if !list_parameter(&pending, "MFAS_CAN_CHOOSE").contains(&answer) {
                    return Ok(challenge_page(
                        &page,
                        pending,
                        StatusCode::OK,
                        Some("Choose one of the options."),
                    )
                    .await);
                }
                let mut pending = pending.clone();
                if form.remove("always").is_some_and(|v| v == "on") {
                    pending.attempt.prefer_mfa = Some(answer.clone());
                }
                let answers = HashMap::from([("ANSWER".to_string(), answer)]);
                connector.answer(pending, answers, sealer).await
            }
            "MFA_SETUP" => {
                if pending.totp_secret.is_none() || answer.is_empty() {
                    return Ok(
                        challenge_page(&page, pending, StatusCode::OK, Some(WRONG_CODE)).await,
                    );
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
            _ => return Ok(challenge_page(&page, pending, StatusCode::OK, None).await),
        }
    };
    Ok(match result {
        // The pool's triggers asked the same question again: the answer was wrong.
        Ok(Outcome::Challenge(next)) if same_question(&pending, &next) => {
            let flow = Flow {
                pending: Some((*next).clone()),
                ..Flow::default()
            };
            page.save_flow(&flow).await?;
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
                return Ok(response);
            }
            // A wrong custom answer, an expired session: this sign-in is over.
            tracing::info!(error = %e, challenge = %name, "challenge failed; back to sign-in");
            page.clear_flow().await?;
            let message = if matches!(e, PoolError::ExpiredCode) {
                EXPIRED_CODE
            } else {
                SIGN_IN_AGAIN
            };
            page.sign_in_page(
                StatusCode::OK,
                &pending.attempt.typed_username,
                None,
                Some(message),
            )
        }
    })
}

fn same_question(before: &PendingChallenge, after: &PendingChallenge) -> bool {
    before.challenge.name == "CUSTOM_CHALLENGE"
        && after.challenge.name == "CUSTOM_CHALLENGE"
        && before.challenge.parameters == after.challenge.parameters
}
