//! The client's address, for throttling and rate limits.
//!
//! Without `trusted_proxies` it is the socket's peer, always: a header a client can write never
//! moves it. Behind a load balancer every request would then come from the balancer, and one
//! attacker would lock everyone out, so when the peer is inside a trusted CIDR the address is
//! read from `X-Forwarded-For` or `Forwarded` (RFC 7239): walking the hops right to left (the
//! nearest proxy writes last), trusted ones are skipped, and the first untrusted address is the
//! client. Entries further left were written by whoever sent them, the client included, and are
//! never read.
//!
//! When anything on that walk cannot be read (garbage, `unknown`, an obfuscated `_name`, a hop
//! without `for=`), or when a request carries both headers and they name different clients,
//! the socket's peer is used: a client can write either header itself, and only one of them
//! may be the proxy's. [`resolve`] does this once per request and leaves the result for the
//! [`ClientAddr`] extractor.

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The client's address as requests are counted under it (the password throttle, the rate
/// limits): the address [`resolve`] found, an IPv6 one as its /64 ([`counted_as`]).
pub struct ClientAddr(pub String);

/// The address requests are counted under: the address itself, or for IPv6 its /64 (one
/// subscriber's allocation, whose addresses an attacker can otherwise walk through, each
/// with a fresh count).
pub fn counted_as(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

/// The resolved address, left in the request's extensions by [`resolve`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(
            client_ip(parts).map_or_else(|| "unknown".to_string(), counted_as),
        ))
    }
}

/// Where a request came from, as a session remembers it for the account pages: the resolved
/// address (whole, not its /64) and the `User-Agent`, cut to [`USER_AGENT_KEPT`] characters.
pub struct RequestOrigin(pub crate::store::SessionOrigin);

/// What is kept of a `User-Agent`: enough to tell the browser, no more.
pub const USER_AGENT_KEPT: usize = 200;

impl<S: Send + Sync> FromRequestParts<S> for RequestOrigin {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let user_agent = parts
            .headers
            .get(axum::http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(USER_AGENT_KEPT).collect::<String>())
            .filter(|ua| !ua.trim().is_empty());
        Ok(Self(crate::store::SessionOrigin {
            address: client_ip(parts).map(|ip| ip.to_string()),
            user_agent,
        }))
    }
}

/// The resolved address, else (a router built without [`resolve`]) the socket's peer.
pub fn client_ip(parts: &Parts) -> Option<IpAddr> {
    parts.extensions.get::<ClientIp>().map(|c| c.0).or_else(|| {
        parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_canonical())
    })
}

/// The proxies whose forwarding headers are believed (`trusted_proxies`).
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Arc<[IpNet]>);

impl TrustedProxies {
    pub fn new(nets: Vec<IpNet>) -> Self {
        Self(nets.into())
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client's address for a request from `peer` carrying `headers`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return peer;
        }
        let xff = joined(headers, "x-forwarded-for").map(|v| self.walk(split_xff(&v), xff_hop));
        let forwarded =
            joined(headers, "forwarded").map(|v| self.walk(split_forwarded(&v), forwarded_hop));
        let found = match (xff, forwarded) {
            (None, None) => None,
            (Some(one), None) | (None, Some(one)) => one,
            (Some(a), Some(b)) => a.filter(|a| Some(*a) == b),
        };
        found.unwrap_or(peer)
    }

    /// Right to left over `hops`: the first untrusted address; the leftmost one when every hop
    /// is trusted; `None` when a hop on the way cannot be read (or there is none).
    fn walk<'a>(&self, hops: Vec<&'a str>, read: fn(&'a str) -> Option<IpAddr>) -> Option<IpAddr> {
        let mut leftmost_trusted = None;
        for hop in hops.into_iter().rev() {
            let ip = read(hop)?.to_canonical();
            if !self.trusts(ip) {
                return Some(ip);
            }
            leftmost_trusted = Some(ip);
        }
        leftmost_trusted
    }
}

/// Every value of header `name`, in order, as one comma-separated list (RFC 9110 §5.3).
fn joined(headers: &HeaderMap, name: &str) -> Option<String> {
    let mut values = headers.get_all(name).iter().peekable();
    values.peek()?;
    let mut all = Vec::new();
    for value in values {
        // A value that is not visible ASCII is garbage: keep a marker that reads as such.
        all.push(value.to_str().unwrap_or("\u{0}"));
    }
    Some(all.join(","))
}

fn split_xff(value: &str) -> Vec<&str> {
    value.split(',').map(str::trim).collect()
}

/// One `X-Forwarded-For` entry: an address, maybe with a port (`1.2.3.4:80`, `[::1]:80`).
fn xff_hop(hop: &str) -> Option<IpAddr> {
    node(hop)
}

/// An RFC 7239 node: `192.0.2.1`, `192.0.2.1:80`, `[2001:db8::1]`, `[2001:db8::1]:80` (and a
/// bare IPv6 address, which proxies write too). `unknown` and `_obfuscated` are not addresses.
fn node(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(socket) = text.parse::<SocketAddr>() {
        return Some(socket.ip());
    }
    let inner = text.strip_prefix('[')?;
    let (v6, rest) = inner.split_once(']')?;
    let port_ok = rest.is_empty()
        || rest.strip_prefix(':').is_some_and(|p| {
            !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        });
    match v6.parse::<IpAddr>() {
        Ok(ip @ IpAddr::V6(_)) if port_ok => Some(ip),
        _ => None,
    }
}

/// The elements of a `Forwarded` list: split at commas outside quoted strings.
fn split_forwarded(value: &str) -> Vec<&str> {
    let mut elements = Vec::new();
    let (mut start, mut quoted, mut escaped) = (0, false, false);
    for (i, c) in value.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ',' if !quoted => {
                elements.push(value[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    elements.push(value[start..].trim());
    elements
}

/// The `for=` node of one `Forwarded` element (`for=192.0.2.60;proto=http;by=203.0.113.43`).
fn forwarded_hop(element: &str) -> Option<IpAddr> {
    let mut found = None;
    for pair in element.split(';') {
        let (name, value) = pair.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("for") {
            if found.is_some() {
                return None;
            }
            let value = value.trim();
            let value = match value.strip_prefix('"') {
                Some(rest) => rest.strip_suffix('"').filter(|v| !v.contains('"'))?,
                None => value,
            };
            found = Some(node(value)?);
        }
    }
    found
}

/// Resolves the client's address once per request (see the module doc) and leaves it in the
/// request's extensions, where [`ClientAddr`] and the rate limits read it.
pub async fn resolve(
    State(proxies): State<TrustedProxies>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(peer) = peer {
        let client = proxies.client(peer, request.headers());
        request.extensions_mut().insert(ClientIp(client));
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn proxies(nets: &[&str]) -> TrustedProxies {
        TrustedProxies::new(nets.iter().map(|n| n.parse().unwrap()).collect())
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    const LB: &str = "10.0.0.5";

    fn behind_lb(pairs: &[(&'static str, &'static str)]) -> IpAddr {
        proxies(&["10.0.0.0/8"]).client(ip(LB), &headers(pairs))
    }

    #[test]
    fn ipv6_clients_are_counted_per_64() {
        let a = ip("2001:db8:1:2:aaaa::1");
        let b = ip("2001:db8:1:2:bbbb::2");
        assert_eq!(counted_as(a), "2001:db8:1:2::/64");
        assert_eq!(counted_as(a), counted_as(b));
        assert_ne!(counted_as(a), counted_as(ip("2001:db8:1:3::1")));
        assert_eq!(counted_as(ip("192.0.2.7")), "192.0.2.7");
        assert_eq!(counted_as(ip("::1")), "0:0:0:0::/64");
    }

    /// The password throttle and the guest-identity limit count under [`ClientAddr`]: one
    /// IPv6 subscriber walking its /64 must stay one count there too.
    #[tokio::test]
    async fn the_throttles_address_is_counted_per_64_too() {
        let (mut parts, ()) = axum::http::Request::new(()).into_parts();
        parts
            .extensions
            .insert(ClientIp(ip("2001:db8:1:2:aaaa::1")));
        let ClientAddr(address) = ClientAddr::from_request_parts(&mut parts, &())
            .await
            .unwrap();
        assert_eq!(address, "2001:db8:1:2::/64");
    }

    #[test]
    fn without_trusted_proxies_the_headers_are_ignored() {
        let none = TrustedProxies::default();
        let spoofed = headers(&[
            ("x-forwarded-for", "203.0.113.9"),
            ("forwarded", "for=203.0.113.9"),
        ]);
        assert_eq!(
            none.client(ip("198.51.100.7"), &spoofed),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_sends() {
        let spoofed = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(
            proxies(&["10.0.0.0/8"]).client(ip("198.51.100.7"), &spoofed),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn the_rightmost_untrusted_hop_is_the_client_and_spoofed_leftmost_entries_are_not_read() {
        assert_eq!(
            behind_lb(&[("x-forwarded-for", "203.0.113.9")]),
            ip("203.0.113.9")
        );
        // The client wrote the first two entries itself; the balancer appended the third.
        assert_eq!(
            behind_lb(&[("x-forwarded-for", "1.1.1.1, 127.0.0.1, 198.51.100.7")]),
            ip("198.51.100.7")
        );
        // Leftmost garbage is never reached.
        assert_eq!(
            behind_lb(&[("x-forwarded-for", "garbage, 198.51.100.7")]),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn trusted_hops_are_skipped() {
        // client → CDN edge (trusted) → balancer (trusted) → authgate.
        assert_eq!(
            behind_lb(&[("x-forwarded-for", "6.6.6.6, 198.51.100.7, 10.1.2.3")]),
            ip("198.51.100.7")
        );
        // Split across header lines, in order.
        assert_eq!(
            behind_lb(&[
                ("x-forwarded-for", "6.6.6.6, 198.51.100.7"),
                ("x-forwarded-for", "10.1.2.3"),
            ]),
            ip("198.51.100.7")
        );
        // Every hop trusted (a request from inside): the furthest one.
        assert_eq!(
            behind_lb(&[("x-forwarded-for", "10.9.9.9, 10.1.2.3")]),
            ip("10.9.9.9")
        );
    }

    #[test]
    fn ipv6_and_ports_are_read() {
        assert_eq!(
            behind_lb(&[("x-forwarded-for", "2001:db8::1")]),
            ip("2001:db8::1")
        );
        assert_eq!(
            behind_lb(&[("x-forwarded-for", "[2001:db8::1]:4711")]),
            ip("2001:db8::1")
        );
        assert_eq!(
            behind_lb(&[("x-forwarded-for", "198.51.100.7:51234")]),
            ip("198.51.100.7")
        );
        // An IPv4 peer seen through an IPv6 socket is the IPv4 address.
        assert_eq!(
            proxies(&["10.0.0.0/8"]).client(
                ip("::ffff:10.0.0.5"),
                &headers(&[("x-forwarded-for", "::ffff:198.51.100.7")])
            ),
            ip("198.51.100.7")
        );
        let v6_lb = proxies(&["fd00::/8"]);
        assert_eq!(
            v6_lb.client(
                ip("fd00::1"),
                &headers(&[("x-forwarded-for", "2001:db8::7, fd00::2")])
            ),
            ip("2001:db8::7")
        );
    }

    #[test]
    fn forwarded_is_read_as_rfc_7239_writes_it() {
        assert_eq!(behind_lb(&[("forwarded", "for=\"[::1]:80\"")]), ip("::1"));
        assert_eq!(
            behind_lb(&[("forwarded", "for=192.0.2.60;proto=http;by=203.0.113.43")]),
            ip("192.0.2.60")
        );
        assert_eq!(
            behind_lb(&[(
                "forwarded",
                "for=6.6.6.6, For=\"[2001:db8:cafe::17]:4711\", for=10.1.2.3;proto=https"
            )]),
            ip("2001:db8:cafe::17")
        );
        assert_eq!(
            behind_lb(&[("forwarded", "for=\"192.0.2.43:47011\"")]),
            ip("192.0.2.43")
        );
        // A comma inside a quoted value does not split the element.
        assert_eq!(
            behind_lb(&[("forwarded", "for=6.6.6.6;ext=\"a,b\", for=192.0.2.60")]),
            ip("192.0.2.60")
        );
    }

    #[test]
    fn garbage_on_the_walk_falls_back_to_the_peer() {
        for (name, value) in [
            ("x-forwarded-for", "garbage"),
            ("x-forwarded-for", "198.51.100.7, not-an-ip"),
            ("x-forwarded-for", "198.51.100.7, 10.1.2.3, "),
            ("x-forwarded-for", "[2001:db8::1"),
            ("x-forwarded-for", "300.1.2.3"),
            ("forwarded", "for=unknown"),
            ("forwarded", "for=_hidden"),
            ("forwarded", "proto=https"),
            ("forwarded", "for=\"[::1]:80"),
            ("forwarded", "for=1.2.3.4;for=5.6.7.8"),
            ("forwarded", "for"),
            ("forwarded", ""),
        ] {
            assert_eq!(
                behind_lb(&[(name, value)]),
                ip(LB),
                "{name}: {value} should fall back to the peer"
            );
        }
        let mut binary = HeaderMap::new();
        binary.insert(
            "x-forwarded-for",
            HeaderValue::from_bytes(b"198.51.100.7\xff").unwrap(),
        );
        assert_eq!(proxies(&["10.0.0.0/8"]).client(ip(LB), &binary), ip(LB));
    }

    #[test]
    fn both_headers_must_agree() {
        // The balancer writes one of them; the client may have written the other.
        assert_eq!(
            behind_lb(&[
                ("x-forwarded-for", "198.51.100.7"),
                ("forwarded", "for=203.0.113.9"),
            ]),
            ip(LB)
        );
        assert_eq!(
            behind_lb(&[
                ("x-forwarded-for", "198.51.100.7"),
                ("forwarded", "for=198.51.100.7;proto=https"),
            ]),
            ip("198.51.100.7")
        );
    }
}
