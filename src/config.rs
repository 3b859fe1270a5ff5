//! `factlint.toml`: which fact sheet, which files, how loud each rule is,
//! per-path overrides, the house style and counted-noun synonyms.
//!
//! The file nearest above a checked document applies to it (or the one
//! `--config` names). Keys are kebab-case; an unknown key, rule, level or
//! preset is an error with its place in the file. Paths and globs are
//! relative to the file's folder.
//!
//! ```toml
//! facts = "facts.toml"
//! include = ["**/*.md"]
//! exclude = ["drafts/**"]
//! preset = "wire"
//!
//! [rules]
//! "quote/unverified" = "off"
//! "quantity/inconsistent" = "error"
//!
//! [house-style]
//! dozens = 12
//! tens-of-thousands = 10000
//!
//! [synonyms]
//! soldier = ["troops", "servicemen"]
//!
//! [[overrides]]
//! paths = ["opinion/**"]
//! rules = { "quote/unverified" = "off" }
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::facts::FactSheetError;
use crate::rules::{Level, Levels, RULES};

/// The name of the configuration file.
pub const CONFIG_FILE: &str = "factlint.toml";

/// Presets: named sets of rule levels, applied before `[rules]`.
const PRESETS: &[(&str, &[(&str, Level)])] = &[
    ("default", &[]),
    // Wire copy spells dates out: "last month" becomes "in May".
    ("wire", &[("time/relative", Level::On(Severity::Info))]),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    facts: Option<Spanned<String>>,
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    preset: Option<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<String, Spanned<String>>,
    house_style: Option<Spanned<toml::Table>>,
    #[serde(default)]
    synonyms: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    overrides: Vec<Spanned<RawOverride>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOverride {
    paths: Vec<Spanned<String>>,
    facts: Option<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<String, Spanned<String>>,
}

/// Settings for the files under one folder.
#[derive(Debug)]
pub struct Config {
    /// The file they were read from; `None` for the defaults.
    pub path: Option<PathBuf>,
    /// The folder relative paths and globs start from.
    pub dir: PathBuf,
    facts: Option<PathBuf>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    levels: Levels,
    overrides: Vec<Override>,
    /// `[house-style]`, with the fact sheet's snake_case keys: the base
    /// each fact sheet's own `[house_style]` table is laid over.
    pub house_style: toml::Table,
    /// `[synonyms]`: counted-noun aliases added to each fact sheet's.
    pub synonyms: BTreeMap<String, Vec<String>>,
}

#[derive(Debug)]
struct Override {
    paths: GlobSet,
    facts: Option<PathBuf>,
    levels: Vec<(&'static str, Level)>,
}

/// What applies to one document.
#[derive(Debug, Clone)]
pub struct FileSettings {
    pub levels: Levels,
    /// The fact sheet the configuration names for it, if any.
    pub facts: Option<PathBuf>,
}

impl Config {
    /// The defaults, for documents with no configuration above them.
    pub fn defaults(dir: &Path) -> Config {
        Config {
            path: None,
            dir: dir.to_path_buf(),
            facts: None,
            include: None,
            exclude: None,
            levels: Levels::default(),
            overrides: Vec::new(),
            house_style: toml::Table::new(),
            synonyms: BTreeMap::new(),
        }
    }

    /// Reads a configuration file's text; `path` places it (its folder is
    /// the base for relative paths). Every problem is returned with its
    /// byte span.
    pub fn parse(path: &Path, source: &str) -> Result<Config, Vec<FactSheetError>> {
        let raw: RawConfig = toml::from_str(source).map_err(|e| vec![e.into()])?;
        let dir = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let mut errors = Vec::new();
        let mut levels = Levels::default();
        if let Some(preset) = &raw.preset {
            match PRESETS.iter().find(|(name, _)| *name == preset.get_ref()) {
                Some((_, set)) => {
                    for (rule, level) in *set {
                        if let Some(id) = rule_id(rule) {
                            levels.set(id, *level);
                        }
                    }
                }
                None => errors.push(error(
                    format!(
                        "unknown preset `{}`; presets: {}",
                        preset.get_ref(),
                        PRESETS
                            .iter()
                            .map(|(n, _)| *n)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    preset.span(),
                )),
            }
        }
        for (rule, level) in read_levels(&raw.rules, &mut errors) {
            levels.set(rule, level);
        }
        let include = raw.include.as_deref().map(|g| globs(g, &mut errors));
        let exclude = raw.exclude.as_deref().map(|g| globs(g, &mut errors));
        let overrides = raw
            .overrides
            .iter()
            .map(|o| {
                let o = o.get_ref();
                Override {
                    paths: globs(&o.paths, &mut errors),
                    facts: o.facts.as_ref().and_then(|f| inside(&dir, f, &mut errors)),
                    levels: read_levels(&o.rules, &mut errors),
                }
            })
            .collect();
        let house_style = match raw.house_style {
            None => toml::Table::new(),
            Some(table) => {
                let span = table.span();
                let snake: toml::Table = table
                    .into_inner()
                    .into_iter()
                    .map(|(k, v)| (k.replace('-', "_"), kebab_to_snake(v)))
                    .collect();
                let style: Result<crate::house_style::HouseStyle, _> =
                    toml::Value::Table(snake.clone()).try_into();
                match style {
                    Ok(style) => {
                        if let Some(problem) = style.problem() {
                            errors.push(error(problem, span));
                        }
                    }
                    Err(e) => errors.push(error(format!("[house-style]: {}", e.message()), span)),
                }
                snake
            }
        };
        let facts = raw
            .facts
            .as_ref()
            .and_then(|f| inside(&dir, f, &mut errors));
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.span.as_ref().map_or(0, |s| s.start));
            return Err(errors);
        }
        Ok(Config {
            path: Some(path.to_path_buf()),
            facts,
            dir,
            include,
            exclude,
            levels,
            overrides,
            house_style,
            synonyms: raw.synonyms,
        })
    }

    /// The rule levels and fact sheet for one document: the file's settings,
    /// then every override whose globs match it, in order.
    pub fn for_file(&self, file: &Path) -> FileSettings {
        let mut settings = FileSettings {
            levels: self.levels.clone(),
            facts: self.facts.clone(),
        };
        let relative = self.relative(file);
        for o in &self.overrides {
            if o.paths.is_match(&relative) {
                for (rule, level) in &o.levels {
                    settings.levels.set(rule, *level);
                }
                if let Some(facts) = &o.facts {
                    settings.facts = Some(facts.clone());
                }
            }
        }
        settings
    }

    /// What this configuration gives each fact sheet it applies to.
    pub fn sheet_defaults(&self) -> crate::facts::SheetDefaults {
        crate::facts::SheetDefaults {
            house_style: self.house_style.clone(),
            synonyms: self.synonyms.clone(),
        }
    }

    /// Whether a file found by walking a folder is to be checked: it matches
    /// `include` (when given) and not `exclude`.
    pub fn wants(&self, file: &Path) -> bool {
        let relative = self.relative(file);
        self.include.as_ref().is_none_or(|g| g.is_match(&relative))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(&relative))
    }

    fn relative(&self, file: &Path) -> PathBuf {
        let absolute =
            |p: &Path| lexical(&std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()));
        let (file, dir) = (absolute(file), absolute(&self.dir));
        file.strip_prefix(&dir)
            .map_or_else(|_| file.clone(), Path::to_path_buf)
    }
}

/// A path with "." and ".." resolved by its words alone (no file system):
/// "news/../opinion/a.md" is "opinion/a.md".
fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn error(message: impl Into<String>, span: std::ops::Range<usize>) -> FactSheetError {
    FactSheetError::at(message, span)
}

fn rule_id(id: &str) -> Option<&'static str> {
    RULES.iter().map(|r| r.id()).find(|r| *r == id)
}

/// `"rule" = "level"` pairs, each rule and level checked.
fn read_levels(
    table: &BTreeMap<String, Spanned<String>>,
    errors: &mut Vec<FactSheetError>,
) -> Vec<(&'static str, Level)> {
    let mut out = Vec::new();
    for (rule, level) in table {
        let Some(id) = rule_id(rule) else {
            errors.push(error(
                format!("unknown rule `{rule}`; `factlint rules` lists them"),
                level.span(),
            ));
            continue;
        };
        let parsed = match level.get_ref().as_str() {
            "off" => Level::Off,
            "info" => Level::On(Severity::Info),
            "warning" => Level::On(Severity::Warning),
            "error" => Level::On(Severity::Error),
            other => {
                errors.push(error(
                    format!(
                        "unknown level `{other}` for `{rule}`; use off, info, warning or error"
                    ),
                    level.span(),
                ));
                continue;
            }
        };
        out.push((id, parsed));
    }
    out
}

/// A path the configuration names, joined to its folder, when it stays in
/// that folder: a configuration from an untrusted repository must not make
/// factlint read (and quote, in its errors) files outside the project. A
/// sheet elsewhere is given on the command line with `--facts`.
fn inside(dir: &Path, path: &Spanned<String>, errors: &mut Vec<FactSheetError>) -> Option<PathBuf> {
    let mut depth = 0usize;
    let mut escapes = false;
    for part in Path::new(path.get_ref()).components() {
        match part {
            std::path::Component::Normal(_) => depth += 1,
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => escapes = true,
            },
            std::path::Component::RootDir | std::path::Component::Prefix(_) => escapes = true,
        }
    }
    if escapes {
        errors.push(error(
            format!(
                "`{}` is outside this configuration's folder; a configuration may only name files inside it (give another sheet with --facts)",
                path.get_ref()
            ),
            path.span(),
        ));
        return None;
    }
    Some(dir.join(path.get_ref()))
}

fn globs(patterns: &[Spanned<String>], errors: &mut Vec<FactSheetError>) -> GlobSet {
    let mut set = GlobSetBuilder::new();
    for p in patterns {
        match Glob::new(p.get_ref()) {
            Ok(g) => {
                set.add(g);
            }
            Err(e) => errors.push(error(format!("bad glob: {e}"), p.span())),
        }
    }
    set.build().unwrap_or_else(|_| GlobSet::empty())
}

/// Inner tables' kebab-case keys in snake_case (`{ at-least = 12 }`).
fn kebab_to_snake(value: toml::Value) -> toml::Value {
    match value {
        toml::Value::Table(t) => toml::Value::Table(
            t.into_iter()
                .map(|(k, v)| (k.replace('-', "_"), kebab_to_snake(v)))
                .collect(),
        ),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> Result<Config, Vec<FactSheetError>> {
        Config::parse(Path::new("/news/factlint.toml"), source)
    }

    #[test]
    fn a_fact_sheet_outside_the_configuration_s_folder_is_refused() {
        for outside in ["/etc/passwd", "../facts.toml", "story/../../facts.toml"] {
            let source = format!("facts = \"{outside}\"\n");
            let errors =
                Config::parse(Path::new("/news/factlint.toml"), &source).expect_err(outside);
            assert!(
                errors[0]
                    .message
                    .contains("outside this configuration's folder"),
                "{outside}"
            );
            assert_eq!(errors[0].span, Some(8..10 + outside.len()), "{outside}");
            let overridden = format!("[[overrides]]\npaths = [\"*\"]\nfacts = \"{outside}\"\n");
            assert!(Config::parse(Path::new("/news/factlint.toml"), &overridden).is_err());
        }
        for inside in ["facts.toml", "story/../facts.toml", "./a/b.toml"] {
            let source = format!("facts = \"{inside}\"\n");
            let config = Config::parse(Path::new("/news/factlint.toml"), &source).expect(inside);
            assert_eq!(config.facts, Some(Path::new("/news").join(inside)));
        }
    }

    #[test]
    fn levels_presets_and_overrides() {
        let config = parse(
            r#"
facts = "story/facts.toml"
preset = "wire"
[rules]
"quote/unverified" = "off"
"quantity/mismatch" = "warning"
[[overrides]]
paths = ["opinion/**"]
facts = "opinion/facts.toml"
rules = { "quantity/mismatch" = "off" }
"#,
        )
        .expect("valid");
        let rule = |id: &str| crate::rules::rule(id).expect("rule");
        let news = config.for_file(Path::new("/news/a.md"));
        assert_eq!(
            news.levels.severity(rule("quantity/mismatch")),
            Some(Severity::Warning)
        );
        assert_eq!(news.levels.severity(rule("quote/unverified")), None);
        assert_eq!(
            news.facts.as_deref(),
            Some(Path::new("/news/story/facts.toml"))
        );
        let opinion = config.for_file(Path::new("/news/opinion/b.md"));
        assert_eq!(opinion.levels.severity(rule("quantity/mismatch")), None);
        assert_eq!(
            opinion.facts.as_deref(),
            Some(Path::new("/news/opinion/facts.toml"))
        );
    }

    #[test]
    fn unknown_keys_rules_levels_and_presets_point_at_their_place() {
        let source = "facts = \"f.toml\"\nfact-sheet = \"x\"\n";
        let errors = parse(source).expect_err("unknown key");
        let span = errors[0].span.clone().expect("placed");
        assert_eq!(&source[span.start..span.start + 10], "fact-sheet");
        let source = "[rules]\n\"quote/nope\" = \"off\"\n\"quote/mismatch\" = \"loud\"\n";
        let errors = parse(source).expect_err("bad rules");
        assert_eq!(errors.len(), 2);
        assert!(errors[0].message.contains("unknown rule `quote/nope`"));
        assert!(errors[1].message.contains("unknown level `loud`"));
        let errors = parse("preset = \"tabloid\"\n").expect_err("bad preset");
        assert!(errors[0].message.contains("unknown preset"));
    }

    #[test]
    fn paths_are_matched_after_dot_dot_is_resolved() {
        let config = parse("exclude = [\"drafts/**\"]\n").expect("valid");
        assert!(!config.wants(Path::new("/news/world/../drafts/a.md")));
        assert_eq!(lexical(Path::new("/a/./b/../c")), Path::new("/a/c"));
    }

    #[test]
    fn include_and_exclude_globs() {
        let config = parse("include = [\"**/*.md\"]\nexclude = [\"drafts/**\"]\n").expect("valid");
        assert!(config.wants(Path::new("/news/a.md")));
        assert!(config.wants(Path::new("/news/world/a.md")));
        assert!(!config.wants(Path::new("/news/a.txt")));
        assert!(!config.wants(Path::new("/news/drafts/a.md")));
    }

    #[test]
    fn house_style_in_kebab_case_is_checked() {
        let config =
            parse("[house-style]\ntens-of-thousands = 10000\nfew = [2, 5]\n").expect("valid");
        assert!(config.house_style.contains_key("tens_of_thousands"));
        let errors = parse("[house-style]\ndozenz = 12\n").expect_err("typo");
        assert!(
            errors[0].message.contains("dozenz"),
            "{}",
            errors[0].message
        );
    }
}
