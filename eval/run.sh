#!/usr/bin/env bash
# Scores factlint's time extractor on the public evaluation data beside the
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
