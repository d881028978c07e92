// Parquet schema <-> bundlebase schema: the tree walk, the list/map backward-compatibility
// rules of the Parquet spec (LogicalTypes.md), and the leaf type mapping.
#include "formats/parquet/schema_conversion.h"

#include <charconv>

#include <fmt/format.h>

namespace bundlebase::parquet {
namespace {

struct RawNode {
  const SchemaElement* element = nullptr;
  std::vector<int> children;
};


class SchemaBuilder {
 public:
  explicit SchemaBuilder(const std::vector<SchemaElement>& elements) : elements_(elements) {}

  Result<ParquetSchema> Build(std::vector<LeafColumn>* leaves, std::vector<SchemaNode>* fields);

  std::vector<RawNode> nodes;

 private:
  Result<int> BuildTree(size_t* next, int depth);
  Result<SchemaNode> Convert(int node, int16_t parent_def, int16_t parent_rep,
                             std::vector<std::string> path, bool force_required);
  Result<SchemaNode> ConvertList(int node, const SchemaNode& shell, std::vector<std::string> path,
                                 bool is_map);
  Result<SchemaNode> ConvertStructChildren(int node, SchemaNode shell,
                                           const std::vector<std::string>& path);
  Result<SchemaNode> ConvertLeaf(int node, SchemaNode shell, std::vector<std::string> path);

  const std::vector<SchemaElement>& elements_;
  std::vector<LeafColumn> leaves_;
};

Result<int> SchemaBuilder::BuildTree(size_t* next, int depth) {
  if (*next >= elements_.size()) {
    return Status::Invalid("Parquet schema ends early: a group promises more children");
  }
  if (depth > 100) return Status::Invalid("Parquet schema nests deeper than 100 levels");
  int id = static_cast<int>(nodes.size());
  nodes.push_back(RawNode{&elements_[*next], {}});
  ++*next;
  const SchemaElement& e = *nodes[id].element;
  if (e.is_group()) {
    int n = e.num_children.value_or(0);
    for (int i = 0; i < n; ++i) {
      BB_ASSIGN_OR_RAISE(int child, BuildTree(next, depth + 1));
      nodes[id].children.push_back(child);
    }
  }
  return id;
}

bool IsListAnnotated(const SchemaElement& e) {
  return e.logical_type.kind == LogicalTypeKind::kList ||
         (e.converted_type && *e.converted_type == ConvertedType::kList);
}

bool IsMapAnnotated(const SchemaElement& e) {
  return e.logical_type.kind == LogicalTypeKind::kMap ||
         (e.converted_type && (*e.converted_type == ConvertedType::kMap ||
                               *e.converted_type == ConvertedType::kMapKeyValue));
}

// The annotation a bundlebase type cannot carry itself, so that writing the column again
// restores it: "MAP" on a list of key/value structs, "UUID", "JSON" or "ENUM" on text.
const char* LogicalTypeHint(const SchemaElement& e) {
  if (e.logical_type.kind == LogicalTypeKind::kMap ||
      e.converted_type == ConvertedType::kMap || e.converted_type == ConvertedType::kMapKeyValue) {
    return "MAP";
  }
  if (e.logical_type.kind == LogicalTypeKind::kUuid) return "UUID";
  if (e.logical_type.kind == LogicalTypeKind::kJson || e.converted_type == ConvertedType::kJson) {
    return "JSON";
  }
  if (e.logical_type.kind == LogicalTypeKind::kEnum || e.converted_type == ConvertedType::kEnum) {
    return "ENUM";
  }
  return nullptr;
}

std::vector<std::pair<std::string, std::string>> FieldMetadata(const SchemaElement& e) {
  std::vector<std::pair<std::string, std::string>> out;
  if (e.field_id) out.emplace_back(kFieldIdKey, std::to_string(*e.field_id));
  if (const char* hint = LogicalTypeHint(e)) out.emplace_back(kLogicalTypeKey, hint);
  return out;
}

std::string JoinPath(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& p : path) {
    if (!out.empty()) out += '.';
    out += p;
  }
  return out;
}

Result<SchemaNode> SchemaBuilder::Convert(int node, int16_t parent_def, int16_t parent_rep,
                                          std::vector<std::string> path, bool force_required) {
  const SchemaElement& e = *nodes[node].element;
  path.push_back(e.name);
  if (!e.repetition_type) {
    return Status::Invalid("Parquet column '{}' has no repetition type", JoinPath(path));
  }
  FieldRepetitionType rep = *e.repetition_type;
  if (!force_required && rep == FieldRepetitionType::kRepeated) {
    // A repeated field outside a LIST annotation is a required list of required elements.
    SchemaNode list;
    list.kind = SchemaNode::Kind::kList;
    list.definition_level = parent_def;
    list.repeated_definition_level = static_cast<int16_t>(parent_def + 1);
    list.repetition_level = static_cast<int16_t>(parent_rep + 1);
    list.nullable = false;
    path.pop_back();
    BB_ASSIGN_OR_RAISE(SchemaNode element, Convert(node, list.repeated_definition_level,
                                                   list.repetition_level, path, true));
    list.field = Field(e.name, List(element.field), false);
    list.field.metadata = FieldMetadata(e);
    list.children.push_back(std::move(element));
    return list;
  }
  SchemaNode shell;
  shell.nullable = !force_required && rep == FieldRepetitionType::kOptional;
  shell.definition_level = static_cast<int16_t>(parent_def + (shell.nullable ? 1 : 0));
  shell.repetition_level = parent_rep;
  if (!e.is_group()) return ConvertLeaf(node, std::move(shell), std::move(path));
  if (IsListAnnotated(e) || IsMapAnnotated(e)) {
    path.pop_back();
    return ConvertList(node, shell, std::move(path), IsMapAnnotated(e));
  }
  return ConvertStructChildren(node, std::move(shell), path);
}

Result<SchemaNode> SchemaBuilder::ConvertStructChildren(int node, SchemaNode shell,
                                                        const std::vector<std::string>& path) {
  const SchemaElement& e = *nodes[node].element;
  if (nodes[node].children.empty()) {
    return Status::Invalid("Parquet group '{}' has no fields", JoinPath(path));
  }
  shell.kind = SchemaNode::Kind::kStruct;
  std::vector<Field> fields;
  for (int child : nodes[node].children) {
    BB_ASSIGN_OR_RAISE(SchemaNode c,
                       Convert(child, shell.definition_level, shell.repetition_level, path, false));
    fields.push_back(c.field);
    shell.children.push_back(std::move(c));
  }
  shell.field = Field(e.name, Struct(std::move(fields)), shell.nullable);
  shell.field.metadata = FieldMetadata(e);
  return shell;
}

Result<SchemaNode> SchemaBuilder::ConvertList(int node, const SchemaNode& shell,
                                              std::vector<std::string> path, bool is_map) {
  const SchemaElement& e = *nodes[node].element;
  path.push_back(e.name);
  const auto& kids = nodes[node].children;
  if (kids.size() != 1) {
    return Status::Invalid("Parquet {} '{}' must have exactly one child, has {}",
                           is_map ? "MAP" : "LIST", JoinPath(path), kids.size());
  }
  int repeated = kids[0];
  const SchemaElement& r = *nodes[repeated].element;
  if (r.repetition_type != FieldRepetitionType::kRepeated) {
    if (is_map) {
      return Status::Invalid("Parquet MAP '{}' must contain a repeated key_value group",
                             JoinPath(path));
    }
    // Not a valid LIST: treat the group as a plain struct, as other readers do.
    SchemaNode s = shell;
    path.pop_back();
    path.push_back(e.name);
    return ConvertStructChildren(node, std::move(s), path);
  }
  SchemaNode list = shell;
  list.kind = SchemaNode::Kind::kList;
  list.repeated_definition_level = static_cast<int16_t>(shell.definition_level + 1);
  list.repetition_level = static_cast<int16_t>(shell.repetition_level + 1);
  const int16_t def = list.repeated_definition_level;
  const int16_t rep = list.repetition_level;
  SchemaNode element;
  const bool element_is_repeated_group =
      is_map || !r.is_group() || nodes[repeated].children.size() > 1 || r.name == "array" ||
      r.name == e.name + "_tuple";
  if (element_is_repeated_group) {
    // The repeated node itself is the (required) element.
    BB_ASSIGN_OR_RAISE(element, Convert(repeated, def, rep, path, true));
    if (is_map && (element.kind != SchemaNode::Kind::kStruct || element.children.size() != 2)) {
      return Status::Invalid("Parquet MAP '{}' key_value group must have a key and a value",
                             JoinPath(path));
    }
  } else {
    path.push_back(r.name);
    BB_ASSIGN_OR_RAISE(element, Convert(nodes[repeated].children[0], def, rep, path, false));
  }
  Field item(is_map ? "entries" : "element", element.field.type, element.field.nullable);
  item.metadata = element.field.metadata;
  list.field = Field(e.name, List(std::move(item)), shell.nullable);
  list.field.metadata = FieldMetadata(e);
  list.is_map = is_map;
  list.children.push_back(std::move(element));
  return list;
}

struct LeafTypeChoice {
  DataTypePtr type;
  LeafConversion conversion = LeafConversion::kDirect;
  bool unsigned_order = false;
  int decimal_scale = 0;
};

TimeUnit ToTimeUnit(LogicalTimeUnit u) {
  switch (u) {
    case LogicalTimeUnit::kMillis: return TimeUnit::kMilli;
    case LogicalTimeUnit::kMicros: return TimeUnit::kMicro;
    case LogicalTimeUnit::kNanos: return TimeUnit::kNano;
  }
  return TimeUnit::kMicro;
}

Result<LeafTypeChoice> ChooseLeafType(const SchemaElement& e, const std::string& path) {
  const Type physical = *e.type;
  const LogicalType& lt = e.logical_type;
  const std::optional<ConvertedType> ct = e.converted_type;
  auto bad = [&](std::string_view what) {
    return Status::Invalid("Parquet column '{}': {} cannot annotate {}", path, what,
                           TypeName(physical));
  };
  // Decimal first: it applies to four physical types.
  bool is_decimal = lt.kind == LogicalTypeKind::kDecimal || ct == ConvertedType::kDecimal;
  if (is_decimal) {
    int precision = lt.kind == LogicalTypeKind::kDecimal ? lt.precision : e.precision.value_or(0);
    int scale = lt.kind == LogicalTypeKind::kDecimal ? lt.scale : e.scale.value_or(0);
    if (precision < 1 || scale < 0 || scale > precision) {
      return Status::Invalid("Parquet column '{}': decimal({}, {}) is not a valid decimal type",
                             path, precision, scale);
    }
    if (precision > 38) {
      if (physical != Type::kFixedLenByteArray && physical != Type::kByteArray) {
        return bad("DECIMAL wider than 38 digits");
      }
      return LeafTypeChoice{Float64(), LeafConversion::kWideDecimal, false, scale};
    }
    auto type = Decimal128(precision, scale);
    switch (physical) {
      case Type::kInt32: return LeafTypeChoice{type, LeafConversion::kDecimalInt32};
      case Type::kInt64: return LeafTypeChoice{type, LeafConversion::kDecimalInt64};
      case Type::kFixedLenByteArray:
      case Type::kByteArray: return LeafTypeChoice{type, LeafConversion::kDecimalBytes};
      default: return bad("DECIMAL");
    }
  }
  if (lt.kind == LogicalTypeKind::kUnknown) return LeafTypeChoice{Null()};
  switch (physical) {
    case Type::kBoolean: return LeafTypeChoice{Bool()};
    case Type::kInt32: {
      if (lt.kind == LogicalTypeKind::kDate || ct == ConvertedType::kDate) {
        return LeafTypeChoice{Date32()};
      }
      if ((lt.kind == LogicalTypeKind::kTime && lt.unit == LogicalTimeUnit::kMillis) ||
          ct == ConvertedType::kTimeMillis) {
        return LeafTypeChoice{Time64(TimeUnit::kMicro), LeafConversion::kTimeMillis};
      }
      int bits = 32;
      bool is_signed = true;
      if (lt.kind == LogicalTypeKind::kInteger) {
        bits = lt.bit_width;
        is_signed = lt.is_signed;
      } else if (ct) {
        switch (*ct) {
          case ConvertedType::kInt8: bits = 8; break;
          case ConvertedType::kInt16: bits = 16; break;
          case ConvertedType::kUint8: bits = 8, is_signed = false; break;
          case ConvertedType::kUint16: bits = 16, is_signed = false; break;
          case ConvertedType::kUint32: bits = 32, is_signed = false; break;
          default: break;
        }
      }
      DataTypePtr t;
      switch (bits) {
        case 8: t = is_signed ? Int8() : UInt8(); break;
        case 16: t = is_signed ? Int16() : UInt16(); break;
        case 32: t = is_signed ? Int32() : UInt32(); break;
        default: return bad(fmt::format("INTEGER({})", bits));
      }
      return LeafTypeChoice{t, LeafConversion::kDirect, !is_signed};
    }
    case Type::kInt64: {
      if (lt.kind == LogicalTypeKind::kTimestamp) {
        return LeafTypeChoice{Timestamp(ToTimeUnit(lt.unit), lt.is_adjusted_to_utc ? "UTC" : "")};
      }
      if (ct == ConvertedType::kTimestampMillis || ct == ConvertedType::kTimestampMicros) {
        // Legacy annotations always meant instants in UTC.
        return LeafTypeChoice{Timestamp(
            ct == ConvertedType::kTimestampMillis ? TimeUnit::kMilli : TimeUnit::kMicro, "UTC")};
      }
      if (lt.kind == LogicalTypeKind::kTime) {
        if (lt.unit == LogicalTimeUnit::kMillis) return bad("TIME(MILLIS)");
        return LeafTypeChoice{Time64(ToTimeUnit(lt.unit))};
      }
      if (ct == ConvertedType::kTimeMicros) return LeafTypeChoice{Time64(TimeUnit::kMicro)};
      bool is_unsigned = (lt.kind == LogicalTypeKind::kInteger && !lt.is_signed) ||
                         ct == ConvertedType::kUint64;
      return LeafTypeChoice{is_unsigned ? UInt64() : Int64(), LeafConversion::kDirect,
                            is_unsigned};
    }
    case Type::kInt96:
      return LeafTypeChoice{Timestamp(TimeUnit::kNano), LeafConversion::kInt96};
    case Type::kFloat: return LeafTypeChoice{Float32()};
    case Type::kDouble: return LeafTypeChoice{Float64()};
    case Type::kByteArray: {
      bool text = lt.kind == LogicalTypeKind::kString || lt.kind == LogicalTypeKind::kEnum ||
                  lt.kind == LogicalTypeKind::kJson || ct == ConvertedType::kUtf8 ||
                  ct == ConvertedType::kEnum || ct == ConvertedType::kJson;
      return LeafTypeChoice{text ? Utf8() : Binary(), LeafConversion::kDirect, true};
    }
    case Type::kFixedLenByteArray: {
      if (lt.kind == LogicalTypeKind::kUuid) {
        if (e.type_length != 16) return bad("UUID (width not 16)");
        return LeafTypeChoice{Utf8(), LeafConversion::kUuid, true};
      }
      if (lt.kind == LogicalTypeKind::kFloat16) {
        if (e.type_length != 2) return bad("FLOAT16 (width not 2)");
        return LeafTypeChoice{Float32(), LeafConversion::kFloat16};
      }
      if (ct == ConvertedType::kInterval) {
        if (e.type_length != 12) return bad("INTERVAL (width not 12)");
        return LeafTypeChoice{Interval(), LeafConversion::kIntervalMillis};
      }
      return LeafTypeChoice{Binary(), LeafConversion::kDirect, true};
    }
  }
  return Status::NotImplemented("Parquet column '{}' has unknown physical type {}", path,
                                static_cast<int>(physical));
}

Result<SchemaNode> SchemaBuilder::ConvertLeaf(int node, SchemaNode shell,
                                              std::vector<std::string> path) {
  const SchemaElement& e = *nodes[node].element;
  LeafColumn leaf;
  leaf.index = static_cast<int>(leaves_.size());
  leaf.dotted_path = JoinPath(path);
  leaf.path = std::move(path);
  leaf.physical_type = *e.type;
  if (leaf.physical_type == Type::kFixedLenByteArray) {
    if (!e.type_length || *e.type_length <= 0) {
      return Status::Invalid("Parquet column '{}' is FIXED_LEN_BYTE_ARRAY without a width",
                             leaf.dotted_path);
    }
    leaf.type_length = *e.type_length;
  }
  BB_ASSIGN_OR_RAISE(LeafTypeChoice choice, ChooseLeafType(e, leaf.dotted_path));
  leaf.type = choice.type;
  leaf.conversion = choice.conversion;
  leaf.unsigned_order = choice.unsigned_order;
  leaf.decimal_scale = choice.decimal_scale;
  leaf.max_definition_level = shell.definition_level;
  leaf.max_repetition_level = shell.repetition_level;
  shell.kind = SchemaNode::Kind::kLeaf;
  shell.leaf = leaf.index;
  shell.field = Field(e.name, choice.type, shell.nullable);
  shell.field.metadata = FieldMetadata(e);
  leaves_.push_back(std::move(leaf));
  return shell;
}

Result<ParquetSchema> SchemaBuilder::Build(std::vector<LeafColumn>* leaves,
                                           std::vector<SchemaNode>* fields) {
  if (elements_.empty()) return Status::Invalid("Parquet schema is empty");
  size_t next = 0;
  BB_ASSIGN_OR_RAISE(int root, BuildTree(&next, 0));
  if (next != elements_.size()) {
    return Status::Invalid("Parquet schema has {} elements after its root's last child",
                           elements_.size() - next);
  }
  if (!nodes[root].element->is_group()) {
    return Status::Invalid("Parquet schema root must be a group");
  }
  for (int child : nodes[root].children) {
    BB_ASSIGN_OR_RAISE(SchemaNode f, Convert(child, 0, 0, {}, false));
    fields->push_back(std::move(f));
  }
  *leaves = std::move(leaves_);
  return ParquetSchema();
}

}  // namespace

Result<ParquetSchema> ParquetSchema::FromElements(const std::vector<SchemaElement>& elements) {
  SchemaBuilder builder(elements);
  ParquetSchema out;
  BB_RETURN_NOT_OK(builder.Build(&out.leaves_, &out.fields_).status());
  std::vector<Field> fields;
  for (const auto& f : out.fields_) fields.push_back(f.field);
  out.schema_ = MakeSchema(std::move(fields));
  return out;
}

namespace {

void CollectLeaves(const SchemaNode& node, std::vector<int>* out) {
  if (node.kind == SchemaNode::Kind::kLeaf) {
    out->push_back(node.leaf);
    return;
  }
  for (const auto& c : node.children) CollectLeaves(c, out);
}

}  // namespace

std::vector<int> ParquetSchema::LeavesOfField(int i) const {
  std::vector<int> out;
  CollectLeaves(fields_[i], &out);
  return out;
}

// ---- Writer direction ----

Type DecimalPhysicalType(int precision, int32_t* type_length) {
  *type_length = 0;
  if (precision <= 9) return Type::kInt32;
  if (precision <= 18) return Type::kInt64;
  // Fewest bytes whose signed range holds 10^precision - 1.
  int bytes = 1;
  while (bytes < 16) {
    // log2(10) ~ 3.3219; a signed n-byte integer holds 8n-1 bits of magnitude.
    if ((8 * bytes - 1) >= static_cast<int>(precision * 3.3219280948873623 + 1)) break;
    ++bytes;
  }
  *type_length = bytes;
  return Type::kFixedLenByteArray;
}

namespace {

LogicalType IntLogical(int bits, bool is_signed) {
  LogicalType lt;
  lt.kind = LogicalTypeKind::kInteger;
  lt.bit_width = static_cast<int8_t>(bits);
  lt.is_signed = is_signed;
  return lt;
}

// Parquet timestamps have no seconds (stored as milliseconds by the writer); times on INT64
// have no seconds or milliseconds (stored as microseconds).
LogicalTimeUnit TimestampUnit(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kSecond:
    case TimeUnit::kMilli: return LogicalTimeUnit::kMillis;
    case TimeUnit::kMicro: return LogicalTimeUnit::kMicros;
    case TimeUnit::kNano: return LogicalTimeUnit::kNanos;
  }
  return LogicalTimeUnit::kMicros;
}

LogicalTimeUnit TimeUnitOnInt64(TimeUnit unit) {
  return unit == TimeUnit::kNano ? LogicalTimeUnit::kNanos : LogicalTimeUnit::kMicros;
}

std::string_view MetadataValue(const Field& field, std::string_view key) {
  for (const auto& [k, v] : field.metadata) {
    if (k == key) return v;
  }
  return {};
}

// A list of non-null structs whose first field (the key) is not null either: what MAP holds.
bool IsMapShaped(const DataType& t) {
  if (t.id() != TypeId::kList) return false;
  const Field& entry = t.fields()[0];
  return !entry.nullable && entry.type->id() == TypeId::kStruct &&
         entry.type->fields().size() == 2 && !entry.type->fields()[0].nullable;
}

Status AppendField(const Field& field, FieldRepetitionType repetition,
                   std::vector<SchemaElement>* out) {
  SchemaElement e;
  e.name = field.name;
  e.repetition_type = repetition;
  if (std::string_view id = MetadataValue(field, kFieldIdKey); !id.empty()) {
    int32_t value = 0;
    auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), value);
    if (ec != std::errc() || end != id.data() + id.size()) {
      return Status::Invalid("field '{}' has Parquet field id '{}', which is not a 32-bit integer",
                             field.name, id);
    }
    e.field_id = value;
  }
  const std::string_view hint = MetadataValue(field, kLogicalTypeKey);
  const DataType& t = *field.type;
  switch (t.id()) {
    case TypeId::kNull:
      // Always optional: a required column could not hold its nulls.
      e.repetition_type = FieldRepetitionType::kOptional;
      e.type = Type::kInt32;
      e.logical_type.kind = LogicalTypeKind::kUnknown;
      break;
    case TypeId::kBool: e.type = Type::kBoolean; break;
    case TypeId::kInt8:
      e.type = Type::kInt32, e.converted_type = ConvertedType::kInt8;
      e.logical_type = IntLogical(8, true);
      break;
    case TypeId::kInt16:
      e.type = Type::kInt32, e.converted_type = ConvertedType::kInt16;
      e.logical_type = IntLogical(16, true);
      break;
    case TypeId::kInt32: e.type = Type::kInt32; break;
    case TypeId::kInt64: e.type = Type::kInt64; break;
    case TypeId::kUInt8:
      e.type = Type::kInt32, e.converted_type = ConvertedType::kUint8;
      e.logical_type = IntLogical(8, false);
      break;
    case TypeId::kUInt16:
      e.type = Type::kInt32, e.converted_type = ConvertedType::kUint16;
      e.logical_type = IntLogical(16, false);
      break;
    case TypeId::kUInt32:
      e.type = Type::kInt32, e.converted_type = ConvertedType::kUint32;
      e.logical_type = IntLogical(32, false);
      break;
    case TypeId::kUInt64:
      e.type = Type::kInt64, e.converted_type = ConvertedType::kUint64;
      e.logical_type = IntLogical(64, false);
      break;
    case TypeId::kFloat32: e.type = Type::kFloat; break;
    case TypeId::kFloat64: e.type = Type::kDouble; break;
    case TypeId::kDecimal128: {
      int32_t width = 0;
      e.type = DecimalPhysicalType(t.precision(), &width);
      if (width) e.type_length = width;
      e.converted_type = ConvertedType::kDecimal;
      e.precision = t.precision();
      e.scale = t.scale();
      e.logical_type.kind = LogicalTypeKind::kDecimal;
      e.logical_type.precision = t.precision();
      e.logical_type.scale = t.scale();
      break;
    }
    case TypeId::kUtf8:
      if (hint == "UUID") {
        e.type = Type::kFixedLenByteArray, e.type_length = 16;
        e.logical_type.kind = LogicalTypeKind::kUuid;
      } else if (hint == "JSON") {
        e.type = Type::kByteArray, e.converted_type = ConvertedType::kJson;
        e.logical_type.kind = LogicalTypeKind::kJson;
      } else if (hint == "ENUM") {
        e.type = Type::kByteArray, e.converted_type = ConvertedType::kEnum;
        e.logical_type.kind = LogicalTypeKind::kEnum;
      } else {
        e.type = Type::kByteArray, e.converted_type = ConvertedType::kUtf8;
        e.logical_type.kind = LogicalTypeKind::kString;
      }
      break;
    case TypeId::kBinary: e.type = Type::kByteArray; break;
    case TypeId::kDate32:
      e.type = Type::kInt32, e.converted_type = ConvertedType::kDate;
      e.logical_type.kind = LogicalTypeKind::kDate;
      break;
    case TypeId::kTime64:
      e.type = Type::kInt64;
      e.logical_type.kind = LogicalTypeKind::kTime;
      e.logical_type.unit = TimeUnitOnInt64(t.unit());
      if (e.logical_type.unit == LogicalTimeUnit::kMicros) {
        e.converted_type = ConvertedType::kTimeMicros;
      }
      break;
    case TypeId::kTimestamp:
      e.type = Type::kInt64;
      e.logical_type.kind = LogicalTypeKind::kTimestamp;
      e.logical_type.unit = TimestampUnit(t.unit());
      e.logical_type.is_adjusted_to_utc = !t.timezone().empty();
      if (!t.timezone().empty() && t.unit() != TimeUnit::kNano) {
        e.converted_type = e.logical_type.unit == LogicalTimeUnit::kMicros
                               ? ConvertedType::kTimestampMicros
                               : ConvertedType::kTimestampMillis;
      }
      break;
    case TypeId::kInterval:
      e.type = Type::kFixedLenByteArray, e.type_length = 12;
      e.converted_type = ConvertedType::kInterval;
      break;
    case TypeId::kList: {
      if (hint == "MAP" && IsMapShaped(t)) {
        // <optional> group name (MAP) { repeated group key_value { required key; value } }.
        e.num_children = 1;
        e.converted_type = ConvertedType::kMap;
        e.logical_type.kind = LogicalTypeKind::kMap;
        out->push_back(std::move(e));
        const Field& entry = t.fields()[0];
        SchemaElement key_value;
        key_value.name = "key_value";
        key_value.repetition_type = FieldRepetitionType::kRepeated;
        key_value.num_children = 2;
        out->push_back(std::move(key_value));
        for (const Field& child : entry.type->fields()) {
          BB_RETURN_NOT_OK(AppendField(child,
                                       child.nullable ? FieldRepetitionType::kOptional
                                                      : FieldRepetitionType::kRequired,
                                       out));
        }
        return Status::OK();
      }
      // The standard 3-level form: <optional> group name (LIST) { repeated group list {
      // <optional> element } }.
      e.num_children = 1;
      e.converted_type = ConvertedType::kList;
      e.logical_type.kind = LogicalTypeKind::kList;
      out->push_back(std::move(e));
      SchemaElement middle;
      middle.name = "list";
      middle.repetition_type = FieldRepetitionType::kRepeated;
      middle.num_children = 1;
      out->push_back(std::move(middle));
      const Field& item = t.fields()[0];
      Field element("element", item.type, item.nullable);
      element.metadata = item.metadata;
      return AppendField(element,
                         item.nullable ? FieldRepetitionType::kOptional
                                       : FieldRepetitionType::kRequired,
                         out);
    }
    case TypeId::kStruct: {
      if (t.fields().empty()) {
        return Status::NotImplemented("Parquet cannot store struct column '{}' with no fields",
                                      field.name);
      }
      e.num_children = static_cast<int32_t>(t.fields().size());
      out->push_back(std::move(e));
      for (const auto& child : t.fields()) {
        BB_RETURN_NOT_OK(AppendField(child,
                                     child.nullable ? FieldRepetitionType::kOptional
                                                    : FieldRepetitionType::kRequired,
                                     out));
      }
      return Status::OK();
    }
  }
  out->push_back(std::move(e));
  return Status::OK();
}

}  // namespace

Result<std::vector<SchemaElement>> ToParquetSchema(const Schema& schema) {
  std::vector<SchemaElement> out;
  SchemaElement root;
  root.name = "schema";
  root.num_children = schema.num_fields();
  out.push_back(std::move(root));
  for (const auto& f : schema.fields()) {
    BB_RETURN_NOT_OK(AppendField(
        f, f.nullable ? FieldRepetitionType::kOptional : FieldRepetitionType::kRequired, &out));
  }
  return out;
}

}  // namespace bundlebase::parquet
