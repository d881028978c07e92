// Constant folding through the vectorized evaluator on a one-row batch without columns.
#include "sql/planner/constant_folding.h"

#include <random>

#include "columnar/record_batch.h"
#include "sql/execution/expression_evaluator.h"

namespace bundlebase::sql {

Result<Scalar> EvaluateConstant(const Expression& expr, int64_t statement_time_us) {
  static const auto kOneRow = std::make_shared<RecordBatch>(MakeSchema({}), 1,
                                                            std::vector<ArrayPtr>{});
  std::mt19937_64 rng(std::random_device{}());
  KernelContext ctx;
  ctx.statement_time_us = statement_time_us;
  ctx.rng = &rng;
  BB_ASSIGN_OR_RAISE(Datum d, Evaluate(expr, *kOneRow, ctx));
  if (d.is_scalar()) return d.scalar();
  return GetScalar(*d.array(), 0);
}

ExprPtr FoldConstants(const ExprPtr& expr, int64_t statement_time_us) {
  if (expr->kind == BoundExprKind::kLiteral || expr->kind == BoundExprKind::kColumn) return expr;
  if (expr->IsConstant()) {
    auto value = EvaluateConstant(*expr, statement_time_us);
    if (!value.ok()) return expr;
    Scalar folded = std::move(value).MoveValueUnsafe();
    if (!folded.type()->Equals(*expr->type)) {
      if (!folded.is_null()) return expr;
      folded = Scalar::MakeNull(expr->type);
    }
    auto literal = std::make_shared<Expression>(*MakeLiteral(std::move(folded)));
    literal->display = expr->display;
    return ExprPtr(literal);
  }
  auto copy = std::make_shared<Expression>(*expr);
  for (auto& c : copy->children) c = FoldConstants(c, statement_time_us);
  return copy;
}

}  // namespace bundlebase::sql
