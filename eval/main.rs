//! Runs factlint's extractors over the public evaluation data in
//! `../shared/bench/` and writes system files for its scorers (see
//! `eval/run.sh`, which calls this and the scorers).
//!
//! ```text
//! cargo run --release --example eval -- timeml GOLD.jsonl SYSTEM.jsonl
//! cargo run --release --example eval -- time-spans GOLD.jsonl SYSTEM.jsonl
//! ```
//!
//! `timeml` reads TimeML articles (one per line, with their document date)
//! and writes TIMEX3 extents (byte offsets), types and values, as the
//! TempEval-3 scorer wants them. `time-spans` reads Recognizers-Text or
//! Duckling examples (an input sentence and a reference time) and writes the
//! time expressions found, with character offsets, for `spec_span_score.py`.
//! The extractor runs exactly as in `factlint check`: the text is read into a
//! `Document` and resolved against the given reference date.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use factlint::document::Document;
use factlint::extract::time::{TimeMention, extract_times};
use jiff::civil::Date;
use serde_json::{Value, json};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, gold, system] = args.as_slice() else {
        eprintln!("usage: eval (timeml | time-spans) GOLD.jsonl SYSTEM.jsonl");
        return ExitCode::from(2);
    };
    let result = match mode.as_str() {
        "timeml" => run(gold, system, timeml_line),
        "time-spans" => run(gold, system, span_line),
        _ => {
            eprintln!("eval: unknown mode `{mode}`");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(n) => {
            eprintln!("eval: {n} lines written to {system}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("eval: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(gold: &str, system: &str, convert: fn(&Value) -> Value) -> Result<usize, String> {
    let input = std::fs::File::open(gold).map_err(|e| format!("{gold}: {e}"))?;
    let output = std::fs::File::create(system).map_err(|e| format!("{system}: {e}"))?;
    let mut out = BufWriter::new(output);
    let mut n = 0;
    for line in std::io::BufReader::new(input).lines() {
        let line = line.map_err(|e| format!("{gold}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let gold_line: Value = serde_json::from_str(&line).map_err(|e| format!("{gold}: {e}"))?;
        writeln!(out, "{}", convert(&gold_line)).map_err(|e| format!("{system}: {e}"))?;
        n += 1;
    }
    out.flush().map_err(|e| format!("{system}: {e}"))?;
    Ok(n)
}

fn mentions(text: &str, reference: Option<Date>) -> Vec<TimeMention> {
    let doc = Document::new(text);
    extract_times(text, &doc.sentences, reference)
}

fn date(v: &Value) -> Option<Date> {
    v.as_str()
        .and_then(|s| s.get(..10))
        .and_then(|s| s.parse().ok())
}

fn timeml_line(gold: &Value) -> Value {
    let text = gold["text"].as_str().unwrap_or("");
    let timexes: Vec<Value> = mentions(text, date(&gold["dct"]))
        .iter()
        .map(|m| {
            json!({
                "start": m.span.start,
                "end": m.span.end,
                "type": format!("{:?}", m.typ).to_uppercase(),
                "value": m.value.clone().unwrap_or_default(),
            })
        })
        .collect();
    json!({ "doc": gold["doc"], "timexes": timexes })
}

fn span_line(gold: &Value) -> Value {
    let text = gold["input"].as_str().unwrap_or("");
    let chars = |byte: usize| text[..byte].chars().count();
    let results: Vec<Value> = mentions(text, date(&gold["reference"]))
        .iter()
        .map(
            |m| json!({ "start": chars(m.span.start), "end": chars(m.span.end), "value": m.value }),
        )
        .collect();
    let mut line = json!({ "results": results });
    for key in ["file", "idx"] {
        if let Some(v) = gold.get(key) {
            line[key] = v.clone();
        }
    }
    line
}
