// Prints the canonical JSON dump (README.md) of a Parquet file as hyparquet reads it.
// Usage: node read_hyparquet.mjs FILE.parquet   (or --batch OUT_DIR FILE..., see canonical.mjs)
//
// hyparquet decodes pages, levels and encodings; hyparquet-compressors adds the codecs beyond
// snappy. Where hyparquet's default JS conversions would lose information, this script asks for
// the values it decoded before the lossy step instead of guessing afterwards:
//  - DECIMAL: hyparquet turns decimals into JS numbers (inexact past 15 digits). The DECIMAL
//    annotation is removed from the parsed footer so hyparquet hands back the unscaled physical
//    integers / bytes, and the scale is applied here exactly.
//  - MAP: hyparquet turns maps into JS objects (keys become strings, order and duplicates lost).
//    The MAP annotation is removed so hyparquet assembles the plain repeated key_value group,
//    which keeps every entry in order with typed keys.
//  - timestamps / INT96: custom parsers keep the integer count (default: JS Date, milliseconds).
//  - JSON: kept as the stored text (default: parsed); UUID: kept as bytes.
// One workaround (listed in interop.py's EXCEPTIONS): hyparquet-compressors' LZ4 decoders throw
// on a block that decodes to zero bytes (a lone 0x00 token, valid LZ4 that Arrow C++ writes for
// an empty dictionary or value section); the only correct output, an empty buffer, is returned
// here instead of calling them.
import { readFileSync } from 'node:fs'
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet'
import { compressors as peerCompressors } from 'hyparquet-compressors'
import * as C from './canonical.mjs'

const compressors = { ...peerCompressors }
for (const codec of ['LZ4', 'LZ4_RAW']) {
  const decompress = peerCompressors[codec]
  compressors[codec] = (input, outputLength) => outputLength === 0 ? new Uint8Array(0) : decompress(input, outputLength)
}

const decoder = new TextDecoder()
const TS = Symbol('timestamp ns')

const parsers = {
  timestampFromMilliseconds: v => ({ [TS]: BigInt(v) * 1000000n }),
  timestampFromMicroseconds: v => ({ [TS]: BigInt(v) * 1000n }),
  timestampFromNanoseconds: v => ({ [TS]: BigInt(v) }),
  dateFromDays: days => days,
  stringFromBytes: bytes => bytes && decoder.decode(bytes),
  jsonFromBytes: bytes => bytes && decoder.decode(bytes),
  uuidFromBytes: bytes => bytes,
}

/** Strip the annotations whose hyparquet conversion is lossy; remember what they were. */
function stripLossyAnnotations(metadata) {
  const original = new Map()
  for (const element of metadata.schema) {
    const isDecimal = element.converted_type === 'DECIMAL' || element.logical_type?.type === 'DECIMAL'
    const isMap = element.converted_type === 'MAP' || element.logical_type?.type === 'MAP'
    if (isDecimal || isMap) {
      original.set(element, { converted_type: element.converted_type, logical_type: element.logical_type })
      delete element.converted_type
      delete element.logical_type
    }
  }
  return original
}

function dump(path) {
  const bytes = readFileSync(path)
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  const metadata = parquetMetadata(file)
  const original = stripLossyAnnotations(metadata)
  const schema = parquetSchema(metadata)
  return parquetReadObjects({ file, metadata, compressors, parsers, utf8: false }).then(rows => {
    const columns = schema.children.map(c => c.element.name)
    return { columns, rows: rows.map(row => schema.children.map(c => canon(c, row[c.element.name], original))) }
  })
}

function annotation(element, original) {
  const o = original.get(element) ?? element
  return { ctype: o.converted_type, ltype: o.logical_type }
}

/** The canonical form of one value, following the schema node hyparquet assembled it from. */
function canon(node, value, original) {
  if (value === null || value === undefined) return null
  const { element, children } = node
  const { ctype, ltype } = annotation(element, original)
  if (children.length) {
    if (ctype === 'MAP' || ltype?.type === 'MAP') {
      // the stripped map arrives as { key_value: [{ key, value }, ...] }
      const kv = children[0]
      const [keyNode, valueNode] = kv.children
      const entries = value[kv.element.name] ?? []
      return { map: entries.map(e => [canon(keyNode, e[keyNode.element.name], original),
        canon(valueNode, e[valueNode.element.name], original)]) }
    }
    if (isListLike(node)) {
      let elementNode = children[0]
      if (elementNode.children.length === 1) elementNode = elementNode.children[0]
      return value.map(v => canon(elementNode, v, original))
    }
    if (element.repetition_type === 'REPEATED') {
      return value.map(v => canonStruct(node, v, original))
    }
    return canonStruct(node, value, original)
  }
  return canonLeaf(element, value, ctype, ltype)
}

function canonStruct(node, value, original) {
  if (value === null || value === undefined) return null
  const out = {}
  for (const child of node.children) out[child.element.name] = canon(child, value[child.element.name], original)
  return { struct: out }
}

// hyparquet's own rule (schema.js isListLike): a LIST group with one repeated child.
function isListLike(node) {
  if (node.element.converted_type !== 'LIST' || node.children.length > 1) return false
  const first = node.children[0]
  return first.children.length <= 1 && first.element.repetition_type === 'REPEATED'
}

function canonLeaf(element, value, ctype, ltype) {
  const type = element.type
  if (ctype === 'DECIMAL' || ltype?.type === 'DECIMAL') {
    const scale = ltype?.scale ?? element.scale ?? 0
    const unscaled = value instanceof Uint8Array ? C.bigEndianSigned(value) : BigInt(value)
    return { dec: C.decimalText(unscaled, scale) }
  }
  if (value[TS] !== undefined) {
    // INT96 carries no annotation and is never UTC-adjusted; legacy TIMESTAMP_* converted types are.
    const utc = type === 'INT96' ? false : ltype?.type === 'TIMESTAMP' ? !!ltype.isAdjustedToUTC : true
    return { ts: value[TS].toString(), utc }
  }
  if (ctype === 'DATE' || ltype?.type === 'DATE') return { date: C.dateText(value) }
  if (ltype?.type === 'TIME' || ctype === 'TIME_MILLIS' || ctype === 'TIME_MICROS') {
    const unit = ltype?.type === 'TIME' ? ltype.unit : ctype === 'TIME_MILLIS' ? 'MILLIS' : 'MICROS'
    return { time: (BigInt(value) * C.UNIT_NS[unit]).toString() }
  }
  switch (type) {
  case 'BOOLEAN': return value
  case 'INT32':
  case 'INT64': {
    const unsigned = ltype?.type === 'INTEGER' ? !ltype.isSigned : /^UINT_/.test(ctype ?? '')
    const bits = type === 'INT32' ? 32 : 64
    return { int: (unsigned ? BigInt.asUintN(bits, BigInt(value)) : BigInt(value)).toString() }
  }
  case 'FLOAT': return C.float32(value)
  case 'DOUBLE': return C.float64(value)
  case 'BYTE_ARRAY':
  case 'FIXED_LEN_BYTE_ARRAY':
    if (typeof value === 'string') return value
    if (ctype === 'ENUM' || ltype?.type === 'ENUM') return decoder.decode(value)
    return { hex: C.hex(value) }
  default:
    throw new Error(`no canonical form for ${type} ${ctype ?? ''} ${JSON.stringify(ltype ?? null)}`)
  }
}

C.readerMain('read_hyparquet.mjs', dump).catch(e => {
  process.stderr.write(`read_hyparquet: ${e.stack ?? e}\n`)
  process.exit(1)
})
