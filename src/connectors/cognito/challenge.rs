//! A pool's challenges in types, so the pages ask and answer without Cognito's wire names:
//! [`PendingChallenge::ask`] says what to ask the user, and [`Answer`] is what they said, which
//! [`super::CognitoConnector::answer_with`] turns into the challenge's own responses.

use super::PendingChallenge;
use std::collections::HashMap;

/// Where a one-time code was sent, or comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Sms,
    Email,
    AuthenticatorApp,
}

/// A second factor a user may choose (`SELECT_MFA_TYPE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MfaKind {
    Sms,
    AuthenticatorApp,
    Email,
}

impl MfaKind {
    /// The value a form carries for this choice (the pool's own name for it).
    pub fn form_value(self) -> &'static str {
        match self {
            MfaKind::Sms => "SMS_MFA",
            MfaKind::AuthenticatorApp => "SOFTWARE_TOKEN_MFA",
            MfaKind::Email => "EMAIL_OTP",
        }
    }

    fn from_wire(name: &str) -> Option<Self> {
        match name {
            "SMS_MFA" => Some(MfaKind::Sms),
            "SOFTWARE_TOKEN_MFA" => Some(MfaKind::AuthenticatorApp),
            "EMAIL_OTP" | "EMAIL_MFA" => Some(MfaKind::Email),
            _ => None,
        }
    }
}

/// What the page must ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// A one-time code, and where it went (masked by the pool), when it says.
    Code {
        channel: Channel,
        destination: Option<String>,
    },
    /// The pool's own question (`CUSTOM_CHALLENGE`): the trigger's public parameters.
    Custom { details: Vec<(String, String)> },
    /// Which second factor to use this time.
    SelectMfa { options: Vec<MfaKind> },
    /// Set up a second factor; `authenticator_app` is false when the pool offers only SMS or
    /// email, which authgate cannot set up here.
    MfaSetup { authenticator_app: bool },
    /// A new password, and the attributes the pool still needs (`email`, `name`, ...).
    NewPassword { attributes: Vec<String> },
    /// A challenge authgate has no page for; its name, for the log.
    Unsupported(String),
}

/// What the user answered.
pub enum Answer {
    Code(String),
    Custom(String),
    SelectMfa(MfaKind),
    NewPassword {
        password: String,
        attributes: Vec<(String, String)>,
    },
}

impl PendingChallenge {
    /// A list-valued challenge parameter: Cognito sends JSON arrays as strings.
    fn list(&self, name: &str) -> Vec<String> {
        self.challenge
            .parameters
            .get(name)
            .and_then(|v| serde_json::from_str::<Vec<String>>(v).ok())
            .unwrap_or_default()
    }

    pub fn ask(&self) -> Ask {
        let destination = || {
            self.challenge
                .parameters
                .get("CODE_DELIVERY_DESTINATION")
                .cloned()
        };
        let code = |channel| Ask::Code {
            channel,
            destination: destination(),
        };
        match self.challenge.name.as_str() {
            "SMS_MFA" | "SMS_OTP" => code(Channel::Sms),
            "EMAIL_OTP" | "EMAIL_MFA" => code(Channel::Email),
            "SOFTWARE_TOKEN_MFA" => code(Channel::AuthenticatorApp),
            "CUSTOM_CHALLENGE" => {
                let mut details: Vec<(String, String)> = self
                    .challenge
                    .parameters
                    .iter()
                    .filter(|(k, _)| k.as_str() != "USERNAME")
                    .map(|(k, v)| (k.replace('_', " "), v.clone()))
                    .collect();
                details.sort();
                Ask::Custom { details }
            }
            "SELECT_MFA_TYPE" => Ask::SelectMfa {
                options: self
                    .list("MFAS_CAN_CHOOSE")
                    .iter()
                    .filter_map(|kind| MfaKind::from_wire(kind))
                    .collect(),
            },
            "MFA_SETUP" => {
                let can = self.list("MFAS_CAN_SETUP");
                Ask::MfaSetup {
                    authenticator_app: can.is_empty()
                        || can.iter().any(|m| m == "SOFTWARE_TOKEN_MFA"),
                }
            }
            "NEW_PASSWORD_REQUIRED" => Ask::NewPassword {
                attributes: self
                    .list("requiredAttributes")
                    .into_iter()
                    .map(|a| a.trim_start_matches("userAttributes.").to_string())
                    .collect(),
            },
            other => Ask::Unsupported(other.to_string()),
        }
    }

    /// Whether `next` asks the same custom question again: the pool's way of saying the
    /// answer was wrong.
    pub fn asked_again(&self, next: &PendingChallenge) -> bool {
        self.challenge.name == "CUSTOM_CHALLENGE"
            && next.challenge.name == "CUSTOM_CHALLENGE"
            && self.challenge.parameters == next.challenge.parameters
    }

    /// Remembers `kind` as the user's preferred second factor, saved once they are signed in.
    pub fn prefer(&mut self, kind: MfaKind) {
        self.attempt.prefer_mfa = Some(kind.form_value().to_string());
    }

    /// The challenge's own responses for `answer` (USERNAME and the rest are added when sent).
    pub(super) fn responses(&self, answer: Answer) -> HashMap<String, String> {
        let one = |key: &str, value: String| HashMap::from([(key.to_string(), value)]);
        match answer {
            Answer::Code(code) => {
                let key = match self.challenge.name.as_str() {
                    "SMS_MFA" => "SMS_MFA_CODE",
                    "SMS_OTP" => "SMS_OTP_CODE",
                    "EMAIL_OTP" => "EMAIL_OTP_CODE",
                    "EMAIL_MFA" => "EMAIL_MFA_CODE",
                    "SOFTWARE_TOKEN_MFA" => "SOFTWARE_TOKEN_MFA_CODE",
                    _ => "ANSWER",
                };
                one(key, code)
            }
            Answer::Custom(text) => one("ANSWER", text),
            Answer::SelectMfa(kind) => one("ANSWER", kind.form_value().to_string()),
            Answer::NewPassword {
                password,
                attributes,
            } => {
                let mut responses = one("NEW_PASSWORD", password);
                for (name, value) in attributes {
                    responses.insert(format!("userAttributes.{name}"), value);
                }
                responses
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connectors::cognito::Attempt;
    use crate::connectors::cognito::pool_api::Challenge;

    fn pending(name: &str, parameters: &[(&str, &str)]) -> PendingChallenge {
        PendingChallenge {
            challenge: Challenge {
                name: name.into(),
                session: Some("s".into()),
                parameters: parameters
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            },
            attempt: Attempt::default(),
            totp_secret: None,
        }
    }

    #[test]
    fn code_challenges_name_their_channel_and_answer_under_their_own_key() {
        let sms = pending("SMS_MFA", &[("CODE_DELIVERY_DESTINATION", "+*******0100")]);
        assert_eq!(
            sms.ask(),
            Ask::Code {
                channel: Channel::Sms,
                destination: Some("+*******0100".into())
            }
        );
        let email = pending("EMAIL_OTP", &[]);
        let responses = email.responses(Answer::Code("123456".into()));
        assert_eq!(
            responses.get("EMAIL_OTP_CODE").map(String::as_str),
            Some("123456")
        );
    }

    #[test]
    fn select_mfa_lists_known_kinds_only_and_answers_with_the_pool_name() {
        let select = pending(
            "SELECT_MFA_TYPE",
            &[(
                "MFAS_CAN_CHOOSE",
                r#"["SMS_MFA","SOFTWARE_TOKEN_MFA","CARRIER_PIGEON"]"#,
            )],
        );
        assert_eq!(
            select.ask(),
            Ask::SelectMfa {
                options: vec![MfaKind::Sms, MfaKind::AuthenticatorApp]
            }
        );
        let responses = select.responses(Answer::SelectMfa(MfaKind::AuthenticatorApp));
        assert_eq!(responses["ANSWER"], "SOFTWARE_TOKEN_MFA");
    }

    #[test]
    fn new_password_names_attributes_without_their_prefix_and_puts_it_back() {
        let new = pending(
            "NEW_PASSWORD_REQUIRED",
            &[("requiredAttributes", r#"["userAttributes.email"]"#)],
        );
        assert_eq!(
            new.ask(),
            Ask::NewPassword {
                attributes: vec!["email".into()]
            }
        );
        let responses = new.responses(Answer::NewPassword {
            password: "p".into(),
            attributes: vec![("email".into(), "a@example.com".into())],
        });
        assert_eq!(responses["userAttributes.email"], "a@example.com");
        assert_eq!(responses["NEW_PASSWORD"], "p");
    }

    #[test]
    fn garbage_parameters_ask_nothing_odd() {
        let setup = pending("MFA_SETUP", &[("MFAS_CAN_SETUP", "not json")]);
        assert_eq!(
            setup.ask(),
            Ask::MfaSetup {
                authenticator_app: true
            }
        );
        assert_eq!(
            pending("PASSKEY", &[]).ask(),
            Ask::Unsupported("PASSKEY".into())
        );
    }
}
