#!/usr/bin/env bash
# Runs every benchmark driver in bench/ against DuckDB, same files and thread count, and prints
# their tables. Needs a build in $1 (default: build) and the virtualenv (scripts/venv.sh).
# Results belong in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
threads=${BENCH_THREADS:-$(nproc)}
scripts/venv.sh
py=.venv/bin/python
echo "== CSV read"
$py bench/csv_read_bench.py --build "$build" --threads "$threads"
echo "== JSON lines read"
$py bench/json_read_bench.py --binary "$build/bench/json_read_bench" --threads "$threads"
echo "== Parquet read and write"
$py bench/parquet_bench.py --build "$build" --threads "$threads"
