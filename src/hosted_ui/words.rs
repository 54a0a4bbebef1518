//! What the Cognito pool's pages and the demo's result page say, as values: each [`Say`] names
//! one Fluent id (with its arguments) and is put in words for the page's language only when
//! the page is rendered. Nothing here is an English sentence matched back to an id.

use crate::connectors::cognito::challenge::{Channel, MfaKind};
use crate::connectors::cognito::pool_api::{PasswordProblem, PasswordRule};
use crate::web::i18n;
use crate::web::page::PageContext;
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

/// A sentence, heading or label on a Cognito or demo page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Say {
    // Refusals shown on the form.
    TryLater,
    WrongCode,
    ExpiredCode,
    WrongAnswer,
    SignInAgain,
    CheckInput,
    ChooseOption,
    EnterUsername,
    NoVerifiedContact,
    ResetCodeNotSent,
    EnterCodeAndPassword,
    ResetCodeExpired,
    ResetFailed,
    FillEveryField,
    UsernameExists,
    SignUpCheckInput,
    SignUpFailed,
    ConfirmFailed,
    NewCodeNotSent,
    BadCredentials,
    /// The throttle locked this user or address for `minutes` more.
    Locked {
        minutes: u64,
    },
    /// The pool refused a new password.
    Password(PasswordProblem),
    /// A notice carried to the next page.
    Notice(Notice),
    // The challenge page.
    CodeHeading(Channel),
    CodeIntroApp,
    CodeSentTo(String),
    EnterCodeSent,
    FieldCode,
    CustomHeading,
    CustomIntro,
    CustomAnswer,
    Mfa(MfaKind),
    // The new-password page.
    TemporaryPassword,
    SetPasswordSubmit,
    ResetIntro(Option<String>),
    ResetSubmit,
    Rule(PasswordRule),
    /// A standard attribute's label on a sign-up or new-password form.
    Attribute(StandardAttribute),
    // The demo's result page.
    DemoSignedIn,
    DemoNonceMismatch,
    DemoFailed,
    DemoNotStarted,
    DemoStateMismatch,
    DemoServerError {
        error: String,
        description: String,
    },
    DemoNoCode,
    DemoTokenFailed {
        error: String,
        description: String,
    },
    DemoTokenResponse,
    DemoIdTokenHeader,
    DemoIdTokenClaims,
    DemoAccessTokenHeader,
    DemoAccessTokenClaims,
    DemoNotJson,
    DemoOpaque {
        characters: usize,
    },
}

/// A message for the next page, kept (sealed) with the sign-in between two pages: a value, so
/// the next page says it in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    AccountReady,
    AccountConfirmed,
    NotConfirmed,
    /// A reset code went out (to this masked destination, when the pool said); `required`:
    /// because the pool demands a reset before sign-in.
    ResetCodeSent {
        required: bool,
        destination: Option<String>,
    },
    NewCodeSent {
        destination: Option<String>,
    },
}

/// The user-pool attributes with a label of their own; others show their name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StandardAttribute {
    Email,
    PhoneNumber,
    Name,
    GivenName,
    FamilyName,
    PreferredUsername,
    Birthdate,
}

impl StandardAttribute {
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "email" => Self::Email,
            "phone_number" => Self::PhoneNumber,
            "name" => Self::Name,
            "given_name" => Self::GivenName,
            "family_name" => Self::FamilyName,
            "preferred_username" => Self::PreferredUsername,
            "birthdate" => Self::Birthdate,
            _ => return None,
        })
    }
}

/// A Fluent id and its arguments.
type Words<'a> = (&'static str, Vec<(&'static str, FluentValue<'a>)>);

impl Say {
    /// The id and arguments this says.
    fn words(&self) -> Words<'_> {
        fn none(id: &'static str) -> Words<'static> {
            (id, Vec::new())
        }
        fn to<'a>(id: &'static str, destination: &'a str) -> Words<'a> {
            (id, vec![("destination", destination.into())])
        }
        match self {
            Say::TryLater => none("cognito-try-later"),
            Say::WrongCode => none("cognito-wrong-code"),
            Say::ExpiredCode => none("cognito-expired-code"),
            Say::WrongAnswer => none("cognito-wrong-answer"),
            Say::SignInAgain => none("msg-sign-in-again"),
            Say::CheckInput => none("cognito-check-input"),
            Say::ChooseOption => none("cognito-choose-option"),
            Say::EnterUsername => none("cognito-enter-username"),
            Say::NoVerifiedContact => none("cognito-no-verified-contact"),
            Say::ResetCodeNotSent => none("cognito-reset-code-not-sent"),
            Say::EnterCodeAndPassword => none("cognito-enter-code-and-password"),
            Say::ResetCodeExpired => none("cognito-reset-code-expired"),
            Say::ResetFailed => none("cognito-reset-failed"),
            Say::FillEveryField => none("cognito-fill-every-field"),
            Say::UsernameExists => none("cognito-username-exists"),
            Say::SignUpCheckInput => none("cognito-signup-check-input"),
            Say::SignUpFailed => none("cognito-signup-failed"),
            Say::ConfirmFailed => none("cognito-confirm-failed"),
            Say::NewCodeNotSent => none("cognito-new-code-not-sent"),
            Say::BadCredentials => none(crate::hosted_ui::pages::BAD_CREDENTIALS),
            Say::Locked { minutes } => (
                crate::hosted_ui::pages::LOCKED,
                vec![("minutes", (*minutes).into())],
            ),
            Say::Password(problem) => none(match problem {
                PasswordProblem::TooShort => "password-too-short",
                PasswordProblem::NeedsUppercase => "password-needs-uppercase",
                PasswordProblem::NeedsLowercase => "password-needs-lowercase",
                PasswordProblem::NeedsNumber => "password-needs-number",
                PasswordProblem::NeedsSymbol => "password-needs-symbol",
                PasswordProblem::UsedBefore => "password-used-before",
                PasswordProblem::Other => "password-not-accepted",
            }),
            Say::Notice(notice) => match notice {
                Notice::AccountReady => none("cognito-account-ready"),
                Notice::AccountConfirmed => none("cognito-account-confirmed"),
                Notice::NotConfirmed => none("cognito-not-confirmed"),
                Notice::ResetCodeSent {
                    required,
                    destination,
                } => {
                    let id = match (required, destination) {
                        (false, Some(_)) => "cognito-reset-code-sent-to",
                        (false, None) => "cognito-reset-code-sent",
                        (true, Some(_)) => "cognito-reset-required-code-sent-to",
                        (true, None) => "cognito-reset-required-code-sent",
                    };
                    to(id, destination.as_deref().unwrap_or_default())
                }
                Notice::NewCodeSent {
                    destination: Some(d),
                } => to("cognito-new-code-sent-to", d),
                Notice::NewCodeSent { destination: None } => none("cognito-new-code-sent"),
            },
            Say::CodeHeading(channel) => none(match channel {
                Channel::Sms => "cognito-code-heading-sms",
                Channel::Email => "cognito-code-heading-email",
                Channel::AuthenticatorApp => "cognito-code-heading-app",
            }),
            Say::CodeIntroApp => none("cognito-code-intro-app"),
            Say::CodeSentTo(d) => to("cognito-code-sent-to", d),
            Say::EnterCodeSent => none("cognito-enter-code-sent"),
            Say::FieldCode => none("field-code"),
            Say::CustomHeading => none("cognito-custom-heading"),
            Say::CustomIntro => none("cognito-custom-intro"),
            Say::CustomAnswer => none("cognito-custom-answer"),
            Say::Mfa(kind) => none(match kind {
                MfaKind::Sms => "cognito-mfa-sms",
                MfaKind::AuthenticatorApp => "cognito-mfa-app",
                MfaKind::Email => "cognito-mfa-email",
            }),
            Say::TemporaryPassword => none("cognito-temporary-password"),
            Say::SetPasswordSubmit => none("cognito-set-password-submit"),
            Say::ResetIntro(Some(d)) => to("cognito-reset-intro-to", d),
            Say::ResetIntro(None) => none("cognito-reset-intro"),
            Say::ResetSubmit => none("cognito-reset-submit"),
            Say::Rule(PasswordRule::MinimumLength(n)) => {
                ("password-rule-length", vec![("count", (*n).into())])
            }
            Say::Rule(rule) => none(match rule {
                PasswordRule::Uppercase => "password-rule-uppercase",
                PasswordRule::Lowercase => "password-rule-lowercase",
                PasswordRule::Number => "password-rule-number",
                PasswordRule::Symbol | PasswordRule::MinimumLength(_) => "password-rule-symbol",
            }),
            Say::Attribute(attribute) => none(match attribute {
                StandardAttribute::Email => "attribute-email",
                StandardAttribute::PhoneNumber => "attribute-phone-number",
                StandardAttribute::Name => "attribute-name",
                StandardAttribute::GivenName => "attribute-given-name",
                StandardAttribute::FamilyName => "attribute-family-name",
                StandardAttribute::PreferredUsername => "attribute-preferred-username",
                StandardAttribute::Birthdate => "attribute-birthdate",
            }),
            Say::DemoSignedIn => none("demo-signed-in"),
            Say::DemoNonceMismatch => none("demo-nonce-mismatch"),
            Say::DemoFailed => none("demo-failed"),
            Say::DemoNotStarted => none("demo-not-started"),
            Say::DemoStateMismatch => none("demo-state-mismatch"),
            Say::DemoServerError { error, description } => (
                "demo-server-error",
                vec![
                    ("error", error.as_str().into()),
                    ("description", description.as_str().into()),
                ],
            ),
            Say::DemoNoCode => none("demo-no-code"),
            Say::DemoTokenFailed { error, description } => (
                "demo-token-failed",
                vec![
                    ("error", error.as_str().into()),
                    ("description", description.as_str().into()),
                ],
            ),
            Say::DemoTokenResponse => none("demo-token-response"),
            Say::DemoIdTokenHeader => none("demo-id-token-header"),
            Say::DemoIdTokenClaims => none("demo-id-token-claims"),
            Say::DemoAccessTokenHeader => none("demo-access-token-header"),
            Say::DemoAccessTokenClaims => none("demo-access-token-claims"),
            Say::DemoNotJson => none("demo-not-json"),
            Say::DemoOpaque { characters } => {
                ("demo-opaque", vec![("count", (*characters).into())])
            }
        }
    }

    /// The Fluent id this says.
    pub fn id(&self) -> &'static str {
        self.words().0
    }

    /// The words in `lang` (English if it is not offered).
    pub fn text(&self, lang: &str) -> String {
        let (id, args) = self.words();
        i18n::text(lang, id, &args)
    }

    /// The words on `page`: in its language, the app's own when it gave them.
    pub fn said(&self, page: &PageContext) -> String {
        let (id, args) = self.words();
        page.say(id, &args)
    }
}

impl From<Notice> for Say {
    fn from(notice: Notice) -> Self {
        Say::Notice(notice)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One of every [`Say`], every notice, rule and problem: the test below reaches every id
    /// the pages can ask for.
    pub(crate) fn every_say() -> Vec<Say> {
        let d = || Some("a***@e***".to_string());
        let mut all = vec![
            Say::TryLater,
            Say::WrongCode,
            Say::ExpiredCode,
            Say::WrongAnswer,
            Say::SignInAgain,
            Say::CheckInput,
            Say::ChooseOption,
            Say::EnterUsername,
            Say::NoVerifiedContact,
            Say::ResetCodeNotSent,
            Say::EnterCodeAndPassword,
            Say::ResetCodeExpired,
            Say::ResetFailed,
            Say::FillEveryField,
            Say::UsernameExists,
            Say::SignUpCheckInput,
            Say::SignUpFailed,
            Say::ConfirmFailed,
            Say::NewCodeNotSent,
            Say::BadCredentials,
            Say::Locked { minutes: 15 },
            Say::CodeIntroApp,
            Say::CodeSentTo("+*******0100".into()),
            Say::EnterCodeSent,
            Say::FieldCode,
            Say::CustomHeading,
            Say::CustomIntro,
            Say::CustomAnswer,
            Say::TemporaryPassword,
            Say::SetPasswordSubmit,
            Say::ResetIntro(d()),
            Say::ResetIntro(None),
            Say::ResetSubmit,
            Say::DemoSignedIn,
            Say::DemoNonceMismatch,
            Say::DemoFailed,
            Say::DemoNotStarted,
            Say::DemoStateMismatch,
            Say::DemoServerError {
                error: "access_denied".into(),
                description: "no".into(),
            },
            Say::DemoNoCode,
            Say::DemoTokenFailed {
                error: "invalid_grant".into(),
                description: "no".into(),
            },
            Say::DemoTokenResponse,
            Say::DemoIdTokenHeader,
            Say::DemoIdTokenClaims,
            Say::DemoAccessTokenHeader,
            Say::DemoAccessTokenClaims,
            Say::DemoNotJson,
            Say::DemoOpaque { characters: 43 },
        ];
        all.extend(
            [
                PasswordProblem::TooShort,
                PasswordProblem::NeedsUppercase,
                PasswordProblem::NeedsLowercase,
                PasswordProblem::NeedsNumber,
                PasswordProblem::NeedsSymbol,
                PasswordProblem::UsedBefore,
                PasswordProblem::Other,
            ]
            .map(Say::Password),
        );
        all.extend(
            [
                Notice::AccountReady,
                Notice::AccountConfirmed,
                Notice::NotConfirmed,
                Notice::ResetCodeSent {
                    required: false,
                    destination: d(),
                },
                Notice::ResetCodeSent {
                    required: false,
                    destination: None,
                },
                Notice::ResetCodeSent {
                    required: true,
                    destination: d(),
                },
                Notice::ResetCodeSent {
                    required: true,
                    destination: None,
                },
                Notice::NewCodeSent { destination: d() },
                Notice::NewCodeSent { destination: None },
            ]
            .map(Say::Notice),
        );
        all.extend([Channel::Sms, Channel::Email, Channel::AuthenticatorApp].map(Say::CodeHeading));
        all.extend([MfaKind::Sms, MfaKind::AuthenticatorApp, MfaKind::Email].map(Say::Mfa));
        all.extend(
            [
                PasswordRule::MinimumLength(1),
                PasswordRule::MinimumLength(8),
                PasswordRule::Uppercase,
                PasswordRule::Lowercase,
                PasswordRule::Number,
                PasswordRule::Symbol,
            ]
            .map(Say::Rule),
        );
        all.extend(
            [
                StandardAttribute::Email,
                StandardAttribute::PhoneNumber,
                StandardAttribute::Name,
                StandardAttribute::GivenName,
                StandardAttribute::FamilyName,
                StandardAttribute::PreferredUsername,
                StandardAttribute::Birthdate,
            ]
            .map(Say::Attribute),
        );
        all
    }

    /// Words that are the same as English in that language, rightly.
    const SAME_AS_ENGLISH: &[(&str, &str)] = &[
        ("de", "attribute-name"),
        ("de", "field-code"),
        ("fr", "field-code"),
        ("id", "attribute-email"),
        ("it", "attribute-email"),
        ("nl", "field-code"),
    ];

    #[test]
    fn a_page_of_an_app_with_its_own_words_says_them_and_everyone_elses_for_the_rest() {
        use crate::web::branding::Branding;
        use std::sync::Arc;
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::create_dir_all(dir.path().join("en")).expect("mkdir");
        std::fs::write(
            dir.path().join("en/acme.ftl"),
            "signin-bad-credentials = That Acme name or password is wrong.\n",
        )
        .expect("ftl");
        let words = i18n::AppWords::load(dir.path()).expect("words");
        let mut page = PageContext::default();
        assert_eq!(
            Say::BadCredentials.said(&page),
            Say::BadCredentials.text("en")
        );
        page.brand = Some(Arc::new(Branding {
            name: "Acme".into(),
            logo: None,
            favicon: None,
            stylesheet: None,
            terms_url: None,
            privacy_url: None,
            words: Some(Arc::new(words)),
        }));
        assert_eq!(
            Say::BadCredentials.said(&page),
            "That Acme name or password is wrong."
        );
        assert_eq!(Say::WrongCode.said(&page), Say::WrongCode.text("en"));
    }

    #[test]
    fn everything_the_pages_say_is_said_in_every_language_never_as_an_id() {
        let mut ids = std::collections::BTreeSet::new();
        for say in every_say() {
            ids.insert(say.id());
            let english = say.text(i18n::ENGLISH.code);
            for lang in i18n::enabled() {
                let words = say.text(lang.code);
                assert!(
                    !words.is_empty() && words != say.id() && !words.contains('{'),
                    "{}: {say:?} says {words:?}",
                    lang.code
                );
                if lang.code != "en" && !SAME_AS_ENGLISH.contains(&(lang.code, say.id())) {
                    assert_ne!(words, english, "{}: {say:?} left in English", lang.code);
                }
            }
        }
        // Distinct variants, distinct ids (the two shared with other pages aside).
        assert!(ids.len() >= 70, "{} ids", ids.len());
    }

    #[test]
    fn arguments_and_plurals_land_in_the_words() {
        assert_eq!(
            Say::Rule(PasswordRule::MinimumLength(1)).text("en"),
            "At least 1 character"
        );
        assert_eq!(
            Say::Rule(PasswordRule::MinimumLength(8)).text("de"),
            "Mindestens 8 Zeichen"
        );
        assert_eq!(
            Say::CodeSentTo("+*******0100".into()).text("ja"),
            "+*******0100 にコードを送信しました。"
        );
        assert_eq!(
            Say::Password(PasswordProblem::TooShort).text("ar"),
            "كلمة المرور هذه قصيرة جدًا."
        );
    }
}
