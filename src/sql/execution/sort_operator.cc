// SortOperator: per-thread sorted runs, one k-way merge, gathered output.
#include "sql/execution/sort_operator.h"

#include <mutex>

namespace bundlebase::sql {
namespace {

// Bytes per row the sort keeps besides the rows themselves: a run entry and a merged reference.
constexpr int64_t kBytesPerRowOverhead = sizeof(SortEntry) + sizeof(RowRef);

struct SortSinkState : GlobalSinkState {
  RunSorter sorter;
  std::mutex mutex;
  std::vector<SortedRun> runs;
  std::atomic<int64_t> reserved_bytes{0};
  // After Finalize: every row in order, and the run batches the references point into.
  std::vector<RowRef> order;
  std::vector<RecordBatchPtr> run_batches;
};

struct SortLocalState : LocalSinkState {
  std::vector<RecordBatchPtr> pending;
  int64_t pending_rows = 0;
};

struct SortSourceState : GlobalSourceState {
  std::atomic<int64_t> next_row{0};
  std::atomic<bool> released{false};
};

Status SortPendingRun(SortSinkState& global, SortLocalState& local) {
  if (local.pending.empty()) return Status::OK();
  BB_ASSIGN_OR_RAISE(RecordBatchPtr batch,
                     ConcatenateBatches(local.pending[0]->schema(), local.pending));
  local.pending.clear();
  local.pending_rows = 0;
  SortedRun run = global.sorter.Sort(std::move(batch));
  std::lock_guard<std::mutex> lock(global.mutex);
  global.runs.push_back(std::move(run));
  return Status::OK();
}

}  // namespace

SortOperator::SortOperator(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<SortKey> keys)
    : PhysicalOperator(std::move(schema), SingleChild(std::move(child))),
      keys_(std::move(keys)) {}

std::string SortOperator::details() const { return "keys: " + FormatSortKeys(keys_); }

Result<std::unique_ptr<GlobalSinkState>> SortOperator::MakeGlobalSinkState(
    ExecutionContext&) const {
  auto state = std::make_unique<SortSinkState>();
  BB_ASSIGN_OR_RAISE(state->sorter, RunSorter::Make(*child(0)->schema(), keys_));
  return state;
}

Result<std::unique_ptr<LocalSinkState>> SortOperator::MakeLocalSinkState(ThreadContext&,
                                                                          GlobalSinkState&) const {
  return std::make_unique<SortLocalState>();
}

Status SortOperator::Consume(ThreadContext& ctx, const RecordBatchPtr& input,
                             GlobalSinkState& global_state, LocalSinkState& local_state) const {
  auto& global = static_cast<SortSinkState&>(global_state);
  auto& local = static_cast<SortLocalState&>(local_state);
  const int64_t bytes = EstimateBatchBytes(*input) + kBytesPerRowOverhead * input->num_rows();
  BB_RETURN_NOT_OK(ctx.query().memory().Reserve(bytes, "sort"));
  global.reserved_bytes.fetch_add(bytes, std::memory_order_relaxed);
  local.pending.push_back(input);
  local.pending_rows += input->num_rows();
  if (local.pending_rows >= kRunRows) return SortPendingRun(global, local);
  return Status::OK();
}

Status SortOperator::Combine(ThreadContext&, GlobalSinkState& global,
                             LocalSinkState& local) const {
  return SortPendingRun(static_cast<SortSinkState&>(global), static_cast<SortLocalState&>(local));
}

Status SortOperator::Finalize(ExecutionContext&, GlobalSinkState& global_state) const {
  auto& global = static_cast<SortSinkState&>(global_state);
  global.order = global.sorter.Merge(global.runs);
  for (SortedRun& run : global.runs) {
    global.run_batches.push_back(std::move(run.batch));
    run.entries = {};
  }
  global.runs.clear();
  return Status::OK();
}

Result<std::unique_ptr<GlobalSourceState>> SortOperator::MakeGlobalSourceState(
    ExecutionContext&) const {
  return std::make_unique<SortSourceState>();
}

Result<RecordBatchPtr> SortOperator::Produce(ThreadContext& ctx, GlobalSourceState& source_state,
                                             LocalSourceState&) const {
  auto& source = static_cast<SortSourceState&>(source_state);
  auto& sorted = static_cast<SortSinkState&>(*sink_state());
  const int64_t total = static_cast<int64_t>(sorted.order.size());
  const int64_t batch_rows = ctx.query().options().batch_rows;
  const int64_t start = source.next_row.fetch_add(batch_rows, std::memory_order_relaxed);
  if (start >= total) {
    if (!source.released.exchange(true)) {
      ctx.query().memory().Release(sorted.reserved_bytes.load(std::memory_order_relaxed));
    }
    return RecordBatchPtr();
  }
  const int64_t count = std::min(batch_rows, total - start);
  return GatherRows(schema(), sorted.run_batches, sorted.order.data() + start, count);
}

}  // namespace bundlebase::sql
