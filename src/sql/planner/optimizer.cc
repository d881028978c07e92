// The optimizer's pass list.
#include "sql/planner/optimizer.h"

#include "sql/planner/column_pruning.h"
#include "sql/planner/filter_pushdown.h"

namespace bundlebase::sql {

Result<LogicalPtr> Optimize(LogicalPtr plan) {
  plan = PushDownFilters(std::move(plan));
  PruneColumns(plan.get());
  return plan;
}

}  // namespace bundlebase::sql
