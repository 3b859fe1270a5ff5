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
