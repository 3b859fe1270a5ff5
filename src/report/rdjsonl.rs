//! reviewdog's rdjsonl: one JSON `Diagnostic` per line, for
//! `reviewdog -f=rdjsonl`, which posts the findings as review comments and
//! offers each fix as a suggested change.
//!
//! Field names follow reviewdog's `proto/rdf/reviewdog.proto`. Its columns
//! count UTF-8 bytes from 1, and a range's end is exclusive: "é" at the
//! start of a line spans columns 1 to 3.

use serde::Serialize;

use super::{Checked, Locator};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;

#[derive(Serialize)]
struct Line<'a> {
    message: String,
    location: Location<'a>,
    severity: &'static str,
    source: Source,
    code: Code,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<Suggestion<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation<'a>>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
}

#[derive(Serialize)]
struct Code {
    value: &'static str,
}

#[derive(Serialize)]
struct Suggestion<'a> {
    range: Range,
    text: &'a str,
}

#[derive(Serialize)]
struct RelatedLocation<'a> {
    message: &'a str,
    location: Location<'a>,
}

/// Renders the findings of one document, one JSON object per line.
pub fn render(checked: &Checked) -> String {
    render_with(checked, &Locator::new(checked.text))
}

/// [`render`] with the file's positions already indexed: a long file is
/// rendered window by window with one index.
pub fn render_with(checked: &Checked, locator: &Locator) -> String {
    let range = |span: &Span| {
        let (start, end) = (locator.at(span.start), locator.at(span.end));
        Range {
            start: Position {
                line: start.line,
                column: start.byte_column,
            },
            end: Position {
                line: end.line,
                column: end.byte_column,
            },
        }
    };
    let mut out = String::new();
    for d in checked.diagnostics {
        let line = Line {
            message: message(d),
            location: Location {
                path: checked.path,
                range: range(&d.span),
            },
            severity: severity(d.severity),
            source: Source { name: "factlint" },
            code: Code { value: d.rule },
            // reviewdog applies every suggestion of a finding, so the
            // edits of one fix are its suggestions.
            suggestions: d
                .fix
                .iter()
                .flat_map(|fix| &fix.edits)
                .map(|edit| Suggestion {
                    range: range(&edit.span),
                    text: &edit.replacement,
                })
                .collect(),
            related_locations: d
                .related
                .iter()
                .map(|(span, label)| RelatedLocation {
                    message: label,
                    location: Location {
                        path: checked.path,
                        range: range(span),
                    },
                })
                .collect(),
        };
        // Serialising these plain structs cannot fail.
        if let Ok(json) = serde_json::to_string(&line) {
            out.push_str(&json);
            out.push('\n');
        }
    }
    out
}

/// The message with its notes under it: reviewdog shows the message as the
/// comment, and the notes say what was resolved and what the fact says.
fn message(d: &Diagnostic) -> String {
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push('\n');
        message.push_str(note);
    }
    message
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;

    fn finding(text: &str, found: &str) -> Diagnostic {
        let start = text.find(found).expect("found text");
        let mut d = Diagnostic::new(
            "quantity/mismatch",
            Severity::Warning,
            start..start + found.len(),
            "a message".to_string(),
        );
        d.fix = Some(Fix::replace(
            "write 12".to_string(),
            start..start + found.len(),
            "12".to_string(),
        ));
        d
    }

    fn only_line(text: &str, d: Diagnostic) -> serde_json::Value {
        let diagnostics = [d];
        let checked = Checked {
            path: "a.md",
            text,
            diagnostics: &diagnostics,
            facts: None,
        };
        let out = render(&checked);
        assert_eq!(out.lines().count(), 1, "{out}");
        serde_json::from_str(out.trim_end()).expect("one JSON object")
    }

    #[test]
    fn columns_count_utf8_bytes() {
        // reviewdog's own example: in "a𐐀b", b is at column 6.
        let text = "x\na𐐀b 11";
        let v = only_line(text, finding(text, "b"));
        let range = &v["location"]["range"];
        assert_eq!(range["start"], serde_json::json!({"line": 2, "column": 6}));
        assert_eq!(range["end"], serde_json::json!({"line": 2, "column": 7}));
        // “Zoë” is 5 characters and 10 bytes: the number after it starts at
        // byte column 16 (character column 11).
        let text = "“Zoë” saw 11 seals";
        let v = only_line(text, finding(text, "11"));
        let range = &v["location"]["range"];
        assert_eq!(range["start"]["column"], 16);
        assert_eq!(range["end"]["column"], 18);
        assert_eq!(v["suggestions"][0]["range"], *range);
        assert_eq!(v["suggestions"][0]["text"], "12");
    }

    #[test]
    fn fields_reviewdog_reads() {
        let text = "11 seals";
        let v = only_line(text, finding(text, "11"));
        assert_eq!(v["severity"], "WARNING");
        assert_eq!(v["source"]["name"], "factlint");
        assert_eq!(v["code"]["value"], "quantity/mismatch");
        assert_eq!(v["location"]["path"], "a.md");
        assert!(v.get("related_locations").is_none());
    }
}
