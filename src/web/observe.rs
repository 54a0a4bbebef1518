//! What every request gets for operators: a request id and a metric.
//!
//! [`observe`] (the outermost layer) gives each request a fresh id, always generated here: an
//! incoming `X-Request-Id` is not trusted, since a client could use it to forge or collide
//! with another request's log lines. The id is
//! - a request extension, which [`RequestSpan`] puts in the request's tracing span, so every
//!   log line of the request carries it;
//! - the task-local [`current`], which the error page shows ([`crate::web::page::PageError`]);
//! - the `X-Request-Id` response header.
//!
//! It also records `http_server_request_duration_seconds` by method, route template and status.

use crate::telemetry::meter;
use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;
use std::time::Instant;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// The stylesheet and images are a nested service (`/static`), which leaves no matched route
/// for a layer to read: they are counted under one template of their own, not as unmatched.
const STATIC_PREFIX: &str = "/static/";
const STATIC_ROUTE: &str = "/static/{*path}";

/// A request's id: 32 lowercase hex digits (a random UUID without hyphens).
#[derive(Clone, Debug)]
pub struct RequestId(Arc<str>);

impl RequestId {
    fn generate() -> Self {
        Self(Arc::from(uuid::Uuid::new_v4().simple().to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

tokio::task_local! {
    static CURRENT: RequestId;
}

/// The id of the request being handled on this task, if any.
pub fn current() -> Option<RequestId> {
    CURRENT.try_with(RequestId::clone).ok()
}

/// The outermost middleware: request id, then the request, then its metric.
pub async fn observe(mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = RequestId::generate();
    let method = meter::method_label(request.method().as_str());
    // The route template (`/signin/{request_id}`), never the path: bounded, and free of ids.
    let route = request.extensions().get::<MatchedPath>().cloned();
    let is_static = route.is_none() && request.uri().path().starts_with(STATIC_PREFIX);
    request.extensions_mut().insert(id.clone());
    let mut response = CURRENT.scope(id.clone(), next.run(request)).await;
    if let Ok(value) = HeaderValue::from_str(id.as_str()) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    meter::http_request(
        method,
        match &route {
            Some(route) => Some(route.as_str()),
            None if is_static => Some(STATIC_ROUTE),
            None => None,
        },
        response.status().as_u16(),
        started.elapsed(),
    );
    response
}

/// Request spans carry the request id, the method and the route template, never the query
/// string (it can carry codes and tokens). The span is at ERROR level so that it is enabled
/// whatever `RUST_LOG` lets through: a warning logged under `RUST_LOG=warn` still names its
/// request.
#[derive(Clone, Copy)]
pub struct RequestSpan;

impl<B> tower_http::trace::MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, request: &axum::http::Request<B>) -> tracing::Span {
        let route = request
            .extensions()
            .get::<MatchedPath>()
            .map_or("-", |p| p.as_str());
        let id = request
            .extensions()
            .get::<RequestId>()
            .map_or("-", RequestId::as_str);
        tracing::error_span!(
            "request",
            request_id = %id,
            method = %request.method(),
            route = %route,
        )
    }
}
