//! Cognito's SRP-6a variant (USER_SRP_AUTH and device SRP), as Amplify implements it.
//!
//! PLACEHOLDER with the agreed API; the real implementation lands from the `srp` branch.

use base64::{Engine, engine::general_purpose::STANDARD};

#[derive(Debug, thiserror::Error)]
pub enum SrpError {
    #[error("bad SRP parameter: {0}")]
    BadParameter(&'static str),
}

pub struct SrpSession {
    a: String,
}

impl std::fmt::Debug for SrpSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SrpSession(<redacted>)")
    }
}

impl Default for SrpSession {
    fn default() -> Self {
        Self::new()
    }
}

impl SrpSession {
    pub fn new() -> Self {
        Self {
            a: crate::security::random_token(),
        }
    }

    pub fn srp_a(&self) -> String {
        hex_of(self.a.as_bytes())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn password_claim(
        &self,
        _user_pool_id: &str,
        _user_id_for_srp: &str,
        _password: &str,
        _srp_b: &str,
        _salt: &str,
        _secret_block: &str,
        _timestamp: &str,
    ) -> Result<String, SrpError> {
        Ok(STANDARD.encode(self.a.as_bytes()))
    }

    #[allow(clippy::too_many_arguments)]
    pub fn device_claim(
        &self,
        _device_group_key: &str,
        _device_key: &str,
        _device_password: &str,
        _srp_b: &str,
        _salt: &str,
        _secret_block: &str,
        _timestamp: &str,
    ) -> Result<String, SrpError> {
        Ok(STANDARD.encode(self.a.as_bytes()))
    }
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn timestamp(now: time::OffsetDateTime) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {} {:02}:{:02}:{:02} UTC {}",
        DAYS[now.weekday().number_days_from_monday() as usize],
        MONTHS[usize::from(u8::from(now.month())) - 1],
        now.day(),
        now.hour(),
        now.minute(),
        now.second(),
        now.year()
    )
}

pub fn secret_hash(client_secret: &str, username: &str, client_id: &str) -> String {
    use aws_lc_rs::hmac;
    let key = hmac::Key::new(hmac::HMAC_SHA256, client_secret.as_bytes());
    let mut ctx = hmac::Context::with_key(&key);
    ctx.update(username.as_bytes());
    ctx.update(client_id.as_bytes());
    STANDARD.encode(ctx.sign().as_ref())
}

pub struct DeviceVerifier {
    pub password: String,
    pub salt: String,
    pub verifier: String,
}

impl std::fmt::Debug for DeviceVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceVerifier").finish_non_exhaustive()
    }
}

pub fn new_device_verifier(_device_group_key: &str, _device_key: &str) -> DeviceVerifier {
    DeviceVerifier {
        password: crate::security::random_token(),
        salt: STANDARD.encode(b"salt"),
        verifier: STANDARD.encode(b"verifier"),
    }
}
