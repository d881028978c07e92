// UnionAllOperator: UNION ALL of any number of inputs with the same column types.
//
// The sink of every child's pipeline: it keeps their batches (renamed to the union's column
// names) and its source hands them out to all threads. Each child's batches keep their own
// relative order per thread; the union as a whole has no order.
#pragma once

#include "sql/execution/physical_operator.h"

namespace bundlebase::sql {

class UnionAllOperator : public PhysicalOperator {
 public:
  UnionAllOperator(SchemaPtr schema, std::vector<PhysicalOperatorPtr> children);

  std::string name() const override { return "UNION_ALL"; }
  std::string details() const override;

  std::vector<int> sink_children() const override;
  Result<std::unique_ptr<GlobalSinkState>> MakeGlobalSinkState(ExecutionContext&) const override;
  Result<std::unique_ptr<LocalSinkState>> MakeLocalSinkState(ThreadContext&,
                                                              GlobalSinkState&) const override;
  Status Consume(ThreadContext& ctx, const RecordBatchPtr& input, GlobalSinkState& global,
                 LocalSinkState& local) const override;
  Status Combine(ThreadContext& ctx, GlobalSinkState& global, LocalSinkState& local) const override;

  bool is_source() const override { return true; }
  Result<RecordBatchPtr> Produce(ThreadContext& ctx, GlobalSourceState& global,
                                 LocalSourceState& local) const override;
};

}  // namespace bundlebase::sql
