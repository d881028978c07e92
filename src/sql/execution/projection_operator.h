// ProjectionOperator: computes the output columns from expressions over the input batch.
#pragma once

#include "sql/execution/physical_operator.h"
#include "sql/planner/expression.h"

namespace bundlebase::sql {

class ProjectionOperator : public PhysicalOperator {
 public:
  // `expressions` are resolved against the child's output; one per field of `schema`.
  ProjectionOperator(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<ExprPtr> expressions);
  std::string name() const override { return "PROJECTION"; }
  std::string details() const override;
  int streaming_child() const override { return 0; }
  Result<RecordBatchPtr> Execute(ThreadContext& ctx, const RecordBatchPtr& input,
                                 OperatorState& state) const override;

 private:
  std::vector<ExprPtr> expressions_;
};

}  // namespace bundlebase::sql
