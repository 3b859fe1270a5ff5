//! Throughput of each stage on the benchmark corpus, in MB/s, beside a bare
//! scanner that only splits the same text into words and numbers (the
//! baseline the speed targets are stated against, measured in the same run).
//!
//! ```text
//! cargo run --release --example corpus     # writes target/corpus/ once
//! cargo bench --bench throughput           # all groups
//! cargo bench --bench throughput -- link   # one group
//! ```
//!
//! Groups:
//! - `extract`: each extractor over the first 20 articles (about 1 MB);
//! - `link`: `check` of one article against sheets of 10, 100, 1,000 and
//!   10,000 facts (the sheet is indexed once, outside the timing);
//! - `check`: the whole `check` of one article with 100 facts, as the
//!   command line runs it (Markdown read, rules, suppressions).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use factlint::analysis::Analysis;
use factlint::document::Document;
use factlint::extract::quantity::extract_quantities;
use factlint::extract::quote::extract_quotes;
use factlint::extract::time::extract_times;
use factlint::facts::FactSheet;
use factlint::lint::Checker;
use factlint::prose::{Markup, Prose};
use factlint::rules::{FactSheetContext, Levels};
use factlint::words::words;

/// Articles joined for the extractor group.
const EXTRACT_ARTICLES: usize = 20;
/// The sheet sizes the linking group compares.
const SHEET_SIZES: [usize; 4] = [10, 100, 1_000, 10_000];

fn corpus() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/corpus");
    if !dir.join("articles").is_dir() {
        eprintln!(
            "no benchmark corpus in {}: run `cargo run --release --example corpus` first",
            dir.display()
        );
        std::process::exit(2);
    }
    dir
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{}: {e}", path.display());
        std::process::exit(2);
    })
}

fn article(i: usize) -> String {
    read(&corpus().join(format!("articles/{i:04}.md")))
}

fn sheet(n: usize) -> FactSheet {
    let path = corpus().join(format!("facts-{n}.toml"));
    FactSheet::parse(&path.display().to_string(), &read(&path)).unwrap_or_else(|_| {
        eprintln!("{}: not a valid fact sheet", path.display());
        std::process::exit(2);
    })
}

/// The baseline: counts the words and numbers of `text`, byte by byte, as
/// the simplest tokeniser would.
fn scan(text: &str) -> (usize, usize) {
    let (mut words, mut numbers) = (0, 0);
    let mut in_token = false;
    let mut digits = false;
    for &b in text.as_bytes() {
        let token = b.is_ascii_alphanumeric() || b >= 0x80;
        if token && !in_token {
            digits = b.is_ascii_digit();
        } else if !token && in_token {
            if digits {
                numbers += 1;
            } else {
                words += 1;
            }
        }
        in_token = token;
    }
    (words, numbers)
}

fn extract(c: &mut Criterion) {
    let text: String = (0..EXTRACT_ARTICLES).map(article).collect();
    let doc = Document::new(&text);
    let date = jiff::civil::date(2025, 8, 14);
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("scan (baseline)", |b| b.iter(|| scan(black_box(&text))));
    group.bench_function("quantities", |b| {
        b.iter(|| extract_quantities(black_box(&text)))
    });
    group.bench_function("times", |b| {
        b.iter(|| extract_times(black_box(&text), &doc.sentences, Some(date)))
    });
    group.bench_function("quotes", |b| {
        b.iter(|| extract_quotes(black_box(&text), &doc.paragraphs))
    });
    group.bench_function("words", |b| {
        b.iter(|| words(black_box(&text), 0..text.len()))
    });
    group.bench_function("document", |b| b.iter(|| Document::new(black_box(&text))));
    group.bench_function("analysis (all of the above)", |b| {
        b.iter(|| Analysis::new(black_box(&text), None, None))
    });
    group.finish();
}

fn link(c: &mut Criterion) {
    let text = article(0);
    let prose = Prose::new(&text, Markup::Markdown);
    let levels = Levels::default();
    let mut group = c.benchmark_group("link");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    for n in SHEET_SIZES {
        let sheet = sheet(n);
        let context = FactSheetContext::new(&sheet);
        let checker = Checker {
            levels: &levels,
            facts: Some(&context),
            date: None,
        };
        group.bench_with_input(BenchmarkId::new("check one article", n), &n, |b, _| {
            b.iter(|| checker.check(black_box(&text), &prose).len())
        });
    }
    group.finish();
}

fn check(c: &mut Criterion) {
    let text = article(1);
    let levels = Levels::default();
    let sheet = sheet(100);
    let context = FactSheetContext::new(&sheet);
    let checker = Checker {
        levels: &levels,
        facts: Some(&context),
        date: None,
    };
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("scan (baseline)", |b| b.iter(|| scan(black_box(&text))));
    group.bench_function("one article, 100 facts", |b| {
        b.iter(|| {
            let prose = Prose::new(black_box(&text), Markup::Markdown);
            checker.check(&text, &prose).len()
        })
    });
    group.finish();
}

criterion_group!(benches, extract, link, check);
criterion_main!(benches);
