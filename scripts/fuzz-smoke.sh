#!/usr/bin/env bash
# Runs every libFuzzer target built in $1 for a short time over its seed corpus (fuzz/corpus/<name>).
# A crash, leak or timeout fails the run; libFuzzer leaves the reproducer in fuzz/corpus-run/.
set -euo pipefail
build_dir=${1:-build-fuzz}
seconds=${FUZZ_SECONDS:-20}
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$root/fuzz/corpus-run"
status=0
passed=0
failed=0
for target in "$build_dir"/fuzz/*_fuzz; do
  [ -x "$target" ] || continue
  name=$(basename "$target")
  seeds="$root/fuzz/corpus/${name%_fuzz}"
  work="$root/fuzz/corpus-run/$name"
  mkdir -p "$work"
  args=("$work")
  [ -d "$seeds" ] && args+=("$seeds")
  if "$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
      -artifact_prefix="$root/fuzz/corpus-run/$name-" "${args[@]}" >"$work.log" 2>&1; then
    echo "fuzz: $name ran ${seconds}s: $(grep -Eo 'Done [0-9]+ runs' "$work.log" | tail -1 | grep -Eo '[0-9]+') inputs, no crash"
    passed=$((passed + 1))
  else
    echo "fuzz: $name FAILED, see $work.log" >&2
    tail -40 "$work.log" >&2
    status=1
    failed=$((failed + 1))
  fi
done
echo "fuzz smoke: $passed passed, $failed failed"
exit $status
