#!/usr/bin/env bash
# Whole-program speed: times `factlint check` on the benchmark corpus with
# /usr/bin/time -v, beside `cat` of the same files in the same run, and
# prints throughput, the ratio to `cat`, and each target of issue 9.
#
#     bash eval/speed.sh          # writes target/corpus/ first if missing
#
# Takes about three minutes on two cores. Not part of `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=target/corpus
cargo build --release --quiet
if [ ! -f "$corpus/facts-10000.toml" ]; then
  cargo run --release --quiet --example corpus
fi
bin=target/release/factlint
articles=("$corpus"/articles/*.md)
[ "${#articles[@]}" -ge 1000 ] || { echo "speed: expected 1,000 articles in $corpus/articles"; exit 2; }
head -c 5120 "${articles[0]}" > "$corpus/article-5k.md"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bytes() { cat "$@" | wc -c; }

# run NAME CMD...: runs CMD under /usr/bin/time -v (exit 1 means findings,
# not failure); sets WALL (seconds) and RSS (MB).
run() {
  local name=$1
  shift
  local code=0
  /usr/bin/time -v "$@" > /dev/null 2> "$tmp/time" || code=$?
  if [ "$code" -gt 1 ]; then
    echo "speed: $name failed (exit $code)"; cat "$tmp/time"; exit 2
  fi
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tmp/time")
  RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tmp/time")
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
mbs() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.2f", (s > 0 ? n / s / 1e6 : 0) }'; }
row() { printf '| %s | %s | %s | %s | %s |\n' "$@"; }

all_bytes=$(bytes "${articles[@]}")
big_bytes=$(bytes "$corpus/big.md")
echo "factlint speed, $(date -u +%F), $(nproc) cores; corpus: ${#articles[@]} articles ($(mbs "$all_bytes" 1) MB), big.md ($(mbs "$big_bytes" 1) MB)"
echo
row "run" "wall" "throughput" "× cat's time" "peak RSS"
row "---" "---" "---" "---" "---"

run cat cat "${articles[@]}"
cat_all=$WALL
row "cat, 1,000 articles" "${WALL} s" "$(mbs "$all_bytes" "$WALL") MB/s" "1" "${RSS} MB"

run "check -j 1" "$bin" check -j 1 --format compact --facts "$corpus/facts-100.toml" "${articles[@]}"
one=$WALL
row "check -j 1, 1,000 articles, 100 facts" "${WALL} s" "$(mbs "$all_bytes" "$WALL") MB/s" "$(ratio "$WALL" "$cat_all")" "${RSS} MB"

run "check -j 2" "$bin" check -j 2 --format compact --facts "$corpus/facts-100.toml" "${articles[@]}"
two=$WALL
row "check -j 2, 1,000 articles, 100 facts" "${WALL} s" "$(mbs "$all_bytes" "$WALL") MB/s" "$(ratio "$WALL" "$cat_all")" "${RSS} MB"

run "extract -j 1" "$bin" extract -j 1 "${articles[@]}"
row "extract -j 1, 1,000 articles" "${WALL} s" "$(mbs "$all_bytes" "$WALL") MB/s" "$(ratio "$WALL" "$cat_all")" "${RSS} MB"

run "cat big" cat "$corpus/big.md"
cat_big=$WALL
row "cat, big.md" "${WALL} s" "$(mbs "$big_bytes" "$WALL") MB/s" "1" "${RSS} MB"
run "check big" "$bin" check -j 1 --format compact --facts "$corpus/facts-100.toml" "$corpus/big.md"
big_rss=$RSS
row "check, big.md, 100 facts" "${WALL} s" "$(mbs "$big_bytes" "$WALL") MB/s" "$(ratio "$WALL" "$cat_big")" "${RSS} MB"

# Fact-sheet size: the first 100 articles against 100 and 10,000 facts.
some=("${articles[@]:0:100}")
run "100 facts" "$bin" check -j 1 --format compact --facts "$corpus/facts-100.toml" "${some[@]}"
f100=$WALL
run "10000 facts" "$bin" check -j 1 --format compact --facts "$corpus/facts-10000.toml" "${some[@]}"
f10000=$WALL
row "check -j 1, 100 articles, 100 → 10,000 facts" "${f100} s → ${f10000} s" "" "" "${RSS} MB"

# Linear cost: 250, 500 and 1,000 articles.
run "1x" "$bin" check -j 1 --format compact --facts "$corpus/facts-100.toml" "${articles[@]:0:250}"
x1=$WALL
run "2x" "$bin" check -j 1 --format compact --facts "$corpus/facts-100.toml" "${articles[@]:0:500}"
x2=$WALL
row "check -j 1, 250 / 500 / 1,000 articles" "${x1} s / ${x2} s / ${one} s" "" "" ""

# Latency: one 5 KB article, the median of 21 whole processes, timed to
# the microsecond (/usr/bin/time counts in hundredths of a second).
for _ in $(seq 21); do
  start=$(date +%s%N)
  "$bin" check --format compact --facts "$corpus/facts-100.toml" "$corpus/article-5k.md" > /dev/null || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
done | sort -n | sed -n 11p > "$tmp/latency"
latency=$(awk '{ printf "%.1f", $1 / 1000 }' "$tmp/latency")
row "check, one 5 KB article, 100 facts (median of 21)" "${latency} ms" "" "" ""

echo
echo "targets:"
target() { printf -- '- %-58s %s\n' "$1" "$2"; }
target "check -j 1 ≥ 100 MB/s" "$(mbs "$all_bytes" "$one") MB/s"
target "2 threads ≥ 1.8× one thread" "$(ratio "$one" "$two")×"
target "100 → 10,000 facts < 2×" "$(ratio "$f10000" "$f100")×"
target "5 KB article ≤ 5 ms" "${latency} ms"
target "RSS on big.md ≤ 2 × $(mbs "$big_bytes" 1) MB + 50 MB" "${big_rss} MB"
target "doubling the corpus at most doubles the time" "$(ratio "$x2" "$x1")× then $(ratio "$one" "$x2")×"
