//! Compiler-style output: the span in the document, a secondary label on the
//! fact in the fact sheet, and notes with the resolved values.

use codespan_reporting::diagnostic::{Diagnostic as Rendered, Label, Severity as Level};
use std::ops::Range;

use codespan_reporting::files::{self, Files, SimpleFiles};
use codespan_reporting::term::{self, Config, Styles, StylesWriter, termcolor::Buffer};

use super::{Checked, Locator};
use crate::diagnostic::Severity;
use crate::facts::FactSheetError;

/// Renders the findings of one document; with `color`, as ANSI escapes.
pub fn render(checked: &Checked, color: bool) -> String {
    render_with(checked, &Locator::new(checked.text), color)
}

/// [`render`] with the file's positions already indexed: a long file is
/// rendered window by window with one index, and never copied.
pub fn render_with(checked: &Checked, locator: &Locator, color: bool) -> String {
    let mut files = Sources {
        path: checked.path,
        text: checked.text,
        locator,
        others: SimpleFiles::new(),
    };
    // The fact sheet and each source document are added once, when a
    // finding first points into them.
    let mut added: Vec<(&str, usize)> = Vec::new();
    let mut out = String::new();
    for d in checked.diagnostics {
        let mut labels = Vec::new();
        let mut notes = Vec::new();
        // A snippet shows the whole line: one of megabytes would be printed
        // once per finding on it. Such a line is named, not shown.
        let long = |span: &Range<usize>| {
            locator
                .line_range(locator.line_index(span.start))
                .is_some_and(|line| line.len() > LONG_LINE)
        };
        if long(&d.span) {
            let at = locator.at(d.span.start);
            notes.push(format!(
                "at {}:{}:{}: “{}” (the line is too long to show)",
                checked.path,
                at.line,
                at.char_column,
                shorten(&checked.text[d.span.clone()])
            ));
        } else {
            labels.push(Label::primary(DOCUMENT, d.span.clone()));
        }
        if let Some((facts, fact)) = checked.facts.and_then(|f| Some((f, f.facts.get(d.fact?)?))) {
            let (path, text, span) = facts.locate(fact, d.fact_value.as_ref());
            let file = match added.iter().find(|(p, _)| *p == path) {
                Some(&(_, id)) => id,
                None => {
                    let id = files.others.add(path, text) + 1;
                    added.push((path, id));
                    id
                }
            };
            let label = Label::secondary(file, span);
            labels.push(match &d.fact_label {
                Some(message) => label.with_message(message.clone()),
                None => label,
            });
        }
        if let Some((span, message)) = &d.related {
            if long(span) {
                let at = locator.at(span.start);
                notes.push(format!(
                    "{message} at {}:{}:{}",
                    checked.path, at.line, at.char_column
                ));
            } else {
                labels.push(Label::secondary(DOCUMENT, span.clone()).with_message(message.clone()));
            }
        }
        notes.extend(d.notes.iter().cloned());
        let rendered = Rendered::new(level(d.severity))
            .with_code(d.rule)
            .with_message(d.message.clone())
            .with_labels(labels)
            .with_notes(notes);
        emit(&mut out, &files, &rendered, color);
    }
    out
}

/// Lines longer than this, in bytes, are not shown in snippets.
const LONG_LINE: usize = 4096;

/// A finding's text for a note: its first 80 characters.
fn shorten(found: &str) -> String {
    match found.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", &found[..cut]),
        None => found.to_string(),
    }
}

/// The id of the checked document among [`Sources`].
const DOCUMENT: usize = 0;

/// The checked document, borrowed and located with the file's own index,
/// and the fact sheets and sources its findings point into (ids from 1).
struct Sources<'a> {
    path: &'a str,
    text: &'a str,
    locator: &'a Locator<'a>,
    others: SimpleFiles<&'a str, &'a str>,
}

impl<'a> Files<'a> for Sources<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, files::Error> {
        match id {
            DOCUMENT => Ok(self.path),
            _ => self.others.name(id - 1),
        }
    }

    fn source(&'a self, id: usize) -> Result<&'a str, files::Error> {
        match id {
            DOCUMENT => Ok(self.text),
            _ => self.others.source(id - 1),
        }
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, files::Error> {
        match id {
            DOCUMENT => Ok(self.locator.line_index(byte_index)),
            _ => self.others.line_index(id - 1, byte_index),
        }
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, files::Error> {
        match id {
            DOCUMENT => self
                .locator
                .line_range(line_index)
                .ok_or(files::Error::LineTooLarge {
                    given: line_index,
                    max: self.locator.line_index(self.text.len()),
                }),
            _ => self.others.line_range(id - 1, line_index),
        }
    }

    /// From the index's checkpoints: counting from the line's start would
    /// be quadratic on a document written as one long line.
    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        match id {
            DOCUMENT => Ok(self.locator.at(byte_index).char_column),
            _ => self.others.column_number(id - 1, line_index, byte_index),
        }
    }
}

/// Renders the problems of a fact sheet that failed to load.
pub fn render_fact_sheet_errors(
    path: &str,
    source: &str,
    errors: &[FactSheetError],
    color: bool,
) -> String {
    render_source_errors("invalid fact sheet", path, source, errors, color)
}

/// Problems in a `factlint.toml`, pointing at their line and column.
pub fn render_config_errors(
    path: &str,
    source: &str,
    errors: &[FactSheetError],
    color: bool,
) -> String {
    render_source_errors("invalid configuration", path, source, errors, color)
}

fn render_source_errors(
    what: &str,
    path: &str,
    source: &str,
    errors: &[FactSheetError],
    color: bool,
) -> String {
    let mut files = SimpleFiles::new();
    let file = files.add(path.to_string(), source.to_string());
    let locator = Locator::new(source);
    let mut out = String::new();
    for e in errors {
        let mut labels: Vec<Label<usize>> = Vec::new();
        let mut notes = Vec::new();
        let mut place = |span: &Range<usize>, label: Label<usize>| {
            let line = locator.line_range(locator.line_index(span.start));
            if line.is_some_and(|l| l.len() > LONG_LINE) {
                let at = locator.at(span.start);
                notes.push(format!(
                    "at {path}:{}:{} (the line is too long to show)",
                    at.line, at.char_column
                ));
            } else {
                labels.push(label);
            }
        };
        if let Some(span) = &e.span {
            place(span, Label::primary(file, span.clone()));
        }
        if let Some((span, message)) = &e.related {
            place(
                span,
                Label::secondary(file, span.clone()).with_message(message.clone()),
            );
        }
        let rendered = Rendered::error()
            .with_message(format!("{what}: {}", e.message))
            .with_labels(labels)
            .with_notes(notes);
        emit(&mut out, &files, &rendered, color);
    }
    out
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Note,
    }
}

fn emit<'f>(
    out: &mut String,
    files: &'f impl Files<'f, FileId = usize>,
    d: &Rendered<usize>,
    color: bool,
) {
    let config = Config::default();
    let result = if color {
        let mut buffer = Buffer::ansi();
        let styles = Styles::default();
        let result = term::emit_to_write_style(
            &mut StylesWriter::new(&mut buffer, &styles),
            &config,
            files,
            d,
        );
        out.push_str(&String::from_utf8_lossy(buffer.as_slice()));
        result
    } else {
        term::emit_to_string(out, &config, files, d)
    };
    if let Err(e) = result {
        // Spans come from the same text, so this is a bug, not bad input:
        // show the finding without its snippet rather than lose it.
        out.push_str(&format!(
            "{}: {} ({e})\n",
            d.code.as_deref().unwrap_or(""),
            d.message
        ));
    }
}

/// Every mention of a document, one per line, with its normalised value:
/// what `factlint extract` prints for people.
pub fn render_mentions(path: &str, analysis: &crate::analysis::Analysis) -> String {
    use crate::extract::quantity::UnitKind;
    use crate::interval::Interval;
    use std::fmt::Write;

    let doc = &analysis.doc;
    let text = doc.text;
    let mut lines: Vec<(usize, String)> = Vec::new();
    let at = |start: usize| {
        let p = doc.line_col(start);
        format!("{path}:{}:{}", p.line, p.column)
    };
    for q in &analysis.quantities {
        // What the amount is of: "soldier", "percent of voter", "USD money".
        let mut unit = q.unit.clone().unwrap_or_else(|| "-".to_string());
        if !q.modifiers.is_empty() {
            let of = if q.ratio { " of " } else { " / " };
            unit = format!("{unit}{of}{}", q.modifiers.join(" "));
        }
        match q.unit_kind {
            Some(UnitKind::Currency) => unit.push_str(", money"),
            Some(UnitKind::Measure) => unit.push_str(", measure"),
            _ => {}
        }
        let mut line = format!(
            "{}: quantity “{}” = {} [{}]",
            at(q.span.start),
            &text[q.span.clone()],
            Interval::of(q).describe(),
            unit
        );
        if q.approximate {
            line.push_str(" approximate");
        }
        if q.vague.is_some() {
            line.push_str(" vague");
        }
        lines.push((q.span.start, line));
    }
    // Said once, by the first window of a long file.
    if let Some(r) = analysis
        .reference
        .as_ref()
        .filter(|_| doc.origin().offset == 0)
    {
        lines.push((0, format!("{path}: reference date {r}")));
    }
    for t in &analysis.times {
        let mut line = format!(
            "{}: time “{}” = {} {:?}",
            at(t.span.start),
            &text[t.span.clone()],
            t.value.as_deref().unwrap_or("?"),
            t.typ
        );
        if let Some(m) = t.modifier {
            let _ = write!(line, " mod={m}");
        }
        if let Some((_, s)) = &t.signal {
            let _ = write!(line, " signal=“{}”", &text[s.clone()]);
        }
        if let Some((a, b)) = t.interval {
            let _ = write!(line, " days={a}..{b}");
        }
        let _ = write!(line, " ({})", super::describe_resolution(&t.resolution));
        lines.push((t.span.start, line));
    }
    for q in &analysis.quotes {
        let mut line = format!("{}: quote “{}”", at(q.span.start), &text[q.content.clone()]);
        if let Some(s) = &q.speaker {
            let _ = write!(line, " speaker=“{}”", &text[s.clone()]);
        }
        if q.unterminated {
            line.push_str(" unterminated");
        }
        lines.push((q.span.start, line));
    }
    lines.sort_by_key(|(start, _)| *start);
    let mut out = String::new();
    for (_, line) in lines {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    fn rendered(text: &str, span: Range<usize>) -> String {
        let diagnostics = [Diagnostic::new(
            "quantity/mismatch",
            Severity::Error,
            span,
            "wrong".to_string(),
        )];
        let checked = Checked {
            path: "a.md",
            text,
            diagnostics: &diagnostics,
            facts: None,
        };
        render(&checked, false)
    }

    #[test]
    fn a_line_too_long_to_show_is_named_not_printed() {
        let filler = "word ".repeat(2000);
        let text = format!("Short line.\n{filler}30 soldiers {filler}\nEnd.\n");
        let at = text.find("30 soldiers").unwrap();
        let out = rendered(&text, at..at + 11);
        assert!(out.len() < 1000, "{} bytes", out.len());
        assert!(out.contains("at a.md:2:10001: “30 soldiers”"), "{out}");
        // a short line is shown as a snippet
        let short = rendered(&text, 0..5);
        assert!(short.contains("1 │ Short line."), "{short}");
    }
}
