//! The bundled example end to end: its findings are exactly the drift
//! planted in it (the answer key in `tests/castelmar_answers.md`), and its
//! human and JSON output are snapshots.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::{check_file, load_sheet, root};

fn example_docs() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("examples/castelmar"))
        .expect("example folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    docs
}

/// `(file, line, rule, fact)` for every planted finding in the answer key.
fn answer_key() -> BTreeSet<(String, usize, String, String)> {
    let key =
        std::fs::read_to_string(root().join("tests/castelmar_answers.md")).expect("answer key");
    key.lines()
        .filter(|l| l.starts_with("| ") && l[2..].starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(|c| c.trim().trim_matches('`')).collect();
            let line = cells[3]
                .split_whitespace()
                .next()
                .expect("line")
                .parse()
                .expect("line number");
            (
                cells[2].to_string(),
                line,
                cells[6].to_string(),
                cells[5].to_string(),
            )
        })
        .collect()
}

#[test]
fn example_findings_are_exactly_the_planted_drift() {
    let sheet = load_sheet(&root().join("examples/castelmar/facts.toml"));
    let mut found = BTreeSet::new();
    for doc in example_docs() {
        let text = std::fs::read_to_string(&doc).expect("readable");
        let (diagnostics, _, _) = check_file(&doc, Some(&sheet));
        for d in diagnostics {
            let line = text[..d.span.start].matches('\n').count() + 1;
            let fact = d
                .fact
                .map_or("none".to_string(), |i| sheet.facts[i].id.clone());
            let file = doc.file_name().expect("name").to_string_lossy().to_string();
            found.insert((file, line, d.rule.to_string(), fact));
        }
    }
    let expected = answer_key();
    assert_eq!(
        expected.len(),
        13,
        "the answer key lists 13 planted findings"
    );
    let missed: Vec<_> = expected.difference(&found).collect();
    let false_alarms: Vec<_> = found.difference(&expected).collect();
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
