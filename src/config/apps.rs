//! `[[apps]]`: the apps registered with authgate, and their checks.

use super::checks::*;
use super::*;

#[derive(Debug, Clone, Deserialize)]
pub struct AppSettings {
    pub client_id: String,
    pub name: String,
    /// Environment variable holding the client secret; set for a confidential client.
    #[serde(default)]
    pub client_secret_env: Option<String>,
    /// File holding the client secret (e.g. a mounted container secret); trailing newline ignored.
    #[serde(default)]
    pub client_secret_file: Option<PathBuf>,
    pub redirect_uris: Vec<String>,
    #[serde(default)]
    pub logout_uris: Vec<String>,
    /// Provider ids this app may use, in the order the picker shows them.
    pub providers: Vec<String>,
    pub scopes: Vec<String>,
    /// `broker` (default): authgate's own tokens. `passthrough`: the Cognito user pool's own
    /// tokens, for apps whose APIs use Cognito authorizers (every provider must be `cognito`).
    #[serde(default)]
    pub token_mode: TokenMode,
    /// Federate every sign-in into `[aws.identity_pool]`: the token response then carries
    /// `identity_id` and `aws_credentials`, and `/aws/credentials` renews them.
    #[serde(default)]
    pub aws_credentials: bool,
    /// What the app sees when the identity pool fails at sign-in.
    #[serde(default)]
    pub aws_failure: AwsFailure,
    /// Guest (unauthenticated) credentials at `/aws/guest-credentials` for this app; needs
    /// `aws_credentials` and `aws.identity_pool.allow_guest`.
    #[serde(default)]
    pub allow_guest: bool,
    /// The role asked for (Cognito's `CustomRoleArn`) for every user of this app; wins over a
    /// provider's `custom_role_arn`.
    #[serde(default)]
    pub custom_role_arn: Option<String>,
    /// Origins (`scheme://host[:port]`, or `"*"`) whose pages may call the token, revoke,
    /// userinfo and user-pool API endpoints; default: the origins of the http(s) redirect URIs.
    #[serde(default)]
    pub web_origins: Option<Vec<String>>,
    /// `/logout` also revokes the refresh tokens this app got through that browser's sign-in
    /// (Cognito's does not).
    #[serde(default = "default_true")]
    pub logout_revokes_tokens: bool,
    /// After a successful sign-in whose redirect URI has the app's own scheme (`myapp://…`), a
    /// page with a "Return to the app" link instead of a bare redirect: in-app browsers and
    /// Android custom tabs may swallow a redirect to a custom scheme.
    #[serde(default)]
    pub redirect_interstitial: bool,
    /// `[apps.branding]`: the app's look on the hosted pages; absent, the default look.
    #[serde(default)]
    pub branding: Option<BrandingSettings>,
}

/// `[apps.branding]`: read (and checked) at start; a change needs a restart, not a rebuild.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BrandingSettings {
    /// A PNG, SVG, JPEG or WebP file, or an https URL fetched once at start; served by authgate.
    #[serde(default)]
    pub logo: Option<String>,
    /// A PNG, SVG, JPEG, WebP or ICO file.
    #[serde(default)]
    pub favicon: Option<PathBuf>,
    /// A CSS file, linked after the base stylesheet (and after the colours below).
    #[serde(default)]
    pub stylesheet: Option<PathBuf>,
    #[serde(default)]
    pub terms_url: Option<String>,
    #[serde(default)]
    pub privacy_url: Option<String>,
    /// The app's own words: Fluent files laid out as `[ui] locales_dir` (`<dir>/<lang>/*.ftl`),
    /// for this app's pages only.
    #[serde(default)]
    pub locales_dir: Option<PathBuf>,
    /// Colours for pages in light mode (every page whose browser does not ask for dark).
    #[serde(default)]
    pub light: Colours,
    /// Colours for `prefers-color-scheme: dark`.
    #[serde(default)]
    pub dark: Colours,
}

/// One colour scheme's colours, each `#rgb` or `#rrggbb`; unset ones keep the default theme's.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Colours {
    /// Buttons, links and the focus ring.
    #[serde(default)]
    pub primary: Option<String>,
    /// The page behind the card.
    #[serde(default)]
    pub background: Option<String>,
    /// The text.
    #[serde(default)]
    pub text: Option<String>,
}

impl Colours {
    pub fn palette(&self) -> crate::web::branding::Palette<'_> {
        crate::web::branding::Palette {
            primary: self.primary.as_deref(),
            background: self.background.as_deref(),
            text: self.text.as_deref(),
        }
    }
}

impl BrandingSettings {
    /// Every problem of this table, each naming its key under `key` (`apps[0].branding`).
    fn check(&self, key: &str, problems: &mut Vec<String>) {
        use crate::web::branding as b;
        match self.logo.as_deref() {
            None => {}
            Some(logo) if b::is_url(logo) => {
                if let Err(e) = b::check_logo_url(logo) {
                    problems.push(format!("{key}.logo: {e}"));
                }
            }
            Some(path) => {
                if let Err(e) = b::read_image(std::path::Path::new(path), false) {
                    problems.push(format!("{key}.logo: {e}"));
                }
            }
        }
        if let Some(path) = &self.favicon
            && let Err(e) = b::read_image(path, true)
        {
            problems.push(format!("{key}.favicon: {e}"));
        }
        if let Some(path) = &self.stylesheet
            && let Err(e) = b::read_stylesheet(path)
        {
            problems.push(format!("{key}.stylesheet: {e}"));
        }
        if let Some(dir) = &self.locales_dir
            && let Err(e) = crate::web::i18n::AppWords::load(dir)
        {
            problems.push(format!("{key}.locales_dir: {e}"));
        }
        for (scheme, colours) in [("light", &self.light), ("dark", &self.dark)] {
            if let Err(e) = b::check_palette(&colours.palette(), scheme) {
                problems.push(format!("{key}.{e}"));
            }
        }
        for (name, link) in [
            ("terms_url", &self.terms_url),
            ("privacy_url", &self.privacy_url),
        ] {
            if let Some(link) = link
                && let Err(e) = b::check_link(link)
            {
                problems.push(format!("{key}.{name}: {e}"));
            }
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenMode {
    #[default]
    Broker,
    Passthrough,
}

/// What a sign-in does when the identity pool fails (unreachable, refuses, throttles past the
/// retries) for an app with `aws_credentials`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AwsFailure {
    /// The sign-in ends on a page naming the identity pool; the app gets no code, no tokens.
    #[default]
    FailLogin,
    /// The sign-in succeeds; the token response has no credentials and says why in `aws_error`.
    Omit,
}

fn default_true() -> bool {
    true
}

impl AppSettings {
    /// The client secret from `client_secret_env` or `client_secret_file`; `None` for a public
    /// client. `Err` names the key at fault.
    pub fn client_secret(&self) -> Result<Option<Secret>, String> {
        read_secret(&self.client_secret_env, &self.client_secret_file)
    }
}

impl Settings {
    /// Every `[[apps]]` entry: ids, secrets, redirect and logout URIs, origins, providers, scopes.
    pub(super) fn check_apps(&self, problems: &mut Vec<String>) {
        let mut client_ids = HashSet::new();
        for (i, app) in self.apps.iter().enumerate() {
            let key = format!("apps[{i}]");
            if !is_token_safe(&app.client_id) {
                problems.push(format!(
                    "{key}.client_id: `{}` must be 1-64 characters of A-Z a-z 0-9 _ -",
                    app.client_id
                ));
            }
            if !client_ids.insert(app.client_id.as_str()) {
                problems.push(format!(
                    "{key}.client_id: `{}` is used twice",
                    app.client_id
                ));
            }
            match app.client_secret() {
                Ok(Some(secret)) if secret.expose().len() < 16 => problems.push(format!(
                    "{key}.client_secret: the secret is shorter than 16 characters"
                )),
                Ok(_) => {}
                Err(e) => problems.push(format!("{key}.{e}")),
            }
            if app.redirect_uris.is_empty() {
                problems.push(format!("{key}.redirect_uris: at least one is required"));
            }
            for (j, uri) in app.redirect_uris.iter().enumerate() {
                if let Err(e) = crate::redirect_uri::validate_registered(uri) {
                    problems.push(format!("{key}.redirect_uris[{j}]: {e}"));
                }
            }
            for (j, uri) in app.logout_uris.iter().enumerate() {
                if let Err(e) = crate::redirect_uri::validate_registered(uri) {
                    problems.push(format!("{key}.logout_uris[{j}]: {e}"));
                }
            }
            for (j, origin) in app.web_origins.iter().flatten().enumerate() {
                if let Err(e) = crate::web::cors::parse_origin(origin) {
                    problems.push(format!("{key}.web_origins[{j}]: {e}"));
                }
            }
            if app.providers.is_empty() {
                problems.push(format!("{key}.providers: at least one is required"));
            }
            for (j, id) in app.providers.iter().enumerate() {
                if !self.providers.iter().any(|p| &p.id == id) {
                    problems.push(format!("{key}.providers[{j}]: no provider has id `{id}`"));
                }
            }
            if app.token_mode == TokenMode::Passthrough {
                let all_cognito = app.providers.iter().all(|id| {
                    self.providers
                        .iter()
                        .any(|p| &p.id == id && p.own.hands_out_pool_tokens())
                });
                if !all_cognito {
                    problems.push(format!(
                        "{key}.token_mode: `passthrough` hands out a user pool's own tokens, so every provider of the app must be `kind = \"cognito\"`"
                    ));
                }
            }
            if app.scopes.is_empty() {
                problems.push(format!(
                    "{key}.scopes: at least one is required (e.g. `openid`)"
                ));
            }
            for (j, scope) in app.scopes.iter().enumerate() {
                if scope.is_empty() || scope.chars().any(|c| c.is_whitespace() || c == '"') {
                    problems.push(format!("{key}.scopes[{j}]: `{scope}` is not a scope token"));
                }
            }
            if let Some(branding) = &app.branding {
                branding.check(&format!("{key}.branding"), problems);
            }
        }

        self.validate_aws(problems);
    }
}
