//! TOML values written by hand-laid-out config text: the `toml` crate quotes and escapes them,
//! so a redirect URI or scope read from someone else's file cannot break out of its string.

/// `text` as a TOML basic string, quoted and escaped.
pub fn string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// `items` as an inline TOML array of strings.
pub fn strings(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| string(item)).collect();
    format!("[{}]", quoted.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_newlines_stay_inside_the_string() {
        let hostile = "a\"\nlisten = \"0.0.0.0:80";
        let line = format!("name = {}", string(hostile));
        let parsed: toml::Table = toml::from_str(&line).unwrap();
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed["name"].as_str(), Some(hostile));
    }

    #[test]
    fn arrays_round_trip() {
        let items = vec!["openid".to_string(), "a\"b".to_string()];
        let parsed: toml::Table = toml::from_str(&format!("s = {}", strings(&items))).unwrap();
        let back: Vec<&str> = parsed["s"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(back, ["openid", "a\"b"]);
    }
}
