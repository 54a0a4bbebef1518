//! A session after the code: the refresh family a code grant creates, and the one rule for
//! renewing what the user signed in with upstream, whatever the provider kind (OpenID
//! providers, Cognito's hosted UI, a Cognito pool on our own pages, passthrough apps too):
//!
//! - the provider renews its tokens → the family is updated and carries on;
//! - the provider refuses (signed out there, deleted, disabled) → the family is revoked: the
//!   session is over here too;
//! - the provider cannot be reached → the family is kept exactly as it was, and the caller
//!   decides what an outage means for it (a broker refresh carries on, a passthrough refresh
//!   cannot, federation reports the provider unavailable).
//!
//! Callers: the refresh grant (`oauth::grants`, `oauth::passthrough`) and identity-pool
//! federation (`aws::federation`), which renews an expired provider token before sending it.

use crate::connectors::{ProviderRegistry, RenewRefused};
use crate::security::Sealer;
use crate::store::{CodeGrant, RefreshFamily, Store, StoreError};
use time::OffsetDateTime;

/// What session renewal needs, and nothing more (so it runs against any store in a unit test).
#[derive(Clone, Copy)]
pub struct Deps<'a> {
    pub store: &'a dyn Store,
    pub sealer: &'a Sealer,
    pub providers: &'a ProviderRegistry,
}

/// The family a code grant starts: who signed in, for which app, with what.
pub fn family_from(grant: &CodeGrant) -> RefreshFamily {
    RefreshFamily {
        client_id: grant.client_id.clone(),
        scopes: grant.scopes.clone(),
        identity: grant.identity.clone(),
        auth_time: grant.auth_time,
        aws: grant.aws.as_ref().map(|a| a.session.clone()),
    }
}

/// The outcome of asking the provider whether a session still stands.
#[derive(Debug)]
pub enum Renewal {
    /// Renewed (and stored), or the provider keeps nothing to renew: the family as it stands.
    Renewed(RefreshFamily),
    /// The provider refused; the family has been revoked. `provider` is its display name.
    Ended { provider: String },
    /// The provider could not be reached; the family is unchanged and still alive.
    Unavailable {
        provider: String,
        family: RefreshFamily,
    },
}

/// Asks the provider `family` signed in with to renew its tokens, under the rule above.
pub async fn renew_upstream(
    deps: Deps<'_>,
    family_id: &str,
    mut family: RefreshFamily,
    now: OffsetDateTime,
) -> Result<Renewal, StoreError> {
    let Some(provider) = deps.providers.get(&family.identity.provider) else {
        return Ok(Renewal::Renewed(family));
    };
    let Some(answer) = provider.renew(&family.identity, deps.sealer).await else {
        return Ok(Renewal::Renewed(family));
    };
    match answer {
        Ok(identity) => {
            family.identity = identity;
            deps.store
                .update_refresh_family(family_id, &family, now)
                .await?;
            Ok(Renewal::Renewed(family))
        }
        Err(RenewRefused::Ended) => {
            deps.store.revoke_refresh_family(family_id).await?;
            tracing::info!(provider = %provider.id, "provider refused to renew; family revoked");
            Ok(Renewal::Ended {
                provider: provider.display_name.clone(),
            })
        }
        Err(RenewRefused::Unavailable) => Ok(Renewal::Unavailable {
            provider: provider.display_name.clone(),
            family,
        }),
    }
}
