//! The login, as a state machine over the stored authorization request. Read this first.
//!
//! ```text
//!  app ── GET /oauth2/authorize ──▶ oauth::authorize::validate ── bad client/redirect ──▶ 400 page
//!                                       │ (other errors go back to the app)
//!                                       ▼
//!                                  begin::shortcut ── SSO session fits ─────────────────┐
//!                                       │         └── prompt=none, no session ──▶ app: login_required
//!                                       │             (SAML provider: stored, asked with IsPassive)
//!                                       ▼                                              │
//!                                  begin::store: AuthRequest under a random id,        │
//!                                  bound to this browser ──▶ /signin/{id}[/{provider}] │
//!                                       │                                              │
//!        connector (connectors/): local password page, a Cognito pool's pages,         │
//!        or upstream (OIDC, Facebook, Amazon) ──▶ /oauth2/idpresponse/{provider}       │
//!        or Apple's form_post ──▶ POST …/{provider} ──▶ GET …/{provider}/continue     │
//!                                       │ Identity                                     │
//!                                       ▼                                              ▼
//!                                  finish::signed_in ────────────────────────▶ finish::complete
//!                                  (request consumed: one request, one code)        │
//!                                       federation needed? (app asks for AWS)       │
//!                                         ├─ several roles, none fixed ──▶ /aws/role/{id} ──▶ finish::role_chosen
//!                                         └─ federate (aws::federation) ──▶ issue the code
//!                                                                                   ▼
//!                                  Next::ToApp(redirect_uri?code&state&iss) ──▶ app ── POST /oauth2/token
//! ```
//!
//! Every step returns a [`Next`]; the handlers in `hosted_ui` and `oauth::endpoints` turn it
//! into a 302 (after a GET), a 303 (after a form) or a page. Nothing here knows HTTP. The
//! browser session (SSO cookie, CSRF, binding) is the handlers' business; the flow is given
//! what it needs from it (the SSO session, the binding's hash).
//!
//! Where a connector plugs in: between `begin::store` and `finish::signed_in`. Whatever the
//! kind, it ends by handing an [`crate::identity::Identity`] to `finish::signed_in`.

pub mod begin;
pub mod finish;
#[cfg(feature = "saml")]
pub mod idp_initiated;
pub mod upstream;

use crate::aws::federation::FederationError;

/// Where the browser goes next.
#[derive(Debug)]
pub enum Next {
    /// To the app's redirect URI: a code, or an error (`error`, `state`, `iss` already added).
    ToApp(String),
    /// To one of authgate's own pages (the sign-in page, the picker, the role page): a path.
    ToPage(String),
    /// A code for an app with `redirect_interstitial` whose redirect URI has its own scheme:
    /// a page with a link to `location` (the same place [`Next::ToApp`] would go), for
    /// in-app browsers that swallow a redirect to a custom scheme.
    ReturnToApp { location: String, app_name: String },
    /// Stop on a page saying what went wrong.
    Failed(Failure),
}

/// Why a login stops on a page.
#[derive(Debug)]
pub enum Failure {
    /// The request is unknown, expired, or already finished.
    Expired,
    /// The store failed (the detail is for the log, not the page).
    Unavailable(String),
    /// The identity pool failed, and the app fails the sign-in then (`aws_failure = "fail_login"`).
    Federation {
        app_name: String,
        error: FederationError,
    },
}

/// Whether a page may be shown on the way: `prompt=none` must never stop on one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Interactive,
    Silent,
}
