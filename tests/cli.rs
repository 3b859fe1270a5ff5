//! The command line as other tools see it: exit codes, messages on stderr,
//! and that one bad input never stops the others from being checked.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{QUOTE_SHEET, SHEET, WIRE, factlint, root, scratch, stderr, stdout};

/// Runs factlint with `input` on its standard input.
fn factlint_with_stdin(args: &[&str], dir: &Path, input: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write to stdin");
    child.wait_with_output().expect("factlint ends")
}

const CLEAN_DOC: &str = "The council approved $2.5 billion for the harbour bridge.\n";
const WRONG_DOC: &str = "The council approved $2.5 million for the harbour bridge.\n";

#[test]
fn exit_codes_follow_findings() {
    let dir = scratch(&[
        ("facts.toml", SHEET.as_bytes()),
        ("ok.md", CLEAN_DOC.as_bytes()),
        ("bad.md", WRONG_DOC.as_bytes()),
    ]);
    let ok = factlint(&["check", "ok.md"], dir.path());
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let bad = factlint(&["check", "--color", "never", "bad.md"], dir.path());
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stdout(&bad).contains("error[quantity/mismatch]"),
        "{}",
        stdout(&bad)
    );
    assert!(
        stdout(&bad).contains("facts.toml:6:30"),
        "points at the fact: {}",
        stdout(&bad)
    );
}

#[test]
fn fact_sheet_is_found_in_a_parent_directory() {
    let dir = scratch(&[("facts.toml", SHEET.as_bytes())]);
    std::fs::create_dir(dir.path().join("articles")).expect("mkdir");
    std::fs::write(dir.path().join("articles/bad.md"), WRONG_DOC).expect("write");
    let out = factlint(&["check", "bad.md"], &dir.path().join("articles"));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn without_a_fact_sheet_only_sheetless_checks_run() {
    let dir = scratch(&[
        ("bad.md", WRONG_DOC.as_bytes()),
        ("open.md", "He said “we will stay.\n".as_bytes()),
    ]);
    let out = factlint(
        &["check", "--color", "never", "bad.md", "open.md"],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings do not fail: {}",
        stdout(&out)
    );
    assert_eq!(
        stderr(&out).matches("no fact sheet").count(),
        1,
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("warning[quote/unterminated]"));
}

#[test]
fn json_lines_follow_the_contract() {
    let dir = scratch(&[
        ("facts.toml", SHEET.as_bytes()),
        ("bad.md", WRONG_DOC.as_bytes()),
    ]);
    let out = factlint(&["check", "--format", "json", "bad.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 1);
    let d = &lines[0];
    assert_eq!(d["path"], "bad.md");
    assert_eq!(d["line"], 1);
    assert_eq!(d["column"], 22);
    assert_eq!(d["end_line"], 1);
    assert_eq!(d["end_column"], 34);
    assert_eq!(d["byte_start"], 21);
    assert_eq!(d["byte_end"], 33);
    assert_eq!(d["severity"], "error");
    assert_eq!(d["rule"], "quantity/mismatch");
    assert_eq!(d["fact"], "cost");
    assert_eq!(d["found"], "$2.5 million");
    assert_eq!(d["expected"], "$2.5 billion");
    assert!(d["message"].as_str().is_some_and(|m| m.contains("cost")));
}

#[test]
fn broken_fact_sheets_point_at_line_and_column_and_exit_2() {
    let cases: &[(&str, &str)] = &[
        (
            "[[fact]]\nid = \"a\"\ntext = \"He said “x y”.\"\ncuse = []\n",
            "facts.toml:4:1",
        ),
        (
            "[[fact]]\nid = \"a\"\ntext = 'He said \"x\".'\n\n[[fact]]\nid = \"a\"\ntext = 'She said \"y\".'\n",
            "facts.toml:6:6",
        ),
        ("[story]\npublished = \"last June\"\n", "facts.toml:2:13"),
        ("[story]\npublished = 2025-02-30\n", "facts.toml:2:"),
        ("[[fact]\nid = \"a\"\n", "facts.toml:1:"),
    ];
    for (sheet, place) in cases {
        let dir = scratch(&[
            ("facts.toml", sheet.as_bytes()),
            ("doc.md", "He said “open.\n".as_bytes()),
        ]);
        let out = factlint(&["check", "--color", "never", "doc.md"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{sheet}");
        let err = stderr(&out);
        assert!(err.contains(place), "expected {place} in:\n{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            stdout(&out).contains("quote/unterminated"),
            "the document is still checked: {}",
            stdout(&out)
        );
    }
}

#[test]
fn bad_files_are_reported_and_the_rest_still_checked() {
    let dir = scratch(&[
        ("facts.toml", SHEET.as_bytes()),
        (
            "a-latin1.md",
            b"Caf\xe9 owners said the council approved $2.5 million.\n",
        ),
        ("b-bad.md", WRONG_DOC.as_bytes()),
    ]);
    let out = factlint(
        &[
            "check",
            "--format",
            "json",
            "a-latin1.md",
            "missing.md",
            "b-bad.md",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("a-latin1.md: not UTF-8"), "{err}");
    assert!(err.contains("missing.md: cannot read"), "{err}");
    assert!(
        stdout(&out).contains("\"path\":\"b-bad.md\""),
        "the good file is still checked"
    );
}

#[test]
fn output_is_the_same_whatever_the_number_of_threads() {
    // Files of very different sizes, so that threads finish out of order,
    // with unreadable ones among them.
    let mut files: Vec<(String, Vec<u8>)> = vec![("facts.toml".into(), SHEET.into())];
    for i in 0..40 {
        let doc = if i % 3 == 0 { WRONG_DOC } else { CLEAN_DOC };
        files.push((
            format!("docs/{i:02}.md"),
            doc.repeat(1 + (i * 37) % 200).into(),
        ));
    }
    files.push((
        "docs/07-latin1.md".into(),
        b"Caf\xe9 $2.5 million.\n".to_vec(),
    ));
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_slice()))
        .collect();
    let dir = scratch(&files);
    for format in ["human", "json", "sarif"] {
        let run = |jobs: &str| {
            factlint(
                &[
                    "check", "--color", "never", "--format", format, "-j", jobs, "docs",
                ],
                dir.path(),
            )
        };
        let one = run("1");
        assert_eq!(one.status.code(), Some(2), "{}", stderr(&one));
        assert!(stdout(&one).contains("39.md"), "every file is checked");
        let four = run("4");
        assert_eq!(stdout(&one), stdout(&four), "{format}");
        // The summary line's time differs between runs.
        let without_time = |o: &Output| {
            stderr(o)
                .lines()
                .filter(|l| !l.starts_with("factlint: checked"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(without_time(&one), without_time(&four), "{format}");
        assert_eq!(one.status.code(), four.status.code());
    }
}

#[test]
fn directories_are_walked_for_prose_files_in_order() {
    let dir = scratch(&[("facts.toml", SHEET.as_bytes())]);
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("sub")).expect("mkdir");
    std::fs::write(docs.join("z.txt"), WRONG_DOC).expect("write");
    std::fs::write(docs.join("sub/a.markdown"), WRONG_DOC).expect("write");
    std::fs::write(docs.join("notes.rs"), WRONG_DOC).expect("write");
    let out = factlint(&["check", "--format", "json", "docs"], dir.path());
    let paths: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["path"]
                .as_str()
                .expect("path")
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["docs/sub/a.markdown", "docs/z.txt"]);
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let dir = scratch(&[("facts.toml", SHEET.as_bytes())]);
    let out = factlint_with_stdin(&["check", "--format", "json", "-"], dir.path(), WRONG_DOC);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("\"path\":\"<stdin>\""));
}

#[test]
fn usage_errors_exit_2() {
    let out = factlint(&["check", "--date", "June 2", "x.md"], &root());
    assert_eq!(out.status.code(), Some(2));
    let out = factlint(&["check"], &root());
    assert_eq!(out.status.code(), Some(2));
    let out = factlint(&["explain", "no/such-rule"], &root());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn extract_lists_mentions_with_values() {
    let dir = scratch(&[(
        "a.md",
        "More than 30 soldiers were killed on Sunday, the army said, calling it “a heavy loss”.\n"
            .as_bytes(),
    )]);
    let out = factlint(
        &[
            "extract",
            "--date",
            "2025-06-02",
            "--format",
            "json",
            "a.md",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let kinds: Vec<&str> = lines
        .iter()
        .map(|l| l["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["quantity", "time", "quote"]);
    assert_eq!(lines[0]["value"], 30.0);
    assert_eq!(lines[0]["low"], 30.0);
    assert_eq!(lines[0]["low_inclusive"], false);
    assert_eq!(lines[0]["high"], serde_json::Value::Null);
    assert_eq!(lines[0]["unit"], "soldier");
    assert_eq!(lines[1]["value"], "2025-06-01");
    assert_eq!(lines[1]["type"], "DATE");
    assert_eq!(lines[2]["content"], "a heavy loss");
}

#[test]
fn rules_and_explain_document_every_rule() {
    let out = factlint(&["rules"], &root());
    assert_eq!(out.status.code(), Some(0));
    for rule in factlint::rules::RULES {
        assert!(stdout(&out).contains(rule.id()));
        let explained = factlint(&["explain", rule.id()], &root());
        assert!(stdout(&explained).contains("Why it matters"));
    }
}

#[test]
fn the_configuration_is_found_from_each_documents_folder() {
    let dir = scratch(&[
        ("facts.toml", SHEET),
        ("news/bad.md", WRONG_DOC),
        (
            "opinion/factlint.toml",
            "[rules]\n\"quantity/mismatch\" = \"warning\"\n",
        ),
        ("opinion/bad.md", WRONG_DOC),
    ]);
    let news = factlint(&["check", "--color", "never", "news/bad.md"], dir.path());
    assert_eq!(news.status.code(), Some(1), "{}", stderr(&news));
    // run from elsewhere: the configuration beside the document still applies
    let elsewhere = dir.path().join("news");
    let opinion = factlint(
        &["check", "--color", "never", "../opinion/bad.md"],
        &elsewhere,
    );
    assert_eq!(opinion.status.code(), Some(0), "{}", stderr(&opinion));
    assert!(
        stdout(&opinion).contains("warning[quantity/mismatch]"),
        "{}",
        stdout(&opinion)
    );
}

#[test]
fn an_explicit_configuration_wins_and_names_the_fact_sheet() {
    let dir = scratch(&[
        ("sheets/story.toml", SHEET),
        ("docs/bad.md", WRONG_DOC),
        (
            "docs/factlint.toml",
            "[rules]\n\"quantity/mismatch\" = \"off\"\n",
        ),
        ("strict.toml", "facts = \"sheets/story.toml\"\n"),
    ]);
    let discovered = factlint(&["check", "--color", "never", "docs/bad.md"], dir.path());
    assert_eq!(discovered.status.code(), Some(0), "{}", stderr(&discovered));
    assert!(!stdout(&discovered).contains("quantity/mismatch"));
    let explicit = factlint(
        &[
            "check",
            "--color",
            "never",
            "--config",
            "strict.toml",
            "docs/bad.md",
        ],
        dir.path(),
    );
    assert_eq!(explicit.status.code(), Some(1), "{}", stderr(&explicit));
    assert!(stdout(&explicit).contains("error[quantity/mismatch]"));
    assert!(
        stdout(&explicit).contains("sheets/story.toml"),
        "{}",
        stdout(&explicit)
    );
}

#[test]
fn a_configuration_typo_points_at_its_line_and_the_rest_is_still_checked() {
    let dir = scratch(&[
        ("facts.toml", SHEET),
        (
            "a/factlint.toml",
            "preset = \"default\"\nexlude = [\"x\"]\n",
        ),
        ("a/bad.md", WRONG_DOC),
        ("b/bad.md", WRONG_DOC),
    ]);
    let out = factlint(
        &["check", "--color", "never", "a/bad.md", "b/bad.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("invalid configuration"), "{err}");
    assert!(err.contains("factlint.toml:2:1"), "{err}");
    assert!(err.contains("exlude"), "{err}");
    // both documents were still checked (the broken file's with the defaults)
    assert_eq!(stdout(&out).matches("error[quantity/mismatch]").count(), 2);
}

#[test]
fn overrides_include_and_exclude_apply_by_path() {
    let dir = scratch(&[
        ("facts.toml", SHEET),
        (
            "factlint.toml",
            "exclude = [\"drafts/**\"]\n\n[[overrides]]\npaths = [\"opinion/**\"]\nrules = { \"quantity/mismatch\" = \"off\" }\n",
        ),
        ("news/bad.md", WRONG_DOC),
        ("opinion/bad.md", WRONG_DOC),
        ("drafts/bad.md", WRONG_DOC),
    ]);
    let out = factlint(&["check", "--color", "never", "."], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text.matches("error[quantity/mismatch]").count(),
        1,
        "{text}"
    );
    assert!(text.contains("news/bad.md"), "{text}");
    assert!(!text.contains("drafts"), "{text}");
}

#[test]
fn inline_suppressions_hide_findings_and_unused_ones_are_reported() {
    let suppressed = format!("<!-- factlint-disable-next-line quantity/mismatch -->\n{WRONG_DOC}");
    let region = format!(
        "<!-- factlint-disable quantity -->\n{WRONG_DOC}<!-- factlint-enable -->\n{WRONG_DOC}"
    );
    let unused = format!("<!-- factlint-disable-next-line quote/mismatch -->\n{CLEAN_DOC}");
    let dir = scratch(&[
        ("facts.toml", SHEET),
        ("next.md", &suppressed),
        ("region.md", &region),
        ("unused.md", &unused),
    ]);
    let next = factlint(&["check", "--color", "never", "next.md"], dir.path());
    assert_eq!(next.status.code(), Some(0), "{}", stdout(&next));
    assert_eq!(stdout(&next), "");
    let region = factlint(&["check", "--color", "never", "region.md"], dir.path());
    assert_eq!(region.status.code(), Some(1));
    assert_eq!(
        stdout(&region).matches("error[quantity/mismatch]").count(),
        1
    );
    assert!(
        stdout(&region).contains("region.md:4:"),
        "{}",
        stdout(&region)
    );
    let unused = factlint(&["check", "--color", "never", "unused.md"], dir.path());
    assert_eq!(unused.status.code(), Some(0));
    assert!(
        stdout(&unused).contains("[suppression/unused]"),
        "{}",
        stdout(&unused)
    );
}

#[test]
fn a_baseline_accepts_known_findings_and_shows_new_ones() {
    let dir = scratch(&[("facts.toml", SHEET), ("docs/bad.md", WRONG_DOC)]);
    let write = factlint(
        &["check", "--write-baseline", "baseline.json", "docs"],
        dir.path(),
    );
    assert_eq!(write.status.code(), Some(0), "{}", stderr(&write));
    assert!(stderr(&write).contains("wrote 1 finding(s)"));
    let baseline = std::fs::read_to_string(dir.path().join("baseline.json")).expect("written");
    assert!(baseline.contains("docs/bad.md"), "{baseline}");
    let known = factlint(
        &[
            "check",
            "--color",
            "never",
            "--baseline",
            "baseline.json",
            "docs",
        ],
        dir.path(),
    );
    assert_eq!(known.status.code(), Some(0), "{}", stdout(&known));
    assert!(stderr(&known).contains("1 finding(s) accepted"));
    // a new finding above the old one is still reported, the old one not
    let edited =
        format!("The council approved $3.5 billion for the harbour bridge.\n\n{WRONG_DOC}");
    std::fs::write(dir.path().join("docs/bad.md"), edited).expect("edit");
    let new = factlint(
        &[
            "check",
            "--color",
            "never",
            "--baseline",
            "baseline.json",
            "docs",
        ],
        dir.path(),
    );
    assert_eq!(new.status.code(), Some(1));
    assert_eq!(stdout(&new).matches("error[quantity/mismatch]").count(), 1);
    assert!(stdout(&new).contains("$3.5 billion"), "{}", stdout(&new));
    // from another working directory the baseline still names the file
    let elsewhere = factlint(
        &["check", "--baseline", "../baseline.json", "bad.md"],
        &dir.path().join("docs"),
    );
    assert!(
        stderr(&elsewhere).contains("1 finding(s) accepted"),
        "{}",
        stderr(&elsewhere)
    );
    let broken = factlint(&["check", "--baseline", "docs/bad.md", "docs"], dir.path());
    assert_eq!(broken.status.code(), Some(2));
}

#[test]
fn the_wire_preset_turns_on_relative_dates_and_a_level_can_turn_it_off() {
    let doc = "---\ndate: 2025-06-02\n---\n\nOlive oil exports fell last month.\n";
    let dir = scratch(&[
        ("plain/a.md", doc),
        ("wire/factlint.toml", "preset = \"wire\"\n"),
        ("wire/a.md", doc),
        (
            "quiet/factlint.toml",
            "preset = \"wire\"\n[rules]\n\"time/relative\" = \"off\"\n",
        ),
        ("quiet/a.md", doc),
    ]);
    let run = |path: &str| {
        let out = factlint(&["check", "--color", "never", path], dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    assert!(!run("plain/a.md").contains("time/relative"));
    let wire = run("wire/a.md");
    assert!(wire.contains("[time/relative]"), "{wire}");
    assert!(wire.contains("write “in May”"), "{wire}");
    assert!(!run("quiet/a.md").contains("time/relative"));
}

/// Two fixable findings (a misquote, a relative date), CRLF line endings,
/// and the same misquote in a code block, which is not prose.
const FIXABLE: &str = "---\r\ndate: 2025-11-04\r\n---\r\nAna Vidal said on Monday: \"We reach them after forty hours of digging.\"\r\n\r\n```\r\n\"We reach them after forty hours of digging.\"\r\n```\r\n";
const FIXED: &str = "---\r\ndate: 2025-11-04\r\n---\r\nAna Vidal said on November 3: \"We reached them after forty hours of digging.\"\r\n\r\n```\r\n\"We reach them after forty hours of digging.\"\r\n```\r\n";

#[test]
fn fix_writes_the_safe_fixes_and_a_second_run_changes_nothing() {
    let dir = scratch(&[
        ("facts.toml", QUOTE_SHEET),
        ("factlint.toml", WIRE),
        ("story.md", FIXABLE),
    ]);
    let first = factlint(
        &["check", "--color", "never", "--fix", "story.md"],
        dir.path(),
    );
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let written = std::fs::read_to_string(dir.path().join("story.md")).expect("read");
    assert_eq!(written, FIXED);
    assert!(
        stderr(&first).contains("fixed 2 findings in 1 file"),
        "{}",
        stderr(&first)
    );
    // nothing else in the folder: the temporary file was renamed over the story
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["factlint.toml", "facts.toml", "story.md"]);

    let second = factlint(
        &["check", "--color", "never", "--fix", "story.md"],
        dir.path(),
    );
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(stderr(&second).contains("fixed 0 findings in 0 files"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("story.md")).expect("read"),
        FIXED
    );
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = scratch(&[
        ("facts.toml", QUOTE_SHEET),
        ("factlint.toml", WIRE),
        ("story.md", FIXABLE),
        ("clean.md", "Nothing to fix here.\n"),
    ]);
    let out = factlint(&["check", "--diff", "story.md", "clean.md"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let diff = stdout(&out);
    assert!(
        diff.starts_with("--- story.md\n+++ story.md\n@@ -1,"),
        "{diff}"
    );
    assert!(
        diff.contains("-Ana Vidal said on Monday: \"We reach them after forty hours of digging.\"\r\n+Ana Vidal said on November 3: \"We reached them after forty hours of digging.\"\r\n"),
        "{diff}"
    );
    assert!(!diff.contains("clean.md"), "{diff}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("story.md")).expect("read"),
        FIXABLE
    );
    // nothing to fix: exit 0, no output
    let clean = factlint(&["check", "--diff", "clean.md"], dir.path());
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(stdout(&clean), "");
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    let dir = scratch(&[("facts.toml", QUOTE_SHEET), ("factlint.toml", WIRE)]);
    let out = factlint_with_stdin(
        &["check", "--fix", "--stdin-filename", "story.md"],
        dir.path(),
        FIXABLE,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), FIXED);
}

#[test]
fn fail_level_and_exit_zero_choose_the_exit_code() {
    // an info finding only: an undated document's relative date
    let dir = scratch(&[("story.md", "Talks resumed on Sunday.\n")]);
    let code = |args: &[&str]| {
        let mut all = vec!["check", "--color", "never"];
        all.extend_from_slice(args);
        all.push("story.md");
        let out = factlint(&all, dir.path());
        assert!(
            stdout(&out).contains("note[time/unresolved]"),
            "{}",
            stdout(&out)
        );
        out.status.code()
    };
    assert_eq!(code(&[]), Some(0));
    assert_eq!(code(&["--fail-level", "warning"]), Some(0));
    assert_eq!(code(&["--fail-level", "info"]), Some(1));
    assert_eq!(code(&["--fail-level", "info", "--exit-zero"]), Some(0));
    // a failure to run is still 2
    let broken = factlint(&["check", "--exit-zero", "missing.md"], dir.path());
    assert_eq!(broken.status.code(), Some(2));
}

#[test]
fn stdin_filename_places_standard_input() {
    let dir = scratch(&[("desk/facts.toml", SHEET)]);
    let out = factlint_with_stdin(
        &[
            "check",
            "--color",
            "never",
            "--stdin-filename",
            "desk/story.md",
        ],
        dir.path(),
        &format!("```\n{WRONG_DOC}```\n\n{WRONG_DOC}"),
    );
    // the sheet beside the named path applies, the name is shown, and the
    // code block (Markdown, by the name) is not checked
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let shown = stdout(&out);
    assert_eq!(
        shown.matches("error[quantity/mismatch]").count(),
        1,
        "{shown}"
    );
    assert!(shown.contains("desk/story.md:5:22"), "{shown}");
}

#[test]
fn markdown_code_links_comments_and_front_matter_are_not_prose() {
    // every wrong figure sits where it is not prose
    let doc = "---\ntitle: Council approved $2.5 million\ndate: 2024-03-12\n---\n# Harbour bridge\n\nThe budget is in `$2.5 million` notation.\n\n```text\nThe council approved $2.5 million for the harbour bridge.\n```\n\n    The council approved $2.5 million for the harbour bridge.\n\n<!-- The council approved $2.5 million for the harbour bridge. -->\n\nSee [the vote](https://example.org/council-approved-2.5-million-for-the-harbour-bridge) and <https://example.org/2.5-million>.\n\n[minutes]: https://example.org/2.5-million \"The council approved $2.5 million\"\n";
    let dir = scratch(&[("facts.toml", SHEET), ("story.md", doc)]);
    let out = factlint(&["check", "--color", "never", "story.md"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(!stdout(&out).contains('['), "{}", stdout(&out));
    // the same sentence as prose, in a heading, a list and a block quote,
    // is checked, and points at the right place
    let prose = "---\ndate: 2024-03-12\n---\n# The council approved $2.5 million for the harbour bridge\n\n- The council approved **$2.5 million** for the harbour bridge.\n\n> The council approved $2.5 million for the harbour bridge.\n";
    std::fs::write(dir.path().join("story.md"), prose).expect("write");
    let out = factlint(
        &["check", "--color", "never", "--format", "json", "story.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let places: Vec<(u64, u64, String)> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .filter(|v| v["rule"] == "quantity/mismatch")
        .map(|v| {
            (
                v["line"].as_u64().expect("line"),
                v["column"].as_u64().expect("column"),
                v["found"].as_str().expect("found").to_string(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            (4, 24, "$2.5 million".to_string()),
            (6, 26, "$2.5 million".to_string()),
            (8, 24, "$2.5 million".to_string()),
        ]
    );
}

#[test]
fn force_exclude_applies_the_configuration_to_named_files_and_hidden_folders_are_not_walked() {
    let dir = scratch(&[
        ("facts.toml", SHEET),
        ("factlint.toml", "exclude = [\"drafts/**\"]\n"),
        ("drafts/bad.md", WRONG_DOC),
        (".cache/bad.md", WRONG_DOC),
        ("node_modules/pkg/bad.md", WRONG_DOC),
        ("ok.md", CLEAN_DOC),
    ]);
    let named = factlint(&["check", "drafts/bad.md"], dir.path());
    assert_eq!(named.status.code(), Some(1), "named files are checked");
    let forced = factlint(
        &["check", "--force-exclude", "drafts/bad.md", "ok.md"],
        dir.path(),
    );
    assert_eq!(forced.status.code(), Some(0), "{}", stdout(&forced));
    let walked = factlint(&["check", "."], dir.path());
    assert_eq!(walked.status.code(), Some(0), "{}", stdout(&walked));
    // a hidden folder named on the command line is walked
    let hidden = factlint(&["check", ".cache"], dir.path());
    assert_eq!(hidden.status.code(), Some(1));
}

/// A wire story and a second report, for source mode.
const WIRE_STORY: &str = "CASTELMAR, Aug. 14, 2025 — The wildfire near Castelmar has burned at least 2,300 hectares since it broke out on Monday.\n\nAuthorities evacuated 1,400 residents from three villages.\n\nFire chief Marta Ribas said: \"The wind turned twice in one hour, and we lost the ridge.\"\n";
const AID_REPORT: &str =
    "The regional government released €4.5 million in emergency aid for Castelmar on Wednesday.\n";

#[test]
fn source_mode_reports_drift_from_the_source() {
    let dir = scratch(&[
        ("wire.md", WIRE_STORY),
        (
            "faithful.md",
            "---\ndate: 2025-08-14\n---\nThe fire near Castelmar, which broke out on Monday, has burned more than 2,300 hectares.\n\n\"The wind turned twice in one hour,\" the fire chief said. About 1,400 residents of three villages were evacuated.\n",
        ),
        (
            "drifted.md",
            "---\ndate: 2025-08-14\n---\nThe fire near Castelmar, which broke out on Tuesday, has burned at least 2,300 hectares.\n\nAuthorities evacuated 1,200 residents from three villages. \"The wind turned twice in one hour, and we lose the ridge,\" Ribas said.\n",
        ),
    ]);
    let ok = factlint(&["check", "--source", "wire.md", "faithful.md"], dir.path());
    assert_eq!(ok.status.code(), Some(0), "{}{}", stdout(&ok), stderr(&ok));
    assert!(stdout(&ok).is_empty(), "{}", stdout(&ok));
    let bad = factlint(
        &[
            "check",
            "--format",
            "compact",
            "--source",
            "wire.md",
            "drifted.md",
        ],
        dir.path(),
    );
    assert_eq!(bad.status.code(), Some(1), "{}", stderr(&bad));
    let out = stdout(&bad);
    for expected in [
        "drifted.md:4:45: error[time/mismatch] “Tuesday”",
        "drifted.md:6:23: error[quantity/mismatch] “1,200 residents”",
        "drifted.md:6:61: error[quote/mismatch] misquote of the source: “lost” → “lose”",
    ] {
        assert!(out.contains(expected), "missing {expected}:\n{out}");
    }
    assert_eq!(out.lines().count(), 3, "{out}");
    // The human format points into the source, not into a fact sheet.
    let human = factlint(
        &[
            "check",
            "--color",
            "never",
            "--source",
            "wire.md",
            "drifted.md",
        ],
        dir.path(),
    );
    assert!(
        stdout(&human).contains("┌─ wire.md:1:113"),
        "{}",
        stdout(&human)
    );
    // The source as a rewrite of itself: nothing drifted.
    let itself = factlint(&["check", "--source", "wire.md", "wire.md"], dir.path());
    assert_eq!(itself.status.code(), Some(0), "{}", stdout(&itself));
}

#[test]
fn several_sources_and_a_fact_sheet_combine() {
    let dir = scratch(&[
        ("wire.md", WIRE_STORY),
        ("aid.md", AID_REPORT),
        (
            "story.md",
            "---\ndate: 2025-08-14\n---\nThe fire near Castelmar has burned at least 2,300 hectares. The region released €4.5 million in emergency aid on Wednesday.\n",
        ),
        (
            "sheet.toml",
            "[[fact]]\nid = \"burned\"\ntext = \"The wildfire near Castelmar burned 1,800 hectares.\"\n",
        ),
    ]);
    // The aid is in the second report only: unsupported without it.
    let one = factlint(
        &[
            "check", "--format", "compact", "--source", "wire.md", "story.md",
        ],
        dir.path(),
    );
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert!(
        stdout(&one).contains("warning[quantity/unsupported] “€4.5 million”"),
        "{}",
        stdout(&one)
    );
    let both = factlint(
        &[
            "check", "--source", "wire.md", "--source", "aid.md", "story.md",
        ],
        dir.path(),
    );
    assert_eq!(both.status.code(), Some(0), "{}", stdout(&both));
    assert!(stdout(&both).is_empty(), "{}", stdout(&both));
    // With a fact sheet too, its facts are checked as well.
    let sheet = factlint(
        &[
            "check",
            "--format",
            "compact",
            "--facts",
            "sheet.toml",
            "--source",
            "wire.md",
            "--source",
            "aid.md",
            "story.md",
        ],
        dir.path(),
    );
    assert_eq!(sheet.status.code(), Some(1), "{}", stderr(&sheet));
    assert!(
        stdout(&sheet).contains(
            "error[quantity/mismatch] “at least 2,300 hectares” contradicts fact `burned`"
        ),
        "{}",
        stdout(&sheet)
    );
    // A source that cannot be read is a failure to run.
    let missing = factlint(&["check", "--source", "nowhere.md", "story.md"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("nowhere.md: cannot read source"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn undated_texts_compare_relative_days_in_one_frame() {
    let dir = scratch(&[
        (
            "source.txt",
            "The minister resigned last Tuesday after the vote.\n",
        ),
        (
            "same.txt",
            "The minister resigned on Tuesday after the vote.\n",
        ),
        (
            "other.txt",
            "The minister resigned last Wednesday after the vote.\n",
        ),
    ]);
    let same = factlint(&["check", "--source", "source.txt", "same.txt"], dir.path());
    assert_eq!(same.status.code(), Some(0), "{}", stdout(&same));
    let other = factlint(
        &[
            "check",
            "--format",
            "compact",
            "--source",
            "source.txt",
            "other.txt",
        ],
        dir.path(),
    );
    assert_eq!(other.status.code(), Some(1), "{}", stdout(&other));
    assert!(
        stdout(&other).contains("error[time/mismatch] “last Wednesday”"),
        "{}",
        stdout(&other)
    );
}

#[test]
fn facts_draft_writes_a_sheet_that_loads_and_passes_its_source() {
    let dir = scratch(&[("wire.md", WIRE_STORY), ("aid.md", AID_REPORT)]);
    let draft = factlint(&["facts", "draft", "wire.md", "aid.md"], dir.path());
    assert_eq!(draft.status.code(), Some(0), "{}", stderr(&draft));
    let toml = stdout(&draft);
    let sheet = factlint::facts::FactSheet::parse("facts.toml", &toml).expect("the draft loads");
    assert!(sheet.problems.is_empty(), "{:?}", sheet.problems);
    let ids: Vec<&str> = sheet.facts.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "wildfire-castelmar-burned-2300",
            "authorities-evacuated-1400-residents",
            "fire-chief-marta-ribas",
            "regional-government-released-45"
        ],
        "{toml}"
    );
    assert!(toml.contains("published = 2025-08-14"), "{toml}");
    assert!(toml.contains("cues = ["), "{toml}");
    std::fs::write(dir.path().join("facts.toml"), &toml).expect("write");
    for source in ["wire.md", "aid.md"] {
        let check = factlint(&["check", "--facts", "facts.toml", source], dir.path());
        assert_eq!(
            check.status.code(),
            Some(0),
            "{source}: {}{}",
            stdout(&check),
            stderr(&check)
        );
        assert!(stdout(&check).is_empty(), "{source}: {}", stdout(&check));
    }
    // Nothing is written when a source cannot be read.
    let missing = factlint(&["facts", "draft", "wire.md", "nowhere.md"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(stdout(&missing).is_empty());
}

#[test]
fn a_long_file_is_checked_in_windows_at_the_file_s_lines() {
    // Over a MiB, so it is read in windows (see `factlint::window`); every
    // third paragraph contradicts the sheet.
    let paragraphs: Vec<&str> = (0..20_000)
        .map(|i| if i % 3 == 0 { WRONG_DOC } else { CLEAN_DOC })
        .collect();
    let doc = paragraphs.join("\n");
    assert!(doc.len() > 1 << 20);
    let dir = scratch(&[("facts.toml", SHEET), ("long.md", doc.as_str())]);
    let run = |jobs: &str| {
        factlint(
            &["check", "--format", "compact", "-j", jobs, "long.md"],
            dir.path(),
        )
    };
    let one = run("1");
    assert_eq!(one.status.code(), Some(1), "{}", stderr(&one));
    let lines: Vec<usize> = stdout(&one)
        .lines()
        .filter(|l| l.contains("[quantity/mismatch]"))
        .map(|l| {
            l.split(':')
                .nth(1)
                .and_then(|n| n.parse().ok())
                .expect("a line number")
        })
        .collect();
    let expected: Vec<usize> = (0..20_000)
        .filter(|i| i % 3 == 0)
        .map(|i| 2 * i + 1)
        .collect();
    assert_eq!(lines, expected);
    assert_eq!(stdout(&one), stdout(&run("2")));
}
