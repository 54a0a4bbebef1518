//! SAML 2.0 identity providers (`kind = "saml"`, the optional `saml` feature): the strict
//! verification profile around samael, the AuthnRequest and SP metadata, and their settings.
//!
//! Why this shape: samael (xmlsec1) checks XML signatures and, in `ReduceMode::PreDigest`,
//! hands back exactly the bytes that were hashed; everything that decides whether those bytes
//! are *the* assertion for *this* sign-in is authgate's, here, so the policy can be read and
//! tested in one place (saml.md §1.6). The order is fixed: size and encoding limits, a
//! streaming pre-scan (DTDs, PIs, depth, attribute and namespace counts), the response's
//! structure on one strict DOM (one assertion, where it may be, unique IDs, each signature's
//! shape), samael's verification against the configured certificates only, then the protocol
//! checks on the signed bytes alone. [`connector`] plugs it into sign-in through the flow's
//! POST seam; [`logout`] is single logout's messages, both ways, on the same checks.

pub mod connector;
pub mod decrypt;
pub mod idp_initiated;
pub mod logout;
pub mod metadata_url;
pub mod passive;
pub mod prescan;
pub mod profile;
pub mod refusal;
pub mod request;
pub mod settings;
#[cfg(feature = "conformance")]
pub mod testing;
pub mod verify;

pub use connector::SamlConnector;
pub use refusal::Refusal;
pub use settings::{SamlProfile, SamlSettings, SloEndpoints};
pub use verify::VerifiedAssertion;

/// XML namespaces the profile names.
pub mod ns {
    pub const PROTOCOL: &str = "urn:oasis:names:tc:SAML:2.0:protocol";
    pub const ASSERTION: &str = "urn:oasis:names:tc:SAML:2.0:assertion";
    pub const METADATA: &str = "urn:oasis:names:tc:SAML:2.0:metadata";
    pub const DSIG: &str = "http://www.w3.org/2000/09/xmldsig#";
    pub const XENC: &str = "http://www.w3.org/2001/04/xmlenc#";
    pub const EXC_C14N: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
    pub const ENVELOPED: &str = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
}
