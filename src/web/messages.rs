//! Every sentence an error page can say, in one catalogue. A failure names its message
//! ([`Msg`]); the words are chosen when the page is rendered, for the page's language (English
//! is the only one until the pages learn others: then this is where a lookup goes).

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
    /// The identity pool failed a `fail_login` app's sign-in.
    FederationFailed {
        app: String,
        reason: String,
        advice: Advice,
    },
    /// An upstream provider could not be reached or answered nonsense.
    UpstreamUnreachable { reason: String },
    /// An upstream answer failed verification, or the user did not sign in there.
    UpstreamRejected { reason: String },
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
}

/// What a person can do about a federation failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advice {
    TryLater,
    SignInAgain,
    TellSupport,
}

impl Msg {
    /// The sentence in English.
    pub fn english(&self) -> String {
        match self {
            Msg::SignInExpired => {
                "This sign-in page has expired. Go back to the app and start signing in again."
                    .into()
            }
            Msg::OtherBrowser => "This sign-in was started in another browser or tab that has \
                                  since been closed. Go back to the app and start signing in again."
                .into(),
            Msg::MethodNotAvailable => "That sign-in method is not available for this app.".into(),
            Msg::FormExpired => "This form has expired. Go back to the app and start again.".into(),
            Msg::FormIncomplete => "The form was incomplete. Go back and try again.".into(),
            Msg::Unavailable => {
                "Sign-in is temporarily unavailable. Please try again in a moment.".into()
            }
            Msg::NoSuchPage => "There is no page at this address.".into(),
            Msg::UnusableRedirect => "The redirect URI cannot be used.".into(),
            Msg::AuthorizeRefused(sentence) => sentence.clone(),
            Msg::RoleNotAllowed => {
                "That role is not one your account may use. Go back and choose one from the list."
                    .into()
            }
            Msg::FederationFailed {
                app,
                reason,
                advice,
            } => {
                let advice = match advice {
                    Advice::TryLater => "Try again in a few minutes.",
                    Advice::SignInAgain => "Go back to the app and sign in again.",
                    Advice::TellSupport => "If it keeps happening, tell the app's support.",
                };
                format!("You could not be signed in to {app} because {reason}. {advice}")
            }
            Msg::UpstreamUnreachable { reason } => {
                format!("Signing in failed because {reason}. Try again in a few minutes.")
            }
            Msg::UpstreamRejected { reason } => {
                format!("Signing in failed: {reason}. Go back to the app and start again.")
            }
            Msg::UpstreamIncomplete(sentence) => (*sentence).into(),
            Msg::UpstreamRepeats => "The sign-in response repeats a parameter.".into(),
            Msg::UpstreamNoState => "The sign-in response carried no state.".into(),
            Msg::UpstreamNotThisFlow => {
                "This sign-in response does not belong to the sign-in that was started.".into()
            }
            Msg::PoolUnreachable { pool } => {
                format!("{pool} did not answer. Try again in a moment.")
            }
            Msg::PoolBadAnswer { pool } => {
                format!("{pool} gave an answer authgate cannot use. Try again later.")
            }
            Msg::MfaSetupUnsupported => "Your account needs a phone number or email address for \
                                         its second sign-in step, and has none yet. Contact the \
                                         app's support."
                .into(),
            Msg::ChallengeUnsupported => "This account needs a sign-in step authgate does not \
                                          offer. Contact the app's support."
                .into(),
            Msg::SignInAgain => {
                "That took too long, or the answer was not accepted. Sign in again.".into()
            }
            Msg::DemoFormExpired => "This form has expired. Reload the demo page.".into(),
            Msg::TooManyRequests { wait_secs } => format!(
                "There have been too many requests from your network just now. Please wait {} \
                 and try again.",
                in_words(*wait_secs)
            ),
        }
    }
}

/// A wait, as a person reads it.
fn in_words(secs: u64) -> String {
    match secs {
        0..=1 => "a second".into(),
        2..=90 => format!("{secs} seconds"),
        _ => format!("{} minutes", secs.div_ceil(60)),
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

    #[test]
    fn waits_are_said_in_words() {
        assert_eq!(in_words(1), "a second");
        assert_eq!(in_words(42), "42 seconds");
        assert_eq!(in_words(300), "5 minutes");
        assert_eq!(in_words(301), "6 minutes");
    }
}
