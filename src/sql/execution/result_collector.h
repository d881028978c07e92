// ResultCollector: the sink at the top of every plan. Keeps the batches each thread produced;
// with one thread (ordered plans) their order is the plan's order.
#pragma once

#include <mutex>
#include <vector>

#include "sql/execution/physical_operator.h"

namespace bundlebase::sql {

class ResultCollector : public PhysicalOperator {
 public:
  explicit ResultCollector(SchemaPtr schema) : PhysicalOperator(std::move(schema), {}) {}
  std::string name() const override { return "RESULT"; }

  Result<std::unique_ptr<GlobalSinkState>> MakeGlobalSinkState(ExecutionContext&) const override;
  Result<std::unique_ptr<LocalSinkState>> MakeLocalSinkState(ThreadContext&,
                                                              GlobalSinkState&) const override;
  Status Consume(ThreadContext& ctx, const RecordBatchPtr& input, GlobalSinkState& global,
                 LocalSinkState& local) const override;
  Status Combine(ThreadContext& ctx, GlobalSinkState& global, LocalSinkState& local) const override;

  // After execution: every batch, with the plan's schema (names included).
  std::vector<RecordBatchPtr> TakeBatches() const;
};

}  // namespace bundlebase::sql
