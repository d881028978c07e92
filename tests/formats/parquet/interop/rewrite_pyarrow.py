#!/usr/bin/env python3
"""A stand-in for our writer with the exact command line check-write expects (README.md,
"Our rewrite tool"), built on pyarrow. It lets `interop.py check-write` be exercised before our
own writer exists, and shows the interface by example:

  rewrite_pyarrow.py IN.parquet OUT.parquet [--codec C] [--dictionary on|off]
                     [--data-page-version 1|2] [--row-group-rows N] [--page-bytes N]
"""
import argparse

import pyarrow.parquet as pq

CODECS = {"uncompressed": "none", "snappy": "snappy", "gzip": "gzip", "zstd": "zstd", "brotli": "brotli",
          "lz4_raw": "lz4"}  # pyarrow cannot write the Hadoop-framed LZ4 codec


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--codec", choices=sorted(CODECS), default="snappy")
    ap.add_argument("--dictionary", choices=["on", "off"], default="on")
    ap.add_argument("--data-page-version", choices=["1", "2"], default="1")
    ap.add_argument("--row-group-rows", type=int)
    ap.add_argument("--page-bytes", type=int)
    args = ap.parse_args()
    table = pq.read_table(args.input, coerce_int96_timestamp_unit="ns")
    pq.write_table(table, args.output, compression=CODECS[args.codec], use_dictionary=args.dictionary == "on",
                   data_page_version=f"{args.data_page_version}.0", row_group_size=args.row_group_rows,
                   data_page_size=args.page_bytes)


if __name__ == "__main__":
    main()
