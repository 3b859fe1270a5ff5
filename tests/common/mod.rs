//! Helpers shared by the integration tests: run the library on a file the
//! way the binary does, with paths shown relative to the repository.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use factlint::diagnostic::Diagnostic;
use factlint::facts::{FactSheet, SourceText};
use factlint::lint::Checker;
use factlint::prose::{Markup, Prose};
use factlint::report::{self, Checked};
use factlint::rules::{self, FactSheetContext};
use factlint::source::sheet_from_sources;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path relative to the repository root, with forward slashes.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

pub fn load_sheet(path: &Path) -> FactSheet {
    let source = std::fs::read_to_string(path).expect("fact sheet readable");
    FactSheet::parse(&relative(path), &source)
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
}

/// A fixture folder's fact sheet: its `facts.toml`, extended with the facts
/// of its `source.md` when it has one (source mode, as `--source`).
pub fn fixture_sheet(folder: &Path) -> Option<FactSheet> {
    let sheet_path = folder.join("facts.toml");
    let sheet = sheet_path.exists().then(|| load_sheet(&sheet_path));
    let source_path = folder.join("source.md");
    if !source_path.exists() {
        return sheet;
    }
    Some(sheet_from_sources(
        vec![source_text(&source_path)],
        sheet.as_ref(),
        None,
    ))
}

/// A source document read as `--source` reads it: its prose.
fn source_text(path: &Path) -> SourceText {
    let text = std::fs::read_to_string(path).expect("source readable");
    SourceText {
        path: relative(path),
        text: Prose::new(&text, Markup::of(path)).text,
    }
}

/// A fact sheet of one source document alone (source mode, as `--source`).
pub fn fixture_sheet_from(source_path: &Path) -> FactSheet {
    sheet_from_sources(vec![source_text(source_path)], None, None)
}

/// Checks one document with the default rules, as the binary does; returns its findings and
/// the human and JSON output.
pub fn check_file(doc: &Path, sheet: Option<&FactSheet>) -> (Vec<Diagnostic>, String, String) {
    check_file_with(doc, sheet, &rules::Levels::default())
}

/// [`check_file`] with the rules at `levels`.
pub fn check_file_with(
    doc: &Path,
    sheet: Option<&FactSheet>,
    levels: &rules::Levels,
) -> (Vec<Diagnostic>, String, String) {
    let text = std::fs::read_to_string(doc).expect("document readable");
    let context = sheet.map(FactSheetContext::new);
    let prose = Prose::new(&text, Markup::of(doc));
    let checker = Checker {
        levels,
        facts: context.as_ref(),
        date: None,
    };
    let path = relative(doc);
    let (mut diagnostics, mut json) = (Vec::new(), String::new());
    checker.check_windows(&text, &prose, |analysis, found| {
        let checked = Checked {
            path: &path,
            text: &text,
            diagnostics: &found,
            facts: sheet,
        };
        json += &report::json::render(&checked, analysis);
        diagnostics.extend(found);
        true
    });
    let checked = Checked {
        path: &path,
        text: &text,
        diagnostics: &diagnostics,
        facts: sheet,
    };
    let human = report::human::render(&checked, false);
    (diagnostics, human, json)
}

/// A finding as an answer key lists it: `(file name, line, rule, fact id or "none")`.
pub type Finding = (String, usize, String, String);

/// Findings with their multiplicity: two findings of one rule on one line
/// are two, so a false alarm beside a planted one cannot hide.
pub type Findings = BTreeMap<Finding, usize>;

/// What is in `a` and not in `b`, counting multiplicity.
pub fn difference(a: &Findings, b: &Findings) -> Vec<Finding> {
    a.iter()
        .flat_map(|(k, &n)| {
            std::iter::repeat_n(k.clone(), n.saturating_sub(b.get(k).copied().unwrap_or(0)))
        })
        .collect()
}

/// The planted findings of an answer key: its table rows
/// `| # | file | line | exact span | fact id | kind | why |`.
pub fn answer_key(path: &Path) -> Findings {
    let key = std::fs::read_to_string(path).expect("answer key");
    let mut out = Findings::new();
    for l in key.lines() {
        if !(l.starts_with("| ") && l[2..].starts_with(|c: char| c.is_ascii_digit())) {
            continue;
        }
        let cells: Vec<&str> = l.split('|').map(|c| c.trim().trim_matches('`')).collect();
        let line = cells[3]
            .split_whitespace()
            .next()
            .expect("line")
            .parse()
            .expect("line number");
        let finding = (
            cells[2].to_string(),
            line,
            cells[6].to_string(),
            cells[5].to_string(),
        );
        *out.entry(finding).or_default() += 1;
    }
    out
}

/// The `.md` documents of a folder, the answer key excepted, in name order.
pub fn documents(folder: &Path) -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "md")
                && p.file_name().is_some_and(|n| n != "answers.md")
        })
        .collect();
    docs.sort();
    docs
}

/// What checking `docs` against `sheet` finds, as answer-key rows.
pub fn findings(docs: &[PathBuf], sheet: &FactSheet) -> Findings {
    let mut found = Findings::new();
    for doc in docs {
        let text = std::fs::read_to_string(doc).expect("readable");
        let (diagnostics, _, _) = check_file(doc, Some(sheet));
        for d in diagnostics {
            let line = text[..d.span.start].matches('\n').count() + 1;
            let fact = d
                .fact
                .map_or("none".to_string(), |i| sheet.facts[i].id.clone());
            let file = doc.file_name().expect("name").to_string_lossy().to_string();
            *found
                .entry((file, line, d.rule.to_string(), fact))
                .or_default() += 1;
        }
    }
    found
}

/// A one-fact sheet the command-line tests check against: "$2.5 billion".
pub const SHEET: &str = "[story]\npublished = 2024-03-12\n\n[[fact]]\nid = \"cost\"\ntext = \"The council approved $2.5 billion for the new harbour bridge.\"\n";

/// A fact sheet with a quotation, and a wire house style that writes
/// relative dates out: both have safe fixes.
pub const QUOTE_SHEET: &str = "[story]\npublished = 2025-11-04\n\n[[fact]]\nid = \"rescue\"\ntext = 'Rescue leader Ana Vidal said: \"We reached them after forty hours of digging.\"'\n";
pub const WIRE: &str = "preset = \"wire\"\n";

/// Runs the factlint binary in `dir`.
pub fn factlint(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("factlint runs")
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Writes files (creating folders; contents as text or raw bytes) under a
/// fresh temporary folder.
pub fn scratch<C: AsRef<[u8]>>(files: &[(&str, C)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, content) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, content).expect("write");
    }
    dir
}
