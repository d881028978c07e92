// Registration entry points of the scalar function and operator families, one per file group;
// builtin_functions.cc calls each once.
#pragma once

#include "sql/functions/function_registry.h"

namespace bundlebase::sql {

Status RegisterNumericArithmetic(FunctionRegistry* registry);    // arithmetic_numeric.cc
Status RegisterDecimalArithmetic(FunctionRegistry* registry);    // arithmetic_decimal.cc
Status RegisterTemporalArithmetic(FunctionRegistry* registry);   // arithmetic_temporal.cc
Status RegisterComparisons(FunctionRegistry* registry);          // comparison.cc
Status RegisterPatternMatching(FunctionRegistry* registry);      // like.cc, regex_operators.cc
Status RegisterStringFunctions(FunctionRegistry* registry);      // string_functions*.cc
Status RegisterMathFunctions(FunctionRegistry* registry);        // math_functions.cc
Status RegisterDatetimeFunctions(FunctionRegistry* registry);    // datetime_*.cc

}  // namespace bundlebase::sql
