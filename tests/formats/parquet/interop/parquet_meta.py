"""What a Parquet file is made of: codecs, encodings, page types and leaf column types.

interop.py uses this to decide which peer exceptions apply to a file (for example "hyparquet
cannot decompress LZO") and to print the corpus coverage table. It reads the footer and every page
header with a small Thrift compact-protocol decoder, because pyarrow's metadata API does not tell
data page v1 from v2 nor the Hadoop LZ4 codec from LZ4_RAW. It decodes page contents in one
case only: the block headers of DELTA_BINARY_PACKED pages, to find miniblocks wider than the
column's type (DuckDB writes 33-bit deltas for INT32, which some peers reject).
"""
import struct

import pyarrow as pa

PHYSICAL = ["BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"]
CONVERTED = ["UTF8", "MAP", "MAP_KEY_VALUE", "LIST", "ENUM", "DECIMAL", "DATE", "TIME_MILLIS", "TIME_MICROS",
             "TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "UINT_8", "UINT_16", "UINT_32", "UINT_64", "INT_8", "INT_16",
             "INT_32", "INT_64", "JSON", "BSON", "INTERVAL"]
REPETITION = ["REQUIRED", "OPTIONAL", "REPEATED"]
CODECS = ["UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"]
ENCODINGS = {0: "PLAIN", 2: "PLAIN_DICTIONARY", 3: "RLE", 4: "BIT_PACKED", 5: "DELTA_BINARY_PACKED",
             6: "DELTA_LENGTH_BYTE_ARRAY", 7: "DELTA_BYTE_ARRAY", 8: "RLE_DICTIONARY", 9: "BYTE_STREAM_SPLIT"}
PAGE_TYPES = ["DATA_PAGE", "INDEX_PAGE", "DICTIONARY_PAGE", "DATA_PAGE_V2"]
LOGICAL = {1: "STRING", 2: "MAP", 3: "LIST", 4: "ENUM", 5: "DECIMAL", 6: "DATE", 7: "TIME", 8: "TIMESTAMP",
           10: "INTEGER", 11: "UNKNOWN", 12: "JSON", 13: "BSON", 14: "UUID", 15: "FLOAT16", 16: "VARIANT",
           17: "GEOMETRY", 18: "GEOGRAPHY"}
TIME_UNITS = {1: "MILLIS", 2: "MICROS", 3: "NANOS"}


class _Compact:
    """Decodes Thrift compact-protocol structs into {field id: value} dicts."""

    def __init__(self, data, pos=0):
        self.data, self.pos = data, pos
        self.anomalies = set()  # tolerated oddities, e.g. an empty list with no element type

    def byte(self):
        b = self.data[self.pos]
        self.pos += 1
        return b

    def varint(self):
        shift = result = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return result

    def zigzag(self):
        n = self.varint()
        return (n >> 1) ^ -(n & 1)

    def value(self, ttype):
        if ttype in (1, 2):
            return ttype == 1
        if ttype == 3:
            return struct.unpack("b", bytes([self.byte()]))[0]
        if ttype in (4, 5, 6):
            return self.zigzag()
        if ttype == 7:
            self.pos += 8
            return struct.unpack("<d", self.data[self.pos - 8:self.pos])[0]
        if ttype == 8:
            n = self.varint()
            self.pos += n
            return bytes(self.data[self.pos - n:self.pos])
        if ttype in (9, 10):
            head = self.byte()
            size, etype = head >> 4, head & 0x0F
            if size == 15:
                size = self.varint()
            if size == 0 and etype == 0:
                self.anomalies.add("empty list without element type")
            if etype in (1, 2):
                return [self.byte() == 1 for _ in range(size)]
            return [self.value(etype) for _ in range(size)]
        if ttype == 11:
            size = self.varint()
            if not size:
                return {}
            kv = self.byte()
            return {self.value(kv >> 4): self.value(kv & 0x0F) for _ in range(size)}
        if ttype == 12:
            return self.struct()
        raise ValueError(f"bad thrift type {ttype} at {self.pos}")

    def struct(self):
        out, last = {}, 0
        while True:
            head = self.byte()
            if head == 0:
                return out
            delta, ttype = head >> 4, head & 0x0F
            fid = last + delta if delta else self.zigzag()
            out[fid] = self.value(ttype)
            last = fid


class _Column:
    """One column chunk being walked: its codec, physical type and schema path."""

    def __init__(self, codec, physical, path):
        self.codec, self.physical, self.path = codec, physical, path
        self.max_rep = sum(n["repetition"] == "REPEATED" for n in path)
        self.max_def = sum(n["repetition"] != "REQUIRED" for n in path)
        leaf = path[-1] if path else {}
        self.is_decimal = (leaf.get("logical") or {}).get("type") == "DECIMAL" or leaf.get("converted") == "DECIMAL"

    def values(self, data, pos, header):
        """The decompressed value section of a data or dictionary page (levels skipped)."""
        page = bytes(data[pos:pos + header[3]])
        if 8 in header:  # v2: levels stay uncompressed in front of the values
            v2 = header[8]
            skip = v2.get(5, 0) + v2.get(6, 0)
            values = page[skip:]
            return _decompress(values, self.codec, header[2] - skip) if v2.get(7, True) is not False else values
        values = _decompress(page, self.codec, header[2])
        if 5 in header:  # v1 data page: rep then def levels, each with a 4-byte length
            for present in (self.max_rep, self.max_def):
                if present:
                    values = values[4 + struct.unpack("<I", values[:4])[0]:]
        return values


def _delta_too_wide(values, physical):
    """Whether DELTA_BINARY_PACKED data has a miniblock wider than its physical type."""
    r = _Compact(values)
    block, miniblocks, total = r.varint(), r.varint(), r.varint()
    r.zigzag()
    per_mini, seen, limit = block // miniblocks, 1, 32 if physical == "INT32" else 64
    while seen < total:
        r.zigzag()
        widths = [r.byte() for _ in range(miniblocks)]
        for w in widths:
            if seen >= total:
                break
            if w > limit:
                return True
            r.pos += w * per_mini // 8
            seen += per_mini
    return False


def _has_empty_byte_array(values):
    """Whether PLAIN BYTE_ARRAY data holds a zero-length value."""
    pos = 0
    while pos + 4 <= len(values):
        n = struct.unpack("<I", values[pos:pos + 4])[0]
        if n == 0:
            return True
        pos += 4 + n
    return False


def _decompress(buf, codec, size):
    if codec == "UNCOMPRESSED":
        return buf
    if codec == "LZ4":  # Hadoop framing: big-endian sizes around LZ4 blocks
        out, i = b"", 0
        while i < len(buf):
            raw_size, comp_size = struct.unpack(">II", buf[i:i + 8])
            out += pa.decompress(buf[i + 8:i + 8 + comp_size], raw_size, codec="lz4_raw", asbytes=True)
            i += 8 + comp_size
        return out
    return pa.decompress(buf, size, codec=codec.lower(), asbytes=True)


def _logical(lt):
    if not lt:
        return None
    (kind, body), = lt.items()
    out = {"type": LOGICAL.get(kind, f"#{kind}")}
    if kind == 5:
        out.update(scale=body.get(1), precision=body.get(2))
    elif kind in (7, 8):
        out.update(utc=body.get(1), unit=TIME_UNITS[next(iter(body.get(2, {1: 0})))])
    elif kind == 10:
        out.update(bits=body.get(1), signed=body.get(2))
    return out


class FileInfo:
    """The facts about one Parquet file that the harness needs."""

    def __init__(self, path):
        with open(path, "rb") as f:
            data = f.read()
        if data[:4] != b"PAR1" or data[-4:] != b"PAR1":
            raise ValueError(f"{path}: not a Parquet file")
        footer_len = struct.unpack("<I", data[-8:-4])[0]
        footer = _Compact(data, len(data) - 8 - footer_len)
        meta = footer.struct()
        self.footer_anomalies = footer.anomalies
        self.path = path
        self.leaves = self._leaves(meta.get(2, []))
        # encodings: of the data pages only (a dictionary page is always PLAIN or PLAIN_DICTIONARY)
        self.codecs, self.encodings, self.page_types = set(), set(), set()
        # (physical type, data page encoding) pairs, e.g. ("FIXED_LEN_BYTE_ARRAY", "BYTE_STREAM_SPLIT")
        self.column_encodings = set()
        # physical types with a DELTA_BINARY_PACKED miniblock wider than the type (INT32: > 32 bits)
        self.wide_delta_types = set()
        # codecs that compress some page (or v2 value section) of zero bytes
        self.empty_compressed_pages = set()
        self.row_groups = len(meta.get(4, []))
        self.pages = 0
        # BYTE_ARRAY DECIMAL columns holding a zero-length value (hyparquet-writer writes 0 so)
        self.empty_byte_array_decimals = False
        by_path = {tuple(n["name"] for n in path): path for path in self.leaves}
        for rg in meta.get(4, []):
            for chunk in rg.get(1, []):
                cm = chunk.get(3, {})
                path = by_path.get(tuple(p.decode("utf-8", "replace") for p in cm.get(3, [])), [])
                column = _Column(CODECS[cm.get(4, 0)], PHYSICAL[cm.get(1, 0)], path)
                self.codecs.add(column.codec)
                offsets = [o for o in (cm.get(9), cm.get(11)) if o]
                if offsets:
                    self._walk_pages(data, min(offsets), min(offsets) + cm.get(7, 0), column)

    def _walk_pages(self, data, pos, end, column):
        while pos < end:
            reader = _Compact(data, pos)
            header = reader.struct()
            body_start, pos = reader.pos, reader.pos + header[3]
            page_type = PAGE_TYPES[header[1]]
            self.page_types.add(page_type)
            compressed_bytes = header[2]
            if page_type == "DATA_PAGE_V2":
                v2 = header[8]
                compressed_bytes -= v2.get(5, 0) + v2.get(6, 0)
                if v2.get(7, True) is False:
                    compressed_bytes = -1
            if compressed_bytes == 0 and column.codec != "UNCOMPRESSED":
                self.empty_compressed_pages.add(column.codec)
            if page_type == "DICTIONARY_PAGE":
                encoding = "PLAIN"
            elif page_type in ("DATA_PAGE", "DATA_PAGE_V2"):
                body, field = (header[5], 2) if page_type == "DATA_PAGE" else (header[8], 4)
                encoding = ENCODINGS.get(body[field], f"#{body[field]}")
                self.encodings.add(encoding)
                self.column_encodings.add((column.physical, encoding))
                self.pages += 1
            else:
                continue
            if encoding == "DELTA_BINARY_PACKED" and column.physical in ("INT32", "INT64"):
                if _delta_too_wide(column.values(data, body_start, header), column.physical):
                    self.wide_delta_types.add(column.physical)
            if encoding == "PLAIN" and column.physical == "BYTE_ARRAY" and column.is_decimal:
                if _has_empty_byte_array(column.values(data, body_start, header)):
                    self.empty_byte_array_decimals = True

    @staticmethod
    def _leaves(schema):
        """Leaf columns with their full path of schema elements (root excluded)."""
        leaves, stack = [], []
        elements = [{
            "name": e.get(4, b"").decode("utf-8", "replace"),
            "physical": PHYSICAL[e[1]] if 1 in e else None,
            "type_length": e.get(2),
            "repetition": REPETITION[e[3]] if 3 in e else None,
            "children": e.get(5, 0),
            "converted": CONVERTED[e[6]] if 6 in e else None,
            "scale": e.get(7), "precision": e.get(8),
            "logical": _logical(e.get(10)),
        } for e in schema]
        i = 1
        remaining = [elements[0]["children"]] if elements else []
        while i < len(elements):
            e = elements[i]
            while remaining and remaining[-1] == 0:
                remaining.pop()
                stack.pop()
            remaining[-1] -= 1
            if e["children"]:
                stack.append(e)
                remaining.append(e["children"])
            else:
                leaves.append(stack + [e])
            i += 1
        return leaves

    def leaf_types(self):
        """A short label per leaf, e.g. 'INT64/TIMESTAMP(MICROS,utc)' or 'FIXED_LEN_BYTE_ARRAY/DECIMAL(38,10)'."""
        labels = set()
        for path in self.leaves:
            leaf = path[-1]
            labels.add(_label(leaf))
            for node in path[:-1]:
                kind = (node["logical"] or {}).get("type") or node["converted"]
                labels.add("group/" + (kind if kind in ("LIST", "MAP", "MAP_KEY_VALUE") else "STRUCT")
                           if node["repetition"] != "REPEATED" else "group/REPEATED")
        return labels


def _label(leaf):
    lt, ct = leaf["logical"], leaf["converted"]
    if lt:
        extra = ""
        if lt["type"] == "DECIMAL":
            extra = f"({lt['precision']},{lt['scale']})"
        elif lt["type"] in ("TIME", "TIMESTAMP"):
            extra = f"({lt['unit']},{'utc' if lt['utc'] else 'local'})"
        elif lt["type"] == "INTEGER":
            extra = f"({lt['bits']},{'signed' if lt['signed'] else 'unsigned'})"
        kind = lt["type"] + extra
    elif ct:
        kind = ct + (f"({leaf['precision']},{leaf['scale']})" if ct == "DECIMAL" else "")
    else:
        kind = "-"
    return f"{leaf['physical']}/{kind}"
