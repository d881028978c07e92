// Ranking and value window functions, and the choice of evaluator per function.
#include "sql/execution/window_evaluator.h"

#include <fmt/format.h>

#include "columnar/builder.h"
#include "sql/execution/sort_gather.h"

namespace bundlebase::sql {
namespace {

using Kind = WindowFunctionKind;

// row_number, rank, dense_rank, ntile (int64) and percent_rank, cume_dist (float64).
class RankingEvaluator : public WindowEvaluator {
 public:
  RankingEvaluator(const WindowFunctionSpec& function, const WindowLayout& layout)
      : kind_(function.kind), buckets_(function.offset), layout_(layout) {
    if (IsFloat()) {
      doubles_.resize(layout.num_rows);
    } else {
      ints_.resize(layout.num_rows);
    }
  }

  Status EvaluatePartitions(size_t first, size_t end, size_t) override {
    for (size_t p = first; p < end; ++p) {
      const int64_t ps = layout_.partition_starts[p];
      const int64_t pe = layout_.partition_starts[p + 1];
      const int64_t size = pe - ps;
      for (int64_t r = ps; r < pe; ++r) {
        const int64_t rank = layout_.peer_start[r] - ps + 1;
        switch (kind_) {
          case Kind::kRowNumber: ints_[r] = r - ps + 1; break;
          case Kind::kRank: ints_[r] = rank; break;
          case Kind::kDenseRank: ints_[r] = layout_.peer_index[r] + 1; break;
          case Kind::kPercentRank:
            doubles_[r] = size > 1 ? double(rank - 1) / double(size - 1) : 0.0;
            break;
          case Kind::kCumeDist:
            doubles_[r] = double(layout_.peer_end[r] - ps) / double(size);
            break;
          case Kind::kNtile: ints_[r] = NtileBucket(r - ps, size); break;
          default: break;
        }
      }
    }
    return Status::OK();
  }

  Result<ArrayPtr> Finish() override {
    if (IsFloat()) {
      FixedWidthBuilder<double> builder(Float64());
      BB_RETURN_NOT_OK(builder.AppendValues(doubles_.data(), layout_.num_rows));
      return builder.Finish();
    }
    Int64Builder builder(Int64());
    BB_RETURN_NOT_OK(builder.AppendValues(ints_.data(), layout_.num_rows));
    return builder.Finish();
  }

 private:
  bool IsFloat() const { return kind_ == Kind::kPercentRank || kind_ == Kind::kCumeDist; }

  // PostgreSQL's ntile: the first size % buckets buckets get one row more.
  int64_t NtileBucket(int64_t k, int64_t size) const {
    const int64_t per = size / buckets_;
    const int64_t extra = size % buckets_;
    const int64_t big_rows = extra * (per + 1);
    if (k < big_rows) return k / (per + 1) + 1;
    return extra + (k - big_rows) / per + 1;
  }

  Kind kind_;
  int64_t buckets_;
  const WindowLayout& layout_;
  std::vector<int64_t> ints_;
  std::vector<double> doubles_;
};

// lag, lead, first_value, last_value, nth_value: one source row per output row, gathered from
// {the value column, the default column, a NULL} at the end.
class ValueEvaluator : public WindowEvaluator {
 public:
  static constexpr uint32_t kValue = 0, kDefault = 1, kNull = 2;

  ValueEvaluator(const WindowFunctionSpec& function, const RecordBatchPtr& sorted,
                 const WindowLayout& layout, double start_offset, double end_offset)
      : function_(function),
        sorted_(sorted),
        layout_(layout),
        start_offset_(start_offset),
        end_offset_(end_offset),
        refs_(layout.num_rows) {}

  Status EvaluatePartitions(size_t first, size_t end, size_t) override {
    std::vector<int64_t> frame_start, frame_end;
    const bool uses_frame = function_.kind != Kind::kLag && function_.kind != Kind::kLead;
    for (size_t p = first; p < end; ++p) {
      const int64_t ps = layout_.partition_starts[p];
      const int64_t pe = layout_.partition_starts[p + 1];
      if (uses_frame) {
        frame_start.resize(pe - ps);
        frame_end.resize(pe - ps);
        ComputeFrames(function_.frame, layout_, ps, pe, start_offset_, end_offset_,
                      frame_start.data(), frame_end.data());
      }
      for (int64_t r = ps; r < pe; ++r) {
        int64_t source = -1;
        switch (function_.kind) {
          case Kind::kLag:
          case Kind::kLead: {
            const int64_t target =
                function_.kind == Kind::kLag ? r - function_.offset : r + function_.offset;
            if (target >= ps && target < pe) {
              source = target;
            } else {
              refs_[r] = function_.default_column >= 0 ? RowRef{kDefault, uint32_t(r)}
                                                        : RowRef{kNull, 0};
              continue;
            }
            break;
          }
          case Kind::kFirstValue:
            if (frame_end[r - ps] > frame_start[r - ps]) source = frame_start[r - ps];
            break;
          case Kind::kLastValue:
            if (frame_end[r - ps] > frame_start[r - ps]) source = frame_end[r - ps] - 1;
            break;
          default: {
            const int64_t nth = frame_start[r - ps] + function_.offset - 1;
            if (nth < frame_end[r - ps]) source = nth;
            break;
          }
        }
        refs_[r] = source >= 0 ? RowRef{kValue, uint32_t(source)} : RowRef{kNull, 0};
      }
    }
    return Status::OK();
  }

  Result<ArrayPtr> Finish() override {
    const ArrayPtr& value = sorted_->column(function_.args[0]);
    BB_ASSIGN_OR_RAISE(ArrayPtr null_row, MakeNullArray(value->type(), 1));
    const Array* default_column =
        function_.default_column >= 0 ? sorted_->column(function_.default_column).get()
                                      : null_row.get();
    return GatherColumn(value->type(), {value.get(), default_column, null_row.get()},
                        refs_.data(), layout_.num_rows);
  }

 private:
  const WindowFunctionSpec& function_;
  RecordBatchPtr sorted_;
  const WindowLayout& layout_;
  double start_offset_;
  double end_offset_;
  std::vector<RowRef> refs_;
};

bool NeedsRangeOffset(const WindowFrameBound& bound, WindowFrameMode mode) {
  return mode == WindowFrameMode::kRange && (bound.kind == WindowFrameBoundKind::kPreceding ||
                                       bound.kind == WindowFrameBoundKind::kFollowing);
}

Result<double> ConvertedOffset(const WindowFrameBound& bound, const WindowFrameSpec& frame,
                               const WindowOperatorSpec& spec, const Schema& schema) {
  if (!NeedsRangeOffset(bound, frame.mode)) {
    if (bound.offset < 0) {
      return Status::Invalid("frame starting or ending offset must not be negative");
    }
    return 0.0;
  }
  if (spec.order_keys.size() != 1) {
    return Status::Invalid(
        "RANGE with an offset PRECEDING or FOLLOWING needs exactly one ORDER BY column, not {}",
        spec.order_keys.size());
  }
  return RangeOffsetInKeyUnits(bound.range_offset,
                               *schema.field(spec.order_keys[0].column).type);
}

std::string BoundToString(const WindowFrameBound& b, WindowFrameMode mode) {
  const std::string n = mode == WindowFrameMode::kRange ? std::string("<offset>")
                                                  : std::to_string(b.offset);
  switch (b.kind) {
    case WindowFrameBoundKind::kUnboundedPreceding: return "UNBOUNDED PRECEDING";
    case WindowFrameBoundKind::kPreceding: return n + " PRECEDING";
    case WindowFrameBoundKind::kCurrentRow: return "CURRENT ROW";
    case WindowFrameBoundKind::kFollowing: return n + " FOLLOWING";
    case WindowFrameBoundKind::kUnboundedFollowing: return "UNBOUNDED FOLLOWING";
  }
  return "";
}

}  // namespace

std::string WindowFrameSpec::ToString() const {
  const char* name = mode == WindowFrameMode::kRows    ? "ROWS"
                     : mode == WindowFrameMode::kRange ? "RANGE"
                                                       : "GROUPS";
  return fmt::format("{} BETWEEN {} AND {}", name, BoundToString(start, mode),
                     BoundToString(end, mode));
}

Result<DataTypePtr> WindowFunctionOutputType(const WindowFunctionSpec& function,
                                             const Schema& input) {
  switch (function.kind) {
    case Kind::kRowNumber:
    case Kind::kRank:
    case Kind::kDenseRank:
    case Kind::kNtile: return Int64();
    case Kind::kPercentRank:
    case Kind::kCumeDist: return Float64();
    case Kind::kAggregate:
      if (!function.aggregate.kernel) {
        return Status::Internal("window aggregate {} has no resolved kernel", function.display);
      }
      return function.aggregate.output_type;
    default:
      if (function.args.empty() || function.args[0] < 0 ||
          function.args[0] >= input.num_fields()) {
        return Status::Internal("window function {} needs a value column", function.display);
      }
      return input.field(function.args[0]).type;
  }
}

Result<std::unique_ptr<WindowEvaluator>> MakeWindowEvaluator(const WindowFunctionSpec& function,
                                                             const WindowOperatorSpec& spec,
                                                             const RecordBatchPtr& sorted,
                                                             const WindowLayout& layout,
                                                             size_t num_tasks) {
  const Schema& schema = *sorted->schema();
  BB_RETURN_NOT_OK(WindowFunctionOutputType(function, schema).status());
  if (function.kind == Kind::kNtile && function.offset <= 0) {
    return Status::Invalid("argument of ntile must be greater than zero, not {}", function.offset);
  }
  if (function.kind == Kind::kNthValue && function.offset <= 0) {
    return Status::Invalid("argument of nth_value must be greater than zero, not {}",
                           function.offset);
  }
  BB_ASSIGN_OR_RAISE(double start_offset,
                     ConvertedOffset(function.frame.start, function.frame, spec, schema));
  BB_ASSIGN_OR_RAISE(double end_offset,
                     ConvertedOffset(function.frame.end, function.frame, spec, schema));
  switch (function.kind) {
    case Kind::kRowNumber:
    case Kind::kRank:
    case Kind::kDenseRank:
    case Kind::kPercentRank:
    case Kind::kCumeDist:
    case Kind::kNtile: return std::make_unique<RankingEvaluator>(function, layout);
    case Kind::kAggregate:
      return MakeWindowAggregateEvaluator(function, sorted, layout, start_offset, end_offset,
                                          num_tasks);
    default:
      return std::make_unique<ValueEvaluator>(function, sorted, layout, start_offset, end_offset);
  }
}

}  // namespace bundlebase::sql
