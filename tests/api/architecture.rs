//! The shape of the code, checked: which module may use which (docs/architecture.md draws it).
//! Reads every `crate::…` path in `src/`, maps files and paths to units (top-level modules, with
//! the HTTP faces `oauth::endpoints` and `aws::endpoints` as units of their own), and fails on an
//! import from a lower layer into a higher one, on a circle between units, on axum types in the
//! protocol logic, and on a `match` over provider kinds outside `connectors/`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lowest first. A unit may use units of its own layer (without circles) and of lower layers.
const LAYERS: &[&[&str]] = &[
    // Ground floor: values and helpers that know nothing of the service.
    &[
        "identity",
        "pkce",
        "password",
        "security",
        "forms",
        "redirect_uri",
        "telemetry",
    ],
    // Settings, state, and HTTP plumbing (the browser session keeps its SSO record in the store).
    &["config", "store", "web"],
    // What the service is built from: providers, registered apps, signing keys.
    &["connectors", "apps", "keys"],
    // A session after the code, and the renewal rule; a pool user's own account at the pool.
    &["sessions", "account_pool"],
    // Identity-pool federation.
    &["aws"],
    // The authorization server's protocol logic.
    &["oauth"],
    // Everything a handler needs, built once.
    &["state"],
    // The login state machine.
    &["flow"],
    // The faces: HTTP handlers and pages.
    &[
        "hosted_ui",
        "account",
        "oauth::endpoints",
        "aws::endpoints",
        "cognito_api",
    ],
    // Wiring, and the command-line tools beside it.
    &["startup", "import"],
];

/// Files whose code is protocol logic: no axum (or tower-sessions) types.
const NO_HTTP: &[&str] = &[
    "src/flow/",
    "src/sessions.rs",
    "src/account_pool/",
    "src/connectors/",
    "src/oauth/grants.rs",
    "src/oauth/passthrough.rs",
    "src/oauth/authorize.rs",
    "src/oauth/tokens.rs",
    "src/aws/federation.rs",
    "src/aws/identity_pool.rs",
    "src/store/mod.rs",
    "src/store/records.rs",
    "src/store/sqlite.rs",
    "src/store/postgres.rs",
    "src/identity.rs",
    "src/pkce.rs",
    "src/redirect_uri.rs",
];

/// Imports that break the layering today, each with the move that removes it. The list may
/// only shrink: a new forbidden import fails, and so does an entry that is no longer needed.
const KNOWN: &[(&str, &str, &str)] = &[];

/// Files outside `connectors/` that still name provider kinds (the same ratchet): none since
/// each connector owns its settings (`connectors::settings`), their checks and its Logins.
const KNOWN_KIND_MATCHES: &[&str] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The unit a file belongs to, from its path under `src/`.
fn unit_of_file(relative: &str) -> Option<String> {
    let trimmed = relative.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts = trimmed.split('/');
    let top = parts.next()?;
    if matches!(top, "lib" | "main") {
        return None;
    }
    if matches!(top, "oauth" | "aws") && parts.next() == Some("endpoints") {
        return Some(format!("{top}::endpoints"));
    }
    Some(top.to_string())
}

/// The units a line refers to through `crate::` paths (comments skipped).
fn units_named(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let segment = |s: &str| -> String {
            s.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        };
        let top = segment(after);
        let mut unit = top.clone();
        if matches!(top.as_str(), "oauth" | "aws") {
            let next = after[top.len()..].trim_start_matches("::");
            if segment(next) == "endpoints" {
                unit = format!("{top}::endpoints");
            }
        }
        if !top.is_empty() {
            found.push(unit);
        }
        rest = &after[top.len()..];
    }
    found
}

fn layer_of(unit: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&unit))
        .unwrap_or_else(|| panic!("unit `{unit}` has no layer in tests/api/architecture.rs"))
}

struct Source {
    relative: String,
    text: String,
}

fn sources() -> Vec<Source> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    // A `tests.rs` is a module of unit tests (declared under `#[cfg(test)]`): tests reach anywhere.
    files.retain(|f| !f.ends_with("tests.rs"));
    files.sort();
    files
        .into_iter()
        .map(|path| Source {
            relative: path
                .strip_prefix(&root)
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/"),
            text: std::fs::read_to_string(&path).expect("read source"),
        })
        .collect()
}

/// Lines before the first `#[cfg(test)]`: tests may reach anywhere.
fn production_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .take_while(|l| !l.trim_start().starts_with("#[cfg(test)]"))
}

/// (from unit, to unit) → the files that make the edge.
fn edges() -> BTreeMap<(String, String), BTreeSet<String>> {
    let mut edges: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for source in sources() {
        let Some(from) = unit_of_file(&source.relative) else {
            continue;
        };
        for line in production_lines(&source.text) {
            for to in units_named(line) {
                if to != from {
                    edges
                        .entry((from.clone(), to))
                        .or_default()
                        .insert(source.relative.clone());
                }
            }
        }
    }
    edges
}

#[test]
fn no_unit_imports_from_a_layer_above_it() {
    let mut upward = BTreeSet::new();
    for ((from, to), files) in edges() {
        if layer_of(&to) > layer_of(&from) {
            upward.insert((from, to, files.into_iter().collect::<Vec<_>>().join(", ")));
        }
    }
    let known: BTreeSet<(String, String)> = KNOWN
        .iter()
        .map(|(from, to, _)| (from.to_string(), to.to_string()))
        .collect();
    let new: Vec<_> = upward
        .iter()
        .filter(|(from, to, _)| !known.contains(&(from.clone(), to.clone())))
        .collect();
    assert!(
        new.is_empty(),
        "imports from a lower layer into a higher one (see docs/architecture.md): {new:#?}"
    );
    let found: BTreeSet<(String, String)> = upward
        .iter()
        .map(|(from, to, _)| (from.clone(), to.clone()))
        .collect();
    let stale: Vec<_> = known.difference(&found).collect();
    assert!(
        stale.is_empty(),
        "these known exceptions are gone: remove them from KNOWN: {stale:?}"
    );
}

#[test]
fn no_circle_between_units() {
    let edges = edges();
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        graph.entry(from).or_default().insert(to);
    }
    // Depth-first search for a back edge; report the circle it closes.
    fn visit<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            let mut circle: Vec<String> = path[at..].iter().map(|s| s.to_string()).collect();
            circle.push(node.to_string());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node);
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(circle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("import circle: {}", circle.join(" → "));
        }
    }
}

#[test]
fn protocol_logic_uses_no_http_framework_types() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|s| NO_HTTP.iter().any(|prefix| s.relative.starts_with(prefix)))
        .filter(|s| {
            production_lines(&s.text).any(|line| {
                let code = line.split("//").next().unwrap_or("");
                code.contains("axum::") || code.contains("tower_sessions::")
            })
        })
        .map(|s| s.relative)
        .collect();
    assert!(
        offenders.is_empty(),
        "axum types in protocol logic: {offenders:?}"
    );
}

#[test]
fn only_connectors_match_on_provider_kinds() {
    let offenders: BTreeSet<String> = sources()
        .into_iter()
        .filter(|s| !s.relative.starts_with("src/connectors/"))
        .filter(|s| production_lines(&s.text).any(|l| l.contains("ProviderKind::")))
        .map(|s| s.relative)
        .collect();
    let known: BTreeSet<String> = KNOWN_KIND_MATCHES.iter().map(|s| s.to_string()).collect();
    let new: Vec<_> = offenders.difference(&known).collect();
    assert!(
        new.is_empty(),
        "provider kinds matched outside connectors/: {new:?}"
    );
    let stale: Vec<_> = known.difference(&offenders).collect();
    assert!(
        stale.is_empty(),
        "remove from KNOWN_KIND_MATCHES: {stale:?}"
    );
}

#[test]
fn the_checker_sees_paths_and_faces() {
    assert_eq!(
        units_named("use crate::oauth::endpoints::found; // crate::store"),
        vec!["oauth::endpoints"]
    );
    assert_eq!(
        units_named("let x = crate::aws::federation::seal(crate::store::X);"),
        vec!["aws", "store"]
    );
    assert_eq!(
        unit_of_file("src/aws/endpoints.rs").as_deref(),
        Some("aws::endpoints")
    );
    assert_eq!(unit_of_file("src/flow/finish.rs").as_deref(), Some("flow"));
    assert_eq!(unit_of_file("src/lib.rs"), None);
}
