//! A user's sessions as the account pages and their API show them, and ending them: one
//! (a refresh family, or a browser's SSO session) or all of them (with the Cognito pool's
//! `GlobalSignOut` for a pool user).
//!
//! A session is named outside by a handle, never by its store id: `app-` or `browser-` and
//! 32 hex digits of the id's SHA-256. The SSO session id is what a browser session points at,
//! and a family id is what access tokens carry; neither needs to travel. Ending looks the
//! handle up among the signed-in user's own sessions only, so another user's handle is
//! simply not found.

use crate::identity::{Identity, UpstreamTokens};
use crate::security::{constant_time_eq, storage_hash};
use crate::state::AppState;
use crate::store::{SessionOrigin, StoreError, UserSessionsEnded};
use serde::Serialize;
use time::OffsetDateTime;

/// What kind of session a listed one is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An app's sign-in: a refresh family (and the access tokens issued from it).
    App,
    /// A browser's single sign-on session.
    Browser,
}

/// One session, as shown and as the API returns it.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    /// The handle to end it by.
    pub id: String,
    pub kind: Kind,
    /// The app's client id and name (app sessions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app: Option<String>,
    /// The provider's id and display name.
    pub provider: String,
    pub provider_name: String,
    /// When the user signed in (Unix seconds).
    pub signed_in_at: i64,
    /// When the session ends by itself (Unix seconds).
    pub expires_at: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The `User-Agent` as it was kept (cut short).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// The session the request is made from: this browser's SSO session and the families
    /// issued through it (pages), or the access token's own family (API).
    pub current: bool,
}

/// Which session the request is made from.
#[derive(Debug, Clone, Copy)]
pub enum Current<'a> {
    /// The browser's SSO session id.
    Browser(&'a str),
    /// The access token's family id.
    Family(&'a str),
}

fn handle(kind: Kind, id: &str) -> String {
    let prefix = match kind {
        Kind::App => "app-",
        Kind::Browser => "browser-",
    };
    format!("{prefix}{}", &storage_hash(id)[..32])
}

/// Every live session of `identity`'s user, newest sign-in first.
pub async fn list(
    state: &AppState,
    identity: &Identity,
    current: Current<'_>,
) -> Result<Vec<Listed>, StoreError> {
    let now = OffsetDateTime::now_utc();
    let found = state
        .store
        .user_sessions(&identity.provider, &identity.upstream_subject, now)
        .await?;
    let provider_name = |id: &str| {
        state
            .providers
            .get(id)
            .map_or_else(|| id.to_string(), |p| p.display_name.clone())
    };
    let origin = |o: &Option<SessionOrigin>| {
        let o = o.clone().unwrap_or_default();
        (o.address, o.user_agent)
    };
    let mut listed = Vec::new();
    for family in found.families {
        // The account pages' own sign-ins redeem no code, so make no family; any other app
        // that is no longer configured still shows by its id.
        let record = &family.record;
        let (address, user_agent) = origin(&record.origin);
        let current = match current {
            Current::Browser(sso) => record.sso_session.as_deref() == Some(sso),
            Current::Family(id) => family.id == id,
        };
        listed.push(Listed {
            id: handle(Kind::App, &family.id),
            kind: Kind::App,
            client_id: Some(record.client_id.clone()),
            app: Some(
                state
                    .apps
                    .get(&record.client_id)
                    .map_or_else(|| record.client_id.clone(), |a| a.name.clone()),
            ),
            provider: record.identity.provider.clone(),
            provider_name: provider_name(&record.identity.provider),
            signed_in_at: record.auth_time,
            expires_at: family.expires_at.unix_timestamp(),
            address,
            user_agent,
            current,
        });
    }
    for sso in found.sso_sessions {
        let (address, user_agent) = origin(&sso.record.origin);
        listed.push(Listed {
            id: handle(Kind::Browser, &sso.id),
            kind: Kind::Browser,
            client_id: None,
            app: None,
            provider: sso.record.identity.provider.clone(),
            provider_name: provider_name(&sso.record.identity.provider),
            signed_in_at: sso.record.auth_time,
            expires_at: sso.expires_at.unix_timestamp(),
            address,
            user_agent,
            current: matches!(current, Current::Browser(id) if id == sso.id),
        });
    }
    listed.sort_by(|a, b| {
        (b.current, b.signed_in_at, &a.id).cmp(&(a.current, a.signed_in_at, &b.id))
    });
    Ok(listed)
}

/// What ending one session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    /// An app's refresh family, by client id.
    App(String),
    /// A browser's SSO session, with how many families issued through it were revoked too.
    Browser { families: u64 },
}

/// Ends the session `handle` names, when it is one of `identity`'s user's live sessions;
/// `None` otherwise (another user's, already ended, made up): nothing is ended then.
pub async fn end_one(
    state: &AppState,
    identity: &Identity,
    handle_given: &str,
) -> Result<Option<Ended>, StoreError> {
    let now = OffsetDateTime::now_utc();
    let found = state
        .store
        .user_sessions(&identity.provider, &identity.upstream_subject, now)
        .await?;
    let is =
        |kind, id: &str| constant_time_eq(handle(kind, id).as_bytes(), handle_given.as_bytes());
    if let Some(family) = found.families.iter().find(|f| is(Kind::App, &f.id)) {
        state.store.revoke_refresh_family(&family.id).await?;
        return Ok(Some(Ended::App(family.record.client_id.clone())));
    }
    if let Some(sso) = found.sso_sessions.iter().find(|s| is(Kind::Browser, &s.id)) {
        state.store.delete_sso_session(&sso.id).await?;
        // As `/logout` of that browser would: its sign-ins' tokens end too, for every app
        // with `logout_revokes_tokens`.
        let keep: Vec<String> = state
            .apps
            .iter()
            .filter(|app| !app.logout_revokes_tokens)
            .map(|app| app.client_id.clone())
            .collect();
        let families = state
            .store
            .revoke_sso_session_families(&sso.id, &keep, now)
            .await?;
        return Ok(Some(Ended::Browser { families }));
    }
    Ok(None)
}

impl Ended {
    /// Writes the audit event; `via` is `page` or `api`.
    pub fn audit(&self, identity: &Identity, via: &'static str) {
        match self {
            Ended::App(app) => {
                crate::telemetry::audit::account_session_ended(identity, "app", Some(app), 1, via);
            }
            Ended::Browser { families } => crate::telemetry::audit::account_session_ended(
                identity, "browser", None, *families, via,
            ),
        }
    }
}

/// What signing out everywhere did.
#[derive(Debug, Clone, Copy, Default)]
pub struct Everywhere {
    pub ended: UserSessionsEnded,
    /// For a Cognito pool user: whether the pool accepted `GlobalSignOut`. `None` when the
    /// provider is not a pool, or no pool access token was kept to ask with.
    pub pool_signed_out: Option<bool>,
}

impl Everywhere {
    /// Writes the audit event; `via` is `page` or `api`.
    pub fn audit(&self, identity: &Identity, via: &'static str) {
        let pool = match self.pool_signed_out {
            Some(true) => "signed_out",
            Some(false) => "failed",
            None => "none",
        };
        crate::telemetry::audit::account_signed_out_everywhere(
            identity,
            self.ended.families,
            self.ended.sso_sessions,
            pool,
            via,
        );
    }
}

/// Ends every session of `identity`'s user (all refresh families, all SSO sessions); for a
/// Cognito pool user, first asks the pool to sign them out everywhere too, with a pool access
/// token kept (sealed) with one of their sessions. The pool's answer is best effort: the
/// sessions here end whatever it says.
pub async fn end_everywhere(
    state: &AppState,
    identity: &Identity,
) -> Result<Everywhere, StoreError> {
    let now = OffsetDateTime::now_utc();
    let mut pool_signed_out = None;
    if let Some(pool) = state
        .providers
        .get(&identity.provider)
        .and_then(|p| p.as_cognito())
    {
        let found = state
            .store
            .user_sessions(&identity.provider, &identity.upstream_subject, now)
            .await?;
        // Newest sign-in first: its access token is the likeliest to be unexpired.
        let mut holders: Vec<(i64, &Identity)> = found
            .families
            .iter()
            .map(|f| (f.record.auth_time, &f.record.identity))
            .chain(
                found
                    .sso_sessions
                    .iter()
                    .map(|s| (s.record.auth_time, &s.record.identity)),
            )
            .chain(std::iter::once((i64::MAX, identity)))
            .collect();
        holders.sort_by_key(|h| std::cmp::Reverse(h.0));
        let mut tried = std::collections::HashSet::new();
        for (_, holder) in holders {
            let Some(access) =
                UpstreamTokens::open(holder, &state.sealer).and_then(|t| t.access_token)
            else {
                continue;
            };
            if !tried.insert(storage_hash(&access)) {
                continue;
            }
            match pool.pool.global_sign_out(&access).await {
                Ok(()) => {
                    pool_signed_out = Some(true);
                    break;
                }
                Err(e) => {
                    tracing::warn!(provider = %pool.provider_id, error = %e, "GlobalSignOut at the pool failed");
                    pool_signed_out = Some(false);
                }
            }
        }
    }
    let ended = state
        .store
        .end_user_sessions(&identity.provider, &identity.upstream_subject, now)
        .await?;
    Ok(Everywhere {
        ended,
        pool_signed_out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_name_the_kind_and_hide_the_id() {
        let app = handle(Kind::App, "family-1");
        let browser = handle(Kind::Browser, "family-1");
        assert!(app.starts_with("app-") && browser.starts_with("browser-"));
        assert_eq!(app.len(), "app-".len() + 32);
        assert!(!app.contains("family-1"));
        assert_eq!(handle(Kind::App, "family-1"), app, "stable");
    }
}
