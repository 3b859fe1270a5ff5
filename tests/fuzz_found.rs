//! Every input a fuzzer (see `fuzz/`) found to fail, replayed through what
//! its target runs: `tests/fuzz_found/TARGET-what.bin`. The fuzz targets
//! need a nightly toolchain; these run with `cargo test`.

use std::path::Path;

use factlint::facts::FactSheet;
use factlint::lint::Checker;
use factlint::prose::{Markup, Prose};
use factlint::report::{self, Checked};
use factlint::rules::{FactSheetContext, Levels};

/// The fact sheet of the `check` target.
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

/// `fuzz/fuzz_targets/check.rs`: the first byte chooses the markup, the
/// sheet and a fix; the rest is the document, read lossily.
fn check_target(data: &[u8]) {
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
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
    let checked = Checked {
        path: "doc.md",
        text: &text,
        diagnostics: &diagnostics,
        facts: Some(&sheet),
    };
    let _ = report::human::render(&checked, false);
    let _ = report::sarif::render(std::slice::from_ref(&checked));
    if first & 4 == 0 {
        let _ = checker.fix(&text, markup);
    }
}

#[test]
fn every_input_the_fuzzers_found_runs_clean() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_found");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&folder).expect("tests/fuzz_found") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let data = std::fs::read(&path).expect("readable");
        match name.split('-').next() {
            Some("check") => check_target(&data),
            _ => panic!("{name}: no replay for this target; name it TARGET-what.bin"),
        }
        replayed += 1;
    }
    assert!(replayed > 0, "nothing replayed from {}", folder.display());
}
