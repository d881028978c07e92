// FilterOperator: a selection vector from the predicate, then a gather of the kept rows (none
// when every row passes).
#include "sql/execution/filter_operator.h"

#include "sql/execution/expression_evaluator.h"
#include "sql/execution/selection.h"

namespace bundlebase::sql {

FilterOperator::FilterOperator(SchemaPtr schema, PhysicalOperatorPtr child, ExprPtr predicate)
    : PhysicalOperator(std::move(schema), SingleChild(std::move(child))),
      predicate_(std::move(predicate)) {}

Result<RecordBatchPtr> FilterOperator::Execute(ThreadContext& ctx, const RecordBatchPtr& input,
                                               OperatorState&) const {
  BB_ASSIGN_OR_RAISE(std::vector<int32_t> rows,
                     EvaluateSelection(*predicate_, *input, ctx.kernel()));
  if (static_cast<int64_t>(rows.size()) == input->num_rows()) return input;
  if (rows.empty()) return RecordBatchPtr{};
  return TakeBatch(*input, rows);
}

}  // namespace bundlebase::sql
