//! What a rule reports: a finding with its place, its rule, the fact it
//! contradicts and what the fact says.

use std::fmt;

use crate::document::Span;

/// How serious a finding is. Only errors fail a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One finding in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Stable rule id, e.g. `quantity/mismatch`.
    pub rule: &'static str,
    pub severity: Severity,
    /// Byte span in the document.
    pub span: Span,
    /// Lowercase, no trailing period.
    pub message: String,
    /// The fact it was checked against: its index in the fact sheet.
    pub fact: Option<usize>,
    /// The canonical value as text ("more than 30 Malian soldiers").
    pub expected: Option<String>,
    /// The contradicted value inside the fact's text (byte span into it).
    pub fact_value: Option<Span>,
    /// Label on the fact's line in the fact sheet.
    pub fact_label: Option<String>,
    /// Explanations: resolved values, the reference date, a word diff.
    pub notes: Vec<String>,
    /// Another place in the same document the finding refers to (the first
    /// of two mentions that disagree), with its label.
    pub related: Option<(Span, String)>,
    /// A safe correction, when the rule knows one: applied by `--fix`,
    /// shown by `--diff`, offered by editors as a quick fix.
    pub fix: Option<Fix>,
}

/// A correction: what it does, in words, and the edits that make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Imperative, for a menu: "write “on June 1”".
    pub title: String,
    /// Non-overlapping, sorted by position.
    pub edits: Vec<Edit>,
}

/// Replace a byte span of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Fix {
    /// One replacement.
    pub fn replace(title: String, span: Span, replacement: String) -> Self {
        Fix {
            title,
            edits: vec![Edit { span, replacement }],
        }
    }
}

impl Diagnostic {
    /// A finding with only its rule, severity, place and message; the rest
    /// is filled in with struct-update syntax where a rule has it.
    pub fn new(rule: &'static str, severity: Severity, span: Span, message: String) -> Self {
        Diagnostic {
            rule,
            severity,
            span,
            message,
            fact: None,
            expected: None,
            fact_value: None,
            fact_label: None,
            notes: Vec::new(),
            related: None,
            fix: None,
        }
    }
}
