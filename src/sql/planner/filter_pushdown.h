// Filter pushdown: moves each conjunct of a filter as close to the scans as it can go.
//
// A conjunct that uses one side of an inner join moves into that side; one that uses both
// becomes part of the join condition (so `FROM a, b WHERE a.x = b.y` is a hash join, not a
// cross product); one above a projection is rewritten through the projection's expressions.
// Outer joins only receive conjuncts on their preserved side. Conjuncts with volatile calls
// (random()) stay where they were written.
#pragma once

#include "sql/planner/logical_plan.h"

namespace bundlebase::sql {

LogicalPtr PushDownFilters(LogicalPtr plan);

}  // namespace bundlebase::sql
