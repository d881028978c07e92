// Cardinality estimates: how many rows a logical operator is expected to produce, from table
// statistics and fixed selectivities (a filter keeps a quarter, an equi-join the larger side).
// Used to pick a hash join's build side; good enough to tell a dimension from a fact table.
#pragma once

#include "sql/planner/logical_plan.h"

namespace bundlebase::sql {

double EstimateRows(const LogicalOperator& op);

}  // namespace bundlebase::sql
