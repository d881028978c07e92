// Optimizer: rewrites a bound logical plan into a cheaper equivalent before physical planning.
//
// Passes, in order: predicate pushdown (filters move below projections and joins, conditions
// of an implicit cross join become join conditions, scans receive the simple predicates they
// can prune row groups with) and column pruning (every operator keeps only the columns
// someone above it uses, so scans read only those).
#pragma once

#include "sql/planner/logical_plan.h"

namespace bundlebase::sql {

Result<LogicalPtr> Optimize(LogicalPtr plan);

}  // namespace bundlebase::sql
