#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600), two at a time, from the
# repository root's fuzz/ folder; crashes land in fuzz/artifacts/TARGET/.
#
#     bash fuzz/run-all.sh [SECONDS]
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
targets=(check markdown quantities times quotes front_matter fact_sheet)
cargo +nightly fuzz build || exit 2
run() {
  mkdir -p corpus/"$1" logs
  cargo +nightly fuzz run "$1" corpus/"$1" -- -max_total_time="$seconds" -max_len=16384 -print_final_stats=1 \
    > logs/"$1".log 2>&1
  echo "$1: exit $? ($(grep -c 'Test unit written' logs/"$1".log) crash(es)); $(grep -E 'stat::number_of_executed_units' logs/"$1".log)"
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run "${targets[i]}" &
  if ((i + 1 < ${#targets[@]})); then run "${targets[i + 1]}" & fi
  wait
done
