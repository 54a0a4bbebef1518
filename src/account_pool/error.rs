//! The pool's refusals, kept as Cognito typed them, and nothing else of its answer.

use crate::connectors::cognito::pool_api::PasswordProblem;
use aws_sdk_cognitoidentityprovider::error::{ProvideErrorMetadata, SdkError};

/// A refused account operation, in Cognito's terms: `kind` is the error type an SDK matches
/// on, `message` is for developers and never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountError {
    pub kind: &'static str,
    pub message: String,
}

/// The error types the account operations may answer with (Cognito's service model), passed
/// on as they are. Anything else from the pool is authgate's problem to log, not the caller's.
const PASSED_ON: &[&str] = &[
    "NotAuthorizedException",
    "InvalidParameterException",
    "InvalidPasswordException",
    "PasswordHistoryPolicyViolationException",
    "PasswordResetRequiredException",
    "CodeMismatchException",
    "ExpiredCodeException",
    "EnableSoftwareTokenMFAException",
    "SoftwareTokenMFANotFoundException",
    "AliasExistsException",
    "CodeDeliveryFailureException",
    "LimitExceededException",
    "TooManyRequestsException",
    "TooManyFailedAttemptsException",
    "UserNotFoundException",
    "UserNotConfirmedException",
    "ResourceNotFoundException",
    "InvalidUserPoolConfigurationException",
    "InvalidSmsRoleAccessPolicyException",
    "InvalidSmsRoleTrustRelationshipException",
    "InvalidEmailRoleAccessPolicyException",
    "UnexpectedLambdaException",
    "UserLambdaValidationException",
    "ForbiddenException",
];

/// Pool messages longer than this are cut (a message is a sentence, not a document).
const MESSAGE_LIMIT: usize = 300;

impl AccountError {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    /// The pool could not be reached or gave an answer that cannot be used: the SDKs retry
    /// `InternalErrorException`.
    pub fn unavailable() -> Self {
        Self::new(
            "InternalErrorException",
            "the user pool did not answer; try again",
        )
    }

    /// The `outcome` label of a failed call in the AWS call metric.
    pub fn outcome(&self) -> &'static str {
        match self.kind {
            "NotAuthorizedException" | "UserNotFoundException" => "not_authorized",
            "InvalidPasswordException" | "PasswordHistoryPolicyViolationException" => {
                "invalid_password"
            }
            "CodeMismatchException" | "EnableSoftwareTokenMFAException" => "code_mismatch",
            "ExpiredCodeException" => "expired_code",
            "LimitExceededException"
            | "TooManyRequestsException"
            | "TooManyFailedAttemptsException" => "throttled",
            "InvalidParameterException" => "invalid_parameter",
            "InternalErrorException" => "unreachable",
            _ => "refused",
        }
    }

    /// A wrong password or code (what the attempt throttle counts), as opposed to a success or
    /// an outage.
    pub fn is_wrong_answer(&self) -> bool {
        matches!(
            self.kind,
            "NotAuthorizedException"
                | "CodeMismatchException"
                | "EnableSoftwareTokenMFAException"
                | "ExpiredCodeException"
                | "InvalidPasswordException"
                | "PasswordHistoryPolicyViolationException"
        )
    }
}

pub(super) fn from_sdk<E, R>(
    operation: &'static str,
    err: &SdkError<E, R>,
    sent: &[&str],
) -> AccountError
where
    E: ProvideErrorMetadata,
{
    let SdkError::ServiceError(service) = err else {
        tracing::warn!(operation, error = %kind_of_failure(err), "user pool call failed");
        return AccountError::unavailable();
    };
    let e = service.err();
    from_code(operation, e.code(), e.message(), sent)
}

fn kind_of_failure<E, R>(err: &SdkError<E, R>) -> &'static str {
    match err {
        SdkError::TimeoutError(_) => "timeout",
        SdkError::DispatchFailure(_) => "unreachable",
        SdkError::ResponseError(_) => "unreadable answer",
        _ => "request not built",
    }
}

pub(super) fn from_code(
    operation: &'static str,
    code: Option<&str>,
    message: Option<&str>,
    sent: &[&str],
) -> AccountError {
    let code = code.unwrap_or_default();
    let Some(kind) = PASSED_ON.iter().copied().find(|k| *k == code) else {
        // The type is logged only when it looks like one: it came from the network.
        let shown = if code.len() <= 64 && code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            code
        } else {
            "unrecognised"
        };
        tracing::warn!(
            operation,
            error_type = shown,
            "user pool answered an unexpected error"
        );
        return AccountError::unavailable();
    };
    let message = message.unwrap_or_default();
    let message = match kind {
        // Cognito's own wording for the rule broken, rebuilt from what it said.
        "InvalidPasswordException" => password_message(message),
        _ if quotes_a_secret(message, sent) || message.is_empty() => generic(kind).to_string(),
        _ => message
            .chars()
            .filter(|c| !c.is_control())
            .take(MESSAGE_LIMIT)
            .collect(),
    };
    AccountError::new(kind, message)
}

/// Whether the pool echoed something the request carried (moto, for one, puts the access
/// token it refused in the message).
fn quotes_a_secret(message: &str, sent: &[&str]) -> bool {
    sent.iter()
        .filter(|s| s.len() >= 4)
        .any(|secret| message.contains(secret))
}

fn password_message(message: &str) -> String {
    let rule = match PasswordProblem::from_message(message) {
        PasswordProblem::TooShort => "Password not long enough",
        PasswordProblem::NeedsUppercase => "Password must have uppercase characters",
        PasswordProblem::NeedsLowercase => "Password must have lowercase characters",
        PasswordProblem::NeedsNumber => "Password must have numeric characters",
        PasswordProblem::NeedsSymbol => "Password must have symbol characters",
        PasswordProblem::UsedBefore | PasswordProblem::Other => {
            return "Password did not conform with policy".to_string();
        }
    };
    format!("Password did not conform with policy: {rule}")
}

fn generic(kind: &str) -> &'static str {
    match kind {
        "NotAuthorizedException" => "Not authorized: a wrong password, or an invalid access token",
        "CodeMismatchException" => "Invalid code received for user",
        "EnableSoftwareTokenMFAException" => "Code mismatch",
        "ExpiredCodeException" => "Invalid code provided, please request a code again.",
        "LimitExceededException" => "Attempt limit exceeded, please try after some time.",
        _ => "The user pool refused the request",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cognito_types_pass_and_messages_never_quote_what_was_sent() {
        let token = "eyJhbGciOiJSUzI1NiJ9.secret-token";
        let e = from_code(
            "ChangePassword",
            Some("NotAuthorizedException"),
            Some(token),
            &[token],
        );
        assert_eq!(e.kind, "NotAuthorizedException");
        assert!(!e.message.contains("secret-token"), "{}", e.message);
        let e = from_code(
            "ChangePassword",
            Some("NotAuthorizedException"),
            Some("Incorrect username or password."),
            &[token, "Old-pass-1"],
        );
        assert_eq!(e.message, "Incorrect username or password.");
        let e = from_code(
            "ChangePassword",
            Some("InvalidPasswordException"),
            Some("Password did not conform with policy: Password not long enough (Sh0rt!)"),
            &["Sh0rt!"],
        );
        assert_eq!(e.kind, "InvalidPasswordException");
        assert_eq!(
            e.message,
            "Password did not conform with policy: Password not long enough"
        );
        let e = from_code(
            "VerifySoftwareToken",
            Some("EnableSoftwareTokenMFAException"),
            None,
            &[],
        );
        assert_eq!(e.kind, "EnableSoftwareTokenMFAException");
        assert!(e.is_wrong_answer());
    }

    #[test]
    fn unknown_types_become_internal_errors() {
        for code in [
            None,
            Some("ServiceUnavailable"),
            Some("Weird\nType"),
            Some("InternalErrorException"),
        ] {
            let e = from_code("DeleteUser", code, Some("detail"), &[]);
            assert_eq!(e.kind, "InternalErrorException", "{code:?}");
            assert!(!e.message.contains("detail"));
        }
    }
}
