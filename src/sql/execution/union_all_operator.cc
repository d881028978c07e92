// UnionAllOperator: collect every input batch, then hand them all out.
#include "sql/execution/union_all_operator.h"

#include <mutex>

#include <fmt/format.h>

#include "sql/execution/sort_batch_queue.h"
#include "sql/execution/sort_gather.h"

namespace bundlebase::sql {
namespace {

struct UnionSinkState : GlobalSinkState {
  std::mutex mutex;
  BatchQueue output;
};

struct UnionLocalState : LocalSinkState {
  std::vector<RecordBatchPtr> batches;
  int64_t reserved_bytes = 0;
};

}  // namespace

UnionAllOperator::UnionAllOperator(SchemaPtr schema, std::vector<PhysicalOperatorPtr> children)
    : PhysicalOperator(std::move(schema), std::move(children)) {}

std::string UnionAllOperator::details() const {
  return fmt::format("{} inputs", children().size());
}

std::vector<int> UnionAllOperator::sink_children() const {
  std::vector<int> all(children().size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  return all;
}

Result<std::unique_ptr<GlobalSinkState>> UnionAllOperator::MakeGlobalSinkState(
    ExecutionContext&) const {
  return std::make_unique<UnionSinkState>();
}

Result<std::unique_ptr<LocalSinkState>> UnionAllOperator::MakeLocalSinkState(
    ThreadContext&, GlobalSinkState&) const {
  return std::make_unique<UnionLocalState>();
}

Status UnionAllOperator::Consume(ThreadContext& ctx, const RecordBatchPtr& input,
                                 GlobalSinkState&, LocalSinkState& local_state) const {
  auto& local = static_cast<UnionLocalState&>(local_state);
  if (input->num_columns() != schema()->num_fields()) {
    return Status::Internal("UNION ALL input has {} columns, the union {}", input->num_columns(),
                            schema()->num_fields());
  }
  const int64_t bytes = EstimateBatchBytes(*input);
  BB_RETURN_NOT_OK(ctx.query().memory().Reserve(bytes, "union all"));
  local.reserved_bytes += bytes;
  local.batches.push_back(
      std::make_shared<RecordBatch>(schema(), input->num_rows(), input->columns()));
  return Status::OK();
}

Status UnionAllOperator::Combine(ThreadContext&, GlobalSinkState& global_state,
                                 LocalSinkState& local_state) const {
  auto& global = static_cast<UnionSinkState&>(global_state);
  auto& local = static_cast<UnionLocalState&>(local_state);
  std::lock_guard<std::mutex> lock(global.mutex);
  for (RecordBatchPtr& batch : local.batches) global.output.Add(std::move(batch));
  global.output.AddReservedBytes(local.reserved_bytes);
  local.batches.clear();
  local.reserved_bytes = 0;
  return Status::OK();
}

Result<RecordBatchPtr> UnionAllOperator::Produce(ThreadContext& ctx, GlobalSourceState&,
                                                 LocalSourceState&) const {
  return static_cast<UnionSinkState&>(*sink_state()).output.Next(ctx.query().memory());
}

}  // namespace bundlebase::sql
