//! `--fix` killed at any moment leaves every file whole: its old version or
//! its new one, never a mix, a truncation or an empty file.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

// Safe fixes: a misquote of the sheet, relative dates in the wire style.
use common::{QUOTE_SHEET as SHEET, WIRE};

/// Document `i`: a misquote and a relative date in every paragraph, and
/// enough paragraphs that writing it takes a moment.
fn document(i: usize) -> String {
    let paragraph = format!(
        "Report {i}: Ana Vidal said on Monday: \"We reach them after forty hours of digging.\"\n\n"
    );
    format!(
        "---\ndate: 2025-11-04\n---\n{}",
        paragraph.repeat(5 + i % 20)
    )
}

const FILES: usize = 120;

fn write_tree(dir: &Path) {
    std::fs::create_dir_all(dir.join("docs")).expect("mkdir");
    std::fs::write(dir.join("facts.toml"), SHEET).expect("write");
    std::fs::write(dir.join("factlint.toml"), WIRE).expect("write");
    for i in 0..FILES {
        std::fs::write(dir.join(format!("docs/{i:03}.md")), document(i)).expect("write");
    }
}

fn fix(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_factlint"));
    command
        .args(["check", "--fix", "--format", "compact", "-j", "2", "docs"])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

#[test]
fn a_fix_run_killed_at_any_point_leaves_every_file_old_or_new() {
    // An uninterrupted run gives the new version of every file, and how
    // long a run takes.
    let whole = tempfile::tempdir().expect("temp dir");
    write_tree(whole.path());
    let started = Instant::now();
    let status = fix(whole.path()).status().expect("runs");
    let took = started.elapsed();
    assert!(status.code().is_some_and(|c| c <= 1), "{status:?}");
    let new: Vec<String> = (0..FILES)
        .map(|i| {
            std::fs::read_to_string(whole.path().join(format!("docs/{i:03}.md"))).expect("read")
        })
        .collect();
    for (i, n) in new.iter().enumerate() {
        assert_ne!(n, &document(i), "file {i} has something to fix");
        assert!(n.contains("on November 3: \"We reached them"), "{n}");
    }

    // Killed at points spread over the run, with a pseudo-random jitter.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let (mut some_fixed, mut trials) = (false, 0);
    for step in 0..12u32 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let jitter = Duration::from_micros(seed % 2000);
        let at = took.mul_f64(f64::from(step) / 10.0) + jitter;
        let dir = tempfile::tempdir().expect("temp dir");
        write_tree(dir.path());
        let mut child = fix(dir.path()).spawn().expect("starts");
        std::thread::sleep(at);
        let _ = child.kill(); // SIGKILL: no chance to tidy up
        let _ = child.wait();
        trials += 1;
        let mut fixed = 0;
        for (i, new) in new.iter().enumerate() {
            let now = std::fs::read_to_string(dir.path().join(format!("docs/{i:03}.md")))
                .expect("the file is still there");
            let old = document(i);
            assert!(
                now == old || now == *new,
                "file {i} is neither its old nor its new version after a kill at {at:?}:\n{now}"
            );
            fixed += usize::from(now == *new);
        }
        some_fixed |= fixed > 0 && fixed < FILES;
        // Whatever is left over is a hidden temporary file, never a document.
        for entry in std::fs::read_dir(dir.path().join("docs")).expect("list") {
            let name = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            assert!(
                name.ends_with(".md") || (name.starts_with(".factlint-") && name.ends_with(".tmp")),
                "{name}"
            );
        }
    }
    assert_eq!(trials, 12);
    assert!(
        some_fixed,
        "no kill landed while files were being written (a run took {took:?})"
    );
}
