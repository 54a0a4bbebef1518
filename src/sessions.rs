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
        sso_session: grant.sso_session.clone(),
        origin: grant.origin.clone(),
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

#[cfg(test)]
mod tests {
    //! The rule's three outcomes, against a real OpenID provider's token endpoint played by a
    //! few lines of axum, and the in-memory store.
    use super::*;
    use crate::identity::Identity;
    use crate::oauth::fixture::Services;
    use axum::Json;
    use axum::http::StatusCode;
    use axum::routing::{get, post};
    use serde_json::{Map, json};

    #[derive(Clone, Copy)]
    enum Upstream {
        Renews,
        Refuses,
        IsDown,
    }

    async fn provider(upstream: Upstream) -> Services {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let app = axum::Router::new()
            .route("/jwks", get(|| async { Json(json!({"keys": []})) }))
            .route(
                "/token",
                post(move || async move {
                    match upstream {
                        Upstream::Refuses => (
                            StatusCode::BAD_REQUEST,
                            Json(json!({"error": "invalid_grant"})),
                        ),
                        _ => (
                            StatusCode::OK,
                            Json(json!({"access_token": "new-access", "token_type": "Bearer",
                                        "refresh_token": "new-refresh", "expires_in": 3600})),
                        ),
                    }
                }),
            );
        match upstream {
            // Nothing listens on the port any more.
            Upstream::IsDown => drop(listener),
            _ => {
                tokio::spawn(async move { axum::serve(listener, app).await });
            }
        }
        let base = format!("http://127.0.0.1:{port}");
        Services::new(&format!(
            "[[providers]]\nid = \"up\"\nkind = \"oidc\"\nname = \"Upstream\"\n\
             issuer = \"{base}\"\nauthorization_endpoint = \"{base}/authorize\"\n\
             token_endpoint = \"{base}/token\"\njwks_uri = \"{base}/jwks\"\n\
             client_id = \"authgate\"\ntimeout = \"2s\"\n"
        ))
        .await
    }

    /// A live family whose user signed in at `up` and holds its refresh token `old-refresh`.
    async fn family(services: &Services) -> (String, RefreshFamily) {
        let identity = Identity {
            provider: "up".into(),
            upstream_subject: "u-1".into(),
            username: "u-1".into(),
            claims: Map::new(),
            upstream_refresh: Some(
                services
                    .sealer
                    .seal("upstream-refresh:up", "old-refresh")
                    .unwrap(),
            ),
            upstream_tokens: None,
            published_sub: None,
            upstream_session: None,
        };
        let family = RefreshFamily {
            client_id: "demo".into(),
            scopes: vec!["openid".into()],
            identity,
            auth_time: 0,
            aws: None,
            sso_session: None,
            origin: None,
        };
        let id = uuid::Uuid::new_v4().to_string();
        let expires = OffsetDateTime::now_utc() + time::Duration::hours(1);
        services
            .store
            .create_refresh_family(&id, &family, "token-hash", expires)
            .await
            .unwrap();
        (id, family)
    }

    async fn alive(services: &Services, id: &str) -> Option<RefreshFamily> {
        let now = OffsetDateTime::now_utc();
        services
            .store
            .get_active_refresh_family(id, now)
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn a_renewed_session_keeps_the_providers_new_refresh_token() {
        let services = provider(Upstream::Renews).await;
        let (id, family) = family(&services).await;

        let now = OffsetDateTime::now_utc();
        let renewal = renew_upstream(services.deps().sessions(), &id, family, now).await;

        let Ok(Renewal::Renewed(renewed)) = renewal else {
            panic!("expected a renewal, got {renewal:?}");
        };
        let sealed = renewed.identity.upstream_refresh.clone().unwrap();
        let opened = services
            .sealer
            .open("upstream-refresh:up", &sealed)
            .unwrap();
        assert_eq!(opened, "new-refresh");
        assert_eq!(
            alive(&services, &id).await,
            Some(renewed),
            "stored as renewed"
        );
    }

    #[tokio::test]
    async fn a_refusal_ends_the_family() {
        let services = provider(Upstream::Refuses).await;
        let (id, family) = family(&services).await;

        let now = OffsetDateTime::now_utc();
        let renewal = renew_upstream(services.deps().sessions(), &id, family, now).await;

        assert!(
            matches!(&renewal, Ok(Renewal::Ended { provider }) if provider == "Upstream"),
            "{renewal:?}"
        );
        assert_eq!(alive(&services, &id).await, None, "the family is revoked");
    }

    #[tokio::test]
    async fn an_unreachable_provider_keeps_the_family_as_it_was() {
        let services = provider(Upstream::IsDown).await;
        let (id, family) = family(&services).await;

        let now = OffsetDateTime::now_utc();
        let renewal = renew_upstream(services.deps().sessions(), &id, family.clone(), now).await;

        let Ok(Renewal::Unavailable {
            provider,
            family: kept,
        }) = renewal
        else {
            panic!("expected unavailable, got {renewal:?}");
        };
        assert_eq!(provider, "Upstream");
        assert_eq!(kept, family);
        assert_eq!(
            alive(&services, &id).await,
            Some(family),
            "still alive, unchanged"
        );
    }
}
