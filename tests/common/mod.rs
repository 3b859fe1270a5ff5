//! Helpers shared by the integration tests: run the library on a file the
//! way the binary does, with paths shown relative to the repository.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use factlint::analysis::Analysis;
use factlint::diagnostic::Diagnostic;
use factlint::facts::FactSheet;
use factlint::report::{self, Checked};
use factlint::rules::{self, FactSheetContext};

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

/// Checks one document; returns its findings and the human and JSON output.
pub fn check_file(doc: &Path, sheet: Option<&FactSheet>) -> (Vec<Diagnostic>, String, String) {
    let text = std::fs::read_to_string(doc).expect("document readable");
    let context = sheet.map(FactSheetContext::new);
    let analysis = Analysis::new(&text, None, sheet.and_then(|s| s.published));
    let diagnostics = rules::check(&analysis, context.as_ref());
    let path = relative(doc);
    let checked = Checked {
        path: &path,
        text: &text,
        diagnostics: &diagnostics,
        facts: sheet,
    };
    let human = report::human::render(&checked, false);
    let json = report::json::render(&checked, &analysis.doc, Some(&analysis));
    (diagnostics, human, json)
}
