//! moto server: Cognito user pools, Cognito Identity and STS, for the whole test binary.
//!
//! One moto process serves every test (it starts in about a second; pools and identity pools are
//! created per test with unique names, so tests never see each other's state). It runs from
//! `tests/peers/.venv` (installed by `scripts/install-peers.sh`) with TOTP checking on, and exits
//! when this binary does: it watches its stdin, which only this process holds open.
//!
//! What moto does not check (SRP proofs, devices, custom challenges, Logins tokens, SigV4) is
//! tested elsewhere: SRP against pycognito, the rest on the requests authgate sends.

use aws_sdk_cognitoidentityprovider as idp;
use idp::types::{
    AttributeType, ExplicitAuthFlowsType, PasswordPolicyType, UserPoolPolicyType,
    VerifiedAttributeType,
};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};

const READY_PREFIX: &str = "MOTO_READY ";
pub const REGION: &str = "us-east-1";

struct Moto {
    endpoint: String,
    /// Held for the life of the binary: closing it stops moto.
    _stdin: Mutex<ChildStdin>,
    /// Never waited on: moto exits with this binary (see above), and a statics' destructor
    /// never runs. Kept so the handle is owned rather than dropped on the floor.
    _child: Mutex<Child>,
}

static MOTO: OnceLock<Moto> = OnceLock::new();

/// moto's endpoint (`http://127.0.0.1:PORT`), starting it on first use.
pub fn endpoint() -> &'static str {
    &MOTO.get_or_init(start).endpoint
}

fn start() -> Moto {
    let peers = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/peers");
    let python = peers.join(".venv/bin/python");
    assert!(
        python.is_file(),
        "{} is missing: run scripts/install-peers.sh",
        python.display()
    );
    let mut child = Command::new(python)
        .arg(peers.join("moto_server.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start moto server");
    let stdin = child.stdin.take().expect("piped stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("read moto's ready line");
    let endpoint = line
        .trim_end()
        .strip_prefix(READY_PREFIX)
        .unwrap_or_else(|| panic!("moto server did not start (printed {line:?})"))
        .to_owned();
    // Keep draining stdout so moto never blocks on a full pipe.
    std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    Moto {
        endpoint,
        _stdin: Mutex::new(stdin),
        _child: Mutex::new(child),
    }
}

/// SDK configuration pointed at moto (any credentials work: moto checks no signatures).
pub async fn sdk_config() -> aws_config::SdkConfig {
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_config::Region::new(REGION))
        .endpoint_url(endpoint())
        .credentials_provider(aws_credential_types::Credentials::new(
            "AKIDMOTOTEST",
            "moto-secret",
            None,
            None,
            "moto",
        ))
        .load()
        .await
}

pub async fn idp_client() -> idp::Client {
    idp::Client::new(&sdk_config().await)
}

pub async fn identity_client() -> aws_sdk_cognitoidentity::Client {
    aws_sdk_cognitoidentity::Client::new(&sdk_config().await)
}

/// An identity pool in moto that allows guests, developer identities (provider
/// [`DEVELOPER_PROVIDER`]) and the classic flow; returns its id.
pub async fn create_identity_pool() -> String {
    identity_client()
        .await
        .create_identity_pool()
        .identity_pool_name(format!("authgate_{}", uuid::Uuid::new_v4().simple()))
        .allow_unauthenticated_identities(true)
        .allow_classic_flow(true)
        .developer_provider_name(DEVELOPER_PROVIDER)
        .send()
        .await
        .expect("CreateIdentityPool")
        .identity_pool_id
}

/// The developer provider name the test identity pools are created with.
pub const DEVELOPER_PROVIDER: &str = "login.authgate.test";

/// A user pool and one app client in moto.
#[derive(Clone, Debug)]
pub struct Pool {
    pub id: String,
    pub client_id: String,
    pub client_secret: Option<String>,
}

impl Pool {
    /// `https://cognito-idp.{region}.amazonaws.com/{pool}`: the `iss` of the pool's tokens.
    pub fn issuer(&self) -> String {
        format!("https://cognito-idp.{REGION}.amazonaws.com/{}", self.id)
    }
}

/// A pool with Cognito's default password policy (8 characters, upper, lower, digit, symbol),
/// email auto-verified, and one app client (with a secret when asked).
pub async fn create_pool(with_secret: bool) -> Pool {
    let client = idp_client().await;
    let name = format!("authgate-{}", uuid::Uuid::new_v4().simple());
    let pool = client
        .create_user_pool()
        .pool_name(&name)
        .policies(
            UserPoolPolicyType::builder()
                .password_policy(
                    PasswordPolicyType::builder()
                        .minimum_length(8)
                        .require_uppercase(true)
                        .require_lowercase(true)
                        .require_numbers(true)
                        .require_symbols(true)
                        .build(),
                )
                .build(),
        )
        .auto_verified_attributes(VerifiedAttributeType::Email)
        .send()
        .await
        .expect("CreateUserPool")
        .user_pool
        .expect("user pool");
    let id = pool.id.expect("pool id");
    let app = client
        .create_user_pool_client()
        .user_pool_id(&id)
        .client_name("authgate")
        .generate_secret(with_secret)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowUserSrpAuth)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowUserPasswordAuth)
        .explicit_auth_flows(ExplicitAuthFlowsType::AllowRefreshTokenAuth)
        .read_attributes("email")
        .read_attributes("email_verified")
        .read_attributes("phone_number")
        .send()
        .await
        .expect("CreateUserPoolClient")
        .user_pool_client
        .expect("user pool client");
    Pool {
        id,
        client_id: app.client_id.expect("client id"),
        client_secret: app.client_secret,
    }
}

/// A confirmed user with a permanent password and a verified email.
pub async fn create_user(pool: &Pool, username: &str, password: &str) {
    let client = idp_client().await;
    client
        .admin_create_user()
        .user_pool_id(&pool.id)
        .username(username)
        .user_attributes(attr("email", &format!("{username}@example.com")))
        .user_attributes(attr("email_verified", "true"))
        .message_action(idp::types::MessageActionType::Suppress)
        .send()
        .await
        .expect("AdminCreateUser");
    client
        .admin_set_user_password()
        .user_pool_id(&pool.id)
        .username(username)
        .password(password)
        .permanent(true)
        .send()
        .await
        .expect("AdminSetUserPassword");
}

pub fn attr(name: &str, value: &str) -> AttributeType {
    AttributeType::builder()
        .name(name)
        .value(value)
        .build()
        .expect("attribute")
}

/// The peer itself: a pool, a user, and a password sign-in, through the SDK.
#[tokio::test]
async fn moto_serves_user_pools() {
    let pool = create_pool(false).await;
    create_user(&pool, "alice", "Correct-horse-1").await;
    let out = idp_client()
        .await
        .initiate_auth()
        .client_id(&pool.client_id)
        .auth_flow(idp::types::AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", "alice")
        .auth_parameters("PASSWORD", "Correct-horse-1")
        .send()
        .await
        .expect("InitiateAuth");
    assert!(out.authentication_result.and_then(|r| r.id_token).is_some());
}
