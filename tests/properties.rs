//! Properties that must hold for any text: no panic, every span inside the
//! text and on character boundaries, lines and columns that agree with the
//! byte offsets, no relative expression resolved without a reference date,
//! the same output for the same input, and nothing left to fix after a fix.

mod common;

use factlint::analysis::Analysis;
use factlint::config::Config;
use factlint::diagnostic::Severity;
use factlint::extract::time::Resolution;
use factlint::facts::FactSheet;
use factlint::lint::Checker;
use factlint::prose::{Markup, Prose};
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

/// The line and column of `offset` counted the slow way: line breaks
/// before it, and characters since the last one.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = 1 + before.matches('\n').count();
    let column = 1 + before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count();
    (line, column)
}

/// A misquote and relative dates, which have safe fixes under the wire
/// house style, among the pieces of [`newsy`].
fn fixable() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The army said it \"reacted vigorously\" before \"withdraw\".".to_string()),
        Just("Ana said on Monday that ".to_string()),
        Just(" last month".to_string()),
        Just(" yesterday".to_string()),
        Just("\n\n".to_string()),
        newsy(),
    ];
    prop::collection::vec(piece, 0..12)
        .prop_map(|v| format!("---\ndate: 2025-06-04\n---\n{}", v.concat()))
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
    fn lines_and_columns_agree_with_byte_offsets(text in newsy()) {
        let sheet = FactSheet::parse("facts.toml", SHEET).expect("valid sheet");
        let context = FactSheetContext::new(&sheet);
        let analysis = Analysis::new(&text, None, sheet.published);
        let diagnostics = rules::check(&analysis, Some(&context));
        let checked = Checked { path: "doc.md", text: &text, diagnostics: &diagnostics, facts: Some(&sheet) };
        let json = report::json::render(&checked, &analysis);
        let compact = report::compact::render(&checked);
        for (line, short) in json.lines().zip(compact.lines()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
            let at = |k: &str| v[k].as_u64().expect(k) as usize;
            let (start, end) = (at("byte_start"), at("byte_end"));
            prop_assert_eq!((at("line"), at("column")), line_col(&text, start));
            prop_assert_eq!((at("end_line"), at("end_column")), line_col(&text, end));
            let (l, c) = line_col(&text, start);
            let prefix = format!("doc.md:{l}:{c}: ");
            prop_assert!(short.starts_with(&prefix), "{} is not at {}", short, prefix);
        }
        // and at any offset, not only where findings are
        for offset in (0..=text.len()).filter(|&i| text.is_char_boundary(i)).step_by(3) {
            let at = analysis.doc.line_col(offset);
            prop_assert_eq!((at.line, at.column), line_col(&text, offset));
        }
    }

    #[test]
    fn after_a_fix_nothing_is_left_to_fix(text in fixable()) {
        let sheet = FactSheet::parse("facts.toml", SHEET).expect("valid sheet");
        let context = FactSheetContext::new(&sheet);
        let config = Config::parse(std::path::Path::new("factlint.toml"), "preset = \"wire\"\n")
            .expect("valid config");
        let levels = config.for_file(std::path::Path::new("doc.md")).levels;
        let checker = Checker { levels: &levels, facts: Some(&context), date: None };
        let Some(fixed) = checker.fix(&text, Markup::Markdown) else {
            return Ok(());
        };
        prop_assert!(fixed.fixed > 0);
        let prose = Prose::new(&fixed.text, Markup::Markdown);
        let again = checker.check(&fixed.text, &prose);
        let left = factlint::fix::apply(&fixed.text, &prose.text, &again);
        prop_assert!(left.is_none(), "still to fix in {:?}: {:?}", fixed.text, again.iter().filter(|d| d.fix.is_some()).map(|d| &d.message).collect::<Vec<_>>());
        // and fixing changed no finding that had no fix into an error
        let errors = |ds: &[factlint::diagnostic::Diagnostic]| ds.iter().filter(|d| d.severity == Severity::Error && d.fix.is_none()).count();
        let before = checker.check(&text, &Prose::new(&text, Markup::Markdown));
        prop_assert!(errors(&again) <= errors(&before), "a fix made new errors in {:?}", fixed.text);
    }

    #[test]
    fn any_fact_sheet_text_loads_or_fails_cleanly(source in "\\PC{0,120}") {
        let _ = FactSheet::parse("facts.toml", &source);
        let with_fact = format!("[[fact]]\nid = \"x\"\ntext = \"{}\"\n", source.replace(['"', '\\'], ""));
        let _ = FactSheet::parse("facts.toml", &with_fact);
    }
}
