// ProjectionOperator: one evaluation per output column per batch; column references pass the
// input column through without a copy.
#include "sql/execution/projection_operator.h"

#include "sql/execution/expression_evaluator.h"

namespace bundlebase::sql {

ProjectionOperator::ProjectionOperator(SchemaPtr schema, PhysicalOperatorPtr child,
                                       std::vector<ExprPtr> expressions)
    : PhysicalOperator(std::move(schema), SingleChild(std::move(child))),
      expressions_(std::move(expressions)) {}

std::string ProjectionOperator::details() const {
  std::string out;
  for (size_t i = 0; i < expressions_.size(); ++i) {
    if (i) out += ", ";
    out += expressions_[i]->ToString();
  }
  return out;
}

Result<RecordBatchPtr> ProjectionOperator::Execute(ThreadContext& ctx,
                                                   const RecordBatchPtr& input,
                                                   OperatorState&) const {
  std::vector<ArrayPtr> columns;
  columns.reserve(expressions_.size());
  for (const auto& e : expressions_) {
    BB_ASSIGN_OR_RAISE(ArrayPtr column, EvaluateToArray(*e, *input, ctx.kernel()));
    columns.push_back(std::move(column));
  }
  return std::make_shared<RecordBatch>(schema(), input->num_rows(), std::move(columns));
}

}  // namespace bundlebase::sql
