//! The page for whichever challenge the pool raised, and its answer.

use super::*;
use crate::connectors::cognito::challenge::{Answer, Ask, Channel};
use crate::web::otpauth::{otpauth_uri, qr_svg_base64};

/// How a one-value challenge is asked: heading, intro, field label, numeric keyboard.
struct OneValue {
    heading: Say,
    intro: Say,
    details: Vec<(String, String)>,
    label: Say,
    numeric: bool,
}

impl OneValue {
    /// A one-time code, sent over `channel` (to `destination`, masked, when the pool says).
    fn code(channel: Channel, destination: Option<&str>) -> Self {
        let intro = match (channel, destination) {
            (Channel::AuthenticatorApp, _) => Say::CodeIntroApp,
            (_, Some(to)) => Say::CodeSentTo(to.to_string()),
            (_, None) => Say::EnterCodeSent,
        };
        Self {
            heading: Say::CodeHeading(channel),
            intro,
            details: Vec::new(),
            label: Say::FieldCode,
            numeric: true,
        }
    }

    /// The pool's own question, with the trigger's public parameters.
    fn custom(details: Vec<(String, String)>) -> Self {
        Self {
            heading: Say::CustomHeading,
            intro: Say::CustomIntro,
            details,
            label: Say::CustomAnswer,
            numeric: false,
        }
    }

    fn render(self, page: &Page<'_>, status: StatusCode, error: Option<&str>) -> Response {
        pages::render(
            &page.ctx,
            status,
            &CognitoChallengePage {
                base: &page.base,
                csrf: &page.csrf,
                heading: &page.say(&self.heading),
                intro: page.say(&self.intro),
                details: self.details,
                label: &page.say(&self.label),
                numeric: self.numeric,
                error,
            },
        )
    }
}

/// The page for the pending challenge.
async fn challenge_page(
    page: &Page<'_>,
    mut pending: PendingChallenge,
    status: StatusCode,
    error: Option<Say>,
) -> Response {
    let error = error.map(|e| page.say(&e));
    let error = error.as_deref();
    match pending.ask() {
        Ask::Code {
            channel,
            destination,
        } => OneValue::code(channel, destination.as_deref()).render(page, status, error),
        Ask::Custom { details } => OneValue::custom(details).render(page, status, error),
        Ask::SelectMfa { options } => {
            let options = options
                .into_iter()
                .map(|kind| (kind.form_value().to_string(), page.say(&Say::Mfa(kind))))
                .collect();
            pages::render(
                &page.ctx,
                status,
                &CognitoSelectMfaPage {
                    base: &page.base,
                    csrf: &page.csrf,
                    options,
                    error,
                },
            )
        }
        Ask::MfaSetup {
            authenticator_app: false,
        } => pages::error(StatusCode::BAD_REQUEST, Msg::MfaSetupUnsupported),
        Ask::MfaSetup { .. } => {
            if pending.totp_secret.is_none() {
                pending = match page.connector.start_totp_setup(pending).await {
                    Ok(pending) => pending,
                    Err(e) => {
                        return page.outage(&e).unwrap_or_else(|| {
                            pages::error(StatusCode::BAD_REQUEST, Msg::SignInAgain)
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
                &page.ctx,
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
        Ask::NewPassword { attributes } => {
            let rules = policy_rules(page).await;
            pages::render(
                &page.ctx,
                status,
                &CognitoNewPasswordPage {
                    base: &page.base,
                    action: format!("{}/challenge", page.base),
                    csrf: &page.csrf,
                    intro: page.say(&Say::TemporaryPassword),
                    asks_code: false,
                    rules,
                    attributes: attribute_fields(page, &attributes, &HashMap::new()),
                    submit: &page.say(&Say::SetPasswordSubmit),
                    error,
                },
            )
        }
        Ask::Unsupported(other) => {
            tracing::warn!(challenge = %other, "challenge authgate has no page for");
            pages::error(StatusCode::BAD_REQUEST, Msg::ChallengeUnsupported)
        }
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
    let answer = form.remove("answer").unwrap_or_default().trim().to_string();
    let connector = page.connector;
    let sealer = &state.sealer;
    let ask = pending.ask();
    let result = match ask {
        Ask::Code { .. } | Ask::Custom { .. } if answer.is_empty() => {
            return Ok(challenge_page(&page, pending, StatusCode::OK, Some(Say::WrongCode)).await);
        }
        Ask::Code { .. } => {
            connector
                .answer_with(pending.clone(), Answer::Code(answer), sealer)
                .await
        }
        Ask::Custom { .. } => {
            connector
                .answer_with(pending.clone(), Answer::Custom(answer), sealer)
                .await
        }
        Ask::SelectMfa { options } => {
            let Some(kind) = options.into_iter().find(|k| k.form_value() == answer) else {
                return Ok(
                    challenge_page(&page, pending, StatusCode::OK, Some(Say::ChooseOption)).await,
                );
            };
            let mut pending = pending.clone();
            if form.remove("always").is_some_and(|v| v == "on") {
                pending.prefer(kind);
            }
            connector
                .answer_with(pending, Answer::SelectMfa(kind), sealer)
                .await
        }
        Ask::MfaSetup { .. } => {
            if pending.totp_secret.is_none() || answer.is_empty() {
                return Ok(
                    challenge_page(&page, pending, StatusCode::OK, Some(Say::WrongCode)).await,
                );
            }
            connector
                .finish_totp_setup(pending.clone(), &answer, sealer)
                .await
        }
        Ask::NewPassword { attributes } => {
            let password = form.remove("new_password").unwrap_or_default();
            let attributes = attributes
                .into_iter()
                .map(|attr| {
                    let value = form
                        .remove(&format!("attr:{attr}"))
                        .unwrap_or_default()
                        .trim()
                        .to_string();
                    (attr, value)
                })
                .collect();
            let answer = Answer::NewPassword {
                password,
                attributes,
            };
            connector.answer_with(pending.clone(), answer, sealer).await
        }
        Ask::Unsupported(_) => {
            return Ok(challenge_page(&page, pending, StatusCode::OK, None).await);
        }
    };
    Ok(match result {
        // The pool's triggers asked the same question again: the answer was wrong.
        Ok(Outcome::Challenge(next)) if pending.asked_again(&next) => {
            let flow = Flow {
                pending: Some((*next).clone()),
                ..Flow::default()
            };
            page.save_flow(&flow).await?;
            challenge_page(&page, *next, StatusCode::OK, Some(Say::WrongAnswer)).await
        }
        Ok(outcome) => page.proceed(outcome, &headers).await,
        Err(PoolError::CodeMismatch) => {
            challenge_page(&page, pending, StatusCode::OK, Some(Say::WrongCode)).await
        }
        Err(PoolError::InvalidPassword(problem)) => {
            challenge_page(&page, pending, StatusCode::OK, Some(Say::Password(problem))).await
        }
        Err(PoolError::InvalidParameter(why)) => {
            tracing::info!(%why, "challenge answer refused as invalid");
            challenge_page(&page, pending, StatusCode::OK, Some(Say::CheckInput)).await
        }
        Err(PoolError::TooManyRequests) => {
            challenge_page(
                &page,
                pending,
                StatusCode::TOO_MANY_REQUESTS,
                Some(Say::TryLater),
            )
            .await
        }
        Err(e) => {
            if let Some(response) = page.outage(&e) {
                return Ok(response);
            }
            // A wrong custom answer, an expired session: this sign-in is over.
            tracing::info!(error = %e, challenge = %pending.challenge.name, "challenge failed; back to sign-in");
            page.sign_in_failed(
                SignInOutcome::ChallengeFailed,
                Some(&pending.attempt.typed_username),
            );
            page.clear_flow().await?;
            let message = if matches!(e, PoolError::ExpiredCode) {
                Say::ExpiredCode
            } else {
                Say::SignInAgain
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
