#!/usr/bin/env python3
"""Parquet interoperability harness: our reader and writer against four independent peers.

Modes (run with the project's virtualenv Python after setup.sh; README.md has the details):
  selftest                       every peer reads every corpus file; each must match the dump of
                                 the peer that wrote the file, up to the EXCEPTIONS table below
  check-read --ours CMD          `CMD FILE` (our reader) must print, for every corpus file, the
                                 same canonical dump as the peer that wrote the file
  check-write --ours-writer CMD --ours-reader CMD
                                 `CMD IN OUT OPTIONS...` (our writer) rewrites every corpus file
                                 under several option sets; all four peers must read the output
                                 exactly as our reader reads the original
  coverage                       what the corpus holds per writing peer (codecs, encodings,
                                 page types, types), and a check that it covers the required set
  dump PEER FILE                 print one peer's canonical dump (for debugging)

Exit status: 0 when everything matched, 1 on any difference or failure, 2 on bad usage.
"""
import argparse
import concurrent.futures
import decimal
import glob
import json
import math
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

import parquet_meta

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
NODE = shutil.which("node") or "node"

# How each peer prints a canonical dump. Every reader also takes `--batch OUT_DIR FILE...`.
PEERS = {
    "pyarrow": [sys.executable, os.path.join(HERE, "read_pyarrow.py")],
    "duckdb": [sys.executable, os.path.join(HERE, "read_duckdb.py")],
    "hyparquet": [NODE, os.path.join(HERE, "read_hyparquet.mjs")],
    "parquet-wasm": [NODE, os.path.join(HERE, "read_parquet_wasm.mjs")],
}

# Writer option sets for check-write: each is passed verbatim after `IN OUT` to our writer.
WRITE_VARIANTS = {
    "snappy-dict-v1": ["--codec", "snappy", "--dictionary", "on", "--data-page-version", "1"],
    "zstd-plain-v2": ["--codec", "zstd", "--dictionary", "off", "--data-page-version", "2"],
    "none-dict-v2-small": ["--codec", "uncompressed", "--dictionary", "on", "--data-page-version", "2",
                           "--row-group-rows", "100", "--page-bytes", "256"],
    "gzip-plain-v1-small": ["--codec", "gzip", "--dictionary", "off", "--data-page-version", "1",
                            "--page-bytes", "512"],
    "lz4raw-dict-v1": ["--codec", "lz4_raw", "--dictionary", "on", "--data-page-version", "1"],
    "brotli-dict-v2": ["--codec", "brotli", "--dictionary", "on", "--data-page-version", "2"],
}


# ----------------------------------------------------------------------------------------------
# Exceptions: where a peer cannot read a file at all, or represents a value differently for a
# legitimate reason. Each entry says which files it applies to (decided from the file's own
# metadata, so it applies to our writer's output too) and why. `selftest` reports entries that no
# longer fire so the table does not rot.
# ----------------------------------------------------------------------------------------------

def _leaf_logical(leaf):
    return (leaf["logical"] or {}).get("type") or leaf["converted"]


def _wide_decimal(path):
    leaf = path[-1]
    precision = (leaf["logical"] or {}).get("precision") or leaf["precision"] or 0
    return _leaf_logical(leaf) == "DECIMAL" and precision > 38


def _utc_time_nanos(path):
    lt = path[-1]["logical"] or {}
    return lt.get("type") == "TIME" and lt.get("unit") == "NANOS" and bool(lt.get("utc"))


@dataclass
class PeerException:
    """One known, explained divergence of a peer. Either `file` (FileInfo -> bool) says which
    files it concerns, or `leaf` (schema path of a leaf column -> bool) says which top-level
    columns it concerns. Kinds: "cannot-read" (the peer fails on the whole file), "normalize"
    (the comparator applies `rule` to those columns), "reader-shim" (the peer's reader script
    works around a peer bug; listed so it is visible and checked for staleness)."""
    peer: str
    kind: str
    reason: str
    file: object = None
    leaf: object = None
    rule: str = ""
    fired: int = field(default=0, compare=False)

    def columns(self, info):
        """The top-level columns it applies to in this file (empty: it does not apply)."""
        if self.file is not None:  # "*" keeps the set non-empty for a file without columns
            return {p[0]["name"] for p in info.leaves} | {"*"} if self.file(info) else set()
        return {p[0]["name"] for p in info.leaves if self.leaf(p)}


EXCEPTIONS = [
    PeerException(
        "ours", "normalize",
        "bundlebase's decimal is decimal128 (38 digits), so it reads a wider Parquet DECIMAL as "
        "the nearest DOUBLE (as DuckDB does): the comparator accepts a double within 1 ulp of the "
        "exact decimal.",
        leaf=_wide_decimal, rule="decimal-as-double"),
    PeerException(
        "pyarrow", "cannot-read",
        "DuckDB writes DELTA_BINARY_PACKED INT32 pages whose miniblocks are 33 bits wide (it takes "
        "deltas in 64-bit arithmetic); Arrow C++ rejects them ('delta bit width larger than integer "
        "bit width'). The spec's deltas wrap around in the type's width, so 32 bits always suffice.",
        file=lambda info: "INT32" in info.wide_delta_types),
    PeerException(
        "parquet-wasm", "cannot-read",
        "Same 33-bit INT32 DELTA_BINARY_PACKED miniblocks: arrow-rs rejects them ('Invalid delta bit "
        "width 33 which is larger than expected 32').",
        file=lambda info: "INT32" in info.wide_delta_types),
    PeerException(
        "pyarrow", "cannot-read",
        "hyparquet-writer stores a BYTE_ARRAY DECIMAL zero as a zero-length value; Arrow C++ "
        "rejects it ('Length of byte array passed to Decimal128::FromBigEndian was 0'). The spec "
        "does not say a zero-length two's complement number is 0, so the file is arguable.",
        file=lambda info: info.empty_byte_array_decimals),
    PeerException(
        "parquet-wasm", "cannot-read",
        "hyparquet-writer writes a file with no rows with an empty row_groups list whose element "
        "type is 0 instead of struct; arrow-rs rejects it ('Expected list element type of Struct "
        "but got Byte'), Arrow C++ and DuckDB accept it.",
        file=lambda info: "empty list without element type" in info.footer_anomalies),
    PeerException(
        "duckdb", "cannot-read",
        "DuckDB refuses BYTE_STREAM_SPLIT on FIXED_LEN_BYTE_ARRAY columns ('only supported for "
        "FLOAT, DOUBLE, INT32 or INT64'); the encoding was extended to FLBA in Parquet format 2.11.",
        file=lambda info: ("FIXED_LEN_BYTE_ARRAY", "BYTE_STREAM_SPLIT") in info.column_encodings),
    PeerException(
        "duckdb", "normalize",
        "DuckDB's DECIMAL stops at 38 digits, so it reads a wider Parquet DECIMAL as DOUBLE (not "
        "always correctly rounded): the comparator accepts a double within 1 ulp of the exact "
        "decimal.",
        leaf=_wide_decimal, rule="decimal-as-double"),
    PeerException(
        "duckdb", "normalize",
        "DuckDB reads INT96 into its microsecond TIMESTAMP, dropping the nanoseconds (rounding "
        "toward minus infinity): the comparator compares these columns at microsecond precision.",
        leaf=lambda p: p[-1]["physical"] == "INT96", rule="timestamp-micros"),
    PeerException(
        "duckdb", "normalize",
        "DuckDB reads a UTC-adjusted TIME as TIME WITH TIME ZONE, which has microsecond "
        "resolution: nanosecond UTC-adjusted times are compared at microsecond precision.",
        leaf=_utc_time_nanos, rule="time-micros"),
    PeerException(
        "duckdb", "normalize",
        "DuckDB names a column whose Parquet name is empty 'C<position>' (it cannot have an empty "
        "identifier): the comparator accepts that name for that column.",
        leaf=lambda p: p[0]["name"] == "", rule="empty-column-name"),
    PeerException(
        "duckdb", "normalize",
        "DuckDB ignores the STRING logical type when the legacy UTF8 converted type is absent (as "
        "hyparquet-writer writes it) and reads the column as BLOB: the comparator accepts bytes "
        "equal to the string's UTF-8.",
        leaf=lambda p: (p[-1]["logical"] or {}).get("type") == "STRING" and not p[-1]["converted"],
        rule="string-as-binary"),
    PeerException(
        "duckdb", "normalize",
        "DuckDB reads a legacy TIMESTAMP_MILLIS / TIMESTAMP_MICROS converted type without a logical "
        "type as a naive TIMESTAMP; the spec makes those UTC-adjusted (utc=true): the comparator "
        "ignores the utc flag there.",
        leaf=lambda p: not p[-1]["logical"] and (p[-1]["converted"] or "").startswith("TIMESTAMP_"),
        rule="ignore-utc-flag"),
    PeerException(
        "pyarrow", "normalize",
        "Arrow C++ reads the ENUM annotation as binary, not string: the comparator accepts bytes "
        "equal to the string's UTF-8.",
        leaf=lambda p: _leaf_logical(p[-1]) == "ENUM", rule="string-as-binary"),
    PeerException(
        "parquet-wasm", "normalize",
        "arrow-rs, like Arrow C++, reads the ENUM annotation as binary: the comparator accepts "
        "bytes equal to the string's UTF-8.",
        leaf=lambda p: _leaf_logical(p[-1]) == "ENUM", rule="string-as-binary"),
    PeerException(
        "parquet-wasm", "normalize",
        "INT96 has no UTC flag; the canonical form says utc=false. arrow-rs takes the time zone "
        "from the file's ARROW:schema hint when pyarrow stored one (tz=UTC): for INT96 columns the "
        "comparator ignores the utc flag.",
        leaf=lambda p: p[-1]["physical"] == "INT96", rule="ignore-utc-flag"),
    PeerException(
        "hyparquet", "reader-shim",
        "hyparquet-compressors' LZ4 and LZ4_RAW decoders throw 'lz4 offset out of range' on a "
        "block that decodes to zero bytes (a lone 0x00 token: valid LZ4, written by Arrow C++ for "
        "an empty dictionary page or value section). read_hyparquet.mjs returns the empty output "
        "itself for such pages and lets hyparquet decode everything else.",
        file=lambda info: bool(info.empty_compressed_pages & {"LZ4", "LZ4_RAW"})),
]


def exceptions_for(peer, info):
    """[(exception, columns it applies to)] for one peer and one file."""
    out = []
    for e in EXCEPTIONS:
        if e.peer == peer:
            cols = e.columns(info)
            if cols:
                out.append((e, cols))
    return out


def rules_by_column(applicable):
    rules = {}
    for e, cols in applicable:
        if e.kind == "normalize":
            for c in cols:
                rules.setdefault(c, set()).add(e.rule)
    return rules


# ----------------------------------------------------------------------------------------------
# Comparison
# ----------------------------------------------------------------------------------------------

def _f64(text):
    return float(text)  # accepts "NaN", "Infinity", "-Infinity", "1e-7", "-0.0", ...


def _same_double(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return struct.pack("<d", a) == struct.pack("<d", b)  # tells -0.0 from 0.0


def _to_f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0] if math.isfinite(x) else x


def _tag(v):
    """The tag of a tagged value ("int", "ts", "struct", ...); None for null, bool, string, list."""
    if not isinstance(v, dict):
        return None
    if "ts" in v:
        return "ts"
    return next(iter(v)) if len(v) == 1 else None


class Comparator:
    """Compares two canonical documents value by value (README.md, "Comparing")."""

    def __init__(self, rules_by_column=None):
        self.by_column = rules_by_column or {}
        self.rules = set()
        self.used = set()

    def _same_name(self, ref, got):
        if ref == got:
            return True
        if ref == "" and "empty-column-name" in self.by_column.get("", ()) and re.fullmatch(r"C\d+", got):
            self.used.add("empty-column-name")
            return True
        return False

    def documents(self, ref, got, limit=25):
        """A list of difference strings (empty when equal); at most `limit` value differences."""
        diffs = []
        if ref.get("format") != got.get("format"):
            diffs.append(f"format: expected {ref.get('format')!r}, got {got.get('format')!r}")
        if len(ref["columns"]) != len(got["columns"]) or not all(
                self._same_name(a, b) for a, b in zip(ref["columns"], got["columns"])):
            diffs.append(f"columns: expected {ref['columns']}, got {got['columns']}")
            return diffs
        if len(ref["rows"]) != len(got["rows"]):
            diffs.append(f"row count: expected {len(ref['rows'])}, got {len(got['rows'])}")
        more = 0
        for r, (ref_row, got_row) in enumerate(zip(ref["rows"], got["rows"])):
            for c, name in enumerate(ref["columns"]):
                self.rules = self.by_column.get(name, set())
                where = self.value(ref_row[c], got_row[c], "")
                if where is not None:
                    if len(diffs) < limit:
                        diffs.append(f"column {name!r} row {r}{where[0]}: expected {json.dumps(where[1], ensure_ascii=False)}, "
                                     f"got {json.dumps(where[2], ensure_ascii=False)}")
                    else:
                        more += 1
        if more:
            diffs.append(f"... and {more} more differing values")
        return diffs

    def value(self, a, b, path):
        """None when equal, else (path, a-part, b-part) locating the first difference."""
        if isinstance(a, list) or isinstance(b, list):
            if not (isinstance(a, list) and isinstance(b, list)):
                return path, a, b
            if len(a) != len(b):
                return f"{path} (list length {len(a)} vs {len(b)})", a, b
            for i, (x, y) in enumerate(zip(a, b)):
                d = self.value(x, y, f"{path}[{i}]")
                if d:
                    return d
            return None
        ta, tb = _tag(a), _tag(b)
        if "string-as-binary" in self.rules and {type(a), type(b)} == {str, dict} and "hex" in (ta, tb):
            text, raw = (a, b) if isinstance(a, str) else (b, a)
            if bytes.fromhex(raw["hex"]) == text.encode("utf-8"):
                return None if self._use("string-as-binary") else (path, a, b)
        if ta is None or tb is None:  # null, bool, string
            return None if (type(a) is type(b) and a == b) else (path, a, b)
        if ta != tb:
            if {ta, tb} == {"dec", "float"} and "decimal-as-double" in self.rules:
                exact, approx = (a, b) if ta == "dec" else (b, a)
                nearest = float(decimal.Decimal(exact["dec"]))
                if abs(nearest - _f64(approx["float"])) <= math.ulp(nearest):
                    return None if self._use("decimal-as-double") else (path, a, b)
            return path, a, b
        if ta == "struct":
            if list(a["struct"]) != list(b["struct"]):
                return f"{path} (struct fields)", list(a["struct"]), list(b["struct"])
            for k in a["struct"]:
                d = self.value(a["struct"][k], b["struct"][k], f"{path}.{k}")
                if d:
                    return d
            return None
        if ta == "map":
            return self.value([list(e) for e in a["map"]], [list(e) for e in b["map"]], path + " (map)")
        equal = {
            "int": lambda x, y: int(x) == int(y),
            "float": lambda x, y: _same_double(_f64(x), _f64(y)),
            "float32": lambda x, y: _same_double(_to_f32(_f64(x)), _to_f32(_f64(y))),
            "hex": lambda x, y: x.lower() == y.lower(),
        }.get(ta, lambda x, y: x == y)
        if ta == "ts":
            ok = int(a["ts"]) == int(b["ts"]) and a.get("utc") is b.get("utc")
            if not ok and self.rules & {"timestamp-micros", "ignore-utc-flag"}:
                same_utc = a.get("utc") is b.get("utc") or self._use("ignore-utc-flag")
                same_ts = int(a["ts"]) == int(b["ts"]) or (
                    int(a["ts"]) // 1000 == int(b["ts"]) // 1000 and self._use("timestamp-micros"))
                ok = same_utc and same_ts
        elif ta == "time":
            ok = int(a["time"]) == int(b["time"]) or (
                int(a["time"]) // 1000 == int(b["time"]) // 1000 and self._use("time-micros"))
        else:
            ok = equal(a[ta], b[tb])
        return None if ok else (path, a, b)

    def _use(self, rule):
        """True (and recorded) when `rule` is enabled for the column being compared."""
        if rule in self.rules:
            self.used.add(rule)
            return True
        return False


# Known answers for the comparator itself: (a, b, equal?, rules). `selftest` runs them first, so a
# comparator that stopped seeing differences cannot make the peer checks pass vacuously.
COMPARATOR_CASES = [
    ({"int": "18446744073709551615"}, {"int": "18446744073709551615"}, True, ()),
    ({"int": "9007199254740993"}, {"int": "9007199254740992"}, False, ()),
    ({"float": "0.1"}, {"float": "0.10000000000000001"}, True, ()),
    ({"float": "1e-7"}, {"float": "1e-07"}, True, ()),
    ({"float": "0.0"}, {"float": "-0.0"}, False, ()),
    ({"float": "NaN"}, {"float": "NaN"}, True, ()),
    ({"float": "NaN"}, {"float": "Infinity"}, False, ()),
    ({"float32": "0.1"}, {"float32": "0.10000000149011612"}, True, ()),
    ({"float32": "0.1"}, {"float": "0.10000000149011612"}, False, ()),
    ({"dec": "12.340"}, {"dec": "12.34"}, False, ()),
    ({"hex": "00FF"}, {"hex": "00ff"}, True, ()),
    ({"ts": "1", "utc": True}, {"ts": "1", "utc": False}, False, ()),
    ({"ts": "-5", "utc": True}, {"utc": True, "ts": "-5"}, True, ()),
    ({"ts": "1", "utc": True}, {"ts": "1", "utc": False}, True, ("ignore-utc-flag",)),
    ({"ts": "1999", "utc": False}, {"ts": "1000", "utc": False}, True, ("timestamp-micros",)),
    ({"ts": "2000", "utc": False}, {"ts": "1000", "utc": False}, False, ("timestamp-micros",)),
    ({"time": "1500"}, {"time": "1000"}, True, ("time-micros",)),
    ({"date": "2020-01-01"}, "2020-01-01", False, ()),
    ("1", {"int": "1"}, False, ()),
    ("é", {"hex": "c3a9"}, False, ()),
    ("é", {"hex": "c3a9"}, True, ("string-as-binary",)),
    ({"dec": "1.10"}, {"float": "1.1"}, True, ("decimal-as-double",)),
    ({"dec": "1.10"}, {"float": "1.2"}, False, ("decimal-as-double",)),
    ([{"int": "1"}], [{"int": "1"}, None], False, ()),
    ({"struct": {"a": None}}, {"struct": {"b": None}}, False, ()),
    ({"map": [["k", None]]}, {"map": [["k", None]]}, True, ()),
    ({"map": [["a", None], ["b", None]]}, {"map": [["b", None], ["a", None]]}, False, ()),
    (None, False, False, ()),
    (True, True, True, ()),
]


def check_comparator(report):
    for a, b, equal, rules in COMPARATOR_CASES:
        for x, y in ((a, b), (b, a)):
            cmp = Comparator({"c": set(rules)})
            got = not cmp.documents({"format": "f", "columns": ["c"], "rows": [[x]]},
                                    {"format": "f", "columns": ["c"], "rows": [[y]]})
            if got != equal:
                report.fail("comparator", [f"{json.dumps(x)} vs {json.dumps(y)} with {list(rules)}: "
                                           f"{'equal' if got else 'different'}, expected the opposite"])
                return
    report.ok(f"comparator: {len(COMPARATOR_CASES)} known answers, both directions")


# ----------------------------------------------------------------------------------------------
# Running readers
# ----------------------------------------------------------------------------------------------

def corpus_files(patterns=None):
    files = sorted(glob.glob(os.path.join(CORPUS, "*", "*.parquet")))
    if patterns:
        files = [f for f in files if any(p in os.path.relpath(f, CORPUS) for p in patterns)]
    return files


def writer_of(path):
    return os.path.basename(os.path.dirname(path))


def rel(path):
    return os.path.relpath(path, CORPUS) if path.startswith(CORPUS) else path


def batch_dump(cmd, files, timeout=900):
    """Run one reader over many files; {file: (doc or None, error text or None)}."""
    out = {}
    if not files:
        return out
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(cmd + ["--batch", tmp] + files, capture_output=True, text=True, timeout=timeout)
        for i, f in enumerate(files):
            ok, err = os.path.join(tmp, f"{i}.json"), os.path.join(tmp, f"{i}.err")
            if os.path.exists(ok):
                with open(ok, encoding="utf-8") as fh:
                    try:
                        out[f] = (json.load(fh), None)
                    except json.JSONDecodeError as e:
                        out[f] = (None, f"invalid JSON: {e}")
            elif os.path.exists(err):
                with open(err, encoding="utf-8") as fh:
                    out[f] = (None, fh.read().strip())
            else:
                out[f] = (None, f"reader exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    return out


def single_dump(cmd, path, timeout=300):
    """Run a one-file reader command (`CMD FILE`); (doc or None, error text or None)."""
    try:
        proc = subprocess.run(cmd + [path], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout}s"
    if proc.returncode != 0:
        return None, f"exit {proc.returncode}: {proc.stderr.strip()[-2000:]}"
    try:
        return json.loads(proc.stdout), None
    except json.JSONDecodeError as e:
        return None, f"invalid JSON on stdout: {e}"


def dump_all(peers, files, jobs):
    """{peer: {file: (doc, err)}}, peers run in parallel, each over all files in one process."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {p: pool.submit(batch_dump, PEERS[p], files) for p in peers}
        return {p: f.result() for p, f in futures.items()}


def dump_each(cmd, files, jobs):
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        return dict(zip(files, pool.map(lambda f: single_dump(cmd, f), files)))


class Report:
    def __init__(self):
        self.failures = 0
        self.passes = 0
        self.expected = 0

    def ok(self, label):
        self.passes += 1
        print(f"ok    {label}")

    def note(self, label, text):
        self.expected += 1
        print(f"skip  {label}: {text}")

    def fail(self, label, lines):
        self.failures += 1
        print(f"FAIL  {label}")
        for line in lines:
            print(f"        {line}")

    def close(self, what):
        print(f"\n{what}: {self.passes} passed, {self.failures} failed, {self.expected} expected exceptions")
        return 1 if self.failures else 0


def compare_with(info, ref, got, label, report, peers=()):
    """Compare got against ref, allowing the normalizations of the given peers for this file."""
    applicable = [x for p in peers for x in exceptions_for(p, info)]
    cmp = Comparator(rules_by_column(applicable))
    diffs = cmp.documents(ref, got)
    for e, _ in applicable:
        if e.rule in cmp.used or e.kind == "reader-shim":
            e.fired += 1
    if diffs:
        report.fail(label, diffs)
    else:
        report.ok(label + (f"  [normalized: {', '.join(sorted(cmp.used))}]" if cmp.used else ""))


# ----------------------------------------------------------------------------------------------
# Modes
# ----------------------------------------------------------------------------------------------

def cmd_selftest(args):
    files = corpus_files(args.file)
    infos = {f: parquet_meta.FileInfo(f) for f in files}
    report = Report()
    check_comparator(report)
    dumps = dump_all(list(PEERS), files, args.jobs)
    for f in files:
        writer = writer_of(f)
        ref, err = dumps[writer][f]
        if err:
            report.fail(f"{rel(f)}: {writer} (writer) cannot read its own file", [err])
            continue
        for peer in PEERS:
            if peer == writer:
                continue
            label = f"{rel(f)}: {peer} vs {writer}"
            doc, err = dumps[peer][f]
            blocked = [e for e, _ in exceptions_for(peer, infos[f]) if e.kind == "cannot-read"]
            if err:
                if blocked:
                    for e in blocked:
                        e.fired += 1
                    report.note(label, f"{peer} cannot read it (expected: {blocked[0].reason})")
                else:
                    report.fail(label, [f"{peer} failed: {err}"])
                continue
            if blocked:
                report.fail(label, [f"{peer} read a file the EXCEPTIONS table says it cannot; "
                                    f"drop or narrow the entry: {blocked[0].reason}"])
                continue
            # A difference may come from either side's representation: allow both peers' rules.
            compare_with(infos[f], ref, doc, label, report, peers=(peer, writer))
    if not args.file:
        for e in EXCEPTIONS:
            if not e.fired and e.peer != "ours":  # our entries fire in check-read/check-write
                report.fail(f"EXCEPTIONS entry for {e.peer} ({e.kind}) never applied", [e.reason])
    return report.close("selftest")


def cmd_check_read(args):
    files = corpus_files(args.file)
    ours = shlex.split(args.ours)
    writers = sorted({writer_of(f) for f in files})
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        ref_future = pool.submit(dump_all, writers, files, args.jobs)
        our_dumps = dump_each(ours, files, args.jobs)
        ref_dumps = ref_future.result()
    report = Report()
    for f in files:
        writer = writer_of(f)
        label = f"{rel(f)}: ours vs {writer}"
        ref, err = ref_dumps[writer][f]
        if err:
            report.fail(label, [f"{writer} (writer) cannot read its own file: {err}"])
            continue
        got, err = our_dumps[f]
        if err:
            report.fail(label, [f"our reader failed: {err}"])
            continue
        compare_with(parquet_meta.FileInfo(f), ref, got, label, report, peers=(writer, "ours"))
    return report.close("check-read")


def cmd_check_write(args):
    files = corpus_files(args.file)
    reader = shlex.split(args.ours_reader)
    writer = shlex.split(args.ours_writer)
    variants = {k: v for k, v in WRITE_VARIANTS.items() if not args.variant or k in args.variant}
    report = Report()
    expected = dump_each(reader, files, args.jobs)
    with tempfile.TemporaryDirectory() as tmp:
        outputs = {}
        jobs = []
        for f in files:
            if expected[f][1]:
                report.fail(f"{rel(f)}: our reader cannot read the original", [expected[f][1]])
                continue
            for name, options in variants.items():
                out = os.path.join(tmp, f"{writer_of(f)}__{os.path.basename(f)[:-8]}__{name}.parquet")
                jobs.append((f, name, out, writer + [f, out] + options))

        def run(job):
            f, name, out, cmd = job
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
            return job, proc

        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for (f, name, out, cmd), proc in pool.map(run, jobs):
                if proc.returncode != 0 or not os.path.exists(out):
                    report.fail(f"{rel(f)} [{name}]: our writer failed",
                                [shlex.join(cmd), proc.stderr.strip()[-2000:]])
                else:
                    outputs[out] = (f, name)
        written = sorted(outputs)
        peer_dumps = dump_all(list(PEERS), written, args.jobs)
        peer_dumps["ours"] = dump_each(reader, written, args.jobs)
        for out in written:
            f, name = outputs[out]
            info = parquet_meta.FileInfo(out)
            for peer in ["ours"] + list(PEERS):
                label = f"{rel(f)} [{name}]: {peer} reads our output"
                got, err = peer_dumps[peer][out]
                blocked = [e for e, _ in exceptions_for(peer, info) if e.kind == "cannot-read"]
                if err:
                    if blocked:
                        report.note(label, f"{peer} cannot read it (expected: {blocked[0].reason})")
                    else:
                        report.fail(label, [f"{peer} failed: {err}"])
                    continue
                compare_with(info, expected[f][0], got, label, report,
                             peers=("ours",) if peer == "ours" else (peer, "ours"))
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
                shutil.copy(out, args.keep)
    return report.close("check-write")


REQUIRED = {
    "codecs": {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW", "LZ4", "BROTLI"},
    "encodings": {"PLAIN", "PLAIN_DICTIONARY", "RLE_DICTIONARY", "RLE", "DELTA_BINARY_PACKED",
                  "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "BYTE_STREAM_SPLIT"},
    "page types": {"DATA_PAGE", "DATA_PAGE_V2", "DICTIONARY_PAGE"},
    "physical types": set(parquet_meta.PHYSICAL),
    "logical types": {"STRING", "ENUM", "JSON", "UUID", "DECIMAL", "DATE", "TIME", "TIMESTAMP",
                      "INTEGER", "LIST", "MAP"},
}


def cmd_coverage(args):
    by_peer = {}
    for f in corpus_files(args.file):
        info = parquet_meta.FileInfo(f)
        agg = by_peer.setdefault(writer_of(f), {"files": 0, "bytes": 0, "codecs": set(), "encodings": set(),
                                                "page types": set(), "physical types": set(),
                                                "logical types": set(), "leaf types": set(),
                                                "max row groups": 0, "max pages": 0})
        agg["files"] += 1
        agg["bytes"] += os.path.getsize(f)
        agg["codecs"] |= info.codecs
        agg["encodings"] |= info.encodings
        agg["page types"] |= info.page_types
        agg["max row groups"] = max(agg["max row groups"], info.row_groups)
        agg["max pages"] = max(agg["max pages"], info.pages)
        for path in info.leaves:
            agg["physical types"].add(path[-1]["physical"])
            for node in path:
                kind = _leaf_logical(node)
                if kind:
                    agg["logical types"].add({"UTF8": "STRING", "MAP_KEY_VALUE": "MAP"}.get(kind, kind)
                                             if not kind.startswith(("TIME", "INT_", "UINT_")) else
                                             ("TIMESTAMP" if kind.startswith("TIMESTAMP") else
                                              "TIME" if kind.startswith("TIME") else "INTEGER"))
        agg["leaf types"] |= info.leaf_types()
    keys = ["files", "bytes", "max row groups", "max pages", "codecs", "encodings", "page types",
            "physical types", "logical types", "leaf types"]
    for peer, agg in sorted(by_peer.items()):
        print(f"## {peer}")
        for k in keys:
            v = agg[k]
            print(f"- {k}: {', '.join(sorted(v)) if isinstance(v, set) else v}")
        print()
    status = 0
    if not args.file:
        for k, need in REQUIRED.items():
            have = set().union(*(agg[k] for agg in by_peer.values())) if by_peer else set()
            missing = need - have
            if missing:
                status = 1
                print(f"MISSING {k}: {', '.join(sorted(missing))}")
        total = sum(agg["bytes"] for agg in by_peer.values())
        print(f"corpus total: {total} bytes in {sum(a['files'] for a in by_peer.values())} files")
    return status


def cmd_dump(args):
    doc, err = single_dump(PEERS[args.peer], args.path)
    if err:
        print(err, file=sys.stderr)
        return 1
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2))
    sub = ap.add_subparsers(dest="mode", required=True)
    p = sub.add_parser("selftest")
    p.add_argument("--file", action="append", help="only corpus files whose path contains this")
    p = sub.add_parser("check-read")
    p.add_argument("--ours", required=True, help="our dump command; run as CMD FILE")
    p.add_argument("--file", action="append")
    p = sub.add_parser("check-write")
    p.add_argument("--ours-writer", required=True, help="run as CMD IN.parquet OUT.parquet OPTIONS...")
    p.add_argument("--ours-reader", required=True, help="run as CMD FILE")
    p.add_argument("--file", action="append")
    p.add_argument("--variant", action="append", choices=sorted(WRITE_VARIANTS))
    p.add_argument("--keep", help="copy every file our writer produced into this folder")
    p = sub.add_parser("coverage")
    p.add_argument("--file", action="append")
    p = sub.add_parser("dump")
    p.add_argument("peer", choices=sorted(PEERS))
    p.add_argument("path")
    args = ap.parse_args()
    return {"selftest": cmd_selftest, "check-read": cmd_check_read, "check-write": cmd_check_write,
            "coverage": cmd_coverage, "dump": cmd_dump}[args.mode](args)


if __name__ == "__main__":
    sys.exit(main())
