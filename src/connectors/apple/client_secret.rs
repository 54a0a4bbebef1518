//! Apple's client secret: not a fixed string but an ES256 JWT authgate signs with the team's
//! `.p8` key (`iss` team id, `sub` Services ID, `aud` Apple, `kid` key id, `exp` at most six
//! months on). One is signed on first use and reused until it comes within [`renew_margin`]
//! of its expiry, so a sign-in never presents one that runs out on the way.

use crate::config::Secret;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use std::sync::Mutex;
use std::time::Duration;

use super::settings::APPLE_ISSUER;

/// The `.p8` key, parsed: PKCS #8 PEM of a P-256 key.
pub fn signing_key(pem: &Secret) -> Result<EncodingKey, String> {
    let key = EncodingKey::from_ec_pem(pem.expose().as_bytes())
        .map_err(|_| "not an EC private key in PEM".to_string())?;
    // Sign once to prove it is a P-256 key (from_ec_pem does not look at the curve).
    jsonwebtoken::encode(&Header::new(Algorithm::ES256), &serde_json::json!({}), &key)
        .map_err(|_| "not a P-256 key".to_string())?;
    Ok(key)
}

/// How long before its expiry a client secret is replaced: half its life, at most a day.
pub fn renew_margin(lifetime: Duration) -> Duration {
    (lifetime / 2).min(Duration::from_secs(86_400))
}

struct Signed {
    jwt: String,
    expires_at: i64,
}

/// Signs client secrets and keeps the current one.
pub struct ClientSecrets {
    key: EncodingKey,
    key_id: String,
    team_id: String,
    client_id: String,
    lifetime: Duration,
    current: Mutex<Option<Signed>>,
}

impl ClientSecrets {
    pub fn new(
        key: EncodingKey,
        key_id: &str,
        team_id: &str,
        client_id: &str,
        lifetime: Duration,
    ) -> Self {
        Self {
            key,
            key_id: key_id.to_string(),
            team_id: team_id.to_string(),
            client_id: client_id.to_string(),
            lifetime,
            current: Mutex::new(None),
        }
    }

    /// The client secret to send at `now` (Unix seconds): the current one, or a new one when
    /// there is none yet or it is within the renewal margin of its expiry (or past it).
    pub fn at(&self, now: i64) -> Result<String, String> {
        let margin = i64::try_from(renew_margin(self.lifetime).as_secs()).unwrap_or(i64::MAX);
        let mut current = self
            .current
            .lock()
            .map_err(|_| "lock poisoned".to_string())?;
        if let Some(signed) = current.as_ref()
            && now < signed.expires_at.saturating_sub(margin)
        {
            return Ok(signed.jwt.clone());
        }
        let lifetime = i64::try_from(self.lifetime.as_secs()).unwrap_or(i64::MAX);
        let expires_at = now.saturating_add(lifetime);
        let mut header = Header::new(Algorithm::ES256);
        header.kid = Some(self.key_id.clone());
        let claims = serde_json::json!({
            "iss": self.team_id,
            "iat": now,
            "exp": expires_at,
            "aud": APPLE_ISSUER,
            "sub": self.client_id,
        });
        let jwt = jsonwebtoken::encode(&header, &claims, &self.key)
            .map_err(|e| format!("signing Apple's client secret: {e}"))?;
        *current = Some(Signed {
            jwt: jwt.clone(),
            expires_at,
        });
        Ok(jwt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{DecodingKey, Validation};

    /// A throwaway P-256 key made for this test (`openssl genpkey -algorithm EC`).
    const P8: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgMLhlg67if9PabP77
W8Hh1NzTwATfJtNe8QSULonHCZKhRANCAAQh32VGBJPJNQTLvOdsTriXfbUxyWBa
w7jTVBcO7LPfyCfewB1tar+0Ro+RYtfzFq8fhNBxDFfAGHhLz7oannZ0
-----END PRIVATE KEY-----";
    const PUBLIC: &str = "-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEId9lRgSTyTUEy7znbE64l321Mclg
WsO401QXDuyz38gn3sAdbWq/tEaPkWLX8xavH4TQcQxXwBh4S8+6Gp52dA==
-----END PUBLIC KEY-----";
    const DAY: i64 = 86_400;

    fn secrets(lifetime: Duration) -> ClientSecrets {
        let key = signing_key(&Secret::new(P8.into())).expect("key");
        ClientSecrets::new(key, "KEY123", "TEAM456", "com.example.web", lifetime)
    }

    #[test]
    fn a_client_secret_is_es256_with_apples_claims() {
        let jwt = secrets(Duration::from_secs(30 * 86_400))
            .at(1_700_000_000)
            .expect("jwt");
        let header = jsonwebtoken::decode_header(&jwt).expect("header");
        assert_eq!(header.alg, Algorithm::ES256);
        assert_eq!(header.kid.as_deref(), Some("KEY123"));
        let mut validation = Validation::new(Algorithm::ES256);
        validation.set_audience(&["https://appleid.apple.com"]);
        validation.set_issuer(&["TEAM456"]);
        validation.validate_exp = false;
        let claims = jsonwebtoken::decode::<serde_json::Value>(
            &jwt,
            &DecodingKey::from_ec_pem(PUBLIC.as_bytes()).expect("public key"),
            &validation,
        )
        .expect("verifies with the .p8's public key")
        .claims;
        assert_eq!(claims["sub"], "com.example.web");
        assert_eq!(claims["exp"], 1_700_000_000 + 30 * DAY);
    }

    #[test]
    fn the_current_secret_is_reused_then_renewed_before_it_expires() {
        let s = secrets(Duration::from_secs(30 * 86_400));
        let first = s.at(1_000_000).expect("jwt");
        assert_eq!(s.at(1_000_000 + 28 * DAY).expect("jwt"), first, "cached");
        // Within a day of its expiry: a new one, valid from now.
        let renewed = s.at(1_000_000 + 29 * DAY + 1).expect("jwt");
        assert_ne!(renewed, first);
        assert_eq!(s.at(1_000_000 + 29 * DAY + 2).expect("jwt"), renewed);
    }

    #[test]
    fn an_expired_cached_secret_is_replaced() {
        let s = secrets(Duration::from_secs(3600));
        let first = s.at(1_000_000).expect("jwt");
        let later = s.at(1_000_000 + 7200).expect("jwt");
        assert_ne!(later, first);
        let claims = crate::security::unverified_claims(&later).expect("claims");
        assert_eq!(claims["iat"], 1_000_000 + 7200);
        assert_eq!(claims["exp"], 1_000_000 + 7200 + 3600);
    }

    #[test]
    fn a_key_that_is_not_p256_pem_is_refused() {
        assert!(signing_key(&Secret::new("not a key".into())).is_err());
    }
}
