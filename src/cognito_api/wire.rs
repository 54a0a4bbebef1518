//! The AWS JSON 1.1 wire format as Cognito speaks it: which operation a request names
//! (`X-Amz-Target`), its JSON body, answers in `application/x-amz-json-1.1`, and errors in
//! Cognito's shape (`__type` and `message` in the body, `x-amzn-ErrorType` in a header, 400 for
//! anything the caller did, 500 for our own faults, which the SDKs retry).

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// The target prefix of every user-pool operation (`AWSCognitoIdentityProviderService.InitiateAuth`).
pub const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService.";

/// An error answer. `message` is for developers and never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub kind: &'static str,
    pub message: String,
    /// The app's secret (or secret hash) was checked and refused: the rate limit keeps this
    /// request's place among the address's failed client authentications.
    pub client_auth_failed: bool,
}

impl ApiError {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            client_auth_failed: false,
        }
    }

    /// Marks a refusal of the app's credentials.
    pub fn client_auth_failure(mut self) -> Self {
        self.client_auth_failed = true;
        self
    }

    pub fn not_authorized(message: impl Into<String>) -> Self {
        Self::new("NotAuthorizedException", message)
    }

    pub fn invalid_parameter(message: impl Into<String>) -> Self {
        Self::new("InvalidParameterException", message)
    }

    /// A member the operation requires is absent (or not a non-empty string).
    pub fn missing(member: &str) -> Self {
        Self::invalid_parameter(format!("Missing required parameter {member}"))
    }

    /// A store or signing failure: logged where it happened, answered without detail.
    pub fn internal() -> Self {
        Self::new(
            "InternalErrorException",
            "authgate could not complete the request",
        )
    }

    fn status(&self) -> StatusCode {
        match self.kind {
            "InternalErrorException" => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        }
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> Self {
        tracing::error!(error = %e, "store failure");
        Self::internal()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"__type": self.kind, "message": self.message});
        let mut response = answer(self.status(), &body);
        response
            .headers_mut()
            .insert("x-amzn-ErrorType", HeaderValue::from_static(self.kind));
        if self.client_auth_failed {
            response
                .extensions_mut()
                .insert(crate::web::rate_limit::ClientAuthFailed);
        }
        response
    }
}

/// A success: the operation's output shape as JSON (`{}` for operations without output).
pub fn ok(body: &Value) -> Response {
    answer(StatusCode::OK, body)
}

fn answer(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    // Answers carry tokens and user attributes.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(id) = HeaderValue::from_str(&uuid::Uuid::new_v4().to_string()) {
        headers.insert("x-amzn-RequestId", id);
    }
    response
}

/// The operation a request names: `Ok(name)` for Cognito's prefix, whatever the name.
pub fn operation(headers: &HeaderMap) -> Result<&str, ApiError> {
    let target = headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    match target.strip_prefix(TARGET_PREFIX) {
        Some(name) if !name.is_empty() => Ok(name),
        _ => Err(ApiError::new(
            "UnknownOperationException",
            "X-Amz-Target must name an operation of AWSCognitoIdentityProviderService",
        )),
    }
}

/// The request body as the operation's input shape. A body that is not JSON (or not the shape)
/// is a `SerializationException`, as AWS answers it; members the shape does not know are
/// ignored, as AWS does.
pub fn input<T: DeserializeOwned>(headers: &HeaderMap, body: &[u8]) -> Result<T, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let media = content_type.split(';').next().unwrap_or_default().trim();
    if !media.eq_ignore_ascii_case(CONTENT_TYPE) && !media.eq_ignore_ascii_case("application/json")
    {
        return Err(ApiError::new(
            "SerializationException",
            format!("Content-Type must be {CONTENT_TYPE}"),
        ));
    }
    // An empty body is an empty input (the SDKs send `{}`, but some clients send nothing).
    let body = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}".as_slice()
    } else {
        body
    };
    // serde_json's messages quote the input, which may hold a token: say only where it broke.
    serde_json::from_slice(body).map_err(|e| {
        ApiError::new(
            "SerializationException",
            format!(
                "the body is not a valid request ({:?} error at line {} column {})",
                e.classify(),
                e.line(),
                e.column()
            ),
        )
    })
}

/// A required string member: present and non-empty.
pub fn required<'a>(value: &'a Option<String>, member: &str) -> Result<&'a str, ApiError> {
    value
        .as_deref()
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ApiError::missing(member))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn the_target_names_the_operation() {
        let h = headers(&[("x-amz-target", "AWSCognitoIdentityProviderService.GetUser")]);
        assert_eq!(operation(&h), Ok("GetUser"));
        for bad in [
            "",
            "AWSCognitoIdentityService.GetId",
            "AWSCognitoIdentityProviderService.",
        ] {
            let h = headers(&[("x-amz-target", bad)]);
            assert_eq!(
                operation(&h).map_err(|e| e.kind),
                Err("UnknownOperationException"),
                "{bad:?}"
            );
        }
        assert!(operation(&HeaderMap::new()).is_err());
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(rename_all = "PascalCase")]
    struct Shape {
        client_id: Option<String>,
    }

    #[test]
    fn bodies_must_be_json_and_errors_do_not_echo_them() {
        let json = headers(&[("content-type", CONTENT_TYPE)]);
        let shape: Shape = input(&json, br#"{"ClientId":"a","Unknown":1}"#).expect("parses");
        assert_eq!(shape.client_id.as_deref(), Some("a"));
        let empty: Shape = input(&json, b"").expect("empty is {}");
        assert_eq!(empty.client_id, None);
        let err = input::<Shape>(&json, b"{\"ClientId\": \"secret-token-xyz").unwrap_err();
        assert_eq!(err.kind, "SerializationException");
        assert!(!err.message.contains("secret-token"), "{}", err.message);
        let wrong_type = input::<Shape>(&json, br#"{"ClientId": 5}"#).unwrap_err();
        assert_eq!(wrong_type.kind, "SerializationException");
        let form = headers(&[("content-type", "application/x-www-form-urlencoded")]);
        assert_eq!(
            input::<Shape>(&form, b"{}").unwrap_err().kind,
            "SerializationException"
        );
    }

    #[test]
    fn errors_have_cognitos_shape() {
        let response = ApiError::not_authorized("Invalid Refresh Token").into_response();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            response
                .headers()
                .get("x-amzn-ErrorType")
                .map(|v| v.as_bytes()),
            Some(b"NotAuthorizedException".as_slice())
        );
        assert_eq!(
            response
                .headers()
                .get(header::CONTENT_TYPE)
                .map(|v| v.as_bytes()),
            Some(CONTENT_TYPE.as_bytes())
        );
        assert_eq!(
            ApiError::internal().into_response().status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
}
