#!/usr/bin/env python3
"""Parquet read and write speed: bundlebase's reader and writer against DuckDB, same data, same
files, same thread count.

Data (ROWS rows, 10 million by default): a int64 (high cardinality), b double, c string with 100
distinct values, d string that is mostly unique. Our writer produces
bench/data/parquet_bench_<rows>_<codec>.parquet (snappy and zstd); both engines then read those
files:
  - full scan: every column decoded. Ours: build/bench/parquet_bench read (row groups in
    parallel, every value folded into a checksum). DuckDB: SELECT sum(a), sum(b),
    max(length(c)), max(length(d)) FROM read_parquet(...).
  - single column: a, c and d alone (DuckDB: sum(a), max(length(c)), max(length(d))).
and both write the same rows from memory with zstd and snappy: ours from arrays built before
the clock starts, DuckDB with COPY from an in-memory table; both into a plain buffered file
(COPY TO does not fsync). One more line shows our writer through the local FileSystem, which
fsyncs and renames into place as the product does.

Each number is the best of --reps runs: wall-clock seconds, and CPU seconds of the process (all
threads). Both engines run in fresh processes started by this script: DuckDB is timed inside
its Python process around the query only (no interpreter start-up), ours inside the C++ binary.
On a machine shared with other work the wall clock also counts time the cores spent on other
processes; CPU time does not, so both are printed. Run from the repository root, e.g.:
  .venv/bin/python bench/parquet_bench.py --build build --threads 2
"""
import argparse
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench", "data")

# The same formulas as MakeBatch in bench/parquet_bench.cc.
COLUMNS = """
    (i * 7919) % 10000019 AS a,
    i * 0.5 + ((i * 40503) % 1000) / 1000.0 AS b,
    'category_' || (i % 100) AS c,
    'customer_' || ((i * 2654435761) % 100000007) AS d
"""

FULL_SCAN = "SELECT sum(a), sum(b), max(length(c)), max(length(d)) FROM read_parquet('{}')"
COLUMN_QUERIES = {
    "a": "SELECT sum(a) FROM read_parquet('{}')",
    "c": "SELECT max(length(c)) FROM read_parquet('{}')",
    "d": "SELECT max(length(d)) FROM read_parquet('{}')",
}


def ours(binary, threads, *args):
    """(best wall seconds, best CPU seconds) of our binary's runs."""
    env = dict(os.environ, BUNDLEBASE_THREADS=str(threads))
    out = subprocess.run([binary, *map(str, args)], check=True, capture_output=True, text=True,
                         env=env).stdout
    return (min(float(m) for m in re.findall(r"seconds=([0-9.]+)", out)),
            min(float(m) for m in re.findall(r"cpu=([0-9.]+)", out)))


# DuckDB runs in a fresh process of its own, as our binary does, so both meet the machine's
# scheduler alike; the clock runs around each query only (no interpreter start-up, and the
# in-memory table of the write test is built before it starts).
DUCK_RUNNER = """
import resource, sys, time
import duckdb
threads, reps, setup, query = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
con = duckdb.connect()
con.execute(f"SET threads={threads}")
if setup:
    con.execute(setup)
def cpu():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime
for _ in range(reps):
    c0, t0 = cpu(), time.perf_counter()
    con.execute(query).fetchall()
    print(f"seconds={time.perf_counter() - t0:.4f} cpu={cpu() - c0:.4f}")
"""


def duck(threads, query, reps, setup=""):
    out = subprocess.run([sys.executable, "-c", DUCK_RUNNER, str(threads), str(reps), setup, query],
                         check=True, capture_output=True, text=True).stdout
    return (min(float(m) for m in re.findall(r"seconds=([0-9.]+)", out)),
            min(float(m) for m in re.findall(r"cpu=([0-9.]+)", out)))


def warm(path):
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build", help="CMake build directory with bench/parquet_bench")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--reps", type=int, default=5, help="repetitions; the best time counts")
    args = ap.parse_args()

    import duckdb
    build = args.build if os.path.isabs(args.build) else os.path.join(ROOT, args.build)
    binary = os.path.join(build, "bench", "parquet_bench")
    os.makedirs(DATA, exist_ok=True)
    results = []  # (what, ours (wall, cpu), duckdb (wall, cpu))

    files = {}
    for codec in ("snappy", "zstd"):
        path = os.path.join(DATA, f"parquet_bench_{args.rows}_{codec}.parquet")
        if not os.path.exists(path):
            print(f"writing {path} ...", file=sys.stderr)
            ours(binary, args.threads, "write", path, args.rows, codec, 1)
        files[codec] = path
        warm(path)

    for codec, path in files.items():
        mb = os.path.getsize(path) / 1e6
        results.append((f"read {codec} ({mb:.0f} MB): all columns",
                        ours(binary, args.threads, "read", path, args.reps),
                        duck(args.threads, FULL_SCAN.format(path), args.reps)))
        for column, query in COLUMN_QUERIES.items():
            results.append((f"read {codec}: column {column}",
                            ours(binary, args.threads, "read", path, args.reps, column),
                            duck(args.threads, query.format(path), args.reps)))

    table = f"CREATE TABLE t AS SELECT {COLUMNS} FROM range({args.rows}) r(i)"
    duck_write = {}
    for codec in ("zstd", "snappy"):
        our_out = os.path.join(DATA, f"parquet_bench_write_ours_{codec}.parquet")
        duck_out = os.path.join(DATA, f"parquet_bench_write_duckdb_{codec}.parquet")
        our_times = ours(binary, args.threads, "write", our_out, args.rows, codec, args.reps)
        duck_write[codec] = duck(
            args.threads, f"COPY t TO '{duck_out}' (FORMAT parquet, COMPRESSION {codec})",
            args.reps, setup=table)
        results.append((f"write {codec} (ours {os.path.getsize(our_out) / 1e6:.0f} MB, "
                        f"duckdb {os.path.getsize(duck_out) / 1e6:.0f} MB)", our_times,
                        duck_write[codec]))
    # The product's path adds an fsync and an atomic rename, which COPY TO does not do.
    durable = ours(binary, args.threads, "write-durable",
                   os.path.join(DATA, "parquet_bench_write_ours_durable.parquet"), args.rows,
                   "zstd", args.reps)
    results.append(("write zstd, ours fsynced and renamed", durable, duck_write["zstd"]))

    print(f"rows: {args.rows}, threads: {args.threads}, duckdb {duckdb.__version__}, "
          f"load average {os.getloadavg()[0]:.1f}")
    width = max(len(r[0]) for r in results)
    print(f"{'':{width}}  {'wall: ours':>10} {'duckdb':>7} {'ratio':>6}   {'cpu: ours':>9} "
          f"{'duckdb':>7} {'ratio':>6}")
    for what, (ow, oc), (dw, dc) in results:
        print(f"{what:{width}}  {ow:10.3f} {dw:7.3f} {ow / dw:5.2f}x   {oc:9.3f} {dc:7.3f} "
              f"{oc / dc:5.2f}x")
    print("ratio = ours / duckdb time: below 1 means bundlebase is faster.")


if __name__ == "__main__":
    main()
