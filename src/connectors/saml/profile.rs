//! The response's structure, checked on one strict DOM before any signature is verified:
//! exactly one assertion and only where the SAML profile puts it, unique well-formed IDs,
//! signatures only on the Response and the Assertion, and each signature's shape pinned (one
//! Reference to `#` + the ID of the element that holds it, only the enveloped-signature and
//! exclusive-c14n transforms, allow-listed algorithms).
//!
//! Why: xmlsec verifies whatever a signature references, by whatever transforms it names. A
//! genuine IdP signature with an XPath transform still verifies after the NameID is rewritten,
//! and extra unsigned assertions survive verification; pinning the shape closes both before
//! the bytes reach samael (saml.md §1.6 defences 4–6).

use super::{Refusal, ns};
use roxmltree::{Document, Node, ParsingOptions};

/// Signature algorithms the profile accepts (SHA-1 only on a provider's explicit opt-in).
const SIGNATURE_ALGORITHMS: [&str; 5] = [
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
];
const DIGEST_ALGORITHMS: [&str; 3] = [
    "http://www.w3.org/2001/04/xmlenc#sha256",
    "http://www.w3.org/2001/04/xmldsig-more#sha384",
    "http://www.w3.org/2001/04/xmlenc#sha512",
];
const RSA_SHA1: &str = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
const SHA1: &str = "http://www.w3.org/2000/09/xmldsig#sha1";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Parses `xml` with the one DOM the profile reads: DTDs refused, a node budget.
pub fn parse(xml: &str) -> Result<Document<'_>, Refusal> {
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: 20_000,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(xml, options).map_err(|e| match e {
        roxmltree::Error::DtdDetected => Refusal::Dtd,
        roxmltree::Error::NodesLimitReached => Refusal::LimitExceeded,
        _ => Refusal::Malformed,
    })
}

/// Which algorithms a provider accepts.
#[derive(Debug, Clone, Copy)]
pub struct Algorithms {
    pub allow_sha1: bool,
}

impl Algorithms {
    fn signature(&self, uri: &str) -> bool {
        SIGNATURE_ALGORITHMS.contains(&uri) || (self.allow_sha1 && uri == RSA_SHA1)
    }
    fn digest(&self, uri: &str) -> bool {
        DIGEST_ALGORITHMS.contains(&uri) || (self.allow_sha1 && uri == SHA1)
    }
}

/// What the structure check learnt about a Response.
#[derive(Debug, Clone)]
pub struct ResponseShape {
    pub response_id: String,
    pub response_signed: bool,
    /// The ID of the one (plain) assertion; `None` when it is encrypted.
    pub assertion_id: Option<String>,
    pub assertion_signed: bool,
    pub encrypted: bool,
}

/// What the structure check learnt about a standalone Assertion (a decrypted one).
#[derive(Debug, Clone)]
pub struct AssertionShape {
    pub assertion_id: String,
    pub signed: bool,
}

pub fn is(node: &Node, namespace: &str, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace() == Some(namespace)
}

fn element_children<'a, 'i>(node: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(Node::is_element)
}

/// Checks a whole Response document.
pub fn response_shape(doc: &Document, algorithms: Algorithms) -> Result<ResponseShape, Refusal> {
    let root = doc.root_element();
    if !is(&root, ns::PROTOCOL, "Response") {
        return Err(Refusal::NotAResponse);
    }
    if root.attribute("Version") != Some("2.0") {
        return Err(Refusal::Incomplete);
    }
    check_ids(doc)?;
    let response_id = root.attribute("ID").ok_or(Refusal::BadId)?.to_string();

    // Exactly one assertion, a direct child; nothing called Assertion anywhere else.
    let mut direct = Vec::new();
    for node in root.descendants().filter(Node::is_element) {
        let name = node.tag_name().name();
        if name == "Assertion" || name == "EncryptedAssertion" {
            let placed =
                node.parent() == Some(root) && node.tag_name().namespace() == Some(ns::ASSERTION);
            if !placed {
                return Err(Refusal::AssertionMisplaced);
            }
            direct.push(node);
        }
    }
    let [assertion] = direct[..] else {
        return Err(Refusal::AssertionCount);
    };
    let encrypted = assertion.tag_name().name() == "EncryptedAssertion";

    // Signatures only directly under the Response or the plain Assertion, one each.
    let mut response_signed = false;
    let mut assertion_signed = false;
    for node in root
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "Signature")
    {
        let parent = node.parent().ok_or(Refusal::SignatureMisplaced)?;
        if node.tag_name().namespace() != Some(ns::DSIG) {
            return Err(Refusal::SignatureMisplaced);
        }
        let slot = if parent == root {
            &mut response_signed
        } else if parent == assertion && !encrypted {
            &mut assertion_signed
        } else {
            return Err(Refusal::SignatureMisplaced);
        };
        if std::mem::replace(slot, true) {
            return Err(Refusal::SignatureMisplaced);
        }
        let id = parent.attribute("ID").ok_or(Refusal::BadId)?;
        check_signature(node, id, algorithms)?;
    }
    let assertion_id = if encrypted {
        None
    } else {
        Some(assertion.attribute("ID").ok_or(Refusal::BadId)?.to_string())
    };
    // An encrypted assertion may be signed inside (checked after decryption); a plain one
    // must be covered by one of the two signatures.
    if !encrypted && !response_signed && !assertion_signed {
        return Err(Refusal::Unsigned);
    }
    Ok(ResponseShape {
        response_id,
        response_signed,
        assertion_id,
        assertion_signed,
        encrypted,
    })
}

/// Checks a standalone Assertion document (what decryption produced).
pub fn assertion_shape(doc: &Document, algorithms: Algorithms) -> Result<AssertionShape, Refusal> {
    let root = doc.root_element();
    if !is(&root, ns::ASSERTION, "Assertion") {
        return Err(Refusal::AssertionCount);
    }
    check_ids(doc)?;
    let assertion_id = root.attribute("ID").ok_or(Refusal::BadId)?.to_string();
    let mut signed = false;
    for node in root.descendants().filter(Node::is_element).skip(1) {
        let name = node.tag_name().name();
        if name == "Assertion" || name == "EncryptedAssertion" {
            return Err(Refusal::AssertionMisplaced);
        }
        if name == "Signature" {
            if node.parent() != Some(root)
                || node.tag_name().namespace() != Some(ns::DSIG)
                || signed
            {
                return Err(Refusal::SignatureMisplaced);
            }
            signed = true;
            check_signature(node, &assertion_id, algorithms)?;
        }
    }
    Ok(AssertionShape {
        assertion_id,
        signed,
    })
}

/// Every ID-like attribute in the document: `ID` only, unqualified, an NCName, unique (the
/// XML-Encryption/DSig `Id` attributes share the uniqueness rule). `xml:id`, `AssertionID`
/// and namespaced `foo:ID` are refused: they are how one ID resolves to two elements.
pub(super) fn check_ids(doc: &Document) -> Result<(), Refusal> {
    let mut seen = std::collections::HashSet::new();
    for node in doc.descendants().filter(Node::is_element) {
        for attribute in node.attributes() {
            let name = attribute.name();
            let namespace = attribute.namespace();
            if namespace == Some(XML_NS) && name == "id" || name == "AssertionID" {
                return Err(Refusal::BadId);
            }
            if name.eq_ignore_ascii_case("id")
                && (namespace.is_some()
                    || !is_ncname(attribute.value())
                    || !seen.insert(attribute.value()))
            {
                return Err(Refusal::BadId);
            }
        }
    }
    Ok(())
}

fn is_ncname(value: &str) -> bool {
    let mut chars = value.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// One signature's shape: SignedInfo (exclusive c14n, an allowed SignatureMethod, exactly one
/// Reference to `#` + `parent_id` with the enveloped-signature transform and at most exclusive
/// c14n after it, an allowed DigestMethod), SignatureValue, optional KeyInfo, nothing else.
pub(super) fn check_signature(
    signature: Node,
    parent_id: &str,
    algorithms: Algorithms,
) -> Result<(), Refusal> {
    let bad = Refusal::SignatureStructure;
    let children: Vec<_> = element_children(signature).collect();
    let (signed_info, rest) = children.split_first().ok_or(bad)?;
    if !is(signed_info, ns::DSIG, "SignedInfo") {
        return Err(bad);
    }
    match rest {
        [value] | [value, _] if is(value, ns::DSIG, "SignatureValue") => {}
        _ => return Err(bad),
    }
    if let [_, key_info] = rest
        && !is(key_info, ns::DSIG, "KeyInfo")
    {
        return Err(bad);
    }
    let parts: Vec<_> = element_children(*signed_info).collect();
    let [c14n, method, reference] = parts[..] else {
        return Err(bad);
    };
    if !is(&c14n, ns::DSIG, "CanonicalizationMethod")
        || c14n.attribute("Algorithm") != Some(ns::EXC_C14N)
    {
        return Err(bad);
    }
    check_c14n_children(c14n)?;
    if !is(&method, ns::DSIG, "SignatureMethod") || element_children(method).next().is_some() {
        return Err(bad);
    }
    if !algorithms.signature(method.attribute("Algorithm").unwrap_or_default()) {
        return Err(Refusal::AlgorithmNotAllowed);
    }
    if !is(&reference, ns::DSIG, "Reference")
        || reference.attribute("URI") != Some(&format!("#{parent_id}"))
    {
        return Err(bad);
    }
    let reference_parts: Vec<_> = element_children(reference).collect();
    let [transforms, digest_method, digest_value] = reference_parts[..] else {
        return Err(bad);
    };
    if !is(&transforms, ns::DSIG, "Transforms")
        || !is(&digest_method, ns::DSIG, "DigestMethod")
        || !is(&digest_value, ns::DSIG, "DigestValue")
    {
        return Err(bad);
    }
    let transform_list: Vec<_> = element_children(transforms).collect();
    let algorithms_used: Vec<_> = transform_list
        .iter()
        .map(|t| {
            if is(t, ns::DSIG, "Transform") {
                t.attribute("Algorithm")
            } else {
                None
            }
        })
        .collect();
    match algorithms_used[..] {
        [Some(ns::ENVELOPED)] | [Some(ns::ENVELOPED), Some(ns::EXC_C14N)] => {}
        _ => return Err(bad),
    }
    for transform in &transform_list {
        check_c14n_children(*transform)?;
    }
    if !algorithms.digest(digest_method.attribute("Algorithm").unwrap_or_default()) {
        return Err(Refusal::AlgorithmNotAllowed);
    }
    Ok(())
}

/// Exclusive c14n may carry an `InclusiveNamespaces PrefixList`; nothing else goes inside a
/// canonicalization method or transform.
fn check_c14n_children(node: Node) -> Result<(), Refusal> {
    for child in element_children(node) {
        if !is(&child, ns::EXC_C14N, "InclusiveNamespaces")
            || element_children(child).next().is_some()
        {
            return Err(Refusal::SignatureStructure);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ncnames() {
        assert!(is_ncname("_abc-1.2"));
        assert!(!is_ncname("1abc"));
        assert!(!is_ncname("a:b"));
        assert!(!is_ncname(""));
    }
}
