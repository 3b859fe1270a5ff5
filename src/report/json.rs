//! JSON Lines: one object per finding or mention, for pipelines. The field
//! names are a contract (see the README).

use serde::Serialize;

use super::Checked;
use crate::analysis::Analysis;
use crate::diagnostic::Severity;
use crate::document::{Document, Span};
use crate::extract::time::TimexType;
use crate::reference::DateSource;

/// Where a span is, in every unit a consumer may want.
#[derive(Serialize)]
struct Position<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
}

fn position<'a>(path: &'a str, doc: &Document, span: &Span) -> Position<'a> {
    let start = doc.line_col(span.start);
    let end = doc.line_col(span.end);
    Position {
        path,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        byte_start: span.start,
        byte_end: span.end,
    }
}

#[derive(Serialize)]
struct DiagnosticLine<'a> {
    #[serde(flatten)]
    position: Position<'a>,
    severity: Severity,
    rule: &'a str,
    fact: Option<&'a str>,
    message: &'a str,
    found: &'a str,
    expected: Option<&'a str>,
    notes: &'a [String],
    reference_date: Option<String>,
    date_source: Option<DateSource>,
    /// The other place in the document the finding points at, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    related: Option<Related<'a>>,
}

/// A second place in the same document, with what it is.
#[derive(Serialize)]
struct Related<'a> {
    #[serde(flatten)]
    position: Position<'a>,
    found: &'a str,
    message: &'a str,
}

/// One line per finding.
pub fn render(checked: &Checked, analysis: &Analysis) -> String {
    let mut out = String::new();
    let doc = &analysis.doc;
    let reference = analysis.reference.as_ref();
    for d in checked.diagnostics {
        let line = DiagnosticLine {
            position: position(checked.path, doc, &d.span),
            severity: d.severity,
            rule: d.rule,
            fact: d
                .fact
                .and_then(|i| checked.facts.map(|f| f.facts[i].id.as_str())),
            message: &d.message,
            found: &checked.text[d.span.clone()],
            expected: d.expected.as_deref(),
            notes: &d.notes,
            reference_date: reference.map(|r| r.date.to_string()),
            date_source: reference.map(|r| r.source),
            related: d.related.as_ref().map(|(span, message)| Related {
                position: position(checked.path, doc, span),
                found: &checked.text[span.clone()],
                message,
            }),
        };
        push_line(&mut out, &line);
    }
    out
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum MentionLine<'a> {
    Quantity {
        #[serde(flatten)]
        position: Position<'a>,
        text: &'a str,
        value: Option<f64>,
        low: Option<f64>,
        high: Option<f64>,
        low_inclusive: bool,
        high_inclusive: bool,
        approximate: bool,
        vague: bool,
        unit: Option<&'a str>,
    },
    Time {
        #[serde(flatten)]
        position: Position<'a>,
        text: &'a str,
        value: Option<&'a str>,
        #[serde(rename = "type")]
        typ: TimexType,
        #[serde(rename = "mod")]
        modifier: Option<&'a str>,
        signal: Option<&'a str>,
        interval: Option<[String; 2]>,
        resolution: String,
        reference_date: Option<String>,
        date_source: Option<DateSource>,
    },
    Quote {
        #[serde(flatten)]
        position: Position<'a>,
        text: &'a str,
        content: &'a str,
        speaker: Option<&'a str>,
        unterminated: bool,
    },
}

/// One line per mention, in text order.
pub fn render_mentions(path: &str, analysis: &Analysis) -> String {
    let doc = &analysis.doc;
    let text = doc.text;
    let mut lines: Vec<(usize, MentionLine)> = Vec::new();
    for q in &analysis.quantities {
        lines.push((
            q.span.start,
            MentionLine::Quantity {
                position: position(path, doc, &q.span),
                text: &text[q.span.clone()],
                value: q.value,
                low: q.low,
                high: q.high,
                low_inclusive: q.low_inclusive,
                high_inclusive: q.high_inclusive,
                approximate: q.approximate,
                vague: q.vague.is_some(),
                unit: q.unit.as_deref(),
            },
        ));
    }
    let reference = analysis.reference.as_ref();
    for t in &analysis.times {
        lines.push((
            t.span.start,
            MentionLine::Time {
                position: position(path, doc, &t.span),
                text: &text[t.span.clone()],
                value: t.value.as_deref(),
                typ: t.typ,
                modifier: t.modifier,
                signal: t.signal.as_ref().map(|(_, s)| &text[s.clone()]),
                interval: t.interval.map(|(a, b)| [a.to_string(), b.to_string()]),
                resolution: super::describe_resolution(&t.resolution),
                reference_date: reference.map(|r| r.date.to_string()),
                date_source: reference.map(|r| r.source),
            },
        ));
    }
    for q in &analysis.quotes {
        lines.push((
            q.span.start,
            MentionLine::Quote {
                position: position(path, doc, &q.span),
                text: &text[q.span.clone()],
                content: &text[q.content.clone()],
                speaker: q.speaker.as_ref().map(|s| &text[s.clone()]),
                unterminated: q.unterminated,
            },
        ));
    }
    lines.sort_by_key(|(start, _)| *start);
    let mut out = String::new();
    for (_, line) in &lines {
        push_line(&mut out, line);
    }
    out
}

fn push_line(out: &mut String, value: &impl Serialize) {
    // Serialising these plain structs cannot fail.
    if let Ok(line) = serde_json::to_string(value) {
        out.push_str(&line);
        out.push('\n');
    }
}
