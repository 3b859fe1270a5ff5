//! Every rule's fixtures: `rules/<category>/<name>/` holds `fail.md` (each
//! expected finding marked on its line with `<!-- expect: rule/id -->`),
//! `pass.md` (no findings at all) and, where the rule needs one, a
//! `facts.toml` or a `source.md` to check against as `--source` does. The human output of each `fail.md` is a snapshot.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{check_file_with, fixture_sheet, root};
use factlint::rules::{Level, Levels, RULES};

/// The default rules, and the fixture's own rule on even when it is off by
/// default.
fn levels_for(fixture: &Path) -> Levels {
    let mut levels = Levels::default();
    let folder = fixture
        .strip_prefix(root().join("rules"))
        .unwrap_or(fixture);
    let id = folder.to_string_lossy().replace('\\', "/");
    if let Some(rule) = RULES.iter().find(|r| r.id() == id) {
        levels.set(rule.id(), Level::On(rule.severity()));
    }
    levels
}

/// The `(line, rule)` pairs a fixture marks as expected.
fn markers(text: &str) -> BTreeSet<(usize, String)> {
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("<!-- expect:") {
            let after = &rest[at + "<!-- expect:".len()..];
            let end = after.find("-->").expect("marker is closed");
            for rule in after[..end].split(',') {
                out.insert((i + 1, rule.trim().to_string()));
            }
            rest = &after[end..];
        }
    }
    out
}

/// The `(line, rule)` pairs a check found.
fn found(text: &str, doc: &Path, fixture: &Path) -> BTreeSet<(usize, String)> {
    let sheet = fixture_sheet(fixture);
    let (diagnostics, _, _) = check_file_with(doc, sheet.as_ref(), &levels_for(fixture));
    diagnostics
        .iter()
        .map(|d| {
            (
                text[..d.span.start].matches('\n').count() + 1,
                d.rule.to_string(),
            )
        })
        .collect()
}

#[test]
fn fail_fixtures_match_their_markers_and_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("../rules", "*/*/fail.md", |doc| {
            let fixture = doc.parent().expect("fixture folder");
            let text = std::fs::read_to_string(doc).expect("readable");
            let expected = markers(&text);
            assert!(
                !expected.is_empty(),
                "{} marks no expected finding",
                doc.display()
            );
            assert_eq!(found(&text, doc, fixture), expected, "{}", doc.display());
            let sheet = fixture_sheet(fixture);
            let (_, human, _) = check_file_with(doc, sheet.as_ref(), &levels_for(fixture));
            insta::assert_snapshot!(human);
        });
    });
}

#[test]
fn pass_fixtures_have_no_findings() {
    insta::glob!("../rules", "*/*/pass.md", |doc| {
        let fixture = doc.parent().expect("fixture folder");
        let text = std::fs::read_to_string(doc).expect("readable");
        assert_eq!(
            found(&text, doc, fixture),
            BTreeSet::new(),
            "{}",
            doc.display()
        );
    });
}

#[test]
fn every_rule_has_fixtures() {
    for rule in RULES {
        let folder = root().join("rules").join(rule.id());
        for file in ["fail.md", "pass.md"] {
            assert!(
                folder.join(file).is_file(),
                "rule {} has no {}",
                rule.id(),
                folder.join(file).display()
            );
        }
        if rule.needs_facts() {
            assert!(
                folder.join("facts.toml").is_file() || folder.join("source.md").is_file(),
                "rule {} needs a facts.toml or source.md fixture",
                rule.id()
            );
        }
    }
}

#[test]
fn markers_are_read_from_every_line() {
    let text = "a <!-- expect: x/y -->\nb\nc <!-- expect: x/z, x/w -->";
    let m = markers(text);
    assert_eq!(
        m.into_iter().collect::<Vec<_>>(),
        vec![
            (1, "x/y".to_string()),
            (3, "x/w".to_string()),
            (3, "x/z".to_string())
        ]
    );
}
