// DataType: the logical types of the columnar core, laid out as Apache Arrow lays them out.
//
// Every type maps to one Arrow type so batches can cross the Arrow C Data Interface without a
// copy (arrow_c.h). Types are immutable and shared (DataTypePtr); build them with the factory
// functions below (Int64(), Utf8(), Decimal128(10, 2), Timestamp(TimeUnit::kMicro, "UTC"), ...)
// and compare them with Equals(), never by pointer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bundlebase {

enum class TypeId : uint8_t {
  kNull,
  kBool,
  kInt8,
  kInt16,
  kInt32,
  kInt64,
  kUInt8,
  kUInt16,
  kUInt32,
  kUInt64,
  kFloat32,
  kFloat64,
  kDecimal128,  // 16-byte two's complement, little endian; precision 1..38
  kUtf8,        // int32 offsets + bytes, valid UTF-8
  kBinary,      // int32 offsets + bytes
  kDate32,      // int32 days since 1970-01-01
  kTime64,      // int64 time of day in `unit` (micro or nano)
  kTimestamp,   // int64 since the epoch in `unit`; with a time zone it is an instant in UTC
  kInterval,    // Arrow month_day_nano: {int32 months, int32 days, int64 nanoseconds}
  kList,        // int32 offsets into one child array
  kStruct,      // one child array per field
};

enum class TimeUnit : uint8_t { kSecond, kMilli, kMicro, kNano };

std::string_view TimeUnitName(TimeUnit unit);     // "s", "ms", "us", "ns"
int64_t TimeUnitsPerSecond(TimeUnit unit);        // 1, 1000, 1000000, 1000000000

struct MonthDayNano {
  int32_t months;
  int32_t days;
  int64_t nanoseconds;
  bool operator==(const MonthDayNano&) const = default;
};

class DataType;
using DataTypePtr = std::shared_ptr<const DataType>;
struct Field;

class DataType {
 public:
  TypeId id() const { return id_; }

  // Decimal parameters.
  int precision() const { return precision_; }
  int scale() const { return scale_; }
  // Time64 / Timestamp parameters. An empty time zone is a local ("naive") timestamp.
  TimeUnit unit() const { return unit_; }
  const std::string& timezone() const { return timezone_; }
  // List: one field (the item); Struct: its fields.
  const std::vector<Field>& fields() const { return fields_; }
  const DataTypePtr& value_type() const;  // list item type

  // Readable names, the ones users see in schemas and errors: "int64", "utf8",
  // "decimal(10, 2)", "timestamp[us, tz=UTC]", "list<int64>", "struct<a: int64, b: utf8>".
  std::string ToString() const;
  bool Equals(const DataType& other) const;

  // Bytes per value for fixed-width types (bool: 0, it is bit-packed), else 0.
  int byte_width() const;
  bool is_fixed_width() const;

  bool is_integer() const { return id_ >= TypeId::kInt8 && id_ <= TypeId::kUInt64; }
  bool is_signed_integer() const { return id_ >= TypeId::kInt8 && id_ <= TypeId::kInt64; }
  bool is_unsigned_integer() const { return id_ >= TypeId::kUInt8 && id_ <= TypeId::kUInt64; }
  bool is_floating() const { return id_ == TypeId::kFloat32 || id_ == TypeId::kFloat64; }
  bool is_numeric() const { return is_integer() || is_floating() || id_ == TypeId::kDecimal128; }
  bool is_binary_like() const { return id_ == TypeId::kUtf8 || id_ == TypeId::kBinary; }
  bool is_temporal() const {
    return id_ == TypeId::kDate32 || id_ == TypeId::kTime64 || id_ == TypeId::kTimestamp;
  }
  bool is_nested() const { return id_ == TypeId::kList || id_ == TypeId::kStruct; }

  // Use the factories below; this is public for std::make_shared.
  DataType(TypeId id, int precision, int scale, TimeUnit unit, std::string timezone,
           std::vector<Field> fields);

 private:
  TypeId id_;
  int precision_ = 0;
  int scale_ = 0;
  TimeUnit unit_ = TimeUnit::kMicro;
  std::string timezone_;
  std::vector<Field> fields_;
};

// A named, typed column slot. Metadata carries format-specific extras (e.g. a Parquet field id).
struct Field {
  std::string name;
  DataTypePtr type;
  bool nullable = true;
  std::vector<std::pair<std::string, std::string>> metadata;

  Field() = default;
  Field(std::string name, DataTypePtr type, bool nullable = true)
      : name(std::move(name)), type(std::move(type)), nullable(nullable) {}
  bool Equals(const Field& other) const;  // name, type and nullability
  std::string ToString() const;           // "name: type" (+ " not null")
};

DataTypePtr Null();
DataTypePtr Bool();
DataTypePtr Int8();
DataTypePtr Int16();
DataTypePtr Int32();
DataTypePtr Int64();
DataTypePtr UInt8();
DataTypePtr UInt16();
DataTypePtr UInt32();
DataTypePtr UInt64();
DataTypePtr Float32();
DataTypePtr Float64();
DataTypePtr Utf8();
DataTypePtr Binary();
DataTypePtr Date32();
DataTypePtr Interval();
DataTypePtr Decimal128(int precision, int scale);
DataTypePtr Time64(TimeUnit unit = TimeUnit::kMicro);
DataTypePtr Timestamp(TimeUnit unit = TimeUnit::kMicro, std::string timezone = "");
DataTypePtr List(DataTypePtr value_type);
DataTypePtr List(Field item);
DataTypePtr Struct(std::vector<Field> fields);

// The primitive type for an id without parameters (not decimal/time/timestamp/list/struct).
DataTypePtr PrimitiveType(TypeId id);

}  // namespace bundlebase
