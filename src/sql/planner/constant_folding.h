// Constant folding: sub-expressions that depend on nothing but literals and immutable functions
// are evaluated once at plan time and replaced by their value.
//
// A constant that fails to evaluate (1 / 0 in a CASE branch no row reaches) is left in place:
// it fails at run time only if a row actually evaluates it.
#pragma once

#include "sql/functions/function.h"
#include "sql/planner/expression.h"

namespace bundlebase::sql {

// The value of an expression without column references (stable functions included: now()).
Result<Scalar> EvaluateConstant(const Expression& expr, int64_t statement_time_us);

ExprPtr FoldConstants(const ExprPtr& expr, int64_t statement_time_us);

}  // namespace bundlebase::sql
