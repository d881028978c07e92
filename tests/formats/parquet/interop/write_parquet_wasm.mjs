// Writes the parquet-wasm part of the Parquet interoperability corpus (corpus/parquet-wasm/).
// Usage: node write_parquet_wasm.mjs [out_dir]
//
// parquet-wasm is the Rust arrow-rs Parquet writer compiled to WebAssembly: an Arrow table
// built with apache-arrow (JS) goes in as an IPC stream. It is the only peer here that writes
// the Hadoop-framed LZ4 codec, and it writes every other codec (UNCOMPRESSED, SNAPPY, GZIP,
// BROTLI, ZSTD, LZ4_RAW), data pages v1 and v2 (writer version 2), dictionary pages with
// fallback, and per column PLAIN, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY,
// BYTE_STREAM_SPLIT and RLE (booleans). Temporal and decimal columns are built from raw integer
// buffers so no value passes through a lossy JS number. The data is fixed: reproducible files.
// Left out: Arrow types that Parquet cannot annotate (Date64, Time32(s), Timestamp(s)); arrow-rs
// stores them as plain INT32/INT64 and restores them only from its ARROW:schema hint, so the
// Parquet-level value (an integer) and parquet-wasm's own reading (a date/time) differ by design.
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as A from 'apache-arrow'
import * as PW from 'parquet-wasm'

const here = dirname(fileURLToPath(import.meta.url))
const outDir = process.argv[2] ?? join(here, 'corpus', 'parquet-wasm')
mkdirSync(outDir, { recursive: true })

function bitmap(values) {
  const bits = new Uint8Array(Math.ceil(values.length / 8))
  values.forEach((v, i) => { if (v !== null) bits[i >> 3] |= 1 << (i & 7) })
  return bits
}

/** A vector of a fixed-width type from raw values (null allowed), stored in `Typed`. */
function raw(type, values, Typed, width = 1, toRaw = v => v) {
  const data = new Typed(values.length * width)
  values.forEach((v, i) => {
    if (v === null) return
    const r = toRaw(v)
    if (width === 1) data[i] = r
    else data.set(r, i * width)
  })
  const nullCount = values.filter(v => v === null).length
  return A.makeVector(A.makeData({ type, length: values.length, nullCount, nullBitmap: bitmap(values), data }))
}

/** Little-endian two's complement words of a BigInt, for Decimal128/256 buffers. */
function decimalWords(bits) {
  return v => {
    const words = new Uint32Array(bits / 32)
    let x = BigInt.asUintN(bits, BigInt(v))
    for (let i = 0; i < words.length; i++) { words[i] = Number(x & 0xffffffffn); x >>= 32n }
    return words
  }
}

const i64 = (type, values) => raw(type, values, BigInt64Array, 1, v => BigInt(v))
const u64 = (type, values) => raw(type, values, BigUint64Array, 1, v => BigInt(v))
const dec = (precision, scale, bits, values) =>
  raw(new A.Decimal(scale, precision, bits), values, Uint32Array, bits / 32, decimalWords(bits))
const vec = (type, values) => A.vectorFromArray(values, type)
const field = (name, type, nullable = true) => new A.Field(name, type, nullable)
const enc = new TextEncoder()

// Twelve rows of edge cases per flat type.
function flatTable() {
  const TS = [0n, 1n, -1n, 1700000000123456789n, -1000000000000000001n, null, 9223372036854775807n,
    -9223372036854775807n, null, 951782400000000000n, 951782400000000000n, 999n]
  const WIDE_MS = [0n, 1n, -1n, -62135596800000n, 253402300799999n, null, 1700000000123n, -2208988800000n,
    null, 951782400000n, 951782400000n, 999n]
  const floorDiv = (a, b) => (a >= 0n ? a / b : -((-a + b - 1n) / b))
  const scaled = (values, div) => values.map(v => v === null ? null : floorDiv(v, div))
  const columns = {
    bool: vec(new A.Bool(), [true, false, null, true, true, false, null, true, true, true, false, true]),
    int8: vec(new A.Int8(), [0, 1, -128, 127, null, -1, 7, 7, 7, null, 42, -42]),
    int16: vec(new A.Int16(), [0, 1, -32768, 32767, null, -1, 7, 7, 7, null, 42, -42]),
    int32: vec(new A.Int32(), [0, 1, -2147483648, 2147483647, null, -1, 7, 7, 7, null, 42, -42]),
    int64: i64(new A.Int64(), [0n, 1n, -(2n ** 63n), 2n ** 63n - 1n, null, -1n, 9007199254740993n, 7n, 7n, null, 42n, -42n]),
    uint8: vec(new A.Uint8(), [0, 1, 255, 128, null, 200, 7, 7, 7, null, 42, 254]),
    uint16: vec(new A.Uint16(), [0, 1, 65535, 32768, null, 40000, 7, 7, 7, null, 42, 65534]),
    uint32: vec(new A.Uint32(), [0, 1, 4294967295, 2147483648, null, 3000000000, 7, 7, 7, null, 42, 4294967294]),
    uint64: u64(new A.Uint64(), [0n, 1n, 2n ** 64n - 1n, 2n ** 63n, null, 10n ** 19n, 7n, 7n, 7n, null, 42n, 2n ** 64n - 2n]),
    float32: raw(new A.Float32(), [0, -0, 1.5, -2.25, NaN, Infinity, -Infinity, null, 0.1, 3.4028234663852886e38, 1.401298464324817e-45, 3], Float32Array),
    float64: raw(new A.Float64(), [0, -0, 1.5, -2.25, NaN, Infinity, -Infinity, null, 0.1, 1.7976931348623157e308, 5e-324, 3], Float64Array),
    utf8: vec(new A.Utf8(), ['', 'a', 'héllo wörld', '日本語テキスト', 'emoji 😀🎉', null, 'quote " back \\ nl \n tab \t', 'x'.repeat(150), 'same', 'same', 'same', null]),
    large_utf8: vec(new A.LargeUtf8(), ['l', '', null, 'ü', 'same', 'same', 'same', 'z', 'y', 'x', 'w', 'v']),
    binary: vec(new A.Binary(), [new Uint8Array(), new Uint8Array([0]), new Uint8Array([255, 254, 0, 1]), null, enc.encode('abc'),
      new Uint8Array(32).map((_, i) => i), null, new Uint8Array([128, 128]), enc.encode('same'), enc.encode('same'), new Uint8Array([127]), new Uint8Array()]),
    fixed5: raw(new A.FixedSizeBinary(5), [enc.encode('aaaaa'), new Uint8Array(5), new Uint8Array(5).fill(255), null, enc.encode('hello'),
      enc.encode('same!'), enc.encode('same!'), null, new Uint8Array([1, 2, 3, 4, 5]), enc.encode('12345'), enc.encode('zzzzz'), new Uint8Array([0, 1, 0, 1, 0])], Uint8Array, 5),
    dec_9_2: dec(9, 2, 128, [0n, 1234n, -1234n, 999999999n, -999999999n, null, 1n, -1n, 10000n, null, 110n, 110n]),
    dec_18_4: dec(18, 4, 128, [0n, 999999999999999999n, -999999999999999999n, 10001n, null, -1n, 1234567891234n, null, 55000n, 55000n, 55000n, 9007199254740993n]),
    dec_38_10: dec(38, 10, 128, [0n, 10n ** 38n - 1n, -(10n ** 38n - 1n), 10000000001n, null, -1n, 123456789012345678901234567890n, null, 31415926536n, 31415926536n, 31415926536n, -20000000000n]),
    dec_50_5: dec(50, 5, 256, [0n, 10n ** 50n - 1n, -(10n ** 50n - 1n), 100001n, null, -1n, 12345678901234567890123456789012345678901234567890n, null, 7n, 7n, 7n, -250000n]),
    date32: raw(new A.DateDay(), [0, 11016, -25567, -719162, 2932896, null, -1, 20088, null, 18428, 18428, 18428], Int32Array),
    time32_ms: raw(new A.TimeMillisecond(), [0, 1, 86399999, 43200000, null, 12345678, 1000, 60000, 60000, 60000, 5, 86399000], Int32Array),
    time64_us: i64(new A.TimeMicrosecond(), [0n, 1n, 86399999999n, 43200000000n, null, 12345678901n, 1000n, 60000000n, 60000000n, 60000000n, 5n, 86399000000n]),
    time64_ns: i64(new A.TimeNanosecond(), [0n, 1n, 86399999999999n, 43200000000000n, null, 12345678901234n, 1000n, 60000000000n, 60000000000n, 60000000000n, 5n, 86399000000000n]),
    ts_ms: i64(new A.Timestamp(A.TimeUnit.MILLISECOND), WIDE_MS),
    ts_ms_utc: i64(new A.Timestamp(A.TimeUnit.MILLISECOND, 'UTC'), WIDE_MS),
    ts_us: i64(new A.Timestamp(A.TimeUnit.MICROSECOND), WIDE_MS.map(v => v === null ? null : v * 1000n)),
    ts_us_tz: i64(new A.Timestamp(A.TimeUnit.MICROSECOND, '+05:30'), scaled(TS, 1000n)),
    ts_ns: i64(new A.Timestamp(A.TimeUnit.NANOSECOND), TS),
    ts_ns_utc: i64(new A.Timestamp(A.TimeUnit.NANOSECOND, 'UTC'), TS),
    dict_str: vec(new A.Dictionary(new A.Utf8(), new A.Int32()), ['red', 'green', null, 'red', 'blü', 'red', 'green', null, 'red', 'red', 'blü', 'red']),
  }
  return new A.Table(columns)
}

function nestedTable() {
  const int32 = new A.Int32()
  const utf8 = new A.Utf8()
  const point = new A.Struct([field('x', new A.Float64()), field('label', utf8)])
  return new A.Table({
    list_int: vec(new A.List(field('item', int32)), [[1, 2, 3], [], null, [null], [null, 4], [5], [-2147483648, 2147483647], [6, 6, 6, 6, 6, 6], [], null]),
    list_str: vec(new A.List(field('item', utf8)), [['a', 'b'], [''], null, [null, '日本'], [], ['😀'], ['x', 'x', 'x'], null, ['long'.repeat(20)], []]),
    large_list: vec(new A.LargeList(field('item', new A.Int64())), [[1n], [], null, [2n, null], [-(2n ** 63n)], [], [4n], null, [5n, 6n, 7n], [8n]]),
    fixed_list: vec(new A.FixedSizeList(2, field('item', int32)), [[1, 2], [3, null], null, [null, null], [4, 5], [6, 7], null, [8, 9], [0, 0], [-1, -2]]),
    list_list: vec(new A.List(field('item', new A.List(field('item', int32)))), [[[1], [2, 3]], [[]], [null], null, [[null]], [[], []], [[4, 5, 6]], [null, [7]], [], [[8]]]),
    struct: vec(new A.Struct([field('a', int32), field('b', utf8)]), [{ a: 1, b: 'x' }, { a: null, b: 'y' }, null, { a: 3, b: null }, { a: null, b: null }, { a: 6, b: '' }, { a: 7, b: 'é' }, null, { a: 9, b: '9' }, { a: 10, b: '10' }]),
    struct_of_list: vec(new A.Struct([field('tags', new A.List(field('item', utf8))), field('n', int32)]),
      [{ tags: ['a'], n: 1 }, { tags: [], n: 2 }, { tags: null, n: 3 }, null, { tags: [null], n: null }, { tags: ['b', 'c'], n: 6 }, { tags: ['d'], n: 7 }, { tags: [], n: null }, null, { tags: ['e'], n: 10 }]),
    list_struct: vec(new A.List(field('item', point)), [[{ x: 1.5, label: 'p' }], [], null, [null], [{ x: null, label: null }, { x: -0, label: 'q' }], [{ x: Infinity, label: 'r' }], [{ x: 2, label: '' }, { x: 2, label: '' }], null, [], [{ x: 3, label: 's' }, null]]),
    map_str_int: vec(new A.Map_(field('entries', new A.Struct([field('key', utf8, false), field('value', int32)]), false)),
      [new Map([['a', 1], ['b', 2]]), new Map(), null, new Map([['c', null]]), new Map([['d', 4]]), new Map([['é', 5], ['😀', 6]]), new Map([['z', 7], ['a', 8]]), null, new Map([['k', 9]]), new Map()]),
    map_int_list: vec(new A.Map_(field('entries', new A.Struct([field('key', int32, false), field('value', new A.List(field('item', utf8)))]), false)),
      [new Map([[1, ['a']]]), new Map([[2, []]]), new Map([[3, null]]), null, new Map(), new Map([[10, ['b', null]]]), new Map([[3, ['c']], [1, ['d']]]), new Map([[-5, ['e']]]), null, new Map([[0, []]])]),
  })
}

function seriesTable(n = 600) {
  const nul = (i, v) => i % 17 === 5 ? null : v
  const range = f => Array.from({ length: n }, (_, i) => f(i))
  return new A.Table({
    i32: vec(new A.Int32(), range(i => nul(i, i % 50 ? (i * 7919) % 65536 - 32768 : (i % 100 ? 2147483647 : -2147483648)))),
    i64: i64(new A.Int64(), range(i => nul(i, i % 90 ? BigInt(i * i) * 1000003n - 10n ** 12n : (i % 180 ? 2n ** 63n - 1n : -(2n ** 63n))))),
    ts: i64(new A.Timestamp(A.TimeUnit.MICROSECOND, 'UTC'), range(i => nul(i, 1600000000000000n + BigInt(i) * 1234567n))),
    str: vec(new A.Utf8(), range(i => nul(i, i % 50 ? `key_${String(Math.floor(i / 10)).padStart(5, '0')}_${'é'.repeat(i % 4)}${i % 10}` : ''))),
    bin: vec(new A.Binary(), range(i => nul(i, new Uint8Array([1, 2, 3, i % 256, (i * 7) % 256]).subarray(0, i % 6)))),
    f32: raw(new A.Float32(), range(i => nul(i, i % 97 ? (i - 300) / 7 : NaN)), Float32Array),
    f64: raw(new A.Float64(), range(i => nul(i, i % 97 ? (i - 300) / 7 * 1e10 : -0)), Float64Array),
    flba: raw(new A.FixedSizeBinary(4), range(i => nul(i, new Uint8Array([i % 256, (i >> 8) % 256, 7, 255 - (i % 256)]))), Uint8Array, 4),
    flag: vec(new A.Bool(), range(i => nul(i, Math.floor(i / 3) % 2 === 0 || i % 11 === 0))),
    cat: vec(new A.Utf8(), range(i => nul(i, `category_${i % 23}`))),
    lst: vec(new A.List(field('item', new A.Int32())), range(i => i % 11 === 0 ? null : Array.from({ length: i % 6 }, (_, j) => j))),
  })
}

function write(name, table, configure = b => b) {
  const props = configure(new PW.WriterPropertiesBuilder().setCreatedBy('parquet-wasm (bundlebase interop corpus)')).build()
  const bytes = PW.writeParquet(PW.Table.fromIPCStream(A.tableToIPC(table, 'stream')), props)
  const filename = join(outDir, `${name}.parquet`)
  writeFileSync(filename, bytes)
  console.log(`${filename}: ${statSync(filename).size} bytes`)
}

const flat = flatTable()
const C = PW.Compression
for (const [label, codec] of [['uncompressed', C.UNCOMPRESSED], ['snappy', C.SNAPPY], ['gzip', C.GZIP], ['brotli', C.BROTLI],
  ['lz4_hadoop', C.LZ4], ['zstd', C.ZSTD], ['lz4_raw', C.LZ4_RAW]]) {
  write(`types_${label}_v1`, flat, b => b.setCompression(codec))
}
write('types_zstd_v2', flat, b => b.setCompression(C.ZSTD).setWriterVersion(PW.WriterVersion.V2))
write('types_lz4_hadoop_v2', flat, b => b.setCompression(C.LZ4).setWriterVersion(PW.WriterVersion.V2))
// Without dictionaries, v2 falls back to DELTA encodings. dict_str is left out: pyarrow cannot
// decode DELTA_BYTE_ARRAY into the Arrow dictionary column the ARROW:schema hint asks for
// ("Not yet implemented: DecodeArrow of DictAccumulator for DeltaByteArrayDecoder").
const undictionaried = flat.select(flat.schema.fields.map(f => f.name).filter(n => n !== 'dict_str'))
write('types_plain_v2', undictionaried, b => b.setDictionaryEnabled(false).setWriterVersion(PW.WriterVersion.V2))

const series = seriesTable()
const E = PW.Encoding
const encodings = {
  delta: { i32: E.DELTA_BINARY_PACKED, i64: E.DELTA_BINARY_PACKED, ts: E.DELTA_BINARY_PACKED, str: E.DELTA_LENGTH_BYTE_ARRAY, bin: E.DELTA_BYTE_ARRAY, cat: E.DELTA_BYTE_ARRAY, flba: E.DELTA_BYTE_ARRAY },
  byte_stream_split: { f32: E.BYTE_STREAM_SPLIT, f64: E.BYTE_STREAM_SPLIT, i32: E.BYTE_STREAM_SPLIT, i64: E.BYTE_STREAM_SPLIT },
  byte_stream_split_flba: { flba: E.BYTE_STREAM_SPLIT },
  rle_boolean: { flag: E.RLE },
}
for (const [label, byColumn] of Object.entries(encodings)) {
  for (const version of ['v1', 'v2']) {
    const columns = Object.keys(byColumn)
    const table = series.select(columns)
    write(`enc_${label}_${version}`, table, b => {
      b = b.setDictionaryEnabled(false).setCompression(C.SNAPPY).setDataPageSizeLimit(1024)
      if (version === 'v2') b = b.setWriterVersion(PW.WriterVersion.V2)
      for (const [column, encoding] of Object.entries(byColumn)) b = b.setColumnEncoding(column, encoding)
      return b
    })
  }
}
// Several row groups, small pages and a dictionary that overflows into PLAIN pages mid-chunk.
write('row_groups_pages_v1', series, b => b.setCompression(C.SNAPPY).setMaxRowGroupSize(250).setDataPageSizeLimit(256)
  .setWriteBatchSize(32).setDictionaryPageSizeLimit(200))
write('row_groups_pages_v2', series, b => b.setCompression(C.LZ4_RAW).setWriterVersion(PW.WriterVersion.V2)
  .setMaxRowGroupSize(200).setDataPageSizeLimit(256).setWriteBatchSize(32).setDictionaryPageSizeLimit(200))

const nested = nestedTable()
write('nested_v1', nested, b => b.setCompression(C.SNAPPY))
write('nested_v2_plain', nested, b => b.setCompression(C.GZIP).setWriterVersion(PW.WriterVersion.V2).setDictionaryEnabled(false))
write('nested_small_pages', nested, b => b.setCompression(C.ZSTD).setMaxRowGroupSize(3).setDataPageSizeLimit(16).setWriteBatchSize(2))
write('empty', flat.slice(0, 0), b => b.setCompression(C.SNAPPY))
