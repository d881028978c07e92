// Implicit casts: which type conversions the binder may insert on its own, what each costs, and
// the common type of a list of expressions (CASE branches, COALESCE, UNION columns, IN lists).
//
// The rules are PostgreSQL's, mapped to our types. Numbers widen along
// int8 -> int16 -> int32 -> int64 -> decimal -> float32 -> float64, one unit of cost per step;
// unsigned integers (from Parquet files) first widen to the next larger signed type
// (uint8 -> int16, uint16 -> int32, uint32 -> int64, uint64 -> decimal(20, 0)). A date becomes a
// timestamp and a timestamp a timestamptz. Nothing becomes text implicitly. An untyped literal
// ('2024-01-01', NULL) may become anything: it costs nothing when it takes the type of another
// argument of the call (as PostgreSQL assumes), 1 as text, 2 as anything else.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sql/functions/function_registry.h"

namespace bundlebase::sql {

// The SQL name of a type as users see it in errors: integer, bigint, numeric, text,
// double precision, timestamp with time zone, text[], ...
std::string SqlTypeName(const DataType& type);

// The cost of an implicit cast from `from` to `to` (0 when equal); nullopt when the cast is not
// implicit.
std::optional<int> ImplicitCastCost(const DataType& from, const DataType& to);

// How argument `index` of a call reaches a kernel input: the type it is cast to and the cost.
struct ArgumentCast {
  DataTypePtr target;
  int cost = 0;
};
std::optional<ArgumentCast> PlanArgumentCast(const std::vector<ArgumentInfo>& args, size_t index,
                                             const InputType& input);

// The type every value of `args` converts to implicitly, as PostgreSQL resolves CASE, UNION and
// COALESCE: untyped literals take the others' type (text when all are untyped); numbers promote
// to the widest (decimals to a precision and scale that hold every input, capped at 38);
// date/timestamp/timestamptz promote in that order. Otherwise a TypeError such as
// "CASE types integer and text cannot be matched" (`context` names the construct).
Result<DataTypePtr> CommonSuperType(const std::vector<ArgumentInfo>& args,
                                    std::string_view context = "CASE");

}  // namespace bundlebase::sql
