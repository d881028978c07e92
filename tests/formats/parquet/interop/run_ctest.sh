#!/usr/bin/env bash
# The ctest entry of the interop harness: installs the peers (setup.sh), then runs check-read
# (our reader against every peer's corpus file) and check-write (every peer reading what our
# writer makes of each corpus file) with the tools of the build directory given as $1. Prints
# every failure and each mode's closing "N passed, N failed, N expected exceptions" line; exits
# nonzero when setup or either mode fails.
set -uo pipefail
if [ $# -ne 1 ]; then
  echo "usage: run_ctest.sh BUILD_DIR" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
build=$(cd "$1" && pwd)
dump="$build/tests/parquet_dump"
rewrite="$build/tests/parquet_rewrite"
for tool in "$dump" "$rewrite"; do
  if [ ! -x "$tool" ]; then
    echo "run_ctest.sh: $tool is missing; build the parquet_dump and parquet_rewrite targets" >&2
    exit 1
  fi
done
"$here/setup.sh" || { echo "run_ctest.sh: setup.sh failed" >&2; exit 1; }
python="$root/.venv/bin/python"
status=0
# Passing comparisons are one "ok" line each (thousands): only the rest is shown.
"$python" "$here/interop.py" check-read --ours "$dump" | grep -v '^ok ' || status=1
"$python" "$here/interop.py" check-write --ours-writer "$rewrite" --ours-reader "$dump" \
  | grep -v '^ok ' || status=1
exit $status
