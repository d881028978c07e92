// Executor: cuts a physical plan into pipelines and runs them, each on all threads at once.
//
// Pipelines run in dependency order (a hash join's build pipeline before its probe pipeline; an
// aggregate's input pipeline before the pipeline that reads its result). The first error on
// any thread cancels the others and is returned; no partial result escapes.
#pragma once

#include <string>
#include <vector>

#include "sql/execution/physical_operator.h"

namespace bundlebase::sql {

// Runs `plan` to completion and returns every row it produced, in order when the plan's top
// is ordered (ORDER BY), else in no particular order.
Result<std::vector<RecordBatchPtr>> ExecutePlan(const PhysicalOperator& plan,
                                                ExecutionContext& ctx);

// The plan as an indented tree, one operator a line ("HASH_JOIN INNER on ... (~1200 rows)");
// with `analyze`, the rows each operator produced and the time spent in it.
std::string FormatPhysicalPlan(const PhysicalOperator& plan, bool analyze);

}  // namespace bundlebase::sql
