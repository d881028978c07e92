#!/usr/bin/env python3
"""Writes the pyarrow part of the Parquet interoperability corpus (corpus/pyarrow/*.parquet).

pyarrow is Arrow C++'s Parquet implementation, the reference writer: it produces every physical
and logical type our reader must handle, every encoding (PLAIN, dictionary, the three DELTA
encodings, BYTE_STREAM_SPLIT, RLE booleans), data pages v1 and v2, INT96 and all codecs it knows.
The data is fixed (no clocks, no randomness) so re-running this script reproduces the files
byte for byte with the same pyarrow version. Run: .venv/bin/python write_pyarrow.py [out_dir].
"""
import datetime as dt
import decimal
import os
import sys
import uuid

import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
D = decimal.Decimal

# Sixteen rows of edge cases per flat type: extremes, zero, negatives, nulls, empty and unicode
# strings. Every list has ROWS entries.
ROWS = 16


def col(values):
    assert len(values) == ROWS, len(values)
    return values


def int_values(bits, signed):
    if signed:
        lo, hi = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    else:
        lo, hi = 0, 2 ** bits - 1
    base = [0, 1, lo, hi, None, 7, lo + 1, hi - 1, None, 42, 100 % (hi + 1), 3, 3, 3, None, 5]
    if signed:
        base[5], base[9] = -1, -42
    return col(base)


FLOATS = col([0.0, -0.0, 1.5, -2.25, float("nan"), float("inf"), float("-inf"), None,
              0.1, 1e-300, 5e-324, 1.7976931348623157e308, -123456.789, None, 3.0, 3.0])
FLOATS32 = col([0.0, -0.0, 1.5, -2.25, float("nan"), float("inf"), float("-inf"), None,
                0.1, 1e-30, 1.401298464324817e-45, 3.4028234663852886e38, -123456.789, None,
                3.0, 3.0])
STRINGS = col(["", "a", "héllo wörld", "日本語テキスト", "emoji 😀🎉", None, "quote \" back \\ nl \n tab \t",
               "x" * 150, "ctrl \u0001\u001f", None, "same", "same", "same", "prefix_0001", "prefix_0002",
               "\u00a0nbsp"])
BINARIES = col([b"", b"\x00", b"\xff\xfe\x00\x01", None, b"abc", bytes(range(32)), None, b"\x80" * 5,
                b"same", b"same", b"x", b"y", b"", b"\x00\x00", b"zz", b"\x7f"])
FLBA4 = col([b"\x00\x00\x00\x00", b"\xff\xff\xff\xff", b"abcd", None, b"\x01\x02\x03\x04", b"same",
             b"same", None, b"\x80\x00\x00\x01", b"wxyz", b"1234", b"\x00\x01\x00\x01", b"aaaa",
             b"bbbb", b"cccc", b"dddd"])
UUIDS = col([uuid.UUID(int=0).bytes, uuid.UUID(int=2 ** 128 - 1).bytes,
             uuid.UUID("12345678-1234-5678-1234-567812345678").bytes, None,
             uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11").bytes, None] +
            [uuid.UUID(int=i * 0x0101010101010101).bytes for i in range(10)])
JSONS = col(['{"a": 1}', "[]", "null", '"s"', None, '{"nested": {"k": [1, 2.5, "x"]}}', "3", "true",
             '{"u": "é😀"}', None, "{}", '[{"a":null}]', "0", "-1.5e10", '""', "1"])

DEC_9_2 = col([D("0.00"), D("12.34"), D("-12.34"), D("9999999.99"), D("-9999999.99"), None,
               D("0.01"), D("-0.01"), D("100.00"), None, D("1.10"), D("1.10"), D("1.10"), D("42.00"),
               D("-0.50"), D("7.07")])
DEC_18_4 = col([D("0.0000"), D("99999999999999.9999"), D("-99999999999999.9999"), D("1.0001"),
                None, D("-0.0001"), D("123456789.1234"), D("900719925474.0993"), None, D("5.5000"), D("5.5000"), D("5.5000"), D("-1.0000"),
                D("2.0000"), D("3.0000"), D("4.0000")])
DEC_38_10 = col([D("0E-10"), D("9999999999999999999999999999.9999999999"),
                 D("-9999999999999999999999999999.9999999999"), D("1.0000000001"), None,
                 D("-0.0000000001"), D("12345678901234567890.1234567890"), None,
                 D("3.1415926536"), D("3.1415926536"), D("3.1415926536"), D("-2.0000000000"),
                 D("100000000000000000000.0000000000"), D("0.5000000000"), D("7.0000000000"),
                 D("8.0000000000")])
DEC_40_5 = col([D("0.00000"), D("12345678901234567890123456789012345.67890"),
                D("-12345678901234567890123456789012345.67890"), None, D("1.00001"), D("-1.00001"),
                None, D("2.50000"), D("2.50000"), D("2.50000"), D("0.00001"), D("-0.00001"),
                D("99.99999"), D("100.00000"), D("3.00000"), D("4.00000")])
DEC_5_0 = col([D(0), D(1), D(-1), D(99999), D(-99999), None, D(42), D(42), D(42), None, D(7), D(8),
               D(9), D(10), D(11), D(12)])

DATES = col([dt.date(1970, 1, 1), dt.date(2000, 2, 29), dt.date(1900, 1, 1), dt.date(1, 1, 1),
             dt.date(9999, 12, 31), None, dt.date(1969, 12, 31), dt.date(2024, 12, 31), None,
             dt.date(2020, 6, 15), dt.date(2020, 6, 15), dt.date(2020, 6, 15), dt.date(1582, 10, 4),
             dt.date(1582, 10, 15), dt.date(2262, 4, 11), dt.date(1677, 9, 22)])
# Times of day in nanoseconds; coarser units use the value truncated to that unit.
TIMES_NS = col([0, 1, 999_999_999, 86_399_999_999_999, None, 43_200_000_000_000, 12_345_678_901_234,
                None, 1_000_000, 1_000, 60_000_000_000, 60_000_000_000, 60_000_000_000, 3_723_004_005_006,
                5, 86_399_000_000_000])
# Instants in nanoseconds since the epoch, inside the int64-nanosecond range.
TS_NS = col([0, 1, -1, 1_700_000_000_123_456_789, -1_000_000_000_000_000_001, None,
             9_223_372_036_854_775_807, -9_223_372_036_854_775_807, None, 951_782_400_000_000_000,
             951_782_400_000_000_000, 951_782_400_000_000_000, 86_400_000_000_000, -86_400_000_000_000,
             1_234_567_890_987_654_321, 999])
# Instants far outside the nanosecond range, for millisecond and microsecond columns.
TS_WIDE_MS = col([0, 1, -1, -62_135_596_800_000, 253_402_300_799_999, None, 1_700_000_000_123,
                  -2_208_988_800_000, None, 951_782_400_000, 951_782_400_000, 951_782_400_000,
                  86_400_000, -86_400_000, 4_102_444_800_000, 999])


def ts_array(values_ns, unit, tz):
    div = {"s": 10 ** 9, "ms": 10 ** 6, "us": 10 ** 3, "ns": 1}[unit]
    ints = [None if v is None else v // div for v in values_ns]
    return pa.array(ints, pa.int64()).cast(pa.timestamp(unit, tz))


def time_array(values_ns, unit):
    div = {"ms": 10 ** 6, "us": 10 ** 3, "ns": 1}[unit]
    ints = [None if v is None else v // div for v in values_ns]
    if unit == "ms":
        return pa.array(ints, pa.int32()).cast(pa.time32("ms"))
    return pa.array(ints, pa.int64()).cast(pa.time64(unit))


def flat_types_table():
    """Every flat type our reader must decode, sixteen rows of edge cases each."""
    cols = {
        "bool": pa.array(col([True, False, None, True, True, False, False, None, True, False, True,
                              True, True, False, None, True]), pa.bool_()),
        "int8": pa.array(int_values(8, True), pa.int8()),
        "int16": pa.array(int_values(16, True), pa.int16()),
        "int32": pa.array(int_values(32, True), pa.int32()),
        "int64": pa.array(int_values(64, True), pa.int64()),
        "uint8": pa.array(int_values(8, False), pa.uint8()),
        "uint16": pa.array(int_values(16, False), pa.uint16()),
        "uint32": pa.array(int_values(32, False), pa.uint32()),
        "uint64": pa.array(int_values(64, False), pa.uint64()),
        "float": pa.array(FLOATS32, pa.float32()),
        "double": pa.array(FLOATS, pa.float64()),
        "string": pa.array(STRINGS, pa.string()),
        "binary": pa.array(BINARIES, pa.binary()),
        "flba4": pa.array(FLBA4, pa.binary(4)),
        "uuid": pa.array(UUIDS, pa.uuid()),
        "json": pa.array(JSONS, pa.json_()),
        "dec_9_2": pa.array(DEC_9_2, pa.decimal128(9, 2)),
        "dec_18_4": pa.array(DEC_18_4, pa.decimal128(18, 4)),
        "dec_38_10": pa.array(DEC_38_10, pa.decimal128(38, 10)),
        "dec_40_5": pa.array(DEC_40_5, pa.decimal256(40, 5)),
        "dec_5_0": pa.array(DEC_5_0, pa.decimal128(5, 0)),
        "date": pa.array(DATES, pa.date32()),
        "time_ms": time_array(TIMES_NS, "ms"),
        "time_us": time_array(TIMES_NS, "us"),
        "time_ns": time_array(TIMES_NS, "ns"),
        "ts_ms": ts_array([None if v is None else v * 10 ** 6 for v in TS_WIDE_MS], "ms", None),
        "ts_ms_utc": ts_array([None if v is None else v * 10 ** 6 for v in TS_WIDE_MS], "ms", "UTC"),
        "ts_us": ts_array([None if v is None else v * 10 ** 6 for v in TS_WIDE_MS], "us", None),
        "ts_us_utc": ts_array(TS_NS, "us", "UTC"),
        "ts_ns": ts_array(TS_NS, "ns", None),
        "ts_ns_utc": ts_array(TS_NS, "ns", "UTC"),
        "ts_s_utc": ts_array(TS_NS, "s", "UTC"),
        "all_null": pa.array([None] * ROWS, pa.int32()),
    }
    return pa.table(cols)


def int96_table():
    """Timestamps for INT96, kept inside the int64-nanosecond range (a reader maps INT96 to
    nanoseconds, and instants beyond that range have no agreed representation)."""
    values = [None if v is None else max(min(v, 9_000_000_000_000_000_000), -9_000_000_000_000_000_000)
              for v in TS_NS]
    return pa.table({
        "ts_ns": ts_array(values, "ns", None),
        "ts_ns_utc": ts_array(values, "ns", "UTC"),
        "ts_us_utc": ts_array(values, "us", "UTC"),
        "ts_s_utc": ts_array(values, "s", "UTC"),
    })


def int_columns_for_decimals_as_int():
    """Decimals stored as INT32 / INT64 (store_decimal_as_integer) instead of FLBA."""
    return pa.table({
        "dec_9_2": pa.array(DEC_9_2, pa.decimal128(9, 2)),
        "dec_18_4": pa.array(DEC_18_4, pa.decimal128(18, 4)),
        "dec_5_0": pa.array(DEC_5_0, pa.decimal128(5, 0)),
        "dec_38_10": pa.array(DEC_38_10, pa.decimal128(38, 10)),
    })


def encoding_table(n=400):
    """Long columns (several DELTA miniblocks, BYTE_STREAM_SPLIT streams) for encoding tests."""
    def nul(i, v):
        return None if i % 17 == 5 else v
    ints32 = [nul(i, (i * 7919) % 65536 - 32768 if i % 50 else (2 ** 31 - 1 if i % 100 else -2 ** 31))
              for i in range(n)]
    ints64 = [nul(i, i * i * 1_000_003 - 10 ** 12 if i % 90 else (2 ** 63 - 1 if i % 180 else -2 ** 63))
              for i in range(n)]
    sorted64 = [1_600_000_000_000_000 + i * 1_000 + (i % 3) for i in range(n)]
    strs = [nul(i, f"key_{i // 10:05d}_{'é' * (i % 4)}{i % 10}" if i % 50 else "") for i in range(n)]
    bins = [nul(i, (b"prefix-" + i.to_bytes(4, "big")) if i % 3 else bytes([i % 256]) * (i % 7))
            for i in range(n)]
    flts = [nul(i, (i - 200) / 7.0 if i % 97 else float("nan")) for i in range(n)]
    flba = [nul(i, (i * 2654435761 % 2 ** 32).to_bytes(4, "little")) for i in range(n)]
    bools = [nul(i, (i // 3) % 2 == 0 or i % 11 == 0) for i in range(n)]
    decs = [nul(i, D(i * 37 - 7000).scaleb(-2)) for i in range(n)]
    return pa.table({
        "i32": pa.array(ints32, pa.int32()),
        "i64": pa.array(ints64, pa.int64()),
        "sorted_i64": pa.array(sorted64, pa.int64()),
        "u32": pa.array([nul(i, (i * 2654435761) % 2 ** 32) for i in range(n)], pa.uint32()),
        "date": pa.array([nul(i, dt.date(2000, 1, 1) + dt.timedelta(days=i * 3 - 1500)) for i in range(n)],
                         pa.date32()),
        "ts_us": ts_array([nul(i, 1_600_000_000_000_000_000 + i * 1_234_567_000) for i in range(n)], "us",
                          "UTC"),
        "str": pa.array(strs, pa.string()),
        "bin": pa.array(bins, pa.binary()),
        "f32": pa.array(flts, pa.float32()),
        "f64": pa.array([None if v is None else v * 1e10 for v in flts], pa.float64()),
        "flba": pa.array(flba, pa.binary(4)),
        "dec": pa.array(decs, pa.decimal128(12, 2)),
        "dec_flba": pa.array(decs, pa.decimal128(22, 2)),
        "bool": pa.array(bools, pa.bool_()),
    })


def nested_table():
    """Lists, structs and maps, with nulls at every level and empty lists."""
    i32 = pa.int32()
    point = pa.struct([("x", pa.float64()), ("label", pa.string())])
    rows = 12
    data = {
        "list_int": pa.array([[1, 2, 3], [], None, [None], [None, 4], [5], [-(2 ** 31), 2 ** 31 - 1],
                              [6, 6, 6, 6, 6, 6, 6, 6], [], None, [7], [8, None, 9]], pa.list_(i32)),
        "list_str": pa.array([["a", "b"], [""], None, [None, "日本"], [], ["😀"], ["x"] * 3, None,
                              ["long" * 20], [], ["p", None, "q"], ["z"]], pa.list_(pa.string())),
        "list_list": pa.array([[[1], [2, 3]], [[]], [None], None, [[None]], [[], []], [[4, 5, 6]],
                               [None, [7]], [], [[8]], None, [[9], None, []]], pa.list_(pa.list_(i32))),
        "struct": pa.array([{"a": 1, "b": "x"}, {"a": None, "b": "y"}, None, {"a": 3, "b": None},
                            {"a": None, "b": None}, {"a": 6, "b": ""}, {"a": 7, "b": "é"}, None,
                            {"a": 9, "b": "9"}, {"a": 10, "b": "10"}, {"a": -1, "b": "m"},
                            {"a": 0, "b": "z"}],
                           pa.struct([("a", i32), ("b", pa.string())])),
        "struct_of_list": pa.array([{"tags": ["a"], "n": 1}, {"tags": [], "n": 2}, {"tags": None, "n": 3},
                                    None, {"tags": [None], "n": None}, {"tags": ["b", "c"], "n": 6},
                                    {"tags": ["d"], "n": 7}, {"tags": [], "n": None}, None,
                                    {"tags": ["e"], "n": 10}, {"tags": ["f", "g", "h"], "n": 11},
                                    {"tags": None, "n": None}],
                                   pa.struct([("tags", pa.list_(pa.string())), ("n", pa.int64())])),
        "list_struct": pa.array([[{"x": 1.5, "label": "p"}], [], None, [None],
                                 [{"x": None, "label": None}, {"x": -0.0, "label": "q"}],
                                 [{"x": float("inf"), "label": "r"}], [{"x": 2.0, "label": ""}] * 2,
                                 None, [], [{"x": 3.0, "label": "s"}, None], [{"x": 4.0, "label": "t"}],
                                 [{"x": 5.0, "label": "u"}]], pa.list_(point)),
        "map_str_int": pa.array([[("a", 1), ("b", 2)], [], None, [("c", None)], [("d", 4)],
                                 [("é", 5), ("😀", 6)], [("z", 7), ("a", 8)], None, [("k", 9)], [],
                                 [("x", -1)], [("y", 0)]], pa.map_(pa.string(), i32)),
        "map_int_list": pa.array([[(1, ["a"])], [(2, [])], [(3, None)], None, [], [(10, ["b", None])],
                                  [(3, ["c"]), (1, ["d"])], [(-5, ["e"])], None, [(0, [])],
                                  [(7, ["f"])], [(8, ["g", "h"])]],
                                 pa.map_(pa.int64(), pa.list_(pa.string()))),
        "struct_nested": pa.array([{"inner": {"v": 1}, "l": [{"v": 2}]}, None, {"inner": None, "l": None},
                                   {"inner": {"v": None}, "l": [None, {"v": None}]},
                                   {"inner": {"v": 5}, "l": []}, None, {"inner": {"v": 7}, "l": [{"v": 8}]},
                                   {"inner": {"v": 9}, "l": None}, {"inner": None, "l": [{"v": 10}]},
                                   None, {"inner": {"v": 11}, "l": []}, {"inner": {"v": 12}, "l": [{"v": 13}]}],
                                  pa.struct([("inner", pa.struct([("v", i32)])),
                                             ("l", pa.list_(pa.struct([("v", i32)])))])),
        "list_date": pa.array([[dt.date(2020, 1, 1)], [], None, [None, dt.date(1969, 7, 20)]] + [[]] * 8,
                              pa.list_(pa.date32())),
        "list_dec": pa.array([[D("1.50")], [], None, [None, D("-2.25")]] + [[D("0.01")]] * 8,
                             pa.list_(pa.decimal128(10, 2))),
        "list_ts": pa.array([[0], [], None, [None, 1_700_000_000_123_456]] + [[-1]] * 8,
                            pa.list_(pa.timestamp("us", "UTC"))),
    }
    for name, arr in data.items():
        assert len(arr) == rows, name
    return pa.table(data)


def required_table():
    """Non-nullable fields: REQUIRED columns, required struct fields and list elements."""
    elem = pa.field("element", pa.int32(), nullable=False)
    schema = pa.schema([
        pa.field("id", pa.int64(), nullable=False),
        pa.field("name", pa.string(), nullable=False),
        pa.field("score", pa.float64(), nullable=False),
        pa.field("flag", pa.bool_(), nullable=False),
        pa.field("vals", pa.list_(elem), nullable=False),
        pa.field("s", pa.struct([pa.field("a", pa.int32(), nullable=False),
                                 pa.field("b", pa.string(), nullable=True)]), nullable=False),
        pa.field("opt_list_req_elem", pa.list_(elem), nullable=True),
    ])
    n = 10
    return pa.table({
        "id": list(range(n)),
        "name": [f"n{i}" if i % 3 else "" for i in range(n)],
        "score": [i / 4 for i in range(n)],
        "flag": [i % 2 == 0 for i in range(n)],
        "vals": [list(range(i % 4)) for i in range(n)],
        "s": [{"a": i, "b": None if i % 2 else str(i)} for i in range(n)],
        "opt_list_req_elem": [None if i % 3 == 0 else list(range(i % 3)) for i in range(n)],
    }, schema=schema)


def many_pages_table(n=1200):
    """Enough rows for several row groups and, with tiny page limits, many pages per chunk."""
    return pa.table({
        "id": pa.array(range(n), pa.int64()),
        "cat": pa.array([None if i % 13 == 0 else f"category_{i % 40}" for i in range(n)], pa.string()),
        "uniq": pa.array([f"unique-value-{i:06d}-{'x' * (i % 9)}" for i in range(n)], pa.string()),
        "val": pa.array([None if i % 7 == 0 else (i * 0.5 if i % 2 else -i * 1.25) for i in range(n)],
                        pa.float64()),
        "small": pa.array([i % 5 for i in range(n)], pa.int8()),
        "lst": pa.array([None if i % 11 == 0 else list(range(i % 6)) for i in range(n)], pa.list_(pa.int32())),
        "ts": ts_array([1_600_000_000_000_000_000 + i * 60_000_000_000 for i in range(n)], "ms", "UTC"),
    })


def dictionary_typed_table():
    """Arrow dictionary columns: stored as dictionary-encoded strings/ints plus an Arrow schema."""
    idx = [0, 1, 2, None, 1, 0, 2, 2]
    return pa.table({
        "dict_str": pa.DictionaryArray.from_arrays(pa.array(idx, pa.int8()), pa.array(["red", "green", "blü"])),
        "dict_int": pa.DictionaryArray.from_arrays(pa.array(idx, pa.int16()), pa.array([10, -20, 30], pa.int64())),
    })


def write(out_dir, name, table, **kw):
    path = os.path.join(out_dir, name + ".parquet")
    kw.setdefault("compression", "none")
    pq.write_table(table, path, **kw)
    print(f"{path}: {os.path.getsize(path)} bytes")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "corpus", "pyarrow")
    os.makedirs(out_dir, exist_ok=True)
    flat = flat_types_table()
    # Flat types, one file per layout.
    write(out_dir, "types_plain_v1", flat, use_dictionary=False)
    write(out_dir, "types_dict_v1", flat, use_dictionary=True)
    write(out_dir, "types_plain_v2", flat, use_dictionary=False, data_page_version="2.0")
    write(out_dir, "types_dict_v2", flat, use_dictionary=True, data_page_version="2.0")
    write(out_dir, "types_int96", int96_table(), use_deprecated_int96_timestamps=True)
    write(out_dir, "types_time_utc", flat.select(["time_ms", "time_us", "time_ns"]),
          write_time_adjusted_to_utc=True)
    write(out_dir, "decimals_as_int", int_columns_for_decimals_as_int(), store_decimal_as_integer=True)
    write(out_dir, "legacy_timestamps_v1_0", flat.select(["ts_ms_utc", "ts_us_utc", "ts_us", "uint32"]),
          version="1.0")
    # Every codec over the same flat table.
    for codec in ["snappy", "gzip", "zstd", "brotli", "lz4"]:
        label = "lz4_raw" if codec == "lz4" else codec
        write(out_dir, f"codec_{label}_v1", flat, compression=codec)
        write(out_dir, f"codec_{label}_v2", flat, compression=codec, data_page_version="2.0")
    # Encodings, each in both page versions.
    enc = encoding_table()
    encodings = {
        "delta_binary_packed": (["i32", "i64", "sorted_i64", "u32", "date", "ts_us", "dec"], "DELTA_BINARY_PACKED"),
        "delta_length_byte_array": (["str", "bin"], "DELTA_LENGTH_BYTE_ARRAY"),
        "delta_byte_array": (["str", "bin", "flba"], "DELTA_BYTE_ARRAY"),
        "byte_stream_split": (["f32", "f64", "i32", "i64", "dec"], "BYTE_STREAM_SPLIT"),
        # FIXED_LEN_BYTE_ARRAY joined BYTE_STREAM_SPLIT later (format 2.11); kept apart because
        # not every peer reads it.
        "byte_stream_split_flba": (["flba", "dec_flba"], "BYTE_STREAM_SPLIT"),
        "rle_boolean": (["bool"], "RLE"),
    }
    for label, (columns, encoding) in encodings.items():
        for version in ["1.0", "2.0"]:
            tag = "v1" if version == "1.0" else "v2"
            write(out_dir, f"enc_{label}_{tag}", enc.select(columns), use_dictionary=False,
                  column_encoding={c: encoding for c in columns}, data_page_version=version,
                  compression="snappy", data_page_size=2048, store_decimal_as_integer=True)
    write(out_dir, "enc_plain_snappy_v1", enc, use_dictionary=False, compression="snappy",
          data_page_size=2048)
    write(out_dir, "enc_dict_zstd_v2", enc, use_dictionary=True, compression="zstd",
          data_page_version="2.0", data_page_size=2048)
    # Nested data.
    nested = nested_table()
    write(out_dir, "nested_v1", nested, compression="snappy")
    write(out_dir, "nested_plain_v2", nested, use_dictionary=False, data_page_version="2.0")
    write(out_dir, "nested_legacy_names", nested, use_compliant_nested_type=False, compression="gzip")
    write(out_dir, "nested_small_pages_v2", nested, data_page_version="2.0", row_group_size=5,
          max_rows_per_page=2, write_batch_size=2, compression="zstd")
    write(out_dir, "required_v1", required_table())
    write(out_dir, "required_v2", required_table(), data_page_version="2.0", compression="snappy")
    # Several row groups, many pages, dictionary fallback to PLAIN in the middle of a chunk.
    many = many_pages_table()
    write(out_dir, "row_groups_pages_v1", many, row_group_size=300, data_page_size=512,
          write_batch_size=64, dictionary_pagesize_limit=256, compression="snappy")
    write(out_dir, "row_groups_pages_v2", many, row_group_size=500, data_page_size=512,
          write_batch_size=64, dictionary_pagesize_limit=256, data_page_version="2.0",
          compression="lz4")
    write(out_dir, "dictionary_typed", dictionary_typed_table())
    write(out_dir, "empty", flat.slice(0, 0))
    write(out_dir, "odd_names", pa.table({"with space": [1, 2], "ünï cödé": ["a", None], "": [True, False],
                                          "a.b": [1.5, None]}))


if __name__ == "__main__":
    main()
