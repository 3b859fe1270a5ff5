//! Files an archive holds that no editor meant to write: binary files, bytes
//! that are not UTF-8, NUL bytes, byte-order marks, mixed line endings, huge
//! fact sheets, links that loop and files that vanish. Each is checked, or
//! reported with what to do, while every other file is still checked.

mod common;

use std::process::Output;

use common::{SHEET, factlint, scratch, stderr, stdout};

const WRONG: &str = "The council approved $2.5 million for the harbour bridge.";

/// The `byte_start` of every finding in JSON output, with its rule.
fn starts(o: &Output) -> Vec<(String, usize)> {
    stdout(o)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            (
                v["rule"].as_str().expect("rule").to_string(),
                v["byte_start"].as_u64().expect("start") as usize,
            )
        })
        .collect()
}

#[test]
fn a_binary_file_is_skipped_with_a_note_and_the_others_are_checked() {
    let dir = scratch(&[
        ("facts.toml", SHEET.as_bytes()),
        ("docs/a.md", WRONG.as_bytes()),
        ("docs/image.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
    ]);
    let out = factlint(&["check", "--format", "compact", "docs"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(1),
        "findings, no failure: {}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("image.md: skipped: binary"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("a.md:1:22: error[quantity/mismatch]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn invalid_utf8_is_reported_or_read_lossily_with_exact_offsets() {
    // Latin-1 "é" (one byte, not UTF-8) before the finding.
    let mut bad = b"Caf\xe9 news. ".to_vec();
    bad.extend_from_slice(WRONG.as_bytes());
    let at = bad.len() - WRONG.len() + WRONG.find('$').expect("amount");
    let dir = scratch(&[
        ("facts.toml", SHEET.as_bytes()),
        ("docs/a.md", WRONG.as_bytes()),
        ("docs/latin1.md", &bad),
    ]);
    let strict = factlint(&["check", "--format", "compact", "docs"], dir.path());
    assert_eq!(strict.status.code(), Some(2));
    let err = stderr(&strict);
    assert!(
        err.contains("latin1.md: not UTF-8 text (invalid byte at offset 3)"),
        "{err}"
    );
    assert!(err.contains("--encoding lossy"), "says what to do: {err}");
    assert!(err.contains("1 failure"), "counted at the end: {err}");
    assert!(
        stdout(&strict).contains("a.md:1:22"),
        "the other file is checked"
    );

    let lossy = factlint(
        &[
            "check",
            "--format",
            "json",
            "--encoding",
            "lossy",
            "docs/latin1.md",
        ],
        dir.path(),
    );
    assert_eq!(lossy.status.code(), Some(1), "{}", stderr(&lossy));
    assert!(starts(&lossy).contains(&("quantity/mismatch".to_string(), at)));
    // never fixed: writing it back would lose the byte
    let fix = factlint(
        &["check", "--fix", "--encoding", "lossy", "docs/latin1.md"],
        dir.path(),
    );
    assert!(stderr(&fix).contains("not fixed"), "{}", stderr(&fix));
    assert_eq!(
        std::fs::read(dir.path().join("docs/latin1.md")).expect("read"),
        bad
    );
}

#[test]
fn nul_bytes_a_bom_and_mixed_line_endings_keep_offsets_exact() {
    // NUL bytes past the start are text; a BOM opens the file; lines end
    // in \r\n, \n and \r.
    let mut text = String::from("\u{feff}Intro line.\r\n\r\n");
    text += &"Filler words here.\n".repeat(500);
    text += "A \0 byte.\r\rStill prose.\r\n\n";
    let at = text.len() + WRONG.find('$').expect("amount");
    text += WRONG;
    text += "\n";
    let dir = scratch(&[("facts.toml", SHEET.as_bytes()), ("a.md", text.as_bytes())]);
    let out = factlint(&["check", "--format", "json", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        starts(&out).contains(&("quantity/mismatch".to_string(), at)),
        "{}",
        stdout(&out)
    );
    let line = text[..at].matches('\n').count() + 1;
    let compact = factlint(&["check", "--format", "compact", "a.md"], dir.path());
    assert!(
        stdout(&compact).contains(&format!("a.md:{line}:22: error")),
        "{}",
        stdout(&compact)
    );
}

#[test]
fn ten_thousand_facts_load_and_link() {
    let mut sheet = String::from("[story]\npublished = 2024-03-12\n");
    for i in 0..10_000 {
        sheet += &format!(
            "\n[[fact]]\nid = \"f{i}\"\ntext = \"Town{i} opened {} new schools in its eastern district.\"\n",
            i % 97 + 1
        );
    }
    sheet += "\n[[fact]]\nid = \"cost\"\ntext = \"The council approved $2.5 billion for the new harbour bridge.\"\n";
    let dir = scratch(&[("facts.toml", sheet.as_bytes()), ("a.md", WRONG.as_bytes())]);
    let out = factlint(&["check", "--format", "compact", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("fact `cost`"), "{}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn links_that_loop_or_dangle_and_vanished_files_do_not_stop_the_run() {
    let dir = scratch(&[
        ("facts.toml", SHEET.as_bytes()),
        ("docs/a.md", WRONG.as_bytes()),
    ]);
    let docs = dir.path().join("docs");
    std::fs::create_dir(docs.join("sub")).expect("mkdir");
    std::os::unix::fs::symlink("..", docs.join("sub/loop")).expect("symlink");
    std::os::unix::fs::symlink("nowhere.md", docs.join("dangling.md")).expect("symlink");
    // A walk through the loop ends; links are not followed.
    let walk = factlint(&["check", "--format", "compact", "docs"], dir.path());
    assert_eq!(walk.status.code(), Some(1), "{}", stderr(&walk));
    assert_eq!(
        stdout(&walk).matches("a.md:1:22").count(),
        1,
        "{}",
        stdout(&walk)
    );
    // A file named but gone (removed after it was listed) is a failure that
    // names it; the others are checked.
    let gone = factlint(
        &[
            "check",
            "--format",
            "compact",
            "docs/dangling.md",
            "docs/removed.md",
            "docs/a.md",
        ],
        dir.path(),
    );
    assert_eq!(gone.status.code(), Some(2));
    let err = stderr(&gone);
    assert!(err.contains("dangling.md: cannot read"), "{err}");
    assert!(err.contains("removed.md"), "{err}");
    assert!(err.contains("2 failures"), "{err}");
    assert!(stdout(&gone).contains("a.md:1:22"), "{}", stdout(&gone));
}

#[test]
fn a_fact_sheet_nested_without_end_is_an_error_at_its_place() {
    let deep = format!("x = {}\n", "{ a = ".repeat(100_000));
    let dir = scratch(&[("facts.toml", deep.as_bytes()), ("a.md", WRONG.as_bytes())]);
    let out = factlint(&["check", "--format", "compact", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("invalid fact sheet"), "{err}");
    assert!(err.contains("the line is too long to show"), "{err}");
    assert!(
        err.len() < 10_000,
        "the 600 KB line is not printed: {} bytes",
        err.len()
    );
}

#[test]
fn closed_output_streams_end_the_run_without_a_panic() {
    use std::process::Stdio;
    let wrong = format!("{WRONG}\n\n").repeat(2000);
    let dir = scratch(&[("facts.toml", SHEET.as_bytes()), ("a.md", wrong.as_bytes())]);
    // Nobody reads standard error or standard output: every write fails.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "a.md"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().expect("ends");
    assert_eq!(
        status.code(),
        Some(2),
        "{status:?}: exit 101 would be a panic"
    );
}

#[test]
fn a_hundred_thousand_files_in_a_tree_are_all_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    for k in 0..100_000 {
        let folder = dir.path().join(format!("docs/{}", k / 1000));
        if k % 1000 == 0 {
            std::fs::create_dir_all(&folder).expect("mkdir");
        }
        std::fs::write(folder.join(format!("{k}.md")), "Nothing to see.\n").expect("write");
    }
    std::fs::write(dir.path().join("docs/7/wrong.md"), WRONG).expect("write");
    std::fs::write(dir.path().join("facts.toml"), SHEET).expect("write");
    let out = factlint(&["check", "docs"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("checked 100001 files"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("wrong.md"), "{}", stdout(&out));
}
