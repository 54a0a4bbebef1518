//! Settings for running authgate in production: the proxies in front of it
//! (`trusted_proxies`), shutdown (`shutdown_delay`, `shutdown_grace`), and their checks. (`[rate_limits]` is read by the rate limiter's own
//! types, `web::rate_limit::RateLimitSettings`.)

use super::*;

pub(super) fn default_shutdown_grace() -> Duration {
    Duration::from_secs(10)
}

/// A TOML list, or one string of comma-separated items (what an environment variable holds).
pub(super) fn list_or_commas<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum ListOrString {
        List(Vec<String>),
        String(String),
    }
    Ok(match ListOrString::deserialize(d)? {
        ListOrString::List(items) => items,
        ListOrString::String(s) => s
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

/// A CIDR block, or one address (a block of one).
fn parse_net(text: &str) -> Option<ipnet::IpNet> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>().ok().or_else(|| {
        text.parse::<std::net::IpAddr>()
            .ok()
            .map(ipnet::IpNet::from)
    })
}

impl Settings {
    /// `trusted_proxies`, parsed (entries that do not parse were refused at load).
    pub fn trusted_proxy_nets(&self) -> Vec<ipnet::IpNet> {
        self.trusted_proxies
            .iter()
            .filter_map(|p| parse_net(p))
            .collect()
    }

    /// The operational keys' checks, each naming its key.
    pub(super) fn check_operations(&self, problems: &mut Vec<String>) {
        if self.shutdown_grace.is_zero() {
            problems.push("shutdown_grace: must be longer than zero".into());
        }
        for (i, proxy) in self.trusted_proxies.iter().enumerate() {
            if parse_net(proxy).is_none() {
                problems.push(format!(
                    "trusted_proxies[{i}]: `{proxy}` is not a CIDR block or an address (like `10.0.0.0/8` or `fd00::/8`)"
                ));
            }
        }
    }
}
