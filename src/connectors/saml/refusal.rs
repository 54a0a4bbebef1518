//! Why a SAML response was refused: one typed reason per check, named by a stable code that
//! a page or an audit line can show (never the response itself, which may carry personal data).

/// A refused SAML response. Each variant is one check of the profile; [`Refusal::code`] is
/// the stable name for logs and metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the SAML response is larger than authgate accepts")]
    TooLarge,
    #[error("the SAML response is not valid base64 or not UTF-8")]
    BadEncoding,
    #[error("the SAML response is not well-formed XML")]
    Malformed,
    #[error("the SAML response carries a DTD (entities are never expanded)")]
    Dtd,
    #[error("the SAML response carries a processing instruction or a non-1.0/UTF-8 declaration")]
    Declaration,
    #[error("the SAML response exceeds a structural limit (depth, attributes, namespaces)")]
    LimitExceeded,
    #[error("the document is not a SAML 2.0 Response")]
    NotAResponse,
    #[error("the response does not hold exactly one assertion as a direct child")]
    AssertionCount,
    #[error("an assertion appears somewhere other than directly under the Response")]
    AssertionMisplaced,
    #[error("an ID attribute is duplicated, namespaced, of another name, or not an NCName")]
    BadId,
    #[error("a signature sits somewhere other than directly under the Response or Assertion")]
    SignatureMisplaced,
    #[error("a signature's structure is not the pinned one (reference, transforms, c14n)")]
    SignatureStructure,
    #[error("a signature or digest algorithm is not allowed")]
    AlgorithmNotAllowed,
    #[error("neither the response nor the assertion is signed")]
    Unsigned,
    #[error("the signature does not verify against the provider's certificates")]
    SignatureInvalid,
    #[error("the signed element is not the element authgate reads")]
    SignedElementMismatch,
    #[error("the encrypted assertion could not be decrypted")]
    DecryptionFailed,
    #[error("the encryption algorithm is not allowed")]
    EncryptionAlgorithmNotAllowed,
    #[error("the IdP answered with a non-success status")]
    Status,
    #[error("the response's Destination is not this service's ACS")]
    Destination,
    #[error("the Issuer is not the configured IdP")]
    Issuer,
    #[error("the assertion's audience is not this service")]
    Audience,
    #[error("the subject confirmation's Recipient is not this service's ACS")]
    Recipient,
    #[error("the response does not answer this sign-in's AuthnRequest")]
    InResponseTo,
    #[error("the assertion is not valid yet")]
    NotYetValid,
    #[error("the assertion has expired")]
    Expired,
    #[error("the response or assertion was issued too long ago or in the future")]
    IssueInstant,
    #[error("the subject confirmation is not a single valid bearer confirmation")]
    SubjectConfirmation,
    #[error("the assertion names no usable subject (NameID)")]
    NameId,
    #[error("the IdP's session for this sign-in has already ended")]
    SessionExpired,
    #[error("the assertion lacks a required element (Conditions, AuthnStatement, Version)")]
    Incomplete,
    #[error("the assertion was already used")]
    Replayed,
    #[error("the message is not a SAML 2.0 LogoutRequest or LogoutResponse")]
    NotALogoutMessage,
}

impl Refusal {
    /// The stable name of the check that failed (audit lines, metric labels).
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::TooLarge => "too_large",
            Refusal::BadEncoding => "bad_encoding",
            Refusal::Malformed => "malformed",
            Refusal::Dtd => "dtd",
            Refusal::Declaration => "declaration",
            Refusal::LimitExceeded => "limit_exceeded",
            Refusal::NotAResponse => "not_a_response",
            Refusal::AssertionCount => "assertion_count",
            Refusal::AssertionMisplaced => "assertion_misplaced",
            Refusal::BadId => "bad_id",
            Refusal::SignatureMisplaced => "signature_misplaced",
            Refusal::SignatureStructure => "signature_structure",
            Refusal::AlgorithmNotAllowed => "algorithm_not_allowed",
            Refusal::Unsigned => "unsigned",
            Refusal::SignatureInvalid => "signature_invalid",
            Refusal::SignedElementMismatch => "signed_element_mismatch",
            Refusal::DecryptionFailed => "decryption_failed",
            Refusal::EncryptionAlgorithmNotAllowed => "encryption_algorithm_not_allowed",
            Refusal::Status => "status",
            Refusal::Destination => "destination",
            Refusal::Issuer => "issuer",
            Refusal::Audience => "audience",
            Refusal::Recipient => "recipient",
            Refusal::InResponseTo => "in_response_to",
            Refusal::NotYetValid => "not_yet_valid",
            Refusal::Expired => "expired",
            Refusal::IssueInstant => "issue_instant",
            Refusal::SubjectConfirmation => "subject_confirmation",
            Refusal::NameId => "name_id",
            Refusal::SessionExpired => "session_expired",
            Refusal::Incomplete => "incomplete",
            Refusal::Replayed => "replayed",
            Refusal::NotALogoutMessage => "not_a_logout_message",
        }
    }
}
