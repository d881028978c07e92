// Window function evaluators: each computes one function's output column over the sorted input,
// partition range by partition range, so disjoint ranges may run on different threads at once.
//
// Ranking functions write their numbers directly; value functions (lag, lead, first_value,
// last_value, nth_value) pick a source row per output row and gather once at the end; aggregates
// run GroupedAggregators over each row's frame (window_aggregate.cc).
#pragma once

#include <memory>
#include <vector>

#include "sql/execution/window_layout.h"

namespace bundlebase::sql {

class WindowEvaluator {
 public:
  virtual ~WindowEvaluator() = default;
  // Rows of partitions [first, end) (indices into layout.partition_starts); `task` numbers the
  // calling range (0 .. num_tasks - 1, given to Make) for per-range scratch results.
  virtual Status EvaluatePartitions(size_t first, size_t end, size_t task) = 0;
  // The whole output column, after every range was evaluated.
  virtual Result<ArrayPtr> Finish() = 0;
};

// `sorted` and `layout` must outlive the evaluator.
Result<std::unique_ptr<WindowEvaluator>> MakeWindowEvaluator(const WindowFunctionSpec& function,
                                                             const WindowOperatorSpec& spec,
                                                             const RecordBatchPtr& sorted,
                                                             const WindowLayout& layout,
                                                             size_t num_tasks);

// Aggregates over frames (window_aggregate.cc).
Result<std::unique_ptr<WindowEvaluator>> MakeWindowAggregateEvaluator(
    const WindowFunctionSpec& function, const RecordBatchPtr& sorted, const WindowLayout& layout,
    double start_offset, double end_offset, size_t num_tasks);

}  // namespace bundlebase::sql
