// TopNOperator: ORDER BY ... LIMIT n OFFSET m without sorting everything.
//
// Each thread keeps only its best n + m rows: incoming batches pile up until they reach twice
// that (or a few thousand rows), then the pile is cut back to the best n + m by selection
// (nth_element), so the work stays linear in the input. After the first cut, a row whose first-key
// prefix is worse than the worst survivor's is dropped on arrival with one integer compare, so
// most of a large input is never copied. Finalize picks the best n + m of all
// threads' survivors, in order, and the ordered source hands out rows m .. m + n - 1.
#pragma once

#include <vector>

#include "sql/execution/physical_operator.h"
#include "sql/execution/row_comparator.h"

namespace bundlebase::sql {

class TopNOperator : public PhysicalOperator {
 public:
  // `schema` is the child's; limit >= 0, offset >= 0.
  TopNOperator(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<SortKey> keys,
               int64_t limit, int64_t offset);

  std::string name() const override { return "TOP_N"; }
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
  int64_t limit_;
  int64_t offset_;
  int64_t keep_;  // limit + offset, saturated
};

}  // namespace bundlebase::sql
