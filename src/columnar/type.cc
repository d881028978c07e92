// DataType names, equality, widths and the shared singletons of the parameterless types.
#include "columnar/type.h"

#include <fmt/format.h>

namespace bundlebase {

std::string_view TimeUnitName(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kSecond: return "s";
    case TimeUnit::kMilli: return "ms";
    case TimeUnit::kMicro: return "us";
    case TimeUnit::kNano: return "ns";
  }
  return "?";
}

int64_t TimeUnitsPerSecond(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kSecond: return 1;
    case TimeUnit::kMilli: return 1000;
    case TimeUnit::kMicro: return 1000000;
    case TimeUnit::kNano: return 1000000000;
  }
  return 1;
}

DataType::DataType(TypeId id, int precision, int scale, TimeUnit unit, std::string timezone,
                   std::vector<Field> fields)
    : id_(id),
      precision_(precision),
      scale_(scale),
      unit_(unit),
      timezone_(std::move(timezone)),
      fields_(std::move(fields)) {}

const DataTypePtr& DataType::value_type() const { return fields_.at(0).type; }

namespace {

std::string_view PrimitiveName(TypeId id) {
  switch (id) {
    case TypeId::kNull: return "null";
    case TypeId::kBool: return "bool";
    case TypeId::kInt8: return "int8";
    case TypeId::kInt16: return "int16";
    case TypeId::kInt32: return "int32";
    case TypeId::kInt64: return "int64";
    case TypeId::kUInt8: return "uint8";
    case TypeId::kUInt16: return "uint16";
    case TypeId::kUInt32: return "uint32";
    case TypeId::kUInt64: return "uint64";
    case TypeId::kFloat32: return "float32";
    case TypeId::kFloat64: return "float64";
    case TypeId::kUtf8: return "utf8";
    case TypeId::kBinary: return "binary";
    case TypeId::kDate32: return "date32";
    case TypeId::kInterval: return "interval";
    default: return "";
  }
}

}  // namespace

std::string DataType::ToString() const {
  switch (id_) {
    case TypeId::kDecimal128:
      return fmt::format("decimal({}, {})", precision_, scale_);
    case TypeId::kTime64:
      return fmt::format("time64[{}]", TimeUnitName(unit_));
    case TypeId::kTimestamp:
      if (timezone_.empty()) return fmt::format("timestamp[{}]", TimeUnitName(unit_));
      return fmt::format("timestamp[{}, tz={}]", TimeUnitName(unit_), timezone_);
    case TypeId::kList:
      return fmt::format("list<{}>", value_type()->ToString());
    case TypeId::kStruct: {
      std::string out = "struct<";
      for (size_t i = 0; i < fields_.size(); ++i) {
        if (i) out += ", ";
        out += fields_[i].ToString();
      }
      return out + ">";
    }
    default:
      return std::string(PrimitiveName(id_));
  }
}

bool DataType::Equals(const DataType& other) const {
  if (this == &other) return true;
  if (id_ != other.id_) return false;
  switch (id_) {
    case TypeId::kDecimal128:
      return precision_ == other.precision_ && scale_ == other.scale_;
    case TypeId::kTime64:
      return unit_ == other.unit_;
    case TypeId::kTimestamp:
      return unit_ == other.unit_ && timezone_ == other.timezone_;
    case TypeId::kList:
      // Arrow compares list items by type only: "item" vs "element" naming is not a difference.
      return value_type()->Equals(*other.value_type());
    case TypeId::kStruct:
      if (fields_.size() != other.fields_.size()) return false;
      for (size_t i = 0; i < fields_.size(); ++i) {
        if (!fields_[i].Equals(other.fields_[i])) return false;
      }
      return true;
    default:
      return true;
  }
}

int DataType::byte_width() const {
  switch (id_) {
    case TypeId::kInt8:
    case TypeId::kUInt8: return 1;
    case TypeId::kInt16:
    case TypeId::kUInt16: return 2;
    case TypeId::kInt32:
    case TypeId::kUInt32:
    case TypeId::kFloat32:
    case TypeId::kDate32: return 4;
    case TypeId::kInt64:
    case TypeId::kUInt64:
    case TypeId::kFloat64:
    case TypeId::kTime64:
    case TypeId::kTimestamp: return 8;
    case TypeId::kDecimal128:
    case TypeId::kInterval: return 16;
    default: return 0;
  }
}

bool DataType::is_fixed_width() const { return id_ == TypeId::kBool || byte_width() > 0; }

bool Field::Equals(const Field& other) const {
  return name == other.name && nullable == other.nullable && type->Equals(*other.type);
}

std::string Field::ToString() const {
  return fmt::format("{}: {}{}", name, type->ToString(), nullable ? "" : " not null");
}

namespace {

DataTypePtr MakeType(TypeId id) {
  return std::make_shared<DataType>(id, 0, 0, TimeUnit::kMicro, "", std::vector<Field>{});
}

}  // namespace

#define BB_PRIMITIVE_FACTORY(Name, Id)          \
  DataTypePtr Name() {                          \
    static const DataTypePtr type = MakeType(Id); \
    return type;                                \
  }
BB_PRIMITIVE_FACTORY(Null, TypeId::kNull)
BB_PRIMITIVE_FACTORY(Bool, TypeId::kBool)
BB_PRIMITIVE_FACTORY(Int8, TypeId::kInt8)
BB_PRIMITIVE_FACTORY(Int16, TypeId::kInt16)
BB_PRIMITIVE_FACTORY(Int32, TypeId::kInt32)
BB_PRIMITIVE_FACTORY(Int64, TypeId::kInt64)
BB_PRIMITIVE_FACTORY(UInt8, TypeId::kUInt8)
BB_PRIMITIVE_FACTORY(UInt16, TypeId::kUInt16)
BB_PRIMITIVE_FACTORY(UInt32, TypeId::kUInt32)
BB_PRIMITIVE_FACTORY(UInt64, TypeId::kUInt64)
BB_PRIMITIVE_FACTORY(Float32, TypeId::kFloat32)
BB_PRIMITIVE_FACTORY(Float64, TypeId::kFloat64)
BB_PRIMITIVE_FACTORY(Utf8, TypeId::kUtf8)
BB_PRIMITIVE_FACTORY(Binary, TypeId::kBinary)
BB_PRIMITIVE_FACTORY(Date32, TypeId::kDate32)
BB_PRIMITIVE_FACTORY(Interval, TypeId::kInterval)
#undef BB_PRIMITIVE_FACTORY

DataTypePtr PrimitiveType(TypeId id) {
  switch (id) {
    case TypeId::kNull: return Null();
    case TypeId::kBool: return Bool();
    case TypeId::kInt8: return Int8();
    case TypeId::kInt16: return Int16();
    case TypeId::kInt32: return Int32();
    case TypeId::kInt64: return Int64();
    case TypeId::kUInt8: return UInt8();
    case TypeId::kUInt16: return UInt16();
    case TypeId::kUInt32: return UInt32();
    case TypeId::kUInt64: return UInt64();
    case TypeId::kFloat32: return Float32();
    case TypeId::kFloat64: return Float64();
    case TypeId::kUtf8: return Utf8();
    case TypeId::kBinary: return Binary();
    case TypeId::kDate32: return Date32();
    case TypeId::kInterval: return Interval();
    default: return nullptr;
  }
}

DataTypePtr Decimal128(int precision, int scale) {
  return std::make_shared<DataType>(TypeId::kDecimal128, precision, scale, TimeUnit::kMicro, "",
                                    std::vector<Field>{});
}

DataTypePtr Time64(TimeUnit unit) {
  return std::make_shared<DataType>(TypeId::kTime64, 0, 0, unit, "", std::vector<Field>{});
}

DataTypePtr Timestamp(TimeUnit unit, std::string timezone) {
  return std::make_shared<DataType>(TypeId::kTimestamp, 0, 0, unit, std::move(timezone),
                                    std::vector<Field>{});
}

DataTypePtr List(DataTypePtr value_type) { return List(Field("item", std::move(value_type))); }

DataTypePtr List(Field item) {
  return std::make_shared<DataType>(TypeId::kList, 0, 0, TimeUnit::kMicro, "",
                                    std::vector<Field>{std::move(item)});
}

DataTypePtr Struct(std::vector<Field> fields) {
  return std::make_shared<DataType>(TypeId::kStruct, 0, 0, TimeUnit::kMicro, "",
                                    std::move(fields));
}

}  // namespace bundlebase
