//! The optional TLS listener (`[tls]`): authgate serves https itself, from PEM certificate and
//! key files, for development with clients that only speak https (Amplify's `oauth.domain`) and
//! for containers without a load balancer in front.
//!
//! The same router as the plain listener, served by hyper-util's HTTP/1.1 + HTTP/2 server
//! behind tokio-rustls (rustls 0.23 on aws-lc-rs, the crypto the rest of authgate uses), with
//! the same graceful shutdown: stop accepting, let requests in flight finish.

use axum::Router;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use rustls::ServerConfig;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tower::ServiceExt;

/// A client that opens a connection and never finishes the handshake is dropped after this.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Reads and checks `[tls]`'s files: both readable, PEM that parses, a key that matches the
/// certificate. `Err` names the key at fault (`tls.cert_file: ...`).
pub fn server_config(cert_file: &Path, key_file: &Path) -> Result<Arc<ServerConfig>, String> {
    let cert_path = cert_file.display();
    let key_path = key_file.display();
    let cert_pem = std::fs::read(cert_file)
        .map_err(|e| format!("tls.cert_file: cannot read {cert_path}: {e}"))?;
    let key_pem = std::fs::read(key_file)
        .map_err(|e| format!("tls.key_file: cannot read {key_path}: {e}"))?;
    let chain = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("tls.cert_file: {cert_path} is not PEM certificates: {e}"))?;
    if chain.is_empty() {
        return Err(format!(
            "tls.cert_file: {cert_path} holds no `BEGIN CERTIFICATE` block"
        ));
    }
    let key = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|e| match e {
        rustls::pki_types::pem::Error::NoItemsFound => format!(
            "tls.key_file: {key_path} holds no `BEGIN PRIVATE KEY` block (PKCS#8, or PKCS#1 RSA, or SEC1 EC)"
        ),
        other => format!("tls.key_file: {key_path} is not a PEM private key: {other}"),
    })?;
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("tls: {e}"))?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(|e| match e {
            rustls::Error::InconsistentKeys(_) => format!(
                "tls.key_file: the key in {key_path} does not match the certificate in {cert_path}"
            ),
            rustls::Error::General(_) => {
                format!("tls.key_file: {key_path}: the key cannot be used ({e})")
            }
            other => format!("tls.cert_file: {cert_path}: {other}"),
        })?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Serves `router` over TLS on `listener` until `shutdown` completes, then lets the
/// connections finish what they are doing (as `axum::serve`'s graceful shutdown does).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    config: Arc<ServerConfig>,
    shutdown: impl Future<Output = ()> + Send,
) -> std::io::Result<()> {
    let acceptor = TlsAcceptor::from(config);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (tcp, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    accept_error(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let acceptor = acceptor.clone();
        let router = router.clone();
        // Taken before the handshake, so a shutdown during the handshake still waits for it.
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            let tls = match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await {
                Ok(Ok(tls)) => tls,
                Ok(Err(e)) => {
                    tracing::debug!(%remote, error = %e, "TLS handshake failed");
                    return;
                }
                Err(_) => {
                    tracing::debug!(%remote, "TLS handshake timed out");
                    return;
                }
            };
            // What `into_make_service_with_connect_info` gives the plain listener's handlers.
            let service = router.map_request(move |mut request: axum::extract::Request<_>| {
                request.extensions_mut().insert(ConnectInfo(remote));
                request.map(axum::body::Body::new)
            });
            let mut builder = Builder::new(TokioExecutor::new());
            builder.http2().enable_connect_protocol();
            let connection = builder.serve_connection_with_upgrades(
                TokioIo::new(tls),
                TowerToHyperService::new(service),
            );
            if let Err(e) = watcher.watch(connection.into_owned()).await {
                tracing::trace!(%remote, error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// Like `axum::serve`: a client hanging up mid-accept is nothing; anything else (out of file
/// descriptors) is logged, and accepting pauses for a second instead of spinning.
async fn accept_error(e: std::io::Error) {
    if matches!(
        e.kind(),
        std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::ConnectionReset
    ) {
        return;
    }
    tracing::error!(error = %e, "accept error");
    tokio::time::sleep(Duration::from_secs(1)).await;
}
