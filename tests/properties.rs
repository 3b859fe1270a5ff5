//! Properties that must hold for any text: no panic, every span inside the
//! text and on character boundaries, no relative expression resolved without
//! a reference date, and the same output for the same input.

mod common;

use factlint::analysis::Analysis;
use factlint::extract::time::Resolution;
use factlint::facts::FactSheet;
use factlint::report::{self, Checked};
use factlint::rules::{self, FactSheetContext};
use proptest::prelude::*;

const SHEET: &str = r#"
[story]
published = 2025-06-02
[[fact]]
id = "toll"
text = "JNIM fighters killed more than 30 soldiers at the Boulikessi base on Sunday, June 1, 2025."
[[fact]]
id = "quote"
text = 'The army said it "reacted vigorously" before "withdrawing".'
"#;

/// Text made of the pieces that exercise the parsers, glued at random.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("more than 30 soldiers".to_string()),
        Just(" since the beginning of last month".to_string()),
        Just("“reacted vigorously”".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just("June 02, 2025".to_string()),
        Just("2020–2023".to_string()),
        Just(" last Friday".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("$2.5bn".to_string()),
        Just("thirty-one".to_string()),
        Just("the next morning".to_string()),
        Just("---\ndate: 2025-06-02\n---\n".to_string()),
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check_spans(text: &str, spans: impl Iterator<Item = std::ops::Range<usize>>) {
    for s in spans {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{s:?} outside {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?} splits a character"
        );
    }
}

fn run(text: &str, sheet: &FactSheet, reference: bool) -> (String, String) {
    let context = FactSheetContext::new(sheet);
    let published = if reference { sheet.published } else { None };
    let analysis = Analysis::new(text, None, published);
    check_spans(
        text,
        analysis
            .quantities
            .iter()
            .flat_map(|q| [q.span.clone(), q.number_span.clone()]),
    );
    check_spans(text, analysis.times.iter().map(|t| t.span.clone()));
    check_spans(
        text,
        analysis
            .quotes
            .iter()
            .flat_map(|q| [q.span.clone(), q.content.clone()]),
    );
    if analysis.reference.is_none() {
        assert!(
            analysis
                .times
                .iter()
                .all(|t| !matches!(t.resolution, Resolution::Reference { .. })),
            "resolved against a reference date that does not exist"
        );
    }
    let diagnostics = rules::check(&analysis, Some(&context));
    check_spans(text, diagnostics.iter().map(|d| d.span.clone()));
    let checked = Checked {
        path: "doc.md",
        text,
        diagnostics: &diagnostics,
        facts: Some(sheet),
    };
    let human = report::human::render(&checked, false);
    let json = report::json::render(&checked, &analysis);
    (
        human,
        json + &report::json::render_mentions("doc.md", &analysis),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_checked_without_panic(text in newsy()) {
        let sheet = FactSheet::parse("facts.toml", SHEET).expect("valid sheet");
        let first = run(&text, &sheet, true);
        prop_assert_eq!(&first, &run(&text, &sheet, true), "same input, same output");
        run(&text, &sheet, false);
    }

    #[test]
    fn any_unicode_is_checked_without_panic(text in "\\PC{0,200}") {
        let sheet = FactSheet::parse("facts.toml", SHEET).expect("valid sheet");
        run(&text, &sheet, true);
    }

    #[test]
    fn any_fact_sheet_text_loads_or_fails_cleanly(source in "\\PC{0,120}") {
        let _ = FactSheet::parse("facts.toml", &source);
        let with_fact = format!("[[fact]]\nid = \"x\"\ntext = \"{}\"\n", source.replace(['"', '\\'], ""));
        let _ = FactSheet::parse("facts.toml", &with_fact);
    }
}
