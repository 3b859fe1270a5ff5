//! GitHub Actions workflow commands: printed by a step, each finding becomes
//! an annotation on its line in the pull request's diff and in the run's
//! summary, with no token, upload or action needed.
//!
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`,
//! escaped as GitHub's toolkit (`@actions/core`) escapes commands. Columns
//! count characters and the end column is the one after the span, as in
//! the compact output; a span over several lines gives only its lines,
//! because GitHub takes columns only when the start and end line are the
//! same.

use super::{Checked, Locator};
use crate::diagnostic::Severity;

/// Renders the findings of one document, one command each.
pub fn render(checked: &Checked) -> String {
    render_with(checked, &Locator::new(checked.text))
}

/// [`render`] with the file's positions already indexed: a long file is
/// rendered window by window with one index.
pub fn render_with(checked: &Checked, locator: &Locator) -> String {
    let mut out = String::new();
    for d in checked.diagnostics {
        let start = locator.at(d.span.start);
        let end = locator.at(d.span.end);
        let mut properties = vec![
            ("file", checked.path.to_string()),
            ("line", start.line.to_string()),
        ];
        if start.line == end.line {
            properties.push(("col", start.char_column.to_string()));
        }
        properties.push(("endLine", end.line.to_string()));
        if start.line == end.line {
            properties.push(("endColumn", end.char_column.to_string()));
        }
        properties.push(("title", format!("factlint ({})", d.rule)));
        let properties: Vec<String> = properties
            .iter()
            .map(|(key, value)| format!("{key}={}", escape_property(value)))
            .collect();
        // The notes (resolved values, what the fact says) are the body of
        // the annotation, under the message.
        let mut message = d.message.clone();
        for note in &d.notes {
            message.push('\n');
            message.push_str(note);
        }
        out.push_str(&format!(
            "::{} {}::{}\n",
            command(d.severity),
            properties.join(","),
            escape_data(&message)
        ));
    }
    out
}

/// GitHub has three annotation levels; its lowest is called `notice`.
fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// The message after `::`: a line break would end the command, and `%` is
/// the escape character itself, so it goes first.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: besides what [`escape_data`] escapes, `:` would end
/// the properties and `,` would start the next one.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_first_and_line_breaks() {
        assert_eq!(escape_data("50%\r\nnext"), "50%25%0D%0Anext");
        // An already escaped-looking sequence must survive a round trip.
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(
            escape_property("docs/Zoë: 50%, draft\n.md"),
            "docs/Zoë%3A 50%25%2C draft%0A.md"
        );
    }

    #[test]
    fn info_is_a_notice() {
        assert_eq!(command(Severity::Info), "notice");
        assert_eq!(command(Severity::Warning), "warning");
        assert_eq!(command(Severity::Error), "error");
    }
}
