//! Runs factlint's extractors over the public evaluation data in
//! `../shared/bench/` and writes system files for its scorers (see
//! `eval/run.sh`, which calls this and the scorers).
//!
//! ```text
//! cargo run --release --example eval -- timeml GOLD.jsonl SYSTEM.jsonl
//! cargo run --release --example eval -- time-spans GOLD.jsonl SYSTEM.jsonl
//! cargo run --release --example eval -- numbers GOLD.jsonl SYSTEM.jsonl
//! cargo run --release --example eval -- number-ranges GOLD.jsonl SYSTEM.jsonl
//! cargo run --release --example eval -- units GOLD.jsonl SYSTEM.jsonl
//! ```
//!
//! `timeml` reads TimeML articles (one per line, with their document date)
//! and writes TIMEX3 extents (byte offsets), types and values, as the
//! TempEval-3 scorer wants them. `time-spans` reads Recognizers-Text or
//! Duckling examples (an input sentence and a reference time) and writes the
//! time expressions found, with character offsets, for `spec_span_score.py`.
//! The extractor runs exactly as in `factlint check`: the text is read into a
//! `Document` and resolved against the given reference date.
//!
//! The three quantity modes write what `factlint extract` finds in each
//! Recognizers-Text sentence, in that data's notation: `numbers` the number
//! itself (without currency symbol or bound words) and its value; `number-
//! ranges` each bounded amount with its bound words ("more than thirty")
//! and its interval (`(30,)`, `[20,30)`: an explicit range "20 to 30" is
//! written half-open, as the data writes it; one-sided upper bounds leave
//! out the floor of zero that factlint puts under counts); `units` each
//! amount of money or measure with its unit ("$ 75 million", "3-inch",
//! "five years old").  Values are written with 15 significant digits, as
//! the data rounds them.
//!
//! Three conventions of the data are mapped here rather than in the
//! extractor: a number with a measure glued to it ("180ml") is no number
//! for the NumberModel file; each NumberWithUnit file annotates only its
//! own model's units (ages, currencies, dimensions or temperatures; a word
//! naming two kinds, "degrees" or "pounds", counts for both); and of a
//! range with a unit
//! ("eight to 10 feet") only the number next to the unit is marked.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use factlint::document::Document;
use factlint::extract::quantity::{UnitKind, extract_quantities};
use factlint::extract::time::{TimeMention, extract_times};
use jiff::civil::Date;
use serde_json::{Value, json};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, gold, system] = args.as_slice() else {
        eprintln!(
            "usage: eval (timeml | time-spans | numbers | number-ranges | units) GOLD.jsonl SYSTEM.jsonl"
        );
        return ExitCode::from(2);
    };
    let result = match mode.as_str() {
        "timeml" => run(gold, system, timeml_line),
        "time-spans" => run(gold, system, span_line),
        "numbers" => run(gold, system, number_line),
        "number-ranges" => run(gold, system, range_line),
        "units" => run(gold, system, unit_line),
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
    let results = mentions(text, date(&gold["reference"]))
        .iter()
        .map(|m| {
            let (s, e) = char_range(text, m.span.clone());
            json!({ "start": s, "end": e, "value": m.value })
        })
        .collect();
    spec_line(gold, results)
}

/// A Recognizers-Text output line with `results`, keyed like the gold one.
fn spec_line(gold: &Value, results: Vec<Value>) -> Value {
    let mut line = json!({ "results": results });
    for key in ["file", "idx"] {
        if let Some(v) = gold.get(key) {
            line[key] = v.clone();
        }
    }
    line
}

/// A number as the data writes it: 15 significant digits.
fn num(v: f64) -> String {
    let rounded: f64 = format!("{v:.14e}").parse().unwrap_or(v);
    format!("{rounded}")
}

/// Character offsets of a byte range of `text`.
fn char_range(text: &str, r: std::ops::Range<usize>) -> (usize, usize) {
    let chars = |byte: usize| text[..byte].chars().count();
    (chars(r.start), chars(r.end))
}

fn number_line(gold: &Value) -> Value {
    let text = gold["input"].as_str().unwrap_or("");
    let results = extract_quantities(text)
        .into_iter()
        .filter(|q| q.vague.is_none())
        // The data's numbers are numbers standing alone: a measure glued to
        // its number ("180ml", "29km") is a dimension, not a number.
        .filter(|q| {
            !(q.unit_kind == Some(UnitKind::Measure)
                && q.unit_span
                    .as_ref()
                    .is_some_and(|u| u.start == q.number_span.end))
        })
        .filter_map(|q| {
            let value = q.value?;
            let value = if q.ratio { value / 100.0 } else { value };
            // "$20": the number without its currency symbol.
            let mut start = q.number_span.start;
            if let (Some(UnitKind::Currency), Some(u)) = (q.unit_kind, &q.unit_span) {
                if u.start == start && u.end < q.number_span.end {
                    start = u.end + text[u.end..].len() - text[u.end..].trim_start().len();
                }
            }
            let (s, e) = char_range(text, start..q.number_span.end);
            Some(json!({ "start": s, "end": e, "value": { "value": num(value) } }))
        })
        .collect();
    spec_line(gold, results)
}

fn range_line(gold: &Value) -> Value {
    let text = gold["input"].as_str().unwrap_or("");
    let results = extract_quantities(text)
        .into_iter()
        .filter(|q| q.vague.is_none() && !q.approximate)
        .filter_map(|q| {
            // A share ("more than half") is a percentage in factlint.
            let k = if q.ratio { 0.01 } else { 1.0 };
            let (lo, hi) = (q.low.map(|x| x * k), q.high.map(|x| x * k));
            let value = q.value.map(|x| x * k);
            let written_bound = q.bound_span != q.number_span;
            let open = |inclusive: bool| if inclusive { "[" } else { "(" };
            let close = |inclusive: bool| if inclusive { "]" } else { ")" };
            let interval = match (value, lo, hi) {
                // Two-sided bounds keep their own ends: "(10,20)".
                (None, Some(l), Some(h)) if !q.range => format!(
                    "{}{},{}{}",
                    open(q.low_inclusive),
                    num(l),
                    num(h),
                    close(q.high_inclusive)
                ),
                // An explicit range, "20 to 30": the data writes it [20,30).
                (None, Some(l), Some(h)) => format!("[{},{})", num(l), num(h)),
                // A one-sided upper bound: no floor.
                (Some(x), _, Some(h)) if h == x && lo != Some(x) => {
                    format!("(,{}{}", num(x), close(q.high_inclusive))
                }
                (Some(x), Some(l), None) if l == x => {
                    format!("{}{},)", open(q.low_inclusive), num(x))
                }
                // "equal to 20"
                (Some(x), Some(l), Some(h)) if written_bound && l == x && h == x => {
                    format!("[{0},{0}]", num(x))
                }
                _ => return None,
            };
            let (s, e) = char_range(text, q.bound_span.clone());
            Some(json!({ "start": s, "end": e, "value": { "value": interval } }))
        })
        .collect();
    spec_line(gold, results)
}

/// The kinds of unit one of the data's model files annotates: each file
/// tests one model (ages, currencies, dimensions, temperatures) and leaves
/// the other kinds out of its gold.
#[derive(Clone, Copy, PartialEq)]
enum UnitModel {
    Age,
    Currency,
    Dimension,
    Temperature,
    Any,
}

fn unit_model(gold: &Value) -> UnitModel {
    let file = gold["file"].as_str().unwrap_or("");
    let name = file.rsplit('/').next().unwrap_or(file);
    match name {
        "AgeModel.json" => UnitModel::Age,
        "CurrencyModel.json" => UnitModel::Currency,
        "DimensionModel.json" => UnitModel::Dimension,
        "TemperatureModel.json" => UnitModel::Temperature,
        _ => UnitModel::Any,
    }
}

/// Whether a unit factlint found is one the model annotates. Words that
/// name two kinds of unit count for both: a bare "degree" is an angle or a
/// temperature, "pounds" money or a weight.
fn in_model(model: UnitModel, kind: UnitKind, unit: &str, written: &str) -> bool {
    let age = matches!(unit, "year" | "month" | "week" | "day");
    let temperature = unit.starts_with("degree") || unit == "kelvin";
    let pounds = written.to_ascii_lowercase().starts_with("pound");
    match model {
        UnitModel::Any => true,
        UnitModel::Currency => kind == UnitKind::Currency,
        UnitModel::Age => kind == UnitKind::Measure && age,
        UnitModel::Temperature => kind == UnitKind::Measure && temperature,
        UnitModel::Dimension => match kind {
            UnitKind::Currency => pounds,
            _ => !age && (!temperature || unit == "degree"),
        },
    }
}

/// Where the second number of a range starts ("10" in "eight to 10
/// feet", "300" in "75 -300mm"): the data marks only the amount next to
/// its unit.
fn second_number(text: &str, number: std::ops::Range<usize>) -> usize {
    let s = &text[number.clone()];
    let joined = [" to ", " or ", " through ", " thru "]
        .iter()
        .filter_map(|j| s.rfind(j).map(|k| k + j.len()))
        .max()
        .or_else(|| {
            s.char_indices()
                .skip(1)
                .find(|(_, c)| matches!(c, '-' | '–' | '—' | '~'))
                .map(|(k, c)| k + c.len_utf8())
        });
    match joined {
        Some(k) => number.start + k + (s.len() - k - s[k..].trim_start().len()),
        None => number.start,
    }
}

fn unit_line(gold: &Value) -> Value {
    let text = gold["input"].as_str().unwrap_or("");
    let model = unit_model(gold);
    let results = extract_quantities(text)
        .into_iter()
        .filter(|q| matches!(q.unit_kind, Some(UnitKind::Currency | UnitKind::Measure)))
        .filter(|q| {
            let (Some(kind), Some(unit), Some(span)) =
                (q.unit_kind, q.unit.as_deref(), q.unit_span.clone())
            else {
                return false;
            };
            in_model(model, kind, unit, &text[span])
        })
        .filter_map(|q| {
            let unit = q.unit_span.clone()?;
            let number_start = if q.range {
                second_number(text, q.number_span.clone())
            } else {
                q.number_span.start
            };
            let start = number_start.min(unit.start);
            let end = q.span.end.max(unit.end);
            let (s, e) = char_range(text, start..end);
            Some(json!({ "start": s, "end": e, "value": q.unit }))
        })
        .collect();
    spec_line(gold, results)
}
