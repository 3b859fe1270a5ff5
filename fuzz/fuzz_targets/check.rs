#![no_main]
//! The whole `check` pipeline on any bytes, as the command line reads them
//! (lossily when they are not UTF-8), in Markdown or plain text, rendered in
//! every per-file format.

use libfuzzer_sys::fuzz_target;

mod common;

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

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let markup = if first & 1 == 0 { Markup::Markdown } else { Markup::Plain };
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
        common::well_formed(&text, &d.span, d.rule);
        if let Some((span, _)) = &d.related {
            common::well_formed(&text, span, "related");
        }
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            common::well_formed(&text, &e.span, "fix");
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
});
