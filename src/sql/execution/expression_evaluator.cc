// The evaluator's dispatch: columns, literals, function calls and casts; boolean logic and the
// conditional forms live in logical_evaluation.cc and conditional_evaluation.cc.
#include "sql/execution/expression_evaluator.h"

#include "columnar/cast.h"
#include "sql/execution/evaluator_internal.h"
#include "sql/execution/selection.h"

namespace bundlebase::sql {
namespace internal {

Result<Datum> CallKernel(const ResolvedScalarCall& call, const std::vector<Datum>& args,
                         int64_t length, KernelContext& ctx) {
  DataTypePtr saved = std::move(ctx.output_type);
  ctx.output_type = call.output_type;
  Result<Datum> out = call.kernel->exec(ctx, args, length);
  ctx.output_type = std::move(saved);
  return out;
}

Result<ArrayPtr> EvaluateOnRows(const Expression& expr, const RecordBatch& batch,
                                const std::vector<int32_t>& rows, KernelContext& ctx) {
  if (static_cast<int64_t>(rows.size()) == batch.num_rows()) {
    return EvaluateToArray(expr, batch, ctx);
  }
  BB_ASSIGN_OR_RAISE(RecordBatchPtr subset, TakeBatch(batch, rows));
  return EvaluateToArray(expr, *subset, ctx);
}

Result<ArrayPtr> ScatterParts(const DataTypePtr& type, int64_t length,
                              const std::vector<std::vector<int32_t>>& rows,
                              const std::vector<ArrayPtr>& parts) {
  // Concatenate the parts (plus one NULL for uncovered rows) and gather in row order.
  std::vector<ArrayPtr> pieces;
  std::vector<int32_t> source(static_cast<size_t>(length), -1);
  int32_t base = 0;
  for (size_t p = 0; p < parts.size(); ++p) {
    for (size_t i = 0; i < rows[p].size(); ++i) source[rows[p][i]] = base + static_cast<int32_t>(i);
    base += static_cast<int32_t>(parts[p]->length());
    if (parts[p]->length() > 0) pieces.push_back(parts[p]);
  }
  if (pieces.empty()) return MakeNullArray(type, length);
  BB_ASSIGN_OR_RAISE(ArrayPtr all, Concatenate(pieces));
  return Take(all, source);
}

}  // namespace internal

Result<Datum> Evaluate(const Expression& expr, const RecordBatch& batch, KernelContext& ctx) {
  switch (expr.kind) {
    case BoundExprKind::kColumn:
      if (expr.position < 0 || expr.position >= batch.num_columns()) {
        return Status::Internal("unresolved column {} in evaluation", expr.ToString());
      }
      return Datum(batch.column(expr.position));
    case BoundExprKind::kLiteral:
      return Datum(expr.literal);
    case BoundExprKind::kCall: {
      std::vector<Datum> args;
      args.reserve(expr.children.size());
      for (const auto& child : expr.children) {
        BB_ASSIGN_OR_RAISE(Datum d, Evaluate(*child, batch, ctx));
        args.push_back(std::move(d));
      }
      return internal::CallKernel(expr.call, args, batch.num_rows(), ctx);
    }
    case BoundExprKind::kCast: {
      BB_ASSIGN_OR_RAISE(Datum input, Evaluate(*expr.children[0], batch, ctx));
      CastOptions options;
      options.null_on_error = expr.try_cast;
      if (input.is_scalar()) {
        BB_ASSIGN_OR_RAISE(Scalar s, CastScalar(input.scalar(), expr.type, options));
        return Datum(std::move(s));
      }
      BB_ASSIGN_OR_RAISE(ArrayPtr a, Cast(input.array(), expr.type, options));
      return Datum(std::move(a));
    }
    case BoundExprKind::kAnd:
    case BoundExprKind::kOr:
    case BoundExprKind::kNot:
    case BoundExprKind::kIsNull:
    case BoundExprKind::kIsNotNull:
    case BoundExprKind::kIsDistinct:
    case BoundExprKind::kInList:
      return internal::EvaluateLogical(expr, batch, ctx);
    case BoundExprKind::kCase:
    case BoundExprKind::kCoalesce:
      return internal::EvaluateConditional(expr, batch, ctx);
  }
  return Status::Internal("unknown expression kind");
}

Result<ArrayPtr> EvaluateToArray(const Expression& expr, const RecordBatch& batch,
                                 KernelContext& ctx) {
  BB_ASSIGN_OR_RAISE(Datum d, Evaluate(expr, batch, ctx));
  return DatumToArray(d, batch.num_rows());
}

Result<std::vector<int32_t>> EvaluateSelection(const Expression& predicate,
                                               const RecordBatch& batch, KernelContext& ctx) {
  BB_ASSIGN_OR_RAISE(Datum d, Evaluate(predicate, batch, ctx));
  std::vector<int32_t> rows;
  const int64_t n = batch.num_rows();
  if (d.is_scalar()) {
    const Scalar& s = d.scalar();
    if (!s.is_null() && s.get<bool>()) {
      rows.resize(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i) rows[i] = static_cast<int32_t>(i);
    }
    return rows;
  }
  const Array& a = *d.array();
  rows.reserve(static_cast<size_t>(n));
  const uint8_t* valid = a.validity();
  const uint8_t* bits = a.buffers()[1]->data();
  const int64_t off = a.offset();
  for (int64_t i = 0; i < n; ++i) {
    bool keep = bitmap::GetBit(bits, off + i) && (!valid || bitmap::GetBit(valid, off + i));
    if (keep) rows.push_back(static_cast<int32_t>(i));
  }
  return rows;
}

}  // namespace bundlebase::sql
