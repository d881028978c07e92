// The list of built-in function families, in registration order.
#include "sql/functions/builtin_functions.h"

#include "sql/functions/aggregate_functions.h"
#include "sql/functions/scalar_families.h"

namespace bundlebase::sql {

Status RegisterBuiltinFunctions(FunctionRegistry* registry) {
  BB_RETURN_NOT_OK(RegisterNumericArithmetic(registry));
  BB_RETURN_NOT_OK(RegisterDecimalArithmetic(registry));
  BB_RETURN_NOT_OK(RegisterComparisons(registry));
  BB_RETURN_NOT_OK(RegisterTemporalArithmetic(registry));
  BB_RETURN_NOT_OK(RegisterPatternMatching(registry));
  BB_RETURN_NOT_OK(RegisterStringFunctions(registry));
  BB_RETURN_NOT_OK(RegisterMathFunctions(registry));
  BB_RETURN_NOT_OK(RegisterDatetimeFunctions(registry));
  BB_RETURN_NOT_OK(RegisterAggregateFunctions(registry));
  return Status::OK();
}

}  // namespace bundlebase::sql
