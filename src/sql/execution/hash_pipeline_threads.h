// How many threads run the pipeline that ends at (or streams through) an operator's child: the
// executor runs every pipeline on all of the query's threads unless its source is ordered
// (executor.cc). Operators that must know when the last thread of a pipeline is done (RIGHT/FULL
// joins) or which child a sink's input comes from (set operations) count against this.
#pragma once

#include "sql/execution/physical_operator.h"

namespace bundlebase::sql {

inline int PipelineThreadCount(const PhysicalOperator& top, const ExecutionContext& ctx) {
  const PhysicalOperator* op = &top;
  while (op->streaming_child() >= 0) op = op->child(op->streaming_child());
  return op->source_is_ordered() ? 1 : ctx.threads();
}

}  // namespace bundlebase::sql
