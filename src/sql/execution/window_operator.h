// WindowOperator: window functions over one (PARTITION BY, ORDER BY) window.
//
// The sink of its child: it keeps every input row, then Finalize sorts them by partition keys
// and order keys (per-thread runs in parallel, then a merge), finds partitions and peer groups,
// and evaluates every function over ranges of whole partitions on all threads. The source hands
// out the input columns, in window order, followed by one column per function. Functions with
// different windows are separate WindowOperators stacked by the planner.
#pragma once

#include "sql/execution/physical_operator.h"
#include "sql/execution/window_spec.h"

namespace bundlebase::sql {

class WindowOperator : public PhysicalOperator {
 public:
  // `schema`: the child's columns, then one per function (WindowFunctionOutputType).
  WindowOperator(SchemaPtr schema, PhysicalOperatorPtr child, WindowOperatorSpec spec);

  std::string name() const override { return "WINDOW"; }
  std::string details() const override;

  std::vector<int> sink_children() const override { return {0}; }
  Result<std::unique_ptr<GlobalSinkState>> MakeGlobalSinkState(ExecutionContext&) const override;
  Result<std::unique_ptr<LocalSinkState>> MakeLocalSinkState(ThreadContext&,
                                                              GlobalSinkState&) const override;
  Status Consume(ThreadContext& ctx, const RecordBatchPtr& input, GlobalSinkState& global,
                 LocalSinkState& local) const override;
  Status Combine(ThreadContext& ctx, GlobalSinkState& global, LocalSinkState& local) const override;
  Status Finalize(ExecutionContext& ctx, GlobalSinkState& global) const override;

  bool is_source() const override { return true; }
  Result<RecordBatchPtr> Produce(ThreadContext& ctx, GlobalSourceState& global,
                                 LocalSourceState& local) const override;

 private:
  Result<RecordBatchPtr> SortInput(ExecutionContext& ctx, RecordBatchPtr input) const;

  WindowOperatorSpec spec_;
};

}  // namespace bundlebase::sql
