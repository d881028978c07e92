// Pieces of the physical planner shared by its files.
#pragma once

#include "sql/execution/physical_operator.h"
#include "sql/planner/logical_plan.h"

namespace bundlebase::sql::internal {

// Columns an operator needs beyond its input's: computed by a projection put below it.
struct ComputedColumns {
  std::vector<ColumnId> input_ids;  // the child's columns, in order
  std::vector<ExprPtr> extra;       // resolved against the child; appended after its columns
};

// The position of `expr` in [input columns..., extra...], adding it to `extra` if needed.
Result<int> AppendComputed(ComputedColumns* cols, const ExprPtr& expr);
// `child` with the extra columns appended (the child itself when there are none).
PhysicalOperatorPtr WithComputed(PhysicalOperatorPtr child, const ComputedColumns& cols);
// Only the given columns of `child`, named by `schema`.
PhysicalOperatorPtr SelectPositions(PhysicalOperatorPtr child, const std::vector<int>& positions,
                                    SchemaPtr schema);
Result<std::vector<ExprPtr>> ResolveAll(const std::vector<ExprPtr>& exprs,
                                        const std::vector<ColumnId>& ids);

Result<PhysicalOperatorPtr> PlanNode(const LogicalOperator& op);
Result<PhysicalOperatorPtr> PlanJoin(const LogicalOperator& op,
                                     std::vector<PhysicalOperatorPtr> children);
Result<PhysicalOperatorPtr> PlanSetOperation(const LogicalOperator& op,
                                             std::vector<PhysicalOperatorPtr> children);
Result<PhysicalOperatorPtr> PlanIntersectExcept(const LogicalOperator& op,
                                                std::vector<PhysicalOperatorPtr> children);
Result<PhysicalOperatorPtr> PlanWindow(const LogicalOperator& op, PhysicalOperatorPtr child);

}  // namespace bundlebase::sql::internal
