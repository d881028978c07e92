// Prints the canonical JSON dump (README.md) of a Parquet file as parquet-wasm reads it.
// Usage: node read_parquet_wasm.mjs FILE.parquet   (or --batch OUT_DIR FILE..., see canonical.mjs)
//
// parquet-wasm is the Rust arrow-rs Parquet reader compiled to WebAssembly. It returns an Arrow
// table, handed to apache-arrow (JS) as an IPC stream. This script walks the Arrow buffers
// itself (validity bits, offsets, raw values) rather than calling Vector.get(), which would turn
// 64-bit timestamps and decimals into lossy JS numbers.
import { readFileSync } from 'node:fs'
import { Type, tableFromIPC } from 'apache-arrow'
import { readParquet } from 'parquet-wasm'
import * as C from './canonical.mjs'

const decoder = new TextDecoder()
const TIME_UNIT_NS = [1000000000n, 1000000n, 1000n, 1n] // arrow TimeUnit SECOND..NANOSECOND

function valid(data, i) {
  if (data.typeId === Type.Null) return false
  if (!data.nullBitmap || !data.nullBitmap.length || data.nullCount === 0) return true
  const j = data.offset + i
  return (data.nullBitmap[j >> 3] >> (j & 7)) & 1
}

function view(typed) {
  return new DataView(typed.buffer, typed.byteOffset, typed.byteLength)
}

function int64At(data, i, signed = true) {
  const dv = view(data.values)
  const at = (data.offset + i) * 8
  return signed ? dv.getBigInt64(at, true) : dv.getBigUint64(at, true)
}

function bytesAt(data, i) {
  const o = data.valueOffsets
  const j = data.offset + i
  return data.values.subarray(Number(o[j]), Number(o[j + 1]))
}

function viewBytesAt(data, i) {
  // Binary/Utf8View: 16-byte views; inline when length <= 12, else buffer index + offset.
  const dv = view(data.values)
  const at = (data.offset + i) * 16
  const len = dv.getInt32(at, true)
  if (len <= 12) return data.values.subarray(at + 4, at + 4 + len)
  const buf = dv.getInt32(at + 8, true)
  const off = dv.getInt32(at + 12, true)
  return data.variadicBuffers[buf].subarray(off, off + len)
}

/** Canonical values of one Arrow Data chunk, one per slot. */
function canonData(data) {
  const n = data.length
  const t = data.type
  const out = new Array(n)
  const each = f => { for (let i = 0; i < n; i++) out[i] = valid(data, i) ? f(i) : null; return out }
  switch (t.typeId) {
  case Type.Null: return out.fill(null)
  case Type.Bool: return each(i => {
    const j = data.offset + i
    return ((data.values[j >> 3] >> (j & 7)) & 1) === 1
  })
  case Type.Int:
    if (t.bitWidth === 64) return each(i => C.int(int64At(data, i, t.isSigned)))
    return each(i => C.int(data.values[data.offset + i]))
  case Type.Float: {
    const f = t.precision === 2 ? C.float64 : C.float32
    if (t.precision === 0) { // HALF: stored as uint16 bits
      return each(i => C.float32(halfToNumber(data.values[data.offset + i])))
    }
    return each(i => f(data.values[data.offset + i]))
  }
  case Type.Utf8:
  case Type.LargeUtf8: return each(i => decoder.decode(bytesAt(data, i)))
  case Type.Binary:
  case Type.LargeBinary: return each(i => ({ hex: C.hex(bytesAt(data, i)) }))
  case Type.Utf8View: return each(i => decoder.decode(viewBytesAt(data, i)))
  case Type.BinaryView: return each(i => ({ hex: C.hex(viewBytesAt(data, i)) }))
  case Type.FixedSizeBinary: {
    const w = t.byteWidth
    return each(i => ({ hex: C.hex(data.values.subarray((data.offset + i) * w, (data.offset + i + 1) * w)) }))
  }
  case Type.Decimal: {
    const bytes = t.bitWidth / 8
    const raw = new Uint8Array(data.values.buffer, data.values.byteOffset, data.values.byteLength)
    return each(i => {
      const le = raw.subarray((data.offset + i) * bytes, (data.offset + i + 1) * bytes)
      return { dec: C.decimalText(C.bigEndianSigned(Uint8Array.from(le).reverse()), t.scale) }
    })
  }
  case Type.Date:
    if (t.unit === 0) return each(i => ({ date: C.dateText(data.values[data.offset + i]) })) // DAY
    return each(i => ({ date: C.dateText(int64At(data, i) / 86400000n) }))
  case Type.Time: {
    const f = TIME_UNIT_NS[t.unit]
    if (t.bitWidth === 64) return each(i => ({ time: (int64At(data, i) * f).toString() }))
    return each(i => ({ time: (BigInt(data.values[data.offset + i]) * f).toString() }))
  }
  case Type.Timestamp: {
    const f = TIME_UNIT_NS[t.unit]
    const utc = t.timezone !== null && t.timezone !== undefined && t.timezone !== ''
    return each(i => ({ ts: (int64At(data, i) * f).toString(), utc }))
  }
  case Type.List:
  case Type.LargeList: {
    const child = canonData(data.children[0])
    const o = data.valueOffsets
    return each(i => child.slice(Number(o[data.offset + i]), Number(o[data.offset + i + 1])))
  }
  case Type.FixedSizeList: {
    const child = canonData(data.children[0])
    const k = t.listSize
    return each(i => child.slice((data.offset + i) * k, (data.offset + i + 1) * k))
  }
  case Type.Map: {
    const entries = canonData(data.children[0])
    const o = data.valueOffsets
    return each(i => ({
      map: entries.slice(o[data.offset + i], o[data.offset + i + 1]).map(e => {
        const [k, v] = Object.values(e.struct)
        return [k, v]
      }),
    }))
  }
  case Type.Struct: {
    const names = t.children.map(f => f.name)
    const children = data.children.map(canonData)
    return each(i => {
      const s = {}
      names.forEach((name, j) => { s[name] = children[j][i] })
      return { struct: s }
    })
  }
  case Type.Dictionary: {
    const dict = data.dictionary.data.flatMap(canonData)
    return each(i => dict[Number(data.values[data.offset + i])])
  }
  default:
    throw new Error(`no canonical form for Arrow type ${t}`)
  }
}

function halfToNumber(bits) {
  const sign = bits >> 15 ? -1 : 1
  const exp = (bits >> 10) & 0x1f
  const frac = bits & 0x3ff
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024)
  if (exp === 0x1f) return frac ? NaN : sign * Infinity
  return sign * 2 ** (exp - 15) * (1 + frac / 1024)
}

function dump(path) {
  const wasmTable = readParquet(new Uint8Array(readFileSync(path)))
  const table = tableFromIPC(wasmTable.intoIPCStream())
  const columns = table.schema.fields.map(f => f.name)
  const values = columns.map((_, j) => table.getChildAt(j).data.flatMap(canonData))
  const rows = []
  for (let i = 0; i < table.numRows; i++) rows.push(values.map(col => col[i]))
  return { columns, rows }
}

C.readerMain('read_parquet_wasm.mjs', dump).catch(e => {
  process.stderr.write(`read_parquet_wasm: ${e.stack ?? e}\n`)
  process.exit(1)
})
