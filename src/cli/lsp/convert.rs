//! factlint's findings, fixes and file problems in the protocol's terms.

use std::collections::HashMap;

use factlint::diagnostic::{Diagnostic, Severity};
use factlint::facts::{FactSheet, FactSheetError};
use factlint::workspace::Problem;
use lsp_types::{
    CodeAction, CodeActionKind, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, TextEdit, Uri, WorkspaceEdit,
};

use super::position::{Encoding, LineIndex};
use super::uri;

/// What the diagnostics' `source` says: the tool they come from.
const SOURCE: &str = "factlint";

/// A document's fact sheet, to point findings at the fact they contradict.
pub struct SheetPlace<'s> {
    pub uri: Uri,
    pub sheet: &'s FactSheet,
    pub index: LineIndex<'s>,
}

impl<'s> SheetPlace<'s> {
    pub fn new(uri: Uri, sheet: &'s FactSheet, encoding: Encoding) -> Self {
        SheetPlace {
            uri,
            sheet,
            index: LineIndex::new(&sheet.source, encoding),
        }
    }
}

/// A finding as the editor shows it: the notes (resolved values, the word
/// diff) go under the message, as they do on the command line; the other
/// mention and the fact go in the related information, so the editor can
/// jump to them.
pub fn diagnostic(
    d: &Diagnostic,
    uri: &Uri,
    index: &LineIndex,
    sheet: Option<&SheetPlace>,
) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push('\n');
        message.push_str(note);
    }
    let mut related = Vec::new();
    if let Some((span, label)) = &d.related {
        related.push(DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), index.range(span)),
            message: label.clone(),
        });
    }
    if let Some((place, fact)) = sheet.and_then(|p| Some((p, p.sheet.facts.get(d.fact?)?))) {
        let span = d
            .fact_value
            .as_ref()
            .and_then(|v| fact.source_span(&place.sheet.source, v))
            .unwrap_or_else(|| fact.text_span.clone());
        related.push(DiagnosticRelatedInformation {
            location: Location::new(place.uri.clone(), place.index.range(&span)),
            message: d
                .fact_label
                .clone()
                .unwrap_or_else(|| format!("fact `{}`", fact.id)),
        });
    }
    lsp_types::Diagnostic {
        range: index.range(&d.span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.to_string())),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The quick fix for a finding that has a safe fix. Preferred, so that an
/// editor's "fix all" and "fix on save" may apply it.
pub fn quick_fix(
    d: &Diagnostic,
    shown: &lsp_types::Diagnostic,
    uri: &Uri,
    index: &LineIndex,
) -> Option<CodeAction> {
    let fix = d.fix.as_ref()?;
    let edits = fix
        .edits
        .iter()
        .map(|e| TextEdit::new(index.range(&e.span), e.replacement.clone()))
        .collect();
    Some(CodeAction {
        title: fix.title.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![shown.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }),
        is_preferred: Some(true),
        ..Default::default()
    })
}

/// A broken configuration or fact sheet as diagnostics on the file itself,
/// at the place each error is; `None` when there is no text to point into
/// (an unreadable file) or the path makes no URI.
pub fn problem(problem: &Problem, encoding: Encoding) -> Option<(Uri, Vec<lsp_types::Diagnostic>)> {
    let (source, errors) = match problem {
        Problem::Config { source, errors, .. } | Problem::FactSheet { source, errors, .. } => {
            (source, errors)
        }
        Problem::Unreadable { .. } => return None,
    };
    let uri = uri::from_path(problem.path())?;
    let index = LineIndex::new(source, encoding);
    let diagnostics = errors
        .iter()
        .map(|e| source_error(e, &uri, &index))
        .collect();
    Some((uri, diagnostics))
}

fn source_error(e: &FactSheetError, uri: &Uri, index: &LineIndex) -> lsp_types::Diagnostic {
    let related = e.related.as_ref().map(|(span, label)| {
        vec![DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), index.range(span)),
            message: label.clone(),
        }]
    });
    lsp_types::Diagnostic {
        range: e.span.as_ref().map(|s| index.range(s)).unwrap_or_default(),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_string()),
        message: e.message.clone(),
        related_information: related,
        ..Default::default()
    }
}
