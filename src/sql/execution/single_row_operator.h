// SingleRowOperator: the result of a scalar subquery — exactly one row. No input row gives one
// row of NULLs; more than one is PostgreSQL's error "more than one row returned by a subquery
// used as an expression".
#pragma once

#include "sql/execution/physical_operator.h"

namespace bundlebase::sql {

class SingleRowOperator : public PhysicalOperator {
 public:
  SingleRowOperator(SchemaPtr schema, PhysicalOperatorPtr child);
  std::string name() const override { return "SINGLE_ROW"; }

  std::vector<int> sink_children() const override { return {0}; }
  Result<std::unique_ptr<GlobalSinkState>> MakeGlobalSinkState(ExecutionContext&) const override;
  Status Consume(ThreadContext& ctx, const RecordBatchPtr& input, GlobalSinkState& global,
                 LocalSinkState& local) const override;

  bool is_source() const override { return true; }
  Result<std::unique_ptr<GlobalSourceState>> MakeGlobalSourceState(ExecutionContext&) const override;
  Result<RecordBatchPtr> Produce(ThreadContext& ctx, GlobalSourceState& global,
                                 LocalSourceState& local) const override;
};

}  // namespace bundlebase::sql
