#!/usr/bin/env bash
# The benchmark (not a test): times `planmerge merge` beside the I/O floor and the pandas script on
# the same generated folder, printing wall time, peak memory and the ratios.
#
#   bench/run.sh [FILES] [ROWS]     default 100 files × 1000 rows
#   RUNS=5 bench/run.sh …           runs per program (default 3); the median is reported
#   bench/run.sh scale              planmerge and the floor on 10k, 100k and 1M rows
#                                   (10/100/1000 files × 1000 rows)
#
# Needs: /usr/bin/time (Debian package `time`); for the pandas baseline
# `pip install pandas python-calamine xlsxwriter` (skipped with a note when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin planmerge --example make_synthetic --example io_floor
bin=target/release
work=${BENCH_DIR:-/tmp/planmerge-bench}
mkdir -p "$work"

folder_for() { # files rows -> folder (generated once)
  local dir="$work/syn-$1x$2"
  [ -f "$dir/report.toml" ] || "$bin/examples/make_synthetic" "$dir" "$1" "$2" >/dev/null
  echo "$dir"
}

# The VM's speed drifts between minutes, so each program runs RUNS times (default 3), the
# programs taking turns, and the median wall time is reported (every run's time is shown too).
runs=${RUNS:-3}

measure_once() { # label command... -> appends one run's wall time and peak memory
  local label=$1; shift
  local log="$work/time-$label.log"
  /usr/bin/time -v "$@" >/dev/null 2>"$log"
  awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" \
    | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }' >>"$work/walls-$label"
  awk -F': ' '/Maximum resident set size/ {printf "%.1f\n", $2/1024}' "$log" >>"$work/peaks-$label"
}

start() { rm -f "$work/walls-$1" "$work/peaks-$1"; }

report() { # label -> prints "label median_wall peak_MiB (all walls)", keeps the median
  local label=$1 median peak all
  median=$(sort -n "$work/walls-$label" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
  peak=$(sort -n "$work/peaks-$label" | tail -1)
  all=$(paste -sd' ' "$work/walls-$label")
  printf '%-14s %8.2f s %9s MiB   (runs: %s)\n' "$label" "$median" "$peak" "$all"
  echo "$median" > "$work/wall-$label"
}

ratio() { awk -v a="$(cat "$work/wall-$1")" -v b="$(cat "$work/wall-$2")" 'BEGIN { printf "%.2f", a / b }'; }

if [ "${1:-}" = scale ]; then
  for files in 10 100 1000; do
    rows=$((files * 1000))
    dir=$(folder_for "$files" 1000)
    start "merge-$rows"; start "floor-$rows"
    for _ in $(seq "$runs"); do
      measure_once "merge-$rows" "$bin/planmerge" merge "$dir" -o "$work/summary-$files.xlsx"
      measure_once "floor-$rows" "$bin/examples/io_floor" "$dir" "$work/floor-$files.xlsx"
    done
    report "merge-$rows"; report "floor-$rows"
    echo "planmerge / floor at $rows rows: $(ratio "merge-$rows" "floor-$rows")×"
  done
  exit 0
fi

files=${1:-100}
rows=${2:-1000}
dir=$(folder_for "$files" "$rows")
echo "folder: $dir ($files files × $rows rows), $runs runs each"
pandas=no
python3 -c 'import pandas, python_calamine, xlsxwriter' 2>/dev/null && pandas=yes
start planmerge; start floor; start pandas
for _ in $(seq "$runs"); do
  measure_once planmerge "$bin/planmerge" merge "$dir" -o "$work/summary.xlsx"
  measure_once floor "$bin/examples/io_floor" "$dir" "$work/floor.xlsx"
  [ "$pandas" = yes ] && measure_once pandas python3 bench/pandas_merge.py "$dir" "$work/pandas.xlsx"
done
report planmerge
report floor
if [ "$pandas" = yes ]; then
  report pandas
  echo "pandas / planmerge: $(ratio pandas planmerge)× (planmerge is that many times faster)"
else
  echo "pandas: skipped (pip install pandas python-calamine xlsxwriter)"
fi
echo "planmerge / floor:  $(ratio planmerge floor)× (target ≤ 1.0)"
