// TopNOperator: bounded per-thread piles cut back by selection, one final ordered pick.
#include "sql/execution/top_n_operator.h"

#include <mutex>

#include <fmt/format.h>

#include "sql/execution/sort_run.h"

namespace bundlebase::sql {
namespace {

// A pile is cut back only once it holds at least this many rows, so tiny limits do not make
// every batch pay for a selection.
constexpr int64_t kMinPileRows = 4096;

struct TopNSinkState : GlobalSinkState {
  RunSorter sorter;
  std::mutex mutex;
  std::vector<RecordBatchPtr> survivors;  // each thread's best rows
  std::atomic<int64_t> reserved_bytes{0};
  // After Finalize: the output rows, in order.
  RecordBatchPtr best;
  std::vector<RowRef> order;
};

struct TopNLocalState : LocalSinkState {
  std::vector<RecordBatchPtr> pile;  // pile[0] may be the survivors of the last cut
  int64_t pile_rows = 0;
  int64_t reserved_bytes = 0;
  // Once a cut kept a full `keep` rows: the first key's prefix of the worst of them. A row
  // whose prefix is greater is strictly worse and can never make the top, so it is dropped on
  // arrival, before it is copied anywhere.
  bool has_boundary = false;
  uint64_t boundary_prefix = 0;
  std::vector<uint64_t> prefixes;  // scratch
  std::vector<RowRef> survivors;   // scratch
};

struct TopNSourceState : GlobalSourceState {
  std::atomic<int64_t> next_row{0};
  std::atomic<bool> released{false};
};

// The best `keep` rows of `batches`, in order, as one batch.
Result<RecordBatchPtr> KeepBest(const RunSorter& sorter, const std::vector<RecordBatchPtr>& batches,
                                int64_t keep) {
  BB_ASSIGN_OR_RAISE(RecordBatchPtr all, ConcatenateBatches(batches[0]->schema(), batches));
  SortedRun run = sorter.Sort(std::move(all), keep);
  std::vector<RowRef> refs(run.entries.size());
  for (size_t k = 0; k < refs.size(); ++k) refs[k] = {0, run.entries[k].row};
  return GatherRows(run.batch->schema(), {run.batch}, refs.data(),
                    static_cast<int64_t>(refs.size()));
}

// Cuts the thread's pile back to its best `keep` rows and re-reserves only what they hold.
Status CutPile(ThreadContext& ctx, TopNSinkState& global, TopNLocalState& local, int64_t keep) {
  BB_ASSIGN_OR_RAISE(RecordBatchPtr best, KeepBest(global.sorter, local.pile, keep));
  ctx.query().memory().Release(local.reserved_bytes);
  global.reserved_bytes.fetch_sub(local.reserved_bytes, std::memory_order_relaxed);
  local.reserved_bytes = EstimateBatchBytes(*best);
  BB_RETURN_NOT_OK(ctx.query().memory().Reserve(local.reserved_bytes, "top-n"));
  global.reserved_bytes.fetch_add(local.reserved_bytes, std::memory_order_relaxed);
  local.pile_rows = best->num_rows();
  if (best->num_rows() == keep && keep > 0) {
    const SortKey& key = global.sorter.comparator().keys()[0];
    local.prefixes.resize(static_cast<size_t>(keep));
    ComputeSortPrefixes(*best->column(key.column), key, local.prefixes.data());
    local.has_boundary = true;
    local.boundary_prefix = local.prefixes.back();
  }
  local.pile = {std::move(best)};
  return Status::OK();
}

// The rows of `input` that may still make the top (all of them before the first full cut).
Result<RecordBatchPtr> DropHopelessRows(const RunSorter& sorter, TopNLocalState& local,
                                        const RecordBatchPtr& input) {
  if (!local.has_boundary) return input;
  const SortKey& key = sorter.comparator().keys()[0];
  const int64_t n = input->num_rows();
  local.prefixes.resize(static_cast<size_t>(n));
  ComputeSortPrefixes(*input->column(key.column), key, local.prefixes.data());
  local.survivors.clear();
  for (int64_t r = 0; r < n; ++r) {
    if (local.prefixes[r] <= local.boundary_prefix) {
      local.survivors.push_back({0, static_cast<uint32_t>(r)});
    }
  }
  if (local.survivors.empty()) return RecordBatchPtr();
  if (static_cast<int64_t>(local.survivors.size()) == n) return input;
  return GatherRows(input->schema(), {input}, local.survivors.data(),
                    static_cast<int64_t>(local.survivors.size()));
}

}  // namespace

TopNOperator::TopNOperator(SchemaPtr schema, PhysicalOperatorPtr child, std::vector<SortKey> keys,
                           int64_t limit, int64_t offset)
    : PhysicalOperator(std::move(schema), SingleChild(std::move(child))),
      keys_(std::move(keys)),
      limit_(limit),
      offset_(offset),
      keep_(limit > INT64_MAX - offset ? INT64_MAX : limit + offset) {}

std::string TopNOperator::details() const {
  std::string out = fmt::format("keys: {}; limit {}", FormatSortKeys(keys_), limit_);
  if (offset_ > 0) out += fmt::format(" offset {}", offset_);
  return out;
}

Result<std::unique_ptr<GlobalSinkState>> TopNOperator::MakeGlobalSinkState(
    ExecutionContext&) const {
  auto state = std::make_unique<TopNSinkState>();
  BB_ASSIGN_OR_RAISE(state->sorter, RunSorter::Make(*child(0)->schema(), keys_));
  if (limit_ == 0) state->finished = true;
  return state;
}

Result<std::unique_ptr<LocalSinkState>> TopNOperator::MakeLocalSinkState(ThreadContext&,
                                                                          GlobalSinkState&) const {
  return std::make_unique<TopNLocalState>();
}

Status TopNOperator::Consume(ThreadContext& ctx, const RecordBatchPtr& input,
                             GlobalSinkState& global_state, LocalSinkState& local_state) const {
  auto& global = static_cast<TopNSinkState&>(global_state);
  auto& local = static_cast<TopNLocalState&>(local_state);
  if (limit_ == 0) return Status::OK();
  BB_ASSIGN_OR_RAISE(RecordBatchPtr candidates, DropHopelessRows(global.sorter, local, input));
  if (!candidates) return Status::OK();
  const int64_t bytes = EstimateBatchBytes(*candidates);
  BB_RETURN_NOT_OK(ctx.query().memory().Reserve(bytes, "top-n"));
  global.reserved_bytes.fetch_add(bytes, std::memory_order_relaxed);
  local.reserved_bytes += bytes;
  local.pile_rows += candidates->num_rows();
  local.pile.push_back(std::move(candidates));
  const int64_t cut_at = keep_ > INT64_MAX / 2 ? INT64_MAX : 2 * keep_;
  if (local.pile_rows >= std::max(cut_at, kMinPileRows)) return CutPile(ctx, global, local, keep_);
  return Status::OK();
}

Status TopNOperator::Combine(ThreadContext& ctx, GlobalSinkState& global_state,
                             LocalSinkState& local_state) const {
  auto& global = static_cast<TopNSinkState&>(global_state);
  auto& local = static_cast<TopNLocalState&>(local_state);
  if (local.pile.empty()) return Status::OK();
  if (local.pile_rows > keep_) {
    BB_RETURN_NOT_OK(CutPile(ctx, global, local, keep_));
  }
  std::lock_guard<std::mutex> lock(global.mutex);
  for (RecordBatchPtr& batch : local.pile) global.survivors.push_back(std::move(batch));
  return Status::OK();
}

Status TopNOperator::Finalize(ExecutionContext&, GlobalSinkState& global_state) const {
  auto& global = static_cast<TopNSinkState&>(global_state);
  if (global.survivors.empty()) return Status::OK();
  BB_ASSIGN_OR_RAISE(RecordBatchPtr all,
                     ConcatenateBatches(global.survivors[0]->schema(), global.survivors));
  global.survivors.clear();
  SortedRun run = global.sorter.Sort(std::move(all), keep_);
  for (size_t k = static_cast<size_t>(std::min<int64_t>(offset_, run.entries.size()));
       k < run.entries.size(); ++k) {
    global.order.push_back({0, run.entries[k].row});
  }
  global.best = std::move(run.batch);
  return Status::OK();
}

Result<std::unique_ptr<GlobalSourceState>> TopNOperator::MakeGlobalSourceState(
    ExecutionContext&) const {
  return std::make_unique<TopNSourceState>();
}

Result<RecordBatchPtr> TopNOperator::Produce(ThreadContext& ctx, GlobalSourceState& source_state,
                                             LocalSourceState&) const {
  auto& source = static_cast<TopNSourceState&>(source_state);
  auto& top = static_cast<TopNSinkState&>(*sink_state());
  const int64_t total = static_cast<int64_t>(top.order.size());
  const int64_t batch_rows = ctx.query().options().batch_rows;
  const int64_t start = source.next_row.fetch_add(batch_rows, std::memory_order_relaxed);
  if (start >= total) {
    if (!source.released.exchange(true)) {
      ctx.query().memory().Release(top.reserved_bytes.load(std::memory_order_relaxed));
    }
    return RecordBatchPtr();
  }
  return GatherRows(schema(), {top.best}, top.order.data() + start,
                    std::min(batch_rows, total - start));
}

}  // namespace bundlebase::sql
