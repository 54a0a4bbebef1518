//! Loading, overrides and every check, each naming its key.

use super::*;
use crate::connectors::cognito::settings::CognitoAuthFlow;
use crate::connectors::local::settings::users_with_published_passwords;
use crate::connectors::settings::KindSettings;

fn load(text: &str) -> Result<Settings, ConfigError> {
    Settings::load(text, std::iter::empty(), &crate::connectors::PROVIDER_KINDS)
}

#[test]
fn embedded_default_is_valid() {
    let s = load(DEFAULT_CONFIG).expect("default config");
    assert_eq!(s.listen, "127.0.0.1:8080");
    assert_eq!(s.issuer, "http://127.0.0.1:8080");
    assert!(s.demo.enabled);
    assert!(!s.secure_cookies());
}

#[test]
fn env_overrides_named_keys_and_nested_keys() {
    let env = [
        ("AUTHGATE_LISTEN".to_string(), "127.0.0.1:0".to_string()),
        ("AUTHGATE_DATA_DIR".to_string(), "/tmp/x".to_string()),
        (
            "AUTHGATE_TOKENS__ALGORITHM".to_string(),
            "ES256".to_string(),
        ),
        (
            "AUTHGATE_LOGIN_THROTTLE__SLOW_AFTER".to_string(),
            "2".to_string(),
        ),
        (
            "AUTHGATE_SOME_APP_SECRET".to_string(),
            "not a config key".to_string(),
        ),
    ];
    let s = Settings::load(DEFAULT_CONFIG, env, &crate::connectors::PROVIDER_KINDS).expect("valid");
    assert_eq!(s.listen, "127.0.0.1:0");
    assert_eq!(s.data_dir, PathBuf::from("/tmp/x"));
    assert_eq!(s.tokens.algorithm, "ES256");
    assert_eq!(s.login_throttle.slow_after, 2);
}

#[test]
fn every_problem_is_reported_with_its_key() {
    let text = r#"
        listen = "nowhere"
        issuer = "http://auth.example.com/"
        data_dir = "./data"
        bogus = 1
        [tokens]
        algorithm = "HS256"
        [[apps]]
        client_id = "a b"
        name = "x"
        redirect_uris = ["myapp://cb#frag", "http://example.com/cb"]
        providers = ["nope"]
        scopes = []
    "#;
    let problems = load(text).expect_err("invalid").0;
    let joined = problems.join("\n");
    for needle in [
        "bogus: unknown key",
        "listen:",
        "issuer: must be https",
        "issuer: must not end with `/`",
        "tokens.algorithm:",
        "apps[0].client_id:",
        "apps[0].redirect_uris[0]:",
        "apps[0].redirect_uris[1]:",
        "apps[0].providers[0]: no provider has id `nope`",
        "apps[0].scopes:",
    ] {
        assert!(joined.contains(needle), "missing `{needle}` in:\n{joined}");
    }
}

#[test]
fn a_type_error_names_its_key() {
    let text = "listen = \"127.0.0.1:1\"\nissuer = \"http://127.0.0.1:1\"\ndata_dir = \"d\"\n[login_throttle]\nslow_after = \"many\"\n";
    let problems = load(text).expect_err("invalid").0;
    assert!(
        problems[0].starts_with("login_throttle.slow_after"),
        "{problems:?}"
    );
}

#[test]
fn oidc_providers_are_validated() {
    let text = r#"
        listen = "127.0.0.1:1"
        issuer = "http://127.0.0.1:1"
        data_dir = "d"
        [[providers]]
        id = "op"
        kind = "oidc"
        issuer = "http://op.example.com"
        client_id = ""
        scopes = ["email"]
        id_token_algorithms = ["RS256", "HS256", "none"]
        timeout = "0s"
        claim_mapping = { sub = "email" }
    "#;
    let joined = load(text).expect_err("invalid").0.join("\n");
    for needle in [
        "providers[0].issuer: must be https",
        "providers[0].client_id: must not be empty",
        "providers[0].scopes: must include `openid`",
        "providers[0].id_token_algorithms[1]: `HS256`",
        "providers[0].id_token_algorithms[2]: `none`",
        "providers[0].timeout:",
        "providers[0].claim_mapping.sub: cannot be remapped",
    ] {
        assert!(joined.contains(needle), "missing `{needle}` in:\n{joined}");
    }
    let good = text
        .replace("http://op.example.com", "https://op.example.com")
        .replace("client_id = \"\"", "client_id = \"authgate\"")
        .replace("[\"email\"]", "[\"openid\"]")
        .replace(", \"HS256\", \"none\"", "")
        .replace("\"0s\"", "\"5s\"")
        .replace("claim_mapping = { sub = \"email\" }", "");
    let settings = load(&good).expect("valid");
    assert!(
        matches!(crate::connectors::settings::of(&settings.providers[0]), Some(KindSettings::Oidc(o)) if o.issuer == "https://op.example.com")
    );
}

#[test]
fn a_missing_client_secret_variable_is_reported() {
    let text = r#"
        listen = "127.0.0.1:1"
        issuer = "http://127.0.0.1:1"
        data_dir = "d"
        [[providers]]
        id = "local"
        kind = "local"
        [[apps]]
        client_id = "web"
        name = "Web"
        client_secret_env = "AUTHGATE_TEST_SECRET_THAT_IS_NOT_SET"
        redirect_uris = ["https://app.example.com/cb"]
        providers = ["local"]
        scopes = ["openid"]
    "#;
    let problems = load(text).expect_err("invalid").0;
    assert!(
        problems
            .iter()
            .any(|p| p.contains("AUTHGATE_TEST_SECRET_THAT_IS_NOT_SET"))
    );
}

const POOL_BASE: &str = r#"
    listen = "127.0.0.1:1"
    issuer = "http://127.0.0.1:1"
    data_dir = "d"
    [[providers]]
    id = "local"
    kind = "local"
    [[apps]]
    client_id = "app"
    name = "App"
    redirect_uris = ["myapp://cb"]
    providers = ["local"]
    scopes = ["openid"]
    aws_credentials = true
"#;

#[test]
fn identity_pool_problems_name_their_keys() {
    let text = format!(
        r#"{POOL_BASE}
    allow_guest = true
    custom_role_arn = "not-an-arn"
    [[providers]]
    id = "local2"
    kind = "local"
    logins = "upstream"
    [aws.identity_pool]
    id = "nope"
    flow = "basic"
    allow_guest = false
    endpoint_url = "http://cognito.example.com"
    max_attempts = 0
    "#
    );
    let joined = load(&text).expect_err("invalid").0.join("\n");
    for needle in [
        "aws.identity_pool.id: `nope` is not an identity pool id",
        "aws.identity_pool.role_arn: the basic flow needs",
        "aws.identity_pool.endpoint_url: must be https",
        "aws.identity_pool.max_attempts:",
        "apps[0].allow_guest: needs aws.identity_pool.allow_guest = true",
        "apps[0].custom_role_arn: `not-an-arn` is not an IAM role ARN",
        "providers[1].logins: local users have no provider token",
        "providers[0].logins: `developer` needs aws.identity_pool.developer_provider_name (the default for local users)",
    ] {
        assert!(joined.contains(needle), "missing `{needle}` in:\n{joined}");
    }
}

#[test]
fn aws_credentials_need_a_pool_and_a_good_pool_loads() {
    let joined = load(POOL_BASE).expect_err("no pool").0.join("\n");
    assert!(
        joined.contains("apps[0].aws_credentials: needs an [aws.identity_pool] section"),
        "{joined}"
    );
    let good = format!(
        r#"{POOL_BASE}
    [aws.identity_pool]
    id = "eu-west-1:0f3c1d2e-aaaa-bbbb-cccc-0123456789ab"
    developer_provider_name = "login.example.com"
    "#
    );
    let settings = load(&good).expect("valid");
    let pool = settings.aws.identity_pool.expect("pool");
    assert_eq!(pool.region(), "eu-west-1");
    assert_eq!(pool.flow, PoolFlow::Enhanced);
    assert_eq!(settings.apps[0].aws_failure, AwsFailure::FailLogin);
    assert_eq!(settings.providers[0].logins_mode(), LoginsMode::Developer);
}

#[test]
fn the_identity_pool_can_be_set_from_the_environment() {
    let text = format!("{POOL_BASE}\n[aws.identity_pool]\nid = \"x\"\n");
    let env = [
        (
            "AUTHGATE_AWS__IDENTITY_POOL__ID".to_string(),
            "us-east-1:0f3c1d2e-aaaa-bbbb-cccc-0123456789ab".to_string(),
        ),
        (
            "AUTHGATE_AWS__IDENTITY_POOL__DEVELOPER_PROVIDER_NAME".to_string(),
            "dev".to_string(),
        ),
    ];
    let s = Settings::load(&text, env, &crate::connectors::PROVIDER_KINDS).expect("valid");
    assert_eq!(
        s.aws.identity_pool.expect("pool").region(),
        "us-east-1",
        "region from the id"
    );
}

#[test]
fn the_identity_pool_example_is_valid() {
    let example = include_str!("../../config/examples/identity-pool.toml");
    let text = format!(
        "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n\
         [[providers]]\nid = \"local\"\nkind = \"local\"\n{example}"
    );
    let settings = load(&text).expect("the example loads");
    assert!(settings.apps[0].aws_credentials);
    assert_eq!(
        settings
            .aws
            .identity_pool
            .expect("pool")
            .developer_provider_name
            .as_deref(),
        Some("login.example.com")
    );
}

#[test]
fn the_cognito_example_is_valid() {
    let example = include_str!("../../config/examples/cognito.toml");
    let text = format!(
        "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n{example}"
    );
    let settings = load(&text).expect("the example loads");
    let Some(KindSettings::Cognito(pool)) = crate::connectors::settings::of(&settings.providers[0])
    else {
        panic!("a cognito provider");
    };
    assert_eq!(pool.auth_flow, CognitoAuthFlow::UserSrpAuth);
    assert_eq!(
        pool.issuer(),
        "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI"
    );
    assert_eq!(settings.apps[1].token_mode, TokenMode::Passthrough);
}

#[test]
fn cognito_settings_are_checked_with_key_names() {
    let text = "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n\
        [[providers]]\nid = \"pool\"\nkind = \"cognito\"\nregion = \"eu-west-1\"\n\
        user_pool_id = \"us-east-1_Abc\"\nclient_id = \"bad id!\"\nendpoint_url = \"http://example.com\"\n\
        timeout = \"0s\"\n\
        [[apps]]\nclient_id = \"a\"\nname = \"A\"\nredirect_uris = [\"a://cb\"]\nproviders = [\"pool\"]\n\
        scopes = [\"openid\"]\n";
    let err = load(text).expect_err("refused").to_string();
    for key in [
        "providers[0].user_pool_id",
        "providers[0].client_id",
        "providers[0].endpoint_url",
        "providers[0].timeout",
    ] {
        assert!(err.contains(key), "{key} in {err}");
    }
}

/// A certificate for 127.0.0.1 and its key, written as PEM files into `dir`.
fn write_cert(dir: &std::path::Path, name: &str) -> (PathBuf, PathBuf) {
    let certified =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()]).expect("certificate");
    let cert = dir.join(format!("{name}.crt"));
    let key = dir.join(format!("{name}.key"));
    std::fs::write(&cert, certified.cert.pem()).expect("write cert");
    std::fs::write(&key, certified.key_pair.serialize_pem()).expect("write key");
    (cert, key)
}

/// The default config on https with a `[tls]` section (a table header after the arrays of
/// tables is still a top-level table), without the demo page (its app's redirect URI is
/// the plain-http one).
fn with_tls(cert: &std::path::Path, key: &std::path::Path) -> String {
    format!(
        "{}\n[tls]\ncert_file = \"{}\"\nkey_file = \"{}\"\n",
        DEFAULT_CONFIG
            .replace("issuer = \"http://", "issuer = \"https://")
            .replace("enabled = true ", "enabled = false "),
        cert.display(),
        key.display()
    )
}

#[test]
fn tls_files_that_parse_and_match_are_accepted() {
    let dir = tempfile::tempdir().expect("tmp");
    let (cert, key) = write_cert(dir.path(), "a");
    let settings = load(&with_tls(&cert, &key)).expect("valid");
    let tls = settings.tls.expect("tls section");
    assert_eq!(tls.cert_file, cert);
    assert!(crate::web::tls::server_config(&tls.cert_file, &tls.key_file).is_ok());
}

#[test]
fn tls_problems_name_their_key() {
    let dir = tempfile::tempdir().expect("tmp");
    let (cert, key) = write_cert(dir.path(), "a");
    let (_, other_key) = write_cert(dir.path(), "b");
    let garbage = dir.path().join("garbage.pem");
    std::fs::write(&garbage, "not PEM at all\n").expect("write");
    let missing = dir.path().join("missing.pem");

    let cases = [
        (&missing, &key, "tls.cert_file: cannot read"),
        (&cert, &missing, "tls.key_file: cannot read"),
        (&garbage, &key, "tls.cert_file:"),
        (&cert, &garbage, "tls.key_file:"),
        // A key is not a certificate, and a certificate is not a key.
        (&key, &key, "tls.cert_file:"),
        (&cert, &cert, "tls.key_file:"),
        (&cert, &other_key, "tls.key_file: the key in"),
    ];
    for (cert_file, key_file, expected) in cases {
        let err = load(&with_tls(cert_file, key_file))
            .expect_err("refused")
            .to_string();
        assert!(
            err.contains(expected),
            "{} + {}: `{expected}` in {err}",
            cert_file.display(),
            key_file.display()
        );
    }
}

#[test]
fn tls_needs_an_https_issuer() {
    let dir = tempfile::tempdir().expect("tmp");
    let (cert, key) = write_cert(dir.path(), "a");
    let text = with_tls(&cert, &key).replace("https://127.0.0.1", "http://127.0.0.1");
    let err = load(&text).expect_err("refused").to_string();
    assert!(err.contains("issuer: [tls] serves https"), "{err}");
}

#[test]
fn tls_files_come_from_the_environment_too() {
    let dir = tempfile::tempdir().expect("tmp");
    let (cert, key) = write_cert(dir.path(), "a");
    let env = [
        (
            "AUTHGATE_ISSUER".to_string(),
            "https://127.0.0.1:8080".to_string(),
        ),
        ("AUTHGATE_DEMO__ENABLED".to_string(), "false".to_string()),
        (
            "AUTHGATE_TLS__CERT_FILE".to_string(),
            cert.display().to_string(),
        ),
        (
            "AUTHGATE_TLS__KEY_FILE".to_string(),
            key.display().to_string(),
        ),
    ];
    let settings =
        Settings::load(DEFAULT_CONFIG, env, &crate::connectors::PROVIDER_KINDS).expect("valid");
    let tls = settings.tls.expect("tls from the environment");
    assert_eq!((tls.cert_file, tls.key_file), (cert, key));

    // Half a section is named, not ignored.
    let env = [(
        "AUTHGATE_TLS__CERT_FILE".to_string(),
        "/nowhere.pem".to_string(),
    )];
    let err = Settings::load(DEFAULT_CONFIG, env, &crate::connectors::PROVIDER_KINDS)
        .expect_err("refused")
        .to_string();
    assert!(err.contains("tls") && err.contains("key_file"), "{err}");
}

#[test]
fn metrics_are_public_by_default_and_may_move_to_a_management_listener() {
    let s = load(DEFAULT_CONFIG).expect("default config");
    assert!(s.metrics.enabled);
    assert_eq!(s.metrics_listen_addr(), Ok(None));

    let env = [(
        "AUTHGATE_METRICS__LISTEN".to_string(),
        "127.0.0.1:9100".to_string(),
    )];
    let s = Settings::load(DEFAULT_CONFIG, env, &crate::connectors::PROVIDER_KINDS).expect("valid");
    assert_eq!(
        s.metrics_listen_addr(),
        Ok(Some("127.0.0.1:9100".parse().expect("addr")))
    );

    let bad = format!("{DEFAULT_CONFIG}\n[metrics]\nlisten = \"nine\"\n");
    let problems = load(&bad).expect_err("invalid").0;
    assert!(problems.iter().any(|p| p.starts_with("metrics.listen:")));
    let same = format!("{DEFAULT_CONFIG}\n[metrics]\nlisten = \"127.0.0.1:8080\"\n");
    let problems = load(&same).expect_err("invalid").0;
    assert!(
        problems
            .iter()
            .any(|p| p.contains("the public listener's address"))
    );
}

#[test]
fn without_a_store_url_the_store_is_sqlite() {
    let s = load(DEFAULT_CONFIG).expect("default config");
    assert!(s.store.postgres().expect("valid").is_none());
    assert_eq!(s.store.pool_size, 10);
}

#[test]
fn a_postgres_store_takes_its_password_from_a_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let password = dir.path().join("db-password");
    std::fs::write(&password, "pg-file-secret\n").expect("write");
    let text = format!(
        "{DEFAULT_CONFIG}\n[store]\nurl = \"postgres://authgate@db.example.com/authgate?sslmode=verify-full\"\n\
         password_file = \"{}\"\npool_size = 3\nstatement_timeout = \"2s\"\n",
        password.display()
    );
    let settings = load(&text).expect("valid");
    let options = settings.store.postgres().expect("valid").expect("postgres");
    assert_eq!(options.password.as_deref(), Some("pg-file-secret"));
    assert_eq!(options.pool_size, 3);
    assert_eq!(options.statement_timeout, Duration::from_secs(2));
    assert_eq!(options.connect_timeout, Duration::from_secs(5));
    // Neither the settings nor what they become print the password.
    let shown = format!("{settings:?} {options:?}");
    assert!(!shown.contains("pg-file-secret"), "{shown}");
    assert!(shown.contains("db.example.com"), "{shown}");
}

#[test]
fn store_keys_may_come_from_the_environment() {
    let env = [
        (
            "AUTHGATE_STORE__URL".to_string(),
            "postgres://authgate@db.example.com/authgate".to_string(),
        ),
        (
            "AUTHGATE_STORE__PASSWORD_ENV".to_string(),
            "PATH".to_string(),
        ),
        ("AUTHGATE_STORE__POOL_SIZE".to_string(), "4".to_string()),
    ];
    let settings =
        Settings::load(DEFAULT_CONFIG, env, &crate::connectors::PROVIDER_KINDS).expect("valid");
    let options = settings.store.postgres().expect("valid").expect("postgres");
    assert_eq!(options.pool_size, 4);
    // PATH stands in for a password variable: every process has one.
    assert_eq!(options.password, std::env::var("PATH").ok());
}

#[test]
fn store_mistakes_are_named_without_quoting_secrets() {
    for (store, needle) in [
        (
            "url = \"postgres://authgate:pg-inline-secret@db/authgate\"",
            "store.url: holds a password",
        ),
        (
            "url = \"postgres://authgate@db/authgate?password=pg-inline-secret\"",
            "store.url: holds a password",
        ),
        (
            "url = \"postgres://db/a?pasword=pg-inline-secret\"",
            "store.url: unknown connection parameter `pasword`",
        ),
        (
            "url = \"mysql://db/authgate\"",
            "store.url: must start with",
        ),
        (
            "url = \"postgres://db/a\"\nurl_env = \"X\"",
            "store.url: set either",
        ),
        (
            "url_env = \"AUTHGATE_TEST_VARIABLE_THAT_IS_NOT_SET\"",
            "store.url_env: environment variable $AUTHGATE_TEST_VARIABLE_THAT_IS_NOT_SET is not set",
        ),
        (
            "url = \"postgres://db/a\"\npassword_env = \"A\"\npassword_file = \"/b\"",
            "store.password_env: set either",
        ),
        (
            "password_file = \"/nowhere\"",
            "store.password_env: a password needs store.url",
        ),
        (
            "url = \"postgres://db/a\"\npassword_file = \"/nowhere/pw\"",
            "store.password_file: cannot read /nowhere/pw",
        ),
        ("pool_size = 0", "store.pool_size: must be at least 1"),
        (
            "statement_timeout = \"0s\"",
            "store.statement_timeout: must be longer than zero",
        ),
    ] {
        let text = format!("{DEFAULT_CONFIG}\n[store]\n{store}\n");
        let err = load(&text).expect_err(store).to_string();
        assert!(err.contains(needle), "{store}: {err}");
        assert!(!err.contains("pg-inline-secret"), "{err}");
    }
}

const MINIMAL: &str =
    "listen = \"127.0.0.1:1\"\nissuer = \"http://127.0.0.1:1\"\ndata_dir = \"d\"\n";

#[test]
fn trusted_proxies_are_cidrs_or_addresses_and_bad_ones_are_named() {
    let good =
        format!("{MINIMAL}trusted_proxies = [\"10.0.0.0/8\", \"fd00::/8\", \"192.0.2.7\"]\n");
    let s = load(&good).expect("valid");
    let nets = s.trusted_proxy_nets();
    assert_eq!(nets.len(), 3);
    assert!(nets[2].contains(&"192.0.2.7".parse::<std::net::IpAddr>().unwrap()));
    assert!(load(MINIMAL).expect("valid").trusted_proxies.is_empty());

    let bad = format!("{MINIMAL}trusted_proxies = [\"10.0.0.0/8\", \"10.0.0.0/33\", \"lb\"]\n");
    let joined = load(&bad).expect_err("invalid").0.join("\n");
    assert!(
        joined.contains("trusted_proxies[1]: `10.0.0.0/33`"),
        "{joined}"
    );
    assert!(joined.contains("trusted_proxies[2]: `lb`"), "{joined}");
}

#[test]
fn trusted_proxies_come_from_the_environment_as_one_list() {
    let env = [(
        "AUTHGATE_TRUSTED_PROXIES".to_string(),
        "10.0.0.0/8, 172.16.0.0/12".to_string(),
    )];
    let s = Settings::load(MINIMAL, env, &crate::connectors::PROVIDER_KINDS).expect("valid");
    assert_eq!(s.trusted_proxies, ["10.0.0.0/8", "172.16.0.0/12"]);
}

#[test]
fn rate_limits_read_requests_per_window_or_off() {
    let s = load(MINIMAL).expect("valid");
    assert_eq!(
        s.rate_limits.client_auth_failures_per_address,
        Some(Limit {
            requests: 20,
            per: Duration::from_secs(300)
        })
    );
    let text = format!(
        "{MINIMAL}[rate_limits]\ntoken_per_address = \"5/10s\"\naws_per_address = \"off\"\n"
    );
    let s = load(&text).expect("valid");
    assert_eq!(
        s.rate_limits.token_per_address,
        Some(Limit {
            requests: 5,
            per: Duration::from_secs(10)
        })
    );
    assert_eq!(s.rate_limits.aws_per_address, None);
    assert!(
        s.rate_limits.authorize_per_address.is_some(),
        "an unnamed limit keeps its default"
    );
    let env = [(
        "AUTHGATE_RATE_LIMITS__REVOKE_PER_ADDRESS".to_string(),
        "7/1m".to_string(),
    )];
    let s = Settings::load(MINIMAL, env, &crate::connectors::PROVIDER_KINDS).expect("valid");
    assert_eq!(
        s.rate_limits.revoke_per_address.map(|l| l.requests),
        Some(7)
    );

    for bad in ["5", "0/1m", "5/0s", "five/1m", "5/soon"] {
        let text = format!("{MINIMAL}[rate_limits]\ntoken_per_client = \"{bad}\"\n");
        let problems = load(&text).expect_err(bad).0;
        assert!(
            problems[0].starts_with("rate_limits.token_per_client"),
            "{bad}: {problems:?}"
        );
    }
}

#[test]
fn the_default_demo_user_is_recognised_as_published() {
    assert!(!load(MINIMAL).expect("valid").allow_published_demo_password);
    let s = load(DEFAULT_CONFIG).expect("default config");
    assert_eq!(
        users_with_published_passwords(&s),
        [("local".to_string(), "demo".to_string())]
    );
    let own = DEFAULT_CONFIG.replace("BA8Btnah6WABcjD/NpA6rQ", "c29tZS1vdGhlci1zYWx0");
    assert!(users_with_published_passwords(&load(&own).expect("still valid")).is_empty());
}

#[test]
fn shutdown_settings_have_defaults_and_the_grace_is_not_zero() {
    let s = load(MINIMAL).expect("valid");
    assert_eq!(s.shutdown_grace, Duration::from_secs(10));
    assert_eq!(s.shutdown_delay, Duration::ZERO);
    let joined = load(&format!("{MINIMAL}shutdown_grace = \"0s\"\n"))
        .expect_err("zero grace")
        .0
        .join("\n");
    assert!(joined.contains("shutdown_grace:"), "{joined}");
}

#[test]
fn the_amazon_example_is_valid_and_federates_under_www_amazon_com() {
    // The secret from a file rather than the process environment, which tests must not touch.
    let dir = tempfile::tempdir().expect("tmp");
    let secret = dir.path().join("amazon-secret");
    std::fs::write(&secret, "amazon-secret").expect("write");
    let example = include_str!("../../config/examples/amazon.toml").replace(
        "client_secret_env = \"AUTHGATE_AMAZON_SECRET\"",
        &format!("client_secret_file = \"{}\"", secret.display()),
    );
    let text = format!(
        "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n{example}"
    );
    let settings = load(&text).expect("the example loads");
    let Some(KindSettings::Amazon(amazon)) =
        crate::connectors::settings::of(&settings.providers[0])
    else {
        panic!("an amazon provider");
    };
    assert_eq!(
        amazon.authorization_endpoint,
        "https://www.amazon.com/ap/oa"
    );
    assert_eq!(
        amazon.token_endpoint,
        "https://api.amazon.com/auth/o2/token"
    );
    assert_eq!(
        amazon.profile_endpoint,
        "https://api.amazon.com/user/profile"
    );
    assert_eq!(
        amazon.upstream_logins(),
        crate::config::UpstreamLogins::AccessToken {
            key: "www.amazon.com".into()
        }
    );
}

#[test]
fn the_apple_example_is_valid_and_federates_under_appleid_apple_com() {
    // A throwaway P-256 key in the place of the team's .p8.
    let dir = tempfile::tempdir().expect("tmp");
    let p8 = dir.path().join("AuthKey.p8");
    let key = aws_lc_rs::signature::EcdsaKeyPair::generate(
        &aws_lc_rs::signature::ECDSA_P256_SHA256_FIXED_SIGNING,
    )
    .expect("key");
    let der = key.to_pkcs8v1().expect("pkcs8");
    let b64 = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, der.as_ref());
    std::fs::write(
        &p8,
        format!("-----BEGIN PRIVATE KEY-----\n{b64}\n-----END PRIVATE KEY-----\n"),
    )
    .expect("write");
    let example = include_str!("../../config/examples/apple.toml").replace(
        "/etc/authgate/AuthKey_XYZ987WVU6.p8",
        &p8.display().to_string(),
    );
    let text = format!(
        "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n{example}"
    );
    let settings = load(&text).expect("the example loads");
    let Some(KindSettings::Apple(apple)) = crate::connectors::settings::of(&settings.providers[0])
    else {
        panic!("an apple provider");
    };
    assert_eq!(apple.issuer, "https://appleid.apple.com");
    assert_eq!(apple.jwks_uri, "https://appleid.apple.com/auth/keys");
    assert_eq!(
        apple.upstream_logins(),
        crate::config::UpstreamLogins::IdToken {
            key: "appleid.apple.com".into()
        }
    );
    // The settings' Debug names the key's file, never its content.
    assert!(!format!("{apple:?}").contains(&b64[..20]));

    // A file that is not a P-256 key, and a secret lifetime past Apple's six months, are
    // config errors naming their keys.
    std::fs::write(&p8, "not a key").expect("write");
    let err = load(&text.replace("\"30d\"", "\"200d\""))
        .expect_err("refused")
        .to_string();
    assert!(err.contains("providers[0].private_key_file"), "{err}");
    assert!(err.contains("providers[0].client_secret_lifetime"), "{err}");
    assert!(
        !err.contains("not a key"),
        "the file's content is never quoted"
    );
}

#[test]
fn the_override_catalogues_directory_comes_from_the_file_or_the_environment() {
    assert_eq!(load(MINIMAL).expect("valid").ui.locales_dir, None);
    let text = format!("{MINIMAL}[ui]\nlocales_dir = \"/etc/authgate/locales\"\n");
    assert_eq!(
        load(&text).expect("valid").ui.locales_dir,
        Some(PathBuf::from("/etc/authgate/locales"))
    );
    let env = [(
        "AUTHGATE_UI__LOCALES_DIR".to_string(),
        "/srv/locales".to_string(),
    )];
    let s = Settings::load(MINIMAL, env, &crate::connectors::PROVIDER_KINDS).expect("valid");
    assert_eq!(s.ui.locales_dir, Some(PathBuf::from("/srv/locales")));
    let typo = format!("{MINIMAL}[ui]\nlocale_dir = \"x\"\n");
    let Err(error) = load(&typo) else {
        panic!("a misspelt key is refused")
    };
    let error = error.to_string();
    assert!(error.contains("ui.locale_dir: unknown key"), "{error}");
}

#[test]
#[cfg(not(feature = "saml"))]
fn a_saml_provider_without_the_feature_is_a_config_error_naming_it() {
    let text = "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n[[providers]]\nid = \"corp\"\nkind = \"saml\"\nsp_entity_id = \"urn:authgate\"\n";
    let err = load(text).expect_err("refused").to_string();
    assert!(err.contains("providers[0]"), "{err}");
    assert!(err.contains("`saml` cargo feature"), "{err}");
}

#[test]
#[cfg(feature = "saml")]
fn a_saml_provider_without_certificates_is_a_config_error() {
    let text = "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n[[providers]]\nid = \"corp\"\nkind = \"saml\"\nsp_entity_id = \"urn:authgate\"\nidp_entity_id = \"urn:idp\"\nidp_sso_url = \"https://idp.example/sso\"\n";
    let err = load(text).expect_err("refused").to_string();
    assert!(
        err.contains("providers[0]: a SAML provider needs at least one IdP signing certificate"),
        "{err}"
    );
}

#[test]
#[cfg(feature = "saml")]
fn the_saml_example_loads_with_its_files() {
    use openssl::{asn1::Asn1Time, hash::MessageDigest, pkey::PKey, rsa::Rsa, x509};
    let dir = tempfile::tempdir().expect("tmp");
    let key = PKey::from_rsa(Rsa::generate(2048).expect("rsa")).expect("key");
    let mut name = x509::X509NameBuilder::new().expect("name");
    name.append_entry_by_text("CN", "sp").expect("cn");
    let name = name.build();
    let mut cert = x509::X509Builder::new().expect("cert");
    cert.set_subject_name(&name).expect("subject");
    cert.set_issuer_name(&name).expect("issuer");
    cert.set_pubkey(&key).expect("pubkey");
    cert.set_not_before(&Asn1Time::days_from_now(0).expect("t"))
        .expect("nb");
    cert.set_not_after(&Asn1Time::days_from_now(1).expect("t"))
        .expect("na");
    cert.sign(&key, MessageDigest::sha256()).expect("sign");
    let cert = cert.build();
    let der = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        cert.to_der().expect("der"),
    );
    let metadata = format!(
        r#"<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example.com/">
<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{der}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/>
</md:IDPSSODescriptor></md:EntityDescriptor>"#
    );
    let file = |name: &str, content: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, content).expect("write");
        path.display().to_string()
    };
    let example = include_str!("../../config/examples/saml.toml")
        .replace(
            "/etc/authgate/corp-idp-metadata.xml",
            &file("md.xml", metadata.as_bytes()),
        )
        .replace(
            "/etc/authgate/saml-sp.key",
            &file("sp.key", &key.private_key_to_pem_pkcs8().expect("pem")),
        )
        .replace(
            "/etc/authgate/saml-sp.crt",
            &file("sp.crt", &cert.to_pem().expect("pem")),
        );
    let text = format!(
        "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n{example}"
    );

    let settings = load(&text).expect("the example loads");
    let Some(KindSettings::Saml(saml)) = crate::connectors::settings::of(&settings.providers[0])
    else {
        panic!("a saml provider");
    };
    let profile = saml
        .resolve(
            "providers[0]",
            "corp",
            &crate::connectors::saml_acs_url(&settings.issuer, "corp", saml.cognito_acs),
        )
        .expect("resolves");

    assert_eq!(profile.idp_entity_id, "https://idp.example.com/");
    assert_eq!(profile.idp_sso_url, "https://idp.example.com/sso");
    assert_eq!(profile.idp_certificates.len(), 1);
    assert_eq!(
        profile.acs_url,
        "https://login.example.com/saml2/idpresponse/corp"
    );
    // The files missing: each is a config error naming its key.
    let err = load(&example_with_missing_files())
        .expect_err("refused")
        .to_string();
    assert!(err.contains("providers[0].idp_metadata_file"), "{err}");
}

#[cfg(feature = "saml")]
fn example_with_missing_files() -> String {
    format!(
        "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n{}",
        include_str!("../../config/examples/saml.toml")
    )
}

#[test]
fn the_account_pages_client_id_is_reserved_and_reauth_after_must_be_set() {
    let taken = format!(
        "{MINIMAL}[[providers]]\nid = \"local\"\nkind = \"local\"\nname = \"L\"\n\
         [[apps]]\nclient_id = \"authgate-account\"\nname = \"Mine\"\n\
         redirect_uris = [\"myapp://cb\"]\nproviders = [\"local\"]\nscopes = [\"openid\"]\n"
    );
    let error = load(&taken).expect_err("reserved").to_string();
    assert!(
        error.contains("`authgate-account` is the account pages' own"),
        "{error}"
    );
    let off = taken.replace(
        "data_dir = \"d\"\n",
        "data_dir = \"d\"\n[account]\nenabled = false\n",
    );
    assert!(load(&off).is_ok(), "free once the pages are off");

    let zero = format!("{MINIMAL}[account]\nreauth_after = \"0s\"\n");
    let error = load(&zero).expect_err("zero").to_string();
    assert!(
        error.contains("account.reauth_after: must be longer than zero"),
        "{error}"
    );
    let set = load(&format!("{MINIMAL}[account]\nreauth_after = \"15m\"\n")).expect("valid");
    assert_eq!(set.account.reauth_after, Duration::from_secs(900));
    assert!(set.account.enabled, "on by default");
}

#[test]
fn account_editing_defaults_and_refuses_the_pools_own_attributes() {
    let default = load(MINIMAL).expect("valid");
    assert!(!default.account.allow_delete, "deletion is off by default");
    assert_eq!(
        default.account.editable_attributes,
        ["name", "given_name", "family_name", "email", "phone_number"]
    );
    let set = load(&format!(
        "{MINIMAL}[account]\nallow_delete = true\neditable_attributes = [\"custom:team\"]\n"
    ))
    .expect("valid");
    assert!(set.account.allow_delete);
    assert_eq!(set.account.editable_attributes, ["custom:team"]);
    for name in ["sub", "email_verified", "cognito:groups"] {
        let error = load(&format!(
            "{MINIMAL}[account]\neditable_attributes = [\"{name}\"]\n"
        ))
        .expect_err(name)
        .to_string();
        assert!(
            error.contains(&format!("account.editable_attributes: `{name}`")),
            "{error}"
        );
    }
}

/// A config with the local provider and one app whose `[apps.branding]` is `branding`.
fn with_branding(branding: &str) -> String {
    format!(
        "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n\
         [[providers]]\nid = \"local\"\nkind = \"local\"\n\
         [[apps]]\nclient_id = \"acme\"\nname = \"Acme\"\nredirect_uris = [\"acme://cb\"]\n\
         providers = [\"local\"]\nscopes = [\"openid\"]\n[apps.branding]\n{branding}"
    )
}

#[test]
fn the_branded_example_is_valid() {
    let example = include_str!("../../config/examples/branded.toml");
    let text = format!(
        "listen = \"127.0.0.1:1\"\nissuer = \"https://login.example.com\"\ndata_dir = \"d\"\n\
         [[providers]]\nid = \"local\"\nkind = \"local\"\n{example}"
    );
    let settings = load(&text).expect("the example loads");
    let app = &settings.apps[0];
    assert!(app.redirect_interstitial);
    let branding = app.branding.as_ref().expect("branding");
    assert_eq!(branding.dark.primary.as_deref(), Some("#5fd3a8"));
}

#[test]
fn every_bad_branding_value_is_a_problem_naming_its_key() {
    let dir = tempfile::tempdir().expect("tmp");
    let gif = dir.path().join("logo.gif");
    std::fs::write(&gif, b"GIF89a\x01\x00").expect("write");
    let big = dir.path().join("big.png");
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.resize(crate::web::branding::MAX_ASSET + 1, 0);
    std::fs::write(&big, png).expect("write");
    let latin1 = dir.path().join("latin1.css");
    std::fs::write(&latin1, b"h1 { content: \"\xe9\" }").expect("write");
    let missing = dir.path().join("missing.svg");
    let cases = [
        (
            "[apps.branding.light]\nprimary = \"blue\"".to_string(),
            "apps[0].branding.light.primary: `blue` is not a colour",
        ),
        (
            "[apps.branding.dark]\ntext = \"#ffff\"".to_string(),
            "apps[0].branding.dark.text: `#ffff` is not a colour",
        ),
        (
            "[apps.branding.light]\nbackground = \"#fff;}body{x:y\"".to_string(),
            "apps[0].branding.light.background:",
        ),
        (
            format!("logo = \"{}\"", missing.display()),
            "apps[0].branding.logo: cannot read",
        ),
        (
            format!("logo = \"{}\"", gif.display()),
            "apps[0].branding.logo: ",
        ),
        (format!("logo = \"{}\"", big.display()), "KiB allowed"),
        (
            "logo = \"http://cdn.example.com/logo.png\"".to_string(),
            "apps[0].branding.logo: `http://cdn.example.com/logo.png` must be https",
        ),
        (
            "logo = \"ftp://cdn.example.com/logo.png\"".to_string(),
            "apps[0].branding.logo: `ftp://cdn.example.com/logo.png` must be https",
        ),
        (
            format!("favicon = \"{}\"", missing.display()),
            "apps[0].branding.favicon: cannot read",
        ),
        (
            format!("stylesheet = \"{}\"", missing.display()),
            "apps[0].branding.stylesheet: cannot read",
        ),
        (
            format!("stylesheet = \"{}\"", latin1.display()),
            "apps[0].branding.stylesheet: ",
        ),
        (
            "terms_url = \"http://acme.example/terms\"".to_string(),
            "apps[0].branding.terms_url: `http://acme.example/terms` must be an absolute https URL",
        ),
        (
            "privacy_url = \"javascript:alert(1)\"".to_string(),
            "apps[0].branding.privacy_url: `javascript:alert(1)` must be an absolute https URL",
        ),
        (
            "colour = \"#fff\"".to_string(),
            "apps.0.branding.?.colour: unknown key",
        ),
    ];
    for (branding, needle) in cases {
        let problems = load(&with_branding(&branding))
            .expect_err(&branding)
            .0
            .join("\n");
        assert!(
            problems.contains(needle),
            "{branding}: `{needle}` not in:\n{problems}"
        );
    }
    // The GIF is named as the wrong kind, the Latin-1 stylesheet as not UTF-8.
    let gif_problem = load(&with_branding(&format!("logo = \"{}\"", gif.display())))
        .expect_err("a gif")
        .0
        .join("\n");
    assert!(
        gif_problem.contains("not a PNG, SVG, JPEG or WebP image"),
        "{gif_problem}"
    );
    let css_problem = load(&with_branding(&format!(
        "stylesheet = \"{}\"",
        latin1.display()
    )))
    .expect_err("latin-1")
    .0
    .join("\n");
    assert!(css_problem.contains("is not UTF-8 text"), "{css_problem}");
}

#[test]
fn good_branding_loads_and_no_branding_is_the_default() {
    let dir = tempfile::tempdir().expect("tmp");
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, b"\x89PNG\r\n\x1a\nrest").expect("write");
    let text = with_branding(&format!(
        "logo = \"{}\"\nterms_url = \"https://acme.example/terms\"\n\
         [apps.branding.light]\nprimary = \"#0B6E4F\"\n[apps.branding.dark]\nprimary = \"#5fd3a8\"",
        logo.display()
    ));
    let settings = load(&text).expect("loads");
    assert!(settings.apps[0].branding.is_some());
    assert!(!settings.apps[0].redirect_interstitial);
    let default = load(DEFAULT_CONFIG).expect("default");
    assert!(default.apps.iter().all(|a| a.branding.is_none()));
}
