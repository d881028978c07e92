// Canonical JSON dump helpers shared by read_hyparquet.mjs and read_parquet_wasm.mjs.
// The canonical form is specified in README.md ("Canonical dump"); canonical.py is the Python twin.
// Every integer leaves as a decimal string (BigInt where needed), so nothing passes through a
// lossy JS number except float values, which are exact doubles anyway.

export const FORMAT = 'bundlebase-parquet-canonical/1'

/** A float64 as its shortest round-trip decimal (JS style; the comparator parses it). */
export function floatText(v) {
  if (Number.isNaN(v)) return 'NaN'
  if (v === Infinity) return 'Infinity'
  if (v === -Infinity) return '-Infinity'
  if (Object.is(v, -0)) return '-0.0'
  return String(v)
}

export const float64 = v => ({ float: floatText(Number(v)) })
export const float32 = v => ({ float32: floatText(Math.fround(Number(v))) })
export const int = v => ({ int: BigInt(v).toString() })

/** Lower-case hex of a byte array. */
export function hex(bytes) {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

/** Two's complement big-endian bytes as a BigInt (Parquet DECIMAL in BYTE_ARRAY / FLBA). */
export function bigEndianSigned(bytes) {
  if (!bytes.length) return 0n
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  return BigInt.asIntN(bytes.length * 8, v)
}

/** Exact decimal string of unscaled * 10^-scale with exactly `scale` fraction digits. */
export function decimalText(unscaled, scale) {
  unscaled = BigInt(unscaled)
  const neg = unscaled < 0n
  let digits = (neg ? -unscaled : unscaled).toString()
  if (scale <= 0) return unscaled === 0n ? '0' : (neg ? '-' : '') + digits + '0'.repeat(-scale)
  digits = digits.padStart(scale + 1, '0')
  return (neg ? '-' : '') + digits.slice(0, -scale) + '.' + digits.slice(-scale)
}

/** Days since 1970-01-01 as YYYY-MM-DD, proleptic Gregorian (H. Hinnant's civil_from_days). */
export function dateText(days) {
  const z = Number(days) + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  const yyyy = y < 0 ? '-' + String(-y).padStart(4, '0') : String(y).padStart(4, '0')
  return `${yyyy}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export const UNIT_NS = { MILLIS: 1000000n, MICROS: 1000n, NANOS: 1n }

/** A canonical document as text: one row per line, like canonical.py. */
export function render({ columns, rows }) {
  const parts = [`{"format": ${JSON.stringify(FORMAT)},\n "columns": ${JSON.stringify(columns)},\n "rows": [`]
  rows.forEach((row, i) => parts.push((i ? ',\n  ' : '\n  ') + JSON.stringify(row)))
  parts.push('\n ]}\n')
  return parts.join('')
}

/**
 * Command line of a peer reader (same as canonical.py's reader_main): `FILE` prints one dump;
 * `--batch DIR FILE...` writes DIR/<i>.json per file, or DIR/<i>.err with the error.
 * dump(path) returns (a promise of) { columns, rows }.
 */
export async function readerMain(name, dump) {
  const args = process.argv.slice(2)
  if (args.length === 1 && !args[0].startsWith('--')) {
    process.stdout.write(render(await dump(args[0])))
    return
  }
  if (args.length >= 2 && args[0] === '--batch') {
    const { writeFileSync } = await import('node:fs')
    for (const [i, path] of args.slice(2).entries()) {
      try {
        writeFileSync(`${args[1]}/${i}.json`, render(await dump(path)))
      } catch (e) {
        writeFileSync(`${args[1]}/${i}.err`, `${e?.message ?? e}\n`)
      }
    }
    return
  }
  process.stderr.write(`usage: ${name} FILE.parquet | ${name} --batch OUT_DIR FILE.parquet...\n`)
  process.exit(2)
}
