// FilterOperator: keeps the rows where the predicate is true (NULL counts as false).
#pragma once

#include "sql/execution/physical_operator.h"
#include "sql/planner/expression.h"

namespace bundlebase::sql {

class FilterOperator : public PhysicalOperator {
 public:
  // `schema` is the child's; `predicate` is resolved against the child's output.
  FilterOperator(SchemaPtr schema, PhysicalOperatorPtr child, ExprPtr predicate);
  std::string name() const override { return "FILTER"; }
  std::string details() const override { return predicate_->ToString(); }
  int streaming_child() const override { return 0; }
  Result<RecordBatchPtr> Execute(ThreadContext& ctx, const RecordBatchPtr& input,
                                 OperatorState& state) const override;

 private:
  ExprPtr predicate_;
};

}  // namespace bundlebase::sql
