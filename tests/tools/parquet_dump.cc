// parquet_dump FILE: prints a Parquet file as read by our reader in the canonical JSON form of
// the interoperability harness (tests/formats/parquet/interop/README.md), so its values can be
// compared with what pyarrow, DuckDB, hyparquet and parquet-wasm read from the same file.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>

#include "columnar/value_formatting.h"
#include "formats/parquet/file_reader.h"
#include "io/local_file_system.h"

namespace bundlebase::parquet {
namespace {

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void Tagged(const char* tag, std::string_view value, std::string* out) {
  *out += "{\"";
  *out += tag;
  *out += "\": ";
  AppendJsonString(value, out);
  *out += '}';
}

template <typename F>
std::string FloatText(F v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string Int128Text(__int128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  std::string s;
  while (u) {
    s.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  if (neg) s.push_back('-');
  return std::string(s.rbegin(), s.rend());
}

std::string DecimalText(__int128 unscaled, int scale) {
  bool neg = unscaled < 0;
  std::string digits = Int128Text(unscaled);
  if (neg) digits.erase(0, 1);
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) {
      digits.insert(0, static_cast<size_t>(scale) - digits.size() + 1, '0');
    }
    digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  }
  return neg ? "-" + digits : digits;
}

std::string Hex(std::string_view bytes) {
  static const char* k = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(k[c >> 4]);
    out.push_back(k[c & 15]);
  }
  return out;
}

class Dumper {
 public:
  explicit Dumper(const ParquetSchema& schema) : schema_(schema) {}

  void Value(const SchemaNode& node, const Array& a, int64_t i, std::string* out) {
    if (a.IsNull(i)) {
      *out += "null";
      return;
    }
    switch (node.kind) {
      case SchemaNode::Kind::kStruct: {
        *out += "{\"struct\": {";
        for (size_t c = 0; c < node.children.size(); ++c) {
          if (c) *out += ", ";
          AppendJsonString(node.children[c].field.name, out);
          *out += ": ";
          Value(node.children[c], *a.child(static_cast<int>(c)), i, out);
        }
        *out += "}}";
        return;
      }
      case SchemaNode::Kind::kList: {
        const int32_t* o = a.offsets();
        const SchemaNode& element = node.children[0];
        const Array& items = *a.child(0);
        *out += node.is_map ? "{\"map\": [" : "[";
        for (int32_t k = o[i]; k < o[i + 1]; ++k) {
          if (k > o[i]) *out += ", ";
          if (node.is_map) {
            *out += '[';
            Value(element.children[0], *items.child(0), k, out);
            *out += ", ";
            Value(element.children[1], *items.child(1), k, out);
            *out += ']';
          } else {
            Value(element, items, k, out);
          }
        }
        *out += node.is_map ? "]}" : "]";
        return;
      }
      case SchemaNode::Kind::kLeaf:
        Leaf(schema_.leaves()[node.leaf], a, i, out);
        return;
    }
  }

 private:
  void Leaf(const LeafColumn& leaf, const Array& a, int64_t i, std::string* out) {
    const DataType& t = *a.type();
    switch (t.id()) {
      case TypeId::kBool: *out += a.GetBool(i) ? "true" : "false"; return;
      case TypeId::kInt8: Tagged("int", std::to_string(a.values<int8_t>()[i]), out); return;
      case TypeId::kInt16: Tagged("int", std::to_string(a.values<int16_t>()[i]), out); return;
      case TypeId::kInt32: Tagged("int", std::to_string(a.values<int32_t>()[i]), out); return;
      case TypeId::kInt64: Tagged("int", std::to_string(a.values<int64_t>()[i]), out); return;
      case TypeId::kUInt8: Tagged("int", std::to_string(a.values<uint8_t>()[i]), out); return;
      case TypeId::kUInt16: Tagged("int", std::to_string(a.values<uint16_t>()[i]), out); return;
      case TypeId::kUInt32: Tagged("int", std::to_string(a.values<uint32_t>()[i]), out); return;
      case TypeId::kUInt64: Tagged("int", std::to_string(a.values<uint64_t>()[i]), out); return;
      case TypeId::kFloat32:
        if (leaf.conversion == LeafConversion::kFloat16) {
          Tagged("float32", FloatText(a.values<float>()[i]), out);
        } else {
          Tagged("float32", FloatText(a.values<float>()[i]), out);
        }
        return;
      case TypeId::kFloat64: Tagged("float", FloatText(a.values<double>()[i]), out); return;
      case TypeId::kDecimal128:
        Tagged("dec", DecimalText(a.values<__int128>()[i], t.scale()), out);
        return;
      case TypeId::kDate32: Tagged("date", FormatDate32(a.values<int32_t>()[i]), out); return;
      case TypeId::kTime64: {
        int64_t v = a.values<int64_t>()[i];
        Tagged("time", std::to_string(t.unit() == TimeUnit::kNano ? v : v * 1000), out);
        return;
      }
      case TypeId::kTimestamp: {
        __int128 v = a.values<int64_t>()[i];
        v *= 1000000000 / TimeUnitsPerSecond(t.unit());
        *out += "{\"ts\": \"" + Int128Text(v) + "\", \"utc\": ";
        *out += t.timezone().empty() ? "false}" : "true}";
        return;
      }
      case TypeId::kUtf8: {
        std::string_view v = a.GetView(i);
        if (leaf.conversion == LeafConversion::kUuid) {
          std::string hex;
          for (char c : v) {
            if (c != '-') hex.push_back(c);
          }
          Tagged("hex", hex, out);
        } else {
          AppendJsonString(v, out);
        }
        return;
      }
      case TypeId::kBinary: Tagged("hex", Hex(a.GetView(i)), out); return;
      default:
        *out += "\"<unsupported " + t.ToString() + ">\"";
    }
  }

  const ParquetSchema& schema_;
};

int Run(const std::string& path) {
  auto file = io::LocalFileSystem::Instance()->OpenRead(path);
  if (!file.ok()) {
    std::cerr << file.status().message() << "\n";
    return 1;
  }
  auto reader = ParquetFileReader::Open(std::shared_ptr<io::RandomAccessFile>(std::move(*file)));
  if (!reader.ok()) {
    std::cerr << reader.status().message() << "\n";
    return 1;
  }
  const ParquetSchema& schema = (*reader)->parquet_schema();
  Dumper dumper(schema);
  std::string out = "{\"format\": \"bundlebase-parquet-canonical/1\",\n \"columns\": [";
  for (int f = 0; f < schema.schema()->num_fields(); ++f) {
    if (f) out += ", ";
    AppendJsonString(schema.schema()->field(f).name, &out);
  }
  out += "],\n \"rows\": [";
  bool first = true;
  for (int g = 0; g < (*reader)->num_row_groups(); ++g) {
    auto batch = (*reader)->ReadRowGroup(g);
    if (!batch.ok()) {
      std::cerr << batch.status().message() << "\n";
      return 1;
    }
    for (int64_t r = 0; r < (*batch)->num_rows(); ++r) {
      out += first ? "\n  [" : ",\n  [";
      first = false;
      for (int c = 0; c < (*batch)->num_columns(); ++c) {
        if (c) out += ", ";
        dumper.Value(schema.fields()[c], *(*batch)->column(c), r, &out);
      }
      out += ']';
    }
  }
  out += "\n ]}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace
}  // namespace bundlebase::parquet

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: parquet_dump FILE.parquet\n";
    return 2;
  }
  return bundlebase::parquet::Run(argv[1]);
}
