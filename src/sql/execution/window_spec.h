// What a WindowOperator computes: one (PARTITION BY, ORDER BY) window and the window functions
// evaluated over it, each with its frame.
//
// Like every operator, the window takes column positions, not expressions: the planner puts a
// projection below it that computes partition keys, order keys and function arguments.
#pragma once

#include <string>
#include <vector>

#include "columnar/scalar.h"
#include "sql/execution/row_comparator.h"
#include "sql/functions/function_registry.h"

namespace bundlebase::sql {

enum class WindowFunctionKind : uint8_t {
  kRowNumber,
  kRank,
  kDenseRank,
  kPercentRank,
  kCumeDist,
  kNtile,       // ntile(offset buckets)
  kLag,         // lag(args[0], offset, default_column)
  kLead,        // lead(args[0], offset, default_column)
  kFirstValue,  // first_value(args[0]) over the frame
  kLastValue,   // last_value(args[0]) over the frame
  kNthValue,    // nth_value(args[0], offset) over the frame
  kAggregate,   // aggregate(args...) over the frame
};

enum class WindowFrameMode : uint8_t { kRows, kRange, kGroups };

enum class WindowFrameBoundKind : uint8_t {
  kUnboundedPreceding,
  kPreceding,
  kCurrentRow,
  kFollowing,
  kUnboundedFollowing,
};

struct WindowFrameBound {
  WindowFrameBoundKind kind = WindowFrameBoundKind::kCurrentRow;
  // ROWS and GROUPS: how many rows / peer groups (>= 0).
  int64_t offset = 0;
  // RANGE: the distance in the order key's units — a number for numeric keys, an interval
  // (days and time, no months) for date and timestamp keys.
  Scalar range_offset;

  static WindowFrameBound Of(WindowFrameBoundKind kind, int64_t offset = 0) {
    WindowFrameBound b;
    b.kind = kind;
    b.offset = offset;
    return b;
  }
  static WindowFrameBound RangeOffset(WindowFrameBoundKind kind, Scalar offset) {
    WindowFrameBound b;
    b.kind = kind;
    b.range_offset = std::move(offset);
    return b;
  }
};

struct WindowFrameSpec {
  WindowFrameMode mode = WindowFrameMode::kRange;
  WindowFrameBound start = WindowFrameBound::Of(WindowFrameBoundKind::kUnboundedPreceding);
  WindowFrameBound end = WindowFrameBound::Of(WindowFrameBoundKind::kCurrentRow);

  // PostgreSQL's default: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW, which without an
  // ORDER BY (every row a peer) is the whole partition.
  static WindowFrameSpec Default() { return {}; }
  // "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW".
  std::string ToString() const;
};

struct WindowFunctionSpec {
  WindowFunctionKind kind = WindowFunctionKind::kRowNumber;
  std::vector<int> args;        // input column positions
  int64_t offset = 1;           // lag/lead distance, ntile buckets, nth_value's n
  int default_column = -1;      // lag/lead: the column giving the default, or -1 for NULL
  ResolvedAggregateCall aggregate;  // kAggregate
  WindowFrameSpec frame;            // used by first/last/nth_value and aggregates
  std::string display;          // for EXPLAIN: "sum(#2) OVER (...)"
};

struct WindowOperatorSpec {
  std::vector<int> partition_columns;
  std::vector<SortKey> order_keys;
  std::vector<WindowFunctionSpec> functions;
};

// The output type of a window function over `input` columns.
Result<DataTypePtr> WindowFunctionOutputType(const WindowFunctionSpec& function,
                                             const Schema& input);

}  // namespace bundlebase::sql
