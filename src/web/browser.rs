//! The browser session (tower-sessions, cookie → store): CSRF token, the secret that binds
//! authorization requests to this browser, and the single sign-on session id.

use crate::security::{constant_time_eq, random_token, storage_hash};
use crate::store::{SsoSession, Store, StoreError};
use crate::web::page::{Msg, PageError};
use axum::http::StatusCode;
use time::OffsetDateTime;
use tower_sessions::Session;

const CSRF: &str = "csrf";
const BINDING: &str = "binding";
const SSO: &str = "sso";

/// What a form page says when its CSRF token is missing or wrong, or the form is malformed.
pub const FORM_EXPIRED: &str = "This form has expired. Go back to the app and start again.";
pub const INCOMPLETE: &str = "The form was incomplete. Go back and try again.";

#[derive(Debug, thiserror::Error)]
#[error("browser session unavailable: {0}")]
pub struct SessionError(String);

impl From<tower_sessions::session::Error> for SessionError {
    fn from(e: tower_sessions::session::Error) -> Self {
        Self(e.to_string())
    }
}

impl From<StoreError> for SessionError {
    fn from(e: StoreError) -> Self {
        Self(e.to_string())
    }
}

pub struct BrowserSession(Session);

impl BrowserSession {
    pub fn new(session: Session) -> Self {
        Self(session)
    }

    pub fn inner(&self) -> &Session {
        &self.0
    }

    async fn get_or_create(&self, key: &str) -> Result<String, SessionError> {
        if let Some(value) = self.0.get::<String>(key).await? {
            return Ok(value);
        }
        let value = random_token();
        self.0.insert(key, &value).await?;
        Ok(value)
    }

    /// The synchroniser token every form of this browser carries.
    pub async fn csrf_token(&self) -> Result<String, SessionError> {
        self.get_or_create(CSRF).await
    }

    pub async fn csrf_matches(&self, presented: &str) -> bool {
        match self.0.get::<String>(CSRF).await {
            Ok(Some(expected)) => constant_time_eq(expected.as_bytes(), presented.as_bytes()),
            _ => false,
        }
    }

    /// A POSTed form's fields once its CSRF token checks out (the token itself removed);
    /// `Err` is the page to show: 400 for a malformed or repeated field, 403 for a missing or
    /// wrong token.
    pub async fn checked_form(
        &self,
        body: &[u8],
    ) -> Result<std::collections::HashMap<String, String>, PageError> {
        let Ok(mut form) = crate::forms::parse_unique(body) else {
            return Err(PageError::new(StatusCode::BAD_REQUEST, Msg::FormIncomplete));
        };
        let csrf = form.remove("csrf").unwrap_or_default();
        if !self.csrf_matches(&csrf).await {
            tracing::warn!("form posted without a valid CSRF token");
            return Err(PageError::new(StatusCode::FORBIDDEN, Msg::FormExpired));
        }
        Ok(form)
    }

    /// The secret whose hash an authorization request records (RFC 9700 §4.7 binding).
    pub async fn binding(&self) -> Result<String, SessionError> {
        self.get_or_create(BINDING).await
    }

    /// True when the request was started by this browser.
    pub async fn is_bound_to(&self, binding_hash: &str) -> bool {
        match self.0.get::<String>(BINDING).await {
            Ok(Some(binding)) => {
                constant_time_eq(storage_hash(&binding).as_bytes(), binding_hash.as_bytes())
            }
            _ => false,
        }
    }

    /// The signed-in session of this browser, if it is still valid.
    pub async fn sso_session(&self, store: &dyn Store) -> Result<Option<SsoSession>, SessionError> {
        let Some(id) = self.0.get::<String>(SSO).await? else {
            return Ok(None);
        };
        Ok(store
            .get_sso_session(&id, OffsetDateTime::now_utc())
            .await?)
    }

    /// The id of this browser's SSO session, when it has one (valid or not).
    pub async fn sso_session_id(&self) -> Result<Option<String>, SessionError> {
        Ok(self.0.get::<String>(SSO).await?)
    }

    /// Records a fresh sign-in: a new session id (against session fixation) that points at a
    /// new SSO session; an earlier SSO session of this browser is ended.
    pub async fn signed_in(
        &self,
        store: &dyn Store,
        sso: &SsoSession,
        ttl: std::time::Duration,
    ) -> Result<(), SessionError> {
        if let Some(old) = self.0.get::<String>(SSO).await? {
            store.delete_sso_session(&old).await?;
        }
        let id = random_token();
        let expires_at = OffsetDateTime::now_utc() + ttl;
        store.put_sso_session(&id, sso, expires_at).await?;
        self.0.cycle_id().await?;
        self.0.insert(SSO, &id).await?;
        Ok(())
    }

    /// Ends the SSO session and forgets everything this browser session held.
    pub async fn sign_out(&self, store: &dyn Store) -> Result<(), SessionError> {
        if let Some(id) = self.0.get::<String>(SSO).await? {
            store.delete_sso_session(&id).await?;
        }
        self.0.flush().await?;
        Ok(())
    }
}
