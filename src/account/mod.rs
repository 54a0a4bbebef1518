//! `/account`: a signed-in user's own pages (profile, where they are signed in, ending one
//! session or all of them) and their JSON twins under `/account/api/` for apps with their own
//! UI; for Cognito pool users, multi-factor settings ([`mfa`]) and remembered devices
//! ([`devices`]).
//!
//! ```text
//! GET   /account                          account_get      → the page | 303 sign-in
//! GET   /account/callback                 callback_get     → 303 back where the sign-in began
//! POST  /account/sessions/end             end_post         → 303 /account | 403/404 page
//! GET   /account/sign-out-everywhere      everywhere_get   → confirmation page
//! POST  /account/sign-out-everywhere      everywhere_post  → signed-out page | 303 sign-in again
//! GET|POST /account/profile, /account/verify, POST /account/verify/resend   (`profile`)
//! GET|POST /account/password                                              (`password`)
//! GET|POST /account/delete                                                (`delete`)
//! GET   /account/mfa, POST /account/mfa/{setup,verify,preference,off}     (`mfa`)
//! GET   /account/devices, POST /account/devices/forget                   (`devices`)
//! GET   /account/api/profile              api::profile     → JSON | 401
//! GET   /account/api/sessions             api::sessions    → JSON | 401
//! DELETE /account/api/sessions/{id}       api::end         → 204 | 404 | 401
//! POST  /account/api/sign-out-everywhere  api::everywhere  → 204 | 401 | 403 reauthentication
//! ```
//!
//! The pages sign in through authgate's own authorize endpoint, as the app
//! [`ACCOUNT_CLIENT_ID`] (registered by `apps` when `[account]` is enabled, with every
//! provider): the browser's SSO session is what the pages read, and the code that sign-in
//! ends with is never redeemed.

pub mod agent;
pub mod api;
pub mod delete;
pub mod devices;
pub mod mfa;
pub mod pages;
pub mod password;
mod pool_user;
pub mod profile;
pub mod sessions;
mod signin;

pub use signin::callback_get;

pub use crate::config::ACCOUNT_CLIENT_ID;
