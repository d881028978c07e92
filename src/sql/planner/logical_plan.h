// LogicalOperator: the relational plan the binder builds and the optimizer rewrites, before it
// becomes physical operators.
//
// Every operator lists its output columns as (ColumnId, Field) pairs. Expressions refer to
// columns by id, so rewrites (pushing a filter below a join, pruning columns) never have to
// renumber anything; the physical planner maps ids to positions at the end.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/catalog/table.h"
#include "sql/functions/function.h"
#include "sql/planner/expression.h"

namespace bundlebase::sql {

enum class LogicalKind : uint8_t {
  kGet,          // scan of a table
  kFilter,       // rows where predicate is true
  kProjection,   // computed columns
  kAggregate,    // GROUP BY (grouping sets) with aggregates, or DISTINCT
  kJoin,         // two inputs
  kSort,         // ORDER BY
  kLimit,        // LIMIT / OFFSET
  kWindow,       // window functions over the input
  kUnionAll,     // children's rows, one after another
  kSetOperation, // UNION (distinct), INTERSECT [ALL], EXCEPT [ALL]
  kSingleRow,    // a scalar subquery's result: exactly one row (NULLs when the input is empty;
                 // more than one row is an error)
};

enum class LogicalJoinType : uint8_t { kInner, kLeft, kRight, kFull, kSemi, kAnti, kNullAwareAnti };

enum class SetOperationKind : uint8_t { kUnion, kIntersect, kExcept };

struct BoundOrderKey {
  ExprPtr expr;
  SortKeySpec spec;
};

struct BoundAggregate {
  ResolvedAggregateCall call;
  std::vector<ExprPtr> args;
  ExprPtr filter;  // FILTER (WHERE ...), or null
  bool distinct = false;
  std::vector<BoundOrderKey> order_by;
  std::string display;
};

enum class BoundWindowKind : uint8_t {
  kAggregate, kRowNumber, kRank, kDenseRank, kPercentRank, kCumeDist, kNtile, kLag, kLead,
  kFirstValue, kLastValue, kNthValue,
};

enum class WindowFrameUnit : uint8_t { kRows, kRange, kGroups };
enum class WindowBoundKind : uint8_t {
  kUnboundedPreceding, kPreceding, kCurrentRow, kFollowing, kUnboundedFollowing,
};

struct BoundWindowBound {
  WindowBoundKind kind = WindowBoundKind::kCurrentRow;
  ExprPtr offset;  // constant, for kPreceding / kFollowing
};

struct BoundWindowFunction {
  BoundWindowKind kind = BoundWindowKind::kAggregate;
  BoundAggregate aggregate;  // kAggregate (its args) — other kinds use `args`
  std::vector<ExprPtr> args;
  std::vector<ExprPtr> partition_by;
  std::vector<BoundOrderKey> order_by;
  WindowFrameUnit frame_unit = WindowFrameUnit::kRange;
  BoundWindowBound frame_start{WindowBoundKind::kUnboundedPreceding, nullptr};
  BoundWindowBound frame_end{WindowBoundKind::kCurrentRow, nullptr};
  bool has_frame = false;  // written explicitly
  DataTypePtr type;
  std::string display;
};

class LogicalOperator;
using LogicalPtr = std::unique_ptr<LogicalOperator>;

class LogicalOperator {
 public:
  explicit LogicalOperator(LogicalKind kind) : kind(kind) {}

  LogicalKind kind;
  std::vector<LogicalPtr> children;
  std::vector<ColumnId> output_ids;
  std::vector<Field> output_fields;

  // kGet
  TablePtr table;
  std::string table_label;
  std::vector<int> table_columns;        // which table columns, in output order
  std::vector<ExprPtr> pushed_filters;   // over output ids; applied by a filter on top too
  // kFilter (predicate), kJoin (condition, may be null for CROSS)
  ExprPtr predicate;
  LogicalJoinType join_type = LogicalJoinType::kInner;
  // kProjection: one per output column
  std::vector<ExprPtr> expressions;
  // kAggregate: output = group columns, aggregate columns, [grouping_id]
  std::vector<ExprPtr> groups;
  std::vector<std::vector<int>> grouping_sets;  // empty: one set of all groups
  std::vector<BoundAggregate> aggregates;
  bool has_grouping_id = false;
  // kSort
  std::vector<BoundOrderKey> order_by;
  // kLimit (-1: none)
  int64_t limit = -1;
  int64_t offset = 0;
  // kWindow: output = input columns, then one per function
  std::vector<BoundWindowFunction> windows;
  // kSetOperation
  SetOperationKind set_kind = SetOperationKind::kUnion;
  bool set_all = false;
  // Planner estimate of output rows (-1 unknown).
  int64_t estimated_rows = -1;

  SchemaPtr OutputSchema() const;
  // EXPLAIN text of the logical plan.
  std::string ToString(int depth = 0) const;
};

// Builders that fill in the output columns.
LogicalPtr MakeLogicalJoin(LogicalJoinType type, LogicalPtr left, LogicalPtr right,
                           ExprPtr condition);
LogicalPtr MakeLogicalFilter(LogicalPtr child, ExprPtr predicate);
// Output column i is expressions[i] named names[i], with a fresh id from ids[i].
LogicalPtr MakeLogicalProjection(LogicalPtr child, std::vector<ExprPtr> expressions,
                                 std::vector<std::string> names, std::vector<ColumnId> ids);
LogicalPtr MakeLogicalLimit(LogicalPtr child, int64_t limit, int64_t offset);
LogicalPtr MakeLogicalSort(LogicalPtr child, std::vector<BoundOrderKey> keys);

}  // namespace bundlebase::sql
