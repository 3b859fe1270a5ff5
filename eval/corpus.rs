//! Writes a deterministic benchmark corpus: news-like articles recombined
//! from the sentences of the bundled example story (`examples/castelmar/`),
//! with their numbers, weekdays and months varied, and a fact sheet of
//! facts in the same words.
//!
//! ```text
//! cargo run --release --example corpus -- [--out target/corpus] [--seed 1]
//!     [--files 1000] [--file-kb 50] [--big-mb 50] [--facts 1000]
//! ```
//!
//! Written: `OUT/articles/NNNN.md` (`--files` of about `--file-kb` each),
//! `OUT/big.md` (one article of about `--big-mb`, paragraphs on one
//! line each), and `OUT/facts.toml` (`--facts` facts). The same arguments
//! always write the same bytes. Never committed: write it under `target/`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use factlint::extract::time::{month_label, weekday_label};

/// The names a sentence's weekdays and months are varied among.
fn weekdays() -> impl Iterator<Item = &'static str> {
    (1..=7).map(weekday_label)
}

fn months() -> impl Iterator<Item = &'static str> {
    (1..=12).map(month_label)
}

/// The sizes of the extra fact sheets, `facts-N.toml`.
const SHEET_SIZES: [usize; 4] = [10, 100, 1_000, 10_000];

struct Args {
    out: PathBuf,
    seed: u64,
    files: usize,
    file_kb: usize,
    big_mb: usize,
    facts: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        out: PathBuf::from("target/corpus"),
        seed: 1,
        files: 1000,
        file_kb: 50,
        big_mb: 50,
        facts: 1000,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: not a number: {value}"))
        };
        match flag.as_str() {
            "--out" => args.out = PathBuf::from(&value),
            "--seed" => args.seed = number()?,
            "--files" => args.files = number()? as usize,
            "--file-kb" => args.file_kb = number()? as usize,
            "--big-mb" => args.big_mb = number()? as usize,
            "--facts" => args.facts = number()? as usize,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(args)
}

/// The example story's sentences: its articles' body text, split at a full
/// stop followed by a space (good enough for text we wrote).
fn sentences(story: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<PathBuf> = fs::read_dir(story)
        .map_err(|e| format!("{}: {e}", story.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let text = fs::read_to_string(&name).map_err(|e| format!("{}: {e}", name.display()))?;
        let body = match text
            .strip_prefix("---\n")
            .and_then(|t| t.split_once("\n---\n"))
        {
            Some((_, body)) => body.to_string(),
            None => text,
        };
        for line in body.lines().skip(1) {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            for s in line.split_inclusive(". ") {
                let s = s.trim();
                if s.len() > 20 {
                    out.push(s.to_string());
                }
            }
        }
    }
    if out.is_empty() {
        return Err(format!("{}: no sentences", story.display()));
    }
    Ok(out)
}

/// `sentence` with each number replaced by one of about its size, each
/// weekday and month by another: the same shapes, other values.
fn vary(sentence: &str, rng: &mut fastrand::Rng, out: &mut String) {
    let mut rest = sentence;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() {
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == ','))
                .unwrap_or(rest.len());
            let digits = rest[..end].trim_end_matches(',');
            // At most 18 digits: 10^19 still fits in a u64.
            let n = (digits.bytes().filter(u8::is_ascii_digit).count() as u32).min(18);
            let low = 10u64.pow(n.saturating_sub(1));
            // A day of the month stays a day: "August 14", not "August 54".
            let day = months().any(|m| {
                out.strip_suffix(' ')
                    .is_some_and(|before| before.ends_with(m))
            });
            let value = if day {
                rng.u64(1..29)
            } else {
                rng.u64(low.max(1)..10u64.pow(n))
            };
            if digits.contains(',') {
                let _ = write!(out, "{}", grouped(value));
            } else {
                let _ = write!(out, "{value}");
            }
            rest = &rest[digits.len()..];
            continue;
        }
        // Whole words only: "Mayor" is not "May".
        let at_word_start = !out.ends_with(|c: char| c.is_alphanumeric());
        let whole = |w: &&str| {
            at_word_start
                && rest.starts_with(*w)
                && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric())
        };
        if let Some(word) = weekdays().find(whole) {
            out.push_str(weekday_label(rng.usize(..7) as i8 + 1));
            rest = &rest[word.len()..];
            continue;
        }
        if let Some(word) = months().find(whole) {
            out.push_str(month_label(rng.usize(..12) as i8 + 1));
            rest = &rest[word.len()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
}

/// 1234567 → "1,234,567".
fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// One article of about `bytes`: front matter with a date, a headline, and
/// paragraphs of three to five varied sentences.
fn article(sentences: &[String], bytes: usize, rng: &mut fastrand::Rng) -> String {
    let mut out = format!(
        "---\ndate: 2025-{:02}-{:02}\n---\n",
        rng.u32(1..13),
        rng.u32(1..29)
    );
    vary(&sentences[rng.usize(..sentences.len())], rng, &mut out);
    out.push_str("\n\n");
    while out.len() < bytes {
        for _ in 0..rng.usize(3..6) {
            vary(&sentences[rng.usize(..sentences.len())], rng, &mut out);
            out.push(' ');
        }
        out.pop();
        out.push_str("\n\n");
    }
    out
}

/// How many facts the sheet gives the articles' own story; the rest are
/// about other stories, this many facts each.
const STORY_FACTS: usize = 50;

/// A version 1 fact sheet of `n` facts, each a varied sentence of the story
/// that has something to check: a number, a weekday, a month or a quotation.
/// The first [`STORY_FACTS`] are the articles' story; the others tell other
/// stories of the same kind, [`STORY_FACTS`] facts each, with the story's
/// names (places, people) replaced by names of their own, as an archive's
/// sheet of many stories has: common words shared by all, names by few.
fn fact_sheet(sentences: &[String], n: usize, rng: &mut fastrand::Rng) -> String {
    let checkable: Vec<String> = sentences
        .iter()
        .filter(|s| {
            s.contains(|c: char| c.is_ascii_digit() || c == '"' || c == '\u{201c}')
                || weekdays().chain(months()).any(|w| s.contains(w))
        })
        .cloned()
        .collect();
    let names = names(sentences);
    let sentences = &checkable;
    let mut out = String::from(
        "# Generated by `cargo run --example corpus`: a benchmark fact sheet.\n\n\
         [story]\ntitle = \"Castelmar wildfire (benchmark)\"\npublished = 2025-08-14\n",
    );
    for i in 0..n {
        let mut text = String::new();
        vary(&sentences[rng.usize(..sentences.len())], rng, &mut text);
        let story = i / STORY_FACTS;
        if story > 0 {
            text = renamed(&text, &names, story);
        }
        let text = text.replace('\\', "\\\\").replace('"', "\\\"");
        let _ = write!(out, "\n[[fact]]\nid = \"fact-{i:05}\"\ntext = \"{text}\"\n");
    }
    out
}

/// The story's names: words written with a capital inside a sentence,
/// weekdays and months aside.
fn names(sentences: &[String]) -> Vec<String> {
    let mut names: Vec<String> = sentences
        .iter()
        .flat_map(|s| {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .skip(1)
        })
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .filter(|w| !weekdays().chain(months()).any(|x| x == *w))
        .map(str::to_string)
        .collect();
    // "The" opening a quotation is no name: its lower case is written too.
    let lower: std::collections::HashSet<&str> = sentences
        .iter()
        .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .collect();
    names.retain(|n| !lower.contains(n.to_lowercase().as_str()));
    names.sort();
    names.dedup();
    names
}

/// `text` with each of `names` replaced by story `story`'s name for it.
fn renamed(text: &str, names: &[String], story: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric()) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let word = &rest[..end];
        if names.iter().any(|n| n == word) {
            out.push_str(&invented_name(word, story));
        } else {
            out.push_str(word);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A made-up name, the same for the same word and story.
fn invented_name(word: &str, story: usize) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ra", "ten", "vor", "sa", "bel", "dun", "fi", "gar", "hol", "jin", "ne",
        "pe", "ru", "tas", "ul", "wen", "yor", "zel", "da", "mo", "lin",
    ];
    // FNV-1a of the word, mixed with the story.
    let hash = word.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    let mut rng =
        fastrand::Rng::with_seed(hash ^ (story as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let mut name = String::new();
    for _ in 0..rng.usize(2..4) {
        name.push_str(SYLLABLES[rng.usize(..SYLLABLES.len())]);
    }
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(args: &Args) -> Result<(), String> {
    let story = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/castelmar");
    let sentences = sentences(&story)?;
    let mut rng = fastrand::Rng::with_seed(args.seed);
    let articles = args.out.join("articles");
    fs::create_dir_all(&articles).map_err(|e| format!("{}: {e}", articles.display()))?;
    let mut total = 0;
    for i in 0..args.files {
        let text = article(&sentences, args.file_kb * 1024, &mut rng);
        total += text.len();
        write(&articles.join(format!("{i:04}.md")), &text)?;
    }
    // The big file: its paragraphs on single lines, as long as they come.
    let big = article(&sentences, args.big_mb * 1024 * 1024, &mut rng);
    write(&args.out.join("big.md"), &big)?;
    write(
        &args.out.join("facts.toml"),
        &fact_sheet(&sentences, args.facts, &mut rng),
    )?;
    // The sheets the benchmarks of linking read, one per size.
    for n in SHEET_SIZES {
        write(
            &args.out.join(format!("facts-{n}.toml")),
            &fact_sheet(
                &sentences,
                n,
                &mut fastrand::Rng::with_seed(args.seed ^ n as u64),
            ),
        )?;
    }
    eprintln!(
        "corpus: {} articles ({:.1} MB), big.md ({:.1} MB), {} facts in {}",
        args.files,
        total as f64 / 1e6,
        big.len() as f64 / 1e6,
        args.facts,
        args.out.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    match parse_args().and_then(|args| run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpus: {e}");
            ExitCode::from(2)
        }
    }
}
