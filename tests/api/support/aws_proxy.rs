//! A recording stand-in for Cognito Identity and STS: it forwards every request to moto and
//! records what authgate sent (operation, `Authorization`, body) and what came back, because
//! moto checks no Logins token, no signature, and hands out a new identity id on every GetId.
//! It also injects faults: answer an operation N times with a status and an AWS `__type` error.
//! (An unreachable pool is a closed port instead: see `dead_endpoint`.)

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use std::sync::{Arc, Mutex};

/// One request authgate made, and moto's answer.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// `GetId`, `GetCredentialsForIdentity`, ..., or STS's `Action`.
    pub operation: String,
    pub authorization: Option<String>,
    /// The JSON body (Cognito Identity) or the form fields (STS) as a JSON object.
    pub body: Value,
    /// moto's JSON answer (Null for STS's XML, or when a fault answered).
    pub answer: Value,
    /// Whether an injected fault answered instead of moto.
    pub faulted: bool,
}

impl Recorded {
    pub fn logins(&self) -> Map<String, Value> {
        self.body["Logins"].as_object().cloned().unwrap_or_default()
    }

    pub fn signed(&self) -> bool {
        self.authorization
            .as_deref()
            .is_some_and(|a| a.starts_with("AWS4-HMAC-SHA256 "))
    }
}

struct Fault {
    operation: String,
    remaining: u32,
    status: u16,
    error_type: String,
}

#[derive(Default)]
struct Shared {
    recorded: Vec<Recorded>,
    faults: Vec<Fault>,
}

pub struct AwsProxy {
    /// `http://127.0.0.1:PORT`: configure it as the pool's `endpoint_url` and `sts_endpoint_url`.
    pub endpoint: String,
    shared: Arc<Mutex<Shared>>,
}

impl AwsProxy {
    pub async fn start() -> AwsProxy {
        crate::support::peers::install_crypto_provider();
        let moto = crate::support::moto::endpoint().to_string();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let endpoint = format!("http://{}", listener.local_addr().expect("addr"));
        let shared = Arc::new(Mutex::new(Shared::default()));
        let router = Router::new().fallback(forward).with_state((
            Arc::clone(&shared),
            moto,
            reqwest::Client::new(),
        ));
        tokio::spawn(async move { axum::serve(listener, router).await });
        AwsProxy { endpoint, shared }
    }

    /// Every request so far, oldest first.
    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.lock().expect("lock").recorded.clone()
    }

    /// The operations so far, in order.
    pub fn operations(&self) -> Vec<String> {
        self.requests().into_iter().map(|r| r.operation).collect()
    }

    /// The requests for one operation.
    pub fn of(&self, operation: &str) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.operation == operation)
            .collect()
    }

    pub fn clear(&self) {
        self.shared.lock().expect("lock").recorded.clear();
    }

    /// The next `times` calls of `operation` are answered with `status` and `error_type`.
    pub fn fail(&self, operation: &str, times: u32, status: u16, error_type: &str) {
        self.shared.lock().expect("lock").faults.push(Fault {
            operation: operation.into(),
            remaining: times,
            status,
            error_type: error_type.into(),
        });
    }
}

type ProxyState = (Arc<Mutex<Shared>>, String, reqwest::Client);

async fn forward(
    State((shared, moto, client)): State<ProxyState>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let target = header("x-amz-target");
    let (operation, parsed) = match &target {
        Some(target) => (
            target.rsplit('.').next().unwrap_or_default().to_string(),
            serde_json::from_slice(&body).unwrap_or(Value::Null),
        ),
        None => {
            let form: Map<String, Value> = url::form_urlencoded::parse(&body)
                .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
                .collect();
            let action = form
                .get("Action")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            (action, Value::Object(form))
        }
    };
    let (index, fault) = {
        let mut shared = shared.lock().expect("lock");
        let fault = shared
            .faults
            .iter_mut()
            .find(|f| f.operation == operation && f.remaining > 0)
            .map(|f| {
                f.remaining -= 1;
                (f.status, f.error_type.clone())
            });
        shared.recorded.push(Recorded {
            operation: operation.clone(),
            authorization: header("authorization"),
            body: parsed,
            answer: Value::Null,
            faulted: fault.is_some(),
        });
        (shared.recorded.len() - 1, fault)
    };
    if let Some((status, error_type)) = fault {
        let body = json!({"__type": error_type, "message": format!("injected {error_type}")});
        return (
            StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
            [("content-type", "application/x-amz-json-1.1")],
            body.to_string(),
        )
            .into_response();
    }
    let mut request = client.post(format!("{moto}{}", uri.path())).body(body);
    for name in [
        "content-type",
        "x-amz-target",
        "authorization",
        "x-amz-date",
    ] {
        if let Some(value) = header(name) {
            request = request.header(name, value);
        }
    }
    let Ok(answer) = request.send().await else {
        return StatusCode::BAD_GATEWAY.into_response();
    };
    let status = answer.status();
    let content_type = answer
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/x-amz-json-1.1")
        .to_string();
    let bytes = answer.bytes().await.unwrap_or_default();
    if let Ok(json) = serde_json::from_slice::<Value>(&bytes)
        && let Some(recorded) = shared.lock().expect("lock").recorded.get_mut(index)
    {
        recorded.answer = json;
    }
    (
        StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::BAD_GATEWAY),
        [("content-type", content_type)],
        bytes,
    )
        .into_response()
}

/// An endpoint nothing listens on: connections are refused at once.
pub fn dead_endpoint() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("probe")
        .port();
    format!("http://127.0.0.1:{port}")
}
