// Vectorized evaluation of resolved expressions (planner/expression.h) over one record batch.
//
// Column references must already be positions (ResolveColumns). Literals stay scalars; a call
// whose arguments are all scalars yields a scalar, so constant sub-expressions cost one kernel
// call per batch, not per row. AND/OR follow SQL three-valued logic; CASE evaluates each branch
// only on the rows that reach it, so `CASE WHEN x <> 0 THEN 1 / x END` never divides by zero.
#pragma once

#include "columnar/record_batch.h"
#include "sql/functions/function.h"
#include "sql/planner/expression.h"

namespace bundlebase::sql {

Result<Datum> Evaluate(const Expression& expr, const RecordBatch& batch, KernelContext& ctx);

// The result as a column of batch.num_rows() rows.
Result<ArrayPtr> EvaluateToArray(const Expression& expr, const RecordBatch& batch,
                                 KernelContext& ctx);

// A boolean predicate as a selection: the rows where it is true (NULL counts as false), as
// ascending row indices. Used by filters, joins' residual conditions and CASE.
Result<std::vector<int32_t>> EvaluateSelection(const Expression& predicate, const RecordBatch& batch,
                                               KernelContext& ctx);

}  // namespace bundlebase::sql
