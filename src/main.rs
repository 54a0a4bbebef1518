//! The `authgate` binary: parse the command line, load config, start logging, run.

use anyhow::Context;
use authgate::config::{DEFAULT_CONFIG, Settings};
use authgate::startup::Application;
use clap::{Parser, Subcommand};
use std::io::BufRead;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "authgate",
    version,
    about = "A login front door for apps on AWS"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (the default when no command is given).
    Serve {
        /// TOML config file; without it the embedded default (config/authgate.toml) is used.
        #[arg(long, env = "AUTHGATE_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Read a password from standard input and print its argon2id hash for `password_hash`.
    HashPassword {
        /// Config whose `[password_hashing]` parameters to use.
        #[arg(long, env = "AUTHGATE_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Create or migrate the store's schema (the SQLite file, or PostgreSQL as `[store]` says)
    /// and exit: a deployment step before new replicas start. `serve` does the same at start.
    Migrate {
        #[arg(long, env = "AUTHGATE_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Print the authgate config for another product's client configuration (to review, then
    /// save as authgate.toml).
    Import {
        #[command(subcommand)]
        from: ImportFrom,
    },
    /// Exit 0 when the server at URL answers 200 (the container health check). An https URL
    /// is for authgate's own TLS listener: the certificate is not checked (the probe asks
    /// "is it up", on loopback, where the certificate's names rarely match).
    Healthcheck {
        #[arg(long, default_value = "http://127.0.0.1:8080/healthz")]
        url: String,
    },
}

#[derive(Subcommand)]
enum ImportFrom {
    /// An Amplify or AWSMobileClient app's file: amplify_outputs.json, aws-exports.js,
    /// amplifyconfiguration.json or awsconfiguration.json.
    Amplify {
        file: PathBuf,
        /// authgate's public URL, the one the app's domain will name.
        #[arg(long, default_value = authgate::import::amplify::DEFAULT_ISSUER)]
        issuer: String,
    },
}

fn load_settings(path: Option<&PathBuf>) -> anyhow::Result<Settings> {
    let text = match path {
        Some(path) => {
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?
        }
        None => DEFAULT_CONFIG.to_string(),
    };
    Ok(Settings::load(
        &text,
        std::env::vars(),
        &authgate::connectors::PROVIDER_KINDS,
    )?)
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Serve { config: None }) {
        Command::Serve { config } => serve(config),
        Command::HashPassword { config } => hash_password(config),
        Command::Migrate { config } => migrate(config),
        Command::Import {
            from: ImportFrom::Amplify { file, issuer },
        } => import_amplify(&file, &issuer),
        Command::Healthcheck { url } => healthcheck(&url),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("authgate: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn serve(config: Option<PathBuf>) -> anyhow::Result<()> {
    let settings = load_settings(config.as_ref())?;
    authgate::telemetry::init(&settings.log_format);
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let app = Application::build(settings).await?;
        let addr = app.local_addr()?;
        if let Some(management) = app.management_addr() {
            let management = management?;
            tracing::info!(%management, "metrics on the management listener");
            println!("authgate metrics on http://{management}/metrics");
        }
        tracing::info!(%addr, issuer = %app.state().settings.issuer, "authgate listening");
        // A plain line for scripts and tests that start authgate on port 0.
        println!("authgate listening on {}://{addr}", app.scheme());
        app.run_until_stopped().await?;
        Ok(())
    })
}

fn migrate(config: Option<PathBuf>) -> anyhow::Result<()> {
    let settings = load_settings(config.as_ref())?;
    authgate::telemetry::init(&settings.log_format);
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        authgate::startup::open_store(&settings).await?;
        println!("authgate: the store's schema is current");
        Ok(())
    })
}

fn import_amplify(file: &PathBuf, issuer: &str) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let config = authgate::import::amplify::import(&text, issuer)
        .with_context(|| format!("importing {}", file.display()))?;
    print!("{config}");
    Ok(())
}

fn hash_password(config: Option<PathBuf>) -> anyhow::Result<()> {
    let settings = load_settings(config.as_ref())?;
    eprintln!("Password (read from standard input, one line):");
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']);
    anyhow::ensure!(!password.is_empty(), "empty password");
    println!(
        "{}",
        settings
            .hash_password(password)
            .map_err(anyhow::Error::msg)?
    );
    Ok(())
}

fn healthcheck(url: &str) -> anyhow::Result<()> {
    use std::io::{Read, Write};
    let parsed = url::Url::parse(url)?;
    if parsed.scheme() == "https" {
        return healthcheck_https(parsed);
    }
    let host = parsed.host_str().context("URL has no host")?;
    let port = parsed.port_or_known_default().context("URL has no port")?;
    let mut stream = std::net::TcpStream::connect((host, port))?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(3)))?;
    write!(
        stream,
        "GET {} HTTP/1.0\r\nHost: {host}\r\n\r\n",
        parsed.path()
    )?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head)?;
    anyhow::ensure!(
        head.ends_with(b"200"),
        "unhealthy: {}",
        String::from_utf8_lossy(&head)
    );
    Ok(())
}

fn healthcheck_https(url: url::Url) -> anyhow::Result<()> {
    authgate::startup::install_crypto_provider();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let client = reqwest::Client::builder()
            .danger_accept_invalid_certs(true)
            .timeout(std::time::Duration::from_secs(3))
            .build()?;
        let status = client.get(url).send().await?.status();
        anyhow::ensure!(status == reqwest::StatusCode::OK, "unhealthy: {status}");
        Ok(())
    })
}
