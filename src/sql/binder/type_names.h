// SQL type names to columnar types: INTEGER -> int32, NUMERIC(10, 2) -> decimal(10, 2),
// TIMESTAMPTZ -> timestamp[us, tz=UTC], TEXT[] -> list<utf8>, ... (PostgreSQL's names plus the
// common DuckDB spellings). See docs/sql.md for the table.
#pragma once

#include "bundlebase/result.h"
#include "columnar/type.h"
#include "sql/parser/ast.h"

namespace bundlebase::sql {

// The precision and scale NUMERIC gets without modifiers (PostgreSQL's numeric is unbounded;
// ours is decimal128).
inline constexpr int kDefaultNumericPrecision = 38;
inline constexpr int kDefaultNumericScale = 10;

// `sql` is the statement text, for the position in errors ("type "foo" does not exist").
Result<DataTypePtr> ResolveTypeName(const TypeName& name, std::string_view sql);

}  // namespace bundlebase::sql
