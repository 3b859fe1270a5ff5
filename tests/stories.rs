//! Stories written for this repository by a separate author, as a stand-in
//! for held-out data: `tests/stories/<story>/` holds a fact sheet, rewrites
//! with planted drift, and `answers.md`, the answer key. The check must
//! raise no finding that is not in the key, and must find every planted
//! drift except the ones listed in `KNOWN_MISSES`, each with the reason it
//! is missed. A fix that finds one of them should remove it from the list.

mod common;

use std::collections::BTreeSet;

use common::{answer_key, difference, documents, findings, load_sheet, root};

/// Planted drift the linker does not find yet: `(story, file, line)`.
const KNOWN_MISSES: &[(&str, &str, usize, &str)] = &[
    (
        "earnings",
        "03-analysis.md",
        11,
        "“up from 12 cents in the previous quarter”: “previous” marks another event, so the old dividend is not checked",
    ),
    (
        "earnings",
        "04-blog.md",
        3,
        "“put out its second-quarter numbers two days ago”: no word of the release fact or its cues",
    ),
    (
        "election",
        "04-blog.md",
        3,
        "“victory on Saturday”: only “vote” ties the sentence to the election-date fact",
    ),
    (
        "election",
        "05-brief.md",
        9,
        "“under way since March”: only “campaign” ties the sentence to the campaign fact",
    ),
    (
        "outbreak",
        "02-paper.md",
        12,
        "“will continue until May 30, 2026”: the sentence is mostly about the children vaccinated, so the campaign-period fact links weakly",
    ),
    (
        "trial",
        "04-blog.md",
        3,
        "“put 40 witnesses on the stand”: no word of the fact (“heard evidence from”) near the count",
    ),
    (
        "airline",
        "03-dateline.md",
        9,
        "“last went on strike in 2017”: “strike” is in most facts, and no rarer word ties the date to the previous-strike fact",
    ),
    (
        "football",
        "04-blog.md",
        9,
        "the parade date: the sentence shares one rare word with the parade fact",
    ),
    (
        "football",
        "05-brief.md",
        3,
        "“on a four-year contract”: only “contract” ties the clause to the fact",
    ),
    (
        "wildlife",
        "02-paper.md",
        8,
        "“up 27% since 2015”: the clause names the population, a word of another fact",
    ),
    (
        "wildlife",
        "03-dateline.md",
        5,
        "“the rise of 17 per cent since 2012”: the percentage stands between the date and “rise”",
    ),
];

/// `tests/stories/*` (written while the linker was tuned) and
/// `tests/heldout/*` (written later by another author and measured blind
/// first: 11 of 23 found; see the README).
fn story_folders() -> Vec<std::path::PathBuf> {
    let mut folders: Vec<_> = ["tests/stories", "tests/heldout"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root().join(d)).expect("story folder"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    folders
}

#[test]
fn stories_have_no_false_alarms_and_only_known_misses() {
    let stories = story_folders();
    assert_eq!(stories.len(), 8);
    let (mut planted, mut missed_total) = (0, 0);
    for story in stories {
        let name = story
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let expected = answer_key(&story.join("answers.md"));
        let sheet = load_sheet(&story.join("facts.toml"));
        let found = findings(&documents(&story), &sheet);
        let false_alarms = difference(&found, &expected);
        assert!(
            false_alarms.is_empty(),
            "{name}: false alarms {false_alarms:#?}"
        );
        let known: BTreeSet<(String, usize)> = KNOWN_MISSES
            .iter()
            .filter(|(s, ..)| *s == name)
            .map(|(_, f, l, _)| (f.to_string(), *l))
            .collect();
        for (file, line, rule, fact) in difference(&expected, &found) {
            assert!(
                known.contains(&(file.clone(), line)),
                "{name}: missed {file}:{line} {rule} {fact}"
            );
        }
        for (file, line) in &known {
            assert!(
                !found.keys().any(|(f, l, ..)| f == file && l == line),
                "{name}: {file}:{line} is found now; remove it from KNOWN_MISSES"
            );
        }
        planted += expected.values().sum::<usize>();
        missed_total += known.len();
    }
    assert_eq!((planted, missed_total), (62, KNOWN_MISSES.len()));
}

/// Articles checked against another story's fact sheet: whatever words
/// they share ("three people died", "4.5 million euros"), nothing in them
/// is about those facts, so every error would be a false alarm.
#[test]
fn articles_are_never_checked_against_another_storys_facts() {
    let mut folders = story_folders();
    folders.push(root().join("examples/castelmar"));
    folders.sort();
    let mut sheets = folders.clone();
    sheets.push(root().join("examples/sahel-2025"));
    for sheet_folder in &sheets {
        let sheet = load_sheet(&sheet_folder.join("facts.toml"));
        for docs in folders.iter().filter(|d| *d != sheet_folder) {
            let errors: Vec<_> = findings(&documents(docs), &sheet)
                .into_keys()
                .filter(|(_, _, rule, _)| rule.ends_with("/mismatch"))
                .collect();
            assert!(
                errors.is_empty(),
                "{} checked against {}: {errors:#?}",
                docs.display(),
                sheet_folder.display()
            );
        }
    }
}
