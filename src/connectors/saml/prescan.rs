//! Limits checked by one streaming pass before any DOM is built: what makes a parser slow or
//! lets two parsers disagree is refused here (DTDs and entities, processing instructions, XML
//! 1.1 or non-UTF-8 declarations, depth, attributes per element, namespace declarations).
//!
//! Why before the DOM: a namespace bomb or a tag with ten thousand attributes still verifies
//! under exclusive c14n, and duplicate-attribute checks are quadratic in most parsers
//! (RUSTSEC-2026-0194/0195); counting them while streaming is linear.

use super::Refusal;
use quick_xml::Reader;
use quick_xml::events::Event;

/// Largest decoded document accepted (the POST field itself is limited in `verify`).
pub const MAX_XML_BYTES: usize = 192 * 1024;
/// Deepest element nesting (a SAML response is about 8 deep).
pub const MAX_DEPTH: usize = 32;
/// Most attributes on one element, namespace declarations included.
pub const MAX_ATTRIBUTES: usize = 24;
/// Most namespace declarations on one element and in the whole document.
pub const MAX_NS_PER_ELEMENT: usize = 8;
pub const MAX_NS_TOTAL: usize = 64;
/// Most elements in the document (one assertion with a few hundred attribute values).
pub const MAX_ELEMENTS: usize = 4096;

/// Streams `xml` once and refuses it when it breaks a limit or carries a construct the
/// profile never accepts.
pub fn check(xml: &str) -> Result<(), Refusal> {
    if xml.len() > MAX_XML_BYTES {
        return Err(Refusal::TooLarge);
    }
    // A byte-order mark or any leading junk before the declaration/root is refused by the DOM
    // later; a UTF-16 declaration is refused below.
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    reader.config_mut().trim_text(false);
    let (mut depth, mut elements, mut ns_total, mut seen_root_end) =
        (0usize, 0usize, 0usize, false);
    let mut first = true;
    loop {
        let event = reader.read_event().map_err(|_| Refusal::Malformed)?;
        let is_first = std::mem::replace(&mut first, false);
        match event {
            Event::Eof => break,
            Event::DocType(_) => return Err(Refusal::Dtd),
            Event::PI(_) => return Err(Refusal::Declaration),
            Event::Decl(decl) => {
                if !is_first {
                    return Err(Refusal::Declaration);
                }
                let version = decl.version().map_err(|_| Refusal::Declaration)?;
                if version.as_ref() != b"1.0" {
                    return Err(Refusal::Declaration);
                }
                if let Some(encoding) = decl.encoding() {
                    let encoding = encoding.map_err(|_| Refusal::Declaration)?;
                    if !encoding.eq_ignore_ascii_case(b"utf-8") {
                        return Err(Refusal::Declaration);
                    }
                }
            }
            Event::Start(ref start) | Event::Empty(ref start) => {
                if seen_root_end {
                    // A second root element.
                    return Err(Refusal::Malformed);
                }
                elements += 1;
                if elements > MAX_ELEMENTS {
                    return Err(Refusal::LimitExceeded);
                }
                let (mut attributes, mut ns_here) = (0usize, 0usize);
                // Counted without quick-xml's own duplicate check (quadratic); the DOM refuses
                // duplicates once the count is known to be small.
                for attribute in start.attributes().with_checks(false) {
                    let attribute = attribute.map_err(|_| Refusal::Malformed)?;
                    attributes += 1;
                    let key = attribute.key.as_ref();
                    if key == b"xmlns" || key.starts_with(b"xmlns:") {
                        ns_here += 1;
                    }
                    if attributes > MAX_ATTRIBUTES {
                        return Err(Refusal::LimitExceeded);
                    }
                }
                ns_total += ns_here;
                if ns_here > MAX_NS_PER_ELEMENT || ns_total > MAX_NS_TOTAL {
                    return Err(Refusal::LimitExceeded);
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(Refusal::LimitExceeded);
                    }
                } else if depth == 0 {
                    seen_root_end = true;
                }
            }
            Event::End(_) => {
                depth = depth.checked_sub(1).ok_or(Refusal::Malformed)?;
                if depth == 0 {
                    seen_root_end = true;
                }
            }
            Event::Text(text) => {
                if (depth == 0) && !text.iter().all(u8::is_ascii_whitespace) {
                    // Text outside the root element.
                    return Err(Refusal::Malformed);
                }
            }
            Event::GeneralRef(reference) => {
                if depth == 0 {
                    return Err(Refusal::Malformed);
                }
                // Only the five predefined entities and character references exist without a
                // DTD; anything else is an entity a second parser might expand.
                let name: &[u8] = &reference;
                let known = matches!(name, b"lt" | b"gt" | b"amp" | b"apos" | b"quot")
                    || name.starts_with(b"#");
                if !known {
                    return Err(Refusal::Dtd);
                }
            }
            Event::CData(_) | Event::Comment(_) => {
                if depth == 0 && matches!(event, Event::CData(_)) {
                    return Err(Refusal::Malformed);
                }
            }
        }
    }
    if depth != 0 || !seen_root_end {
        return Err(Refusal::Malformed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_document_passes() {
        assert_eq!(
            check(
                r#"<?xml version="1.0" encoding="UTF-8"?><a xmlns="urn:x"><b c="1">t&amp;&#x69;</b></a>"#
            ),
            Ok(())
        );
    }

    #[test]
    fn refuses_what_the_profile_never_accepts() {
        let cases = [
            (r#"<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>"#, Refusal::Dtd),
            ("<a>&e;</a>", Refusal::Dtd),
            ("<?xml version=\"1.1\"?><a/>", Refusal::Declaration),
            (
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>",
                Refusal::Declaration,
            ),
            ("<a/><?pi x?>", Refusal::Declaration),
            ("<a/><b/>", Refusal::Malformed),
            ("<a/>junk", Refusal::Malformed),
            ("<a><b></a>", Refusal::Malformed),
            ("<a>", Refusal::Malformed),
        ];
        for (xml, want) in cases {
            assert_eq!(check(xml), Err(want), "{xml}");
        }
    }

    #[test]
    fn refuses_bombs() {
        let deep = "<a>".repeat(MAX_DEPTH + 1) + &"</a>".repeat(MAX_DEPTH + 1);
        assert_eq!(check(&deep), Err(Refusal::LimitExceeded));
        let attrs: String = (0..=MAX_ATTRIBUTES)
            .map(|i| format!(" a{i}=\"\""))
            .collect();
        assert_eq!(check(&format!("<a{attrs}/>")), Err(Refusal::LimitExceeded));
        let ns: String = (0..=MAX_NS_PER_ELEMENT)
            .map(|i| format!(" xmlns:n{i}=\"urn:{i}\""))
            .collect();
        assert_eq!(check(&format!("<a{ns}/>")), Err(Refusal::LimitExceeded));
        let big = format!("<a>{}</a>", "x".repeat(MAX_XML_BYTES));
        assert_eq!(check(&big), Err(Refusal::TooLarge));
    }
}
