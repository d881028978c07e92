#!/usr/bin/env python3
"""TPC-H and three lineitem micro-queries: bundlebase's SQL engine against DuckDB on the same
Parquet files (written by our tpch_gen), with the same thread count, in the same run.

For each query in bench/tpch/queries (q01..q22, then x_*), the two engines take turns: DuckDB
runs it --repeat times in this process (SET threads, one view per table over read_parquet of
our files, the whole result fetched as Arrow), then our engine runs it --repeat times through
<build>/bench/tpch/tpch_query, which prints one JSON line per repetition:
    {"seconds": <wall>, "cpu_seconds": <cpu>, "rows": <result rows>}
Each engine first runs the query once untimed (--warmup), so both start with the files in the
page cache and their own caches warm. Reported: the median wall and CPU seconds of each, the
ratio ours / DuckDB, the goal (1.0x for Q1, Q6 and the single-column aggregates, else 1.5x),
and the row counts of both engines (a difference is flagged). At scale factor 1 the row counts
that the TPC-H answer sets fix (Q1: 4 rows, Q3: 10, ...) are checked too.

The data is generated once per scale into --data (default bench/data/tpch-sf<SCALE>) by
tpch_gen; a file _complete marks a finished dataset. Results go to the terminal as a table and
to --json (default bench/data/tpch_bench_sf<SCALE>_t<THREADS>.json).

Run from the repository root with the project's virtualenv (scripts/venv.sh):
  .venv/bin/python bench/tpch/tpch_bench.py --build build --threads 2 --repeat 5
  .venv/bin/python bench/tpch/tpch_bench.py --duckdb-only --scale 0.1 --queries q01,q06
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QUERY_DIR = os.path.join(ROOT, "bench", "tpch", "queries")
DATA_DIR = os.path.join(ROOT, "bench", "data")
TABLES = ["region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem"]

# Queries held to DuckDB's own time (1.0x); every other query's goal is 1.5x.
STRICT_GOAL_QUERIES = {"q01", "q06", "x_single_column_aggs"}

# Row counts fixed by the query at scale factor 1 (group counts set by the spec's value lists,
# LIMITs, single-row aggregates), as in the TPC-H answer sets. Queries whose count depends on
# the exact data (Q11, Q13, Q16, Q18, Q20) are absent; dbgen's counts for those are
# 1048, 42, 18314, 57 and 186, and ours should come close.
EXPECTED_ROWS_SF1 = {
    "q01": 4, "q02": 100, "q03": 10, "q04": 5, "q05": 5, "q06": 1, "q07": 4, "q08": 2,
    "q09": 175, "q10": 20, "q12": 2, "q14": 1, "q15": 1, "q17": 1, "q19": 1, "q21": 100,
    "q22": 7, "x_groupby_1m": 1, "x_count_distinct": 1, "x_orderby_limit": 100,
    "x_single_column_aggs": 1,
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default="build", help="CMake build directory (default: build)")
    parser.add_argument("--scale", type=float, default=1.0, help="TPC-H scale factor (default 1)")
    parser.add_argument("--threads", type=int, default=os.cpu_count(),
                        help="threads for both engines (default: all cores)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per engine and query")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs before the timed ones")
    parser.add_argument("--data", help="dataset folder (default: bench/data/tpch-sf<SCALE>)")
    parser.add_argument("--queries", help="comma-separated names (q01,q06,x_orderby_limit); "
                        "default: all")
    parser.add_argument("--duckdb-only", action="store_true",
                        help="time DuckDB alone (our engine's driver is not needed)")
    parser.add_argument("--json", help="where to write the results (default: "
                        "bench/data/tpch_bench_sf<SCALE>_t<THREADS>.json)")
    return parser.parse_args()


def resolve(path):
    return path if os.path.isabs(path) else os.path.join(ROOT, path)


def scale_label(scale):
    return f"{scale:g}"


def ensure_dataset(data_dir, scale, build, threads):
    """Generates the tables with tpch_gen unless a finished dataset is already there."""
    marker = os.path.join(data_dir, "_complete")
    if os.path.exists(marker):
        return
    generator = os.path.join(build, "bench", "tpch", "tpch_gen")
    if not os.access(generator, os.X_OK):
        sys.exit(f"no TPC-H data in {data_dir} and no generator at {generator}: build it with "
                 f"'cmake --build {build} --target tpch_gen' (or pass --build)")
    os.makedirs(data_dir, exist_ok=True)
    print(f"generating TPC-H scale {scale_label(scale)} into {data_dir} ...", flush=True)
    start = time.perf_counter()
    subprocess.run([generator, "--scale", scale_label(scale), "--out", data_dir,
                    "--threads", str(threads)], check=True)
    with open(marker, "w") as f:
        f.write(f"scale {scale_label(scale)}\n")
    print(f"generated in {time.perf_counter() - start:.1f} s", flush=True)


def list_queries(selection):
    names = sorted(f[:-4] for f in os.listdir(QUERY_DIR) if f.endswith(".sql"))
    # TPC-H's q01..q22 first, then the extra lineitem queries.
    names.sort(key=lambda n: (not n.startswith("q"), n))
    if not selection:
        return names
    wanted = [n.strip() for n in selection.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in names]
    if unknown:
        sys.exit(f"unknown queries {', '.join(unknown)}; known: {', '.join(names)}")
    return wanted


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class DuckDBRunner:
    def __init__(self, data_dir, threads):
        import duckdb  # the peer; only imported when the harness runs
        self.con = duckdb.connect()
        self.con.execute(f"SET threads = {int(threads)}")
        for table in TABLES:
            path = os.path.join(data_dir, f"{table}.parquet").replace("'", "''")
            self.con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
        self.version = duckdb.__version__

    def run(self, sql):
        """(wall seconds, CPU seconds of this process, result rows) of one run."""
        cpu_start, wall_start = cpu_seconds(), time.perf_counter()
        rows = self.con.sql(sql).to_arrow_table().num_rows
        return time.perf_counter() - wall_start, cpu_seconds() - cpu_start, rows


def run_ours(binary, data_dir, threads, repeat, path):
    """Our engine's runs as (wall, cpu, rows) tuples, or an error message."""
    result = subprocess.run([binary, "--data", data_dir, "--threads", str(threads),
                             "--repeat", str(repeat), path], capture_output=True, text=True)
    if result.returncode != 0:
        message = (result.stderr.strip() or result.stdout.strip()).splitlines()
        return None, f"exit {result.returncode}: {message[-1] if message else 'no output'}"
    runs = []
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            runs.append((float(record["seconds"]), float(record["cpu_seconds"]),
                         int(record["rows"])))
    if len(runs) != repeat:
        return None, f"expected {repeat} JSON lines from {binary}, got {len(runs)}"
    return runs, None


def summarize(runs):
    if not runs:
        return None
    return {"seconds": statistics.median(r[0] for r in runs),
            "cpu_seconds": statistics.median(r[1] for r in runs),
            "rows": runs[-1][2],
            "all_seconds": [r[0] for r in runs]}


def check_query(name, scale, duck, ours, ours_error, duckdb_only):
    """Problems worth flagging, as short phrases."""
    problems = []
    expected = EXPECTED_ROWS_SF1.get(name) if scale == 1 else None
    if expected is not None and duck and duck["rows"] != expected:
        problems.append(f"DuckDB rows {duck['rows']} != spec {expected}")
    if duck and duck["rows"] == 0:
        problems.append("DuckDB returned no rows")
    if not duckdb_only:
        if ours_error:
            problems.append(f"ours failed ({ours_error})")
        elif ours and duck and ours["rows"] != duck["rows"]:
            problems.append(f"ROWS DIFFER: ours {ours['rows']} vs DuckDB {duck['rows']}")
        elif ours and duck:
            goal = 1.0 if name in STRICT_GOAL_QUERIES else 1.5
            if ours["seconds"] > goal * duck["seconds"]:
                problems.append(f"slower than the {goal}x goal")
    return problems


def main():
    args = parse_args()
    build = resolve(args.build)
    label = scale_label(args.scale)
    data_dir = resolve(args.data) if args.data else os.path.join(DATA_DIR, f"tpch-sf{label}")
    json_path = resolve(args.json) if args.json else os.path.join(
        DATA_DIR, f"tpch_bench_sf{label}_t{args.threads}.json")
    ours_binary = os.path.join(build, "bench", "tpch", "tpch_query")
    if not args.duckdb_only and not os.access(ours_binary, os.X_OK):
        sys.exit(f"our engine's driver {ours_binary} is missing: build it with "
                 f"'cmake --build {build} --target tpch_query', or pass --duckdb-only to time "
                 f"DuckDB alone")
    queries = list_queries(args.queries)
    ensure_dataset(data_dir, args.scale, build, args.threads)

    duck = DuckDBRunner(data_dir, args.threads)
    print(f"TPC-H scale {label}, {args.threads} threads, median of {args.repeat} runs "
          f"(after {args.warmup} warm-up), DuckDB {duck.version}", flush=True)
    # Seconds are medians: "wall" of the clock, "cpu" of all the engine's threads together;
    # the ratios are ours / DuckDB.
    header = (f"{'query':<22}{'rows':>7}{'duck wall':>11}{'cpu':>8}"
              + ("" if args.duckdb_only else
                 f"{'our wall':>9}{'cpu':>8}{'wall x':>7}{'cpu x':>7}")
              + "  notes")
    print(header)
    results = []
    for name in queries:
        path = os.path.join(QUERY_DIR, f"{name}.sql")
        with open(path) as f:
            sql = f.read()
        for _ in range(args.warmup):
            duck.run(sql)
        duck_summary = summarize([duck.run(sql) for _ in range(args.repeat)])
        ours_summary, ours_error = None, None
        if not args.duckdb_only:
            runs, ours_error = run_ours(ours_binary, data_dir, args.threads,
                                        args.warmup + args.repeat, path)
            ours_summary = summarize(runs[args.warmup:]) if runs else None
        problems = check_query(name, args.scale, duck_summary, ours_summary, ours_error,
                               args.duckdb_only)
        record = {"query": name, "duckdb": duck_summary, "ours": ours_summary,
                  "problems": problems}
        line = (f"{name:<22}{duck_summary['rows']:>7}{duck_summary['seconds']:>11.3f}"
                f"{duck_summary['cpu_seconds']:>8.2f}")
        if not args.duckdb_only:
            if ours_summary:
                record["ratio"] = ours_summary["seconds"] / duck_summary["seconds"]
                record["cpu_ratio"] = ours_summary["cpu_seconds"] / max(
                    duck_summary["cpu_seconds"], 1e-9)
                line += (f"{ours_summary['seconds']:>9.3f}{ours_summary['cpu_seconds']:>8.2f}"
                         f"{record['ratio']:>7.2f}{record['cpu_ratio']:>7.2f}")
            else:
                line += f"{'-':>9}{'-':>8}{'-':>7}{'-':>7}"
        print(line + ("  " + "; ".join(problems) if problems else ""), flush=True)
        results.append(record)

    os.makedirs(os.path.dirname(json_path), exist_ok=True)
    with open(json_path, "w") as f:
        json.dump({"scale": args.scale, "threads": args.threads, "repeat": args.repeat,
                   "warmup": args.warmup, "duckdb_version": duck.version,
                   "duckdb_only": args.duckdb_only, "data": data_dir, "queries": results},
                  f, indent=2)
    flagged = [r["query"] for r in results if r["problems"]]
    print(f"results written to {json_path}")
    if flagged:
        print(f"flagged: {', '.join(flagged)}")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
