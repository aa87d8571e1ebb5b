#!/usr/bin/env bash
# The benchmark (not a test): times `planmerge merge` beside the I/O floor and the pandas script on
# the same generated folder, printing wall time, peak memory and the ratios.
#
#   bench/run.sh [FILES] [ROWS]     default 100 files × 1000 rows
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

measure() { # label command... -> prints "label wall_s peak_MiB"
  local label=$1; shift
  local log="$work/time-$label.log"
  /usr/bin/time -v "$@" >/dev/null 2>"$log"
  local wall peak
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$log")
  printf '%-10s %8.2f s %9s MiB\n' "$label" "$wall" "$peak"
  echo "$wall" > "$work/wall-$label"
}

ratio() { awk -v a="$(cat "$work/wall-$1")" -v b="$(cat "$work/wall-$2")" 'BEGIN { printf "%.2f", a / b }'; }

if [ "${1:-}" = scale ]; then
  for files in 10 100 1000; do
    rows=$((files * 1000))
    dir=$(folder_for "$files" 1000)
    measure "merge-$rows" "$bin/planmerge" merge "$dir" -o "$work/summary-$files.xlsx"
    measure "floor-$rows" "$bin/examples/io_floor" "$dir" "$work/floor-$files.xlsx"
    echo "planmerge / floor at $rows rows: $(ratio "merge-$rows" "floor-$rows")×"
  done
  exit 0
fi

files=${1:-100}
rows=${2:-1000}
dir=$(folder_for "$files" "$rows")
echo "folder: $dir ($files files × $rows rows)"
measure planmerge "$bin/planmerge" merge "$dir" -o "$work/summary.xlsx"
measure floor "$bin/examples/io_floor" "$dir" "$work/floor.xlsx"
if python3 -c 'import pandas, python_calamine, xlsxwriter' 2>/dev/null; then
  measure pandas python3 bench/pandas_merge.py "$dir" "$work/pandas.xlsx"
  echo "pandas / planmerge: $(ratio pandas planmerge)× (planmerge is that many times faster)"
else
  echo "pandas: skipped (pip install pandas python-calamine xlsxwriter)"
fi
echo "planmerge / floor:  $(ratio planmerge floor)× (target ≤ 1.0)"
