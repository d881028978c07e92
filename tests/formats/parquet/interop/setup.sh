#!/usr/bin/env bash
# Installs the Parquet interop peers, idempotently and quietly (README.md, "Setup"):
#  - pyarrow and duckdb into the project's virtualenv (.venv) through scripts/venv.sh;
#  - hyparquet, hyparquet-writer, hyparquet-compressors, parquet-wasm and apache-arrow into
#    node_modules/ here with `npm ci`, from the committed package-lock.json, when node_modules is
#    missing or older than the lockfile.
# Prints nothing on success; exits nonzero with the reason otherwise.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)

"$root/scripts/venv.sh"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup.sh: node and npm (Node 20 or newer) are needed for the JavaScript peers" >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "setup.sh: Node $(node --version) is too old; Node 20 or newer is needed" >&2
  exit 1
fi

cd "$here"
# npm ci leaves node_modules/.package-lock.json behind; it is older than the lockfile only when
# the lockfile changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
