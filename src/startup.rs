//! Builds the application (store, keys, state, router, background tasks) and serves it. Tests
//! and production go through the same [`Application::build`].

use crate::account;
use crate::apps::AppRegistry;
use crate::aws::endpoints as aws_endpoints;
use crate::cognito_api;
use crate::config::Settings;
use crate::connectors::ProviderRegistry;
use crate::hosted_ui::{self, cognito, demo, signin, upstream};
use crate::keys::KeyManager;
use crate::oauth::endpoints;
use crate::oauth::tokens::TokenLifetimes;
use crate::state::{AppContext, AppState};
use crate::store::Store;
use crate::store::metered::Metered;
use crate::store::postgres::PostgresStore;
use crate::store::sessions::StoreSessions;
use crate::store::sqlite::SqliteStore;
use crate::web::client::{self, TrustedProxies};
use crate::web::headers::{HeaderPolicy, security_headers};
use crate::web::observe::{self, RequestSpan};
use crate::web::rate_limit::{self, Guard, RateLimiter};
use crate::web::{cors, language, session_cookie};
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::future::IntoFuture;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use time::OffsetDateTime;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// Form and token bodies are small; anything bigger is refused before it is read.
const BODY_LIMIT: usize = 64 * 1024;

pub struct Application {
    listener: TcpListener,
    router: Router,
    /// The management listener (`metrics.listen`) and what it serves.
    management: Option<(TcpListener, Router)>,
    state: AppState,
    /// `[tls]`, read at start: serve https instead of plain http.
    tls: Option<Arc<rustls::ServerConfig>>,
    /// `/readyz`'s answer, which the first shutdown signal turns.
    readiness: Readiness,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let addr = settings.listen_addr().map_err(anyhow::Error::msg)?;
        // Before binding: a refused configuration never listens, not even for a moment.
        check_published_passwords(&settings, addr)?;
        let listener = TcpListener::bind(addr).await?;
        Self::build_on(settings, listener).await
    }

    /// For callers that must know the port before choosing the issuer (tests on port 0).
    pub async fn build_with_listener(
        settings: Settings,
        listener: TcpListener,
    ) -> anyhow::Result<Self> {
        check_published_passwords(&settings, listener.local_addr()?)?;
        Self::build_on(settings, listener).await
    }

    async fn build_on(settings: Settings, listener: TcpListener) -> anyhow::Result<Self> {
        let tls = match &settings.tls {
            Some(tls) => Some(
                crate::web::tls::server_config(&tls.cert_file, &tls.key_file)
                    .map_err(anyhow::Error::msg)?,
            ),
            None => None,
        };
        // First, so that what start-up measures (the store opening, key loading) is kept.
        crate::telemetry::meter::install();
        let management = match settings.metrics_listen_addr().map_err(anyhow::Error::msg)? {
            Some(addr) => Some(TcpListener::bind(addr).await?),
            None => None,
        };
        let store = open_store(&settings).await?;
        let state = build_state(settings, store).await?;
        let readiness = Readiness::default();
        let router = router(state.clone(), readiness.clone());
        let management = management.map(|listener| (listener, management_router(state.clone())));
        Ok(Self {
            listener,
            router,
            management,
            state,
            tls,
            readiness,
        })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The management listener's address, when `metrics.listen` is set.
    pub fn management_addr(&self) -> Option<std::io::Result<SocketAddr>> {
        self.management.as_ref().map(|(l, _)| l.local_addr())
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// `https` when the TLS listener is on, else `http`.
    pub fn scheme(&self) -> &'static str {
        if self.tls.is_some() { "https" } else { "http" }
    }

    /// Serves until SIGTERM or Ctrl-C, then shuts down in order: `/readyz` fails at once; new
    /// connections are still served for `shutdown_delay` (a second signal ends it), so a load
    /// balancer sees the failing check before connections are refused; then the listener
    /// closes and requests in flight get `shutdown_grace` to finish; then the store closes.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let signals = Signals::install();
        self.run_until(signals).await
    }

    async fn run_until(self, mut signals: Signals) -> std::io::Result<()> {
        let Self {
            listener,
            router,
            management,
            state,
            tls,
            readiness,
        } = self;
        let maintenance = spawn_maintenance(state.clone());
        let password_pool = spawn_password_pool_release();
        let delay = state.settings.shutdown_delay;
        let grace = state.settings.shutdown_grace;
        let (draining, drain_started) = tokio::sync::watch::channel(false);
        // The management listener (metrics) stops taking connections with the public one.
        if let Some((listener, router)) = management {
            let mut drain_started = drain_started.clone();
            tokio::spawn(async move {
                let stop = async move {
                    let _ = drain_started.wait_for(|started| *started).await;
                };
                if let Err(e) = axum::serve(listener, router)
                    .with_graceful_shutdown(stop)
                    .await
                {
                    tracing::error!(error = %e, "management listener failed");
                }
            });
        }
        let stop = async move {
            signals.next().await;
            readiness.stop();
            tracing::info!("shutting down: /readyz fails from now on");
            if !delay.is_zero() {
                tokio::select! {
                    () = tokio::time::sleep(delay) => {}
                    () = signals.next() => tracing::info!("second signal: not waiting out shutdown_delay"),
                }
            }
            tracing::info!("no longer accepting connections; finishing the requests in flight");
            let _ = draining.send(true);
        };
        let serve: std::pin::Pin<Box<dyn Future<Output = std::io::Result<()>> + Send>> = match tls {
            Some(tls) => Box::pin(crate::web::tls::serve(listener, router, tls, stop)),
            None => {
                let service = router.into_make_service_with_connect_info::<SocketAddr>();
                Box::pin(
                    axum::serve(listener, service)
                        .with_graceful_shutdown(stop)
                        .into_future(),
                )
            }
        };
        let mut drain_started = drain_started;
        let cut_off = async move {
            if drain_started.wait_for(|started| *started).await.is_ok() {
                tokio::time::sleep(grace).await;
            } else {
                std::future::pending::<()>().await;
            }
        };
        let served = tokio::select! {
            served = serve => served,
            () = cut_off => {
                tracing::warn!(?grace, "requests still in flight after shutdown_grace: cut off");
                Ok(())
            }
        };
        maintenance.abort();
        password_pool.abort();
        if tokio::time::timeout(grace, state.store.close())
            .await
            .is_err()
        {
            tracing::warn!("the store did not close within shutdown_grace");
        } else {
            tracing::info!("store closed");
        }
        served
    }
}

/// Whether `/readyz` may say ready: false from the first shutdown signal on.
#[derive(Clone, Default)]
pub struct Readiness(Arc<std::sync::atomic::AtomicBool>);

impl Readiness {
    fn stop(&self) {
        self.0.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    fn stopping(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// PostgreSQL when `[store]` names a database, else the SQLite file in `data_dir`, with its
/// schema brought up to date (`authgate migrate` is this and nothing else), measured
/// (`authgate_store_operation_duration_seconds`, `backend` = `postgres` or `sqlite`). A database
/// that cannot be reached within `store.connect_timeout` stops start-up with a message naming
/// it (never its password); one that goes away later makes requests answer 503 until it is back.
pub async fn open_store(settings: &Settings) -> anyhow::Result<Arc<dyn Store>> {
    match settings.store.postgres().map_err(anyhow::Error::msg)? {
        Some(options) => {
            let store = PostgresStore::connect(&options).await?;
            tracing::info!(store = ?options, "store: PostgreSQL");
            Ok(Arc::new(Metered::new(Arc::new(store), "postgres")))
        }
        None => {
            let path = settings.data_dir.join("authgate.sqlite");
            let store = SqliteStore::open(&path).await?;
            Ok(Arc::new(Metered::new(Arc::new(store), "sqlite")))
        }
    }
}

/// reqwest is built without a default TLS provider: pick aws-lc-rs, the crypto the rest of
/// authgate uses. Idempotent (tests build many apps, and clients before any app).
pub fn install_crypto_provider() {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
}

pub async fn build_state(settings: Settings, store: Arc<dyn Store>) -> anyhow::Result<AppState> {
    install_crypto_provider();
    if let Some(dir) = &settings.ui.locales_dir {
        crate::web::i18n::load_overrides(dir)
            .map_err(|e| anyhow::anyhow!("ui.locales_dir: {e}"))?;
    }
    let apps = AppRegistry::from_settings(&settings).map_err(anyhow::Error::msg)?;
    let branding = crate::apps::load_branding(&settings)
        .await
        .map_err(anyhow::Error::msg)?;
    let providers =
        ProviderRegistry::from_settings(&settings, &store).map_err(anyhow::Error::msg)?;
    // SAML IdP metadata by URL: the first fetch now, in the background, then its refreshes.
    #[cfg(feature = "saml")]
    for saml in providers.iter().filter_map(|p| p.as_saml()) {
        saml.start_metadata_refresh();
    }
    let t = &settings.tokens;
    let keep_retired = t.access_token_ttl.max(t.id_token_ttl) + Duration::from_secs(300);
    let keys = KeyManager::load(
        Arc::clone(&store),
        &t.algorithm,
        t.key_rotation,
        keep_retired,
        &settings.issuer,
    )
    .await?;
    let discovery =
        crate::oauth::discovery::document(&settings.issuer, &t.algorithm, &apps.all_scopes());
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let sealer =
        crate::security::Sealer::new(&store_key(&settings)?).map_err(anyhow::Error::msg)?;
    // The SDK clients are built here, once; credentials are resolved on first use.
    let federation = match &settings.aws.identity_pool {
        Some(pool) => Some(crate::aws::federation::Federation::new(&settings, pool).await),
        None => None,
    };
    Ok(AppState::new(AppContext {
        lifetimes: TokenLifetimes {
            access: t.access_token_ttl,
            id: t.id_token_ttl,
        },
        apps,
        branding,
        providers,
        store,
        keys: Arc::new(keys),
        discovery,
        password_slots: Semaphore::new(cores),
        sealer,
        federation,
        settings,
    }))
}

/// The key that seals secrets in the store: from `store_key_env`, else `data_dir/store.key`
/// (created on first start, readable by its owner only).
fn store_key(settings: &Settings) -> anyhow::Result<Vec<u8>> {
    use base64::Engine;
    if let Some(var) = &settings.store_key_env {
        let encoded =
            std::env::var(var).map_err(|_| anyhow::anyhow!("store_key_env: ${var} is not set"))?;
        let key = base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .map_err(|_| anyhow::anyhow!("store_key_env: ${var} is not base64"))?;
        anyhow::ensure!(key.len() == 32, "store_key_env: ${var} must hold 32 bytes");
        return Ok(key);
    }
    let path = settings.data_dir.join("store.key");
    match std::fs::read(&path) {
        Ok(key) => Ok(key),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(&settings.data_dir)?;
            let key = crate::security::Sealer::generate_key();
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            std::io::Write::write_all(&mut options.open(&path)?, &key)?;
            tracing::info!(path = %path.display(), "created the store key");
            Ok(key.to_vec())
        }
        Err(e) => Err(anyhow::anyhow!("cannot read {}: {e}", path.display())),
    }
}

/// A local user whose password is published (the embedded default's demo user: the README
/// gives its password) must not be reachable from elsewhere: with a listener that is not
/// loopback, or an issuer on another host (an https name a proxy in front serves), start-up is
/// refused unless `allow_published_demo_password` says otherwise. On loopback it is a warning.
fn check_published_passwords(settings: &Settings, listen: SocketAddr) -> anyhow::Result<()> {
    let users = crate::connectors::local::settings::users_with_published_passwords(settings);
    if users.is_empty() {
        return Ok(());
    }
    let names = users
        .iter()
        .map(|(provider, user)| format!("`{user}` (provider `{provider}`)"))
        .collect::<Vec<_>>()
        .join(", ");
    if !reachable_from_elsewhere(listen, &settings.issuer) {
        tracing::warn!(
            users = %names,
            "a local user has the demo password published in the README; \
             remove it before exposing authgate to anyone"
        );
        return Ok(());
    }
    if settings.allow_published_demo_password {
        tracing::warn!(
            users = %names,
            %listen,
            issuer = %settings.issuer,
            "ALLOW_PUBLISHED_DEMO_PASSWORD IS SET: anyone who has read the README can sign in \
             as these users on this server"
        );
        return Ok(());
    }
    anyhow::bail!(
        "refusing to start: local user {names} has the demo password published in the README, \
         and this server is reachable from elsewhere (listen {listen}, issuer {}). Remove the \
         user or give it a password_hash of your own (`authgate hash-password`). For a \
         throwaway demo only, set allow_published_demo_password = true \
         (AUTHGATE_ALLOW_PUBLISHED_DEMO_PASSWORD=true).",
        settings.issuer
    )
}

/// Whether clients on other machines can reach this server: it listens beyond loopback, or
/// its issuer names another host (an https issuer on `127.0.0.1` or `localhost` is local
/// development with authgate's own TLS listener).
fn reachable_from_elsewhere(listen: SocketAddr, issuer: &str) -> bool {
    let issuer_is_local = url::Url::parse(issuer)
        .ok()
        .and_then(|url| match url.host()? {
            url::Host::Domain(name) => Some(name.eq_ignore_ascii_case("localhost")),
            url::Host::Ipv4(ip) => Some(ip.is_loopback()),
            url::Host::Ipv6(ip) => Some(ip.is_loopback()),
        })
        .unwrap_or(false);
    !listen.ip().is_loopback() || !issuer_is_local
}

pub fn router(state: AppState, readiness: Readiness) -> Router {
    let sessions = SessionManagerLayer::new(StoreSessions(Arc::clone(&state.store)))
        .with_name(session_cookie::name(state.settings.secure_cookies()))
        .with_secure(state.settings.secure_cookies())
        .with_http_only(true)
        // Lax, not Strict: the return from an upstream provider is a cross-site top-level GET.
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(
            time::Duration::try_from(state.settings.sessions.sso_ttl)
                .unwrap_or(time::Duration::HOUR),
        ));

    // Each limited endpoint is counted before its handler runs (`[rate_limits]`).
    let limiter = RateLimiter::new(
        Arc::clone(&state.store),
        state.settings.rate_limits.clone(),
        state.settings.apps.iter().map(|a| a.client_id.clone()),
    );
    let limit = |guard| from_fn_with_state(limiter.guard(guard), rate_limit::enforce);

    let authorize = Router::new()
        .route("/oauth2/authorize", get(endpoints::authorize_get))
        // Cognito's `/login` takes the same parameters as the authorize endpoint.
        .route("/login", get(endpoints::authorize_get))
        .route_layer(limit(Guard::Authorize));
    let account_pages = Router::new()
        .route(
            "/signin/{request_id}/{provider_id}/signup",
            get(cognito::signup_get).post(cognito::signup_post),
        )
        .route(
            "/signin/{request_id}/{provider_id}/confirm",
            get(cognito::confirm_get).post(cognito::confirm_post),
        )
        .route(
            "/signin/{request_id}/{provider_id}/confirm/resend",
            post(cognito::resend_post),
        )
        .route(
            "/signin/{request_id}/{provider_id}/forgot",
            get(cognito::forgot_get).post(cognito::forgot_post),
        )
        .route(
            "/signin/{request_id}/{provider_id}/reset",
            get(cognito::reset_get).post(cognito::reset_post),
        )
        .route_layer(limit(Guard::AccountPages));
    let role = Router::new()
        .route(
            "/aws/role/{request_id}",
            get(hosted_ui::role::role_get).post(hosted_ui::role::role_post),
        )
        .route_layer(limit(Guard::AwsPage));

    let mut browser = Router::new()
        .merge(authorize)
        .merge(account_pages)
        .merge(role)
        .route("/logout", get(endpoints::logout_get))
        .route("/logout/done", get(endpoints::logout_done_get))
        .route("/signin/{request_id}", get(signin::picker_get))
        // The POST is a provider's `form_post`: it reads no session and needs no CSRF token
        // (hosted_ui::upstream says why), and 303s to `continue`, where the binding is checked.
        .route(
            "/oauth2/idpresponse/{provider_id}",
            get(upstream::idpresponse_get).post(upstream::idpresponse_post),
        )
        .route(
            "/oauth2/idpresponse/{provider_id}/continue",
            get(upstream::idpresponse_continue),
        )
        .route(
            "/signin/{request_id}/{provider_id}",
            get(signin::provider_get).post(signin::password_post),
        )
        .route(
            "/signin/{request_id}/{provider_id}/challenge",
            get(cognito::challenge_get).post(cognito::challenge_post),
        )
        // The browser's SSO cookie, or an app's Bearer token.
        .route("/session", get(aws_endpoints::session_get));
    // A SAML IdP's POST binding: the same seam as a provider's form_post (no session read,
    // no CSRF token: the response is verified against the flow's AuthnRequest id), then the
    // same-site `continue` GET checks the browser binding.
    #[cfg(feature = "saml")]
    {
        browser = browser
            .route(
                "/saml2/idpresponse/{provider_id}",
                post(upstream::saml_acs_post),
            )
            .route("/saml2/idpresponse", post(upstream::saml_acs_cognito_post))
            .route(
                "/saml2/idpresponse/{provider_id}/landing",
                get(crate::hosted_ui::saml_idp_initiated::landing_get),
            )
            .route(
                "/saml2/metadata/{provider_id}",
                get(upstream::saml_metadata_get),
            )
            // Single logout: the IdP's LogoutRequest (Redirect or POST) and its LogoutResponse
            // to ours. Signed messages, checked against the provider's certificates; the POST
            // reads no session and needs no CSRF token, as the ACS.
            .route(
                "/saml2/logout/{provider_id}",
                get(hosted_ui::saml_logout::saml_logout_get)
                    .post(hosted_ui::saml_logout::saml_logout_post),
            );
    }
    if state.settings.account.enabled {
        let account = Router::new()
            .route("/account", get(account::pages::account_get))
            .route("/account/callback", get(account::callback_get))
            .route("/account/sessions/end", post(account::pages::end_post))
            .route(
                "/account/sign-out-everywhere",
                get(account::pages::everywhere_get).post(account::pages::everywhere_post),
            )
            .route("/account/mfa", get(account::mfa::mfa_get))
            .route("/account/mfa/setup", post(account::mfa::setup_post))
            .route("/account/mfa/verify", post(account::mfa::verify_post))
            .route(
                "/account/mfa/preference",
                post(account::mfa::preference_post),
            )
            .route("/account/mfa/off", post(account::mfa::off_post))
            .route("/account/devices", get(account::devices::devices_get))
            .route(
                "/account/devices/forget",
                post(account::devices::forget_post),
            )
            .route(
                "/account/profile",
                get(account::profile::profile_get).post(account::profile::profile_post),
            )
            .route(
                "/account/verify",
                get(account::profile::verify_get).post(account::profile::verify_post),
            )
            .route(
                "/account/verify/resend",
                post(account::profile::resend_post),
            )
            .route(
                "/account/password",
                get(account::password::password_get).post(account::password::password_post),
            )
            .route(
                "/account/delete",
                get(account::delete::delete_get).post(account::delete::delete_post),
            )
            .route_layer(limit(Guard::Account));
        browser = browser.merge(account);
    }
    if state.settings.demo.enabled {
        browser = browser
            .route("/demo", get(demo::demo_get))
            .route("/demo/start", post(demo::demo_start))
            .route("/callback", get(demo::demo_callback));
    }
    let browser = browser
        .layer(sessions)
        .layer(axum::middleware::map_response(
            session_cookie::unavailable_if_unsaved,
        ))
        .layer(axum::middleware::map_response_with_state(
            state.settings.secure_cookies(),
            session_cookie::fix_removal,
        ));

    // What pages call with fetch (Amplify from the browser): CORS per app, see web::cors (so a
    // refusal of the rate limits reaches the page too).
    // `POST /` is Cognito's user-pool API; any other method on `/` is the usual 404 page.
    let token = Router::new()
        .route("/oauth2/token", post(endpoints::token_post))
        .route_layer(limit(Guard::Token));
    let revoke = Router::new()
        .route("/oauth2/revoke", post(endpoints::revoke_post))
        .route_layer(limit(Guard::Revoke));
    let userinfo = Router::new()
        .route(
            "/oauth2/userInfo",
            get(endpoints::userinfo).post(endpoints::userinfo),
        )
        .route_layer(limit(Guard::UserInfo));
    let user_pool_api = Router::new()
        .route("/", post(cognito_api::api_post).fallback(not_found))
        .route_layer(limit(Guard::UserPoolApi));
    let mut fetched = Router::new();
    if state.settings.account.enabled {
        fetched = fetched.merge(
            Router::new()
                .route("/account/api/profile", get(account::api::profile))
                .route("/account/api/sessions", get(account::api::list))
                .route(
                    "/account/api/sessions/{id}",
                    axum::routing::delete(account::api::end),
                )
                .route(
                    "/account/api/sign-out-everywhere",
                    post(account::api::everywhere),
                )
                .route_layer(limit(Guard::AccountApi)),
        );
    }
    let fetched = fetched
        .merge(token)
        .merge(revoke)
        .merge(userinfo)
        .merge(user_pool_api)
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(state.apps.origins(&state.providers)),
            cors::cors,
        ));

    let aws = Router::new()
        .route("/aws/credentials", post(aws_endpoints::credentials_post))
        .route(
            "/aws/guest-credentials",
            get(aws_endpoints::guest_credentials_get),
        )
        .route(
            "/aws/container-token",
            post(aws_endpoints::container_token_post),
        )
        .route(
            "/aws/container-credentials",
            get(aws_endpoints::container_credentials_get),
        )
        .route_layer(limit(Guard::Aws));

    let api = Router::new()
        .merge(aws)
        .route(
            "/.well-known/openid-configuration",
            get(endpoints::discovery_get),
        )
        .route("/.well-known/jwks.json", get(endpoints::jwks_get))
        .route("/healthz", get(|| async { "ok" }))
        .route(
            "/readyz",
            get(move |State(state): State<AppState>| readyz(state, readiness.clone())),
        );
    // On the public listener unless it has a management listener of its own.
    let api = if state.settings.metrics.enabled && state.settings.metrics.listen.is_none() {
        api.route("/metrics", get(metrics_get))
    } else {
        api
    };

    // Browsers ask for /favicon.ico on every page; it may be cached.
    let favicon = |file: &str| {
        tower::ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            ))
            .service(ServeFile::new(static_dir().join(file)))
    };

    let proxies = TrustedProxies::new(state.settings.trusted_proxy_nets());
    let header_policy = HeaderPolicy::for_issuer(&state.settings.issuer);
    Router::new()
        .merge(browser)
        .merge(fetched)
        .merge(api)
        .nest_service("/static", ServeDir::new(static_dir()))
        .route_service("/favicon.ico", favicon("favicon.ico"))
        .route_service("/favicon.svg", favicon("favicon.svg"))
        // An app's logo, favicon and stylesheet ([apps.branding]), by content hash.
        .route(
            "/branding/{name}",
            get(
                |State(state): State<AppState>,
                 axum::extract::Path(name): axum::extract::Path<String>| async move {
                    crate::web::branding::serve(&state.branding, &name)
                },
            ),
        )
        // The language picker's links: a cookie and back (no store, nothing to limit).
        .route(
            "/language/{code}",
            get(|State(state): State<AppState>, code, back| async move {
                language::choose(state.settings.secure_cookies(), code, back)
            }),
        )
        .fallback(not_found)
        // Which app's branding the pages wear, once a handler knows the app.
        .layer(axum::middleware::from_fn(crate::web::branding::remember))
        // What the request says about its language, for every page it may end on.
        .layer(from_fn_with_state(
            state.settings.secure_cookies(),
            language::remember,
        ))
        .layer(from_fn_with_state(header_policy, security_headers))
        // Before anything counts a request: who the client is (behind trusted proxies, the
        // address they forwarded).
        .layer(from_fn_with_state(proxies, client::resolve))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(tower_http::trace::TraceLayer::new_for_http().make_span_with(RequestSpan))
        // Outermost: the request id exists before the span that names it.
        .layer(axum::middleware::from_fn(observe::observe))
        .with_state(state)
}

async fn not_found() -> axum::response::Response {
    crate::hosted_ui::pages::error(StatusCode::NOT_FOUND, crate::web::page::Msg::NoSuchPage)
}

/// The management listener: `/metrics` only.
fn management_router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(metrics_get))
        .with_state(state)
}

/// Prometheus text exposition format 0.0.4.
async fn metrics_get(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    // Gauges of state, read when asked rather than kept up to date.
    state.keys.record_age(OffsetDateTime::now_utc());
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        crate::telemetry::meter::render(),
    )
        .into_response()
}

/// `static/` next to the binary's working directory, or the crate's own in development/tests.
fn static_dir() -> std::path::PathBuf {
    let local = std::path::PathBuf::from("static");
    if local.join("authgate.css").exists() {
        local
    } else {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static")
    }
}

async fn readyz(state: AppState, readiness: Readiness) -> axum::response::Response {
    if readiness.stopping() {
        return (StatusCode::SERVICE_UNAVAILABLE, "shutting down").into_response();
    }
    match state.store.ping().await {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::error!(error = %e, "store not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "store unavailable").into_response()
        }
    }
}

/// Garbage collection of expired records and key rotation, on a fixed interval; and a re-read
/// of the keys as soon as a token names one this replica does not know (another replica may
/// have written it), at most once per [`UNKNOWN_KID_RELOAD`], since anyone can send made-up kids.
fn spawn_maintenance(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(state.settings.sessions.gc_interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last_reload = tokio::time::Instant::now();
        loop {
            tokio::select! {
                _ = tick.tick() => {
                    let now = OffsetDateTime::now_utc();
                    match state.store.collect_expired(now).await {
                        Ok(0) => {}
                        Ok(n) => tracing::debug!(deleted = n, "expired records collected"),
                        Err(e) => tracing::error!(error = %e, "garbage collection failed"),
                    }
                }
                () = state.keys.unknown_kid_seen() => {
                    tokio::time::sleep_until(last_reload + UNKNOWN_KID_RELOAD).await;
                }
            }
            last_reload = tokio::time::Instant::now();
            if let Err(e) = state.keys.refresh(OffsetDateTime::now_utc()).await {
                tracing::error!(error = %e, "key rotation failed");
            }
        }
    })
}

/// Gives the argon2 working memory (19 MiB per core at the default cost) back to the system
/// once sign-ins pause for [`password::IDLE_RELEASE`], so resident memory after a burst
/// returns to its idle size; checked every half of that period.
fn spawn_password_pool_release() -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(crate::password::IDLE_RELEASE / 2);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let released = crate::password::release_idle(crate::password::IDLE_RELEASE);
            if released > 0 {
                tracing::debug!(kib = released, "idle password-hashing memory released");
            }
        }
    })
}

/// The shortest time between two key re-reads that unknown kids ask for.
const UNKNOWN_KID_RELOAD: Duration = Duration::from_secs(1);

/// SIGTERM and SIGINT (Ctrl-C), installed at start so neither kills the process outright.
struct Signals {
    #[cfg(unix)]
    term: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    int: Option<tokio::signal::unix::Signal>,
}

impl Signals {
    fn install() -> Self {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let install = |kind| {
                signal(kind)
                    .inspect_err(|e| tracing::error!(error = %e, "cannot handle a signal"))
                    .ok()
            };
            Self {
                term: install(SignalKind::terminate()),
                int: install(SignalKind::interrupt()),
            }
        }
        #[cfg(not(unix))]
        Self {}
    }

    /// The next SIGTERM or SIGINT.
    async fn next(&mut self) {
        #[cfg(unix)]
        {
            let Self { term, int } = self;
            tokio::select! {
                () = next_of(term) => {},
                () = next_of(int) => {},
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(unix)]
async fn next_of(signal: &mut Option<tokio::signal::unix::Signal>) {
    match signal {
        Some(signal) => {
            signal.recv().await;
        }
        None => std::future::pending::<()>().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_is_reachable_from_elsewhere_by_its_listener_or_its_issuer() {
        let local: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        let every: SocketAddr = "0.0.0.0:8080".parse().unwrap();
        assert!(!reachable_from_elsewhere(local, "http://127.0.0.1:8080"));
        assert!(!reachable_from_elsewhere(local, "https://localhost:8443"));
        assert!(!reachable_from_elsewhere(local, "https://[::1]:8443"));
        assert!(reachable_from_elsewhere(local, "https://login.example.com"));
        assert!(reachable_from_elsewhere(every, "http://127.0.0.1:8080"));
        assert!(reachable_from_elsewhere(
            "[::]:8080".parse().unwrap(),
            "http://[::1]:8080"
        ));
        assert!(reachable_from_elsewhere(local, "not a url"));
    }
}
