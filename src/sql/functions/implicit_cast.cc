// Implicit cast costs, argument planning for overload resolution and the common super type
// (rules in implicit_cast.h).
#include "sql/functions/implicit_cast.h"

#include <algorithm>

namespace bundlebase::sql {

namespace {

// Position on the numeric widening chain; unsigned types sit at the signed type they widen to.
// Floats are two steps past decimal so that integer arguments prefer exact decimal arithmetic.
int NumericRank(const DataType& t) {
  switch (t.id()) {
    case TypeId::kInt8: return 0;
    case TypeId::kInt16: case TypeId::kUInt8: return 1;
    case TypeId::kInt32: case TypeId::kUInt16: return 2;
    case TypeId::kInt64: case TypeId::kUInt32: return 3;
    case TypeId::kDecimal128: case TypeId::kUInt64: return 4;
    case TypeId::kFloat32: return 5;
    case TypeId::kFloat64: return 6;
    default: return -1;
  }
}

bool IsTimestampTz(const DataType& t) {
  return t.id() == TypeId::kTimestamp && !t.timezone().empty();
}

// Decimal digits needed for every value of an integer type.
int IntegerDigits(TypeId id) {
  switch (id) {
    case TypeId::kInt8: case TypeId::kUInt8: return 3;
    case TypeId::kInt16: case TypeId::kUInt16: return 5;
    case TypeId::kInt32: case TypeId::kUInt32: return 10;
    case TypeId::kInt64: return 19;
    default: return 20;
  }
}

// The concrete type an argument of type `from` becomes for an input that accepts any type with
// id `id` (decimal(p, s), timestamp[unit, tz], ...).
DataTypePtr TargetForTypeId(const DataType& from, TypeId id) {
  switch (id) {
    case TypeId::kDecimal128:
      if (from.is_integer()) return Decimal128(IntegerDigits(from.id()), 0);
      return Decimal128(38, 10);
    case TypeId::kTimestamp:
      if (from.id() == TypeId::kTimestamp) return Timestamp(from.unit(), from.timezone());
      return Timestamp(TimeUnit::kMicro);
    case TypeId::kTime64: return Time64(TimeUnit::kMicro);
    case TypeId::kList: return List(Utf8());
    case TypeId::kStruct: return nullptr;
    default: return PrimitiveType(id);
  }
}

bool IsUntyped(const ArgumentInfo& arg) {
  return arg.untyped_literal || arg.type == nullptr || arg.type->id() == TypeId::kNull;
}

// The type of another, typed argument that `input` would accept as it is, if any.
DataTypePtr TypeOfOtherArgument(const std::vector<ArgumentInfo>& args, size_t index,
                                const InputType& input) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (i == index || IsUntyped(args[i])) continue;
    if (input.kind != InputType::Kind::kAny && input.Matches(*args[i].type)) return args[i].type;
  }
  return nullptr;
}

std::string Category(const DataType& t) {
  if (t.is_numeric()) return "numeric";
  if (t.id() == TypeId::kDate32 || t.id() == TypeId::kTimestamp) return "datetime";
  return SqlTypeName(t);
}

DataTypePtr WidenDecimals(const std::vector<DataTypePtr>& types) {
  int int_digits = 0;
  int scale = 0;
  for (const auto& t : types) {
    if (t->id() == TypeId::kDecimal128) {
      int_digits = std::max(int_digits, t->precision() - t->scale());
      scale = std::max(scale, t->scale());
    } else {
      int_digits = std::max(int_digits, IntegerDigits(t->id()));
    }
  }
  int precision = std::min(38, int_digits + scale);
  return Decimal128(std::max(precision, 1), std::min(scale, std::max(precision, 1)));
}

}  // namespace

std::string SqlTypeName(const DataType& type) {
  switch (type.id()) {
    case TypeId::kNull: return "unknown";
    case TypeId::kBool: return "boolean";
    case TypeId::kInt8: return "tinyint";
    case TypeId::kInt16: return "smallint";
    case TypeId::kInt32: return "integer";
    case TypeId::kInt64: return "bigint";
    case TypeId::kUInt8: return "utinyint";
    case TypeId::kUInt16: return "usmallint";
    case TypeId::kUInt32: return "uinteger";
    case TypeId::kUInt64: return "ubigint";
    case TypeId::kFloat32: return "real";
    case TypeId::kFloat64: return "double precision";
    case TypeId::kDecimal128: return "numeric";
    case TypeId::kUtf8: return "text";
    case TypeId::kBinary: return "bytea";
    case TypeId::kDate32: return "date";
    case TypeId::kTime64: return "time without time zone";
    case TypeId::kTimestamp:
      return type.timezone().empty() ? "timestamp without time zone" : "timestamp with time zone";
    case TypeId::kInterval: return "interval";
    case TypeId::kList: return SqlTypeName(*type.value_type()) + "[]";
    case TypeId::kStruct: return "record";
  }
  return type.ToString();
}

std::optional<int> ImplicitCastCost(const DataType& from, const DataType& to) {
  if (from.Equals(to)) return 0;
  if (from.id() == TypeId::kNull) return 1;
  int from_rank = NumericRank(from);
  int to_rank = NumericRank(to);
  if (from_rank >= 0 && to_rank >= 0 && !to.is_unsigned_integer()) {
    if (from.id() == TypeId::kDecimal128 && to.id() == TypeId::kDecimal128) return 1;
    if (to_rank < from_rank) return std::nullopt;
    int cost = to_rank - from_rank + (from.is_unsigned_integer() ? 1 : 0);
    return std::max(cost, 1);
  }
  if (from.id() == TypeId::kDate32 && to.id() == TypeId::kTimestamp) {
    return IsTimestampTz(to) ? 2 : 1;
  }
  if (from.id() == TypeId::kTimestamp && to.id() == TypeId::kTimestamp) {
    if (IsTimestampTz(from) && !IsTimestampTz(to)) return std::nullopt;
    return 1;
  }
  if (from.id() == TypeId::kTime64 && to.id() == TypeId::kTime64) return 1;
  return std::nullopt;
}

std::optional<ArgumentCast> PlanArgumentCast(const std::vector<ArgumentInfo>& args, size_t index,
                                             const InputType& input) {
  const ArgumentInfo& arg = args[index];
  if (IsUntyped(arg)) {
    if (input.kind == InputType::Kind::kAny) {
      // Untyped literals passed to "any" resolve as text; NULL keeps its null type.
      bool is_null = arg.type == nullptr || arg.type->id() == TypeId::kNull;
      return ArgumentCast{is_null ? Null() : Utf8(), 2};
    }
    if (DataTypePtr other = TypeOfOtherArgument(args, index, input)) {
      return ArgumentCast{other, 0};
    }
    DataTypePtr target = input.kind == InputType::Kind::kExact
                             ? input.type
                             : TargetForTypeId(arg.type ? *arg.type : *Null(), input.id);
    if (!target) return std::nullopt;
    return ArgumentCast{target, target->id() == TypeId::kUtf8 ? 1 : 2};
  }
  // "any" costs one unit so that a specific overload (text || text) beats a generic one.
  if (input.Matches(*arg.type)) {
    return ArgumentCast{arg.type, input.kind == InputType::Kind::kAny ? 1 : 0};
  }
  DataTypePtr target = input.kind == InputType::Kind::kExact ? input.type
                                                              : TargetForTypeId(*arg.type, input.id);
  if (!target) return std::nullopt;
  std::optional<int> cost = ImplicitCastCost(*arg.type, *target);
  if (!cost) return std::nullopt;
  return ArgumentCast{target, *cost};
}

Result<DataTypePtr> CommonSuperType(const std::vector<ArgumentInfo>& args,
                                    std::string_view context) {
  std::vector<DataTypePtr> typed;
  for (const auto& arg : args) {
    if (!IsUntyped(arg)) typed.push_back(arg.type);
  }
  if (typed.empty()) return Utf8();
  const DataTypePtr& first = typed.front();
  for (const auto& t : typed) {
    if (Category(*t) != Category(*first)) {
      return Status::TypeError("{} types {} and {} cannot be matched", context,
                               SqlTypeName(*first), SqlTypeName(*t));
    }
  }
  bool all_equal = std::all_of(typed.begin(), typed.end(),
                               [&](const DataTypePtr& t) { return t->Equals(*first); });
  if (all_equal) return first;
  if (first->is_numeric()) {
    int widest = 0;
    for (const auto& t : typed) widest = std::max(widest, NumericRank(*t));
    bool any_float64 = std::any_of(typed.begin(), typed.end(), [](const DataTypePtr& t) {
      return t->id() == TypeId::kFloat64;
    });
    if (widest >= 5) return any_float64 ? Float64() : Float32();
    bool any_unsigned64 = std::any_of(typed.begin(), typed.end(), [](const DataTypePtr& t) {
      return t->id() == TypeId::kUInt64;
    });
    if (widest == 4 || any_unsigned64) return WidenDecimals(typed);
    switch (widest) {
      case 0: return Int8();
      case 1: return Int16();
      case 2: return Int32();
      default: return Int64();
    }
  }
  if (first->id() == TypeId::kDate32 || first->id() == TypeId::kTimestamp) {
    bool any_tz = false;
    bool any_timestamp = false;
    for (const auto& t : typed) {
      any_tz |= IsTimestampTz(*t);
      any_timestamp |= t->id() == TypeId::kTimestamp;
    }
    if (any_tz) return Timestamp(TimeUnit::kMicro, "UTC");
    if (any_timestamp) return Timestamp(TimeUnit::kMicro);
    return Date32();
  }
  if (first->id() == TypeId::kTime64) return Time64(TimeUnit::kMicro);
  for (const auto& t : typed) {
    if (!t->Equals(*first)) {
      return Status::TypeError("{} types {} and {} cannot be matched", context,
                               first->ToString(), t->ToString());
    }
  }
  return first;
}

}  // namespace bundlebase::sql
