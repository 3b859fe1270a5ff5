//! JUnit XML, for CI systems that show test reports: GitLab's
//! `artifacts:reports:junit`, Jenkins, Azure Pipelines.
//!
//! The layout is chosen for GitLab's merge-request test widget: one
//! `<testsuite>` per document, and one failed `<testcase>` per error or
//! warning, named after its rule and message, with the document as its
//! `classname` (the "suite" column GitLab shows) and `file`. GitLab reads
//! a single `<failure>` per test case and tells new failures from fixed
//! ones by their names, so one test case per finding, with a name that
//! does not hold the line number, lists each finding separately and keeps
//! it the same failure when text above it moves. A document without
//! errors or warnings is one passing test case, so it still counts as
//! checked. Info findings are left out: a test passes or fails, and info
//! never fails a run.

use std::collections::HashMap;

use super::{Checked, Locator};
use crate::diagnostic::{Diagnostic, Severity};

/// Renders the findings of every checked document as one report.
pub fn render(files: &[Checked]) -> String {
    let mut suites = String::new();
    let (mut tests, mut failures) = (0, 0);
    for checked in files {
        let failing: Vec<&Diagnostic> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .collect();
        let path = escape(checked.path);
        let count = failing.len().max(1);
        tests += count;
        failures += failing.len();
        suites.push_str(&format!(
            "  <testsuite name=\"{path}\" tests=\"{count}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
            failing.len()
        ));
        if failing.is_empty() {
            suites.push_str(&format!(
                "    <testcase name=\"no findings\" classname=\"{path}\" file=\"{path}\"/>\n"
            ));
        }
        let locator = Locator::new(checked.text);
        let mut seen: HashMap<String, usize> = HashMap::new();
        for d in failing {
            let at = locator.at(d.span.start);
            let mut name = format!("{}: {}", d.rule, d.message);
            let n = seen.entry(name.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                name.push_str(&format!(" ({})", n));
            }
            suites.push_str(&format!(
                "    <testcase name=\"{}\" classname=\"{path}\" file=\"{path}\" line=\"{}\">\n",
                escape(&name),
                at.line
            ));
            suites.push_str(&format!(
                "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                d.severity,
                escape(&d.message),
                escape_text(&details(checked, d, at.line, at.char_column))
            ));
            suites.push_str("    </testcase>\n");
        }
        suites.push_str("  </testsuite>\n");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"factlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n{suites}</testsuites>\n"
    )
}

/// The body of a failure, what GitLab shows when the test is opened: the
/// finding as the compact format prints it, its notes, and the fact.
fn details(checked: &Checked, d: &Diagnostic, line: usize, column: usize) -> String {
    let mut out = format!(
        "{}:{line}:{column}: {}[{}] {}",
        checked.path, d.severity, d.rule, d.message
    );
    for note in &d.notes {
        out.push_str("\n= ");
        out.push_str(note);
    }
    if let Some(fact) = d.fact.and_then(|i| checked.facts?.facts.get(i)) {
        out.push_str(&format!("\nfact: {}", fact.id));
    }
    if let Some(expected) = &d.expected {
        out.push_str(&format!("\nexpected: {expected}"));
    }
    out
}

/// Escapes text for an XML attribute.
fn escape(text: &str) -> String {
    escape_xml(text, true)
}

/// Escapes text for an element's content, where line breaks stay as they
/// are.
fn escape_text(text: &str) -> String {
    escape_xml(text, false)
}

/// In an attribute, line breaks and tabs are written as character
/// references because a parser turns them into spaces there; a carriage
/// return is one everywhere, or a parser drops it. Characters XML 1.0
/// cannot hold at all (most control characters) become U+FFFD, since one
/// of them would make the whole report unreadable.
fn escape_xml(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\t' => out.push(c),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_with_the_same_name_are_numbered() {
        let text = "12 and 12";
        let diagnostics: Vec<Diagnostic> = [0..2, 7..9]
            .into_iter()
            .map(|span| Diagnostic::new("quantity/mismatch", Severity::Error, span, "m".into()))
            .collect();
        let out = render(&[Checked {
            path: "a.md",
            text,
            diagnostics: &diagnostics,
            facts: None,
        }]);
        assert!(
            out.contains("<testcase name=\"quantity/mismatch: m\" "),
            "{out}"
        );
        assert!(
            out.contains("<testcase name=\"quantity/mismatch: m (2)\" "),
            "{out}"
        );
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"
        );
    }

    #[test]
    fn keeps_line_breaks_and_drops_what_xml_cannot_hold() {
        assert_eq!(escape("a\nb\r\tc"), "a&#10;b&#13;&#9;c");
        assert_eq!(escape_text("a\nb\r\tc"), "a\nb&#13;\tc");
        assert_eq!(escape("bell\u{7} nul\u{0}"), "bell\u{fffd} nul\u{fffd}");
        assert_eq!(escape("Zoë 🌊"), "Zoë 🌊");
    }
}
