// Registration of the built-in aggregate families (aggregate_functions.h).
#include "sql/functions/aggregate_functions.h"

namespace bundlebase::sql {

std::vector<AggregateFunction> BuiltinAggregateFunctions() {
  std::vector<AggregateFunction> functions;
  AddCountAggregates(&functions);
  AddSumAvgAggregates(&functions);
  AddMinMaxAggregates(&functions);
  AddVarianceAggregates(&functions);
  AddBoolAggregates(&functions);
  AddStringAggAggregates(&functions);
  AddArrayAggAggregates(&functions);
  AddApproxDistinctAggregates(&functions);
  return functions;
}

Status RegisterAggregateFunctions(FunctionRegistry* registry) {
  for (AggregateFunction& function : BuiltinAggregateFunctions()) {
    BB_RETURN_NOT_OK(registry->AddAggregate(std::move(function)));
  }
  return Status::OK();
}

}  // namespace bundlebase::sql
