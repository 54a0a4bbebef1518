//! The token endpoint's grants (RFC 6749 §4.1.3, §6; RFC 7636 §4.6), revocation (RFC 7009)
//! and userinfo, as logic over parsed parameters: no HTTP types except the Authorization value.

use crate::apps::RegisteredApp;
use crate::config::TokenMode;
use crate::keys::KeyError;
use crate::oauth::Deps;
use crate::oauth::error::{ErrorCode, OAuthError};
use crate::oauth::passthrough;
use crate::oauth::tokens::{AccessClaims, TokenResponse, mint, scoped_claims};
use crate::pkce;
use crate::security::{random_token, storage_hash};
use crate::sessions::{self, Renewal};
use crate::store::{CodeGrant, CodeTake, IssueFamily, NewFamily, RefreshFamily, RefreshRotation};
use crate::telemetry::{audit, meter};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::Arc;
use time::OffsetDateTime;

/// Form parameters of a token or revocation request, each at most once (RFC 6749 §3.2).
pub struct FormParams(HashMap<String, String>);

impl FormParams {
    pub fn parse(body: &[u8]) -> Result<Self, OAuthError> {
        crate::forms::parse_unique(body)
            .map(Self)
            .map_err(|name| OAuthError::invalid_request(format!("parameter `{name}` is repeated")))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    fn require(&self, name: &str) -> Result<&str, OAuthError> {
        self.get(name)
            .ok_or_else(|| OAuthError::invalid_request(format!("`{name}` is required")))
    }
}

/// Identifies and authenticates the calling app: `client_secret_basic`, `client_secret_post`,
/// or `none` (public clients, `client_id` only).
pub fn authenticate_client<'a>(
    state: Deps<'a>,
    authorization: Option<&str>,
    params: &FormParams,
) -> Result<&'a RegisteredApp, OAuthError> {
    let basic = match authorization {
        Some(value) => Some(crate::web::respond::basic(value).ok_or_else(|| {
            let mut e = OAuthError::invalid_client("malformed Basic authorization");
            e.basic_auth_attempted = true;
            e
        })?),
        None => None,
    };
    let (client_id, secret, via_basic) = match (basic, params.get("client_secret")) {
        (Some(_), Some(_)) => {
            return Err(OAuthError::invalid_request(
                "use one client authentication method",
            ));
        }
        (Some((id, secret)), None) => {
            if params.get("client_id").is_some_and(|body_id| body_id != id) {
                return Err(OAuthError::invalid_request(
                    "client_id does not match the authorization",
                ));
            }
            (id, Some(secret), true)
        }
        (None, secret) => (
            params.require("client_id")?.to_string(),
            secret.map(str::to_string),
            false,
        ),
    };
    let reject = |why: &str| {
        let mut e = OAuthError::invalid_client(why);
        e.basic_auth_attempted = via_basic;
        e
    };
    let app = state
        .apps
        .get(&client_id)
        .ok_or_else(|| reject("client authentication failed"))?;
    match (app.is_public(), secret.as_deref()) {
        (true, None) | (true, Some("")) => Ok(app),
        (true, Some(_)) => Err(reject("public clients have no secret")),
        (false, Some(s)) if app.secret_matches(s) => Ok(app),
        (false, _) => Err(reject("client authentication failed")),
    }
}

pub async fn token(
    state: Deps<'_>,
    authorization: Option<&str>,
    params: &FormParams,
) -> Result<TokenResponse, OAuthError> {
    // The grant type as a label: the two we know, or `other` (it is the client's string).
    let grant = meter::grant_label(params.get("grant_type"));
    let result = grant_tokens(state, authorization, params).await;
    if let Err(e) = &result {
        meter::token_error(grant, e.code.as_str());
    }
    result
}

async fn grant_tokens(
    state: Deps<'_>,
    authorization: Option<&str>,
    params: &FormParams,
) -> Result<TokenResponse, OAuthError> {
    let grant_type = params.require("grant_type")?;
    let app = authenticate_client(state, authorization, params)?;
    match grant_type {
        "authorization_code" => exchange_code(state, app, params).await,
        "refresh_token" => refresh(state, app, params).await,
        _ => Err(OAuthError::new(
            ErrorCode::UnsupportedGrantType,
            "supported grants: authorization_code, refresh_token",
        )),
    }
}

async fn exchange_code(
    state: Deps<'_>,
    app: &RegisteredApp,
    params: &FormParams,
) -> Result<TokenResponse, OAuthError> {
    let code = params.require("code")?;
    let presented = Presented {
        client_id: app.client_id.clone(),
        redirect_uri: params.require("redirect_uri")?.to_owned(),
        verifier: params.get("code_verifier").map(str::to_owned),
    };
    let now = OffsetDateTime::now_utc();
    let keep_used_until = now + state.settings.tokens.access_token_ttl;
    let refresh_token = random_token();
    let passthrough = app.token_mode == TokenMode::Passthrough;
    let issue: IssueFamily = if passthrough {
        // The pool's refresh token is the family's first token: created once the pool answers.
        Box::new(|_| None)
    } else {
        let presented = presented.clone();
        let token_hash = storage_hash(&refresh_token);
        let expires_at = now + state.settings.tokens.refresh_token_ttl;
        Box::new(move |grant| {
            presented.check(grant).ok().map(|()| NewFamily {
                family: sessions::family_from(grant),
                token_hash,
                expires_at,
            })
        })
    };

    let redemption = state
        .store
        .redeem_code(&storage_hash(code), now, keep_used_until, issue)
        .await?;
    let grant = match redemption.take {
        CodeTake::Taken(grant) => *grant,
        CodeTake::AlreadyUsed { family_id } => {
            // RFC 6749 §4.1.2: a replayed code revokes what its first use issued.
            state.store.revoke_refresh_family(&family_id).await?;
            tracing::warn!(client_id = %app.client_id, "authorization code reused; its tokens were revoked");
            meter::token_reuse("authorization_code", &app.client_id);
            audit::token_reuse(&app.client_id, "authorization_code");
            return Err(OAuthError::invalid_grant("authorization code already used"));
        }
        CodeTake::Missing => {
            return Err(OAuthError::invalid_grant(
                "authorization code is invalid or expired",
            ));
        }
    };
    if passthrough {
        presented.check(&grant)?;
        let aws = grant.aws.clone();
        let identity = grant.identity.clone();
        let mut response = passthrough::exchange(state, grant, now).await?;
        with_sign_in_credentials(state, aws, &mut response);
        // A registered app's id: bounded by the configuration.
        meter::tokens_issued("authorization_code", &app.client_id);
        audit::token_issued(&app.client_id, "authorization_code", &identity);
        return Ok(response);
    }
    let Some(issued) = redemption.issued else {
        // The checks refused the grant inside the redemption (the code is spent all the same):
        // the same checks again, for the refusal's words.
        return Err(presented
            .check(&grant)
            .err()
            .unwrap_or_else(OAuthError::server_error));
    };
    let mut response = mint_for(
        state,
        &grant.family_id,
        &issued.family,
        grant.nonce.as_deref(),
        refresh_token,
    )
    .await?;
    with_sign_in_credentials(state, grant.aws, &mut response);
    meter::tokens_issued("authorization_code", &app.client_id);
    audit::token_issued(&app.client_id, "authorization_code", &grant.identity);
    Ok(response)
}

/// What a token request presents with a code: each must match what the code was issued for.
#[derive(Clone)]
struct Presented {
    client_id: String,
    redirect_uri: String,
    verifier: Option<String>,
}

impl Presented {
    /// RFC 6749 §4.1.3 (same client, same redirect) and RFC 7636 §4.6 (the verifier).
    fn check(&self, grant: &CodeGrant) -> Result<(), OAuthError> {
        if grant.client_id != self.client_id {
            return Err(OAuthError::invalid_grant(
                "authorization code was issued to another client",
            ));
        }
        if grant.redirect_uri != self.redirect_uri {
            return Err(OAuthError::invalid_grant(
                "redirect_uri differs from the authorization request",
            ));
        }
        match (grant.code_challenge.as_deref(), self.verifier.as_deref()) {
            (Some(challenge), Some(verifier)) if pkce::verify_s256(verifier, challenge) => Ok(()),
            (Some(_), Some(_)) => Err(OAuthError::invalid_grant("code_verifier does not match")),
            (Some(_), None) => Err(OAuthError::invalid_grant("code_verifier is required")),
            // RFC 9700 §2.1.1: a verifier for a code issued without a challenge is a downgrade
            // attempt.
            (None, Some(_)) => Err(OAuthError::invalid_grant(
                "code was issued without code_challenge",
            )),
            (None, None) => Ok(()),
        }
    }
}

/// What the sign-in got from the identity pool (federation happened before the code).
fn with_sign_in_credentials(
    state: Deps<'_>,
    aws: Option<crate::store::AwsGrant>,
    response: &mut TokenResponse,
) {
    if let Some(aws) = aws {
        response.identity_id = aws.session.identity_id;
        response.aws_credentials = aws
            .credentials
            .and_then(|sealed| crate::aws::federation::open_credentials(state.sealer, &sealed));
        response.aws_error = aws.error;
    }
}

async fn refresh(
    state: Deps<'_>,
    app: &RegisteredApp,
    params: &FormParams,
) -> Result<TokenResponse, OAuthError> {
    let presented = params.require("refresh_token")?;
    let (mut response, family_id, family) =
        refresh_grant(state, app, presented, params.get("scope")).await?;
    with_aws_credentials(state, app, &family_id, family, &mut response).await;
    Ok(response)
}

/// Why a refresh token was refused. The token endpoint says `invalid_grant` (through
/// `From<RefreshError> for OAuthError`); Cognito's user-pool API says `NotAuthorizedException`
/// or `RefreshTokenReuseException`, in Cognito's words.
#[derive(Debug)]
pub enum RefreshError {
    /// Unknown or expired.
    Invalid,
    /// Its family was revoked (logout, revocation, global sign-out, an earlier reuse).
    Revoked,
    /// A token already rotated away, presented again: the family is now revoked.
    Reused,
    /// Issued to another app: it has leaked, so the family is now revoked.
    OtherClient,
    /// Anything else, in the token endpoint's words: an upstream that ended the session, a
    /// scope beyond the grant, a passthrough pool's refusal, a server error.
    Refused(OAuthError),
}

impl From<RefreshError> for OAuthError {
    fn from(e: RefreshError) -> Self {
        match e {
            RefreshError::Invalid => {
                OAuthError::invalid_grant("refresh token is invalid or expired")
            }
            RefreshError::Revoked => OAuthError::invalid_grant("refresh token is revoked"),
            RefreshError::Reused => {
                OAuthError::invalid_grant("refresh token was already used; the session is revoked")
            }
            RefreshError::OtherClient => {
                OAuthError::invalid_grant("refresh token was issued to another client")
            }
            RefreshError::Refused(e) => e,
        }
    }
}

impl From<OAuthError> for RefreshError {
    fn from(e: OAuthError) -> Self {
        RefreshError::Refused(e)
    }
}

impl From<crate::store::StoreError> for RefreshError {
    fn from(e: crate::store::StoreError) -> Self {
        RefreshError::Refused(e.into())
    }
}

/// The refresh grant (RFC 6749 §6), for the token endpoint and Cognito's user-pool API alike:
/// one path, so rotation and reuse detection are the same store operation whichever door a
/// token comes through (rotated through one and replayed through the other revokes the
/// family). Passthrough apps refresh with their pool. Returns the tokens and the family they
/// continue (the token endpoint adds the family's AWS credentials; the API has no place for
/// them).
pub async fn refresh_grant(
    state: Deps<'_>,
    app: &RegisteredApp,
    presented: &str,
    scope: Option<&str>,
) -> Result<(TokenResponse, String, RefreshFamily), RefreshError> {
    if app.token_mode == TokenMode::Passthrough {
        let refreshed = passthrough::refresh(state, app, presented).await?;
        meter::tokens_issued("refresh_token", &app.client_id);
        audit::token_issued(&app.client_id, "refresh_token", &refreshed.2.identity);
        return Ok(refreshed);
    }
    let next = random_token();
    let now = OffsetDateTime::now_utc();
    let rotation = state
        .store
        .rotate_refresh_token(&storage_hash(presented), &storage_hash(&next), now)
        .await?;
    let (family_id, mut family) = match rotation {
        RefreshRotation::Rotated { family_id, family } => (family_id, family),
        RefreshRotation::Reused { .. } => {
            tracing::warn!(client_id = %app.client_id, "refresh token reused; family revoked");
            meter::token_reuse("refresh_token", &app.client_id);
            audit::token_reuse(&app.client_id, "refresh_token");
            return Err(RefreshError::Reused);
        }
        RefreshRotation::Revoked { .. } => return Err(RefreshError::Revoked),
        RefreshRotation::Missing => return Err(RefreshError::Invalid),
    };
    if family.client_id != app.client_id {
        // Someone else's token: it has leaked, so nobody gets to use it any more.
        state.store.revoke_refresh_family(&family_id).await?;
        return Err(RefreshError::OtherClient);
    }
    if family.identity.upstream_refresh.is_some() {
        // A refusal ends the session; an outage does not (the next refresh asks again).
        family = match sessions::renew_upstream(state.sessions(), &family_id, family, now).await? {
            Renewal::Renewed(family) | Renewal::Unavailable { family, .. } => family,
            Renewal::Ended { provider } => {
                return Err(RefreshError::Refused(OAuthError::invalid_grant(format!(
                    "{provider} ended this session"
                ))));
            }
        };
    }
    if let Some(requested) = scope {
        let requested: Vec<String> = requested
            .split(' ')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if requested.iter().any(|s| !family.scopes.contains(s)) {
            return Err(RefreshError::Refused(OAuthError::new(
                ErrorCode::InvalidScope,
                "scope exceeds the original grant",
            )));
        }
        family.scopes = requested;
    }
    let response = mint_for(state, &family_id, &family, None, next).await?;
    meter::tokens_issued("refresh_token", &app.client_id);
    audit::token_issued(&app.client_id, "refresh_token", &family.identity);
    Ok((response, family_id, family))
}

/// A refresh renews the app's AWS credentials too (from cache while they last). The identity
/// pool failing never fails the refresh: the app gets its tokens and `aws_error`.
async fn with_aws_credentials(
    state: Deps<'_>,
    app: &RegisteredApp,
    family_id: &str,
    family: RefreshFamily,
    response: &mut TokenResponse,
) {
    let (Some(federation), Some(_)) = (&state.federation, &app.aws) else {
        return;
    };
    let identity = family.identity.clone();
    match federation
        .for_family(state.federation_deps(), app, family_id, family)
        .await
    {
        Ok((_, federated)) => {
            response.identity_id = Some(federated.identity_id);
            response.aws_credentials = Some(federated.credentials);
        }
        Err(e) => {
            tracing::warn!(error = %e, "no AWS credentials for this refresh");
            response.identity_id = federation
                .known_identity_id(state.store, &identity)
                .await
                .ok()
                .flatten();
            response.aws_error = Some(e.note());
        }
    }
}

/// Signs the tokens. RSA signing is the most expensive step of a grant (~0.3 ms per signature,
/// two per grant); done inline it holds a runtime worker, and a request that holds the store's
/// single writer mid-transaction then waits for that worker. So RSA signing moves to the
/// blocking pool; ECDSA (~30 µs) costs less than the hand-off and stays inline.
async fn mint_for(
    state: Deps<'_>,
    family_id: &str,
    family: &RefreshFamily,
    nonce: Option<&str>,
    refresh_token: String,
) -> Result<TokenResponse, OAuthError> {
    let minted = if state.keys.signing_is_slow() {
        let keys = Arc::clone(state.keys);
        let issuer = state.settings.issuer.clone();
        let lifetimes = state.lifetimes.clone();
        let family_id = family_id.to_string();
        let family = family.clone();
        let nonce = nonce.map(str::to_string);
        tokio::task::spawn_blocking(move || {
            mint(
                &keys,
                &issuer,
                &lifetimes,
                &family_id,
                &family,
                nonce.as_deref(),
                refresh_token,
            )
        })
        .await
        .unwrap_or_else(|e| Err(KeyError::Crypto(format!("signing task failed: {e}"))))
    } else {
        mint(
            state.keys,
            &state.settings.issuer,
            state.lifetimes,
            family_id,
            family,
            nonce,
            refresh_token,
        )
    };
    minted.map_err(|e| {
        tracing::error!(error = %e, "token signing failed");
        OAuthError::server_error()
    })
}

/// RFC 7009 with Cognito's semantics: refresh tokens only; unknown tokens are a silent success.
pub async fn revoke(
    state: Deps<'_>,
    authorization: Option<&str>,
    params: &FormParams,
) -> Result<(), OAuthError> {
    let token = params.require("token")?;
    let app = authenticate_client(state, authorization, params)?;
    revoke_refresh_token(state, app, token).await
}

/// Revokes the family of a refresh token `app` was given (and so every access token issued
/// from it), for `/oauth2/revoke` and Cognito's `RevokeToken`. An unknown token is a silent
/// success (RFC 7009 §2.2); another app's token is refused.
pub async fn revoke_refresh_token(
    state: Deps<'_>,
    app: &RegisteredApp,
    token: &str,
) -> Result<(), OAuthError> {
    // `token_type_hint` is not read: a wrong hint only widens the search (RFC 7009 §2.1), and
    // refresh tokens are all there is to search. Access tokens (JWTs) die with their family.
    let looks_like_jwt = token.matches('.').count() == 2;
    if looks_like_jwt {
        return Err(OAuthError::new(
            ErrorCode::UnsupportedTokenType,
            "only refresh tokens can be revoked; access tokens die with their refresh token",
        ));
    }
    let now = OffsetDateTime::now_utc();
    match state
        .store
        .find_refresh_family(&storage_hash(token), now)
        .await?
    {
        None => Ok(()),
        Some((_, family)) if family.client_id != app.client_id => Err(OAuthError::new(
            ErrorCode::UnauthorizedClient,
            "token was issued to another client",
        )),
        Some((family_id, _)) => {
            state.store.revoke_refresh_family(&family_id).await?;
            audit::token_revoked(&app.client_id);
            Ok(())
        }
    }
}

/// Verifies an access token we issued and that its family is still alive.
pub async fn verify_access_token(
    state: Deps<'_>,
    token: &str,
) -> Result<(AccessClaims, RefreshFamily), OAuthError> {
    let invalid = |why: &str| OAuthError::new(ErrorCode::InvalidToken, why);
    let claims: AccessClaims = state
        .keys
        .verify(token, false)
        .map_err(|_| invalid("access token is invalid or expired"))?;
    if claims.token_use != "access" {
        return Err(invalid("not an access token"));
    }
    let family = state
        .store
        .get_active_refresh_family(&claims.origin_jti, OffsetDateTime::now_utc())
        .await?
        .ok_or_else(|| invalid("access token was revoked"))?;
    Ok((claims, family))
}

/// OIDC Core §5.3: the claims the token's scopes allow.
pub async fn userinfo(
    state: Deps<'_>,
    bearer: Option<&str>,
) -> Result<Map<String, Value>, OAuthError> {
    let token = crate::web::respond::bearer(bearer).ok_or_else(|| {
        OAuthError::new(ErrorCode::InvalidToken, "a Bearer access token is required")
    })?;
    let (claims, family) = verify_access_token(state, token).await?;
    let scopes: Vec<String> = claims.scope.split(' ').map(str::to_string).collect();
    if !scopes.iter().any(|s| s == "openid") {
        return Err(OAuthError::new(
            ErrorCode::InvalidToken,
            "the access token lacks the openid scope",
        ));
    }
    let mut out = Map::new();
    out.insert("sub".into(), Value::String(claims.sub));
    out.insert(
        "username".into(),
        Value::String(family.identity.username.clone()),
    );
    out.extend(scoped_claims(&family.identity, &scopes));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::Identity;
    use crate::oauth::fixture::Services;
    use crate::store::CodeGrant;

    const VERIFIER: &str = "a-verifier-of-forty-three-characters-or-more-0123";

    fn alice() -> Identity {
        Identity {
            provider: "local".into(),
            upstream_subject: "alice".into(),
            username: "alice".into(),
            claims: Map::new(),
            upstream_refresh: None,
            upstream_tokens: None,
            published_sub: None,
            upstream_session: None,
        }
    }

    /// A code for the demo app, put straight into the store as the flow would.
    async fn code_for(services: &Services) -> (String, String) {
        let code = random_token();
        let family_id = uuid::Uuid::new_v4().to_string();
        let grant = CodeGrant {
            client_id: "demo".into(),
            redirect_uri: "myapp://callback".into(),
            scopes: vec!["openid".into(), "email".into()],
            nonce: Some("n".into()),
            code_challenge: Some(pkce::s256_challenge(VERIFIER)),
            identity: alice(),
            auth_time: OffsetDateTime::now_utc().unix_timestamp(),
            family_id: family_id.clone(),
            aws: None,
            sso_session: None,
            origin: None,
        };
        let expires_at = OffsetDateTime::now_utc() + time::Duration::seconds(60);
        services
            .store
            .put_code(&storage_hash(&code), &grant, expires_at)
            .await
            .unwrap();
        (code, family_id)
    }

    fn form(pairs: &[(&str, &str)]) -> FormParams {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        FormParams::parse(body.as_bytes()).unwrap()
    }

    fn exchange(code: &str, verifier: &str) -> FormParams {
        form(&[
            ("grant_type", "authorization_code"),
            ("client_id", "demo"),
            ("redirect_uri", "myapp://callback"),
            ("code", code),
            ("code_verifier", verifier),
        ])
    }

    fn refresh_with(token: &str) -> FormParams {
        form(&[
            ("grant_type", "refresh_token"),
            ("client_id", "demo"),
            ("refresh_token", token),
        ])
    }

    #[tokio::test]
    async fn a_code_is_exchanged_once_and_a_replay_revokes_what_it_issued() {
        let services = Services::new("").await;
        let (code, family_id) = code_for(&services).await;

        let tokens = token(services.deps(), None, &exchange(&code, VERIFIER))
            .await
            .unwrap();
        assert!(tokens.id_token.is_some());
        let (claims, _) = verify_access_token(services.deps(), &tokens.access_token)
            .await
            .unwrap();
        assert_eq!(claims.origin_jti, family_id);

        let replay = token(services.deps(), None, &exchange(&code, VERIFIER)).await;
        assert_eq!(replay.unwrap_err().code, ErrorCode::InvalidGrant);
        let revoked = verify_access_token(services.deps(), &tokens.access_token).await;
        assert_eq!(revoked.unwrap_err().code, ErrorCode::InvalidToken);
    }

    #[tokio::test]
    async fn a_wrong_verifier_issues_nothing_and_uses_up_the_code() {
        let services = Services::new("").await;
        let (code, family_id) = code_for(&services).await;

        let wrong = token(services.deps(), None, &exchange(&code, &"x".repeat(43))).await;

        let wrong = wrong.unwrap_err();
        assert_eq!(
            (wrong.code, wrong.description.as_str()),
            (ErrorCode::InvalidGrant, "code_verifier does not match")
        );
        let now = OffsetDateTime::now_utc();
        let family = services.store.get_active_refresh_family(&family_id, now);
        assert!(family.await.unwrap().is_none(), "no session was created");
        let retry = token(services.deps(), None, &exchange(&code, VERIFIER)).await;
        assert_eq!(retry.unwrap_err().code, ErrorCode::InvalidGrant);
    }

    #[tokio::test]
    async fn refresh_rotates_and_a_rotated_token_presented_again_ends_the_family() {
        let services = Services::new("").await;
        let (code, _) = code_for(&services).await;
        let first = token(services.deps(), None, &exchange(&code, VERIFIER))
            .await
            .unwrap();

        let second = token(services.deps(), None, &refresh_with(&first.refresh_token))
            .await
            .unwrap();
        assert_ne!(second.refresh_token, first.refresh_token);

        let reuse = token(services.deps(), None, &refresh_with(&first.refresh_token)).await;
        assert_eq!(reuse.unwrap_err().code, ErrorCode::InvalidGrant);
        let after = token(services.deps(), None, &refresh_with(&second.refresh_token)).await;
        assert_eq!(after.unwrap_err().code, ErrorCode::InvalidGrant);
        let dead = verify_access_token(services.deps(), &second.access_token).await;
        assert_eq!(dead.unwrap_err().code, ErrorCode::InvalidToken);
    }

    #[tokio::test]
    async fn another_apps_refresh_token_is_refused_and_revoked() {
        let other_app = "[[apps]]\nclient_id = \"other\"\nname = \"Other\"\n\
                         redirect_uris = [\"other://cb\"]\nlogout_uris = []\n\
                         providers = [\"local\"]\nscopes = [\"openid\"]\n";
        let services = Services::new(other_app).await;
        let (code, _) = code_for(&services).await;
        let tokens = token(services.deps(), None, &exchange(&code, VERIFIER))
            .await
            .unwrap();

        let stolen = form(&[
            ("grant_type", "refresh_token"),
            ("client_id", "other"),
            ("refresh_token", &tokens.refresh_token),
        ]);
        let refused = token(services.deps(), None, &stolen).await;

        assert_eq!(refused.unwrap_err().code, ErrorCode::InvalidGrant);
        let own = token(services.deps(), None, &refresh_with(&tokens.refresh_token)).await;
        assert_eq!(
            own.unwrap_err().code,
            ErrorCode::InvalidGrant,
            "leaked: revoked"
        );
    }

    #[test]
    fn repeated_form_parameters_are_refused() {
        assert!(FormParams::parse(b"code=a&code=b").is_err());
        let p = FormParams::parse(b"code=a&empty=").expect("ok");
        assert_eq!(p.get("code"), Some("a"));
        assert_eq!(p.get("empty"), None);
    }
}
