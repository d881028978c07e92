// PhysicalPlanner: turns an optimized logical plan into executable operators.
//
// Column ids become positions here. Operators take column positions, so wherever a step needs
// computed values (group keys, aggregate arguments, sort or join keys, window arguments) the
// planner puts a projection below it that computes them, and one above it when helper columns
// must be dropped again.
#pragma once

#include "sql/execution/physical_operator.h"
#include "sql/planner/logical_plan.h"

namespace bundlebase::sql {

Result<PhysicalOperatorPtr> CreatePhysicalPlan(const LogicalOperator& plan);

}  // namespace bundlebase::sql
