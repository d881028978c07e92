"""Canonical JSON dump of an Arrow table, shared by read_pyarrow.py and read_duckdb.py.

The canonical form is specified in README.md ("Canonical dump"). This module turns Arrow arrays
(as pyarrow or DuckDB hand them over) into that form column by column, recursing through lists,
structs and maps, and reading temporal values as integers so no precision is lost to Python's
datetime (which stops at microseconds and at the years 1..9999).
"""
import datetime as dt
import json
import sys

import pyarrow as pa
import pyarrow.types as pat

FORMAT = "bundlebase-parquet-canonical/1"
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_UNIT_NS = {"s": 10 ** 9, "ms": 10 ** 6, "us": 10 ** 3, "ns": 1}


def float_text(v):
    """A float64 as its shortest round-trip decimal, or NaN / Infinity / -Infinity."""
    if v != v:
        return "NaN"
    if v == float("inf"):
        return "Infinity"
    if v == float("-inf"):
        return "-Infinity"
    return repr(float(v))


def decimal_text(unscaled, scale):
    """The exact decimal string of unscaled * 10^-scale with exactly `scale` fraction digits."""
    sign = "-" if unscaled < 0 else ""
    digits = str(abs(unscaled))
    if scale <= 0:
        return sign + digits + "0" * (-scale) if unscaled else "0"
    digits = digits.rjust(scale + 1, "0")
    return f"{sign}{digits[:-scale]}.{digits[-scale:]}"


def date_text(days):
    """Days since 1970-01-01 as YYYY-MM-DD (proleptic Gregorian)."""
    return dt.date.fromordinal(_EPOCH_ORDINAL + days).isoformat()


def _unscaled(value, scale):
    """The exact unscaled integer of a decimal.Decimal (no context rounding)."""
    sign, digits, exponent = value.as_tuple()
    unscaled = int("".join(map(str, digits)) or "0") * 10 ** (exponent + scale)
    return -unscaled if sign else unscaled


def _duckdb_time_tz_ns(raw):
    """DuckDB's TIME WITH TIME ZONE (dtime_tz_t, 8 bytes little-endian): the high 40 bits are
    microseconds of the local time, the low 24 bits encode the UTC offset as 57599 - seconds.
    Returned as nanoseconds of the UTC time of day (Parquet TIME adjusted to UTC)."""
    bits = int.from_bytes(raw, "little")
    micros, offset_seconds = bits >> 24, 57599 - (bits & 0xFFFFFF)
    return ((micros - offset_seconds * 1_000_000) % 86_400_000_000) * 1000


def _ints(arr):
    """The integer storage of a temporal array, as Python ints (None for nulls)."""
    width = pa.int32() if arr.type.bit_width == 32 else pa.int64()
    return arr.view(width).to_pylist()


def canon_array(arr):
    """Canonical values of one Arrow array (or chunked array), one entry per slot."""
    if isinstance(arr, pa.ChunkedArray):
        out = []
        for chunk in arr.chunks:
            out.extend(canon_array(chunk))
        return out
    t = arr.type
    if isinstance(t, pa.BaseExtensionType):
        if t.extension_name == "arrow.bool8":
            return [None if v is None else v != 0 for v in arr.storage.to_pylist()]
        if isinstance(t, pa.OpaqueType) and (t.vendor_name, t.type_name) == ("DuckDB", "time_tz"):
            return [None if v is None else {"time": str(_duckdb_time_tz_ns(v))} for v in arr.storage.to_pylist()]
        return canon_array(arr.storage)
    if pat.is_dictionary(t):
        return canon_array(arr.dictionary_decode())
    valid = arr.is_valid().to_pylist()
    n = len(arr)

    def mask(values):
        return [v if ok else None for v, ok in zip(values, valid)]

    if pat.is_null(t):
        return [None] * n
    if pat.is_boolean(t):
        return arr.to_pylist()
    if pat.is_integer(t):
        return [None if v is None else {"int": str(v)} for v in arr.to_pylist()]
    if pat.is_float16(t) or pat.is_float32(t):
        return [None if v is None else {"float32": float_text(v)} for v in arr.cast(pa.float32()).to_pylist()]
    if pat.is_float64(t):
        return [None if v is None else {"float": float_text(v)} for v in arr.to_pylist()]
    if pat.is_string(t) or pat.is_large_string(t) or pat.is_string_view(t):
        return arr.to_pylist()
    if pat.is_binary(t) or pat.is_large_binary(t) or pat.is_fixed_size_binary(t) or pat.is_binary_view(t):
        return [None if v is None else {"hex": v.hex()} for v in arr.to_pylist()]
    if pat.is_decimal(t):
        scale = t.scale
        return [None if v is None else {"dec": decimal_text(_unscaled(v, scale), scale)}
                for v in arr.to_pylist()]
    if pat.is_date32(t):
        return [None if v is None else {"date": date_text(v)} for v in _ints(arr)]
    if pat.is_date64(t):
        return [None if v is None else {"date": date_text(v // 86_400_000)} for v in _ints(arr)]
    if pat.is_time(t):
        f = _UNIT_NS[t.unit]
        return [None if v is None else {"time": str(v * f)} for v in _ints(arr)]
    if pat.is_timestamp(t):
        f = _UNIT_NS[t.unit]
        utc = t.tz is not None
        return [None if v is None else {"ts": str(v * f), "utc": utc} for v in _ints(arr)]
    if pat.is_map(t):
        entries = canon_array(arr.values)
        offsets = arr.offsets.to_pylist()
        return mask([{"map": [[e["struct"]["key"], e["struct"]["value"]] for e in entries[a:b]]}
                     for a, b in zip(offsets, offsets[1:])])
    if pat.is_list(t) or pat.is_large_list(t):
        values = canon_array(arr.values)
        offsets = arr.offsets.to_pylist()
        return mask([values[a:b] for a, b in zip(offsets, offsets[1:])])
    if pat.is_fixed_size_list(t):
        values = canon_array(arr.values)
        k = t.list_size
        return mask([values[(arr.offset + i) * k:(arr.offset + i + 1) * k] for i in range(n)])
    if pat.is_struct(t):
        names = [t.field(j).name for j in range(t.num_fields)]
        children = [canon_array(arr.field(j)) for j in range(t.num_fields)]
        return mask([{"struct": {name: child[i] for name, child in zip(names, children)}} for i in range(n)])
    raise TypeError(f"no canonical form for Arrow type {t}")


def canon_table(table):
    """The canonical document for a whole table."""
    columns = [canon_array(table.column(j)) for j in range(table.num_columns)]
    rows = [list(r) for r in zip(*columns)] if columns else []
    return {"format": FORMAT, "columns": list(table.column_names), "rows": rows}


def emit(doc, out=None):
    """Print a canonical document: UTF-8 JSON, one row per line so diffs stay readable."""
    out = out or sys.stdout
    out.write('{"format": ' + json.dumps(doc["format"]) + ',\n "columns": ' +
              json.dumps(doc["columns"], ensure_ascii=False) + ',\n "rows": [')
    for i, row in enumerate(doc["rows"]):
        out.write(("\n  " if i == 0 else ",\n  ") + json.dumps(row, ensure_ascii=False))
    out.write("\n ]}\n")


def reader_main(name, dump):
    """Command line of a peer reader: `FILE` prints one dump to stdout; `--batch DIR FILE...`
    writes DIR/<i>.json per file (or DIR/<i>.err with the error) so interop.py pays the
    interpreter start-up once per peer rather than once per file."""
    args = sys.argv[1:]
    if len(args) == 1 and not args[0].startswith("--"):
        emit(dump(args[0]))
        return
    if len(args) >= 2 and args[0] == "--batch":
        for i, path in enumerate(args[2:]):
            try:
                doc = dump(path)
            except Exception as e:  # one unreadable file must not hide the others
                with open(f"{args[1]}/{i}.err", "w", encoding="utf-8") as f:
                    f.write(f"{type(e).__name__}: {e}\n")
                continue
            with open(f"{args[1]}/{i}.json", "w", encoding="utf-8") as f:
                emit(doc, f)
        return
    sys.exit(f"usage: {name} FILE.parquet | {name} --batch OUT_DIR FILE.parquet...")
