//! One line per finding, `path:line:column: severity[rule] message`, for
//! editors' error lists (Vim's quickfix, Emacs' compilation mode), `grep`
//! and eyes in a CI log: the shape of ruff's concise and ESLint's compact
//! output. Columns count characters, as in the human and JSON output.

use super::{Checked, Locator};

/// Renders the findings of one document, one line each.
pub fn render(checked: &Checked) -> String {
    render_with(checked, &Locator::new(checked.text))
}

/// [`render`] with the file's positions already indexed: a long file is
/// rendered window by window with one index.
pub fn render_with(checked: &Checked, locator: &Locator) -> String {
    let mut out = String::new();
    for d in checked.diagnostics {
        let at = locator.at(d.span.start);
        out.push_str(&format!(
            "{}:{}:{}: {}[{}] {}\n",
            one_line(checked.path),
            at.line,
            at.char_column,
            d.severity,
            d.rule,
            one_line(&d.message)
        ));
    }
    out
}

/// The text with each line break made a space: a finding that spilled onto
/// a second line would read as a second, malformed finding.
fn one_line(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_become_spaces() {
        assert_eq!(one_line("a\r\nb\nc\rd"), "a b c d");
        assert_eq!(one_line("plain"), "plain");
    }
}
