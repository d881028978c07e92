// Cardinality estimates by operator kind.
#include "sql/planner/cardinality.h"

#include <algorithm>

namespace bundlebase::sql {

double EstimateRows(const LogicalOperator& op) {
  constexpr double kUnknownTable = 1e6;
  auto child = [&](size_t i) { return EstimateRows(*op.children[i]); };
  switch (op.kind) {
    case LogicalKind::kGet:
      return op.estimated_rows >= 0 ? static_cast<double>(op.estimated_rows) : kUnknownTable;
    case LogicalKind::kFilter:
      return std::max(1.0, child(0) * 0.25);
    case LogicalKind::kAggregate:
      return op.groups.empty() ? 1.0 : std::max(1.0, child(0) * 0.1);
    case LogicalKind::kJoin:
      if (!op.predicate) return child(0) * child(1);
      if (op.join_type == LogicalJoinType::kSemi || op.join_type == LogicalJoinType::kAnti ||
          op.join_type == LogicalJoinType::kNullAwareAnti) {
        return child(0) * 0.5;
      }
      return std::max(child(0), child(1));
    case LogicalKind::kLimit:
      return op.limit >= 0 ? std::min<double>(static_cast<double>(op.limit), child(0)) : child(0);
    case LogicalKind::kSingleRow:
      return 1.0;
    case LogicalKind::kUnionAll:
    case LogicalKind::kSetOperation:
      return child(0) + child(1);
    default:
      return op.children.empty() ? 1.0 : child(0);
  }
}

}  // namespace bundlebase::sql
