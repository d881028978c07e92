// Planning UNION (distinct): the rows of both sides, then a hash aggregate over every column to
// drop duplicates. INTERSECT and EXCEPT use the set operation operator.
#include "sql/execution/aggregate_operator.h"
#include "sql/execution/union_all_operator.h"
#include "sql/planner/physical_planner_internal.h"

namespace bundlebase::sql::internal {

Result<PhysicalOperatorPtr> PlanSetOperation(const LogicalOperator& op,
                                             std::vector<PhysicalOperatorPtr> children) {
  SchemaPtr schema = op.OutputSchema();
  if (op.set_kind == SetOperationKind::kUnion) {
    auto all = std::make_unique<UnionAllOperator>(schema, std::move(children));
    std::vector<int> keys;
    for (int i = 0; i < schema->num_fields(); ++i) keys.push_back(i);
    return std::make_unique<HashAggregateOperator>(schema, std::move(all), std::move(keys),
                                                   std::vector<std::vector<int>>{},
                                                   std::vector<HashAggregateCall>{});
  }
  return PlanIntersectExcept(op, std::move(children));
}

}  // namespace bundlebase::sql::internal
