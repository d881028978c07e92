// The optimizer's pass list.
#include "sql/planner/optimizer.h"

#include "sql/planner/filter_pushdown.h"

namespace bundlebase::sql {

Result<LogicalPtr> Optimize(LogicalPtr plan) { return PushDownFilters(std::move(plan)); }

}  // namespace bundlebase::sql
