#!/usr/bin/env python3
"""Prints the canonical JSON dump (README.md) of a Parquet file as pyarrow reads it.

Usage: read_pyarrow.py FILE.parquet   (or --batch OUT_DIR FILE..., see canonical.reader_main)
pyarrow reads INT96 as timestamp[ns] (no time zone) and keeps the Arrow types stored in the file's
ARROW:schema metadata (dictionary, extension, large types); canonical.py flattens all of those.
"""
import pyarrow.parquet as pq

import canonical


def dump(path):
    return canonical.canon_table(pq.read_table(path, coerce_int96_timestamp_unit="ns"))


if __name__ == "__main__":
    canonical.reader_main("read_pyarrow.py", dump)
