// ORDER BY and LIMIT / OFFSET on a whole query: after a SELECT's own clauses, and on set
// operations and VALUES, where ORDER BY may name output columns (by name or position) only.
#pragma once

#include "sql/binder/binder.h"

namespace bundlebase::sql {

// LIMIT / OFFSET of `query` on top of `plan` (constants; $n parameters allowed).
Result<LogicalPtr> ApplyLimit(Binder& binder, const QueryNode& query, LogicalPtr plan);

// ORDER BY (output names and positions) and LIMIT / OFFSET, for set operations and VALUES.
Result<LogicalPtr> ApplyOutputModifiers(Binder& binder, const QueryNode& query, LogicalPtr plan);

}  // namespace bundlebase::sql
