//! The bundled example end to end: its findings are exactly the drift
//! planted in it (the answer key in `tests/castelmar_answers.md`), and its
//! human and JSON output are snapshots.

mod common;

use std::path::PathBuf;

use common::{answer_key, check_file, difference, documents, findings, load_sheet, root};

fn example_docs() -> Vec<PathBuf> {
    documents(&root().join("examples/castelmar"))
}

#[test]
fn example_findings_are_exactly_the_planted_drift() {
    let sheet = load_sheet(&root().join("examples/castelmar/facts.toml"));
    let found = findings(&example_docs(), &sheet);
    let expected = answer_key(&root().join("tests/castelmar_answers.md"));
    assert_eq!(
        expected.values().sum::<usize>(),
        16,
        "the answer key lists 16 planted findings"
    );
    let missed = difference(&expected, &found);
    let false_alarms = difference(&found, &expected);
    assert!(
        missed.is_empty() && false_alarms.is_empty(),
        "missed: {missed:#?}\nfalse alarms: {false_alarms:#?}"
    );
}

#[test]
fn example_output_snapshots() {
    let sheet = load_sheet(&root().join("examples/castelmar/facts.toml"));
    let mut human = String::new();
    let mut json = String::new();
    for doc in example_docs() {
        let (_, h, j) = check_file(&doc, Some(&sheet));
        human.push_str(&h);
        json.push_str(&j);
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::assert_snapshot!("castelmar_human", human);
        insta::assert_snapshot!("castelmar_json", json);
    });
}

/// Source mode on the bundled example: the four rewrites checked against
/// the wire copy alone (no fact sheet) still report the planted drift the
/// wire copy can decide. The human output is a snapshot.
#[test]
fn source_mode_finds_the_drift_from_the_wire_copy() {
    let wire = root().join("examples/castelmar/01-wire.md");
    let sheet = common::fixture_sheet_from(&wire);
    let mut human = String::new();
    let mut found: Vec<(String, usize, String)> = Vec::new();
    for doc in example_docs().into_iter().filter(|d| *d != wire) {
        let (diagnostics, h, _) = check_file(&doc, Some(&sheet));
        let text = std::fs::read_to_string(&doc).expect("readable");
        let name = doc
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        found.extend(diagnostics.iter().map(|d| {
            let line = text[..d.span.start].matches('\n').count() + 1;
            (name.clone(), line, d.rule.to_string())
        }));
        human.push_str(&h);
    }
    // Planted drift the wire copy decides, as (file, line, rule).
    for planted in [
        ("02-newspaper.md", 6, "quantity/mismatch"),
        ("02-newspaper.md", 12, "quantity/mismatch"),
        ("02-newspaper.md", 14, "quote/mismatch"),
        ("02-newspaper.md", 20, "time/mismatch"),
        ("03-tv.md", 3, "time/mismatch"),
        ("04-blog.md", 8, "quantity/mismatch"),
        ("04-blog.md", 10, "time/mismatch"),
        ("04-blog.md", 10, "quote/mismatch"),
        ("04-blog.md", 12, "quantity/mismatch"),
        ("05-brief.md", 9, "time/mismatch"),
        ("05-brief.md", 11, "quote/mismatch"),
    ] {
        let planted = (planted.0.to_string(), planted.1, planted.2.to_string());
        assert!(found.contains(&planted), "missed {planted:?} in {found:#?}");
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("castelmar_source_mode_human", human));
}
