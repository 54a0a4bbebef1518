//! `kind = "oidc"`: any OpenID Provider (Auth0, Google, Okta, a Cognito user pool's OIDC face),
//! as a client with authorization code + PKCE S256 + nonce, and the checks RFC 9700 §4.4 asks of
//! a client that talks to several authorization servers: the flow records which provider it was
//! sent to, the RFC 9207 `iss` must match it, and the ID token is verified against that
//! provider's keys, issuer, our client id and the flow's nonce.
//!
//! Discovery and JWKS are fetched on first use and cached; JWKS is fetched again once when a
//! token names a key we do not know (the provider rotated).

pub mod hosted;
pub mod settings;

use super::UpstreamError;
use super::contract::{LoginStart, RedirectConnector, StartContext, UpstreamReply};
use crate::identity::{Identity, UpstreamTokens};
use crate::security::{Sealed, Sealer};
use openidconnect::core::{
    CoreClient, CoreIdToken, CoreIdTokenClaims, CoreJsonWebKeySet, CoreJwsSigningAlgorithm,
};
use openidconnect::{
    AuthUrl, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, IssuerUrl, Nonce,
    OAuth2TokenResponse, PkceCodeVerifier, RedirectUrl, RefreshToken, SignatureVerificationError,
    TokenResponse, TokenUrl,
};
use serde::Deserialize;
use serde_json::{Map, Value};
use settings::{FederatedLogout, OidcSettings};
use std::sync::RwLock;
use std::time::{Duration, Instant};

/// How long discovery and keys are trusted before being fetched again.
const METADATA_TTL: Duration = Duration::from_secs(3600);

/// A client with its authorization and token endpoints set (openidconnect's typestate).
type UpstreamClient = CoreClient<
    openidconnect::EndpointSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointSet,
    openidconnect::EndpointNotSet,
>;

/// What an upstream refresh leaves the identity with.
pub struct Refreshed {
    /// The refresh token to keep (rotated or not).
    pub refresh: Sealed,
    /// The provider's new tokens.
    pub tokens: Sealed,
}

/// The part of a discovery document we use.
#[derive(Debug, Clone, Deserialize)]
struct Discovery {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    jwks_uri: String,
    #[serde(default)]
    authorization_response_iss_parameter_supported: bool,
    #[serde(default)]
    end_session_endpoint: Option<String>,
}

#[derive(Clone)]
struct Cached {
    discovery: Discovery,
    jwks: CoreJsonWebKeySet,
    fetched: Instant,
}

pub struct OidcConnector {
    provider_id: String,
    display_name: String,
    settings: OidcSettings,
    client_secret: Option<crate::config::Secret>,
    callback_url: String,
    http: reqwest::Client,
    cache: RwLock<Option<Cached>>,
}

impl OidcConnector {
    pub fn new(
        provider_id: &str,
        display_name: &str,
        settings: &OidcSettings,
        issuer: &str,
    ) -> Result<Self, String> {
        let http = super::upstream_http_client(settings.timeout)?;
        Ok(Self {
            provider_id: provider_id.to_string(),
            display_name: display_name.to_string(),
            client_secret: settings.client_secret()?,
            settings: settings.clone(),
            callback_url: super::callback_url(issuer, provider_id),
            http,
            cache: RwLock::new(None),
        })
    }

    fn discovery_url(&self) -> String {
        match &self.settings.discovery_url {
            Some(url) => url.clone(),
            None => format!(
                "{}/.well-known/openid-configuration",
                self.settings.issuer.trim_end_matches('/')
            ),
        }
    }

    async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        endpoint: &'static str,
        url: &str,
    ) -> Result<T, UpstreamError> {
        super::observed(&self.provider_id, endpoint, self.fetch_json(url)).await
    }

    async fn fetch_json<T: serde::de::DeserializeOwned>(
        &self,
        url: &str,
    ) -> Result<T, UpstreamError> {
        let response = self.http.get(url).send().await.map_err(|e| {
            tracing::warn!(provider = %self.provider_id, error = %e, "upstream unreachable");
            UpstreamError::Unreachable(self.display_name.clone())
        })?;
        if !response.status().is_success() {
            tracing::warn!(provider = %self.provider_id, status = %response.status(), "upstream HTTP error");
            return Err(UpstreamError::BadAnswer(self.display_name.clone()));
        }
        let body = response
            .bytes()
            .await
            .map_err(|_| UpstreamError::Unreachable(self.display_name.clone()))?;
        serde_json::from_slice(&body).map_err(|e| {
            tracing::warn!(provider = %self.provider_id, error = %e, "upstream answered something that is not the expected JSON");
            UpstreamError::BadAnswer(self.display_name.clone())
        })
    }

    /// Endpoints configured in advance (Cognito's hosted UI): no discovery document is read.
    fn known_endpoints(&self) -> Option<Discovery> {
        let s = &self.settings;
        Some(Discovery {
            issuer: s.issuer.clone(),
            authorization_endpoint: s.authorization_endpoint.clone()?,
            token_endpoint: s.token_endpoint.clone()?,
            jwks_uri: s.jwks_uri.clone()?,
            authorization_response_iss_parameter_supported: false,
            end_session_endpoint: s.logout_endpoint.clone(),
        })
    }

    /// Discovery and keys, from cache unless stale or `refresh_keys`.
    async fn metadata(&self, refresh_keys: bool) -> Result<Cached, UpstreamError> {
        let cached = self.cache.read().ok().and_then(|c| c.clone());
        if let Some(cached) = &cached
            && !refresh_keys
            && cached.fetched.elapsed() < METADATA_TTL
        {
            return Ok(cached.clone());
        }
        let discovery: Discovery = match (&cached, refresh_keys, self.known_endpoints()) {
            (_, _, Some(known)) => known,
            (Some(c), true, None) if c.fetched.elapsed() < METADATA_TTL => c.discovery.clone(),
            _ => self.get_json("discovery", &self.discovery_url()).await?,
        };
        if discovery.issuer != self.settings.issuer && self.settings.discovery_url.is_none() {
            // OIDC Discovery §4.3: the document must name the issuer it was fetched for.
            tracing::warn!(provider = %self.provider_id, "discovery document names another issuer");
            return Err(UpstreamError::Rejected(self.display_name.clone()));
        }
        let jwks_uri = self
            .settings
            .jwks_uri
            .clone()
            .unwrap_or_else(|| discovery.jwks_uri.clone());
        let jwks: CoreJsonWebKeySet = self.get_json("jwks", &jwks_uri).await?;
        let fresh = Cached {
            discovery,
            jwks,
            fetched: Instant::now(),
        };
        if let Ok(mut slot) = self.cache.write() {
            *slot = Some(fresh.clone());
        }
        Ok(fresh)
    }

    /// Builds the upstream authorization URL for one flow. `state` is authgate's request id.
    async fn authorize_url(
        &self,
        context: &StartContext<'_>,
        verifier: &str,
        nonce: &str,
    ) -> Result<String, UpstreamError> {
        let StartContext {
            flow_id: state,
            login_hint,
            prompt,
            idp_hint,
            ..
        } = *context;
        let metadata = self.metadata(false).await?;
        let mut url = url::Url::parse(&metadata.discovery.authorization_endpoint)
            .map_err(|_| UpstreamError::BadAnswer(self.display_name.clone()))?;
        {
            let mut query = url.query_pairs_mut();
            query
                .append_pair("response_type", "code")
                .append_pair("client_id", &self.settings.client_id)
                .append_pair("redirect_uri", &self.callback_url)
                .append_pair("scope", &self.settings.scopes.join(" "))
                .append_pair("state", state)
                .append_pair("nonce", nonce)
                .append_pair("code_challenge", &crate::pkce::s256_challenge(verifier))
                .append_pair("code_challenge_method", "S256");
            if let Some(hint) = login_hint {
                query.append_pair("login_hint", hint);
            }
            if let Some(prompt) = prompt {
                query.append_pair("prompt", prompt);
            }
            if let Some(hd) = &self.settings.hosted_domain {
                query.append_pair("hd", hd);
            }
            // The app's choice of the pool's IdP wins over the one configured.
            let forwarded = [
                (
                    "identity_provider",
                    idp_hint.and_then(|h| h.identity_provider.as_deref()),
                ),
                (
                    "idp_identifier",
                    idp_hint.and_then(|h| h.idp_identifier.as_deref()),
                ),
            ];
            for (name, value) in forwarded {
                if let Some(value) = value {
                    query.append_pair(name, value);
                }
            }
            for (name, value) in &self.settings.extra_authorize_params {
                if !forwarded.iter().any(|(n, v)| n == name && v.is_some()) {
                    query.append_pair(name, value);
                }
            }
        }
        Ok(url.into())
    }

    /// Where to send the browser to sign out at the provider, coming back to `return_to`;
    /// `None` when federated logout is off or the provider has no logout endpoint.
    pub async fn logout_url(&self, return_to: &str) -> Option<String> {
        let style = self.settings.federated_logout?;
        let endpoint = match (&self.settings.logout_endpoint, style) {
            (Some(endpoint), _) => endpoint.clone(),
            (None, FederatedLogout::Auth0) => {
                format!("{}/v2/logout", self.settings.issuer.trim_end_matches('/'))
            }
            (None, FederatedLogout::Oidc) => match self.metadata(false).await {
                Ok(m) => m.discovery.end_session_endpoint?,
                Err(e) => {
                    tracing::warn!(provider = %self.provider_id, error = %e, "no federated logout");
                    return None;
                }
            },
            (None, FederatedLogout::Cognito) => return None,
        };
        let mut url = url::Url::parse(&endpoint).ok()?;
        let return_param = match style {
            FederatedLogout::Oidc => "post_logout_redirect_uri",
            FederatedLogout::Auth0 => "returnTo",
            FederatedLogout::Cognito => "logout_uri",
        };
        url.query_pairs_mut()
            .append_pair("client_id", &self.settings.client_id)
            .append_pair(return_param, return_to);
        Some(url.into())
    }

    /// RFC 9207: when the provider says it sends `iss`, it must be there; when there, it must be
    /// the issuer this flow was sent to.
    pub async fn check_response_issuer(&self, iss: Option<&str>) -> Result<(), UpstreamError> {
        match iss {
            Some(iss) if iss == self.settings.issuer => Ok(()),
            Some(_) => Err(UpstreamError::Rejected(self.display_name.clone())),
            None => {
                let metadata = self.metadata(false).await?;
                if metadata
                    .discovery
                    .authorization_response_iss_parameter_supported
                {
                    Err(UpstreamError::Rejected(self.display_name.clone()))
                } else {
                    Ok(())
                }
            }
        }
    }

    fn client(&self, metadata: &Cached) -> Result<UpstreamClient, UpstreamError> {
        let bad = |_| UpstreamError::BadAnswer(self.display_name.clone());
        let issuer = IssuerUrl::new(self.settings.issuer.clone()).map_err(bad)?;
        let mut client = CoreClient::new(
            ClientId::new(self.settings.client_id.clone()),
            issuer,
            metadata.jwks.clone(),
        )
        .set_auth_uri(AuthUrl::new(metadata.discovery.authorization_endpoint.clone()).map_err(bad)?)
        .set_token_uri(TokenUrl::new(metadata.discovery.token_endpoint.clone()).map_err(bad)?)
        .set_redirect_uri(RedirectUrl::new(self.callback_url.clone()).map_err(bad)?);
        if let Some(secret) = &self.client_secret {
            client = client.set_client_secret(ClientSecret::new(secret.expose().to_string()));
        }
        Ok(client)
    }

    /// Redeems the upstream code and verifies the ID token; the identity it vouches for.
    async fn redeem(
        &self,
        code: &str,
        pkce_verifier: &str,
        nonce: &str,
        sealer: &Sealer,
    ) -> Result<Identity, UpstreamError> {
        let metadata = self.metadata(false).await?;
        let client = self.client(&metadata)?;
        let exchange = async {
            client
                .exchange_code(AuthorizationCode::new(code.to_string()))
                .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_string()))
                .request_async(&self.http)
                .await
                .map_err(|e| {
                    tracing::warn!(provider = %self.provider_id, error = %e, "upstream code exchange failed");
                    match e {
                        openidconnect::RequestTokenError::Request(_) => {
                            UpstreamError::Unreachable(self.display_name.clone())
                        }
                        _ => UpstreamError::BadAnswer(self.display_name.clone()),
                    }
                })
        };
        let response = super::observed(&self.provider_id, "token", exchange).await?;
        let id_token = response.id_token().ok_or_else(|| {
            tracing::warn!(provider = %self.provider_id, "upstream token response has no ID token");
            UpstreamError::BadAnswer(self.display_name.clone())
        })?;
        let verified = match self.verify(&client, id_token, nonce) {
            Err(ClaimsVerificationError::SignatureVerification(
                SignatureVerificationError::NoMatchingKey,
            )) => {
                // The provider may have rotated its keys since we cached them: fetch once more.
                let fresh = self.metadata(true).await?;
                let client = self.client(&fresh)?;
                self.verify(&client, id_token, nonce)
            }
            other => other,
        }
        .map_err(|e| {
            tracing::warn!(provider = %self.provider_id, error = %e, "upstream ID token rejected");
            UpstreamError::Rejected(self.display_name.clone())
        })?;
        let mut identity = self.identity(&verified, &id_token.to_string())?;
        if let Some(refresh) = response.refresh_token() {
            identity.upstream_refresh = Some(self.seal(sealer, refresh.secret())?);
        }
        let tokens = UpstreamTokens {
            id_token: Some(id_token.to_string()),
            access_token: Some(response.access_token().secret().clone()),
        };
        identity.upstream_tokens = Some(self.seal_tokens(sealer, &tokens)?);
        Ok(identity)
    }

    fn seal_tokens(
        &self,
        sealer: &Sealer,
        tokens: &UpstreamTokens,
    ) -> Result<Sealed, UpstreamError> {
        tokens.seal(&self.provider_id, sealer).map_err(|e| {
            tracing::error!(provider = %self.provider_id, error = %e, "sealing failed");
            UpstreamError::BadAnswer(self.display_name.clone())
        })
    }

    fn purpose(&self) -> String {
        format!("upstream-refresh:{}", self.provider_id)
    }

    fn seal(&self, sealer: &Sealer, token: &str) -> Result<Sealed, UpstreamError> {
        sealer.seal(&self.purpose(), token).map_err(|e| {
            tracing::error!(provider = %self.provider_id, error = %e, "sealing failed");
            UpstreamError::BadAnswer(self.display_name.clone())
        })
    }

    /// Refreshes at the provider with the identity's sealed refresh token: is this person still
    /// allowed in? Returns the token to keep (rotated or not). A refusal is `Rejected`; an ID
    /// token in the answer must name the same subject.
    pub async fn refresh(
        &self,
        identity: &Identity,
        sealer: &Sealer,
    ) -> Result<Refreshed, UpstreamError> {
        let Some(sealed) = &identity.upstream_refresh else {
            return Err(UpstreamError::Rejected(self.display_name.clone()));
        };
        let token = sealer.open(&self.purpose(), sealed).map_err(|e| {
            tracing::error!(provider = %self.provider_id, error = %e, "stored upstream token does not open");
            UpstreamError::Rejected(self.display_name.clone())
        })?;
        let metadata = self.metadata(false).await?;
        let client = self.client(&metadata)?;
        let exchange = async {
            client
                .exchange_refresh_token(&RefreshToken::new(token))
                .request_async(&self.http)
                .await
                .map_err(|e| {
                    tracing::warn!(provider = %self.provider_id, error = %e, "upstream refresh failed");
                    match e {
                        openidconnect::RequestTokenError::Request(_) => {
                            UpstreamError::Unreachable(self.display_name.clone())
                        }
                        openidconnect::RequestTokenError::ServerResponse(_) => {
                            UpstreamError::Rejected(self.display_name.clone())
                        }
                        _ => UpstreamError::BadAnswer(self.display_name.clone()),
                    }
                })
        };
        let response = super::observed(&self.provider_id, "refresh", exchange).await?;
        if let Some(id_token) = response.id_token() {
            // A refreshed ID token carries no nonce (OIDC Core §12.2); everything else is checked.
            let verifier = client.id_token_verifier().set_allowed_algs(
                self.settings
                    .id_token_algorithms
                    .iter()
                    .filter_map(|a| alg(a)),
            );
            let claims = id_token
                .claims(&verifier, |_: Option<&Nonce>| Ok(()))
                .map_err(|e| {
                    tracing::warn!(provider = %self.provider_id, error = %e, "refreshed ID token rejected");
                    UpstreamError::Rejected(self.display_name.clone())
                })?;
            if claims.subject().as_str() != identity.upstream_subject {
                tracing::warn!(provider = %self.provider_id, "refreshed ID token names another subject");
                return Err(UpstreamError::Rejected(self.display_name.clone()));
            }
        }
        let previous = UpstreamTokens::open(identity, sealer);
        let tokens = UpstreamTokens {
            id_token: response
                .id_token()
                .map(|t| t.to_string())
                .or_else(|| previous.and_then(|p| p.id_token)),
            access_token: Some(response.access_token().secret().clone()),
        };
        Ok(Refreshed {
            refresh: match response.refresh_token() {
                Some(rotated) => self.seal(sealer, rotated.secret())?,
                None => sealed.clone(),
            },
            tokens: self.seal_tokens(sealer, &tokens)?,
        })
    }

    fn verify(
        &self,
        client: &UpstreamClient,
        id_token: &CoreIdToken,
        nonce: &str,
    ) -> Result<CoreIdTokenClaims, ClaimsVerificationError> {
        // Asymmetric algorithms only, pinned in config: never `none`, never HMAC (whose key
        // would be our client secret, or an attacker's guess of a public key).
        let verifier = client.id_token_verifier().set_allowed_algs(
            self.settings
                .id_token_algorithms
                .iter()
                .filter_map(|a| alg(a)),
        );
        let expected = nonce.to_string();
        let require = self.settings.require_nonce;
        // With require_nonce off, an absent nonce passes; a present one must still match.
        let check_nonce = move |found: Option<&Nonce>| match found {
            Some(found)
                if crate::security::constant_time_eq(
                    found.secret().as_bytes(),
                    expected.as_bytes(),
                ) =>
            {
                Ok(())
            }
            Some(_) => Err("nonce mismatch".to_string()),
            None if require => Err("missing nonce claim".to_string()),
            None => Ok(()),
        };
        id_token.claims(&verifier, check_nonce).cloned()
    }

    /// `raw` is the verified token itself, for claims the core claim set does not model.
    fn identity(&self, claims: &CoreIdTokenClaims, raw: &str) -> Result<Identity, UpstreamError> {
        if let Some(hd) = &self.settings.hosted_domain {
            // Google Workspace: `hd` in the authorize request is only a hint; the token decides.
            let token_hd = raw_claim(raw, "hd");
            if token_hd.as_deref() != Some(hd.as_str()) {
                tracing::warn!(provider = %self.provider_id, "ID token outside the allowed hosted domain");
                return Err(UpstreamError::Rejected(self.display_name.clone()));
            }
        }
        let subject = claims.subject().to_string();
        let mut out = Map::new();
        if let Some(email) = claims.email() {
            out.insert("email".into(), Value::String(email.to_string()));
            // As the provider states it; absent means unverified.
            out.insert(
                "email_verified".into(),
                Value::Bool(claims.email_verified().unwrap_or(false)),
            );
        }
        if let Some(name) = claims.name().and_then(|n| n.get(None)) {
            out.insert("name".into(), Value::String(name.to_string()));
        }
        if let Some(name) = claims.given_name().and_then(|n| n.get(None)) {
            out.insert("given_name".into(), Value::String(name.to_string()));
        }
        if let Some(name) = claims.family_name().and_then(|n| n.get(None)) {
            out.insert("family_name".into(), Value::String(name.to_string()));
        }
        if let Some(picture) = claims.picture().and_then(|p| p.get(None)) {
            out.insert("picture".into(), Value::String(picture.to_string()));
        }
        let mut username = claims
            .preferred_username()
            .map(|u| u.to_string())
            .or_else(|| claims.email().map(|e| e.to_string()))
            .unwrap_or_else(|| subject.clone());
        if !self.settings.claim_mapping.is_empty() {
            let payload = crate::security::unverified_claims(raw).unwrap_or_default();
            for (ours, theirs) in &self.settings.claim_mapping {
                let Some(value) = payload.get(theirs).filter(|v| !v.is_null()) else {
                    continue;
                };
                match (ours.as_str(), value.as_str()) {
                    ("username", Some(name)) => username = name.to_string(),
                    ("username", None) => {}
                    _ => {
                        out.insert(ours.clone(), value.clone());
                    }
                }
            }
        }
        Ok(Identity {
            provider: self.provider_id.clone(),
            upstream_subject: subject,
            username,
            claims: out,
            upstream_refresh: None,
            upstream_tokens: None,
            published_sub: None,
            upstream_session: None,
        })
    }
}

/// A string claim of a JWT whose signature has already been verified.
fn raw_claim(jwt: &str, name: &str) -> Option<String> {
    crate::security::unverified_claims(jwt)?
        .get(name)?
        .as_str()
        .map(str::to_string)
}

fn alg(name: &str) -> Option<CoreJwsSigningAlgorithm> {
    match name {
        "RS256" => Some(CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256),
        "RS384" => Some(CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha384),
        "RS512" => Some(CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha512),
        "PS256" => Some(CoreJwsSigningAlgorithm::RsaSsaPssSha256),
        "ES256" => Some(CoreJwsSigningAlgorithm::EcdsaP256Sha256),
        "ES384" => Some(CoreJwsSigningAlgorithm::EcdsaP384Sha384),
        "EdDSA" => Some(CoreJwsSigningAlgorithm::EdDsa),
        _ => None,
    }
}

/// What an OpenID sign-in remembers between start and finish (RFC 9700 §4.5, §4.7).
#[derive(serde::Serialize, serde::Deserialize)]
struct Remembered {
    pkce_verifier: String,
    nonce: String,
}

#[async_trait::async_trait]
impl RedirectConnector for OidcConnector {
    async fn start(&self, context: &StartContext<'_>) -> Result<LoginStart, UpstreamError> {
        let remembered = Remembered {
            pkce_verifier: crate::security::random_token(),
            nonce: crate::security::random_token(),
        };
        let url = self
            .authorize_url(context, &remembered.pkce_verifier, &remembered.nonce)
            .await?;
        let remember = serde_json::to_string(&remembered)
            .map_err(|_| UpstreamError::BadAnswer(self.display_name.clone()))?;
        Ok(LoginStart::Redirect { url, remember })
    }

    async fn finish(
        &self,
        reply: &UpstreamReply,
        remembered: &str,
        sealer: &Sealer,
    ) -> Result<Identity, UpstreamError> {
        // Mix-up defence, part two (part one is the callback path): RFC 9207 `iss` must name
        // this provider, checked before anything else in the answer is believed.
        self.check_response_issuer(reply.get("iss")).await?;
        let code = reply.authorization_code()?;
        let remembered: Remembered = serde_json::from_str(remembered)
            .map_err(|_| UpstreamError::Rejected(self.display_name.clone()))?;
        self.redeem(code, &remembered.pkce_verifier, &remembered.nonce, sealer)
            .await
    }
}
