//! Checks several sections share (issuer, regions, role ARNs, ids) and reading secrets.

use super::*;

/// A secret read from the environment or a file (client secrets, app secrets). Its `Debug`
/// never shows it; code that must send it says so with [`Secret::expose`].
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// A secret derived from another (a key reformatted), kept as redacted as the original.
    pub fn new(value: String) -> Self {
        Self(value)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// A secret from the environment variable or file config names; `Err` names the key at fault.
pub fn read_secret(env: &Option<String>, file: &Option<PathBuf>) -> Result<Option<Secret>, String> {
    match (env, file) {
        (Some(_), Some(_)) => {
            Err("client_secret_env: set either client_secret_env or client_secret_file".into())
        }
        (Some(var), None) => std::env::var(var)
            .map(|v| Some(Secret(v)))
            .map_err(|_| format!("client_secret_env: environment variable ${var} is not set")),
        (None, Some(path)) => std::fs::read_to_string(path)
            .map(|s| Some(Secret(s.trim_end_matches(['\r', '\n']).to_string())))
            .map_err(|e| format!("client_secret_file: cannot read {}: {e}", path.display())),
        (None, None) => Ok(None),
    }
}

pub(super) fn validate_issuer(issuer: &str, problems: &mut Vec<String>) {
    match url::Url::parse(issuer) {
        Err(_) => problems.push(format!("issuer: `{issuer}` is not an absolute URL")),
        Ok(url) => {
            let loopback = matches!(
                url.host_str(),
                Some("127.0.0.1") | Some("[::1]") | Some("localhost")
            );
            match url.scheme() {
                "https" => {}
                "http" if loopback => {}
                _ => problems.push(
                    "issuer: must be https (plain http only for 127.0.0.1, [::1] or localhost)"
                        .into(),
                ),
            }
            if url.query().is_some() || url.fragment().is_some() {
                problems.push("issuer: must not have a query or fragment".into());
            }
            if issuer.ends_with('/') {
                problems.push("issuer: must not end with `/`".into());
            }
        }
    }
}

/// Upstream URLs are https; plain http only on loopback, where tests run their peers.
pub fn validate_upstream_url(key: &str, name: &str, value: &str, problems: &mut Vec<String>) {
    match url::Url::parse(value) {
        Err(_) => problems.push(format!("{key}.{name}: `{value}` is not an absolute URL")),
        Ok(url) => {
            let loopback = matches!(url.host_str(), Some("127.0.0.1" | "[::1]" | "localhost"));
            if url.scheme() != "https" && !(url.scheme() == "http" && loopback) {
                problems.push(format!(
                    "{key}.{name}: must be https (plain http only on loopback, for tests)"
                ));
            }
        }
    }
}

/// `us-east-1`, `eu-west-2`, `us-gov-west-1`, ...
pub(super) fn is_region(region: &str) -> bool {
    region.contains('-')
        && region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `arn:{partition}:iam::{account}:role/{path/name}`.
pub(super) fn validate_role_arn(key: &str, arn: &str, problems: &mut Vec<String>) {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let ok = matches!(parts.as_slice(),
        ["arn", partition, "iam", "", account, resource]
            if partition.starts_with("aws")
                && account.len() == 12
                && account.chars().all(|c| c.is_ascii_digit())
                && resource.strip_prefix("role/").is_some_and(|r| !r.is_empty()));
    if !ok {
        problems.push(format!(
            "{key}: `{arn}` is not an IAM role ARN (arn:aws:iam::123456789012:role/name)"
        ));
    }
}

/// Ids that appear in URLs and cookies: short, and nothing that needs escaping.
pub(super) fn is_token_safe(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secrets_debug_never_shows_it() {
        let secret = Secret("hunter2-and-more".into());
        assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
        assert_eq!(secret.expose(), "hunter2-and-more");
    }
}
