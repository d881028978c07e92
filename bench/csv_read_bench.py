#!/usr/bin/env python3
"""CSV read throughput: bundlebase's reader against DuckDB on the same file and thread count.

Generates bench/data/csv_bench_<MB>mb.csv once (ints, doubles, strings, some quoted with
delimiters and doubled quotes, dates, timestamps, booleans, NULLs), then times
  - build/bench/csv_read_bench <file> <threads>   (every column materialized and checksummed)
  - DuckDB: SET threads=N; an aggregate that reads every column of read_csv(<file>)
and prints MB/s for both and the ratio, by wall clock and by CPU time (user + system; the
fairer number on a machine shared with other work). Run from the repository root with the
project's virtualenv (scripts/venv.sh), e.g.:
  .venv/bin/python bench/csv_read_bench.py --build build --threads 2 --mb 500
"""
import argparse
import os
import re
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

COLUMNS = """
    i AS id,
    (i * 7919) % 100000 AS qty,
    round(((i * 2654435761) % 1000000) / 100.0, 2) AS price,
    ((i * 40503) % 65536) / 65536.0 AS ratio,
    'customer_' || (i % 100003) AS name,
    CASE WHEN i % 5 = 0 THEN 'Springfield, ' || (i % 50) ELSE 'Town' || (i % 1000) END AS city,
    CASE WHEN i % 11 = 0 THEN 'said "hello" ' || (i % 7) WHEN i % 13 = 0 THEN NULL
         ELSE 'note ' || (i % 97) END AS note,
    DATE '2000-01-01' + CAST(i % 9000 AS INTEGER) AS day,
    TIMESTAMP '2020-01-01 00:00:00' + to_seconds(i * 17) AS ts,
    i % 3 = 0 AS flag
"""


def generate(path, megabytes):
    import duckdb
    os.makedirs(os.path.dirname(path), exist_ok=True)
    rows = int(megabytes * 1e6 / 109)  # about 109 bytes per generated row
    tmp = path + ".tmp"
    con = duckdb.connect()
    con.execute(f"COPY (SELECT {COLUMNS} FROM range({rows}) t(i)) TO '{tmp}' "
                "(HEADER, DELIMITER ',')")
    os.replace(tmp, path)


def cpu_seconds(who):
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def run_ours(binary, path, threads, reps):
    """Best wall and CPU seconds of `reps` runs (one process per run, so CPU time is exact)."""
    best_wall = best_cpu = float("inf")
    rows = 0
    for _ in range(reps):
        before = cpu_seconds(resource.RUSAGE_CHILDREN)
        out = subprocess.run([binary, path, str(threads), "1"], check=True,
                             capture_output=True, text=True).stdout
        best_cpu = min(best_cpu, cpu_seconds(resource.RUSAGE_CHILDREN) - before)
        best_wall = min(best_wall, float(re.search(r"seconds=([0-9.]+)", out).group(1)))
        rows = int(re.search(r"rows=(\d+)", out).group(1))
    return best_wall, best_cpu, rows


def every_column_query(con, path):
    """An aggregate that reads every column, so DuckDB must parse all of them."""
    parts = ["count(*)"]
    for name, kind, *_ in con.execute(f"DESCRIBE SELECT * FROM read_csv('{path}')").fetchall():
        col = '"' + name.replace('"', '""') + '"'
        if kind in ("VARCHAR",):
            parts.append(f"sum(length({col}))")
        elif kind == "BOOLEAN":
            parts.append(f"count_if({col})")
        elif kind.startswith(("DATE", "TIME")):
            parts.append(f"max({col})")
        else:
            parts.append(f"sum({col})")
    return f"SELECT {', '.join(parts)} FROM read_csv('{path}')"


def run_duckdb(path, threads, reps):
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads={threads}")
    query = every_column_query(con, path)
    best_wall = best_cpu = float("inf")
    rows = 0
    for _ in range(reps):
        cpu = cpu_seconds(resource.RUSAGE_SELF)
        start = time.perf_counter()
        rows = con.execute(query).fetchone()[0]
        best_wall = min(best_wall, time.perf_counter() - start)
        best_cpu = min(best_cpu, cpu_seconds(resource.RUSAGE_SELF) - cpu)
    return best_wall, best_cpu, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build",
                    help="CMake build directory holding bench/csv_read_bench")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--mb", type=int, default=500, help="size of the generated file")
    ap.add_argument("--reps", type=int, default=3, help="repetitions; the best time counts")
    ap.add_argument("--file", help="benchmark this CSV file instead of the generated one")
    args = ap.parse_args()

    path = args.file or os.path.join(ROOT, "bench", "data", f"csv_bench_{args.mb}mb.csv")
    if not os.path.exists(path):
        print(f"generating {path} ...", file=sys.stderr)
        generate(path, args.mb)
    size = os.path.getsize(path)
    build = args.build if os.path.isabs(args.build) else os.path.join(ROOT, args.build)
    binary = os.path.join(build, "bench", "csv_read_bench")
    # Warm the page cache so both readers see the same, cached file.
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass

    ours, ours_cpu, our_rows = run_ours(binary, path, args.threads, args.reps)
    duck, duck_cpu, duck_rows = run_duckdb(path, args.threads, args.reps)
    if our_rows != duck_rows:
        print(f"row counts differ: bundlebase {our_rows}, duckdb {duck_rows}", file=sys.stderr)
        sys.exit(1)
    mb = size / 1e6
    print(f"file: {path} ({mb:.0f} MB, {our_rows} rows), threads: {args.threads}, "
          f"best of {args.reps}")
    print(f"bundlebase: {ours:.3f} s wall {mb / ours:8.1f} MB/s | "
          f"{ours_cpu:.3f} s cpu {mb / ours_cpu:8.1f} MB per cpu-second")
    print(f"duckdb:     {duck:.3f} s wall {mb / duck:8.1f} MB/s | "
          f"{duck_cpu:.3f} s cpu {mb / duck_cpu:8.1f} MB per cpu-second")
    print(f"ratio (bundlebase / duckdb throughput): {duck / ours:.2f}x wall, "
          f"{duck_cpu / ours_cpu:.2f}x cpu")


if __name__ == "__main__":
    main()
