// WindowOperator: collect, sort into window order, evaluate functions per partition range.
#include "sql/execution/window_operator.h"

#include <mutex>

#include <fmt/format.h>

#include "base/thread_pool.h"
#include "sql/execution/sort_batch_queue.h"
#include "sql/execution/sort_gather.h"
#include "sql/execution/sort_run.h"
#include "sql/execution/window_evaluator.h"

namespace bundlebase::sql {
namespace {

// Bytes per row the window keeps besides the rows: layout arrays and output references.
constexpr int64_t kBytesPerRowOverhead = 5 * sizeof(int64_t);

struct WindowSinkState : GlobalSinkState {
  std::mutex mutex;
  std::vector<RecordBatchPtr> input;
  BatchQueue output;
};

struct WindowLocalState : LocalSinkState {
  std::vector<RecordBatchPtr> batches;
  int64_t reserved_bytes = 0;
};

bool UsesRangeOffset(const WindowOperatorSpec& spec) {
  for (const WindowFunctionSpec& f : spec.functions) {
    if (f.frame.mode != WindowFrameMode::kRange) continue;
    for (const WindowFrameBound* b : {&f.frame.start, &f.frame.end}) {
      if (b->kind == WindowFrameBoundKind::kPreceding ||
          b->kind == WindowFrameBoundKind::kFollowing) {
        return true;
      }
    }
  }
  return false;
}

std::string FunctionName(const WindowFunctionSpec& f) {
  switch (f.kind) {
    case WindowFunctionKind::kRowNumber: return "row_number";
    case WindowFunctionKind::kRank: return "rank";
    case WindowFunctionKind::kDenseRank: return "dense_rank";
    case WindowFunctionKind::kPercentRank: return "percent_rank";
    case WindowFunctionKind::kCumeDist: return "cume_dist";
    case WindowFunctionKind::kNtile: return "ntile";
    case WindowFunctionKind::kLag: return "lag";
    case WindowFunctionKind::kLead: return "lead";
    case WindowFunctionKind::kFirstValue: return "first_value";
    case WindowFunctionKind::kLastValue: return "last_value";
    case WindowFunctionKind::kNthValue: return "nth_value";
    case WindowFunctionKind::kAggregate:
      return f.aggregate.function ? f.aggregate.function->name : "aggregate";
  }
  return "";
}

}  // namespace

WindowOperator::WindowOperator(SchemaPtr schema, PhysicalOperatorPtr child, WindowOperatorSpec spec)
    : PhysicalOperator(std::move(schema), SingleChild(std::move(child))),
      spec_(std::move(spec)) {}

std::string WindowOperator::details() const {
  std::vector<std::string> parts;
  if (!spec_.partition_columns.empty()) {
    std::string p = "partition: ";
    for (size_t i = 0; i < spec_.partition_columns.size(); ++i) {
      p += fmt::format("{}#{}", i ? ", " : "", spec_.partition_columns[i]);
    }
    parts.push_back(p);
  }
  if (!spec_.order_keys.empty()) parts.push_back("order: " + FormatSortKeys(spec_.order_keys));
  for (const WindowFunctionSpec& f : spec_.functions) {
    std::string call = f.display.empty() ? FunctionName(f) + "(...)" : f.display;
    parts.push_back(call);
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

Result<std::unique_ptr<GlobalSinkState>> WindowOperator::MakeGlobalSinkState(
    ExecutionContext&) const {
  return std::make_unique<WindowSinkState>();
}

Result<std::unique_ptr<LocalSinkState>> WindowOperator::MakeLocalSinkState(
    ThreadContext&, GlobalSinkState&) const {
  return std::make_unique<WindowLocalState>();
}

Status WindowOperator::Consume(ThreadContext& ctx, const RecordBatchPtr& input, GlobalSinkState&,
                               LocalSinkState& local_state) const {
  auto& local = static_cast<WindowLocalState&>(local_state);
  // The rows are held twice at the peak (as received and sorted), plus the layout.
  const int64_t bytes = 2 * EstimateBatchBytes(*input) + kBytesPerRowOverhead * input->num_rows();
  BB_RETURN_NOT_OK(ctx.query().memory().Reserve(bytes, "window"));
  local.reserved_bytes += bytes;
  local.batches.push_back(input);
  return Status::OK();
}

Status WindowOperator::Combine(ThreadContext&, GlobalSinkState& global_state,
                               LocalSinkState& local_state) const {
  auto& global = static_cast<WindowSinkState&>(global_state);
  auto& local = static_cast<WindowLocalState&>(local_state);
  std::lock_guard<std::mutex> lock(global.mutex);
  for (RecordBatchPtr& batch : local.batches) global.input.push_back(std::move(batch));
  global.output.AddReservedBytes(local.reserved_bytes);
  return Status::OK();
}

Result<RecordBatchPtr> WindowOperator::SortInput(ExecutionContext& ctx,
                                                 RecordBatchPtr input) const {
  std::vector<SortKey> keys;
  for (int c : spec_.partition_columns) keys.push_back(SortKey::Default(c, true));
  for (const SortKey& k : spec_.order_keys) keys.push_back(k);
  if (keys.empty()) return input;
  BB_ASSIGN_OR_RAISE(RunSorter sorter, RunSorter::Make(*input->schema(), std::move(keys)));
  const int64_t n = input->num_rows();
  const int64_t runs = std::max<int64_t>(1, std::min<int64_t>(ctx.threads(), n / 4096));
  std::vector<SortedRun> sorted(runs);
  BB_RETURN_NOT_OK(ThreadPool::Default().ParallelFor(
      runs,
      [&](size_t r) {
        const int64_t begin = n * static_cast<int64_t>(r) / runs;
        const int64_t end = n * static_cast<int64_t>(r + 1) / runs;
        sorted[r] = sorter.Sort(input->Slice(begin, end - begin));
        return Status::OK();
      },
      ctx.threads()));
  std::vector<RowRef> order = sorter.Merge(sorted);
  std::vector<RecordBatchPtr> batches;
  for (SortedRun& run : sorted) batches.push_back(std::move(run.batch));
  return GatherRows(input->schema(), batches, order.data(), n);
}

Status WindowOperator::Finalize(ExecutionContext& ctx, GlobalSinkState& global_state) const {
  auto& global = static_cast<WindowSinkState&>(global_state);
  if (global.input.empty()) return Status::OK();
  BB_ASSIGN_OR_RAISE(RecordBatchPtr all,
                     ConcatenateBatches(global.input[0]->schema(), global.input));
  global.input.clear();
  BB_ASSIGN_OR_RAISE(RecordBatchPtr sorted, SortInput(ctx, std::move(all)));
  BB_ASSIGN_OR_RAISE(WindowLayout layout, ComputeWindowLayout(*sorted, spec_));
  if (UsesRangeOffset(spec_)) BB_RETURN_NOT_OK(ComputeRangeKey(*sorted, spec_, &layout));

  // Ranges of whole partitions, about a quarter of a thread's share of the rows each.
  const size_t partitions = layout.partition_starts.size() - 1;
  const int64_t target = std::max<int64_t>(1024, layout.num_rows / (4 * ctx.threads()));
  std::vector<size_t> range_starts = {0};
  for (size_t p = 1; p < partitions; ++p) {
    if (layout.partition_starts[p] - layout.partition_starts[range_starts.back()] >= target) {
      range_starts.push_back(p);
    }
  }
  range_starts.push_back(partitions);
  const size_t tasks = range_starts.size() - 1;

  std::vector<std::unique_ptr<WindowEvaluator>> evaluators;
  for (const WindowFunctionSpec& f : spec_.functions) {
    BB_ASSIGN_OR_RAISE(auto evaluator, MakeWindowEvaluator(f, spec_, sorted, layout, tasks));
    evaluators.push_back(std::move(evaluator));
  }
  BB_RETURN_NOT_OK(ThreadPool::Default().ParallelFor(
      tasks,
      [&](size_t t) {
        for (auto& evaluator : evaluators) {
          BB_RETURN_NOT_OK(evaluator->EvaluatePartitions(range_starts[t], range_starts[t + 1], t));
        }
        return Status::OK();
      },
      ctx.threads()));

  std::vector<ArrayPtr> columns = sorted->columns();
  for (auto& evaluator : evaluators) {
    BB_ASSIGN_OR_RAISE(ArrayPtr column, evaluator->Finish());
    columns.push_back(std::move(column));
  }
  if (static_cast<int>(columns.size()) != schema()->num_fields()) {
    return Status::Internal("window output has {} columns, its schema {}", columns.size(),
                            schema()->num_fields());
  }
  auto whole = std::make_shared<RecordBatch>(schema(), layout.num_rows, std::move(columns));
  const int64_t batch_rows = ctx.options().batch_rows;
  for (int64_t start = 0; start < layout.num_rows; start += batch_rows) {
    global.output.Add(whole->Slice(start, std::min(batch_rows, layout.num_rows - start)));
  }
  return Status::OK();
}

Result<RecordBatchPtr> WindowOperator::Produce(ThreadContext& ctx, GlobalSourceState&,
                                               LocalSourceState&) const {
  return static_cast<WindowSinkState&>(*sink_state()).output.Next(ctx.query().memory());
}

}  // namespace bundlebase::sql
