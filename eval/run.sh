#!/usr/bin/env bash
# Scores factlint's time and quantity extractors on the public evaluation data beside the
# repository (../shared/bench/), with the scorers shipped there. Not part of
# `cargo test`: the data is not in this repository.
#   bash eval/run.sh            # figures
#   bash eval/run.sh --errors   # and the TempEval-3 error listing
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${BENCH:-../shared/bench}
out=target/eval
mkdir -p "$out"
cargo build --release --quiet --example eval
eval_bin=target/release/examples/eval

echo "== TimeML (TBAQ, TempEval-3 Task A): $bench/timeml/tbaq_train.jsonl"
"$eval_bin" timeml "$bench/timeml/tbaq_train.jsonl" "$out/timeml.jsonl"
python3 "$bench/tools/te3_timex_score.py" "$bench/timeml/tbaq_train.jsonl" "$out/timeml.jsonl" "$@"

echo "== Recognizers-Text DateTime (spans)"
"$eval_bin" time-spans "$bench/recognizers-text/datetime_model_en.jsonl" "$out/datetime.jsonl"
python3 "$bench/tools/spec_span_score.py" "$bench/recognizers-text/datetime_model_en.jsonl" "$out/datetime.jsonl"

echo "== Duckling time (spans)"
"$eval_bin" time-spans "$bench/duckling/time_en.jsonl" "$out/duckling.jsonl"
python3 "$bench/tools/spec_span_score.py" "$bench/duckling/time_en.jsonl" "$out/duckling.jsonl"

# Quantities: the Recognizers-Text number, range and unit files.  "value
# accuracy" is the share of strict span matches whose value is right (value
# P / span strict P of the scorer's lines).
for spec in "numbers number_model_en" "number-ranges number_range_model_en" "units number_with_unit_en"; do
    set -- $spec
    echo "== Recognizers-Text $2 ($1)"
    "$eval_bin" "$1" "$bench/recognizers-text/$2.jsonl" "$out/$2.jsonl"
    python3 "$bench/tools/spec_span_score.py" "$bench/recognizers-text/$2.jsonl" "$out/$2.jsonl" |
        tee "$out/$2.score"
    [ "$1" = units ] || awk '/^span strict/ {s=$4} /^value/ {v=$5} END {if (s > 0) printf "value accuracy (of strict span matches) %6.2f\n", 100*v/s}' "$out/$2.score"
done

# Quotations: the corpus in this repository (tests/quotes/), not ../shared.
echo "== Quotation corpus (tests/quotes/cases.toml)"
cargo test --release --quiet --test quotes -- --nocapture 2>&1 | grep -E "cases|precision"
