// The table of type names and their modifiers.
#include "sql/binder/type_names.h"

#include <map>

#include "base/strings.h"
#include "sql/parser/error_position.h"

namespace bundlebase::sql {
namespace {

Result<std::vector<int64_t>> IntegerModifiers(const TypeName& name, std::string_view sql) {
  std::vector<int64_t> out;
  for (const auto& m : name.modifiers) {
    if (m->kind != ExprKind::kConstant ||
        m->As<ConstantExpr>().constant_kind != ConstantKind::kInteger) {
      return Status::Invalid("type modifiers must be simple integer constants{}",
                             PositionSuffix(sql, m->location));
    }
    out.push_back(m->As<ConstantExpr>().integer);
  }
  return out;
}

Result<DataTypePtr> NumericType(const std::vector<int64_t>& mods, const TypeName& name,
                                std::string_view sql) {
  if (mods.empty()) return Decimal128(kDefaultNumericPrecision, kDefaultNumericScale);
  int64_t precision = mods[0];
  int64_t scale = mods.size() > 1 ? mods[1] : 0;
  if (mods.size() > 2 || precision < 1 || precision > 38 || scale < 0 || scale > precision) {
    return Status::Invalid("NUMERIC precision must be between 1 and 38 and its scale between 0 "
                           "and the precision, not ({}, {}){}",
                           precision, scale, PositionSuffix(sql, name.location));
  }
  return Decimal128(static_cast<int>(precision), static_cast<int>(scale));
}

Result<DataTypePtr> BaseType(const TypeName& name, std::string_view sql) {
  static const std::map<std::string, DataTypePtr> kSimple = {
      {"int2", Int16()},     {"smallint", Int16()},  {"int4", Int32()},
      {"int", Int32()},      {"integer", Int32()},   {"int8", Int64()},
      {"bigint", Int64()},   {"tinyint", Int8()},    {"utinyint", UInt8()},
      {"usmallint", UInt16()}, {"uinteger", UInt32()}, {"ubigint", UInt64()},
      {"float4", Float32()}, {"real", Float32()},    {"float8", Float64()},
      {"double", Float64()}, {"float", Float64()},   {"text", Utf8()},
      {"varchar", Utf8()},   {"bpchar", Utf8()},     {"char", Utf8()},
      {"string", Utf8()},    {"name", Utf8()},       {"uuid", Utf8()},
      {"json", Utf8()},      {"bool", Bool()},       {"boolean", Bool()},
      {"date", Date32()},    {"time", Time64(TimeUnit::kMicro)},
      {"timestamp", Timestamp(TimeUnit::kMicro)},
      {"datetime", Timestamp(TimeUnit::kMicro)},
      {"timestamptz", Timestamp(TimeUnit::kMicro, "UTC")},
      {"interval", Interval()}, {"bytea", Binary()}, {"blob", Binary()},
      {"hugeint", Decimal128(38, 0)},
  };
  std::string base = ToLower(name.names.back().name);
  BB_ASSIGN_OR_RAISE(std::vector<int64_t> mods, IntegerModifiers(name, sql));
  if (base == "numeric" || base == "decimal") return NumericType(mods, name, sql);
  auto it = kSimple.find(base);
  if (it == kSimple.end()) {
    return Status::TypeError("type \"{}\" does not exist{}", name.names.back().name,
                             PositionSuffix(sql, name.location));
  }
  // Length limits of VARCHAR(n) / CHAR(n) and precisions of TIMESTAMP(p) are accepted and not
  // enforced (documented in docs/sql-differences.md).
  return it->second;
}

}  // namespace

Result<DataTypePtr> ResolveTypeName(const TypeName& name, std::string_view sql) {
  BB_ASSIGN_OR_RAISE(DataTypePtr type, BaseType(name, sql));
  for (size_t i = 0; i < name.array_bounds.size(); ++i) type = List(type);
  return type;
}

}  // namespace bundlebase::sql
