// SortOperator: ORDER BY. The sink of its child's pipeline, then an ordered source.
//
// Each thread gathers incoming batches into runs of up to kRunRows rows and sorts every run as
// soon as it is full, so sorting overlaps the scan and uses every core; Finalize merges all runs
// (k-way, prefix-first), and the source gathers the output batches in merged order. What the
// runs hold is reserved against the query's memory budget.
#pragma once

#include <vector>

#include "sql/execution/physical_operator.h"
#include "sql/execution/row_comparator.h"
#include "sql/execution/sort_run.h"

namespace bundlebase::sql {

class SortOperator : public PhysicalOperator {
 public:
  // Rows a thread collects before it sorts them as one run.
  static constexpr int64_t kRunRows = int64_t{1} << 21;

  // `schema` is the child's (the output has the same columns).
  SortOperator(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<SortKey> keys);

  std::string name() const override { return "SORT"; }
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
  bool source_is_ordered() const override { return true; }
  Result<std::unique_ptr<GlobalSourceState>> MakeGlobalSourceState(
      ExecutionContext&) const override;
  Result<RecordBatchPtr> Produce(ThreadContext& ctx, GlobalSourceState& global,
                                 LocalSourceState& local) const override;

 private:
  std::vector<SortKey> keys_;
};

}  // namespace bundlebase::sql
