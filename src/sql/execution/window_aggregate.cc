// Aggregates over window frames with GroupedAggregator.
//
// Rows whose frames are equal (peers under RANGE, or a whole-partition frame) share one value.
// Distinct frames are evaluated in one of two ways:
//  - batched recomputation: every distinct frame is a group, its rows are gathered and fed with
//    that group id, many frames per Update call. Total work is the sum of frame sizes, so this
//    serves whole-partition frames, small sliding frames, and many small partitions.
//  - running: when every frame starts at the partition start and frame ends only grow, one
//    aggregator takes each new stretch of rows and is finalized after it. This relies on
//    Finalize leaving the state intact (true of the built-in aggregates), and keeps running
//    sums over big partitions linear instead of quadratic.
#include <algorithm>

#include "columnar/array.h"
#include "sql/execution/sort_gather.h"
#include "sql/execution/window_evaluator.h"

namespace bundlebase::sql {
namespace {

// Rows gathered before a batched recomputation flushes into its aggregator.
constexpr int64_t kRecomputeBatchRows = 65536;
// Finalized single values collected before they are concatenated into one array.
constexpr size_t kRunningValuesPerArray = 1024;

struct TaskResult {
  std::vector<ArrayPtr> arrays;  // values; output refs point into these by index
};

class AggregateEvaluator : public WindowEvaluator {
 public:
  AggregateEvaluator(const WindowFunctionSpec& function, const RecordBatchPtr& sorted,
                     const WindowLayout& layout, double start_offset, double end_offset,
                     size_t num_tasks)
      : function_(function),
        sorted_(sorted),
        layout_(layout),
        start_offset_(start_offset),
        end_offset_(end_offset),
        refs_(layout.num_rows),
        task_of_row_(layout.num_rows),
        tasks_(num_tasks) {
    options_.output_type = function.aggregate.output_type;
    options_.arg_types = function.aggregate.arg_types;
  }

  Status EvaluatePartitions(size_t first, size_t end, size_t task) override {
    Batch batch(this, task);
    std::vector<int64_t> fs, fe;
    for (size_t p = first; p < end; ++p) {
      const int64_t ps = layout_.partition_starts[p];
      const int64_t pe = layout_.partition_starts[p + 1];
      fs.resize(pe - ps);
      fe.resize(pe - ps);
      ComputeFrames(function_.frame, layout_, ps, pe, start_offset_, end_offset_, fs.data(),
                    fe.data());
      for (int64_t r = ps; r < pe; ++r) task_of_row_[r] = static_cast<uint32_t>(task);
      bool running = true;
      int64_t frame_rows = 0;
      for (int64_t k = 0; k < pe - ps; ++k) {
        running &= fs[k] == ps && (k == 0 || fe[k] >= fe[k - 1]);
        if (k == 0 || fs[k] != fs[k - 1] || fe[k] != fe[k - 1]) frame_rows += fe[k] - fs[k];
      }
      if (running && frame_rows > 4 * (pe - ps) + 64) {
        // Pending frames first: their references count on the task's arrays as they are now.
        BB_RETURN_NOT_OK(batch.Flush());
        BB_RETURN_NOT_OK(EvaluateRunning(ps, pe, fe, task));
        continue;
      }
      for (int64_t k = 0; k < pe - ps; ++k) {
        if (k > 0 && fs[k] == fs[k - 1] && fe[k] == fe[k - 1]) {
          refs_[ps + k] = refs_[ps + k - 1];
          continue;
        }
        BB_RETURN_NOT_OK(batch.AddFrame(ps + k, fs[k], fe[k]));
      }
    }
    return batch.Flush();
  }

  Result<ArrayPtr> Finish() override {
    std::vector<const Array*> sources;
    std::vector<uint32_t> base(tasks_.size());
    for (size_t t = 0; t < tasks_.size(); ++t) {
      base[t] = static_cast<uint32_t>(sources.size());
      for (const ArrayPtr& a : tasks_[t].arrays) sources.push_back(a.get());
    }
    for (int64_t r = 0; r < layout_.num_rows; ++r) refs_[r].source += base[task_of_row_[r]];
    return GatherColumn(options_.output_type, sources, refs_.data(), layout_.num_rows);
  }

 private:
  // Batched recomputation: a group per distinct frame, rows gathered with their group ids.
  class Batch {
   public:
    Batch(AggregateEvaluator* owner, size_t task) : owner_(owner), task_(task) {}

    Status AddFrame(int64_t output_row, int64_t frame_start, int64_t frame_end) {
      const uint32_t group = static_cast<uint32_t>(groups_);
      ++groups_;
      owner_->refs_[output_row] = {static_cast<uint32_t>(owner_->tasks_[task_].arrays.size()),
                                   group};
      for (int64_t r = frame_start; r < frame_end; ++r) {
        rows_.push_back({0, static_cast<uint32_t>(r)});
        group_ids_.push_back(group);
      }
      if (static_cast<int64_t>(rows_.size()) >= kRecomputeBatchRows) return Flush();
      return Status::OK();
    }

    Status Flush() {
      if (groups_ == 0) return Status::OK();
      BB_ASSIGN_OR_RAISE(auto aggregator, owner_->NewAggregator());
      BB_RETURN_NOT_OK(aggregator->Resize(groups_));
      if (!rows_.empty()) {
        std::vector<Datum> args;
        for (int c : owner_->function_.args) {
          const ArrayPtr& column = owner_->sorted_->column(c);
          BB_ASSIGN_OR_RAISE(ArrayPtr gathered,
                             GatherColumn(column->type(), {column.get()}, rows_.data(),
                                          static_cast<int64_t>(rows_.size())));
          args.emplace_back(std::move(gathered));
        }
        BB_RETURN_NOT_OK(aggregator->Update(args, group_ids_.data(),
                                            static_cast<int64_t>(rows_.size())));
      }
      BB_ASSIGN_OR_RAISE(ArrayPtr values, aggregator->Finalize());
      owner_->tasks_[task_].arrays.push_back(std::move(values));
      rows_.clear();
      group_ids_.clear();
      groups_ = 0;
      return Status::OK();
    }

   private:
    AggregateEvaluator* owner_;
    size_t task_;
    int64_t groups_ = 0;
    std::vector<RowRef> rows_;
    std::vector<uint32_t> group_ids_;
  };

  Result<std::unique_ptr<GroupedAggregator>> NewAggregator() const {
    return function_.aggregate.kernel->make(options_);
  }

  // Frames [ps, fe[k]) with growing ends: feed each new stretch, finalize after it.
  Status EvaluateRunning(int64_t ps, int64_t pe, const std::vector<int64_t>& fe, size_t task) {
    BB_ASSIGN_OR_RAISE(auto aggregator, NewAggregator());
    BB_RETURN_NOT_OK(aggregator->Resize(1));
    std::vector<ArrayPtr> values;
    std::vector<uint32_t> zeros;
    auto& arrays = tasks_[task].arrays;
    auto flush_values = [&]() -> Status {
      if (values.empty()) return Status::OK();
      BB_ASSIGN_OR_RAISE(ArrayPtr joined, Concatenate(values));
      arrays.push_back(std::move(joined));
      values.clear();
      return Status::OK();
    };
    int64_t fed = ps;
    for (int64_t k = 0; k < pe - ps; ++k) {
      if (k > 0 && fe[k] == fe[k - 1]) {
        refs_[ps + k] = refs_[ps + k - 1];
        continue;
      }
      const int64_t stretch = fe[k] - fed;
      if (stretch > 0) {
        if (static_cast<int64_t>(zeros.size()) < stretch) zeros.resize(stretch, 0);
        std::vector<Datum> args;
        for (int c : function_.args) args.emplace_back(sorted_->column(c)->Slice(fed, stretch));
        BB_RETURN_NOT_OK(aggregator->Update(args, zeros.data(), stretch));
        fed = fe[k];
      }
      BB_ASSIGN_OR_RAISE(ArrayPtr value, aggregator->Finalize());
      refs_[ps + k] = {static_cast<uint32_t>(arrays.size()),
                       static_cast<uint32_t>(values.size())};
      values.push_back(std::move(value));
      if (values.size() == kRunningValuesPerArray) BB_RETURN_NOT_OK(flush_values());
    }
    return flush_values();
  }

  const WindowFunctionSpec& function_;
  RecordBatchPtr sorted_;
  const WindowLayout& layout_;
  double start_offset_;
  double end_offset_;
  AggregateCallOptions options_;
  std::vector<RowRef> refs_;          // per output row: (task-local array, row)
  std::vector<uint32_t> task_of_row_;  // which task's arrays refs_ points into
  std::vector<TaskResult> tasks_;
};

}  // namespace

Result<std::unique_ptr<WindowEvaluator>> MakeWindowAggregateEvaluator(
    const WindowFunctionSpec& function, const RecordBatchPtr& sorted, const WindowLayout& layout,
    double start_offset, double end_offset, size_t num_tasks) {
  return std::make_unique<AggregateEvaluator>(function, sorted, layout, start_offset, end_offset,
                                              num_tasks);
}

}  // namespace bundlebase::sql
