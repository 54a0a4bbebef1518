//! The pages' words in every language: Fluent catalogues (`locales/<lang>/main.ftl`), compiled
//! into the binary, and the lookup templates and [`crate::web::messages::Msg`] go through.
//!
//! Crates: `fluent-bundle` (Project Fluent's reference implementation, projectfluent/fluent-rs,
//! Apache-2.0/MIT) and `unic-langid` (its language tags). Not `fluent-templates`: its loader
//! brings a directory walker and a proc macro for what `include_str!` does here in a few lines,
//! and its negotiation cannot express authgate's order (`lang`, cookie, `ui_locales`,
//! `Accept-Language`, see [`crate::web::language`]).
//!
//! A language is offered only when its catalogue parses and has every id English has: a page
//! is never half in one language and half in another ([`enabled`]; the unit tests hold every
//! shipped catalogue to it, so a missing id fails the build's tests rather than hiding a
//! language at run time).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{LazyLock, OnceLock};
use unic_langid::LanguageIdentifier;

/// One language the pages may be shown in.
#[derive(Debug, PartialEq, Eq)]
pub struct Language {
    /// The tag used in `lang`, the cookie and `<html lang>`.
    pub code: &'static str,
    /// `ltr` or `rtl`, for `<html dir>`.
    pub dir: &'static str,
    /// Its name in itself, for the language picker.
    pub name: &'static str,
    source: &'static str,
}

macro_rules! language {
    ($code:literal, $dir:literal, $name:literal) => {
        Language {
            code: $code,
            dir: $dir,
            name: $name,
            source: include_str!(concat!("../../locales/", $code, "/main.ftl")),
        }
    };
}

/// Every catalogue shipped, English first (the reference and the fallback), then by code: the
/// picker's order.
pub static LANGUAGES: &[Language] = &[
    language!("en", "ltr", "English"),
    language!("ar", "rtl", "العربية"),
    language!("de", "ltr", "Deutsch"),
    language!("es", "ltr", "Español"),
    language!("fr", "ltr", "Français"),
    language!("id", "ltr", "Bahasa Indonesia"),
    language!("it", "ltr", "Italiano"),
    language!("ja", "ltr", "日本語"),
    language!("ko", "ltr", "한국어"),
    language!("nl", "ltr", "Nederlands"),
    language!("pl", "ltr", "Polski"),
    language!("pt-BR", "ltr", "Português (Brasil)"),
    language!("sv", "ltr", "Svenska"),
    language!("tr", "ltr", "Türkçe"),
    language!("zh-CN", "ltr", "简体中文"),
    language!("zh-TW", "ltr", "繁體中文"),
];

pub const ENGLISH: &Language = &LANGUAGES[0];

struct Catalogue {
    language: &'static Language,
    bundle: FluentBundle<FluentResource>,
    ids: BTreeSet<String>,
}

/// Parses a catalogue; `Err` with what is wrong in it.
fn parse(language: &'static Language) -> Result<Catalogue, String> {
    let resource = FluentResource::try_new(language.source.to_string())
        .map_err(|(_, errors)| format!("{}: {errors:?}", language.code))?;
    let ids = resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    let tag: LanguageIdentifier = language
        .code
        .parse()
        .map_err(|e| format!("{}: {e}", language.code))?;
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // No Unicode isolation marks around arguments: they would end up in `<title>` and in
    // every test's expected English, and the arguments here are names, not sentences.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|errors| format!("{}: {errors:?}", language.code))?;
    Ok(Catalogue {
        language,
        bundle,
        ids,
    })
}

/// The catalogues offered: English, and every language complete against it.
static CATALOGUES: LazyLock<Vec<Catalogue>> = LazyLock::new(|| {
    let mut catalogues: Vec<Catalogue> = Vec::new();
    for language in LANGUAGES {
        match parse(language) {
            Ok(catalogue) => {
                let missing = catalogues
                    .first()
                    .map(|english| english.ids.difference(&catalogue.ids).count())
                    .unwrap_or(0);
                if missing == 0 {
                    catalogues.push(catalogue);
                } else {
                    tracing::warn!(
                        lang = language.code,
                        missing,
                        "incomplete catalogue not offered"
                    );
                }
            }
            Err(error) => tracing::error!(%error, "catalogue does not parse: not offered"),
        }
    }
    catalogues
});

/// The shipped catalogues with the operator's overrides (`[ui] locales_dir`), once loaded.
static OVERRIDDEN: OnceLock<Vec<Catalogue>> = OnceLock::new();

/// The catalogues pages are said from.
fn catalogues() -> &'static [Catalogue] {
    OVERRIDDEN.get().unwrap_or_else(|| &CATALOGUES)
}

/// Every variable a pattern refers to, in placeables and selectors.
fn variables(pattern: &Pattern<&str>, found: &mut BTreeSet<String>) {
    fn inline(e: &InlineExpression<&str>, found: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                found.insert(id.name.to_string());
            }
            InlineExpression::Placeable { expression } => expression_vars(expression, found),
            _ => {}
        }
    }
    fn expression_vars(e: &Expression<&str>, found: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(e) => inline(e, found),
            Expression::Select { selector, variants } => {
                inline(selector, found);
                for v in variants {
                    variables(&v.value, found);
                }
            }
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, found);
        }
    }
}

/// id → the variables its message uses, for a parsed catalogue.
fn message_variables<'a>(
    entries: impl Iterator<Item = &'a Entry<&'a str>>,
) -> BTreeMap<String, BTreeSet<String>> {
    entries
        .filter_map(|entry| match entry {
            Entry::Message(m) => {
                let mut found = BTreeSet::new();
                if let Some(value) = &m.value {
                    variables(value, &mut found);
                }
                Some((m.id.name.to_string(), found))
            }
            _ => None,
        })
        .collect()
}

/// Reads the operator's catalogues under `dir` (`<dir>/<lang>/*.ftl`, `<lang>` an offered
/// language) over the shipped ones, for every page from now on. `Err` says what is wrong and
/// where: a directory that is no offered language, a file that does not parse, a message that
/// uses a variable authgate does not pass to it. Messages English lacks are added (for the
/// operator's own use); nothing is loaded unless everything is right. Once per process.
pub fn load_overrides(dir: &Path) -> Result<(), String> {
    let catalogues = overridden(dir)?;
    OVERRIDDEN
        .set(catalogues)
        .map_err(|_| "override catalogues are already loaded in this process".to_string())
}

fn overridden(dir: &Path) -> Result<Vec<Catalogue>, String> {
    overridden_with_ids(dir).map(|(catalogues, _)| catalogues)
}

/// Which ids a directory of overrides gives each language (by code).
type OverriddenIds = BTreeMap<&'static str, BTreeSet<String>>;

/// [`overridden`], and which ids the directory's files give each language.
fn overridden_with_ids(dir: &Path) -> Result<(Vec<Catalogue>, OverriddenIds), String> {
    let english_source = FluentResource::try_new(ENGLISH.source.to_string())
        .map_err(|_| "the shipped English catalogue does not parse".to_string())?;
    let english = message_variables(english_source.entries());
    let mut by_language: BTreeMap<&'static str, Vec<FluentResource>> = BTreeMap::new();
    let mut given = OverriddenIds::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if !path.is_dir() {
            continue;
        }
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let Some(language) = find(&name) else {
            let offered: Vec<_> = enabled().map(|l| l.code).collect();
            return Err(format!(
                "{}: `{name}` is not a language authgate offers ({})",
                path.display(),
                offered.join(", ")
            ));
        };
        let files =
            std::fs::read_dir(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut files: Vec<_> = files
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for file in files {
            let source = std::fs::read_to_string(&file)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let resource = FluentResource::try_new(source).map_err(|(_, errors)| {
                let first = errors.first().map(|e| format!("{e}")).unwrap_or_default();
                format!("{}: does not parse: {first}", file.display())
            })?;
            for (id, used) in message_variables(resource.entries()) {
                let Some(passed) = english.get(&id) else {
                    continue;
                };
                if let Some(unknown) = used.difference(passed).next() {
                    let passed: Vec<_> = passed.iter().map(|v| format!("${v}")).collect();
                    return Err(format!(
                        "{}: `{id}` uses ${unknown}, which authgate does not pass to it \
                         (it passes: {})",
                        file.display(),
                        if passed.is_empty() {
                            "nothing".to_string()
                        } else {
                            passed.join(", ")
                        }
                    ));
                }
            }
            given
                .entry(language.code)
                .or_default()
                .extend(message_variables(resource.entries()).into_keys());
            by_language.entry(language.code).or_default().push(resource);
        }
    }
    let mut catalogues = Vec::new();
    for shipped in CATALOGUES.iter() {
        let mut catalogue = parse(shipped.language)?;
        for resource in by_language
            .remove(shipped.language.code)
            .unwrap_or_default()
        {
            catalogue
                .ids
                .extend(message_variables(resource.entries()).into_keys());
            catalogue.bundle.add_resource_overriding(resource);
        }
        catalogues.push(catalogue);
    }
    Ok((catalogues, given))
}

/// One app's own words (`[apps.branding] locales_dir`, laid out and checked as `[ui]
/// locales_dir`): its pages say these messages, and everything else as every other page does.
pub struct AppWords {
    catalogues: Vec<Catalogue>,
    given: OverriddenIds,
}

impl std::fmt::Debug for AppWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppWords")
            .field("given", &self.given)
            .finish_non_exhaustive()
    }
}

/// The same words, loaded once: equal only to themselves.
impl PartialEq for AppWords {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for AppWords {}

impl AppWords {
    /// Reads an app's directory of overrides; `Err` as [`load_overrides`] says.
    pub fn load(dir: &Path) -> Result<Self, String> {
        let (catalogues, given) = overridden_with_ids(dir)?;
        Ok(Self { catalogues, given })
    }

    /// The words for `id` in `lang`: the app's own when it gave that message in that language,
    /// else [`text`]'s.
    pub fn text(&self, lang: &str, id: &str, args: &Args<'_>) -> String {
        if self.given.get(lang).is_some_and(|ids| ids.contains(id)) {
            text_in(&self.catalogues, lang, id, args)
        } else {
            text(lang, id, args)
        }
    }
}

/// The languages offered, English first.
pub fn enabled() -> impl Iterator<Item = &'static Language> {
    catalogues().iter().map(|c| c.language)
}

/// The offered language with exactly this code.
pub fn find(code: &str) -> Option<&'static Language> {
    enabled().find(|l| l.code == code)
}

/// Arguments to a message, by name.
pub type Args<'a> = [(&'a str, FluentValue<'a>)];

/// The words for `id` in `lang` (English if `lang` is not offered), with `args`. An id missing
/// everywhere is a bug the tests catch; it shows as itself rather than failing the page.
pub fn text(lang: &str, id: &str, args: &Args<'_>) -> String {
    text_in(catalogues(), lang, id, args)
}

fn text_in(catalogues: &[Catalogue], lang: &str, id: &str, args: &Args<'_>) -> String {
    let catalogue = catalogues
        .iter()
        .find(|c| c.language.code == lang)
        .or_else(|| catalogues.first());
    let Some(catalogue) = catalogue else {
        return id.to_string();
    };
    let Some(pattern) = catalogue.bundle.get_message(id).and_then(|m| m.value()) else {
        tracing::error!(lang, id, "message missing from catalogue");
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let words = catalogue
        .bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        tracing::error!(lang, id, ?errors, "message did not format");
    }
    words.into_owned()
}

/// The id (starting `prefix`) whose English is `sentence`: to say in the page's language a
/// sentence a lower layer produced in English (see [`crate::web::messages::Msg`]).
pub fn english_id(prefix: &str, sentence: &str) -> Option<&'static str> {
    let english = catalogues().first()?;
    english
        .ids
        .iter()
        .filter(|id| id.starts_with(prefix))
        .find(|id| text(ENGLISH.code, id, &[]) == sentence)
        .map(String::as_str)
}

/// Filters for templates: `{{ "id"|t }}`, `{{ "id"|t1("name", value) }}`,
/// `{{ "id"|t2("a", a, "b", b) }}`, in the page's language (the runtime value `page_context`
/// that [`crate::web::page::render`] passes). Their output is escaped like any other value.
pub mod filters {
    use crate::web::page::PageContext;
    use fluent_bundle::FluentValue;

    /// The words for `id` on the page being rendered: in its language, and the app's own
    /// words when its branding has some.
    fn say(values: &dyn askama::Values, id: &str, args: &super::Args<'_>) -> String {
        match askama::get_value::<PageContext>(values, "page_context") {
            Ok(page) => page.say(id, args),
            Err(_) => super::text(super::ENGLISH.code, id, args),
        }
    }

    #[askama::filter_fn]
    pub fn t(id: &str, values: &dyn askama::Values) -> askama::Result<String> {
        Ok(say(values, id, &[]))
    }

    #[askama::filter_fn]
    pub fn t1<V: std::fmt::Display>(
        id: &str,
        values: &dyn askama::Values,
        name: &str,
        value: V,
    ) -> askama::Result<String> {
        let value = value.to_string();
        Ok(say(
            values,
            id,
            &[(name, FluentValue::from(value.as_str()))],
        ))
    }

    #[askama::filter_fn]
    pub fn t2<A: std::fmt::Display, B: std::fmt::Display>(
        id: &str,
        values: &dyn askama::Values,
        name_a: &str,
        a: A,
        name_b: &str,
        b: B,
    ) -> askama::Result<String> {
        let (a, b) = (a.to_string(), b.to_string());
        Ok(say(
            values,
            id,
            &[
                (name_a, FluentValue::from(a.as_str())),
                (name_b, FluentValue::from(b.as_str())),
            ],
        ))
    }
}

#[cfg(test)]
mod tests {
    //! The catalogues against English and against the templates. A failure here means a page
    //! would mix languages, or show an id instead of words.

    use super::*;

    /// id → the variables its message uses, for one shipped catalogue (which must parse).
    fn messages(language: &Language) -> BTreeMap<String, BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(language.source)
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", language.code));
        message_variables(resource.body.iter())
    }

    /// `files` (language, name, text) written under a fresh directory.
    fn override_dir(files: &[(&str, &str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tmp");
        for (lang, name, text) in files {
            let at = dir.path().join(lang);
            std::fs::create_dir_all(&at).expect("mkdir");
            std::fs::write(at.join(name), text).expect("write");
        }
        dir
    }

    fn said(catalogues: &[Catalogue], lang: &str, id: &str, args: &Args<'_>) -> String {
        let catalogue = catalogues
            .iter()
            .find(|c| c.language.code == lang)
            .expect("offered");
        let pattern = catalogue
            .bundle
            .get_message(id)
            .and_then(|m| m.value())
            .expect("message");
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let words = catalogue
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned();
        assert!(errors.is_empty(), "{errors:?}");
        words
    }

    #[test]
    fn an_override_replaces_or_adds_messages_of_its_language_only() {
        let dir = override_dir(&[
            (
                "ja",
                "fix.ftl",
                "button-sign-in = ログイン\nsign-in-to-app = { $app } にログイン\nmy-own = 独自\n",
            ),
            ("ja", "notes.txt", "not a catalogue"),
        ]);

        let catalogues = overridden(dir.path()).expect("loads");

        assert_eq!(said(&catalogues, "ja", "button-sign-in", &[]), "ログイン");
        let app = [("app", FluentValue::from("Demo"))];
        assert_eq!(
            said(&catalogues, "ja", "sign-in-to-app", &app),
            "Demo にログイン"
        );
        assert_eq!(said(&catalogues, "ja", "my-own", &[]), "独自");
        // The rest of Japanese, and every other language, as shipped.
        assert_eq!(said(&catalogues, "ja", "field-username", &[]), "ユーザー名");
        assert_eq!(said(&catalogues, "en", "button-sign-in", &[]), "Sign in");
        assert_eq!(catalogues.len(), LANGUAGES.len());
    }

    #[test]
    fn an_apps_words_replace_only_what_it_gave_in_that_language() {
        let dir = override_dir(&[(
            "en",
            "acme.ftl",
            "sign-in-to-app = Welcome back to { $app }\n",
        )]);
        let words = AppWords::load(dir.path()).expect("loads");
        let app = [("app", FluentValue::from("Acme"))];
        assert_eq!(
            words.text("en", "sign-in-to-app", &app),
            "Welcome back to Acme"
        );
        // Another message, and the same one in another language: everyone's words.
        assert_eq!(words.text("en", "button-sign-in", &[]), "Sign in");
        assert_eq!(
            words.text("ja", "sign-in-to-app", &app),
            text("ja", "sign-in-to-app", &app)
        );
        let bad = override_dir(&[("en", "acme.ftl", "sign-in-to-app = { $nope }\n")]);
        let error = AppWords::load(bad.path()).expect_err("refused");
        assert!(error.contains("uses $nope"), "{error}");
    }

    #[test]
    fn a_bad_override_is_refused_naming_the_file_and_the_fault() {
        let broken = override_dir(&[("de", "broken.ftl", "button-sign-in = { $oops\n")]);
        let error = overridden(broken.path()).err().expect("refused");
        assert!(error.contains("broken.ftl: does not parse"), "{error}");

        let wrong_var = override_dir(&[(
            "fr",
            "vars.ftl",
            "sign-in-to-app = Entrer dans { $application }\n",
        )]);
        let error = overridden(wrong_var.path()).err().expect("refused");
        assert!(
            error.contains("vars.ftl: `sign-in-to-app` uses $application"),
            "{error}"
        );
        assert!(error.contains("it passes: $app"), "{error}");

        let no_var = override_dir(&[("fr", "vars.ftl", "button-sign-in = Entrer { $who }\n")]);
        let error = overridden(no_var.path()).err().expect("refused");
        assert!(error.contains("it passes: nothing"), "{error}");

        let unknown = override_dir(&[("xx", "main.ftl", "button-sign-in = ?\n")]);
        let error = overridden(unknown.path()).err().expect("refused");
        assert!(
            error.contains("`xx` is not a language authgate offers"),
            "{error}"
        );

        let missing = std::path::Path::new("/nonexistent/authgate-locales");
        let error = overridden(missing).err().expect("refused");
        assert!(
            error.contains("cannot read /nonexistent/authgate-locales"),
            "{error}"
        );
    }

    #[test]
    fn every_catalogue_has_exactly_englishs_ids_and_variables() {
        let english = messages(ENGLISH);
        for language in &LANGUAGES[1..] {
            let translated = messages(language);
            for (id, vars) in &english {
                let Some(theirs) = translated.get(id) else {
                    panic!("{}: `{id}` is missing", language.code);
                };
                let unused: Vec<_> = vars.difference(theirs).collect();
                assert!(
                    unused.is_empty(),
                    "{}: `{id}` leaves out {unused:?}",
                    language.code
                );
                let unknown: Vec<_> = theirs.difference(vars).collect();
                assert!(
                    unknown.is_empty(),
                    "{}: `{id}` uses {unknown:?}",
                    language.code
                );
            }
            let extra: Vec<_> = translated
                .keys()
                .filter(|id| !english.contains_key(*id))
                .collect();
            assert!(
                extra.is_empty(),
                "{}: ids English lacks: {extra:?}",
                language.code
            );
        }
    }

    #[test]
    fn every_shipped_language_is_offered() {
        let offered: Vec<_> = enabled().map(|l| l.code).collect();
        let shipped: Vec<_> = LANGUAGES.iter().map(|l| l.code).collect();
        assert_eq!(offered, shipped);
        assert_eq!(find("ar").map(|l| l.dir), Some("rtl"));
    }

    fn templates() -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut found: Vec<_> = std::fs::read_dir(&dir)
            .expect("templates/")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .map(|p| {
                let name = p
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                (name, std::fs::read_to_string(&p).expect("a template"))
            })
            .collect();
        found.sort();
        assert!(
            found.len() >= 17,
            "templates/ has {} templates",
            found.len()
        );
        found
    }

    /// Every `"id"|t…` a template looks up (the ids error.html takes from code are checked
    /// through the error page tests).
    fn template_ids(source: &str) -> Vec<String> {
        let mut ids = Vec::new();
        let mut rest = source;
        while let Some(at) = rest.find("\"|t") {
            let before = &rest[..at];
            if let Some(open) = before.rfind('"') {
                ids.push(before[open + 1..].to_string());
            }
            rest = &rest[at + 3..];
        }
        ids
    }

    #[test]
    fn every_id_a_template_looks_up_is_in_english() {
        let english = messages(ENGLISH);
        for (name, source) in templates() {
            for id in template_ids(&source) {
                assert!(
                    english.contains_key(&id),
                    "{name} looks up `{id}`, which English lacks"
                );
            }
        }
    }

    /// The template with every `{{ … }}`, `{% … %}` and `{# … #}` replaced by a space.
    fn without_askama(source: &str) -> String {
        let mut out = String::new();
        let mut rest = source;
        while let Some(open) = ["{{", "{%", "{#"]
            .iter()
            .filter_map(|o| rest.find(o).map(|i| (i, *o)))
            .min()
        {
            out.push_str(&rest[..open.0]);
            let close = match open.1 {
                "{{" => "}}",
                "{%" => "%}",
                _ => "#}",
            };
            let after = &rest[open.0 + 2..];
            let end = after.find(close).map_or(after.len(), |i| i + 2);
            out.push(' ');
            rest = &after[end..];
        }
        out.push_str(rest);
        out
    }

    /// What a person reads: text between tags, and the attributes browsers show or speak
    /// (`alt`, `title`, `placeholder`, `aria-label`, `label`). Not `value`: the templates'
    /// values are form data (`on`, ids), and their buttons are `<button>` with text. Markup and
    /// askama's own syntax are skipped; a variable's words are the code's business.
    fn visible(html: &str) -> Vec<String> {
        const SHOWN: &[&str] = &["alt", "title", "placeholder", "aria-label", "label"];
        let mut found = Vec::new();
        let mut rest = html;
        while !rest.is_empty() {
            let (text, tag) = match rest.find('<') {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, ""),
            };
            found.push(text.to_string());
            let Some(end) = tag.find('>') else { break };
            let inside = &tag[1..end];
            for attr in SHOWN {
                let needle = format!(" {attr}=\"");
                if let Some(at) = inside.find(&needle) {
                    let value = &inside[at + needle.len()..];
                    found.push(value[..value.find('"').unwrap_or(value.len())].to_string());
                }
            }
            rest = &tag[end + 1..];
        }
        found
    }

    #[test]
    fn no_template_shows_words_outside_the_catalogue() {
        for (name, source) in templates() {
            for text in visible(&without_askama(&source)) {
                let text = text.trim();
                let words = text.chars().any(char::is_alphabetic);
                assert!(!words, "{name} shows `{text}` outside the catalogue");
            }
        }
    }

    /// Every `.rs` file of the page handlers (`src/hosted_ui/`, the Cognito pool's pages and
    /// the demo included), with its path from `src/`.
    fn handler_sources() -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir)
                .expect("a source directory")
                .flatten()
            {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|x| x == "rs") {
                    found.push(path);
                }
            }
        }
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut paths = Vec::new();
        walk(&src.join("hosted_ui"), &mut paths);
        walk(&src.join("account"), &mut paths);
        // The account API answers programs: its RFC 6750 descriptions are for developers, in
        // English as every OAuth error description is.
        paths.retain(|p| !p.ends_with("account/api.rs"));
        paths.sort();
        paths
            .into_iter()
            .map(|p| {
                let name = p
                    .strip_prefix(&src)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .into_owned();
                (name, std::fs::read_to_string(&p).expect("a source file"))
            })
            .collect()
    }

    /// The string literals of `source` that read as words (two words of two letters or more,
    /// side by side), outside comments, log lines (`tracing::…;`, for operators) and the
    /// file's tests.
    fn sentences(source: &str) -> Vec<(usize, String)> {
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        let mut found = Vec::new();
        let mut in_log = false;
        for (n, line) in code.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.starts_with("//") {
                continue;
            }
            if trimmed.contains("tracing::") {
                in_log = true;
            }
            if in_log {
                in_log = !trimmed.ends_with(';');
                continue;
            }
            let mut rest = line;
            while let Some(open) = rest.find('"') {
                let after = &rest[open + 1..];
                let mut end = None;
                let mut escaped = false;
                for (i, c) in after.char_indices() {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => {
                            end = Some(i);
                            break;
                        }
                        _ => escaped = false,
                    }
                }
                let Some(end) = end else { break };
                let literal = &after[..end];
                let words: Vec<_> = literal.split(' ').collect();
                let wordy = |w: &&str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic());
                if words
                    .windows(2)
                    .any(|pair| wordy(&pair[0]) && wordy(&pair[1]))
                {
                    found.push((n + 1, literal.to_string()));
                }
                rest = &after[end + 1..];
            }
        }
        found
    }

    /// Literals with words that are not for a person to read, by file and text: protocol
    /// values, and what is left to move into the catalogue (this list may only shrink).
    const NOT_PAGE_WORDS: &[(&str, &str)] = &[
        // The demo's OAuth scope.
        ("hosted_ui/demo.rs", "openid email profile"),
        // A compiler message for developers.
        (
            "hosted_ui/throttle.rs",
            "a reservation is settled by `succeeded`, `give_back`, or (a wrong password) kept",
        ),
        // The role page's stand-in for an app with no name (a registered app always has one).
        ("hosted_ui/role.rs", "the app"),
        // A token macOS browsers put in their User-Agent, matched (the page says `macOS`).
        ("account/agent.rs", "Mac OS X"),
    ];

    #[test]
    fn no_page_handler_builds_words_outside_the_catalogue() {
        let sources = handler_sources();
        assert!(
            sources
                .iter()
                .any(|(name, _)| name == "hosted_ui/cognito/challenge.rs")
                && sources.iter().any(|(name, _)| name == "hosted_ui/demo.rs"),
            "the scan misses the Cognito pages or the demo"
        );
        let mut allowed_seen = BTreeSet::new();
        for (name, source) in &sources {
            for (line, literal) in sentences(source) {
                let allowed = NOT_PAGE_WORDS
                    .iter()
                    .find(|(file, text)| file == name && *text == literal);
                assert!(
                    allowed.is_some(),
                    "{name}:{line} builds `{literal}` outside the catalogue: give it a Fluent id \
                     (crate::hosted_ui::words::Say)"
                );
                allowed_seen.insert((name.clone(), literal));
            }
        }
        for (file, text) in NOT_PAGE_WORDS {
            assert!(
                allowed_seen.contains(&(file.to_string(), text.to_string())),
                "{file}: `{text}` is gone: take it off NOT_PAGE_WORDS"
            );
        }
    }

    #[test]
    fn the_source_scanner_sees_sentences_but_not_logs_ids_or_tests() {
        let source = r#"
            let a = "cognito-wrong-code";
            let b = format!("We sent a code to {to}.");
            // "A comment about things"
            tracing::info!(
                "a log line for operators"
            );
            let c = "say \"hi\" to the world";
            #[cfg(test)]
            mod tests { const X: &str = "Some test words"; }
        "#;
        let found: Vec<_> = sentences(source).into_iter().map(|(_, s)| s).collect();
        assert_eq!(
            found,
            ["We sent a code to {to}.", r#"say \"hi\" to the world"#]
        );
    }

    #[test]
    fn the_scanner_sees_text_and_shown_attributes() {
        let page = r#"<p class="lead">{{ "x"|t }}</p><img alt="A picture"><b>Hello</b>"#;
        let shown: Vec<_> = visible(&without_askama(page))
            .into_iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(shown, ["A picture", "Hello"]);
    }

    #[test]
    fn words_come_in_the_language_asked_with_english_for_the_rest() {
        assert_eq!(text("ja", "button-sign-in", &[]), "サインイン");
        assert_eq!(text("xx", "button-sign-in", &[]), "Sign in");
        let app = [("app", FluentValue::from("Demo"))];
        assert_eq!(text("en", "sign-in-to-app", &app), "Sign in to Demo");
        assert_eq!(
            english_id(
                "authorize-",
                "The sign-in request does not say which app it comes from. Tell the app's support."
            ),
            Some("authorize-no-client-id")
        );
    }
}
