// Boolean logic with SQL's three values: AND, OR, NOT, IS [NOT] NULL, IS [NOT] DISTINCT FROM and
// IN lists. AND and OR evaluate each further operand only on the rows still undecided, so a
// guard like `x <> 0 AND 10 / x > 1` never divides by zero (as PostgreSQL users expect).
#include "columnar/builder.h"
#include "sql/execution/evaluator_internal.h"

namespace bundlebase::sql::internal {
namespace {

TriBool AllUnknownOr(bool value, int64_t n) {
  TriBool t;
  t.value.assign(static_cast<size_t>(n), value ? 1 : 0);
  t.valid.assign(static_cast<size_t>(n), 1);
  return t;
}

Result<Datum> AndOr(const Expression& expr, const RecordBatch& batch, KernelContext& ctx) {
  const bool is_and = expr.kind == BoundExprKind::kAnd;
  const int64_t n = batch.num_rows();
  // Start from the identity (true for AND, false for OR); a row is decided once it holds the
  // absorbing value (false for AND, true for OR).
  TriBool acc = AllUnknownOr(is_and, n);
  const uint8_t absorbing = is_and ? 0 : 1;
  for (const auto& child : expr.children) {
    std::vector<int32_t> open;
    open.reserve(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
      if (!(acc.valid[i] && acc.value[i] == absorbing)) open.push_back(static_cast<int32_t>(i));
    }
    if (open.empty()) break;
    TriBool part;
    if (static_cast<int64_t>(open.size()) == n) {
      BB_ASSIGN_OR_RAISE(Datum d, Evaluate(*child, batch, ctx));
      part = ToTriBool(d, n);
    } else {
      BB_ASSIGN_OR_RAISE(ArrayPtr sub, EvaluateOnRows(*child, batch, open, ctx));
      part = ToTriBool(Datum(sub), static_cast<int64_t>(open.size()));
    }
    for (size_t k = 0; k < open.size(); ++k) {
      const int32_t i = open[k];
      if (part.valid[k] && part.value[k] == absorbing) {
        acc.value[i] = absorbing;
        acc.valid[i] = 1;
      } else if (!part.valid[k]) {
        acc.valid[i] = 0;
      }
    }
  }
  BB_ASSIGN_OR_RAISE(ArrayPtr out, FromTriBool(acc));
  return Datum(out);
}

Result<Datum> Not(const Expression& expr, const RecordBatch& batch, KernelContext& ctx) {
  BB_ASSIGN_OR_RAISE(Datum d, Evaluate(*expr.children[0], batch, ctx));
  if (d.is_scalar()) {
    if (d.scalar().is_null()) return Datum(Scalar::MakeNull(Bool()));
    return Datum(Scalar::FromBool(!d.scalar().get<bool>()));
  }
  TriBool t = ToTriBool(d, batch.num_rows());
  for (auto& v : t.value) v ^= 1;
  BB_ASSIGN_OR_RAISE(ArrayPtr out, FromTriBool(t));
  return Datum(out);
}

Result<Datum> NullTest(const Expression& expr, const RecordBatch& batch, KernelContext& ctx) {
  const bool want_null = expr.kind == BoundExprKind::kIsNull;
  BB_ASSIGN_OR_RAISE(Datum d, Evaluate(*expr.children[0], batch, ctx));
  if (d.is_scalar()) return Datum(Scalar::FromBool(d.scalar().is_null() == want_null));
  const Array& a = *d.array();
  BoolBuilder builder;
  BB_RETURN_NOT_OK(builder.Reserve(a.length()));
  for (int64_t i = 0; i < a.length(); ++i) builder.UnsafeAppend(a.IsNull(i) == want_null);
  BB_ASSIGN_OR_RAISE(ArrayPtr out, builder.Finish());
  return Datum(out);
}

// NULL-aware equality of two operands: distinct[i] per IS DISTINCT FROM.
Result<Datum> Distinct(const Expression& expr, const RecordBatch& batch, KernelContext& ctx) {
  const int64_t n = batch.num_rows();
  BB_ASSIGN_OR_RAISE(Datum a, Evaluate(*expr.children[0], batch, ctx));
  BB_ASSIGN_OR_RAISE(Datum b, Evaluate(*expr.children[1], batch, ctx));
  BB_ASSIGN_OR_RAISE(Datum eq, CallKernel(expr.in_equals.at(0), {a, b}, n, ctx));
  TriBool e = ToTriBool(eq, n);
  BB_ASSIGN_OR_RAISE(ArrayPtr aa, DatumToArray(a, n));
  BB_ASSIGN_OR_RAISE(ArrayPtr ba, DatumToArray(b, n));
  TriBool out = AllUnknownOr(false, n);
  for (int64_t i = 0; i < n; ++i) {
    bool an = aa->IsNull(i), bn = ba->IsNull(i);
    bool distinct = (an || bn) ? an != bn : !e.value[i];
    out.value[i] = distinct != expr.negated;
  }
  BB_ASSIGN_OR_RAISE(ArrayPtr arr, FromTriBool(out));
  return Datum(arr);
}

// x IN (a, b, ...): true if any equality is true, else NULL if any is NULL, else false.
Result<Datum> InList(const Expression& expr, const RecordBatch& batch, KernelContext& ctx) {
  const int64_t n = batch.num_rows();
  BB_ASSIGN_OR_RAISE(Datum probe, Evaluate(*expr.children[0], batch, ctx));
  TriBool acc = AllUnknownOr(false, n);
  for (size_t k = 1; k < expr.children.size(); ++k) {
    BB_ASSIGN_OR_RAISE(Datum item, Evaluate(*expr.children[k], batch, ctx));
    BB_ASSIGN_OR_RAISE(Datum eq, CallKernel(expr.in_equals.at(k - 1), {probe, item}, n, ctx));
    TriBool e = ToTriBool(eq, n);
    for (int64_t i = 0; i < n; ++i) {
      if (acc.valid[i] && acc.value[i]) continue;
      if (e.valid[i] && e.value[i]) {
        acc.value[i] = 1;
        acc.valid[i] = 1;
      } else if (!e.valid[i]) {
        acc.valid[i] = 0;
      }
    }
  }
  if (expr.negated) {
    for (auto& v : acc.value) v ^= 1;
  }
  BB_ASSIGN_OR_RAISE(ArrayPtr out, FromTriBool(acc));
  return Datum(out);
}

}  // namespace

TriBool ToTriBool(const Datum& d, int64_t length) {
  TriBool t;
  if (d.is_scalar()) {
    const Scalar& s = d.scalar();
    bool valid = !s.is_null();
    t.valid.assign(static_cast<size_t>(length), valid ? 1 : 0);
    t.value.assign(static_cast<size_t>(length), valid && s.get<bool>() ? 1 : 0);
    return t;
  }
  const Array& a = *d.array();
  t.value.resize(static_cast<size_t>(length));
  t.valid.resize(static_cast<size_t>(length));
  for (int64_t i = 0; i < length; ++i) {
    t.valid[i] = a.IsValid(i) ? 1 : 0;
    t.value[i] = t.valid[i] && a.GetBool(i) ? 1 : 0;
  }
  return t;
}

Result<ArrayPtr> FromTriBool(const TriBool& t) {
  BoolBuilder builder;
  BB_RETURN_NOT_OK(builder.Reserve(t.size()));
  for (int64_t i = 0; i < t.size(); ++i) {
    if (t.valid[i]) {
      builder.UnsafeAppend(t.value[i] != 0);
    } else {
      BB_RETURN_NOT_OK(builder.AppendNull());
    }
  }
  return builder.Finish();
}

Result<Datum> EvaluateLogical(const Expression& expr, const RecordBatch& batch,
                              KernelContext& ctx) {
  switch (expr.kind) {
    case BoundExprKind::kAnd:
    case BoundExprKind::kOr:
      return AndOr(expr, batch, ctx);
    case BoundExprKind::kNot:
      return Not(expr, batch, ctx);
    case BoundExprKind::kIsNull:
    case BoundExprKind::kIsNotNull:
      return NullTest(expr, batch, ctx);
    case BoundExprKind::kIsDistinct:
      return Distinct(expr, batch, ctx);
    case BoundExprKind::kInList:
      return InList(expr, batch, ctx);
    default:
      return Status::Internal("not a logical expression: {}", expr.ToString());
  }
}

}  // namespace bundlebase::sql::internal
