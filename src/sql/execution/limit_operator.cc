// LimitOperator: a global row counter, kept slices, handed out in input order.
#include "sql/execution/limit_operator.h"

#include <algorithm>
#include <mutex>

#include <fmt/format.h>

#include "sql/execution/sort_batch_queue.h"
#include "sql/execution/sort_gather.h"

namespace bundlebase::sql {
namespace {

struct KeptSlice {
  int64_t first_row;  // the slice's row number in the input
  RecordBatchPtr batch;
};

struct LimitSinkState : GlobalSinkState {
  std::atomic<int64_t> rows_seen{0};
  std::mutex mutex;
  std::vector<KeptSlice> kept;
  BatchQueue output;
};

struct LimitLocalState : LocalSinkState {
  std::vector<KeptSlice> kept;
  int64_t reserved_bytes = 0;
};

}  // namespace

bool InputIsOrdered(const PhysicalOperator& op) {
  const PhysicalOperator* input = op.child(0);
  while (input->streaming_child() >= 0) input = input->child(input->streaming_child());
  return input->source_is_ordered();
}

LimitOperator::LimitOperator(SchemaPtr schema, PhysicalOperatorPtr child, int64_t limit,
                             int64_t offset)
    : PhysicalOperator(std::move(schema), SingleChild(std::move(child))),
      limit_(limit),
      offset_(offset),
      end_(limit == kNoLimit || limit > INT64_MAX - offset ? INT64_MAX : offset + limit),
      input_is_ordered_(InputIsOrdered(*this)) {}

std::string LimitOperator::details() const {
  std::string out = limit_ == kNoLimit ? "" : fmt::format("limit {}", limit_);
  if (offset_ > 0) out += fmt::format("{}offset {}", out.empty() ? "" : " ", offset_);
  return out;
}

Result<std::unique_ptr<GlobalSinkState>> LimitOperator::MakeGlobalSinkState(
    ExecutionContext&) const {
  auto state = std::make_unique<LimitSinkState>();
  if (end_ == 0) state->finished = true;
  return state;
}

Result<std::unique_ptr<LocalSinkState>> LimitOperator::MakeLocalSinkState(ThreadContext&,
                                                                           GlobalSinkState&) const {
  return std::make_unique<LimitLocalState>();
}

Status LimitOperator::Consume(ThreadContext& ctx, const RecordBatchPtr& input,
                              GlobalSinkState& global_state, LocalSinkState& local_state) const {
  auto& global = static_cast<LimitSinkState&>(global_state);
  auto& local = static_cast<LimitLocalState&>(local_state);
  const int64_t n = input->num_rows();
  const int64_t first = global.rows_seen.fetch_add(n, std::memory_order_relaxed);
  if (first >= end_ || n >= end_ - first) global.finished = true;
  const int64_t keep_from = std::max(first, offset_);
  const int64_t keep_to = n >= end_ - first ? end_ : first + n;
  if (keep_from >= keep_to) return Status::OK();
  RecordBatchPtr slice = input->Slice(keep_from - first, keep_to - keep_from);
  const int64_t bytes = EstimateBatchBytes(*slice);
  BB_RETURN_NOT_OK(ctx.query().memory().Reserve(bytes, "limit"));
  local.reserved_bytes += bytes;
  local.kept.push_back({keep_from, std::move(slice)});
  return Status::OK();
}

Status LimitOperator::Combine(ThreadContext&, GlobalSinkState& global_state,
                              LocalSinkState& local_state) const {
  auto& global = static_cast<LimitSinkState&>(global_state);
  auto& local = static_cast<LimitLocalState&>(local_state);
  std::lock_guard<std::mutex> lock(global.mutex);
  for (KeptSlice& slice : local.kept) global.kept.push_back(std::move(slice));
  global.output.AddReservedBytes(local.reserved_bytes);
  return Status::OK();
}

Status LimitOperator::Finalize(ExecutionContext&, GlobalSinkState& global_state) const {
  auto& global = static_cast<LimitSinkState&>(global_state);
  std::sort(global.kept.begin(), global.kept.end(),
            [](const KeptSlice& a, const KeptSlice& b) { return a.first_row < b.first_row; });
  for (KeptSlice& slice : global.kept) {
    global.output.Add(std::make_shared<RecordBatch>(schema(), slice.batch->num_rows(),
                                                    slice.batch->columns()));
  }
  global.kept.clear();
  return Status::OK();
}

Result<RecordBatchPtr> LimitOperator::Produce(ThreadContext& ctx, GlobalSourceState&,
                                              LocalSourceState&) const {
  return static_cast<LimitSinkState&>(*sink_state()).output.Next(ctx.query().memory());
}

}  // namespace bundlebase::sql
