//! Output formats: one module per format, all rendering the same findings.

pub mod human;
pub mod json;

use crate::diagnostic::Diagnostic;
use crate::facts::FactSheet;

/// The findings of one checked document, with what is needed to show them.
pub struct Checked<'a> {
    /// The path as given (or `<stdin>`).
    pub path: &'a str,
    pub text: &'a str,
    pub diagnostics: &'a [Diagnostic],
    pub facts: Option<&'a FactSheet>,
}

use crate::extract::time::Resolution;

/// How a time expression got its value, in words.
pub fn describe_resolution(r: &Resolution) -> String {
    match r {
        Resolution::Absolute => "absolute".to_string(),
        Resolution::Reference { date, how } => format!("relative to {date}: {how}"),
        Resolution::Anchored { anchor, how } => format!("anchored to {anchor}: {how}"),
        Resolution::Unresolved { reason } => format!("unresolved: {reason}"),
        Resolution::Vague => "vague reference, never checked".to_string(),
        Resolution::NotAPoint => "duration or set".to_string(),
    }
}
