// LimitOperator: LIMIT / OFFSET without ORDER BY, or above an ordered input.
//
// The sink counts rows with one global counter: each batch claims a range of row numbers, keeps
// the part of it inside [offset, offset + limit) and, once the range passes the end, marks the
// sink finished so the executor stops the scan on every thread. Without an order which rows are
// skipped is unspecified (as in SQL); above an ordered input the pipeline runs on one thread, so
// the numbers follow the input order and the source hands the rows out in that order.
#pragma once

#include "sql/execution/physical_operator.h"

namespace bundlebase::sql {

class LimitOperator : public PhysicalOperator {
 public:
  static constexpr int64_t kNoLimit = -1;

  // `schema` is the child's; limit kNoLimit for OFFSET alone.
  LimitOperator(SchemaPtr schema, PhysicalOperatorPtr child, int64_t limit, int64_t offset);

  std::string name() const override { return "LIMIT"; }
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
  bool source_is_ordered() const override { return input_is_ordered_; }
  Result<RecordBatchPtr> Produce(ThreadContext& ctx, GlobalSourceState& global,
                                 LocalSourceState& local) const override;

 private:
  int64_t limit_;
  int64_t offset_;
  int64_t end_;  // offset + limit, saturated
  bool input_is_ordered_;
};

// True when the pipeline feeding `op` starts at an ordered source (streaming operators such as
// projections keep the order).
bool InputIsOrdered(const PhysicalOperator& op);

}  // namespace bundlebase::sql
