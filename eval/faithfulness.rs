//! Scores source mode on rewrites labelled by people: each candidate is
//! checked against its source exactly as `factlint check --source` does,
//! and predicted inconsistent when any error-level finding is reported.
//!
//! ```text
//! cargo run --release --example faithfulness -- FILE.jsonl [--out PREDICTIONS.jsonl]
//! ```
//!
//! Each line of FILE is `{"id", "source", "candidate", "label":
//! "consistent" | "inconsistent", "error_types": [...]}` (the format of
//! `../shared/bench/faithfulness/summedits_numdate.jsonl`; other keys are
//! ignored). Printed: balanced accuracy overall and per error type (the
//! rows of that type against all consistent rows), the false-alarm rate on
//! consistent rows, rows per second, and the largest classes of errors:
//! missed rows by type and by what was reported on them, and false alarms
//! by rule; when rows carry SummEdits' `meta` (the edit and whether the
//! new value is elsewhere in the source), missed rows by kind of edit too.
//! `--out` writes one line per
//! row: `{"id", "prediction", "findings": [{"rule", "severity", "text",
//! "message", "start", "end"}]}`, byte offsets into the candidate.

use std::collections::BTreeMap;
use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use factlint::diagnostic::{Diagnostic, Severity};
use factlint::facts::SourceText;
use factlint::lint::Checker;
use factlint::prose::{Markup, Prose};
use factlint::rules::{FactSheetContext, Levels};
use factlint::source::sheet_from_sources;
use serde::Deserialize;
use serde_json::json;

/// The error types reported on their own, in this order, when present.
const TYPES: &[&str] = &["number", "date", "time", "quote"];

#[derive(Deserialize)]
struct Row {
    id: String,
    source: String,
    candidate: String,
    label: String,
    #[serde(default)]
    error_types: Vec<String>,
    /// SummEdits' edit annotations, when the file has them.
    #[serde(default)]
    meta: Option<Meta>,
}

/// What the data says was edited (optional).
#[derive(Deserialize, Default)]
struct Meta {
    #[serde(default)]
    changes: Vec<Change>,
    #[serde(default)]
    value_support: Vec<ValueSupport>,
}

#[derive(Deserialize)]
struct Change {
    #[serde(default)]
    edited: String,
    #[serde(default)]
    cats: Vec<String>,
}

#[derive(Deserialize)]
struct ValueSupport {
    in_source: bool,
}

/// The kind of edit a missed row has, from the data's annotations.
fn edit_class(row: &Row) -> Option<&'static str> {
    let meta = row.meta.as_ref()?;
    Some(if row.error_types.iter().any(|t| t == "quote") {
        "a quotation edited"
    } else if !meta.value_support.is_empty() && meta.value_support.iter().all(|v| v.in_source) {
        "the new value is given elsewhere in the source"
    } else if !meta
        .changes
        .iter()
        .filter(|c| !c.cats.is_empty())
        .any(|c| c.edited.bytes().any(|b| b.is_ascii_digit()))
    {
        "no digit in the edit (up/down, ordinals, units, before/after)"
    } else {
        "a number or date with digits changed"
    })
}

/// What was predicted for one row.
struct Prediction {
    inconsistent: bool,
    findings: Vec<Diagnostic>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (file, out) = match args.as_slice() {
        [file] => (file, None),
        [file, flag, out] if flag == "--out" => (file, Some(out)),
        _ => {
            eprintln!("usage: faithfulness FILE.jsonl [--out PREDICTIONS.jsonl]");
            return ExitCode::from(2);
        }
    };
    let rows = match read_rows(file) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("faithfulness: {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let predictions: Vec<Prediction> = rows.iter().map(predict).collect();
    let seconds = started.elapsed().as_secs_f64();
    if let Some(out) = out {
        if let Err(e) = write_predictions(out, &rows, &predictions) {
            eprintln!("faithfulness: {out}: {e}");
            return ExitCode::from(2);
        }
    }
    print!("{}", summary(&rows, &predictions, seconds));
    ExitCode::SUCCESS
}

fn read_rows(path: &str) -> Result<Vec<Row>, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut rows = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let row: Row = serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", n + 1))?;
        if row.label != "consistent" && row.label != "inconsistent" {
            return Err(format!("line {}: unknown label `{}`", n + 1, row.label));
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Checks a row's candidate against its source, as `check --source` does.
fn predict(row: &Row) -> Prediction {
    let sources = vec![SourceText {
        path: "source".to_string(),
        text: row.source.clone(),
    }];
    let sheet = sheet_from_sources(sources, None, None);
    let context = FactSheetContext::new(&sheet);
    let levels = Levels::default();
    let checker = Checker {
        levels: &levels,
        facts: Some(&context),
        date: None,
    };
    let prose = Prose::new(&row.candidate, Markup::Plain);
    let findings = checker.check(&row.candidate, &prose);
    Prediction {
        inconsistent: findings.iter().any(|d| d.severity == Severity::Error),
        findings,
    }
}

fn write_predictions(path: &str, rows: &[Row], predictions: &[Prediction]) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    for (row, p) in rows.iter().zip(predictions) {
        let findings: Vec<_> = p
            .findings
            .iter()
            .map(|d| {
                json!({
                    "rule": d.rule,
                    "severity": d.severity.to_string(),
                    "text": &row.candidate[d.span.clone()],
                    "message": d.message,
                    "start": d.span.start,
                    "end": d.span.end,
                })
            })
            .collect();
        let line = json!({
            "id": row.id,
            "prediction": if p.inconsistent { "inconsistent" } else { "consistent" },
            "findings": findings,
        });
        writeln!(out, "{line}")?;
    }
    out.flush()
}

/// A share as a fraction with three decimals, or "n/a" of nothing.
fn share(hits: usize, of: usize) -> String {
    if of == 0 {
        "n/a".to_string()
    } else {
        format!("{:.3}", hits as f64 / of as f64)
    }
}

fn summary(rows: &[Row], predictions: &[Prediction], seconds: f64) -> String {
    let consistent: Vec<&Prediction> = rows
        .iter()
        .zip(predictions)
        .filter(|(r, _)| r.label == "consistent")
        .map(|(_, p)| p)
        .collect();
    let alarms = consistent.iter().filter(|p| p.inconsistent).count();
    let tnr = 1.0 - alarms as f64 / consistent.len().max(1) as f64;
    let caught = |keep: &dyn Fn(&Row) -> bool| -> (usize, usize) {
        let of: Vec<&Prediction> = rows
            .iter()
            .zip(predictions)
            .filter(|(r, _)| r.label == "inconsistent" && keep(r))
            .map(|(_, p)| p)
            .collect();
        (of.iter().filter(|p| p.inconsistent).count(), of.len())
    };
    let balanced = |(hits, of): (usize, usize)| -> String {
        if of == 0 || consistent.is_empty() {
            "n/a".to_string()
        } else {
            format!("{:.3}", (hits as f64 / of as f64 + tnr) / 2.0)
        }
    };
    let mut s = String::new();
    let all = caught(&|_| true);
    s.push_str(&format!(
        "rows: {} ({} inconsistent, {} consistent)\n",
        rows.len(),
        all.1,
        consistent.len()
    ));
    s.push_str(&format!(
        "balanced accuracy: {}  (recall {} of {} inconsistent = {}; specificity {})\n",
        balanced(all),
        all.0,
        all.1,
        share(all.0, all.1),
        share(consistent.len() - alarms, consistent.len())
    ));
    s.push_str(&format!(
        "false-alarm rate: {} ({alarms} of {} consistent rows)\n",
        share(alarms, consistent.len()),
        consistent.len()
    ));
    s.push_str("per error type (its inconsistent rows against all consistent rows):\n");
    let mut types: Vec<String> = TYPES.iter().map(|t| t.to_string()).collect();
    for row in rows {
        for t in &row.error_types {
            if !types.contains(t) {
                types.push(t.clone());
            }
        }
    }
    for t in &types {
        let (hits, of) = caught(&|r| r.error_types.contains(t));
        s.push_str(&format!(
            "  {t:<18} balanced accuracy {}  recall {} ({hits} of {of}); missed {}\n",
            balanced((hits, of)),
            share(hits, of),
            of - hits
        ));
    }
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for p in consistent.iter().filter(|p| p.inconsistent) {
        let mut rules: Vec<&str> = p
            .findings
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.rule)
            .collect();
        rules.dedup();
        for rule in rules {
            *by_rule.entry(rule).or_default() += 1;
        }
    }
    let mut by_rule: Vec<(&str, usize)> = by_rule.into_iter().collect();
    by_rule.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    s.push_str("false alarms by rule (consistent rows with an error from it):\n");
    for (rule, n) in by_rule {
        s.push_str(&format!("  {rule:<18} {n}\n"));
    }
    // What factlint said about the inconsistent rows it missed: nothing at
    // all (the change is not a value it reads, or the value was judged
    // supported), or warnings only (unsupported values, unverified quotes).
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    for (row, p) in rows.iter().zip(predictions) {
        if row.label != "inconsistent" || p.inconsistent {
            continue;
        }
        let mut rules: Vec<&str> = p
            .findings
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(|d| d.rule)
            .collect();
        rules.sort_unstable();
        rules.dedup();
        let class = if rules.is_empty() {
            "no finding".to_string()
        } else {
            format!("warnings only: {}", rules.join(", "))
        };
        *missed.entry(class).or_default() += 1;
    }
    let mut by_edit: BTreeMap<&str, usize> = BTreeMap::new();
    for (row, p) in rows.iter().zip(predictions) {
        if row.label == "inconsistent" && !p.inconsistent {
            if let Some(class) = edit_class(row) {
                *by_edit.entry(class).or_default() += 1;
            }
        }
    }
    let mut missed: Vec<(String, usize)> = missed.into_iter().collect();
    missed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    s.push_str("missed inconsistent rows by what was reported:\n");
    for (class, n) in missed {
        s.push_str(&format!("  {class:<40} {n}\n"));
    }
    if !by_edit.is_empty() {
        let mut by_edit: Vec<(&str, usize)> = by_edit.into_iter().collect();
        by_edit.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        s.push_str("missed inconsistent rows by the data's edit annotations:\n");
        for (class, n) in by_edit {
            s.push_str(&format!("  {class:<64} {n}\n"));
        }
    }
    s.push_str(&format!(
        "speed: {:.0} rows/s ({} rows in {seconds:.2} s)\n",
        rows.len() as f64 / seconds.max(1e-9),
        rows.len()
    ));
    s
}
