#!/usr/bin/env python3
"""Prints the canonical JSON dump (README.md) of a Parquet file as DuckDB reads it.

Usage: read_duckdb.py FILE.parquet   (or --batch OUT_DIR FILE..., see canonical.reader_main)
DuckDB's own Parquet reader decodes the file; its result crosses into Python as Arrow (lossless
mode, time zone UTC) so nanosecond timestamps and times keep every digit, then canonical.py
flattens it exactly as for pyarrow. DuckDB's own type choices stay visible (e.g. it reads a
DECIMAL wider than 38 digits as DOUBLE): interop.py's exception table handles those.
"""
import duckdb

import canonical


def dump(path):
    con = duckdb.connect(config={"arrow_lossless_conversion": True, "threads": 1})
    con.execute("SET TimeZone = 'UTC'")
    rel = con.sql("SELECT * FROM read_parquet(?, binary_as_string = false)", params=[path])
    return canonical.canon_table(rel.to_arrow_table())


if __name__ == "__main__":
    canonical.reader_main("read_duckdb.py", dump)
