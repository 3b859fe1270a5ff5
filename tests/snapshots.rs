//! Every snapshot in `snapshots/` belongs to a test that still asserts it:
//! a fixture's `fail.md`, a quotation case, or the bundled example. A
//! snapshot left behind by a renamed or deleted case fails here, and so
//! does a pending `.snap.new`, so CI rejects unreferenced snapshots without
//! needing `cargo insta`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::root;

/// The names of the `.snap` files directly in `dir`, and any other files.
fn snap_files(dir: &Path) -> (BTreeSet<String>, Vec<String>) {
    let mut snaps = BTreeSet::new();
    let mut other = Vec::new();
    for entry in std::fs::read_dir(dir).expect("snapshot folder") {
        let entry = entry.expect("entry");
        if !entry.file_type().expect("type").is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        match name.strip_suffix(".snap") {
            Some(stem) => {
                snaps.insert(stem.to_string());
            }
            None => other.push(name),
        }
    }
    (snaps, other)
}

/// The case names of a quotation set.
fn case_names(cases: &Path) -> BTreeSet<String> {
    let source = std::fs::read_to_string(cases).expect("cases readable");
    let table: toml::Table = source.parse().expect("cases parse");
    table["case"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| c["name"].as_str().expect("name").to_string())
        .collect()
}

fn check(dir: &Path, expected: &BTreeSet<String>) {
    let (found, other) = snap_files(dir);
    assert!(
        other.is_empty(),
        "{}: files that are not snapshots (pending `.snap.new`?): {other:?}",
        dir.display()
    );
    let unreferenced: Vec<&String> = found.difference(expected).collect();
    assert!(
        unreferenced.is_empty(),
        "{}: snapshots no test asserts (delete them): {unreferenced:?}",
        dir.display()
    );
    let missing: Vec<&String> = expected.difference(&found).collect();
    assert!(
        missing.is_empty(),
        "{}: snapshots not recorded yet: {missing:?}",
        dir.display()
    );
}

#[test]
fn every_snapshot_is_referenced() {
    let mut expected: BTreeSet<String> = [
        "castelmar_human",
        "castelmar_json",
        "castelmar_source_mode_human",
    ]
    .into_iter()
    .map(str::to_string)
    .collect();
    for category in std::fs::read_dir(root().join("rules")).expect("rules folder") {
        let category = category.expect("entry").path();
        for rule in std::fs::read_dir(&category).expect("category folder") {
            let rule = rule.expect("entry").path();
            if rule.join("fail.md").is_file() {
                let name = |p: &Path| p.file_name().expect("name").to_string_lossy().into_owned();
                expected.insert(format!(
                    "fail_fixtures_match_their_markers_and_snapshots@{}__{}__fail.md",
                    name(&category),
                    name(&rule)
                ));
            }
        }
    }
    check(&root().join("snapshots"), &expected);
    check(
        &root().join("snapshots/quotes"),
        &case_names(&root().join("tests/quotes/cases.toml")),
    );
    check(
        &root().join("snapshots/quotes/blind"),
        &case_names(&root().join("tests/quotes/blind/cases.toml")),
    );
}
