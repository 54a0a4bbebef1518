//! Every sentence an error page can say, in one catalogue. A failure names its message
//! ([`Msg`]); the words are chosen when the page is rendered, for the page's language, from the
//! `msg-` ids of the Fluent catalogues ([`crate::web::i18n`]).

use crate::web::i18n;
use fluent_bundle::FluentValue;
use std::fmt;

/// A sentence for a person, with what it needs to name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// The authorization request is unknown, expired, or already finished.
    SignInExpired,
    /// The request was started by another browser.
    OtherBrowser,
    /// The provider is not one of this app's.
    MethodNotAvailable,
    /// A form without (or with a wrong) CSRF token.
    FormExpired,
    /// A form with a missing or repeated field.
    FormIncomplete,
    /// The store or the browser session failed.
    Unavailable,
    /// An address authgate serves nothing at.
    NoSuchPage,
    /// A redirect target that cannot be put in a header.
    UnusableRedirect,
    /// The authorize request is refused with a page (unknown app, unregistered redirect URI):
    /// the validator's own sentence.
    AuthorizeRefused(String),
    /// The role page was posted with a role the account may not use.
    RoleNotAllowed,
    /// The identity pool failed a `fail_login` app's sign-in (`app`: its display name).
    FederationFailed { app: String, why: FederationWhy },
    /// An upstream provider (by display name) could not be reached.
    UpstreamUnreachable { provider: String },
    /// An upstream provider (by display name) answered something that cannot be used.
    UpstreamBadAnswer { provider: String },
    /// An upstream provider's (by display name) answer failed verification.
    UpstreamRejected { provider: String },
    /// The provider said the user did not sign in there; `denied`: it said `access_denied`
    /// (the user chose not to allow it), else any other OAuth error code.
    UpstreamDeclined { denied: bool },
    /// A SAML IdP's (by display name) logout message was refused; nothing was signed out.
    SamlLogoutRefused { provider: String },
    /// An upstream answer lacks what the protocol requires.
    UpstreamIncomplete(&'static str),
    /// An upstream answer repeats a parameter.
    UpstreamRepeats,
    /// An upstream answer without OAuth `state` / SAML `RelayState`.
    UpstreamNoState,
    /// An upstream answer for a sign-in that was sent elsewhere.
    UpstreamNotThisFlow,
    /// A Cognito pool did not answer in time.
    PoolUnreachable { pool: String },
    /// A Cognito pool answered something unusable.
    PoolBadAnswer { pool: String },
    /// The pool wants a second factor authgate cannot set up.
    MfaSetupUnsupported,
    /// The pool raised a challenge authgate has no page for.
    ChallengeUnsupported,
    /// The sign-in ended; start again.
    SignInAgain,
    /// The demo page's form has expired.
    DemoFormExpired,
    /// A rate limit refused the request: it may be sent again after this many seconds.
    TooManyRequests { wait_secs: u64 },
    /// `/account?client_id=…&redirect_uri=…` named an app that does not have that address.
    AccountBackNotRegistered,
    /// An account page was asked to end a session that is not one of the user's live ones.
    AccountNoSuchSession,
    /// The account pages' sign-in came back unfinished, or to a browser that did not start it.
    AccountSignInFailed,
    /// `/account/delete` when `[account] allow_delete` is off.
    AccountDeleteNotAllowed,
    /// A change page for a user whose account no user pool keeps (local, upstream).
    AccountManagedElsewhere,
}

/// Why the identity pool gave a sign-in no credentials, as a person is told it: one sentence
/// each (with what to do), never the pool's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FederationWhy {
    /// The identity pool (by id) failed in this way.
    Pool { pool: String, trouble: PoolTrouble },
    /// The provider's (by name) sign-in the pool would check has expired: sign in again.
    SignInExpired { provider: String },
    /// The provider (by name) did not answer when asked to renew its sign-in.
    ProviderUnreachable { provider: String },
    /// authgate's own store or signing failed.
    Internal,
}

/// How an identity pool failed a sign-in, one sentence each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolTrouble {
    Unreachable,
    Throttled,
    Refused,
    NotFound,
    BadAnswer,
    /// Any other error the pool named: its code is for the log, not the page.
    Failed,
}

impl PoolTrouble {
    /// Every kind, so the tests say each one in every language.
    #[cfg(test)]
    const ALL: [PoolTrouble; 6] = [
        PoolTrouble::Unreachable,
        PoolTrouble::Throttled,
        PoolTrouble::Refused,
        PoolTrouble::NotFound,
        PoolTrouble::BadAnswer,
        PoolTrouble::Failed,
    ];

    fn msg_id(self) -> &'static str {
        match self {
            PoolTrouble::Unreachable => "msg-federation-pool-unreachable",
            PoolTrouble::Throttled => "msg-federation-pool-throttled",
            PoolTrouble::Refused => "msg-federation-pool-refused",
            PoolTrouble::NotFound => "msg-federation-pool-not-found",
            PoolTrouble::BadAnswer => "msg-federation-pool-bad-answer",
            PoolTrouble::Failed => "msg-federation-pool-failed",
        }
    }
}

impl Msg {
    /// The sentence in English.
    pub fn english(&self) -> String {
        self.text(i18n::ENGLISH.code)
    }

    /// The sentence in `lang` (English if it is not offered), from everyone's catalogue.
    pub fn text(&self, lang: &str) -> String {
        self.said(&|id, args| i18n::text(lang, id, args))
    }

    /// The sentence with each id said by `say` (which knows the language): a page passes its
    /// own, which prefers the app's words ([`crate::web::page::PageContext::say`]).
    pub fn said(&self, say: &dyn Fn(&str, &i18n::Args<'_>) -> String) -> String {
        let t = |id: &str| say(id, &[]);
        let with = |id: &str, args: &[(&str, &str)]| {
            let args: Vec<_> = args
                .iter()
                .map(|(name, value)| (*name, FluentValue::from(*value)))
                .collect();
            say(id, &args)
        };
        match self {
            Msg::SignInExpired => t("msg-sign-in-expired"),
            Msg::OtherBrowser => t("msg-other-browser"),
            Msg::MethodNotAvailable => t("msg-method-not-available"),
            Msg::FormExpired => t("msg-form-expired"),
            Msg::FormIncomplete => t("msg-form-incomplete"),
            Msg::Unavailable => t("msg-unavailable"),
            Msg::NoSuchPage => t("msg-no-such-page"),
            Msg::UnusableRedirect => t("msg-unusable-redirect"),
            // The validator's sentences are English; each has an `authorize-` id whose English
            // is that sentence. One without (a new one) is shown as it is.
            Msg::AuthorizeRefused(sentence) => {
                i18n::english_id("authorize-", sentence).map_or_else(|| sentence.clone(), t)
            }
            Msg::RoleNotAllowed => t("msg-role-not-allowed"),
            Msg::FederationFailed { app, why } => {
                let app = ("app", app.as_str());
                match why {
                    FederationWhy::Pool { pool, trouble } => {
                        with(trouble.msg_id(), &[app, ("pool", pool)])
                    }
                    FederationWhy::SignInExpired { provider } => with(
                        "msg-federation-sign-in-expired",
                        &[app, ("provider", provider)],
                    ),
                    FederationWhy::ProviderUnreachable { provider } => with(
                        "msg-federation-provider-unreachable",
                        &[app, ("provider", provider)],
                    ),
                    FederationWhy::Internal => with("msg-federation-internal", &[app]),
                }
            }
            Msg::UpstreamUnreachable { provider } => {
                with("msg-upstream-unreachable", &[("provider", provider)])
            }
            Msg::UpstreamBadAnswer { provider } => {
                with("msg-upstream-bad-answer", &[("provider", provider)])
            }
            Msg::UpstreamRejected { provider } => {
                with("msg-upstream-rejected", &[("provider", provider)])
            }
            Msg::UpstreamDeclined { denied: true } => t("msg-upstream-denied"),
            Msg::UpstreamDeclined { denied: false } => t("msg-upstream-declined"),
            Msg::SamlLogoutRefused { provider } => {
                with("msg-saml-logout-refused", &[("provider", provider)])
            }
            // As the validator's: the connectors' sentences have `upstream-incomplete-` ids.
            Msg::UpstreamIncomplete(sentence) => i18n::english_id("upstream-incomplete-", sentence)
                .map_or_else(|| (*sentence).to_string(), t),
            Msg::UpstreamRepeats => t("msg-upstream-repeats"),
            Msg::UpstreamNoState => t("msg-upstream-no-state"),
            Msg::UpstreamNotThisFlow => t("msg-upstream-not-this-flow"),
            Msg::PoolUnreachable { pool } => with("msg-pool-unreachable", &[("pool", pool)]),
            Msg::PoolBadAnswer { pool } => with("msg-pool-bad-answer", &[("pool", pool)]),
            Msg::MfaSetupUnsupported => t("msg-mfa-setup-unsupported"),
            Msg::ChallengeUnsupported => t("msg-challenge-unsupported"),
            Msg::SignInAgain => t("msg-sign-in-again"),
            Msg::DemoFormExpired => t("msg-demo-form-expired"),
            Msg::AccountBackNotRegistered => t("msg-account-back-not-registered"),
            Msg::AccountNoSuchSession => t("msg-account-no-such-session"),
            Msg::AccountSignInFailed => t("msg-account-sign-in-failed"),
            Msg::AccountDeleteNotAllowed => t("msg-account-delete-not-allowed"),
            Msg::AccountManagedElsewhere => t("msg-account-managed-elsewhere"),
            Msg::TooManyRequests { wait_secs } => {
                let wait = wait_in_words(say, *wait_secs);
                with("msg-too-many-requests", &[("wait", &wait)])
            }
        }
    }
}

/// A wait, as a person reads it (in English).
#[cfg(test)]
fn in_words(secs: u64) -> String {
    wait_in_words(&|id, args| i18n::text(i18n::ENGLISH.code, id, args), secs)
}

/// A wait, as a person reads it in `say`'s language: a second, seconds up to 90, then whole
/// minutes.
fn wait_in_words(say: &dyn Fn(&str, &i18n::Args<'_>) -> String, secs: u64) -> String {
    let count = |id: &str, n: u64| say(id, &[("count", FluentValue::from(n))]);
    match secs {
        0..=1 => say("wait-a-second", &[]),
        2..=90 => count("wait-seconds", secs),
        _ => count("wait-minutes", secs.div_ceil(60)),
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every message, so a test reaches every id the code asks for.
    fn every_msg() -> Vec<Msg> {
        let federation = |why| Msg::FederationFailed {
            app: "Acme Notes".into(),
            why,
        };
        let pool = || "eu-west-1:0000".to_string();
        let mut every = vec![
            Msg::SignInExpired,
            Msg::OtherBrowser,
            Msg::MethodNotAvailable,
            Msg::FormExpired,
            Msg::FormIncomplete,
            Msg::Unavailable,
            Msg::NoSuchPage,
            Msg::UnusableRedirect,
            Msg::AuthorizeRefused("The app that sent you here is not registered.".into()),
            Msg::RoleNotAllowed,
            federation(FederationWhy::SignInExpired {
                provider: "Google".into(),
            }),
            federation(FederationWhy::ProviderUnreachable {
                provider: "Google".into(),
            }),
            federation(FederationWhy::Internal),
            Msg::UpstreamUnreachable {
                provider: "Google".into(),
            },
            Msg::UpstreamBadAnswer {
                provider: "Google".into(),
            },
            Msg::UpstreamRejected {
                provider: "Google".into(),
            },
            Msg::UpstreamDeclined { denied: true },
            Msg::UpstreamDeclined { denied: false },
            Msg::SamlLogoutRefused {
                provider: "Okta".into(),
            },
            Msg::UpstreamIncomplete("The sign-in response carried no code."),
            Msg::UpstreamRepeats,
            Msg::UpstreamNoState,
            Msg::UpstreamNotThisFlow,
            Msg::PoolUnreachable { pool: "P".into() },
            Msg::PoolBadAnswer { pool: "P".into() },
            Msg::MfaSetupUnsupported,
            Msg::ChallengeUnsupported,
            Msg::SignInAgain,
            Msg::DemoFormExpired,
            Msg::AccountBackNotRegistered,
            Msg::AccountNoSuchSession,
            Msg::AccountSignInFailed,
            Msg::AccountDeleteNotAllowed,
            Msg::AccountManagedElsewhere,
            Msg::TooManyRequests { wait_secs: 1 },
            Msg::TooManyRequests { wait_secs: 42 },
            Msg::TooManyRequests { wait_secs: 300 },
        ];
        every.extend(PoolTrouble::ALL.map(|trouble| {
            federation(FederationWhy::Pool {
                pool: pool(),
                trouble,
            })
        }));
        every
    }

    #[test]
    fn every_message_is_said_in_every_language_never_as_an_id() {
        for lang in i18n::enabled() {
            for msg in every_msg() {
                let words = msg.text(lang.code);
                let english = msg.english();
                assert!(
                    !words.contains("msg-")
                        && !words.contains("authorize-")
                        && !words.contains("wait-"),
                    "{}: {msg:?} says {words}",
                    lang.code
                );
                // A sentence a lower layer wrote in English is translated too.
                if lang.code != "en" && !matches!(msg, Msg::TooManyRequests { .. }) {
                    assert_ne!(words, english, "{}: {msg:?} left in English", lang.code);
                }
                // What a sentence names (app, pool, provider) is named in every language.
                for name in ["Acme Notes", "eu-west-1:0000", "Google", "Okta"] {
                    assert_eq!(
                        words.contains(name),
                        english.contains(name),
                        "{}: {msg:?} says {words}",
                        lang.code
                    );
                }
            }
        }
        assert_eq!(
            Msg::TooManyRequests { wait_secs: 300 }.text("ja"),
            "お使いのネットワークからのリクエストが多すぎます。5 分待ってから、もう一度お試しください。"
        );
    }

    #[test]
    fn waits_are_said_in_words() {
        assert_eq!(in_words(1), "a second");
        assert_eq!(in_words(42), "42 seconds");
        assert_eq!(in_words(300), "5 minutes");
        assert_eq!(in_words(301), "6 minutes");
    }
}
