//! HTTP plumbing every face of authgate shares (the hosted pages, the OAuth endpoints, the AWS
//! endpoints): redirects and response helpers, the browser session and its cookie's removal,
//! the client's address (behind trusted proxies too), the rate limits, the security headers,
//! CORS for what pages fetch, the pages any face may end on (an error, signed out) and their
//! languages, and the optional TLS listener. No protocol logic lives here, and nothing here imports from the
//! modules above it.

pub mod branding;
pub mod browser;
pub mod client;
pub mod cors;
pub mod headers;
pub mod i18n;
pub mod language;
pub mod messages;
pub mod observe;
pub mod otpauth;
pub mod page;
pub mod rate_limit;
pub mod respond;
pub mod session_cookie;
pub mod tls;
