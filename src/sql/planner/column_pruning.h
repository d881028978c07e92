// Column pruning: scans read only the columns some operator above them uses.
//
// Every column id referenced anywhere in the plan (expressions of every operator, plus the
// plan's result columns) is collected; each scan drops the rest, and the operators that pass
// their input's columns through (filters, joins, sorts, limits, windows) are updated to match.
#pragma once

#include "sql/planner/logical_plan.h"

namespace bundlebase::sql {

void PruneColumns(LogicalOperator* plan);

}  // namespace bundlebase::sql
