//! [`AmplifyAuth`] → the text of an authgate config: the app, its user pool as a
//! `kind = "cognito"` provider, the identity pool, and the notes for a person to act on.

use super::AmplifyAuth;
use crate::import::toml_text::{string, strings};
use crate::redirect_uri;

/// The provider id given to the app's user pool.
const POOL_PROVIDER: &str = "userpool";

/// Cognito's scopes for an app client that allows them all, which is what Amplify gets when it
/// asks for none.
const COGNITO_SCOPES: &[&str] = &[
    "openid",
    "email",
    "phone",
    "profile",
    "aws.cognito.signin.user.admin",
];

/// The auth flows a `kind = "cognito"` provider drives.
const AUTH_FLOWS: &[&str] = &[
    "USER_SRP_AUTH",
    "USER_PASSWORD_AUTH",
    "CUSTOM_AUTH",
    "USER_AUTH",
];

/// A registered redirect URI the user must replace, when the file names none authgate takes.
const PLACEHOLDER_REDIRECT: &str = "myapp://callback";

pub fn render(auth: &AmplifyAuth, issuer: &str) -> String {
    let mut notes = auth.notes.clone();
    let app = app_lines(auth, &mut notes);
    let provider = provider_lines(auth, &mut notes);
    let identity_pool = identity_pool_lines(auth, &mut notes);

    let mut out = header(auth, issuer, &notes);
    out.push_str(&format!(
        "listen = \"127.0.0.1:8080\"\nissuer = {}\ndata_dir = \"./data\"\n",
        string(issuer)
    ));
    for section in [identity_pool, app, provider] {
        out.push('\n');
        out.push_str(&section);
    }
    out
}

fn header(auth: &AmplifyAuth, issuer: &str, notes: &[String]) -> String {
    let host = issuer
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let domain = auth
        .oauth
        .as_ref()
        .and_then(|o| o.domain.as_deref())
        .unwrap_or("the Cognito domain");
    let mut out = format!(
        "# authgate config imported from {} by `authgate import amplify`.\n\
         # Review it before use: every key is in docs/configuration.md.\n\
         #\n\
         # In the app, change two values and nothing else (README, \"Amplify and AWSMobileClient apps\"):\n\
         #   - the hosted-UI domain, {domain} → {host}\n\
         #   - the user-pool endpoint → {issuer} (userPoolEndpoint; Endpoint in awsconfiguration.json)\n",
        auth.format.describe(),
    );
    if !notes.is_empty() {
        out.push_str("#\n# Not carried over, or to check:\n");
        for note in notes {
            out.push_str(&format!("#   - {}\n", note.replace('\n', " ")));
        }
    }
    out.push('\n');
    out
}

fn app_lines(auth: &AmplifyAuth, notes: &mut Vec<String>) -> String {
    let oauth = auth.oauth.clone().unwrap_or_default();
    if auth.oauth.is_none() {
        notes.push(
            "the file has no hosted-UI (OAuth) section: the app signs in with signIn() inside \
             the app, which authgate does not serve. Its pages need signInWithRedirect()."
                .into(),
        );
    }
    let mut redirect_uris = registrable(&oauth.redirect_sign_in, "sign-in", notes);
    if redirect_uris.is_empty() {
        notes.push(format!(
            "no sign-in redirect URI authgate can register: `{PLACEHOLDER_REDIRECT}` stands in \
             for the app's own; replace it."
        ));
        redirect_uris.push(PLACEHOLDER_REDIRECT.to_string());
    }
    let logout_uris = registrable(&oauth.redirect_sign_out, "sign-out", notes);
    let scopes = if oauth.scopes.is_empty() {
        notes.push(
            "the file lists no scopes: the app gets Cognito's full set (openid, email, phone, \
             profile, aws.cognito.signin.user.admin)."
                .into(),
        );
        COGNITO_SCOPES.iter().map(|s| s.to_string()).collect()
    } else {
        oauth.scopes.clone()
    };
    if !scopes.iter().any(|s| s == "aws.cognito.signin.user.admin") {
        notes.push(
            "the scopes lack aws.cognito.signin.user.admin: fetchUserAttributes() and \
             signOut({ global: true }) need it at the user-pool endpoint."
                .into(),
        );
    }
    if let Some(kind) = oauth.response_type.as_deref().filter(|t| *t != "code") {
        notes.push(format!(
            "responseType `{kind}`: authgate serves the code flow only (PKCE, with a refresh \
             token); set the app's responseType to `code`."
        ));
    }
    for idp in &oauth.identity_providers {
        notes.push(identity_provider_note(idp));
    }

    let mut out = format!(
        "[[apps]]\n\
         client_id = {}  # the client id the app already sends\n\
         name = \"Amplify app\"\n\
         redirect_uris = {}\n",
        string(&auth.app_client_id),
        strings(&redirect_uris),
    );
    if !logout_uris.is_empty() {
        out.push_str(&format!("logout_uris = {}\n", strings(&logout_uris)));
    }
    out.push_str(&format!(
        "providers = [{}]\nscopes = {}\n\
         # APIs that check the pool's own tokens (API Gateway, AppSync Cognito authorizers) want\n\
         # them passed through instead of authgate's:\n\
         # token_mode = \"passthrough\"\n",
        string(POOL_PROVIDER),
        strings(&scopes),
    ));
    if auth.identity_pool_id.is_some() {
        out.push_str(
            "aws_credentials = true  # credentials in the token response and at /aws/credentials\n",
        );
        if auth.allow_guest == Some(true) {
            out.push_str("allow_guest = true\n");
        }
    }
    out
}

/// The URIs authgate can register, with a note for each it cannot.
fn registrable(uris: &[String], which: &str, notes: &mut Vec<String>) -> Vec<String> {
    let mut kept = Vec::new();
    for uri in uris {
        match redirect_uri::validate_registered(uri) {
            Ok(()) if !kept.contains(uri) => kept.push(uri.clone()),
            Ok(()) => {}
            Err(why) => notes.push(format!("{which} redirect URI left out: {why}")),
        }
    }
    kept
}

fn identity_provider_note(idp: &str) -> String {
    let add = "and list it in the app's providers (a passthrough app takes only the pool)";
    let what = match idp.to_ascii_uppercase().as_str() {
        "GOOGLE" => format!("add it as kind = \"oidc\" (config/examples/google.toml) {add}"),
        "FACEBOOK" => {
            format!("add it as kind = \"facebook\" (config/examples/facebook.toml) {add}")
        }
        "AMAZON" | "LOGIN_WITH_AMAZON" | "LOGINWITHAMAZON" => {
            format!("add it as kind = \"amazon\" (config/examples/amazon.toml) {add}")
        }
        "APPLE" | "SIGN_IN_WITH_APPLE" | "SIGNINWITHAPPLE" => {
            format!("add it as kind = \"apple\" (config/examples/apple.toml) {add}")
        }
        _ => format!(
            "if it is an OpenID provider, add it as kind = \"oidc\" (config/examples/auth0.toml) \
             {add}; if it is a SAML IdP, as kind = \"saml\" with cognito_acs = true \
             (config/examples/saml.toml, the `saml` build)"
        ),
    };
    format!(
        "identity provider `{idp}`: the pool federates it with a secret kept in the Cognito \
         console; {what}."
    )
}

fn provider_lines(auth: &AmplifyAuth, notes: &mut Vec<String>) -> String {
    let mut out = format!(
        "[[providers]]\n\
         id = {}\n\
         kind = \"cognito\"  # the pool, on authgate's own pages, through its API\n\
         name = \"your account\"\n\
         region = {}\n\
         user_pool_id = {}\n\
         client_id = {}  # allow it ALLOW_USER_SRP_AUTH and ALLOW_REFRESH_TOKEN_AUTH\n",
        string(POOL_PROVIDER),
        string(&auth.region),
        string(&auth.user_pool_id),
        string(&auth.pool_client_id),
    );
    match auth.auth_flow.as_deref() {
        Some(flow) if AUTH_FLOWS.contains(&flow) => {
            out.push_str(&format!("auth_flow = {}\n", string(flow)));
        }
        Some(flow) => notes.push(format!(
            "authentication flow `{flow}`: authgate's pages drive USER_SRP_AUTH (used instead), \
             USER_PASSWORD_AUTH, CUSTOM_AUTH or USER_AUTH."
        )),
        None => {}
    }
    let attributes: Vec<String> = auth
        .sign_up_attributes
        .iter()
        .filter(|a| valid_attribute(a))
        .cloned()
        .collect();
    if !attributes.is_empty() {
        out.push_str(&format!("sign_up_attributes = {}\n", strings(&attributes)));
    }
    out
}

/// A Cognito attribute name: a standard one, or `custom:…`.
fn valid_attribute(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '-'))
}

fn identity_pool_lines(auth: &AmplifyAuth, notes: &mut Vec<String>) -> String {
    let Some(id) = &auth.identity_pool_id else {
        return String::new();
    };
    if auth.allow_guest.is_none() {
        notes.push(
            "the file does not say whether the identity pool allows guests: if it does, set \
             allow_guest = true under [aws.identity_pool] and on the app."
                .into(),
        );
    }
    let mut out = format!(
        "# The pool's users are federated with the pool's own ID token (the identity pool already\n\
         # trusts it). Amplify's own fetchAuthSession() exchange needs the identity pool to trust\n\
         # authgate instead; the app can take credentials from authgate (README, AWS credentials).\n\
         [aws.identity_pool]\n\
         id = {}\n",
        string(id)
    );
    if auth.allow_guest == Some(true) {
        out.push_str("allow_guest = true\n");
    }
    out
}
