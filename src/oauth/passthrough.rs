//! Passthrough apps (`token_mode = "passthrough"`): the token endpoint hands out the Cognito
//! user pool's own tokens, so API Gateway and AppSync Cognito authorizers accept them, and
//! refreshes them with the pool (`REFRESH_TOKEN_AUTH`).
//!
//! authgate still keeps a refresh family per sign-in, keyed by the hash of the pool's refresh
//! token (re-keyed when the pool rotates it): it is how a refresh finds the user (SECRET_HASH needs the user name), how
//! `/oauth2/revoke` ends the session, and how a token issued to one app is refused to another.

use crate::apps::RegisteredApp;
use crate::connectors::cognito::CognitoConnector;
use crate::identity::{Identity, UpstreamTokens};
use crate::oauth::Deps;
use crate::oauth::error::{ErrorCode, OAuthError};
use crate::oauth::tokens::TokenResponse;
use crate::security::storage_hash;
use crate::sessions::{self, Renewal};
use crate::store::{CodeGrant, RefreshFamily, RefreshRotation};
use time::OffsetDateTime;

fn connector<'a>(state: Deps<'a>, identity: &Identity) -> Result<&'a CognitoConnector, OAuthError> {
    match state
        .providers
        .get(&identity.provider)
        .and_then(|p| p.as_cognito())
    {
        Some(c) => Ok(c),
        // Config validation makes every provider of a passthrough app a pool; a grant from
        // another provider (the config changed since) has no pool tokens to pass through.
        _ => Err(OAuthError::invalid_grant(
            "this sign-in has no user pool tokens to pass through",
        )),
    }
}

/// The pool tokens of a fresh sign-in, in exchange for its code.
pub async fn exchange(
    state: Deps<'_>,
    grant: CodeGrant,
    now: OffsetDateTime,
) -> Result<TokenResponse, OAuthError> {
    let connector = connector(state, &grant.identity)?;
    let tokens = UpstreamTokens::open(&grant.identity, state.sealer);
    let refresh = connector.open_refresh(&grant.identity, state.sealer);
    let (
        Some(UpstreamTokens {
            id_token: Some(id_token),
            access_token: Some(access_token),
        }),
        Some(refresh),
    ) = (tokens, refresh)
    else {
        return Err(OAuthError::invalid_grant(
            "this sign-in has no user pool tokens to pass through",
        ));
    };
    let family = sessions::family_from(&grant);
    state
        .store
        .create_refresh_family(
            &grant.family_id,
            &family,
            &storage_hash(&refresh),
            now + state.settings.tokens.refresh_token_ttl,
        )
        .await?;
    Ok(response(id_token, access_token, refresh, now))
}

/// New pool tokens for a pool refresh token this app was given, with the family they belong
/// to (for the AWS credentials that go with them).
pub async fn refresh(
    state: Deps<'_>,
    app: &RegisteredApp,
    presented: &str,
) -> Result<(TokenResponse, String, RefreshFamily), OAuthError> {
    let now = OffsetDateTime::now_utc();
    let hash = storage_hash(presented);
    let Some((family_id, _)) = state.store.find_refresh_family(&hash, now).await? else {
        return Err(OAuthError::invalid_grant(
            "refresh token is invalid or expired",
        ));
    };
    let Some(family) = state
        .store
        .get_active_refresh_family(&family_id, now)
        .await?
    else {
        return Err(OAuthError::invalid_grant("refresh token is revoked"));
    };
    if family.client_id != app.client_id {
        state.store.revoke_refresh_family(&family_id).await?;
        return Err(OAuthError::invalid_grant(
            "refresh token was issued to another client",
        ));
    }
    let connector = connector(state, &family.identity)?;
    // The one renewal rule; for passthrough an outage is an error: there are no tokens to give.
    let family = match sessions::renew_upstream(state.sessions(), &family_id, family, now).await? {
        Renewal::Renewed(renewed) => renewed,
        Renewal::Ended { provider } => {
            return Err(OAuthError::invalid_grant(format!(
                "{provider} ended this session"
            )));
        }
        Renewal::Unavailable { provider, .. } => {
            return Err(OAuthError::new(
                ErrorCode::TemporarilyUnavailable,
                format!("{provider} did not answer; try again"),
            ));
        }
    };
    let identity = &family.identity;
    let tokens = UpstreamTokens::open(identity, state.sealer);
    let (
        Some(UpstreamTokens {
            id_token: Some(id_token),
            access_token: Some(access_token),
        }),
        Some(refresh),
    ) = (tokens, connector.open_refresh(identity, state.sealer))
    else {
        return Err(OAuthError::server_error());
    };
    if refresh != presented {
        // The pool rotated it (refresh-token rotation): the family now answers to the new one,
        // and the old one counts as used, so presenting it again revokes the family.
        match state
            .store
            .rotate_refresh_token(&hash, &storage_hash(&refresh), now)
            .await?
        {
            RefreshRotation::Rotated { .. } => {}
            _ => return Err(OAuthError::invalid_grant("refresh token is revoked")),
        }
    }
    Ok((
        response(id_token, access_token, refresh, now),
        family_id,
        family,
    ))
}

fn response(
    id_token: String,
    access_token: String,
    refresh_token: String,
    now: OffsetDateTime,
) -> TokenResponse {
    let expires_in = token_exp(&access_token)
        .map(|exp| (exp - now.unix_timestamp()).max(0))
        .and_then(|secs| u64::try_from(secs).ok())
        .unwrap_or(0);
    TokenResponse {
        access_token,
        id_token: Some(id_token),
        refresh_token,
        token_type: "Bearer",
        expires_in,
        identity_id: None,
        aws_credentials: None,
        aws_error: None,
    }
}

/// The `exp` of a JWT the pool issued (read, not verified: it came from the pool itself).
fn token_exp(jwt: &str) -> Option<i64> {
    crate::security::unverified_claims(jwt)?
        .get("exp")?
        .as_i64()
}
