#!/usr/bin/env python3
"""JSON lines read benchmark: bundlebase's reader against DuckDB on the same file and threads.

Generates bench/data/json_bench.jsonl (about 500 MB, seeded, so every run reads the same bytes:
integers, doubles with nulls, strings with escapes and non-ASCII text, a nested object and two
lists), then times `json_read_bench` (our reader, every column consumed) in both its modes —
streaming batches with bounded memory, and the whole file into one batch — and DuckDB's
read_json(format='newline_delimited') with aggregates over every column, best of N runs each,
and prints MB/s for each and the ratios. CPU seconds (all threads) are printed too: on a shared
machine they show the work each reader does better than wall time. Usage:

    .venv/bin/python bench/json_read_bench.py [--binary build/bench/json_read_bench]
        [--threads N] [--runs 3] [--size-mb 500]
"""
import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
         "incididunt ut labore et dolore magna aliqua").split()
CATEGORIES = ["electronics", "books", "garden", "toys", "food", "sports", "tools"]
CITIES = ["Berlin", "Paris", "Zürich", "New York", "東京", "São Paulo", "Lagos"]


def generate(path, size_mb):
    rng = random.Random(20240601)
    target = size_mb * 1024 * 1024
    tmp = path + ".tmp"
    written = 0
    rows = 0
    with open(tmp, "w", encoding="utf-8") as out:
        while written < target:
            lines = []
            for _ in range(1000):
                record = {
                    "id": rows,
                    "user_id": rng.randint(1, 10**12),
                    "price": round(rng.uniform(0, 10000), 2),
                    "ratio": None if rows % 10 == 0 else rng.random(),
                    "name": "user_%d" % rng.randint(0, 10**6),
                    "category": rng.choice(CATEGORIES),
                    "comment": " ".join(rng.choices(WORDS, k=rng.randint(3, 14)))
                    + (' said "hi"\n' if rows % 7 == 0 else ""),
                    "active": rng.random() < 0.5,
                    "address": {"city": rng.choice(CITIES), "zip": rng.randint(10000, 99999)},
                    "tags": rng.sample(WORDS, rng.randint(0, 4)),
                    "scores": [round(rng.uniform(0, 100), 3) for _ in range(rng.randint(0, 4))],
                }
                lines.append(json.dumps(record, ensure_ascii=False))
                rows += 1
            chunk = "\n".join(lines) + "\n"
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
    os.replace(tmp, path)
    return rows


def best(times):
    return min(times)


def run_ours(binary, path, threads, runs, mode):
    env = dict(os.environ, BUNDLEBASE_THREADS=str(threads))
    out = subprocess.run([binary, path, str(threads), str(runs), mode], check=True, env=env,
                         capture_output=True, text=True).stdout
    seconds = [float(m) for m in re.findall(r"(?<!cpu_)seconds=([0-9.]+)", out)]
    cpu = [float(m) for m in re.findall(r"cpu_seconds=([0-9.]+)", out)]
    rows = int(re.search(r"rows=([0-9]+)", out).group(1))
    return best(seconds), best(cpu), rows


def run_duckdb(path, threads, runs):
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads=%d" % threads)
    query = """
        SELECT count(*), sum(id), sum(user_id), sum(price), sum(ratio), sum(length(name)),
               sum(length(category)), sum(length(comment)), sum(active::INT),
               sum(length(address.city)), sum(address.zip), sum(len(tags)),
               sum(list_sum(scores))
        FROM read_json('%s', format = 'newline_delimited')""" % path.replace("'", "''")
    times = []
    cpus = []
    rows = None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        rows = con.execute(query).fetchone()[0]
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best(times), best(cpus), rows


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "bench", "json_read_bench"))
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size-mb", type=int, default=500)
    parser.add_argument("--data", default=os.path.join(ROOT, "bench", "data", "json_bench.jsonl"))
    args = parser.parse_args()

    os.makedirs(os.path.dirname(args.data), exist_ok=True)
    if not os.path.exists(args.data) or os.path.getsize(args.data) < args.size_mb * 1024 * 1024:
        print("generating %s (%d MB)..." % (args.data, args.size_mb), flush=True)
        generate(args.data, args.size_mb)
    size_mb = os.path.getsize(args.data) / 1e6
    # Warm the page cache so both readers start from memory.
    with open(args.data, "rb") as f:
        while f.read(1 << 24):
            pass

    stream, stream_cpu, stream_rows = run_ours(args.binary, args.data, args.threads, args.runs,
                                               "stream")
    whole, whole_cpu, whole_rows = run_ours(args.binary, args.data, args.threads, args.runs,
                                            "whole")
    duck, duck_cpu, duck_rows = run_duckdb(args.data, args.threads, args.runs)
    if not stream_rows == whole_rows == duck_rows:
        sys.exit("row counts differ: bundlebase %d/%d, duckdb %d" %
                 (stream_rows, whole_rows, duck_rows))
    print("file: %s, %.0f MB, %d rows, %d threads, best of %d" %
          (args.data, size_mb, duck_rows, args.threads, args.runs))
    for name, wall, cpu in (("bundlebase stream", stream, stream_cpu),
                            ("bundlebase whole", whole, whole_cpu)):
        print("%-18s %7.3f s  %7.1f MB/s  (%.2fx duckdb)   cpu %6.3f s (%.2fx less)" %
              (name + ":", wall, size_mb / wall, duck / wall, cpu, duck_cpu / cpu))
    print("%-18s %7.3f s  %7.1f MB/s                   cpu %6.3f s" %
          ("duckdb:", duck, size_mb / duck, duck_cpu))


if __name__ == "__main__":
    main()
