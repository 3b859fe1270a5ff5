//! How the extractors' cost grows with pathological input: each input is
//! timed at 1×, 2× and 4× its base size, and the ratios printed. Linear cost
//! doubles (ratio ≈ 2); a quadratic or exponential path shows as 4 or more.
//!
//!     cargo bench --bench scaling            # base size 256 KiB
//!     cargo bench --bench scaling -- 1024    # base size in KiB

use std::hint::black_box;
use std::time::{Duration, Instant};

use factlint::analysis::Analysis;
use factlint::extract::quantity::extract_quantities;

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

fn main() {
    let base_kib: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(256);
    let sizes = [base_kib * 1024, base_kib * 2048, base_kib * 4096];
    println!(
        "{:<28} {:>10} {:>10} {:>10} {:>7} {:>7}",
        "input (quantities / whole analysis)", "1×", "2×", "4×", "2×/1×", "4×/2×"
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
            let ms = |d: Duration| d.as_secs_f64() * 1e3;
            println!(
                "{:<28} {:>8.1}ms {:>8.1}ms {:>8.1}ms {:>7.2} {:>7.2}",
                format!("{name} ({what})"),
                ms(times[0]),
                ms(times[1]),
                ms(times[2]),
                ms(times[1]) / ms(times[0]).max(1e-6),
                ms(times[2]) / ms(times[1]).max(1e-6),
            );
        }
    }
}
