// Arrow C schemas: our types as format strings (export, with release callbacks that free what
// we allocated) and format strings as our types plus the foreign layout to convert from
// (import). Field metadata uses the spec's binary encoding: int32 pair count, then for each
// key and value an int32 byte length and the bytes, in native byte order.
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "base/strings.h"
#include "columnar/arrow_c_internal.h"

namespace bundlebase {
namespace arrow_c_internal {
namespace {

using Metadata = std::vector<std::pair<std::string, std::string>>;

struct SchemaPrivate {
  std::string format;
  std::string name;
  std::string metadata;
  std::vector<ArrowSchema> children;
  std::vector<ArrowSchema*> child_pointers;
};

void ReleaseSchema(ArrowSchema* schema) {
  if (schema->release == nullptr) return;
  for (int64_t i = 0; i < schema->n_children; ++i) {
    ArrowSchema* child = schema->children[i];
    if (child->release != nullptr) child->release(child);  // a consumer may have moved it
  }
  delete static_cast<SchemaPrivate*>(schema->private_data);
  schema->release = nullptr;
}

std::string EncodeMetadata(const Metadata& metadata) {
  std::string out;
  auto put_int = [&out](int32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof(v)); };
  put_int(static_cast<int32_t>(metadata.size()));
  for (const auto& [key, value] : metadata) {
    put_int(static_cast<int32_t>(key.size()));
    out.append(key);
    put_int(static_cast<int32_t>(value.size()));
    out.append(value);
  }
  return out;
}

Result<Metadata> DecodeMetadata(const char* data) {
  Metadata out;
  if (data == nullptr) return out;
  auto get_int = [&data]() {
    int32_t v;
    std::memcpy(&v, data, sizeof(v));
    data += sizeof(v);
    return v;
  };
  const int32_t n = get_int();
  if (n < 0) return Status::Invalid("Arrow schema metadata has a negative pair count");
  for (int32_t i = 0; i < n; ++i) {
    std::string kv[2];
    for (auto& s : kv) {
      const int32_t len = get_int();
      if (len < 0) return Status::Invalid("Arrow schema metadata has a negative length");
      s.assign(data, static_cast<size_t>(len));
      data += len;
    }
    out.emplace_back(std::move(kv[0]), std::move(kv[1]));
  }
  return out;
}

Result<std::string> FormatOf(const DataType& type) {
  switch (type.id()) {
    case TypeId::kNull: return std::string("n");
    case TypeId::kBool: return std::string("b");
    case TypeId::kInt8: return std::string("c");
    case TypeId::kUInt8: return std::string("C");
    case TypeId::kInt16: return std::string("s");
    case TypeId::kUInt16: return std::string("S");
    case TypeId::kInt32: return std::string("i");
    case TypeId::kUInt32: return std::string("I");
    case TypeId::kInt64: return std::string("l");
    case TypeId::kUInt64: return std::string("L");
    case TypeId::kFloat32: return std::string("f");
    case TypeId::kFloat64: return std::string("g");
    case TypeId::kDecimal128: return fmt::format("d:{},{}", type.precision(), type.scale());
    case TypeId::kUtf8: return std::string("u");
    case TypeId::kBinary: return std::string("z");
    case TypeId::kDate32: return std::string("tdD");
    case TypeId::kTime64:
      if (type.unit() == TimeUnit::kMicro) return std::string("ttu");
      if (type.unit() == TimeUnit::kNano) return std::string("ttn");
      return Status::NotImplemented("{} has no Arrow C counterpart (time64 is us or ns)",
                                    type.ToString());
    case TypeId::kTimestamp: {
      static constexpr char kUnits[] = {'s', 'm', 'u', 'n'};
      return fmt::format("ts{}:{}", kUnits[static_cast<int>(type.unit())], type.timezone());
    }
    case TypeId::kInterval: return std::string("tin");
    case TypeId::kList: return std::string("+l");
    case TypeId::kStruct: return std::string("+s");
  }
  return Status::NotImplemented("cannot export {}", type.ToString());
}

// Fills `out` (released again on failure) for a type with a name, flags and metadata.
Status FillSchema(const DataType& type, const std::string& name, int64_t flags,
                  const Metadata& metadata, ArrowSchema* out) {
  BB_ASSIGN_OR_RAISE(std::string format, FormatOf(type));
  auto* p = new SchemaPrivate;
  p->format = std::move(format);
  p->name = name;
  if (!metadata.empty()) p->metadata = EncodeMetadata(metadata);
  const auto& fields = type.fields();
  p->children.resize(fields.size());
  for (auto& child : p->children) p->child_pointers.push_back(&child);
  *out = ArrowSchema{p->format.c_str(),
                     p->name.c_str(),
                     metadata.empty() ? nullptr : p->metadata.data(),
                     flags,
                     0,
                     p->child_pointers.empty() ? nullptr : p->child_pointers.data(),
                     nullptr,
                     &ReleaseSchema,
                     p};
  for (const Field& field : fields) {
    Status st = FillSchema(*field.type, field.name, field.nullable ? ARROW_FLAG_NULLABLE : 0,
                           field.metadata, &p->children[out->n_children]);
    if (!st.ok()) {
      out->release(out);
      return st;
    }
    ++out->n_children;
  }
  return Status::OK();
}

Result<int64_t> ParseNumber(std::string_view text, std::string_view format) {
  int64_t v = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size() || v < 0) {
    return Status::Invalid("malformed Arrow format string '{}'", EscapeForDisplay(format));
  }
  return v;
}

DataTypePtr IntegerFormat(char c) {
  switch (c) {
    case 'c': return Int8();
    case 'C': return UInt8();
    case 's': return Int16();
    case 'S': return UInt16();
    case 'i': return Int32();
    case 'I': return UInt32();
    case 'l': return Int64();
    case 'L': return UInt64();
    default: return nullptr;
  }
}

Result<ForeignType> ParseDecimal(std::string_view format) {
  // "d:P,S" or "d:P,S,bits"
  auto parts = Split(format.substr(2), ',');
  if (parts.size() < 2 || parts.size() > 3) {
    return Status::Invalid("malformed Arrow decimal format '{}'", EscapeForDisplay(format));
  }
  BB_ASSIGN_OR_RAISE(int64_t precision, ParseNumber(parts[0], format));
  int64_t scale = 0;
  if (!parts[1].empty() && parts[1][0] == '-') {
    BB_ASSIGN_OR_RAISE(scale, ParseNumber(parts[1].substr(1), format));
    scale = -scale;
  } else {
    BB_ASSIGN_OR_RAISE(scale, ParseNumber(parts[1], format));
  }
  int64_t bits = 128;
  if (parts.size() == 3) {
    BB_ASSIGN_OR_RAISE(bits, ParseNumber(parts[2], format));
  }
  if (precision < 1 || precision > 38) {
    return Status::NotImplemented("decimal precision {} is not supported (1..38)", precision);
  }
  ForeignType t{Decimal128(static_cast<int>(precision), static_cast<int>(scale))};
  if (bits == 32 || bits == 64) {
    t.layout = ForeignLayout::kSmallDecimal;
    t.size = bits;
  } else if (bits != 128) {
    return Status::NotImplemented("{}-bit decimals are not supported", bits);
  }
  return t;
}

Result<ForeignType> ParseTemporal(std::string_view f) {
  auto unit_of = [](char c) -> std::optional<TimeUnit> {
    switch (c) {
      case 's': return TimeUnit::kSecond;
      case 'm': return TimeUnit::kMilli;
      case 'u': return TimeUnit::kMicro;
      case 'n': return TimeUnit::kNano;
      default: return std::nullopt;
    }
  };
  if (f == "tdD") return ForeignType{Date32()};
  if (f == "tdm") return ForeignType{Date32(), ForeignLayout::kDate64};
  if (f == "ttu") return ForeignType{Time64(TimeUnit::kMicro)};
  if (f == "ttn") return ForeignType{Time64(TimeUnit::kNano)};
  if (f == "tts" || f == "ttm") {
    ForeignType t{Time64(TimeUnit::kMicro), ForeignLayout::kTime32};
    t.unit = *unit_of(f[2]);
    return t;
  }
  if (f == "tin") return ForeignType{Interval()};
  if (f == "tiM") return ForeignType{Interval(), ForeignLayout::kIntervalMonths};
  if (f == "tiD") return ForeignType{Interval(), ForeignLayout::kIntervalDayTime};
  if (f.size() >= 4 && f.substr(0, 2) == "ts" && f[3] == ':' && unit_of(f[2])) {
    return ForeignType{Timestamp(*unit_of(f[2]), std::string(f.substr(4)))};
  }
  if (f.size() == 3 && f.substr(0, 2) == "tD") {
    return Status::NotImplemented("duration columns (Arrow format '{}') are not supported", f);
  }
  return Status::NotImplemented("Arrow format '{}' is not supported", EscapeForDisplay(f));
}

// The children of a nested schema as fields, with their layouts.
Result<std::vector<Field>> ParseChildren(const ArrowSchema& schema, ForeignType* layout) {
  std::vector<Field> fields;
  for (int64_t i = 0; i < schema.n_children; ++i) {
    if (schema.children == nullptr || schema.children[i] == nullptr) {
      return Status::Invalid("Arrow schema '{}' is missing child {}", schema.format, i);
    }
    ForeignType child;
    BB_ASSIGN_OR_RAISE(Field field, ParseField(*schema.children[i], &child));
    fields.push_back(std::move(field));
    layout->children.push_back(std::move(child));
  }
  return fields;
}

Result<ForeignType> ParseNested(const ArrowSchema& schema) {
  std::string_view f = schema.format;
  ForeignType t;
  BB_ASSIGN_OR_RAISE(std::vector<Field> fields, ParseChildren(schema, &t));
  if (f == "+s") {
    t.type = Struct(std::move(fields));
    return t;
  }
  const bool list_like = f == "+l" || f == "+L" || f == "+m" || f.substr(0, 3) == "+w:";
  if (!list_like) {
    return Status::NotImplemented("Arrow format '{}' (unions, run-end encoding and list views) "
                                  "is not supported", EscapeForDisplay(f));
  }
  if (fields.size() != 1) {
    return Status::Invalid("Arrow list schema '{}' has {} children, needs 1", f, fields.size());
  }
  if (f == "+L") t.layout = ForeignLayout::kLargeList;
  if (f.substr(0, 3) == "+w:") {
    t.layout = ForeignLayout::kFixedSizeList;
    BB_ASSIGN_OR_RAISE(t.size, ParseNumber(f.substr(3), f));
  }
  // A map is a list of its entries struct (key, value): same layout, so it imports as one.
  t.type = List(std::move(fields[0]));
  return t;
}

Result<ForeignType> ParseFormat(const ArrowSchema& schema) {
  std::string_view f = schema.format;
  if (f.empty()) return Status::Invalid("empty Arrow format string");
  if (f[0] == '+') return ParseNested(schema);
  if (f[0] == 't') return ParseTemporal(f);
  if (f.substr(0, 2) == "d:") return ParseDecimal(f);
  if (f.substr(0, 2) == "w:") {
    ForeignType t{Binary(), ForeignLayout::kFixedSizeBinary};
    BB_ASSIGN_OR_RAISE(t.size, ParseNumber(f.substr(2), f));
    return t;
  }
  if (f == "vu") return ForeignType{Utf8(), ForeignLayout::kBinaryView};
  if (f == "vz") return ForeignType{Binary(), ForeignLayout::kBinaryView};
  if (f.size() == 1) {
    if (auto integer = IntegerFormat(f[0])) return ForeignType{integer};
    switch (f[0]) {
      case 'n': return ForeignType{Null()};
      case 'b': return ForeignType{Bool()};
      case 'f': return ForeignType{Float32()};
      case 'g': return ForeignType{Float64()};
      case 'e': return ForeignType{Float32(), ForeignLayout::kFloat16};
      case 'u': return ForeignType{Utf8()};
      case 'z': return ForeignType{Binary()};
      case 'U': return ForeignType{Utf8(), ForeignLayout::kLargeBinary};
      case 'Z': return ForeignType{Binary(), ForeignLayout::kLargeBinary};
      default: break;
    }
  }
  return Status::NotImplemented("Arrow format '{}' is not supported", EscapeForDisplay(f));
}

}  // namespace

Result<Field> ParseField(const ArrowSchema& schema, ForeignType* layout) {
  if (schema.release == nullptr) return Status::Invalid("Arrow schema was already released");
  if (schema.format == nullptr) return Status::Invalid("Arrow schema has no format string");
  Field field;
  field.name = schema.name ? schema.name : "";
  field.nullable = (schema.flags & ARROW_FLAG_NULLABLE) != 0;
  BB_ASSIGN_OR_RAISE(field.metadata, DecodeMetadata(schema.metadata));
  if (schema.dictionary != nullptr) {
    // The format string gives the indices; the dictionary schema the values.
    DataTypePtr index_type = std::strlen(schema.format) == 1 ? IntegerFormat(schema.format[0])
                                                             : nullptr;
    if (!index_type) {
      return Status::Invalid("Arrow dictionary indices must be integers, not '{}'",
                             EscapeForDisplay(schema.format));
    }
    ForeignType values;
    BB_ASSIGN_OR_RAISE(Field value_field, ParseField(*schema.dictionary, &values));
    layout->type = value_field.type;
    layout->layout = ForeignLayout::kDictionary;
    layout->index_type = std::move(index_type);
    layout->children = {std::move(values)};
  } else {
    auto parsed = ParseFormat(schema);
    if (!parsed.ok()) {
      return field.name.empty() ? parsed.status()
                                : parsed.status().WithContextF("column \"{}\"", field.name);
    }
    *layout = std::move(parsed).MoveValueUnsafe();
  }
  field.type = layout->type;
  return field;
}

ForeignType NativeLayout(const DataTypePtr& type) {
  ForeignType t{type};
  for (const Field& f : type->fields()) t.children.push_back(NativeLayout(f.type));
  return t;
}

}  // namespace arrow_c_internal

using arrow_c_internal::FillSchema;

Status ExportType(const DataType& type, ArrowSchema* out) {
  return FillSchema(type, "", ARROW_FLAG_NULLABLE, {}, out);
}

Status ExportField(const Field& field, ArrowSchema* out) {
  return FillSchema(*field.type, field.name, field.nullable ? ARROW_FLAG_NULLABLE : 0,
                    field.metadata, out);
}

Status ExportSchema(const Schema& schema, ArrowSchema* out) {
  return FillSchema(*Struct(schema.fields()), "", 0, schema.metadata(), out);
}

namespace {

// Runs `parse` on `schema` and releases the schema whatever the outcome.
template <typename Parse>
auto ParseAndRelease(ArrowSchema* schema, Parse&& parse) -> decltype(parse(*schema)) {
  if (schema == nullptr || schema->release == nullptr) {
    return Status::Invalid("Arrow schema is null or already released");
  }
  auto result = parse(*schema);
  schema->release(schema);
  return result;
}

}  // namespace

Result<DataTypePtr> ImportType(ArrowSchema* schema) {
  return ParseAndRelease(schema, [](const ArrowSchema& s) -> Result<DataTypePtr> {
    arrow_c_internal::ForeignType layout;
    BB_ASSIGN_OR_RAISE(Field field, arrow_c_internal::ParseField(s, &layout));
    return field.type;
  });
}

Result<Field> ImportField(ArrowSchema* schema) {
  return ParseAndRelease(schema, [](const ArrowSchema& s) {
    arrow_c_internal::ForeignType layout;
    return arrow_c_internal::ParseField(s, &layout);
  });
}

Result<SchemaPtr> ImportSchema(ArrowSchema* schema) {
  return ParseAndRelease(schema, [](const ArrowSchema& s) -> Result<SchemaPtr> {
    arrow_c_internal::ForeignType layout;
    BB_ASSIGN_OR_RAISE(Field field, arrow_c_internal::ParseField(s, &layout));
    if (field.type->id() != TypeId::kStruct) {
      return Status::TypeError("an Arrow schema must describe a struct, not {}",
                               field.type->ToString());
    }
    return std::make_shared<Schema>(field.type->fields(), field.metadata);
  });
}

}  // namespace bundlebase
