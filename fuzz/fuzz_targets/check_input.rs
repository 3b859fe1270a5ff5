//! The `check` fuzz target's body, shared with `tests/fuzz_found.rs`,
//! which replays what the fuzzer found through exactly this.

use factlint::facts::FactSheet;
use factlint::lint::Checker;
use factlint::prose::{Markup, Prose};
use factlint::report::{self, Checked};
use factlint::rules::{FactSheetContext, Levels};

const SHEET: &str = r#"
[story]
published = 2025-06-02

[[fact]]
id = "toll"
text = "More than 30 soldiers were killed on Sunday, June 1, 2025, in Boulikessi, the army said."

[[fact]]
id = "quote"
text = "Colonel Maiga said: \"We are withdrawing from the base.\""

[[fact]]
id = "aid"
text = "The government pledged $2.5 billion in aid since the beginning of May."
"#;

/// Checks `data` as the command line reads a file: the first byte chooses
/// the markup, the fact sheet and a fix; the rest is the document, read
/// lossily. Every span must lie inside the text on character boundaries.
pub fn run(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let markup = if first & 1 == 0 {
        Markup::Markdown
    } else {
        Markup::Plain
    };
    let sheet = FactSheet::parse("facts.toml", SHEET).expect("the sheet loads");
    let context = FactSheetContext::new(&sheet);
    let levels = Levels::default();
    let checker = Checker {
        levels: &levels,
        facts: (first & 2 == 0).then_some(&context),
        date: None,
    };
    let prose = Prose::new(&text, markup);
    let diagnostics = checker.check(&text, &prose);
    for d in &diagnostics {
        well_formed(&text, &d.span, d.rule);
        if let Some((span, _)) = &d.related {
            well_formed(&text, span, "related");
        }
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            well_formed(&text, &e.span, "fix");
        }
    }
    let checked = Checked {
        path: "doc.md",
        text: &text,
        diagnostics: &diagnostics,
        facts: Some(&sheet),
    };
    let _ = report::human::render(&checked, false);
    let _ = report::compact::render(&checked);
    let _ = report::github::render(&checked);
    let _ = report::rdjsonl::render(&checked);
    let _ = report::sarif::render(std::slice::from_ref(&checked));
    if first & 4 == 0 {
        let _ = checker.fix(&text, markup);
    }
}

fn well_formed(text: &str, span: &std::ops::Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside the text ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} inside a character"
    );
}
