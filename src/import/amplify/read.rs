//! Recognising and reading the four Amplify / AWSMobileClient files into [`AmplifyAuth`]; every
//! error names the field as the file spells it.

use super::{AmplifyAuth, HostedUi, ImportError};
use serde_json::{Map, Value};

/// Which file the text was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Gen 2 `amplify_outputs.json`.
    Gen2Outputs,
    /// Gen 1 `aws-exports.js`, or the web `amplifyconfiguration.json` holding the same object.
    Gen1Exports,
    /// Gen 1 mobile `amplifyconfiguration.json` (the `awsCognitoAuthPlugin` object).
    Gen1Mobile,
    /// AWSMobileClient `awsconfiguration.json`.
    AwsConfiguration,
}

impl Format {
    pub fn describe(self) -> &'static str {
        match self {
            Format::Gen2Outputs => "Amplify Gen 2 amplify_outputs.json",
            Format::Gen1Exports => "Amplify Gen 1 aws-exports.js / amplifyconfiguration.json (web)",
            Format::Gen1Mobile => "Amplify Gen 1 amplifyconfiguration.json (Android, iOS, Flutter)",
            Format::AwsConfiguration => "AWSMobileClient awsconfiguration.json",
        }
    }
}

/// The larger of these files is a few KiB; anything past this is not one of them.
const MAX_TEXT: usize = 1024 * 1024;

pub fn read(text: &str) -> Result<AmplifyAuth, ImportError> {
    if text.len() > MAX_TEXT {
        return Err(ImportError(format!(
            "the file is {} bytes: an Amplify configuration is a few KiB",
            text.len()
        )));
    }
    let root = parse(text)?;
    let root = Obj::root(&root)?;
    if let Some(auth) = root.obj("auth")? {
        if auth.has("user_pool_id") {
            return gen2(&auth);
        }
        if let Some(plugin) = auth
            .obj("plugins")?
            .map(|plugins| plugins.obj("awsCognitoAuthPlugin"))
            .transpose()?
            .flatten()
        {
            return mobile(&plugin, Format::Gen1Mobile);
        }
    }
    if root.has("aws_user_pools_id") || root.has("aws_cognito_identity_pool_id") {
        return gen1(&root);
    }
    if root.has("CognitoUserPool") || root.has("Auth") {
        return mobile(&root, Format::AwsConfiguration);
    }
    Err(ImportError(
        "not an Amplify or AWSMobileClient configuration: found none of `auth.user_pool_id` \
         (amplify_outputs.json), `auth.plugins.awsCognitoAuthPlugin` or `aws_user_pools_id` \
         (amplifyconfiguration.json, aws-exports.js), `CognitoUserPool` (awsconfiguration.json)"
            .into(),
    ))
}

/// JSON, or the JavaScript module the Amplify CLI writes around a JSON object
/// (`const awsmobile = {…}; export default awsmobile;`).
fn parse(text: &str) -> Result<Value, ImportError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.starts_with(['{', '[']) {
        return serde_json::from_str(trimmed)
            .map_err(|e| ImportError(format!("the file is not valid JSON: {e}")));
    }
    let (Some(open), Some(close)) = (trimmed.find('{'), trimmed.rfind('}')) else {
        return Err(ImportError(
            "the file is neither JSON nor a JavaScript module holding an object".into(),
        ));
    };
    serde_json::from_str(&trimmed[open..=close]).map_err(|e| {
        ImportError(format!(
            "the object in this JavaScript file is not JSON as the Amplify CLI writes it \
             (quoted keys, no comments, no trailing commas, no variables): {e}"
        ))
    })
}

/// A JSON object and where it sits in the file, for errors that name the field.
struct Obj<'a> {
    path: String,
    map: &'a Map<String, Value>,
}

impl<'a> Obj<'a> {
    fn root(value: &'a Value) -> Result<Self, ImportError> {
        match value {
            Value::Object(map) => Ok(Self {
                path: String::new(),
                map,
            }),
            _ => Err(ImportError("the file's top level is not an object".into())),
        }
    }

    fn field(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    fn obj(&self, key: &str) -> Result<Option<Obj<'a>>, ImportError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Obj {
                path: self.field(key),
                map,
            })),
            Some(_) => Err(ImportError(format!(
                "`{}`: expected an object",
                self.field(key)
            ))),
        }
    }

    /// A string; an empty one counts as absent (the CLI writes `""` for what is not set).
    fn str(&self, key: &str) -> Result<Option<String>, ImportError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(_) => Err(ImportError(format!(
                "`{}`: expected a string",
                self.field(key)
            ))),
        }
    }

    fn required(&self, key: &str) -> Result<String, ImportError> {
        self.str(key)?.ok_or_else(|| {
            ImportError(format!(
                "`{}` is missing: authgate serves the app from the user pool it names",
                self.field(key)
            ))
        })
    }

    fn bool(&self, key: &str) -> Result<Option<bool>, ImportError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(ImportError(format!(
                "`{}`: expected true or false",
                self.field(key)
            ))),
        }
    }

    /// A list of strings; Gen 1 also writes a single string, comma-separated for several
    /// (`"redirectSignIn": "http://localhost:3000/,https://app.example.com/"`).
    fn list(&self, key: &str) -> Result<Vec<String>, ImportError> {
        let wrong = || ImportError(format!("`{}`: expected a list of strings", self.field(key)));
        let items: Vec<String> = match self.map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => s.split(',').map(str::to_string).collect(),
            Some(Value::Array(values)) => values
                .iter()
                .map(|v| v.as_str().map(str::to_string).ok_or_else(wrong))
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(wrong()),
        };
        Ok(items
            .into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect())
    }

    /// `obj.Default`, AWSMobileClient's name for the one configuration of a kind.
    fn default_of(&self, key: &str) -> Result<Option<Obj<'a>>, ImportError> {
        match self.obj(key)? {
            Some(kind) => kind.obj("Default"),
            None => Ok(None),
        }
    }
}

/// The region a pool id starts with (`us-east-1_AbC` → `us-east-1`), which Cognito guarantees.
fn region_of(pool_id: &str, field: &str) -> Result<String, ImportError> {
    match pool_id.split_once(['_', ':']) {
        Some((region, rest)) if !region.is_empty() && !rest.is_empty() => Ok(region.to_string()),
        _ => Err(ImportError(format!(
            "`{field}`: `{pool_id}` is not a Cognito pool id (region_id)"
        ))),
    }
}

/// Cognito spells attributes in lower case (`phone_number`); Gen 1 writes them in upper case.
fn attribute_names(names: Vec<String>) -> Vec<String> {
    names.into_iter().map(|n| n.to_ascii_lowercase()).collect()
}

fn gen2(auth: &Obj) -> Result<AmplifyAuth, ImportError> {
    let user_pool_id = auth.required("user_pool_id")?;
    let client_id = auth.required("user_pool_client_id")?;
    let region = match auth.str("aws_region")? {
        Some(region) => region,
        None => region_of(&user_pool_id, &auth.field("user_pool_id"))?,
    };
    let mut notes = Vec::new();
    pool_enforced(
        auth,
        &["password_policy", "mfa_configuration", "mfa_methods"],
        &mut notes,
    );
    let oauth = match auth.obj("oauth")? {
        Some(oauth) => Some(HostedUi {
            domain: oauth.str("domain")?,
            redirect_sign_in: oauth.list("redirect_sign_in_uri")?,
            redirect_sign_out: oauth.list("redirect_sign_out_uri")?,
            scopes: oauth.list("scopes")?,
            identity_providers: oauth.list("identity_providers")?,
            response_type: oauth.str("response_type")?,
        }),
        None => None,
    };
    Ok(AmplifyAuth {
        format: Format::Gen2Outputs,
        user_pool_id,
        region,
        pool_client_id: client_id.clone(),
        app_client_id: client_id,
        auth_flow: auth.str("authentication_flow_type")?,
        sign_up_attributes: attribute_names(auth.list("standard_required_attributes")?),
        identity_pool_id: auth.str("identity_pool_id")?,
        allow_guest: auth.bool("unauthenticated_identities_enabled")?,
        oauth,
        notes,
    })
}

fn gen1(root: &Obj) -> Result<AmplifyAuth, ImportError> {
    let user_pool_id = root.required("aws_user_pools_id")?;
    let client_id = root.required("aws_user_pools_web_client_id")?;
    let region = match root.str("aws_cognito_region")? {
        Some(region) => region,
        None => region_of(&user_pool_id, "aws_user_pools_id")?,
    };
    let mut notes = Vec::new();
    pool_enforced(
        root,
        &[
            "aws_cognito_password_protection_settings",
            "aws_cognito_mfa_configuration",
            "aws_cognito_mfa_types",
        ],
        &mut notes,
    );
    let oauth = match root.obj("oauth")? {
        Some(oauth) => Some(HostedUi {
            domain: oauth.str("domain")?,
            redirect_sign_in: oauth.list("redirectSignIn")?,
            redirect_sign_out: oauth.list("redirectSignOut")?,
            scopes: oauth.list("scope")?,
            identity_providers: root.list("aws_cognito_social_providers")?,
            response_type: oauth.str("responseType")?,
        }),
        None => None,
    };
    Ok(AmplifyAuth {
        format: Format::Gen1Exports,
        user_pool_id,
        region,
        pool_client_id: client_id.clone(),
        app_client_id: client_id,
        auth_flow: root.str("authenticationFlowType")?,
        sign_up_attributes: attribute_names(root.list("aws_cognito_signup_attributes")?),
        identity_pool_id: root.str("aws_cognito_identity_pool_id")?,
        allow_guest: None,
        oauth,
        notes,
    })
}

/// AWSMobileClient's shape, alone (`awsconfiguration.json`) or as Gen 1's mobile plugin.
fn mobile(root: &Obj, format: Format) -> Result<AmplifyAuth, ImportError> {
    let pool = root.default_of("CognitoUserPool")?.ok_or_else(|| {
        ImportError(format!(
            "`{}` is missing: authgate serves the app from the user pool it names",
            root.field("CognitoUserPool.Default")
        ))
    })?;
    let user_pool_id = pool.required("PoolId")?;
    let pool_client_id = pool.required("AppClientId")?;
    let region = match pool.str("Region")? {
        Some(region) => region,
        None => region_of(&user_pool_id, &pool.field("PoolId"))?,
    };
    let mut notes = Vec::new();
    if pool.str("AppClientSecret")?.is_some() {
        notes.push(format!(
            "`{}`: the secret was not copied. Put it in an environment variable and name it with \
             the pool provider's client_secret_env.",
            pool.field("AppClientSecret")
        ));
    }
    if pool.str("Endpoint")?.is_some() {
        notes.push(format!(
            "`{}`: a custom user-pool endpoint is not carried over; it must name authgate's host \
             once the app is moved.",
            pool.field("Endpoint")
        ));
    }
    let identity_pool = root
        .obj("CredentialsProvider")?
        .map(|c| c.default_of("CognitoIdentity"))
        .transpose()?
        .flatten();
    let identity_pool_id = match &identity_pool {
        Some(identity) => identity.str("PoolId")?,
        None => None,
    };
    let auth = root.default_of("Auth")?;
    let (mut app_client_id, mut oauth, mut auth_flow, mut sign_up_attributes) =
        (pool_client_id.clone(), None, None, Vec::new());
    if let Some(auth) = &auth {
        auth_flow = auth.str("authenticationFlowType")?;
        sign_up_attributes = attribute_names(auth.list("signupAttributes")?);
        pool_enforced(
            auth,
            &["passwordProtectionSettings", "mfaConfiguration", "mfaTypes"],
            &mut notes,
        );
        if let Some(o) = auth.obj("OAuth")? {
            if o.has("TokenURI") {
                notes.push(format!(
                    "`{}`: the app signs in at an OAuth server that is not Cognito's hosted UI \
                     (generic OAuth mode). Add that server as a kind = \"oidc\" provider and list \
                     it in the app's providers.",
                    o.field("TokenURI")
                ));
            }
            if o.str("AppClientSecret")?.is_some() {
                notes.push(format!(
                    "`{}`: the secret was not copied. A mobile app cannot keep a secret; \
                     authgate registers it as a public client (PKCE).",
                    o.field("AppClientSecret")
                ));
            }
            if let Some(id) = o.str("AppClientId")? {
                app_client_id = id;
            }
            oauth = Some(HostedUi {
                domain: o.str("WebDomain")?,
                redirect_sign_in: o.list("SignInRedirectURI")?,
                redirect_sign_out: o.list("SignOutRedirectURI")?,
                scopes: o.list("Scopes")?,
                identity_providers: auth.list("socialProviders")?,
                response_type: None,
            });
        }
    }
    Ok(AmplifyAuth {
        format,
        user_pool_id,
        region,
        pool_client_id,
        app_client_id,
        auth_flow,
        sign_up_attributes,
        identity_pool_id,
        allow_guest: None,
        oauth,
        notes,
    })
}

/// Settings the user pool enforces by itself: nothing to carry, but say so rather than drop
/// them silently.
fn pool_enforced(obj: &Obj, keys: &[&str], notes: &mut Vec<String>) {
    let present: Vec<String> = keys
        .iter()
        .filter(|key| obj.has(key))
        .map(|key| format!("`{}`", obj.field(key)))
        .collect();
    if !present.is_empty() {
        notes.push(format!(
            "{}: enforced by the user pool itself; authgate's pages show the pool's own rules \
             and challenges, so there is nothing to configure.",
            present.join(", ")
        ));
    }
}
