// CASE and COALESCE: each branch is evaluated only on the rows that reach it, so a branch that
// would fail on other rows (a division guarded by its WHEN) does not run on them.
#include "sql/execution/evaluator_internal.h"
#include "sql/execution/selection.h"

namespace bundlebase::sql::internal {
namespace {

std::vector<int32_t> AllRows(int64_t n) {
  std::vector<int32_t> rows(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) rows[i] = static_cast<int32_t>(i);
  return rows;
}

Result<Datum> Case(const Expression& expr, const RecordBatch& batch, KernelContext& ctx) {
  const int64_t n = batch.num_rows();
  const size_t pairs = (expr.children.size() - (expr.has_else ? 1 : 0)) / 2;
  std::vector<int32_t> remaining = AllRows(n);
  std::vector<std::vector<int32_t>> rows;
  std::vector<ArrayPtr> parts;
  for (size_t p = 0; p < pairs && !remaining.empty(); ++p) {
    BB_ASSIGN_OR_RAISE(ArrayPtr cond, EvaluateOnRows(*expr.children[2 * p], batch, remaining, ctx));
    std::vector<int32_t> taken, rest;
    for (size_t k = 0; k < remaining.size(); ++k) {
      bool hit = cond->IsValid(static_cast<int64_t>(k)) && cond->GetBool(static_cast<int64_t>(k));
      (hit ? taken : rest).push_back(remaining[k]);
    }
    if (!taken.empty()) {
      BB_ASSIGN_OR_RAISE(ArrayPtr value,
                         EvaluateOnRows(*expr.children[2 * p + 1], batch, taken, ctx));
      rows.push_back(std::move(taken));
      parts.push_back(std::move(value));
    }
    remaining = std::move(rest);
  }
  if (expr.has_else && !remaining.empty()) {
    BB_ASSIGN_OR_RAISE(ArrayPtr value, EvaluateOnRows(*expr.children.back(), batch, remaining, ctx));
    rows.push_back(std::move(remaining));
    parts.push_back(std::move(value));
  }
  if (parts.size() == 1 && static_cast<int64_t>(rows[0].size()) == n) return Datum(parts[0]);
  BB_ASSIGN_OR_RAISE(ArrayPtr out, ScatterParts(expr.type, n, rows, parts));
  return Datum(out);
}

Result<Datum> Coalesce(const Expression& expr, const RecordBatch& batch, KernelContext& ctx) {
  const int64_t n = batch.num_rows();
  std::vector<int32_t> remaining = AllRows(n);
  std::vector<std::vector<int32_t>> rows;
  std::vector<ArrayPtr> parts;
  for (const auto& child : expr.children) {
    if (remaining.empty()) break;
    BB_ASSIGN_OR_RAISE(ArrayPtr value, EvaluateOnRows(*child, batch, remaining, ctx));
    if (value->null_count() == 0) {
      rows.push_back(std::move(remaining));
      parts.push_back(std::move(value));
      remaining.clear();
      break;
    }
    std::vector<int32_t> hit_pos, hit_rows, rest;
    for (size_t k = 0; k < remaining.size(); ++k) {
      if (value->IsValid(static_cast<int64_t>(k))) {
        hit_pos.push_back(static_cast<int32_t>(k));
        hit_rows.push_back(remaining[k]);
      } else {
        rest.push_back(remaining[k]);
      }
    }
    if (!hit_rows.empty()) {
      BB_ASSIGN_OR_RAISE(ArrayPtr picked, Take(value, hit_pos));
      rows.push_back(std::move(hit_rows));
      parts.push_back(std::move(picked));
    }
    remaining = std::move(rest);
  }
  if (parts.size() == 1 && static_cast<int64_t>(rows[0].size()) == n) return Datum(parts[0]);
  BB_ASSIGN_OR_RAISE(ArrayPtr out, ScatterParts(expr.type, n, rows, parts));
  return Datum(out);
}

}  // namespace

Result<Datum> EvaluateConditional(const Expression& expr, const RecordBatch& batch,
                                  KernelContext& ctx) {
  if (expr.kind == BoundExprKind::kCase) return Case(expr, batch, ctx);
  return Coalesce(expr, batch, ctx);
}

}  // namespace bundlebase::sql::internal
