//! Form and query parsing for requests whose parameters must each appear once: a repeated
//! parameter is an ambiguity an attacker can exploit (RFC 6749 §3.1, §3.2), so it is refused.

use std::collections::HashMap;

/// Decodes `application/x-www-form-urlencoded` once; `Err` names the first repeated parameter.
pub fn parse_unique(body: &[u8]) -> Result<HashMap<String, String>, String> {
    let mut params = HashMap::new();
    for (name, value) in url::form_urlencoded::parse(body) {
        if params
            .insert(name.to_string(), value.into_owned())
            .is_some()
        {
            return Err(name.into_owned());
        }
    }
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_parameters_are_refused_and_values_decoded_once() {
        assert_eq!(parse_unique(b"a=1&b=2&a=3"), Err("a".to_string()));
        let params = parse_unique(b"uri=myapp%253A%252F%252Fcb&x=").expect("ok");
        assert_eq!(params["uri"], "myapp%3A%2F%2Fcb");
        assert_eq!(params["x"], "");
    }
}
