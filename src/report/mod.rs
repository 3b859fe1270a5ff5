//! Output formats: one module per format, all rendering the same findings.

pub mod compact;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod rdjsonl;
pub mod sarif;

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

/// Where a byte offset is, in each unit a consumer may count columns in:
/// editors and people count characters, reviewdog counts UTF-8 bytes, SARIF
/// consumers such as GitHub count UTF-16 code units. All 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Position {
    pub line: usize,
    pub char_column: usize,
    pub byte_column: usize,
    pub utf16_column: usize,
}

/// Positions in one text, each found in constant time: a line's start is
/// looked up, and its columns are counted from the nearest of the
/// checkpoints kept every [`CHECKPOINT`] bytes. Counting from the start of
/// the line instead would make a report quadratic on a document written as
/// one long line. Built once per file and shared by the windows of a long
/// one (see [`crate::window`]).
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// Byte offset, and the character and UTF-16 column there.
    checkpoints: Vec<(usize, usize, usize)>,
}

/// How far apart the checkpoints are, in bytes.
const CHECKPOINT: usize = 1024;

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let (mut char_column, mut utf16_column) = (1, 1);
        for (i, c) in text.char_indices() {
            if i >= checkpoints.last().map_or(0, |&(at, _, _)| at + CHECKPOINT) {
                checkpoints.push((i, char_column, utf16_column));
            }
            if c == '\n' {
                line_starts.push(i + 1);
                (char_column, utf16_column) = (1, 1);
            } else {
                char_column += 1;
                utf16_column += c.len_utf16();
            }
        }
        Locator {
            text,
            line_starts,
            checkpoints,
        }
    }

    /// The 0-based index of the line holding `offset`.
    pub(crate) fn line_index(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).max(1) - 1
    }

    /// The bytes of the 0-based line `index`, its line break included.
    pub(crate) fn line_range(&self, index: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.line_starts.get(index)?;
        let end = self
            .line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        Some(start..end)
    }

    /// The position of a byte offset, clamped to the text and moved back to
    /// the start of the character it falls in.
    pub(crate) fn at(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let checkpoint = self.checkpoints.partition_point(|&(at, _, _)| at <= offset);
        let (from, mut char_column, mut utf16_column) = match checkpoint.checked_sub(1) {
            // A checkpoint after the line's start is on the same line.
            Some(k) if self.checkpoints[k].0 >= start => self.checkpoints[k],
            _ => (start, 1, 1),
        };
        for c in self.text[from..offset].chars() {
            char_column += 1;
            utf16_column += c.len_utf16();
        }
        Position {
            line,
            char_column,
            byte_column: offset - start + 1,
            utf16_column,
        }
    }
}
