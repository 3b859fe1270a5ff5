//! How the cost grows with pathological input: each input is timed at 1×,
//! 2× and 4× its base size, and the ratios printed. Linear cost doubles
//! (ratio ≈ 2); a quadratic or exponential path shows as 4 or more.
//!
//! The texts go through the quantity extractor and the whole analysis; then
//! come the whole check of one long line (read in windows), fact sheets
//! loaded and indexed, and the `factlint` command over a tree of files.
//!
//!     cargo bench --bench scaling            # base size 256 KiB
//!     cargo bench --bench scaling -- 1024    # base size in KiB

use std::hint::black_box;
use std::time::{Duration, Instant};

use factlint::analysis::Analysis;
use factlint::extract::quantity::extract_quantities;
use factlint::facts::FactSheet;
use factlint::lint::Checker;
use factlint::prose::{Markup, Prose};
use factlint::rules::{FactSheetContext, Levels};

/// Pathological inputs: a name, a start, and a piece that is repeated to the
/// size wanted.
const INPUTS: &[(&str, &str, &str)] = &[
    ("digits", "", "1234567890"),
    ("digit groups", "", "1,234,"),
    ("separators without digits", "", ",.,-–/ "),
    ("number words", "", "one hundred and twenty-three thousand "),
    ("spoken fractions", "", "three and a half quarters of "),
    ("bounds", "", "more than nearly about at least "),
    ("slash fractions", "", "1/4 "),
    ("currency signs", "", "$€£ "),
    ("opening quotes", "", "“\"«'"),
    (
        "prose with numbers",
        "",
        "More than 30 soldiers were killed on Sunday, the army said. ",
    ),
    (
        "quotations with speakers",
        "",
        "“We lost,” Ribas said. “It turned,” she said. “We won,” Okafor said. ",
    ),
    (
        "single quotes with possessives",
        "",
        "'We met the guards' families and the soldiers' wives ",
    ),
    (
        "pronoun quotes after long prose",
        "Ellis Okafor was alone. ",
        "He walked the halls of the Marlow Museum at night. “I heard it,” he said. ",
    ),
    (
        "one unclosed quote, then prose",
        "“",
        "More than 30 soldiers were killed on Sunday, the army said.\n\n",
    ),
    (
        "nested quotes",
        "",
        "He said: “She told me ‘they wrote «we counted 30 ‹or more›» there’ then” ",
    ),
    ("NUL bytes", "", "30 soldiers\0\0 were\0 killed. "),
    (
        "mixed line endings",
        "\u{feff}",
        "30 soldiers died.\r\nOn Sunday.\rThe army said.\n\r\n",
    ),
];

fn repeat_to(start: &str, piece: &str, bytes: usize) -> String {
    format!("{start}{}", piece.repeat(bytes / piece.len() + 1))
}

/// The best of three runs, to keep noise out of the ratio.
fn time(mut run: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Prints one row: the three times and their ratios.
fn row(name: &str, times: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{:<36} {:>8.1}ms {:>8.1}ms {:>8.1}ms {:>7.2} {:>7.2}",
        name,
        ms(times[0]),
        ms(times[1]),
        ms(times[2]),
        ms(times[1]) / ms(times[0]).max(1e-6),
        ms(times[2]) / ms(times[1]).max(1e-6),
    );
}

/// A fact sheet of `n` facts, each about its own town.
fn sheet_of(n: usize) -> String {
    let mut sheet = String::from("[story]\npublished = 2025-06-02\n");
    for i in 0..n {
        sheet += &format!(
            "\n[[fact]]\nid = \"f{i}\"\ntext = \"Town{i} opened {} new schools on Sunday, June 1, 2025, its mayor said.\"\n",
            i % 97 + 1
        );
    }
    sheet
}

fn main() {
    let base_kib: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(256);
    let sizes = [base_kib * 1024, base_kib * 2048, base_kib * 4096];
    println!(
        "{:<36} {:>10} {:>10} {:>10} {:>7} {:>7}",
        "input (what is timed)", "1×", "2×", "4×", "2×/1×", "4×/2×"
    );
    for (name, start, piece) in INPUTS {
        for (what, whole) in [("quantities", false), ("analysis", true)] {
            let times: Vec<Duration> = sizes
                .iter()
                .map(|&n| {
                    let text = repeat_to(start, piece, n);
                    time(|| {
                        if whole {
                            black_box(Analysis::new(black_box(&text), None, None));
                        } else {
                            black_box(extract_quantities(black_box(&text)));
                        }
                    })
                })
                .collect();
            row(&format!("{name} ({what})"), &times);
        }
    }

    // One line of prose, eight times the base size and more, checked whole:
    // read in windows past 1 MiB.
    let sheet = FactSheet::parse("facts.toml", &sheet_of(50)).expect("sheet");
    let context = FactSheetContext::new(&sheet);
    let levels = Levels::default();
    let checker = Checker {
        levels: &levels,
        facts: Some(&context),
        date: None,
    };
    let piece = "More than 30 soldiers were killed on Sunday, “we withdrew,” the army said. ";
    let times: Vec<Duration> = sizes
        .iter()
        .map(|&n| {
            let text = repeat_to("", piece, n * 8);
            let prose = Prose::new(&text, Markup::Plain);
            time(|| {
                black_box(checker.check(black_box(&text), &prose));
            })
        })
        .collect();
    row("one long line, 8× base (check)", &times);

    // Fact sheets of 2,500, 5,000 and 10,000 facts, read and indexed.
    let times: Vec<Duration> = [2_500, 5_000, 10_000]
        .iter()
        .map(|&n| {
            let source = sheet_of(n);
            time(|| {
                let sheet = FactSheet::parse("facts.toml", black_box(&source)).expect("sheet");
                black_box(FactSheetContext::new(&sheet).index.sheet.facts.len());
            })
        })
        .collect();
    row("2,500 / 5,000 / 10,000 facts (load)", &times);

    // The command over trees of 25,000, 50,000 and 100,000 small files.
    let times: Vec<Duration> = [25_000, 50_000, 100_000]
        .iter()
        .map(|&n| {
            let dir = tempfile::tempdir().expect("temp dir");
            for k in 0..n {
                let folder = dir.path().join(format!("{}", k / 1000));
                if k % 1000 == 0 {
                    std::fs::create_dir(&folder).expect("mkdir");
                }
                std::fs::write(folder.join(format!("{k}.md")), "Nothing here.\n").expect("write");
            }
            time(|| {
                let status = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
                    .args(["check", "--format", "compact", "."])
                    .current_dir(dir.path())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .status()
                    .expect("runs");
                assert!(status.code().is_some_and(|c| c < 2), "{status:?}");
            })
        })
        .collect();
    row("25k / 50k / 100k files (command)", &times);
}
